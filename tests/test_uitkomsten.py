"""`kostenbaten uitkomsten`: de waarde van getelde uitkomsten met een waardekaart, in beide blikken."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import vervang

KOPPELING = """\
kolommen:
  datum: Datum
  onderwerp: Onderwerp
  uitkomsten: Uitkomst
onderwerpen:
  sociaal_zekerheidsrecht: [Uitkering]
  consumentenzaken: [Schulden]
  belastingrecht: [Toeslagen]
"""

# Zes hulpvragen, vier met een uitkomst; 'Huur' kent de koppeling niet (zonder rechtsgebied).
EXPORT = """\
Datum;Onderwerp;Uitkomst
3-1-2024;Uitkering;toevoeging_voorkomen
4-1-2024;Uitkering;"Toevoeging_voorkomen; uitkering_behouden"
5-1-2024;Schulden;schuld_geregeld
6-1-2024;Schulden;
7-1-2024;Huur;schuld_geregeld
8-1-2024;Toeslagen;
"""

KAART = """\
attributie: 10
attributie_bron: aanname
uitkomsten:
  toevoeging_voorkomen:
    omschrijving: Geen toevoeging nodig
    contrafeitelijk: {kans: 25, bron: aanname}
    effecten:
      - kengetal: toevoeging
      - {soort: geinduceerd, omschrijving: Extra gesprek bij de gemeente, bedrag: 40, actor: gemeente, bron: aanname, prijspeil: 2024}
  uitkering_behouden:
    omschrijving: Uitkering blijft doorlopen
    contrafeitelijk: {kans: 50, bron: aanname}
    effecten:
      - {soort: overdracht, bedrag: 1200, actor: client, van: gemeente, bron: aanname, prijspeil: 2024}
  schuld_geregeld:
    omschrijving: Schuld geregeld zonder traject
    contrafeitelijk: {kans: 20, bron: aanname}
    effecten:
      - kengetal: schuldhulpverlening
"""

TELLING = """\
hulpvragen: 6
met_uitkomst: 4
tellingen:
  sociaal_zekerheidsrecht: {toevoeging_voorkomen: 2, uitkering_behouden: 1}
  consumentenzaken: {schuld_geregeld: 1}
  belastingrecht: {}
  zonder_rechtsgebied: {schuld_geregeld: 1}
"""


@pytest.fixture
def map_(tmp_path, cli):
    code, _, fout = cli("nieuw", tmp_path / "stad")
    assert code == 0, fout
    # Geregistreerde uren: de kosten van het programma zijn 2 uur x (80 + 30 + 10) = € 240 per hulpvraag, alles voor het rijk.
    vervang(tmp_path / "stad" / "pilot.yaml", "\nmaanden_in_beeld:", "\nuren_per_hulpvraag: 2\nmaanden_in_beeld:")
    (tmp_path / "stad" / "registratie" / "uitkomsten.yaml").write_text(KAART, encoding="utf-8")
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    (tmp_path / "koppeling.yaml").write_text(KOPPELING, encoding="utf-8")
    (tmp_path / "telling.yaml").write_text(TELLING, encoding="utf-8")
    return tmp_path / "stad"


def _json(cli, *args):
    code, uit, fout = cli("uitkomsten", *args, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


def _d(tekst) -> Decimal:
    return Decimal(tekst)


def _kern(doc) -> dict:
    return {
        "volledigheid": (doc["hulpvragen"], doc["volledigheid"]["met_uitkomst"]),
        "gebieden": {g: (_d(v["middelen"]), _d(v["geinduceerd"]), _d(v["overdrachten"])) for g, v in doc["rechtsgebieden"].items()},
        "maatschappelijk": {k: (_d(v) if k != "kosten_route" else v) for k, v in doc["maatschappelijk"].items()},
        "verdeling": {r["actor"]: tuple(_d(r[k]) for k in ("betaalt", "middelen", "ontvangt", "geeft", "geinduceerd", "saldo")) for r in doc["verdeling"]},
    }


def test_registratie_met_uitkomstcodes_met_de_hand(map_, cli):
    doc = _json(cli, map_, map_.parent / "export.csv")
    # Volledigheid: 4 van de 6 hulpvragen hebben een uitkomst = 66,67%, boven de standaardgrens van 50%.
    assert doc["hulpvragen"] == 6 and doc["volledigheid"]["met_uitkomst"] == 4
    assert _d(doc["volledigheid"]["procent"]).quantize(Decimal("0.01")) == Decimal("66.67")
    assert doc["volledigheid"]["te_laag"] is False
    k = _kern(doc)
    # toevoeging_voorkomen, 2 keer (hoofdletters tellen niet): factor (1 - 0,25) x (1 - 0,10) = 0,675.
    #   kengetal toevoeging € 800 (rijk, middelen): 2 x 800 x 0,675 = 1.080
    #   veroorzaakte kost € 40 (gemeente): 2 x 40 x 0,675 = 54
    # uitkering_behouden, 1 keer: overdracht 1 x 1.200 x 0,5 x 0,9 = 540, van gemeente naar cliënt.
    # schuld_geregeld, 1 keer bij consumentenzaken en 1 keer zonder rechtsgebied:
    #   kengetal schuldhulpverlening € 180 (gemeente): 180 x 0,8 x 0,9 = 129,60 elk.
    assert k["gebieden"] == {
        "sociaal_zekerheidsrecht": (Decimal(1080), Decimal(54), Decimal(540)),
        "consumentenzaken": (Decimal("129.6"), Decimal(0), Decimal(0)),
        "belastingrecht": (Decimal(0), Decimal(0), Decimal(0)),
        "zonder_rechtsgebied": (Decimal("129.6"), Decimal(0), Decimal(0)),
    }
    # Maatschappelijk: middelen 1.080 + 129,60 + 129,60 = 1.339,20; min veroorzaakt 54; min programma 240 x 6 = 1.440.
    # Saldo 1.339,20 - 54 - 1.440 = -154,80; de overdracht van 540 telt niet.
    assert k["maatschappelijk"] == {
        "middelen": Decimal("1339.2"), "geinduceerd": Decimal(54), "overdrachten_apart": Decimal(540),
        "kosten_programma": Decimal(1440), "kosten_route": "registratie", "saldo": Decimal("-154.8"),
    }
    # Verdeling (betaalt, middelen, ontvangt, geeft, veroorzaakt, saldo):
    #   rijk: betaalt 1.440, bespaart 1.080 -> -360
    #   gemeente: bespaart 259,20, geeft 540, draagt 54 -> 259,20 - 540 - 54 = -334,80
    #   cliënt: ontvangt 540 -> +540
    #   samen: -360 - 334,80 + 540 = -154,80 = het maatschappelijk saldo.
    assert k["verdeling"] == {
        "rijk": (Decimal(1440), Decimal(1080), Decimal(0), Decimal(0), Decimal(0), Decimal(-360)),
        "gemeente": (Decimal(0), Decimal("259.2"), Decimal(0), Decimal(540), Decimal(54), Decimal("-334.8")),
        "client": (Decimal(0), Decimal(0), Decimal(540), Decimal(0), Decimal(0), Decimal(540)),
    }
    assert sum(v[-1] for v in k["verdeling"].values()) == k["maatschappelijk"]["saldo"]


def test_tabel_met_aantallen_geeft_hetzelfde_als_de_regels(map_, cli):
    regels = _kern(_json(cli, map_, map_.parent / "export.csv"))
    tabel = _kern(_json(cli, map_, map_.parent / "telling.yaml"))
    assert tabel == regels


def test_lage_volledigheid_en_onbekende_code(map_, cli, tmp_path):
    (tmp_path / "export.csv").write_text(EXPORT.replace("schuld_geregeld\n6-1", "iets_\u202eanders\n6-1").replace("3-1-2024;Uitkering;toevoeging_voorkomen", "3-1-2024;Uitkering;"), encoding="utf-8")
    vervang(map_ / "registratie" / "uitkomsten.yaml", "attributie: 10\n", "attributie: 10\nminimale_volledigheid: 60\n")
    code, uit, fout = cli("uitkomsten", map_, tmp_path / "export.csv")
    assert code == 0, fout
    tekst = " ".join(uit.split())
    assert "3 van 6 hulpvragen met een geregistreerde uitkomst" in tekst
    assert "Let op: minder dan 60% van de hulpvragen heeft een uitkomst" in tekst
    # Een richtingteken uit het bestand komt als zichtbare code op het scherm, niet als teken.
    assert "uitkomstcode 'iets_\\u202eanders' (1 keer) staat niet in de waardekaart" in tekst
    assert "\u202e" not in uit
    assert "Verdelingstabel" in tekst and "Maatschappelijk saldo" in tekst


def test_fouten_in_kaart_en_koppeling_samen(map_, cli, tmp_path):
    vervang(map_ / "registratie" / "uitkomsten.yaml", "kengetal: schuldhulpverlening", "kengetal: schuldhulp")
    (tmp_path / "koppeling.yaml").write_text(KOPPELING.replace("  uitkomsten: Uitkomst\n", ""), encoding="utf-8")
    code, uit, fout = cli("uitkomsten", map_, tmp_path / "export.csv")
    assert code == 2 and uit == ""
    assert "onbekend kengetal 'schuldhulp'" in fout
    assert "de koppeling noemt geen kolom met uitkomstcodes" in fout
    vervang(map_ / "registratie" / "uitkomsten.yaml", "actor: client, van: gemeente", "actor: client")
    code, uit, fout = cli("uitkomsten", map_, tmp_path / "export.csv")
    assert code == 2 and uit == ""
    assert "uitkomsten.yaml:14: uitkomsten.uitkering_behouden.effecten[1]" in fout.replace(str(map_ / "registratie") + "/", "")
    assert "'van' (wie betaalt) hoort bij een overdracht" in fout


def test_voorbeeld_in_templates_regels_en_tabel_gelijk_en_met_de_hand(cli):
    from conftest import HENGELO, ROOT

    kaart = ROOT / "templates" / "voorbeelduitkomsten.waardekaart.yaml"
    regels = _json(cli, HENGELO, ROOT / "templates" / "voorbeelduitkomsten.csv", "--kaart", kaart)
    # De tabel neemt de kosten van een doorverwijzing uit dezelfde koppeling als de export.
    tabel = _json(cli, HENGELO, ROOT / "templates" / "voorbeelduitkomsten-telling.yaml", "--kaart", kaart,
                  "--koppeling", ROOT / "templates" / "voorbeelduitkomsten.koppeling.yaml")
    assert _kern(tabel) == _kern(regels)
    assert regels["aantallen"] == tabel["aantallen"]
    m = _kern(regels)["maatschappelijk"]
    # Middelen: toevoeging 3 x 800 x 0,7 x 0,9 = 1.512; bijzondere bijstand 2 x 214 x 0,7 x 0,9 = 269,64;
    # schuldhulp 3 x 180 x 0,6 x 0,9 = 291,60; deurwaarder 2 x 200 x 0,75 x 0,9 = 270. Samen 2.343,24.
    assert m["middelen"] == Decimal("2343.24")
    # Veroorzaakt: 2 x 25 x 0,75 x 0,9 = 33,75, plus één doorverwijzing naar een advocaat: toevoeging € 800 (het
    # Juridisch Loket heeft geen kosten in de koppeling); samen 833,75.
    # Overdrachten: de terugvordering uit de kolom, 1.450 x 0,8 x 0,9 = 1.044, plus 2 x 600 x 0,5 x 0,9 = 540; samen 1.584.
    assert (m["geinduceerd"], m["overdrachten_apart"]) == (Decimal("833.75"), Decimal(1584))
    assert regels["doorverwezen"] == {"sociaal_zekerheidsrecht": {"Advocaat": 1}}
    assert m["saldo"] == m["middelen"] - m["geinduceerd"] - m["kosten_programma"]
    assert (regels["hulpvragen"], regels["volledigheid"]["met_uitkomst"]) == (20, 11)


# -- bedragen per hulpvraag uit kolommen van de registratie -------------------------

KOPPELING_BEDRAGEN = KOPPELING.replace("  uitkomsten: Uitkomst\n", """\
  uitkomsten: Uitkomst
  bedragen:
    vordering: Vordering
    uitkering_voor: Uitkering voor
    uitkering_na: Uitkering na
""")

EXPORT_BEDRAGEN = """\
Datum;Onderwerp;Uitkomst;Vordering;Uitkering voor;Uitkering na
3-1-2024;Uitkering;uitkering_hoger;;1.100,00;1.250,50
4-1-2024;Uitkering;uitkering_hoger;;900;1000
5-1-2024;Schulden;vordering_vervallen;€ 2.500;;
6-1-2024;Schulden;vordering_vervallen;;;
7-1-2024;Schulden;;;;
"""

KAART_BEDRAGEN = """\
attributie: 10
attributie_bron: aanname
uitkomsten:
  uitkering_hoger:
    omschrijving: Uitkering hoger na bezwaar
    contrafeitelijk: {kans: 50, bron: aanname}
    effecten:
      - {soort: overdracht, kolom: uitkering_na, min_kolom: uitkering_voor, maanden: 12, actor: client, van: gemeente, bron: aanname, prijspeil: 2024}
  vordering_vervallen:
    omschrijving: Een onterechte vordering vervalt
    contrafeitelijk: {kans: 20, bron: aanname}
    effecten:
      - {soort: overdracht, kolom: vordering, actor: client, van: schuldeiser, bron: aanname, prijspeil: 2024}
"""

TELLING_BEDRAGEN = """\
hulpvragen: 5
met_uitkomst: 4
tellingen:
  sociaal_zekerheidsrecht: {uitkering_hoger: 2}
  consumentenzaken: {vordering_vervallen: 2}
  belastingrecht: {}
bedragen:
  sociaal_zekerheidsrecht: {uitkering_hoger: {uitkering_voor: 2000, uitkering_na: 2250.50}}
  consumentenzaken: {vordering_vervallen: {vordering: 2500}}
"""


@pytest.fixture
def map_bedragen(map_, tmp_path):
    (map_ / "registratie" / "uitkomsten.yaml").write_text(KAART_BEDRAGEN, encoding="utf-8")
    (tmp_path / "export.csv").write_text(EXPORT_BEDRAGEN, encoding="utf-8")
    (tmp_path / "koppeling.yaml").write_text(KOPPELING_BEDRAGEN, encoding="utf-8")
    (tmp_path / "telling.yaml").write_text(TELLING_BEDRAGEN, encoding="utf-8")
    return map_


def test_bedrag_uit_een_kolom_met_de_hand(map_bedragen, cli, tmp_path):
    doc = _json(cli, map_bedragen, tmp_path / "export.csv")
    k = _kern(doc)
    # uitkering_hoger (2 hulpvragen): na 1.250,50 + 1.000 = 2.250,50; voor 1.100 + 900 = 2.000.
    #   (2.250,50 - 2.000) x 12 maanden = 3.006; x (1 - 0,50) x (1 - 0,10) = 1.352,70, van gemeente naar cliënt.
    # vordering_vervallen (2 hulpvragen, één zonder bedrag): € 2.500 x (1 - 0,20) x (1 - 0,10) = 1.800, van schuldeiser naar cliënt.
    assert k["gebieden"]["sociaal_zekerheidsrecht"] == (Decimal(0), Decimal(0), Decimal("1352.7"))
    assert k["gebieden"]["consumentenzaken"] == (Decimal(0), Decimal(0), Decimal(1800))
    assert k["maatschappelijk"]["overdrachten_apart"] == Decimal("3152.7")
    # Overdrachten tellen niet in het saldo: alleen de programmakosten 5 x € 240 = 1.200.
    assert k["maatschappelijk"]["saldo"] == Decimal(-1200)
    assert k["verdeling"]["client"][2] == Decimal("3152.7")
    assert (k["verdeling"]["gemeente"][3], k["verdeling"]["schuldeiser"][3]) == (Decimal("1352.7"), Decimal(1800))
    posten = {p["code"]: p for p in doc["posten"]}
    # Per keer is het gemiddelde: 3.006 / 2 = 1.503 en 2.500 / 2 = 1.250.
    assert (_d(posten["uitkering_hoger"]["per_keer"]), _d(posten["vordering_vervallen"]["per_keer"])) == (Decimal(1503), Decimal(1250))
    assert posten["vordering_vervallen"]["kolom"] == "vordering"
    assert doc["zonder_bedrag"] == [{"code": "vordering_vervallen", "bedrag": "vordering", "hulpvragen": 1}]
    code, uit, fout = cli("uitkomsten", map_bedragen, tmp_path / "export.csv")
    assert code == 0, fout
    assert "Let op: 1 hulpvraag met uitkomst 'vordering_vervallen' heeft geen bedrag 'vordering'" in " ".join(uit.split())


def test_tabel_met_bedragen_geeft_hetzelfde_als_de_regels(map_bedragen, cli, tmp_path):
    regels = _json(cli, map_bedragen, tmp_path / "export.csv")
    tabel = _json(cli, map_bedragen, tmp_path / "telling.yaml")
    assert _kern(tabel) == _kern(regels)
    assert {g: {c: {b: _d(v) for b, v in per.items()} for c, per in codes.items()} for g, codes in tabel["bedragen"].items()} == {
        "sociaal_zekerheidsrecht": {"uitkering_hoger": {"uitkering_voor": Decimal(2000), "uitkering_na": Decimal("2250.5")}},
        "consumentenzaken": {"vordering_vervallen": {"vordering": Decimal(2500)}},
    }


def test_onleesbaar_bedrag_en_onbekende_kolom_met_bestand_en_regel(map_bedragen, cli, tmp_path):
    export = EXPORT_BEDRAGEN.replace(";;1.100,00;", ";;elfhonderd;").replace("€ 2.500", "-2500")
    (tmp_path / "export.csv").write_text(export, encoding="utf-8")
    vervang(map_bedragen / "registratie" / "uitkomsten.yaml", "kolom: vordering,", "kolom: vorderingen,")
    code, uit, fout = cli("uitkomsten", map_bedragen, tmp_path / "export.csv")
    assert code == 2 and uit == ""
    tekst = " ".join(fout.split())
    assert "export.csv:2: bedrag uitkering_voor: 'elfhonderd' in kolom 'Uitkering voor' is geen bedrag in euro" in tekst
    assert "export.csv:4: bedrag vordering: '-2500' in kolom 'Vordering' is geen bedrag in euro" in tekst
    # De fouten van de export komen eerst; die van de kaart daarna, als de export gelezen is.
    (tmp_path / "export.csv").write_text(EXPORT_BEDRAGEN, encoding="utf-8")
    code, uit, fout = cli("uitkomsten", map_bedragen, tmp_path / "export.csv")
    assert code == 2
    assert "uitkomsten.yaml:13: uitkomsten.vordering_vervallen.effecten[1].kolom" in fout.replace(str(map_bedragen / "registratie") + "/", "")
    assert "bedrag 'vorderingen' staat niet bij de bedragen" in " ".join(fout.split())


def test_lees_bedrag_zoals_mensen_het_typen():
    from kostenbaten.invoer.uitkomsten import lees_bedrag

    assert [lees_bedrag(t) for t in ("1250", "1250,5", "1.250,50", "1.250", "1,250.50", "1250.75", "€ 12", 12, 12.5)] == [
        Decimal(1250), Decimal("1250.5"), Decimal("1250.50"), Decimal(1250), Decimal("1250.50"), Decimal("1250.75"), Decimal(12), Decimal(12), Decimal("12.5")]
    assert [lees_bedrag(t) for t in ("-5", "1,2,3", "1.2345", "abc", "1e3", True, -3)] == [None] * 7


# -- een doorverwijzing met kosten in de koppeling ------------------------------------

KOPPELING_VERWIJZING = KOPPELING.replace("  uitkomsten: Uitkomst\n", "  uitkomsten: Uitkomst\n  doorverwezen: Doorverwezen\n") + """\
doorverwijzingen:
  Advocaat: {kengetal: toevoeging}
"""

# De kolom doorverwezen met namen van organisaties; 'Juridisch Loket' heeft geen kosten in de koppeling.
EXPORT_VERWIJZING = """\
Datum;Onderwerp;Uitkomst;Doorverwezen
3-1-2024;Uitkering;toevoeging_voorkomen;
4-1-2024;Uitkering;;advocaat
5-1-2024;Schulden;schuld_geregeld;Juridisch Loket
6-1-2024;Schulden;;Advocaat
7-1-2024;Huur;;ADVOCAAT
8-1-2024;Toeslagen;;
"""

TELLING_VERWIJZING = """\
hulpvragen: 6
met_uitkomst: 2
tellingen:
  sociaal_zekerheidsrecht: {toevoeging_voorkomen: 1}
  consumentenzaken: {schuld_geregeld: 1}
  belastingrecht: {}
doorverwezen:
  sociaal_zekerheidsrecht: {Advocaat: 1}
  consumentenzaken: {advocaat: 1, Juridisch Loket: 1}
  zonder_rechtsgebied: {Advocaat: 1}
"""


def test_doorverwijzing_met_kengetal_is_een_veroorzaakte_kost_met_de_hand(map_, cli, tmp_path):
    (tmp_path / "export.csv").write_text(EXPORT_VERWIJZING, encoding="utf-8")
    (tmp_path / "koppeling.yaml").write_text(KOPPELING_VERWIJZING, encoding="utf-8")
    (tmp_path / "telling.yaml").write_text(TELLING_VERWIJZING, encoding="utf-8")
    doc = _json(cli, map_, tmp_path / "export.csv")
    k = _kern(doc)
    # Uitkomsten: toevoeging_voorkomen 1 x 800 x 0,675 = 540 (rijk, middelen) en 1 x 40 x 0,675 = 27 veroorzaakt (gemeente);
    # schuld_geregeld 1 x 180 x 0,8 x 0,9 = 129,60 (gemeente, middelen).
    # Doorverwezen naar een advocaat (hoofdletters tellen niet): 3 hulpvragen x toevoeging € 800 = 2.400, veroorzaakt, voor het rijk,
    # één per rechtsgebied (Huur kent de koppeling niet: zonder rechtsgebied).
    assert k["gebieden"] == {
        "sociaal_zekerheidsrecht": (Decimal(540), Decimal(27 + 800), Decimal(0)),
        "consumentenzaken": (Decimal("129.6"), Decimal(800), Decimal(0)),
        "belastingrecht": (Decimal(0), Decimal(0), Decimal(0)),
        "zonder_rechtsgebied": (Decimal(0), Decimal(800), Decimal(0)),
    }
    # Maatschappelijk saldo: 540 + 129,60 - (27 + 2.400) - 6 x 240 = 669,60 - 2.427 - 1.440 = -3.197,40.
    m = k["maatschappelijk"]
    assert (m["middelen"], m["geinduceerd"], m["saldo"]) == (Decimal("669.6"), Decimal(2427), Decimal("-3197.4"))
    # Verdeling: rijk 540 - 2.400 - 1.440 = -3.300; gemeente 129,60 - 27 = 102,60; samen het maatschappelijk saldo.
    assert k["verdeling"]["rijk"] == (Decimal(1440), Decimal(540), Decimal(0), Decimal(0), Decimal(2400), Decimal(-3300))
    assert k["verdeling"]["gemeente"][-1] == Decimal("102.6")
    assert sum(v[-1] for v in k["verdeling"].values()) == Decimal("-3197.4")
    assert doc["doorverwezen"] == {"sociaal_zekerheidsrecht": {"Advocaat": 1}, "consumentenzaken": {"Advocaat": 1}, "zonder_rechtsgebied": {"Advocaat": 1}}
    # De tabel met aantallen (de kosten uit dezelfde koppeling) geeft hetzelfde.
    assert _kern(_json(cli, map_, tmp_path / "telling.yaml")) == k
    code, uit, fout = cli("uitkomsten", map_, tmp_path / "export.csv")
    assert code == 0, fout
    assert "doorverwezen naar Advocaat" in " ".join(uit.split())


def test_doorverwijzing_met_onbekend_of_verkeerd_kengetal(map_, cli, tmp_path):
    (tmp_path / "export.csv").write_text(EXPORT_VERWIJZING, encoding="utf-8")
    (tmp_path / "koppeling.yaml").write_text(KOPPELING_VERWIJZING.replace("kengetal: toevoeging", "kengetal: advocaat"), encoding="utf-8")
    code, uit, fout = cli("uitkomsten", map_, tmp_path / "export.csv")
    assert code == 2 and uit == ""
    assert "koppeling.yaml:11: doorverwijzingen.Advocaat.kengetal: onbekend kengetal 'advocaat'" in fout.replace(str(tmp_path) + "/", "")


def test_waarde_per_kwaliteitsgraad_met_de_hand(map_, cli):
    # Het kengetal toevoeging krijgt graad B; het eigen bedrag van de overdracht graad C; schuldhulpverlening heeft geen graad: D.
    vervang(map_ / "pilot.yaml", "    bedrag: 800          # startwaarde (Hengelo)\n", "    bedrag: 800          # startwaarde (Hengelo)\n    kwaliteit: B\n")
    vervang(map_ / "registratie" / "uitkomsten.yaml", "actor: client, van: gemeente, bron: aanname,", "actor: client, van: gemeente, bron: aanname, kwaliteit: C,")
    doc = _json(cli, map_, map_.parent / "export.csv")
    q = doc["kwaliteitsgraden"]
    # Waarde = middelen + overdrachten (de veroorzaakte kost van 54 telt niet): 1.339,20 + 540 = 1.879,20.
    #   B: toevoeging 1.080; C: overdracht 540; D: schuldhulpverlening 129,60 + 129,60 = 259,20.
    assert _d(q["waarde"]) == Decimal("1879.2")
    assert {g: _d(v["waarde"]) for g, v in q["per_graad"].items()} == {
        "A": Decimal(0), "B": Decimal(1080), "C": Decimal(540), "D": Decimal("259.2"), "registratie": Decimal(0)}
    # Aandelen: B 1.080 / 1.879,20 = 57,47%; C of D (540 + 259,20) / 1.879,20 = 42,53%.
    assert _d(q["per_graad"]["B"]["procent"]).quantize(Decimal("0.01")) == Decimal("57.47")
    assert _d(q["procent_c_of_d"]).quantize(Decimal("0.01")) == Decimal("42.53")
    assert {p["code"]: p["graad"] for p in doc["posten"] if p["soort"] != "geinduceerd"} == {
        "toevoeging_voorkomen": "B", "uitkering_behouden": "C", "schuld_geregeld": "D"}
    code, uit, fout = cli("uitkomsten", map_, map_.parent / "export.csv")
    assert code == 0, fout
    tekst = " ".join(uit.split())
    assert "Waar de waarde op rust" in tekst and "Op graad C of D samen rust 42,5% van de waarde." in tekst


def test_bedrag_uit_een_kolom_telt_apart_van_de_graden(map_bedragen, cli, tmp_path):
    q = _json(cli, map_bedragen, tmp_path / "export.csv")["kwaliteitsgraden"]
    # Alle waarde (1.352,70 + 1.800 = 3.152,70) komt uit bedragen van de registratie: 100%, niets op C of D.
    assert _d(q["per_graad"]["registratie"]["waarde"]) == Decimal("3152.7")
    assert _d(q["per_graad"]["registratie"]["procent"]) == Decimal(100)
    assert _d(q["procent_c_of_d"]) == Decimal(0)


REEKS = """\
naam: Testreeks
bron: verzonnen voor deze test
voorbeeld: true
startjaar: 2022
jaarmutaties:
  - {jaar: 2023, procent: 0, bron: verzonnen}
  - {jaar: 2024, procent: 10, bron: verzonnen}
  - {jaar: 2025, procent: 10, bron: verzonnen}
"""


def test_prijspeil_rekent_kengetallen_en_eigen_bedragen_om_met_de_hand(map_, cli, tmp_path):
    (tmp_path / "reeks.yaml").write_text(REEKS, encoding="utf-8")
    vervang(map_ / "pilot.yaml", "    bedrag: 800          # startwaarde (Hengelo)\n", "    bedrag: 800          # startwaarde (Hengelo)\n    prijspeil: 2024\n")
    doc = _json(cli, map_, map_.parent / "export.csv", "--prijspeil", "2025", "--prijsindex", tmp_path / "reeks.yaml")
    assert doc["prijspeil"] == {"jaar": 2025, "reeks": "Testreeks", "voorbeeld": True}
    k = _kern(doc)
    # Index 2022 = 2023 = 100 (vanaf 2022, zodat ook het kengetal uit de kengetallenbank van `nieuw` erin valt;
    # het staat niet in de waardekaart), 2024 = 110, 2025 = 121: een bedrag van 2024 gaat x 121/110 = x 1,1.
    #   toevoeging (kengetal, 2024): 800 -> 880; 2 x 880 x 0,675 = 1.188
    #   eigen veroorzaakte kost (2024): 40 -> 44; 2 x 44 x 0,675 = 59,40
    #   eigen overdracht (2024): 1.200 -> 1.320; 1 x 1.320 x 0,5 x 0,9 = 594
    #   schuldhulpverlening zonder prijspeil blijft 180: 2 x 129,60 = 259,20
    assert k["gebieden"]["sociaal_zekerheidsrecht"] == (Decimal(1188), Decimal("59.4"), Decimal(594))
    m = k["maatschappelijk"]
    assert (m["middelen"], m["geinduceerd"], m["overdrachten_apart"]) == (Decimal("1447.2"), Decimal("59.4"), Decimal(594))
    # De tarieven hebben geen prijspeil: de programmakosten blijven 6 x 240 = 1.440; saldo 1.447,20 - 59,40 - 1.440 = -52,20.
    assert (m["kosten_programma"], m["saldo"]) == (Decimal(1440), Decimal("-52.2"))


def test_prijspeil_met_een_jaar_dat_de_reeks_niet_kent(map_, cli, tmp_path):
    (tmp_path / "reeks.yaml").write_text(REEKS, encoding="utf-8")
    vervang(map_ / "registratie" / "uitkomsten.yaml", "bron: aanname, prijspeil: 2024}\n  uitkering", "bron: aanname, prijspeil: 2019}\n  uitkering")
    code, uit, fout = cli("uitkomsten", map_, map_.parent / "export.csv", "--prijspeil", "2025", "--prijsindex", tmp_path / "reeks.yaml")
    assert code == 2 and uit == ""
    assert "uitkomsten.yaml:9: uitkomsten.toevoeging_voorkomen.effecten[2].prijspeil: de prijsindex Testreeks kent het jaar 2019 niet" in fout.replace(
        str(map_ / "registratie") + "/", "")


def test_prijspeil_rekent_bedragen_uit_kolommen_om(map_bedragen, cli, tmp_path):
    (tmp_path / "reeks.yaml").write_text(REEKS, encoding="utf-8")
    doc = _json(cli, map_bedragen, tmp_path / "export.csv", "--prijspeil", "2025", "--prijsindex", tmp_path / "reeks.yaml")
    # De bedragen uit de kolommen staan op prijspeil 2024 (het effect): x 121/110 = x 1,1.
    # 3.006 x 1,1 = 3.306,60; x 0,5 x 0,9 = 1.487,97. 2.500 x 1,1 = 2.750; x 0,8 x 0,9 = 1.980.
    assert _kern(doc)["gebieden"]["sociaal_zekerheidsrecht"][2] == Decimal("1487.97")
    assert _kern(doc)["gebieden"]["consumentenzaken"][2] == Decimal(1980)


# -- het rapport zegt welke methode de kop draagt --------------------------------------


def test_rapport_zegt_welke_methode_de_kop_draagt_en_zet_de_getelde_ernaast(cli, tmp_path):
    import shutil

    from conftest import HENGELO, ROOT, html_tekst

    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    (map_ / "registratie").mkdir()
    shutil.copy(ROOT / "templates" / "voorbeelduitkomsten.waardekaart.yaml", map_ / "registratie" / "uitkomsten.yaml")
    for naam in ("voorbeelduitkomsten.csv", "voorbeelduitkomsten.koppeling.yaml"):
        shutil.copy(ROOT / "templates" / naam, tmp_path / naam)
    code, _, fout = cli("rapport", map_, "-o", tmp_path / "r.html", "--trekkingen", "1000", "--uitkomsten", tmp_path / "voorbeelduitkomsten.csv")
    assert code == 0, fout
    tekst = html_tekst(tmp_path / "r.html")
    assert "Welke methode de kop draagt: de cijfers bovenaan dit rapport zijn een extrapolatie van 6 uitgewerkte casussen." in tekst
    # Getelde uitkomsten (zie test_voorbeeld_in_templates...): middelen 2.343,24; de kosten van het
    # programma per hulpvraag zijn die van Hengelo (€ 72.000 / 300 = € 240), voor 20 hulpvragen € 4.800.
    # Veroorzaakt 33,75 + één advocaat (€ 800) = 833,75.
    # Saldo 2.343,24 - 833,75 - 4.800 = -3.290,51, op hele euro's -€ 3.291. Het saldo van de casussen (de kop) is € 12.282.
    assert "11 van de 20 hulpvragen hebben een geregistreerde uitkomst (55,0%)" in tekst
    assert "Zo gerekend is het maatschappelijk saldo -€ 3.291, tegen € 12.282 met de casussen." in tekst
    assert "Extrapolatie van casussen (kop) Getelde uitkomsten Grondslag 6 uitgewerkte casussen, naar 300 hulpvragen" in tekst
    assert "Kosten die de uitkomsten veroorzaken - € 834 Kosten van het hele programma € 72.000 € 4.800" in tekst
    assert "Maatschappelijk saldo € 12.282 -€ 3.291" in tekst
    # Het saldo van de casussen bovenaan blijft de kop.
    assert tekst.index("een maatschappelijk saldo van € 12.282 per jaar") < tekst.index("Welke methode de kop draagt")


def test_rapport_met_uitkomsten_zonder_waardekaart_is_een_fout(cli, tmp_path):
    from conftest import HENGELO, ROOT

    code, uit, fout = cli("rapport", HENGELO, "-o", tmp_path / "r.html", "--uitkomsten", ROOT / "templates" / "voorbeelduitkomsten.csv")
    assert code == 2
    assert "waardekaart niet gevonden" in fout
    assert not (tmp_path / "r.html").exists()


def test_nieuw_schrijft_een_geldige_waardekaart_met_de_hand(cli, tmp_path):
    code, _, fout = cli("nieuw", tmp_path / "stad")
    assert code == 0, fout
    kaart = (tmp_path / "stad" / "registratie" / "uitkomsten.yaml").read_text(encoding="utf-8")
    assert "toevoeging_voorkomen:" in kaart and "kengetal: toevoeging" in kaart
    (tmp_path / "telling.yaml").write_text(
        "hulpvragen: 10\nmet_uitkomst: 3\ntellingen:\n  sociaal_zekerheidsrecht: {toevoeging_voorkomen: 2}\n  consumentenzaken: {schuldhulp_voorkomen: 1}\n",
        encoding="utf-8")
    m = _json(cli, tmp_path / "stad", tmp_path / "telling.yaml")["maatschappelijk"]
    # De kaart van `nieuw`: attributie 10%; toevoeging (€ 800) kans 30%: 2 x 800 x 0,7 x 0,9 = 1.008;
    # schuldhulpverlening (€ 180) kans 40%: 1 x 180 x 0,6 x 0,9 = 97,20. Samen 1.105,20.
    assert _d(m["middelen"]) == Decimal("1105.2")


def test_effect_met_kolom_en_bedrag_of_min_kolom_zonder_kolom_is_een_fout(map_bedragen, cli, tmp_path):
    vervang(map_bedragen / "registratie" / "uitkomsten.yaml", "kolom: vordering,", "kolom: vordering, bedrag: 100,")
    vervang(map_bedragen / "registratie" / "uitkomsten.yaml", "- {soort: overdracht, kolom: uitkering_na, min_kolom: uitkering_voor, maanden: 12,",
            "- {soort: overdracht, bedrag: 50, min_kolom: uitkering_voor, maanden: 12,")
    code, uit, fout = cli("uitkomsten", map_bedragen, tmp_path / "export.csv")
    assert code == 2 and uit == ""
    tekst = " ".join(fout.split())
    assert "geef een bedrag per keer of een kolom met het bedrag per hulpvraag, niet allebei" in tekst
    assert "min_kolom, maanden hoort bij een bedrag uit een kolom" in tekst
