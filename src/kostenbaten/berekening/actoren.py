"""Wie betaalt en wie wint: kosten en baten per actor, per casus en geëxtrapoleerd.

Elke actor (gemeente, Rijk, schuldeiser, ...) hoort bij een groep van het
rapport (cliënt of overheid). Tellen we de saldi van de actoren per groep op,
dan komt precies de tweedeling van het rapport terug; `koppeling` legt dat vast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from kostenbaten.berekening import rechtsgebieden
from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst
from kostenbaten.model.casus import METHODEN
from kostenbaten.geld import HONDERD, NUL, deel, som, vermenigvuldig
from kostenbaten.model.casus import GROEPEN, STANDAARD_ACTOREN, Pilot


@dataclass(frozen=True)
class ActorRegel:
    actor: str  # sleutel uit pilot.yaml, of client/overheid
    naam: str
    groep: str
    kosten: Decimal  # wat deze actor betaalt
    baten: Decimal  # wat deze actor wint (vermeden kosten of inkomen)

    @property
    def saldo(self) -> Decimal:
        return self.baten - self.kosten

    @property
    def verhouding(self) -> Decimal | None:
        """Baten gedeeld door kosten; None voor een actor zonder kosten (de verhouding bestaat dan niet)."""
        return baten_kosten(self.baten, self.kosten)


def baten_kosten(baten: Decimal, kosten: Decimal) -> Decimal | None:
    return deel(baten, kosten) if kosten else None


@dataclass(frozen=True)
class ActorTabel:
    """Eén kolom van de verdeling: een casus of een extrapolatiemethode."""

    wat: str  # "casus 1", "rapport" of "gewogen"
    regels: tuple[ActorRegel, ...]

    def per_groep(self) -> dict[str, Decimal]:
        saldo = {g: NUL for g in GROEPEN}
        for r in self.regels:
            saldo[r.groep] += r.saldo
        return saldo

    @property
    def kosten(self) -> Decimal:
        return som(r.kosten for r in self.regels)

    @property
    def baten(self) -> Decimal:
        return som(r.baten for r in self.regels)

    @property
    def saldo(self) -> Decimal:
        return som(r.saldo for r in self.regels)

    @property
    def verhouding(self) -> Decimal | None:
        return baten_kosten(self.baten, self.kosten)


@dataclass(frozen=True)
class ActorenUitkomst:
    casussen: tuple[ActorTabel, ...]
    extrapolaties: dict[str, ActorTabel]
    koppeling: dict[str, tuple[str, ...]]  # groep van het rapport -> actoren in die groep
    # Het maatschappelijk saldo met de verdelingstabel (`berekening.saldo.SaldoUitkomst`), naast de verdeling van het rapport.
    maatschappelijk: object = None


def _betaald(actor: str) -> Callable[[CasusUitkomst], Decimal]:
    return lambda u: som(p.bedrag for p in u.kosten if p.actor == actor)


def _gewonnen(actor: str) -> Callable[[CasusUitkomst], Decimal]:
    return lambda u: som(p.bedrag for p in u.baten if p.actor == actor)


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


def _tabel(wat: str, uitkomst: PilotUitkomst, actoren: list[str], kosten, baten) -> ActorTabel:
    alle = uitkomst.pilot.alle_actoren
    regels = tuple(
        ActorRegel(a, alle[a].naam, alle[a].groep, kosten(_betaald(a)), baten(_gewonnen(a))) for a in actoren
    )
    return ActorTabel(wat, regels)


def verdeel_over_actoren(uitkomst: PilotUitkomst) -> ActorenUitkomst:
    """De verdeling per actor voor elke casus en voor beide extrapolaties."""
    actoren = betrokken_actoren(uitkomst)
    casussen = tuple(
        _tabel(f"casus {c.nummer}", uitkomst, actoren, lambda f, c=c: f(c), lambda f, c=c: f(c)) for c in uitkomst.casussen
    )

    def extrapolatie(methode):
        def reken(f):
            return extrapoleer_grootheid(uitkomst.pilot, uitkomst.casussen, methode, f)

        return _tabel(methode, uitkomst, actoren, reken, reken)

    alle = uitkomst.pilot.alle_actoren
    koppeling = {g: tuple(a for a in actoren if alle[a].groep == g) for g in GROEPEN}
    from kostenbaten.berekening.saldo import bereken_saldo  # saldo gebruikt deze module zelf

    return ActorenUitkomst(casussen, {m: extrapolatie(m) for m in METHODEN}, koppeling, bereken_saldo(uitkomst))
