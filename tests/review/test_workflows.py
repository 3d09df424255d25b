"""The GitHub workflows: the tests run on every push and pull request, and the review comment
never pastes library output (raw SQL) from stderr."""

from __future__ import annotations

import yaml

from catwalk.project import PROJECT_ROOT

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.get("on", data.pop(True, None))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_make_test_runs_on_every_push_and_pull_request():
    workflow = _load("test.yml")
    assert {"push", "pull_request"} <= set(workflow["on"])
    assert not (workflow["on"]["push"] or {}).get("branches"), "pushes to every branch"
    scripts = "\n".join(step.get("run", "") for step in _steps(workflow))
    assert ".ci/run" in scripts  # the CI entry point: `make test`
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text()
    assert "pg_ctlcluster" in scripts and "trust" in scripts  # the Postgres tests do not skip


def test_review_comment_pastes_only_catwalk_lines_of_stderr():
    workflow = _load("review.yml")
    review = next(step for step in _steps(workflow) if step.get("id") == "review")
    pasted = [line for line in review["run"].splitlines() if "review.err" in line and "2>" not in line]
    assert pasted and all(line.strip().startswith("grep '^catwalk' review.err") for line in pasted), pasted
