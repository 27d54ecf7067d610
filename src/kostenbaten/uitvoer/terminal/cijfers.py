"""`uitleg` zonder cijfer in de terminal: de lijst van uitlegbare cijfers."""

from __future__ import annotations

from rich.console import Console

from kostenbaten.berekening.uitleg import Knoop
from kostenbaten.uitvoer.terminal.cellen import Tabel
from kostenbaten.uitvoer.terminal.uitleg import waarde_tekst


def toon(cijfers: list[tuple[str, str, Knoop]], console: Console) -> None:
    tabel = Tabel(title="Uit te leggen cijfers (kostenbaten uitleg MAP CIJFER)", title_justify="left")
    tabel.add_column("Cijfer")
    tabel.add_column("Waarde", justify="right")
    tabel.add_column("Wat")
    for naam, omschrijving, knoop in cijfers:
        tabel.add_row(naam, waarde_tekst(knoop.waarde, knoop.eenheid), omschrijving)
    console.print(tabel)
