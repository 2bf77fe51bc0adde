"""The HTML summary opened in headless Chromium: its headings and charts render, hostile text stays text.

The screenshot is saved under the test's tmp_path and, when ``BOOTCAMP_ARTIFACTS`` is set,
copied there as ``summary.png``.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from summary_rooms import golden_room, hostile_room

from bootcamp.export.report_html import render_html

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,2000",
]


class Dom(HTMLParser):
    """Elements (tag, classes) and the text of each heading of a dumped DOM."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, set[str], dict[str, str]]] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: list[str] | None = None
        self._heading_tag = ""
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, set(attributes.get("class", "").split()), attributes))
        if tag in ("h1", "h2", "h3"):
            self._heading, self._heading_tag = [], tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading_tag and self._heading is not None:
            self.headings.append((tag, " ".join("".join(self._heading).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)

    def count(self, tag: str, css_class: str = "") -> int:
        return sum(1 for t, classes, _ in self.elements if t == tag and (not css_class or css_class in classes))


def run_chromium(chromium: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(chromium), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", header[16:24])


def test_html_summary_renders_headings_and_charts_in_chromium(chromium: Path, tmp_path: Path) -> None:
    report = golden_room().report(as_of="2026-10-15")
    page = tmp_path / "summary.html"
    page.write_text(render_html(report), encoding="utf-8")

    dumped = run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = Dom(dumped.stdout)
    headings = dict((text, tag) for tag, text in dom.headings)
    assert "Commitment test: Spring boot camp" in headings
    for section in ("Overall", "Dimensions", "Weakest first", "Two aptitudes: heat map", "Role definition", "Actions"):
        assert headings.get(section) == "h2", (section, dom.headings)
    assert "1 Structure 17/100 · Lip service" in headings  # weakest first
    # charts: the gauge, one score bar per dimension, the tactical-share bar, the self/team dumbbells
    assert dom.count("svg", "gauge") == 1
    assert dom.count("svg", "score-bar") == len(report.dimensions)
    assert dom.count("svg", "stacked-bar") == 1
    assert dom.count("svg", "dumbbell") == len(report.heat_maps[0].gaps)
    # the heat map: a coloured cell per participant and column, plus the room's averages
    heat_map = report.heat_maps[0]
    assert dom.count("td", "cell") == (len(heat_map.rows) + 1) * len(heat_map.columns)
    assert dom.count("script") == 0 and dom.count("link") == 0

    screenshot = tmp_path / "summary.png"
    shot = run_chromium(chromium, tmp_path / "profile", f"--screenshot={screenshot}", page.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert png_size(screenshot) == (1200, 2000)
    assert screenshot.stat().st_size > 50_000  # a blank page compresses to a few KB
    if artifacts := os.environ.get("BOOTCAMP_ARTIFACTS"):
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(artifacts) / "summary.png")
        shutil.copy(page, Path(artifacts) / "summary.html")


def test_hostile_text_stays_text_in_chromium(chromium: Path, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(render_html(hostile_room().report()), encoding="utf-8")
    dumped = run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = Dom(dumped.stdout)
    assert dom.count("script") == 0
    assert dom.count("img") == 0
    assert dom.count("a") == 0  # no participant text became a link
    assert not any(name.startswith("on") for _, _, attributes in dom.elements for name in attributes)
    # the text is there, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dumped.stdout
    assert "[x](javascript:alert(1))" in dumped.stdout
