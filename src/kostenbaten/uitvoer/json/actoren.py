"""`actoren --formaat json`: de verdeling over actoren als document."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag, json_verhouding
from kostenbaten.uitvoer.json.saldo import maatschappelijk_json, verdeling_json


def _verhouding_json(v) -> str | None:
    """Baten/kosten op vier decimalen (None: geen kosten, dan bestaat de verhouding niet)."""
    return None if v is None else json_verhouding(v)


def actortabel_json(t) -> dict:
    return {
        "wat": t.wat,
        "actoren": [
            {
                "actor": r.actor,
                "naam": r.naam,
                "groep": r.groep,
                "betaalt": json_bedrag(r.kosten),
                "wint": json_bedrag(r.baten),
                "saldo": json_bedrag(r.saldo),
                "baten_kosten": _verhouding_json(r.verhouding),
            }
            for r in t.regels
        ],
        "baten_kosten": _verhouding_json(t.verhouding),
        "per_groep": {g: json_bedrag(s) for g, s in t.per_groep().items()},
    }


def document(a) -> dict:
    uit = {
        "koppeling": {g: list(actoren) for g, actoren in a.koppeling.items()},
        "casussen": [actortabel_json(t) for t in a.casussen],
        "extrapolatie": [{"methode": m, **actortabel_json(t)} for m, t in a.extrapolaties.items()],
    }
    s = a.maatschappelijk
    if s is not None:
        # Naast de verdeling van de methode van de KBA Hengelo hierboven: wat de samenleving wint, en wie wat krijgt.
        uit["maatschappelijk"] = maatschappelijk_json(s)
        uit["verdelingstabel"] = {m: verdeling_json(x.verdeling) for m, x in s.methoden.items()}
        uit["verdelingstabel_gedekte_kosten"] = {m: verdeling_json(x.verdeling_gedekt) for m, x in s.methoden.items()}
    return uit
