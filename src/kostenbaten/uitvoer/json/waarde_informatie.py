"""`waarde-informatie --formaat json`: besluit, EVPI en EVPPI per invoer als document (Monte-Carlo-schattingen)."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag, json_getal, json_kans
from kostenbaten.uitvoer.json.onzekerheid import steekproef_json
from kostenbaten.uitvoer.namen import evppi_verdeling


def document(u) -> dict:
    return {
        "pilot": u.berekend.pilot.naam,
        "trekkingen": u.trekkingen,
        "zaad": u.zaad,
        "methode_evppi": {"naam": "klassen (binning) op dezelfde trekkingen", "klassen": u.klassen},
        "schatting": "Monte Carlo",
        "onzekerheid": "alleen parameters (invoer met een bereik); uitkomsten per hulpvraag zijn variatie tussen personen",
        "besluiten": [
            {
                "methode": m,
                "verwacht_netto": json_bedrag(b.verwacht_netto),
                "financieren": b.financieren,
                "kans_ander_besluit": json_kans(b.kans_ander_besluit),
                "evpi": json_bedrag(b.evpi),
                "hangt_af_van_parameters": u.hangt_af(m),
                "standaardfout": json_bedrag(b.standaardfout),
            }
            for m, b in u.besluiten.items()
        ],
        "invoer": [
            {
                "plek": i.plek,
                "naam": i.naam,
                "verdeling": evppi_verdeling(i),
                "klassen": i.klassen,
                "evppi": {m: json_bedrag(w) for m, w in i.evppi.items()},
            }
            for i in u.invoer
        ],
        "steekproef_casussen": steekproef_json(u.steekproef),
        "populatie": _populatie(u),
    }


def _populatie(u) -> dict | None:
    p = u.populatie
    if p is None:
        return None
    return {
        "besluiten_per_jaar": p.besluiten,
        "jaren": p.jaren,
        "disconto": json_getal(p.disconto),
        "bron_disconto": "Werkgroep Discontovoet 2020",
        "factor": json_getal(p.factor),
        "evpi": {m: json_bedrag(w) for m, w in p.evpi.items()},
        "hoogstens_voor_onderzoek": [
            {"plek": i.plek, "naam": i.naam, **{m: json_bedrag(w) for m, w in p.evppi[i.plek].items()}} for i in u.invoer
        ],
        "grotere_steekproef": {m: json_bedrag(w) for m, w in p.steekproef.items()},
    }
