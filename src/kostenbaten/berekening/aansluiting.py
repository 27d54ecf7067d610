"""De kosten van de KBA naast die van de begroting: welke uren en posten elk telt, en waarom ze verschillen.

De KBA telt de kosten van de hulp zelf: de uren die de uitgewerkte casussen
vroegen maal de tarieven, voor de hulpvragen in de rechtsgebieden van de
casussen (gemiddelde kosten per casus x gedekte hulpvragen). De begroting telt
wat het spreekuur een jaar kost: alle begrote SJD-uren (uren per week x weken)
voor alle hulpvragen, plus coördinatie, communicatie, directie, kosten per
SJD-uur en eenmalige uitgaven. De baten zijn in beide dezelfde soort: de
gemiddelde baten per casus uit de KBA, naar de hulpvragen opgeschaald.

Alles exact in Decimal; afronden doet de uitvoer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.berekening.kba import PilotUitkomst
from kostenbaten.geld import deel, som, vermenigvuldig


@dataclass(frozen=True)
class Kant:
    """Eén kant van de aansluiting: hulpvragen, SJD-uren, kosten (waarvan SJD), baten en hun verhouding."""

    hulpvragen: Decimal
    sjd_uren: Decimal
    sjd_kosten: Decimal  # SJD-uren x de tarieven per SJD-uur
    overige_kosten: Decimal  # alles wat niet per SJD-uur gaat (alleen in de begroting)
    baten: Decimal | None

    @property
    def kosten(self) -> Decimal:
        return self.sjd_kosten + self.overige_kosten

    @property
    def netto(self) -> Decimal | None:
        return None if self.baten is None else self.baten - self.kosten

    @property
    def verhouding(self) -> Decimal | None:
        return None if self.baten is None or not self.kosten else deel(self.baten, self.kosten)


@dataclass(frozen=True)
class Aansluiting:
    """De KBA (methode van de begroting) en de begroting naast elkaar, met wat de gemeente betaalt en terugkrijgt."""

    methode: str
    kba: Kant
    begroting: Kant
    gemeente_betaalt: Decimal
    gemeente_krijgt: Decimal

    @property
    def gemeente_saldo(self) -> Decimal:
        return self.gemeente_krijgt - self.gemeente_betaalt

    @property
    def verschil_kosten(self) -> Decimal:
        return self.begroting.kosten - self.kba.kosten


def _kba_kant(kba: PilotUitkomst, methode: str) -> Kant:
    """Gemiddelde uren en kosten per casus maal de gedekte hulpvragen; gewogen: per rechtsgebied met de eigen casussen."""
    e = kba.extrapolaties[methode]
    if methode == "rapport":
        n = len(kba.casussen)
        uren = deel(vermenigvuldig(som(c.casus.uren.waarde for c in kba.casussen), e.gedekt), n)
        kosten = deel(vermenigvuldig(som(c.totaal_kosten for c in kba.casussen), e.gedekt), n)
    else:
        uren = kosten = Decimal(0)
        totaal = kba.pilot.hulpvragen.waarde
        for sleutel, gebied in kba.pilot.rechtsgebieden.items():
            eigen = [c for c in kba.casussen if c.casus.rechtsgebied == sleutel]
            if not eigen:
                continue
            hulpvragen = deel(vermenigvuldig(totaal, gebied.aandeel.waarde), Decimal(100))
            uren += deel(vermenigvuldig(som(c.casus.uren.waarde for c in eigen), hulpvragen), len(eigen))
            kosten += deel(vermenigvuldig(som(c.totaal_kosten for c in eigen), hulpvragen), len(eigen))
    return Kant(e.gedekt, uren, kosten, Decimal(0), e.totaal + kosten)


def sluit_aan(kba: PilotUitkomst, b: BegrotingUitkomst) -> Aansluiting:
    """De aansluiting van de KBA-kosten op de begroting (eerste jaar), in de KBA-methode die de begroting kiest."""
    methode = b.begroting.kba_methode
    personeel = b.begroting.personeel
    sjd = som(
        r.bedrag for r in b.regels
        if r.soort == "per_sjd_uur" or (r.soort == "personeel" and personeel[r.index].sjd)
    )
    sjd_uren = vermenigvuldig(b.sjd_uren_per_week, b.begroting.weken_per_jaar)
    begroting = Kant(b.hulpvragen, sjd_uren, sjd, b.totaal - sjd, b.verwachte_baten)
    gemeente = b.van_actor("gemeente")
    return Aansluiting(methode, _kba_kant(kba, methode), begroting, gemeente.betaalt, gemeente.wint)
