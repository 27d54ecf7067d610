"""Uitvoerbestanden veilig schrijven: nooit ongevraagd overschrijven, nooit een invoer vervangen, altijd heel of niet.

Eén bestand komt via een tijdelijk bestand naast het doel in één keer op zijn
plaats (`schrijf_atomair`). Een map met bestanden (`schrijf_map_atomair`) komt
in een tijdelijke map naast het doel en wordt pas aan het eind op zijn plaats
gezet: een onderbreking of een volle schijf laat de complete map na of niets.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from kostenbaten.fouten import Fout, UitvoerFouten

# Wat deze opdracht al af heeft geschreven, en welke bestanden zij leest: voor de melding bij een
# onderbreking en om een uitvoer te weigeren die een van de invoerbestanden is.
GESCHREVEN: list[Path] = []
_INVOER: list[Path] = []


def begin_opdracht() -> None:
    """Vergeet wat een vorige opdracht in dit proces schreef en las."""
    GESCHREVEN.clear()
    _INVOER.clear()
    _identiteiten.clear()


def meld_invoer(*paden) -> None:
    """Onthoudt bestanden die deze opdracht leest: een uitvoer mag er geen van zijn, ook niet met --overschrijf."""
    _INVOER.extend(Path(p) for p in paden if p is not None)
    _identiteiten.clear()


def bestaat(pad: Path) -> bool:
    """Ook een symbolische verwijzing telt als bestaand bestand, ook een die nergens heen leidt."""
    return pad.is_symlink() or pad.exists()


# Elk invoerbestand één keer als (apparaat, inode) en als pad na het volgen van verwijzingen.
_identiteiten: dict[str, set] = {}


def _identiteit(pad: Path):
    try:
        stand = os.stat(pad)
    except (OSError, ValueError):
        return None
    return (stand.st_dev, stand.st_ino)


def is_invoer(pad: Path) -> bool:
    """Is dit (na het volgen van verwijzingen, ook via een andere schrijfwijze) een bestand dat deze opdracht leest?"""
    if not _INVOER:
        return False
    if not _identiteiten:
        bestanden = {p for p in _INVOER if not p.is_dir()}
        _identiteiten["inode"] = {i for i in map(_identiteit, bestanden) if i is not None}
        _identiteiten["pad"] = {os.path.realpath(p) for p in bestanden}
    identiteit = _identiteit(pad)
    if identiteit is not None:
        return identiteit in _identiteiten["inode"]
    return os.path.realpath(pad) in _identiteiten["pad"]


def _invoerfout(pad: Path) -> Fout:
    return Fout(str(pad), None, "", "dit is een invoerbestand van deze opdracht; kies een andere naam voor de uitvoer (ook --overschrijf vervangt geen invoer)")


def controleer_doel(pad: Path, overschrijf: bool) -> None:
    """Weigert een invoerbestand als doel, een bestaand bestand zonder --overschrijf, een map als doel, en een map die niet bestaat."""
    pad = Path(pad)
    if pad.is_dir():
        raise UitvoerFouten([Fout(str(pad), None, "", "dit is een map; geef de naam van een bestand")])
    if is_invoer(pad):
        raise UitvoerFouten([_invoerfout(pad)])
    if bestaat(pad) and not overschrijf:
        raise UitvoerFouten([Fout(str(pad), None, "", "bestand bestaat al; gebruik --overschrijf om het te vervangen")])
    if not pad.parent.is_dir():
        raise UitvoerFouten([Fout(str(pad), None, "", f"map {pad.parent} bestaat niet")])


def controleer_variantdoel(pad: Path, casussenmap: Path) -> None:
    """Een nieuwe variant is een YAML-bestand buiten de casussenmap: in de map zou hij als casus gelezen worden."""
    pad = Path(pad)
    if pad.suffix.lower() not in (".yaml", ".yml"):
        raise UitvoerFouten([Fout(str(pad), None, "", "een variant is een YAML-bestand; geef een naam op .yaml, bijvoorbeeld mijnstad-eigen.yaml")])
    map_ = Path(casussenmap)
    if map_.is_dir():
        binnen = Path(os.path.realpath(pad))
        if Path(os.path.realpath(map_)) in binnen.parents:
            naast = map_.absolute().parent / f"{map_.absolute().name}-eigen.yaml"
            raise UitvoerFouten(
                [Fout(str(pad), None, "", f"dit ligt in de casussenmap {map_}, waar het als casus gelezen zou worden; zet de variant naast de map, bijvoorbeeld {os.path.relpath(naast)}")]
            )


# Redenen van het besturingssysteem in het Nederlands; de rest met hun korte code.
_REDENEN = {
    errno.EACCES: "geen schrijfrechten in map {map}",
    errno.EPERM: "geen schrijfrechten in map {map}",
    errno.EROFS: "map {map} staat op een schijf die alleen gelezen kan worden",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang",
    errno.EEXIST: "er staat al iets met die naam",
    errno.EFBIG: "het bestand wordt groter dan dit systeem toestaat",
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


def _opruimen_na_schrijffout() -> None:
    """Ruimt half gesloten schrijvers op (openpyxl sluit zijn zip na een volle schijf nog eens) zonder traceback."""
    import gc

    haak = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = haak


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
        _opruimen_na_schrijffout()
        raise schrijffout(pad, fout) from None
    except Exception as fout:
        systeemfout = _als_systeemfout(fout)
        if systeemfout is None:
            raise
        _opruimen_na_schrijffout()
        raise schrijffout(pad, systeemfout) from None
    GESCHREVEN.append(pad)


def _als_systeemfout(fout: Exception) -> OSError | None:
    """Een schrijffout die lxml (onder openpyxl en python-docx) meldt als `SerialisationError: IO_ENOSPC`, als OSError."""
    naam = str(fout)
    if type(fout).__name__ != "SerialisationError" or not naam.startswith("IO_"):
        return None
    code = getattr(errno, naam[3:], None)
    return OSError(code, naam) if isinstance(code, int) else None


def _gewone_rechten(pad: str, standaard: int) -> None:
    """mkstemp en mkdtemp maken alleen voor de eigenaar leesbaar; geef het de gewone rechten (volgens umask)."""
    masker = os.umask(0)
    os.umask(masker)
    os.chmod(pad, standaard & ~masker)


def _schrijf_atomair(pad: Path, schrijf: Callable[[Path], None]) -> None:
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=pad.suffix, dir=pad.parent)
    os.close(fd)
    try:
        schrijf(Path(tijdelijk))
        _gewone_rechten(tijdelijk, 0o666)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise


def schrijf_map_atomair(map_: Path, bestanden: dict[str, Callable[[Path], None]], overschrijf: bool = False) -> list[Path]:
    """Schrijft een map als één geheel: `bestanden` (pad in de map -> schrijver) eerst in een tijdelijke map ernaast.

    Bestaat de map nog niet, dan komt de tijdelijke map er in één keer voor in de
    plaats: na een onderbreking of fout is er de complete map of niets. Bestaat
    hij al (met --overschrijf of met alleen andere bestanden), dan gaan de
    bestanden er pas aan het eind in, elk in één keer; mislukt dat halverwege,
    dan noemt de melding precies wat er wel staat. Geeft de geschreven paden.
    """
    map_ = Path(map_)
    doelen = [map_ / naam for naam in bestanden]
    if bestaat(map_) and not map_.is_dir():
        raise UitvoerFouten([Fout(str(map_), None, "", "dit is een bestand; geef de naam van een (nieuwe) map")])
    fouten = [_invoerfout(d) for d in doelen if is_invoer(d)]
    if not overschrijf:
        fouten += [Fout(str(d), None, "", "bestand bestaat al; gebruik --overschrijf om het te vervangen") for d in doelen if bestaat(d)]
    fouten += [Fout(str(d), None, "", "dit is een map; geef de naam van een bestand") for d in doelen if d.is_dir() and not d.is_symlink()]
    if fouten:
        raise UitvoerFouten(fouten)

    # Een nieuwe map komt in een tijdelijke map ernaast; in een bestaande map een verborgen tijdelijke map
    # (die de casussenmap niet leest), zodat alleen schrijfrechten in die map zelf nodig zijn.
    bestond = bestaat(map_)
    ouder = map_.absolute() if bestond else map_.absolute().parent
    nieuw_bovenaan = None if bestond else _eerste_nieuwe(ouder)
    tijdelijk = None
    try:
        if nieuw_bovenaan is not None:
            ouder.mkdir(parents=True, exist_ok=True)
        tijdelijk = Path(tempfile.mkdtemp(prefix=f".{map_.name}.", dir=ouder))
        for naam, schrijf in bestanden.items():
            if (tijdelijk / naam).parent != tijdelijk:
                (tijdelijk / naam).parent.mkdir(parents=True, exist_ok=True)
            schrijf(tijdelijk / naam)
        _gewone_rechten(str(tijdelijk), 0o777)
        if not bestond:
            os.rename(tijdelijk, map_)
            tijdelijk = None
            GESCHREVEN.extend(doelen)
            return doelen
    except OSError as fout:
        _opruim_map(tijdelijk, nieuw_bovenaan)
        _opruimen_na_schrijffout()
        raise schrijffout(doelen[0] if bestond and doelen else map_, fout) from None
    except BaseException:
        _opruim_map(tijdelijk, nieuw_bovenaan)
        raise
    # De map bestond al: nu pas de bestanden erin, elk in één keer.
    verplaatst: list[Path] = []
    try:
        for naam, doel in zip(bestanden, doelen):
            if not doel.parent.is_dir():
                doel.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tijdelijk / naam, doel)
            verplaatst.append(doel)
            GESCHREVEN.append(doel)
    except OSError as fout:
        _opruim_map(tijdelijk, None)
        uit = schrijffout(doel, fout)
        if verplaatst:
            uit.fouten.append(Fout(str(map_), None, "", "wel geschreven, vóór deze fout: " + ", ".join(p.name if p.parent == map_ else str(p) for p in verplaatst)))
            uit.slotregel = "fout(en) bij het schrijven; alleen de genoemde bestanden zijn geschreven."
        raise uit from None
    finally:
        _opruim_map(tijdelijk, None)
    return doelen


def _eerste_nieuwe(map_: Path) -> Path | None:
    """De hoogste map op de weg naar `map_` die nog niet bestaat (die ruimen we bij een fout weer op)."""
    nieuw = None
    for hoger in (map_, *map_.parents):
        if hoger.exists():
            return nieuw
        nieuw = hoger
    return nieuw


def _opruim_map(tijdelijk: Path | None, nieuw_bovenaan: Path | None) -> None:
    if tijdelijk is not None:
        shutil.rmtree(tijdelijk, ignore_errors=True)
    if nieuw_bovenaan is not None:
        shutil.rmtree(nieuw_bovenaan, ignore_errors=True)
