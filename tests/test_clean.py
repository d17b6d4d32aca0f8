from __future__ import annotations

import datetime as dt
import re

import pytest

from framing.clean import clean_text, parse_date

from .conftest import SEED_FILES, seed_text

# (outlet, line, rule): lines of the raw seeds that must go, with the rule that removes them.
REMOVED = [
    ("cbc", 1, "section_label"),
    ("cbc", 9, "caption"),
    ("cbc", 27, "video_block"),
    ("cbc", 29, "video_block"),
    ("cbc", 31, "video_block"),
    ("cbc", 32, "video_block"),
    ("cbc", 40, "caption"),
    ("cbc", 60, "credit"),
    ("rt", 11, "photo_credit"),
    ("rt", 15, "photo_credit"),
    ("rt", 113, "photo_credit"),
    ("presstv", 1, "breadcrumb"),
    ("presstv", 5, "caption"),
    ("presstv", 37, "footer"),
    ("presstv", 41, "share_widget"),
    ("revoi", 1, "breadcrumb"),
    ("revoi", 3, "breadcrumb"),
    ("revoi", 6, "duplicate_headline"),
    ("revoi", 8, "share_widget"),
    ("revoi", 9, "share_widget"),
    ("revoi", 11, "byline"),
    ("revoi", 37, "footer"),
    ("revoi", 46, "promo"),
    ("wsws", 5, "byline"),
    ("wsws", 6, "dateline"),
    ("wsws", 44, "footer"),
    ("wsws", 47, "footer"),
]


@pytest.mark.parametrize("outlet, line, rule", REMOVED)
def test_clean_removes_boilerplate_line_with_reason(outlet: str, line: int, rule: str) -> None:
    res = clean_text(seed_text(outlet))
    got = {r.line: r.rule for r in res.removed}
    assert got.get(line) == rule
    raw_line = seed_text(outlet).split("\n")[line - 1].strip()
    expected_count = 1 if rule == "duplicate_headline" else 0  # the first copy of a headline stays
    assert res.text.split("\n").count(raw_line) == expected_count


# Lines that must survive: headlines, sub-headings, quotes, short paragraphs.
KEPT = [
    ("cbc", "Turkey's purchase of Russian missiles a 'serious and difficult' issue for alliance, says NATO chief"),
    ("cbc", "Canada 'concerned' about S-400 purchase"),
    ("cbc", "\"We are now telling Turkey that because you have really been forced to buy another missile system"),
    ("rt", "An alternative approach"),
    ("rt", "Today it could be the S-400."),
    ("presstv", "Turkey's purchase of Russian missile poses threat to NATO: US"),
    ("revoi", "S-400: US pressures Turkey to terminate missile deal with Russia"),
    ("revoi", "However, Turkey had ensured that the S-400 would not be integrated into NATO systems"),
    ("wsws", "stationed in 2016 in southeastern Turkey"),
]


@pytest.mark.parametrize("outlet, fragment", KEPT)
def test_clean_keeps_article_text_verbatim(outlet: str, fragment: str) -> None:
    assert fragment in clean_text(seed_text(outlet)).text


@pytest.mark.parametrize("outlet", sorted(SEED_FILES))
def test_clean_offset_map_points_back_to_raw(outlet: str) -> None:
    raw = seed_text(outlet)
    res = clean_text(raw)
    for c, r, n in res.offset_map:
        assert res.text[c:c + n] == raw[r:r + n]
    assert res.text.count("RevoI whats app") == 0


@pytest.mark.parametrize(
    "outlet, title, author, date",
    [
        ("cbc", "Turkey's purchase of Russian missiles a 'serious and difficult' issue for alliance, says NATO chief", None, None),
        ("rt", None, None, None),
        ("presstv", "Turkey's purchase of Russian missile poses threat to NATO: US", None, None),
        ("revoi", "S-400: US pressures Turkey to terminate missile deal with Russia", "Vinayak Barot", None),
        ("wsws", "Turkish-Russian missile deal escalates Turkey-NATO conflict", "Halil Celik", dt.date(2017, 7, 21)),
    ],
)
def test_clean_header_fields(outlet: str, title, author, date) -> None:
    res = clean_text(seed_text(outlet))
    assert (res.title, res.author, res.date) == (title, author, date)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "no boilerplate at all.", "• © only a credit", "x" * 10000],
)
def test_clean_any_text_is_safe(text: str) -> None:
    res = clean_text(text)
    assert isinstance(res.text, str)


def test_clean_keeps_a_footer_marker_inside_long_text() -> None:
    body = "\n\n".join(["This is a long paragraph of the article that keeps going with many words in it."] * 20)
    text = "Headline here\n\n" + body[:200] + "\n\nLEAVE YOUR COMMENT\n\n" + body
    assert "LEAVE YOUR COMMENT" in clean_text(text).text


@pytest.mark.parametrize(
    "value, expected",
    [("21 July 2017", dt.date(2017, 7, 21)), ("July 16, 2019", dt.date(2019, 7, 16)),
     ("Tuesday, July 16, 2019", dt.date(2019, 7, 16)), ("2020-10-05", dt.date(2020, 10, 5)),
     ("31 February 2019", None), ("Power & Politics", None)],
)
def test_clean_parse_date(value: str, expected) -> None:
    assert parse_date(value) == expected


# The promo rule as one pattern, before it was split for speed (framing.clean._is_promo).
_PROMO_ONE_PATTERN = re.compile(
    r"^(?:join\s+(?:our|now)\b.*|and\s+stay\s+informed\b.*|download\s+(?:our|the)\s+app\b.*|"
    r".*\bqr\s+code$|.*\bnews\s+roku$)", re.I)


@pytest.mark.parametrize("line", [
    "Join our WhatsApp Channel", "JOIN NOW for free", "Joint exercises began.", "And stay informed with us",
    "Download the app today", "Download our apps", "Scan the QR code", "Scan the QRcode", "Watch on RT News Roku",
    "RT News  ROKU", "Roku", "The code", "a code", "Enjoin our allies", "join", "", "e", "Join our",
])
def test_clean_promo_split_pattern_equals_single_pattern(line: str) -> None:
    from framing.clean import _is_promo

    assert _is_promo(line) == (_PROMO_ONE_PATTERN.match(line) is not None)


def test_clean_promo_split_pattern_equals_single_pattern_on_seed_lines() -> None:
    from framing.clean import _is_promo

    lines = [ln.strip() for f in SEED_FILES for ln in seed_text(f).splitlines() if ln.strip()]
    assert [_is_promo(s) for s in lines] == [_PROMO_ONE_PATTERN.match(s) is not None for s in lines]
    assert any(_is_promo(s) for s in lines)  # the seeds hold at least one promo line


_RULE_LINES = [
    "Share", "SHARE THIS ARTICLE", "share on Facebook:", "Tweet", "Join our WhatsApp Channel", "Scan the QR code",
    "Watch on News Roku", "With files from Reuters", "Reporting by Jane Doe", "A man walks (Photo by AFP)",
    "Ankara (Reuters) (File)", "3 years ago Video", "12 minutes ago video", "• Reuters", "· © Francois",
    "To contact the reporter", "This story can also be accessed at x.com", "x" * 60 + " can also be accessed at y",
    "x" * 61 + " can also be accessed at y", "www.example.com", "https://a.b/c", "© 2019 All", "All rights reserved",
    "ſhare", "KAN also be accessed at z", "Copyright © CBC", "Follow us on X", "Turkey buys missiles", "It was said.",
]


@pytest.mark.parametrize("line", _RULE_LINES + [ln.strip() for k in SEED_FILES for ln in seed_text(k).splitlines()
                                                if ln.strip()])
def test_clean_line_pre_checks_never_skip_a_rule(line: str) -> None:
    # clean_text skips a line when its pre-checks fail; then no rule may match it
    from framing import clean as C

    whole_text_rule = (C._SHARE.match(line) or C._is_promo(line) or C._CREDIT.match(line)
                       or C._CAPTION_CREDIT.search(line) or C._VIDEO_MARK.match(line) or C._BULLET.match(line))
    pre = C._ANY_LINE_RULE.match(line) or line[-1] in C._RULE_LAST_CHARS or line[0] in C._BULLET_CHARS
    assert pre or not whole_text_rule
    footer_rule = C._FOOTER_MARK.match(line) or C._URL_ONLY.match(line)
    footer_pre = C._FOOTER_OR_URL_START.match(line) or "can" in line[:63].lower()
    assert footer_pre or not footer_rule


def test_clean_ignorecase_matches_can_only_with_ascii_letters() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert set(re.findall("(?i)[can]", every)) == set("canCAN")
