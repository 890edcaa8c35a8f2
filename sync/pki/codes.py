"""Verification codes as people type them from paper: shared by the public verification page
(``sync.server.verify_page``) and the app's verification dialog.

A code is 20 characters of lowercase base32 (``sync.protocol.VERIFY_CODE_PATTERN``: a-z and
2-7). What a person types from a printed letter may differ: capitals, spaces or dashes between
groups, the whole address from the QR code, and the characters a print invites to be misread:
0 for O, 8 for B, and 1, l, I or | for one another (i and l are both in the alphabet, so a 1 or
an I may stand for either). ``code_candidates`` lists every code the typed text can stand for;
the caller looks all of them up, and accepts the answer only when exactly one letter has one.
"""

from __future__ import annotations

import itertools
import re

ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz234567")
CODE_LENGTH = 20
# At most this many characters that may be i or l: 2**8 look-ups, a fraction of the guesses
# the page's limit allows anyway, against 2**100 possible codes. Beyond it, only the plain
# reading is tried.
MAX_AMBIGUOUS = 8

_SAME = {"0": "o", "8": "b"}  # a digit that base32 lacks: the letter it was read from
_I_OR_L = frozenset("1Il|")  # one of these may be an i or an l
_SEPARATORS = re.compile(r"[\s\-_.·•]+")


def _code_part(typed: str) -> str:
    """The code in ``typed``: the last path segment of an address ending in ``/v/<code>``
    (without ``.json``, query or fragment), separators between groups removed."""
    text = typed.strip()
    if "/v/" in text:
        text = text.rsplit("/v/", 1)[1]
        text = re.split(r"[?#/]", text, maxsplit=1)[0]
    if text.lower().endswith(".json"):
        text = text[: -len(".json")]
    return _SEPARATORS.sub("", text)


def code_candidates(typed: str) -> list[str]:
    """Every well-formed code ``typed`` may stand for, the plain reading first; empty when it
    cannot be a code at all."""
    text = _code_part(typed)
    if len(text) != CODE_LENGTH:
        return []
    options: list[tuple[str, ...]] = []
    for char in text:
        if char in _I_OR_L:
            plain = "i" if char == "I" else "l"
            options.append((plain, "l" if plain == "i" else "i"))
            continue
        char = _SAME.get(char, char.lower())
        if char not in ALPHABET:
            return []
        options.append((char,))
    if sum(len(o) > 1 for o in options) > MAX_AMBIGUOUS:
        return ["".join(o[0] for o in options)]
    return ["".join(chosen) for chosen in itertools.product(*options)]
