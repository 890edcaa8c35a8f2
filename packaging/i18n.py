"""Update the translation catalogues in ``resources/i18n`` and compile them, in one command.

    .venv/bin/python packaging/i18n.py           extract, merge into the .ts files, compile .qm
    .venv/bin/python packaging/i18n.py --check   exit 1 if a .ts or .qm is out of date or a
                                                 catalogue has an unfinished string

Bahasa Indonesia is the source language. ``naskah_id.ts`` holds every string as its own
translation (so the Indonesian catalogue is complete by construction), ``naskah_en.ts`` the
English, and ``qtbase_id.ts`` Indonesian for the words of Qt's own widgets the app shows
(standard buttons, the file and print dialogs, a text field's context menu), which Qt does not
ship. Translators edit the .ts files (Qt Linguist: ``pyside6-linguist resources/i18n/naskah_en.ts``)
and run this again; ``pyside6-lrelease`` compiles them.

Why our own extractor instead of ``pyside6-lupdate``'s Python parser: lupdate names the context
of ``parent.tr(...)`` "parent" and of a ``tr`` alias unpacked from a tuple "", neither of which
is what PySide looks up at run time, and it cannot see the domain layer's ``_()`` (which has no
Qt) or the UI's module-level wrappers. The extractor reads the source with ``ast`` and gives each
string exactly the context the running code asks for:
- ``self.tr("...")`` and a ``tr("...")`` alias inside a class: the class's name (PySide walks
  the instance's class hierarchy, so a subclass finds it);
- ``QCoreApplication.translate("ctx", "...")`` or ``tr("ctx", "...")``: ``ctx``;
- a module-level ``def f(text): return QCoreApplication.translate("ctx", text)``: calls of
  ``f("...")`` get ``ctx``;
- ``_("...")`` and ``N_("...")`` (``desktop.i18n``): ``naskah``; ``_(TABLE[key])`` looks up a
  label marked with ``N_()`` where the table is built.
A test (tests/ui/test_i18n.py) cross-checks that every string lupdate finds is in the catalogue.
Any other ``tr`` on a non-literal or on another object is an error, so nothing slips through.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.i18n import CONTEXT as DOMAIN_CONTEXT  # noqa: E402

I18N = ROOT / "resources" / "i18n"
SOURCES = ("desktop", "sync/client", "sync/protocol.py")
LANGUAGES = {"id": "id_ID", "en": "en_US"}
QT_CATALOGUE = "qtbase_id.ts"


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str


class ExtractError(Exception):
    pass


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(text): return QCoreApplication.translate("ctx", text)`` -> f: ctx."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [n for n in node.body if not isinstance(n, ast.Expr)]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2
            and _literal(call.args[0]) is not None
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            found[node.name] = _literal(call.args[0]) or ""
    return found


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def extract_file(path: Path) -> set[Message]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    wrappers = _wrappers(tree)
    where = path.relative_to(ROOT)
    found: set[Message] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef) and node is tree and child.name in wrappers:
                continue  # the wrapper's own body translates its parameter
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                _call(child, cls)
            visit(child, inner)

    def _call(call: ast.Call, cls: str | None) -> None:
        name = _name(call.func)
        args = [_literal(a) for a in call.args]
        if name in ("_", "N_") and isinstance(call.func, ast.Name):
            if name == "_" and len(args) == 1 and isinstance(call.args[0], ast.Subscript):
                return  # a label from a table whose entries are marked with N_()
            if len(args) != 1 or args[0] is None:
                raise ExtractError(f"{where}:{call.lineno}: _() needs one literal string")
            found.add(Message(DOMAIN_CONTEXT, args[0]))
        elif name == "translate" and len(args) == 2 and args[0] is not None:
            if args[1] is None:
                raise ExtractError(f"{where}:{call.lineno}: translate() needs a literal text")
            found.add(Message(args[0], args[1]))
        elif name == "tr":
            on_self = isinstance(call.func, ast.Name) or (
                isinstance(call.func.value, ast.Name) and call.func.value.id == "self"  # type: ignore[attr-defined]
            )
            if len(args) == 2 and args[0] is not None and args[1] is not None:
                found.add(Message(args[0], args[1]))
            elif len(args) == 1 and args[0] is not None and on_self and cls is not None:
                found.add(Message(cls, args[0]))
            else:
                raise ExtractError(
                    f'{where}:{call.lineno}: tr() must be self.tr("literal") inside a class '
                    "(another object's tr() looks in that object's class at run time)"
                )
        elif isinstance(call.func, ast.Name) and name in wrappers:
            if len(args) != 1 or args[0] is None:
                raise ExtractError(f"{where}:{call.lineno}: {name}() needs one literal string")
            found.add(Message(wrappers[name], args[0]))

    visit(tree, None)
    return found


def extract() -> set[Message]:
    from sync.protocol import SIGNATURE_KIND_TEXT  # labels the app passes through _()

    found = {Message(DOMAIN_CONTEXT, text) for text in SIGNATURE_KIND_TEXT.values()}
    for source in SOURCES:
        base = ROOT / source
        files = [base] if base.is_file() else sorted(base.rglob("*.py"))
        for path in files:
            if "migrations" not in path.parts:
                found |= extract_file(path)
    return found


# -- .ts files ---------------------------------------------------------------------------------


def read_ts(path: Path) -> dict[Message, str | None]:
    """Each message's translation (None when unfinished)."""
    if not path.exists():
        return {}
    out: dict[Message, str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            text = (tr.text or "") if tr is not None else ""
            out[Message(name, message.findtext("source") or "")] = text if done else None
    return out


def write_ts(
    path: Path, language: str, entries: dict[Message, str | None], source: str = "id_ID"
) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage=source)
    by_context: dict[str, list[Message]] = {}
    for message in sorted(entries):
        by_context.setdefault(message.context, []).append(message)
    for name, messages in by_context.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for message in messages:
            node = ET.SubElement(ctx, "message")
            ET.SubElement(node, "source").text = message.source
            tr = ET.SubElement(node, "translation")
            text = entries[message]
            if text is None:
                tr.set("type", "unfinished")
            else:
                tr.text = text
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def merged(language: str, found: set[Message]) -> dict[Message, str | None]:
    old = read_ts(I18N / f"naskah_{language}.ts")
    if language == "id":  # the source language: every string is its own translation
        return {m: old.get(m) or m.source for m in found}
    return {m: old.get(m) for m in found}


def lrelease(ts: Path, qm: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    program = str(tool) if tool.exists() else "pyside6-lrelease"
    subprocess.run([program, "-silent", str(ts), "-qm", str(qm)], check=True)


def catalogues() -> list[str]:
    return [f"naskah_{code}.ts" for code in LANGUAGES] + [QT_CATALOGUE]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="only check; change nothing")
    args = p.parse_args(argv)
    try:
        found = extract()
    except ExtractError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems: list[str] = []
    for code, locale in LANGUAGES.items():
        path = I18N / f"naskah_{code}.ts"
        entries = merged(code, found)
        missing = sorted(m for m, text in entries.items() if text is None)
        if args.check:
            if read_ts(path) != entries:
                problems.append(f"{path.name} is out of date: run packaging/i18n.py")
        else:
            I18N.mkdir(parents=True, exist_ok=True)
            write_ts(path, locale, entries)
        for m in missing:
            problems.append(f"{path.name}: untranslated [{m.context}] {m.source!r}")
    for m, text in read_ts(I18N / QT_CATALOGUE).items():
        if text is None:
            problems.append(f"{QT_CATALOGUE}: untranslated [{m.context}] {m.source!r}")
    for name in catalogues():
        ts, qm = I18N / name, (I18N / name).with_suffix(".qm")
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                fresh = Path(tmp) / qm.name
                lrelease(ts, fresh)
                if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                    problems.append(f"{qm.name} does not match {ts.name}: run packaging/i18n.py")
        else:
            lrelease(ts, qm)
    for line in problems:
        print(line, file=sys.stderr)
    if not args.check:
        print(f"{len(found)} strings; catalogues in {I18N.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
