"""`steekproef` in de terminal: de verdeling per rechtsgebied en de getrokken hulpvragen."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console

from kostenbaten.berekening.steekproef import Steekproef
from kostenbaten.notatie import getal_nl
from kostenbaten.uitvoer.terminal.cellen import Tabel


def _quotum(q) -> str:
    """Het exacte quotum op twee decimalen voor het oog (de JSON geeft de breuk)."""
    return getal_nl(Decimal(q.numerator) / Decimal(q.denominator), 2)


def toon(s: Steekproef, console: Console, lijst: str | None = None) -> None:
    console.print(f"Steekproef uit: {s.bestand}" + (f" (blad {s.blad})" if s.blad else ""), markup=False)
    console.print(f"Koppeling: {s.koppeling}", markup=False)
    console.print(
        f"{getal_nl(Decimal(s.n))} van {getal_nl(Decimal(s.totaal))} hulpvragen, aselect met zaad {s.zaad}, "
        "per rechtsgebied naar aandeel (grootste overschotten)",
        markup=False,
    )
    if s.zonder_rechtsgebied:
        console.print(
            f"Niet in de trekking: {getal_nl(Decimal(s.zonder_rechtsgebied))} hulpvragen met een onderwerp dat de koppeling niet kent",
            markup=False,
        )
    tabel = Tabel(title="Verdeling per rechtsgebied", title_justify="left")
    tabel.add_column("Rechtsgebied")
    tabel.add_column("Hulpvragen", justify="right")
    tabel.add_column("Quotum", justify="right")
    tabel.add_column("Getrokken", justify="right")
    for st in s.strata:
        tabel.add_row(st.naam, getal_nl(Decimal(st.hulpvragen)), _quotum(st.quotum), getal_nl(Decimal(st.getrokken)))
    console.print(tabel)
    if lijst is not None:
        console.print(f"Lijst: {lijst}", markup=False)
        return
    namen = {st.rechtsgebied: st.naam for st in s.strata}
    rijen = Tabel(title="Getrokken hulpvragen", title_justify="left")
    for kop in ("Nr", "Rechtsgebied", "Regel", "Datum", "Onderwerp"):
        rijen.add_column(kop, justify="right" if kop in ("Nr", "Regel") else "left")
    onderwerp = s.onderwerpkolom
    for r in s.rijen:
        rijen.add_row(str(r.nr), namen[r.rechtsgebied], str(r.regel), r.datum, r.waarden[onderwerp] if onderwerp is not None else "")
    console.print(rijen)

