"""De namen van de bestanden in een casussenmap, en hoe een document een invoerbestand noemt.

Lezer (`invoer/casussen.py`) en schrijver (`uitvoer/casussenmap.py`) delen deze
namen. Een rapport, werkmap of JSON-document noemt een invoer relatief aan de
casussenmap (`casus-1.yaml:12`) en een ander bestand of de map zelf bij zijn
naam: zo komt er geen map van een medewerker (`C:\\Users\\...`) in een document.
Ook de namen van de tijdelijke mappen die het schrijven van een map ernaast zet
(`.NAAM.nieuw.XXXX`, `.NAAM.oud.XXXX`) staan hier, zodat lezer en schrijver een
achtergebleven map herkennen (`restanten`, `zet_terug`).
"""

from __future__ import annotations

import ntpath
import os
from pathlib import Path
from typing import NamedTuple

PILOTBESTAND = "pilot.yaml"

# De bestanden die een casussenmap leest, op hun extensie; hoofdletters tellen niet (`casus-6.YAML`).
YAML_SOORTEN = (".yaml", ".yml")


def casusbestand(nummer: int) -> str:
    """De naam van het bestand van een casus: `casus-3.yaml` (de lezer leest ze op naam, de schrijver schrijft ze zo)."""
    return f"casus-{nummer}.yaml"


def verborgen(pad: Path) -> bool:
    """Een verborgen bestand (naam met een punt ervoor): tijdelijke bestanden, `._casus-1.yaml` van macOS."""
    return pad.name.startswith(".")


def is_invoerbestand(pad: Path) -> bool:
    """Een bestand dat de casussenmap leest: een zichtbare naam op .yaml of .yml (hoofdletters tellen niet)."""
    return not verborgen(pad) and pad.suffix.lower() in YAML_SOORTEN


def openbaar_pad(pad, map_=None) -> str:
    """Een invoerbestand zoals een document het noemt: relatief aan de casussenmap `map_`, anders bij zijn naam.

    Ook een pad in de schrijfwijze van Windows (`C:\\Users\\...\\casus-1.yaml`) houdt alleen zijn naam.
    """
    if pad is None:
        return None
    tekst = str(pad)
    if map_ is not None:
        basis = os.path.abspath(map_)
        volledig = os.path.abspath(tekst)
        try:
            binnen = os.path.commonpath([basis, volledig]) == basis and volledig != basis
        except ValueError:  # Windows: een ander station of een netwerkpad ligt nooit in de map
            binnen = False
        if binnen:
            return Path(os.path.relpath(volledig, basis)).as_posix()
    return ntpath.basename(tekst.rstrip("/\\")) or tekst


def verwijzing(map_, vanaf) -> str:
    """Hoe een bestand dat een map later weer moet vinden (een begrotingswerkmap en haar casussen) die map noemt:
    relatief aan zijn eigen map `vanaf` (`../casussen/hengelo`), nooit als absoluut pad. Waar geen relatief pad
    bestaat (Windows: een ander station of een netwerkpad), alleen haar naam, zoals `openbaar_pad`; wie de werkmap
    dan terugleest, wijst de map aan met --casussen."""
    try:
        return Path(os.path.relpath(os.path.abspath(map_), os.path.abspath(vanaf))).as_posix()
    except ValueError:
        return openbaar_pad(map_)


def openbare_plek(plek: str, map_=None) -> str:
    """`bestand:regel` (of `werkmap.xlsx:Blad!B3`) met het bestand zoals `openbaar_pad` het noemt."""
    pad, teken, waar = str(plek).rpartition(":")
    if not teken or not pad or pad.endswith(":") or len(pad) == 1:  # geen plek, of alleen een stationsletter (C:)
        return openbaar_pad(plek, map_)
    return f"{openbaar_pad(pad, map_)}:{waar}"


# -- wat een onderbroken schrijfactie naast een map achterlaat --------------------------
#
# Een map wordt geschreven in een verborgen map ernaast, `.NAAM.nieuw.XXXX` (de nieuwe map in opbouw), en bij
# het vervangen van een bestaande map staat de oude even opzij als `.NAAM.oud.XXXX` (uitvoer/bestand.py,
# docs/schrijven.md). Een stroomstoring of geforceerd afsluiten kan er een laten staan; lezer en schrijver
# noemen hem dan, en een opzij gezette oude map naast een ontbrekende map zetten ze terug (`zet_terug`).
NIEUW = "nieuw"
OUD = "oud"


def tijdelijk_begin(naam: str, soort: str) -> str:
    """Het begin van de naam van een tijdelijke map naast de map `naam` (`.hengelo.nieuw.`); er volgt een code zonder punt."""
    return f".{naam}.{soort}."


class Restant(NamedTuple):
    """Een tijdelijke map van een onderbroken schrijfactie naast een map."""

    pad: Path
    soort: str  # NIEUW of OUD


def _echt(map_: Path) -> Path:
    """De plek van de map zoals de schrijver hem gebruikt: na het volgen van verwijzingen, ook als '.' gegeven."""
    return Path(os.path.realpath(map_) if os.path.lexists(map_) else os.path.abspath(map_))


def restanten(map_) -> tuple[Restant, ...]:
    """De tijdelijke mappen die een onderbroken schrijfactie naast `map_` achterliet, op naam."""
    map_ = _echt(Path(map_))
    try:
        namen = sorted(os.listdir(map_.parent))
    except OSError:
        return ()
    uit = []
    for naam in namen:
        for soort in (NIEUW, OUD):
            begin = tijdelijk_begin(map_.name, soort)
            code = naam[len(begin):]
            # Een code zonder punt: `.m.oud.nieuw.x` is een restant van de map `m.oud`, niet van `m`.
            if naam.startswith(begin) and code and "." not in code and (map_.parent / naam).is_dir():
                uit.append(Restant(map_.parent / naam, soort))
    return tuple(uit)


def restant_uitleg(r: Restant, map_) -> str:
    """Wat een restant naast `map_` is en wat ermee te doen, in één zin (zonder 'Let op: ')."""
    naam = Path(map_)
    oorzaak = "doordat een schrijfactie op die map onderbroken werd (stroomstoring of geforceerd afsluiten)"
    if r.soort == OUD:
        return (
            f"naast {naam} staat {r.pad.name}, de vorige versie van die map, achtergebleven {oorzaak}; {naam} zelf is de "
            f"nieuwe, complete map. Hebt u de vorige versie niet meer nodig, verwijder dan {r.pad}"
        )
    toestand = "zelf is compleet" if os.path.lexists(naam) else "bestaat niet: die schrijfactie is nooit afgemaakt"
    return (
        f"naast {naam} staat {r.pad.name}, een tijdelijke map die achterbleef {oorzaak}; {naam} {toestand}. "
        f"Verwijder {r.pad}, tenzij er op dit moment nog een opdracht naar die map schrijft (er staat niets in wat niet "
        f"opnieuw te schrijven is)"
    )


def zet_terug(map_) -> tuple[str | None, tuple[str, ...]]:
    """Zet een opzij gezette oude map terug als `map_` ontbreekt; geeft (wat er teruggezet is, uitleg bij de overige restanten).

    Alleen bij precies één oude map: met meer is niet te zeggen welke de laatste was (de uitleg noemt ze dan allemaal).
    """
    gevonden = restanten(map_)
    oude = [r for r in gevonden if r.soort == OUD]
    teruggezet = None
    if not os.path.lexists(map_) and len(oude) == 1:
        os.rename(oude[0].pad, _echt(Path(map_)))
        teruggezet = (
            f"{map_} ontbrak: het vervangen van die map werd onderbroken (stroomstoring of geforceerd afsluiten) nadat de oude "
            f"map opzij was gezet als {oude[0].pad.name}. Die complete oude map is teruggezet als {map_}"
        )
        gevonden = tuple(r for r in gevonden if r != oude[0])
    uitleg = []
    for r in gevonden:
        if r.soort == OUD and not os.path.lexists(map_):
            uitleg.append(
                f"naast {map_} staat {r.pad.name}, een vorige versie van die map, achtergebleven doordat het vervangen ervan "
                f"onderbroken werd; er zijn er meer, dus kostenbaten zet er geen terug. Hernoem de juiste naar {Path(map_).name}"
            )
        else:
            uitleg.append(restant_uitleg(r, map_))
    return teruggezet, tuple(uitleg)
