"""One page per workshop stage. Each module adds its page class to PAGES in registry.py."""
