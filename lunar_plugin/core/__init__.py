"""The science of Lunar Lab: numpy, scipy, GDAL and torch only, never qgis.

Every public function that loops over data takes an optional ``feedback`` object with
``setProgress(percent)`` and ``isCanceled()`` -- a QgsProcessingFeedback fits as it is --
and raises ``errors.LunarInputError`` for bad input, ``errors.Cancelled`` when cancelled.
"""
