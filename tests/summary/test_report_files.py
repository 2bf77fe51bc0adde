"""The names of the summary files the screen writes: safe on every file system, one pair per workshop."""

from __future__ import annotations

from dataclasses import replace

from summary_rooms import golden_room, hostile_room

from bootcamp.export.report_files import file_stem, slug, summary_files


def test_slug_folds_to_ascii_letters_digits_and_hyphens() -> None:
    assert slug("Customer leadership boot camp") == "customer-leadership-boot-camp"
    assert slug("Ünïcödé: Café & Co. 2026!") == "unicode-cafe-co-2026"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("名前") == ""
    assert len(slug("x" * 200)) == 40


def test_file_stem_carries_the_workshop_id_so_two_workshops_never_share_a_file() -> None:
    report = golden_room().report()
    assert file_stem(report) == "commitment-test-spring-boot-camp-w1"
    assert file_stem(replace(report, workshop="名前", workshop_id="a/b")) == "commitment-test-ab"


def test_hostile_names_give_safe_file_names_and_both_formats() -> None:
    report = hostile_room().report()
    files = summary_files(report)
    assert sorted(name.rsplit(".", 1)[1] for name in files) == ["html", "md"]
    for name in files:
        assert all(char.isascii() and (char.isalnum() or char in "-.") for char in name)
    markdown = next(text for name, text in files.items() if name.endswith(".md"))
    assert markdown.startswith("# Commitment test:")
