"""De KBA als werkmap met levende formules: elke casus zoals het rapport, de samenvatting en beide extrapolaties.

Invoer (uren, tarieven, kengetallen, aandelen, hulpvragen, bedragen) staat in
gele cellen; alle kosten, baten, totalen, gemiddelden en extrapolaties zijn
formules daarover, ook de afrondingen van het rapport (TRUNC, ROUND(...;-3)
en hele procenten). Elke formule heeft de waarde van de rekenkern als
verwachting, zodat een test de werkmap in LibreOffice kan narekenen.
"""

from __future__ import annotations

from openpyxl.chart import Reference
from openpyxl.styles import Alignment

from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst
from kostenbaten.uitvoer.excel.blad import (
    BOVENRAND,
    EURO,
    GETAL,
    HEEL,
    TITEL,
    UITLEG,
    VET,
    Blad,
    afdrukklaar,
    grafiek_op_pagina,
    niet_negatief,
    nieuwe_werkmap,
    staafgrafiek,
    toelichting,
)
from kostenbaten.uitvoer.namen import groep_naam

LINKS = Alignment(horizontal="left")
# De groepen zoals de werkmap ze kopt; de derde alleen als een post erbij hoort (`PilotUitkomst.heeft_overig`).
GROEP_KOPPEN = {"client": "Cliënt", "overheid": "Overheid", "overig": "Overig"}


def _groepen(u: PilotUitkomst) -> tuple[str, ...]:
    return ("client", "overheid", "overig") if u.heeft_overig else ("client", "overheid")

TOELICHTING = [
    "Deze werkmap bevat de kosten-batenanalyse (KBA) zoals kostenbaten hem doorrekent, met formules in plaats van vaste getallen.",
    "Invoer: de gele cellen op het blad Invoer (hulpvragen, tarieven per SJD-uur, kengetallen, aandelen van de "
    "rechtsgebieden) en op het blad Casussen (SJD-uren, vaste bedragen, maandbedragen en looptijden).",
    "Casussen: per casus de kosten (SJD-uren x tarief) naast de baten, zoals in het rapport. Cliënt is de baat van de "
    "cliënt; overheid is de vermeden kosten van de overheid min de kosten. Hoort een post bij een andere partij "
    "(woningcorporatie, schuldeiser, zorgverzekeraar, werkgever), dan staat die in een derde groep: overig.",
    "Samenvatting: per casus de totalen, het gemiddelde en twee extrapolaties. 'rapport' vermenigvuldigt het gemiddelde "
    "netto per casus met de gedekte hulpvragen, ook met de afrondingen van het rapport (gemiddelde zonder centen, "
    "totaal op duizendtallen, verdeling in hele procenten). 'gewogen' rekent per rechtsgebied met het eigen gemiddelde.",
    "Deze werkmap bevat formules zonder opgeslagen uitkomsten en vraagt het rekenprogramma om bij het openen alles te "
    "herberekenen. Excel en LibreOffice doen dat vanzelf.",
]


def _kosten_formule(invoer: dict, uren: str, sleutel: str) -> str:
    return f"{uren}*{invoer['tarief'][sleutel]}"


def _invoerblad(wb, u: PilotUitkomst, verwacht: dict) -> dict:
    """Het blad met de pilotinvoer; geeft de absolute verwijzingen naar elke invoercel."""
    pilot = u.pilot
    b = Blad(wb.create_sheet("Invoer"), verwacht)
    b.breedtes({"A": 30, "B": 36, "C": 16, "D": 16, "E": 12, "F": 70})
    b.tekst("A1", f"Invoer van de KBA {pilot.naam}", TITEL)
    getal = niet_negatief()
    ref = {"tarief": {}, "kengetal": {}, "aandeel": {}, "gebied": {}}
    b.kopregel(3, ["Pilot", "Waarde", "Eenheid"])
    b.tekst("A4", "Hulpvragen")
    b.invoer("B4", pilot.hulpvragen.waarde)
    b.tekst("C4", "in de periode", UITLEG)
    b.tekst("A5", "Maanden in beeld")
    b.invoer("B5", pilot.maanden_in_beeld)
    b.tekst("C5", "maanden", UITLEG)
    for cel in ("B4", "B5"):
        b.validatie(getal, cel)
    ref["hulpvragen"] = b.ref("B4", blad=True)
    ref["maanden"] = b.ref("B5", blad=True)

    actoren = pilot.alle_actoren
    tabellen = [
        ("tarief", ["Tarief (sleutel)", "Naam", "€ per SJD-uur", "Betaler", "Groep"],
         {k: (t.naam, t.per_uur.waarde, EURO, actoren[t.betaler].naam, groep_naam(actoren[t.betaler].groep)) for k, t in pilot.tarieven.items()}),
        ("kengetal", ["Kengetal (sleutel)", "Naam", "Bedrag", "Actor", "Groep", "Bron"],
         {k: (g.naam, g.bedrag.waarde, EURO, actoren[g.actor].naam, groep_naam(actoren[g.actor].groep), g.bron) for k, g in pilot.kengetallen.items()}),
        ("aandeel", ["Rechtsgebied (sleutel)", "Naam", "Aandeel (%)"],
         {k: (g.naam, g.aandeel.waarde, None) for k, g in pilot.rechtsgebieden.items()}),
    ]
    rij = 5
    for soort, koppen, regels in tabellen:
        # Per regel: sleutel, naam, de invoercel (kolom C) en daarna toelichtende tekst.
        rij += 2
        b.kopregel(rij, koppen)
        for sleutel, (naam, waarde, formaat, *tekst) in regels.items():
            rij += 1
            b.tekst(f"A{rij}", sleutel)
            b.tekst(f"B{rij}", naam)
            b.invoer(f"C{rij}", waarde, formaat)
            b.validatie(getal, f"C{rij}")
            for kolom, t in zip("DEF", tekst):
                b.tekst(f"{kolom}{rij}", t)
            ref[soort][sleutel] = b.ref(f"C{rij}", blad=True)
            if soort == "aandeel":
                ref["gebied"][sleutel] = b.ref(f"B{rij}", blad=True)  # de samenvatting noemt het rechtsgebied bij naam
    b.ws.freeze_panes = "A2"
    afdrukklaar(b.ws, f"A1:F{rij}", liggend=True)
    return ref


def _casus(b: Blad, c: CasusUitkomst, rij: int, invoer: dict, getal, groepen=("client", "overheid")) -> tuple[int, dict]:
    """Eén casus als Kosten | Baten-tabel; geeft de volgende vrije rij en de cellen van de totalen (per groep in `groepen`)."""
    casus = c.casus
    b.tekst(f"A{rij}", f"Casus {casus.nummer}: {casus.titel}", VET)
    b.tekst(f"D{rij}", "SJD-uren")
    b.invoer(f"E{rij}", casus.uren.waarde)
    b.validatie(getal, f"E{rij}")
    uren = b.ref(f"E{rij}")
    kans = None
    if casus.kans is not None:
        b.tekst(f"G{rij}", "Kans van slagen")
        b.invoer(f"H{rij}", casus.kans.waarde)
        kans = b.ref(f"H{rij}")
    rij += 1
    b.kopregel(rij, ["Kosten", "Bedrag", "Groep", "Baten", "Bedrag", "Groep", "Invoer (€)", "Maanden"])
    eerste = rij + 1
    effecten = list(casus.effecten)
    regels = max(len(c.kosten), len(c.baten) + len(effecten))
    for i in range(regels):
        r = eerste + i
        if i < len(c.kosten):
            post = c.kosten[i]
            b.tekst(f"A{r}", post.naam)
            b.formule(f"B{r}", _kosten_formule(invoer, uren, post.sleutel), post.bedrag)
            b.tekst(f"C{r}", groep_naam(post.groep))
        if i < len(c.baten):
            post = c.baten[i]
            baat = casus.baten[i]
            b.tekst(f"D{r}", post.naam)
            if post.soort == "kengetal":
                formule = invoer["kengetal"][post.sleutel]
            elif post.soort == "per_maand":
                b.invoer(f"G{r}", baat.per_maand.waarde, EURO)
                b.invoer(f"H{r}", baat.maanden)
                formule = f"G{r}*MIN(H{r},{invoer['maanden']})"
            else:
                b.invoer(f"G{r}", baat.bedrag.waarde, EURO)
                formule = f"G{r}"
            if kans is not None:
                formule = f"{formule}*{kans}"
            b.formule(f"E{r}", formule, post.bedrag)
            b.tekst(f"F{r}", groep_naam(post.groep))
        elif i - len(c.baten) < len(effecten):
            b.tekst(f"D{r}", effecten[i - len(c.baten)], UITLEG)
            b.tekst(f"E{r}", "niet in €", UITLEG)
    laatste = eerste + max(regels, 1) - 1
    rij = laatste + 1
    kosten, baten = f"B{eerste}:B{laatste}", f"E{eerste}:E{laatste}"
    b.tekst(f"A{rij}", "Totaal kosten", VET)
    b.formule(f"B{rij}", f"SUM({kosten})", c.totaal_kosten, font=VET)
    b.tekst(f"D{rij}", "Totaal baten", VET)
    b.formule(f"E{rij}", f"SUM({baten})", c.totaal_baten, font=VET)
    for kolom in "ABCDEF":
        b.ws[f"{kolom}{rij}"].border = BOVENRAND
    cellen = {"kosten": b.ref(f"B{rij}", blad=True), "baten": b.ref(f"E{rij}", blad=True)}
    b.tekst(f"A{rij + 1}", "Netto (baten - kosten)", VET)
    b.formule(f"B{rij + 1}", f"E{rij}-B{rij}", c.netto, font=VET)
    cellen["netto"] = b.ref(f"B{rij + 1}", blad=True)
    for r, groep in enumerate(groepen, start=rij + 1):
        waarde = getattr(c, groep)
        b.tekst(f"D{r}", GROEP_KOPPEN[groep])
        b.formule(
            f"E{r}",
            f'SUMIF(F{eerste}:F{laatste},"{groep_naam(groep)}",{baten})-SUMIF(C{eerste}:C{laatste},"{groep_naam(groep)}",{kosten})',
            waarde,
        )
        cellen[groep] = b.ref(f"E{r}", blad=True)
    rij += 1 + len(groepen)
    for cijfer, uitleg in casus.errata.items():
        # Een bekende fout in het rapport staat bij de casus, zodat een lezer het verschil begrijpt.
        b.tekst(f"A{rij}", f"Erratum ({cijfer}): {' '.join(uitleg.split())}", UITLEG)
        rij += 1
    return rij + 1, cellen


def _samenvatting(wb, u: PilotUitkomst, verwacht: dict, invoer: dict, totalen: dict) -> None:
    pilot = u.pilot
    b = Blad(wb.create_sheet("Samenvatting"), verwacht)
    groepen = _groepen(u)
    # Kolom G en verder: één kolom per groep (cliënt, overheid en zo nodig overig).
    gk = dict(zip(groepen, "GHI"))
    laatste_kolom = gk[groepen[-1]]
    b.breedtes({"A": 34, "B": 48, "C": 24, "D": 15, "E": 15, "F": 15, "G": 15, "H": 15, "I": 15})
    b.tekst("A1", f"Samenvatting pilot {pilot.naam}", TITEL)
    b.kopregel(3, ["Casus", "Titel", "Rechtsgebied", "Kosten", "Baten", "Netto", *(GROEP_KOPPEN[g] for g in groepen)])
    b.ws.freeze_panes = "A4"
    eerste = 4
    velden = ("kosten", "baten", "netto", *groepen)
    for i, c in enumerate(u.casussen):
        r = eerste + i
        b.ws[f"A{r}"] = c.nummer
        b.ws[f"A{r}"].alignment = LINKS
        b.tekst(f"B{r}", c.casus.titel)
        b.tekst(f"C{r}", pilot.rechtsgebieden[c.casus.rechtsgebied].naam)
        waarden = (c.totaal_kosten, c.totaal_baten, c.netto, *(getattr(c, g) for g in groepen))
        for kolom, veld, waarde in zip("DEFGHI", velden, waarden):
            b.formule(f"{kolom}{r}", totalen[c.nummer][veld], waarde)
    laatste = eerste + len(u.casussen) - 1
    r = laatste + 1
    sommen = {"F": u.som_netto, **{gk[g]: sum((getattr(c, g) for c in u.casussen), 0) for g in groepen}}
    gemiddelden = {"client": u.gemiddelde_client, "overheid": u.gemiddelde_overheid, "overig": u.gemiddelde_overig}
    b.tekst(f"A{r}", "Som", VET)
    b.tekst(f"A{r + 1}", "Gemiddeld per casus", VET)
    for kolom, gemiddelde in zip("F" + "".join(gk.values()), (u.gemiddelde_netto, *(gemiddelden[g] for g in groepen))):
        b.formule(f"{kolom}{r}", f"SUM({kolom}{eerste}:{kolom}{laatste})", sommen[kolom], font=VET)
        b.formule(f"{kolom}{r + 1}", f"AVERAGE({kolom}{eerste}:{kolom}{laatste})", gemiddelde, font=VET)
        b.ws[f"{kolom}{r}"].border = BOVENRAND
    som = {k: b.ref(f"{k}{r}") for k in "F" + "".join(gk.values())}
    gemiddelde_netto = b.ref(f"F{r + 1}")

    # -- extrapolatie volgens het rapport -----------------------------------------
    rapport = u.extrapolaties["rapport"]
    r += 3
    b.kopregel(r, ["Extrapolatie 'rapport' (vlak gemiddelde)", "Berekening", "", "", "", "Waarde"])
    aandelen = ",".join(invoer["aandeel"].values())
    regels = [
        ("hulpvragen", "Hulpvragen", "uit de invoer", invoer["hulpvragen"], rapport.hulpvragen, GETAL),
        ("dekking", "Dekking (%)", "som van de aandelen van de rechtsgebieden", f"SUM({aandelen})", u.dekking, GETAL),
        ("gedekt", "Gedekte hulpvragen", "hulpvragen x dekking / 100", "{hulpvragen}*{dekking}/100", rapport.gedekt, GETAL),
        ("n", "Aantal casussen", "", f"COUNT(A{eerste}:A{laatste})", len(u.casussen), HEEL),
        ("totaal", "Totaal, exact", "som netto x gedekt / aantal casussen", f"{som['F']}*{{gedekt}}/{{n}}", rapport.totaal, EURO),
        ("client", "Cliënt, exact", "som cliënt x gedekt / aantal casussen", f"{som['G']}*{{gedekt}}/{{n}}", rapport.client, EURO),
        ("overheid", "Overheid, exact", "som overheid x gedekt / aantal casussen", f"{som['H']}*{{gedekt}}/{{n}}", rapport.overheid, EURO),
    ]
    if "overig" in gk:
        regels.append(("overig", "Overig, exact", "som overig x gedekt / aantal casussen", f"{som['I']}*{{gedekt}}/{{n}}", rapport.overig, EURO))
    pub = u.gepubliceerd
    regels += [] if not pub else [
        ("gemiddelde_netto", "Gemiddelde netto zonder centen", "TRUNC: centen weglaten", f"TRUNC({gemiddelde_netto})",
         pub["gemiddelde_netto"].waarde, EURO),
        ("pub_totaal", "Totaal zoals gepubliceerd", "afgekapt gemiddelde x gedekt, op duizendtallen",
         "ROUND({gemiddelde_netto}*{gedekt},-3)", pub["totaal"].waarde, EURO),
    ]
    if "aandeel_client" in pub:
        regels += [
            ("aandeel_client", "Aandeel cliënt (%)", "som cliënt / som netto, in hele procenten",
             f"ROUND({som['G']}*100/{som['F']},0)", pub["aandeel_client"].waarde, HEEL),
            ("aandeel_overheid", "Aandeel overheid (%)", "100 min het aandeel van de cliënt", "100-{aandeel_client}",
             pub["aandeel_overheid"].waarde, HEEL),
            ("pub_client", "Cliënt zoals gepubliceerd", "gepubliceerd totaal x aandeel cliënt / 100",
             "{pub_totaal}*{aandeel_client}/100", pub["client"].waarde, EURO),
            ("pub_overheid", "Overheid zoals gepubliceerd", "gepubliceerd totaal x aandeel overheid / 100",
             "{pub_totaal}*{aandeel_overheid}/100", pub["overheid"].waarde, EURO),
        ]
    cel: dict[str, str] = {}
    for sleutel, label, uitleg, formule, waarde, formaat in regels:
        r += 1
        b.tekst(f"A{r}", label, VET if "gepubliceerd" in label else None)
        b.tekst(f"B{r}", uitleg, UITLEG)
        b.formule(f"F{r}", formule.format(**cel), waarde, formaat)
        cel[sleutel] = b.ref(f"F{r}")

    # -- gewogen extrapolatie per rechtsgebied --------------------------------------
    gewogen = u.extrapolaties["gewogen"]
    r += 2
    b.kopregel(r, ["Extrapolatie 'gewogen' per rechtsgebied", "Aandeel (%)", "Hulpvragen", "Casussen",
                   "Gemiddelde netto", "Totaal", *(GROEP_KOPPEN[g] for g in groepen)])
    gebieden = f"$C${eerste}:$C${laatste}"
    eerste_gebied = r + 1
    for d in gewogen.delen:
        r += 1
        gebied = invoer["gebied"][d.rechtsgebied]
        b.tekst(f"A{r}", pilot.rechtsgebieden[d.rechtsgebied].naam)
        b.formule(f"B{r}", invoer["aandeel"][d.rechtsgebied], pilot.rechtsgebieden[d.rechtsgebied].aandeel.waarde, GETAL)
        b.formule(f"C{r}", f"{invoer['hulpvragen']}*B{r}/100", d.hulpvragen, GETAL)
        b.formule(f"D{r}", f"COUNTIF({gebieden},{gebied})", d.aantal_casussen, HEEL)

        def gemiddeld(kolom: str) -> str:
            return f"IF(D{r}=0,0,AVERAGEIF({gebieden},{gebied},${kolom}${eerste}:${kolom}${laatste}))"

        b.formule(f"E{r}", gemiddeld("F"), d.gemiddelde_netto)
        b.formule(f"F{r}", f"E{r}*C{r}", d.totaal)
        for g, kolom in gk.items():
            b.formule(f"{kolom}{r}", f"{gemiddeld(kolom)}*C{r}", getattr(d, g))
    r += 1
    b.tekst(f"A{r}", "Totaal gewogen", VET)
    b.formule(f"C{r}", f"SUM(C{eerste_gebied}:C{r - 1})", gewogen.gedekt, GETAL, font=VET)
    for kolom, waarde in zip("F" + "".join(gk.values()), (gewogen.totaal, *(getattr(gewogen, g) for g in groepen))):
        b.formule(f"{kolom}{r}", f"SUM({kolom}{eerste_gebied}:{kolom}{r - 1})", waarde, font=VET)
    for kolom in "ABCDEF" + "".join(gk.values()):
        b.ws[f"{kolom}{r}"].border = BOVENRAND
    afdrukklaar(b.ws, f"A1:{laatste_kolom}{r}", liggend=True, titelrijen="1:3")


def _grafiek(wb, u: PilotUitkomst) -> None:
    """Kosten naast baten per casus, uit de samenvatting, als grafiek op een eigen pagina."""
    samenvatting = wb["Samenvatting"]
    ws = wb.create_sheet("Grafiek", wb.sheetnames.index("Samenvatting") + 1)
    grafiek = staafgrafiek(f"Kosten en baten per casus, pilot {u.pilot.naam}", liggend_staven=False, as_titel="bedrag")
    grafiek.x_axis.title = "casus"
    grafiek.add_data(Reference(samenvatting, min_col=4, max_col=5, min_row=3, max_row=3 + len(u.casussen)), titles_from_data=True)
    grafiek.set_categories(Reference(samenvatting, min_col=1, min_row=4, max_row=3 + len(u.casussen)))
    grafiek_op_pagina(ws, grafiek, 24, 14, rij=1)


def bouw(u: PilotUitkomst):
    """De KBA-werkmap en het register {'Blad!B7': verwachte waarde} van elke formulecel."""
    wb, verwacht = nieuwe_werkmap()
    invoer = _invoerblad(wb, u, verwacht)
    casussen = Blad(wb.create_sheet("Casussen", 0), verwacht)
    casussen.breedtes({"A": 34, "B": 13, "C": 11, "D": 60, "E": 13, "F": 11, "G": 13, "H": 10})
    casussen.tekst("A1", f"Casussen van de KBA {u.pilot.naam}", TITEL)
    groepen = "cliënt, overheid of overig" if u.heeft_overig else "cliënt of overheid, zoals in het rapport"
    casussen.tekst("A2", f"Geel: invoer. Wit: formules. Groep: {groepen}.", UITLEG)
    casussen.ws.freeze_panes = "A3"
    rij, totalen, getal = 4, {}, niet_negatief()
    for c in u.casussen:
        rij, totalen[c.nummer] = _casus(casussen, c, rij, invoer, getal, _groepen(u))
    afdrukklaar(casussen.ws, f"A1:H{rij}", liggend=True, titelrijen="1:2")
    _samenvatting(wb, u, verwacht, invoer, totalen)
    wb.move_sheet("Samenvatting", offset=-(len(wb.sheetnames) - 2))
    _grafiek(wb, u)
    toelichting(wb, f"Toelichting bij de KBA {u.pilot.naam}", TOELICHTING)
    wb.active = 0
    return wb, verwacht


def werkmap(u: PilotUitkomst, saldo=None):
    """De KBA-werkmap met levende formules; het maatschappelijk saldo (`saldo`) staat in `actoren --xlsx`."""
    return bouw(u)[0]
