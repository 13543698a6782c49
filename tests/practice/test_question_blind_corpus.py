"""The blind question corpus (tests/data/question_blind) is what its README says it is: every
turn traced to a writer's file word for word, labelled twice, each label the two labellers'
where they agreed and the third reading's where they did not, and well-formed throughout. No
accuracy threshold is set on it here: it is scored by `make bench`, never tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actionlearning.practice.questions import ISSUES

FOLDER = Path(__file__).resolve().parents[1] / "data" / "question_blind"
BATCHES = sorted(p.parent for p in FOLDER.glob("batch-*/corpus.yaml"))


def _load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text("utf-8"))


def _labels(item: dict) -> tuple:
    return item["is_question"], item["form"], tuple(item["issues"] or ())


def _by_id(batch: Path, pattern: str) -> dict[str, dict]:
    return {item["id"]: item for path in sorted(batch.glob(pattern)) for item in _load(path)}


def test_the_blind_corpus_holds_at_least_600_turns():
    assert BATCHES and sum(len(_load(b / "corpus.yaml")) for b in BATCHES) >= 600


@pytest.mark.parametrize("batch", BATCHES, ids=lambda b: b.name)
def test_each_label_is_the_labellers_where_they_agreed_and_the_third_readings_where_not(batch):
    corpus = _load(batch / "corpus.yaml")
    first, second = _by_id(batch, "labels-A-*.yaml"), _by_id(batch, "labels-B-*.yaml")
    resolved = _by_id(batch, "resolved.yaml")
    assert set(first) == set(second) == {item["id"] for item in corpus}
    for item in corpus:
        agreed = _labels(first[item["id"]]) == _labels(second[item["id"]])
        assert item["labellers_agreed"] == agreed, item["id"]
        expected = first[item["id"]] if agreed else resolved[item["id"]]
        assert _labels(item) == _labels(expected), item["id"]
    assert set(resolved) == {item["id"] for item in corpus if not item["labellers_agreed"]}


@pytest.mark.parametrize("batch", BATCHES, ids=lambda b: b.name)
def test_every_turn_is_a_writers_word_for_word_and_well_formed(batch):
    corpus = _load(batch / "corpus.yaml")
    sources = {item["id"]: item["source"] for item in _load(batch / "sources.yaml")}
    written = {}
    for path in sorted((batch / "raw").glob("writer-*.yaml")):
        for number, item in enumerate(_load(path), start=1):
            written[f"{path.stem}#{number}"] = item["text"]
    assert len({item["id"] for item in corpus}) == len(corpus)
    assert len({" ".join(item["text"].lower().split()) for item in corpus}) == len(corpus)
    for item in corpus:
        assert written[sources[item["id"]]] == item["text"], item["id"]
        assert item["written_by"] == sources[item["id"]].split("#")[0]
        assert (item["form"] is None) == (not item["is_question"]) and item["form"] in ("open", "closed", None)
        assert item["is_question"] or not item["issues"], item["id"]
        assert list(item["issues"]) == [i for i in ISSUES if i in item["issues"]], item["id"]
