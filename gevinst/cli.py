"""The ``gevinst`` command line: parse, call the library, print.

Exit codes: 0 success; 1 the input is bad or a check found errors (one clear message,
never a traceback); 2 wrong usage. A command that fails writes no output file and
leaves an existing one untouched (every write goes through ``atomic_write``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from gevinst.errors import GevinstError, PlanCheckError
from gevinst.i18n.words import visible_controls as terminal_safe

if TYPE_CHECKING:
    from gevinst.analysis.checks import Finding
    from gevinst.model import Plan
    from gevinst.personal_data import Hit

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str) -> None:
    raise _UserError(message)


def _echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print to the terminal: everything gevinst prints goes through here."""
    click.echo(terminal_safe(text), err=err, nl=nl)


def _refuse_inputs(output: str | Path | None, inputs: dict[str, str | Path | None]) -> None:
    """Fail before any work when ``output`` is one of the ``inputs`` (role -> path).

    The same file is found also through symbolic and hard links, so that no command
    writes over the plan or the measurements it reads.
    """
    from gevinst._files import same_file

    if output is None:
        return
    for role, path in inputs.items():
        if path is not None and same_file(output, path):
            _fail(f"{output} is {role}; choose another output file (nothing written)")


def _date(value: str | None) -> dt.date | None:
    from gevinst.analysis.limits import LAST_DATE

    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None
    if day > LAST_DATE:
        _fail(
            f"--at {value} is after {LAST_DATE}, the last date a plan can hold "
            "(docs/limits.md); give a date within the plan's years"
        )
    return day


def _refused(
    plan_path: str, plan: Plan, exc: PlanCheckError, measurements: str | None = None
) -> NoReturn:
    """Say which errors keep PLAN from being evaluated, at their places in the file."""
    from gevinst.analysis.checks import ERROR_CODES, check
    from gevinst.io.plans import load_measurements

    extra = f" (with the measurements in {measurements})" if measurements else ""
    again = f"gevinst check {plan_path}" + (f" --measurements {measurements}" if extra else "")
    added = load_measurements(measurements) if measurements else []
    if added and not any(m in plan.measurements for m in added):  # report loads them later
        plan = plan.model_copy(update={"measurements": [*plan.measurements, *added]})
    errors = check(plan, select=ERROR_CODES)
    if not errors:
        raise _UserError(f"{plan_path}{extra}: {exc.reason}") from exc
    listed = "\n".join(f"  {line}" for line in _located(plan_path, errors))
    raise _UserError(
        f"{plan_path}{extra}: the plan has {len(errors)} error(s) and cannot be evaluated:\n"
        f"{listed}\nFix them first ({again})."
    ) from exc


def _codes(values: Sequence[str]) -> list[str]:
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


class _UserError(click.ClickException):
    """A user's mistake: one message, exit code 1, no traceback."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        _echo(f"error: {self.format_message()}", err=True)


def _make_visible(exc: click.ClickException) -> None:
    """Click's message may quote what was typed (an extra argument): controls made visible.

    ``message`` is typed final in click, but click reads it only when showing the error.
    """
    setattr(exc, "message", terminal_safe(exc.message))  # noqa: B010 - final for mypy only


class _Group(click.Group):
    """Turns gevinst's own errors and file errors into one clear message and exit 1.

    Click's own messages (wrong usage) can quote what the user typed; their control
    characters are made visible like everything else gevinst prints.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            _make_visible(exc)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        told: set[str] = set()  # a report's charts may each warn of the same thing

        def show(message: Warning | str, *args: Any, **kwargs: Any) -> None:
            if str(message) not in told:
                told.add(str(message))
                _echo(f"warning: {message}", err=True)

        try:
            with warnings.catch_warnings():
                warnings.showwarning = show  # one line of its own words, no source paths
                return super().invoke(ctx)
        except GevinstError as exc:
            raise _UserError(str(exc)) from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise _UserError(f"{where}{exc.strerror or exc}") from exc
        except click.ClickException as exc:
            _make_visible(exc)
            raise


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gevinst")
def cli() -> None:
    """gevinst: benefit plans (gevinstrealiseringsplaner) as checked graphs."""


# -- check --------------------------------------------------------------------------------


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", multiple=True, help="Only these codes or prefixes (GV104,GV2).")
@click.option("--ignore", multiple=True, help="Leave out these codes or prefixes.")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
def check(
    plans: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    measurements: str | None,
) -> None:
    """Check plan files against the GV rules, like a linter.

    Prints one line per finding (FILE:LINE: CODE SEVERITY ELEMENT MESSAGE) and a
    summary. Exits 1 when there are errors or a file cannot be read.
    """
    from gevinst.analysis.checks import check as run_check
    from gevinst.io.inputs import scan_inputs
    from gevinst.io.plans import read_input, record_lines
    from gevinst.personal_data import mask

    rows: list[dict[str, Any]] = []
    places: dict[tuple[str, str], str] = {}  # (file, element) -> sheet and row of a workbook
    unreadable = 0
    for name in plans:
        path = Path(name)
        try:
            plan, hits = scan_inputs(path, measurements=measurements)
        except GevinstError as exc:
            unreadable += 1
            if fmt == "text":
                _echo(str(exc), err=True)
            rows.append(
                {
                    "file": name,
                    "line": getattr(exc, "line", None),
                    "code": "GV000",
                    "severity": "error",
                    "element": getattr(exc, "element", None),
                    "message": getattr(exc, "reason", str(exc)),
                }
            )
            continue
        # GV201 is found in the files themselves (comments too), at its line: see _hit_rows
        if plan is None:  # holds an identity number and cannot be read: that first, always
            rows += _hit_rows(hits, [], [])
            continue
        rows += _hit_rows(hits, _codes(select), _codes(ignore))
        findings = run_check(plan, select=_codes(select), ignore=[*_codes(ignore), "GV201"])
        if path.suffix.lower() == ".xlsx":  # a workbook has sheets and rows, not lines
            from gevinst.io.excel.read import record_places

            lines = {}
            found_in = record_places(path) if findings else {}
            places.update({(name, k): f"sheet {s}, row {r}" for k, (s, r) in found_in.items()})
        else:
            lines = record_lines(read_input(path).decode("utf-8-sig", "replace"))
        for finding in findings:
            rows.append(
                {
                    "file": name,
                    "line": lines.get(finding.element or "", 1 if not finding.element else None),
                    "code": finding.code,
                    "severity": finding.severity,
                    "element": finding.element,
                    "message": finding.message,
                }
            )
    for row in rows:  # whatever else a message quotes from the plan, never the number
        row["element"] = mask(row["element"]) if row["element"] else row["element"]
        row["message"] = mask(row["message"])
    errors = sum(1 for r in rows if r["severity"] == "error")
    if fmt == "json":
        shown = [{k: v for k, v in r.items() if k != "place"} for r in rows]
        _echo(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        for row in sorted(
            (r for r in rows if r["code"] != "GV000"),
            key=lambda r: (r["file"], r["line"] or 0, r["code"]),
        ):
            where = f"{row['file']}:{row['line']}" if row["line"] else row["file"]
            if "place" in row:
                where = row["place"]
            elif (row["file"], row["element"]) in places:
                where = f"{row['file']}: {places[(row['file'], row['element'])]}"
            element = f" {row['element']}" if row["element"] else ""
            _echo(f"{where}: {row['code']} {row['severity']}{element} {row['message']}")
        counts = {s: sum(1 for r in rows if r["severity"] == s) for s in ("error", "warning")}
        infos = sum(1 for r in rows if r["severity"] == "info")
        checked = len(plans) - unreadable
        found = len(rows) - unreadable
        summary = (
            f"{checked} plan{'s' if checked != 1 else ''} checked: "
            f"{counts['error'] - unreadable} error(s), {counts['warning']} warning(s), {infos} info"
        )
        if unreadable:
            summary += f"; {unreadable} file(s) could not be read"
        _echo(summary if found or unreadable else f"{summary}. All checks passed.")
    if errors:
        raise SystemExit(1)


def _hit_rows(hits: Sequence[Hit], select: list[str], ignore: list[str]) -> list[dict[str, Any]]:
    """``check`` rows for the identity numbers found in a plan's files (GV201), each at
    its own file and line (a workbook: sheet and cell), also in comments."""
    import dataclasses

    from gevinst.personal_data import mask

    wanted = (not select or "GV201".startswith(tuple(select))) and not (
        ignore and "GV201".startswith(tuple(ignore))
    )
    rows = []
    for hit in hits if wanted else ():
        if hit.field:
            what = mask(hit.field)
        elif hit.sheet is not None:
            what = "the cell" if hit.line else "the sheet's name"
        else:
            what = "the text here"
        rows.append(
            {
                "file": hit.source,
                "line": hit.line,
                "code": "GV201",
                "severity": "error",
                "element": hit.element,
                "message": f"{what} holds an 11-digit number with a valid fødselsnummer/"
                "D-number checksum; personal data must not be in a plan: remove it",
                "place": dataclasses.replace(hit, element=None, field=None).place(),
            }
        )
    return rows


def _located(plan_path: str, findings: Sequence[Finding]) -> list[str]:
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


def _say_errors(plan_path: str, plan: Plan, *, drawn: bool = True) -> None:
    """Say on stderr, like a linter, which check errors a picture of the plan carries
    (FILE:LINE: CODE error ELEMENT MESSAGE), in the order of the file; ``drawn``: the
    picture is drawn all the same (a map), not refused (a report, which evaluates)."""
    from gevinst.analysis.checks import ERROR_CODES
    from gevinst.analysis.checks import check as run_check

    # GV201 was ruled out when the plan was read (gevinst.io.inputs)
    findings = run_check(plan, select=[c for c in ERROR_CODES if c != "GV201"])
    if not findings:
        return
    for line in _located(plan_path, findings):
        _echo(line, err=True)
    if drawn:
        _echo(
            f"{plan_path}: drawn with {len(findings)} error(s), as the plan is; "
            f"`gevinst check {plan_path}` lists every finding",
            err=True,
        )


# -- init ---------------------------------------------------------------------------------


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False), default="plan.yaml")
@click.option("--lang", type=click.Choice(["nb", "en"]), default="nb", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: str, lang: str, force: bool) -> None:
    """Write a starter plan to PATH (default plan.yaml)."""
    from gevinst._files import atomic_write
    from gevinst.io.plans import loads
    from gevinst.io.starter import starter_plan

    target = Path(path)
    if target.exists() and not force:
        _fail(f"{target} exists; use --force to overwrite it")
    text = starter_plan(lang)
    loads(text, source=str(target))  # the starter must always be a valid plan
    atomic_write(target, text)
    _echo(f"wrote {target}; next: gevinst check {target}")


# -- trace --------------------------------------------------------------------------------


@cli.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False))
@click.argument("element")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def trace(plan_path: str, element: str, fmt: str) -> None:
    """Show every path from ELEMENT up to the goals, and down to the measures."""
    from gevinst.graph import build_graph
    from gevinst.graph import trace as run_trace
    from gevinst.io.inputs import load_inputs

    plan = load_inputs(plan_path)
    try:
        result = run_trace(plan, element)
    except KeyError:
        known = ", ".join(sorted(build_graph(plan).nodes)[:20])
        _fail(f"{plan_path}: {element!r} is not an element of the map; known: {known}")
        return
    if fmt == "json":
        _echo(
            json.dumps(
                {"element": element, "up": result.up, "down": result.down},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    graph = build_graph(plan)

    def show(path: tuple[str, ...]) -> str:
        return " -> ".join(f"{n} ({graph.nodes[n]['name']})" for n in path)

    _echo(f"{element}: {graph.nodes[element]['name']}")
    _echo(f"Up to the goals ({len(result.up)} path(s)):")
    for path in result.up:
        _echo(f"  {show(path)}")
    _echo(f"Down to the measures ({len(result.down)} path(s)):")
    for path in result.down:
        _echo(f"  {show(path)}")
    if result.truncated:
        _echo("  (more paths exist; only the first were listed)")


# -- render -------------------------------------------------------------------------------


@cli.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file: .svg .png .pdf .dot .mmd .html .json (the suffix picks the format).",
)
@click.option("--focus", metavar="ID", help="Only this element, what feeds it and what it feeds.")
@click.option(
    "--kinds",
    multiple=True,
    metavar="KINDS",
    help="Only these kinds, e.g. measure,benefit,goal (paths through the rest are dotted).",
)
@click.option("--depth", type=click.IntRange(min=0), help="With --focus: at most N steps away.")
@click.option("--group-by", type=click.Choice(["owner", "goal"]), help="Frame groups of elements.")
@click.option("--lang", type=click.Choice(["nb", "en"]), help="Label language.")
@click.option("--at", "at", metavar="DATE", help="Colour by status at DATE (YYYY-MM-DD).")
@click.option("--assumptions", is_flag=True, help="Show assumptions as notes.")
@click.option(
    "--measurements",
    type=click.Path(dir_okay=False),
    help="Add measurements from CSV (indicator,date,value[,note]) before --at.",
)
def render(
    plan_path: str,
    output: str,
    focus: str | None,
    kinds: tuple[str, ...],
    depth: int | None,
    group_by: str | None,
    lang: str | None,
    at: str | None,
    assumptions: bool,
    measurements: str | None,
) -> None:
    """Draw the benefit map of PLAN to a file (gevinstkart)."""
    from gevinst.io.inputs import load_inputs
    from gevinst.layout.options import MapOptions
    from gevinst.render import write_map

    _refuse_inputs(output, {"the input plan": plan_path, "the measurements file": measurements})
    when = _date(at)
    # the options are checked before the plan is read
    options = MapOptions(
        focus=focus,
        kinds=kinds or None,
        depth=depth,
        group_by=group_by,
        language=lang,
        assumptions=assumptions,
    )
    plan = load_inputs(plan_path, measurements=measurements)
    _say_errors(plan_path, plan)
    if when is not None:
        from gevinst.analysis.evaluate import evaluate

        try:
            options = dataclasses.replace(options, evaluation=evaluate(plan, at=when))
        except PlanCheckError as exc:
            _refused(plan_path, plan, exc, measurements)
    written = write_map(plan, output, options)
    _echo(f"wrote {written}")


# -- report -------------------------------------------------------------------------------


@cli.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file: .pptx (council deck), .html or .md (the suffix picks the format).",
)
@click.option("--at", "at", metavar="DATE", help="Evaluate at DATE (YYYY-MM-DD): status, charts.")
@click.option("--lang", type=click.Choice(["nb", "en"]), help="Language (default: the plan's).")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
def report(
    plan_path: str, output: str, at: str | None, lang: str | None, measurements: str | None
) -> None:
    """Write a report on PLAN: the council deck, an HTML report or Markdown."""
    from gevinst.io.inputs import load_inputs
    from gevinst.report import report as run_report

    _refuse_inputs(output, {"the input plan": plan_path, "the measurements file": measurements})
    when = _date(at)
    plan = load_inputs(plan_path, measurements=measurements)
    try:
        written = run_report(plan, output, at=when, language=lang)
    except PlanCheckError as exc:  # the report evaluates: errors stop it
        _refused(plan_path, plan, exc, measurements)
    _echo(f"wrote {written}")


# -- evaluate -----------------------------------------------------------------------------


@cli.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("--at", "at", metavar="DATE", help="Evaluation date (YYYY-MM-DD); default today.")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to a file instead: .csv .json .md .xlsx (the suffix picks the format).",
)
@click.option("--lang", type=click.Choice(["nb", "en"]), help="Language (default: the plan's).")
def evaluate(
    plan_path: str,
    at: str | None,
    measurements: str | None,
    output: str | None,
    lang: str | None,
) -> None:
    """Expected versus realised for PLAN at a date (gevinstevaluering).

    Prints a table of scores, indicators, money and reviews, or writes it to -o FILE.
    """
    from gevinst.analysis.evaluate import evaluate as run_evaluate
    from gevinst.io.inputs import load_inputs
    from gevinst.report.tables import WRITERS, text_table, write

    if output is not None and Path(output).suffix.lower() not in WRITERS:
        _fail(f"{output}: use one of {', '.join(sorted(WRITERS))} for the evaluation")
    _refuse_inputs(output, {"the input plan": plan_path, "the measurements file": measurements})
    when = _date(at) or dt.date.today()
    plan = load_inputs(plan_path, measurements=measurements)
    try:
        result = run_evaluate(plan, at=when)
    except PlanCheckError as exc:
        _refused(plan_path, plan, exc, measurements)
    if output is None:
        _echo(text_table(result, lang))
        return
    written = write(result, output, lang)
    _echo(f"wrote {written}")


# -- stakeholders -------------------------------------------------------------------------


@cli.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file: .png .svg .pdf (the grid) or .csv .md (the table).",
)
@click.option(
    "--chart",
    type=click.Choice(["grid", "impacts"]),
    default="grid",
    show_default=True,
    help="For .png .svg .pdf: the power/interest grid, or who gains and who loses.",
)
@click.option("--lang", type=click.Choice(["nb", "en"]), help="Language (default: the plan's).")
def stakeholders(plan_path: str, output: str, chart: str, lang: str | None) -> None:
    """Stakeholder analysis of PLAN: the power/interest grid or the impact matrix as a
    picture, or a table of quadrants, who gains, who loses and who owns what
    (interessentanalyse)."""
    from gevinst._files import atomic_write
    from gevinst.analysis.stakeholders import to_csv, to_markdown
    from gevinst.io.inputs import load_inputs

    target = Path(output)
    suffix = target.suffix.lower()
    known = (".csv", ".md", ".pdf", ".png", ".svg")
    if suffix not in known:
        _fail(f"{output}: use one of {', '.join(known)} for the stakeholder analysis")
    _refuse_inputs(output, {"the input plan": plan_path})
    plan = load_inputs(plan_path)
    if suffix == ".csv":
        atomic_write(target, to_csv(plan, lang))
    elif suffix == ".md":
        atomic_write(target, to_markdown(plan, lang))
    else:
        from gevinst.charts.results import impact_chart, save_figure, stakeholder_chart

        draw = impact_chart if chart == "impacts" else stakeholder_chart
        save_figure(draw(plan, language=lang), target)
    _echo(f"wrote {target}")


# -- diff ---------------------------------------------------------------------------------


@cli.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "md"]),
    help="Plain text, JSON data or Markdown [default: from the suffix of -o, else text].",
)
@click.option("--lang", type=click.Choice(["nb", "en"]), help="Words in this language.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to this file, not the screen."
)
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when the plans differ, 0 when they are equal (as git diff --exit-code).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; implies --exit-code.")
def diff(
    old: str,
    new: str,
    fmt: str | None,
    lang: str | None,
    output: str | None,
    exit_code: bool,
    quiet: bool,
) -> None:
    """Show what changed from plan OLD to plan NEW: every change that makes them unequal,
    with targets moved the wrong way, smaller benefits and dearer measures first.

    Exits 0 (or, with --exit-code, 0 when equal and 1 when they differ); 1 when a plan
    cannot be read; 2 on wrong usage.
    """
    from gevinst._files import atomic_write
    from gevinst.analysis.diff import diff as run_diff
    from gevinst.io.inputs import load_inputs

    _refuse_inputs(output, {"the old plan": old, "the new plan": new})
    result = run_diff(load_inputs(old), load_inputs(new), language=lang)
    if quiet:
        sys.exit(1 if result else 0)
    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = {".json": "json", ".md": "md"}.get(suffix, "text")
    if fmt == "json":
        text = result.to_json()
    elif fmt == "md":
        text = result.to_markdown()
    else:
        text = result.to_text()
    if output:
        atomic_write(output, text)
        _echo(f"wrote {output}")
    else:
        _echo(text, nl=False)
    if exit_code and result:
        sys.exit(1)


# -- convert ------------------------------------------------------------------------------


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False))
@click.argument("target", type=click.Path(dir_okay=False))
def convert(source: str, target: str) -> None:
    """Convert a plan between YAML, JSON and Excel (formats from the suffixes).

    The whole plan is carried over (comments in a YAML file are not part of it). A
    source with mistakes is refused with its place (for a workbook: sheet, row and
    column) and no file is written.
    """
    from gevinst.io.inputs import load_inputs
    from gevinst.io.plans import WRITERS, save

    out = Path(target)
    if out.suffix.lower() not in WRITERS:  # say so before reading a large source
        kind = out.suffix or "a file without suffix"
        _fail(f"{target}: cannot save a plan as {kind!r}; use one of {', '.join(sorted(WRITERS))}")
    if not out.parent.is_dir():
        _fail(f"{target}: the folder {out.parent} does not exist; create it first")
    _refuse_inputs(target, {"the plan to convert": source})
    plan = load_inputs(source)
    save(plan, out)
    _echo(f"wrote {target}")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``gevinst`` command."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="gevinst")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
