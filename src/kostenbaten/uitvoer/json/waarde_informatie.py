"""`waarde-informatie --formaat json`: besluit, EVPI en EVPPI per invoer als document (Monte-Carlo-schattingen)."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag, json_kans
from kostenbaten.uitvoer.namen import evppi_verdeling


def document(u) -> dict:
    return {
        "pilot": u.berekend.pilot.naam,
        "trekkingen": u.trekkingen,
        "zaad": u.zaad,
        "methode_evppi": {"naam": "klassen (binning) op dezelfde trekkingen", "klassen": u.klassen},
        "schatting": "Monte Carlo",
        "besluiten": [
            {
                "methode": m,
                "verwacht_netto": json_bedrag(b.verwacht_netto),
                "financieren": b.financieren,
                "kans_ander_besluit": json_kans(b.kans_ander_besluit),
                "evpi": json_bedrag(b.evpi),
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
    }
