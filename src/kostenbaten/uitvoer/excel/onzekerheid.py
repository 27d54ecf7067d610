"""De Monte-Carlo-uitkomst als Excel-werkmap: percentielen per cijfer en de histogrammen."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from kostenbaten.uitvoer.excel.blad import EURO, zonder_formules
from kostenbaten.uitvoer.onzekerheid import DELEN_NAMEN, METHODE_NAMEN

PROCENT = "0.00%"
KOPPEN = ("Berekend", "P5", "P50", "P95", "Gemiddelde", "Kans op verlies")


def _rij(blad, waarden, vet: bool = False) -> None:
    blad.append(list(waarden))
    for cel in blad[blad.max_row]:
        if vet:
            cel.font = Font(bold=True)


def _verdeling(blad, label: list, v) -> None:
    blad.append([*label, v.berekend, *(v.percentielen[p] for p in (5, 50, 95)), v.gemiddelde, v.kans_negatief])
    rij = blad[blad.max_row]
    for cel in rij[len(label) : len(label) + 5]:
        cel.number_format = EURO
    rij[len(label) + 5].number_format = PROCENT


def werkmap(u) -> Workbook:
    boek = Workbook()
    blad = boek.active
    blad.title = "Onzekerheid"
    _rij(blad, [f"Onzekerheid pilot {u.deterministisch.pilot.naam}"], vet=True)
    _rij(blad, ["Trekkingen", u.trekkingen])
    _rij(blad, ["Zaad", u.zaad])
    _rij(blad, ["Percentielen en gemiddelden zijn op centen afgerond; berekend is de exacte uitkomst van `bereken`."])
    blad.append([])
    _rij(blad, ["Netto per casus", "", *KOPPEN], vet=True)
    for nummer, v in u.casussen.items():
        _verdeling(blad, [f"casus {nummer}", ""], v)
    _verdeling(blad, ["gemiddeld per casus", ""], u.gemiddelde_netto)
    blad.append([])
    _rij(blad, ["Extrapolatie", "Cijfer", *KOPPEN], vet=True)
    for methode, delen in u.extrapolaties.items():
        for deel, v in delen.items():
            _verdeling(blad, [METHODE_NAMEN[methode], DELEN_NAMEN[deel]], v)
    blad.append([])
    _rij(blad, ["Invoer met een bereik", "Verdeling"], vet=True)
    for i in u.invoer:
        blad.append([i.plek, i.verdeling])
    for nummer in u.kansen:
        blad.append([f"casus {nummer}: kans", "slaagt of niet (Bernoulli)"])
    blad.column_dimensions["A"].width = 34
    blad.column_dimensions["B"].width = 14
    for kolom in "CDEFGH":
        blad.column_dimensions[kolom].width = 16

    histo = boek.create_sheet("Histogram")
    _rij(histo, ["Methode", "Van", "Tot", "Aantal trekkingen"], vet=True)
    for methode, h in u.histogrammen.items():
        for i, aantal in enumerate(h.aantallen):
            histo.append([methode, h.randen[i], h.randen[i + 1], aantal])
            for cel in histo[histo.max_row][1:3]:
                cel.number_format = EURO
    histo.column_dimensions["A"].width = 12
    for kolom in "BCD":
        histo.column_dimensions[kolom].width = 18
    return zonder_formules(boek)
