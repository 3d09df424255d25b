"""`make spark-setup`: the Jackson classes the Iceberg runtime expects, relocated from pyspark's jars."""

from __future__ import annotations

import zipfile

import pytest

pytestmark = pytest.mark.spark


def test_relocated_jackson_jar_has_the_shaded_classes(tmp_path):
    pytest.importorskip("pyspark", reason="run `make spark-setup` for the Spark tests")
    from catwalk.spark import build_jackson_jar, iceberg_runtime_jar

    jar = build_jackson_jar(tmp_path / "jackson.jar")
    with zipfile.ZipFile(jar) as archive:
        names = set(archive.namelist())
        factory = archive.read("org/apache/iceberg/shaded/com/fasterxml/jackson/core/JsonFactoryBuilder.class")
        services = {n: archive.read(n) for n in names if n.startswith("META-INF/services/")}
    assert not any(n.startswith("com/fasterxml/") for n in names)
    assert "org/apache/iceberg/shaded/com/fasterxml/jackson/databind/ObjectMapper.class" in names
    # every reference inside the classes points at the relocated package
    assert b"org/apache/iceberg/shaded/com/fasterxml/jackson/core/JsonFactory" in factory
    assert b"\x00com/fasterxml" not in factory and b"Lcom/fasterxml" not in factory
    assert services and all(b"org.apache.iceberg.shaded.com.fasterxml" in v for v in services.values())
    # the class the Iceberg runtime failed to load is exactly what this jar adds
    with zipfile.ZipFile(iceberg_runtime_jar()) as runtime:
        runtime_names = set(runtime.namelist())
    assert "org/apache/iceberg/shaded/com/fasterxml/jackson/core/JsonFactoryBuilder.class" not in runtime_names
