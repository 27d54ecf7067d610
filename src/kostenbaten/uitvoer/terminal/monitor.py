"""`monitor` in de terminal: per bibliotheek de kerncijfers per periode met de verandering, de verdelingen over het totaal en de uitkomstenkaart."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console

from kostenbaten.berekening.monitor import MonitorUitkomst, Periode
from kostenbaten.notatie import datum, getal_nl
from kostenbaten.uitvoer.terminal.cellen import Tabel

# Kerncijfer -> (kop, decimalen)
KOLOMMEN = {
    "hulpvragen": ("Hulpvragen", 0),
    "contacten": ("Contacten", 0),
    "clienten": ("Cliënten", 0),
    "opgelost_procent": ("Opgelost %", 1),
    "doorverwezen_procent": ("Doorverwezen %", 1),
    "uren_per_hulpvraag": ("Uren/vraag", 2),
    "tevredenheid_gemiddeld": ("Tevredenheid", 1),
    "tevredenheid_respons_procent": ("Respons %", 0),
}


_VORIGE = {"maand": "de vorige maand", "kwartaal": "het vorige kwartaal", "jaar": "het vorige jaar"}


def waarde_tekst(waarde: Decimal | None, decimalen: int) -> str:
    return "-" if waarde is None else getal_nl(waarde, decimalen)


def verandering_tekst(verschil: Decimal | None, decimalen: int) -> str:
    if verschil is None:
        return ""
    tekst = getal_nl(verschil, decimalen)
    return tekst if tekst.startswith("-") else f"+{tekst}"


def _verdeling(console: Console, titel: str, kop: str, paren, totaal: int | None = None) -> None:
    if not paren:
        return
    tabel = Tabel(title=titel, title_justify="left")
    tabel.add_column(kop)
    tabel.add_column("Hulpvragen", justify="right")
    for naam, n in paren:
        tabel.add_row(naam or "(leeg)", getal_nl(Decimal(n)))
    console.print(tabel)


def toon(u: MonitorUitkomst, console: Console) -> None:
    console.print(f"Monitor per {u.per}: {datum(u.van)} tot en met {datum(u.tot)}")
    for d in u.dubbel:
        console.print(
            f"Dubbel: {getal_nl(Decimal(d.aantal))} regel(s) van {d.bestand} stonden al in {d.eerder} en tellen één keer"
            + (f" (bijvoorbeeld {', '.join(d.voorbeelden)})" if d.voorbeelden else ""),
            markup=False, soft_wrap=True,
        )
    for b in u.bibliotheken:
        console.print()
        console.print(f"{b.naam} ({', '.join(b.bestanden)})", markup=False, style="bold")
        kolommen = [k for k in KOLOMMEN if b.totaal.kern.get(k) is not None]
        tabel = Tabel(title=f"Per {u.per}, met eronder de verandering tegen {_VORIGE[u.per]}", title_justify="left")
        tabel.add_column("Periode")
        for k in kolommen:
            tabel.add_column(KOLOMMEN[k][0], justify="right")
        for p in (*b.perioden, b.totaal):
            cellen = []
            for k in kolommen:
                dec = KOLOMMEN[k][1]
                v = verandering_tekst(p.verandering.get(k), dec)
                cellen.append(waarde_tekst(p.kern[k], dec) + (f"\n{v}" if v else ""))
            tabel.add_row(p.naam, *cellen, style="bold" if p is b.totaal else None)
        console.print(tabel)
        _rechtsgebieden(console, u.per, b.perioden, b.totaal)
        t = b.totaal
        _verdeling(console, "Onderwerpen (totaal)", "Onderwerp", t.per_onderwerp)
        for kenmerk, paren in t.doelgroepen:
            _verdeling(console, f"Doelgroep: {kenmerk} (totaal)", kenmerk, paren)
        _verdeling(console, "Doorverwezen door (totaal)", "Doorverwijzer", t.doorverwijzers)
        _verdeling(console, "Doorverwezen naar (totaal)", "Organisatie", t.doorverwezen_naar)
        if t.netwerk:
            net = Tabel(title="Netwerk: van wie naar wie (totaal)", title_justify="left")
            net.add_column("Doorverwezen door")
            net.add_column("Naar")
            net.add_column("Hulpvragen", justify="right")
            for van, naar, n in t.netwerk:
                net.add_row(van or "(niemand genoemd)", naar, getal_nl(Decimal(n)))
            console.print(net)
        if t.tevredenheid:
            cijfers = ", ".join(f"{getal_nl(c, 0) if c == c.to_integral_value() else getal_nl(c, 1)}: {n}" for c, n in t.tevredenheid)
            console.print(f"Tevredenheid (totaal): {cijfers}; respons {t.tevredenheid_respons} van {t.hulpvragen}")
        if t.clienten:
            console.print(f"Hulpvragen per cliënt (totaal): {getal_nl(Decimal(t.hulpvragen) / Decimal(t.clienten), 2)}")
    for kaart in u.kaart or ():
        _kaart(console, kaart)


def _rechtsgebieden(console: Console, per: str, perioden: tuple[Periode, ...], totaal: Periode) -> None:
    tabel = Tabel(title=f"Hulpvragen per rechtsgebied per {per}", title_justify="left")
    tabel.add_column("Periode")
    for _, naam, _ in totaal.per_rechtsgebied:
        tabel.add_column(naam, justify="right")
    for p in (*perioden, totaal):
        aantallen = {s: n for s, _, n in p.per_rechtsgebied}
        tabel.add_row(p.naam, *(getal_nl(Decimal(aantallen.get(s, 0))) for s, _, _ in totaal.per_rechtsgebied), style="bold" if p is totaal else None)
    console.print(tabel)


def _kaart(console: Console, kaart) -> None:
    console.print()
    console.print(f"{kaart.naam}: {kaart.bibliotheek} ({kaart.bestand})", markup=False, style="bold")
    tabel = Tabel(title="Indicatoren per periode: waarde (doel), gehaald of niet", title_justify="left")
    tabel.add_column("Indicator")
    tabel.add_column("Doel", justify="right")
    tabel.add_column("Gehaald", justify="right")
    tabel.add_column("Per periode")
    for i in kaart.indicatoren:
        teken = ">=" if i.richting == "minstens" else "<="
        standen = "; ".join(
            f"{s.periode}: {waarde_tekst(s.waarde, 1)} {'gehaald' if s.gehaald else 'niet gehaald'}" for s in i.standen if s.gehaald is not None
        )
        tabel.add_row(i.naam, f"{teken} {getal_nl(i.doel, 1)}", f"{i.gehaald} van {i.getoetst}" if i.getoetst else "-", standen or "niet te berekenen")
    console.print(tabel)
    for naam, reden in kaart.niet_te_berekenen:
        console.print(f"Niet te berekenen: {naam}: {reden}", markup=False, soft_wrap=True)
