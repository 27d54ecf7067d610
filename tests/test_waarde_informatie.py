"""Waarde van informatie: EVPI en EVPPI op speelgoedmodellen waarvan de waarde exact bekend is.

Model 1 (twee normale invoeren): één casus, één hulpvraag, aandeel 100%, dus
NB = a - b met a (kengetal) ~ N(3000, sa) en b (tarief x 1 uur) ~ N(2950, sb).
Een symmetrisch 90%-interval [w - d, w + d] is een normale verdeling met
sd = d / 1,6449; sa = 493,46 / 1,6449 = 300,00 en sb = 657,94 / 1,6449 = 399,999.
NB ~ N(mu = 50, s = wortel(sa^2 + sb^2) = 500). Voor X ~ N(m, s) geldt
E[max(X, 0)] = m Phi(m/s) + s phi(m/s), dus (besluit: financieren, want mu > 0):
    EVPI      = s phi(mu/s) + mu Phi(mu/s) - mu          = 175,47
    EVPPI(a)  = sa phi(mu/sa) + mu Phi(mu/sa) - mu       = 96,34   (E[NB | a] = a - 2950 ~ N(mu, sa))
    EVPPI(b)  = sb phi(mu/sb) + mu Phi(mu/sb) - mu       = 135,82
Tolerantie uit de steekproefgrootte N = 200.000: de EVPI is het gemiddelde van
de spijt max(-NB, 0), met sd hoogstens wortel(s^2 + mu^2) = 502,5, dus een
standaardfout van hoogstens 502,5 / wortel(N) = 1,12; we staan 4 standaardfouten
toe (4,5). Voor de EVPPI is de ruis hoogstens wortel(sa^2 + mu^2) / wortel(N) =
0,68 en de opwaartse vertekening van de klassen (447 klassen van 447 trekkingen)
ongeveer dichtheid(0) x (sb / wortel(447))^2 / 2 = 0,0013 x 18,9^2 / 2 = 0,23;
samen 4 x 0,68 + 1 = 3,7, afgerond 4.

Model 2 (één vaste kans): baat 1000 met kans van slagen 0,3, kosten 250. Of de
ene hulpvraag slaagt, is variatie tussen personen en geen parameter: gegeven de
(vaste) parameters is E[NB] = 300 - 250 = 50 > 0 in elke trekking, dus EVPI = 0.
De spreiding van de uitkomst zelf (-250 of 750) staat in `onzekerheid`.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest

from kostenbaten.berekening.onzekerheid import Z95, simuleer
from kostenbaten.berekening.waarde_informatie import waarde_van_informatie
from kostenbaten.invoer.project import laad

N = 200_000

PILOT = """\
naam: Speelgoed
periode: {van: 2024-01-01, tot: 2024-12-31}
hulpvragen: 1
rechtsgebieden:
  alles: {naam: Alles, aandeel: 100}
tarieven:
  b: {naam: Kosten b, per_uur: TARIEF}
kengetallen:
  a: {naam: Baat a, bedrag: BAAT, actor: overheid, bron: test}
"""
CASUS = """\
nummer: 1
titel: Speelgoed
rechtsgebied: alles
uren: 1
KANS
baten:
  - kengetal: a
"""


def _model(tmp_path, tarief: str, baat: str, kans: str = ""):
    map_ = tmp_path / "speelgoed"
    map_.mkdir()
    (map_ / "pilot.yaml").write_text(PILOT.replace("TARIEF", tarief).replace("BAAT", baat), encoding="utf-8")
    (map_ / "casus-1.yaml").write_text(CASUS.replace("KANS", kans), encoding="utf-8")
    return laad(map_)


def _boven_nul(m: float, s: float) -> float:
    """E[max(X, 0)] voor X ~ N(m, s)."""
    z = m / s
    return m * 0.5 * (1 + math.erf(z / math.sqrt(2))) + s * math.exp(-z * z / 2) / math.sqrt(2 * math.pi)


@pytest.fixture
def twee_normale(tmp_path):
    return _model(tmp_path, "{waarde: 2950, interval_90: [2292.06, 3607.94]}", "{waarde: 3000, interval_90: [2506.54, 3493.46]}")


def test_evpi_en_evppi_van_twee_normale_invoeren(twee_normale):
    sa, sb, mu = 493.46 / Z95, 657.94 / Z95, 50.0
    s = math.hypot(sa, sb)
    u = waarde_van_informatie(twee_normale.pilot, twee_normale.casussen, N, 1)
    b = u.besluiten["rapport"]
    assert b.financieren
    assert abs(float(b.evpi) - (_boven_nul(mu, s) - mu)) < 4.5
    assert float(b.standaardfout) < 502.5 / math.sqrt(N)
    evppi = {i.plek: float(i.evppi["rapport"]) for i in u.invoer}
    assert abs(evppi["kengetallen.a.bedrag"] - (_boven_nul(mu, sa) - mu)) < 4
    assert abs(evppi["tarieven.b.per_uur"] - (_boven_nul(mu, sb) - mu)) < 4
    # De rangorde: het tarief (grotere spreiding) is het meest waard om uit te zoeken.
    assert [i.plek for i in u.invoer] == ["tarieven.b.per_uur", "kengetallen.a.bedrag"]
    assert u.klassen == math.isqrt(N)


def test_zelfde_zaad_zelfde_uitkomst_en_dezelfde_trekkingen_als_onzekerheid(twee_normale):
    p = twee_normale
    een = waarde_van_informatie(p.pilot, p.casussen, 30_000, 7)
    assert een == waarde_van_informatie(p.pilot, p.casussen, 30_000, 7)
    assert een != waarde_van_informatie(p.pilot, p.casussen, 30_000, 8)
    mc = simuleer(p.pilot, p.casussen, 30_000, 7)
    assert een.besluiten["rapport"].verwacht_netto == mc.parameters["rapport"]["totaal"].gemiddelde


def test_een_vaste_kans_is_geen_parameteronzekerheid(tmp_path):
    p = _model(tmp_path, "250", "1000", "kans: 0.3")
    u = waarde_van_informatie(p.pilot, p.casussen, 20_000, 1)
    b = u.besluiten["rapport"]
    assert b.financieren and b.evpi == 0 and b.kans_ander_besluit == 0
    assert b.verwacht_netto == Decimal(50)  # 0,3 x 1000 - 250, in elke trekking
    assert u.invoer == () and u.kansen == (1,)
    # De uitkomst van die ene hulpvraag: -250 (kans 0,7) of 750 (kans 0,3); alle spreiding komt uit de uitkomst.
    mc = simuleer(p.pilot, p.casussen, 20_000, 1)
    totaal = mc.extrapolaties["rapport"]["totaal"]
    assert (totaal.percentielen[5], totaal.percentielen[95]) == (Decimal(-250), Decimal(750))
    assert abs(totaal.kans_negatief - Decimal("0.7")) < Decimal("0.016")  # 5 x wortel(0,21 / 20.000)
    assert mc.deel_uitkomsten["rapport"] == 1
    assert set(mc.parameters["rapport"]["totaal"].percentielen.values()) == {Decimal(50)}


def test_zonder_onzekerheid_niets_waard(cli):
    from conftest import HENGELO

    code, uit, _ = cli("waarde-informatie", HENGELO, "-n", "1000", "--formaat", "json")
    assert code == 0
    document = json.loads(uit)
    assert document["invoer"] == [] and all(b["evpi"] == "0" for b in document["besluiten"])
    code, uit, _ = cli("waarde-informatie", HENGELO, "-n", "1000")
    assert "er is geen parameter onzeker, dus informatie over parameters is niets waard" in " ".join(uit.split())


def test_opdrachtregel_rangorde_en_conclusie(cli):
    from conftest import HENGELO

    variant = HENGELO.parent / "varianten" / "vrijwilligers.yaml"
    code, uit, _ = cli("waarde-informatie", variant, "-n", "20000", "--formaat", "json")
    assert code == 0
    document = json.loads(uit)
    assert document["schatting"] == "Monte Carlo" and document["methode_evppi"]["klassen"] == math.isqrt(20_000)
    waarden = [Decimal(i["evppi"]["rapport"]) for i in document["invoer"]]
    assert waarden == sorted(waarden, reverse=True)
    # Geen parameter verandert het besluit (zie test_waarde_informatie_soorten.py voor de som).
    assert all(not b["hangt_af_van_parameters"] for b in document["besluiten"])
    code, uit, _ = cli("waarde-informatie", variant, "-n", "20000")
    assert "Het besluit hangt niet af van de parameters met een bereik" in " ".join(uit.split())


def test_werkmap_met_dezelfde_schattingen(tmp_path, cli):
    from openpyxl import load_workbook

    from conftest import HENGELO

    variant = HENGELO.parent / "varianten" / "vrijwilligers.yaml"
    pad = tmp_path / "wi.xlsx"
    code, _, _ = cli("waarde-informatie", variant, "-n", "5000", "--zaad", "3", "--xlsx", pad)
    assert code == 0
    p = laad(variant)
    u = waarde_van_informatie(p.pilot, p.casussen, 5000, 3)
    boek = load_workbook(pad)
    besluit = boek["Besluit en EVPI"]
    # Titel in rij 1, uitleg in rij 2, kopregel in rij 3: de gegevens beginnen in rij 4.
    assert [besluit.cell(r, 5).value for r in (4, 5)] == [float(u.besluiten[m].evpi) for m in ("rapport", "gewogen")]
    evppi = boek["EVPPI per invoer"]
    assert [evppi.cell(r, 1).value for r in range(4, 4 + len(u.invoer))] == [i.naam for i in u.invoer]
    # Zonder --overschrijf blijft een bestaand bestand staan.
    code, _, fout = cli("waarde-informatie", variant, "-n", "5000", "--xlsx", pad)
    assert code == 2
