import pytest

from actionlearning.practice.puzzles import CALLS, KINDS, DeckError, Sorting, load_deck, parse_deck


def test_the_deck_is_balanced_and_complete():
    deck = load_deck()
    assert len(deck) >= 10
    assert len({c.id for c in deck}) == len(deck)
    kinds = [c.kind for c in deck]
    assert set(kinds) == set(KINDS) and abs(kinds.count("puzzle") - kinds.count("problem")) <= 2
    assert {c.calls_for for c in deck} == set(CALLS)
    assert all(len(c.why.split()) >= 12 for c in deck)


def test_sorting_scores_both_judgements_and_summarises():
    deck = load_deck()[:3]
    s = Sorting(deck)
    first = s.answer(deck[0].kind, deck[0].calls_for)
    assert first.points == 2 and "match" in first.headline
    wrong_kind = "puzzle" if deck[1].kind == "problem" else "problem"
    second = s.answer(wrong_kind, deck[1].calls_for)
    assert second.points == 1 and deck[1].kind in second.headline
    assert s.points == 3 and s.possible == 4 and not s.finished
    s.answer(deck[2].kind, "P" if deck[2].calls_for == "Q" else "Q")
    assert s.finished and s.current is None
    summary = s.summary()
    assert "Sorted 3 of 3" in summary and deck[1].id in summary and deck[2].id in summary
    s.restart()
    assert s.current == deck[0] and s.points == 0


def test_bad_answers_are_refused_clearly():
    s = Sorting(load_deck()[:1])
    with pytest.raises(ValueError, match="kind must be one of puzzle, problem"):
        s.answer("riddle", "P")
    with pytest.raises(ValueError, match="P or Q"):
        s.answer("puzzle", "R")
    s.answer("puzzle", "P")
    with pytest.raises(ValueError, match="restart"):
        s.answer("puzzle", "P")


def test_a_malformed_deck_names_every_card_at_fault():
    data = {"cards": [
        {"id": "x", "issue": "i", "kind": "riddle", "calls_for": "P", "why": "w"},
        {"id": "x", "issue": "i", "kind": "puzzle", "calls_for": "Z", "why": "w"},
        {"id": "y", "issue": "i"},
    ]}
    with pytest.raises(DeckError) as err:
        parse_deck(data, "deck.yaml")
    message = str(err.value)
    assert "card 1 (x): kind is 'riddle'" in message
    assert "card 2 (x): calls_for is 'Z'" in message and "used twice" in message
    assert "card 3 (y): missing kind, calls_for, why" in message
    with pytest.raises(DeckError, match="top-level 'cards:'"):
        parse_deck([], "deck.yaml")
