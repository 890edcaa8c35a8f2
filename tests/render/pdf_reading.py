"""Reading a rendered letter back from its PDF, as a recipient's PDF reader would (pypdf)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, whitespace (Qt places words one by one) folded to single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text()).strip() for page in reader.pages]


def text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Every needle occurs in ``haystack``, each after the one before it."""
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        assert found >= 0, f"{needle!r} missing after {haystack[max(0, at - 60) : at]!r}"
        at = found + len(needle)


@dataclass(frozen=True)
class Run:
    """A piece of text placed on a page, with where it starts (PDF points from the top left)."""

    text: str
    x: float
    y: float


def runs(pdf: bytes, page: int = 0) -> list[Run]:
    """The page's text pieces with their positions (pypdf's visitor: text and its matrices)."""
    reader = PdfReader(io.BytesIO(pdf))
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if text.strip():
            # Qt scales user space by cm (a flip about the page's top); tm places the text.
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append(Run(" ".join(text.split()), x, float(reader.pages[page].mediabox.top) - y))

    reader.pages[page].extract_text(visitor_text=visit)
    return found


def run_starting(pdf_runs: list[Run], prefix: str) -> Run:
    return next(r for r in pdf_runs if r.text.startswith(prefix))
