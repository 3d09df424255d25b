"""The review's steps in order: read prod, plan the working tree into the dev environment, apply
it there, run the checks and the data diffs; everything gathered into one plain dict."""

from __future__ import annotations

import typing as t
from pathlib import Path

from catwalk.logs import step
from catwalk.project import CatwalkError, open_context
from catwalk.review.changes import build_plan, empty_sections, plan_structure
from catwalk.review.checks import apply_dev, run_audits, run_tests
from catwalk.review.common import one_line, ts
from catwalk.review.data_diff import add_data_diffs
from catwalk.review.render import summary


def build_report(
    env: str, gateway: str = "local", against: str = "prod", paths: str | Path | None = None
) -> dict[str, t.Any]:
    """Everything the report shows, as plain JSON-serialisable data."""
    env_name, against_name = _environment_names(env, against)
    step("review", f"loading the project ({gateway} gateway)")
    context = open_context(gateway, paths)
    try:
        return _report(context, env_name, against_name, gateway)
    finally:
        context.close()


def _environment_names(env: str, against: str) -> tuple[str, str]:
    from sqlmesh.core.environment import Environment

    try:
        env_name = Environment.sanitize_name(env)
        against_name = Environment.sanitize_name(against)
    except Exception as error:
        raise CatwalkError(f"invalid environment name: {one_line(error)}") from None
    if not env_name:
        raise CatwalkError("the environment name is empty; pass a dev environment such as pr_123")
    if env_name == "prod" or env_name == against_name:
        raise CatwalkError(
            f"review plans into a dev environment and never into {env_name!r}; "
            "pass a dev environment name such as pr_123"
        )
    return env_name, against_name


def _against_environment(context, against_name: str, gateway: str):
    try:
        against_env = context.state_reader.get_environment(against_name)
    except Exception as error:  # unreachable warehouse, missing state tables, wrong credentials
        raise CatwalkError(
            f"cannot read the SQLMesh state on gateway {gateway!r}: {one_line(error)}"
        ) from None
    if against_env is None or against_env.expired:
        raise CatwalkError(
            f"environment {against_name!r} does not exist on gateway {gateway!r} "
            "(apply the prod plan first, or pass --against with an existing environment)"
        )
    return against_env


def _report(context, env_name: str, against_name: str, gateway: str) -> dict[str, t.Any]:
    against_env = _against_environment(context, against_name, gateway)
    report: dict[str, t.Any] = {
        "environment": env_name,
        "against": against_name,
        "gateway": gateway,
        "has_changes": True,
        "ok": True,
    }
    # Nothing differs from AGAINST: say so, and build nothing (a dev plan would refuse anyway).
    if not context.diff(against_name):
        report["has_changes"] = False
        report.update(empty_sections())
        report["summary"] = summary(report, plan_requires_backfill=False)
        return report

    # Always diff against AGAINST, even when ENV exists from an earlier push of the same PR.
    # Tables built by that earlier push are reused (same fingerprints), so this costs nothing.
    context.config.plan.always_recreate_environment = True
    step("review", f"planning the working tree into {env_name} against {against_name}")
    plan = build_plan(context, env_name, against_name, against_env)

    structure = plan_structure(context, plan)
    backfill_models = structure.pop("_backfill_models")
    report.update(structure)
    report["backfill"] = {"start": ts(plan.start), "end": ts(plan.end), "models": backfill_models}
    report["summary"] = summary(report, plan_requires_backfill=plan.requires_backfill)
    _apply_and_check(context, plan, report)
    return report


def _apply_and_check(context, plan, report: dict[str, t.Any]) -> None:
    """Apply the plan to the dev environment, then run the tests, audits and data diffs."""
    env_name, against_name = report["environment"], report["against"]
    step("review", f"building {env_name}: {len(report['backfill']['models'])} models to backfill")
    report["apply"] = apply_dev(context, plan, env_name, against_name)
    if not report["apply"]["ok"]:
        report["ok"] = False

    changed = [m["name"] for m in report["directly_modified"]] + [
        m["name"] for m in report["added"]
    ]
    step("review", f"unit tests and audits of {len(changed)} changed models")
    report["tests"] = run_tests(context, changed)
    if report["tests"]["failed"]:
        report["ok"] = False

    report["audits"] = run_audits(context, plan, changed)
    if any(a["status"] in ("fail", "error") and a["blocking"] for a in report["audits"]):
        report["ok"] = False
    if report["apply"]["ok"]:
        step("review", f"data diff of {env_name} against {against_name}")
        add_data_diffs(context, report, against_name, env_name)
