"""Hulpvragen per rechtsgebied als aantal: het aandeel is de exacte breuk, de totalen kloppen tot op de cent.

Een bibliotheek met 410 hulpvragen, waarvan 164, 98 en 57 in drie
rechtsgebieden (de overige 91 zonder rechtsgebied). 98 van 410 is
23,9024390...%: als aandeel getypt (23,9) geeft dat 97,99 hulpvragen; als
aantal blijft het 98.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

PILOT = """\
naam: Bibliotheek Mijnstad
periode:
  van: 2024-01-01
  tot: 2024-12-31
hulpvragen: 410
rechtsgebieden:
  werk:
    naam: Werk en inkomen
    hulpvragen: 164
  schulden:
    naam: Schulden
    hulpvragen: 98
  wonen:
    naam: Wonen
    hulpvragen: 57
tarieven:
  sjd:
    naam: Inzet SJD
    per_uur: 60
    betaler: rijk
"""

CASUSSEN = {
    1: ("werk", 2, None, 500, "client"),
    2: ("werk", 3, None, 800, "gemeente"),
    3: ("schulden", 1, None, 300, "client"),
    4: ("wonen", 4, "0.6", 1000, "rijk"),
}


def schrijf_map(map_: Path, pilot: str = PILOT) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "pilot.yaml").write_text(pilot, encoding="utf-8")
    for nummer, (gebied, uren, kans, bedrag, actor) in CASUSSEN.items():
        regels = [f"nummer: {nummer}", f"titel: Casus {nummer}", f"rechtsgebied: {gebied}", f"uren: {uren}"]
        if kans:
            regels.append(f"kans: {kans}")
        regels += ["baten:", "  - omschrijving: Vermeden kosten", f"    bedrag: {bedrag}", f"    actor: {actor}"]
        (map_ / f"casus-{nummer}.yaml").write_text("\n".join(regels) + "\n", encoding="utf-8")
    return map_


@pytest.fixture
def mijnstad(tmp_path) -> Path:
    return schrijf_map(tmp_path / "mijnstad")


def _json(cli, bron) -> dict:
    code, uit, fout = cli("bereken", bron, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


def _controleer_totalen(d: dict) -> None:
    # Met de hand, tarief € 60 per uur:
    #   casus 1: 500 - 2 x 60 = 380;  casus 2: 800 - 3 x 60 = 620;
    #   casus 3: 300 - 1 x 60 = 240;  casus 4: 0,6 x 1000 - 4 x 60 = 600 - 240 = 360.
    assert [c["netto"] for c in d["casussen"]] == ["380", "620", "240", "360"]
    rapport, gewogen = d["extrapolatie"]
    # Rapport: gedekt 164 + 98 + 57 = 319 hulpvragen; gemiddelde (380 + 620 + 240 + 360) / 4 = 400; 400 x 319 = 127.600.
    assert (rapport["gedekt"], rapport["totaal"]) == ("319", "127600")
    # Gewogen: werk (380 + 620) / 2 x 164 = 500 x 164 = 82.000; schulden 240 x 98 = 23.520; wonen 360 x 57 = 20.520;
    # samen 82.000 + 23.520 + 20.520 = 126.040 (met 23,9% voor schulden zou het 97,99 x 240 = 23.517,60 zijn).
    assert [(g["hulpvragen"], g["totaal"]) for g in gewogen["per_rechtsgebied"]] == [
        ("164", "82000"), ("98", "23520"), ("57", "20520")
    ]
    assert gewogen["totaal"] == "126040"
    # Cliënt (de kosten draagt het rijk): werk (500 + 0) / 2 x 164 = 250 x 164 = 41.000; schulden 300 x 98 = 29.400;
    # wonen 0; samen 41.000 + 29.400 = 70.400.
    assert gewogen["client"] == "70400"


def test_aantallen_geven_de_met_de_hand_berekende_totalen_exact(mijnstad, cli):
    d = _json(cli, mijnstad)
    _controleer_totalen(d)
    # 319 van 410 = 77,804878...%: niet eindig, dus op vier decimalen; het aantal staat erbij.
    assert d["dekking_procent"] == "77.8049"
    assert d["rechtsgebieden"]["werk"] == {"naam": "Werk en inkomen", "aandeel": "40", "aandeel_exact": True, "hulpvragen": "164"}
    # 98 / 410 x 100 = 23,90243902...; op vier decimalen 23,9024.
    assert d["rechtsgebieden"]["schulden"] == {"naam": "Schulden", "aandeel": "23.9024", "aandeel_exact": False, "hulpvragen": "98"}


def test_de_terminal_toont_het_aandeel_afgerond_en_het_aantal_exact(mijnstad, cli):
    code, uit, fout = cli("bereken", mijnstad)
    assert code == 0, fout
    regel = [r for r in uit.splitlines() if "Schulden" in r][-1]  # de tabel per rechtsgebied
    # 23,902439...% op twee decimalen (afronden_op_aandeel): 23,90%; de hulpvragen exact 98.
    assert "23,90%" in regel and " 98 " in regel, regel


def test_aantal_en_aandeel_samen_moeten_kloppen(tmp_path, cli):
    goed = schrijf_map(tmp_path / "goed", PILOT.replace("    hulpvragen: 98\n", "    hulpvragen: 98\n    aandeel: 23.9\n"))
    _controleer_totalen(_json(cli, goed))  # 23,9 is 23,902...% op één decimaal: het klopt, het aantal telt
    fout_ = schrijf_map(tmp_path / "fout", PILOT.replace("    hulpvragen: 98\n", "    hulpvragen: 98\n    aandeel: 25\n"))
    code, uit, fout = cli("bereken", fout_)
    assert code == 2 and uit == ""
    assert "98 van 410 hulpvragen is 23.9024%, niet het opgegeven aandeel van 25%" in fout


def test_meer_hulpvragen_in_rechtsgebieden_dan_in_de_pilot_is_een_fout(tmp_path, cli):
    map_ = schrijf_map(tmp_path / "teveel", PILOT.replace("hulpvragen: 164", "hulpvragen: 300"))
    code, uit, fout = cli("bereken", map_)
    assert code == 2 and uit == ""
    assert "meer hulpvragen dan de 410 hulpvragen van de pilot" in fout, fout


def test_omzetten_naar_werkmap_en_terug_houdt_de_aantallen(mijnstad, tmp_path, cli):
    from openpyxl import load_workbook

    werkmap = tmp_path / "mijnstad.xlsx"
    assert cli("omzetten", mijnstad, werkmap)[0] == 0
    ws = load_workbook(werkmap)["Rechtsgebieden"]
    koppen = [c.value for c in ws[1]]
    assert ws.cell(3, koppen.index("Hulpvragen") + 1).value == 98
    assert ws.cell(3, koppen.index("Aandeel (%)") + 1).value is None  # het aandeel volgt uit het aantal
    _controleer_totalen(_json(cli, werkmap))
    terug = tmp_path / "terug"
    assert cli("omzetten", werkmap, terug)[0] == 0
    tekst = (terug / "pilot.yaml").read_text(encoding="utf-8")
    assert "hulpvragen: 98" in tekst and "aandeel" not in tekst
    _controleer_totalen(_json(cli, terug))


def test_een_werkmap_met_aantallen_geeft_dezelfde_totalen(mijnstad, tmp_path, cli):
    """Een werkmap uit het sjabloon, met de aantallen in de kolom Hulpvragen getypt."""
    from openpyxl import load_workbook

    werkmap = tmp_path / "mijnstad.xlsx"
    assert cli("omzetten", mijnstad, werkmap)[0] == 0
    wb = load_workbook(werkmap)
    ws = wb["Rechtsgebieden"]
    koppen = [c.value for c in ws[1]]
    h, a = koppen.index("Hulpvragen") + 1, koppen.index("Aandeel (%)") + 1
    # Schulden: het aandeel zoals iemand het typt (23,9) naast het aantal; werk: alleen het aandeel 40 (164 / 410 = 0,4 exact).
    ws.cell(3, a).value = 23.9
    ws.cell(2, h).value = None
    ws.cell(2, a).value = 40
    wb.save(werkmap)
    _controleer_totalen(_json(cli, werkmap))


KOPPELING = """\
kolommen:
  datum: Datum
  onderwerp: Onderwerp
onderwerpen:
  werk: [Uitkering]
  schulden: [Deurwaarder]
  wonen: [Huur]
"""


def test_registratie_variant_schrijft_aantallen_en_rekent_exact(mijnstad, tmp_path, cli):
    """Een export van 410 hulpvragen: 164 Uitkering, 98 Deurwaarder, 57 Huur en 91 Overig (zonder rechtsgebied)."""
    import yaml

    regels = ["Datum;Onderwerp"]
    for onderwerp, aantal in (("Uitkering", 164), ("Deurwaarder", 98), ("Huur", 57), ("Overig", 91)):
        regels += [f"{1 + i % 28}-3-2024;{onderwerp}" for i in range(aantal)]
    export = tmp_path / "export.csv"
    export.write_text("\n".join(regels) + "\n", encoding="utf-8")
    koppeling = tmp_path / "koppeling.yaml"
    koppeling.write_text(KOPPELING, encoding="utf-8")
    variant = tmp_path / "mijnstad-eigen.yaml"
    code, uit, fout = cli("registratie", export, "--koppeling", koppeling, "--casussen", mijnstad, "--variant", variant)
    assert code == 0, fout
    inhoud = yaml.safe_load(variant.read_text(encoding="utf-8"))
    assert inhoud["pilot"]["hulpvragen"] == 410
    assert inhoud["rechtsgebieden"] == {"werk": {"hulpvragen": 164}, "schulden": {"hulpvragen": 98}, "wonen": {"hulpvragen": 57}}
    _controleer_totalen(_json(cli, variant))


def test_een_variant_met_aantallen_op_een_basis_met_aandelen(tmp_path, cli):
    """Het aantal uit de variant vervangt het aandeel van de basis (anders zouden ze samen moeten kloppen)."""
    basis = schrijf_map(
        tmp_path / "basis",
        PILOT.replace("hulpvragen: 164", "aandeel: 50").replace("hulpvragen: 98", "aandeel: 10").replace("hulpvragen: 57", "aandeel: 5"),
    )
    variant = tmp_path / "v.yaml"
    variant.write_text(
        "naam: Geteld\nbasis: basis\nrechtsgebieden:\n  werk: {hulpvragen: 164}\n  schulden: {hulpvragen: 98}\n  wonen: {hulpvragen: 57}\n",
        encoding="utf-8",
    )
    _controleer_totalen(_json(cli, variant))
    # Alleen het totaal vervangen op een basis die telt: de aandelen zouden stil veranderen; dat is een fout.
    alleen_totaal = tmp_path / "totaal.yaml"
    alleen_totaal.write_text("naam: Meer\nbasis: mijnstad\npilot:\n  hulpvragen: 900\n", encoding="utf-8")
    schrijf_map(tmp_path / "mijnstad")
    code, uit, fout = cli("bereken", alleen_totaal)
    assert code == 2 and uit == ""
    assert f"{alleen_totaal}:4: pilot.hulpvragen: de basis telt 164 hulpvragen in rechtsgebied 'werk'" in fout, fout


def test_controleer_op_een_werkmap_spreekt_van_de_werkmap(mijnstad, tmp_path, cli):
    werkmap = tmp_path / "mijnstad.xlsx"
    assert cli("omzetten", mijnstad, werkmap)[0] == 0
    code, uit, fout = cli("controleer", werkmap)
    assert code == 0, fout
    assert uit.strip() == f"Niets na te rekenen: {werkmap} heeft geen blad Gepubliceerd met cijfers uit een rapport."
