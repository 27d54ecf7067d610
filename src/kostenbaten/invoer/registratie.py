"""Een export van de vraagregistratie (CSV of xlsx) en de koppeling (YAML) inlezen tot een `Registratie`.

CSV zoals Excel en registratiesystemen het schrijven: UTF-8 met of zonder BOM,
anders Windows-1252 (Excel op Windows, 'CSV (gescheiden door lijstscheidingsteken)');
het scheidingsteken (puntkomma, komma of tab) volgt uit de kopregel. Een werkmap
(.xlsx) wordt met openpyxl gelezen, en openpyxl pas dan geladen; het eerste blad
telt, met de kopregel op rij 1.

Een rij zonder leesbare datum of met een leeg onderwerp telt niet mee en wordt
gemeld met zijn rijnummer; een onleesbare niet-verplichte waarde (ja/nee, uren)
telt alleen voor dat gegeven niet mee. Een ontbrekende verplichte kolom of een
onleesbaar bestand is een fout (code 2).
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kostenbaten.fouten import Fout
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.registratie import NIET_VERPLICHT, VERPLICHT, Hulpvraag, Koppeling, Melding, Registratie

KOPPELINGBESTAND = "koppeling.yaml"

_BOM = {b"\xef\xbb\xbf": "utf-8-sig", b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}
_SCHEIDINGSTEKENS = (";", ",", "\t")
_JA = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
_NEE = {"nee", "n", "no", "0", "onwaar", "false"}
# 2021-06-14, 14-06-2021, 14-6-2021, 14/06/2021 of 14.06.2021; een tijd erachter telt niet.
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def lees_registratie(pad: Path, koppeling: Koppeling, koppelingpad: Path) -> tuple[Registratie | None, list[Fout]]:
    """De hulpvragen uit een export; bij een onleesbaar bestand of een ontbrekende kolom de fouten."""
    naam = str(pad)
    if not pad.exists():
        return None, [Fout(naam, None, "", "bestand bestaat niet")]
    if pad.is_dir():
        return None, [Fout(naam, None, "", "dit is een map; geef de export van de registratie (.csv of .xlsx)")]
    soort = pad.suffix.lower()
    if soort in (".csv", ".txt"):
        tabel, fout = _csv(pad)
    elif soort in (".xlsx", ".xlsm"):
        tabel, fout = _xlsx(pad)
    elif soort == ".xls":
        return None, [Fout(naam, None, "", "dit is het oude Excel-formaat (.xls); sla de export op als .xlsx of als CSV")]
    else:
        return None, [Fout(naam, None, "", f"onbekend bestandstype '{pad.suffix}'; geef een export als .csv of .xlsx")]
    if fout:
        return None, [fout]
    kop, rijen, plek = tabel
    if not any(str(k or "").strip() for k in kop):
        return None, [Fout(naam, 1, "", "de eerste regel is leeg; verwacht de kopregel met de kolomnamen")]
    kolom, fouten = _kolommen(naam, kop, koppeling, koppelingpad, plek)
    if fouten:
        return None, fouten
    hulpvragen, meldingen = [], []
    for rij, waarden in rijen:
        if not any(str(w).strip() for w in waarden if w is not None):
            continue  # lege regels (Excel schrijft er soms ;;; achteraan)
        vraag, gemeld = _rij(naam, rij, waarden, kolom, plek)
        meldingen += gemeld
        if vraag is not None:
            hulpvragen.append(vraag)
    if not hulpvragen:
        fouten = [Fout(m.bestand, m.regel, "", m.melding, m.plek) for m in meldingen]
        return None, fouten + [Fout(naam, None, "", "geen enkele hulpvraag gelezen; verwacht na de kopregel één regel per hulpvraag")]
    aanwezig = tuple(g for g in NIET_VERPLICHT if g in kolom)
    return Registratie(naam, tuple(hulpvragen), tuple(meldingen), aanwezig), []


def _csv(pad: Path):
    naam = str(pad)
    try:
        ruw = pad.read_bytes()
    except OSError as fout:
        return None, Fout(naam, None, "", f"kan het bestand niet lezen ({fout.strerror})")
    codering = next((c for bom, c in _BOM.items() if ruw.startswith(bom)), None)
    try:
        if codering:
            tekst = ruw.decode(codering)
        else:
            try:
                tekst = ruw.decode("utf-8")
            except UnicodeDecodeError:
                tekst = ruw.decode("cp1252")  # Excel op Windows
    except UnicodeDecodeError:
        return None, Fout(naam, None, "", "kan de tekens niet lezen; sla de export op als CSV in UTF-8 of als .xlsx")
    tekst = tekst.lstrip("\ufeff")
    if not tekst.strip():
        return None, Fout(naam, 1, "", "het bestand is leeg")
    kopregel = tekst.splitlines()[0]
    scheiding = max(_SCHEIDINGSTEKENS, key=kopregel.count)
    lezer = csv.reader(tekst.splitlines(keepends=True), delimiter=scheiding)
    try:
        kop = next(lezer)
        rijen = [(lezer.line_num, rij) for rij in lezer]
    except csv.Error as fout:
        return None, Fout(naam, lezer.line_num, "", f"geen geldige CSV ({fout})")
    return (kop, rijen, None), None


def _xlsx(pad: Path):
    """Het eerste blad van een werkmap; openpyxl wordt pas hier geladen."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        werkmap = load_workbook(pad, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        return None, Fout(str(pad), None, "", "kan de werkmap niet lezen; is het een .xlsx uit Excel of LibreOffice?")
    blad = werkmap.worksheets[0]
    alle = list(blad.iter_rows(values_only=True))
    werkmap.close()
    if not alle:
        return None, Fout(str(pad), None, "", f"blad {blad.title} is leeg", f"{blad.title}!A1")
    rijen = [(i, list(rij)) for i, rij in enumerate(alle[1:], start=2)]

    def plek(rij: int, kolom: int) -> str:
        return f"{blad.title}!{get_column_letter(kolom + 1)}{rij}"

    return (list(alle[0]), rijen, plek), None


def _kolommen(naam: str, kop: list, koppeling: Koppeling, koppelingpad: Path, plek) -> tuple[dict[str, int], list[Fout]]:
    """Per gegeven de kolom in de export; een verplichte kolom die ontbreekt is een fout."""
    koppen = {" ".join(str(k or "").split()).casefold(): i for i, k in reversed(list(enumerate(kop)))}
    gevonden = ", ".join(f"'{str(k).strip()}'" for k in kop if str(k or "").strip())
    kolom, fouten = {}, []
    for gegeven in (*VERPLICHT, *NIET_VERPLICHT):
        gezocht = getattr(koppeling.kolommen, gegeven)
        if gezocht is None:
            continue
        sleutel = " ".join(gezocht.split()).casefold()
        if sleutel in koppen:
            kolom[gegeven] = koppen[sleutel]
        elif gegeven in VERPLICHT:
            fouten.append(
                Fout(
                    naam, 1, "",
                    f"kolom '{gezocht}' ({gegeven}) ontbreekt; gevonden kolommen: {gevonden}. "
                    f"Zet de juiste kolomnaam bij kolommen.{gegeven} in {koppelingpad}",
                    plek(1, 0) if plek else None,
                )
            )
    return kolom, fouten


def _rij(naam: str, rij: int, waarden: list, kolom: dict[str, int], plek) -> tuple[Hulpvraag | None, list[Melding]]:
    def cel(gegeven: str):
        i = kolom.get(gegeven)
        return waarden[i] if i is not None and i < len(waarden) else None

    def melding(gegeven: str, tekst: str) -> Melding:
        return Melding(naam, rij, plek(rij, kolom[gegeven]) if plek else None, tekst)

    meldingen = []
    datum = _datum(cel("datum"))
    if datum is None:
        ruw = _tekst(cel("datum"))
        tekst = f"datum '{ruw}' is geen datum (schrijf 14-06-2021 of 2021-06-14)" if ruw else "datum is leeg"
        meldingen.append(melding("datum", tekst + "; deze hulpvraag telt niet mee"))
    onderwerp = " ".join(_tekst(cel("onderwerp")).split())
    if not onderwerp:
        meldingen.append(melding("onderwerp", "onderwerp is leeg; deze hulpvraag telt niet mee"))
    if meldingen:
        return None, meldingen
    velden = {}
    for gegeven in ("doorverwezen", "opgelost"):
        if gegeven in kolom:
            velden[gegeven], ruw = _ja_nee(cel(gegeven)), _tekst(cel(gegeven))
            if velden[gegeven] is None and ruw:
                meldingen.append(melding(gegeven, f"{gegeven}: '{ruw}' is geen ja of nee; telt niet mee voor het aandeel {gegeven}"))
    if "uren" in kolom:
        velden["uren"], ruw = _uren(cel("uren")), _tekst(cel("uren"))
        if velden["uren"] is None and ruw:
            meldingen.append(melding("uren", f"uren: '{ruw}' is geen aantal uren; telt niet mee voor de uren per hulpvraag"))
    return Hulpvraag(rij, datum, onderwerp, **velden), meldingen


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.isoformat(sep=" ")
    return str(waarde).strip()


def _datum(waarde) -> date | None:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    if not isinstance(waarde, str):
        return None
    tekst = waarde.strip().replace("T", " ").split(" ")[0]
    try:
        if m := _ISO.match(tekst):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NL.match(tekst):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def _ja_nee(waarde) -> bool | None:
    if isinstance(waarde, bool):
        return waarde
    tekst = _tekst(waarde).casefold()
    if isinstance(waarde, (int, float)):
        tekst = {1: "1", 0: "0"}.get(waarde, tekst)
    return True if tekst in _JA else False if tekst in _NEE else None


def _uren(waarde) -> Decimal | None:
    if isinstance(waarde, bool) or waarde is None:
        return None
    # Een getal uit een werkmap is een float; via zijn tekst wordt het exact wat er in de cel staat.
    tekst = str(waarde).strip().replace(",", ".")
    try:
        uren = Decimal(tekst)
    except InvalidOperation:
        return None
    return uren if uren.is_finite() and uren >= 0 else None


def zoek_casussen(export: Path) -> Path | None:
    """De casussenmap bij een export: de map van de export of de map daarboven, als daar pilot.yaml staat.

    `kostenbaten nieuw` zet de koppeling in MAP/registratie/; een export die
    daarnaast staat, hoort dus bij MAP.
    """
    from kostenbaten.invoer.casussen import PILOTBESTAND

    map_ = export.resolve().parent
    return next((m for m in (map_, map_.parent) if (m / PILOTBESTAND).is_file()), None)


def zoek_koppeling(export: Path, casussen: Path | None) -> Path:
    """De koppeling die geldt als --koppeling ontbreekt, in deze volgorde:

    koppeling.yaml naast de export; MAP/registratie/koppeling.yaml van de
    casussenmap; anders de standaardkoppeling die met het pakket meekomt (die van
    `kostenbaten nieuw`, met de rechtsgebieden van Hengelo).
    """
    kandidaten = [export.parent / KOPPELINGBESTAND]
    if casussen is not None and casussen.is_dir():
        kandidaten.append(casussen / "registratie" / KOPPELINGBESTAND)
    return next((k for k in kandidaten if k.is_file()), standaardkoppeling())


def standaardkoppeling() -> Path:
    from importlib import resources

    return Path(str(resources.files("kostenbaten.sjablonen").joinpath("nieuw", KOPPELINGBESTAND)))


def laad_registratie(export: Path, koppelingpad: Path, rechtsgebieden: dict | None = None, bron: str = "") -> tuple[Registratie, Koppeling]:
    """Koppeling en export samen; alle fouten tegelijk als `InvoerFouten`.

    Met `rechtsgebieden` (uit pilot.yaml van de casussenmap `bron`) moet elk
    rechtsgebied van de koppeling daar bestaan.
    """
    from kostenbaten.fouten import InvoerFouten
    from kostenbaten.invoer.casussen import _onbekend

    koppeling = None
    if not koppelingpad.is_file():
        fouten = [Fout(str(koppelingpad), None, "", "koppeling niet gevonden; geef een bestaand bestand met --koppeling")]
    else:
        bestand, fouten = lees_yaml(koppelingpad)
        if not fouten:
            koppeling, fouten = valideer(Koppeling, bestand)
    if koppeling is not None and rechtsgebieden is not None:
        fouten = [
            bestand.fout(("onderwerpen", gebied), _onbekend("rechtsgebied", gebied, rechtsgebieden) + f" (in {bron})")
            for gebied in koppeling.onderwerpen
            if gebied not in rechtsgebieden
        ]
    if koppeling is None or fouten:
        # Zonder koppeling valt de export niet te lezen; een ontbrekende export melden we wel meteen mee.
        if not export.exists():
            fouten = [*fouten, Fout(str(export), None, "", "bestand bestaat niet")]
        raise InvoerFouten(fouten)
    registratie, fouten = lees_registratie(export, koppeling, koppelingpad)
    if fouten:
        raise InvoerFouten(fouten)
    return registratie, koppeling
