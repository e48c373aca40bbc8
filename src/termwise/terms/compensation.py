"""Builders for employment terms: base salary, equity grants with vesting and
acceleration, severance payments and benefits continuation."""

from __future__ import annotations

import re
from decimal import Decimal

from termwise.terms.events import events_in
from termwise.terms.model import (
    Acceleration,
    Condition,
    FactDef,
    Grant,
    ModelWarning,
    Trigger,
    Vesting,
    Window,
)
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

SEVERANCE_EVENTS = (
    "termination_without_cause",
    "resignation_for_good_reason",
    "change_of_control",
    "death",
    "disability",
    "resignation_without_good_reason",
    "termination_for_cause",
)
_FREQ = {
    "monthly": "P1M",
    "month": "P1M",
    "quarterly": "P3M",
    "quarter": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "year": "P1Y",
    "semi-annually": "P6M",
    "semi-annual": "P6M",
}


class Ctx:
    """What builders collect as they go."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.facts: dict[str, FactDef] = {}
        self.conditions: list[Condition] = []
        self.warnings: list[ModelWarning] = []

    def need(self, name: str, kind: str, description: str, evidence: tuple[tuple[int, int], ...] = ()) -> None:
        if name not in self.facts:
            self.facts[name] = FactDef(name=name, kind=kind, description=description, evidence=evidence)

    def state(self, fact: FactDef) -> None:
        self.facts[fact.name] = fact

    def warn(self, message: str, span: tuple[int, int]) -> None:
        self.warnings.append(ModelWarning(message=message, start=span[0], end=span[1]))


def anchor_fact(phrase: str, kind: str) -> str:
    p = phrase.lower()
    if re.search(r"vesting commencement", p):
        return "vesting_commencement_date"
    if re.search(r"grant|award date|date of (?:this )?(?:award|option)", p):
        return "grant_date"
    if re.search(r"employ|start|hire|first day|your anniversary|commencement|service", p):
        return "start_date"
    if re.search(r"closing", p):
        return "closing_date"
    if re.search(r"date (?:hereof|of this)|effective date", p):
        return "agreement_date"
    return "start_date" if kind.startswith("employment") else "grant_date"


FACT_TEXT = {
    "start_date": "first day of employment",
    "grant_date": "date the award is granted",
    "vesting_commencement_date": "vesting commencement date",
    "closing_date": "date of the closing",
    "agreement_date": "date of the agreement",
    "base_salary": "annual base salary",
    "funding_date": "date the loan is funded",
}


# ---------------------------------------------------------------- salary


def build_salary(sents: list[Flat], ctx: Ctx) -> None:
    for f in sents:
        if "salary" not in f.s and "base pay" not in f.s:
            continue
        if not re.search(r"annual|per (?:year|annum)|a year|rate of|per month|monthly", f.s):
            continue
        m = MONEY_RE.search(f.s, f.s.find("salary") if "salary" in f.s else 0)
        if not m or "base_salary" in ctx.facts and ctx.facts["base_salary"].value is not None:
            continue
        v = money(m)
        if re.search(r"per month|a month|monthly rate", f.s[m.end() : m.end() + 30]):
            v *= 12
        ctx.state(
            FactDef(
                name="base_salary",
                kind="money",
                description="annual base salary (stated)",
                value=v,
                evidence=(f.span(m.start(), m.end()),),
            )
        )


_NAMED_DATE = {
    "grant date": "grant_date",
    "date of grant": "grant_date",
    "closing date": "closing_date",
    "vesting commencement date": "vesting_commencement_date",
    "start date": "start_date",
    "commencement date": "start_date",
    "employment commencement date": "start_date",
}


def build_stated_dates(sents: list[Flat], ctx: Ctx) -> None:
    """Dates the document states for a canonical fact: ``March 15, 2021 (the "Grant
    Date")``, ``Grant Date: ...``, ``your employment will commence on June 1, 2018``."""
    from termwise.terms.text import find_dates

    for f in sents:
        for m, d in find_dates(f.s):
            name = None
            after = re.match(r"\s*\(\s*(?:the|your)?\s*[\"“]([\w ]+?)[\"”]\s*\)", f.s[m.end() :])
            before = f.s[max(0, m.start() - 70) : m.start()]
            if after and after.group(1).strip() in _NAMED_DATE:
                name = _NAMED_DATE[after.group(1).strip()]
            else:
                b = re.search(
                    r"(grant date|date of grant|vesting commencement date|"
                    r"start date|closing date)[\"”]?\s*(?::|is|of|shall be|will be|means|shall mean)\s*$",
                    before,
                )
                if b:
                    name = _NAMED_DATE[b.group(1)]
                elif re.search(
                    r"employment (?:with [\w ,.]+ )?(?:will|shall) (?:commence|begin|"
                    r"start) on\s*$|your first day of employment (?:will|shall) be\s*$",
                    before,
                ):
                    name = "start_date"
            if name and name not in ctx.facts or (name and ctx.facts[name].value is None):
                ctx.state(
                    FactDef(
                        name=name,
                        kind="date",
                        description=f"{FACT_TEXT.get(name, name)} (stated)",
                        value=d,
                        evidence=(f.span(m.start(), m.end()),),
                    )
                )


# ---------------------------------------------------------------- grants

_GRANT = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:non-?qualified |incentive )?stock options?|options|"
    r"restricted stock units|rsus|(?:performance |restricted )?(?:stock )?units|psus|"
    r"shares(?: of (?:the company's |our )?(?:class [a-z] )?(?:common stock|stock|restricted stock))?)"
)


_GRANT_FIELD = re.compile(
    r"(?:number of (?:restricted stock units|rsus|performance stock units|psus|option shares|shares(?: subject to"
    r" (?:the )?option)?|options|units)|shares subject to (?:the )?option|total (?:number of )?(?:shares|rsus|units))"
    r"(?: granted| awarded)?\s*:\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
)
_GRANT_VERB = re.compile(r"\b(?:grant|grants|granted|award|awarded|awards)\b")
_NOT_A_GRANT = re.compile(
    r"purchase price|aggregate price|for an aggregate|authorized capital|issued and outstanding|beneficially own"
    r"|outstanding shares|shares outstanding|reserved for issuance"
)


def build_grants(sents: list[Flat], ctx: Ctx) -> list[Grant]:
    grants: list[Grant] = []
    for i, f in enumerate(sents):
        field = _GRANT_FIELD.search(f.s)
        if field:  # a grant notice's table: "Number of RSUs: 3,200"
            m: re.Match[str] | None = field
            window = [f] + [g for g in sents if g is not f and "vest" in g.s]
        else:
            if not re.search(r"\b(?:grant|award)", f.s) or _NOT_A_GRANT.search(f.s):
                continue
            m = next(
                (x for x in _GRANT.finditer(f.s) if _GRANT_VERB.search(f.s, max(0, x.start() - 120), x.end() + 60)),
                None,
            )
            window = [f] + [g for g in sents[i + 1 : i + 6] if _same_topic(g)]
        if not m:
            continue
        total = int(m.group("n").replace(",", ""))
        joined = " ".join(g.s for g in window)
        if ("performance" in m.group(0) or re.search(r"\bpsus?\b", m.group(0))) and not re.search(
            r"rsus?\b|restricted", m.group(0)
        ):
            unit, what = "units", "performance stock units"
        elif "restricted stock unit" in joined or re.search(r"\brsus?\b", joined) or "units" in m.group(0):
            unit, what = "RSUs", "restricted stock units"
        elif "option" in f.s:
            unit, what = "options", "stock options"
        else:
            unit, what = "shares", "restricted stock"
        vest_sents = [g for g in window if "vest" in g.s]
        vesting = _vesting(vest_sents, ctx, total)
        accel = tuple(a for g in vest_sents if (a := _acceleration(g)) is not None)
        conds: list[str] = []
        ev = [f.evidence()] + [g.evidence() for g in vest_sents]
        for g in window:
            pm = re.search(
                r"performance (?:goals?|criteria|conditions?|metrics?|milestones?|targets?|objectives?)", g.s
            )
            if pm and "vest" in g.s:
                cid = f"performance-{len(grants) + 1}"
                ctx.conditions.append(
                    Condition(
                        id=cid,
                        label=None,
                        text=g.raw,
                        kind="fact",
                        fact="performance_goals_met",
                        evidence=(g.evidence(),),
                    )
                )
                ctx.need(
                    "performance_goals_met",
                    "bool",
                    "the performance goals the award vests on were met",
                    (g.span(pm.start(), pm.end()),),
                )
                conds.append(cid)
        plan = re.search(
            r"under (?:the )?(?:company's |its )?([\w\- ]*?(?:plan|programs?))\b", " ".join(g.raw for g in window), re.I
        )
        note = None
        if not re.search(r"unvested[^.]{0,80}(?:forfeit|terminate|expire|cancel)|forfeit", joined):
            src = f"the {plan.group(1).strip()}" if plan else "the governing equity plan"
            note = (
                f"the agreement does not say what happens to unvested {unit} when service ends; "
                f"{src} (the option plan), not this agreement, governs them"
            )
        if vesting is None:
            ctx.warn(f"grant of {total:,} {unit} with no vesting schedule this tool can read", f.evidence())
        else:
            ctx.need(vesting.anchor, "date", FACT_TEXT.get(vesting.anchor, vesting.anchor.replace("_", " ")))
        grants.append(
            Grant(
                id=f"grant-{len(grants) + 1}",
                what=what,
                total=total,
                unit=unit,
                vesting=vesting,
                acceleration=accel,
                conditions=tuple(conds),
                note=note,
                evidence=tuple(dict.fromkeys(ev)),
            )
        )
    return grants


def _same_topic(g: Flat) -> bool:
    return bool(re.search(r"vest|option|award|grant|unit|shares", g.s))


def _vesting(vsents: list[Flat], ctx: Ctx, total: int | None = None) -> Vesting | None:
    if not vsents:
        return None
    plain = [
        g for g in vsents if not (re.search(r"immediately|accelerat|in full|fully vest", g.s) and _acceleration(g))
    ]
    s = " ".join(g.s for g in plain) or vsents[0].s
    text = " ".join(g.raw for g in vsents)
    total_months = None
    om = re.search(rf"over (?:a |the |an? )?(?:period of )?({DURATION_RE.pattern})", s)
    if om:
        dm = DURATION_RE.search(om.group(1))
        d = duration(dm) if dm else None
        if d:
            total_months = _months(d[0])
    cliff = None
    cliff_frac = None
    anchor_phrase = ""
    cm = re.search(
        rf"(?P<f>{FRACTION_RE})(?: of (?:the|such|your|this)? ?[\w ]{{0,30}}?)?(?: (?:shall|will|to))?"
        rf"(?: (?:vest|vests|become vested|be vested|becomes vested))?(?: and [\w ]+?)?"
        rf" (?:on|upon|at|after) (?:the |your )?(?P<ord>\w+[- ])?(?:year )?anniversary(?: date)?(?P<of> of [^,;.]+)?",
        s,
    )
    if cm:
        cliff_frac = fraction(cm.group("f"))
        o = (cm.group("ord") or "first").strip(" -")
        years = ordinal(o) or (1 if o in ("one-year", "1-year", "your") else None) or 1
        cliff = f"P{years}Y"
        anchor_phrase = cm.group("of") or cm.group(0)
    else:
        cm2 = re.search(
            rf"(?P<f>{FRACTION_RE})[^.;]{{0,60}}?(?:after|following|upon completion of) ({DURATION_RE.pattern})", s
        )
        if cm2:
            dm = DURATION_RE.search(cm2.group(0), cm2.start(2) - cm2.start())
            d = duration(dm) if dm else None
            if d:
                cliff, cliff_frac = d[0], fraction(cm2.group("f"))
                anchor_phrase = s[cm2.end() : cm2.end() + 60]
    unit_words = r"(?:rsus|restricted stock units|shares|options|units|option shares)"
    if cliff is None and total:
        cc = re.search(
            rf"(?:first|one-year|1st) anniversary[^.;]{{0,60}}?(?:when|on which|at which time)?,?"
            rf" (?P<n>\d[\d,]*) {unit_words}"
            rf" (?:shall |will )?vest"
            rf"|(?P<n2>\d[\d,]*) {unit_words} (?:shall |will )?vest (?:on|upon) the first anniversary",
            s,
        )
        if cc:
            count = int((cc.group("n") or cc.group("n2")).replace(",", ""))
            if 0 < count <= total:
                cliff, cliff_frac = "P1Y", Decimal(count) / Decimal(total)
                anchor_phrase = s[cc.start() : cc.start() + 80]
    period = None
    pm = re.search(
        r"\b(monthly|quarterly|annually|yearly|semi-annually)\b|(?:each|every) (?:calendar )?(month|quarter|year)\b"
        r"|equal (monthly|quarterly|annual|yearly) installments",
        s,
    )
    if pm:
        period = _FREQ[next(g for g in pm.groups() if g)]
    installments = None
    nm = re.search(
        rf"(?P<n>{NUM}) (?:equal |substantially equal )?(?:monthly |quarterly |annual |yearly )?installments", s
    )
    if nm:
        n = number(nm.group("n"))
        installments = int(n) if n is not None else None
    am = re.search(r"(?:on each of the|on the) (?:first )?(?P<n>\w+) (?:anniversaries|anniversary)", s)
    if am and not installments and not cliff:
        n = number(am.group("n"))
        if n is not None and period is None:
            installments, period = int(n), "P1Y"
    if not anchor_phrase:
        mm = re.search(
            r"(?:anniversar(?:y|ies)|commencing|beginning|starting|"
            r"from|after) (?:of |on )?(?:the |your )?([^,;.]{3,60})",
            s,
        )
        anchor_phrase = mm.group(1) if mm else ""
    frac_each = None
    fm = re.search(
        r"(\d+)\s*/\s*(\d+)(?:st|nd|rd|th)?(?: of [\w ]{0,40}?)? (?:shall |"
        r"will )?(?:vest )?(?:monthly|each month|per month|quarterly|each quarter)",
        s,
    )
    if fm:
        frac_each = Decimal(fm.group(1)) / Decimal(fm.group(2))
    each_count = re.search(
        rf"(?P<n>\d[\d,]*) {unit_words} (?:shall |will )?vest (?:at the end of |on the last day of )?(?:each|every)", s
    )
    if installments is None and period and each_count and total:
        k = int(each_count.group("n").replace(",", ""))
        left = total - int(Decimal(total) * (cliff_frac or 0))
        if k > 0 and left % k == 0:
            installments = left // k
        else:
            ctx.warn(f"installments of {k:,} do not divide the {left:,} left to vest evenly", vsents[0].evidence())
            installments = -(-left // k) if k > 0 else None
    if re.search(r"calendar (?:quarter|month|year)", s):
        ctx.warn(
            "vesting on calendar quarter/month ends is counted in whole periods from the anchor date instead",
            vsents[0].evidence(),
        )
    if installments is None and period is None and total_months and re.search(r"ratabl|equal(?:ly)?|anniversar", s):
        if re.search(r"(?:each|every) anniversary|annual", s):
            period = "P1Y"
    if installments is None and period:
        pmon = _months(period)
        rest = None
        rm = re.search(rf"over the (?:remaining|following|next|subsequent) ({DURATION_RE.pattern})", s)
        if rm:
            dm = DURATION_RE.search(rm.group(1))
            d = duration(dm) if dm else None
            rest = _months(d[0]) if d else None
        elif total_months is not None:
            rest = total_months - (_months(cliff) if cliff else 0)
        if rest and pmon:
            installments = rest // pmon
        elif frac_each and pmon:
            share_left = Decimal(1) - (cliff_frac or 0)
            installments = int(share_left / frac_each)
    if cliff is None and installments is None:
        full = re.search(r"vest (?:in full|100%|entirely) on (?:the )?(\w+) anniversary", s)
        if full:
            years = ordinal(full.group(1)) or 1
            cliff, cliff_frac = f"P{years}Y", Decimal(1)
    if cliff is None and installments is None:
        return None
    if total_months and installments and period and cliff is not None:
        planned = _months(cliff) + installments * _months(period)
        if planned != total_months:
            ctx.warn(
                f"vesting wording disagrees with itself: the stated period is {total_months} months but the cliff and "
                f"installments add up to {planned} months; the installments are used",
                vsents[0].evidence(),
            )
    if cliff_frac is not None and installments is None and cliff_frac < 1:
        ctx.warn(
            "vesting schedule vests only part of the grant at the cliff and states no installments after it",
            vsents[0].evidence(),
        )
    return Vesting(
        anchor=anchor_fact(anchor_phrase or s, ctx.kind),
        cliff=cliff,
        cliff_fraction=cliff_frac,
        period=period,
        installments=installments,
        text=text,
    )


def _months(iso: str) -> int:
    from termwise.evaluate.calendar import parse_duration

    y, m, d = parse_duration(iso)
    return 12 * y + m + (d // 30)


def _acceleration(f: Flat) -> Acceleration | None:
    if not re.search(
        r"immediately (?:vest|become)|accelerat|vest (?:in full|fully)|become (?:fully )?vested|fully vested"
        r"|shall vest|will vest",
        f.s,
    ):
        return None
    evs = [e for e in events_in(f) if e[0] in SEVERANCE_EVENTS and e[0] != "termination_for_cause"]
    if not evs:
        return None
    names = list(dict.fromkeys(e[0] for e in evs))
    frac = Decimal(1)
    fm = re.search(rf"({FRACTION_RE})\)? of (?:the |any |such |your )?(?:then[- ])?(?:unvested|outstanding)", f.s)
    if fm:
        frac = fraction(fm.group(1)) or Decimal(1)
    requires = None
    window = None
    dm = re.search(
        rf"within ({DURATION_RE.pattern}) (?:after|following|of) (?:a|the|any) change (?:of|in) control", f.s
    )
    if dm and len(names) > 1:
        d = first_duration(dm.group(0))
        names = [n for n in names if n != "change_of_control"]
        requires = "change_of_control"
        window = Window(anchor="change_of_control", duration=d[1] if d else None, text=dm.group(0))
    return Acceleration(
        trigger=Trigger(events=tuple(names), window=window), fraction=frac, requires=requires, evidence=(f.evidence(),)
    )
