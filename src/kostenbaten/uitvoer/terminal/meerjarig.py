"""`meerjarig` in de terminal: het jaarbeeld naast de volle looptijd en de contante waarde."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.meerjarig import beelden, beeldtabellen, Meerjarig, Beeldtabel
from kostenbaten.notatie import getal_nl
from kostenbaten.uitvoer.namen import groep_naam
from kostenbaten.uitvoer.terminal.cellen import Tabel, bedrag_tekst


def beeldtabel(v: Beeldtabel, namen: list[str]) -> Table:
    tabel = Tabel(title=v.titel, title_justify="left")
    tabel.add_column(v.eerste_kolom)
    tabel.add_column("Wie")
    for naam in namen:
        tabel.add_column(naam, justify="right")
    vorige = None
    for groep, wie, waarden in v.rijen:
        if vorige is not None and groep != vorige:
            tabel.add_section()
        decimalen = 2 if v.eerste_kolom == "Casus" else 0
        tabel.add_row(groep if groep != vorige else "", groep_naam(wie), *(bedrag_tekst(w, decimalen) for w in waarden))
        vorige = groep
    return tabel


def toon(m: Meerjarig, console: Console) -> None:
    namen = [naam for naam, _ in beelden(m)]
    for v in beeldtabellen(m):
        console.print(beeldtabel(v, namen))
        console.print()
    from kostenbaten.uitvoer.terminal.saldo import ROUTE_NAMEN

    console.print(
        Text(f"Het maatschappelijk saldo rekent in elk beeld met de kosten van het hele programma van één jaar: {ROUTE_NAMEN[m.kosten_route]}.", style="dim")
    )
    factoren = ", ".join(f"jaar {t}: {getal_nl(f, 4)}" for t, f in enumerate(m.jaarfactoren, start=1))
    console.print(
        Text(
            f"Disconto {getal_nl(m.disconto, 2)}% per jaar{f' ({m.herkomst})' if m.herkomst else ''}; een maandbedrag telt in het jaar van zijn maand (maand 1-12 is jaar 1), "
            f"eenmalige posten in jaar 1; jaar 1 wordt niet verdisconteerd. Factoren: {factoren}.",
            style="dim",
        )
    )
