"""Extraction compiles its patterns at import: no extractor hands a pattern string to ``re.search`` and the like
while it runs (the defined-term uses compile one pattern per document, which pushes older entries out of
``re``'s cache, so a string pattern would be compiled again and again). And where a precompiled pattern now
searches from an offset instead of a slice, it finds what the slice finds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.extract import _names
from termwise.ingest import read
from termwise.pipeline import extract_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
_STRING_API = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_extract_passes_no_pattern_strings(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = read(path)  # reading is not extraction: watch only extract_document
    calls: list[str] = []
    for name in _STRING_API:
        original = getattr(re, name)

        def watched(pattern: Any, *args: Any, __name: str = name, __original: Any = original, **kwargs: Any) -> Any:
            if isinstance(pattern, str):
                calls.append(f"re.{__name}({pattern!r}, ...)")
            return __original(pattern, *args, **kwargs)

        monkeypatch.setattr(re, name, watched)
    for doc in docs:
        extract_document(doc, clauses=False)
    monkeypatch.undo()
    assert calls == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('aA. \n();"“”,xZ')), max_size=60),
    st.integers(min_value=0, max_value=60),
)
def test_clause_break_from_an_offset_is_the_slice(window: str, c: int) -> None:
    from_offset = _names.CLAUSE_BREAK.search(window, c) is not None
    assert from_offset == (re.compile(_names.CLAUSE_BREAK.pattern).search(window[c:]) is not None)
