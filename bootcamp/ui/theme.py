"""The console's calm theme and the high-contrast theme for the projector."""

from __future__ import annotations

from textual.theme import Theme

CONSOLE_THEME = "bootcamp"
PROJECTOR_THEME = "projector"

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
    panel="#27303C",
    dark=True,
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

THEMES = (CONSOLE, PROJECTOR)
