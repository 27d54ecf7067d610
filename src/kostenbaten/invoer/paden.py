"""Een pad dat in een bestand staat (de `basis:` van een variant, de casussenmap van een begroting).

Zo'n pad geldt vanaf de map van dat bestand en blijft relatief: een absoluut
pad, een stationsletter (`C:\\...`) of een netwerkpad (`\\\\server\\map`) wordt
geweigerd, zonder het bestandssysteem te raadplegen. Een netwerkpad opzoeken
(`exists()`) zou op Windows contact maken met die server en de gebruiker daar
aanmelden; een werkmap die iemand u stuurt, kan zo'n pad bevatten. Op de
opdrachtregel mag elk pad: dat kiest de gebruiker zelf.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

GEWEIGERD = (
    "een pad in een bestand moet relatief zijn, gezien vanaf de map van dit bestand (bijvoorbeeld ../hengelo); "
    "een absoluut pad, stationsletter of netwerkpad wordt niet gevolgd"
)


def is_vrij_pad(tekst: str) -> bool:
    """Wijst de tekst buiten de map van het bestand om: absoluut, met stationsletter of een netwerkpad (UNC)."""
    tekst = tekst.strip()
    return (
        PurePosixPath(tekst).is_absolute()
        or PureWindowsPath(tekst).is_absolute()
        or bool(PureWindowsPath(tekst).drive)
        or tekst.startswith(("\\", "//"))
        or bool(re.match(r"^[A-Za-z]:", tekst))
        or tekst.startswith("~")
    )


def pad_vanaf(tekst: str, bestand: Path, normaliseer: bool = True) -> Path | None:
    """Het pad uit `bestand`, vanaf de map van dat bestand; None als het buiten die regel valt (zie GEWEIGERD).

    Windows-scheidingstekens (`..\\hengelo`) gelden ook elders.
    """
    if is_vrij_pad(tekst):
        return None
    pad = Path(bestand).parent / tekst.strip().replace("\\", "/")
    return Path(os.path.normpath(pad)) if normaliseer else pad
