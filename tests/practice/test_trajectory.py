"""A facilitator's trajectory over the reviews in supervision: reading the table they keep in
their log, naming every mistake by line, and drawing it."""

import datetime as dt

import pytest

from actionlearning.course.competences import load_framework
from actionlearning.practice.trajectory import TrajectoryError, changes, draw_trajectory, read_reviews

FW = load_framework()
IDS = [c.id for c in FW.competences]


def table(rows: dict[str, str], dates="2026-07-15 2026-10-14 2027-01-13") -> str:
    return "\n".join([f"date {dates}", *(f"{c}  {levels}" for c, levels in rows.items())])


def test_reviews_are_read_in_date_order_with_levels_by_name_or_number():
    text = table(dict.fromkeys(IDS, "developing 1 Established"), dates="2026-10-14 2026-07-15 2027-01-13")
    reviews = read_reviews(text + "\n# a comment\n")
    assert [r.date for r in reviews] == [dt.date(2026, 7, 15), dt.date(2026, 10, 14), dt.date(2027, 1, 13)]
    assert set(reviews[0].ratings.values()) == {"emerging"}
    assert set(reviews[1].ratings.values()) == {"developing"}
    assert set(reviews[2].ratings.values()) == {"established"}


def test_the_stage_and_the_changes_follow_the_framework():
    rows = dict.fromkeys(IDS, "emerging developing established")
    rows["silence"] = "- emerging established"
    reviews = read_reviews(table(rows))
    assert reviews[0].stage(FW) is None  # silence was not rated: no stage claimed
    assert reviews[1].stage(FW).id == "co-facilitating"
    assert reviews[2].stage(FW).id == "solo"
    moved = changes(reviews)
    assert moved["silence"] == 2 and moved["contracting"] == 2 and len(moved) == len(IDS)


def test_every_mistake_is_named_with_its_line_and_what_to_write():
    rows = dict.fromkeys(IDS, "developing developing")
    text = table(rows, dates="2026-07-15 15/10/2026").replace("silence", "silense")
    text += "\nquestioning developing\naction developing brilliant"
    with pytest.raises(TrajectoryError) as caught:
        read_reviews(text)
    message = str(caught.value)
    assert "line 1: '15/10/2026' is not a date; write it as YYYY-MM-DD" in message
    assert "'silense' is not a competence" in message
    assert "questioning has a second row" in message
    assert "questioning has 1 levels for 2 dates" in message
    assert "action: 'brilliant' is not a level" in message


def test_a_table_without_a_date_row_says_how_to_start():
    with pytest.raises(TrajectoryError, match="first row must start with 'date'"):
        read_reviews("contracting developing")


def test_the_drawing_has_a_row_per_competence_and_a_column_per_review():
    fig = draw_trajectory(table(dict.fromkeys(IDS, "emerging developing established")))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [c.name for c in FW.competences]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0].startswith("15 Jul 2026\nCo-facilitating") and "Facilitating solo" in labels[2].replace("\n", " ")
    assert len(ax.collections) == 3 * len(IDS)  # one marker per rating
