"""De meerjarige vergelijking als werkmap: per beeld de bedragen, en de conventie met horizon en factoren.

Elk blad drukt af op A4, staand en één pagina breed.
"""

from __future__ import annotations

from openpyxl import Workbook

from kostenbaten.berekening.meerjarig import CONVENTIE, Meerjarig, beelden, beeldtabellen
from kostenbaten.uitvoer.excel.blad import EURO, NL, PROCENT_GETAL, overzicht, zonder_formules
from kostenbaten.uitvoer.namen import DELEN_NAMEN, KOSTENROUTE_NAMEN, METHODE_NAMEN

WIE = {**DELEN_NAMEN, "netto": "Netto"}
FACTOR = NL + "0.000000"


def _groep(eerste_kolom: str, groep: str) -> str:
    return f"Casus {groep}" if eerste_kolom == "Casus" else METHODE_NAMEN.get(groep, groep)


def werkmap(m: Meerjarig) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    namen = [naam for naam, _ in beelden(m)]
    route = "Kosten van het hele programma van één jaar, in elk beeld: " + KOSTENROUTE_NAMEN.get(m.kosten_route, m.kosten_route) + "."
    for v, blad in zip(beeldtabellen(m), ("Per casus", "Extrapolatie", "Actoren", "Maatschappelijk saldo")):
        rijen = [[_groep(v.eerste_kolom, groep), WIE.get(wie, wie), *waarden] for groep, wie, waarden in v.rijen]
        koppen = [v.eerste_kolom, "Wie", *namen]
        overzicht(wb, blad, v.titel, koppen, rijen, {k: EURO for k in range(2, 2 + len(namen))}, [28, 22, 18, 18, 18],
                  **({"uitleg": route} if blad == "Maatschappelijk saldo" else {}))
    conventie = [
        ["Horizon", f"{m.horizon} jaar"],
        ["Discontovoet per jaar", m.disconto],
        ["Conventie", CONVENTIE],
        *([f"Factor jaar {t}", f] for t, f in enumerate(m.jaarfactoren, start=1)),
        *([["Herkomst discontovoet", m.herkomst]] if m.herkomst else []),
    ]
    b = overzicht(wb, "Conventie", "Conventie van de contante waarde", ["Wat", "Waarde"], conventie, {}, [26, 60])
    b.ws["B5"].number_format = PROCENT_GETAL
    for r in range(7, 7 + len(m.jaarfactoren)):
        b.ws[f"B{r}"].number_format = FACTOR
    return zonder_formules(wb)
