"""Words in Norwegian (nb) and English (en) for maps, charts and reports.

One table, looked up with :func:`t`. Add a word in both languages at once; a test
checks that every key has both.

>>> t("benefit", "nb"), t("benefit", "en")
('Gevinst', 'Benefit')
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "WORDS", "t", "visible_controls"]

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
    "link_notes": (
        "Forutsetninger og begrunnelser for koblinger",
        "Assumptions and reasons for links",
    ),
    "weight_legend": ("Bidrar til (tykkere pil: større vekt)", "Contributes to (thicker: more)"),
    "search": ("Søk", "Search"),
    "focus_on": ("Utsnitt rundt", "Around"),
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
    # stakeholder analysis, evaluation tables and charts (gevinst.analysis.stakeholders, charts)
    "stakeholder_analysis": ("Interessentanalyse", "Stakeholder analysis"),
    "quadrant": ("Kvadrant", "Quadrant"),
    "gains": ("Vinner på", "Gains from"),
    "losses": ("Taper på", "Loses from"),
    "owns": ("Eier", "Owns"),
    "nobody": ("Ingen", "Nobody"),
    "unspecified": ("Ikke angitt", "Not specified"),
    "power_interest_grid": ("Makt og interesse", "Power and interest"),
    "impact_matrix_title": ("Hvem vinner og hvem taper", "Who gains and who loses"),
    "evaluation": ("Gevinstevaluering", "Benefit evaluation"),
    "status_overview": ("Status for gevinstene", "Status of the benefits"),
    "status_overview_all": ("Status for gevinster og mål", "Status of benefits and goals"),
    "expected_path": ("Forventet utvikling", "Expected trajectory"),
    "measured": ("Målt", "Measured"),
    "evaluation_date": ("Evalueringsdato", "Evaluation date"),
    "review_said": ("Vurdering", "Review said"),
    "reviews_title": ("Vurderinger og tall over tid", "Reviews beside the numbers"),
    "numbers_said": ("Tallene viste", "Numbers said"),
    "disagrees": ("Avvik", "Disagrees"),
    "npv_title": (
        "Nåverdi av gevinster, ulemper og kostnader",
        "Present value of benefits, dis-benefits and costs",
    ),
    "net_realised": ("Netto nåverdi (realisert)", "Net present value (realised)"),
    "net_expected": ("Netto nåverdi (forventet)", "Net present value (expected)"),
    "horizon": ("Analyseperiode", "Horizon"),
    "years": ("år", "years"),
    "from_date": ("fra", "from"),
    "calculation_rate": ("Kalkulasjonsrente", "Discount rate"),
    "rate_r109": ("R-109 (4/3/2\u00a0%)", "R-109 (4/3/2%)"),
    "score_explained": (
        "Score: andel av forventet forbedring som er nådd på evalueringsdatoen",
        "Score: share of the expected improvement achieved at the evaluation date",
    ),
    "per_date": ("per", "at"),
    "kind_label": ("Type", "Kind"),
    "benefits_and_goals": ("Gevinster og mål", "Benefits and goals"),
    "answer_yes": ("Ja", "Yes"),
    "answer_no": ("Nei", "No"),
    # the Excel workbook (gevinst.io.excel.write): sheets, columns and plan fields
    "links": ("Koblinger", "Links"),
    "from": ("Fra", "From"),
    "to": ("Til", "To"),
    "annual_cost": ("Årlig kostnad", "Annual cost"),
    "baseline_date": ("Nullpunktsdato", "Baseline date"),
    "field": ("Felt", "Field"),
    "help": ("Forklaring", "Help"),
    "schema": ("Format", "Format"),
    "title": ("Tittel", "Title"),
    "organisation": ("Organisasjon", "Organisation"),
    "language": ("Språk", "Language"),
    "currency": ("Valuta", "Currency"),
    "discount_rate": ("Diskonteringsrente", "Discount rate"),
    "horizon_years": ("Analyseperiode (år)", "Horizon (years)"),
    "yes": ("Ja", "Yes"),
    "no": ("Nei", "No"),
    "from_name": ("Fra (navn)", "From (name)"),
    "to_name": ("Til (navn)", "To (name)"),
    "indicator_name": ("Indikator (navn)", "Indicator (name)"),
    "element_name": ("Element (navn)", "Element (name)"),
    # plan versions compared (gevinst.analysis.diff)
    "diff_heading": ("Endringer i", "Changes in"),
    "diff_compared_with": ("sammenlignet med", "compared with"),
    "diff_none": ("Ingen endringer.", "No changes."),
    "diff_count": ("endringer", "changes"),
    "diff_lowered": ("Forventninger senket", "Expectations lowered"),
    "diff_raised": ("Forventninger hevet", "Expectations raised"),
    "diff_targets": ("Målverdier", "Targets"),
    "diff_indicators": ("Indikatorer", "Indicators"),
    "diff_money": ("Kroner", "Money"),
    "diff_added": ("Lagt til", "Added"),
    "diff_removed": ("Fjernet", "Removed"),
    "diff_renamed": ("Nytt navn", "Renamed"),
    "diff_links": ("Koblinger og vekter", "Links and weights"),
    "diff_owners": ("Eiere", "Owners"),
    "diff_status": ("Status for tiltak", "Status of measures"),
    "diff_measurements": ("Målinger", "Measurements"),
    "diff_measurements_word": ("antall målinger", "number of measurements"),
    "diff_measurements_edited": ("målinger rettet", "measurements corrected"),
    "diff_for": ("for", "for"),
    "diff_from": ("fra", "from"),
    "diff_to": ("til", "to"),
    "diff_postponed": ("utsatt fra", "postponed from"),
    "diff_brought_forward": ("framskyndet fra", "brought forward from"),
    "link_added": ("bidrar nå til", "now contributes to"),
    "link_removed": ("bidrar ikke lenger til", "no longer contributes to"),
    "target_added": ("ny målverdi", "new target"),
    "target_removed": ("målverdi fjernet", "target removed"),
    "link": ("Kobling", "Link"),
    "link_added_note": ("ny kobling", "new link"),
    "link_removed_note": ("kobling fjernet", "link removed"),
    "diff_on_link": ("på koblingen til", "of the link to"),
    "diff_on": ("på", "on"),
    "plan_start": ("Startdato for år 0", "Start of year 0"),
    "target_date": ("Dato for målverdi", "Target date"),
    "reviewed_by": ("Vurdert av", "Reviewed by"),
    "review_date": ("Dato for vurdering", "Review date"),
    "measurement_date": ("Dato for måling", "Measurement date"),
    "npv_expected": (
        "Forventet nåverdi av gevinster og ulemper",
        "Expected present value of benefits and dis-benefits",
    ),
    "diff_r109": ("R-109-satsene", "the R-109 schedule"),
    "diff_settings": ("Innstillinger for planen", "Plan settings"),
    "diff_fields": ("Andre endringer", "Other changes"),
    "diff_reviews": ("Vurderinger", "Reviews"),
    "diff_order_group": ("Rekkefølge", "Order"),
    "diff_order": ("ny rekkefølge", "new order"),
    "diff_measurement": ("måling", "measurement"),
    "diff_corrected": ("rettet", "corrected"),
    "diff_review": ("vurdering", "review"),
    "diff_review_added": ("ny vurdering", "new review"),
    "diff_removed_word": ("fjernet", "removed"),
    # portfolios (gevinst.analysis.portfolio)
    "portfolio": ("Portefølje", "Portfolio"),
    "double_counting": ("Mulig dobbelttelling", "Possible double counting"),
    "shared_goals": ("Felles mål", "Shared goals"),
}


def t(key: str, language: str = "nb") -> str:
    """The word for ``key`` in ``language`` (``nb`` or ``en``); the key itself if unknown."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if language == "en" else pair[0]


#: Every control character (C0 but newline and tab, DEL, C1) and the line and paragraph
#: separators, as its escape ``\u001b``: text from a plan must not set a terminal's
#: window title, hide a hyperlink or overwrite what was printed before it, and a change
#: to such a character must still show. The escape is valid inside JSON strings too.
_VISIBLE = {
    code: f"\\u{code:04x}"
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029)
    if code not in (0x09, 0x0A)
}


def visible_controls(text: str) -> str:
    r"""``text`` with every control character but newline and tab made visible.

    Examples:
        >>> print(visible_controls("uker\x1b]0;x\x07"))
        uker\u001b]0;x\u0007
    """
    return text.translate(_VISIBLE)
