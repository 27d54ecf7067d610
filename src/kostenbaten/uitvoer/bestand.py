"""Uitvoerbestanden veilig schrijven: nooit ongevraagd overschrijven, altijd atomair."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from kostenbaten.fouten import Fout, UitvoerFouten


def controleer_doel(pad: Path, overschrijf: bool) -> None:
    """Weigert een bestaand bestand zonder --overschrijf, een map als doel, en een map die niet bestaat."""
    if pad.is_dir():
        raise UitvoerFouten([Fout(str(pad), None, "", "dit is een map; geef de naam van een bestand")])
    if pad.exists() and not overschrijf:
        raise UitvoerFouten([Fout(str(pad), None, "", "bestand bestaat al; gebruik --overschrijf om het te vervangen")])
    if not pad.parent.is_dir():
        raise UitvoerFouten([Fout(str(pad), None, "", f"map {pad.parent} bestaat niet")])


def schrijf_atomair(pad: Path, schrijf: Callable[[Path], None], overschrijf: bool = False) -> None:
    """Laat `schrijf` een tijdelijk bestand naast het doel vullen en zet dat daarna in één keer op zijn plaats."""
    pad = Path(pad)
    controleer_doel(pad, overschrijf)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=pad.suffix, dir=pad.parent)
    os.close(fd)
    try:
        schrijf(Path(tijdelijk))
        # mkstemp maakt het bestand alleen voor de eigenaar leesbaar; geef het de gewone rechten.
        masker = os.umask(0)
        os.umask(masker)
        os.chmod(tijdelijk, 0o666 & ~masker)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
