"""De analyses als JSON, in dezelfde stijl als `json_uitvoer`: bedragen als decimale tekst, ASCII-sleutels."""

from __future__ import annotations

from kostenbaten.berekening.uitleg import Knoop
from kostenbaten.geld import json_bedrag


def knoop_json(k: Knoop) -> dict:
    uit = {"label": k.label, "waarde": json_bedrag(k.waarde), "eenheid": k.eenheid}
    if k.rekensom:
        uit["rekensom"] = k.rekensom
    if k.waar:
        uit["waar"] = list(k.waar)
    if k.bron:
        uit["bron"] = k.bron
    uit["kinderen"] = [knoop_json(kind) for kind in k.kinderen]
    return uit


def uitleg_json(figuur: str, k: Knoop) -> dict:
    return {"figuur": figuur, "uitleg": knoop_json(k)}


def figuren_json(figuren: dict[str, str]) -> dict:
    return {"figuren": [{"figuur": naam, "omschrijving": omschrijving} for naam, omschrijving in figuren.items()]}
