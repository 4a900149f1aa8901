"""Every text in Norwegian (nb) and English (en): maps, charts, reports, workbooks.

One table, looked up with :func:`t`; no other module picks a text by language. A text
longer than a word is a whole sentence with ``str.format`` fields (``{names}``), so a
translator sees the sentence and not fragments glued together. Add a text in both
languages at once; tests (tests/i18n/test_words.py) check that every key has both, that nb
and en have the same fields, that every key is used, and that no other module chooses
between "nb" and "en" texts.

>>> t("benefit", "nb"), t("benefit", "en")
('Gevinst', 'Benefit')
>>> t("deck_off_track_here", "en").format(names="Shorter waits")
'Off track here: Shorter waits.'
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["LANGUAGES", "WORDS", "language_for", "t", "visible_controls"]

LANGUAGES = ("nb", "en")

#: key -> (nb, en); ``{field}`` marks a place filled in with ``str.format``.
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
    # status since the previous measurement period (trend)
    "since_last": ("Siden forrige periode", "Since last period"),
    "improved": ("bedre", "better"),
    "worsened": ("verre", "worse"),
    "unchanged": ("uendret", "unchanged"),
    "new": ("ny", "new"),
    "was_status": ("fra {status}", "from {status}"),
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
    # DFØ's words: the plan's owner answers for the benefits, each benefit has its owner
    "plan_owner": ("Gevinstansvarlig", "Accountable for the benefits"),
    "benefit_owner": ("Gevinsteier", "Benefit owner"),
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
    # how often an indicator is measured (Indicator.frequency)
    "weekly": ("Ukentlig", "Weekly"),
    "monthly": ("Månedlig", "Monthly"),
    "quarterly": ("Kvartalsvis", "Quarterly"),
    "half-yearly": ("Halvårlig", "Half-yearly"),
    "yearly": ("Årlig", "Yearly"),
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
    "risk_description": ("Risikobeskrivelse", "Risk description"),
    "risk_response": ("Tiltak mot risikoen", "Risk response"),
    "realisation": ("Gevinstrealiseringstiltak", "Realisation measures"),
    "risk_profile": ("Risiko og gevinstrealisering", "Risk and realisation"),
    "contributes_to": ("Bidrar til", "Contributes to"),
    "weight": ("Vekt", "Weight"),
    "cost": ("Kostnad", "Cost"),
    "costs": ("Kostnader", "Costs"),
    "one_off": ("Engangskostnad", "One-off cost"),
    "annual": ("Årlig", "Annual"),
    "annual_value": ("Årlig verdi", "Annual value"),
    "value_from": ("Verdi fra", "Value from"),
    "value_ramp": ("Opptrapping", "Ramp-up"),
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
    "year_by_year": ("År for år", "Year by year"),
    "period": ("Periode", "Period"),
    "discount_factor": ("Diskonteringsfaktor", "Discount factor"),
    "discounted_net": ("Neddiskontert netto", "Discounted net"),
    "present_value_total": ("Nåverdi", "Present value"),
    "amounts_in": ("Beløp i {unit}.", "Amounts in {unit}."),
    "deck_years_notes": (
        "Beløpene per år er ikke diskontert. Siste kolonne er netto ganget med årets "
        "diskonteringsfaktor, og summen av den kolonnen er nåverdien, {net}.",
        "The amounts per year are not discounted. The last column is the net times the "
        "year's discount factor, and that column adds up to the net present value, {net}.",
    ),
    "implied_link": ("Bidrar via skjulte ledd", "Contributes via hidden steps"),
    "link_notes": (
        "Forutsetninger og begrunnelser for koblinger",
        "Assumptions and reasons for links",
    ),
    "mitigates": ("demper", "mitigates"),
    "contributes": ("bidrar til", "contributes"),
    "relation": ("Kobling", "Relation"),
    "mitigates_legend": ("Demper en ulempe", "Mitigates a dis-benefit"),
    "weight_legend": ("Bidrar til (tykkere pil: større vekt)", "Contributes to (thicker: more)"),
    "search": ("Søk", "Search"),
    "map_page_hint": (
        "Pek på et element for detaljer, klikk for å vise kjeden, Esc for å nullstille."
        " Enter i søket viser første treff.",
        "Point at an element for details, click to show its chain, Esc to reset."
        " Enter in the search shows the first match.",
    ),
    "focus_on": ("Utsnitt rundt", "Around"),
    "page_of": ("Side {number} av {count}", "Page {number} of {count}"),
    # the title of a printed page of a large map: which part of the map it shows
    "page_overview": ("Oversikt: {columns}", "Overview: {columns}"),
    "page_goal": ("Samfunnsmål: {name}", "Goal: {name}"),
    "page_whole": ("Hele kartet", "The whole map"),
    "page_band": ("{part} ({number} av {count})", "{part} ({number} of {count})"),
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
    "impact_chart_cut": (
        "Viser {shown} av {total} gevinster og ulemper og {people} av {everyone} "
        "interessenter: de med flest interessenter som taper, deretter flest som vinner. "
        "{left} gevinster og ulemper og {left_people} interessenter er utelatt; alle står i "
        "tabellen (gevinst stakeholders plan.yaml -o interessenter.md).",
        "Showing {shown} of {total} benefits and dis-benefits and {people} of {everyone} "
        "stakeholders: those with the most stakeholders losing, then gaining. {left} "
        "benefits and dis-benefits and {left_people} stakeholders are left out; all are in "
        "the table (gevinst stakeholders plan.yaml -o stakeholders.md).",
    ),
    "evaluation": ("Gevinstevaluering", "Benefit evaluation"),
    "status_overview": ("Status for gevinstene", "Status of the benefits"),
    "status_overview_all": ("Status for gevinster og mål", "Status of benefits and goals"),
    "expected_path": ("Forventet utvikling", "Expected trajectory"),
    "measured": ("Målt", "Measured"),
    "evaluation_date": ("Evalueringsdato", "Evaluation date"),
    "review_said": ("Vurdering", "Review said"),
    "reviews_chart_title": ("Vurderinger og tall over tid", "Reviews beside the numbers"),
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
    "id_list": ("Id-liste", "Id list"),
    "from": ("Fra", "From"),
    "to": ("Til", "To"),
    "annual_cost": ("Årlig kostnad", "Annual cost"),
    "baseline_date": ("Nullpunktsdato", "Baseline date"),
    "field": ("Felt", "Field"),
    "page_of_pages": ("Side {page} av {pages}", "Page {page} of {pages}"),
    "help": ("Forklaring", "Help"),
    "schema": ("Format", "Format"),
    "title": ("Tittel", "Title"),
    "organisation": ("Organisasjon", "Organisation"),
    "language": ("Språk", "Language"),
    "currency": ("Valuta", "Currency"),
    "discount_rate": ("Diskonteringsrente", "Discount rate"),
    "horizon_years": ("Analyseperiode (år)", "Horizon (years)"),
    # three-point estimates (trippelanslag) and the uncertainty settings of the plan
    "annual_value_low": ("Årlig verdi, lav", "Annual value, low"),
    "annual_value_likely": ("Årlig verdi, mest sannsynlig", "Annual value, most likely"),
    "annual_value_high": ("Årlig verdi, høy", "Annual value, high"),
    "one_off_low": ("Engangskostnad, lav", "One-off cost, low"),
    "one_off_likely": ("Engangskostnad, mest sannsynlig", "One-off cost, most likely"),
    "one_off_high": ("Engangskostnad, høy", "One-off cost, high"),
    "annual_cost_low": ("Årlig kostnad, lav", "Annual cost, low"),
    "annual_cost_likely": ("Årlig kostnad, mest sannsynlig", "Annual cost, most likely"),
    "annual_cost_high": ("Årlig kostnad, høy", "Annual cost, high"),
    "plan_correlation": ("Korrelasjon", "Correlation"),
    "optimism_bias": ("Optimismejustering", "Optimism bias adjustment"),
    "optimism_costs": ("Optimismepåslag, kostnader", "Optimism bias, costs"),
    "optimism_benefits": ("Optimismefradrag, gevinster", "Optimism bias, benefits"),
    "yes": ("Ja", "Yes"),
    "no": ("Nei", "No"),
    "from_name": ("Fra (navn)", "From (name)"),
    "to_name": ("Til (navn)", "To (name)"),
    "indicator_name": ("Indikator (navn)", "Indicator (name)"),
    "element_name": ("Element (navn)", "Element (name)"),
    # notes in the Excel workbook (gevinst.io.excel): how to fill in a cell
    "help_plan_schema": ("Filformatet; la stå", "The file format; leave as is"),
    "help_plan_id": (
        "Kort id: bokstav først, uten mellomrom",
        "Short id: a letter first, no spaces",
    ),
    "help_plan_title": ("Planens tittel", "The plan's title"),
    "help_owner": ("Id fra arket Interessenter", "An id from the Stakeholders sheet"),
    "help_plan_language": (
        "nb eller en: språket i kart og rapporter",
        "nb or en: language of reports",
    ),
    "help_plan_discount_rate": (
        "Realrente per år (0,04 = 4 %); tom = R-109 (4/3/2 %)",
        "Real rate per year (0.04 = 4 %); empty = R-109 (4/3/2 %)",
    ),
    "help_plan_start": (
        "År 0 for nåverdi; tom = tidligste år i planen",
        "Year 0 for NPV; empty = earliest",
    ),
    "help_plan_horizon_years": ("Antall år i nåverdiberegningen", "Years counted in the NPV"),
    "help_plan_correlation": (
        "Samvariasjon mellom alle usikre beløp i simuleringen, 0 til 1 (0 = uavhengige, "
        "1 = alle høye eller lave samtidig); tom = 0",
        "Correlation between all uncertain amounts in the simulation, 0 to 1 (0 = "
        "independent, 1 = all high or low together); empty = 0",
    ),
    "help_plan_optimism_costs": (
        "Andel lagt til alle kostnader (0,2 = +20 %), vist ved siden av de ujusterte tallene; "
        "tom = ingen justering",
        "Share added to every cost (0.2 = +20 %), shown beside the unadjusted figures; "
        "empty = no adjustment",
    ),
    "help_plan_optimism_benefits": (
        "Andel trukket fra alle gevinster, 0 til 1 (0,1 = −10 %), vist ved siden av de "
        "ujusterte tallene; tom = ingen justering",
        "Share taken off every benefit, 0 to 1 (0.1 = −10 %), shown beside the unadjusted "
        "figures; empty = no adjustment",
    ),
    "help_column_id": (
        "Kort id: en bokstav først, så bokstaver, tall, _ . eller -",
        "Short id: a letter first, then letters, digits, _ . or -",
    ),
    "help_column_indicators": (
        "Id-er fra arket Indikatorer, skilt med semikolon: I1; I2",
        "Ids from the Indicators sheet, separated by semicolons: I1; I2",
    ),
    "help_column_relation": (
        "Bidrar til (tomt gir det samme), eller Demper: tiltaket eller endringen reduserer "
        "ulempen i Til (uten vekt)",
        "Contributes (empty means the same), or Mitigates: the measure or change reduces "
        "the dis-benefit in To (no weight)",
    ),
    "help_column_assumptions": (
        "Én forutsetning per linje (Alt+Enter gir ny linje i cellen)",
        "One assumption per line (Alt+Enter starts a new line in the cell)",
    ),
    "help_column_realisation": (
        "Ett gevinstrealiseringstiltak per linje (Alt+Enter gir ny linje i cellen): arbeidet "
        "som gjør endringen om til gevinst",
        "One realisation measure per line (Alt+Enter starts a new line in the cell): the work "
        "that turns the change into the benefit",
    ),
    "help_column_impacts": (
        "Id og virkning, skilt med semikolon: B1: Positiv; D1: Negativ",
        "Id and effect, separated by semicolons: B1: Positive; D1: Negative",
    ),
    "help_column_annual_value": (
        "Mest sannsynlige beløp per hele år; tom = ikke prissatt",
        "Most likely amount per full year; empty = not monetised",
    ),
    "help_column_one_off": (
        "Mest sannsynlige kostnad én gang, i året tiltaket starter",
        "Most likely cost once, in the year the measure starts",
    ),
    "help_column_annual_cost": (
        "Mest sannsynlige kostnad per år fra start til slutt",
        "Most likely cost per year from start to end",
    ),
    "help_column_low": (
        "Lavt anslag (trippelanslag: lav, mest sannsynlig, høy); fyll inn både lav og høy, "
        "eller la begge stå tomme for ett beløp",
        "Low estimate (three-point estimate: low, most likely, high); fill in both low and "
        "high, or leave both empty for one amount",
    ),
    "help_column_high": (
        "Høyt anslag (trippelanslag: lav, mest sannsynlig, høy); fyll inn både lav og høy, "
        "eller la begge stå tomme for ett beløp",
        "High estimate (three-point estimate: low, most likely, high); fill in both low and "
        "high, or leave both empty for one amount",
    ),
    "help_column_value_from": ("Datoen verdien regnes fra", "The date the value counts from"),
    "help_column_value_ramp": (
        "Andel av årlig verdi i hvert hele år fra «Verdi fra», skilt med semikolon: "
        "0,25; 0,5 gir 25 % første år, 50 % andre år og hele verdien deretter; tom = "
        "ingen opptrapping",
        "Share of the annual value in each full year from «Value from», separated by "
        "semicolons: 0.25; 0.5 gives 25 % the first year, 50 % the second and the whole "
        "value after that; empty = no ramp-up",
    ),
    "help_column_from": (
        "Id-en til tiltaket, endringen, gevinsten eller målet som bidrar",
        "The id of the measure, change, benefit or goal that contributes",
    ),
    "help_column_to": ("Id-en til det den bidrar til", "The id of what it contributes to"),
    "help_column_weight": (
        "Andel av det den bidrar til (0 til 1); tom = deler resten likt",
        "Share of what it contributes to (0 to 1); empty = shares the rest equally",
    ),
    "help_column_baseline": (
        "Nullpunktsmåling: verdien før endringen",
        "The value before the change",
    ),
    "help_shown": (
        "Bare til visning: gevinst fyller inn navnet og leser ikke denne kolonnen",
        "For reading only: gevinst fills in the name and does not read this column",
    ),
    # plan versions compared (gevinst.analysis.diff)
    "diff_none": ("Ingen endringer.", "No changes."),
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
    "link": ("Kobling", "Link"),
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
    # sentences of a comparison: {who} is «kind id name», {old} and {new} the values,
    # {direction} the indicator's better direction in brackets (or nothing)
    "diff_heading": ("Endringer i «{title}» ({id})", "Changes in «{title}» ({id})"),
    "diff_heading_compared": (
        "Endringer i «{title}» ({id}) sammenlignet med «{old_title}» ({old_id})",
        "Changes in «{title}» ({id}) compared with «{old_title}» ({old_id})",
    ),
    "diff_count": ("{count} endringer", "{count} changes"),
    "diff_count_one": ("{count} endring", "{count} change"),
    "diff_lowered_count": ("{count} forventninger senket", "{count} expectations lowered"),
    "diff_lowered_count_one": ("{count} forventning senket", "{count} expectation lowered"),
    "diff_raised_count": ("{count} forventninger hevet", "{count} expectations raised"),
    "diff_raised_count_one": ("{count} forventning hevet", "{count} expectation raised"),
    "diff_with_links": ("{who} (bidrar til {links})", "{who} (contributes to {links})"),
    "diff_renamed_to": ("{kind} {id}: navn {old} → {new}", "{kind} {id}: name {old} → {new}"),
    "diff_link_added": (
        "{who} bidrar nå til {target} (ny kobling)",
        "{who} now contributes to {target} (new link)",
    ),
    "diff_link_removed": (
        "{who} bidrar ikke lenger til {target} (kobling fjernet)",
        "{who} no longer contributes to {target} (link removed)",
    ),
    "diff_mitigation_added": (
        "{who} demper nå {target} (ny demping)",
        "{who} now mitigates {target} (new mitigation)",
    ),
    "diff_mitigation_removed": (
        "{who} demper ikke lenger {target} (demping fjernet)",
        "{who} no longer mitigates {target} (mitigation removed)",
    ),
    "diff_on_link": (
        "{who}: {field} på koblingen til {target} {old} → {new}",
        "{who}: {field} of the link to {target} {old} → {new}",
    ),
    "diff_target_postponed": (
        "{who}: målverdi {new} utsatt fra {before} til {after}{direction}",
        "{who}: target {new} postponed from {before} to {after}{direction}",
    ),
    "diff_target_brought_forward": (
        "{who}: målverdi {new} framskyndet fra {before} til {after}{direction}",
        "{who}: target {new} brought forward from {before} to {after}{direction}",
    ),
    "diff_target_changed": (
        "{who}: målverdi for {date} fra {old} til {new}{direction}",
        "{who}: target for {date} from {old} to {new}{direction}",
    ),
    "diff_target_added": (
        "{who}: ny målverdi {date}: {value}{direction}",
        "{who}: new target {date}: {value}{direction}",
    ),
    "diff_target_removed": (
        "{who}: målverdi fjernet {date}: {value}{direction}",
        "{who}: target removed {date}: {value}{direction}",
    ),
    "diff_measurement_count": (
        "{who}: antall målinger {old} → {new}",
        "{who}: number of measurements {old} → {new}",
    ),
    "diff_measurement_count_dated": (
        "{who}: antall målinger {old} → {new} ({dates})",
        "{who}: number of measurements {old} → {new} ({dates})",
    ),
    "diff_measurement_corrected": (
        "{who}: måling {date} rettet fra {old} til {new}",
        "{who}: measurement {date} corrected from {old} to {new}",
    ),
    "diff_measurement_field": (
        "{who}: måling {date}: {field} fra {old} til {new}",
        "{who}: measurement {date}: {field} from {old} to {new}",
    ),
    "diff_review_added": (
        "{who}: ny vurdering {date}: {status}",
        "{who}: new review {date}: {status}",
    ),
    "diff_review_removed": (
        "{who}: vurdering {date}: {status} fjernet",
        "{who}: review {date}: {status} removed",
    ),
    "diff_review_changed": (
        "{who}: vurdering {date}: {field} fra {old} til {new}",
        "{who}: review {date}: {field} from {old} to {new}",
    ),
    "diff_order": (
        "{who}: ny rekkefølge ({section}): {old} → {new}",
        "{who}: new order ({section}): {old} → {new}",
    ),
    "diff_field_changed": (
        "{who}: {field} fra {old} til {new}",
        "{who}: {field} from {old} to {new}",
    ),
    "diff_field_changed_on": (
        "{who}: {field} på {on} fra {old} til {new}",
        "{who}: {field} on {on} from {old} to {new}",
    ),
    # reports (gevinst.report): headings, leads and speaker notes, whole sentences
    "report": ("Gevinstrapport", "Benefits report"),
    "why": ("Hvorfor tiltakene betyr noe", "Why the measures matter"),
    "status_title": ("Status for mål og gevinster", "Status of goals and benefits"),
    "indicators_title": (
        "Indikatorer: forventet og realisert",
        "Indicators: expected and realised",
    ),
    "money_title": ("Økonomi: nåverdi", "Money: present value"),
    "stakeholder_title": ("Interessenter: makt og interesse", "Stakeholders: power and interest"),
    "map_title": ("Gevinstkart", "Benefit map"),
    "map_part": ("Gevinstkart: {name}", "Benefit map: {name}"),
    "overview": ("Oversikt", "Overview"),
    "not_evaluated": (
        "Planen er ikke evaluert (ingen dato er gitt).",
        "The plan has not been evaluated (no date was given).",
    ),
    "counts": (
        "{measures} tiltak · {benefits} gevinster · {disbenefits} ulemper · {objectives} effektmål"
        " · {goals} samfunnsmål",
        "{measures} measures · {benefits} benefits · {disbenefits} dis-benefits"
        " · {objectives} objectives · {goals} goals",
    ),
    "benefits_pv": ("Gevinster", "Benefits"),
    "disbenefits_pv": ("Ulemper", "Dis-benefits"),
    "costs_pv": ("Kostnader", "Costs"),
    "net_pv": ("Netto", "Net"),
    "expected_col": ("Forventet", "Expected"),
    "range_col": ("Spenn (lav–høy)", "Range (low–high)"),
    "range_low": ("Lav", "Low"),
    "range_high": ("Høy", "High"),
    "adjusted_expected_col": ("Forventet, justert", "Expected, adjusted"),
    "adjusted_realised_col": ("Realisert, justert", "Realised, adjusted"),
    "optimism_adjusted": (
        "Justert for optimisme (kostnader +{costs}, gevinster −{benefits})",
        "Adjusted for optimism bias (costs +{costs}, benefits −{benefits})",
    ),
    "benefits_adjusted": (
        "Gevinster justert for optimisme (−{benefits})",
        "Benefits adjusted for optimism bias (−{benefits})",
    ),
    "costs_adjusted": (
        "Kostnader justert for optimisme (+{costs})",
        "Costs adjusted for optimism bias (+{costs})",
    ),
    "net_adjusted": (
        "Netto justert for optimisme (kostnader +{costs}, gevinster −{benefits})",
        "Net adjusted for optimism bias (costs +{costs}, benefits −{benefits})",
    ),
    "range_note": (
        "Spennet er nåverdien med hvert beløp på sin lave og på sin høye verdi "
        "(trippelanslag); ulemper og kostnader trekker fra.",
        "The range is the present value with every amount at its low and at its high end "
        "(three-point estimates); dis-benefits and costs count against.",
    ),
    "optimism_note": (
        "{adjusted}: ulempene står som de er, for de er ikke gevinster. Tallene uten "
        "justering står ved siden av.",
        "{adjusted}: dis-benefits stay as they are, for they are not benefits. The "
        "unadjusted figures stand beside them.",
    ),
    "money_adjusted_title": (
        "Nåverdi med spenn og justert for optimisme",
        "Present value with ranges and adjusted for optimism bias",
    ),
    "money_ranges_title": (
        "Nåverdi med spenn (trippelanslag)",
        "Present value with ranges (three-point estimates)",
    ),
    "money_optimism_title": (
        "Nåverdi justert for optimisme",
        "Present value adjusted for optimism bias",
    ),
    "realised_col": ("Realisert", "Realised"),
    "present_value_in": ("Nåverdi, {unit}", "Present value, {unit}"),
    "millions": ("mill. kr", "NOK million"),
    "money_basis": (
        "Nåverdi over {years} år fra {start}, kalkulasjonsrente {rate}.",
        "Present value over {years} years from {start}, discount rate {rate}.",
    ),
    "no_money": (
        "Ingen gevinster eller kostnader er prissatt i planen.",
        "No benefit or cost in the plan has a money value.",
    ),
    "more_indicators": (
        "Alle indikatorene står i tabellen over indikatorer.",
        "All indicators are listed in the indicator table.",
    ),
    "measured_on": ("målt {date}", "measured {date}"),
    "other_goals": ("Øvrige elementer", "Other elements"),
    "reviews_title": (
        "Gevinstevalueringer: vurdering mot tall",
        "Benefit reviews: judgement against the numbers",
    ),
    "reviews_lead": (
        "Hver vurdering står ved siden av statusen tallene ga på samme dato.",
        "Each review stands beside the status the numbers gave on the same date.",
    ),
    "reviews_optimistic": (
        "I {n} av {total} vurderinger var vurderingen bedre enn tallene.",
        "In {n} of {total} reviews the judgement was better than the numbers.",
    ),
    "map_lead": (
        "Kartet leses fra venstre mot høyre: tiltakene gir endringer i arbeidet, "
        "endringene gir gevinster, og gevinstene bidrar til effektmålene og samfunnsmålene.",
        "Read the map from left to right: the measures bring changes in how we work, the "
        "changes bring benefits, and the benefits serve the objectives and goals.",
    ),
    "mermaid_split": (
        "Kartet er for stort for én Mermaid-figur (høyst {edges} koblinger og {chars} tegn), "
        "så det vises som én figur per samfunnsmål med elementene under det; et element "
        "under flere samfunnsmål står i hver av dem.",
        "The map is too large for one Mermaid diagram (at most {edges} links and {chars} "
        "characters), so it is shown as one diagram per goal with the elements under it; "
        "an element under several goals appears in each.",
    ),
    "mermaid_too_large": (
        "Denne delen av kartet har {n} elementer og {links} koblinger, for mye til at "
        "Mermaid kan tegne den. Se kartet som SVG eller HTML i stedet "
        "(gevinst render plan.yaml -o kart.html).",
        "This part of the map has {n} elements and {links} links, too much for Mermaid to "
        "draw. See the map as SVG or HTML instead (gevinst render plan.yaml -o map.html).",
    ),
    "mermaid_no_goal": ("Under ingen samfunnsmål", "Under no goal"),
    "money_lead": (
        "Gevinster som ennå ikke er målt, regnes ikke med i realisert verdi; ulemper "
        "regnes fullt ut til de er målt.",
        "Benefits not yet measured count nothing in the realised value; dis-benefits count "
        "in full until they are measured.",
    ),
    "link_notes_lead": (
        "Hvorfor et tiltak, en endring eller en gevinst bidrar til det neste leddet, "
        "slik planen begrunner koblingen.",
        "Why a measure, change or benefit contributes to the next step, as the plan "
        "gives the reason for the link.",
    ),
    "link_notes_more": (
        "{n} flere koblinger har merknader; se notatene til lysbildet og HTML-rapporten.",
        "{n} more links have notes; see the slide's notes and the HTML report.",
    ),
    # the theme's logo: its alternative text, with and without the organisation's name
    "logo_of": ("Logoen til {name}", "Logo of {name}"),
    "logo": ("Logo", "Logo"),
    "map_hint": (
        "Pek på et element for detaljer, klikk for å vise kjeden, Esc for å nullstille.",
        "Point at an element for details, click to show its chain, Esc to reset.",
    ),
    # text alternatives of the HTML report's charts (each chart has its figures in a table)
    "item_col": ("Post", "Item"),
    "contents": ("Innhold", "Contents"),
    "map_fit": ("Vis hele kartet", "Show the whole map"),
    "status_chart_alt": (
        "Stolpediagram over scoren til hver gevinst, farget etter status: {on} i rute, "
        "{risk} usikre, {off} ikke i rute og {other} ikke målt eller ikke forfalt. Scoren "
        "og statusen til hver gevinst står i tabellen Gevinster under.",
        "Bar chart of the score of each benefit, coloured by status: {on} on track, "
        "{risk} at risk, {off} off track and {other} not measured or not due. Each "
        "benefit's score and status are in the Benefits table below.",
    ),
    "indicator_chart_alt": (
        "Linjediagram for indikator {id} {name}: utgangsverdi {baseline}, mål {target}, "
        "siste måling {realised}; status {status}. Tallene står i tabellen over.",
        "Line chart of indicator {id} {name}: baseline {baseline}, target {target}, "
        "latest measurement {realised}; status {status}. The figures are in the table above.",
    ),
    "stakeholder_chart_alt": (
        "Makt- og interessekart med {n} interessenter plassert etter makt og interesse; "
        "hvem som står i hver rute, er listet under.",
        "Power and interest grid of {n} stakeholders placed by power and interest; who is "
        "in each quadrant is listed below.",
    ),
    "money_chart_alt": (
        "Fossefallsdiagram over nåverdien av hver gevinst, ulempe og kostnaden, realisert "
        "mot forventet, ned til netto nåverdi. Beløpene står i tabellene over.",
        "Waterfall chart of the present value of each benefit, dis-benefit and the costs, "
        "realised against expected, down to the net present value. The amounts are in the "
        "tables above.",
    ),
    # the council deck (gevinst.report.pptx): speaker notes and chips, whole sentences
    "deck_title_notes_at": (
        "Denne presentasjonen viser gevinstrealiseringsplanen «{title}» per {date}: "
        "hvorfor tiltakene betyr noe, hvordan de henger sammen med målene, hvor langt vi "
        "har kommet, hvem som berøres, og hva det koster og gir.",
        "This deck presents the benefit realisation plan “{title}” as of {date}: why "
        "the measures matter, how they lead to the goals, how far we have come, who is "
        "affected, and what it costs and returns.",
    ),
    "deck_title_notes_planned": (
        "Denne presentasjonen viser gevinstrealiseringsplanen «{title}» slik den er "
        "planlagt: hvorfor tiltakene betyr noe, hvordan de henger sammen med målene, hvor "
        "langt vi har kommet, hvem som berøres, og hva det koster og gir.",
        "This deck presents the benefit realisation plan “{title}” as planned: why "
        "the measures matter, how they lead to the goals, how far we have come, who is "
        "affected, and what it costs and returns.",
    ),
    "deck_why_notes": (
        "Tiltakene er ikke et mål i seg selv. De skal gi gevinster som bidrar til "
        "effektmålene og samfunnsmålene til venstre.",
        "The measures are not an end in themselves. They are to bring benefits that "
        "serve the objectives and goals on the left.",
    ),
    "deck_benefit_status": ("Status for gevinstene: {said}.", "Benefit status: {said}."),
    "deck_plan_has": ("Planen har {counted}.", "The plan has {counted}."),
    "list_and": ("{items} og {last}", "{items} and {last}"),
    "deck_map_notes": (
        "Gevinstkartet leses fra venstre mot høyre: tiltakene gir endringer i "
        "arbeidet, endringene gir gevinster, og gevinstene bidrar til effektmålene "
        "og samfunnsmålene. Ulemper er rosa med stiplet rød kant.",
        "Read the benefit map from left to right: the measures bring changes in "
        "how we work, the changes bring benefits, and the benefits serve the "
        "objectives and goals. Dis-benefits are pink with a dashed red border.",
    ),
    "deck_map_colours": (
        "Fargen viser status per evalueringsdatoen: grønn er i rute, gul "
        "usikker, oransje ikke i rute, grå ikke målt. Prosenten er andelen av "
        "forventet forbedring som er nådd.",
        "The colour shows the status at the evaluation date: green on track, "
        "yellow at risk, orange off track, grey not measured. The percentage "
        "is the share of the expected improvement achieved.",
    ),
    "deck_map_split": (
        "Hele kartet er for stort for én lesbar side, så det er delt på {parts} "
        "sider etter målene.",
        "The whole map is too large for one readable slide, so it is split "
        "over {parts} slides by goal.",
    ),
    "deck_map_overview": (
        "Oversikten viser bare gevinster, ulemper og mål; de neste sidene viser "
        "tiltakene og endringene bak dem.",
        "The overview shows only benefits, dis-benefits and goals; the next "
        "slides show the measures and changes behind them.",
    ),
    "deck_map_feeds": (
        "Denne siden viser hva som bidrar til «{name}»: {count}.",
        "This slide shows what feeds “{name}”: {count}.",
    ),
    "deck_off_track_here": ("Ikke i rute her: {names}.", "Off track here: {names}."),
    "deck_at_risk_here": ("Usikre her: {names}.", "At risk here: {names}."),
    "deck_more": ("+{count} flere", "+{count} more"),
    "deck_overview_title": ("Oversikt: mål og status", "Overview: goals and status"),
    "deck_overview_notes": (
        "Tabellen viser hvert effektmål med hvor mange gevinster og tiltak som bidrar "
        "til det, og status. Kartene etter denne siden viser først kjedene som ikke er "
        "i rute eller er usikre, deretter de største målene.",
        "The table shows each objective with how many benefits and measures feed it, "
        "and its status. The maps after this slide show the chains that are off track "
        "or at risk first, then the largest goals.",
    ),
    "deck_overview_goals_notes": (
        "Planen har for mange effektmål til én tabell, så tabellen viser hvert "
        "samfunnsmål med effektmålene, gevinstene og tiltakene som bidrar til det.",
        "The plan has too many objectives for one table, so the table shows each goal "
        "with the objectives, benefits and measures that feed it.",
    ),
    "deck_overview_rows_more": (
        "{n} til er med i HTML-rapporten og i vedlegget (--appendix).",
        "{n} more are in the HTML report and in the appendix (--appendix).",
    ),
    "deck_off_track_line": ("Ikke i rute: {names}.", "Off track: {names}."),
    "deck_at_risk_line": ("Usikre: {names}.", "At risk: {names}."),
    "deck_all_on_track": (
        "Ingen gevinster er utenfor rute.",
        "No benefit is off track.",
    ),
    "deck_and_more": ("og {n} til", "and {n} more"),
    "deck_language_tag": ("nb-NO", "en-GB"),
    "deck_left_out_title": ("Mer i vedlegget og rapportene", "More in the appendix and reports"),
    "deck_left_out_lead": (
        "For å holde seg innenfor {max} lysark viser denne presentasjonen ikke:",
        "To stay within {max} slides this deck does not show:",
    ),
    "deck_left_out_maps": (
        "hele eller deler av gevinstkartet for {names}",
        "all or part of the benefit map of {names}",
    ),
    "deck_left_out_unreadable": (
        "kartdeler som ikke får lesbar tekst (12 pt) på ett lysark, og som bare står i "
        "HTML-rapporten: {names}",
        "parts of the map that cannot have readable text (12 pt) on one slide, only in "
        "the HTML report: {names}",
    ),
    "deck_left_out_tables": (
        "tabellene over status for hvert mål og hver gevinst, indikatorene og "
        "begrunnelsene for koblingene",
        "the tables of the status of every goal and benefit, the indicators and the "
        "notes on the links",
    ),
    "deck_left_out_where": (
        "Alt står i HTML-rapporten (gevinst report PLAN -o rapport.html) og i "
        "Excel-arbeidsboken; «gevinst report PLAN -o bystyret.pptx --appendix» legger "
        "det til som vedlegg bak i presentasjonen.",
        "Everything is in the HTML report (gevinst report PLAN -o report.html) and in "
        "the Excel workbook; “gevinst report PLAN -o council.pptx --appendix” adds it "
        "as an appendix at the end of this deck.",
    ),
    "deck_left_out_notes": (
        "Denne siden sier hva som er utelatt for å holde presentasjonen kort, og hvor det finnes.",
        "This slide says what was left out to keep the deck short, and where to find it.",
    ),
    "deck_in_appendix": ("Vedlegg: {title}", "Appendix: {title}"),
    "deck_chart_alt": (
        "Diagram over «{name}»: forventet utvikling, målinger og mål over tid. {caption}",
        "Chart of “{name}”: expected path, measurements and targets over time. {caption}",
    ),
    "deck_money_alt": (
        "Søylediagram over nåverdi i millioner: {values}.",
        "Column chart of present value in millions: {values}.",
    ),
    "deck_reviews_more": (
        "De {n} nyeste av {total} evalueringer; alle står i vedlegget og i HTML-rapporten.",
        "The {n} newest of {total} reviews; all are in the appendix and the HTML report.",
    ),
    "deck_stakeholder_notes": (
        "Interessentene er plassert etter makt (loddrett) og interesse (vannrett). "
        "Øverst til høyre står nøkkelaktørene som må involveres tett; fargen viser "
        "holdningen til endringen (grønn positiv, grå nøytral, oransje motstand).",
        "Stakeholders are placed by power (up) and interest (right). Top right are the "
        "key players to manage closely; the colour shows their attitude to the change "
        "(green supportive, grey neutral, orange resistant).",
    ),
    "deck_status_notes_planned": (
        "Tabellen viser mål og gevinster med eier og indikatorer. Planen er ikke "
        "evaluert ennå, så status mangler.",
        "The table lists goals and benefits with their owners and indicators. The plan "
        "has not been evaluated yet, so there is no status.",
    ),
    "deck_status_notes": (
        "Tabellen viser status per evalueringsdatoen. Score er andelen av den "
        "forventede forbedringen som er nådd; mål uten egne indikatorer får et "
        "vektet snitt av gevinstene som bidrar til dem.",
        "The table shows the status at the evaluation date. The score is the share of "
        "the expected improvement achieved; goals without indicators of their own get "
        "a weighted mean of the benefits that feed them.",
    ),
    "deck_off_track": ("Ikke i rute: {names}.", "Off track: {names}."),
    "deck_indicator_table_notes": (
        "Hver indikator har et nullpunkt og en målverdi. «Forventet» er der vi "
        "skulle vært på evalueringsdatoen om utviklingen gikk som planlagt; "
        "«Realisert» er siste måling.",
        "Each indicator has a baseline and a target. “Expected” is where we should be "
        "at the evaluation date had things gone to plan; “Realised” is the latest "
        "measurement.",
    ),
    "deck_reviews_notes": (
        "Gevinsteierne vurderer gevinstene sine jevnlig. Her står hver vurdering "
        "ved siden av det tallene viste på samme dato; ≠ betyr at de er uenige.",
        "The benefit owners review their benefits at set times. Each review is "
        "shown beside what the numbers said on the same date; ≠ marks a "
        "disagreement.",
    ),
    "deck_indicator_lower": (
        "{name}: lavere er bedre. Vi startet på {baseline} og skal nå {target}. På "
        "evalueringsdatoen forventet vi {expected}; siste måling var {realised}. "
        "Status: {status}.",
        "{name}: lower is better. We started at {baseline} and aim for {target}. At the "
        "evaluation date we expected {expected}; the latest measurement was {realised}. "
        "Status: {status}.",
    ),
    "deck_indicator_higher": (
        "{name}: høyere er bedre. Vi startet på {baseline} og skal nå {target}. På "
        "evalueringsdatoen forventet vi {expected}; siste måling var {realised}. "
        "Status: {status}.",
        "{name}: higher is better. We started at {baseline} and aim for {target}. At the "
        "evaluation date we expected {expected}; the latest measurement was {realised}. "
        "Status: {status}.",
    ),
    "deck_money_notes": (
        "Nåverdien regner om framtidige kroner til dagens verdi. {basis} Gevinster som "
        "ennå ikke er målt, regnes ikke med; ulemper regnes fullt ut. Netto nåverdi er "
        "{net}.",
        "Present value turns future money into today's value. {basis} Benefits not yet "
        "measured are not counted; dis-benefits count in full. The net present value is "
        "{net}.",
    ),
    # uncertainty: the simulation's charts, deck slide and report section (SPEC 6)
    "uncertainty": ("Usikkerhet", "Uncertainty"),
    "uncertainty_title": ("Usikkerhet i netto nåverdi", "Uncertainty in net present value"),
    "scurve_title": (
        "Hvor sannsynlig er hver netto nåverdi?",
        "How likely is each net present value?",
    ),
    "tornado_title": (
        "Beløpene som flytter netto nåverdi mest",
        "The amounts that move net present value most",
    ),
    "npv_axis": ("Netto nåverdi, {unit}", "Net present value, {unit}"),
    "scurve_axis": ("Sannsynlighet for høyst dette beløpet", "Probability of at most this amount"),
    "unit_millions": ("mill. {currency}", "{currency} million"),
    "unit_thousands": ("tusen {currency}", "{currency} thousand"),
    "currency_nok": ("kr", "NOK"),
    "planned_net": ("Planlagt {value}", "Planned {value}"),
    "simulation_basis": (
        "{runs} simuleringer · {uncertain} usikre beløp · korrelasjon {correlation} · "
        "sannsynlighet for negativ netto nåverdi {negative}",
        "{runs} runs · {uncertain} uncertain amounts · correlation {correlation} · "
        "probability of a negative net present value {negative}",
    ),
    "amount_low": ("Beløpet på lavt anslag", "Amount at its low estimate"),
    "amount_high": ("Beløpet på høyt anslag", "Amount at its high estimate"),
    "low_end": ("lav {value}", "low {value}"),
    "high_end": ("høy {value}", "high {value}"),
    "tornado_basis": (
        "Netto nåverdi når ett beløp er på lavt eller høyt anslag og alle andre på mest "
        "sannsynlig. Linjen er planlagt netto nåverdi.",
        "Net present value with one amount at its low or high estimate and every other at "
        "its most likely. The line is the planned net present value.",
    ),
    "below_one_percent": ("under 1\u00a0%", "under 1%"),
    "unc_p50": (
        "Med 50\u00a0% sannsynlighet blir netto nåverdi minst {value} (P50).",
        "With 50% probability the net present value is at least {value} (P50).",
    ),
    "unc_net_85": (
        "Med 85\u00a0% sannsynlighet blir netto nåverdi minst {value} (P15).",
        "With 85% probability the net present value is at least {value} (P15).",
    ),
    "unc_costs_85": (
        "Med 85\u00a0% sannsynlighet blir kostnadene høyst {value} (P85 for kostnadene).",
        "With 85% probability the costs are at most {value} (P85 of the costs).",
    ),
    "unc_negative": (
        "Sannsynligheten for at netto nåverdi blir negativ er {value}.",
        "The probability that the net present value is negative is {value}.",
    ),
    "unc_planned": (
        "Planlagt netto nåverdi (mest sannsynlige beløp): {value}.",
        "Planned net present value (most likely amounts): {value}.",
    ),
    "unc_drivers": ("Betyr mest: {names}.", "Matters most: {names}."),
    "unc_basis": (
        "{runs} simuleringer med trekantfordeling på {uncertain} usikre beløp, korrelasjon "
        "{correlation}, fast startverdi {seed}.",
        "{runs} runs with triangular distributions on {uncertain} uncertain amounts, "
        "correlation {correlation}, fixed seed {seed}.",
    ),
    "unc_p50_means": (
        "P50 er like sannsynlig å bli over som under.",
        "P50 is as likely to be exceeded as not.",
    ),
    "unc_p85_means": (
        "P85 har 85\u00a0% sannsynlighet for å ikke bli overskredet: for kostnadene er "
        "det rammen staten bruker. For netto nåverdi er P15 det forsiktige tallet: 85\u00a0% "
        "sannsynlighet for minst så mye.",
        "P85 has an 85% chance of not being exceeded: for the costs it is the frame the "
        "state uses. For the net present value P15 is the cautious figure: an 85% chance "
        "of at least that much.",
    ),
    "unc_scurve_alt": (
        "S-kurve for netto nåverdi: P10 {p10}, P50 {p50}, P85 {p85}, P90 {p90}; planlagt "
        "{planned}; sannsynlighet for negativ netto nåverdi {negative}.",
        "S-curve of the net present value: P10 {p10}, P50 {p50}, P85 {p85}, P90 {p90}; "
        "planned {planned}; probability of a negative net present value {negative}.",
    ),
    "unc_table_caption": (
        "Nåverdier fra simuleringen ({runs} simuleringer)",
        "Present values from the simulation ({runs} runs)",
    ),
    "unc_drivers_caption": (
        "Beløpene som flytter netto nåverdi mest",
        "The amounts that move net present value most",
    ),
    "mean": ("Gjennomsnitt", "Mean"),
    "planned_col": ("Planlagt", "Planned"),
    "amount_field": ("Beløp", "Amount"),
    "net_if_low": ("Netto ved lavt anslag", "Net at low estimate"),
    "net_if_high": ("Netto ved høyt anslag", "Net at high estimate"),
    "swing": ("Utslag", "Swing"),
    "deck_uncertainty_notes": (
        "Kurven viser hvor sannsynlig hver netto nåverdi er, når de usikre beløpene "
        "varierer innenfor sine anslag. Les av på den loddrette aksen: ved 50\u00a0% er "
        "netto nåverdi like sannsynlig høyere som lavere. {drivers}",
        "The curve shows how likely each net present value is when the uncertain amounts "
        "vary within their estimates. Read the vertical axis: at 50% the net present "
        "value is as likely to be higher as lower. {drivers}",
    ),
    # gevinst simulate (SPEC section 6): {runs}, {uncertain} numbers, {rate} a rate
    "sim_heading": ("Simulering av «{title}» ({id})", "Simulation of «{title}» ({id})"),
    "sim_settings": (
        "{runs} kjøringer, frø {seed}, korrelasjon {correlation}, diskonteringsrente {rate}; "
        "{uncertain} beløp med spenn [lav, mest sannsynlig, høy].",
        "{runs} runs, seed {seed}, correlation {correlation}, discount rate {rate}; "
        "{uncertain} amounts with a range [low, most likely, high].",
    ),
    "sim_no_ranges": (
        "Planen har ingen beløp med spenn, så hver kjøring gir den planlagte verdien.",
        "The plan has no amount with a range, so every run gives the planned value.",
    ),
    "sim_benefits": ("Gevinster minus ulemper", "Benefits minus dis-benefits"),
    "sim_net": ("Netto nåverdi", "Net present value"),
    "sim_mean": ("Gjennomsnitt", "Mean"),
    "sim_negative": (
        "Sannsynlighet for negativ netto nåverdi: {share}.",
        "Probability of a negative net present value: {share}.",
    ),
    "sim_drivers": (
        "Beløpene som flytter netto nåverdi mest (hvert alene fra lav til høy, de andre "
        "mest sannsynlige):",
        "The amounts that move the net present value most (each alone from low to high, "
        "the others most likely):",
    ),
    "sim_driver": (
        "{name} ({id}), {field}: netto nåverdi fra {low} til {high}",
        "{name} ({id}), {field}: net present value from {low} to {high}",
    ),
    "sim_field": ("Beløp", "Amount"),
    "sim_at_low": ("Netto nåverdi ved lav", "Net present value at low"),
    "sim_at_high": ("Netto nåverdi ved høy", "Net present value at high"),
    "sim_swing": ("Utslag", "Swing"),
    # gevinst impact: what a plan loses without one element
    "impact_heading": (
        "Uten {element} i «{title}» ({id})",
        "Without {element} in «{title}» ({id})",
    ),
    "impact_orphaned": (
        "Mister all støtte fra tiltak",
        "Lose all support from measures",
    ),
    "impact_unmitigated": (
        "Ulemper som ikke lenger dempes av noe",
        "Dis-benefits nothing mitigates any more",
    ),
    "impact_weakened": (
        "Svekket, men har fortsatt annen støtte",
        "Weakened, but keep other support",
    ),
    "impact_none": ("ingen", "none"),
    "impact_scores": (
        "Poeng som endres (nå → uten):",
        "Scores that change (now → without):",
    ),
    "impact_score_now": ("Poeng nå", "Score now"),
    "impact_score_without": ("Poeng uten", "Score without"),
    "impact_money": (
        "Penger, nåverdi som planlagt (virkning på netto nåverdi):",
        "Money, present value as planned (effect on the net present value):",
    ),
    "impact_costs_saved": ("Kostnader spart", "Costs saved"),
    "impact_value_lost": ("Gevinst tapt: {element}", "Benefit lost: {element}"),
    "impact_disbenefit_gone": ("Ulempe borte: {element}", "Dis-benefit gone: {element}"),
    "impact_net_change": ("Endring i netto nåverdi", "Change in net present value"),
    "impact_net_before": ("Netto nåverdi med", "Net present value with"),
    "impact_net_after": ("Netto nåverdi uten", "Net present value without"),
    "impact_item": ("Post", "Item"),
    "impact_unpriced": (
        "Uten kroneverdi, ikke med i beløpene: {elements}.",
        "Without a value in money, not in the amounts: {elements}.",
    ),
    # the workshop page (gevinst.workshop)
    "ws_title": ("Verksted", "Workshop"),
    "ws_add": ("Legg til element", "Add an element"),
    "ws_add_button": ("Legg til", "Add"),
    "ws_kind": ("Type element", "Kind of element"),
    "ws_element": ("Element", "Element"),
    "ws_choose": ("Velg et element", "Choose an element"),
    "ws_none_selected": (
        "Klikk et element i kartet, eller velg det i listen, for å endre det.",
        "Click an element on the map, or choose it in the list, to edit it.",
    ),
    "ws_save": ("Lagre", "Save"),
    "ws_delete": ("Slett elementet", "Delete the element"),
    "ws_undo": ("Angre", "Undo"),
    "ws_redo": ("Gjør om", "Redo"),
    "ws_fields": ("Felter", "Fields"),
    "ws_links": ("Koblinger", "Links"),
    "ws_link_target": ("Til element", "To element"),
    "ws_relation": ("Slags kobling", "Kind of link"),
    "ws_contributes_to": ("bidrar til", "contributes to"),
    "ws_unmitigate": ("Fjern dempingen av {name}", "Remove the mitigation of {name}"),
    "ws_edit_link": ("Endre koblingen til {name}", "Edit the link to {name}"),
    "ws_weight": ("Vekt (0 til 1, valgfri)", "Weight (0 to 1, optional)"),
    "ws_link": ("Koble", "Link"),
    "ws_unlink": ("Fjern koblingen til {name}", "Remove the link to {name}"),
    "ws_no_links": ("Ingen koblinger ennå.", "No links yet."),
    "ws_findings": ("Funn fra sjekken", "Findings of the check"),
    "ws_no_findings": ("Ingen funn: planen er i orden.", "No findings: the plan is in order."),
    "ws_conflict": (
        "Planfilen er endret utenfor dette vinduet. Last inn på nytt for å se endringen; "
        "endringen din er ikke lagret og står fortsatt i skjemaet.",
        "The plan file has changed outside this window. Reload to see the change; your "
        "edit was not saved and is still in the form.",
    ),
    "ws_reload": ("Last inn på nytt", "Reload"),
    "ws_saved": ("Lagret i {file}.", "Saved to {file}."),
    "ws_not_saved": ("Ikke lagret: {message}", "Not saved: {message}"),
    "ws_plan_error": (
        "Planen kan ikke leses. Rett feilen i en teksteditor; siden viser endringen selv.",
        "The plan cannot be read. Fix the error in a text editor; the page shows the change "
        "by itself.",
    ),
    "ws_list_hint": (
        "Tekst i flere linjer: én forutsetning eller indikator per linje.",
        "Text on several lines: one assumption or indicator per line.",
    ),
    "ws_keys": (
        "Tab og Enter velger elementer i kartet; Ctrl+Z angrer, Ctrl+Y gjør om.",
        "Tab and Enter choose elements on the map; Ctrl+Z undoes, Ctrl+Y redoes.",
    ),
    "ws_value_annual": ("Årlig verdi", "Annual value"),
    "ws_value_from": ("Verdi fra (dato)", "Value from (date)"),
    "ws_date_hint": ("dd.mm.åååå", "yyyy-mm-dd"),
    "ws_cost_annual": ("Årlig kostnad", "Annual cost"),
    "ws_empty_map": (
        "Kartet er tomt: legg til et samfunnsmål, et effektmål, en gevinst og et tiltak.",
        "The map is empty: add a goal, an objective, a benefit and a measure.",
    ),
    # what the workshop's server answers when it cannot do what the page asked
    "ws_a_goal": ("et samfunnsmål", "a goal"),
    "ws_a_objective": ("et effektmål", "an objective"),
    "ws_a_benefit": ("en gevinst", "a benefit"),
    "ws_a_disbenefit": ("en ulempe", "a dis-benefit"),
    "ws_a_change": ("en endring", "a change"),
    "ws_a_measure": ("et tiltak", "a measure"),
    "ws_a_stakeholder": ("en interessent", "a stakeholder"),
    "ws_a_indicator": ("en indikator", "an indicator"),
    "ws_err_empty": (
        "«{field}» kan ikke være tomt; skriv noe i feltet",
        "'{field}' must be a non-empty text; write something in it",
    ),
    "ws_err_too_long": (
        "«{field}» er lengre enn {limit} tegn; gjør teksten kortere",
        "'{field}' is longer than {limit} characters; shorten the text",
    ),
    "ws_err_bad_id": (
        "«{id}» kan ikke brukes som id: begynn med en bokstav (a–z, uten æøå), og bruk "
        "bare bokstaver, sifre, «_», «.» og «-» (høyst 64 tegn)",
        "'{id}' is not a valid id: start with a letter (a-z), then letters, digits, "
        "'_', '.' or '-' (at most 64)",
    ),
    "ws_err_not_a_list": (
        "delen «{name}» i planfilen er ikke en liste; rett den i en teksteditor først",
        "the section '{name}' is not a list; fix it in the file first",
    ),
    "ws_err_no_element": (
        "det finnes ikke noe element «{id}» i planen; last inn siden på nytt for å se "
        "planen slik den er nå",
        "there is no element '{id}' in the plan; reload the page to see the plan as it is",
    ),
    "ws_err_kind": (
        "ukjent type element; velg en av disse: {kinds}",
        "unknown kind of element; choose one of: {kinds}",
    ),
    "ws_err_taken": (
        "id-en «{id}» er allerede i bruk; velg en annen",
        "the id '{id}' is taken; choose another",
    ),
    "ws_err_list": (
        "«{field}» må være tekst, med én verdi per linje",
        "'{field}' must be a list of texts (one per line)",
    ),
    "ws_err_text_or_number": (
        "«{field}» må være en tekst eller et tall",
        "'{field}' must be a text or a number",
    ),
    "ws_err_true_false": (
        "«{field}» må være ja eller nei (true eller false)",
        "'{field}' is true or false",
    ),
    "ws_err_date": (
        "«{field}» må være en dato skrevet DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (31.03.2026 eller "
        "2026-03-31), ikke «{text}»",
        "'{field}' must be a date as DD.MM.YYYY or YYYY-MM-DD (31.03.2026 or 2026-03-31), "
        "not '{text}'",
    ),
    "ws_err_number": (
        "«{field}» må være et tall, ikke «{text}»; skriv for eksempel 250 000 eller 1,5 "
        "(eller lav / sannsynlig / høy: 100 / 150 / 200)",
        "'{field}' must be a number, not '{text}'; write e.g. 250000 or 1.5 "
        "(or low / likely / high: 100 / 150 / 200)",
    ),
    "ws_err_no_field": (
        "{kind} har ikke feltet «{field}» her; bruk et av disse: {fields}",
        "{kind} has no field '{field}' to edit here; use {fields}",
    ),
    "ws_err_no_name": (
        "navnet kan ikke være tomt; skriv et navn",
        "the name cannot be empty; write a name",
    ),
    "ws_err_links_not_a_list": (
        "«{key}» i «{id}» er ikke en liste; rett det i planfilen først",
        "'{key}' of '{id}' is not a list; fix the file",
    ),
    "ws_err_relation": (
        "ukjent slags kobling; velg en av disse: {relations}",
        "'relation' must be one of {relations}",
    ),
    "ws_err_weight_text": (
        "vekten må være et tall fra 0 til 1, ikke «{weight}»; skriv for eksempel 0,5",
        "the weight must be a number from 0 to 1, not '{weight}'; write e.g. 0.5",
    ),
    "ws_err_weight": (
        "vekten må være et tall fra 0 til 1; skriv for eksempel 0,5",
        "the weight must be a number from 0 to 1; write e.g. 0.5",
    ),
    "ws_err_not_linked": (
        "{kind} har ingen koblinger i kartet",
        "{kind} has no links on the map",
    ),
    "ws_err_link_target": (
        "en kobling må gå til et element i kartet, ikke til {kind}",
        "a link must go to an element of the map, not {kind}",
    ),
    "ws_err_self_link": (
        "et element kan ikke bidra til seg selv; velg et annet element å koble til",
        "an element cannot contribute to itself; choose another element to link to",
    ),
    "ws_err_mitigator": (
        "bare et tiltak eller en endring kan dempe en ulempe, ikke {kind}",
        "only a measure or a change can mitigate, not {kind}",
    ),
    "ws_err_mitigated": (
        "«{target}» er {kind}, ikke en ulempe: bare en ulempe kan dempes; "
        "koble heller med «bidrar til»",
        "'{target}' is {kind}, not a dis-benefit: only a dis-benefit can be "
        "mitigated; link it with 'contributes to' instead",
    ),
    "ws_err_mitigation_weight": (
        "en demping har ingen vekt; la vektfeltet stå tomt",
        "a mitigation has no weight; leave the weight empty",
    ),
    "ws_err_not_mitigating": (
        "«{source}» demper ikke «{target}»; last inn siden på nytt for å se koblingene slik "
        "de er nå",
        "'{source}' does not mitigate '{target}'; reload the page to see the links as they are",
    ),
    "ws_err_no_link": (
        "«{source}» har ingen kobling til «{target}»; last inn siden på nytt for å se "
        "koblingene slik de er nå",
        "'{source}' has no link to '{target}'; reload the page to see the links as they are",
    ),
    "ws_err_not_an_edit": (
        "en endring sendes som et JSON-objekt med «op»",
        "an edit is a JSON object with an 'op'",
    ),
    "ws_err_not_a_mapping": (
        "planfilen er ikke en samling av nøkler og verdier; rett den i en teksteditor først",
        "the plan file is not a mapping; fix it in a text editor first",
    ),
    "ws_err_op": ("«op» må være en av disse: {ops}", "'op' must be one of {ops}"),
    "ws_err_changed": (
        "planfilen er endret etter at siden ble lastet inn; last inn på nytt for å se "
        "endringen (endringen din er ikke lagret)",
        "the plan file has changed on disk since the page loaded it; reload to see the "
        "change (your edit was not saved)",
    ),
    "ws_err_yaml": (
        "planfilen kan ikke leses som YAML; rett den i en teksteditor først",
        "the plan file cannot be read as YAML; fix it in a text editor first",
    ),
    "ws_err_json_layout": (
        "denne JSON-planen er ikke satt opp slik gevinst skriver JSON (innrykk på 2), så en "
        "endring ville endre linjer du ikke har rørt; gjør den om til YAML (gevinst convert) "
        "eller formater den med: python -m json.tool --indent 2 --no-ensure-ascii",
        "this JSON plan is not laid out as gevinst writes JSON (2-space indent), so editing "
        "it would change lines you did not touch; convert it to YAML (gevinst convert) or "
        "reformat it with: python -m json.tool --indent 2 --no-ensure-ascii",
    ),
    "ws_err_invalid": (
        "endringen ville gjort planen ugyldig: {error}",
        "the edit would make the plan invalid: {error}",
    ),
    "ws_err_nothing_to_undo": (
        "det er ingenting å angre i denne fanen",
        "there is nothing to undo",
    ),
    "ws_err_nothing_to_redo": (
        "det er ingenting å gjøre om i denne fanen",
        "there is nothing to redo",
    ),
    "ws_err_undo_refused": (
        "kan ikke angre: {where} er endret etterpå i en annen fane eller i filen; "
        "gjør endringen for hånd",
        "undo is not possible: {where} was changed since in another tab or in the file; "
        "make the change by hand",
    ),
    "ws_err_redo_refused": (
        "kan ikke gjøre om: {where} er endret etterpå i en annen fane eller i filen; "
        "gjør endringen for hånd",
        "redo is not possible: {where} was changed since in another tab or in the file; "
        "make the change by hand",
    ),
    "ws_err_line": ("linje {line}", "line {line}"),
    "ws_err_tab": (
        "fane-id-en (X-Gevinst-Tab) må være 1 til 64 tegn av A-Z a-z 0-9 - _; last inn "
        "siden på nytt",
        "the tab id (X-Gevinst-Tab) must be 1 to 64 of A-Z a-z 0-9 - _; reload the page",
    ),
    "ws_err_not_json": (
        "send endringen som JSON (Content-Type: application/json)",
        "send the edit as JSON (Content-Type: application/json)",
    ),
    "ws_err_too_large": (
        "forespørselen er for stor (over {limit} byte); del endringen opp i mindre deler",
        "the request is too large (over {limit} bytes); split the edit into smaller ones",
    ),
    "ws_err_bad_json": (
        "forespørselen er ikke gyldig JSON: {reason}",
        "the request is not valid JSON: {reason}",
    ),
    "ws_err_no_version": (
        "forespørselen må være et JSON-objekt med filens «version»; last inn siden på nytt",
        "the request must be a JSON object with the file's 'version'; reload the page",
    ),
    "ws_err_no_edit_object": (
        "forespørselen må ha et «edit»-objekt med «op»",
        "the request must carry an 'edit' object with an 'op'",
    ),
    # (the page puts "Ikke lagret:" / "Not saved:" before every refusal)
    "ws_err_not_saved": ("{reason}", "{reason}"),
    "ws_err_map": ("kartet kan ikke tegnes: {reason}", "the map cannot be drawn: {reason}"),
    "ws_refused_host": (
        "denne serveren svarer bare på sin egen adresse (Host avvist)",
        "this server answers only at its own address (Host refused)",
    ),
    "ws_refused_origin": (
        "forespørsler fra andre sider avvises (Origin avvist)",
        "requests from other pages are refused (Origin refused)",
    ),
    "ws_refused_token": (
        "åpne verkstedet med lenken det skrev ut (tokenet mangler eller er feil)",
        "open the workshop with the link it printed (the token is missing or wrong)",
    ),
    # notebooks: what results show in Jupyter (``_repr_html_``)
    "html_evaluation": ("{plan}: status per {date}", "{plan}: status at {date}"),
    "html_rows_left_out": ("… og {n} rader til", "… and {n} more rows"),
    "html_trace": ("Stier gjennom {element}: {name}", "Paths through {element}: {name}"),
    "path": ("Sti", "Path"),
    "trace_up": ("Opp til målene (stier: {n})", "Up to the goals ({n} path(s))"),
    "trace_down": ("Ned til tiltakene (stier: {n})", "Down to the measures ({n} path(s))"),
    "trace_truncated": (
        "Flere stier finnes; bare de første er vist.",
        "More paths exist; only the first were listed.",
    ),
    "html_impact": ("Uten {element}", "Without {element}"),
    "html_impact_none": (
        "Ingen elementer mister støtte, og ingen score endres.",
        "No element loses support and no score changes.",
    ),
    "effect": ("Virkning", "Effect"),
    "orphaned": ("Mister all støtte fra tiltak", "Loses all support from measures"),
    "weakened": ("Svekket, har annen støtte", "Weakened, keeps other support"),
    "unmitigated": ("Dempes ikke lenger", "No longer mitigated"),
    "score_changes": ("Score endres", "Score changes"),
    "score_now": ("Score nå", "Score now"),
    "score_without": ("Score uten", "Score without"),
    "html_portfolio": ("Portefølje med {n} planer", "Portfolio of {n} plan(s)"),
    "html_unreadable": ("{n} fil(er) kunne ikke leses.", "{n} file(s) could not be read."),
    # gevinst check (gevinst.analysis.checks): what each GV code means, and its messages.
    # Field names of the file (owner, contributes_to, baseline) stay as written there.
    "gv001": ("id brukt mer enn én gang", "duplicate id"),
    "gv002": ("henvisning til en ukjent id", "reference to an unknown id"),
    "gv003": ("sirkel i kartet", "cycle in the graph"),
    "gv004": (
        "pil som går ned et nivå, eller på tvers der det ikke er lov",
        "edge goes down a level, or across a level where not allowed",
    ),
    "gv005": (
        "vektene inn i ett element summerer til mer enn 1",
        "weights into one element sum to more than 1",
    ),
    "gv006": ("umulig verdi", "impossible value"),
    "gv007": ("verdi utenfor det en plan kan holde", "value outside what a plan can hold"),
    "gv008": (
        "mitigates peker på noe som ikke er en ulempe",
        "mitigates names something that is not a dis-benefit",
    ),
    "gv020": (
        "spenn som ikke er i rekkefølgen lav <= mest sannsynlig <= høy",
        "range not in the order low <= most likely <= high",
    ),
    "gv021": ("andel i opptrappingen utenfor 0..1", "ramp-up share outside 0..1"),
    "gv022": ("korrelasjon utenfor 0..1", "correlation outside 0..1"),
    "gv023": (
        "beløp uten spenn der de fleste beløp har et",
        "amount without a range where most amounts have one",
    ),
    "gv101": ("tiltak bidrar ikke til noe", "measure contributes to nothing"),
    "gv102": (
        "gevinst eller ulempe når ikke noe effektmål eller samfunnsmål",
        "benefit or dis-benefit does not reach any objective or goal",
    ),
    "gv103": (
        "effektmål eller samfunnsmål som ingenting bidrar til",
        "objective or goal has nothing contributing to it",
    ),
    "gv104": ("gevinst uten eier", "benefit has no owner"),
    "gv105": ("gevinst uten indikator", "benefit has no indicator"),
    "gv106": ("indikator uten nullpunkt", "indicator has no baseline"),
    "gv107": ("indikator uten målverdi", "indicator has no target"),
    "gv108": (
        "eier som ikke er en interessent med makt og interesse satt",
        "owner is not a stakeholder with power and interest set",
    ),
    "gv109": (
        "måling datert før indikatorens nullpunkt",
        "measurement dated before its indicator's baseline",
    ),
    "gv110": (
        "interessent uten påvirkning som ikke eier noe",
        "stakeholder has no impact and owns nothing",
    ),
    "gv111": (
        "prissatt gevinst bidrar til en annen prissatt gevinst",
        "monetised benefit feeds another monetised benefit",
    ),
    "gv112": ("indikator uten kilde", "indicator has no source"),
    "gv113": (
        "mektig interessent er negativ eller rammes bare av ulemper",
        "powerful stakeholder is resistant or only hit by dis-benefits",
    ),
    "gv114": ("måling er forsinket", "measurement is overdue"),
    "gv115": (
        "tiltak eller endring både bidrar til og demper samme ulempe",
        "measure or change both contributes to and mitigates the same dis-benefit",
    ),
    "gv201": (
        "tekst som ser ut som et fødselsnummer",
        "text looks like a national identity number",
    ),
    "gv001_duplicate": (
        "id-en '{id}' er brukt {count} ganger ({kinds}); en id må være unik i hele planen: "
        "gi alle unntatt én en ny id",
        "the id '{id}' is used {count} times ({kinds}); ids must be unique across the whole "
        "plan: rename all but one",
    ),
    "gv002_plan_owner": (
        "planens eier '{ref}' er ikke en interessent; rett id-en eller legg den til",
        "plan owner '{ref}' is not a stakeholder; fix the id or add it",
    ),
    "gv002_link": (
        "contributes_to '{ref}' er ikke et element i kartet; rett id-en eller legg det til",
        "contributes_to '{ref}' is not an element of the map; fix the id or add it",
    ),
    "gv002_mitigates": (
        "mitigates '{ref}' er ikke et element i kartet; rett id-en eller legg det til",
        "mitigates '{ref}' is not an element of the map; fix the id or add it",
    ),
    "gv008_not_disbenefit": (
        "{id} demper '{ref}', men '{ref}' er av typen {kind}, ikke ulempe: bare ulemper "
        "kan dempes; skriv contributes_to: [{ref}] om {id} bidrar til den, eller rett id-en",
        "{id} mitigates '{ref}', but '{ref}' is of kind {kind}, not dis-benefit: only "
        "dis-benefits can be mitigated; write contributes_to: [{ref}] if {id} contributes "
        "to it, or fix the id",
    ),
    "gv002_owner": (
        "owner '{ref}' er ikke en interessent; rett id-en eller legg den til",
        "owner '{ref}' is not a stakeholder; fix the id or add it",
    ),
    "gv002_indicator": (
        "indikatoren '{ref}' finnes ikke; rett id-en eller legg den til",
        "indicator '{ref}' is not an indicator; fix the id or add it",
    ),
    "gv002_impacts": (
        "impacts '{ref}' er ikke et element i kartet; rett id-en eller legg det til",
        "impacts '{ref}' is not an element of the map; fix the id or add it",
    ),
    "gv002_measurement": (
        "measurements[{number}] ({date}) gjelder indikatoren '{ref}', som ikke finnes; rett "
        "id-en eller legg den til",
        "measurements[{number}] ({date}) is of indicator '{ref}', which is not an "
        "indicator; fix the id or add it",
    ),
    "gv002_review_element": (
        "reviews[{number}] ({date}) gjelder '{ref}', som ikke er et element i kartet; rett id-en",
        "reviews[{number}] ({date}) is of '{ref}', which is not an element of the map; fix the id",
    ),
    "gv002_review_by": (
        "reviews[{number}] ({date}) er gjort av '{ref}', som ikke er en interessent; rett "
        "id-en eller legg til interessenten",
        "reviews[{number}] ({date}) is by '{ref}', which is not a stakeholder; fix the id "
        "or add the stakeholder",
    ),
    "gv003_self": (
        "{id} bidrar til seg selv; fjern den koblingen",
        "{id} contributes to itself; remove that link",
    ),
    "gv003_cycle": (
        "sirkel {cycle}: et element kan ikke, gjennom andre, bidra til seg selv; fjern en av "
        "disse koblingene",
        "cycle {cycle}: an element cannot, through others, contribute to itself; remove one "
        "of these links",
    ),
    "gv004_down": (
        "{kind} {id} bidrar til {target_kind} {target}, som står lavere i kartet; pilene går "
        "fra tiltakene opp mot målene",
        "{kind} {id} contributes to {target_kind} {target}, which is lower on the map; "
        "arrows go from measures up towards goals",
    ),
    "gv004_across": (
        "{kind} {id} bidrar til {target_kind} {target} på samme nivå; bare gevinst->gevinst, "
        "ulempe->gevinst, effektmål->effektmål og samfunnsmål->samfunnsmål kan bli på ett nivå",
        "{kind} {id} contributes to {target_kind} {target} on the same level; only "
        "benefit->benefit, dis-benefit->benefit, objective->objective and goal->goal may "
        "stay on a level",
    ),
    "gv005_weights": (
        "vektene inn i {target} summerer til {total} ({sources}); en vekt er en andel av "
        "målet, så til sammen kan de være høyst 1",
        "the weights into {target} sum to {total} ({sources}); a weight is a share of the "
        "target, so they may sum to at most 1",
    ),
    "gv006_not_finite": (
        "{name} er {value}; skriv et endelig tall",
        "{name} is {value}; write a finite number",
    ),
    "gv006_negative_rate": (
        "discount_rate er negativ ({value}); oppgi en realrente på 0 eller mer (0.04 = 4 %), "
        "eller utelat den for R-109-satsene",
        "discount_rate is negative ({value}); give a real rate of 0 or more (0.04 = 4 %), "
        "or leave it out for the R-109 rates",
    ),
    "gv006_negative_money": (
        "{name} er negativ ({value}); penger oppgis som et positivt beløp (et tap er en ulempe)",
        "{name} is negative ({value}); money is given as a positive amount (a loss is a "
        "dis-benefit)",
    ),
    "gv006_ends_before": (
        "tiltak {id} slutter ({end}) før det starter ({start}); end er siste dag tiltaket "
        "varer (og koster)",
        "measure {id} ends ({end}) before it starts ({start}); end is the last day it runs "
        "(and costs)",
    ),
    "gv006_same_date": (
        "{count} målverdier er datert {date}; behold én målverdi per dato",
        "{count} targets are dated {date}; keep one target per date",
    ),
    "gv006_target_before": (
        "målverdien datert {date} er før nullpunktet ({baseline}); en målverdi ligger etter "
        "nullpunktet",
        "the target dated {date} is before the baseline ({baseline}); a target lies after "
        "the baseline",
    ),
    "gv201_found": (
        "{place} inneholder et 11-sifret tall med gyldig kontrollsiffer for "
        "fødselsnummer/D-nummer; personopplysninger skal ikke stå i en plan: fjern det",
        "{place} holds an 11-digit number with a valid fødselsnummer/D-number checksum; "
        "personal data must not be in a plan: remove it",
    ),
    "gv020_low": (
        "{field} for {kind} {id} er [{written}]: lav {low} er over mest sannsynlig {likely}; "
        "skriv [lav, mest sannsynlig, høy] med lav <= mest sannsynlig <= høy",
        "{field} of {kind} {id} is [{written}]: low {low} is above most likely {likely}; "
        "write [low, most_likely, high] with low <= most_likely <= high",
    ),
    "gv020_high": (
        "{field} for {kind} {id} er [{written}]: mest sannsynlig {likely} er over høy {high}; "
        "skriv [lav, mest sannsynlig, høy] med lav <= mest sannsynlig <= høy",
        "{field} of {kind} {id} is [{written}]: most likely {likely} is above high {high}; "
        "write [low, most_likely, high] with low <= most_likely <= high",
    ),
    "gv021_share": (
        "{field} for {kind} {id} er {share}; en andel i opptrappingen ligger mellom 0 og 1 "
        "(0.25 tar med en firedel av annual det året): skriv den som en andel, f.eks. "
        "ramp: [0.25, 0.5]",
        "{field} of {kind} {id} is {share}; a ramp-up share lies between 0 and 1 (0.25 "
        "books a quarter of annual in that year): write it as a share, e.g. ramp: [0.25, 0.5]",
    ),
    "gv022_outside": (
        "correlation er {value}; korrelasjonen mellom de usikre beløpene ligger mellom 0 "
        "(uavhengige) og 1 (alle høye eller lave samtidig): skriv f.eks. correlation: 0.3, "
        "eller utelat den for 0",
        "correlation is {value}; the correlation between the uncertain amounts lies between "
        "0 (independent) and 1 (all high or low together): write e.g. correlation: 0.3, or "
        "leave it out for 0",
    ),
    "gv023_one_number": (
        "{field} for {kind} {id} er ett tall ({value}), mens {ranged} av planens {counted} "
        "beløp har et spenn; gi også dette [lav, mest sannsynlig, høy], så simuleringen "
        "regner med usikkerheten",
        "{field} of {kind} {id} is one number ({value}), while {ranged} of the plan's "
        "{counted} amounts have a range; give it [low, most_likely, high] too, so the "
        "simulation counts its uncertainty",
    ),
    "gv201_the_cell": ("cellen", "the cell"),
    "gv201_sheet_name": ("arkets navn", "the sheet's name"),
    "gv201_text_here": ("teksten her", "the text here"),
    "gv101_nothing": (
        "tiltak {id} bidrar ikke til noe; koble det til endringen eller gevinsten det fører "
        "til (contributes_to)",
        "measure {id} contributes to nothing; link it to the change or benefit it leads to "
        "(contributes_to)",
    ),
    "gv102_no_top": (
        "{kind} {id} når ikke noe effektmål eller samfunnsmål; koble den (contributes_to) "
        "til effektmålet den støtter",
        "{kind} {id} does not reach any objective or goal; link it (contributes_to) to the "
        "objective it supports",
    ),
    "gv103_unsupported": (
        "ingenting bidrar til {kind} {id}; koble til gevinstene eller effektmålene som "
        "støtter det, eller fjern det",
        "nothing contributes to {kind} {id}; link the benefits or objectives that support "
        "it, or remove it",
    ),
    "gv104_no_owner": (
        "gevinst {id} har ingen eier; oppgi interessenten (gevinsteier) som svarer for å "
        "realisere den (owner)",
        "benefit {id} has no owner; name the stakeholder (gevinsteier) who answers for "
        "realising it (owner)",
    ),
    "gv105_no_indicator": (
        "gevinst {id} har ingen indikator; legg til hvordan den skal måles (indicators)",
        "benefit {id} has no indicator; add how it will be measured (indicators)",
    ),
    "gv106_no_baseline": (
        "indikator {id} har ikke nullpunkt; legg til verdien før endringen "
        "(baseline: {{date, value}})",
        "indicator {id} has no baseline; add the value before the change "
        "(baseline: {{date, value}})",
    ),
    "gv107_no_target": (
        "indikator {id} har ingen målverdi; legg til hva den skal nå og når "
        "(targets: [{{date, value}}])",
        "indicator {id} has no target; add what it should reach and by when "
        "(targets: [{{date, value}}])",
    ),
    "gv112_no_source": (
        "indikator {id} har ingen kilde; si hvor tallene kommer fra (source), ellers kan den "
        "ikke måles",
        "indicator {id} has no source; say where the numbers come from (source), or it "
        "cannot be measured",
    ),
    "gv108_power": (
        "eieren {owner} har ikke power satt; en eier hører med i interessentanalysen: sett "
        "power og interest",
        "owner {owner} has no power set; an owner belongs in the stakeholder analysis: set "
        "power and interest",
    ),
    "gv108_interest": (
        "eieren {owner} har ikke interest satt; en eier hører med i interessentanalysen: "
        "sett power og interest",
        "owner {owner} has no interest set; an owner belongs in the stakeholder analysis: "
        "set power and interest",
    ),
    "gv108_both": (
        "eieren {owner} har ikke power og interest satt; en eier hører med i "
        "interessentanalysen: sett power og interest",
        "owner {owner} has no power and interest set; an owner belongs in the stakeholder "
        "analysis: set power and interest",
    ),
    "gv109_before_baseline": (
        "en måling datert {date} er før nullpunktet ({baseline}); flytt nullpunktet eller "
        "sjekk datoen",
        "a measurement dated {date} is before the baseline ({baseline}); move the baseline "
        "or check the date",
    ),
    "gv110_idle": (
        "interessent {id} har ingen påvirkning og eier ingenting; legg til hva som berører "
        "dem (impacts) eller ta dem ut",
        "stakeholder {id} has no impacts and owns nothing; add what affects them (impacts) "
        "or leave them out",
    ),
    "gv111_twice": (
        "prissatt gevinst {id} bidrar til prissatt gevinst {target}: de samme pengene kan "
        "telles to ganger; prissett bare én av dem",
        "monetised benefit {id} feeds monetised benefit {target}: the same money may be "
        "counted twice; value only one of them",
    ),
    "gv114_overdue": (
        "indikator {id} skal måles {frequency}, men er sist målt {since}, lenge før planens "
        "nyeste måling ({newest}); mål den, eller rett frekvensen",
        "indicator {id} is measured {frequency}, but last on {since}, long before the plan's "
        "newest measurement ({newest}); measure it, or correct its frequency",
    ),
    "gv115_both": (
        "{kind} {id} både bidrar til ulempe {ref} (contributes_to) og demper den "
        "(mitigates): kartet kan ikke si om det skaper eller reduserer ulempen; del det som "
        "demper ut i et eget tiltak eller en egen endring, eller fjern den ene koblingen",
        "{kind} {id} both contributes to dis-benefit {ref} (contributes_to) and mitigates "
        "it (mitigates): the map cannot say whether it causes or reduces the harm; split the "
        "part that mitigates into a measure or change of its own, or remove one of the links",
    ),
    "gv113_resistant": (
        "interessent {id} har {power} makt og er negativ; planlegg hvordan de skal involveres",
        "stakeholder {id} has {power} power and is resistant; plan how to involve them",
    ),
    "gv113_only_hit": (
        "interessent {id} har {power} makt og rammes bare av ulemper ({hit}); vis dem hva de "
        "vinner, eller planlegg for motstand",
        "stakeholder {id} has {power} power and is only hit by dis-benefits ({hit}); show "
        "them what they gain, or plan for resistance",
    ),
    # where a workbook's problem is (gevinst.errors.WorkbookError)
    "place_sheet": ("ark {sheet}", "sheet {sheet}"),
    "place_row": ("rad {row}", "row {row}"),
    "place_column_named": ("kolonne {header} ({letter})", "column {header} ({letter})"),
    "place_column": ("kolonne {letter}", "column {letter}"),
    # an output file of a suffix gevinst cannot write (gevinst.errors.FormatError)
    "format_unknown_suffix": (
        "{where}kan ikke lagre {what} som {suffix}; bruk en av filendelsene: {known}{more}",
        "{where}cannot write {what} as {suffix}; use one of: {known}{more}",
    ),
    "format_no_suffix": ("(ingen filendelse)", "(no suffix)"),
    "format_hint": (" ({hint})", " ({hint})"),
    "format_a_map": ("et gevinstkart", "a benefit map"),
    "format_a_report": ("en rapport", "a report"),
    "format_a_chart": ("et diagram", "a chart"),
    "format_an_evaluation": ("en evaluering", "an evaluation"),
    "format_a_stakeholder_analysis": ("en interessentanalyse", "a stakeholder analysis"),
    "format_a_simulation": ("en simulering", "a simulation"),
    "format_an_impact": ("en konsekvensanalyse", "an impact"),
    "format_report_hint": (
        "Excel-arbeidsboken til en plan lages med: gevinst convert PLAN plan.xlsx",
        "the Excel workbook of a plan: gevinst convert PLAN plan.xlsx",
    ),
    "format_cannot_read": (
        "{path}: kan ikke lese en plan fra {suffix}; gi filen en av filendelsene {known}",
        "{path}: cannot read a plan from {suffix}; use one of {known}",
    ),
    "format_file_without_suffix": ("en fil uten filendelse", "a file without suffix"),
    "format_plan_format": (
        "ukjent planformat {format}; bruk 'yaml' eller 'json'",
        "unknown plan format {format}; use 'yaml' or 'json'",
    ),
    # a theme file that cannot be used (gevinst.io.theme_file: ThemeError)
    "theme_too_large": (
        "{size} KB er for stor til å være en temafil (høyst {limit} KB); et tema har bare "
        "name, font, logo og colours",
        "{size} KB is too large for a theme file (at most {limit} KB); a theme has only "
        "name, font, logo and colours",
    ),
    "theme_unreadable": (
        "temafilen kan ikke leses ({problem}); sjekk stien til filen",
        "the theme file cannot be read ({problem}); check the path",
    ),
    "theme_not_text": (
        "en temafil er YAML-tekst i UTF-8; denne filen er ikke tekst (er det logoen?)",
        "a theme file is YAML text in UTF-8; this file is not text (is it the logo?)",
    ),
    "theme_not_mapping": (
        "en temafil er YAML med nøklene name, font, logo og colours (se docs/theme.md), "
        "ikke én enkelt verdi eller en liste",
        "a theme file is a YAML mapping of name, font, logo and colours "
        "(see docs/theme.md), not a single value or a list",
    ),
    "theme_unknown_key": (
        "ukjent nøkkel {key}{close}; {have}: {known}",
        "unknown key {key}{close}; {have}: {known}",
    ),
    "theme_did_you_mean": (" (mente du {key}?)", " (did you mean {key}?)"),
    "theme_file_has": ("en temafil har", "a theme file has"),
    "theme_colours_for": ("farger kan gis for", "colours are given for"),
    "theme_parts_of": ("colours.{key} har", "colours.{key} has"),
    "theme_name": (
        "name er organisasjonens navn, en tekst på 1 til 100 tegn (name: Eksempel kommune)",
        "name is the organisation's name, text of 1 to 100 characters (name: Eksempel kommune)",
    ),
    "theme_font": (
        "font må være navnet på én skriftfamilie, med bokstaver, sifre, mellomrom og "
        "bindestreker (font: Source Sans 3), ikke {value}",
        "font must be one font family name of letters, digits, spaces and hyphens "
        "(font: Source Sans 3), not {value}",
    ),
    "theme_logo_path": (
        "logo er stien til en PNG-, JPEG- eller SVG-fil, regnet fra mappen til temafilen "
        "(logo: logo.png)",
        "logo is the path of a PNG, JPEG or SVG file, relative to the theme file (logo: logo.png)",
    ),
    "theme_logo_missing": (
        "logoen {path} finnes ikke; oppgi stien til en PNG-, JPEG- eller SVG-fil, regnet "
        "fra mappen til temafilen",
        "the logo {path} does not exist; give the path of a PNG, JPEG or SVG file, "
        "relative to the theme file",
    ),
    "theme_logo_large": (
        "logoen {name} er {size} KB; den legges inn i hver presentasjon og side, så den kan "
        "være høyst {limit} KB: gjør den mindre",
        "the logo {name} is {size} KB; at most {limit} KB goes into every deck and page: "
        "make it smaller",
    ),
    "theme_logo_not_picture": (
        "logoen {name} er ikke et PNG-, JPEG- eller SVG-bilde; lagre den som et av dem",
        "the logo {name} is not a PNG, JPEG or SVG picture; save it as one of those",
    ),
    "theme_colours_not_mapping": (
        'colours knytter typer og statuser til farger, én per linje (goal: "#RRGGBB")',
        'colours is a mapping of kinds and statuses to colours (goal: "#RRGGBB")',
    ),
    "theme_colour_empty": (
        '{where} er tom: en farge skrives i anførselstegn, "#RRGGBB" (uten anførselstegn '
        "leser YAML # som starten på en kommentar)",
        '{where} is empty: a colour is written in quotes, "#RRGGBB" (unquoted, YAML reads '
        "# as the start of a comment)",
    ),
    "theme_not_colour": (
        '{where}: {value} er ikke en farge; skriv den som "#RRGGBB", seks heksadesimale '
        "sifre i anførselstegn",
        '{where}: {value} is not a colour; write it as "#RRGGBB", six hex digits in quotes',
    ),
    "theme_fill_contrast": (
        "colours.{key}.fill: tekst på {fill} har en kontrast på {ratio}:1, under {least}:1 "
        "(WCAG AA); bruk en lysere fyllfarge, for eksempel {tint}",
        "colours.{key}.fill: text on {fill} has a contrast of {ratio}:1, under {least}:1 "
        "(WCAG AA); use a lighter fill such as {tint}",
    ),
    "theme_stroke_contrast": (
        "colours.{key}.stroke: {stroke} har en kontrast på {ratio}:1 mot papiret, under "
        "{least}:1 (WCAG 1.4.11); bruk en mørkere farge",
        "colours.{key}.stroke: {stroke} on the paper has a contrast of {ratio}:1, under "
        "{least}:1 (WCAG 1.4.11); use a darker colour",
    ),
    "theme_yaml_tag": (
        "YAML-tagger (!!binary, !!str, !!python/..., !custom) er ikke tillatt i en temafil; "
        "fjern taggen og skriv selve verdien",
        "YAML tags (!!binary, !!str, !!python/..., !custom) are not allowed in a theme "
        "file; remove the tag and write the value itself",
    ),
    "theme_yaml_anchor": (
        "ankere og aliaser (&navn, *navn) er ikke tillatt i en temafil; skriv verdien ut der "
        "den brukes",
        "anchors and aliases (&name, *name) are not allowed in a theme file; "
        "write the value out where it is used",
    ),
    "theme_yaml_anchor_again": (
        "ankere og aliaser (&navn, *navn) er ikke tillatt i en temafil; skriv verdien ut der "
        "den brukes (dette ankeret brukes igjen)",
        "anchors and aliases (&name, *name) are not allowed in a theme file; "
        "write the value out where it is used (this anchor is used again)",
    ),
    # an output file that cannot be written (gevinst._files: OutputError)
    "output_not_regular": (
        "er ikke en vanlig fil (men en mappe, en enhet eller et rør); velg et filnavn",
        "is not a regular file (a folder, device or pipe); choose a file name",
    ),
    "output_read_only": (
        "filen er skrivebeskyttet; gjør den skrivbar (chmod u+w) eller velg en annen fil",
        "the file is read-only; make it writable (chmod u+w) or choose another file",
    ),
    "output_permission": (
        "ingen tilgang: kan ikke skrive i mappen {folder}",
        "permission denied: cannot write in the folder {folder}",
    ),
    "output_disk_full": ("disken er full", "the disk is full"),
    "output_quota": ("diskkvoten er brukt opp", "the disk quota is used up"),
    "output_read_only_disk": ("disken er skrivebeskyttet", "the disk is read-only"),
    "output_too_large": (
        "filen er for stor for denne disken",
        "the file is too large for this disk",
    ),
    "output_name_too_long": ("filnavnet er for langt", "the file name is too long"),
    "output_problem": ("{problem} ({kept})", "{problem} ({kept})"),
    "output_nothing_written": ("ingenting er skrevet", "nothing written"),
    "output_old_untouched": (
        "ingenting er skrevet; den gamle filen er urørt",
        "nothing written; the old file is untouched",
    ),
    "output_is_input": (
        "er {role}; velg en annen fil å skrive til (ingenting er skrevet)",
        "is {role}; choose another output file (nothing written)",
    ),
    "output_role_plan": ("planen som leses inn", "the input plan"),
    "output_role_measurements": ("målingsfilen", "the measurements file"),
    "output_role_theme": ("temafilen", "the theme file"),
    "output_role_logo": ("logoen i temaet", "the theme's logo"),
    "output_role_old_plan": ("den gamle planen", "the old plan"),
    "output_role_new_plan": ("den nye planen", "the new plan"),
    "output_role_to_convert": ("planen som skal konverteres", "the plan to convert"),
    # the evaluation date: --at on the command line, at= in Python
    "at_not_a_date": (
        "{value} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD (f.eks. 2025-10-01)",
        "{value} is not a date; write it as YYYY-MM-DD (e.g. 2025-10-01)",
    ),
    "at_after_last": (
        "{what} {day} er etter {last}, den siste datoen en plan kan holde (docs/limits.md); "
        "oppgi en dato innenfor planens år",
        "{what} {day} is after {last}, the last date a plan can hold (docs/limits.md); "
        "give a date within the plan's years",
    ),
    "at_the_evaluation_date": ("evalueringsdatoen", "the evaluation date"),
    # reading a plan file or a measurement file (gevinst.io): load errors
    "load_no_file": ("filen finnes ikke", "no such file"),
    "load_folder": ("dette er en mappe, ikke en planfil", "this is a folder, not a plan file"),
    "load_permission": (
        "ingen tilgang: filen kan ikke leses",
        "permission denied: the file cannot be read",
    ),
    "load_too_large": (
        "filen er {size} MiB; {what} er høyst {limit} MiB",
        "the file is {size} MiB; {what} is at most {limit} MiB",
    ),
    "load_too_much": (
        "mer enn {limit} MiB kom fra den; {what} er høyst {limit} MiB",
        "more than {limit} MiB came from it; {what} is at most {limit} MiB",
    ),
    "load_a_plan": ("en plan", "a plan"),
    "load_a_measurement_file": ("en målingsfil", "a measurement file"),
    "load_too_large_mb": (
        "filen er {size} MB; en plan er høyst {limit} MiB",
        "the file is {size} MB; a plan is at most {limit} MiB",
    ),
    "load_not_utf8": (
        "filen er ikke UTF-8 (byte {byte} kan ikke leses); lagre den som UTF-8 i "
        "redigeringsprogrammet",
        "the file is not UTF-8 (byte {byte} cannot be read); save it as UTF-8 in your editor",
    ),
    "load_nul": (
        "filen inneholder NUL-byte; er det en binærfil?",
        "the file contains NUL bytes; is it a binary file?",
    ),
    "load_too_deep": (
        "filen er nøstet for dypt til å være en plan",
        "the file is nested too deeply to be a plan",
    ),
    "load_deeper_than": (
        "filen er nøstet mer enn {depth} nivåer dypt; det er en plan aldri",
        "the file is nested more than {depth} levels deep; a plan is not",
    ),
    "load_empty": (
        "filen er tom; en plan begynner med 'schema: gevinst/1' og et 'plan:'-hode "
        "(`gevinst init` skriver en startplan)",
        "the file is empty; a plan starts with 'schema: gevinst/1' and a 'plan:' header "
        "(`gevinst init` writes a starter plan)",
    ),
    "load_not_mapping": (
        "en plan er en mapping med 'schema:' og 'plan:' øverst, ikke en {kind}",
        "a plan is a mapping with 'schema:' and 'plan:' at the top, not a {kind}",
    ),
    "load_more_problems": (
        "{first}\n{count} problem(er) til:\n{more}",
        "{first}\n{count} more problem(s):\n{more}",
    ),
    "load_date_time": (
        "en dato har ikke klokkeslett: skriv den som ÅÅÅÅ-MM-DD",
        "a date has no time of day: write it as YYYY-MM-DD",
    ),
    "load_not_a_date": (
        "{given} er ikke en dato: skriv den som ÅÅÅÅ-MM-DD",
        "{given} is not a date: write it as YYYY-MM-DD",
    ),
    "load_weight": (
        "vekten {weight} er ikke en andel mellom 0 og 1",
        "weight {weight} is not a share between 0 and 1",
    ),
    "load_problem_line": ("  {problem}", "  {problem}"),
    "load_and_more": ("  ... og {count} til", "  ... and {count} more"),
    "load_unknown_key": (
        "ukjent nøkkel {key}{hint}; tillatte nøkler her: {allowed}",
        "unknown key {key}{hint}; allowed keys here: {allowed}",
    ),
    "load_unknown_key_hint": (
        " (er det slutten av en tekst med komma? sett den teksten i anførselstegn)",
        " (is it the end of a text with a comma? put that text in quotes)",
    ),
    "load_missing_key": ("påkrevd nøkkel {key} mangler", "required key {key} is missing"),
    "load_bad_id": (
        "{given} er ikke en gyldig id: en id begynner med en bokstav og har bare bokstaver, "
        "sifre, '_', '.' og '-' (høyst 64 tegn)",
        "{given} is not a valid id: an id starts with a letter and has only letters, "
        "digits, '_', '.' and '-' (at most 64 characters)",
    ),
    "load_unknown_schema": (
        "ukjent schema {given}; denne versjonen av gevinst leser 'gevinst/1'",
        "unknown schema {given}; this version of gevinst reads 'gevinst/1'",
    ),
    "load_not_allowed": (
        "{given} er ikke tillatt her; bruk en av {expected}",
        "{given} is not allowed here; use one of {expected}",
    ),
    "load_not_ramp": (
        "{given} er ikke en andel i opptrappingen: hver andel ligger mellom 0 og 1 (0.25 for "
        "25 % av den årlige verdien); skriv den som ramp: [0.25, 0.5]",
        "{given} is not a ramp-up share: each share lies between 0 and 1 (0.25 for 25 % of "
        "the annual value); write it as ramp: [0.25, 0.5]",
    ),
    "load_not_whole": ("{given} er ikke et heltall", "{given} is not a whole number"),
    "load_name_too_long": (
        "et navn er en etikett (på kart, diagrammer og lysbilder): høyst {limit} tegn, dette "
        "har {length}; forkort det og skriv resten i 'description'",
        "a name is a label (on maps, charts and slides): at most {limit} characters, this "
        "one has {length}; shorten it and put the rest in 'description'",
    ),
    "load_text_too_long": (
        "teksten er for lang: høyst {limit} tegn, denne har {length}",
        "text too long: at most {limit} characters, this one has {length}",
    ),
    "load_text_empty": ("teksten kan ikke være tom", "text must not be empty"),
    "load_expected_text": (
        "ventet tekst, fikk {kind} {given}",
        "expected text, got {kind} {given}",
    ),
    "load_expected_list": (
        "ventet en liste ([a, b] eller linjer som begynner med '- '), fikk {given}",
        "expected a list ([a, b] or lines starting with '- '), got {given}",
    ),
    "load_expected_mapping": (
        "ventet en mapping av nøkler til verdier, fikk {given}",
        "expected a mapping of keys to values, got {given}",
    ),
    "load_yaml_tag": (
        "YAML-tagger (!!binary, !!str, !!python/..., !custom) er ikke tillatt i en planfil; "
        "fjern taggen og skriv selve verdien",
        "YAML tags (!!binary, !!str, !!python/..., !custom) are not allowed in a plan "
        "file; remove the tag and write the value itself",
    ),
    "load_yaml_anchor": (
        "ankere og aliaser (&navn, *navn) er ikke tillatt i en planfil; skriv verdien ut der "
        "den brukes",
        "anchors and aliases (&name, *name) are not allowed in a plan file; "
        "write the value out where it is used",
    ),
    "load_yaml_anchor_again": (
        "ankere og aliaser (&navn, *navn) er ikke tillatt i en planfil; skriv verdien ut der "
        "den brukes (dette ankeret brukes igjen)",
        "anchors and aliases (&name, *name) are not allowed in a plan file; "
        "write the value out where it is used (this anchor is used again)",
    ),
    "load_yaml_digits": (
        "tallet {number}... har for mange sifre",
        "the number {number}... has too many digits",
    ),
    "load_yaml_cannot": ("kan ikke leses", "cannot be read"),
    "load_yaml_long_key": (
        "en nøkkel lengre enn {limit} tegn (YAMLs grense); forkort den, eller skriv så lang "
        "tekst som en verdi etter 'nøkkel: '",
        "a key longer than {limit} characters (YAML's limit); "
        "shorten it, or put text this long after 'key: ' as a value",
    ),
    "load_yaml_tab": (
        "YAML-syntaksfeil: et tabulatortegn; YAML rykkes inn med mellomrom, aldri tabulator",
        "YAML syntax error: a tab character; YAML is indented with spaces, never tabs",
    ),
    "load_yaml_reserved": (
        "YAML-syntaksfeil: en verdi kan ikke begynne med {char}; sett den i anførselstegn: "
        "{quoted}",
        "YAML syntax error: a value cannot start with {char}; put it in quotes: {quoted}",
    ),
    "load_yaml_syntax": (
        "YAML-syntaksfeil: {context}, {problem}; tekst med ': ', '#' eller som begynner med "
        "'{{', '[', '&', '*' eller '!' må settes i anførselstegn",
        "YAML syntax error: {context}, {problem}; text with ': ', '#' or starting with "
        "'{{', '[', '&', '*' or '!' must be put in quotes",
    ),
    "load_yaml_unreadable": ("YAML kan ikke leses: {problem}", "YAML cannot be read: {problem}"),
    "load_value_unreadable": (
        "en verdi kan ikke leses: {problem}",
        "a value cannot be read: {problem}",
    ),
    "load_json_syntax": ("JSON-syntaksfeil: {problem}", "JSON syntax error: {problem}"),
    "load_duplicate_key": (
        "nøkkelen {key} står to ganger; hver nøkkel kan stå én gang",
        "duplicate key {key}; each key may appear once",
    ),
    "load_duplicate_key_at": (
        "nøkkelen {key} står to ganger (først på linje {line}); hver nøkkel kan stå én gang",
        "duplicate key {key} (first on line {line}); each key may appear once",
    ),
    "load_not_indicator": (
        "{id} er ikke en indikator i planen {plan} (indikatorene: {listed}); rett id-en i "
        "CSV-filen eller legg til indikatoren",
        "{id} is not an indicator of plan {plan} (its indicators: {listed}); fix the id in "
        "the CSV or add the indicator",
    ),
    "load_none": ("ingen", "none"),
    "load_csv_lines": (
        "målingsfilen har {lines} linjer; en målingsfil har høyst {limit} rader: del den "
        "etter periode eller indikator, eller behold bare målingene evalueringen trenger",
        "the measurement file has {lines} lines; a measurement file holds at most "
        "{limit} rows: split it by period or indicator, or keep only the measurements "
        "the evaluation needs",
    ),
    "load_csv_field": (
        "et felt er lengre enn {limit} tegn; en målings verdi eller merknad er langt "
        "kortere: er dette en målingsfil?",
        "a field is longer than {limit} characters; a measurement's value or note is far "
        "shorter: is this a measurement file?",
    ),
    "load_csv_line": (
        "linjen kan ikke leses som CSV ({problem})",
        "the line cannot be read as CSV ({problem})",
    ),
    "load_csv_empty": ("målingsfilen er tom", "the measurement file is empty"),
    "load_csv_header": (
        "overskriften er {header}; den må være 'indicator,date,value' med en valgfri ',note'",
        "the header is {header}; it must be 'indicator,date,value' with an optional ',note'",
    ),
    "load_csv_columns": (
        "ventet {expected} kolonner, fant {found}",
        "expected {expected} columns, found {found}",
    ),
    "load_csv_year": (
        "{text} har et {digits}-sifret år; skriv hele året, som {forms}",
        "{text} has a {digits}-digit year; write the year in full, as {forms}",
    ),
    "load_csv_no_date": (
        "{text} er ikke en dato ({problem}); skriv den som {forms}",
        "{text} is not a date ({problem}); write it as {forms}",
    ),
    "load_csv_ambiguous": (
        "{text} er tvetydig (dag eller måned først?); skriv den som {forms}",
        "{text} is ambiguous (day or month first?); write it as {forms}",
    ),
    "load_csv_not_date": (
        "{text} er ikke en dato; skriv den som {forms}",
        "{text} is not a date; write it as {forms}",
    ),
    "load_date_forms": (
        "ÅÅÅÅ-MM-DD (2026-03-31) eller DD.MM.ÅÅÅÅ (31.03.2026)",
        "YYYY-MM-DD (2026-03-31) or DD.MM.YYYY (31.03.2026)",
    ),
    "load_csv_not_number": (
        "{text} er ikke et tall; skriv sifrene 0-9 med desimalpunktum ({comma}mellomrom "
        "mellom tusener er lov, ingen '_')",
        "{text} is not a number; write digits 0-9 with a decimal point ({comma}spaces "
        "between thousands allowed, no '_')",
    ),
    "load_csv_comma": (
        "et desimalkomma der ';' skiller kolonnene, ",
        "a decimal comma where ';' separates the columns, ",
    ),
    "load_csv_unreadable": (
        "målingene kan ikke leses: {problem}",
        "cannot read measurements: {problem}",
    ),
    "load_cell_empty": (
        "cellen er tom; {header} er påkrevd",
        "the cell is empty; {header} is required",
    ),
    "xl_id_empty": (
        "cellen er tom, men {header} er påkrevd her: lenker, målverdier og referanser finner "
        "en rad ved id-en",
        "the cell is empty, but {header} is required here: links, targets and references "
        "find a row by its id",
    ),
    "xl_missing": (
        "cellen er tom, men {header} er påkrevd her",
        "the cell is empty, but {header} is required here",
    ),
    "xl_this_value": ("denne verdien", "this value"),
    "xl_text_empty": ("teksten kan ikke være tom", "the text must not be empty"),
    "xl_expected_text": ("ventet tekst, fikk {given}", "expected text, got {given}"),
    "xl_not_allowed": (
        "{given} er ikke tillatt her; bruk {expected}",
        "{given} is not allowed here; use {expected}",
    ),
    "xl_unknown_sheet": (
        "ukjent ark {name}; en planarbeidsbok har arkene {expected} (eller de engelske "
        "navnene): gi arket nytt navn eller slett det",
        "unknown sheet {name}; a plan workbook has the sheets {expected} (or their English "
        "names): rename or delete this sheet",
    ),
    "xl_sheet_twice": (
        "arket {name} har det samme som arket {other}; behold ett av dem",
        "sheet {name} holds the same as sheet {other}; keep one of them",
    ),
    "xl_no_plan_sheet": (
        "arbeidsboken har ikke noe ark 'Plan' med planens id og tittel; begynn med en "
        "arbeidsbok som gevinst har skrevet (gevinst convert plan.yaml plan.xlsx)",
        "the workbook has no sheet 'Plan' with the plan's id and title; start from a "
        "workbook that gevinst wrote (gevinst convert plan.yaml plan.xlsx)",
    ),
    "xl_error_cell": (
        "cellen viser feilen {value}; skriv inn selve verdien",
        "the cell shows the error {value}; type the value itself",
    ),
    "xl_formula": (
        "cellen har en formel ({formula}); gevinst leser verdier, aldri formler: erstatt den "
        "med verdien (kopier, og lim inn som verdier)",
        "the cell holds a formula ({formula}); gevinst reads values, never formulas: replace "
        "it by its value (copy, then paste as values)",
    ),
    "xl_header_empty": (
        "overskriftsraden er tom; rad 1 må ha kolonnenavnene",
        "the header row is empty; row 1 must hold the column names",
    ),
    "xl_no_heading": (
        "en verdi i {cell} har ingen kolonneoverskrift, så den ville gått tapt; fjern den, "
        "eller skriv en overskrift i rad 1",
        "a value in {cell} has no column heading, so it would be lost; remove it, or add a "
        "heading in row 1",
    ),
    "xl_unknown_column": (
        "ukjent kolonne {title}; kolonnene i dette arket er {names} (eller de engelske "
        "navnene): gi den nytt navn eller slett den",
        "unknown column {title}; the columns of this sheet are {names} (or their English "
        "names): rename or delete it",
    ),
    "xl_column_twice": (
        "kolonnen {title} står to ganger (også i kolonne {letter}); behold én",
        "the column {title} appears twice (also in column {letter}); keep one",
    ),
    "xl_column_missing": (
        "den påkrevde kolonnen {name} ({english}) mangler; legg den til i overskriftsraden",
        "the required column {name} ({english}) is missing; add it to the header row",
    ),
    "xl_json_list": (
        "en celle som begynner med '[' leses som en JSON-liste av tekster "
        '(["første", "andre"]); skriv heller én forutsetning per linje',
        "a cell that starts with '[' is read as a JSON list of texts "
        '(["first", "second"]); write one assumption per line instead',
    ),
    "xl_impact_colon": (
        "{part} har ikke ':'; skriv hver påvirkning som ID: Positiv eller ID: Negativ, skilt "
        "med ';' (B1: Positiv; D1: Negativ)",
        "{part} has no ':'; write each impact as ID: Positiv or ID: Negativ, separated by "
        "';' (B1: Positiv; D1: Negativ)",
    ),
    "xl_listed_twice": ("{ref} står to ganger; behold én", "{ref} is listed twice; keep one"),
    "xl_of": (" for {element}", " of {element}"),
    "xl_low_end": ("den lave enden", "the low end"),
    "xl_high_end": ("den høye enden", "the high end"),
    "xl_end_not_number": (
        "{value} er ikke et tall: {end} av et trepunktsestimat{of} er et beløp (f.eks. "
        "400000); eller la både lav og høy stå tomme for ett beløp",
        "{value} is not a number: {end} of a three-point estimate{of} is an amount (e.g. "
        "400000); or leave both low and high empty for one amount",
    ),
    "xl_fill_in": ("fyll den ut", "fill it in"),
    "xl_add_and_fill_in": (
        "legg til den kolonnen og fyll den ut",
        "add that column and fill it in",
    ),
    "xl_one_end": (
        "{header}{of} er fylt ut, men {other} er tom: et spenn trenger både den lave og den "
        "høye verdien; {fix}, eller tøm {header} for ett beløp",
        "{header}{of} is filled in but {other} is empty: a range needs both its low and its "
        "high value; {fix}, or empty {header} for one amount",
    ),
    "xl_likely_empty": (
        "den mest sannsynlige verdien{of} ({middle}) er tom, men lav og høy er fylt ut; fyll "
        "ut den mest sannsynlige verdien (den midterste av de tre), eller tøm lav og høy",
        "the most likely value{of} ({middle}) is empty, but its low and high are filled in; "
        "fill in the most likely value (the middle of the three), or empty low and high",
    ),
    "xl_value_without_field": (
        "en verdi uten feltnavn; skriv feltet i kolonnen {column} eller slett verdien",
        "a value without a field name; write the field in column {column} or delete the value",
    ),
    "xl_unknown_field": (
        "ukjent felt {label}; feltene i en plan er {fields} (eller de engelske navnene)",
        "unknown field {label}; the fields of a plan are {fields} (or their English names)",
    ),
    "xl_field_twice": (
        "feltet {label} står to ganger (også i rad {row}); behold ett",
        "the field {label} is given twice (also in row {row}); keep one",
    ),
    "xl_no_such_row": (
        "{owner} er ikke id-en til en rad i {sheets}; bruk en id derfra, eller legg til den raden",
        "{owner} is not the id of a row in {sheets}; use an id from there, or add that row",
    ),
    "xl_sheet_row": ("{sheet} rad {row}", "{sheet} row {row}"),
    "xl_id_twice": (
        "id-en {owner} brukes av mer enn én rad ({rows}); gi hver rad sin egen id",
        "the id {owner} is used by more than one row ({rows}); give each row its own id",
    ),
    "xl_not_in_list": (
        "{given} er ikke i nedtrekkslisten; velg en av {labels}",
        "{given} is not in the drop-down list; choose one of {labels}",
    ),
    "xl_field_missing": (
        "feltet {label} ({english}) mangler; legg til en rad med {name} i første kolonne og "
        "verdien i andre",
        "the field {label} ({english}) is missing; add a row with {name} in the first "
        "column and its value in the second",
    ),
    "xl_not_impact": (
        "{given} er ikke en påvirkning; skriv Positiv eller Negativ (Positive, Negative)",
        "{given} is not an impact; write Positiv or Negativ (Positive, Negative)",
    ),
    "xl_name_too_long": (
        "et navn er en etikett (på kart, diagrammer og lysbilder): høyst {limit} tegn; "
        "forkort det og skriv resten i beskrivelsen",
        "a name is a label (on maps, charts and slides): at most {limit} characters; "
        "shorten it and put the rest in the description",
    ),
    # a workbook refused before it is read (gevinst.io.excel.guard)
    "xl_again": (
        "åpne den i Excel og lagre den som 'Excel-arbeidsbok (*.xlsx)'",
        "open it in Excel and save it as 'Excel Workbook (*.xlsx)'",
    ),
    "xl_dtd": (
        "arbeidsbokens XML erklærer en DTD eller entiteter ({cause}); Excel skriver aldri "
        "slike, og gevinst avviser dem (de kan vokse til gigabyte eller lese andre filer): "
        "{again}",
        "the workbook's XML declares a DTD or entities ({cause}); Excel never writes these, "
        "and gevinst refuses them (they can expand to gigabytes or read other files): {again}",
    ),
    "xl_sheet_damaged": (
        "arket kan ikke leses ({problem}); filen er skadet: åpne den i Excel og lagre den på nytt",
        "the sheet cannot be read ({problem}); the file is damaged: open it in Excel and save "
        "it again",
    ),
    "xl_unreadable": (
        "er ikke en lesbar Excel-arbeidsbok ({problem}); {again}",
        "is not a readable Excel workbook ({problem}); {again}",
    ),
    "xl_empty_file": (
        "filen er tom (0 byte); skriv en arbeidsbok med 'gevinst convert plan.yaml "
        "plan.xlsx' eller lagre en fra Excel",
        "the file is empty (0 bytes); write a workbook with 'gevinst convert plan.yaml "
        "plan.xlsx' or save one from Excel",
    ),
    "xl_old_excel": (
        "er en gammel Excel-fil (.xls) eller en kryptert arbeidsbok; {again}",
        "is an old Excel file (.xls) or an encrypted workbook; {again}",
    ),
    "xl_not_workbook": (
        "er ikke en Excel-arbeidsbok; {again}",
        "is not an Excel workbook; {again}",
    ),
    "xl_many_files": (
        "har {count} filer; en planarbeidsbok har høyst {limit} (er noe annet pakket inn i den?)",
        "holds {count} files; a plan workbook holds at most {limit} (is something else "
        "packed into it?)",
    ),
    "xl_large_part": (
        "delen {part} pakkes ut til {size} byte; én del av en planarbeidsbok pakkes ut til "
        "høyst {limit} byte (et så stort ark er ingen plan: er noe annet pakket inn i den?)",
        "its part {part} unpacks to {size} bytes; one part of a plan workbook unpacks to at "
        "most {limit} bytes (a sheet that large is no plan: is something else packed into "
        "it?)",
    ),
    "xl_unpacks": (
        "pakkes ut til {size} byte; en planarbeidsbok pakkes ut til høyst {limit} byte (er "
        "noe annet pakket inn i den?)",
        "unpacks to {size} bytes; a plan workbook unpacks to at most {limit} bytes (is "
        "something else packed into it?)",
    ),
    "xl_many_tags": (
        "XML-en har mer enn {limit} tagger (mer enn {count} til og med {part}); en "
        "planarbeidsbok med {rows} rader med 8 verdier har færre: er noe annet pakket inn "
        "i den?",
        "its XML has more than {limit} tags (more than {count} by {part}); a plan workbook "
        "with {rows} rows of 8 values has fewer: is something else packed into it?",
    ),
    "xl_beyond_column": (
        "utenfor den siste kolonnen en planarbeidsbok bruker ({letter}, kolonne {limit})",
        "beyond the last column a plan workbook uses ({letter}, column {limit})",
    ),
    "xl_beyond_row": (
        "utenfor den siste raden en planarbeidsbok bruker (rad {limit})",
        "beyond the last row a plan workbook uses (row {limit})",
    ),
    "xl_dimension": (
        "arket sier at det bruker cellene {used}, {beyond}; slett radene og kolonnene "
        "utenfor tabellen i Excel og lagre arbeidsboken på nytt",
        "the sheet says it uses the cells {used}, {beyond}; delete the rows and columns "
        "beyond the table in Excel and save the workbook again",
    ),
    "xl_cell_beyond": (
        "cellen {ref} har en verdi, {beyond}; en planarbeidsbok har én tabell per ark, fra "
        "A1: flytt eller slett verdien",
        "the cell {ref} holds a value, {beyond}; a plan workbook has one table per sheet, "
        "from A1: move or delete the value",
    ),
    "xl_cell_order": (
        "cellen {cell} kommer etter {last} i filen (cellene må stå i rekkefølge); filen er "
        "skadet: åpne den i Excel og lagre den på nytt",
        "the cell {cell} comes after {last} in the file (cells must be in order); the file "
        "is damaged: open it in Excel and save it again",
    ),
    "xl_file_too_large": (
        "filen er større enn {limit} byte; en planarbeidsbok er langt mindre (er det en "
        "arbeidsbok?)",
        "the file is larger than {limit} bytes; a plan workbook is far smaller (is it a workbook?)",
    ),
    # GV007: a value beyond what a plan can hold (gevinst.analysis.limits)
    "gv007_amount": (
        "{field} er {value}, mer enn en plan kan holde: beløp og indikatorverdier ligger "
        "innenfor ±{limit}; sjekk antall sifre",
        "{field} is {value}, beyond what a plan can hold: amounts and indicator values "
        "lie within ±{limit}; check the number of digits",
    ),
    "gv007_point": ("{field} ({point})", "{field} ({point})"),
    "gv007_low": ("lav", "low"),
    "gv007_most_likely": ("mest sannsynlig", "most likely"),
    "gv007_high": ("høy", "high"),
    "gv007_date": (
        "{field} er {value}, etter {last}, den siste datoen en plan kan holde; sjekk året",
        "{field} is {value}, after {last}, the last date a plan can hold; check the year",
    ),
    "gv007_rate": (
        "discount_rate er {rate}, mer enn {most} (100 % i året); skriv realrenten som en "
        "andel (0.04 = 4 %), eller utelat den for R-109-satsene",
        "discount_rate is {rate}, more than {most} (100 % a year); write the real rate "
        "as a share (0.04 = 4 %), or leave it out for the R-109 rates",
    ),
    "gv007_the_target": ("målverdien {date}", "the target {date}"),
    "gv007_a_target_date": ("en måldato", "a target date"),
    "gv007_measurement": (
        "målingen av {indicator} datert {date}",
        "the measurement of {indicator} dated {date}",
    ),
    "gv007_date_of": ("datoen i {field}", "the date of {field}"),
    "gv007_horizon": (
        "horisonten på {years} år fra {start}{derived} går forbi {last}, den siste datoen en "
        "plan kan holde; forkort horizon_years eller sett en tidligere start",
        "the horizon of {years} years from {start}{derived} runs past {last}, the last date "
        "a plan can hold; shorten horizon_years or set an earlier start",
    ),
    "gv007_derived_start": (
        " (1. januar i året for planens tidligste dato)",
        " (1 January of its earliest date)",
    ),
    "gv007_plus_years": (
        "{day} pluss {years} år er etter {last}, den siste datoen en plan kan holde; sjekk året",
        "{day} plus {years} years is after {last}, the last date a plan can hold; check the year",
    ),
    # the portfolio's own findings (gevinst.analysis.portfolio): GV300-GV302
    "gv300_same_id": (
        "plan-id-en {id} brukes av {first} og {second}; hver plan i en portefølje trenger "
        "sin egen id (to versjoner av én plan sammenlignes med gevinst diff)",
        "plan id {id} is used by {first} and {second}; each plan in a portfolio needs its "
        "own id (two versions of one plan are compared with gevinst diff)",
    ),
    "gv300_earlier": ("en tidligere plan", "an earlier plan"),
    "gv300_later": ("en senere plan", "a later plan"),
    "gv301_claimed": (
        "{who} gjør krav på den samme prissatte gevinsten ({reason}); opptil {amount} i året "
        "kan bli telt to ganger: verdsett den bare i én plan",
        "{who} claim the same monetised benefit ({reason}); up to {amount} a year may be "
        "counted twice: value it in one plan only",
    ),
    "gv302_path": (
        "{who}: {reason}; {amount} i året kan bli telt to ganger: verdsett bare én av dem",
        "{who}: {reason}; {amount} a year may be counted twice: value only one of them",
    ),
    "portfolio_same_name": ("samme navn", "same name"),
    "portfolio_same_indicator": ("samme indikator {names}", "same indicator {names}"),
    "portfolio_path": (
        "{path}: pengene i {source} er en del av {target}",
        "{path}: the money of {source} is part of {target}",
    ),
    "trace_unknown": (
        "{element} er ikke et element i kartet; kjente: {known}",
        "{element} is not an element of the map; known: {known}",
    ),
    # the summary line of gevinst check
    "check_folder_one": (
        "{folder}: {count} planfil lest: {names}",
        "{folder}: {count} plan file read: {names}",
    ),
    "check_folder": (
        "{folder}: {count} planfiler lest: {names}",
        "{folder}: {count} plan files read: {names}",
    ),
    "check_summary": (
        "{plans}: {errors} feil, {warnings}, {infos} info",
        "{plans}: {errors} error(s), {warnings}, {infos} info",
    ),
    "check_warning_one": ("1 advarsel", "1 warning(s)"),
    "check_warnings": ("{count} advarsler", "{count} warning(s)"),
    "check_plans_one": ("1 plan kontrollert", "1 plan checked"),
    "check_plans_many": ("{count} planer kontrollert", "{count} plans checked"),
    "check_unreadable_one": ("; 1 fil kunne ikke leses", "; 1 file(s) could not be read"),
    "check_unreadable": (
        "; {count} filer kunne ikke leses",
        "; {count} file(s) could not be read",
    ),
    "check_no_plan_files": (
        "mappen har ingen planfil ({suffixes}); oppgi planfilene eller en annen mappe",
        "the folder holds no plan file ({suffixes}); name the plan files or another folder",
    ),
    # a plan with check errors: drawn all the same (render), or refused (evaluate, report)
    "check_drawn_with_errors": (
        "{path}: tegnet med {count} feil, slik planen er; `gevinst check {path}` viser alle "
        "funnene",
        "{path}: drawn with {count} error(s), as the plan is; `gevinst check {path}` lists "
        "every finding",
    ),
    "check_with_measurements": (" (med målingene i {file})", " (with the measurements in {file})"),
    "check_refused": (
        "{where}: planen har {count} feil og kan ikke evalueres:\n{listed}\nRett dem først "
        "({again}).",
        "{where}: the plan has {count} error(s) and cannot be evaluated:\n{listed}\nFix them "
        "first ({again}).",
    ),
    "check_cannot_be": (
        "planen har {count} feil og kan ikke {doing}",
        "the plan has {count} error(s) and cannot be {doing}",
    ),
    "check_evaluated": ("evalueres", "evaluated"),
    "check_simulated": ("simuleres", "simulated"),
    "check_and_more": ("; og {count} til", "; and {count} more"),
    "check_fix_first": (
        "{said}: {listed}{more}. Rett dem først (`gevinst check` viser dem med linjenumre).",
        "{said}: {listed}{more}. Fix them first (`gevinst check` lists them with line numbers).",
    ),
    "check_passed": ("{summary}. Alle kontroller bestått.", "{summary}. All checks passed."),
}


def t(key: str, language: str = "nb") -> str:
    """The word for ``key`` in ``language`` (``nb`` or ``en``); the key itself if unknown."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if language == "en" else pair[0]


def language_for(
    chosen: str | None = None,
    written: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language of a message: ``chosen`` (``--lang``), else ``written`` (the plan's
    ``language``, as far as its file could be read), else the environment's locale
    (the first of LC_ALL, LC_MESSAGES and LANG that is set: English when it begins with
    ``en``; ``nb``, ``nn``, ``no``, ``C`` and the rest give Norwegian), else ``nb``, the
    default of plans and of the command line.

    Examples:
        >>> language_for("en", "nb"), language_for(None, "en")
        ('en', 'en')
        >>> language_for(environ={"LANG": "en_GB.UTF-8"}), language_for(environ={"LANG": "C"})
        ('en', 'nb')
        >>> language_for(environ={"LC_ALL": "nn_NO.UTF-8", "LANG": "en_US.UTF-8"})
        'nb'
    """
    for language in (chosen, written):
        if language in LANGUAGES:
            return language
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(name, "").lower()
        if locale:
            return LANGUAGES[1] if locale.startswith("en") else LANGUAGES[0]
    return LANGUAGES[0]


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
