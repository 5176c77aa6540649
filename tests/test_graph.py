"""The law–bylaw graph and stale delegation, as specifications of legal fact."""

import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import cli
from linker import audits, build_graph, graph_graphml, links_of, stale_delegations, unresolved
from linker.history import Change, exists_on

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LAW = "/akn/kz/act/2013-04-15/88-V"
ORDER_78 = "/akn/kz/act/order/2016-12-08/78"
ORDER_52 = "/akn/kz/act/order/2016-01-22/52"


@pytest.fixture(scope="module")
def graph():
    return build_graph(CORPUS)


@pytest.fixture(scope="module")
def stale():
    return {a.details["bylaw"]: a for a in stale_delegations(CORPUS) if a.code == "stale_delegation"}


def basis_of(g, bylaw):
    return sorted(v for _, v, d in g.out_edges(bylaw, data=True) if d["kind"] == "legal_basis")


def test_order_78_is_issued_under_art_7_subp_3_and_the_statistics_law(graph):
    assert basis_of(graph, ORDER_78) == [f"{LAW}~chp_2__art_7__point_3", "ext:law:о государственной статистике"]
    stats = graph.nodes["ext:law:о государственной статистике"]
    assert (stats["title"], stats["date"], stats["in_corpus"]) == ("О государственной статистике", "2010-03-19", False)


def test_order_52_is_issued_under_art_9_1_subp_1(graph):
    assert basis_of(graph, ORDER_52) == [f"{LAW}~chp_2__art_9-1__point_1"]


def test_order_78_declares_order_35_of_16_02_2016_invalid(graph):
    invalid = [v for _, v, d in graph.out_edges(ORDER_78, data=True) if d["kind"] == "declares_invalid"]
    assert invalid == ["/akn/kz/act/order/2016-02-16/35"]


def test_art_4_statyey_15_nastoyashchego_zakona_resolves_to_art_15_in_every_language(graph):
    edges = graph.get_edge_data(f"{LAW}~chp_1__art_4__para_1__point_5", f"{LAW}~chp_3__art_15")
    assert edges is not None
    (data,) = edges.values()
    assert data["kind"] == "cites" and set(data["langs"].split(",")) == {"rus", "kaz", "eng"}


def test_kazakh_internal_reference_resolves_like_the_russian_one(graph):
    """"осы баптың 3-тармағында" and "пункте 3 настоящей статьи" in Art. 15 are the same edge."""
    (data,) = graph.get_edge_data(f"{LAW}~chp_3__art_15__para_4", f"{LAW}~chp_3__art_15__para_3").values()
    assert {"rus", "kaz"} <= set(data["langs"].split(","))


def test_unresolvable_references_are_listed_not_dropped():
    """Order 78, p. 55 cites "подпунктом 1) пункта 52 настоящих Правил"; p. 52 has no subpoints."""
    found = [(r.source_eid, r.reference.raw) for r in unresolved(CORPUS)]
    assert ("att_1__chp_3__subchp_1__para_55", "подпунктом 1) пункта 52 настоящих Правил") in found
    assert any(a.code == "unresolved_reference" and "пункта 52" in a.message for a in audits(CORPUS, validation=False))


def test_links_of_art_7_lists_order_78_and_of_art_9_1_lists_order_52(graph):
    assert links_of(graph, "law-88-V~art_7").bylaws() == [ORDER_78]
    assert links_of(graph, "law-88-V~art_9-1").bylaws() == [ORDER_52]
    assert links_of(graph, f"{LAW}/~chp_2__art_7__point_3").bylaws() == [ORDER_78]
    assert links_of(graph, "law-88-V~art_8").bylaws() == []


def test_order_78_is_stale_after_160_vi_and_134_vii_not_141_vii_which_changed_only_subp_2(stale):
    """The footnote says "Статья 7 с изменениями … 141-VII"; 141-VII's own item 48 5) restates subp. 2) only."""
    warning = stale[ORDER_78]
    acts = [a["number"] for a in warning.details["amending_acts"]]
    assert sorted(acts) == ["134-VII", "160-VI"]
    assert all(a["effective"] > "2016-12-08" for a in warning.details["amending_acts"])
    assert warning.severity == "warning" and "160-VI" in warning.message


def test_order_52_s_basis_was_not_yet_in_force_when_the_order_was_signed_and_is_unchanged_since(stale):
    """Order 52 was signed on 22.01.2016 under Art. 9-1 subp. 1), which 408-V created with effect from
    01.03.2016; 272-VI and 141-VII changed subpoints 2), 5), 6), 7) of Art. 9-1, not 1)."""
    found = [a for a in stale_delegations(CORPUS) if a.details["bylaw"] == ORDER_52]
    assert [a.code for a in found] == ["basis_not_yet_in_force"]
    assert found[0].details["created_by"]["number"] == "408-V"
    assert "not yet in force when it was signed" in found[0].message
    assert ORDER_52 not in stale


def test_order_78_was_not_stale_the_day_after_its_adoption():
    assert [a for a in stale_delegations(CORPUS, dt.date(2016, 12, 9)) if a.details["bylaw"] == ORDER_78] == []


def test_order_52_has_no_basis_before_art_9_1_entered_into_force():
    """Art. 9-1 was inserted by 408-V with effect from 01.03.2016."""
    errors = [a for a in stale_delegations(CORPUS, dt.date(2016, 2, 29)) if a.severity == "error"]
    assert [(a.code, a.details["bylaw"]) for a in errors] == [("basis_missing", ORDER_52)]


def test_a_repealed_basis_is_an_error():
    repeal = Change("repealed", "chp_2__art_7__point_3", "Law 1-VIII of 2030-01-01", "1-VIII",
                    "/akn/kz/act/2030-01-01/1-VIII", "law", dt.date(2030, 1, 1), dt.date(2030, 1, 12), True)
    history = {"law-88-V": (repeal,), "order-78": (), "order-52": ()}
    assert exists_on((repeal,), "chp_2__art_7__point_3", dt.date(2030, 1, 11))
    assert not exists_on((repeal,), "chp_2__art_7__point_3", dt.date(2030, 1, 12))
    found = stale_delegations(CORPUS, dt.date(2030, 2, 1), history)
    assert [(a.severity, a.code) for a in found if a.details["bylaw"] == ORDER_78] == [
        ("error", "basis_missing"), ("warning", "stale_delegation")]


def test_graph_as_of_keeps_only_edges_that_hold(graph):
    before = build_graph(CORPUS, dt.date(2016, 2, 1))
    assert basis_of(before, ORDER_52) == []          # Art. 9-1 not yet in force
    assert basis_of(before, ORDER_78) == []          # order 78 not yet adopted
    assert all(d["valid_from"] <= "2016-02-01" for _, _, d in before.edges(data=True))


def test_every_edge_has_a_kind_and_a_valid_from(graph):
    kinds = {d["kind"] for _, _, d in graph.edges(data=True)}
    assert kinds == {"legal_basis", "cites", "amends", "inserts", "repeals", "declares_invalid"}
    assert all(d.get("valid_from") for _, _, d in graph.edges(data=True))


def test_graphml_loads_back_in_networkx(graph, tmp_path):
    path = tmp_path / "g.graphml"
    path.write_bytes(graph_graphml(graph))
    again = nx.read_graphml(path)
    assert isinstance(again, nx.MultiDiGraph)
    assert again.number_of_edges() == graph.number_of_edges()


def test_cli_links_and_check():
    runner = CliRunner()
    res = runner.invoke(cli.zanlex, ["links", "law-88-V~art_7", "--json"])
    assert res.exit_code == 0, res.output
    assert [b["name"] for b in json.loads(res.output)["bylaws"]] == ["order-78"]
    res = runner.invoke(cli.zanlex, ["check", "--json"])
    stale = [a["details"]["bylaw"] for a in json.loads(res.output) if a["code"] == "stale_delegation"]
    assert sorted(stale) == [ORDER_78]
    assert res.exit_code == 0     # warnings only: the corpus validates and no basis is missing


def test_cli_check_exits_non_zero_on_errors():
    res = CliRunner().invoke(cli.zanlex, ["check", "--as-of", "2016-02-29", "--json"])
    assert res.exit_code == 1
    assert any(a["code"] == "basis_missing" for a in json.loads(res.output))


def test_cli_links_unknown_ref_is_one_line_error():
    res = CliRunner().invoke(cli.zanlex, ["links", "law-88-V~art_999"])
    assert res.exit_code != 0


def test_an_act_cited_by_title_alone_in_two_languages_of_one_provision_is_one_node():
    import networkx as nx

    from linker.graph import _one_node_per_untitled_act

    g = nx.MultiDiGraph()
    law = "/akn/kz/act/2013-04-15/88-V~chp_4__art_19-1__para_2__point_6"
    g.add_node(law, kind="provision")
    ru, kk = "ext:law:о персональных данных и их защите", "ext:law:дербес деректер және оларды қорғау туралы"
    g.add_node(ru, kind="work", type="law", title_rus="О персональных данных и их защите")
    g.add_node(kk, kind="work", type="law", title_kaz="Дербес деректер және оларды қорғау туралы")
    g.add_node("ext:code:еңбек кодекс", kind="work", type="code", title_kaz="Еңбек кодексі")
    g.add_edge(law, ru, key="cites:", kind="cites", langs="rus")
    g.add_edge(law, kk, key="cites:", kind="cites", langs="kaz")
    g.add_edge(law, "ext:code:еңбек кодекс", key="cites:", kind="cites", langs="kaz")
    _one_node_per_untitled_act(g)
    laws = [n for n, a in g.nodes(data=True) if a.get("type") == "law"]
    assert len(laws) == 1 and laws[0] in (ru, kk)
    assert g.nodes[laws[0]]["title_kaz"] == "Дербес деректер және оларды қорғау туралы"
    assert g.nodes[laws[0]]["title_rus"] == "О персональных данных и их защите"
    assert g.edges[law, laws[0], "cites:"]["langs"] == "kaz,rus"
    assert "ext:code:еңбек кодекс" in g          # a code is not a law: never merged with one
