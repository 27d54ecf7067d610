"""Het gegevensmodel van een begroting: personeel, kosten per SJD-uur, eenmalige kosten en betalers.

Een begroting rekent met uren per week, weken per jaar en tarieven; de baten
komen uit de kosten-batenanalyse van een casussenmap (`casussen`). Het model
kent geen bestanden: of die map bestaat, controleert `invoer.begroting`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from kostenbaten.model.casus import METHODEN, Basis, Bedrag, Tekst

# Wie een kostenregel betaalt; de volgorde is die van de tabellen en het werkblad.
BETALERS = {
    "bibliotheek": "Bibliotheek",
    "sjd_organisatie": "SJD-organisatie",
    "gemeente": "Gemeente",
}

def _keuze(soort: str, toegestaan):
    def controleer(waarde: str) -> str:
        if waarde not in toegestaan:
            raise PydanticCustomError(
                "kb_keuze", "onbekende {soort} '{waarde}'; kies uit: {lijst}", {"soort": soort, "waarde": waarde, "lijst": ", ".join(toegestaan)}
            )
        return waarde

    return controleer


def _weken(waarde: Decimal) -> Decimal:
    if waarde > 53:
        raise PydanticCustomError("kb_weken", "een jaar heeft hoogstens 53 weken (gevonden: {waarde})", {"waarde": str(waarde)})
    return waarde


def _positief(waarde: Decimal) -> Decimal:
    if waarde <= 0:
        raise PydanticCustomError("kb_positief", "moet groter dan 0 zijn (gevonden: {waarde})", {"waarde": str(waarde)})
    return waarde


def _procent(waarde: Decimal) -> Decimal:
    if waarde > 100:
        raise PydanticCustomError("kb_procent", "hoogstens 100 (procent per jaar; gevonden: {waarde})", {"waarde": str(waarde)})
    return waarde


Weken = Annotated[Bedrag, AfterValidator(_weken)]
Procent = Annotated[Bedrag, AfterValidator(_procent)]
Betaler = Annotated[str, AfterValidator(_keuze("betaler", tuple(BETALERS)))]
KbaMethode = Annotated[str, AfterValidator(_keuze("methode", METHODEN))]
Aantal = Annotated[Bedrag, AfterValidator(_positief)]


class Personeelsregel(Basis):
    """Inzet van één functie: uren per week x weken per jaar x uurtarief."""

    naam: Tekst
    uren_per_week: Bedrag
    tarief: Bedrag  # euro per uur
    betaler: Betaler
    sjd: bool = False  # telt mee als SJD-uur voor de kosten per SJD-uur
    toelichting: Tekst | None = None


class SjdUurregel(Basis):
    """Kosten die meegroeien met de SJD-uren, zoals de project- en servicekosten van de KBA."""

    naam: Tekst
    tarief: Bedrag  # euro per SJD-uur
    betaler: Betaler
    toelichting: Tekst | None = None


class Eenmalig(Basis):
    """Een eenmalige uitgave in het eerste jaar, zoals een geluidsdichte cabine."""

    naam: Tekst
    bedrag: Bedrag
    betaler: Betaler
    toelichting: Tekst | None = None


class Begroting(Basis):
    naam: Tekst
    omschrijving: Tekst | None = None
    weken_per_jaar: Weken
    hulpvragen_per_jaar: Aantal
    casussen: Tekst | None = None  # casussenmap of variant met de KBA, relatief aan het begrotingsbestand
    kba_methode: KbaMethode = "rapport"
    personeel: Annotated[list[Personeelsregel], Field(min_length=1)]
    per_sjd_uur: list[SjdUurregel] = Field(default_factory=list)
    eenmalig: list[Eenmalig] = Field(default_factory=list)
    # Meer jaren: structurele kosten elk jaar (geïndexeerd), eenmalige in jaar 1, alles contant gemaakt.
    horizon: Annotated[int, Field(ge=1, le=100)] = 1  # jaren
    indexatie: Procent = Decimal(0)  # procent per jaar op de structurele kosten, vanaf jaar 2
    disconto: Procent | None = None  # discontovoet in procent per jaar; zonder: de MKBA-standaard (2,25)

    @model_validator(mode="after")
    def _sjd_uren_bij_sjd_kosten(self):
        if self.per_sjd_uur and not any(r.sjd for r in self.personeel):
            raise PydanticCustomError(
                "kb_sjd", "er zijn kosten per SJD-uur, maar geen personeelsregel met 'sjd: true'"
            )
        return self
