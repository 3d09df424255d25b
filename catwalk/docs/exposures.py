"""Exposures: the dashboards that read the Tableau marts, declared once in `exposures.yaml`.

`load_exposures()` reads and checks the file; a name that is not a model of the project, a missing
field or a malformed file raises CatwalkError naming the dashboard and the entry.
"""

from __future__ import annotations

import re
import typing as t
from pathlib import Path

import yaml

from catwalk.project import CatwalkError

EXPOSURES_FILE = "exposures.yaml"
REQUIRED = ("name", "description", "marts")
OPTIONAL = ("owner", "url")


def dashboard_slug(name: str) -> str:
    """'Customer Success — Organization Monthly' -> 'customer-success-organization-monthly'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _check(entry: t.Any, index: int, nodes: dict) -> dict[str, t.Any]:
    where = f"{EXPOSURES_FILE}: dashboard {index + 1}"
    if not isinstance(entry, dict):
        raise CatwalkError(f"{where} is not a mapping of name, description, marts")
    if entry.get("name"):
        where = f"{EXPOSURES_FILE}: dashboard {entry['name']!r}"
    missing = [key for key in REQUIRED if not entry.get(key)]
    if missing:
        raise CatwalkError(f"{where} has no {', '.join(missing)}")
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise CatwalkError(f"{where} has unknown keys {', '.join(unknown)} (allowed: {', '.join(REQUIRED + OPTIONAL)})")
    marts = entry["marts"]
    if not isinstance(marts, list) or not all(isinstance(mart, str) for mart in marts):
        raise CatwalkError(f"{where}: marts must be a list of model names")
    for mart in marts:
        if mart not in nodes or nodes[mart]["layer"] in ("source", "seed"):
            raise CatwalkError(f"{where} reads {mart!r}, which is not a model of the project")
    url = str(entry.get("url") or "")
    if url and not url.startswith(("https://", "http://")):
        raise CatwalkError(f"{where}: url {url!r} is not an http(s) address")
    return {
        "name": str(entry["name"]), "slug": dashboard_slug(str(entry["name"])),
        "description": " ".join(str(entry["description"]).split()), "owner": str(entry.get("owner") or ""),
        "url": url, "marts": list(dict.fromkeys(marts)),
    }


def load_exposures(root: Path, nodes: dict) -> list[dict[str, t.Any]]:
    """The dashboards of `<root>/exposures.yaml` (none if the file is absent), checked against `nodes`.

    Each mart a dashboard reads gets the dashboard's name and slug in its node's `dashboards`.
    """
    path = root / EXPOSURES_FILE
    for node in nodes.values():
        node["dashboards"] = []
    if not path.exists():
        return []
    try:
        content = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as error:
        raise CatwalkError(f"{EXPOSURES_FILE} is not valid YAML: {' '.join(str(error).split())}") from None
    if not isinstance(content, dict) or not isinstance(content.get("dashboards", []), list):
        raise CatwalkError(f"{EXPOSURES_FILE} must hold a list under the key 'dashboards'")
    dashboards = [_check(entry, index, nodes) for index, entry in enumerate(content.get("dashboards") or [])]
    slugs = [dashboard["slug"] for dashboard in dashboards]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise CatwalkError(f"{EXPOSURES_FILE} declares the dashboard {duplicates[0]!r} twice")
    for dashboard in dashboards:
        for mart in dashboard["marts"]:
            nodes[mart]["dashboards"].append({"name": dashboard["name"], "slug": dashboard["slug"]})
    return dashboards
