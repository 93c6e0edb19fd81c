"""Views: the model as titled tables of typed rows, the one shape every renderer draws.

A column is `human` when people read it (terminal, Markdown, HTML) and `machine` when programs do (JSON,
CSV). Cells hold values: a date is a PartialDate or Span (None when undated), a number a number, a list a
list; each renderer writes them its own way, and none reads a view's text back.
"""
from __future__ import annotations

from .base import DATE_PARTS, SORTED, SORTS, Column, Dated, Report, Table, in_order, scope
from .funding import Spending, funding
from .report import NARROWED, REPORT_SECTIONS, SECTIONS, document, noted, report
from .tables import (
                     accomplishments,
                     challenges,
                     countries,
                     details,
                     goals,
                     overview,
                     partners,
                     results,
                     search,
                     shown_path,
                     timeline,
                     totals,
                     years_covered,
)

__all__ = ["DATE_PARTS", "NARROWED", "REPORT_SECTIONS", "SECTIONS", "SORTED", "SORTS", "Column", "Dated",
           "Report", "Spending", "Table", "accomplishments", "challenges", "countries", "details", "document",
           "funding", "goals", "in_order", "noted", "overview", "partners", "report", "results", "scope",
           "search", "shown_path", "timeline", "totals", "years_covered"]
