"""Bouwstenen voor de Excel-werkboeken: stijlen, veilige tekst, invoercellen en formules met hun verwachte waarde.

Elke formule wordt samen met de waarde die de rekenkern ervoor geeft
vastgelegd (`Blad.verwacht`), zodat een test het door LibreOffice
herberekende werkboek cel voor cel met de rekenkern kan vergelijken.

Een werkboek van openpyxl bevat bij formules geen opgeslagen uitkomsten;
daarom vraagt elk werkboek de lezer om bij het openen alles te herberekenen
(`fullCalcOnLoad`). Zie docs/begroting.md.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kostenbaten.uitvoer.bestand import schrijf_atomair

EURO = '"€" #,##0.00'
EURO_HEEL = '"€" #,##0'
GETAL = "#,##0.##"
PROCENT_GETAL = '0.##"%"'

INVOER = PatternFill("solid", start_color="FFF2CC")  # lichtgeel: hier vult u in
AFGELEID = PatternFill("solid", start_color="E7E6E6")  # grijs: door kostenbaten ingevuld, niet wijzigen
KOP = PatternFill("solid", start_color="DDEBF7")
VET = Font(bold=True)
TITEL = Font(bold=True, size=14)
UITLEG = Font(italic=True, color="595959")
DUN = Side(style="thin", color="808080")
BOVENRAND = Border(top=DUN)

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

    def invoer(self, cel: str, waarde, formaat: str | None = None):
        """Een invoercel (geel): een getal of tekst die de gebruiker mag wijzigen."""
        return self._waarde(cel, waarde, formaat, INVOER)

    def afgeleid(self, cel: str, waarde, formaat: str | None = None):
        """Een vaste waarde die kostenbaten invult (grijs), zoals een gemiddelde uit de KBA."""
        return self._waarde(cel, waarde, formaat, AFGELEID)

    def _waarde(self, cel: str, waarde, formaat: str | None, vulling: PatternFill):
        c = self.tekst(cel, waarde) if isinstance(waarde, str) else self._getal(cel, waarde)
        c.fill = vulling
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


def afdrukklaar(ws, bereik: str, liggend: bool = False, titelrijen: str | None = None):
    """Afdrukbereik, één pagina breed, staand of liggend, en herhaalde kopregels."""
    ws.print_area = bereik
    ws.page_setup.orientation = "landscape" if liggend else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if titelrijen:
        ws.print_title_rows = titelrijen


def nieuw_werkboek() -> tuple[Workbook, dict]:
    """Een leeg werkboek dat bij openen alles herberekent, en het lege register van verwachte waarden."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.calculation.fullCalcOnLoad = True
    return wb, {}


def toelichting(wb: Workbook, titel: str, alineas: list[str]):
    """Een blad 'Toelichting' met een titel en alinea's, één per rij, afgebroken op de kolombreedte."""
    ws = wb.create_sheet("Toelichting")
    blad = Blad(ws, {})
    blad.tekst("A1", titel, TITEL)
    ws.column_dimensions["A"].width = 110
    for i, alinea in enumerate(alineas, start=3):
        c = blad.tekst(f"A{i}", alinea, VET if alinea.endswith(":") else None)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    afdrukklaar(ws, f"A1:A{len(alineas) + 2}")
    return ws


def bewaar(wb: Workbook, pad: Path, overschrijf: bool) -> None:
    """Schrijft het werkboek atomair; weigert een bestaand bestand zonder --overschrijf."""
    schrijf_atomair(Path(pad), lambda tijdelijk: wb.save(tijdelijk), overschrijf)
