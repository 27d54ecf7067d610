"""Het maatschappelijk saldo en de verdelingstabel in JSON, gedeeld door `bereken` en `actoren`."""

from __future__ import annotations

from kostenbaten.berekening.saldo import Programmakosten, Saldo, SaldoUitkomst, Verdelingstabel
from kostenbaten.notatie import json_bedrag, json_getal
from kostenbaten.uitvoer.namen import rekensom_tekst


def kosten_json(k: Programmakosten) -> dict:
    return {
        "route": k.route,
        "hulpvragen": json_getal(k.hulpvragen),
        "totaal": json_bedrag(k.totaal),
        "per_actor": {a: json_bedrag(b) for a, b in k.per_actor.items()},
        "rekensom": rekensom_tekst(k.uitleg),
    }


def verdeling_json(t: Verdelingstabel) -> dict:
    return {
        "kosten": t.kosten,
        "actoren": [
            {
                "actor": r.actor,
                "naam": r.naam,
                "groep": r.groep,
                "betaalt": json_bedrag(r.betaalt),
                "middelen": json_bedrag(r.middelen),
                "ontvangt_overdrachten": json_bedrag(r.ontvangt),
                "geeft_overdrachten": json_bedrag(r.geeft),
                "saldo": json_bedrag(r.saldo),
                "breder_economisch": json_bedrag(r.breder),
            }
            for r in t.regels
        ],
        # Het saldo per groep; "onbekend": de onbekende betaler van overdrachten zonder 'van', niet bij de overheid.
        "per_groep": {g: json_bedrag(b) for g, b in t.per_groep().items()},
        "saldo": json_bedrag(t.saldo),
    }


def saldo_json(s: Saldo) -> dict:
    return {
        "methode": s.methode,
        "gedekt": json_getal(s.gedekt),
        "middelen": json_bedrag(s.middelen),
        "overdrachten": json_bedrag(s.overdrachten),
        "breder_economisch": json_bedrag(s.breder),
        "kosten": kosten_json(s.kosten),
        "saldo": json_bedrag(s.saldo),
        "kosten_gedekte_hulpvragen": json_bedrag(s.kosten_gedekt),
        "saldo_gedekte_kosten": json_bedrag(s.saldo_gedekt),
    }


def maatschappelijk_json(u: SaldoUitkomst) -> dict:
    """Per methode het saldo; de verschillen met de methode van de KBA Hengelo erbij."""
    return {
        **{m: saldo_json(s) for m, s in u.methoden.items()},
        "per_casus": [
            {
                "nummer": c.nummer,
                "kosten": json_bedrag(c.kosten),
                "middelen": json_bedrag(c.middelen),
                "overdrachten": json_bedrag(c.overdrachten),
                "breder_economisch": json_bedrag(c.breder),
                "saldo": json_bedrag(c.saldo),
            }
            for c in u.casussen
        ],
        "verschillen_methode_kba_hengelo": list(u.verschillen),
    }
