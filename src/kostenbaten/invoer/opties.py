"""Getallen van de opdrachtregel, gelezen zoals getallen in de YAML.

Een duizendtalpunt (`-n 10.000`) of decimale komma wordt geweigerd met dezelfde
uitleg als in de YAML, in plaats van stil iets anders te lezen. De lezers geven
een `ValueError` met een Nederlandse melding; de opdrachtregel zet daar de naam
van de optie voor.
"""

from __future__ import annotations

import re
from typing import Callable

_GEHEEL = re.compile(r"^[+-]?[0-9]+$")


def _geen_geheel_getal(tekst: str, kaal: str) -> str:
    # Pas hier: het model (en pydantic) laden kost tijd die `--help` niet hoeft te betalen.
    from kostenbaten.model.casus import _NEDERLANDS_GETAL, _tekst_als_getal

    if _NEDERLANDS_GETAL.match(kaal.lstrip("€ ")) or kaal.startswith("€"):
        return _tekst_als_getal(tekst).format(tekst=tekst)
    return "moet een geheel getal zijn"


def geheel_getal(minimum: int | None = None, maximum: int | None = None) -> Callable[[str | int], int]:
    """Een lezer voor een geheel getal binnen [minimum, maximum]; `1.250` en `1,5` met de YAML-uitleg geweigerd."""

    def lees(tekst: str | int) -> int:
        if isinstance(tekst, int):  # de standaardwaarde komt al als getal
            waarde = tekst
        else:
            kaal = tekst.strip().replace("_", "")
            if kaal.lstrip("+-").isdigit() and len(kaal) > 40:  # geen rekenwerk aan duizenden cijfers
                kaal = kaal[0] + "9" * 40 if kaal.startswith("-") else "9" * 40
            if not _GEHEEL.match(kaal):
                raise ValueError(_geen_geheel_getal(tekst, kaal))
            waarde = int(kaal)
        if minimum is not None and waarde < minimum:
            raise ValueError(f"moet minstens {minimum} zijn")
        if maximum is not None and waarde > maximum:
            raise ValueError(f"mag hoogstens {maximum} zijn")
        return waarde

    return lees
