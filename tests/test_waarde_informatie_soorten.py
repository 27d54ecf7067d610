"""Waarde van informatie over parameters alleen, met een eigen berekening in de test (geen gedeelde code).

1. `vrijwilligers.yaml`: de getypte parameters zijn vier kansen en het tarief.
   Gegeven de parameters is het verwachte netto (vlak):
       NB = 198 / 6 x som_c (p_c x B_c - uren_c x (tarief + 30 + 10))
   met de baten bij succes B = 1.614, 0, 1.280, 0, 830, 1.218 en de uren 2, 3, 2, 2, 1, 2.
   NB is lineair in elke parameter, dus het minimum over het blok van bereiken
   ligt op een hoekpunt; is dat minimum positief, dan is max(NB, 0) = NB overal
   en de EVPI precies 0. Gewogen: per rechtsgebied het eigen gemiddelde x 300 x aandeel.
2. Een eigen variant van Hengelo waarin het tarief het besluit wel kan omdraaien:
   tarief SJD driehoek 40 / 80 / 500, toevoeging driehoek 600 / 800 / 1.000.
       NB(t, a) = 33 x (3.662 + a - 12 t)
   E[NB | t] = 33 x (4.462 - 12 t): negatief boven c = 4.462 / 12 = 371,83.
   EVPPI(t) = E[max(-E[NB | t], 0)] = 396 x E[(t - c)+], en voor een driehoek
   (a, m, b) met c > m is E[(t - c)+] = (b - c)^3 / (3 (b - a)(b - m)).
"""

from __future__ import annotations

import itertools
import os
import json
from decimal import Decimal
from fractions import Fraction

import pytest

from conftest import HENGELO, ROOT
from kostenbaten.berekening.waarde_informatie import waarde_van_informatie
from kostenbaten.invoer.project import laad

VRIJWILLIGERS = ROOT / "casussen" / "varianten" / "vrijwilligers.yaml"

BATEN = {1: 1614, 2: 0, 3: 1280, 4: 0, 5: 830, 6: 1218}
UREN = {1: 2, 2: 3, 3: 2, 4: 2, 5: 1, 6: 2}
GEBIEDEN = {"sociaal_zekerheidsrecht": ((1, 2), 33), "consumentenzaken": ((3, 4), 20), "belastingrecht": ((5, 6), 13)}
KANSEN = {1: (0.3, 0.5, 0.7), 3: (0.5, 0.67, 0.8), 5: (0.5, 0.67, 0.8), 6: (0.3, 0.5, 0.7)}  # min, top, max
TARIEF = (15, 25, 40)


def _netto(kansen: dict, tarief: float) -> dict[int, float]:
    return {c: kansen.get(c, 1) * BATEN[c] - UREN[c] * (tarief + 30 + 10) for c in BATEN}


def _vlak(kansen, tarief) -> float:
    return sum(_netto(kansen, tarief).values()) * 198 / 6


def _gewogen(kansen, tarief) -> float:
    n = _netto(kansen, tarief)
    return sum(sum(n[c] for c in casussen) / len(casussen) * 300 * aandeel / 100 for casussen, aandeel in GEBIEDEN.values())


def test_vrijwilligers_evpi_nul_tegen_een_raster_van_de_parameters(cli):
    # Een raster over het hele blok (vijf waarden per parameter, 5^5 punten) met de hoekpunten erin.
    roosters = {c: [lo + (hi - lo) * k / 4 for k in range(5)] for c, (lo, _, hi) in KANSEN.items()}
    tarieven = [TARIEF[0] + (TARIEF[2] - TARIEF[0]) * k / 4 for k in range(5)]
    laagste = {"rapport": float("inf"), "gewogen": float("inf")}
    for waarden in itertools.product(*roosters.values(), tarieven):
        kansen = dict(zip(roosters, waarden[:-1]))
        laagste["rapport"] = min(laagste["rapport"], _vlak(kansen, waarden[-1]))
        laagste["gewogen"] = min(laagste["gewogen"], _gewogen(kansen, waarden[-1]))
    # Het slechtste hoekpunt (laagste kansen, hoogste tarief): vlak 33 x (0,3 x 1.614 + 0,5 x 1.280 + 0,5 x 830
    # + 0,3 x 1.218 - 12 x 80) = 33 x 944,6 = 31.171,80.
    assert laagste["rapport"] == pytest.approx(31171.8)
    assert laagste["rapport"] > 31_000 and laagste["gewogen"] > 24_000
    # Dus max(NB, 0) = NB bij elke waarde van de parameters: de EVPI is precies nul, net als elke EVPPI.
    project = laad(VRIJWILLIGERS)
    u = waarde_van_informatie(project.pilot, project.casussen, 50_000, 1)
    for m in ("rapport", "gewogen"):
        assert u.besluiten[m].financieren and u.besluiten[m].evpi == 0 and not u.hangt_af(m)
        assert all(i.evppi[m] == 0 for i in u.invoer)
    assert {i.plek for i in u.invoer} == {"tarieven.sjd.per_uur", *(f"casus {c}: kans" for c in KANSEN)}
    # Het verwachte netto: de gemiddelden van de driehoeken ingevuld (lineair), tegen het gemiddelde van de trekkingen.
    gemiddeld = {c: sum(k) / 3 for c, k in KANSEN.items()}
    verwacht = _vlak(gemiddeld, sum(TARIEF) / 3)
    assert verwacht == pytest.approx(66051.70)
    assert abs(float(u.besluiten["rapport"].verwacht_netto) - verwacht) < 250  # sd ongeveer 6.500; 5 st.fouten bij 50.000
    # De waarde van een grotere steekproef van casussen staat apart en is niet nul.
    assert u.steekproef.waarde_steekproef["rapport"] > 0
    code, uit, _ = cli("waarde-informatie", VRIJWILLIGERS, "-n", "5000")
    tekst = " ".join(uit.split())
    assert "Het besluit hangt niet af van de parameters met een bereik" in tekst
    assert "Apart: de waarde van een grotere steekproef van casussen" in tekst


def _variant(tmp_path):
    pad = tmp_path / "duur.yaml"
    pad.write_text(
        f"naam: Duur tarief\nbasis: {os.path.relpath(HENGELO, tmp_path)}\n"
        "tarieven:\n  sjd: {per_uur: {waarde: 80, min: 40, max: 500}}\n"
        "kengetallen:\n  toevoeging: {bedrag: {waarde: 800, min: 600, max: 1000}}\n",
        encoding="utf-8",
    )
    return pad


def test_evppi_van_een_tarief_dat_het_besluit_omdraait(tmp_path, cli):
    a, m, b = Fraction(40), Fraction(80), Fraction(500)
    c = Fraction(4462, 12)
    staart = (b - c) ** 3 / (3 * (b - a) * (b - m))  # E[(t - c)+] = 3,632
    evppi_tarief = float(396 * staart)  # ongeveer € 1.438
    assert evppi_tarief == pytest.approx(1438.4, abs=0.1)
    # EVPI over beide: E[max(-NB, 0)] = 33 x E[(12 t - 3.662 - a)+], met een eigen dubbele middelpuntsom.
    import numpy as np

    def driehoek(lo, top, hi, stappen):
        x = lo + (np.arange(stappen) + 0.5) * (hi - lo) / stappen
        f = np.where(x < top, 2 * (x - lo) / ((hi - lo) * (top - lo)), 2 * (hi - x) / ((hi - lo) * (hi - top)))
        return x, f * (hi - lo) / stappen

    t, wt = driehoek(40, 80, 500, 4000)
    k, wk = driehoek(600, 800, 1000, 1000)
    evpi = float((33 * np.maximum(12 * t[:, None] - 3662 - k[None, :], 0) * wt[:, None] * wk[None, :]).sum())
    assert evpi > evppi_tarief

    project = laad(_variant(tmp_path))
    u = waarde_van_informatie(project.pilot, project.casussen, 200_000, 1)
    besluit = u.besluiten["rapport"]
    assert besluit.financieren and u.hangt_af("rapport")
    # Monte-Carlo-fout: de spijt (396 x (t - c)+) heeft een sd van ongeveer 6.000; op 200.000 trekkingen een
    # standaardfout van 14; we staan 6 standaardfouten plus de vertekening van de klassen toe.
    assert abs(float(besluit.evpi) - evpi) < 6 * float(besluit.standaardfout) + 10
    evppi = {i.plek: float(i.evppi["rapport"]) for i in u.invoer}
    assert evppi["tarieven.sjd.per_uur"] == pytest.approx(evppi_tarief, abs=60)  # ongeveer 4 standaardfouten
    # De toevoeging alleen draait het besluit nooit om: E[NB | a] = 33 x (3.662 + a - 12 x 206,67) > 0.
    assert evppi["kengetallen.toevoeging.bedrag"] < 40
    assert u.invoer[0].plek == "tarieven.sjd.per_uur"
    code, uit, _ = cli("waarde-informatie", _variant(tmp_path), "-n", "20000")
    assert "Het meest waard om uit te zoeken: Tarief per uur: Inzet SJD" in " ".join(uit.split())


def test_populatie_contant_met_de_hand(tmp_path, cli):
    # 40 besluiten per jaar, 5 jaar, 2,25%: 40 x (1 + 1/1,0225 + 1/1,0225^2 + 1/1,0225^3 + 1/1,0225^4).
    factor = 40 * sum(Fraction(1) / Fraction(10225, 10000) ** t for t in range(5))
    assert float(factor) == pytest.approx(191.39, abs=0.01)
    project = laad(_variant(tmp_path))
    u = waarde_van_informatie(project.pilot, project.casussen, 20_000, 1, besluiten=40, jaren=5)
    p = u.populatie
    assert abs(Fraction(p.factor) - factor) < Fraction(1, 10**30)
    for i in u.invoer:
        assert abs(Fraction(p.evppi[i.plek]["rapport"]) - Fraction(i.evppi["rapport"]) * factor) < Fraction(1, 10**20)
    assert abs(Fraction(p.steekproef["rapport"]) - Fraction(u.steekproef.waarde_steekproef["rapport"]) * factor) < Fraction(1, 10**20)
    code, uit, _ = cli("waarde-informatie", _variant(tmp_path), "-n", "5000", "--besluiten", "40", "--jaren", "5", "-f", "json")
    assert code == 0
    doc = json.loads(uit)["populatie"]
    assert (doc["besluiten_per_jaar"], doc["jaren"], doc["disconto"]) == (40, 5, "2.25")
    assert Decimal(doc["factor"]).quantize(Decimal("0.01")) == Decimal("191.39")


def test_besluiten_zonder_jaren_is_een_fout(cli):
    code, _, fout = cli("waarde-informatie", HENGELO, "-n", "100", "--besluiten", "40")
    assert code == 2
    assert "--besluiten en --jaren horen bij elkaar" in fout
