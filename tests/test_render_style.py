"""Label wrapping (gevinst.theme.wrap): the same lines as the measured-again wrap
it replaces, in time linear in the text (the budget for long words is checked by the
hostile catalogue: tests/hostile/long_word_*.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gevinst.theme import clean_text, text_width, wrap


def reference_wrap(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    """The wrap before issue 11, which measured every candidate from its start."""
    lines: list[str] = []
    for paragraph in clean_text(text).split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while text_width(word, size, bold) > width:
                cut = len(word) - 1
                while cut > 1 and text_width(word[:cut] + "-", size, bold) > width:
                    cut -= 1
                lines.append(word[:cut] + "-")
                word = word[cut:]
            current = word
        if current:
            lines.append(current)
    return tuple(lines) or ("",)


WORDS = st.text(alphabet="iIlmMWæøå.-1 \n\t\x07", min_size=0, max_size=12) | st.text(
    alphabet="mMWil", min_size=20, max_size=150
)
TEXTS = st.lists(WORDS, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    text=TEXTS,
    width=st.sampled_from([30.0, 60.0, 100.0, 150.0, 185.0, 400.0]),
    size=st.sampled_from([9.0, 10.0, 12.5]),
    bold=st.booleans(),
)
def test_wrap_gives_the_lines_of_the_old_wrap(
    text: str, width: float, size: float, bold: bool
) -> None:
    assert wrap(text, width, size, bold) == reference_wrap(text, width, size, bold)


@settings(max_examples=200, deadline=None)
@given(word=st.text(alphabet="xmiW", min_size=1, max_size=3000), width=st.floats(30.0, 400.0))
def test_a_long_word_is_cut_into_lines_that_fit(word: str, width: float) -> None:
    lines = wrap(word, width)
    assert "".join(line.removesuffix("-") for line in lines[:-1]) + lines[-1] == word
    for line in lines:
        assert text_width(line) <= width or len(line.removesuffix("-")) == 1
