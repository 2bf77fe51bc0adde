"""The marks a pasted line may carry: bullets and numbers at its start, rules, Markdown's headings, quotes, tables,
bold, italics and links."""

from __future__ import annotations

import re

# A symbol bullet may touch its text ("•Lead …" is how a PDF often pastes); an ASCII one
# (- * + o) needs a space after it, or "-based" and "*bold*" would read as bullets.
# The private-use ones are the Symbol and Wingdings bullets Word and PDFs paste (U+F0B7, U+F0A7, U+F076 …).
# Any of the Symbol font's private-use range is one: LibreOffice's list bullet comes out of a PDF as U+F095.
_SYMBOL_BULLETS = "•·–—▪▫■□●○◦‣⁃➢➤►▶→✓✔❖\uf020-\uf0ff"
# An emoji used as a bullet ("✅ Own …", "👉 Run …") is one when a space follows it.
_EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
_BULLET = re.compile(rf"^(?:[-*+o](?=\s)|[{_SYMBOL_BULLETS}]|[{_EMOJI}]\ufe0f?(?=\s))\s*(?=\S)")
_EMOJI_MARK = re.compile(rf"^[{_EMOJI}]")
# 1.  1)  1.2  (a)  a.  a)  iv.  — one or two digits, so "2024." and "10+ years" are not numbers.
_NUMBER = re.compile(
    r"^(?:\(\s*(?:\d{1,2}|[a-zA-Z]|[ivx]{2,4})\s*\)|(?:\d{1,2}(?:\.\d{1,2})*|[a-zA-Z]|[ivx]{2,4})[.)]|\d{1,2}(?:\.\d{1,2})+)"
    r"\s+(?=\S)"
)
_RULE = re.compile(r"^(?:[-=_*]\s*){3,}$")  # --- *** ___ === : a Markdown rule (or a heading's underline)
_PIPE_ROW = re.compile(r"^\|.*\|\s*$")  # | Set the vision | 30% |: a row of a Markdown table
_PIPE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$")  # |---|:---:|: under its header row
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_QUOTE = re.compile(r"^(?:>\s?)+")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+?)\1\s*(:?)$")
# Bounded, as every pattern of the splitter that could scan the rest of a line from many starting points: a
# pasted megabyte must not take minutes.
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1")
# *support team*, _support team_: italics, kept apart from a word's own "_" or a multiplication's "*"
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_]{1,500}?)(?<=[^\s*_])\1(?![\w*])")
_LINK = re.compile(r"\[([^\[\]]{1,500})\]\([^()\s]{1,2000}\)")


def _undecorated(text: str) -> str:
    """The text without Markdown's bold and italic marks."""
    return _ITALIC.sub(r"\2", _BOLD.sub(r"\2", text))
