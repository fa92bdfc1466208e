"""Kaizen Studio: co-creation workshops from bottleneck to followed-up change."""

__version__ = "0.1.0"
APP_NAME = "Kaizen Studio"
