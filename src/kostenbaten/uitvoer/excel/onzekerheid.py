"""De Monte-Carlo-uitkomst als Excel-werkmap: percentielen per cijfer en per methode een histogram.

Elk blad drukt af op A4, één pagina breed; elk histogram staat als grafiek op
een eigen pagina.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import Reference

from kostenbaten.notatie import euro, getal_nl
from kostenbaten.uitvoer.excel.blad import (
    EURO,
    HEEL,
    PROCENT,
    Blad,
    afdrukklaar,
    grafiek_op_pagina,
    op_centen,
    overzicht,
    staafgrafiek,
    zonder_formules,
)
from kostenbaten.uitvoer.excel.saldo import saldo_bladen
from kostenbaten.uitvoer.namen import DELEN_NAMEN, KOSTENROUTE_NAMEN, METHODE_NAMEN, centrum_zin, spreiding_zin, steekproef_zinnen, verdeling_tekst

KOPPEN = ("Verwacht", "Meest waarschijnlijk", "P5", "P50", "P95", "Gemiddelde", "Kans op verlies")
NOTATIES = {**{k: EURO for k in range(2, 8)}, 8: PROCENT}


def _verdeling(label: list, v) -> list:
    return [*label, v.verwacht, v.berekend, *(v.percentielen[p] for p in (5, 50, 95)), v.gemiddelde, v.kans_negatief]


def _histogram(wb: Workbook, methode: str, h) -> None:
    ws = wb.create_sheet(f"Histogram {methode}")
    b = Blad(ws, {})
    # De gegevens van de grafiek staan rechts van het afdrukbereik.
    b.kopregel(1, ["Totaal van", "Totaal tot", "Klasse", "Trekkingen"], kolom=16)
    b.breedtes({"P": 14, "Q": 14, "R": 26, "S": 12})
    for i, aantal in enumerate(h.aantallen, start=2):
        van, tot = h.randen[i - 2], h.randen[i - 1]
        b.uitkomst(f"P{i}", op_centen(van), EURO)
        b.uitkomst(f"Q{i}", op_centen(tot), EURO)
        b.tekst(f"R{i}", f"{euro(van)} tot {euro(tot)}")
        b.uitkomst(f"S{i}", aantal, HEEL)
    grafiek = staafgrafiek(f"Totaal over de trekkingen, methode {METHODE_NAMEN[methode]}", liggend_staven=False,
                           as_titel="aantal trekkingen", notatie=HEEL)
    grafiek.gapWidth = 10
    grafiek.legend = None
    grafiek.x_axis.title = "geëxtrapoleerd totaal"
    grafiek.add_data(Reference(ws, min_col=19, min_row=1, max_row=len(h.aantallen) + 1), titles_from_data=True)
    grafiek.set_categories(Reference(ws, min_col=18, min_row=2, max_row=len(h.aantallen) + 1))
    grafiek_op_pagina(ws, grafiek, 25, 15, rij=1)


def werkmap(u) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    rijen = [_verdeling([f"Casus {nummer}", "één hulpvraag"], v) for nummer, v in u.casussen.items()]
    rijen.append(_verdeling(["Gemiddeld per hulpvraag", ""], u.gemiddelde_netto))
    def getoond(deel: str) -> bool:  # de derde groep alleen als een post erbij hoort
        return deel != "overig" or u.berekend.heeft_overig

    for methode, delen in u.extrapolaties.items():
        rijen += [_verdeling([METHODE_NAMEN[methode], DELEN_NAMEN[deel]], v) for deel, v in delen.items() if getoond(deel)]
        if u.kansen and u.parameters:
            rijen += [
                _verdeling([METHODE_NAMEN[methode], f"{DELEN_NAMEN[deel]}, alleen parameters"], v)
                for deel, v in u.parameters[methode].items() if getoond(deel)
            ]
        if methode in u.saldo:
            # Het maatschappelijk saldo naast de totalen: besparingen van middelen min de kosten van het hele programma.
            rijen.append(_verdeling([METHODE_NAMEN[methode], "Maatschappelijk saldo"], u.saldo[methode]))
    uitleg = (f"{getal_nl(Decimal(u.trekkingen))} trekkingen, zaad {u.zaad}. Verwacht: de verwachte waarde (centrale "
              f"schatting; {u.centrum.reden}). Meest waarschijnlijk: de exacte uitkomst van bereken. Percentielen en "
              "gemiddelden op centen. Kans op verlies: het aandeel trekkingen onder nul.")
    b = overzicht(wb, "Onzekerheid", f"Onzekerheid pilot {u.berekend.pilot.naam}", ["Cijfer", "Wie", *KOPPEN],
                  rijen, NOTATIES, [28, 24, 13, 13, 13, 13, 13, 13, 11], liggend=True, uitleg=uitleg)
    r = b.ws.max_row + 2
    for methode in u.extrapolaties:
        b.tekst(f"A{r}", centrum_zin(u, methode))
        r += 1
    if u.saldo:
        route = KOSTENROUTE_NAMEN.get(u.kosten_route, u.kosten_route)
        b.tekst(f"A{r}", f"Maatschappelijk saldo: besparingen van middelen min de kosten van het hele programma ({route}); "
                         "overdrachten tellen voor nul. Bij de meest waarschijnlijke invoer: de bladen Maatschappelijk saldo en Verdeling.")
        r += 1
    r += 1
    b.kopregel(r, ["Invoer met een bereik", "", "Verdeling"])
    invoer = [(i.naam or i.plek, verdeling_tekst(i.onzeker)) for i in u.invoer]
    invoer += [(f"Casus {nummer}: uitkomst per hulpvraag", "binomiaal over de vertegenwoordigde hulpvragen") for nummer in u.kansen]
    for naam, verdeling in invoer:
        r += 1
        b.tekst(f"A{r}", naam)
        b.tekst(f"C{r}", verdeling)
    if u.steekproef is not None:
        r += 2
        b.kopregel(r, ["Weinig casussen", "", "P5", "P95"])
        s = u.steekproef
        regels = []
        if s.t_interval is not None:
            regels.append(("Gemiddeld per casus: t-interval 90%", s.t_interval[0], s.t_interval[1]))
        regels.append(("Gemiddeld per casus: bootstrap", s.gemiddelde_bootstrap[5], s.gemiddelde_bootstrap[95]))
        regels += [(f"{METHODE_NAMEN[m]}: totaal, bootstrap", t[5], t[95]) for m, t in s.totaal_bootstrap.items()]
        for naam, laag, hoog in regels:
            r += 1
            b.tekst(f"A{r}", naam)
            b.uitkomst(f"C{r}", op_centen(laag), EURO)
            b.uitkomst(f"D{r}", op_centen(hoog), EURO)
        for zin in [*steekproef_zinnen(s), *([spreiding_zin(u)] if u.spreiding else [])]:
            r += 1
            b.tekst(f"A{r}", zin)
    afdrukklaar(b.ws, f"A1:I{r}", liggend=True, titelrijen="1:3")
    if u.maatschappelijk is not None:
        saldo_bladen(wb, u.maatschappelijk, "Bij de meest waarschijnlijke invoer. ")
    for methode, h in u.histogrammen.items():
        _histogram(wb, methode, h)
    return zonder_formules(wb)
