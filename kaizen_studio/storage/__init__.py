"""Library files: opening, creating, migrating, backing up, checking. No Qt."""
