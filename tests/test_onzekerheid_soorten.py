"""De twee soorten onzekerheid, de verwachte waarde als centrum en de steekproef van casussen, met de som in de test.

Elke verwachting hieronder is met eigen rekenwerk in de test bepaald (breuken,
een eigen binomiale verdeling, een volledige opsomming van de bootstrap), niet
met code van kostenbaten.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from decimal import Decimal
from fractions import Fraction

import pytest

from conftest import HENGELO, ROOT
from kostenbaten.berekening.onzekerheid import _geheel, simuleer, verwachting
from kostenbaten.berekening.steekproeffout import steekproeffout, t_kwantiel
from kostenbaten.geld import afronden_op_centen
from kostenbaten.invoer.project import laad

VARIANTEN = ROOT / "casussen" / "varianten"
VOORZICHTIG = VARIANTEN / "hengelo-voorzichtig.yaml"
VRIJWILLIGERS = VARIANTEN / "vrijwilligers.yaml"

# De netto per casus van Hengelo uit het rapport: 1.614 - 240, -360, 1.280 - 240, -240, 830 - 120, 1.218 - 240.
HENGELO_NETTO = [1374, -360, 1040, -240, 710, 978]


# -- de verwachte waarde als centrale schatting -----------------------------------------------


def test_voorzichtig_verwachte_waarde_exact_naast_de_meest_waarschijnlijke():
    # Gemiddelden van de driehoeken: deadweight (0,1 + 0,25 + 0,5) / 3 = 0,28333..., attributie (0 + 0,1 + 0,2) / 3 = 0,1,
    # deadweight toevoeging (0,25 + 0,5 + 0,75) / 3 = 0,5. Afname telt niet: maar twaalf maanden in beeld.
    deadweight, attributie, toevoeging = Fraction(85, 300), Fraction(1, 10), Fraction(1, 2)
    baten_zonder_toevoeging = 1614 + 1280 + 830 + 1218 - 800  # 4.142
    kosten = 12 * (80 + 30 + 10)  # 1.440
    per_zes = baten_zonder_toevoeging * (1 - deadweight) * (1 - attributie) + 800 * (1 - toevoeging) * (1 - attributie) - kosten
    assert per_zes == Fraction(159159, 100)  # 4.142 x 0,645 + 800 x 0,45 - 1.440 = 1.591,59
    verwacht = per_zes * 198 / 6
    assert verwacht == Fraction(5252247, 100)  # € 52.522,47

    project = laad(VOORZICHTIG)
    centrum = verwachting(project.pilot, project.casussen)
    assert centrum.exact
    totaal = centrum.verwacht.extrapolaties["rapport"].totaal
    assert afronden_op_centen(totaal) == Decimal("52522.47")
    assert abs(Fraction(totaal) - verwacht) < Fraction(1, 10**30)
    u = simuleer(project.pilot, project.casussen, 20_000, 1)
    kop = u.extrapolaties["rapport"]["totaal"]
    assert afronden_op_centen(kop.verwacht) == Decimal("52522.47")
    # De meest waarschijnlijke waarden: (1 - 0,25)(1 - 0,1) = 0,675 op 4.142 en (1 - 0,5)(0,9) = 0,45 op 800.
    modus = (Fraction(4142) * Fraction(675, 1000) + 800 * Fraction(45, 100) - kosten) * 33
    assert kop.berekend == Decimal(modus.numerator) / modus.denominator == Decimal("56623.05")
    # Monte Carlo ligt dicht bij de verwachte waarde (sd van het totaal ongeveer 11.500; 5 standaardfouten op 20.000 = 400).
    assert abs(kop.gemiddelde - Decimal("52522.47")) < 400


def test_cli_kop_is_de_verwachte_waarde(cli):
    code, uit, fout = cli("onzekerheid", VOORZICHTIG, "-n", "2000")
    assert code == 0, fout
    tekst = " ".join(uit.split())
    assert "Verwachte waarde van het totaal, methode rapport (vlak gemiddelde): € 52.522 (exact berekend); " \
           "bij de meest waarschijnlijke invoer: € 56.623." in tekst
    code, uit, _ = cli("onzekerheid", VOORZICHTIG, "-n", "2000", "-f", "json")
    doc = json.loads(uit)
    assert doc["centrum"]["exact"] is True
    rapport = next(e for e in doc["extrapolatie"] if e["methode"] == "rapport")
    assert (rapport["totaal"]["verwacht"], rapport["totaal"]["berekend"]) == ("52522.47", "56623.05")


def test_interval_is_niet_exact():
    project = laad(VARIANTEN / "hengelo-bandbreedte.yaml")  # de toevoeging heeft een 90%-interval
    centrum = verwachting(project.pilot, project.casussen)
    assert not centrum.exact and "90%-interval" in centrum.reden


def test_vergelijk_toont_de_verwachte_waarde(cli):
    code, uit, fout = cli("vergelijk", HENGELO, VOORZICHTIG, "-n", "2000")
    assert code == 0, fout
    assert "rapport: totaal, verwachte" in uit and "52.522" in uit


# -- uitkomsten per hulpvraag: binomiaal --------------------------------------------------------


def _binomiaal_kwantiel(n: int, p: float, q: float) -> int:
    """Het kleinste k met P(S <= k) >= q voor S ~ Binomiaal(n, p), met eigen som."""
    cumulatief = 0.0
    for k in range(n + 1):
        cumulatief += math.comb(n, k) * p**k * (1 - p) ** (n - k)
        if cumulatief >= q:
            return k
    return n


def _speelgoed(tmp_path, hulpvragen: int, kans: str):
    map_ = tmp_path / "speelgoed"
    map_.mkdir()
    (map_ / "pilot.yaml").write_text(
        "naam: Speelgoed\nperiode: {van: 2024-01-01, tot: 2024-12-31}\n"
        f"hulpvragen: {hulpvragen}\nrechtsgebieden:\n  alles: {{naam: Alles, aandeel: 100}}\n"
        "tarieven:\n  b: {naam: Kosten, per_uur: 250}\n"
        "kengetallen:\n  a: {naam: Baat, bedrag: 1000, actor: overheid, bron: test}\n",
        encoding="utf-8",
    )
    (map_ / "casus-1.yaml").write_text(
        f"nummer: 1\ntitel: Speelgoed\nrechtsgebied: alles\nuren: 1\nkans: {kans}\nbaten:\n  - kengetal: a\n", encoding="utf-8"
    )
    return laad(map_)


def test_een_kans_werkt_op_het_aantal_geslaagde_hulpvragen(tmp_path):
    # 100 hulpvragen, één casus met kans 0,3: totaal = 1000 x S - 100 x 250 met S ~ Binomiaal(100; 0,3).
    # Niet één munt voor alle honderd (dan alleen -25.000 of 75.000).
    p = _speelgoed(tmp_path, 100, "0.3")
    u = simuleer(p.pilot, p.casussen, 40_000, 3)
    totaal = u.extrapolaties["rapport"]["totaal"]
    laag, hoog = (_binomiaal_kwantiel(100, 0.3, q) for q in (0.05, 0.95))  # 23 en 38
    assert abs(totaal.percentielen[5] - (1000 * laag - 25_000)) <= 1000
    assert abs(totaal.percentielen[95] - (1000 * hoog - 25_000)) <= 1000
    assert totaal.verwacht == 5000  # 100 x (0,3 x 1000 - 250)
    # Negatief als S < 25: P(S <= 24) met een eigen som (ongeveer 0,114); 5 standaardfouten op 40.000 trekkingen = 0,008.
    negatief = sum(math.comb(100, k) * 0.3**k * 0.7 ** (100 - k) for k in range(25))
    assert abs(float(totaal.kans_negatief) - negatief) < 0.008
    # Gegeven de (vaste) parameters is er geen spreiding: alles komt uit de uitkomsten per hulpvraag.
    assert set(u.parameters["rapport"]["totaal"].percentielen.values()) == {Decimal(5000)}
    assert u.deel_uitkomsten["rapport"] == 1
    # Eén hulpvraag als deze casus slaagt of niet.
    assert (u.casussen[1].percentielen[5], u.casussen[1].percentielen[95]) == (Decimal(-250), Decimal(750))


def test_kans_met_bereik_mengt_binomiaal_en_parameter(tmp_path):
    # Kans driehoek 0,1 / 0,3 / 0,5 (gemiddelde 0,3): de variantie van het totaal is die van 100 x 1000 x p
    # (parameter: 10^10 x var(p) = 10^10 x (0,01 + 0,09 + 0,25 - 0,03 - 0,05 - 0,15) / 18 = 3,33 x 10^7)
    # plus E[1000^2 x 100 x p(1 - p)] = 10^8 x (0,3 - (var(p) + 0,09)) = 10^8 x 0,20333 = 2,03 x 10^7 (uitkomsten).
    p = _speelgoed(tmp_path, 100, "{waarde: 0.3, min: 0.1, max: 0.5}")
    u = simuleer(p.pilot, p.casussen, 100_000, 5)
    var_p = (0.01 + 0.09 + 0.25 - 0.03 - 0.05 - 0.15) / 18
    parameter = 1e10 * var_p
    uitkomsten = 1e8 * (0.3 - (var_p + 0.09))
    assert float(u.deel_uitkomsten["rapport"]) == pytest.approx(uitkomsten / (parameter + uitkomsten), abs=0.02)


def test_niet_gehele_hulpvragen_regel():
    import numpy as np

    # Afgerond op het dichtstbijzijnde gehele getal (een half naar even), minstens 1.
    assert list(_geheel(np.array([49.5, 19.5, 30.5, 33.0, 0.2]))) == [50, 20, 30, 33, 1]


# -- de steekproef van casussen ---------------------------------------------------------------


def test_t_interval_hengelo_met_de_hand():
    n = len(HENGELO_NETTO)
    gemiddelde = Fraction(sum(HENGELO_NETTO), n)  # 3.502 / 6 = 583,67
    kwadraten = sum((x - gemiddelde) ** 2 for x in HENGELO_NETTO)  # 2.573.260,33
    s = math.sqrt(kwadraten / (n - 1))
    assert s == pytest.approx(717.39, abs=0.01)  # "sd about 717"
    t = 2.015048  # t(0,95; 5 vrijheidsgraden) uit de tabel van de t-verdeling
    laag, hoog = float(gemiddelde) - t * s / math.sqrt(n), float(gemiddelde) + t * s / math.sqrt(n)
    assert (round(laag, 2), round(hoog, 2)) == (-6.49, 1173.82)  # "about -6 to 1.174"

    uit = simuleer(laad(HENGELO).pilot, laad(HENGELO).casussen, 100, 1).steekproef
    assert uit.gemiddelde == Decimal(3502) / 6 or abs(Fraction(uit.gemiddelde) - gemiddelde) < Fraction(1, 10**40)
    assert float(uit.standaardafwijking) == pytest.approx(s, abs=1e-9)
    assert float(uit.t_waarde) == pytest.approx(t, abs=1e-6)
    assert float(uit.t_interval[0]) == pytest.approx(laag, abs=0.005)
    assert float(uit.t_interval[1]) == pytest.approx(hoog, abs=0.005)
    # Andere bekende tabelwaarden van t(0,95): 1 vrijheidsgraad 6,313752; 30 vrijheidsgraden 1,697261.
    assert t_kwantiel(0.95, 1) == pytest.approx(6.313752, abs=1e-6)
    assert t_kwantiel(0.95, 30) == pytest.approx(1.697261, abs=1e-6)


def _exacte_bootstrap(waarden: list[int]) -> list[tuple[Fraction, Fraction]]:
    """Alle gemiddelden van n trekkingen met teruglegging, met hun kans: een volledige opsomming (multinomiaal)."""
    n = len(waarden)
    kansen: Counter = Counter()
    for keuze in itertools.combinations_with_replacement(range(n), n):
        aantallen = Counter(keuze).values()
        gewicht = math.factorial(n)
        for a in aantallen:
            gewicht //= math.factorial(a)
        kansen[Fraction(sum(waarden[i] for i in keuze), n)] += Fraction(gewicht, n**n)
    return sorted(kansen.items())


def _kwantiel(verdeling, q: float) -> float:
    cumulatief = Fraction(0)
    for waarde, kans in verdeling:
        cumulatief += kans
        if cumulatief >= Fraction(q):
            return float(waarde)
    return float(verdeling[-1][0])


def test_bootstrap_hengelo_tegen_de_volledige_opsomming_en_reproduceerbaar():
    exact = _exacte_bootstrap(HENGELO_NETTO)
    assert sum(k for _, k in exact) == 1
    p5, p95 = _kwantiel(exact, 0.05), _kwantiel(exact, 0.95)
    project = laad(HENGELO)
    uit = steekproeffout(verwachting(project.pilot, project.casussen).verwacht, zaad=7, trekkingen=40_000)
    # Een verdeling op 462 punten: de Monte-Carlo-percentielen liggen op of naast het exacte kwantiel.
    assert abs(float(uit.gemiddelde_bootstrap[5]) - p5) < 25
    assert abs(float(uit.gemiddelde_bootstrap[95]) - p95) < 25
    assert uit.totaal_bootstrap["rapport"][5] == afronden_op_centen(uit.gemiddelde_bootstrap[5] * 198) or abs(
        uit.totaal_bootstrap["rapport"][5] - uit.gemiddelde_bootstrap[5] * 198
    ) < 1
    assert uit == steekproeffout(verwachting(project.pilot, project.casussen).verwacht, zaad=7, trekkingen=40_000)
    assert uit != steekproeffout(verwachting(project.pilot, project.casussen).verwacht, zaad=8, trekkingen=40_000)
    # Gewogen: binnen elk rechtsgebied; elk heeft twee casussen.
    assert [g.casussen for g in uit.gebieden] == [2, 2, 2]


def test_cli_steekproef_zichtbaar_en_reproduceerbaar(cli):
    args = ("onzekerheid", HENGELO, "-n", "1000", "--zaad", "7")
    code, uit, fout = cli(*args)
    assert code == 0, fout
    tekst = " ".join(uit.split())
    assert "ligt met 90% betrouwbaarheid tussen -€ 6 en € 1.174 (t-verdeling, 5 vrijheidsgraden" in tekst
    assert "Bootstrap (20.000 trekkingen, zaad 7)" in tekst
    assert cli(*args) == (code, uit, fout)
    doc = json.loads(cli(*args, "-f", "json")[1])
    assert doc["steekproef_casussen"]["t_interval_90"] == ["-6.49", "1173.82"]


def test_rechtsgebied_met_een_casus_heeft_geen_spreiding(tmp_path):
    map_ = tmp_path / "een"
    map_.mkdir()
    (map_ / "pilot.yaml").write_text((HENGELO / "pilot.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for i in (1, 2, 3, 4, 5):
        (map_ / f"casus-{i}.yaml").write_text((HENGELO / f"casus-{i}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    project = laad(map_)  # belastingrecht heeft nu alleen casus 5
    uit = steekproeffout(verwachting(project.pilot, project.casussen).verwacht, 1, 2000)
    assert [(g.rechtsgebied, g.te_weinig) for g in uit.gebieden][-1] == ("belastingrecht", True)
    from kostenbaten.uitvoer.namen import steekproef_zinnen

    assert any("Belastingrecht (1 casus) heeft te weinig casussen voor spreiding" in z for z in steekproef_zinnen(uit))


# -- kans op winst alleen voor wie kosten draagt ----------------------------------------------------


def test_kans_op_winst_alleen_voor_wie_betaalt(cli):
    code, uit, _ = cli("onzekerheid", VRIJWILLIGERS, "-n", "2000", "-f", "json")
    actoren = {a["actor"]: a for a in json.loads(uit)["actoren"][0]["actoren"]}
    assert actoren["client"]["ontvangt_alleen"] is True and actoren["client"]["kans_baten_groter"] is None
    assert actoren["gemeente"]["ontvangt_alleen"] is False  # de gemeente betaalt de vrijwilligers
    assert actoren["gemeente"]["kans_baten_groter"] is not None


# -- op een smal scherm -------------------------------------------------------------------------


@pytest.mark.parametrize("breedte", [80, 60])
@pytest.mark.parametrize(
    "opdracht",
    [
        ["onzekerheid", VRIJWILLIGERS, "-n", "2000"],
        ["waarde-informatie", VRIJWILLIGERS, "-n", "2000", "--besluiten", "40", "--jaren", "5"],
        ["vergelijk", HENGELO, VRIJWILLIGERS, VOORZICHTIG, "-n", "2000"],
    ],
    ids=lambda o: o[0],
)
def test_heel_op_een_smal_scherm(opdracht, breedte):
    from rich.cells import cell_len
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    resultaat = CliRunner(env={"COLUMNS": str(breedte)}).invoke(app, [str(a) for a in opdracht])
    assert resultaat.exit_code == 0, resultaat.output
    regels = resultaat.stdout.splitlines()
    assert "…" not in resultaat.stdout and max(cell_len(r) for r in regels) <= breedte
    assert not [r for r in regels if r.rstrip().endswith("€") and not any(t in r for t in "┃│├└")]
    randen = [r.rstrip() for r in regels if r.strip() and set(r.strip()) <= set("━┳┏┓┡╇┩─┼├┤└┴┘┬┌┐")]
    assert all(r[-1] in "┓┩┤┘┐" for r in randen)


def test_spreiding_van_hengelo_komt_helemaal_uit_de_steekproef():
    # Zonder bereiken en kansen: alle spreiding komt uit de zes casussen. De bootstrapvariantie van het gemiddelde is
    # (n - 1) / n x s^2 / n (trekken met teruglegging); van het totaal x 198^2: met s^2 = 2.573.260,33 / 5.
    s2 = sum((x - Fraction(3502, 6)) ** 2 for x in HENGELO_NETTO) / 5
    verwacht = float(Fraction(5, 6) * s2 / 6 * 198**2)
    project = laad(HENGELO)
    u = simuleer(project.pilot, project.casussen, 1000, 1)
    assert u.spreiding["rapport"] == {"steekproef": 1, "parameters": 0, "uitkomsten": 0}
    # Relatieve standaardfout van een variantie uit 20.000 trekkingen ongeveer wortel(2 / 20.000) = 1%; 5% marge.
    assert u.steekproef.variantie["rapport"] == pytest.approx(verwacht, rel=0.05)
