"""What the console needs of joining, without Textual: ``--join``'s address, the invite a projector window
reads (``join.json``), :class:`ConsoleJoining` starting and stopping the server, and phones' changes merged
for one redraw."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bootcamp.clock import FixedClock
from bootcamp.errors import UserError
from bootcamp.flow import Flow
from bootcamp.join.addresses import JoinAddress, check_can_serve, parse_join_address
from bootcamp.join.console import ConsoleJoining
from bootcamp.join.invite import INVITE_FILE, Invite, InviteWatch, read_invite, remove_invite, write_invite
from bootcamp.live.workshop import LiveWorkshop
from bootcamp.store import WorkshopFiles

from .conftest import MANDATE, WELCOME, Phone, Room


@pytest.mark.parametrize(
    "given, address",
    [
        ("", JoinAddress()),
        ("192.168.1.20", JoinAddress("192.168.1.20")),
        ("192.168.1.20:8765", JoinAddress("192.168.1.20", 8765)),
        (":8765", JoinAddress("", 8765)),
        ("127.0.0.1:0", JoinAddress("127.0.0.1", 0)),
        ("0.0.0.0", JoinAddress("0.0.0.0")),
        ("[::1]:8765", JoinAddress("::1", 8765)),
        (" 10.0.0.5 ", JoinAddress("10.0.0.5")),
    ],
)
def test_join_takes_an_address_and_a_port_either_optional(given: str, address: JoinAddress) -> None:
    assert parse_join_address(given) == address


@pytest.mark.parametrize(
    "given, said",
    [
        ("localhost", "'localhost' is not an IP address of this machine"),
        ("laptop.local:8765", "'laptop.local' is not an IP address"),
        ("192.168.1.20:http", "'http' is not a port"),
        ("192.168.1.20:70000", "'70000' is not a port"),
        ("[::1]8765", "write an IPv6 address as [ADDRESS]:PORT"),
    ],
)
def test_a_join_address_that_is_none_is_one_sentence(given: str, said: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_join_address(given)
    assert said in str(refused.value) and "\n" not in str(refused.value)


async def test_an_address_not_this_laptops_or_a_busy_port_is_refused_before_anything_starts() -> None:
    check_can_serve(JoinAddress("127.0.0.1", 0))  # this machine's, any free port
    check_can_serve(JoinAddress("0.0.0.0"))  # every address
    check_can_serve(JoinAddress(""))  # the console asks which
    with pytest.raises(UserError) as refused:
        check_can_serve(JoinAddress("192.0.2.77", 8765))  # TEST-NET-1: never this machine's
    said = str(refused.value)
    assert said.startswith("192.0.2.77 is not an address of this laptop (its addresses: ") and "\n" not in said
    assert "127.0.0.1 loopback" in said and said.endswith("; leave it out (--join alone) to choose one in the console")
    blocker = await asyncio.start_server(lambda reader, writer: None, "127.0.0.1", 0)
    port = blocker.sockets[0].getsockname()[1]
    try:
        with pytest.raises(UserError) as refused:
            check_can_serve(JoinAddress("127.0.0.1", port))
    finally:
        blocker.close()
        await blocker.wait_closed()
    assert str(refused.value) == f"port {port} is in use by another program: give another port or leave it out"


def test_an_address_without_a_port_takes_the_one_given_else_any() -> None:
    assert JoinAddress("10.0.0.5").or_port(8765) == JoinAddress("10.0.0.5", 8765)
    assert JoinAddress("10.0.0.5", 9000).or_port(8765).port == 9000
    assert JoinAddress("10.0.0.5").bound_port == 0  # any free one


def test_the_invite_file_is_written_whole_read_back_and_removed(tmp_path: Path) -> None:
    invite = Invite("http://192.168.1.20:8765/ACDEF", "ACDEF", slide_step=WELCOME)
    write_invite(tmp_path, invite)
    assert read_invite(tmp_path) == invite
    assert (tmp_path / INVITE_FILE).stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [INVITE_FILE]  # no temporary file left
    assert invite.slide_over(WELCOME) and not invite.slide_over(MANDATE)
    assert invite.typed == "192.168.1.20:8765/ACDEF"
    remove_invite(tmp_path)
    remove_invite(tmp_path)  # twice is harmless
    assert read_invite(tmp_path) is None


@pytest.mark.parametrize("content", ["", "{", "[]", '{"url": "ftp://x/ACDEF", "code": "ACDEF"}', '{"code": "ACDEF"}'])
def test_what_is_not_an_invite_is_none(tmp_path: Path, content: str) -> None:
    (tmp_path / INVITE_FILE).write_text(content)
    assert read_invite(tmp_path) is None


def test_a_projector_window_reads_the_invite_again_only_when_the_file_changed(tmp_path: Path) -> None:
    watch = InviteWatch(tmp_path)
    assert not watch.poll() and watch.invite is None
    write_invite(tmp_path, Invite("http://10.0.0.5:8765/ACDEF", "ACDEF"))
    assert watch.poll() and watch.invite is not None and not watch.invite.slide_step
    assert not watch.poll()  # unchanged: a stat, no read
    write_invite(tmp_path, Invite("http://10.0.0.5:8765/ACDEF", "ACDEF", slide_step=WELCOME))
    assert watch.poll() and watch.invite.slide_step == WELCOME  # type: ignore[union-attr]
    os.unlink(tmp_path / INVITE_FILE)
    assert watch.poll() and watch.invite is None


async def test_console_joining_keeps_the_invite_beside_the_state_while_it_serves(
    files: WorkshopFiles, tmp_path: Path
) -> None:
    workshop = LiveWorkshop.load(WorkshopFiles(files.path, FixedClock()), FixedClock(), backoff=(0.01,))
    workshop.start()
    workshop.move(lambda flow: flow.jump(MANDATE))
    told: list[int] = []
    joining = await ConsoleJoining.start(
        workshop, JoinAddress("127.0.0.1", 0), tmp_path / "join.log", lambda: told.append(1)
    )
    try:
        invite = read_invite(files.path)
        assert invite == Invite(joining.server.url, joining.server.code, slide_step=MANDATE)  # up on starting
        assert joining.now.url == joining.server.url and joining.now.phones == frozenset()
        ana = Phone(Room(workshop, joining.server, tmp_path / "join.log"))
        told.clear()
        await ana.sit("Ana")
        assert told and joining.now.phones == {next(p.id for p in workshop.info.present if p.name == "Ana")}
        await ana.close()

        workshop.move(Flow.next)  # the room moves on: the join slide comes down, on the wall too
        assert joining.invite.slide_step == "" and read_invite(files.path).slide_step == ""  # type: ignore[union-attr]
        joining.show_slide(True)
        assert read_invite(files.path).slide_step == workshop.flow.current.key  # type: ignore[union-attr]
    finally:
        await joining.stop()
        await joining.stop()  # twice is harmless
        assert await workshop.close()
    assert not (files.path / INVITE_FILE).exists()
