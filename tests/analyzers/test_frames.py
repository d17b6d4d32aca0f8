"""Frames: cue matcher, model JSON round trip, frame_scores, frames table, shares, and the dev data (when present)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from framing.analyzers import _frame_cues as cues
from framing.analyzers._frames_model import FrameModel, FrameModelError, fit_frame_model
from framing.analyzers.frames import FRAMES, frame_model, frame_scores, frame_shares, frames
from framing.resources import read_json
from framing.tables import TABLES
from tests.conftest import eval_path


@pytest.mark.parametrize("text, frame, question", [
    ("Republicans and Democrats clashed over the bill.", "conflict", "C1"),
    ("The opposition accused the minister of lying.", "conflict", "C2"),
    ("The plan would cost taxpayers $4 billion.", "economic", "E2"),
    ("Maria, a grandmother of five, wept as she spoke.", "human_interest", "H1"),
    ("The pope called it a sin against God.", "moral", "M2"),
    ("The council proposed a solution to the flooding.", "resolution", "R3"),
])
def test_frame_cues_find_the_coder_question(text, frame, question) -> None:
    hits = cues.cue_hits(text)
    assert (frame, question) in {(h.frame, h.question) for h in hits}
    for h in hits:
        assert text[h.start:h.end].lower().startswith(h.cue.split()[0].rstrip("*").replace("<num>", "")[:1])


def test_frame_cues_prefixes_do_not_swallow_other_words() -> None:
    found = {h.cue for h in cues.cue_hits("The fighter jets flew over the fleet; it is important and fundamental.")}
    assert not found & {"fight", "fighting", "flee", "imports", "fund"}


def test_frame_cues_phrases_stop_at_punctuation() -> None:
    assert "will cost" in {h.cue for h in cues.cue_hits("It will cost more.")}
    assert "will cost" not in {h.cue for h in cues.cue_hits("It will. Cost more.")}


def test_frame_cue_features_shape_and_empty() -> None:
    x = cues.cue_features(["Critics slammed the plan.", ""])
    assert x.shape == (2, len(cues.FEATURE_NAMES)) and np.isfinite(x).all()
    assert cues.cue_features([]).shape == (0, len(cues.FEATURE_NAMES))


def test_frame_model_word_matrix_equals_sklearn_tfidf() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["The plan will cost money and jobs.", "Critics blamed the plan.", "Money, money and more jobs."] * 2
    labels = np.array([[1, 0, 0, 0, 1], [0, 1, 0, 0, 1], [1, 1, 0, 1, 0]] * 2, dtype=bool)
    labels[0, 2] = True
    model = fit_frame_model(texts, labels, min_df=1, folds=2)
    vec = TfidfVectorizer(min_df=1, sublinear_tf=True, stop_words="english").fit(texts)
    ref = vec.transform(texts).toarray()[:, [vec.vocabulary_[w] for w in sorted(vec.vocabulary_)]]
    assert np.allclose(model.word_matrix(texts).toarray(), ref)


def test_frame_model_json_round_trip_and_errors() -> None:
    m = frame_model()
    again = FrameModel.from_json(json.loads(json.dumps(m.to_json())))
    texts = ["Protesters clashed with police over the cost of fuel."]
    assert np.allclose(again.proba(texts), m.proba(texts), atol=1e-5)
    bad = m.to_json()
    bad["weights"]["moral"]["cues"] = bad["weights"]["moral"]["cues"][:-1]
    with pytest.raises(FrameModelError, match="train_frames"):
        FrameModel.from_json(bad)
    with pytest.raises(FrameModelError, match="format"):
        FrameModel.from_json({"format": "pickle"})


def test_frame_model_ships_no_text_and_names_its_data() -> None:
    data = read_json("models/frames.json")
    assert "Frermann" in data["meta"]["training_data"] and "MIT" in data["meta"]["licence"]
    assert all(" " not in w for w in data["vocabulary"])


def test_frame_scores_columns_range_and_order() -> None:
    texts = ["The company lost $3 billion and cut 2,000 jobs as profits fell.",
             "Rival factions clashed; the opposition accused the government of fraud.", ""]
    s = frame_scores(texts)
    assert list(s.columns) == list(FRAMES) and len(s) == 3
    assert ((s >= 0) & (s <= 1)).all().all()
    assert s.loc[0, "economic"] > s.loc[1, "economic"]
    assert s.loc[1, "conflict"] > s.loc[0, "conflict"]
    assert frame_scores([]).shape == (0, 5)


def test_frames_table_on_s400(s400) -> None:
    t = frames(s400)
    TABLES["article_frames"].check(t)
    assert len(t) == 5 * len(s400)
    texts = {a.id: a.text for a in s400}
    for r in t.itertuples():
        assert texts[r.article_id][r.evidence_start:r.evidence_end] == r.evidence
        assert r.present == (r.score >= 0.5)
    # the S-400 story is a dispute: conflict is present in most outlets, economic and moral in none
    shares = frame_shares(t).set_index(["outlet", "frame"])["share"]
    assert shares.xs("conflict", level="frame").mean() >= 0.6
    assert shares.xs("moral", level="frame").max() == 0.0
    mean = t.groupby("frame")["score"].mean()
    assert mean["conflict"] == mean.max() and mean["conflict"] > mean["resolution"] + 0.1
    assert frames(s400).equals(t)


def test_frame_shares_wilson_interval() -> None:
    t = pd.DataFrame({"article_id": list("abcd"), "outlet": ["x"] * 4, "frame": ["conflict"] * 4,
                      "score": [0.9, 0.8, 0.1, 0.2], "present": [True, True, False, False]})
    s = frame_shares(t)
    TABLES["frame_shares"].check(s)
    r = s.iloc[0]
    assert (r.n_articles, r.n_present, r.share) == (4, 2, 0.5)
    assert r.ci_low == pytest.approx(0.150, abs=1e-3) and r.ci_high == pytest.approx(0.850, abs=1e-3)
    assert frame_shares(t.iloc[:0]).empty


def test_frame_cues_registered_as_feature_set() -> None:
    from framing.classify import feature_set

    fs = feature_set("frame_cues")
    assert fs.names == tuple(cues.FEATURE_NAMES)
    assert fs.transform(["Critics slammed it."]).shape == (1, len(cues.FEATURE_NAMES))


def test_frames_dev_cross_validated_beats_all_positive() -> None:
    """Dev half, 3-fold CV, one seed: the frame model must beat labelling every frame present."""
    import sys
    from pathlib import Path

    path = eval_path("narrative-frames-dev")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from frames_frermann import cv_predictions, prf
    from _frermann import read_frermann

    arts, labels, targets = read_frermann(path)
    texts = arts["text"].tolist()
    preds = cv_predictions(texts, labels, targets, 3, 0, cues.cue_features(texts))
    macro = {k: np.mean([prf(labels[:, j], p[:, j])[2] for j in range(5)]) for k, p in preds.items()}
    assert macro["framing"] > macro["all_positive"] + 0.1


def _scan_reference(text: str, matcher) -> list:
    """The plain matcher: every word of the text looked up, the following words checked in the token list."""
    low = cues._lower_same_length(text)
    toks = [(m.start(), m.end(), m.group()) for m in cues._TOKEN_RE.finditer(low)]
    out = []
    for i, (start, _end, tok) in enumerate(toks):
        seen: set[str] = set()
        for c in matcher.starting(tok):
            n = len(c.words)
            if c.frame in seen or i + n > len(toks):
                continue
            if n > 1:
                words_ok = all(cues._word_matches(c.words[k], toks[i + k][2]) for k in range(1, n))
                gaps_ok = all(not low[toks[k - 1][1]:toks[k][0]] or cues._GAP_RE.fullmatch(low[toks[k - 1][1]:toks[k][0]])
                              for k in range(i + 1, i + n))
                if not (words_ok and gaps_ok):
                    continue
            seen.add(c.frame)
            out.append(cues.CueHit(start, toks[i + n - 1][1], c.frame, c.question, c.cue))
    return out


def test_frame_cues_fast_scan_equals_plain_reference(s400) -> None:
    texts = [a.text for a in s400] + [
        "Don't blame the children's fund; Sen$e: it'll cost $5 billion – or 3 million. I, my, we: 'tis a crisis, Critics!",
        "He was aged 34. On the other hand, the war on coal... They fought, and lost.",
    ]
    for m in (cues._matcher(), cues.role_matcher()):
        for t in texts:
            assert cues.scan(t, m) == _scan_reference(t, m)


def test_frame_model_expected_f1_threshold_follows_the_calibrated_probabilities() -> None:
    from framing.analyzers._frames_model import _expected_f1_threshold, _platt

    raw = np.array([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0])
    # steep calibration: the cut falls between the scores below and above the calibrated 50 % point
    assert _expected_f1_threshold(raw, 10.0, -15.0) == 1.5
    # a rare, weakly separated label: expected F1 still takes the top of the ranking, never all of it
    t = _expected_f1_threshold(raw, 0.5, -3.0)
    assert raw.min() < t <= raw.max()
    y = np.array([0, 0, 0, 1, 0, 1, 1, 1], dtype=bool)
    slope, intercept = _platt(raw, y)
    assert slope > 0 and _expected_f1_threshold(raw, slope, intercept) < 2.0
    assert _platt(raw, np.zeros(8, bool)) == (1.0, 0.0)


def test_fit_frame_model_rejects_an_unknown_threshold_rule() -> None:
    with pytest.raises(FrameModelError, match="threshold_rule"):
        fit_frame_model(["a b c"] * 4, np.ones((4, 5), bool), threshold_rule="youden")


@pytest.mark.parametrize("text, frame, question, found", [
    ("The government must cut emissions.", "resolution", "R1", True),
    ("Activists urged the government to act.", "resolution", "R1", True),
    ("The government met on Tuesday and the senator spoke.", "resolution", "R1", False),
    ("The committee was targeting its projected budget.", "resolution", "R2", False),
    ("Models projected a rise that was measured later.", "resolution", "R3", False),
    ("Washington imposed sanctions and Ankara vowed to retaliate.", "conflict", "C1", True),
])
def test_frame_cues_read_the_question_not_the_topic(text, frame, question, found) -> None:
    """R1 is a government that can or should act, not one that is named; prefixes keep the sense they stand for."""
    assert ((frame, question) in {(h.frame, h.question) for h in cues.cue_hits(text)}) is found
