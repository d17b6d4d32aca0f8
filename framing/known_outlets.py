"""The outlets named by third-party rating snapshots: a lower-priority registry layer, facts only.

``framing/data/outlets_known.csv`` (built by ``benchmarks/build_known_outlets.py`` from the AllSides
snapshot of 15 Nov 2023 and the MBFC scrapes of Idiap 2024 and Baly et al. 2018/2020) lists about
5,700 outlets by name, aliases and domain, with country and media type where MBFC states them. No
rating is shipped. The packaged registry (:func:`framing.outlets.default_registry`) consults this
layer only when a name, alias or domain is not in ``outlets.yaml``; an ``outlets.yaml`` entry always
wins. An outlet of this layer states only what its snapshot states (owner, funding, founding year are
``None``, ``state_affiliation`` is ``"unknown"``) and every stated fact cites the snapshot.

Examples
--------
>>> rows = known_outlet_rows()
>>> len(rows) > 1000
True
"""
from __future__ import annotations

import csv
import io
from typing import Iterable

from .resources import read_text

__all__ = ["KNOWN_FILE", "KNOWN_CHECKED", "KNOWN_NOTE", "known_outlet_rows"]

#: Packaged data file of the layer.
KNOWN_FILE = "outlets_known.csv"

#: Date the snapshots behind the layer were read.
KNOWN_CHECKED = "2026-12-03"

#: ``notes`` of every outlet of the layer.
KNOWN_NOTE = ("Known only from third-party rating snapshots (name, domain, and country and media type where MBFC "
              "states them); no researched facts. Add an entry to an outlets YAML file to give it owner, funding "
              "and state ties.")


def _refs(lines: Iterable[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        if line.startswith("# ref "):
            code, _, text = line[len("# ref "):].partition(": ")
            out[code.strip()] = text.strip()
    return out


def known_outlet_rows(text: str | None = None) -> list[dict]:
    """The rows of the rating-snapshot layer (``outlets_known.csv``), in file order, as plain facts.

    :func:`framing.outlets.load_known_outlets` turns them into :class:`framing.outlets.Outlet`
    objects; this function only parses (so that this module does not import :mod:`framing.outlets`).

    Parameters
    ----------
    text : str, optional
        The file's text (default: the packaged file).

    Returns
    -------
    list of dict
        Keys ``key, name, aliases`` (tuple), ``domains`` (tuple), ``country, type`` (str or None) and
        ``sources`` (list of ``(field, ref)``): ``name`` cites AllSides when it lists the outlet, else
        every snapshot listing the domain (which is then the name); ``domains`` every snapshot listing
        it; ``country``/``type`` the MBFC Idiap scrape, the only one stating them.

    Examples
    --------
    >>> rows = known_outlet_rows()
    >>> fox = next(r for r in rows if "foxnews.com" in r["domains"])
    >>> fox["country"], sorted({f for f, _ in fox["sources"]})
    ('US', ['country', 'domains', 'name', 'type'])
    """
    text = read_text(KNOWN_FILE) if text is None else text
    lines = text.splitlines()
    refs = _refs(line for line in lines if line.startswith("#"))
    out = []
    body = io.StringIO("\n".join(line for line in lines if not line.startswith("#")))
    for row in csv.DictReader(body):
        codes = row["refs"].split("|") if row["refs"] else []
        named_by = ["A"] if "A" in codes else codes  # the display name is AllSides' when AllSides lists it
        sources = [("name", refs.get(c, c)) for c in named_by] + [("domains", refs.get(c, c)) for c in codes]
        country, type_ = row["country"] or None, row["type"] or None
        if country:
            sources.append(("country", refs.get("I", "I")))
        if type_:
            sources.append(("type", refs.get("I", "I")))
        out.append({
            "key": row["key"], "name": row["name"],
            "aliases": tuple(a for a in row["aliases"].split("|") if a),
            "domains": (row["domain"],) if row["domain"] else (),
            "country": country, "type": type_, "sources": sources,
        })
    return out
