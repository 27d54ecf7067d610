"""YAML inlezen op één plek: veilige loader, getallen als Decimal, dubbele sleutels en regelnummers.

PyYAML maakt van `1.5` een float; dat mag voor geld niet. Daarom bouwen we de
waarden zelf uit de knopen van `yaml.compose` (die de veilige loader gebruikt):
zo wordt een kommagetal direct een `Decimal` uit zijn tekst, vangen we dubbele
sleutels af en onthouden we bij elk sleutelpad de regel waarop het staat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kostenbaten.fouten import Fout

Pad = tuple  # een sleutelpad: ("baten", 0, "kengetal")

_TAG = "tag:yaml.org,2002:"


@dataclass
class YamlBestand:
    """Inhoud van één YAML-bestand met de regel (vanaf 1) van elk sleutelpad."""

    pad: Path
    inhoud: object
    regels: dict[Pad, int] = field(default_factory=dict)
    # Bij een samengevoegde variant: welk bestand een vervangen sleutel (en alles eronder) leverde.
    bronnen: dict[Pad, Path] = field(default_factory=dict)

    def bron(self, sleutelpad: Pad) -> Path:
        """Het bestand waar een sleutel vandaan komt: de variant die hem verving, anders dit bestand."""
        sleutelpad = tuple(sleutelpad)
        while sleutelpad not in self.bronnen and sleutelpad:
            sleutelpad = sleutelpad[:-1]
        return self.bronnen.get(sleutelpad, self.pad)

    def regel(self, sleutelpad: Pad) -> int:
        """De regel van het diepste bekende deel van het sleutelpad."""
        sleutelpad = tuple(sleutelpad)
        while sleutelpad not in self.regels and sleutelpad:
            sleutelpad = sleutelpad[:-1]
        return self.regels.get(sleutelpad, 1)

    def fout(self, sleutelpad: Pad, melding: str) -> Fout:
        return Fout(str(self.pad), self.regel(sleutelpad), toon_pad(sleutelpad), melding)


def toon_pad(sleutelpad: Pad) -> str:
    """`("baten", 0, "kengetal")` wordt `baten[1].kengetal`: elementen van een lijst tellen vanaf 1."""
    tekst = ""
    for deel in sleutelpad:
        if isinstance(deel, int):
            tekst += f"[{deel + 1}]"
        else:
            tekst += ("." if tekst else "") + str(deel)
    return tekst


class _Bouwer:
    """Zet YAML-knopen om in Python-waarden en verzamelt fouten in plaats van te stoppen."""

    def __init__(self, bestand: str):
        self.bestand = bestand
        self.regels: dict[Pad, int] = {}
        self.fouten: list[Fout] = []
        self._constructor = SafeConstructor()

    def fout(self, node, sleutelpad: Pad, melding: str) -> None:
        self.fouten.append(Fout(self.bestand, node.start_mark.line + 1, toon_pad(sleutelpad), melding))

    def bouw(self, node, sleutelpad: Pad = ()):
        self.regels.setdefault(sleutelpad, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            if node.tag != _TAG + "map":
                self.fout(node, sleutelpad, f"YAML-type {node.tag} wordt niet ondersteund")
                return {}
            return self._mapping(node, sleutelpad)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                self.fout(node, sleutelpad, f"YAML-type {node.tag} wordt niet ondersteund")
                return []
            return [self.bouw(kind, sleutelpad + (i,)) for i, kind in enumerate(node.value)]
        return self._scalar(node, sleutelpad)

    def _mapping(self, node: MappingNode, sleutelpad: Pad) -> dict:
        uit: dict = {}
        for sleutelnode, waardenode in node.value:
            if sleutelnode.tag == _TAG + "merge":
                self.fout(sleutelnode, sleutelpad, "samenvoegen met '<<' wordt niet ondersteund; schrijf de sleutels uit")
                continue
            if not isinstance(sleutelnode, ScalarNode):
                self.fout(sleutelnode, sleutelpad, "een sleutel moet een eenvoudige tekst zijn")
                continue
            sleutel = sleutelnode.value if sleutelnode.tag == _TAG + "str" else self._scalar(sleutelnode, sleutelpad)
            if isinstance(sleutel, (bool, type(None), Decimal)):
                sleutel = sleutelnode.value
            if sleutel in uit:
                eerste = self.regels[sleutelpad + (sleutel,)]
                self.fout(sleutelnode, sleutelpad + (sleutel,), f"sleutel '{sleutel}' staat dubbel (eerder op regel {eerste})")
                continue
            self.regels[sleutelpad + (sleutel,)] = sleutelnode.start_mark.line + 1
            uit[sleutel] = self.bouw(waardenode, sleutelpad + (sleutel,))
        return uit

    def _scalar(self, node: ScalarNode, sleutelpad: Pad):
        tag = node.tag
        if tag == _TAG + "str":
            return node.value
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
            return self._constructor.construct_yaml_int(node)
        if tag == _TAG + "bool":
            return self._constructor.construct_yaml_bool(node)
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "timestamp":
            return self._constructor.construct_yaml_timestamp(node)
        self.fout(node, sleutelpad, f"YAML-type {tag} wordt niet ondersteund")
        return node.value


# Stukjes van de meldingen van PyYAML en libyaml, met een Nederlandse uitleg.
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
    ("found unexpected end of stream", "het bestand houdt midden in een tekst op (ontbreekt een aanhalingsteken?)"),
)

# libyaml (als het er is) leest tien keer zo snel als de Python-versie; dezelfde veilige regels.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _vertaal(probleem: str | None, context: str | None) -> str:
    """De melding van de YAML-lezer, met een Nederlandse uitleg ervoor waar die bekend is."""
    engels = "; ".join(t for t in (context, probleem) if t) or "onleesbare YAML"
    for stukje, nederlands in _VERTALINGEN:
        if stukje in engels:
            return f"{nederlands} ({engels})"
    return engels


def lees_yaml(pad: Path) -> tuple[YamlBestand | None, list[Fout]]:
    """Leest één YAML-bestand. Geeft de inhoud met regelnummers, of de fouten."""
    naam = str(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Fout(naam, None, "", "het bestand is geen UTF-8-tekst")]
    except OSError as fout:
        return None, [Fout(naam, None, "", f"kan het bestand niet lezen ({fout.strerror})")]
    try:
        node = yaml.compose(tekst, Loader=_LOADER)
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        regel = mark.line + 1 if mark else None
        probleem = _vertaal(fout.problem, fout.context)
        return None, [Fout(naam, regel, "", f"YAML-syntaxfout: {probleem}")]
    except yaml.YAMLError as fout:
        return None, [Fout(naam, None, "", f"YAML-syntaxfout: {fout}")]
    if node is None:
        return None, [Fout(naam, 1, "", "het bestand is leeg")]
    bouwer = _Bouwer(naam)
    inhoud = bouwer.bouw(node)
    if bouwer.fouten:
        return None, bouwer.fouten
    return YamlBestand(pad, inhoud, bouwer.regels), []
