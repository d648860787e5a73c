"""The documentation site builds without a warning (`mkdocs build --strict`, as `make docs` and CI run it), its
generated pages follow the code (one reference page per algorithm, one card page per models/*.json), and the README
stays a short quick start that points into the site."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README_MAX_LINES = 150


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    mkdocs = Path(sys.executable).with_name("mkdocs")
    if not mkdocs.exists():   # fail, not skip: make setup (and scripts/qgis-chroot.sh) install requirements-docs.txt
        pytest.fail(f"{mkdocs} is missing: make setup installs the docs packages (requirements-docs.txt)")
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-4000:]
    return out


def test_site_builds_strict_with_every_page(site):
    for page in ("index.html", "getting-started.html", "changelog.html", "performance.html",
                 "tutorials/craters-ldem4.html", "tutorials/nac-counting.html", "tutorials/oxides.html",
                 "tutorials/cluster.html", "reference/index.html", "models/index.html"):
        assert (site / page).is_file(), page


def test_reference_has_one_generated_page_per_algorithm(site):
    from lunar_lab.processing_provider.algorithms import all_algorithms
    for alg in all_algorithms():
        alg.initAlgorithm({})
        page = (site / "reference" / f"{alg.name()}.html").read_text(encoding="utf-8")
        assert f"lunar:{alg.name()}" in page
        for parameter in alg.parameterDefinitions():  # every parameter, as the algorithm defines it today
            assert f"<code>{parameter.name()}</code>" in page, (alg.name(), parameter.name())


def test_model_cards_are_generated_from_every_card(site):
    for card in sorted((ROOT / "models").glob("*.json")):
        page = (site / "models" / f"{card.stem}.html").read_text(encoding="utf-8")
        assert f"models/{card.stem}.json" in page


def test_screenshots_and_figures_the_pages_show_exist(site):
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served from any depth, so its links are absolute
            continue
        for src in re.findall(r'<img[^>]+src="([^"]+)"', page.read_text(encoding="utf-8")):
            if src.startswith(("http:", "https:", "data:")):
                continue
            assert (page.parent / src).resolve().is_file(), (page, src)


def test_readme_is_a_short_quick_start_pointing_into_the_docs():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines (at most {README_MAX_LINES})"
    text = "\n".join(lines)
    assert "make demo" in text and "make test" in text and "make docs" in text
    for target in re.findall(r"\]\((docs/[^)#]+)", text):
        assert (ROOT / target).exists(), target
