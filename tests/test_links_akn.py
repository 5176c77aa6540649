"""References in AKN: wrapped in <ref href>, strictly XSD-valid, every word conserved."""

from pathlib import Path

import pytest

from akn_schema import act_to_xml, load_works, parse_work, validate_xml
from linker import add_refs

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
WORKS = load_works(CORPUS)
TEXTS = [(name, lang) for name, w in WORKS.items() for lang in w.texts]


@pytest.mark.parametrize("name, lang", TEXTS)
def test_refs_keep_the_document_valid_and_the_text_unchanged(name, lang):
    act, work = parse_work(WORKS[name], lang), WORKS[name]
    root = act_to_xml(act, work)
    before = ["".join(p.itertext()) for p in root.iter("{*}p")]
    assert add_refs(root, act, work, WORKS) > 0
    assert ["".join(p.itertext()) for p in root.iter("{*}p")] == before
    assert validate_xml(root) == []


def test_order_78_preamble_links_to_art_7_subp_3():
    act, work = parse_work(WORKS["order-78"], "rus"), WORKS["order-78"]
    root = act_to_xml(act, work)
    add_refs(root, act, work, WORKS)
    ref = root.find(".//{*}preamble//{*}ref")
    assert ref.get("href") == "/akn/kz/act/2013-04-15/88-V/~chp_2__art_7__point_3"
    assert ref.text.startswith("подпунктом 3) статьи 7 Закона Республики Казахстан от 15 апреля 2013 года")


def test_kazakh_law_internal_ref_points_into_the_same_document():
    act, work = parse_work(WORKS["law-88-V"], "kaz"), WORKS["law-88-V"]
    root = act_to_xml(act, work)
    add_refs(root, act, work, WORKS)
    hrefs = {(r.text, r.get("href")) for r in root.iter("{*}ref")}
    assert ("осы Заңның 15-бабында", "#chp_3__art_15") in hrefs
    assert ("осы баптың 3-тармағында", "#chp_3__art_15__para_3") in hrefs
