"""The visible signature stamp: a QR code with the verification address, and the signer's name,
position and date, drawn as the appearance of the signature field.

Guarantees: the QR code (segno, error correction M, square modules) encodes exactly the URL;
all text uses Liberation Sans embedded as a TrueType subset (PDF/A needs embedded fonts), in
DeviceGray, without transparency; the stamp is opaque (white behind it) so it can sit over the
"signed" note the renderer leaves in the signature space; text shrinks (down to 4 pt) and
wraps to fit the box, and what still does not fit is cut with "..." rather than drawn
outside the box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from pyhanko.pdf_utils import content, generic, layout
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp import BaseStamp, BaseStampStyle

from desktop.resources import resource_path
from desktop.signing.ttf import TrueTypeFont, encodable

REGULAR = "LiberationSans-Regular.ttf"
BOLD = "LiberationSans-Bold.ttf"
PAD = 2.5  # points between the box edge and its content
GAP = 3.0  # between the QR code and the text
QR_BORDER_MODULES = 1  # quiet zone inside the white box (PAD adds to it)
MAX_FONT = 8.0
MIN_FONT = 4.0
LEADING = 1.18


def _font(name: str) -> TrueTypeFont:
    return TrueTypeFont.load(Path(resource_path("fonts", name)))


@dataclass(frozen=True)
class StampLine:
    text: str
    bold: bool = False
    scale: float = 1.0  # relative to the fitted font size


def _pdf_string(text: str) -> bytes:
    raw = encodable(text).encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrap(text: str, font: TrueTypeFont, size: float, width: float) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if not current or font.text_width(trial, size) <= width:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _clip(text: str, font: TrueTypeFont, size: float, width: float) -> str:
    if font.text_width(text, size) <= width:
        return text
    while text and font.text_width(text + "...", size) > width:
        text = text[:-1]
    return text.rstrip() + "..."


@dataclass
class _Laid:
    lines: list[tuple[StampLine, str, float]]  # (style, text, size)
    height: float


def lay_out_text(lines: Sequence[StampLine], width: float, height: float) -> _Laid:
    """Fit ``lines`` in ``width`` x ``height`` points: the largest size at which every line,
    wrapped at spaces, fits; at the smallest size, lines that still overflow are clipped."""
    size = MAX_FONT
    while True:
        laid: list[tuple[StampLine, str, float]] = []
        fits = True
        for line in lines:
            font = _font(BOLD if line.bold else REGULAR)
            line_size = size * line.scale
            for part in _wrap(encodable(line.text), font, line_size, width):
                if font.text_width(part, line_size) > width:
                    fits = False
                    part = _clip(part, font, line_size, width)
                laid.append((line, part, line_size))
        total = sum(s * LEADING for _, _, s in laid)
        if (fits and total <= height) or size <= MIN_FONT:
            while total > height and laid:  # never draw outside the box
                total -= laid.pop()[2] * LEADING
            return _Laid(laid, total)
        size -= 0.25


def qr_operators(url: str, x: float, y: float, side: float) -> bytes:
    """Fill operators drawing the QR code for ``url`` in the square (x, y, side)."""
    qr = segno.make(url, error="m", micro=False, boost_error=False)
    modules = qr.symbol_size(border=QR_BORDER_MODULES)[0]
    m = side / modules
    ops = [b"0 g"]
    for row_index, row in enumerate(qr.matrix):
        top = y + side - (row_index + QR_BORDER_MODULES + 1) * m
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            left = x + (start + QR_BORDER_MODULES) * m
            ops.append(b"%.3f %.3f %.3f %.3f re" % (left, top, (col - start) * m, m))
    ops.append(b"f")
    return b"\n".join(ops)


@dataclass(frozen=True)
class NaskahStampStyle(BaseStampStyle):
    """QR code on the left, the lines of text on the right."""

    url: str = ""
    lines: tuple[StampLine, ...] = ()
    border_width: int = 0  # we draw our own hairline border

    def create_stamp(
        self,
        writer: BasePdfFileWriter,
        box: layout.BoxConstraints,
        text_params: dict[str, object],
    ) -> NaskahStamp:
        return NaskahStamp(writer, self, box)


class NaskahStamp(BaseStamp):
    style: NaskahStampStyle

    def _font_resource(self, name: str, text: str) -> generic.IndirectObject:
        font = _font(name)
        tag, program = font.subset(text)
        wr = self.writer
        assert wr is not None
        stream = generic.StreamObject(
            {pdf_name("/Length1"): generic.NumberObject(len(program))}, stream_data=program
        )
        stream.compress()
        scale = font.scale
        descriptor = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/FontDescriptor"),
                pdf_name("/FontName"): pdf_name(f"/{tag}+{font.postscript_name}"),
                pdf_name("/Flags"): generic.NumberObject(32),  # non-symbolic
                pdf_name("/FontBBox"): generic.ArrayObject(
                    [generic.NumberObject(round(scale(v))) for v in font.bbox]
                ),
                pdf_name("/ItalicAngle"): generic.FloatObject(font.italic_angle),
                pdf_name("/Ascent"): generic.NumberObject(round(scale(font.ascent))),
                pdf_name("/Descent"): generic.NumberObject(round(scale(font.descent))),
                pdf_name("/CapHeight"): generic.NumberObject(round(scale(font.cap_height))),
                pdf_name("/StemV"): generic.NumberObject(120 if name == BOLD else 80),
                pdf_name("/FontFile2"): wr.add_object(stream),
            }
        )
        widths = []
        for code in range(32, 256):
            ch = bytes([code]).decode("cp1252", errors="ignore")
            widths.append(generic.NumberObject(round(font.char_width(ch)) if ch else 0))
        font_dict = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Font"),
                pdf_name("/Subtype"): pdf_name("/TrueType"),
                pdf_name("/BaseFont"): pdf_name(f"/{tag}+{font.postscript_name}"),
                pdf_name("/FirstChar"): generic.NumberObject(32),
                pdf_name("/LastChar"): generic.NumberObject(255),
                pdf_name("/Widths"): generic.ArrayObject(widths),
                pdf_name("/Encoding"): pdf_name("/WinAnsiEncoding"),
                pdf_name("/FontDescriptor"): wr.add_object(descriptor),
            }
        )
        return wr.add_object(font_dict)

    def _render_inner_content(self) -> list[bytes]:
        style = self.style
        w, h = float(self.box.width), float(self.box.height)
        side = max(0.0, min(h - 2 * PAD, w * 0.45))
        text_x = PAD + side + GAP
        text_w = w - text_x - PAD
        laid = lay_out_text(style.lines, text_w, h - 2 * PAD)
        ops = [b"q 1 g 0 0 %.3f %.3f re f Q" % (w, h)]  # opaque white
        ops.append(b"q 0.35 G 0.5 w 0.25 0.25 %.3f %.3f re S Q" % (w - 0.5, h - 0.5))
        if side > 0:
            ops.append(qr_operators(style.url, PAD, (h - side) / 2, side))
        texts = {REGULAR: "", BOLD: ""}
        for line, text, _size in laid.lines:
            texts[BOLD if line.bold else REGULAR] += text
        names = {}
        for i, (font_file, text) in enumerate(texts.items()):
            if text:
                name = pdf_name(f"/F{i + 1}")
                self.set_resource(
                    content.ResourceType.FONT, name, self._font_resource(font_file, text)
                )
                names[font_file] = name
        y = (h + laid.height) / 2
        ops.append(b"BT 0 g")
        for line, text, size in laid.lines:
            y -= size * LEADING
            font_name = names[BOLD if line.bold else REGULAR]
            baseline = y + size * (LEADING - 1) / 2 + size * 0.22
            ops.append(
                b"%s %.2f Tf 1 0 0 1 %.3f %.3f Tm %s Tj"
                % (font_name.encode("ascii"), size, text_x, baseline, _pdf_string(text))
            )
        ops.append(b"ET")
        return ops
