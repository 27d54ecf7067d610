"""De waarschuwingen in een JSON-document: per waarschuwing de soort, de zin en de getallen."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.waarschuwingen import Waarschuwing, Werkmapmelding
from kostenbaten.notatie import json_getal
from kostenbaten.uitvoer.waarschuwingen import tekst, werkmapzin


def _waarde(w):
    if isinstance(w, Decimal):
        return json_getal(w)
    if isinstance(w, tuple):
        return list(w)
    return w


def _velden(w) -> dict:
    if isinstance(w, Werkmapmelding):  # de cel en wat ze anders las, als zin
        return {"plek": w.plek, "melding": werkmapzin(w)}
    return {k: _waarde(v) for k, v in w._asdict().items()}


def lijst(waarschuwingen: tuple[Waarschuwing, ...]) -> list[dict]:
    return [{"soort": w.soort, "tekst": tekst(w), **_velden(w)} for w in waarschuwingen]
