"""The join server on a room network: a wrong code, guessing, tokens, Host and Origin, sizes, headers, escaping, its log."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import stat
import time
from pathlib import Path

import aiohttp
import pytest

from bootcamp.join.server import JoinError, JoinServer, refused
from bootcamp.join.wrong_codes import WrongCodes
from bootcamp.limits import NOTE
from bootcamp.store import Store, WorkshopFiles

from .conftest import MANDATE, TALK, Phone, Room, closing, create, phone_at, text_of


async def get(url: str, **headers: str) -> tuple[int, str, dict[str, str]]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers, allow_redirects=False) as response:
        return response.status, await response.text(), dict(response.headers)


async def test_a_wrong_code_is_404_and_an_address_that_keeps_guessing_is_slowed_then_refused(
    files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    room.server.guard.wrong_codes = WrongCodes(free_tries=2, refuse_after=5, delay_step=0.1)
    origin = room.origin
    status, text, _ = await get(f"{origin}/QQQQQ")
    assert status == 404 and "Scan the new code on the wall" in text_of(text)
    assert (await get(f"{origin}/favicon.ico"))[0] == 404  # a browser's own request is no guess
    await get(f"{origin}/QQQQR")
    started = time.monotonic()
    await get(f"{origin}/QQQQS")  # the third guess waits 0.1 s, the fourth 0.2 s
    await get(f"{origin}/QQQQT/events")
    assert time.monotonic() - started >= 0.3
    status, text, headers = await get(f"{origin}/QQQQV")
    assert status == 429 and int(headers["Retry-After"]) > 0
    assert (await get(room.url))[0] == 429  # refused for a while, the right code too
    await room.close()


async def test_an_old_link_gets_a_page_a_phone_can_read_that_gives_nothing_of_the_workshop_away(
    files: WorkshopFiles, tmp_path: Path
) -> None:
    """After a restart with a new code a stale tab landed on a plain-text "No workshop here: check the code on the
    wall.", tiny on a phone. Now the phone page's look (its stylesheet inline, allowed by hash: its own address
    holds the code), a heading and one sentence; still 404, and nothing of the workshop."""
    room = await Room.open(files, tmp_path)
    status, page, headers = await get(f"{room.origin}/QQQQQ", Accept="text/html")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert '<html lang="en">' in page and 'name="viewport"' in page and 'name="color-scheme"' in page
    assert text_of(page.split("<main>", 1)[1]) == (
        "Old or wrong link Scan the new code on the wall to join."
    )
    style = re.search(r"<style>(.*)</style>", page, re.DOTALL)
    assert style is not None and "prefers-color-scheme: dark" in style[1]
    digest = base64.b64encode(hashlib.sha256(style[1].encode()).digest()).decode()
    policy = headers["Content-Security-Policy"]
    assert f"style-src 'sha256-{digest}';" in policy and "default-src 'none'" in policy and "'self'" not in (
        policy.split("style-src", 1)[1].split(";", 1)[0]
    )
    for told in (room.server.code, "Spring", "Northwind", "Ana", "Ben", "Chloe", "<script", "<form", "href"):
        assert told.lower() not in page.lower(), told
    await room.close()


async def test_the_code_in_small_letters_leads_to_the_page(files: WorkshopFiles, tmp_path: Path) -> None:
    room = await Room.open(files, tmp_path)
    status, _, headers = await get(f"{room.origin}/{room.server.code.lower()}")
    assert status == 302 and headers["Location"] == "/" + room.server.code
    await room.close()


async def test_a_post_without_the_seat_token_or_without_the_csrf_token_is_403(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    status, text = await ana.post("answer", {"step": MANDATE, "value": "yes"}, csrf=False)
    assert status == 403 and text == "The form was out of date; reload the page.\n"
    status, _ = await ana.post("answer", {"step": MANDATE, "value": "yes", "csrf": "0" * 64}, csrf=False)
    assert status == 403
    async with aiohttp.ClientSession() as stranger:  # no cookie at all, even with Ana's CSRF token
        form = {"csrf": ana.csrf, "step": MANDATE, "value": "yes"}
        async with stranger.post(f"{room.url}/answer", data=form, headers={"Origin": room.origin}) as response:
            assert (
                response.status == 403 and await response.text() == "This phone has no seat token; reload the page.\n"
            )
    assert room.workshop.snapshot.answers == ()
    await closing(room, phones)


async def test_a_wrong_host_or_origin_is_refused(files: WorkshopFiles, tmp_path: Path, phones: list[Phone]) -> None:
    room = await Room.open(files, tmp_path)
    status, _, _ = await get(room.url, Host=f"evil.example:{room.server.port}")  # a rebound DNS name
    assert status == 421
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    data = {"csrf": ana.csrf, "step": MANDATE, "value": "yes"}
    for origin in ("http://evil.example", "null"):  # null: a sandboxed frame, or a page that hides where it is
        async with ana.session.post(f"{room.url}/answer", data=data, headers={"Origin": origin}) as response:
            assert response.status == 403
    assert room.workshop.snapshot.answers == ()
    await closing(room, phones)


async def test_an_oversized_body_is_refused_and_a_long_note_is_refused_in_one_sentence(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone]
) -> None:
    room = await Room.open(files, tmp_path, at=TALK)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    status, _ = await ana.post("note", {"step": TALK, "text": "x" * 1_000_000})
    assert status == 413
    status, part = await ana.post("note", {"step": TALK, "text": "y" * (NOTE.chars + 1)})
    assert status == 422 and "Not kept: 5,001 characters; a note may have at most 5,000." in text_of(part)
    status, part = await ana.post("note", {"step": TALK, "text": "é" * NOTE.chars})  # the longest note fits the cap
    assert status == 200
    await closing(room, phones)


async def test_every_answer_carries_strict_headers_and_there_is_no_folder_to_list(
    files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    status, page, headers = await get(room.url)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "same-origin"
    assert "<script>" not in page and "style=" not in page  # nothing inline for the policy to allow
    assert (await get(f"{room.url}/phone.js"))[2]["Content-Type"].startswith("text/javascript")
    for path in ("/", "/templates/", "/phone.css/..", "/../templates/page.html", "/view.html"):
        status, _, headers = await get(room.url + path)
        assert status == 404 and headers["X-Content-Type-Options"] == "nosniff", path
    await room.close()


async def test_every_text_is_escaped(store: Store, tmp_path: Path, phones: list[Phone]) -> None:
    files = create(store, people=[('<script>alert("x")</script>', ""), ("Ben & Co", "")])
    room = await Room.open(files, tmp_path)
    phone = await phone_at(room, phones)
    page = await phone.load()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "Ben &amp; Co" in page
    await closing(room, phones)


async def test_the_log_goes_to_its_file_never_to_the_terminal(
    files: WorkshopFiles, tmp_path: Path, phones: list[Phone], capfd: pytest.CaptureFixture[str]
) -> None:
    room = await Room.open(files, tmp_path)
    ana = await phone_at(room, phones)
    await ana.sit("Ana")
    await get(f"{room.origin}/WRONG")
    await closing(room, phones)
    log = room.log_path.read_text()
    assert f"- GET /{room.server.code} 200" in log and "127.0.0.1 GET /WRONG 404" in log and "joining stopped" in log
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


async def test_an_address_in_use_is_said_in_one_sentence_and_the_log_is_private(
    files: WorkshopFiles, tmp_path: Path
) -> None:
    room = await Room.open(files, tmp_path)
    with pytest.raises(JoinError) as refused:
        await JoinServer.start(room.workshop, "127.0.0.1", room.server.port, tmp_path / "other.log")
    assert str(refused.value) == f"port {room.server.port} is in use by another program" and refused.value.port_in_use
    with pytest.raises(JoinError) as refused:  # TEST-NET-1: never this machine's
        await JoinServer.start(room.workshop, "192.0.2.77", 8765, tmp_path / "other.log")
    said = str(refused.value)
    assert said.startswith("192.0.2.77 is not an address of this laptop (its addresses: ") and refused.value.not_here
    assert "error while" not in said and "('" not in said  # asyncio's own words and Python's tuple
    assert stat.S_IMODE(os.stat(room.log_path).st_mode) == 0o600
    await room.server.stop()
    await room.server.stop()  # stopping twice is harmless
    assert await room.workshop.close()


def test_yesterdays_address_is_said_to_be_not_this_laptops_under_python_3_13_too() -> None:
    """A console reopened after a crash on another network serves again on the address joining was left on. Under
    Python 3.13 it said "cannot serve the phone page on 192.0.2.77:8765: could not bind on any address out of
    [('192.0.2.77', 8765)]": asyncio 3.13 passes over an address no interface has, then raises with no errno."""
    error = OSError("could not bind on any address out of [('192.0.2.77', 8765)]")
    said = refused("192.0.2.77", 8765, error)
    assert str(said).startswith("192.0.2.77 is not an address of this laptop (its addresses: ") and said.not_here
    assert "('" not in str(said)


async def test_a_refused_phone_that_reloads_gets_a_page_saying_how_long_and_that_it_tries_again_by_itself(
    files: WorkshopFiles, tmp_path: Path
) -> None:
    """A phone refused for too many wrong codes that reloaded (its Reload link) got a bare plain-text line, "Too many
    wrong codes; wait a while.", tiny on a phone, with no word of how long. Now a browser asking for a page gets the
    phone page's look with the wait in minutes, and the page reloads itself when the wait is over; still 429 with
    Retry-After, and nothing of the workshop."""
    room = await Room.open(files, tmp_path)
    room.server.guard.wrong_codes = WrongCodes(free_tries=1, refuse_after=2, delay_step=0)
    for guess in ("QQQQQ", "QQQQR", "QQQQS"):
        await get(f"{room.origin}/{guess}")
    status, page, headers = await get(room.url, Accept="text/html,application/xhtml+xml")
    wait = int(headers["Retry-After"])
    assert status == 429 and headers["Content-Type"].startswith("text/html") and wait > 0
    minutes = -(-wait // 60)
    assert text_of(page.split("<main>", 1)[1]) == (
        f"Wait a few minutes Too many wrong join codes came from this phone. The laptop answers it again in about "
        f"{minutes} minutes; this page tries again then by itself."
    )
    assert f'<meta http-equiv="refresh" content="{wait}">' in page
    for told in (room.server.code, "Spring", "Northwind", "Ana", "<script", "<form", "href"):
        assert told.lower() not in page.lower(), told
    status, text, _ = await get(room.url)  # a script's look: the status and Retry-After are what it reads
    assert status == 429 and text == "Too many wrong codes; wait a while.\n"
    await room.close()


async def test_a_refused_form_sent_without_the_script_is_not_reloaded_onto_an_address_that_only_takes_forms(
    files: WorkshopFiles, tmp_path: Path
) -> None:
    # The 429 page's reload asked for the form's address (GET /CODE/join), which answers only a form: 405.
    room = await Room.open(files, tmp_path)
    room.server.guard.wrong_codes = WrongCodes(free_tries=1, refuse_after=2, delay_step=0)
    for guess in ("QQQQQ", "QQQQR", "QQQQS"):
        await get(f"{room.origin}/{guess}")
    async with aiohttp.ClientSession() as session, session.post(
        f"{room.url}/join", data={"seat": "1"}, headers={"Accept": "text/html"}, allow_redirects=False
    ) as response:
        status, page = response.status, await response.text()
    assert status == 429 and 'http-equiv="refresh"' not in page
    assert "go back and send it again then" in text_of(page.split("<main>", 1)[1])
    await room.close()
