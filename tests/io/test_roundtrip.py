"""Round trips: load(save(plan)) == plan for every plan, in YAML and JSON, byte-stable."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

import gevinst as gv
from tests.strategies import plans

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plans())
def test_yaml_round_trip(plan: gv.Plan) -> None:
    text = gv.dumps(plan, "yaml")
    again = gv.loads(text)
    assert again == plan
    assert gv.dumps(again, "yaml") == text


@SETTINGS
@given(plans())
def test_json_round_trip(plan: gv.Plan) -> None:
    text = gv.dumps(plan, "json")
    again = gv.loads(text, "json")
    assert again == plan
    assert gv.dumps(again, "json") == text


@settings(max_examples=30, deadline=None)
@given(plans())
def test_save_and_load_files(tmp_path_factory: object, plan: gv.Plan) -> None:
    folder = Path(tmp_path_factory.mktemp("plans"))
    for suffix in (".yaml", ".json"):
        path = folder / f"plan{suffix}"
        gv.save(plan, path)
        assert gv.load(path) == plan


def test_example_round_trips(bergen: gv.Plan, tmp_path: Path) -> None:
    path = tmp_path / "bergen.yaml"
    gv.save(bergen, path)
    assert gv.load(path) == bergen
    first = path.read_bytes()
    gv.save(gv.load(path), path)
    assert path.read_bytes() == first
    assert "Bergens barn, byens framtid" in first.decode("utf-8")
    assert "Høyere kvalitet" in first.decode("utf-8")  # æøå kept readable, not escaped
