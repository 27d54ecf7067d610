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


def _omslagpunt_json(o) -> dict:
    return {
        "waarde": None if o.waarde is None else json_bedrag(o.waarde),
        "nulpunt_rechte_lijn": None if o.wiskundig is None else json_bedrag(o.wiskundig),
        "toelichting": o.reden,
    }


def gevoeligheid_json(g, plek=None) -> dict:
    """Elke gevarieerde invoer met het effect per methode, gesorteerd op de zwaai van `rapport`."""
    invoer = []
    for v in g.gesorteerd("rapport"):
        invoer.append(
            {
                "sleutel": v.knop.sleutel,
                "naam": v.knop.naam,
                "eenheid": v.knop.eenheid,
                "waar": None if plek is None or v.knop.plek is None else plek(*v.knop.plek),
                "basis": json_bedrag(v.knop.basis),
                "laag": json_bedrag(v.laag),
                "hoog": json_bedrag(v.hoog),
                "effecten": {
                    m: {
                        "totaal_laag": json_bedrag(e.laag),
                        "totaal_hoog": json_bedrag(e.hoog),
                        "zwaai": json_bedrag(e.zwaai),
                        "per_eenheid": json_bedrag(e.per_eenheid),
                        "omslagpunt": _omslagpunt_json(e.omslagpunt),
                    }
                    for m, e in v.effecten.items()
                },
            }
        )
    return {"stap_procent": json_bedrag(g.stap), "basis": {m: json_bedrag(t) for m, t in g.basis.items()}, "invoer": invoer}
