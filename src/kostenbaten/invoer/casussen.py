"""Een map met casussen inlezen: `pilot.yaml` plus één YAML-bestand per casus.

Alle fouten van alle bestanden worden verzameld; pas daarna wordt er gestopt.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from pydantic import BaseModel

import kostenbaten

from kostenbaten.fouten import Fout, Plek, InvoerFouten, bedoelt_u
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.bestand import Bestand, toon_pad
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.bestandsnamen import PILOTBESTAND, YAML_SOORTEN, is_invoerbestand, verborgen  # noqa: F401 (ook voor wie hier importeert)
from kostenbaten.model.bestandsnamen import restanten as restanten_naast, zet_terug  # noqa: F401 (ook voor project.py)
from kostenbaten.model.casus import CIJFERS_CASUS, CIJFERS_PILOT, STANDAARD_ACTOREN, Casus, Pilot


class Project(NamedTuple):
    """Een gevalideerde pilot met zijn casussen (op nummer), plus waar elk vandaan kwam."""

    map: Path
    pilot: Pilot
    casussen: tuple[Casus, ...]
    bestanden: dict  # "pilot" of casusnummer -> Bestand
    oorsprong: Path | None = None  # bij een variant: de casussenmap onder de hele keten
    meldingen: tuple = ()  # bij een casussenwerkmap: wat anders gelezen is dan getypt (een formule, een afronding)
    overgeslagen: tuple[Path, ...] = ()  # bestanden in de map die niet gelezen zijn (andere extensie)
    # Wat een onderbroken schrijfactie naast de map achterliet (`bestandsnamen.zet_terug`): wat het is en wat ermee te doen.
    restanten: tuple[str, ...] = ()
    # Na --prijspeil (`api.naar_prijspeil`): plek van elk omgerekend bedrag -> `berekening.prijspeil.Indexering`.
    indexeringen: Mapping[str, object] = MappingProxyType({})

    @property
    def basismap(self) -> Path:
        """De casussenmap met de gepubliceerde cijfers: de map zelf, of die onder een (keten van) varianten."""
        return self.oorsprong or self.map

    @property
    def is_variant(self) -> bool:
        return self.oorsprong is not None

    def regel(self, wie, sleutelpad=()) -> str:
        """`bestand:regel` van een sleutel, voor uitleg en meldingen."""
        return self.bestanden[wie].waar(tuple(sleutelpad))


def yaml_bestanden(map_: Path) -> list[Path]:
    """De YAML-bestanden in de map; ook een map of kapotte verwijzing met zo'n naam (die meldt `lees_yaml`)."""
    # Op naam: alle paden delen de map, dus dezelfde volgorde als op pad, zonder Path-vergelijkingen.
    return sorted((p for p in map_.iterdir() if is_invoerbestand(p)), key=lambda p: p.name)


def overgeslagen(map_: Path) -> list[Path]:
    """Zichtbare bestanden in de map die niet gelezen worden (een andere extensie), voor een waarschuwing."""
    try:
        return sorted(
            (p for p in map_.iterdir() if not verborgen(p) and not is_invoerbestand(p) and not p.is_dir()), key=lambda p: p.name
        )
    except OSError:
        return []


def _is_pilot(pad: Path) -> bool:
    return pad.name.lower() == PILOTBESTAND


def _lijkt_variant(bestand: Bestand) -> Fout | None:
    """Een variantbestand (met 'basis') tussen de casussen: dat zou anders een rij fouten over casussleutels geven."""
    if isinstance(bestand.inhoud, dict) and "basis" in bestand.inhoud and "nummer" not in bestand.inhoud:
        return bestand.fout(("basis",), "dit lijkt een variant; zet hem naast de map, niet erin")
    return None


def _geen_bestand(pad: Path) -> Fout | None:
    """Een map of een symbolische verwijzing die nergens (of in een kring) heen leidt, met een casusnaam."""
    if pad.is_file():
        return None
    if pad.is_dir():
        return Fout(Plek(str(pad)), "", "dit is een map, geen casusbestand; hernoem of verwijder de map")
    if pad.exists():  # een pipe, apparaat of socket: lezen zou blijven wachten of nooit ophouden
        return Fout(Plek(str(pad)), "", "dit is geen gewoon bestand (een apparaat, pipe of socket); hernoem of verwijder het")
    return Fout(Plek(str(pad)), "", "dit is een verwijzing die niet naar een bestand leidt (ontbrekend doel of een kring); herstel of verwijder haar")


def _gewone_bestanden(map_: Path) -> set[str]:
    """De namen in de map die een gewoon bestand zijn (ook via een verwijzing), zonder een `stat` per bestand.

    `os.scandir` weet het soort van elk bestand al uit de map zelf; alleen een verwijzing wordt gevolgd.
    Wat hier niet in staat (of als de map intussen onleesbaar werd), toetst `_geen_bestand` zelf.
    """
    import os

    try:
        with os.scandir(map_) as inhoud:
            return {e.name for e in inhoud if e.is_file()}
    except OSError:
        return set()


def laad_project(map_: Path | str) -> Project:
    """Leest en valideert een casussenmap; gooit `InvoerFouten` met alle fouten samen."""
    with _zonder_kringen_zoeken():
        return _laad_project(Path(map_))


@contextlib.contextmanager
def _zonder_kringen_zoeken():
    """De garbage collector staat stil zolang een map gelezen wordt, en slaat de gelezen map daarna over.

    Een casussenmap wordt honderdduizenden kleine objecten die tot het einde blijven leven; de garbage
    collector doorzocht ze op kringen, bij het lezen en nog eens in het rekenen erna, terwijl het lezen geen
    kringen maakt (wat wegvalt, ruimt de referentietelling meteen op). Draait het proces één opdracht
    (`kostenbaten.EEN_OPDRACHT`, de opdrachtregel), dan gaan na een gelukte lezing alle objecten die er nu zijn
    naar de permanente generatie (`gc.freeze`), die hij niet meer doorzoekt; een object dat later vrijkomt, ruimt
    de referentietelling nog steeds op. Bij 10.000 casussen scheelt dat zo'n 0,2 s (docs/snelheid.md). Na een
    fout in de invoer bevriest er niets (een traceback is een kring).
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
        if kostenbaten.EEN_OPDRACHT:
            gc.freeze()
    finally:
        if aan:
            gc.enable()


def _laad_project(map_: Path) -> Project:
    try:
        teruggezet, restanten = zet_terug(map_)  # een opzij gezette oude map naast een ontbrekende map gaat terug
    except OSError as fout:
        raise InvoerFouten([Fout(Plek(str(map_)), "", f"map bestaat niet, en de oude map ernaast kon niet terug ({fout.strerror})")]) from None
    restanten = ((teruggezet,) if teruggezet else ()) + restanten
    if not map_.exists():
        raise InvoerFouten([Fout(Plek(str(map_)), "", "; ".join(("map bestaat niet", *restanten)))])
    if not map_.is_dir():
        raise InvoerFouten([Fout(Plek(str(map_)), "", "dit is geen map; geef de map met pilot.yaml en de casussen")])
    try:
        bestanden = yaml_bestanden(map_)
    except OSError as fout:
        raise InvoerFouten([Fout(Plek(str(map_)), "", f"kan de map niet lezen ({fout.strerror or 'onbekende reden'})")]) from None
    if not bestanden:
        raise InvoerFouten([Fout(Plek(str(map_)), "", "de map bevat geen YAML-bestanden (verwacht pilot.yaml en casussen)")])

    fouten: list[Fout] = []
    pilotpad = next((p for p in bestanden if _is_pilot(p)), map_ / PILOTBESTAND)
    pilot = pilotbestand = None
    if not pilotpad.is_file():
        fouten.append(Fout(Plek(str(pilotpad)), "", "pilotbestand ontbreekt; elke casussenmap heeft een pilot.yaml"))
    else:
        pilotbestand, f = lees_yaml(pilotpad)
        fouten += f
        if pilotbestand:
            from kostenbaten.invoer.kengetallenbank import vul_uit_bank  # alleen als een kengetal naar de bank verwijst

            f = vul_uit_bank(pilotbestand)
            fouten += f
            if not f:
                pilot, f = valideer(Pilot, pilotbestand)
                fouten += f

    namen = _Namen.van(pilot, pilotbestand)
    casussen: list[tuple[Casus, Bestand]] = []
    ongeldig: list[tuple[Bestand, set[str]]] = []  # casusbestanden die niet door de validatie kwamen, met hun gemelde plekken
    alle_casussen_geldig = True
    veldensets: dict[type, list] = {}
    gewoon = _gewone_bestanden(map_)
    for pad in bestanden:
        if _is_pilot(pad):
            continue
        geen_bestand = None if pad.name in gewoon else _geen_bestand(pad)
        if geen_bestand:
            fouten.append(geen_bestand)
            alle_casussen_geldig = False
            continue
        bestand, f = lees_yaml(pad)
        fouten += f
        variant = bestand and _lijkt_variant(bestand)
        if variant:
            fouten.append(variant)
            alle_casussen_geldig = False
            continue
        if bestand:
            casus, f = valideer(Casus, bestand, namen=namen and namen.per_veld())
            fouten += f
            if casus:
                # Alleen het pad bewaren: de inhoud staat nu in het model, de regels worden bij vraag herlezen.
                _deel_veldensets(casus, veldensets)
                bestand.vergeet()
                casussen.append((casus, bestand))
            else:
                ongeldig.append((bestand, {x.sleutelpad for x in f}))
        alle_casussen_geldig = alle_casussen_geldig and bool(bestand) and bool(casus)

    if not casussen and not fouten:
        fouten.append(Fout(Plek(str(map_)), "", "de map bevat geen casussen, alleen pilot.yaml"))

    fouten += samenhang(pilot, pilotbestand, casussen, dekking=alle_casussen_geldig)
    if namen is not None:
        fouten += _verwijzingen_in_ongeldige_casussen(namen, ongeldig)
    if fouten:
        raise InvoerFouten(fouten)

    casussen.sort(key=lambda cb: cb[0].nummer)
    return Project(
        map=map_,
        pilot=pilot,
        casussen=tuple(c for c, _ in casussen),
        bestanden={"pilot": pilotbestand, **{c.nummer: b for c, b in casussen}},
        overgeslagen=tuple(overgeslagen(map_)),
        restanten=restanten,
    )


def _deel_veldensets(model: BaseModel, gedeeld: dict) -> None:
    """Gelijke verzamelingen van opgegeven velden (`model_fields_set`) als één object, in het model en alles eronder.

    Pydantic bewaart per object de namen van de velden die in het bestand stonden, als eigen `set`; vanaf vijf
    namen is dat 728 bytes. Met een paar baten per casus is dat het grootste deel van het geheugen van een casus
    (bij 10.000 casussen zo'n 26 MB). De modellen zijn onveranderlijk: niets voegt er later een naam aan toe;
    `model_copy` maakt een eigen kopie. `gedeeld`: per modelklasse de verzamelingen die al gezien zijn.
    """
    velden = model.__pydantic_fields_set__
    soort = type(model)
    gezien = gedeeld.setdefault(soort, [])
    for eerder in gezien:
        if eerder == velden:
            object.__setattr__(model, "__pydantic_fields_set__", eerder)
            break
    else:
        if len(gezien) < 32:
            gezien.append(velden)
    waarden = model.__dict__
    for naam in _modelvelden(soort):
        waarde = waarden[naam]
        if isinstance(waarde, BaseModel):
            _deel_veldensets(waarde, gedeeld)
        elif isinstance(waarde, (list, tuple)):
            for element in waarde:
                if isinstance(element, BaseModel):
                    _deel_veldensets(element, gedeeld)


_MODELVELDEN: dict[type, tuple[str, ...]] = {}


def _modelvelden(soort: type[BaseModel]) -> tuple[str, ...]:
    """De velden van een modelklasse waarin een model (of een lijst van modellen) kan staan."""
    velden = _MODELVELDEN.get(soort)
    if velden is None:
        velden = _MODELVELDEN[soort] = tuple(n for n, v in soort.model_fields.items() if _bevat_model(v.annotation))
    return velden


def _bevat_model(annotatie) -> bool:
    import typing

    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return True
    return any(_bevat_model(a) for a in typing.get_args(annotatie))


def samenhang(pilot: Pilot | None, pilotbestand: Bestand | None, casussen, dekking: bool = True) -> list[Fout]:
    """De controles over de bestanden van een map heen (ook voor een casussenwerkmap): nummers en verwijzingen."""
    fouten = _dubbele_nummers(casussen)
    if pilot is not None:
        # Een rechtsgebied zonder casus is pas zeker als elk casusbestand te lezen was.
        fouten += _verwijzingen(pilot, pilotbestand, casussen, dekking=dekking)
    namen = _Namen.van(pilot, pilotbestand)  # met een foute pilot: de namen die er wel staan
    if namen is not None:
        fouten += _casusverwijzingen(namen, casussen)
    return fouten


def verwijzingen(pilot: Pilot, pilotbestand: Bestand, casussen) -> list[Fout]:
    """Alle controles over bestanden heen bij een geldige pilot; ook voor samengevoegde varianten."""
    return _verwijzingen(pilot, pilotbestand, casussen) + _casusverwijzingen(_Namen.uit_pilot(pilot), casussen)


def _dubbele_nummers(casussen) -> list[Fout]:
    fouten = []
    gezien: dict[int, Bestand] = {}
    for casus, bestand in casussen:
        if casus.nummer in gezien:
            eerder = gezien[casus.nummer]
            fouten.append(bestand.fout(("nummer",), f"casusnummer {casus.nummer} staat ook in {eerder.waar(('nummer',))}"))
        else:
            gezien[casus.nummer] = bestand
    return fouten


def _verwijzingen(pilot: Pilot, pilotbestand: Bestand, casussen, dekking: bool = True) -> list[Fout]:
    """Controles over bestanden heen: bestaan de genoemde rechtsgebieden, kengetallen en actoren."""
    fouten = []
    actoren = pilot.alle_actoren
    for naam, tarief in pilot.tarieven.items():
        if tarief.betaler not in actoren:
            fouten.append(pilotbestand.fout(("tarieven", naam, "betaler"), _onbekend("actor", tarief.betaler, actoren)))
    for naam, kengetal in pilot.kengetallen.items():
        if kengetal.actor not in actoren:
            fouten.append(pilotbestand.fout(("kengetallen", naam, "actor"), _onbekend("actor", kengetal.actor, actoren)))
        if kengetal.van is not None and kengetal.van not in actoren:
            fouten.append(pilotbestand.fout(("kengetallen", naam, "van"), _onbekend("actor", kengetal.van, actoren)))
    fouten += _errata(pilot, pilotbestand, CIJFERS_PILOT)
    if not pilot.kengetallen:
        gebruikt = sorted({b.kengetal for casus, _ in casussen for b in casus.baten if b.kengetal is not None})
        if gebruikt:
            fouten.append(pilotbestand.fout(("kengetallen",), f"blok 'kengetallen' ontbreekt, maar de casussen gebruiken: {', '.join(gebruikt)}"))

    gedekt = {casus.rechtsgebied for casus, _ in casussen}
    for naam, gebied in pilot.rechtsgebieden.items():
        if dekking and gebied.aandeel.waarde > 0 and naam not in gedekt and casussen:
            fouten.append(
                pilotbestand.fout(
                    ("rechtsgebieden", naam),
                    (f"rechtsgebied '{naam}' heeft {gebied.hulpvragen} hulpvragen maar geen enkele casus" if gebied.uit_telling
                     else f"rechtsgebied '{naam}' heeft een aandeel van {gebied.aandeel.waarde}% maar geen enkele casus"),
                )
            )

    return fouten


class _Namen(NamedTuple):
    """De namen in pilot.yaml waar casussen naar mogen verwijzen."""

    rechtsgebieden: tuple
    kengetallen: tuple
    actoren: tuple

    @classmethod
    def uit_pilot(cls, pilot: Pilot) -> "_Namen":
        return cls(tuple(pilot.rechtsgebieden), tuple(pilot.kengetallen), tuple(pilot.alle_actoren))

    @classmethod
    def uit_tekst(cls, inhoud: dict) -> "_Namen":
        def sleutels(naam):
            blok = inhoud.get(naam)
            return tuple(blok) if isinstance(blok, dict) else ()

        return cls(sleutels("rechtsgebieden"), sleutels("kengetallen"), tuple(STANDAARD_ACTOREN) + sleutels("actoren"))

    @classmethod
    def van(cls, pilot: Pilot | None, pilotbestand: Bestand | None) -> "_Namen | None":
        """Uit de geldige pilot, anders uit de tekst van een foute pilot; None als er geen pilot te lezen was."""
        if pilot is not None:
            return cls.uit_pilot(pilot)
        if pilotbestand is not None and isinstance(pilotbestand.inhoud, dict):
            return cls.uit_tekst(pilotbestand.inhoud)
        return None

    def per_veld(self) -> dict[str, tuple]:
        """De bekende namen per verwijzend veld van een casus, voor 'bedoelt u' bij de validatie."""
        return {"rechtsgebied": self.rechtsgebieden, "kengetal": self.kengetallen, "actor": self.actoren}


def _verwijzingen_in_ongeldige_casussen(namen: _Namen, ongeldig) -> list[Fout]:
    """Ook in een casus met andere fouten: een onbekend rechtsgebied, kengetal of actor, in dezelfde run gemeld.

    Op de tekst van het bestand, want een model is er niet; een plek die de validatie al meldde, slaat dit over.
    """
    fouten = []
    for bestand, gemeld in ongeldig:
        inhoud = bestand.inhoud
        if not isinstance(inhoud, dict):
            continue

        def controleer(pad, soort, waarde, bekend):
            if isinstance(waarde, str) and bekend and waarde not in bekend and toon_pad(pad) not in gemeld:
                fouten.append(bestand.fout(pad, _onbekend(soort, waarde, bekend)))

        controleer(("rechtsgebied",), "rechtsgebied", inhoud.get("rechtsgebied"), namen.rechtsgebieden)
        baten = inhoud.get("baten")
        for i, baat in enumerate(baten if isinstance(baten, list) else ()):
            if isinstance(baat, dict):
                controleer(("baten", i, "kengetal"), "kengetal", baat.get("kengetal"), namen.kengetallen)
                controleer(("baten", i, "actor"), "actor", baat.get("actor"), namen.actoren)
    return fouten


def _casusverwijzingen(namen: _Namen, casussen) -> list[Fout]:
    fouten = []
    for casus, bestand in casussen:
        if namen.rechtsgebieden and casus.rechtsgebied not in namen.rechtsgebieden:
            fouten.append(bestand.fout(("rechtsgebied",), _onbekend("rechtsgebied", casus.rechtsgebied, namen.rechtsgebieden)))
        for i, baat in enumerate(casus.baten):
            # Zonder kengetallen in pilot.yaml is dat één fout daar, niet een vervolgfout per casus.
            if baat.kengetal is not None and namen.kengetallen and baat.kengetal not in namen.kengetallen:
                fouten.append(bestand.fout(("baten", i, "kengetal"), _onbekend("kengetal", baat.kengetal, namen.kengetallen)))
            if baat.actor is not None and baat.actor not in namen.actoren:
                fouten.append(bestand.fout(("baten", i, "actor"), _onbekend("actor", baat.actor, namen.actoren)))
            if baat.van is not None and baat.van not in namen.actoren:
                fouten.append(bestand.fout(("baten", i, "van"), _onbekend("actor", baat.van, namen.actoren)))
        fouten += _errata(casus, bestand, CIJFERS_CASUS)
    return fouten


def _errata(obj, bestand: Bestand, cijfers) -> list[Fout]:
    fouten = []
    for cijfer in obj.errata:
        if cijfer not in cijfers:
            fouten.append(bestand.fout(("errata", cijfer), f"onbekend cijfer '{cijfer}'; kies uit: {', '.join(cijfers)}"))
        elif obj.gepubliceerd is None or getattr(obj.gepubliceerd, cijfer) is None:
            fouten.append(bestand.fout(("errata", cijfer), f"erratum bij '{cijfer}', maar onder 'gepubliceerd' staat geen {cijfer}"))
    return fouten


def _onbekend(soort: str, naam: str, bekend) -> str:
    melding = f"onbekend {soort} '{naam}'"
    suggestie = bedoelt_u(naam, bekend)
    if suggestie:
        return melding + f"; bedoelt u '{suggestie}'?"
    melding += f"; bekend zijn: {', '.join(bekend)}"
    if soort == "actor":
        melding += " (een eigen actor declareert u in pilot.yaml onder 'actoren', met 'naam' en 'groep')"
    return melding
