"""Het variantformaat: een klein bestand dat een casussenmap als basis neemt en alleen de genoemde velden vervangt.

Een variant noemt zijn basis (een casussenmap, relatief aan het variantbestand)
en vervangt daarin velden van de pilot, rechtsgebieden, tarieven, kengetallen
of casussen. Wat er niet in staat, blijft zoals in de basis. Een genoemd veld
wordt in zijn geheel vervangen: `bedrag: 700` vervangt ook een bereik.

De wijzigingsblokken zijn afgeleid van de modellen van `model.casus`: elk veld
mag, niets is verplicht, en de regels per veld (geen negatieve bedragen, een
kans tussen 0 en 1) gelden ook hier. Regels over meer velden tegelijk (zoals de
som van de aandelen) controleert `invoer.varianten` na het samenvoegen.
"""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, create_model

from kostenbaten.model.casus import Basis, Casus, Kengetal, Naam, Pilot, Rechtsgebied, Tarief, Tekst

# Velden die een variant niet vervangt: eigen blokken, of cijfers van het rapport
# die voor een variant niet gelden (een variant heeft geen gepubliceerde cijfers).
ZONDER_PILOT = ("naam", "omschrijving", "rechtsgebieden", "tarieven", "actoren", "kengetallen", "gepubliceerd", "errata")
ZONDER_CASUS = ("nummer", "gepubliceerd", "errata")


def als_wijziging(model: type[Basis], zonder: tuple[str, ...] = ()) -> type[Basis]:
    """Een model met dezelfde velden als `model` (min `zonder`), alle optioneel."""
    velden = {}
    for naam, veld in model.model_fields.items():
        if naam in zonder:
            continue
        soort = Annotated[(veld.annotation, *veld.metadata)] if veld.metadata else veld.annotation
        velden[naam] = (Optional[soort], Field(default=None, description=veld.description))
    return create_model(
        f"{model.__name__}Wijziging",
        __base__=Basis,
        __doc__=f"Velden van {model.__name__.lower()} die de variant vervangt; wat ontbreekt blijft zoals in de basis.",
        **velden,
    )


PilotWijziging = als_wijziging(Pilot, ZONDER_PILOT)
RechtsgebiedWijziging = als_wijziging(Rechtsgebied)
TariefWijziging = als_wijziging(Tarief)
KengetalWijziging = als_wijziging(Kengetal)
CasusWijziging = als_wijziging(Casus, ZONDER_CASUS)

# Blokken met benoemde onderdelen van de pilot, in de volgorde van pilot.yaml.
PILOTBLOKKEN = ("rechtsgebieden", "tarieven", "kengetallen")


class Variant(Basis):
    """Een scenario: een basis (casussenmap) plus de velden die anders zijn."""

    naam: Tekst = Field(description="Naam van de variant, zoals hij in `vergelijk` verschijnt.")
    omschrijving: Tekst | None = Field(default=None, description="Wat deze variant anders maakt en waarom.")
    basis: Tekst = Field(description="De casussenmap of variant waarop deze variant voortbouwt, relatief aan dit bestand (bijvoorbeeld ../hengelo).")
    pilot: PilotWijziging | None = Field(default=None, description="Velden van de pilot: hulpvragen, maanden_in_beeld, periode.")
    rechtsgebieden: dict[Naam, RechtsgebiedWijziging] = Field(default_factory=dict, description="Per bestaand rechtsgebied de velden die anders zijn.")
    tarieven: dict[Naam, TariefWijziging] = Field(default_factory=dict, description="Per bestaand tarief de velden die anders zijn.")
    kengetallen: dict[Naam, KengetalWijziging] = Field(default_factory=dict, description="Per bestaand kengetal de velden die anders zijn.")
    casussen: dict[Annotated[int, Field(ge=1)], CasusWijziging] = Field(
        default_factory=dict, description="Per casusnummer de velden die anders zijn, bijvoorbeeld de kans van slagen."
    )
