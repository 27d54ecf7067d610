"""Baten/kosten en saldo per actor, en de kans per actor dat zijn baten zijn kosten overtreffen."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from conftest import HENGELO, vervang
from kostenbaten.berekening.actoren import verdeel_over_actoren
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.invoer.casussen import laad_project

D = Decimal


def test_verhouding_rijk_met_de_hand():
    # Het Rijk betaalt alle uren: 12 SJD-uren x € 120 = € 1.440 over de zes casussen.
    # Het Rijk wint: toevoeging 800 (casus 1) + rechtbank 500 (casus 3) + incasso 150 (casus 5 en 6) = 1.600.
    # Baten/kosten = 1.600 / 1.440 = 10/9; geëxtrapoleerd (x 198 / 6 = x 33): 52.800 / 47.520, dezelfde 10/9.
    project = laad_project(HENGELO)
    a = verdeel_over_actoren(bereken_pilot(project.pilot, project.casussen))
    rijk = next(r for r in a.extrapolaties["rapport"].regels if r.actor == "rijk")
    assert (rijk.kosten, rijk.baten, rijk.saldo) == (D(47520), D(52800), D(5280))
    assert abs(Fraction(rijk.verhouding) - Fraction(10, 9)) < Fraction(1, 10**45)  # exact op de rekenprecisie
    client = next(r for r in a.extrapolaties["rapport"].regels if r.actor == "client")
    assert client.verhouding is None  # de cliënt betaalt niets: geen verhouding
    # Totaal: 163.086 / 47.520; 163.086 = 47.520 + 115.566.
    assert abs(Fraction(a.extrapolaties["rapport"].verhouding) - Fraction(163086, 47520)) < Fraction(1, 10**45)


def test_cli_actoren_toont_verhouding(cli):
    code, uit, _ = cli("actoren", HENGELO, "--formaat", "json")
    assert code == 0
    rapport = next(t for t in json.loads(uit)["extrapolatie"] if t["methode"] == "rapport")
    rijk = next(r for r in rapport["actoren"] if r["actor"] == "rijk")
    assert (rijk["saldo"], rijk["baten_kosten"]) == ("5280", "1.1111")
    code, uit, _ = cli("actoren", HENGELO)
    assert "1,11" in uit and "geen kosten" in uit


def test_kans_per_actor(hengelo):
    # Saldo van het Rijk over de casussen = toevoeging + 500 + 300 - 1.440 = toevoeging - 640.
    # Met een symmetrische driehoek rond 640 (440 tot 840) is de kans op baten > kosten precies 1/2.
    # De gemeente betaalt niets: een kans op winst zegt dan niets, ze "ontvangt alleen".
    from kostenbaten.berekening.onzekerheid import simuleer

    vervang(hengelo / "pilot.yaml", "    bedrag: 800\n", "    bedrag: {waarde: 640, min: 440, max: 840}\n")
    project = laad_project(hengelo)
    uit = simuleer(project.pilot, project.casussen, trekkingen=20_000, zaad=7)
    for methode in ("rapport", "gewogen"):
        assert uit.actoren[methode]["gemeente"].ontvangt_alleen
        assert uit.actoren[methode]["gemeente"].kans_baten_groter is None
    # Binnen vijf standaardfouten (sqrt(0,25 / 20.000) = 0,0035) van 1/2.
    assert abs(uit.actoren["rapport"]["rijk"].kans_baten_groter - D("0.5")) < D("0.0175")
    assert uit.actoren["rapport"]["rijk"].saldo.berekend == 0


def test_cli_onzekerheid_kans_per_actor(cli):
    code, uit, _ = cli("onzekerheid", HENGELO, "-n", "200", "--formaat", "json")
    assert code == 0
    rapport = json.loads(uit)["actoren"][0]
    assert rapport["methode"] == "rapport"
    assert {a["actor"]: a["kans_baten_groter"] for a in rapport["actoren"]}["rijk"] == "1.0000"
    code, uit, _ = cli("onzekerheid", HENGELO, "-n", "200")
    assert "Kans op winst" in uit and "ontvangt alleen" in uit
