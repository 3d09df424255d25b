"""The renderers: the one-line summary, the JSON report and the markdown pull-request comment."""

from __future__ import annotations

import json
import typing as t

DOWNSTREAM_LISTED = 25
MAX_DIFF_LINES = 150  # per model in markdown (the JSON keeps the whole diff)


def summary(report: dict[str, t.Any], plan_requires_backfill: bool) -> str:
    if not report["has_changes"]:
        return f"No changes: the working tree matches `{report['against']}`."
    models = report["backfill"]["models"]
    incremental = [m for m in models if not m["full_refresh"]]
    intervals = sum(m["intervals"] for m in incremental)
    full = len(models) - len(incremental)
    parts = []
    if incremental:
        parts.append(
            f"{intervals} interval{'s' if intervals != 1 else ''} of {len(incremental)} "
            f"incremental model{'s' if len(incremental) != 1 else ''}"
        )
    if full:
        parts.append(f"{full} full refresh{'es' if full != 1 else ''}")
    rebuilt = [m for m in report["directly_modified"] + report["indirectly_modified"] if m["rebuilt"]]
    if plan_requires_backfill and models:
        backfill = f"backfill needed: {' + '.join(parts)}"
    elif rebuilt:
        backfill = (
            f"{len(rebuilt)} rebuilt table{'s' if len(rebuilt) != 1 else ''} already built in "
            f"`{report['environment']}` by an earlier plan (nothing left to backfill)"
        )
    else:
        backfill = "no backfill needed"
    return (
        f"{len(report['added'])} added · {len(report['removed'])} removed · "
        f"{len(report['directly_modified'])} directly modified · "
        f"{len(report['indirectly_modified'])} indirectly modified · {backfill}"
    )


def render_json(report: dict[str, t.Any]) -> str:
    return json.dumps(report, indent=2, default=str) + "\n"


def render_markdown(report: dict[str, t.Any]) -> str:
    env, against = report["environment"], report["against"]
    lines = [f"## Catwalk plan review: `{env}` against `{against}`", ""]
    lines += [f"**Summary:** {report['summary']}", ""]
    if not report["has_changes"]:
        lines += [
            "No model, seed, audit or environment-statement change was found: nothing to review, "
            f"nothing was built, and the environment `{env}` was not touched.",
            "",
        ]
        return "\n".join(lines)

    lines += _callouts(report)
    backfill = report["backfill"]
    lines += [
        f"> The dev environment `{env}` was created or updated from `{against}` and backfilled "
        f"from {backfill['start']} to {backfill['end']} to compute the data diff. "
        f"`{against}` was not changed.",
        "",
    ]
    if report["apply"]["error"]:
        lines += [f"**Dev backfill failed:** {report['apply']['error']}", ""]
    if report["directly_modified"]:
        lines += ["### Directly modified", ""]
        for entry in report["directly_modified"]:
            lines += _render_direct(entry, env, against)
    lines += _render_added(report["added"], env)
    lines += _render_removed(report["removed"], env, against)
    lines += _render_indirect(report["indirectly_modified"], env, against)
    lines += _render_backfill(backfill["models"])
    lines += _render_checks(report)
    return "\n".join(lines)


def _render_added(added: list[dict], env: str) -> list[str]:
    if not added:
        return []
    lines = ["### Added models", ""]
    for entry in added:
        rows = entry["data_diff"] or {}
        count = f" · {rows['env_rows']} rows in `{env}`" if rows.get("env_rows") is not None else ""
        lines.append(f"- `{entry['name']}` ({entry['kind']}){_flags(entry)}{count}")
        if entry["columns"]:
            lines.append("  - columns: " + ", ".join(f"`{c}` {d}" for c, d in entry["columns"]))
    return lines + [""]


def _render_removed(removed: list[dict], env: str, against: str) -> list[str]:
    if not removed:
        return []
    lines = ["### Removed models", ""]
    lines += [
        f"- `{entry['name']}`: dropped from `{env}`; promoting this change drops it from "
        f"`{against}` (check dashboards and ad-hoc queries that read it)"
        for entry in removed
    ]
    return lines + [""]


def _render_indirect(indirect: list[dict], env: str, against: str) -> list[str]:
    if not indirect:
        return []
    lines = ["### Indirectly modified", ""]
    for entry in indirect:
        rebuilt = _rebuilt_text(entry)
        lines.append(f"- `{entry['name']}`{_flags(entry)}: {entry['category']}, {rebuilt}")
        if entry.get("data_diff"):
            lines.append(f"  - {_mart_diff(entry['data_diff'], env, against)}")
    return lines + [""]


def _mart_diff(diff: dict[str, t.Any], env: str, against: str) -> str:
    """One line for a Tableau mart downstream of the change: rows and the columns that moved."""
    if diff.get("error"):
        return f"data diff not available ({diff['error']})"
    if diff.get("identical_table"):
        return f"data diff: `{env}` reads the same table as `{against}` (no data change)"
    rows = (
        f"rows {diff['against_rows']} in `{against}` → {diff['env_rows']} in `{env}` "
        f"({diff['only_in_against']} only in `{against}`, {diff['only_in_env']} only in `{env}`)"
    )
    changed = {c: p for c, p in diff["column_match_pct"].items() if p is None or p < 100}
    added = [c for c, _ in diff["columns_added"]]
    removed = [c for c, _ in diff["columns_removed"]]
    parts = [f"`{c}` {_pct(p)} match" for c, p in sorted(changed.items())]
    parts += [f"`{c}` new" for c in added] + [f"`{c}` removed" for c in removed]
    columns = "changed columns: " + ", ".join(parts) if parts else "every column matches"
    return f"data diff: {rows}; {columns}"


def _rebuilt_text(entry: dict[str, t.Any]) -> str:
    if not entry["rebuilt"]:
        return "not rebuilt (reuses prod data)"
    if entry.get("preview"):
        return "rebuilt as a dev preview table (prod keeps its table and history)"
    return "rebuilt (a new table, used by prod once promoted)"


def _render_backfill(models: list[dict]) -> list[str]:
    if not models:
        return []
    lines = ["### Backfill", "", "| model | intervals | ranges |", "|---|---:|---|"]
    for entry in models:
        preview = " (preview, not reused in prod)" if entry["preview"] else ""
        count = "full refresh" if entry["full_refresh"] else entry["intervals"]
        lines.append(f"| `{entry['name']}`{preview} | {count} | {_md(entry['ranges'])} |")
    return lines + [""]


def _callouts(report: dict[str, t.Any]) -> list[str]:
    tableau, archives = set(), set()
    for entry in [*report["directly_modified"], *report["added"]]:
        if entry["is_tableau"]:
            tableau.add(entry["name"])
        if entry["is_archive"]:
            archives.add(entry["name"])
        for child in entry.get("downstream", []):
            if child["is_tableau"]:
                tableau.add(child["name"])
            if child["is_archive"]:
                archives.add(child["name"])
    lines = []
    if tableau:
        lines.append(
            "> ⚠️ **Tableau marts affected:** "
            + ", ".join(f"`{n}`" for n in sorted(tableau))
            + " (dashboards read these)"
        )
    if archives:
        lines.append(
            "> ⚠️ **Archives affected:** "
            + ", ".join(f"`{n}`" for n in sorted(archives))
            + " (history in prod is kept; new rows follow the new logic)"
        )
    return lines + [""] if lines else []


def _flags(entry: dict[str, t.Any]) -> str:
    flags = []
    if entry.get("is_tableau"):
        flags.append("**Tableau mart**")
    if entry.get("is_archive"):
        flags.append("**archive**")
    return (" — " + ", ".join(flags)) if flags else ""


def _render_direct(entry: dict[str, t.Any], env: str, against: str) -> list[str]:
    lines = [f"#### `{entry['name']}` — {entry['category']}{_flags(entry)}", ""]
    lines += [f"*Why:* {entry['reason']}.", ""]
    changes = entry["schema_changes"]
    parts = (
        [f"added `{c}` ({d})" for c, d in changes["added"]]
        + [f"removed `{c}` ({d})" for c, d in changes["removed"]]
        + [f"retyped `{c}` {o} → {n}" for c, o, n in changes["retyped"]]
    )
    lines += [f"*Columns:* {'; '.join(parts) if parts else 'no column changes'}.", ""]
    lines += _render_downstream(entry["downstream"])
    lines += _render_sql_diff(entry["sql_diff"])
    lines += _render_data_diff(entry.get("data_diff"), env, against)
    return lines


def _render_downstream(downstream: list[dict]) -> list[str]:
    if not downstream:
        return ["*Downstream:* none.", ""]
    shown = downstream[:DOWNSTREAM_LISTED]
    more = len(downstream) - len(shown)
    names = [f"`{d['name']}`{_flags(d)}" for d in shown]
    return [
        f"*Downstream ({len(downstream)}):* "
        + ", ".join(names)
        + (f" and {more} more" if more > 0 else "")
        + ".",
        "",
    ]


def _render_sql_diff(sql_diff: str) -> list[str]:
    if not sql_diff:
        return []
    diff_lines = sql_diff.splitlines()
    if len(diff_lines) > MAX_DIFF_LINES:
        hidden = len(diff_lines) - MAX_DIFF_LINES
        diff_lines = diff_lines[:MAX_DIFF_LINES] + [f"... ({hidden} more lines)"]
    return [
        "<details><summary>SQL diff</summary>",
        "",
        "```diff",
        *diff_lines,
        "```",
        "",
        "</details>",
        "",
    ]


def _render_data_diff(diff: dict[str, t.Any] | None, env: str, against: str) -> list[str]:
    if diff is None:
        return []
    if diff.get("error"):
        return [f"*Data diff:* not available ({diff['error']}).", ""]
    if diff.get("identical_table"):
        return [f"*Data diff:* `{env}` reads the same table as `{against}` (no data change).", ""]
    lines = [
        f"*Data diff* (`{against}` vs `{env}`, joined on {', '.join(f'`{c}`' for c in diff['on'])}):",
        "",
        f"| rows in `{against}` | rows in `{env}` | matched | fully matching | only in `{against}` "
        f"| only in `{env}` |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {diff['against_rows']} | {diff['env_rows']} | {diff['matched_rows']} "
        f"| {diff['fully_matching_rows']} | {diff['only_in_against']} | {diff['only_in_env']} |",
        "",
    ]
    if diff.get("note"):
        lines += [f"Note: {diff['note']}.", ""]
    lines += _render_table_schema(diff, env, against)
    lines += _render_match_rates(diff["column_match_pct"])
    if diff["masked_columns"]:
        lines += [
            "Person-identifying columns are masked as `***` in samples: "
            + ", ".join(f"`{c}`" for c in diff["masked_columns"])
            + ".",
            "",
        ]
    for key, title in (
        ("sample_only_in_against", f"Sample rows only in `{against}`"),
        ("sample_only_in_env", f"Sample rows only in `{env}`"),
        ("sample_differing", "Sample matched rows with differences"),
    ):
        sample = diff[key]
        if sample["rows"]:
            hidden = sample.get("hidden_columns") or 0
            more = f" (grain, changed and context columns; {hidden} more not shown)" if hidden else ""
            lines += [f"{title}{more}:", "", *_md_table(sample["columns"], sample["rows"]), ""]
    return lines


def _render_table_schema(diff: dict[str, t.Any], env: str, against: str) -> list[str]:
    if not (diff["columns_added"] or diff["columns_removed"] or diff["columns_retyped"]):
        return []
    parts = (
        [f"new column `{c}` ({d}) only in `{env}`" for c, d in diff["columns_added"]]
        + [f"column `{c}` ({d}) only in `{against}`" for c, d in diff["columns_removed"]]
        + [f"`{c}` {o} → {n}" for c, o, n in diff["columns_retyped"]]
    )
    return ["Table schema: " + "; ".join(parts) + ".", ""]


def _render_match_rates(column_match_pct: dict[str, float | None]) -> list[str]:
    if not column_match_pct:
        return []
    differing = {c: p for c, p in column_match_pct.items() if p is None or p < 100}
    if not differing:
        return [f"All {len(column_match_pct)} shared columns match 100% on matched rows.", ""]
    return [
        "Column match rate on matched rows (columns below 100%): "
        + ", ".join(f"`{c}` {_pct(p)}" for c, p in sorted(differing.items()))
        + f"; the other {len(column_match_pct) - len(differing)} shared columns "
        "match 100%.",
        "",
    ]


def _render_checks(report: dict[str, t.Any]) -> list[str]:
    lines = ["### Unit tests and audits", ""]
    tests = report["tests"]
    if tests["run"]:
        status = "✅ all passed" if not tests["failed"] else f"❌ {tests['failed']} failed"
        lines.append(f"- Unit tests of the changed models: {tests['run']} run, {status}.")
        for failure in tests["failures"]:
            lines.append(f"  - `{failure['test']}`: {failure['message']}")
    else:
        lines.append("- Unit tests of the changed models: none found.")
    lines += _render_audits(report["audits"], report["apply"]["ok"])
    return lines + [""]


def _render_audits(audits: list[dict], applied_ok: bool) -> list[str]:
    if not audits:
        if applied_ok:
            return ["- Audits of the changed models: none declared."]
        return ["- Audits: not run (the dev backfill failed)."]
    failed = [a for a in audits if a["status"] == "fail" and a["blocking"]]
    warned = [a for a in audits if a["status"] == "fail" and not a["blocking"]]
    errors = [a for a in audits if a["status"] == "error"]
    skipped = [a for a in audits if a["status"] == "skipped"]
    status = "✅ all passed" if not failed and not errors else f"❌ {len(failed) + len(errors)} failed"
    extra = f", ⚠️ {len(warned)} non-blocking flagged rows" if warned else ""
    extra += f", {len(skipped)} skipped" if skipped else ""
    lines = [
        f"- Audits of the changed models over the backfilled range: {len(audits)} run, "
        f"{status}{extra}."
    ]
    for audit in failed + warned:
        blocking = "blocking" if audit["blocking"] else "non-blocking"
        lines.append(
            f"  - `{audit['model']}` `{audit['audit']}` ({blocking}): "
            f"{audit['failing_rows']} failing rows"
        )
    for audit in errors:
        lines.append(f"  - `{audit['model']}`: audits could not run ({audit['error']})")
    return lines


def _md_table(columns: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(_md(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        out.append("| " + " | ".join("NULL" if v is None else _md(v) for v in row) + " |")
    return out


def _md(value: t.Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}%"
