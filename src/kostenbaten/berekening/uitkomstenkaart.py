"""De uitkomstenkaart getoetst: per indicator en per periode de waarde, het doel en of het gehaald is.

Een indicator die de registratie niet kan berekenen (geen kolom voor tevredenheid,
of 'handmatig' zonder ingevulde waarde), wordt genoemd met de reden, nooit stil
overgeslagen.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kostenbaten.model.monitor import Uitkomstenkaart

# Waarom een kerncijfer ontbreekt: de kolom die de export ervoor nodig heeft.
_NODIG = {
    "contacten": "een kolom voor het nummer van de hulpvraag (id) of voor het aantal contacten",
    "clienten": "een kolom voor het cliëntnummer (client)",
    "doorverwezen_procent": "een kolom doorverwezen",
    "opgelost_procent": "een kolom opgelost",
    "opgelost_zonder_doorverwijzing_procent": "de kolommen doorverwezen en opgelost",
    "uren_per_hulpvraag": "een kolom uren met ingevulde uren",
    "tevredenheid_gemiddeld": "een kolom tevredenheid met ingevulde cijfers",
    "tevredenheid_respons_procent": "een kolom tevredenheid",
}


@dataclass(frozen=True)
class Stand:
    periode: str
    waarde: Decimal | None
    gehaald: bool | None  # None: niet te berekenen
    reden: str | None  # waarom niet te berekenen


@dataclass(frozen=True)
class Indicatorstand:
    naam: str
    schakel: str
    berekening: str
    doel: Decimal
    richting: str
    standen: tuple[Stand, ...]  # per periode, dan 'Totaal' niet (een doel geldt per periode)

    @property
    def gehaald(self) -> int:
        return sum(1 for s in self.standen if s.gehaald)

    @property
    def getoetst(self) -> int:
        return sum(1 for s in self.standen if s.gehaald is not None)


@dataclass(frozen=True)
class Kaartstand:
    naam: str
    bestand: str
    bibliotheek: str
    keten: object  # model.monitor.Keten
    indicatoren: tuple[Indicatorstand, ...]

    @property
    def niet_te_berekenen(self) -> tuple[tuple[str, str], ...]:
        """(indicator, reden) voor elke indicator die in geen enkele periode te berekenen is."""
        return tuple((i.naam, i.standen[0].reden or "") for i in self.indicatoren if i.standen and i.getoetst == 0)


def toets(kaart: Uitkomstenkaart, bestand: str, monitor) -> Kaartstand:  # monitor: berekening.monitor.Bibliotheekmonitor
    indicatoren = []
    for ind in kaart.indicatoren:
        standen = []
        for p in monitor.perioden:
            if ind.berekening == "handmatig":
                waarde = ind.waarden.get(p.naam)
                reden = None if waarde is not None else f"handmatig, maar voor {p.naam} is geen waarde ingevuld (waarden in {bestand})"
            else:
                waarde = p.kern.get(ind.berekening)
                reden = None if waarde is not None else f"de export heeft {_NODIG.get(ind.berekening, 'de kolom')} nodig"
            gehaald = None if waarde is None else (waarde >= ind.doel if ind.richting == "minstens" else waarde <= ind.doel)
            standen.append(Stand(p.naam, waarde, gehaald, reden))
        indicatoren.append(Indicatorstand(ind.naam, ind.schakel, ind.berekening, ind.doel, ind.richting, tuple(standen)))
    return Kaartstand(kaart.naam, bestand, monitor.naam, kaart.keten, tuple(indicatoren))
