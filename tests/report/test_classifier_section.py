"""Report section of trained classifiers: renders from the Comparison's tables and the models' metadata."""
from __future__ import annotations

import io

import pytest

from framing.compare import Comparison, outlet_table
from framing.classify import classifier_sentences, classifier_summary, fit_classifier
from framing.report import _common as C
from framing.report.classifier_section import focus_labels, highlights, html_section, pdf_section, training_note
from tests.classify.test_model import FAST, LABELS, TEXTS


@pytest.fixture(scope="module")
def comp(s400):
    model = fit_classifier(TEXTS, LABELS, description="24 hand-labelled <test> sentences", **FAST)
    sent = classifier_sentences(s400, model, "biased")
    frames = {"outlets": outlet_table(s400), "classifier_sentences": sent, "classifier_summary": classifier_summary(sent)}
    return Comparison(s400, frames, ("classifier",), [], {"biased": model})


def test_classifier_section_html_has_shares_training_and_highlights(comp):
    pal = C.palette(comp)
    out = html_section(comp, pal)
    assert "Classifier: biased" in out
    assert "24 hand-labelled &lt;test&gt; sentences" in out  # escaped
    assert "<test>" not in out
    assert out.count("<tr>") == len(pal.order) + 1
    assert "<mark" in out and "Share Biased" in out


def test_classifier_section_pdf_builds(comp):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    flow = pdf_section(comp, C.palette(comp))
    assert len(flow) >= 3
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(flow)


def test_classifier_section_nothing_without_classifiers(comp):
    empty = Comparison(comp.corpus, {**comp.frames, "classifier_summary": comp.classifier_summary.head(0)}, (), [], comp.models)
    assert pdf_section(empty, C.palette(comp)) == [] and html_section(empty, C.palette(comp)) == ""


def test_classifier_section_highlights_point_at_words(comp):
    s = "Critics slammed the disgraceful, brazen decision."
    spans = highlights(comp.models["biased"], s, "Biased")
    assert spans and all(0 <= a < b <= len(s) for a, b in spans)
    assert {s[a:b].strip(",").lower() for a, b in spans} & {"slammed", "disgraceful", "brazen"}


def test_classifier_section_focus_and_training_note(comp):
    assert focus_labels(comp.classifier_summary) in (["Biased"], ["Non-biased"])
    note = training_note(comp.models["biased"])
    assert "24 texts" in note and "macro-F1" in note
    assert "not recorded" in training_note(None)


def test_classifier_section_training_note_names_a_distant_model():
    from framing.classify import fit_distant_model
    from tests.classify.test_distant import D_LABELS, D_TEXTS

    proxy = fit_distant_model(D_TEXTS * 2, D_LABELS * 2, min_df=1, description="wire & opinion sentences")
    note = training_note(fit_classifier(TEXTS, LABELS, distant=proxy, **FAST))
    assert "distant-supervision model fitted on wire & opinion sentences (24 texts" in note
    assert "distant" not in training_note(fit_classifier(TEXTS, LABELS, **FAST))
