"""De onzekerheid in het rapport: het 90%-interval van het totaal en de kans op een negatief totaal, met trekkingen en zaad."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.onzekerheid import OnzekerheidUitkomst
from kostenbaten.notatie import getal_nl, kans
from kostenbaten.uitvoer.namen import interval_tekst
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea
from kostenbaten.uitvoer.rapport.kba import GEWOGEN, VLAK


def kern(u: OnzekerheidUitkomst) -> list[dict]:
    r, g = u.extrapolaties["rapport"]["totaal"], u.extrapolaties["gewogen"]["totaal"]
    return [
        alinea(
            f"Met 90% kans ligt het totaal tussen {interval_tekst(r)} ({VLAK}) of tussen {interval_tekst(g)} ({GEWOGEN}); "
            f"de kans op een negatief totaal is {kans(r.kans_negatief)}, respectievelijk {kans(g.kans_negatief)}. "
            f"Berekend met {getal_nl(Decimal(u.trekkingen))} trekkingen over de bandbreedtes van de invoer, zaad {u.zaad}: "
            "dezelfde opdracht geeft dezelfde uitkomst.",
            nadruk=True,
        )
    ]


def secties(u: OnzekerheidUitkomst, **_context) -> dict[str, Sectie]:
    return {"kern": Sectie(None, kern(u))}
