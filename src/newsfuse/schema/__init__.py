"""JSON Schemas (Draft 2020-12) of newsfuse's outputs, and a validator for result.json.

``python -m newsfuse.schema DIR`` copies the schema files into DIR (docs/schema/ in the repo).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

SCHEMAS = ("result.schema.json", "event.schema.json")


def load_schema(name: str = "result.schema.json") -> dict:
    if name not in SCHEMAS:
        raise ValueError(f"unknown schema {name!r}; choose one of {', '.join(SCHEMAS)}")
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def validator(name: str = "result.schema.json"):
    """A jsonschema validator with every newsfuse schema registered (they $ref each other)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (load_schema(n)["$id"], Resource.from_contents(load_schema(n))) for n in SCHEMAS
    )
    return Draft202012Validator(load_schema(name), registry=registry)


def validate(data: dict, name: str = "result.schema.json") -> list[str]:
    """Every violation as 'path: message'; empty when ``data`` is valid."""
    errors = sorted(validator(name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def export(directory: str | Path) -> list[Path]:
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = out / name
        path.write_text(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
        written.append(path)
    return written
