"""Hulpvragen per rechtsgebied: uit het aandeel (procent), of exact uit het aantal dat de pilot telde.

Een rechtsgebied met `hulpvragen` (een aantal) heeft als aandeel de breuk
aantal / hulpvragen van de pilot. Die breuk loopt meestal oneindig door (98 van
410 is 23,9024390...%); wie haar als decimaal getal terug vermenigvuldigt, komt
net naast 98 uit. Daarom rekent deze module met het aantal zelf: bij de
hulpvragen van de pilot is het aantal precies het aantal, en bij een ander
aantal hulpvragen (een trekking, een gevoeligheid) eerst vermenigvuldigen en
dan één keer delen, als breuk.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from kostenbaten.geld import HONDERD, deel


def _breuk(gebied) -> Fraction:
    """Het aandeel van het rechtsgebied als exacte breuk van 0 tot 1."""
    if gebied.uit_telling:
        aantal, totaal, _ = gebied._telling
        return Fraction(aantal) / Fraction(totaal)
    return Fraction(gebied.aandeel.waarde) / 100


def _decimaal(breuk: Fraction) -> Decimal:
    return deel(Decimal(breuk.numerator), Decimal(breuk.denominator))


def hulpvragen(gebied, totaal: Decimal) -> Decimal:
    """De hulpvragen van dit rechtsgebied bij `totaal` hulpvragen: totaal x aandeel, met één deling."""
    if gebied.uit_telling and totaal == gebied._telling[1]:
        return gebied._telling[0]
    if not gebied.uit_telling:
        return deel(totaal * gebied.aandeel.waarde, HONDERD)
    return _decimaal(Fraction(totaal) * _breuk(gebied))


def dekking(pilot) -> Decimal:
    """De som van de aandelen in procenten, als één deling van de exacte som."""
    return _decimaal(sum((_breuk(g) for g in pilot.rechtsgebieden.values()), Fraction(0)) * 100)


def gedekt(pilot, totaal: Decimal) -> Decimal:
    """De hulpvragen in rechtsgebieden samen bij `totaal` hulpvragen (bij tellingen: de som van de aantallen)."""
    return _decimaal(Fraction(totaal) * sum((_breuk(g) for g in pilot.rechtsgebieden.values()), Fraction(0)))
