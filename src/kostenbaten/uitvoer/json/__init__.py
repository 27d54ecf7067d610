"""JSON-uitvoer: per analyse een module met `document(uitkomst, ...)`, een dict met bedragen als decimale tekst.

Niets in dit pakket laadt rich, openpyxl of numpy.
"""

from __future__ import annotations

import json
from decimal import Decimal

from kostenbaten.notatie import json_bedrag


def _standaard(waarde):
    if isinstance(waarde, Decimal):
        return json_bedrag(waarde)
    raise TypeError(f"niet naar JSON te zetten: {type(waarde).__name__}")


def dump(document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, default=_standaard)


def schrijf(document, uit) -> None:
    """Schrijft het document in stukken naar `uit`, zonder eerst de hele tekst in het geheugen te bouwen."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, default=_standaard)
    stukken = []
    for stuk in encoder.iterencode(document):
        stukken.append(stuk)
        if len(stukken) == 8192:
            uit.write("".join(stukken))
            stukken.clear()
    stukken.append("\n")
    uit.write("".join(stukken))
