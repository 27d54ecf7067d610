"""De verdeling over de actoren als werkmap: wie betaalt en wie wint, per casus en geëxtrapoleerd.

Elk blad drukt af op A4, één pagina breed; de grafiek van een extrapolatie
staat op een eigen pagina.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import Reference

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.uitvoer.excel.blad import EURO, grafiek_op_pagina, overzicht, staafgrafiek, zonder_formules
from kostenbaten.uitvoer.namen import METHODE_NAMEN, groep_naam, rekensom_tekst

BEDRAGEN = {k: EURO for k in range(2, 6)}


def _maatschappelijk(wb: Workbook, s) -> None:
    """Eerst wat de samenleving wint (het maatschappelijk saldo), dan per methode wie wat krijgt (de verdelingstabel)."""
    rijen = []
    for m, x in s.methoden.items():
        rijen += [
            [f"{METHODE_NAMEN[m]}: besparingen van middelen", x.middelen],
            [f"{METHODE_NAMEN[m]}: kosten van alle {x.kosten.hulpvragen} hulpvragen", x.kosten.totaal],
            [f"{METHODE_NAMEN[m]}: maatschappelijk saldo", x.saldo],
            [f"{METHODE_NAMEN[m]}: kosten van alleen de gedekte hulpvragen", x.kosten_gedekt],
            [f"{METHODE_NAMEN[m]}: saldo met die kosten", x.saldo_gedekt],
            [f"{METHODE_NAMEN[m]}: overdrachten (in het saldo netto nul)", x.overdrachten],
            [f"{METHODE_NAMEN[m]}: breder economisch effect (niet in het saldo)", x.breder],
        ]
    rijen += [["Methode van de KBA Hengelo, anders dan het saldo: " + v, None] for v in s.verschillen]
    overzicht(wb, "Maatschappelijk saldo", "Maatschappelijk saldo: besparingen van middelen min de kosten van het hele programma",
              ["Wat", "Bedrag"], rijen, {1: EURO}, [90, 16], uitleg=rekensom_tekst(next(iter(s.methoden.values())).kosten.uitleg))
    kolommen = ["Actor", "Betaalt", "Middelen", "Ontvangt (overdracht)", "Geeft (overdracht)", "Saldo", "Breder (niet in saldo)"]
    for m, x in s.methoden.items():
        rijen = []
        for t, wat in ((x.verdeling, "kosten van alle hulpvragen"), (x.verdeling_gedekt, "kosten van de gedekte hulpvragen")):
            rijen.append([f"Met de {wat}", None, None, None, None, None, None])
            rijen += [[r.naam, r.betaalt, r.middelen, r.ontvangt, r.geeft, r.saldo, r.breder] for r in t.regels]
            rijen.append(["Samen: maatschappelijk saldo", *(t.totaal(v) for v in ("betaalt", "middelen", "ontvangt", "geeft")), t.saldo, t.totaal("breder")])
        overzicht(wb, f"Verdeling {m}", f"Verdelingstabel ({METHODE_NAMEN[m]})", kolommen, rijen, {k: EURO for k in range(1, 7)},
                  [32, 14, 14, 14, 14, 14, 14], liggend=True)


def werkmap(a: ActorenUitkomst) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    if a.maatschappelijk is not None:
        _maatschappelijk(wb, a.maatschappelijk)
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
