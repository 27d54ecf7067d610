"""Het maatschappelijk saldo naast de verdelingstabel: besparingen van middelen apart van overdrachten.

Alle verwachtingen zijn met de hand uitgerekend uit de casussen van Hengelo
(12 maanden in beeld, vlak gemiddelde: x 198 gedekte hulpvragen / 6 casussen = x 33).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import HENGELO, vervang
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.berekening.saldo import ROUTE_CASUSSEN, ROUTE_REGISTRATIE, bereken_saldo, kosten_uit_uren
from kostenbaten.invoer.casussen import laad_project

D = Decimal

# Besparingen van middelen (de zes kengetallen) per casus:
#   casus 1: toevoeging 800 (Rijk) + bijzondere bijstand 214 (gemeente)           = 1.014
#   casus 3: schuldhulp 180 (gemeente) + deurwaarder 200 (schuldeiser) + rechtbank 500 (Rijk) = 880
#   casus 5: schuldhulp 180 (gemeente) + incasso 150 (Rijk)                       =   330
#   casus 6: schuldhulp 180 (gemeente) + incasso 150 (Rijk)                       =   330
MIDDELEN_CASUSSEN = 1014 + 880 + 330 + 330
# Overdrachten aan de cliënt: 12 x 50 (gemeente) + 400 (schuldeiser) + 500 (Rijk) + 12 x 74 (Rijk).
OVERDRACHTEN_CASUSSEN = 12 * 50 + 400 + 500 + 12 * 74
# Kosten: 12 SJD-uren (2+3+2+2+1+2) x (80 + 30 + 10) = 1.440 over zes casussen, gemiddeld 240; alles betaalt het Rijk.
KOSTEN_CASUSSEN = (2 + 3 + 2 + 2 + 1 + 2) * (80 + 30 + 10)


def _saldo(map_=HENGELO):
    project = laad_project(map_)
    kba = bereken_pilot(project.pilot, project.casussen)
    return kba, bereken_saldo(kba)


def test_maatschappelijk_saldo_hengelo_met_de_hand():
    assert MIDDELEN_CASUSSEN == 2554 and OVERDRACHTEN_CASUSSEN == 2388 and KOSTEN_CASUSSEN == 1440
    _, s = _saldo()
    r = s.methoden["rapport"]
    assert r.middelen == D(MIDDELEN_CASUSSEN * 198 // 6) == D(84282)
    assert r.overdrachten == D(OVERDRACHTEN_CASUSSEN * 33) == D(78804)
    assert r.kosten.route == ROUTE_CASUSSEN
    assert r.kosten.totaal == D(KOSTEN_CASUSSEN // 6 * 300) == D(72000)  # 240 x alle 300 hulpvragen
    assert r.kosten_gedekt == D(240 * 198) == D(47520)
    assert r.saldo == D(84282 - 72000) == D(12282)
    assert r.saldo_gedekt == D(84282 - 47520) == D(36762)
    # Per casus: casus 1 bespaart 1.014 aan middelen en kost 2 x 120 = 240: saldo 774.
    c1 = s.casussen[0]
    assert (c1.middelen, c1.overdrachten, c1.kosten, c1.saldo) == (D(1014), D(600), D(240), D(774))


def test_verdelingstabel_hengelo_met_de_hand():
    _, s = _saldo()
    r = s.methoden["rapport"]
    regels = {x.actor: x for x in r.verdeling.regels}
    # Cliënt: ontvangt alle overdrachten, 2.388 x 33 = 78.804, betaalt niets.
    assert regels["client"].saldo == D(2388 * 33) == D(78804)
    # Gemeente: middelen (214 + 3 x 180) x 33 = 24.882; geeft 600 x 33 = 19.800.
    g = regels["gemeente"]
    assert (g.middelen, g.geeft, g.betaalt) == (D(754 * 33), D(600 * 33), D(0))
    assert g.saldo == D(24882 - 19800) == D(5082)
    # Rijk: middelen (800 + 500 + 150 + 150) x 33 = 52.800; betaalt 72.000; geeft (500 + 888) x 33 = 45.804.
    rijk = regels["rijk"]
    assert (rijk.middelen, rijk.betaalt, rijk.geeft) == (D(52800), D(72000), D(1388 * 33))
    assert rijk.saldo == D(52800 - 72000 - 45804) == D(-65004)
    # Schuldeiser: middelen 200 x 33 = 6.600; geeft 400 x 33 = 13.200.
    assert regels["schuldeiser"].saldo == D(6600 - 13200) == D(-6600)
    assert "onbekend" not in regels  # elke overdracht noemt zijn betaler
    # De saldi tellen op tot het maatschappelijk saldo.
    assert r.verdeling.saldo == D(78804 + 5082 - 65004 - 6600) == r.saldo == D(12282)
    # Met alleen de kosten van de gedekte hulpvragen betaalt het Rijk 47.520: saldo 52.800 - 47.520 - 45.804.
    gedekt = {x.actor: x for x in r.verdeling_gedekt.regels}
    assert gedekt["rijk"].saldo == D(52800 - 47520 - 45804) == D(-40524)
    assert r.verdeling_gedekt.saldo == D(78804 + 5082 - 40524 - 6600) == D(36762)


def test_gewogen_saldo_telt_op():
    # Gewogen per rechtsgebied: middelen = (1.014 + 0) x 99/2 + (880 + 0) x 60/2 + (330 + 330) x 39/2
    # = 50.193 + 26.400 + 12.870 = 89.463; de kosten van het hele programma blijven 240 x 300.
    _, s = _saldo()
    g = s.methoden["gewogen"]
    assert g.middelen == D(1014 * 99) / 2 + D(880 * 60) / 2 + D(660 * 39) / 2 == D("89463")
    assert g.saldo == D(89463 - 72000)
    assert g.verdeling.saldo == g.saldo


def test_controleer_blijft_kloppen(cli):
    # Elk gepubliceerd cijfer klopt nog, op het bekende erratum (kosten van casus 6) na.
    code, uit, _ = cli("controleer", HENGELO, "--formaat", "json")
    assert code == 0
    oordelen = {(c["waar"], c["cijfer"]): c["oordeel"] for c in json.loads(uit)["controles"]}
    assert oordelen.pop(("casus 6", "kosten")) == "bekend erratum"
    assert set(oordelen.values()) == {"klopt"} and len(oordelen) >= 30


def test_bedrag_voor_client_zonder_soort_is_overdracht_van_onbekende(hengelo, cli):
    # Oudere bestanden: het bedrag van casus 3 zonder soort en zonder van.
    vervang(hengelo / "casus-3.yaml", "    soort: overdracht   # de schuldeiser krijgt € 400 minder\n    van: schuldeiser\n", "")
    kba, s = _saldo(hengelo)
    r = s.methoden["rapport"]
    regels = {x.actor: x for x in r.verdeling.regels}
    assert regels["onbekend"].geeft == D(400 * 33) == D(13200)
    assert regels["schuldeiser"].saldo == D(6600)  # geeft nu niets
    assert r.saldo == D(12282)  # een overdracht telt voor nul, wie hem ook betaalt
    assert kba.extrapolaties["rapport"].totaal == D(115566)  # de methode van de KBA Hengelo verandert niet
    code, uit, fout = cli("bereken", hengelo)
    assert code == 0
    assert "Casus 3, baat 1" in fout and "overdracht zonder betaler" in fout


@pytest.mark.parametrize(
    "oud, nieuw, melding",
    [
        ("    van: schuldeiser\n", "    van: schuldeisr\n", "15: baten[1].van: onbekend actor 'schuldeisr'; bedoelt u 'schuldeiser'?"),
        (
            "    soort: overdracht   # de schuldeiser krijgt € 400 minder\n",
            "    soort: middelen\n",
            "11: baten[1]: 'van' (wie betaalt) hoort alleen bij 'soort: overdracht'",
        ),
    ],
    ids=["onbekende-betaler", "van-zonder-overdracht"],
)
def test_foute_betaler_is_een_invoerfout(hengelo, cli, oud, nieuw, melding):
    vervang(hengelo / "casus-3.yaml", oud, nieuw)
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert fout.splitlines()[0] == f"{hengelo / 'casus-3.yaml'}:{melding}"


def test_breder_economisch_effect_telt_niet_in_saldo(hengelo):
    # Een bestedingseffect van € 100 voor de gemeente in casus 5: apart getoond, het saldo blijft 12.282.
    vervang(
        hengelo / "casus-5.yaml",
        "  - kengetal: incassomaatregelen\n",
        "  - kengetal: incassomaatregelen\n  - omschrijving: Bestedingen in de gemeente\n    bedrag: 100\n    actor: gemeente\n    soort: breder_economisch\n",
    )
    _, s = _saldo(hengelo)
    r = s.methoden["rapport"]
    assert r.breder == D(100 * 33) and r.saldo == D(12282)
    gemeente = next(x for x in r.verdeling.regels if x.actor == "gemeente")
    assert (gemeente.breder, gemeente.saldo) == (D(3300), D(5082))


def test_kosten_uit_geregistreerde_uren():
    # 1,18 uur per hulpvraag x 300 hulpvragen x € 120 per uur = 354 uur x 120 = € 42.480, alles voor het Rijk.
    kba, _ = _saldo()
    kosten = kosten_uit_uren(kba, D("1.18"))
    assert kosten.route == ROUTE_REGISTRATIE
    assert kosten.totaal == D("1.18") * 300 * 120 == D(42480)
    assert kosten.per_actor == {"rijk": D(42480)}
    s = bereken_saldo(kba, kosten)
    assert s.methoden["rapport"].saldo == D(84282 - 42480)
    assert s.methoden["rapport"].verdeling.saldo == D(41802)


def test_bereken_json_en_terminal_tonen_beide(cli):
    code, uit, _ = cli("bereken", HENGELO, "--formaat", "json")
    assert code == 0
    doc = json.loads(uit)
    m = doc["maatschappelijk"]["rapport"]
    assert (m["middelen"], m["kosten"]["totaal"], m["saldo"], m["saldo_gedekte_kosten"]) == ("84282", "72000", "12282", "36762")
    assert m["kosten"]["route"] == "casussen"
    assert doc["extrapolatie"][0]["totaal"] == "115566"  # de methode van de KBA Hengelo, ongewijzigd
    code, uit, _ = cli("bereken", HENGELO)
    assert code == 0
    assert "Maatschappelijk saldo" in uit and "12.282" in uit and "36.762" in uit
    assert "methode van de KBA Hengelo" in uit


def test_actoren_json_en_terminal_tonen_verdelingstabel(cli):
    code, uit, _ = cli("actoren", HENGELO, "--formaat", "json")
    assert code == 0
    v = json.loads(uit)["verdelingstabel"]["rapport"]
    saldi = {r["actor"]: r["saldo"] for r in v["actoren"]}
    assert saldi == {"client": "78804", "gemeente": "5082", "rijk": "-65004", "schuldeiser": "-6600"}
    assert v["saldo"] == "12282"
    gedekt = {r["actor"]: r["saldo"] for r in json.loads(uit)["verdelingstabel_gedekte_kosten"]["rapport"]["actoren"]}
    assert gedekt["rijk"] == "-40524"
    code, uit, _ = cli("actoren", HENGELO)
    assert code == 0
    assert "Verdelingstabel" in uit and "-€ 65.004" in uit and "€ 12.282" in uit


def test_gevoeligheid_omslagpunt_op_het_saldo():
    # Eén euro meer SJD-tarief kost 12 uur / 6 casussen x 300 hulpvragen = € 600 meer aan programmakosten;
    # het saldo van € 12.282 is dus op bij 80 + 12.282 / 600 = € 100,47 per uur.
    from kostenbaten.berekening.gevoeligheid import gevoeligheid

    project = laad_project(HENGELO)
    g = gevoeligheid(project.pilot, project.casussen)
    assert g.saldo_basis["rapport"] == D(12282)
    sjd = next(v for v in g.variaties if v.invoer.sleutel == "tarief.sjd")
    e = sjd.saldo_effecten["rapport"]
    assert e.per_eenheid == D(-600)
    assert e.omslagpunt.waarde == D(80) + D(12282) / D(600) == D("100.47")
    # Het totaal van de methode van de KBA Hengelo blijft zoals het was: 115.566, € 396 per euro tarief (2 x 198).
    assert (sjd.effecten["rapport"].basis, sjd.effecten["rapport"].per_eenheid) == (D(115566), D(-396))


def test_cli_gevoeligheid_toont_omslagpunt_saldo(cli):
    code, uit, _ = cli("gevoeligheid", HENGELO, "--formaat", "json")
    assert code == 0
    doc = json.loads(uit)
    assert doc["basis_maatschappelijk_saldo"]["rapport"] == "12282"
    sjd = next(v for v in doc["invoer"] if v["sleutel"] == "tarief.sjd")
    assert sjd["effecten_maatschappelijk_saldo"]["rapport"]["omslagpunt"]["waarde"] == "100.47"
    code, uit, _ = cli("gevoeligheid", HENGELO)
    assert code == 0 and "wordt het maatschappelijk saldo nul?" in uit


def test_vergelijk_toont_het_saldo_per_kolom(cli):
    # Hengelo met 900 hulpvragen: middelen en kosten gaan beide x 3 mee, dus het saldo ook: 3 x 12.282 = 36.846.
    code, uit, _ = cli("vergelijk", HENGELO, HENGELO.parent / "varianten" / "hengelo-900.yaml", "--formaat", "json")
    assert code == 0
    saldi = [k["maatschappelijk"]["rapport"]["saldo"] for k in json.loads(uit)["vergelijking"]]
    assert saldi == ["12282", str(3 * 12282)]
    code, uit, _ = cli("vergelijk", HENGELO)
    assert code == 0 and "maatschappelijk saldo" in uit


def test_meerjarig_saldo_hangt_niet_af_van_de_looptijd_van_overdrachten(cli):
    # De enige maandbedragen in Hengelo (casus 1 en 6) zijn overdrachten; die tellen in het saldo voor nul.
    # Het saldo is dus in elk beeld (12 maanden, 3 jaar nominaal, 3 jaar contant) 84.282 - 72.000 = 12.282,
    # terwijl het totaal van de methode van de KBA Hengelo met de looptijd groeit.
    code, uit, _ = cli("meerjarig", HENGELO, "--formaat", "json")
    assert code == 0
    doc = json.loads(uit)
    assert [doc[b]["maatschappelijk"]["rapport"]["saldo"] for b in ("een_jaar", "nominaal", "contant")] == ["12282"] * 3
    assert doc["nominaal"]["extrapolatie"][0]["totaal"] != doc["een_jaar"]["extrapolatie"][0]["totaal"]


# De voorbeeldbegroting met de hand (templates/voorbeeldbegroting.yaml, 46 weken per jaar):
#   personeel: SJD spreekuur 6 x 46 x 80 = 22.080 en nazorg 3 x 46 x 80 = 11.040 (gemeente);
#              coördinator 3 x 46 x 50 = 6.900, communicatie 1 x 46 x 50 = 2.300, directie 0,3 x 46 x 90 = 1.242 (bibliotheek)
#   per SJD-uur: (6 + 3) x 46 = 414 SJD-uren; projectkosten 414 x 30 = 12.420 (sjd_organisatie), servicekosten 414 x 10 = 4.140 (bibliotheek)
#   eenmalig: cabine 10.000 (gemeente), banner 150 (bibliotheek), drukwerk 500 (sjd_organisatie)
BEGROTING = HENGELO.parent.parent / "templates" / "voorbeeldbegroting.yaml"
BEGROTING_PER_BETALER = {
    "gemeente": 6 * 46 * 80 + 3 * 46 * 80 + 10000,
    "bibliotheek": 3 * 46 * 50 + 1 * 46 * 50 + D("0.3") * 46 * 90 + 414 * 10 + 150,
    "sjd_organisatie": 414 * 30 + 500,
}
BEGROTING_TOTAAL = sum(BEGROTING_PER_BETALER.values())


def test_bereken_met_begroting_rekent_het_saldo_met_haar_kosten(cli):
    assert BEGROTING_PER_BETALER == {"gemeente": 43120, "bibliotheek": D("14732.0"), "sjd_organisatie": 12920}
    assert BEGROTING_TOTAAL == 70772
    code, uit, _ = cli("bereken", HENGELO, "--begroting", BEGROTING, "--formaat", "json")
    assert code == 0
    m = json.loads(uit)["maatschappelijk"]["rapport"]
    assert m["kosten"]["route"] == "begroting"
    assert D(m["kosten"]["totaal"]) == BEGROTING_TOTAAL
    assert {a: D(b) for a, b in m["kosten"]["per_actor"].items()} == BEGROTING_PER_BETALER
    # Besparingen van middelen 2.554 x 33 = 84.282, min de kosten van de begroting: 84.282 - 70.772 = 13.510.
    assert D(m["saldo"]) == 84282 - BEGROTING_TOTAAL == 13510
    assert m["saldo_gedekte_kosten"] == "36762"  # de kosten van de gedekte hulpvragen blijven die van de casussen
    code, uit, _ = cli("bereken", HENGELO, "--begroting", BEGROTING)
    assert code == 0
    assert "€ 13.510" in uit and "de kosten van de begroting" in uit


def test_verdelingstabel_met_begroting(cli):
    # De gemeente betaalt nu 43.120 (en het Rijk niets): 24.882 - 19.800 - 43.120 = -38.038;
    # het Rijk: 52.800 - 45.804 = 6.996; de bibliotheek -14.732, de SJD-organisatie -12.920.
    kba, _ = _saldo()
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.invoer.begroting import laad_begroting

    invoer = laad_begroting(BEGROTING, HENGELO)
    s = bereken_saldo(kba, begroting=bereken_begroting(invoer.begroting, kba))
    r = s.methoden["rapport"]
    saldi = {x.actor: x.saldo for x in r.verdeling.regels}
    assert saldi["gemeente"] == D(24882 - 19800 - 43120) == D(-38038)
    assert saldi["rijk"] == D(52800 - 45804) == D(6996)
    assert (saldi["bibliotheek"], saldi["sjd_organisatie"]) == (D(-14732), D(-12920))
    assert r.verdeling.saldo == D(78804 - 38038 + 6996 - 6600 - 14732 - 12920) == D(13510)


def test_registratie_gaat_voor_de_begroting():
    # Met geregistreerde uren per hulpvraag rekent het saldo met die uren, ook als er een begroting is.
    kba, _ = _saldo()
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.berekening.saldo import programmakosten

    invoer = laad_begroting(BEGROTING, HENGELO)
    begroting = bereken_begroting(invoer.begroting, kba)
    assert programmakosten(kba, begroting).route == "begroting"
    pilot = kba.pilot.model_copy(update={"uren_per_hulpvraag": kba.pilot.hulpvragen.model_copy(update={"waarde": D("1.18")})})
    met_uren = bereken_pilot(pilot, laad_project(HENGELO).casussen)
    kosten = programmakosten(met_uren, begroting)
    assert kosten.route == ROUTE_REGISTRATIE and kosten.totaal == D("1.18") * 300 * 120


def test_rapport_met_begroting_rekent_het_saldo_met_haar_kosten(cli, tmp_path):
    uit = tmp_path / "rapport.json"
    code, _, fout = cli("rapport", HENGELO, "--begroting", BEGROTING, "-o", uit, "--trekkingen", "1000")
    assert code == 0, fout
    voor = json.loads(uit.read_text(encoding="utf-8"))["voor"]
    saldo = next(s for s in voor if s["plek"] == "saldo")
    tekst = " ".join(b.get("tekst", "") for b in saldo["blokken"])
    assert "maatschappelijk saldo van € 13.510" in tekst  # 84.282 - 70.772
    assert "(€ 70.772)" in tekst and "kosten van de begroting" in tekst


# -- --begroting in elke opdracht met het saldo -----------------------------------------------------
# Met de begroting zijn de kosten van het hele programma 70.772 (gemeente 43.120, bibliotheek 14.732, SJD-organisatie
# 12.920, het Rijk niets); de besparingen van middelen blijven 2.554 x 33 = 84.282. Saldo 84.282 - 70.772 = 13.510.
SALDO_BEGROTING = 84282 - BEGROTING_TOTAAL


def _kosten_van_de_begroting(m: dict) -> None:
    """Eén methode van het maatschappelijk saldo in JSON: de route, de kosten per betaler en het saldo, met de hand."""
    assert m["kosten"]["route"] == "begroting"
    assert {a: D(b) for a, b in m["kosten"]["per_actor"].items()} == BEGROTING_PER_BETALER
    assert D(m["saldo"]) == SALDO_BEGROTING == 13510


def test_actoren_met_begroting(cli):
    code, uit, _ = cli("actoren", HENGELO, "--begroting", BEGROTING, "--formaat", "json")
    assert code == 0
    doc = json.loads(uit)
    _kosten_van_de_begroting(doc["maatschappelijk"]["rapport"])
    regels = {r["actor"]: r for r in doc["verdelingstabel"]["rapport"]["actoren"]}
    # De betalers van de begroting in de verdelingstabel: wat ze betalen is hun deel van de begroting.
    assert {a: D(regels[a]["betaalt"]) for a in BEGROTING_PER_BETALER} == BEGROTING_PER_BETALER
    assert D(regels["rijk"]["betaalt"]) == 0 and D(regels["rijk"]["saldo"]) == 52800 - 45804
    assert D(regels["gemeente"]["saldo"]) == 24882 - 19800 - 43120
    assert D(doc["verdelingstabel"]["rapport"]["saldo"]) == 78804 - 38038 + 6996 - 6600 - 14732 - 12920 == 13510
    code, uit, _ = cli("actoren", HENGELO, "--begroting", BEGROTING)
    assert code == 0 and "€ 13.510" in uit and "(de kosten van de begroting)" in uit


def test_gevoeligheid_met_begroting_omslagpunten_met_de_hand(cli):
    code, uit, _ = cli("gevoeligheid", HENGELO, "--begroting", BEGROTING, "--formaat", "json")
    assert code == 0
    doc = json.loads(uit)
    assert doc["kosten_route"] == "begroting"
    assert D(doc["basis_maatschappelijk_saldo"]["rapport"]) == SALDO_BEGROTING
    invoer = {v["sleutel"]: v["effecten_maatschappelijk_saldo"]["rapport"] for v in doc["invoer"]}
    # Kengetal toevoeging (€ 800, alleen in casus 1): elke euro telt 198 / 6 = 33 keer mee in de middelen;
    # nul bij 800 - 13.510 / 33 = 390,61 (afgerond op centen).
    toevoeging = invoer["kengetal.toevoeging"]
    assert D(toevoeging["per_eenheid"]) == 33
    assert D(toevoeging["omslagpunt"]["waarde"]) == (800 - D(SALDO_BEGROTING) / 33).quantize(D("0.01")) == D("390.61")
    # Schuldhulpverlening (€ 180, in casus 3, 5 en 6): 3 x 33 = 99 per euro; nul bij 180 - 13.510 / 99 = 43,54.
    schuldhulp = invoer["kengetal.schuldhulpverlening"]
    assert D(schuldhulp["per_eenheid"]) == 99
    assert D(schuldhulp["omslagpunt"]["waarde"]) == (180 - D(SALDO_BEGROTING) / 99).quantize(D("0.01")) == D("43.54")
    # De kosten liggen vast in de begroting: het SJD-tarief en de uren uit de casussen veranderen het saldo niet.
    for sleutel in ("tarief.sjd", "uren"):
        assert D(invoer[sleutel]["per_eenheid"]) == 0 and invoer[sleutel]["omslagpunt"]["waarde"] is None
    # Hulpvragen: de middelen groeien mee (84.282 / 300 per hulpvraag), de begroting niet; nul bij 70.772 x 300 / 84.282.
    assert D(invoer["hulpvragen"]["omslagpunt"]["waarde"]) == (D(BEGROTING_TOTAAL) * 300 / 84282).quantize(D("0.01")) == D("251.91")
    code, uit, _ = cli("gevoeligheid", HENGELO, "--begroting", BEGROTING)
    assert code == 0 and "de kosten van het hele programma: de kosten van de begroting" in uit


def test_gevoeligheid_werkmap_met_begroting(cli, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    pad = tmp_path / "gevoeligheid.xlsx"
    code, _, fout = cli("gevoeligheid", HENGELO, "--begroting", BEGROTING, "--xlsx", pad)
    assert code == 0, fout
    blad = openpyxl.load_workbook(pad)["Omslagpunten saldo"]
    assert "rapport € 13.510" in blad["A2"].value and "(de begroting)" in blad["A2"].value
    rijen = {r[0]: r for r in blad.iter_rows(values_only=True) if r[0]}
    # Zoals met de hand hierboven: 800 - 13.510 / 33 = 390,61; het SJD-tarief verandert het saldo niet.
    assert rijen["Kengetal: Kostenbesparing toevoeging"][2].startswith("bij € 390,61")
    assert rijen["Tarief per uur: Inzet SJD"][2].startswith("geen:")


def test_meerjarig_met_begroting(cli):
    # Elk beeld rust op de kosten van één jaar programma, hier de begroting; de middelen hebben geen looptijd: 13.510.
    code, uit, _ = cli("meerjarig", HENGELO, "--begroting", BEGROTING, "--formaat", "json")
    assert code == 0
    doc = json.loads(uit)
    assert doc["kosten_route"] == "begroting"
    for beeld in ("een_jaar", "nominaal", "contant"):
        _kosten_van_de_begroting(doc[beeld]["maatschappelijk"]["rapport"])
    code, uit, _ = cli("meerjarig", HENGELO, "--begroting", BEGROTING)
    assert code == 0 and "€ 13.510" in uit and "van één jaar: de kosten van de begroting" in uit


def test_onzekerheid_met_begroting(cli):
    # Hengelo heeft geen bereik: elke trekking geeft 84.282 - 70.772; de begroting zelf is in elke trekking gelijk.
    code, uit, _ = cli("onzekerheid", HENGELO, "--begroting", BEGROTING, "--trekkingen", "500", "--formaat", "json")
    assert code == 0
    s = json.loads(uit)["maatschappelijk_saldo"]
    assert s["kosten_route"] == "begroting"
    assert {D(s["rapport"][k]) for k in ("berekend", "verwacht", "p5", "p95")} == {SALDO_BEGROTING}
    code, uit, _ = cli("onzekerheid", HENGELO, "--begroting", BEGROTING, "--trekkingen", "500")
    assert code == 0 and "(de kosten van de begroting)" in uit


def test_vergelijk_met_begroting(cli):
    # Elke kolom rekent met de kosten van de begroting: Hengelo 13.510; met 900 hulpvragen groeien alleen de
    # middelen mee: 3 x 84.282 - 70.772 = 182.074.
    code, uit, _ = cli("vergelijk", HENGELO, HENGELO.parent / "varianten" / "hengelo-900.yaml", "--begroting", BEGROTING, "--formaat", "json")
    assert code == 0
    kolommen = json.loads(uit)["vergelijking"]
    _kosten_van_de_begroting(kolommen[0]["maatschappelijk"]["rapport"])
    assert kolommen[1]["maatschappelijk"]["rapport"]["kosten"]["route"] == "begroting"
    assert D(kolommen[1]["maatschappelijk"]["rapport"]["saldo"]) == 3 * 84282 - BEGROTING_TOTAAL == 182074
    code, uit, _ = cli("vergelijk", HENGELO, "--begroting", BEGROTING)
    assert code == 0 and "de kosten van de begroting" in uit and "13.510" in uit


def test_zonder_begroting_blijft_de_route_de_casussen(cli):
    code, uit, _ = cli("gevoeligheid", HENGELO, "--formaat", "json")
    assert code == 0 and json.loads(uit)["kosten_route"] == "casussen"
    code, uit, _ = cli("meerjarig", HENGELO, "--formaat", "json")
    assert code == 0 and json.loads(uit)["kosten_route"] == "casussen"


def test_foute_begroting_geeft_een_melding(cli, tmp_path):
    for opdracht in (["actoren", HENGELO], ["gevoeligheid", HENGELO], ["meerjarig", HENGELO], ["onzekerheid", HENGELO], ["vergelijk", HENGELO]):
        code, _, fout = cli(*opdracht, "--begroting", tmp_path / "weg.yaml")
        assert code == 2 and f"{tmp_path / 'weg.yaml'}: bestand bestaat niet" in fout, (opdracht, fout)


# -- het saldo in de werkmappen van onzekerheid en begroting ------------------------------------


def _werkmap(cli, tmp_path, *argumenten):
    openpyxl = pytest.importorskip("openpyxl")
    pad = tmp_path / "uit.xlsx"
    code, _, fout = cli(*argumenten, "--xlsx", pad)
    assert code == 0, fout
    return pad, openpyxl.load_workbook(pad)


def test_onzekerheid_werkmap_toont_het_saldo_en_de_verdelingstabel(cli, tmp_path):
    _, wb = _werkmap(cli, tmp_path, "onzekerheid", HENGELO, "--trekkingen", "500")
    assert {"Maatschappelijk saldo", "Verdeling rapport", "Verdeling gewogen"} <= set(wb.sheetnames)
    # Zonder bereik is elke trekking gelijk: het saldo is 84.282 - 240 x 300 = 12.282 in elke kolom.
    rij = next(r for r in wb["Onzekerheid"].iter_rows(values_only=True) if r[:2] == ("rapport (vlak gemiddelde)", "Maatschappelijk saldo"))
    assert rij[2:7] == (84282 - 72000,) * 5
    saldo = wb["Maatschappelijk saldo"]
    assert "gemiddelde kosten van een casus x alle hulpvragen" in saldo["A2"].value  # de route van de kosten
    waarden = {r[0]: r[1] for r in saldo.iter_rows(values_only=True)}
    assert waarden["rapport (vlak gemiddelde): maatschappelijk saldo"] == 12282
    verdeling = {r[0]: r for r in wb["Verdeling rapport"].iter_rows(values_only=True)}
    # Rijk: 52.800 - 72.000 - 45.804 (met de kosten van alle hulpvragen staat hij eerst).
    rijk = [r for r in wb["Verdeling rapport"].iter_rows(values_only=True) if r[0] == "Rijk"][0]
    assert (rijk[1], rijk[2], rijk[4], rijk[5], rijk[7]) == (72000, 52800, 45804, -65004, "overheid")
    assert verdeling["Samen: maatschappelijk saldo"][5] == 36762  # de laatste som: met de kosten van de gedekte hulpvragen


def test_begroting_werkmap_saldo_is_een_formule_over_het_blad_begroting(cli, tmp_path):
    _, wb = _werkmap(cli, tmp_path, "begroting", BEGROTING)
    assert wb.sheetnames[:2] == ["Begroting", "Maatschappelijk saldo"]
    blad = wb["Maatschappelijk saldo"]
    assert "de begroting" in blad["A2"].value and "€ 70.772" in blad["A2"].value
    rij = {blad[f"A{r}"].value: r for r in range(1, blad.max_row + 1) if blad[f"A{r}"].value}
    # Het saldo: middelen (per hulpvraag x de hulpvragen van het blad Begroting) min het totaal van het eerste jaar daar.
    assert blad[f"B{rij['Hulpvragen per jaar (blad Begroting)']}"].value == "='Begroting'!$B$8"
    assert blad[f"B{rij['Kosten van het hele programma: de begroting, eerste jaar']}"].value == "='Begroting'!$F$44"
    assert blad[f"B{rij['Maatschappelijk saldo']}"].value == "=B6-B7"
    # De gemeente betaalt haar totaal uit de kosten per betaler; haar saldo is middelen + ontvangt - geeft - betaalt.
    g = rij["Gemeente"]
    assert blad[f"B{g}"].value.startswith("='Begroting'!$D$") and blad[f"F{g}"].value == f"=C{g}+D{g}-E{g}-B{g}"
    assert blad[f"F{rij['Samen: maatschappelijk saldo']}"].value.startswith("=SUM(F")


def _saldoblad(werkmap, uitmap) -> dict:
    """Het blad Maatschappelijk saldo zoals LibreOffice het herberekent: {label in kolom A: rij met waarden}."""
    import openpyxl

    from libreoffice import herbereken

    blad = openpyxl.load_workbook(herbereken(werkmap, uitmap), data_only=True)["Maatschappelijk saldo"]
    return {r[0]: r for r in blad.iter_rows(values_only=True) if r[0]}


@pytest.mark.libreoffice
def test_begroting_werkmap_saldo_in_libreoffice_met_de_hand(cli, tmp_path):
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.uitvoer.excel.begroting import bouw
    from libreoffice import vergelijk_met_rekenkern

    pad, _ = _werkmap(cli, tmp_path, "begroting", BEGROTING)
    # Elke formule, ook die van het saldoblad, op de cent gelijk aan de rekenkern (Decimal).
    invoer = laad_begroting(BEGROTING)
    kba = bereken_pilot(invoer.project.pilot, invoer.project.casussen)
    verwacht = bouw(bereken_begroting(invoer.begroting, kba), None)[1]
    assert sum(1 for cel in verwacht if cel.startswith("Maatschappelijk saldo!")) > 30
    assert vergelijk_met_rekenkern(pad, verwacht, tmp_path / "lo") > 100
    rijen = _saldoblad(pad, tmp_path / "lo2")
    assert rijen["Maatschappelijk saldo"][1] == 84282 - 70772 == 13510
    assert rijen["Kosten van het hele programma: de begroting, eerste jaar"][1] == 70772
    # Gemeente: betaalt 43.120 uit de begroting, middelen 24.882, geeft 19.800 (bijstand): saldo -38.038.
    assert rijen["Gemeente"][1:6] == (43120, 24882, 0, 19800, 24882 - 19800 - 43120)
    assert (rijen["Bibliotheek"][1], rijen["SJD-organisatie"][1], rijen["Rijk"][1]) == (14732, 12920, 0)
    assert rijen["Samen: maatschappelijk saldo"][5] == 13510
    assert rijen["Groep overheid"][5] == -38038 + 6996 - 6600 - 14732 - 12920 == -65294


@pytest.mark.libreoffice
def test_begroting_werkmap_saldo_rekent_mee_met_het_blad_begroting(cli, tmp_path):
    import openpyxl

    pad, _ = _werkmap(cli, tmp_path, "begroting", BEGROTING)
    wb = openpyxl.load_workbook(pad)
    ws = wb["Begroting"]
    assert (ws["A8"].value, ws["A13"].value) == ("Hulpvragen per jaar", "Sociaal-juridisch dienstverlener, spreekuur")
    ws["B8"] = 400  # hulpvragen per jaar
    ws["D13"] = 90  # het SJD-tarief van het spreekuur (gemeente)
    gewijzigd = tmp_path / "gewijzigd" / "begroting.xlsx"
    gewijzigd.parent.mkdir()
    wb.save(gewijzigd)
    rijen = _saldoblad(gewijzigd, tmp_path / "lo")
    # Middelen 84.282 / 300 = 280,94 per hulpvraag x 400 = 112.376; het spreekuur kost nu 6 x 46 x 90 = 24.840
    # (was 22.080), dus het totaal 70.772 + 2.760 = 73.532 en de gemeente 43.120 + 2.760 = 45.880.
    assert rijen["Besparingen van middelen: per hulpvraag x hulpvragen per jaar"][1] == pytest.approx(84282 / 300 * 400) == 112376
    assert rijen["Kosten van het hele programma: de begroting, eerste jaar"][1] == 70772 + 6 * 46 * 10 == 73532
    assert rijen["Maatschappelijk saldo"][1] == pytest.approx(112376 - 73532)
    assert rijen["Gemeente"][1] == 45880
    # Gemeente: middelen 24.882 / 300 x 400 = 33.176, geeft 19.800 / 300 x 400 = 26.400.
    assert rijen["Gemeente"][5] == pytest.approx(33176 - 26400 - 45880)
    assert rijen["Samen: maatschappelijk saldo"][5] == pytest.approx(112376 - 73532)


@pytest.mark.libreoffice
@pytest.mark.poppler
@pytest.mark.parametrize("opdracht", ["onzekerheid", "begroting"])
def test_saldo_blad_zoals_een_lezer_het_afdrukt(cli, tmp_path, opdracht):
    # LibreOffice drukt de werkmap af; het blad met het saldo staat leesbaar op een eigen pagina.
    from systeem import vereis
    from libreoffice import als_pdf
    import subprocess

    (pdftotext,) = vereis("pdftotext")
    vereis("soffice")
    pad, _ = _werkmap(cli, tmp_path, *((opdracht, HENGELO, "--trekkingen", "500") if opdracht == "onzekerheid" else (opdracht, BEGROTING)))
    pdf = als_pdf(pad, tmp_path / "pdf")
    tekst = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pagina = next(p for p in tekst.split("\f") if "Maatschappelijk saldo" in p and "Kosten van het hele programma" in p)
    saldo = "€ 12.282,00" if opdracht == "onzekerheid" else "€ 13.510,00"
    assert saldo in pagina


# -- een overdracht zonder betaler: de onbekende betaler in een eigen groep ---------------------

KLEIN_PILOT = """\
naam: Bibliotheek Klein
omschrijving: Een kleine casussenmap voor de onbekende betaler.
periode:
  van: 2024-01-01
  tot: 2024-12-31
hulpvragen: 100
maanden_in_beeld: 12
rechtsgebieden:
  huurrecht:
    naam: Huurrecht
    aandeel: 100
tarieven:
  sjd:
    naam: Inzet SJD
    per_uur: 100
    prijspeil: 2024
    betaler: gemeente
kengetallen:
  ontruiming:
    naam: Vermeden ontruiming
    bedrag: 1000
    prijspeil: 2024
    actor: woningcorporatie
    bron: Aanname voor de test (2024).
"""
KLEIN_CASUS_1 = """\
nummer: 1
titel: Ontruiming voorkomen
rechtsgebied: huurrecht
uren: 2
baten:
  - kengetal: ontruiming
  - omschrijving: Kwijtgescholden huurschuld
    bedrag: 300
    actor: client
"""
KLEIN_CASUS_2 = """\
nummer: 2
titel: Boete terugbetaald
rechtsgebied: huurrecht
uren: 1
baten:
  - omschrijving: Terugbetaalde boete
    bedrag: 100
    actor: client
    soort: overdracht
    van: gemeente
"""


@pytest.fixture
def klein(tmp_path):
    map_ = tmp_path / "klein"
    map_.mkdir()
    (map_ / "pilot.yaml").write_text(KLEIN_PILOT, encoding="utf-8")
    (map_ / "casus-1.yaml").write_text(KLEIN_CASUS_1, encoding="utf-8")
    (map_ / "casus-2.yaml").write_text(KLEIN_CASUS_2, encoding="utf-8")
    return map_


def test_onbekende_betaler_in_een_eigen_groep_met_de_hand(klein):
    # 2 casussen, 100 hulpvragen, dekking 100%: x 100 / 2 = x 50.
    # Kosten: (2 + 1) uur x € 100 = 300, gemiddeld 150; het hele programma 150 x 100 = 15.000 (gemeente).
    # Middelen: de ontruiming 1.000 x 50 = 50.000 (woningcorporatie, groep overig).
    # Overdrachten aan de cliënt: 300 zonder 'van' (onbekende betaler) + 100 van de gemeente = 400 x 50 = 20.000.
    _, s = _saldo(klein)
    r = s.methoden["rapport"]
    assert r.saldo == D(1000 * 50 - 150 * 100) == D(35000)
    regels = {x.actor: x for x in r.verdeling.regels}
    onbekend = regels["onbekend"]
    assert (onbekend.naam, onbekend.groep, onbekend.geeft, onbekend.saldo) == ("Onbekende betaler", "onbekend", D(15000), D(-15000))
    assert regels["client"].saldo == D(400 * 50) == D(20000)
    assert regels["gemeente"].saldo == D(-15000 - 100 * 50) == D(-20000)
    assert regels["woningcorporatie"].saldo == D(50000)
    # Per groep: de onbekende betaler staat apart, niet bij de overheid; samen het maatschappelijk saldo.
    assert r.verdeling.per_groep() == {"client": D(20000), "overheid": D(-20000), "overig": D(50000), "onbekend": D(-15000)}
    assert sum(r.verdeling.per_groep().values()) == r.verdeling.saldo == D(20000 - 20000 + 50000 - 15000) == r.saldo


def test_onbekende_betaler_in_terminal_json_en_werkmap(klein, cli, tmp_path):
    code, uit, fout = cli("actoren", klein)
    assert code == 0
    assert "Onbekende betaler" in uit and "onbekende betaler (geen groep)" in uit and "-€ 15.000" in uit
    # De waarschuwing noemt bestand en regel van de baat: casus-1.yaml, regel 7 (het tweede item onder 'baten').
    melding = " ".join(fout.split())
    assert f"{klein / 'casus-1.yaml'}:7: Casus 1, baat 2 (Kwijtgescholden huurschuld): een overdracht zonder betaler" in melding
    assert "in een eigen groep (niet bij de overheid)" in melding
    code, uit, _ = cli("actoren", klein, "--formaat", "json")
    doc = json.loads(uit)
    v = doc["verdelingstabel"]["rapport"]
    assert v["per_groep"] == {"client": "20000", "overheid": "-20000", "overig": "50000", "onbekend": "-15000"}
    assert v["saldo"] == "35000"
    w = next(w for w in doc["waarschuwingen"] if w["soort"] == "overdracht_zonder_betaler")
    assert w["plek"] == f"{klein / 'casus-1.yaml'}:7"
    openpyxl = pytest.importorskip("openpyxl")
    pad = tmp_path / "actoren.xlsx"
    assert cli("actoren", klein, "--xlsx", pad)[0] == 0
    rijen = {r[0]: r for r in openpyxl.load_workbook(pad)["Verdeling rapport"].iter_rows(values_only=True)}
    assert rijen["Onbekende betaler"][5] == -15000 and rijen["Onbekende betaler"][7] == "onbekend"
    assert rijen["Onbekende betaler (geen groep)"][5] == -15000
    # De laatste tabel rekent met de kosten van de gedekte hulpvragen: bij 100% dekking ook 300 x 50 = 15.000.
    assert rijen["Groep overheid"][5] == -(300 * 50) - 100 * 50 == -20000
