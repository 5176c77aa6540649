"""Importing an official edition from the public mirror of the national database (DESIGN §4).

The mirror keeps one folder per edition: ``rus.md``, ``kaz.md`` and ``meta.yaml`` (``requisite``,
``version_date``, ``source``, ``caused_by``). An import copies the markdown (and the metadata file)
into ``corpus/works/<work>/editions/<version_date>/`` with their bytes unchanged, and records the
edition in the work's ``work.toml`` as one ``[[editions]]`` table::

    [[editions]]
    label = 2018-06-13
    caused_by = "Закон Республики Казахстан от 13 июня 2018 года № 160-VІ ЗРК"
    imported_from = "…/law-88-V/2018-06-13"
    [editions.texts.rus]
    file = "editions/2018-06-13/rus.md"
    url = "https://zan.gov.kz/client/#!/doc/72060/rus/13.06.2018"

``version_date`` is the database's label of the edition, not an effective date; ``title`` in
``meta.yaml`` is today's title and is not used. The work is found by the number and date that
``requisite`` names ("… от 15 апреля 2013 года № 88-V"), unless ``--work`` names it.

    >>> requisite_key("Закон Республики Казахстан от 15 апреля 2013 года № 88-V")
    ('88-V', datetime.date(2013, 4, 15))
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError, UnknownWork, ZanlexError
from .files import atomic_write
from .languages import GRAMMARS
from .works import Work, load_works

MONTHS_RU = {"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
             "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
_REQUISITE = re.compile(r"от\s+(?P<day>\d{1,2})\s+(?P<month>[а-я]+)\s+(?P<year>\d{4})\s+года\s+№\s*(?P<num>\S+)")


@dataclass(frozen=True)
class MirrorEdition:
    """One edition folder of the mirror, read but not yet imported."""

    folder: Path
    label: dt.date
    requisite: str
    caused_by: str | None
    texts: dict[str, Path]          # lang → markdown file
    urls: dict[str, str]


def latin_number(number: str) -> str:
    """Act numbers as the registry writes them: Cyrillic "І" in a Roman numeral is Latin "I".

    >>> latin_number("241-VІ")
    '241-VI'
    """
    head, _, roman = number.partition("-")
    return f"{head}-{roman.replace('І', 'I')}" if roman else number


def requisite_key(requisite: str) -> tuple[str, dt.date] | None:
    """(number, date) of the act a requisite line names, or None."""
    m = _REQUISITE.search(requisite or "")
    if not m or m["month"] not in MONTHS_RU:
        return None
    return latin_number(m["num"]), dt.date(int(m["year"]), MONTHS_RU[m["month"]], int(m["day"]))


def read_mirror(folder: Path) -> MirrorEdition:
    """The edition in ``folder`` (``meta.yaml`` + one markdown file per language)."""
    import yaml

    folder = Path(folder)
    meta_path = folder / "meta.yaml"
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(meta_path, None, "no meta.yaml: not an edition folder of the mirror") from None
    except (UnicodeDecodeError, yaml.YAMLError) as err:
        raise SourceError(meta_path, None, f"unreadable metadata: {err}") from None
    if not isinstance(meta, dict):
        raise SourceError(meta_path, None, "meta.yaml is not a mapping")
    labels = meta.get("version_date") or {}
    texts = {lang: folder / f"{lang}.md" for lang in GRAMMARS if (folder / f"{lang}.md").is_file()}
    if not texts:
        raise SourceError(folder, None, "no rus.md, kaz.md or eng.md in the edition folder")
    dates = {labels.get(lang) for lang in texts} if isinstance(labels, dict) else {labels}
    dates = {d if isinstance(d, dt.date) else _date(d, meta_path) for d in dates}
    if len(dates) != 1 or None in dates:
        raise SourceError(meta_path, None, f"version_date must give one date for {', '.join(texts)}: {labels!r}")
    caused = meta.get("caused_by") or {}
    urls = meta.get("source") or {}
    return MirrorEdition(folder, dates.pop(), str(meta.get("requisite") or ""),
                         caused.get("requisite") if isinstance(caused, dict) else None, texts,
                         {k: str(v) for k, v in urls.items() if k in texts} if isinstance(urls, dict) else {})


def _date(value, where: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SourceError(where, None, f"version_date {value!r} is not a date") from None


def find_work(edition: MirrorEdition, works: dict[str, Work], name: str | None) -> Work:
    """The corpus work the edition belongs to: ``name`` if given, else by the requisite's number and date."""
    if name:
        if name not in works:
            raise UnknownWork(f"unknown work {name!r}: the corpus holds {', '.join(sorted(works))}")
        return works[name]
    key = requisite_key(edition.requisite)
    hits = [w for w in works.values() if key and (latin_number(w.number), w.date) == key]
    if len(hits) != 1:
        raise UnknownWork(f"{edition.folder}/meta.yaml: no single corpus work is {edition.requisite!r}; "
                          f"name it with --work")
    return hits[0]


def import_edition(folder: Path, corpus: Path, work_name: str | None = None) -> tuple[Work, dt.date, list[Path]]:
    """Copy an edition into the corpus and record it in the work's ``work.toml`` (module docstring).

    Importing the same edition again is refused: an edition, once imported, is a source and is never
    rewritten.
    """
    import tomlkit

    edition = read_mirror(folder)
    work = find_work(edition, load_works(corpus), work_name)
    toml_path = work.folder / "work.toml"
    if any(e.label == edition.label for e in work.editions):
        raise ZanlexError(f"{toml_path}: edition {edition.label} is already imported")
    target = work.folder / "editions" / edition.label.isoformat()
    if target.exists():
        raise ZanlexError(f"{target} exists but {toml_path} does not list it; remove it or add the edition by hand")
    doc = tomlkit.parse(toml_path.read_text(encoding="utf-8"))
    entry = tomlkit.table()
    entry["label"] = edition.label
    if edition.caused_by:
        entry["caused_by"] = edition.caused_by
    entry["imported_from"] = f"{edition.folder.name} of the public mirror of zan.gov.kz (meta.yaml kept beside)"
    texts = tomlkit.table(is_super_table=True)
    for lang, path in edition.texts.items():
        t = tomlkit.table()
        t["file"] = f"editions/{edition.label.isoformat()}/{path.name}"
        if lang in edition.urls:
            t["url"] = edition.urls[lang]
        texts[lang] = t
    entry["texts"] = texts
    editions = doc.get("editions")
    if editions is None:
        editions = tomlkit.aot()
        doc["editions"] = editions
    editions.append(entry)
    staging = target.with_name(f".{target.name}.importing")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    written = []
    for path in [*edition.texts.values(), edition.folder / "meta.yaml"]:
        shutil.copyfile(path, staging / path.name)
        written.append(target / path.name)
    staging.rename(target)
    atomic_write(toml_path, tomlkit.dumps(doc))
    return work, edition.label, written
