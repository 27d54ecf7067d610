"""De waarschuwingen in een JSON-document: per waarschuwing de soort, de zin en de getallen."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.waarschuwingen import Waarschuwing
from kostenbaten.notatie import json_getal
from kostenbaten.uitvoer.waarschuwingen import tekst


def _waarde(w):
    if isinstance(w, Decimal):
        return json_getal(w)
    if isinstance(w, tuple):
        return list(w)
    return w


def lijst(waarschuwingen: tuple[Waarschuwing, ...]) -> list[dict]:
    return [{"soort": w.soort, "tekst": tekst(w), **{k: _waarde(v) for k, v in w._asdict().items()}} for w in waarschuwingen]
