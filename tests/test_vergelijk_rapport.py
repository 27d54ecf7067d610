"""`vergelijk` zet het gepubliceerde cijfer van het rapport en het deel dat overblijft naast elke kolom."""

from __future__ import annotations

import json

from conftest import HENGELO
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.geld import HONDERD, deel
from kostenbaten.invoer.project import laad
from kostenbaten.notatie import getal_nl, json_bedrag, procent

VOORZICHTIG = HENGELO.parent / "varianten" / "hengelo-voorzichtig.yaml"


def test_voorzichtig_naast_het_rapport(cli):
    code, uit, _ = cli("vergelijk", HENGELO, VOORZICHTIG, "-n", "1000")
    assert code == 0
    regels = [" ".join(r.replace("│", " ").split()) for r in uit.splitlines()]
    basis = bereken_pilot(laad(HENGELO).pilot, laad(HENGELO).casussen)
    voorzichtig = bereken_pilot(laad(VOORZICHTIG).pilot, laad(VOORZICHTIG).casussen)
    gepubliceerd = getal_nl(basis.gepubliceerd["totaal"].waarde)
    assert f"rapport: totaal zoals gepubliceerd {gepubliceerd} -" in regels
    for methode in ("rapport", "gewogen"):
        aandeel = procent(deel(voorzichtig.extrapolaties[methode].totaal * HONDERD, basis.extrapolaties[methode].totaal))
        assert f"{methode}: totaal als deel van Hengelo 100% {aandeel}" in regels
    document = json.loads(cli("vergelijk", HENGELO, VOORZICHTIG, "-n", "1000", "--formaat", "json")[1])
    assert [k["gepubliceerd_totaal"] for k in document["vergelijking"]] == [json_bedrag(basis.gepubliceerd["totaal"].waarde), None]
