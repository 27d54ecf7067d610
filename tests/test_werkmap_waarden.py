"""Waarden zoals Excel ze bewaart: een formule met opgeslagen uitkomst, een formule zonder, en binaire ruis.

De werkmap komt van `omzetten` op de map van tests/test_tellingen.py (410
hulpvragen: 164, 98 en 57 in drie rechtsgebieden).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from test_tellingen import _controleer_totalen, schrijf_map


@pytest.fixture
def werkmap(tmp_path, cli) -> Path:
    map_ = schrijf_map(tmp_path / "mijnstad")
    pad = tmp_path / "mijnstad.xlsx"
    assert cli("omzetten", map_, pad)[0] == 0
    return pad


def _kolom(ws, kop: str) -> int:
    return [c.value for c in ws[1]].index(kop) + 1


def _json(cli, bron):
    code, uit, fout = cli("bereken", bron, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


@pytest.mark.libreoffice
def test_een_door_libreoffice_berekende_formule_wordt_zijn_uitkomst_met_een_melding(werkmap, tmp_path, cli):
    from libreoffice import herbereken

    wb = load_workbook(werkmap)
    ws = wb["Rechtsgebieden"]
    h, a = _kolom(ws, "Hulpvragen"), _kolom(ws, "Aandeel (%)")
    ws.cell(2, h).value = None
    ws.cell(2, a).value = "=164/410*100"  # precies 40
    ws.cell(3, a).value = "=98/410*100"  # LibreOffice bewaart 23,9024390243902 (15 cijfers); het aantal 98 staat ernaast
    wb.save(werkmap)
    bewaard = herbereken(werkmap, tmp_path / "lo")
    d = _json(cli, bewaard)
    _controleer_totalen(d)  # 164 = 40% van 410 exact, 98 uit de telling: dezelfde totalen als met aantallen
    letter = "D"
    assert ws.cell(1, a).column_letter == letter
    teksten = [w["tekst"] for w in d["waarschuwingen"] if w["soort"] == "werkmap"]
    assert teksten == [
        "Rechtsgebieden!D2: de formule =164/410*100 is gelezen als zijn opgeslagen uitkomst 40.",
        "Rechtsgebieden!D3: de formule =98/410*100 is gelezen als zijn opgeslagen uitkomst; "
        "23,9024390243902 is afgerond op 10 decimalen: 23,9024390244.",
    ]
    # In de terminal staan ze bij de waarschuwingen, met de cel.
    code, uit, fout = cli("bereken", bewaard)
    assert code == 0 and "Rechtsgebieden!D3: de formule =98/410*100 is gelezen" in fout


def test_een_formule_zonder_opgeslagen_uitkomst_wordt_geweigerd_met_zijn_cel(werkmap, cli):
    wb = load_workbook(werkmap)  # openpyxl rekent niet: de formule heeft geen uitkomst in het bestand
    ws = wb["Rechtsgebieden"]
    ws.cell(3, _kolom(ws, "Hulpvragen")).value = None
    ws.cell(3, _kolom(ws, "Aandeel (%)")).value = "=98/410*100"
    wb.save(werkmap)
    code, uit, fout = cli("bereken", werkmap)
    assert (code, uit) == (2, "")
    assert fout.splitlines() == [
        f"{werkmap}:Rechtsgebieden!D3: deze cel heeft een formule (=98/410*100) zonder opgeslagen uitkomst; "
        "open en bewaar de werkmap in Excel of LibreOffice, of typ de waarde zelf",
        "1 fout(en) in de invoer; er is niets berekend.",
    ]


def test_binaire_ruis_wordt_afgerond_met_een_melding(werkmap, cli):
    wb = load_workbook(werkmap)
    ws = wb["Tarieven"]
    ws.cell(2, _kolom(ws, "Per uur (€)")).value = 60.00000000000001  # het dichtstbijzijnde kommagetal boven 60, zoals een som in Excel het kan geven
    wb.save(werkmap)
    d = _json(cli, werkmap)
    _controleer_totalen(d)  # afgerond op 10 decimalen is het tarief weer precies € 60
    assert [w["tekst"] for w in d["waarschuwingen"] if w["soort"] == "werkmap"] == [
        "Tarieven!C2: 60,00000000000001 is afgerond op 10 decimalen: 60."
    ]


def test_een_opgemaakte_cel_onderaan_kost_niets(werkmap, cli):
    """Een spatie en een vulkleur in Baten!A1048576 (na het opmaken van een hele kolom): lezen in minder dan 3 s."""
    import time

    from openpyxl.styles import PatternFill

    wb = load_workbook(werkmap)
    for blad in ("Baten", "Casussen", "Pilot"):
        cel = wb[blad]["A1048576"]
        cel.value = " "
        cel.fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(werkmap)
    assert werkmap.stat().st_size < 100_000
    begin = time.perf_counter()
    d = _json(cli, werkmap)
    duur = time.perf_counter() - begin
    _controleer_totalen(d)
    assert duur < 3, f"{duur:.1f} s"


def test_verborgen_bladen_en_regels_staan_in_een_waarschuwing(werkmap, cli):
    wb = load_workbook(werkmap)
    wb["Effecten"].sheet_state = "veryHidden"
    wb["Baten"].row_dimensions[3].hidden = True
    wb["Baten"].row_dimensions[4].hidden = True
    wb.save(werkmap)
    d = _json(cli, werkmap)
    _controleer_totalen(d)  # ze tellen gewoon mee, maar niet zonder een woord
    assert [w["tekst"] for w in d["waarschuwingen"] if w["soort"] == "werkmap"] == [
        "Baten!A3: verborgen regels worden gewoon gelezen: rij 3, 4.",
        "Effecten!A1: blad Effecten is verborgen, maar wordt gewoon gelezen.",
    ]


def test_te_veel_regels_op_een_blad(werkmap, cli, monkeypatch):
    from kostenbaten.invoer import casussenwerkmap
    from kostenbaten.model.casussenwerkmap import PILOTVELDEN

    # De echte grens is 10.000 regels; het principe met een grens gelijk aan het aantal gegevens van blad Pilot,
    # dat daarbovenop een kopregel heeft: één regel te veel.
    grens = len(PILOTVELDEN)
    monkeypatch.setattr(casussenwerkmap, "MAX_RIJEN", grens)
    code, uit, fout = cli("bereken", werkmap)
    assert (code, uit) == (2, "")
    assert fout.splitlines() == [
        f"{werkmap}: blad Pilot heeft {grens + 1} gevulde regels, meer dan de {grens} die kostenbaten leest; verwijder wat niet bij de casussen hoort",
        "1 fout(en) in de invoer; er is niets berekend.",
    ]


def test_omzetten_houdt_spaties_en_een_tekst_met_isgelijkteken(tmp_path, cli):
    map_ = schrijf_map(tmp_path / "mijnstad")
    casus = map_ / "casus-1.yaml"
    casus.write_text(
        casus.read_text(encoding="utf-8").replace("titel: Casus 1", 'titel: "  Casus 1 met spaties  "')
        + 'omschrijving: "=1+1 is geen formule\\n"\n',
        encoding="utf-8",
    )
    werkmap = tmp_path / "mijnstad.xlsx"
    assert cli("omzetten", map_, werkmap)[0] == 0
    ws = load_workbook(werkmap)["Casussen"]
    assert ws.cell(2, _kolom(ws, "Omschrijving")).data_type == "s"  # tekst, geen formule
    terug = tmp_path / "terug"
    code, _, fout = cli("omzetten", werkmap, terug)
    assert code == 0, fout
    from kostenbaten.invoer.project import laad

    eerste = laad(terug).casussen[0]
    assert (eerste.titel, eerste.omschrijving) == ("  Casus 1 met spaties  ", "=1+1 is geen formule\n")
    # Zonder verlies; alleen de soort van een eigen bedrag staat er nu met zoveel woorden (wat de berekening er al van maakte).
    from kostenbaten.berekening.kba import met_soort

    assert laad(terug).casussen == met_soort(laad(map_)).casussen


def test_een_tekst_langer_dan_een_cel_wordt_geweigerd_met_bestand_en_regel(tmp_path, cli):
    map_ = schrijf_map(tmp_path / "mijnstad")
    casus = map_ / "casus-2.yaml"
    casus.write_text(casus.read_text(encoding="utf-8") + "omschrijving: " + "a" * 40_000 + "\n", encoding="utf-8")
    regel = len(casus.read_text(encoding="utf-8").splitlines())  # de laatste regel
    werkmap = tmp_path / "mijnstad.xlsx"
    code, uit, fout = cli("omzetten", map_, werkmap)
    assert code == 2 and not werkmap.exists()
    assert fout.splitlines()[0] == (
        f"{casus}:{regel}: deze tekst heeft 40000 tekens; een cel van Excel houdt er hoogstens 32767: "
        "maak hem korter of houd de casussen in YAML"
    )
