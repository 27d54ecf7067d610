"""Het gegevensmodel van pilots en casussen: strikte pydantic-modellen, onveranderlijk.

De modellen kennen geen bestanden en geen uitvoer. Controles die meer dan één
bestand raken (bestaat dit kengetal, staat een casusnummer dubbel) doet
`invoer.casussen`; hier staan de regels binnen één bestand.

Zonder `from __future__ import annotations`: pydantic hoeft de annotaties dan niet
uit tekst te evalueren, wat het laden van deze module (bij elke opdracht) zo'n
2 ms scheelt. Een model verwijst daarom alleen naar modellen die erboven staan.
"""

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from kostenbaten.geld import bedrag, buiten_grenzen
from kostenbaten.tekens import eerste_verboden
from kostenbaten.tekens import melding as teken_melding
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, field_validator, model_validator
from pydantic_core import PydanticCustomError

# -- getallen ------------------------------------------------------------------


# 1.400, 1.400,50 of 0,5: Nederlandse notatie die YAML als tekst leest.
_NEDERLANDS_GETAL = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})*,[0-9]+$|^-?[0-9]{1,3}(\.[0-9]{3})+$")


def _tekst_als_getal(tekst: str) -> str:
    """De melding voor tekst waar een getal hoort, met een tip voor de bekendste Nederlandse schrijfwijzen."""
    kaal = tekst.strip()
    euroteken = kaal.startswith("€")
    kaal = kaal.removeprefix("€").strip()
    zonder_euro = " en laat het €-teken weg" if euroteken else ""
    if _NEDERLANDS_GETAL.match(kaal):
        if "." in kaal:
            return "'{tekst}' is geen getal: schrijf zonder duizendtalpunt en met een punt als decimaalteken (bijvoorbeeld 1400 of 0.5)" + zonder_euro
        return "'{tekst}' is geen getal: gebruik een punt als decimaalteken (bijvoorbeeld 0.5)" + zonder_euro
    if euroteken and kaal.replace(".", "", 1).lstrip("-").isdigit():
        return "'{tekst}' is geen getal: laat het €-teken weg"
    return "moet een getal zijn, niet de tekst '{tekst}'"


def _als_decimal(waarde):
    """Accepteert een geheel getal of Decimal uit de YAML binnen de grenzen van `geld`; tekst, ja/nee en float niet."""
    if type(waarde) is int:
        getal = _GEHELE_GETALLEN.get(waarde)
        if getal is not None:  # al eens binnen de grenzen bevonden
            return getal
    getal = _als_decimal_onbegrensd(waarde)
    reden = buiten_grenzen(getal)
    if reden:
        tekst = f"{getal:f}" if -20 < getal.adjusted() < 40 else str(getal)  # zoals geschreven, maar nooit honderden nullen
        raise PydanticCustomError("kb_grenzen", "'{waarde}' " + reden, {"waarde": tekst})
    if type(waarde) is int and len(_GEHELE_GETALLEN) < 10_000:
        _GEHELE_GETALLEN[waarde] = getal
    return getal


# Een Decimal is onveranderlijk: dezelfde gehele getallen (uren, maanden, bedragen) uit duizenden casussen delen één object.
_GEHELE_GETALLEN: dict[int, Decimal] = {}


def _als_decimal_onbegrensd(waarde):
    if isinstance(waarde, bool):
        raise PydanticCustomError("kb_getal", "moet een getal zijn, niet ja/nee")
    if isinstance(waarde, int):
        return bedrag(waarde)
    if isinstance(waarde, Decimal):
        return waarde
    if isinstance(waarde, float):  # alleen mogelijk bij gebruik als bibliotheek
        return Decimal(str(waarde))
    if isinstance(waarde, str):
        raise PydanticCustomError("kb_getal", _tekst_als_getal(waarde), {"tekst": waarde})
    raise PydanticCustomError("kb_getal", "moet een getal zijn")


def _niet_negatief(waarde: Decimal) -> Decimal:
    if waarde < 0:
        raise PydanticCustomError("kb_negatief", "mag niet negatief zijn (gevonden: {waarde})", {"waarde": str(waarde)})
    return waarde


def _percentage(waarde: Decimal) -> Decimal:
    if not 0 <= waarde <= 100:
        raise PydanticCustomError("kb_percentage", "moet een percentage van 0 tot en met 100 zijn (gevonden: {waarde})", {"waarde": str(waarde)})
    return waarde


def _kans(waarde: Decimal) -> Decimal:
    if not 0 <= waarde <= 1:
        raise PydanticCustomError("kb_kans", "moet een kans van 0 tot en met 1 zijn (gevonden: {waarde})", {"waarde": str(waarde)})
    return waarde


# `json_schema_input_type`: het JSON Schema voor editors toont wat in de YAML mag
# staan (een getal), niet wat pydantic van Decimal maakt (getal of tekst).
Getal = Annotated[Decimal, BeforeValidator(_als_decimal, json_schema_input_type=float)]
Bedrag = Annotated[Decimal, BeforeValidator(_als_decimal, json_schema_input_type=float), AfterValidator(_niet_negatief)]
def _zichtbare_tekst(waarde: str) -> str:
    """Geen stuur-, niet- of richtingtekens (zie `tekens`): ook tekst uit een werkmap komt zo schoon in het model."""
    teken = eerste_verboden(waarde)
    if teken:
        raise PydanticCustomError("kb_teken", teken_melding(teken))
    return waarde


Tekst = Annotated[str, Field(min_length=1), AfterValidator(_zichtbare_tekst)]
Naam = Annotated[str, Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")]
Jaar = Annotated[int, Field(ge=1900, le=2200)]  # een prijspeil: het jaar waarin een bedrag is uitgedrukt

# De groepen van de verdeling: de cliënt, de overheid (met de bibliotheek en de SJD-organisatie,
# die publiek gefinancierd zijn) en de overige partijen (woningcorporatie, schuldeiser,
# zorgverzekeraar, werkgever en elke eigen actor die geen van beide is).
GROEPEN = ("client", "overheid", "overig")

# Wat een baat voor de samenleving is (docs/methode.md, "Maatschappelijk saldo"):
# middelen: een besparing van middelen (een vermeden kost), telt in het maatschappelijk saldo;
# overdracht: geld dat van de ene partij (`van`) naar de andere gaat, telt in het saldo voor nul;
# breder_economisch: bestedings- of multipliereffecten, apart getoond en nooit in het saldo.
SOORTEN_BAAT = ("middelen", "overdracht", "breder_economisch")
SoortBaat = Literal["middelen", "overdracht", "breder_economisch"]

# De langste looptijd van een maandbedrag: honderd jaar (docs/formaat.md).
MAX_MAANDEN = 1200


class Basis(BaseModel):
    """Gemeenschappelijke instelling: strikt, onbekende sleutels zijn een fout, onveranderlijk."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


# -- onzekere invoer -------------------------------------------------------------


def _lijst_als_tuple(waarde):
    return tuple(waarde) if isinstance(waarde, list) else waarde


class Onzeker(Basis):
    """Een invoerwaarde met eventueel een bereik.

    In YAML staat gewoon een getal (`uren: 2`) of een blok met de meest
    waarschijnlijke waarde en een bereik: `{waarde: 2, min: 1, max: 4}` (driehoek)
    of `{waarde: 800, interval_90: [600, 1000]}` (90%-interval). De berekening
    gebruikt `waarde`; alleen `onzekerheid` gebruikt het bereik.
    """

    waarde: Bedrag
    min: Bedrag | None = None
    max: Bedrag | None = None
    # YAML geeft een lijst; het strikte model wil een tuple van precies twee.
    interval_90: Annotated[tuple[Bedrag, Bedrag], BeforeValidator(_lijst_als_tuple)] | None = None

    @model_validator(mode="after")
    def _bereik_klopt(self):
        if (self.min is None) != (self.max is None):
            raise PydanticCustomError("kb_bereik", "geef zowel 'min' als 'max', of geen van beide")
        if self.min is not None and self.interval_90 is not None:
            raise PydanticCustomError("kb_bereik", "geef 'min'/'max' of 'interval_90', niet allebei")
        if self.min is not None and not self.min <= self.waarde <= self.max:
            raise PydanticCustomError("kb_bereik", "'waarde' moet tussen 'min' en 'max' liggen")
        if self.interval_90 is not None and not self.interval_90[0] <= self.waarde <= self.interval_90[1]:
            raise PydanticCustomError("kb_bereik", "'waarde' moet binnen 'interval_90' liggen")
        return self

    @property
    def heeft_bereik(self) -> bool:
        return self.min is not None or self.interval_90 is not None


def _als_onzeker(waarde):
    if isinstance(waarde, dict):
        return waarde
    return {"waarde": waarde}


def _percentage_onzeker(o: Onzeker) -> Onzeker:
    for w in (o.waarde, o.min, o.max, *(o.interval_90 or ())):
        if w is not None:
            _percentage(w)
    return o


def _kans_onzeker(o: Onzeker) -> Onzeker:
    for w in (o.waarde, o.min, o.max, *(o.interval_90 or ())):
        if w is not None:
            _kans(w)
    return o


# Een los getal of een blok met bereik; het JSON Schema laat beide toe.
_GETAL_OF_BEREIK = BeforeValidator(_als_onzeker, json_schema_input_type=float | Onzeker)
def _geheel_onzeker(o: Onzeker) -> Onzeker:
    if o.waarde != o.waarde.to_integral_value():
        tip = "; een punt is geen duizendtalscheiding: schrijf 1300, niet 1.300" if o.waarde.as_tuple().exponent == -3 else ""
        raise PydanticCustomError("kb_geheel", "moet een geheel aantal zijn (gevonden: {waarde})" + tip, {"waarde": str(o.waarde)})
    return o


def _hoogstens_centen(waarde: Decimal) -> Decimal:
    """Een bedrag met drie cijfers achter de punt (1.614) is bijna altijd een Nederlands duizendtal."""
    if waarde.as_tuple().exponent < -2:
        raise PydanticCustomError(
            "kb_centen",
            "'{tekst}' heeft meer dan twee cijfers achter de punt: schrijf duizendtallen zonder punt "
            "(bijvoorbeeld 1614); een bedrag heeft hoogstens twee decimalen (centen)",
            {"tekst": str(waarde)},
        )
    return waarde


def _geld_onzeker(o: Onzeker) -> Onzeker:
    for w in (o.waarde, o.min, o.max, *(o.interval_90 or ())):
        if w is not None:
            _hoogstens_centen(w)
    return o


Invoer = Annotated[Onzeker, _GETAL_OF_BEREIK]
Geld = Annotated[Onzeker, _GETAL_OF_BEREIK, AfterValidator(_geld_onzeker)]  # euro's: hoogstens centen
Geldbedrag = Annotated[Decimal, BeforeValidator(_als_decimal, json_schema_input_type=float), AfterValidator(_hoogstens_centen)]
Percentage = Annotated[Onzeker, _GETAL_OF_BEREIK, AfterValidator(_percentage_onzeker)]
Kans = Annotated[Onzeker, _GETAL_OF_BEREIK, AfterValidator(_kans_onzeker)]
Aantal = Annotated[Onzeker, _GETAL_OF_BEREIK, AfterValidator(_geheel_onzeker)]


# -- aanpassingen op baten --------------------------------------------------------


class Aanpassing(Onzeker):
    """Een fractie (0-1) waarmee een baat kleiner wordt, met de reden en de bron.

    `{waarde: 0.2, reden: ..., bron: ...}`; een bereik (`min`/`max` of
    `interval_90`) mag erbij, net als bij andere onzekere invoer.
    """

    reden: Tekst
    bron: Tekst  # een publicatie, of eerlijk: "aanname"


AanpassingKans = Annotated[Aanpassing, AfterValidator(_kans_onzeker)]


class Aanpassingen(Basis):
    """Correcties op de bruto baat zoals in een SROI-waardekaart; alle standaard 0.

    deadweight: deel dat ook zonder het spreekuur was gebeurd;
    attributie: deel dat aan anderen toe te schrijven is;
    verdringing: deel dat alleen verschoven is (elders of naar later);
    afname: deel dat elk volgend jaar wegvalt (drop-off) bij meerjarige baten.
    """

    deadweight: AanpassingKans | None = None
    attributie: AanpassingKans | None = None
    verdringing: AanpassingKans | None = None
    afname: AanpassingKans | None = None


class Optimisme(Basis):
    """Correctie voor optimisme (optimism bias): een opslag op de kosten en een korting op de baten, in procenten."""

    opslag_kosten: Invoer | None = None  # procent bovenop elke kostenpost; mag boven 100
    korting_baten: Percentage | None = None  # procent van elke baat, na de andere aanpassingen
    reden: Tekst
    bron: Tekst
    # De klasse van vergelijkbare projecten waar de opslag vandaan komt; de opslag is bedoeld voor geraamde kosten.
    referentieklasse: Tekst | None = None
    kosten: Literal["geraamd", "gerealiseerd"] | None = None  # zijn de kosten vooraf geraamd of achteraf gemeten?


# -- pilot ---------------------------------------------------------------------


class Periode(Basis):
    van: date
    tot: date

    @model_validator(mode="after")
    def _volgorde(self):
        if self.tot < self.van:
            raise PydanticCustomError("kb_periode", "'tot' ligt voor 'van'")
        return self


class Rechtsgebied(Basis):
    """Een rechtsgebied met zijn aandeel in procenten, of zijn aantal hulpvragen (dan volgt het aandeel exact)."""

    naam: Tekst
    aandeel: Percentage | None = None  # procent van alle hulpvragen
    hulpvragen: Annotated[int, Field(ge=0)] | None = None  # of: het aantal hulpvragen in dit rechtsgebied (van de hulpvragen van de pilot)
    omschrijving: Tekst | None = None
    # Gezet door `Pilot` bij een aantal: (aantal, totaal, het daaruit berekende aandeel); nooit uit de YAML.
    _telling: object = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _aandeel_of_aantal(self):
        if self.aandeel is None and self.hulpvragen is None:
            raise PydanticCustomError("kb_rechtsgebied", "geef het aandeel (procent) of het aantal hulpvragen van dit rechtsgebied")
        return self

    @property
    def uit_telling(self) -> bool:
        """Of het aandeel uit het aantal hulpvragen volgt (en niet gewijzigd is, zoals `gevoeligheid` doet)."""
        return self._telling is not None and self.aandeel is not None and self.aandeel.waarde == self._telling[2]


class Tarief(Basis):
    naam: Tekst
    per_uur: Geld  # euro per SJD-uur
    betaler: Naam = "overheid"  # actor die deze kosten draagt
    omschrijving: Tekst | None = None
    prijspeil: Jaar | None = None  # het jaar waarin `per_uur` is uitgedrukt; `--prijspeil` indexeert het


class Actor(Basis):
    naam: Tekst
    groep: Literal["client", "overheid", "overig"]
    omschrijving: Tekst | None = None


class Kengetal(Basis):
    naam: Tekst
    bedrag: Geld | None = None  # de vermeden kosten per geval; of `per_maand` met `maanden`, zoals bij een baat
    per_maand: Geld | None = None
    maanden: Annotated[int, Field(ge=1, le=MAX_MAANDEN)] | None = None
    actor: Naam  # wie de vermeden kosten bespaart
    bron: Tekst
    omschrijving: Tekst | None = None
    aanpassingen: Aanpassingen | None = None  # gelden voor elke baat met dit kengetal
    prijspeil: Jaar | None = None  # het jaar waarin `bedrag` is uitgedrukt; `--prijspeil` indexeert het
    kwaliteit: Literal["A", "B", "C", "D"] | None = None  # graad van de bron (docs/kengetallen.md); zonder: D
    bankpost: Naam | None = None  # de post in de kengetallenbank waar dit bedrag vandaan komt
    index: Literal["cpi", "cao_lonen", "eigen"] | None = None  # reeks bij --prijsindex per-categorie; zonder: die van de bankpost, anders cpi
    soort: SoortBaat = "middelen"  # zonder: een vermeden kost (een besparing van middelen)
    van: Naam | None = None  # bij een overdracht: wie betaalt

    @model_validator(mode="after")
    def _van_bij_overdracht(self):
        _controleer_van(self.soort, self.van)
        if (self.bedrag is None) == (self.per_maand is None):
            raise PydanticCustomError("kb_kengetal", "geef precies één van 'bedrag' of 'per_maand'")
        if self.per_maand is not None and self.maanden is None:
            raise PydanticCustomError("kb_kengetal", "bij 'per_maand' hoort 'maanden' (de looptijd)")
        if self.maanden is not None and self.per_maand is None:
            raise PydanticCustomError("kb_kengetal", "'maanden' hoort alleen bij 'per_maand'")
        return self

    @property
    def veld(self) -> str:
        """Het veld met het bedrag: 'bedrag' (per geval) of 'per_maand'."""
        return "bedrag" if self.bedrag is not None else "per_maand"

    @property
    def invoer(self) -> Onzeker:
        """Het bedrag zoals ingevoerd (per geval of per maand), met zijn bereik."""
        return self.bedrag if self.bedrag is not None else self.per_maand


def _controleer_van(soort: str | None, van: str | None) -> None:
    if van is not None and soort != "overdracht":
        raise PydanticCustomError("kb_van", "'van' (wie betaalt) hoort alleen bij 'soort: overdracht'")


class GepubliceerdPilot(Basis):
    """Cijfers zoals het rapport ze drukt; `controleer` vergelijkt ze met de berekening."""

    gemiddelde_netto: Geldbedrag | None = None
    gedekt: Getal | None = None
    totaal: Geldbedrag | None = None
    client: Geldbedrag | None = None
    overheid: Geldbedrag | None = None
    aandeel_client: Getal | None = None
    aandeel_overheid: Getal | None = None
    bron: Tekst | None = None


# Ingebouwde actoren: een casus mag ze noemen zonder ze in pilot.yaml te declareren;
# een pilot mag ze onder dezelfde sleutel een andere naam of omschrijving geven.
# Drie groepen: de cliënt, de overheid (ook de bibliotheek en de SJD-organisatie, die
# publiek gefinancierd zijn) en de overige partijen, zoals de woningcorporatie en de
# schuldeiser (zie docs/formaat.md, "Actoren"). Een pilot die de tweedeling van een
# rapport volgt, zet zo'n partij in pilot.yaml in de groep overheid (zoals Hengelo).
# Vaste, al geldige waarden: `model_construct` slaat de validatie over, die anders bij
# het laden van deze module het hele validatieschema van Actor zou bouwen.
STANDAARD_ACTOREN = {
    "client": Actor.model_construct(naam="Cliënt", groep="client"),
    "gemeente": Actor.model_construct(naam="Gemeente", groep="overheid", omschrijving="Bijzondere bijstand, schuldhulpverlening, Wmo."),
    "rijk": Actor.model_construct(naam="Rijk", groep="overheid", omschrijving="Raad voor Rechtsbijstand, rechtspraak, Belastingdienst, UWV."),
    "schuldeiser": Actor.model_construct(naam="Schuldeiser", groep="overig", omschrijving="Schuldeisers en deurwaarders (vermeden incasso- en deurwaarderskosten)."),
    "zorgverzekeraar": Actor.model_construct(naam="Zorgverzekeraar", groep="overig", omschrijving="Vermeden zorgkosten die de zorgverzekering draagt."),
    "woningcorporatie": Actor.model_construct(naam="Woningcorporatie", groep="overig", omschrijving="Vermeden huurachterstand, ontruiming en incasso."),
    "werkgever": Actor.model_construct(naam="Werkgever", groep="overig", omschrijving="Vermeden verzuim en loonbeslag."),
    # De betalers van een begroting; als actor betalen ze de SJD-uren of de servicekosten van een tarief.
    "bibliotheek": Actor.model_construct(naam="Bibliotheek", groep="overheid", omschrijving="Eigen personeel, huisvesting en andere faciliteiten van het spreekuur."),
    "sjd_organisatie": Actor.model_construct(naam="SJD-organisatie", groep="overheid", omschrijving="De organisatie van de sociaal-juridisch dienstverlener (projectkosten)."),
    "overheid": Actor.model_construct(naam="Overheid", groep="overheid"),
}


class Pilot(Basis):
    naam: Tekst
    omschrijving: Tekst | None = None
    periode: Periode
    hulpvragen: Aantal
    maanden_in_beeld: Annotated[int, Field(ge=1)] = 12  # het rapport telt alleen het lopende jaar
    # De casussen zijn uitgewerkt uit een aselecte steekproef van hulpvragen (`kostenbaten steekproef`), niet gekozen;
    # de extrapolatie zegt het dan. Zonder (of false): gekozen casussen, zoals in Hengelo.
    steekproef: bool = Field(default=False, description="true als de casussen uit een aselecte steekproef van hulpvragen komen (kostenbaten steekproef).")
    # Geregistreerde SJD-uren per hulpvraag (uit een vraagregistratie, `registratie --variant`): dan zijn de kosten
    # van het hele programma deze uren x alle hulpvragen x de tarieven, in plaats van het gemiddelde van de casussen.
    uren_per_hulpvraag: Invoer | None = None
    rechtsgebieden: Annotated[dict[Naam, Rechtsgebied], Field(min_length=1)]
    tarieven: Annotated[dict[Naam, Tarief], Field(min_length=1)]
    actoren: dict[Naam, Actor] = Field(default_factory=dict)
    kengetallen: dict[Naam, Kengetal] = Field(default_factory=dict)
    gepubliceerd: GepubliceerdPilot | None = None
    errata: dict[Naam, Tekst] = Field(default_factory=dict)
    aanpassingen: Aanpassingen | None = None  # gelden voor elke baat van de pilot
    optimisme: Optimisme | None = None  # opslag op alle kosten, korting op alle baten
    discontovoet: Annotated[Getal, Field(gt=-100, le=100)] | None = None  # procent per jaar voor contante waarden; zonder: de standaard uit de kengetallenbank

    @model_validator(mode="after")
    def _aandelen_uit_tellingen(self):
        """Een rechtsgebied met een aantal krijgt het exacte aandeel (aantal / hulpvragen x 100, op 50 cijfers)."""
        from fractions import Fraction

        from kostenbaten.geld import HONDERD, afronden_op_decimalen, deel

        totaal = self.hulpvragen.waarde
        for sleutel, gebied in list(self.rechtsgebieden.items()):
            if gebied.hulpvragen is None:
                continue
            aantal = bedrag(gebied.hulpvragen)
            if totaal <= 0 or aantal > totaal:
                raise PydanticCustomError(
                    "kb_aantallen",
                    "rechtsgebied '{sleutel}' heeft {aantal} hulpvragen, meer dan de {totaal} hulpvragen van de pilot",
                    {"sleutel": sleutel, "aantal": str(aantal), "totaal": str(totaal)},
                )
            exact = deel(aantal * HONDERD, totaal)
            if gebied.aandeel is not None:
                # Samen moeten ze kloppen: het exacte aandeel, afgerond op de decimalen van het opgegeven aandeel.
                gegeven = gebied.aandeel.waarde
                decimalen = max(0, -gegeven.as_tuple().exponent)
                if Fraction(aantal) * 100 / Fraction(totaal) != Fraction(gegeven) and afronden_op_decimalen(exact, decimalen) != gegeven:
                    raise PydanticCustomError(
                        "kb_aantallen",
                        "rechtsgebied '{sleutel}': {aantal} van {totaal} hulpvragen is {exact}%, niet het opgegeven aandeel van {gegeven}%; "
                        "geef het aantal of het aandeel, of laat ze kloppen",
                        {"sleutel": sleutel, "aantal": str(aantal), "totaal": str(totaal), "exact": str(afronden_op_decimalen(exact, 4)), "gegeven": str(gegeven)},
                    )
            nieuw = gebied.model_copy(update={"aandeel": Onzeker.model_construct(waarde=exact, min=None, max=None, interval_90=None)})
            nieuw._telling = (aantal, totaal, exact)
            self.rechtsgebieden[sleutel] = nieuw
        if any(g.hulpvragen is not None for g in self.rechtsgebieden.values()):
            samen = sum((Fraction(g.hulpvragen) * 100 / Fraction(totaal) if g.hulpvragen is not None else Fraction(g.aandeel.waarde) for g in self.rechtsgebieden.values()), Fraction(0))
            if samen > 100:
                raise PydanticCustomError(
                    "kb_aandelen", "de rechtsgebieden tellen samen meer hulpvragen dan de {totaal} hulpvragen van de pilot (meer dan 100%)", {"totaal": str(totaal)}
                )
        return self

    @field_validator("rechtsgebieden")
    @classmethod
    def _aandelen_tellen_op(cls, rechtsgebieden):
        # Een aandeel uit een aantal volgt pas na de hele pilot (`_aandelen_uit_tellingen`); de som van aantallen meldt `invoer`.
        totaal = sum((r.aandeel.waarde for r in rechtsgebieden.values() if r.aandeel is not None), Decimal(0))
        if totaal > 100:
            raise PydanticCustomError(
                "kb_aandelen", "de aandelen van de rechtsgebieden tellen op tot {totaal}%, meer dan 100%", {"totaal": str(totaal)}
            )
        return rechtsgebieden

    @property
    def alle_actoren(self) -> dict[str, Actor]:
        return {**STANDAARD_ACTOREN, **self.actoren}


# -- casus ----------------------------------------------------------------------


class Baat(Basis):
    """Eén gemonetariseerde baat: een kengetal, een vast bedrag of een maandbedrag met looptijd."""

    omschrijving: Tekst | None = None
    kengetal: Naam | None = None
    bedrag: Geld | None = None
    per_maand: Geld | None = None
    maanden: Annotated[int, Field(ge=1, le=MAX_MAANDEN)] | None = None
    actor: Naam | None = None
    aanpassingen: Aanpassingen | None = None  # alleen voor deze baat
    prijspeil: Jaar | None = None  # jaar van `bedrag` of `per_maand`; zonder: het jaar waarin de pilot eindigt (aanname)
    # Zonder: die van het kengetal; een eigen bedrag voor een actor buiten de cliënt is een vermeden
    # kost, een eigen bedrag voor de cliënt een overdracht van een onbekende betaler (met een waarschuwing).
    soort: SoortBaat | None = None
    van: Naam | None = None  # bij een overdracht: wie betaalt; maakt een baat zonder soort een overdracht

    @model_validator(mode="after")
    def _een_soort(self):
        if self.soort is not None:  # zonder soort maakt 'van' de baat een overdracht
            _controleer_van(self.soort, self.van)
        soorten = [s for s in ("kengetal", "bedrag", "per_maand") if getattr(self, s) is not None]
        if len(soorten) != 1:
            raise PydanticCustomError("kb_baat", "geef precies één van 'kengetal', 'bedrag' of 'per_maand'")
        if self.per_maand is not None and self.maanden is None:
            raise PydanticCustomError("kb_baat", "bij 'per_maand' hoort 'maanden' (de looptijd)")
        if self.maanden is not None and self.per_maand is None:
            raise PydanticCustomError("kb_baat", "'maanden' hoort alleen bij 'per_maand'")
        if self.kengetal is not None and self.prijspeil is not None:
            raise PydanticCustomError("kb_baat", "'prijspeil' hoort bij 'bedrag' of 'per_maand'; het prijspeil van een kengetal staat in pilot.yaml")
        if self.kengetal is None:
            if self.omschrijving is None:
                raise PydanticCustomError("kb_baat", "een baat zonder kengetal heeft een 'omschrijving' nodig")
            if self.actor is None:
                raise PydanticCustomError("kb_baat", "een baat zonder kengetal heeft een 'actor' nodig (wie wint: client, overheid, ...)")
        return self


class GepubliceerdCasus(Basis):
    kosten: Geldbedrag | None = None
    baten: Geldbedrag | None = None
    netto: Geldbedrag | None = None
    client: Geldbedrag | None = None
    overheid: Geldbedrag | None = None
    bron: Tekst | None = None


class Casus(Basis):
    nummer: Annotated[int, Field(ge=1)]
    titel: Tekst
    rechtsgebied: Naam
    omschrijving: Tekst | None = None
    uren: Invoer  # SJD-uren (spreekuur en nazorg)
    kans: Kans | None = None  # kans van slagen; zonder kans telt de baat volledig
    baten: list[Baat] = Field(default_factory=list)
    effecten: list[Tekst] = Field(default_factory=list)  # niet in geld uitgedrukt
    gepubliceerd: GepubliceerdCasus | None = None
    errata: dict[Naam, Tekst] = Field(default_factory=dict)
    aanpassingen: Aanpassingen | None = None  # gelden voor elke baat van deze casus


CIJFERS_CASUS = ("kosten", "baten", "netto", "client", "overheid")
# De twee manieren van extrapoleren: het vlakke gemiddelde van het rapport, en gewogen per rechtsgebied.
METHODEN = ("rapport", "gewogen")

CIJFERS_PILOT = ("gemiddelde_netto", "gedekt", "totaal", "client", "overheid", "aandeel_client", "aandeel_overheid")
