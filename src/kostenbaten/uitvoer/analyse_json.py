"""De analyses als JSON, in dezelfde stijl als `json_uitvoer`: bedragen als decimale tekst, ASCII-sleutels."""

from __future__ import annotations

from kostenbaten.berekening.meerjarig import CONVENTIE
from kostenbaten.berekening.uitleg import Knoop
from kostenbaten.geld import json_bedrag, json_getal, json_verhouding


def knoop_json(k: Knoop, diepte: int | None = None) -> dict:
    uit = {"label": k.label, "waarde": json_bedrag(k.waarde), "eenheid": k.eenheid}
    if k.rekensom:
        uit["rekensom"] = k.rekensom
    if k.waar:
        uit["waar"] = list(k.waar)
    if k.bron:
        uit["bron"] = k.bron
    if k.let_op:
        uit["let_op"] = k.let_op
    if diepte is not None and diepte <= 0 and k.kinderen:
        uit["kinderen"] = []
        uit["ingekort"] = True
    else:
        uit["kinderen"] = [knoop_json(kind, None if diepte is None else diepte - 1) for kind in k.kinderen]
    return uit


def uitleg_json(figuur: str, k: Knoop, diepte: int | None = None) -> dict:
    return {"figuur": figuur, "uitleg": knoop_json(k, diepte)}


def figuren_json(figuren) -> dict:
    return {
        "figuren": [
            {"figuur": naam, "omschrijving": omschrijving, "waarde": json_bedrag(k.waarde), "eenheid": k.eenheid}
            for naam, omschrijving, k in figuren
        ]
    }


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
    return {"stap_procent": json_getal(g.stap), "basis": {m: json_bedrag(t) for m, t in g.basis.items()}, "invoer": invoer}


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


def actoren_json(a) -> dict:
    return {
        "koppeling": {g: list(actoren) for g, actoren in a.koppeling.items()},
        "casussen": [actortabel_json(t) for t in a.casussen],
        "extrapolatie": [{"methode": m, **actortabel_json(t)} for m, t in a.extrapolaties.items()],
    }


def _beeld_json(u) -> dict:
    from kostenbaten.berekening.actoren import verdeel_over_actoren
    from kostenbaten.uitvoer.json_uitvoer import casus_json, extrapolatie_json

    return {
        "casussen": [casus_json(c) for c in u.casussen],
        "extrapolatie": [extrapolatie_json(e) for e in u.extrapolaties.values()],
        "actoren": actoren_json(verdeel_over_actoren(u))["extrapolatie"],
    }


def meerjarig_json(m) -> dict:
    return {
        "horizon_jaren": m.horizon,
        "disconto_procent": json_getal(m.disconto),
        "jaarfactoren": [str(f) for f in m.jaarfactoren],
        "conventie": CONVENTIE,
        "een_jaar": {"maanden": m.een_jaar.pilot.maanden_in_beeld, **_beeld_json(m.een_jaar)},
        "nominaal": _beeld_json(m.nominaal),
        "contant": _beeld_json(m.contant),
    }
