"""The runner evaluates what is deployed, from any process: `catwalk run` opens the project without
loading it (the models, macros and signals come from SQLMesh's state), so the macros serialized
there must not import the project's own modules when they run. A cron job's `catwalk` process
does not have the project folder on its Python path: a macro that imported `macros.portable` inside
its body failed there (`No module named 'macros'`) on every model using it, while every in-process
test passed (the test process had imported the project's macros already).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from catwalk.project import PROJECT_ROOT

# Renders, in a process without the project on its Python path, one deployed model per macro of the
# project (every macro the prod snapshots carry), as a run evaluating them would.
RENDER_EACH_MACRO = r"""
import importlib.util, json, sys
from catwalk.project import open_context
from sqlmesh.core.macros import RuntimeStage

assert importlib.util.find_spec("macros") is None, "the project is on the Python path"
context = open_context("local", sys.argv[1], load=False)
environment = context.state_reader.get_environment("prod")
snapshots = context.state_reader.get_snapshots(environment.snapshots)
by_name = {snapshot.name: snapshot for snapshot in snapshots.values()}
chosen = {}
for snapshot in sorted(by_name.values(), key=lambda s: s.name):
    if not snapshot.is_model or snapshot.is_seed or snapshot.model.kind.is_external:
        continue
    for name, executable in snapshot.model.python_env.items():
        if executable.path and executable.path.startswith("macros") and name not in chosen:
            chosen[name] = snapshot
errors = {}
for name, snapshot in sorted(chosen.items()):
    try:
        snapshot.model.render_query_or_raise(
            start="2026-03-15", end="2026-03-16", execution_time="2026-03-16 07:30:00",
            snapshots=by_name, runtime_stage=RuntimeStage.EVALUATING,
            engine_adapter=context.engine_adapter)
    except Exception as error:
        errors[f"{name} (in {snapshot.name})"] = " ".join(str(error).split())[-300:]
print(json.dumps({"macros": sorted(chosen), "errors": errors}))
"""


def test_deployed_models_render_in_a_process_without_the_project_on_its_path(copy_tiny_prod, tmp_path):
    copy = copy_tiny_prod(tmp_path / "warehouse")
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    environment.update({"CATWALK_DUCKDB": str(copy), "CATWALK_START": "2026-03-02"})
    outside = tmp_path / "elsewhere"  # the working directory of a cron job: not the project
    outside.mkdir()
    result = subprocess.run([sys.executable, "-c", RENDER_EACH_MACRO, str(PROJECT_ROOT)],
                            cwd=outside, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # the macros whose bodies once imported project modules are among those rendered
    assert {"seconds_between", "from_est", "funnel_analysis"} <= set(report["macros"]), report["macros"]
    assert not report["errors"], report["errors"]


def test_project_macros_import_project_modules_at_module_level_only():
    """SQLMesh serializes a macro with the module-level names it uses; an import inside its body is
    re-run where the macro runs, where the project may not be importable."""
    import ast

    offenders = []
    for path in sorted((PROJECT_ROOT / "macros").glob("*.py")):
        tree = ast.parse(path.read_text())
        for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
            for node in ast.walk(function):
                module = node.module if isinstance(node, ast.ImportFrom) else None
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [module or ""]
                if any(name.split(".")[0] in ("macros", "signals") for name in names):
                    offenders.append(f"{path.name}:{node.lineno} in {function.name}()")
    assert not offenders, offenders

