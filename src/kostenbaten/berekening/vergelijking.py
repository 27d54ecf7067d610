"""Pilots en varianten naast elkaar doorrekenen: exact, en met Monte-Carlo waar iets onzeker is.

Per kolom ook de verdeling over de actoren (wie betaalt, wie wint), zodat twee
manieren van financieren van hetzelfde spreekuur per actor naast elkaar staan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kostenbaten.berekening.actoren import ActorenUitkomst, ActorRegel, verdeel_over_actoren
from kostenbaten.berekening.kba import PilotUitkomst, bereken_pilot
from kostenbaten.berekening.onzekerheid import OnzekerheidUitkomst, is_onzeker  # zonder numpy


@dataclass(frozen=True)
class Kolom:
    """Eén pilot of variant in de vergelijking: de exacte uitkomst en, bij bereiken, de Monte-Carlo."""

    pad: Path
    uitkomst: PilotUitkomst
    onzekerheid: OnzekerheidUitkomst | None  # alleen als er een bereik of kans van slagen is
    actoren: ActorenUitkomst  # wie betaalt en wie wint, per casus en geëxtrapoleerd


@dataclass(frozen=True)
class ActorRij:
    """Eén actor over alle kolommen: zijn regel (betaalt, wint, saldo) per kolom; None waar hij niet meedoet."""

    actor: str
    naam: str
    regels: tuple[ActorRegel | None, ...]


def per_actor(kolommen, methode: str) -> tuple[ActorRij, ...]:
    """De actoren van alle kolommen in volgorde van verschijnen, met hun geëxtrapoleerde regel per kolom."""
    volgorde: dict[str, str] = {}
    for k in kolommen:
        for r in k.actoren.extrapolaties[methode].regels:
            volgorde.setdefault(r.actor, r.naam)
    rijen = []
    for actor, naam in volgorde.items():
        regels = tuple(
            next((r for r in k.actoren.extrapolaties[methode].regels if r.actor == actor), None) for k in kolommen
        )
        rijen.append(ActorRij(actor, naam, regels))
    return tuple(rijen)


def vergelijk(projecten, trekkingen: int, zaad: int, begroting=None) -> list[Kolom]:
    """Elk project met hetzelfde zaad, zodat een kolom niet afhangt van de kolommen ernaast. Met een `begroting`
    (`berekening.begroting.BegrotingUitkomst`) rust het maatschappelijk saldo van elke kolom op haar kosten, tenzij
    de registratie van die kolom uren per hulpvraag geeft (`saldo.programmakosten`)."""
    kolommen = []
    for project in projecten:
        if is_onzeker(project.pilot, project.casussen):
            from kostenbaten.berekening.onzekerheid import simuleer  # laadt numpy

            o = simuleer(project.pilot, project.casussen, trekkingen, zaad, begroting=begroting)
            kolommen.append(Kolom(project.map, o.berekend, o, verdeel_over_actoren(o.berekend, begroting)))
        else:
            uitkomst = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)
            kolommen.append(Kolom(project.map, uitkomst, None, verdeel_over_actoren(uitkomst, begroting)))
    return kolommen
