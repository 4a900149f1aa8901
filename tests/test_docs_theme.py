"""docs/theme.md is followed as a reader would (see tests/test_docs_guides.py): every
command prints what the page shows, and what it writes carries the theme."""

from __future__ import annotations

from pathlib import Path

from tests.test_docs_guides import DOCS, replay, steps


def test_the_theme_page_is_followed_step_by_step(tmp_path: Path) -> None:
    text = (DOCS / "theme.md").read_text("utf-8")
    kinds = [step.kind for step in steps(text)]
    assert kinds.count("save") == 4 and kinds.count("python") == 1  # logo, theme, plan, bad one
    problems = replay(text, tmp_path)
    assert not problems, "\n\n".join(problems)
    assert 'fill="#CFE0F1"' in (tmp_path / "kart.svg").read_text("utf-8")
    report = (tmp_path / "rapport.html").read_text("utf-8")
    assert 'alt="Logoen til Eksempel kommune"' in report
    assert 'src="data:image/svg+xml;base64,' in report
    assert not (tmp_path / "feil.svg").exists()  # the refused theme wrote nothing
