"""JSON-uitvoer: per analyse een module met `document(uitkomst, ...)`, een dict met bedragen als decimale tekst.

Niets in dit pakket laadt rich, openpyxl of numpy.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from kostenbaten.notatie import json_bedrag


class Reeks:
    """Een lijst in een document waarvan elk element pas bij het schrijven gemaakt wordt, met `maak(bron)`.

    Zo staan bij 10.000 casussen niet alle casusblokken tegelijk in het geheugen.
    `schrijf` schrijft ze één voor één, met orjson; de tekst is dezelfde als die
    van een lijst. Een element bevat daarom geen float (orjson schrijft die anders).
    """

    def __init__(self, bronnen, maak):
        self.bronnen = bronnen
        self.maak = maak

    def __iter__(self):
        return map(self.maak, self.bronnen)

    def __len__(self) -> int:
        return len(self.bronnen)


def _standaard(waarde):
    if isinstance(waarde, Decimal):
        return json_bedrag(waarde)
    if isinstance(waarde, Reeks):
        return list(waarde)
    raise TypeError(f"niet naar JSON te zetten: {type(waarde).__name__}")


def dump(document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, default=_standaard)


def schrijf(document, uit) -> None:
    """Schrijft het document in stukken naar `uit`, zonder eerst de hele tekst in het geheugen te bouwen."""
    if isinstance(document, dict) and any(isinstance(w, Reeks) for w in document.values()):
        _schrijf_met_reeksen(document, uit)
        return
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, default=_standaard)
    stukken = []
    for stuk in encoder.iterencode(document):
        stukken.append(stuk)
        if len(stukken) == 8192:
            uit.write("".join(stukken))
            stukken.clear()
    stukken.append("\n")
    uit.write("".join(stukken))


def schrijf_bestand(document, doel: Path) -> None:
    """Schrijft het document naar het bestand `doel` (UTF-8); `uitvoer.lever` maakt dat bestand atomair."""
    with open(doel, "w", encoding="utf-8", newline="\n") as uit:
        schrijf(document, uit)


def _schrijf_met_reeksen(document: dict, uit) -> None:
    """Als `schrijf`, maar een `Reeks` element voor element: dezelfde tekst, met maar één element tegelijk in het geheugen.

    Een element wordt los gecodeerd en daarna ingesprongen; dat kan omdat JSON in
    een tekst nooit een echte regelovergang heeft (die wordt `\\n`).
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, default=_standaard)
    if not document:
        uit.write("{}\n")
        return
    uit.write("{")
    for i, (sleutel, waarde) in enumerate(document.items()):
        uit.write(("," if i else "") + "\n  " + encoder.encode(str(sleutel)) + ": ")
        if not isinstance(waarde, Reeks):  # ook met orjson: het maatschappelijk saldo heeft een regel per casus
            uit.write(_element(waarde, encoder).replace("\n", "\n  "))
        elif not len(waarde):
            uit.write("[]")
        else:
            for j, element in enumerate(waarde):
                uit.write(("," if j else "[") + "\n    " + _element(element, encoder).replace("\n", "\n    "))
            uit.write("\n  ]")
    uit.write("\n}\n")


def _element(element, encoder: json.JSONEncoder) -> str:
    """Eén element van een `Reeks` als JSON met twee spaties inspringen, zoals de standaardbibliotheek het schrijft.

    orjson doet dat tien keer zo snel; wat het weigert (een geheel getal boven
    64 bits, een sleutel die geen tekst is) schrijft de standaardbibliotheek.
    """
    import orjson

    try:
        return orjson.dumps(element, default=_standaard, option=orjson.OPT_INDENT_2).decode()
    except TypeError:  # orjson.JSONEncodeError is een TypeError
        return encoder.encode(element)
