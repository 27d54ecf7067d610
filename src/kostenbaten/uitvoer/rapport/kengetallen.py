"""De kengetallenbank in het rapport: hoeveel van de baten op elke kwaliteitsgraad rust, op de voorkant bij de uitkomst.

De graden komen uit `berekening.kengetallen.controleer` (A tot en met D; een kengetal
zonder graad of bankpost telt als aanname, graad D). Baten die niet uit een
kengetal komen, maar uit een bedrag in de casus zelf, staan apart.
"""

from __future__ import annotations

from kostenbaten.berekening.kengetallen import CASUSBEDRAG, BankControle
from kostenbaten.model.kengetallenbank import GRADEN
from kostenbaten.notatie import euro, procent
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, herkomst
from kostenbaten.uitvoer.rapport.kba import cijfer_anker


def graden_zin(c: BankControle) -> tuple[str, list[dict]]:
    """`Van de baten van de casussen (€ 8.235) rust € 1.614 (20%) op kengetallen met graad A, ...`, met de herkomst van
    elk cijfer (zijn boom in de bijlage: berekening/rekenbomen.py, `graden`)."""
    delen, herkomsten = [], [herkomst(euro(c.totaal_baten), cijfer_anker("graden-totaal"))]
    for g in (*GRADEN, CASUSBEDRAG):
        bedrag = c.baten_per_graad.get(g)
        if bedrag:
            naam = f"graad {g}" if g != CASUSBEDRAG else "een bedrag uit de casus zelf (geen kengetal)"
            aandeel = procent(c.aandeel(g) * 100)
            delen.append(f"{euro(bedrag)} ({aandeel}) op {naam}")
            herkomsten += [herkomst(euro(bedrag), cijfer_anker(f"graad-{g}")), herkomst(aandeel, cijfer_anker(f"aandeel-graad-{g}"))]
    if not delen:
        return "", []
    zin = (f"Waar de baten op rusten: van de baten van de uitgewerkte casussen samen "
           f"({euro(c.totaal_baten)}) rust " + ", ".join(delen[:-1]) + (" en " if len(delen) > 1 else "") + delen[-1] + ". ")
    zin += ("De kwaliteitsgraden zijn die van de kengetallenbank: A is het stevigst onderbouwd, D is een aanname. ")
    if c.aandeel_c_of_d is not None and c.baten_c_of_d:
        samen = procent(c.aandeel_c_of_d * 100)
        zin += f"Op graad C of D samen rust {samen}; de kengetallen per graad: kostenbaten kengetallen controleer."
        herkomsten.append(herkomst(samen, cijfer_anker("aandeel-graad-c-of-d")))
    else:
        zin += "Geen baat rust op een kengetal met graad C of D."
    return zin, herkomsten


def secties(c, rapport) -> dict[str, Sectie]:
    if not isinstance(c, BankControle):
        return {}
    zin, herkomsten = graden_zin(c)
    return {"kern": Sectie(None, [alinea(zin, herkomsten=herkomsten)])} if zin else {}
