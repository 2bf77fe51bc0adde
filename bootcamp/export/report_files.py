"""The summary as the files a facilitator takes away: Markdown and printable HTML, named after the workshop.

The name is made of the workshop's name folded to ASCII letters, digits and hyphens plus its
generated id, so it is safe on every file system and two workshops never share a file.
"""

from __future__ import annotations

import re
import unicodedata

from bootcamp.summary.model import CommitmentReport

SLUG_LENGTH = 40


def slug(text: str) -> str:
    """``Customer leadership boot camp`` → ``customer-leadership-boot-camp``; nothing unsafe survives."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:SLUG_LENGTH].strip("-")


def file_stem(report: CommitmentReport) -> str:
    parts = ("commitment-test", slug(report.workshop), re.sub(r"[^A-Za-z0-9]+", "", report.workshop_id))
    return "-".join(part for part in parts if part)


def summary_files(report: CommitmentReport) -> dict[str, str]:
    """File name → text: the Markdown summary and the printable HTML one."""
    from bootcamp.export.report_html import render_html
    from bootcamp.export.report_markdown import render_markdown

    stem = file_stem(report)
    return {f"{stem}.md": render_markdown(report), f"{stem}.html": render_html(report)}
