"""SteadyStatic: redrawn only when its text changes, laid out again only when its height changes."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from bootcamp.ui.widgets.steady_static import SteadyStatic


class OneLine(App[None]):
    def compose(self) -> ComposeResult:
        yield SteadyStatic("first", id="line")
        yield SteadyStatic("below", id="below")


def layouts_asked(monkeypatch, line: SteadyStatic) -> list[bool]:
    """For each refresh ``line`` asks for from now on, whether it asked for a new layout."""
    asked: list[bool] = []
    original = SteadyStatic.refresh

    def spy(self, *regions, repaint=True, layout=False, recompose=False):
        if self is line:
            asked.append(layout)
        return original(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(SteadyStatic, "refresh", spy)
    return asked


async def test_only_a_change_is_drawn_and_only_a_new_height_is_laid_out(monkeypatch) -> None:
    app = OneLine()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        line = app.query_one("#line", SteadyStatic)
        asked = layouts_asked(monkeypatch, line)

        assert line.show_text("first") is False and asked == []  # the same text: nothing at all
        assert line.show_text(Text("second")) is True and asked == [False]  # one line still: a repaint only
        await pilot.pause()
        assert line.render_line(0).text.rstrip() == "second"

        asked.clear()
        assert line.show_text(Text("second")) is False and asked == []  # equal Text: nothing
        assert line.show_text(Text("second", style="bold")) is True  # same words, another look: drawn again

        asked.clear()
        line.show_text("one\ntwo")  # taller: laid out again, and what is below moves down
        assert True in asked
        await pilot.pause()
        assert line.size.height == 2 and app.query_one("#below").region.y == 2


async def test_a_hidden_static_takes_its_text_without_a_layout(monkeypatch) -> None:
    app = OneLine()
    async with app.run_test(size=(40, 10)) as pilot:
        line = app.query_one("#line", SteadyStatic)
        line.display = False
        await pilot.pause()
        asked = layouts_asked(monkeypatch, line)
        line.show_text("one\ntwo\nthree")
        assert asked == [False]
        monkeypatch.undo()
        line.display = True  # shown again: laid out at its new height
        await pilot.pause()
        assert line.size.height == 3 and app.query_one("#below").region.y == 3
