"""Waar het bewijs dun is, in het rapport: dezelfde zinnen als na de uitkomst in de terminal, op de voorkant."""

from __future__ import annotations

from kostenbaten.uitvoer.rapport.blokken import Sectie, opsomming
from kostenbaten.uitvoer.waarschuwingen import tekst


def secties(waarschuwingen: tuple, rapport) -> dict[str, Sectie]:
    if not waarschuwingen:
        return {}
    return {"bewijs": Sectie("Waar het bewijs dun is", [opsomming([tekst(w) for w in waarschuwingen])])}
