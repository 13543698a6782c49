"""Classifying one sentence: question, request, meta-talk or statement; its form; its issues."""

from __future__ import annotations

from dataclasses import dataclass, field

from actionlearning.practice.questions.sentences import WORD, Sentence
from actionlearning.practice.questions.vocabulary import (
    ABOUT_PREFIX,
    ADVICE_HEDGED,
    ADVICE_Q,
    ADVICE_STATEMENT,
    ASIDE,
    AUX_START,
    AUX_SUBJECT,
    CANDOUR,
    CLAUSE,
    COURTESY,
    DASH_CHOICE,
    ELLIPTIC_OPEN,
    EMBED,
    EMBED_ABOUT,
    EMBED_IF,
    EMBED_STEM,
    EMBED_TAIL,
    EMBED_WH,
    EXTRA_NOT,
    EXTRA_Q,
    FILLER,
    FREE_COPULA,
    HEARD_AS,
    HOW_FACT,
    HOW_SHARE,
    IDIOM_STATEMENT,
    LATER_VERB,
    LEADING,
    LEADING_JUNK,
    LEADING_SOFT,
    META,
    NEG_INTERROG,
    NOT_VOCATIVE,
    OR_AUX,
    OR_WORD,
    REQ_ADVICE,
    REQ_FACT,
    REQ_IMPERATIVE,
    REQ_SOFT,
    REQ_WRAPPED,
    RESTART_BARE,
    RESTART_END,
    RHETORICAL,
    SCALE,
    SUGGESTION,
    TAG,
    TAG_UNMARKED,
    VOCATIVE,
    WH_BARE,
    WH_START,
    WH_SUBORD,
    WH_THEN_AUX,
    WH_THEN_PRONOUN,
    WHAT_FACT,
    WHEN_OPEN,
    WHERE_AUX_YOU,
    WHERE_OPEN,
    WHY,
    WHY_ADVICE,
    WONDER_ALOUD,
    YOU_NEAR,
)

# --------------------------------------------------------------------------------------------
# Classifying one sentence


@dataclass
class Clause:
    kind: str  # "question", "request", "meta", "statement"
    form: str | None = None
    subtype: str = ""  # wh, yesno, fact, choice, reflection, scale, request, why, elliptic
    core: str = ""
    benefit: bool = False
    extra: int = 0  # further questions inside the sentence
    advice: bool = False
    leading: bool = False
    rhetorical: bool = False
    why: bool = False
    advice_stmt: bool = False
    # issues read from a cue experienced facilitators might weigh differently
    doubtful: set[str] = field(default_factory=set)
    sent_raw: str = ""  # the whole sentence, original case (for suggestions)
    sent_low: str = ""
    unmarked: bool = False  # its sentence ends with no punctuation at all, as typed in chat


def _mark(
    clause: Clause,
    kind: str,
    form: str | None,
    subtype: str,
    core: str | None = None,
    benefit: bool = False,
) -> Clause:
    """Record what a clause is; ``core`` is the text the form and issues were read from."""
    clause.kind, clause.form, clause.subtype, clause.benefit = kind, form, subtype, benefit
    if core is not None:
        clause.core = core
    return clause


def original_case(clause: Clause, fragment: str) -> str:
    """The fragment of a clause's sentence in its original case, where it can be found."""
    raw, low = clause.sent_raw, clause.sent_low
    i = low.rfind(fragment) if fragment else -1
    if i < 0 or len(raw.lower()) != len(raw) or i + len(fragment) > len(raw):
        return fragment
    return raw[i : i + len(fragment)]


def _strip_fillers(low: str, raw: str) -> str:
    """Strip leading fillers, hedges and vocatives ("Zoë, ..."); return the lower-case core.

    ``raw`` is the sentence in its original case, used only to recognise a vocative name.
    """
    raw = raw[: len(low)] if len(raw.lower()) == len(raw) else low
    for _ in range(8):
        start = len(low)
        for pattern in (FILLER, LEADING_JUNK):
            m = pattern.match(low)
            if m and 0 < m.end() < len(low):
                low, raw = low[m.end() :], raw[m.end() :]
        m = VOCATIVE.match(raw)
        if m and m.group(1).lower() not in NOT_VOCATIVE and m.end() < len(raw):
            low, raw = low[m.end() :], raw[m.end() :]
        if len(low) == start:
            break
    return low.strip()


def _form_of_wh(core: str) -> tuple[str, str, bool]:
    """Form, subtype and benefit of the doubt for a question that starts with a wh-word."""
    if WHY.match(core):
        return "open", "why", False
    if core.startswith(("how come", "in what way", "to what extent")):
        return "open", "wh", False
    first = core.split(" ", 1)[0]
    if first.startswith(("what", "wot", "how")):
        if HOW_SHARE.match(core):
            return "open", "wh", False
        if SCALE.search(core):
            return "closed", "scale", False
        if HOW_FACT.match(core) or WHAT_FACT.match(core):
            return "closed", "fact", False
        return "open", "wh", False
    if first.startswith("where"):
        if WHERE_OPEN.match(core):
            return "open", "wh", True
        return "closed", "fact", False
    if first.startswith("when"):
        if WHEN_OPEN.match(core):
            return "open", "wh", True
        return "closed", "fact", False
    if first.startswith("which"):
        return "closed", "choice", False
    return "closed", "fact", False  # who, whom, whose


def classify_sentence(sent: Sentence) -> Clause:
    low = ASIDE.sub(", ", _strip_fillers(sent.low, sent.raw))
    q = sent.ends_q
    whole = low
    clause = Clause(kind="statement", core=low, sent_raw=sent.raw, sent_low=sent.raw.lower(),
                    unmarked=sent.unmarked)

    if not q and IDIOM_STATEMENT.match(low):
        return clause
    if q and low in CANDOUR:
        return clause  # "Honestly? I think..." answers itself
    if q and ELLIPTIC_OPEN.match(low):
        return _mark(clause, "question", "open", "elliptic", benefit=True)
    if META.match(low) and (q or COURTESY.match(low)):
        return _mark(clause, "meta", "closed", "meta")

    # Requests that invite exploration.
    if not q and REQ_ADVICE.match(low):
        clause.advice_stmt = True
        return clause
    if REQ_IMPERATIVE.match(low) or REQ_WRAPPED.match(low):
        if REQ_FACT.search(low):
            _mark(clause, "request", "closed", "fact")
        else:
            _mark(clause, "request", "open", "request")
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause
    if REQ_SOFT.match(low):
        _mark(clause, "request", "open", "request", benefit=True)
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause

    # Embedded questions: "I'm wondering what...", "My question is whether...".
    m = EMBED.match(low)
    if m and EMBED_STEM.match(low):
        rest = low[m.end() :]
        if not rest:
            return clause
        tail = EMBED_TAIL.search(rest)
        if tail and not EMBED_WH.match(rest) and not EMBED_IF.match(rest):
            rest = rest[tail.end() :]  # "What I'm wondering, given ..., is what you..."
        if EMBED_WH.match(rest):
            core = ABOUT_PREFIX.sub("", rest)
            form, subtype, benefit = _form_of_wh(core)
            _mark(clause, "question", form, subtype, core, benefit)
            clause.extra = _count_extra(core)
            _issues_for(clause, core, whole)
            return clause
        if EMBED_IF.match(rest):
            core = ABOUT_PREFIX.sub("", rest)
            if not q and not YOU_NEAR.match(core) and WONDER_ALOUD.match(low):
                return clause  # a hypothesis: "I wonder if the board are anxious."
            _mark(clause, "question", "closed", "yesno", core)
            clause.extra = _count_extra(core)
            _issues_for(clause, core, whole)
            return clause
        if AUX_SUBJECT.match(rest) or (q and AUX_START.match(rest)):
            return _classify_core(clause, rest, whole, q)  # "I'm wondering, would it help to...?"
        if EMBED_ABOUT.match(rest) or q:
            cm = CLAUSE.search(rest)
            if cm:
                return _classify_core(clause, rest[cm.end() :], whole, True)
            _mark(clause, "request", "open", "request", rest)
            _issues_for(clause, rest, whole)
            return clause
        return clause

    return _classify_core(clause, low, whole, q)


def _classify_core(clause: Clause, low: str, whole: str, q: bool) -> Clause:
    """Classify a clause that is not a request or an embedded question."""
    wh = WH_START.match(low)
    if wh:
        pron = WH_THEN_PRONOUN.match(low)
        if pron and not WH_THEN_AUX.match(low) and not WHERE_AUX_YOU.match(low):
            # "When you think about X, what..." or a free relative ("What you said struck me").
            cm = CLAUSE.search(low, pron.end())
            if q and cm:
                return _classify_core(clause, low[cm.end() :], whole, True)
            if not q:
                return clause
        elif q and WH_SUBORD.match(low) and not WH_THEN_AUX.match(low):
            # "When Bev says it's unsafe, what do you notice in yourself?": a subordinate
            # clause with its own subject and verb, then the one question.
            cm = CLAUSE.search(low)
            if cm and len(WORD.findall(low[: cm.start()])) >= 3:
                rest = low[cm.end() :]
                if not (EXTRA_NOT.match(rest) and len(WORD.findall(rest)) <= 3):
                    return _classify_core(clause, rest, whole, True)
        elif not q and not (WH_THEN_AUX.match(low) or WH_BARE.match(low)):
            # No question mark and no inversion: "what happens next" is a question, but only
            # when it reads as one.
            if LATER_VERB.search(low):
                return clause  # "Who gets to decide seems to be the real question."
        tag = TAG.search(low) if q else None
        if (
            tag
            and not tag.group(0).strip(" ,").startswith("really")
            and FREE_COPULA.match(low[: tag.start()])
        ):
            # "So what you need is more funding, right?": a statement (a free relative and
            # its verb) turned into a question by a tag: closed, and leading.
            _mark(clause, "question", "closed", "tag", low)
            clause.leading = True
            _issues_for(clause, low, whole)
            return clause
        form, subtype, benefit = _form_of_wh(low)
        if form == "open" and SCALE.search(whole):
            form, subtype, benefit = "closed", "scale", False
        elif form == "open" and subtype != "why" and q and HEARD_AS.match(low):
            form, subtype, benefit = "closed", "reflection", False
        elif form == "open" and subtype != "why" and DASH_CHOICE.search(low):
            form, subtype, benefit = "closed", "choice", False
        _mark(clause, "question", form, subtype, low, benefit)
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause

    if AUX_START.match(low) and (q or AUX_SUBJECT.match(low)):
        subtype = "scale" if SCALE.search(low) else "choice" if " or " in low else "yesno"
        _mark(clause, "question", "closed", subtype, low)
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause

    if not q:
        if clause.unmarked and TAG_UNMARKED.search(low) and len(WORD.findall(low)) >= 5:
            _mark(clause, "question", "closed", "tag", low)
            clause.leading = True
            _issues_for(clause, low, whole)
            return clause
        clause.advice_stmt = bool(ADVICE_STATEMENT.match(low))
        return clause

    # A statement with a question mark: a reflection, a tag question, or a preamble followed
    # by the question itself.
    tag = TAG.search(low)
    if tag:
        _mark(clause, "question", "closed", "tag", low)
        clause.leading = True
        _issues_for(clause, low, whole)
        return clause
    cm = CLAUSE.search(low)
    if cm and (WH_START.match(low[cm.end() :]) or AUX_SUBJECT.match(low[cm.end() :])):
        # "In your shoes I'd go to the chief exec - what do you reckon?": advice, then the question
        clause.advice = clause.advice or bool(ADVICE_STATEMENT.match(low[: cm.start()]))
        return _classify_core(clause, low[cm.end() :], whole, True)
    _mark(clause, "question", "closed", "reflection", low)
    _issues_for(clause, low, whole)
    return clause


def further_questions(low: str):
    """Where each further question in a sentence starts, after its first (for "stacked"):
    the matches of EXTRA_Q that begin a real question."""
    previous = 0
    for k, m in enumerate(EXTRA_Q.finditer(low)):
        if k >= 40:
            return  # enough to call it stacked; keeps huge input linear
        rest = low[m.end() : m.end() + 60]
        before, previous = low[previous : m.start()].strip(" ,"), m.end()
        if RESTART_END.search(before) or RESTART_BARE.match(before):
            continue  # a restart: "did you, have you done an incident form?"
        if m.start() <= 12 and WH_BARE.match(low[: m.start()].strip()):
            continue  # "When and where does the panel meet?" is one question
        if EXTRA_NOT.match(rest) or len(WORD.findall(rest)) <= 2:
            continue  # "..., do you think?" or a tag: "..., isn't it?"
        if OR_WORD.search(m.group(0)) and OR_AUX.match(rest):
            continue  # either/or: "Is it the money, or is it trust?"
        if DASH_CHOICE.match(low, m.start()):
            continue  # alternatives glossed after a dash: "What did it say — a review, or worse?"
        yield m


def _count_extra(low: str) -> int:
    """How many further questions a sentence asks after its first (at most 4)."""
    n = 0
    for _ in further_questions(low):
        n += 1
        if n >= 4:
            break
    return n


def _issues_for(clause: Clause, core: str, whole: str) -> None:
    clause.advice = clause.advice or bool(ADVICE_Q.match(core))
    if not clause.advice and ADVICE_Q.match(whole) and not REQ_WRAPPED.match(whole):
        clause.advice = True
    if not clause.advice and ADVICE_HEDGED.match(core):
        clause.advice = True
        clause.doubtful.add("advice")
    text = core if core else whole
    clause.rhetorical = bool(RHETORICAL.search(text))
    leading = bool(NEG_INTERROG.match(text) or LEADING.search(text))
    if not leading and LEADING_SOFT.search(text):
        leading = True
        clause.doubtful.add("leading")
    if WHY_ADVICE.match(text):
        leading = False
    clause.leading = clause.leading or leading
    clause.why = bool(WHY.search(text)) and not WHY_ADVICE.match(text)
    if clause.advice and clause.form == "open" and SUGGESTION.match(text):
        clause.form, clause.subtype = "closed", "suggestion"
    if clause.why and clause.subtype not in ("why",) and text.startswith("why"):
        clause.subtype = "why"
