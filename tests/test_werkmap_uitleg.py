"""De casussenwerkmap legt zichzelf uit: verplicht en optioneel zien er anders uit, de uitleg komt uit het model,
en meldingen spreken de taal van de werkmap (kolomkoppen, cellen), niet die van YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import HENGELO

from kostenbaten.model.casus import STANDAARD_ACTOREN
from kostenbaten.model.casussenwerkmap import PILOTVELDEN, TABELLEN
from kostenbaten.uitvoer.excel.blad import EURO, INVOER, OPTIONEEL, AFGELEID


@pytest.fixture
def werkmap(tmp_path, cli) -> Path:
    pad = tmp_path / "hengelo.xlsx"
    code, _, fout = cli("omzetten", HENGELO, pad)
    assert code == 0, fout
    return pad


def _kleur(cel) -> str:
    return cel.fill.start_color.rgb[-6:]


def test_verplichte_en_optionele_cellen_hebben_een_andere_vulling(werkmap):
    wb = load_workbook(werkmap)
    assert INVOER.start_color.rgb[-6:] != OPTIONEEL.start_color.rgb[-6:]
    for tabel in TABELLEN:
        ws = wb[tabel.blad]
        for i, kolom in enumerate(tabel.kolommen, start=1):
            # Een lege invoerregel onderaan (rij 2 + aantal regels + 1 valt altijd binnen de lege rijen).
            cel = ws.cell(ws.max_row, i)
            verwacht = INVOER if kolom.verplicht else OPTIONEEL
            assert _kleur(cel) == verwacht.start_color.rgb[-6:], (tabel.blad, kolom.kop)
            assert ws.cell(1, i).font.italic == (not kolom.verplicht), (tabel.blad, kolom.kop)
            if kolom.geld:  # het euroformaat ook op een lege regel
                assert cel.number_format == EURO, (tabel.blad, kolom.kop)
    pilot = wb["Pilot"]
    for rij, veld in enumerate(PILOTVELDEN, start=2):
        assert _kleur(pilot[f"B{rij}"]) == (INVOER if veld.verplicht else OPTIONEEL).start_color.rgb[-6:], veld.label


def test_de_bereikkolommen_staan_gegroepeerd(werkmap):
    ws = load_workbook(werkmap)["Casussen"]
    koppen = [c.value for c in ws[1]]
    # Uren min tot en met Uren 90% tot (E-H) en Kans min tot en met Kans 90% tot (J-M).
    assert koppen[4:8] == ["Uren min", "Uren max", "Uren 90% van", "Uren 90% tot"]
    groepen = sorted((d.min, d.max) for d in ws.column_dimensions.values() if d.outline_level == 1)
    assert groepen == [(5, 8), (10, 13)]


@pytest.mark.libreoffice
def test_een_baat_met_kengetal_toont_bedrag_en_actor_met_een_formule(werkmap, tmp_path):
    from libreoffice import herbereken

    ws = load_workbook(werkmap)["Baten"]
    koppen = [c.value for c in ws[1]]
    rij = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, koppen.index("Kengetal") + 1).value == "toevoeging")
    bedrag = ws.cell(rij, koppen.index("Bedrag (€)") + 1)
    actor = ws.cell(rij, koppen.index("Actor") + 1)
    assert bedrag.data_type == "f" and "VLOOKUP" in bedrag.value and _kleur(bedrag) == AFGELEID.start_color.rgb[-6:]
    # LibreOffice rekent ze uit: de toevoeging is € 800 voor het rijk (casussen/hengelo/pilot.yaml).
    berekend = load_workbook(herbereken(werkmap, tmp_path / "lo"), data_only=True)["Baten"]
    assert (berekend[bedrag.coordinate].value, berekend[actor.coordinate].value) == (800, "rijk")


def test_uitleg_noemt_elke_ingebouwde_actor_met_zijn_groep(werkmap):
    ws = load_workbook(werkmap)["Uitleg"]
    regels: dict = {}
    for r in range(1, ws.max_row + 1):  # de eerste regel per naam: de ingebouwde actoren staan voor de kolommen van de bladen
        if ws.cell(r, 1).value:
            regels.setdefault(ws.cell(r, 1).value, ws.cell(r, 2).value)
    for sleutel, actor in STANDAARD_ACTOREN.items():
        assert regels[sleutel].startswith(f"{actor.naam}, groep {actor.groep}."), sleutel
    assert "bibliotheek" in regels and "groep overheid" in regels["bibliotheek"] and "groep overig" in regels["werkgever"]
    teksten = " ".join(str(ws.cell(r, 1).value) for r in range(1, ws.max_row + 1))
    assert regels["Groep overheid"].startswith("Gemeente, Rijk en de andere overheden, met de bibliotheek")
    assert regels["Groep overig"].startswith("Alle andere partijen: woningcorporatie, schuldeiser")
    assert "Formules:" in teksten  # de regel over formules staat erop
    # Het blad Actoren noemt alle ingebouwde, uit het model.
    actoren = next(t for t in TABELLEN if t.blad == "Actoren")
    assert all(s in actoren.uitleg for s in STANDAARD_ACTOREN) and f"{len(STANDAARD_ACTOREN)} ingebouwde" in actoren.uitleg
    # De keuzelijst Actor (verborgen blad Lijsten) heeft dezelfde ingebouwde actoren.
    lijsten = load_workbook(werkmap)["Lijsten"]
    assert [lijsten.cell(r, 1).value for r in range(2, 2 + len(STANDAARD_ACTOREN))] == list(STANDAARD_ACTOREN)


# YAML-woorden die in een melding over een werkmap niet horen: sleutels tussen aanhalingstekens en de decimale punt.
YAML_WOORDEN = ("'kengetal'", "'bedrag'", "'per_maand'", "'maanden'", "'min'", "'max'", "'interval_90'", "'waarde'",
                "'omschrijving'", "'actor'", "'tot'", "'van'", "-blok", "punt", "sleutel ontbreekt", "baten[", "aandeel.")


def test_geen_melding_over_een_werkmap_noemt_een_yaml_sleutel(werkmap, cli):
    wb = load_workbook(werkmap)
    kop = lambda blad, naam: [c.value for c in wb[blad][1]].index(naam) + 1  # noqa: E731
    baten, casussen, pilot = wb["Baten"], wb["Casussen"], wb["Pilot"]
    baten.cell(3, kop("Baten", "Bedrag (€)")).value = 100  # regel met kengetal toevoeging: ook een bedrag
    baten.cell(2, kop("Baten", "Maanden")).value = None  # per maand zonder looptijd
    vast = next(r for r in range(3, baten.max_row + 1) if baten.cell(r, kop("Baten", "Kengetal")).value is None
                and baten.cell(r, kop("Baten", "Bedrag (€)")).value is not None)
    baten.cell(vast, kop("Baten", "Omschrijving")).value = None  # baat zonder kengetal en zonder omschrijving
    casussen.cell(2, kop("Casussen", "Uren min")).value = 1  # min zonder max
    casussen.cell(3, kop("Casussen", "Uren min")).value = 5  # waarde buiten het bereik
    casussen.cell(3, kop("Casussen", "Uren max")).value = 9
    casussen.cell(4, kop("Casussen", "Uren")).value = 2.5  # geen probleem: uren mogen decimalen
    casussen.cell(5, kop("Casussen", "Kans")).value = 1.5  # kans boven 1
    wb["Tarieven"].cell(2, kop("Tarieven", "Per uur (€)")).value = 80.125  # meer dan centen
    wb["Rechtsgebieden"].cell(2, kop("Rechtsgebieden", "Aandeel (%)")).value = 0.5  # aandeel dat niet klopt met ...
    wb["Rechtsgebieden"].cell(2, kop("Rechtsgebieden", "Hulpvragen")).value = 99  # ... het aantal
    pilot["B5"] = pilot["B4"].value.replace(year=2020)  # Periode tot voor Periode van
    wb.save(werkmap)
    code, uit, fout = cli("bereken", werkmap)
    assert code == 2 and uit == ""
    regels = fout.splitlines()[:-1]
    # Een fout in een veld (het tarief) laat de controles over de hele pilot (aantal en aandeel samen) nog niet toe.
    assert len(regels) >= 8, fout
    for regel in regels:
        assert regel.startswith(f"{werkmap}:") and "!" in regel.split(": ")[0], regel  # elke melding noemt blad en cel
        for woord in YAML_WOORDEN:
            assert woord not in regel, (woord, regel)
    melding = {r.split(": ", 1)[0].rsplit(":", 1)[1]: r.split(": ", 1)[1] for r in regels}
    # De cel die fout is: het bedrag naast het kengetal, niet de kolom Casus.
    assert melding[f"Baten!{baten.cell(3, kop('Baten', 'Bedrag (€)')).column_letter}3"] == (
        "deze regel heeft al een Kengetal; laat Bedrag (€) leeg (het bedrag komt dan van blad Kengetallen)"
    )
    assert "80,125" in melding["Tarieven!C2"]  # een komma, zoals de cel het toont
