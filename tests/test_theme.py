"""The one palette of gevinst.theme: no colour spelled elsewhere, text readable on every
fill it is drawn on (WCAG contrast), and a status the same colour in every format."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

import gevinst as gv
from gevinst import theme
from gevinst.render import render_bytes

PACKAGE = Path(gv.__file__).parent
BERGEN = Path(__file__).parents[1] / "examples" / "bergen_barnevern" / "plan.yaml"

# -- no colour outside theme.py ---------------------------------------------------------------

_COLOUR_LITERALS = [
    re.compile(r"#[0-9A-Fa-f]{6}(?![0-9A-Za-z_])"),  # "#1F4E79" in code, CSS, templates
    re.compile(r"#[0-9A-Fa-f]{3}(?![0-9A-Za-z_-])"),  # "#fff"
    re.compile(r"RGBColor\(\s*0x", re.I),  # RGBColor(0x1F, 0x4E, 0x79)
    re.compile(r"""["'][0-9A-Fa-f]{6}["']"""),  # openpyxl's "1F4E79"
    re.compile(r"rgba?\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*[,)]"),  # rgb(31, 78, 121)
    re.compile(  # a colour by name: color="white", background: black
        r"""(?:colou?r|Colou?r|facecolor|edgecolor|fill|stroke|background)"""
        r"""\s*(?:=\s*["']|:\s*["']?)"""
        r"(?:white|black|red|green|blue|grey|gray|orange|yellow|purple|pink|brown)\b"
    ),
]
#: The one shadow of the map page's tooltip: black at 20 % opacity, not a palette colour.
_ALLOWED = {"box-shadow: 0 2px 8px rgba(0,0,0,.2)"}


def colour_literals(text: str) -> list[str]:
    """Colour literals in ``text`` (the lines that hold them)."""
    found = []
    for line in text.splitlines():
        if any(allowed in line for allowed in _ALLOWED):
            continue
        if any(pattern.search(line) for pattern in _COLOUR_LITERALS):
            found.append(line.strip())
    return found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('_HEADER_FILL = "1F4E79"', True),
        ('cell.fill.fore_color.rgb = _rgb("#F4F6F8")', True),
        ("rgb = RGBColor(0x1F, 0x4E, 0x79)", True),
        ("h1 { color: #24313F; }", True),
        ("td { background: #fff; }", True),
        ('ax.text(0, 0, "x", color="white")', True),
        ("a { color: rgb(0, 114, 178); }", True),
        ("h1 { color: var(--heading); }", False),
        ('fill = theme.STATUS_STYLES["on_track"].fill', False),
        ("#map header { position: static; }", False),
        ('<a href="#money">', False),
        ('fill="none"', False),
    ],
)
def test_the_guard_finds_colour_literals(text: str, found: bool) -> None:
    assert bool(colour_literals(text)) is found


def test_no_colour_is_spelled_outside_theme() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in {".py", ".css", ".j2", ".js", ".html"} or path.name == "theme.py":
            continue
        for line in colour_literals(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(PACKAGE)}: {line}")
    assert not offenders, "colours belong in gevinst/theme.py:\n" + "\n".join(offenders)


def test_the_theme_spells_its_colours_as_six_hex_digits() -> None:
    colours = [
        value for value in vars(theme).values() if isinstance(value, str) and value[:1] == "#"
    ]
    colours += [c for s in theme.KIND_STYLES.values() for c in (s.fill, s.stroke)]
    colours += [c for s in theme.STATUS_STYLES.values() for c in (s.fill, s.stroke)]
    colours += [c for pair in theme.ATTITUDE_COLOURS.values() for c in pair]
    colours += list(theme.QUADRANT_FILLS.values())
    assert len(colours) > 40
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours), colours


# -- contrast -------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour (WCAG 2.2, section "relative luminance")."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_the_known_ratios() -> None:
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.005)  # just fails AA
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.005)  # just passes
    assert contrast("#0072B2", "#FFFFFF") == pytest.approx(5.19, abs=0.005)
    assert luminance("#808080") == pytest.approx(0.2159, abs=1e-4)


def _text_pairs() -> list[tuple[str, str, str, float]]:
    """(what, text colour, fill, least ratio) for every text the palette draws on a fill."""
    ink, muted, paper = theme.TEXT_COLOUR, theme.MUTED_TEXT, theme.BACKGROUND
    pairs = []
    for kind, look in theme.KIND_STYLES.items():
        pairs.append((f"label on {kind}", ink, look.fill, 4.5))
    for status, status_look in theme.STATUS_STYLES.items():
        pairs.append((f"label on {status}", ink, status_look.fill, 4.5))
        pairs.append((f"status line on {status}", muted, status_look.fill, 4.5))
    for attitude, (fill, _edge) in theme.ATTITUDE_COLOURS.items():
        pairs.append((f"name on {attitude}", ink, fill, 4.5))
    for quadrant, fill in theme.QUADRANT_FILLS.items():
        pairs.append((f"names in {quadrant}", ink, fill, 4.5))
    pairs.append(
        ("key players' heading", theme.ACCENT, theme.QUADRANT_FILLS["manage_closely"], 4.5)
    )
    for name, fill in [
        ("paper", paper),
        ("panel", theme.PANEL_FILL),
        ("cluster", theme.CLUSTER_FILL),
        ("stripe", theme.STRIPE_FILL),
        ("note", theme.NOTE_FILL),
        ("dis-benefit column", theme.DISBENEFIT_TINT),
    ]:
        pairs.append((f"text on {name}", ink, fill, 4.5))
        pairs.append((f"muted text on {name}", muted, fill, 4.5))
        pairs.append((f"heading on {name}", theme.HEADING_COLOUR, fill, 4.5))
    pairs.append(("link", theme.ACCENT, paper, 4.5))
    pairs.append(("table header", paper, theme.HEADING_COLOUR, 4.5))
    pairs.append(("title band", paper, theme.ACCENT, 4.5))
    # a status mark drawn in colour (the report's key figures) on paper and panels
    for status, mark_colour in theme.STATUS_MARK_COLOURS.items():
        for name, fill in [("paper", paper), ("panel", theme.PANEL_FILL)]:
            pairs.append((f"{status} mark on {name}", mark_colour, fill, 4.5))
    # the + and − in the impact chart: bold 14 pt, large text (3:1)
    for status in ("on_track", "off_track"):
        pairs.append((f"sign on {status}", paper, theme.STATUS_STYLES[status].stroke, 3.0))
    return pairs


@pytest.mark.parametrize(("what", "text", "fill", "least"), _text_pairs())
def test_text_keeps_its_contrast_on_the_fill(what: str, text: str, fill: str, least: float) -> None:
    assert contrast(text, fill) >= least, f"{what}: {text} on {fill}"


def test_off_track_text_contrast_by_hand() -> None:
    # #F3B48F: (0.8963, 0.4564, 0.2747) linear -> L = 0.5371; #4D4D4D: L = 0.0742
    assert luminance(theme.STATUS_STYLES["off_track"].fill) == pytest.approx(0.5371, abs=1e-3)
    assert contrast(theme.MUTED_TEXT, theme.STATUS_STYLES["off_track"].fill) == pytest.approx(
        (0.5371 + 0.05) / (0.0742 + 0.05), abs=0.01
    )


def test_at_risk_mark_contrast_by_hand() -> None:
    # #8F6200: 143/255 -> 0.2747 linear, 98/255 -> 0.1221, 0 -> 0;
    # L = 0.2126 * 0.2747 + 0.7152 * 0.1221 = 0.1457; on white (1.05) / (0.1957) = 5.37,
    # where the full hue #E69F00 gives 2.25 (under the 3:1 WCAG 1.4.11 asks of a mark)
    assert luminance(theme.STATUS_MARK_COLOURS["at_risk"]) == pytest.approx(0.1457, abs=1e-3)
    assert contrast(theme.STATUS_MARK_COLOURS["at_risk"], "#FFFFFF") == pytest.approx(
        5.37, abs=0.01
    )
    assert contrast(theme.STATUS_COLOURS["at_risk"], "#FFFFFF") == pytest.approx(2.25, abs=0.01)
    assert set(theme.STATUS_MARK_COLOURS) == set(theme.STATUS_STYLES)


_MARKS = "".join(look.mark for look in theme.STATUS_STYLES.values())


def test_status_marks_keep_3_to_1_wherever_the_map_draws_them() -> None:
    """Every status mark in the evaluated map's SVG (box badges on the status fill,
    legend labels on the paper or a panel) against what is behind it."""
    svg = render_bytes(
        gv.load(BERGEN), "svg", evaluation=gv.evaluate(gv.load(BERGEN), at="2025-10-01")
    ).decode()
    checked = 0
    for group in re.findall(r"<g class=\"(?:node|legend-item)[^>]*>.*?</g>", svg):
        behind = re.search(r'<rect[^>]* fill="(#[0-9A-F]{6})"', group)
        for colour, text in re.findall(r'<text[^>]* fill="(#[0-9A-F]{6})"[^>]*>([^<]*)<', group):
            if not any(mark in text for mark in _MARKS):
                continue
            fills = [theme.BACKGROUND, theme.PANEL_FILL]
            if 'class="node' in group and behind is not None:
                fills = [behind.group(1)]
            for fill in fills:
                assert contrast(colour, fill) >= 3.0, f"{text!r}: {colour} on {fill}"
            checked += 1
    assert checked >= 11 + 3  # the 11 benefits' badges and the legend's statuses


def test_status_marks_keep_3_to_1_in_the_html_report() -> None:
    """The report's key figures draw each mark in its mark colour on a panel; its table
    cells draw mark and word in the ink on the status fill."""
    from gevinst.report import report_bytes

    page = report_bytes(gv.load(BERGEN), "html", at=dt.date(2025, 10, 1)).decode()
    root = dict(re.findall(r"^\s*--([a-z-]+): ([^;]+);$", page.split(":root {", 1)[1], re.M))
    marks = re.findall(r'<span class="mark" style="color:var\(--([a-z-]+)\)">(.)</span>', page)
    assert [mark for _, mark in marks] == ["●", "▲", "■", "○"]  # 4, 2, 4 and 1 benefits
    for name, _ in marks:
        assert contrast(root[name], theme.PANEL_FILL) >= 3.0, name
    cells = re.findall(r'<td class="status" style="background:var\(--([a-z-]+)\)">(.)', page)
    assert cells and {mark for _, mark in cells} <= set(_MARKS)
    for name, _ in cells:  # no colour of their own: the page's ink
        assert contrast(theme.TEXT_COLOUR, root[name]) >= 3.0, name


def test_a_status_is_never_told_by_colour_alone() -> None:
    marks = [look.mark for look in theme.STATUS_STYLES.values()]
    assert all(marks) and len(set(marks)) == len(marks)
    fills = [look.fill for look in theme.STATUS_STYLES.values()]
    assert len(set(fills)) == len(fills)


# -- one status palette in every format -------------------------------------------------------

OFF_FILL, OFF_LINE = "#F3B48F", "#D55E00"  # off_track: Okabe-Ito vermilion, light and full


@pytest.fixture(scope="module")
def bergen() -> gv.Evaluation:
    return gv.evaluate(gv.load(BERGEN), at="2025-10-01")


def test_the_palette_is_the_maps(bergen: gv.Evaluation) -> None:
    assert bergen.elements["B2"].status == "off_track"
    assert theme.STATUS_STYLES["off_track"].fill == OFF_FILL
    assert theme.STATUS_COLOURS["off_track"] == theme.STATUS_STYLES["off_track"].stroke == OFF_LINE
    svg = render_bytes(bergen.plan, "svg", evaluation=bergen).decode()
    assert f'fill="{OFF_FILL}"' in svg


@pytest.mark.parametrize("language", ["nb", "en"])
def test_off_track_is_one_colour_in_deck_report_chart_and_workbook(
    bergen: gv.Evaluation, language: str
) -> None:
    from matplotlib.colors import to_hex
    from pptx import Presentation

    from gevinst.charts.results import status_chart
    from gevinst.i18n.words import t
    from gevinst.report import report_bytes
    from gevinst.report.tables import xlsx_bytes

    word = t("off_track", language)
    said = f"■ {word}"

    # the council deck, read back with python-pptx
    deck = Presentation(
        io.BytesIO(
            report_bytes(bergen.plan, "pptx", at=bergen.at, language=language, appendix=True)
        )
    )  # the status tables are in the appendix
    cell_fills, mark_colours = set(), set()
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        if cell.text == said:
                            cell_fills.add(f"#{cell.fill.fore_color.rgb}")
            if shape.name == "benefit statuses":
                for run in shape.text_frame.paragraphs[0].runs:
                    if run.text == "■ ":
                        mark_colours.add(f"#{run.font.color.rgb}")
    assert cell_fills == {OFF_FILL}
    assert mark_colours == {theme.STATUS_MARK_COLOURS["off_track"]}  # the mark: 4.5:1 on paper

    # the HTML report: the :root block, and the cells that use it
    page = report_bytes(bergen.plan, "html", at=bergen.at, language=language).decode()
    root = dict(re.findall(r"^\s*--([a-z-]+): ([^;]+);$", page.split(":root {", 1)[1], re.M))
    assert root["status-off-track"] == OFF_FILL
    assert root["status-off-track-line"] == OFF_LINE
    cells = re.findall(r'<td class="status" style="background:var\(--([a-z-]+)\)">■ ([^<]*)<', page)
    assert cells and {name for name, _ in cells} == {"status-off-track"}
    assert all(text.startswith(word) for _, text in cells)  # " ≠" may follow

    # the status chart: the bar of B2 (off track), a matplotlib artist
    fig = status_chart(bergen, language=language)
    ax = fig.axes[0]
    row = [r.id for r in bergen.elements.values() if r.kind == "benefit"].index("B2")
    bars = [p for p in ax.patches if abs(p.get_y() + p.get_height() / 2 - row) < 1e-9]
    assert len(bars) == 1
    assert to_hex(bars[0].get_facecolor()).upper() == OFF_LINE

    # the evaluation workbook, read back with openpyxl
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(bergen, language)))
    sheet = book[t("benefits_and_goals", language)[:31]]
    status_cells = {r[0].value: r[5] for r in sheet.iter_rows(min_row=2)}
    assert status_cells["B2"].value == said  # the mark and the word, as in the deck
    assert status_cells["B2"].fill.fgColor.rgb.endswith(OFF_FILL[1:])
    assert status_cells["B1"].fill.fgColor.rgb.endswith(theme.STATUS_STYLES["on_track"].fill[1:])


def test_the_pages_get_every_colour_from_the_root_block() -> None:
    page = render_bytes(gv.load(BERGEN), "html").decode()
    root = page.split(":root {", 1)[1].split("}", 1)[0]
    defined = set(re.findall(r"--([a-z-]+):", root))
    assert defined == set(theme.css_variables())
    used = set(re.findall(r"var\(--([a-z-]+)\)", page))
    assert used and used <= defined
    assert f"--ink: {theme.TEXT_COLOUR};" in root
