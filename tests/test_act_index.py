"""``Act.get``: a provision by its eId in O(1), from an index built once."""

from __future__ import annotations

from pathlib import Path

from akn_schema import Act, Provision, load_works, parse_work

WORKS = load_works(Path(__file__).resolve().parent.parent / "corpus")


def test_every_provision_is_found_by_its_eid_and_the_tree_is_walked_once(monkeypatch):
    act = parse_work(WORKS["law-88-V"], "rus")
    eids = [p.eid for p in act.walk()]
    act.index()
    walks = []
    monkeypatch.setattr(Act, "walk", lambda self: walks.append(1) or iter(()))
    assert [act.get(e).eid for e in eids] == eids
    assert act.get("chp_9__art_99") is None
    assert walks == []


def test_a_large_act_answers_in_constant_time_per_lookup():
    articles = [Provision("article", f"art_{n}", num=str(n),
                          children=[Provision("point", f"art_{n}__point_{k}", num=f"{k})") for k in range(1, 21)])
                for n in range(1, 2001)]
    act = Act(work="big", lang="rus", doctype="law", body=articles)
    assert act.get("art_2000__point_20").num == "20)"         # builds the index: 42,000 provisions
    walks = []
    act.walk = lambda: walks.append(1) or iter(())               # any further walk would be recorded
    assert all(act.get(f"art_{n}__point_7") is not None for n in range(1, 2001))
    assert walks == []


def test_an_edited_tree_is_found_again_after_reindex():
    act = Act(work="x", lang="rus", doctype="law", body=[Provision("article", "art_1", num="1")])
    assert act.get("art_1") is not None and act.get("art_2") is None
    act.body.append(Provision("article", "art_2", num="2"))
    assert act.get("art_2") is None                       # the index is not rebuilt on every miss …
    act.reindex()
    assert act.get("art_2").num == "2"                    # … but on request
    act.body[0].eid = "art_1a"                            # an eId changed in place is noticed
    assert act.get("art_1") is None and act.get("art_1a").num == "1"
