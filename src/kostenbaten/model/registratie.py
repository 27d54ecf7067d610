"""Het model van een vraagregistratie: de koppeling (kolommen en onderwerpen) en de gelezen hulpvragen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from kostenbaten.model.casus import Basis, Naam, Tekst

# De gegevens die een registratie kan hebben; datum en onderwerp zijn verplicht.
VERPLICHT = ("datum", "onderwerp")
NIET_VERPLICHT = ("doorverwezen", "opgelost", "uren")


class Kolommen(Basis):
    """Per gegeven de kolomkop in de export (hoofdletters en spaties eromheen tellen niet)."""

    datum: Tekst = Field(description="Kolom met de datum van de hulpvraag.")
    onderwerp: Tekst = Field(description="Kolom met het onderwerp zoals de bibliotheek het registreert.")
    doorverwezen: Tekst | None = Field(default=None, description="Kolom met ja/nee: doorverwezen naar een andere organisatie.")
    opgelost: Tekst | None = Field(default=None, description="Kolom met ja/nee: de vraag is opgelost.")
    uren: Tekst | None = Field(default=None, description="Kolom met de bestede uren.")


class Koppeling(Basis):
    """Hoe `kostenbaten registratie` een export leest: de kolommen en de onderwerpwoorden per rechtsgebied."""

    kolommen: Kolommen
    onderwerpen: dict[Naam, list[Tekst]] = Field(
        description="Per rechtsgebied (de naam uit pilot.yaml) de eigen onderwerpwoorden; hoofdletters tellen niet."
    )

    @field_validator("onderwerpen")
    @classmethod
    def _elk_woord_eenmaal(cls, onderwerpen):
        gezien: dict[str, str] = {}
        for gebied, woorden in onderwerpen.items():
            for woord in woorden:
                sleutel = sleutel_onderwerp(woord)
                if sleutel in gezien and gezien[sleutel] != gebied:
                    raise PydanticCustomError(
                        "kb_dubbel_onderwerp",
                        "onderwerp '{woord}' staat bij {eerste} en bij {tweede}; een onderwerp hoort bij één rechtsgebied",
                        {"woord": woord, "eerste": gezien[sleutel], "tweede": gebied},
                    )
                gezien[sleutel] = gebied
        return onderwerpen

    def rechtsgebied(self, onderwerp: str) -> str | None:
        """Het rechtsgebied van een onderwerp uit de export, of None als de koppeling het niet kent."""
        sleutel = sleutel_onderwerp(onderwerp)
        for gebied, woorden in self.onderwerpen.items():
            if any(sleutel_onderwerp(w) == sleutel for w in woorden):
                return gebied
        return None


def sleutel_onderwerp(tekst: str) -> str:
    """Een onderwerp zoals het vergeleken wordt: zonder hoofdletters en met enkele spaties."""
    return " ".join(str(tekst).split()).casefold()


@dataclass(frozen=True)
class Hulpvraag:
    """Eén gelezen rij van de export. Een leeg niet-verplicht veld is None."""

    regel: int  # rij in het bestand, vanaf 1 (de kopregel is rij 1)
    datum: date
    onderwerp: str
    doorverwezen: bool | None = None
    opgelost: bool | None = None
    uren: Decimal | None = None


@dataclass(frozen=True)
class Melding:
    """Een rij (of één waarde in een rij) die niet meetelt, met de plek: `bestand:regel` of `bestand:Blad!B7`."""

    bestand: str
    regel: int
    plek: str | None  # de cel bij een werkmap
    melding: str


@dataclass(frozen=True)
class Registratie:
    """De gelezen export: de bruikbare hulpvragen en wat niet (of niet helemaal) gelezen kon worden."""

    bestand: str
    hulpvragen: tuple[Hulpvraag, ...]
    meldingen: tuple[Melding, ...]
    kolommen: tuple[str, ...]  # de niet-verplichte gegevens waarvoor de export een kolom heeft
