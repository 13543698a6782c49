"""The wait-time practice's logic: bands of silence, moments, and the presenter going deeper."""

import math

import pytest

from actionlearning.practice.questions import assess
from actionlearning.practice.wait_time import (
    BANDS,
    FILLER_KINDS,
    MomentsError,
    band_for,
    get_moment,
    load_moments,
    parse_moments,
    respond,
)


def _raw_moment(**changes):
    stage = {"says": "Hmm.", "filler": {"kind": "rescue", "who": "Tom", "says": "It's fine."}, "note": "A note."}
    raw = {
        "id": "m",
        "presenter": "Nisha",
        "role": "Team manager",
        "title": "Nisha: a test",
        "situation": "Something happened.",
        "asker": "Amara",
        "question": "What do you make of it?",
        "stages": [dict(stage) for _ in BANDS],
    }
    raw.update(changes)
    return raw


def test_the_library_loads_with_four_stages_a_moment_and_unique_ids():
    moments = load_moments()
    assert len(moments) >= 4
    assert len({m.id for m in moments}) == len(moments)
    for m in moments:
        assert len(m.stages) == len(BANDS) == 4
        assert all(s.says and s.note and s.filler.kind in FILLER_KINDS for s in m.stages)
        # the presenter says more the deeper they go: each stage is new material
        assert len({s.says for s in m.stages}) == 4


def test_the_library_shows_rescuing_stacking_and_advice():
    kinds = {s.filler.kind for m in load_moments() for s in m.stages}
    assert {"rescue", "stacked", "advice"} <= kinds


@pytest.mark.parametrize(
    "seconds, index",
    [(0, 0), (1, 0), (3, 0), (3.5, 0), (4, 1), (10, 1), (10.9, 1), (11, 2), (20, 2), (20.5, 3), (21, 3), (600, 3)],
)
def test_bands_of_silence(seconds, index):
    band = band_for(seconds)
    assert band.index == index and band.contains(seconds)
    assert [b.label for b in BANDS] == ["0–3 seconds", "4–10 seconds", "11–20 seconds", "more than 20 seconds"]


@pytest.mark.parametrize("bad", [-1, -0.5, math.nan, "5", None, True, [3]])
def test_a_wait_must_be_a_number_of_seconds(bad):
    with pytest.raises(ValueError, match="seconds must be"):
        band_for(bad)
    with pytest.raises(ValueError, match="seconds must be"):
        respond(load_moments()[0], bad)


def test_the_presenter_goes_deeper_the_longer_the_set_waits():
    moment = load_moments()[0]
    previous = ()
    for depth, seconds in enumerate((2, 7, 15, 25), start=1):
        r = respond(moment, seconds)
        assert r.depth == depth and r.band is BANDS[depth - 1]
        assert len(r.heard) == depth and r.heard[:-1] == previous
        assert r.says == moment.stages[depth - 1].says == r.heard[-1]
        assert r.filler == moment.stages[depth - 1].filler and r.note == moment.stages[depth - 1].note
        assert r.deepest == (depth == 4)
        previous = r.heard


def test_respond_by_id_and_as_text():
    moment = load_moments()[1]
    r = respond(moment.id, 12)
    assert r.moment is moment and r.duration == "12 seconds"
    assert respond(moment.id, 1).duration == "1 second"
    text = r.text()
    assert moment.question in text and r.filler.says in text and r.note in text
    assert "11–20 seconds" in text and r.filler.label in text


def test_an_unknown_moment_names_the_known_ones():
    with pytest.raises(ValueError, match="known moments: .*" + load_moments()[0].id):
        get_moment("no-such-moment")
    with pytest.raises(ValueError):
        respond("no-such-moment", 3)


def test_the_questions_are_open_and_the_fillers_are_what_they_say():
    """The practice and the Question Lab should not teach different things."""
    for m in load_moments():
        a = assess(m.question)
        assert a.form == "open" and not a.issues, (m.id, a)
        for s in m.stages:
            if s.filler.kind in ("advice", "stacked", "leading"):
                assert s.filler.kind in assess(s.filler.says).issues, (m.id, s.filler.says)


def test_a_valid_moment_parses():
    (m,) = parse_moments({"moments": [_raw_moment()]})
    assert m.id == "m" and m.stages[0].filler.who == "Tom"


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "expected a top-level 'moments:' list"),
        ({"moments": []}, "there are no moments"),
        ({"moments": ["text"]}, "moment 1: expected a mapping"),
        ({"moments": [_raw_moment(question="")]}, r"moment 1 \(m\): missing question"),
        ({"moments": [_raw_moment(stages=[])]}, r"moment 1 \(m\): stages must be a list of 4"),
        ({"moments": [_raw_moment(), _raw_moment()]}, r"moment 2 \(m\): the id 'm' is used twice"),
    ],
)
def test_malformed_moments_are_named(data, message):
    with pytest.raises(MomentsError, match=message):
        parse_moments(data)


def test_malformed_stages_are_named_by_moment_and_stage():
    raw = _raw_moment()
    raw["stages"][1] = {"says": "x", "note": "y", "filler": {"kind": "lecture", "who": "Jo", "says": "z"}}
    raw["stages"][2] = {"says": "x", "note": ""}
    raw["stages"][3] = "words"
    with pytest.raises(MomentsError) as error:
        parse_moments({"moments": [raw]})
    message = str(error.value)
    assert "stage 2 (4–10 seconds): filler kind is 'lecture'; use one of rescue" in message
    assert "stage 3 (11–20 seconds): missing note, filler" in message
    assert "stage 4 (more than 20 seconds): expected a mapping" in message
