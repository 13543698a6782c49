"""A set's contract (ground rules), checked for its essential elements (session 2).

The check reads a drafted contract sentence by sentence (list lines count as sentences) and
looks for eight elements, each worth one point, with half a point where an element is there
but incomplete:

1. confidentiality: what is said in the set stays in the set;
2. its safeguarding limit: when confidentiality gives way (a child or adult who may be at risk
   of harm, a safeguarding or professional duty) and what would then happen: the member with the
   duty acts through their own organisation's procedures. A limit that leaves the decision with
   the set ("we say so in the set first", "we agree together what to do", "agree with the person
   concerned who is told") earns half, with a reason: where someone may be at risk, what happens
   is not the set's to talk over or agree;
3. attendance and punctuality: coming to every meeting (and what to do if you cannot), and
   starting and finishing on time;
4. airtime: how time is shared fairly, with time-keeping alone earning half;
5. questions rather than advice: questions, set against advice, solutions or telling;
6. review and ownership: the set owns its agreement and will revisit or change it;
7. sponsors: what, if anything, goes to sponsors (a board, managers, commissioners), and in what
   form, or what does not;
8. the series: how many meetings, over what period, and on dates fixed in advance, with the
   length or the dates alone earning half.

Each family of words is generous with synonyms, because a set writes its rules in its own words.
It is a reading aid, not a judge: it cannot tell a wise contract from a list of the right words,
and the feedback says what it found, quoting the trainee's own sentence, or what to consider
adding. It never raises on any input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from actionlearning.checks import CheckResult, ItemResult
from actionlearning.checks.text import as_text, best_level, both_halves, first, quote, rx, sentences

TITLE = "Your contract"
LONG_CONTRACT_WORDS = 300  # beyond this, a note: a set remembers a few lines on a flip chart


# --- Word families (regular expressions, case-insensitive) -----------------------------------

CONFIDENTIAL = rx(
    r"confidential|\bin\s+confidence\b|\bconfidences\b|keep\w*\s+(?:\w+\s+){0,2}confidence|chatham\s+house"
    r"|\b(?:is|are|stays?|remains?|kept|keep\s+it)\s+private\b"
    r"|stays?\s+(?:in|within|inside|here|with(?:in)?\s+(?:us|the set|the group))"
    r"|(?:stay|kept|keep|remain)s?\s+(?:in|within|inside)\s+(?:the|this|our)\s+(?:room|set|group)"
    r"|(?:does\s*n[o']t|doesn't|won't|will not|never|not)\s+(?:go|leave|travel)\s+"
    r"(?:beyond|outside|out of)?\s*(?:the|this|our)\s+(?:room|set|group)"
    r"|leaves?\s+(?:the|this)\s+(?:room|set)"
    r"|(?:not|never|n't)\s+(?:be\s+)?(?:repeat|discuss|share|pass|talk|mention|gossip|tell)\w*"
    r"[^.;]{0,40}\b(?:outside|beyond|elsewhere|after)"
    r"|private\s+to\s+(?:the|this|our)\s+(?:set|group)"
    r"|what(?:'s|\s+is|\s+gets)?\s+said\s+(?:here|in\s+(?:the|this)\s+(?:set|room|group))"
)
CHATHAM = rx(r"chatham\s+house")
CONFIDENTIAL_NOT_CHATHAM = rx(CONFIDENTIAL.pattern.replace(r"|chatham\s+house", ""))
# Where confidentiality gives way: harm, risk, safeguarding, professional or legal duty.
LIMIT = rx(
    r"safeguard|\bat\s+risk\b|risk\s+(?:of|to)\b|\bharm|\bdanger|\bunsafe|\babuse|neglect"
    r"|child\s+protection|adult\s+protection|patient\s+safety|\bsafety\s+of|\bwelfare"
    r"|(?:worried|concerned|concerns?)\s+(?:about|for)\s+(?:a|the|someone|anyone|somebody|any)\b"
    r"|duty\s+of\s+care|(?:professional|statutory|legal|regulatory)\s+(?:duty|duties|obligation|code|requirement)"
    r"|required\s+by\s+law|\bthe\s+law\s+requires|\billegal|\bcrime|\bcriminal|\bfraud"
    r"|(?:serious|gross)\s+(?:misconduct|malpractice)|whistle-?blow"
)
# What would then happen, and with whom: any step at all (the broad family) ...
LIMIT_ACTION = rx(
    r"\b(?:tell|told|inform|share|shared|sharing|pass(?:ed)?\s+on|report|raise|raised|escalate"
    r"|refer|referr|disclose|flag|contact|act\s+on|take\s+(?:action|it\s+further|further\s+action)"
    r"|say\s+so|speak\s+to|talk\s+to|discuss(?:ed)?\s+(?:it\s+)?with)\w*"
    r"|procedure|polic(?:y|ies)|protocol|designated\s+safeguarding|\bDSL\b|safeguarding\s+(?:lead|team)"
    r"|line\s+manager|appropriate\s+(?:person|people|agency|agencies|authorit)"
    r"|(?:in|with)\s+the\s+set\s+first|\bfirst\b|before\s+(?:we|anyone|anything|acting|sharing)"
    r"|agree\s+(?:together|with)|the\s+person\s+(?:concerned|involved)"
)
# ... the route that actually protects someone: the member's own procedures, lead or referral ...
LIMIT_ROUTE = rx(
    r"\b(?:procedure|polic(?:y|ies)\b|protocol|designated\s+safeguarding|DSL\b"
    r"|safeguarding\s+(?:lead|team|officer|manager|advice|duties|duty)|refer(?:s|red|ral|ring)?\b"
    r"|report(?:s|ed|ing)?\s+(?:it|them|this|the\s+concern|to)\b|escalat|inform(?:s|ed)?\b"
    r"|pass(?:es|ed)?\s+(?:it\s+)?on\b|acts?\s+on\s+(?:it|this|that|the\s+concern)|(?:will|we|they)\s+act\b"
    r"|take\s+(?:action|it\s+further)|social\s+care|police\b|line\s+manager"
    r"|appropriate\s+(?:person|people|agency|agencies|authorit)"
    r"|(?:professional|statutory|legal)\s+(?:duty|duties|obligation))"
)
# ... and wording that hands the decision to the set instead.
SET_DECIDES = rx(
    r"(?:\b(?:say|raise|tell|bring|discuss|talk|share)\w*\s+(?:\w+\s+){0,3}?)?"
    r"\b(?:here|(?:the|this)\s+(?:set|group|room))\s+first"
    r"|\b(?:agree|decide)\w*\s+(?:together|as\s+a\s+(?:set|group)|in\s+the\s+(?:set|group)|between\s+us)"
    r"|\b(?:the\s+)?(?:set|group)\s+(?:will\s+)?(?:agrees?|decides?)\s+(?:who|what|how|whether)"
    r"|\b(?:agree|decide)\w*\s+with\s+(?:the\s+)?(?:person|member|presenter|them|him|her)\b"
    r"(?:\s+(?:concerned|involved|who\s+raised\s+it))?\s+(?:who|what|whether|how)"
    r"|\btalk\w*\s+it\s+(?:over|through)|\bdiscuss\w*\s+(?:it\s+)?(?:here|together|in\s+the\s+(?:set|group))"
)
SERIOUS = rx(r"\bserious(?:ly)?\s+harm")
ABSOLUTE = rx(
    r"\b(?:no|without)\s+exceptions?\b|under\s+any\s+circumstances|absolute(?:ly)?\s+confidential"
    r"|whatever\s+happens"
)

ATTENDANCE = rx(
    r"\battend(?!ed\b)|\bbe\s+there\b|\bturn\s+up|\bshow\s+up|come\s+to\s+(?:every|each|all)"
    r"|\b(?:be|are)\s+(?:there|present)\b|\babsen|\bapolog"
    r"|(?:can(?:'|no)?t|cannot|unable\s+to)\s+(?:come|make\s+it|be\s+there|attend)"
    r"|\bmiss(?:es|ing)?\s+(?:a|any|the)\s+(?:meeting|session)"
    r"|prioriti[sz]e\s+(?:the\s+)?(?:set|meetings?|sessions?)|protect(?:ed)?\s+(?:the\s+)?(?:time|dates?)"
    r"|in\s+(?:the\s+)?diar(?:y|ies)|commit\w*\s+to\s+(?:the\s+)?(?:set|meetings?|sessions?|dates?)"
    r"|\b(?:commit|come|be\s+at|join)\w*\s+(?:to\s+|at\s+)?(?:all|every|each)\b"
)
PUNCTUALITY = rx(
    r"on\s+time|punctual|\bprompt|\blate\b|\blateness|in\s+good\s+time|\barrive\s+(?:early|by)"
    r"|(?:start|begin|finish|end)\w*\s+(?:and\s+(?:finish|end)\w*\s+)?(?:on\s+time|promptly|at\s+\d)"
)
AIRTIME = rx(
    r"air\s*-?\s*time|share\w*\s+(?:the\s+|our\s+)?time|time\s+(?:is\s+|will\s+be\s+)?shared"
    r"|fair(?:ly)?\s+(?:share|shared|split|divided)|\bfair\s+share|equal\s+(?:time|share|turns)"
    r"|(?:room|space|chance|time|turn|opportunity)\s+for\s+(?:everyone|every\s+voice|all|each|the\s+quiet)"
    r"|everyone\s+(?:gets|has|will\s+have)\s+(?:a|the|some|their)\s+(?:chance|turn|time|space|say)"
    r"|(?:not|n't|never)\s+dominat|\bdominat|\bhog|\bbid(?:s|ding)?\b|quiet(?:er)?\s+(?:voices|members|ones)"
    r"|(?:one|each)\s+person\s+(?:at\s+a\s+time|speaks)|take\s+turns|in\s+turn"
)
TIMEKEEPING = rx(
    r"time-?\s*keep|time\s*keeper|keep\w*\s+(?:to\s+)?(?:the\s+)?(?:time|timings?|clock|agenda)"
    r"|\bto\s+time\b|\bslots?\b|(?:watch|hold|mind)\w*\s+the\s+(?:time|clock)|\btimed\b|\b\d+\s*min"
)

QUESTION = rx(
    r"\bquestion|\bcurious|\bcuriosity|\benquir|\binquir"
    r"|\bask\w*[,;:]?\s+(?:rather|not|don't|do\s+not|before|instead|first|open|more|and\s+listen)"
)
# Advice and its cousins, for "no advice" said without naming questions.
NO_ADVICE = rx(r"advi[cs]|\bsolution|\bsolv|\bfix|\bsuggest|\brecommend|\brescu|\binstruct|\bopinion")
ADVICE = rx(
    r"advi[cs]|\bsolution|\bsolv|\bfix|\btell(?:ing)?\b|\btold\b|\bsuggest|\binstruct|\banswer"
    r"|recommend|\brescu|\bopinion|\bstatement|\bjudg|\bexpert|\bwar\s+stor|own\s+(?:story|experience)"
)
CONTRAST = rx(
    r"rather\s+than|instead\s+of|\bbefore\b|\bover\b|\bnot\b|n't\b|\bno\b|\bnever\b|\bonly\b"
    r"|\bavoid|\bresist|\bhold\s+(?:back|off)|\bsit\s+on|\bfirst\b|\blater\b|\bunless\b"
)

REVIEW = rx(
    r"\breview|\brevisit|\brevis|\brenegotiat|\bre-?contract|\bamend|\brefresh"
    r"|\bchange\w*\s+(?:it|them|this|these|the|our|if|as|when)|can\s+(?:be\s+)?change"
    r"|(?:come|go|return)\w*\s+back\s+to|return\w*\s+to\s+(?:it|them|this|the|our)"
    r"|look\w*\s+(?:at\s+(?:it|them|this|these)\s+)?again|(?:read|check)\w*\s+(?:back|again|each|every|at)"
    r"|at\s+the\s+(?:start|beginning)\s+of\s+(?:each|every)|\bliving\b|\bprocess\s+review"
)
OWNERSHIP = rx(
    r"\bour\s+(?:own\s+)?(?:rules|agreement|contract|ground\s+rules|ways?\s+of\s+working)"
    r"|\b(?:we|the\s+set|the\s+group|members)\s+(?:all\s+)?(?:own|owns|agreed?|decided?|decides|made|make|wrote|write|set)\b"
    r"|\bbelongs?\s+to\s+(?:the|this|us|all)|\bconsensus|\btogether\b|\ball\s+of\s+us"
    r"|(?:any|every)(?:one|\s+(?:member|of\s+us))\s+(?:can|may|is\s+free\s+to|will)\s+(?:also\s+)?"
    r"(?:raise|call|name|challenge|ask\s+for|suggest|propose|change|revisit|question|stop|pause|say)"
    r"|\beveryone(?:'s)?\s+(?:agree|responsib)"
    r"|\bwe\s+can\s+(?:each\s+|all\s+)?(?:say|raise|name|challenge|change|revisit)"
    r"|(?:shared|joint|collective)\s+responsib|responsib\w*\s+(?:of|for)\s+(?:all|every|each|the\s+set|us)"
    r"|(?:hold|remind|challenge|call)\w*\s+(?:each\s+other|one\s+another|us|ourselves)"
    r"|\bname\s+it\b"
)
# What a review is of: the agreement, or a word standing for it.
CONTRACT_REF = rx(
    r"\brules?\b|agreement|contract|\bground\b|\bthis\b|\bthese\b|\bthem\b|\bit\b|\bnorms?\b"
    r"|ways?\s+of\s+working|how\s+we\s+(?:work|are\s+working|are\s+doing)|\bprocess"
)
# A sentence that carries on from the one before ("If so, ...", "Only themes ...").
FOLLOW = rx(
    r"\bif\s+so\b|\bin\s+(?:that|which|this|such\s+a)\s+case|\bthen\b|\bthey\b|\bthem\b|\bit\b"
    r"|\bthis\b|\bthat\b|\bthese\b|\bthose\b|\bsuch\b|\bonly\b|\bnothing\b|\bthemes?\b"
    r"|\bunattributed|\banonym"
)

SPONSOR = rx(
    r"\bsponsor|\bboard\b|\bcommissioner|\bdirector|(?:line|senior)\s+manager|\bmanagers\b"
    r"|\bemployer|\b(?:our|home|member|members')\s+organisations?|\bprogramme\s+(?:lead|team|board|office)"
    r"|\bexecutive|\bleadership\s+team|\bfunder"
)
SPONSOR_FLOW = rx(
    r"\breport|\bfeed\s*back|\bfeedback|\bshar|\btell|\btold|\bhear|\bpass|\bsent|\bsend|\binform"
    r"|\bupdat|\bsummar|\bgo(?:es)?\s+(?:to|back|beyond)|\bknow|\bnote\b|\bwrite|\bevaluat|\bthemes?"
)
SPONSOR_WHAT = rx(
    r"\bthemes?\b|unattributed|not\s+attributed|without\s+attribution|anonym|\bno\s+names?\b"
    r"|(?:nothing|no\s+one|nobody)\s+(?:that\s+)?(?:identif|is\s+named|named)|\bidentif"
    r"|\battendance|\bwho\s+(?:attended|came)|\bgeneral|\bprocess\b|\blearning\b"
    r"|\bagree\w*\s+(?:by|with|in|together|first|beforehand|it|them|the)|\b(?:the\s+)?set\s+(?:agrees|decides|sees|approves)"
    r"|\bsee\w*\s+(?:it|them|the\s+(?:words|note|themes|summary))\s+(?:first|before)|\bbefore\s+(?:it|they|anything)\s+(?:go|goes|is)"
    r"|\bnothing\b|\bnot\s+(?:the\s+)?(?:content|details?|what|individual|anyone)|\bonly\b|\bnever\b|\bno\s+reports?\b"
    r"|\bcontent\b|\bstories|\bissues\s+(?:stay|remain)|\bour\s+own\s+(?:learning|words)"
    r"|\bwhat\s+(?:others|other\s+members|anyone|people|colleagues|members)\s+(?:bring|say|said|share)"
    r"|\bothers'"
)


_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)")
# How long the series is: a number of meetings, a period, or its end.
SERIES_LENGTH = rx(
    rf"\b{_NUMBER}\s+(?:\w+\s+)?(?:meetings|sessions|times)\b"
    rf"|\bover\s+(?:the\s+)?(?:next\s+)?(?:{_NUMBER}|a|one)\s+(?:\w+\s+)?(?:months?|weeks?|years?)\b"
    rf"|\b(?:last|final|closing)\s+(?:meeting|session)\b|\b(?:our|the\s+set's)\s+ending\b"
    rf"|\bthe\s+series\b|\buntil\s+(?:the\s+end\s+of\s+)?{_MONTH}\b|\bfrom\s+{_MONTH}\s+(?:to|until)\s+{_MONTH}\b"
)
# When it meets: dates fixed in advance, or a regular rhythm.
SERIES_DATES = rx(
    r"\bdates?\b|\bscheduled\b|\bcalendars?\b|\bdiar(?:y|ies)\b|\bbooked\b|\bin\s+advance\b"
    r"|\bfixed\b|\b(?:every|each)\s+(?:\w+\s+)?(?:weeks?|months?)\b|\bmonthly\b|\bfortnightly\b"
    r"|\bweekly\b"
)


# --- Reading the text ------------------------------------------------------------------------



def _near(
    parts: Sequence[str],
    anchor: re.Pattern[str],
    other: re.Pattern[str],
    among: Sequence[str] | None = None,
) -> tuple[str, str] | None:
    """A sentence matching ``anchor`` and ``other``; or one matching ``anchor`` followed by a
    sentence that carries on from it (``FOLLOW``) and matches ``other``. With ``among``, only
    those sentences may be the anchor."""

    def anchored(part: str) -> bool:
        return bool(anchor.search(part)) and (among is None or part in among)

    for part in parts:
        if anchored(part) and other.search(part):
            return part, part
    for part, following in zip(parts, parts[1:]):
        if anchored(part) and FOLLOW.search(following) and other.search(following):
            return part, following
    return None


# --- The eight elements ----------------------------------------------------------------------


def _confidentiality(parts: Sequence[str]) -> ItemResult:
    found = first(parts, CONFIDENTIAL)
    if found and CHATHAM.search(found) and not first(parts, CONFIDENTIAL_NOT_CHATHAM):
        return ItemResult(
            "confidentiality", 1.0, 1.0,
            f"found {quote(found)}; under the Chatham House Rule what is said may be used "
            "outside, only not attributed: is that what the set means?",
        )
    if found:
        return ItemResult("confidentiality", 1.0, 1.0, f"found {quote(found)}")
    return ItemResult(
        "confidentiality", 0.0, 1.0,
        "nothing found about confidentiality: what will members keep to themselves? "
        "Try, in your set's words, 'what is said in the set stays in the set'",
    )


def _limit_passage(parts: Sequence[str]) -> list[str]:
    """The sentences that name the limit, each with the one after it where that carries on
    (``FOLLOW``) or names the route (``LIMIT_ROUTE``)."""
    passage: list[str] = []
    for i, part in enumerate(parts):
        if LIMIT.search(part):
            passage.append(part)
            if i + 1 < len(parts) and (FOLLOW.search(parts[i + 1]) or LIMIT_ROUTE.search(parts[i + 1])):
                passage.append(parts[i + 1])
    return passage


_ROUTE = (
    "the member with the duty acts that day through their own organisation's procedures and "
    "safeguarding lead (telling the person concerned first only where that is safe), and the set "
    "hears only that it is in hand"
)


def _safeguarding(parts: Sequence[str]) -> ItemResult:
    item = "its safeguarding limit"
    absolute = first(parts, ABSOLUTE)
    limit = first(parts, LIMIT)
    if not limit:
        if absolute:
            return ItemResult(
                item, 0.0, 1.0,
                f"{quote(absolute)} promises more than a set can keep; say where confidentiality "
                "gives way (a child or adult who may be at risk of harm) and what would happen then",
            )
        return ItemResult(
            item, 0.0, 1.0,
            "no limit to confidentiality found: when would it give way (for example, a child or "
            "adult who may be at risk of harm), and what would happen then: who acts, and how?",
        )
    aside = (
        "; 'serious harm' is not the statutory test, and 'may be at risk of harm' is closer to "
        "members' duties" if first(parts, SERIOUS) else ""
    )
    if absolute:
        return ItemResult(
            item, 0.5, 1.0,
            f"a limit is named ({quote(limit)}), but {quote(absolute)} says there are none: "
            "which holds? Make the limit, and what would happen, unmistakable" + aside,
        )
    passage = _limit_passage(parts)
    set_decides = first(passage, SET_DECIDES)
    if set_decides:
        phrase = SET_DECIDES.search(set_decides).group(0)
        return ItemResult(
            item, 0.5, 1.0,
            f"a limit is named, but {quote(phrase)} leaves the decision with the set: where "
            f"someone may be at risk, it is not the set's to talk over or agree; {_ROUTE}" + aside,
        )
    route = first(passage, LIMIT_ROUTE)
    if route:
        return ItemResult(item, 1.0, 1.0, f"the limit and what would happen: {quote(route)}" + aside)
    step = first(passage, LIMIT_ACTION)
    if step:
        return ItemResult(
            item, 0.5, 1.0,
            f"names a limit and a step ({quote(step)}), but not who acts, through which "
            f"procedure, or how soon: for example, {_ROUTE}" + aside,
        )
    return ItemResult(
        item, 0.5, 1.0,
        f"names a limit ({quote(limit)}), but not what would happen: who acts, through which "
        f"procedure, and how soon? For example, {_ROUTE}" + aside,
    )


def _attendance(parts: Sequence[str]) -> ItemResult:
    return both_halves(
        "attendance and punctuality", first(parts, ATTENDANCE), first(parts, PUNCTUALITY),
        only_one="attendance is there ({found}); what about starting and finishing on time?",
        only_other="punctuality is there ({found}); what about coming to every meeting, "
        "and letting the set know if you cannot?",
        missing="nothing found on attendance or punctuality: a set is only as strong as who turns "
        "up, and when; consider 'we come to every meeting, on time, and send word if we can't'",
    )


def _airtime(parts: Sequence[str]) -> ItemResult:
    return best_level(
        "airtime", parts,
        [
            (1.0, (AIRTIME,), "found {found}"),
            (0.5, (TIMEKEEPING,), "time-keeping is there ({found}); how will airtime be shared "
             "fairly, so the quieter voices get their turn?"),
        ],
        "nothing found on sharing time: how will the set share airtime fairly, within a meeting "
        "and across the programme?",
    )


def _questions(parts: Sequence[str]) -> ItemResult:
    item = "questions rather than advice"
    both = first(parts, QUESTION, ADVICE, CONTRAST)
    if both:
        return ItemResult(item, 1.0, 1.0, f"found {quote(both)}")
    asked = first(parts, QUESTION)
    no_advice = first(parts, NO_ADVICE, CONTRAST)
    if asked and no_advice:
        return ItemResult(item, 1.0, 1.0, f"found {quote(asked)} and {quote(no_advice)}")
    if asked:
        return ItemResult(
            item, 0.5, 1.0,
            f"questions are there ({quote(asked)}); say what they take the place of: advice, "
            "solutions, telling",
        )
    if no_advice:
        return ItemResult(
            item, 0.5, 1.0,
            f"found {quote(no_advice)}; what will members offer instead? Name questions",
        )
    return ItemResult(
        item, 0.0, 1.0,
        "nothing found about questions rather than advice, the rule that makes a set a set; "
        "consider 'we ask questions rather than give advice'",
    )


def _review(parts: Sequence[str]) -> ItemResult:
    item = "review and ownership"
    review = first(parts, REVIEW, CONTRACT_REF)
    owned = first(parts, REVIEW, CONTRACT_REF, OWNERSHIP) or first(parts, OWNERSHIP)
    if review and owned:
        review = owned if REVIEW.search(owned) and CONTRACT_REF.search(owned) else review
        said = quote(review) if review == owned else f"{quote(review)} and {quote(owned)}"
        return ItemResult(item, 1.0, 1.0, f"found {said}")
    if review:
        return ItemResult(
            item, 0.5, 1.0,
            f"review is there ({quote(review)}); whose agreement is it? Say that the set owns it "
            "and that anyone can raise it",
        )
    if owned:
        return ItemResult(
            item, 0.5, 1.0,
            f"ownership is there ({quote(owned)}); when and how will the set revisit or change "
            "its agreement?",
        )
    return ItemResult(
        item, 0.0, 1.0,
        "nothing found on how the set will own, review or change its agreement; a contract is a "
        "living thing: when will you come back to it, and who can?",
    )


def _sponsors(parts: Sequence[str]) -> ItemResult:
    item = "what sponsors hear"
    flow = first(parts, SPONSOR, SPONSOR_FLOW)
    about_sponsors = [p for p in parts if SPONSOR.search(p) and SPONSOR_FLOW.search(p)]
    if not flow:
        named = first(parts, SPONSOR)
        reason = (
            f"a sponsor or organisation is mentioned ({quote(named)}), but not what they will hear"
            if named
            else "nothing found about sponsors"
        )
        return ItemResult(
            item, 0.0, 1.0,
            reason + ": what, if anything, goes to the board or members' managers, in what form, "
            "and who decides?",
        )
    pair = _near(parts, SPONSOR, SPONSOR_WHAT, among=about_sponsors)
    if pair:
        where, what = pair
        said = quote(where) if where == what else f"{quote(where)} and {quote(what)}"
        return ItemResult(item, 1.0, 1.0, f"found {said}")
    return ItemResult(
        item, 0.5, 1.0,
        f"sponsors are there ({quote(flow)}); say what they will, and will not, hear: for "
        "example unattributed themes the set has agreed, and never individual members' issues",
    )


def _series(parts: Sequence[str]) -> ItemResult:
    return both_halves(
        "the series and its dates", first(parts, SERIES_LENGTH), first(parts, SERIES_DATES),
        only_one="the length of the series is there ({found}); are the dates fixed from the "
        "start, so that members can protect them?",
        only_other="when the set meets is there ({found}); how many meetings, over what period, "
        "and which will be the last?",
        missing="nothing found about the series: how many times will the set meet, over what "
        "period, and are the dates fixed from the start? It matters most when a set meets only a "
        "few times",
    )


ELEMENTS: tuple[Callable[[Sequence[str]], ItemResult], ...] = (
    _confidentiality, _safeguarding, _attendance, _airtime, _questions, _review, _sponsors, _series,
)
ELEMENT_NAMES = (
    "confidentiality", "its safeguarding limit", "attendance and punctuality", "airtime",
    "questions rather than advice", "review and ownership", "what sponsors hear",
    "the series and its dates",
)


def score_contract(draft: object) -> CheckResult:
    """Eight elements of a set's contract, a point each, half a point where one is incomplete.

    ``draft`` is the contract as one string (lines or sentences) or a list of strings, one
    agreement each. Reasons quote what was found, or say what to consider adding.
    """
    text = as_text(draft)
    if text is None or not text.strip():
        reason = (
            "no contract yet: write it between the triple quotes, one agreement a line"
            if text is not None or draft is None
            else f"expected text (a string, or a list of strings), but found {type(draft).__name__}"
        )
        return CheckResult(TITLE, tuple(ItemResult(name, 0.0, 1.0, reason) for name in ELEMENT_NAMES))
    parts = sentences(text)
    words = len(text.split())
    title = TITLE
    if words > LONG_CONTRACT_WORDS:
        title += f" ({words} words: long for a flip chart; a set remembers a few lines)"
    return CheckResult(title, tuple(element(parts) for element in ELEMENTS))
