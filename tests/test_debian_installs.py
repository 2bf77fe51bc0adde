"""The suite's own apt-get installs: pytest-xdist's workers take turns, as apt-get runs one at a time."""

from __future__ import annotations

import threading
import time

import tests.debian as debian


def test_workers_missing_the_same_package_install_it_one_after_the_other(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(debian.os, "geteuid", lambda: 0)
    monkeypatch.setattr(debian.shutil, "which", lambda _command: "/usr/bin/apt-get")
    monkeypatch.setattr(debian, "APT_TURNS", tmp_path / "apt-get.lock")
    running, most_at_once, guard = [0], [0], threading.Lock()

    def apt_get(package: str, env: object) -> str:
        with guard:
            running[0] += 1
            most_at_once[0] = max(most_at_once[0], running[0])
        time.sleep(0.05)  # long enough for the other worker to arrive while this one installs
        with guard:
            running[0] -= 1
        return ""

    monkeypatch.setattr(debian, "_apt_get", apt_get)
    # Each worker opens the lock file itself, as separate processes do: flock is per open file, so threads show it.
    workers = [threading.Thread(target=debian.apt_install, args=("chromium",)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert most_at_once[0] == 1
