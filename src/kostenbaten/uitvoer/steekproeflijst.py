"""De lijst van `steekproef` als bestand: CSV (puntkomma, UTF-8 met BOM, zodat Excel de tekens goed toont) of .xlsx.

Elke rij is een getrokken hulpvraag: volgnummer, rechtsgebied, regel in de export,
datum, en daarna de kolommen van de export zelf, plus een lege kolom `Casus` om bij
te houden welke casus uit de hulpvraag is geschreven. Een waarde die met =, +, - of @
begint, staat er als tekst (met een apostrof in CSV), nooit als formule.
"""

from __future__ import annotations

import csv
from pathlib import Path

from kostenbaten.berekening.steekproef import Steekproef
from kostenbaten.model.bestandsnamen import openbaar_pad

FORMULETEKENS = ("=", "+", "-", "@")
VASTE_KOPPEN = ("Nr", "Rechtsgebied", "Regel in de export", "Datum (gelezen)")


def koppen(s: Steekproef) -> list[str]:
    return [*VASTE_KOPPEN, *s.kop, "Casus"]


def regels(s: Steekproef) -> list[list]:
    namen = {st.rechtsgebied: st.naam for st in s.strata}
    return [[r.nr, namen[r.rechtsgebied], r.regel, r.datum, *r.waarden, ""] for r in s.rijen]


def _csv_cel(waarde) -> str:
    tekst = str(waarde)
    return "'" + tekst if tekst.startswith(FORMULETEKENS) else tekst


def lijst(s: Steekproef) -> Steekproef:
    """De lijst als CSV is de steekproef zelf (`schrijf_csv` zet hem regel voor regel in het bestand)."""
    return s


def schrijf_csv(s: Steekproef, doel: Path) -> None:
    """De lijst als CSV met puntkomma's (zoals Excel in het Nederlands hem opent); `uitvoer.lever` maakt het bestand atomair."""
    with open(doel, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow([_csv_cel(k) for k in koppen(s)])
        for rij in regels(s):
            w.writerow([_csv_cel(v) for v in rij])


def werkmap(s: Steekproef):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Steekproef"
    for rij in [koppen(s), *regels(s)]:
        ws.append([None] * len(rij))
        for k, waarde in enumerate(rij, start=1):
            c = ws.cell(row=ws.max_row, column=k)
            c.value = waarde
            if isinstance(waarde, str):
                c.data_type = "s"
                if waarde.startswith(FORMULETEKENS):
                    c.quotePrefix = True
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for k, kop in enumerate(koppen(s), start=1):
        breedste = max([len(str(kop)), *(len(str(r[k - 1])) for r in regels(s))])
        ws.column_dimensions[ws.cell(row=1, column=k).column_letter].width = min(max(breedste + 2, 6), 50)
    uitleg = wb.create_sheet("Toelichting")
    uitleg.append(["Export", openbaar_pad(s.bestand)])
    uitleg.append(["Koppeling", openbaar_pad(s.koppeling)])
    uitleg.append(["Zaad", s.zaad])
    uitleg.append(["Steekproef", s.n])
    uitleg.append(["Hulpvragen met een rechtsgebied", s.totaal])
    uitleg.append(["Zonder rechtsgebied (niet getrokken)", s.zonder_rechtsgebied])
    uitleg.append([])
    uitleg.append(["Rechtsgebied", "Hulpvragen", "Getrokken"])
    for st in s.strata:
        uitleg.append([st.naam, st.hulpvragen, st.getrokken])
    for rij in uitleg.iter_rows():
        for c in rij:
            if isinstance(c.value, str):
                c.data_type = "s"
                if c.value.startswith(FORMULETEKENS):
                    c.quotePrefix = True
    uitleg.column_dimensions["A"].width = 38
    uitleg.column_dimensions["B"].width = 40
    return wb
