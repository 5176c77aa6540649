"""Amendment events, the registry of amending acts, effective dates, AKN enrichment."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from akn_schema import parse_work
from akn_schema.akn import act_to_xml
from akn_schema.corpus import Corpus
from akn_schema.validate import validate_xml
from consolidator import enrich_xml, events_for_work, snapshots
from consolidator.errors import MissingAct

LAW_ACTS = {"239-V", "384-V", "408-V", "417-V", "419-V", "433-V", "484-V", "156-VI", "160-VI", "241-VI",
            "272-VI", "347-VI", "399-VI", "96-VII", "129-VII", "134-VII", "141-VII"}
# cited only by the official edition of 2024-07-22: the law's amendments after the seeds' Russian text
LATER_ACTS = {"194-VII", "223-VII", "226-VII", "50-VIII", "71-VIII", "86-VIII"}


def _run(*args):
    from cli import zanlex
    return CliRunner().invoke(zanlex, list(args), catch_exceptions=False)


def test_events_law_88_v_cover_all_23_amending_acts_the_later_six_from_the_2024_edition(corpus_dir):
    result = _run("events", "law-88-V", "--json")
    assert result.exit_code == 0
    records = json.loads(result.output)
    assert {r["act"]["number"] for r in records} == LAW_ACTS | LATER_ACTS
    for r in records:
        if r["act"]["number"] in LATER_ACTS:
            assert all("editions/2024-07-22/" in s for s in r["sources"])
    first = records[0]
    assert set(first) >= {"act", "kind", "target", "effective", "source"}
    assert set(first["effective"]) == {"from", "to", "exact"}


def test_events_order_78_cover_orders_213_and_264(corpus_dir):
    records = json.loads(_run("events", "order-78", "--json").output)
    assert {r["act"]["number"] for r in records} == {"213", "264"}
    assert all(r["act"]["type"] == "order" for r in records)
    # "Пункт 6" is point 6 of the Rules, not of the order itself
    six = [r for r in records if r["source"].endswith("rus.txt:105")]
    assert six and six[0]["target"].startswith("att_1__") and six[0]["target"].endswith("para_6")


def test_events_are_ordered_by_effective_date_134_vii_after_141_vii(corpus_dir):
    events = events_for_work(corpus_dir, "law-88-V")
    e141 = next(e for e in events if e.act.number == "141-VII")
    e134 = next(e for e in events if e.act.number == "134-VII")
    assert e134.act.date < e141.act.date                      # adopted earlier …
    assert e134.effective.earliest > e141.effective.latest    # … but in effect later (+60 vs +10 days)
    assert events.index(e141) < events.index(e134)


def test_unknown_publication_gives_a_lower_bound_never_an_exact_date(corpus_dir):
    e = next(e for e in events_for_work(corpus_dir, "law-88-V") if e.act.number == "141-VII")
    assert not e.effective.exact
    assert e.effective.earliest == date(2022, 7, 25)          # 14.07.2022 + 10 + 1
    assert "not before 2022-07-25" in str(e.effective)
    exact = next(e for e in events_for_work(corpus_dir, "law-88-V") if e.act.number == "408-V")
    assert exact.effective.exact and exact.effective.earliest == date(2016, 3, 1)


def test_range_repeal_note_repeals_each_point_3_to_9_of_art_6(corpus_dir):
    repealed = {e.target for e in events_for_work(corpus_dir, "law-88-V")
                if e.kind == "repealed" and e.act.number == "239-V"}
    assert repealed == {f"chp_2__art_6__point_{n}" for n in range(3, 10)}


def test_each_event_comes_from_a_footnote_line(corpus_dir):
    for work in ("law-88-V", "order-78", "order-52"):
        for e in events_for_work(corpus_dir, work):
            assert e.sources and all(s.startswith(f"corpus/works/{work}/") for s in e.sources)


def test_a_footnote_citing_an_unregistered_act_says_which_act_to_add(tmp_path, corpus_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    registry = corpus / "amending-acts.toml"
    text = registry.read_text(encoding="utf-8")
    start = text.index('number = "96-VII"')
    block_start = text.rindex("[[act]]", 0, start)
    block_end = text.index("[[act]]", start)
    registry.write_text(text[:block_start] + text[block_end:], encoding="utf-8")
    with pytest.raises(MissingAct, match=r'add \[\[act\]\] type = "law", number = "96-VII", date = 2021-12-30'):
        events_for_work(corpus, "law-88-V")


def test_english_text_is_recognised_as_including_exactly_239_v(corpus_dir):
    snaps = {s.name: s for s in snapshots(corpus_dir.resolve(), "law-88-V")}
    assert snaps["eng"].acts == {"/akn/kz/act/2014-09-29/239-V"}
    assert snaps["kaz"].acts == frozenset()
    assert len(snaps["rus"].acts) == 17
    assert len(snapshots(corpus_dir.resolve(), "order-78")[0].acts) == 2


def test_each_official_edition_includes_what_it_cites_and_takes_effect_with_its_cause(corpus_dir):
    """The 2018 edition (caused by 160-VI) holds 239-V … 160-VI, not 241-VI; it is the law from 160-VI on."""
    snaps = {s.name: s for s in snapshots(corpus_dir.resolve(), "law-88-V")}
    e2018 = snaps["rus@2018-06-13"]
    numbers = {uri.rsplit("/", 1)[1] for uri in e2018.acts}
    assert {"239-V", "408-V", "484-V", "156-VI", "160-VI"} <= numbers and "241-VI" not in numbers
    assert str(e2018.caused_by) == "Law 160-VI of 2018-06-13"
    assert e2018.as_of.earliest == date(2018, 6, 24)            # 13.06.2018 + 10 + 1, publication unknown
    # the edition label is its identity, not an effective date: 141-VII takes effect after 14.07.2022
    assert snaps["kaz@2022-07-14"].as_of.earliest == date(2022, 7, 25)
    assert "/akn/kz/act/2022-07-04/134-VII" not in snaps["kaz@2022-07-14"].acts    # +60 days: not yet


@pytest.mark.parametrize("work", ["law-88-V", "order-78", "order-52"])
def test_enriched_documents_stay_strictly_valid(corpus_dir, work):
    w = Corpus.open(corpus_dir).work(work)
    events = events_for_work(corpus_dir, work)
    for lang in w.texts:
        root = enrich_xml(act_to_xml(parse_work(w, lang), w), events, w.uri)
        assert validate_xml(root) == []
        meta = root[0].find("{*}meta")
        names = [c.tag.split("}")[1] for c in meta]
        assert names.index("lifecycle") < names.index("analysis") < names.index("references")
        assert len(meta.findall("{*}analysis/{*}passiveModifications/{*}textualMod")) == len(events)
        assert {r.get("href") for r in meta.findall("{*}references/{*}passiveRef")} == {e.act.uri for e in events}
