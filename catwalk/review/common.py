"""Facts about models that every step of the review needs: names, kinds, grains, Tableau marts,
archives, person-identifying columns, and the one-line text of an error."""

from __future__ import annotations

import typing as t

PII_PREFIX = "[PII]"


def display_name(snapshot) -> str:
    return snapshot.model.name if hasattr(snapshot, "model") else table_info_name(snapshot)


def table_info_name(info) -> str:
    from sqlglot import exp

    table = exp.to_table(info.name)
    return ".".join(part for part in (table.db, table.name) if part)


def is_tableau(model) -> bool:
    table = model.name.split(".")[-1]
    return table.startswith("tableau_") or "tableau" in (model.tags or [])


def is_archive(model) -> bool:
    return model.name.split(".")[0] == "archive" or model.kind.is_scd_type_2


def kind(model) -> str:
    name = model.kind.name
    return getattr(name, "value", str(name))


def grain_names(model) -> list[str]:
    from sqlglot import exp

    return [g.name if isinstance(g, exp.Column) else g.sql() for g in _flatten_grain(model)]


def _flatten_grain(model):
    from sqlglot import exp

    for grain in model.grains:
        if isinstance(grain, exp.Tuple):
            yield from grain.expressions
        else:
            yield grain


def pii_columns(model) -> set[str]:
    """Columns whose description starts with [PII] (the project's person-identifying marker)."""
    return {
        column
        for column, description in (model.column_descriptions or {}).items()
        if (description or "").strip().startswith(PII_PREFIX)
    }


def column_types(model) -> dict[str, str]:
    try:
        columns = model.columns_to_types or {}
    except Exception:  # an unrenderable old model: no column information
        return {}
    return {name: data_type.sql(dialect="duckdb") for name, data_type in columns.items()}


def ts(value) -> str | None:
    from sqlmesh.utils.date import to_datetime

    if value is None:
        return None
    return to_datetime(value).strftime("%Y-%m-%d %H:%M UTC")


MAX_ERROR = 300  # an engine error may quote the whole query: the report keeps its start


def one_line(error: t.Any) -> str:
    text = str(error).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = " ".join(lines[:3]) if lines else type(error).__name__
    return line if len(line) <= MAX_ERROR else line[: MAX_ERROR - 1] + "…"
