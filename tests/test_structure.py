"""Document structure and people: sections, letterhead, signature blocks, people, sentences.

Example tables over passages in varied layouts, checks on the three example letters read from
disk, and a property test that none of the finders raises or leaves the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termwise.extract.dates import find_dates
from termwise.extract.people import find_people
from termwise.extract.signatures import find_signatures
from termwise.model import Document, Source
from termwise.segment.furniture import find_furniture
from termwise.segment.letterhead import find_letterhead
from termwise.segment.sections import find_sections
from termwise.segment.sentences import split_sentences

EXAMPLES = Path(__file__).parents[1].parent / "shared" / "examples"


def doc_of(text: str, path: str = "passage.txt") -> Document:
    furniture, pages = find_furniture(text)
    return Document(
        text=text,
        source=Source(path=path, format="text", sha256="0" * 64),
        furniture=furniture,
        page_starts=pages,
    )


def example(name: str) -> Document:
    return doc_of((EXAMPLES / name).read_text(encoding="utf-8"), name)


def sections_by_id(text: str) -> dict[str, object]:
    return {s.id: s for s in find_sections(doc_of(text))}


# --------------------------------------------------------------------------- sections

LETTER_PARAS = """\
Dear Jay:

     The parties agree as follows:

1.        This agreement relates to the purchase by the Purchaser of 595,889
     shares for an aggregate purchase price of
     $3,500,000.00 (three million five hundred thousand and 00/100 US dollars).

2.        The Company represents that (a) the shares have been registered
     under the Securities Act; and (b) the Company has filed a prospectus
     supplement.

3.        The Company will file an application.

     Please execute a copy of this letter which, when executed by the Purchaser,
will constitute an agreement.
"""

OFFER_STYLE = """\
     4.   Capacity and Duties. You shall serve as the President and shall
          report directly to the Chief Executive Officer.

     5.   Payments on Change of Control.

          5.1  If there occurs a Change of Control (as defined in Section 5.3
               below), the Company shall (a) pay to you a lump sum and (b)
               provide you with continued coverage. Further text follows here.

          5.2  "Good Cause" shall mean (a) your conviction of (i) any felony
               or (ii) any crime of moral turpitude; (b) your willful neglect;
               and (c) your failure to abide by the policies.

          5.3  "Change of Control" means (a) a merger (as such term is used in
               Sections 13(d)(3) and 14(d)(2) of the Exchange Act), or (b) a
               Person becomes a beneficial owner (within the meaning of Rule
               13d-3 under the Exchange Act).

     6.   Business Expenses. You will be reimbursed.
"""

ARTICLES = """\
ARTICLE I
DEFINITIONS

Section 1.1 "Affiliate" means any entity controlling a party.

Section 1.2 "Products" means the products listed in Exhibit A.

ARTICLE II
TERM AND TERMINATION

Section 2.1 Term. This Agreement begins on the Effective Date.

Section 2.2 Termination. Either party may terminate this Agreement:

     (a) upon thirty (30) days notice;

     (b) upon a material breach; or

     (c) upon insolvency of the other party.

IN WITNESS WHEREOF, the parties have executed this Agreement.
"""

FLATTENED = (
    'NOW, THEREFORE, the parties agree as follows:   1. Definitions   1.1 "Affiliate" means an entity. '
    '  1.2 "Territory" means the United States.   2. License Grant   2.1 Licensor grants Licensee a license '
    "to (a) make, (b) use and (c) sell the Products.   2.2 Licensee shall not sublicense.   3. Payments   "
    "3.1 Licensee shall pay $10,000.00 on or before June 29, 2001."
)

INLINE_XYZ = (
    "I shall provide the first tranche, subject to (a) the mutual agreement of the parties, (b) the "
    "negotiation of documentation, and (c) the approval of the board. I shall provide the next "
    "tranche, subject to the following conditions: (x) there has been no change in the Chief Executive "
    "Officer, (y) there has been no material adverse change, (z) at least 100 prototypes are produced.\n"
)

LETTER_SEQUENCE = (
    "The Company shall deliver: (a) the first item, (b) the second item, (c) the third, (d) the fourth, "
    "(e) the fifth, (f) the sixth, (g) the seventh, (h) the eighth, (i) the ninth and (j) the tenth.\n"
)

BLOCK_LISTS = """\
7.   Covenants. The Seller covenants that:

     (A)  it will operate in the ordinary course;

     (B)  it will not incur debt other than:

          (1)  trade payables; and

          (2)  debt under the Credit Agreement.

8.   Notices. All notices shall be in writing.
"""

DECOYS = """\
The purchase price of $3,500,000.00 shall be paid on June 29,
2001. The Purchaser, as defined in Section 5.3(b) above, shall be a
beneficial owner within the meaning of Rule 13d-3 and Sections 13(d)(3)
and 14(d)(2). Interest accrues at 5.25 percent (see clause (a) of the Note).
Call (242) 323-7918 for details.
"""


@pytest.mark.parametrize(
    ("text", "expected_ids"),
    [
        pytest.param(LETTER_PARAS, ["1", "2", "2(a)", "2(b)", "3"], id="letter-numbered-paragraphs"),
        pytest.param(
            OFFER_STYLE,
            [
                "4",
                "5",
                "5.1",
                "5.1(a)",
                "5.1(b)",
                "5.2",
                "5.2(a)",
                "5.2(a)(i)",
                "5.2(a)(ii)",
                "5.2(b)",
                "5.2(c)",
                "5.3",
                "5.3(a)",
                "5.3(b)",
                "6",
            ],
            id="offer-letter-decimals-nested",
        ),
        pytest.param(
            ARTICLES,
            ["Article I", "1.1", "1.2", "Article II", "2.1", "2.2", "2.2(a)", "2.2(b)", "2.2(c)"],
            id="articles-with-sections",
        ),
        pytest.param(
            FLATTENED,
            ["1", "1.1", "1.2", "2", "2.1", "2.1(a)", "2.1(b)", "2.1(c)", "2.2", "3", "3.1"],
            id="flattened-paragraphs",
        ),
        pytest.param(INLINE_XYZ, ["(a)", "(b)", "(c)", "(x)", "(y)", "(z)"], id="inline-abc-then-xyz"),
        pytest.param(
            LETTER_SEQUENCE,
            ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)"],
            id="letter-i-after-h",
        ),
        pytest.param(BLOCK_LISTS, ["7", "7(A)", "7(B)", "7(B)(1)", "7(B)(2)", "8"], id="block-upper-and-digit-lists"),
        pytest.param(
            "the parties agree as follows:   1) Duties of Seller   Seller agrees to:   a. Promote the Products.   "
            "b. Report quarterly.   2) Duties of Buyer   Buyer shall pay.",
            ["(1)", "(1).a", "(1).b", "(2)"],
            id="right-paren-numbers-and-letter-dots-flattened",
        ),
        pytest.param(
            "TABLE OF CONTENTS\n\nARTICLE I DEFINITIONS ........................ 1\n"
            "Section 1.1 Definitions ........................ 1\n\nARTICLE I\nDEFINITIONS\n\n"
            "Section 1.1 Definitions. Terms have these meanings.\n",
            ["Article I", "1.1"],
            id="table-of-contents-skipped",
        ),
        pytest.param(DECOYS, [], id="money-dates-references-not-sections"),
        pytest.param("Subject to clause (a) of the Note, interest is payable.\n", [], id="lone-reference"),
        pytest.param("The fee is due (a) monthly in arrears.\n", [], id="single-inline-item-dropped"),
    ],
)
def test_section_ids(text: str, expected_ids: list[str]) -> None:
    assert [s.id for s in find_sections(doc_of(text))] == expected_ids


@pytest.mark.parametrize(
    ("text", "sid", "parent", "level"),
    [
        pytest.param(OFFER_STYLE, "5.1", "5", 1, id="decimal-parent"),
        pytest.param(OFFER_STYLE, "5.2(a)(ii)", "5.2(a)", 3, id="roman-under-letter"),
        pytest.param(ARTICLES, "2.2(b)", "2.2", 2, id="list-under-section"),
        pytest.param(ARTICLES, "1.1", "Article I", 1, id="section-under-article"),
        pytest.param(FLATTENED, "2.1(c)", "2.1", 2, id="flattened-inline-list"),
    ],
)
def test_section_tree(text: str, sid: str, parent: str, level: int) -> None:
    s = sections_by_id(text)[sid]
    assert (s.parent, s.level) == (parent, level)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "sid", "heading"),
    [
        pytest.param(OFFER_STYLE, "4", "Capacity and Duties", id="title-ending-with-period"),
        pytest.param(OFFER_STYLE, "5", "Payments on Change of Control", id="heading-only-paragraph"),
        pytest.param(OFFER_STYLE, "5.1", None, id="sentence-is-not-heading"),
        pytest.param(ARTICLES, "Article II", "TERM AND TERMINATION", id="article-heading-next-line"),
        pytest.param(ARTICLES, "2.1", "Term", id="section-short-title"),
        pytest.param(FLATTENED, "2", "License Grant", id="flattened-heading-before-gap"),
    ],
)
def test_section_heading(text: str, sid: str, heading: str | None) -> None:
    assert sections_by_id(text)[sid].heading == heading  # type: ignore[attr-defined]


def test_section_ends_at_next_sibling_and_before_closing_paragraph() -> None:
    d = doc_of(LETTER_PARAS)
    secs = {s.id: s for s in find_sections(d)}
    assert d.text[secs["1"].start : secs["1"].end].endswith("00/100 US dollars).")
    assert secs["1"].end < secs["2"].start
    assert d.text[secs["3"].start : secs["3"].end] == "3.        The Company will file an application."


def test_inline_item_ends_with_its_sentence() -> None:
    d = doc_of(OFFER_STYLE)
    s = sections_by_id(OFFER_STYLE)["5.1(b)"]
    assert d.text[s.start : s.end].endswith("continued coverage.")  # type: ignore[attr-defined]


def test_article_and_witness_close_sections() -> None:
    d = doc_of(ARTICLES)
    s = sections_by_id(ARTICLES)["2.2"]
    assert "IN WITNESS" not in d.text[s.start : s.end]  # type: ignore[attr-defined]
    assert s.label == "Section 2.2"  # type: ignore[attr-defined]


@pytest.mark.xfail(
    strict=True, reason="a flush-left closing paragraph after flush-left numbered paragraphs stays inside"
)
def test_flush_left_closing_paragraph_ends_last_section() -> None:
    text = "1. The Company shall pay the fee.\nIt is due monthly.\n\n2. The fee is fixed.\nIt never changes.\n\n"
    text += "Please sign below.\n"
    d = doc_of(text)
    last = sections_by_id(text)["2"]
    assert d.text[last.start : last.end] == "2. The fee is fixed.\nIt never changes."  # type: ignore[attr-defined]


@pytest.mark.xfail(strict=True, reason="a heading without a period, followed by a double space, is not recognised")
def test_heading_without_period_in_flattened_numbered_paragraph() -> None:
    text = "11.      Trademarks  SIERRA  is the owner of the trademarks.\n\n12.      Venue. Colorado.\n"
    assert sections_by_id(text)["11"].heading == "Trademarks"  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- letterhead

LEFT_LETTER = """\
November 29, 1999

Anthony Rieden
Ridgeway Investment Limited
P.O. Box N 9204
Nassau, Bahamas

Dear Anthony:

     This letter sets forth our agreement.
"""

RIGHT_SENDER = """\
Carl Berg
                                        10050 Bandley Drive
                                        Cupertino, Calif. 95014

June 27, 2001

Jay King
Valence Technology, Inc.
301 Conestoga Way
Henderson, NV  89015

Re:  $20,000,000 Financing Commitment

Dear Jay:

     I am pleased to confirm the financing.
"""

CENTRED = """\
                         ACME WIDGETS CORPORATION
                          500 Market Street, Suite 9
                        San Francisco, California 94105

                                                      March 3, 2010

VIA FACSIMILE

Ms. Jane Doe
Chief Executive Officer
Beta Holdings, Inc.
12 Main Street
Boston, MA 02110

RE: Amendment No. 2 to the Supply Agreement
    dated January 5, 2009

Ladies and Gentlemen:

     We refer to the Supply Agreement.
"""

AGREEMENT = """\
                          SUPPLY AGREEMENT

     This Supply Agreement is entered into as of March 3, 2010 by and between
Acme Widgets Corporation and Beta Holdings, Inc.

1.   Supply. Acme shall supply the Products.
"""


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param(LEFT_LETTER, ["date", "recipient", "salutation"], id="left-aligned-no-sender"),
        pytest.param(
            RIGHT_SENDER, ["sender", "date", "recipient", "reference", "salutation"], id="right-indented-sender"
        ),
        pytest.param(CENTRED, ["sender", "date", "recipient", "reference", "salutation"], id="centred-letterhead"),
        pytest.param(AGREEMENT, [], id="agreement-is-not-a-letter"),
        pytest.param("", [], id="empty"),
    ],
)
def test_letterhead_kinds(text: str, kinds: list[str]) -> None:
    assert [b.kind for b in find_letterhead(doc_of(text))] == kinds


@pytest.mark.parametrize(
    ("text", "kind", "block"),
    [
        pytest.param(LEFT_LETTER, "date", "November 29, 1999", id="date-line"),
        pytest.param(
            LEFT_LETTER,
            "recipient",
            "Anthony Rieden\nRidgeway Investment Limited\nP.O. Box N 9204\nNassau, Bahamas",
            id="recipient-block",
        ),
        pytest.param(RIGHT_SENDER, "reference", "Re:  $20,000,000 Financing Commitment", id="reference-line"),
        pytest.param(RIGHT_SENDER, "salutation", "Dear Jay:", id="salutation"),
        pytest.param(
            CENTRED,
            "reference",
            "RE: Amendment No. 2 to the Supply Agreement\n    dated January 5, 2009",
            id="wrapped-reference",
        ),
        pytest.param(
            CENTRED,
            "recipient",
            "Ms. Jane Doe\nChief Executive Officer\nBeta Holdings, Inc.\n12 Main Street\nBoston, MA 02110",
            id="delivery-line-skipped",
        ),
        pytest.param(CENTRED, "date", "March 3, 2010", id="right-aligned-date"),
    ],
)
def test_letterhead_block_text(text: str, kind: str, block: str) -> None:
    blocks = {b.kind: b for b in find_letterhead(doc_of(text))}
    assert blocks[kind].text == block


# --------------------------------------------------------------------------- signatures

STACKED = """\
     Please execute a copy of this letter.

                                 Very truly yours,

                                 COMPANY
                                 VALENCE TECHNOLOGY, INC.

                                 By:   /S/ JAY L. KING
                                     ----------------------------
                                 Name:  Jay L. King
                                 Title: Vice President & Chief Financial Officer

AGREED TO:

PURCHASER:
RIDGEWAY INVESTMENT LIMITED

By:  /S/ ANTHONY L.M. INDER RIEDEN
   ------------------------------------
     Name:   Anthony L.M. Inder Rieden
     Title:  Director
"""

SELF_SIGNED = """\
                                                 Sincerely,

                                                 /s/ Carl Berg
                                                 -----------------------------
                                                 Carl Berg

ACCEPTED AND AGREED:

VALENCE TECHNOLOGY, INC.

/S/ JAY KING
---------------------------
By:  Jay King
"""

BESIDE_DATE = """\
Sincerely,

/s/ Stephan Godevais                            4/04/05
----------------------------                --------------------
Stephan Godevais                            Date: April 4, 2005

ACCEPTED AND AGREED TO:

/s/ Jin-Rong Hwang                              4/04/05
----------------------------                ---------------------
Jin-Rong Hwang                              Date: April 4, 2005
"""

WITNESS_COLUMNS = """\
     IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written above.

SIERRA MOUNTAIN MINERALS, INC.              ENVISION HEALTH, INC.

By:  /s/ Michael Bentley                    By:  /s/ Michael Schuett
     -----------------------                     -----------------------
Name:  Michael Bentley                      Name:  Michael Schuett
Title: President                            Title: Chief Executive Officer
Date:  December 8, 2005                     Date:  December 7, 2005
"""

FLATTENED_SIGS = (
    "IN WITNESS WHEREOF, the parties have executed this Agreement. ACME CORP. BETA LLC "
    "By: /s/ Stephen T. Isaacs By: /s/ Andrea van Elsas Name: Stephen T. Isaacs Name: Andrea van Elsas "
    "Title: President and Chief Executive Officer Title: Chief Scientific Officer"
)

BLANK_FORM = """\
IN WITNESS WHEREOF, the parties have signed this Agreement.

GAMMA INDUSTRIES, INC.

By: ______________________________
Name: ____________________________
Its: _____________________________
"""

ITS_TITLE = """\
IN WITNESS WHEREOF, the undersigned have executed this Agreement.

DELTA PARTNERS, L.P.
By: Delta GP, LLC, its general partner

By: /s/ Maria Lopez
Name: Maria Lopez
Its: Managing Member
"""


def sig_rows(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(s.name, s.title, s.party) for s in find_signatures(doc_of(text))]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        pytest.param(
            STACKED,
            [
                ("Jay L. King", "Vice President & Chief Financial Officer", "VALENCE TECHNOLOGY, INC."),
                ("Anthony L.M. Inder Rieden", "Director", "RIDGEWAY INVESTMENT LIMITED"),
            ],
            id="by-name-title-stacked",
        ),
        pytest.param(
            SELF_SIGNED,
            [("Carl Berg", None, "Carl Berg"), ("Jay King", None, "VALENCE TECHNOLOGY, INC.")],
            id="slash-s-over-typed-name-and-by",
        ),
        pytest.param(
            BESIDE_DATE,
            [("Stephan Godevais", None, "Stephan Godevais"), ("Jin-Rong Hwang", None, "Jin-Rong Hwang")],
            id="date-beside-signature",
        ),
        pytest.param(
            WITNESS_COLUMNS,
            [
                ("Michael Bentley", "President", "SIERRA MOUNTAIN MINERALS, INC."),
                ("Michael Schuett", "Chief Executive Officer", "ENVISION HEALTH, INC."),
            ],
            id="two-party-columns",
        ),
        pytest.param(
            FLATTENED_SIGS,
            [
                ("Stephen T. Isaacs", "President and Chief Executive Officer", "ACME CORP."),
                ("Andrea van Elsas", "Chief Scientific Officer", "BETA LLC"),
            ],
            id="flattened-columns-dealt-in-order",
        ),
        pytest.param(BLANK_FORM, [(None, None, "GAMMA INDUSTRIES, INC.")], id="blank-signature-form"),
        pytest.param(
            "ARCA CAPITAL MANAGEMENT, LLC By: /s/ Philip Liu Name: Philip Liu Title: President "
            "ARCA U.S. TREASURY FUND By: /s/ J. Rayne Steinberg Name: J. Rayne Steinberg "
            "Title: Chief Executive Officer 5",
            [
                ("Philip Liu", "President", "ARCA CAPITAL MANAGEMENT, LLC"),
                ("J. Rayne Steinberg", "Chief Executive Officer", "ARCA U.S. TREASURY FUND"),
            ],
            id="flattened-stack-title-tails-trimmed",
        ),
        pytest.param(
            "IN WITNESS WHEREOF the parties have signed.\n\n/s/ Jody Stewart Jody Stewart (SEAL)\n",
            [("Jody Stewart", None, "Jody Stewart")],
            id="doubled-name",
        ),
        pytest.param(AGREEMENT, [], id="no-signature"),
    ],
)
def test_signature_rows(text: str, rows: list[tuple[str | None, str | None, str | None]]) -> None:
    assert sig_rows(text) == rows


def test_its_is_a_title_label() -> None:
    sigs = find_signatures(doc_of(ITS_TITLE))
    assert [(s.name, s.title) for s in sigs if s.name] == [("Maria Lopez", "Managing Member")]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param(BESIDE_DATE, [dt.date(2005, 4, 4), dt.date(2005, 4, 4)], id="labelled-date-preferred"),
        pytest.param(WITNESS_COLUMNS, [dt.date(2005, 12, 8), dt.date(2005, 12, 7)], id="date-per-column"),
        pytest.param(STACKED, [None, None], id="no-date"),
    ],
)
def test_signature_dates(text: str, dates: list[dt.date | None]) -> None:
    d = doc_of(text)
    sigs = find_signatures(d)
    assert [s.date.value if s.date else None for s in sigs] == dates
    for s in sigs:
        if s.date is not None:
            assert s.date.kind == "date"
            assert d.text[s.date.start : s.date.end] == s.date.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("April 4, 2005", dt.date(2005, 4, 4), id="month-day-year"),
        pytest.param("4/04/05", dt.date(2005, 4, 4), id="us-numeric-two-digit-year"),
        pytest.param("22 Dec. 2017", dt.date(2017, 12, 22), id="day-month-year"),
        pytest.param("2017-12-21", dt.date(2017, 12, 21), id="iso"),
        pytest.param("13/45/2005", None, id="impossible"),
        pytest.param("Smith 4, 2005", None, id="not-a-month"),
    ],
)
def test_signature_date_strings(text: str, value: dt.date | None) -> None:
    """Signature blocks read their dates with the dates extractor: the first complete date."""
    found = [v.value for v in find_dates(doc_of(text)) if v.value is not None]
    assert (found[0] if found else None) == value


# --------------------------------------------------------------------------- people

APPOSITIVE = (
    "You shall report directly to Stephan Godevais, Chairman of the Board of Directors, Chief Executive "
    "Officer and President of the Company. Subject to the direction of the Board, you shall manage.\n"
)
POSSESSIVE = "Notices shall be sent to Mr. Smith, the Company's Chief Financial Officer, at the address below.\n"
COMPANY_ONLY = "Valence Technology, Inc., a Delaware corporation, and Ridgeway Investment Limited agree.\n"


@pytest.mark.parametrize(
    ("text", "people"),
    [
        pytest.param(
            APPOSITIVE,
            [
                (
                    "Stephan Godevais",
                    "Chairman of the Board of Directors, Chief Executive Officer and President of the Company",
                    None,
                )
            ],
            id="appositive-title-with-commas",
        ),
        pytest.param(POSSESSIVE, [("Mr. Smith", "Chief Financial Officer", "Company")], id="possessive-title"),
        pytest.param(COMPANY_ONLY, [], id="companies-are-not-people"),
        pytest.param(
            STACKED,
            [
                ("Jay L. King", "Vice President & Chief Financial Officer", "VALENCE TECHNOLOGY, INC."),
                ("Anthony L.M. Inder Rieden", "Director", "RIDGEWAY INVESTMENT LIMITED"),
            ],
            id="signatories",
        ),
        pytest.param(
            CENTRED, [("Ms. Jane Doe", "Chief Executive Officer", "Beta Holdings, Inc.")], id="recipient-with-title"
        ),
        pytest.param("Sincerely,\n\nJohn Roe\n\ncc:  Bob Borron\n", [("Bob Borron", None, None)], id="cc-line"),
        pytest.param(
            "March 3, 2010\n\nMaria Lopez\n12 Elm Street\nAustin, TX 78701\n\nDear Maria:\n\n"
            "We are pleased to offer you the position of Chief Operating Officer, reporting to the Board.\n",
            [("Maria Lopez", "Chief Operating Officer", None)],
            id="offered-position-is-recipient-title",
        ),
    ],
)
def test_people(text: str, people: list[tuple[str, str | None, str | None]]) -> None:
    d = doc_of(text)
    found = find_people(d)
    assert [(p.name, p.title, p.organization) for p in found] == people
    for p in found:
        assert d.text[p.start : p.end] == p.name


def test_people_merge_mentions() -> None:
    text = "Mr. King, the Company's Treasurer, shall sign.\n\n" + STACKED
    d = doc_of(text)
    kings = [p for p in find_people(d) if p.name.endswith("King")]
    assert len(kings) == 1
    assert kings[0].name == "Jay L. King"
    assert kings[0].title == "Vice President & Chief Financial Officer"


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            'Valence Technology, Inc. (the "Company") shall pay. The U.S. Person agrees.',
            ['Valence Technology, Inc. (the "Company") shall pay.', "The U.S. Person agrees."],
            id="inc-and-us",
        ),
        pytest.param(
            "Commission File No. 333-76589 was filed. Next one.",
            ["Commission File No. 333-76589 was filed.", "Next one."],
            id="number-abbreviation",
        ),
        pytest.param('He said "yes." Then he left.', ['He said "yes."', "Then he left."], id="closing-quote"),
        pytest.param(
            "1.        This agreement relates\n     to the purchase.\n\n2.   The Company represents.",
            ["1.        This agreement relates\n     to the purchase.", "2.   The Company represents."],
            id="hard-wrapped-numbered",
        ),
        pytest.param(
            "(a) the mutual agreement; (b) the approval. I shall provide",
            ["(a) the mutual agreement; (b) the approval.", "I shall provide"],
            id="enumeration-stays-in-sentence",
        ),
        pytest.param(
            "Signed by Jay L. King on behalf. Approx. the same.",
            ["Signed by Jay L. King on behalf.", "Approx. the same."],
            id="initials-and-lowercase-continuation",
        ),
        pytest.param(
            "ARTICLE IV\nDEFINITIONS\n4.1 Terms have meanings.",
            ["ARTICLE IV\nDEFINITIONS", "4.1 Terms have meanings."],
            id="numbered-line-starts-sentence",
        ),
        pytest.param(
            "1. Subject and Scope   1.1 The initial scope is set. Fine.   2. Payments   2.1 Fees are due.",
            ["1. Subject and Scope", "1.1 The initial scope is set.", "Fine.", "2. Payments", "2.1 Fees are due."],
            id="flattened-headings-split-at-wide-gaps",
        ),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == sentences


def test_sentences_window() -> None:
    text = "First one. Second one. Third one."
    spans = split_sentences(text, 11, 22)
    assert [text[s.start : s.end] for s in spans] == ["Second one."]


# --------------------------------------------------------------------------- the example letters


def test_offer_letter_sections() -> None:
    secs = {s.id: s for s in find_sections(example("valence-2005-offer-letter.txt"))}
    assert [i for i in secs if "." not in i and "(" not in i] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert {"5.1", "5.2", "5.3", "5.4", "5.2(a)(i)", "5.3(a)(ii)", "5.4(f)"} <= set(secs)
    assert secs["1"].heading == "Capacity and Duties"
    assert secs["5.4"].heading == "Voluntary Resignation for Good Reason"
    assert secs["5.4(f)"].parent == "5.4"
    assert not any("13" in i or "(3)" in i or "(d)(2)" in i for i in secs)


def test_financing_letter_inline_conditions() -> None:
    d = example("valence-2001-financing-commitment.txt")
    secs = {s.id: s for s in find_sections(d)}
    assert list(secs) == ["(a)", "(b)", "(c)", "(x)", "(y)", "(z)"]
    assert d.text[secs["(c)"].start : secs["(c)"].end].endswith("board of directors of Valence.")
    assert d.text[secs["(z)"].start : secs["(z)"].end].endswith("44 series 4 bicell.")


def test_stock_letter_sections() -> None:
    secs = [s.id for s in find_sections(example("valence-1999-stock-purchase-letter.txt"))]
    assert secs == ["1", "2", "2(a)", "2(b)", "3", "4", "4(a)", "4(b)", "5", "6"]


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        pytest.param("valence-1999-stock-purchase-letter.txt", ["date", "recipient", "salutation"], id="stock"),
        pytest.param(
            "valence-2001-financing-commitment.txt",
            ["sender", "date", "recipient", "reference", "salutation"],
            id="financing",
        ),
        pytest.param("valence-2005-offer-letter.txt", ["sender", "date", "recipient", "salutation"], id="offer"),
    ],
)
def test_example_letterheads(name: str, kinds: list[str]) -> None:
    d = example(name)
    blocks = find_letterhead(d)
    assert [b.kind for b in blocks] == kinds
    for b in blocks:
        assert d.text[b.start : b.end] == b.text


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        pytest.param(
            "valence-1999-stock-purchase-letter.txt",
            [
                ("Jay L. King", "Vice President & Chief Financial Officer", "VALENCE TECHNOLOGY, INC.", None),
                ("Anthony L.M. Inder Rieden", "Director", "RIDGEWAY INVESTMENT LIMITED", None),
            ],
            id="stock",
        ),
        pytest.param(
            "valence-2001-financing-commitment.txt",
            [("Carl Berg", None, "Carl Berg", None), ("Jay King", None, "VALENCE TECHNOLOGY, INC.", None)],
            id="financing",
        ),
        pytest.param(
            "valence-2005-offer-letter.txt",
            [
                ("Stephan Godevais", None, "VALENCE TECHNOLOGY, INC.", dt.date(2005, 4, 4)),
                ("Jin-Rong Hwang", None, "Jin-Rong Hwang", dt.date(2005, 4, 4)),
            ],
            id="offer",
        ),
    ],
)
def test_example_signatures(name: str, rows: list[tuple[object, ...]]) -> None:
    sigs = find_signatures(example(name))
    assert [(s.name, s.title, s.party, s.date.value if s.date else None) for s in sigs] == rows


def test_example_people() -> None:
    people = {p.name: p for p in find_people(example("valence-2005-offer-letter.txt"))}
    assert set(people) == {"Jin-Rong Hwang", "Stephan Godevais", "Bob Borron"}
    assert people["Stephan Godevais"].title == (
        "Chairman of the Board of Directors, Chief Executive Officer and President of the Company"
    )
    fin = [p.name for p in find_people(example("valence-2001-financing-commitment.txt"))]
    assert fin == ["Carl Berg", "Jay King"]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("valence-1999-stock-purchase-letter.txt", id="stock"),
        pytest.param("valence-2001-financing-commitment.txt", id="financing"),
        pytest.param("valence-2005-offer-letter.txt", id="offer"),
    ],
)
def test_crlf_line_ends_give_the_same_structure(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")

    def summary(d: Document) -> tuple[object, ...]:
        return (
            [(s.id, s.heading, s.parent) for s in find_sections(d)],
            [b.kind for b in find_letterhead(d)],
            [(s.name, s.title, s.party, s.date.value if s.date else None) for s in find_signatures(d)],
            [(p.name, p.title) for p in find_people(d)],
            len(split_sentences(d.text)),
        )

    crlf = doc_of(text.replace("\n", "\r\n"), name)
    assert summary(crlf) == summary(doc_of(text, name))
    for b in find_letterhead(crlf):
        assert crlf.text[b.start : b.end] == b.text


def test_offer_letter_recipient_title() -> None:
    people = {p.name: p for p in find_people(example("valence-2005-offer-letter.txt"))}
    assert people["Jin-Rong Hwang"].title == "President of Asia-Pacific Operations"


def test_offer_letter_signer_signs_for_company() -> None:
    sigs = find_signatures(example("valence-2005-offer-letter.txt"))
    assert sigs[0].party == "VALENCE TECHNOLOGY, INC."


# --------------------------------------------------------------------------- properties

_PIECES = list("aAbBiIvVxXyz19.()$:,;/_- \n\t\"'") + [
    "By:",
    "/s/",
    "Name:",
    "Title:",
    "Date:",
    "ARTICLE ",
    "Section ",
    "Dear X:",
    "Re: ",
    "Inc.",
    "\n\n",
    "   ",
    "(a) ",
    "(i) ",
    "5.1 ",
    "April 4, 2005",
    "Sincerely,",
    "IN WITNESS WHEREOF",
    "Jay L. King, President",
]
_STRUCTURE_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_STRUCTURE_TEXT, st.text(max_size=300)))
def test_never_raises_and_spans_round_trip(text: str) -> None:
    d = doc_of(text)
    n = len(text)
    for s in find_sections(d):
        assert 0 <= s.start <= s.end <= n
    for b in find_letterhead(d):
        assert d.text[b.start : b.end] == b.text
    for g in find_signatures(d):
        assert 0 <= g.start <= g.end <= n
        if g.date is not None:
            assert d.text[g.date.start : g.date.end] == g.date.text
    for p in find_people(d):
        assert d.text[p.start : p.end] == p.name
    for sp in split_sentences(text):
        assert 0 <= sp.start < sp.end <= n
        assert not text[sp.start].isspace() and not text[sp.end - 1].isspace()
