"""Uitvoerbestanden veilig schrijven: nooit ongevraagd overschrijven, nooit een invoer vervangen, altijd heel of niet.

Eén bestand komt via een tijdelijk bestand naast het doel in één keer op zijn
plaats (`schrijf_atomair`). Een map met bestanden (`schrijf_map_atomair`) komt
in een tijdelijke map naast het doel en wordt pas aan het eind op zijn plaats
gezet, ook over een bestaande map heen (verwisseld in één stap): een
onderbreking of een volle schijf laat de complete oude of de complete nieuwe map na.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from kostenbaten.fouten import Fout, Plek, UitvoerFouten
from kostenbaten.model.bestandsnamen import NIEUW, OUD, tijdelijk_begin, zet_terug

# Wat deze opdracht al af heeft geschreven, en welke bestanden zij leest: voor de melding bij een
# onderbreking en om een uitvoer te weigeren die een van de invoerbestanden is.
GESCHREVEN: list[Path] = []
_INVOER: list[Path] = []
_RESTANTEN_GEMELD: set[str] = set()  # mappen waarvan de restanten van een onderbroken schrijfactie al genoemd zijn


def begin_opdracht() -> None:
    """Vergeet wat een vorige opdracht in dit proces schreef en las."""
    GESCHREVEN.clear()
    _INVOER.clear()
    _RESTANTEN_GEMELD.clear()
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
    return Fout(Plek(str(pad)), "", "dit is een invoerbestand van deze opdracht; kies een andere naam voor de uitvoer (ook --overschrijf vervangt geen invoer)")


def controleer_doel(pad: Path, overschrijf: bool) -> None:
    """Weigert een invoerbestand als doel, een bestaand bestand zonder --overschrijf, een map als doel, en een map die niet bestaat."""
    pad = Path(pad)
    if pad.is_dir():
        raise UitvoerFouten([Fout(Plek(str(pad)), "", "dit is een map; geef de naam van een bestand")])
    if is_invoer(pad):
        raise UitvoerFouten([_invoerfout(pad)])
    if bestaat(pad) and not overschrijf:
        raise UitvoerFouten([Fout(Plek(str(pad)), "", "bestand bestaat al; gebruik --overschrijf om het te vervangen")])
    if not pad.parent.is_dir():
        raise UitvoerFouten([Fout(Plek(str(pad)), "", f"map {pad.parent} bestaat niet")])


def controleer_variantdoel(pad: Path, casussenmap: Path) -> None:
    """Een nieuwe variant is een YAML-bestand buiten de casussenmap: in de map zou hij als casus gelezen worden."""
    pad = Path(pad)
    if pad.suffix.lower() not in (".yaml", ".yml"):
        raise UitvoerFouten([Fout(Plek(str(pad)), "", "een variant is een YAML-bestand; geef een naam op .yaml, bijvoorbeeld mijnstad-eigen.yaml")])
    map_ = Path(casussenmap)
    if map_.is_dir():
        binnen = Path(os.path.realpath(pad))
        if Path(os.path.realpath(map_)) in binnen.parents:
            naast = map_.absolute().parent / f"{map_.absolute().name}-eigen.yaml"
            raise UitvoerFouten(
                [Fout(Plek(str(pad)), "", f"dit ligt in de casussenmap {map_}, waar het als casus gelezen zou worden; zet de variant naast de map, bijvoorbeeld {os.path.relpath(naast)}")]
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
    return UitvoerFouten([Fout(Plek(str(pad)), "", f"kan niet schrijven: {reden}")])


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
    plaats. Bestaat hij al, dan komen ook de bestanden die de opdracht niet schrijft
    (eigen aantekeningen, `registratie/`) in de tijdelijke map, en worden oude en
    nieuwe map in één stap verwisseld (`_verwissel`): het doel is op elk moment de
    complete oude of de complete nieuwe map. Na een onderbreking of fout blijft de
    oude map zoals hij was en staat er niets nieuws. Geeft de geschreven paden.
    """
    map_ = Path(map_)
    doelen = [map_ / naam for naam in bestanden]
    meld_restanten(map_)
    if bestaat(map_) and not map_.is_dir():
        raise UitvoerFouten([Fout(Plek(str(map_)), "", "dit is een bestand; geef de naam van een (nieuwe) map")])
    fouten = [_invoerfout(d) for d in doelen if is_invoer(d)]
    if not overschrijf:
        fouten += [Fout(Plek(str(d)), "", "bestand bestaat al; gebruik --overschrijf om het te vervangen") for d in doelen if bestaat(d)]
    fouten += [Fout(Plek(str(d)), "", "dit is een map; geef de naam van een bestand") for d in doelen if d.is_dir() and not d.is_symlink()]
    if fouten:
        raise UitvoerFouten(fouten)

    bestond = bestaat(map_)
    # De echte plek van de map (ook als hij via een verwijzing of als '.' gegeven is): daar wordt verwisseld.
    doel = Path(os.path.realpath(map_)) if bestond else Path(os.path.abspath(map_))
    ouder = doel.parent
    nieuw_bovenaan = None if bestond else _eerste_nieuwe(ouder)
    tijdelijk = None
    try:
        if nieuw_bovenaan is not None:
            ouder.mkdir(parents=True, exist_ok=True)
        tijdelijk = Path(tempfile.mkdtemp(prefix=tijdelijk_begin(doel.name, NIEUW), dir=ouder))
        for naam, schrijf in bestanden.items():
            if (tijdelijk / naam).parent != tijdelijk:
                (tijdelijk / naam).parent.mkdir(parents=True, exist_ok=True)
            schrijf(tijdelijk / naam)
        if bestond:
            _neem_over(doel, tijdelijk, {Path(naam) for naam in bestanden})
            shutil.copymode(doel, tijdelijk)
        else:
            _gewone_rechten(str(tijdelijk), 0o777)
        # Het op zijn plaats zetten en het onthouden ervan samen, zonder onderbreking ertussen.
        with _zonder_stopsignalen():
            if bestond:
                tijdelijk = _verwissel(tijdelijk, doel)  # nu staat de oude map daar, als `.NAAM.oud.XXXX`
            else:
                os.rename(tijdelijk, doel)
                tijdelijk = None
            GESCHREVEN.extend(doelen)
            nieuw_bovenaan = None  # die map bevat nu de nieuwe map: nooit meer opruimen
    except OSError as fout:
        _opruim_map(tijdelijk, nieuw_bovenaan)
        _opruimen_na_schrijffout()
        uit = schrijffout(map_, fout)
        if bestond:
            uit.slotregel = f"fout(en) bij het schrijven; er is niets geschreven, de map {map_} is zoals hij was."
        raise uit from None
    except BaseException:
        _opruim_map(tijdelijk, nieuw_bovenaan)
        raise
    _opruim_map(tijdelijk, None)  # de oude map, nu verborgen naast de nieuwe
    return doelen


def _neem_over(oud: Path, nieuw: Path, geschreven: set[Path], onder: Path = Path()) -> None:
    """Zet wat de opdracht niet schrijft uit de oude map ook in de nieuwe: eigen bestanden gaan nooit verloren.

    Een bestand wordt een harde verwijzing naar hetzelfde bestand (geen kopie nodig),
    of een kopie waar het bestandssysteem dat niet kan; verwijzingen blijven verwijzingen.
    """
    for item in sorted(os.listdir(oud / onder)):
        rel = onder / item
        bron, doel = oud / rel, nieuw / rel
        if rel in geschreven:
            continue
        if bron.is_dir() and not bron.is_symlink() and any(rel in p.parents for p in geschreven):
            doel.mkdir(exist_ok=True)
            shutil.copymode(bron, doel)
            _neem_over(oud, nieuw, geschreven, rel)
        elif os.path.lexists(doel):  # wat de opdracht zelf schrijft, gaat voor
            continue
        elif bron.is_dir() and not bron.is_symlink():
            shutil.copytree(bron, doel, symlinks=True, copy_function=_verwijs_of_kopieer)
        elif bron.is_symlink():
            os.symlink(os.readlink(bron), doel)
        else:
            _verwijs_of_kopieer(str(bron), str(doel))


def _verwijs_of_kopieer(bron: str, doel: str) -> None:
    try:
        os.link(bron, doel, follow_symlinks=False)
    except OSError:
        shutil.copy2(bron, doel, follow_symlinks=False)


def _verwissel(nieuw: Path, doel: Path) -> Path:
    """Zet de map `nieuw` op de plaats van `doel`; geeft waar de oude map daarna staat (`.NAAM.oud.XXXX`, om op te ruimen).

    Onder Linux doet het systeem dat in één keer (renameat2 met RENAME_EXCHANGE): het
    doel is er altijd. Elders (of op een bestandssysteem dat het niet kan) in twee keer
    hernoemen, met Ctrl-C en stopsignalen even tegengehouden; mislukt de tweede stap,
    dan gaat de oude map terug op zijn plaats. Alleen een stroomstoring precies tussen
    die twee stappen laat de oude map verborgen naast een ontbrekend doel staan; de
    volgende opdracht op die map zet haar terug (`bestandsnamen.zet_terug`).
    """
    oud = doel.parent / f"{tijdelijk_begin(doel.name, OUD)}{os.urandom(4).hex()}"
    if _wissel_in_een_keer(nieuw, doel):
        try:
            os.rename(nieuw, oud)  # de oude map staat nu op de plek van `nieuw`; bij haar naam herkent de volgende opdracht haar
        except OSError:
            return nieuw
        return oud
    with _zonder_stopsignalen():
        os.rename(doel, oud)
        try:
            os.rename(nieuw, doel)
        except BaseException:
            os.rename(oud, doel)
            raise
    return oud


def meld_restanten(map_: Path) -> None:
    """Wat een onderbroken schrijfactie naast de map achterliet: een opzij gezette oude map naast een ontbrekende map
    gaat terug (en het doel bestaat dan weer), al het andere wordt genoemd met wat ermee te doen, op stderr.

    Eén keer per map per opdracht: een schrijver die eerst zelf kijkt wat er in de map staat (`nieuw`, `omzetten`),
    roept dit vóór die controle aan, zodat hij de teruggezette map ziet.
    """
    from kostenbaten.notatie import zichtbaar

    sleutel = os.path.abspath(map_)
    if sleutel in _RESTANTEN_GEMELD:
        return
    _RESTANTEN_GEMELD.add(sleutel)
    try:
        teruggezet, uitleg = zet_terug(map_)
    except OSError as fout:
        raise schrijffout(map_, fout) from None
    for tekst in ((teruggezet,) if teruggezet else ()) + uitleg:
        print(zichtbaar(f"Let op: {tekst}."), file=sys.stderr, flush=True)


def _wissel_in_een_keer(a: Path, b: Path) -> bool:
    """renameat2(RENAME_EXCHANGE) van Linux; False als dat hier niet bestaat of niet kan (dan in twee stappen)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


class _zonder_stopsignalen:
    """Houdt Ctrl-C, SIGTERM en SIGHUP even tegen: wat in die tijd binnenkomt, komt erna alsnog aan.

    Python voert een signaal altijd in de hoofddraad uit; daar vangt een tijdelijke
    afhandeling het op en geeft het bij het verlaten door aan de gewone afhandeling.
    """

    SIGNALEN = ("SIGINT", "SIGTERM", "SIGHUP")

    def __enter__(self):
        import signal
        import threading

        self.oud, self.gekomen = {}, []
        if threading.current_thread() is not threading.main_thread():
            return self
        for naam in self.SIGNALEN:
            # Een afhandeling die niet vanuit Python gezet is (getsignal geeft None), laten we staan.
            if hasattr(signal, naam) and signal.getsignal(getattr(signal, naam)) is not None:
                nummer = getattr(signal, naam)
                self.oud[nummer] = signal.signal(nummer, lambda n, _frame: self.gekomen.append(n))
        return self

    def __exit__(self, *_):
        import signal

        for nummer, afhandeling in self.oud.items():
            signal.signal(nummer, afhandeling)
        for nummer in dict.fromkeys(self.gekomen):
            signal.raise_signal(nummer)
        return False


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
