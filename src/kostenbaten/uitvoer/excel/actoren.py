"""De verdeling over de actoren als werkmap: wie betaalt en wie wint, per casus en geëxtrapoleerd."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.uitvoer.excel.blad import tabelblad, zonder_leeg_blad


def werkmap(a: ActorenUitkomst) -> Workbook:
    map_ = Workbook()
    kolommen = ["Actor", "Groep", "Betaalt", "Wint", "Saldo"]
    per_casus = ([t.wat, r.naam, r.groep, r.kosten, r.baten, r.saldo] for t in a.casussen for r in t.regels if r.kosten or r.baten)
    tabelblad(map_, "Per casus", ["Casus", *kolommen], per_casus)
    for methode, t in a.extrapolaties.items():
        rijen = [[r.naam, r.groep, r.kosten, r.baten, r.saldo] for r in t.regels]
        per_groep = t.per_groep()
        rijen += [[f"groep {g} van het rapport", " + ".join(actoren), None, None, per_groep[g]] for g, actoren in a.koppeling.items()]
        blad = tabelblad(map_, f"Geextrapoleerd {methode}", kolommen, rijen)
        grafiek = BarChart()
        grafiek.type = "col"
        grafiek.title = f"Wie betaalt en wie wint (methode {methode})"
        grafiek.add_data(Reference(blad, min_col=3, max_col=4, min_row=1, max_row=len(t.regels) + 1), titles_from_data=True)
        grafiek.set_categories(Reference(blad, min_col=1, min_row=2, max_row=len(t.regels) + 1))
        grafiek.width = 20
        blad.add_chart(grafiek, "H2")
    return zonder_leeg_blad(map_)
