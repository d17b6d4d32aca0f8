"""Boilerplate removal that a reader can audit.

The cleaner works on lines. Each rule below removes whole lines and records
the line number, the text and the reason, so a reader can check every cut
(``Article.removed``). Everything else is kept verbatim; runs of blank lines
left by removals are folded into one blank line.

Rules (name: what it removes)

- ``breadcrumb``: navigation trails ("News / Turkey / Politics", numbered
  "1. Home / 2. English / 3. ..." lists at the top).
- ``section_label``: a short label at the very top, before the headline
  (a show or section name such as "Power & Politics").
- ``duplicate_headline``: a line repeating an earlier line in the header.
- ``share_widget``: "Social Share", "SHARE THIS ARTICLE", share counters.
- ``byline``/``dateline``: author-name and date-only lines in the header
  (their values are kept as the article's author and date).
- ``caption``: a paragraph ending in a photo credit in parentheses
  ("... (Photo by AFP)", "... (The Associated Press)").
- ``photo_credit``: bullet runs that credit a picture ("• Reuters",
  "• © Francois Lenoir").
- ``video_block``: an embedded video teaser ("1 year agoVideo", its label,
  title and description ending with a running time like "9:15").
- ``credit``: "With files from ..." lines.
- ``footer``: from a footer marker ("To contact ...", "LEAVE YOUR COMMENT",
  "... can also be accessed at", share/subscribe prompts) to the end, when
  no article paragraph follows.
- ``promo``: subscription and app prompts ("Join our WhatsApp Channel").
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from itertools import accumulate

__all__ = ["RemovedLine", "CleanResult", "clean_text", "parse_date"]


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner removed.

    Attributes
    ----------
    line : int
        1-based line number in the raw text.
    text : str
        The line as it was (without its line break).
    rule : str
        Name of the rule (see module docstring).
    reason : str
        Human-readable explanation.
    """

    line: int
    text: str
    rule: str
    reason: str


@dataclass(frozen=True)
class CleanResult:
    """Output of :func:`clean_text`.

    Attributes
    ----------
    text : str
        Cleaned text.
    removed : tuple of RemovedLine
    title, author : str or None
        Headline and byline found in the header, if any.
    date : datetime.date or None
        Date from a dateline in the header, if any.
    offset_map : tuple of (clean_start, raw_start, length)
        Kept pieces: ``text[c:c+n] == raw[r:r+n]``; use :meth:`to_raw`.
    url : str or None
        A web address standing alone on a header line (saved pages often start with one).
    """

    text: str
    removed: tuple[RemovedLine, ...]
    title: str | None = None
    author: str | None = None
    date: _dt.date | None = None
    offset_map: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)
    url: str | None = None

    def to_raw(self, pos: int) -> int:
        """Map an offset in the cleaned text to the raw text."""
        for c, r, n in self.offset_map:
            if c <= pos <= c + n:
                return r + (pos - c)
        raise ValueError(f"offset {pos} is outside the cleaned text")


_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS) + "|" + "|".join(m[:3].capitalize() for m in _MONTHS)
_DATE_PATTERNS = [
    re.compile(rf"^(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})$"),
    re.compile(rf"^(?:[A-Z][a-z]+,\s+)?(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})$"),
]


def parse_date(value: str) -> _dt.date | None:
    """Parse a date line ("21 July 2017", "July 16, 2019", "2019-07-16").

    Examples
    --------
    >>> parse_date("21 July 2017")
    datetime.date(2017, 7, 21)
    >>> parse_date("Tuesday, July 16, 2019")
    datetime.date(2019, 7, 16)
    >>> parse_date("not a date") is None
    True
    """
    value = value.strip()
    for pat in _DATE_PATTERNS:
        m = pat.match(value)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["mn"]) if gd.get("mn") else _MONTHS.index(
            next(x for x in _MONTHS if x.startswith(gd["m"].lower()[:3]))) + 1
        try:
            return _dt.date(int(gd["y"]), month, int(gd["d"]))
        except ValueError:
            return None
    return None


_BREADCRUMB_SLASH = re.compile(r"^[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}(?:\s+[/›»>|]\s+[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}){1,5}$")
_NUMBERED = re.compile(r"^\d{1,2}\.\s+\S")
_SHARE = re.compile(r"^(?:social\s+share|share(?:\s+this(?:\s+article|\s+story|\s+page)?)?|share\s+on\s+\w+|"
                    r"tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|copy\s+link)\s*:?$", re.I)
_COUNTER = re.compile(r"^\d{1,6}$")
_CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|image|file|pool|credit|getty|afp|reuters|associated press|ap|epa|anadolu|xinhua|"
    r"sputnik|tass|ria|via)\b[^()]*)\)\s*(?:\([^()]*\)\s*)?$",
    re.I,
)
_BULLET = re.compile(r"^\s*[•·▪●]\s*(?P<body>.*)$")
_VIDEO_MARK = re.compile(r"^\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\s*video$", re.I)
_DURATION_END = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?$")
_VIDEO_LABELS = re.compile(r"^(?:tv\s+shows|video|videos|watch|related\s+videos?|featured\s+videos?|media)$", re.I)
_CREDIT = re.compile(r"^(?:with\s+files\s+from|additional\s+reporting\s+by|reporting\s+by|editing\s+by|compiled\s+by)\b", re.I)
# Footer markers that start a line, and one that may start up to 60 characters in.
_FOOTER_STARTS = (
    r"to\s+contact\s+the\b|leave\s+your\s+comment|leave\s+a\s+comment|your\s+email\s+address\s+will\s+not|"
    r"share\s+this\s+article|subscribe\s+to\b|sign\s+up\s+for\b|follow\s+us\s+on\b|"
    r"all\s+rights\s+reserved|copyright\s+©|©\s*\d{4}"
)
_FOOTER_MARK = re.compile(rf"^(?:{_FOOTER_STARTS}|.{{0,60}}\bcan\s+also\s+be\s+accessed\s+at\b)", re.I)
# A promo line starts with an app/subscription prompt or ends with "QR code" / "News Roku". The two
# ends are separate patterns so that only lines whose last letter can end them ("code", "roku") are
# searched: one ``^(?:...|.*\bqr\s+code$)`` pattern scanned every paragraph twice (a third of the
# cleaning time). Lines never hold a line break, so ``search`` here equals a ``^.*`` match.
_PROMO_START = re.compile(r"(?:join\s+(?:our|now)|and\s+stay\s+informed|download\s+(?:our|the)\s+app)\b", re.I)
_PROMO_END = re.compile(r"\b(?:qr\s+code|news\s+roku)$", re.I)
_PROMO_LAST_LETTERS = frozenset("eEuU")  # the only characters that re.I matches with "e" or "u"


def _is_promo(s: str) -> bool:
    """True for a subscription or app prompt line (``s`` stripped, without line breaks)."""
    return _PROMO_START.match(s) is not None or (
        s[-1:] in _PROMO_LAST_LETTERS and _PROMO_END.search(s) is not None)
_URL_ONLY = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.I)

# Pre-checks that let clean_text skip a prose line with one regex call instead of one per rule.
# A line can meet a rule of the whole-text loop only if it starts like a share label, promo, credit
# or video marker (one alternation of those re.I patterns: it matches exactly when one of them does),
# ends like a promo or caption (the patterns end in "code", "roku" or ")" at the end of a stripped
# line), or is a bullet (``_BULLET`` on the raw line: its first non-space character is a bullet).
_ANY_LINE_RULE = re.compile("|".join(f"(?:{p.pattern})" for p in (_SHARE, _PROMO_START, _CREDIT, _VIDEO_MARK)),
                            re.I)
_RULE_LAST_CHARS = _PROMO_LAST_LETTERS | {")"}
_BULLET_CHARS = frozenset("•·▪●")
# The footer loop: a line can meet ``_FOOTER_MARK`` or ``_URL_ONLY`` only if this matches or "can"
# starts within its first 61 characters. Scanning for ".{0,60}can" at every line was most of the
# footer loop's time; re.I matches "can" only with ASCII letters, which str.lower() maps alike.
_FOOTER_OR_URL_START = re.compile(f"^(?:{_FOOTER_STARTS})|(?:{_URL_ONLY.pattern})", re.I)
_NAME_LINE = re.compile(r"^(?:By\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")


_NEWLINE = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"[.!?\"”’]$")


def _words(s: str) -> int:
    return len(s.split())


def clean_text(raw: str) -> CleanResult:
    """Remove boilerplate lines from a raw article and say why each went.

    Parameters
    ----------
    raw : str
        The article as scraped (any line endings).

    Returns
    -------
    CleanResult
        Cleaned text, removed lines with reasons, header title/author/date.

    Examples
    --------
    >>> r = clean_text("News / World\\n\\nTurkey buys missiles\\n\\nAnkara said it would buy them.\\n\\nSHARE THIS ARTICLE")
    >>> r.text
    'Turkey buys missiles\\n\\nAnkara said it would buy them.'
    >>> [(x.line, x.rule) for x in r.removed]
    [(1, 'breadcrumb'), (7, 'share_widget')]
    """
    lines, line_starts = _split_lines(raw)
    stripped = [ln.strip() for ln in lines]
    # str.strip() already removes no-break spaces (U+00A0): a non-empty stripped line has text
    nonblank = [i for i in range(len(lines)) if stripped[i]]
    drop: dict[int, tuple[str, str]] = {}  # line index -> (rule, reason); the first rule to fire wins
    # The header ends at the first real paragraph: >= 15 words ending like a sentence.
    first_body = next(
        (i for i in nonblank if _words(stripped[i]) >= 15 and _SENTENCE_END.search(stripped[i])), len(lines)
    )
    header = [i for i in nonblank if i < first_body]
    url = _url_lines(stripped, header, drop)
    title, author, date = _header_rules(stripped, header, drop)
    _line_rules(lines, stripped, nonblank, drop)
    _footer_rule(stripped, nonblank, first_body, drop)
    text, omap = _assemble(lines, stripped, line_starts, drop)
    removed = tuple(
        RemovedLine(i + 1, lines[i], rule, reason) for i, (rule, reason) in sorted(drop.items()) if stripped[i]
    )
    return CleanResult(text, removed, title, author, date, omap, url)


def _split_lines(raw: str) -> tuple[list[str], list[int]]:
    """Lines split at ``\\r\\n``, ``\\r`` or ``\\n`` and their start offsets in ``raw`` as given."""
    if "\r" in raw:
        return _NEWLINE.split(raw), [0, *(m.end() for m in _NEWLINE.finditer(raw))]
    lines = raw.split("\n")
    return lines, list(accumulate((len(ln) + 1 for ln in lines[:-1]), initial=0))  # each line and its "\n"


_URL_LINE = re.compile(r"^(?:(?:url|source|link)\s*:\s*)?(https?://\S+|www\.\S+)$", re.I)


def _url_lines(stripped: list[str], header: list[int], drop: dict[int, tuple[str, str]]) -> str | None:
    """Header lines that are only a web address (optionally ``URL:``): removed, the first kept as the
    article's URL."""
    url = None
    for i in header:
        m = _URL_LINE.match(stripped[i])
        if m:
            _mark(drop, i, "url_line", "web address of the page in the header (kept as the article url)")
            url = url or m.group(1)
    return url


def _mark(drop: dict[int, tuple[str, str]], i: int, rule: str, reason: str) -> None:
    drop.setdefault(i, (rule, reason))


def _header_rules(stripped: list[str], header: list[int],
                  drop: dict[int, tuple[str, str]]) -> tuple[str | None, str | None, _dt.date | None]:
    """Breadcrumbs, repeated headlines, counters, datelines, section labels and bylines of the header
    lines; returns the title, author and date found there."""
    author = date = None
    numbered = [i for i in header if _NUMBERED.match(stripped[i])]
    if numbered and re.match(r"^\d{1,2}\.\s+home$", stripped[numbered[0]], re.I):
        for i in numbered:
            _mark(drop, i, "breadcrumb", "numbered navigation trail starting at 'Home'")
    seen: dict[str, int] = {}
    for i in header:
        s = stripped[i]
        if i in drop:
            continue
        if _BREADCRUMB_SLASH.match(s) and _words(s) <= 12 and not s.endswith("."):
            _mark(drop, i, "breadcrumb", "navigation trail (segments separated by '/', '›' or '»')")
        elif s in seen:
            _mark(drop, i, "duplicate_headline", f"repeats line {seen[s] + 1}")
        elif _COUNTER.match(s):
            _mark(drop, i, "share_widget", "share or comment counter")
        elif _SHARE.match(s):
            _mark(drop, i, "share_widget", "share button label")
        elif (d := parse_date(s)) is not None:
            _mark(drop, i, "dateline", "date line in the header (kept as the article date)")
            date = date or d
        seen.setdefault(s, i)
    kept = [i for i in header if i not in drop]
    # A section label: the very first line, short, no sentence punctuation, followed by a longer headline.
    if len(kept) >= 2:
        s0, s1 = stripped[kept[0]], stripped[kept[1]]
        if (_words(s0) <= 4 and not re.search(r"[.:?!\"“”'‘’]", s0) and _words(s1) >= 2 * _words(s0) + 2
                and not re.search(r"[.!?\"”]$", s1)):
            _mark(drop, kept[0], "section_label", "short show/section label above the headline")
    kept = [i for i in header if i not in drop]
    title = None
    if kept and _words(stripped[kept[0]]) <= 25 and not stripped[kept[0]].endswith("."):
        title = stripped[kept[0]]
    for i in kept[1:]:
        s = stripped[i]
        if _NAME_LINE.match(s) and _words(s) <= 5 and not _SHARE.match(s):
            _mark(drop, i, "byline", "author name in the header (kept as the article author)")
            author = author or re.sub(r"^By\s+", "", s)
    return title, author, date


def _line_rules(lines: list[str], stripped: list[str], nonblank: list[int], drop: dict[int, tuple[str, str]]) -> None:
    """Share labels, promos, credits, captions, video blocks and photo-credit bullets anywhere."""
    skip_to = 0  # a run of bullets is handled at its first line
    for i in nonblank:
        if i < skip_to:
            continue
        s = stripped[i]
        if _ANY_LINE_RULE.match(s) is None and s[-1] not in _RULE_LAST_CHARS and s[0] not in _BULLET_CHARS:
            continue  # a prose line (most lines): no rule below can fire
        if _SHARE.match(s):
            _mark(drop, i, "share_widget", "share button label")
        elif _is_promo(s):
            _mark(drop, i, "promo", "subscription or app prompt")
        elif _CREDIT.match(s) and _words(s) <= 15:
            _mark(drop, i, "credit", "production credit")
        elif _CAPTION_CREDIT.search(s) and not s.startswith(("“", '"')):
            _mark(drop, i, "caption", "ends with a photo credit in parentheses")
        elif _VIDEO_MARK.match(s):
            _video_block(stripped, i, drop)
        elif _BULLET.match(lines[i]):
            skip_to = _bullet_run(lines, stripped, i, drop)


def _video_block(stripped: list[str], i: int, drop: dict[int, tuple[str, str]]) -> None:
    """An embedded video marker at line ``i``, its description after it and its label and title before it."""
    _mark(drop, i, "video_block", "embedded video marker")
    j = next((k for k in range(i + 1, len(stripped)) if stripped[k]), None)
    if j is not None and _DURATION_END.search(stripped[j]):
        _mark(drop, j, "video_block", "embedded video description (ends with a running time)")
    back = [k for k in range(i - 1, -1, -1) if stripped[k]][:2]
    if back and _VIDEO_LABELS.match(stripped[back[0]]):
        _mark(drop, back[0], "video_block", "embedded video label")
        if len(back) > 1 and " | " in stripped[back[1]]:
            _mark(drop, back[1], "video_block", "embedded video title")


def _bullet_run(lines: list[str], stripped: list[str], i: int, drop: dict[int, tuple[str, str]]) -> int:
    """A run of bullet lines from line ``i``: dropped when it is picture credits; returns the line after it."""
    n = len(lines)
    run = [i]
    k = i + 1
    while k < n and (not stripped[k] or _BULLET.match(lines[k])):
        if stripped[k]:
            run.append(k)
        k += 1
    bodies = [_BULLET.match(lines[r]).group("body").strip() for r in run]
    if any(b.startswith("©") or b.lower().startswith(("photo", "credit", "getty")) for b in bodies) and all(
        _words(b) <= 12 for b in bodies
    ):
        for r in run:
            _mark(drop, r, "photo_credit", "picture credit bullets (caption, agency, ©)")
    return k


def _footer_rule(stripped: list[str], nonblank: list[int], first_body: int, drop: dict[int, tuple[str, str]]) -> None:
    """Footer: from a marker to the end when no article paragraph follows it."""
    for i in nonblank:
        if i < first_body:
            continue
        s = stripped[i]
        if _FOOTER_OR_URL_START.match(s) is None and "can" not in s[:63].lower():  # no footer rule can fire
            continue
        if _FOOTER_MARK.match(s) or (_URL_ONLY.match(s) and i > first_body):
            rest = [k for k in nonblank if k >= i]
            if all(_words(stripped[k]) < 15 for k in rest if k not in drop) and _tail_quiet(stripped, rest, i):
                for k in rest:
                    _mark(drop, k, "footer", f"page footer (from line {i + 1} to the end)")
                return


def _assemble(lines: list[str], stripped: list[str], line_starts: list[int],
              drop: dict[int, tuple[str, str]]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """The kept lines joined (one blank line between paragraphs) and the offset map
    ``(clean_offset, raw_offset, length)`` of each kept line."""
    out: list[str] = []
    omap: list[tuple[int, int, int]] = []
    pos = 0
    blank_run = 0
    for idx, line in enumerate(lines):
        if idx in drop:
            continue
        if not stripped[idx]:
            blank_run += 1
            continue
        if out:
            sep = "\n\n" if blank_run else "\n"
            out.append(sep)
            pos += len(sep)
        blank_run = 0
        omap.append((pos, line_starts[idx], len(line)))
        out.append(line)
        pos += len(line)
    return "".join(out), tuple(omap)


def _tail_quiet(stripped: list[str], rest: list[int], start: int) -> bool:
    # The footer region must not hold more than 12 lines: a marker in the middle of a long
    # text is more likely quoted prose than a page footer.
    return len(rest) <= 12
