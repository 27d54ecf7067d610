"""`onzekerheid --formaat json`: percentielen en histogrammen als document."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag, json_kans
from kostenbaten.uitvoer.namen import verdeling_tekst


def verdeling_json(v) -> dict:
    return {
        "berekend": json_bedrag(v.berekend),
        **{f"p{p}": json_bedrag(w) for p, w in v.percentielen.items()},
        "gemiddelde": json_bedrag(v.gemiddelde),
        "kans_negatief": json_kans(v.kans_negatief),
    }


def extrapolaties_json(u) -> list[dict]:
    return [{"methode": m, **{d: verdeling_json(v) for d, v in delen.items()}} for m, delen in u.extrapolaties.items()]


def document(u) -> dict:
    return {
        "pilot": u.berekend.pilot.naam,
        "trekkingen": u.trekkingen,
        "zaad": u.zaad,
        "percentielen": list(next(iter(u.casussen.values())).percentielen),
        "invoer_met_bereik": [{"plek": i.plek, "verdeling": verdeling_tekst(i.onzeker)} for i in u.invoer],
        "kans_van_slagen": list(u.kansen),
        "casussen": [{"nummer": n, "netto": verdeling_json(v)} for n, v in u.casussen.items()],
        "gemiddelde_netto": verdeling_json(u.gemiddelde_netto),
        "extrapolatie": extrapolaties_json(u),
        "actoren": [
            {
                "methode": m,
                "actoren": [
                    {"actor": k, "naam": a.naam, "saldo": verdeling_json(a.saldo), "kans_baten_groter": json_kans(a.kans_baten_groter)}
                    for k, a in actoren.items()
                ],
            }
            for m, actoren in u.actoren.items()
        ],
        "histogram": [
            {"methode": m, "randen": [json_bedrag(r) for r in h.randen], "aantallen": list(h.aantallen)}
            for m, h in u.histogrammen.items()
        ],
    }
