"""Which filesystem a folder lives on: an fsync on tmpfs or overlay says little about a real disk."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path


def filesystem_of(folder: Path) -> str:
    """Like ``ext4 (/dev/vda mounted on /)``; from /proc/mounts on Linux, else from ``mount``."""
    target = os.path.realpath(folder)
    try:
        return _from_proc_mounts(target, Path("/proc/mounts").read_text())
    except OSError:  # no /proc: not Linux; ask mount instead
        pass
    try:  # macOS and the BSDs: "/dev/disk3s1 on / (apfs, local, journaled)"
        return _from_mount_output(target, subprocess.run(["mount"], capture_output=True, text=True, check=True).stdout)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _contains(mount_point: str, path: str) -> bool:
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _unescape(field: str) -> str:
    # /proc/mounts writes a space in a path as \040, a tab as \011 …
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _from_proc_mounts(path: str, mounts: str) -> str:
    best: tuple[str, str, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        device, mount_point, kind = _unescape(fields[0]), _unescape(fields[1]), fields[2]
        # The longest mount point wins; among equals the last line does (it is mounted on top).
        if _contains(mount_point, path) and (best is None or len(mount_point) >= len(best[1])):
            best = (device, mount_point, kind)
    if best is None:
        return "unknown"
    device, mount_point, kind = best
    return f"{kind} ({device} mounted on {mount_point})"


def _from_mount_output(path: str, output: str) -> str:
    best: tuple[str, str, str] | None = None
    for line in output.splitlines():
        match = re.match(r"^(.*) on (.*) \(([^,)]+)", line)
        if match and _contains(match.group(2), path) and (best is None or len(match.group(2)) >= len(best[1])):
            best = (match.group(1), match.group(2), match.group(3))
    if best is None:
        return "unknown"
    device, mount_point, kind = best
    return f"{kind} ({device} mounted on {mount_point})"
