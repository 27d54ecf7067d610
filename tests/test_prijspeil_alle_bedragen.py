"""Prijspeil op elk bedrag: ook de bedragen uit de casussen, en een reeks per categorie.

Met de hand, uit de meegeleverde reeksen (templates/):
- CPI: 2023 +3,8%, 2024 +3,3%, dus van 2022 naar 2024: 1,038 x 1,033 = 1,072254.
- cao-lonen: 2023 +6,1%, 2024 +6,6%, dus van 2022 naar 2024: 1,061 x 1,066 = 1,131026.
Hengelo zonder omrekening: baten 4.942, kosten 12 uur x (80 + 30 + 10) = 1.440, netto 3.502
(de som over zes casussen); alle bedragen op prijspeil 2022 (de casusbedragen: aangenomen, het
jaar waarin de pilot eindigt).
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest

from conftest import HENGELO, vervang
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.api import laad_op_prijspeil, naar_prijspeil
from kostenbaten.invoer.prijspeil import standaardindex, laad_prijsindex
from kostenbaten.invoer.project import laad

D = Decimal
CPI_2022_2024 = D("1.038") * D("1.033")  # 1,072254
LONEN_2022_2024 = D("1.061") * D("1.066")  # 1,131026


def test_meegeleverde_reeksen_geven_de_factoren_van_de_hand():
    from kostenbaten.berekening.prijspeil import indexcijfers
    from kostenbaten.invoer.meegeleverd import meegeleverd

    cpi = indexcijfers(laad_prijsindex(standaardindex())[0])
    lonen = indexcijfers(laad_prijsindex(meegeleverd("templates", "prijsindex-cao-lonen.yaml"))[0])
    assert cpi[2024] / cpi[2022] == CPI_2022_2024 == D("1.072254")
    assert lonen[2024] / lonen[2022] == LONEN_2022_2024 == D("1.131026")


def test_hengelo_naar_2024_met_de_cpi_voor_elk_bedrag():
    project = naar_prijspeil(laad(HENGELO), 2024)
    u = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)
    # 3.502 x 1,038 x 1,033 / 6 = 3.755,033508 / 6 = 625,838918; x 198 = 123.916,105764.
    assert D(3502) * CPI_2022_2024 == D("3755.033508")
    assert u.gemiddelde_netto == D("3755.033508") / 6 == D("625.838918")
    assert u.extrapolaties["rapport"].totaal == D("625.838918") * 198 == D("123916.105764")
    # Ook de cliëntbedragen: casus 1, € 50 per maand x 12 maanden wordt 50 x 1,072254 x 12 = 643,3524.
    casus1 = next(c for c in u.casussen if c.nummer == 1)
    assert casus1.baten[0].bedrag == D(50) * CPI_2022_2024 * 12 == D("643.3524")
    assert casus1.baten[0].indexering.aanname and casus1.baten[0].indexering.van == 2022


def test_opdracht_noemt_de_bedragen_en_de_aanname(cli):
    code, uit, _ = cli("bereken", HENGELO, "--prijspeil", "2024")
    assert code == 0
    assert "€ 625,84 netto" in uit and "€ 123.916" in uit
    assert "omgerekend zijn 3 tarieven en 6 kengetallen en 4 bedragen uit de casussen" in " ".join(uit.split())
    assert "voor hen is 2022 genomen, het jaar waarin de pilot eindigt" in " ".join(uit.split())
    doc = json.loads(cli("bereken", HENGELO, "--prijspeil", "2024", "--formaat", "json")[1])
    casus = doc["prijspeil"]["omgerekend"]["casus-1.baten[0]"]
    assert casus["oorspronkelijk"] == "50" and casus["prijspeil"] == 2022 and casus["prijspeil_aangenomen"] is True


def test_per_categorie_tarieven_met_cao_lonen_de_rest_met_de_cpi(cli):
    project = laad_op_prijspeil(HENGELO, 2024, ["per-categorie"])
    u = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)
    # Baten 4.942 x 1,072254 = 5.299,079268; kosten 1.440 x 1,131026 = 1.628,67744;
    # netto 3.670,401828, per casus / 6 = 611,733638.
    assert D(4942) * CPI_2022_2024 == D("5299.079268") and D(1440) * LONEN_2022_2024 == D("1628.67744")
    assert sum(c.totaal_kosten for c in u.casussen) == D("1628.67744")
    assert u.gemiddelde_netto == (D("5299.079268") - D("1628.67744")) / 6 == D("611.733638")
    code, uit, _ = cli("bereken", HENGELO, "--prijspeil", "2024", "--prijsindex", "per-categorie")
    tekst = " ".join(uit.split())
    assert code == 0 and "3 tarieven met de reeks Cao-lonen per uur" in tekst and "6 kengetallen en 4 bedragen uit de casussen met de reeks Consumentenprijsindex" in tekst


def test_eigen_prijspeil_van_een_casusbedrag_en_een_jaar_buiten_de_reeks(tmp_path, cli):
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    vervang(map_ / "casus-3.yaml", "    bedrag: 400\n", "    bedrag: 400\n    prijspeil: 2023\n")
    project = naar_prijspeil(laad(map_), 2024)
    casus3 = next(c for c in bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen).casussen if c.nummer == 3)
    assert casus3.baten[0].bedrag == D(400) * D("1.033") == D("413.2")  # alleen 2024: +3,3%
    vervang(map_ / "casus-3.yaml", "    prijspeil: 2023\n", "    prijspeil: 1990\n")
    code, _, fout = cli("bereken", map_, "--prijspeil", "2024")
    assert code == 2
    assert f"{map_ / 'casus-3.yaml'}:" in fout and "baten[1].prijspeil: de prijsindex" in fout and "kent het jaar 1990 niet" in fout


def test_zonder_prijspeil_verandert_niets_en_controleer_klopt(cli):
    code, uit, _ = cli("bereken", HENGELO)
    assert code == 0 and "€ 583,67" in uit and "prijzen van" not in uit
    assert cli("controleer", HENGELO)[0] == 0


@pytest.mark.parametrize(
    "optie, melding",
    [
        (["--prijsindex", "lonen=x.yaml"], "onbekende categorie 'lonen'"),
        (["--prijsindex", "per-categorie", "--prijsindex", "reeks.yaml"], "niet allebei"),
    ],
)
def test_foute_keuze_van_reeksen(cli, optie, melding):
    code, _, fout = cli("bereken", HENGELO, "--prijspeil", "2024", *optie)
    assert code == 2 and melding in fout


def test_de_zin_over_het_prijspeil_claimt_niet_meer_dan_waar_is(tmp_path, cli):
    # Een nieuwe map: tarieven en kengetallen zonder prijspeil blijven staan, en de uitvoer zegt dat.
    map_ = tmp_path / "mijnstad"
    assert cli("nieuw", map_)[0] == 0
    code, uit, fout = cli("bereken", map_, "--prijspeil", "2024")
    tekst = " ".join(uit.split())
    assert code == 0 and "Alle bedragen staan" not in tekst
    # 3 tarieven en 5 kengetallen zonder prijspeil; deurwaarderskosten komt uit de kengetallenbank, met prijspeil 2022.
    assert "Niet alle bedragen staan in prijzen van 2024: 8 tarieven en kengetallen hebben geen prijspeil" in tekst
    # Dat --prijspeil alleen de casusbedragen omrekent, zou niet waar zijn: het kengetal uit de bank rekent het ook om.
    assert "rekent alleen de bedragen uit de casussen om" not in " ".join(fout.split())


def test_kengetal_met_eigen_index_zonder_eigen_reeks_gaat_met_de_cpi_en_zegt_dat(tmp_path, cli):
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    vervang(map_ / "pilot.yaml", "    bedrag: 800\n    prijspeil: 2022\n", "    bedrag: 800\n    prijspeil: 2022\n    index: cao_lonen\n")
    vervang(map_ / "pilot.yaml", "    bedrag: 214\n    prijspeil: 2022\n", "    bedrag: 214\n    prijspeil: 2022\n    index: eigen\n")
    project = laad_op_prijspeil(map_, 2024, ["per-categorie"])
    k = project.pilot.kengetallen
    # toevoeging met de cao-lonen: 800 x 1,131026 = 904,8208; bijzondere bijstand 'eigen' valt terug op de CPI: 214 x 1,072254.
    assert k["toevoeging"].bedrag.waarde == D(800) * LONEN_2022_2024 == D("904.8208")
    assert k["bijzondere_bijstand"].bedrag.waarde == D(214) * CPI_2022_2024 and project.indexeringen["kengetallen.bijzondere_bijstand"].terugval
    code, uit, _ = cli("bereken", map_, "--prijspeil", "2024", "--prijsindex", "per-categorie")
    assert "1 bedragen met een eigen indexering hebben geen eigen reeks gekregen en zijn met de CPI omgerekend" in " ".join(uit.split())


def test_omrekening_is_een_functie_van_berekening_met_de_indexering_als_waarde():
    # reken_om krijgt het model en een reeks en geeft een nieuwe, onveranderlijke uitkomst; het geladen model blijft zoals het was.
    from kostenbaten.berekening.prijspeil import Omrekening, Reeks, reken_om
    from kostenbaten.model.casus import Baat, Kengetal, Pilot, Tarief

    project = laad(HENGELO)
    # Testreeks: 2022 = 100, 2024 = 110 (met de hand gekozen); toevoeging € 800 (prijspeil 2022) wordt 800 x 110 / 100 = 880.
    reeks = Reeks("Test", "met de hand", True, "reeks.yaml", "de prijsindex reeks.yaml", {2022: D(100), 2023: D(105), 2024: D(110)}, {2023: 7, 2024: 8})
    uit = reken_om(project.pilot, project.casussen, 2024, {"alle": reeks})
    assert isinstance(uit, Omrekening) and uit.tekorten == ()
    assert uit.pilot.kengetallen["toevoeging"].bedrag.waarde == D(880)
    assert project.pilot.kengetallen["toevoeging"].bedrag.waarde == D(800)  # niets aan het geladen model veranderd
    i = uit.indexeringen["kengetallen.toevoeging"]
    assert (i.oorspronkelijk, i.van, i.naar, i.indexplekken) == (D(800), 2022, 2024, ("reeks.yaml:7-8",))
    # 3 tarieven, 6 kengetallen en 4 bedragen uit de casussen (zoals de opdracht ze noemt).
    assert len(uit.indexeringen) == 3 + 6 + 4
    # De KBA krijgt de indexeringen expliciet en zet ze bij haar posten; zonder is er geen uitleg van een omrekening.
    met = bereken_pilot(uit.pilot, uit.casussen, indexeringen=uit.indexeringen)
    zonder = bereken_pilot(uit.pilot, uit.casussen)
    assert met.gemiddelde_netto == zonder.gemiddelde_netto and met.omrekeningen == uit.indexeringen and not zonder.omrekeningen
    assert next(p for p in met.casussen[0].baten if p.sleutel == "toevoeging").indexering == i
    assert all(p.indexering is None for c in zonder.casussen for p in (*c.kosten, *c.baten))
    # Het model draagt geen omrekening meer mee.
    for model in (Tarief, Kengetal, Baat, Pilot):
        assert not any("index" in a or "omreken" in a for a in model.__private_attributes__), model
    # Een jaar dat de reeks niet kent: een tekort op zijn plek, niets omgerekend.
    uit = reken_om(project.pilot, project.casussen, 2024, {"alle": reeks._replace(index={2023: D(100), 2024: D(110)})})
    assert uit.indexeringen == {} and uit.pilot is project.pilot
    assert ("pilot", ("kengetallen", "toevoeging", "prijspeil")) in {(t.waar, t.sleutelpad) for t in uit.tekorten}
