"""The conflicts list names the kind of record in words, in the UI's language."""

from __future__ import annotations

from desktop import i18n
from desktop.letters.conflicts import ENTITY_LABELS, entity_label
from sync.protocol import Entity

NEVER_IN_CONFLICT = {Entity.AUDIT, Entity.CONFLICT}  # insert-only, made by the server


def test_every_kind_a_conflict_can_be_about_has_a_name() -> None:
    assert set(Entity) - set(ENTITY_LABELS) == NEVER_IN_CONFLICT
    assert entity_label("berkas") == "Berkas"
    assert entity_label("something_new") == "something_new"  # shown raw rather than hidden


def test_the_names_are_translated_when_shown_not_at_import() -> None:
    english = {"Surat masuk": "Incoming letter"}
    try:
        i18n.install(lambda text: english.get(text, text))
        assert entity_label("incoming_letter") == "Incoming letter"
    finally:
        i18n.install(None)
    assert entity_label("incoming_letter") == "Surat masuk"
