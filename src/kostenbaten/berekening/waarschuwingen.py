"""Waar het bewijs dun is: waarschuwingen als gegevens, naast (nooit in plaats van) de uitkomst.

Elke waarschuwing is een onveranderlijk object met de getallen waar ze over
gaat; de zin erbij (met wat eraan te doen is) maakt `uitvoer/waarschuwingen.py`.
De grenzen staan hier als constanten, zodat docs en tests ze kunnen noemen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple, Union

from kostenbaten.berekening import rechtsgebieden
from kostenbaten.geld import deel, som, vermenigvuldig

MIN_CASUSSEN = 2  # per rechtsgebied
MIN_DEKKING = Decimal(50)  # procent van de hulpvragen
MAX_FACTOR_UREN = Decimal(2)  # begroting tegen casussen, beide kanten op
MIN_TREKKINGEN = 1000

# Een jaartal in de bron: 1900 tot en met 2099, als los getal ("KBA Hengelo (2023)").
_JAAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


# Elke soort is een NamedTuple (onveranderlijk en goedkoop om te laden: deze module laadt bij
# elke `bereken`); `soort` is de vaste sleutel in JSON, de velden zijn de getallen erbij.


class WeinigCasussen(NamedTuple):
    rechtsgebied: str
    naam: str
    casussen: tuple[int, ...]
    soort = "weinig_casussen"


class LageDekking(NamedTuple):
    dekking: Decimal  # procent van de hulpvragen in rechtsgebieden met een casus
    soort = "lage_dekking"


class BronZonderJaar(NamedTuple):
    kengetal: str
    naam: str
    bron: str
    soort = "bron_zonder_jaar"


class BegrotingUren(NamedTuple):
    sjd_uren_per_week: Decimal
    weken: Decimal
    hulpvragen: Decimal
    per_hulpvraag: Decimal  # SJD-uren per hulpvraag volgens de begroting
    casussen: Decimal  # gemiddelde SJD-uren van de casussen
    soort = "begroting_uren"


class OverdrachtZonderBetaler(NamedTuple):
    casus: int
    baat: int  # plek in 'baten', vanaf 1
    omschrijving: str
    plek: str | None = None  # `bestand:regel` van de baat, als de invoer die kent
    soort = "overdracht_zonder_betaler"


class WeinigTrekkingen(NamedTuple):
    trekkingen: int
    soort = "weinig_trekkingen"


class Werkmapmelding(NamedTuple):
    """Een cel van een casussenwerkmap die anders gelezen is dan ze eruitziet (een formule, een afgerond kommagetal)."""

    plek: str  # "Rechtsgebieden!D3"
    melding: str
    soort = "werkmap"


Waarschuwing = Union[WeinigCasussen, LageDekking, BronZonderJaar, BegrotingUren, WeinigTrekkingen, Werkmapmelding, OverdrachtZonderBetaler]


def over_casussen(pilot, casussen: Sequence, waar=None) -> tuple[Waarschuwing, ...]:
    """Rechtsgebieden op één casus, een lage dekking, kengetallen met een bron zonder jaar en overdrachten zonder betaler.

    `waar(casusnummer, sleutelpad)` geeft `bestand:regel` van een sleutel (of None), voor de plek in een melding.
    """
    uit: list[Waarschuwing] = []
    for sleutel, gebied in pilot.rechtsgebieden.items():
        nummers = tuple(c.nummer for c in casussen if c.rechtsgebied == sleutel)
        # Zonder casus en zonder aandeel telt een rechtsgebied niet mee; met aandeel weigert de invoercontrole het al.
        if 0 < len(nummers) < MIN_CASUSSEN:
            uit.append(WeinigCasussen(sleutel, gebied.naam, nummers))
    dekking = rechtsgebieden.dekking(pilot)
    if dekking < MIN_DEKKING:
        uit.append(LageDekking(dekking))
    for sleutel, kengetal in pilot.kengetallen.items():
        if not _JAAR.search(kengetal.bron):
            uit.append(BronZonderJaar(sleutel, kengetal.naam, kengetal.bron))
    uit += over_overdrachten(pilot, casussen, waar)
    return tuple(uit)


def over_overdrachten(pilot, casussen: Sequence, waar=None) -> list[Waarschuwing]:
    """Een overdracht zonder betaler (`van`): vaak een bedrag voor de cliënt zonder `soort`, uit oudere bestanden."""
    from kostenbaten.berekening.kba import soort_en_betaler

    actoren = pilot.alle_actoren
    uit: list[Waarschuwing] = []
    for casus in casussen:
        for i, baat in enumerate(casus.baten, start=1):
            if soort_en_betaler(baat, pilot, actoren) == ("overdracht", None):
                naam = baat.omschrijving or pilot.kengetallen[baat.kengetal].naam
                plek = waar(casus.nummer, ("baten", i - 1)) if waar is not None else None
                uit.append(OverdrachtZonderBetaler(casus.nummer, i, naam, plek))
    return uit


def over_begroting(begroting, sjd_uren_per_week: Decimal, casussen: Sequence) -> tuple[Waarschuwing, ...]:
    """SJD-uren per hulpvraag in de begroting tegen het gemiddelde van de casussen: meer dan een factor twee verschil."""
    if not casussen:
        return ()
    weken = begroting.weken_per_jaar
    hulpvragen = begroting.hulpvragen_per_jaar
    per_hulpvraag = deel(vermenigvuldig(sjd_uren_per_week, weken), hulpvragen)
    gemiddeld = deel(som(c.uren.waarde for c in casussen), len(casussen))
    if per_hulpvraag <= 0 or gemiddeld <= 0:
        return ()
    if per_hulpvraag > vermenigvuldig(gemiddeld, MAX_FACTOR_UREN) or gemiddeld > vermenigvuldig(per_hulpvraag, MAX_FACTOR_UREN):
        return (BegrotingUren(sjd_uren_per_week, weken, hulpvragen, per_hulpvraag, gemiddeld),)
    return ()


def over_trekkingen(trekkingen: int) -> tuple[Waarschuwing, ...]:
    return (WeinigTrekkingen(trekkingen),) if trekkingen < MIN_TREKKINGEN else ()


