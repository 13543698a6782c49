"""A supervision contract and development plan, checked for its elements (session 9).

A new facilitator drafts their part of the course's three-way supervision contract (between
them, their supervisor and their sponsor or employer), in their own words, and a development
plan of goals. The check reads the contract sentence by sentence (list lines count as
sentences) for five elements, and the plan for two goals, a point each, with partial credit
where an element is there but incomplete:

1. frequency and length: how often you meet, and for how long;
2. confidentiality and its limits: what stays between you, when it would give way (someone at
   risk of harm, unsafe practice, a professional or safeguarding duty) and what would then
   happen;
3. what you bring: the facilitator's part, such as episodes from their sets, their log, an
   agenda or questions, and how they prepare;
4. the functions covered: formative (development, skills, feedback), normative (standards,
   ethics, accountability) and restorative (support, what the work stirs up), in Proctor's terms
   or your own words;
5. the sponsor's part: what the sponsor or employer agrees to (releasing time, not asking what
   is said) and what they hear (the practical facts: that supervision is taking place,
   attendance, the stage and any change of it), in the sentences that name them or the
   sentence after;
6 and 7. two development goals, each with an action (what you will do, with a verb) and a when
   (a date, a meeting, a time frame).

The word families are generous, because a contract is written in its writer's own words. The
check is a reading aid, not a judge: it cannot tell a wise contract from one with the right
words, and its feedback quotes what it found, or says what to consider adding. It never raises.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from actionlearning.checks import CheckResult, ItemResult
from actionlearning.checks.contract import ABSOLUTE, LIMIT, LIMIT_ACTION
from actionlearning.checks.text import as_text, best_level, both_halves, first, quote, rx, sentences

TITLE = "Your supervision contract and development plan (a guide for redrafting, not a mark: your trainer marks this part)"
ELEMENT_NAMES = (
    "frequency and length", "confidentiality and its limits", "what you bring",
    "functions covered", "the sponsor's part", "development goal 1", "development goal 2",
)
CONTRACT_ELEMENTS = 5
GOAL_KEYS = ("goal", "action", "when")


_NUMBER = r"(?:\d+|one|two|three|four|five|six|eight|ten|twelve|a|an|each|every|other)"

FREQUENCY = rx(
    r"\b(?:weekly|fortnightly|monthly|quarterly|bi-?monthly|bi-?weekly|daily)\b"
    r"|\bevery\s+(?:\w+\s+){0,2}(?:week|fortnight|month|meeting|session|set\s+meeting)s?\b"
    r"|\b(?:once|twice|\w+\s+times)\s+(?:a|an|per|each|every)\s+(?:week|fortnight|month|term|year|quarter)"
    r"|\b(?:each|per|a)\s+(?:week|fortnight|month|term|quarter)\b"
    r"|\b(?:after|before|between)\s+(?:each|every|all|our|my)\s+(?:\w+\s+)?(?:set\s+)?(?:meetings?|sessions?|sets?)\b"
    rf"|\b{_NUMBER}\s+(?:sessions?|meetings?|times)\s+(?:over|in|across|during|a|per|each)\b"
)
LENGTH = rx(
    r"\b\d+(?:\.\d+)?\s*(?:-|to|–)?\s*(?:\d+\s*)?(?:minutes?|mins?|hours?|hrs?)\b"
    r"|\b(?:an?|one|two|three|half\s+an?|one\s+and\s+a\s+half|an\s+hour\s+and\s+a)\s+(?:hour|half)s?\b"
    r"|\b(?:ninety|sixty|forty-five|forty|thirty|seventy-five|fifty)[\s-]+minutes?\b"
    r"|\bhour-?long\b|\b(?:an?|one|two|half)[-\s]+(?:hour|day)\b"
)
CONFIDENTIAL = rx(
    r"confidential|\bin\s+confidence\b|\bprivate\b|\bprivacy\b"
    r"|\b(?:stays?|remains?|kept|keep)\s+(?:\w+\s+){0,2}(?:between\s+(?:us|the\s+two\s+of\s+us|you\s+and\s+me|ourselves)|in\s+the\s+room|in\s+supervision)"
    r"|\bbetween\s+(?:us|the\s+two\s+of\s+us|you\s+and\s+me)\b"
    r"|(?:not|never|n't)\s+(?:be\s+)?(?:repeat|discuss|share|pass|talk|mention|tell)\w*[^.;]{0,40}\b(?:outside|beyond|elsewhere|anyone)"
)
# Limits particular to supervision, beside the set's safeguarding limits.
SUPERVISION_LIMIT = rx(
    r"unsafe\s+practi|\bpoor\s+practi|dangerous\s+practi|fitness\s+to\s+practi|\bunethical"
    r"|concerns?\s+(?:about|with|over)\s+(?:my|your|someone's|a\s+colleague's)?\s*(?:practi|conduct|competence)"
    r"|\bmisconduct|\bprofessional\s+(?:body|standards|code|registration)|\bregulator|\bHCPC\b|\bNMC\b|\bSocial\s+Work\s+England\b|\bGMC\b|\bBACP\b|\bUKCP\b|\bBPS\b"
    r"|\bcode\s+of\s+(?:conduct|ethics|practice)"
)
LIMIT_ANY = rx(f"(?:{LIMIT.pattern})|(?:{SUPERVISION_LIMIT.pattern})")

BRING_VERB = rx(
    r"\bbring|\bbrought|\bcome\s+(?:with|prepared|ready)|\bprepar|\bsend\w*|\bshare\w*|\bset\w*\s+the\s+agenda"
    r"|\bagenda|\bchoose\s+(?:what|the)|\bdecide\s+what|\bidentif\w+\s+(?:what|an?|the)|\btake\s+(?:along|to\s+supervision)"
    r"|\bpick\s+(?:an?|the|one)|\blead\s+(?:the|on)"
)
BRING_WHAT = rx(
    r"\bepisodes?\b|\bmoments?\b|\bincidents?\b|\bexamples?\b|\bextracts?\b|\bquestions?\b|\bissues?\b"
    r"|\blog\b|\bjournal|\bnotes?\b|\brecordings?\b|\bdilemmas?\b|\bagenda\b|\breflections?\b"
    r"|\bsituations?\b|\bcases?\b|\bwhat\s+(?:happened|i\s+want|i\s+need|is\s+on\s+my\s+mind)|\bfeedback\b"
    r"|\bconcerns?\b|\bsomething\b|\bpriorit|\bgoals?\b|\bplan\b|\bcritical\s+incidents?\b"
)

FORMATIVE = rx(
    r"\bformative|\bdevelop|\blearn|\bskills?\b|\bgrow|\bfeedback|\bcompeten|\bpractis|\bpractic(?:e|ing)\s+(?:new|my|skills)"
    r"|\bimprov|\bconfidence\s+(?:as|in\s+my)|\bcraft\b|\bstretch|\bchallenge\s+me"
)
NORMATIVE = rx(
    r"\bnormative|\bstandards?\b|\bethic|\baccountab|\bquality|\bgood\s+practice|\bsafe\s+practice|\bboundar"
    r"|\bcode\s+of|\bpolic(?:y|ies)|\bexpectations?\s+of\s+(?:the|my)\s+(?:programme|sponsor|organisation|role)"
    r"|\bmanagerial|\bresponsibilit|\bcontract\s+with\s+(?:the|my)\s+(?:set|sponsor|programme)"
)
RESTORATIVE = rx(
    r"\brestorative|\bwell-?being|\bresilien|\bemotion|\bfeelings?\b|\bstress|\bburn-?out|\bresourc(?:e|ing)\s+me"
    r"|\boff-?load|\bvent\b|\bsupport(?!\w*\s+(?:my|your|the)\s+(?:development|learning|skills|growth))"
    r"|\bsustain|\breplenish|\brecharge|\bcare\s+for\s+(?:me|myself)|\bself-?care|\bwhat\s+the\s+work\s+stirs"
    r"|\bstirs?\s+up|\bheavy|\bdifficult\s+feelings|\bdistress|\banxi|\btired|\bexhaust"
)
FUNCTIONS = (("formative", FORMATIVE), ("normative", NORMATIVE), ("restorative", RESTORATIVE))

# The third party to the contract, and what they agree to and hear.
SPONSOR = rx(
    r"\bsponsors?\b|\bemployer|\bline\s+manager|\bcommissioner|\bcommissioned\b|\bprogramme\s+lead"
    r"|\bthree-?\s*way\b|\btripartite|\bmy\s+(?:director|manager|organisation|trust)\b"
)
SPONSOR_AGREES = rx(
    r"\breleas|\bprotect\w*\s+(?:my\s+|the\s+)?time|\bfree\s+up|\btime\s+(?:for|off|to)\b"
    r"|\bhours?\s+(?:a|per|each|every)\s+month|\b(?:not|never|n't)\s+(?:to\s+)?(?:ask|request|expect)"
    r"|\bfund|\bpay|\bcover\w*\s+(?:my\s+)?(?:time|cost)|\bbackfill"
)
SPONSOR_HEARS = rx(
    r"\bhears?\b|\btold\b|\btells?\b|\binform|\breport|\bsummary|\bknows?\b|\bupdated?\b"
    r"|\bshared?\s+with|\bsee[sn]?\b|\bnotif"
)

# What would make an action something you could see someone do.
ACTION_VERB = rx(
    r"\b(?:ask|invite|record|bring|observe|read|write|keep|note|try|practis|practic|count|use|meet|book"
    r"|arrange|share|discuss|video|audio|film|seek|request|co-?facilitat|facilitat|hand|rotate|plan|review"
    r"|wait|pause|name|check|time|track|log|list|attend|join|shadow|sit\s+in|tell|agree|contract|re-?contract"
    r"|send|email|call|phone|offer|design|draft|prepare|run|lead|hold|set\s+up|find|identify|map|reflect"
    r"|journal|summaris|feed\s*back|get\s+feedback|watch|listen|limit|stop|start|step\s+back|leave|let"
    r"|stay|allow|give|choose|pick|make|buddy|pair|swap|complete|study|visit|talk|speak|present|bid)\w*"
)
VAGUE = rx(
    r"^\s*(?:to\s+)?(?:i\s+(?:will|'ll|want\s+to|would\s+like\s+to|hope\s+to|aim\s+to|need\s+to)\s+)?"
    r"(?:be\s+(?:more|less|better)|improve|work\s+on|think\s+about|consider|focus\s+on|develop|get\s+better"
    r"|become|continue|aim\s+to|try\s+to\s+be|be\s+aware|look\s+into|explore\s+ways|reflect\s+more)\b"
)
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WHEN = rx(
    rf"\b(?:{MONTHS})\b|\b\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?\b|\b20\d\d\b"
    r"|\b(?:by|before|after|at|in|from|until|for|over|within|during)\s+(?:the\s+)?(?:end\s+of\s+)?(?:my\s+|our\s+|the\s+)?"
    r"(?:next|first|second|third|fourth|fifth|sixth|last|final|each|every|\d+(?:st|nd|rd|th)?|one|two|three|four|five|six|eight|ten|twelve)"
    r"\s+(?:\w+\s+)?(?:set\s+)?(?:meetings?|sessions?|sets?|supervisions?|weeks?|months?|days?|quarters?|terms?|slots?)\b"
    r"|\b(?:next|this|each|every)\s+(?:week|month|meeting|session|supervision|set\s+meeting|time|term|quarter)\b"
    r"|\b(?:weekly|fortnightly|monthly)\b|\bby\s+(?:then|the\s+time|the\s+end|half-?term|summer|spring|autumn|winter|christmas|easter)"
    r"|\b(?:spring|summer|autumn|winter)\b|\bend\s+of\s+(?:the\s+)?(?:month|term|year|quarter|programme|set)"
    r"|\bfrom\s+(?:now|the\s+next|my\s+next|the\s+first)|\bstarting\s+(?:now|next|at|from|with)|\btomorrow\b|\btoday\b"
    r"|\bwithin\s+\w+\s+(?:weeks?|months?|days?)|\bin\s+\w+\s+(?:weeks?|months?|days?)'?\s*(?:time)?"
    r"|\b(?:at|in|after|before)\s+(?:each|every|my|our|the)\s+(?:\w+\s+)?(?:meeting|session|supervision|set)s?\b"
    r"|\b(?:next|first|second|third|fourth|fifth|sixth|last|final|coming)\s+(?:\w+\s+){0,2}"
    r"(?:meetings?|sessions?|supervisions?|weeks?|months?|sets?)\b"
    r"|\b(?:each|every)\s+(?:\w+\s+){0,3}(?:meetings?|sessions?|supervisions?|weeks?|months?)\b"
)
VAGUE_WHEN = rx(r"^\s*(?:soon|asap|as\s+soon\s+as\s+possible|ongoing|when\s+i\s+can|when\s+possible|tbc|tbd|later|sometime|always|eventually|in\s+time|in\s+due\s+course)\W*$")


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# --- The contract -------------------------------------------------------------------------


def _frequency(parts: Sequence[str]) -> ItemResult:
    return both_halves(
        "frequency and length", first(parts, FREQUENCY), first(parts, LENGTH),
        only_one="how often is there ({found}); for how long will you meet each time?",
        only_other="how long is there ({found}); how often will you meet?",
        missing="nothing found on how often you meet, or for how long: for example 'we meet for "
        "ninety minutes every month while I facilitate'",
    )


def _confidentiality(parts: Sequence[str]) -> ItemResult:
    item = "confidentiality and its limits"
    kept = first(parts, CONFIDENTIAL)
    limit = first(parts, LIMIT_ANY)
    absolute = first(parts, ABSOLUTE)
    acted = first(parts, LIMIT_ANY, LIMIT_ACTION)
    if not acted:
        # A limit in one sentence, what would happen in the next.
        for part, following in zip(parts, parts[1:]):
            if LIMIT_ANY.search(part) and LIMIT_ACTION.search(following) and not LIMIT_ANY.search(following):
                acted = f"{part} {following}"
                break
    if absolute and not limit:
        return ItemResult(
            item, 0.25 if kept else 0.0, 1.0,
            f"{quote(absolute)} promises more than supervision can keep: where would "
            "confidentiality give way, and what would happen then?",
        )
    if kept and acted and not absolute:
        said = quote(kept) if kept in acted else f"{quote(kept)} and {quote(acted)}"
        return ItemResult(item, 1.0, 1.0, f"confidentiality, its limit and what would happen: {said}")
    if kept and limit:
        reason = (
            f"a limit is named ({quote(limit)}), but {quote(absolute)} says there are none: which holds?"
            if absolute
            else f"confidentiality and a limit are there ({quote(limit)}); what would happen then: "
            "who would raise it, with whom, and would you talk it through together first?"
        )
        return ItemResult(item, 0.5, 1.0, reason)
    if kept:
        return ItemResult(
            item, 0.5, 1.0,
            f"confidentiality is there ({quote(kept)}); where does it give way (a risk of serious "
            "harm, unsafe practice) and what would happen then?",
        )
    if limit:
        return ItemResult(
            item, 0.5, 1.0,
            f"a limit is there ({quote(limit)}), but not the confidentiality it limits: what will "
            "stay between you and your supervisor?",
        )
    return ItemResult(
        item, 0.0, 1.0,
        "nothing found on confidentiality: what stays between you, where would it give way (for "
        "example someone may be at risk of harm), and what would happen then?",
    )


def _bring(parts: Sequence[str]) -> ItemResult:
    return best_level(
        "what you bring", parts,
        [
            (1.0, (BRING_VERB, BRING_WHAT), "found {found}"),
            (0.5, (BRING_VERB,), "found {found}; say what you will bring: an episode from a set, "
             "your log, a question you want help with?"),
        ],
        "nothing found on your part: what will you bring to each supervision (episodes from your "
        "sets, your log, an agenda), and how will you prepare?",
    )


def _functions(parts: Sequence[str]) -> ItemResult:
    item = "functions covered"
    found = {name: first(parts, pattern) for name, pattern in FUNCTIONS}
    present = [name for name, where in found.items() if where]
    missing = [name for name, where in found.items() if not where]
    points = {3: 1.0, 2: 0.5, 1: 0.25}.get(len(present), 0.0)
    if not present:
        return ItemResult(
            item, 0.0, 1.0,
            "no function of supervision found: what is it for? Proctor's three are formative "
            "(your development), normative (standards and accountability) and restorative "
            "(support for you)",
        )
    by_sentence: dict[str, list[str]] = {}
    for name in present:
        by_sentence.setdefault(found[name], []).append(name)
    said = "; ".join(
        f"{_and(names)} in {quote(sentence, 50)}" for sentence, names in by_sentence.items()
    )
    if not missing:
        return ItemResult(item, points, 1.0, f"all three: {said}")
    return ItemResult(
        item, points, 1.0,
        f"found {said}; what about {_and(missing)}? "
        + " ".join(_HINTS[name] for name in missing),
    )


def _sponsor(parts: Sequence[str]) -> ItemResult:
    item = "the sponsor's part"
    # A sentence that names the sponsor, and the one after it ("They hear ...").
    pool: list[str] = []
    for n, part in enumerate(parts):
        if SPONSOR.search(part):
            pool += [p for p in parts[n : n + 2] if p not in pool]
    named = first(parts, SPONSOR)
    agrees, hears = first(pool, SPONSOR_AGREES), first(pool, SPONSOR_HEARS)
    if agrees and hears:
        said = quote(agrees) if agrees == hears else f"{quote(agrees)} and {quote(hears)}"
        return ItemResult(item, 1.0, 1.0, f"what your sponsor agrees to and what they hear: {said}")
    if agrees:
        return ItemResult(item, 0.5, 1.0, f"what your sponsor agrees to is there ({quote(agrees)}); what "
                          "will they hear, and what will they not hear?")
    if hears:
        return ItemResult(item, 0.5, 1.0, f"what your sponsor hears is there ({quote(hears)}); what do "
                          "they agree to, such as releasing your time and not asking what is said?")
    if named:
        return ItemResult(item, 0.25, 1.0, f"your sponsor is named ({quote(named)}); what do they agree to, "
                          "and what will they hear?")
    return ItemResult(
        item, 0.0, 1.0,
        "nothing found on your sponsor or employer, the third party to the contract: what do they "
        "agree to (your time, not asking what is said), and what will they hear?",
    )


_HINTS = {
    "formative": "Formative: how will supervision help you develop as a facilitator?",
    "normative": "Normative: how will it attend to standards, ethics and your contracts?",
    "restorative": "Restorative: where will what the work stirs up in you go?",
}


# --- The development plan -----------------------------------------------------------------


def _goal_fields(raw: object) -> tuple[str, str, str] | None:
    """(goal, action, when) from a dictionary, or from a single line of text (all in one)."""
    if isinstance(raw, Mapping):
        values = []
        for key in GOAL_KEYS:
            value = raw.get(key)
            values.append(" ".join(value.split()) if isinstance(value, str) else "")
        return tuple(values)  # type: ignore[return-value]
    if isinstance(raw, str):
        text = " ".join(raw.split())
        return (text, text, text)
    return None


def _action_ok(action: str) -> tuple[float, str]:
    words = action.split()
    if not action:
        return 0.0, "no action yet: what will you do, that someone could see you do?"
    if len(words) < 3:
        return 0.0, f"the action {quote(action)} is too short to act on: what will you do?"
    if ACTION_VERB.search(action) and not VAGUE.match(action):
        return 1.0, f"action {quote(action)}"
    if VAGUE.match(action) and not ACTION_VERB.search(VAGUE.sub("", action, count=1)):
        return 0.5, (
            f"{quote(action)} names an intention; what will you actually do, that someone could "
            "see, to get there?"
        )
    return 1.0, f"action {quote(action)}"


def _when_ok(when: str, action: str) -> tuple[bool, str]:
    if when and VAGUE_WHEN.match(when):
        return False, f"{quote(when)} is hard to review: by when, or at which meeting?"
    for text in (when, action):
        if text and WHEN.search(text):
            return True, f"when {quote(text if text == when else WHEN.search(text).group(0))}"
    if when:
        return False, f"could not find a date or time in {quote(when)}: by when, or at which meeting?"
    return False, "no when: by when, or at which meeting, will you have done it?"


def _goal(n: int, raw: object) -> ItemResult:
    item = f"development goal {n}"
    fields = _goal_fields(raw)
    if fields is None:
        return ItemResult(
            item, 0.0, 1.0,
            f"expected a dictionary with 'goal', 'action' and 'when', but found {type(raw).__name__}",
        )
    goal, action, when = fields
    if not goal:
        return ItemResult(item, 0.0, 1.0, "not written yet: what do you want to develop as a facilitator?")
    action_points, action_reason = _action_ok(action)
    has_when, when_reason = _when_ok(when, action)
    if action_points == 1.0 and has_when:
        return ItemResult(item, 1.0, 1.0, f"goal {quote(goal, 50)}, with {action_reason} and {when_reason}")
    if action_points == 1.0 or has_when:
        good = action_reason if action_points == 1.0 else when_reason
        bad = when_reason if action_points == 1.0 else action_reason
        return ItemResult(item, 0.5, 1.0, f"goal {quote(goal, 50)}, with {good}; but {bad}")
    return ItemResult(item, 0.25, 1.0, f"goal {quote(goal, 50)}; {action_reason}; and {when_reason}")


def _goals(goals: object) -> list[ItemResult]:
    """Two items: the two most complete goals, or a reason for each that is missing."""
    if isinstance(goals, Mapping):
        goals = [goals]
    if goals is None or (isinstance(goals, (list, tuple)) and not goals):
        reason = "no development goals yet: write two, each with an action and a when"
        return [ItemResult(f"development goal {n}", 0.0, 1.0, reason) for n in (1, 2)]
    if not isinstance(goals, (list, tuple)):
        reason = f"expected a list of goals, each a dictionary, but found {type(goals).__name__}"
        return [ItemResult(f"development goal {n}", 0.0, 1.0, reason) for n in (1, 2)]
    # Blank goals (as in the answer cell before it is filled in) are not counted.
    written = [g for g in goals if (_goal_fields(g) or ("x",))[0]]
    scored, seen = [], {}
    for n, raw in enumerate(written, start=1):
        fields = _goal_fields(raw)
        key = fields[0].lower().strip(" .") if fields else None
        if key and key in seen:
            scored.append(ItemResult(
                f"development goal {n}", 0.0, 1.0,
                f"the same goal as goal {seen[key]}; what else do you want to develop?",
            ))
            continue
        if key:
            seen[key] = n
        scored.append(_goal(n, raw))
    if len(scored) > 2:
        best = sorted(sorted(range(len(scored)), key=lambda i: -scored[i].points)[:2])
        scored = [
            ItemResult(f"development goal {n}", scored[i].points, 1.0,
                       f"{scored[i].reason} (the two most complete of your {len(scored)} goals count)")
            for n, i in enumerate(best, start=1)
        ]
    while len(scored) < 2:
        n = len(scored) + 1
        scored.append(ItemResult(
            f"development goal {n}", 0.0, 1.0,
            f"{'no second goal yet' if n == 2 else 'not written yet'}: add a goal, with an action and a when",
        ))
    return scored


# --- Together -------------------------------------------------------------------------------


def score_supervision_plan(contract: object, goals: object) -> CheckResult:
    """Five elements of a supervision contract and two development goals, a point each.

    ``contract`` is the contract as text (sentences or lines) or a list of strings; ``goals``
    is a list of dictionaries with ``goal``, ``action`` and ``when``. Half points (and a
    quarter for one function of three) where an element is there but incomplete; every reason
    quotes what was found, or says what to consider adding.
    """
    text = as_text(contract)
    if text is None or not text.strip():
        reason = (
            "no contract yet: write it between the triple quotes, a sentence or line for each agreement"
            if text is not None or contract is None
            else f"expected text (a string, or a list of strings), but found {type(contract).__name__}"
        )
        contract_items = [ItemResult(name, 0.0, 1.0, reason) for name in ELEMENT_NAMES[:CONTRACT_ELEMENTS]]
    else:
        parts = sentences(text)
        contract_items = [_frequency(parts), _confidentiality(parts), _bring(parts), _functions(parts),
                          _sponsor(parts)]
    try:
        goal_items = _goals(goals)
    except Exception as error:  # a reading aid must never stop a notebook
        goal_items = [ItemResult(f"development goal {n}", 0.0, 1.0,
                                 f"could not read the goals ({type(error).__name__}); keep the shape of the answer cell")
                      for n in (1, 2)]
    return CheckResult(TITLE, tuple(contract_items + goal_items))
