"""The seven eyes, Proctor's functions, sample episodes, and an exploration's notes and log."""

import copy
import datetime as dt
import stat

import pytest

from actionlearning.course.datafiles import read_yaml
from actionlearning.practice.supervision import (
    DATA_FILE,
    FUNCTION_IDS,
    Exploration,
    SupervisionDataError,
    load_model,
    parse_model,
)

DAY = dt.date(2027, 3, 4)


@pytest.fixture
def raw():
    return read_yaml(DATA_FILE)


def test_the_seven_eyes_in_order_each_with_three_or_four_questions():
    model = load_model()
    assert [e.number for e in model.eyes] == list(range(1, 8))
    assert [e.id for e in model.eyes] == [
        "situation", "interventions", "relationship", "facilitator", "parallel", "supervisor", "context",
    ]
    assert "parallel process" in model.eyes[4].name
    for eye in model.eyes:
        assert 3 <= len(eye.questions) <= 4 and eye.description and eye.focus
        assert all(q.endswith("?") for q in eye.questions), eye.id


def test_proctors_three_functions():
    model = load_model()
    assert tuple(f.id for f in model.functions) == FUNCTION_IDS
    assert all(f.description and 2 <= len(f.examples) <= 3 for f in model.functions)


def test_sample_episodes_have_a_prompt_for_every_eye():
    model = load_model()
    assert 2 <= len(model.episodes) <= 3
    for episode in model.episodes:
        assert set(episode.prompts) == {e.id for e in model.eyes}, episode.id
        assert episode.facilitator and episode.setting and len(episode.text.split()) > 50


def test_eyes_are_found_by_id_number_name_or_label():
    model = load_model()
    parallel = model.eyes[4]
    for key in ("parallel", 5, "5", " PARALLEL ", parallel.name, parallel.label, parallel):
        assert model.eye(key) is parallel
    with pytest.raises(KeyError, match="use a number from 1 to 7"):
        model.eye(8)
    assert model.function("Restorative").id == "restorative"
    with pytest.raises(KeyError):
        model.function("supportive")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["eyes"].pop(), "has 7 eyes, not 6"),
        (lambda d: d["eyes"][2].update(number=4), "eye 3 (relationship): number is 4"),
        (lambda d: d["eyes"][0]["questions"].pop() and d["eyes"][0]["questions"].pop(), "questions has 2 entries"),
        (lambda d: d["eyes"][1].pop("description"), "eye 2 (interventions): missing description"),
        (lambda d: d["functions"].reverse(), "formative, normative, restorative, in that order"),
        (lambda d: d["episodes"][0]["prompts"].update(eighth="?"), "prompts for unknown eyes: eighth"),
        (lambda d: d["episodes"].append(copy.deepcopy(d["episodes"][0])), "is used twice"),
        (lambda d: d.pop("episodes"), "expected a non-empty 'episodes:' list"),
    ],
)
def test_malformed_data_is_reported_by_entry_and_field(raw, change, message):
    change(raw)
    with pytest.raises(SupervisionDataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_model(raw)


def test_not_a_mapping_is_reported():
    with pytest.raises(SupervisionDataError, match="expected a mapping"):
        parse_model(["eyes"])


def test_notes_record_explored_and_unexplored_eyes():
    x = Exploration(load_model().episodes[0], date=DAY)
    assert len(x.unexplored) == 7 and not x.explored and not x.complete
    x.set_note("parallel", "She wants a verdict from me, as Mark gave one to the set.")
    x.set_note(1, "Mark spoke at the end of the check-in.")
    assert [e.number for e in x.explored] == [1, 5]
    assert x.note(5).startswith("She wants") and x.note("context") == ""
    assert x.progress().startswith("Explored 2 of 7 eyes. Not yet explored: 2. Your interventions")
    x.set_note(1, "   ")  # a blank note is no note
    assert [e.number for e in x.explored] == [5]
    for eye in x.model.eyes:
        x.set_note(eye, f"notes on {eye.id}")
    assert x.complete and x.progress() == "All 7 eyes explored."


def test_a_sample_episode_offers_its_prompts_and_your_own_does_not():
    model = load_model()
    sample = Exploration(model.episodes[1])
    assert sample.prompt("context") == model.episodes[1].prompts["context"]
    own = Exploration(own_title="  The  silent member ", own_text="It happened.")
    assert own.own and own.prompt("context") == "" and own.title == "The silent member"
    assert Exploration().title == "My own episode"


def test_functions_are_kept_in_proctors_order():
    x = Exploration(load_model().episodes[0])
    x.set_functions(["restorative", "Formative"])
    assert x.functions == ("formative", "restorative")
    with pytest.raises(KeyError):
        x.set_functions(["managerial"])


def test_the_log_in_markdown():
    model = load_model()
    x = Exploration(model.episodes[0], date=DAY, question="How can I stay curious when challenged?")
    x.set_functions(["formative", "restorative"])
    x.set_note("facilitator", "I felt like a junior again.")
    md = x.to_markdown()
    assert md.startswith(f"# Supervision log: {model.episodes[0].title}\n\nDate: 4 March 2027")
    assert "## What I want from supervision\n\nHow can I stay curious when challenged?" in md
    assert "- Formative: developing skills" in md and "- Restorative: support" in md
    assert "Normative" not in md
    assert "### 4. Your own process\n\nI felt like a junior again." in md
    assert "## Not yet explored" in md and "- 7. The wider context: " in md
    assert "- 4. Your own process" not in md


def test_an_empty_log_says_what_is_missing():
    md = Exploration(date=DAY).to_markdown()
    assert "# Supervision log: My own episode" in md
    assert "(Not written yet: what happened" in md and "No eyes explored yet." in md
    assert "Functions: none chosen yet" in md


def test_clear_keeps_the_episode():
    x = Exploration(load_model().episodes[2], question="q", notes={"situation": "n"}, functions=("normative",))
    x.clear()
    assert x.episode and not x.notes and not x.question and not x.functions


def test_save_writes_a_private_file_and_never_overwrites(tmp_path):
    x = Exploration(load_model().episodes[0], date=DAY)
    x.set_note(2, "I explained instead of asking.")
    first = x.save(tmp_path / "logs")
    second = x.save(tmp_path / "logs")
    assert first.name == "supervision-log-2027-03-04-sunita-this-is-becoming-a-talking-shop.md"
    assert second.name.endswith("-2.md") and first.read_text("utf-8") == x.to_markdown()
    assert stat.S_IMODE(first.stat().st_mode) == 0o600


def test_an_own_episode_with_no_title_still_gets_a_filename():
    assert Exploration(own_title="!!!", date=DAY).filename() == "supervision-log-2027-03-04-episode.md"
