"""`registratie` in de terminal: periode, hulpvragen per rechtsgebied, niet gekoppelde onderwerpen en wat niet meetelde."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console

from kostenbaten.berekening.registratie import JaNee, RegistratieUitkomst
from kostenbaten.notatie import datum, getal_exact, getal_nl, procent, uren
from kostenbaten.uitvoer.terminal.cellen import Tabel


def _procent(aandeel: Decimal, exact: bool) -> str:
    """Een exact aandeel zoals het is (33%, 12,5%); een aandeel als 1 van 3 op twee decimalen (afronden_op_decimalen)."""
    return f"{getal_exact(aandeel)}%" if exact else procent(aandeel, 2)


def _ja_nee(j: JaNee) -> str:
    return f"{getal_nl(Decimal(j.ja))} van {getal_nl(Decimal(j.ingevuld))}" + (
        f" ({_procent(j.aandeel, j.is_exact)})" if j.ingevuld else ""
    )


def toon(u: RegistratieUitkomst, console: Console) -> None:
    console.print(f"Registratie: {u.bestand}" + (f" (blad {u.blad})" if u.blad else ""), markup=False)
    for w in u.waarschuwingen:
        console.print(f"Let op: {w.melding}", markup=False, soft_wrap=True)
    if u.standaardkoppeling:
        console.print("Koppeling: de standaardkoppeling van `kostenbaten nieuw` (eigen woorden: zet een koppeling.yaml naast de export)", markup=False)
    else:
        console.print(f"Koppeling: {u.koppeling}", markup=False)
    console.print(f"Periode: {datum(u.van)} tot en met {datum(u.tot)} ({getal_nl(Decimal(u.dagen))} dagen)")
    console.print(f"Hulpvragen: {getal_nl(Decimal(u.hulpvragen))}")
    tabel = Tabel(
        title="Hulpvragen per rechtsgebied",
        title_justify="left",
        caption=None if all(a.is_exact for a in u.rechtsgebieden) else "een aandeel dat niet precies uitkomt (1 van 3), staat op twee decimalen",
        caption_justify="left",
    )
    tabel.add_column("Rechtsgebied")
    tabel.add_column("Hulpvragen", justify="right")
    tabel.add_column("Aandeel", justify="right")
    for a in u.rechtsgebieden:
        tabel.add_row(a.naam, getal_nl(Decimal(a.aantal)), _procent(a.aandeel, a.is_exact))
    rest = u.zonder_rechtsgebied
    if rest.aantal:
        tabel.add_row("Onderwerp zonder rechtsgebied", getal_nl(Decimal(rest.aantal)), _procent(rest.aandeel, rest.is_exact))
    tabel.add_row("Totaal", getal_nl(Decimal(u.hulpvragen)), "100%", style="bold")
    console.print(tabel)
    if u.niet_gekoppeld:
        los = Tabel(title="Onderwerpen zonder rechtsgebied", title_justify="left")
        los.add_column("Onderwerp")
        los.add_column("Hulpvragen", justify="right")
        for onderwerp, aantal in u.niet_gekoppeld:
            los.add_row(onderwerp, getal_nl(Decimal(aantal)))
        console.print(los)
        waar = "een eigen koppeling.yaml naast de export (kopieer die van `kostenbaten nieuw`)" if u.standaardkoppeling else u.koppeling
        console.print(f"Hoort een onderwerp bij een rechtsgebied, zet het dan onder 'onderwerpen' in {waar}.", markup=False)
    regels = [
        ("Doorverwezen", u.doorverwezen),
        ("Opgelost", u.opgelost),
        ("Opgelost zonder doorverwijzing", u.opgelost_zonder_doorverwijzing),
    ]
    for naam, waarde in regels:
        if waarde is not None:
            console.print(f"{naam}: {_ja_nee(waarde)}")
    if u.doorverwezen_naar:
        naar = Tabel(title="Doorverwezen naar", title_justify="left")
        naar.add_column("Organisatie")
        naar.add_column("Hulpvragen", justify="right")
        for organisatie, aantal in u.doorverwezen_naar:
            naar.add_row(organisatie, getal_nl(Decimal(aantal)))
        console.print(naar)
    if u.uren is not None:
        per = u.uren_per_hulpvraag
        tekst = "geen uren ingevuld" if per is None else f"{getal_nl(per, 2)} uur ({uren(u.uren)} over {getal_nl(Decimal(u.uren_ingevuld))} hulpvragen)"
        console.print(f"Uren per hulpvraag: {tekst}")
    if u.meldingen:
        console.print(f"Niet (helemaal) meegeteld: {len(u.meldingen)} regel(s)")
        for m in u.meldingen:
            console.print(f"  {m.plek}: {m.melding}", soft_wrap=True, markup=False)
