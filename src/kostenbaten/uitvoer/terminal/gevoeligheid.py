"""`gevoeligheid` in de terminal: tornadodiagram per methode en de omslagpunten."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.gevoeligheid import Gevoeligheid
from kostenbaten.geld import NUL
from kostenbaten.notatie import euro, getal, met_eenheid
from kostenbaten.uitvoer.namen import omslagpunt_tekst
from kostenbaten.uitvoer.terminal.cellen import Tabel, bedrag_tekst


# Invoer omlaag en omhoog: elk een eigen kleur én een eigen teken, zodat het ook zonder kleur leesbaar is.
_LAAG = ("░", "magenta")
_HOOG = ("█", "cyan")
HALVE_BREEDTE = 8


def _balk(lengte_links: int, links: tuple[str, str], lengte_rechts: int, rechts: tuple[str, str]) -> Text:
    """Eén tornadobalk rond de as `│`: links wat het totaal verlaagt, rechts wat het verhoogt."""
    tekst = Text(" " * (HALVE_BREEDTE - lengte_links))
    tekst.append(links[0] * lengte_links, style=links[1])
    tekst.append("│", style="dim")
    tekst.append(rechts[0] * lengte_rechts, style=rechts[1])
    tekst.append(" " * (HALVE_BREEDTE - lengte_rechts))
    return tekst


def _lengte(afwijking: Decimal, grootste: Decimal) -> int:
    if afwijking <= 0 or grootste <= 0:
        return 0
    return max(1, int((afwijking * HALVE_BREEDTE / grootste).to_integral_value()))


def tornado(g: Gevoeligheid, methode: str) -> Table:
    stap = getal(g.stap)
    basis = g.basis[methode]
    rijen = g.gesorteerd(methode)
    grootste = max((max(abs(v.effecten[methode].laag - basis), abs(v.effecten[methode].hoog - basis)) for v in rijen), default=NUL)
    tabel = Tabel(
        title=f"Tornado, methode {methode}: totaal {euro(basis)} bij de basiswaarden; elke invoer -{stap}% en +{stap}%",
        title_justify="left",
        caption=Text.assemble(_LAAG, f" invoer -{stap}%   ", _HOOG, f" invoer +{stap}%   (gesorteerd op zwaai)"),
    )
    tabel.add_column("Invoer")
    tabel.add_column("Nu", justify="right")
    tabel.add_column(f"-{stap}%", justify="right")
    tabel.add_column(f"+{stap}%", justify="right")
    tabel.add_column("", no_wrap=True)
    for v in rijen:
        e = v.effecten[methode]
        links = rechts = (0, (" ", ""))
        for totaal, teken in ((e.laag, _LAAG), (e.hoog, _HOOG)):
            if totaal < basis:
                links = max(links, (_lengte(basis - totaal, grootste), teken))
            elif totaal > basis:
                rechts = max(rechts, (_lengte(totaal - basis, grootste), teken))
        nu = getal(v.invoer.basis) if v.invoer.eenheid == "hulpvragen" else met_eenheid(v.invoer.basis, v.invoer.eenheid)
        tabel.add_row(v.invoer.label, nu, bedrag_tekst(e.laag), bedrag_tekst(e.hoog), _balk(*links, *rechts))
    return tabel


def omslagpunten(g: Gevoeligheid, plek=None, saldo: bool = False) -> Table:
    """Per invoer de waarde waarbij het totaal nul wordt; met `saldo` het maatschappelijk saldo in plaats van het totaal."""
    wat = "het maatschappelijk saldo" if saldo else "het geëxtrapoleerde totaal"
    tabel = Tabel(title=f"Omslagpunten: bij welke waarde wordt {wat} nul?", title_justify="left")
    tabel.add_column("Invoer", overflow="fold")
    tabel.add_column("Nu", justify="right")
    for methode in g.basis:
        tabel.add_column(f"Omslagpunt {methode}", overflow="fold")
    for v in g.variaties:
        effecten = [(v.saldo_effecten if saldo else v.effecten)[m] for m in g.basis]
        naam = Text(v.invoer.naam)
        if plek is not None and v.invoer.plek is not None:
            naam.append(f"\n{plek(*v.invoer.plek)}", style="dim")
        tabel.add_row(
            naam,
            met_eenheid(v.invoer.basis, v.invoer.eenheid),
            *(Text(omslagpunt_tekst(e.omslagpunt, v.invoer.eenheid), style="bold" if e.omslagpunt.waarde is not None else "dim") for e in effecten),
        )
    return tabel


def toon(g: Gevoeligheid, console: Console, plek=None) -> None:
    for methode in g.basis:
        console.print(tornado(g, methode))
        console.print()
    console.print(omslagpunten(g, plek))
    if g.saldo_basis:
        saldi = ", ".join(f"{m} {euro(b)}" for m, b in g.saldo_basis.items())
        console.print()
        from kostenbaten.uitvoer.terminal.saldo import ROUTE_NAMEN

        route = f": {ROUTE_NAMEN[g.kosten_route]}" if g.kosten_route else ""
        console.print(Text(f"Maatschappelijk saldo nu: {saldi} (besparingen van middelen min de kosten van het hele programma{route}).", style="bold"))
        console.print(omslagpunten(g, plek, saldo=True))
