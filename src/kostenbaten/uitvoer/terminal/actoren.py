"""`actoren` in de terminal: wie betaalt en wie wint, per casus en geëxtrapoleerd."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.notatie import euro, getal_nl
from kostenbaten.uitvoer.namen import groep_naam
from kostenbaten.uitvoer.terminal.cellen import Tabel, bedrag_tekst, zin


def actoren_per_casus(a: ActorenUitkomst) -> Table:
    tabel = Tabel(title="Wie betaalt en wie wint, per casus", title_justify="left")
    for kolom in ("Casus", "Actor", "Groep", "Betaalt", "Wint", "Saldo"):
        tabel.add_column(kolom, justify="right" if kolom in ("Betaalt", "Wint", "Saldo") else "left")
    for t in a.casussen:
        for r in t.regels:
            if r.kosten or r.baten:
                tabel.add_row(t.wat, r.naam, groep_naam(r.groep), bedrag_tekst(r.kosten), bedrag_tekst(r.baten), bedrag_tekst(r.saldo))
        tabel.add_section()
    return tabel


def _verhouding(v: Decimal | None) -> str:
    """Baten/kosten op twee decimalen; zonder kosten 'geen kosten'."""
    return "geen kosten" if v is None else getal_nl(v, 2)


def actoren_extrapolatie(a: ActorenUitkomst, methode: str, pub: dict | None = None) -> Table:
    t = a.extrapolaties[methode]
    tabel = Tabel(
        title=f"Wie betaalt en wie wint, geëxtrapoleerd (methode {methode}, exact)",
        title_justify="left",
        smalle_koppen={"Baten/kosten": ("Baten/ kosten", 7)},
    )
    for kolom in ("Actor", "Groep", "Betaalt", "Wint", "Saldo", "Baten/kosten"):
        tabel.add_column(kolom, justify="left" if kolom in ("Actor", "Groep") else "right")
    for r in t.regels:
        tabel.add_row(
            r.naam, groep_naam(r.groep), bedrag_tekst(r.kosten), bedrag_tekst(r.baten), bedrag_tekst(r.saldo), _verhouding(r.verhouding)
        )
    tabel.add_section()
    tabel.add_row(
        Text("Totaal", style="bold"), "", bedrag_tekst(t.kosten), bedrag_tekst(t.baten), bedrag_tekst(t.saldo), _verhouding(t.verhouding)
    )
    per_groep = t.per_groep()
    for groep, actoren in a.koppeling.items():
        # De tweedeling cliënt / overheid (de methode van de KBA Hengelo), zoals in de werkmap: de groep, dan de actoren die erin vallen.
        namen = " + ".join(r.naam for r in t.regels if r.actor in actoren) or "-"
        if groep == "overig" and not actoren:
            continue  # de derde groep alleen als er een actor in valt
        tabel.add_row(Text(f"groep {groep_naam(groep)}", style="italic"), namen, "", "", bedrag_tekst(per_groep[groep]))
    if pub and "client" in pub:
        for groep in ("client", "overheid"):
            tabel.add_row(
                Text(f"groep {groep_naam(groep)}, zoals gepubliceerd", style="italic"),
                f"{euro(pub['totaal'].waarde)} x {getal_nl(pub[f'aandeel_{groep}'].waarde)}%",
                "",
                "",
                bedrag_tekst(pub[groep].waarde),
            )
    return tabel


def toon(a: ActorenUitkomst, console: Console, pub: dict | None = None) -> None:
    s = a.maatschappelijk
    if s is not None:
        # Eerst wat de samenleving wint en wie wat krijgt, dan de verdeling volgens de methode van de KBA Hengelo.
        from kostenbaten.uitvoer.terminal.saldo import saldo_zin, verdelingstabel, verschillen

        console.print(zin(saldo_zin(s.methoden["rapport"]), console))
        console.print()
        console.print(verdelingstabel(s, "rapport"))
        console.print(verdelingstabel(s, "rapport", gedekt=True))
        console.print()
    console.print(actoren_per_casus(a))
    console.print()
    for methode in a.extrapolaties:
        console.print(actoren_extrapolatie(a, methode, pub if methode == "rapport" else None))
        console.print()
    if s is not None:
        console.print(verschillen(s, kosten_uitleg=False))
