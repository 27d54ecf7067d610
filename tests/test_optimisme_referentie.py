"""De opslag voor optimisme op de kosten vraagt een referentieklasse en is bedoeld voor geraamde kosten vooraf."""

from __future__ import annotations

import json
from datetime import date

from conftest import vervang
from kostenbaten.berekening.aanpassingen import OptimismeOpGerealiseerdeKosten, OptimismeZonderReferentieklasse, over_optimisme
from kostenbaten.invoer.casussen import laad_project


def _met(hengelo, extra: str = "", opslag: str = "20"):
    blok = (
        f"optimisme:\n  opslag_kosten: {opslag}\n  korting_baten: 10\n"
        "  reden: kosten vallen hoger en baten lager uit dan geraamd\n  bron: aanname\n" + extra
    )
    vervang(hengelo / "pilot.yaml", "maanden_in_beeld: 12 ", blok + "maanden_in_beeld: 12 ")
    return laad_project(hengelo)


def test_zonder_referentieklasse_en_afgelopen_pilot(hengelo):
    project = _met(hengelo)
    # De pilot van Hengelo liep tot 30 juni 2022: op 1 juli 2022 zijn de kosten gerealiseerd, op 30 juni nog niet.
    na = over_optimisme(project.pilot, date(2022, 7, 1))
    assert na == (OptimismeZonderReferentieklasse(20), OptimismeOpGerealiseerdeKosten(20, "afgelopen", "2022-06-30"))
    assert over_optimisme(project.pilot, date(2022, 6, 30)) == (OptimismeZonderReferentieklasse(20),)


def test_geraamd_met_referentieklasse_geeft_niets(hengelo):
    project = _met(hengelo, "  referentieklasse: vergelijkbare spreekuren in bibliotheken (aanname)\n  kosten: geraamd\n")
    assert over_optimisme(project.pilot, date(2030, 1, 1)) == ()


def test_opgegeven_als_gerealiseerd(hengelo):
    project = _met(hengelo, "  referentieklasse: x\n  kosten: gerealiseerd\n")
    assert over_optimisme(project.pilot, None) == (OptimismeOpGerealiseerdeKosten(20, "opgegeven", "2022-06-30"),)


def test_zonder_opslag_geen_waarschuwing(hengelo):
    project = _met(hengelo, opslag="0")
    assert over_optimisme(project.pilot, date(2030, 1, 1)) == ()


def test_cli_waarschuwt(hengelo, cli):
    _met(hengelo)
    code, uit, fout = cli("bereken", hengelo, "--formaat", "json")
    assert code == 0, fout
    soorten = [w["soort"] for w in json.loads(uit)["waarschuwingen"]]
    assert "optimisme_zonder_referentieklasse" in soorten and "optimisme_gerealiseerde_kosten" in soorten
    code, uit, fout = cli("bereken", hengelo)
    tekst = " ".join((uit + fout).split())
    assert "bedoeld voor ramingen vooraf (ex ante)" in tekst
    assert "noemt geen referentieklasse" in tekst
