"""Eén grootheid per casus geëxtrapoleerd naar de pilot, en welke actoren meedoen: gedeeld door `actoren` en `saldo`."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from kostenbaten.berekening import rechtsgebieden
from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst
from kostenbaten.geld import NUL, deel, som, vermenigvuldig
from kostenbaten.model.casus import STANDAARD_ACTOREN, Pilot


def extrapoleer_grootheid(pilot: Pilot, uitkomsten, methode: str, waarde: Callable[[CasusUitkomst], Decimal]) -> Decimal:
    """Eén grootheid per casus (bijvoorbeeld de baten van de gemeente) geëxtrapoleerd zoals `kba` dat doet.

    rapport: som over de casussen x gedekte hulpvragen / aantal casussen;
    gewogen: per rechtsgebied het eigen gemiddelde x de hulpvragen van dat gebied.
    """
    hulpvragen = pilot.hulpvragen.waarde
    if methode == "rapport":
        gedekt = rechtsgebieden.gedekt(pilot, hulpvragen)
        return deel(vermenigvuldig(som(waarde(u) for u in uitkomsten), gedekt), len(uitkomsten))
    if methode != "gewogen":
        raise ValueError(f"onbekende methode '{methode}'")
    totaal = NUL
    for sleutel, gebied in pilot.rechtsgebieden.items():
        eigen = [u for u in uitkomsten if u.casus.rechtsgebied == sleutel]
        if eigen:
            aantal = rechtsgebieden.hulpvragen(gebied, hulpvragen)
            totaal += deel(vermenigvuldig(som(waarde(u) for u in eigen), aantal), len(eigen))
    return totaal


def betrokken_actoren(uitkomst: PilotUitkomst) -> list[str]:
    """De cliënt, de actoren uit pilot.yaml, de gebruikte ingebouwde actoren, dan de algemene 'overheid'.

    Een ingebouwde actor die pilot.yaml niet noemt, staat er alleen bij als een casus of tarief hem gebruikt.
    """
    gebruikt = {p.actor for c in uitkomst.casussen for p in (*c.kosten, *c.baten)}
    volgorde = ["client", *uitkomst.pilot.actoren, *STANDAARD_ACTOREN, "overheid"]
    uit = []
    for actor in volgorde:
        if actor not in uit and (actor in uitkomst.pilot.actoren or actor in gebruikt or actor == "client"):
            uit.append(actor)
    return uit
