"""A facilitator's trajectory: self-assessments against the competence framework at the end of the
course and at each review in supervision (3 and 6 months after, and on), read from a plain-text
table a facilitator can keep in their supervision log, and drawn one row per competence.

The table has a ``date`` row of ISO dates, one column per review, then one row per competence
(its id from competences.yaml) with a level for each review; ``#`` starts a comment and ``-``
marks a competence not rated that time::

    date          2026-07-15   2026-10-14   2027-01-13
    contracting   developing   developing   established
    silence       emerging     developing   developing
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from actionlearning.course.competences import Framework, FrameworkError, Stage, load_framework

NOT_RATED = "-"


class TrajectoryError(ValueError):
    """The table of reviews cannot be read; the message says where and what to do."""


@dataclass(frozen=True)
class Review:
    date: dt.date
    ratings: dict[str, str]  # competence id -> level id; competences not rated are absent

    def stage(self, framework: Framework) -> Stage | None:
        """The furthest stage of practice this review meets, if every competence was rated."""
        if len(self.ratings) < len(framework.competences):
            return None
        return framework.stage_reached(self.ratings)


def read_reviews(text: str, framework: Framework | None = None) -> list[Review]:
    """The reviews in ``text``, oldest first; TrajectoryError names every problem by line."""
    fw = framework or load_framework()
    levels = {lv.id: lv.id for lv in fw.levels} | {str(n): lv.id for n, lv in enumerate(fw.levels, 1)}
    known = {c.id for c in fw.competences}
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split("#", 1)[0].split()
        if words:
            rows.append((number, words))
    if not rows or rows[0][1][0].lower() != "date":
        raise TrajectoryError("The table's first row must start with 'date', then one date per review "
                              "(for example: date 2026-07-15 2026-10-14).")
    number, (_, *raw_dates) = rows[0]
    problems = []
    dates = []
    for raw in raw_dates:
        try:
            dates.append(dt.date.fromisoformat(raw))
        except ValueError:
            problems.append(f"line {number}: {raw!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-07-15")
    if not raw_dates:
        problems.append(f"line {number}: no dates: add one date for each review")
    if len(set(dates)) < len(dates):
        problems.append(f"line {number}: a date appears twice; give each review its own column")
    ratings: list[dict[str, str]] = [{} for _ in raw_dates]
    seen = set()
    for number, (competence, *cells) in rows[1:]:
        competence = competence.lower()
        if competence not in known:
            problems.append(f"line {number}: {competence!r} is not a competence; use one of {', '.join(sorted(known))}")
            continue
        if competence in seen:
            problems.append(f"line {number}: {competence} has a second row; keep one row per competence")
        seen.add(competence)
        if len(cells) != len(raw_dates):
            problems.append(f"line {number}: {competence} has {len(cells)} levels for {len(raw_dates)} dates; "
                            f"give one per date, or '{NOT_RATED}' where you did not rate it")
            continue
        for review, cell in zip(ratings, cells, strict=True):
            if cell == NOT_RATED:
                continue
            if cell.lower() not in levels:
                problems.append(f"line {number}: {competence}: {cell!r} is not a level; write "
                                f"{', '.join(lv.id for lv in fw.levels)} (or 1 to {len(fw.levels)})")
                continue
            review[competence] = levels[cell.lower()]
    if problems:
        raise TrajectoryError("The reviews could not be read:\n" + "\n".join(f"- {p}" for p in problems))
    return sorted((Review(d, r) for d, r in zip(dates, ratings, strict=True)), key=lambda r: r.date)


def changes(reviews: list[Review], framework: Framework | None = None) -> dict[str, int]:
    """Each competence's change in level from its first rating to its latest (+1 = one level up)."""
    fw = framework or load_framework()
    out = {}
    for c in fw.competences:
        rated = [fw.rank(r.ratings[c.id]) for r in reviews if c.id in r.ratings]
        if rated:
            out[c.id] = rated[-1] - rated[0]
    return out


def draw_trajectory(reviews: list[Review] | str, framework: Framework | None = None):
    """A matplotlib figure: one row per competence, one column per review; within a row, a line
    climbs through the three levels, which are also told apart by marker shape, not only colour.
    The stage of practice each complete review meets is written above its column."""
    import matplotlib.pyplot as plt  # only when drawing: the reading and sums need no plotting

    fw = framework or load_framework()
    if isinstance(reviews, str):
        reviews = read_reviews(reviews, fw)
    if not reviews:
        raise TrajectoryError("There are no reviews to draw yet.")
    band = {lv.id: 0.18 + 0.64 * i / (len(fw.levels) - 1) for i, lv in enumerate(fw.levels)}
    markers = dict(zip((lv.id for lv in fw.levels), ("o", "s", "D"), strict=False))
    colours = dict(zip((lv.id for lv in fw.levels), ("#d95f02", "#7570b3", "#1b9e77"), strict=False))
    n = len(fw.competences)
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * n + 1.6), dpi=100)
    xs = range(len(reviews))
    for row, c in enumerate(fw.competences):
        base = n - 1 - row
        ax.axhspan(base, base + 1, color="#f4f4f4" if row % 2 else "white", zorder=0)
        points = [(x, base + band[r.ratings[c.id]], r.ratings[c.id]) for x, r in zip(xs, reviews, strict=True)
                  if c.id in r.ratings]
        if len(points) > 1:
            ax.plot([p[0] for p in points], [p[1] for p in points], color="#555555", linewidth=1.2, zorder=1)
        for x, y, level in points:
            ax.scatter(x, y, marker=markers[level], s=46, color=colours[level], zorder=2)
    ax.set_yticks([n - 1 - i + 0.5 for i in range(n)], [c.name for c in fw.competences], fontsize=8)
    ax.set_xticks(list(xs), [_column_label(r, fw) for r in reviews], fontsize=7.5)
    ax.set_xlim(-0.5, len(reviews) - 0.5)
    ax.set_ylim(0, n)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    handles = [plt.Line2D([], [], marker=markers[lv.id], color=colours[lv.id], linestyle="", label=lv.name)
               for lv in fw.levels]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(handles),
              frameon=False, fontsize=8, title="Within each row: lower is emerging, higher established",
              title_fontsize=8)
    fig.tight_layout()
    return fig


def _column_label(review: Review, fw: Framework) -> str:
    """The review's date, and under it the stage of practice its ratings meet."""
    stage = review.stage(fw)
    meets = stage.name if stage else "not every competence rated"
    return review.date.strftime("%-d %b %Y") + "\n" + textwrap.fill(meets, 24)


__all__ = ["FrameworkError", "Review", "TrajectoryError", "changes", "draw_trajectory", "read_reviews"]
