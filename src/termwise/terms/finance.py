"""Builders for money terms outside employment: financing tranches with labelled
conditions, acceptance deadlines, stock purchases (with derived prices) and loans."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from termwise.terms.compensation import FACT_TEXT, Ctx, anchor_fact
from termwise.terms.events import events_in
from termwise.terms.model import Amount, Condition, Deadline, Derived, FactDef, Loan, Payment, Trigger, When
from termwise.terms.text import (
    DURATION_RE,
    MONEY_RE,
    NUM,
    TIME_RE,
    Flat,
    find_dates,
    first_duration,
    money,
    number,
    parse_time,
)

_LABEL = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=:))\((?P<l>[a-z]|[ivx]{1,4}|\d{1,2})\)\s")


def _successor(prev: str, cur: str) -> bool:
    """Whether ``cur`` can follow ``prev`` in one enumeration: (a)(b), (x)(y), (i)(ii), (1)(2)."""
    if prev.isdigit() and cur.isdigit():
        return int(cur) == int(prev) + 1
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    if prev in romans and cur in romans and romans.index(cur) == romans.index(prev) + 1:
        return True
    return len(prev) == 1 and len(cur) == 1 and prev.isalpha() and ord(cur) == ord(prev) + 1


def split_conditions(f: Flat, start: int) -> list[tuple[str, int, int]]:
    """(label, flat start, flat end) of each ``(a) ...`` item after ``start``; a
    parenthesized number that does not continue the list ("ninety (90) days") is text."""
    marks: list[re.Match[str]] = []
    for m in _LABEL.finditer(f.s, start):
        if not marks or _successor(marks[-1].group("l"), m.group("l")):
            marks.append(m)
    items = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(f.s)
        seg = f.s[m.end() : end]
        trimmed = re.sub(r"[\s,;.]*(?:and|or)?[\s,;.]*$", "", seg)
        items.append((m.group("l"), m.end(), m.end() + len(trimmed)))
    return items


def classify_condition(cid: str, label: str, f: Flat, i: int, j: int, ctx: Ctx) -> Condition:
    s = f.s[i:j]
    text = f.raw[i:j]
    ev = (f.span(i - len(label) - 3 if i >= len(label) + 3 else i, j),)
    since = "agreement_date" if re.search(r"since the date (?:of this|hereof)", s) else None
    if re.match(r"(?:there (?:has|shall have) been |there is )?no\b", s) or s.startswith("the absence of"):
        for name, _a, _b in events_in(Flat(s=s, raw=text, pos=tuple(range(len(s))), start=0, end=len(s))):
            if name in ("ceo_change", "material_adverse_change", "change_of_control"):
                return Condition(
                    id=cid, label=f"({label})", text=text, kind="event_absent", event=name, since=since, evidence=ev
                )
    fact = f"condition_{cid.replace('.', '_').replace('-', '_')}"
    dm = re.search(
        rf"(?:on or (?:prior to|before)|by|no later than|not later than|within) (?:the date (?:which|that) is )?"
        rf"(?P<d>{DURATION_RE.pattern}) (?:from|after|following|of) (?:the date (?:of )?)?(?P<a>[\w ]{{3,40}})",
        s,
    )
    if dm:
        d = first_duration(dm.group("d"))
        a = dm.group("a")
        anchor = "agreement_date" if re.search(r"this|hereof", a) else anchor_fact(a, ctx.kind)
        if d:
            ctx.need(fact, "bool", f"condition ({label}) is met: {text[:80]}")
            return Condition(
                id=cid,
                label=f"({label})",
                text=text,
                kind="by_deadline",
                fact=fact,
                deadline=When(
                    anchor=anchor, offset=d[1], business_days=d[2], text=f.raw[i + dm.start() : i + dm.end()]
                ),
                evidence=ev,
            )
    for m, day in find_dates(s):
        before = s[max(0, m.start() - 30) : m.start()]
        if re.search(r"(?:before|prior to|by|no later than)\s*$", before):
            ctx.need(fact, "bool", f"condition ({label}) is met: {text[:80]}")
            return Condition(
                id=cid,
                label=f"({label})",
                text=text,
                kind="by_deadline",
                fact=fact,
                deadline=When(date=day, text=f.raw[i + m.start() : i + m.end()]),
                evidence=ev,
            )
    ctx.need(fact, "bool", f"condition ({label}) is met: {text[:80]}")
    return Condition(id=cid, label=f"({label})", text=text, kind="fact", fact=fact, evidence=ev)


_TRANCHE = re.compile(
    r"(?:provide|fund|make available|advance|lend|"
    r"invest)\w*[^.$]{0,60}?(?:the )?(?P<ord>first|next|second|third|remaining|final|initial|"
    r"balance of the|additional)?\s?(?:\w+ )?\$"
)


def build_tranches(sents: list[Flat], ctx: Ctx, payer: str | None, payee: str | None) -> list[Payment]:
    pays: list[Payment] = []
    prev_conds: tuple[str, ...] = ()
    used: set[str] = set()
    for f in sents:
        if "request" not in f.s and "draw" not in f.s:
            continue
        m = _TRANCHE.search(f.s)
        if not m:
            continue
        mm = MONEY_RE.search(f.s, m.end() - 1)
        if not mm:
            continue
        if re.search(r"up to \$", f.s[max(0, mm.start() - 8) : mm.end()]):
            continue  # the overall facility, not a tranche
        pid = f"tranche-{len(pays) + 1}"
        conds: list[str] = []
        cm = re.search(r"conditions?\b[^:]{0,80}:", f.s)
        if re.search(
            r"conditions (?:listed|set (?:out|forth)|contained) in the preceding sentence|same conditions", f.s
        ):
            conds.extend(prev_conds)
        if cm:
            for label, i, j in split_conditions(f, cm.end()):
                cid = label if label not in used else f"{pid}.{label}"
                used.add(cid)
                ctx.conditions.append(classify_condition(cid, label, f, i, j, ctx))
                conds.append(cid)
        due = None
        dm = re.search(
            rf"within (?P<d>{DURATION_RE.pattern}) (?:after|following|"
            r"of) (?:the |a |any )?(?:further )?(?:written )?request",
            f.s,
        )
        if dm:
            d = first_duration(dm.group("d"))
            if d:
                due = When(anchor="event", offset=d[1], business_days=d[2], text=f.raw[dm.start() : dm.end()])
        elif re.search(r"as soon as (?:reasonably )?practicable after", f.s):
            sm = re.search(r"as soon as (?:reasonably )?practicable after[^,;]*", f.s)
            due = When(anchor="event", text=f.raw[sm.start() : sm.end()] if sm else None)
            ctx.warn(
                "tranche due 'as soon as reasonably practicable' after "
                "the request: no fixed date; the request date is shown",
                f.span(sm.start(), sm.end()) if sm else f.evidence(),
            )
        what = f"{m.group('ord') or 'tranche'} ${money(mm):,.0f} of the financing".strip()
        pays.append(
            Payment(
                id=pid,
                what=what,
                kind="tranche",
                amount=Amount(value=money(mm), text=f.raw[mm.start() : mm.end()]),
                payer=payer,
                payee=payee,
                due=due,
                trigger=Trigger(events=("funding_request",)),
                conditions=tuple(conds),
                evidence=(f.evidence(),),
            )
        )
        prev_conds = tuple(conds)
    return pays


_DEADLINE_LEAD = re.compile(
    r"\b(?:prior to|before|by|no later than|not later than|on or before|until)\s+"
    r"(?:(?:the close of business|\d{1,2}(?::\d{2})?\s*(?:a\.\s?m\.?|p\.\s?m\.?|am|pm|noon)"
    r"(?:\s*\(?[a-z ]{0,30}?time\)?)?)[ ,]*(?:on\s+)?)?$"
)


_STOP = {"a", "an", "the", "of", "to", "and", "or", "your", "his", "her", "its", "their", "this", "that", "in", "for"}


def _fact_name(what: str, fallback: str) -> str:
    """A readable fact name for "was this done in time": ``submission_i_9_form_met``."""
    words = [w for w in re.findall(r"[a-z0-9]+", what.lower()) if w not in _STOP][:4]
    return "_".join(words) + "_met" if words else fallback.replace("-", "_") + "_met"


def build_deadlines(sents: list[Flat], ctx: Ctx, signed_copy: tuple[int, int] | None) -> list[Deadline]:
    out: list[Deadline] = []
    for k, f in enumerate(sents):
        nxt = sents[k + 1].s if k + 1 < len(sents) else ""
        for m, d in find_dates(f.s):
            before = f.s[max(0, m.start() - 90) : m.start()]
            if not _DEADLINE_LEAD.search(before):
                continue
            if not re.search(
                r"\baccept|countersign|sign(?:ing)?,? (?:date )?and return|"
                r"return(?:ing)? (?:a |the |an )?(?:signed|executed)"
                r"|execut(?:e|ing) and return",
                f.s,
            ):
                continue
            tm: re.Match[str] | None = None
            for found in TIME_RE.finditer(f.s, max(0, m.start() - 90), m.end() + 40):
                tm = found
            t, tz = parse_time(tm) if tm else (None, None)
            expire = re.search(
                r"expire|lapse|terminat|withdrawn|revoked|of no (?:further )?(?:force|effect)", f.s + " " + nxt
            )
            met = "acceptance" if re.search(r"accept|sign|countersign|execut", f.s) else None
            what = (
                "acceptance of the offer"
                if "offer" in f.s
                else "acceptance of the commitment"
                if "commitment" in f.s
                else "acceptance: signed copy returned"
            )
            s0 = tm.start() if tm and tm.start() < m.start() else m.start()
            ev = [f.span(s0, m.end()), f.evidence()]
            if expire and expire.start() >= len(f.s):
                ev.append(sents[k + 1].evidence())
            if tm and tz is None:
                ctx.warn("deadline time of day has no time zone; read as local time", f.span(tm.start(), tm.end()))
            out.append(
                Deadline(
                    id=f"deadline-{len(out) + 1}",
                    what=what,
                    due=When(date=d, time=t, tz=tz, text=f.raw[s0 : m.end()]),
                    met_by_event=met,
                    consequence="expire" if expire else None,
                    signed_copy=signed_copy if met else None,
                    evidence=tuple(ev),
                )
            )
        rm = (
            None
            if re.search(r"conditions?\b[^:]{0,80}:", f.s)
            else re.search(
                rf"(?:no later than|not later than|within) (?P<d>{DURATION_RE.pattern}) (?:after|following|of) "
                r"(?P<a>your employment begins|your (?:start|hire) date|"
                r"the (?:start|hire|closing|effective) date|the closing"
                r"|the date (?:hereof|of this (?:agreement|letter)))",
                f.s,
            )
        )
        if rm:
            rd = first_duration(rm.group("d"))
            anchor = (
                anchor_fact(rm.group("a"), ctx.kind)
                if "hereof" not in rm.group("a") and "this" not in rm.group("a")
                else "agreement_date"
            )
            if rd:
                did = f"deadline-{len(out) + 1}"
                if anchor != "agreement_date":
                    ctx.need(anchor, "date", FACT_TEXT.get(anchor, anchor))
                subj = re.search(r"subject to (?:your )?([^,.;]{5,80}?)(?: and| no later| not later|,)", f.s)
                what = f.raw[subj.start(1) : subj.end(1)] if subj else f.raw[: min(80, rm.start())].strip()
                fact = _fact_name(what, did)
                ctx.need(fact, "bool", f"done in time: {what}")
                out.append(
                    Deadline(
                        id=did,
                        what=what,
                        due=When(anchor=anchor, offset=rd[1], business_days=rd[2], text=f.raw[rm.start() : rm.end()]),
                        met_by_fact=fact,
                        evidence=(f.span(rm.start(), rm.end()), f.evidence()),
                    )
                )
    return out


_PURCHASE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+shares")


def build_purchase(
    sents: list[Flat], ctx: Ctx, payer: str | None, payee: str | None, agreement_date: object
) -> tuple[list[Payment], list[Derived]]:
    pays: list[Payment] = []
    derived: list[Derived] = []
    for k, f in enumerate(sents):
        if not re.search(r"purchase|subscri|buy|sell", f.s):
            continue
        sm = _PURCHASE.search(f.s)
        if not sm:
            continue
        pm = re.search(
            r"(?:aggregate |total )?(?:purchase )?price (?:of |equal to )?|for (?:an aggregate of |a total of )?(?=\$)",
            f.s,
        )
        mm = MONEY_RE.search(f.s, pm.end()) if pm else None
        if not mm:
            continue
        shares = int(sm.group("n").replace(",", ""))
        amount = money(mm)
        per_share = re.match(r"\s*per share", f.s[mm.end() : mm.end() + 12])
        window = f.s + " " + (sents[k + 1].s if k + 1 < len(sents) else "")
        due = None
        settled = bool(
            re.search(
                r"(?:being |is |was |has been )(?:settled|paid)|"
                r"(?:settled|paid) (?:by the parties )?on the date hereof",
                window,
            )
        )
        for m, d in find_dates(f.s):
            if m.start() > mm.end():
                due = When(date=d, text=f.raw[m.start() : m.end()])
                cd = re.search(r"\(the [\"“]closing date[\"”]\)", f.s[m.end() : m.end() + 30])
                if cd:
                    ctx.state(
                        FactDef(
                            name="closing_date",
                            kind="date",
                            description="date of the closing (stated)",
                            value=d,
                            evidence=(f.span(m.start(), m.end()),),
                        )
                    )
                break
        if due is None:
            if re.search(r"on the date hereof|on the date of this (?:letter|agreement)|concurrently herewith", window):
                due = When(anchor="agreement_date", text="the date hereof")
            elif "closing" in window:
                due = When(anchor="closing_date", text="the Closing")
                ctx.need("closing_date", "date", FACT_TEXT["closing_date"])
        other = None if per_share else re.search(r"\$\s?(\d[\d,]*(?:\.\d+)?) per share", f.s)
        if other and not re.search(r"par value", f.s[max(0, other.start() - 30) : other.start()]):
            stated = Decimal(other.group(1).replace(",", ""))
            if (stated * shares).quantize(Decimal("0.01")) != amount.quantize(Decimal("0.01")):
                ctx.warn(
                    f"price per share ${stated} x {shares:,} shares = ${stated * shares:,.2f}, but the aggregate"
                    f" price stated is ${amount:,.2f}; the aggregate is used",
                    f.span(other.start(), other.end()),
                )
        if per_share:
            total = (amount * shares).quantize(Decimal("0.01"))
            derived.append(
                Derived(
                    name="aggregate purchase price",
                    value=total,
                    unit="USD",
                    formula=f"{shares:,} shares x ${amount} per share",
                    evidence=(f.span(sm.start(), mm.end()),),
                )
            )
            amount = total
        else:
            price = (amount / shares).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
            derived.append(
                Derived(
                    name="price per share",
                    value=price,
                    unit="USD",
                    formula=f"${amount:,} / {shares:,} shares, rounded to 4 places",
                    evidence=(f.span(sm.start(), sm.end()), f.span(mm.start(), mm.end())),
                )
            )
        pays.append(
            Payment(
                id=f"purchase-{len(pays) + 1}",
                what=f"purchase price for {shares:,} shares",
                kind="purchase_price",
                amount=Amount(value=amount, text=f.raw[mm.start() : mm.end()]),
                payer=payer,
                payee=payee,
                due=due,
                settled=settled,
                evidence=(f.evidence(),),
            )
        )
    return pays, derived


def _defined_maturity(sents: list[Flat]) -> When | None:
    """``"Maturity Date" means June 30, 2025`` or ``June 30, 2025 (the "Maturity Date")`` anywhere."""
    for g in sents:
        dm = re.search(r"[\"“]maturity date[\"”] (?:means|shall mean|is) ", g.s)
        if dm:
            for _m, d in find_dates(g.s[dm.end() : dm.end() + 40]):
                return When(date=d, text=d.strftime("%B %-d, %Y"))
        for m, d in find_dates(g.s):
            if re.match(r"\s*\(the [\"“]maturity date[\"”]\)", g.s[m.end() :]):
                return When(date=d, text=g.raw[m.start() : m.end()])
    return None


def build_loans(sents: list[Flat], ctx: Ctx, lender: str | None, borrower: str | None) -> list[Loan]:
    loans: list[Loan] = []
    for k, f in enumerate(sents):
        if not re.search(
            r"(?:agrees?|promises?|shall|will) (?:to )?(?:lend|loan|advance|pay to the order|repay|pay"
            r"|make (?:a |the )?(?:term |revolving )?loans?)",
            f.s,
        ):
            continue
        pm = re.search(r"principal (?:amount|sum) of", f.s)
        if not pm:
            continue
        mm = MONEY_RE.search(f.s, pm.end())
        if not mm:
            continue
        ctxs = sents[k : k + 8]
        joined = " ".join(g.s for g in ctxs)
        ev = [f.evidence()]
        rate = None
        rm = re.search(
            r"interest[^.]{0,80}?\(?(\d+(?:\.\d+)?)\s*%\)?\s*(?:per annum|per year|annually|a year)"
            r"|interest at a rate per annum (?:equal to|of) (\d+(?:\.\d+)?)\s*%",
            joined,
        )
        day_count = None
        if rm:
            rate = Decimal(rm.group(1) or rm.group(2))
            dc = re.search(r"(360|365)-day year", joined)
            day_count = int(dc.group(1)) if dc else None
        inst = period = first = maturity = None
        im = re.search(
            rf"(?P<n>{NUM}) (?:equal |consecutive )*(?P<fq>monthly|quarterly|annual|semi-annual) installments", joined
        )
        if im:
            n = number(im.group("n"))
            inst = int(n) if n is not None else None
            period = {"monthly": "P1M", "quarterly": "P3M", "annual": "P1Y", "semi-annual": "P6M"}[im.group("fq")]
            bm = re.search(r"(?:beginning|commencing|starting) (?:on )?", joined[im.end() :])
            if bm:
                for _dm, d in find_dates(joined[im.end() + bm.end() : im.end() + bm.end() + 30]):
                    first = When(date=d, text=d.strftime("%B %-d, %Y"))
                    break
        for g in ctxs:
            mat = re.search(r"maturity date|due and payable on|shall mature|matures? on|repaid in full (?:on|by)", g.s)
            if not mat:
                continue
            for dmm, d in find_dates(g.s):
                if dmm.start() < mat.start() and not re.match(r"\s*\(the [\"“]maturity date", g.s[dmm.end() :]):
                    continue
                maturity = When(date=d, text=g.raw[dmm.start() : dmm.end()])
                ev.append(g.evidence())
                break
            if maturity is None:
                dm = re.search(
                    rf"mature (?P<d>{DURATION_RE.pattern}) (?:after|"
                    r"following) (?:the date (?:it|the loan) is funded|the funding date)",
                    g.s,
                )
                if dm:
                    d2 = first_duration(dm.group("d"))
                    if d2:
                        maturity = When(anchor="funding_date", offset=d2[1], text=g.raw[dm.start() : dm.end()])
                        ctx.need("funding_date", "date", FACT_TEXT["funding_date"])
            if maturity:
                break
        if maturity is None:
            maturity = _defined_maturity(sents)
        accel: list[str] = []
        for g in sents:
            if re.search(r"immediately due and payable|accelerat", g.s):
                accel.extend(e[0] for e in events_in(g) if e[0] not in accel)
                if accel:
                    ev.append(g.evidence())
        start = None
        head3 = " ".join(g.s for g in ctxs[:3])
        if re.search(r"(?:on|from|as of) the date (?:of this (?:agreement|note)|hereof)", head3):
            start = When(anchor="agreement_date", text="the date of this Agreement")
        elif re.search(r"on the closing date", f.s):
            start = When(anchor="closing_date", text="the Closing Date")
            ctx.need("closing_date", "date", FACT_TEXT["closing_date"])
        loans.append(
            Loan(
                id=f"loan-{len(loans) + 1}",
                principal=Amount(value=money(mm), text=f.raw[mm.start() : mm.end()]),
                rate=rate,
                day_count=day_count,
                start=start,
                first_payment=first,
                period=period,
                installments=inst,
                maturity=maturity,
                lender=lender,
                borrower=borrower,
                accelerates_on=tuple(accel),
                evidence=tuple(dict.fromkeys(ev)),
            )
        )
        if rate is None:
            ctx.warn("loan with no interest rate this tool can read", f.evidence())
        break
    return loans
