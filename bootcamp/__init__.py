"""bootcamp: run a Chief Customer Officer boot camp from the terminal."""

__version__ = "0.1.0"
