"""`khabar serve` as a real subprocess on a free 127.0.0.1 port, for tests and load benchmarks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def khabar(*args: str, **popen: object) -> subprocess.Popen:
    """The `khabar` command in a subprocess of its own session (so it can be stopped as a group)."""
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-m", "khabar.cli", *args], start_new_session=True, **popen)


@contextmanager
def serve(db: Path, *extra: str, wait: float = 60.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """Start `khabar serve --db DB` on a free port; yield its base URL and process, then stop it."""
    port = free_port()
    proc = khabar("serve", "--db", str(db), "--port", str(port), *extra,
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"khabar serve exited with {proc.returncode}")
            try:
                if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("khabar serve did not answer in time")
            time.sleep(0.2)
        yield base, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
