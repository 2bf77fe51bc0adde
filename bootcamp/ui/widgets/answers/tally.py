"""The room's answers to one question as bars: what people would rather look at than read."""

from __future__ import annotations

from rich.text import Text

from bootcamp.live.snapshot import Tally
from bootcamp.ui.text import joined
from bootcamp.ui.widgets.steady_static import SteadyStatic

BAR_WIDTH = 30


def bar_colour(normalised: float | None) -> str:
    """The low end of the scale red, the middle amber, the high end green; don't know grey. Not ANSI's names:
    Textual draws those in its own truecolor, whose nearest of 16 colours made "Partly" bright red and "No"
    magenta. Each of these is red, yellow or green in 16 colours, and under NO_COLOR a grey at least 3:1 from
    the console's and the projector's background (the red of a heat-map cell, under white text, is darker). Each is
    at least 3:1 on the light console's white too, in full colour and in 256 (the amber was #E0B030, 2:1 there, and
    the green #38A038, 2.7:1 in 256), as on the dark console and on the projector's black."""
    if normalised is None:
        return "#8A9099"
    return "#E04848" if normalised < 0.34 else ("#C08600" if normalised < 0.67 else "#449A38")


def tally_text(tally: Tally, *, bar_width: int = BAR_WIDTH) -> Text:
    """One line per option: its label, a bar as long as its share of the largest count, the count."""
    label_width = max((len(label) for _, label, _ in tally.counts), default=0)
    largest = max((count for _, _, count in tally.counts), default=0)
    dont_know = {o.id for o in tally.scale.options if o.dont_know}
    lines = Text(end="")
    for number, (option_id, label, count) in enumerate(tally.counts):
        length = round(bar_width * count / largest) if largest else 0
        style = "dim" if option_id in dont_know else "bold"
        if number:
            lines.append("\n")
        lines.append_text(
            joined(
                (label.ljust(label_width + 2), style),
                ("█" * length, bar_colour(tally.scale.normalised(option_id))),
                (f" {count}", style),
            )
        )
    return lines


class TallyBars(SteadyStatic):
    """The tally once the step is revealed; until then only how many have answered."""

    DEFAULT_CSS = """
    TallyBars {
        width: 1fr;
        height: auto;
        margin: 1 0 0 0;
    }
    """

    def show(self, tally: Tally, *, heading: str, revealed: bool, private: bool = False) -> None:
        if private:
            self.show_text(joined((heading, "bold"), ("  ·  private entry: answers stay hidden", "dim")))
        elif not revealed:
            self.show_text(joined((heading, "bold"), ("  ·  results hidden until revealed", "dim")))
        else:
            room = self.size.width - max((len(label) for _, label, _ in tally.counts), default=0) - 6
            width = max(8, min(BAR_WIDTH, room)) if self.size.width else BAR_WIDTH
            self.show_text(joined((heading, "bold"), "\n\n", tally_text(tally, bar_width=width)))
