"""`bereken` in de terminal: de uitkomst in twee zinnen en de samenvatting; met `--per-casus` daarna de tabellen per casus.

De tabellen per casus (Kosten | Baten zoals in het rapport) komen op verzoek: zonder
staat de uitkomst op het eerste scherm en blijft de uitvoer kort genoeg om te lezen.
"""

from __future__ import annotations

from types import SimpleNamespace

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst
from kostenbaten.notatie import aandeel, decimalen_voor, euro, getal, getal_exact, getal_nl
from kostenbaten.uitvoer.namen import CIJFER_NAMEN, groep_naam, prijspeil_tekst, rekensom_tekst, tweedeling_tekst
from kostenbaten.uitvoer.terminal.cellen import Tabel, bedrag_tekst, getal_tekst, zin


def _stappen_tekst(p) -> Text:
    """Van bruto naar netto, onder de post; het bedrag van de post zelf is al na de aanpassingen."""
    stappen = "".join(
        f"; {'plus' if s.af < 0 else 'min'} {s.soort} {getal_exact(s.aandeel * 100)}% {euro(abs(s.af), 2)}" for s in p.stappen
    )
    return Text(f"  bruto {euro(p.bruto, 2)}{stappen}", style="dim")


def casus_tabel(c: CasusUitkomst, rechtsgebied: str, actoren: dict | None = None) -> Table:
    """De Kosten | Baten-tabel van het rapport, met de niet in geld uitgedrukte effecten."""
    tabel = Tabel(
        title=f"Casus {c.nummer}: {c.casus.titel}",
        caption=f"{rechtsgebied}; {getal_exact(c.casus.uren.waarde)} SJD-uur",
        title_justify="left",
        show_lines=False,
    )
    # Vier kolommen, met wie de baat krijgt achter de baat: zo blijft er op 80 kolommen ruimte
    # voor de langste woorden en breekt er geen woord midden door.
    tabel.add_column("Kosten")
    tabel.add_column("", justify="right")
    tabel.add_column("Baten (voor wie)")
    tabel.add_column("", justify="right")
    # Per kolom dezelfde decimalen, zodat de posten optellen tot het totaal eronder.
    dk = decimalen_voor([p.bedrag for p in c.kosten] + [c.totaal_kosten])
    db = decimalen_voor([p.bedrag for p in c.baten] + [c.totaal_baten])
    rijen_kosten = []
    for p in c.kosten:
        rijen_kosten.append((f"{p.naam} ({rekensom_tekst(p.rekensom)})", bedrag_tekst(p.bedrag, dk)))
        if p.stappen:
            rijen_kosten.append((_stappen_tekst(p), ""))
    namen = {k: a.naam for k, a in (actoren or {}).items()}
    rijen_baten = []
    for p in c.baten:
        wie = namen.get(p.actor, groep_naam(p.actor))
        rijen_baten.append((Text.assemble(p.naam, (f" – {wie}", "dim")), bedrag_tekst(p.bedrag, db)))
        if p.stappen:
            rijen_baten.append((_stappen_tekst(p), ""))
    rijen_baten += [(Text(e, style="italic"), Text("niet in €", style="dim italic")) for e in c.casus.effecten]
    for i in range(max(len(rijen_kosten), len(rijen_baten))):
        k = rijen_kosten[i] if i < len(rijen_kosten) else ("", "")
        b = rijen_baten[i] if i < len(rijen_baten) else ("", "")
        tabel.add_row(*k, *b)
    tabel.add_section()
    tabel.add_row(Text("Totaal kosten", style="bold"), bedrag_tekst(c.totaal_kosten, dk), Text("Totaal baten", style="bold"), bedrag_tekst(c.totaal_baten, db))
    # Het netto en zijn verdeling onder elkaar, zodat cliënt + overheid zichtbaar optellen tot het netto.
    dn = decimalen_voor([c.netto, c.client, c.overheid])
    tabel.add_row("", "", Text("Netto (baten - kosten)", style="bold"), bedrag_tekst(c.netto, dn))
    tabel.add_row("", "", "  waarvan cliënt", bedrag_tekst(c.client, dn))
    tabel.add_row("", "", "  waarvan overheid", bedrag_tekst(c.overheid, dn))
    if any(p.groep == "overig" for p in (*c.kosten, *c.baten)):
        tabel.add_row("", "", "  waarvan overige partijen", bedrag_tekst(c.overig, decimalen_voor([c.overig])))
    return tabel


def kop(u: PilotUitkomst) -> Text:
    """De uitkomst in twee zinnen: gemiddelde per casus, en beide extrapolaties elk met hun eigen tweedeling cliënt / overheid."""
    r, g, pub = u.extrapolaties["rapport"], u.extrapolaties["gewogen"], u.gepubliceerd
    rapport = f"{euro(r.totaal)} met één gemiddelde voor alle casussen"
    if "totaal" in pub:
        rapport += f" (gepubliceerd {euro(pub['totaal'].waarde)})"
    zin = (
        f"Pilot {u.pilot.naam}: een casus levert gemiddeld {euro(u.gemiddelde_netto, 2)} netto op. "
        f"Naar {getal_nl(r.gedekt)} gedekte hulpvragen geëxtrapoleerd is dat {rapport}, waarvan {tweedeling_tekst(r, pub)}; "
        f"gewogen per rechtsgebied is het {euro(g.totaal)}, waarvan {tweedeling_tekst(g)}."
    )
    return Text(zin, style="bold")


def samenvatting(u: PilotUitkomst) -> Group:
    pilot = u.pilot
    # Bedragen zonder €-teken (de titel zegt "in euro"): zo blijft er op 80 kolommen ook bij bedragen
    # met centen ruimte voor hele woorden in de kolom Rechtsgebied.
    casustabel = Tabel(title=f"Samenvatting pilot {pilot.naam} (bedragen in euro)", title_justify="left")
    # Geen min_width voor een woordkolom: rich houdt die ook als de tabel dan breder wordt dan het scherm
    # (de rechterrand valt weg); een te lang woord loopt liever door op de volgende regel.
    overig = u.heeft_overig  # de derde groep alleen als een post erbij hoort
    for kolom in ("Nr.", "Rechtsgebied", "Kosten", "Baten", "Netto", "Cliënt", "Overheid", *(("Overig",) if overig else ())):
        casustabel.add_column(kolom, justify="left" if kolom in ("Nr.", "Rechtsgebied") else "right")
    kolommen = ("totaal_kosten", "totaal_baten", "netto", "client", "overheid", *(("overig",) if overig else ()))
    decimalen = {k: decimalen_voor([getattr(c, k) for c in u.casussen]) for k in kolommen}
    for c in u.casussen:
        casustabel.add_row(
            str(c.nummer),
            pilot.rechtsgebieden[c.casus.rechtsgebied].naam,
            *(getal_tekst(getattr(c, k), decimalen[k]) for k in kolommen),
        )
    casustabel.add_section()
    casustabel.add_row(
        "", "Gemiddeld", "", "",
        getal_tekst(u.gemiddelde_netto, 2),
        getal_tekst(u.gemiddelde_client, 2),
        getal_tekst(u.gemiddelde_overheid, 2),
        *((getal_tekst(u.gemiddelde_overig, 2),) if overig else ()),
    )

    extrapolatie = Tabel(
        title=f"Extrapolatie naar {getal_nl(u.extrapolaties['rapport'].hulpvragen)} hulpvragen "
        f"({getal_nl(u.dekking)}% gedekt door de rechtsgebieden van de casussen)",
        title_justify="left",
        caption="exact: zonder tussentijdse afronding" + ("; rapport: met de afrondingen van het rapport" if u.gepubliceerd else "")
        + ("; de casussen komen uit een aselecte steekproef van hulpvragen (steekproef in pilot.yaml)" if u.pilot.steekproef else ""),
    )
    r = u.extrapolaties["rapport"]
    g = u.extrapolaties["gewogen"]
    extrapolatie.add_column("Methode")
    extrapolatie.add_column(hulpvragen_kop("Gedekte hulpvragen", [r.gedekt]), justify="right")
    extrapolatie.add_column("Totaal", justify="right")
    extrapolatie.add_column("Cliënt", justify="right")
    extrapolatie.add_column("Overheid", justify="right")
    delen = ("totaal", "client", "overheid")
    if overig:
        extrapolatie.add_column("Overig", justify="right")
        delen += ("overig",)
    pub = u.gepubliceerd
    rijen = [r, g]
    if "client" in pub:
        rijen.append(SimpleNamespace(overig=None, **{k: pub[k].waarde for k in ("gedekt", "totaal", "client", "overheid")}))
    dec = {k: decimalen_voor([getattr(e, k) for e in rijen if getattr(e, k) is not None]) for k in ("gedekt", *delen)}

    def cellen(e) -> list:
        return [
            getal_nl(e.gedekt, dec["gedekt"]),
            *("" if getattr(e, k) is None else bedrag_tekst(getattr(e, k), dec[k]) for k in delen),
        ]

    extrapolatie.add_row("rapport (vlak gemiddelde), exact", *cellen(r))
    if "client" in pub:
        gedekt, totaal, client, overheid, *rest = cellen(rijen[-1])
        extrapolatie.add_row(
            Text("rapport, zoals gepubliceerd", style="bold"),
            gedekt,
            totaal,
            Text.assemble(client, f" ({getal_exact(pub['aandeel_client'].waarde)}%)"),
            Text.assemble(overheid, f" ({getal_exact(pub['aandeel_overheid'].waarde)}%)"),
            *rest,
        )
    extrapolatie.add_row("gewogen (per rechtsgebied), exact", *cellen(g))

    gewogen = Tabel(title="Gewogen extrapolatie per rechtsgebied", title_justify="left")
    for kolom in ("Rechtsgebied", "Aandeel", hulpvragen_kop("Hulpvragen", [d.hulpvragen for d in g.delen]), "Casussen", "Netto per casus", "Totaal"):
        gewogen.add_column(
            kolom,
            justify="left" if kolom == "Rechtsgebied" else "right",
            max_width=10 if kolom == "Netto per casus" else None,
        )
    dh = decimalen_voor([d.hulpvragen for d in g.delen])
    dt = decimalen_voor([d.totaal for d in g.delen])
    for d in g.delen:
        gebied = pilot.rechtsgebieden[d.rechtsgebied]
        gewogen.add_row(
            gebied.naam,
            aandeel(gebied.aandeel.waarde),
            getal_nl(d.hulpvragen, dh),
            str(d.aantal_casussen),
            bedrag_tekst(d.gemiddelde_netto, 2),
            bedrag_tekst(d.totaal, dt),
        )

    return Group(casustabel, extrapolatie, gewogen)


def afrondingen(u: PilotUitkomst) -> Table:
    """Per gepubliceerd cijfer van de pilot: het exacte cijfer, de afrondingsregel van het rapport en de som erachter."""
    regels = Tabel(title="Zo komen de gepubliceerde cijfers tot stand", title_justify="left", show_header=True)
    regels.add_column("Cijfer")
    regels.add_column("Gepubliceerd", justify="right")
    regels.add_column("Exact", justify="right")
    regels.add_column("Afrondingsregel")
    regels.add_column("Toelichting", style="dim")
    for naam, a in u.gepubliceerd.items():
        regels.add_row(CIJFER_NAMEN.get(naam, naam), getal(a.waarde), getal(a.exact), a.regel.replace("_", " "), rekensom_tekst(a.uitleg))
    return regels


def hulpvragen_kop(kop: str, aantallen) -> str:
    """Een kolom met hulpvragen: tellingen zijn hele getallen; is een deel niet heel, dan heet het een verwacht aantal."""
    if all(a == a.to_integral_value() for a in aantallen):
        return kop
    return f"{kop} (verwacht aantal)"


def prijspeil_regel(u: PilotUitkomst) -> Text | None:
    """Eén regel als bedragen naar een ander prijspeil zijn omgerekend; vet als de reeks een voorbeeld is."""
    prijspeil = prijspeil_tekst(u.pilot, u.omrekeningen)
    if prijspeil is None:
        return None
    tekst, voorbeeld = prijspeil
    return Text(tekst, style="bold" if voorbeeld else "dim")


def toon(u: PilotUitkomst, console: Console, per_casus: bool = False, saldo=None) -> None:
    """Met `saldo` (een `berekening.saldo.SaldoUitkomst`) eerst wat de samenleving wint, dan de methode van de KBA Hengelo."""
    if saldo is not None:
        from kostenbaten.uitvoer.terminal.saldo import saldo_zin

        console.print(zin(saldo_zin(saldo.methoden["rapport"]), console))
        console.print()
    console.print(zin(kop(u), console))
    console.print()
    regel = prijspeil_regel(u)
    if regel is not None:
        console.print(zin(regel, console))
        console.print()
    console.print(samenvatting(u))
    if saldo is not None:
        from kostenbaten.uitvoer.terminal.saldo import saldo_tabel, verschillen

        console.print(saldo_tabel(saldo))
        console.print(verschillen(saldo))
        console.print(Text("Wie betaalt en wie wint, met de overdrachten apart: kostenbaten actoren.", style="dim"))
    if per_casus:
        for c in u.casussen:
            console.print()
            console.print(casus_tabel(c, u.pilot.rechtsgebieden[c.casus.rechtsgebied].naam, u.pilot.alle_actoren))
    else:
        console.print(Text("De kosten en baten van elke casus: voeg --per-casus toe.", style="dim"))
    if u.gepubliceerd:
        console.print(Text("De afrondingen van het rapport naast de berekening: kostenbaten controleer.", style="dim"))
    if u.pilot.maanden_in_beeld:
        console.print(
            Text(
                f"Terugkerende baten tellen voor {u.pilot.maanden_in_beeld} maanden (zoals het rapport: alleen het lopende jaar).",
                style="dim",
            )
        )
