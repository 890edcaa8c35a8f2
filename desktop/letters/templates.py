"""Letter types and their templates, read from ``resources/templates/letter_types.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from desktop.render.document import Layout
from desktop.resources import resource_path


@dataclass(frozen=True)
class LetterType:
    key: str
    label: str
    layout: Layout
    title: str
    classification: str
    body: str


@cache
def letter_types() -> dict[str, LetterType]:
    with resource_path("templates", "letter_types.toml").open("rb") as f:
        raw = tomllib.load(f)
    return {
        key: LetterType(
            key=key,
            label=v["label"],
            layout=Layout(v["layout"]),
            title=v["title"],
            classification=v.get("classification", ""),
            body=v.get("body", ""),
        )
        for key, v in raw.items()
    }


def letter_type(key: str) -> LetterType:
    return letter_types()[key]
