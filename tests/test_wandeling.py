"""docs/eigen-bibliotheek.md: de opdrachten van de wandeling draaien in volgorde, in een lege map, en slagen allemaal."""

from __future__ import annotations

import re
import shlex
import shutil

from typer.testing import CliRunner

from conftest import ROOT
from kostenbaten.cli import app

WANDELING = ROOT / "docs" / "eigen-bibliotheek.md"

# De installatie zelf draait hier niet (de tests draaien al in een installatie); ze moet wel precies dit blijven.
INSTALLATIE = {
    "python3 -m venv .venv && .venv/bin/pip install .",
    "source .venv/bin/activate",
}


def _blokken(taal: str) -> list[str]:
    return re.findall(rf"^```{taal}\n(.*?)^```$", WANDELING.read_text(encoding="utf-8"), flags=re.S | re.M)


def _opdrachten() -> list[str]:
    return [regel.strip() for blok in _blokken("sh") for regel in blok.splitlines() if regel.strip()]


def test_de_wandeling_installeert_ook_op_windows():
    assert INSTALLATIE <= set(_opdrachten())
    windows = "".join(_blokken("bat"))
    assert "py -m venv .venv" in windows and r".venv\Scripts\pip install ." in windows


def test_de_opdrachten_van_de_wandeling_slagen_in_volgorde(tmp_path, monkeypatch):
    # Zoals in de map van het project: de voorbeeldregistratie staat in templates/.
    (tmp_path / "templates").mkdir()
    shutil.copy(ROOT / "templates" / "voorbeeldregistratie.csv", tmp_path / "templates")
    for naam in ("voorbeelduitkomsten.csv", "voorbeelduitkomsten.koppeling.yaml", "voorbeelduitkomsten.waardekaart.yaml"):
        shutil.copy(ROOT / "templates" / naam, tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"COLUMNS": "100"})
    opdrachten = [o for o in _opdrachten() if o not in INSTALLATIE]
    assert len(opdrachten) >= 8
    for opdracht in opdrachten:
        delen = shlex.split(opdracht, comments=True)
        assert delen[0] == "kostenbaten", f"alleen kostenbaten-opdrachten in de wandeling: {opdracht}"
        resultaat = runner.invoke(app, delen[1:], catch_exceptions=False)
        assert resultaat.exit_code == 0, f"{opdracht}\n{resultaat.output}"
    assert (tmp_path / "casussen" / "mijnstad-eigen.yaml").is_file()
    assert (tmp_path / "mijnstad.xlsx").is_file() and (tmp_path / "mijn-begroting.xlsx").is_file()
    assert (tmp_path / "mijnstad-rapport.html").is_file()
