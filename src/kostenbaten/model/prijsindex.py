"""Het formaat van een prijsindexreeks: jaarmutaties per jaar, elk met zijn bron, waaruit de indexcijfers volgen."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kostenbaten.model.casus import Basis, Getal, Jaar, Tekst


class Jaarmutatie(Basis):
    """De prijsverandering van een jaar ten opzichte van het jaar ervoor, in procent, met de bron van dat cijfer."""

    jaar: Jaar
    procent: Getal
    bron: Tekst

    @field_validator("procent")
    @classmethod
    def _boven_min_honderd(cls, procent):
        if procent <= -100:
            raise PydanticCustomError("kb_mutatie", "een jaarmutatie moet groter zijn dan -100 procent (gevonden: {p})", {"p": str(procent)})
        return procent


class Prijsindex(Basis):
    """Een prijsindex als gegevens: `startjaar` heeft index 100, elk volgend jaar volgt uit zijn jaarmutatie.

    Zo staat in het bestand precies wat de bron publiceert (de jaarmutatie in
    procenten) en rekent `kostenbaten` de indexcijfers daaruit exact uit.
    """

    naam: Tekst
    bron: Tekst
    voorbeeld: bool = Field(default=False, description="true: een verzonnen voorbeeldreeks, geen echte cijfers; de uitvoer meldt dat.")
    toelichting: Tekst | None = None
    startjaar: Jaar = Field(description="Het jaar met index 100; de jaarmutaties beginnen het jaar erna.")
    # Een lijst, geen blok met jaartallen als sleutel: zo wijst een melding naar het goede element.
    jaarmutaties: Annotated[list[Jaarmutatie], Field(min_length=1)]

    @model_validator(mode="after")
    def _aaneengesloten(self):
        jaren = [m.jaar for m in self.jaarmutaties]
        verwacht = list(range(self.startjaar + 1, self.startjaar + 1 + len(jaren)))
        if jaren != verwacht:
            raise PydanticCustomError(
                "kb_reeks",
                "de jaarmutaties moeten op volgorde en zonder gat lopen van {eerste} (het jaar na 'startjaar') "
                "tot het laatste jaar; gevonden: {jaren}",
                {"eerste": str(self.startjaar + 1), "jaren": ", ".join(map(str, jaren))},
            )
        return self
