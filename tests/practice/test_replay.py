"""The session 8 transcript replay: loading transcripts, stepping to each pause, notes,
comparisons and the Markdown export."""

import copy

import pytest
import yaml

from actionlearning.practice.replay import (
    MAX_PAUSES,
    MIN_PAUSES,
    NO_NOTES,
    NOT_COMPARED,
    PROMPTS,
    Line,
    Pause,
    Replay,
    ReplayError,
    get_transcript,
    load_transcripts,
    parse_transcripts,
)


def _raw(pauses=4):
    script = []
    for n in range(1, pauses + 1):
        script += [
            {"Asha": f"Line {n}, from the presenter."},
            {"do": f"Silence {n}."},
            {"Ed": f"A question from the facilitator, {n}?"},
            {"pause": {"at": f"Minute {n}", "moment": f"Moment {n}", "note": f"Note {n}."}},
        ]
    script.append({"Asha": "The end."})
    return {
        "id": "t",
        "title": "A test slot",
        "set": "A test set",
        "situation": "Invented.",
        "facilitator": "Ed",
        "people": [{"name": "Ed", "role": "facilitator"}, {"name": "Asha", "role": "presenter"}],
        "script": script,
    }


def _parse(*raws):
    return parse_transcripts({"replays": list(raws)}, source="test.yaml")


def test_the_library_loads_with_three_transcripts_of_four_to_six_pauses():
    transcripts = load_transcripts()
    assert len(transcripts) >= 2
    assert len({t.id for t in transcripts}) == len(transcripts)
    for t in transcripts:
        assert MIN_PAUSES <= len(t.pauses) <= MAX_PAUSES
        assert [p.number for p in t.pauses] == list(range(1, len(t.pauses) + 1))
        assert all(len(p.note.split()) >= 40 for p in t.pauses), "notes should say something"
        assert isinstance(t.script[0], Line) and isinstance(t.script[-1], Line)
        assert t.role(t.facilitator)
        speakers = {line.who for line in t.lines if not line.is_direction}
        assert speakers <= {p.name for p in t.people}
    assert get_transcript(transcripts[0].id) is transcripts[0]


def test_get_transcript_names_the_known_ones():
    with pytest.raises(ValueError, match="known transcripts: first-responders"):
        get_transcript("nope")


def test_a_replay_steps_from_pause_to_pause_to_the_end():
    t = _parse(_raw())[0]
    replay = Replay(t)
    assert not replay.started and replay.pause is None and "Not started: 4 pauses" in replay.progress()
    segment = replay.play()
    assert [line.text() for line in segment.lines] == [
        "Asha: Line 1, from the presenter.", "(Silence 1.)", "Ed: A question from the facilitator, 1?"
    ]
    assert segment.pause is replay.pause and replay.pause.number == 1
    assert replay.pause.prompts == PROMPTS
    assert replay.progress() == "Pause 1 of 4"
    for n in range(2, 5):
        assert replay.play().pause.number == n
    last = replay.play()
    assert last.pause is None and [line.says for line in last.lines] == ["The end."]
    assert replay.finished and replay.pause is None
    assert "all 4 pauses reached" in replay.progress()
    assert len(replay.segments) == 5 and replay.segments[-1].pause is None
    with pytest.raises(ReplayError, match="played to the end"):
        replay.play()


def test_notes_and_comparisons():
    replay = Replay(_parse(_raw())[0])
    with pytest.raises(ReplayError, match="no pause"):
        replay.write("too early")
    replay.play()
    replay.write("The set is rushing.")
    replay.write("The set is rushing; I'd wait.")  # a redraft replaces the first
    comp = replay.compare()
    assert comp.revealed and comp.yours == "The set is rushing; I'd wait." and comp.theirs == "Note 1."
    assert comp.before.text() == "Ed: A question from the facilitator, 1?"  # stage directions skipped
    assert "My notes: The set is rushing; I'd wait." in comp.text()
    assert "An experienced facilitator (Moment 1): Note 1." in comp.text()
    replay.play()
    assert replay.comparison(replay.pause).theirs == NOT_COMPARED  # not yet revealed
    comp = replay.compare("")
    assert not comp.wrote_notes and NO_NOTES in comp.text()
    assert len(replay.comparisons()) == 2
    assert replay.summary() == "2 of 4 pauses reached; notes written at 1, compared at 2."
    replay.write(None)  # never stores anything but text
    assert replay.notes[2] == ""


def test_markdown_export():
    replay = Replay(_parse(_raw())[0])
    assert "No pauses reached yet" in replay.to_markdown()
    replay.play()
    replay.compare("- advice, early\n- <b>silence</b>\n\n\n\nthen more")
    replay.play()
    replay.write("Second thoughts.")
    text = replay.to_markdown()
    assert text.startswith("# Transcript replay: A test slot\n")
    assert "## Pause 1 of 4: Minute 1" in text and "## Pause 2 of 4: Minute 2" in text
    assert "> Ed: A question from the facilitator, 1?" in text
    assert "- advice, early\n- &lt;b&gt;silence&lt;/b&gt;\n\nthen more" in text  # lists kept, HTML made safe
    assert "**An experienced facilitator's note: Moment 1.**\n\nNote 1." in text
    assert "Second thoughts." in text and NOT_COMPARED in text  # pause 2 not compared
    assert "Note 2." not in text and "Pause 3" not in text
    assert "## For your log" in text and "keep real people's names out" in text


def test_restart_clears_position_and_notes():
    replay = Replay(_parse(_raw())[0])
    replay.play()
    replay.compare("x")
    replay.restart()
    assert not replay.started and replay.notes == {} and replay.compared == set()
    assert replay.play().pause.number == 1


def test_a_pause_can_add_its_own_prompt():
    raw = _raw()
    raw["script"][3]["pause"]["prompt"] = "What is the silence doing?"
    pause = _parse(raw)[0].pauses[0]
    assert pause.prompts == PROMPTS + ("What is the silence doing?",)
    assert isinstance(pause, Pause) and pause.moment == "Moment 1"


def _problems(mutate):
    raw = copy.deepcopy(_raw())
    mutate(raw)
    with pytest.raises(ReplayError) as error:
        _parse(raw)
    return str(error.value)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda r: r.pop("title"), "test.yaml: transcript 1 (t): missing title"),
        (lambda r: r.update(facilitator="Zoe"), "the facilitator 'Zoe' is not one of the people"),
        (lambda r: r["script"].insert(0, {"Zoe": "Hello"}), "script item 1: 'Zoe' is not one of the people"),
        (lambda r: r["script"].insert(2, {"Asha": "x", "Ed": "y"}), "script item 3: expected one"),
        (lambda r: r["script"].insert(1, {"Asha": ""}), "script item 2: 'Asha' has nothing to say"),
        (lambda r: r["script"][3]["pause"].pop("note"), "script item 4: the pause is missing note"),
        (lambda r: r["script"].__setitem__(3, {"pause": "now"}), "script item 4: a pause needs at, moment and note"),
        (lambda r: r["script"].pop(-1), "the script ends with a pause"),
        (lambda r: r["script"].insert(0, r["script"][3]), "the script starts with a pause"),
        (lambda r: r["script"].insert(4, r["script"][3]), "two pauses in a row"),
        (lambda r: r.update(people=[{"name": "Ed"}]), "person 1: expected a mapping with name and role"),
        (lambda r: r["people"].append({"name": "Ed", "role": "again"}), "the person 'Ed' is listed twice"),
        (lambda r: r.update(script=[]), "script must be a list of lines and pauses"),
    ],
)
def test_malformed_transcripts_are_reported_with_where(mutate, message):
    assert message in _problems(mutate)


@pytest.mark.parametrize("pauses", [MIN_PAUSES - 1, MAX_PAUSES + 1])
def test_the_number_of_pauses_is_checked(pauses):
    with pytest.raises(ReplayError, match=f"has {pauses} pauses; a transcript needs 4 to 6"):
        _parse(_raw(pauses))


def test_every_problem_is_reported_at_once_and_ids_are_unique():
    bad = _raw()
    bad["script"][0] = {"Zoe": "hi"}
    with pytest.raises(ReplayError) as error:
        _parse(_raw(), bad, _raw(), "not a mapping")
    message = str(error.value)
    assert "transcript 2 (t), script item 1: 'Zoe'" in message
    assert "transcript 3 (t): the id 't' is used twice" in message
    assert "transcript 4: expected a mapping" in message
    with pytest.raises(ReplayError, match="top-level 'replays:' list"):
        parse_transcripts(yaml.safe_load("moments: []"))
    with pytest.raises(ReplayError, match="there are no transcripts"):
        parse_transcripts({"replays": []})
