"""`kengetallen --formaat json`: de bank (of een zoekvraag of één post) en de controle van een casussenmap."""

from __future__ import annotations

from kostenbaten.berekening.kengetallen import CASUSBEDRAG, BankControle
from kostenbaten.model.kengetallenbank import GRADEN, Bankpost
from kostenbaten.notatie import json_bedrag, json_verhouding


def _post(sleutel: str, p: Bankpost) -> dict:
    return {
        "sleutel": sleutel,
        "naam": p.naam,
        "bedrag": json_bedrag(p.bedrag),
        "min": None if p.min is None else json_bedrag(p.min),
        "max": None if p.max is None else json_bedrag(p.max),
        "eenheid": p.eenheid,
        "prijspeil": p.prijspeil,
        "index": p.index,
        "betaler": p.betaler,
        "soort": p.soort,
        "methode": p.methode,
        "kwaliteit": p.kwaliteit,
        "bron": {
            "titel": p.bron.titel,
            "uitgever": p.bron.uitgever,
            "jaar": p.bron.jaar,
            "vindplaats": p.bron.vindplaats,
            "adres": p.bron.adres,
        },
        "toelichting": p.toelichting,
        "past_bij": list(p.past_bij),
    }


def document(uitkomst, titel: str = "Kengetallenbank") -> dict:
    if isinstance(uitkomst, BankControle):
        return _controle(uitkomst)
    if isinstance(uitkomst, tuple) and len(uitkomst) == 2 and isinstance(uitkomst[1], Bankpost):
        return {"kengetal": _post(*uitkomst)}
    return {"titel": titel, "kengetallen": [_post(s, p) for s, p in uitkomst]}


def _controle(c: BankControle) -> dict:
    return {
        "pilot": c.pilot,
        "peiljaar": c.peiljaar,
        "max_leeftijd": c.max_leeftijd,
        "kengetallen": [
            {
                "sleutel": o.sleutel,
                "naam": o.naam,
                "bedrag": json_bedrag(o.bedrag),
                "prijspeil": o.prijspeil,
                "bron": o.bron,
                "kwaliteit": o.graad,
                "waarom": o.waarom,
                "bevindingen": list(o.bevindingen),
                "vervangers": [v.sleutel for v in o.vervangers],
            }
            for o in c.oordelen
        ],
        "baten_per_graad": {g: json_bedrag(c.baten_per_graad[g]) for g in (*GRADEN, CASUSBEDRAG)},
        "totaal_baten": json_bedrag(c.totaal_baten),
        "aandeel_c_of_d": None if c.aandeel_c_of_d is None else json_verhouding(c.aandeel_c_of_d),
    }
