"""De begroting als werkmap met levende formules: invullen in Excel, teruglezen met `kostenbaten begroting`.

Alle totalen, de subtotalen per betaler (SUMIF), de kosten per hulpvraag, de
verwachte baten en het omslagpunt zijn formules over de gele invoercellen.
De baten per casus uit de KBA zijn grijze vaste waarden: kostenbaten rekent ze
bij het inlezen opnieuw uit de casussenmap.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment

from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.geld import som
from kostenbaten.model.begroting import BETALERS
from kostenbaten.model.bestandsnamen import verwijzing
from kostenbaten.model.casus import METHODEN
from kostenbaten.model.werkmap import (
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
    MEERJARIG,
    NEE,
    SECTIES,
    SUBTOTAAL,
    tabelrijen,
)
from kostenbaten.uitvoer.namen import NIET_BINNEN_HORIZON
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
    nieuwe_werkmap,
    toelichting,
)

NVT = "n.v.t."
VERHOUDING = NL + "0.00"
RECHTS = Alignment(horizontal="right")
TEKSTVELDEN = ("naam", "omschrijving", "casussen")

KOPPEN = {
    "personeel": ["Uren per week", "SJD-uren? (ja/nee)", "Tarief (€ per uur)"],
    "per_sjd_uur": ["", "", "Tarief (€ per SJD-uur)"],
    "eenmalig": ["", "", "Bedrag (€)"],
}

TOELICHTING = [
    "Deze werkmap is een begroting voor een sociaal-juridisch spreekuur in de bibliotheek, voor één jaar. "
    "Ze is gemaakt met kostenbaten; de uren per week komen uit de handreiking, het SJD-tarief en de kosten "
    "per SJD-uur uit de kosten-batenanalyse (KBA) van Hengelo. Andere tarieven en bedragen zijn aannames: vervang ze.",
    "Zo vult u de werkmap in:",
    "1. Gele cellen zijn invoer. Vul getallen in zonder euroteken; de eenheid staat in de kop of naast de cel. "
    "Alleen getallen van 0 of meer zijn toegestaan; de betaler en 'ja/nee' kiest u uit een lijst.",
    "2. Grijze cellen vult kostenbaten in (de baten per casus uit de KBA). Wijzigen kan, maar bij het teruglezen "
    "rekent kostenbaten ze opnieuw uit de casussenmap.",
    "3. Witte cellen met bedragen zijn formules: ze rekenen vanzelf mee als u een uur, tarief of aantal verandert.",
    "4. Een regel toevoegen: gebruik een lege gele regel in de tabel. Is er geen meer, voeg dan midden in de tabel "
    "een rij in en kopieer de formule in de kolom Kosten van de regel erboven.",
    "Zo rekent de werkmap:",
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
    "Wie betaalt en wie wint: per betaler wat hij betaalt (uit de kosten per betaler) en per actor wat hij wint "
    "(zijn deel van de baten uit de KBA, met dezelfde methode en hetzelfde aantal hulpvragen), en het saldo. Daaronder "
    "de eigen baten/kosten-verhouding en het omslagpunt van de gemeente.",
    "Meer jaren: vul een horizon in jaren in, eventueel een indexatie van de structurele kosten en een discontovoet "
    "(standaard 2,25%). Structurele kosten tellen elk jaar, eenmalige in jaar 1. Elk jaar komen er evenveel hulpvragen "
    "bij; een maandbedrag telt in het jaar van zijn maand. Jaar t telt voor 1 / (1 + discontovoet)^(t - 1). "
    "Terugverdiend in jaar: het eerste jaar waarin het opgetelde contante saldo positief is.",
    "Teruglezen en doorrekenen:",
    "kostenbaten begroting deze-werkmap.xlsx   (tabellen in de terminal; met --xlsx een nieuwe werkmap)",
    "Deze werkmap bevat formules zonder opgeslagen uitkomsten en vraagt het rekenprogramma om bij het openen alles "
    "te herberekenen. Excel en LibreOffice doen dat vanzelf; een voorbeeldweergave die niet rekent, toont lege cellen.",
]


def casussen_vanaf(u: BegrotingUitkomst, bron: Path, doel: Path) -> str | None:
    """De casussenmap zoals de nieuwe werkmap hem moet noemen: relatief aan de map van de werkmap, nooit met de mappen
    van deze machine ervoor, ook niet als de begroting of --casussen als absoluut pad gegeven is (`bestandsnamen.verwijzing`)."""
    if u.begroting.casussen is None:
        return None
    return verwijzing(Path(bron).parent / u.begroting.casussen, Path(doel).parent)


def bouw(u: BegrotingUitkomst, casussen: str | None, saldo: bool = True):
    """De werkmap en het register {'Blad!F12': verwachte waarde} van elke formulecel. Met een KBA en `saldo` ook het
    maatschappelijk saldo en de verdelingstabel op een eigen blad na de begroting, als formules over dit blad."""
    wb, verwacht = nieuwe_werkmap()
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

    betaler_rij = {}
    for kosten in u.per_betaler():
        betaler_rij[kosten.betaler] = rij
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
        laatste_rij = _per_actor(b, u, laatste_rij + 1, betaler_rij, b.ref(cel["kba_methode"]), hulpvragen)
    kosten = {"samen": (structureel, eenmalig), **{k: (b.ref(f"B{r}"), b.ref(f"C{r}")) for k, r in betaler_rij.items()}}
    laatste_rij = _meerjarig(b, u, laatste_rij + 2, kosten, b.ref(cel["kba_methode"]), hulpvragen)
    afdrukklaar(ws, f"A1:G{laatste_rij}", liggend=True, titelrijen="1:2")
    if saldo and u.maatschappelijk is not None:
        from kostenbaten.uitvoer.excel.saldo import begroting_saldo_blad

        cellen = {
            "hulpvragen": b.ref(cel["hulpvragen_per_jaar"], blad=True),
            "totaal": b.ref(totaal.replace("$", ""), blad=True),
            "methode": b.ref(cel["kba_methode"], blad=True),
            "betaler": {k: b.ref(f"D{r}", blad=True) for k, r in betaler_rij.items()},
        }
        begroting_saldo_blad(wb, u, verwacht, cellen)
        wb.move_sheet("Maatschappelijk saldo", offset=-(len(wb.sheetnames) - 2))
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


def _per_actor(b: Blad, u: BegrotingUitkomst, rij: int, betaler_rij: dict, methode: str, hulpvragen: str) -> int:
    """Per betaler of actor wat hij betaalt (uit de kosten per betaler) en wint (uit de KBA), en het saldo."""
    b.kopregel(
        rij,
        ["Wie betaalt en wie wint (eerste jaar)", "Wint per hulpvraag, rapport", "Wint per hulpvraag, gewogen",
         "Betaalt", "Wint", "Saldo", "Baten/kosten"],
    )
    rij += 1
    eerste = rij
    gewonnen = {a.actor: a for a in u.baten.actoren}
    gemeente = None
    for a in u.per_actor():
        baten = gewonnen.get(a.actor)
        b.tekst(f"A{rij}", a.naam)
        b.afgeleid(f"B{rij}", baten.rapport if baten else 0, EURO)
        b.afgeleid(f"C{rij}", baten.gewogen if baten else 0, EURO)
        if a.actor in betaler_rij:
            b.formule(f"D{rij}", f"$D${betaler_rij[a.actor]}", a.betaalt, EURO_HEEL)
        else:
            b.afgeleid(f"D{rij}", 0, EURO_HEEL)  # betaalt niets in deze begroting
        b.formule(f"E{rij}", f'{hulpvragen}*IF({methode}="gewogen",C{rij},B{rij})', a.wint, EURO_HEEL)
        b.formule(f"F{rij}", f"E{rij}-D{rij}", a.saldo, EURO_HEEL, font=VET)
        b.formule(f"G{rij}", f'IF(D{rij}>0,E{rij}/D{rij},"{NVT}")', _of_nvt(a.verhouding), VERHOUDING).alignment = RECHTS
        if a.actor == "gemeente":
            gemeente = (rij, a)
        rij += 1
    b.tekst(f"A{rij}", "Samen", VET)
    for kolom, waarde in zip("DEF", (u.totaal, u.verwachte_baten, u.netto)):
        b.formule(f"{kolom}{rij}", f"SUM({kolom}{eerste}:{kolom}{rij - 1})", waarde, EURO_HEEL, font=VET)
    for kolom in "ABCDEFG":
        b.ws[f"{kolom}{rij}"].border = BOVENRAND
    rij += 1
    g_rij, g = gemeente
    b.tekst(f"A{rij}", "Gemeente: baten/kosten (eigen kosten)")
    b.formule(f"F{rij}", f"G{g_rij}", _of_nvt(g.verhouding), VERHOUDING)
    rij += 1
    b.tekst(f"A{rij}", "Gemeente: omslagpunt (hulpvragen per jaar, naar boven afgerond)")
    per_hulpvraag = f'IF({methode}="gewogen",C{g_rij},B{g_rij})'
    b.formule(f"F{rij}", f'IF(AND(D{g_rij}>0,{per_hulpvraag}>0),ROUNDUP(D{g_rij}/{per_hulpvraag},0),"{NVT}")', _of_nvt(g.omslagpunt), HEEL)
    return rij


def _meerjarig(b: Blad, u: BegrotingUitkomst, rij: int, kosten: dict, methode: str, hulpvragen: str) -> int:
    """De begroting over de horizon: invoer (horizon, indexatie, discontovoet), de baten per levensjaar en per jaar
    de kosten, baten, het contante saldo en het cumulatieve saldo, voor allen samen en voor de gemeente.

    Kosten, baten, factoren, contante waarden en het terugverdienjaar zijn formules; het aantal rijen volgt de
    horizon waarmee de werkmap gemaakt is (een andere horizon: werkmap teruglezen en opnieuw schrijven).
    """
    m = u.meerjarig
    b.kopregel(rij, ["Meer jaren", "Waarde", "Eenheid"])
    rij += 1
    cellen = {}
    for sleutel, (label, eenheid) in MEERJARIG.items():
        b.tekst(f"A{rij}", label)
        b.invoer(f"B{rij}", {"horizon": m.horizon, "indexatie": m.indexatie, "disconto": m.disconto}[sleutel])
        b.tekst(f"C{rij}", eenheid, UITLEG)
        cellen[sleutel] = b.ref(f"B{rij}")
        rij += 1
    b.validatie(getalregel("between", "Vul een horizon van 1 tot en met 100 jaar in.", "1", "100"), cellen["horizon"].replace("$", ""))
    procent = getalregel("between", "Vul een percentage van 0 tot en met 100 in.", "0", "100")
    for sleutel in ("indexatie", "disconto"):
        b.validatie(procent, cellen[sleutel].replace("$", ""))
    b.tekst(f"A{rij}", "Na het wijzigen van de horizon: lees de werkmap terug met kostenbaten begroting en schrijf die opnieuw (--xlsx); "
            "de tabellen hieronder hebben één rij per jaar.", UITLEG)
    rij += 2

    # Baten per hulpvraag in het 1e, 2e, ... jaar na de hulpvraag (grijs, uit de KBA), per methode.
    b.kopregel(rij, ["Baten per hulpvraag per levensjaar", "Samen rapport", "Samen gewogen", "Gemeente rapport", "Gemeente gewogen"])
    rij += 1
    levens_eerste = rij
    levensjaren = u.levensjaren or ((u.baten,) if u.baten is not None else ())
    for t in range(m.horizon):
        l = levensjaren[t] if t < len(levensjaren) else None
        g = next((a for a in l.actoren if a.actor == "gemeente"), None) if l is not None else None
        b.tekst(f"A{rij}", f"Levensjaar {t + 1}")
        samen_rapport, samen_gewogen = (som(replace(x, methode=k).per_hulpvraag for x in l.gebieden) if l else 0 for k in METHODEN)
        for kolom, waarde in zip("BCDE", (samen_rapport, samen_gewogen, g.rapport if g else 0, g.gewogen if g else 0)):
            b.afgeleid(f"{kolom}{rij}", waarde, EURO)
        rij += 1
    rij += 1

    for wie, naam, kolommen in (("samen", "Samen", "BC"), ("gemeente", "Gemeente", "DE")):
        balans = m.totaal if wie == "samen" else m.van_actor("gemeente")
        structureel, eenmalig = kosten[wie]
        b.kopregel(rij, [f"{naam}: per jaar", "Factor", "Kosten", "Baten", "Contant saldo", "Cumulatief contant", "Terugverdiend in jaar"])
        rij += 1
        eerste = rij
        for jaar, cumulatief in zip(balans.jaren, balans.cumulatief):
            t = jaar.jaar
            b.afgeleid(f"A{rij}", t, HEEL)
            b.formule(f"B{rij}", f"1/(1+{cellen['disconto']}/100)^(A{rij}-1)", jaar.factor, "0.0000")
            b.formule(
                f"C{rij}", f"{structureel}*(1+{cellen['indexatie']}/100)^(A{rij}-1)+IF(A{rij}=1,{eenmalig},0)", jaar.kosten, EURO_HEEL
            )
            r, g = kolommen
            b.formule(
                f"D{rij}",
                f'{hulpvragen}*IF({methode}="gewogen",SUM(${g}${levens_eerste}:{g}{levens_eerste + t - 1}),SUM(${r}${levens_eerste}:{r}{levens_eerste + t - 1}))',
                jaar.baten, EURO_HEEL,
            )
            b.formule(f"E{rij}", f"(D{rij}-C{rij})*B{rij}", jaar.contant_saldo, EURO_HEEL)
            b.formule(f"F{rij}", f"SUM(E${eerste}:E{rij})", cumulatief, EURO_HEEL)
            # Het eerste jaar met een positief cumulatief saldo: hier positief en nergens eerder.
            b.formule(f"G{rij}", f'IF(AND(F{rij}>0,COUNTIF(F${eerste}:F{rij},">0")=1),A{rij},0)',
                      t if balans.terugverdienjaar == t else 0, '0;-0;""')
            rij += 1
        laatste = rij - 1
        samenvatting = [
            ("contante kosten", f"SUMPRODUCT(C{eerste}:C{laatste},B{eerste}:B{laatste})", balans.contante_kosten, EURO_HEEL),
            ("contante baten", f"SUMPRODUCT(D{eerste}:D{laatste},B{eerste}:B{laatste})", balans.contante_baten, EURO_HEEL),
            ("netto contante waarde", f"F{rij + 1}-F{rij}", balans.netto_contante_waarde, EURO_HEEL),
            ("baten/kosten", f'IF(F{rij}>0,F{rij + 1}/F{rij},"{NVT}")', _of_nvt(balans.verhouding), VERHOUDING),
            ("terugverdiend in jaar", f'IF(SUM(G{eerste}:G{laatste})=0,"{NIET_BINNEN_HORIZON}",SUM(G{eerste}:G{laatste}))',
             NIET_BINNEN_HORIZON if balans.terugverdienjaar is None else balans.terugverdienjaar, HEEL),
        ]
        for label, formule, waarde, formaat in samenvatting:
            b.tekst(f"A{rij}", f"{naam}: {label}", VET if label.startswith("netto") else None)
            b.formule(f"F{rij}", formule, waarde, formaat, font=VET if label.startswith("netto") else None)
            rij += 1
        rij += 1
    return rij - 2



def _of_nvt(waarde):
    return NVT if waarde is None else waarde


def werkmap(u: BegrotingUitkomst, bron: Path, doel: Path, sjabloon: bool = False):
    """De begrotingswerkmap met levende formules; de casussenmap relatief aan `doel`. Met een KBA ook het
    maatschappelijk saldo en de verdelingstabel, als formules op een eigen blad na de begroting; niet in een
    `sjabloon` om in te vullen (dat houdt één blad om in te vullen en een toelichting)."""
    return bouw(u, casussen_vanaf(u, bron, doel), saldo=not sjabloon)[0]
