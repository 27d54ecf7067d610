"""`gevoeligheid --formaat json`: tornado en omslagpunten als document."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag, json_getal
from kostenbaten.uitvoer.namen import omslagpunt_tekst


def _omslagpunt_json(o, eenheid: str) -> dict:
    return {
        "waarde": None if o.waarde is None else json_bedrag(o.waarde),
        "nulpunt_rechte_lijn": None if o.wiskundig is None else json_bedrag(o.wiskundig),
        "toelichting": omslagpunt_tekst(o, eenheid),
    }


def document(g, plek=None) -> dict:
    """Elke gevarieerde invoer met het effect per methode, gesorteerd op de zwaai van `rapport`."""
    invoer = []
    for v in g.gesorteerd("rapport"):
        invoer.append(
            {
                "sleutel": v.invoer.sleutel,
                "naam": v.invoer.naam,
                "eenheid": v.invoer.eenheid,
                "waar": None if plek is None or v.invoer.plek is None else plek(*v.invoer.plek),
                "basis": json_bedrag(v.invoer.basis),
                "laag": json_bedrag(v.laag),
                "hoog": json_bedrag(v.hoog),
                "effecten": _effecten_json(v.effecten, v.invoer.eenheid),
                # Op het maatschappelijk saldo (besparingen van middelen min de kosten van alle hulpvragen).
                "effecten_maatschappelijk_saldo": _effecten_json(v.saldo_effecten, v.invoer.eenheid),
            }
        )
    return {
        "stap_procent": json_getal(g.stap),
        "basis": {m: json_bedrag(t) for m, t in g.basis.items()},
        "basis_maatschappelijk_saldo": {m: json_bedrag(t) for m, t in g.saldo_basis.items()},
        "kosten_route": g.kosten_route,  # hoe de kosten van het hele programma in het saldo berekend zijn
        "invoer": invoer,
    }


def _effecten_json(effecten: dict, eenheid: str) -> dict:
    return {
        m: {
            "totaal_laag": json_bedrag(e.laag),
            "totaal_hoog": json_bedrag(e.hoog),
            "zwaai": json_bedrag(e.zwaai),
            "per_eenheid": json_bedrag(e.per_eenheid),
            "omslagpunt": _omslagpunt_json(e.omslagpunt, eenheid),
        }
        for m, e in effecten.items()
    }
