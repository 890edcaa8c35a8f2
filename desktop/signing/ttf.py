"""Just enough TrueType to embed a font subset in a PDF signature stamp (PDF/A needs every
font embedded; pyHanko's own embedding needs fontTools and HarfBuzz, which we do not ship).

``TrueTypeFont.load(path)`` reads the tables a simple (WinAnsi-encoded) PDF font needs;
``subset(text)`` returns a glyph-id-preserving subset: every glyph the text uses (and the
components of composite glyphs, and .notdef) keeps its outline, all others become empty, and
the font has a (3,1) cmap for exactly the characters used. Glyphs after the last one used are
dropped, and so is hinting (TrueType instructions), which printing and zooming do not need.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Tables a PDF TrueType font program needs (ISO 32000-1 9.9), plus OS/2 and a minimal post.
# Hinting (cvt, fpgm, prep and each glyph's instructions) is dropped: print and zoom need none.
_KEEP = ("OS/2",)

# Composite glyph flags.
_ARGS_ARE_WORDS = 0x0001
_HAVE_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_HAVE_XY_SCALE = 0x0040
_HAVE_2X2 = 0x0080
_HAVE_INSTRUCTIONS = 0x0100


def encodable(text: str) -> str:
    """``text`` with every character WinAnsi (cp1252) cannot hold replaced by "?"."""
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}L", padded)) & 0xFFFFFFFF


@dataclass(frozen=True)
class TrueTypeFont:
    postscript_name: str
    tables: dict[str, bytes]
    units_per_em: int
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int
    italic_angle: float
    advances: tuple[int, ...]  # per glyph id
    lsbs: tuple[int, ...]  # left side bearings, per glyph id
    cmap: dict[int, int]  # code point -> glyph id
    loca: tuple[int, ...]

    @staticmethod
    @lru_cache(maxsize=4)
    def load(path: Path) -> TrueTypeFont:
        data = Path(path).read_bytes()
        (num_tables,) = struct.unpack_from(">H", data, 4)
        tables: dict[str, bytes] = {}
        for i in range(num_tables):
            tag, _sum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
            tables[tag.decode("latin-1")] = data[offset : offset + length]
        head, hhea, maxp = tables["head"], tables["hhea"], tables["maxp"]
        (upem,) = struct.unpack_from(">H", head, 18)
        bbox = struct.unpack_from(">4h", head, 36)
        (loc_format,) = struct.unpack_from(">h", head, 50)
        ascent, descent = struct.unpack_from(">hh", hhea, 4)
        (n_hmetrics,) = struct.unpack_from(">H", hhea, 34)
        (num_glyphs,) = struct.unpack_from(">H", maxp, 4)
        hmtx = tables["hmtx"]
        widths = [struct.unpack_from(">H", hmtx, 4 * i)[0] for i in range(n_hmetrics)]
        widths += [widths[-1]] * (num_glyphs - n_hmetrics)
        lsbs = [struct.unpack_from(">h", hmtx, 4 * i + 2)[0] for i in range(n_hmetrics)]
        lsbs += list(struct.unpack_from(f">{num_glyphs - n_hmetrics}h", hmtx, 4 * n_hmetrics))
        if loc_format == 0:
            loca = tuple(2 * v for v in struct.unpack_from(f">{num_glyphs + 1}H", tables["loca"]))
        else:
            loca = struct.unpack_from(f">{num_glyphs + 1}L", tables["loca"])
        os2 = tables.get("OS/2", b"")
        cap_height = struct.unpack_from(">h", os2, 88)[0] if len(os2) >= 90 else ascent
        post = tables.get("post", b"")
        italic = struct.unpack_from(">l", post, 4)[0] / 65536 if len(post) >= 8 else 0.0
        return TrueTypeFont(
            postscript_name=_postscript_name(tables.get("name", b"")) or Path(path).stem,
            tables=tables,
            units_per_em=upem,
            bbox=(bbox[0], bbox[1], bbox[2], bbox[3]),
            ascent=ascent,
            descent=descent,
            cap_height=cap_height,
            italic_angle=italic,
            advances=tuple(widths),
            lsbs=tuple(lsbs),
            cmap=_unicode_cmap(tables["cmap"]),
            loca=tuple(loca),
        )

    def scale(self, units: float) -> float:
        """Font units -> PDF glyph space (1000 per em)."""
        return units * 1000.0 / self.units_per_em

    def char_width(self, ch: str) -> float:
        """Advance of ``ch`` in 1000ths of the font size."""
        return self.scale(self.advances[self.cmap.get(ord(ch), 0)])

    def text_width(self, text: str, size: float) -> float:
        return sum(self.char_width(ch) for ch in text) * size / 1000.0

    def _glyph(self, gid: int) -> bytes:
        return self.tables["glyf"][self.loca[gid] : self.loca[gid + 1]]

    def _components(self, glyph: bytes) -> tuple[list[int], int, int]:
        """(component glyph ids, offset of the last flags, end of the component records)."""
        pos, last_flags, ids = 10, 10, []
        while True:
            flags, component = struct.unpack_from(">HH", glyph, pos)
            ids.append(component)
            last_flags = pos
            pos += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
            if flags & _HAVE_SCALE:
                pos += 2
            elif flags & _HAVE_XY_SCALE:
                pos += 4
            elif flags & _HAVE_2X2:
                pos += 8
            if not flags & _MORE_COMPONENTS:
                return ids, last_flags, pos

    def _unhinted(self, gid: int) -> bytes:
        glyph = self._glyph(gid)
        if len(glyph) < 10:
            return glyph
        (contours,) = struct.unpack_from(">h", glyph, 0)
        if contours >= 0:
            at = 10 + 2 * contours
            (length,) = struct.unpack_from(">H", glyph, at)
            return glyph[:at] + b"\0\0" + glyph[at + 2 + length :]
        _ids, last_flags, end = self._components(glyph)
        out = bytearray(glyph[:end])
        (flags,) = struct.unpack_from(">H", out, last_flags)
        out[last_flags : last_flags + 2] = struct.pack(">H", flags & ~_HAVE_INSTRUCTIONS)
        return bytes(out)

    def _with_components(self, gids: set[int]) -> set[int]:
        todo, done = list(gids), set()
        while todo:
            gid = todo.pop()
            if gid in done or gid >= len(self.advances):
                continue
            done.add(gid)
            glyph = self._glyph(gid)
            if len(glyph) >= 10 and struct.unpack_from(">h", glyph, 0)[0] < 0:
                todo.extend(self._components(glyph)[0])
        return done

    def subset(self, text: str) -> tuple[str, bytes]:
        """(subset tag, font program) for the characters of ``text``."""
        chars = sorted({ord(ch) for ch in text if ord(ch) in self.cmap and ord(ch) < 0xFFFF})
        keep = self._with_components({0} | {self.cmap[c] for c in chars})
        count = max(keep) + 1  # glyph ids stay; glyphs after the last one used are dropped
        glyf, loca = bytearray(), []
        for gid in range(count):
            loca.append(len(glyf))
            if gid in keep:
                glyf += self._unhinted(gid)
                glyf += b"\0" * (-len(glyf) % 4)
        loca.append(len(glyf))
        head = bytearray(self.tables["head"])
        head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
        head[50:52] = struct.pack(">h", 1)  # long loca offsets
        hhea = bytearray(self.tables["hhea"])
        hhea[34:36] = struct.pack(">H", count)  # every glyph gets a full metric
        maxp = bytearray(self.tables["maxp"])
        maxp[4:6] = struct.pack(">H", count)
        hmtx = b"".join(struct.pack(">Hh", self.advances[g], self.lsbs[g]) for g in range(count))
        tables = {t: self.tables[t] for t in _KEEP if t in self.tables}
        tables.update(
            {
                "head": bytes(head),
                "hhea": bytes(hhea),
                "maxp": bytes(maxp),
                "hmtx": hmtx,
                "glyf": bytes(glyf),
                "loca": struct.pack(f">{len(loca)}L", *loca),
                "cmap": _format4_cmap({c: self.cmap[c] for c in chars}),
                "post": struct.pack(">LlhhLLLLL", 0x00030000, 0, 0, 0, 0, 0, 0, 0, 0),
                "name": _name_table(self.postscript_name, self.tables.get("name", b"")),
            }
        )
        program = _assemble(tables)
        tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(program).digest()[:6])
        return tag, program


def _assemble(tables: dict[str, bytes]) -> bytes:
    tags = sorted(tables)
    n = len(tags)
    power = 1
    while power * 2 <= n:
        power *= 2
    header = struct.pack(
        ">LHHHH", 0x00010000, n, power * 16, power.bit_length() - 1, n * 16 - power * 16
    )
    offset = 12 + 16 * n
    directory, body = b"", b""
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(
            ">4sLLL", tag.encode("latin-1"), _checksum(data), offset, len(data)
        )
        padded = data + b"\0" * (-len(data) % 4)
        body += padded
        offset += len(padded)
    font = bytearray(header + directory + body)
    adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    before_head = tags[: tags.index("head")]
    head_offset = 12 + 16 * n + sum(len(tables[t]) + (-len(tables[t]) % 4) for t in before_head)
    font[head_offset + 8 : head_offset + 12] = struct.pack(">L", adjustment)
    return bytes(font)


def _format4_cmap(mapping: dict[int, int]) -> bytes:
    """A cmap with one (3,1) format-4 subtable mapping exactly ``mapping``."""
    codes = sorted(mapping)
    ends = [*codes, 0xFFFF]
    deltas = [(mapping[c] - c) & 0xFFFF for c in codes] + [1]
    seg = len(ends)
    power = 1
    while power * 2 <= seg:
        power *= 2
    body = struct.pack(">4H", seg * 2, power * 2, power.bit_length() - 1, seg * 2 - power * 2)
    body += struct.pack(f">{seg}H", *ends) + b"\0\0" + struct.pack(f">{seg}H", *ends)
    body += struct.pack(f">{seg}H", *deltas) + struct.pack(f">{seg}H", *([0] * seg))
    subtable = struct.pack(">HHH", 4, 6 + len(body), 0) + body
    return struct.pack(">HHHHL", 0, 1, 3, 1, 12) + subtable


def _unicode_cmap(cmap: bytes) -> dict[int, int]:
    (count,) = struct.unpack_from(">H", cmap, 2)
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", cmap, 4 + 8 * i)
        (fmt,) = struct.unpack_from(">H", cmap, offset)
        if (platform, encoding) in ((3, 1), (0, 3)) and fmt == 4:
            return _read_format4(cmap, offset)
    raise ValueError("font has no Unicode BMP cmap")


def _read_format4(cmap: bytes, base: int) -> dict[int, int]:
    (seg2,) = struct.unpack_from(">H", cmap, base + 6)
    seg = seg2 // 2
    ends = struct.unpack_from(f">{seg}H", cmap, base + 14)
    starts = struct.unpack_from(f">{seg}H", cmap, base + 16 + seg2)
    deltas = struct.unpack_from(f">{seg}h", cmap, base + 16 + 2 * seg2)
    range_pos = base + 16 + 3 * seg2
    ranges = struct.unpack_from(f">{seg}H", cmap, range_pos)
    out: dict[int, int] = {}
    for i in range(seg):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if ranges[i] == 0:
                gid = (code + deltas[i]) & 0xFFFF
            else:
                addr = range_pos + 2 * i + ranges[i] + 2 * (code - starts[i])
                (gid,) = struct.unpack_from(">H", cmap, addr)
                gid = (gid + deltas[i]) & 0xFFFF if gid else 0
            if gid:
                out[code] = gid
    return out


def _name_table(postscript_name: str, original: bytes) -> bytes:
    """A small 'name' table: family, style, full and PostScript names (Windows, US English)."""
    family = _name_record(original, 1) or postscript_name
    style = _name_record(original, 2) or "Regular"
    names = {1: family, 2: style, 4: f"{family} {style}", 6: postscript_name}
    records, strings = b"", b""
    for name_id, text in names.items():
        raw = text.encode("utf-16-be")
        records += struct.pack(">6H", 3, 1, 0x409, name_id, len(raw), len(strings))
        strings += raw
    return struct.pack(">3H", 0, len(names), 6 + len(records)) + records + strings


def _name_record(name: bytes, wanted: int) -> str:
    if len(name) < 6:
        return ""
    count, string_offset = struct.unpack_from(">HH", name, 2)
    for i in range(count):
        platform, _enc, _lang, name_id, length, offset = struct.unpack_from(">6H", name, 6 + 12 * i)
        if name_id == wanted and platform in (0, 3):
            raw = name[string_offset + offset : string_offset + offset + length]
            return raw.decode("utf-16-be", errors="ignore")
    return ""


def _postscript_name(name: bytes) -> str:
    if len(name) < 6:
        return ""
    count, string_offset = struct.unpack_from(">HH", name, 2)
    for i in range(count):
        platform, _enc, _lang, name_id, length, offset = struct.unpack_from(">6H", name, 6 + 12 * i)
        if name_id != 6:
            continue
        raw = name[string_offset + offset : string_offset + offset + length]
        text = raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", errors="ignore")
        return "".join(ch for ch in text if ch.isalnum() or ch in "-_")
    return ""
