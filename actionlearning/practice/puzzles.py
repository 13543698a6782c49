"""Puzzles and problems, P and Q: the logic of session 1's issue sorter.

Revans distinguished puzzles, which have a right answer that an expert could supply, from
problems, where there is no single right answer and reasonable people differ. Puzzles yield to
programmed knowledge (P); problems call for questioning insight (Q). The sorter deals a deck of
issues; for each the trainee judges both, then reads the reasoning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from actionlearning.course.datafiles import entries, read_yaml

KINDS = ("puzzle", "problem")
CALLS = ("P", "Q")
DECK = "issue_cards.yaml"


class DeckError(ValueError):
    """The issue deck is malformed; the message names the card and the field."""


@dataclass(frozen=True)
class Card:
    id: str
    issue: str
    kind: str
    calls_for: str
    why: str


@dataclass(frozen=True)
class Judgement:
    card: Card
    kind: str
    calls_for: str

    @property
    def kind_right(self) -> bool:
        return self.kind == self.card.kind

    @property
    def calls_right(self) -> bool:
        return self.calls_for == self.card.calls_for

    @property
    def points(self) -> int:
        return int(self.kind_right) + int(self.calls_right)

    @property
    def headline(self) -> str:
        if self.points == 2:
            return "Both judgements match the trainers' reading."
        if self.points == 0:
            return f"The trainers read this differently: a {self.card.kind}, calling for {self.card.calls_for}."
        if self.kind_right:
            return f"A {self.card.kind}, yes; the trainers think it calls mainly for {self.card.calls_for}."
        return f"{self.card.calls_for}, yes; the trainers read it as a {self.card.kind}."


def parse_deck(data: object, source: str = DECK) -> tuple[Card, ...]:
    """Cards from the parsed YAML, with every problem named by card and field."""
    fields = ("id", "issue", "kind", "calls_for", "why")
    cards, problems = [], []
    for where, raw in entries(data, "cards", "card", fields, source, problems, DeckError):
        if raw["kind"] not in KINDS:
            problems.append(f"{where}: kind is {raw['kind']!r}; use one of {', '.join(KINDS)}")
        if raw["calls_for"] not in CALLS:
            problems.append(f"{where}: calls_for is {raw['calls_for']!r}; use P or Q")
        cards.append(Card(*(str(raw[f]).strip() for f in fields)))
    if problems:
        raise DeckError("\n".join(problems))
    if not cards:
        raise DeckError(f"{source}: the deck has no cards")
    return tuple(cards)


@cache
def load_deck() -> tuple[Card, ...]:
    return parse_deck(read_yaml(DECK))


@dataclass
class Sorting:
    """A trainee's way through a deck, one card at a time."""

    cards: tuple[Card, ...] = field(default_factory=load_deck)
    judgements: list[Judgement] = field(default_factory=list)

    @property
    def current(self) -> Card | None:
        return self.cards[len(self.judgements)] if not self.finished else None

    @property
    def finished(self) -> bool:
        return len(self.judgements) >= len(self.cards)

    def answer(self, kind: str, calls_for: str) -> Judgement:
        if self.finished:
            raise ValueError("Every card has been sorted; restart to go again.")
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if calls_for not in CALLS:
            raise ValueError(f"calls_for must be P or Q, not {calls_for!r}")
        judgement = Judgement(self.current, kind, calls_for)
        self.judgements.append(judgement)
        return judgement

    @property
    def points(self) -> int:
        return sum(j.points for j in self.judgements)

    @property
    def possible(self) -> int:
        return 2 * len(self.judgements)

    def summary(self) -> str:
        """A few lines a trainee can copy into their reflection."""
        if not self.judgements:
            return "No issues sorted yet."
        kinds = sum(j.kind_right for j in self.judgements)
        calls = sum(j.calls_right for j in self.judgements)
        n = len(self.judgements)
        missed = [j.card.id for j in self.judgements if j.points < 2]
        lines = [
            f"Sorted {n} of {len(self.cards)} issues.",
            f"Puzzle or problem: {kinds} of {n} matched the trainers' reading.",
            f"P or Q: {calls} of {n} matched.",
        ]
        if missed:
            lines.append(f"Worth a second look: {', '.join(missed)}.")
        return "\n".join(lines)

    def restart(self) -> None:
        self.judgements.clear()
