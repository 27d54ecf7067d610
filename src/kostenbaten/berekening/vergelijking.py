"""Pilots en varianten naast elkaar doorrekenen: exact, en met Monte-Carlo waar iets onzeker is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kostenbaten.berekening.kba import PilotUitkomst, bereken_pilot
from kostenbaten.berekening.onzekerheid import OnzekerheidUitkomst, onzekere_invoer  # zonder numpy


@dataclass(frozen=True)
class Kolom:
    """Eén pilot of variant in de vergelijking: de exacte uitkomst en, bij bereiken, de Monte-Carlo."""

    pad: Path
    uitkomst: PilotUitkomst
    onzekerheid: OnzekerheidUitkomst | None  # alleen als er een bereik of kans van slagen is


def vergelijk(projecten, trekkingen: int, zaad: int) -> list[Kolom]:
    """Elk project met hetzelfde zaad, zodat een kolom niet afhangt van de kolommen ernaast."""
    kolommen = []
    for project in projecten:
        onzeker = onzekere_invoer(project.pilot, project.casussen) or any(c.kans is not None for c in project.casussen)
        if onzeker:
            from kostenbaten.berekening.onzekerheid import simuleer  # laadt numpy

            o = simuleer(project.pilot, project.casussen, trekkingen, zaad)
            kolommen.append(Kolom(project.map, o.berekend, o))
        else:
            kolommen.append(Kolom(project.map, bereken_pilot(project.pilot, project.casussen), None))
    return kolommen
