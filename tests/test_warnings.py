"""Contradictory wording is reported as a warning with its span, never dropped silently."""

from __future__ import annotations

import pytest

from termwise.model import Document, Source
from termwise.pipeline import extract_document


def warnings_of(text: str) -> list[tuple[str, str]]:
    doc = Document(text=text, source=Source(path="t.txt", format="text", sha256=""))
    return [(w.message, text[w.start : w.end]) for w in extract_document(doc, clauses=False).warnings]


@pytest.mark.parametrize(
    ("text", "span", "says"),
    [
        pytest.param(
            "The base salary is two hundred fifty thousand dollars ($205,000) per year.",
            "two hundred fifty thousand dollars ($205,000)",
            "250000 in words but 205000 in figures",
            id="money",
        ),
        pytest.param("Holder owns fifty percent (5%) of it.", "fifty percent (5%)", "50 in words but 5", id="percent"),
        pytest.param("for a period of six (9) months after", "six (9) months", "6 in words but 9", id="duration"),
        pytest.param(
            "within thirty (60) days of notice",
            "within thirty (60) days of notice",
            "30 in words but 60",
            id="relative-date",
        ),
    ],
)
def test_words_and_figures_that_disagree_are_warned(text: str, span: str, says: str) -> None:
    ((message, covered),) = warnings_of(text)
    assert covered == span
    assert says in message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("two hundred fifty thousand dollars ($250,000)", id="money-agrees"),
        pytest.param("$3,500,000.00 (three million five hundred thousand and 00/100 US dollars)", id="figures-first"),
        pytest.param("fifty percent (50%) and six (6) months and twenty-four (24) installments", id="all-agree"),
        pytest.param("one and one-half percent (1.5%)", id="fraction-agrees"),
    ],
)
def test_agreeing_wording_is_not_warned(text: str) -> None:
    assert warnings_of(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("two hundred fifty thousand dollars ($205,000)", "the value keeps 205000", id="money"),
        pytest.param("one and half percent (1.5%) per month", "the value keeps 1.5", id="percent"),
    ],
)
def test_the_figure_wins_when_words_disagree(text: str, kept: str) -> None:
    ((message, _),) = warnings_of(text)
    assert message.endswith(kept)
