"""De kengetallenbank: de meegeleverde posten, zoeken en tonen, en de controle van de Hengelo-kengetallen.

Met de hand, uit casussen/hengelo (12 maanden in beeld, geen kansen):
kengetallen in de baten: casus 1: 800 + 214 = 1.014; casus 3: 180 + 200 + 500 = 880;
casus 5: 180 + 150 = 330; casus 6: 180 + 150 = 330; samen 2.554.
Bedragen uit de casussen zelf: casus 1: 50 x 12 = 600; casus 3: 400; casus 5: 500;
casus 6: 74 x 12 = 888; samen 2.388. Alle baten: 2.554 + 2.388 = 4.942.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

from conftest import HENGELO, vervang
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.berekening.kengetallen import controleer, zoek
from kostenbaten.invoer.kengetallenbank import laad_bank
from kostenbaten.invoer.project import laad

D = Decimal


def test_bank_heeft_twintig_posten_waarvan_minstens_vijftien_met_graad_a_tot_c():
    bank, _ = laad_bank()
    posten = bank.kengetallen
    assert len(posten) >= 20
    assert sum(1 for p in posten.values() if p.kwaliteit in "ABC") >= 15
    for sleutel, p in posten.items():
        assert p.bron.titel and p.bron.uitgever and p.bron.vindplaats, sleutel
        assert p.prijspeil >= 2000, sleutel
        if p.kwaliteit == "D":
            assert p.methode == "aanname" and "Aanname" in p.toelichting, sleutel


def test_rechtspraak_per_zaak_is_de_deling_van_budget_en_aantal_zaken():
    bank, _ = laad_bank()
    # 1.000.000.000 / 1.800.000 = 555,555...: op centen 555,56 (zo in de bank, met de deling in de toelichting).
    assert (D(1_000_000_000) / D(1_800_000)).quantize(D("0.01")) == bank.kengetallen["rechtspraak_gemiddeld_per_zaak"].bedrag


def test_aanname_ontruiming_is_de_som_van_drie_wettelijke_tarieven():
    bank, _ = laad_bank()
    k = bank.kengetallen
    # Dagvaarding 103,33 + betekening 114,01 + ontruiming 270,96 = 488,30.
    assert D("103.33") + D("114.01") + D("270.96") == D("488.30")
    som = k["deurwaarder_dagvaarding"].bedrag + k["deurwaarder_betekening_titel"].bedrag + k["deurwaarder_ontruiming"].bedrag
    assert k["ontruiming_deurwaarderskosten_keten"].bedrag == som == D("488.30")


def test_discontovoet_is_gedateerd_en_heeft_een_bron():
    bank, _ = laad_bank()
    d = bank.parameters.discontovoet
    assert d.procent == D("2.25") and str(d.geldig_vanaf) == "2021-01-01"
    assert "rwseconomie.nl/discontovoet" in d.bron.adres


def test_zoeken_op_een_woord():
    bank, _ = laad_bank()
    sleutels = [s for s, _ in zoek(bank, "Ontruiming")]
    assert sleutels == ["deurwaarder_ontruiming", "opvang_dakloosheid", "ontruiming_deurwaarderskosten_keten"]
    assert zoek(bank, "woordbestaatniet") == ()


def test_hengelo_kengetallen_zijn_graad_d_met_vervangers_en_het_aandeel_c_of_d():
    bank, _ = laad_bank()
    project = laad(HENGELO)
    c = controleer(project, bank, bereken_pilot(project.pilot, project.casussen).casussen)
    assert [o.sleutel for o in c.oordelen] == [
        "toevoeging", "bijzondere_bijstand", "schuldhulpverlening", "deurwaarderskosten", "rechtbank", "incassomaatregelen",
    ]
    assert {o.graad for o in c.oordelen} == {"D"}
    vervangers = {o.sleutel: [v.sleutel for v in o.vervangers] for o in c.oordelen}
    assert vervangers["bijzondere_bijstand"] == ["eigen_bijdrage_toevoeging"]
    assert vervangers["schuldhulpverlening"] == ["schuldhulpverlening_per_huishouden"]
    assert vervangers["rechtbank"] == ["griffierecht_civiel_onvermogend", "rechtspraak_gemiddeld_per_zaak"]
    assert vervangers["deurwaarderskosten"][0].startswith("deurwaarder_")
    assert vervangers["toevoeging"] == [] and vervangers["incassomaatregelen"] == []
    assert c.baten_per_graad["D"] == D(800 + 214 + 180 + 200 + 500 + 180 + 150 + 180 + 150) == D(2554)
    assert c.baten_per_graad["casusbedrag"] == D(50 * 12 + 400 + 500 + 74 * 12) == D(2388)
    assert c.totaal_baten == D(4942)
    assert c.aandeel_c_of_d.quantize(D("0.0001")) == D("0.5168")  # 2.554 / 4.942 = 0,51679...


def test_verwijzing_naar_bankpost_geeft_de_graad_en_oud_prijspeil_wordt_gemeld(tmp_path):
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    vervang(map_ / "pilot.yaml", "    bedrag: 214\n    prijspeil: 2022", "    bedrag: 214\n    prijspeil: 2022\n    bankpost: eigen_bijdrage_toevoeging")
    vervang(map_ / "pilot.yaml", "    bedrag: 180\n    prijspeil: 2022", "    bedrag: 180\n    prijspeil: 2005\n    kwaliteit: C")
    bank, _ = laad_bank()
    project = laad(map_)
    c = controleer(project, bank, bereken_pilot(project.pilot, project.casussen).casussen)
    oordeel = {o.sleutel: o for o in c.oordelen}
    assert oordeel["bijzondere_bijstand"].graad == "A" and oordeel["bijzondere_bijstand"].bevindingen == ()
    assert oordeel["schuldhulpverlening"].graad == "C"
    assert oordeel["schuldhulpverlening"].bevindingen == ("prijspeil 2005 is meer dan 10 jaar ouder dan het eind van de pilot (2022)",)
    # Nu rust 214 (casus 1) op graad A en 3 x 180 = 540 op graad C; de rest van de kengetallen op D.
    assert c.baten_per_graad["A"] == D(214) and c.baten_per_graad["C"] == D(540)
    assert c.baten_c_of_d == D(2554 - 214)


def test_opdracht_lijst_zoek_toon_en_controleer(cli):
    code, uit, _ = cli("kengetallen", "--formaat", "json")
    assert code == 0 and len(json.loads(uit)["kengetallen"]) >= 20
    code, uit, _ = cli("kengetallen", "toon", "deurwaarder_ontruiming")
    assert code == 0 and "€ 270,96" in uit and "https://schuldinfo.nl/index.php?id=51" in uit
    code, uit, _ = cli("kengetallen", "controleer", HENGELO, "--formaat", "json")
    doc = json.loads(uit)
    assert code == 0 and [k["kwaliteit"] for k in doc["kengetallen"]] == ["D"] * 6
    assert doc["baten_per_graad"]["D"] == "2554" and doc["totaal_baten"] == "4942"
    code, uit, _ = cli("kengetallen", "controleer", HENGELO)
    assert "52% van de baten" in uit  # 2.554 / 4.942 = 51,7%


def test_onbekende_sleutel_en_actie_zijn_gebruiksfouten(cli):
    code, uit, fout = cli("kengetallen", "toon", "deurwaarder_ontruimin")
    assert (code, uit) == (2, "")
    assert "bedoelt u 'deurwaarder_ontruiming'?" in fout
    code, _, fout = cli("kengetallen", "verwijder", "x")
    assert code == 2 and "onbekende actie 'verwijder'" in fout
    code, _, fout = cli("kengetallen", "zoek")
    assert code == 2 and "kostenbaten kengetallen zoek ontruiming" in fout


def test_standaard_discontovoet_in_de_code_is_die_uit_de_bank_en_meerjarig_noemt_zijn_herkomst(cli):
    from kostenbaten.berekening.meerjarig import STANDAARD_DISCONTO

    bank, _ = laad_bank()
    assert STANDAARD_DISCONTO == bank.parameters.discontovoet.procent
    doc = json.loads(cli("meerjarig", HENGELO, "--formaat", "json")[1])
    assert doc["disconto_procent"] == "2.25"
    assert doc["disconto_herkomst"].startswith("standaarddiscontovoet 2,25%, geldig sinds 1 januari 2021; bron: Discontovoet")
    doc = json.loads(cli("meerjarig", HENGELO, "--formaat", "json", "--disconto", "4")[1])
    assert doc["disconto_procent"] == "4" and doc["disconto_herkomst"].startswith("opgegeven met --disconto")
    # Contante waarde jaar 2 tegen 4%: factor 1 / 1,04.
    assert Decimal(doc["jaarfactoren"][1]).quantize(D("0.000001")) == (D(1) / D("1.04")).quantize(D("0.000001"))


def test_kengetal_met_alleen_een_bankpost_krijgt_bedrag_en_bron_uit_de_bank_en_is_te_overschrijven(tmp_path, cli):
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    pilot = (map_ / "pilot.yaml").read_text(encoding="utf-8")
    kop = next(r for r in pilot.splitlines(keepends=True) if r.startswith("kengetallen:"))
    pilot = pilot.replace(kop, kop +
                          "  beslag:\n    bankpost: deurwaarder_beslag_roerend\n"
                          "  ontruiming:\n    bankpost: deurwaarder_ontruiming\n    bedrag: 300\n")
    (map_ / "pilot.yaml").write_text(pilot, encoding="utf-8")
    project = laad(map_)
    beslag = project.pilot.kengetallen["beslag"]
    assert beslag.bedrag.waarde == D("137.78") and beslag.prijspeil == 2022 and beslag.actor == "client"
    assert beslag.bron.startswith("kengetallenbank, deurwaarder_beslag_roerend: Kosten ambtshandelingen")
    assert project.pilot.kengetallen["ontruiming"].bedrag.waarde == D(300)  # overschreven in pilot.yaml
    bank, _ = laad_bank()
    c = controleer(project, bank, bereken_pilot(project.pilot, project.casussen).casussen)
    oordeel = {o.sleutel: o for o in c.oordelen}
    assert oordeel["beslag"].graad == "A" and oordeel["beslag"].bevindingen == ()
    assert oordeel["ontruiming"].graad == "A" and "wijkt af van bankpost 'deurwaarder_ontruiming'" in oordeel["ontruiming"].bevindingen[0]
    # Een onbekende post: een fout met bestand en regel, afsluitcode 2.
    (map_ / "pilot.yaml").write_text(pilot.replace("bankpost: deurwaarder_beslag_roerend", "bankpost: deurwaarder_beslag"), encoding="utf-8")
    code, _, fout = cli("bereken", map_)
    assert code == 2 and f"{map_ / 'pilot.yaml'}:" in fout
    assert "de kengetallenbank kent geen post 'deurwaarder_beslag'; bedoelt u" in fout


def test_discontovoet_uit_pilot_yaml_en_een_onmogelijke_voet(tmp_path, cli):
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    with open(map_ / "pilot.yaml", "a", encoding="utf-8") as f:
        f.write("discontovoet: 3.5\n")
    doc = json.loads(cli("meerjarig", map_, "--formaat", "json")[1])
    assert doc["disconto_procent"] == "3.5" and doc["disconto_herkomst"].startswith("uit 'discontovoet' in pilot.yaml")
    assert Decimal(doc["jaarfactoren"][1]).quantize(D("0.000001")) == (D(1) / D("1.035")).quantize(D("0.000001"))
    # --disconto gaat voor pilot.yaml.
    assert json.loads(cli("meerjarig", map_, "--formaat", "json", "--disconto", "2")[1])["disconto_procent"] == "2"
    vervang(map_ / "pilot.yaml", "discontovoet: 3.5\n", "discontovoet: -150\n")
    code, _, fout = cli("meerjarig", map_)
    assert code == 2 and "discontovoet" in fout


def test_bankpost_geeft_soort_en_van_tenzij_pilot_yaml_ze_noemt(tmp_path):
    from kostenbaten.berekening.saldo import bereken_saldo

    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    pilot = (map_ / "pilot.yaml").read_text(encoding="utf-8")
    kop = next(r for r in pilot.splitlines(keepends=True) if r.startswith("kengetallen:"))
    pilot = pilot.replace(kop, kop +
                          "  griffie:\n    bankpost: griffierecht_civiel_onvermogend\n"
                          "  beslag:\n    bankpost: deurwaarder_beslag_roerend\n"
                          "  incasso:\n    bankpost: incassokosten_wik\n"
                          "  incasso_als_middelen:\n    bankpost: incassokosten_wik\n    soort: middelen\n")
    (map_ / "pilot.yaml").write_text(pilot, encoding="utf-8")
    vervang(map_ / "casus-4.yaml", "baten: []", "baten:\n  - kengetal: griffie\n#")
    project = laad(map_)
    k = project.pilot.kengetallen
    # Uit de bank: het griffierecht is een overdracht van de cliënt aan het Rijk; de cliënt wint als het vervalt.
    assert (k["griffie"].soort, k["griffie"].van, k["griffie"].actor, k["griffie"].bedrag.waarde) == ("overdracht", "rijk", "client", D(86))
    assert (k["incasso"].soort, k["incasso"].van) == ("overdracht", "schuldeiser")
    assert (k["beslag"].soort, k["beslag"].van) == ("middelen", None)
    # pilot.yaml gaat voor: als middelen geen `van` uit de bank.
    assert (k["incasso_als_middelen"].soort, k["incasso_als_middelen"].van) == ("middelen", None)

    rapport = bereken_saldo(bereken_pilot(project.pilot, project.casussen)).methoden["rapport"]
    # Een overdracht verandert het maatschappelijk saldo niet: middelen 2.554 x 33 = 84.282 min 240 x 300 = 72.000.
    assert rapport.saldo == D(2554 * 33 - 240 * 300) == D(12282)
    regel = {r.actor: r for r in rapport.verdeling.regels}
    # Wel de verdeling: € 86 x 198 / 6 = € 2.838 meer voor de cliënt, en evenveel minder voor het Rijk.
    assert regel["client"].ontvangt == D(78804 + 86 * 33) == D(81642)
    assert regel["rijk"].geeft == D(45804 + 86 * 33) == D(48642)
    assert regel["rijk"].saldo == D(52800 - 72000 - 48642) == D(-67842)
    assert rapport.verdeling.saldo == rapport.saldo
