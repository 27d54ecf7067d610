"""Gepubliceerde cijfers naast de berekende leggen: overeenkomst, bekend erratum of afwijking."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kostenbaten.berekening.kba import PilotUitkomst
from kostenbaten.model.casus import CIJFERS_CASUS, CIJFERS_PILOT

KLOPT = "klopt"
ERRATUM = "bekend erratum"
AFWIJKING = "afwijking"
ERRATUM_ZONDER_AFWIJKING = "erratum zonder afwijking"


@dataclass(frozen=True)
class Controle:
    wat: str  # "pilot" of "casus 6"
    cijfer: str
    gepubliceerd: Decimal
    berekend: Decimal
    oordeel: str
    toelichting: str = ""
    regel: str = ""  # de afrondingsregel van een cijfer van de pilot ("geen": niet afgerond)

    @property
    def is_fout(self) -> bool:
        return self.oordeel in (AFWIJKING, ERRATUM_ZONDER_AFWIJKING)


def _oordeel(wat, cijfer, gepubliceerd, berekend, errata, regel="") -> Controle:
    erratum = errata.get(cijfer)
    if gepubliceerd == berekend:
        if erratum:
            return Controle(wat, cijfer, gepubliceerd, berekend, ERRATUM_ZONDER_AFWIJKING, "er staat een erratum, maar de cijfers kloppen")
        return Controle(wat, cijfer, gepubliceerd, berekend, KLOPT, f"regel: {regel}" if regel else "", regel)
    if erratum:
        return Controle(wat, cijfer, gepubliceerd, berekend, ERRATUM, " ".join(erratum.split()), regel)
    return Controle(wat, cijfer, gepubliceerd, berekend, AFWIJKING, f"regel: {regel}" if regel else "", regel)


def controleer(uitkomst: PilotUitkomst) -> list[Controle]:
    """Elk gepubliceerd cijfer uit de bestanden naast het berekende cijfer."""
    uit = []
    for c in uitkomst.casussen:
        pub = c.casus.gepubliceerd
        if pub is None:
            continue
        berekend = {
            "kosten": c.totaal_kosten,
            "baten": c.totaal_baten,
            "netto": c.netto,
            "client": c.client,
            "overheid": c.overheid,
        }
        for cijfer in CIJFERS_CASUS:
            waarde = getattr(pub, cijfer)
            if waarde is not None:
                uit.append(_oordeel(f"casus {c.nummer}", cijfer, waarde, berekend[cijfer], c.casus.errata))
    pub = uitkomst.pilot.gepubliceerd
    if pub is not None:
        for cijfer in CIJFERS_PILOT:
            waarde = getattr(pub, cijfer)
            if waarde is None:
                continue
            afgerond = uitkomst.gepubliceerd.get(cijfer)
            if afgerond is None:
                uit.append(Controle("pilot", cijfer, waarde, Decimal(0), AFWIJKING, "niet te berekenen (som netto is 0)"))
                continue
            uit.append(_oordeel("pilot", cijfer, waarde, afgerond.waarde, uitkomst.pilot.errata, afgerond.regel))
    return uit
