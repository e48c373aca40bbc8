"""Date arithmetic the way lawyers and payroll do it, each step explained.

- Months and years are added to the anchor *as a whole* and the day is clamped to
  the month's end: Jan 31 + 3 months = Apr 30, Jan 31 + 6 months = Jul 31 (never
  drifting through Apr 30 -> Jul 30).
- Days are calendar days unless the text says business days; business days skip
  Saturdays, Sundays and US federal holidays (``holidays``).
- A time of day with a zone becomes an aware datetime (``zoneinfo``).

Every function that computes a date returns it with a sentence for the trace.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def parse_duration(iso: str) -> tuple[int, int, int]:
    """``"P1Y6M"`` -> (years, months, days); weeks count as 7 days."""
    m = _DURATION.match(iso or "")
    if not m or iso == "P":
        raise ValueError(f"not an ISO-8601 duration of years/months/weeks/days: {iso!r}")
    y, mo, w, d = (int(g) if g else 0 for g in m.groups())
    return y, mo, d + 7 * w


def duration_months(iso: str) -> int | None:
    """Whole months in ``iso`` when it has no days part, else ``None``."""
    y, m, d = parse_duration(iso)
    return None if d else 12 * y + m


def make_duration(*, years: int = 0, months: int = 0, days: int = 0) -> str:
    out = "P"
    if years:
        out += f"{years}Y"
    if months:
        out += f"{months}M"
    if days or out == "P":
        out += f"{days}D"
    return out


def add_months(d: dt.date, months: int) -> tuple[dt.date, bool]:
    """``d`` plus ``months``, day clamped to the month's end; also whether it clamped."""
    idx = d.year * 12 + (d.month - 1) + months
    year, month = divmod(idx, 12)
    last = _cal.monthrange(year, month + 1)[1]
    day = min(d.day, last)
    return dt.date(year, month + 1, day), day != d.day


def us_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    import holidays

    return dict(holidays.country_holidays("US", years=sorted(set(years))))


def is_business_day(d: dt.date, hol: dict[dt.date, str] | None = None) -> bool:
    if d.weekday() >= 5:
        return False
    hol = hol if hol is not None else us_holidays([d.year])
    return d not in hol


def add_business_days(d: dt.date, n: int) -> tuple[dt.date, list[str]]:
    """``n`` business days after ``d`` (US federal holidays), with the days skipped."""
    hol = us_holidays(range(d.year, d.year + 2 + n // 200))
    skipped: list[str] = []
    cur = d
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        cur += dt.timedelta(days=step)
        if cur.weekday() >= 5:
            continue
        if cur in hol:
            skipped.append(f"{cur.isoformat()} ({hol[cur]})")
            continue
        left -= 1
    return cur, skipped


def add_duration(d: dt.date, iso: str, *, business_days: bool = False, times: int = 1) -> tuple[dt.date, str]:
    """``d`` + ``times`` x ``iso``; returns the date and how it was computed."""
    y, m, days = parse_duration(iso)
    months = (12 * y + m) * times
    days *= times
    out = d
    notes: list[str] = []
    if months:
        out, clamped = add_months(d, months)
        notes.append(f"{d.isoformat()} + {months} month{'s' if months != 1 else ''} = {out.isoformat()}")
        if clamped:
            notes[-1] += " (clamped to the month's end)"
    if days:
        base = out
        if business_days:
            out, skipped = add_business_days(base, days)
            s = f"{base.isoformat()} + {days} business days = {out.isoformat()} (weekends"
            s += f" and US federal holidays skipped: {', '.join(skipped)})" if skipped else " skipped)"
            notes.append(s)
        else:
            out = base + dt.timedelta(days=days)
            notes.append(f"{base.isoformat()} + {days} day{'s' if days != 1 else ''} = {out.isoformat()}")
    if not notes:
        notes.append(d.isoformat())
    return out, "; ".join(notes)


def at_time(d: dt.date, t: dt.time | None, tz: str | None) -> dt.datetime | dt.date:
    """The date, or an aware datetime when a time is given (naive without a zone)."""
    if t is None:
        return d
    naive = dt.datetime.combine(d, t)
    return naive.replace(tzinfo=ZoneInfo(tz)) if tz else naive


def iso(x: dt.date | dt.datetime) -> str:
    return x.isoformat()


def to_ics(items: Iterable[dict[str, object]], *, name: str = "termwise timeline") -> bytes:
    """iCalendar bytes for timeline items (``date``: date or datetime, ``what``, ``detail``)."""
    import hashlib

    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//termwise//timeline//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for it in items:
        when = it["date"]
        ev = Event()
        summary = str(it["what"])
        ev.add("summary", summary)
        if isinstance(when, dt.datetime):
            ev.add("dtstart", when)
            ev.add("dtend", when)
        elif isinstance(when, dt.date):
            ev.add("dtstart", when)
            ev.add("dtend", when + dt.timedelta(days=1))
        else:
            continue
        if it.get("detail"):
            ev.add("description", str(it["detail"]))
        uid = hashlib.sha1(f"{name}|{when}|{summary}".encode()).hexdigest()[:20]
        ev.add("uid", f"{uid}@termwise")
        ev.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        cal.add_component(ev)
    return cal.to_ical()
