"""Cellen voor de terminal: bedragen en getallen als rich-tekst, negatief in rood en met min-teken."""

from __future__ import annotations

from decimal import Decimal

from rich.table import Table
from rich.text import Text

from kostenbaten.notatie import euro, getal_nl


def bedrag_tekst(waarde: Decimal, decimalen: int = 0) -> Text:
    """Een bedrag, negatief in rood en mét min-teken (kleur alleen is niet genoeg)."""
    return Text(euro(waarde, decimalen), style="red" if waarde < 0 else "")


def getal_tekst(waarde: Decimal, decimalen: int = 0) -> Text:
    """Een bedrag zonder euroteken (de tabeltitel zegt 'in euro'), negatief in rood en met min-teken."""
    return Text(getal_nl(waarde, decimalen), style="red" if waarde < 0 else "")


def vouw_lange_woorden(tabel: Table) -> Table:
    """Een woord dat niet in zijn kolom past, loopt door op de volgende regel in plaats van met '…' te eindigen."""
    for kolom in tabel.columns:
        kolom.overflow = "fold"
    return tabel


def langste_woord(teksten) -> int:
    """De breedte van het langste woord: als minimale kolombreedte breekt zo geen woord midden door."""
    return max((len(woord) for t in teksten for woord in str(t).split()), default=0)
