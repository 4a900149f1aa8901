"""The page's closed choice lists are the model's (gevinst.field_types.CLOSED)."""

from __future__ import annotations

from gevinst.workshop.page import CHOICES, page_words


def test_the_choice_lists_are_those_the_page_always_offered() -> None:
    assert CHOICES == {
        "status": ("idea", "planned", "pilot", "implemented", "stopped"),
        "type": ("efficiency", "quality", "other_actors"),
        "category": ("budget", "redeployment", "public_sector", "non_priced"),
        "risk": ("low", "medium", "high"),
        "power": ("none", "low", "medium", "high"),
        "interest": ("none", "low", "medium", "high"),
        "attitude": ("supportive", "neutral", "resistant"),
        "direction": ("increase", "decrease"),
    }


def test_each_choice_list_is_the_models_own() -> None:
    from gevinst.field_types import CLOSED

    for field, values in CHOICES.items():
        assert values is CLOSED[{"power": "scale", "interest": "scale"}.get(field, field)]


def test_the_page_offers_both_relations_in_both_languages() -> None:
    assert page_words("nb")["words"]["mitigates"] == "demper"  # type: ignore[index]
    assert page_words("en")["words"]["ws_unmitigate"] == "Remove the mitigation of {name}"  # type: ignore[index]
