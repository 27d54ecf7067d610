"""De uitleg van het totaal in het rapport: de rekenboom tot de invoerregels en bronnen, als geneste lijst."""

from __future__ import annotations

from kostenbaten.berekening.uitleg import Knoop, Uitleg
from kostenbaten.notatie import decimalen_voor, euro, getal_nl
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, boom


def waarde_tekst(k: Knoop) -> str:
    d = decimalen_voor([k.waarde])
    if k.eenheid == "euro":
        return euro(k.waarde, d)
    if k.eenheid == "procent":
        return f"{getal_nl(k.waarde, d)}%"
    return f"{getal_nl(k.waarde, d)} {k.eenheid}"


def knoop(k: Knoop) -> dict:
    detail = [k.rekensom] if k.rekensom else []
    if k.waar:
        detail.append("in " + ", ".join(k.waar))
    if k.bron:
        detail.append(f"bron: {k.bron}")
    if k.let_op:
        detail.append(f"let op: {k.let_op}")
    return {"tekst": f"{k.label}: {waarde_tekst(k)}", "detail": "; ".join(detail), "kinderen": [knoop(c) for c in k.kinderen]}


def secties(u: Uitleg, **_context) -> dict[str, Sectie]:
    inleiding = alinea(
        "Elke rekenstap van het totaal, tot de regel in de invoerbestanden (bestand:regel) en de bron van elk kengetal. "
        "Dezelfde boom toont de opdracht kostenbaten uitleg."
    )
    return {"uitleg": Sectie("Hoe het totaal is opgebouwd", [inleiding, boom([knoop(u.boom)])])}
