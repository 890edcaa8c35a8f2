"""Errors that domain services raise for a person to act on (messages in Bahasa Indonesia)."""

from __future__ import annotations

from desktop.i18n import _
from desktop.store.errors import UserError


class ServiceError(UserError):
    """A domain service refused: the person can correct the input or the situation."""


class ValidationError(ServiceError):
    """Input rejected; ``fields`` maps each offending field name to its message."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(fields.values()))
        self.fields = fields


class PermissionDenied(ServiceError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Anda tidak berwenang melakukan tindakan ini."))


class InvalidTransition(ServiceError):
    pass


class NotFound(ServiceError):
    def __init__(self, what: str) -> None:
        super().__init__(_("{what} tidak ditemukan.").format(what=what))


class AuthError(ServiceError):
    pass
