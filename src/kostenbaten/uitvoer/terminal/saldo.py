"""Het maatschappelijk saldo en de verdelingstabel in de terminal, gedeeld door `bereken` en `actoren`."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.saldo import ROUTE_REGISTRATIE, Saldo, SaldoUitkomst
from kostenbaten.notatie import euro, getal_nl
from kostenbaten.uitvoer.namen import groep_label, rekensom_tekst
from kostenbaten.uitvoer.terminal.cellen import Tabel, bedrag_tekst

ROUTE_NAMEN = {
    ROUTE_REGISTRATIE: "geregistreerde uren x tarieven",
    "casussen": "gemiddelde kosten van een casus x alle hulpvragen",
    "begroting": "de kosten van de begroting",
}


def begroting_saldo_zin(s) -> Text:
    """Het maatschappelijk saldo van een begroting (`berekening.saldo.BegrotingSaldo`) in één zin, met de kostenroute."""
    return Text(
        f"Maatschappelijk saldo: {euro(s.saldo)}. Besparingen van middelen {euro(s.middelen)} "
        f"({euro(s.middelen_per_hulpvraag, 2)} per hulpvraag x {getal_nl(s.kosten.hulpvragen)} hulpvragen, methode {s.methode}) "
        f"min de kosten van het hele programma {euro(s.kosten.totaal)} ({ROUTE_NAMEN[s.kosten.route]}, eerste jaar); "
        f"overdrachten ({euro(s.overdrachten)}) tellen voor nul.",
        style="bold",
    )


def saldo_zin(s: Saldo) -> Text:
    """Wat de samenleving wint, in één zin: besparingen van middelen min de kosten van het hele programma."""
    return Text(
        f"Maatschappelijk saldo: {euro(s.saldo)}. Besparingen van middelen {euro(s.middelen)} "
        f"(naar {getal_nl(s.gedekt)} gedekte hulpvragen) min de kosten van alle {getal_nl(s.kosten.hulpvragen)} hulpvragen "
        f"{euro(s.kosten.totaal)} ({ROUTE_NAMEN[s.kosten.route]}); overdrachten ({euro(s.overdrachten)}) tellen voor nul. "
        f"Met alleen de kosten van de gedekte hulpvragen ({euro(s.kosten_gedekt)}): {euro(s.saldo_gedekt)}.",
        style="bold",
    )


def saldo_tabel(u: SaldoUitkomst) -> Table:
    """Per methode: middelen, overdrachten, kosten en het saldo, met de kosten van alle en van de gedekte hulpvragen."""
    tabel = Tabel(
        title="Maatschappelijk saldo (exact)",
        title_justify="left",
        caption="overdrachten: geld van de ene partij naar de andere, in het saldo netto nul; "
        "breder economisch effect: apart, niet in het saldo",
    )
    for kolom in ("Methode", "Middelen", "Overdrachten", "Kosten alle hulpvragen", "Saldo", "Kosten gedekt", "Saldo gedekt"):
        tabel.add_column(kolom, justify="left" if kolom == "Methode" else "right")
    for m, s in u.methoden.items():
        tabel.add_row(
            m, bedrag_tekst(s.middelen), bedrag_tekst(s.overdrachten), bedrag_tekst(s.kosten.totaal),
            Text.assemble(bedrag_tekst(s.saldo), style="bold"), bedrag_tekst(s.kosten_gedekt), bedrag_tekst(s.saldo_gedekt),
        )
    breder = [s for s in u.methoden.values() if s.breder]
    for s in breder:
        tabel.add_row(Text(f"breder economisch effect ({s.methode}), niet in het saldo", style="italic"), "", "", "", bedrag_tekst(s.breder))
    return tabel


def verdelingstabel(u: SaldoUitkomst, methode: str, gedekt: bool = False) -> Table:
    """Per actor: betaalt, bespaart aan middelen, ontvangt en geeft aan overdrachten, en het saldo; de som is het maatschappelijk saldo."""
    s = u.methoden[methode]
    t = s.verdeling_gedekt if gedekt else s.verdeling
    kosten = "de gedekte hulpvragen" if gedekt else f"alle {getal_nl(s.kosten.hulpvragen)} hulpvragen"
    met_breder = any(r.breder for r in t.regels)
    tabel = Tabel(
        title=f"Verdelingstabel (methode {methode}, kosten van {kosten}, exact)",
        title_justify="left",
        caption="Ontvangt en Geeft: overdrachten, samen nul; Samen: het maatschappelijk saldo",
    )
    kolommen = ["Actor", "Betaalt", "Middelen", "Ontvangt", "Geeft", "Saldo"] + (["Breder (niet in saldo)"] if met_breder else [])
    for kolom in kolommen:
        tabel.add_column(kolom, justify="left" if kolom == "Actor" else "right")
    for r in t.regels:
        tabel.add_row(
            r.naam, bedrag_tekst(r.betaalt), bedrag_tekst(r.middelen), bedrag_tekst(r.ontvangt), bedrag_tekst(r.geeft),
            bedrag_tekst(r.saldo), *([bedrag_tekst(r.breder)] if met_breder else []),
        )
    tabel.add_section()
    tabel.add_row(
        Text("Samen", style="bold"), bedrag_tekst(t.totaal("betaalt")), bedrag_tekst(t.totaal("middelen")),
        bedrag_tekst(t.totaal("ontvangt")), bedrag_tekst(t.totaal("geeft")), bedrag_tekst(t.saldo),
        *([bedrag_tekst(t.totaal("breder"))] if met_breder else []),
    )
    for groep, saldo in t.per_groep().items():
        # Het saldo per groep; de onbekende betaler van een overdracht zonder 'van' staat apart, niet bij de overheid.
        tabel.add_row(Text(groep_label(groep), style="italic"), "", "", "", "", bedrag_tekst(saldo), *([""] if met_breder else []))
    return tabel


def verschillen(u: SaldoUitkomst, kosten_uitleg: bool = True) -> Group:
    """De methode van de KBA Hengelo, met waarin ze van het maatschappelijk saldo verschilt."""
    regels = [Text("De extrapolatie naar cliënt en overheid volgt de methode van de KBA Hengelo. Anders dan het maatschappelijk saldo:", style="dim")]
    regels += [Text(f"- {v}", style="dim") for v in u.verschillen]
    if kosten_uitleg:
        s = next(iter(u.methoden.values()))
        regels.append(Text(f"Kosten van het hele programma: {rekensom_tekst(s.kosten.uitleg)} (zie docs/methode.md).", style="dim"))
    return Group(*regels)
