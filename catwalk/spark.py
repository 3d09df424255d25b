"""Local Apache Spark with Iceberg tables: the `spark` gateway's files and session.

The gateway (config.yaml) runs Spark 3.5 in local mode with Iceberg tables in the session catalog
(Hive metastore in embedded Derby). Everything it needs comes from Python packages (the `spark`
extra of pyproject.toml: pyspark, and the Iceberg 1.10 runtime jar for Spark 3.5 / Scala 2.12
shipped in the `snowpark-connect-deps-iceberg` wheel) plus one jar built here at setup time:

The Iceberg runtime jar expects Jackson relocated under `org.apache.iceberg.shaded.` (as its Maven
build shades it) but that copy lacks the Jackson classes themselves, so the first CREATE TABLE
fails with `ClassNotFoundException: org.apache.iceberg.shaded.com.fasterxml.jackson.core...`.
`build_jackson_jar` relocates pyspark's own jackson-annotations, -core and -databind jars into
that package — the class-file constant pools, the entry paths and the `META-INF/services` files
are rewritten as a shading plugin would — into `<CATWALK_SPARK_JAR_DIR>`. Nothing binary is
committed: `make spark-setup` (or `python -m catwalk.spark setup`) builds it.

Paths (all from the environment; `catwalk` commands default them to absolute paths under the
project so that any working directory works):
- `CATWALK_SPARK=1` enables the gateway (SQLMesh opens every configured gateway on load, so a
  DuckDB or Postgres user never starts a JVM unless this is set);
- `CATWALK_SPARK_DIR` (default `<project>/.spark`): `warehouse/` (Iceberg data and metadata
  files), `metastore_db/` (Derby: one JVM at a time), `generator.duckdb` (the generator's pending
  rows and bookkeeping);
- `CATWALK_SPARK_JAR_DIR` (default `<project>/.spark/jars`): the relocated Jackson jar;
- `CATWALK_SPARK_STATE` (default `<CATWALK_SPARK_DIR>/state.duckdb`): SQLMesh's state (Spark
  cannot hold it);
- `CATWALK_SPARK_JARS`: the comma-separated jars (default: the Iceberg runtime and the relocated
  Jackson jar).
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zipfile
from pathlib import Path

from catwalk.project import PROJECT_ROOT, CatwalkError

ENABLE_VARIABLE = "CATWALK_SPARK"
JACKSON_JARS = ("jackson-annotations", "jackson-core", "jackson-databind")
SHADE_PREFIX = "org.apache.iceberg.shaded."
RELOCATED_JAR = "iceberg-shaded-jackson.jar"
ICEBERG_RUNTIME = "iceberg-spark-runtime-3.5_2.12-1.10.2.jar"

_FROM_SLASH, _TO_SLASH = b"com/fasterxml/jackson/", (SHADE_PREFIX.replace(".", "/") + "com/fasterxml/jackson/").encode()
_FROM_DOT, _TO_DOT = b"com.fasterxml.jackson.", (SHADE_PREFIX + "com.fasterxml.jackson.").encode()


def spark_dir() -> Path:
    return Path(os.environ.get("CATWALK_SPARK_DIR") or PROJECT_ROOT / ".spark").resolve()


def jar_dir() -> Path:
    """Where `make spark-setup` builds the relocated Jackson jar (CATWALK_SPARK_JAR_DIR, default
    <project>/.spark/jars): shared by every Spark folder (tests and parity use scratch ones)."""
    return Path(os.environ.get("CATWALK_SPARK_JAR_DIR") or PROJECT_ROOT / ".spark" / "jars").resolve()


def iceberg_runtime_jar() -> Path:
    try:
        import snowpark_connect_deps_iceberg as package
    except ImportError:
        raise CatwalkError("the Iceberg runtime is not installed; run `make spark-setup` "
                           "(pip install -e '.[spark]')") from None
    jar = Path(next(iter(package.__path__))) / "jars" / ICEBERG_RUNTIME
    if not jar.exists():
        raise CatwalkError(f"{jar} is missing from the installed snowpark-connect-deps-iceberg")
    return jar


def pyspark_jars() -> Path:
    try:
        import pyspark
    except ImportError:
        raise CatwalkError("pyspark is not installed; run `make spark-setup`") from None
    return Path(pyspark.__file__).parent / "jars"


def set_default_environment() -> None:
    """Absolute defaults for the gateway's paths (config.yaml reads these variables)."""
    folder = spark_dir()
    os.environ.setdefault("CATWALK_SPARK_DIR", str(folder))
    os.environ.setdefault("CATWALK_SPARK_STATE", str(folder / "state.duckdb"))
    if "CATWALK_SPARK_JARS" not in os.environ:
        try:
            os.environ["CATWALK_SPARK_JARS"] = f"{iceberg_runtime_jar()},{jar_dir() / RELOCATED_JAR}"
        except CatwalkError:
            pass  # reported when the gateway is used


def enabled() -> bool:
    return bool(os.environ.get(ENABLE_VARIABLE))


def enable() -> None:
    """Enable the spark gateway for this process (and check its setup was done)."""
    os.environ[ENABLE_VARIABLE] = "1"
    set_default_environment()
    jar = jar_dir() / RELOCATED_JAR
    if not jar.exists():
        raise CatwalkError(f"{jar} does not exist; run `make spark-setup` first")
    iceberg_runtime_jar()


# ------------------------------------------------------------------------------ Jackson relocation


def _relocate(value: bytes) -> bytes:
    if b"com/fasterxml/jackson/" in value and _TO_SLASH not in value:
        value = value.replace(_FROM_SLASH, _TO_SLASH)
    if b"com.fasterxml.jackson." in value and _TO_DOT not in value:
        value = value.replace(_FROM_DOT, _TO_DOT)
    return value


# constant-pool tag -> size of the entry after the tag (Utf8, tag 1, has its own length)
_CP_SIZES = {3: 4, 4: 4, 5: 8, 6: 8, 7: 2, 8: 2, 9: 4, 10: 4, 11: 4, 12: 4, 15: 3, 16: 2, 17: 4,
             18: 4, 19: 2, 20: 2}


def relocate_class(data: bytes) -> bytes:
    """A class file with every Utf8 constant naming a Jackson package relocated."""
    if data[:4] != b"\xca\xfe\xba\xbe":
        raise ValueError("not a class file")
    count = struct.unpack_from(">H", data, 8)[0]
    out, position, index = [data[:10]], 10, 1
    while index < count:
        tag = data[position]
        if tag == 1:
            length = struct.unpack_from(">H", data, position + 1)[0]
            value = _relocate(data[position + 3:position + 3 + length])
            out.append(b"\x01" + struct.pack(">H", len(value)) + value)
            position += 3 + length
        else:
            size = _CP_SIZES[tag]
            out.append(data[position:position + 1 + size])
            position += 1 + size
        index += 2 if tag in (5, 6) else 1
    out.append(data[position:])
    return b"".join(out)


def _relocated_name(name: str) -> str:
    return _relocate(name.encode()).decode()


def build_jackson_jar(target: Path | None = None, force: bool = False) -> Path:
    """Build the relocated Jackson jar from the jars pyspark ships; returns its path."""
    target = target or jar_dir() / RELOCATED_JAR
    if target.exists() and not force:
        return target
    sources = []
    for prefix in JACKSON_JARS:
        found = sorted(p for p in pyspark_jars().glob(f"{prefix}-2.*.jar"))
        if not found:
            raise CatwalkError(f"no {prefix} jar in {pyspark_jars()}")
        sources.append(found[-1])
    target.parent.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as jar:
        for source in sources:
            with zipfile.ZipFile(source) as original:
                for info in original.infolist():
                    name = info.filename
                    if info.is_dir() or name.endswith("module-info.class") or name == "META-INF/MANIFEST.MF":
                        continue
                    data = original.read(info)
                    if name.endswith(".class"):
                        data = relocate_class(data)
                    elif name.startswith("META-INF/services/"):
                        data = _relocate(data)
                    name = _relocated_name(name)
                    if name in seen:
                        continue
                    seen.add(name)
                    jar.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return target


# ---------------------------------------------------------------------------------------- session


def session():
    """The SparkSession of the `spark` gateway, built from config.yaml's Spark settings (the
    same session SQLMesh then reuses in this process: one JVM, one Derby metastore)."""
    from sqlmesh.core.config import Config
    from sqlmesh.core.config.loader import load_configs

    enable()
    config = load_configs(None, Config, str(PROJECT_ROOT))[PROJECT_ROOT]
    gateway = config.gateways.get("spark")
    if gateway is None:
        raise CatwalkError("config.yaml has no spark gateway")
    return gateway.connection._static_connection_kwargs["spark"]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] != ["setup"]:
        print("usage: python -m catwalk.spark setup", file=sys.stderr)
        return 2
    try:
        runtime = iceberg_runtime_jar()
        jar = build_jackson_jar(force=True)
    except CatwalkError as error:
        print(f"catwalk spark: {error}", file=sys.stderr)
        return 2
    print(f"catwalk spark: Iceberg runtime {runtime}")
    print(f"catwalk spark: relocated Jackson {jar} ({jar.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
