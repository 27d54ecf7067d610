"""`vergelijk --formaat json`: pilots en varianten naast elkaar als document."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag
from kostenbaten.uitvoer.json.actoren import actortabel_json
from kostenbaten.uitvoer.json.kba import extrapolatie_json
from kostenbaten.uitvoer.json.onzekerheid import centrum_json, extrapolaties_json, verdeling_json
from kostenbaten.uitvoer.json.saldo import maatschappelijk_json
from kostenbaten.model.bestandsnamen import openbaar_pad


def document(kolommen: list, trekkingen: int, zaad: int) -> dict:
    uit = []
    for k in kolommen:
        u = k.uitkomst
        o = k.onzekerheid
        uit.append(
            {
                "naam": u.pilot.naam,
                "pad": openbaar_pad(k.pad),
                "hulpvragen": json_bedrag(u.extrapolaties["rapport"].hulpvragen),
                "gemiddelde_netto": json_bedrag(u.gemiddelde_netto),
                "extrapolatie": [extrapolatie_json(e) for e in u.extrapolaties.values()],
                "gepubliceerd_totaal": json_bedrag(u.gepubliceerd["totaal"].waarde) if "totaal" in u.gepubliceerd else None,
                "actoren": [{"methode": m, **actortabel_json(t)} for m, t in k.actoren.extrapolaties.items()],
                "maatschappelijk": maatschappelijk_json(k.actoren.maatschappelijk),
                "onzekerheid": None
                if o is None
                else {
                    "centrum": centrum_json(o),
                    "gemiddelde_netto": verdeling_json(o.gemiddelde_netto),
                    "extrapolatie": extrapolaties_json(o),
                    "extrapolatie_alleen_parameters": extrapolaties_json(o, parameters=True),
                },
            }
        )
    return {"trekkingen": trekkingen, "zaad": zaad, "vergelijking": uit}
