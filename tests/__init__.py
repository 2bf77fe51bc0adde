"""The test suite. A package only so that ``python -m tests.benchmarks`` can be run from the checkout;
pytest still imports the test folders (which have no ``__init__.py``) by their own names."""
