"""The facilitator competence framework: its data file, the stages of practice, and the Markdown
the handbook renders from it."""

import pytest

from actionlearning.course.competences import (
    FrameworkError,
    framework_markdown,
    load_framework,
    parse_framework,
    self_assessment_markdown,
    stages_markdown,
)
from actionlearning.course.datafiles import read_yaml


def test_the_framework_has_8_to_12_competences_each_with_indicators_at_every_level():
    fw = load_framework()
    assert 8 <= len(fw.competences) <= 12
    assert [lv.id for lv in fw.levels] == ["emerging", "developing", "established"]
    for c in fw.competences:
        assert all(len(c.indicators[lv.id]) >= 2 for lv in fw.levels), c.id
        # the levels differ in what is done, not only in degree
        assert len({*c.indicators["emerging"], *c.indicators["developing"], *c.indicators["established"]}) == 6
        assert c.look_for and all(q.rstrip().endswith("?") for q in c.look_for), c.id
        assert set(c.sessions) <= set(range(1, 10)), c.id


def test_every_session_but_none_is_the_home_of_some_competence():
    sessions = {s for c in load_framework().competences for s in c.sessions}
    assert sessions >= set(range(2, 10)) and 1 in sessions


def test_stages_are_reached_in_order():
    fw = load_framework()
    everyone = {c.id for c in fw.competences}
    assert fw.stage_reached(dict.fromkeys(everyone, "emerging")).id == "co-facilitating"
    assert fw.stage_reached(dict.fromkeys(everyone, "developing")).id == "observed"
    assert fw.stage_reached(dict.fromkeys(everyone, "established")).id == "solo"
    solo = fw.stages[-1]
    almost = dict.fromkeys(everyone, "developing") | dict.fromkeys(solo.established[1:], "established")
    assert fw.stage_reached(almost).id == "observed", "one core competence short of established is not solo"
    one_short = dict.fromkeys(everyone, "established") | {"silence": "emerging"}
    assert fw.stage_reached(one_short).id == "co-facilitating"


def test_ratings_with_unknown_or_missing_competences_are_refused_with_every_problem_named():
    fw = load_framework()
    ratings = {c.id: "developing" for c in fw.competences[1:]} | {"charisma": "developing", "silence": "great"}
    with pytest.raises(FrameworkError) as caught:
        fw.stage_reached(ratings)
    message = str(caught.value)
    assert "'charisma' is not a competence" in message
    assert "'great' is not a level" in message
    assert f"no rating for {fw.competences[0].id}" in message


def test_a_malformed_framework_names_the_competence_and_what_is_wrong():
    data = read_yaml("competences.yaml")
    data["competences"][2]["indicators"].pop("developing")
    data["competences"][4].pop("look_for")
    data["stages"][2]["requires"]["established"].append("telepathy")
    with pytest.raises(FrameworkError) as caught:
        parse_framework(data)
    message = str(caught.value)
    assert "competence 3 (framing): indicators must give each level" in message
    assert "competence 5 (noticing): missing look_for" in message
    assert "unknown competences: telepathy" in message


def test_the_markdown_carries_every_competence_level_and_stage():
    fw = load_framework()
    text = framework_markdown()
    for c in fw.competences:
        assert f". {c.name}" in text
        for level in c.indicators.values():
            assert all(i.replace("|", "\\|") in text for i in level)
    stages = stages_markdown()
    assert all(s.name in stages for s in fw.stages)
    grid = self_assessment_markdown()
    assert grid.count("☐") == len(fw.competences) * len(fw.levels)
