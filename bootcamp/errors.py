"""The one exception family a user ever sees: a clear message, never a traceback."""


class UserError(Exception):
    """Something the user can fix; ``str()`` is the whole message, naming what and where."""

    exit_code = 1
