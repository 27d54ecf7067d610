"""`kengetallen` in de terminal: de bank als lijst, één post met zijn bron, en de controle van een casussenmap."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from kostenbaten.berekening.kengetallen import CASUSBEDRAG, BankControle
from kostenbaten.model.kengetallenbank import GRAADNAMEN, GRADEN, Bankpost
from kostenbaten.notatie import euro, procent
from kostenbaten.uitvoer.terminal.cellen import Tabel, zin

_SOORT = {"middelen": "middelen", "overdracht": "overdracht"}


def _bedrag(post: Bankpost) -> str:
    tekst = euro(post.bedrag, 2 if post.bedrag != post.bedrag.to_integral_value() else 0)
    if post.min is not None or post.max is not None:
        laag = euro(post.min if post.min is not None else post.bedrag)
        hoog = euro(post.max if post.max is not None else post.bedrag)
        tekst += f" ({laag} tot {hoog})"
    return tekst


def _lijst(posten, console: Console, titel: str) -> None:
    tabel = Tabel(title=titel, title_justify="left")
    for kolom in ("Sleutel", "Kengetal", "Bedrag", "Jaar", "Soort", "Graad"):
        tabel.add_column(kolom, justify="right" if kolom in ("Bedrag", "Jaar") else "left")
    for sleutel, post in posten:
        tabel.add_row(sleutel, post.naam, _bedrag(post), str(post.prijspeil), _SOORT[post.soort], post.kwaliteit)
    console.print(tabel)
    graden = {g: sum(1 for _, p in posten if p.kwaliteit == g) for g in GRADEN}
    console.print(
        f"{len(posten)} kengetallen: " + ", ".join(f"{graden[g]} graad {g}" for g in GRADEN) + ". "
        "Eén post met zijn bron: kostenbaten kengetallen toon SLEUTEL."
    )


def _post(sleutel: str, post: Bankpost, console: Console) -> None:
    b = post.bron
    regels = [
        ("Kengetal", f"{post.naam} ({sleutel})"),
        ("Bedrag", f"{_bedrag(post)} {post.eenheid}"),
        ("Prijspeil", str(post.prijspeil)),
        ("Index", {"cpi": "consumentenprijzen (CPI)", "cao_lonen": "cao-lonen", "eigen": "eigen indexering van het tarief"}[post.index]),
        ("Betaler", post.betaler),
        ("Soort", "besparing van middelen" if post.soort == "middelen" else "overdracht (telt maatschappelijk als nul)"),
        ("Methode", post.methode.replace("_", " ")),
        ("Graad", f"{post.kwaliteit}: {GRAADNAMEN[post.kwaliteit]}"),
        ("Bron", f"{b.titel}. {b.uitgever}, {b.jaar}. {b.vindplaats}."),
    ]
    if b.adres:
        regels.append(("Adres", b.adres))
    if post.past_bij:
        regels.append(("Kan vervangen", ", ".join(post.past_bij)))
    breedte = max(len(k) for k, _ in regels) + 2
    for kop, tekst in regels:
        console.print(Text(f"{kop + ':':<{breedte}}{tekst}"))
    console.print()
    console.print(zin(post.toelichting, console))


def toon(uitkomst, console: Console, titel: str = "Kengetallenbank") -> None:
    """`uitkomst` is een rij (sleutel, post) voor de lijst of een zoekvraag, één (sleutel, post) om te tonen, of een controle."""
    if isinstance(uitkomst, BankControle):
        _controle(uitkomst, console)
    elif isinstance(uitkomst, tuple) and len(uitkomst) == 2 and isinstance(uitkomst[1], Bankpost):
        _post(*uitkomst, console)
    else:
        _lijst(uitkomst, console, titel)


def _controle(c: BankControle, console: Console) -> None:
    tabel = Tabel(title=f"Kengetallen van {c.pilot} getoetst aan de kengetallenbank", title_justify="left")
    for kolom in ("Kengetal", "Bedrag", "Jaar", "Graad", "Bevindingen", "Kan vervangen worden door"):
        tabel.add_column(kolom, justify="right" if kolom in ("Bedrag", "Jaar") else "left")
    for o in c.oordelen:
        vervangers = "; ".join(
            f"{v.sleutel} (graad {v.post.kwaliteit}{', overdracht' if v.post.soort == 'overdracht' else ''})" for v in o.vervangers[:2]
        ) or "geen post in de bank"
        if len(o.vervangers) > 2:
            vervangers += f"; en {len(o.vervangers) - 2} andere"
        tabel.add_row(
            o.sleutel,
            euro(o.bedrag),
            "-" if o.prijspeil is None else str(o.prijspeil),
            o.graad,
            "; ".join(o.bevindingen) or "in orde",
            vervangers,
        )
    console.print(tabel)
    for o in c.oordelen:
        if o.graad == "D":
            console.print(zin(f"{o.sleutel}: graad D, {o.waarom}. Bron in pilot.yaml: {o.bron}", console))
    console.print()
    delen = []
    for g in (*GRADEN, CASUSBEDRAG):
        bedrag = c.baten_per_graad[g]
        if bedrag:
            naam = f"graad {g}" if g != CASUSBEDRAG else "bedragen uit de casussen zelf (geen kengetal)"
            delen.append(f"{naam} {euro(bedrag)} ({procent(c.aandeel(g) * 100)})")
    console.print(zin(f"Baten van de {c.pilot}-casussen samen: {euro(c.totaal_baten)}; daarvan " + ", ".join(delen) + ".", console))
    if c.aandeel_c_of_d is not None:
        console.print(
            zin(f"Op een kengetal met graad C of D rust {euro(c.baten_c_of_d)}: {procent(c.aandeel_c_of_d * 100)} van de baten.", console)
        )
    console.print(
        zin(
            f"Verouderd heet een prijspeil dat meer dan {c.max_leeftijd} jaar voor het eind van de pilot ({c.peiljaar}) ligt. "
            "Een kengetal zonder 'kwaliteit' of 'bankpost' in pilot.yaml telt als aanname (graad D).",
            console,
        )
    )
