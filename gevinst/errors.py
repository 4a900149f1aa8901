"""Errors raised by gevinst.

Every error a user can cause is a :class:`GevinstError`; each subclass also inherits
the builtin exception a Python programmer would expect, so ``except ValueError``
keeps working::

    GevinstError(Exception)
    ├── PlanError(GevinstError, ValueError)          the plan is unreadable or invalid
    │   ├── WorkbookError(PlanError)                   a plan workbook: sheet, row, column
    │   ├── PlanCheckError(PlanError)                  check() found errors; cannot evaluate
    │   └── PersonalDataError(PlanError)               an identity number (GV201): not written
    ├── FormatError(GevinstError, ValueError)         unknown or unsupported file suffix
    ├── ThemeError(GevinstError, ValueError)          a theme file or colour that cannot be used
    ├── RenderError(GevinstError, RuntimeError)       Graphviz or a renderer failed
    ├── OutputError(GevinstError, OSError)            an output file cannot be written
    │   └── OverwriteError(OutputError)                 the output is one of the inputs
    └── MissingDependencyError(GevinstError, ImportError)  an optional package is absent

A message says what is wrong, where (file, line, column, element id, field) and how to
fix it. ``str(error)`` is the message in English; ``error.in_language("nb")`` gives it
in Norwegian where its words are in the table (:class:`Said`). The command line prints
the message in the plan's language (or ``--lang``) and exits 1; it never shows a
traceback for one of these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from gevinst.i18n.formats import format_number
from gevinst.i18n.words import t

__all__ = [
    "FormatError",
    "GevinstError",
    "MissingDependencyError",
    "OutputError",
    "OverwriteError",
    "PersonalDataError",
    "PlanCheckError",
    "PlanError",
    "RenderError",
    "Said",
    "SaidLines",
    "SaidNumber",
    "ThemeError",
    "WorkbookError",
    "said_in",
]


def said_in(text: object, language: str) -> str:
    """``text`` in ``language`` when it can say itself in it (a :class:`Said`, an error),
    else as it is.

    Examples:
        >>> said_in(Said("load_text_empty"), "nb"), said_in("as written", "nb")
        ('teksten kan ikke være tom', 'as written')
    """
    say = getattr(text, "in_language", None)
    return str(say(language) if callable(say) else text)


class Said(str):
    """A message from the word table (:mod:`gevinst.i18n.words`): as a ``str`` it is the
    English text, and :meth:`in_language` gives it in ``nb`` or ``en``. A field may
    itself be a :class:`Said` (or an error), said in the same language.

    Examples:
        >>> said = Said("load_no_file")
        >>> said, said.in_language("nb")
        ('no such file', 'filen finnes ikke')
    """

    key: str
    fields: dict[str, object]

    def __new__(cls, key: str, /, **fields: object) -> Said:
        self = super().__new__(cls, _said(key, fields, "en"))
        self.key = key
        self.fields = fields
        return self

    def in_language(self, language: str) -> str:
        """The message in ``language`` (``nb`` or ``en``)."""
        return _said(self.key, self.fields, language)


def _said(key: str, fields: dict[str, object], language: str) -> str:
    shown = {
        name: said_in(v, language) if hasattr(v, "in_language") else v for name, v in fields.items()
    }
    return t(key, language).format(**shown)


class SaidLines(str):
    """Lines that are each a message (or an error) in their own words, joined by ``sep``."""

    parts: tuple[object, ...]
    sep: str

    def __new__(cls, parts: Iterable[object], sep: str = "\n") -> SaidLines:
        kept = tuple(parts)
        self = super().__new__(cls, sep.join(str(part) for part in kept))
        self.parts, self.sep = kept, sep
        return self

    def in_language(self, language: str) -> str:
        """Each line in ``language``."""
        return self.sep.join(said_in(part, language) for part in self.parts)


class SaidNumber:
    """A count or size in a message, with the thousands separator of its language.

    Examples:
        >>> number = SaidNumber(60001)
        >>> str(number), number.in_language("nb")
        ('60,001', '60\xa0001')
    """

    def __init__(self, value: float, decimals: int = 0) -> None:
        self.value = value
        self.decimals = decimals

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, language: str) -> str:
        """The number as written in ``language``."""
        return format_number(self.value, language, self.decimals)


class GevinstError(Exception):
    """Root of every error gevinst raises on purpose.

    Raised with one :class:`Said` (``FormatError(Said(...))``), the error says itself in
    ``nb`` or ``en``; raised with plain text, it says that text in every language.
    """

    def in_language(self, language: str) -> str:
        """The message in ``language`` where its words are in the table, else as it is."""
        if len(self.args) == 1 and hasattr(self.args[0], "in_language"):
            return said_in(self.args[0], language)
        return str(self)


class PlanError(GevinstError, ValueError):
    """A plan that cannot be read or is not valid.

    Attributes:
        source: the file (or ``<string>``) the plan came from, if known.
        line: 1-based line in the source, if known.
        column: 1-based column in the source, if known.
        element: the id of the element the problem is in, if known.
        field: the dotted path of the field, e.g. ``benefits[2].owner``.
        reason: the message without the location prefix (English; a :class:`Said`
            where the table has it in Norwegian too).
        language: the plan's ``language`` as far as the file could be read, else None.

    Examples:
        >>> error = PlanError(Said("load_no_file"), source="p.yaml")
        >>> str(error), error.in_language("nb")
        ('p.yaml: no such file', 'p.yaml: filen finnes ikke')
    """

    language: str | None = None

    def __init__(
        self,
        reason: str,
        *,
        source: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        element: str | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = reason
        self.source = str(source) if source is not None else None
        self.line = line
        self.column = column
        self.element = element
        self.field = field
        super().__init__(self._format())

    def in_language(self, language: str) -> str:
        """The message with its location, in ``language`` (``nb`` or ``en``)."""
        return self._format(language)

    def _said(self, language: str) -> str:
        return said_in(self.reason, language)

    def _format(self, language: str = "en") -> str:
        where = self.source or "<plan>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = []
        if self.element:
            parts.append(self.element)
        if self.field:
            parts.append(self.field)
        what = f" [{' '.join(parts)}]" if parts else ""
        return f"{where}:{what} {self._said(language)}"


class WorkbookError(PlanError):
    """A problem in a workbook, located by sheet, row and column.

    ``line`` is the row and ``column`` the 1-based column number; ``sheet`` and
    ``header`` name them as the user sees them.
    """

    def __init__(
        self,
        reason: str,
        *,
        source: str | Path | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
        header: str | None = None,
        element: str | None = None,
        field: str | None = None,
    ) -> None:
        self.sheet = sheet
        self.header = header
        super().__init__(
            reason, source=source, line=row, column=column, element=element, field=field
        )

    def _format(self, language: str = "en") -> str:
        from openpyxl.utils import get_column_letter

        where = []
        if self.sheet is not None:
            where.append(t("place_sheet", language).format(sheet=self.sheet))
        if self.line is not None:
            where.append(t("place_row", language).format(row=self.line))
        if self.column is not None:
            letter = get_column_letter(self.column)
            where.append(
                t("place_column_named", language).format(header=self.header, letter=letter)
                if self.header
                else t("place_column", language).format(letter=letter)
            )
        place = f": {', '.join(where)}" if where else ""
        return f"{self.source or '<workbook>'}{place}: {self._said(language)}"


class PlanCheckError(PlanError):
    """The plan has check findings of severity ``error``; it cannot be evaluated."""


class PersonalDataError(PlanError):
    """The input holds what looks like a national identity number (GV201).

    Raised by every command that reads a plan (for a number anywhere in its files,
    comments included) and by every writer of the library (for a number in the plan),
    so nothing derived from such a plan is written. The message names the places and
    never the number.

    Attributes:
        places: every place found, as ``file:line:column`` or ``file: sheet S, cell C4``.
    """

    def __init__(
        self,
        reason: str,
        *,
        places: Sequence[str],
        source: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.places = tuple(places)
        super().__init__(reason, source=source, line=line, column=column)

    def _format(self, language: str = "en") -> str:
        if self.places:
            return f"{self.places[0]}: {self._said(language)}"
        return super()._format(language)


class FormatError(GevinstError, ValueError):
    """A file suffix gevinst does not read or write for this purpose."""

    @classmethod
    def unknown_suffix(
        cls,
        what: str,
        suffix: str,
        known: Iterable[str],
        *,
        path: str | Path | None = None,
        hint: str | None = None,
    ) -> FormatError:
        """The one message for an output suffix gevinst cannot write: the file, what it
        was to hold (a :class:`Said` such as ``Said("format_a_map")``), the suffix, and
        the suffixes it can write.

        >>> error = FormatError.unknown_suffix(Said("load_a_plan"), ".txt", [".yaml"], path="p.txt")
        >>> print(error)
        p.txt: cannot write a plan as .txt; use one of: .yaml
        >>> print(error.in_language("nb"))
        p.txt: kan ikke lagre en plan som .txt; bruk en av filendelsene: .yaml
        """
        return cls(
            Said(
                "format_unknown_suffix",
                where=f"{path}: " if path is not None else "",
                what=what,
                suffix=suffix or Said("format_no_suffix"),
                known=" ".join(sorted(known)),
                more=Said("format_hint", hint=hint) if hint else "",
            )
        )


class ThemeError(GevinstError, ValueError):
    """A theme that cannot be used: a file that is not a theme, an unknown key, a colour
    not written ``#RRGGBB``, a fill that would make text hard to read, a missing logo.

    Attributes:
        source: the theme file, if the theme came from one.
        line: 1-based line in that file, if known.
        reason: the message without the location prefix (English; a :class:`Said`
            where the table has it in Norwegian too).

    Examples:
        >>> error = ThemeError(Said("theme_not_text"), source="t.yaml", line=3)
        >>> print(error)
        t.yaml:3: a theme file is YAML text in UTF-8; this file is not text (is it the logo?)
        >>> print(error.in_language("nb"))
        t.yaml:3: en temafil er YAML-tekst i UTF-8; denne filen er ikke tekst (er det logoen?)
    """

    def __init__(
        self, reason: str, *, source: str | Path | None = None, line: int | None = None
    ) -> None:
        self.reason = reason
        self.source = str(source) if source is not None else None
        self.line = line
        super().__init__(self._format())

    def in_language(self, language: str) -> str:
        """The message with its place, in ``language`` (``nb`` or ``en``)."""
        return self._format(language)

    def _format(self, language: str = "en") -> str:
        where = f"{self.source}:{self.line}: " if self.source and self.line else ""
        where = where or (f"{self.source}: " if self.source else "")
        return f"{where}{said_in(self.reason, language)}"


class RenderError(GevinstError, RuntimeError):
    """Graphviz or a renderer could not produce the output."""


class OutputError(GevinstError, OSError):
    """An output file that cannot be written (or must not be: it is one of the inputs).

    Nothing was written and an existing file is untouched. ``filename`` is the output
    file as the user named it (never the hidden temporary file), ``strerror`` says what
    is wrong and how to fix it (English; a :class:`Said`, so :meth:`in_language` says
    it in Norwegian too), ``errno`` is the operating system's code when there is one.

    Examples:
        >>> error = OutputError("kart.svg", Said("output_read_only"))
        >>> print(error.in_language("nb"))
        kart.svg: filen er skrivebeskyttet; gjør den skrivbar (chmod u+w) eller velg en annen fil
    """

    def __init__(self, path: str | Path, reason: str, code: int | None = None) -> None:
        super().__init__(code, reason, str(path))

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, language: str) -> str:
        """The message with the file's name, in ``language`` (``nb`` or ``en``)."""
        return f"{self.filename}: {said_in(self.strerror, language)}"

    @classmethod
    def replacing(cls, exc: OSError, path: str | Path, reason: str) -> OutputError:
        """The error for ``path`` in place of ``exc``, also an instance of ``exc``'s class.

        So ``except PermissionError`` keeps catching a write in a folder one may not
        write in, as before gevinst said which output it was.
        """
        builtin = type(exc)
        if builtin is OSError or not issubclass(builtin, OSError) or issubclass(cls, builtin):
            return cls(path, reason, exc.errno)
        kind = _OUTPUT_KINDS.get(builtin)
        if kind is None:
            kind = type(cls.__name__, (cls, builtin), {"__module__": cls.__module__})
            _OUTPUT_KINDS[builtin] = kind
        return kind(path, reason, exc.errno)


_OUTPUT_KINDS: dict[type[OSError], type[OutputError]] = {}


class OverwriteError(OutputError):
    """The output file is one of the command's inputs (also through a link): refused
    before any work, so no command writes over the plan or measurements it reads.

    ``role`` names the input, e.g. ``Said("output_role_plan")`` (the input plan).

    Examples:
        >>> error = OverwriteError("plan.yaml", Said("output_role_plan"))
        >>> print(error)
        plan.yaml is the input plan; choose another output file (nothing written)
        >>> print(error.in_language("nb"))
        plan.yaml er planen som leses inn; velg en annen fil å skrive til (ingenting er skrevet)
    """

    def __init__(self, path: str | Path, role: str) -> None:
        self.role = role
        super().__init__(path, Said("output_is_input", role=role))

    def in_language(self, language: str) -> str:
        """The message in ``language`` (``nb`` or ``en``)."""
        return f"{self.filename} {said_in(self.strerror, language)}"


class MissingDependencyError(GevinstError, ImportError):
    """An optional package needed for this call is not installed."""
