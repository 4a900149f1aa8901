"""Many plans at once: a municipality's portfolio, checked and evaluated together.

Analysts load every plan of a municipality and ask three questions the single plans
cannot answer: which goals do the plans share, what do they add up to, and is any
money counted twice? :func:`load_many` reads the plans into a :class:`Portfolio`.

Shared goals are goals with the same id or the same name (ignoring case and spaces)
in more than one plan. Double counting is found in two ways:

* the same monetised benefit claimed by two plans: two benefits with a value whose
  names are the same, or which are measured by indicators of the same name, read as
  people read them (:func:`indicator_key`: case, punctuation and spacing do not
  matter, and ``pr.`` is ``per``);
* the same money counted twice along a path: a monetised benefit that feeds, directly
  or through other elements, another monetised benefit of its plan (GV111 reports the
  direct case inside one plan; the portfolio lists every path).

Portfolio findings have their own codes, beside each plan's GV findings:

| code | severity | finding |
|---|---|---|
| GV300 | error | two files hold plans with the same plan id |
| GV301 | warning | the same monetised benefit is claimed by two plans |
| GV302 | warning | a monetised benefit feeds another monetised benefit through a path |

Examples:
    >>> import gevinst as gv
    >>> a = gv.Plan.new("a", "Plan A")
    >>> _ = a.add_goal("G1", "Bergens barn, byens framtid")
    >>> _ = a.add_benefit("B1", "Lavere sykefravær", value={"annual": 1e6}, contributes_to=["G1"])
    >>> b = gv.Plan.new("b", "Plan B")
    >>> _ = b.add_goal("M1", "Bergens  barn, byens framtid")
    >>> _ = b.add_benefit("X", "lavere sykefravær", value={"annual": 5e5}, contributes_to=["M1"])
    >>> portfolio = gv.Portfolio([a, b])
    >>> [(g.name, g.members) for g in portfolio.shared_goals()]
    [('Bergens barn, byens framtid', [('a', 'G1'), ('b', 'M1')])]
    >>> [(d.code, d.claims) for d in portfolio.double_counting()]
    [('GV301', [('a', 'B1'), ('b', 'X')])]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

from gevinst.errors import GevinstError, PlanCheckError, PlanError, Said, SaidLines
from gevinst.graph import build_graph
from gevinst.i18n.formats import format_money
from gevinst.i18n.html import Cell, html_table
from gevinst.i18n.words import t
from gevinst.model import Benefit, Plan

if TYPE_CHECKING:
    from gevinst.analysis.evaluate import Evaluation

__all__ = [
    "PORTFOLIO_CODES",
    "DoubleCount",
    "Portfolio",
    "PortfolioEvaluation",
    "PortfolioFinding",
    "SharedGoal",
    "indicator_key",
    "load_many",
]

Severity = Literal["error", "warning", "info"]

#: The portfolio's own finding codes (beside the GV codes of each plan).
PORTFOLIO_CODES: dict[str, tuple[Severity, str]] = {
    "GV300": ("error", "two files hold plans with the same plan id"),
    "GV301": ("warning", "the same monetised benefit is claimed by two plans"),
    "GV302": ("warning", "a monetised benefit feeds another monetised benefit through a path"),
}


def _key(text: str) -> str:
    """Names compared the way people read them: case and spacing do not matter."""
    return " ".join(text.casefold().split())


#: Words written in several ways that mean the same in an indicator's name.
_SAME_WORD = {"pr": "per"}


def indicator_key(name: str) -> str:
    """An indicator's name as people read it: case, punctuation and spacing do not
    matter, and ``pr.`` is ``per``.

    Examples:
        >>> indicator_key("Saker pr. saksbehandler"), indicator_key(" saker PER saksbehandler.")
        ('saker per saksbehandler', 'saker per saksbehandler')
        >>> indicator_key("Sykefravær (%)"), indicator_key("sykefravær, %")
        ('sykefravær', 'sykefravær')
    """
    words = "".join(ch if ch.isalnum() else " " for ch in name.casefold()).split()
    return " ".join(_SAME_WORD.get(word, word) for word in words)


@dataclass(frozen=True)
class PortfolioFinding:
    """A finding in a portfolio: a plan's GV finding, or one about several plans.

    ``plan`` is the plan id (``None`` for findings about several plans, which name them
    in ``message``); ``source`` the file it came from, where known.
    """

    plan: str | None
    code: str
    severity: Severity
    element: str | None
    message: str
    source: str | None = None

    def __str__(self) -> str:
        where = f"{self.plan}: " if self.plan else ""
        element = f" {self.element}" if self.element else ""
        return f"{where}{self.code} {self.severity}{element}: {self.message}"


@dataclass(frozen=True)
class SharedGoal:
    """A goal that several plans support: ``members`` are (plan id, goal id) pairs."""

    key: str
    name: str
    members: list[tuple[str, str]]


@dataclass(frozen=True)
class DoubleCount:
    """Money that may be counted twice.

    Attributes:
        code: ``GV301`` (two plans claim the same benefit) or ``GV302`` (one benefit's
            money is counted again further up a path).
        claims: the (plan id, benefit id) pairs that claim the money, two or more.
        reason: why they look like the same benefit (``same name``, ``same indicator
            «...»``, or the path).
        annual_at_stake: the annual amount that may be counted twice: all claims but
            the largest (GV301), or the smaller of the two values (GV302).
        currency: the plans' currency.
    """

    code: str
    claims: list[tuple[str, str]]
    reason: str
    annual_at_stake: float
    currency: str = "NOK"

    def message(self, language: str = "en") -> str:
        """One sentence for a report, in ``language`` (``nb`` or ``en``)."""
        who = ", ".join(f"{plan}:{benefit}" for plan, benefit in self.claims)
        amount = format_money(self.annual_at_stake, self.currency, language)
        key = "gv301_claimed" if self.code == "GV301" else "gv302_path"
        return Said(key, who=who, reason=self.reason, amount=amount).in_language(language)


@dataclass
class Portfolio:
    """Several plans, checked and evaluated together.

    Attributes:
        plans: the plans, in the order given.
        sources: the file of each plan (``None`` for plans built in code).
        unreadable: files that could not be read (with ``errors="skip"`` in
            :func:`load_many`), each as its :class:`~gevinst.errors.PlanError`.
    """

    plans: list[Plan]
    sources: list[str | None] = field(default_factory=list)
    unreadable: list[GevinstError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.plans = list(self.plans)
        if not self.sources:
            self.sources = [None] * len(self.plans)
        if len(self.sources) != len(self.plans):
            raise ValueError("give one source (or None) per plan")

    def __len__(self) -> int:
        return len(self.plans)

    def __repr__(self) -> str:
        ids = ", ".join(plan.id for plan in self.plans[:5])
        more = f", ... ({len(self.plans)} in all)" if len(self.plans) > 5 else ""
        skipped = f"; {len(self.unreadable)} unreadable" if self.unreadable else ""
        return f"<Portfolio of {len(self.plans)} plan(s): {ids}{more}{skipped}>"

    def _repr_html_(self) -> str:
        """The plans as a table (id, title, benefits, measures, file), so a portfolio
        shows itself in Jupyter; in the first plan's language."""
        lang = self.plans[0].language if self.plans else "nb"
        rows: list[list[Cell]] = [
            [plan.id, plan.title, str(len(plan.benefits)), str(len(plan.measures)), source or ""]
            for plan, source in zip(self.plans, self.sources, strict=True)
        ]
        header = [t(k, lang) for k in ("id", "title", "benefits", "measures", "source")]
        note = (
            t("html_unreadable", lang).format(n=len(self.unreadable)) if self.unreadable else None
        )
        caption = t("html_portfolio", lang).format(n=len(self.plans))
        return html_table(
            caption, header, rows, right={2, 3}, note=note, more=t("html_rows_left_out", lang)
        )

    def __iter__(self) -> Iterator[Plan]:
        return iter(self.plans)

    def __getitem__(self, plan_id: str) -> Plan:
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        raise KeyError(plan_id)

    # -- questions across plans -------------------------------------------------------------

    def shared_goals(self) -> list[SharedGoal]:
        """Goals found in more than one plan, by the same id or the same name."""
        groups: nx.Graph = nx.Graph()
        names: dict[tuple[str, str], str] = {}
        by_id: dict[str, list[tuple[str, str]]] = {}
        by_name: dict[str, list[tuple[str, str]]] = {}
        for plan in self.plans:
            for goal in plan.goals:
                member = (plan.id, goal.id)
                groups.add_node(member)
                names[member] = goal.name
                by_id.setdefault(goal.id, []).append(member)
                by_name.setdefault(_key(goal.name), []).append(member)
        for members in (*by_id.values(), *by_name.values()):
            for other in members[1:]:
                groups.add_edge(members[0], other)
        shared = []
        for component in nx.connected_components(groups):
            members = sorted(component)
            if len({plan for plan, _ in members}) < 2:
                continue
            first = members[0]
            shared.append(SharedGoal(_key(names[first]), " ".join(names[first].split()), members))
        return sorted(shared, key=lambda goal: goal.members)

    def double_counting(self) -> list[DoubleCount]:
        """Monetised benefits claimed by two plans, or counted twice along a path."""
        return [*self._claimed_twice(), *self._counted_on_paths()]

    def _claimed_twice(self) -> list[DoubleCount]:
        claims: nx.Graph = nx.Graph()
        reasons: dict[frozenset[tuple[str, str]], set[str]] = {}
        values: dict[tuple[str, str], float] = {}
        by_key: dict[tuple[str, str], list[tuple[str, str]]] = {}
        spellings: dict[tuple[str, str], dict[tuple[str, str], str]] = {}
        for plan in self.plans:
            indicator_names = {i.id: i.name for i in plan.indicators}
            for benefit in plan.benefits:
                if benefit.value is None:
                    continue
                member = (plan.id, benefit.id)
                claims.add_node(member)
                values[member] = benefit.value.annual
                by_key.setdefault(("name", _key(benefit.name)), []).append(member)
                for ref in benefit.indicators:
                    if ref in indicator_names:
                        name = indicator_names[ref]
                        key = ("indicator", indicator_key(name))
                        by_key.setdefault(key, []).append(member)
                        spellings.setdefault(key, {})[member] = name
        for key, members in sorted(by_key.items()):
            for a in members:
                for b in members:
                    if a < b and a[0] != b[0]:
                        claims.add_edge(a, b)
                        reasons.setdefault(frozenset((a, b)), set()).add(
                            _reason(key, spellings.get(key, {}), a, b)
                        )
        out = []
        for component in nx.connected_components(claims):
            if len(component) < 2:
                continue
            members = sorted(component)
            found = sorted(
                set().union(*(reasons[frozenset(e)] for e in claims.subgraph(component).edges))
            )
            amounts = sorted((values[m] for m in members), reverse=True)
            out.append(
                DoubleCount(
                    "GV301",
                    members,
                    SaidLines(found, sep=", "),
                    sum(amounts[1:]),
                    self._currency(members[0][0]),
                )
            )
        return sorted(out, key=lambda d: d.claims)

    def _counted_on_paths(self) -> list[DoubleCount]:
        out = []
        for plan in self.plans:
            graph = build_graph(plan)
            monetised = {b.id: b for b in plan.benefits if b.value is not None}
            for source in sorted(monetised):
                if source not in graph:
                    continue
                for target in sorted(nx.descendants(graph, source) & monetised.keys()):
                    path = nx.shortest_path(graph, source, target)
                    out.append(
                        DoubleCount(
                            "GV302",
                            [(plan.id, source), (plan.id, target)],
                            Said(
                                "portfolio_path",
                                path=" -> ".join(path),
                                source=source,
                                target=target,
                            ),
                            min(_annual(monetised[source]), _annual(monetised[target])),
                            plan.info.currency,
                        )
                    )
        return out

    def _currency(self, plan_id: str) -> str:
        return self[plan_id].info.currency

    # -- checks and evaluation -------------------------------------------------------------

    def check(self, language: str | None = None) -> list[PortfolioFinding]:
        """Every plan's GV findings, then the portfolio's own (GV300-GV302); the messages
        in ``language`` (``nb`` or ``en``), by default each plan's (the portfolio's own:
        the first plan's)."""
        from gevinst.analysis.checks import check

        out: list[PortfolioFinding] = []
        for plan, source in zip(self.plans, self.sources, strict=True):
            for f in check(plan, language=language):
                out.append(
                    PortfolioFinding(plan.id, f.code, f.severity, f.element, f.message, source)
                )
        return out + self.portfolio_findings(language)

    def portfolio_findings(self, language: str | None = None) -> list[PortfolioFinding]:
        """The portfolio's own findings only (GV300-GV302): plans that share an id, money
        counted twice. A finding's ``source`` is the file of the (first) plan it names.
        The messages are in ``language`` (``nb`` or ``en``), by default the first plan's.

        Examples:
            >>> import gevinst as gv
            >>> a, b = gv.Plan.new("p", "A"), gv.Plan.new("p", "B")
            >>> print(gv.Portfolio([a, b], ["a.yaml", "b.yaml"]).portfolio_findings("nb")[0])
            p: GV300 error: plan-id-en 'p' brukes av a.yaml og b.yaml; hver plan i en \
portefølje trenger sin egen id (to versjoner av én plan sammenlignes med gevinst diff)
        """
        said = language or (self.plans[0].language if self.plans else "nb")
        out: list[PortfolioFinding] = []
        seen: dict[str, str | None] = {}
        for plan, source in zip(self.plans, self.sources, strict=True):
            if plan.id in seen:
                out.append(
                    PortfolioFinding(
                        plan.id,
                        "GV300",
                        "error",
                        None,
                        Said(
                            "gv300_same_id",
                            id=repr(plan.id),
                            first=seen[plan.id] or Said("gv300_earlier"),
                            second=source or Said("gv300_later"),
                        ).in_language(said),
                        source,
                    )
                )
            seen.setdefault(plan.id, source)
        sources: dict[str, str | None] = {}
        for plan, source in zip(self.plans, self.sources, strict=True):
            sources.setdefault(plan.id, source)
        for double in self.double_counting():
            severity, _ = PORTFOLIO_CODES[double.code]
            first, element = double.claims[0]
            owner = first if double.code == "GV302" else None
            out.append(
                PortfolioFinding(
                    owner, double.code, severity, element, double.message(said), sources[first]
                )
            )
        return out

    def evaluate(self, at: dt.date | str | None = None) -> PortfolioEvaluation:
        """Evaluate every plan at one date; plans with check errors are left out and listed."""
        from gevinst.analysis.evaluate import evaluate

        evaluations: dict[str, Evaluation] = {}
        refused: dict[str, str] = {}
        for plan in self.plans:
            if plan.id in evaluations or plan.id in refused:
                refused[plan.id] = "another plan in the portfolio has the same id (GV300)"
                evaluations.pop(plan.id, None)
                continue
            try:
                evaluations[plan.id] = evaluate(plan, at=at)
            except PlanCheckError as exc:
                refused[plan.id] = exc.reason
        return PortfolioEvaluation(self, evaluations, refused)


def _reason(
    key: tuple[str, str],
    spellings: dict[tuple[str, str], str],
    a: tuple[str, str],
    b: tuple[str, str],
) -> str:
    """Why claims ``a`` and ``b`` look like one benefit: the same name, or the same
    indicator (both spellings when they differ)."""
    if key[0] == "name":
        return Said("portfolio_same_name")
    names = sorted({spellings[a], spellings[b]})
    return Said("portfolio_same_indicator", names=" = ".join(f"«{name}»" for name in names))


def _annual(benefit: Benefit) -> float:
    return benefit.value.annual if benefit.value is not None else 0.0


@dataclass(frozen=True)
class PortfolioEvaluation:
    """The plans of a portfolio evaluated at one date.

    Attributes:
        portfolio: the portfolio.
        evaluations: plan id -> its :class:`~gevinst.analysis.evaluate.Evaluation`.
        refused: plan id -> why it was not evaluated (check errors).
    """

    portfolio: Portfolio
    evaluations: dict[str, Evaluation]
    refused: dict[str, str]

    def goal(self, shared: SharedGoal) -> dict[str, Any]:
        """A shared goal across plans: each plan's score and their mean (``None`` if none)."""
        scores: dict[str, float | None] = {}
        for plan_id, goal_id in shared.members:
            evaluation = self.evaluations.get(plan_id)
            scores[f"{plan_id}:{goal_id}"] = (
                evaluation.element(goal_id).score if evaluation is not None else None
            )
        known = [s for s in scores.values() if s is not None]
        return {
            "goal": shared.name,
            "scores": scores,
            "mean": sum(known) / len(known) if known else None,
        }

    def rows(self) -> list[dict[str, Any]]:
        """One row per plan: money (present values) and how many benefits are on track."""
        rows = []
        for plan, source in zip(self.portfolio.plans, self.portfolio.sources, strict=True):
            evaluation = self.evaluations.get(plan.id)
            row: dict[str, Any] = {"plan": plan.id, "title": plan.title, "source": source}
            if evaluation is None:
                row["refused"] = self.refused.get(plan.id)
                rows.append(row)
                continue
            money = evaluation.npv()
            statuses = [evaluation.element(b.id).status for b in plan.benefits]
            row.update(
                currency=money.currency,
                expected=money.expected,
                realised=money.realised,
                costs=money.costs,
                net=money.net,
                benefits=len(statuses),
                on_track=statuses.count("on_track"),
            )
            rows.append(row)
        return rows

    def totals(self) -> dict[str, float]:
        """Money summed over the evaluated plans, and the annual amount counted twice."""
        rows = [r for r in self.rows() if "expected" in r]
        currencies = {r["currency"] for r in rows}
        if len(currencies) > 1:
            raise PlanError(
                f"the plans use several currencies ({', '.join(sorted(currencies))}); "
                "sum them per currency"
            )
        out = {
            name: sum(r[name] for r in rows) for name in ("expected", "realised", "costs", "net")
        }
        out["annual_counted_twice"] = sum(
            d.annual_at_stake for d in self.portfolio.double_counting()
        )
        return out


def load_many(
    paths: Iterable[str | Path],
    *,
    errors: Literal["raise", "skip"] = "raise",
    measurements: str | Path | None = None,
) -> Portfolio:
    """Read many plan files (.yaml, .yml, .json, .xlsx) into a :class:`Portfolio`.

    Args:
        paths: the files; a folder stands for every plan file in it (sorted).
        errors: ``"raise"`` stops at the first file that cannot be read; ``"skip"``
            leaves it out and lists it in ``portfolio.unreadable``.
        measurements: a CSV file of measurements to add to every plan that has the
            indicator (rows of other indicators are left out for that plan).

    Raises:
        PlanError: a file cannot be read (with ``errors="raise"``); no file given.
    """
    from gevinst.io.plans import READERS, load, load_measurements

    files: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in READERS))
        else:
            files.append(path)
    if not files:
        raise PlanError("no plan files given; name the files or a folder that holds them")
    extra = load_measurements(measurements) if measurements is not None else []
    plans: list[Plan] = []
    sources: list[str | None] = []
    unreadable: list[GevinstError] = []
    for path in files:
        try:
            plan = load(path)
        except GevinstError as exc:
            if errors == "raise":
                raise
            unreadable.append(exc)
            continue
        known = {i.id for i in plan.indicators}
        plan.measurements.extend(m for m in extra if m.indicator in known)
        plans.append(plan)
        sources.append(str(path))
    return Portfolio(plans, sources, unreadable)
