"""The commitment-test summary: content + stored answers → one report (pure functions, no Textual)."""

from bootcamp.summary.model import CommitmentReport, DimensionResult, DimensionStatus
from bootcamp.summary.report import build_report

__all__ = ["CommitmentReport", "DimensionResult", "DimensionStatus", "build_report"]
