"""Parties, defined terms, governing law and the agreement's date: example tables.

Every passage here was written for these tests in the wording agreements use (preambles,
letters, "between A and B", "among A, B and C", individuals as parties); the three example
letters are read from disk. Known misses are ``xfail(strict=True)`` so a fix must flip them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from termwise.extract.agreement_date import find_agreement_date
from termwise.extract.defined_terms import find_defined_terms
from termwise.extract.governing_law import find_governing_law
from termwise.extract.parties import find_parties
from termwise.model import Document, Source, Span

EXAMPLES = Path(__file__).parents[1].parent / "shared" / "examples"


def make_doc(text: str) -> Document:
    return Document(
        text=text, source=Source(path="t.txt", format="text", sha256=hashlib.sha256(text.encode()).hexdigest())
    )


def dates_of(doc: Document):
    from termwise.extract.values import find_values

    return [v for v in find_values(doc) if v.kind == "date"]


# --------------------------------------------------------------------------------------------
# Parties: (text, [(name, aliases, role)]) -- every listed party must be found with those
# aliases (a subset) and that role (None: not checked).

PARTIES = [
    pytest.param(
        'This Employment Agreement (this "Agreement") is made and entered into as of March 1, 2004, by and between '
        'Acme Widgets, Inc., a Delaware corporation (the "Company"), and John Q. Smith ("Executive").',
        [("Acme Widgets, Inc.", ["Company"], "employer"), ("John Q. Smith", ["Executive"], "employee")],
        id="employment-preamble-company-executive",
    ),
    pytest.param(
        "THIS STOCK PURCHASE AGREEMENT is entered into as of June 5, 2010 between Blue Harbor Capital LLC, a New York "
        'limited liability company (the "Purchaser"), and Northwind Systems Corp., a Nevada corporation '
        '(the "Company").',
        [("Blue Harbor Capital LLC", ["Purchaser"], "purchaser"), ("Northwind Systems Corp.", ["Company"], "company")],
        id="stock-purchase-purchaser-company",
    ),
    pytest.param(
        'This Loan Agreement dated as of January 15, 2012 is between First Prairie Bank, N.A. ("Lender") and '
        'Hollis Farms LLC ("Borrower").',
        [("First Prairie Bank, N.A.", ["Lender"], "lender"), ("Hollis Farms LLC", ["Borrower"], "borrower")],
        id="loan-lender-borrower",
    ),
    pytest.param(
        'This License Agreement is made by and between Orbital Software GmbH, a German company ("Licensor"), and '
        'Kestrel Labs, Inc., a California corporation ("Licensee").',
        [("Orbital Software GmbH", ["Licensor"], "licensor"), ("Kestrel Labs, Inc.", ["Licensee"], "licensee")],
        id="licence-licensor-licensee",
    ),
    pytest.param(
        "THIS DISTRIBUTION AGREEMENT is made this 1st day of August, 2013, by and between Snowcap LLC, a Texas limited "
        "liability company, with its principal place of business located at 100 Main Street, Frisco, Texas 75034 "
        '(the "Supplier") and Ballinger Trading Corp., a Nevada corporation, with offices at 12 Hill Road, Argyle, '
        'Texas 76226 (the "Distributor").',
        [("Snowcap LLC", ["Supplier"], "supplier"), ("Ballinger Trading Corp.", ["Distributor"], "distributor")],
        id="distribution-with-addresses",
    ),
    pytest.param(
        'This Asset Purchase Agreement is entered into among Redwood Holdings, Inc. ("Seller"), Pine Street '
        'Partners, L.P. ("Buyer") and Cedar Guarantee Company ("Guarantor").',
        [
            ("Redwood Holdings, Inc.", ["Seller"], "seller"),
            ("Pine Street Partners, L.P.", ["Buyer"], "buyer"),
            ("Cedar Guarantee Company", ["Guarantor"], "guarantor"),
        ],
        id="among-three-parties",
    ),
    pytest.param(
        "This Agreement is made between Link Plus Corporation and Axiometric, LLC.",
        [("Link Plus Corporation", [], None), ("Axiometric, LLC.", [], None)],
        id="between-a-and-b-no-aliases",
    ),
    pytest.param(
        "This Consulting Agreement is entered into as of May 2, 2018 by and between Jane Doe, an individual "
        'residing in Austin, Texas ("Consultant"), and Sunrise Media Group, Inc. ("Client").',
        [("Jane Doe", ["Consultant"], "consultant"), ("Sunrise Media Group, Inc.", ["Client"], "customer")],
        id="individual-consultant",
    ),
    pytest.param(
        "THIS AGREEMENT is made on 26 September 2019\n\nBETWEEN:\n\n(1) BRIGHTWAVE LIMITED a company incorporated "
        'in England and Wales whose registered office is at 1 High Street, Cambridge (the "Company"); and\n\n'
        '(2) NIGEL CARTER of 4 Mill Lane, Oxford (the "Employee").\n\nIT IS AGREED as follows:',
        [("BRIGHTWAVE LIMITED", ["Company"], "employer"), ("NIGEL CARTER", ["Employee"], "employee")],
        id="uk-numbered-between-list",
    ),
    pytest.param(
        'This Supply Agreement (this "Agreement") is made as of 31 October 2019 by and between Premier Foods '
        'Company, LLC, a Delaware limited liability company ("Buyer" or "PFC"), and Fonterra (USA) Inc., a '
        'California corporation ("Supplier" or "Fonterra") (each a "Party", collectively "Parties").',
        [
            ("Premier Foods Company, LLC", ["Buyer", "PFC"], "buyer"),
            ("Fonterra (USA) Inc.", ["Supplier", "Fonterra"], "supplier"),
        ],
        id="two-aliases-each-and-group-remark",
    ),
    pytest.param(
        'This Co-Hosting Agreement is made by and between drkoop.com, inc., a Delaware corporation ("drkoop.com"), '
        "and Vitamin Depot Industries, Inc., a New Jersey corporation, located at 4700 Westside Avenue, North "
        'Bergen, New Jersey 07047 ("Sponsor").',
        [("drkoop.com, inc.", ["drkoop.com"], None), ("Vitamin Depot Industries, Inc.", ["Sponsor"], "sponsor")],
        id="lowercase-name-and-address-before-alias",
    ),
    pytest.param(
        'This Services Agreement is entered into by and between [ * * * ] (the "Provider"), and TELCOSTAR PTE, LTD., '
        "a company organized and existing under the laws of Singapore.",
        [("TELCOSTAR PTE, LTD.", [], None)],
        id="redacted-first-party",
    ),
    pytest.param(
        "This Cooperation Agreement is entered into as of July 1, 2020, by and between Elf Beauty, Inc., a Delaware "
        'corporation (the "Company"), and Marathon Partners Equity Management, LLC ("Marathon Partners"), '
        'Marathon Focus Fund L.P. and Mario Cibelli (collectively, the "Marathon Parties").',
        [
            ("Elf Beauty, Inc.", ["Company"], None),
            ("Marathon Partners Equity Management, LLC", ["Marathon Partners"], None),
            ("Marathon Focus Fund L.P.", [], None),
            ("Mario Cibelli", [], None),
        ],
        id="comma-list-of-funds",
    ),
    pytest.param(
        "AGREEMENT\n\nParty A: Beijing Lotus Netcom Science and Technology Co., Ltd.\n\n"
        "Party B: China Harbor Housing (Hong Kong) Co., Ltd.\n\nThe Parties agree as follows.",
        [
            ("Beijing Lotus Netcom Science and Technology Co., Ltd.", ["Party A"], None),
            ("China Harbor Housing (Hong Kong) Co., Ltd.", ["Party B"], None),
        ],
        id="party-a-party-b-labels",
    ),
    pytest.param(
        'This letter sets forth the agreement of Ridgeway Holdings Limited (the "Purchaser") and Valmont '
        'Technology, Inc. (the "Company") regarding the purchase of shares.',
        [
            ("Ridgeway Holdings Limited", ["Purchaser"], "purchaser"),
            ("Valmont Technology, Inc.", ["Company"], "company"),
        ],
        id="letter-sets-forth-agreement-of",
    ),
    pytest.param(
        'This Franchise Agreement is made by and between Pretzel Time, Inc. ("we" or "us") and Kiosk Concepts, '
        'Inc. ("Franchisee").',
        [("Pretzel Time, Inc.", [], None), ("Kiosk Concepts, Inc.", ["Franchisee"], "franchisee")],
        id="franchise-we-us",
    ),
    pytest.param(
        "March 3, 2009\n\nMr. Robert Lane\n12 Oak Street\nDenver, Colorado 80202\n\nDear Robert:\n\n"
        'On behalf of Summit Peak Software, Inc. (the "Company"), I am pleased to offer you the position of Vice '
        "President of Sales. Your base salary will be $180,000 per year.\n\nSincerely,\n\nAnn Gold\n"
        "Chief Executive Officer",
        [("Summit Peak Software, Inc.", ["Company"], "employer"), ("Robert Lane", [], "employee")],
        id="offer-letter-employer-employee",
    ),
    pytest.param(
        "Carl Bergman\n10 Bandley Drive\nCupertino, California 95014\n\nJune 27, 2001\n\nJay Kong\nVelocity Batteries, "
        "Inc.\n301 Conestoga Way\nHenderson, NV 89015\n\nRe: Financing Commitment\n\nDear Jay:\n\nI am pleased to "
        "confirm that I am willing to provide a secured loan of up to $5,000,000 to Velocity Batteries, Inc.",
        [("Velocity Batteries, Inc.", [], "borrower"), ("Carl Bergman", [], "lender")],
        id="commitment-letter-lender-borrower",
    ),
    pytest.param(
        "THIS ENDORSEMENT AGREEMENT is made this 1st day of November, 2003 by and between Bruce Jenson, "
        'Individual ("CELEBRITY"), with his offices located in California; and The Right Formula, a Nevada '
        'Corporation ("COMPANY").',
        [("Bruce Jenson", ["CELEBRITY"], "talent"), ("The Right Formula", ["COMPANY"], None)],
        id="semicolon-separated-individual",
    ),
    pytest.param(
        "This Agreement is entered into by and between Cargill, Incorporated through its Bio Technology Center, "
        'having its principal place of business at 15407 McGinty Road West, Wayzata, Minnesota 55391 USA ("Cargill") '
        'and Bioamber S.A.S., having a place of business at Route de Bazancourt, Pomacle France ("Bioamber").',
        [("Cargill, Incorporated", ["Cargill"], None), ("Bioamber S.A.S.", ["Bioamber"], None)],
        id="incorporated-suffix-and-sas",
    ),
    pytest.param(
        "Exhibit 10.2\n\nJOINT FILING AGREEMENT\n\nThe undersigned agree to file jointly.\n\n"
        "IN WITNESS WHEREOF, the undersigned have executed this agreement.\n\nHARBOR LIGHT CAPITAL, L.P.\n\n"
        "By: /s/ Ann Lee\nName: Ann Lee\nTitle: Managing Partner\n\nHARBOR LIGHT GP, LLC\n\nBy: /s/ Ann Lee\n"
        "Name: Ann Lee\nTitle: Member",
        [("HARBOR LIGHT CAPITAL, L.P.", [], None), ("HARBOR LIGHT GP, LLC", [], None)],
        id="signature-blocks-only",
    ),
    pytest.param(
        "This Sponsorship Agreement is made and entered into this 24th day of February, 1998, by and between "
        'Southern Racing Promotions, Inc., ("SRP") a Tennessee corporation, and Logan\'s Roadhouse, Inc., a '
        'Tennessee corporation ("Logan\'s").',
        [("Southern Racing Promotions, Inc.", ["SRP"], None), ("Logan's Roadhouse, Inc.", ["Logan's"], None)],
        id="alias-before-description-apostrophe",
    ),
    pytest.param(
        "This Agreement is made by and between Mutual Insurance Corporation of America (MICOA) and Stratton "
        'Agency-Nevada, Inc. ("Agency").',
        [("Stratton Agency-Nevada, Inc.", ["Agency"], "agent")],
        id="unquoted-abbreviation-first",
    ),
    pytest.param(
        "This Master Services Agreement is entered into between Lucid Inc., a New York corporation, having a "
        "principal place of business at 2320 Brighton Road, Rochester NY 14623 And Orion Medical GmbH "
        "('Distributor').",
        [("Lucid Inc.", [], None), ("Orion Medical GmbH", ["Distributor"], "distributor")],
        id="capital-And-single-quotes",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTIES)
def test_parties(text: str, expected: list[tuple[str, list[str], str | None]]) -> None:
    doc = make_doc(text)
    parties = find_parties(doc)
    by_name = {p.name: p for p in parties}
    for name, aliases, role in expected:
        assert name in by_name, f"{name!r} not in {list(by_name)}"
        p = by_name[name]
        assert set(aliases) <= set(p.aliases), (name, p.aliases)
        if role is not None:
            assert p.role == role, (name, p.role)
    for p in parties:
        assert " ".join(doc.text[p.start : p.end].split()) == p.name
        for a, span in zip(p.aliases, p.alias_spans, strict=True):
            assert doc.text[span.start : span.end] == a


def test_party_kinds() -> None:
    doc = make_doc('This Agreement is made by and between Acme Widgets, Inc. ("Acme") and Mary Ellen Jones ("Jones").')
    kinds = {p.name: p.kind for p in find_parties(doc)}
    assert kinds == {"Acme Widgets, Inc.": "organization", "Mary Ellen Jones": "person"}


# Signature pages: (text, names that must be found, names that must not)
SIGNATURE_PARTIES = [
    pytest.param(
        "CONSTRUCTION AND MAINTENANCE AGREEMENT\n\n1. The Purchaser shall act on behalf of the Parties and their "
        "affiliates.\n\nIN WITNESS WHEREOF the Parties have caused this Agreement to be signed.\n\n"
        "     For and on behalf of      Rostelecom\n\n     ---------------------------\n\n"
        "     For and on behalf of      Belgacom S.A.\n\n     ---------------------------\n\n"
        "     For and on behalf of\n\n\n     BARAK I.T.C\n\n     ---------------------------\n",
        ["Rostelecom", "Belgacom S.A.", "BARAK I.T.C"],
        ["Parties"],
        id="for-and-on-behalf-of-no-preamble",
    ),
    pytest.param(
        "OUTSOURCING AGREEMENT\n\nThe Supplier will act on behalf of the Bank.\n\n"
        "Signed for and on behalf of DATEC (PNG) LIMITED by the authority of the Directors )\n\n/s/ Illegible\n",
        ["DATEC (PNG) LIMITED"],
        ["Bank"],
        id="signed-for-and-on-behalf-of",
    ),
    pytest.param(
        "CONSULTING AGREEMENT\n\nThe Consultant shall advise the Company.\n\nIN WITNESS WHEREOF, the parties have "
        "executed this Agreement.\n\nGLOBAL TECHNOLOGIES, LTD                     TIMOTHY CABRERA\n\n"
        "By: /s/ Jimmy Wayne Anderson              By: /s/ Timothy Cabrera\nName: Jimmy Wayne Anderson\nTitle: CEO\n",
        ["GLOBAL TECHNOLOGIES, LTD", "TIMOTHY CABRERA"],
        ["GLOBAL TECHNOLOGIES, LTD TIMOTHY CABRERA"],
        id="two-columns-company-then-individual",
    ),
    pytest.param(
        "JOINT FILING AGREEMENT\n\nThe undersigned agree to file jointly. Dated: 4/8/2020 YA II PN, Ltd. By:/s/ Troy "
        "J. Rillo, Esq. Date: 4/8/2020 Troy J. Rillo, Esq. Chief Compliance Officer Yorkville Advisors Global, LP "
        "By:/s/ Troy J. Rillo, Esq. Date: 4/8/2020 Troy J. Rillo, Esq. Chief Compliance Officer\n",
        ["YA II PN, Ltd.", "Yorkville Advisors Global, LP"],
        ["Troy J. Rillo, Esq. Chief Compliance Officer Yorkville Advisors Global, LP"],
        id="signatory-title-run-into-next-entity",
    ),
    pytest.param(
        "JOINT FILING STATEMENT\n\nThe undersigned acknowledge and agree that the foregoing statement is filed on "
        "behalf of each of the undersigned. DATED: April 8, 2020 SCULPTOR CAPITAL LP By: /s/ Thomas Sipp Thomas Sipp "
        "Chief Financial Officer SCULPTOR CAPITAL HOLDING CORPORATION By: /s/ Thomas Sipp Thomas Sipp Chief Financial "
        "Officer SCULPTOR MANAGEMENT, INC. By: /s/ Thomas Sipp Thomas Sipp Chief Financial Officer\n",
        ["SCULPTOR CAPITAL LP", "SCULPTOR CAPITAL HOLDING CORPORATION", "SCULPTOR MANAGEMENT, INC."],
        ["Thomas Sipp"],
        id="one-line-signature-blocks",
    ),
    pytest.param(
        "RESELLER AGREEMENT\n\nIN WITNESS WHEREOF, the parties have signed this Agreement as of the Execution Date. "
        "ENERGY XXI USA, INC. By: /s/ Jane Roe Name: Jane Roe\n",
        ["ENERGY XXI USA, INC."],
        ["Execution Date. ENERGY XXI USA, INC."],
        id="one-line-signature-after-a-sentence",
    ),
]


@pytest.mark.parametrize(("text", "found", "not_found"), SIGNATURE_PARTIES)
def test_signature_parties(text: str, found: list[str], not_found: list[str]) -> None:
    doc = make_doc(text)
    parties = find_parties(doc)
    names = [p.name for p in parties]
    for name in found:
        assert name in names, f"{name!r} not in {names}"
    for name in not_found:
        assert name not in names, names
    for p in parties:
        assert p.start < p.end <= len(doc.text)
        assert " ".join(doc.text[p.start : p.end].split()) == p.name


def test_hereinafter_without_parenthesis() -> None:
    doc = make_doc(
        "TRANSPORTATION CONTRACT\n\nAstana January 31, 2000\n\nPREAMBLE\n\nJSC NOC KazakhOil, hereinafter referred to "
        'as the "Company", in the person of Executive Marketing Director Ms. A. M. Rakhimbekov, acting on the basis '
        'of the Power of Attorney, on the one side and JSC Karakudukmunay, hereinafter referred to as the "Principal" '
        "in the person of General Director Mr. N. D. Klinchev, on the other side, have entered into this Contract."
    )
    parties = {p.name: p for p in find_parties(doc)}
    assert parties["JSC NOC KazakhOil"].aliases == ("Company",)
    assert parties["JSC Karakudukmunay"].aliases == ("Principal",)


def test_labels_with_role_share_a_line() -> None:
    doc = make_doc(
        "Road Transportation Agreement\n\nParty A (Shipper): ZTO Express Co., Ltd. Address: Building 1, Huazhi "
        "Road, Qingpu District, Shanghai   Party B (Carrier): Tonglu Tongze Logistics Ltd. Address: 12 Floor, HSBC "
        "Tower, Tonglu County"
    )
    parties = {p.name: p for p in find_parties(doc)}
    assert parties["ZTO Express Co., Ltd."].aliases == ("Party A", "Shipper")
    assert parties["Tonglu Tongze Logistics Ltd."].aliases == ("Party B", "Carrier")


# --------------------------------------------------------------------------------------------
# Governing law: (text, value, span text)

LAW = [
    pytest.param(
        "This Agreement shall be governed by and construed in accordance with the laws of the State of New "
        "York, without giving effect to its conflicts of law principles.",
        "New York",
        "State of New York",
        id="state-of-new-york",
    ),
    pytest.param(
        "This Agreement shall be governed by the laws of the Commonwealth of Massachusetts.",
        "Massachusetts",
        "Commonwealth of Massachusetts",
        id="commonwealth",
    ),
    pytest.param(
        "This Agreement shall be governed by laws of the Province of Ontario and the federal laws of Canada "
        "applicable therein.",
        "Ontario",
        "Province of Ontario",
        id="province-and-federal",
    ),
    pytest.param(
        "This agreement and any dispute arising out of it shall be governed by the laws of England and Wales.",
        "England and Wales",
        "England and Wales",
        id="england-and-wales",
    ),
    pytest.param(
        "The laws of the State of Delaware (without reference to its principles of conflicts of law) shall "
        "govern the construction of this Agreement.",
        "Delaware",
        "State of Delaware",
        id="laws-shall-govern",
    ),
    pytest.param(
        "This Agreement has been made in the State of California and shall be governed by and construed in "
        "accordance with the laws thereof.",
        "California",
        "State of California",
        id="laws-thereof",
    ),
    pytest.param(
        "This Agreement shall be governed by the internal laws, and not by the laws regarding conflicts of "
        "laws, of the State of North Carolina.",
        "North Carolina",
        "State of North Carolina",
        id="comma-clause-between-laws-and-of",
    ),
    pytest.param(
        "Acme Corp., a corporation organized under the laws of the State of Nevada, and Beta LLC agree. This "
        "Agreement shall be governed by the laws of the State of Texas.",
        "Texas",
        "State of Texas",
        id="skips-organized-under",
    ),
    pytest.param(
        "This Agreement shall be governed in all respects by the laws of the United States and the State of Florida.",
        "Florida",
        "State of Florida",
        id="united-states-and-state",
    ),
    pytest.param(
        "The validity and interpretation of this Agreement shall be governed by the laws of the People's "
        "Republic of China.",
        "China",
        "People's Republic of China",
        id="prc",
    ),
    pytest.param("This Agreement shall be governed by English law.", "England", "English", id="english-law"),
    pytest.param(
        "Effective legislation of the Republic of Kazakhstan shall apply to any relations of the Parties "
        "arising out of this Contract.",
        "Kazakhstan",
        "Republic of Kazakhstan",
        id="legislation-shall-apply",
    ),
    pytest.param(
        "5. This agreement shall be governed and construed in accordance with the substantive laws of the "
        "State\n     of New York without giving effect to the conflicts of law principles thereunder.",
        "New York",
        "State\n     of New York",
        id="wrapped-line",
    ),
]


@pytest.mark.parametrize(("text", "value", "span"), LAW)
def test_governing_law(text: str, value: str, span: str) -> None:
    doc = make_doc(text)
    found = find_governing_law(doc)
    assert found, "no governing law found"
    best = found[0]
    assert (best.value, best.text) == (value, span)
    assert doc.text[best.start : best.end] == best.text
    assert best.kind == "law"


def test_no_governing_law_in_corporate_description() -> None:
    doc = make_doc(
        "Acme Corp., a corporation organized and existing under the laws of the State of Delaware, "
        "agrees to sell the goods."
    )
    assert find_governing_law(doc) == []


# --------------------------------------------------------------------------------------------
# Agreement date: (text, expected date, expected text)

DATES = [
    pytest.param(
        'This Agreement is made and entered into as of March 1, 2004 (the "Effective Date"), by and between '
        "A Corp. and B LLC.",
        dt.date(2004, 3, 1),
        id="made-as-of",
    ),
    pytest.param(
        "THIS AGREEMENT is made this 1st day of August, 2013, by and between Snowcap LLC and Ballinger Corp.",
        dt.date(2013, 8, 1),
        id="day-of",
    ),
    pytest.param(
        "November 29, 1999\n\nAnthony Rieden\nRidgeway Holdings Limited\n\nDear Anthony:\n\nThis letter "
        "sets forth our agreement, which expires on December 31, 1999.",
        dt.date(1999, 11, 29),
        id="letter-date-line",
    ),
    pytest.param(
        "This Services Agreement is entered into on October 1, 2019 and is made effective as of November 1, "
        '2019 (the "Effective Date").',
        dt.date(2019, 10, 1),
        id="entered-before-effective",
    ),
    pytest.param(
        "This First Amendment to the Supply Agreement dated April 1, 2017 between Cerus Corporation and Porex "
        'Corporation (the "Agreement") is made this 22 day of June 2018.',
        dt.date(2018, 6, 22),
        id="amendment-skips-original-date",
    ),
    pytest.param(
        "AGENCY AGREEMENT\n\nMay 14, 2014\n\nKeefe, Bruyette & Woods, Inc.\n\nThe Bank's depositors as of "
        "February 28, 2013 may subscribe.",
        dt.date(2014, 5, 14),
        id="title-block-date",
    ),
    pytest.param(
        "WHEREAS, the parties entered into a Letter of Intent dated May 3, 2005; and\n\nWHEREAS, the parties "
        "wish to proceed.\n\nThis Affiliate Agreement is dated as of July 15, 2005.",
        dt.date(2005, 7, 15),
        id="recital-date-skipped",
    ),
    pytest.param(
        "The parties have signed below.\n\n"
        + "Terms and conditions apply. " * 300
        + "\n\nBy: /s/ A. Smith\nDate: 1/19/07\n\nBy: /s/ B. Jones\nDate: January 22, 2007\n",
        dt.date(2007, 1, 22),
        id="latest-signature-date",
    ),
    pytest.param(
        "Exhibit 10.1\n\nSPONSORSHIP AGREEMENT, dated as of February 4, 2005, by and between Domini Trust "
        "and Kinder Partners.",
        dt.date(2005, 2, 4),
        id="title-dated-as-of",
    ),
    pytest.param(
        'The Effective Date of this Agreement (herein called the "Effective Date") is September 21, 1998.',
        dt.date(1998, 9, 21),
        id="effective-date-is",
    ),
    pytest.param(
        "SERVICES CONTRACT\n\nBetween Harbor Bank Ltd and Kestrel Systems Ltd.\n\n"
        + "The provider runs the network and reports monthly. " * 150
        + "\n\n1.4 Term\n\nThe commencement date for this contract will be 3rd March 2009.\n\n"
        + "The provider keeps the equipment in good repair. " * 250,
        dt.date(2009, 3, 3),
        id="commencement-date-for-this-contract",
    ),
    pytest.param(
        "LICENSE AGREEMENT between Alpha Media AG and Beta Weather Inc.\n\n"
        + "The licensee may show the content on its network. " * 300
        + "\n\nALPHA MEDIA AG          BETA WEATHER INC.\n\n3/23/06                 3/24/06\n\n"
        + "SCHEDULE 1\n\nContract start: 04-01-06\n\nContract end: 04-01-08\n",
        dt.date(2006, 3, 24),
        id="signature-date-not-contract-end",
    ),
    pytest.param(
        "HOSTING AGREEMENT\n\nThis Hosting Agreement is made between Acme Telecom and Beta Mobile.\n\n"
        + "The host keeps the servers running. " * 40
        + "Acme Telecom has confirmed by letter dated March 3, 2010 that it accepts these terms. "
        + "The host keeps the servers running. " * 200
        + "\n\nSigned in Bonn on April 2, 2010.\n",
        dt.date(2010, 4, 2),
        id="by-letter-dated-is-another-document",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_agreement_date(text: str, expected: dt.date) -> None:
    doc = make_doc(text)
    found = find_agreement_date(doc, dates_of(doc))
    assert found, "no agreement date found"
    assert found[0].value == expected, found[0]
    assert doc.text[found[0].start : found[0].end] == found[0].text


def test_agreement_date_ignores_act_years() -> None:
    doc = make_doc("Shares registered under the Securities Act of 1933 are sold as of the date hereof.")
    assert all(v.value is None or v.value.year != 1933 for v in find_agreement_date(doc, dates_of(doc)))


PARTIAL_DATES = [
    pytest.param(
        'THIS LICENSE is made this 14th day of March (the "Effective Date") between Arbor Labs Inc. and '
        "Quince Media LLC. Fees are due by June 30, 2021.",
        (None, 3, 14),
        id="day-of-without-year",
    ),
    pytest.param(
        "SERVICES AGREEMENT\n\n, 2008\n\nDear Sirs:\n\nThe offering will close on or before June 30, 2009.",
        (2008, None, None),
        id="bare-year-blank-under-title",
    ),
    pytest.param(
        'This Supply Agreement (the "Agreement") is effective as of , 2017 (the "Effective Date"), by and '
        "between North Mill Co. and Delta Feeds Inc., and replaces the Prior Agreement dated May 2, 2011.",
        (2017, None, None),
        id="bare-year-blank-in-preamble",
    ),
    pytest.param(
        "THIS AGREEMENT is made this third day of May, 2012 between Pine Labs LLC and Oak Tools Inc.",
        (2012, 5, 3),
        id="spelled-ordinal-day",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTIAL_DATES)
def test_agreement_date_partial(text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    doc = make_doc(text)
    found = find_agreement_date(doc, dates_of(doc))
    assert found, "no agreement date found"
    v = found[0]
    extra = v.extra or {}
    if isinstance(v.value, dt.date):
        got = (v.value.year, v.value.month, v.value.day)
    else:
        got = (extra.get("year"), extra.get("month"), extra.get("day"))
    assert got == expected, v


def test_agreement_date_blank_day() -> None:
    doc = make_doc('This Supply Agreement is made as of this ____ day of March, 2018 (the "Effective Date").')
    found = find_agreement_date(doc, dates_of(doc))
    assert found
    extra = found[0].extra or {}
    assert (extra.get("year"), extra.get("month")) == (2018, 3)


# --------------------------------------------------------------------------------------------
# Defined terms: (text, term, definition text, number of uses)

TERMS = [
    pytest.param(
        '"Good Cause" shall mean your conviction of a felony. Termination for Good Cause ends the option. '
        "Good Cause is final.",
        "Good Cause",
        '"Good Cause" shall mean your conviction of a felony.',
        2,
        id="shall-mean",
    ),
    pytest.param(
        'Acme Widgets, Inc., a Delaware corporation (the "Company"), agrees. The Company shall pay.',
        "Company",
        "Acme Widgets, Inc.",
        1,
        id="parenthetical-the-company",
    ),
    pytest.param(
        'the shareholders of the Company immediately prior to the merger (collectively, the "Company '
        'Shareholders") own less than half. Company Shareholders vote.',
        "Company Shareholders",
        "the shareholders of the Company immediately prior to the merger",
        1,
        id="collectively-the",
    ),
    pytest.param(
        'you may participate in all benefit plans of the Company ("Company Benefit Plans"). No Company '
        "Benefit Plans are amended.",
        "Company Benefit Plans",
        "you may participate in all benefit plans of the Company",
        1,
        id="bare-quoted-parenthetical",
    ),
    pytest.param(
        'A "Change of control" of the Company shall be deemed to have occurred if any person acquires 50% '
        "of the stock.",
        "Change of control",
        '"Change of control" of the Company shall be deemed to have occurred if any person acquires 50% of the stock.',
        0,
        id="of-the-company-shall-be-deemed",
    ),
    pytest.param(
        "1.1 “Affiliate” means any entity controlling a party. An Affiliate may not assign.",
        "Affiliate",
        "“Affiliate” means any entity controlling a party.",
        1,
        id="curly-quotes-means",
    ),
    pytest.param(
        "In the event of a termination without Good Reason (as defined below) the options lapse. You shall "
        'be deemed to have resigned for "Good Reason" if the Company relocates you.',
        "Good Reason",
        'You shall be deemed to have resigned for "Good Reason" if the Company relocates you.',
        1,
        id="as-defined-below-used-before",
    ),
    pytest.param(
        "MediWound Ltd., a corporation organized under the laws of Israel (hereinafter referred to as "
        '"MediWound"), agrees. MediWound shall deliver.',
        "MediWound",
        "MediWound Ltd.",
        1,
        id="hereinafter-referred-to-as",
    ),
    pytest.param(
        'the Securities Exchange Act of 1934, as amended (the "Exchange Act"). Under the Exchange Act a filing is due.',
        "Exchange Act",
        "the Securities Exchange Act of 1934",
        1,
        id="as-amended-dropped",
    ),
    pytest.param(
        'the Company\'s common stock (the "Common\nStock"). The Common Stock is listed.',
        "Common Stock",
        "the Company's common stock",
        1,
        id="term-wrapped-across-lines",
    ),
]


@pytest.mark.parametrize(("text", "term", "definition", "uses"), TERMS)
def test_defined_terms(text: str, term: str, definition: str, uses: int) -> None:
    doc = make_doc(text)
    found = {t.term: t for t in find_defined_terms(doc)}
    assert term in found, list(found)
    t = found[term]
    assert t.definition is not None
    assert doc.text[t.definition.start : t.definition.end] == definition
    assert len(t.uses) == uses
    assert " ".join(doc.text[t.start : t.end].split()) == t.term
    for u in t.uses:
        assert " ".join(doc.text[u.start : u.end].split()) == t.term


def test_defined_terms_uses_are_word_bounded_and_case_sensitive() -> None:
    doc = make_doc('Acme Inc. (the "Company") and its Companywide plans; the company and the COMPANY; the Company.')
    (t,) = [x for x in find_defined_terms(doc) if x.term == "Company"]
    assert [doc.text[u.start : u.end] for u in t.uses] == ["Company"]
    assert t.uses == (Span(start=doc.text.rindex("Company"), end=doc.text.rindex("Company") + 7),)


def test_quoted_phrase_in_running_text_is_not_a_definition() -> None:
    doc = make_doc('The agent will use "best efforts" to sell the shares, which the buyer calls "the deal".')
    assert find_defined_terms(doc) == []


# --------------------------------------------------------------------------------------------
# The three example letters


def example(name: str) -> Document:
    from termwise.ingest import read

    return read(EXAMPLES / name)[0]


def test_offer_letter() -> None:
    doc = example("valence-2005-offer-letter.txt")
    parties = {p.name: p for p in find_parties(doc)}
    assert parties["Valence Technology, Inc."].role == "employer"
    assert parties["Valence Technology, Inc."].aliases == ("Company",)
    assert parties["Jin-Rong Hwang"].role == "employee"
    assert parties["Jin-Rong Hwang"].kind == "person"
    assert find_agreement_date(doc, dates_of(doc))[0].value == dt.date(2005, 4, 1)
    terms = {t.term: t for t in find_defined_terms(doc)}
    assert {"Company", "Good Cause", "Good Reason", "Change of control", "Company Benefit Plans"} <= set(terms)
    company = terms["Company"].definition
    assert company is not None
    assert doc.text[company.start : company.end] == "Valence Technology, Inc."
    assert len(terms["Good Cause"].uses) >= 5


def test_stock_purchase_letter() -> None:
    doc = example("valence-1999-stock-purchase-letter.txt")
    parties = {p.name: p for p in find_parties(doc)}
    assert parties["Ridgeway Investment Limited"].role == "purchaser"
    assert parties["Valence Technology, Inc."].role == "company"
    law = find_governing_law(doc)[0]
    assert law.value == "New York"
    assert " ".join(law.text.split()) == "State of New York"
    assert find_agreement_date(doc, dates_of(doc))[0].value == dt.date(1999, 11, 29)
    terms = {t.term for t in find_defined_terms(doc)}
    assert {"Purchaser", "Company", "Common Stock", "Securities Act", "Registration Statement"} <= terms


def test_financing_commitment() -> None:
    doc = example("valence-2001-financing-commitment.txt")
    parties = {p.name: p for p in find_parties(doc)}
    assert parties["Valence Technology, Inc."].role == "borrower"
    assert parties["Valence Technology, Inc."].aliases == ("Valence",)
    assert parties["Carl Berg"].role == "lender"
    assert parties["Carl Berg"].kind == "person"
    assert find_agreement_date(doc, dates_of(doc))[0].value == dt.date(2001, 6, 27)
    assert find_governing_law(doc) == []
    assert {"Financing", "Valence"} <= {t.term for t in find_defined_terms(doc)}


# --------------------------------------------------------------------------------------------
# Never raise, spans round-trip


@pytest.mark.parametrize(
    "text",
    [
        "",
        "(",
        '"',
        '("")',
        "between",
        "laws of the",
        "Dear X:\n",
        "By:\n" * 5,
        '"A" means "B" means (the "C")',
        "x" * 5000,
    ],
)
def test_extractors_never_raise_on_odd_text(text: str) -> None:
    doc = make_doc(text)
    for p in find_parties(doc):
        assert p.start <= p.end
    for t in find_defined_terms(doc):
        assert doc.text[t.start : t.end].split() == t.term.split()
    for v in find_governing_law(doc):
        assert doc.text[v.start : v.end] == v.text
    find_agreement_date(doc, [])
