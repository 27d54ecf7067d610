"""Veel casussen met weinig geheugen: wat na het lezen niet bewaard blijft, geeft toch dezelfde regels en dezelfde JSON."""

from __future__ import annotations

import io
import json
from decimal import Decimal

from conftest import HENGELO, vervang

from kostenbaten.invoer.casussen import laad_project
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.uitvoer.json import Reeks, schrijf


def test_casusbestand_wordt_herlezen_met_dezelfde_regels():
    project = laad_project(HENGELO)
    for casus in project.casussen:
        bestand = project.bestanden[casus.nummer]
        assert bestand.vergeten  # alleen het pad blijft bewaard
        vers, _ = lees_yaml(bestand.pad)
        for sleutelpad in vers.plekken:
            assert project.regel(casus.nummer, sleutelpad) == vers.waar(sleutelpad)
        assert bestand.inhoud == vers.inhoud


def test_gewijzigd_casusbestand_komt_niet_uit_de_cache(hengelo):
    project = laad_project(hengelo)
    voor = project.regel(1, ("uren",))
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "\n\nuren: 2\n")
    # Twee regels erbij boven 'uren': de herlezen regel schuift mee (de cache kijkt naar tijd en grootte).
    bestand, regel = voor.rsplit(":", 1)
    assert project.regel(1, ("uren",)) == f"{bestand}:{int(regel) + 2}"


def _tekst(document) -> str:
    uit = io.StringIO()
    schrijf(document, uit)
    return uit.getvalue()


def test_reeks_schrijft_dezelfde_tekst_als_een_lijst():
    # Ook wat orjson weigert (een getal boven 64 bits, een sleutel die geen tekst is) en stuurtekens.
    elementen = [
        {"a": Decimal("1.50"), "b": ["x\ny\t\x00\x7f", {"c": []}], "d": "é €", "w": True, "o": False},
        {},
        {"e": None, "groot": 2**70},
        {3: "drie"},
    ]
    # Ook de waarden naast een Reeks ("los": dezelfde lastige elementen) schrijft orjson, met dezelfde tekst.
    verwacht = json.dumps(
        {"kop": {"n": 1}, "rij": elementen, "leeg": [], "los": elementen, "staart": "z"}, ensure_ascii=False, indent=2, default=str
    ) + "\n"
    document = {
        "kop": {"n": 1}, "rij": Reeks(range(len(elementen)), elementen.__getitem__), "leeg": Reeks((), str), "los": elementen, "staart": "z"
    }
    assert _tekst(document) == verwacht
