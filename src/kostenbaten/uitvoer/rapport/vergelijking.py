"""Scenario's naast elkaar in het rapport: per pilot of variant het gemiddelde, beide totalen en, bij bandbreedtes, het 90%-interval."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.notatie import euro, getal_nl, kans
from kostenbaten.uitvoer.namen import interval_tekst
from kostenbaten.uitvoer.rapport.actoren import BATEN, KOSTEN
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, grafiek, tabel
from kostenbaten.uitvoer.rapport.kba import GEWOGEN, VLAK


def naast_elkaar(kolommen: list, trekkingen: int, zaad: int) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import Reeks, staven

    namen = [k.uitkomst.pilot.naam for k in kolommen]
    rapport = [k.uitkomst.extrapolaties["rapport"].totaal for k in kolommen]
    gewogen = [k.uitkomst.extrapolaties["gewogen"].totaal for k in kolommen]
    svg = staven(namen, [Reeks(VLAK, rapport, KOSTEN), Reeks(GEWOGEN, gewogen, BATEN, "////")], "totaal per jaar in euro")
    rijen = []
    for k, r, g in zip(kolommen, rapport, gewogen):
        o = k.onzekerheid
        interval = interval_tekst(o.extrapolaties["rapport"]["totaal"]) if o is not None else "geen bandbreedtes"
        negatief = kans(o.extrapolaties["rapport"]["totaal"].kans_negatief) if o is not None else "-"
        rijen.append(
            [k.uitkomst.pilot.naam, getal_nl(k.uitkomst.extrapolaties["rapport"].hulpvragen), euro(k.uitkomst.gemiddelde_netto, 2),
             euro(r), euro(g), interval, negatief]
        )
    bij = tabel(
        ["Scenario", "Hulpvragen", "Gemiddeld per casus", f"Totaal, {VLAK}", f"Totaal, {GEWOGEN}", "90%-interval", "Kans negatief"],
        rijen, rechts=(1, 2, 3, 4), breed=True,
    )
    beschrijving = "Staafdiagram van het totaal per jaar per scenario: " + "; ".join(
        f"{n}: {euro(r)} ({VLAK}), {euro(g)} ({GEWOGEN})" for n, r, g in zip(namen, rapport, gewogen)
    ) + "."
    blokken = [grafiek("vergelijking", svg, beschrijving, bij)]
    if any(k.onzekerheid is not None for k in kolommen):
        blokken.append(alinea(f"Intervallen ({VLAK}) uit {getal_nl(Decimal(trekkingen))} trekkingen met zaad {zaad}."))
    return blokken


def secties(kolommen, rapport) -> dict[str, Sectie]:
    return {"vergelijking": Sectie("Scenario's naast elkaar", naast_elkaar(list(kolommen), rapport.trekkingen, rapport.zaad))}
