"""Report section for trained classifiers: share per outlet with intervals, training data, top sentences.

Reads ``comp.classifier_summary`` (:func:`framing.classify.classifier_summary`),
``comp.classifier_sentences`` (:func:`framing.classify.classifier_sentences`), the models in
``comp.models`` (name -> :class:`framing.classify.TextClassifier`, for their metadata and to
explain the top sentences) and the article texts through ``comp.article_text(article_id)``.
"""
from __future__ import annotations

import html
from typing import Any

import pandas as pd

from . import _common as C
from ._pdfkit import FRAME_W, P, esc, table

__all__ = ["pdf_section", "html_section", "focus_labels", "top_sentences", "highlights", "training_note"]

#: Highlight colour of words that push a sentence toward the label.
PUSH_COLOR = "#FFE08A"
_TOP_PER_OUTLET = 1
_TOP_WORDS = 6




def _model(comp: Any, name: str) -> Any:
    models = getattr(comp, "models", None) or {}
    return models.get(name)


def focus_labels(summary: pd.DataFrame) -> list[Any]:
    """Labels worth showing for one classifier: all but the most frequent one overall (for a yes/no model the
    rarer answer), every label for a multilabel table (recognisable by shares not adding up to one).

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["a", "a"], "label": ["Biased", "Non-biased"], "n_sentences": [10, 10],
    ...                   "n_label": [3, 7], "share": [0.3, 0.7]})
    >>> focus_labels(s)
    ['Biased']
    """
    totals = summary.groupby("label", sort=True)["n_label"].sum()
    per_outlet = summary.groupby("outlet")["share"].sum()
    if len(totals) <= 1 or not (per_outlet.round(9) == 1).all():
        return list(totals.index)
    biggest = totals.idxmax()
    return [lab for lab in totals.index if lab != biggest]


def _distant_note(distant: Any) -> str:
    """The sentence naming a distant-supervision model's proxy data (empty without one)."""
    if not isinstance(distant, dict):
        return ""
    tr = distant.get("training", {})
    return (f" It also uses the scores of a distant-supervision model fitted on "
            f"{tr.get('description') or 'undescribed proxy-labelled texts'} ({tr.get('n_texts', '?'):,} texts, proxy "
            f"labels {', '.join(map(str, (tr.get('label_counts') or {}).keys())) or '?'}), not on hand labels.")


def training_note(model: Any) -> str:
    """One paragraph of plain text: what the model was trained on and how well it did in cross-validation."""
    if model is None:
        return "The model's training data is not recorded in this report."
    md = getattr(model, "metadata", {}) or {}
    tr = md.get("training", {})
    cv = md.get("cv", {})
    counts = ", ".join(f"{k}: {v:,}" for k, v in (tr.get("label_counts") or {}).items())
    desc = tr.get("description") or "an undescribed data set"
    f1 = cv.get("macro_f1")
    score = (f"Cross-validated macro-F1 on its own training data: {f1:.2f} ({cv.get('folds', '?')} folds; "
             "expect less on texts unlike those).") if isinstance(f1, (int, float)) else "No cross-validated score recorded."
    return (f"Trained by the user on {desc} ({tr.get('n_texts', '?'):,} texts; {counts}) on {md.get('created', '?')} "
            f"with framing {md.get('framing_version', '?')}; feature sets: "
            f"{', '.join(md.get('feature_sets', [])) or 'n-grams only'}.{_distant_note(md.get('distant'))} {score} "
            "Each sentence is classified on its own; a share is of all sentences of an outlet's articles, with a 95% "
            "interval from resampling the outlet's articles.")


def _text_of(comp: Any, article_id: str) -> str | None:
    """The article's text through the Comparison's view (reports never read articles directly)."""
    try:
        return comp.article_text(article_id)
    except Exception:  # noqa: BLE001 - a report without the text shows no excerpt rather than failing
        return None


def top_sentences(sentences: pd.DataFrame, label: Any, outlets: list[str], k: int = _TOP_PER_OUTLET) -> pd.DataFrame:
    """The ``k`` sentences of each outlet given ``label`` with the highest probability (outlet order, then rank)."""
    t = sentences[sentences["label"] == label]
    out = []
    for o in outlets:
        s = t[t["outlet"] == o].sort_values(["probability", "article_id", "sentence_id"], ascending=[False, True, True],
                                             kind="stable")
        out.append(s.head(k))
    return pd.concat(out) if out else t.head(0)


def highlights(model: Any, sentence: str, label: Any, k: int = _TOP_WORDS) -> list[tuple[int, int]]:
    """Offsets (into ``sentence``) of the words that pushed it most toward ``label``, non-overlapping, sorted."""
    if model is None or not hasattr(model, "explain"):
        return []
    ex = model.explain(sentence, label=label, top=None)
    ex = ex[(ex["contribution"] > 0) & ex["start"].notna()]
    per_span = ex.groupby(["start", "end"])["contribution"].sum().sort_values(ascending=False)
    chosen: list[tuple[int, int]] = []
    for (s, e), _ in per_span.items():
        s, e = int(s), int(e)
        if all(e <= a or s >= b for a, b in chosen):
            chosen.append((s, e))
        if len(chosen) >= k:
            break
    return sorted(chosen)


def _pieces(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    out, at = [], 0
    for s, e in spans:
        out.append((sentence[at:s], False))
        out.append((sentence[s:e], True))
        at = e
    out.append((sentence[at:], False))
    return [p for p in out if p[0]]


def _rows(comp: Any, name: str, pal: C.Palette) -> tuple[pd.DataFrame, list[Any], list[tuple[str, Any, str, str, list]]]:
    """Summary of one classifier, its focus labels and the top sentences (outlet, label, prob, sentence, pieces)."""
    summary = comp.classifier_summary[comp.classifier_summary["classifier"] == name]
    labels = focus_labels(summary)
    sentences = C.optional_table(comp, "classifier_sentences")
    model = _model(comp, name)
    excerpts = []
    if sentences is not None:
        sentences = sentences[sentences["classifier"] == name]
        for lab in labels:
            for _, r in top_sentences(sentences, lab, list(pal.order)).iterrows():
                text = _text_of(comp, r["article_id"])
                if text is None:
                    continue
                sent = text[int(r["start"]):int(r["end"])]
                excerpts.append((r["outlet"], lab, C.fmt_pct(r["probability"]), sent,
                                 _pieces(sent, highlights(model, sent, lab))))
    return summary, labels, excerpts


def _share_cell(summary: pd.DataFrame, outlet: str, label: Any) -> str:
    r = summary[(summary["outlet"] == outlet) & (summary["label"] == label)]
    if r.empty:
        return "–"
    r = r.iloc[0]
    return f"{C.fmt_pct(r['share'])} [{C.fmt_pct(r['ci_low'])}–{C.fmt_pct(r['ci_high'])}]"


def pdf_section(comp: Any, pal: C.Palette) -> list[Any]:
    """Flowables for every classifier in ``comp.classifier_summary`` (empty list when there is none)."""
    from reportlab.lib.units import cm

    summary_all = C.optional_table(comp, "classifier_summary")
    if summary_all is None:
        return []
    el: list[Any] = []
    for name in sorted(summary_all["classifier"].unique()):
        summary, labels, excerpts = _rows(comp, name, pal)
        el.append(P(f"Classifier: {name}", "h1"))
        el.append(P(training_note(_model(comp, name)), "note"))
        head = ["", "Outlet", "Sentences"] + [f"Share {lab} [95% interval]" for lab in labels]
        rows, sw = [head], []
        for o in pal.order:
            n = summary.loc[summary["outlet"] == o, "n_sentences"]
            rows.append(["", pal.names.get(o, o), f"{int(n.iloc[0]):,}" if len(n) else "0"]
                        + [_share_cell(summary, o, lab) for lab in labels])
            sw.append(pal.colors.get(o))
        rest = FRAME_W - 0.35 * cm - 3.5 * cm - 2.0 * cm
        el.append(table(rows, [0.35 * cm, 3.5 * cm, 2.0 * cm] + [rest / max(1, len(labels))] * len(labels), swatches=sw))
        if excerpts:
            el.append(P("Sentences the model is surest about (words that pushed it most are highlighted)", "h2"))
            for outlet, lab, prob, _, pieces in excerpts:
                markup = "".join(f'<span backColor="{PUSH_COLOR}"><b>{esc(t)}</b></span>' if hl else esc(t)
                                 for t, hl in pieces)
                el.append(P(f"<b>{esc(pal.names.get(outlet, outlet))}</b> · {esc(lab)} {prob}: {markup}", "excerpt", raw=True))
    return el


def html_section(comp: Any, pal: C.Palette) -> str:
    """An escaped HTML fragment with the same content as :func:`pdf_section` ("" when there is no classifier)."""
    summary_all = C.optional_table(comp, "classifier_summary")
    if summary_all is None:
        return ""
    e = html.escape
    out: list[str] = []
    for name in sorted(summary_all["classifier"].unique()):
        summary, labels, excerpts = _rows(comp, name, pal)
        out.append(f'<section class="classifier" id="classifier-{e(str(name))}">')
        out.append(f"<h2>Classifier: {e(str(name))}</h2>")
        out.append(f'<p class="note">{e(training_note(_model(comp, name)))}</p>')
        out.append("<table><thead><tr><th>Outlet</th><th>Sentences</th>"
                   + "".join(f"<th>Share {e(str(lab))} [95% interval]</th>" for lab in labels) + "</tr></thead><tbody>")
        for o in pal.order:
            n = summary.loc[summary["outlet"] == o, "n_sentences"]
            out.append(f'<tr><td style="border-left:6px solid {e(pal.colors.get(o, "#999999"))}">{e(pal.names.get(o, o))}</td>'
                       f"<td>{int(n.iloc[0]) if len(n) else 0:,}</td>"
                       + "".join(f"<td>{e(_share_cell(summary, o, lab))}</td>" for lab in labels) + "</tr>")
        out.append("</tbody></table>")
        if excerpts:
            out.append("<h3>Sentences the model is surest about (words that pushed it most are highlighted)</h3><ul>")
            for outlet, lab, prob, _, pieces in excerpts:
                body = "".join(f'<mark style="background:{PUSH_COLOR}">{e(t)}</mark>' if hl else e(t) for t, hl in pieces)
                out.append(f"<li><b>{e(pal.names.get(outlet, outlet))}</b> · {e(str(lab))} {e(prob)}: {body}</li>")
            out.append("</ul>")
        out.append("</section>")
    return "\n".join(out)
