"""Which raw sources a FULL model with the `delivered` signal waits for (fast: no warehouse)."""

from __future__ import annotations

from catwalk.project import PROJECT_ROOT, open_context
from catwalk.runner import _load_signal_helpers


def _signals():
    """signals/__init__.py's helpers, without touching SQLMesh's signal registry."""
    return _load_signal_helpers(PROJECT_ROOT)


def test_a_full_model_waits_only_for_what_its_blocking_audits_cross_check():
    """episodes_costs' blocking audit cross-checks Usher states with messaging channels: those
    sources can hold it back; the phone calls it also reads (a sparse source) cannot, or a quiet
    afternoon would leave episodes_costs, and episodes after it, unbuilt."""
    context = open_context("local", load_tests=False, load_state=False)
    try:
        snapshots = context.snapshots
        costs = next(s for name, s in snapshots.items() if name.endswith('"episodes_costs"'))
        waited = {f"{schema}.{table}" for schema, table in _signals().audited_sources(costs, snapshots)}
    finally:
        context.close()
    assert {"usher.set_episode_state", "messaging.posts"} <= waited
    assert not {name for name in waited if name.startswith("telephone_master.")}, waited
