"""Pivot macros: one column per DXA question listed in the seed data_dxa_pivot_questions.

The original pivoted DXA answers with one column per distinct question name found in the data
when the model was compiled, so its columns changed with the data. Here the pivoted questions are
the rows of seeds/data_dxa_pivot_questions.csv (question_name, kind, description): a question
gets a column when it gets a seed row, and the columns are stable otherwise. The list is read when
this module is imported and serialized into every model that uses the macros, so editing the seed
changes those models' fingerprints and SQLMesh rebuilds them.

Examples (kind 'multi' lists iqr_doul_endroits and iqr_doul_intense):
    @dxa_pivot('multi', question_name, reply)
        -> MAX(CASE WHEN question_name = 'iqr_doul_endroits' THEN reply END) AS iqr_doul_endroits,
           MAX(CASE WHEN question_name = 'iqr_doul_intense' THEN reply END) AS iqr_doul_intense
    @dxa_pivot_columns('multi', multi)
        -> multi.iqr_doul_endroits AS iqr_doul_endroits, multi.iqr_doul_intense AS iqr_doul_intense
Each projection carries the seed row's description as its column comment. Rows are pivoted with
MAX over at most one row per question and group (the models keep one answer per question and
questionnaire instance first), so the result does not depend on an engine's text ordering.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from sqlglot import exp

from sqlmesh import macro

PIVOT_SEED = Path(__file__).resolve().parent.parent / "seeds" / "data_dxa_pivot_questions.csv"
KINDS = ("bool", "multi")
COLUMN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def read_pivot_questions(path: Path = PIVOT_SEED) -> list[tuple[str, str, str]]:
    """(kind, question_name, description) of every seed row, in file order; checks each row."""
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name, kind, description = row["question_name"], row["kind"], row["description"]
            if kind not in KINDS:
                raise ValueError(f"{path.name}: kind of {name!r} is {kind!r}, not one of {KINDS}")
            if not COLUMN_NAME.match(name) or len(name) > 63:
                raise ValueError(f"{path.name}: {name!r} is not a plain lower-case column name")
            rows.append((kind, name, description))
    names = [name for _, name, _ in rows]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise ValueError(f"{path.name}: questions listed twice: {', '.join(duplicated)}")
    return rows


# None in a reduced copy of the project without seeds (tests of the runner): the pivots then say so.
DXA_PIVOT_QUESTIONS = read_pivot_questions() if PIVOT_SEED.exists() else None


def _questions(kind: exp.Expression) -> list[tuple[str, str]]:
    wanted = kind.name if isinstance(kind, exp.Expression) else str(kind)
    if wanted not in KINDS:
        raise ValueError(f"dxa pivot kind {wanted!r} is not one of {KINDS}")
    if DXA_PIVOT_QUESTIONS is None:
        raise FileNotFoundError("seeds/data_dxa_pivot_questions.csv is missing: the DXA pivot models list their columns there")
    return [(name, description) for k, name, description in DXA_PIVOT_QUESTIONS if k == wanted]


@macro()
def dxa_pivot(evaluator, kind: exp.Expression, key: exp.Expression, value: exp.Expression) -> list[exp.Expression]:
    """One MAX(CASE WHEN key = '<question>' THEN value END) AS <question> per seed row of `kind`."""
    projections = []
    for name, description in _questions(kind):
        case = exp.Case(
            ifs=[exp.If(this=exp.EQ(this=key.copy(), expression=exp.Literal.string(name)), true=value.copy())]
        )
        projection = exp.alias_(exp.Max(this=case), name)
        projection.comments = [description]
        projections.append(projection)
    return projections


@macro()
def dxa_pivot_columns(evaluator, kind: exp.Expression, alias: exp.Expression) -> list[exp.Expression]:
    """`alias`.<question> AS <question> per seed row of `kind` (passes a pivot's columns on)."""
    projections = []
    for name, description in _questions(kind):
        projection = exp.alias_(exp.column(name, table=alias.name), name)
        projection.comments = [description]
        projections.append(projection)
    return projections
