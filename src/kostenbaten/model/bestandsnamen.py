"""De namen van de bestanden in een casussenmap, en hoe een document een invoerbestand noemt.

Lezer (`invoer/casussen.py`) en schrijver (`uitvoer/casussenmap.py`) delen deze
namen. Een rapport, werkmap of JSON-document noemt een invoer relatief aan de
casussenmap (`casus-1.yaml:12`) en een ander bestand of de map zelf bij zijn
naam: zo komt er geen map van een medewerker (`C:\\Users\\...`) in een document.
"""

from __future__ import annotations

import ntpath
import os
from pathlib import Path

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


def openbare_plek(plek: str, map_=None) -> str:
    """`bestand:regel` (of `werkmap.xlsx:Blad!B3`) met het bestand zoals `openbaar_pad` het noemt."""
    pad, teken, waar = str(plek).rpartition(":")
    if not teken or not pad or pad.endswith(":") or len(pad) == 1:  # geen plek, of alleen een stationsletter (C:)
        return openbaar_pad(plek, map_)
    return f"{openbaar_pad(pad, map_)}:{waar}"
