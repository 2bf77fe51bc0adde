"""Only the UI imports Textual: the domain stays pure and fast to test (DESIGN.md, Layers)."""

from __future__ import annotations

import ast
import json
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
