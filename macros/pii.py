"""Person-identifying data: salted hashes for join keys that must reach analyst-facing marts.

The salt is the variable `pii_salt`, set from the environment (CATWALK_PII_SALT) in config.yaml;
prod sets a secret salt so hashes cannot be reversed by hashing known emails or ids.

Example:
    @pii_hash(email) AS email_hash   -> MD5(<salt> || COALESCE(CAST(email AS TEXT), ''))
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro


@macro()
def pii_hash(evaluator, value: exp.Expression) -> exp.Expression:
    """Salted MD5 of a person-identifying value (hex text); NULL stays NULL."""
    salt = evaluator.var("pii_salt") or ""
    text = exp.Cast(this=value, to=exp.DataType.build("TEXT"))
    hashed = exp.func("MD5", exp.DPipe(this=exp.Literal.string(str(salt)), expression=text))
    return exp.Case(ifs=[exp.If(this=exp.Is(this=value, expression=exp.Null()), true=exp.Null())], default=hashed)
