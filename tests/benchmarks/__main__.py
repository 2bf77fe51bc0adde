"""``python -m tests.benchmarks [--quick] [--runs N] [--dir DIR]``: print the benchmark table."""

from tests.benchmarks.cli import main

raise SystemExit(main())
