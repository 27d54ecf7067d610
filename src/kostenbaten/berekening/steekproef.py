"""Een gestratificeerde aselecte steekproef van hulpvragen, om casussen uit te werken.

Elk rechtsgebied krijgt een deel van de steekproef naar zijn aandeel in de
registratie (proportioneel gestratificeerd). Het quotum n x N_g / N is meestal
geen heel getal; de verdeling volgt de methode van de grootste overschotten
(Hamilton): eerst krijgt elk rechtsgebied het hele deel van zijn quotum, daarna
gaan de overgebleven plaatsen één voor één naar de rechtsgebieden met het
grootste overschot achter de komma. Bij een gelijk overschot gaat de plaats naar
het rechtsgebied met de meeste hulpvragen, en daarna naar het eerste in de
volgorde van de koppeling.

Binnen elk rechtsgebied trekt een pseudo-toevalsgenerator met een vast zaad
(Python `random.Random(zaad)`, de Mersenne Twister) zonder teruglegging; de
rechtsgebieden komen in de volgorde van de koppeling aan de beurt. Hetzelfde
zaad op dezelfde export geeft dus dezelfde steekproef.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Stratum:
    """Eén rechtsgebied: hulpvragen in de registratie, het exacte quotum en het getrokken aantal."""

    rechtsgebied: str  # de sleutel uit de koppeling
    naam: str
    hulpvragen: int
    quotum: Fraction  # n x hulpvragen / totaal, exact
    getrokken: int


@dataclass(frozen=True)
class SteekproefRij:
    """Eén getrokken hulpvraag: volgnummer, rechtsgebied, plek in de export en de waarden van de rij."""

    nr: int
    rechtsgebied: str
    regel: int  # de regel (CSV) of rij (werkmap) in de export
    datum: str  # de datum als 2021-06-14
    waarden: tuple[str, ...]  # de velden van de rij, in de volgorde van `Steekproef.kop`


@dataclass(frozen=True)
class Steekproef:
    bestand: str
    koppeling: str
    zaad: int
    n: int
    totaal: int  # hulpvragen met een rechtsgebied: de populatie waaruit getrokken is
    zonder_rechtsgebied: int  # hulpvragen met een onderwerp dat de koppeling niet kent: niet in de trekking
    strata: tuple[Stratum, ...]
    kop: tuple[str, ...]
    rijen: tuple[SteekproefRij, ...]
    blad: str | None = None
    onderwerpkolom: int | None = None  # de plaats van het onderwerp in `kop`


def verdeel(aantallen: dict[str, int], n: int) -> dict[str, tuple[Fraction, int]]:
    """Per rechtsgebied (in de gegeven volgorde) het exacte quotum en het aantal plaatsen (grootste overschotten)."""
    totaal = sum(aantallen.values())
    if not 0 <= n <= totaal:
        raise ValueError(f"n={n} ligt niet tussen 0 en {totaal}")
    quota = {g: Fraction(n * a, totaal) for g, a in aantallen.items()} if totaal else {g: Fraction(0) for g in aantallen}
    plaatsen = {g: int(q) for g, q in quota.items()}  # int() van een positieve breuk rondt naar beneden af
    over = n - sum(plaatsen.values())
    volgorde = list(aantallen)
    rangorde = sorted(volgorde, key=lambda g: (-(quota[g] - plaatsen[g]), -aantallen[g], volgorde.index(g)))
    for g in rangorde[:over]:
        plaatsen[g] += 1
    return {g: (quota[g], plaatsen[g]) for g in volgorde}


def trek(aantallen: dict[str, int], plaatsen: dict[str, int], zaad: int) -> dict[str, list[int]]:
    """Per rechtsgebied de getrokken posities (0 tot aantal, oplopend) binnen dat rechtsgebied."""
    generator = random.Random(zaad)
    return {g: sorted(generator.sample(range(aantallen[g]), plaatsen[g])) for g in aantallen}
