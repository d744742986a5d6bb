"""Apache Spark for `rollbook link --engine spark`: a session on this machine for one run.

Splink runs the same SQL on Spark as on DuckDB; Rollbook brings the session and one function.
The session keeps to loopback and to a temporary folder, and Spark's own output goes to a log
file there, never to Rollbook's report or JSON. The function is Jaro-Winkler exactly as DuckDB
computes it: the one in Splink's jar of Spark functions counts transpositions differently and
would put some pairs of names on the other side of a comparison level.

pyspark is imported only inside functions, so Rollbook without it still runs on DuckDB.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import Any

import pyarrow as pa

from rollbook.link.comparisons import JARO_WINKLER
from rollbook.link.settings import EngineError

#: Lines of Spark's log quoted when it fails to start.
_LOG_TAIL = 15
_LOOPBACK = "127.0.0.1"


def jaro_winkler(left: str | None, right: str | None) -> float | None:
    """Jaro-Winkler similarity bit for bit as DuckDB's `jaro_winkler_similarity`.

    Half the transpositions are rounded down, and the prefix bonus is added with one rounding
    (DuckDB's build fuses that multiply-add): a similarity that lands on a level's threshold
    must land on the same side on both engines.
    """
    if left is None or right is None:
        return None
    if not left or not right:
        return 0.0
    window = max(0, max(len(left), len(right)) // 2 - 1)
    taken = [False] * len(right)
    in_left: list[str] = []
    for i, char in enumerate(left):
        for j in range(max(0, i - window), min(len(right), i + window + 1)):
            if not taken[j] and right[j] == char:
                taken[j] = True
                in_left.append(char)
                break
    matches = len(in_left)
    if not matches:
        return 0.0
    in_right = [char for char, hit in zip(right, taken, strict=True) if hit]
    half_transpositions = sum(a != b for a, b in zip(in_left, in_right, strict=True)) // 2
    jaro = (
        matches / len(left) + matches / len(right) + (matches - half_transpositions) / matches
    ) / 3
    if jaro <= 0.7:
        return jaro
    prefix = 0
    for a, b in zip(left[:4], right[:4], strict=False):
        if a != b:
            break
        prefix += 1
    return float(Fraction(jaro) + Fraction(prefix * 0.1) * Fraction(1.0 - jaro))


def _check_installed() -> None:
    """Refuse early, saying what to install, when pyspark or Java is missing."""
    try:
        import pyspark
    except ImportError:
        raise EngineError("pyspark is not installed: pip install 'rollbook[spark]'") from None
    # Spark 4 takes and gives Arrow tables, as Splink and Rollbook hand them over.
    if int(pyspark.__version__.split(".")[0]) < 4:
        raise EngineError(
            f"pyspark {pyspark.__version__} is too old (Rollbook needs Spark 4): "
            "pip install 'rollbook[spark]'"
        )
    # Where Spark's launcher looks: $JAVA_HOME/bin/java, else java on PATH.
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home, "bin", "java")) if home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        raise EngineError(
            "no Java runtime found (Spark needs Java 17 or newer): install one, e.g. "
            "apt-get install default-jre-headless, or set JAVA_HOME"
        )


def _conf(folder: Path) -> dict[str, str]:
    cores = str(os.cpu_count() or 2)
    return {
        "spark.master": "local[*]",
        "spark.app.name": "rollbook link",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.host": _LOOPBACK,
        "spark.driver.bindAddress": _LOOPBACK,
        # A shuffle partition per core: Spark's default of 200 suits a cluster, not a laptop.
        "spark.sql.shuffle.partitions": cores,
        "spark.default.parallelism": cores,
        "spark.local.dir": str(folder / "scratch"),
        "spark.sql.warehouse.dir": str(folder / "warehouse"),
    }


def _tail(log: Path) -> str:
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(lines[-_LOG_TAIL:])


def _context(conf: Any, log: Path) -> Any:
    """A SparkContext; its JVM, started on the first run in this process, logs to `log`."""
    from pyspark import SparkContext
    from pyspark.java_gateway import launch_gateway

    gateway = None
    # pyspark keeps one JVM per process across sessions; start it only if there is none.
    if SparkContext._gateway is None:
        # The JVM takes its environment from this process's: keep it off the network too.
        outside = os.environ.get("SPARK_LOCAL_IP")
        os.environ["SPARK_LOCAL_IP"] = _LOOPBACK
        try:
            with log.open("wb") as output:
                gateway = launch_gateway(  # type: ignore[no-untyped-call]
                    conf, popen_kwargs={"stdout": output, "stderr": output}
                )
        except Exception as error:
            raise EngineError(f"Spark did not start ({error}):\n{_tail(log)}") from None
        finally:
            if outside is None:
                del os.environ["SPARK_LOCAL_IP"]
            else:
                os.environ["SPARK_LOCAL_IP"] = outside
    context = SparkContext(conf=conf, gateway=gateway)
    # Python workers (they compute `jaro_winkler`) run this interpreter, which has Rollbook.
    context.pythonExec = os.environ.get("PYSPARK_PYTHON", sys.executable)
    context.setLogLevel("ERROR")
    return context


@contextmanager
def local_session() -> Iterator[Any]:
    """A Spark session on this machine for one link run.

    Splink writes its intermediate tables to a checkpoint folder; that folder and Spark's
    scratch files are in a temporary folder that goes when the session stops.
    """
    _check_installed()
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    folder = Path(tempfile.mkdtemp(prefix="rollbook-spark-"))
    try:
        conf = SparkConf().setAll(list(_conf(folder).items()))
        context = _context(conf, folder / "spark.log")
        session = SparkSession(context)
        try:
            context.setCheckpointDir(str(folder / "checkpoints"))
            yield session
        finally:
            session.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def splink_api(session: Any) -> Any:
    """Splink's Spark API for one run, on a session of the run's own with DuckDB's Jaro-Winkler.

    Splink refuses a table name that is taken, and a session keeps the tables of every run it
    served: a fresh one (sharing the Spark context) lets runs follow one another.
    """
    from pyspark.sql.types import DoubleType
    from splink import SparkAPI

    own = session.newSession()
    own.udf.register(JARO_WINKLER["spark"], jaro_winkler, DoubleType())
    # Splink's jar of Spark functions is not needed: its Jaro-Winkler is not DuckDB's.
    return SparkAPI(  # type: ignore[no-untyped-call]
        spark_session=own, register_udfs_automatically=False
    )


def to_spark(session: Any, frame: pa.Table) -> Any:
    """The linkage frame as a Spark DataFrame, each column typed as DuckDB reads it."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    types = {pa.int64(): LongType(), pa.string(): StringType()}
    schema = StructType([StructField(f.name, types[f.type], nullable=True) for f in frame.schema])
    return session.createDataFrame(frame, schema=schema)
