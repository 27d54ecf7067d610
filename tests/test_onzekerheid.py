"""Monte-Carlo over bereiken: reproduceerbaar, zonder spreiding gelijk aan de rekenkern, kans van slagen."""

from __future__ import annotations

import os

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HENGELO, ROOT
from kostenbaten.berekening.kba import bereken_casus, bereken_pilot
from kostenbaten.berekening.onzekerheid import simuleer
from kostenbaten.geld import afronden_op_centen
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.invoer.project import laad as laad_invoer
from kostenbaten.model.casus import Onzeker

VRIJWILLIGERS = ROOT / "casussen" / "varianten" / "vrijwilligers.yaml"


@pytest.fixture(scope="module")
def hengelo():
    return laad_project(HENGELO)


def _met(obj, **velden):
    """Een kopie van een onveranderlijk model met andere velden."""
    return obj.model_copy(update=velden)


def _nulbreedte(o: Onzeker, soort: str) -> Onzeker:
    if soort == "driehoek":
        return _met(o, min=o.waarde, max=o.waarde)
    return _met(o, interval_90=(o.waarde, o.waarde))


def _overal_nulbreedte(project, soort):
    """Elke invoer van Hengelo krijgt een bereik van breedte nul."""
    pilot = project.pilot
    n = lambda o: _nulbreedte(o, soort)  # noqa: E731
    pilot = _met(
        pilot,
        hulpvragen=n(pilot.hulpvragen),
        rechtsgebieden={k: _met(g, aandeel=n(g.aandeel)) for k, g in pilot.rechtsgebieden.items()},
        tarieven={k: _met(t, per_uur=n(t.per_uur)) for k, t in pilot.tarieven.items()},
        kengetallen={k: _met(g, bedrag=n(g.bedrag)) for k, g in pilot.kengetallen.items()},
    )
    casussen = []
    for c in project.casussen:
        baten = [
            _met(b, **{s: n(getattr(b, s)) for s in ("bedrag", "per_maand") if getattr(b, s) is not None}) for b in c.baten
        ]
        casussen.append(_met(c, uren=n(c.uren), baten=baten))
    return pilot, casussen


def _alle_verdelingen(u):
    yield u.gemiddelde_netto
    yield from u.casussen.values()
    for delen in u.extrapolaties.values():
        yield from delen.values()


@pytest.mark.parametrize("soort", ["driehoek", "interval_90"])
def test_nulbreedte_geeft_exact_de_rekenkern(hengelo, soort):
    pilot, casussen = _overal_nulbreedte(hengelo, soort)
    u = simuleer(pilot, casussen, trekkingen=2_500, zaad=7)
    assert len(u.invoer) > 20  # elke invoer heeft een (leeg) bereik
    for v in _alle_verdelingen(u):
        verwacht = afronden_op_centen(v.berekend)
        assert set(v.percentielen.values()) == {verwacht}
        assert v.gemiddelde == verwacht
    assert u.gemiddelde_netto.percentielen[50] == Decimal("583.67")
    assert u.extrapolaties["rapport"]["totaal"].percentielen[5] == Decimal("115566.00")
    assert u.extrapolaties["gewogen"]["totaal"].percentielen[95] == Decimal("107109.00")
    assert u.extrapolaties["rapport"]["client"].percentielen[50] == Decimal("78804.00")
    assert u.extrapolaties["rapport"]["totaal"].kans_negatief == 0


def test_zonder_bereik_gelijk_aan_rekenkern(hengelo):
    u = simuleer(hengelo.pilot, hengelo.casussen, trekkingen=1_000, zaad=1)
    assert not u.heeft_onzekerheid
    assert [v.percentielen[50] for v in u.casussen.values()] == [Decimal(x) for x in (1374, -360, 1040, -240, 710, 978)]
    assert u.casussen[2].kans_negatief == 1
    assert u.histogrammen["rapport"].aantallen == (1_000,)


def test_zelfde_zaad_zelfde_uitkomst_ander_zaad_andere():
    project = laad_invoer(VRIJWILLIGERS)
    a = simuleer(project.pilot, project.casussen, trekkingen=30_000, zaad=42)
    b = simuleer(project.pilot, project.casussen, trekkingen=30_000, zaad=42)
    c = simuleer(project.pilot, project.casussen, trekkingen=30_000, zaad=43)
    assert a == b
    assert a.extrapolaties != c.extrapolaties


def test_blokgrootte_verandert_de_statistiek_niet_wezenlijk():
    """Meer blokken geven andere trekkingen, maar dezelfde verdeling (ruime marge)."""
    project = laad_invoer(VRIJWILLIGERS)
    groot = simuleer(project.pilot, project.casussen, trekkingen=40_000, zaad=3)
    klein = simuleer(project.pilot, project.casussen, trekkingen=40_000, zaad=3, blok=7_000)
    a, b = (u.gemiddelde_netto.gemiddelde for u in (groot, klein))
    assert abs(a - b) < 10


def test_kans_half_halveert_de_baten_van_casus_1(hengelo):
    """Bekend antwoord: 0,5 x 1.614 - 240 = 567 in de rekenkern (verwachtingswaarde)."""
    casus = _met(hengelo.casussen[0], kans=Onzeker(waarde=Decimal("0.5")))
    uitkomst = bereken_casus(casus, hengelo.pilot)
    assert uitkomst.totaal_kosten == 240
    assert uitkomst.totaal_baten == Decimal("807")
    assert uitkomst.netto == 567


def test_kans_in_monte_carlo_is_slagen_of_niet(hengelo):
    casus = _met(hengelo.casussen[0], kans=Onzeker(waarde=Decimal("0.5")))
    casussen = [casus, *hengelo.casussen[1:]]
    u = simuleer(hengelo.pilot, casussen, trekkingen=40_000, zaad=5)
    v = u.casussen[1]
    # Per trekking slaagt de casus (1.614 - 240) of niet (-240); nooit iets ertussen.
    assert v.percentielen[5] == -240 and v.percentielen[95] == 1374
    assert Decimal("0.48") < v.kans_negatief < Decimal("0.52")
    assert abs(v.gemiddelde - 567) < 15  # het gemiddelde nadert de verwachtingswaarde
    assert v.berekend == 567
    assert u.kansen == (1,)


def test_kans_een_is_zeker(hengelo):
    casussen = [_met(hengelo.casussen[0], kans=Onzeker(waarde=Decimal(1))), *hengelo.casussen[1:]]
    u = simuleer(hengelo.pilot, casussen, trekkingen=1_000, zaad=5)
    assert set(u.casussen[1].percentielen.values()) == {Decimal("1374.00")}


def test_driehoek_en_interval_liggen_waar_ze_horen(hengelo):
    kengetallen = dict(hengelo.pilot.kengetallen)
    kengetallen["toevoeging"] = _met(kengetallen["toevoeging"], bedrag=Onzeker(waarde=800, interval_90=(600, 1200)))
    kengetallen["rechtbank"] = _met(kengetallen["rechtbank"], bedrag=Onzeker(waarde=500, min=0, max=500))
    pilot = _met(hengelo.pilot, kengetallen=kengetallen)
    u = simuleer(pilot, hengelo.casussen, trekkingen=100_000, zaad=11)
    # Casus 1 = 600 + toevoeging + 214 - 240: P5 en P95 volgen het 90%-interval van de toevoeging.
    v = u.casussen[1]
    assert abs(v.percentielen[5] - (574 + 600)) < 10
    assert abs(v.percentielen[95] - (574 + 1200)) < 10
    assert abs(v.percentielen[50] - 1374) < 10
    # Casus 3 bevat de rechtbank (driehoek 0 / 500 / 500): nooit boven de berekende waarde.
    assert u.casussen[3].percentielen[95] <= 1040


def test_rekenkern_onveranderd_door_bereiken(hengelo):
    kengetallen = {k: _met(g, bedrag=_met(g.bedrag, min=0, max=g.bedrag.waarde * 2)) for k, g in hengelo.pilot.kengetallen.items()}
    pilot = _met(hengelo.pilot, kengetallen=kengetallen)
    assert bereken_pilot(pilot, hengelo.casussen).extrapolaties["rapport"].totaal == 115566


# -- opdrachtregel -------------------------------------------------------------------


def test_cli_hengelo_json(cli):
    code, uit, fout = cli("onzekerheid", HENGELO, "--trekkingen", "2000", "--formaat", "json")
    assert code == 0, fout
    doc = json.loads(uit)
    assert doc["trekkingen"] == 2000 and doc["zaad"] == 1
    assert doc["gemiddelde_netto"]["p50"] == "583.67"
    rapport = next(e for e in doc["extrapolatie"] if e["methode"] == "rapport")
    assert rapport["totaal"] == {
        "verwacht": "115566",  # zonder bereiken is de verwachte waarde de berekende
        "berekend": "115566",
        "p5": "115566",
        "p50": "115566",
        "p95": "115566",
        "gemiddelde": "115566",
        "kans_negatief": "0.0000",
    }


def test_cli_variant_tabel_met_histogram_en_conclusie(cli):
    code, uit, fout = cli("onzekerheid", VRIJWILLIGERS, "-n", "20000", "--zaad", "3")
    assert code == 0, fout
    assert "Onzekerheid pilot Vrijwilligers: 20.000 trekkingen, zaad 3" in uit
    assert "Verdeling van het totaal, methode rapport" in uit
    assert "█" in uit
    assert "Methode rapport: het totaal ligt met 90% kans tussen € " in uit


def test_cli_json_reproduceerbaar(cli):
    args = ("onzekerheid", VRIJWILLIGERS, "-n", "5000", "--zaad", "9", "-f", "json")
    assert cli(*args) == cli(*args)


def test_cli_xlsx_en_niet_overschrijven(cli, tmp_path):
    from openpyxl import load_workbook

    doel = tmp_path / "onzeker.xlsx"
    args = ("onzekerheid", VRIJWILLIGERS, "-n", "2000", "--xlsx", doel)
    assert cli(*args)[0] == 0
    boek = load_workbook(doel)
    assert boek.sheetnames == [
        "Onzekerheid", "Maatschappelijk saldo", "Verdeling rapport", "Verdeling gewogen", "Histogram rapport", "Histogram gewogen",
    ]
    assert boek["Onzekerheid"]["A1"].value == "Onzekerheid pilot Vrijwilligers"
    code, _, fout = cli(*args)
    assert code == 2
    assert fout.splitlines()[0] == f"{doel}: bestand bestaat al; gebruik --overschrijf om het te vervangen"
    assert cli(*args, "--overschrijf")[0] == 0


def test_cli_te_weinig_trekkingen(cli):
    assert cli("onzekerheid", HENGELO, "-n", "0")[0] == 2


def test_cli_nulbreedte_in_yaml_geeft_de_gepubliceerde_exacte_cijfers(cli, tmp_path):
    """Door de hele keten: YAML met bereiken van breedte nul, variant, Monte-Carlo, JSON."""
    pad = tmp_path / "nul.yaml"
    pad.write_text(
        f"naam: Nul\nbasis: {os.path.relpath(HENGELO, tmp_path)}\n"
        "pilot: {hulpvragen: {waarde: 300, min: 300, max: 300}}\n"
        "kengetallen:\n  toevoeging: {bedrag: {waarde: 800, interval_90: [800, 800]}}\n"
        "tarieven:\n  sjd: {per_uur: {waarde: 80, min: 80, max: 80}}\n"
        "casussen:\n  1: {uren: {waarde: 2, min: 2, max: 2}, kans: 1}\n",
        encoding="utf-8",
    )
    code, uit, fout = cli("onzekerheid", pad, "-n", "3000", "-f", "json")
    assert code == 0, fout
    doc = json.loads(uit)
    assert len(doc["invoer_met_bereik"]) == 4 and doc["kans_van_slagen"] == [1]
    assert {doc["gemiddelde_netto"][p] for p in ("p5", "p50", "p95", "gemiddelde")} == {"583.67"}
    totaal = {e["methode"]: e["totaal"] for e in doc["extrapolatie"]}
    assert {totaal["rapport"][p] for p in ("berekend", "p5", "p50", "p95")} == {"115566"}
    assert {totaal["gewogen"][p] for p in ("berekend", "p5", "p50", "p95")} == {"107109"}


@settings(max_examples=25, deadline=None)
@given(
    bedragen=st.lists(st.integers(min_value=0, max_value=5_000), min_size=6, max_size=6),
    hulpvragen=st.integers(min_value=1, max_value=5_000),
    breedte=st.integers(min_value=0, max_value=500),
)
def test_eigenschap_nulbreedte_en_volgorde(bedragen, hulpvragen, breedte):
    """Zonder spreiding: exact de rekenkern op centen. Met spreiding: P5 <= P50 <= P95, nooit onder de ondergrens."""
    project = laad_project(HENGELO)
    kengetallen = {
        n: _met(k, bedrag=Onzeker(waarde=b, min=b, max=b + breedte)) for (n, k), b in zip(project.pilot.kengetallen.items(), bedragen)
    }
    pilot = _met(project.pilot, kengetallen=kengetallen, hulpvragen=Onzeker(waarde=hulpvragen))
    u = simuleer(pilot, project.casussen, trekkingen=2_000, zaad=0)
    for v in _alle_verdelingen(u):
        assert v.percentielen[5] <= v.percentielen[50] <= v.percentielen[95]
        if breedte == 0:
            assert set(v.percentielen.values()) == {afronden_op_centen(v.berekend)}
        else:
            # De berekende waarde rekent met de ondergrens van elk kengetal; trekkingen liggen erboven.
            assert v.percentielen[5] >= afronden_op_centen(v.berekend) - Decimal("0.01")


def test_getrokken_aandelen_samen_hooguit_honderd(hengelo):
    """Getrokken aandelen die samen boven 100% komen, worden naar verhouding verkleind; vaste blijven staan."""
    gebieden = dict(hengelo.pilot.rechtsgebieden)
    gebieden["sociaal_zekerheidsrecht"] = _met(gebieden["sociaal_zekerheidsrecht"], aandeel=Onzeker(waarde=60, min=50, max=100))
    gebieden["consumentenzaken"] = _met(gebieden["consumentenzaken"], aandeel=Onzeker(waarde=20, min=10, max=60))
    pilot = _met(hengelo.pilot, rechtsgebieden=gebieden)
    u = simuleer(pilot, hengelo.casussen, 5000, 1)
    # Zonder andere bereiken is het totaal gemiddelde x hulpvragen x dekking; de dekking is hooguit 100%.
    plafond = Decimal(3502) / 6 * 300
    assert u.histogrammen["rapport"].randen[-1] <= afronden_op_centen(plafond)
    assert u.histogrammen["rapport"].randen[-1] > afronden_op_centen(plafond) - 1  # de grens wordt wel bereikt


def test_aandelen_schalen_alleen_waar_de_som_te_groot_is():
    import numpy as np

    from kostenbaten.berekening.onzekerheid import _aandelen_tot_honderd

    uit = _aandelen_tot_honderd({"a": np.array([50.0, 80.0]), "b": np.array([30.0, 60.0]), "c": 20.0})
    assert uit["c"] == 20.0
    assert uit["a"][0] == 50.0 and uit["b"][0] == 30.0  # 50 + 30 + 20 = 100: ongemoeid
    assert uit["a"][1] == pytest.approx(80 * 80 / 140) and uit["b"][1] == pytest.approx(60 * 80 / 140)
    assert uit["a"][1] + uit["b"][1] + uit["c"] == pytest.approx(100)


def test_cli_invoer_met_leesbare_namen_en_zonder_backticks(cli):
    code, uit, fout = cli("onzekerheid", ROOT / "casussen" / "varianten" / "hengelo-bandbreedte.yaml", "-n", "2000")
    assert code == 0, fout
    assert "Kengetal: Kostenbesparing toevoeging" in uit and "Casus 1: SJD-uren" in uit
    assert "kengetallen.toevoeging.bedrag" not in uit
    assert "`" not in uit
