"""De gevoeligheidsanalyse als werkmap: per invoer het effect van -stap en +stap, de omslagpunten en per methode een tornado.

Elk blad drukt af op A4, één pagina breed; elke tornado staat op een eigen
pagina met de naam van elke staaf. Invoer staat in zijn eigen eenheid (euro,
uren, procent, hulpvragen), met de plek in de bestanden in plaats van een
interne sleutel.
"""

from __future__ import annotations

from pathlib import PurePath

from openpyxl import Workbook
from openpyxl.chart import Reference
from openpyxl.styles import Alignment

from kostenbaten.berekening.gevoeligheid import Gevoeligheid
from kostenbaten.notatie import euro, getal
from kostenbaten.uitvoer.excel.blad import (
    EURO,
    GETAL,
    PROCENT_GETAL,
    TITEL,
    UITLEG,
    UREN,
    Blad,
    afdrukklaar,
    grafiek_op_pagina,
    op_centen,
    staafgrafiek,
    zonder_formules,
)
from kostenbaten.uitvoer.namen import KOSTENROUTE_NAMEN, METHODE_NAMEN, omslagpunt_tekst

NOTATIE = {"euro": EURO, "uur": UREN, "procent": PROCENT_GETAL, "hulpvragen": GETAL}


def _waar(plek, invoer) -> str | None:
    """`pilot.yaml:17`: bestand en regel, zonder de map (die staat in de titel)."""
    if plek is None or invoer.plek is None:
        return "meer bestanden" if plek is not None else None
    tekst = plek(*invoer.plek)
    return PurePath(tekst).name if tekst else None


def _overzicht(wb: Workbook, g: Gevoeligheid, plek) -> None:
    methoden = list(g.basis)
    stap = getal(g.stap)
    b = Blad(wb.create_sheet("Gevoeligheid"), {})
    b.tekst("A1", "Gevoeligheid van de extrapolatie", TITEL)
    b.tekst("A2", f"Elke invoer om de beurt {stap}% lager en {stap}% hoger; de totalen zijn de extrapolatie "
                  "voor alle hulpvragen. Gesorteerd op zwaai (het verschil tussen hoog en laag).", UITLEG)
    koppen = ["Invoer", "Waar", "Nu", f"-{stap}%", f"+{stap}%"]
    for m in methoden:
        koppen += [f"Totaal bij -{stap}% ({m})", f"Totaal bij +{stap}% ({m})", f"Zwaai ({m})"]
    b.kopregel(3, koppen)
    b.breedtes({"A": 46, "B": 16, "C": 12, "D": 12, "E": 12, **{k: 14 for k in "FGHIJK"}})
    r = 3
    for v in g.gesorteerd(methoden[0]):
        r += 1
        b.tekst(f"A{r}", v.invoer.naam)
        b.tekst(f"B{r}", _waar(plek, v.invoer), UITLEG)
        for kolom, waarde in zip("CDE", (v.invoer.basis, v.laag, v.hoog)):
            b.uitkomst(f"{kolom}{r}", op_centen(waarde), NOTATIE.get(v.invoer.eenheid, GETAL))
        for i, m in enumerate(methoden):
            e = v.effecten[m]
            for j, waarde in enumerate((e.laag, e.hoog, e.zwaai)):
                b.uitkomst(f"{'FGHIJK'[3 * i + j]}{r}", op_centen(waarde), EURO)
    r += 2
    for m in methoden:
        b.tekst(f"A{r}", f"Totaal bij de huidige invoer, methode {METHODE_NAMEN[m]}")
        b.uitkomst(f"C{r}", op_centen(g.basis[m]), EURO)
        r += 1
    b.ws.freeze_panes = "B4"
    afdrukklaar(b.ws, f"A1:{'FGHIJK'[3 * len(methoden) - 1]}{r - 1}", liggend=True, titelrijen="1:3")


def _omslagpunten(wb: Workbook, g: Gevoeligheid, saldo: bool = False) -> None:
    """Per invoer de waarde waarbij het totaal nul wordt; met `saldo` het maatschappelijk saldo, met de route van de kosten."""
    methoden = list(g.basis)
    b = Blad(wb.create_sheet("Omslagpunten saldo" if saldo else "Omslagpunten"), {})
    wat = "het maatschappelijk saldo" if saldo else "het totaal"
    b.tekst("A1", f"Omslagpunten: bij welke waarde wordt {wat} nul?", TITEL)
    if saldo:
        nu = ", ".join(f"{m} {euro(w)}" for m, w in g.saldo_basis.items())
        route = f" ({KOSTENROUTE_NAMEN.get(g.kosten_route, g.kosten_route)})" if g.kosten_route else ""
        b.tekst("A2", f"Maatschappelijk saldo nu: {nu}. Besparingen van middelen min de kosten van het hele programma{route}; "
                      "overdrachten tellen voor nul.", UITLEG)
    b.kopregel(3, ["Invoer", "Nu", *(f"Omslagpunt ({m})" for m in methoden)])
    b.breedtes({"A": 40, "B": 12, "C": 30, "D": 30})
    r = 3
    for v in g.gesorteerd(methoden[0]):
        r += 1
        b.tekst(f"A{r}", v.invoer.naam).alignment = Alignment(wrap_text=True, vertical="top")
        b.uitkomst(f"B{r}", op_centen(v.invoer.basis), NOTATIE.get(v.invoer.eenheid, GETAL))
        for kolom, m in zip("CD", methoden):
            # De toelichting noemt de waarde zelf, in de eenheid van de invoer (uren als uren).
            effect = (v.saldo_effecten if saldo else v.effecten)[m]
            b.tekst(f"{kolom}{r}", omslagpunt_tekst(effect.omslagpunt, v.invoer.eenheid)).alignment = Alignment(wrap_text=True, vertical="top")
    b.ws.freeze_panes = "A4"
    afdrukklaar(b.ws, f"A1:D{r}", titelrijen="1:3")


def _tornado(wb: Workbook, g: Gevoeligheid, methode: str) -> None:
    stap = getal(g.stap)
    ws = wb.create_sheet(f"Tornado {methode}")
    b = Blad(ws, {})
    b.tekst("A1", f"Tornado, methode {METHODE_NAMEN[methode]}", TITEL)
    # De gegevens van de grafiek staan rechts van het afdrukbereik.
    rijen = list(reversed(g.gesorteerd(methode)))  # een liggende staafgrafiek tekent de eerste rij onderaan
    b.kopregel(1, ["Invoer", f"Verschil bij -{stap}%", f"Verschil bij +{stap}%"], kolom=14)
    b.breedtes({"N": 46, "O": 16, "P": 16})
    for i, v in enumerate(rijen, start=2):
        e = v.effecten[methode]
        b.tekst(f"N{i}", v.invoer.label)
        b.uitkomst(f"O{i}", op_centen(e.laag - e.basis), EURO)
        b.uitkomst(f"P{i}", op_centen(e.hoog - e.basis), EURO)
    grafiek = staafgrafiek(
        f"Verschil met het totaal van {euro(g.basis[methode])} als één invoer {stap}% lager of hoger is",
        liggend_staven=True,
        as_titel="verschil met het totaal",
    )
    grafiek.overlap = 100
    grafiek.add_data(Reference(ws, min_col=15, max_col=16, min_row=1, max_row=len(rijen) + 1), titles_from_data=True)
    grafiek.set_categories(Reference(ws, min_col=14, min_row=2, max_row=len(rijen) + 1))
    grafiek_op_pagina(ws, grafiek, 17, min(23, max(10, 3 + len(rijen) * 0.85)), liggend=False)


def werkmap(g: Gevoeligheid, plek=None) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    _overzicht(wb, g, plek)
    _omslagpunten(wb, g)
    if g.saldo_basis:
        _omslagpunten(wb, g, saldo=True)
    for m in g.basis:
        _tornado(wb, g, m)
    return zonder_formules(wb)
