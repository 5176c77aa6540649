"""Installs anywhere: the wheel carries everything zanlex needs, and finds its corpus as mkdocs does.

Reproduction of issue 11: ``pip install .`` (not editable) gave a tool whose ``validate`` checked a
non-existent ``site-packages/corpus`` and said nothing with exit 0, and whose ``build`` crashed
with ``TemplateNotFound: 'home.html'``. Here a wheel is built, installed into a fresh virtual
environment outside the repository, and used as a newcomer would: ``init``, ``validate``, ``build``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_repository_is_in_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in ROOT.glob("*/**/__init__.py")
             if not {".venv", "tests", "build", "bench"} & set(p.relative_to(ROOT).parts)}
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory) -> Path:
    """A new virtual environment with only the wheel of zanlex installed; its dependencies are the
    test environment's (a .pth file), so that no download is needed."""
    tmp = tmp_path_factory.mktemp("install")
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(dist), str(ROOT)], check=True, capture_output=True, cwd=tmp)
    wheel, = dist.glob("zanlex-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(venv / "bin" / "zanlex"), *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_installed_wheel_runs_init_validate_build_outside_the_repository(fresh_venv, tmp_path):
    where = subprocess.run([fresh_venv / "bin" / "python", "-c", "import publisher, akn_schema; "
                            "print(publisher.__file__); print(akn_schema.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert str(ROOT) not in where and str(fresh_venv) in where     # the wheel's copy, not the checkout

    lost = _run(fresh_venv, "validate", cwd=tmp_path)
    assert lost.returncode == 2 and "no corpus here" in lost.stderr and "Traceback" not in lost.stderr

    made = _run(fresh_venv, "init", "laws", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "laws"
    valid = _run(fresh_venv, "validate", cwd=project)
    assert valid.returncode == 0 and "ok   example-law:rus" in valid.stdout, valid.stdout + valid.stderr
    built = _run(fresh_venv, "build", "--out", "public", cwd=project)
    assert built.returncode == 0, built.stderr
    site = project / "public"
    assert (site / ".zanlex-site").is_file() and (site / "index.html").is_file()
    assert (site / "assets" / "zanlex.css").is_file() and (site / "pagefind").is_dir()
    downloads = list(site.glob("akn/**/main.xml"))
    assert downloads, "no AKN download in the site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Пример закона для zanlex" in home

    elsewhere = _run(fresh_venv, "--corpus", project / "corpus", "outline", "example-law", cwd=tmp_path)
    assert elsewhere.returncode == 0 and "Основные понятия" in elsewhere.stdout
    with_toml = tmp_path / "other"
    with_toml.mkdir()
    (with_toml / "zanlex.toml").write_text(f'corpus = "{project / "corpus"}"\n')
    assert _run(fresh_venv, "validate", cwd=with_toml).returncode == 0
