"""The one exception tree of termwise.

::

    TermwiseError                 anything termwise raises on purpose
    ├── InputError                the input cannot be read as an agreement (user's file)
    │   ├── MissingFile           path does not exist
    │   ├── NotAFile              path is a directory or a device
    │   ├── UnsupportedFormat     extension / content we do not read
    │   ├── EmptyDocument         no bytes, or no text after extraction
    │   ├── BinaryFile            bytes that are not text in any encoding we know
    │   ├── CorruptFile           a PDF / DOCX / HTML that its parser rejects
    │   ├── EncryptedFile         a password-protected PDF / DOCX
    │   ├── NoTextLayer           a PDF whose pages carry no text (scanned?)
    │   ├── TooLarge              over the size limit (``--max-mb`` raises it)
    │   └── ExhibitNotFound       ``--exhibit`` names no document of an EDGAR submission
    ├── ModelError                a term-model file (YAML) that fails validation
    ├── ArtifactError             a trained artifact (clause model) missing or of another format
    └── UsageError                a bad fact, event or option value given on the command line

Every error carries the ``path`` (and where known ``page``, ``offset``, ``line``,
``field``) and renders as one line: ``offer.pdf, page 4: no text layer (scanned?)``.
"""

from __future__ import annotations


class TermwiseError(Exception):
    """Base of every error termwise raises on purpose. ``str()`` is one line."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        page: int | None = None,
        offset: int | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.page = page
        self.offset = offset
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(self.path)
        if self.page is not None:
            where.append(f"page {self.page}")
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field {self.field}")
        if self.offset is not None:
            where.append(f"offset {self.offset}")
        prefix = ", ".join(where)
        text = " ".join(self.message.split())
        return f"{prefix}: {text}" if prefix else text


class InputError(TermwiseError):
    """The input cannot be read as an agreement."""


class MissingFile(InputError):
    pass


class NotAFile(InputError):
    pass


class UnsupportedFormat(InputError):
    pass


class EmptyDocument(InputError):
    pass


class BinaryFile(InputError):
    pass


class CorruptFile(InputError):
    pass


class EncryptedFile(InputError):
    pass


class NoTextLayer(InputError):
    pass


class TooLarge(InputError):
    pass


class ExhibitNotFound(InputError):
    pass


class ModelError(TermwiseError):
    """A term model (YAML) that fails validation; names the field and line."""


class ArtifactError(TermwiseError):
    """A trained artifact that is missing, unreadable or written for another version of its format."""


class UsageError(TermwiseError):
    """A bad ``--fact``, ``--event`` or option value."""
