"""Het model van de uitkomstenkaart (`monitor.yaml`): de keten van het spreekuur en de indicatoren met hun doel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from kostenbaten.model.casus import Basis, Getal, Tekst
from kostenbaten.model.registratie import Koppeling, Registratie

# Wat een indicator uit de registratie kan berekenen (de kerncijfers van `berekening.monitor`).
BEREKENINGEN = (
    "hulpvragen", "contacten", "clienten", "doorverwezen_procent", "opgelost_procent", "opgelost_zonder_doorverwijzing_procent",
    "uren_per_hulpvraag", "tevredenheid_gemiddeld", "tevredenheid_respons_procent",
)
Berekening = Literal[
    "hulpvragen", "contacten", "clienten", "doorverwezen_procent", "opgelost_procent", "opgelost_zonder_doorverwijzing_procent",
    "uren_per_hulpvraag", "tevredenheid_gemiddeld", "tevredenheid_respons_procent", "handmatig",
]


class Uitkomsten(Basis):
    kort: list[Tekst] = Field(default_factory=list, description="Uitkomsten op korte termijn (bij de bezoeker, na het gesprek).")
    middellang: list[Tekst] = Field(default_factory=list, description="Uitkomsten op middellange termijn (maanden).")
    lang: list[Tekst] = Field(default_factory=list, description="Uitkomsten op lange termijn (jaren, maatschappelijk).")


class Keten(Basis):
    """De veranderketen: wat erin gaat, wat er gebeurt, wat eruit komt en wat dat oplevert."""

    input: list[Tekst] = Field(default_factory=list)
    activiteiten: list[Tekst] = Field(default_factory=list)
    output: list[Tekst] = Field(default_factory=list)
    uitkomsten: Uitkomsten = Field(default_factory=Uitkomsten)


class Indicator(Basis):
    naam: Tekst = Field(description="De naam zoals hij in de monitor staat.")
    schakel: Literal["input", "activiteiten", "output", "kort", "middellang", "lang"] = Field(description="Waar in de keten de indicator meet.")
    berekening: Berekening = Field(description="Hoe de waarde uit de registratie volgt, of 'handmatig' (per periode ingevuld, zoals een enquête).")
    doel: Getal = Field(description="Het doel per periode.")
    richting: Literal["minstens", "hoogstens"] = Field(default="minstens", description="Of de waarde het doel moet halen (minstens) of er niet boven mag (hoogstens).")
    waarden: dict[str, Getal] = Field(default_factory=dict, description="Bij 'handmatig': per periode (2022-K1, 2022-03 of 2022) de waarde.")
    toelichting: Tekst | None = None


class Uitkomstenkaart(Basis):
    """Hoe `kostenbaten monitor` het spreekuur toetst: de keten en per indicator het doel."""

    naam: Tekst = "Uitkomstenkaart"
    keten: Keten = Field(default_factory=Keten)
    indicatoren: list[Indicator] = Field(default_factory=list)


@dataclass(frozen=True)
class Export:
    """Eén gelezen export met de bibliotheek waartoe ze hoort."""

    bibliotheek: str
    registratie: Registratie
    koppeling: Koppeling
    namen: dict[str, str] = field(default_factory=dict)  # rechtsgebied -> leesbare naam
