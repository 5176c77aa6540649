"""zanlex: the whole pipeline, one command per stage.

    corpus/ ──parse──▶ AKN ──consolidate──▶ versions ──link──▶ graph ──publish──▶ site
                         drafts/ ──discussion──▶ deadlines

Read top to bottom: each section below is one stage, and each command is a thin wrapper
over that stage's public functions. ``main`` is the one error boundary: every expected failure
is one line naming the file or setting, with exit status 2 (bad input), 1 (a check failed) or
3 (the environment: disk, port, ``SOURCE_DATE_EPOCH``); a traceback only with ``--debug``.

The corpus is found as mkdocs finds ``mkdocs.yml``: ``--corpus DIR``, else ``./corpus``, else a
``zanlex.toml`` in the current folder (``zanlex init DIR`` creates one).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from pathlib import Path

import click

import akn_schema  # its names load on first use (lxml, the XSD, markdown-it): `zanlex --help` stays fast
from akn_schema.errors import ENVIRONMENT, ZanlexError

INTERNAL_ERROR = 4


def _lazy(name: str):
    """A module that is imported on first use (``discussion`` loads holidays and icalendar)."""
    import importlib.util

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


discussion = _lazy("discussion")
project = _lazy("akn_schema.project")     # the corpus finder: config schemas, zoneinfo


def atomic_write(path, data, **options) -> None:
    """``akn_schema.files.atomic_write``, imported when a command writes (not for ``--help``)."""
    from akn_schema.files import atomic_write as write

    write(path, data, **options)


class Session(dict):
    """``ctx.obj``: ``ctx.obj["corpus"]`` finds the corpus on first use (``init`` needs none)."""

    def __init__(self, given: Path | None):
        super().__init__()
        self.given = given

    def __missing__(self, key: str):
        if key != "corpus":
            raise KeyError(key)
        self["corpus"] = project.find_corpus(self.given)
        return self["corpus"]

    def loaded(self):
        """The corpus opened once for this command (``akn_schema.corpus.Corpus``): every stage is
        given this one object, so no stage re-reads a work.toml or re-parses a text."""
        if getattr(self, "_loaded", None) is None:
            from akn_schema.corpus import Corpus

            self._loaded = Corpus.open(self["corpus"])
        return self._loaded

    def corpus_if_any(self) -> Path | None:
        """The corpus, or None when none was given or found (for commands that can do without)."""
        if self.given is not None:
            return self["corpus"]
        try:
            return self["corpus"]
        except project.NoCorpus:
            return None


def emit_json(obj) -> None:
    import json  # here, not at the top: `zanlex --help` imports only click

    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def jobs_options(f):
    """``--jobs N`` (default: the cores), ``--executor process|dask`` and ``--scheduler ADDRESS``:
    where the per-work tasks run (``akn_schema.executor``); the output is the same either way."""
    f = click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="The Dask scheduler for --executor dask, e.g. tcp://10.0.0.5:8786.")(f)
    f = click.option("--executor", "executor_kind", type=click.Choice(["process", "dask"]), default="process",
                     show_default=True, help="Run the per-work tasks in a local process pool, or on Dask.")(f)
    return click.option("--jobs", "-j", type=click.IntRange(1, None), default=None,
                        help="Worker processes for the per-work tasks (default: the number of cores).")(f)


def make_executor(jobs: int | None, kind: str = "process", scheduler: str | None = None):
    from akn_schema.executor import executor_for

    return executor_for(kind, jobs, scheduler)


class progress_bar:  # noqa: N801  (used as a context manager, like ``open``)
    """A rich progress bar on standard error while a command works through the works; silent
    when standard error is not a terminal (a pipe, CI, a test). Calling it reports (done, total).

        with progress_bar("validate") as progress:
            reports = check_texts(corpus, texts, executor=ex, progress=progress)
    """

    def __init__(self, label: str):
        self.label = label
        self.bar = None
        self.task = None

    def __enter__(self):
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
        return self

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            return
        if self.task is None:
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def step(self, label: str):
        """A callback for a named step (``publisher.build``'s progress(step, done, total))."""
        tasks: dict[str, int] = {}

        def report(step: str, done: int, total: int) -> None:
            if self.bar is None:
                return
            if step not in tasks:
                tasks[step] = self.bar.add_task(step, total=total)
            self.bar.update(tasks[step], completed=done, total=total)
        return report

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@click.group()
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The corpus folder (default: ./corpus, or the one zanlex.toml names).")
@click.option("--debug", is_flag=True, help="On an error, print the traceback too.")
@click.pass_context
def zanlex(ctx: click.Context, corpus: Path | None, debug: bool) -> None:
    """Versions and consolidates Kazakhstan legislation (Akoma Ntoso 3.0)."""
    ctx.obj = Session(corpus)


@zanlex.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
def init_cmd(folder: Path) -> None:
    """Create a new project in FOLDER: zanlex.toml and a corpus with one example work."""
    from akn_schema.project import init_project

    corpus = init_project(folder)
    click.echo(f"created {corpus} with one example work; next: cd {folder} && zanlex validate && "
               f"zanlex build --out public")


# ── 1. Parse: text → Akoma Ntoso ─────────────────────────────────────────────────────────
# (akn_schema) SECTION-PARSE
LANG = click.option("--lang", "lang", default=None, help="rus | kaz | eng (for a file path, or a work with several texts).")


def _sources(corpus: Path, specs: tuple[str, ...], lang: str | None = None, doctype: str | None = None,
             works: dict | None = None):
    """(work, lang) for each SOURCE; every text of every work when none is given."""
    if works is None and corpus is not None:
        works = akn_schema.load_works(corpus)
    if not specs:
        return [(w, src) for w in works.values() for src in w.all_texts()]
    out = []
    for spec in specs:
        work, lg = akn_schema.resolve_source(spec, corpus, lang, doctype)
        name, _, given = spec.partition(":")
        in_corpus = corpus is not None and name in works
        langs = [lg] if (given or lang or work.texts.keys() == {lg} or not in_corpus) \
            else list(work.texts)
        out += [(work, x) for x in langs]
    return out


@zanlex.command()
@click.argument("source")
@LANG
@click.option("--type", "doctype", type=click.Choice(["law", "order", "resolution"]), default=None,
              help="What a file path holds (corpus works know their type).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@click.option("--strict", is_flag=True, help="A line the grammar cannot place is an error, not a warning.")
@click.pass_context
def parse(ctx, source, lang, doctype, output, strict):
    """Parse SOURCE (e.g. law-88-V:rus, or a text file) into Akoma Ntoso XML."""
    corpus = ctx.obj.corpus_if_any()
    work, lang = akn_schema.resolve_source(source, corpus, lang, doctype)
    act = akn_schema.parse_work(work, lang, strict)
    for warning in act.warnings:
        click.echo(f"warning: {warning}", err=True)
    if corpus is not None and work.folder is not None:     # a corpus work: dated, with its amendments
        from consolidator import source_xml

        root = source_xml(corpus, work.name, lang)
    else:
        root = akn_schema.act_to_xml(act, work)
    data = akn_schema.to_bytes(root)
    if output:
        atomic_write(output, data, make_parents=False)
    else:
        click.echo(data.decode("utf-8"), nl=False)


def _by_rule(skipped: list[dict]) -> dict[str, list[dict]]:
    """Non-text lines and spans grouped by the rule that declares them (``--json`` lists each)."""
    groups: dict[str, list[dict]] = {}
    for s in skipped:
        groups.setdefault(s["rule"], []).append(s)
    return groups


@zanlex.command()
@click.argument("sources", nargs=-1)
@LANG
@click.option("--type", "doctype", type=click.Choice(["law", "order", "resolution"]), default=None,
              help="What a file path holds (corpus works know their type).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--strict", is_flag=True, help="Warnings count as failures.")
@click.option("--cache", "use_cache", is_flag=True,
              help="Skip a text unchanged since the last check with --cache (same bytes, configuration and zanlex).")
@jobs_options
@click.pass_context
def validate(ctx, sources, lang, doctype, as_json, strict, use_cache, jobs, executor_kind, scheduler):
    """Strict XSD, unique eIds, resolving hrefs and text conservation, per source text.

    With no SOURCE, every text of the corpus; a SOURCE is law-88-V, law-88-V:rus, or a text file
    (with --lang). The texts are checked in parallel (--jobs). Exit status 1 if anything fails.
    """
    from akn_schema.batch import check_texts, preload_checks
    from akn_schema.cache import folder_for

    corpus = ctx.obj["corpus"] if not sources else ctx.obj.corpus_if_any()
    works = ctx.obj.loaded().works if corpus is not None else None
    texts = _sources(corpus, sources, lang, doctype, works)
    cache = folder_for(corpus) if corpus is not None and use_cache else None
    preload_checks(executor_kind, jobs if len(texts) > 1 else 1)
    with make_executor(jobs if len(texts) > 1 else 1, executor_kind, scheduler) as ex, \
            progress_bar("validate") as progress:
        reports = check_texts(None, texts, executor=ex, progress=progress, cache=cache)
    failed = [r for r in reports if not r.valid or (strict and r.warnings)]
    if as_json:
        emit_json({"valid": not failed, "sources": [r.as_json() for r in reports]})
    else:
        for r in reports:
            mark = "FAIL" if r in failed else "ok  "
            click.echo(f"{mark} {r.work}:{r.lang}  {r.conservation.source_words} words, "
                       f"{len(r.conservation.lost)} lost, {len(r.errors)} errors, {len(r.warnings)} warnings")
            for line in r.errors[:20] + r.warnings:
                click.echo(f"     {line}")
            for n, word in r.conservation.lost[:20]:
                click.echo(f"     lost: {r.path}:{n}: {word}")
            for rule, spans in _by_rule(r.skipped).items():
                where = ", ".join(str(s["line"]) for s in spans[:8]) + (", …" if len(spans) > 8 else "")
                click.echo(f"     non-text ({rule}): {len(spans)} at {r.path}:{where}: {spans[0]['text'][:50]}")
    if failed:
        ctx.exit(1)


@zanlex.command("import")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--work", "work_name", default=None, help="The corpus work (default: the one meta.yaml names).")
@click.pass_context
def import_cmd(ctx, folder, work_name):
    """Import an official edition in the public mirror's format (rus.md, kaz.md, meta.yaml) into the corpus."""
    from akn_schema.importer import import_edition

    work, label, written = import_edition(folder, ctx.obj["corpus"], work_name)
    click.echo(f"{work.name}: edition {label} imported ({', '.join(p.name for p in written)})")


@zanlex.command()
@click.argument("source")
@LANG
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def outline(ctx, source, lang, as_json):
    """The provisions of SOURCE in document order: eId, type, num, heading, status."""
    work, lang = akn_schema.resolve_source(source, ctx.obj.corpus_if_any(), lang)
    rows = [{"eId": p.eid, "type": p.kind, "num": p.num, "heading": p.heading, "status": p.status}
            for p in akn_schema.parse_work(work, lang).walk()]
    if as_json:
        emit_json(rows)
    else:
        for r in rows:
            depth = r["eId"].count("__")
            mark = " [removed]" if r["status"] == "removed" else ""
            click.echo(f"{'  ' * depth}{r['type']} {r['num'] or ''} {r['heading'] or ''}{mark}".rstrip())


# ── 2. Consolidate: footnotes → events → point-in-time versions ──────────────────────────
# (consolidator) SECTION-CONSOLIDATE
@zanlex.command("events")
@click.argument("work")
@click.option("--json", "as_json", is_flag=True, help="One JSON record per event.")
@click.pass_context
def events_cmd(ctx: click.Context, work: str, as_json: bool) -> None:
    """The amendment events recorded by WORK's footnotes, by effective date."""
    from consolidator import events_for_work

    events = events_for_work(ctx.obj.loaded(), work)
    if as_json:
        emit_json([e.as_json() for e in events])
        return
    for e in events:
        click.echo(f"{e.effective!s:38} {e.act!s:28} {e.kind:15} {e.target}  ({e.sources[0]})")


@zanlex.command("versions")
@click.argument("work")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def versions_cmd(ctx: click.Context, work: str, as_json: bool) -> None:
    """WORK's points in time: each date (or window), its events, and the coverage per language."""
    from consolidator import points_in_time

    points = points_in_time(ctx.obj.loaded(), work)
    if as_json:
        emit_json([p.as_json() for p in points])
        return
    for p in points:
        what = "entry into force" if p.entry_into_force else ", ".join(sorted({str(e.act) for e in p.events}))
        cov = " ".join(f"{lang} {c:.0%}" for lang, c in p.coverage.items())
        labels = sorted({e.label.isoformat() for e in p.editions.values()})
        checked = f"; checked against the edition of {', '.join(labels)}" if labels else ""
        click.echo(f"{p.effective!s:38} {what}  [{len(p.events)} event{'' if len(p.events) == 1 else 's'}; coverage {cov}{checked}]")


@zanlex.command("show")
@click.argument("work")
@click.option("--as-of", "as_of", required=True, help="The date, YYYY-MM-DD.")
@click.option("--lang", required=True, help="rus, kaz or eng.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "akn"]), default="text", show_default=True)
@click.pass_context
def show_cmd(ctx: click.Context, work: str, as_of: str, lang: str, fmt: str) -> None:
    """The consolidated version of WORK on a date, in a language."""
    from akn_schema.akn import to_bytes
    from consolidator import parse_day, version_at, version_xml

    version = version_at(ctx.obj.loaded(), work, _adopted_by(ctx, work, parse_day(as_of), "--as-of"), lang)
    if fmt == "json":
        emit_json(version.as_json())
    elif fmt == "akn":
        click.echo(to_bytes(version_xml(ctx.obj.loaded(), version)).decode("utf-8"), nl=False)
    else:
        click.echo(version.as_text())


def _adopted_by(ctx: click.Context, work: str, day, option: str):
    """``day``, if WORK had been adopted by then; before that it has no text to show."""
    adopted = ctx.obj.loaded().work(work).date
    if day < adopted:
        raise click.BadParameter(f"{work} was adopted on {adopted}: it has no text on {day}", param_hint=option)
    return day


@zanlex.command("diff")
@click.argument("work")
@click.option("--from", "d1", required=True, help="The earlier date, YYYY-MM-DD.")
@click.option("--to", "d2", required=True, help="The later date, YYYY-MM-DD.")
@click.option("--lang", required=True, help="rus, kaz or eng.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.pass_context
def diff_cmd(ctx: click.Context, work: str, d1: str, d2: str, lang: str, fmt: str) -> None:
    """Word-level differences between WORK's versions on two dates, provision by provision."""
    from consolidator import diff_html, parse_day, version_diff

    earlier, later = _adopted_by(ctx, work, parse_day(d1), "--from"), _adopted_by(ctx, work, parse_day(d2), "--to")
    if later < earlier:
        raise click.BadParameter(f"--to {later} is before --from {earlier}", param_hint="--to")
    diffs = version_diff(ctx.obj.loaded(), work, earlier, later, lang)
    if fmt == "json":
        emit_json([d.as_json() for d in diffs])
    elif fmt == "html":
        from html import escape
        for d in diffs:
            body = f'<p class="zl-note">{escape(d.note)}</p>' if d.note else f"<p>{diff_html(d.ops)}</p>"
            click.echo(f'<section class="zl-diff" id="{escape(d.eid)}"><h3>{escape(d.num or d.eid)}</h3>'
                       f"{body}</section>")
    else:
        marks = {-1: "[-{}-]", 0: "{}", 1: "{{+{}+}}"}
        for d in diffs:
            click.echo(f"{d.eid}: " + (f"({d.note})" if d.note else "".join(marks[op].format(t) for op, t in d.ops)))


@zanlex.command("apply")
@click.argument("act")
@click.option("--work", required=True, help="The amended work, e.g. law-88-V.")
@click.option("--lang", default=None, help="Which of the act's texts to apply: rus, kaz … (default: its first).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def apply_cmd(ctx: click.Context, act: str, work: str, lang: str | None, as_json: bool) -> None:
    """Apply amending ACT's own instructions (in one language) to WORK: the instructions, the wordings they
    yield, and each instruction checked word for word against the official edition after it."""
    from consolidator import apply_act

    app = apply_act(ctx.obj.loaded(), act, work, lang)
    if as_json:
        emit_json(app.as_json())
        return
    click.echo(f"{app.act} → {work} [{app.lang}], in effect {app.effective}")
    for i in app.instructions:
        click.echo(f"  {i.label}: {i.describe()}  ({i.source})")
    for w in app.wordings:
        tag = "partial" if w.partial else w.state
        click.echo(f"  {w.eid} [{w.lang}, {tag}]: {w.plain()[:70]}")
    for note in app.notes:
        click.echo(f"  note: {note}")
    for c in app.checks:
        click.echo(f"  check {c.instruction} against {c.edition or '—'}: {c.verdict}" + (f" ({c.note})" if c.note else ""))
    if app.agreement is not None:
        checked = sum(c.verdict in ("equal", "differs") for c in app.checks)
        click.echo(f"  {app.agreement:.0%} of {checked} checked instructions match the edition word for word")


# ── 3. Link: references and the law–bylaw graph ──────────────────────────────────────────
# (linker) SECTION-LINK
AS_OF = click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), default=None,
                     help="Only what holds on this date (YYYY-MM-DD); default: today / every edge.")


def _links_task(task):
    """One work's share of the graph (a per-work task): its provisions, references and history."""
    import linker
    from akn_schema.batch import run_for_work

    return run_for_work(task, linker.work_links)


def _graph(corpus, as_of, jobs, executor_kind, scheduler):
    """The graph: every work's share computed as a per-work task, then joined (the global step)."""
    import linker
    from akn_schema.batch import corpus_tasks

    with make_executor(jobs, executor_kind, scheduler) as ex, progress_bar("graph") as progress:
        parts = dict(zip(corpus.works, ex.map(_links_task, corpus_tasks(corpus, corpus.works), progress),
                         strict=True))
    return linker.graph_from(corpus.works, parts, {name: p.changes for name, p in parts.items()}, as_of)


@zanlex.command("graph")
@click.option("--format", "fmt", type=click.Choice(["json", "graphml"]), default="json", show_default=True)
@AS_OF
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@jobs_options
@click.pass_context
def graph_cmd(ctx, fmt, as_of, output, jobs, executor_kind, scheduler):
    """The law–bylaw graph: node-link JSON (networkx) or GraphML."""
    import json

    import linker  # spaCy: loaded only by the commands that need it

    g = _graph(ctx.obj.loaded(), as_of.date() if as_of else None, jobs, executor_kind, scheduler)
    data = linker.graph_graphml(g) if fmt == "graphml" else \
        json.dumps(linker.graph_json(g), ensure_ascii=False, indent=2).encode("utf-8")
    if output:
        atomic_write(output, data, make_parents=False)
    else:
        click.echo(data.decode("utf-8"))


@zanlex.command("links")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True)
@jobs_options
@click.pass_context
def links_cmd(ctx, ref, as_json, jobs, executor_kind, scheduler):
    """Everything pointing to and from REF: law-88-V~art_7, or /akn/kz/act/2013-04-15/88-V/~chp_2__art_7."""
    import linker  # spaCy: loaded only by the commands that need it

    g = _graph(ctx.obj.loaded(), None, jobs, executor_kind, scheduler)
    found = linker.links_of(g, ref)
    if as_json:
        emit_json(found.as_dict(g))
        return
    click.echo(f"{found.subject}")
    for b in found.bylaws():
        click.echo(f"  bylaw issued under it: {g.nodes[b]['name']}  {g.nodes[b]['title']}")
    for link in found.incoming:
        click.echo(f"  ← {link.kind:16} {link.source}  {link.attrs.get('valid_from', '')}")
    for link in found.outgoing:
        click.echo(f"  → {link.kind:16} {link.target}  {link.attrs.get('valid_from', '')}")


def _check_work(task):
    """One work's share of ``zanlex check`` (a per-work task): its texts validated with their
    references, its share of the graph, and its consolidation audit."""
    from akn_schema.batch import run_for_work

    return run_for_work(task, _work_check)


def _work_check(corpus, name: str):
    import linker
    from consolidator.audit import work_consolidation_audits

    return (linker.work_validation_audits(corpus, name), linker.work_links(corpus, name),
            work_consolidation_audits(corpus, name))


@zanlex.command("check")
@AS_OF
@click.option("--json", "as_json", is_flag=True)
@jobs_options
@click.pass_context
def check_cmd(ctx, as_of, as_json, jobs, executor_kind, scheduler):
    """Audits: stale delegation, dangling references and AKN validity (linker), and the consolidation audit:
    changes no footnote records (per edition pair), amending acts' instructions the next edition does not
    reflect. Exit status 1 on errors."""
    import linker  # spaCy: loaded only by the commands that need it
    from akn_schema.batch import corpus_tasks
    from consolidator import load_acts

    corpus = ctx.obj.loaded()
    load_acts(corpus)           # the registry first: a broken amending-acts.toml fails before the slow audits
    when = as_of.date() if as_of else None
    with make_executor(jobs, executor_kind, scheduler) as ex, progress_bar("check") as progress:
        per_work = dict(zip(corpus.works, ex.map(_check_work, corpus_tasks(corpus, corpus.works), progress),
                            strict=True))
    # the global step: the graph from every work's share, then the audits that span works
    parts = {name: links for name, (_, links, _) in per_work.items()}
    history = {name: links.changes for name, links in parts.items()}
    graph = linker.graph_from(corpus.works, parts, history)
    found = linker.stale_delegations(corpus, when, history, graph) + linker.reference_audits(
        corpus, when, history, found=[r for links in parts.values() for r in links.resolutions])
    found += [a for validation, _, _ in per_work.values() for a in validation]
    found = sorted(found, key=lambda a: linker.SEVERITIES.index(a.severity))
    found += [f for name in sorted(per_work) for f in per_work[name][2]]
    if as_json:
        emit_json([a.as_dict() for a in found])
    else:
        for a in found:
            click.echo(f"{a.severity:7} {a.code:26} {a.location}: {a.message}")
    if any(a.severity == "error" for a in found):
        ctx.exit(1)


# ── 4. Public discussion of drafts ───────────────────────────────────────────────────────
# (discussion) SECTION-DISCUSSION


@zanlex.group("discussion")
def discussion_group() -> None:
    """Public discussion of draft acts: the ten-working-day window (Art. 15 of Law 88-V)."""


@discussion_group.command("deadline")
@click.argument("posted")
@click.option("--json", "as_json", is_flag=True, help="Print the window as JSON.")
@click.pass_context
def discussion_deadline(ctx: click.Context, posted: str, as_json: bool) -> None:
    """When a draft posted on POSTED (a date, or an ISO datetime) stops taking comments."""
    window = discussion.working_day_deadline(discussion.parse_posted(posted),
                                             discussion.load_calendar(ctx.obj["corpus"]))
    record = discussion.window_record(window)
    if as_json:
        emit_json(record)
        return
    click.echo(f"posted    {window.posted} ({window.posted:%A})")
    click.echo(f"day 1     {window.opens} ({window.opens:%A})")
    click.echo(f"deadline  {window.deadline} ({window.deadline:%A}), closes at 24:00 Astana time "
               f"({record['closes_at']})")
    for s in window.skipped:
        click.echo(f"skipped   {s.day} ({s.day:%A}): {s.reason}")
    for w in window.weekend_working_days:
        click.echo(f"worked    {w.day} ({w.day:%A}): {w.reason}")
    for warning in window.warnings:
        click.echo(f"warning   {warning}")


@discussion_group.command("status")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day to judge on (default: SOURCE_DATE_EPOCH, else today in Astana).")
@click.option("--json", "as_json", is_flag=True, help="Print the statuses as JSON.")
@click.pass_context
def discussion_status(ctx: click.Context, today, as_json: bool) -> None:
    """Every draft: open (with working days left), closed_report_due or closed_reported."""
    from akn_schema.today import reference_day

    day = reference_day(today.date() if today else None)
    statuses = [discussion.draft_status(d, day) for d in discussion.load_drafts(ctx.obj["corpus"])]
    if as_json:
        emit_json([discussion.status_record(s) for s in statuses])
        return
    for s in statuses:
        left = f", {s.days_left} working day(s) left" if s.status == "open" else ""
        click.echo(f"{s.draft.id}: {s.status}{left}; deadline {s.deadline} 24:00 Astana time")
        if s.linked_work_uri:
            click.echo(f"  amends {s.linked_work_uri}")
        for c in s.late_comments:
            click.echo(f"  comment {c.number} ({c.received.isoformat()}): not subject to consideration")
        for c in s.missing_justifications:
            click.echo(f"  comment {c.number}: {c.decision} without a justification")
        for warning in s.warnings:
            click.echo(f"  warning: {warning}")


@discussion_group.command("ics")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the feed to FILE (default: standard output).")
@click.pass_context
def discussion_ics(ctx: click.Context, output: Path | None) -> None:
    """An iCalendar feed with one event per draft's window; it is validated before it is written."""
    feed = discussion.ics_feed(discussion.load_drafts(ctx.obj["corpus"]))
    discussion.read_feed(feed)
    if output:
        atomic_write(output, feed, make_parents=False)
    else:
        sys.stdout.buffer.write(feed)


@discussion_group.command("add-comment")
@click.argument("draft")
@click.option("--received", required=True, help="When it was received: ISO datetime with offset.")
@click.option("--author-kind", required=True, type=click.Choice(["individual", "legal_entity"]))
@click.option("--text", required=True, help="The comment as received.")
@click.option("--decision", type=click.Choice(["accepted", "rejected"]), default=None)
@click.option("--justification", default=None, help="The reason for the decision.")
@click.pass_context
def discussion_add_comment(ctx: click.Context, draft: str, received: str, author_kind: str, text: str,
                           decision: str | None, justification: str | None) -> None:
    """Record a comment on DRAFT (its id); the file is rewritten atomically."""
    corpus = ctx.obj["corpus"]
    path = discussion.draft_path(corpus, draft)
    updated, comment = discussion.add_comment(
        path, corpus, received=discussion.parse_received(received), author_kind=author_kind, text=text,
        decision=decision, justification=justification)
    click.echo(f"comment {comment.number} added to {path}")
    if not discussion.is_timely(comment.received, updated.window):
        click.echo(f"  received after 24:00 Astana time on {updated.window.deadline}: "
                   f"not subject to consideration")
    if comment.decision and not comment.justification:
        click.echo("  warning: the decision has no justification; the report must give one")


# ── 5. Publish: the static site ──────────────────────────────────────────────────────────
# (publisher) SECTION-PUBLISH
@zanlex.command("build")
@click.option("--out", type=click.Path(path_type=Path), default=Path("public"),
              show_default=True, help="Where the site goes: a new folder, or one zanlex built before "
                                      "(it carries .zanlex-site); replaced atomically when the build succeeds.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The build's reference date (default: SOURCE_DATE_EPOCH, else the clock).")
@click.option("--cache/--no-cache", "use_cache", default=True, show_default=True,
              help="Keep each act's pages under .zanlex-cache/ beside the corpus (or $ZANLEX_CACHE), so that "
                   "a rebuild redoes only the acts that changed.")
@click.option("--print/--no-print", "printing", default=True, show_default=True,
              help="Print each text and version to PDF and DOCX (--no-print: a quicker preview build whose "
                   "download links lead nowhere).")
@jobs_options
@click.pass_context
def build_cmd(ctx: click.Context, out: Path, today, use_cache: bool, printing: bool, jobs, executor_kind,
              scheduler) -> None:
    """Build the static site (mkdocs-material + Pagefind) from the corpus.

    Each act is collected and rendered in its own tasks (--jobs, or --executor dask); the graph,
    the site's own pages, the sitemap and the search index are made after them."""
    import publisher
    from akn_schema.today import reference_epoch
    from publisher.output import check_target

    corpus = ctx.obj["corpus"]
    check_target(out, [corpus])            # refuse a foreign folder before any work
    epoch = reference_epoch(today.date() if today else None)

    corpus = ctx.obj.loaded()        # the command's one Corpus: every stage of the build reads through it
    with make_executor(jobs, executor_kind, scheduler) as ex, progress_bar("build") as bar:
        report = publisher.build(corpus, out, bar.step("build"), epoch=epoch,
                                 wait=lambda message: click.echo(f"zanlex: {message}", err=True),
                                 executor=ex, cache=use_cache, printing=printing)
    for notice in report.notices:
        click.echo(f"zanlex: notice: {notice}", err=True)
    steps = ", ".join(f"{k} {v:.1f}s" for k, v in report.times.items())
    click.echo(f"{report.pages} pages, {report.files} downloads → {out} ({steps})")


@zanlex.command("serve")
@click.option("--out", type=click.Path(path_type=Path), default=Path("public"),
              show_default=True, help="The built site to serve.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve_cmd(out: Path, port: int) -> None:
    """Serve the built site on localhost (a plain file server, as the site needs nothing else).

    If OUT is missing (a build killed at the wrong moment on a system without atomic exchange),
    the last complete build beside it is served instead."""
    import contextlib

    from akn_schema.errors import EnvironmentFailure
    from publisher.output import served_folder
    from publisher.serving import site_server

    folder, notice = served_folder(out)
    if notice:
        click.echo(f"zanlex: notice: {notice}", err=True)
    try:
        httpd = site_server(folder, port)      # a missing URL gets the site's 404 page, with status 404
    except OSError as err:
        why = "is in use; choose another with --port" if err.errno == errno.EADDRINUSE else f"cannot be used: {err.strerror}"
        raise EnvironmentFailure(f"port {port} on 127.0.0.1 {why}") from None
    with httpd:
        click.echo(f"Serving {folder} at http://127.0.0.1:{httpd.server_address[1]}/ (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()


OS_HINTS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a folder",
    errno.EADDRINUSE: "the port is in use",
}


def describe_os_error(err: OSError) -> str:
    """One line for an I/O failure: the file, then what went wrong.

    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device", "public/index.html"))
    'public/index.html: cannot write: the disk is full (No space left on device)'
    """
    what = OS_HINTS.get(err.errno or 0)
    reason = f"{what} ({err.strerror})" if what and err.strerror else (what or err.strerror or str(err))
    verb = "cannot write" if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS) else "failed"
    where = err.filename if err.filename is not None else "zanlex"
    if err.filename2 is not None:
        where = f"{where} → {err.filename2}"
    return f"{where}: {verb}: {reason}"


def main(argv: list[str] | None = None) -> None:
    """Console entry point and the one error boundary: see the module docstring."""
    args = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args or bool(os.environ.get("ZANLEX_DEBUG"))
    # A corpus is millions of long-lived objects: Python's default collector (every 700
    # allocations) spends a fifth of a law's consolidation re-scanning them. Collect less often.
    gc.set_threshold(100_000, 50, 100)

    def fail(message: str, status: int, err: BaseException | None = None) -> None:
        if debug and err is not None:
            import traceback
            traceback.print_exception(err, file=sys.stderr)
        click.echo(f"zanlex: {message}", err=True)
        sys.exit(status)

    try:
        status = zanlex.main(args=args, prog_name="zanlex", standalone_mode=False)
    except ZanlexError as err:
        fail(f"error: {err}", err.exit_code, err)
    except click.exceptions.Abort as err:
        fail("aborted", 1, err)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except KeyboardInterrupt as err:
        fail("interrupted", 130, err)
    except BrokenPipeError:
        # the reader of our output went away (`zanlex outline … | head`): not an error to report
        with __import__("contextlib").suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as err:
        fail(f"error: {describe_os_error(err)}", ENVIRONMENT, err)
    except (OverflowError, RecursionError, MemoryError) as err:
        kind = "a date or number is out of range" if isinstance(err, OverflowError) else type(err).__name__
        fail(f"error: {kind}: {err}", 2 if isinstance(err, OverflowError) else ENVIRONMENT, err)
    except Exception as err:       # a bug: still one line, the traceback on request
        fail(f"internal error: {type(err).__name__}: {err} (run with --debug for the traceback, and "
             f"report it)", INTERNAL_ERROR, err)
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
