"""Het maatschappelijk saldo en de verdelingstabel als werkbladen, gedeeld door `actoren`, `onzekerheid` en `begroting`.

Eerst wat de samenleving wint (besparingen van middelen min de kosten van het hele
programma, met de route van die kosten), dan per actor wie betaalt en wie wint; de
saldi in de verdelingstabel tellen op tot het maatschappelijk saldo.
"""

from __future__ import annotations

from openpyxl import Workbook

from kostenbaten.uitvoer.excel.blad import EURO, overzicht, pas_rijen_aan
from kostenbaten.uitvoer.namen import KOSTENROUTE_NAMEN, METHODE_NAMEN, groep_label, groep_naam, rekensom_tekst

KOLOMMEN = ["Actor", "Betaalt", "Middelen", "Ontvangt (overdracht)", "Geeft (overdracht)", "Saldo", "Breder (niet in saldo)", "Groep"]
VELDEN = ("betaalt", "middelen", "ontvangt", "geeft")


def kosten_uitleg(k) -> str:
    """De route van de kosten van het hele programma en hoe ze berekend zijn (`berekening.saldo.Programmakosten`)."""
    return f"Kosten van het hele programma: {KOSTENROUTE_NAMEN.get(k.route, k.route)}; {rekensom_tekst(k.uitleg)}."


def _regels(t) -> list[list]:
    """De rijen van één verdelingstabel (`berekening.saldo.Verdelingstabel`), met de som als laatste."""
    rijen = [[r.naam, r.betaalt, r.middelen, r.ontvangt, r.geeft, r.saldo, r.breder, groep_naam(r.groep)] for r in t.regels]
    rijen.append(["Samen: maatschappelijk saldo", *(t.totaal(v) for v in VELDEN), t.saldo, t.totaal("breder"), ""])
    # Het saldo per groep; de onbekende betaler van een overdracht zonder 'van' staat apart, niet bij de overheid.
    rijen += [[groep_label(g).capitalize(), None, None, None, None, b, None, None] for g, b in t.per_groep().items()]
    return rijen


def saldo_bladen(wb: Workbook, s, voorvoegsel: str = "") -> None:
    """Een blad met het maatschappelijk saldo per methode (`berekening.saldo.SaldoUitkomst`) en per methode een verdelingstabel."""
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
    kosten = next(iter(s.methoden.values())).kosten
    overzicht(wb, "Maatschappelijk saldo", f"{voorvoegsel}Maatschappelijk saldo: besparingen van middelen min de kosten van het hele programma",
              ["Wat", "Bedrag"], rijen, {1: EURO}, [90, 16], uitleg=kosten_uitleg(kosten))
    for m, x in s.methoden.items():
        rijen = []
        for t, wat in ((x.verdeling, "kosten van alle hulpvragen"), (x.verdeling_gedekt, "kosten van de gedekte hulpvragen")):
            rijen.append([f"Met de {wat}", *([None] * 7)])
            rijen += _regels(t)
        overzicht(wb, f"Verdeling {m}", f"{voorvoegsel}Verdelingstabel ({METHODE_NAMEN[m]})", KOLOMMEN, rijen, {k: EURO for k in range(1, 7)},
                  [30, 13, 13, 13, 13, 13, 14, 12], liggend=True, uitleg=kosten_uitleg(x.kosten))


def begroting_saldo_blad(wb: Workbook, m) -> None:
    """Het maatschappelijk saldo van een begroting (`berekening.saldo.BegrotingSaldo`), met haar verdelingstabel eronder."""
    hulpvragen = m.kosten.hulpvragen
    rijen = [
        [f"Besparingen van middelen per hulpvraag (methode {METHODE_NAMEN[m.methode]})", m.middelen_per_hulpvraag],
        [f"Besparingen van middelen: per hulpvraag x {hulpvragen} hulpvragen per jaar", m.middelen],
        ["Kosten van het hele programma: de begroting, eerste jaar", m.kosten.totaal],
        ["Maatschappelijk saldo", m.saldo],
        ["Overdrachten (in het saldo netto nul)", m.overdrachten],
    ]
    kop = None
    if m.verdeling is not None:
        rijen.append([None] * 8)
        kop = len(rijen) + 4  # de kopregel van de verdelingstabel, onder de vier regels titel, uitleg, leeg en kop
        rijen.append([None] * 8)
        rijen += _regels(m.verdeling)
    b = overzicht(wb, "Maatschappelijk saldo", "Maatschappelijk saldo van de begroting en de verdelingstabel", ["Wat", "Bedrag", *([""] * 6)],
                  rijen, {k: EURO for k in range(1, 7)}, [44, 13, 13, 13, 13, 13, 14, 12], liggend=True,
                  uitleg=kosten_uitleg(m.kosten) + " Waarden bij de begroting zoals doorgerekend; dit blad rekent niet mee "
                  "als u het blad Begroting wijzigt: reken de ingevulde werkmap dan opnieuw door met kostenbaten begroting.")
    if kop is not None:
        b.kopregel(kop, KOLOMMEN)
        pas_rijen_aan(b.ws, len(KOLOMMEN))  # de kopregel breekt af: de rij zo hoog als de tekst
