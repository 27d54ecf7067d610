"""Wie betaalt en wie wint: kosten en baten per actor, per casus en geëxtrapoleerd.

Elke actor (gemeente, Rijk, schuldeiser, ...) hoort bij een groep van het
rapport (cliënt of overheid). Tellen we de saldi van de actoren per groep op,
dan komt precies de tweedeling van het rapport terug; `koppeling` legt dat vast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from kostenbaten.berekening.extrapolatie import betrokken_actoren, extrapoleer_grootheid  # ook voor wie ze hier zoekt
from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst
from kostenbaten.model.casus import METHODEN
from kostenbaten.geld import NUL, deel, som
from kostenbaten.model.casus import GROEPEN


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


def _tabel(wat: str, uitkomst: PilotUitkomst, actoren: list[str], kosten, baten) -> ActorTabel:
    alle = uitkomst.pilot.alle_actoren
    regels = tuple(
        ActorRegel(a, alle[a].naam, alle[a].groep, kosten(_betaald(a)), baten(_gewonnen(a))) for a in actoren
    )
    return ActorTabel(wat, regels)


def verdeel_over_actoren(uitkomst: PilotUitkomst, begroting=None) -> ActorenUitkomst:
    """De verdeling per actor voor elke casus en voor beide extrapolaties; met `begroting` rust het maatschappelijk saldo
    op haar kosten (`berekening.saldo.programmakosten`)."""
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
    from kostenbaten.berekening.saldo import bereken_saldo

    return ActorenUitkomst(casussen, {m: extrapolatie(m) for m in METHODEN}, koppeling, bereken_saldo(uitkomst, begroting=begroting))
