"""The Lunar Lab Processing provider (id 'lunar') and its algorithms."""
