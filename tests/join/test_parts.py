"""The join server's parts that need no server: the code, the QR code, the addresses, guessing, seats."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bootcamp.join.addresses import candidates, kind_of
from bootcamp.join.join_code import CODE_LENGTH, CODE_LETTERS, looks_like_a_code, new_join_code
from bootcamp.join.qr import QUIET_ZONE, qr_matrix, qr_svg
from bootcamp.join.seats import SeatRefused, Seats
from bootcamp.join.wrong_codes import WrongCodes


def test_a_join_code_is_five_letters_without_look_alikes() -> None:
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) > 190
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_LETTERS) for code in codes)
    assert not set("IL1O0SZ5B8U") & set(CODE_LETTERS)
    assert looks_like_a_code("ABCDE") and not looks_like_a_code("favicon.ico") and not looks_like_a_code("")


def test_the_qr_code_is_black_on_white_with_its_quiet_zone() -> None:
    url = "http://192.168.1.20:8765/ACDEF"
    matrix = qr_matrix(url)
    size = len(matrix)
    assert all(len(row) == size for row in matrix) and size >= 21 + 2 * QUIET_ZONE
    assert not any(matrix[0]) and not any(row[0] for row in matrix)  # white all round
    assert matrix[QUIET_ZONE][QUIET_ZONE]  # the finder pattern's black corner
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "#000" in svg and "#fff" in svg


def test_addresses_are_named_for_the_facilitator() -> None:
    assert kind_of("wlan0", "192.168.1.20") == "Wi-Fi"
    assert kind_of("wlp2s0", "10.0.0.5") == "Wi-Fi"
    assert kind_of("eth0", "192.168.1.21") == "Ethernet"
    assert kind_of("enp3s0", "192.168.1.21") == "Ethernet"
    assert kind_of("en0", "192.168.1.22") == "Wi-Fi or Ethernet"  # macOS names both so
    assert kind_of("docker0", "172.17.0.1") == "virtual"
    assert kind_of("lo", "127.0.0.1") == "loopback"
    found = candidates()
    assert found[-1].address == "127.0.0.1" and found[-1].loopback  # loopback last, always offered
    assert found[-1].label == "127.0.0.1 (loopback: this machine only)"
    assert all(":" not in c.address for c in found)


def test_wrong_codes_are_free_then_slowed_then_refused_and_forgotten() -> None:
    guard = WrongCodes(free_tries=2, refuse_after=4, delay_step=0.5, window=60)
    verdicts = [guard.wrong("10.0.0.9", 100.0) for _ in range(4)]
    assert [(v.refused, v.delay) for v in verdicts] == [(False, 0.0), (False, 0.0), (False, 0.5), (True, 0.0)]
    assert guard.refused("10.0.0.9", 120.0) and not guard.refused("10.0.0.8", 120.0)
    assert guard.retry_after("10.0.0.9", 120.0) == 41
    assert not guard.refused("10.0.0.9", 160.0)  # the window passed


def test_a_seat_is_held_by_one_browser_until_released() -> None:
    seats = Seats()
    seat = seats.claim("p1", "hash-a", "Ana")
    assert seats.seat_of("hash-a") is seat and seats.joined == ("p1",)
    with pytest.raises(SeatRefused, match="Ana's seat is taken on another phone"):
        seats.claim("p1", "hash-b", "Ana")
    with pytest.raises(SeatRefused, match="has a seat already"):
        seats.claim("p2", "hash-a", "Ben")
    waiting = seats.ask("Dee", "hash-b")
    assert seats.ask("Dee D", "hash-b").name == "Dee D" and len(seats.waiting) == 1  # asking again replaces
    with pytest.raises(SeatRefused):
        seats.take_waiting(waiting.id)
    assert seats.release("p1") and seats.seat_of("hash-a") is None and not seats.release("p1")


def test_starting_the_app_does_not_import_the_server() -> None:
    """Joining is imported when it starts: the console's start-up does not pay for aiohttp, Jinja2 or segno."""
    script = (
        "import json, sys\n"
        "import bootcamp.cli, bootcamp.ui.app, bootcamp.live.workshop\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'jinja2', 'segno', 'ifaddr')\n"
        "                        or m.startswith('bootcamp.join'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
