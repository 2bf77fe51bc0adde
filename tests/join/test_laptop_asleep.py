"""The facilitator's laptop stops (the lid closed at lunch, ``kill -STOP``) with phones on the page, then wakes.

A stopped console's sockets stay open: nothing tells a page that the laptop is gone, and a tap's post waits in
the laptop's kernel to be taken in when it wakes, however long after. So the page must notice the silence by
itself (the stream's keep-alive is an event it hears), say it lost contact and hold its buttons, as the README
promises ("a tap then is not sent, nor kept to send later"); a tap posted just before the stop and given up on is
not stored when the laptop wakes; and once it wakes the page is back by itself, its seat and saved answers kept.

The console is a process of its own (:mod:`tests.join.console_process`), stopped and continued for real, with its
keep-alive at a quarter of a second so the test need not wait the room's forty seconds.
"""

from __future__ import annotations

import asyncio
import os
import signal
import tempfile
from pathlib import Path

from playwright.async_api import async_playwright, expect

from bootcamp.clock import SystemClock
from bootcamp.content import read_sources
from bootcamp.store import Store

from .conftest import FIXTURE_CONTENT, MANDATE, PEOPLE
from .test_browser import PHONE, tap
from .test_console_killed import START_SECONDS, start_console

QUICK = 0.25  # the stopped console's keep-alive: the page gives up on silence after a second, on a post after 0.75 s


async def test_a_stopped_laptop_is_noticed_a_tap_meanwhile_is_not_kept_and_the_page_comes_back(
    chromium: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    info = Store(data_dir, SystemClock()).create_workshop(
        name="Lunch",
        organisation="Northwind",
        date="2026-09-21",
        participants=PEOPLE,
        sources=read_sources(FIXTURE_CONTENT),
    )
    ana = next(p.id for p in info.participants if p.name == "Ana")
    files = Store(data_dir, SystemClock()).open(info.id)
    with tempfile.TemporaryFile(mode="w+") as errors:
        console = start_console(data_dir, info.id, MANDATE, errors, quick=QUICK)
        try:
            url = await asyncio.wait_for(asyncio.to_thread(console.stdout.readline), START_SECONDS)
            errors.seek(0)
            assert url.startswith("http://127.0.0.1:"), f"the console did not start: {errors.read()[-2000:]}"
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
                try:
                    page = await (await browser.new_context(**PHONE)).new_page()
                    await page.goto(url.strip())
                    await tap(page, "Ana")
                    await tap(page, "Yes")
                    await expect(page.locator(".saved-saved")).to_have_text("saved ✓")

                    os.kill(console.pid, signal.SIGSTOP)  # the lid closes
                    await tap(page, "No")  # a tap that goes out just as it closes: its post waits in the kernel
                    offline = page.locator("#offline")
                    await expect(offline).to_be_visible(timeout=3_000)
                    await expect(offline).to_contain_text("a tap now is not sent")
                    no = page.get_by_role("button", name="No", exact=True)
                    await expect(no).to_be_disabled(timeout=3_000)
                    await asyncio.sleep(8 * QUICK)  # lunch
                    await page.screenshot(path=tmp_path / "asleep.png")

                    os.kill(console.pid, signal.SIGCONT)  # the lid opens
                    await expect(no).to_be_enabled(timeout=5_000)
                    await expect(offline).to_be_hidden()
                    await expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute(
                        "aria-pressed", "true"
                    )
                    [answer] = files.answers()
                    assert answer.value == "yes", "the tap the page said was not sent was stored when the laptop woke"

                    await tap(page, "No")  # the seat is kept: a tap now is stored
                    await expect(page.locator(".saved-saved")).to_have_text("saved ✓")
                    await expect(no).to_have_attribute("aria-pressed", "true")
                    [answer] = files.answers()
                    assert (answer.participant_id, answer.value) == (ana, "no")
                    # The streams the page gave up on while the laptop slept reach it late, closed: no error for them.
                    log = (data_dir / "join.log").read_text()
                    assert "not kept" in log and "Error handling request" not in log, log[-3000:]
                finally:
                    await browser.close()
        finally:
            if console.poll() is None:
                os.kill(console.pid, signal.SIGCONT)
                console.kill()
                console.wait()
            console.stdout.close()
