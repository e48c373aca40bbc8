"""Builder for severance: lump sums and installments owed when employment ends
(inside a window, or after a change in control), and benefits continuation."""

from __future__ import annotations

import re
from decimal import Decimal

from termwise.terms.compensation import FACT_TEXT, SEVERANCE_EVENTS, Ctx, anchor_fact
from termwise.terms.events import events_in
from termwise.terms.model import Amount, Benefit, Payment, Trigger, When, Window
from termwise.terms.text import (
    DURATION_RE,
    FRACTION_RE,
    MONEY_RE,
    NUM,
    Flat,
    duration,
    first_duration,
    fraction,
    money,
    number,
    ordinal,
)

# ---------------------------------------------------------------- severance and benefits

_WINDOW = re.compile(
    rf"(?:during|within) (?:the )?(?P<d>{DURATION_RE.pattern})(?: period)? (?P<rel>commencing|"
    r"beginning|starting|following|after|of)"
    r" (?:on |with )?(?:your |the |a |an )?(?P<a>first day of (?:your )?employment|(?:employment )?start date|"
    r"(?:employment )?commencement date|commencement of (?:your )?employment|"
    r"effective date|date (?:of this \w+|hereof)|"
    r"change (?:of|in) control|grant date|date of grant|closing(?: date)?|hire date)"
)
_WINDOW_ANCHOR = re.compile(
    r"\s*(?:a |the |your )?(?:change (?:of|in) control|first day of (?:your )?employment|(?:employment )?start date|"
    r"(?:employment )?commencement|effective date|grant date|closing)"
)


_AROUND_COC = re.compile(
    rf"within (?:the )?(?:period (?:beginning|commencing) )?(?P<b>(?:{NUM})[ -]+(?:days?|months?|years?))"
    r" (?:prior to|before)"
    rf" (?:or|and) (?:ending )?(?P<d>(?:{NUM})[ -]+(?:days?|months?|years?))"
    r" (?:following|after) (?:a|the|any) change (?:of|in) control"
)


def window_of(f: Flat, kind: str) -> tuple[Window | None, str | None]:
    around = _AROUND_COC.search(f.s)
    if around:
        pre, post = first_duration(around.group("b")), first_duration(around.group("d"))
        if pre and post:
            text = f.raw[around.start() : around.end()]
            return Window(anchor="change_of_control", duration=post[1], before=pre[1], text=text), "change_of_control"
    m = _WINDOW.search(f.s)
    if not m:
        return None, None
    dm = DURATION_RE.search(m.group("d"))
    d = duration(dm) if dm else None
    a = m.group("a")
    if re.match(r"change (?:of|in) control", a):
        return Window(
            anchor="change_of_control", duration=d[0] if d else None, text=f.raw[m.start() : m.end()]
        ), "change_of_control"
    return Window(anchor=anchor_fact(a, kind), duration=d[0] if d else None, text=f.raw[m.start() : m.end()]), None


def due_of(f: Flat) -> When | None:
    m = re.search(r"on the (?P<o>\w+)(?: \(\d+(?:st|nd|rd|th)\))? (?P<b>business )?day (?:following|after)", f.s)
    if m:
        n = ordinal(m.group("o"))
        if n:
            return When(
                anchor="event", offset=f"P{n}D", business_days=bool(m.group("b")), text=f.raw[m.start() : m.end()]
            )
    for m in re.finditer(
        rf"(?:within|no later than|not later than) (?P<d>{DURATION_RE.pattern}) (?:after|following|of)", f.s
    ):
        if _WINDOW_ANCHOR.match(f.s, m.end()):
            continue  # a window for the trigger ("within 12 months after a Change in Control"), not a due date
        d = first_duration(m.group("d"))
        if d:
            return When(anchor="event", offset=d[1], business_days=d[2], text=f.raw[m.start() : m.end()])
    m = re.search(r"(?:on|upon) (?:the )?(?:date of )?(?:such |the )?(?:termination|separation)(?: date)?", f.s)
    if m:
        return When(anchor="event", text=f.raw[m.start() : m.end()])
    return None


def _amount(f: Flat, start: int) -> Amount | None:
    m = re.search(
        r"(?:continue to )?pay (?:to )?(?:you |the executive |"
        r"the employee )?(?:your |the executive's |the employee's |his |her )?"
        rf"(?:then[- ]current )?(?:annual )?base salary for (?:a period of )?(?P<d>{DURATION_RE.pattern})",
        f.s[start:],
    )
    if m:
        d = first_duration(m.group("d"))
        months = _months_of(d[1]) if d else None
        if months:
            return Amount(
                fact="base_salary", multiplier=Decimal(months) / 12, text=f.raw[start + m.start() : start + m.end()]
            )
    m = re.search(
        rf"(?P<n>{NUM}|one and one-half) (?:\(\d+\) )?months?(?:'|’)? (?:of )?(?:your |the executive's |his |her )?"
        r"(?:then[- ]current |then in effect |annual |monthly )?base salary",
        f.s[start:],
    )
    if m:
        n = number(m.group("n")) if m.group("n") != "one and one-half" else Decimal("1.5")
        if n is not None:
            return Amount(fact="base_salary", multiplier=n / 12, text=f.raw[start + m.start() : start + m.end()])
    m = re.search(
        rf"(?P<n>{NUM}|one and one-half) (?:\(\S+\) )?times (?:your |the executive's |his |her )?(?:then[- ]current )?"
        r"(?:annual )?(?:base salary|annual salary)",
        f.s[start:],
    )
    if m:
        n = number(m.group("n")) if m.group("n") != "one and one-half" else Decimal("1.5")
        if n is not None:
            return Amount(fact="base_salary", multiplier=n, text=f.raw[start + m.start() : start + m.end()])
    m = re.search(
        rf"(?P<f>{FRACTION_RE}) of (?:the )?(?:executive's |your |his |her |the employee's |employee's )?"
        r"(?:then[- ]current )?(?:annual |annualized )?base salary",
        f.s[start:],
    )
    if m:
        frac = fraction(m.group("f"))
        if frac is not None:
            return Amount(fact="base_salary", multiplier=frac, text=f.raw[start + m.start() : start + m.end()])
    m = MONEY_RE.search(f.s, start)
    if m:
        return Amount(value=money(m), text=f.raw[m.start() : m.end()])
    return None


def _months_of(iso: str) -> int | None:
    from termwise.evaluate.calendar import duration_months

    return duration_months(iso)


_EXCLUDED = re.compile(r"(?:other than|except|excluding|not)(?: for| by reason of| due to| on account of)?[^.;]{0,40}$")


_NAMED = re.compile(
    r"\((?:a |an |the |each,? a |such )?[\"“](?P<t>[a-z][\w -]{3,40})[\"”]\)"
    r"|(?:is|shall be|constitutes?|will be) (?:a |an |the )?[\"“](?P<t2>[a-z][\w -]{3,40})[\"”]"
)


def _named_triggers(sents: list[Flat]) -> dict[str, tuple[list[str], Window | None]]:
    """Defined names for a set of triggers: 'terminated without Cause (a "Qualifying Termination")'."""
    out: dict[str, tuple[list[str], Window | None]] = {}
    for f in sents:
        for m in _NAMED.finditer(f.s):
            evs = [e[0] for e in events_in(f) if e[2] <= m.start() and e[0] in SEVERANCE_EVENTS]
            evs = [e for e in dict.fromkeys(evs) if e != "termination_for_cause"]
            term = m.group("t") or m.group("t2")
            if evs and re.search(r"terminat|resign|separation|change", term):
                window, requires = window_of(f, "employment agreement")
                if requires and len(evs) > 1:
                    evs = [e for e in evs if e != "change_of_control"]
                out[term] = (evs, window)
    return out


def _find_term(s: str, term: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(term), s)]


def build_severance(
    sents: list[Flat], ctx: Ctx, payer: str | None, payee: str | None
) -> tuple[list[Payment], list[Benefit]]:
    pays: list[Payment] = []
    bens: list[Benefit] = []
    named = _named_triggers(sents)
    for f in sents:
        if "vest" in f.s and "pay" not in f.s:
            continue
        evs = [
            e
            for e in events_in(f)
            if e[0] in SEVERANCE_EVENTS
            and not (e[0] in ("death", "disability") and _EXCLUDED.search(f.s, max(0, e[1] - 60), e[1]))
        ]
        if not evs:
            evs = [
                (name, i, j) for term, (names, _w) in named.items() for i, j in _find_term(f.s, term) for name in names
            ]
            if evs and "shall mean" not in f.s and '" means' not in f.s:
                window_named = next((w for term, (_n, w) in named.items() if _find_term(f.s, term)), None)
            else:
                evs, window_named = [], None
        else:
            window_named = None
        if not evs:
            continue
        pm = re.search(r"\b(?:pay|payment|severance|lump sum|lump-sum)", f.s)
        if pm and re.search(
            r"entitled to receive only|shall not be entitled|no (?:further )?(?:severance|payment)", f.s
        ):
            continue  # what the employee gets *instead* of severance
        window, requires = window_of(f, ctx.kind)
        if window is None and window_named is not None:
            window, requires = (
                window_named,
                (window_named.anchor if window_named.anchor == "change_of_control" else None),
            )
        names = [e[0] for e in evs if e[0] != "termination_for_cause"]
        if requires and len(set(names)) > 1:
            names = [n for n in names if n != "change_of_control"]
        names = list(dict.fromkeys(names))
        if not names:
            continue
        trigger = Trigger(events=tuple(names), window=window)
        if window is not None and window.anchor not in ("change_of_control",):
            ctx.need(window.anchor, "date", FACT_TEXT.get(window.anchor, window.anchor))
        if pm:
            amt = _amount(f, pm.start())
            if amt is not None:
                if amt.fact:
                    ctx.need(amt.fact, "money", FACT_TEXT.get(amt.fact, amt.fact))
                extra = re.search(r"sum of|\bplus\b|\(ii\)|bonus|in addition to", f.s[pm.start() : pm.start() + 250])
                if extra:
                    ctx.warn(
                        "the payment has parts this tool does not compute "
                        f"('{f.raw[pm.start() + extra.start() :][:40]}');"
                        f" only {amt.text} is counted",
                        f.span(pm.start() + extra.start(), pm.start() + extra.end()),
                    )
                due = due_of(f)
                if due is None:
                    due = When(anchor="event", text=None)
                    ctx.warn("severance payment with no payment date stated; the trigger date is used", f.evidence())
                inst = None
                period = None
                im = re.search(
                    rf"(?P<n>{NUM}) (?:equal |substantially equal )?(?P<fq>monthly|"
                    r"bi-weekly|semi-monthly|quarterly) installments",
                    f.s,
                )
                if im:
                    n = number(im.group("n"))
                    inst = int(n) if n is not None else None
                    period = {"monthly": "P1M", "bi-weekly": "P2W", "semi-monthly": "P15D", "quarterly": "P3M"}[
                        im.group("fq")
                    ]
                elif amt.fact and re.search(r"salary continuation|continue to pay", f.s) and amt.multiplier:
                    inst = int(amt.multiplier * 12)
                    period = "P1M"
                kind = "installments" if inst else "lump_sum"
                label = "death benefit" if set(names) <= {"death", "disability"} else "severance"
                what = f"{label} lump sum" if kind == "lump_sum" else f"{label} installments"
                pays.append(
                    Payment(
                        id=f"severance-{len(pays) + 1}",
                        what=what,
                        kind=kind,
                        amount=amt,
                        payer=payer,
                        payee=payee,
                        due=due,
                        trigger=trigger,
                        installments=inst,
                        period=period,
                        evidence=(f.evidence(),),
                    )
                )
        bm = re.search(
            r"(?:continued|continuation of|continue|"
            rf"premiums? for)[^.;]{{0,60}}?(?:health|medical|dental|cobra)[^.;]{{0,60}}?"
            rf"for (?:a period of |up to )?(?P<d>{DURATION_RE.pattern})",
            f.s,
        )
        if bm:
            d = first_duration(bm.group("d"))
            what = "continued group health coverage"
            if "premium" in bm.group(0):
                what = "health coverage premiums paid"
            bens.append(
                Benefit(
                    id=f"benefit-{len(bens) + 1}",
                    what=what,
                    duration=d[1] if d else None,
                    trigger=trigger,
                    provider=payer,
                    evidence=(f.span(bm.start(), bm.end()), f.evidence()),
                )
            )
    return pays, bens
