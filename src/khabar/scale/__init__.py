"""Khabar on Apache Spark: the same stage functions, spread over a cluster (or local cores).

:func:`run` is the engine (``khabar spark``); :func:`load_parquet` puts its
output tables into a SQLite store so ``khabar serve`` can show them. PySpark is
an optional extra (``pip install 'khabar[spark]'``) and imported only here.
"""

from khabar.scale.engine import SparkRun, run
from khabar.scale.tables import TABLES, load_parquet

__all__ = ["TABLES", "SparkRun", "load_parquet", "run"]
