"""Blad Kengetallen van de casussenwerkmap draagt Bankpost, Kwaliteit en Index, met een keuzelijst van de bank.

Heen en terug zonder verlies: map -> werkmap -> map geeft dezelfde gegevens, en
werkmap -> map -> werkmap dezelfde cellen. Een regel met alleen een Bankpost neemt
naam, bedrag, actor, bron en prijspeil uit de kengetallenbank, zoals `bankpost:` in
pilot.yaml; wat er wel staat, gaat voor.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from conftest import vervang
from kostenbaten.invoer.kengetallenbank import laad_bank
from kostenbaten.invoer.project import laad

# Twee kengetallen die naar de bank verwijzen: één alleen met de verwijzing, één met eigen bedrag, graad en index.
BANKPOSTEN = """\
  beslag:
    bankpost: deurwaarder_beslag_roerend
  ontruiming:
    bankpost: deurwaarder_ontruiming
    bedrag: 300
    kwaliteit: C
    index: cpi
"""


def _met_bankposten(hengelo: Path) -> Path:
    vervang(hengelo / "pilot.yaml", "\n  toevoeging:\n", "\n" + BANKPOSTEN + "  toevoeging:\n")
    # Casus 3 (deurwaarder) wint ook het beslag: 137,78 (Besluit tarieven ambtshandelingen 2022, beslag roerende zaken).
    vervang(hengelo / "casus-3.yaml", "baten:\n", "baten:\n  - kengetal: beslag\n")
    return hengelo


def _kengetallen(werkmap: Path) -> dict[str, dict]:
    ws = load_workbook(werkmap)["Kengetallen"]
    koppen = [c.value for c in ws[1]]
    uit = {}
    for rij in ws.iter_rows(min_row=2, values_only=True):
        if rij[0] is not None:
            uit[rij[0]] = dict(zip(koppen, rij))
    return uit


def _cellen(werkmap: Path) -> dict:
    wb = load_workbook(werkmap)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for rij in ws.iter_rows() for c in rij if c.value is not None}


def test_bankpost_kwaliteit_en_index_heen_en_terug(cli, hengelo, tmp_path):
    _met_bankposten(hengelo)
    werkmap = tmp_path / "m.xlsx"
    assert cli("omzetten", hengelo, werkmap)[0] == 0
    regels = _kengetallen(werkmap)
    assert (regels["beslag"]["Bankpost"], regels["beslag"]["Kwaliteit"], regels["beslag"]["Index"]) == ("deurwaarder_beslag_roerend", None, "eigen")
    assert (regels["ontruiming"]["Bankpost"], regels["ontruiming"]["Kwaliteit"], regels["ontruiming"]["Index"]) == ("deurwaarder_ontruiming", "C", "cpi")
    assert regels["ontruiming"]["Bedrag (€)"] == 300  # het eigen bedrag gaat voor dat van de bank (270,96)
    assert regels["toevoeging"]["Bankpost"] is None
    # Een prijspeil is een jaartal: zonder scheidingsteken (2022, niet 2.022).
    ws = load_workbook(werkmap)["Kengetallen"]
    kolom = next(c.column_letter for c in ws[1] if c.value == "Prijspeil")
    assert (ws[f"{kolom}2"].value, ws[f"{kolom}2"].number_format) == (2022, "0")

    # map -> werkmap -> map: dezelfde gegevens; werkmap -> map -> werkmap: dezelfde cellen.
    terug = tmp_path / "terug"
    assert cli("omzetten", werkmap, terug)[0] == 0
    origineel, gelezen, teruggelezen = laad(hengelo), laad(werkmap), laad(terug)
    assert gelezen.pilot == origineel.pilot and gelezen.casussen == origineel.casussen
    assert teruggelezen.pilot == origineel.pilot and teruggelezen.casussen == origineel.casussen
    k = teruggelezen.pilot.kengetallen
    assert (k["ontruiming"].bankpost, k["ontruiming"].kwaliteit, k["ontruiming"].index, k["ontruiming"].bedrag.waarde) == ("deurwaarder_ontruiming", "C", "cpi", Decimal("300"))
    opnieuw = tmp_path / "opnieuw.xlsx"
    assert cli("omzetten", terug, opnieuw)[0] == 0
    assert _cellen(opnieuw) == _cellen(werkmap)
    assert "*id" not in (terug / "pilot.yaml").read_text(encoding="utf-8")  # geen YAML-verwijzingen voor gedeelde getallen

    # Dezelfde cijfers uit map en werkmap. Casus 3 met hand: baten 400 + 180 + 200 + 500 + 137,78 (beslag) = 1.417,78;
    # kosten 2 uur x (80 + 30 + 10) = 240; netto 1.417,78 - 240 = 1.177,78; de cliënt 400 + 137,78 = 537,78.
    cijfers = {}
    for bron in (hengelo, werkmap, terug):
        code, uit, fout = cli("bereken", bron, "--formaat", "json")
        assert code == 0, fout
        cijfers[bron] = json.loads(uit)
    assert cijfers[hengelo]["casussen"] == cijfers[werkmap]["casussen"] == cijfers[terug]["casussen"]
    casus3 = next(c for c in cijfers[werkmap]["casussen"] if c["nummer"] == 3)
    assert (Decimal(casus3["baten"]), Decimal(casus3["kosten"]), Decimal(casus3["netto"]), Decimal(casus3["client"])) == (
        Decimal("1417.78"), Decimal("240"), Decimal("1177.78"), Decimal("537.78"))


def test_een_regel_met_alleen_een_bankpost_neemt_de_rest_uit_de_bank(cli, hengelo, tmp_path):
    werkmap = tmp_path / "m.xlsx"
    assert cli("omzetten", hengelo, werkmap)[0] == 0
    wb = load_workbook(werkmap)
    ws = wb["Kengetallen"]
    koppen = {c.value: c.column_letter for c in ws[1]}
    rij = next(r for r in range(2, 50) if ws[f"A{r}"].value is None)
    ws[f"{koppen['Sleutel']}{rij}"] = "beslag"
    ws[f"{koppen['Bankpost']}{rij}"] = "deurwaarder_beslag_roerend"
    wb.save(werkmap)
    project = laad(werkmap)
    beslag = project.pilot.kengetallen["beslag"]
    post = laad_bank()[0].kengetallen["deurwaarder_beslag_roerend"]
    assert (beslag.naam, beslag.actor, beslag.prijspeil, beslag.index, beslag.soort) == (post.naam, post.betaler, 2022, "eigen", "middelen")
    assert beslag.bedrag.waarde == Decimal("137.78")  # Besluit tarieven ambtshandelingen 2022, beslag op roerende zaken
    assert beslag.bron.startswith("kengetallenbank, deurwaarder_beslag_roerend: Kosten ambtshandelingen")


def test_een_onbekende_bankpost_wordt_bij_haar_cel_gemeld(cli, hengelo, tmp_path):
    werkmap = tmp_path / "m.xlsx"
    assert cli("omzetten", hengelo, werkmap)[0] == 0
    wb = load_workbook(werkmap)
    ws = wb["Kengetallen"]
    koppen = {c.value: c.column_letter for c in ws[1]}
    ws[f"{koppen['Bankpost']}2"] = "deurwaarder_ontruimng"
    wb.save(werkmap)
    code, _, fout = cli("bereken", werkmap)
    assert code == 2
    assert f"{werkmap}:Kengetallen!{koppen['Bankpost']}2:" in fout and "bedoelt u 'deurwaarder_ontruiming'?" in fout


def test_keuzelijsten_van_bankpost_kwaliteit_en_index(cli, hengelo, tmp_path):
    werkmap = tmp_path / "m.xlsx"
    assert cli("omzetten", hengelo, werkmap)[0] == 0
    wb = load_workbook(werkmap)
    ws = wb["Kengetallen"]
    koppen = {c.value: c.column_letter for c in ws[1]}

    def lijst(kop: str) -> str:
        gevonden = [dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list" and f"{koppen[kop]}2" in dv.sqref]
        assert len(gevonden) == 1, (kop, gevonden)
        return gevonden[0]

    assert lijst("Bankpost") == "'Lijsten'!$B$2:$B$200"
    assert lijst("Kwaliteit") == '"A,B,C,D"'
    assert lijst("Index") == '"cpi,cao_lonen,eigen"'
    # Het verborgen blad Lijsten noemt elke post van de bank, in de volgorde van de bank.
    bank = list(laad_bank()[0].kengetallen)
    lijsten = wb["Lijsten"]
    assert lijsten["B1"].value == "Bankpost"
    assert [lijsten[f"B{r}"].value for r in range(2, 2 + len(bank))] == bank
    assert lijsten[f"B{2 + len(bank)}"].value is None
    assert len(bank) >= 20
