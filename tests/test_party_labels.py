"""Labelled party lines ("Party A: ...", "Licensor:  ...") are found by ``_party_sources._labels``, which
skips ahead to a label's first word; it must find exactly the matches of a plain ``finditer`` scan."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.extract import _party_sources

PARTS = [
    "Party A", "Party", "Company Name", "Company", "Licensor", "Licensee (Shipper)", "Seller", "Employer",
    "NonCompany", ":", "：", " ", "  ", "\t", "\n", "\n\n", "x", "Acme Corp",
]  # fmt: skip


def spans(ms: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in ms]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=24), st.integers(0, 200))
def test_labels_are_the_matches_of_a_plain_scan(parts: list[str], cut: int) -> None:
    text = "".join(parts)
    for end in (len(text), min(cut, len(text))):
        plain = list(_party_sources._LABEL.finditer(text, 0, end))
        assert spans(_party_sources._labels(text, end)) == spans(plain)
