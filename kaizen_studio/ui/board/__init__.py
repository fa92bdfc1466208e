"""The affinity board: a QGraphicsScene of sticky cards and theme frames, and its view."""
