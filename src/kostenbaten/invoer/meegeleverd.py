"""De meegeleverde bestanden (sjablonen, voorbeeldcasussen) als pakketgegevens.

`kostenbaten/gegevens/` verwijst in de broncode naar `templates/` en
`casussen/` van het project; bij het bouwen van het pakket worden die
bestanden meegenomen (zie `package-data` in pyproject.toml). Zo werkt
`kostenbaten sjabloon` na `pip install` vanuit elke map.
"""

from __future__ import annotations

from pathlib import Path

GEGEVENS = Path(__file__).resolve().parent.parent / "gegevens"


def meegeleverd(*deel: str) -> Path:
    """Het pad van een meegeleverd bestand, bijvoorbeeld `meegeleverd("templates", "voorbeeldbegroting.yaml")`."""
    return GEGEVENS.joinpath(*deel)
