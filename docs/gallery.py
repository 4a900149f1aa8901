"""Make every picture of the gallery (docs/gallery.md) and of the tutorial from examples/.

Run it from anywhere; it writes PNG files only:

    python docs/gallery.py                 # into docs/img/gallery, tutorial and howto
    python docs/gallery.py --out /tmp/g    # somewhere else (the tests do this)
    python docs/gallery.py --large-deck    # only the 400-element deck's slides (img/deck)

The maps and charts come from the two bundled examples (Bergen at its review on
1 October 2025, Modulus Barn at the end of 2025 with its measurement CSV). The slides
come from the council deck: gevinst writes the .pptx, LibreOffice turns it into a PDF
(``soffice --headless --convert-to pdf``) and poppler into PNG (``pdftoppm``). Where
``soffice`` or ``pdftoppm`` is missing, the slides are left out and the script says so.
The pictures of the tutorial and of the quarterly-review guide come from following
those pages in a temporary folder, with the same code the test suite uses to check
them (tests/test_docs_guides.py).

Same examples in, same pictures out: nothing random, no dates in the files, and the
large map pictures are scaled down to keep the documentation small.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BERGEN = EXAMPLES / "bergen_barnevern" / "plan.yaml"
MODULUS = EXAMPLES / "modulus_barn" / "plan.yaml"
MODULUS_CSV = EXAMPLES / "modulus_barn" / "measurements.csv"
BERGEN_AT = "2025-10-01"
MODULUS_AT = "2025-12-31"
MAX_WIDTH = 1800  # pixels: sharp on a laptop screen, small enough for the repository
SLIDE_DPI = 80  # 1067 x 600 pixels for a 16:9 slide

# The deck slides shown, found by the start of their title (so a new slide in the deck
# does not shift the pictures): picture name -> title.
BERGEN_SLIDES = {
    "bergen-slide-title": None,  # the first slide
    "bergen-slide-map": "Gevinstkart",
    "bergen-slide-status": "Oversikt",  # the overview: objectives and their status
    "bergen-slide-indicators": "Indikatorer: forventet og realisert",
    "bergen-slide-stakeholders": "Interessenter",
    "bergen-slide-money": "Økonomi",
}
TUTORIAL_SLIDES = {
    "deck-map": "Gevinstkart",
    "deck-status": "Oversikt",
    "deck-indicators": "Indikatorer: forventet og realisert",
    "deck-money": "Økonomi",
    "deck-uncertainty": "Usikkerhet",
}


def _shrink(data: bytes) -> bytes:
    """PNG bytes no wider than MAX_WIDTH, saved without any date or software tag."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    if image.width > MAX_WIDTH:
        height = round(image.height * MAX_WIDTH / image.width)
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    # Maps, charts and slides are flat colours and text: 256 colours look the same and
    # take a third of the space. No dithering, so the result does not depend on noise.
    image = image.convert("RGB").quantize(
        colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _write(folder: Path, name: str, data: bytes, made: list[Path]) -> None:
    path = folder / f"{name}.png"
    path.write_bytes(_shrink(data))
    made.append(path)


def maps_and_charts(folder: Path) -> list[Path]:
    """The maps and charts of both examples, in Norwegian and English."""
    import gevinst as gv
    from gevinst.charts.results import (
        figure_bytes,
        impact_chart,
        indicator_chart,
        money_chart,
        stakeholder_chart,
        status_chart,
    )
    from gevinst.render import render_bytes

    made: list[Path] = []
    bergen = gv.load(BERGEN)
    modulus = gv.load(MODULUS, measurements=MODULUS_CSV)
    b_ev = gv.evaluate(bergen, at=BERGEN_AT)
    m_ev = gv.evaluate(modulus, at=MODULUS_AT)

    def map_(name: str, plan: gv.Plan, **options: object) -> None:
        _write(folder, name, render_bytes(plan, ".png", **options), made)  # type: ignore[arg-type]

    map_("bergen-map-nb", bergen)
    map_("bergen-map-en", bergen, language="en")
    map_("modulus-map-nb", modulus)
    map_("modulus-map-en", modulus, language="en")
    map_("bergen-status-map", bergen, evaluation=b_ev)
    map_("modulus-status-map-en", modulus, evaluation=m_ev, language="en")
    map_("bergen-focus-b4", bergen, focus="B4")
    map_("bergen-focus-o4-en", bergen, focus="O4", depth=2, language="en")
    map_("bergen-kinds", bergen, kinds=["measure", "benefit", "goal"])
    map_("bergen-assumptions", bergen, focus="B4", depth=1, assumptions=True)

    def chart(name: str, figure: object) -> None:
        _write(folder, name, figure_bytes(figure, "png"), made)  # type: ignore[arg-type]

    chart("bergen-indicator-i1", indicator_chart(b_ev, "I1"))
    chart("bergen-indicator-i8-en", indicator_chart(b_ev, "I8", language="en"))
    chart("modulus-indicator-i1", indicator_chart(m_ev, "I1"))
    chart("bergen-status-chart", status_chart(b_ev))
    chart("modulus-status-chart-en", status_chart(m_ev, language="en"))
    chart("bergen-money", money_chart(b_ev))
    chart("modulus-money-en", money_chart(m_ev, language="en"))
    chart("bergen-stakeholders", stakeholder_chart(bergen))
    chart("modulus-stakeholders-en", stakeholder_chart(modulus, language="en"))
    chart("bergen-impacts", impact_chart(bergen))
    return made


def can_draw_slides() -> bool:
    """Whether LibreOffice and poppler are there to turn a deck into pictures."""
    return shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None


def slides(deck: Path, wanted: dict[str, str | None], folder: Path) -> list[Path]:
    """PNG pictures of the slides of ``deck`` whose titles start as in ``wanted``."""
    from pptx import Presentation

    titles: list[str] = []
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title
        titles.append(title.text_frame.text if title is not None else "")
    numbers: dict[str, int] = {}
    for name, start in wanted.items():
        if start is None:
            numbers[name] = 1
            continue
        found = [n for n, text in enumerate(titles, 1) if text.startswith(start)]
        if not found:
            raise SystemExit(f"{deck.name}: no slide title starts with {start!r}: {titles}")
        numbers[name] = found[0]
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        # a profile of its own, so a LibreOffice already open does not take the job
        profile = (work / "profile").as_uri()
        soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
        assert soffice is not None and pdftoppm is not None, "check can_draw_slides() first"
        convert = [soffice, f"-env:UserInstallation={profile}", "--headless"]
        convert += ["--convert-to", "pdf", "--outdir", str(work), str(deck)]
        subprocess.run(convert, check=True, capture_output=True, timeout=300)
        pdf = work / f"{deck.stem}.pdf"
        for name, number in numbers.items():
            stem = work / name
            page = ["-f", str(number), "-l", str(number), "-singlefile"]
            draw = [pdftoppm, "-png", "-r", str(SLIDE_DPI), *page, str(pdf), str(stem)]
            subprocess.run(draw, check=True, capture_output=True, timeout=120)
            _write(folder, name, stem.with_suffix(".png").read_bytes(), made)
    return made


def bergen_slides(folder: Path) -> list[Path]:
    """Slides of the Bergen council deck at its review date."""
    import gevinst as gv

    with tempfile.TemporaryDirectory() as temp:
        deck = Path(temp) / "bergen.pptx"
        gv.report(gv.load(BERGEN), deck, at=BERGEN_AT)
        return slides(deck, BERGEN_SLIDES, folder)


#: Slides of the 400-element deck (docs/reports.md, "after"): the overview of goals and
#: status, the first drill-down of the map (an objective and what feeds it) and a map
#: slide of one benefit and its measures.
LARGE_SLIDES = {
    "large-deck-overview": "Oversikt",
    "large-deck-drilldown": "Gevinstkart: Effektmål",
    "large-deck-map": "Gevinstkart: Mer tid",
}


def large_deck_slides(folder: Path) -> list[Path]:
    """Slides of the council deck of the 400-element plan of benchmarks/generate.py
    (200 measures, as planned): ``python docs/gallery.py --large-deck``."""
    import gevinst as gv

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import portfolio_plan
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    with tempfile.TemporaryDirectory() as temp:
        deck = Path(temp) / "large.pptx"
        gv.report(portfolio_plan(200), deck)
        return slides(deck, LARGE_SLIDES, folder)


def follow(page: str, then: Callable[[Path], None], copy: Path | None = None) -> None:
    """Follow a docs page in a temporary folder, as the tests do; then call ``then`` there."""
    sys.path.insert(0, str(ROOT))
    from tests.test_docs_guides import replay

    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp) / "work"
        if copy is not None:
            shutil.copytree(copy, work)
        work.mkdir(exist_ok=True)
        problems = replay((ROOT / "docs" / page).read_text("utf-8"), work)
        if problems:
            shown = "\n".join(problems)
            raise SystemExit(f"docs/{page} no longer shows what gevinst prints:\n\n{shown}")
        then(work)


def tutorial(folder: Path, with_slides: bool) -> list[Path]:
    """The pictures docs/tutorial.md shows: its map, its grid and slides of its deck."""
    made: list[Path] = []

    def keep(work: Path) -> None:
        for name in ["gevinstkart", "interessenter"]:
            _write(folder, name, (work / f"{name}.png").read_bytes(), made)
        if with_slides:
            made.extend(slides(work / "rapport.pptx", TUTORIAL_SLIDES, folder))

    follow("tutorial.md", keep)
    return made


def quarterly_review(folder: Path) -> list[Path]:
    """The status map docs/howto/quarterly-review.md shows."""
    made: list[Path] = []

    def keep(work: Path) -> None:
        name = "status-2026-01-15"
        _write(folder, name, (work / f"{name}.png").read_bytes(), made)

    follow("howto/quarterly-review.md", keep, EXAMPLES / "bergen_barnevern")
    return made


def main(argv: list[str] | None = None) -> int:
    """Draw every picture; with the embedded Graphviz, as a user without Graphviz sees it."""
    before = os.environ.get("GEVINST_GRAPHVIZ")
    os.environ["GEVINST_GRAPHVIZ"] = before or "wasm"
    try:
        return _draw(argv)
    finally:
        if before is None:
            del os.environ["GEVINST_GRAPHVIZ"]


def _draw(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(description="Make the gallery and tutorial pictures.")
    parser.add_argument("--out", type=Path, help="write here instead of docs/img")
    parser.add_argument("--no-slides", action="store_true", help="leave out the deck slides")
    parser.add_argument(
        "--large-deck",
        action="store_true",
        help="only the slides of the 400-element deck, into img/deck (docs/reports.md)",
    )
    args = parser.parse_args(argv)
    base = args.out or ROOT / "docs" / "img"
    if args.large_deck:
        if not can_draw_slides():
            print("soffice or pdftoppm not found: no slides drawn")
            return 1
        (base / "deck").mkdir(parents=True, exist_ok=True)
        made = large_deck_slides(base / "deck")
        print(f"wrote {len(made)} pictures under {base / 'deck'}")
        return 0
    gallery, tutorial_folder, howto = base / "gallery", base / "tutorial", base / "howto"
    for folder in (gallery, tutorial_folder, howto):
        folder.mkdir(parents=True, exist_ok=True)
    with_slides = not args.no_slides and can_draw_slides()
    if not args.no_slides and not with_slides:
        print("soffice or pdftoppm not found: the deck slides are left out")
    steps: list[Callable[[], list[Path]]] = [lambda: maps_and_charts(gallery)]
    if with_slides:
        steps.append(lambda: bergen_slides(gallery))
    steps.append(lambda: tutorial(tutorial_folder, with_slides))
    steps.append(lambda: quarterly_review(howto))
    made = [path for step in steps for path in step()]
    size = sum(path.stat().st_size for path in made)
    print(f"wrote {len(made)} pictures ({size / 1e6:.1f} MB) under {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
