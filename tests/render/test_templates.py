"""The HTML pages come from Jinja templates with autoescape on: a name is text wherever
a template puts it (element content, attribute, title), the data JSON cannot end its
script, and a name that looks like a template stays as written."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from importlib.resources import files

import jinja2
import pytest
from markupsafe import Markup

import gevinst as gv
from gevinst.render import render_bytes
from gevinst.render._templates import environment, script_json
from gevinst.report import report_bytes

SCRIPT = "<script>alert(1)</script>"
NAME = f"{SCRIPT} \"q\" 'a' & {{{{ 7*7 }}}} <b>fet</b>"


class _Page(HTMLParser):
    """Every tag with its attributes, and the text inside each tag."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "input", "br", "rect", "path", "polygon", "ellipse"):
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text.setdefault(self._open[-1], []).append(data)

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


def _parse(page: bytes) -> _Page:
    parser = _Page()
    parser.feed(page.decode("utf-8"))
    parser.close()
    return parser


def _hostile_plan() -> gv.Plan:
    plan = gv.Plan.new("p", NAME)
    plan.add_goal("G1", NAME)
    plan.add_benefit("B1", NAME, contributes_to=[{"to": "G1", "note": NAME}])
    return plan


def test_the_environment_autoescapes_every_template() -> None:
    env = environment()
    names = env.list_templates()
    assert {"map.html.j2", "report.html.j2", "_page.html.j2", "_map.html.j2"} <= set(names)
    for name in names:
        on = env.autoescape(name) if callable(env.autoescape) else env.autoescape
        assert on is True, name
    assert env.undefined is jinja2.StrictUndefined
    assert env.from_string("{{ x }}").render(x=SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_a_missing_value_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(jinja2.UndefinedError):
        environment().get_template("map.html.j2").render(lang="nb")


@pytest.mark.parametrize("kind", ["map", "report"])
def test_a_script_name_is_text_in_both_pages(kind: str) -> None:
    plan = _hostile_plan()
    page = render_bytes(plan, "html") if kind == "map" else report_bytes(plan, "html")
    parsed = _parse(page)
    assert parsed.names().count("script") == 2  # the map's data and the page's own script
    assert "b" not in parsed.names()
    assert "".join(parsed.text["title"]).startswith(f"{NAME} · ")  # as written, not 49
    if kind == "report":
        assert "".join(parsed.text["h1"]) == NAME
        assert NAME in parsed.text["td"]
    data = page.decode("utf-8").split('id="gevinst-data">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&") & set(data)
    facts = json.loads(data)
    assert facts["elements"]["G1"]["name"] == NAME


def test_attributes_are_escaped_too() -> None:
    """The templates, given hostile text where our own words go, still make no markup."""
    from gevinst.render.html import MapUI

    hostile = '"><img src=x onerror=alert(1)>'
    ui = MapUI(
        search=hostile,
        hint=hostile,
        svg=Markup("<svg></svg>"),
        facts={"x": hostile},
        label=hostile,
        fit=hostile,
    )
    page = (
        environment()
        .get_template("map.html.j2")
        .render(lang=hostile, title=hostile, kind=hostile, map_ui=ui)
    )
    parsed = _parse(page.encode("utf-8"))
    assert "img" not in parsed.names()
    attrs = dict(parsed.tags)
    assert attrs["html"]["lang"] == hostile
    assert attrs["input"]["placeholder"] == f"{hostile} …"
    assert [a["aria-label"] for _, a in parsed.tags if a.get("role") == "region"] == [hostile]
    assert not any(key.startswith("on") for _, a in parsed.tags for key in a)


def test_script_json_keeps_its_unicode_escapes() -> None:
    text = script_json({"a": "</script><!-- & \u2028"})
    assert isinstance(text, Markup)
    assert str(text) == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(str(text)) == {"a": "</script><!-- & \u2028"}


@pytest.mark.parametrize("name", ["map.css", "map.js", "report.css"])
def test_style_and_script_reach_the_page_as_written(name: str) -> None:
    """Jinja reads the included CSS and JavaScript too: nothing in them may look like
    template syntax, so the page holds each file unchanged."""
    source = (files("gevinst") / "templates" / name).read_text("utf-8")
    plan = gv.Plan.new("p", "Demo")
    plan.add_goal("G1", "Mål")
    page = report_bytes(plan, "html").decode("utf-8")
    assert source in page
    if name.startswith("map"):
        assert source in render_bytes(plan, "html").decode("utf-8")
