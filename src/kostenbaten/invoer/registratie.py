"""Een export van de vraagregistratie (CSV of xlsx) en de koppeling (YAML) inlezen tot een `Registratie`.

De export wordt rij voor rij gelezen (CSV als stroom, een werkmap met openpyxl in
read-only-modus), zodat het geheugen niet groeit met het aantal rijen maar met wat
onthouden moet worden: elke verschillende combinatie van de gekoppelde kolommen
met hoe vaak ze voorkomt (met een kolom voor hulpvraag of cliënt zijn dat de
nummers). Elke combinatie wordt één keer gecontroleerd; alleen als er een melding
is, wordt het bestand een tweede keer gelezen om de regelnummers te vinden.

CSV zoals Excel en registratiesystemen het schrijven: UTF-8 met of zonder BOM,
anders per regel Windows-1252 (Excel op Windows); een bestand dat deels UTF-8 en
deels Windows-1252 is, wordt per regel goed gelezen en de afwijkende regels worden
genoemd. UTF-16 met of zonder BOM. Alleen CR en LF beëindigen een regel. Het
scheidingsteken (puntkomma, komma of tab) volgt uit de kopregel. Een werkmap: het
actieve zichtbare blad (of `blad`), met de kopregel op rij 1; verborgen bladen
worden genoemd.

Een rij zonder leesbare datum, met een leeg onderwerp of met een ander aantal
velden dan de kopregel telt niet mee en wordt gemeld met zijn regel; een
onleesbare niet-verplichte waarde (ja/nee, uren, cijfer) telt alleen voor dat
gegeven niet mee. Een ontbrekende verplichte kolom, een dubbele kolomnaam of een
onleesbaar bestand is een fout (code 2).
"""

from __future__ import annotations

import collections
import contextlib
import csv
import re
from itertools import groupby, islice
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from pathlib import Path

from kostenbaten.fouten import Fout, Plek
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.registratie import NIET_VERPLICHT, VERPLICHT, Hulpvraag, Koppeling, Registratie
from kostenbaten.tekens import zichtbaar

KOPPELINGBESTAND = "koppeling.yaml"
# Groter dan dit is geen export van een spreekuur, maar een vergissing (of /dev/zero).
MAXIMUM_BYTES = 2 * 1024**3
# Een datum buiten deze jaren is een tikfout (0021, 9999) en zou de periode opblazen.
EERSTE_JAAR = 1990
LAATSTE_JAAR_NA_VANDAAG = 1

_BOM = {b"\xef\xbb\xbf": "utf-8-sig", b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}
_SCHEIDINGSTEKENS = (";", ",", "\t")
_JA = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
_NEE = {"nee", "n", "no", "0", "onwaar", "false"}
# 2021-06-14, 14-06-2021, 14-6-2021, 14/06/2021 of 14.06.2021; een tijd erachter telt niet.
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", re.ASCII)
# Uren en cijfers: gewone cijfers met hoogstens één decimaalteken; geen 1e6, 1_000 of andere cijfers.
_GETAL = re.compile(r"^\d+(?:[.,]\d+)?$", re.ASCII)
_HEEL = re.compile(r"^\d{1,6}$", re.ASCII)


# -- het bestand openen ------------------------------------------------------------


class _Bron:
    """Een geopende export: de kopregel en een manier om de rijen (opnieuw) te doorlopen."""

    def __init__(self, kop: list, rijen, plek=None, blad: str | None = None,
                 scheiding: str | None = None, waarschuwingen: list[str] | None = None, formules=None):
        self.kop = kop
        # rijen() is een contextmanager die (rijen, regel) geeft: de rijen vanaf rij 2 en een functie
        # die de regel van de laatst gegeven rij noemt; bij elke aanroep opnieuw vanaf het begin.
        self.rijen = rijen
        self.plek = plek  # (rij, kolom) -> "Blad!B7", alleen bij een werkmap
        self.blad = blad
        self.scheiding = scheiding
        self.waarschuwingen = waarschuwingen or []
        self.formules = formules  # rij -> {kolom: formule} zonder opgeslagen uitkomst, bij een werkmap


class _Leesfout(Exception):
    """Het bestand blijkt halverwege onleesbaar; de melding is de `Fout`."""

    def __init__(self, fout: Fout):
        self.fout = fout


def _controleer_bestand(pad: Path) -> Fout | None:
    naam = str(pad)
    try:
        info = pad.stat()
    except FileNotFoundError:
        return Fout(Plek(naam), "", "bestand bestaat niet")
    except OSError as fout:
        return Fout(Plek(naam), "", f"kan het bestand niet lezen ({fout.strerror})")
    if stat.S_ISDIR(info.st_mode):
        return Fout(Plek(naam), "", "dit is een map; geef de export van de registratie (.csv of .xlsx)")
    if not stat.S_ISREG(info.st_mode):
        return Fout(Plek(naam), "", "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp); geef de export als bestand")
    if info.st_size > MAXIMUM_BYTES:
        return Fout(Plek(naam), "", f"het bestand is groter dan {MAXIMUM_BYTES // 1024**3} GB; dat is geen export van een registratie")
    return None


def _begin(pad: Path, n: int = 65536) -> bytes:
    with pad.open("rb") as f:
        return f.read(n)


def _open(pad: Path, blad: str | None) -> tuple[_Bron | None, Fout | None]:
    naam = str(pad)
    fout = _controleer_bestand(pad)
    if fout:
        return None, fout
    soort = pad.suffix.lower()
    if soort in (".xls", ".ods"):
        from kostenbaten.invoer.xlsx import OPSLAAN_ALS

        return None, Fout(Plek(naam), "", OPSLAAN_ALS[soort])
    if soort not in (".csv", ".txt", ".xlsx", ".xlsm"):
        return None, Fout(Plek(naam), "", f"onbekend bestandstype '{pad.suffix}'; geef een export als .csv of .xlsx")
    if blad is not None and soort in (".csv", ".txt"):
        return None, Fout(Plek(naam), "", "--blad: een CSV-bestand heeft geen bladen; laat --blad weg of geef een werkmap (.xlsx)")
    try:
        begin = _begin(pad)
    except OSError as fout:
        return None, Fout(Plek(naam), "", f"kan het bestand niet lezen ({fout.strerror})")
    if soort in (".csv", ".txt"):
        return _csv(pad, begin)
    # Een .xlsx: wat het werkelijk is (beschadigd, wachtwoord, .xls, CSV, te groot) zegt `invoer.xlsx`, zoals bij elke werkmap.
    return _xlsx(pad, blad)


# -- CSV -------------------------------------------------------------------------


def _utf16_zonder_bom(begin: bytes) -> str | None:
    """UTF-16 zonder BOM: in de eerste tekens staat om de byte een nul."""
    stuk = begin[:200]
    if len(stuk) < 4:
        return None
    even, oneven = stuk[0::2], stuk[1::2]
    if oneven.count(0) >= len(oneven) * 0.9 and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= len(even) * 0.9 and oneven.count(0) == 0:
        return "utf-16-be"
    return None


class _Regels:
    """De regels van een CSV in bytes, elk als UTF-8 of anders als Windows-1252 gelezen; onthoudt welke afweken."""

    def __init__(self, pad: Path, naam: str, bom: int):
        self.pad, self.naam, self.bom = pad, naam, bom
        self.windows: list[int] = []  # regels die geen UTF-8 zijn
        self.utf8 = False  # een regel met tekens buiten ASCII die wel UTF-8 is

    def __call__(self) -> Iterator[str]:
        self.windows, self.utf8 = [], False
        with self.pad.open("rb") as f:
            f.read(self.bom)
            for regel, ruw in enumerate(f, start=1):
                if ruw.isascii():
                    yield ruw.decode("ascii")
                    continue
                try:
                    tekst = ruw.decode("utf-8")
                    self.utf8 = True
                except UnicodeDecodeError:
                    try:
                        tekst = ruw.decode("cp1252")
                    except UnicodeDecodeError:
                        raise _Leesfout(Fout(Plek(self.naam, regel), "", "kan de tekens op deze regel niet lezen; sla de export op als CSV in UTF-8 of als .xlsx"))
                    self.windows.append(regel)
                yield tekst


def _csv(pad: Path, begin: bytes) -> tuple[_Bron | None, Fout | None]:
    naam = str(pad)
    bom = next((b for b in _BOM if begin.startswith(b)), None)
    codering = _BOM[bom] if bom else _utf16_zonder_bom(begin)
    if not begin.strip(b" \t\r\n\xef\xbb\xbf\xff\xfe\x00"):
        return None, Fout(Plek(naam, 1), "", "het bestand is leeg")

    if codering and codering.startswith("utf-16"):
        modus = "utf-16"
    elif b"\n" not in begin and b"\r" in begin:
        modus = "cr"  # alleen CR als regeleinde (oude Mac): de tekstlezer van Python splitst daar ook
    else:
        modus = "utf-8"
    regelbron = _Regels(pad, naam, len(bom) if bom else 0)
    toestand = {"per_regel": False}  # na een byte die geen UTF-8 is: elke regel in zijn eigen codering

    def tekstregels():
        """De regels als tekst: in één codering (snel, in C), of na een afwijkende byte per regel."""
        if toestand["per_regel"]:
            return contextlib.nullcontext(regelbron())
        if modus == "utf-8":
            return pad.open("r", encoding="utf-8-sig" if bom else "utf-8", newline="", errors="strict")
        return pad.open("r", encoding="utf-8" if modus == "cr" else codering, newline="", errors="strict")

    try:
        with tekstregels() as f:
            eerste = next(iter(f), "")
    except UnicodeDecodeError:
        toestand["per_regel"] = True
        try:
            eerste = next(iter(regelbron()), "")
        except (_Leesfout, UnicodeDecodeError):
            return None, Fout(Plek(naam, 1), "", "kan de tekens van de kopregel niet lezen; sla de export op als CSV in UTF-8 of als .xlsx")
    eerste = eerste.lstrip("\ufeff")
    scheiding = max(_SCHEIDINGSTEKENS, key=eerste.count)
    try:
        kop = next(csv.reader([eerste], delimiter=scheiding), [])
    except csv.Error as fout:
        return None, Fout(Plek(naam, 1), "", f"geen geldige kopregel ({fout})")

    @contextlib.contextmanager
    def rijen():
        with tekstregels() as f:
            lezer = csv.reader(f, delimiter=scheiding)
            try:
                next(lezer, None)
                yield lezer, lambda: lezer.line_num
            except csv.Error as fout:
                raise _Leesfout(Fout(Plek(naam, lezer.line_num), "", f"geen geldige CSV ({fout})"))
            except UnicodeDecodeError:
                if modus != "utf-8" or toestand["per_regel"]:
                    raise _Leesfout(Fout(Plek(naam, lezer.line_num + 1), "", "kan de tekens op deze regel niet lezen; sla de export op als CSV in UTF-8 of als .xlsx"))
                toestand["per_regel"] = True
                raise _Opnieuw()

    bron = _Bron(kop, rijen, scheiding=scheiding)
    bron.regelbron = regelbron
    return bron, None


class _Opnieuw(Exception):
    """Een byte die geen UTF-8 is: lees het bestand opnieuw, regel voor regel in zijn eigen codering."""


class _ScheiderInVeld(Exception):
    """Een veld bevat het scheidingsteken van de tekstsleutels: tel opnieuw met tuples."""


# -- werkmap ---------------------------------------------------------------------


# Een werkmap heeft hoogstens zoveel rijen (de grens van Excel); de rijen worden gestroomd gelezen.
MAX_RIJEN_WERKMAP = 1_048_576


def _xlsx(pad: Path, gevraagd: str | None) -> tuple[_Bron | None, Fout | None]:
    """Het actieve zichtbare blad (of `gevraagd`) van een werkmap, geopend en gelezen via `invoer.xlsx`."""
    from openpyxl.utils import get_column_letter

    from kostenbaten.invoer import xlsx

    naam = str(pad)

    def open_(formules: bool = False):
        werkmap, fouten = xlsx.open_werkmap(pad, formules=formules)
        if werkmap is None:
            raise _Leesfout(fouten[0])
        return werkmap

    try:
        werkmap = open_()  # één keer open voor de bladen en de kopregel (openen kost bij een blad zonder maat een doorloop)
    except _Leesfout as fout:
        return None, fout.fout
    bladen = [(t, werkmap.staat.get(t, "visible")) for t in werkmap.bladen]
    actief = werkmap.actief
    zichtbaar_ = [t for t, s in bladen if s == "visible"]
    verborgen = [t for t, s in bladen if s != "visible"]
    waarschuwingen = []
    if gevraagd is not None:
        if gevraagd not in [t for t, _ in bladen]:
            namen = ", ".join(f"'{zichtbaar(t)}'" for t, _ in bladen)
            werkmap.sluit()
            return None, Fout(Plek(naam), "", f"--blad: geen blad '{zichtbaar(gevraagd)}' in deze werkmap; er zijn: {namen}")
        titel = gevraagd
    elif actief in zichtbaar_:
        titel = actief
    elif zichtbaar_:
        titel = zichtbaar_[0]
    else:
        titel = bladen[0][0]
    if verborgen:
        waarschuwingen.append(
            "verborgen blad(en) niet gelezen: " + ", ".join(f"'{zichtbaar(t)}'" for t in verborgen if t != titel)
            if any(t != titel for t in verborgen)
            else f"het gelezen blad '{zichtbaar(titel)}' is verborgen"
        )
    andere = [t for t in zichtbaar_ if t != titel]
    if andere:
        waarschuwingen.append("ook in deze werkmap, niet gelezen: " + ", ".join(f"'{zichtbaar(t)}'" for t in andere) + " (kies een ander blad met --blad)")

    def waarden(cellen) -> tuple:
        """De cellen van een rij (alleen die met een waarde) als tuple van waarden vanaf kolom A."""
        rij = [None] * cellen[-1].column
        for cel in cellen:
            rij[cel.column - 1] = cel.value
        return tuple(rij)

    @contextlib.contextmanager
    def rijen():
        plaats = [1]

        def genummerd(werkmap):
            for nummer, cellen in werkmap.rijen(titel, MAX_RIJEN_WERKMAP):
                if nummer < 2:
                    continue
                plaats[0] = nummer
                yield waarden(cellen)

        try:
            with open_() as werkmap:
                yield genummerd(werkmap), lambda: plaats[0]
        except xlsx.Onleesbaar as fout:
            raise _Leesfout(fout.fout) from None

    try:
        with werkmap:
            eerste = next(werkmap.rijen(titel, MAX_RIJEN_WERKMAP), None)
    except xlsx.Onleesbaar as fout:
        return None, fout.fout
    if eerste is None:
        return None, Fout(Plek(naam, None, f"{titel}!A1"), "", f"blad {zichtbaar(titel)} is leeg")
    # De kopregel staat op rij 1; is die leeg, dan meldt `_lees` dat.
    kop = list(waarden(eerste[1])) if eerste[0] == 1 else [None]

    def formules(regels: set[int], kolommen: list[int]) -> dict[tuple[int, int], str]:
        """Per (rij, kolom) de formule in een cel die bij het lezen leeg was: een formule zonder opgeslagen uitkomst."""
        uit = {}
        if not regels:
            return uit
        laatste = max(regels)
        try:
            with open_(formules=True) as werkmap:
                for nummer, cellen in werkmap.rijen(titel, MAX_RIJEN_WERKMAP):
                    if nummer > laatste:
                        break
                    if nummer in regels:
                        for cel in cellen:
                            k = cel.column - 1
                            if k in kolommen and isinstance(cel.value, str) and cel.value.startswith("="):
                                uit[(nummer, k)] = cel.value
        except (_Leesfout, xlsx.Onleesbaar):
            pass  # de rijen zelf zijn al gelezen; zonder de formules zegt de melding alleen 'leeg'
        return uit

    def plek(rij: int, kolom: int) -> str:
        return f"{titel}!{get_column_letter(kolom + 1)}{rij}"

    return _Bron(kop, rijen, plek, titel, waarschuwingen=waarschuwingen, formules=formules), None


# -- kolommen --------------------------------------------------------------------


def _kolommen(naam: str, kop: list, koppeling: Koppeling, koppelingpad: Path, plek) -> tuple[dict[str, int], list[int], list[Fout]]:
    """Per gegeven de kolom in de export; een verplichte kolom die ontbreekt of een dubbele kolomnaam is een fout."""
    genormaliseerd = [" ".join(str(k or "").split()).casefold() for k in kop]
    gevonden = ", ".join(f"'{zichtbaar(str(k).strip())}'" for k in kop if str(k or "").strip())
    fouten = []
    koppen: dict[str, int] = {}
    for i, k in enumerate(genormaliseerd):
        if not k:
            continue
        if k in koppen:
            fouten.append(Fout(Plek(naam, 1, plek(1, i) if plek else None), "", f"kolomnaam '{zichtbaar(str(kop[i]).strip())}' staat twee keer in de kopregel (kolom {koppen[k] + 1} en {i + 1}); "
                "geef elke kolom een eigen naam, anders is niet te zeggen welke telt"))
        else:
            koppen[k] = i
    kolom: dict[str, int] = {}
    gezocht_ = [(g, getattr(koppeling.kolommen, g)) for g in (*VERPLICHT, *NIET_VERPLICHT)]
    for gegeven, gezocht in gezocht_:
        if gezocht is None:
            continue
        sleutel = " ".join(gezocht.split()).casefold()
        if sleutel in koppen:
            kolom[gegeven] = koppen[sleutel]
        elif gegeven in VERPLICHT:
            fouten.append(Fout(Plek(naam, 1, plek(1, 0) if plek else None), "", f"kolom '{gezocht}' ({gegeven}) ontbreekt; gevonden kolommen: {gevonden}. "
                f"Zet de juiste kolomnaam bij kolommen.{gegeven} in {koppelingpad}"))
        elif gegeven not in ("doorverwezen", "opgelost", "uren"):
            # De drie van de standaardkoppeling mogen ontbreken; een kolom die iemand zelf noemde niet.
            fouten.append(Fout(Plek(naam, 1, plek(1, 0) if plek else None), "", f"kolom '{gezocht}' ({gegeven}) staat in de koppeling maar niet in de export; gevonden kolommen: {gevonden}. "
                f"Verbeter of verwijder kolommen.{gegeven} in {koppelingpad}"))
    groepen = []
    for groep, gezocht in koppeling.kolommen.doelgroepen.items():
        sleutel = " ".join(gezocht.split()).casefold()
        if sleutel in koppen:
            groepen.append(koppen[sleutel])
        else:
            fouten.append(Fout(Plek(naam, 1, plek(1, 0) if plek else None), "", f"kolom '{gezocht}' (doelgroep {groep}) ontbreekt; gevonden kolommen: {gevonden}. "
                f"Zet de juiste kolomnaam bij kolommen.doelgroepen.{groep} in {koppelingpad}"))
    return kolom, groepen, fouten


# -- waarden ---------------------------------------------------------------------


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.isoformat(sep=" ")
    return str(waarde).strip()


def _vandaag() -> date:
    return date.today()


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


def _getal(waarde) -> Decimal | None:
    """Een niet-negatief getal zoals een mens het schrijft: 1,5 of 1.5; geen 1e6, 1_000 of andere cijfers dan 0-9."""
    if isinstance(waarde, bool) or waarde is None:
        return None
    if isinstance(waarde, (int, float)):
        # Een getal uit een werkmap is een float; via zijn tekst wordt het exact wat er in de cel staat.
        tekst = repr(waarde) if isinstance(waarde, float) else str(waarde)
        if isinstance(waarde, float) and tekst.endswith(".0"):
            tekst = tekst[:-2]
    else:
        tekst = str(waarde).strip()
    if not _GETAL.match(tekst) or len(tekst) > 20:
        return None
    try:
        return Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        return None


def _uren(waarde, maximum: int = 10**6) -> Decimal | None:
    uren = _getal(waarde)
    return uren if uren is not None and uren <= maximum else None


# -- lezen -----------------------------------------------------------------------


class _Keurder:
    """Controleert elke verschillende combinatie van gekoppelde waarden één keer, en elke waarde per kolom één keer."""

    def __init__(self, volgorde: list[str], koppeling: Koppeling, ngroepen: int, namen_kolom: bool):
        self.volgorde = volgorde
        self.koppeling = koppeling
        self.ngroepen = ngroepen
        self.namen_kolom = namen_kolom  # de kolom doorverwezen bevat namen van organisaties
        self.start_groepen = len(volgorde)
        self.geheugen: dict[tuple, tuple[dict, tuple]] = {}
        self.gekeurd: dict[tuple, tuple] = {}  # combinatie -> (velden van de hulpvraag na de datum, meldingen)
        self.met_naar = "doorverwezen_naar" in volgorde
        self.zonder_janee = "doorverwezen" not in volgorde

    def keur(self, sleutel: tuple, datum: date) -> tuple[Hulpvraag | None, list[tuple[str, str]]]:
        """De hulpvraag bij deze waarden (of None) en de meldingen als (gegeven, tekst); elke combinatie één keer gekeurd."""
        uit = self.gekeurd.get(sleutel)
        if uit is None:
            vraag, meldingen = self._keur(sleutel, datum)
            uit = self.gekeurd[sleutel] = (None if vraag is None else vraag[1:], meldingen)
        rest, meldingen = uit
        return (None if rest is None else Hulpvraag._make((datum, *rest))), meldingen

    def _keur(self, sleutel: tuple, datum: date) -> tuple[Hulpvraag | None, list[tuple[str, str]]]:
        velden: dict = {}
        meldingen: list = []
        geheugen = self.geheugen
        for gegeven, waarde in zip(self.volgorde, sleutel):
            k = (gegeven, type(waarde), waarde)
            uit = geheugen.get(k)
            if uit is None:
                uit = geheugen[k] = self._veld(gegeven, waarde)
            velden.update(uit[0])
            meldingen += uit[1]
        if "onderwerp" not in velden:
            return None, meldingen
        if self.met_naar:
            if velden.get("naar"):
                if velden.get("doorverwezen") is None:
                    velden["doorverwezen"] = True
            elif self.zonder_janee:
                velden["doorverwezen"] = False
        if self.ngroepen:
            start = self.start_groepen
            velden["doelgroepen"] = tuple(
                (zichtbaar(" ".join(_tekst(w).split())) or None) for w in sleutel[start:start + self.ngroepen]
            )
        return Hulpvraag(datum, **velden), meldingen

    def _veld(self, gegeven: str, waarde) -> tuple[dict, tuple]:
        """Eén waarde van één kolom: de velden die ze geeft en de meldingen."""
        ruw = _tekst(waarde)
        if gegeven == "onderwerp":
            onderwerp = zichtbaar(" ".join(ruw.split()))
            if not onderwerp:
                return {}, (("onderwerp", "onderwerp is leeg; deze hulpvraag telt niet mee"),)
            return {"onderwerp": onderwerp}, ()
        if gegeven in ("doorverwezen", "opgelost"):
            ja = _ja_nee(waarde)
            if gegeven == "doorverwezen" and self.namen_kolom and ja is None:
                # Een naam: doorverwezen naar die organisatie; leeg: niet doorverwezen.
                return ({"doorverwezen": True, "naar": zichtbaar(" ".join(ruw.split()))} if ruw else {"doorverwezen": False}), ()
            if ja is None and ruw:
                return {gegeven: None}, ((gegeven, f"{gegeven}: '{zichtbaar(ruw)}' is geen ja of nee; telt niet mee voor het aandeel {gegeven}"),)
            return {gegeven: ja}, ()
        if gegeven == "doorverwezen_naar":
            naar = " ".join(ruw.split())
            return ({"naar": zichtbaar(naar)} if naar else {}), ()
        if gegeven == "uren":
            uren = _getal(waarde)
            maximum = self.koppeling.maximum_uren
            if uren is not None and uren > maximum:
                return {"uren": None}, (("uren", f"uren: {zichtbaar(ruw)} is meer dan {maximum} uur voor één hulpvraag (maximum_uren in de koppeling); "
                                          "telt niet mee voor de uren per hulpvraag"),)
            if uren is None and ruw:
                return {"uren": None}, (("uren", f"uren: '{zichtbaar(ruw)}' is geen aantal uren; telt niet mee voor de uren per hulpvraag"),)
            return {"uren": uren}, ()
        if gegeven == "tevredenheid":
            cijfer = _getal(waarde)
            if cijfer is not None and cijfer > 10:
                cijfer = None
            if cijfer is None and ruw:
                return {"tevredenheid": None}, (("tevredenheid", f"tevredenheid: '{zichtbaar(ruw)}' is geen cijfer van 0 tot en met 10; telt niet mee voor de tevredenheid"),)
            return {"tevredenheid": cijfer}, ()
        if gegeven == "contacten":
            tekst = ruw[:-2] if ruw.endswith(".0") else ruw
            if _HEEL.match(tekst) and int(tekst) >= 1:
                return {"contacten": int(tekst)}, ()
            if tekst:
                return {}, (("contacten", f"contacten: '{zichtbaar(ruw)}' is geen aantal contacten (1 of meer); telt als één contact"),)
            return {}, ()
        tekst = " ".join(ruw.split())  # doorverwijzer, client, id
        return {gegeven: zichtbaar(tekst) if tekst else None}, ()


def lees_registratie(
    pad: Path, koppeling: Koppeling, koppelingpad: Path, blad: str | None = None, voortgang: Callable[[int], None] | None = None,
    fijn: bool = False,
) -> tuple[Registratie | None, list[Fout]]:
    """De hulpvragen uit een export; bij een onleesbaar bestand of een ontbrekende kolom de fouten.

    Zonder `fijn` staat in elke `Hulpvraag` de eerste dag van haar maand (genoeg om per maand,
    kwartaal of jaar te tellen, en zuinig); met `fijn` de dag zelf (voor dubbele regels tussen exports).

    `voortgang` krijgt na elke 65.536 rijen het aantal gelezen rijen (voor een voortgangsbalk).
    """
    naam = str(pad)
    bron, fout = _open(pad, blad)
    if fout:
        return None, [fout]
    try:
        return _lees(naam, bron, koppeling, koppelingpad, voortgang, fijn)
    except _Leesfout as fout:
        return None, [fout.fout]
    except MemoryError:
        return None, [Fout(Plek(naam), "", "de export is te groot om te tellen op deze computer")]


def _lees(naam: str, bron: _Bron, koppeling: Koppeling, koppelingpad: Path, voortgang, fijn: bool = False) -> tuple[Registratie | None, list[Fout]]:
    kop = bron.kop
    if not any(str(k or "").strip() for k in kop):
        return None, [Fout(Plek(naam, 1), "", "de eerste regel is leeg; verwacht de kopregel met de kolomnamen")]
    kolom, groepen, fouten = _kolommen(naam, kop, koppeling, koppelingpad, bron.plek)
    if fouten:
        return None, fouten
    volgorde = [g for g in kolom if g != "datum"]
    di = kolom["datum"]
    indices = [kolom[g] for g in volgorde] + groepen
    breedte = len(kop)
    nodig = max([di, *indices]) + 1
    pak = itemgetter(*indices) if len(indices) > 1 else (lambda rij, i=indices[0]: (rij[i],))
    is_werkmap = bron.plek is not None
    # Een CSV telt in de eerste doorgang elke combinatie als één tekst (de velden met SCHEIDER ertussen): een tekst
    # vergelijkt en hasht sneller dan een tuple van teksten. Na de doorgang wordt elke sleutel weer een tuple.
    # Staat het scheidingsteken zelf in een veld, dan telt de doorgang opnieuw met tuples.
    als_tekst = [not is_werkmap]
    if len(indices) > 1:
        samen = SCHEIDER.join
        tekstsleutel = lambda rij: samen(pak(rij))  # noqa: E731
    else:
        tekstsleutel = itemgetter(indices[0])
    eerste_dag = date(EERSTE_JAAR, 1, 1)
    laatste_dag = date(_vandaag().year + LAATSTE_JAAR_NA_VANDAAG, 12, 31)

    def vorm(rij):
        """Een rij met een ander aantal velden dan de kopregel: aangevuld (werkmap), overgeslagen (leeg) of None (afwijkend)."""
        if is_werkmap:
            return tuple(rij) + (None,) * (nodig - len(rij)) if len(rij) < nodig else rij
        if not any(v.strip() for v in rij):
            return ()
        if len(rij) < breedte or any(v.strip() for v in rij[breedte:]):
            return None
        return rij

    # Per datum (of per maand, als de precieze dag niet nodig is) een teller van de overige gekoppelde waarden.
    per_sleutel: dict = {}  # datumsleutel -> {waarden: [aantal, eerste regel]}
    dagen: dict = {}  # de datum zoals geschreven -> de teller van zijn datumsleutel
    datum_van: dict = {}  # de datum zoals geschreven -> date of None

    def nieuwe_dag(ruw):
        datum = _datum(ruw)
        if datum is not None and not eerste_dag <= datum <= laatste_dag:
            sleutel = ("buiten", datum)
        elif datum is None:
            sleutel = ("ongeldig", _tekst(ruw))
        else:
            sleutel = datum if fijn else datum.replace(day=1)
        datum_van[ruw] = datum
        sub = per_sleutel.get(sleutel)
        if sub is None:
            sub = per_sleutel[sleutel] = Counter()
        dagen[ruw] = sub
        return sub

    datum_van_rij = itemgetter(di)

    def tel_rij(rij) -> None:
        sub = dagen.get(rij[di])
        if sub is None:
            sub = nieuwe_dag(rij[di])
        sleutel = tekstsleutel(rij) if als_tekst[0] else pak(rij)
        sub[sleutel] += 1

    def tel_werkmap(rijen) -> int:
        """Rij voor rij (openpyxl geeft elke rij als Python-object; een korte rij wordt aangevuld); geeft het aantal rijen."""
        n = 0
        for n, rij in enumerate(rijen, start=1):
            if len(rij) < nodig:
                rij = vorm(rij)
            tel_rij(rij)
        return n

    def tel_csv(rijen, regel, afwijkend) -> bool:
        """Telt een blok CSV-rijen zonder een Python-stap per rij: de rijen met het aantal velden van de kopregel
        per reeks met dezelfde datum in één keer (een export staat meestal op datum), de andere rij voor rij.
        Geeft of er nog rijen waren."""
        iets = False
        tekst = als_tekst[0]
        for velden, reeks in groupby(rijen, len):
            if velden == breedte:
                for ruw, zelfde_dag in groupby(reeks, datum_van_rij):
                    sub = dagen.get(ruw)
                    if sub is None:
                        sub = nieuwe_dag(ruw)
                    if not tekst:
                        _tel(sub, map(pak, zelfde_dag))
                    elif len(indices) > 1:
                        _tel(sub, map(samen, map(pak, zelfde_dag)))
                    else:
                        _tel(sub, map(tekstsleutel, zelfde_dag))
                iets = True
                continue
            for rij in reeks:
                iets = True
                rij = vorm(rij)
                if rij is None:
                    afwijkend.append((regel(), velden))
                elif rij:
                    tel_rij(rij)
        return iets

    def eerste_doorgang():
        """Tel elke combinatie per datumsleutel; onthoud de regels met een ander aantal velden."""
        per_sleutel.clear(), dagen.clear(), datum_van.clear()
        afwijkend: list[tuple[int, int]] = []  # (regel, aantal velden)
        gelezen = 0
        with bron.rijen() as (rijen, regel):
            while True:
                blok = islice(rijen, _BLOK)
                if is_werkmap:
                    n = tel_werkmap(blok)
                    gelezen += n
                else:
                    # De rijen van een blok worden niet geteld (dat kost een stap per rij): de regel zegt hoe ver het is.
                    n = tel_csv(blok, regel, afwijkend)
                    gelezen = max(regel() - 1, 0)
                if not n:
                    break
                if voortgang is not None:
                    voortgang(gelezen)
        if als_tekst[0]:
            # Elke tekstsleutel weer als tuple, in dezelfde teller (de dagen wijzen ernaar) en dezelfde volgorde.
            delen = len(indices)
            for sub in per_sleutel.values():
                tuples = {}
                for sleutel, aantal in sub.items():
                    t = tuple(sleutel.split(SCHEIDER)) if delen > 1 else (sleutel,)
                    if len(t) != delen:
                        raise _ScheiderInVeld()
                    tuples[t] = aantal
                sub.clear()
                dict.update(sub, tuples)
        return afwijkend

    while True:  # hoogstens drie keer: nog eens per regel in zijn eigen codering, en nog eens met tuples
        try:
            afwijkend = eerste_doorgang()
            break
        except _Opnieuw:
            continue  # vanaf nu per regel (`_csv` zet dat om, en doet het maar één keer)
        except _ScheiderInVeld:
            als_tekst[0] = False

    waarschuwingen = [Fout(Plek(naam, 1), "", w) for w in bron.waarschuwingen]
    regelbron = getattr(bron, "regelbron", None)
    if regelbron is not None and regelbron.windows and regelbron.utf8:
        regels = regelbron.windows
        lijst = ", ".join(str(r) for r in regels[:10]) + (f" en nog {len(regels) - 10}" if len(regels) > 10 else "")
        waarschuwingen.append(Fout(
            Plek(naam, regels[0]), "",
            f"gemengde tekencodering: regel {lijst} in Windows-1252, de rest in UTF-8; elke regel is in zijn eigen codering gelezen. "
            "Controleer deze regels en sla de export in één codering op",
        ))

    # De kolom doorverwezen met namen van organisaties (meer regels met een naam dan met 'ja'):
    # dan is een naam 'doorverwezen naar', en leeg 'niet doorverwezen'. Anders is het een ja/nee-kolom.
    namen_kolom = False
    if "doorverwezen" in kolom:
        i = volgorde.index("doorverwezen")
        met_naam = met_ja = 0
        per_waarde: Counter = Counter()
        for sub in per_sleutel.values():
            for k, n in sub.items():
                per_waarde[k[i]] += n
        for waarde, n in per_waarde.items():
            j = _ja_nee(waarde)
            if j is None and _tekst(waarde):
                met_naam += n
            elif j:
                met_ja += n
        namen_kolom = met_naam > met_ja

    keurder = _Keurder(volgorde, koppeling, len(groepen), namen_kolom)
    soorten: dict[Hulpvraag, int] = {}  # hulpvraag -> aantal
    gemeld: dict[tuple, list[tuple[str, str]]] = {}  # (datumsleutel, waarden) -> meldingen
    fataal = False
    for dsleutel, sub in per_sleutel.items():
        for sleutel, aantal in sub.items():
            if isinstance(dsleutel, tuple):
                soort, ruw = dsleutel
                if soort == "buiten":
                    tekst = (f"datum {ruw.day}-{ruw.month}-{ruw.year} ligt niet tussen {EERSTE_JAAR} en {laatste_dag.year}; "
                             "een tikfout? deze hulpvraag telt niet mee")
                else:
                    ruw = zichtbaar(ruw)
                    tekst = (f"datum '{ruw}' is geen datum (schrijf 14-06-2021 of 2021-06-14)" if ruw else "datum is leeg") + "; deze hulpvraag telt niet mee"
                vraag, meldingen = keurder.keur(sleutel, date(2000, 1, 1))
                meldingen = [("datum", tekst)] + [m for m in meldingen if m[0] == "onderwerp"]
                vraag = None
            else:
                vraag, meldingen = keurder.keur(sleutel, dsleutel)
            if meldingen:
                gemeld[(dsleutel, sleutel)] = (meldingen, vraag is None)
                fataal = fataal or vraag is None
            if vraag is not None:
                soorten[vraag] = soorten.get(vraag, 0) + aantal

    # De dagen van de getelde hulpvragen (voor het begin en eind van de periode).
    getelde_dagen = {ruw for ruw, sub in dagen.items() if datum_van[ruw] is not None}

    # Tweede doorgang, alleen als er iets te melden is: de regels van de gemelde combinaties.
    meldingen: list[Fout] = []
    if gemeld:
        sleutel_van = {id(sub): s for s, sub in per_sleutel.items()}
        if fataal:
            getelde_dagen = set()
        regels_per: list[tuple[int, tuple]] = []
        with bron.rijen() as (rijen, regel):
            for rij in rijen:
                if len(rij) != breedte:
                    rij = vorm(rij)
                    if not rij:
                        continue
                sleutel = (sleutel_van[id(dagen[rij[di]])], pak(rij))
                if sleutel in gemeld:
                    if not any(_tekst(w) for w in rij):
                        continue  # een lege regel (Excel schrijft er soms ;;; achteraan)
                    regels_per.append((regel(), sleutel))
                    if fataal and not gemeld[sleutel][1]:
                        getelde_dagen.add(rij[di])
                elif fataal:
                    getelde_dagen.add(rij[di])
        formules = {}
        if is_werkmap and bron.formules is not None:
            formules = bron.formules({r for r, _ in regels_per}, [di, *indices])
        for regel, sleutel in regels_per:
            for gegeven, tekst in gemeld[sleutel][0]:
                k = kolom[gegeven]
                if (regel, k) in formules:
                    tekst = (f"{gegeven}: de cel heeft een formule ({zichtbaar(formules[(regel, k)][:60])}) zonder opgeslagen uitkomst; "
                             "open en bewaar de werkmap in Excel of LibreOffice, dan staat de uitkomst erin. " + tekst)
                meldingen.append(Fout(Plek(naam, regel, bron.plek(regel, k) if is_werkmap else None), "", tekst))
    for regel, velden in afwijkend:
        meldingen.append(_afwijkend(naam, regel, bron.scheiding, breedte, velden))
    meldingen.sort(key=lambda m: m.regel)

    if not soorten:
        return None, meldingen + [Fout(Plek(naam), "", "geen enkele hulpvraag gelezen; verwacht na de kopregel één regel per hulpvraag")]
    aanwezig = tuple(g for g in NIET_VERPLICHT if g in kolom)
    if "doorverwezen_naar" in kolom and "doorverwezen" not in aanwezig:
        aanwezig = ("doorverwezen", *aanwezig)
    rij_soorten = tuple(soorten.items())
    geteld = [datum_van[r] for r in getelde_dagen if datum_van[r] is not None and eerste_dag <= datum_van[r] <= laatste_dag]
    return Registratie(
        naam, rij_soorten, tuple(meldingen), aanwezig, bron.blad, tuple(koppeling.kolommen.doelgroepen), tuple(waarschuwingen),
        min(geteld), max(geteld),
    ), []


def _afwijkend(naam: str, regel: int, scheiding: str | None, breedte: int, velden: int) -> Fout:
    hint = ""
    if scheiding == "," and velden > breedte:
        hint = "; staat er een getal met een decimale komma zonder aanhalingstekens (0,5)? Zet het tussen aanhalingstekens of sla de export op met puntkomma's"
    return Fout(Plek(naam, regel), "", f"deze regel heeft {velden} velden en de kopregel {breedte}{hint}; deze hulpvraag telt niet mee")


_BLOK = 65536  # rijen tussen twee meldingen van de voortgang
SCHEIDER = "\x00"  # tussen de velden van een tekstsleutel (zie `_lees`)
# Telt de elementen van een reeks in een Counter, in C (wat Counter.update zelf gebruikt, zonder zijn controles per aanroep).
_tel = getattr(collections, "_count_elements", Counter.update)


# -- de koppeling zoeken en laden ----------------------------------------------------


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

    NAAM.koppeling.yaml naast de export NAAM.csv; koppeling.yaml naast de export;
    MAP/registratie/koppeling.yaml van de casussenmap; anders de
    standaardkoppeling die met het pakket meekomt (die van `kostenbaten nieuw`,
    met de rechtsgebieden van Hengelo).
    """
    kandidaten = [export.parent / f"{export.stem}.{KOPPELINGBESTAND}", export.parent / KOPPELINGBESTAND]
    if casussen is not None and casussen.is_dir():
        kandidaten.append(casussen / "registratie" / KOPPELINGBESTAND)
    return next((k for k in kandidaten if k.is_file()), standaardkoppeling())


def standaardkoppeling() -> Path:
    from importlib import resources

    return Path(str(resources.files("kostenbaten.sjablonen").joinpath("nieuw", KOPPELINGBESTAND)))


def laad_koppeling(koppelingpad: Path, rechtsgebieden: dict | None = None, bron: str = "") -> tuple[Koppeling | None, list[Fout]]:
    """De koppeling, met `rechtsgebieden` (uit pilot.yaml van `bron`) gecontroleerd."""
    from kostenbaten.invoer.casussen import _onbekend

    koppeling = None
    if not koppelingpad.is_file():
        return None, [Fout(Plek(str(koppelingpad)), "", "koppeling niet gevonden; geef een bestaand bestand met --koppeling")]
    bestand, fouten = lees_yaml(koppelingpad)
    if not fouten:
        koppeling, fouten = valideer(Koppeling, bestand)
    if koppeling is not None and rechtsgebieden is not None:
        fouten = [
            bestand.fout(("onderwerpen", gebied), _onbekend("rechtsgebied", gebied, rechtsgebieden) + f" (in {bron})")
            for gebied in koppeling.onderwerpen
            if gebied not in rechtsgebieden
        ]
    return (None if fouten else koppeling), fouten


def laad_registratie(
    export: Path, koppelingpad: Path, rechtsgebieden: dict | None = None, bron: str = "", blad: str | None = None, voortgang=None,
    fijn: bool = False,
) -> tuple[Registratie, Koppeling]:
    """Koppeling en export samen; alle fouten tegelijk als `InvoerFouten`.

    Met `rechtsgebieden` (uit pilot.yaml van de casussenmap `bron`) moet elk
    rechtsgebied van de koppeling daar bestaan.
    """
    from kostenbaten.fouten import InvoerFouten

    koppeling, fouten = laad_koppeling(koppelingpad, rechtsgebieden, bron)
    if koppeling is None or fouten:
        # Zonder koppeling valt de export niet te lezen; een ontbrekende export melden we wel meteen mee.
        if not export.exists():
            fouten = [*fouten, Fout(Plek(str(export)), "", "bestand bestaat niet")]
        raise InvoerFouten(fouten)
    registratie, fouten = lees_registratie(export, koppeling, koppelingpad, blad, voortgang, fijn)
    if fouten:
        raise InvoerFouten(fouten)
    return registratie, koppeling

