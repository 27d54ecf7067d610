"""`bereken --formaat json`: de uitkomst van een pilot als één document."""

from __future__ import annotations

import functools

from kostenbaten.berekening.kba import CasusUitkomst, Extrapolatie, PilotUitkomst, Post
from kostenbaten.geld import is_eindig_aandeel
from kostenbaten.notatie import json_aandeel, json_bedrag, json_getal
from kostenbaten.uitvoer.namen import rekensom_tekst
from kostenbaten.uitvoer.json import Reeks
from kostenbaten.uitvoer.json.saldo import maatschappelijk_json


def _post(p: Post, teksten: dict | None = None) -> dict:
    """`teksten` onthoudt de tekst van een rekensom per object: gelijke rekensommen zijn één object (`rekensom.gedeeld`)."""
    if teksten is None:
        tekst = rekensom_tekst(p.rekensom)
    else:
        # Op id, met de rekensom zelf erbij bewaard, zodat een id niet hergebruikt wordt; gelijke tuples met 2 en 2,0 blijven apart.
        gevonden = teksten.get(id(p.rekensom))
        if gevonden is None:
            gevonden = teksten[id(p.rekensom)] = (p.rekensom, rekensom_tekst(p.rekensom))
        tekst = gevonden[1]
    uit = {"naam": p.naam, "bedrag": json_bedrag(p.bedrag), "actor": p.actor, "groep": p.groep, "rekensom": tekst}
    if p.baatsoort is not None:
        uit["soort"] = p.baatsoort
        if p.baatsoort == "overdracht":
            uit["van"] = p.van  # None: de casus noemt de betaler niet
    if p.bron:
        uit["bron"] = p.bron
    if p.stappen:
        uit["bruto"] = json_bedrag(p.bruto)
        uit["aanpassingen"] = [
            {
                "soort": s.soort,
                "aandeel": json_getal(s.aandeel),
                "af": json_bedrag(s.af),
                "na": json_bedrag(s.na),
                "niveau": s.niveau,
                "reden": s.reden,
                "bron": s.bron,
            }
            for s in p.stappen
        ]
    return uit


def casus_json(c: CasusUitkomst, teksten: dict | None = None) -> dict:
    # Elk totaal één keer (de eigenschappen van CasusUitkomst tellen bij elke vraag opnieuw op): dezelfde bedragen.
    kosten, baten, groepen = c.totaal_kosten, c.totaal_baten, c.per_groep()
    return {
        "nummer": c.nummer,
        "titel": c.casus.titel,
        "rechtsgebied": c.casus.rechtsgebied,
        "uren": json_getal(c.casus.uren.waarde),
        "kosten": json_bedrag(kosten),
        "baten": json_bedrag(baten),
        "netto": json_bedrag(baten - kosten),
        "client": json_bedrag(groepen["client"]),
        "overheid": json_bedrag(groepen["overheid"]),
        "overig": json_bedrag(groepen["overig"]),
        "per_actor": {a: json_bedrag(b) for a, b in c.per_actor().items()},
        "kostenposten": [_post(p, teksten) for p in c.kosten],
        "batenposten": [_post(p, teksten) for p in c.baten],
        "effecten": list(c.casus.effecten),
    }


def extrapolatie_json(e: Extrapolatie) -> dict:
    uit = {
        "methode": e.methode,
        "hulpvragen": json_getal(e.hulpvragen),
        "gedekt": json_getal(e.gedekt),
        "totaal": json_bedrag(e.totaal),
        "client": json_bedrag(e.client),
        "overheid": json_bedrag(e.overheid),
        "overig": json_bedrag(e.overig),
    }
    if e.delen:
        uit["per_rechtsgebied"] = [
            {
                "rechtsgebied": d.rechtsgebied,
                "casussen": d.aantal_casussen,
                "hulpvragen": json_getal(d.hulpvragen),
                "gemiddelde_netto": json_bedrag(d.gemiddelde_netto),
                "totaal": json_bedrag(d.totaal),
            }
            for d in e.delen
        ]
    return uit


def document(u: PilotUitkomst, saldo=None) -> dict:
    """Met `saldo` (een `berekening.saldo.SaldoUitkomst`) ook het maatschappelijk saldo en de verdelingstabel."""
    return {
        "pilot": u.pilot.naam,
        "maanden_in_beeld": u.pilot.maanden_in_beeld,
        "casussen": Reeks(u.casussen, functools.partial(casus_json, teksten={})),
        "gemiddelde_netto": json_bedrag(u.gemiddelde_netto),
        "gemiddelde_client": json_bedrag(u.gemiddelde_client),
        "gemiddelde_overheid": json_bedrag(u.gemiddelde_overheid),
        "gemiddelde_overig": json_bedrag(u.gemiddelde_overig),
        "dekking_procent": json_aandeel(u.dekking),
        "casussen_uit_steekproef": u.pilot.steekproef,
        "rechtsgebieden": {sleutel: _rechtsgebied(g) for sleutel, g in u.pilot.rechtsgebieden.items()},
        "extrapolatie": [extrapolatie_json(e) for e in u.extrapolaties.values()],
        **_prijspeil(u),
        **({"maatschappelijk": maatschappelijk_json(saldo)} if saldo is not None else {}),
        # Alleen met een rapport om na te rekenen (een 'gepubliceerd'-blok in pilot.yaml).
        **(
            {
                "gepubliceerd": {k: json_bedrag(v.waarde) for k, v in u.gepubliceerd.items()},
                "afrondingsregels": {k: v.regel for k, v in u.gepubliceerd.items()},
            }
            if u.gepubliceerd
            else {}
        ),
    }


def _rechtsgebied(g) -> dict:
    """Aandeel en (als de pilot ze telde) het aantal hulpvragen; een niet-eindig aandeel op vier decimalen met `aandeel_exact` false."""
    uit = {"naam": g.naam, "aandeel": json_aandeel(g.aandeel.waarde), "aandeel_exact": is_eindig_aandeel(g.aandeel.waarde)}
    if g.uit_telling:
        uit["hulpvragen"] = str(g.hulpvragen)
    return uit


def _prijspeil(u: PilotUitkomst) -> dict:
    """Met --prijspeil: per omgerekend tarief of kengetal het oorspronkelijke bedrag, de jaren en de indexcijfers."""
    omgerekend = u.omrekeningen
    if not omgerekend:
        return {}
    eerste = next(iter(omgerekend.values()))
    return {
        "prijspeil": {
            "jaar": eerste.naar,
            "reeks": eerste.reeks,
            "bron": eerste.bron,
            "voorbeeld": eerste.voorbeeld,
            "omgerekend": {
                plek: {
                    "oorspronkelijk": json_bedrag(i.oorspronkelijk),
                    "prijspeil": i.van,
                    "index_van": json_getal(i.index_van),
                    "index_naar": json_getal(i.index_naar),
                    "bedrag": json_bedrag(i.bedrag),
                    "reeks": i.reeks,
                    "categorie": i.categorie,
                    "prijspeil_aangenomen": i.aanname,
                }
                for plek, i in omgerekend.items()
            },
        }
    }
