"""YAML inlezen op één plek: veilige loader, getallen als Decimal, dubbele sleutels en regelnummers.

PyYAML maakt van `1.5` een float; dat mag voor geld niet. Daarom bouwen we de
waarden zelf uit de knopen van `yaml.compose` (die de veilige loader gebruikt):
zo wordt een kommagetal direct een `Decimal` uit zijn tekst, vangen we dubbele
sleutels af en onthouden we bij elk sleutelpad de regel waarop het staat.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kostenbaten import tekens
from kostenbaten.fouten import Fout, Plek
from kostenbaten.invoer.bestand import Bestand, Pad, toon_pad

# Grenzen voor vijandige YAML (docs/formaat.md): de YAML-bibliotheek bouwt
# knopen recursief op en kan bij diepe nesting of een 'billion laughs' vastlopen
# of crashen. Daarom worden diepte en het aantal waarden na het uitvouwen van
# verwijzingen (*naam) eerst op de gebeurtenissenstroom van de parser geteld.
MAX_DIEPTE = 50
MAX_WAARDEN = 100_000
# Een casus of pilot.yaml is een paar kB; een groter bestand wordt niet gelezen, zodat het geheugen begrensd blijft.
MAX_BYTES = 1_000_000

# Waarom een bestand niet te lezen is, in het Nederlands (de systeemtekst is Engels).
_LEESREDENEN = {
    errno.EACCES: "geen leesrechten",
    errno.EPERM: "geen leesrechten",
    errno.ENOENT: "het bestand bestaat niet (meer)",
    errno.ELOOP: "een verwijzing die in een kring naar zichzelf leidt",
    errno.EIO: "leesfout van de schijf",
}

_TAG = "tag:yaml.org,2002:"
_NAAM = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")


class _TeDiep(Exception):
    """Een lijst of blok dieper dan MAX_DIEPTE, gevonden bij het bouwen (zonder voorcontrole)."""

    def __init__(self, regel: int):
        super().__init__(regel)
        self.regel = regel


def _controleer_diepte(node, boven: int) -> None:
    """Zoekt in een overgeslagen knoop (met `boven` lijsten en blokken erboven) in volgorde naar te diepe nesting."""
    if isinstance(node, ScalarNode):
        return
    if boven >= MAX_DIEPTE:
        raise _TeDiep(node.start_mark.line + 1)
    kinderen = node.value if isinstance(node, SequenceNode) else [k for paar in node.value for k in paar]
    for kind in kinderen:
        _controleer_diepte(kind, boven + 1)


# Voor gehele getallen, ja/nee en datums; zonder eigen toestand, dus één voor alle bestanden.
_CONSTRUCTOR = SafeConstructor()


class _Bouwer:
    """Zet YAML-knopen om in Python-waarden en verzamelt fouten in plaats van te stoppen."""

    def __init__(self, bestand: str):
        self.bestand = bestand
        self.regels: dict[Pad, int] = {}
        self.fouten: list[Fout] = []
        self._constructor = _CONSTRUCTOR

    def fout(self, node, sleutelpad: Pad, melding: str) -> None:
        self.fouten.append(Fout(Plek(self.bestand, node.start_mark.line + 1), toon_pad(sleutelpad), melding))

    def bouw(self, node, sleutelpad: Pad = ()):
        self.regels.setdefault(sleutelpad, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            # Het sleutelpad telt de lijsten en blokken boven deze knoop: de diepte van de voorcontrole.
            if len(sleutelpad) >= MAX_DIEPTE:
                raise _TeDiep(node.start_mark.line + 1)
            if node.tag != _TAG + "map":
                self.fout(node, sleutelpad, f"YAML-type {node.tag} wordt niet ondersteund")
                _controleer_diepte(node, len(sleutelpad))
                return {}
            return self._mapping(node, sleutelpad)
        if isinstance(node, SequenceNode):
            if len(sleutelpad) >= MAX_DIEPTE:
                raise _TeDiep(node.start_mark.line + 1)
            if node.tag != _TAG + "seq":
                self.fout(node, sleutelpad, f"YAML-type {node.tag} wordt niet ondersteund")
                _controleer_diepte(node, len(sleutelpad))
                return []
            return [self.bouw(kind, sleutelpad + (i,)) for i, kind in enumerate(node.value)]
        return self._scalar(node, sleutelpad)

    def _mapping(self, node: MappingNode, sleutelpad: Pad) -> dict:
        uit: dict = {}
        for sleutelnode, waardenode in node.value:
            if sleutelnode.tag == _TAG + "merge":
                self.fout(sleutelnode, sleutelpad, "samenvoegen met '<<' wordt niet ondersteund; schrijf de sleutels uit")
                _controleer_diepte(sleutelnode, len(sleutelpad) + 1)
                _controleer_diepte(waardenode, len(sleutelpad) + 1)
                continue
            if not isinstance(sleutelnode, ScalarNode):
                self.fout(sleutelnode, sleutelpad, "een sleutel moet een eenvoudige tekst zijn")
                _controleer_diepte(sleutelnode, len(sleutelpad) + 1)
                _controleer_diepte(waardenode, len(sleutelpad) + 1)
                continue
            sleutel = self._scalar(sleutelnode, sleutelpad)
            if isinstance(sleutel, (bool, type(None), Decimal, date)):
                sleutel = sleutelnode.value
            if sleutel in uit:
                eerste = self.regels[sleutelpad + (sleutel,)]
                self.fout(sleutelnode, sleutelpad + (sleutel,), f"sleutel '{sleutel}' staat dubbel (eerder op regel {eerste})")
                _controleer_diepte(waardenode, len(sleutelpad) + 1)
                continue
            self.regels[sleutelpad + (sleutel,)] = sleutelnode.start_mark.line + 1
            uit[sleutel] = self.bouw(waardenode, sleutelpad + (sleutel,))
        return uit

    def _scalar(self, node: ScalarNode, sleutelpad: Pad):
        tag = node.tag
        if tag == _TAG + "str":
            if node.style == '"':  # alleen tussen dubbele aanhalingstekens maakt een escape ("\\x1b") een onzichtbaar teken
                teken = tekens.eerste_verboden(node.value)
                if teken:
                    self.fout(node, sleutelpad, tekens.melding(teken))
                    return node.value
            # Namen (van actoren, kengetallen, rechtsgebieden) komen in elke casus terug: één object per naam.
            return sys.intern(node.value) if _NAAM.match(node.value) else node.value
        if tag == _TAG + "float":
            tekst = node.value.replace("_", "")
            try:
                waarde = Decimal(tekst)
            except InvalidOperation:
                waarde = None
            if waarde is None or not waarde.is_finite():
                self.fout(node, sleutelpad, f"'{node.value}' is geen bruikbaar getal")
                return node.value
            return waarde
        if tag == _TAG + "int":
            try:
                tekst = node.value
                # Het gewone geval snel; 0x.., 0o.., 012 (octaal in YAML 1.1), 1_000 en 1:30 via PyYAML.
                if tekst.isascii() and tekst.isdigit() and (tekst[0] != "0" or tekst == "0"):
                    return int(tekst)
                return self._constructor.construct_yaml_int(node)
            except ValueError:  # meer dan 4300 cijfers: Python weigert de omzetting
                self.fout(node, sleutelpad, f"'{node.value[:20]}...' is geen bruikbaar getal (te lang)")
                return node.value
        if tag == _TAG + "bool":
            return self._constructor.construct_yaml_bool(node)
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "timestamp":
            try:
                return self._constructor.construct_yaml_timestamp(node)
            except ValueError:
                self.fout(node, sleutelpad, f"'{node.value}' is geen bestaande datum (jjjj-mm-dd)")
                return node.value
        self.fout(node, sleutelpad, f"YAML-type {tag} wordt niet ondersteund")
        return node.value


# Stukjes van de meldingen van PyYAML en libyaml, met een Nederlandse uitleg.
# De eerste die in de melding voorkomt, wint; de Engelse tekst volgt tussen haakjes.
_VERTALINGEN = (
    ("tab character", "tab-teken in het inspringen: spring in met spaties, niet met tabs"),
    ("cannot start any token", "teken dat hier niet mag (vaak een tab: spring in met spaties)"),
    ("mapping values are not allowed", "onverwachte ':'; zet tekst met een dubbele punt tussen aanhalingstekens, of controleer het inspringen"),
    ("expected ',' or ']'", "een lijst tussen [ en ] is niet afgesloten"),
    ("expected ',' or '}'", "een blok tussen { en } is niet afgesloten"),
    ("expected <block end>", "inspringen klopt niet; sleutels op hetzelfde niveau moeten even ver inspringen"),
    ("did not find expected key", "inspringen klopt niet; sleutels op hetzelfde niveau moeten even ver inspringen"),
    ("could not find expected ':'", "na een sleutel ontbreekt ':'"),
    ("duplicate anchor", "een anker (&naam) staat dubbel"),
    ("undefined alias", "een verwijzing (*naam) naar een onbekend anker"),
    ("expected a single document", "het bestand bevat meer dan één YAML-document ('---'); gebruik er één"),
    ("while scanning a quoted scalar", "een aanhalingsteken dat hier opent, wordt nergens gesloten"),
    ("found unexpected end of stream", "het bestand houdt midden in een tekst op (ontbreekt een aanhalingsteken?)"),
    ("did not find expected '-' indicator", "inspringen klopt niet; elementen van een lijst beginnen op hetzelfde niveau met '-'"),
    ("did not find expected node content", "hier ontbreekt een waarde (staat er een komma of haakje te veel?)"),
    ("block sequence entries are not allowed", "onverwachte '-'; een lijstelement mag hier niet beginnen (controleer het inspringen)"),
    ("unknown escape character", "onbekende code na '\\' tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("while scanning an anchor", "een anker (&naam) heeft een naam van letters en cijfers nodig"),
    ("while scanning an alias", "een verwijzing (*naam) heeft een naam van letters en cijfers nodig"),
    ("while scanning a tag", "een YAML-type (!naam) is niet goed geschreven; laat het weg"),
    ("undefined tag handle", "een YAML-type (!naam) is niet goed geschreven; laat het weg"),
    ("while scanning a block scalar", "een tekstblok na '|' of '>' is niet goed ingesprongen"),
    ("while scanning a directive", "een regel die met '%' begint is hier niet toegestaan"),
    ("document start", "na het einde van de gegevens volgt nog tekst; begint een regel met een teken dat hier niet mag?"),
    ("while parsing", "de opbouw van het bestand klopt hier niet (controleer inspringen, haakjes en aanhalingstekens)"),
    ("while scanning", "de opbouw van het bestand klopt hier niet (controleer inspringen, haakjes en aanhalingstekens)"),
)

_ONBEKEND = "de opbouw van het bestand klopt hier niet (controleer inspringen, haakjes en aanhalingstekens)"

# libyaml (als het er is) leest tien keer zo snel als de Python-versie; dezelfde veilige regels.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _libyaml_begrenst_nesting() -> bool:
    """Of de C-loader zelf diepe nesting weigert (libyaml doet dat bij 1000 niveaus); zo niet, dan altijd voorcontrole."""
    if _LOADER is yaml.SafeLoader:
        return False
    try:
        yaml.compose("[" * 1001 + "]" * 1001, Loader=_LOADER)
    except yaml.YAMLError as fout:
        return "maximum nesting depth" in str(fout)
    return False

# Tekens die YAML niet toestaat (stuurtekens behalve tab en regeleinde, losse surrogaten, U+FFFE en U+FFFF),
# als opsomming van wat niet mag: dat compileert tien keer zo snel als de uitsluiting van wat wel mag.
_VERBODEN_TEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _vertaal(probleem: str | None, context: str | None) -> str:
    """De melding van de YAML-lezer: een Nederlandse uitleg, de Engelse tekst tussen haakjes."""
    engels = "; ".join(t for t in (context, probleem) if t) or "onleesbare YAML"
    for stukje, nederlands in _VERTALINGEN:
        if stukje in engels:
            return f"{nederlands} ({engels})"
    return f"{_ONBEKEND} ({engels})"


def _syntaxfout(naam: str, fout: yaml.YAMLError) -> Fout:
    """Een fout van de YAML-lezer als Fout, op de regel waar het probleem begint."""
    if not isinstance(fout, yaml.MarkedYAMLError):
        return Fout(Plek(naam), "", f"YAML-syntaxfout: {_ONBEKEND}")
    mark = fout.problem_mark or fout.context_mark
    # Een niet gesloten aanhalingsteken: de regel waar het opent, niet het einde van het bestand.
    if fout.context and "quoted scalar" in fout.context and fout.context_mark:
        mark = fout.context_mark
    regel = mark.line + 1 if mark else None
    return Fout(Plek(naam, regel), "", f"YAML-syntaxfout: {_vertaal(fout.problem, fout.context)}")


def _te_diep(naam: str, regel: int) -> Fout:
    return Fout(Plek(naam, regel), "", f"te diep genest: hoogstens {MAX_DIEPTE} niveaus van lijsten en blokken")


def _voorcontrole(naam: str, tekst: str) -> Fout | None:
    """Telt diepte en uitgevouwen waarden op de gebeurtenissen van de parser, vóór er knopen worden gebouwd.

    Zo loopt een 'billion laughs' (verwijzingen die elkaar verdubbelen), een
    verwijzing naar zichzelf of nesting van duizenden niveaus niet vast in het
    geheugen of de stapel, maar wordt ze op de regel van het begin gemeld.
    """
    open_: list[list] = []  # per open lijst of blok: [anker, aantal waarden erin]
    grootte: dict[str, int] = {}  # anker -> aantal waarden van zijn knoop
    totaal = 0

    def tel(aantal: int) -> None:
        nonlocal totaal
        totaal += aantal
        if open_:
            open_[-1][1] += aantal

    for gebeurtenis in yaml.parse(tekst, Loader=_LOADER):
        regel = gebeurtenis.start_mark.line + 1
        if isinstance(gebeurtenis, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(open_) >= MAX_DIEPTE:
                return _te_diep(naam, regel)
            totaal += 1  # de knoop zelf; zijn ouder krijgt hem mee bij het sluiten
            open_.append([gebeurtenis.anchor, 1])
        elif isinstance(gebeurtenis, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anker, aantal = open_.pop()
            if open_:
                open_[-1][1] += aantal
            if anker is not None:
                grootte[anker] = aantal
        elif isinstance(gebeurtenis, yaml.ScalarEvent):
            tel(1)
            if gebeurtenis.anchor is not None:
                grootte[gebeurtenis.anchor] = 1
        elif isinstance(gebeurtenis, yaml.AliasEvent):
            if any(anker == gebeurtenis.anchor for anker, _ in open_):
                return Fout(Plek(naam, regel), "", f"de verwijzing *{gebeurtenis.anchor} verwijst naar het blok waar ze zelf in staat")
            tel(grootte.get(gebeurtenis.anchor, 1))
        if totaal > MAX_WAARDEN:
            return Fout(Plek(naam, regel), "", f"te veel waarden: hoogstens {MAX_WAARDEN:_} na het uitvouwen van verwijzingen (*naam)".replace("_", "."))
    return None


def _stel_samen(naam: str, tekst: str):
    """De knopen van `tekst`, of de Fout van de voorcontrole; gooit `yaml.YAMLError` zoals de parser.

    De voorcontrole kost een extra doorloop van de parser. Ze is alleen nodig
    waar verwijzingen (*naam) staan of waar een bestand groot genoeg is om
    MAX_WAARDEN te halen; in een gewoon casusbestand bewaakt `_Bouwer` de diepte
    (libyaml begrenst de nesting zelf al op 1000). Een bestand dat de parser
    weigert, krijgt alsnog de voorcontrole: dan blijft de melding die als eerste
    in het bestand staat dezelfde.
    """
    if "*" in tekst or len(tekst) > MAX_WAARDEN // 4 or not _libyaml_begrenst_nesting() or len(tekst) > MAX_WAARDEN // 4:
        return _voorcontrole(naam, tekst) or yaml.compose(tekst, Loader=_LOADER)
    try:
        return yaml.compose(tekst, Loader=_LOADER)
    except yaml.YAMLError:
        fout = _voorcontrole(naam, tekst)
        if fout:
            return fout
        raise


def _lees_tekst(pad: Path) -> tuple[str | None, Fout | None]:
    naam = str(pad)
    try:
        ruw = _lees_bytes(pad)
    except IsADirectoryError:
        return None, Fout(Plek(naam), "", "dit is een map, geen YAML-bestand; hernoem of verwijder de map")
    except _GeenGewoonBestand:
        return None, Fout(Plek(naam), "", "dit is geen gewoon bestand (een apparaat, pipe of socket); geef een YAML-bestand")
    except OSError as fout:
        reden = _LEESREDENEN.get(fout.errno, f"systeemfout {errno.errorcode.get(fout.errno, fout.errno)}")
        return None, Fout(Plek(naam), "", f"kan het bestand niet lezen ({reden})")
    if len(ruw) > MAX_BYTES:
        return None, Fout(Plek(naam), "", f"het bestand is te groot: hoogstens {MAX_BYTES:_} bytes (1 MB)".replace("_", "."))
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel = ruw[: fout.start].count(b"\n") + 1
        return None, Fout(Plek(naam, regel), "", f"het bestand is geen UTF-8-tekst (byte 0x{ruw[fout.start]:02x}); sla het op als UTF-8")
    schoon = tekens.zeker_zonder_verboden(tekst)  # dan vinden de twee zoektochten hieronder niets
    verboden = not schoon and _VERBODEN_TEKEN.search(tekst)
    if verboden:
        regel = tekst.count("\n", 0, verboden.start()) + 1
        return None, Fout(Plek(naam, regel), "", f"teken U+{ord(verboden.group()):04X} is in YAML niet toegestaan; verwijder het")
    ongewenst = not schoon and tekens.VERBODEN_IN_BESTAND.search(tekst)
    if ongewenst:
        regel = tekst.count("\n", 0, ongewenst.start()) + 1
        return None, Fout(Plek(naam, regel), "", f"de tekst {tekens.melding(ongewenst.group())}")
    return tekst, None


class _GeenGewoonBestand(Exception):
    """Een apparaat, pipe of socket: een pipe zou blijven wachten en een apparaat (/dev/zero) eindeloos leveren."""


# Zonder wachten openen (een pipe zonder schrijver), en onder Windows zonder omzetten van regeleinden.
_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _lees_bytes(pad: Path) -> bytes:
    """De bytes van een gewoon bestand, hoogstens MAX_BYTES + 1 (genoeg om te zien dat het te groot is).

    Eén keer openen en `fstat` op wat geopend is, in plaats van eerst te vragen of het bestaat en wat het is:
    bij 10.000 casussen scheelt dat twee systeemaanroepen per bestand, en het lezen vraagt precies de grootte
    (plus één) in plaats van een buffer van een megabyte per bestand (docs/snelheid.md).
    """
    fd = os.open(pad, _OPEN)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is een map", str(pad))
        if not stat.S_ISREG(info.st_mode):
            raise _GeenGewoonBestand()
        # De grootte kan intussen veranderd zijn (of 0 zijn, zoals in /proc): lees door tot het einde of te groot.
        stukken = [os.read(fd, min(info.st_size, MAX_BYTES) + 1)]
        totaal = len(stukken[0])
        while stukken[-1] and totaal <= MAX_BYTES:
            stukken.append(os.read(fd, 65_536))
            totaal += len(stukken[-1])
        return b"".join(stukken)
    finally:
        os.close(fd)


def lees_yaml(pad: Path) -> tuple[Bestand | None, list[Fout]]:
    """Leest één YAML-bestand. Geeft het `Bestand` (inhoud met de regel van elk sleutelpad), of de fouten."""
    naam = str(pad)
    tekst, fout = _lees_tekst(pad)
    if fout:
        return None, [fout]
    try:
        node = _stel_samen(naam, tekst)
        if isinstance(node, Fout):
            return None, [node]
    except yaml.YAMLError as fout:
        if "maximum nesting depth" in str(fout):
            # Nieuwere libyaml heeft een eigen grens en slaat aan vóór de onze bij MAX_DIEPTE: dezelfde melding.
            return None, [_te_diep(naam, fout.problem_mark.line + 1 if getattr(fout, "problem_mark", None) else 1)]
        return None, [_syntaxfout(naam, fout)]
    if node is None:
        return None, [Fout(Plek(naam, 1), "", "het bestand is leeg")]
    bouwer = _Bouwer(naam)
    try:
        inhoud = bouwer.bouw(node)
    except _TeDiep as te_diep:
        return None, [_te_diep(naam, te_diep.regel)]
    if bouwer.fouten:
        return None, bouwer.fouten
    return Bestand(pad, inhoud, bouwer.regels, lees=lees_yaml), []
