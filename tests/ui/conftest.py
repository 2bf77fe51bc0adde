"""UI test setup: the real app (``create_app``) on a temporary data folder with a fixed clock.

Colour on (``NO_COLOR`` cleared), a temporary ``BOOTCAMP_DATA_DIR``, UTC for the clock
times shown, and no blinking cursors, so snapshots do not drift between runs.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea
from tmux_helpers import Tmux
from ui_helpers import FIXTURE_CONTENT

from bootcamp.clock import FixedClock
from bootcamp.content import Program, load_dir
from bootcamp.store import Store
from bootcamp.ui.app import BootcampApp, create_app
from tests.debian import apt_install


@pytest.fixture(autouse=True)
def steady_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("BOOTCAMP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    for widget in (Input, TextArea):
        monkeypatch.setattr(vars(widget)["cursor_blink"], "_default", False)


@pytest.fixture(autouse=True)
def seeded_poker_deal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Poker deal is shuffled; seeded here, so who holds which card is the same every run."""
    monkeypatch.setattr("bootcamp.live.records.deal_shuffler", lambda: random.Random(0))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FixedClock) -> Store:
    return Store(data_dir, clock)


@pytest.fixture(scope="session")
def fixture_program() -> Program:
    return load_dir(FIXTURE_CONTENT)


MakeApp = Callable[..., BootcampApp]


@pytest.fixture
def make_app(data_dir: Path, clock: FixedClock) -> MakeApp:
    def make(*, content_dir: Path = FIXTURE_CONTENT, open_workshop: str | None = None) -> BootcampApp:
        return create_app(data_dir=data_dir, content_dir=content_dir, clock=clock, open_workshop=open_workshop)

    return make


@pytest.fixture(scope="session")
def tmux_installed() -> None:
    why = "" if shutil.which("tmux") else apt_install("tmux")
    if shutil.which("tmux"):
        return
    message = f"tmux is missing: {why or 'apt-get did not install it'}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def tmux(tmux_installed: None, tmp_path: Path) -> Iterator[Tmux]:
    """Real consoles in tmux (``tmux_helpers``), on a server of the test's own, killed afterwards."""
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def counted_renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every Markdown text Rich is asked to lay out for a slide, from an empty cache."""
    from bootcamp.ui.widgets import markdown_body

    renders: list[str] = []

    class Counted(markdown_body._SlideMarkdown):
        def __init__(self, markup: str, **options) -> None:
            renders.append(markup)
            super().__init__(markup, **options)

    monkeypatch.setattr(markdown_body, "_SlideMarkdown", Counted)
    markdown_body.rendered_lines.cache_clear()
    yield renders
    markdown_body.rendered_lines.cache_clear()
