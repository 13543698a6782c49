"""Action statements, checked for what makes an action reviewable at the next meeting (session 6).

A presenter's action, said at the end of a round, is easiest to review next time when it has:

1. **an owner**: the presenter, in the first person ("I will..."); "we" shares it and earns
   half, a to-do note with no one in it ("Email the heads...") earns half, and "someone",
   "the team" or a passive ("to be sorted") earns nothing;
2. **a concrete verb**: something another person could see you do (ask, meet, email, draft,
   visit...); a hedge ("try to", "maybe", "hope to") halves it, and a verb that happens in the
   head or over time ("think about", "consider", "look into", "improve") earns nothing;
3. **a date or time frame**: "by Friday", "before the next meeting", "on 12 March", "within
   two weeks"; "before <something>" that is not a recognisable time earns half, and "soon",
   "at some point" or nothing at all earns nothing;
4. **a commitment on a scale of 1 to 10**, given as a number (7, 7.5, "7/10", "seven"), or
   inside the text ("commitment 7/10"); "yes" or "definitely" earns nothing, since the point of
   the scale is to say *how* committed.

Each element is worth one point and says why, quoting what it found. The check reads words,
not wisdom: it cannot tell a wise action from a well-formed one, and it gives the benefit of
the doubt to a verb it does not know. It never raises, whatever it is given.

The facilitator's side of the same moment is :func:`score_action_questions`: the two or three
questions a trainee would ask to draw a presenter's action out, each read as the Question Lab
reads it (one that carries an action, or nudges a commitment upwards, is the set supplying the
action), and, between them, which of the four elements they invite the presenter to supply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from actionlearning.checks import CheckResult, ItemResult
from actionlearning.checks.text import quote

TITLE = "Your action statements"
ELEMENTS = ("owner", "verb", "when", "commitment")
MAX_CHARS = 2000  # the start of a very long answer is read; an action is a sentence or two

# --- words ------------------------------------------------------------------------------------

#: Verbs naming something another person could see you do.
CONCRETE = frozenset(
    """ask email e-mail phone ring call text message write draft redraft send post share meet
    visit book arrange schedule invite present propose tell say name raise put bring take table
    run hold host chair attend observe shadow interview survey count collect gather audit map
    list read watch listen test trial pilot record log note check confirm agree sign request
    apply submit publish circulate print show demonstrate compare speak talk discuss contact
    approach offer give hand pass return feed summarise summarize walk go join spend sit block
    cancel stop start launch open close recruit pair sketch outline prepare rehearse role-play
    practise practice telephone follow update brief debrief co-design codesign convene organise
    organize""".split()
)
#: Verbs that happen in the head, or over time: no one could see whether they were done.
VAGUE = frozenset(
    """think consider reflect ponder explore look work focus be become improve address tackle
    handle manage deal sort engage support ensure continue keep progress develop prioritise
    prioritize aim hope want wish intend need remember bear understand learn revisit mull
    digest process enhance strengthen facilitate coordinate co-ordinate influence encourage
    empower embed establish drive own lead champion promote""".split()
)
#: Words that leave a way out.
HEDGE = re.compile(
    r"\b(?:maybe|perhaps|possibly|hopefully|if (?:i|we) can|if possible|if time allows|"
    r"if (?:i|we) (?:get|have|find) (?:the |a )?(?:time|chance))\b",
    re.I,
)
#: Between the subject and the verb: "I'll try to...", "I might...", "I'd like to...".
HEDGE_AUX = re.compile(
    r"\b(?:try|attempt|aim|hope|plan|intend|need|want|would like|'d like|should|could|"
    r"might|may|ought)\b|'d like",
    re.I,
)
_ADVERB = (
    r"(?:then|also|first|firstly|now|personally|definitely|really|just|actually|finally|"
    r"quickly|properly|formally|informally|directly|gently|openly|honestly|still|both|"
    r"each|simply|briefly|again|at least)"
)
_AUX = (
    r"(?:'ll|\s+will|\s+shall|'m going to|\s+am going to|\s+are going to|'re going to|"
    r"'d like to|\s+would like to|\s+want to|\s+plan to|\s+intend to|\s+need to|\s+must|"
    r"\s+can|\s+could|\s+should|\s+might|\s+may|\s+hope to|\s+aim to|\s+am|'m|\s+are|'re)?"
)
_SUBJECT_VERB = re.compile(
    rf"\b(i|we)(?![\w-]){_AUX}(?:\s+(?:try|attempt|aim|hope|plan|intend|need|want) to)?"
    rf"(?:\s+{_ADVERB})*\s+([a-z][a-z'-]*)(?:\s+([a-z][a-z'-]*))?",
    re.I,
)
_FIRST_SINGULAR = re.compile(r"\bi(?:'ll|'m|'ve|'d)?(?![\w'-])", re.I)
_FIRST_PLURAL = re.compile(r"\bwe(?:'ll|'re|'ve|'d)?(?![\w'-])", re.I)
_NO_OWNER = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|one of us)\b"
    r"|\b(?:the\s+[a-z'-]+|they|he|she|management|[a-z'-]+)\s+"
    r"(?:will|'ll|shall|should|needs?\s+to|must|ought\s+to|has\s+to|have\s+to|is\s+going\s+to|"
    r"are\s+going\s+to)\b"
    r"|\b(?:to be|needs? to be|should be|will be|be|been|being)\s+(?:\w+ed|told|done|sent|written|"
    r"given|taken|made|seen|drawn|shown|spoken|brought|set|put|met|held|run|read)\b",
    re.I,
)
_WORD = re.compile(r"[a-z][a-z'-]*", re.I)

_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few)"
_EVENT = (
    r"(?:next\s+)?(?:meeting|set|session|launch|board|panel|review|deadline|half[- ]term|"
    r"holidays?|christmas|easter|summer|opening|go[- ]live|consultation|inspection|away ?day|"
    r"trustees'?(?: meeting)?|conference|forum|steering group|partnership (?:board|meeting)|"
    r"end of (?:the )?(?:day|week|month|term|quarter|year))"
)
TIME_FRAME = re.compile(
    "|".join(
        [
            rf"\b{_DAY}s?\b",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b",
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
            rf"\b(?:by|before|in|during|until|till|end of|early|mid|late)\s+(?:the\s+end\s+of\s+)?{_MONTH}\b",
            r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b",
            r"\b\d{4}-\d{2}-\d{2}\b",
            r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b",
            r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b",
            r"\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening))\b",
            r"\b(?:this|next|the\s+coming|the\s+following)\s+(?:week|fortnight|month|term|quarter)\b",
            rf"\bwithin\s+(?:the\s+next\s+)?{_NUMBER}\s+(?:working\s+)?(?:days?|weeks?|months?|fortnights?)\b",
            r"\bwithin\s+(?:a|the|one)\s+(?:week|fortnight|month)\b",
            rf"\b(?:in|over|during)\s+the\s+next\s+(?:{_NUMBER}\s+)?(?:days?|weeks?|months?|fortnight)\b",
            rf"\bin\s+{_NUMBER}\s+(?:working\s+)?(?:days?|weeks?|months?)(?:'|\s+time)\b",
            rf"\b(?:by|before|ahead of|until|at|for)\s+(?:the\s+|our\s+|my\s+|this\s+|next\s+)*{_EVENT}\b",
            r"\bbefore\s+we\s+(?:next\s+)?meet\b",
            r"\b(?:by|before)\s+next\s+time\b",
            r"\bend of (?:the )?(?:day|week|month|term|quarter|year)\b",
        ]
    ),
    re.I,
)
VAGUE_TIME = re.compile(
    r"\b(?:soon|asap|as soon as (?:possible|i can|we can)|at some point|when i can|when we can|"
    r"when i get (?:a chance|time|round to it)|in due course|eventually|shortly|in the future|"
    r"some ?time|one day|going forward|ongoing|over time|when time allows|in time)\b",
    re.I,
)
_BEFORE = re.compile(r"\b(?:before|by|ahead of|in time for|until)\s+[^.,;]{1,60}", re.I)

_SCALE_IN_TEXT = re.compile(
    r"\b(\d{1,2}(?:\.\d)?)\s*(?:/\s*10|out of (?:10|ten))\b"
    r"|\bcommit(?:ted|ment)\s*(?:level|score)?\s*(?::|=|is|of|-|–|—)?\s*(?:about|around|roughly)?\s*"
    rf"(\d{{1,2}}(?:\.\d)?)\b(?!\s*(?:st|nd|rd|th)\b)(?![/.-]\d)(?!\s+{_MONTH}\b)",
    re.I,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_YES = re.compile(
    r"^\s*(?:yes|yeah|yep|definitely|absolutely|totally|fully|very|high|100\s*%|of course|"
    r"completely|committed|i will)\b",
    re.I,
)


# --- the elements ------------------------------------------------------------------------------


def _lemmas(word: str) -> list[str]:
    """Candidate base forms of ``word``: emailing -> email, writing -> write, sends -> send."""
    w = word.lower().strip("'-")
    out = [w]
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if w.endswith("ed") and len(w) > 4:
        out += [w[:-2], w[:-1]]
        if w.endswith("ied"):
            out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and len(w) > 2:
        out.append(w[:-1])
    return out


#: Words that can follow "I" without being the action.
_NOT_VERBS = frozenset(
    """will shall would am are is was going can could should might may must do does did not
    never also then just really""".split()
)
_HAVE_A_THINK = re.compile(r"\bhave\s+a\s+(?:think|ponder|mull|reflect)\b", re.I)
_CARRIERS = frozenset({"be", "start", "begin", "keep", "continue", "stop", "go"})


def _kind(word: str | None, following: str | None = None) -> str:
    """'concrete', 'vague' or 'unknown' for a verb (and the word after it, for phrasal verbs)."""
    if not word:
        return "unknown"
    lemmas = _lemmas(word)
    follow = (following or "").lower()
    if _CARRIERS & set(lemmas) and follow.endswith("ing") and len(follow) > 4:
        return _kind(follow)  # "be meeting", "start thinking": the -ing word says what happens
    if "be" in lemmas and follow in {"at", "there", "in"}:
        return "concrete"  # being present somewhere can be seen
    if word.lower() in _NOT_VERBS:
        return "unknown"
    if "look" in lemmas and follow in {"into", "at", "over"}:
        return "vague"
    if "find" in lemmas and follow == "out":
        return "concrete"
    if "work" in lemmas and follow in {"with", "alongside", "on", "towards"}:
        return "vague"
    if any(w in CONCRETE for w in lemmas):
        return "concrete"
    if any(w in VAGUE for w in lemmas):
        return "vague"
    return "unknown"


def _clean(text: str) -> str:
    text = text[:MAX_CHARS].replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def _first_word(text: str) -> tuple[str | None, str | None]:
    """The first word of the text, or of a later clause (after a colon, semicolon or dash) when
    that one is a verb: "Thursday's meeting: ask the team..." reads as "ask"."""
    first: tuple[str | None, str | None] = (None, None)
    for clause in re.split(r"[:;\u2013\u2014]|\s-\s|\.\s", text)[:6]:
        words = _WORD.findall(clause)
        while words and words[0].lower() in {"first", "then", "next", "and", "also", "to", "action"}:
            words = words[1:]
        if not words:
            continue
        pair = (words[0], words[1] if len(words) > 1 else None)
        if first == (None, None):
            first = pair
        if _kind(*pair) != "unknown":
            return pair
    return first


def owner_item(text: str, item: str) -> ItemResult:
    name = f"{item}, owner"
    if _FIRST_SINGULAR.search(text):
        return ItemResult(name, 1.0, 1.0, "in the first person ('I'), so it is yours to do and to report on")
    if _FIRST_PLURAL.search(text):
        return ItemResult(
            name, 0.5, 1.0,
            "'we' shares the action out; who in the 'we' will do it? Say 'I will...' for your part",
        )
    found = _NO_OWNER.search(text)
    if found:
        return ItemResult(
            name, 0.0, 1.0,
            f"{quote(found.group(0), limit=40)} puts the action with someone else, or with no one. An "
            "action the presenter owns starts with 'I': 'I will...'",
        )
    if _kind(*_first_word(text)) != "unknown":
        return ItemResult(
            name, 0.5, 1.0,
            "a to-do note with no one in it; saying 'I will...' makes it yours in front of the set",
        )
    return ItemResult(
        name, 0.0, 1.0,
        "I can't see who will do this. An action the presenter owns starts with 'I': 'I will...'",
    )


_PARTICLES = frozenset({"into", "at", "about", "on", "over", "with", "in", "out", "up", "to", "there"})
#: After no "I" or "we": a verb after a modal or "to", as in "Someone should present...".
_MODAL_VERB = re.compile(
    r"\b(?:will|'ll|shall|should|must|could|can|might|may|to|need to|ought to)\s+"
    r"(?:\w+ly\s+)?([a-z][a-z'-]*)(?:\s+([a-z][a-z'-]*))?",
    re.I,
)


def _phrase(verb: str, following: str | None) -> str:
    """The verb as the trainee wrote it, with a particle or -ing word when that decided it."""
    follow = (following or "").lower()
    if follow in _PARTICLES or (follow.endswith("ing") and _CARRIERS & set(_lemmas(verb))):
        return f"{verb} {following}"
    return verb


def verb_item(text: str, item: str) -> ItemResult:
    name = f"{item}, verb"
    match = _SUBJECT_VERB.search(text)
    if match:
        verb, following, region = match.group(2), match.group(3), text[match.start(): match.start(2)]
    else:
        verb, following = _first_word(text)
        region = ""
        if _kind(verb, following) == "unknown":
            for m in _MODAL_VERB.finditer(text):
                if _kind(m.group(1), m.group(2)) == "concrete":
                    verb, following, region = m.group(1), m.group(2), text[: m.start(1)]
                    break
    kind = _kind(verb, following)
    if _HAVE_A_THINK.search(text) and (verb or "").lower() == "have":
        kind, following = "vague", None
        verb = _HAVE_A_THINK.search(text).group(0)
    if kind == "unknown" and match:
        # "I will not only ask...", or a verb this check does not know: look a little further.
        for later in _WORD.findall(text[match.start(2):])[1:6]:
            if _kind(later) == "concrete":
                verb, following, kind = later, None, "concrete"
                break
    if kind == "vague":
        return ItemResult(
            name, 0.0, 1.0,
            f"{quote(_phrase(verb, following), limit=40)} happens in the head or over time: next meeting, "
            "how would anyone know whether it happened? Name something you will do: ask, meet, "
            "email, draft, visit...",
        )
    if kind == "unknown" and (not match or (verb or "").lower() in _NOT_VERBS):
        return ItemResult(
            name, 0.0, 1.0,
            "I can't find what you will do: write 'I will' and a verb that names the action "
            "(ask, meet, email, draft...)",
        )
    hedge = HEDGE_AUX.search(region) or HEDGE.search(text)
    if hedge:
        return ItemResult(
            name, 0.5, 1.0,
            f"{quote(hedge.group(0), limit=40)} leaves a way out; say what you will do, and let the "
            "commitment score carry any doubt",
        )
    if kind == "concrete":
        return ItemResult(
            name, 1.0, 1.0, f"{quote(_phrase(verb, following), limit=40)}: something someone could see you do"
        )
    return ItemResult(
        name, 1.0, 1.0,
        f"I read {quote(verb, limit=40)} as something you will do; check that someone could see you do it",
    )


def when_item(text: str, item: str) -> ItemResult:
    name = f"{item}, when"
    found = TIME_FRAME.search(text)
    if found:
        return ItemResult(name, 1.0, 1.0, f"{quote(found.group(0), limit=40)} gives a time the set can review against")
    vague = VAGUE_TIME.search(text)
    if vague:
        return ItemResult(
            name, 0.0, 1.0,
            f"{quote(vague.group(0), limit=40)} is a hope rather than a time; by when? ('by Friday', "
            "'before the next meeting', 'on 12 March')",
        )
    before = _BEFORE.search(text)
    if before:
        return ItemResult(
            name, 0.5, 1.0,
            f"{quote(before.group(0), limit=40)} gives an order or a condition, but not a time I can "
            "recognise; when will that be?",
        )
    return ItemResult(
        name, 0.0, 1.0,
        "no date or time frame: add one, such as 'by Friday', 'before the next meeting' or 'on 12 March'",
    )


def _as_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value == value and abs(value) < 1e9 else None  # not NaN or huge
    if isinstance(value, str):
        text = value[:MAX_CHARS].strip().lower()
        m = _SCALE_IN_TEXT.search(text)
        if m:
            return float(m.group(1) or m.group(2))
        if len(text) <= 30:  # "7", "about 7", "seven", "7 or 8": the first number given
            m = re.search(r"\d{1,3}(?:\.\d+)?|" + "|".join(rf"\b{w}\b" for w in _NUMBER_WORDS), text)
            if m:
                word = m.group(0)
                return float(_NUMBER_WORDS.get(word, word))
    return None


def commitment_item(value: object, item: str) -> ItemResult:
    name = f"{item}, commitment"
    if value is None or (isinstance(value, str) and not value.strip()):
        return ItemResult(
            name, 0.0, 1.0,
            "no commitment yet: how committed are you, on a scale of 1 to 10? Give a number",
        )
    number = _as_number(value)
    if number is None:
        if isinstance(value, str) and _YES.match(value):
            return ItemResult(
                name, 0.0, 1.0,
                f"{quote(value, limit=40)} is easy to say and hard to review; a number from 1 to 10 says how committed",
            )
        return ItemResult(
            name, 0.0, 1.0,
            f"expected a number from 1 to 10, but found {quote(str(value), limit=40) if isinstance(value, str) else type(value).__name__}",
        )
    if not 1 <= number <= 10:
        return ItemResult(name, 0.0, 1.0, f"{number:g} is off the scale; choose a number from 1 to 10")
    if number < 5:
        note = "honest, and worth saying aloud: what would make it a little higher?"
    elif number >= 10:
        note = "a ten: wonderful, and worth a second look; what might still get in the way?"
    else:
        note = "what makes it that, and not lower? And what would move it up one?"
    return ItemResult(name, 1.0, 1.0, f"{number:g} out of 10; {note}")


# --- one action, and several --------------------------------------------------------------------

_TEXT_KEYS = ("action", "text", "statement", "what")
_SCORE_KEYS = ("commitment", "committed", "how committed", "score", "scale", "rating")


def _split(answer: object) -> tuple[object, object, bool]:
    """(text, commitment, commitment_given_separately) from the shapes a trainee might use."""
    if isinstance(answer, Mapping):
        lowered = {str(k).strip().lower(): v for k, v in answer.items()}
        text = next((lowered[k] for k in _TEXT_KEYS if k in lowered), None)
        score = next((lowered[k] for k in _SCORE_KEYS if k in lowered), None)
        return text, score, True
    if isinstance(answer, (list, tuple)):
        text = answer[0] if len(answer) > 0 else None
        score = answer[1] if len(answer) > 1 else None
        return text, score, True
    return answer, None, False


def score_action(answer: object, item: str = "action") -> tuple[ItemResult, ...]:
    """The four elements of one action: owner, verb, when and commitment, one point each."""
    try:
        return _score_action(answer, item)
    except Exception as error:  # a safety net: a trainee's answer must never stop the marking
        reason = f"I could not read this answer ({type(error).__name__}); keep the shape of the answer cell"
        return tuple(ItemResult(f"{item}, {e}", 0.0, 1.0, reason) for e in ELEMENTS)


def _score_action(answer: object, item: str) -> tuple[ItemResult, ...]:
    text, score, separate = _split(answer)
    if text is None or (isinstance(text, str) and not text.strip()):
        reason = "not answered yet: write the action between the quotation marks"
        results = [ItemResult(f"{item}, {e}", 0.0, 1.0, reason) for e in ELEMENTS[:3]]
    elif not isinstance(text, str):
        reason = f"expected the action as text in quotation marks, but found {type(text).__name__}"
        results = [ItemResult(f"{item}, {e}", 0.0, 1.0, reason) for e in ELEMENTS[:3]]
    else:
        clean = _clean(text)
        if not separate:  # "commitment 7/10" inside the text: read it, and keep it out of the date
            m = _SCALE_IN_TEXT.search(clean)
            score = (m.group(1) or m.group(2)) if m else None
            clean = _SCALE_IN_TEXT.sub(" ", clean)
        results = [owner_item(clean, item), verb_item(clean, item), when_item(clean, item)]
    results.append(commitment_item(score, item))
    return tuple(results)


def score_actions(actions: object, items: Iterable[str]) -> CheckResult:
    """Score a dictionary of actions, item -> {"action": "...", "commitment": n}; four points
    per item (owner, verb, when, commitment), each with a reason."""
    items = tuple(str(i) for i in items)
    if not isinstance(actions, Mapping):
        reason = (
            f"expected a dictionary such as {{'a': {{'action': \"...\", 'commitment': 7}}}}, "
            f"but found {type(actions).__name__}; keep the shape of the answer cell"
        )
        return CheckResult(
            TITLE, tuple(ItemResult(f"{i}, {e}", 0.0, 1.0, reason) for i in items for e in ELEMENTS)
        )
    by_name = {str(k): v for k, v in actions.items()}
    results: list[ItemResult] = []
    for item in items:
        results.extend(score_action(by_name.get(item), item))
    extra = sorted(k for k in by_name if k not in items)
    if extra:
        results.append(ItemResult(", ".join(extra), 0.0, 0.0, "not an item in this exercise; it is ignored"))
    return CheckResult(TITLE, tuple(results))


def score_commitments(actions: object, case: Mapping[str, float]) -> CheckResult:
    """Whether each action in ``case`` records the commitment the presenter gave in the case,
    one point each. The words of the actions are for the trainer; this checks only the numbers
    the case states."""
    title = "Commitments as the case gives them"
    by_name = {str(k): v for k, v in actions.items()} if isinstance(actions, Mapping) else {}
    results = []
    for item, given in case.items():
        _text, score, _separate = _split(by_name.get(item))
        number = _as_number(score)
        if score is None or (isinstance(score, str) and not score.strip()):
            results.append(ItemResult(item, 0.0, 1.0, "no commitment recorded", f"the case gives {given:g}"))
        elif number is not None and abs(number - given) < 1e-9:
            results.append(ItemResult(item, 1.0, 1.0, "the commitment the presenter gave, recorded as given"))
        else:
            results.append(ItemResult(
                item, 0.0, 1.0, f"{quote(str(score), limit=20)} is not the commitment the presenter "
                "gave in the case: record their number, not yours", f"the case gives {given:g}"))
    return CheckResult(title, tuple(results))


# --- the facilitator's questions that draw an action out ------------------------------------------

QUESTIONS_TITLE = "Your questions, as the check reads them"
#: What a question may ask the presenter for, and the words that show it is asking.
_ASKS = {
    "owner": re.compile(r"\byou(?:r|rs|rself|'ll|'re|'d|'ve)?(?![\w'-])", re.I),
    "verb": re.compile(
        r"\b(?:what|how|which)\b[^?]*\byou(?:'ll|'d|'re)?(?![\w'-])[^?]*\b(?:do|doing|say|ask|tell|"
        r"try|take|write|send|start|raise|put|bring|want|like)\b|\b(?:first|next|smallest) step\b|"
        r"\bin a sentence\b|\byours\b",
        re.I,
    ),
    "when": re.compile(
        r"\bwhen\b|\bdate\b|\b(?:which|what) day\b|\bhow soon\b|\bdeadline\b|\btime ?frame\b|"
        r"\bby (?:the|next|our)\b|\bbefore (?:the|our|we|your|you|next)\b|\bthis week\b",
        re.I,
    ),
    "commitment": re.compile(
        r"\bcommit(?:ted|ment)\b|\b1 to 10\b|\bone to ten\b|\bscale\b|\bout of (?:10|ten)\b|"
        r"\bmakes? (?:it|that) an? [a-z0-9]+\b|\bthe (?:one|two|three|four|five|six|seven|eight|nine|"
        r"ten|\d{1,2})\b(?!\s+of\b)|\bhow it went\b|\bhow (?:will|would) (?:we|you) know\b|\bhow (?:sure|"
        r"confident|likely)\b|\bleaving with\b|\btake away\b",
        re.I,
    ),
}
_MISSING = {
    "owner": "none of these is put to the presenter ('you'): who will own the action?",
    "verb": "nothing yet asks what the presenter will do: a question such as 'What will you do "
            "first?' leaves the verb to them",
    "when": "nothing yet asks when: 'By when?' or 'Before we next meet?' leaves the date to them",
    "commitment": "nothing yet asks how committed the presenter is, or closes the round in another "
                  "way that hands them the choice (a check-back, a question to take away)",
}
_FOUND = {
    "owner": "put to the presenter, so the action stays theirs",
    "verb": "asks what the presenter will do, and leaves the verb to them",
    "when": "asks when, and leaves the date to them",
    "commitment": "asks about commitment, or closes in a way that hands the choice back",
}
_PUSH_UP = re.compile(
    r"\b(?:get|push|bump|move|nudge|take|bring|raise)\b[^?.]{0,25}?\b(?:up )?to an? "
    r"(?:six|seven|eight|nine|ten|\d{1,2})\b|\bonly an? [a-z0-9]+\b|\bhigher than that\b",
    re.I,
)
_YES_NO_COMMIT = re.compile(
    r"^\s*(?:so,?\s+)?(?:will|are|can) you (?:really |definitely )?(?:going to )?(?:do|manage|commit "
    r"to|stick to|promise) (?:it|that|this)\b",
    re.I,
)


def _question_list(answer: object) -> list[object] | None:
    if isinstance(answer, str):
        answer = [answer]
    if isinstance(answer, (list, tuple)):
        return [q for q in answer if not (isinstance(q, str) and not q.strip())]
    return None


def _read_question(text: str, name: str) -> tuple[ItemResult, bool]:
    """One question, and whether it leaves the action to the presenter (so its elements count)."""
    from actionlearning.practice.questions import assess

    clean = _clean(text)
    shown = quote(clean, limit=70)
    if _PUSH_UP.search(clean):
        return ItemResult(name, 0.0, 1.0, f"{shown} nudges the number upwards; ask what makes it that "
                          "number, or what would move it, and let the presenter choose"), False
    a = assess(clean)
    feedback = a.feedback.strip()
    if "advice" in a.issues or (not a.is_question and "advice" in feedback.lower()):
        return ItemResult(name, 0.0, 1.0, f"{shown} carries an action of your own, so the presenter "
                          f"would be answering your idea rather than choosing theirs. {feedback}"), False
    if _YES_NO_COMMIT.search(clean):
        return ItemResult(name, 0.5, 1.0, f"{shown} has one polite answer, yes; a scale, or 'What will "
                          "you do first?', tells you more"), True
    steering = [i for i in a.issues if i in ("leading", "rhetorical")]
    if steering:
        word = "leads towards an answer" if "leading" in steering else "judges"
        return ItemResult(name, 0.5, 1.0, f"{shown} {word}: {feedback}"), True
    if not a.is_question:
        return ItemResult(name, 0.5, 1.0, f"{shown} is an invitation rather than a question; fine, if "
                          "it leaves the words to the presenter"), True
    note = "leaves the content to the presenter"
    if a.form == "closed":
        note += "; closed, which is fine for pinning down a name, a date or a number"
    return ItemResult(name, 1.0, 1.0, f"{shown} {note}"), True


def score_action_questions(questions: object, items: Iterable[str]) -> CheckResult:
    """The questions a facilitator would ask to draw out each presenter's action: ``questions``
    maps each item to a list of questions. Each question scores 1 if it leaves the action to the
    presenter, ½ if it leans or asks for a yes, 0 if it carries an action or pushes the number
    up; and each item scores a point for each element (owner, verb, when, commitment) that its
    questions, between them, invite the presenter to supply. Feedback only: it never raises."""
    items = tuple(str(i) for i in items)
    if not isinstance(questions, Mapping):
        reason = (f"expected a dictionary such as {{'a': [\"What will you do first?\", ...]}}, but found "
                  f"{type(questions).__name__}; keep the shape of the answer cell")
        return CheckResult(QUESTIONS_TITLE, tuple(ItemResult(i, 0.0, 1.0, reason) for i in items))
    by_name = {str(k): v for k, v in questions.items()}
    results: list[ItemResult] = []
    seen: dict[tuple[str, ...], str] = {}
    for item in items:
        try:
            results.extend(_score_item_questions(by_name.get(item), item, seen))
        except Exception as error:  # a safety net: a trainee's answer must never stop the check
            results.append(ItemResult(item, 0.0, 1.0, f"I could not read these questions "
                                      f"({type(error).__name__}); keep the shape of the answer cell"))
    extra = sorted(k for k in by_name if k not in items)
    if extra:
        results.append(ItemResult(", ".join(extra), 0.0, 0.0, "not an item in this exercise; it is ignored"))
    return CheckResult(QUESTIONS_TITLE, tuple(results))


def _score_item_questions(answer: object, item: str, seen: dict) -> list[ItemResult]:
    found = _question_list(answer) if answer is not None else []
    if found is None:
        return [ItemResult(item, 0.0, 1.0, f"expected a list of questions in quotation marks, but found "
                           f"{type(answer).__name__}")]
    if not found:
        return [ItemResult(item, 0.0, 1.0, "not answered yet: write two or three questions between the "
                           "quotation marks")]
    results, asked = [], []
    for n, q in enumerate(found[:6], 1):
        name = f"{item}, question {n}"
        if not isinstance(q, str):
            results.append(ItemResult(name, 0.0, 1.0, f"expected a question in quotation marks, but found "
                                      f"{type(q).__name__}"))
            continue
        result, counts = _read_question(q, name)
        results.append(result)
        if counts:
            asked.append(_clean(q))
    if len(found) > 3:
        results.append(ItemResult(f"{item}, how many", 0.5, 1.0, f"{len(found)} questions; at the end of "
                                  "a slot two or three are usually enough, and the presenter does the rest"))
    key = tuple(" ".join(_WORD.findall(q.lower())) for q in found if isinstance(q, str))
    if key in seen:
        results.append(ItemResult(f"{item}, this case", 0.5, 1.0, f"the same questions as for {seen[key]}; "
                                  "what does this presenter's ending ask of you?"))
    else:
        seen[key] = item
    for element in ("owner", "verb", "when", "commitment"):
        hit = any(_ASKS[element].search(q) for q in asked)
        results.append(ItemResult(f"{item}, {element}", 1.0 if hit else 0.0, 1.0,
                                  _FOUND[element] if hit else _MISSING[element]))
    return results
