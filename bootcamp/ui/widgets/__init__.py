"""Widgets: each shows state it is given and posts what the user did as a message."""
