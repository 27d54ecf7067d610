"""`onzekerheid` in de terminal: de verwachte waarde, de twee soorten spreiding, de steekproef van casussen en de kans op verlies."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kostenbaten.notatie import getal_exact, getal_nl, kans
from kostenbaten.uitvoer.namen import DELEN_NAMEN, METHODE_NAMEN, centrum_zin, spreiding_zin, steekproef_zinnen, verdeling_tekst
from kostenbaten.uitvoer.terminal.cellen import SMAL_SCHERM, Tabel, getal_tekst, zin


BALK = 40  # tekens voor de langste histogrambalk
KOLOMMEN = ("Verwacht", "Meest waarschijnlijk", "P5", "P50", "P95", "Kans op verlies")
_SMAL = {"smal": False}  # op een smal scherm vervalt de kolom P50 (de mediaan), zodat bedragen heel blijven


def _kolommen() -> tuple[str, ...]:
    return tuple(k for k in KOLOMMEN if not (_SMAL["smal"] and k == "P50"))


def _tabel(titel: str, eerste: str, onderschrift: str = "") -> Table:
    # Kansen zijn smal (100,0%): op een smal scherm breekt hun kop op spaties en houdt de eerste kolom hele woorden.
    tabel = Tabel(
        title=titel,
        title_justify="left",
        caption="bedragen in euro; verwacht: de verwachte waarde (centrale schatting); meest waarschijnlijk: zoals "
        "kostenbaten bereken; " + ("P5 / P95" if _SMAL["smal"] else "P5 / P50 / P95")
        + ": percentielen van de trekkingen" + onderschrift,
        smalle_koppen={
            "Kans op verlies": ("Kans op verlies", 7),
            "Kans op winst": ("Kans op winst", 7),
            "Meest waarschijnlijk": ("Meest waar- schijnlijk", 10),
        },
    )
    tabel.add_column(eerste)
    for kolom in _kolommen():
        tabel.add_column(kolom, justify="right")
    return tabel


def _verdelingscellen(v, decimalen: int = 0) -> list:
    return [
        getal_tekst(v.verwacht, decimalen),
        getal_tekst(v.berekend, decimalen),
        *(getal_tekst(v.percentielen[p], decimalen) for p in ((5, 95) if _SMAL["smal"] else (5, 50, 95))),
        kans(v.kans_negatief),
    ]


def invoer_tabel(u) -> Table | Text:
    if not u.heeft_onzekerheid:
        return Text(
            "Geen invoer met een bereik en geen kans van slagen: elke trekking is gelijk aan de berekende waarde. "
            "De onzekerheid van weinig casussen staat hieronder apart. Zie docs/onzekerheid.md om bereiken toe te voegen.",
            style="yellow",
        )
    tabel = Tabel(title="Invoer met een bereik (parameters) en kansen van slagen", title_justify="left")
    tabel.add_column("Invoer")
    tabel.add_column("Verdeling")
    for i in u.invoer:
        tabel.add_row(i.naam or i.plek, verdeling_tekst(i.onzeker))
    for nummer in u.kansen:
        casus = next(c.casus for c in u.berekend.casussen if c.nummer == nummer)
        p = "de getrokken kans" if casus.kans.heeft_bereik else getal_exact(casus.kans.waarde)
        tabel.add_row(
            f"Casus {nummer}: uitkomst per hulpvraag",
            f"binomiaal: van de hulpvragen die de casus vertegenwoordigt slaagt elk met {p}",
        )
    return tabel


def casussen_tabel(u) -> Table:
    tabel = _tabel("Netto van één hulpvraag als deze casus", "Casus", "; een casus met een kans slaagt of niet")
    for nummer, v in u.casussen.items():
        tabel.add_row(str(nummer), *_verdelingscellen(v))
    tabel.add_section()
    tabel.add_row(Text("Gemiddeld per hulpvraag", style="bold"), *_verdelingscellen(u.gemiddelde_netto, 2))
    return tabel


def extrapolatie_tabel(u) -> Table:
    hulpvragen = u.berekend.extrapolaties["rapport"].hulpvragen
    tabel = _tabel(
        f"Extrapolatie naar {getal_nl(hulpvragen)} hulpvragen", "Methode: cijfer",
        "; alleen parameters: de verwachting over de hulpvragen bij de getrokken parameters",
    )
    for methode, delen in u.extrapolaties.items():
        for deel, v in delen.items():
            if deel == "overig" and not u.berekend.heeft_overig:
                continue  # de derde groep alleen als een post erbij hoort (JSON geeft haar altijd)
            tabel.add_row(f"{methode}: {DELEN_NAMEN[deel].lower()}", *_verdelingscellen(v))
            if u.kansen and u.parameters:
                label = "  parameters" if _SMAL["smal"] else "  alleen parameters"
                tabel.add_row(Text(label, style="dim"), *_verdelingscellen(u.parameters[methode][deel]))
        if methode in u.saldo:
            # Het maatschappelijk saldo naast de totalen, met de route van de kosten (docs/methode.md).
            tabel.add_row(f"{methode}: maatschappelijk saldo", *_verdelingscellen(u.saldo[methode]))
        tabel.add_section()
    return tabel


def spreiding_zinnen(u) -> list[str]:
    """Waar de spreiding van het totaal vandaan komt: de kleine steekproef, de parameters en de uitkomsten per hulpvraag."""
    return [spreiding_zin(u)] if u.spreiding else []


def steekproef_tabel(u) -> Table:
    s = u.steekproef
    tabel = Tabel(
        title=f"Weinig casussen: de steekproef van {s.aantal} casussen",
        title_justify="left",
        caption="bedragen in euro; netto per casus bij verwachte invoer; bootstrap: casussen getrokken met teruglegging "
        "(gewogen: binnen elk rechtsgebied)",
        smalle_koppen={"Kans op verlies": ("Kans op verlies", 7)},
    )
    tabel.add_column("Cijfer")
    for kolom in ("Schatting", "P5", "P95", "Kans op verlies"):
        tabel.add_column(kolom, justify="right")
    if s.t_interval is not None:
        tabel.add_row("Gemiddeld per casus: t-interval 90%", getal_tekst(s.gemiddelde, 2), getal_tekst(s.t_interval[0], 2),
                      getal_tekst(s.t_interval[1], 2), "")
    b = s.gemiddelde_bootstrap
    tabel.add_row("Gemiddeld per casus: bootstrap", getal_tekst(s.gemiddelde, 2), getal_tekst(b[5], 2), getal_tekst(b[95], 2), "")
    for methode in s.totaal_bootstrap:
        t = s.totaal_bootstrap[methode]
        tabel.add_row(f"{methode}: totaal, bootstrap", getal_tekst(u.centrum.verwacht.extrapolaties[methode].totaal),
                      getal_tekst(t[5]), getal_tekst(t[95]), kans(s.kans_negatief[methode]))
    return tabel


def actoren_tabel(u) -> Table:
    """Per actor het geëxtrapoleerde saldo; de kans op winst alleen voor een actor die kosten draagt."""
    tabel = _tabel("Saldo per actor (baten - kosten), geëxtrapoleerd", "Methode: actor",
                   "; kans op winst: alleen voor wie kosten draagt")
    tabel.add_column("Kans op winst", justify="right", overflow="fold")
    for methode, actoren in u.actoren.items():
        for a in actoren.values():
            winst = Text("ontvangt alleen", style="dim") if a.ontvangt_alleen else kans(a.kans_baten_groter)
            tabel.add_row(f"{methode}: {a.naam}", *_verdelingscellen(a.saldo), winst)
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
    _SMAL["smal"] = console.width < SMAL_SCHERM
    console.print(
        Text(
            f"Onzekerheid pilot {u.berekend.pilot.naam}: {getal_nl(Decimal(u.trekkingen))} trekkingen, zaad {u.zaad}",
            style="bold",
        )
    )
    for methode in u.extrapolaties:
        console.print(zin(Text(centrum_zin(u, methode), style="bold"), console))
    console.print(zin(Text(u.centrum.reden[0].upper() + u.centrum.reden[1:] + ".", style="dim"), console))
    console.print(invoer_tabel(u))
    console.print(casussen_tabel(u))
    console.print(extrapolatie_tabel(u))
    if u.kosten_route is not None:
        from kostenbaten.uitvoer.terminal.saldo import ROUTE_NAMEN

        console.print(Text(
            "Maatschappelijk saldo: besparingen van middelen min de kosten van het hele programma "
            f"({ROUTE_NAMEN[u.kosten_route]}); overdrachten tellen voor nul.", style="dim",
        ))
    for regel in spreiding_zinnen(u):
        console.print(zin(regel, console))
    if u.steekproef is not None:
        console.print(steekproef_tabel(u))
        for regel in steekproef_zinnen(u.steekproef):
            console.print(zin(regel, console))
    if u.actoren:
        console.print(actoren_tabel(u))
    for methode in u.histogrammen:
        console.print(histogram(u, methode))
        console.print()
    if u.heeft_onzekerheid:
        console.print(zin(conclusie(u), console))
    console.print(
        Text(
            "Meest waarschijnlijk: de exacte uitkomst van kostenbaten bereken (met de meest waarschijnlijke waarde van elk "
            "bereik; een kans van slagen als verwachting). Hier op hele euro's; JSON en Excel geven centen.",
            style="dim",
        )
    )
