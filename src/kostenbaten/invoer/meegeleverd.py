"""De meegeleverde bestanden (sjablonen, voorbeeldcasussen) als pakketgegevens.

`kostenbaten/gegevens/` bevat echte kopieën van `templates/` en `casussen/` van
het project, geen koppelingen: een checkout zonder symbolische koppelingen (de
standaard van Git voor Windows) levert zo toch een pakket met gegevens.
`tests/test_meegeleverd.py` bewaakt dat de kopieën gelijk zijn aan het origineel.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def meegeleverd(*deel: str) -> Path:
    """Het pad van een meegeleverd bestand, bijvoorbeeld `meegeleverd("templates", "voorbeeldbegroting.yaml")`."""
    # Het pakket staat altijd uitgepakt op schijf (pip installeert geen zip), dus dit is een gewoon pad.
    return Path(str(files("kostenbaten").joinpath("gegevens", *deel)))
