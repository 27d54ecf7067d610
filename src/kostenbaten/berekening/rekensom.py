"""Een uitgewerkte som als gegevens: tekststukken en getallen, pas in de uitvoer tot één regel gemaakt.

De rekenkern bewaart zo hoe een bedrag ontstond (`2 uur x € 80 per uur`)
zonder zelf een getal in tekst om te zetten; `uitvoer.namen.rekensom_tekst`
doet dat met `notatie`, voor elk formaat gelijk.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

# Hoe een getal in de som staat.
EXACT = "exact"  # zoals het is, zonder overbodige nullen: 1,125 of 2
GETAL = "getal"  # geheel zonder decimalen, anders op twee decimalen
VAST = "vast"  # op een vast aantal decimalen (`decimalen`)


class Getal(NamedTuple):
    """Eén getal in een som, met de notatie waarin het er staat."""

    waarde: Decimal
    notatie: str = GETAL
    decimalen: int = 0  # alleen bij VAST


class Rekensom(NamedTuple):
    """De stukken van een som op volgorde: vaste tekst (str), een aantal (int) of een `Getal`.

    Net als `Getal` een NamedTuple (onveranderlijk en goedkoop om te laden); `+` plakt sommen aan
    elkaar, niet de tuples: een som plus een tuple van stukken is een langere som.
    """

    delen: tuple[str | int | Getal, ...]

    def __add__(self, ander: Rekensom | tuple) -> Rekensom:
        return Rekensom(self.delen + (ander.delen if isinstance(ander, Rekensom) else tuple(ander)))


_GEDEELD: dict[tuple, Rekensom] = {}


def _sleutel(deel_) -> tuple:
    """Een deel van een som als sleutel die precies onderscheidt wat zijn repr onderscheidt (2 en 2,0 blijven verschillend).

    Een getal op de cijfers van zijn Decimal (`as_tuple`), tekst en gehele getallen met hun soort erbij; de repr
    zelf (in Python geschreven voor een NamedTuple) kostte bij 10.000 casussen het meeste van het delen.
    """
    soort = type(deel_)
    if soort is Getal and type(deel_.waarde) is Decimal:
        return (Getal, deel_.waarde.as_tuple(), deel_.notatie, deel_.decimalen)
    if soort is str or soort is int:
        return (soort, deel_)
    return (soort, repr(deel_))


def gedeeld(r: Rekensom) -> Rekensom:
    """Eén object voor gelijke rekensommen (zoals `sys.intern` voor tekst): bij veel casussen met dezelfde
    uren en tarieven scheelt dat geheugen. Gelijk is: elk deel met dezelfde repr, zodat 2 en 2,0 verschillend blijven."""
    return _GEDEELD.setdefault(tuple(map(_sleutel, r.delen)), r)


def som(*delen: str | int | Getal) -> Rekensom:
    return Rekensom(delen)


def exact(waarde: Decimal) -> Getal:
    return Getal(waarde, EXACT)


def getal(waarde: Decimal) -> Getal:
    return Getal(waarde, GETAL)


def vast(waarde: Decimal, decimalen: int) -> Getal:
    return Getal(waarde, VAST, decimalen)


def samen(stukken, tussen: str) -> Rekensom:
    """Rekensommen achter elkaar met `tussen` ertussen (zoals `" + ".join`)."""
    delen: list = []
    for i, stuk in enumerate(stukken):
        if i:
            delen.append(tussen)
        delen.extend(stuk.delen)
    return Rekensom(tuple(delen))
