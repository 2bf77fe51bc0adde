"""The summary screen's parts: each shows one part of a ``CommitmentReport`` (charts, lists, tables)."""
