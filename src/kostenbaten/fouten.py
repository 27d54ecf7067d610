"""Fouten in de invoer als gegevens: een plek (bestand met regel of cel), een sleutelpad en een Nederlandse melding."""

from __future__ import annotations

from typing import NamedTuple

# Afsluitcodes van de opdrachtregel.
EXIT_OK = 0
EXIT_AFWIJKING = 1  # controleer: een onverklaarde afwijking
EXIT_INVOERFOUT = 2  # de invoer klopt niet (de gebruiker kan het herstellen)
EXIT_INTERNE_FOUT = 3  # een fout in kostenbaten zelf
EXIT_ONDERBROKEN = 130


class Plek(NamedTuple):
    """Waar iets in de invoer staat: een bestand met een regel (vanaf 1), of een bestand met een cel ("Blad!C7").

    Als tekst `bestand:regel` of `bestand:Blad!C7` (een cel gaat voor een regel), anders alleen het bestand.
    """

    bestand: str
    regel: int | None = None
    cel: str | None = None

    def __str__(self) -> str:
        if self.cel:
            return f"{self.bestand}:{self.cel}"
        if self.regel is not None:
            return f"{self.bestand}:{self.regel}"
        return self.bestand

    def volgorde(self) -> tuple:
        """Sorteert op bestand, regel, dan de cel ("Blad!B7" voor "Blad!B10")."""
        return (self.bestand, self.regel or 0, _cel_volgorde(self.cel))


class Fout(NamedTuple):
    """Eén fout in de invoer: waar (`Plek`), het sleutelpad (mag leeg zijn) en een Nederlandse melding."""

    plek: Plek
    sleutelpad: str
    melding: str

    @property
    def bestand(self) -> str:
        return self.plek.bestand

    @property
    def regel(self) -> int | None:
        return self.plek.regel

    @property
    def cel(self) -> str | None:
        return self.plek.cel

    def __str__(self) -> str:
        if self.sleutelpad:
            return f"{self.plek}: {self.sleutelpad}: {self.melding}"
        return f"{self.plek}: {self.melding}"


def _cel_volgorde(cel: str | None) -> tuple:
    """"Blad!C7" sorteert op blad, dan rij 7, dan kolom C (zodat B7 voor B10 komt)."""
    if not cel:
        return ()
    blad, _, cel = cel.rpartition("!")
    kolom = cel.rstrip("0123456789")
    rij = cel[len(kolom):]
    return (blad, int(rij) if rij.isdigit() else 0, len(kolom), kolom)


class InvoerFouten(Exception):
    """Alle fouten van één inleesronde samen; de opdrachtregel drukt ze af en stopt met code 2."""

    slotregel = "fout(en) in de invoer; er is niets berekend."

    def __init__(self, fouten: list[Fout]):
        self.fouten = sorted(fouten, key=lambda f: (*f.plek.volgorde(), f.sleutelpad))
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
