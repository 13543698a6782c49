"""The structure of a reflective log entry written round Gibbs's cycle (session 8).

Gibbs's reflective cycle has six stages: description, feelings, evaluation, analysis,
conclusion and action plan. This check reads a log entry (Markdown or plain text) and looks for
each stage as a heading (``## Feelings``), a bold label (``**Feelings**``) or a labelled line
(``Feelings: ...``); Gibbs's own questions work as headings too (``## What happened?``). Each
stage is worth one point:

- description, evaluation, analysis and conclusion: the whole point with at least
  :data:`MIN_WORDS` words under the heading, half a point for fewer;
- feelings: half a point for the words (a quarter for fewer), and half for naming at least one
  feeling ("anxious", "relieved", "a knot in my stomach"); "I felt that..." introduces a
  thought, and does not count;
- action plan: half a point for a concrete action ("I will ask...", or a list item that starts
  with a verb), a quarter for a when ("at the next set meeting", "by Friday", "on 3 March"), and
  a quarter for the words.

It checks the shape only. Whether the reflection is honest, searching and useful is for the
trainer to read, and the feedback says so. Stages out of Gibbs's order, or details that look
identifying (an email address, a phone or NHS number), are noted in the title without costing
marks. It never raises on any input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from actionlearning.checks import CheckResult, ItemResult
from actionlearning.checks.text import quote, rx

TITLE = "Your log's structure"
# The self-check counts the stages as a guide to redrafting; the trainer marks the log itself.
TITLE_NOTE = "Gibbs's six stages, a guide for redrafting, not a mark: your trainer reads and marks the log"
STAGES = ("description", "feelings", "evaluation", "analysis", "conclusion", "action plan")
HEADINGS = {s: s.capitalize() for s in STAGES}

#: Words needed under each heading for the whole of its "enough words" share.
MIN_WORDS = {
    "description": 60,
    "feelings": 30,
    "evaluation": 40,
    "analysis": 60,
    "conclusion": 30,
    "action plan": 20,
}

#: What each stage asks, for the feedback when it is missing or thin.
ASKS = {
    "description": "what happened, where and with whom (anonymised), and what you did",
    "feelings": "what you were thinking and feeling, then and now",
    "evaluation": "what was good and what was bad about the experience",
    "analysis": "what sense you can make of it, bringing in ideas from outside the experience",
    "conclusion": "what else you could have done, and what you conclude about your own practice",
    "action plan": "what you will do if it arises again, and when",
}


# --- Headings -------------------------------------------------------------------------------

# A heading's text -> its stage; earlier patterns win ("Action plan: what would you do" is not
# a description, "Analysis of my feelings" is analysis).
_LOOSE = (
    ("action plan", rx(
        r"action\s*-?\s*plan|^\W*actions?\W*$|plan\s+of\s+action|\bnext\s+steps?\b"
        r"|if\s+it\s+(?:arose|arises|happened|happens|came\s+up)\s+again"
        r"|what\s+(?:will|would|shall)\s+(?:i|you)\s+do")),
    ("conclusion", rx(r"conclu|what\s+else\s+could|what\s+(?:have\s+|did\s+)?(?:i|you)\s+learn")),
    ("analysis", rx(r"analy[sz]|\bwhat\s+sense\b|making\s+sense|make\s+sense")),
    ("evaluation", rx(r"evaluat|good\s+(?:and|or)\s+bad|what\s+went\s+well")),
    ("feelings", rx(r"feel|emotion")),
    ("description", rx(r"descri|what\s+happened")),
)
# A plain labelled line must start with the stage's own name.
_STRICT = rx(
    r"^(?:stage\s*\d\s*[:.)-]?\s*)?(?P<name>description|feelings?|thoughts\s+and\s+feelings"
    r"|evaluation|analysis|conclusions?(?:\s*\((?:general|specific)\))?|(?:personal\s+)?action\s*-?\s*plans?"
    r"|actions?)$"
)
_NUMBERING = rx(r"^\s*(?:stage\s*)?(?:\d+|[a-f]|[ivx]+)\s*[:.)-]\s*")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<label>.*?)\s*#*\s*$")
_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)(?P<label>[^*_]{1,80}?)(?:\*\*|__)\s*[:.\-–—]?\s*(?P<rest>.*)$")
_PLAIN_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ()'-]{1,40}?)\s*(?::|\s[-–—])\s*(?P<rest>.*)$")


def _label_stage(label: str, strict: bool) -> str | None:
    label = _NUMBERING.sub("", label.strip().rstrip(":.?").strip())
    if strict:
        m = _STRICT.match(label.strip())
        if not m:
            return None
        name = m.group("name").lower()
        for stage, pattern in _LOOSE:
            if pattern.search(name):
                return stage
        return None
    if len(label.split()) > 14:
        return None
    for stage, pattern in _LOOSE:
        if pattern.search(label):
            return stage
    return None


def _heading(line: str) -> tuple[str, str] | None:
    """(stage, text after the label on the same line) when ``line`` opens a stage."""
    m = _MD_HEADING.match(line)
    if m:
        label = m.group("label")
        inline = ""
        if ":" in label:  # "## Feelings: anxious, then relieved" keeps its words
            head, tail = label.split(":", 1)
            if _label_stage(head, strict=False):
                label, inline = head, tail.strip()
                if re.search(r"\?\s*$", tail) or len(tail.split()) <= 12 and _label_stage(tail, strict=False):
                    inline = ""  # "## Description: what happened?" is all heading
        stage = _label_stage(label, strict=False)
        return (stage, inline) if stage else None
    m = _BOLD_LABEL.match(line)
    if m:
        stage = _label_stage(m.group("label"), strict=False)
        return (stage, m.group("rest").strip()) if stage else None
    bare = line.strip().rstrip(":").strip()
    if bare and _label_stage(bare, strict=True):
        return _label_stage(bare, strict=True), ""
    m = _PLAIN_LABEL.match(line)
    if m:
        stage = _label_stage(m.group("label"), strict=True)
        return (stage, m.group("rest").strip()) if stage else None
    return None


def sections(text: str) -> tuple[dict[str, str], list[str]]:
    """The text under each stage (stages used twice are joined), and the stages in the order
    they first appear."""
    found: dict[str, list[str]] = {}
    order: list[str] = []
    current: str | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        opened = _heading(line)
        if opened:
            current, rest = opened
            if current not in found:
                found[current] = []
                order.append(current)
            if rest:
                found[current].append(rest)
        elif current is not None:
            found[current].append(line)
    return {s: "\n".join(lines).strip() for s, lines in found.items()}, order


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# --- Feelings -------------------------------------------------------------------------------

# Words that name a feeling wherever they stand.
_FEELINGS = rx(
    r"\b(?:anxious|anxiety|nervous|nerves|worried|worry|apprehensive|uneasy|unease|tense|tension"
    r"|on\s+edge|scared|afraid|frightened|fearful|fear|panic\w*|dread\w*|alarm(?:ed)?"
    r"|frustrat\w*|irritat\w*|irritable|annoyed|annoyance|angry|anger|furious|resent\w*"
    r"|impatien\w*|exasperat\w*|sad|sadness|disappoint\w*|deflated|hurt|upset|dismay\w*"
    r"|embarrass\w*|ashamed|shame|guilt|guilty|foolish|awkward|self-conscious|exposed"
    r"|inadequate|de-?skilled|incompetent|out\s+of\s+my\s+depth|useless|vulnerable"
    r"|relieved|relief|pleased|proud|pride|satisf(?:ied|action)|glad|happy|delighted|excited"
    r"|excitement|elated|energi[sz]ed|hopeful|grateful|gratitude|moved|touched|calm|confident"
    r"|reassured|flattered|valued|appreciated|smug|curious|curiosity|intrigued|confused|confusion|puzzled|uncertain|unsure"
    r"|helpless|powerless|overwhelmed|flustered|rattled|thrown|pressured|drained|exhausted"
    r"|bored|protective|defensive|torn|conflicted|ambivalent|isolated|lonely|surprised"
    r"|shocked|startled|uncomfortable|discomfort|restless|agitated|envious|jealous|tender"
    r"|heart\s+(?:was\s+)?(?:racing|pounding|sank)|knot\s+in\s+my\s+stomach|butterflies"
    r"|stomach\s+(?:churn|turn|drop|lurch)\w*|(?:my\s+)?face\s+(?:went\s+)?(?:hot|red)|blush\w*)\b"
)
# Words that name a feeling only after "I was", "I felt" and the like ("I was cross", not
# "cross-organisational"), and words that do so only after "felt" ("I felt small").
_DEGREE = r"(?:(?:a\s+)?(?:bit|little|quite|rather|very|so|really|slightly|more|less|too|increasingly)\s+){0,2}"
_CONTEXT_FEELINGS = rx(
    r"\b(?:felt|feel|feeling|was|am|i'm|became|got|grew|being)\s+" + _DEGREE
    + r"(?P<word>cross|low|flat|stuck|lost|rushed|tired|responsible|warm|exposed|shaky|useful"
    r"|safe|unsafe)\b(?!-)"
)
_FELT_FEELINGS = rx(
    r"\b(?:felt|feel|feeling)\s+" + _DEGREE
    + r"(?P<word>small|stupid|sick|hot|cold|good|bad|okay|ok|fine|better|worse|odd|strange|weird"
    r"|useless|daft|silly)\b"
)
_THOUGHT_AS_FEELING = rx(r"\b(?:felt|feel|feeling)\s+(?:that|like|as\s+if|as\s+though)\b")


def feelings_named(text: str) -> list[str]:
    """The feelings named in ``text``, in order, without repeats."""
    found = [(m.start(), m.group(0).lower()) for m in _FEELINGS.finditer(text)]
    for pattern in (_CONTEXT_FEELINGS, _FELT_FEELINGS):
        found += [(m.start("word"), m.group("word").lower()) for m in pattern.finditer(text)]
    names: list[str] = []
    for _, word in sorted(found):
        word = " ".join(word.split())
        if word not in names:
            names.append(word)
    return names


# --- Action plan ----------------------------------------------------------------------------

_COMMIT = rx(
    r"\b(?:i|we)\s*(?:['’]ll|will|shall|am\s+going\s+to|['’]m\s+going\s+to|are\s+going\s+to"
    r"|plan\s+to|intend\s+to|mean\s+to|commit\s+to|have\s+agreed\s+to|have\s+decided\s+to"
    r"|won['’]t|will\s+not|am\s+not\s+going\s+to)\s+(?P<rest>[^.;!?\n]*)"
)
_FILLER = rx(
    r"^(?:(?:also|then|first|firstly|now|deliberately|consciously|actively|simply|just|really"
    r"|definitely|certainly|still|not|always|again|at\s+least|openly|briefly|gently|quietly)\s+"
    r"|(?:make\s+sure\s+(?:that\s+)?(?:i\s+|to\s+)?|be\s+sure\s+to|remember\s+to|start\s+to"
    r"|begin\s+to|aim\s+to|try\s+to|try\s+and|want\s+to|need\s+to|set\s+out\s+to)\s*)+"
)
_VAGUE_VERBS = {
    "be", "become", "think", "reflect", "consider", "remember", "continue", "improve", "work",
    "focus", "learn", "hope", "feel", "develop", "strive", "endeavour", "endeavor", "aim",
    "bear", "look", "explore", "grow", "get", "stay", "keep", "remain", "maintain", "ensure",
    "seek", "attempt", "do", "have", "carry", "build", "use", "take", "try",
}
# Vague verbs made concrete by what follows ("keep a tally", "stay silent for ten seconds").
_CONCRETE_TAIL = rx(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|\d+)\b|[\"“‘']"
    r"|\b(?:silent|quiet|tally|count|note|notes|log|time-?out|process\s+review|question|timer"
    r"|supervisor|supervision|trainer|buddy|recording)\b"
)
# A list item that starts with a verb ("- Ask my supervisor...") is an action too.
_ACTION_ITEM = rx(
    r"^\s*(?:[-*•]|\d+[.)])\s+(?:ask|book|bring|email|e-mail|write|read|raise|wait|count|pause"
    r"|name|invite|offer|agree|tell|check|arrange|practise|practice|record|prepare|call|phone|ring"
    r"|meet|stop|start|sit|share|send|note|review|revisit|discuss|put|hold|say|observe|watch"
    r"|listen|leave|let|give|set\s+up|open|close|contract|re-contract|draft|find|request|list"
    r"|make\s+a|take\s+(?:this|it|the)|use\s+(?:the|a)|keep\s+a|try\s+\w+ing)\b"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
# A when: a date or a day first, since it is the most specific; then a meeting or a period.
_WHEN_DATE = rx(
    r"\b(?:on\s+|by\s+|before\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:{_MONTHS}))?)?\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b|(?:{_MONTHS})\s+\d{{1,2}}\b"
    r"|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b|\d{4}-\d{2}-\d{2}\b)"
    r"|\bin\s+(?:january|february|march|april|june|july|august|september|october|november|december)\b"
)
_WHEN_OTHER = rx(
    r"\btomorrow\b|\btonight\b|\bthis\s+(?:week|weekend|month|term|afternoon|evening|morning)\b"
    r"|\b(?:by|before|until|at|in|during|from|after|on)\s+(?:the\s+|our\s+|my\s+|this\s+)?"
    r"(?:next|start|beginning|end|close|first|following|opening)\b(?:\s+of)?(?:\s+(?:the|my|our|this))?"
    r"(?:\s+(?:next|first))?(?:\s+(?:set\s+|facilitated\s+)?(?:meeting|session|slot|supervision"
    r"(?:\s+session)?|week|month|term|check-?in|process\s+review|training\s+day))?"
    r"|\bnext\s+(?:week|month|term|(?:set\s+)?meeting|session|set|slot|supervision|training"
    r"|check-?in|process\s+review|time\s+(?:i|we)\s+(?:facilitate|meet|present|run))\b"
    r"|\bwithin\s+(?:a|an|one|two|three|four|\d+)\s+(?:days?|weeks?|months?|hours?)\b"
    r"|\b(?:meeting|session|week)\s+\d+\b|\bin\s+(?:my\s+|our\s+)?(?:next\s+)?supervision\b"
    r"|\bend\s+of\s+(?:the\s+)?(?:day|week|month|term)\b"
    r"|\b(?:by|before|at|in|after|during)\s+(?:my|our|the)\s+(?:next\s+|first\s+)?(?:supervision"
    r"(?:\s+session)?|(?:set\s+)?meeting|session|process\s+review|check-?in|training\s+day)\b"
    r"|\b(?:each|every)\s+(?:meeting|session|slot|set\s+meeting|time\s+(?:i|we)\s+facilitate)\b"
)


def when_found(text: str) -> str | None:
    """The most specific "when" in ``text``: a date or day if there is one."""
    text = " ".join(text.split())
    m = _WHEN_DATE.search(text) or _WHEN_OTHER.search(text)
    return m.group(0).strip() if m else None


_NEXT_TIME = rx(r"\bnext\s+time\b|\bin\s+(?:the\s+)?future\b|\bfrom\s+now\s+on\b|\bgoing\s+forward\b")


def concrete_action(text: str) -> tuple[str | None, str | None]:
    """(a concrete action found, a vague commitment found): either may be None."""
    vague = None
    for m in _COMMIT.finditer(" ".join(text.split())):
        rest = _FILLER.sub("", m.group("rest").strip())
        words = rest.split()
        if not words:
            continue
        verb = words[0].lower().strip(",:")
        said = m.group(0)
        if verb == "try" and len(words) > 1 and words[1].lower().endswith("ing"):
            return said, None
        if verb in _VAGUE_VERBS and not _CONCRETE_TAIL.search(rest):
            vague = vague or said
            continue
        return said, None
    for line in text.splitlines():
        if _ACTION_ITEM.match(line) and word_count(line) >= 3:
            return line.strip(" -*•"), None
    return None, vague


# --- Privacy --------------------------------------------------------------------------------

_EMAIL = rx(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_LONG_NUMBER = re.compile(r"(?<![\d/.-])(?:\d[ -]?){9,}\d(?![\d/.-])")


def privacy_notes(text: str) -> list[str]:
    notes = []
    if _EMAIL.search(text):
        notes.append("an email address")
    if _LONG_NUMBER.search(text):
        notes.append("a long number (a phone or NHS number?)")
    return notes


# --- Scoring --------------------------------------------------------------------------------


def _missing(stage: str) -> ItemResult:
    return ItemResult(
        stage, 0.0, 1.0,
        f"no {HEADINGS[stage]} section found: add a heading such as '## {HEADINGS[stage]}' and "
        f"write {ASKS[stage]}",
    )


def _empty(stage: str) -> ItemResult:
    return ItemResult(
        stage, 0.0, 1.0,
        f"the {HEADINGS[stage]} heading is there, with nothing under it yet: {ASKS[stage]}",
    )


def _generic(stage: str, body: str) -> ItemResult:
    n, need = word_count(body), MIN_WORDS[stage]
    if n >= need:
        return ItemResult(stage, 1.0, 1.0, f"{n} words")
    return ItemResult(
        stage, 0.5, 1.0,
        f"{n} words: a start; give it at least {need}, saying {ASKS[stage]}",
    )


def _feelings(body: str) -> ItemResult:
    n, need = word_count(body), MIN_WORDS["feelings"]
    points = 0.5 if n >= need else 0.25
    reasons = [f"{n} words" if n >= need else f"{n} words, brief; give it at least {need}"]
    named = feelings_named(body)
    if named:
        points += 0.5
        reasons.append("feelings named: " + ", ".join(named[:5]))
    elif _THOUGHT_AS_FEELING.search(body):
        reasons.append(
            "'I felt that...' or 'I felt like...' introduces a thought; name what you felt "
            "(anxious, irritated, relieved, a knot in the stomach?)"
        )
    else:
        reasons.append(
            "no feelings named yet: what did you feel, in the moment and afterwards "
            "(uneasy, protective, pleased, flustered?)"
        )
    return ItemResult("feelings", points, 1.0, "; ".join(reasons))


def _action_plan(body: str) -> ItemResult:
    n, need = word_count(body), MIN_WORDS["action plan"]
    points, reasons = 0.0, []
    action, vague = concrete_action(body)
    if action:
        points += 0.5
        reasons.append(f"a concrete action: {quote(action)}")
    elif vague:
        reasons.append(
            f"{quote(vague)} is an intention; what will you do that someone watching could "
            "see (ask, wait, name, write, bring...)?"
        )
    else:
        reasons.append("no concrete action found: write 'I will...' and something you will do")
    when = when_found(body)
    if when:
        points += 0.25
        reasons.append(f"a when: {quote(when)}")
    elif _NEXT_TIME.search(body):
        reasons.append(
            f"{quote(_NEXT_TIME.search(body).group(0))} is a start: when exactly (the next set "
            "meeting, a date, before supervision)?"
        )
    else:
        reasons.append("no when found: by when, or at which meeting, will you do it?")
    if n >= need:
        points += 0.25
        reasons.append(f"{n} words")
    else:
        reasons.append(f"{n} words; give it at least {need}, and say why this action")
    return ItemResult("action plan", points, 1.0, "; ".join(reasons))


def _as_text(log: object) -> str | None:
    """The log as text: a string, a list of strings, or a mapping of stage names to text."""
    if isinstance(log, str):
        return log
    if isinstance(log, (list, tuple)) and all(isinstance(x, str) for x in log):
        return "\n".join(log)
    if isinstance(log, Mapping) and all(isinstance(v, str) for v in log.values()):
        return "\n\n".join(f"## {k}\n{v}" for k, v in log.items())
    return None


def score_gibbs(log: object) -> CheckResult:
    """Six stages of Gibbs's cycle, a point each, with partial credit and a reason per stage.

    ``log`` is the entry as Markdown or plain text (a string), a list of lines, or a mapping
    from stage names to their text.
    """
    try:
        return _score(log)
    except Exception as error:  # a check must never stop a trainee's notebook
        reason = f"the check could not read this log ({type(error).__name__}); please tell your trainer"
        return CheckResult(f"{TITLE} ({TITLE_NOTE})", tuple(ItemResult(s, 0.0, 1.0, reason) for s in STAGES))


def _score(log: object) -> CheckResult:
    text = _as_text(log)
    if text is None or not text.strip():
        reason = (
            "no log yet: write it between the triple quotes, with a heading for each stage"
            if text is not None or log is None
            else f"expected text (a string), but found {type(log).__name__}"
        )
        return CheckResult(f"{TITLE} ({TITLE_NOTE})", tuple(ItemResult(s, 0.0, 1.0, reason) for s in STAGES))
    found, order = sections(text)
    items = []
    for stage in STAGES:
        if stage not in found:
            items.append(_missing(stage))
        elif not word_count(found[stage]):
            items.append(_empty(stage))
        elif stage == "feelings":
            items.append(_feelings(found[stage]))
        elif stage == "action plan":
            items.append(_action_plan(found[stage]))
        else:
            items.append(_generic(stage, found[stage]))
    notes = []
    if not found:
        notes.append("no stage headings found: start each stage on its own line, such as '## Description'")
    elif order != [s for s in STAGES if s in order]:
        notes.append("the stages are out of Gibbs's order; that is allowed, but is it what you meant?")
    private = privacy_notes(text)
    if private:
        notes.append(f"it contains {' and '.join(private)}: keep identifying details out of your log")
    title = f"{TITLE} ({'; '.join([TITLE_NOTE, *notes])})"
    return CheckResult(title, tuple(items))
