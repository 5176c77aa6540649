"""Naming things in a page's language: acts, effective dates, provisions, graph nodes, runs.

The site's data keeps acts, dates and units as data (``ActRef``, ``EffectiveDate``, paths of
(kind, number)); these functions word them with the language's message catalogue.

    >>> from datetime import date
    >>> from publisher.languages import LANGUAGES
    >>> ru, kk, en = LANGUAGES["rus"], LANGUAGES["kaz"], LANGUAGES["eng"]
    >>> law = ActRef("law", "408-V", date(2015, 11, 17))
    >>> act_name(ru, law), act_name(kk, law), act_name(en, law)
    ('Закон РК от 17.11.2015 № 408-V', 'ҚР 2015 жылғы 17 қарашадағы № 408-V Заңы', 'Law No. 408-V of 17 November 2015')
    >>> provision_label(ru, (("chapter", "2"), ("article", "7"), ("point", "3)")))
    'статья 7, подпункт 3)'
    >>> provision_label(kk, (("article", "7"), ("point", "3)")))
    '7-бап, 3) тармақша'
    >>> effective(ru, EffectiveDate(date(2016, 5, 7), exact=False))
    'не ранее 07.05.2016'
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from markupsafe import Markup

from publisher.languages import LANGUAGES, Language
from publisher.model import ActRef, EffectiveDate, NodeRef, ProvisionView

ASTANA = ZoneInfo("Asia/Almaty")      # the discussion's clock (Art. 15 of Law 88-V: Astana time)

# Units a reader names when pointing at a provision; chapters and paragraphs (§) only when the
# provision is one of them.
_NAMED = ("article", "paragraph", "point")


def act_name(L: Language, act: ActRef) -> str:
    key = f"act.{act.type}" if L.has(f"act.{act.type}") else "act.other"
    return L.t(key, date=act.date, number=act.number)


def effective(L: Language, d: EffectiveDate) -> str:
    """As a phrase after "в силе" / "in force": "с 01.03.2016", "не ранее 07.05.2016"."""
    return L.t("eff.exact" if d.exact else "eff.lower", date=d.date)


def effective_html(L: Language, d: EffectiveDate) -> Markup:
    return L.h("eff.exact" if d.exact else "eff.lower", date=d.date)


def when(L: Language, d: EffectiveDate) -> Markup:
    """A date in a table cell: the date itself, or "не ранее …" when only its lower bound is known."""
    if d.exact:
        return Markup('<time datetime="{0}">{1}</time>').format(d.iso, L.date(d.date))
    return L.h("eff.lower", date=d.date)


def kind(L: Language, k: str, capital: bool = False) -> str:
    text = L.t(f"kind.{k}") if L.has(f"kind.{k}") else k.replace("_", " ")
    return text[:1].upper() + text[1:] if capital else text


def printed_heading(L: Language, p: ProvisionView, heading: str | None = None) -> str:
    """A provision's number as its text prints it, then its heading (or ``heading`` in its place).

    >>> art = ProvisionView("art_28", "article", "28", "Порядок", ["Текст."])
    >>> printed_heading(LANGUAGES["rus"], art), printed_heading(LANGUAGES["kaz"], art)
    ('Статья 28. Порядок', '28-бап. Порядок')
    >>> printed_heading(LANGUAGES["rus"], ProvisionView("art_28", "article", "28", None, []))
    'Статья 28.'
    >>> printed_heading(LANGUAGES["rus"], ProvisionView("art_1__point_3", "point", "3)", None, []))
    '3)'
    """
    heading = p.heading if heading is None else heading
    return " ".join(x for x in [L.unit(p.kind, p.num), heading or ""] if x)


def printed_words(L: Language, p: ProvisionView) -> str:
    """A provision's own words as its text prints them: its printed heading, text and closing words.

    >>> printed_words(LANGUAGES["eng"], ProvisionView("art_28", "article", "28", "Procedure", ["Text."]))
    'Article 28. Procedure Text.'
    """
    return " ".join(x for x in [printed_heading(L, p), *p.text, *p.wrap_up] if x)


def provision_label(L: Language, path) -> str:
    """A provision named in running text, from its units outermost first: chapters are left out
    when an article is named (an article's number is unique in the act)."""
    return _provision_label(L.code, tuple(path))


@lru_cache(maxsize=65536)
def _provision_label(lang: str, path: tuple) -> str:
    L = LANGUAGES[lang]
    named = [(k, n) for k, n in path if k in _NAMED] or list(path[-1:])
    return L.t("ref.sep").join(L.ref(k, n) for k, n in named)


def path_of(p: ProvisionView, parents: dict[str, ProvisionView]) -> tuple[tuple[str, str], ...]:
    """The units of a provision outermost first, from the provisions of its text by eId."""
    parts = p.eid.split("__")
    out = []
    for n in range(1, len(parts) + 1):
        q = parents.get("__".join(parts[:n]))
        if q is not None:
            out.append((q.kind, q.num or ""))
    return tuple(out)


def node_label(L: Language, node: NodeRef, short: bool = False) -> str:
    """A graph node: the act (by type, date and number, else its title) and, for a provision, its
    units. ``short`` leaves out the act of a provision (on that act's own page)."""
    if node.act is not None:
        act = act_name(L, node.act)
    else:
        key = f"act.titled.{node.type}" if L.has(f"act.titled.{node.type}") else "act.titled.other"
        act = L.t(key, title=node.title(L.code))
    if node.kind != "provision":
        return act
    label = provision_label(L, node.path)
    return label if short else f"{act}, {label}"


def run_label(L: Language, provisions: list[ProvisionView]) -> str:
    """The units of a run of provisions: "Статьи 5–8", "Подпункт 3)", "4 положения"."""
    kinds = {p.kind for p in provisions}
    if len(kinds) == 1 and all(p.num for p in provisions):
        k = kinds.pop()
        if L.has(f"run.one.{k}"):
            first, last = provisions[0].num.rstrip("."), provisions[-1].num.rstrip(".")
            if len(provisions) == 1:
                return L.t(f"run.one.{k}", a=first)
            return L.t(f"run.many.{k}", a=first, b=last)
    if len(provisions) == 1:
        return L.t("run.one.provision")
    return L.t("run.many.provision", count=len(provisions))


def event_act(L: Language, e) -> str:
    """The act of an ``EventView`` named in the language (its raw label when it has no ``ref``)."""
    return act_name(L, e.ref) if getattr(e, "ref", None) else e.act


def event_sentence(L: Language, key: str, e) -> str:
    """``run.after`` / ``run.before``: "Предыдущее изменение — Закон РК от … (изменения), в силе с …"."""
    return L.t(key, act=event_act(L, e), kind=kind(L, e.kind), eff=effective(L, e.effective))


def uncertainty(L: Language, why) -> str:
    """Why a provision's existence on a date is not established, in words."""
    if why is None:
        return L.t("prov.uncertain.generic")
    if why.key == "event" and why.event is not None:
        e = why.event
        return L.t("prov.uncertain.event", kind=kind(L, e.kind, capital=True), act=event_act(L, e),
                   eff=effective(L, e.effective))
    if why.key == "eif" and why.effective is not None:
        return L.t("prov.uncertain.eif", eff=effective(L, why.effective))
    if why.key == "history":
        return L.t("prov.uncertain.history")
    if why.key == "wording":
        return L.t("prov.uncertain.wording")
    return L.t("prov.uncertain.generic")


def spans(links, index: int) -> list[tuple[int, int, str]]:
    """The links of paragraph ``index`` of a provision: (start, end, url)."""
    return [(s, e, u) for i, s, e, u in links if i == index]


def other_language(L: Language, own: str, borrowed: str) -> dict[str, str]:
    """The arguments of ``prov.other_lang``: each language named in the forms the sentence needs."""
    return {"own_in": L.t(f"lang_in.{own}"), "own_of": L.t(f"lang_of.{own}"),
            "lang_in": L.t(f"lang_in.{borrowed}"), "lang_of": L.t(f"lang_of.{borrowed}")}


def by_act(events) -> list[tuple]:
    """Events grouped per amending act, in order of effect: (the event standing for the act, the
    number of provisions it touches)."""
    seen: dict[str, list] = {}
    for e in sorted(events, key=lambda e: (e.effective.date, e.act)):
        entry = seen.setdefault(e.act, [e, set()])
        entry[1].update(e.targets)
    return [(e, len(targets)) for e, targets in seen.values()]


def work_act(work) -> ActRef:
    """A corpus work as an act (type, number, date)."""
    return ActRef(work.type, work.number, work.date, work.uri)


def audit(L: Language, a) -> str:
    """A finding of the link audits (``WarningView``) as a sentence in the language."""
    where = node_label(L, a.where) if a.where else ""
    if a.code == "stale_delegation" and a.bylaw and a.basis:
        acts = "; ".join(f"{act_name(L, act)} ({kind(L, k)}, {effective(L, eff)})" if eff else act_name(L, act)
                         for act, eff, k in a.acts)
        return L.t("audit.stale_delegation", bylaw=node_label(L, a.bylaw), basis=node_label(L, a.basis),
                   adopted=L.date(a.adopted) if a.adopted else "", acts=acts)
    if a.code == "basis_missing" and a.bylaw and a.basis and a.on:
        return L.t("audit.basis_missing", bylaw=node_label(L, a.bylaw), basis=node_label(L, a.basis), date=a.on)
    if a.code == "dangling_reference" and a.on:
        return L.t("audit.dangling_reference", text=a.text or "", where=where, date=a.on)
    if a.code == "unresolved_reference":
        return L.t("audit.unresolved_reference", text=a.text or "", where=where)
    if a.code == "invalid_akn":
        return L.t("audit.invalid_akn", where=where)
    return L.t("audit.other", where=where)


def moment(L: Language, when: date | datetime) -> Markup:
    """When a comment came, on Astana's clock, as the language writes a date and a time.

    >>> from publisher.languages import LANGUAGES
    >>> from datetime import timezone
    >>> late = datetime(2025, 3, 20, 19, 1, tzinfo=timezone.utc)          # 00:01 on 21 March in Astana
    >>> str(moment(LANGUAGES["rus"], late))
    '<time datetime="2025-03-21T00:01+05:00">21.03.2025, 00:01</time>'
    >>> [str(moment(LANGUAGES[c], late)).split(">")[1][:-6] for c in ("kaz", "eng")]
    ['2025 жылғы 21 наурыз, 00:01', '21 March 2025, 00:01']
    >>> str(moment(LANGUAGES["eng"], date(2025, 3, 11)))
    '<time datetime="2025-03-11">11 March 2025</time>'
    """
    if not isinstance(when, datetime):
        return Markup('<time datetime="{0}">{1}</time>').format(when.isoformat(), L.date(when))
    local = when.astimezone(ASTANA) if when.tzinfo else when
    text = L.t("moment", date=local.date(), time=f"{local:%H:%M}")
    return Markup('<time datetime="{0}">{1}</time>').format(local.isoformat(timespec="minutes"), text)


def draft_status(L: Language, d, built: date | None = None, sentence: bool = True) -> str:
    """A draft's status on the build date, in words: "Состояние на 01.01.2026: обсуждение завершено, …".

    ``sentence`` gives the banner's sentence, else the table cell's phrase; without ``built`` the
    phrase has no "as of" (that is the wording the browser puts in its place, computed for today).

    >>> from publisher.languages import LANGUAGES
    >>> from publisher.model import DraftView
    >>> d = DraftView("x", "t", "rus", date(2025, 3, 5), datetime(2025, 3, 21), "open", days_left=3)
    >>> draft_status(LANGUAGES["rus"], d, date(2025, 3, 18))
    'Состояние на 18.03.2025: идёт обсуждение, осталось 3 рабочих дня.'
    >>> draft_status(LANGUAGES["eng"], d, date(2025, 3, 18), sentence=False)
    'open for comments, 3 working days left (as of 18 March 2025)'
    """
    if d.status == "open" and d.days_left is not None:
        status = L.t("status.days_left", count=d.days_left)
    else:
        status = L.t(f"status.{d.status}")
    if built is None:
        return L.t("draft.status", status=status) if sentence else status
    return L.t("draft.status_as_of" if sentence else "draft.cell_as_of", date=built, status=status)
