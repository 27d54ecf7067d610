"""`uitkomsten --formaat json`: de waardering van getelde uitkomsten, bedragen exact als tekst."""

from __future__ import annotations

from kostenbaten.berekening.uitkomsten import Uitkomstenwaardering
from kostenbaten.notatie import json_aandeel, json_bedrag, json_getal
from kostenbaten.model.bestandsnamen import openbaar_pad


def document(u: Uitkomstenwaardering) -> dict:
    t = u.telling
    return {
        "methode": "getelde uitkomsten: aantal x waarde per keer x (1 - contrafeitelijk) x (1 - attributie)",
        "bron": t.bron,
        "bestand": openbaar_pad(t.bestand),
        "hulpvragen": t.hulpvragen,
        "prijspeil": None if u.prijspeil is None else {"jaar": u.prijspeil.jaar, "reeks": u.prijspeil.reeks, "voorbeeld": u.prijspeil.voorbeeld},
        "volledigheid": {
            "met_uitkomst": t.met_uitkomst,
            "procent": json_aandeel(u.volledigheid),
            "minimaal_procent": json_getal(u.minimale_volledigheid),
            "te_laag": u.te_onvolledig,
        },
        "aantallen": t.aantallen,
        "bedragen": {g: {c: {k: json_bedrag(b) for k, b in per.items()} for c, per in codes.items()} for g, codes in t.bedragen.items()},
        "doorverwezen": t.doorverwezen,
        "verwijskosten": t.verwijskosten,
        "zonder_waarde": [{"code": c, "aantal": n} for c, n in u.zonder_waarde],
        "zonder_bedrag": [{"code": c, "bedrag": k, "hulpvragen": n} for c, k, n in u.zonder_bedrag],
        "posten": [
            {
                "rechtsgebied": p.rechtsgebied, "code": p.code, "effect": p.effect, "soort": p.soort, "actor": p.actor, "van": p.van,
                "aantal": p.aantal, "per_keer": json_bedrag(p.per_keer), "contrafeitelijk_procent": json_getal(p.contrafeitelijk),
                "attributie_procent": json_getal(p.attributie), "waarde": json_bedrag(p.waarde), "bron": p.bron, "kolom": p.kolom, "graad": p.graad,
            }
            for p in u.posten
        ],
        "rechtsgebieden": {
            g.rechtsgebied: {"naam": g.naam, "middelen": json_bedrag(g.middelen), "overdrachten": json_bedrag(g.overdrachten), "geinduceerd": json_bedrag(g.geinduceerd)}
            for g in u.rechtsgebieden
        },
        "maatschappelijk": {
            "middelen": json_bedrag(u.middelen),
            "geinduceerd": json_bedrag(u.geinduceerd),
            "overdrachten_apart": json_bedrag(u.overdrachten),
            "kosten_programma": json_bedrag(u.kosten.totaal),
            "kosten_route": u.kosten.route,
            "saldo": json_bedrag(u.saldo),
        },
        "kwaliteitsgraden": {
            "waarde": json_bedrag(u.waarde),
            "per_graad": {
                g: {"waarde": json_bedrag(b), "procent": json_aandeel(u.aandeel(g) * 100) if u.aandeel(g) is not None else None}
                for g, b in u.waarde_per_graad.items()
            },
            "procent_c_of_d": json_aandeel(u.aandeel_c_of_d * 100) if u.aandeel_c_of_d is not None else None,
        },
        "verdeling": [
            {
                "actor": r.actor, "naam": r.naam, "betaalt": json_bedrag(r.betaalt), "middelen": json_bedrag(r.middelen),
                "ontvangt": json_bedrag(r.ontvangt), "geeft": json_bedrag(r.geeft), "geinduceerd": json_bedrag(r.geinduceerd),
                "saldo": json_bedrag(r.saldo),
            }
            for r in u.verdeling
        ],
    }
