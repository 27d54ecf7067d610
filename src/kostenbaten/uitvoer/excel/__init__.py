"""De werkmappen (openpyxl): per analyse één module met `werkmap(...)`, en `blad` met de gedeelde stijlen.

Alleen geladen als om een .xlsx gevraagd wordt.
"""


def bewaar(werkmap, doel) -> None:
    """Bewaart een openpyxl-werkmap in het bestand `doel`; `uitvoer.lever` maakt dat bestand atomair."""
    werkmap.save(doel)
