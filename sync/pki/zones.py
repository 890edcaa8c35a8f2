"""Indonesia's time zones as people write them (WIB, WITA, WIT), and which one an office keeps.

Shared by the app (the signature stamp, ``naskah verify``) and the server (the verification
page), so that a time is never shown without its zone and both name a zone the same way.

``office_zone(kabupaten)`` is the zone of the kabupaten or kota an office belongs to: WITA for
Bali, Nusa Tenggara, South, East and North Kalimantan and Sulawesi; WIT for Maluku and Papua;
WIB everywhere else (Sumatra, Java, West and Central Kalimantan). The environment variable
``NASKAH_TIME_ZONE`` (an IANA name such as ``Asia/Makassar``, as for the server's
``--time-zone``) overrides it on a PC.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sync.vocabulary import INDONESIAN_MONTHS

ENV = "NASKAH_TIME_ZONE"
WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"
ZONE_LABELS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
    "UTC": "UTC",
}
_OFFSET_LABELS = {7: "WIB", 8: "WITA", 9: "WIT"}

# Kabupaten and kota by province, as written after "Kabupaten"/"Kota" (with older names too).
_WITA_PLACES = (
    # Bali
    "Badung", "Bangli", "Buleleng", "Gianyar", "Jembrana", "Karangasem", "Klungkung",
    "Tabanan", "Denpasar",
    # Nusa Tenggara Barat
    "Bima", "Dompu", "Lombok Barat", "Lombok Tengah", "Lombok Timur", "Lombok Utara",
    "Sumbawa", "Sumbawa Barat", "Mataram",
    # Nusa Tenggara Timur
    "Alor", "Belu", "Ende", "Flores Timur", "Kupang", "Lembata", "Malaka", "Manggarai",
    "Manggarai Barat", "Manggarai Timur", "Nagekeo", "Ngada", "Rote Ndao", "Sabu Raijua",
    "Sikka", "Sumba Barat", "Sumba Barat Daya", "Sumba Tengah", "Sumba Timur",
    "Timor Tengah Selatan", "Timor Tengah Utara",
    # Kalimantan Selatan
    "Balangan", "Banjar", "Barito Kuala", "Hulu Sungai Selatan", "Hulu Sungai Tengah",
    "Hulu Sungai Utara", "Kotabaru", "Kota Baru", "Tabalong", "Tanah Bumbu", "Tanah Laut",
    "Tapin", "Banjarbaru", "Banjarmasin",
    # Kalimantan Timur
    "Berau", "Kutai Barat", "Kutai Kartanegara", "Kutai Timur", "Mahakam Ulu", "Paser",
    "Penajam Paser Utara", "Balikpapan", "Bontang", "Samarinda",
    # Kalimantan Utara
    "Bulungan", "Malinau", "Nunukan", "Tana Tidung", "Tarakan",
    # Sulawesi Utara
    "Bolaang Mongondow", "Bolaang Mongondow Selatan", "Bolaang Mongondow Timur",
    "Bolaang Mongondow Utara", "Kepulauan Sangihe", "Kepulauan Siau Tagulandang Biaro",
    "Kepulauan Talaud", "Minahasa", "Minahasa Selatan", "Minahasa Tenggara", "Minahasa Utara",
    "Bitung", "Kotamobagu", "Manado", "Tomohon",
    # Gorontalo
    "Boalemo", "Bone Bolango", "Gorontalo", "Gorontalo Utara", "Pohuwato",
    # Sulawesi Tengah
    "Banggai", "Banggai Kepulauan", "Banggai Laut", "Buol", "Donggala", "Morowali",
    "Morowali Utara", "Parigi Moutong", "Poso", "Sigi", "Tojo Una-Una", "Tolitoli",
    "Toli-Toli", "Palu",
    # Sulawesi Barat
    "Majene", "Mamasa", "Mamuju", "Mamuju Tengah", "Mamuju Utara", "Pasangkayu",
    "Polewali Mandar",
    # Sulawesi Selatan
    "Bantaeng", "Barru", "Bone", "Bulukumba", "Enrekang", "Gowa", "Jeneponto",
    "Kepulauan Selayar", "Selayar", "Luwu", "Luwu Timur", "Luwu Utara", "Maros",
    "Pangkajene dan Kepulauan", "Pangkep", "Pinrang", "Sidenreng Rappang", "Sidrap", "Sinjai",
    "Soppeng", "Takalar", "Tana Toraja", "Toraja Utara", "Wajo", "Makassar", "Palopo",
    "Parepare", "Pare-Pare",
    # Sulawesi Tenggara
    "Bombana", "Buton", "Buton Selatan", "Buton Tengah", "Buton Utara", "Kolaka",
    "Kolaka Timur", "Kolaka Utara", "Konawe", "Konawe Kepulauan", "Konawe Selatan",
    "Konawe Utara", "Muna", "Muna Barat", "Wakatobi", "Baubau", "Bau-Bau", "Kendari",
)  # fmt: skip
_WIT_PLACES = (
    # Maluku
    "Buru", "Buru Selatan", "Kepulauan Aru", "Kepulauan Tanimbar", "Maluku Tenggara Barat",
    "Maluku Barat Daya", "Maluku Tengah", "Maluku Tenggara", "Seram Bagian Barat",
    "Seram Bagian Timur", "Ambon", "Tual",
    # Maluku Utara
    "Halmahera Barat", "Halmahera Selatan", "Halmahera Tengah", "Halmahera Timur",
    "Halmahera Utara", "Kepulauan Sula", "Pulau Morotai", "Pulau Taliabu", "Ternate",
    "Tidore Kepulauan", "Tidore",
    # Papua
    "Biak Numfor", "Jayapura", "Keerom", "Kepulauan Yapen", "Mamberamo Raya", "Sarmi",
    "Supiori", "Waropen",
    # Papua Barat
    "Fakfak", "Kaimana", "Manokwari", "Manokwari Selatan", "Pegunungan Arfak", "Teluk Bintuni",
    "Teluk Wondama",
    # Papua Barat Daya
    "Maybrat", "Raja Ampat", "Sorong", "Sorong Selatan", "Tambrauw",
    # Papua Selatan
    "Asmat", "Boven Digoel", "Mappi", "Merauke",
    # Papua Tengah
    "Deiyai", "Dogiyai", "Intan Jaya", "Mimika", "Nabire", "Paniai", "Puncak", "Puncak Jaya",
    # Papua Pegunungan
    "Jayawijaya", "Lanny Jaya", "Mamberamo Tengah", "Nduga", "Pegunungan Bintang", "Tolikara",
    "Yahukimo", "Yalimo",
)  # fmt: skip
# "Kota Banjar" is in West Java (WIB); "Kabupaten Banjar" in South Kalimantan (WITA).
_KOTA_ELSEWHERE = {"banjar": WIB}


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", " ", name.strip().lower())


_ZONE_OF_PLACE = {_key(p): WITA for p in _WITA_PLACES} | {_key(p): WIT for p in _WIT_PLACES}


def zone_of_kabupaten(kabupaten: str) -> str:
    """The IANA zone of the kabupaten or kota named ``kabupaten`` ("Jayawijaya",
    "Kabupaten Bone", "Kota Makassar"); WIB for any place not in WITA or WIT."""
    key = _key(kabupaten)
    kota = re.match(r"kota (.+)", key)
    if kota and kota.group(1) in _KOTA_ELSEWHERE:
        return _KOTA_ELSEWHERE[kota.group(1)]
    key = re.sub(r"^(kabupaten|kab\.?|kota)\s+", "", key)
    return _ZONE_OF_PLACE.get(key, WIB)


@dataclass(frozen=True)
class Zone:
    """A time zone with the label people write after a time ("10:04 WIB"); ``tz`` None is
    this computer's own zone, labelled by its offset."""

    tz: tzinfo | None
    label: str = ""

    @classmethod
    def named(cls, name: str) -> Zone:
        """The zone with IANA ``name`` (UTC when unknown)."""
        try:
            return cls(ZoneInfo(name), ZONE_LABELS.get(name, ""))
        except (ZoneInfoNotFoundError, ValueError):
            return cls(UTC, "UTC")

    def local(self, moment: datetime) -> tuple[datetime, str]:
        """``moment`` in this zone, and the zone's label at that moment."""
        local = moment.astimezone(self.tz)
        return local, self.label or offset_label(local.utcoffset())

    def time_text(self, moment: datetime) -> str:
        """ "3 Maret 2026 10:04 WIB" """
        local, label = self.local(moment)
        month = INDONESIAN_MONTHS[local.month - 1]
        return f"{local.day} {month} {local.year} {local:%H:%M} {label}"

    def clock_text(self, moment: datetime) -> str:
        """ "10:04 WIB" """
        local, label = self.local(moment)
        return f"{local:%H:%M} {label}"


LOCAL = Zone(None)


def offset_label(offset: timedelta | None) -> str:
    """WIB, WITA or WIT for UTC+7, +8 or +9; otherwise "UTC" or "UTC+05:30"."""
    offset = offset or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes % 60 == 0 and minutes // 60 in _OFFSET_LABELS:
        return _OFFSET_LABELS[minutes // 60]
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def office_zone(kabupaten: str | None) -> Zone:
    """The zone an office shows its times in: ``NASKAH_TIME_ZONE`` when set, else its
    kabupaten's zone; this PC's own zone when there is no office."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen:
        return Zone.named(chosen)
    if kabupaten is None or not kabupaten.strip():
        return LOCAL
    return Zone.named(zone_of_kabupaten(kabupaten))
