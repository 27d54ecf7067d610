"""De begroting in de terminal (rich-tabellen) en als JSON-document."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.geld import euro, getal_nl, json_bedrag, json_getal
from kostenbaten.model.begroting import BETALERS
from kostenbaten.uitvoer.terminal import bedrag_tekst

KOPJES = {
    "personeel": "Personeel (uren per week x weken x tarief)",
    "per_sjd_uur": "Kosten per SJD-uur",
    "eenmalig": "Eenmalige kosten (eerste jaar)",
}

METHODE_UITLEG = {
    "rapport": "één gemiddelde baten per casus over alle casussen, zoals de KBA extrapoleert",
    "gewogen": "per rechtsgebied het gemiddelde van de eigen casussen",
}


def _getal(waarde: Decimal) -> str:
    return getal_nl(waarde, 0 if waarde == waarde.to_integral_value() else 2)


def kosten_tabel(u: BegrotingUitkomst) -> Table:
    tabel = Table(title=f"Begroting: {u.begroting.naam}", title_justify="left")
    tabel.add_column("Kostenregel")
    tabel.add_column("Rekensom", style="dim")
    tabel.add_column("Betaler")
    tabel.add_column("Kosten", justify="right")
    for soort, kopje in KOPJES.items():
        regels = u.van_soort(soort)
        if not regels:
            continue
        tabel.add_row(Text(kopje, style="bold"), "", "", "")
        for r in regels:
            tabel.add_row(f"  {r.naam}", r.rekensom, BETALERS[r.betaler], bedrag_tekst(r.bedrag))
    tabel.add_section()
    tabel.add_row("Structurele kosten per jaar", "", "", bedrag_tekst(u.structureel))
    tabel.add_row("Eenmalige kosten", "", "", bedrag_tekst(u.eenmalig))
    tabel.add_row(Text("Totaal eerste jaar", style="bold"), "", "", bedrag_tekst(u.totaal))
    tabel.add_row(
        "Kosten per hulpvraag", f"totaal / {_getal(u.hulpvragen)} hulpvragen per jaar", "", bedrag_tekst(u.kosten_per_hulpvraag, 2)
    )
    return tabel


def betaler_tabel(u: BegrotingUitkomst) -> Table:
    tabel = Table(title="Kosten per betaler", title_justify="left")
    for kolom in ("Betaler", "Structureel per jaar", "Eenmalig", "Totaal eerste jaar"):
        tabel.add_column(kolom, justify="left" if kolom == "Betaler" else "right")
    for b in u.per_betaler():
        tabel.add_row(BETALERS[b.betaler], bedrag_tekst(b.structureel), bedrag_tekst(b.eenmalig), bedrag_tekst(b.totaal))
    tabel.add_section()
    tabel.add_row(Text("Totaal", style="bold"), bedrag_tekst(u.structureel), bedrag_tekst(u.eenmalig), bedrag_tekst(u.totaal))
    return tabel


def baten_tabel(u: BegrotingUitkomst) -> Group:
    b = u.baten
    gebieden = Table(
        title=f"Verwachte baten uit de KBA {b.pilot} (methode {b.methode}: {METHODE_UITLEG[b.methode]})",
        title_justify="left",
        caption=(
            f"Baten per casus, niet netto: de kosten staan al in de begroting. "
            f"De casussen dekken {_getal(b.dekking)}% van de hulpvragen; de rest telt als € 0."
        ),
    )
    for kolom in ("Rechtsgebied", "Aandeel", "Casussen", "Baten per casus", "Per hulpvraag"):
        gebieden.add_column(kolom, justify="left" if kolom == "Rechtsgebied" else "right")
    for g in b.gebieden:
        gebieden.add_row(
            g.naam, f"{_getal(g.aandeel)}%", str(g.aantal_casussen), bedrag_tekst(g.baten_per_casus, 2), bedrag_tekst(g.per_hulpvraag, 2)
        )
    gebieden.add_section()
    gebieden.add_row(Text("Samen", style="bold"), f"{_getal(b.dekking)}%", "", "", bedrag_tekst(b.per_hulpvraag, 2))

    saldo = Table(title="Kosten en baten", title_justify="left")
    saldo.add_column("")
    saldo.add_column("", justify="right")
    saldo.add_column("Toelichting", style="dim")
    saldo.add_row("Verwachte baten", bedrag_tekst(u.verwachte_baten), f"{_getal(u.hulpvragen)} hulpvragen x baten per hulpvraag")
    saldo.add_row("Kosten eerste jaar", bedrag_tekst(u.totaal), "structureel plus eenmalig")
    saldo.add_row(Text("Netto resultaat", style="bold"), bedrag_tekst(u.netto), "verwachte baten min kosten")
    verhouding = "n.v.t." if u.verhouding is None else getal_nl(u.verhouding, 2)
    saldo.add_row("Baten/kosten-verhouding", verhouding, "boven 1: de baten zijn groter dan de kosten")
    if u.omslagpunt is None:
        saldo.add_row("Omslagpunt", "n.v.t.", "de KBA levert geen baten per hulpvraag op")
    else:
        saldo.add_row(
            "Omslagpunt",
            f"{getal_nl(u.omslagpunt)} hulpvragen",
            f"kosten / baten per hulpvraag = {getal_nl(u.omslagpunt_exact, 2)}, naar boven afgerond",
        )
    return Group(gebieden, saldo, actor_tabel(u))


def _of_nvt(waarde: Decimal | None, decimalen: int = 2) -> str:
    return "n.v.t." if waarde is None else getal_nl(waarde, decimalen)


def actor_tabel(u: BegrotingUitkomst) -> Table:
    """Per betaler of actor: wat hij betaalt, wat hij terugkrijgt, het saldo, zijn eigen verhouding en omslagpunt."""
    tabel = Table(
        title=f"Wie betaalt en wie wint, per jaar bij {_getal(u.hulpvragen)} hulpvragen",
        title_justify="left",
        caption="Betaalt: uit de begroting. Wint: de baten van deze actor uit de casussen, geëxtrapoleerd met de "
        f"methode {u.begroting.kba_methode}. Omslagpunt: hulpvragen per jaar waarbij de actor zijn eigen kosten terugwint.",
    )
    for kolom in ("Actor", "Betaalt", "Wint", "Saldo", "Baten/kosten", "Omslagpunt (hulpvragen)"):
        tabel.add_column(kolom, justify="left" if kolom == "Actor" else "right")
    for a in u.per_actor():
        tabel.add_row(
            a.naam, bedrag_tekst(a.betaalt), bedrag_tekst(a.wint), bedrag_tekst(a.saldo), _of_nvt(a.verhouding), _of_nvt(a.omslagpunt, 0)
        )
    tabel.add_section()
    tabel.add_row(
        Text("Samen", style="bold"), bedrag_tekst(u.totaal), bedrag_tekst(u.verwachte_baten), bedrag_tekst(u.netto),
        _of_nvt(u.verhouding), _of_nvt(u.omslagpunt, 0),
    )
    return tabel


def gemeente_zin(u: BegrotingUitkomst) -> str:
    """Het antwoord op de vraag van de gemeente in één zin."""
    g = u.van_actor("gemeente")
    zin = f"De gemeente betaalt {euro(g.betaalt)} en krijgt {euro(g.wint)} terug: saldo {euro(g.saldo)}"
    if g.omslagpunt is None:
        return zin + "."
    return zin + f"; haar eigen kosten zijn terugverdiend vanaf {getal_nl(g.omslagpunt)} hulpvragen per jaar."


def toon_begroting(u: BegrotingUitkomst, console: Console) -> None:
    console.print(kosten_tabel(u))
    console.print(betaler_tabel(u))
    if u.baten is None:
        console.print(Text("Geen casussen opgegeven: de begroting toont alleen de kosten.", style="dim"))
    else:
        console.print(baten_tabel(u))
        console.print(gemeente_zin(u))


def _misschien(waarde: Decimal | None):
    return None if waarde is None else json_bedrag(waarde)


def begroting_json(u: BegrotingUitkomst) -> dict:
    uit = {
        "begroting": u.begroting.naam,
        "weken_per_jaar": json_getal(u.begroting.weken_per_jaar),
        "hulpvragen_per_jaar": json_getal(u.hulpvragen),
        "sjd_uren_per_week": json_getal(u.sjd_uren_per_week),
        "regels": [
            {"soort": r.soort, "naam": r.naam, "betaler": r.betaler, "kosten": json_bedrag(r.bedrag), "rekensom": r.rekensom}
            for r in u.regels
        ],
        "per_betaler": {
            b.betaler: {"structureel": json_bedrag(b.structureel), "eenmalig": json_bedrag(b.eenmalig), "totaal": json_bedrag(b.totaal)}
            for b in u.per_betaler()
        },
        "structureel": json_bedrag(u.structureel),
        "eenmalig": json_bedrag(u.eenmalig),
        "totaal": json_bedrag(u.totaal),
        "kosten_per_hulpvraag": json_bedrag(u.kosten_per_hulpvraag),
    }
    if u.baten is not None:
        uit["baten"] = {
            "pilot": u.baten.pilot,
            "methode": u.baten.methode,
            "maat": "baten per casus",
            "dekking_procent": json_getal(u.baten.dekking),
            "per_rechtsgebied": [
                {
                    "rechtsgebied": g.rechtsgebied,
                    "aandeel": json_getal(g.aandeel),
                    "casussen": g.aantal_casussen,
                    "baten_per_casus": json_bedrag(g.baten_per_casus),
                    "per_hulpvraag": json_bedrag(g.per_hulpvraag),
                }
                for g in u.baten.gebieden
            ],
            "per_hulpvraag": json_bedrag(u.baten.per_hulpvraag),
            "verwachte_baten": json_bedrag(u.verwachte_baten),
            "netto": json_bedrag(u.netto),
            "verhouding": _misschien(u.verhouding),
            "omslagpunt_hulpvragen": _misschien(u.omslagpunt),
            "omslagpunt_exact": _misschien(u.omslagpunt_exact),
        }
        uit["per_actor"] = [
            {
                "actor": a.actor,
                "naam": a.naam,
                "betaalt": json_bedrag(a.betaalt),
                "wint_per_hulpvraag": json_bedrag(a.per_hulpvraag),
                "wint": json_bedrag(a.wint),
                "saldo": json_bedrag(a.saldo),
                "verhouding": _misschien(a.verhouding),
                "omslagpunt_hulpvragen": _misschien(a.omslagpunt),
                "omslagpunt_exact": _misschien(a.omslagpunt_exact),
            }
            for a in u.per_actor()
        ]
    return uit
