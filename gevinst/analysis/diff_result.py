"""The result of comparing two plans: :class:`PlanDiff`, and its text, Markdown and JSON.

:func:`gevinst.analysis.diff.diff` finds the differences; this module holds them in
a stable order (:data:`KINDS`), counts them, sorts out the expectations lowered and
raised, and shows them grouped (:data:`GROUPS`) in the plan's language. Each
difference is a :class:`~gevinst.analysis.diff_text.Difference`, worded there.

Examples:
    >>> from gevinst.analysis.diff_result import PlanDiff
    >>> changes = PlanDiff("p", "p", "Plan", "Plan", "en")
    >>> bool(changes), changes.summary()
    (False, {})
    >>> print(changes.to_text(), end="")
    Changes in «Plan» (p)
    No changes.
    >>> print(changes.to_text(language="nb"), end="")
    Endringer i «Plan» (p)
    Ingen endringer.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from gevinst.analysis.diff_text import Difference, one_line, sentence
from gevinst.i18n.markdown import markdown_escape
from gevinst.i18n.words import t

__all__ = ["GROUPS", "KINDS", "PlanDiff"]


#: The kinds of difference, in the order they are shown (most important first).
KINDS: tuple[str, ...] = (
    "target_changed",
    "target_added",
    "target_removed",
    "direction_changed",
    "baseline_changed",
    "setting_changed",
    "npv_changed",
    "value_changed",
    "cost_changed",
    "added",
    "removed",
    "renamed",
    "link_added",
    "link_removed",
    "weight_changed",
    "link_changed",
    "owner_changed",
    "status_changed",
    "field_changed",
    "measurements_changed",
    "measurement_corrected",
    "review_added",
    "review_removed",
    "review_changed",
    "order_changed",
)

#: The groups of the text and Markdown forms, after the judged ones, in order.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("diff_targets", ("target_changed", "target_added", "target_removed")),
    ("diff_indicators", ("direction_changed", "baseline_changed")),
    ("diff_settings", ("setting_changed",)),
    ("diff_money", ("npv_changed", "value_changed", "cost_changed")),
    ("diff_added", ("added",)),
    ("diff_removed", ("removed",)),
    ("diff_renamed", ("renamed",)),
    ("diff_links", ("link_added", "link_removed", "weight_changed", "link_changed")),
    ("diff_owners", ("owner_changed",)),
    ("diff_status", ("status_changed",)),
    ("diff_fields", ("field_changed",)),
    ("diff_measurements", ("measurements_changed", "measurement_corrected")),
    ("diff_reviews", ("review_added", "review_removed", "review_changed")),
    ("diff_order_group", ("order_changed",)),
)


@dataclass(frozen=True)
class PlanDiff:
    """Every difference between two versions of a plan, in a stable order.

    ``bool(plan_diff)`` is false when nothing changed; ``len`` counts the differences.
    """

    old_id: str
    new_id: str
    old_title: str
    new_title: str
    language: str
    differences: list[Difference] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.differences)

    def __len__(self) -> int:
        return len(self.differences)

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.differences)

    def of_kind(self, *kinds: str) -> list[Difference]:
        """The differences of the given kinds."""
        return [d for d in self.differences if d.kind in kinds]

    @property
    def added(self) -> list[Difference]:
        """Elements, stakeholders and indicators that are new."""
        return self.of_kind("added")

    @property
    def removed(self) -> list[Difference]:
        """Elements, stakeholders and indicators that are gone."""
        return self.of_kind("removed")

    @property
    def renamed(self) -> list[Difference]:
        """Same id, new name."""
        return self.of_kind("renamed")

    @property
    def lowered(self) -> list[Difference]:
        """Expectations lowered: what the council was promised before and is not now."""
        return [d for d in self.differences if d.judgement == "lowered"]

    @property
    def raised(self) -> list[Difference]:
        """Expectations raised."""
        return [d for d in self.differences if d.judgement == "raised"]

    def summary(self) -> dict[str, int]:
        """How many differences of each kind (kinds without any left out)."""
        counts = Counter(d.kind for d in self.differences)
        return {kind: counts[kind] for kind in KINDS if counts[kind]}

    def to_data(self, language: str | None = None) -> dict[str, Any]:
        """The whole diff as JSON-able data (``json.dumps`` takes it as it is)."""
        lang = language or self.language
        return {
            "old": {"id": self.old_id, "title": self.old_title},
            "new": {"id": self.new_id, "title": self.new_title},
            "language": lang,
            "summary": self.summary(),
            "expectations_lowered": len(self.lowered),
            "expectations_raised": len(self.raised),
            "changes": [d.to_data(lang) for d in self.differences],
        }

    def to_json(self, language: str | None = None) -> str:
        """:meth:`to_data` as indented JSON text (æøå kept as they are)."""
        return json.dumps(self.to_data(language), ensure_ascii=False, indent=2) + "\n"

    def _groups(self) -> list[tuple[str, list[Difference]]]:
        groups: list[tuple[str, list[Difference]]] = [
            ("diff_lowered", self.lowered),
            ("diff_raised", self.raised),
        ]
        rest = [d for d in self.differences if d.judgement is None]
        for key, kinds in GROUPS:
            groups.append((key, [d for d in rest if d.kind in kinds]))
        return [(key, items) for key, items in groups if items]

    def _heading(self, lang: str) -> str:
        same = self.old_id == self.new_id and self.old_title == self.new_title
        return t("diff_heading" if same else "diff_heading_compared", lang).format(
            title=one_line(self.new_title),
            id=self.new_id,
            old_title=one_line(self.old_title),
            old_id=self.old_id,
        )

    def _summary_line(self, lang: str) -> str:
        if not self.differences:
            return t("diff_none", lang)
        counted = (
            (self.differences, "diff_count", "diff_count_one"),
            (self.lowered, "diff_lowered_count", "diff_lowered_count_one"),
            (self.raised, "diff_raised_count", "diff_raised_count_one"),
        )
        parts = [
            t(one if len(items) == 1 else many, lang).format(count=len(items))
            for items, many, one in counted
            if items
        ]
        return ", ".join(parts) + "."

    def to_text(self, language: str | None = None) -> str:
        """Plain text for a terminal or an e-mail, in the plan's language.

        Every text from the plan is put on one line, without control characters, so a
        name cannot add lines of its own or steer the terminal.
        """
        lang = language or self.language
        lines = [self._heading(lang), self._summary_line(lang)]
        for key, items in self._groups():
            lines.append("")
            lines.append(f"{t(key, lang)} ({len(items)}):")
            lines.extend(f"- {sentence(d, lang)}" for d in items)
        return "\n".join(lines) + "\n"

    def to_markdown(self, language: str | None = None) -> str:
        """Markdown with a heading per group; text from the plan is escaped.

        Each line is one line of the text form with Markdown's special characters
        escaped, so a name or a unit cannot start a heading, a list, a link or HTML.
        """
        lang = language or self.language
        lines = [
            f"# {markdown_escape(self._heading(lang))}",
            "",
            markdown_escape(self._summary_line(lang)),
        ]
        for key, items in self._groups():
            lines += ["", f"## {t(key, lang)} ({len(items)})", ""]
            lines.extend(f"- {markdown_escape(sentence(d, lang))}" for d in items)
        return "\n".join(lines) + "\n"
