"""`vergelijk` in de terminal: pilots en varianten naast elkaar."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kostenbaten import geld
from kostenbaten.berekening.vergelijking import per_actor
from kostenbaten.model.casus import METHODEN
from kostenbaten.notatie import getal_nl, kans, procent
from kostenbaten.uitvoer.namen import DELEN_NAMEN
from kostenbaten.uitvoer.terminal.cellen import Tabel, getal_tekst

# Per actor drie regels: wat hij betaalt, wat hij wint en het saldo (zoals in `actoren` en `begroting`).
ACTORDELEN = {"kosten": "betaalt", "baten": "wint", "saldo": "saldo"}


def _cel(exact, verdeling, decimalen: int = 0) -> Text:
    cel = getal_tekst(exact, decimalen)
    if verdeling is not None:
        cel.append(f"\n{getal_nl(verdeling.percentielen[5])} tot {getal_nl(verdeling.percentielen[95])}", style="dim")
    return cel


def vergelijk_tabel(kolommen: list) -> Table:
    met_bereik = any(k.onzekerheid is not None for k in kolommen)
    tabel = Tabel(
        title="Vergelijking",
        title_justify="left",
        show_lines=True,
        caption="bedragen in euro, exact berekend bij de meest waarschijnlijke invoer" + (
            "; grijs: 90%-interval (P5 tot P95) van de trekkingen; verwachte waarde: de centrale schatting bij "
            "bereiken; -: zonder bereik" if met_bereik else ""
        ),
    )
    tabel.add_column("")
    for k in kolommen:
        tabel.add_column(k.uitkomst.pilot.naam, justify="right")
    tabel.add_row("Hulpvragen", *(getal_nl(k.uitkomst.extrapolaties["rapport"].hulpvragen) for k in kolommen))
    # Eerst wat de samenleving wint: besparingen van middelen min de kosten van het hele programma, met hun route.
    from kostenbaten.uitvoer.terminal.saldo import ROUTE_NAMEN

    tabel.add_row(
        "Kosten van het hele programma",
        *(ROUTE_NAMEN[k.actoren.maatschappelijk.methoden[METHODEN[0]].kosten.route] for k in kolommen),
    )
    for methode in METHODEN:
        tabel.add_row(
            Text(f"{methode}: maatschappelijk saldo", style="bold"),
            *(getal_tekst(k.actoren.maatschappelijk.methoden[methode].saldo) for k in kolommen),
        )
    tabel.add_row(
        "Gemiddeld per casus",
        *(_cel(k.uitkomst.gemiddelde_netto, k.onzekerheid and k.onzekerheid.gemiddelde_netto, 2) for k in kolommen),
    )
    for methode in METHODEN:
        for deel, naam in DELEN_NAMEN.items():
            tabel.add_row(
                f"{methode}: {naam.lower()}",
                *(
                    _cel(
                        getattr(k.uitkomst.extrapolaties[methode], deel),
                        k.onzekerheid and k.onzekerheid.extrapolaties[methode][deel],
                    )
                    for k in kolommen
                ),
            )
    if met_bereik:
        # De centrale schatting bij bereiken: de verwachte waarde; de cijfers erboven zijn bij de meest waarschijnlijke invoer.
        for methode in METHODEN:
            tabel.add_row(
                f"{methode}: totaal, verwachte waarde",
                *(
                    getal_tekst(k.onzekerheid.extrapolaties[methode]["totaal"].verwacht) if k.onzekerheid else Text("-")
                    for k in kolommen
                ),
            )
    if any("totaal" in k.uitkomst.gepubliceerd for k in kolommen):
        # Het cijfer uit het rapport naast elke kolom, zodat te zien is wat er van de gepubliceerde uitkomst overblijft.
        tabel.add_row(
            "rapport: totaal zoals gepubliceerd",
            *(getal_nl(k.uitkomst.gepubliceerd["totaal"].waarde) if "totaal" in k.uitkomst.gepubliceerd else "-" for k in kolommen),
        )
    if len(kolommen) > 1:
        for methode in METHODEN:
            basis = kolommen[0].uitkomst.extrapolaties[methode].totaal
            tabel.add_row(
                f"{methode}: totaal als deel van {kolommen[0].uitkomst.pilot.naam}",
                *(
                    procent(geld.deel(k.uitkomst.extrapolaties[methode].totaal * geld.HONDERD, basis)) if basis > 0 else "-"
                    for k in kolommen
                ),
            )
    if met_bereik:
        for methode in METHODEN:
            tabel.add_row(
                f"{methode}: kans op verlies",
                *(kans(k.onzekerheid.extrapolaties[methode]["totaal"].kans_negatief) if k.onzekerheid else "-" for k in kolommen),
            )
    return tabel


def actor_tabel(kolommen: list, methode: str) -> Table:
    """Per actor wat hij betaalt, wint en overhoudt, per pilot of variant naast elkaar; '-' waar hij niet meedoet."""
    tabel = Tabel(
        title=f"Wie betaalt en wie wint, per actor (methode {methode}, exact)",
        title_justify="left",
        caption="bedragen in euro per jaar, geëxtrapoleerd naar de hulpvragen van elke kolom",
    )
    tabel.add_column("")
    for k in kolommen:
        tabel.add_column(k.uitkomst.pilot.naam, justify="right")
    for rij in per_actor(kolommen, methode):
        for deel, naam in ACTORDELEN.items():
            tabel.add_row(
                f"{rij.naam}: {naam}",
                *(getal_tekst(getattr(r, deel)) if r is not None else Text("-") for r in rij.regels),
                end_section=deel == "saldo",
            )
    return tabel


def toon(kolommen: list, console: Console, trekkingen: int, zaad: int) -> None:
    console.print(vergelijk_tabel(kolommen))
    for methode in METHODEN:
        console.print(actor_tabel(kolommen, methode))
    if any(k.onzekerheid is not None for k in kolommen):
        console.print(Text(f"Intervallen uit {getal_nl(Decimal(trekkingen))} trekkingen met zaad {zaad}.", style="dim"))
