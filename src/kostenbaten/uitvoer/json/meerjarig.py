"""`meerjarig --formaat json`: jaarbeeld en volle looptijd als document."""

from __future__ import annotations

from kostenbaten.berekening.meerjarig import CONVENTIE
from kostenbaten.notatie import json_getal
from kostenbaten.uitvoer.json.actoren import document as actoren_document
from kostenbaten.uitvoer.json.kba import casus_json, extrapolatie_json
from kostenbaten.uitvoer.json.saldo import maatschappelijk_json


def _beeld_json(u, begroting=None) -> dict:
    from kostenbaten.berekening.actoren import verdeel_over_actoren

    verdeling = verdeel_over_actoren(u, begroting)
    return {
        "casussen": [casus_json(c) for c in u.casussen],
        "extrapolatie": [extrapolatie_json(e) for e in u.extrapolaties.values()],
        "actoren": actoren_document(verdeling)["extrapolatie"],
        "maatschappelijk": maatschappelijk_json(verdeling.maatschappelijk),
    }


def document(m) -> dict:
    return {
        "horizon_jaren": m.horizon,
        "disconto_procent": json_getal(m.disconto),
        "disconto_herkomst": m.herkomst,
        "jaarfactoren": [str(f) for f in m.jaarfactoren],
        "conventie": CONVENTIE,
        "kosten_route": m.kosten_route,
        "een_jaar": {"maanden": m.een_jaar.pilot.maanden_in_beeld, **_beeld_json(m.een_jaar, m.begroting)},
        "nominaal": _beeld_json(m.nominaal, m.begroting),
        "contant": _beeld_json(m.contant, m.begroting),
    }
