"""Per-item failures: each maps to an HTTP status and names what was wrong."""
from __future__ import annotations


class ItemError(Exception):
    """A failure of one request in a batch; the rest of the batch goes on."""

    status = 500

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def to_json(self) -> dict:
        body = {"code": self.status, "error": self.message}
        if self.field:
            body["field"] = self.field
        return body


class InvalidRequest(ItemError):
    """The request itself is wrong (client error)."""

    status = 400


class PayloadTooLarge(InvalidRequest):
    status = 413


class InferenceFailed(ItemError):
    """The pass that held this item failed on the server."""

    status = 500


class OutOfMemory(ItemError):
    """The accelerator ran out of memory (TorchServe's own convention is 507)."""

    status = 507
