"""Bouwstenen voor de Excel-werkmappen: stijlen, veilige tekst, invoercellen en formules met hun verwachte waarde.

Elke formule wordt samen met de waarde die de rekenkern ervoor geeft
vastgelegd (`Blad.verwacht`), zodat een test de door LibreOffice
herberekende werkmap cel voor cel met de rekenkern kan vergelijken.

Een werkmap van openpyxl bevat bij formules geen opgeslagen uitkomsten;
daarom vraagt elke werkmap de lezer om bij het openen alles te herberekenen
(`fullCalcOnLoad`). Zie docs/begroting.md.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kostenbaten.geld import afronden_op_centen

# Elke notatie begint met de taalcode van het Nederlands ([$-413]): LibreOffice toont dan punt en
# komma op zijn Nederlands, ook op een machine met een andere taalinstelling (€ 22.080,00, niet
# € 22,080.00). Excel volgt de scheidingstekens van Windows. Een negatief bedrag staat overal als -€ 360.
NL = "[$-413]"
EURO = NL + '"€" #,##0.00;-"€" #,##0.00'
# Voor formules op een lege invoerregel: een nul blijft onzichtbaar, zodat een lege regel leeg afdrukt.
EURO_LEEG = NL + '"€" #,##0.00;-"€" #,##0.00;""'
EURO_HEEL = NL + '"€" #,##0;-"€" #,##0'
GETAL = NL + "#,##0.##"
HEEL = NL + "#,##0"
PROCENT_GETAL = NL + '0.##"%"'
PROCENT = NL + "0.0%"
UREN = NL + '#,##0.##" uur"'

INVOER = PatternFill("solid", start_color="FFF2CC")  # lichtgeel: hier vult u in
OPTIONEEL = PatternFill("solid", start_color="E2EFDA")  # lichtgroen: hier mag u invullen, leeg mag ook
AFGELEID = PatternFill("solid", start_color="E7E6E6")  # grijs: door kostenbaten ingevuld, niet wijzigen
KOP = PatternFill("solid", start_color="DDEBF7")
# Overal dezelfde letter, zodat de geschatte tekstbreedte (zie `regels`) voor elke cel klopt.
LETTER = "Calibri"
VET = Font(name=LETTER, bold=True)
TITEL = Font(name=LETTER, bold=True, size=14)
UITLEG = Font(name=LETTER, italic=True, color="595959")
DUN = Side(style="thin", color="808080")
BOVENRAND = Border(top=DUN)

# Hoogte van één tekstregel in punten bij 11 punts letters. Rekenprogramma's passen de hoogte
# van een rij met een eigen hoogte niet aan, en LibreOffice doet dat bij het openen van een
# .xlsx ook niet voor rijen zonder: elke rij met afgebroken tekst krijgt dus een vaste hoogte.
REGELHOOGTE = 15
# Geschatte breedte van een teken in kolombreedte-eenheden (de breedte van een '0'), met wat
# marge: gemiddelde tekst is smaller dan een cijfer, vette tekst breder.
TEKENBREEDTE, TEKENBREEDTE_VET = 0.88, 0.98

# Tekens waarmee Excel een celinhoud als formule opvat.
FORMULETEKENS = ("=", "+", "-", "@")


def als_getal(waarde: Decimal | int | None):
    """Een Decimal als int of float voor de cel; Excel kent alleen binaire getallen."""
    if waarde is None:
        return None
    waarde = Decimal(waarde)
    if waarde == waarde.to_integral_value():
        return int(waarde)
    return float(waarde)


class Blad:
    """Een werkblad met hulpmiddelen; legt bij elke formule de verwachte waarde vast."""

    def __init__(self, werkblad, verwacht: dict):
        self.ws = werkblad
        self.verwacht = verwacht
        self._validaties: set[int] = set()

    @property
    def naam(self) -> str:
        return self.ws.title

    def ref(self, cel: str, absoluut: bool = True, blad: bool = False) -> str:
        """Een verwijzing naar een cel, desgewenst met $-tekens en de bladnaam."""
        if absoluut:
            kolom = cel.rstrip("0123456789")
            cel = f"${kolom}${cel[len(kolom):]}"
        return f"'{self.naam}'!{cel}" if blad else cel

    def tekst(self, cel: str, waarde: str | None, font: Font | None = None):
        """Tekst, ook uit de invoer van de gebruiker: nooit als formule, ook niet met '=' vooraan."""
        c = self.ws[cel]
        c.value = waarde
        if isinstance(waarde, str):
            c.data_type = "s"
            if waarde.startswith(FORMULETEKENS):
                c.quotePrefix = True
        if font is not None:
            c.font = font
        return c

    def invoer(self, cel: str, waarde, formaat: str | None = None, optioneel: bool = False):
        """Een invoercel (geel): een getal of tekst die de gebruiker mag wijzigen; `optioneel` (groen): mag leeg blijven."""
        return self._waarde(cel, waarde, formaat, OPTIONEEL if optioneel else INVOER)

    def afgeleid(self, cel: str, waarde, formaat: str | None = None):
        """Een vaste waarde die kostenbaten invult (grijs), zoals een gemiddelde uit de KBA."""
        return self._waarde(cel, waarde, formaat, AFGELEID)

    def uitkomst(self, cel: str, waarde, formaat: str | None = None):
        """Een vaste uitkomst zonder kleur, in een werkmap met alleen waarden (de analyses)."""
        return self._waarde(cel, waarde, formaat, None)

    def _waarde(self, cel: str, waarde, formaat: str | None, vulling: PatternFill | None):
        c = self.tekst(cel, waarde) if isinstance(waarde, str) else self._getal(cel, waarde)
        if vulling is not None:
            c.fill = vulling
        if formaat is None and isinstance(c.value, (int, float)):
            formaat = GETAL  # ook een kale 24,75 of 0,3 in Nederlandse notatie
        if formaat:
            c.number_format = formaat
        return c

    def _getal(self, cel: str, waarde):
        c = self.ws[cel]
        c.value = als_getal(waarde)
        return c

    def formule(self, cel: str, formule: str, verwacht, formaat: str | None = EURO, font: Font | None = None):
        """Een formule (zonder '='); `verwacht` is de uitkomst volgens de rekenkern (Decimal of tekst)."""
        c = self.ws[cel]
        c.value = "=" + formule
        if formaat:
            c.number_format = formaat
        if font is not None:
            c.font = font
        self.verwacht[f"{self.naam}!{cel}"] = verwacht
        return c

    def kopregel(self, rij: int, koppen: list[str], kolom: int = 1):
        for i, kop in enumerate(koppen):
            c = self.tekst(f"{get_column_letter(kolom + i)}{rij}", kop, VET)
            c.fill = KOP
            c.alignment = Alignment(wrap_text=True, vertical="top")

    def breedtes(self, breedtes: dict[str, float]):
        for kolom, breedte in breedtes.items():
            self.ws.column_dimensions[kolom].width = breedte

    def validatie(self, dv: DataValidation, bereik: str):
        if id(dv) not in self._validaties:
            self._validaties.add(id(dv))
            self.ws.add_data_validation(dv)
        dv.add(bereik)


def getalregel(operator: str, melding: str, formule1: str, formule2: str | None = None) -> DataValidation:
    """Gegevensvalidatie voor een getal, met een Nederlandse foutmelding."""
    return DataValidation(
        type="decimal",
        operator=operator,
        formula1=formule1,
        formula2=formule2,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ongeldig getal",
        error=melding,
    )


def niet_negatief() -> DataValidation:
    return getalregel("greaterThanOrEqual", "Vul een getal van 0 of meer in.", "0")


def keuzelijst(keuzes, titel: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1='"' + ",".join(keuzes) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=titel,
        error="Kies een waarde uit de lijst: " + ", ".join(keuzes) + ".",
    )


def keuzelijst_uit(bereik: str, titel: str, wat: str) -> DataValidation:
    """Een keuzelijst uit cellen elders in de werkmap (zoals 'Kengetallen'!$A$2:$A$200): een nieuwe regel daar doet mee."""
    return DataValidation(
        type="list",
        formula1=bereik,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=titel,
        error=f"Kies een {wat} uit de lijst; een nieuwe voegt u eerst toe op het blad waar de lijst vandaan komt.",
    )


def _lettergrootte(font: Font | None) -> float:
    return float(font.sz) if font is not None and font.sz else 11.0


def tekstbreedte(tekst: str, font: Font | None = None) -> float:
    """De geschatte breedte van tekst op één regel, in kolombreedte-eenheden."""
    teken = TEKENBREEDTE_VET if font is not None and font.b else TEKENBREEDTE
    return len(tekst) * teken * _lettergrootte(font) / 11


def regels(tekst: str, breedte: float, font: Font | None = None) -> int:
    """Het geschatte aantal regels van afgebroken tekst in een kolom van `breedte` eenheden."""
    ruimte = max(breedte - 1, 1)  # de binnenmarge van de cel
    spatie = tekstbreedte(" ", font)
    totaal = 0
    for alinea in str(tekst).split("\n"):
        aantal, regel = 1, 0.0
        for woord in alinea.split():
            w = tekstbreedte(woord, font)
            if regel and regel + spatie + w <= ruimte:
                regel += spatie + w
                continue
            if regel:
                aantal += 1
            # Een woord breder dan de kolom (een pad) loopt over meer regels.
            extra = int(w // ruimte) if w > ruimte else 0
            aantal += extra
            regel = w - extra * ruimte
        totaal += aantal
    return totaal


def kolombreedte(ws, kolom: int) -> float:
    breedte = ws.column_dimensions[get_column_letter(kolom)].width
    return breedte if breedte else 8.43


def _afbreken(cel, breedte: float) -> int:
    """Zet afbreken aan en geeft het aantal regels."""
    a = cel.alignment
    cel.alignment = Alignment(horizontal=a.horizontal, vertical="top", wrap_text=True, indent=a.indent)
    return regels(cel.value, breedte, cel.font)


def pas_rijen_aan(ws, laatste_kolom: int) -> None:
    """Tekst die niet past wordt afgebroken en elke rij krijgt de hoogte voor zijn langste tekst.

    Tekst mag over lege cellen rechts ervan doorlopen, tot de rand van het afdrukbereik. Past
    hij ook dan niet, dan wordt een tekstcel zonder vulling samengevoegd met die lege cellen en
    afgebroken; invoercellen en tekst met buren worden in hun eigen kolom afgebroken.
    """
    for rij in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=laatste_kolom):
        hoogte = REGELHOOGTE
        for cel in rij:
            if not isinstance(cel.value, str) or cel.data_type != "s":
                continue
            eigen = kolombreedte(ws, cel.column)
            lijn = REGELHOOGTE * _lettergrootte(cel.font) / 11
            samen = next((r for r in ws.merged_cells.ranges if r.min_row == cel.row and r.min_col == cel.column), None)
            if samen is not None:
                breedte = sum(kolombreedte(ws, k) for k in range(samen.min_col, samen.max_col + 1))
                hoogte = max(hoogte, _afbreken(cel, breedte) * lijn)
                continue
            if cel.alignment.wrap_text:
                hoogte = max(hoogte, _afbreken(cel, eigen) * lijn)
                continue
            if tekstbreedte(cel.value, cel.font) <= eigen - 1:
                hoogte = max(hoogte, lijn)
                continue
            rechts, ruimte = cel.column, eigen
            while rechts < laatste_kolom and ws.cell(cel.row, rechts + 1).value is None:
                rechts += 1
                ruimte += kolombreedte(ws, rechts)
            if tekstbreedte(cel.value, cel.font) <= ruimte - 1:
                hoogte = max(hoogte, lijn)
                continue
            if rechts > cel.column and cel.fill.fill_type is None:
                ws.merge_cells(start_row=cel.row, start_column=cel.column, end_row=cel.row, end_column=rechts)
            else:
                ruimte = eigen
            hoogte = max(hoogte, _afbreken(cel, ruimte) * lijn)
        if hoogte > REGELHOOGTE:
            ws.row_dimensions[rij[0].row].height = round(hoogte + 2, 1)
            for cel in rij:
                # Alles in een hoge rij bovenaan, zodat label en waarde op één lijn staan.
                if cel.value is not None and cel.alignment.vertical is None:
                    a = cel.alignment
                    cel.alignment = Alignment(horizontal=a.horizontal, vertical="top", wrap_text=a.wrap_text)


def afdrukklaar(ws, bereik: str, liggend: bool = False, titelrijen: str | None = None):
    """Afdrukbereik, één pagina breed, staand of liggend, herhaalde kopregels en rijhoogtes die bij de tekst passen."""
    pas_rijen_aan(ws, ws[bereik.split(":")[1]].column)
    ws.print_area = bereik
    ws.page_setup.orientation = "landscape" if liggend else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if titelrijen:
        ws.print_title_rows = titelrijen


def nieuwe_werkmap() -> tuple[Workbook, dict]:
    """Een lege werkmap die bij openen alles herberekent, en het lege register van verwachte waarden."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.calculation.fullCalcOnLoad = True
    return wb, {}


TOELICHTINGBREEDTE = 66


def toelichting(wb: Workbook, titel: str, alineas: list[str]):
    """Een blad 'Toelichting' met een titel en alinea's, één per rij, afgebroken op de kolombreedte.

    De kolom past staand op A4 (LibreOffice rekent ruim 7 punten per breedte-eenheid): één te
    brede kolom verkleint LibreOffice niet tot de paginabreedte, maar snijdt hem af.
    """
    ws = wb.create_sheet("Toelichting")
    blad = Blad(ws, {})
    blad.tekst("A1", titel, TITEL)
    ws.column_dimensions["A"].width = TOELICHTINGBREEDTE
    for i, alinea in enumerate(alineas, start=3):
        c = blad.tekst(f"A{i}", alinea, VET if alinea.endswith(":") else None)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    afdrukklaar(ws, f"A1:A{len(alineas) + 2}")
    return ws


def zonder_formules(wb: Workbook) -> Workbook:
    """Een werkmap die alleen waarden hoort te bevatten: elke formule wordt weer tekst.

    openpyxl maakt van elke tekst die met '=' begint een formule; een naam uit de
    invoer als "=1+1" of "-korting" zou zo een formule worden. Elke cel die als
    formule is herkend, wordt hier teruggezet naar tekst (met een
    aanhalingsteken-prefix, zoals Excel dat zelf doet).
    """
    for ws in wb.worksheets:
        for rij in ws.iter_rows():
            for cel in rij:
                if cel.data_type == "f" or (isinstance(cel.value, str) and cel.value.startswith(FORMULETEKENS)):
                    cel.data_type = "s"
                    cel.quotePrefix = True
    return wb

# -- werkmappen met alleen waarden (de analyses) ---------------------------------


def op_centen(waarde: Decimal | None):
    """Excel rekent in dubbele precisie; we geven het bedrag afgerond op centen mee."""
    return None if waarde is None else afronden_op_centen(waarde)


# -- grafieken die op één pagina afdrukken ---------------------------------------------

# Onder een grafiek krijgt elke kolom breedte 10 (75 pixels, 1,98 cm); een rij van 15 punten is 0,53 cm hoog.
KOLOM_ONDER_GRAFIEK, CM_PER_KOLOM, CM_PER_RIJ = 10, 1.98, 0.53


def _asletters(as_, grootte: int = 900):
    """Lettergrootte (in honderdsten van een punt) van de namen langs een as."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties

    eigenschappen = CharacterProperties(sz=grootte)
    as_.txPr = RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=eigenschappen), endParaRPr=eigenschappen)])


def staafgrafiek(titel: str, liggend_staven: bool, as_titel: str, notatie: str = EURO_HEEL):
    """Een staafgrafiek met een titel in Nederlandse notatie (als tekst), bedragen langs de as en elke naam leesbaar."""
    from openpyxl.chart import BarChart

    grafiek = BarChart()
    grafiek.type = "bar" if liggend_staven else "col"
    grafiek.grouping = "clustered"
    grafiek.title = titel
    grafiek.y_axis.title = as_titel
    grafiek.y_axis.number_format = notatie
    grafiek.y_axis.numFmt.sourceLinked = False
    grafiek.y_axis.majorGridlines = None if liggend_staven else grafiek.y_axis.majorGridlines
    grafiek.x_axis.tickLblSkip = 1  # elke staaf zijn naam, ook als het krap wordt
    grafiek.x_axis.tickLblPos = "low"  # namen naast de as, niet over de staven
    for as_ in (grafiek.x_axis, grafiek.y_axis):
        as_.delete = False
        _asletters(as_)
    grafiek.legend.position = "b"
    return grafiek


def grafiek_op_pagina(ws, grafiek, breedte_cm: float, hoogte_cm: float, rij: int = 3, liggend: bool = True):
    """Zet de grafiek vanaf `rij` op het blad en maakt het afdrukbereik precies titel plus grafiek, op één pagina."""
    from math import ceil

    grafiek.width, grafiek.height = breedte_cm, hoogte_cm
    ws.add_chart(grafiek, f"A{rij}")
    kolommen = ceil(breedte_cm / CM_PER_KOLOM)
    for k in range(1, kolommen + 1):
        ws.column_dimensions[get_column_letter(k)].width = KOLOM_ONDER_GRAFIEK
    rijen = rij + ceil(hoogte_cm / CM_PER_RIJ) + 1
    afdrukklaar(ws, f"A1:{get_column_letter(kolommen)}{rijen}", liggend=liggend)
    ws.page_setup.fitToHeight = 1  # de grafiek wordt nooit over twee pagina's verdeeld


def overzicht(wb: Workbook, naam: str, titel: str, koppen: list[str], rijen, notaties: dict[int, str],
              breedtes: list[float], liggend: bool = False, uitleg: str | None = None, vet_vanaf: int | None = None) -> Blad:
    """Een blad met alleen waarden, klaar om af te drukken: titel, uitleg, kopregel en rijen.

    `notaties` geeft per kolomnummer (vanaf 0) de getalnotatie; Decimal-bedragen worden op centen
    afgerond. Rijen vanaf `vet_vanaf` (een totaal) staan vet met een lijn erboven.
    """
    b = Blad(wb.create_sheet(naam), {})
    b.tekst("A1", titel, TITEL)
    if uitleg:
        b.tekst("A2", uitleg, UITLEG)
    b.kopregel(3, koppen)
    b.breedtes({get_column_letter(i): w for i, w in enumerate(breedtes, start=1)})
    r = 3
    for i, rij in enumerate(rijen):
        r += 1
        for k, waarde in enumerate(rij):
            cel = f"{get_column_letter(k + 1)}{r}"
            if isinstance(waarde, str) or waarde is None:
                b.tekst(cel, waarde)
            else:
                bedrag = isinstance(waarde, Decimal) and notaties.get(k) == EURO
                b.uitkomst(cel, op_centen(waarde) if bedrag else waarde, notaties.get(k))
            if vet_vanaf is not None and i >= vet_vanaf:
                b.ws[cel].font = VET
                b.ws[cel].border = BOVENRAND if i == vet_vanaf else Border()
    b.ws.freeze_panes = "A4"
    afdrukklaar(b.ws, f"A1:{get_column_letter(len(koppen))}{r}", liggend=liggend, titelrijen="1:3")
    return b
