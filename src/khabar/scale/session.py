"""A SparkSession configured for Khabar: local cores by default, a cluster by ``master``."""

from __future__ import annotations

import os
import sys
from pathlib import Path


class SparkUnavailable(RuntimeError):
    """Spark cannot start here: PySpark is not installed, or Java cannot run it."""


def spark_session(master: str = "local[*]", app: str = "khabar", conf: dict[str, str] | None = None):
    """A (new or running) SparkSession whose Python workers can import khabar.

    The workers run this interpreter and see the directory khabar is imported
    from, so an uninstalled checkout (``PYTHONPATH=src``) works as well as an
    installed package; on a cluster, install khabar on the nodes.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable("the Spark engine needs the optional extra: pip install 'khabar[spark]'") from exc
    package_root = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ["PYTHONPATH"] = python_path
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "4" if master.startswith("local") else "200")
               .config("spark.driver.memory", "4g")
               # cached DataFrames hold ~15 KB of JSON per article: column batches of 10,000 rows
               # (the default) are too big to build in the heap of a laptop's executor
               .config("spark.sql.inMemoryColumnarStorage.batchSize", "1000")
               .config("spark.python.worker.reuse", "true")
               .config("spark.executorEnv.PYTHONPATH", python_path)
               .config("spark.sql.session.timeZone", "UTC"))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, or a Java that cannot start Spark's gateway
        raise SparkUnavailable(f"could not start Spark ({type(exc).__name__}): it needs Java 17 "
                           "(`make system-deps` installs it)") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark
