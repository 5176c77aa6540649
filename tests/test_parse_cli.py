"""The parse / validate / outline commands, as a developer uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from cli import zanlex

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the real console entry point, as a user would (errors included)."""
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_validate_json_shows_all_five_texts_and_eight_editions_valid_with_nothing_lost():
    result = CliRunner().invoke(zanlex, ["validate", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["valid"] is True
    got = {(s["work"], s["lang"]): s for s in report["sources"]}
    editions = {("law-88-V", f"{lang}@{label}") for lang in ("rus", "kaz")
                for label in ("2018-06-13", "2021-01-02", "2022-07-14", "2024-07-22")}
    assert set(got) == {("law-88-V", "rus"), ("law-88-V", "kaz"), ("law-88-V", "eng"),
                        ("order-78", "rus"), ("order-52", "kaz")} | editions
    assert all(s["words_lost"] == 0 and s["warnings"] == [] and s["xsd_errors"] == [] for s in got.values())
    assert {n["rule"] for n in got[("order-78", "rus")]["non_text_lines"]} == {"site-menu"}


def test_outline_json_lists_provisions_with_num_as_printed():
    result = CliRunner().invoke(zanlex, ["outline", "law-88-V:rus", "--json"])
    rows = json.loads(result.output)
    art = next(r for r in rows if r["eId"] == "chp_2__art_9-1")
    assert art == {"eId": "chp_2__art_9-1", "type": "article", "num": "9-1", "heading": art["heading"],
                   "status": "in_force"}
    assert next(r for r in rows if r["eId"] == "chp_1__art_1__point_16")["status"] == "removed"
    assert sum(r["type"] == "article" for r in rows) == 35
    assert sum(r["type"] == "chapter" for r in rows) == 6


def test_parse_writes_akn_to_a_file(tmp_path):
    out = tmp_path / "law.xml"
    result = CliRunner().invoke(zanlex, ["parse", "law-88-V:kaz", "-o", str(out)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert etree.QName(root).localname == "akomaNtoso"


def test_parse_a_file_path_with_lang_and_type(tmp_path):
    src = tmp_path / "order.txt"
    src.write_text("Приказ\n\nВ соответствии с Законом ПРИКАЗЫВАЮ:\n\n1. Утвердить.\n", encoding="utf-8")
    result = CliRunner().invoke(zanlex, ["parse", str(src), "--lang", "rus", "--type", "order"])
    assert result.exit_code == 0, result.output
    assert 'name="order"' in result.output and "Утвердить." in result.output


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary bytes"),
    ("Закон\nСтатья 1. Текст".encode("cp1251"), "not UTF-8"),
])
def test_bad_input_gets_one_line_naming_the_file(tmp_path, content, message):
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    proc = run("parse", str(src), "--lang", "rus")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert str(src) in line and message in line


def test_unknown_language_and_unknown_work_are_one_line_errors(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("Закон\n", encoding="utf-8")
    for args, message in ((["parse", str(src), "--lang", "deu"], "unknown language 'deu'"),
                          (["outline", "law-99-X"], "neither a corpus work"),
                          (["parse", "law-88-V:deu"], "unknown language 'deu'")):
        proc = run(*args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_strict_turns_an_unplaced_line_into_an_error(tmp_path):
    src = tmp_path / "o.txt"
    src.write_text("Приказ\n\nВ соответствии ПРИКАЗЫВАЮ:\n\nПросто текст.\n", encoding="utf-8")
    lax = run("parse", str(src), "--lang", "rus", "--type", "order")
    assert lax.returncode == 0 and f"{src}:5: text outside any provision" in lax.stderr
    strict = run("parse", str(src), "--lang", "rus", "--type", "order", "--strict")
    assert strict.returncode == 2 and f"{src}:5: text outside any provision" in strict.stderr
