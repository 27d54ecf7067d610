"""De derde groep: partijen die geen cliënt en geen overheid zijn (woningcorporatie, schuldeiser, ...)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

from conftest import HENGELO, vervang
from kostenbaten.berekening.actoren import verdeel_over_actoren
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.model.casus import GROEPEN, STANDAARD_ACTOREN

D = Decimal


def _hengelo_zonder_tweedeling(tmp_path):
    """Hengelo, maar met de schuldeiser in de groep overig in plaats van (zoals het rapport) overheid."""
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    vervang(map_ / "pilot.yaml", "    naam: Schuldeiser en deurwaarder\n    groep: overheid", "    naam: Schuldeiser en deurwaarder\n    groep: overig")
    return map_


def test_ingebouwde_actoren_per_groep():
    assert GROEPEN == ("client", "overheid", "overig")
    groep = {sleutel: a.groep for sleutel, a in STANDAARD_ACTOREN.items()}
    assert [a for a, g in groep.items() if g == "overig"] == ["schuldeiser", "zorgverzekeraar", "woningcorporatie", "werkgever"]
    # De bibliotheek en de SJD-organisatie zijn publiek gefinancierd: overheid.
    assert groep["bibliotheek"] == groep["sjd_organisatie"] == groep["gemeente"] == groep["rijk"] == "overheid"


def test_hengelo_houdt_zijn_tweedeling_door_zijn_pilot_yaml():
    project = laad_project(HENGELO)
    assert project.pilot.alle_actoren["schuldeiser"].groep == "overheid"
    u = bereken_pilot(project.pilot, project.casussen)
    r = u.extrapolaties["rapport"]
    # Zoals gepubliceerd: cliënt 2.388 x 198 / 6 = 78.804, overheid (3.502 - 2.388) x 33 = 36.762, niets voor overig.
    assert (r.client, r.overheid, r.overig) == (D(78804), D(36762), D(0))
    assert not u.heeft_overig


def test_schuldeiser_in_de_groep_overig_met_de_hand(tmp_path, cli):
    project = laad_project(_hengelo_zonder_tweedeling(tmp_path))
    u = bereken_pilot(project.pilot, project.casussen)
    casus3 = u.casussen[2]
    # Casus 3: 2 uur x € 120 = € 240 kosten voor het Rijk; baten: cliënt 400 (overdracht van de schuldeiser),
    # gemeente 180 (schuldhulpverlening), schuldeiser 200 (deurwaarderskosten), Rijk 500 (rechtbank).
    assert casus3.client == D(400)
    assert casus3.overheid == D(180 + 500 - 240) == D(440)
    assert casus3.overig == D(200)
    assert u.heeft_overig
    r, g = u.extrapolaties["rapport"], u.extrapolaties["gewogen"]
    # Vlak: som per groep x 198 / 6 = x 33. Som cliënt 600 + 400 + 500 + 888 = 2.388; som netto 3.502;
    # overig 200 (alleen casus 3); overheid 3.502 - 2.388 - 200 = 914.
    assert r.client == D(2388 * 33) == D(78804)
    assert r.overig == D(200 * 33) == D(6600)
    assert r.overheid == D(914 * 33) == D(30162)
    assert r.client + r.overheid + r.overig == r.totaal == D(115566)
    # Gewogen: consumentenzaken 20% van 300 = 60 hulpvragen over casus 3 en 4: 200 x 60 / 2 = 6.000.
    assert g.overig == D(200 * 60 / 2) == D(6000)
    # De actoren: de groep overig is de schuldeiser alleen.
    a = verdeel_over_actoren(u)
    assert a.koppeling["overig"] == ("schuldeiser",)
    assert a.extrapolaties["rapport"].per_groep() == {"client": D(78804), "overheid": D(30162), "overig": D(6600)}

    code, uit, _ = cli("bereken", tmp_path / "hengelo", "--formaat", "json")
    doc = json.loads(uit)
    rapport = next(e for e in doc["extrapolatie"] if e["methode"] == "rapport")
    assert code == 0 and (rapport["client"], rapport["overheid"], rapport["overig"]) == ("78804", "30162", "6600")
    # In woorden: 78.804 / 115.566 = 68,2% cliënt, 30.162 / 115.566 = 26,1% overheid, de rest 5,7% overig.
    code, uit, _ = cli("bereken", tmp_path / "hengelo")
    assert code == 0 and "68% voor de cliënt, 26% voor de overheid en 6% voor de overige partijen" in " ".join(uit.split())
    assert "Overig" in uit


def test_onzekerheid_splitst_ook_naar_de_derde_groep(tmp_path, cli):
    # Hengelo heeft geen bereiken: elke trekking geeft precies de exacte cijfers (overig 6.600 en 6.000, zie hierboven).
    code, uit, _ = cli("onzekerheid", _hengelo_zonder_tweedeling(tmp_path), "--trekkingen", "1000", "--formaat", "json")
    assert code == 0
    per_methode = {e["methode"]: e for e in json.loads(uit)["extrapolatie"]}
    assert {k: per_methode["rapport"]["overig"][k] for k in ("berekend", "p5", "p95")} == {"berekend": "6600", "p5": "6600", "p95": "6600"}
    assert per_methode["gewogen"]["overig"]["berekend"] == "6000"
    assert per_methode["rapport"]["overheid"]["berekend"] == "30162"
    code, uit, _ = cli("onzekerheid", tmp_path / "hengelo", "--trekkingen", "1000")
    assert code == 0 and "rapport: overig" in uit


def test_zonder_derde_groep_toont_de_terminal_haar_niet(cli):
    code, uit, _ = cli("onzekerheid", HENGELO, "--trekkingen", "1000")
    assert code == 0 and "overig" not in uit
    code, uit, _ = cli("bereken", HENGELO, "--formaat", "json")
    assert json.loads(uit)["extrapolatie"][0]["overig"] == "0"


def test_onzekerheid_geeft_het_interval_van_het_maatschappelijk_saldo(tmp_path, cli):
    # Hengelo met een bereik op het SJD-tarief t (60 tot 100, meest waarschijnlijk 80). Dan, met de hand:
    # kosten van het hele programma = gemiddeld 2 uur x (t + 30 + 10) x 300 hulpvragen = 600t + 24.000;
    # middelen 2.554 x 33 = 84.282 hangen niet van t af; saldo = 84.282 - 600t - 24.000 = 60.282 - 600t.
    # Het totaal van de methode rapport = (4.942 - 12 uur x (t + 40)) x 33 = 147.246 - 396t.
    # Beide dalen lineair in t, dus elk percentiel van het saldo volgt uit hetzelfde percentiel van het totaal.
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    vervang(map_ / "pilot.yaml", "    per_uur: 80\n", "    per_uur: {waarde: 80, min: 60, max: 100}\n")
    code, uit, _ = cli("onzekerheid", map_, "--trekkingen", "4000", "--formaat", "json")
    assert code == 0
    doc = json.loads(uit)
    saldo = doc["maatschappelijk_saldo"]
    assert saldo["kosten_route"] == "casussen"
    assert D(saldo["rapport"]["berekend"]) == D(60282 - 600 * 80) == D(12282)
    assert D(saldo["rapport"]["verwacht"]) == D(12282)  # verwacht t = (60 + 80 + 100) / 3 = 80
    totaal = next(e for e in doc["extrapolatie"] if e["methode"] == "rapport")["totaal"]
    for p in ("p5", "p95"):
        t = (D(147246) - D(totaal[p])) / 396
        assert abs(D(saldo["rapport"][p]) - (D(60282) - 600 * t)) <= D(1)
    assert D(saldo["rapport"]["p5"]) < D(12282) < D(saldo["rapport"]["p95"])
    code, uit, _ = cli("onzekerheid", map_, "--trekkingen", "1000")
    assert code == 0 and "maatschappelijk saldo" in uit and "gemiddelde kosten van een casus x alle hulpvragen" in " ".join(uit.split())


def test_kba_werkmap_heeft_een_kolom_overig(tmp_path, cli):
    # bereken --xlsx toont de derde groep zoals de terminal en JSON: per casus, in de samenvatting en in beide extrapolaties.
    openpyxl = __import__("pytest").importorskip("openpyxl")
    pad = tmp_path / "kba.xlsx"
    code, _, fout = cli("bereken", _hengelo_zonder_tweedeling(tmp_path), "--xlsx", pad)
    assert code == 0, fout
    ws = openpyxl.load_workbook(pad)["Samenvatting"]
    assert [ws.cell(3, k).value for k in range(4, 10)] == ["Kosten", "Baten", "Netto", "Cliënt", "Overheid", "Overig"]
    assert "$A$1:$I$" in ws.print_area  # de kolom Overig drukt mee af
    # Alleen casus 3 heeft een post voor de schuldeiser: 200 aan vermeden deurwaarderskosten.
    assert ws["I6"].value.startswith("='Casussen'!")
    labels = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    assert "Overig, exact" in labels
    assert ws[f"F{labels['Overig, exact']}"].value.startswith("=$I$")  # de som van de kolom Overig x gedekt / n


def test_kba_werkmap_overig_rekent_in_libreoffice(tmp_path, cli):
    # Narekenen als een lezer die de werkmap opent: LibreOffice berekent de formules opnieuw.
    from libreoffice import uitkomsten
    from systeem import vereis

    from libreoffice import vergelijk_met_rekenkern
    from kostenbaten.uitvoer.excel.kba import bouw

    vereis("soffice")
    pad, map_ = tmp_path / "kba.xlsx", _hengelo_zonder_tweedeling(tmp_path)
    assert cli("bereken", map_, "--xlsx", pad)[0] == 0
    project = laad_project(map_)
    # Elke formulecel, ook die van de kolom Overig, op de cent gelijk aan de rekenkern.
    assert vergelijk_met_rekenkern(pad, bouw(bereken_pilot(project.pilot, project.casussen))[1], tmp_path / "lo") > 100
    waarden = uitkomsten(tmp_path / "lo" / "kba.xlsx")
    labels = {v: k.split("!A")[1] for k, v in waarden.items() if k.startswith("Samenvatting!A")}
    assert waarden["Samenvatting!I6"] == 200  # casus 3
    assert waarden[f"Samenvatting!I{labels['Som']}"] == 200
    # Vlak: 200 x 198 / 6 = 6.600; overheid 914 x 33 = 30.162.
    assert waarden[f"Samenvatting!F{labels['Overig, exact']}"] == 200 * 33 == 6600
    assert waarden[f"Samenvatting!F{labels['Overheid, exact']}"] == 914 * 33
    # Gewogen: consumentenzaken 20% van 300 = 60 hulpvragen x gemiddeld (200 + 0) / 2 = 6.000.
    assert waarden[f"Samenvatting!I{labels['Totaal gewogen']}"] == 60 * (200 + 0) // 2 == 6000
    # Per casus op het blad Casussen: de regel Overig onder Cliënt en Overheid.
    casussen = {k: v for k, v in waarden.items() if k.startswith("Casussen!D") and v == "Overig"}
    assert len(casussen) == 6
