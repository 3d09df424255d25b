"""scripts/generate_finance_seeds.py writes exactly the finance seeds committed in seeds/ (it is
deterministic and the committed CSVs are up to date with it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("data_finance_rampup_costs", "data_finance_runway", "data_finance_opex",
         "data_finance_gm_breakdown", "data_finance_pilot_expansions",
         "data_finance_revenue_overrides", "data_finance_revenue_adjustment",
         "data_finance_revenue_adjustment_excluded_organizations")


def _script():
    spec = importlib.util.spec_from_file_location("generate_finance_seeds",
                                                  ROOT / "scripts" / "generate_finance_seeds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_rewrites_the_committed_seeds(tmp_path):
    _script().main(tmp_path)
    written = sorted(path.stem for path in tmp_path.glob("*.csv"))
    assert written == sorted(SEEDS)
    for name in SEEDS:
        assert (tmp_path / f"{name}.csv").read_text() == (ROOT / "seeds" / f"{name}.csv").read_text(), name


def test_monthly_sheets_cover_2024_to_2027(tmp_path):
    _script().main(tmp_path)
    for name in ("data_finance_rampup_costs", "data_finance_runway"):
        months = [line.split(",")[0] for line in (tmp_path / f"{name}.csv").read_text().splitlines()[1:]]
        assert months[0] == "2024-01-01" and months[-1] == "2027-12-01" and len(months) == 48
