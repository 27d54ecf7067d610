"""De meerjarige vergelijking als werkmap: per beeld de bedragen, en de conventie met horizon en factoren."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from kostenbaten.berekening.meerjarig import CONVENTIE, Meerjarig, beelden, vergelijkingen
from kostenbaten.uitvoer.excel.blad import tabelblad, zonder_leeg_blad


def werkmap(m: Meerjarig) -> Workbook:
    map_ = Workbook()
    namen = [naam for naam, _ in beelden(m)]
    for v, titel in zip(vergelijkingen(m), ("Per casus", "Extrapolatie", "Actoren")):
        tabelblad(map_, titel, [v.eerste_kolom, "Wie", *namen], ([groep, wie, *waarden] for groep, wie, waarden in v.rijen))
    conventie = [
        ["Horizon (jaren)", m.horizon],
        ["Discontovoet (% per jaar)", m.disconto],
        ["Conventie", CONVENTIE],
        *([f"Factor jaar {t}", f.quantize(Decimal("1e-12"))] for t, f in enumerate(m.jaarfactoren, start=1)),
    ]
    blad = tabelblad(map_, "Conventie", ["Wat", "Waarde"], conventie, geld=False)
    blad.column_dimensions["B"].width = 100
    return zonder_leeg_blad(map_)
