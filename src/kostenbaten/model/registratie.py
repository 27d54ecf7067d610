"""Het model van een vraagregistratie: de koppeling (kolommen en onderwerpen) en de gelezen hulpvragen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from kostenbaten.fouten import Fout
from kostenbaten.model.casus import Basis, Naam, Tekst

# De gegevens die een registratie kan hebben; datum en onderwerp zijn verplicht.
VERPLICHT = ("datum", "onderwerp")
NIET_VERPLICHT = ("doorverwezen", "opgelost", "uren", "doorverwezen_naar", "doorverwijzer", "tevredenheid", "client", "contacten", "id")
# Hoeveel uur één hulpvraag aannemelijk kost, als de koppeling niets anders zegt.
MAXIMUM_UREN = 40


class Kolommen(Basis):
    """Per gegeven de kolomkop in de export (hoofdletters en spaties eromheen tellen niet)."""

    datum: Tekst = Field(description="Kolom met de datum van de hulpvraag.")
    onderwerp: Tekst = Field(description="Kolom met het onderwerp zoals de bibliotheek het registreert.")
    doorverwezen: Tekst | None = Field(default=None, description="Kolom met ja/nee: doorverwezen naar een andere organisatie.")
    opgelost: Tekst | None = Field(default=None, description="Kolom met ja/nee: de vraag is opgelost.")
    uren: Tekst | None = Field(default=None, description="Kolom met de bestede uren.")
    doorverwezen_naar: Tekst | None = Field(
        default=None, description="Kolom met de organisatie waarnaar is doorverwezen (leeg: niet doorverwezen); de kolom doorverwezen mag ook zelf de naam bevatten."
    )
    doorverwijzer: Tekst | None = Field(default=None, description="Kolom met wie de bezoeker naar het spreekuur verwees (de doorverwijzer).")
    tevredenheid: Tekst | None = Field(default=None, description="Kolom met het cijfer voor tevredenheid (een getal, bijvoorbeeld 1 tot en met 10).")
    client: Tekst | None = Field(default=None, description="Kolom met een nummer per cliënt: geeft unieke cliënten en hulpvragen per cliënt.")
    contacten: Tekst | None = Field(default=None, description="Kolom met het aantal contacten (gesprekken) van deze regel; leeg telt als één.")
    id: Tekst | None = Field(default=None, description="Kolom met een nummer per hulpvraag: regels met hetzelfde nummer zijn contacten van één hulpvraag, en beslissen over dubbele regels tussen exports.")
    uitkomsten: Tekst | None = Field(
        default=None, description="Kolom met de uitkomstcodes van de hulpvraag (uit uitkomsten.yaml), meer codes gescheiden door ; of , (kostenbaten uitkomsten)."
    )
    bedragen: dict[Naam, Tekst] = Field(
        default_factory=dict,
        description="Per bedrag (een eigen naam, bijvoorbeeld vordering, uitkering_voor of uitkering_na) de kolom in de export met "
        "een bedrag in euro per hulpvraag; een effect in uitkomsten.yaml gebruikt het met 'kolom' (kostenbaten uitkomsten).",
    )
    doelgroepen: dict[Naam, Tekst] = Field(
        default_factory=dict, description="Per doelgroepkenmerk (een eigen naam, bijvoorbeeld leeftijd of wijk) de kolom in de export."
    )


class Verwijzing(Basis):
    """Wat een doorverwijzing naar deze organisatie kost: een kengetal uit pilot.yaml (een advocaat: een toevoeging voor het rijk)."""

    kengetal: Naam = Field(description="Kengetal uit pilot.yaml (soort middelen): het bedrag per doorverwijzing en de actor die het betaalt.")


class Koppeling(Basis):
    """Hoe `kostenbaten registratie` een export leest: de kolommen en de onderwerpwoorden per rechtsgebied."""

    kolommen: Kolommen
    onderwerpen: dict[Naam, list[Tekst]] = Field(
        description="Per rechtsgebied (de naam uit pilot.yaml) de eigen onderwerpwoorden; hoofdletters tellen niet."
    )
    doorverwijzingen: dict[Tekst, Verwijzing] = Field(
        default_factory=dict,
        description="Per organisatie zoals in de kolom doorverwezen (of doorverwezen_naar), hoofdletters tellen niet: de kosten van "
        "een doorverwijzing daarheen. `kostenbaten uitkomsten` boekt die als veroorzaakte kosten.",
    )
    maximum_uren: int = Field(
        default=MAXIMUM_UREN, ge=1, le=10000, description="Meer uren dan dit voor één hulpvraag is niet aannemelijk: zo'n regel telt niet mee voor de uren."
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

    def opzoektabel(self) -> dict[str, str]:
        """Per onderwerp (als `sleutel_onderwerp`) zijn rechtsgebied: één woordenboek, één keer gemaakt."""
        return {sleutel_onderwerp(w): gebied for gebied, woorden in self.onderwerpen.items() for w in woorden}

    def rechtsgebied(self, onderwerp: str) -> str | None:
        """Het rechtsgebied van een onderwerp uit de export, of None als de koppeling het niet kent."""
        return self.opzoektabel().get(sleutel_onderwerp(onderwerp))


def sleutel_onderwerp(tekst: str) -> str:
    """Een onderwerp zoals het vergeleken wordt: zonder hoofdletters en met enkele spaties."""
    return " ".join(str(tekst).split()).casefold()


class Hulpvraag(NamedTuple):
    """Eén soort gelezen rij van de export. Een leeg niet-verplicht veld is None.

    Twee rijen met dezelfde inhoud zijn gelijk: zo telt de lezer gelijke rijen als
    één soort met een aantal (`Registratie.soorten`), en vindt de monitor dezelfde
    rij in twee exports. Een NamedTuple: snel te maken en te vergelijken.
    """

    datum: date  # de dag, of de eerste dag van de maand (zie `lees_registratie`)
    onderwerp: str
    doorverwezen: bool | None = None
    opgelost: bool | None = None
    uren: Decimal | None = None
    naar: str | None = None  # de organisatie waarnaar is doorverwezen
    doorverwijzer: str | None = None
    tevredenheid: Decimal | None = None
    client: str | None = None
    contacten: int | None = None
    id: str | None = None
    doelgroepen: tuple[str | None, ...] = ()  # in de volgorde van koppeling.kolommen.doelgroepen


@dataclass(frozen=True)
class Registratie:
    """De gelezen export: de bruikbare hulpvragen en wat niet (of niet helemaal) gelezen kon worden."""

    bestand: str
    soorten: tuple[tuple[Hulpvraag, int], ...]  # elke verschillende rij met hoe vaak ze voorkomt, in volgorde van eerste regel
    meldingen: tuple[Fout, ...]
    kolommen: tuple[str, ...]  # de niet-verplichte gegevens waarvoor de export een kolom heeft
    blad: str | None = None  # het gelezen blad van een werkmap
    doelgroepen: tuple[str, ...] = ()  # de namen van de doelgroepkenmerken
    waarschuwingen: tuple[Fout, ...] = ()  # gelezen, maar het vermelden waard (verborgen bladen, gemengde codering)
    van: date | None = None  # de eerste en laatste dag met een getelde hulpvraag
    tot: date | None = None

    @property
    def aantal(self) -> int:
        return sum(n for _, n in self.soorten)
