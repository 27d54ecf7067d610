"""Fouten in de invoer als gegevens: bestand, regel, sleutelpad en een Nederlandse melding."""

from __future__ import annotations

from typing import NamedTuple

# Afsluitcodes van de opdrachtregel.
EXIT_OK = 0
EXIT_AFWIJKING = 1  # controleer: een onverklaarde afwijking
EXIT_INVOERFOUT = 2  # de invoer klopt niet (de gebruiker kan het herstellen)
EXIT_INTERNE_FOUT = 3  # een fout in kostenbaten zelf
EXIT_ONDERBROKEN = 130


class Fout(NamedTuple):
    """Eén fout in de invoer. `regel` telt vanaf 1; `plek` vervangt de regel bij een werkblad."""

    bestand: str
    regel: int | None
    sleutelpad: str
    melding: str
    plek: str | None = None  # bijvoorbeeld "Invoer!C7" voor een Excel-cel

    def __str__(self) -> str:
        if self.plek:
            waar = f"{self.bestand}:{self.plek}"
        elif self.regel is not None:
            waar = f"{self.bestand}:{self.regel}"
        else:
            waar = self.bestand
        if self.sleutelpad:
            return f"{waar}: {self.sleutelpad}: {self.melding}"
        return f"{waar}: {self.melding}"


def _plek_volgorde(plek: str | None) -> tuple:
    """"Blad!C7" sorteert op blad, dan rij 7, dan kolom C (zodat B7 voor B10 komt)."""
    if not plek:
        return ()
    blad, _, cel = plek.rpartition("!")
    kolom = cel.rstrip("0123456789")
    rij = cel[len(kolom):]
    return (blad, int(rij) if rij.isdigit() else 0, len(kolom), kolom)


class InvoerFouten(Exception):
    """Alle fouten van één inleesronde samen; de opdrachtregel drukt ze af en stopt met code 2."""

    slotregel = "fout(en) in de invoer; er is niets berekend."

    def __init__(self, fouten: list[Fout]):
        self.fouten = sorted(fouten, key=lambda f: (f.bestand, f.regel or 0, _plek_volgorde(f.plek), f.sleutelpad))
        super().__init__("\n".join(str(f) for f in self.fouten))


class UitvoerFouten(InvoerFouten):
    """Een uitvoerbestand dat niet geschreven mag of kan worden (bestaat al, map ontbreekt)."""

    slotregel = "fout(en) bij het schrijven; er is niets geschreven."


class Gebruiksfout(Exception):
    """Een waarde op de opdrachtregel die niet klopt (een optie, een onbekend cijfer): één regel, code 2."""


class Afwijking(Exception):
    """`controleer` vond een onverklaarde afwijking: de opdrachtregel stopt met code 1."""


def bedoelt_u(naam: str, bekend) -> str | None:
    """De bekende naam die het meest lijkt op een onbekende (voor 'bedoelt u ...?'), of None."""
    import difflib

    return next(iter(difflib.get_close_matches(str(naam), list(bekend), n=1)), None)


def als_naam(tekst) -> str | None:
    """Een tekst als naam zoals kostenbaten ze schrijft: `cliënt` wordt `client`, `Bijzondere bijstand`
    wordt `bijzondere_bijstand` (kleine letters zonder accent, spaties als '_'); None als dat geen naam geeft."""
    import re
    import unicodedata

    if not isinstance(tekst, str):
        return None
    zonder_accent = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    naam = re.sub(r"[\s-]+", "_", zonder_accent.strip().lower())
    return naam if re.fullmatch(r"[a-z][a-z0-9_]*", naam) else None
