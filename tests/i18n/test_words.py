"""The one word table: every nb/en text is a whole sentence in gevinst/i18n/words.py.

The tests read the package's source with :mod:`ast`: a module that picks a Norwegian or
an English text by comparing the language to ``"nb"``/``"en"`` fails here, as does a word
with a text missing in one language, with other ``{fields}`` in nb than in en, or that
nothing in the package uses.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from gevinst.i18n.words import WORDS, t

PACKAGE = Path(__file__).resolve().parents[2] / "gevinst"
WORDS_MODULE = "i18n/words.py"

#: (module, function) that compare a language to "nb"/"en" for something other than a
#: text of words; each says why it may.
ALLOWED: dict[tuple[str, str], str] = {
    # numbers, dates and months as each language writes them: the formats module
    ("i18n/formats.py", "<module>"): "month names for dates",
    ("i18n/formats.py", "format_number"): "decimal comma and thousands separator",
    ("i18n/formats.py", "format_date"): "day-month order and abbreviation",
    ("i18n/formats.py", "format_quantity"): "decimal comma and thousands separator",
    ("i18n/formats.py", "format_exact"): "decimal comma",
    ("i18n/formats.py", "_percent_sign"): "the space before the percent sign",
    ("i18n/formats.py", "format_money"): "an amount in millions as each language writes it",
    # number formatting still outside i18n/formats.py: a chart axis unit
    ("charts/money.py", "_money_scale"): "axis unit of amounts: part of number formatting",
    # codes, not texts
    ("report/pptx/deck.py", "pptx_report"): "the deck's locale code (nb-NO, en-GB)",
    ("i18n/words.py", "t"): "the table itself",
    # whole documents, not words: the starter plan in each language
    ("io/starter.py", "starter_plan"): "the starter plan file in nb or en",
}


def _language_choices(path: Path) -> list[tuple[str, int, str]]:
    """(function, line, source) of each ``== "nb"``/``!= "en"``, dict keyed by language,
    and function taking ``nb`` and ``en`` texts as parameters in ``path``."""
    found: list[tuple[str, int, str]] = []
    scope: list[str] = []

    class Visitor(ast.NodeVisitor):
        def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
            names = {a.arg for a in (*node.args.args, *node.args.kwonlyargs)}
            if {"nb", "en"} <= names:
                found.append((node.name, node.lineno, f"def {node.name}(..., nb, en)"))
            scope.append(node.name)
            self.generic_visit(node)
            scope.pop()

        visit_AsyncFunctionDef = visit_FunctionDef

        def visit_Compare(self, node: ast.Compare) -> None:
            if any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops):
                for side in (node.left, *node.comparators):
                    if isinstance(side, ast.Constant) and side.value in ("nb", "en"):
                        found.append(
                            (scope[-1] if scope else "<module>", node.lineno, ast.unparse(node))
                        )
            self.generic_visit(node)

        def visit_Dict(self, node: ast.Dict) -> None:
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if keys & {"nb", "en"}:
                found.append((scope[-1] if scope else "<module>", node.lineno, "{'nb': ...}"))
            self.generic_visit(node)

    Visitor().visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_but_the_table_picks_texts_by_language() -> None:
    wrong = []
    for path in _sources():
        module = path.relative_to(PACKAGE).as_posix()
        for function, line, source in _language_choices(path):
            if (module, function) not in ALLOWED:
                wrong.append(f"gevinst/{module}:{line} in {function}: {source}")
    assert not wrong, "put the texts in gevinst/i18n/words.py and use t(key, lang):\n" + "\n".join(
        wrong
    )


def test_the_guard_sees_each_way_of_choosing(tmp_path: Path) -> None:
    """The walk above finds a comparison, a dict by language and an (nb, en) helper."""
    source = tmp_path / "m.py"
    source.write_text(
        "def a(lang):\n    return 'Ja' if lang == 'nb' else 'Yes'\n"
        "def b(lang):\n    return {'nb': 'Ja', 'en': 'Yes'}[lang]\n"
        "def c(data, nb, en):\n    return nb\n"
        "def d(lang):\n    return lang in ('nb', 'en')\n",
        encoding="utf-8",
    )
    assert [(f, line) for f, line, _ in _language_choices(source)] == [("a", 2), ("b", 4), ("c", 5)]


def test_every_allowed_choice_is_still_there() -> None:
    """An allowance whose comparison has gone (moved to i18n/formats.py) is removed here."""
    present = {
        (path.relative_to(PACKAGE).as_posix(), function)
        for path in _sources()
        for function, _, _ in _language_choices(path)
    }
    assert set(ALLOWED) - present == set()


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_word_has_nb_and_en_with_the_same_fields(key: str) -> None:
    nb, en = WORDS[key]
    assert nb.strip() and en.strip(), f"{key}: a text is empty"
    fields = [
        {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        for text in (nb, en)
    ]
    assert fields[0] == fields[1], f"{key}: nb has {fields[0]}, en has {fields[1]}"


def test_fields_are_filled_in_whole_sentences() -> None:
    """Worked out by hand: the sentence keeps its words around the filled-in fields."""
    assert t("deck_off_track_here", "nb").format(names="A; B") == "Ikke i rute her: A; B."
    assert t("list_and", "en").format(items="a, b", last="c") == "a, b and c"
    assert t("deck_more", "nb").format(count=3) == "+3 flere"
    assert t("deck_more", "en").format(count=3) == "+3 more"


def _constants_in_package() -> set[str]:
    """Every string constant in gevinst/ but the table, and the words of the templates."""
    found: set[str] = set()
    for path in _sources():
        if path.relative_to(PACKAGE).as_posix() == WORDS_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_word_is_used_in_the_package() -> None:
    """A key that no module names (as a string) is a dead word: remove it or use it."""
    used = _constants_in_package()
    dead = sorted(key for key in WORDS if key not in used)
    assert dead == []


def test_an_unknown_key_is_shown_as_itself() -> None:
    assert t("no such word", "en") == "no such word"
    assert t("benefit", "en") == "Benefit"
    assert t("benefit", "nb") == "Gevinst"
