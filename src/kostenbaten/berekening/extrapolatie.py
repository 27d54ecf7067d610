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
    return Extrapolator(pilot, uitkomsten).extrapoleer(methode, [waarde(u) for u in uitkomsten])


class Extrapolator:
    """Extrapoleert veel grootheden over dezelfde casussen: de casussen worden één keer per rechtsgebied verdeeld.

    `extrapoleer(methode, waarden)` krijgt per casus (in de volgorde van `uitkomsten`) de waarde
    en telt in dezelfde volgorde op als `extrapoleer_grootheid`, dus met precies dezelfde uitkomst.
    """

    def __init__(self, pilot: Pilot, uitkomsten):
        self.pilot = pilot
        self.aantal = len(uitkomsten)
        per_gebied: dict[str, list[int]] = {}
        for i, u in enumerate(uitkomsten):
            per_gebied.setdefault(u.casus.rechtsgebied, []).append(i)
        self._per_gebied = per_gebied
        self._gedekt = None

    def extrapoleer(self, methode: str, waarden) -> Decimal:
        totaal = som(waarden) if methode == "rapport" else NUL
        per_gebied = {g: som(waarden[i] for i in eigen) for g, eigen in self._per_gebied.items()} if methode == "gewogen" else {}
        return self.uit_sommen(methode, totaal, per_gebied)

    def aantal_in(self, rechtsgebied: str) -> int:
        return len(self._per_gebied.get(rechtsgebied, ()))

    def uit_sommen(self, methode: str, totaal: Decimal, per_gebied: dict[str, Decimal]) -> Decimal:
        """De extrapolatie uit al opgetelde waarden: `totaal` over alle casussen (rapport) of de som per rechtsgebied (gewogen)."""
        pilot = self.pilot
        hulpvragen = pilot.hulpvragen.waarde
        if methode == "rapport":
            if self._gedekt is None:
                self._gedekt = rechtsgebieden.gedekt(pilot, hulpvragen)
            return deel(vermenigvuldig(totaal, self._gedekt), self.aantal)
        if methode != "gewogen":
            raise ValueError(f"onbekende methode '{methode}'")
        uit = NUL
        for sleutel, gebied in pilot.rechtsgebieden.items():
            k = self.aantal_in(sleutel)
            if k:
                aantal = rechtsgebieden.hulpvragen(gebied, hulpvragen)
                uit += deel(vermenigvuldig(per_gebied[sleutel], aantal), k)
        return uit


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
