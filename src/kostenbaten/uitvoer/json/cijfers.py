"""`uitleg --formaat json` zonder cijfer: de uitlegbare cijfers."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag


def document(cijfers) -> dict:
    return {
        "cijfers": [
            {"cijfer": naam, "omschrijving": omschrijving, "waarde": json_bedrag(k.waarde), "eenheid": k.eenheid}
            for naam, omschrijving, k in cijfers
        ]
    }
