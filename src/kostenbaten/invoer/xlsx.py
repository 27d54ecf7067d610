"""Een .xlsx veilig openen en lezen: één plek voor de grenzen en de Nederlandse meldingen van alle werkmaplezers.

Een werkmap komt vaak uit een ander systeem of van een ander mens. Daarom,
vóór openpyxl iets inleest:

- alleen een gewoon bestand (geen pipe of apparaat) van hoogstens `MAX_BYTES`;
- de eerste bytes zeggen wat het is: een oude .xls of een met een wachtwoord
  beveiligde werkmap (beide een OLE-bestand), tekst (een CSV met de naam
  .xlsx), of een zip die geen Excel-werkmap is (.ods);
- de uitgepakte grootte van elk onderdeel van de zip (een `styles.xml` van
  1,5 GB in een bestand van 1,6 MB wordt niet uitgepakt), en geen DTD of
  entiteiten in de XML (Excel schrijft die nooit).

Daarna leest openpyxl in read-only-modus, en alleen de cellen die in het
bestand staan: een opgemaakte cel onderaan een blad (A1048576) kost niets, en
per blad telt een grens het aantal rijen. Elke fout bij het openen én bij het
lezen van de rijen wordt een `Fout` met het bestand, nooit een interne fout.

Gebruik (voor elke lezer dezelfde)::

    from kostenbaten.invoer.xlsx import open_werkmap, lees_blad

    werkmap, fouten = open_werkmap(pad, formules=True)  # formules=True: een formule blijft '=...' (soort 'f')
    if werkmap is None:
        return fouten                                    # één Fout: beschadigd, wachtwoord, .xls, CSV, te groot
    with werkmap:
        werkmap.bladen                                   # namen in volgorde; werkmap.zichtbaar(naam), werkmap.actief
        blad, fouten = lees_blad(werkmap, "Begroting", max_rijen=5_000)
        blad["B7"].value, blad["B7"].data_type           # een cel die niet bestaat is leeg (None, 'n')
        blad.rijen()                                     # [(rijnummer, {kolomnummer: Cel})] met alleen bestaande cellen
        blad.rijnummers                                  # de rijen met een cel, oplopend
        blad.verborgen_rijen                             # rijnummers met inhoud die in Excel verborgen zijn
    waarschuwingen = werkmap.waarschuwingen(gelezen=["Begroting"])  # verborgen bladen en rijen, als Fout

Een `Blad` gedraagt zich voor `blad[cel]`, `blad.title`, `blad.max_row`,
`blad.iter_rows(min_col=, max_col=)` (alleen rijen met een cel) en `blad.parent[naam]` als een werkblad van
openpyxl, zodat bestaande code (`invoer.werkmap.Lezer`) er ongewijzigd mee werkt.
Wie een groot blad rij voor rij wil lezen zonder alles te bewaren, gebruikt
`werkmap.rijen(naam, max_rijen)`: een generator die bij een leesfout `Onleesbaar`
gooit (met de `Fout` in `.fout`).
"""

from __future__ import annotations

import functools
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kostenbaten.fouten import Fout, Plek

MAX_BYTES = 50_000_000  # een werkmap op schijf; een export van 100.000 hulpvragen is een paar MB
# Uitgepakte grootte per onderdeel van de zip: bladen mogen groot zijn (ze worden gestroomd gelezen),
# de rest (stijlen, thema, gedeelde teksten) leest openpyxl in één keer in het geheugen.
MAX_BLAD = 100_000_000  # zo'n 200.000 rijen van 15 kolommen; gestroomd gelezen, maar elke cel kost tijd
MAX_GEDEELDE_TEKSTEN = 50_000_000
MAX_ONDERDEEL = 20_000_000
MAX_UITGEPAKT = 300_000_000
MAX_RIJEN = 200_000  # standaardgrens per blad; een lezer kiest zijn eigen

OPNIEUW_OPSLAAN = "open hem in Excel of LibreOffice en sla hem opnieuw op als .xlsx"

BESCHADIGD = f"de werkmap is beschadigd of onvolledig (afgebroken bij het kopiëren of downloaden?); {OPNIEUW_OPSLAAN}"
WACHTWOORD = (
    "de werkmap is met een wachtwoord versleuteld en kan niet gelezen worden; open hem in Excel, haal het wachtwoord weg "
    "(Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord, veld leeg) en sla hem op"
)
OUDE_XLS = (
    "dit is een werkmap in het oude Excel-formaat (.xls), ook al heet hij anders; open hem in Excel en kies "
    "Bestand > Opslaan als, met als bestandstype 'Excel-werkmap (*.xlsx)' (in LibreOffice: 'Excel 2007-365 (.xlsx)')"
)
TEKST = (
    "dit is een tekstbestand (bijvoorbeeld CSV), geen Excel-werkmap, ook al heet het .xlsx; geef het de naam .csv, "
    "of open het in Excel en sla het op als 'Excel-werkmap (*.xlsx)'"
)
ODS = (
    "dit is een LibreOffice-werkmap (.ods), ook al heet hij .xlsx; open hem in LibreOffice Calc en kies Bestand > Opslaan als, "
    "met als bestandstype 'Excel 2007-365 (.xlsx)'"
)
# Werkmappen die kostenbaten niet leest, herkend aan de naam, met de weg naar een .xlsx (voor elke lezer dezelfde).
OPSLAAN_ALS = {
    ".ods": "een LibreOffice-werkmap (.ods) wordt niet gelezen; open hem in LibreOffice Calc en kies "
            "Bestand > Opslaan als, met als bestandstype 'Excel 2007-365 (.xlsx)'",
    ".xls": "een werkmap in het oude Excel-formaat (.xls) wordt niet gelezen; open hem in Excel en kies "
            "Bestand > Opslaan als, met als bestandstype 'Excel-werkmap (*.xlsx)' (in LibreOffice: 'Excel 2007-365 (.xlsx)')",
}
GEEN_WERKMAP = f"dit is een zip-bestand maar geen Excel-werkmap (xl/workbook.xml ontbreekt); {OPNIEUW_OPSLAAN}"
DTD = f"de werkmap bevat XML met een DTD of entiteiten (<!DOCTYPE>), wat Excel nooit schrijft; {OPNIEUW_OPSLAAN}"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_VERSLEUTELD = "EncryptionInfo".encode("utf-16-le")
_VERSLEUTELD_PAKKET = "EncryptedPackage".encode("utf-16-le")  # de andere stroom van een versleutelde werkmap
_CEL = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})\Z")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.0f}".replace(",", ".") + " MB"


class Onleesbaar(Exception):
    """Een leesfout midden in een blad; `fout` is de melding voor de gebruiker."""

    def __init__(self, fout: Fout):
        super().__init__(str(fout))
        self.fout = fout


@dataclass(frozen=True, slots=True)
class Cel:
    """Eén cel zoals de lezers hem gebruiken: waarde, soort (n, s, f, b, d, e) en plaats."""

    value: object
    data_type: str
    row: int
    column: int

    @property
    def coordinate(self) -> str:
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.column)}{self.row}"


def _kolomnummer(letters: str) -> int:
    nummer = 0
    for letter in letters.upper():
        nummer = nummer * 26 + ord(letter) - 64
    return nummer


def _plaats(ref: str) -> tuple[int, int]:
    gevonden = _CEL.match(ref)
    if not gevonden:
        raise KeyError(ref)
    return int(gevonden.group(2)), _kolomnummer(gevonden.group(1))


@dataclass
class Blad:
    """De bestaande cellen van één blad in het geheugen, met de vorm van een openpyxl-werkblad voor het lezen."""

    parent: Werkmap
    title: str
    cellen: dict[tuple[int, int], Cel] = field(default_factory=dict)
    verborgen_rijen: list[int] = field(default_factory=list)

    @property
    def naam(self) -> str:
        return self.title

    @functools.cached_property
    def rijnummers(self) -> list[int]:
        """De nummers van de rijen met een cel, oplopend (de cellen veranderen na `lees_blad` niet meer)."""
        return sorted({r for r, _ in self.cellen})

    @property
    def max_row(self) -> int:
        return self.rijnummers[-1] if self.rijnummers else 1

    @functools.cached_property
    def max_column(self) -> int:
        return max((k for _, k in self.cellen), default=1)

    def cel(self, rij: int, kolom: int) -> Cel:
        return self.cellen.get((rij, kolom)) or Cel(None, "n", rij, kolom)

    def __getitem__(self, ref: str) -> Cel:
        return self.cel(*_plaats(ref))

    def iter_rows(self, min_row: int = 1, max_row: int | None = None, min_col: int = 1, max_col: int | None = None):
        """Als openpyxl, maar alleen de rijen met een cel: een waarde in A1048576 geeft geen miljoen lege rijen."""
        max_col = self.max_column if max_col is None else max_col
        for rij in self.rijnummers:
            if rij >= min_row and (max_row is None or rij <= max_row):
                yield tuple(self.cel(rij, k) for k in range(min_col, max_col + 1))

    def rijen(self) -> list[tuple[int, dict[int, Cel]]]:
        per_rij: dict[int, dict[int, Cel]] = {}
        for (rij, kolom), cel in sorted(self.cellen.items()):
            per_rij.setdefault(rij, {})[kolom] = cel
        return list(per_rij.items())


class Werkmap:
    """Een geopende werkmap (openpyxl, read-only); sluit het bestand met `with` of `sluit()`."""

    def __init__(self, pad: Path, boek, formules: bool):
        self.pad = pad
        self.naam = str(pad)
        self._boek = boek
        self.formules = formules
        self.bladen: list[str] = list(boek.sheetnames)
        self.staat = {ws.title: ws.sheet_state for ws in boek.worksheets}
        try:
            actief = boek.active
        except (IndexError, AttributeError):
            actief = None
        self.actief: str | None = getattr(actief, "title", None)
        self._gelezen: dict[str, Blad] = {}

    def __enter__(self) -> Werkmap:
        return self

    def __exit__(self, *_) -> None:
        self.sluit()

    def sluit(self) -> None:
        try:
            self._boek.close()
        except Exception:  # noqa: BLE001 - sluiten van een beschadigde zip mag niet de melding verdringen
            pass

    def zichtbaar(self, naam: str) -> bool:
        return self.staat.get(naam, "visible") == "visible"

    def __getitem__(self, naam: str) -> Blad:
        """Een al gelezen blad (voor `blad.parent[naam]`)."""
        return self._gelezen[naam]

    def fout(self, melding: str, plek: str | None = None) -> Fout:
        return Fout(Plek(self.naam, None, plek), "", melding)

    def rijen(self, naam: str, max_rijen: int = MAX_RIJEN, verborgen: list[int] | None = None):
        """(rijnummer, [Cel, ...]) per rij met een cel die een waarde heeft, in volgorde van het bestand.

        Gooit `Onleesbaar` bij een beschadigd blad of bij meer dan `max_rijen` rijen met een waarde;
        `verborgen` krijgt de nummers van verborgen rijen met een waarde erbij.
        """
        import warnings
        import zipfile
        import zlib

        ws = self._boek[naam]
        boek = self._boek
        aantal = 0
        try:
            with warnings.catch_warnings(), ws._get_source() as bron:
                warnings.simplefilter("ignore")  # openpyxl waarschuwt in het Engels; de lezer meldt zelf
                parser = _parser()(
                    bron, ws._shared_strings, data_only=boek.data_only, epoch=boek.epoch,
                    date_formats=boek._date_formats, timedelta_formats=boek._timedelta_formats,
                )
                for rij, cellen in parser.parse():
                    gevuld = [
                        Cel(c["value"], c["data_type"], rij, c["column"]) for c in cellen if c["value"] is not None and c["value"] != ""
                    ]
                    if not gevuld:
                        continue
                    aantal += 1
                    if aantal > max_rijen:
                        grens = f"{max_rijen:,}".replace(",", ".")
                        raise Onleesbaar(self.fout(
                            f"blad '{naam}' heeft meer dan {grens} rijen met inhoud; dat is meer dan kostenbaten van dit blad leest. "
                            "Staat er iets onder de tabel (een formule of waarde ver naar beneden)? Verwijder die rijen", f"{naam}!A{rij}",
                        ))
                    if verborgen is not None:
                        dimensie = parser.row_dimensions.get(str(rij))
                        if dimensie and str(dimensie.get("hidden", "")).lower() in ("1", "true"):
                            verborgen.append(rij)
                    yield rij, gevuld
        except Onleesbaar:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, SyntaxError, ValueError, KeyError, TypeError, IndexError,
                AttributeError, OverflowError, RecursionError, MemoryError) as fout:
            raise Onleesbaar(self.fout(f"{BESCHADIGD} (blad '{naam}', na rij {aantal}: {type(fout).__name__})")) from None
        except Exception as fout:  # noqa: BLE001 - elk ander soort leesfout van de XML-lezer ook
            raise Onleesbaar(self.fout(f"{BESCHADIGD} (blad '{naam}': {type(fout).__name__})")) from None

    def waarschuwingen(self, gelezen: list[str]) -> list[Fout]:
        """Verborgen en zeer verborgen bladen en de verborgen rijen van de gelezen bladen, als waarschuwing."""
        uit = []
        for naam in self.bladen:
            staat = self.staat.get(naam, "visible")
            if staat == "visible":
                continue
            soort = "zeer verborgen (alleen via VBA zichtbaar te maken)" if staat == "veryHidden" else "verborgen"
            gebruikt = "en wordt gelezen" if naam in gelezen else "en wordt niet gelezen"
            uit.append(self.fout(f"let op: blad '{naam}' is {soort} {gebruikt}", f"{naam}!A1"))
        for naam in gelezen:
            blad = self._gelezen.get(naam)
            if blad is not None and blad.verborgen_rijen:
                rijen = blad.verborgen_rijen
                lijst = ", ".join(map(str, rijen[:10])) + (f" en nog {len(rijen) - 10}" if len(rijen) > 10 else "")
                uit.append(self.fout(f"let op: verborgen rij(en) {lijst} met inhoud tellen mee", f"{naam}!A{rijen[0]}"))
        return uit


@functools.cache
def _parser():
    """De bladlezer van openpyxl, die een lege (alleen opgemaakte) cel overslaat zonder hem uit te werken.

    `<c r="B7" s="3"/>` zonder waarde of formule kost anders evenveel als een gevulde cel; een blad met
    een miljoen opgemaakte lege cellen duurt dan tientallen seconden.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_row(self, row):
            attrs = dict(row.attrib)
            if "r" in attrs:
                try:
                    self.row_counter = int(attrs["r"])
                except ValueError:
                    waarde = float(attrs["r"])
                    if not waarde.is_integer():
                        raise ValueError(f"{attrs['r']} is geen rijnummer") from None
                    self.row_counter = int(waarde)
            else:
                self.row_counter += 1
            self.col_counter = 0
            if {k for k in attrs if not k.startswith("{")} - {"r", "spans"}:
                self.row_dimensions[str(self.row_counter)] = attrs
            # Zonder kindelementen (v, f, is) en met een eigen plaats (r) is een cel leeg: overslaan.
            cells = [self.parse_cell(el) for el in row if len(el) or "r" not in el.attrib]
            return self.row_counter, cells

    return Parser


def lees_blad(werkmap: Werkmap, naam: str, max_rijen: int = MAX_RIJEN) -> tuple[Blad | None, list[Fout]]:
    """Alle cellen met een waarde van één blad in het geheugen; of de fout die het lezen stopte."""
    blad = Blad(werkmap, naam)
    try:
        for _, cellen in werkmap.rijen(naam, max_rijen, blad.verborgen_rijen):
            for cel in cellen:
                blad.cellen[(cel.row, cel.column)] = cel
    except Onleesbaar as fout:
        return None, [fout.fout]
    werkmap._gelezen[naam] = blad
    return blad, []


def _soort_fout(pad: Path, kop: bytes, grootte: int) -> str | None:
    """De melding als de eerste bytes al zeggen dat dit geen .xlsx is; None voor een zip."""
    if kop.startswith(_ZIP):
        return None
    if kop.startswith(_OLE):
        with pad.open("rb") as bestand:
            inhoud = bestand.read(min(grootte, MAX_BYTES))
        return WACHTWOORD if _VERSLEUTELD in inhoud or _VERSLEUTELD_PAKKET in inhoud else OUDE_XLS
    if not kop:
        return "het bestand is leeg (0 bytes); " + OPNIEUW_OPSLAAN
    if b"\x00" not in kop[:4096] or kop.startswith((b"\xff\xfe", b"\xfe\xff")):
        return TEKST
    return BESCHADIGD


def _controleer_zip(pad: Path) -> str | None:
    """De uitgepakte grootte van elk onderdeel en geen DTD in de XML, vóór openpyxl iets uitpakt."""
    import zipfile

    try:
        with zipfile.ZipFile(pad) as archief:
            onderdelen = archief.infolist()
            namen = {i.filename for i in onderdelen}
            if "xl/workbook.xml" not in namen:
                if "mimetype" in namen and b"opendocument" in archief.read("mimetype")[:200]:
                    return ODS
                return GEEN_WERKMAP
            totaal = 0
            for info in onderdelen:
                if info.filename.startswith("xl/worksheets/"):
                    grens = MAX_BLAD
                elif info.filename == "xl/sharedStrings.xml":
                    grens = MAX_GEDEELDE_TEKSTEN
                else:
                    grens = MAX_ONDERDEEL
                totaal += info.file_size
                if info.file_size > grens or totaal > MAX_UITGEPAKT:
                    return (
                        f"de werkmap is uitgepakt te groot: onderdeel {info.filename} wordt {_mb(info.file_size)} "
                        f"(hoogstens {_mb(grens)}, samen hoogstens {_mb(MAX_UITGEPAKT)}); {OPNIEUW_OPSLAAN}, of verwijder lege opgemaakte rijen en kolommen"
                    )
            for info in onderdelen:
                if info.filename.endswith((".xml", ".rels")) and info.file_size:
                    with archief.open(info) as deel:
                        begin = deel.read(65_536)
                    if b"<!DOCTYPE" in begin or b"<!ENTITY" in begin:
                        return DTD
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        # RuntimeError: een versleutelde zip; NotImplementedError: een onbekende compressie.
        return BESCHADIGD
    except Exception:  # noqa: BLE001 - zlib en andere fouten bij het uitpakken
        return BESCHADIGD
    return None


def open_werkmap(pad: Path | str, formules: bool = False) -> tuple[Werkmap | None, list[Fout]]:
    """Opent een .xlsx (read-only) na de controles hierboven; geeft de werkmap of één `Fout`.

    `formules=True`: een formule komt als tekst `=...` met soort 'f' (om een formule in een invoercel te
    weigeren); anders de opgeslagen uitkomst (None als Excel er geen opsloeg).
    """
    import warnings

    pad = Path(pad)
    naam = str(pad)
    try:
        stand = pad.stat()
        if not stat.S_ISREG(stand.st_mode):
            soort = "een map" if stat.S_ISDIR(stand.st_mode) else "geen gewoon bestand (een apparaat, pipe of socket)"
            return None, [Fout(Plek(naam), "", f"dit is {soort}; geef een werkmap (.xlsx)")]
        if stand.st_size > MAX_BYTES:
            return None, [Fout(Plek(naam), "", f"het bestand is te groot: {_mb(stand.st_size)}, hoogstens {_mb(MAX_BYTES)}")]
        with pad.open("rb") as bestand:
            kop = bestand.read(8192)
    except FileNotFoundError:
        return None, [Fout(Plek(naam), "", "bestand bestaat niet")]
    except PermissionError:
        return None, [Fout(Plek(naam), "", "kan het bestand niet lezen (geen leesrechten)")]
    except OSError as fout:
        return None, [Fout(Plek(naam), "", f"kan het bestand niet lezen ({type(fout).__name__})")]
    melding = _soort_fout(pad, kop, stand.st_size) or _controleer_zip(pad)
    if melding:
        return None, [Fout(Plek(naam), "", melding)]
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl waarschuwt in het Engels (onbekende uitbreidingen, een onmogelijke datum); de lezer meldt zelf.
            warnings.simplefilter("ignore")
            boek = load_workbook(pad, read_only=True, data_only=not formules)
    except Exception as fout:  # noqa: BLE001 - openpyxl kent veel soorten leesfouten
        return None, [Fout(Plek(naam), "", f"{BESCHADIGD} ({type(fout).__name__})")]
    if not boek.sheetnames:
        boek.close()
        return None, [Fout(Plek(naam), "", f"de werkmap heeft geen bladen; {OPNIEUW_OPSLAAN}")]
    return Werkmap(pad, boek, formules), []
