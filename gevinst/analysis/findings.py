"""Check findings at their places in the plan files, as a linter shows them.

:func:`check_files` checks plan files like ``gevinst check``: each finding at its file
and line (a workbook: sheet and row), identity numbers (GV201) at the place in the file
where they are written, comments included, and a file that cannot be read as a GV000
row. Several plans are also checked together (the portfolio rules GV300-GV302 of
:mod:`gevinst.analysis.portfolio`), and a folder stands for every plan file in it.
:func:`located` puts findings of one plan at their places, and
:func:`refusal_message` says which errors keep a plan from being evaluated.

Examples:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.yaml"
    >>> _ = path.write_text("schema: gevinst/1\\nplan: {id: p, title: Prøve}\\n", "utf-8")
    >>> run = check_files([str(path)], select=["GV1"])
    >>> run.summary()
    '1 plan kontrollert: 0 feil, 0 advarsler, 0 info. Alle kontroller bestått.'
    >>> run.summary("en")
    '1 plan checked: 0 error(s), 0 warning(s), 0 info. All checks passed.'
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gevinst.analysis.checks import ERROR_CODES, Finding, check
from gevinst.errors import GevinstError, PlanCheckError, Said, said_in
from gevinst.i18n.words import language_for, t
from gevinst.personal_data import Hit, mask

if TYPE_CHECKING:
    from gevinst.model import Plan

__all__ = [
    "FORMATS",
    "PLAN_SUFFIXES",
    "SEVERITIES",
    "CheckRun",
    "check_files",
    "codes",
    "error_lines",
    "located",
    "plan_files",
    "refusal_message",
]

#: The forms of a check's findings.
FORMATS = ("text", "json")
#: The severities, least first: ``--fail-on LEVEL`` fails on a finding of LEVEL or above.
SEVERITIES = ("info", "warning", "error")
#: The suffixes of the plan files a folder is searched for.
PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


def plan_files(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The files to check: each path, a folder standing for its plan files (sorted by
    name; :data:`PLAN_SUFFIXES`). Also a line per folder that says which were read
    (English as a ``str``; ``line.in_language("nb")`` in Norwegian).

    Raises:
        PlanError: a folder holds no plan file.
    """
    from gevinst.errors import PlanError

    files: list[str] = []
    read: list[str] = []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            files.append(name)
            continue
        found = sorted(
            (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES),
            key=lambda p: p.name,
        )
        if not found:
            raise PlanError(
                Said("check_no_plan_files", suffixes=", ".join(PLAN_SUFFIXES)), source=name
            )
        files += [str(p) for p in found]
        key = "check_folder_one" if len(found) == 1 else "check_folder"
        read.append(
            Said(key, folder=name, count=len(found), names=", ".join(p.name for p in found))
        )
    return files, read


def codes(values: Sequence[str]) -> list[str]:
    """The codes of ``--select``/``--ignore`` values: comma-separated, upper case.

    Examples:
        >>> codes(["gv104, GV2", "", "gv3"])
        ['GV104', 'GV2', 'GV3']
    """
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


@dataclass
class CheckRun:
    """The findings of :func:`check_files`, one row (a dict) each.

    A row holds ``file``, ``line``, ``code``, ``severity``, ``element`` and ``message``;
    a GV201 row also ``place`` (its file and line, or sheet and cell).
    """

    files: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: The message of each file that could not be read (a GV000 row each).
    unreadable: list[str] = field(default_factory=list)
    #: (file, element) -> sheet and row of a workbook.
    places: dict[tuple[str, str], str] = field(default_factory=dict)
    #: For each folder given: which plan files in it were read.
    read: list[str] = field(default_factory=list)
    #: The language of the summary: ``--lang``, else the first plan's (as far as its
    #: file could be read), else the environment's (:func:`~gevinst.i18n.words.language_for`).
    language: str = "nb"

    @property
    def errors(self) -> int:
        """The rows of severity error, unreadable files included."""
        return sum(1 for r in self.rows if r["severity"] == "error")

    def fails(self, level: str = "error") -> bool:
        """Whether a finding of severity ``level`` or above was found (``--fail-on``).

        Examples:
            >>> run = CheckRun(files=1, rows=[{"severity": "warning"}])
            >>> run.fails("error"), run.fails("warning"), run.fails("info")
            (False, True, True)
        """
        least = SEVERITIES.index(level)
        return any(SEVERITIES.index(r["severity"]) >= least for r in self.rows)

    def to_json(self) -> str:
        """Every row as JSON, in the order found (without ``place``)."""
        shown = [{k: v for k, v in r.items() if k != "place"} for r in self.rows]
        return json.dumps(shown, ensure_ascii=False, indent=2)

    def lines(self) -> list[str]:
        """One linter line a finding (FILE:LINE: CODE SEVERITY ELEMENT MESSAGE), sorted
        by file, line and code; unreadable files are in :attr:`unreadable`."""
        out = []
        for row in sorted(
            (r for r in self.rows if r["code"] != "GV000"),
            key=lambda r: (r["file"], r["line"] or 0, r["code"]),
        ):
            where = f"{row['file']}:{row['line']}" if row["line"] else row["file"]
            if "place" in row:
                where = row["place"]
            elif (row["file"], row["element"]) in self.places:
                where = f"{row['file']}: {self.places[(row['file'], row['element'])]}"
            element = f" {row['element']}" if row["element"] else ""
            out.append(f"{where}: {row['code']} {row['severity']}{element} {row['message']}")
        return out

    def summary(self, language: str | None = None) -> str:
        """How many plans were checked and what was found, in ``language`` (default:
        :attr:`language`).

        Examples:
            >>> run = CheckRun(files=2, rows=[{"severity": "warning"}] * 3)
            >>> run.summary("nb")
            '2 planer kontrollert: 0 feil, 3 advarsler, 0 info'
            >>> run.summary("en")
            '2 plans checked: 0 error(s), 3 warning(s), 0 info'
        """
        said = language or self.language
        unreadable = len(self.unreadable)
        counts = {s: sum(1 for r in self.rows if r["severity"] == s) for s in SEVERITIES}
        checked = self.files - unreadable
        found = len(self.rows) - unreadable
        plans = t("check_plans_one" if checked == 1 else "check_plans_many", said)
        warnings = t("check_warning_one" if counts["warning"] == 1 else "check_warnings", said)
        summary = t("check_summary", said).format(
            plans=plans.format(count=checked),
            errors=counts["error"] - unreadable,
            warnings=warnings.format(count=counts["warning"]),
            infos=counts["info"],
        )
        if unreadable:
            more = t("check_unreadable_one" if unreadable == 1 else "check_unreadable", said)
            summary += more.format(count=unreadable)
        return summary if found or unreadable else t("check_passed", said).format(summary=summary)


def check_files(
    paths: Sequence[str],
    *,
    measurements: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    language: str | None = None,
) -> CheckRun:
    """Check each plan file (with the measurements of a CSV file added), like a linter.

    No message quotes an identity number (they are masked). A file that cannot be read
    is a GV000 error row; its message is in :attr:`CheckRun.unreadable`. A folder
    stands for its plan files (:func:`plan_files`). Two or more plans read are also
    checked together: GV300-GV302 (:meth:`Portfolio.portfolio_findings`). The messages
    are in ``language`` (``"nb"`` or ``"en"``), by default in each plan's language; the
    message of a file that cannot be read in its ``language`` as far as it could be
    read, else in the environment's (:func:`~gevinst.i18n.words.language_for`).

    Raises:
        PlanError: a folder given holds no plan file.
    """
    from gevinst.io.inputs import scan_inputs
    from gevinst.io.plans import read_input, record_lines

    paths, read = plan_files(paths)
    run = CheckRun(files=len(paths), read=read)
    checked: list[tuple[str, Plan]] = []
    languages: list[str] = []  # each file's, as far as it could be read: the summary's
    for name in paths:
        path = Path(name)
        try:
            plan, hits = scan_inputs(path, measurements=measurements)
        except GevinstError as exc:
            said = language_for(language, getattr(exc, "language", None))
            languages.append(said)
            run.unreadable.append(exc.in_language(said))
            reason = getattr(exc, "reason", None)  # the message without its place
            run.rows.append(
                {
                    "file": name,
                    "line": getattr(exc, "line", None),
                    "code": "GV000",
                    "severity": "error",
                    "element": getattr(exc, "element", None),
                    "message": exc.in_language(said) if reason is None else said_in(reason, said),
                }
            )
            continue
        # GV201 is found in the files themselves (comments too), at its line: see _hit_rows
        if plan is None:  # holds an identity number and cannot be read: that first, always
            said = language_for(language)
            languages.append(said)
            run.rows += _hit_rows(hits, [], [], said)
            continue
        checked.append((name, plan))
        said = language or plan.language
        languages.append(said)
        run.rows += _hit_rows(hits, codes(select), codes(ignore), said)
        findings = check(
            plan, select=codes(select), ignore=[*codes(ignore), "GV201"], language=said
        )
        if path.suffix.lower() == ".xlsx":  # a workbook has sheets and rows, not lines
            from gevinst.io.excel.read import record_places

            lines = {}
            found_in = record_places(path) if findings else {}
            run.places.update({(name, k): f"sheet {s}, row {r}" for k, (s, r) in found_in.items()})
        else:
            lines = record_lines(read_input(path).decode("utf-8-sig", "replace"))
        for finding in findings:
            run.rows.append(
                {
                    "file": name,
                    "line": lines.get(finding.element or "", 1 if not finding.element else None),
                    "code": finding.code,
                    "severity": finding.severity,
                    "element": finding.element,
                    "message": finding.message,
                }
            )
    run.language = language_for(language, languages[0] if languages else None)
    run.read = [said_in(line, run.language) for line in read]
    if len(checked) > 1:
        run.rows += _portfolio_rows(checked, codes(select), codes(ignore), run.language)
    for row in run.rows:  # whatever else a message quotes from the plan, never the number
        row["element"] = mask(row["element"]) if row["element"] else row["element"]
        row["message"] = mask(row["message"])
    return run


def _portfolio_rows(
    checked: list[tuple[str, Plan]], select: list[str], ignore: list[str], language: str
) -> list[dict[str, Any]]:
    """Rows for the portfolio rules across the plans read (GV300-GV302), each at the file
    (and line) of the plan and element it names first, in ``language``."""
    from gevinst.analysis.portfolio import Portfolio
    from gevinst.io.plans import read_input, record_lines

    portfolio = Portfolio([plan for _, plan in checked], [name for name, _ in checked])
    rows = []
    for finding in portfolio.portfolio_findings(language):
        if (select and not finding.code.startswith(tuple(select))) or (
            ignore and finding.code.startswith(tuple(ignore))
        ):
            continue
        name = finding.source or ""
        line = None
        if finding.element and name and Path(name).suffix.lower() != ".xlsx":
            text = read_input(Path(name)).decode("utf-8-sig", "replace")
            line = record_lines(text).get(finding.element)
        rows.append(
            {
                "file": name,
                "line": line,
                "code": finding.code,
                "severity": finding.severity,
                "element": finding.element,
                "message": finding.message,
            }
        )
    return rows


def _hit_rows(
    hits: Sequence[Hit], select: list[str], ignore: list[str], language: str
) -> list[dict[str, Any]]:
    """Rows for the identity numbers found in a plan's files (GV201), each at its own
    file and line (a workbook: sheet and cell), also in comments."""
    wanted = (not select or "GV201".startswith(tuple(select))) and not (
        ignore and "GV201".startswith(tuple(ignore))
    )
    rows = []
    for hit in hits if wanted else ():
        if hit.field:
            what = mask(hit.field)
        elif hit.sheet is not None:
            what = t("gv201_the_cell" if hit.line else "gv201_sheet_name", language)
        else:
            what = t("gv201_text_here", language)
        rows.append(
            {
                "file": hit.source,
                "line": hit.line,
                "code": "GV201",
                "severity": "error",
                "element": hit.element,
                "message": t("gv201_found", language).format(place=what),
                "place": dataclasses.replace(hit, element=None, field=None).place(),
            }
        )
    return rows


def located(plan_path: str, findings: Sequence[Finding]) -> list[str]:
    """Each finding as a linter line at its place in PLAN (FILE:LINE: CODE severity
    ELEMENT MESSAGE; sheet and row for a workbook), in the order of the file."""
    path = Path(plan_path)
    places: dict[str, tuple[int, str]] = {}  # element -> (order, place)
    if path.suffix.lower() == ".xlsx":  # a workbook has sheets and rows, not lines
        from gevinst.io.excel.read import record_places

        sheets: dict[str, int] = {}
        for id, (sheet, row) in record_places(path).items():
            order = sheets.setdefault(sheet, len(sheets)) * 2**20 + row
            places[id] = (order, f"{plan_path}: sheet {sheet}, row {row}")
    else:
        from gevinst.io.plans import read_input, record_lines

        text = read_input(path).decode("utf-8-sig", "replace")  # measured, never waits
        for id, number in record_lines(text).items():
            places[id] = (number, f"{plan_path}:{number}")
    lines = []
    for finding in findings:
        order, where = places.get(finding.element or "", (0, plan_path))
        element = f" {finding.element}" if finding.element else ""
        text = f"{where}: {finding.code} {finding.severity}{element} {finding.message}"
        lines.append((order, text))
    return [line for _, line in sorted(lines)]


def error_lines(
    plan_path: str, plan: Plan, *, drawn: bool = True, language: str | None = None
) -> list[str]:
    """Which check errors a picture of the plan carries, as linter lines in the order of
    the file (FILE:LINE: CODE error ELEMENT MESSAGE); ``drawn``: the picture is drawn all
    the same (a map), and a last line says so, in ``language`` (default: the plan's).
    No errors, no lines."""
    # GV201 was ruled out when the plan was read (gevinst.io.inputs)
    findings = check(plan, select=[c for c in ERROR_CODES if c != "GV201"], language=language)
    if not findings:
        return []
    lines = located(plan_path, findings)
    if drawn:
        said = t("check_drawn_with_errors", language or plan.language)
        lines.append(said.format(path=plan_path, count=len(findings)))
    return lines


def refusal_message(
    plan_path: str,
    plan: Plan,
    exc: PlanCheckError,
    measurements: str | None = None,
    language: str | None = None,
) -> str:
    """Which errors keep PLAN from being evaluated, at their places in the file, and how
    to list them (``exc`` is what the evaluation raised); in ``language`` (default: the
    plan's)."""
    from gevinst.io.plans import load_measurements

    said = language or plan.language
    extra = t("check_with_measurements", said).format(file=measurements) if measurements else ""
    again = f"gevinst check {plan_path}" + (f" --measurements {measurements}" if extra else "")
    added = load_measurements(measurements) if measurements else []
    if added and not any(m in plan.measurements for m in added):  # report loads them later
        plan = plan.model_copy(update={"measurements": [*plan.measurements, *added]})
    errors = check(plan, select=ERROR_CODES, language=language)
    if not errors:
        return f"{plan_path}{extra}: {said_in(exc.reason, said)}"
    listed = "\n".join(f"  {line}" for line in located(plan_path, errors))
    return t("check_refused", said).format(
        where=f"{plan_path}{extra}", count=len(errors), listed=listed, again=again
    )
