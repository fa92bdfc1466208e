"""The Qt interface. Pages call services and show their results; no business rules here."""
