"""De werkmappen: sjabloon zonder drift, heen en terug, ingevulde cellen, foute cellen, en LibreOffice als rekencontrole."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from libreoffice import als_pdf, vergelijk_met_rekenkern
from opdrachtregel import HENGELO, VOORBEELD, WORTEL, draai  # noqa: F401 - draai is een fixture
from openpyxl import load_workbook

SJABLOON = WORTEL / "templates" / "voorbeeldbegroting.xlsx"


def _inhoud(pad: Path, behalve: set[str] = frozenset()) -> dict:
    """Wat een gebruiker van een werkmap ziet: celwaarden, formules, notaties, invoerkleur, validaties, afdrukinstellingen."""
    wb = load_workbook(pad)
    uit = {"bladen": wb.sheetnames, "herberekenen": wb.calculation.fullCalcOnLoad}
    for ws in wb.worksheets:
        cellen = {}
        for rij in ws.iter_rows():
            for cel in rij:
                sleutel = f"{ws.title}!{cel.coordinate}"
                if cel.value is None or sleutel in behalve:
                    continue
                cellen[cel.coordinate] = (cel.value, cel.data_type, cel.number_format, cel.fill.fgColor.rgb, cel.font.b)
        uit[ws.title] = {
            "cellen": cellen,
            "validaties": sorted(
                (str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.error) for dv in ws.data_validations.dataValidation
            ),
            "afdrukbereik": ws.print_area,
            "stand": ws.page_setup.orientation,
            "vast": ws.freeze_panes,
            "breedtes": {k: d.width for k, d in ws.column_dimensions.items()},
            "hoogtes": {r: d.height for r, d in ws.row_dimensions.items() if d.height},
            "samengevoegd": sorted(str(r) for r in ws.merged_cells.ranges),
            "grafieken": len(ws._charts),
        }
    return uit


def _casussencel(pad: Path) -> str:
    ws = load_workbook(pad)["Begroting"]
    return next(f"B{c.row}" for (c,) in ws.iter_rows(min_col=1, max_col=1) if c.value == "Casussen (KBA)")


def test_meegeleverd_sjabloon_is_gelijk_aan_een_verse_generatie(tmp_path, draai):
    vers = tmp_path / "vers.xlsx"
    uit = draai("sjabloon", vers, "--van", VOORBEELD)
    assert uit.exit_code == 0, uit.output
    cel = _casussencel(SJABLOON)
    # De casussenmap staat relatief aan de werkmap; die ene cel verschilt dus per map.
    assert _inhoud(vers, {f"Begroting!{cel}"}) == _inhoud(SJABLOON, {f"Begroting!{cel}"})
    for pad in (vers, SJABLOON):
        waarde = load_workbook(pad)["Begroting"][cel].value
        assert (pad.parent / waarde).resolve() == HENGELO.resolve()


def _json(draai, pad) -> dict:
    uit = draai("begroting", pad, "--formaat", "json")
    assert uit.exit_code == 0, uit.output
    return json.loads(uit.stdout)


def test_heen_en_terug_werkmap_geeft_dezelfde_cijfers_als_yaml(draai):
    assert _json(draai, SJABLOON) == _json(draai, VOORBEELD)


def _ingevuld(tmp_path: Path) -> Path:
    """Het sjabloon, ingevuld zoals een gebruiker dat zou doen."""
    wb = load_workbook(SJABLOON)
    ws = wb["Begroting"]
    ws["B7"] = 40  # weken per jaar
    ws["B8"] = 250  # hulpvragen per jaar
    ws["B9"] = os.path.relpath(HENGELO, tmp_path)  # de werkmap staat nu elders; het pad geldt vanaf haar map
    ws["D13"] = 85  # SJD-tarief spreekuur
    ws["A18"], ws["B18"], ws["C18"], ws["D18"], ws["E18"] = "Extra SJD-uren nazorg", 1, "ja", 85, "Gemeente"
    ws["D34"] = 300  # banner
    ws["E33"] = "Bibliotheek"  # de bibliotheek betaalt de cabine
    pad = tmp_path / "ingevuld.xlsx"
    wb.save(pad)
    return pad


def test_ingevulde_cellen_geven_nieuwe_cijfers(tmp_path, draai):
    doc = _json(draai, _ingevuld(tmp_path))
    personeel = 6 * 40 * 85 + 3 * 40 * 80 + 3 * 40 * 50 + 1 * 40 * 50 + Decimal("0.3") * 40 * 90 + 1 * 40 * 85
    per_sjd_uur = 10 * 40 * 30 + 10 * 40 * 10  # nu 6 + 3 + 1 SJD-uren
    eenmalig = 10000 + 300 + 500
    assert Decimal(doc["totaal"]) == personeel + per_sjd_uur + eenmalig == 42480 + 16000 + 10800 == 69280
    assert doc["per_betaler"]["bibliotheek"]["eenmalig"] == "10300"
    assert doc["kosten_per_hulpvraag"] == "277.12"  # 69.280 / 250
    assert doc["baten"]["verwachte_baten"] == "135905"  # 4.942 / 6 x 66% x 250


@pytest.mark.libreoffice
def test_door_libreoffice_opgeslagen_werkmap_leest_hetzelfde(tmp_path, draai):
    """Zoals een gebruiker die de werkmap in LibreOffice opent, invult en opslaat: ze blijft leesbaar."""
    from libreoffice import herbereken

    (tmp_path / "ingevuld").mkdir()  # even diep als de opgeslagen kopie: het pad naar de casussen geldt vanaf de werkmap
    ingevuld = _ingevuld(tmp_path / "ingevuld")
    opgeslagen = herbereken(ingevuld, tmp_path / "opgeslagen")
    assert _json(draai, opgeslagen) == _json(draai, ingevuld)


@pytest.mark.libreoffice
def test_libreoffice_rekent_de_ingevulde_werkmap_als_de_rekenkern(tmp_path):
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.uitvoer.excel.begroting import bouw as bouw_begroting

    pad = _ingevuld(tmp_path)
    invoer = laad_begroting(pad)
    u = bereken_begroting(invoer.begroting, bereken_pilot(invoer.project.pilot, invoer.project.casussen))
    _, verwacht = bouw_begroting(u, str(HENGELO), saldo=False)  # het sjabloon heeft geen saldoblad
    # Zelfde indeling, dus dezelfde cellen: de formules in het bewerkte bestand moeten de nieuwe cijfers geven.
    assert verwacht["Begroting!F44"] == 69280
    assert vergelijk_met_rekenkern(pad, verwacht, tmp_path / "lo") > 40


@pytest.mark.libreoffice
def test_libreoffice_rekent_de_begroting_als_de_rekenkern(tmp_path, draai):
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.uitvoer.excel.begroting import bouw as bouw_begroting

    hengelo = os.path.relpath(HENGELO, tmp_path)  # vanaf de map van de begroting
    for methode, casussen in (("rapport", hengelo), ("gewogen", hengelo), ("zonder", None)):
        yaml = tmp_path / f"{methode}.yaml"
        yaml.write_text(
            VOORBEELD.read_text(encoding="utf-8")
            .replace("kba_methode: rapport", f"kba_methode: {methode}" if casussen else "")
            .replace("casussen: ../casussen/hengelo", f"casussen: {casussen}" if casussen else ""),
            encoding="utf-8",
        )
        uit = tmp_path / f"{methode}.xlsx"
        assert draai("begroting", yaml, "--xlsx", uit).exit_code == 0
        invoer = laad_begroting(yaml)
        kba = bereken_pilot(invoer.project.pilot, invoer.project.casussen) if casussen else None
        _, verwacht = bouw_begroting(bereken_begroting(invoer.begroting, kba), casussen and str(casussen))
        assert vergelijk_met_rekenkern(uit, verwacht, tmp_path / f"lo-{methode}") > 35
        assert len(load_workbook(uit)["Begroting"]._charts) == (1 if casussen else 0)


def test_begroting_xlsx_heeft_levende_formules_en_een_grafiek(tmp_path, draai):
    uit = tmp_path / "begroting.xlsx"
    assert draai("begroting", VOORBEELD, "--xlsx", uit).exit_code == 0
    wb = load_workbook(uit)
    ws = wb["Begroting"]
    assert wb.calculation.fullCalcOnLoad
    assert ws["F13"].value == "=B13*$B$7*D13"
    assert ws["B48"].value.startswith("=SUMIF(")
    assert ws["F44"].value == "=$F$42+$F$43"
    assert ws["F64"].value.startswith("=IF($F$57>0,ROUNDUP(")
    assert ws["F13"].number_format == '[$-413]"€" #,##0.00;-"€" #,##0.00'
    assert ws.freeze_panes == "A3" and ws.page_setup.orientation == "landscape"
    assert len(ws._charts) == 1
    assert ws["B7"].fill.fgColor.rgb.endswith("FFF2CC")  # invoer is geel
    assert wb.sheetnames == ["Begroting", "Maatschappelijk saldo", "Toelichting"]  # het saldo als formules, na de begroting


def test_nooit_overschrijven_zonder_overschrijf(tmp_path, draai):
    uit = tmp_path / "begroting.xlsx"
    uit.write_bytes(b"van de gebruiker")
    weigering = draai("begroting", VOORBEELD, "--xlsx", uit)
    assert weigering.exit_code == 2
    assert weigering.stderr.splitlines()[0] == f"{uit}: bestand bestaat al; gebruik --overschrijf om het te vervangen"
    assert weigering.stdout == ""  # geweigerd vóór het rekenen: geen halve uitvoer
    assert uit.read_bytes() == b"van de gebruiker"
    assert draai("sjabloon", uit, "--van", VOORBEELD).exit_code == 2
    assert uit.read_bytes() == b"van de gebruiker"
    assert draai("begroting", VOORBEELD, "--xlsx", uit, "--overschrijf").exit_code == 0
    assert load_workbook(uit).sheetnames == ["Begroting", "Maatschappelijk saldo", "Toelichting"]
    assert [p.name for p in tmp_path.iterdir()] == ["begroting.xlsx"]  # geen tijdelijke bestanden achtergelaten


GEVAARLIJK = ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6 1234", "-1+1", "@SOM(A1)"]


def test_tekst_met_formuleteken_blijft_tekst(tmp_path, draai):
    tekst = VOORBEELD.read_text(encoding="utf-8").replace("casussen: ../casussen/hengelo", f"casussen: {os.path.relpath(HENGELO, tmp_path)}")
    for i, (oud, nieuw) in enumerate(
        zip(["naam: Coördinator", "naam: Banner", "naam: Drukwerk", "naam: Directie"], GEVAARLIJK)
    ):
        tekst = tekst.replace(oud, f"naam: '{nieuw}'")
    yaml = tmp_path / "b.yaml"
    yaml.write_text(tekst, encoding="utf-8")
    uit = tmp_path / "b.xlsx"
    assert draai("begroting", yaml, "--xlsx", uit).exit_code == 0
    ws = load_workbook(uit)["Begroting"]
    namen = {c.value: c for (c,) in ws.iter_rows(min_col=1, max_col=1) if c.value in GEVAARLIJK}
    assert set(namen) == set(GEVAARLIJK)
    for cel in namen.values():
        assert cel.data_type == "s" and cel.quotePrefix
    # En terug: dezelfde namen als tekst, dezelfde cijfers.
    assert _json(draai, uit) == _json(draai, yaml)


def _bedorven(tmp_path: Path, wijzigingen: dict) -> Path:
    wb = load_workbook(SJABLOON)
    ws = wb["Begroting"]
    for cel, waarde in wijzigingen.items():
        ws[cel] = waarde
    pad = tmp_path / "fout.xlsx"
    wb.save(pad)
    return pad


FOUTE_CELLEN = [
    ({"B7": "veel"}, ["Begroting!B7: moet een getal zijn, niet de tekst 'veel'"]),
    ({"D14": "80,50"}, [
        "Begroting!D14: deze cel bevat de tekst '80,50' in plaats van een getal; typ een getal, zonder €-teken, "
        "in een cel zonder tekstopmaak"
    ]),
    ({"B8": 0, "D14": -5}, [
        "Begroting!B8: moet groter dan 0 zijn (gevonden: 0)",
        "Begroting!D14: mag niet negatief zijn (gevonden: -5)",
    ]),
    ({"E15": "Provincie", "C16": "misschien"}, [
        "Begroting!E15: onbekende betaler 'Provincie'; kies uit: Bibliotheek, SJD-organisatie, Gemeente",
        "Begroting!C16: vul 'ja' of 'nee' in (gevonden: misschien)",
    ]),
    ({"A14": None}, ["Begroting!A14: deze cel is leeg; vul hem in"]),
    ({"A18": "Vrijwilliger", "B18": 2}, [
        "Begroting!D18: deze cel is leeg; vul hem in",
        "Begroting!E18: deze cel is leeg; vul hem in",
    ]),
    ({"B7": "=40+6"}, ["Begroting!B7: hier hoort een ingevulde waarde, geen formule"]),
]


@pytest.mark.parametrize("wijzigingen, verwacht", FOUTE_CELLEN)
def test_foute_cellen_exacte_meldingen(tmp_path, draai, wijzigingen, verwacht):
    pad = _bedorven(tmp_path, wijzigingen)
    uit = draai("begroting", pad)
    assert uit.exit_code == 2
    assert "Traceback" not in uit.output
    regels = uit.stderr.splitlines()
    assert regels[:-1] == [f"{pad}:" + v.format(d=tmp_path) for v in verwacht]
    assert regels[-1] == f"{len(verwacht)} fout(en) in de invoer; er is niets berekend."


def test_verplaatste_werkmap_rekent_de_kosten_en_zegt_hoe_de_casussen_te_vinden(tmp_path, draai):
    """Een werkmap die haar casussen niet meer vindt (verplaatst): kosten wel, baten niet, en de weg naar de casussen."""
    pad = _bedorven(tmp_path, {"B9": "../nergens"})
    uit = draai("begroting", pad)
    assert uit.exit_code == 0
    assert uit.stderr.splitlines() == [
        f"{pad}:Begroting!B9: casussen: map of variant '../nergens' bestaat niet (gezocht: {tmp_path}/../nergens); "
        "alleen de kosten zijn berekend. Geef de casussen met --casussen MAP, of zet in deze cel het pad naar de "
        "casussenmap, gezien vanaf de map van de werkmap"
    ]
    assert "Totaal eerste jaar" in uit.stdout and "Netto resultaat" not in uit.stdout
    # Met --casussen (vanaf de huidige map) komen de baten terug, en een nieuwe werkmap noemt die map.
    nieuw = tmp_path / "uit" / "nieuw.xlsx"
    nieuw.parent.mkdir()
    uit = draai("begroting", pad, "--casussen", HENGELO, "--xlsx", nieuw)
    assert uit.exit_code == 0 and "Netto resultaat" in uit.stdout
    assert (nieuw.parent / load_workbook(nieuw)["Begroting"][_casussencel(nieuw)].value).resolve() == HENGELO.resolve()
    uit = draai("begroting", pad, "--casussen", tmp_path / "nergens")
    assert uit.exit_code == 2
    assert uit.stderr.splitlines()[0] == f"--casussen: map of variant '{tmp_path / 'nergens'}' bestaat niet"


def test_geen_werkmap_of_geen_begrotingsblad(tmp_path, draai):
    kapot = tmp_path / "kapot.xlsx"
    kapot.write_text("geen zip", encoding="utf-8")
    uit = draai("begroting", kapot)
    assert uit.exit_code == 2
    # Tekst met de naam .xlsx: de melding zegt wat het is (zie ook tests/test_vijandig_invoer.py voor de andere soorten).
    assert uit.stderr.splitlines()[0] == (
        f"{kapot}: dit is een tekstbestand (bijvoorbeeld CSV), geen Excel-werkmap, ook al heet het .xlsx; geef het de naam .csv, "
        "of open het in Excel en sla het op als 'Excel-werkmap (*.xlsx)'"
    )
    # Een onmogelijke datum in een cel: alleen de Nederlandse melding bij de cel, geen waarschuwing van openpyxl.
    datum = _bedorven(tmp_path, {"C16": 2.6e22})
    wb = load_workbook(datum)
    wb["Begroting"]["C16"].number_format = "yyyy-mm-dd"
    wb.save(datum)
    import warnings

    with warnings.catch_warnings(record=True) as gezien:
        warnings.simplefilter("always")
        uit = draai("begroting", datum)
    assert uit.exit_code == 2
    assert uit.stderr.splitlines()[0] == f"{datum}:Begroting!C16: vul 'ja' of 'nee' in (gevonden: #VALUE!)"
    assert [str(w.message) for w in gezien] == []
    from openpyxl import Workbook

    leeg = tmp_path / "leeg.xlsx"
    Workbook().save(leeg)
    uit = draai("begroting", leeg)
    assert uit.stderr.splitlines()[0] == f"{leeg}: blad 'Begroting' ontbreekt; maak een werkmap met 'kostenbaten sjabloon'"


def test_bereken_en_begroting_zonder_xlsx_laden_geen_openpyxl():
    code = (
        "import sys\n"
        "from kostenbaten.cli import app\n"
        "try:\n"
        "    app(['bereken', 'casussen/hengelo'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "try:\n"
        "    app(['begroting', 'templates/voorbeeldbegroting.yaml'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('openpyxl' in sys.modules, 'numpy' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(WORTEL / "src"), os.environ.get("PYTHONPATH")]))}
    uit = subprocess.run([sys.executable, "-c", code], cwd=WORTEL, capture_output=True, text=True, env=env, check=True)
    assert uit.stdout.splitlines()[-1] == "False False"


# -- de KBA als werkmap ----------------------------------------------------------


def _kba_verwacht(map_: Path) -> dict:
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.casussen import laad_project
    from kostenbaten.uitvoer.excel.kba import bouw as bouw_kba

    project = laad_project(map_)
    return bouw_kba(bereken_pilot(project.pilot, project.casussen))[1]


def _kopie_hengelo(tmp_path: Path, **vervang) -> Path:
    """Een kopie van de casussen van Hengelo, met per bestand tekstvervangingen {bestand: [(oud, nieuw)]}."""
    import shutil

    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    for naam, paren in vervang.items():
        pad = map_ / f"{naam.replace('_', '-')}.yaml"
        tekst = pad.read_text(encoding="utf-8")
        for oud, nieuw in paren:
            assert oud in tekst
            tekst = tekst.replace(oud, nieuw)
        pad.write_text(tekst, encoding="utf-8")
    return map_


@pytest.mark.libreoffice
def test_kba_werkmap_rekent_in_libreoffice_als_de_rekenkern(tmp_path, draai):
    uit = tmp_path / "kba.xlsx"
    resultaat = draai("bereken", HENGELO, "--xlsx", uit)
    assert resultaat.exit_code == 0, resultaat.output
    assert vergelijk_met_rekenkern(uit, _kba_verwacht(HENGELO), tmp_path / "lo") > 100
    from libreoffice import uitkomsten

    waarden = uitkomsten(tmp_path / "lo" / "kba.xlsx")
    # De gepubliceerde cijfers van het rapport, door LibreOffice uit de invoercellen berekend.
    labels = {v: k for k, v in waarden.items() if k.startswith("Samenvatting!A")}
    gepubliceerd = {
        label: waarden[labels[label].replace("!A", "!F")]
        for label in ("Gemiddelde netto zonder centen", "Totaal zoals gepubliceerd", "Aandeel cliënt (%)",
                      "Cliënt zoals gepubliceerd", "Overheid zoals gepubliceerd")
    }
    assert gepubliceerd == {
        "Gemiddelde netto zonder centen": 583,
        "Totaal zoals gepubliceerd": 115000,
        "Aandeel cliënt (%)": 68,
        "Cliënt zoals gepubliceerd": 78200,
        "Overheid zoals gepubliceerd": 36800,
    }


@pytest.mark.libreoffice
def test_kba_werkmap_met_kans_en_looptijd(tmp_path, draai):
    # Een kans van slagen en een looptijd korter dan de maanden in beeld raken de andere formules.
    map_ = _kopie_hengelo(
        tmp_path,
        casus_3=[("uren: 2", "uren: 2.5\nkans: 0.5")],
        casus_6=[("maanden: 24", "maanden: 7")],
    )
    uit = tmp_path / "kba.xlsx"
    assert draai("bereken", map_, "--xlsx", uit).exit_code == 0
    assert vergelijk_met_rekenkern(uit, _kba_verwacht(map_), tmp_path / "lo") > 100


def test_kba_werkmap_formules_over_invoercellen(tmp_path, draai):
    uit = tmp_path / "kba.xlsx"
    assert draai("bereken", HENGELO, "--xlsx", uit).exit_code == 0
    wb = load_workbook(uit)
    assert wb.sheetnames == ["Casussen", "Samenvatting", "Grafiek", "Invoer", "Toelichting"]
    casussen = wb["Casussen"]
    assert casussen["A4"].value == "Casus 1: Bezwaarschrift tegen terugvordering van bijstand"
    assert [casussen[f"{k}5"].value for k in "ABCDEF"] == ["Kosten", "Bedrag", "Groep", "Baten", "Bedrag", "Groep"]
    assert casussen["B6"].value == "=$E$4*'Invoer'!$C$8"  # SJD-uren x tarief
    assert casussen["E6"].value == "=G6*MIN(H6,'Invoer'!$B$5)"  # € 50 per maand, hoogstens 12 maanden
    samenvatting = load_workbook(uit)["Samenvatting"]
    formules = [c.value for (c,) in samenvatting.iter_rows(min_col=6, max_col=6) if isinstance(c.value, str) and c.value.startswith("=")]
    assert any(f.startswith("=TRUNC(") for f in formules)
    assert any(f.startswith("=ROUND(") and f.endswith(",-3)") for f in formules)
    assert any("AVERAGEIF(" in f for (c,) in samenvatting.iter_rows(min_col=5, max_col=5) for f in [str(c.value)])


def test_kba_werkmap_nooit_overschrijven_en_tekst_blijft_tekst(tmp_path, draai):
    map_ = _kopie_hengelo(tmp_path, casus_2=[("titel: Bemiddeling", "titel: =Bemiddeling")])
    uit = tmp_path / "kba.xlsx"
    uit.write_bytes(b"bestaand")
    weigering = draai("bereken", map_, "--xlsx", uit)
    assert weigering.exit_code == 2 and uit.read_bytes() == b"bestaand"
    assert draai("bereken", map_, "--xlsx", uit, "--overschrijf").exit_code == 0
    samenvatting = load_workbook(uit)["Samenvatting"]
    titel = next(c for (c,) in samenvatting.iter_rows(min_col=2, max_col=2) if str(c.value).startswith("=Bemiddeling"))
    assert titel.data_type == "s" and titel.quotePrefix


@pytest.mark.libreoffice
def test_kba_werkmap_na_wijziging_in_de_invoer(tmp_path, draai):
    """Een invoercel wijzigen (zoals een gebruiker in Excel) en LibreOffice laten herberekenen."""
    uit = tmp_path / "kba.xlsx"
    assert draai("bereken", HENGELO, "--xlsx", uit).exit_code == 0
    wb = load_workbook(uit)
    wb["Invoer"]["B4"] = 400  # hulpvragen
    wb["Casussen"]["E4"] = 3  # SJD-uren casus 1
    gewijzigd = tmp_path / "gewijzigd" / "kba.xlsx"
    gewijzigd.parent.mkdir()
    wb.save(gewijzigd)
    map_ = _kopie_hengelo(tmp_path, pilot=[("hulpvragen: 300", "hulpvragen: 400")], casus_1=[("uren: 2", "uren: 3")])
    assert vergelijk_met_rekenkern(gewijzigd, _kba_verwacht(map_), tmp_path / "lo") > 100


# -- afdrukken ----------------------------------------------------------------------


def _breedte(ws, cel) -> float:
    """De breedte van de cel in eenheden, over alle kolommen als hij samengevoegd is."""
    from kostenbaten.uitvoer.excel.blad import kolombreedte

    for bereik in ws.merged_cells.ranges:
        if bereik.min_row == cel.row and bereik.min_col == cel.column:
            return sum(kolombreedte(ws, k) for k in range(bereik.min_col, bereik.max_col + 1))
    return kolombreedte(ws, cel.column)


def _controleer_afdruk(ws):
    """Afgebroken tekst past in de hoogte van zijn rij; andere tekst past op één regel, ook doorlopend over lege cellen."""
    from openpyxl.utils import range_boundaries

    from kostenbaten.uitvoer.excel.blad import (
        REGELHOOGTE,
        kolombreedte,
        regels,
        tekstbreedte,
    )

    laatste_kolom = range_boundaries(ws.print_area.split("!")[-1].replace("$", ""))[2]
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    for rij in ws.iter_rows(max_col=laatste_kolom):
        for cel in rij:
            if not isinstance(cel.value, str) or cel.data_type != "s":
                continue
            grootte = (cel.font.sz or 11) / 11
            if cel.alignment.wrap_text:
                nodig = regels(cel.value, _breedte(ws, cel), cel.font) * REGELHOOGTE * grootte
                hoogte = ws.row_dimensions[cel.row].height or REGELHOOGTE
                assert hoogte >= nodig, (ws.title, cel.coordinate, cel.value, hoogte, nodig)
                continue
            ruimte, k = kolombreedte(ws, cel.column), cel.column
            while k < laatste_kolom and ws.cell(cel.row, k + 1).value is None:
                k += 1
                ruimte += kolombreedte(ws, k)
            assert tekstbreedte(cel.value, cel.font) <= ruimte - 1, (ws.title, cel.coordinate, cel.value)


def _gecontroleerd(draai, *opdracht) -> object:
    """Maakt een werkmap met de opdracht (laatste argument: het doel) en controleert de afdruk van elk blad."""
    assert draai(*opdracht).exit_code == 0
    wb = load_workbook(opdracht[-1])
    for ws in wb.worksheets:
        _controleer_afdruk(ws)
    return wb


def test_begroting_drukt_af_zonder_overlap_of_afgesneden_tekst(tmp_path, draai):
    from kostenbaten.uitvoer.excel.blad import (
        EURO,
        EURO_LEEG,
        REGELHOOGTE,
        TOELICHTINGBREEDTE,
    )

    wb = _gecontroleerd(draai, "begroting", VOORBEELD, "--xlsx", tmp_path / "begroting.xlsx")
    ws = wb["Begroting"]
    # Een kopregel die afbreekt krijgt de hoogte van twee regels.
    kop = next(c for (c,) in ws.iter_rows(min_col=3, max_col=3) if c.value == "SJD-uren? (ja/nee)")
    assert ws.row_dimensions[kop.row].height >= 2 * REGELHOOGTE
    # Naam, omschrijving en casussenmap lopen door tot en met kolom F.
    assert {"B5:F5", "B6:F6", "B9:F9"} <= {str(r) for r in ws.merged_cells.ranges}
    # Lege invoerregels drukken leeg af, ingevulde regels met hun bedrag.
    assert ws["F13"].number_format == EURO and ws["A13"].value
    leeg = next(r for r in range(13, 30) if ws[f"A{r}"].value is None)
    assert ws[f"F{leeg}"].number_format == EURO_LEEG and ws[f"F{leeg}"].value.startswith("=")
    # Eén kolom breder dan de pagina verkleint LibreOffice niet: de toelichting past staand op A4.
    toelichting = wb["Toelichting"]
    assert toelichting.column_dimensions["A"].width == TOELICHTINGBREEDTE <= 68
    assert toelichting.page_setup.orientation == "portrait"


def test_kba_werkmap_drukt_af_zonder_overlap_of_afgesneden_tekst(tmp_path, draai):
    ws = _gecontroleerd(draai, "bereken", HENGELO, "--xlsx", tmp_path / "kba.xlsx")["Casussen"]
    erratum = next(c for (c,) in ws.iter_rows(max_col=1) if str(c.value).startswith("Erratum"))
    assert f"A{erratum.row}:H{erratum.row}" in {str(r) for r in ws.merged_cells.ranges}


def _kaal(tekst: str) -> str:
    """Tekst zonder witruimte en koppeltekens: pdftotext plakt een woord dat na '-' afbreekt aan elkaar."""
    return "".join(tekst.split()).replace("-", "")


def _afdruktekst(werkmap: Path, uitmap: Path, *opties: str) -> str:
    """De tekst van de afdruk door LibreOffice (pdftotext); zonder poppler-utils overgeslagen, behalve in CI."""
    from systeem import vereis

    vereis("pdftotext")
    pdf = als_pdf(werkmap, uitmap)
    return subprocess.run(["pdftotext", *opties, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _pdftekst(werkmap: Path, uitmap: Path) -> str:
    """De tekst van de afdruk door LibreOffice, kaal (afbreken mag, afsnijden niet)."""
    return _kaal(_afdruktekst(werkmap, uitmap))


@pytest.mark.libreoffice
@pytest.mark.poppler
def test_afdruk_van_libreoffice_bevat_alle_tekst(tmp_path, draai):
    from kostenbaten.uitvoer.excel.begroting import TOELICHTING as BEGROTING
    from kostenbaten.uitvoer.excel.kba import TOELICHTING as KBA

    begroting, kba = tmp_path / "begroting.xlsx", tmp_path / "kba.xlsx"
    assert draai("begroting", VOORBEELD, "--xlsx", begroting).exit_code == 0
    assert draai("bereken", HENGELO, "--xlsx", kba).exit_code == 0
    for werkmap, alineas in ((begroting, BEGROTING), (kba, KBA)):
        afdruk = _pdftekst(werkmap, tmp_path / "pdf")
        for alinea in alineas:
            assert _kaal(alinea) in afdruk, alinea
    ws = load_workbook(begroting)["Begroting"]
    afdruk = _pdftekst(begroting, tmp_path / "pdf")
    for cel in ("B5", "B6"):
        assert _kaal(ws[cel].value) in afdruk
    casussen = load_workbook(kba)["Casussen"]
    afdruk = _pdftekst(kba, tmp_path / "pdf")
    for (cel,) in casussen.iter_rows(max_col=1):
        if str(cel.value).startswith("Erratum"):
            assert _kaal(cel.value) in afdruk


# -- afdruk van elke werkmap, zoals de documentatie hem belooft -----------------------------

DOCS = ("docs/begroting.md", "docs/analyse.md", "docs/onzekerheid.md")
# "De werkmap van `kostenbaten gevoeligheid casussen/hengelo --xlsx` drukt af op 4 pagina's A4"
BELOFTE = re.compile(r"De werkmap van `kostenbaten ([\w-]+) ([^`]+?) --xlsx` drukt af op (\d+) pagina's")
# Opdracht bij elke analyse met een werkmap; de casussenwerkmap is invoer (zie test_casussenwerkmap.py).
OPDRACHT = {"kba": "bereken", "vergelijking": "vergelijk", "waarde_informatie": "waarde-informatie"}
BEDRAG_NL = re.compile(r"-?€ \d{1,3}(?:\.\d{3})*,\d{2}\b")
BEDRAG_EN = re.compile(r"€ -?\d{1,3}(?:,\d{3})+(?:\.\d{2})?\b|€ -?\d+\.\d{2}\b|€ -")
# Interne sleutels die een lezer niet hoort te zien: de groep zonder trema, sleutels van gevarieerde invoer en bladen.
SLEUTELS = re.compile(r"\bclient\b|baat\.casus-|kengetallen\.\w|tarieven\.\w|Geextrapoleerd")


def _beloftes() -> dict[str, tuple[str, int]]:
    beloftes = {}
    for doc in DOCS:
        for opdracht, pad, paginas in BELOFTE.findall((WORTEL / doc).read_text(encoding="utf-8")):
            beloftes[opdracht] = (pad, int(paginas))
    return beloftes


def test_de_documentatie_noemt_het_aantal_paginas_van_elke_werkmap():
    from kostenbaten.uitvoer.register import AANBOD

    # De monitor heeft geen bedragen (de afdruktest zoekt er een); haar werkmap wordt in test_monitor.py getoetst.
    assert set(_beloftes()) == {OPDRACHT.get(a, a) for a, f in AANBOD.items() if "excel" in f and a not in ("casussen", "monitor")}


@pytest.mark.libreoffice
@pytest.mark.poppler
@pytest.mark.parametrize("opdracht", sorted(_beloftes()))
def test_werkmap_drukt_af_op_het_gedocumenteerde_aantal_paginas(opdracht, tmp_path, draai):
    """LibreOffice onder LANG=C.UTF-8: het aantal pagina's uit de docs, Nederlandse bedragen, geen interne sleutels."""
    pad, paginas = _beloftes()[opdracht]
    werkmap = tmp_path / f"{opdracht}.xlsx"
    assert draai(opdracht, *(WORTEL / p for p in pad.split()), "--xlsx", werkmap).exit_code == 0
    tekst = _afdruktekst(werkmap, tmp_path / "pdf", "-layout")
    # pdftotext sluit elke pagina af met een form feed.
    assert tekst.count("\f") == paginas, f"{opdracht}: {tekst.count(chr(12))} pagina's, de docs noemen er {paginas}"
    assert BEDRAG_NL.search(tekst), tekst[:2000]
    assert not BEDRAG_EN.findall(tekst), BEDRAG_EN.findall(tekst)
    assert not SLEUTELS.findall(tekst), SLEUTELS.findall(tekst)
