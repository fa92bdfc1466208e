"""Data files shipped with Kaizen Studio (installed as kaizen_studio.resources)."""
