"""Benchmarks: figures of the app measured against a floor in the same run (DESIGN.md, Tests).

``python -m tests.benchmarks`` prints them; they are not part of the test suite's pass/fail.
Each figure is a ratio of medians against a floor measured interleaved with it, because
the machines this runs on are shared and noisy.
"""
