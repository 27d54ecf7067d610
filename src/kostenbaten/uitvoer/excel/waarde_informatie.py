"""De waarde van informatie als werkmap: het besluit met de EVPI per methode, en de EVPPI per invoer (Monte-Carlo-schattingen)."""

from __future__ import annotations

from openpyxl import Workbook

from kostenbaten.model.casus import METHODEN
from kostenbaten.uitvoer.excel.blad import afdrukklaar, tabelblad, zonder_leeg_blad

PROCENT = "0.0%"


def werkmap(u) -> Workbook:
    map_ = Workbook()
    besluit = tabelblad(
        map_,
        "Besluit en EVPI",
        ["Methode", "Verwacht netto", "Besluit", "Kans ander besluit beter", "EVPI", "Standaardfout EVPI"],
        (
            [m, b.verwacht_netto, "financieren" if b.financieren else "niet financieren", b.kans_ander_besluit, b.evpi, b.standaardfout]
            for m, b in u.besluiten.items()
        ),
    )
    for rij in besluit.iter_rows(min_row=2, min_col=4, max_col=4):
        for cel in rij:
            cel.value = float(cel.value)  # een kans, geen geld: als getal met procentnotatie
            cel.number_format = PROCENT
    besluit.append([])
    besluit.append([f"Monte-Carlo-schattingen uit {u.trekkingen} trekkingen met zaad {u.zaad}; bedragen op centen. Zie docs/methode.md."])
    afdrukklaar(besluit, f"A1:F{besluit.max_row}", liggend=True)
    evppi = tabelblad(
        map_,
        "EVPPI per invoer",
        ["Invoer", "Plek", "Verdeling", *(f"EVPPI {m}" for m in METHODEN), "Klassen"],
        ([i.naam, i.plek, i.verdeling, *(i.evppi[m] for m in METHODEN), i.klassen] for i in u.invoer),
    )
    evppi.column_dimensions["A"].width = 40
    evppi.column_dimensions["B"].width = 34
    evppi.column_dimensions["C"].width = 34
    afdrukklaar(evppi, f"A1:{evppi.cell(1, evppi.max_column).column_letter}{evppi.max_row}", liggend=True, titelrijen="1:1")
    return zonder_leeg_blad(map_)
