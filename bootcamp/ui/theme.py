"""The console's calm theme, its light twin for a bright room, and the high-contrast theme for the projector.

These three are the only themes the app offers (ctrl+p, Theme): each is held to the console's contrast bars by
tests/ui/test_themes.py. Textual's built-in themes were offered too, and in textual-light the tally's amber bar was
1.3:1 and the footer's keys 2.9:1: a facilitator reaching for a light theme in a bright room lost the console.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

CONSOLE_THEME = "bootcamp"
CONSOLE_LIGHT_THEME = "bootcamp-light"
PROJECTOR_THEME = "projector"

# Panel, a grey barely blue: #27303C, bluer, was xterm's teal 23 in a 256-colour terminal (macOS Terminal.app),
# and the header's and status bar's quiet words on it 2.8:1; this one is grey 236 there.
CONSOLE = Theme(
    name=CONSOLE_THEME,
    primary="#5FA8D3",
    secondary="#62B6CB",
    accent="#F4B942",
    warning="#F4B942",
    error="#E5625E",
    success="#7BC67B",
    foreground="#E8EAED",
    background="#14181F",
    surface="#1C222B",
    panel="#2A2F36",
    dark=True,
)

# The console for a bright room: near-black text on white, and each signal colour dark enough to read on white
# and on the pale panel (the footer's keys are the accent, over time the warning, a mark of an answer the success).
CONSOLE_LIGHT = Theme(
    name=CONSOLE_LIGHT_THEME,
    primary="#0A5A8C",
    secondary="#1D6B7C",
    accent="#8A5300",
    warning="#8A5300",
    error="#B3261E",
    success="#23702A",
    foreground="#15191E",
    background="#F3F4F6",
    surface="#FFFFFF",
    panel="#E3E6EA",
    dark=False,
)

# A projector washes out colour and mid-greys: pure black, pure white, one bright accent.
PROJECTOR = Theme(
    name=PROJECTOR_THEME,
    primary="#FFD23F",
    secondary="#FFFFFF",
    accent="#FFD23F",
    warning="#FFB000",
    error="#FF6B6B",
    success="#8CFF8C",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#FFFFFF",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "footer-background": "#000000",
        "markdown-h1-color": "#FFD23F",
        "markdown-h1-background": "#000000",
        "markdown-h2-color": "#FFD23F",
        "markdown-h3-color": "#FFFFFF",
    },
)

THEMES = (CONSOLE, CONSOLE_LIGHT, PROJECTOR)


def offer_only_readable_themes(app: App) -> None:
    """Register this app's themes and take away Textual's built-in ones, so the palette's Theme offers only these."""
    for theme in THEMES:
        app.register_theme(theme)
    ours = {theme.name for theme in THEMES}
    for name in [name for name in app.available_themes if name not in ours]:
        app.unregister_theme(name)


def start_with_theme(app: App, name: str) -> None:
    """Give an app not yet running its theme without the restyle that setting ``app.theme`` schedules.

    Setting it parses every stylesheet again once the app runs (a fresh parse with the theme's colours, then every
    widget restyled); before the first parse, giving the stylesheet the theme's colours is all it takes. What
    Textual's theme watcher does besides, for a theme of the same darkness as its default, is the theme's class.
    """
    app.set_reactive(App.theme, name)
    app.stylesheet.set_variables(app.get_css_variables())
    app.update_classes({cls: False for cls in app.classes if cls.startswith("-theme-")} | {f"-theme-{name}": True}, update=False)
    app.set_class(app.current_theme.dark, "-dark-mode", update=False)
    app.set_class(not app.current_theme.dark, "-light-mode", update=False)
