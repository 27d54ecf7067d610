"""De analyses in de terminal (rich): uitlegboom, tornadodiagram, meerjarig overzicht en actorentabel."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from kostenbaten.berekening.uitleg import Knoop
from kostenbaten.geld import getal_nl
from kostenbaten.uitvoer.terminal import bedrag_tekst


def _decimalen(waarde: Decimal) -> int:
    return 0 if waarde == waarde.to_integral_value() else 2


def waarde_tekst(waarde: Decimal, eenheid: str) -> Text:
    """Een waarde met zijn eenheid: € 1.614, 66% of 198 hulpvragen."""
    if eenheid == "euro":
        return bedrag_tekst(waarde, _decimalen(waarde))
    if eenheid == "procent":
        return Text(f"{getal_nl(waarde, _decimalen(waarde))}%")
    return Text(f"{getal_nl(waarde, _decimalen(waarde))} {eenheid}")


def _knooptekst(k: Knoop) -> Text:
    tekst = Text.assemble((k.label, "bold"), ": ", waarde_tekst(k.waarde, k.eenheid))
    if k.rekensom:
        tekst.append(f"   {k.rekensom}", style="cyan")
    if k.waar:
        tekst.append("\n" + "   ".join(k.waar), style="dim")
    if k.bron:
        tekst.append(f"\nbron: {k.bron}", style="dim italic")
    return tekst


def uitleg_boom(k: Knoop, boom: Tree | None = None) -> Tree:
    tak = Tree(_knooptekst(k), guide_style="dim") if boom is None else boom.add(_knooptekst(k))
    for kind in k.kinderen:
        uitleg_boom(kind, tak)
    return tak


def toon_uitleg(k: Knoop, console: Console) -> None:
    console.print(uitleg_boom(k))


def toon_figuren(figuren: dict[str, str], console: Console) -> None:
    tabel = Table(title="Uit te leggen cijfers (kostenbaten uitleg PAD FIGUUR)", title_justify="left")
    tabel.add_column("Figuur")
    tabel.add_column("Wat")
    for naam, omschrijving in figuren.items():
        tabel.add_row(naam, omschrijving)
    console.print(tabel)
