"""De kengetallenbank: eenheidsbedragen met bron, prijspeil, indexcategorie, betaler, soort en kwaliteitsgraad."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kostenbaten.model.casus import Basis, Geldbedrag, Getal, Jaar, Naam, Tekst

# De kwaliteitsgraden, van sterk naar zwak (docs/kengetallen.md).
GRADEN = ("A", "B", "C", "D")
GRAADNAMEN = {
    "A": "wettelijk tarief of gecontroleerde kostprijs",
    "B": "officiële evaluatie",
    "C": "ander onderzoek of grijze literatuur",
    "D": "aanname",
}
# De indexcategorieën: welke reeks een bedrag volgt bij omrekening per categorie.
INDEXCATEGORIEEN = ("cpi", "cao_lonen", "eigen")
METHODEN = ("tarief", "integrale_kostprijs", "bottom_up", "andere_evaluatie", "aanname")


class Bron(Basis):
    """Waar een lezer het bedrag terugvindt: titel, uitgever, jaar, plek in de bron en adres zoals gepubliceerd."""

    titel: Tekst
    uitgever: Tekst
    jaar: Jaar
    vindplaats: Tekst  # tabel, pagina, artikel of alinea
    adres: Tekst | None = None


class Bankpost(Basis):
    """Eén eenheidsbedrag uit de bank."""

    naam: Tekst
    bedrag: Geldbedrag
    min: Geldbedrag | None = None
    max: Geldbedrag | None = None
    eenheid: Tekst
    prijspeil: Jaar
    index: Literal["cpi", "cao_lonen", "eigen"]
    betaler: Naam
    soort: Literal["middelen", "overdracht"]
    # Bij een overdracht: wie het geld kwijt is als de betaler (`betaler`, als kengetal de actor die wint) het
    # niet hoeft te betalen; een kengetal met deze bankpost neemt het over als `van`.
    van: Naam | None = None
    methode: Literal["tarief", "integrale_kostprijs", "bottom_up", "andere_evaluatie", "aanname"]
    kwaliteit: Literal["A", "B", "C", "D"]
    bron: Bron
    toelichting: Tekst
    trefwoorden: list[Tekst] = Field(default_factory=list)
    # Sleutels van kengetallen in een pilot.yaml (zoals `nieuw` ze aanmaakt) die deze post kan vervangen.
    past_bij: list[Naam] = Field(default_factory=list)

    @model_validator(mode="after")
    def _samenhang(self):
        if self.min is not None and self.min > self.bedrag:
            raise PydanticCustomError("kb_bank", "'min' ({min}) is groter dan 'bedrag' ({b})", {"min": str(self.min), "b": str(self.bedrag)})
        if self.max is not None and self.max < self.bedrag:
            raise PydanticCustomError("kb_bank", "'max' ({max}) is kleiner dan 'bedrag' ({b})", {"max": str(self.max), "b": str(self.bedrag)})
        if self.van is not None and self.soort != "overdracht":
            raise PydanticCustomError("kb_bank", "'van' (wie betaalt) hoort alleen bij 'soort: overdracht'")
        if self.kwaliteit == "D" and self.methode != "aanname":
            raise PydanticCustomError("kb_bank", "een post met graad D is een aanname: zet 'methode: aanname' en geef de redenering in 'toelichting'")
        if self.methode == "aanname" and self.kwaliteit != "D":
            raise PydanticCustomError("kb_bank", "een aanname heeft graad D, niet {k}", {"k": self.kwaliteit})
        return self


class Discontovoet(Basis):
    """De discontovoet als gedateerde parameter met bron."""

    naam: Tekst
    procent: Getal
    geldig_vanaf: datetime.date
    toelichting: Tekst
    bron: Bron

    @property
    def fractie(self) -> Decimal:
        return self.procent / 100


class Parameters(Basis):
    discontovoet: Discontovoet


class Kengetallenbank(Basis):
    parameters: Parameters
    kengetallen: Annotated[dict[Naam, Bankpost], Field(min_length=1)]
