"""House rules of Catwalk that a machine can check (style.md), as SQLMesh linter rules.

Enabled in config.yaml under `linter.rules`; `sqlmesh lint` and every plan run them.
"""

from __future__ import annotations

import re
import typing as t
from pathlib import Path

from sqlmesh.core.linter.rule import Rule, RuleViolation
from sqlmesh.core.model import ExternalModel, Model

LAYERS = ("base", "transform", "table", "meta", "tableau", "archive")
# Longest physical name is <table>__<10-digit fingerprint>__dev: 46 + 2 + 10 + 5 = 63 (Postgres limit).
MAX_NAME_LENGTH = 46
# Incremental and SCD2 tables are migrated in place on forward-only and metadata changes, through a
# <table>__<fingerprint>_schema_tmp table: 40 + 2 + 10 + 11 = 63.
MAX_MIGRATED_NAME_LENGTH = 40


def _layer(model: Model) -> t.Optional[str]:
    """The layer folder of a model file: the first folder under models/."""
    path = getattr(model, "_path", None)
    if path is None:
        return None
    parts = Path(path).parts
    if "models" not in parts:
        return None
    index = len(parts) - 1 - parts[::-1].index("models")
    return parts[index + 1] if index + 2 < len(parts) else None


class OnlyBaseReadsRaw(Rule):
    """Only models under models/base/ may read raw (external) tables."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel) or _layer(model) in (None, "base"):
            return None
        raw = []
        for name in sorted(model.depends_on):
            parent = self.context.get_model(name)
            if parent is not None and isinstance(parent, ExternalModel):
                raw.append(parent.name)
        if raw:
            return self.violation(
                f"{model.name} is in models/{_layer(model)}/ but reads raw tables {', '.join(raw)}:"
                " only base models read raw data"
            )
        return None


class ModelHasMetadata(Rule):
    """Every model declares owner, grain, tags and a description."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel):
            return None
        missing = [
            field
            for field, value in (
                ("owner", model.owner),
                ("grain", model.grains),
                ("tags", model.tags),
                ("description", model.description),
            )
            if not value
        ]
        if missing:
            return self.violation(f"{model.name} is missing {', '.join(missing)}")
        return None


class FolderMatchesLayer(Rule):
    """A model lives in one of the layer folders and carries its layer as a tag."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel):
            return None
        layer = _layer(model)
        if layer not in LAYERS:
            return self.violation(
                f"{model.name} is in models/{layer}/: models live under one of {', '.join(LAYERS)}"
            )
        if layer not in model.tags:
            return self.violation(f"{model.name} is in models/{layer}/ but lacks the tag {layer}")
        return None


class NameFitsPostgres(Rule):
    """Model names stay short enough for Postgres's 63-character identifiers (physical names)."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel):
            return None
        table = model.name.split(".")[-1].strip('"')
        migrated = model.kind.is_incremental or model.kind.is_scd_type_2
        limit = MAX_MIGRATED_NAME_LENGTH if migrated else MAX_NAME_LENGTH
        if len(table) > limit:
            why = " (incremental: SQLMesh migrates it through a _schema_tmp table)" if migrated else ""
            return self.violation(
                f"{model.name}: table name has {len(table)} characters, at most {limit}{why}"
            )
        return None


class ColumnsDocumented(Rule):
    """Every output column has a description (a trailing comment in the final select)."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel):
            return None
        # SCD type 2 kinds add valid_from / valid_to themselves: they are not authored in the select.
        managed = set(getattr(model.kind, "managed_columns", None) or {})
        columns = [c for c in (model.columns_to_types or {}) if c not in managed]
        described = model.column_descriptions or {}
        missing = [column for column in columns if not (described.get(column) or "").strip()]
        if missing:
            return self.violation(f"{model.name}: undocumented columns {', '.join(missing)}")
        return None


PII_MARKER = "[PII]"


def pii_columns(model: Model) -> list[str]:
    """Columns whose description starts with the [PII] marker (person-identifying data)."""
    return [
        column
        for column, description in (model.column_descriptions or {}).items()
        if (description or "").lstrip().startswith(PII_MARKER)
    ]


class PiiTagged(Rule):
    """A model with person-identifying columns carries the tag pii; Tableau marts expose none."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel):
            return None
        columns = pii_columns(model)
        if columns and _layer(model) == "tableau":
            return self.violation(
                f"{model.name} is a Tableau mart exposing person-identifying columns "
                f"{', '.join(columns)}: drop them or expose a salted hash"
            )
        if columns and "pii" not in model.tags:
            return self.violation(
                f"{model.name} has person-identifying columns {', '.join(columns)} but no tag pii"
            )
        return None


class PortablePercentile(Rule):
    """Percentiles are written @continuous_percentile(x, q) (QUANTILE_CONT on DuckDB and
    Postgres; see PortableIdioms): the WITHIN GROUP form does not survive
    `sqlmesh format` portably (it becomes QUANTILE_CONT(x, q ORDER BY x), which Postgres rejects)."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:

        query = getattr(model, "query", None)
        if query is None or isinstance(model, ExternalModel):
            return None
        text = query.sql(dialect="duckdb")
        if re.search(r"QUANTILE_(CONT|DISC)\([^()]*(\([^()]*\)[^()]*)*ORDER BY", text, re.IGNORECASE):
            return self.violation(
                f"{model.name}: write percentiles as @continuous_percentile(x, q) or "
                "@discrete_percentile(x, q) (no ORDER BY / WITHIN GROUP)"
            )
        return None


# DuckDB idioms that SQLGlot does not carry to Spark (rejected there, or another answer there),
# with the portable spelling (macros/portable.py, macros/time.py). Matched on the model's query
# written in DuckDB's dialect before macros are expanded (a macro call reads `@NAME(`).
NON_PORTABLE_IDIOMS = (
    (r"(?<!@)\b(STRING_AGG|LISTAGG|GROUP_CONCAT)\s*\(",
     "ordered string aggregation: use @ordered_string_agg(value, separator, order keys...)"),
    (r"(?<!@)\b(QUANTILE_CONT|QUANTILE_DISC|QUANTILE|PERCENTILE_CONT|PERCENTILE_DISC|MEDIAN)\s*\(",
     "percentile: use @continuous_percentile(value, fraction) or @discrete_percentile(value, fraction)"),
    (r"\bEXTRACT\s*\(\s*(ISODOW|DOW|DAYOFWEEK|WEEKDAY|EPOCH)\b",
     "EXTRACT(ISODOW/DOW/EPOCH ...): use @iso_day_of_week(day) or @seconds_between(a, b)"),
    (r"(?<!@)\b(DAYOFWEEK|ISODOW|DAYOFWEEKISO|WEEKDAY|WEEK|WEEKOFYEAR|YEARWEEK|AGE|EPOCH|EPOCH_MS|EPOCH_US|TIMEZONE)\s*\(",
     "day-of-week, week number, age, epoch and timezone() functions differ across engines: use "
     "@iso_day_of_week(day), @seconds_between(a, b), @to_est(ts) / @to_utc(ts) or DATE_TRUNC"),
    (r"\b(DATE_DIFF|DATEDIFF|DATE_SUB)\s*\(\s*'(MONTH|MONTHS|QUARTER|YEAR|YEARS|WEEK|WEEKS)'",
     "month/quarter/year differences count boundaries differently on Spark: compute them from "
     "EXTRACT(YEAR ...) * 12 + EXTRACT(MONTH ...)"),
    (r"->>", "JSON ->> operator: use @json_text(text, '$.path')"),
    (r"\bAT\s+TIME\s+ZONE\b",
     "AT TIME ZONE: SQLGlot writes it as FROM_UTC_TIMESTAMP on Spark, which is the wrong direction "
     "for a naive local time: use @to_est(ts) / @to_utc(ts) for a TIMESTAMPTZ and @from_est(ts) "
     "for a naive Montreal-local time"),
    (r"\b(LIST|ARRAY_AGG)\s*\((?:[^()]|\([^()]*\))*\bORDER BY\b",
     "ORDER BY inside list()/array_agg() is dropped on Spark: aggregate unordered and sort the "
     "list (ARRAY_SORT), or use @string_agg"),
)


class PortableIdioms(Rule):
    """Engine-specific idioms are written through the dialect macros, so the same model gives the
    same answer on DuckDB, Postgres and Spark (the `spark` gateway)."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        query = getattr(model, "query", None)
        if query is None or isinstance(model, ExternalModel):
            return None
        sql = re.sub(r"/\*.*?\*/", "", query.sql(dialect="duckdb"), flags=re.S)
        text = re.sub(r"'(?:[^']|'')*'", "''", sql)  # string literals emptied
        found = [
            advice for pattern, advice in NON_PORTABLE_IDIOMS
            # the date-part patterns read the literal argument; the others ignore string contents
            if re.search(pattern, sql if "MONTH" in pattern else text, re.I)
        ]
        if found:
            return self.violation(f"{model.name}: {'; '.join(found)}")
        return None


TWICE_DAILY_LAYERS = ("table", "tableau", "archive")  # what analysts and Tableau read twice a day


def _runs_at_18(model: Model) -> bool:
    """The model's cron has 18 in its hour field (the afternoon run)."""
    fields = (model.cron or "").split()
    return len(fields) == 5 and "18" in fields[1].split(",")


class TwiceDailyHasReader(Rule):
    """A base, transform or meta model runs at 18:00 only if a model refreshed at 18:00 reads it.

    The 18:00 run serves the twice-daily layers (business tables, twice-daily marts, archives) and
    what they read; a model that nothing refreshed at 18:00 reads would be recomputed for nobody:
    it belongs on cron '0 7 * * *', or cron '0 6 * * *' with interval_unit 'hour' when it keeps
    hourly intervals (computed by the 07:00 run up to the 06:00 Segment load).
    """

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel) or model.kind.is_seed or not _runs_at_18(model):
            return None
        if _layer(model) in (None, *TWICE_DAILY_LAYERS):
            return None
        for name in self.context.dag.downstream(model.fqn):
            reader = self.context.get_model(name)
            if reader is not None and model.fqn in reader.depends_on and _runs_at_18(reader):
                return None
        return self.violation(
            f"{model.name} runs at 18:00 (cron {model.cron!r}) but no model refreshed at 18:00 reads"
            " it: use cron '0 7 * * *' (hourly intervals: cron '0 6 * * *' with interval_unit 'hour')"
        )


# A pointer into a document that is not part of the repository: a section sign, a numbered quirk of
# an outside list, or a Markdown file that does not exist in the project.
SECTION_SIGN = "§"
OUTSIDE_QUIRK = re.compile(r"\bquirks? \d+", re.IGNORECASE)
MARKDOWN_FILE = re.compile(r"[\w./-]*\w\.md\b", re.IGNORECASE)


def outside_citations(text: str, root: t.Optional[Path]) -> list[str]:
    """The pointers of `text` to documents outside the repository rooted at `root`."""
    found = []
    if SECTION_SIGN in text:
        found.append(SECTION_SIGN)
    found += [match.group(0) for match in OUTSIDE_QUIRK.finditer(text)]
    for match in MARKDOWN_FILE.finditer(text):
        cited = match.group(0).lstrip("./")
        if root is None or not (root / cited).is_file():
            found.append(match.group(0))
    return found


class DescriptionsSelfContained(Rule):
    """Descriptions state their rule: no pointer to a document outside the repository (domain.md,
    a section sign, an outside quirk number) in a model's description, its column descriptions or
    the comments of the audits it runs. Documents of the repository (README.md, docs/*.md) may be
    cited."""

    def check_model(self, model: Model) -> t.Optional[RuleViolation]:
        if isinstance(model, ExternalModel):
            return None
        root = Path(self.context.path) if getattr(self.context, "path", None) else None
        texts = [("description", model.description or "")]
        texts += [(f"column {name}", text or "") for name, text in (model.column_descriptions or {}).items()]
        for name, audit in sorted((getattr(model, "audit_definitions", None) or {}).items()):
            query = getattr(audit, "query", None)
            texts.append((f"audit {name}", query.sql(comments=True) if query is not None else ""))
        cited = [f"{where} cites {', '.join(found)}" for where, text in texts if (found := outside_citations(text, root))]
        if cited:
            return self.violation(
                f"{model.name}: {'; '.join(cited)}: state the rule in the description (or cite a"
                " document of the repository such as docs/business-rules.md)"
            )
        return None
