"""De waarde van informatie als werkmap: het besluit met de EVPI per methode, en de EVPPI per invoer (Monte-Carlo-schattingen).

Elk blad drukt af op A4, één pagina breed, met de kopregel op elke pagina.
"""

from __future__ import annotations

from openpyxl import Workbook

from kostenbaten.model.casus import METHODEN
from kostenbaten.uitvoer.excel.blad import EURO, GETAL, PROCENT, overzicht, zonder_formules
from kostenbaten.uitvoer.namen import METHODE_NAMEN, evppi_verdeling


def werkmap(u) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    bron = f"Monte-Carlo-schattingen uit {u.trekkingen} trekkingen met zaad {u.zaad}; bedragen op centen. Zie docs/methode.md."
    overzicht(
        wb,
        "Besluit en EVPI",
        "Waarde van volmaakte informatie (EVPI) per methode",
        ["Methode", "Verwacht netto", "Besluit", "Kans ander besluit beter", "EVPI", "Standaardfout EVPI"],
        (
            [METHODE_NAMEN[m], b.verwacht_netto, "financieren" if b.financieren else "niet financieren",
             b.kans_ander_besluit, b.evpi, b.standaardfout]
            for m, b in u.besluiten.items()
        ),
        {1: EURO, 3: PROCENT, 4: EURO, 5: EURO},
        [22, 16, 18, 16, 14, 14],
        liggend=True,
        uitleg=bron,
    )
    overzicht(
        wb,
        "EVPPI per invoer",
        "Waarde van volmaakte informatie per onzekere invoer (EVPPI)",
        ["Invoer", "Verdeling", *(f"EVPPI {METHODE_NAMEN[m]}" for m in METHODEN), "Klassen"],
        ([i.naam, evppi_verdeling(i), *(i.evppi[m] for m in METHODEN), i.klassen] for i in u.invoer),
        {2 + k: EURO for k in range(len(METHODEN))} | {2 + len(METHODEN): GETAL},
        [40, 34, *(16 for _ in METHODEN), 9],
        liggend=True,
        uitleg=bron,
    )
    return zonder_formules(wb)
