"""Words in Norwegian (nb) and English (en) for maps, charts and reports.

One table, looked up with :func:`t`. Add a word in both languages at once; a test
checks that every key has both.

>>> t("benefit", "nb"), t("benefit", "en")
('Gevinst', 'Benefit')
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "WORDS", "t"]

LANGUAGES = ("nb", "en")

#: key -> (nb, en)
WORDS: dict[str, tuple[str, str]] = {
    # kinds of element (singular) and the map's columns (plural)
    "measure": ("Tiltak", "Measure"),
    "change": ("Endring", "Change"),
    "benefit": ("Gevinst", "Benefit"),
    "disbenefit": ("Ulempe", "Dis-benefit"),
    "objective": ("Effektmål", "Objective"),
    "goal": ("Samfunnsmål", "Goal"),
    "stakeholder": ("Interessent", "Stakeholder"),
    "indicator": ("Indikator", "Indicator"),
    "measures": ("Tiltak", "Measures"),
    "changes": ("Endringer", "Changes"),
    "benefits": ("Gevinster", "Benefits"),
    "disbenefits": ("Ulemper", "Dis-benefits"),
    "objectives": ("Effektmål", "Objectives"),
    "goals": ("Samfunnsmål", "Goals"),
    "stakeholders": ("Interessenter", "Stakeholders"),
    "indicators": ("Indikatorer", "Indicators"),
    "measurements": ("Målinger", "Measurements"),
    "reviews": ("Evalueringer", "Reviews"),
    "plan": ("Plan", "Plan"),
    "benefit_map": ("Gevinstkart", "Benefit map"),
    "benefit_plan": ("Gevinstrealiseringsplan", "Benefit realisation plan"),
    # statuses (SPEC section 3)
    "on_track": ("I rute", "On track"),
    "at_risk": ("Usikker", "At risk"),
    "off_track": ("Ikke i rute", "Off track"),
    "not_measured": ("Ikke målt", "Not measured"),
    "not_due": ("Ikke forfalt", "Not due"),
    # measure status
    "idea": ("Idé", "Idea"),
    "planned": ("Planlagt", "Planned"),
    "pilot": ("Pilot", "Pilot"),
    "implemented": ("Innført", "Implemented"),
    "stopped": ("Stoppet", "Stopped"),
    # fields
    "id": ("Id", "Id"),
    "name": ("Navn", "Name"),
    "description": ("Beskrivelse", "Description"),
    "owner": ("Eier", "Owner"),
    "status": ("Status", "Status"),
    "score": ("Score", "Score"),
    "coverage": ("Dekning", "Coverage"),
    "progress": ("Fremdrift", "Progress"),
    "attainment": ("Måloppnåelse", "Attainment"),
    "expected": ("Forventet", "Expected"),
    "realised": ("Realisert", "Realised"),
    "forecast": ("Prognose", "Forecast"),
    "baseline": ("Nullpunkt", "Baseline"),
    "target": ("Målverdi", "Target"),
    "targets": ("Målverdier", "Targets"),
    "unit": ("Enhet", "Unit"),
    "direction": ("Retning", "Direction"),
    "increase": ("Økning er bedre", "Higher is better"),
    "decrease": ("Nedgang er bedre", "Lower is better"),
    "source": ("Kilde", "Source"),
    "frequency": ("Frekvens", "Frequency"),
    "date": ("Dato", "Date"),
    "value": ("Verdi", "Value"),
    "note": ("Merknad", "Note"),
    "comment": ("Kommentar", "Comment"),
    "assumptions": ("Forutsetninger", "Assumptions"),
    "risk": ("Risiko", "Risk"),
    "contributes_to": ("Bidrar til", "Contributes to"),
    "weight": ("Vekt", "Weight"),
    "cost": ("Kostnad", "Cost"),
    "costs": ("Kostnader", "Costs"),
    "one_off": ("Engangskostnad", "One-off cost"),
    "annual": ("Årlig", "Annual"),
    "annual_value": ("Årlig verdi", "Annual value"),
    "value_from": ("Verdi fra", "Value from"),
    "start": ("Start", "Start"),
    "end": ("Slutt", "End"),
    "type": ("Type", "Type"),
    "category": ("Kategori", "Category"),
    "cashable": ("Kontantfrigjørende", "Cashable"),
    "group": ("Gruppe", "Group"),
    "power": ("Makt", "Power"),
    "interest": ("Interesse", "Interest"),
    "attitude": ("Holdning", "Attitude"),
    "impacts": ("Påvirkning", "Impacts"),
    "by": ("Av", "By"),
    "element": ("Element", "Element"),
    "npv": ("Nåverdi", "Net present value"),
    "net": ("Netto", "Net"),
    "year": ("År", "Year"),
    "legend": ("Tegnforklaring", "Legend"),
    "implied_link": ("Bidrar via skjulte ledd", "Contributes via hidden steps"),
    "weight_legend": ("Bidrar til (tykkere pil: større vekt)", "Contributes to (thicker: more)"),
    "search": ("Søk", "Search"),
    "evaluated_at": ("Evaluert per", "Evaluated at"),
    # benefit types and categories (DFØ)
    "efficiency": ("Effektivisering", "Efficiency"),
    "quality": ("Kvalitet", "Quality"),
    "other_actors": ("Andre aktører", "Other actors"),
    "budget": ("Budsjettgevinst", "Budget effect"),
    "redeployment": ("Omdisponering", "Redeployment"),
    "public_sector": ("Annen offentlig sektor", "Other public sector"),
    "non_priced": ("Ikke prissatt", "Non-priced"),
    # scales and attitudes
    "none": ("Ingen", "None"),
    "low": ("Liten", "Low"),
    "medium": ("Middels", "Medium"),
    "high": ("Stor", "High"),
    "supportive": ("Positiv", "Supportive"),
    "neutral": ("Nøytral", "Neutral"),
    "resistant": ("Motstand", "Resistant"),
    "positive": ("Positiv", "Positive"),
    "negative": ("Negativ", "Negative"),
    # power/interest quadrants (SPEC section 1)
    "manage_closely": ("Nøkkelaktører som må involveres", "Manage closely"),
    "keep_satisfied": ("Holdes tilfreds", "Keep satisfied"),
    "keep_informed": ("Holdes informert", "Keep informed"),
    "monitor": ("Følges med på", "Monitor"),
    # stakeholder analysis, evaluation tables and charts (gevinst.stakeholders, charts)
    "stakeholder_analysis": ("Interessentanalyse", "Stakeholder analysis"),
    "quadrant": ("Kvadrant", "Quadrant"),
    "gains": ("Vinner på", "Gains from"),
    "losses": ("Taper på", "Loses from"),
    "owns": ("Eier", "Owns"),
    "nobody": ("Ingen", "Nobody"),
    "unspecified": ("Ikke angitt", "Not specified"),
    "power_interest_grid": ("Makt og interesse", "Power and interest"),
    "evaluation": ("Gevinstevaluering", "Benefit evaluation"),
    "status_overview": ("Status for gevinstene", "Status of the benefits"),
    "expected_path": ("Forventet utvikling", "Expected trajectory"),
    "measured": ("Målt", "Measured"),
    "evaluation_date": ("Evalueringsdato", "Evaluation date"),
    "review_said": ("Vurdering", "Review said"),
    "numbers_said": ("Tallene viste", "Numbers said"),
    "disagrees": ("Avvik", "Disagrees"),
    "npv_title": ("Nåverdi av gevinster, ulemper og kostnader", "Present value"),
    "net_realised": ("Netto nåverdi (realisert)", "Net present value (realised)"),
    "net_expected": ("Netto nåverdi (forventet)", "Net present value (expected)"),
    "horizon": ("Analyseperiode", "Horizon"),
    "years": ("år", "years"),
    "from_date": ("fra", "from"),
    "calculation_rate": ("Kalkulasjonsrente", "Discount rate"),
    "score_explained": (
        "Score: andel av forventet forbedring som er nådd på evalueringsdatoen",
        "Score: share of the expected improvement achieved at the evaluation date",
    ),
    "per_date": ("per", "at"),
    "kind_label": ("Type", "Kind"),
    "benefits_and_goals": ("Gevinster og mål", "Benefits and goals"),
    "answer_yes": ("Ja", "Yes"),
    "answer_no": ("Nei", "No"),
}


def t(key: str, language: str = "nb") -> str:
    """The word for ``key`` in ``language`` (``nb`` or ``en``); the key itself if unknown."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if language == "en" else pair[0]
