"""Welke tekens niet in tekst van een gebruiker horen: stuurtekens, niet-tekens en richtingtekens.

Zulke tekens zie je niet, maar ze doen wel iets: een ESC-reeks stuurt de
terminal aan (het klembord schrijven, een link vermommen), U+202E keert een
naam om in HTML, PDF en terminal, en U+FFFE maakt een .xlsx tot ongeldige XML.
De invoer weigert ze (met bestand en regel of cel); `notatie.zichtbaar` toont
ze, waar tekst van buiten toch op het scherm komt, als `\\x1b` of `\\u202e`.
Tab en regeleinde mogen in tekst.
"""

from __future__ import annotations

import re

# C0 (behalve tab en regeleinde), DEL en C1; losse surrogaten; richtingtekens (inbedding, overschrijving,
# isolatie); de niet-tekens U+FDD0-U+FDEF en de laatste twee van elk vlak (U+FFFE, U+FFFF, U+1FFFE, ...).
_NIET_TEKENS = "".join(f"{chr(v * 0x10000 + 0xFFFE)}{chr(v * 0x10000 + 0xFFFF)}" for v in range(17))
VERBODEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef" + _NIET_TEKENS + "]"
)

# In een bestand is CR een regeleinde (Windows); in een tekst (een YAML-escape "\r", een cel) niet.
VERBODEN_IN_BESTAND = re.compile(VERBODEN.pattern.replace("\x0b-\x1f", "\x0b\x0c\x0e-\x1f"))


def zeker_zonder_verboden(tekst: str) -> bool:
    """Snelle voortoets voor een heel bestand: True als `VERBODEN_IN_BESTAND` er zeker niets in vindt.

    Elk teken dat die uitdrukking zoekt, is voor Python niet afdrukbaar (`str.isprintable`); zonder
    tab en regeleinden is een gewoon bestand dat wel. Die toets kost een fractie van de zoektocht
    (bij 10.000 casusbestanden 0,4 s). False zegt niets: dan zoekt de uitdrukking zelf.
    """
    return tekst.replace("\n", "").replace("\r", "").replace("\t", "").isprintable()


def soort(teken: str) -> str:
    """Het soort teken in woorden, voor een melding: `stuurteken U+001B`."""
    code = ord(teken)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        wat = "richtingteken"
    elif 0xD800 <= code <= 0xDFFF:
        wat = "los surrogaat"
    elif code < 0xA0:
        wat = "stuurteken"
    else:
        wat = "niet-teken"
    return f"{wat} U+{code:04X}"


def eerste_verboden(tekst: str) -> str | None:
    """Het eerste teken dat niet in tekst hoort, of None."""
    if tekst.isprintable():  # het gewone geval snel: elk verboden teken is niet afdrukbaar
        return None
    gevonden = VERBODEN.search(tekst)
    return gevonden.group() if gevonden else None


def melding(teken: str) -> str:
    """De melding bij een verboden teken in een tekst."""
    return f"bevat een onzichtbaar {soort(teken)}, dat niet in tekst hoort; verwijder het (typ de tekst opnieuw)"


# Wat bij het tonen ook zichtbaar wordt gemaakt, naast VERBODEN: de regelscheiders van Unicode (U+2028, U+2029)
# en de onzichtbare opmaaktekens (categorie Cf, zoals U+200B), die in een export wel kunnen staan.
_ONZICHTBAAR_EXTRA = re.compile("[\u2028\u2029\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def zichtbaar(tekst: str) -> str:
    """Tekst van buiten (een export, een bestandsnaam, een melding) veilig voor de terminal en een document: elk
    stuur-, niet-, richting- of onzichtbaar opmaakteken wordt zichtbaar als `\\x1b`, `\\u202e` of `\\U0001fffe`;
    tab en regeleinde blijven. De enige plek voor dit ontsnappen."""
    if tekst.isascii() and tekst.isprintable():
        return tekst
    tekst = VERBODEN.sub(lambda m: ascii(m.group())[1:-1], tekst)
    return _ONZICHTBAAR_EXTRA.sub(lambda m: ascii(m.group())[1:-1], tekst)
