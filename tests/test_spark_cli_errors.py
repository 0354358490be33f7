"""`khabar spark` where Spark cannot start (no PySpark, no Java): a clear error and exit code 2, no traceback.

Run in a fresh interpreter each: a Spark session already running in the test process would hide both."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "istanbul-2025"


def _khabar_spark(tmp_path: Path, prelude: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    code = (f"import sys\n{prelude}\nfrom khabar.cli import app\n"
            f"sys.argv = ['khabar', 'spark', {str(EXAMPLES)!r}, '--out', {str(tmp_path / 'tables')!r}]\napp()")
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full_env, timeout=120)


def test_without_pyspark_the_error_says_which_extra_to_install(tmp_path):
    done = _khabar_spark(tmp_path, prelude="sys.modules['pyspark'] = None  # as if not installed")
    assert done.returncode == 2
    assert "khabar[spark]" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "tables").exists()


def test_without_java_the_error_says_spark_needs_java(tmp_path):
    pytest.importorskip("pyspark")
    done = _khabar_spark(tmp_path, env={"JAVA_HOME": str(tmp_path / "no-java")})
    assert done.returncode == 2
    assert "Java 17" in done.stderr and "Traceback" not in done.stderr
