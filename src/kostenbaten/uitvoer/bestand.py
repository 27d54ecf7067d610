"""Uitvoerbestanden veilig schrijven: nooit ongevraagd overschrijven, altijd atomair."""

from __future__ import annotations

import errno
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


# Redenen van het besturingssysteem in het Nederlands; de rest met hun korte code.
_REDENEN = {
    errno.EACCES: "geen schrijfrechten in map {map}",
    errno.EPERM: "geen schrijfrechten in map {map}",
    errno.EROFS: "map {map} staat op een schijf die alleen gelezen kan worden",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang",
}


def schrijffout(pad: Path, fout: OSError) -> UitvoerFouten:
    """Een fout van het besturingssysteem bij het schrijven als Nederlandse uitvoerfout (code 2)."""
    reden = _REDENEN.get(fout.errno, "systeemfout {code}").format(map=pad.parent, code=errno.errorcode.get(fout.errno, fout.errno))
    return UitvoerFouten([Fout(str(pad), None, "", f"kan niet schrijven: {reden}")])


def maak_map(map_: Path) -> None:
    """Maakt een uitvoermap (met tussenliggende mappen); een weigering van het systeem is een uitvoerfout."""
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise schrijffout(map_, fout) from None


def schrijf_atomair(pad: Path, schrijf: Callable[[Path], None], overschrijf: bool = False) -> None:
    """Laat `schrijf` een tijdelijk bestand naast het doel vullen en zet dat daarna in één keer op zijn plaats.

    Kan het systeem niet schrijven (geen rechten, schijf vol), dan volgt een
    `UitvoerFouten` met een Nederlandse reden en blijft er niets achter.
    """
    pad = Path(pad)
    controleer_doel(pad, overschrijf)
    try:
        _schrijf_atomair(pad, schrijf)
    except OSError as fout:
        raise schrijffout(pad, fout) from None


def _schrijf_atomair(pad: Path, schrijf: Callable[[Path], None]) -> None:
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
