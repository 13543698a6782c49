"""Steps in making a blind batch (README.md says why and how), from its folder's files:

    python -m tests.data.question_blind.batches to-label batch-2      # raw/ -> to-label-*.yaml
    python -m tests.data.question_blind.batches disagreements batch-2  # labels -> disagreements.yaml
    python -m tests.data.question_blind.batches merge batch-2        # + resolved.yaml -> corpus.yaml

A person's check of the labels (the labellers were instances of one model): draw a sheet,
label it from CODING.md alone, and compare:

    python -m tests.data.question_blind.batches human-sheet sample.csv --size 120
    python -m tests.data.question_blind.batches human-agreement sample.csv

A training set for the learned issues (tests/data/question_training) goes through the same steps,
named by its path: ``to-label tests/data/question_training/set-1 --prefix t1``.

Labellers see ids, speakers and texts only, in an order shuffled from the writers' files;
``sources.yaml`` keeps where each came from. Agreement is printed per label (Cohen's kappa).
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

import yaml

from actionlearning.checks.agreement import cohen_kappa
from actionlearning.practice.questions import ISSUES

FOLDER = Path(__file__).resolve().parent
HALVES = ("1", "2")


def _load(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


def _dump(data, path: Path, header: str = "") -> None:
    path.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200), "utf-8")


def _labels(item: dict) -> tuple:
    return item["is_question"], item["form"], tuple(item["issues"] or ())


def to_label(batch: Path, prefix: str, seed: int) -> None:
    """Every writer's turn once (exact repeats dropped), shuffled, in two halves."""
    items, seen = [], set()
    for path in sorted((batch / "raw").glob("writer-*.yaml")):
        for number, item in enumerate(_load(path), start=1):
            key = " ".join(item["text"].lower().split())
            if key not in seen:
                seen.add(key)
                items.append({"source": f"{path.stem}#{number}", "speaker": item["speaker"], "text": item["text"]})
    random.Random(seed).shuffle(items)
    for number, item in enumerate(items, start=1):
        item["id"] = f"{prefix}-{number:03d}"
    _dump([{"id": i["id"], "source": i["source"]} for i in items], batch / "sources.yaml")
    half = len(items) // 2
    for name, part in zip(HALVES, (items[:half], items[half:])):
        _dump([{"id": i["id"], "speaker": i["speaker"], "text": i["text"]} for i in part], batch / f"to-label-{name}.yaml")
    print(f"{len(items)} turns to label in {batch.name}")


def _labellings(batch: Path) -> tuple[dict, dict]:
    first = {i["id"]: i for h in HALVES for i in _load(batch / f"labels-A-{h}.yaml")}
    second = {i["id"]: i for h in HALVES for i in _load(batch / f"labels-B-{h}.yaml")}
    if set(first) != set(second):
        raise SystemExit("the two labellings do not cover the same turns")
    return first, second


def agreement(batch: Path) -> None:
    print_agreement(*_labellings(batch))


def print_agreement(first: dict, second: dict) -> None:
    """Per label, how often two labellings of the same turns agree, and Cohen's kappa."""
    ids = sorted(first)
    measures = {"is a question": lambda x: x["is_question"], "form": lambda x: x["form"]}
    measures |= {issue: (lambda issue: lambda x: issue in (x["issues"] or ()))(issue) for issue in ISSUES}
    print("| label | agreement | kappa |\n|---|---|---|")
    for name, read in measures.items():
        a, b = [read(first[i]) for i in ids], [read(second[i]) for i in ids]
        kappa = cohen_kappa(a, b)
        print(f"| {name} | {sum(x == y for x, y in zip(a, b)) / len(ids):.1%} | {'-' if kappa is None else f'{kappa:.2f}'} |")


def disagreements(batch: Path) -> None:
    first, second = _labellings(batch)
    texts = {i["id"]: i for h in HALVES for i in _load(batch / f"to-label-{h}.yaml")}
    differ = []
    for key in sorted(first):
        if _labels(first[key]) != _labels(second[key]):
            differ.append({"id": key, "speaker": texts[key]["speaker"], "text": texts[key]["text"],
                           "labeller_1": {k: v for k, v in first[key].items() if k != "id"},
                           "labeller_2": {k: v for k, v in second[key].items() if k != "id"}})
    _dump(differ, batch / "disagreements.yaml")
    agreement(batch)
    print(f"{len(differ)} of {len(first)} turns to settle by a third reading")


def merge(batch: Path) -> None:
    first, second = _labellings(batch)
    resolved = {i["id"]: i for i in (_load(batch / "resolved.yaml") or [])} if (batch / "resolved.yaml").exists() else {}
    texts = {i["id"]: i for h in HALVES for i in _load(batch / f"to-label-{h}.yaml")}
    sources = {i["id"]: i["source"] for i in _load(batch / "sources.yaml")}
    corpus = []
    for key in sorted(texts):
        agreed = _labels(first[key]) == _labels(second[key])
        if not agreed and key not in resolved:
            raise SystemExit(f"{key}: the labellers disagree and resolved.yaml does not settle it")
        gold = first[key] if agreed else resolved[key]
        corpus.append({"id": key, "text": texts[key]["text"], "speaker": texts[key]["speaker"],
                       "is_question": gold["is_question"], "form": gold["form"], "issues": list(gold["issues"] or []),
                       "labellers_agreed": agreed, "written_by": sources[key].split("#")[0]})
    if batch.parent == FOLDER:
        header = (f"# The blind question corpus, {batch.name} (issue 17): written by writers who had not seen the\n"
                  "# Question Lab's rules (raw/), labelled twice independently from CODING.md (labels-*.yaml),\n"
                  "# disagreements settled by a third reading (resolved.yaml). Never tune the rules on it:\n"
                  "# see README.md in the folder above.\n")
    else:
        header = (f"# Training set {batch.name} for the Question Lab's advice model: written to brief (raw/),\n"
                  "# labelled twice independently from the blind corpus's CODING.md (labels-*.yaml),\n"
                  "# disagreements settled by a third reading (resolved.yaml). See README.md in the folder above.\n")
    _dump(corpus, batch / "corpus.yaml", header)
    print(f"{len(corpus)} turns in {batch / 'corpus.yaml'}")


SHEET_COLUMNS = ("id", "text", "is_question", "form", "issues")


def human_sheet(path: Path, size: int, seed: int) -> None:
    """A labelling sheet for a person: ``size`` blind turns drawn at random, with blank labels."""
    turns = [item for corpus in sorted(FOLDER.glob("batch-*/corpus.yaml")) for item in _load(corpus)]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(SHEET_COLUMNS)
        for item in random.Random(seed).sample(turns, min(size, len(turns))):
            writer.writerow([item["id"], item["text"], "", "", ""])
    print(f"{min(size, len(turns))} turns to label in {path}: fill in is_question (yes or no), form "
          f"(open, closed or blank) and issues (any of {', '.join(ISSUES)}), reading CODING.md first")


def _human_labels(path: Path) -> dict[str, dict]:
    """A filled-in sheet's labels by id; a row left blank is skipped, a bad value stops with its row."""
    labels = {}
    with path.open(newline="", encoding="utf-8") as f:
        for row_number, row in enumerate(csv.DictReader(f), start=2):
            answer = (row.get("is_question") or "").strip().lower()
            if not answer:
                continue
            where = f"{path}, row {row_number} ({row.get('id')})"
            if answer not in ("yes", "no", "y", "n", "true", "false"):
                raise SystemExit(f"{where}: is_question is {answer!r}; write yes or no")
            form = (row.get("form") or "").strip().lower() or None
            issues = [i for i in (row.get("issues") or "").replace(",", " ").lower().split()]
            if form not in ("open", "closed", None) or [i for i in issues if i not in ISSUES]:
                raise SystemExit(f"{where}: form must be open, closed or blank, and issues any of {', '.join(ISSUES)}")
            labels[row["id"]] = {"is_question": answer in ("yes", "y", "true"), "form": form,
                                 "issues": [i for i in ISSUES if i in issues]}
    return labels


def human_agreement(path: Path) -> None:
    """How far a person's labels agree with the corpus's, on the turns they labelled."""
    human = _human_labels(path)
    gold = {item["id"]: item for corpus in FOLDER.glob("batch-*/corpus.yaml") for item in _load(corpus)}
    unknown = sorted(set(human) - set(gold))
    if unknown:
        raise SystemExit(f"{path}: ids not in any blind batch: {', '.join(unknown[:5])}")
    if not human:
        raise SystemExit(f"{path}: no turn is labelled yet")
    print(f"{len(human)} turns labelled by a person, against the corpus's labels")
    print_agreement(human, {key: gold[key] for key in human})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("to-label", "disagreements", "merge", "human-sheet", "human-agreement"))
    parser.add_argument("batch", help="a blind batch's folder name (batch-2), or the path of a training set's "
                                      "folder; for human-sheet and human-agreement, the sheet's path (.csv)")
    parser.add_argument("--size", type=int, default=120, help="turns on a human labelling sheet")
    parser.add_argument("--prefix", help="the turns' id prefix (a blind batch's is b and its number)")
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()
    if args.step == "human-sheet":
        return human_sheet(Path(args.batch), args.size, args.seed)
    if args.step == "human-agreement":
        return human_agreement(Path(args.batch))
    batch = Path(args.batch) if "/" in args.batch else FOLDER / args.batch
    if args.step == "to-label":
        to_label(batch, args.prefix or "b" + args.batch.rsplit("-", 1)[1], args.seed)
    elif args.step == "disagreements":
        disagreements(batch)
    else:
        merge(batch)


if __name__ == "__main__":
    main()
