"""Theme files: what is read, and every way a file is refused, located and with a fix,
by the library and by the command line (exit 1, nothing written)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst import theme
from gevinst.cli import cli
from gevinst.io.theme_file import MAX_THEME_BYTES, as_theme, load_theme, parse_theme
from gevinst.theme import DEFAULT_THEME, KIND_STYLES, STATUS_STYLES, StatusStyle, Theme

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "theme" / "bergen-like.yaml"
MINIMAL = ROOT / "examples" / "minimal.yaml"
# the smallest PNG there is: one transparent pixel
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def write(folder: Path, text: str, name: str = "tema.yaml") -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


# -- what is read ---------------------------------------------------------------------------


def test_the_example_theme_is_read() -> None:
    look = load_theme(EXAMPLE)
    assert look.name == "Eksempel kommune"
    assert look.font == "DejaVu Serif"
    assert look.logo is not None and look.logo.media_type == "image/png"
    assert look.logo.data == (EXAMPLE.parent / "eksempel-logo.png").read_bytes()
    assert look.kinds["measure"].fill == "#CFE0F1" and look.kinds["measure"].stroke == "#1F5C99"
    assert look.statuses["off_track"].fill == "#F5B7A8"
    # what the file leaves out keeps the default, shape and mark included
    assert look.kinds["disbenefit"] == KIND_STYLES["disbenefit"]
    assert look.kinds["measure"].rounded is False
    assert look.statuses["on_track"] == STATUS_STYLES["on_track"]
    assert look.statuses["off_track"].mark == "■"


def test_a_colour_alone_is_the_fill_and_lower_case_is_read() -> None:
    look = parse_theme('colours:\n  goal: "#f6c9b8"\n')
    assert look.kinds["goal"].fill == "#F6C9B8"
    assert look.kinds["goal"].stroke == KIND_STYLES["goal"].stroke


def test_an_empty_file_is_the_default_look() -> None:
    assert parse_theme("") == DEFAULT_THEME
    assert parse_theme("# nothing\n") == Theme()


def test_default_css_variables_are_unchanged_by_the_theme_class() -> None:
    # the values of today's palette, spelled out: a theme changes only what it names
    variables = DEFAULT_THEME.css_variables()
    assert variables["font"] == "DejaVu Sans, Arial, Helvetica, sans-serif"
    assert variables["status-off-track"] == "#F3B48F"
    assert variables["status-off-track-line"] == "#D55E00"
    themed = load_theme(EXAMPLE).css_variables()
    assert themed["font"] == "'DejaVu Serif', DejaVu Sans, Arial, Helvetica, sans-serif"
    assert themed["status-off-track"] == "#F5B7A8"
    assert themed["status-off-track-line"] == "#B02E0C"
    assert themed["status-off-track-mark"] == "#B02E0C"  # a theme's own stroke is its mark
    assert variables["status-off-track-mark"] == theme.STATUS_MARK_COLOURS["off_track"]
    assert {k for k in themed if themed[k] != variables[k]} == {
        "font",
        "status-off-track",
        "status-off-track-line",
        "status-off-track-mark",
    }


def test_as_theme_reads_a_path_and_keeps_a_theme() -> None:
    look = Theme(font="Arial")
    assert as_theme(look) is look
    assert as_theme(None) is None
    assert as_theme(str(EXAMPLE)) == load_theme(EXAMPLE)
    with pytest.raises(TypeError):
        as_theme(3)  # type: ignore[arg-type]


def test_svg_and_jpeg_logos_are_read_by_their_bytes(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', "utf-8")
    (tmp_path / "logo.jpeg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(16))
    svg = load_theme(write(tmp_path, "logo: logo.svg\n"))
    jpeg = load_theme(write(tmp_path, "logo: logo.jpeg\n"))
    assert svg.logo is not None and svg.logo.media_type == "image/svg+xml"
    assert jpeg.logo is not None and jpeg.logo.media_type == "image/jpeg"


# -- contrast -------------------------------------------------------------------------------


def test_a_dark_fill_is_refused_with_a_lighter_tint_that_passes(tmp_path: Path) -> None:
    # #A8461F (the default goal border) as a fill: luminance 0.128, against the ink
    # #1A1A1A (0.0103): (0.128 + 0.05) / (0.0103 + 0.05) = 2.95; mixed 25 % with
    # white it is #BE7457, the first step of 5 % that reaches 4.5:1
    path = write(tmp_path, 'name: X\ncolours:\n  goal: "#A8461F"\n')
    with pytest.raises(gv.ThemeError) as caught:
        load_theme(path)
    assert str(caught.value) == (
        f"{path}:3: colours.goal.fill: text on #A8461F has a contrast of 3.0:1, under "
        "4.5:1 (WCAG AA); use a lighter fill such as #BE7457"
    )
    assert load_theme(write(tmp_path, 'colours:\n  goal: "#BE7457"\n')).kinds["goal"].fill


def test_a_status_fill_must_also_carry_the_muted_status_line(tmp_path: Path) -> None:
    # #009E73 keeps 5.1:1 with the ink but only 2.5:1 with the muted #4D4D4D
    path = write(tmp_path, 'colours:\n  on_track:\n    fill: "#009E73"\n')
    with pytest.raises(gv.ThemeError, match=r":3: colours\.on_track\.fill: .* 2\.5:1"):
        load_theme(path)
    with pytest.raises(ValueError, match=r"contrast of 2\.5:1"):  # the same in Python
        Theme(statuses={"on_track": StatusStyle("#009E73", "#009E73", "●")})


def test_a_pale_border_is_refused_but_the_default_ones_stay(tmp_path: Path) -> None:
    # #E0E0E0: luminance 0.745, on white (1.0): 1.05 / 0.795 = 1.32, under 3:1
    path = write(tmp_path, 'colours:\n  measure:\n    fill: "#CFE0F1"\n    stroke: "#E0E0E0"\n')
    with pytest.raises(gv.ThemeError) as caught:
        load_theme(path)
    assert str(caught.value) == (
        f"{path}:4: colours.measure.stroke: #E0E0E0 on the paper has a contrast of 1.3:1, "
        "under 3.0:1 (WCAG 1.4.11); use a darker colour"
    )
    # at risk's own hue (2.2:1) is gevinst's, not the theme's: a theme may keep it
    assert Theme().statuses["at_risk"].stroke == STATUS_STYLES["at_risk"].stroke


# -- refused files --------------------------------------------------------------------------

_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)

REFUSED = [
    # (file text, line, what the message must say)
    ("name: X\nfont: Arial\ncolour: {}\n", 3, "unknown key 'colour' (did you mean 'colours'?)"),
    ('colours:\n  goals: "#CFE0F1"\n', 2, "unknown key 'goals' (did you mean 'goal'?)"),
    ('colours:\n  goal: {fill: "#CFE0F1", border: "#000000"}\n', 2, "unknown key 'border'"),
    ('colours:\n  goal: "#12345"\n', 2, "'#12345' is not a colour; write it as \"#RRGGBB\""),
    ("colours:\n  goal: red\n", 2, "'red' is not a colour"),
    ("colours:\n  goal: #CFE0F1\n", 2, "colours.goal is empty: a colour is written in quotes"),
    ("colours: [goal]\n", 1, "colours is a mapping of kinds and statuses"),
    ("font: 'Arial; } body { display: none'\n", 1, "font must be one font family name"),
    ("font: 12\n", 1, "font must be one font family name"),
    ("logo: finnes-ikke.png\n", 1, "does not exist; give the path of a PNG, JPEG or SVG"),
    ("name: X\nlogo: tema.yaml\n", 2, "is not a PNG, JPEG or SVG picture"),
    ("name: [X]\n", 1, "name is the organisation's name"),
    ("font: [Arial\n", 2, "YAML syntax error"),
    ("- font\n- logo\n", None, "a theme file is a YAML mapping"),
    ("font: !!python/object:os.system ls\n", 1, "YAML tags"),
    (_BOMB, 1, "anchors and aliases (&name, *name) are not allowed in a theme file"),
    ("font: Arial\nfont: Calibri\n", 2, "duplicate key 'font'"),
]


@pytest.mark.parametrize(("text", "line", "said"), REFUSED)
def test_a_bad_theme_file_is_refused_where_it_is_wrong(
    tmp_path: Path, text: str, line: int | None, said: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(gv.ThemeError) as caught:
        load_theme(path)
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(caught.value).startswith(where), str(caught.value)
    assert said in str(caught.value)
    assert caught.value.source == str(path) and caught.value.line == line


def test_an_svg_logo_with_entities_is_refused(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&a;&a;</text></svg>',
        "utf-8",
    )
    with pytest.raises(gv.ThemeError, match="is not a PNG, JPEG or SVG picture"):
        load_theme(write(tmp_path, "logo: logo.svg\n"))


def test_files_that_are_not_themes(tmp_path: Path) -> None:
    with pytest.raises(gv.ThemeError, match="cannot be read"):
        load_theme(tmp_path / "finnes-ikke.yaml")
    (tmp_path / "logo.png").write_bytes(PNG)
    with pytest.raises(gv.ThemeError, match="not text"):
        load_theme(tmp_path / "logo.png")
    big = write(tmp_path, "# " + "x" * MAX_THEME_BYTES + "\n", "stor.yaml")
    with pytest.raises(gv.ThemeError, match="too large for a theme file"):
        load_theme(big)


def test_a_theme_error_is_a_value_error() -> None:
    assert issubclass(gv.ThemeError, ValueError) and issubclass(gv.ThemeError, gv.GevinstError)


# -- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("colour: {}\n", ":1: unknown key 'colour'"),
        ('colours:\n  goal: "#12345"\n', ":2: colours.goal: '#12345' is not a colour"),
        ("logo: borte.png\n", ":1: the logo"),
        ("font: [Arial\n", ":2: YAML syntax error"),
        (_BOMB, ":1: anchors and aliases"),
    ],
)
@pytest.mark.parametrize(("command", "output"), [("render", "kart.svg"), ("report", "r.pptx")])
def test_the_cli_exits_1_with_the_place_and_writes_nothing(
    tmp_path: Path, text: str, said: str, command: str, output: str
) -> None:
    theme = write(tmp_path, text)
    target = tmp_path / output
    args = [command, str(MINIMAL), "-o", str(target), "--theme", str(theme), "--lang", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert f"error: {theme}{said}" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tema.yaml"]


def test_the_cli_will_not_write_over_the_theme_or_its_logo(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    theme = write(tmp_path, "logo: logo.png\n")
    for target, role in ((tmp_path / "logo.png", "logoen i temaet"), (theme, "temafilen")):
        result = CliRunner().invoke(
            cli, ["render", str(MINIMAL), "-o", str(target), "--theme", str(theme)]
        )
        assert result.exit_code == 1
        assert f"{target} er {role}; velg en annen fil" in result.output  # a Norwegian plan
    assert (tmp_path / "logo.png").read_bytes() == PNG


def test_the_cli_draws_with_a_theme(tmp_path: Path) -> None:
    target = tmp_path / "kart.svg"
    result = CliRunner().invoke(
        cli, ["render", str(MINIMAL), "-o", str(target), "--theme", str(EXAMPLE)]
    )
    assert result.exit_code == 0, result.output
    assert 'fill="#CFE0F1"' in target.read_text("utf-8")
