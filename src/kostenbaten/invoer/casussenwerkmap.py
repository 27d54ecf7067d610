"""Een casussenwerkmap inlezen: alle bladen naar dezelfde modellen als een casussenmap, fouten per cel.

De lezer bouwt per 'bestand' (de pilot, elke casus) dezelfde geneste inhoud
als de YAML-lezer, met bij elk sleutelpad zijn cel, en valideert die met
dezelfde modellen en dezelfde controles over de bestanden heen
(`invoer.casussen.samenhang`). Elke melding wijst naar een cel:
`mijnstad.xlsx:Casussen!D5: melding`. De indeling staat in
`model.casussenwerkmap`; openpyxl wordt pas hier geladen.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from typing import NamedTuple

from kostenbaten.fouten import Fout, Plek, InvoerFouten
from kostenbaten.invoer.casussen import Project, samenhang
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.werkmap import Lezer, naar_cel
from kostenbaten.invoer.bestand import toon_pad
from kostenbaten.model.casus import Casus, Pilot
from kostenbaten.model.casussenwerkmap import (
    AANPASSINGEN,
    SOORT_EN_VAN,
    BEREIKSLEUTELS,
    BATEN,
    CASUSSEN,
    DE_PILOT,
    EFFECTEN,
    ERRATA_TABEL,
    GEPUBLICEERD_TABEL,
    PILOT,
    PILOT_BEREIK,
    PILOTVELDEN,
    SOORTEN_AANPASSING,
    TABELLEN,
    VERPLICHTE_BLADEN,
    Tabel,
    tabel as tabel_van,
)

# Bladen met één regel per naam in een blok van pilot.yaml.
BLOKKEN = {"Rechtsgebieden": "rechtsgebieden", "Tarieven": "tarieven", "Actoren": "actoren", "Kengetallen": "kengetallen"}
# Kolommen die bepalen waar een regel hoort; ze komen zelf niet in de inhoud.
WEGWIJZERS = ("sleutel", "casus", "kengetal_van", "baat", "soort", "cijfer", "uitleg")


# Zoveel regels met iets erin leest een blad hoogstens: een echte pilot heeft er tientallen.
MAX_RIJEN = 10_000


def lees_casussen_werkmap(pad: Path) -> Project:
    """Leest een casussenwerkmap; gooit `InvoerFouten` met alle fouten samen, elk met zijn cel.

    Openen en lezen gaan via `invoer.xlsx` (dezelfde grenzen en meldingen als de andere werkmaplezers):
    één keer met de formules, en alleen als er formules zijn nog eens voor hun opgeslagen uitkomsten.
    """
    from kostenbaten.invoer import xlsx

    werkmap, fouten = xlsx.open_werkmap(pad, formules=True)
    if werkmap is None:
        raise InvoerFouten(fouten)
    with werkmap:
        ontbrekend = [b for b in VERPLICHTE_BLADEN if b not in werkmap.bladen]
        if ontbrekend:
            raise InvoerFouten(
                [Fout(Plek(str(pad)), "", f"blad '{b}' ontbreekt; maak een werkmap met 'kostenbaten sjabloon --casussen'") for b in ontbrekend]
            )
        boek = _Boek(pad, werkmap)
    if boek.fouten:
        raise InvoerFouten(boek.fouten)
    if boek.formules:  # de opgeslagen uitkomsten staan alleen in de werkmap zoals Excel hem zonder formules leest
        waarden, fouten = xlsx.open_werkmap(pad, formules=False)
        if waarden is None:
            raise InvoerFouten(fouten)
        with waarden:
            boek.uitkomsten(waarden)
        if boek.fouten:
            raise InvoerFouten(boek.fouten)
    return _Lezing(pad, boek).project()


# -- de cellen die bestaan -----------------------------------------------------------
#
# openpyxl maakt bij elke opvraging `ws["B7"]` een cel aan als hij er niet is; wie
# rij voor rij tot `ws.max_row` loopt, maakt er bij één opgemaakte cel onderaan een
# miljoen. Daarom leest de lezer alleen de cellen die in het bestand staan, één keer,
# in een eigen blad: een lege cel is er gewoon niet.


class _Cel:
    """Eén cel zoals de lezer hem ziet: de waarde (bij een formule de opgeslagen uitkomst) en de formule."""

    __slots__ = ("value", "data_type", "row", "column_letter", "formule", "bekeken")

    def __init__(self, value, data_type: str, row: int, column_letter: str, formule: str | None = None):
        self.value = value
        self.data_type = data_type
        self.row = row
        self.column_letter = column_letter
        self.formule = formule
        self.bekeken = False  # de eerste keer dat de lezer hem leest, meldt `_Boek.bekijk` wat bijzonder is


_LEEG = _Cel(None, "n", 0, "")


class _Blad:
    """Een blad met alleen zijn gevulde cellen; `blad["B7"]` geeft een lege cel als B7 er niet is."""

    def __init__(self, titel: str, boek: "_Boek", ws=None, zichtbaar: bool = True):
        """`ws` is een gelezen `invoer.xlsx.Blad` (alleen de cellen die in het bestand staan), of None voor een blad dat niet gelezen wordt."""
        from openpyxl.utils import get_column_letter

        self.title = titel
        self.parent = boek
        self.cellen: dict[str, _Cel] = {}
        self.rijen: set[int] = set()
        self.zichtbaar = zichtbaar
        for (rij, kolom), cel in (ws.cellen.items() if ws is not None else ()):
            waarde = cel.value
            if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
                continue
            letter = get_column_letter(kolom)
            formule = None
            if cel.data_type == "f":
                formule = waarde if isinstance(waarde, str) else getattr(waarde, "text", None) or "="
                if _toont_kengetal(titel, formule):
                    continue
                boek.formules.append((self, f"{letter}{rij}"))
            self.cellen[f"{letter}{rij}"] = _Cel(waarde, cel.data_type, rij, letter, formule)
            self.rijen.add(rij)
        self.verborgen_rijen = sorted(r for r in (ws.verborgen_rijen if ws is not None else ()) if r in self.rijen)

    def __getitem__(self, sleutel):
        if isinstance(sleutel, int):  # een hele rij, zoals ws[1]
            return sorted((c for c in self.cellen.values() if c.row == sleutel), key=lambda c: (len(c.column_letter), c.column_letter))
        cel = self.cellen.get(sleutel.replace("$", "").upper(), _LEEG)
        if cel is not _LEEG and not cel.bekeken:
            cel.bekeken = True
            self.parent.bekijk(self, cel)
        return cel

    @property
    def max_row(self) -> int:
        return max(self.rijen, default=1)


class Celmelding(NamedTuple):
    """Een cel die anders gelezen is dan ze eruitziet, als gegevens; de zin maakt `uitvoer/waarschuwingen.py`."""

    plek: str  # "Rechtsgebieden!D3"
    vast: str = ""  # een melding zonder getallen: een verborgen blad of verborgen regels
    formule: str | None = None  # de (ingekorte) formule die als haar opgeslagen uitkomst is gelezen
    uitkomst: object = None  # die uitkomst (een Decimal bij een getal), als ze niet is afgerond
    getal: Decimal | None = None  # een kommagetal met meer decimalen dan het model bewaart ...
    afgerond: Decimal | None = None  # ... en zijn afronding (`geld.afronden_op_rekenprecisie`)


class _Boek:
    """De bladen van de werkmap met hun gevulde cellen, plus meldingen over wat anders is dan het lijkt."""

    def __init__(self, pad: Path, werkmap):
        from kostenbaten.invoer.xlsx import lees_blad

        self.pad = pad
        self.formules: list[tuple[_Blad, str]] = []
        self.fouten: list[Fout] = []
        self.meldingen: list[Celmelding] = []
        self.bladen = {}
        for titel in werkmap.bladen:
            gelezen = None
            if titel in _GELEZEN:
                # Tot twee keer de grens lezen, zodat de melding hieronder zegt hoeveel regels er zijn;
                # daarboven stopt het lezen met de melding van `invoer.xlsx` (een leesfout ook).
                gelezen, fouten = lees_blad(werkmap, titel, max_rijen=2 * MAX_RIJEN)
                self.fouten.extend(fouten)
            self.bladen[titel] = _Blad(titel, self, gelezen, werkmap.zichtbaar(titel))
        self.sheetnames = list(self.bladen)
        for blad in self.bladen.values():
            if len(blad.rijen) > MAX_RIJEN:
                self.fouten.append(
                    Fout(Plek(str(pad)), "", f"blad {blad.title} heeft {len(blad.rijen)} gevulde regels, meer dan de {MAX_RIJEN} die kostenbaten leest; "
                         "verwijder wat niet bij de casussen hoort")
                )
            if blad.title in _GELEZEN and not blad.zichtbaar:
                self.meldingen.append(Celmelding(f"{blad.title}!A1", f"blad {blad.title} is verborgen, maar wordt gewoon gelezen"))
            if blad.title in _GELEZEN and blad.verborgen_rijen:
                rijen = ", ".join(map(str, blad.verborgen_rijen[:10])) + (" en meer" if len(blad.verborgen_rijen) > 10 else "")
                self.meldingen.append(Celmelding(f"{blad.title}!A{blad.verborgen_rijen[0]}", f"verborgen regels worden gewoon gelezen: rij {rijen}"))

    def __getitem__(self, naam: str) -> _Blad:
        return self.bladen[naam]

    def bekijk(self, blad: _Blad, cel: _Cel) -> None:
        """Een formule wordt zijn opgeslagen uitkomst (met een melding), of een fout als die er niet is;
        een kommagetal met meer decimalen dan het model bewaart wordt afgerond (`afronden_op_rekenprecisie`), met een melding."""
        from kostenbaten.geld import DECIMALEN, afronden_op_rekenprecisie

        plek = f"{blad.title}!{cel.column_letter}{cel.row}"
        if cel.formule is not None and cel.value is None:
            self.fouten.append(
                Fout(Plek(str(self.pad), None, plek), "", f"deze cel heeft een formule ({_kort(cel.formule)}) zonder opgeslagen uitkomst; "
                     "open en bewaar de werkmap in Excel of LibreOffice, of typ de waarde zelf")
            )
            return
        formule = None if cel.formule is None else _kort(cel.formule)
        uitkomst = getal = afgerond = None
        if isinstance(cel.value, float) and cel.value == cel.value and abs(cel.value) != float("inf"):
            gelezen = Decimal(repr(cel.value))
            if gelezen.as_tuple().exponent < -DECIMALEN:
                getal, afgerond = gelezen, afronden_op_rekenprecisie(gelezen)
                cel.value = afgerond
            else:
                uitkomst = gelezen
        else:
            uitkomst = cel.value
        if formule is not None or afgerond is not None:
            self.meldingen.append(Celmelding(plek, "", formule, uitkomst if formule is not None else None, getal, afgerond))

    def uitkomsten(self, waarden) -> None:
        """Bij elke formule de uitkomst die Excel of LibreOffice in het bestand bewaarde (of None); `waarden` is een `invoer.xlsx.Werkmap`."""
        from kostenbaten.invoer.xlsx import lees_blad

        gelezen = {}
        for blad, cel in self.formules:
            if blad.title not in gelezen:
                gelezen[blad.title], fouten = lees_blad(waarden, blad.title, max_rijen=2 * MAX_RIJEN)
                self.fouten.extend(fouten)
            if gelezen[blad.title] is None:
                continue
            c = blad.cellen[cel]
            c.value = gelezen[blad.title][cel].value
            c.data_type = "s" if isinstance(c.value, str) else "n"


def _toont_kengetal(blad: str, formule: str) -> bool:
    """De grijze cellen van blad Baten die bedrag of actor van een kengetal tonen (VLOOKUP op blad Kengetallen): geen invoer."""
    tekst = formule.upper().replace("'", "")
    return blad == BATEN and "VLOOKUP(" in tekst and "KENGETALLEN!" in tekst


def _kort(formule: str) -> str:
    formule = " ".join(str(formule).split())
    return formule if len(formule) <= 40 else formule[:39] + "…"


# -- meldingen in de woorden van de werkmap -------------------------------------------
#
# De modellen melden in de woorden van het YAML-formaat ('per_maand', 'min', een
# punt als decimaalteken). In een werkmap heten die dingen anders: kolomkoppen, en
# een komma. De melding wijst al naar de cel; hier krijgt ze de woorden van het blad.

_WERKMAPWOORDEN = (
    ("geef precies één van 'kengetal', 'bedrag' of 'per_maand'",
     "vul precies één van de kolommen Kengetal, Bedrag (€) en Per maand (€) in"),
    ("geef precies één van 'bedrag' of 'per_maand'", "vul precies één van de kolommen Bedrag (€) en Per maand (€) in"),
    ("bij 'per_maand' hoort 'maanden' (de looptijd)", "bij een bedrag in Per maand (€) hoort de looptijd in de kolom Maanden"),
    ("'maanden' hoort alleen bij 'per_maand'", "de kolom Maanden hoort alleen bij een bedrag in Per maand (€)"),
    ("een baat zonder kengetal heeft een 'omschrijving' nodig", "een baat zonder kengetal heeft een Omschrijving nodig"),
    ("een baat zonder kengetal heeft een 'actor' nodig (wie wint: client, overheid, ...)",
     "een baat zonder kengetal heeft een Actor nodig (kies uit de lijst wie de baat ontvangt)"),
    ("geef zowel 'min' als 'max', of geen van beide", "vul het bereik helemaal in (min en max) of laat beide leeg"),
    ("geef 'min'/'max' of 'interval_90', niet allebei", "vul min en max óf 90% van en 90% tot in, niet allebei"),
    ("'waarde' moet tussen 'min' en 'max' liggen", "de waarde moet tussen min en max liggen"),
    ("'waarde' moet binnen 'interval_90' liggen", "de waarde moet tussen 90% van en 90% tot liggen"),
    ("'tot' ligt voor 'van'", "Periode tot ligt voor Periode van"),
    ("geef het aandeel (procent) of het aantal hulpvragen van dit rechtsgebied",
     "vul het aantal hulpvragen (kolom Hulpvragen) of het aandeel (kolom Aandeel (%)) van dit rechtsgebied in"),
    ("blok 'kengetallen' ontbreekt, maar de casussen gebruiken:", "blad Kengetallen is leeg, maar blad Baten gebruikt:"),
    ("heeft meer dan twee cijfers achter de punt: schrijf duizendtallen zonder punt (bijvoorbeeld 1614); "
     "een bedrag heeft hoogstens twee decimalen (centen)", "heeft meer dan twee decimalen; een bedrag heeft hoogstens twee (centen)"),
    ("; een punt is geen duizendtalscheiding: schrijf 1300, niet 1.300", ""),
    ("cijfers na de punt", "cijfers na de komma"),
    ("cijfers voor de punt", "cijfers voor de komma"),
)
# Een los kommagetal in een melding (23.9, -0.5), niet een duizendtal (1.000.000) of een datum.
_PUNTGETAL = re.compile(r"(?<![\d.,])(-?\d+)\.(\d+)(?![\d.,])")


def in_werkmapwoorden(melding: str) -> str:
    """Een melding van het model in de woorden van de werkmap: kolomkoppen in plaats van sleutels, een komma in getallen."""
    for yaml, werkmap in _WERKMAPWOORDEN:
        melding = melding.replace(yaml, werkmap)
    return _PUNTGETAL.sub(r"\1,\2", melding)


# De bladen die de lezer leest (blad Lijsten is van kostenbaten zelf en staat verborgen).
_GELEZEN = (PILOT, *(t.blad for t in TABELLEN), GEPUBLICEERD_TABEL.blad, ERRATA_TABEL.blad)


def _zet(doel: dict, pad: tuple, waarde) -> None:
    """Zet een waarde op een sleutelpad en maakt de blokken ertussen aan."""
    for deel in pad[:-1]:
        doel = doel[deel] if isinstance(doel, list) else doel.setdefault(deel, {})
    doel[pad[-1]] = waarde


class _Lezing:
    def __init__(self, pad: Path, wb):
        self.pad = pad
        self.wb = wb
        self.pilot = Lezer(pad, wb[PILOT], ())
        self.casussen: dict[int, Lezer] = {}
        self.fouten: list[Fout] = []

    def fout(self, ws, cel: str, melding: str) -> None:
        self.fouten.append(Fout(Plek(str(self.pad), None, f"{ws.title}!{cel}"), "", melding))

    # -- cellen ---------------------------------------------------------------

    def cel(self, lezer: Lezer, ws, pad: tuple, cel: str, soort: str, bereik: bool = False):
        """Leest één cel via de lezer (die de plek van het sleutelpad onthoudt) en zet hem om naar zijn soort."""
        lezer.ws = ws
        plekpad = pad[:-1] if bereik and pad[-1] == "waarde" else pad
        if soort == "tekst":
            # Een tekst zoals hij in de cel staat, met spaties en regelovergangen aan begin en eind (zonder verlies terug naar YAML).
            lezer.plek(plekpad, cel)
            ruw = ws[cel].value
            if ruw is None or (isinstance(ruw, str) and not ruw.strip()):
                return None
            return ruw if isinstance(ruw, str) else str(ruw)
        waarde = lezer.waarde(plekpad, cel, tekst=soort == "naam")
        if waarde is None:
            return None
        if soort == "geheel" and isinstance(waarde, Decimal) and waarde == waarde.to_integral_value():
            return int(waarde)
        if soort == "datum":
            if isinstance(waarde, datetime):
                return waarde.date()
            if isinstance(waarde, str):
                try:
                    return date.fromisoformat(waarde)
                except ValueError:
                    pass
            if not isinstance(waarde, date):
                lezer.fout(cel, f"'{waarde}' is geen datum; typ een datum, bijvoorbeeld 2021-06-01", plekpad)
                return None
        return waarde

    def ruw(self, ws, cel: str):
        waarde = ws[cel].value
        return waarde.strip() or None if isinstance(waarde, str) else waarde

    def wegwijzer(self, ws, letters: dict, kop: str, rij: int, soort: str):
        """Een kolom die zegt waar een regel hoort (sleutel, casus, soort): leeg is None, een fout ook."""
        letter = letters.get(kop)
        if letter is None:
            return None
        waarde = self.ruw(ws, f"{letter}{rij}")
        if waarde is None or soort != "geheel":
            return None if waarde is None else str(waarde)
        if isinstance(waarde, float) and waarde.is_integer():
            waarde = int(waarde)
        if isinstance(waarde, str) and waarde.isdigit():
            waarde = int(waarde)
        if not isinstance(waarde, int) or isinstance(waarde, bool):
            self.fout(ws, f"{letter}{rij}", f"'{waarde}' is geen casusnummer; typ een geheel getal")
            return False
        return waarde

    # -- tabellen ----------------------------------------------------------------

    def kolommen(self, tabel: Tabel) -> tuple[object, dict[str, str]]:
        """Het blad en de kolomletter van elke kop in rij 1; een ontbrekende verplichte kop is een fout."""
        ws = self.wb[tabel.blad]
        letters = {}
        for cel in ws[1]:
            if isinstance(cel.value, str) and cel.value.strip():
                letters.setdefault(cel.value.strip(), cel.column_letter)
        for kolom in tabel.kolommen:
            if kolom.verplicht and kolom.kop not in letters:
                self.fout(ws, "A1", f"kolom '{kolom.kop}' ontbreekt in rij 1")
        return ws, letters

    def rijen(self, tabel: Tabel) -> list[tuple[object, dict, int]]:
        """(blad, kolomletters, rij) voor elke rij met iets erin; lege rijen tellen niet."""
        ws, letters = self.kolommen(tabel)
        bekend = [letters[k.kop] for k in tabel.kolommen if k.kop in letters]
        return [
            (ws, letters, rij)
            for rij in sorted(r for r in ws.rijen if r >= 2)  # alleen regels met gevulde cellen
            if any(self.ruw(ws, f"{letter}{rij}") is not None for letter in bekend)
        ]

    def regel(self, lezer: Lezer, ws, tabel: Tabel, letters: dict, rij: int, voor: tuple) -> dict:
        """De velden van één rij als blok onder `voor` in de inhoud van de lezer; bereiken samengevoegd."""
        blok: dict = {}
        for kolom in tabel.kolommen:
            # 'Soort baat' heeft het pad ('soort',), maar is een veld, geen wegwijzer zoals 'Soort' op blad Aanpassingen.
            if (kolom.pad[0] in WEGWIJZERS and kolom not in SOORT_EN_VAN) or kolom.kop not in letters:
                continue
            waarde = self.cel(lezer, ws, voor + kolom.pad, f"{letters[kolom.kop]}{rij}", kolom.soort, kolom.bereik)
            if waarde is not None:
                _zet(blok, kolom.pad, waarde)
        return blok

    def bereiken(self, lezer: Lezer, blok: dict, voor: tuple, velden) -> None:
        """Een getal zonder bereik wordt een los getal; een 90%-interval een lijst van twee grenzen."""
        for veld in velden:
            deel = blok.get(veld) if veld else blok
            if not isinstance(deel, dict):
                continue
            pad = voor + ((veld,) if veld else ())
            interval = deel.get("interval_90")
            if interval is not None:
                if set(interval) != {0, 1}:
                    leeg = pad + ("interval_90", 1 if 0 in interval else 0)
                    lezer.fouten.append(Fout(Plek(str(self.pad), None, lezer.plekken[leeg]), "", "vul beide grenzen van het 90%-interval in, of geen van beide"))
                    lezer.gemeld.add(toon_pad(pad + ("interval_90",)))
                    del deel["interval_90"]
                else:
                    deel["interval_90"] = [interval[0], interval[1]]
            if veld and set(deel) == {"waarde"}:
                blok[veld] = deel["waarde"]

    # -- de bladen ---------------------------------------------------------------

    def lees_pilot(self) -> None:
        lezer = self.pilot
        ws = self.wb[PILOT]
        labels: dict[str, int] = {}
        for cel in sorted((c for c in ws.cellen.values() if c.column_letter == "A"), key=lambda c: c.row):
            if isinstance(cel.value, str):
                labels.setdefault(cel.value.strip(), cel.row)
        for veld in PILOTVELDEN:
            rij = labels.get(veld.label)
            if rij is None:
                if veld.verplicht:
                    self.fout(ws, "A1", f"label '{veld.label}' niet gevonden in kolom A")
                continue
            lezer.ws = ws
            if len(veld.pad) > 1 and veld.pad[:1] not in lezer.plekken:
                lezer.plek(veld.pad[:1], f"B{rij}")
            waarde = self.cel(lezer, ws, veld.pad, f"B{rij}", veld.soort)
            blok: dict = {}
            if waarde is not None:
                blok["waarde"] = waarde
            if veld.bereik:
                for kop, kolom in PILOT_BEREIK.items():
                    grens = self.cel(lezer, ws, veld.pad + BEREIKSLEUTELS[kop], f"{kolom}{rij}", "getal")
                    if grens is not None:
                        _zet(blok, BEREIKSLEUTELS[kop], grens)
            if blok:
                houder = lezer.inhoud
                for deel in veld.pad[:-1]:
                    houder = houder.setdefault(deel, {})
                houder[veld.pad[-1]] = blok
                self.bereiken(lezer, houder, veld.pad[:-1], [veld.pad[-1]])

    def lees_blokken(self) -> None:
        lezer = self.pilot
        for tabel in TABELLEN:
            blok = BLOKKEN.get(tabel.blad)
            if blok is None:
                continue
            lezer.ws = self.wb[tabel.blad]
            lezer.plek((blok,), "A1")
            inhoud = lezer.inhoud.setdefault(blok, {})
            gezien: dict[str, int] = {}
            for ws, letters, rij in self.rijen(tabel):
                sleutel = self.wegwijzer(ws, letters, "Sleutel", rij, "naam")
                cel = f"{letters.get('Sleutel', 'A')}{rij}"
                if sleutel is None:
                    self.fout(ws, cel, "de sleutel is leeg; vul een korte naam in (kleine letters, cijfers en '_')")
                    continue
                if sleutel in gezien:
                    self.fout(ws, cel, f"sleutel '{sleutel}' staat dubbel (ook op rij {gezien[sleutel]})")
                    continue
                gezien[sleutel] = rij
                lezer.ws = ws
                lezer.plek((blok, sleutel), cel)
                inhoud[sleutel] = self.regel(lezer, ws, tabel, letters, rij, (blok, sleutel))
                formule = any(ws[f"{letters[k]}{rij}"].formule for k in ("Hulpvragen", "Aandeel (%)") if k in letters)
                if formule:  # een formule zonder uitkomst is al gemeld bij haar cel
                    lezer.gemeld.add(toon_pad((blok, sleutel)))
                if blok == "rechtsgebieden" and not {"hulpvragen", "aandeel"} & set(inhoud[sleutel]) and not formule:
                    kop = "Hulpvragen" if "Hulpvragen" in letters else "Aandeel (%)"
                    lezer.fout(
                        f"{letters.get(kop, 'C')}{rij}",
                        "vul het aantal hulpvragen (kolom Hulpvragen) of het aandeel (kolom Aandeel (%)) van dit rechtsgebied in",
                        (blok, sleutel),
                    )
                self.bereiken(lezer, inhoud[sleutel], (blok, sleutel), [k.pad[0] for k in tabel.kolommen if k.bereik])

    def lees_casussen(self) -> None:
        tabel = tabel_van(CASUSSEN)
        gezien: dict[int, int] = {}
        for ws, letters, rij in self.rijen(tabel):
            lezer = Lezer(self.pad, ws, ())
            cel = f"{letters.get('Nummer', 'A')}{rij}"
            nummer = self.cel(lezer, ws, ("nummer",), cel, "geheel")
            if not isinstance(nummer, int) or isinstance(nummer, bool):
                self.fout(ws, cel, "het casusnummer is leeg of geen geheel getal; typ een nummer (1, 2, ...)")
                continue
            if nummer in gezien:
                self.fout(ws, cel, f"casusnummer {nummer} staat dubbel (ook op rij {gezien[nummer]})")
                continue
            gezien[nummer] = rij
            lezer.plekken[()] = lezer.plekken[("nummer",)]
            lezer.inhoud = self.regel(lezer, ws, tabel, letters, rij, ())
            lezer.inhoud["nummer"] = nummer
            self.bereiken(lezer, lezer.inhoud, (), [k.pad[0] for k in tabel.kolommen if k.bereik])
            self.casussen[nummer] = lezer
        if not gezien:
            self.fout(self.wb[CASUSSEN], "A2", "het blad bevat geen casussen; vul minstens één regel in")

    def casus_van(self, ws, letters: dict, rij: int, pilot_mag: bool = False) -> Lezer | None:
        """De lezer van de casus in de kolom Casus van deze rij; met `pilot_mag` ook 'pilot'."""
        cel = f"{letters.get('Casus', 'A')}{rij}"
        waarde = self.ruw(ws, cel)
        if pilot_mag and isinstance(waarde, str) and waarde.lower() == DE_PILOT:
            return self.pilot
        nummer = self.wegwijzer(ws, letters, "Casus", rij, "geheel")
        if nummer is False:
            return None
        if nummer is None:
            self.fout(ws, cel, f"vul het nummer van een casus in{' of ' + repr(DE_PILOT) if pilot_mag else ''}")
            return None
        if nummer not in self.casussen:
            self.fout(ws, cel, f"casus {nummer} staat niet op blad {CASUSSEN}")
            return None
        return self.casussen[nummer]

    def lees_baten(self) -> None:
        tabel = tabel_van(BATEN)
        bereik = [k for k in tabel.kolommen if k.pad[0] == "bereik"]
        for ws, letters, rij in self.rijen(tabel):
            lezer = self.casus_van(ws, letters, rij)
            if lezer is None:
                continue
            baten = lezer.inhoud.setdefault("baten", [])
            voor = ("baten", len(baten))
            lezer.ws = ws
            lezer.plek(voor, f"{letters.get('Casus', 'A')}{rij}")
            baat = self.regel(lezer, ws, tabel, letters, rij, voor)
            soorten = [k for k in ("Kengetal", "Bedrag (€)", "Per maand (€)") if k in letters and self.ruw(ws, f"{letters[k]}{rij}") is not None]
            if len(soorten) > 1:
                # Wijs naar de tweede soort op de regel: die is te veel (bij een kengetal komt het bedrag van blad Kengetallen).
                uitleg = "het bedrag komt dan van blad Kengetallen" if soorten[0] == "Kengetal" else "een baat heeft één soort bedrag"
                lezer.fout(f"{letters[soorten[1]]}{rij}", f"deze regel heeft al een {soorten[0]}; laat {soorten[1]} leeg ({uitleg})", voor)
            grenzen = baat.pop("bereik", None)
            if grenzen:
                doel = next((s for s in ("bedrag", "per_maand") if s in baat), None)
                if doel is None:
                    cel = next(f"{letters[k.kop]}{rij}" for k in bereik if k.kop in letters and self.ruw(ws, f"{letters[k.kop]}{rij}") is not None)
                    self.fout(ws, cel, "een bereik hoort bij een bedrag of een bedrag per maand; het bereik van een kengetal staat op blad Kengetallen")
                else:
                    baat[doel].update(grenzen)
                    for k in bereik:
                        if k.kop in letters:
                            lezer.plekken[voor + (doel,) + k.pad[1:]] = lezer.plekken[voor + k.pad]
            self.bereiken(lezer, baat, voor, ["bedrag", "per_maand"])
            baten.append(baat)

    def lees_effecten(self) -> None:
        tabel = tabel_van(EFFECTEN)
        for ws, letters, rij in self.rijen(tabel):
            lezer = self.casus_van(ws, letters, rij)
            if lezer is None:
                continue
            effecten = lezer.inhoud.setdefault("effecten", [])
            effect = self.cel(lezer, ws, ("effecten", len(effecten)), f"{letters.get('Effect', 'B')}{rij}", "tekst")
            effecten.append(effect)

    def lees_aanpassingen(self) -> None:
        tabel = tabel_van(AANPASSINGEN)
        gezien: dict[tuple, int] = {}
        for ws, letters, rij in self.rijen(tabel):
            kengetal = self.wegwijzer(ws, letters, "Kengetal", rij, "naam")
            soort = self.wegwijzer(ws, letters, "Soort", rij, "naam")
            baat = self.wegwijzer(ws, letters, "Baat", rij, "geheel")
            cel = {k.kop: f"{letters.get(k.kop, 'A')}{rij}" for k in tabel.kolommen}
            heeft_casus = self.ruw(ws, cel["Casus"]) is not None
            if soort not in SOORTEN_AANPASSING:
                wat = "de soort is leeg" if soort is None else f"onbekende soort '{soort}'"
                self.fout(ws, cel["Soort"], f"{wat}; kies uit: {', '.join(SOORTEN_AANPASSING)}")
                continue
            if kengetal is not None and heeft_casus:
                self.fout(ws, cel["Casus"], "geef een kengetal of een casus, niet allebei")
                continue
            if baat is not None and not heeft_casus:
                self.fout(ws, cel["Baat"], "een baat hoort bij een casus; vul ook de kolom Casus in")
                continue
            if baat is False:
                continue
            if heeft_casus:
                lezer = self.casus_van(ws, letters, rij)
                if lezer is None:
                    continue
                voor: tuple = ()
                if baat is not None:
                    aantal = len(lezer.inhoud.get("baten", []))
                    if not 1 <= baat <= aantal:
                        self.fout(ws, cel["Baat"], f"casus {lezer.inhoud['nummer']} heeft {aantal} baten op blad {BATEN}; geef een nummer van 1 tot en met {aantal}")
                        continue
                    voor = ("baten", baat - 1)
            else:
                lezer = self.pilot
                voor = ()
                if kengetal is not None:
                    if kengetal not in self.pilot.inhoud.get("kengetallen", {}):
                        self.fout(ws, cel["Kengetal"], f"kengetal '{kengetal}' staat niet op blad Kengetallen")
                        continue
                    voor = ("kengetallen", kengetal)
            voor += ("aanpassingen", soort)
            doel = (id(lezer), voor)
            if doel in gezien:
                self.fout(ws, cel["Soort"], f"deze aanpassing staat dubbel (ook op rij {gezien[doel]})")
                continue
            gezien[doel] = rij
            lezer.ws = ws
            lezer.plek(voor[:-1], cel["Soort"])
            lezer.plek(voor, cel["Soort"])
            blok = self.regel(lezer, ws, tabel, letters, rij, voor)
            self.bereiken(lezer, blok, voor, [None])
            _zet(lezer.inhoud, voor, blok)

    def lees_gepubliceerd(self) -> None:
        for tabel in (GEPUBLICEERD_TABEL, ERRATA_TABEL):
            if tabel.blad not in self.wb.sheetnames:
                continue
            for ws, letters, rij in self.rijen(tabel):
                lezer = self.casus_van(ws, letters, rij, pilot_mag=True)
                if lezer is None:
                    continue
                lezer.ws = ws
                if tabel is GEPUBLICEERD_TABEL:
                    if "gepubliceerd" in lezer.inhoud:
                        self.fout(ws, f"{letters.get('Casus', 'A')}{rij}", "deze casus staat al eerder op dit blad; één regel per casus")
                        continue
                    lezer.plek(("gepubliceerd",), f"{letters.get('Casus', 'A')}{rij}")
                    lezer.inhoud["gepubliceerd"] = self.regel(lezer, ws, tabel, letters, rij, ("gepubliceerd",))
                    continue
                cijfer = self.wegwijzer(ws, letters, "Cijfer", rij, "naam")
                if cijfer is None:
                    self.fout(ws, f"{letters.get('Cijfer', 'B')}{rij}", "vul het cijfer in waar het erratum over gaat")
                    continue
                if cijfer in lezer.inhoud.get("errata", {}):
                    self.fout(ws, f"{letters.get('Cijfer', 'B')}{rij}", f"erratum bij '{cijfer}' staat dubbel; één regel per cijfer")
                    continue
                uitleg = self.cel(lezer, ws, ("errata", cijfer), f"{letters.get('Uitleg', 'C')}{rij}", "tekst")
                # Meldingen over het erratum (een onbekend cijfer) wijzen naar de kolom Cijfer.
                lezer.plek(("errata",), f"{letters.get('Cijfer', 'B')}{rij}")
                lezer.plek(("errata", cijfer), f"{letters.get('Cijfer', 'B')}{rij}")
                lezer.inhoud.setdefault("errata", {})[cijfer] = uitleg

    # -- samen -------------------------------------------------------------------

    def project(self) -> Project:
        self.lees_pilot()
        self.lees_blokken()
        self.lees_casussen()
        self.lees_baten()
        self.lees_effecten()
        self.lees_aanpassingen()
        self.lees_gepubliceerd()
        fouten = list(self.fouten)

        def valideer_cellen(model, lezer: Lezer):
            object_, f = valideer(model, lezer.bestand())
            fouten.extend(lezer.fouten)
            fouten.extend(naar_cel(lezer, x) for x in f if x.sleutelpad not in lezer.gemeld)
            return object_

        pilotbestand = self.pilot.bestand()
        # Een kengetal met een Bankpost: wat op de regel leeg is, komt uit de kengetallenbank (zoals in pilot.yaml).
        from kostenbaten.invoer.kengetallenbank import vul_uit_bank

        fouten += vul_uit_bank(pilotbestand)
        pilot = valideer_cellen(Pilot, self.pilot)
        casussen = []
        for lezer in self.casussen.values():
            casus = valideer_cellen(Casus, lezer)
            if casus is not None:
                casussen.append((casus, lezer.bestand()))
        alle_geldig = len(casussen) == len(self.casussen) and not self.fouten
        alle_geldig = alle_geldig and not self.wb.fouten
        fouten += samenhang(pilot, pilotbestand, casussen, dekking=alle_geldig)
        # Een formule zonder uitkomst is gemeld; dat de cel daardoor leeg lijkt, niet nog eens.
        formulecellen = {f.cel for f in self.wb.fouten}
        fouten = self.wb.fouten + [f for f in fouten if f.cel not in formulecellen]
        if fouten:
            raise InvoerFouten([f._replace(melding=in_werkmapwoorden(f.melding)) if f.cel else f for f in fouten])
        casussen.sort(key=lambda cb: cb[0].nummer)
        return Project(
            map=self.pad,
            pilot=pilot,
            casussen=tuple(c for c, _ in casussen),
            bestanden={"pilot": pilotbestand, **{c.nummer: b for c, b in casussen}},
            meldingen=tuple(self.wb.meldingen),
        )

