"""Date arithmetic as lawyers and payroll do it."""

from __future__ import annotations

import datetime as dt

import pytest

from termwise.evaluate.calendar import add_business_days, add_duration, add_months, at_time, parse_duration, to_ics

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("start", "months", "expected", "clamped"),
    [
        ("2020-01-31", 3, "2020-04-30", True),
        ("2020-01-31", 6, "2020-07-31", False),  # from the anchor, not step by step
        ("2020-01-31", 1, "2020-02-29", True),
        ("2021-01-31", 1, "2021-02-28", True),
        ("2020-02-29", 12, "2021-02-28", True),
        ("2005-04-18", 12, "2006-04-18", False),
        ("2019-12-15", -1, "2019-11-15", False),
    ],
    ids=lambda x: str(x),
)
def test_add_months_clamps_to_month_end(start: str, months: int, expected: str, clamped: bool) -> None:
    assert add_months(D(start), months) == (D(expected), clamped)


def test_add_duration_explains_itself() -> None:
    d, why = add_duration(D("2001-06-27"), "P6M")
    assert d == D("2001-12-27") and "6 months" in why
    d, why = add_duration(D("2006-10-02"), "P5D")
    assert d == D("2006-10-07") and "5 days" in why
    d, why = add_duration(D("2020-01-31"), "P3M", times=2)
    assert d == D("2020-07-31")


def test_business_days_skip_weekends_and_federal_holidays() -> None:
    d, skipped = add_business_days(D("2012-01-13"), 5)  # Friday before MLK day
    assert d == D("2012-01-23") and any("Martin Luther King" in s for s in skipped)
    d, _ = add_business_days(D("2022-07-01"), 1)  # Friday before July 4 (Monday)
    assert d == D("2022-07-05")


def test_parse_duration_rejects_garbage() -> None:
    assert parse_duration("P1Y6M") == (1, 6, 0)
    assert parse_duration("P2W") == (0, 0, 14)
    with pytest.raises(ValueError):
        parse_duration("six months")


def test_time_zone_offsets_follow_daylight_saving() -> None:
    summer = at_time(D("2001-06-29"), dt.time(17, 0), "America/Los_Angeles")
    winter = at_time(D("2012-01-20"), dt.time(17, 0), "America/New_York")
    assert summer.isoformat() == "2001-06-29T17:00:00-07:00"
    assert winter.isoformat() == "2012-01-20T17:00:00-05:00"
    assert at_time(D("2012-01-20"), None, None) == D("2012-01-20")


def test_ics_has_one_event_per_item() -> None:
    from icalendar import Calendar

    items = [
        {"date": D("2006-04-18"), "what": "62,500 options vest", "detail": "cliff"},
        {
            "date": dt.datetime(
                2001, 6, 29, 17, 0, tzinfo=at_time(D("2001-06-29"), dt.time(17), "America/Los_Angeles").tzinfo
            ),
            "what": "accept by",
        },
    ]
    cal = Calendar.from_ical(to_ics(items))
    evs = [c for c in cal.walk("VEVENT")]
    assert [str(e["SUMMARY"]) for e in evs] == ["62,500 options vest", "accept by"]
    assert evs[0]["DTSTART"].dt == D("2006-04-18")
    assert to_ics(items) == to_ics(items)  # deterministic (UIDs and stamps)
