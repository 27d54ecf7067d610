"""De voorkant van het rapport: eerst wat de samenleving wint en wie betaalt en wie wint, dan de methode van de KBA Hengelo.

Alle bedragen zijn met de hand uitgerekend uit de casussen van Hengelo (12 maanden in beeld;
vlak gemiddelde: x 198 gedekte hulpvragen / 6 casussen = x 33), zoals in tests/test_saldo.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import HENGELO, ROOT, html_tekst

BANDBREEDTE = ROOT / "casussen" / "varianten" / "hengelo-bandbreedte.yaml"

# Besparingen van middelen per casus (de zes kengetallen): 1.014 + 880 + 330 + 330 = 2.554; x 33 = 84.282.
MIDDELEN = (800 + 214) + (180 + 200 + 500) + (180 + 150) + (180 + 150)
# Overdrachten aan de cliënt: 12 x 50 + 400 + 500 + 12 x 74 = 2.388; x 33 = 78.804.
OVERDRACHTEN = 12 * 50 + 400 + 500 + 12 * 74
# Kosten: 12 SJD-uren x (80 + 30 + 10) = 1.440 over 6 casussen = 240 per casus.
KOSTEN_PER_CASUS = (2 + 3 + 2 + 2 + 1 + 2) * (80 + 30 + 10) // 6


def _nl(n: int) -> str:
    """Een heel bedrag zoals het rapport het schrijft: € 12.282, -€ 6.600."""
    return ("-" if n < 0 else "") + "€ " + f"{abs(n):,}".replace(",", ".")


@pytest.fixture(scope="module")
def maak(tmp_path_factory):
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    map_ = tmp_path_factory.mktemp("saldo")
    gemaakt = {}

    def maak(naam, *argumenten):
        if naam not in gemaakt:
            doel = map_ / naam
            r = CliRunner(env={"COLUMNS": "200"}).invoke(
                app, ["rapport", *map(str, argumenten), "--trekkingen", "2000", "-o", str(doel)], catch_exceptions=False
            )
            assert r.exit_code == 0, r.stderr
            gemaakt[naam] = doel
        return gemaakt[naam]

    return maak


def test_voorkant_begint_met_het_maatschappelijk_saldo(maak):
    assert MIDDELEN == 2554 and OVERDRACHTEN == 2388 and KOSTEN_PER_CASUS == 240
    middelen, overdrachten = MIDDELEN * 33, OVERDRACHTEN * 33  # 84.282 en 78.804
    kosten_alle, kosten_gedekt = KOSTEN_PER_CASUS * 300, KOSTEN_PER_CASUS * 198  # 72.000 en 47.520
    saldo, saldo_gedekt = middelen - kosten_alle, middelen - kosten_gedekt
    assert (saldo, saldo_gedekt) == (12282, 36762)
    tekst = html_tekst(maak("h.html", HENGELO))
    assert (f"Wat de samenleving wint: een maatschappelijk saldo van {_nl(saldo)} per jaar. Dat zijn de besparingen van middelen "
            f"({_nl(middelen)}, vermeden kosten, naar de 198 hulpvragen in de rechtsgebieden van de casussen) "
            f"min de kosten van alle 300 hulpvragen ({_nl(kosten_alle)}).") in tekst
    assert f"({_nl(overdrachten)}, zoals een uitkering" in tekst and "overdracht telt voor nul" in tekst
    assert f"Met alleen de kosten van de gedekte hulpvragen ({_nl(kosten_gedekt)}) is het saldo {_nl(saldo_gedekt)}." in tekst
    # Het saldo staat vóór de uitkomst in de methode van de KBA Hengelo, en die blijft: netto per casus
    # (1.374 - 360 + 1.040 - 240 + 710 + 978) / 6 = 3.502 / 6 = 583,67; x 198 = 3.502 x 33 = 115.566.
    assert 3502 * 33 == 115566
    assert tekst.index("maatschappelijk saldo van € 12.282") < tekst.index("De uitkomst in de methode van de KBA Hengelo")
    assert "gemiddeld € 583,67 netto op" in tekst and "samen € 115.566 (één gemiddelde" in tekst
    assert "volgen de methode van de KBA Hengelo" in tekst


def test_verdelingstabel_op_de_voorkant(maak):
    # Per actor: betaalt, middelen, ontvangt, geeft, saldo (x 33 per casusbedrag; kosten 240 x 300 = 72.000 voor het Rijk).
    client = (0, 0, OVERDRACHTEN * 33, 0)
    gemeente = (0, (214 + 3 * 180) * 33, 0, 12 * 50 * 33)
    rijk = (72000, (800 + 500 + 150 + 150) * 33, 0, (500 + 12 * 74) * 33)
    schuldeiser = (0, 200 * 33, 0, 400 * 33)
    regels = {"Cliënt": client, "Gemeente": gemeente, "Rijk": rijk, "Schuldeiser en deurwaarder": schuldeiser}
    saldi = {n: m + o - g - b for n, (b, m, o, g) in regels.items()}
    assert saldi == {"Cliënt": 78804, "Gemeente": 5082, "Rijk": -65004, "Schuldeiser en deurwaarder": -6600}
    assert sum(saldi.values()) == 12282
    tekst = html_tekst(maak("h.html", HENGELO))
    assert "Wie Betaalt Middelen Ontvangt Geeft Saldo" in tekst
    for naam, cijfers in regels.items():
        assert f"{naam} " + " ".join(_nl(c) for c in (*cijfers, saldi[naam])) in tekst, naam
    samen = [sum(r[i] for r in regels.values()) for i in range(4)]
    assert samen == [72000, 84282, 78804, 78804]
    assert "Samen " + " ".join(_nl(c) for c in (*samen, 12282)) in tekst


def test_json_en_word_dragen_het_saldo(maak):
    doc = json.loads(maak("h.json", HENGELO).read_text(encoding="utf-8"))
    assert doc["voor"][0]["plek"] == "saldo"
    assert "€ 12.282" in doc["voor"][0]["blokken"][0]["tekst"].replace("\xa0", " ")
    pytest.importorskip("docx", reason="python-docx is niet geïnstalleerd")
    import docx

    d = docx.Document(str(maak("h.docx", HENGELO)))
    koppen = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert koppen.index("Wat de samenleving wint, en wie betaalt en wie wint") < koppen.index("De uitkomst in de methode van de KBA Hengelo")


def test_baten_per_kwaliteitsgraad(maak):
    # Hengelo noemt bij geen kengetal een graad of bankpost: alle zes tellen als aanname (graad D).
    # Baten van de casussen: kengetallen 2.554 (graad D) en bedragen uit de casussen zelf (de overdrachten) 2.388; samen 4.942.
    totaal = MIDDELEN + OVERDRACHTEN
    assert totaal == 4942
    # 2.554 / 4.942 = 51,68% (afgerond 52%), 2.388 / 4.942 = 48,32% (afgerond 48%).
    assert round(100 * MIDDELEN / totaal) == 52 and round(100 * OVERDRACHTEN / totaal) == 48
    tekst = html_tekst(maak("h.html", HENGELO))
    assert ("van de baten van de uitgewerkte casussen samen (€ 4.942) rust € 2.554 (52%) op graad D en € 2.388 (48%) "
            "op een bedrag uit de casus zelf (geen kengetal).") in tekst
    assert "Op graad C of D samen rust 52%" in tekst


def test_met_bereiken_eerst_de_verwachte_waarde(maak):
    from kostenbaten.berekening.onzekerheid import simuleer
    from kostenbaten.invoer.project import laad
    from kostenbaten.notatie import euro, procent

    project = laad(BANDBREEDTE)
    o = simuleer(project.pilot, project.casussen, 2000, 1)
    r, g = o.extrapolaties["rapport"]["totaal"], o.extrapolaties["gewogen"]["totaal"]
    # Bij de meest waarschijnlijke invoer: de Hengelo-bedragen, 3.502 x 33 = 115.566 (vlak).
    assert r.berekend == 115566
    tekst = html_tekst(maak("b.html", BANDBREEDTE))
    verwacht = (f"Verwacht, met de bereiken en kansen in de invoer meegewogen: samen {euro(r.verwacht)} (één gemiddelde voor alle "
                f"casussen) of {euro(g.verwacht)} (gewogen per rechtsgebied)")
    assert verwacht in tekst
    assert f"Bij de meest waarschijnlijke invoer is dat {_nl(115566)} en {euro(g.berekend)}" in tekst
    # De verwachte waarde staat boven het netto per casus; dat heet nu de meest waarschijnlijke invoer.
    assert tekst.index(verwacht) < tekst.index("Bij de meest waarschijnlijke invoer levert een uitgewerkte casus gemiddeld € 583,67")
    d = o.spreiding["rapport"]
    assert d["steekproef"] + d["parameters"] + d["uitkomsten"] == 1
    assert f"Van de spreiding van het totaal komt {procent(d['steekproef'] * 100)} uit de kleine steekproef van 6 uitgewerkte casussen" in tekst
    # Zonder bereiken geen verwachte waarde: Hengelo zelf.
    assert "Verwacht, met de bereiken" not in html_tekst(maak("h.html", HENGELO))


def test_actoren_in_de_terminal_zonder_het_rapport(cli):
    code, uit, _ = cli("actoren", HENGELO)
    assert code == 0
    assert "van het rapport" not in uit
    # De tweedeling: cliënt 78.804; overheid 24.882 + (52.800 - 47.520) + 6.600 = 36.762.
    assert 24882 + (52800 - 47520) + 6600 == 36762
    assert re.search(r"groep overheid\s*│[^\n]*€ 36\.762", uit)
