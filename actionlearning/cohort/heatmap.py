"""The cohort as a picture: trainees by sessions, coloured by automatic score (needs matplotlib)."""

from __future__ import annotations

from pathlib import Path

from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.report import Report, cell_text

FAILED_COLOUR = "#e8a29a"
MISSING_COLOUR = "#d9d9d9"
NOT_RELEASED_COLOUR = "#ffffff"


def write_heatmap(report: Report, path: Path) -> Path:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.colors import LinearSegmentedColormap
        from matplotlib.patches import Patch
    except ImportError:
        raise CohortError(
            "The heatmap needs matplotlib, which is not installed: install it with "
            "`.venv/bin/python -m pip install matplotlib`, or leave out --png."
        ) from None

    trainees = report.order
    sessions = report.sessions
    scale = LinearSegmentedColormap.from_list("score", ["#fff7bc", "#41ab5d", "#005a32"])
    fig, ax = plt.subplots(figsize=(1.1 * len(sessions) + 3, 0.42 * len(trainees) + 1.8), dpi=110)
    for y, tid in enumerate(trainees):
        for x, s in enumerate(sessions):
            row = report.rows[tid][s]
            if row is None:
                colour, text = NOT_RELEASED_COLOUR, ""
            elif row.status == "failed":
                colour, text = FAILED_COLOUR, "failed"
            elif row.status == "missing":
                colour, text = MISSING_COLOUR, "missing"
            elif row.score is None or not row.max_score:
                colour, text = MISSING_COLOUR, cell_text(row)
            else:
                fraction = row.score / row.max_score
                colour, text = scale(fraction), cell_text(row)
            ax.add_patch(plt.Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="#888888", linewidth=0.5))
            if text:
                dark = row is not None and row.score is not None and row.max_score and row.score / row.max_score > 0.6
                ax.text(x + 0.5, y + 0.5, text, ha="center", va="center", fontsize=7,
                        color="white" if dark and row.status != "failed" else "black")
    ax.set_xlim(0, len(sessions))
    ax.set_ylim(len(trainees), 0)
    ax.set_xticks([x + 0.5 for x in range(len(sessions))], [s.replace("session-", "") for s in sessions])
    ax.set_yticks([y + 0.5 for y in range(len(trainees))], [report.labels[t] for t in trainees], fontsize=8)
    ax.set_xlabel("session")
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(f"Cohort {report.cohort.name}: automatic scores (L late, R work awaiting your review)", fontsize=9)
    ax.legend(handles=[Patch(facecolor=scale(1.0), label="full marks"), Patch(facecolor=scale(0.0), label="no marks"),
                       Patch(facecolor=FAILED_COLOUR, label="failed"), Patch(facecolor=MISSING_COLOUR, label="missing"),
                       Patch(facecolor=NOT_RELEASED_COLOUR, edgecolor="#888888", label="not released")],
              loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, format="png")
    plt.close(fig)
    return path
