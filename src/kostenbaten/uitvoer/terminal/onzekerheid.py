"""`onzekerheid` in de terminal: percentielen, histogram en de kans op verlies."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kostenbaten.notatie import getal_exact, getal_nl, kans
from kostenbaten.uitvoer.namen import DELEN_NAMEN, METHODE_NAMEN, verdeling_tekst
from kostenbaten.uitvoer.terminal.cellen import Tabel, getal_tekst, zin


BALK = 40  # tekens voor de langste histogrambalk


def _tabel(titel: str, eerste: str) -> Table:
    # Kansen zijn smal (100,0%): op een smal scherm breekt hun kop op spaties en houdt de eerste kolom hele woorden.
    tabel = Tabel(
        title=titel,
        title_justify="left",
        caption="bedragen in euro; berekend: zoals kostenbaten bereken; P5 / P50 / P95: percentielen van de trekkingen",
        smalle_koppen={"Kans op verlies": ("Kans op verlies", 7), "Kans baten > kosten": ("Kans baten > kosten", 7)},
    )
    tabel.add_column(eerste)
    for kolom in ("Berekend", "P5", "P50", "P95", "Kans op verlies"):
        tabel.add_column(kolom, justify="right")
    return tabel


def _verdelingscellen(v, decimalen: int = 0) -> list:
    return [
        getal_tekst(v.berekend, decimalen),
        *(getal_tekst(v.percentielen[p], decimalen) for p in (5, 50, 95)),
        kans(v.kans_negatief),
    ]


def invoer_tabel(u) -> Table | Text:
    if not u.heeft_onzekerheid:
        return Text(
            "Geen invoer met een bereik en geen kans van slagen: elke trekking is gelijk aan de berekende waarde. "
            "Zie docs/onzekerheid.md om bereiken toe te voegen.",
            style="yellow",
        )
    tabel = Tabel(title="Invoer met een bereik", title_justify="left")
    tabel.add_column("Invoer")
    tabel.add_column("Verdeling")
    plekken = {i.plek for i in u.invoer}
    for i in u.invoer:
        tabel.add_row(i.naam or i.plek, verdeling_tekst(i.onzeker) + ("; daarna slaagt de casus of niet" if i.plek.endswith(": kans") else ""))
    for nummer in u.kansen:
        if f"casus {nummer}: kans" not in plekken:
            casus = next(c.casus for c in u.berekend.casussen if c.nummer == nummer)
            tabel.add_row(f"Casus {nummer}: kans van slagen", f"{getal_exact(casus.kans.waarde)}: per trekking slaagt de casus of niet")
    return tabel


def casussen_tabel(u) -> Table:
    tabel = _tabel("Netto per casus", "Casus")
    for nummer, v in u.casussen.items():
        tabel.add_row(str(nummer), *_verdelingscellen(v))
    tabel.add_section()
    tabel.add_row(Text("Gemiddeld", style="bold"), *_verdelingscellen(u.gemiddelde_netto, 2))
    return tabel


def extrapolatie_tabel(u) -> Table:
    hulpvragen = u.berekend.extrapolaties["rapport"].hulpvragen
    tabel = _tabel(f"Extrapolatie naar {getal_nl(hulpvragen)} hulpvragen", "Methode: cijfer")
    for methode, delen in u.extrapolaties.items():
        for deel, v in delen.items():
            tabel.add_row(f"{methode}: {DELEN_NAMEN[deel].lower()}", *_verdelingscellen(v))
        tabel.add_section()
    return tabel


def actoren_tabel(u) -> Table:
    """Per actor het geëxtrapoleerde saldo en de kans dat zijn baten zijn kosten overtreffen."""
    tabel = _tabel("Saldo per actor (baten - kosten), geëxtrapoleerd", "Methode: actor")
    tabel.add_column("Kans baten > kosten", justify="right", overflow="fold")
    for methode, actoren in u.actoren.items():
        for a in actoren.values():
            tabel.add_row(f"{methode}: {a.naam}", *_verdelingscellen(a.saldo), kans(a.kans_baten_groter))
        tabel.add_section()
    return tabel


def histogram(u, methode: str) -> Group:
    h = u.histogrammen[methode]
    titel = Text(f"Verdeling van het totaal, methode {METHODE_NAMEN[methode]}", style="bold")
    if len(h.aantallen) == 1:
        return Group(titel, Text(f"alle {getal_nl(Decimal(u.trekkingen))} trekkingen: € {getal_nl(h.randen[0])}"))
    hoogste = max(h.aantallen)
    breedte = max(len(getal_nl(r)) for r in h.randen)
    regels = [titel]
    for i, aantal in enumerate(h.aantallen):
        van, tot = h.randen[i], h.randen[i + 1]
        lengte = round(BALK * aantal / hoogste)
        balk = Text("█" * lengte, style="red" if tot <= 0 else "green" if van >= 0 else "yellow")
        if aantal and not lengte:
            balk = Text("▏", style="dim")
        regels.append(
            Text.assemble(
                f"€ {getal_nl(van):>{breedte}} tot € {getal_nl(tot):>{breedte}} ",
                balk,
                f" {kans(Decimal(aantal) / Decimal(u.trekkingen))}",
            )
        )
    return Group(*regels)


def conclusie(u) -> Text:
    regels = []
    for methode, delen in u.extrapolaties.items():
        v = delen["totaal"]
        regels.append(
            f"Methode {methode}: het totaal ligt met 90% kans tussen € {getal_nl(v.percentielen[5])} "
            f"en € {getal_nl(v.percentielen[95])} "
            f"(mediaan € {getal_nl(v.percentielen[50])}); kans op een negatief totaal: {kans(v.kans_negatief)}."
        )
    return Text("\n".join(regels), style="bold")


def toon(u, console: Console) -> None:
    console.print(
        Text(
            f"Onzekerheid pilot {u.berekend.pilot.naam}: {getal_nl(Decimal(u.trekkingen))} trekkingen, zaad {u.zaad}",
            style="bold",
        )
    )
    console.print(invoer_tabel(u))
    console.print(casussen_tabel(u))
    console.print(extrapolatie_tabel(u))
    if u.actoren:
        console.print(actoren_tabel(u))
    for methode in u.histogrammen:
        console.print(histogram(u, methode))
        console.print()
    if u.heeft_onzekerheid:
        console.print(zin(conclusie(u), console))
    console.print(
        Text(
            "Berekend: de exacte uitkomst van kostenbaten bereken (met een kans van slagen: de verwachtingswaarde). "
            "Hier op hele euro's; JSON en Excel geven percentielen en gemiddelden op centen.",
            style="dim",
        )
    )
