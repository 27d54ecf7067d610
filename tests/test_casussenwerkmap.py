"""Casussen in een werkmap: omzetten zonder verlies, teruglezen na bewerken (openpyxl, LibreOffice) en fouten per cel."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import HENGELO, ROOT, vervang
from libreoffice import herbereken

from kostenbaten.invoer.project import laad
from kostenbaten.model.casus import STANDAARD_ACTOREN

VARIANTEN = sorted((ROOT / "casussen" / "varianten").glob("*.yaml"))


def _zelfde_gegevens(a, b) -> None:
    assert a.pilot == b.pilot
    assert a.casussen == b.casussen


def _cijfers(cli, bron) -> dict:
    code, uit, fout = cli("bereken", bron, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


@pytest.fixture
def werkmap(tmp_path, cli) -> Path:
    pad = tmp_path / "hengelo.xlsx"
    code, _, fout = cli("omzetten", HENGELO, pad)
    assert code == 0, fout
    return pad


def test_hengelo_naar_werkmap_en_terug_geeft_dezelfde_gegevens_en_cijfers(werkmap, tmp_path, cli):
    terug = tmp_path / "terug"
    code, _, fout = cli("omzetten", werkmap, terug)
    assert code == 0, fout
    assert sorted(p.name for p in terug.iterdir()) == sorted(p.name for p in HENGELO.iterdir())
    origineel = laad(HENGELO)
    _zelfde_gegevens(laad(werkmap), origineel)
    _zelfde_gegevens(laad(terug), origineel)
    verwacht = _cijfers(cli, HENGELO)
    assert _cijfers(cli, werkmap) == verwacht
    assert _cijfers(cli, terug) == verwacht
    for bron in (terug, werkmap):
        code, uit, fout = cli("controleer", bron)
        assert code == 0, uit + fout


def test_de_geschreven_map_heeft_het_formaat_van_de_meegeleverde(werkmap, tmp_path, cli):
    terug = tmp_path / "casussen" / "terug"
    terug.parent.mkdir()
    # Zoals in de projectmap: schema/ twee mappen hoger, dus de verwijzing ../../schema/... bestaat.
    (tmp_path / "schema").mkdir()
    for soort in ("pilot", "casus"):
        (tmp_path / "schema" / f"{soort}.schema.json").write_text("{}", encoding="utf-8")
    assert cli("omzetten", werkmap, terug)[0] == 0
    pilot = (terug / "pilot.yaml").read_text(encoding="utf-8")
    assert pilot.splitlines()[0] == (HENGELO / "pilot.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (terug / "casus-1.yaml").read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../../schema/casus.schema.json"
    assert (terug / "../../schema/casus.schema.json").is_file()
    # Exacte getallen, geen kommagetallen: het bedrag per maand van casus 6 blijft 74, de datum een datum.
    assert "\nperiode:\n  van: 2021-06-01\n  tot: 2022-06-30\n" in pilot
    assert "per_maand: 74\n" in (terug / "casus-6.yaml").read_text(encoding="utf-8")


ZELDZAAM_PILOT = """
optimisme:
  opslag_kosten: {waarde: 10, min: 0, max: 20}
  korting_baten: 5
  reden: Aanname om mee te rekenen.
  bron: aanname
aanpassingen:
  deadweight: {waarde: 0.25, interval_90: [0.1, 0.5], reden: Ook zonder spreekuur., bron: aanname}
"""


@pytest.fixture
def hengelo_zeldzaam(hengelo) -> Path:
    """Hengelo met elk zelden gebruikt veld: bereiken, kans, optimisme en aanpassingen op elk niveau."""
    with (hengelo / "pilot.yaml").open("a", encoding="utf-8") as f:
        f.write(ZELDZAAM_PILOT)
    vervang(hengelo / "pilot.yaml", "  bijzondere_bijstand:\n", "    aanpassingen:\n      attributie: {waarde: 0.1, reden: Anderen helpen mee., bron: aanname}\n  bijzondere_bijstand:\n")
    vervang(hengelo / "pilot.yaml", "    per_uur: 80\n", "    per_uur: {waarde: 80.25, interval_90: [70, 95.5]}\n")
    vervang(hengelo / "pilot.yaml", "hulpvragen: 300 ", "hulpvragen: {waarde: 300, min: 270, max: 330} ")
    casus = hengelo / "casus-1.yaml"
    vervang(casus, "uren: 2\n", "uren: {waarde: 2, min: 1.5, max: 4}\nkans: {waarde: 0.8, interval_90: [0.6, 0.9]}\naanpassingen:\n  verdringing: {waarde: 0.05, reden: Verschuift., bron: aanname}\n")
    vervang(casus, "  - kengetal: toevoeging\n", "  - kengetal: toevoeging\n    aanpassingen:\n      afname: {waarde: 0.2, min: 0.1, max: 0.3, reden: Valt weg., bron: aanname}\n")
    vervang(casus, "per_maand: 50\n", "per_maand: {waarde: 50, min: 40, max: 60}\n")
    vervang(hengelo / "casus-3.yaml", "    bedrag: 400\n", "    bedrag: {waarde: 400.5, min: 300, max: 500}\n")
    return hengelo


def test_elk_zelden_gebruikt_veld_gaat_mee_heen_en_terug(hengelo_zeldzaam, tmp_path, cli):
    werkmap, terug = tmp_path / "zeldzaam.xlsx", tmp_path / "terug"
    origineel = laad(hengelo_zeldzaam)
    assert origineel.pilot.optimisme is not None and origineel.casussen[0].baten[1].aanpassingen is not None
    assert cli("omzetten", hengelo_zeldzaam, werkmap)[0] == 0
    assert cli("omzetten", werkmap, terug)[0] == 0
    _zelfde_gegevens(laad(werkmap), origineel)
    _zelfde_gegevens(laad(terug), origineel)
    assert laad(terug).pilot.tarieven["sjd"].per_uur.waarde == Decimal("80.25")
    assert _cijfers(cli, terug) == _cijfers(cli, hengelo_zeldzaam)


@pytest.mark.parametrize("variant", VARIANTEN, ids=lambda p: p.stem)
def test_elke_meegeleverde_variant_werkt_op_de_werkmap_als_basis(variant, werkmap, tmp_path, cli):
    kopie = tmp_path / variant.name
    tekst = variant.read_text(encoding="utf-8")
    assert tekst.count("\nbasis: ../hengelo\n") == 1
    kopie.write_text(tekst.replace("\nbasis: ../hengelo\n", f"\nbasis: {werkmap.name}\n"), encoding="utf-8")
    _zelfde_gegevens(laad(kopie), laad(variant))
    assert _cijfers(cli, kopie)["extrapolatie"] == _cijfers(cli, variant)["extrapolatie"]


def _cel_van(werkmap: Path, blad: str, kop: str, rij: int) -> str:
    ws = load_workbook(werkmap)[blad]
    kolom = next(c.column_letter for c in ws[1] if c.value == kop)
    return f"{kolom}{rij}"


def test_een_met_openpyxl_gewijzigde_cel_geeft_het_gewijzigde_cijfer(werkmap, cli):
    wb = load_workbook(werkmap)
    ws = wb["Casussen"]
    cel = _cel_van(werkmap, "Casussen", "Uren", 2)
    assert ws["A2"].value == 1 and ws[cel].value == 2
    ws[cel] = 3
    wb.save(werkmap)
    casus = _cijfers(cli, werkmap)["casussen"][0]
    # Met de hand: 3 uur x (€ 80 + € 30 + € 10) = € 360 kosten; baten blijven € 1.614, netto 1.614 - 360 = € 1.254.
    assert (casus["uren"], casus["kosten"], casus["baten"], casus["netto"]) == ("3", "360", "1614", "1254")


@pytest.mark.libreoffice
def test_een_door_libreoffice_bewaarde_werkmap_leest_hetzelfde(werkmap, tmp_path, cli):
    bewaard = herbereken(werkmap, tmp_path / "lo")
    _zelfde_gegevens(laad(bewaard), laad(HENGELO))
    code, uit, fout = cli("controleer", bewaard)
    assert code == 0, uit + fout


def test_foute_cellen_worden_allemaal_tegelijk_gemeld_met_blad_en_cel(werkmap, cli):
    wb = load_workbook(werkmap)
    wb["Casussen"]["D2"] = "twee"  # Uren van casus 1
    wb["Casussen"]["E3"] = 1  # Uren min van casus 2, zonder max
    wb["Baten"]["B6"] = "schuldhulpverleing"  # kengetal van casus 3
    wb["Baten"]["A20"] = 9
    wb["Rechtsgebieden"]["D2"] = -5  # Aandeel (%) van het eerste rechtsgebied (kolom C is Hulpvragen)
    wb["Kengetallen"]["I2"] = None  # Bron van toevoeging
    wb["Pilot"]["B4"] = "gisteren"  # Periode van
    wb["Aanpassingen"]["D2"] = "deadwieght"
    wb["Aanpassingen"]["E2"] = 0.5
    wb.save(werkmap)
    assert [wb["Casussen"]["D1"].value, wb["Casussen"]["E1"].value, wb["Baten"]["B1"].value, wb["Kengetallen"]["I1"].value] == [
        "Uren", "Uren min", "Kengetal", "Bron"
    ]
    code, uit, fout = cli("bereken", werkmap)
    assert code == 2 and uit == ""
    assert fout.splitlines() == [
        f"{werkmap}:Aanpassingen!D2: onbekende soort 'deadwieght'; kies uit: deadweight, attributie, verdringing, afname",
        f"{werkmap}:Baten!B6: onbekend kengetal 'schuldhulpverleing'; bedoelt u 'schuldhulpverlening'?",
        f"{werkmap}:Baten!A20: casus 9 staat niet op blad Casussen",
        f"{werkmap}:Casussen!D2: moet een getal zijn, niet de tekst 'twee'",
        f"{werkmap}:Casussen!D3: vul het bereik helemaal in (min en max) of laat beide leeg",
        f"{werkmap}:Kengetallen!I2: deze cel is leeg; vul hem in",
        f"{werkmap}:Pilot!B4: 'gisteren' is geen datum; typ een datum, bijvoorbeeld 2021-06-01",
        f"{werkmap}:Rechtsgebieden!D2: mag niet negatief zijn (gevonden: -5)",
        "8 fout(en) in de invoer; er is niets berekend.",
    ]


def test_verwijzingen_worden_gemeld_bij_hun_cel(werkmap, cli):
    wb = load_workbook(werkmap)
    wb["Baten"]["B6"] = "schuldhulpverleing"
    wb["Casussen"]["C5"] = "belastingrechtt"  # casus 4
    for kolom, waarde in zip("ABCD", (5, "Een kopie van casus 5", "belastingrecht", 1)):
        wb["Casussen"][f"{kolom}8"] = waarde  # een regel met het nummer van casus 5
    wb["Rechtsgebieden"]["A8"] = "arbeidsrecht"  # een sleutel zonder naam en aandeel
    wb.save(werkmap)
    code, _, fout = cli("controleer", werkmap)
    assert code == 2
    assert fout.splitlines() == [
        f"{werkmap}:Baten!B6: onbekend kengetal 'schuldhulpverleing'; bedoelt u 'schuldhulpverlening'?",
        f"{werkmap}:Casussen!C5: onbekend rechtsgebied 'belastingrechtt'; bedoelt u 'belastingrecht'?",
        f"{werkmap}:Casussen!A8: casusnummer 5 staat dubbel (ook op rij 6)",
        f"{werkmap}:Rechtsgebieden!B8: deze cel is leeg; vul hem in",
        f"{werkmap}:Rechtsgebieden!C8: vul het aantal hulpvragen (kolom Hulpvragen) of het aandeel (kolom Aandeel (%)) van dit rechtsgebied in",
        "5 fout(en) in de invoer; er is niets berekend.",
    ]


def test_keuzelijsten_voor_rechtsgebied_kengetal_en_actor(werkmap):
    wb = load_workbook(werkmap)

    def lijst(blad: str, kop: str) -> str:
        letter = _cel_van(werkmap, blad, kop, 2)[:-1]
        gevonden = [dv.formula1 for dv in wb[blad].data_validations.dataValidation if dv.type == "list" and f"{letter}2" in dv.sqref]
        assert len(gevonden) == 1, (blad, kop, gevonden)
        return gevonden[0]

    assert lijst("Casussen", "Rechtsgebied") == "'Rechtsgebieden'!$A$2:$A$200"
    assert lijst("Baten", "Kengetal") == "'Kengetallen'!$A$2:$A$200"
    for blad, kop in (("Baten", "Actor"), ("Kengetallen", "Actor"), ("Tarieven", "Betaler")):
        assert lijst(blad, kop) == "'Lijsten'!$A$2:$A$200"
    assert lijst("Actoren", "Groep") == '"client,overheid,overig"'  # de drie groepen
    # De actorenlijst: de ingebouwde actoren, daarna wat blad Actoren toevoegt.
    lijsten = wb["Lijsten"]
    assert lijsten.sheet_state == "hidden"
    assert [lijsten[f"A{r}"].value for r in range(2, 5)] == ["client", "gemeente", "rijk"]
    eerste_eigen = 2 + len(STANDAARD_ACTOREN)  # rij 1 is de kop, daarna elke ingebouwde actor
    assert [lijsten[f"A{r}"].value for r in range(2, eerste_eigen)] == list(STANDAARD_ACTOREN)
    assert "'Actoren'!A2" in lijsten[f"A{eerste_eigen}"].value


def test_sjabloon_casussen_geeft_een_werkmap_die_meteen_rekent(tmp_path, cli):
    pad = tmp_path / "mijnstad.xlsx"
    code, _, fout = cli("sjabloon", "--casussen", pad)
    assert code == 0, fout
    wb = load_workbook(pad)
    assert wb.sheetnames[:2] == ["Uitleg", "Pilot"] and "Gepubliceerd" not in wb.sheetnames
    assert wb["Pilot"]["B2"].value == "Mijnstad"
    project = laad(pad)
    assert project.pilot.gepubliceerd is None and len(project.casussen) == 1
    assert cli("bereken", pad)[0] == 0
    code, _, fout = cli("sjabloon", "--casussen", pad)
    assert code == 2 and "bestand bestaat al; gebruik --overschrijf" in fout
    code, _, fout = cli("sjabloon", "--casussen", tmp_path / "mijnstad.xls")
    assert (code, fout.strip()) == (2, f"Fout: {tmp_path / 'mijnstad.xls'}: een casussenwerkmap eindigt op .xlsx, bijvoorbeeld mijnstad.xlsx.")


def test_omzetten_overschrijft_niets_zonder_overschrijf(werkmap, tmp_path, cli):
    terug = tmp_path / "terug"
    assert cli("omzetten", werkmap, terug)[0] == 0
    code, _, fout = cli("omzetten", werkmap, terug)
    assert code == 2
    assert f"{terug / 'pilot.yaml'}: bestand bestaat al; gebruik --overschrijf om het te vervangen" in fout.splitlines()
    assert cli("omzetten", werkmap, terug, "--overschrijf")[0] == 0
    (terug / "extra.yaml").write_text("nummer: 9\n", encoding="utf-8")
    code, _, fout = cli("omzetten", werkmap, terug, "--overschrijf")
    assert code == 2
    assert f"{terug / 'extra.yaml'}: de map bevat al dit YAML-bestand, dat een casus zou worden; kies een lege map" in fout
    code, _, fout = cli("omzetten", HENGELO, werkmap)
    assert code == 2 and f"{werkmap}: bestand bestaat al; gebruik --overschrijf om het te vervangen" in fout


def test_omzetten_wil_een_map_en_een_werkmap(tmp_path, cli):
    code, _, fout = cli("omzetten", HENGELO, tmp_path / "ergens")
    assert code == 2
    assert fout.strip() == (
        "Fout: geef een casussenmap en een werkmap (.xlsx), of andersom, bijvoorbeeld: "
        "kostenbaten omzetten casussen/mijnstad mijnstad.xlsx"
    )


def test_een_werkmap_zonder_bladen_van_casussen(tmp_path, cli):
    pad = tmp_path / "leeg.xlsx"
    shutil.copy(ROOT / "templates" / "voorbeeldbegroting.xlsx", pad)
    code, _, fout = cli("bereken", pad)
    assert code == 2
    assert fout.splitlines()[0] == f"{pad}: blad 'Pilot' ontbreekt; maak een werkmap met 'kostenbaten sjabloon --casussen'"


def test_uitleg_wijst_naar_de_cel_van_elke_invoer(werkmap, cli):
    code, uit, fout = cli("uitleg", werkmap, "casus-1.kosten")
    assert code == 0, fout
    # Casus 1 staat op rij 2 van Casussen (uren in kolom D); het SJD-tarief op rij 2 van Tarieven (per uur in kolom C).
    assert f"{werkmap}:Casussen!D2" in uit and f"{werkmap}:Tarieven!C2" in uit


def test_een_variant_op_een_foute_werkmap_meldt_de_cel(werkmap, tmp_path, cli):
    wb = load_workbook(werkmap)
    wb["Casussen"]["C5"] = "belastingrechtt"
    wb.save(werkmap)
    variant = tmp_path / "variant.yaml"
    variant.write_text(f"naam: Meer hulpvragen\nbasis: {werkmap.name}\npilot:\n  hulpvragen: 900\n", encoding="utf-8")
    code, _, fout = cli("bereken", variant)
    assert code == 2
    assert fout.splitlines()[0] == f"{werkmap}:Casussen!C5: onbekend rechtsgebied 'belastingrechtt'; bedoelt u 'belastingrecht'?"


def test_sjabloon_casussen_van_een_map(tmp_path, cli):
    pad = tmp_path / "hengelo.xlsx"
    assert cli("sjabloon", "--casussen", pad, "--van", HENGELO)[0] == 0
    _zelfde_gegevens(laad(pad), laad(HENGELO))


@pytest.mark.libreoffice
def test_bereiken_en_aanpassingen_overleven_libreoffice(hengelo_zeldzaam, tmp_path, cli):
    werkmap = tmp_path / "zeldzaam.xlsx"
    assert cli("omzetten", hengelo_zeldzaam, werkmap)[0] == 0
    _zelfde_gegevens(laad(herbereken(werkmap, tmp_path / "lo")), laad(hengelo_zeldzaam))


def test_buiten_de_projectmap_staat_er_geen_schemaverwijzing_die_nergens_heen_wijst(werkmap, tmp_path, cli):
    terug = tmp_path / "ergens" / "mijnstad"
    assert cli("omzetten", werkmap, terug)[0] == 0
    for pad in terug.iterdir():
        eerste = pad.read_text(encoding="utf-8").splitlines()[0]
        assert eerste.startswith("# Omgezet door kostenbaten uit ") and "$schema" not in pad.read_text(encoding="utf-8"), pad


def test_prijspeil_dat_de_reeks_niet_kent_noemt_zijn_cel(werkmap, cli):
    # Het prijspeil van een kengetal (blad Kengetallen, kolom J) op een jaar vóór de meegeleverde CPI (die begint in 2000).
    wb = load_workbook(werkmap)
    assert wb["Kengetallen"]["J1"].value == "Prijspeil" and wb["Kengetallen"]["J3"].value == 2022
    wb["Kengetallen"]["J3"] = 1900
    wb.save(werkmap)
    code, _, fout = cli("bereken", werkmap, "--prijspeil", "2024")
    regels = fout.splitlines()
    assert code == 2 and len(regels) == 2, fout
    assert regels[0].startswith(f"{werkmap}:Kengetallen!J3: kengetallen.") and "kent het jaar 1900 niet" in regels[0]
