"""Analyse voorbij het rapport: uitleg, gevoeligheid, meerjarig en actoren, tegen met de hand uitgerekende antwoorden."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kostenbaten.berekening.actoren import extrapoleer_grootheid, verdeel_over_actoren
from kostenbaten.berekening.gevoeligheid import gevoeligheid
from kostenbaten.berekening.kba import bereken_casus, bereken_pilot
from kostenbaten.berekening.meerjarig import jaarfactoren, maanden_per_jaar, meerjarig, standaard_horizon
from kostenbaten.berekening.uitleg import OnbekendCijfer, leg_uit, uitlegbare_cijfers
from kostenbaten.cli import app
from kostenbaten.geld import afronden_op_centen
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.uitvoer.namen import omslagpunt_tekst, rekensom_tekst

HENGELO = Path(__file__).resolve().parents[1] / "casussen" / "hengelo"
runner = CliRunner()


@pytest.fixture(scope="module")
def project():
    return laad_project(HENGELO)


@pytest.fixture(scope="module")
def uitkomst(project):
    return bereken_pilot(project.pilot, project.casussen)


@pytest.fixture(scope="module")
def variatie(project):
    g = gevoeligheid(project.pilot, project.casussen)
    return g, {v.invoer.sleutel: v for v in g.variaties}


def cli(*argumenten: str):
    return runner.invoke(app, [*argumenten], catch_exceptions=False)


def werkmap(pad: Path, commando: str):
    """Laat `commando` een werkmap naar `pad` schrijven en lees die terug."""
    openpyxl = pytest.importorskip("openpyxl")
    assert cli(commando, str(HENGELO), "--xlsx", str(pad)).exit_code == 0
    return openpyxl.load_workbook(pad)


def dichtbij(waarde: Decimal, verwacht: Fraction, marge: Fraction = Fraction(1, 10**20)) -> bool:
    """Decimal rekent met eindige precisie; het verschil met de exacte breuk moet verwaarloosbaar zijn."""
    return abs(Fraction(waarde) - verwacht) < marge


# -- uitleg -----------------------------------------------------------------------------


def test_uitleg_van_het_totaal_bevat_elke_rekenstap(project, uitkomst):
    boom = leg_uit(uitkomst, "totaal", project.regel)
    waarden = {k.waarde for k in boom.alle()}
    for verwacht in ("115000", "115434", "583", "198", "3502", "300", "66"):
        assert Decimal(verwacht) in waarden, verwacht
    assert boom.waarde == 115000
    assert "afronden_op_duizendtal" in rekensom_tekst(boom.rekensom)
    product = boom.kinderen[0]
    assert rekensom_tekst(product.rekensom) == "583 x 198 = 115.434"
    gemiddelde, gedekt = product.kinderen
    assert rekensom_tekst(gemiddelde.rekensom) == "afkappen_op_euro(583,67) = 583 (centen weggelaten)"
    assert rekensom_tekst(gedekt.rekensom) == "66% x 300 = 198"
    assert rekensom_tekst(gemiddelde.kinderen[0].rekensom) == "3.502 / 6 = 583,67"
    som_netto = gemiddelde.kinderen[0].kinderen[0]
    assert rekensom_tekst(som_netto.rekensom) == "1.374 + (-360) + 1.040 + (-240) + 710 + 978 = 3.502"
    assert len(som_netto.kinderen) == 6


def test_uitleg_verwijst_naar_bestand_en_regel_en_bron(project, uitkomst):
    boom = leg_uit(uitkomst, "totaal", project.regel)
    plekken = [p for k in boom.alle() for p in k.waar]
    assert all(re.fullmatch(r".+\.yaml:\d+", p) for p in plekken)
    # De toevoeging: de verwijzing in casus 1 en de waarde in pilot.yaml, met bron.
    toevoeging = next(k for k in boom.alle() if k.label.startswith("Kostenbesparing toevoeging"))
    pilot_regels = (HENGELO / "pilot.yaml").read_text(encoding="utf-8").splitlines()
    casus_regels = (HENGELO / "casus-1.yaml").read_text(encoding="utf-8").splitlines()
    casus_plek, pilot_plek = toevoeging.waar
    assert "kengetal: toevoeging" in casus_regels[int(casus_plek.rsplit(":", 1)[1]) - 1]
    assert "bedrag: 800" in pilot_regels[int(pilot_plek.rsplit(":", 1)[1]) - 1]
    assert toevoeging.bron.startswith("KBA Hengelo")
    # Een kostenpost wijst naar de uren van de casus en naar het tarief.
    sjd = next(k for k in boom.alle() if k.label.startswith("Inzet SJD"))
    assert rekensom_tekst(sjd.rekensom) == "2 uur x € 80 per uur = 160"
    assert "uren: 2" in casus_regels[int(sjd.waar[0].rsplit(":", 1)[1]) - 1]
    assert "per_uur: 80" in pilot_regels[int(sjd.waar[1].rsplit(":", 1)[1]) - 1]


def test_uitleg_volgt_de_invoer_en_niet_vaste_getallen(project):
    kengetallen = dict(project.pilot.kengetallen)
    k = kengetallen["toevoeging"]
    kengetallen["toevoeging"] = k.model_copy(update={"bedrag": k.bedrag.model_copy(update={"waarde": Decimal(1000)})})
    pilot = project.pilot.model_copy(update={"kengetallen": kengetallen})
    boom = leg_uit(bereken_pilot(pilot, project.casussen), "rapport", project.regel)
    assert boom.waarde == 122166
    assert rekensom_tekst(boom.rekensom) == "3.702 x 198 / 6 = 122.166"


@pytest.mark.parametrize(
    ("cijfer", "waarde"),
    [
        ("gemiddelde_netto", "583"),
        ("client", "78200"),
        ("overheid", "36800"),
        ("rapport", "115566"),
        ("rapport.client", "78804"),
        ("rapport.overheid", "36762"),
        ("gewogen", "107109"),
        ("gewogen.client", "68766"),
        ("casus-3.overheid", "640"),
        ("casus-6.kosten", "240"),
        ("casus-1.rijk", "560"),
        ("casus-3.schuldeiser", "200"),
    ],
)
def test_uitlegbare_cijfers(project, uitkomst, cijfer, waarde):
    assert cijfer in uitlegbare_cijfers(uitkomst)
    assert leg_uit(uitkomst, cijfer, project.regel).waarde == Decimal(waarde)


def test_uitleg_noemt_het_erratum_van_casus_6(project, uitkomst):
    kosten = leg_uit(uitkomst, "casus-6.kosten", project.regel)
    assert kosten.waarde == 240
    assert kosten.let_op.startswith("erratum in het rapport: Het rapport drukt een kostentotaal van € 120")


def test_uitleg_van_onbekend_cijfer(project, uitkomst):
    with pytest.raises(OnbekendCijfer) as fout:
        leg_uit(uitkomst, "casus-9", project.regel)
    assert "totaal" in fout.value.bekend


def test_uitleg_noemt_client_met_trema(project, uitkomst):
    assert uitlegbare_cijfers(uitkomst)["casus-1.client"] == "deel cliënt van casus 1"
    assert leg_uit(uitkomst, "casus-1.client", project.regel).label == "Casus 1: cliënt"


def test_cli_uitleg_boom():
    uit = cli("uitleg", str(HENGELO), "totaal")
    assert uit.exit_code == 0
    for tekst in ("115.000", "583 x 198 = 115.434", "3.502 / 6 = 583,67", "66% x 300 = 198", "pilot.yaml:", "casus-1.yaml:"):
        assert tekst in uit.output, tekst


def test_cli_uitleg_lijst_en_fout():
    lijst = cli("uitleg", str(HENGELO))
    assert lijst.exit_code == 0
    assert "casus-3.overheid" in lijst.output and "gewogen" in lijst.output
    assert "Cijfer" in lijst.output and "Figuur" not in lijst.output
    fout = cli("uitleg", str(HENGELO), "bestaatniet")
    assert fout.exit_code == 2
    assert "onbekend cijfer 'bestaatniet'. Uit te leggen zijn: totaal, gemiddelde_netto" in fout.output
    # De hele cijfers, niet elk deel: die staan in de lijst van `uitleg` zonder cijfer.
    assert "casus-6.rijk" not in fout.output and "casus-1 tot en met casus-6, en hun delen, zoals" in fout.output
    assert f"De hele lijst, met wat elk cijfer is: kostenbaten uitleg {HENGELO}" in fout.output
    # Zoals een mens het typt: met trema of hoofdletter is het hetzelfde cijfer.
    assert cli("uitleg", str(HENGELO), "Casus-1.Cliënt").output == cli("uitleg", str(HENGELO), "casus-1.client").output
    bijna = cli("uitleg", str(HENGELO), "totall")
    assert bijna.exit_code == 2
    assert "onbekend cijfer 'totall'. Bedoelt u 'totaal'?" in bijna.output
    assert "Traceback" not in bijna.output


def test_cli_uitleg_diepte():
    uit = cli("uitleg", str(HENGELO), "totaal", "--diepte", "2")
    assert uit.exit_code == 0
    assert "583 x 198 = 115.434" in uit.output and "onderliggende stappen" in uit.output
    assert "casus-1.yaml" not in uit.output
    kort = json.loads(cli("uitleg", str(HENGELO), "totaal", "--diepte", "1", "-f", "json").stdout)["uitleg"]
    assert kort["kinderen"][0]["ingekort"] is True and kort["kinderen"][0]["kinderen"] == []


def test_cli_uitleg_json():
    uit = cli("uitleg", str(HENGELO), "totaal", "--formaat", "json")
    document = json.loads(uit.stdout)
    assert document["cijfer"] == "totaal"
    boom = document["uitleg"]
    assert boom["waarde"] == "115000"
    assert set(boom) >= {"label", "waarde", "eenheid", "rekensom", "kinderen"}
    assert boom["kinderen"][0]["waarde"] == "115434"
    lijst = json.loads(cli("uitleg", str(HENGELO), "-f", "json").stdout)
    totaal = {"cijfer": "totaal", "omschrijving": "totale opbrengst zoals gepubliceerd", "waarde": "115000", "eenheid": "euro"}
    assert totaal in lijst["cijfers"]


# -- gevoeligheid ----------------------------------------------------------------------------


def test_omslagpunt_sjd_tarief_exact(variatie):
    _, per_sleutel = variatie
    sjd = per_sleutel["tarief.sjd"].effecten["rapport"]
    # 12 SJD-uur in de zes casussen: elke euro meer per uur kost 12 x 198 / 6 = 396 in het totaal.
    assert sjd.per_eenheid == -396
    assert dichtbij(sjd.omslagpunt.waarde, 80 + Fraction(3502, 12))
    assert afronden_op_centen(sjd.omslagpunt.waarde) == Decimal("371.83")


def test_toevoeging_plus_25_procent(project, variatie):
    g, per_sleutel = variatie
    toevoeging = per_sleutel["kengetal.toevoeging"]
    assert (toevoeging.laag, toevoeging.hoog) == (Decimal(600), Decimal(1000))
    # Casus 1 netto 1.374 + 200 = 1.574; som 3.702; 3.702 x 198 / 6 = 122.166.
    assert toevoeging.effecten["rapport"].hoog == 122166
    assert toevoeging.effecten["rapport"].laag == 108966
    assert g.basis == {"rapport": 115566, "gewogen": 107109}
    k = project.pilot.kengetallen["toevoeging"]
    kengetallen = {**project.pilot.kengetallen, "toevoeging": k.model_copy(update={"bedrag": k.bedrag.model_copy(update={"waarde": Decimal(1000)})})}
    casus1 = bereken_pilot(project.pilot.model_copy(update={"kengetallen": kengetallen}), project.casussen).casussen[0]
    assert casus1.netto == 1374 + 200


def test_omslagpunt_geen(variatie):
    _, per_sleutel = variatie
    hulpvragen = per_sleutel["hulpvragen"].effecten["rapport"].omslagpunt
    assert hulpvragen.waarde is None and hulpvragen.wiskundig == 0
    toevoeging = per_sleutel["kengetal.toevoeging"].effecten["rapport"].omslagpunt
    # 3.502 + 1 x (t - 800) = 0 geeft t = -2.702: een kengetal kan niet negatief zijn.
    assert toevoeging.waarde is None and toevoeging.wiskundig == -2702
    assert omslagpunt_tekst(toevoeging, "euro") == "geen: nul pas bij -€ 2.702, onder het minimum € 0"
    aandeel = per_sleutel["aandeel.belastingrecht"].effecten["rapport"].omslagpunt
    assert aandeel.waarde is None and aandeel.wiskundig == -53  # de andere aandelen samen


def test_omslagpunt_uren_samen(variatie):
    _, per_sleutel = variatie
    uren = per_sleutel["uren"].effecten["rapport"].omslagpunt
    # Baten 4.942, kosten 120 per uur: nul bij 4.942 / 120 uur.
    assert dichtbij(uren.waarde, Fraction(4942, 120))


def test_elk_omslagpunt_maakt_het_totaal_nul(project, variatie):
    _, per_sleutel = variatie
    gevonden = 0
    for v in per_sleutel.values():
        for methode, e in v.effecten.items():
            if e.omslagpunt.waarde is None:
                continue
            gevonden += 1
            pilot, casussen = v.invoer.zet(project.pilot, project.casussen, e.omslagpunt.waarde)
            # Rechtstreeks geëxtrapoleerd: de gepubliceerde afrondingen hebben bij een totaal van bijna nul geen zin.
            uitkomsten = [bereken_casus(c, pilot) for c in casussen]
            totaal = extrapoleer_grootheid(pilot, uitkomsten, methode, lambda u: u.netto)
            assert abs(totaal) < Decimal("1e-15"), (v.invoer.sleutel, methode, totaal)
    assert gevonden >= 2 * 10  # tarieven en uren, voor beide methoden


@settings(max_examples=25, deadline=None)
@given(st.decimals(min_value=0, max_value=20, places=2))
def test_horizon_een_jaar_is_het_jaarbeeld_bij_elke_disconto(disconto):
    project = laad_project(HENGELO)
    m = meerjarig(project.pilot, project.casussen, horizon=1, disconto=disconto)
    assert m.contant.extrapolaties["rapport"].totaal == 115566
    assert [c.netto for c in m.contant.casussen] == [c.netto for c in m.een_jaar.casussen]


def test_tornado_is_gesorteerd_op_zwaai(variatie):
    g, _ = variatie
    for methode in ("rapport", "gewogen"):
        zwaaien = [v.effecten[methode].zwaai for v in g.gesorteerd(methode)]
        assert zwaaien == sorted(zwaaien, reverse=True)
    assert g.gesorteerd("rapport")[0].invoer.sleutel == "hulpvragen"


def test_cli_gevoeligheid_tabel():
    uit = cli("gevoeligheid", str(HENGELO))
    assert uit.exit_code == 0
    assert "Tornado, methode rapport" in uit.output and "Tornado, methode gewogen" in uit.output
    assert "€ 371,83" in uit.output
    assert "█" in uit.output


def test_tornado_leesbare_namen_en_legenda_zonder_kleur():
    """Op 80 kolommen zonder kleur: leesbare namen en twee verschillende tekens voor -25% en +25%."""
    uit = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["gevoeligheid", str(HENGELO)], catch_exceptions=False).output
    tornado = uit.split("Omslagpunten")[0]
    for naam in ("Toevoeging (kengetal)", "Tarief SJD", "Hulpvragen", "SJD-uren casus 2"):
        assert naam in tornado, naam
    for sleutel in ("baat.casus-", "aandeel.", "tarief.", "kengetal."):
        assert sleutel not in tornado, sleutel
    assert "Aandeel sociaal" in tornado and "Casus 6:" in tornado
    assert "░ invoer -25%" in tornado and "█ invoer +25%" in tornado
    assert all(len(regel) <= 80 for regel in uit.splitlines())


def test_cli_gevoeligheid_json():
    uit = cli("gevoeligheid", str(HENGELO), "--stap", "25", "--formaat", "json")
    document = json.loads(uit.stdout)
    assert document["stap_procent"] == "25"
    assert document["basis"] == {"rapport": "115566", "gewogen": "107109"}
    per_sleutel = {i["sleutel"]: i for i in document["invoer"]}
    sjd = per_sleutel["tarief.sjd"]
    assert sjd["effecten"]["rapport"]["omslagpunt"]["waarde"] == "371.83"
    assert re.search(r"pilot\.yaml:\d+$", sjd["waar"])
    assert per_sleutel["kengetal.toevoeging"]["effecten"]["rapport"]["totaal_hoog"] == "122166"
    assert per_sleutel["hulpvragen"]["effecten"]["rapport"]["omslagpunt"]["waarde"] is None
    assert all(k.isascii() for i in document["invoer"] for k in i)


def test_cli_gevoeligheid_stap_en_fouten():
    tien = json.loads(cli("gevoeligheid", str(HENGELO), "--stap", "10", "-f", "json").stdout)
    toevoeging = next(i for i in tien["invoer"] if i["sleutel"] == "kengetal.toevoeging")
    assert (toevoeging["laag"], toevoeging["hoog"]) == ("720", "880")
    fout = cli("gevoeligheid", str(HENGELO), "--stap", "abc")
    assert fout.exit_code == 2 and "--stap: 'abc' is geen getal" in fout.output
    fout = cli("gevoeligheid", str(HENGELO), "--stap", "150")
    assert fout.exit_code == 2


def test_cli_gevoeligheid_xlsx(tmp_path):
    from kostenbaten.uitvoer.excel.blad import EURO, UREN

    pad = tmp_path / "gevoeligheid.xlsx"
    map_ = werkmap(pad, "gevoeligheid")
    assert map_.sheetnames == ["Gevoeligheid", "Omslagpunten", "Omslagpunten saldo", "Tornado rapport", "Tornado gewogen"]
    blad = map_["Gevoeligheid"]
    kop = [c.value for c in blad[3]]
    rijen = {r[0].value: dict(zip(kop, r)) for r in blad.iter_rows(min_row=4) if r[1].value}
    # Namen en plekken in plaats van interne sleutels; elke invoer in zijn eigen eenheid.
    assert rijen["Kengetal: Kostenbesparing toevoeging"]["Totaal bij +25% (rapport)"].value == 122166
    regels = (HENGELO / "pilot.yaml").read_text(encoding="utf-8").splitlines()
    kengetal = regels.index("  toevoeging:")
    bedrag = next(i for i in range(kengetal, len(regels)) if regels[i].startswith("    bedrag:")) + 1
    assert rijen["Kengetal: Kostenbesparing toevoeging"]["Waar"].value == f"pilot.yaml:{bedrag}"
    assert rijen["SJD-uren, alle casussen samen"]["Nu"].number_format == UREN
    assert rijen["Tarief per uur: Inzet SJD"]["Nu"].number_format == EURO
    omslag = {r[0]: r for r in map_["Omslagpunten"].iter_rows(min_row=4, values_only=True)}
    assert omslag["Tarief per uur: Inzet SJD"][2] == "bij € 371,83 (+364,8% t.o.v. nu)"
    assert omslag["SJD-uren, alle casussen samen"][2].startswith("bij 41,18 uur")  # uren als uren, niet als euro
    # Op het maatschappelijk saldo (12.282): 12 uur / 6 casussen x 300 hulpvragen = 600 uur per euro tarief;
    # nul bij 80 + 12.282 / 600 = 100,47. De kosten volgen de route van de casussen.
    saldo = map_["Omslagpunten saldo"]
    assert "gemiddelde kosten van een casus x alle hulpvragen" in saldo["A2"].value
    omslag_saldo = {r[0]: r for r in saldo.iter_rows(min_row=4, values_only=True)}
    assert omslag_saldo["Tarief per uur: Inzet SJD"][2].startswith(f"bij € {str(round(80 + 12282 / 600, 2)).replace('.', ',')}")
    # De tornado noemt elke staaf: evenveel namen als invoer, geen naam overgeslagen.
    tornado = map_["Tornado rapport"]
    (grafiek,) = tornado._charts
    assert grafiek.x_axis.tickLblSkip == 1
    assert grafiek.series[0].cat.numRef.f == f"'Tornado rapport'!$N$2:$N${len(rijen) + 1}"
    # Afdrukbereik: titel plus grafiek, op één pagina (de gegevens staan er rechts buiten).
    assert tornado.print_area == "'Tornado rapport'!$A$1:$I$48" and tornado.page_setup.fitToHeight == 1
    # Niet ongevraagd overschrijven.
    opnieuw = cli("gevoeligheid", str(HENGELO), "--xlsx", str(pad))
    assert opnieuw.exit_code == 2 and "--overschrijf" in opnieuw.output
    assert cli("gevoeligheid", str(HENGELO), "--xlsx", str(pad), "--overschrijf").exit_code == 0


# -- meerjarig ---------------------------------------------------------------------------------


def test_volle_looptijd_nominaal(project):
    m = meerjarig(project.pilot, project.casussen, horizon=3, disconto=Decimal(0))
    per_nummer = {c.nummer: c for c in m.nominaal.casussen}
    assert per_nummer[1].client == 1800  # 50 x 36
    assert per_nummer[6].client == 1776  # 74 x 24
    assert per_nummer[1].netto == 1800 + 800 + 214 - 240
    assert m.contant.casussen[0].client == 1800  # zonder disconto gelijk aan nominaal


def test_contante_waarde_met_de_hand(project):
    m = meerjarig(project.pilot, project.casussen, horizon=3, disconto=Decimal("2.25"))
    # Met de hand: € 600 per jaar, jaar 1 niet verdisconteerd; 1,0225 = 409/400.
    v = Fraction(400, 409)
    casus1 = 600 + 600 * v + 600 * v**2  # 1.760,6817...
    casus6 = 888 + 888 * v  # 24 maanden: jaar 1 en 2
    per_nummer = {c.nummer: c for c in m.contant.casussen}
    assert dichtbij(per_nummer[1].client, casus1)
    assert dichtbij(per_nummer[6].client, casus6)
    assert afronden_op_centen(per_nummer[1].client) == Decimal("1760.68")
    assert afronden_op_centen(per_nummer[6].client) == Decimal("1756.46")
    # De extrapolatie: som netto contant x 198 / 6.
    som_netto = 3502 + (casus1 - 600) + (casus6 - 888)
    assert dichtbij(m.contant.extrapolaties["rapport"].totaal, som_netto * 33)


def test_horizon_van_een_jaar_is_het_rapport(project, uitkomst):
    m = meerjarig(project.pilot, project.casussen, horizon=1)
    assert m.contant.extrapolaties["rapport"].totaal == uitkomst.extrapolaties["rapport"].totaal == 115566
    assert standaard_horizon(project.casussen) == 3


def test_maanden_en_factoren():
    assert maanden_per_jaar(36, 3) == [12, 12, 12]
    assert maanden_per_jaar(30, 4) == [12, 12, 6, 0]
    assert maanden_per_jaar(40, 2) == [12, 12]
    factoren = jaarfactoren(3, Decimal("2.25"))
    assert factoren[0] == 1
    assert dichtbij(factoren[1], Fraction(400, 409))


def test_cli_meerjarig():
    uit = cli("meerjarig", str(HENGELO))
    assert uit.exit_code == 0
    for tekst in ("12 maanden (rapport)", "3 jaar nominaal", "3 jaar contant", "€ 1.800,00", "€ 1.776,00", "€ 1.760,68", "2,25%", "cliënt"):
        assert tekst in uit.output, tekst
    assert "client" not in uit.output
    document = json.loads(cli("meerjarig", str(HENGELO), "--horizon", "3", "--disconto", "2,25", "-f", "json").stdout)
    assert document["horizon_jaren"] == 3 and document["disconto_procent"] == "2.25"
    assert set(document) >= {"een_jaar", "nominaal", "contant", "jaarfactoren", "conventie"}
    assert document["nominaal"]["casussen"][0]["client"] == "1800"
    assert document["contant"]["casussen"][0]["client"] == "1760.68"
    assert document["een_jaar"]["extrapolatie"][0]["totaal"] == "115566"
    assert {a["actor"] for a in document["contant"]["actoren"][0]["actoren"]} == {"client", "gemeente", "rijk", "schuldeiser"}
    fout = cli("meerjarig", str(HENGELO), "--disconto", "twee")
    assert fout.exit_code == 2


def test_cli_meerjarig_xlsx(tmp_path):
    map_ = werkmap(tmp_path / "meerjarig.xlsx", "meerjarig")
    assert map_.sheetnames == ["Per casus", "Extrapolatie", "Actoren", "Maatschappelijk saldo", "Conventie"]
    rijen = list(map_["Per casus"].iter_rows(values_only=True))
    assert rijen[2] == ("Casus", "Wie", "12 maanden (rapport)", "3 jaar nominaal", "3 jaar contant")
    assert rijen[4][:4] == ("Casus 1", "Cliënt", 600, 1800)
    assert Decimal(str(rijen[4][4])) == Decimal("1760.68")
    conventie = {r[0]: r[1] for r in map_["Conventie"].iter_rows(min_row=4, values_only=True)}
    assert conventie["Horizon"] == "3 jaar" and conventie["Discontovoet per jaar"] == 2.25


# -- actoren -----------------------------------------------------------------------------------


def test_actoren_geven_de_tweedeling_van_het_rapport(uitkomst):
    a = verdeel_over_actoren(uitkomst)
    assert a.koppeling == {"client": ("client",), "overheid": ("gemeente", "rijk", "schuldeiser"), "overig": ()}
    rapport = a.extrapolaties["rapport"]
    assert rapport.per_groep() == {"client": 78804, "overheid": 36762, "overig": 0}
    assert a.extrapolaties["gewogen"].per_groep() == {"client": 68766, "overheid": 38343, "overig": 0}
    per_actor = {r.actor: r for r in rapport.regels}
    # Rijk betaalt 12 uur x 120 x 33 en wint (800 + 500 + 150 + 150) x 33.
    assert (per_actor["rijk"].kosten, per_actor["rijk"].baten) == (47520, 52800)
    assert per_actor["gemeente"].baten == (214 + 3 * 180) * 33
    assert per_actor["schuldeiser"].baten == 200 * 33
    for tabel, casus in zip(a.casussen, uitkomst.casussen):
        assert tabel.per_groep() == casus.per_groep()


def test_cli_actoren():
    uit = cli("actoren", str(HENGELO))
    assert uit.exit_code == 0
    for tekst in ("€ 78.804", "€ 36.762", "€ 78.200", "€ 36.800", "Gemeente", "Rijk", "groep cliënt"):
        assert tekst in uit.output, tekst
    assert "client" not in uit.output
    document = json.loads(cli("actoren", str(HENGELO), "-f", "json").stdout)
    rapport = document["extrapolatie"][0]
    assert rapport["methode"] == "rapport"
    assert rapport["per_groep"] == {"client": "78804", "overheid": "36762", "overig": "0"}
    assert document["koppeling"]["overheid"] == ["gemeente", "rijk", "schuldeiser"]


def test_cli_actoren_xlsx(tmp_path):
    map_ = werkmap(tmp_path / "actoren.xlsx", "actoren")
    assert map_.sheetnames == [
        "Maatschappelijk saldo", "Verdeling rapport", "Verdeling gewogen",
        "Per casus", "Geëxtrapoleerd rapport", "Grafiek rapport", "Geëxtrapoleerd gewogen", "Grafiek gewogen",
    ]
    saldo = {r[0]: r[1] for r in map_["Maatschappelijk saldo"].iter_rows(values_only=True)}
    # 2.554 x 33 = 84.282 aan middelen, min 240 x 300 = 72.000 aan kosten.
    assert [v for k, v in saldo.items() if k and k.endswith("maatschappelijk saldo")][0] == 84282 - 72000
    verdeling = [r for r in map_["Verdeling rapport"].iter_rows(values_only=True)]
    rijk = [r for r in verdeling if r[0] == "Rijk"]
    # Met alle kosten: 52.800 - 72.000 - 45.804; met de gedekte: 52.800 - 47.520 - 45.804.
    assert [r[5] for r in rijk] == [52800 - 72000 - 45804, 52800 - 47520 - 45804]
    rijen = {r[0]: r for r in map_["Geëxtrapoleerd rapport"].iter_rows(values_only=True)}
    assert rijen["Rijk"][1:] == ("overheid", 47520, 52800, 5280)
    assert rijen["Cliënt"][1] == "cliënt"
    assert rijen["Groep overheid in het rapport"][1:] == ("Gemeente + Rijk + Schuldeiser en deurwaarder", None, None, 36762)
    assert len(map_["Grafiek rapport"]._charts) == 1


# -- snel starten ----------------------------------------------------------------------------


def test_bereken_laadt_geen_zware_bibliotheken():
    code = (
        "import sys\n"
        "from kostenbaten.cli import main\n"
        "sys.argv = ['kostenbaten', 'bereken', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "zwaar = [m for m in ('openpyxl', 'numpy') if m in sys.modules]\n"
        "print('ZWAAR', zwaar, file=sys.stderr)\n"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    uit = subprocess.run([sys.executable, "-c", code, str(HENGELO)], capture_output=True, text=True, env={"PYTHONPATH": str(src)})
    assert "ZWAAR []" in uit.stderr


def test_ingebouwde_actoren_zonder_declaratie(hengelo, cli):
    """Een casus noemt gemeente en woningcorporatie zonder dat pilot.yaml ze declareert."""
    from conftest import vervang

    pilot = hengelo / "pilot.yaml"
    tekst = pilot.read_text(encoding="utf-8")
    begin, eind = tekst.index("actoren:\n"), tekst.index("kengetallen:")
    pilot.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    vervang(hengelo / "casus-3.yaml", "    actor: client\n", "    actor: woningcorporatie\n")
    code, uit, fout = cli("actoren", hengelo, "--formaat", "json")
    assert code == 0, fout
    import json

    gegevens = json.loads(uit)
    tekst = json.dumps(gegevens, ensure_ascii=False)
    assert "Woningcorporatie" in tekst and "Gemeente" in tekst
    assert "Zorgverzekeraar" not in tekst  # niet gebruikt, dus niet getoond
