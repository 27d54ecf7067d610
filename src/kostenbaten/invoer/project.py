"""Eén ingang voor alle invoer van een analyse: een casussenmap, een casussenwerkmap (.xlsx) of een variantbestand.

Elke opdracht die casussen doorrekent, laadt ze via `laad`. Een variant mag
voortbouwen op een casussenmap of op een andere variant; een kring van
varianten (a bouwt op b, b op a) wordt gemeld met bestand en regel.
"""

from __future__ import annotations

from pathlib import Path

from kostenbaten.fouten import Fout, Plek, InvoerFouten
from kostenbaten.invoer.casussen import PILOTBESTAND, Project, laad_project, restanten_naast


def laad(pad: Path | str, _keten: tuple[Path, ...] = ()) -> Project:
    """Een casussenmap, casussenwerkmap of variantbestand; gooit `InvoerFouten` met alle fouten samen.

    `_keten` is intern: de varianten die al op de weg naar deze basis liggen.
    """
    pad = Path(pad)
    if pad.is_dir() or (not pad.exists() and restanten_naast(pad)):
        return laad_project(pad)  # die zet een achtergebleven oude map terug, of noemt wat ernaast staat
    if not pad.exists():
        raise InvoerFouten([Fout(Plek(str(pad)), "", "map of bestand bestaat niet")])
    if pad.suffix.lower() in (".xls", ".ods"):
        from kostenbaten.invoer.xlsx import OPSLAAN_ALS

        raise InvoerFouten([Fout(Plek(str(pad)), "", OPSLAAN_ALS[pad.suffix.lower()])])
    if pad.suffix.lower() == ".xlsx":
        from kostenbaten.invoer.casussenwerkmap import lees_casussen_werkmap

        return lees_casussen_werkmap(pad)
    if pad.name == PILOTBESTAND or (pad.parent / PILOTBESTAND).is_file():
        raise InvoerFouten([Fout(Plek(str(pad)), "", f"dit bestand hoort bij een casussenmap; geef de map {pad.parent}")])
    if pad.suffix.lower() not in (".yaml", ".yml"):
        raise InvoerFouten(
            [Fout(Plek(str(pad)), "", "geef een casussenmap (met pilot.yaml), een casussenwerkmap (.xlsx) of een variantbestand (.yaml)")]
        )
    from kostenbaten.invoer.varianten import laad_variant

    return laad_variant(pad, _keten, laad)
