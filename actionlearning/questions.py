"""Assess a question as a facilitator trainer would: its form, its issues, and why.

``assess(text)`` reads one turn of set talk (what a member or facilitator says to the
presenter) and returns a :class:`QuestionAssessment`: whether it is a question at all, whether
it is open or closed, which of the common faults it shows (:data:`ISSUES`), a sentence or two
of feedback, and where it helps a suggested rewrite. ``score_questions(texts)`` turns a list of
attempts into partial credit with a reason per item, for the auto-checked exercises.

The rules follow the curriculum's coding rules, which rest on the Motivational Interviewing
Treatment Integrity manual (MITI 3.1.1 and 4.2.1):

- an open question invites a wide range of answers and the presenter's own perspective; a
  closed question can be answered yes/no, with a choice, or with a specific fact (how many,
  how often, how long, when, where, who, which, a time, a name, a 1-10 scale);
- an invitation to explore phrased as a request ("Tell me more", "Talk me through...", "Could
  you say more?") is open;
- a reflection said as a question ("So you feel stuck?") is closed; a statement turned into a
  question by an agreement tag ("So what you need is more funding, right?") is closed and
  leading, even when it opens with a wh-word;
- only one question is counted per turn: several questions are ``"stacked"`` and the form is
  that of the *first* real question (the one the presenter hears first; a courtesy question
  such as "Can I ask something?" is not a real question, and nor is a subordinate clause
  such as "When Bev says it's unsafe, ..." before the question itself);
- a question whose purpose is to persuade is advice, not a neutral question, including a
  negative suggestion ("Wouldn't it be simpler to...?", advice and leading) and a reproach
  that names the asker's next step ("Why haven't you asked...?", advice and why); a
  confronting question is ``"rhetorical"``.

Expert coders agree on open versus closed only moderately, so the rules give the benefit of
the doubt where the wording is ambiguous (``benefit_of_doubt``), and the feedback always says
why. Everything is plain ``re`` on a capped slice of the text, so a call takes well under a
millisecond on ordinary input and never raises.

This module imports no ipywidgets: the question lab widget is a view over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "FORMS",
    "ISSUES",
    "ItemScore",
    "QuestionAssessment",
    "QuestionScore",
    "assess",
    "score_questions",
]

#: The issues a question can show, in their canonical order.
ISSUES: tuple[str, ...] = ("advice", "leading", "why", "stacked", "long", "rhetorical")

#: The forms a question can take (``None`` when the text is not a question).
FORMS: tuple[str, ...] = ("open", "closed")

#: A turn of this many words or more has stopped being a question (the curriculum's "long").
LONG_WORDS = 35

#: Work is capped: longer input is read as its head and tail only.
MAX_CHARS = 4000
_HEAD_CHARS = 1500
_TAIL_CHARS = 2500
_MAX_SENTENCES = 24

# Issues that cost half the credit in score_questions; the rest cost all of it.
_HALF_ISSUES = frozenset({"why", "stacked", "long"})


@dataclass(frozen=True)
class QuestionAssessment:
    """What :func:`assess` makes of one turn.

    ``form`` is ``None`` exactly when ``is_question`` is false. ``issues`` holds names from
    :data:`ISSUES` in that order. ``benefit_of_doubt`` is true when the form was read as open
    although the wording could be taken as closed (for example "Do you want to say more?").
    ``text`` is the text as given.
    """

    is_question: bool
    form: str | None
    issues: tuple[str, ...]
    feedback: str
    suggestion: str | None = None
    benefit_of_doubt: bool = False
    text: str = ""


@dataclass(frozen=True)
class ItemScore:
    text: str
    points: float
    reason: str


@dataclass(frozen=True)
class QuestionScore:
    """Partial credit over a list of attempts: ``points`` out of ``possible`` (one per item)."""

    points: float
    possible: float
    items: tuple[ItemScore, ...]
    summary: str = ""

    @property
    def fraction(self) -> float:
        return self.points / self.possible if self.possible else 0.0


# --------------------------------------------------------------------------------------------
# Normalisation and sentence splitting

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "\u2014",
        "\u2012": "\u2014",
        "\u2015": "\u2014",
        "\u2011": "-",
        "\u2010": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u200d": "",
        "\ufe0f": "",
        "\u2026": "...",
        "\uff1f": "?",
        "\u061f": "?",
        "\u037e": "?",
        "\u00bf": "",
    }
)

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_WS = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\.{2,}")
_ABBREV = re.compile(r"\b(e\.g|i\.e|etc|dr|mr|mrs|ms|st|vs|approx|cf|no)\.", re.IGNORECASE)
# A quoted question inside a statement ('She asked me "why did you do that?" and I froze').
_QUOTED_Q = re.compile(
    r'"[^"\n]{0,200}\?"(?=\s*[,;:]|\s+(?:and|but|which|so|then|i|she|he|they|we|it|was|is)\b)',
    re.IGNORECASE,
)
# Sentence ends: runs of . ! ? (with closing quotes or brackets), then space or the end.
_SPLIT = re.compile(r"([.!?]+)[\"')\]]*(?:\s+|$)|\n+")


@dataclass
class _Sentence:
    raw: str  # normalised, original case
    low: str  # lower case, without the closing punctuation
    ends_q: bool
    words: int


def _normalise(text: str) -> tuple[str, bool]:
    capped = len(text) > MAX_CHARS
    if capped:
        text = text[:_HEAD_CHARS] + " ... " + text[-_TAIL_CHARS:]
    text = text.translate(_TRANSLATE)
    text = _QUOTED_Q.sub('"that"', text)
    text = _ABBREV.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _ELLIPSIS.sub(", ", text)
    return text, capped


def _sentences(text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    pos = 0
    for m in _SPLIT.finditer(text):
        chunk = text[pos : m.start()]
        punct = m.group(1) or ""
        pos = m.end()
        _add_sentence(out, chunk, "?" in punct)
    _add_sentence(out, text[pos:], False)
    if len(out) > _MAX_SENTENCES:
        out = out[: _MAX_SENTENCES // 3] + out[-(2 * _MAX_SENTENCES) // 3 :]
    return out


def _add_sentence(out: list[_Sentence], chunk: str, ends_q: bool) -> None:
    chunk = _WS.sub(" ", chunk).strip()
    n = len(_WORD.findall(chunk))
    if n == 0:
        # Punctuation or emoji only: a lone "?" after a question belongs to it.
        if ends_q and out:
            out[-1].ends_q = True
        return
    low = chunk.lower().rstrip(" ,;:-\u2014\"'")
    out.append(_Sentence(chunk, low, ends_q, n))


# --------------------------------------------------------------------------------------------
# Word lists and patterns (all compiled once)

_AUX_WORDS = (
    r"isn't|isnt|aren't|arent|wasn't|wasnt|weren't|don't|dont|doesn't|doesnt|didn't|didnt|"
    r"haven't|havent|hasn't|hasnt|hadn't|can't|cant|cannot|couldn't|couldnt|won't|wont|"
    r"wouldn't|wouldnt|shouldn't|shouldnt|mustn't|ain't|d'you|"
    r"is|are|am|was|were|do|does|did|have|has|had|can|could|will|would|should|shall|may|might|"
    r"must|r"
)
# The plain auxiliaries that can open a question clause ("... , do you think", "or is it").
_BARE_AUX = r"is|are|was|were|do|does|did|have|has|can|could|would|will|should"
_WH_WORDS = (
    r"what's|whats|what'd|what|wot|how's|hows|how'd|how|why's|why|who's|whos|who'd|whom|whose|"
    r"who|where's|wheres|where|when's|whens|when|which"
)
_SUBJECT = (
    r"(?:you|u|ya|ye|we|they|he|she|it|i|there|this|that|these|those|the|your|yours|his|her|"
    r"their|our|anyone|anybody|everyone|everybody|someone|somebody|anything|something|"
    r"nothing|nobody|any|all|people|everything)"
)
_PRONOUN = (
    r"(?:i|i'm|i've|i'd|i'll|you|you're|you've|you'd|you'll|u|we|we're|we've|we'd|they|"
    r"they're|they've|he|he's|she|she's|it|it's|one|there|there's|there're)"
)

_AUX_START = re.compile(rf"^(?:{_AUX_WORDS})(?!['\w])")
_AUX_SUBJECT = re.compile(rf"^(?:{_AUX_WORDS})(?!['\w])(?: not)? {_SUBJECT}(?!['\w])")
_WH_START = re.compile(rf"^(?:how come|in what way|to what extent|{_WH_WORDS})(?!['\w])")
_WH_THEN_AUX = re.compile(
    rf"^(?:{_WH_WORDS})(?!['\w]) (?:else )?(?:{_AUX_WORDS}|'s|'re|'d|'ll|ever|exactly|"
    rf"really|actually|specifically|else|on earth|the hell)(?!['\w])"
)
_WH_THEN_PRONOUN = re.compile(rf"^(?:{_WH_WORDS})(?!['\w]) {_PRONOUN}(?!['\w])")
_LATER_VERB = re.compile(r"^(?:\S+ ){2,}(?:is|was|seems|seemed|sounds|sounded|struck|took|were)\b")
# A subordinate "When/Where <subject> <verb>, ..." clause: the question, if any, comes after it
# ("When Bev says it's unsafe, what do you notice in yourself?"). Pronoun subjects are caught
# by _WH_THEN_PRONOUN; this takes any other subject ("the head", "Bev", "Dr Okafor").
_WH_SUBORD = re.compile(r"^(?:when|where)(?!['\w]) (?!(?:and|or|now|next|then|else)(?!['\w]))")
# A free relative with a verb after it: the clause is a statement ("What you need is more
# funding", "What's missing is sign-off"), so a tag or a question mark does not make it open.
_FREE_COPULA = re.compile(r"^(?:[\w'-]+,? ){2,8}?(?:is|was|are|were|seems|sounds|means)(?![\w'])")
_WH_BARE = re.compile(rf"^(?:{_WH_WORDS})$")

_FILLER = re.compile(
    r"^(?:"
    r"so yeah|so|um+|umm+|erm+|er+|uh+|ah+|oh|like|ok(?:ay)?|right|well|and|but|sorry|hmm+|"
    r"mm+|just|yeah|yes|no|basically|actually|honestly|look|now|also|then|anyway|hi(?: all| "
    r"everyone| everybody| there)?|hello|thanks|thank you|great|lovely|cool|i mean|i guess|"
    r"i suppose|i think|you know|quick question|just to check|to check|just checking|"
    r"(?:just )?out of interest|(?:just )?a thought|(?:just )?a quick one|"
    r"(?:and )?can i (?:just )?ask(?: you)?(?: something| a question| this)?(?=\s*[:,])|"
    r"let me ask(?: you)?(?: this| something)?(?=\s*[:,]|\s+(?:what|how|why|who|where|when))|"
    r"tell (?:me|us)(?: this| something)?(?=\s*[:,])|"
    r"i don't know if this is a (?:stupid|silly|daft|dumb) question(?:,)?(?: but)?|"
    r"this might be a (?:stupid|silly|daft|dumb) question(?:,)?(?: but)?|"
    r"(?:i'm )?sorry(?: to interrupt)?|to be honest|if i may|if i can"
    r")(?![\w'])[\s,;:.!\u2014-]*"
)
_LEADING_JUNK = re.compile(r"^[^\w']+")
_VOCATIVE = re.compile(r"^([A-Z][^\W\d_]*(?:[-'][^\W\d_]+)?)(?: [A-Z][^\W\d_]*)?, +")
_NOT_VOCATIVE = frozenset(
    "so sorry okay ok right well hmm yes no yeah thanks basically honestly look now also "
    "then anyway just and but i you we they he she it what how why who where when which is "
    "are do does did have has can could will would should money surely really seriously "
    "actually maybe perhaps please listen".split()
)

# Embedded questions: "I'm wondering what...", "My question is whether...".
_EMBED = re.compile(
    r"^(?:(?:so )?i suppose |so )?(?:"
    r"i(?:'m| am) (?:just |really |still )?wondering|i was (?:just |really )?wondering|"
    r"(?:just |really )?wondering|i wonder|i'm left wondering|"
    r"i(?:'m| am) (?:really |just |genuinely )?curious(?: to know| to hear)?|"
    r"i'd (?:really )?(?:love|like) to (?:know|understand|hear)(?: more)?|"
    r"i would (?:really )?(?:love|like) to (?:know|understand|hear)(?: more)?|"
    r"i'd be (?:really )?(?:curious|interested|keen) to (?:know|hear|understand)(?: more)?|"
    r"i was (?:just )?going to ask(?: you)?|i want to (?:ask|know|understand)|"
    r"i'd like to ask(?: you)?|(?:so )?my question (?:is|would be|was)|"
    r"the question i have is|(?:basically )?what i'm asking(?: is)?|what i'm wondering(?: is)?|"
    r"what i want to know is|i'm interested in|i'm keen to hear"
    r")(?![\w'])[\s,:\u2014-]*"
)
_EMBED_STEM = re.compile(
    r"^(?:i(?:'m| am) (?:just |really |still )?wondering|i was (?:just |really )?wondering|"
    r"wondering|i wonder|i(?:'m| am) (?:really |just |genuinely )?curious|"
    r"i'd (?:really )?(?:love|like) to|"
    r"i would (?:really )?(?:love|like) to|i'd be (?:really )?(?:curious|interested|keen)|"
    r"i was (?:just )?going to ask|i'd like to ask|my question|the question i have|"
    r"what i'm asking|what i'm wondering|what i want to know|i'm interested in|i'm keen to hear)"
)
_EMBED_WH = re.compile(
    rf"^(?:about |on |in )?(?:how come|in what way|{_WH_WORDS})(?!['\w])"
)
_EMBED_TAIL = re.compile(
    rf"(?:,|\u2014| - )\s*(?:is|was|would be|it's|is just|is really) (?=(?:{_WH_WORDS}|if|whether)"
    r"(?!['\w]))"
)
_ABOUT_PREFIX = re.compile(r"^(?:about|on|in) ")
_EMBED_IF = re.compile(r"^(?:about )?(?:if|whether)(?!['\w])")
_EMBED_ABOUT = re.compile(r"^(?:about|on|in) (?!(?:if|whether)\b)")
_YOU_NEAR = re.compile(r"^(?:if|whether) (?:or not )?(?:you|u)(?![\w'])")

# Requests that invite exploration: open (MITI: "Tell me more" is an open question).
_REQ_VERB = (
    r"(?:tell (?:me|us)(?! (?:if|whether|when|where|who|which|how many|how much|how long|how "
    r"often)\b)|tell (?:more|a bit|a little)|say (?:more|a (?:bit|little|few words)|something)|"
    r"talk (?:me|us) (?:through|about)|talk (?:a bit |a little |more )?about|"
    r"(?:walk|take|run) (?:me|us) through|describe(?! (?:it|this|that|them|him|her) to\b)|"
    r"explain(?! to\b)|help (?:me|us) (?:to )?(?:understand|see|get a sense)|"
    r"paint (?:me |us )?(?:a|the) picture|"
    r"give (?:me |us )?(?:a sense|an example|some examples|a flavour|a picture|an idea|more|"
    r"a bit more)|share (?:a bit|more|a little|something|what|how|your|with us)|expand(?: on)?|"
    r"unpack|elaborate|clarify|fill (?:me|us) in|be (?:a bit |a little )?more specific|"
    r"go into (?:more|a bit more|that)|reflect on|speak (?:a bit |more )?(?:to|about) "
    r"(?:what|how|that|this)|say a bit)"
)
_REQ_IMPERATIVE = re.compile(rf"^(?:please )?{_REQ_VERB}(?![\w'])")
_REQ_WRAPPED = re.compile(
    rf"^(?:can|could|would|will) you (?:please |just |maybe |perhaps |possibly )?{_REQ_VERB}"
    r"(?![\w'])"
)
_REQ_SOFT = re.compile(
    r"^(?:do you want|would you like|would you be (?:willing|able|happy)|are you (?:able|happy|"
    r"ok|okay)|is it possible(?: for you)?|do you feel able|would you care|do you fancy)"
    r" to (?:please )?(?:tell|say|talk|describe|explain|share|expand|unpack|"
    r"elaborate|walk|take us|reflect|go into|give|paint|speak)(?![\w'])"
)
_REQ_ADVICE = re.compile(
    r"^(?:please )?(?:describe|explain|say|present|put|outline|share) (?:it|this|that|them|"
    r"(?:the|your|our) [\w' -]{1,40}?) (?:to|with) (?:the|your|her|him|them|hr|everyone|"
    r"people)\b"
)
_REQ_FACT = re.compile(
    r"(?:tell|remind|give) (?:me|us) (?:when|where|who|whom|which|how many|how much|how long|"
    r"how often|whether|if|the (?:date|time|name|number|deadline))(?![\w'])"
)

# Statements that look like questions at the start ("Is what it is", "Who knows.").
_IDIOM_STATEMENT = re.compile(
    r"^(?:who knows|who cares|who'd have thought|who would have thought|who'd've thought|"
    r"what a|what an|how (?:lovely|nice|good|great|kind|wonderful|"
    r"awful|sad|brilliant|exciting|frustrating|annoying|interesting|fab|fabulous|amazing|"
    r"funny|odd|strange|weird|typical)|would you believe it|why not[,.!]|why not$|"
    r"is what it is|do let|have a (?:think|go|look)|have to say|can't say|could be|should be|"
    r"would love|will do|does my head|did a lot|was thinking|can't wait|do what|do try|"
    r"do keep|don't worry|don't forget|do take)(?![\w'])"
)
_ELLIPTIC_OPEN = re.compile(
    r"^(?:and|and then|then|thoughts|any thoughts|your thoughts|other thoughts|go on|how so|"
    r"meaning|such as|for example|for instance|in what way|what else|and what else|"
    r"anything more to say|and you|and for you|for you|you|what about you|how about you|"
    r"and how about you|yourself|and yourself)$"
)

# Closed "what" and "how": a specific fact.
_WHAT_FACT = re.compile(
    r"^what(?:'s|s| is| was| are| were)? (?:the |your |their |her |his |our )?(?:[\w-]+ )?"
    r"(?:time|date|day|days|deadline|budget|name|number|figure|percentage|proportion|"
    r"waiting time|timescale|timeline for|postcode|address|age|title|job title|caseload|ratio|"
    r"total|amount|size|capacity|cut-off|threshold|start date|end date|target|"
    r"year|month|week|term)(?![\w'])"
)
_HOW_FACT = re.compile(
    r"^how (?:many|much|often|long|old|far|big|soon|frequently|late|early|quickly|large|"
    r"small|fast|regularly)(?![\w'])"
)
_SCALE = re.compile(
    r"(?:\b(?:0|1|one|zero|nought) ?(?:to|-|\u2014|and|out of) ?(?:10|ten)\b|\bscale\b|"
    r"\bout of (?:10|ten)\b|\bscore\b)"
)
# "where" and "when" that plainly invite a perspective: open, with the benefit of the doubt.
_WHERE_OPEN = re.compile(
    r"^where(?:'s| is| are| do| does| did| would)? (?:are you with|you with|"
    r"do you (?:want|see|stand|feel|think|go|start|put)|"
    r"does (?:the |your )?(?:power|responsibility|accountability|influence|energy|"
    r"resistance|decision|authority|this|that|it|all this|all of this)(?: \w+)? (?:sit|lie|"
    r"live|fit|come from|leave you)|would you (?:like|want) to (?:start|begin|go)|"
    r"do (?:we|you) go from here|(?:is|are) (?:the|your) (?:energy|heat|resistance|stuck)|"
    r"are you (?:now|at)|have you got to|does that leave|"
    r"(?:are|is|do|does) (?:you|they|he|she|we|the [\w' -]{1,30}?) (?:in|with|on) "
    r"(?:all )?(?:this|that|it))"
)
_WHEN_OPEN = re.compile(
    r"^when (?:do|did|have|are|were|would) you (?:feel|felt|notice|noticed|find|found|feeling|"
    r"at your best|most|least|tend)(?![\w'])"
)
_WHERE_AUX_YOU = re.compile(r"^where (?:are you|do you|does it|does this|does that)")

# Tag questions turn a statement into a closed, leading question.
_TAG = re.compile(
    r",\s*(?:(?:isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|couldn't|"
    r"can't|shouldn't|haven't|hasn't|is|are|was|were|do|does|did|will|would|could|can|should|"
    r"have|has|must|mustn't) (?:it|you|they|we|he|she|that|there|i|this)|right|yeah|yes|no|"
    r"eh|ok|okay|really|surely|don't you think|wouldn't you say|wouldn't you agree|correct|"
    r"true|agreed)\s*$"
)

# A question clause later in a sentence that began as a statement or subordinate clause.
_CLAUSE = re.compile(
    rf"(?:[,;:]|\u2014| - )\s*(?:(?:and|but|so|then|like|um|erm|well|ok|okay|i guess|"
    rf"i suppose|i mean)\s*,?\s*)*(?=(?:{_WH_WORDS}|isn't|aren't|wasn't|don't|doesn't|didn't|"
    rf"won't|wouldn't|couldn't|can't|shouldn't|haven't|hasn't|{_BARE_AUX})(?!['\w]))"
)
# Further questions inside one sentence (for "stacked").
_EXTRA_Q = re.compile(
    rf"(?:(?:[,;]|\u2014| - )\s*(?:(?:and|or|but|then|so|also)\s+)?(?=(?:{_WH_WORDS}|"
    rf"{_BARE_AUX})(?!['\w]))"
    rf"|\b(?:and|also|then)\s+(?=(?:what|how|why|who|where|when|which)(?:'s)? (?:{_AUX_WORDS}|"
    rf"else|the|your|they|you|she|he|it|do|did|does)(?![\w'])))"
)
_EXTRA_NOT = re.compile(
    r"^(?:do you think|d'you think|would you say|do you reckon|would you agree|is that right|"
    r"if|as|does that make sense|is that fair|am i right|if any|if at all)(?![\w'])"
)
_OR_WORD = re.compile(r"\bor\b")
_OR_AUX = re.compile(rf"^(?:{_BARE_AUX})(?!['\w])")
_META = re.compile(
    r"^(?:(?:can|could|may|might) i (?:just )?(?:ask|come in|jump in|check|add|say|"
    r"ask you|butt in|chip in)(?: (?:something|a question|you something|you a question|"
    r"two things|a couple of things|a quick question|a quick one|here|in here|something here|"
    r"in|one thing|something else))?(?: here)?|(?:is|was) (?:that|this|it) (?:ok|okay|alright|"
    r"all right|fair)|does (?:that|this) make sense|do i make sense|if i may|may i|"
    r"is it ok if i ask(?: something)?|mind if i ask(?: something)?|do you mind if i ask)$"
)

# ---- issues ---------------------------------------------------------------------------------

# "Why haven't you asked the heads?", "How come you're not using the forum?": a reproach that
# carries the asker's own next step. Still a request for reasons ("why"), unlike the suggestion
# formula "Why don't you...?". Feelings, states and what happened to the presenter are not
# steps ("Why haven't you heard back?", "Why haven't you felt able to?").
_NOT_A_STEP = (
    r"(?!(?:been|had|heard|felt|known|seen|noticed|wanted|needed|liked|managed|got|received|"
    r"understood|realised|realized|thought|found|able|sure|happy|ok|okay|well|yet|more|less|"
    r"feeling|coping|sleeping|getting|enjoying|managing|hearing|seeing|worried|angry|upset|"
    r"allowed)(?![\w']))"
)
_STEP_ADV = r"(?:(?:yet|already|just|even|ever|simply|actually|really) )?"
_WHY_NOT_DONE = (
    rf"why (?:(?:haven't|havent) (?:you|we)|have (?:you|we) not) {_STEP_ADV}{_NOT_A_STEP}[a-z]|"
    rf"why (?:(?:aren't|arent) (?:you|we)|are (?:you|we) not) {_STEP_ADV}{_NOT_A_STEP}[a-z]+ing"
    r"(?![\w'])|"
    rf"how come (?:you|we)(?:'ve not|'ve never| haven't| havent| have not| have never| never) "
    rf"{_STEP_ADV}{_NOT_A_STEP}[a-z]|"
    rf"how come (?:you|we)(?:'re not| aren't| arent| are not) {_STEP_ADV}{_NOT_A_STEP}[a-z]+ing"
    r"(?![\w'])"
)
_CMP = (
    r"(?:a lot |much |far |so much |even |a bit )?(?:(?!(?:over|under|after|ever|never|other|"
    r"another|either|neither|rather|together|whether|later|sooner|longer|earlier|her|per)"
    r"(?![\w']))[a-z]+er|more [a-z]+|less [a-z]+|kinder|wiser|fairer) (?:just )?(?:to|if)"
    r"(?![\w'])"
)
_ADVICE_Q = re.compile(
    r"^(?:surely,? )?(?:"
    r"(?:have|had) you (?:ever )?(?:thought|considered|tried|looked (?:at|into)|explored|"
    r"checked out|investigated|asked (?:yourself )?(?:about|whether)|approached|"
    r"contacted|spoken to anyone (?:in|at|from))(?![\w'])(?! (?:about )?(?:what|how|why|who|"
    r"where|when|which)\b)|"
    r"did you (?:think (?:about|of)|consider|try|look (?:at|into))(?![\w'])|"
    r"why (?:don't|dont|do not|wouldn't|won't|not) (?:you|we)(?![\w'])|"
    r"why not (?!$|[,?])(?!if\b)|"
    r"(?:couldn't|can't|cannot|could you not|can you not|can't you|won't you) ?(?:you)?"
    r"(?![\w'])|"
    r"could you (?:just |maybe |perhaps |possibly |always |not |ever )?(?!(?:tell|say|talk|"
    r"describe|explain|give|share|expand|unpack|clarify|elaborate|walk|help|paint|run|take|"
    r"remind|confirm|check|repeat|go back|go on|bear|imagine|picture|speak|reflect|fill|"
    r"put that|see|be|have|say)\b)\w|"
    r"can you (?:just|maybe|perhaps|not|always|simply)\b|"
    r"(?:would|wouldn't) it (?:not )?(?:be )?(?:better|best|easier|wiser|good|great|helpful|"
    r"useful|worth|an idea|a good idea|sensible|nice|possible to)|"
    rf"(?:would|wouldn't) it (?:not )?be {_CMP}|"
    r"(?:would|wouldn't|might|could|may|will) it (?:not )?(?:help|make (?:more |most |a lot "
    r"more |much more )?sense|be worth|work|be an idea)|"
    r"(?:is|isn't) it (?:not )?(?:worth (?!it\b)|an option|better|a good idea|time to|"
    r"possible to)|"
    rf"(?:isn't it|is it not) {_CMP}|"
    r"(?:would|wouldn't|won't|will) (?:that|this) (?:not )?be (?:great|good|better|brilliant|"
    r"nice|helpful|amazing|lovely|easier|ideal)|"
    r"what about (?!(?:you|it|that|this|them|for you|yourself|the young people's view)\b)|"
    r"how about (?!(?:you|yourself)\b)|what if (?:you|we)(?![\w'])|"
    r"how (?:could|would|can|will) it hurt|"
    r"what(?:'s| is) the (?:worst|harm|downside) (?:that )?(?:could|can|would|might) "
    r"(?:happen|come) if you|what harm|"
    r"(?:do|don't|dont) you (?:not )?think (?:you|we) (?:should|could|ought|might|need|must|"
    r"could)(?![\w'])|"
    r"(?:do|don't|dont) you (?:not )?think (?:it|that|this) (?:might|would|could|may|'d)? ?"
    r"(?:help|be (?:better|worth|good|useful|helpful|an idea|wise|best))|"
    rf"(?:do|don't|dont) you (?:not )?think (?:it|that|this)(?:'d| would| might| could) "
    rf"(?:be {_CMP}|make (?:more )?sense)|"
    r"(?:do|don't|dont) you (?:not )?think (?:a|an|some|the|getting|having|bringing|asking)"
    r" [^?]{0,60}(?:would|could|might|will) (?:help|sort|fix|solve|work|make)|"
    r"(?:should|shouldn't|ought) (?:you|we)(?![\w'])|"
    r"(?:would|will|could) you (?:ever )?(?:consider|think about|be open to|be willing to|try|"
    r"be prepared to)(?![\w'])|"
    r"(?:would|wouldn't) you be better(?![\w'])|"
    r"is there (?:not )?(?:any reason (?:why )?(?:you|we) (?:couldn't|can't|shouldn't|"
    r"wouldn't|don't)|any way (?:you|we) (?:could|can|might)|(?:someone|somebody|anyone|"
    r"anybody|something|a way) [^?]{0,40}\byou (?:could|can|might) (?:talk|ask|go|speak|"
    r"turn|use|try|get|bring|contact|approach|involve|lean))|"
    r"(?:any|is there any|is there a|what are the) chances? (?:that )?(?:you|we) "
    r"(?:could|can|might)|"
    r"(?:maybe|perhaps|possibly) (?:you |we )?(?:could|should|might|try|just|ask|go|talk|speak|"
    r"ring|call|email|get|set|bring|involve|look)|"
    r"you (?:could|should|might|ought to|need to|must|might want to|may want to)(?: always| "
    r"just| maybe| perhaps)?(?![\w'])(?! (?:be|have been|feel)\b)|"
    r"(?:aren't|are) you (?:not )?going to (?:just )?(?:speak|talk|tell|ask|go|ring|call|"
    r"email|raise|escalate|challenge|confront|take)|"
    r"what(?:'s| is) (?:stopping|preventing|keeping) you (?:from )?\w+ing(?![\w'])|"
    r"what would happen if you (?!(?:did nothing|do nothing|didn't|don't|stopped|let (?:it )?"
    r"go|said no|did|carried on|kept going)\b)|"
    r"how would it be if you|what would it (?:be|feel|look) like if you (?!(?:did nothing|"
    r"didn't|stopped|said no|carried on|kept going)\b)|"
    r"how would you feel about (?:\w+ing|asking|trying)|"
    r"how (?:might|could|can) you (?:use|involve|bring in) (?:the|a|an|your|some) |"
    r"(?:would|wouldn't|might|could|will) (?:a|an|some|getting|having|bringing|asking|using) "
    r"[^?]{0,50}\b(?:help|work|be useful)|"
    r"(?:it'd|it would|it'll|it will|it might|it could|that'd|that would) (?:be )?(?:really )?"
    r"(?:good|better|great|helpful|useful|worth|nice|help|a good idea)|"
    rf"(?:it'd|it would|it might|it could|that'd|that would) be {_CMP}|"
    r"(?:if|whether) you(?:'ve| have)? (?:ever )?(?:thought|considered|tried|looked)|"
    rf"{_WHY_NOT_DONE}"
    r")"
)
# Advice said as a statement before or after the question in the same turn.
_ADVICE_STATEMENT = re.compile(
    r"^(?:"
    r"i'd (?!(?:love|like|be|just like|really like|say|guess|imagine|wonder)\b)|"
    r"i would (?!(?:love|like|be|say|guess|imagine|wonder)\b)|"
    r"if i (?:were|was) you|you (?:should|could|need to|ought to|might want to|must|may want to)"
    r"(?! (?:be|have been|feel)\b)|try (?!to be\b)|maybe (?:just )?(?:try|ask|talk|ring|go|get|"
    r"email|speak|escalate)|perhaps (?:try|you could|you should)|definitely (?:worth|try|go)|"
    r"it (?:might|would|could|may) (?:help|be worth|be good|be useful)|it'd (?:help|be worth|"
    r"be good)|one (?:option|idea|thing you could)|"
    r"the (?:obvious|best|simplest|easiest|quickest) (?:thing|answer|option|way|solution)|"
    r"in my (?!view of you)[\w-]+|when i was (?:at|in|with)|where i (?:work|worked)|"
    r"we (?:did|tried|used|pooled|had|set up|ran|brought)|"
    r"(?:it's|it is|they're|that's|its) (?:brilliant|great|really good|fab|excellent|amazing|"
    r"fantastic|a game.changer)|(?:just )?a thought|my (?:advice|suggestion|tip)|"
    r"i'd suggest|i (?:suggest|recommend|would recommend)|"
    r"(?:go|ring|call|email|phone|speak to|talk to|ask) (?:the|your|her|him|them|hr|to)\b|"
    r"have a word with|escalate|get (?:the|your|someone)|just (?:tell|ask|ring|call|email|go|"
    r"say)"
    r")"
)
_NEG_INTERROG = re.compile(
    r"^(?:isn't|isnt|aren't|arent|wasn't|weren't|don't|dont|doesn't|didn't|didnt|won't|"
    r"wouldn't|wouldnt|couldn't|couldnt|can't|cant|shouldn't|shouldnt|haven't|hasn't|hadn't|"
    r"mustn't)(?![\w'])"
    r"|^(?:is|are|was|were|do|does|did|could|can|would|will|should|have|has) (?:you|it|that|"
    r"this|there|they|we|he|she) not(?![\w'])"
)
_LEADING = re.compile(
    r"\bsurely\b|^you(?:'d| would) (?:surely )?agree\b|\bwouldn't you (?:agree|say)\b|"
    r"^(?:you|it|that|this|they|he|she) (?:must|must've|must have)(?![\w'])|"
    r"^how (?:angry|upset|frustrated|annoyed|relieved|guilty|ashamed|furious|scared|anxious|"
    r"disappointed|hurt|betrayed|fed up|cross|let down|stressed|worried|sad) (?:does|did|do|"
    r"are|were|was|has|have|is|must)(?![\w'])|"
    r"^what(?:'s| is| was) so (?:frightening|scary|bad|hard|difficult|wrong|threatening|awful|"
    r"terrible|risky|dangerous)\b|"
    r"^(?:so )?(?:the|it's|its) (?:real )?(?:problem|issue) (?:is|here is|really is)\b"
)
_RHETORICAL = re.compile(
    r"\b(?:cop[- ]?out|an excuse|a bit of an excuse|naive|defensive|convenient|controlling|"
    r"ridiculous|pathetic|lazy|selfish|unprofessional|seriously|honestly telling|"
    r"in their right mind|in your right mind|on earth|the hell|the heck|were you thinking|"
    r"how hard can it|what's the point|what is the point|really the best|best you can do|"
    r"best they can do|ever actually|actually ever|just avoiding|you just let|you just sat|"
    r"you just left|you just walked|you just gave|didn't think to|never occur|never occurred|"
    r"no concerns|nothing at all|no idea at all|none at all|exactly what you|"
    r"surely you (?:can|must|don't|do) (?:see|know|realise|agree)|a bit much|a bit rich|"
    r"who does that|are you (?:sure|certain) you(?:'re| are) not|"
    r"you don't think that's|you're (?:happy|ok|okay|fine|comfortable|content) with "
    r"(?!(?:that|this|it|the plan|them)\b))\b"
    r"|^(?:is|was|are|were) (?:that|this|it) really\b"
    r"|^(?:isn't|is|wasn't|was) that (?:not )?(?:just|a bit|rather)\b"
    r"|\b(?:didn't|did not|not|never|don't|doesn't|haven't|hasn't|aren't|isn't)"
    r"(?: (?:you|they|she|he|we))? even\b"
    r"|\bpassing the buck\b"
    r"|^what (?:did|do|were) you (?:expect|think would happen)\b"
    r"|^(?:really|seriously|honestly|come on|are you kidding|you're kidding|really though)$"
    r"|^(?:do|did|does|are|were) (?:you|they|she|he) (?:really|honestly|actually|seriously) "
    r"(?:think|believe|expect|mean|want|imagine|suppose)\b"
    r"|^how could you (?:let|have|not|do that|say that|possibly|ever|allow|ignore|forget|miss)\b"
    r"|^why (?:on earth|the hell|would anyone|didn't you just|did you not just|would you ever|"
    r"haven't you just|have you not just|aren't you just)\b"
    r"|^(?:wasn't|isn't|wasnt|isnt) that (?:your|just|a bit|exactly|really|rather|"
    r"kind of|sort of)\b"
    r"|^(?:is|was) (?:that|it) (?:not )?(?:a bit|just|rather|kind of|sort of) (?:of an? )?"
    r"(?:excuse|naive|convenient|cop|lazy|much|rich|harsh|unfair|defensive|controlling)"
    r"|\bat all$"
)
_WHY = re.compile(
    r"^(?:why(?:'s|s)?|how come|for what reason|what(?:'s| is| was) the reason|"
    r"what(?:'s| is| was) your reason|what (?:are|were) your reasons)(?![\w'])"
    r"|\bif not,? why not\b|^why not$|,\s*why(?: not)?$"
)
# Suggestion formulas propose one option to accept or reject: closed, whatever the wh-word.
_SUGGESTION = re.compile(
    r"^(?:why (?:don't|dont|do not|wouldn't|won't|not) (?:you|we)(?![\w'])|why not (?!$)|"
    r"what about|how about|what if (?:you|we)(?![\w'])|how (?:could|would|can|will) it hurt)"
)
_WHY_ADVICE = re.compile(
    r"^why (?:don't|dont|do not|wouldn't|won't|not) (?:you|we)(?![\w'])|^why not (?!$)"
)
_LONG_REASON = re.compile(
    r"\b(?:because|cos|coz|'cause|cause) (?:i|i'm|i've|i'd|in my|when i|from where i|my|"
    r"it seems to me|personally|to me|we|i think|honestly)\b|"
    r"\bthe reason i(?:'m)? ask|\bi'm asking (?:this |you )?(?:because|cos)\b|"
    r"\bi ask because\b|\bi'm only asking because\b"
)

# Words that introduce a reflection or paraphrase (for feedback on closed questions).
_REFLECTION_START = re.compile(
    r"^(?:so |and |it sounds |sounds |it seems |you |you're |you've |you'd |it's |its |"
    r"that's |there's |the |it |they |this )"
)


# --------------------------------------------------------------------------------------------
# Classifying one sentence


@dataclass
class _Clause:
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
    sent_raw: str = ""  # the whole sentence, original case (for suggestions)
    sent_low: str = ""


def _mark(
    clause: _Clause,
    kind: str,
    form: str | None,
    subtype: str,
    core: str | None = None,
    benefit: bool = False,
) -> _Clause:
    """Record what a clause is; ``core`` is the text the form and issues were read from."""
    clause.kind, clause.form, clause.subtype, clause.benefit = kind, form, subtype, benefit
    if core is not None:
        clause.core = core
    return clause


def _original_case(clause: _Clause, fragment: str) -> str:
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
        for pattern in (_FILLER, _LEADING_JUNK):
            m = pattern.match(low)
            if m and 0 < m.end() < len(low):
                low, raw = low[m.end() :], raw[m.end() :]
        m = _VOCATIVE.match(raw)
        if m and m.group(1).lower() not in _NOT_VOCATIVE and m.end() < len(raw):
            low, raw = low[m.end() :], raw[m.end() :]
        if len(low) == start:
            break
    return low.strip()


def _form_of_wh(core: str) -> tuple[str, str, bool]:
    """Form, subtype and benefit of the doubt for a question that starts with a wh-word."""
    if _WHY.match(core):
        return "open", "why", False
    if core.startswith(("how come", "in what way", "to what extent")):
        return "open", "wh", False
    first = core.split(" ", 1)[0]
    if first.startswith(("what", "wot", "how")):
        if _SCALE.search(core):
            return "closed", "scale", False
        if _HOW_FACT.match(core) or _WHAT_FACT.match(core):
            return "closed", "fact", False
        return "open", "wh", False
    if first.startswith("where"):
        if _WHERE_OPEN.match(core):
            return "open", "wh", True
        return "closed", "fact", False
    if first.startswith("when"):
        if _WHEN_OPEN.match(core):
            return "open", "wh", True
        return "closed", "fact", False
    if first.startswith("which"):
        return "closed", "choice", False
    return "closed", "fact", False  # who, whom, whose


def _classify(sent: _Sentence) -> _Clause:
    low = _strip_fillers(sent.low, sent.raw)
    q = sent.ends_q
    whole = low
    clause = _Clause(kind="statement", core=low, sent_raw=sent.raw, sent_low=sent.raw.lower())

    if not q and _IDIOM_STATEMENT.match(low):
        return clause
    if q and _ELLIPTIC_OPEN.match(low):
        return _mark(clause, "question", "open", "elliptic", benefit=True)
    if q and _META.match(low):
        return _mark(clause, "meta", "closed", "meta")

    # Requests that invite exploration.
    if not q and _REQ_ADVICE.match(low):
        clause.advice_stmt = True
        return clause
    if _REQ_IMPERATIVE.match(low) or _REQ_WRAPPED.match(low):
        if _REQ_FACT.search(low):
            _mark(clause, "request", "closed", "fact")
        else:
            _mark(clause, "request", "open", "request")
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause
    if _REQ_SOFT.match(low):
        _mark(clause, "request", "open", "request", benefit=True)
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause

    # Embedded questions: "I'm wondering what...", "My question is whether...".
    m = _EMBED.match(low)
    if m and _EMBED_STEM.match(low):
        rest = low[m.end() :]
        if not rest:
            return clause
        tail = _EMBED_TAIL.search(rest)
        if tail and not _EMBED_WH.match(rest) and not _EMBED_IF.match(rest):
            rest = rest[tail.end() :]  # "What I'm wondering, given ..., is what you..."
        if _EMBED_WH.match(rest):
            core = _ABOUT_PREFIX.sub("", rest)
            form, subtype, benefit = _form_of_wh(core)
            _mark(clause, "question", form, subtype, core, benefit)
            clause.extra = _count_extra(core)
            _issues_for(clause, core, whole)
            return clause
        if _EMBED_IF.match(rest):
            core = _ABOUT_PREFIX.sub("", rest)
            if not q and not _YOU_NEAR.match(core) and low.startswith(("i wonder", "wondering")):
                return clause  # a hypothesis: "I wonder if the board are anxious."
            _mark(clause, "question", "closed", "yesno", core)
            clause.extra = _count_extra(core)
            _issues_for(clause, core, whole)
            return clause
        if _EMBED_ABOUT.match(rest) or q:
            cm = _CLAUSE.search(rest)
            if cm:
                return _classify_core(clause, rest[cm.end() :], whole, True)
            _mark(clause, "request", "open", "request", rest)
            _issues_for(clause, rest, whole)
            return clause
        return clause

    return _classify_core(clause, low, whole, q)


def _classify_core(clause: _Clause, low: str, whole: str, q: bool) -> _Clause:
    """Classify a clause that is not a request or an embedded question."""
    wh = _WH_START.match(low)
    if wh:
        pron = _WH_THEN_PRONOUN.match(low)
        if pron and not _WH_THEN_AUX.match(low) and not _WHERE_AUX_YOU.match(low):
            # "When you think about X, what..." or a free relative ("What you said struck me").
            cm = _CLAUSE.search(low, pron.end())
            if q and cm:
                return _classify_core(clause, low[cm.end() :], whole, True)
            if not q:
                return clause
        elif q and _WH_SUBORD.match(low) and not _WH_THEN_AUX.match(low):
            # "When Bev says it's unsafe, what do you notice in yourself?": a subordinate
            # clause with its own subject and verb, then the one question.
            cm = _CLAUSE.search(low)
            if cm and len(_WORD.findall(low[: cm.start()])) >= 3:
                rest = low[cm.end() :]
                if not (_EXTRA_NOT.match(rest) and len(_WORD.findall(rest)) <= 3):
                    return _classify_core(clause, rest, whole, True)
        elif not q and not (_WH_THEN_AUX.match(low) or _WH_BARE.match(low)):
            # No question mark and no inversion: "what happens next" is a question, but only
            # when it reads as one.
            if _LATER_VERB.search(low):
                return clause  # "Who gets to decide seems to be the real question."
        tag = _TAG.search(low) if q else None
        if (
            tag
            and not tag.group(0).strip(" ,").startswith("really")
            and _FREE_COPULA.match(low[: tag.start()])
        ):
            # "So what you need is more funding, right?": a statement (a free relative and
            # its verb) turned into a question by a tag: closed, and leading.
            _mark(clause, "question", "closed", "tag", low)
            clause.leading = True
            _issues_for(clause, low, whole)
            return clause
        form, subtype, benefit = _form_of_wh(low)
        if form == "open" and _SCALE.search(whole):
            form, subtype, benefit = "closed", "scale", False
        _mark(clause, "question", form, subtype, low, benefit)
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause

    if _AUX_START.match(low) and (q or _AUX_SUBJECT.match(low)):
        subtype = "scale" if _SCALE.search(low) else "choice" if " or " in low else "yesno"
        _mark(clause, "question", "closed", subtype, low)
        clause.extra = _count_extra(low)
        _issues_for(clause, low, whole)
        return clause

    if not q:
        clause.advice_stmt = bool(_ADVICE_STATEMENT.match(low))
        return clause

    # A statement with a question mark: a reflection, a tag question, or a preamble followed
    # by the question itself.
    tag = _TAG.search(low)
    if tag:
        _mark(clause, "question", "closed", "tag", low)
        clause.leading = True
        _issues_for(clause, low, whole)
        return clause
    cm = _CLAUSE.search(low)
    if cm and (_WH_START.match(low[cm.end() :]) or _AUX_SUBJECT.match(low[cm.end() :])):
        return _classify_core(clause, low[cm.end() :], whole, True)
    _mark(clause, "question", "closed", "reflection", low)
    _issues_for(clause, low, whole)
    return clause


def _count_extra(low: str) -> int:
    """How many further questions a sentence asks after its first (for "stacked")."""
    n = 0
    for k, m in enumerate(_EXTRA_Q.finditer(low)):
        if n >= 4 or k >= 40:
            break  # enough to call it stacked; keeps huge input linear
        rest = low[m.end() : m.end() + 60]
        if m.start() <= 12 and _WH_BARE.match(low[: m.start()].strip()):
            continue  # "When and where does the panel meet?" is one question
        if _EXTRA_NOT.match(rest) or len(_WORD.findall(rest)) <= 2:
            continue  # "..., do you think?" or a tag: "..., isn't it?"
        if _OR_WORD.search(m.group(0)) and _OR_AUX.match(rest):
            continue  # either/or: "Is it the money, or is it trust?"
        n += 1
    return n


def _issues_for(clause: _Clause, core: str, whole: str) -> None:
    clause.advice = clause.advice or bool(_ADVICE_Q.match(core))
    if not clause.advice and _ADVICE_Q.match(whole) and not _REQ_WRAPPED.match(whole):
        clause.advice = True
    text = core if core else whole
    clause.rhetorical = bool(_RHETORICAL.search(text))
    leading = bool(_NEG_INTERROG.match(text) or _LEADING.search(text))
    if _WHY_ADVICE.match(text):
        leading = False
    clause.leading = clause.leading or leading
    clause.why = bool(_WHY.search(text)) and not _WHY_ADVICE.match(text)
    if clause.advice and clause.form == "open" and _SUGGESTION.match(text):
        clause.form, clause.subtype = "closed", "suggestion"
    if clause.why and clause.subtype not in ("why",) and text.startswith("why"):
        clause.subtype = "why"


# --------------------------------------------------------------------------------------------
# Assessing a turn


def _empty(text: str) -> QuestionAssessment:
    return QuestionAssessment(
        text=text,
        is_question=False,
        form=None,
        issues=(),
        feedback=(
            "There's nothing here yet. Write the question you would ask the presenter, in "
            "your own words; an open question beginning 'What' or 'How' is a good place to start."
        ),
        suggestion="What would a good outcome look like for you?",
    )


def assess(text: str) -> QuestionAssessment:
    """Assess one turn of set talk as a question. Never raises."""
    if not isinstance(text, str):
        text = "" if text is None else _safe_str(text)
    return _assess_safely(text)[0]


def _assess_safely(text: str) -> tuple[QuestionAssessment, str]:
    """The assessment and the main question's subtype (for score reasons). Never raises."""
    try:
        return _assess(text)
    except Exception:  # pragma: no cover - a last line of defence; the rules should not raise
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "Sorry, this couldn't be read as a question. Try writing it as one short "
                "sentence, as you would say it to the presenter."
            ),
        ), ""


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:
        return ""


def _assess(text: str) -> tuple[QuestionAssessment, str]:
    if not text.strip():
        return _empty(text), ""
    norm, capped = _normalise(text)
    sentences = _sentences(norm)
    if not sentences:
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "There are no words here to read as a question. Try writing the question you "
                "would ask the presenter, for example 'What matters most to you in this?'"
            ),
            suggestion="What matters most to you in this?",
        ), ""
    clauses = [_classify(s) for s in sentences]
    real = [c for c in clauses if c.kind in ("question", "request")]
    meta = [c for c in clauses if c.kind == "meta"]
    words = sum(s.words for s in sentences)
    if capped:
        words = max(words, len(_WORD.findall(norm)))

    if not real and not meta:
        return _not_question(text, clauses), ""

    main = real[0] if real else meta[0]
    asked = real if real else meta[:1]
    count = len(asked) + sum(c.extra for c in asked)
    low_turn = " ".join(s.low for s in sentences)

    found = set()
    if any(c.advice for c in asked) or any(c.advice_stmt for c in clauses):
        found.add("advice")
    if any(c.rhetorical for c in asked):
        found.add("rhetorical")
    elif any(c.leading for c in asked):
        found.add("leading")
    if any(c.why for c in asked):
        found.add("why")
    if count > 1:
        found.add("stacked")
    if words >= LONG_WORDS or _LONG_REASON.search(low_turn):
        found.add("long")
    issues = tuple(i for i in ISSUES if i in found)
    feedback, suggestion = _feedback(main, issues, count, words, asked)
    return QuestionAssessment(
        text=text,
        is_question=True,
        form=main.form,
        issues=issues,
        feedback=feedback,
        suggestion=suggestion,
        benefit_of_doubt=main.benefit and main.form == "open",
    ), main.subtype


def _not_question(text: str, clauses: list[_Clause]) -> QuestionAssessment:
    if any(c.advice_stmt for c in clauses):
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "This reads as advice rather than a question: it offers your own solution. "
                "In a set the presenter finds their own way, so try turning your idea into an "
                "open question about the options they see."
            ),
            suggestion="What options have you considered?",
        )
    first = clauses[0].core if clauses else ""
    if _REFLECTION_START.match(first + " ") or first.startswith(
        ("what i'm hearing", "i'm hearing", "i notice", "i'm noticing", "it sounds", "sounds")
    ):
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "This is a statement, not a question: said back to the presenter it works as a "
                "reflection, which can help them feel heard. If you want to invite more, add "
                "an open question or an invitation such as 'Say more about that.'"
            ),
            suggestion="Say more about that.",
        )
    return QuestionAssessment(
        text=text,
        is_question=False,
        form=None,
        issues=(),
        feedback=(
            "This is a statement rather than a question. That's fine as a comment; if you want "
            "to help the presenter explore, try an open question that uses their own words."
        ),
        suggestion="What would help you most right now?",
    )


# --------------------------------------------------------------------------------------------
# Feedback and suggestions

_WHY_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)^why (?:didn't|did not) you (?:just )?(.+)$"), "What made it hard to {0}?"),
    (re.compile(r"(?i)^why did you (?:just )?(.+)$"), "What led you to {0}?"),
    (re.compile(r"(?i)^why do you think (.+)$"), "What makes you think {0}?"),
    (re.compile(r"(?i)^why do you say (.+)$"), "What makes you say {0}?"),
    (re.compile(r"(?i)^why do you (.+)$"), "What leads you to {0}?"),
    (
        re.compile(r"(?i)^why (?:did|does|do) (the [\w' -]+?|[^\W\d_]+) (.+)$"),
        "What led {0} to {1}?",
    ),
    (re.compile(r"(?i)^why (?:is|are) (that|this|it) (.+)$"), "What makes {0} {1}?"),
    (re.compile(r"(?i)^why (?:is|are) (the [\w' -]+?) (so \w+|\w+)$"), "What makes {0} {1}?"),
    (re.compile(r"(?i)^why now$"), "What makes now the time?"),
    (re.compile(r"(?i)^how come (?:you )?(.+)$"), "What led to that?"),
)
_ADVICE_IDEA = re.compile(
    r"^(?:have you (?:ever )?(?:thought (?:about|of)|considered|tried|looked (?:at|into)|"
    r"explored)|did you (?:think about|consider|try)|what about|how about|why (?:don't|not) "
    r"you(?: just)?|why not(?: just)?|could you(?: not| just| maybe)?|couldn't you(?: just)?|"
    r"would it help to|wouldn't it be better to|"
    r"(?:would|wouldn't) it (?:not )?be (?:[a-z]+er|more [a-z]+|less [a-z]+|kinder|wiser) to|"
    r"(?:isn't it|is it not) (?:[a-z]+er|more [a-z]+|less [a-z]+) (?:just )?to|"
    r"wouldn't it make (?:more )?sense to|would you consider|is it worth|might it be "
    r"worth|how could it hurt to)\s+(.{3,60}?)$"
)
# Open alternatives to closed questions, by what the closed question asks about.
_CLOSED_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:did|have|has|had) you (?:already )?(?:tell|told|speak|spoken|spoke|talk|"
                r"talked|ask|asked|raise|raised|mention|mentioned|contact|contacted|email|"
                r"emailed|ring|rung|rang|call|called|write|written|wrote)\b"),
     "What conversations have you had about it so far?"),
    (re.compile(r"^(?:are|were|do|did|have) you (?:feel|feeling|felt|worried|anxious|ok|okay|"
                r"frustrated|angry|upset|scared|tired|supported|happy|confident|clear)\b"),
     "How are you feeling about it?"),
    (re.compile(r"^(?:do|did) you (?:trust|like|respect|believe|get on with)\b"),
     "How would you describe the relationship?"),
    (re.compile(r"^(?:do|did|have|has|are|is|was|were) you (?:\w+ )?(?:know|aware|been told|"
                r"heard)\b"), "What do you know so far, and what don't you know?"),
    (re.compile(r"^(?:is|are|was|were|has|have|does|do|did|will|would|can|could) (?:the|this|"
                r"that|it|there|they|he|she|[a-z\u00c0-\u024f]+'s)\b"),
     "What's your understanding of where things stand?"),
)
_FACT_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^how (?:many|much)\b"),
        "What does that number mean for you and the people involved?",
    ),
    (re.compile(r"^(?:when|how long|how often|how soon|what time|what date|what day)\b"),
     "What does the timing mean for you?"),
    (re.compile(r"^(?:who|whom|whose)\b"), "How do the people involved see it?"),
    (re.compile(r"^where\b"), "What's happening there, as you see it?"),
)


_JUST = re.compile(r"\bjust\b ?", re.IGNORECASE)


def _clean_question(core: str) -> str:
    core = core.strip(" ,;:?!.")
    core = _JUST.sub("", core)
    return core.strip()


def _why_rewrite(core: str) -> str:
    c = _clean_question(core)
    for pattern, template in _WHY_REWRITES:
        m = pattern.match(c)
        if m:
            out = template.format(*(g.strip() for g in m.groups()))
            return out[:1].upper() + out[1:]
    return "What led to that?"


def _advice_idea(clause: _Clause) -> str | None:
    m = _ADVICE_IDEA.match(_clean_question(clause.core))
    return _original_case(clause, m.group(1)) if m else None


def _as_question(clause: _Clause, drop_reason: bool = False) -> str:
    core = clause.core
    reason = _LONG_REASON.search(core) if drop_reason else None
    if reason and reason.start() > 0:
        core = core[: reason.start()].rstrip(" ,;:-\u2014")
    core = _original_case(clause, core).strip(" ,;:?!.")
    return (core[:1].upper() + core[1:] + "?") if core else ""


def _closed_hint(core: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, hint in table:
        if pattern.match(core):
            return hint
    return "How do you see it?"


def _feedback(
    main: _Clause, issues: tuple[str, ...], count: int, words: int, asked: list[_Clause]
) -> tuple[str, str | None]:
    core = main.core
    if "advice" in issues:
        idea = _advice_idea(main)
        what = f" ({idea})" if idea else ""
        return (
            f"This sounds like advice in the form of a question: it carries your own idea{what} "
            "rather than the presenter's. Holding it back leaves room for them to find their "
            "own way, and an open question about their options does that.",
            "What options have you considered?",
        )
    if "rhetorical" in issues:
        return (
            "This sounds judgemental or confronting: even with a question mark, it tells the "
            "presenter what you think of their choice. If something feels off to you, a "
            "curious question will usually open more than a challenge.",
            "What's your thinking behind that?",
        )
    if "leading" in issues:
        return (
            "The wording signals the answer you expect, which makes it hard for the presenter "
            "to disagree or find their own view. Try asking what they make of it, without "
            "your answer built in.",
            "How do you see it?",
        )
    if "stacked" in issues:
        first = _as_question(asked[0])
        return (
            f"This asks {count} questions at once, so the presenter has to choose which to "
            "answer and usually takes the last or the easiest. Ask one, then let the silence "
            "do the work.",
            first or None,
        )
    if "why" in issues:
        return (
            "'Why' questions tend to invite justification and can put the presenter on the "
            "defensive; 'What led to...?' often opens the same ground more gently.",
            _why_rewrite(_original_case(main, core)),
        )
    if "long" in issues:
        shorter = _as_question(asked[-1], drop_reason=True) if asked else ""
        if len(_WORD.findall(shorter)) >= 20 or not shorter:
            shorter = "What matters most to you here?"
        why_long = (
            f"At {words} words, this has started to become a statement"
            if words >= LONG_WORDS
            else "With your own reasoning built in ('because...'), this has started to become "
            "a statement"
        )
        return (
            why_long + "; a short question in the presenter's own words leaves them more room.",
            shorter,
        )
    if main.form == "open":
        if main.benefit:
            if main.subtype == "request":
                return (
                    "This reads as an invitation to explore, so it counts as open, though its "
                    "wording could be answered 'yes' or 'no'; dropping the wrapper makes the "
                    "invitation clearer.",
                    "Say more about that.",
                )
            return (
                "This can be read as open, inviting the presenter's own perspective; its wording "
                "is a little ambiguous, so it gets the benefit of the doubt.",
                None,
            )
        if main.subtype == "request":
            return (
                "This is an invitation to explore, which counts as an open question: it leaves "
                "the presenter free to take it wherever they need to.",
                None,
            )
        return (
            "This is an open question: it invites the presenter's own perspective and can't be "
            "answered with a simple yes or no.",
            None,
        )
    # Closed, with no other issue.
    if main.subtype == "scale":
        return (
            "A scaling question is closed (it asks for a number), but it is a useful one for "
            "commitment; follow it with an open question about the number.",
            "What makes it that number and not a lower one?",
        )
    if main.subtype == "fact":
        return (
            "This is a closed question: it asks for a specific fact. That's fine for "
            "clarifying; to help the presenter explore, try opening with 'What' or 'How'.",
            _closed_hint(core, _FACT_HINTS),
        )
    if main.subtype == "choice":
        return (
            "This is a closed question: it offers a choice between answers you have already "
            "thought of. An open question lets the presenter name their own.",
            "How do you see it?",
        )
    if main.subtype in ("reflection", "tag"):
        return (
            "This is a reflection said as a question, which counts as closed: the presenter can "
            "simply agree or disagree. Said as a statement it works well; or invite more.",
            "Tell me more about that.",
        )
    if main.subtype == "meta":
        return (
            "This asks permission or checks the process, which is a closed question. In a set "
            "you can usually just ask the question itself.",
            None,
        )
    return (
        "This is a closed question: it can be answered 'yes' or 'no'. That's fine for "
        "clarifying a fact; to help the presenter explore, try opening with 'What' or 'How'.",
        _closed_hint(core, _CLOSED_HINTS),
    )


# --------------------------------------------------------------------------------------------
# Scoring a list of attempts


def score_questions(texts: list[str], *, want: str = "open") -> QuestionScore:
    """Score attempts at writing questions of the form ``want`` ("open" or "closed").

    Each item earns 1.0 for a question of the wanted form with no issue; 0.5 for the wanted
    form with only a why, long or stacked issue, or where it is open only with the benefit of
    the doubt; 0.0 for the other form, advice, leading, rhetorical, or not a question. A
    non-string item scores 0 with a reason; an empty list scores 0 out of 0.
    """
    if want not in FORMS:
        raise ValueError(f"want must be 'open' or 'closed', not {want!r}")
    if texts is None:
        items_in: list[object] = []
    elif isinstance(texts, str):
        items_in = [texts]
    else:
        try:
            items_in = list(texts)
        except TypeError:
            items_in = [texts]
    items = tuple(_score_item(item, want) for item in items_in)
    points = float(sum(i.points for i in items))
    possible = float(len(items))
    if not items:
        summary = "There were no questions to score: write at least one and check again."
    else:
        summary = f"{_fmt(points)} out of {_fmt(possible)}."
    return QuestionScore(points=points, possible=possible, items=items, summary=summary)


def _fmt(x: float) -> str:
    return f"{x:g}"


_ISSUE_REASONS = {
    "advice": "it is advice in the form of a question, carrying your own idea",
    "leading": "it is a leading question: its wording signals the answer you expect",
    "rhetorical": "it is judgemental or rhetorical rather than curious",
    "why": "it starts with 'why', which can invite justification",
    "stacked": "it asks more than one question at once",
    "long": "it is long enough to have started becoming a statement",
}
_CLOSED_KIND = {
    "fact": "it asks for a specific fact",
    "choice": "it offers a choice of answers",
    "scale": "it asks for a number",
    "reflection": "it is a reflection said as a question, so it invites agreement",
    "tag": "it invites agreement",
    "meta": "it asks permission",
    "suggestion": "it offers one option to accept or reject",
}


def _try(suggestion: str | None) -> str:
    return f" Try something like: '{suggestion}'" if suggestion else ""


def _score_item(item: object, want: str) -> ItemScore:
    if not isinstance(item, str):
        return ItemScore(
            text=_safe_repr(item),
            points=0.0,
            reason="No marks: this item isn't text, so there is nothing to score.",
        )
    if not item.strip():
        return ItemScore(item, 0.0, "No marks: this one is empty; write a question here.")
    a, subtype = _assess_safely(item)
    if not a.is_question:
        return ItemScore(
            item, 0.0, "No marks: this is a statement rather than a question." + _try(a.suggestion)
        )
    blocking = [i for i in a.issues if i not in _HALF_ISSUES]
    if blocking:
        return ItemScore(
            item, 0.0, f"No marks: {_ISSUE_REASONS[blocking[0]]}." + _try(a.suggestion)
        )
    if a.form != want:
        if a.form == "closed":
            kind = _CLOSED_KIND.get(subtype, "it can be answered 'yes' or 'no'")
            why = f"it is a closed question ({kind}), and an open one was asked for"
        else:
            why = "it is an open question, and a closed one was asked for"
        hint = _try(a.suggestion) if want == "open" else ""
        return ItemScore(item, 0.0, f"No marks: {why}." + hint)
    half = [i for i in a.issues if i in _HALF_ISSUES]
    if half:
        return ItemScore(
            item,
            0.5,
            f"Half marks: {_article(want)} {want} question, but "
            f"{_join(_ISSUE_REASONS[i] for i in half)}."
            + _try(a.suggestion),
        )
    if a.benefit_of_doubt and want == "open":
        return ItemScore(
            item,
            0.5,
            "Half marks: it can be read as open, but its wording could also be answered 'yes' "
            "or 'no'; make the invitation plain." + _try(a.suggestion),
        )
    return ItemScore(
        item, 1.0, f"Full marks: a clear {want} question with none of the common issues."
    )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _join(parts) -> str:
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]






def _safe_repr(value: object) -> str:
    try:
        r = repr(value)
    except Exception:
        r = f"<{type(value).__name__}>"
    return r[:200]
