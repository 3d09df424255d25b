"""The seed of pivoted DXA questions and the pivot macros that read it (macros/pivots.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlglot import exp, parse_one
from sqlmesh.core.macros import macro

ROOT = Path(__file__).resolve().parents[2]


def _pivots():
    # Importing a macro file registers its macros in SQLMesh's process-wide registry, where the first
    # registration wins: restore the registry so that contexts opened later in the session register
    # (and serialize) the project's own copy.
    saved = macro.get_registry()
    spec = importlib.util.spec_from_file_location("catwalk_macros_pivots", ROOT / "macros" / "pivots.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        macro.set_registry(saved)
    return module


pivots = _pivots()


def test_seed_lists_the_pain_questions_and_the_yes_no_questions():
    rows = pivots.read_pivot_questions()
    names = {kind: [name for k, name, _ in rows if k == kind] for kind in pivots.KINDS}
    assert names["multi"] == ["iqr_doul_endroits", "iqr_doul_intense"]
    assert len(names["bool"]) == 61 and all(name.endswith("__yn") for name in names["bool"])
    assert all(description for _, _, description in rows)


@pytest.mark.parametrize("line, message", [
    ("fievre__yn,maybe,Fever", "kind"),
    ("Fievre__yn,bool,Fever", "column name"),
    ("fievre yn,bool,Fever", "column name"),
    ("fievre__yn,bool,Fever\nfievre__yn,bool,Fever again", "listed twice"),
])
def test_a_bad_seed_row_is_refused(tmp_path, line, message):
    path = tmp_path / "data_dxa_pivot_questions.csv"
    path.write_text("question_name,kind,description\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        pivots.read_pivot_questions(path)


def test_pivot_projections_carry_one_case_per_question_and_the_description():
    projections = pivots.dxa_pivot(None, exp.Literal.string("multi"), exp.column("question_name"), exp.column("reply"))
    assert [p.alias for p in projections] == ["iqr_doul_endroits", "iqr_doul_intense"]
    assert projections[0].sql() == (
        "MAX(CASE WHEN question_name = 'iqr_doul_endroits' THEN reply END) AS iqr_doul_endroits "
        "/* Pain location answered to the DXA question iQR_doul_endroits (abdo, headface, tho, backbutt, limbs, ...) */"
    )
    columns = pivots.dxa_pivot_columns(None, exp.Literal.string("bool"), parse_one("pivoted"))
    assert len(columns) == 61 and columns[0].sql().startswith("pivoted.agitation__yn AS agitation__yn")
    with pytest.raises(ValueError, match="kind"):
        pivots.dxa_pivot(None, exp.Literal.string("free"), exp.column("q"), exp.column("v"))
