"""Errors a user can cause and fix; each carries one sentence fit to show them."""


class KaizenError(Exception):
    """A problem the user can understand; str(error) is the sentence to show."""


class NotFound(KaizenError):
    """The workshop, note or other item asked for does not exist."""


class InvalidInput(KaizenError):
    """A value was out of range, empty where required, or malformed."""


class LibraryRefused(KaizenError):
    """A file was not opened; it was left exactly as it was."""


class LibraryBusy(KaizenError):
    """Another program holds the library's write lock; nothing was changed."""
