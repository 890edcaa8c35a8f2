"""What is pasted into a letter's body: the structure kept, what the regulations fix dropped.

Clerks write in Word and paste. A letter's font, size, colour and spacing are the office's
(Tata Naskah Dinas), not whatever the source document used, so ``clean_html`` keeps only the
structure: paragraphs and their alignment, bold/italic/underline (and super-/subscript), line
breaks, real lists (Word's ``mso-list`` paragraphs with their typed "1." and "•" markers become
``<ol>``/``<ul>``, nested by level), tables with a visible grid, and images, which it lists
(``CleanPaste.images``) for the caller to copy into the letter's own files or refuse: a
``file:///C:/Users/.../msohtmlclip1/...`` path is Word's temporary file and must never reach a
stored letter. Everything else (fonts, sizes, colours, highlight, margins, line height, classes,
Word's XML and VML) is dropped.

The output is the rich-text subset Qt's ``QTextEdit.insertHtml`` understands. No Qt here: the
editor calls this from ``insertFromMimeData``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, Tag

# Where an image stands in the cleaned HTML until the caller says what it became.
IMAGE_PLACEHOLDER = "naskah-tempel:{}"
MAX_IMAGE_WIDTH_PX = 600  # about the text width of an F4 or A4 letter at the usual margins
PX_PER_PT = 96 / 72

_FRAGMENT_RE = re.compile(r"<!--\s*StartFragment\s*-->(.*?)<!--\s*EndFragment\s*-->", re.S | re.I)
# Word's "downlevel-revealed" conditional blocks. The one around a list paragraph's typed marker
# ("1.", "·") is kept apart (as a tag of our own) so that the marker says which kind of list it
# is but is never copied; the others (``<![if !vml]>`` around an image) just lose their markers.
_LIST_MARKER_RE = re.compile(r"<!\[if\s+!supportLists\]>(.*?)<!\[endif\]>", re.S | re.I)
_CONDITIONAL_RE = re.compile(r"<!\[(?:if\s[^\]]*|endif)\]>", re.I)
MARKER_TAG = "naskah-penanda"

_MSO_LIST_RE = re.compile(r"\bl(\d+)\s+level(\d+)", re.I)
_SKIP = frozenset(
    {"head", "style", "script", "title", "meta", "link", "xml", "template", MARKER_TAG}
)
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
    "section", "article", "header", "footer", "center", "body", "html", "dl", "dd", "dt", "li",
    "hr", "address", "main", "figure", "form",
})  # fmt: skip
_INLINE_KEEP = {"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u", "ins": "u",
                "sup": "sup", "sub": "sub"}  # fmt: skip
_ALIGNS = frozenset({"center", "right", "justify"})


@dataclass(frozen=True)
class PastedImage:
    """An image of the pasted HTML: where the source said it was, and its size on the page."""

    source: str
    width_px: int | None
    height_px: int | None


@dataclass
class CleanPaste:
    """The cleaned fragment; its images stand as ``IMAGE_PLACEHOLDER.format(i)``."""

    html: str
    images: list[PastedImage] = field(default_factory=list)

    def with_images(self, urls: Iterable[str | None]) -> str:
        """The HTML with image ``i`` at ``urls[i]``, or left out where that is None."""
        out = self.html
        for i, url in enumerate(urls):
            pattern = re.compile(
                r'<img src="' + re.escape(IMAGE_PLACEHOLDER.format(i)) + r'"[^>]*>'
            )
            if url is None:
                out = pattern.sub("", out)
            else:
                out = out.replace(f'"{IMAGE_PLACEHOLDER.format(i)}"', f'"{escape(url)}"')
        return out


def clean_html(html: str) -> CleanPaste:
    """Clean pasted HTML (from Word, a browser, or this editor) down to the letter's structure.

    Never raises on malformed input: whatever the parser makes of it is cleaned the same way.
    """
    match = _FRAGMENT_RE.search(html)
    source = match.group(1) if match else html
    source = _LIST_MARKER_RE.sub(rf"<{MARKER_TAG}>\1</{MARKER_TAG}>", source)
    source = _CONDITIONAL_RE.sub("", source)
    soup = BeautifulSoup(source, "html.parser")
    root: Tag = soup.body or soup
    cleaner = _Cleaner()
    if _bare_rows(root):
        return CleanPaste(cleaner.table(root), cleaner.images)
    return CleanPaste("".join(cleaner.blocks(root)), cleaner.images)


def plain_text(text: str) -> str:
    """Plain text as pasted, with every line break one paragraph break: Windows' ``\\r\\n``,
    old Mac ``\\r``, Word's line (``\\v``) and page (``\\f``) breaks and Unicode separators."""
    text = text.replace("\r\n", "\n")
    text = re.sub(r"[\r\v\f\u2028\u2029\x85]", "\n", text)
    text = re.sub(r"[\x00-\x08\x0e-\x1f\x7f]", "", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _bare_rows(root: Tag) -> bool:
    # A browser copies part of a table as rows without their <table>.
    first = next((c for c in root.children if isinstance(c, Tag)), None)
    return first is not None and first.name in ("tr", "tbody", "thead", "td", "th")


def _style(tag: Tag) -> dict[str, str]:
    raw = tag.get("style")
    if not isinstance(raw, str):
        return {}
    out: dict[str, str] = {}
    for part in re.split(r";(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", raw):
        name, sep, value = part.partition(":")
        if sep:
            out[name.strip().lower()] = " ".join(value.split()).strip().lower()
    return out


def _align(tag: Tag) -> str:
    value = tag.get("align")
    align = value.lower() if isinstance(value, str) else _style(tag).get("text-align", "")
    return align if align in _ALIGNS else ""


def _length_px(value: str | None) -> int | None:
    """``"160"``, ``"120pt"`` or ``"160px"`` in CSS px; None for anything else."""
    if not value:
        return None
    match = re.fullmatch(r"\s*([\d.]+)\s*(px|pt)?\s*", value)
    if not match:
        return None
    number = float(match.group(1)) * (PX_PER_PT if match.group(2) == "pt" else 1)
    return round(number) if number > 0 else None


def _marker_kind(marker: str, level: int) -> str:
    """The ``<ol type>`` for a typed marker ("1.", "a)", "iv."), or ``ul:<style>`` for a bullet."""
    text = marker.replace("\xa0", " ").strip()
    if re.fullmatch(r"\(?\d+[.)]?", text):
        return "1"
    if re.fullmatch(r"\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]", text):
        return "i"
    if re.fullmatch(r"\(?(?:I{1,3}|IV|VI{0,3}|IX|X)[.)]", text):
        return "I"
    if re.fullmatch(r"\(?[a-z][.)]", text):
        return "a"
    if re.fullmatch(r"\(?[A-Z][.)]", text):
        return "A"
    return "ul:" + ("disc", "circle", "square")[(level - 1) % 3]


@dataclass
class _ListItem:
    level: int
    kind: str  # an <ol type> or "ul:<style>"
    list_id: str
    body: str


class _Cleaner:
    def __init__(self) -> None:
        self.images: list[PastedImage] = []

    # -- blocks -------------------------------------------------------------------------------

    def blocks(self, container: Tag) -> list[str]:
        """The container's content as block HTML (paragraphs, lists, tables)."""
        out: list[str] = []
        run: list[str] = []  # loose inline content, made a paragraph at the next block
        items: list[_ListItem] = []  # consecutive Word list paragraphs

        def flush_run() -> None:
            text = "".join(run)
            run.clear()
            if text.strip():
                out.append(f"<p>{text.strip()}</p>")

        def flush_items() -> None:
            if items:
                out.append(_list_html(items))
                items.clear()

        for child in container.children:
            if not isinstance(child, Tag):
                if isinstance(child, NavigableString) and _is_text(child):
                    if not child.strip():  # the source's line breaks between blocks
                        if run:
                            run.append(" ")
                        continue
                    flush_items()
                    run.append(self.inline(child))
                continue
            name = child.name.lower()
            if name in _SKIP or _hidden(child):
                continue
            if name not in _BLOCKS:
                flush_items()
                run.append(self.inline(child))
                continue
            flush_run()
            item = (
                self.list_item(child) if name in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else None
            )
            if item is not None:
                items.append(item)
                continue
            flush_items()
            out.extend(self.block(child, name))
        flush_run()
        flush_items()
        return out

    def block(self, tag: Tag, name: str) -> list[str]:
        if name in ("ul", "ol"):
            return [self.html_list(tag)]
        if name == "table":
            return [self.table(tag)]
        if name == "hr":
            return []
        if name == "pre":
            lines = plain_text(tag.get_text()).split("\n")
            return [f"<p>{escape(line) or '<br />'}</p>" for line in lines]
        if name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "li", "address"):
            inner = self.inline_children(tag).strip()
            if name.startswith("h") and inner:
                inner = f"<b>{inner}</b>"
            align = _align(tag)
            attrs = f' align="{align}"' if align else ""
            # An empty paragraph is a blank line the writer typed: keep it as one.
            return [f"<p{attrs}>{inner or '<br />'}</p>"]
        return self.blocks(tag)  # div, body, section, blockquote, center...

    def list_item(self, tag: Tag) -> _ListItem | None:
        """A Word list paragraph (``mso-list:l1 level2 lfo2``) as a list item, else None."""
        mso = _style(tag).get("mso-list", "")
        match = _MSO_LIST_RE.search(mso)
        if not match:
            return None
        level = max(1, min(9, int(match.group(2))))
        marker = tag.find(MARKER_TAG)
        if marker is None:  # some versions leave only the ignored span
            marker = tag.find(lambda t: "ignore" in _style(t).get("mso-list", ""))
        kind = _marker_kind(marker.get_text() if marker is not None else "", level)
        return _ListItem(level, kind, match.group(1), self.inline_children(tag).strip())

    def html_list(self, tag: Tag) -> str:
        """A real ``<ul>``/``<ol>`` (browsers, Word Online, this editor), nesting kept."""
        ordered = tag.name.lower() == "ol"
        kind = tag.get("type")
        kind = kind if isinstance(kind, str) and kind in ("1", "a", "A", "i", "I") else "1"
        items: list[str] = []
        for child in tag.children:
            if not isinstance(child, Tag):
                continue
            if child.name.lower() in ("ul", "ol") and items:  # a nested list outside its <li>
                items[-1] = items[-1][: -len("</li>")] + self.html_list(child) + "</li>"
                continue
            if child.name.lower() != "li":
                continue
            inline: list[str] = []
            nested: list[str] = []
            for part in child.children:
                if isinstance(part, Tag) and part.name.lower() in ("ul", "ol"):
                    nested.append(self.html_list(part))
                elif isinstance(part, Tag) and part.name.lower() == "table":
                    nested.append(self.table(part))
                elif isinstance(part, Tag) and part.name.lower() in ("p", "div"):
                    text = self.inline_children(part).strip()
                    inline.append(text if not inline else "<br />" + text)
                else:
                    inline.append(self.inline(part))
            items.append(f"<li>{''.join(inline).strip()}{''.join(nested)}</li>")
        open_tag = f'<ol type="{kind}">' if ordered else "<ul>"
        return open_tag + "".join(items) + ("</ol>" if ordered else "</ul>")

    def table(self, tag: Tag) -> str:
        """A table with a one-line grid whatever its borders said (Word's ``border:none`` on
        the table with borders on each cell reads as no grid at all in Qt)."""
        rows: list[str] = []
        for tr in _rows(tag):
            cells = [
                c for c in tr.children if isinstance(c, Tag) and c.name.lower() in ("td", "th")
            ]
            widths = [_length_px(_attr(c, "width")) or 0 for c in cells]
            total = sum(widths)
            out_cells: list[str] = []
            for cell, width in zip(cells, widths, strict=True):
                attrs = ""
                for name in ("colspan", "rowspan"):
                    value = _attr(cell, name)
                    if value and value.isdigit() and int(value) > 1:
                        attrs += f' {name}="{int(value)}"'
                valign = (_attr(cell, "valign") or _style(cell).get("vertical-align", "")).lower()
                if valign in ("middle", "bottom"):
                    attrs += f' valign="{valign}"'
                if total and width and all(widths):
                    attrs += f' width="{round(100 * width / total)}%"'
                # Word's cells have no space around their paragraphs; Qt's default has.
                inner = "".join(self.blocks(cell)).replace(
                    "<p", '<p style="margin-top:0px; margin-bottom:0px;"'
                )
                if cell.name.lower() == "th" and inner:
                    inner = f"<b>{inner}</b>"
                out_cells.append(f"<td{attrs}>{inner}</td>")
            if out_cells:
                rows.append("<tr>" + "".join(out_cells) + "</tr>")
        if not rows:
            return ""
        return (
            '<table border="1" cellspacing="0" cellpadding="4" width="100%" '
            'style="border-collapse:collapse; border-style:solid; border-color:#000000;">'
            + "".join(rows)
            + "</table>"
        )

    # -- inline -------------------------------------------------------------------------------

    def inline_children(self, tag: Tag) -> str:
        return "".join(self.inline(child) for child in tag.children)

    def inline(self, node: PageElement) -> str:
        if isinstance(node, NavigableString):
            if not _is_text(node):
                return ""
            return escape(re.sub(r"[ \t\r\n\f\v]+", " ", str(node)), quote=False)
        if not isinstance(node, Tag):
            return ""
        name = node.name.lower()
        if name in _SKIP or _hidden(node) or name.startswith(("v:", "w:binData")):
            return ""
        style = _style(node)
        if "ignore" in style.get("mso-list", ""):
            return ""
        if name == "br":
            return "<br />"
        if name == "img":
            return self.image(node)
        if name in ("table", "ul", "ol"):  # a block inside inline content: keep its structure
            return self.block(node, name)[0]
        inner = self.inline_children(node)
        if not inner:
            return ""
        wraps: list[str] = []
        keep = _INLINE_KEEP.get(name)
        weight = style.get("font-weight", "")
        if keep == "b" and weight in ("normal", "400", "lighter"):
            keep = None  # Google Docs wraps whole documents in <b style="font-weight:normal">
        if keep:
            wraps.append(keep)
        if keep != "b" and (
            weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
        ):
            wraps.append("b")
        if keep != "i" and style.get("font-style") == "italic":
            wraps.append("i")
        if keep != "u" and "underline" in style.get("text-decoration", ""):
            wraps.append("u")
        for tag in reversed(wraps):
            inner = f"<{tag}>{inner}</{tag}>"
        return inner

    def image(self, node: Tag) -> str:
        source = _attr(node, "src") or ""
        style = _style(node)
        width = _length_px(_attr(node, "width")) or _length_px(style.get("width"))
        height = _length_px(_attr(node, "height")) or _length_px(style.get("height"))
        if width and width > MAX_IMAGE_WIDTH_PX:
            height = round(height * MAX_IMAGE_WIDTH_PX / width) if height else None
            width = MAX_IMAGE_WIDTH_PX
        self.images.append(PastedImage(source, width, height))
        size = (f' width="{width}"' if width else "") + (f' height="{height}"' if height else "")
        return f'<img src="{IMAGE_PLACEHOLDER.format(len(self.images) - 1)}"{size} />'


def _attr(tag: Tag, name: str) -> str | None:
    value = tag.get(name)
    return value if isinstance(value, str) else None


def _is_text(node: NavigableString) -> bool:
    # Comments, CDATA, declarations and doctypes are NavigableString subclasses too.
    return type(node) is NavigableString


def _hidden(tag: Tag) -> bool:
    style = _style(tag)
    return style.get("display") == "none" or style.get("mso-hide") == "all"


def _rows(table: Tag) -> list[Tag]:
    rows: list[Tag] = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name == "tr":
            rows.append(child)
        elif name in ("tbody", "thead", "tfoot"):
            rows += [r for r in child.children if isinstance(r, Tag) and r.name.lower() == "tr"]
        elif name in ("td", "th"):  # bare cells of a partly copied row
            rows.append(table)
            break
    return rows


def _list_html(items: list[_ListItem]) -> str:
    """Consecutive Word list paragraphs as nested ``<ol>``/``<ul>`` by level."""
    out: list[str] = []
    stack: list[tuple[int, str, str]] = []  # (level, kind, list id) of each open list

    def open_list(item: _ListItem) -> None:
        if item.kind.startswith("ul:"):
            out.append(f'<ul type="{item.kind[3:]}">')
        else:
            out.append(f'<ol type="{item.kind}">')
        stack.append((item.level, item.kind, item.list_id))

    def close_list() -> None:
        _level, kind, _id = stack.pop()
        out.append("</li>" + ("</ul>" if kind.startswith("ul:") else "</ol>"))

    for item in items:
        while stack and stack[-1][0] > item.level:
            close_list()
        if stack and stack[-1][0] == item.level:
            if (stack[-1][1], stack[-1][2]) == (item.kind, item.list_id):
                out.append("</li>")
            else:
                close_list()
                open_list(item)
        else:
            open_list(item)
        out.append(f"<li>{item.body}")
    while stack:
        close_list()
    return "".join(out)
