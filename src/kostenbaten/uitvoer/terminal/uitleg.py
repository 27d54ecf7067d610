"""`uitleg CIJFER` in de terminal: de rekenboom tot de invoer."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from kostenbaten.berekening.uitleg import Knoop, Uitleg
from kostenbaten.notatie import decimalen_voor, getal_nl
from kostenbaten.uitvoer.namen import rekensom_tekst
from kostenbaten.uitvoer.terminal.cellen import bedrag_tekst


def _decimalen(waarde: Decimal) -> int:
    return decimalen_voor([waarde])


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
        tekst.append(f"   {rekensom_tekst(k.rekensom)}", style="cyan")
    if k.waar:
        tekst.append("\n" + "   ".join(k.waar), style="dim")
    if k.bron:
        tekst.append(f"\nbron: {k.bron}", style="dim italic")
    if k.let_op:
        tekst.append(f"\nlet op: {k.let_op}", style="yellow")
    return tekst


def uitleg_boom(k: Knoop, boom: Tree | None = None, diepte: int | None = None) -> Tree:
    """De uitleg als rich-boom; met `diepte` stopt de boom na zoveel niveaus onder de top."""
    tak = Tree(_knooptekst(k), guide_style="dim") if boom is None else boom.add(_knooptekst(k))
    if diepte is not None and diepte <= 0 and k.kinderen:
        onder = sum(1 for _ in k.alle()) - 1
        tak.add(Text(f"... {onder} onderliggende stappen (kies een grotere --diepte)", style="dim italic"))
        return tak
    for kind in k.kinderen:
        uitleg_boom(kind, tak, None if diepte is None else diepte - 1)
    return tak


def toon(u: Uitleg, console: Console, diepte: int | None = None) -> None:
    console.print(uitleg_boom(u.boom, diepte=diepte))
