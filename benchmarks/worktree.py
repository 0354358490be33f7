"""An earlier commit's code beside this checkout's, for the scripts that compare the two."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def checkout(rev: str) -> Iterator[Path]:
    """REV in a temporary git worktree, removed on exit."""
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(old), rev],
                       check=True, capture_output=True)
        try:
            yield old
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=True)


def env_for(code: Path) -> dict[str, str]:
    """The environment that runs this checkout's benchmarks with the package of ``code``."""
    return {**os.environ, "PYTHONPATH": f"{code / 'src'}{os.pathsep}{ROOT / 'benchmarks'}"}
