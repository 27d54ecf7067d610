"""Het model van de waardekaart (`uitkomsten.yaml`) en van een tabel met getelde uitkomsten.

De waardekaart zegt per uitkomstcode wat die uitkomst waard is: een of meer
effecten (een besparing van middelen, een overdracht van de een naar de ander, of
een kost die de uitkomst veroorzaakt) en het contrafeitelijke: de kans dat het
zonder het spreekuur ook gebeurd was, met een bron of als aanname.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, NamedTuple

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from kostenbaten.model.casus import Basis, Geldbedrag, Jaar, Naam, Tekst, _als_decimal

# De hulpvragen met een onderwerp dat de koppeling niet kent: hun uitkomsten tellen wel, onder deze naam.
ZONDER_RECHTSGEBIED = "zonder_rechtsgebied"

Procent = Annotated[Decimal, BeforeValidator(_als_decimal, json_schema_input_type=float), Field(ge=0, le=100)]
SoortEffect = Literal["middelen", "overdracht", "geinduceerd"]


class Effect(Basis):
    """Wat één keer deze uitkomst oplevert of kost: via een kengetal van pilot.yaml, een eigen bedrag met bron,
    of het bedrag per hulpvraag uit een kolom van de registratie (`kolom`, eventueel min `min_kolom`, maal `maanden`)."""

    omschrijving: Tekst | None = None
    kengetal: Naam | None = Field(default=None, description="Kengetal uit pilot.yaml: bedrag, actor, soort (middelen of overdracht), van en bron komen daarvandaan.")
    kolom: Naam | None = Field(
        default=None, description="Bedrag per hulpvraag uit de registratie: de naam van een bedrag onder kolommen.bedragen in de koppeling (of onder bedragen in de telling)."
    )
    min_kolom: Naam | None = Field(default=None, description="Bij 'kolom': min dit bedrag per hulpvraag (bijvoorbeeld de uitkering na min die ervoor).")
    maanden: Annotated[int, Field(ge=1, le=600)] | None = Field(default=None, description="Bij 'kolom': het bedrag is per maand en telt zoveel maanden.")
    soort: SoortEffect | None = Field(default=None, description="middelen (vermeden kost), overdracht (van de een naar de ander) of geinduceerd (een kost die de uitkomst veroorzaakt).")
    bedrag: Geldbedrag | None = Field(default=None, description="Euro per keer dat de uitkomst voorkomt.")
    actor: Naam | None = Field(default=None, description="Wie bespaart, ontvangt (overdracht) of betaalt (geinduceerd).")
    van: Naam | None = Field(default=None, description="Bij een overdracht: wie betaalt.")
    bron: Tekst | None = Field(default=None, description="Waar het bedrag vandaan komt, of 'aanname'.")
    prijspeil: Jaar | None = Field(default=None, description="Het jaar waarin het bedrag is uitgedrukt.")
    kwaliteit: Literal["A", "B", "C", "D"] | None = Field(
        default=None, description="Kwaliteitsgraad van een eigen bedrag (docs/kengetallen.md); zonder: D, een aanname. Bij een kengetal: die van het kengetal."
    )

    @model_validator(mode="after")
    def _kengetal_of_eigen_bedrag(self):
        eigen = {k: getattr(self, k) for k in ("soort", "bedrag", "actor", "van", "bron", "prijspeil", "kolom", "kwaliteit") if getattr(self, k) is not None}
        if self.kengetal is not None:
            if eigen:
                raise PydanticCustomError("kb_effect", "een effect met een kengetal neemt bedrag, actor, soort en bron van het kengetal; laat {velden} weg", {"velden": ", ".join(eigen)})
        if self.kolom is None:
            bij_kolom = [k for k in ("min_kolom", "maanden") if getattr(self, k) is not None]
            if bij_kolom:
                raise PydanticCustomError("kb_effect", "{velden} hoort bij een bedrag uit een kolom ('kolom: <naam>')", {"velden": ", ".join(bij_kolom)})
        if self.kengetal is not None:
            return self
        if self.kolom is not None and self.bedrag is not None:
            raise PydanticCustomError("kb_effect", "geef een bedrag per keer of een kolom met het bedrag per hulpvraag, niet allebei")
        nodig = ("soort", "actor", "bron", "prijspeil") if self.kolom is not None else ("soort", "bedrag", "actor", "bron", "prijspeil")
        ontbreekt = [k for k in nodig if getattr(self, k) is None]
        if ontbreekt:
            raise PydanticCustomError(
                "kb_effect", "geef een kengetal, of soort, bedrag (of kolom), actor, bron en prijspeil; hier ontbreekt {velden}", {"velden": ", ".join(ontbreekt)}
            )
        if (self.soort == "overdracht") != (self.van is not None):
            raise PydanticCustomError("kb_effect", "'van' (wie betaalt) hoort bij een overdracht, en alleen daar")
        return self


class Contrafeitelijk(Basis):
    """De kans (procent) dat de uitkomst zonder het spreekuur ook was bereikt."""

    kans: Procent
    bron: Tekst = Field(description="De bron van de kans, of 'aanname'.")


class Uitkomst(Basis):
    omschrijving: Tekst
    contrafeitelijk: Contrafeitelijk
    effecten: Annotated[list[Effect], Field(min_length=1)]


class Waardekaart(Basis):
    """uitkomsten.yaml: per uitkomstcode de effecten en het contrafeitelijke; attributie voor alle uitkomsten samen."""

    attributie: Procent = Field(default=Decimal(0), description="Procent van de waarde dat aan anderen dan het spreekuur toekomt (andere hulp, eigen inzet).")
    attributie_bron: Tekst | None = None
    minimale_volledigheid: Procent = Field(default=Decimal(50), description="Onder dit procent hulpvragen met een geregistreerde uitkomst volgt een waarschuwing.")
    uitkomsten: Annotated[dict[Naam, Uitkomst], Field(min_length=1)]


class Uitkomstentelling(Basis):
    """Een tabel met getelde uitkomsten, voor wie geen export per hulpvraag heeft: per rechtsgebied per code het aantal."""

    hulpvragen: Annotated[int, Field(ge=1)] = Field(description="Alle hulpvragen in de periode.")
    met_uitkomst: Annotated[int, Field(ge=0)] = Field(description="Hulpvragen met ten minste één geregistreerde uitkomst.")
    tellingen: dict[Naam, dict[Naam, Annotated[int, Field(ge=0)]]] = Field(description="Per rechtsgebied per uitkomstcode het aantal.")
    bedragen: dict[Naam, dict[Naam, dict[Naam, Geldbedrag]]] = Field(
        default_factory=dict,
        description="Waar bekend: per rechtsgebied per uitkomstcode per bedrag (de naam die een effect bij 'kolom' noemt) de som over die hulpvragen, in euro.",
    )
    doorverwezen: dict[Naam, dict[Tekst, Annotated[int, Field(ge=0)]]] = Field(
        default_factory=dict,
        description="Per rechtsgebied per organisatie het aantal doorverwezen hulpvragen; de kosten per doorverwijzing staan in de koppeling (doorverwijzingen).",
    )

    @model_validator(mode="after")
    def _niet_meer_dan_alle(self):
        if self.met_uitkomst > self.hulpvragen:
            raise PydanticCustomError("kb_telling", "met_uitkomst ({m}) is meer dan hulpvragen ({h})", {"m": self.met_uitkomst, "h": self.hulpvragen})
        return self


class Telling(NamedTuple):
    """Getelde uitkomsten: per rechtsgebied per code het aantal, en hoeveel hulpvragen een uitkomst hebben."""

    bron: str  # "registratie" (regels per hulpvraag) of "telling" (een tabel met aantallen)
    bestand: str
    hulpvragen: int
    met_uitkomst: int
    aantallen: dict[str, dict[str, int]]  # rechtsgebied -> code -> aantal
    # rechtsgebied -> code -> bedrag (naam uit kolommen.bedragen) -> som over de hulpvragen met die code en dat bedrag
    bedragen: dict[str, dict[str, dict[str, Decimal]]] = {}
    zonder_bedrag: dict[str, dict[str, int]] = {}  # code -> bedrag -> hulpvragen met die code zonder dat bedrag
    kolommen: tuple[str, ...] = ()  # de namen van de bedragen die de registratie of de telling kent
    doorverwezen: dict[str, dict[str, int]] = {}  # rechtsgebied -> organisatie (zoals in de koppeling) -> doorverwezen hulpvragen
    verwijskosten: dict[str, str] = {}  # organisatie -> kengetal uit pilot.yaml (koppeling.doorverwijzingen)
