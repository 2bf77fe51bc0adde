"""The join slide on the wall: presenter mode and the projector window show the QR code of the join URL,
the URL and the code while the slide is up, then the URL in the slide's corner for latecomers; the QR code
as drawn decodes to the URL (the screen rendered to an image, read by Debian's ``zbarimg``).

Snapshots: update after a deliberate change with ``pytest tests/ui/test_join_slide.py --snapshot-update``,
and look at the pictures before committing them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from test_joining import MANDATE, SIZES, joined_console, joining_app
from test_projector import console_and_projector
from ui_helpers import new_workshop, screen_text, settle, wait_for_screen

from bootcamp.clock import FixedClock
from bootcamp.content import Program
from bootcamp.join.invite import Invite, write_invite
from bootcamp.store import Store
from bootcamp.store.model import WorkshopState
from bootcamp.store.owner_lock import CONSOLE, OwnerLock
from bootcamp.ui.projector_app import create_projector_app
from bootcamp.ui.screens.presenter import PresenterScreen
from bootcamp.ui.screens.projector import ProjectorScreen
from bootcamp.ui.screens.workshop import WorkshopScreen
from bootcamp.ui.widgets.join_slide import JoinSlide
from bootcamp.ui.widgets.slide import Slide
from tests.debian import require_tools

# A documentation address (RFC 5737): what a room's Wi-Fi hands out, and the longest join code.
SHOWN = Invite("http://192.0.2.10:8765/KMTQW", "KMTQW")
TOOLS = {"rsvg-convert": "librsvg2-bin", "zbarimg": "zbar-tools"}


@pytest.fixture
def workshop_id(store: Store, fixture_program: Program) -> str:
    """A workshop on the fixture's question."""
    info = new_workshop(store, fixture_program)
    store.open(info.id).save_state(WorkshopState(step_key=MANDATE))
    return info.id


@pytest.fixture(scope="session")
def image_tools() -> None:
    """rsvg-convert (SVG to PNG) and zbarimg (reads the code): installed as root, else the test says why."""
    require_tools(TOOLS)


# -- presenter mode -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_presenter_mode_shows_the_join_slide_then_the_url_in_its_corner(
    size: tuple[int, int], workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    async with app.run_test(size=size) as pilot:
        await joined_console(pilot)
        joining = app.joining
        assert joining is not None and joining.invite.slide_step == MANDATE  # starting to join puts it up
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        join_slide, slide = presenter.query_one(JoinSlide), presenter.query_one(Slide)
        assert join_slide.display and not slide.display
        text = screen_text(app)
        assert joining.url in text and " ".join(joining.invite.code) in text
        qr = join_slide.query_one("#join-qr").region
        assert qr.height <= size[1] and join_slide.region.right <= size[0]  # the whole code on screen

        await pilot.press("J")  # down: the step, the URL in the corner for latecomers
        await settle(pilot)
        assert slide.display and not join_slide.display
        corner = presenter.query_one("#slide-join")
        assert corner.display and str(corner.render()) == f"join {joining.invite.typed}"
        await pilot.press("J", "right")  # up, then the room moves on: the next step, the slide down
        await settle(pilot)
        assert slide.display and not join_slide.display and app.joining.invite.slide_step == ""  # type: ignore[union-attr]

        await pilot.press("escape")
        await wait_for_screen(pilot, WorkshopScreen)
        # the room moved on to the role check, whose line field takes the keys: Esc gives them to the console
        await pilot.press("escape", "j")  # stopped: the corner empties
        await settle(pilot)
        await pilot.press("f5")
        presenter = await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        assert not presenter.query_one("#slide-join").display


def framed(svg: str, margin: float = 24.0) -> str:
    """The screenshot cut to the QR code's white square and a margin of what is round it, as a phone's camera
    frames the code. Given the whole screenshot, zbar's scanner (tuned for photos) misses the code at some
    sizes; framed, it reads it at every size tried (0.5× to 2×, 80×24 and 120×40, 30 URLs)."""
    white = [
        tuple(map(float, found))
        for found in re.findall(
            r'<rect fill="#ffffff" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', svg
        )
    ]
    assert white, "no white square on the screen: the code is not drawn black on white"
    left, top = min(x for x, _, _, _ in white), min(y for _, y, _, _ in white)
    right, bottom = max(x + w for x, _, w, _ in white), max(y + h for _, y, _, h in white)
    found = re.search(r'<g transform="translate\(([\d.]+), ([\d.]+)\)" clip-path', svg)  # the terminal's place
    assert found, "Textual's screenshot changed its layout"
    dx, dy = map(float, found.groups())
    width, height = right - left + 2 * margin, bottom - top + 2 * margin
    svg = re.sub(
        r'viewBox="[^"]*"', f'viewBox="{left + dx - margin} {top + dy - margin} {width} {height}"', svg, count=1
    )
    return svg.replace("<svg ", f'<svg width="{width}" height="{height}" ', 1)


def decoded(svg: str, folder: Path) -> str:
    """What zbarimg reads in the picture rsvg-convert draws of ``svg``."""
    (folder / "screen.svg").write_text(svg, encoding="utf-8")
    subprocess.run(["rsvg-convert", str(folder / "screen.svg"), "-o", str(folder / "screen.png")], check=True)
    read = subprocess.run(["zbarimg", "--quiet", "--raw", str(folder / "screen.png")], capture_output=True, text=True)
    return read.stdout.strip()


@pytest.mark.parametrize("size", SIZES)
async def test_the_qr_code_on_the_rendered_join_slide_decodes_to_the_join_url(
    size: tuple[int, int], image_tools: None, workshop_id: str, data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    app = joining_app(data_dir, clock, workshop_id)
    async with app.run_test(size=size) as pilot:
        await joined_console(pilot)
        await pilot.press("f5")
        await wait_for_screen(pilot, PresenterScreen)
        await settle(pilot)
        url = app.joining.url  # type: ignore[union-attr]
        assert decoded(framed(app.export_screenshot()), tmp_path) == url


# -- the projector window -------------------------------------------------------------------------------------


async def test_the_projector_window_shows_the_join_slide_and_the_corner_from_the_console(
    workshop_id: str, data_dir: Path, clock: FixedClock
) -> None:
    async with console_and_projector(
        lambda open_workshop: joining_app(data_dir, clock, open_workshop), data_dir, clock, workshop_id
    ) as room:
        with room.console._context():
            await joined_console(room.console_pilot)
        joining = room.console.joining
        assert joining is not None
        text = await room.follow()
        assert room.wall.query_one(JoinSlide).display and not room.wall.query_one(Slide).display
        assert joining.url in text and " ".join(joining.invite.code) in text

        await room.press("J")  # down: the step on the wall, the URL in its corner
        text = await room.follow()
        assert room.wall.query_one(Slide).display and f"join {joining.invite.typed}" in text

        await room.press("J", "right")  # up, then the room moves on: the wall follows the step
        text = await room.follow()
        assert room.wall.query_one(Slide).display and room.wall_step() != MANDATE

        await room.press("escape", "j")  # on the role check, whose line field has the keys: stopped, the corner empties
        text = await room.follow()
        assert joining.invite.typed not in text and not room.wall.query_one("#slide-join").display


async def test_a_projector_window_believes_the_invite_only_while_a_console_holds_the_workshop(
    workshop_id: str, store: Store, data_dir: Path, clock: FixedClock
) -> None:
    folder = store.open(workshop_id).path
    write_invite(folder, Invite(SHOWN.url, SHOWN.code, slide_step=MANDATE))  # as a console killed mid-day left it
    app = create_projector_app(data_dir=data_dir, workshop_id=workshop_id, clock=clock, poll_seconds=None)
    async with app.run_test(size=(80, 24)) as pilot:
        wall = await wait_for_screen(pilot, ProjectorScreen)
        wall.tick()  # type: ignore[attr-defined]  (no console holds the workshop)
        await settle(pilot)
        assert not wall.query_one(JoinSlide).display and SHOWN.typed not in screen_text(app)  # type: ignore[arg-type]
        with OwnerLock(folder, purpose=CONSOLE, clock=clock):
            wall.tick()  # type: ignore[attr-defined]
            await settle(pilot)
            assert wall.query_one(JoinSlide).display


# -- snapshots ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("slide_up", [pytest.param(True, id="slide"), pytest.param(False, id="corner")])
def test_join_slide_snapshot(
    size: tuple[int, int],
    slide_up: bool,
    workshop_id: str,
    store: Store,
    data_dir: Path,
    clock: FixedClock,
    snap_compare,
) -> None:
    """The projector window, a console holding the workshop with joining on at a fixed URL (a real server's port
    is a new one each run)."""
    folder = store.open(workshop_id).path
    write_invite(folder, Invite(SHOWN.url, SHOWN.code, slide_step=MANDATE if slide_up else ""))

    async def ready(pilot) -> None:
        await wait_for_screen(pilot, ProjectorScreen)
        await settle(pilot)

    app = create_projector_app(data_dir=data_dir, workshop_id=workshop_id, clock=clock, poll_seconds=None)
    with OwnerLock(folder, purpose=CONSOLE, clock=clock):
        assert snap_compare(app, terminal_size=size, run_before=ready)
