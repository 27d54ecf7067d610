"""De waarde van informatie als werkmap: het besluit met de EVPI per methode, en de EVPPI per invoer (Monte-Carlo-schattingen).

Elk blad drukt af op A4, één pagina breed, met de kopregel op elke pagina.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from kostenbaten.notatie import getal_nl

from kostenbaten.model.casus import METHODEN
from kostenbaten.uitvoer.excel.blad import EURO, GETAL, PROCENT, overzicht, zonder_formules
from kostenbaten.uitvoer.namen import METHODE_NAMEN, evppi_verdeling


def werkmap(u) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    bron = f"Monte-Carlo-schattingen uit {getal_nl(Decimal(u.trekkingen))} trekkingen met zaad {u.zaad}; bedragen op centen. Alleen parameteronzekerheid. Zie docs/onzekerheid.md."
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
    s = u.steekproef
    if s is not None:
        overzicht(
            wb,
            "Steekproef casussen",
            "Waarde van een grotere steekproef van casussen (apart van de parameters)",
            ["Methode", "Waarde per besluit", "Kans op een negatief totaal (bootstrap)"],
            ([METHODE_NAMEN[m], s.waarde_steekproef[m], s.kans_negatief[m]] for m in METHODEN),
            {1: EURO, 2: PROCENT},
            [28, 18, 18],
            liggend=True,
            uitleg=f"Bootstrap van {getal_nl(Decimal(s.trekkingen))} trekkingen over {s.aantal} casussen, zaad {s.zaad}; "
            "de waarde van het ware gemiddelde netto per casus in plaats van dat van de steekproef.",
        )
    p = u.populatie
    if p is not None:
        rijen = [["Alle parameters samen (EVPI)", *(p.evpi[m] for m in METHODEN)]]
        rijen += [[i.naam, *(p.evppi[i.plek][m] for m in METHODEN)] for i in u.invoer]
        rijen.append(["Een grotere steekproef van casussen", *(p.steekproef[m] for m in METHODEN)])
        overzicht(
            wb,
            "Populatie",
            f"Hoogstens voor onderzoek: {p.besluiten} besluiten per jaar, {p.jaren} jaar, contant tegen {p.disconto}%",
            ["Onderzoek naar", *(f"Hoogstens {METHODE_NAMEN[m]}" for m in METHODEN)],
            rijen,
            {1 + k: EURO for k in range(len(METHODEN))},
            [40, *(20 for _ in METHODEN)],
            liggend=True,
            uitleg=f"Per besluit x {p.besluiten} x de som van de discontofactoren over {p.jaren} jaar "
            "(Werkgroep Discontovoet 2020).",
        )
    return zonder_formules(wb)
