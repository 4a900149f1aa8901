"""The starter plan written by ``gevinst init``: small, valid, commented, nb or en."""

from __future__ import annotations

__all__ = ["starter_plan"]

_NB = """\
# Gevinstrealiseringsplan (format gevinst/1). Sjekk med: gevinst check {name}
# Hver id starter med en bokstav og er unik i hele planen.
schema: gevinst/1
plan:
  id: min-plan
  title: Min gevinstrealiseringsplan
  organisation: Virksomheten
  owner: eier
  language: nb          # nb | en: språk i kart og rapporter
  currency: NOK
  discount_rate: 0.04   # realrente per år (Finansdepartementets rundskriv R-109)
  start: {year}-01-01
  horizon_years: 10

goals:                  # samfunnsmål: øverst i gevinstkartet
  - id: G1
    name: Gode tjenester for innbyggerne

objectives:             # effektmål for virksomheten
  - id: O1
    name: Raskere saksbehandling
    contributes_to: [G1]

benefits:               # gevinster: eier, indikator og kobling oppover
  - id: B1
    name: Kortere saksbehandlingstid
    owner: eier
    indicators: [I1]
    contributes_to: [O1]
    type: efficiency    # efficiency | quality | other_actors
    category: redeployment   # budget | redeployment | public_sector | non_priced
    value: {{annual: 500000, from: {next}-01-01}}

measures:               # tiltak: nederst i gevinstkartet
  - id: M1
    name: Digitalt skjema for innmelding
    status: planned     # idea | planned | pilot | implemented | stopped
    owner: eier
    start: {year}-03-01
    cost: {{one_off: 300000, annual: 50000}}
    contributes_to: [B1]

stakeholders:           # interessenter: makt og interesse (ingen | liten | middels | stor)
  - id: eier
    name: Virksomhetsleder
    power: stor
    interest: stor
    attitude: supportive
    impacts: {{B1: positive}}

indicators:
  - id: I1
    name: Gjennomsnittlig saksbehandlingstid
    unit: dager
    direction: decrease      # increase | decrease: hvilken vei er bedre
    baseline: {{date: {year}-01-15, value: 40}}
    targets: [{{date: {next}-12-31, value: 25}}]
    source: Fagsystemet
    frequency: quarterly

measurements: []        # målinger: indicator, date, value (eller fra CSV)
reviews: []             # gevinstevalueringer: date, element, by, status, comment
"""

_EN = """\
# Benefit realisation plan (format gevinst/1). Check it with: gevinst check {name}
# Every id starts with a letter and is unique in the whole plan.
schema: gevinst/1
plan:
  id: my-plan
  title: My benefit plan
  organisation: The organisation
  owner: owner
  language: en          # nb | en: language of maps and reports
  currency: NOK
  discount_rate: 0.04   # real rate per year
  start: {year}-01-01
  horizon_years: 10

goals:                  # political or societal goals: the top of the map
  - id: G1
    name: Good services for residents

objectives:             # the organisation's objectives
  - id: O1
    name: Faster case handling
    contributes_to: [G1]

benefits:               # benefits: owner, indicator and a link upwards
  - id: B1
    name: Shorter case handling time
    owner: owner
    indicators: [I1]
    contributes_to: [O1]
    type: efficiency    # efficiency | quality | other_actors
    category: redeployment   # budget | redeployment | public_sector | non_priced
    value: {{annual: 500000, from: {next}-01-01}}

measures:               # measures: the bottom of the map
  - id: M1
    name: Digital intake form
    status: planned     # idea | planned | pilot | implemented | stopped
    owner: owner
    start: {year}-03-01
    cost: {{one_off: 300000, annual: 50000}}
    contributes_to: [B1]

stakeholders:           # power and interest: none | low | medium | high
  - id: owner
    name: Head of service
    power: high
    interest: high
    attitude: supportive
    impacts: {{B1: positive}}

indicators:
  - id: I1
    name: Average case handling time
    unit: days
    direction: decrease      # increase | decrease: which way is better
    baseline: {{date: {year}-01-15, value: 40}}
    targets: [{{date: {next}-12-31, value: 25}}]
    source: Case management system
    frequency: quarterly

measurements: []        # indicator, date, value (or from CSV)
reviews: []             # date, element, by, status, comment
"""


def starter_plan(language: str = "nb", name: str = "plan.yaml", year: int = 2025) -> str:
    """The text of a small, valid starter plan in Norwegian (``nb``) or English (``en``)."""
    # The two templates are whole documents, not words, so they stay here rather than in
    # gevinst/i18n/words.py (tests/i18n/test_words.py allows this one choice by language).
    template = _EN if language == "en" else _NB
    return template.format(name=name, year=year, next=year + 1)
