"""The summary as the files a facilitator takes away: Markdown and printable HTML, named after the workshop.

The name is made of the workshop's name folded to ASCII letters, digits and hyphens plus its
generated id, so it is safe on every file system and two workshops never share a file.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from bootcamp.summary.model import CommitmentReport

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bootcamp.summary.lineage import EarlierChoice

SLUG_LENGTH = 40


def slug(text: str) -> str:
    """``Customer leadership boot camp`` → ``customer-leadership-boot-camp``; nothing unsafe survives."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:SLUG_LENGTH].strip("-")


def file_stem(report: CommitmentReport) -> str:
    parts = ("commitment-test", slug(report.workshop), re.sub(r"[^A-Za-z0-9]+", "", report.workshop_id))
    return "-".join(part for part in parts if part)


def summary_files(
    report: CommitmentReport,
    earlier: CommitmentReport | None = None,
    chosen: EarlierChoice | None = None,
    older: Sequence[CommitmentReport] = (),
) -> dict[str, str]:
    """File name → text: the Markdown summary and the printable HTML one; with ``earlier`` (the run the summary's
    Progress page compares with, ``chosen`` saying why), the progress since then too, as ``bootcamp compare``
    writes it (with ``older``, the runs before ``earlier``, whose actions still open are carried), unless the two
    runs cannot be compared (the Progress page says why)."""
    from bootcamp.errors import UserError
    from bootcamp.export.report_html import render_html
    from bootcamp.export.report_markdown import render_markdown

    stem = file_stem(report)
    files = {f"{stem}.md": render_markdown(report), f"{stem}.html": render_html(report)}
    if earlier is not None:
        from bootcamp.export.comparison_html import render_comparison_html
        from bootcamp.export.comparison_markdown import render_comparison_markdown
        from bootcamp.summary.comparison import compare

        try:
            comparison = compare(earlier, report, older)
        except UserError:
            return files
        files[f"{stem}-progress.md"] = render_comparison_markdown(comparison, chosen)
        files[f"{stem}-progress.html"] = render_comparison_html(comparison, chosen)
    return files
