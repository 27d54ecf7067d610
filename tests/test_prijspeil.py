"""Prijspeil: elk tarief en kengetal met een `prijspeil` naar één jaar, exact, met de hand nagerekend.

Testreeks (startjaar 2020 = 100): 2021 +2%, 2022 +10%, 2023 +5%, dus
index 2020 = 100, 2021 = 102, 2022 = 102 x 1,10 = 112,2 en 2023 = 112,2 x 1,05 = 117,81.
Het kengetal toevoeging van Hengelo is € 800 op prijspeil 2022 (pilot.yaml).
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest

from conftest import HENGELO, vervang
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.berekening.prijspeil import indexcijfers
from kostenbaten.geld import deel
from kostenbaten.api import naar_prijspeil
from kostenbaten.invoer.prijspeil import laad_prijsindex, standaardindex
from kostenbaten.invoer.project import laad

D = Decimal

TESTREEKS = """\
naam: Testreeks
bron: met de hand gekozen
voorbeeld: true
startjaar: 2020
jaarmutaties:
  - {jaar: 2021, procent: 2, bron: test}
  - {jaar: 2022, procent: 10, bron: test}
  - {jaar: 2023, procent: 5, bron: test}
"""


@pytest.fixture
def reeks(tmp_path):
    pad = tmp_path / "reeks.yaml"
    pad.write_text(TESTREEKS, encoding="utf-8")
    return pad


def _toevoeging(project):
    return project.pilot.kengetallen["toevoeging"]


@pytest.mark.parametrize(
    "jaar, verwacht",
    [
        (2021, deel(D(8000), 11)),  # 800 x 102 / 112,2 = 800 / 1,1 = 8000 / 11 = 727,2727...
        (2022, D(800)),  # eigen prijspeil: ongewijzigd
        (2023, D(840)),  # 800 x 117,81 / 112,2 = 800 x 1,05 = 840
    ],
)
def test_een_kengetal_over_drie_jaren(reeks, jaar, verwacht):
    project = naar_prijspeil(laad(HENGELO), jaar, reeks)
    kengetal = _toevoeging(project)
    assert kengetal.bedrag.waarde == verwacht
    assert kengetal.prijspeil == jaar
    i = project.indexeringen["kengetallen.toevoeging"]
    assert (i.index_van, i.van, i.naar) == (D("112.2"), 2022, jaar)


def test_indexcijfers_van_de_testreeks(reeks):
    index = indexcijfers(laad_prijsindex(reeks)[0])
    assert index == {2020: 100, 2021: D(102), 2022: D("112.2"), 2023: D("117.81")}


def test_indexering_gaat_door_tot_de_casus_en_de_uitleg(reeks, cli):
    # Casus 1: toevoeging 800 -> 840; kosten 2 uur x (80 + 30 + 10) x 1,05 = 252.
    project = naar_prijspeil(laad(HENGELO), 2023, reeks)
    casus1 = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen).casussen[0]
    assert next(p for p in casus1.baten if p.sleutel == "toevoeging").bedrag == D(840)
    assert casus1.totaal_kosten == D(252)
    code, uit, _ = cli("uitleg", HENGELO, "casus-1.baten", "--prijspeil", "2023", "--prijsindex", reeks)
    assert code == 0
    uit = " ".join(uit.split())  # de boom breekt lange regels af
    assert "kengetal toevoeging van prijspeil 2022 naar 2023 (Testreeks); LET OP: voorbeeldreeks, geen echte cijfers" in uit
    assert "800 x 117,81 / 112,20 = 840" in uit
    assert f"{reeks}:8" in uit  # de regel van de jaarmutatie van 2023, de enige tussen 2022 en 2023
    _, tabel, _ = cli("bereken", HENGELO, "--prijspeil", "2023", "--prijsindex", reeks)
    assert "Alle bedragen staan in prijzen van 2023" in " ".join(tabel.split())
    assert "Let op: die reeks is een voorbeeld, geen echte cijfers." in " ".join(tabel.split())
    # Ook bij een opdracht zonder eigen prijspeilregel, zoals JSON van onzekerheid: de melding op stderr.
    code, _, fout = cli("onzekerheid", HENGELO, "-n", "10", "--formaat", "json", "--prijspeil", "2023", "--prijsindex", reeks)
    assert code == 0 and fout == "Let op: de prijsindex 'Testreeks' is een voorbeeldreeks, geen echte cijfers.\n"


def test_zonder_prijspeil_niets_omgerekend_en_rapportcijfers_alleen_zonder_omrekening(reeks, cli):
    gewoon = json.loads(cli("bereken", HENGELO, "--formaat", "json")[1])
    assert "prijspeil" not in gewoon and gewoon["gepubliceerd"]["totaal"] == "115000"
    omgerekend = json.loads(cli("bereken", HENGELO, "--formaat", "json", "--prijspeil", "2023", "--prijsindex", reeks)[1])
    # De gedrukte cijfers van het rapport staan op hun eigen prijspeil en worden dus niet naast het omgerekende getoond.
    assert "gepubliceerd" not in omgerekend
    assert omgerekend["prijspeil"]["omgerekend"]["kengetallen.toevoeging"]["bedrag"] == "840"
    # Alle tarieven van Hengelo staan op 2022: de kosten van elke casus groeien precies met 1,05. (De
    # bedragen uit de casussen gaan nu ook mee; zie test_prijspeil_alle_bedragen.py.)
    voor = bereken_pilot(laad(HENGELO).pilot, laad(HENGELO).casussen)
    project = naar_prijspeil(laad(HENGELO), 2023, reeks)
    na = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)
    assert [c.totaal_kosten for c in na.casussen] == [c.totaal_kosten * D("1.05") for c in voor.casussen]


def test_ontbrekend_jaar_noemt_prijspeil_en_indexbestand(reeks, tmp_path, cli):
    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    vervang(map_ / "pilot.yaml", "    bedrag: 800\n    prijspeil: 2022", "    bedrag: 800\n    prijspeil: 2019")
    code, _, fout = cli("bereken", map_, "--prijspeil", "2023", "--prijsindex", reeks)
    assert code == 2
    regels = fout.splitlines()
    assert regels == [
        # Regel 80: pilot.yaml zegt sinds de verdelingstabel bij de actoren waarom de schuldeiser onder de overheid valt (vier regels meer).
        f"{map_ / 'pilot.yaml'}:80: kengetallen.toevoeging.prijspeil: de prijsindex {reeks} kent het jaar 2019 niet "
        "(wel 2020 tot en met 2023); vul de reeks aan of geef met --prijsindex een andere reeks",
        "1 fout(en) in de invoer; er is niets berekend.",
    ]


def test_gevraagd_jaar_buiten_de_reeks_is_een_fout_over_de_optie(reeks, cli):
    # Eén melding over --prijspeil, niet één per tarief en kengetal (Hengelo heeft er negen met een prijspeil).
    code, uit, fout = cli("bereken", HENGELO, "--prijspeil", "1900", "--prijsindex", reeks)
    assert (code, uit) == (2, "")
    assert fout == (
        f"Fout: --prijspeil 1900: de prijsindex {reeks} kent dat jaar niet (wel 2020 tot en met 2023); "
        "kies een jaar daartussen of geef met --prijsindex een reeks die het wel kent.\n"
    )


def test_prijspeil_zonder_bedragen_met_een_prijspeil_zegt_dat_er_niets_verandert(tmp_path, cli):
    map_ = tmp_path / "mijnstad"
    assert cli("nieuw", map_)[0] == 0
    # Het ene kengetal uit de kengetallenbank (met prijspeil 2022) wordt een eigen bedrag zonder prijspeil.
    vervang(map_ / "pilot.yaml", "    bankpost: deurwaarder_beslag_roerend", "    naam: Beslag\n    bedrag: 137.78\n    actor: client\n    bron: eigen schatting\n   ")
    code, uit, fout = cli("bereken", map_, "--prijspeil", "2024")
    assert code == 0 and uit
    assert "Let op: geen tarief of kengetal heeft een 'prijspeil'" in fout


def test_gat_in_de_reeks_wordt_gemeld(tmp_path):
    pad = tmp_path / "gat.yaml"
    pad.write_text(TESTREEKS.replace("  - {jaar: 2022, procent: 10, bron: test}\n", ""), encoding="utf-8")
    with pytest.raises(Exception) as fout:
        laad_prijsindex(pad)
    assert [str(f) for f in fout.value.fouten] == [
        f"{pad}:1: de jaarmutaties moeten op volgorde en zonder gat lopen van 2021 (het jaar na 'startjaar') "
        "tot het laatste jaar; gevonden: 2021, 2023"
    ]


def test_meegeleverde_cpi_reeks():
    reeks, _ = laad_prijsindex(standaardindex())
    assert not reeks.voorbeeld
    index = indexcijfers(reeks)
    # Elke verhouding van twee opeenvolgende jaren is precies 1 + de jaarmutatie uit het bestand.
    for m in reeks.jaarmutaties:
        assert deel(index[m.jaar], index[m.jaar - 1]) == 1 + m.procent / 100
    assert all(m.bron for m in reeks.jaarmutaties)


def test_fouten_in_invoer_en_indexreeks_samen(tmp_path, cli):
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    reeks = tmp_path / "slecht.yaml"
    reeks.write_text("naam: x\nbron: y\nstartjaar: 2020\njaarmutaties: []\n", encoding="utf-8")
    code, _, fout = cli("bereken", leeg, "--prijspeil", "2024", "--prijsindex", reeks)
    assert code == 2
    assert fout.splitlines() == [
        f"{leeg}: de map bevat geen YAML-bestanden (verwacht pilot.yaml en casussen)",
        f"{reeks}:4: jaarmutaties: mag niet leeg zijn",
        "2 fout(en) in de invoer; er is niets berekend.",
    ]


def test_prijsindex_zonder_prijspeil_is_een_fout(cli):
    code, _, fout = cli("bereken", HENGELO, "--prijsindex", "reeks.yaml")
    assert code == 2
    assert fout == "Fout: --prijsindex hoort bij --prijspeil: geef ook het jaar waarnaar omgerekend wordt.\n"
