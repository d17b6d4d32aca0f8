"""The report sections of the analyzers beyond the four core ones, in report order.

Each section module has ``pdf_section(comp, pal) -> list`` of reportlab flowables and
``html_section(comp, pal) -> str`` (an escaped HTML fragment); each reads only the Comparison's
tables and returns nothing when its tables are absent (the analyzer did not run) or empty. Adding
a section is adding its module to :data:`SECTIONS`.
"""
from __future__ import annotations

from typing import Any

from . import classifier_section, coverage_section, frames_section
from ._common import Palette

__all__ = ["SECTIONS", "pdf_sections", "html_sections"]

SECTIONS = (frames_section, coverage_section, classifier_section)


def pdf_sections(comp: Any, pal: Palette) -> list[list[Any]]:
    """The non-empty PDF sections, each a list of flowables."""
    return [sec for sec in (m.pdf_section(comp, pal) for m in SECTIONS) if sec]


def html_sections(comp: Any, pal: Palette) -> str:
    """The non-empty HTML sections joined."""
    return "\n".join(sec for sec in (m.html_section(comp, pal) for m in SECTIONS) if sec)
