"""`begroting` in de terminal: kosten per regel en per betaler, en de verwachte baten."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.model.begroting import BETALERS
from kostenbaten.notatie import getal, getal_nl
from kostenbaten.uitvoer.namen import gemeente_zin, meerjarig_titel, meerjarig_zin, rekensom_tekst, terugverdiend_tekst
from kostenbaten.uitvoer.terminal.cellen import Tabel, bedrag_tekst, getal_tekst, zin


KOPJES = {
    "personeel": "Personeel (uren per week x weken x tarief)",
    "per_sjd_uur": "Kosten per SJD-uur",
    "eenmalig": "Eenmalige kosten (eerste jaar)",
}


METHODE_UITLEG = {
    "rapport": "één gemiddelde van de baten per casus over alle casussen, zoals de KBA extrapoleert",
    "gewogen": "per rechtsgebied het gemiddelde van de eigen casussen",
}


def kosten_tabel(u: BegrotingUitkomst) -> Table:
    tabel = Tabel(title=f"Begroting: {u.begroting.naam}", title_justify="left")
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
            tabel.add_row(f"  {r.naam}", rekensom_tekst(r.rekensom), BETALERS[r.betaler], bedrag_tekst(r.bedrag))
    tabel.add_section()
    tabel.add_row("Structurele kosten per jaar", "", "", bedrag_tekst(u.structureel))
    tabel.add_row("Eenmalige kosten", "", "", bedrag_tekst(u.eenmalig))
    tabel.add_row(Text("Totaal eerste jaar", style="bold"), "", "", bedrag_tekst(u.totaal))
    tabel.add_row(
        "Kosten per hulpvraag", f"totaal / {getal(u.hulpvragen)} hulpvragen per jaar", "", bedrag_tekst(u.kosten_per_hulpvraag, 2)
    )
    return tabel


def betaler_tabel(u: BegrotingUitkomst) -> Table:
    tabel = Tabel(title="Kosten per betaler", title_justify="left")
    for kolom in ("Betaler", "Structureel per jaar", "Eenmalig", "Totaal eerste jaar"):
        tabel.add_column(kolom, justify="left" if kolom == "Betaler" else "right")
    for b in u.per_betaler():
        tabel.add_row(BETALERS[b.betaler], bedrag_tekst(b.structureel), bedrag_tekst(b.eenmalig), bedrag_tekst(b.totaal))
    tabel.add_section()
    tabel.add_row(Text("Totaal", style="bold"), bedrag_tekst(u.structureel), bedrag_tekst(u.eenmalig), bedrag_tekst(u.totaal))
    return tabel


def baten_tabel(u: BegrotingUitkomst) -> Group:
    b = u.baten
    gebieden = Tabel(
        title=f"Verwachte baten uit de KBA {b.pilot} (methode {b.methode}: {METHODE_UITLEG[b.methode]})",
        title_justify="left",
        caption=(
            f"Baten per casus, niet netto: de kosten staan al in de begroting. "
            f"De casussen dekken {getal(b.dekking)}% van de hulpvragen; de rest telt als € 0."
        ),
    )
    for kolom in ("Rechtsgebied", "Aandeel", "Casussen", "Baten per casus", "Per hulpvraag"):
        gebieden.add_column(kolom, justify="left" if kolom == "Rechtsgebied" else "right")
    for g in b.gebieden:
        # Zonder eigen casus geen eigen baten per casus (met de methode rapport zou hier het gemiddelde van allemaal staan).
        per_casus = bedrag_tekst(g.baten_per_casus, 2) if g.aantal_casussen else "-"
        gebieden.add_row(g.naam, f"{getal(g.aandeel)}%", str(g.aantal_casussen), per_casus, bedrag_tekst(g.per_hulpvraag, 2))
    gebieden.add_section()
    gebieden.add_row(Text("Samen", style="bold"), f"{getal(b.dekking)}%", "", "", bedrag_tekst(b.per_hulpvraag, 2))

    saldo = Tabel(title="Kosten en baten", title_justify="left")
    saldo.add_column("")
    saldo.add_column("", justify="right")
    saldo.add_column("Toelichting", style="dim")
    saldo.add_row("Verwachte baten", bedrag_tekst(u.verwachte_baten), f"{getal(u.hulpvragen)} hulpvragen x baten per hulpvraag")
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
    tabel = Tabel(
        title=f"Wie betaalt en wie wint, per jaar bij {getal(u.hulpvragen)} hulpvragen",
        smalle_koppen={"Baten/kosten": ("Baten/ kosten", 7)},
        title_justify="left",
        caption="Betaalt: uit de begroting. Wint: de baten van deze actor uit de casussen, geëxtrapoleerd met de "
        f"methode {u.begroting.kba_methode}. Omslagpunt: hulpvragen per jaar waarbij de actor zijn eigen kosten terugwint.",
    )
    actoren = u.per_actor()
    # "Omslagpunt" zonder eenheid (het onderschrift noemt die): zo houdt de kolom Actor op 80 kolommen hele woorden.
    for kolom in ("Actor", "Betaalt", "Wint", "Saldo", "Baten/kosten", "Omslagpunt"):
        tabel.add_column(kolom, justify="left" if kolom == "Actor" else "right")
    for a in actoren:
        tabel.add_row(
            a.naam, bedrag_tekst(a.betaalt), bedrag_tekst(a.wint), bedrag_tekst(a.saldo), _of_nvt(a.verhouding), _of_nvt(a.omslagpunt, 0)
        )
    tabel.add_section()
    tabel.add_row(
        Text("Samen", style="bold"), bedrag_tekst(u.totaal), bedrag_tekst(u.verwachte_baten), bedrag_tekst(u.netto),
        _of_nvt(u.verhouding), _of_nvt(u.omslagpunt, 0),
    )
    return tabel


def meerjarig_tabel(u: BegrotingUitkomst) -> Table:
    """Per actor en samen: contante kosten en baten over de horizon, netto contante waarde en terugverdienjaar."""
    m = u.meerjarig
    # Smalle kopkolommen die op een spatie breken: zo houdt de kolom Actor op 80 kolommen hele woorden.
    tabel = Tabel(
        title=meerjarig_titel(u),
        smalle_koppen={"Baten/kosten": ("Baten/ kosten", 7), "Terugverdiend": ("Terug- verdiend", 8), "Omslagpunt": ("Omslag- punt", 7)},
        title_justify="left",
        caption="Contante waarden in euro: jaar 1 telt zonder korting, jaar t gedeeld door (1 + r)^(t - 1). Terugverdiend: het eerste jaar waarin "
        "het opgetelde contante saldo positief is ('niet': niet binnen de horizon). Omslagpunt: hulpvragen per jaar waarbij de contante baten de contante kosten dekken.",
    )
    for kolom in ("Actor", "Kosten", "Baten", "Netto", "Baten/kosten", "Terugverdiend", "Omslagpunt"):
        tabel.add_column(kolom, justify="left" if kolom == "Actor" else "right")
    for i, a in enumerate((*m.actoren, m.totaal)):
        if i == len(m.actoren):
            tabel.add_section()
        tabel.add_row(
            Text(a.naam, style="bold") if a is m.totaal else a.naam,
            getal_tekst(a.contante_kosten), getal_tekst(a.contante_baten), getal_tekst(a.netto_contante_waarde),
            _of_nvt(a.verhouding), terugverdiend_tekst(a.terugverdienjaar, kort=True), _of_nvt(a.omslagpunt, 0),
        )
    return tabel


def jaren_tabel(u: BegrotingUitkomst) -> Group:
    """Per jaar de kosten en baten van de gemeente en van allen samen, met het opgetelde contante saldo.

    Twee tabellen van vier à vijf kolommen in plaats van één van acht: zo past elk kopwoord
    op 80 kolommen heel.
    """
    m = u.meerjarig
    g = m.van_actor("gemeente")
    gemeente = Tabel(title="Per jaar: de gemeente", title_justify="left")
    for kolom in ("Jaar", "Factor", "Betaalt", "Wint", "Cumulatief contant"):
        gemeente.add_column(kolom, justify="right")
    for jg, cg in zip(g.jaren, g.cumulatief):
        gemeente.add_row(str(jg.jaar), getal_nl(jg.factor, 4), getal_tekst(jg.kosten), getal_tekst(jg.baten), getal_tekst(cg))
    samen = Tabel(
        title="Per jaar: alle actoren samen",
        title_justify="left",
        caption="bedragen in euro; betaalt, wint, kosten en baten nominaal; cumulatief contant: het opgetelde contante saldo "
        "(jaar t gedeeld door de factor hierboven)",
    )
    for kolom in ("Jaar", "Kosten", "Baten", "Cumulatief contant"):
        samen.add_column(kolom, justify="right")
    for jt, ct in zip(m.totaal.jaren, m.totaal.cumulatief):
        samen.add_row(str(jt.jaar), getal_tekst(jt.kosten), getal_tekst(jt.baten), getal_tekst(ct))
    return Group(gemeente, samen)


def toon(u: BegrotingUitkomst, console: Console) -> None:
    console.print(kosten_tabel(u))
    console.print(betaler_tabel(u))
    if u.baten is None:
        console.print(Text("Geen casussen opgegeven: de begroting toont alleen de kosten.", style="dim"))
    else:
        console.print(baten_tabel(u))
        if u.maatschappelijk is not None:
            from kostenbaten.uitvoer.terminal.saldo import begroting_saldo_zin

            console.print(zin(begroting_saldo_zin(u.maatschappelijk), console))
        console.print(zin(gemeente_zin(u), console))
    if u.begroting.horizon > 1:
        # Eén jaar (de standaard) is het jaarbeeld hierboven; pas met meer jaren volgt het meerjarige beeld.
        console.print(meerjarig_tabel(u))
        if u.baten is not None:
            console.print(jaren_tabel(u))
            console.print(zin(meerjarig_zin(u), console))
