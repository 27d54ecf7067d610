"""`uitkomsten` in de terminal: volledigheid, waarde per rechtsgebied, het maatschappelijk saldo en de verdelingstabel."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.text import Text

from kostenbaten.berekening.uitkomsten import GRADEN, REGISTRATIE, Uitkomstenwaardering
from kostenbaten.notatie import euro, getal_nl, procent
from kostenbaten.tekens import zichtbaar
from kostenbaten.uitvoer.terminal.cellen import Tabel


def toon(u: Uitkomstenwaardering, console: Console) -> None:
    t = u.telling
    console.print(f"Getelde uitkomsten uit: {t.bestand}" + (" (tabel met aantallen)" if t.bron == "telling" else ""), markup=False)
    console.print(
        f"Volledigheid: {getal_nl(Decimal(t.met_uitkomst))} van {getal_nl(Decimal(t.hulpvragen))} hulpvragen "
        f"met een geregistreerde uitkomst ({procent(u.volledigheid, 1)})",
        markup=False,
    )
    if u.te_onvolledig:
        console.print(
            f"Let op: minder dan {getal_nl(u.minimale_volledigheid)}% van de hulpvragen heeft een uitkomst; de waarde hieronder "
            "telt alleen wat geregistreerd is en onderschat dus wat het spreekuur oplevert, of de registratie is niet representatief.",
            markup=False, soft_wrap=True,
        )
    if u.prijspeil is not None:
        console.print(
            f"Bedragen in prijspeil {u.prijspeil.jaar}: kengetallen en tarieven uit de casussenmap en de eigen bedragen van de "
            f"waardekaart (en uit kolommen, op het prijspeil van hun effect) omgerekend met {u.prijspeil.reeks}.",
            markup=False, soft_wrap=True,
        )
        if u.prijspeil.voorbeeld:
            console.print(f"Let op: de prijsindex '{u.prijspeil.reeks}' is een voorbeeldreeks, geen echte cijfers.", markup=False)
    for code, n in u.zonder_waarde:
        console.print(f"Let op: uitkomstcode '{code}' ({n} keer) staat niet in de waardekaart en telt niet mee.", markup=False)
    for code, bedrag, n in u.zonder_bedrag:
        wie = "1 hulpvraag met uitkomst '{c}' heeft" if n == 1 else f"{getal_nl(Decimal(n))} hulpvragen met uitkomst '{{c}}' hebben"
        console.print(f"Let op: {wie.format(c=code)} geen bedrag '{bedrag}'; "
                      "voor die hulpvragen telt dat bedrag als nul.", markup=False, soft_wrap=True)

    posten = Tabel(title="Waarde per uitkomst", title_justify="left",
                   caption="waarde = aantal x per keer x (1 - zonder spreekuur) x (1 - attributie); "
                   "bij een bedrag uit een kolom: de som van de bedragen per hulpvraag in plaats van aantal x per keer (per keer: het gemiddelde)",
                   caption_justify="left")
    for kop in ("Rechtsgebied", "Uitkomst", "Effect", "Soort", "Aantal", "Per keer", "Zonder spreekuur", "Attributie", "Waarde"):
        posten.add_column(kop, justify="right" if kop in ("Aantal", "Per keer", "Zonder spreekuur", "Attributie", "Waarde") else "left")
    namen = {g.rechtsgebied: g.naam for g in u.rechtsgebieden}
    for p in u.posten:
        # Code, effect en organisatie komen uit de bestanden van de gebruiker: als tekst, niet als opmaak.
        posten.add_row(namen.get(p.rechtsgebied, p.rechtsgebied), Text(zichtbaar(p.code)), Text(zichtbaar(p.effect)), p.soort, getal_nl(Decimal(p.aantal)),
                       euro(p.per_keer, 2) + (f" (gem., kolom {p.kolom})" if p.kolom else ""),
                       f"{getal_nl(p.contrafeitelijk, 2)}%", f"{getal_nl(p.attributie, 2)}%", euro(p.waarde, 2))
    console.print(posten)

    gebieden = Tabel(title="Per rechtsgebied", title_justify="left")
    for kop in ("Rechtsgebied", "Middelen", "Veroorzaakte kosten", "Overdrachten (apart)"):
        gebieden.add_column(kop, justify="left" if kop == "Rechtsgebied" else "right")
    for g in u.rechtsgebieden:
        gebieden.add_row(g.naam, euro(g.middelen, 2), euro(g.geinduceerd, 2), euro(g.overdrachten, 2))
    console.print(gebieden)

    saldo = Tabel(title="Maatschappelijk saldo", title_justify="left",
                  caption="een overdracht is winst voor de een en verlies voor de ander: ze telt voor nul", caption_justify="left")
    saldo.add_column("")
    saldo.add_column("Bedrag", justify="right")
    saldo.add_row("Besparing van middelen", euro(u.middelen, 2))
    saldo.add_row("- kosten die de uitkomsten veroorzaken", euro(u.geinduceerd, 2))
    saldo.add_row(f"- kosten van het hele programma ({getal_nl(u.kosten.hulpvragen)} hulpvragen)", euro(u.kosten.totaal, 2))
    saldo.add_row("Maatschappelijk saldo", euro(u.saldo, 2))
    saldo.add_row("Overdrachten (niet in het saldo)", euro(u.overdrachten, 2))
    console.print(saldo)

    graden = Tabel(title="Waar de waarde op rust", title_justify="left",
                   caption="kwaliteitsgraad van de kengetallenbank: A het stevigst onderbouwd, D een aanname (kostenbaten kengetallen controleer)",
                   caption_justify="left")
    for kop in ("Graad", "Waarde (middelen en overdrachten)", "Aandeel"):
        graden.add_column(kop, justify="left" if kop == "Graad" else "right")
    for g in GRADEN:
        bedrag = u.waarde_per_graad[g]
        aandeel = u.aandeel(g)
        graden.add_row("bedrag uit de registratie" if g == REGISTRATIE else f"graad {g}", euro(bedrag, 2),
                       procent(aandeel * 100, 1) if aandeel is not None else "-")
    console.print(graden)
    if u.aandeel_c_of_d is not None:
        console.print(f"Op graad C of D samen rust {procent(u.aandeel_c_of_d * 100, 1)} van de waarde.", markup=False)

    verdeling = Tabel(title="Verdelingstabel", title_justify="left")
    for kop in ("Actor", "Betaalt", "Middelen", "Ontvangt", "Geeft", "Veroorzaakte kosten", "Saldo"):
        verdeling.add_column(kop, justify="left" if kop == "Actor" else "right")
    for r in u.verdeling:
        verdeling.add_row(r.naam, euro(r.betaalt, 2), euro(r.middelen, 2), euro(r.ontvangt, 2), euro(r.geeft, 2), euro(r.geinduceerd, 2), euro(r.saldo, 2))
    verdeling.add_section()
    verdeling.add_row("Totaal", *(euro(sum((getattr(r, k) for r in u.verdeling), Decimal(0)), 2)
                                  for k in ("betaalt", "middelen", "ontvangt", "geeft", "geinduceerd", "saldo")))
    console.print(verdeling)
