"""docs/gallery.py makes every picture the gallery, the tutorial and the how-to show.

The script is run into a temporary folder (the deck slides only where LibreOffice and
poppler are installed) and must make exactly the pictures the pages link to, as PNG
files that Pillow reads, within the size budget of the documentation.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _gallery() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_gallery", DOCS / "gallery.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shown(page: str) -> set[str]:
    text = (DOCS / page).read_text("utf-8")
    return set(re.findall(r"!\[[^\]]*\]\((?:\.\./)?img/((?:gallery|tutorial|howto)/[^)]+)\)", text))


PAGES = ["gallery.md", "tutorial.md", "howto/quarterly-review.md"]


def test_the_pages_show_only_pictures_that_are_committed() -> None:
    shown = set().union(*map(_shown, PAGES))
    assert len(shown) >= 30
    on_disk = {
        p.relative_to(DOCS / "img").as_posix()
        for folder in ("gallery", "tutorial", "howto")
        for p in (DOCS / "img" / folder).glob("*.png")
    }
    assert shown == on_disk  # no picture missing, none left over
    size = sum((DOCS / "img" / name).stat().st_size for name in on_disk)
    assert size < 8_000_000


def test_the_script_makes_every_picture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    gallery = _gallery()
    slides = gallery.can_draw_slides()
    args = ["--out", str(tmp_path)] + ([] if slides else ["--no-slides"])
    assert gallery.main(args) == 0
    made = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.png")}
    expected = set().union(*map(_shown, PAGES))
    if not slides:  # without LibreOffice the slides are left out, and only they
        expected = {name for name in expected if "slide" not in name and "deck" not in name}
    assert made == expected
    for name in made:
        with Image.open(tmp_path / name) as image:
            assert image.format == "PNG"
            assert 400 <= image.width <= gallery.MAX_WIDTH, name
    assert f"wrote {len(made)} pictures" in capsys.readouterr().out
