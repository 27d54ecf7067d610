"""Een casussenmap als werkmap: de pilot, zijn tabellen en de casussen met hun baten, in te vullen in Excel.

Elk veld van het YAML-formaat heeft een kolom (zie `model.casussenwerkmap`);
`kostenbaten omzetten` gaat zo zonder verlies van map naar werkmap en terug.
Een veld zonder kolom is een fout in kostenbaten zelf: `_vul` weigert dan te
schrijven in plaats van het stil weg te laten. Rechtsgebied, kengetal, actor
en casus kiest de gebruiker uit een keuzelijst die de bladen zelf voeden.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from pydantic import BaseModel

from kostenbaten.fouten import Fout, Plek, UitvoerFouten
from kostenbaten.model.casus import CIJFERS_CASUS, CIJFERS_PILOT, SOORTEN_BAAT, STANDAARD_ACTOREN, Onzeker
from kostenbaten.model.kengetallenbank import GRADEN, INDEXCATEGORIEEN
from kostenbaten.model.casussenwerkmap import (
    ACTOREN,
    AANPASSINGEN,
    BEREIKSLEUTELS,
    BATEN,
    CASUSSEN,
    DE_PILOT,
    EFFECTEN,
    ERRATA_TABEL,
    GEPUBLICEERD_TABEL,
    GROEPEN,
    KENGETALLEN,
    LIJSTEN,
    LIJSTRIJEN,
    PILOT,
    PILOT_BEREIK,
    PILOTKOPPEN,
    PILOTVELDEN,
    RECHTSGEBIEDEN,
    SOORTEN_AANPASSING,
    TABELLEN,
    TARIEVEN,
    UITLEG,
    Tabel,
    tabel as tabel_van,
)
from kostenbaten.uitvoer.excel.blad import (
    AFGELEID,
    EURO,
    TITEL,
    UITLEG as UITLEGLETTER,
    VET,
    Blad,
    afdrukklaar,
    getalregel,
    keuzelijst,
    keuzelijst_uit,
    niet_negatief,
    nieuwe_werkmap,
)

DATUM = "yyyy-mm-dd"
# De laatste sleutel van de vier bereikkolommen (min, max, 90% van, 90% tot).
BEREIKDELEN = ("min", "max", 0, 1)

INLEIDING = [
    "Deze werkmap bevat een hele casussenmap: de pilot, de rechtsgebieden, tarieven, actoren en kengetallen, "
    "en de casussen met hun baten. Elke opdracht van kostenbaten die een casussenmap leest, leest ook deze werkmap, "
    "bijvoorbeeld: kostenbaten bereken mijnstad.xlsx. Een fout wordt gemeld met blad en cel, zoals "
    "mijnstad.xlsx:Casussen!D5.",
    "Gele cellen zijn verplicht, groene mogen leeg blijven; grijze cellen vult de werkmap zelf (ze tonen bij een baat met "
    "een kengetal het bedrag en de actor van blad Kengetallen) en leest kostenbaten niet. Getallen zonder €-teken; een sleutel (een korte naam als bijzondere_bijstand) bestaat "
    "uit kleine letters, cijfers en '_'. Rechtsgebied, kengetal, actor en casus kiest u uit een lijst; een nieuwe "
    "voegt u eerst toe op zijn eigen blad (een nieuwe actor op blad Actoren). Lege regels tellen niet mee.",
    "Een bereik (min en max, of een 90%-interval) is alleen nodig voor kostenbaten onzekerheid; laat die kolommen "
    "anders leeg. Ze staan gegroepeerd: met het minteken boven de kolommen klapt u ze in. Omzetten naar een map met YAML-bestanden en terug: kostenbaten omzetten mijnstad.xlsx casussen/mijnstad.",
]


# Zoveel tekens houdt een cel van Excel; een langere tekst zou afgekapt worden.
MAX_TEKENS = 32_767


def _te_lange_teksten(project) -> list[Fout]:
    """Elke tekst die niet in een cel past, met bestand en regel: liever geen werkmap dan een afgekapte."""
    from kostenbaten.uitvoer.casussenmap import inhoud

    fouten = []

    def loop(waarde, pad, wie):
        if isinstance(waarde, str) and len(waarde) > MAX_TEKENS:
            fouten.append(
                Fout(Plek(project.regel(wie, pad), None), "", f"deze tekst heeft {len(waarde)} tekens; een cel van Excel houdt er "
                     f"hoogstens {MAX_TEKENS}: maak hem korter of houd de casussen in YAML")
            )
        elif isinstance(waarde, dict):
            for sleutel, w in waarde.items():
                loop(w, pad + (sleutel,), wie)
        elif isinstance(waarde, list):
            for i, w in enumerate(waarde):
                loop(w, pad + (i,), wie)

    loop(inhoud(project.pilot), (), "pilot")
    for casus in project.casussen:
        loop(inhoud(casus), (), casus.nummer)
    return fouten


FORMULES = (
    "Formules: typ bij voorkeur de waarden zelf, bijvoorbeeld het aantal hulpvragen per rechtsgebied in plaats van een "
    "berekend aandeel. Staat er toch een formule in een invoercel, dan leest kostenbaten de uitkomst die Excel of "
    "LibreOffice bij het bewaren in de werkmap zette, en meldt bij welke cel dat gebeurde. Een formule zonder bewaarde "
    "uitkomst (een werkmap die een ander programma schreef en niemand in Excel bewaarde) wordt geweigerd, met haar cel. "
    "Een getal met meer dan 10 decimalen (zoals Excel 23,9 soms als 23,900000000000002 bewaart) wordt op 10 decimalen "
    "afgerond, met een melding."
)

# De drie groepen en wat erin valt (zie docs/formaat.md, "Actoren").
GROEPUITLEG = {
    "client": "De cliënt zelf: wat hij of zij wint, bijvoorbeeld een lagere schuld of een hoger inkomen.",
    "overheid": "Gemeente, Rijk en de andere overheden, met de bibliotheek en de SJD-organisatie (publiek gefinancierd).",
    "overig": "Alle andere partijen: woningcorporatie, schuldeiser, zorgverzekeraar, werkgever en elke eigen actor "
    "die geen cliënt of overheid is. Wie de tweedeling van een rapport volgt, zet zo'n partij in de groep overheid.",
}


def werkmap(project, bankposten=(), **_context):
    """De casussenmap van `project` als werkmap met invoercellen, keuzelijsten en een blad Uitleg.

    `bankposten`: de sleutels van de kengetallenbank voor de keuzelijst Bankpost (samen met die van de pilot zelf).
    """
    fouten = _te_lange_teksten(project)
    if fouten:
        raise UitvoerFouten(fouten)
    wb, verwacht = nieuwe_werkmap()
    pilot, casussen = project.pilot, project.casussen
    gepubliceerd = pilot.gepubliceerd is not None or pilot.errata or any(c.gepubliceerd is not None or c.errata for c in casussen)
    tabellen = [*TABELLEN, *((GEPUBLICEERD_TABEL, ERRATA_TABEL) if gepubliceerd else ())]
    _uitleg(wb, tabellen)
    _pilotblad(Blad(wb.create_sheet(PILOT), verwacht), pilot, project)
    for tabel in tabellen:
        _tabelblad(Blad(wb.create_sheet(tabel.blad), verwacht), tabel, list(_rijen(tabel, pilot, casussen)), project)
    _lijsten(wb, pilot, bankposten)
    return wb


# -- van model naar regels -------------------------------------------------------------


def _vlak(obj: BaseModel, voor: tuple = ()) -> dict[tuple, object]:
    """Elk ingevuld veld van een model als {sleutelpad: waarde}; een bereik in zijn delen, aanpassingen apart."""
    uit: dict[tuple, object] = {}
    for naam in type(obj).model_fields:
        waarde = getattr(obj, naam)
        pad = voor + (naam,)
        if waarde is None or naam == "aanpassingen":
            continue
        if type(waarde) is Onzeker:
            uit.update(_vlak(waarde, pad))
        elif isinstance(waarde, BaseModel):
            uit.update(_vlak(waarde, pad))
        elif naam == "interval_90":
            uit[pad + (0,)], uit[pad + (1,)] = waarde
        else:
            uit[pad] = waarde
    return uit


def _aanpassingen(aanpassingen, wegwijzers: dict) -> list[dict]:
    if aanpassingen is None:
        return []
    return [
        {**_vlak(getattr(aanpassingen, soort)), ("soort",): soort, **wegwijzers}
        for soort in SOORTEN_AANPASSING
        if getattr(aanpassingen, soort) is not None
    ]


def _rijen(tabel: Tabel, pilot, casussen):
    """De regels van een tabelblad als {sleutelpad: waarde}, in de volgorde van de map."""
    blad = tabel.blad
    if blad in (RECHTSGEBIEDEN, TARIEVEN, ACTOREN, KENGETALLEN):
        blok = getattr(pilot, blad.lower())
        for sleutel, item in blok.items():
            velden = _vlak(item)
            if blad == KENGETALLEN and any(p[0] == "per_maand" and p[1:] != ("waarde",) for p in velden):
                # Het bereik op blad Kengetallen hoort bij Bedrag (€); een bereik om een bedrag per maand past er niet in.
                raise UitvoerFouten([Fout(Plek("pilot.yaml", None), "", f"kengetallen.{sleutel}.per_maand: een bereik (min/max of interval_90) om een bedrag per maand kan niet in een werkmap; "
                    "laat het bereik weg om om te zetten, of reken met de casussenmap")])
            if getattr(item, "uit_telling", False):  # het aandeel volgt uit het aantal: alleen het aantal staat in de map
                velden = {p: w for p, w in velden.items() if p[0] != "aandeel"}
            yield {("sleutel",): sleutel, **velden}
    elif blad == CASUSSEN:
        for casus in casussen:
            yield {p: w for p, w in _vlak(casus).items() if p[0] not in ("baten", "effecten", "gepubliceerd", "errata")}
    elif blad == BATEN:
        for casus in casussen:
            for baat in casus.baten:
                rij = {("casus",): casus.nummer, **_vlak(baat)}
                for soort in ("bedrag", "per_maand"):
                    for deel in BEREIKSLEUTELS.values():
                        if (soort, *deel) in rij:
                            rij[("bereik", *deel)] = rij.pop((soort, *deel))
                yield rij
    elif blad == EFFECTEN:
        for casus in casussen:
            for effect in casus.effecten:
                yield {("casus",): casus.nummer, ("effect",): effect}
    elif blad == AANPASSINGEN:
        yield from _aanpassingen(pilot.aanpassingen, {})
        for sleutel, kengetal in pilot.kengetallen.items():
            yield from _aanpassingen(kengetal.aanpassingen, {("kengetal_van",): sleutel})
        for casus in casussen:
            yield from _aanpassingen(casus.aanpassingen, {("casus",): casus.nummer})
            for i, baat in enumerate(casus.baten, start=1):
                yield from _aanpassingen(baat.aanpassingen, {("casus",): casus.nummer, ("baat",): i})
    elif blad == GEPUBLICEERD_TABEL.blad:
        for wie, obj in ((DE_PILOT, pilot), *((c.nummer, c) for c in casussen)):
            if obj.gepubliceerd is not None:
                yield {("casus",): wie, **_vlak(obj.gepubliceerd)}
    elif blad == ERRATA_TABEL.blad:
        for wie, obj in ((DE_PILOT, pilot), *((c.nummer, c) for c in casussen)):
            for cijfer, uitleg in obj.errata.items():
                yield {("casus",): wie, ("cijfer",): cijfer, ("uitleg",): uitleg}


# -- cellen ------------------------------------------------------------------------------


def _cel(blad: Blad, cel: str, waarde, project, geld: bool = False, optioneel: bool = False):
    """Een invoercel; een getal dat Excel niet exact kan bewaren is een fout, geen stille afronding."""
    if isinstance(waarde, date):
        c = blad.invoer(cel, None, optioneel=optioneel)
        c.value = waarde
        c.number_format = DATUM
        return c
    if isinstance(waarde, Decimal) and waarde != waarde.to_integral_value() and Decimal(repr(float(waarde))) != waarde:
        raise UitvoerFouten(
            [Fout(Plek(str(project.map)), "", f"het getal {waarde} heeft meer cijfers dan Excel exact bewaart (15); rond het af in de map")]
        )
    return blad.invoer(cel, waarde, EURO if geld else None, optioneel=optioneel)


def _vul(blad: Blad, rij: int, tabel: Tabel, waarden: dict, project) -> None:
    for i, kolom in enumerate(tabel.kolommen, start=1):
        c = _cel(blad, f"{get_column_letter(i)}{rij}", waarden.pop(kolom.pad, None), project, kolom.geld, not kolom.verplicht)
        if kolom.pad == ("prijspeil",):
            c.number_format = "0"  # een jaartal: 2022, niet 2.022
    over = {p: w for p, w in waarden.items() if w is not None}
    if over:
        raise AssertionError(f"velden zonder kolom op blad {tabel.blad}: {sorted(map(str, over))}")


def _keuze(tabel_blad: str) -> str:
    return f"'{tabel_blad}'!$A$2:$A${LIJSTRIJEN}"


KEUZES = {
    "rechtsgebied": lambda: keuzelijst_uit(_keuze(RECHTSGEBIEDEN), "Rechtsgebied", "rechtsgebied"),
    "kengetal": lambda: keuzelijst_uit(_keuze(KENGETALLEN), "Kengetal", "kengetal"),
    "casus": lambda: keuzelijst_uit(_keuze(CASUSSEN), "Casus", "casus"),
    "actor": lambda: keuzelijst_uit(_keuze(LIJSTEN), "Actor", "actor"),
    "groep": lambda: keuzelijst(GROEPEN, "Groep"),
    "soort": lambda: keuzelijst(SOORTEN_AANPASSING, "Soort"),
    "baatsoort": lambda: keuzelijst(SOORTEN_BAAT, "Soort baat"),
    "cijfer": lambda: keuzelijst(dict.fromkeys(CIJFERS_CASUS + CIJFERS_PILOT), "Cijfer"),
    # De sleutels van de bank staan op het verborgen blad Lijsten (kolom B): een lijst in de formule mag hoogstens 255 tekens zijn.
    "bankpost": lambda: keuzelijst_uit(f"'{LIJSTEN}'!$B$2:$B${LIJSTRIJEN}", "Bankpost", "post uit de kengetallenbank"),
    "kwaliteit": lambda: keuzelijst(GRADEN, "Kwaliteit"),
    "index": lambda: keuzelijst(INDEXCATEGORIEEN, "Index"),
}


def _kengetal_tonen(blad: Blad, tabel: Tabel, rij: int) -> None:
    """Bij een baat met een kengetal: bedrag en actor van blad Kengetallen, als formule in een grijze cel (de lezer slaat ze over)."""
    kengetallen = tabel_van(KENGETALLEN)
    laatste = get_column_letter(len(kengetallen.kolommen))
    letters = {k.kop: get_column_letter(i) for i, k in enumerate(tabel.kolommen, start=1)}
    for kop, kolom in (("Bedrag (€)", "Bedrag (€)"), ("Per maand (€)", "Per maand (€)"), ("Maanden", "Maanden"), ("Actor", "Actor")):
        n = [k.kop for k in kengetallen.kolommen].index(kolom) + 1
        formule = f"IFERROR(VLOOKUP(${letters['Kengetal']}{rij},'{KENGETALLEN}'!$A$2:${laatste}${LIJSTRIJEN},{n},FALSE),\"\")"
        c = blad.formule(f"{letters[kop]}{rij}", formule, None, EURO if kop.startswith(("Bedrag", "Per maand")) else None)
        c.fill = AFGELEID


def _tabelblad(blad: Blad, tabel: Tabel, rijen: list[dict], project) -> None:
    ws = blad.ws
    blad.kopregel(1, [k.kop for k in tabel.kolommen])
    for i, kolom in enumerate(tabel.kolommen, start=1):
        if not kolom.verplicht:  # dezelfde kop (de lezer zoekt erop), maar schuin en met een opmerking
            kop = ws.cell(1, i)
            kop.font = Font(name=kop.font.name, bold=kop.font.bold, italic=True)
            kop.comment = Comment("Mag leeg blijven." + (" Alleen voor kostenbaten onzekerheid." if kolom.pad[-1] in BEREIKDELEN else ""), "kostenbaten")
    for i, waarden in enumerate(rijen, start=2):
        kengetal = tabel.blad == BATEN and waarden.get(("kengetal",)) is not None
        _vul(blad, i, tabel, dict(waarden), project)
        if kengetal:
            _kengetal_tonen(blad, tabel, i)
    laatste = max(len(rijen) + 1 + tabel.lege_rijen, 2)
    for rij in range(len(rijen) + 2, laatste + 1):
        _vul(blad, rij, tabel, {}, project)
    for i, kolom in enumerate(tabel.kolommen, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = kolom.breedte
        bereik = f"{letter}2:{letter}{max(laatste, LIJSTRIJEN)}"
        if kolom.keuze:
            blad.validatie(KEUZES[kolom.keuze](), bereik)
        elif kolom.pad[0] == "kans" or (kolom.soort == "getal" and tabel.blad == AANPASSINGEN):
            blad.validatie(getalregel("between", "Vul een getal van 0 tot en met 1 in.", "0", "1"), bereik)
        elif kolom.soort in ("getal", "geheel") and tabel.blad not in (GEPUBLICEERD_TABEL.blad,):
            blad.validatie(niet_negatief(), bereik)
    # De vier kolommen van elk bereik als groep: wie ze niet nodig heeft, klapt ze in.
    reeks = [i for i, k in enumerate(tabel.kolommen, start=1) if k.pad[-1] in BEREIKDELEN]
    while reeks:
        eind = next((j for j in range(len(reeks) - 1) if reeks[j + 1] != reeks[j] + 1), len(reeks) - 1)
        ws.column_dimensions.group(get_column_letter(reeks[0]), get_column_letter(reeks[eind]), outline_level=1)
        reeks = reeks[eind + 1 :]
    ws.freeze_panes = "A2"
    ws.print_options.gridLines = True  # op papier blijft te zien welke waarde in welke kolom staat
    afdrukklaar(ws, f"A1:{get_column_letter(len(tabel.kolommen))}{laatste}", liggend=True, titelrijen="1:1")


def _pilotblad(blad: Blad, pilot, project) -> None:
    ws = blad.ws
    blad.kopregel(1, list(PILOTKOPPEN))
    waarden = _vlak(pilot)
    for rij, veld in enumerate(PILOTVELDEN, start=2):
        blad.tekst(f"A{rij}", veld.label, VET)
        waarde = waarden.get(veld.pad, waarden.get(veld.pad + ("waarde",)))
        _cel(blad, f"B{rij}", waarde, project, optioneel=not veld.verplicht)
        if veld.bereik:
            for kop, kolom in PILOT_BEREIK.items():
                _cel(blad, f"{kolom}{rij}", waarden.get(veld.pad + BEREIKSLEUTELS[kop]), project, optioneel=True)
        blad.tekst(f"G{rij}", veld.uitleg + (" Verplicht." if veld.verplicht else ""), UITLEGLETTER)
    blad.breedtes({"A": 30, "B": 44, "C": 9, "D": 9, "E": 9, "F": 9, "G": 60})
    for rij, veld in enumerate(PILOTVELDEN, start=2):
        if veld.soort == "datum":
            blad.validatie(getalregel("greaterThan", "Vul een datum in, bijvoorbeeld 2021-06-01.", "1"), f"B{rij}")
    ws.freeze_panes = "B2"
    afdrukklaar(ws, f"A1:G{len(PILOTVELDEN) + 1}", liggend=True, titelrijen="1:1")


def _lijsten(wb, pilot, bankposten=()) -> None:
    """Het verborgen blad met de keuzelijsten: actoren (de ingebouwde en, via formules, die van blad Actoren) en de bankposten."""
    ws = wb.create_sheet(LIJSTEN)
    ws["A1"] = "Actor"
    ws["B1"] = "Bankpost"
    eigen = [k.bankpost for k in pilot.kengetallen.values() if k.bankpost is not None]
    for rij, sleutel in enumerate(dict.fromkeys([*bankposten, *eigen]), start=2):
        ws[f"B{rij}"] = sleutel
    ingebouwd = list(STANDAARD_ACTOREN)
    for rij, sleutel in enumerate(ingebouwd, start=2):
        ws[f"A{rij}"] = sleutel
    laatste_ingebouwd = len(ingebouwd) + 1
    for i, rij in enumerate(range(laatste_ingebouwd + 1, LIJSTRIJEN + 1), start=2):
        bron = f"'{ACTOREN}'!A{i}"
        ws[f"A{rij}"] = f'=IF(OR({bron}="",COUNTIF($A$2:$A${laatste_ingebouwd},{bron})>0),"",{bron})'
    ws.sheet_state = "hidden"


def _uitlegregels(tabel: Tabel) -> list[tuple[str, str, bool]]:
    """(kop, uitleg, verplicht) per kolom; de vier kolommen van een bereik samen op één regel."""
    regels = []
    for kolom in tabel.kolommen:
        if kolom.pad[-1] in ("max", 0, 1):
            continue
        if kolom.pad[-1] == "min":
            naam = kolom.kop.removesuffix(" min")
            tekst = "Bereik voor kostenbaten onzekerheid (mag leeg): min en max, of de grenzen van een 90%-interval."
            if kolom.pad[0] == "bereik":
                tekst += " Het bereik hoort bij het bedrag of het bedrag per maand op dezelfde regel."
            regels.append((f"{naam} min, max, 90% van, 90% tot", tekst, False))
            continue
        regels.append((kolom.kop, kolom.uitleg, kolom.verplicht))
    return regels


def _uitleg(wb, tabellen: list[Tabel]) -> None:
    """Blad Uitleg: hoe de werkmap werkt en wat elke kolom van elk blad betekent."""
    blad = Blad(wb.create_sheet(UITLEG), {})
    blad.breedtes({"A": 26, "B": 64})
    blad.tekst("A1", "Casussen in een werkmap", TITEL)
    rij = 3
    for alinea in (*INLEIDING, FORMULES):
        blad.tekst(f"A{rij}", alinea)
        rij += 1
    rij += 1
    # Uit het model, niet met de hand: elke ingebouwde actor met zijn groep, en wat een groep is.
    blad.kopregel(rij, ["Groepen", "Elke actor hoort bij een van de drie groepen (kolom Groep op blad Actoren)."])
    rij += 1
    for groep in GROEPEN:
        blad.tekst(f"A{rij}", f"Groep {groep}", VET)
        blad.tekst(f"B{rij}", GROEPUITLEG[groep])
        rij += 1
    rij += 1
    blad.kopregel(rij, ["Ingebouwde actoren", "Te kiezen in elke keuzelijst Actor en Betaler, zonder ze op blad Actoren te zetten."])
    rij += 1
    for sleutel, actor in STANDAARD_ACTOREN.items():
        blad.tekst(f"A{rij}", sleutel, VET)
        blad.tekst(f"B{rij}", f"{actor.naam}, groep {actor.groep}." + (f" {actor.omschrijving}" if actor.omschrijving else ""))
        rij += 1
    rij += 1
    delen = [(PILOT, "De gegevens van de pilot: één per regel, de waarde in kolom B.", [(v.label, v.uitleg, v.verplicht) for v in PILOTVELDEN])]
    delen += [(t.blad, t.uitleg, _uitlegregels(t)) for t in tabellen]
    for naam, uitleg, kolommen in delen:
        blad.kopregel(rij, [f"Blad {naam}", uitleg])
        rij += 1
        for kop, tekst, verplicht in kolommen:
            blad.tekst(f"A{rij}", kop, VET)
            erbij = " Verplicht (gele cel)." if verplicht else ("" if "mag leeg" in tekst.lower() else " Mag leeg (groene cel).")
            blad.tekst(f"B{rij}", tekst + erbij)
            rij += 1
        rij += 1
    afdrukklaar(blad.ws, f"A1:B{rij}", titelrijen=None)

