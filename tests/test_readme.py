"""Elke opdracht die de README toont, werkt: in een kopie van het project, in de volgorde van de README."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from kostenbaten.cli import app

README = ROOT / "README.md"


def _opdrachten() -> list[str]:
    """De regels `kostenbaten ...` uit de ```sh-blokken, zonder commentaar aan het eind."""
    blokken = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    regels = [r.split("  #")[0].strip() for blok in blokken for r in blok.splitlines()]
    return [r for r in regels if r.startswith("kostenbaten ")]


def test_de_readme_toont_de_hoofdopdracht_en_meer():
    opdrachten = _opdrachten()
    assert "kostenbaten bereken casussen/hengelo" in opdrachten
    assert len(opdrachten) >= 8


def test_elke_opdracht_uit_de_readme_werkt(tmp_path, monkeypatch):
    for map_ in ("casussen", "templates"):
        shutil.copytree(ROOT / map_, tmp_path / map_)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"COLUMNS": "100"})
    for opdracht in _opdrachten():
        uitkomst = runner.invoke(app, shlex.split(opdracht)[1:], catch_exceptions=False)
        assert uitkomst.exit_code == 0, f"{opdracht}: afsluitcode {uitkomst.exit_code}\n{uitkomst.stderr}"


@pytest.mark.parametrize("regel", ["python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/kostenbaten bereken casussen/hengelo",
                                   "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest"])
def test_de_readme_begint_met_de_twee_opdrachten_van_ci(regel):
    """De tweede regel is letterlijk wat `.ci/run` draait; de eerste installeert en rekent Hengelo door."""
    begin = README.read_text(encoding="utf-8").split("## ")[0]
    assert regel in begin
    if "pytest" in regel:
        assert regel in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
