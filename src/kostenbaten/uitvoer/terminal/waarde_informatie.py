"""`waarde-informatie` in de terminal: het besluit, de EVPI over de parameters, een rangorde naar EVPPI, de steekproef van casussen en de populatie."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kostenbaten.geld import HONDERD, deel
from kostenbaten.model.casus import METHODEN
from kostenbaten.notatie import euro, getal_exact, getal_nl, kans, procent
from kostenbaten.uitvoer.namen import METHODE_NAMEN, evppi_verdeling
from kostenbaten.uitvoer.terminal.cellen import Tabel, bedrag_tekst, zin


def besluit_tabel(u) -> Table:
    tabel = Tabel(
        title="Besluit: financieren als het verwachte netto totaal groter is dan nul",
        title_justify="left",
        caption="Monte-Carlo-schattingen in euro; EVPI: verwachte waarde van volledige informatie over alle parameters "
        "(de invoer met een bereik); "
        "methoden: " + "; ".join(METHODE_NAMEN.values()),
    )
    for kolom, rechts in (("Methode", False), ("Verwacht netto", True), ("Besluit", False), ("Kans ander besluit beter", True), ("EVPI", True), ("± st.fout", True)):
        tabel.add_column(kolom, justify="right" if rechts else "left")
    for methode, b in u.besluiten.items():
        tabel.add_row(
            methode,
            bedrag_tekst(b.verwacht_netto),
            "financieren" if b.financieren else "niet",
            kans(b.kans_ander_besluit),
            bedrag_tekst(b.evpi, 2),
            euro(b.standaardfout, 2),
        )
    return tabel


def invoer_tabel(u) -> Table:
    eerste = METHODEN[0]
    tabel = Tabel(
        title="Wat zekerheid over één invoer waard is (EVPPI), van hoog naar laag",
        title_justify="left",
        caption=f"EVPPI per methode in euro; deel van de EVPI: volgens {METHODE_NAMEN[eerste]}",
    )
    tabel.add_column("Invoer")
    tabel.add_column("Verdeling")
    for methode in METHODEN:
        tabel.add_column(f"EVPPI {methode}", justify="right")
    tabel.add_column("Deel EVPI", justify="right")
    evpi = u.besluiten[eerste].evpi
    for i in u.invoer:
        deel_evpi = procent(deel(i.evppi[eerste] * HONDERD, evpi)) if evpi > 0 else "-"
        stijl = "dim" if all(w == 0 for w in i.evppi.values()) else ""
        tabel.add_row(Text(i.naam, style=stijl), Text(evppi_verdeling(i), style=stijl), *(bedrag_tekst(i.evppi[m], 2) for m in METHODEN), deel_evpi)
    return tabel


def conclusie(u) -> Text:
    eerste = METHODEN[0]
    b = u.besluiten[eerste]
    if not any(u.hangt_af(m) for m in METHODEN):
        return Text(
            "Het besluit hangt niet af van de parameters met een bereik: in geen van de trekkingen, bij geen van beide "
            "methoden, was het andere besluit beter (EVPI € 0). Onderzoek naar deze parameters verandert het besluit niet.",
            style="bold",
        )
    top = u.invoer[0] if u.invoer and u.invoer[0].evppi[eerste] > 0 else None
    tekst = f"Volledige zekerheid over alle parameters is naar schatting {euro(b.evpi)} waard ({METHODE_NAMEN[eerste]})."
    if top is None:
        tekst += " Geen enkele parameter afzonderlijk verandert het besluit; alleen een combinatie doet dat."
    else:
        tekst += f" Het meest waard om uit te zoeken: {top.naam} (tot {euro(top.evppi[eerste])})."
    return Text(tekst, style="bold")


def steekproef_zin(u) -> Text | None:
    s = u.steekproef
    if s is None:
        return None
    if s.aantal < 2:
        return Text("Met één casus is de steekproefonzekerheid niet te meten; een grotere steekproef is nodig om er iets over te zeggen.")
    waarden = ", ".join(f"{euro(w, 2)} ({m})" for m, w in s.waarde_steekproef.items())
    return Text(
        f"Apart: de waarde van een grotere steekproef van casussen (het ware gemiddelde netto in plaats van dat van "
        f"{s.aantal} casussen; bootstrap met {getal_nl(Decimal(s.trekkingen))} trekkingen, zaad {s.zaad}): {waarden} per besluit.",
        style="bold",
    )


def populatie_tabel(u) -> Table:
    p = u.populatie
    tabel = Tabel(
        title=(
            f"Voor {p.besluiten} besluiten per jaar over {p.jaren} jaar, contant tegen {getal_exact(p.disconto)}% "
            f"(factor {getal_nl(p.factor, 2)})"
        ),
        title_justify="left",
        caption="het hoogste bedrag dat onderzoek naar deze invoer waard is (bovengrens); discontovoet: Werkgroep Discontovoet 2020",
    )
    tabel.add_column("Onderzoek naar")
    for methode in METHODEN:
        tabel.add_column(f"Hoogstens {methode}", justify="right")
    tabel.add_row("Alle parameters samen (EVPI)", *(bedrag_tekst(p.evpi[m]) for m in METHODEN))
    for i in u.invoer:
        tabel.add_row(i.naam, *(bedrag_tekst(p.evppi[i.plek][m]) for m in METHODEN))
    tabel.add_section()
    tabel.add_row("Een grotere steekproef van casussen", *(bedrag_tekst(p.steekproef[m]) for m in METHODEN))
    return tabel


def toon(u, console: Console) -> None:
    console.print(
        Text(
            f"Waarde van informatie, pilot {u.berekend.pilot.naam}: {getal_nl(Decimal(u.trekkingen))} trekkingen, zaad {u.zaad}",
            style="bold",
        )
    )
    if not u.heeft_onzekerheid:
        console.print(
            Text(
                "Geen invoer met een bereik: er is geen parameter onzeker, dus informatie over parameters is niets waard"
                + (" (of een cliënt slaagt, is variatie tussen personen, geen parameter)" if u.kansen else "")
                + ". Zie docs/onzekerheid.md om bereiken toe te voegen.",
                style="yellow",
            )
        )
    else:
        console.print(besluit_tabel(u))
        console.print(invoer_tabel(u))
        console.print(zin(conclusie(u), console))
    regel = steekproef_zin(u)
    if regel is not None:
        console.print(zin(regel, console))
    if u.populatie is not None:
        console.print(populatie_tabel(u))
    console.print(
        Text(
            f"Schattingen uit dezelfde trekkingen als kostenbaten onzekerheid; EVPPI met de klassenmethode "
            f"({u.klassen} klassen op volgorde van de invoer; een invoer met weinig waarden per waarde). "
            "Een EVPPI is de bovengrens van wat onderzoek naar die invoer waard is, per besluit. Zie docs/onzekerheid.md.",
            style="dim",
        )
    )
