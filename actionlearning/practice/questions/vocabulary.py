"""The vocabulary of question assessment: the names of forms and issues, and the word lists
and patterns (all compiled once) that recognise them."""

from __future__ import annotations

import re

#: The issues a question can show, in their canonical order.
ISSUES: tuple[str, ...] = ("advice", "leading", "why", "stacked", "long", "rhetorical")

#: The forms a question can take (``None`` when the text is not a question).
FORMS: tuple[str, ...] = ("open", "closed")

#: A turn of this many words or more has stopped being a question (the curriculum's "long").
LONG_WORDS = 35
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

AUX_START = re.compile(rf"^(?:{_AUX_WORDS})(?!['\w])")
AUX_SUBJECT = re.compile(rf"^(?:{_AUX_WORDS})(?!['\w])(?: not)? {_SUBJECT}(?!['\w])")
WH_START = re.compile(rf"^(?:how come|in what way|to what extent|{_WH_WORDS})(?!['\w])")
WH_THEN_AUX = re.compile(
    rf"^(?:{_WH_WORDS})(?!['\w]) (?:else )?(?:{_AUX_WORDS}|'s|'re|'d|'ll|ever|exactly|"
    rf"really|actually|specifically|else|on earth|the hell)(?!['\w])"
)
WH_THEN_PRONOUN = re.compile(rf"^(?:{_WH_WORDS})(?!['\w]) {_PRONOUN}(?!['\w])")
LATER_VERB = re.compile(r"^(?:\S+ ){2,}(?:is|was|seems|seemed|sounds|sounded|struck|took|were)\b")
# A subordinate "When/Where <subject> <verb>, ..." clause: the question, if any, comes after it
# ("When Bev says it's unsafe, what do you notice in yourself?"). Pronoun subjects are caught
# by WH_THEN_PRONOUN; this takes any other subject ("the head", "Bev", "Dr Okafor").
WH_SUBORD = re.compile(r"^(?:when|where)(?!['\w]) (?!(?:and|or|now|next|then|else)(?!['\w]))")
# A free relative with a verb after it: the clause is a statement ("What you need is more
# funding", "What's missing is sign-off"), so a tag or a question mark does not make it open.
FREE_COPULA = re.compile(r"^(?:[\w'-]+,? ){2,8}?(?:is|was|are|were|seems|sounds|means)(?![\w'])")
WH_BARE = re.compile(rf"^(?:{_WH_WORDS})$")

# A facilitator's request about the meeting's process ("Could we pause", "Can I slow us down
# a little"): good practice, not a question of its own beside the one it introduces.
_PROCESS = (
    r"(?:can|could|shall|may|might) (?:we|i) (?:just )?(?:pause|stop|slow (?:down|us down|things "
    r"down)|hold (?:on|it|off|there)|take a (?:moment|breath|step back|pause)|step back|go back|"
    r"come back|check in|park (?:that|this)|step in)(?: (?:there|here|us|for a (?:moment|minute|second|sec|"
    r"tick|mo)|a (?:little|bit|moment|second|sec)|for now|briefly|with (?:the group|the set|everyone|"
    r"everybody|you all|all of you)))*|"
    r"(?:can|could|may) i (?:just )?ask (?:everyone|everybody|the (?:group|set)|us|you all|all of you|"
    r"each of you|people) to [\w' -]+"
)

FILLER = re.compile(
    r"^(?:"
    r"so yeah|so|um+|umm+|erm+|er+|uh+|ah+|oh|like|ok(?:ay)?|right|well|and|but|sorry|hmm+|"
    r"mm+|just|yeah|yes|no|basically|actually|honestly|look|now|also|then|anyway|hi(?: all| "
    r"everyone| everybody| there)?|hello|thanks|thank you|great|lovely|cool|i mean|i guess|"
    r"i suppose|i think|you know|quick question|just to check|to check|just checking|"
    r"(?:just )?out of interest|(?:just )?a thought|(?:just )?a quick one|"
    r"(?:and )?can i (?:just )?ask(?: you)?(?: something| a question| this)?(?=\s*(?:[:,]|\u2014| - ))|"
    r"(?:and )?(?:can|could) (?:i|we)(?: just)?(?=\s*,)|"  # a start abandoned: "Can I, um, so what..."
    r"(?:and )?can i (?:just )?(?:say|add|mention|come in|jump in|be honest)(?: something)?(?=\s*(?:[:,]|\u2014| - ))|"
    r"let me ask(?: you)?(?: this| something)?(?=\s*[:,]|\s+(?:what|how|why|who|where|when))|"
    r"tell (?:me|us)(?: this| something)?(?=\s*[:,])|"
    r"i don't know if this is a (?:stupid|silly|daft|dumb) question(?:,)?(?: but)?|"
    r"this might be a (?:stupid|silly|daft|dumb) question(?:,)?(?: but)?|"
    r"(?:i'm )?sorry(?: to interrupt)?|to be honest|if i may|if i can|"
    rf"{_PROCESS}(?=\s*(?:[,;:.!]|\u2014| - ))"
    r")(?![\w'])[\s,;:.!\u2014-]*"
)
LEADING_JUNK = re.compile(r"^[^\w']+")
VOCATIVE = re.compile(r"^([A-Z][^\W\d_]*(?:[-'][^\W\d_]+)?)(?: [A-Z][^\W\d_]*)?, +")
NOT_VOCATIVE = frozenset(
    "so sorry okay ok right well hmm yes no yeah thanks basically honestly look now also "
    "then anyway just and but i you we they he she it what how why who where when which is "
    "are do does did have has can could will would should money surely really seriously "
    "actually maybe perhaps please listen".split()
)

# Embedded questions: "I'm wondering what...", "My question is whether...".
_I_WONDER = r"i (?:just |do |really |sometimes )?wonder"
EMBED = re.compile(
    r"^(?:(?:so )?i suppose |so )?(?:"
    r"i(?:'m| am) (?:just |really |still )?wondering|i was (?:just |really )?wondering|"
    rf"(?:just |really )?wondering|{_I_WONDER}|i'm left wondering|"
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
EMBED_STEM = re.compile(
    r"^(?:i(?:'m| am) (?:just |really |still )?wondering|i was (?:just |really )?wondering|"
    rf"wondering|{_I_WONDER}|i(?:'m| am) (?:really |just |genuinely )?curious|"
    r"i'd (?:really )?(?:love|like) to|"
    r"i would (?:really )?(?:love|like) to|i'd be (?:really )?(?:curious|interested|keen)|"
    r"i was (?:just )?going to ask|i'd like to ask|my question|the question i have|"
    r"what i'm asking|what i'm wondering|what i want to know|i'm interested in|i'm keen to hear)"
)
EMBED_WH = re.compile(
    rf"^(?:about |on |in )?(?:how come|in what way|{_WH_WORDS})(?!['\w])"
)
EMBED_TAIL = re.compile(
    rf"(?:,|\u2014| - )\s*(?:is|was|would be|it's|is just|is really) (?=(?:{_WH_WORDS}|if|whether)"
    r"(?!['\w]))"
)
ABOUT_PREFIX = re.compile(r"^(?:about|on|in) ")
EMBED_IF = re.compile(r"^(?:about )?(?:if|whether)(?!['\w])")
EMBED_ABOUT = re.compile(r"^(?:about|on|in) (?!(?:if|whether)\b)")
# "I wonder if the board are anxious.": said without a question mark and not about the
# presenter, a hypothesis rather than a question.
WONDER_ALOUD = re.compile(rf"^(?:{_I_WONDER}|wondering)(?![\w'])")
YOU_NEAR = re.compile(r"^(?:if|whether) (?:or not )?(?:you|u)(?![\w'])")

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
REQ_IMPERATIVE = re.compile(rf"^(?:please )?{_REQ_VERB}(?![\w'])")
REQ_WRAPPED = re.compile(
    rf"^(?:can|could|would|will) you (?:please |just |maybe |perhaps |possibly )?{_REQ_VERB}"
    r"(?![\w'])"
)
REQ_SOFT = re.compile(
    r"^(?:do you want|would you like|would you be (?:willing|able|happy)|are you (?:able|happy|"
    r"ok|okay)|is it possible(?: for you)?|do you feel able|would you care|do you fancy)"
    r" to (?:please )?(?:tell|say|talk|describe|explain|share|expand|unpack|"
    r"elaborate|walk|take us|reflect|go into|give|paint|speak)(?![\w'])"
)
REQ_ADVICE = re.compile(
    r"^(?:please )?(?:describe|explain|say|present|put|outline|share) (?:it|this|that|them|"
    r"(?:the|your|our) [\w' -]{1,40}?) (?:to|with) (?:the|your|her|him|them|hr|everyone|"
    r"people)\b"
)
REQ_FACT = re.compile(
    r"(?:tell|remind|give) (?:me|us) (?:when|where|who|whom|which|how many|how much|how long|"
    r"how often|whether|if|the (?:date|time|name|number|deadline))(?![\w'])"
)

# Statements that look like questions at the start ("Is what it is", "Who knows.").
IDIOM_STATEMENT = re.compile(
    r"^(?:who knows|who cares|who'd have thought|who would have thought|who'd've thought|"
    r"what a|what an|how (?:lovely|nice|good|great|kind|wonderful|"
    r"awful|sad|brilliant|exciting|frustrating|annoying|interesting|fab|fabulous|amazing|"
    r"funny|odd|strange|weird|typical)|would you believe it|why not[,.!]|why not$|"
    r"is what it is|do let|have a (?:think|go|look)|have to say|can't say|could be|should be|"
    r"would love|will do|does my head|did a lot|was thinking|can't wait|do what|do try|"
    r"do keep|don't worry|don't forget|do take)(?![\w'])"
)
ELLIPTIC_OPEN = re.compile(
    r"^(?:and|and then|then|thoughts|any thoughts|your thoughts|other thoughts|go on|how so|"
    r"meaning|such as|for example|for instance|in what way|what else|and what else|"
    r"anything more to say|and you|and for you|for you|you|what about you|how about you|"
    r"and how about you|yourself|and yourself)$"
)

# Closed "what" and "how": a specific fact.
WHAT_FACT = re.compile(
    r"^what(?:'s|s| is| was| are| were)? (?:the |your |their |her |his |our )?(?:[\w-]+ )?"
    r"(?:time|date|day|days|deadline|budget|name|number|figure|percentage|proportion|"
    r"waiting time|timescale|timeline for|postcode|address|age|title|job title|caseload|ratio|"
    r"total|amount|size|capacity|cut-off|threshold|start date|end date|target|"
    r"year|month|week|term|split|backlog|take-up|uptake|breakdown|figures)(?![\w'])|"
    r"^what (?:does|did|do) (?:the|your|their|her|his|our|that|this) (?:[\w'-]+ ){0,3}?(?:contract|protocol|"
    r"policy|agreement|guidance|letter|email|report|legislation|law|act|regulations?|code|standard|"
    r"specification|spec|terms|minutes|service level agreement|sla|memorandum|mou) (?:actually |"
    r"exactly )?say(?![\w'])"
)
# "How much of this is about the money?", "How much of X is fixed, and how much up for grabs?":
# a share of the situation, asked for the presenter's view, not a quantity.
HOW_SHARE = re.compile(
    r"^how much of (?:this|that|it|all (?:of )?(?:this|that))(?![\w'])|^how much (?:of )?.{3,80}\band how much\b"
)
HOW_FACT = re.compile(
    r"^how (?:many|much|often|long|old|far|big|soon|frequently|late|early|quickly|large|"
    r"small|fast|regularly)(?:'s)?(?![\w'])"
)
SCALE = re.compile(
    r"(?:\b(?:0|1|one|zero|nought) ?(?:to|-|\u2014|and|out of) ?(?:10|ten)\b|\bscale\b|"
    r"\bout of (?:10|ten)\b|\bscore\b)"
)
# "where" and "when" that plainly invite a perspective: open, with the benefit of the doubt.
WHERE_OPEN = re.compile(
    r"^where(?:'s| is| are| do| does| did| would)? (?:are you with|you with|"
    r"do you (?:want|see|stand|feel|think|go|start|put)|"
    r"does (?:the |your )?(?:power|responsibility|accountability|influence|energy|"
    r"resistance|decision|authority|this|that|it|all this|all of this)(?: \w+)? (?:sit|lie|"
    r"live|fit|come from|leave you)|would you (?:like|want) to (?:start|begin|go)|"
    r"do (?:we|you) go from here|(?:is|are) (?:the|your) (?:energy|heat|resistance|stuck)|"
    r"are you (?:now|at)|have you got to|does that leave|"
    r"(?:are|is|do|does) (?:you|they|he|she|we|the [\w' -]{1,30}?) (?:in|with|on) "
    r"(?:all )?(?:this|that|it)|"
    r"(?:(?:your|the|their|his|her|our) )?[\w' -]{1,30}? (?:in|with|on) all (?:of )?(?:this|that|it))"
)
WHEN_OPEN = re.compile(
    r"^when (?:do|did|have|are|were|would) you (?:feel|felt|notice|noticed|find|found|feeling|"
    r"at your best|most|least|tend)(?![\w'])"
)
WHERE_AUX_YOU = re.compile(r"^where (?:are you|do you|does it|does this|does that)")

# Tag questions turn a statement into a closed, leading question.
TAG = re.compile(
    r",\s*(?:(?:isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|couldn't|"
    r"can't|shouldn't|haven't|hasn't|is|are|was|were|do|does|did|will|would|could|can|should|"
    r"have|has|must|mustn't) (?:it|you|they|we|he|she|that|there|i|this)|right|yeah|yes|no|"
    r"eh|ok|okay|really|surely|don't you think|wouldn't you say|wouldn't you agree|correct|"
    r"true|agreed)\s*$"
)

# The same tags typed with no punctuation at all, as in chat ("they're not going to change now are they"):
# an auxiliary and a pronoun at the very end, not after "so", "nor" or "than".
TAG_UNMARKED = re.compile(
    r"(?<!\bi)(?<!\bso)(?<!\bnor)(?<!\bas)(?<!\bthan)(?<!\bneither),?\s(?:isn't|aren't|wasn't|weren't|don't|doesn't|"
    r"didn't|won't|wouldn't|can't|haven't|hasn't|is|are|was|were|do|does|did|will|would|have|has) "
    r"(?:it|you|they|we|he|she|there)\s*$"
)
# Two dashes round a short aside ("I wonder - and tell me if this is daft - whether..."): the
# sentence is read without it.
ASIDE = re.compile(r"\s*(?:\u2014| - )(?:[^\u2014?]{1,80}?)(?:\u2014| - )\s*(?=\S)")
# A word of candour said as a question before the speaker's own answer ("Honestly? ...").
CANDOUR = frozenset({"honestly", "truthfully", "frankly", "to be honest", "in all honesty"})

# A question clause later in a sentence that began as a statement or subordinate clause.
CLAUSE = re.compile(
    rf"(?:[,;:]|\u2014| - )\s*(?:(?:and|but|so|then|like|um|erm|well|ok|okay|i guess|"
    rf"i suppose|i mean)\s*,?\s*)*(?=(?:{_WH_WORDS}|isn't|aren't|wasn't|don't|doesn't|didn't|"
    rf"won't|wouldn't|couldn't|can't|shouldn't|haven't|hasn't|{_BARE_AUX})(?!['\w]))"
)
# Further questions inside one sentence (for "stacked").
EXTRA_Q = re.compile(
    rf"(?:(?:[,;]|\u2014| - )\s*(?:(?:and|or|but|then|so|also|like,?)\s+)?(?=(?:{_WH_WORDS}|"
    rf"{_BARE_AUX})(?!['\w]))"
    rf"|\b(?:and|also|then)\s+(?=(?:what|how|why|who|where|when|which)(?:'s)? (?:{_AUX_WORDS}|"
    rf"else|the|your|they|you|she|he|it|do|did|does)(?![\w'])))"
)
EXTRA_NOT = re.compile(
    r"^(?:do you think|d'you think|would you say|do you reckon|would you agree|is that right|"
    r"if|as|does that make sense|is that fair|am i right|if any|if at all)(?![\w'])"
)
OR_WORD = re.compile(r"\bor\b")
# A question abandoned for another, as people restart in speech: "is there any, has anyone
# explained it to her?", "did you, have you done an incident form?". What came before the new
# start ends on a word no question ends on, or is only an auxiliary and its subject.
RESTART_END = re.compile(r"(?:^|\s)(?:the|a|an|your|his|their|my|our|any|some|and|or|but|like|if)$")
RESTART_BARE = re.compile(rf"^(?:{_BARE_AUX})(?!['\w])(?: not)? (?:you|he|she|they|we|it|i|there)$")
# A wh-question glossed after a dash with the answers the asker has in mind: "What did Ofgem
# say, exactly — is it a review, or enforcement?" is one question, closed (a choice).
DASH_CHOICE = re.compile(r"(?:\u2014| - )[^\u2014]*?\bor\b")
# A reflection introduced as what the asker hears: "So what I'm hearing is you're stuck?"
HEARD_AS = re.compile(
    r"^(?:so )?what (?:i'm|i am|i'm kind of|i'm sort of) (?:hearing|getting|picking up)(?: from you)? is|"
    r"^(?:so )?what you're (?:saying|telling (?:me|us)) is|^(?:so )?what i hear is"
)
OR_AUX = re.compile(rf"^(?:{_BARE_AUX})(?!['\w])")
# Courtesy and process requests ("Can I ask something?", "Can we pause there?"): with no real
# question beside them, a turn of these is not a question to the presenter.
_COURTESY = (
    r"(?:can|could|may|might) i (?:just )?(?:ask|come in|jump in|check|add|say|ask you|butt in|"
    r"chip in|notice|point out|mention)(?: (?:something|a question|you something|you a question|two "
    r"things|a couple of things|a quick question|a quick one|here|in here|something here|in|one "
    r"thing|something else))?(?: here)?|"
    r"(?:can|could|may|might) i (?:just )?ask(?: you)? (?:a|one|another)(?: [\w'-]+){0,3} question|"
    r"if i may|may i|is it ok if i ask(?: something)?|mind if i ask(?: something)?|"
    rf"do you mind if i ask|{_PROCESS}"
)
COURTESY = re.compile(rf"^(?:{_COURTESY})$")
# Talk about the talk: courtesy, and checks that the asker has been understood or is welcome.
META = re.compile(
    rf"^(?:{_COURTESY}|(?:is|was) (?:that|this|it) (?:ok|okay|alright|all right|fair)(?: to (?:say|assume|ask))?|"
    r"is that (?:about |roughly )?right|"
    r"does (?:that|this) make sense|do i make sense)$"
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
ADVICE_Q = re.compile(
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
    r"(?:do|don't|dont) you (?:not )?(?:think|reckon) (?:you|we) (?:should|could|ought|might|need|must|"
    r"could)(?![\w'])|"
    r"(?:do|don't|dont) you (?:not )?(?:think|reckon) (?:it|that|this)(?:'d| might| would| could| may)? ?"
    r"(?:help|be (?:better|worth|good|useful|helpful|an idea|wise|best))|"
    rf"(?:do|don't|dont) you (?:not )?think (?:it|that|this)(?:'d| would| might| could) "
    rf"(?:be {_CMP}|make (?:more )?sense)|"
    r"(?:do|don't|dont) you (?:not )?(?:think|reckon) (?:a|an|some|the|getting|having|bringing|asking)"
    r" [^?]{0,60}(?:would|could|might|will) (?:help|sort|fix|solve|work|make)|"
    r"(?:should|shouldn't|ought) (?:you|we)(?![\w'])|"
    r"(?:would|will|could) you (?:ever )?(?:consider|think about|be open to|be willing to|try|"
    r"be prepared to|be up for|fancy)(?![\w'])|"
    r"what would stop you (?:from )?(?:just )?[a-z]+ing(?![\w'])|(?:would|could|will|can) it hurt to|"
    r"(?:do|would) you (?:want|like) to (?:try|consider|think about|have a go at|give|ask|talk to|"
    r"speak to|ring|call|email|invite|involve|bring|run|set up|take)(?![\w'])|"
    r"(?:would|could|might) (?:a|an|some|the|that|this|it|[a-z]+ing)\b[^?]{0,50}\bbe an option\b|"
    r"(?:might|could|would|may) (?:it )?be worth|worth (?:a|an|asking|talking|trying|checking|"
    r"having|getting|ringing|speaking|looking|raising)(?![\w'])|"

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
# Advice in the gentlest British hedges: most facilitators hear a suggestion in them, but the
# asker may be genuinely curious, so the feedback says so and invites the trainee to disagree.
ADVICE_HEDGED = re.compile(
    r"^(?:"
    r"(?:is there )?(?:any|much|some) mileage in|is there (?:not )?(?:a|any) (?:case|argument) "
    r"for|"
    r"(?:if|whether) it(?:'d| would| might| could| may)? (?:not )?(?:be )?(?:worth|help|make "
    r"sense|be (?:a good idea|an idea|better|useful|wise))(?![\w'])|"
    r"what (?:do|would) you (?:think|reckon|feel) (?:about|of|to) (?!(?:being|feeling|having "
    r"been)(?![\w']))[a-z]+ing(?![\w'])|"
    r"(?:is there )?(?:any|much) point (?:in )?(?!(?:carrying on|going on)\b)[a-z]+ing(?![\w'])"
    r")"
)
# Advice said as a statement before or after the question in the same turn.
ADVICE_STATEMENT = re.compile(
    r"^(?:"
    r"i(?:'d| would) be (?:tempted|inclined) to|i'd probably|"
    r"i'd (?!(?:love|like|be|just like|really like|say|guess|imagine|wonder)\b)|"
    r"i would (?!(?:love|like|be|say|guess|imagine|wonder)\b)|"
    r"if i (?:were|was) you|in your (?:shoes|position|place)|if (?:it|that) (?:were|was) me|you (?:should|could|need to|ought to|might want to|must|may want to)"
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
NEG_INTERROG = re.compile(
    r"^(?:isn't|isnt|aren't|arent|wasn't|weren't|don't|dont|doesn't|didn't|didnt|won't|"
    r"wouldn't|wouldnt|couldn't|couldnt|can't|cant|shouldn't|shouldnt|haven't|hasn't|hadn't|"
    r"mustn't)(?![\w'])"
    r"|^(?:is|are|was|were|do|does|did|could|can|would|will|should|have|has) (?:you|it|that|"
    r"this|there|they|we|he|she) not(?![\w'])"
)
LEADING = re.compile(
    r"\bsurely\b|^you(?:'d| would) (?:surely )?agree\b|\bwouldn't you (?:agree|say)\b|"
    r"^(?:you|it|that|this|they|he|she) (?:must|must've|must have)(?![\w'])|"
    r"^how (?:angry|upset|frustrated|annoyed|relieved|guilty|ashamed|furious|scared|anxious|"
    r"disappointed|hurt|betrayed|fed up|cross|let down|stressed|worried|sad) (?:does|did|do|"
    r"are|were|was|has|have|is|must)(?![\w'])|"
    r"^what(?:'s| is| was) so (?:frightening|scary|bad|hard|difficult|wrong|threatening|awful|"
    r"terrible|risky|dangerous)\b|"
    r"^(?:so )?(?:the|it's|its) (?:real )?(?:problem|issue) (?:is|here is|really is)\b"
)
# Leading by a cue that experienced facilitators weigh differently: the feedback says so.
LEADING_SOFT = re.compile(
    # the answer taken for granted before it is asked: "Presumably the heads were consulted?"
    r"^(?:presumably|i take it|obviously|clearly|no doubt)\b|"
    # a hypothesis checked with a loaded word: "Is it fair to say you've already decided?"
    r"^(?:is it|would it be|is that|would that be) (?:fair|true|accurate) to say (?:that )?[^,]{0,40}?"
    r"\b(?:already|just|never|always|really|actually|secretly|deep down)\b|"
    r"^(?:would|do) you agree that\b|"
    r"^(?:correct me if i'm wrong|tell me if i'm wrong|am i wrong (?:in thinking|to think))\b|"
    r"\b(?:i'm assuming|i assume)\b|"
    r"^is it because (?:you|you're|you've|you'd|they|they're|they've|she|she's|he|he's)\b|"
    r"^is it that you\b|"
    # the asker's own answer after a dash or comma: "What's stopping you, fear of how she'll react?"
    r"^(?:what's|what is) (?:stopping|holding|behind|the real reason)\b[^,\u2014]{3,}"
    r"(?:,|\u2014| - )\s*(?![\s-]|if\b)(?:is it |just )?[\w' -]{2,40}$|"
    r"\bor (?:is|was|are|were) (?:it|that|this|they) (?:really|actually|more|just|simply)\b|"
    # ...or a favoured alternative said with a loaded word: "...or would you secretly be relieved?"
    r"\bor (?:did|do|does|has|have|had|would|will|are|were) (?:[\w']+ ){0,3}?(?:secretly|really|"
    r"quietly)\b|"
    # the asker's hypothesis offered for agreement: "Could it be that you're just exhausted?"
    r"^(?:could|might|can) it be (?:that|the case that|because|(?:just |really |partly |more )?"
    r"(?:about|to do with))\b|^is it possible (?:that )?[^,]{0,40}?\b(?:just|really|"
    r"actually|secretly)\b|"
    r"^(?:do|would) you (?:think|say|reckon) (?:that )?(?:part of |some of )?(?:the|it|this|that)"
    r"(?: real)? (?:problem|issue|reason|trouble|thing)(?: here)? (?:is|was|might be)\b|"
    r"^are you sure (?:this|it|that)(?:'s| is) (?:really |just |actually )?about\b|"
    r",\s*(?:i take it|presumably|i assume|i imagine)$|"
    # the asker's own answer, offered after the question: "Who's the real blocker, your director?"
    r"^(?:who|what|which)\b[^,]{3,},\s*(?:maybe |perhaps |probably |possibly )?(?:your|the|his|"
    r"her|their|our|that|those|these) [\w'-]+(?: [\w'-]+){0,3}$"
)
RHETORICAL = re.compile(
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
    r"|\bthe only (?:one|person) (?:doing|who does|who's doing|that does|pulling) any\b"
    r"|\bhow's that working(?: out)? for you\b|^(?:it )?must be nice\b"
    r"|^(?:i )?bet (?:that|it|they|you|he|she)\b|^since when\b"
    r"|^(?:are|were) you (?:really|seriously|honestly|actually) (?:going|planning|expecting|telling|"
    r"saying)\b"
    r"|\bwhat (?:you're|you are|they're|they are|we're|we are) paid (?:for|to do)\b"
    r"|\b(?:nobody|no one|no-one) (?:thought|think) to\b"
    r"|^(?:is|are) (?:anyone|anybody|we) (?:really |honestly |actually )?surprised\b"
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
WHY = re.compile(
    r"^(?:why(?:'s|s)?|how come|for what reason|what(?:'s| is| was) the reason|"
    r"what(?:'s| is| was) your reason|what (?:are|were) your reasons)(?![\w'])"
    r"|\bif not,? why not\b|^why not$|,\s*why(?: not)?$"
)
# Suggestion formulas propose one option to accept or reject: closed, whatever the wh-word.
SUGGESTION = re.compile(
    r"^(?:why (?:don't|dont|do not|wouldn't|won't|not) (?:you|we)(?![\w'])|why not (?!$)|"
    r"what about|how about|what if (?:you|we)(?![\w'])|how (?:could|would|can|will) it hurt)"
)
WHY_ADVICE = re.compile(
    r"^why (?:don't|dont|do not|wouldn't|won't|not) (?:you|we)(?![\w'])|^why not (?!$)"
)
LONG_REASON = re.compile(
    r"\b(?:because|cos|coz|'cause|cause) (?:i|i'm|i've|i'd|in my|when i|from where i|my|"
    r"it seems to me|personally|to me|we|i think|honestly)\b|"
    r"\bthe reason i(?:'m)? ask|\bi'm asking (?:this |you )?(?:because|cos)\b|"
    r"\bi ask because\b|\bi'm only asking because\b"
)

# Words that introduce a reflection or paraphrase (for feedback on closed questions).
REFLECTION_START = re.compile(
    r"^(?:so |and |it sounds |sounds |it seems |you |you're |you've |you'd |it's |its |"
    r"that's |there's |the |it |they |this )"
)
