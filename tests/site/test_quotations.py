"""Every quotation from a source in the handbook and the scenarios carries a page.

A quotation here is four or more words in quotation marks with a source's author (any author in
the bibliography, possessive or not) or a citation just before it, or a citation just after it.
Such words must be followed by a page ("p. 12", "pp. 12-13"); where no page can be given, the
words are a paraphrase and lose their quotation marks. Shorter quoted phrases name a term
("comrades in adversity"), and quoted words a set member says are dialogue, not quotations.
"""

import re

import pytest

from tests.conftest import REPO

INSTITUTIONS = {"Colleges", "Council", "Government", "Health", "Professionals", "York"}
MIN_WORDS = 4


def _authors() -> set[str]:
    bib = (REPO / "book" / "references.bib").read_text("utf-8")
    names = set()
    for field in re.finditer(r"author\s*=\s*[{\"](.+?)[}\"],?\s*\n", bib):
        for person in field.group(1).split(" and "):
            surname = person.split(",")[0].strip(" {}").split()[-1]
            if surname[:1].isupper() and surname.isalpha() or "'" in surname:
                names.add(surname)
    return names - INSTITUTIONS


def _patterns():
    names = "|".join(sorted(map(re.escape, _authors())))
    before = re.compile(
        rf"(\b({names})(['’]s)?\b[^\"“”.]{{0,30}}|\{{cite:[tp]\}}`[^`]+`[^\"“”.]{{0,30}})$"
    )
    after = re.compile(rf"^[^\"“”.]{{0,12}}(\(\s*({names})\b|\{{cite)")
    return before, after


QUOTE = re.compile(r"\"([^\"\n]+?)\"|“([^”\n]+?)”")
PAGE = re.compile(r"\bpp?\. ?\d")


def quotations_without_pages(text: str) -> list[str]:
    before, after = _patterns()
    text = re.sub(r"\s+", " ", text)
    found = []
    for quote in QUOTE.finditer(text):
        words = quote.group(1) or quote.group(2)
        if len(words.split()) < MIN_WORDS:
            continue
        ahead, behind = text[max(0, quote.start() - 60) : quote.start()], text[quote.end() : quote.end() + 80]
        if (before.search(ahead) or after.search(behind)) and not PAGE.search(behind[:60]):
            found.append(f"…{ahead[-40:]}\"{words}\"{behind[:30]}…")
    return found


FILES = sorted(REPO.glob("book/**/*.md")) + sorted(REPO.glob("actionlearning/simulation/scenarios/*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_quotations_from_sources_carry_a_page(path):
    found = quotations_without_pages(path.read_text("utf-8"))
    assert not found, (
        f"{path.relative_to(REPO)}: quoted words attributed to a source without a page; give the "
        "page after the citation (p. 12), or paraphrase without quotation marks:\n" + "\n".join(found)
    )


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ('Revans\'s third working question, "What can we do next?", is', True),
        ('As {cite:t}`king1993sage` put it, "from sage on the stage to guide on the side", so', True),
        ("Revans's \"comrades in adversity\" {cite:p}`revans2011abc`", False),  # a term: three words
        ('"the facilitator plans their own fading" ({cite:t}`revans2011abc`, p. 9)', False),
        ('"the facilitator plans their own fading" {cite:p}`revans2011abc`', True),
        ('Kelly says "is that us done, then?" and looks at you.', False),
        ("Revans's working questions, paraphrased: what are we trying to do?", False),
    ],
)
def test_what_counts_as_a_quotation(text, flagged):
    assert bool(quotations_without_pages(text)) is flagged
