"""Correctie voor optimisme: opslag op de kosten, korting op de baten; met de hand uitgerekend."""

from __future__ import annotations

import json
from decimal import Decimal

from conftest import vervang
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.berekening.uitleg import leg_uit
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.uitvoer.namen import rekensom_tekst

D = Decimal
OPTIMISME = (
    "optimisme:\n  opslag_kosten: 20\n  korting_baten: 10\n"
    "  reden: kosten vallen hoger en baten lager uit dan geraamd\n  bron: aanname\n"
)


def _met_optimisme(hengelo):
    vervang(hengelo / "pilot.yaml", "maanden_in_beeld: 12 ", OPTIMISME + "maanden_in_beeld: 12 ")
    return laad_project(hengelo)


def test_optimisme_berekend(hengelo):
    # Kosten: 12 SJD-uren x € 120 = 1440, plus 20% = 1728. Baten: 1614 + 1280 + 830 + 1218 = 4942, min 10% = 4447,8.
    # Som netto 4447,8 - 1728 = 2719,8; rapport: x 198 / 6 = x 33 = 89.753,4.
    # Casus 1: kosten 240 x 1,2 = 288; baten 1614 x 0,9 = 1452,6; netto 1164,6.
    project = _met_optimisme(hengelo)
    u = bereken_pilot(project.pilot, project.casussen)
    c1 = u.casussen[0]
    assert (c1.totaal_kosten, c1.totaal_baten, c1.netto) == (D(288), D("1452.6"), D("1164.6"))
    sjd = c1.kosten[0]
    assert (sjd.bruto, sjd.bedrag, sjd.stappen[0].af) == (D(160), D(192), D(-32))
    assert u.som_netto == D("2719.8")
    assert u.extrapolaties["rapport"].totaal == D("89753.4")


def test_optimisme_in_uitleg_en_terminal(hengelo, cli):
    project = _met_optimisme(hengelo)
    u = bereken_pilot(project.pilot, project.casussen)
    sjd = leg_uit(u, "casus-1.kosten", lambda wie, pad: f"{wie}:{'.'.join(map(str, pad))}").kinderen[0]
    assert rekensom_tekst(sjd.rekensom) == "160 + 32 = 192"
    assert sjd.kinderen[1].waar == ("pilot:optimisme.opslag_kosten",)
    assert rekensom_tekst(sjd.kinderen[1].rekensom) == "160 x 20% = 32"
    code, uit, _ = cli("bereken", hengelo, "--per-casus")
    assert code == 0
    assert "bruto € 160,00; plus optimisme 20% € 32,00" in uit
    assert "bruto € 800,00; min optimisme 10% € 80,00" in uit


def test_optimisme_monte_carlo(hengelo, cli):
    # Zonder bereiken is elke trekking de berekende 89.753,4.
    _met_optimisme(hengelo)
    code, uit, _ = cli("onzekerheid", hengelo, "-n", "100", "--formaat", "json")
    assert code == 0
    rapport = json.loads(uit)["extrapolatie"][0]
    assert (rapport["methode"], rapport["totaal"]["berekend"], rapport["totaal"]["p5"], rapport["totaal"]["p95"]) == (
        "rapport", "89753.40", "89753.40", "89753.40"
    )
