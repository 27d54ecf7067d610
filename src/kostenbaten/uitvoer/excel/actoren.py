"""De verdeling over de actoren als werkmap: wie betaalt en wie wint, per casus en geëxtrapoleerd.

Elk blad drukt af op A4, één pagina breed; de grafiek van een extrapolatie
staat op een eigen pagina.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import Reference

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.uitvoer.excel.blad import EURO, grafiek_op_pagina, overzicht, staafgrafiek, zonder_formules
from kostenbaten.uitvoer.excel.saldo import saldo_bladen
from kostenbaten.uitvoer.namen import METHODE_NAMEN, groep_naam

BEDRAGEN = {k: EURO for k in range(2, 6)}


def werkmap(a: ActorenUitkomst) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    if a.maatschappelijk is not None:
        saldo_bladen(wb, a.maatschappelijk)
    kolommen = ["Actor", "Groep", "Betaalt", "Wint", "Saldo"]
    per_casus = [
        [t.wat.capitalize(), r.naam, groep_naam(r.groep), r.kosten, r.baten, r.saldo]
        for t in a.casussen for r in t.regels if r.kosten or r.baten
    ]
    overzicht(wb, "Per casus", "Wie betaalt en wie wint, per casus", ["Casus", *kolommen], per_casus,
              {k + 1: EURO for k in range(2, 5)}, [10, 26, 12, 14, 14, 14])
    for methode, t in a.extrapolaties.items():
        namen = {r.actor: r.naam for r in t.regels}
        rijen = [[r.naam, groep_naam(r.groep), r.kosten, r.baten, r.saldo] for r in t.regels]
        per_groep = t.per_groep()
        rijen += [
            [f"Groep {groep_naam(g)} in het rapport", " + ".join(namen.get(x, x) for x in actoren), None, None, per_groep[g]]
            for g, actoren in a.koppeling.items()
            if actoren or g != "overig"  # de derde groep alleen als er een actor in valt
        ]
        titel = f"Wie betaalt en wie wint, geëxtrapoleerd ({METHODE_NAMEN[methode]})"
        b = overzicht(wb, f"Geëxtrapoleerd {methode}", titel, kolommen, rijen, BEDRAGEN, [30, 34, 14, 14, 14],
                      vet_vanaf=len(t.regels))
        ws = wb.create_sheet(f"Grafiek {methode}")
        grafiek = staafgrafiek(titel, liggend_staven=False, as_titel="bedrag")
        grafiek.add_data(Reference(b.ws, min_col=3, max_col=4, min_row=3, max_row=len(t.regels) + 3), titles_from_data=True)
        grafiek.set_categories(Reference(b.ws, min_col=1, min_row=4, max_row=len(t.regels) + 3))
        grafiek_op_pagina(ws, grafiek, 24, 14, rij=1)
    return zonder_formules(wb)
