from __future__ import annotations

import datetime as dt
import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.corpus import Corpus, load_corpus, parse_article_date
from framing.errors import FramingWarning
from framing.errors import CorpusError

from .conftest import S400

GOOD_TEXT = "Ankara said on Tuesday it would buy the S-400 system. NATO said it was concerned."


def test_corpus_s400_has_five_outlets(s400) -> None:
    assert len(s400) == 5
    assert s400.outlet_keys == ("cbc", "rt", "presstv", "revoi", "wsws")
    assert s400.story
    assert len(s400.actors) >= 10


def test_corpus_s400_dates_span_2017_to_2021(s400) -> None:
    years = sorted(a.date.year for a in s400)
    assert years[0] == 2017 and years[-1] == 2021


def test_corpus_sentences_and_paragraphs_point_into_cleaned_text(s400) -> None:
    for a in s400:
        assert a.sentences and a.paragraphs
        for s in (*a.sentences, *a.paragraphs):
            assert a.text[s.start:s.end] == s.text
        assert "LEAVE YOUR COMMENT" not in a.text and "© " not in a.text


def test_corpus_removed_lines_carry_reasons(s400) -> None:
    cbc = next(a for a in s400 if a.outlet == "cbc")
    assert {r.rule for r in cbc.removed} >= {"caption", "video_block", "credit"}
    assert all(r.reason for r in cbc.removed)


def test_corpus_to_frame_joins_outlet_facts(s400) -> None:
    df = s400.to_frame()
    assert list(df["outlet"]) == ["cbc", "rt", "presstv", "revoi", "wsws"]
    assert df.columns[:2].tolist() == ["article_id", "outlet"]
    row = df.set_index("outlet").loc["rt"]
    assert row["state_affiliation"] == "state-controlled" and row["country"] == "RU"
    assert (df["n_words"] > 300).all()


def _write_jsonl(path, rows) -> None:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_corpus_loads_jsonl_csv_and_frame(tmp_path) -> None:
    rows = [{"id": "a", "outlet": "cbc", "text": GOOD_TEXT, "date": "2019-07-16"},
            {"id": "b", "outlet": "Russia Today", "text": GOOD_TEXT, "title": "T", "date": "2020"}]
    _write_jsonl(tmp_path / "c.jsonl", rows)
    pd.DataFrame(rows).to_csv(tmp_path / "c.csv", index=False)
    for source in (tmp_path / "c.jsonl", tmp_path / "c.csv", pd.DataFrame(rows)):
        c = load_corpus(source)
        assert c.outlet_keys == ("cbc", "rt")
        assert c[0].date == dt.date(2019, 7, 16) and not c[0].date_approximate
        assert c[1].date == dt.date(2020, 1, 1) and c[1].date_approximate


def test_corpus_unknown_outlet_warns_and_works(tmp_path) -> None:
    with pytest.warns(FramingWarning, match="not in the registry"):
        c = Corpus.from_records([{"id": "a", "outlet": "Kalamazoo Weekly Bugle", "text": GOOD_TEXT}])
    assert c.outlet_keys == ("kalamazoo-weekly-bugle",)
    assert c.to_frame().loc[0, "registered"] == False  # noqa: E712


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b"")],
)
def test_corpus_decodes_common_encodings(tmp_path, encoding: str, prefix: bytes) -> None:
    (tmp_path / "articles").mkdir()
    text = "Erdoğan’s “decision” – café" if encoding != "cp1252" else "Erdogan’s “decision” – café"
    (tmp_path / "articles" / "a.txt").write_bytes(prefix + (text + "\n" + GOOD_TEXT).encode(encoding))
    (tmp_path / "manifest.yaml").write_text("story: s\narticles:\n  - id: a\n    outlet: cbc\n    file: articles/a.txt\n")
    if encoding == "cp1252":
        with pytest.warns(FramingWarning, match="cp1252"):
            c = load_corpus(tmp_path)
    else:
        c = load_corpus(tmp_path)
    assert c[0].raw.startswith(text)


MANIFEST_OK = "story: s\narticles:\n  - id: a\n    outlet: cbc\n    file: articles/a.txt\n"


def _folder(tmp_path, manifest: str | None = MANIFEST_OK, article: bytes | None = GOOD_TEXT.encode()):
    (tmp_path / "articles").mkdir(exist_ok=True)
    if article is not None:
        (tmp_path / "articles" / "a.txt").write_bytes(article)
    if manifest is not None:
        (tmp_path / "manifest.yaml").write_text(manifest, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "manifest, article, message",
    [
        (None, GOOD_TEXT.encode(), "no manifest.yaml"),
        ("articles: [\n", GOOD_TEXT.encode(), r"manifest.yaml:\d+: invalid YAML"),
        ("story: s\narticles: !!python/object/apply:os.system ['touch pwned']\n", GOOD_TEXT.encode(), "invalid YAML"),
        ("story: s\n", GOOD_TEXT.encode(), "'articles:' list"),
        ("story: s\narticles: []\n", GOOD_TEXT.encode(), "'articles' is empty"),
        ("articles:\n  - outlet: cbc\n    file: articles/a.txt\n", GOOD_TEXT.encode(), r"manifest.yaml:2 \(field 'id'\)"),
        ("articles:\n  - id: a\n    outlet: cbc\n    file: articles/a.txt\n  - id: a\n    outlet: rt\n    file: articles/a.txt\n",
         GOOD_TEXT.encode(), r"manifest.yaml:5 \(field 'id'\): duplicate article id 'a'"),
        ("articles:\n  - id: a\n    file: articles/a.txt\n", GOOD_TEXT.encode(), "outlet is missing"),
        ("articles:\n  - id: a\n    outlet: cbc\n", GOOD_TEXT.encode(), "has no 'file'"),
        ("articles:\n  - id: a\n    outlet: cbc\n    file: ../outside.txt\n", GOOD_TEXT.encode(), "outside the corpus folder"),
        ("articles:\n  - id: a\n    outlet: cbc\n    file: /etc/passwd\n", GOOD_TEXT.encode(), "absolute path"),
        ("articles:\n  - id: a\n    outlet: cbc\n    file: articles/missing.txt\n", GOOD_TEXT.encode(), "file not found"),
        ("articles:\n  - id: a\n    outlet: cbc\n    file: articles\n", GOOD_TEXT.encode(), "is a directory"),
        (MANIFEST_OK, b"", "empty or only white space"),
        (MANIFEST_OK, b"  \n\t\n ", "empty or only white space"),
        (MANIFEST_OK, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_corpus_bad_folder_input_names_the_problem(tmp_path, monkeypatch, manifest, article, message) -> None:
    monkeypatch.chdir(tmp_path)  # a YAML tag that ran code would leave 'pwned' here
    (tmp_path / "c").mkdir()
    folder = _folder(tmp_path / "c", manifest, article)
    with pytest.raises(CorpusError, match=message):
        load_corpus(folder)
    assert not (tmp_path / "pwned").exists()


def test_corpus_missing_folder(tmp_path) -> None:
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_corpus_unreadable_file(tmp_path) -> None:
    folder = _folder(tmp_path)
    (folder / "articles" / "a.txt").chmod(0)
    with pytest.raises(CorpusError, match="cannot read"):
        load_corpus(folder)


@pytest.mark.parametrize(
    "lines, message",
    [
        (['{"id": "a", "outlet": "cbc", "text": "' + GOOD_TEXT + '"}', '{"id": "b", "outlet": '], r"c.jsonl:2: malformed JSON"),
        (['["not", "an", "object"]'], r"c.jsonl:1: each line must be a JSON object"),
        (['{"id": "a", "outlet": "cbc"}'], r"c.jsonl:1 \(field 'text'\): article 'a' has no text"),
    ],
)
def test_corpus_bad_jsonl_names_the_line(tmp_path, lines, message) -> None:
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        load_corpus(tmp_path / "c.jsonl")


def test_corpus_csv_without_text_column(tmp_path) -> None:
    (tmp_path / "c.csv").write_text("id,outlet,body\na,cbc,hello\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c.csv:1: missing column\(s\) \['text'\]"):
        load_corpus(tmp_path / "c.csv")


def test_corpus_unknown_format(tmp_path) -> None:
    (tmp_path / "c.docx").write_text("x")
    with pytest.raises(CorpusError, match="unknown corpus format"):
        load_corpus(tmp_path / "c.docx")


@pytest.mark.parametrize(
    "value, expected",
    [(None, (None, False)), ("", (None, False)), ("2019-07-16", (dt.date(2019, 7, 16), False)),
     ("2019-07-16T10:00:00Z", (dt.date(2019, 7, 16), False)), ("2021", (dt.date(2021, 1, 1), True)),
     (dt.date(2020, 10, 5), (dt.date(2020, 10, 5), False))],
)
def test_corpus_parse_article_date(value, expected) -> None:
    assert parse_article_date(value) == expected


def test_corpus_is_importable_from_top_level() -> None:
    assert framing.load_corpus is load_corpus and framing.Corpus is Corpus


# -- real corpora as they come: date formats and one summary warning each ------------------------------
@pytest.mark.parametrize(
    "value, date_format, expected",
    [
        ("2017-09-16", None, (dt.date(2017, 9, 16), False)),
        ("2017-09-16T14:03:00Z", None, (dt.date(2017, 9, 16), False)),
        ("2017-09-16 14:03", None, (dt.date(2017, 9, 16), False)),
        ("9/16/17", None, (dt.date(2017, 9, 16), False)),            # AllSides style, month first
        ("09/16/2017", None, (dt.date(2017, 9, 16), False)),
        ("9/10/17", None, (dt.date(2017, 9, 10), False)),            # ambiguous: month-first default
        ("9/10/17", "dmy", (dt.date(2017, 10, 9), False)),           # ... unless told day-first
        ("16/9/17", None, (dt.date(2017, 9, 16), False)),            # only day-first is a date
        ("16.09.2017", "dmy", (dt.date(2017, 9, 16), False)),
        ("2017/09/16", "dmy", (dt.date(2017, 9, 16), False)),        # year first whatever the order
        ("1/2/99", None, (dt.date(1999, 1, 2), False)),
        ("Sept. 16, 2017", None, (dt.date(2017, 9, 16), False)),
        ("Sep 16 2017", None, (dt.date(2017, 9, 16), False)),
        ("September 16, 2017", None, (dt.date(2017, 9, 16), False)),
        ("Saturday, September 16, 2017 3:04 PM EDT", None, (dt.date(2017, 9, 16), False)),
        ("16 September 2017", None, (dt.date(2017, 9, 16), False)),
        ("16 Sept. 2017", None, (dt.date(2017, 9, 16), False)),
        ("Sat, 16 Sep 2017 14:03:00 +0000", None, (dt.date(2017, 9, 16), False)),
        ("September 2017", None, (dt.date(2017, 9, 1), True)),
        ("2017-09", None, (dt.date(2017, 9, 1), True)),
        ("2017", None, (dt.date(2017, 1, 1), True)),
        ("16/09/2017", "%d/%m/%Y", (dt.date(2017, 9, 16), False)),
    ],
)
def test_corpus_parse_article_date_formats(value, date_format, expected) -> None:
    assert parse_article_date(value, date_format=date_format) == expected


@pytest.mark.parametrize("value", ["tomorrow", "2019-13-45", "13/13/2017", "Mayo 5, 2017", "16 Smarch 2017"])
def test_corpus_parse_article_date_rejects(value) -> None:
    with pytest.raises(CorpusError, match="not a valid date"):
        parse_article_date(value, "x.jsonl:3 (field 'date')")


def test_corpus_date_format_option_reaches_the_loaders(tmp_path) -> None:
    rows = [{"id": "a", "outlet": "cbc", "text": GOOD_TEXT, "date": "9/10/17"}]
    _write_jsonl(tmp_path / "c.jsonl", rows)
    assert load_corpus(tmp_path / "c.jsonl")[0].date == dt.date(2017, 9, 10)
    assert load_corpus(tmp_path / "c.jsonl", date_format="dmy")[0].date == dt.date(2017, 10, 9)
    assert Corpus.from_records(rows, date_format="dmy")[0].date == dt.date(2017, 10, 9)
    assert load_corpus(pd.DataFrame(rows), date_format="dmy")[0].date == dt.date(2017, 10, 9)


def _warnings_of(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn()
    return result, [w for w in caught if issubclass(w.category, FramingWarning)]


def test_corpus_bad_dates_kept_missing_with_one_warning(tmp_path) -> None:
    rows = [{"id": str(i), "outlet": "cbc", "text": GOOD_TEXT, "date": d}
            for i, d in enumerate(["tomorrow", "2019-13-45", "2019-07-16", "soon", "", None])]
    _write_jsonl(tmp_path / "c.jsonl", rows)
    corpus, caught = _warnings_of(lambda: load_corpus(tmp_path / "c.jsonl"))
    assert [a.date for a in corpus] == [None, None, dt.date(2019, 7, 16), None, None, None]
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "c.jsonl: 3 date(s) could not be read" in message
    assert "line 1: 'tomorrow'" in message and "line 4: 'soon'" in message


def test_corpus_unknown_outlets_one_warning_with_suggestions(tmp_path) -> None:
    rows = [{"id": "a", "outlet": "Kalamazoo Weekly Bugle", "text": GOOD_TEXT},
            {"id": "b", "outlet": "Kalamazoo Weekly Bugle", "text": GOOD_TEXT},
            {"id": "c", "outlet": "Pres TV", "text": GOOD_TEXT},
            {"id": "d", "outlet": "Ross Douthat", "text": GOOD_TEXT, "url": "https://www.nytimes.com/2019/x.html"}]
    corpus, caught = _warnings_of(lambda: Corpus.from_records(rows))
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "2 outlet name(s) are not in the registry" in message
    assert "'Kalamazoo Weekly Bugle' (2 articles, first at line 1)" in message
    assert "'Pres TV' (1 article, first at line 3; did you mean 'presstv'?)" in message
    assert "'Ross Douthat' -> nytimes (1)" in message
    assert [a.outlet for a in corpus] == ["kalamazoo-weekly-bugle", "kalamazoo-weekly-bugle", "pres-tv", "nytimes"]
    kept, _ = _warnings_of(lambda: Corpus.from_records(rows, outlet_from_url=False))
    assert kept[3].outlet == "ross-douthat"


def test_corpus_non_english_articles_one_warning() -> None:
    german = "Der Minister sagte, die Gespräche würden im Frühjahr wieder aufgenommen, beide Seiten seien bereit. " * 3
    rows = [{"id": str(i), "outlet": "cbc", "text": german} for i in range(4)]
    rows.append({"id": "en", "outlet": "cbc", "text": GOOD_TEXT})
    _, caught = _warnings_of(lambda: Corpus.from_records(rows))
    assert len(caught) == 1
    assert "4 article(s) do not look like English prose ('0', '1', '2', '3')" in str(caught[0].message)


def test_corpus_language_check_runs_once_per_article(monkeypatch) -> None:
    import framing.corpus as corpus_mod
    from framing.compare import language_warnings

    calls: list[str] = []
    real = corpus_mod.looks_english
    monkeypatch.setattr(corpus_mod, "looks_english", lambda text: calls.append(text[:10]) or real(text))
    german = "Der Minister sagte, die Gespräche würden im Frühjahr wieder aufgenommen, beide Seiten seien bereit. " * 3
    rows = [{"id": "de", "outlet": "cbc", "text": german}, {"id": "en", "outlet": "cbc", "text": GOOD_TEXT}]
    corpus, _ = _warnings_of(lambda: Corpus.from_records(rows))
    assert len(calls) == 2
    assert language_warnings(corpus)[0].startswith("1 article(s) do not look like English prose (de)")
    assert len(calls) == 2  # the report's caveat reads the loader's verdict


def test_corpus_clean_corpus_loads_without_warnings(s400) -> None:
    _, caught = _warnings_of(lambda: load_corpus(Path(__file__).resolve().parents[1] / "corpora" / "s400"))
    assert caught == []


ALLSIDES_JSONS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "allsides-articles" / "jsons"


@pytest.mark.skipif(not ALLSIDES_JSONS.is_dir(), reason="AllSides evaluation dataset not present (../shared/eval)")
def test_corpus_allsides_first_1500_load_as_they_come(tmp_path) -> None:
    """The AllSides JSON files converted to JSONL as they are (dates untouched: '2017-09-16', '9/16/17', '')."""
    import json

    out = tmp_path / "allsides.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for f in sorted(ALLSIDES_JSONS.glob("*.json"))[:1500]:
            d = json.loads(f.read_text(encoding="utf-8"))
            fh.write(json.dumps({"id": d["ID"], "outlet": d["source"], "url": d.get("url"), "title": d.get("title"),
                                 "date": d.get("date"), "text": d.get("content_original")}) + "\n")
    corpus, caught = _warnings_of(lambda: load_corpus(out))
    assert len(corpus) == 1500
    assert len(caught) <= 3, [str(w.message)[:200] for w in caught]
    assert not any("could not be read" in str(w.message) for w in caught)
    dated = [a for a in corpus if a.date is not None]
    assert len(dated) >= 1300 and all(dt.date(2000, 1, 1) <= a.date <= dt.date(2021, 1, 1) for a in dated)


def test_corpus_load_report_merges_chunks_and_warns_once() -> None:
    import pickle

    from framing.corpus import LoadReport

    chunks = [[{"id": "a", "outlet": "Kalamazoo Weekly Bugle", "text": GOOD_TEXT, "date": "soon", "_line": 1}],
              [{"id": "b", "outlet": "Kalamazoo Weekly Bugle", "text": GOOD_TEXT, "date": "9/16/17", "_line": 2},
               {"id": "c", "outlet": "cbc", "text": GOOD_TEXT, "date": "later", "_line": 3}]]
    total = LoadReport("big.jsonl")
    for chunk in chunks:  # as a chunked loader would: each chunk silent, reports merged (they pickle)
        part = LoadReport("big.jsonl")
        _, caught = _warnings_of(lambda: Corpus.from_records(chunk, report=part, source="big.jsonl"))
        assert caught == []
        total.merge(pickle.loads(pickle.dumps(part)))
    _, caught = _warnings_of(total.warn)
    assert len(caught) == 2
    assert "'Kalamazoo Weekly Bugle' (2 articles, first at line 1)" in str(caught[0].message)
    assert "big.jsonl: 2 date(s) could not be read" in str(caught[1].message)


def test_corpus_article_word_counts_fill_the_cached_counts(monkeypatch):
    """The word counts of many articles at once equal each article's own n_words and are remembered on them
    (word_count is not called again)."""
    from types import SimpleNamespace

    import framing.corpus
    from framing.corpus import Article, article_word_counts
    from framing.text import word_count
    from tests.conftest import SEED_FILES, seed_text

    texts = [seed_text(k) for k in SEED_FILES] + ["", "U.S.-led S-400 deal's end"]
    want = [word_count(t) for t in texts]
    arts = [Article(str(i), "rt", t, t) for i, t in enumerate(texts)]
    known = Article("k", "rt", "a b", "a b")
    assert known.n_words == 2

    def no_more(text):
        raise AssertionError("counted one text at a time")

    monkeypatch.setattr(framing.corpus, "word_count", no_more)
    assert article_word_counts(arts + [known, SimpleNamespace(n_words=7)]) == want + [2, 7]
    assert [a.n_words for a in arts] == want and all(a.__dict__["n_words"] == n for a, n in zip(arts, want))
