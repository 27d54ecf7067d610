"""De analyses in de terminal (rich): uitlegboom, tornadodiagram, meerjarig overzicht en actorentabel."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.berekening.gevoeligheid import Gevoeligheid, tekst_met_eenheid
from kostenbaten.berekening.meerjarig import Meerjarig, Vergelijking, beelden, vergelijkingen
from kostenbaten.berekening.uitleg import Knoop
from kostenbaten.geld import NUL, decimalen_voor, euro, getal_nl
from kostenbaten.uitvoer.terminal import bedrag_tekst, groep_naam


def _decimalen(waarde: Decimal) -> int:
    return decimalen_voor([waarde])


def waarde_tekst(waarde: Decimal, eenheid: str) -> Text:
    """Een waarde met zijn eenheid: € 1.614, 66% of 198 hulpvragen."""
    if eenheid == "euro":
        return bedrag_tekst(waarde, _decimalen(waarde))
    if eenheid == "procent":
        return Text(f"{getal_nl(waarde, _decimalen(waarde))}%")
    return Text(f"{getal_nl(waarde, _decimalen(waarde))} {eenheid}")


def _knooptekst(k: Knoop) -> Text:
    tekst = Text.assemble((k.label, "bold"), ": ", waarde_tekst(k.waarde, k.eenheid))
    if k.rekensom:
        tekst.append(f"   {k.rekensom}", style="cyan")
    if k.waar:
        tekst.append("\n" + "   ".join(k.waar), style="dim")
    if k.bron:
        tekst.append(f"\nbron: {k.bron}", style="dim italic")
    if k.let_op:
        tekst.append(f"\nlet op: {k.let_op}", style="yellow")
    return tekst


def uitleg_boom(k: Knoop, boom: Tree | None = None, diepte: int | None = None) -> Tree:
    """De uitleg als rich-boom; met `diepte` stopt de boom na zoveel niveaus onder de top."""
    tak = Tree(_knooptekst(k), guide_style="dim") if boom is None else boom.add(_knooptekst(k))
    if diepte is not None and diepte <= 0 and k.kinderen:
        onder = sum(1 for _ in k.alle()) - 1
        tak.add(Text(f"... {onder} onderliggende stappen (kies een grotere --diepte)", style="dim italic"))
        return tak
    for kind in k.kinderen:
        uitleg_boom(kind, tak, None if diepte is None else diepte - 1)
    return tak


def toon_uitleg(k: Knoop, console: Console, diepte: int | None = None) -> None:
    console.print(uitleg_boom(k, diepte=diepte))


def toon_figuren(figuren: list[tuple[str, str, Knoop]], console: Console) -> None:
    tabel = Table(title="Uit te leggen cijfers (kostenbaten uitleg MAP CIJFER)", title_justify="left")
    tabel.add_column("Cijfer")
    tabel.add_column("Waarde", justify="right")
    tabel.add_column("Wat")
    for naam, omschrijving, knoop in figuren:
        tabel.add_row(naam, waarde_tekst(knoop.waarde, knoop.eenheid), omschrijving)
    console.print(tabel)


# -- gevoeligheid ------------------------------------------------------------------

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
    stap = getal_nl(g.stap, _decimalen(g.stap))
    basis = g.basis[methode]
    rijen = g.gesorteerd(methode)
    grootste = max((max(abs(v.effecten[methode].laag - basis), abs(v.effecten[methode].hoog - basis)) for v in rijen), default=NUL)
    tabel = Table(
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
        nu = getal_nl(v.knop.basis, _decimalen(v.knop.basis)) if v.knop.eenheid == "hulpvragen" else tekst_met_eenheid(v.knop.basis, v.knop.eenheid)
        tabel.add_row(v.knop.label, nu, bedrag_tekst(e.laag), bedrag_tekst(e.hoog), _balk(*links, *rechts))
    return tabel


def omslagpunten(g: Gevoeligheid, plek=None) -> Table:
    tabel = Table(title="Omslagpunten: bij welke waarde wordt het geëxtrapoleerde totaal nul?", title_justify="left")
    tabel.add_column("Invoer", overflow="fold")
    tabel.add_column("Nu", justify="right")
    for methode in g.basis:
        tabel.add_column(f"Omslagpunt {methode}", overflow="fold")
    for v in g.variaties:
        effecten = [v.effecten[m] for m in g.basis]
        naam = Text(v.knop.naam)
        if plek is not None and v.knop.plek is not None:
            naam.append(f"\n{plek(*v.knop.plek)}", style="dim")
        tabel.add_row(
            naam,
            tekst_met_eenheid(v.knop.basis, v.knop.eenheid),
            *(Text(e.omslagpunt.reden, style="bold" if e.omslagpunt.waarde is not None else "dim") for e in effecten),
        )
    return tabel


def toon_gevoeligheid(g: Gevoeligheid, console: Console, plek=None) -> None:
    for methode in g.basis:
        console.print(tornado(g, methode))
        console.print()
    console.print(omslagpunten(g, plek))


# -- actoren --------------------------------------------------------------------------


def actoren_per_casus(a: ActorenUitkomst) -> Table:
    tabel = Table(title="Wie betaalt en wie wint, per casus", title_justify="left")
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
    tabel = Table(title=f"Wie betaalt en wie wint, geëxtrapoleerd (methode {methode}, exact)", title_justify="left")
    for kolom in ("Actor", "Groep", "Betaalt", "Wint", "Saldo", "Baten/kosten"):
        tabel.add_column(kolom, justify="right" if kolom in ("Betaalt", "Wint", "Saldo", "Baten/kosten") else "left")
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
        namen = " + ".join(r.naam for r in t.regels if r.actor in actoren) or "-"
        tabel.add_row(Text(f"groep {groep_naam(groep)} van het rapport", style="italic"), namen, "", "", bedrag_tekst(per_groep[groep]))
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


def toon_actoren(a: ActorenUitkomst, console: Console, pub: dict | None = None) -> None:
    console.print(actoren_per_casus(a))
    console.print()
    for methode in a.extrapolaties:
        console.print(actoren_extrapolatie(a, methode, pub if methode == "rapport" else None))
        console.print()


# -- meerjarig ---------------------------------------------------------------------------


def vergelijking_tabel(v: Vergelijking, namen: list[str]) -> Table:
    tabel = Table(title=v.titel, title_justify="left")
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


def toon_meerjarig(m: Meerjarig, console: Console) -> None:
    namen = [naam for naam, _ in beelden(m)]
    for v in vergelijkingen(m):
        console.print(vergelijking_tabel(v, namen))
        console.print()
    factoren = ", ".join(f"jaar {t}: {getal_nl(f, 4)}" for t, f in enumerate(m.jaarfactoren, start=1))
    console.print(
        Text(
            f"Disconto {getal_nl(m.disconto, 2)}% per jaar; een maandbedrag telt in het jaar van zijn maand (maand 1-12 is jaar 1), "
            f"eenmalige posten in jaar 1; jaar 1 wordt niet verdisconteerd. Factoren: {factoren}.",
            style="dim",
        )
    )
