"""The GV rules (SPEC section 4): each code fires where it should and only there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.analysis.checks import CODES
from gevinst.personal_data import is_national_id


def clean() -> gv.Plan:
    """A plan with no findings at all."""
    plan = gv.Plan.new("p", "P", owner="leder")
    plan.add_goal("G1", "Mål")
    plan.add_objective("O1", "Effektmål", contributes_to=["G1"])
    plan.add_benefit("B1", "Gevinst", owner="leder", indicators=["I1"], contributes_to=["O1"])
    plan.add_change("C1", "Endring", contributes_to=["B1"])
    plan.add_measure("M1", "Tiltak", contributes_to=["C1"])
    plan.add_stakeholder(
        "leder", "Leder", power="high", interest="high", impacts={"B1": "positive"}
    )
    plan.add_indicator(
        "I1",
        "Ventetid",
        direction="decrease",
        baseline={"date": "2024-01-01", "value": 30},
        targets=[{"date": "2025-12-31", "value": 20}],
        source="Fagsystemet",
    )
    plan.add_measurement("I1", "2024-06-30", 27)
    return plan


def codes(plan: gv.Plan) -> list[tuple[str, str | None]]:
    return [(f.code, f.element) for f in gv.check(plan)]


def test_clean_plan_has_no_findings() -> None:
    assert gv.check(clean()) == []


def test_examples_have_no_errors(bergen: gv.Plan, minimal: gv.Plan) -> None:
    assert gv.check(bergen) == []
    assert [f for f in gv.check(minimal) if f.severity == "error"] == []


def _mutations() -> dict[str, tuple[Callable[[gv.Plan], object], str | None]]:
    def dup(p: gv.Plan) -> None:
        p.add_goal("B1", "Dobbel")

    return {
        "GV001": (dup, "B1"),
        "GV002": (lambda p: p.link("B1", "O9"), "B1"),
        "GV003": (lambda p: p.link("O1", "O1"), "O1"),
        "GV004": (lambda p: p.link("O1", "B1"), "O1"),
        "GV005": (
            lambda p: (
                p.add_benefit("B2", "To", contributes_to=[{"to": "O1", "weight": 0.7}]),
                setattr(p.benefits[0].contributes_to[0], "weight", 0.6),
            ),
            "O1",
        ),
        "GV006": (
            lambda p: p.indicators[0].targets.append(gv.Target(date="2023-01-01", value=1)),
            "I1",
        ),  # type: ignore[arg-type]
        "GV007": (lambda p: setattr(p.benefits[0], "value", gv.Value(annual=1e308)), "B1"),
        # a measure can only mitigate a dis-benefit; B1 is a benefit
        "GV008": (lambda p: setattr(p.measures[0], "mitigates", [{"to": "B1"}]), "M1"),
        "GV020": (lambda p: setattr(p.benefits[0], "value", gv.Value(annual=[3, 1, 2])), "B1"),
        "GV021": (
            lambda p: setattr(p.benefits[0], "value", gv.Value(annual=1, ramp=[0.5, 1.5])),
            "B1",
        ),
        "GV022": (lambda p: setattr(p.info, "correlation", -0.1), "p"),
        "GV023": (
            lambda p: (
                setattr(p.benefits[0], "value", gv.Value(annual=[1, 2, 3])),
                setattr(p.measures[0], "cost", gv.Cost(one_off=[1, 2, 3], annual=5)),
            ),
            "M1",
        ),
        "GV101": (lambda p: p.add_measure("M2", "Løst tiltak"), "M2"),
        "GV102": (lambda p: p.add_benefit("B2", "Løs", owner="leder", indicators=["I1"]), "B2"),
        "GV103": (lambda p: p.add_goal("G2", "Uten støtte"), "G2"),
        "GV104": (lambda p: setattr(p.benefits[0], "owner", None), "B1"),
        "GV105": (lambda p: setattr(p.benefits[0], "indicators", []), "B1"),
        "GV106": (lambda p: setattr(p.indicators[0], "baseline", None), "I1"),
        "GV107": (lambda p: setattr(p.indicators[0], "targets", []), "I1"),
        "GV108": (lambda p: setattr(p.stakeholders[0], "interest", None), "B1"),
        "GV109": (lambda p: p.add_measurement("I1", "2023-06-30", 31), "I1"),
        "GV110": (lambda p: p.add_stakeholder("s2", "Tilskuer"), "s2"),
        "GV111": (
            lambda p: (
                p.add_benefit(
                    "B0",
                    "Mellom",
                    owner="leder",
                    indicators=["I1"],
                    contributes_to=["B1"],
                    value={"annual": 1},
                ),
                setattr(p.benefits[0], "value", gv.Value(annual=2)),
            ),
            "B0",
        ),
        "GV112": (lambda p: setattr(p.indicators[0], "source", None), "I1"),
        "GV113": (lambda p: setattr(p.stakeholders[0], "attitude", "resistant"), "leder"),
        "GV114": (_measured_long_after, "I1"),
        "GV115": (
            lambda p: (
                p.add_disbenefit("D1", "Ulempe", contributes_to=["O1"]),
                p.add_measure("M2", "Begge", contributes_to=["D1"], mitigates=["D1"]),
            ),
            "M2",
        ),
        "GV201": (lambda p: setattr(p.goals[0], "description", "Sak 150190 10063"), "G1"),
    }


def _measured_long_after(plan: gv.Plan) -> None:
    """I1 measured monthly, and another indicator measured three years after I1's baseline."""
    first = plan.indicators[0]
    first.frequency = "monthly"
    assert first.baseline is not None
    plan.indicators.append(gv.Indicator(id="I9", name="Et annet tall"))
    later = first.baseline.date.replace(year=first.baseline.date.year + 3)
    plan.measurements.append(gv.Measurement(indicator="I9", date=later, value=1))


MUTATIONS = _mutations()


def test_every_code_has_a_mutation() -> None:
    assert sorted(MUTATIONS) == sorted(CODES)


@pytest.mark.parametrize("code", sorted(MUTATIONS))
def test_code_fires(code: str) -> None:
    plan = clean()
    mutate, element = MUTATIONS[code]
    mutate(plan)
    findings = [f for f in gv.check(plan) if f.code == code]
    assert findings, f"{code} did not fire"
    assert any(f.element == element for f in findings), findings
    for finding in findings:
        assert finding.severity == CODES[code][0]
        assert len(finding.message) > 30  # says what is wrong and how to fix it


def test_gv102_for_disbenefit_and_113_for_only_disbenefits() -> None:
    plan = clean()
    plan.add_disbenefit("D1", "Ulempe")
    plan.stakeholders[0].impacts = {"D1": "negative"}
    found = codes(plan)
    assert ("GV102", "D1") in found
    assert ("GV113", "leder") in found


def test_weights_from_disbenefits_not_summed() -> None:
    plan = clean()
    plan.benefits[0].contributes_to[0].weight = 0.8
    plan.add_disbenefit("D1", "Ulempe", contributes_to=[{"to": "O1", "weight": 0.9}])
    assert "GV005" not in [c for c, _ in codes(plan)]


def test_cycle_message_names_cycle() -> None:
    plan = clean()
    plan.add_benefit("B2", "To", contributes_to=["B3"], owner="leder", indicators=["I1"])
    plan.add_benefit("B3", "Tre", contributes_to=["B2"], owner="leder", indicators=["I1"])
    [finding] = [f for f in gv.check(plan) if f.code == "GV003"]
    assert "B2 -> B3 -> B2" in finding.message


def test_allowed_same_level_edges() -> None:
    plan = clean()
    plan.add_disbenefit("D1", "Ulempe", contributes_to=["B1"])
    plan.add_objective("O2", "Overordnet", contributes_to=["G1"])
    plan.link("O1", "O2")
    plan.add_goal("G0", "Delmål", contributes_to=["G1"])
    plan.link("O2", "G0")
    assert "GV004" not in [c for c, _ in codes(plan)]
    plan.add_change("C2", "Endring to", contributes_to=["C1"])
    plan.add_measure("M2", "Tiltak to", contributes_to=["M1"])
    fours = sorted(e for c, e in codes(plan) if c == "GV004")
    assert fours == ["C2", "M2"]


def test_select_and_ignore() -> None:
    plan = clean()
    plan.add_measure("M2", "Løst tiltak")
    plan.add_goal("G2", "Uten støtte")
    assert [f.code for f in gv.check(plan, select=["GV101"])] == ["GV101"]
    assert [f.code for f in gv.check(plan, ignore=["GV1"])] == []
    assert [f.code for f in gv.check(plan, select=["GV1"], ignore=["GV103"])] == ["GV101"]


def test_errors_first() -> None:
    plan = clean()
    plan.add_measure("M2", "Løst tiltak")
    plan.link("O1", "O9")
    severities = [f.severity for f in gv.check(plan)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_national_id_checksum_by_hand() -> None:
    # 150190 100 63: k1 = 11 - (3*1+7*5+6*0+1*1+8*9+9*0+4*1+5*0+2*0) % 11 = 11 - 115 % 11 = 6
    #                k2 = 11 - (5*1+4*5+3*0+2*1+7*9+6*0+5*1+4*0+3*0+2*6) % 11 = 11 - 107 % 11 = 3
    assert is_national_id("15019010063")
    assert not is_national_id("15019010064")  # wrong second check digit
    assert not is_national_id("15019010073")  # wrong first check digit
    assert is_national_id("55019010057")  # D-number: day + 40
    assert not is_national_id("32019010063")  # no 32nd day
    assert not is_national_id("1501901006")


@pytest.mark.parametrize(
    "text",
    [
        "Telefon 55 56 55 56, org.nr. 964 338 531",
        "Saksnummer 2024/12345, budsjett 12345678901 kr",
        "Kontonummer 1234.56.78903",
        "Beløp 10000000000",
    ],
)
def test_no_alarm_on_ordinary_numbers(text: str) -> None:
    plan = clean()
    plan.goals[0].description = text
    assert "GV201" not in [c for c, _ in codes(plan)]


def test_identity_number_in_number_field() -> None:
    plan = clean()
    plan.measurements[0].value = 15019010063
    assert ("GV201", None) in codes(plan)


def test_every_code_documented() -> None:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / "checks.md").read_text("utf-8")
    for code in CODES:
        assert f"### {code}: " in text, f"{code} is not documented"


# -- GV006 for a measure's end, GV007: values beyond what a plan can hold ---------------


def test_measure_ending_before_it_starts_is_gv006() -> None:
    plan = clean()
    plan.measures[0].start = dt.date(2025, 1, 1)
    plan.measures[0].end = dt.date(2024, 12, 31)
    assert ("GV006", "M1") in codes(plan)
    plan.measures[0].end = dt.date(2025, 1, 1)  # one day: allowed
    assert gv.check(plan) == []


def test_negative_rate_is_gv006_with_a_rate_message() -> None:
    plan = clean()
    plan.info.discount_rate = -0.01
    (finding,) = gv.check(plan, language="en")
    assert (finding.code, finding.element) == ("GV006", "p")
    assert "real rate of 0 or more" in finding.message and "R-109" in finding.message


@pytest.mark.parametrize(
    ("mutate", "element", "words"),
    [
        # amounts: within ±1e15 is fine, beyond is not
        (lambda p: setattr(p.benefits[0], "value", gv.Value(annual=1e308)), "B1", "value.annual"),
        (lambda p: setattr(p.measures[0], "cost", gv.Cost(one_off=1.5e15)), "M1", "cost.one_off"),
        (lambda p: setattr(p.measures[0], "cost", gv.Cost(annual=2e15)), "M1", "cost.annual"),
        (lambda p: setattr(p.indicators[0].baseline, "value", -1e16), "I1", "baseline.value"),
        (lambda p: p.add_measurement("I1", "2024-07-31", 1e300), "I1", "measurement of I1"),
        (lambda p: setattr(p.info, "discount_rate", 1e308), "p", "discount_rate"),
        (lambda p: setattr(p.info, "discount_rate", 1.01), "p", "100 % a year"),
        # dates: on or before 2200-12-31, the horizon included
        (lambda p: setattr(p.measures[0], "end", dt.date(9999, 1, 1)), "M1", "end is 9999"),
        (lambda p: p.add_review("2201-01-01", "B1", "on_track"), "B1", "reviews[0]"),
        (lambda p: setattr(p.info, "start", dt.date(9999, 1, 1)), "p", "start is 9999-01-01"),
        (
            lambda p: (
                setattr(p.info, "start", "2100-01-02"),
                setattr(p.info, "horizon_years", 101),
            ),
            "p",
            "horizon of 101 years from 2100-01-02",
        ),
    ],
)
def test_gv007_names_the_value_and_the_limit(
    mutate: Callable[[gv.Plan], object], element: str, words: str
) -> None:
    plan = clean()
    mutate(plan)
    found = [f for f in gv.check(plan, language="en") if f.code == "GV007"]
    assert [f.element for f in found] == [element]
    assert words in found[0].message
    assert any(limit in found[0].message for limit in ("1e15", "2200-12-31", "100 %"))
    assert found[0].severity == "error"


def test_gv007_limits_are_inclusive() -> None:
    plan = clean()
    plan.benefits[0].value = gv.Value(annual=1e15)
    plan.measures[0].cost = gv.Cost(one_off=1e15, annual=1e15)
    plan.info.discount_rate = 1.0
    plan.info.start = dt.date(2001, 1, 1)  # 200 years: 2001-01-01 to 2200-12-31
    plan.info.horizon_years = 200
    plan.add_review("2200-12-31", "B1", "on_track")
    assert [f for f in gv.check(plan) if f.code == "GV007"] == []
    plan.info.start = dt.date(2001, 1, 2)  # one day later: ends 2201-01-01
    assert [f.code for f in gv.check(plan)] == ["GV007"]


def test_gv007_horizon_from_the_earliest_date_says_so() -> None:
    plan = clean()
    plan.add_review("2199-06-01", "B1", "on_track")
    plan.indicators[0].baseline = gv.Baseline(date="2199-01-01", value=30)
    plan.indicators[0].targets = [gv.Target(date="2199-12-31", value=20)]
    plan.measurements[0].date = dt.date(2199, 6, 30)
    (finding,) = [f for f in gv.check(plan, language="en") if f.code == "GV007"]
    # start is 2199-01-01 (no start given: the earliest date's year); 10 years end 2208
    assert "from 2199-01-01 (1 January of its earliest date)" in finding.message


# -- the messages in the plan's language (nb or en) -----------------------------------------

#: Codes whose messages come from the limit checks, still written in English.
ENGLISH_ONLY = {"GV007"}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_title_in_nb_and_en(code: str) -> None:
    from gevinst.analysis.checks import title

    nb, en = title(code, "nb"), title(code, "en")
    assert en == CODES[code][1]
    assert nb and nb != en and nb != code.lower()  # a word of the table, not the key


@pytest.mark.parametrize("code", sorted(set(MUTATIONS) - ENGLISH_ONLY))
def test_every_code_speaks_nb_and_en(code: str) -> None:
    """The same finding in each language: same code and element, another sentence."""
    plan = clean()
    mutate, _ = MUTATIONS[code]
    mutate(plan)
    nb = [f for f in gv.check(plan, language="nb") if f.code == code]
    en = [f for f in gv.check(plan, language="en") if f.code == code]
    assert [(f.code, f.element) for f in nb] == [(f.code, f.element) for f in en]
    for said_nb, said_en in zip(nb, en, strict=True):
        assert said_nb.message != said_en.message
    # the plan's language is the default (Plan.new: nb)
    assert gv.check(plan, select=[code]) == gv.check(plan, select=[code], language="nb")


@pytest.mark.parametrize(
    ("code", "nb", "en"),
    [
        (
            "GV104",
            "gevinst B1 har ingen eier; oppgi interessenten (gevinsteier) som svarer for å "
            "realisere den (owner)",
            "benefit B1 has no owner; name the stakeholder (gevinsteier) who answers for "
            "realising it (owner)",
        ),
        (
            "GV004",
            "effektmål O1 bidrar til gevinst B1, som står lavere i kartet; pilene går fra "
            "tiltakene opp mot målene",
            "objective O1 contributes to benefit B1, which is lower on the map; arrows go "
            "from measures up towards goals",
        ),
        (
            "GV005",
            "vektene inn i O1 summerer til 1.3 (B1=0.6, B2=0.7); en vekt er en andel av "
            "målet, så til sammen kan de være høyst 1",
            "the weights into O1 sum to 1.3 (B1=0.6, B2=0.7); a weight is a share of the "
            "target, so they may sum to at most 1",
        ),
        (
            "GV113",
            "interessent leder har stor makt og er negativ; planlegg hvordan de skal involveres",
            "stakeholder leder has high power and is resistant; plan how to involve them",
        ),
        (
            "GV108",
            "eieren leder har ikke interest satt; en eier hører med i interessentanalysen: "
            "sett power og interest",
            "owner leder has no interest set; an owner belongs in the stakeholder analysis: "
            "set power and interest",
        ),
        (
            "GV020",
            "value.annual for gevinst B1 er [3, 1, 2]: lav 3 er over mest sannsynlig 1; skriv "
            "[lav, mest sannsynlig, høy] med lav <= mest sannsynlig <= høy",
            "value.annual of benefit B1 is [3, 1, 2]: low 3 is above most likely 1; write "
            "[low, most_likely, high] with low <= most_likely <= high",
        ),
    ],
)
def test_messages_in_both_languages(code: str, nb: str, en: str) -> None:
    plan = clean()
    MUTATIONS[code][0](plan)
    assert [f.message for f in gv.check(plan, select=[code], language="nb")][:1] == [nb]
    assert [f.message for f in gv.check(plan, select=[code], language="en")][:1] == [en]


def test_check_and_trace_follow_the_plan_language_on_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from gevinst.cli import cli

    plan = clean()
    plan.benefits[0].owner = None
    path = tmp_path / "plan.yaml"
    gv.save(plan, path)
    said = CliRunner().invoke(cli, ["check", str(path)]).output
    assert "GV104 warning B1 gevinst B1 har ingen eier;" in said
    said = CliRunner().invoke(cli, ["check", "--lang", "en", str(path)]).output
    assert "GV104 warning B1 benefit B1 has no owner;" in said
    said = CliRunner().invoke(cli, ["trace", str(path), "C1"]).output
    assert said.splitlines()[1:4] == [
        "Opp til målene (stier: 1):",
        "  C1 (Endring) -> B1 (Gevinst) -> O1 (Effektmål) -> G1 (Mål)",
        "Ned til tiltakene (stier: 1):",
    ]
    said = CliRunner().invoke(cli, ["trace", "--lang", "en", str(path), "C1"]).output
    assert said.splitlines()[1] == "Up to the goals (1 path(s)):"
