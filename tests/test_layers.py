"""Only the UI imports Textual, and the UI holds nothing else: the domain (the live workshop included)
stays pure and fast to test (DESIGN.md, Layers)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "bootcamp"
# The TUI itself, and the two commands whose job is to launch it.
ALLOWED = ("ui/", "commands/tui.py", "commands/present.py")


def python_files_outside_ui() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not path.relative_to(PACKAGE).as_posix().startswith(ALLOWED)
    ]


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    return names


def test_no_module_outside_ui_imports_textual() -> None:
    offenders = {
        path.relative_to(PACKAGE.parent).as_posix(): sorted(
            name for name in imported_modules(path) if name.split(".")[0] == "textual" or name.startswith("bootcamp.ui")
        )
        for path in python_files_outside_ui()
    }
    offenders = {path: names for path, names in offenders.items() if names}
    assert not offenders, f"Textual (or bootcamp.ui) imported outside bootcamp/ui: {offenders}"


def test_importing_the_domain_loads_no_textual() -> None:
    """Belt and braces: what the AST scan misses (an indirect import) shows up in sys.modules."""
    modules = [
        "bootcamp." + path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
        for path in python_files_outside_ui()
        if path.name != "__main__.py"
    ]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('bootcamp.ui'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def ui_modules() -> list[Path]:
    return [path for path in sorted((PACKAGE / "ui").rglob("*.py")) if path.name != "__init__.py"]


def test_every_module_under_ui_needs_textual_or_rich() -> None:
    """A module under ui/ that imports neither belongs below it (as the live workshop's modules did)."""
    pure = [
        path.relative_to(PACKAGE.parent).as_posix()
        for path in ui_modules()
        if not any(name.split(".")[0] in ("textual", "rich") for name in imported_modules(path))
    ]
    assert not pure, f"these need neither Textual nor Rich: move them below bootcamp/ui: {pure}"


def test_the_live_workshop_imports_no_front_end() -> None:
    """By import graph: nothing in bootcamp/live imports Textual, Rich, the UI, the CLI or the commands."""
    front_ends = ("textual", "rich", "bootcamp.ui", "bootcamp.cli", "bootcamp.commands")
    offenders = {
        path.relative_to(PACKAGE.parent).as_posix(): sorted(
            name for name in imported_modules(path) if name == "rich" or name.startswith(front_ends)
        )
        for path in sorted((PACKAGE / "live").rglob("*.py"))
    }
    assert (PACKAGE / "live" / "workshop.py").exists()
    assert not {path: names for path, names in offenders.items() if names}



# DESIGN.md: "ui, join and cli use the layers below; nothing below imports them". The domain layers, by folder.
BELOW_THE_FRONT_ENDS = ("content", "store", "live", "summary", "export", "library")


def test_nothing_below_the_phone_page_and_the_commands_imports_them() -> None:
    """By import graph, lazy imports inside functions too: the store that forgets a participant once reached up into
    bootcamp.join for the phones' seats; the command hands that part in instead."""
    front_ends = ("bootcamp.join", "bootcamp.ui", "bootcamp.cli", "bootcamp.commands")
    offenders = {
        path.relative_to(PACKAGE.parent).as_posix(): sorted(
            name for name in imported_modules(path) if name.startswith(front_ends)
        )
        for layer in BELOW_THE_FRONT_ENDS
        for path in sorted((PACKAGE / layer).rglob("*.py"))
    }
    assert (PACKAGE / "store" / "forget.py").exists()
    assert not {path: names for path, names in offenders.items() if names}

def test_using_the_live_workshop_loads_no_front_end() -> None:
    """By sys.modules: open, change and close a live workshop, then look at what was loaded."""
    script = (
        "import asyncio, json, sys, tempfile\n"
        "from pathlib import Path\n"
        "from bootcamp.clock import FixedClock\n"
        "from bootcamp.content import load_dir\n"
        "from bootcamp.live.workshop import LiveWorkshop\n"
        "from bootcamp.live.requests import GiveAnswer\n"
        "from bootcamp.store import Store\n"
        "from bootcamp.locations import default_content_dir\n"
        "async def main():\n"
        "    store = Store(Path(tempfile.mkdtemp()), FixedClock())\n"
        "    program = load_dir(default_content_dir())\n"
        "    info = store.create_workshop(name='W', organisation='O', date='2026-12-05',\n"
        "                                 participants=[('Ana', '')], sources=program.sources)\n"
        "    workshop = LiveWorkshop.open(store.open(info.id), FixedClock())\n"
        "    workshop.start()\n"
        "    step = next(s for s in workshop.flow.steps if s.kind.value == 'question')\n"
        "    workshop.apply(GiveAnswer(info.participants[0].id, step.key, 'yes'))\n"
        "    workshop.report()\n"
        "    assert await workshop.close()\n"
        "asyncio.run(main())\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')\n"
        "                        or m.startswith(('bootcamp.ui', 'bootcamp.cli', 'bootcamp.commands')))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


MUTATING = re.compile(
    r"\.(set_answer|set_comment|clear_answer|cast_ballot|withdraw_ballot|put_note|drop_note|put_role_line|"
    r"drop_role_line|put_action|drop_action|deal_poker|put_poker_note|add_participant|rename_participant|"
    r"remove_participant|restore_participant|discuss_card|toggle_card_clock|apply)\("
)


def test_widgets_never_change_the_workshop_themselves() -> None:
    """Widgets hand a request to the app's one handler (bootcamp.ui.messages.request); screens call the live workshop."""
    offenders = [
        f"{path.relative_to(PACKAGE.parent).as_posix()}:{number}"
        for path in sorted((PACKAGE / "ui" / "widgets").rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if MUTATING.search(line)
    ]
    assert not offenders, f"a widget changes the workshop directly: {offenders}"
