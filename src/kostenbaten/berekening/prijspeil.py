"""Bedragen naar één prijspeil: indexcijfers uit jaarmutaties en de omrekening, exact in Decimal.

    index[startjaar] = 100
    index[t]         = index[t - 1] x (1 + jaarmutatie[t] / 100)
    bedrag in jaar N = bedrag in jaar B x index[N] / index[B]

De indexcijfers zijn exacte producten (op de 100 cijfers van de rekencontext
van `geld`: voor een reeks jaarmutaties met één decimaal over tientallen jaren
is dat exact); alleen de ene deling door index[B] gebeurt op de ruime precisie
van `geld.deel`. Afronden doet pas de uitvoer.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from kostenbaten.geld import HONDERD, deel, vermenigvuldig

if TYPE_CHECKING:  # het model van een reeks laadt pas als er echt omgerekend wordt
    from kostenbaten.model.prijsindex import Prijsindex


class Indexering(NamedTuple):
    """Hoe één bedrag naar het gevraagde prijspeil is omgerekend, voor de uitleg."""

    oorspronkelijk: Decimal  # het bedrag zoals in de invoer, op zijn eigen prijspeil
    van: int  # prijspeil in de invoer
    naar: int  # het gevraagde prijspeil
    index_van: Decimal
    index_naar: Decimal
    reeks: str  # naam van de prijsindex
    voorbeeld: bool  # een voorbeeldreeks, geen echte cijfers
    indexplekken: tuple[str, ...]  # bestand:regel in de indexreeks van beide jaren
    bron: str  # bron van de reeks
    categorie: str = "alle"  # cpi, cao_lonen of eigen bij omrekening per categorie; "alle" bij één reeks
    terugval: bool = False  # categorie 'eigen' zonder eigen reeks: omgerekend met de CPI
    aanname: bool = False  # het prijspeil stond er niet bij: het jaar waarin de pilot eindigt is aangenomen

    @property
    def factor(self) -> Decimal:
        return deel(self.index_naar, self.index_van)

    @property
    def bedrag(self) -> Decimal:
        return omgerekend(self.oorspronkelijk, self.index_van, self.index_naar)


def indexcijfers(reeks: Prijsindex) -> dict[int, Decimal]:
    """Het indexcijfer van elk jaar van de reeks (startjaar = 100), exact als product van de jaarmutaties."""
    index = {reeks.startjaar: HONDERD}
    for mutatie in reeks.jaarmutaties:  # het model eist de volgorde startjaar + 1, + 2, ...
        # Gewoon `*` in de rekencontext van `geld` (100 cijfers): reeksen met één decimaal blijven zo exact.
        index[mutatie.jaar] = index[mutatie.jaar - 1] * (1 + mutatie.procent / HONDERD)
    return index


def omgerekend(bedrag: Decimal, index_van: Decimal, index_naar: Decimal) -> Decimal:
    """bedrag x index[naar] / index[van]: eerst vermenigvuldigen (exact), dan één deling."""
    if index_van == index_naar:
        return bedrag
    return deel(vermenigvuldig(bedrag, index_naar), index_van)


def omrekeningen_casussen(casussen) -> dict[str, Indexering]:
    """Welke bedragen uit de casussen (cliëntbedragen en andere vaste of maandbedragen) zijn omgerekend, op plek."""
    uit = {}
    for casus in casussen:
        for i, baat in enumerate(casus.baten):
            if baat._indexering is not None:
                uit[f"casus-{casus.nummer}.baten[{i}]"] = baat._indexering
    return uit


def omrekeningen(pilot) -> dict[str, Indexering]:
    """Welke tarieven en kengetallen van een (omgerekende) pilot naar een ander prijspeil zijn gebracht, op sleutelpad."""
    uit = {}
    for blok in ("tarieven", "kengetallen"):
        for naam, onderdeel in getattr(pilot, blok).items():
            if onderdeel._indexering is not None:
                uit[f"{blok}.{naam}"] = onderdeel._indexering
    return uit


def alle_omrekeningen(pilot) -> dict[str, Indexering]:
    """Tarieven, kengetallen en de bedragen uit de casussen die naar een ander prijspeil zijn gebracht, op plek."""
    return {**omrekeningen(pilot), **(pilot._casusomrekeningen or {})}
