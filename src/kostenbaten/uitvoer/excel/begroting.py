"""De begroting als werkboek met levende formules: invullen in Excel, teruglezen met `kostenbaten begroting`.

Alle totalen, de subtotalen per betaler (SUMIF), de kosten per hulpvraag, de
verwachte baten en het omslagpunt zijn formules over de gele invoercellen.
De baten per casus uit de KBA zijn grijze vaste waarden: kostenbaten rekent ze
bij het inlezen opnieuw uit de casussenmap.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl.chart import BarChart, Reference

from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.model.begroting import BETALERS
from kostenbaten.model.casus import METHODEN
from kostenbaten.model.werkboek import (
    ALGEMEEN,
    BLAD,
    JA,
    K_BETALER,
    K_KOSTEN,
    K_NAAM,
    K_SJD,
    K_TARIEF,
    K_TOELICHTING,
    K_UREN,
    NEE,
    SECTIES,
    SUBTOTAAL,
    tabelrijen,
)
from kostenbaten.uitvoer.excel.blad import (
    BOVENRAND,
    EURO,
    EURO_HEEL,
    EURO_LEEG,
    GETAL,
    HEEL,
    NL,
    PROCENT_GETAL,
    TITEL,
    UITLEG,
    VET,
    Blad,
    afdrukklaar,
    getalregel,
    keuzelijst,
    niet_negatief,
    nieuw_werkboek,
    toelichting,
)

NVT = "n.v.t."
TEKSTVELDEN = ("naam", "omschrijving", "casussen")

KOPPEN = {
    "personeel": ["Uren per week", "SJD-uren? (ja/nee)", "Tarief (€ per uur)"],
    "per_sjd_uur": ["", "", "Tarief (€ per SJD-uur)"],
    "eenmalig": ["", "", "Bedrag (€)"],
}

TOELICHTING = [
    "Dit werkboek is een begroting voor een sociaal-juridisch spreekuur in de bibliotheek, voor één jaar. "
    "Het is gemaakt met kostenbaten; de uren per week komen uit de handreiking, het SJD-tarief en de kosten "
    "per SJD-uur uit de kosten-batenanalyse (KBA) van Hengelo. Andere tarieven en bedragen zijn aannames: vervang ze.",
    "Zo vult u het in:",
    "1. Gele cellen zijn invoer. Vul getallen in zonder euroteken; de eenheid staat in de kop of naast de cel. "
    "Alleen getallen van 0 of meer zijn toegestaan; de betaler en 'ja/nee' kiest u uit een lijst.",
    "2. Grijze cellen vult kostenbaten in (de baten per casus uit de KBA). Wijzigen kan, maar bij het teruglezen "
    "rekent kostenbaten ze opnieuw uit de casussenmap.",
    "3. Witte cellen met bedragen zijn formules: ze rekenen vanzelf mee als u een uur, tarief of aantal verandert.",
    "4. Een regel toevoegen: gebruik een lege gele regel in de tabel. Is er geen meer, voeg dan midden in de tabel "
    "een rij in en kopieer de formule in de kolom Kosten van de regel erboven.",
    "Zo rekent het werkboek:",
    "Personeel: uren per week x weken per jaar x tarief. Regels met 'ja' in de kolom SJD-uren tellen mee als uren "
    "van de sociaal-juridisch dienstverlener.",
    "Kosten per SJD-uur (zoals de project- en servicekosten in de KBA): alle SJD-uren per week x weken per jaar x tarief.",
    "Eenmalige kosten tellen alleen in het eerste jaar. Totaal eerste jaar = structurele plus eenmalige kosten; "
    "kosten per hulpvraag = totaal eerste jaar / hulpvragen per jaar.",
    "Baten: per rechtsgebied het aandeel van de hulpvragen x de gemiddelde baten per casus uit de KBA. Dat zijn de "
    "baten, niet de netto-opbrengst: de KBA trekt in de netto-opbrengst de SJD-kosten al af, en die kosten staan hier "
    "in de begroting. Hulpvragen buiten de rechtsgebieden van de casussen tellen voor nul. Met de KBA-methode 'rapport' "
    "telt één gemiddelde over alle casussen (zoals de KBA zelf), met 'gewogen' het gemiddelde per rechtsgebied.",
    "Omslagpunt: het aantal hulpvragen per jaar waarbij de verwachte baten de kosten van het eerste jaar dekken, "
    "naar boven afgerond.",
    "Teruglezen en doorrekenen:",
    "kostenbaten begroting dit-werkboek.xlsx   (tabellen in de terminal; met --xlsx een nieuw werkboek)",
    "Dit werkboek bevat formules zonder opgeslagen uitkomsten en vraagt het rekenprogramma om bij het openen alles "
    "te herberekenen. Excel en LibreOffice doen dat vanzelf; een voorbeeldweergave die niet rekent, toont lege cellen.",
]


def casussen_vanaf(u: BegrotingUitkomst, bron: Path, doel: Path) -> str | None:
    """De casussenmap zoals het nieuwe werkboek hem moet noemen: relatief aan de map van het werkboek."""
    if u.begroting.casussen is None:
        return None
    map_ = os.path.abspath(Path(bron).parent / u.begroting.casussen)
    return Path(os.path.relpath(map_, os.path.abspath(Path(doel).parent))).as_posix()


def bouw(u: BegrotingUitkomst, casussen: str | None):
    """De werkmap en het register {'Blad!F12': verwachte waarde} van elke formulecel."""
    wb, verwacht = nieuw_werkboek()
    toelichting(wb, "Toelichting bij de begroting", TOELICHTING)
    ws = wb.create_sheet(BLAD, 0)
    wb.active = 0
    b = Blad(ws, verwacht)
    b.breedtes({"A": 46, "B": 16, "C": 16, "D": 18, "E": 18, "F": 18, "G": 48})
    b.tekst("A1", "Begroting sociaal-juridische dienstverlening in de bibliotheek", TITEL)
    b.tekst("A2", "Geel: invoer. Grijs: uit de KBA. Wit: formules die vanzelf meerekenen. Zie het blad Toelichting.", UITLEG)
    ws.freeze_panes = "A3"

    getal = niet_negatief()
    # -- algemeen --------------------------------------------------------------
    b.kopregel(4, ["Algemeen", "Waarde", "Eenheid"])
    cel = {}
    waarden = {
        "naam": u.begroting.naam,
        "omschrijving": u.begroting.omschrijving,
        "weken_per_jaar": u.begroting.weken_per_jaar,
        "hulpvragen_per_jaar": u.hulpvragen,
        "casussen": casussen,
        "kba_methode": u.begroting.kba_methode,
    }
    for rij, (sleutel, (label, eenheid)) in enumerate(ALGEMEEN.items(), start=5):
        b.tekst(f"A{rij}", label)
        b.invoer(f"B{rij}", waarden[sleutel])
        if sleutel in TEKSTVELDEN:
            # Een naam, omschrijving of pad is te lang voor kolom B: de cel loopt door tot en met F.
            ws.merge_cells(f"B{rij}:F{rij}")
            b.tekst(f"{K_TOELICHTING}{rij}", eenheid, UITLEG)
        else:
            b.tekst(f"C{rij}", eenheid, UITLEG)
        cel[sleutel] = f"B{rij}"
    weken, hulpvragen = b.ref(cel["weken_per_jaar"]), b.ref(cel["hulpvragen_per_jaar"])
    b.validatie(getalregel("between", "Vul een aantal weken van 0 tot en met 53 in.", "0", "53"), cel["weken_per_jaar"])
    b.validatie(getalregel("greaterThan", "Vul een aantal hulpvragen groter dan 0 in.", "0"), cel["hulpvragen_per_jaar"])
    b.validatie(keuzelijst(METHODEN, "Onbekende methode"), cel["kba_methode"])

    betalerlijst = keuzelijst(BETALERS.values(), "Onbekende betaler")
    janeelijst = keuzelijst((JA, NEE), "Kies ja of nee")
    rij = 5 + len(ALGEMEEN) + 1
    bereik, subtotaal = {}, {}
    sjd_uren = None
    for soort, titel in SECTIES.items():
        b.kopregel(rij, [titel, *KOPPEN[soort], "Betaler", "Kosten", "Toelichting"])
        eerste = rij + 1
        regels = u.van_soort(soort)
        bron = getattr(u.begroting, soort)
        for i in range(tabelrijen(soort, len(regels))):
            r = eerste + i
            regel = bron[i] if i < len(regels) else None
            b.invoer(f"{K_NAAM}{r}", regel.naam if regel else None)
            if soort == "personeel":
                b.invoer(f"{K_UREN}{r}", regel.uren_per_week if regel else None)
                b.invoer(f"{K_SJD}{r}", (JA if regel.sjd else NEE) if regel else None)
                b.validatie(getal, f"{K_UREN}{r}")
                b.validatie(janeelijst, f"{K_SJD}{r}")
            b.invoer(f"{K_TARIEF}{r}", (regel.bedrag if soort == "eenmalig" else regel.tarief) if regel else None, EURO)
            b.invoer(f"{K_BETALER}{r}", BETALERS[regel.betaler] if regel else None)
            b.invoer(f"{K_TOELICHTING}{r}", regel.toelichting if regel else None)
            b.validatie(getal, f"{K_TARIEF}{r}")
            b.validatie(betalerlijst, f"{K_BETALER}{r}")
            bedrag = regels[i].bedrag if regel else 0
            if soort == "personeel":
                formule = f"{K_UREN}{r}*{weken}*{K_TARIEF}{r}"
            elif soort == "per_sjd_uur":
                formule = f"{sjd_uren}*{weken}*{K_TARIEF}{r}"
            else:
                formule = f"{K_TARIEF}{r}"
            # Een lege regel drukt leeg af, niet als "€ 0,00"; een ingevulde regel toont ook een nul.
            b.formule(f"{K_KOSTEN}{r}", formule, bedrag, EURO if regel else EURO_LEEG)
        laatste = eerste + tabelrijen(soort, len(regels)) - 1
        rij = laatste + 1
        b.tekst(f"{K_NAAM}{rij}", f"{SUBTOTAAL} {titel[0].lower()}{titel[1:]}", VET)
        b.formule(f"{K_KOSTEN}{rij}", f"SUM({K_KOSTEN}{eerste}:{K_KOSTEN}{laatste})", sum((r.bedrag for r in regels), 0), font=VET)
        for kolom in "ABCDEFG":
            ws[f"{kolom}{rij}"].border = BOVENRAND
        bereik[soort] = (eerste, laatste)
        subtotaal[soort] = b.ref(f"{K_KOSTEN}{rij}")
        if soort == "personeel":
            rij += 1
            b.tekst(f"{K_NAAM}{rij}", "SJD-uren per week (regels met 'ja')")
            b.formule(
                f"{K_UREN}{rij}",
                f'SUMIF({K_SJD}{eerste}:{K_SJD}{laatste},"{JA}",{K_UREN}{eerste}:{K_UREN}{laatste})',
                u.sjd_uren_per_week,
                formaat=GETAL,
            )
            sjd_uren = b.ref(f"{K_UREN}{rij}")
        rij += 2

    # -- totalen -----------------------------------------------------------------
    b.kopregel(rij, ["Totalen", "", "", "", "", "Kosten"])
    rij += 1
    structureel, eenmalig, totaal = (b.ref(f"{K_KOSTEN}{rij + i}") for i in range(3))
    totaal_rijen = [
        ("Structurele kosten per jaar", f"{subtotaal['personeel']}+{subtotaal['per_sjd_uur']}", u.structureel, None),
        ("Eenmalige kosten (eerste jaar)", subtotaal["eenmalig"], u.eenmalig, None),
        ("Totaal eerste jaar", f"{structureel}+{eenmalig}", u.totaal, VET),
        ("Kosten per hulpvraag", f"{totaal}/{hulpvragen}", u.kosten_per_hulpvraag, None),
    ]
    for label, formule, waarde, font in totaal_rijen:
        b.tekst(f"A{rij}", label, font)
        b.formule(f"{K_KOSTEN}{rij}", formule, waarde, font=font)
        rij += 1

    # -- per betaler -------------------------------------------------------------
    rij += 1
    b.kopregel(rij, ["Kosten per betaler", "Structureel per jaar", "Eenmalig", "Totaal eerste jaar"])
    rij += 1
    eerste_betaler = rij

    def sumif(soort: str, rij: int) -> str:
        e, l = bereik[soort]
        return f"SUMIF({K_BETALER}{e}:{K_BETALER}{l},A{rij},{K_KOSTEN}{e}:{K_KOSTEN}{l})"

    for kosten in u.per_betaler():
        b.tekst(f"A{rij}", BETALERS[kosten.betaler])
        b.formule(f"B{rij}", f"{sumif('personeel', rij)}+{sumif('per_sjd_uur', rij)}", kosten.structureel)
        b.formule(f"C{rij}", sumif("eenmalig", rij), kosten.eenmalig)
        b.formule(f"D{rij}", f"B{rij}+C{rij}", kosten.totaal)
        rij += 1
    b.tekst(f"A{rij}", "Totaal", VET)
    for kolom, waarde in zip("BCD", (u.structureel, u.eenmalig, u.totaal)):
        b.formule(f"{kolom}{rij}", f"SUM({kolom}{eerste_betaler}:{kolom}{rij - 1})", waarde, font=VET)
        ws[f"{kolom}{rij}"].border = BOVENRAND
    laatste_rij = rij

    if u.baten is not None:
        laatste_rij = _baten(b, u, rij + 2, cel, totaal, hulpvragen)
    afdrukklaar(ws, f"A1:G{laatste_rij}", liggend=True, titelrijen="1:2")
    return wb, verwacht


def _baten(b: Blad, u: BegrotingUitkomst, rij: int, cel: dict, totaal: str, hulpvragen: str) -> int:
    """Het batenblok uit de KBA, het saldo en de grafiek; geeft de laatste gebruikte rij."""
    kba = u.baten
    methode = b.ref(cel["kba_methode"])
    b.kopregel(
        rij,
        ["Baten uit de KBA " + kba.pilot, "Aandeel van de hulpvragen (%)", "Casussen", "Baten per casus, alle casussen",
         "Baten per casus, eigen rechtsgebied", "Baten per hulpvraag"],
    )
    b.tekst(f"{K_TOELICHTING}{rij}", "Grijs: berekend uit de casussen (baten, niet netto).", UITLEG)
    rij += 1
    eerste = rij
    for g in kba.gebieden:
        b.tekst(f"A{rij}", g.naam)
        b.afgeleid(f"B{rij}", g.aandeel)
        b.afgeleid(f"C{rij}", g.aantal_casussen)
        # Beide gemiddelden staan er, zodat de KBA-methode in Excel te wisselen is.
        b.afgeleid(f"D{rij}", g.gemiddelde_alle, EURO)
        b.afgeleid(f"E{rij}", g.gemiddelde_eigen, EURO)
        b.formule(f"F{rij}", f'B{rij}*IF({methode}="gewogen",E{rij},D{rij})/100', g.per_hulpvraag)
        rij += 1
    b.tekst(f"A{rij}", "Samen: dekking en baten per hulpvraag", VET)
    b.formule(f"B{rij}", f"SUM(B{eerste}:B{rij - 1})", kba.dekking, formaat=PROCENT_GETAL)
    b.formule(f"F{rij}", f"SUM(F{eerste}:F{rij - 1})", kba.per_hulpvraag, font=VET)
    per_hulpvraag = b.ref(f"F{rij}")
    rij += 2

    b.kopregel(rij, ["Kosten en baten", "", "", "", "", "Bedrag"])
    rij += 1
    grafiek_eerste = rij
    baten = b.ref(f"F{rij + 1}")
    saldo = [
        ("Kosten eerste jaar", totaal, u.totaal, EURO_HEEL),
        ("Verwachte baten (hulpvragen x baten per hulpvraag)", f"{hulpvragen}*{per_hulpvraag}", u.verwachte_baten, EURO_HEEL),
        ("Netto resultaat (verwachte baten min kosten)", f"{baten}-{totaal}", u.netto, EURO_HEEL),
        ("Baten/kosten-verhouding", f'IF({totaal}>0,{baten}/{totaal},"{NVT}")', _of_nvt(u.verhouding), VERHOUDING),
        (
            "Omslagpunt (hulpvragen per jaar, naar boven afgerond)",
            f'IF({per_hulpvraag}>0,ROUNDUP({totaal}/{per_hulpvraag},0),"{NVT}")',
            _of_nvt(u.omslagpunt),
            HEEL,
        ),
    ]
    for label, formule, waarde, formaat in saldo:
        b.tekst(f"A{rij}", label, VET if label.startswith("Netto") else None)
        b.formule(f"F{rij}", formule, waarde, formaat, font=VET if label.startswith("Netto") else None)
        rij += 1

    grafiek = BarChart()
    grafiek.type = "col"
    grafiek.title = "Kosten eerste jaar en verwachte baten"
    grafiek.y_axis.title = "euro"
    grafiek.y_axis.numFmt = EURO_HEEL
    grafiek.legend = None
    grafiek.add_data(Reference(b.ws, min_col=6, min_row=grafiek_eerste, max_row=grafiek_eerste + 1), titles_from_data=False)
    grafiek.set_categories(Reference(b.ws, min_col=1, min_row=grafiek_eerste, max_row=grafiek_eerste + 1))
    grafiek.height, grafiek.width = 7.5, 16
    b.ws.add_chart(grafiek, f"A{rij + 1}")
    return rij + 16


VERHOUDING = NL + "0.00"


def _of_nvt(waarde):
    return NVT if waarde is None else waarde


def werkmap(u: BegrotingUitkomst, bron: Path, doel: Path):
    """De begrotingswerkmap met levende formules; de casussenmap relatief aan `doel`."""
    return bouw(u, casussen_vanaf(u, bron, doel))[0]
