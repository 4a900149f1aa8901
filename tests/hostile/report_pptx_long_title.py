"""A plan title and organisation over 255 characters with ``report -o deck.pptx``:
python-pptx refuses document properties that long, and the user got its traceback. The
title slide keeps the whole title; only the document properties are cut, with '…'."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import EXAMPLE

TITLE = "Gevinstplan " + "for barnevernet i Bergen " * 13
ORGANISATION = "Bergen kommune, " + "Etat for barn og familie, " * 12


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    text = EXAMPLE.read_text("utf-8").replace(
        "title: Minimal plan", f"title: {TITLE}\n  organisation: {ORGANISATION}"
    )
    plan.write_text(text, "utf-8")
    deck = tmp / "deck.pptx"

    def read_back(output: str) -> None:
        from pptx import Presentation

        presentation = Presentation(str(deck))
        props = presentation.core_properties
        assert len(props.title) == 255 and props.title.endswith("\u2026"), props.title
        assert TITLE.strip().startswith(props.title[:-1])
        assert len(props.author) == 255 and props.author.endswith("\u2026")
        first = " ".join(
            s.text_frame.text for s in presentation.slides[0].shapes if s.has_text_frame
        )
        assert TITLE.strip() in " ".join(first.split()), first

    return Case(args=["report", str(plan), "-o", str(deck)], exit=0, check=read_back)
