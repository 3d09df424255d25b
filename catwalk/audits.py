"""SQLMesh's built-in column audits of a batch, checked in one query before SQLMesh runs them.

Most of the project's audits are SQLMesh's built-in `not_null`, `unique_values`,
`accepted_values` and `unique_combination_of_columns` (about 1,000 over 395 models). SQLMesh
renders each one through its macro engine and SQLGlot's optimizer, asks the engine for its own
`DESCRIBE` of the table, then runs it: about 30 ms of Python per audit before the engine does any
work, a sixth of a scheduled run (profile of the 07:00 run at demo scale).

`install()` wraps `SnapshotEvaluator.audit`: before SQLMesh audits a batch, the model's built-in
audits are written here directly as SQLGlot expressions, with exactly the predicates of SQLMesh's
templates (`sqlmesh/core/audit/builtin.py`) over the same table and the same time range, and their
failing rows are counted in one query (one `COUNT(*)` per audit, `UNION ALL`). When that count is
zero — every built-in audit passes — SQLMesh's run of those audits returns their passing results
without rendering or executing them again. When any row fails, nothing is taken from this module:
SQLMesh renders and runs every audit as usual, so counts, blocking and the error messages (which
`catwalk.publish` completes with the offending values) are SQLMesh's own. Custom audits (audits/)
and audits with arguments this module does not know always run as usual.
"""

from __future__ import annotations

import inspect
import re
import threading
import typing as t

from sqlglot import exp

BUILTIN = ("not_null", "unique_values", "accepted_values", "unique_combination_of_columns")
KNOWN_ARGS = {"columns", "column", "is_in", "condition", "blocking"}
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

_passed = threading.local()  # the keys of the built-in audits known to pass, per thread
_installed = False
sqlmesh_audit: t.Any = None  # SQLMesh's own SnapshotEvaluator._audit (tests compare with it)


def install() -> None:
    """Wrap SnapshotEvaluator.audit and ._audit (idempotent)."""
    global _installed, sqlmesh_audit
    if _installed:
        return
    from sqlmesh.core.snapshot.evaluator import SnapshotEvaluator

    audit, single = SnapshotEvaluator.audit, SnapshotEvaluator._audit
    sqlmesh_audit = single

    def audit_batch(self: t.Any, snapshot: t.Any, **kwargs: t.Any) -> t.List[t.Any]:
        _passed.keys = passing_builtin_audits(self, snapshot, **kwargs)
        try:
            return audit(self, snapshot, **kwargs)
        finally:
            _passed.keys = set()

    signature = inspect.signature(single)

    def audit_one(self: t.Any, *args: t.Any, **kwargs: t.Any) -> t.Any:
        bound = signature.bind(self, *args, **kwargs).arguments  # SQLMesh passes them by name
        audit_, audit_args, snapshot = bound["audit"], bound["audit_args"], bound["snapshot"]
        if audit_.skip or audit_key(audit_, audit_args) not in getattr(_passed, "keys", set()):
            return single(self, *args, **kwargs)
        from sqlmesh.core.model import AuditResult

        blocking = audit_args.pop("blocking", None)  # as SQLMesh's _audit reads it
        blocking = blocking == exp.true() if blocking else audit_.blocking
        return AuditResult(audit=audit_, audit_args=audit_args, model=snapshot.model_or_none,
                           count=0, query=None, blocking=blocking)

    SnapshotEvaluator.audit = audit_batch  # type: ignore[method-assign]
    SnapshotEvaluator._audit = audit_one  # type: ignore[method-assign]
    _installed = True


def audit_key(audit: t.Any, audit_args: t.Dict[t.Any, t.Any]) -> t.Tuple[str, t.Tuple[t.Any, ...]]:
    """The audit and its arguments, independent of the dict object holding them."""
    return audit.name, tuple(sorted(
        (str(name), value.sql() if isinstance(value, exp.Expr) else repr(value))
        for name, value in audit_args.items() if str(name) != "blocking"
    ))


def passing_builtin_audits(evaluator: t.Any, snapshot: t.Any, *, start: t.Any = None, end: t.Any = None,
                           deployability_index: t.Any = None, wap_id: t.Any = None,
                           **kwargs: t.Any) -> t.Set[t.Tuple[str, t.Tuple[t.Any, ...]]]:
    """The keys of the snapshot's built-in audits, when none of them has a failing row in the batch;
    the empty set when one fails or nothing here applies (SQLMesh then runs them all)."""
    from sqlmesh.core.snapshot import DeployabilityIndex

    if wap_id is not None or "this_model" in kwargs or not snapshot.is_model:
        return set()
    model = snapshot.model
    checks = [(audit, args) for audit, args in model.audits_with_args if eligible(audit, args, model)]
    if not checks:
        return set()
    deployability_index = deployability_index or DeployabilityIndex.all_deployable()
    adapter = evaluator.get_adapter(snapshot.model_gateway)
    table = snapshot.table_name(deployability_index.is_deployable(snapshot))
    source = batch_source(adapter, model, table, start, end)
    counts = [
        exp.select(exp.func("COUNT", exp.Star()).as_("failing"))
        .from_(failing_rows(builtin_name(audit), args, source).subquery(f"audit_{i}"))
        for i, (audit, args) in enumerate(checks)
    ]
    union = counts[0]
    for query in counts[1:]:
        union = exp.union(union, query, distinct=False)
    total = exp.select(exp.func("SUM", exp.column("failing"))).from_(union.subquery("counts"))
    row = adapter.fetchone(total, quote_identifiers=True)
    if row is None or row[0] is None or int(row[0]) != 0:
        return set()
    return {audit_key(audit, args) for audit, args in checks}


def builtin_name(audit: t.Any) -> t.Optional[str]:
    """`not_null` for SQLMesh's `not_null` and `not_null_non_blocking`; None for any other audit
    (a project audit of the same name included)."""
    from sqlmesh.core.audit import builtin

    name = audit.name.removesuffix("_non_blocking")
    if name not in BUILTIN or audit.query_ != getattr(builtin, f"{name}_audit").query_:
        return None
    return name


def eligible(audit: t.Any, args: t.Dict[t.Any, t.Any], model: t.Any = None) -> bool:
    """A built-in audit with plain column arguments (columns of the model, when given)."""
    if audit.skip or builtin_name(audit) is None:
        return False
    names = {str(name) for name in args}
    if not names <= KNOWN_ARGS:
        return False
    columns = _columns(args)
    if not columns or any(not isinstance(c, exp.Column) or c.table or not _PLAIN.match(c.name)
                          for c in columns):
        return False  # e.g. `@{step}`: a column named by a macro needs SQLMesh's renderer
    if model is not None and model.columns_to_types is not None and any(
            c.name not in model.columns_to_types for c in columns):
        return False
    values = [arg for name, arg in args.items() if str(name) in ("is_in", "condition")]
    # macro variables or calls would need SQLMesh's renderer
    return not any(value.find(exp.Placeholder) or _has_macro(value) for value in values)


def _has_macro(value: exp.Expr) -> bool:
    from sqlmesh.core.dialect import MacroFunc, MacroVar

    return any(isinstance(node, (MacroVar, MacroFunc)) for node in value.walk())


def _columns(args: t.Dict[t.Any, t.Any]) -> t.List[exp.Expr]:
    value = args.get("columns", args.get("column"))
    if value is None:
        return []
    if isinstance(value, (exp.Tuple, exp.Array)):
        return list(value.expressions)
    if isinstance(value, exp.Paren):  # `columns := (episode_id)`: one column
        return [value.unnest()]
    return [value]


def batch_source(adapter: t.Any, model: t.Any, table: str, start: t.Any, end: t.Any) -> exp.Expr:
    """What `@this_model` is in SQLMesh's audits: the table, limited to the batch's time range for
    time-range models (the same BETWEEN, with the column types read from the table)."""
    from sqlglot.optimizer.qualify_columns import quote_identifiers
    from sqlmesh.core import constants
    from sqlmesh.utils.date import make_inclusive

    quoted = quote_identifiers(exp.to_table(table, dialect=model.dialect), dialect=model.dialect)
    if not model.time_column:
        return quoted
    try:
        columns_to_types = adapter.columns(table)
    except Exception:
        columns_to_types = None
    low, high = [model.convert_to_time_column(moment, columns_to_types)
                 for moment in make_inclusive(start or constants.EPOCH, end or constants.EPOCH, model.dialect)]
    where = model.time_column.column.between(low, high)
    return exp.select("*").from_(quoted).where(where).subquery("this_model")


def failing_rows(name: t.Optional[str], args: t.Dict[t.Any, t.Any], source: exp.Expr) -> exp.Select:
    """The rows SQLMesh's built-in audit `name` returns (its template, written as an expression)."""
    condition = args.get("condition", exp.true())
    columns = [c.copy() for c in _columns(args)]
    if name == "not_null":
        nulls = exp.or_(*(c.is_(exp.null()) for c in columns))
        return exp.select("*").from_(source.copy()).where(exp.and_(nulls, condition.copy()))
    if name == "accepted_values":
        values = args["is_in"]
        listed = list(values.expressions) if isinstance(values, (exp.Tuple, exp.Array)) else [values]
        outside = exp.not_(exp.In(this=columns[0], expressions=[v.copy() for v in listed]))
        return exp.select("*").from_(source.copy()).where(exp.and_(outside, condition.copy()))
    if name == "unique_values":
        ranks = [
            exp.alias_(exp.Window(this=exp.func("ROW_NUMBER"), partition_by=[c.copy()],
                                  order=exp.Order(expressions=[exp.Ordered(this=c.copy())])),
                       f"rank_{i}")
            for i, c in enumerate(columns)
        ]
        ranked = exp.select(*ranks).from_(source.copy()).where(condition.copy())
        repeated = exp.or_(*(exp.column(f"rank_{i}") > 1 for i in range(len(columns))))
        return exp.select("*").from_(ranked.subquery("ranked")).where(repeated)
    if name == "unique_combination_of_columns":
        return (exp.select(*columns).from_(source.copy()).where(condition.copy())
                .group_by(*(c.copy() for c in columns))
                .having(exp.func("COUNT", exp.Star()) > 1))
    raise ValueError(f"not a built-in column audit: {name}")
