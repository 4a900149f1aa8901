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

__all__ = ["LANGUAGES", "WORDS", "t", "visible_controls"]

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
    "help_column_assumptions": (
        "Én forutsetning per linje (Alt+Enter gir ny linje i cellen)",
        "One assumption per line (Alt+Enter starts a new line in the cell)",
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
    "map_hint": (
        "Pek på et element for detaljer, klikk for å vise kjeden, Esc for å nullstille.",
        "Point at an element for details, click to show its chain, Esc to reset.",
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
