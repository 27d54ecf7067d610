"""De rekenkern van de begroting: kosten per regel en per betaler, en de baten uit de KBA, exact in Decimal.

Kosten per regel: uren per week x weken per jaar x tarief (personeel), alle
SJD-uren x weken x tarief (kosten per SJD-uur) of een vast bedrag (eenmalig).
De baten per hulpvraag komen uit de casussen van de KBA: de gemiddelde
*baten* per casus (niet de netto-opbrengst, want de KBA trekt daar de eigen
SJD-kosten al van af en die staan hier in de begroting), gewogen met het
aandeel van elk rechtsgebied. Hulpvragen buiten de rechtsgebieden van de
casussen tellen voor nul: de dekking van de KBA is geen 100%.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kostenbaten.berekening.kba import PilotUitkomst
from kostenbaten.geld import HONDERD, NUL, afronden_naar_boven, deel, getal_exact, som, vermenigvuldig
from kostenbaten.model.begroting import BETALERS, Begroting

SOORTEN = ("personeel", "per_sjd_uur", "eenmalig")


@dataclass(frozen=True)
class Kostenregel:
    """Eén regel van de begroting met de som waaruit hij volgt."""

    soort: str  # een van SOORTEN
    index: int  # plek in de lijst van die soort, voor meldingen en het werkblad
    naam: str
    betaler: str
    bedrag: Decimal
    rekensom: str

    @property
    def structureel(self) -> bool:
        return self.soort != "eenmalig"


@dataclass(frozen=True)
class GebiedBaten:
    """De baten van één rechtsgebied: het aandeel van de hulpvragen en de gemiddelde baten per casus.

    Beide gemiddelden worden bewaard (over alle casussen en over de eigen
    casussen), zodat het werkboek de methode kan laten wisselen.
    """

    rechtsgebied: str
    naam: str
    aandeel: Decimal  # procent van alle hulpvragen
    aantal_casussen: int
    gemiddelde_alle: Decimal
    gemiddelde_eigen: Decimal
    methode: str

    @property
    def baten_per_casus(self) -> Decimal:
        return self.gemiddelde_alle if self.methode == "rapport" else self.gemiddelde_eigen

    @property
    def per_hulpvraag(self) -> Decimal:
        return deel(vermenigvuldig(self.aandeel, self.baten_per_casus), HONDERD)


@dataclass(frozen=True)
class ActorBaten:
    """Wat één actor (cliënt, gemeente, Rijk, ...) per hulpvraag wint, volgens beide methoden.

    rapport: dekking x het gemiddelde over alle casussen van wat deze actor wint;
    gewogen: per rechtsgebied aandeel x het gemiddelde over de eigen casussen.
    Over alle actoren samen zijn dat precies de baten per hulpvraag van `KbaBaten`.
    """

    actor: str
    naam: str
    rapport: Decimal
    gewogen: Decimal

    def per_hulpvraag(self, methode: str) -> Decimal:
        return self.rapport if methode == "rapport" else self.gewogen


@dataclass(frozen=True)
class KbaBaten:
    """De batenkant uit de KBA: per rechtsgebied en samen per hulpvraag, en per actor."""

    pilot: str
    methode: str  # "rapport": één gemiddelde over alle casussen; "gewogen": per rechtsgebied
    gebieden: tuple[GebiedBaten, ...]
    actoren: tuple[ActorBaten, ...] = ()

    @property
    def dekking(self) -> Decimal:
        return som(g.aandeel for g in self.gebieden)

    @property
    def per_hulpvraag(self) -> Decimal:
        return som(g.per_hulpvraag for g in self.gebieden)


@dataclass(frozen=True)
class BetalerKosten:
    betaler: str
    structureel: Decimal
    eenmalig: Decimal

    @property
    def totaal(self) -> Decimal:
        return self.structureel + self.eenmalig


@dataclass(frozen=True)
class ActorBalans:
    """Per betaler of actor: wat hij betaalt (begroting), wat hij wint (KBA) en het saldo, voor één jaar."""

    actor: str
    naam: str
    betaalt: Decimal
    per_hulpvraag: Decimal  # wat deze actor per hulpvraag wint, volgens de gekozen methode
    hulpvragen: Decimal

    @property
    def wint(self) -> Decimal:
        return vermenigvuldig(self.per_hulpvraag, self.hulpvragen)

    @property
    def saldo(self) -> Decimal:
        return self.wint - self.betaalt

    @property
    def verhouding(self) -> Decimal | None:
        """Eigen baten gedeeld door eigen kosten; zonder kosten n.v.t."""
        return deel(self.wint, self.betaalt) if self.betaalt > 0 else None

    @property
    def omslagpunt_exact(self) -> Decimal | None:
        """Bij hoeveel hulpvragen per jaar wat deze actor wint zijn eigen kosten dekt."""
        if self.betaalt <= 0 or self.per_hulpvraag <= 0:
            return None
        return deel(self.betaalt, self.per_hulpvraag)

    @property
    def omslagpunt(self) -> Decimal | None:
        exact = self.omslagpunt_exact
        return None if exact is None else afronden_naar_boven(exact)


@dataclass(frozen=True)
class BegrotingUitkomst:
    begroting: Begroting
    sjd_uren_per_week: Decimal
    regels: tuple[Kostenregel, ...]
    baten: KbaBaten | None

    def van_soort(self, soort: str) -> tuple[Kostenregel, ...]:
        return tuple(r for r in self.regels if r.soort == soort)

    @property
    def structureel(self) -> Decimal:
        return som(r.bedrag for r in self.regels if r.structureel)

    @property
    def eenmalig(self) -> Decimal:
        return som(r.bedrag for r in self.regels if not r.structureel)

    @property
    def totaal(self) -> Decimal:
        """Het eerste jaar: structurele plus eenmalige kosten."""
        return self.structureel + self.eenmalig

    def per_betaler(self) -> tuple[BetalerKosten, ...]:
        return tuple(
            BetalerKosten(
                betaler,
                som(r.bedrag for r in self.regels if r.betaler == betaler and r.structureel),
                som(r.bedrag for r in self.regels if r.betaler == betaler and not r.structureel),
            )
            for betaler in BETALERS
        )

    @property
    def hulpvragen(self) -> Decimal:
        return self.begroting.hulpvragen_per_jaar

    def per_actor(self) -> tuple[ActorBalans, ...]:
        """Eerst de betalers van de begroting, dan de overige actoren van de KBA; samen: totaal, baten en netto."""
        betaald = {b.betaler: b.totaal for b in self.per_betaler()}
        gewonnen = {a.actor: a for a in self.baten.actoren} if self.baten is not None else {}
        methode = self.begroting.kba_methode
        uit = []
        for actor in (*BETALERS, *(a for a in gewonnen if a not in BETALERS)):
            baten = gewonnen.get(actor)
            naam = baten.naam if baten is not None else BETALERS[actor]
            per_hulpvraag = baten.per_hulpvraag(methode) if baten is not None else NUL
            uit.append(ActorBalans(actor, naam, betaald.get(actor, NUL), per_hulpvraag, self.hulpvragen))
        return tuple(uit)

    def van_actor(self, actor: str) -> ActorBalans:
        return next(a for a in self.per_actor() if a.actor == actor)

    @property
    def kosten_per_hulpvraag(self) -> Decimal:
        return deel(self.totaal, self.hulpvragen)

    @property
    def baten_per_hulpvraag(self) -> Decimal | None:
        return None if self.baten is None else self.baten.per_hulpvraag

    @property
    def verwachte_baten(self) -> Decimal | None:
        if self.baten is None:
            return None
        return vermenigvuldig(self.baten.per_hulpvraag, self.hulpvragen)

    @property
    def netto(self) -> Decimal | None:
        baten = self.verwachte_baten
        return None if baten is None else baten - self.totaal

    @property
    def verhouding(self) -> Decimal | None:
        """Baten gedeeld door kosten: boven 1 levert de begroting meer op dan zij kost."""
        baten = self.verwachte_baten
        if baten is None or self.totaal == 0:
            return None
        return deel(baten, self.totaal)

    @property
    def omslagpunt_exact(self) -> Decimal | None:
        """Het aantal hulpvragen waarbij de verwachte baten de kosten van het eerste jaar dekken."""
        if self.baten is None or self.baten.per_hulpvraag <= 0:
            return None
        return deel(self.totaal, self.baten.per_hulpvraag)

    @property
    def omslagpunt(self) -> Decimal | None:
        """Het omslagpunt in hele hulpvragen, naar boven afgerond (een halve hulpvraag bestaat niet)."""
        exact = self.omslagpunt_exact
        return None if exact is None else afronden_naar_boven(exact)


def _gemiddelde(bedragen: list[Decimal]) -> Decimal:
    return deel(som(bedragen), len(bedragen)) if bedragen else NUL


def kba_baten(uitkomst: PilotUitkomst, methode: str) -> KbaBaten:
    """De baten per casus uit een doorgerekende pilot, per rechtsgebied, volgens `methode`."""
    pilot = uitkomst.pilot
    alle = _gemiddelde([c.totaal_baten for c in uitkomst.casussen])
    gebieden = []
    for sleutel, gebied in pilot.rechtsgebieden.items():
        eigen = [c.totaal_baten for c in uitkomst.casussen if c.casus.rechtsgebied == sleutel]
        gebieden.append(GebiedBaten(sleutel, gebied.naam, gebied.aandeel.waarde, len(eigen), alle, _gemiddelde(eigen), methode))
    return KbaBaten(pilot.naam, methode, tuple(gebieden), _actor_baten(uitkomst))


def _actor_baten(uitkomst: PilotUitkomst) -> tuple[ActorBaten, ...]:
    """Per actor die in de casussen iets wint: de baten per hulpvraag volgens beide methoden."""
    from kostenbaten.berekening.actoren import betrokken_actoren

    pilot = uitkomst.pilot
    namen = pilot.alle_actoren
    uit = []
    for actor in betrokken_actoren(uitkomst):

        def per_hulpvraag(aandeel: Decimal, casussen, actor=actor) -> Decimal:
            """aandeel% x gemiddelde winst van de actor over `casussen`, in één deling (exact waar het kan)."""
            if not casussen:
                return NUL
            winst = som(p.bedrag for c in casussen for p in c.baten if p.actor == actor)
            return deel(vermenigvuldig(aandeel, winst), len(casussen) * HONDERD)

        dekking = som(g.aandeel.waarde for g in pilot.rechtsgebieden.values())
        rapport = per_hulpvraag(dekking, uitkomst.casussen)
        gewogen = som(
            per_hulpvraag(g.aandeel.waarde, [c for c in uitkomst.casussen if c.casus.rechtsgebied == sleutel])
            for sleutel, g in pilot.rechtsgebieden.items()
        )
        uit.append(ActorBaten(actor, namen[actor].naam, rapport, gewogen))
    return tuple(uit)


def bereken_begroting(begroting: Begroting, kba: PilotUitkomst | None = None) -> BegrotingUitkomst:
    """Alle kosten van de begroting en, met een doorgerekende KBA, de verwachte baten."""
    weken = begroting.weken_per_jaar
    regels = []
    for i, r in enumerate(begroting.personeel):
        regels.append(
            Kostenregel(
                "personeel", i, r.naam, r.betaler, vermenigvuldig(r.uren_per_week, weken, r.tarief),
                f"{getal_exact(r.uren_per_week)} uur x {getal_exact(weken)} weken x € {getal_exact(r.tarief)}",
            )
        )
    sjd_uren = som(r.uren_per_week for r in begroting.personeel if r.sjd)
    for i, r in enumerate(begroting.per_sjd_uur):
        regels.append(
            Kostenregel(
                "per_sjd_uur", i, r.naam, r.betaler, vermenigvuldig(sjd_uren, weken, r.tarief),
                f"{getal_exact(sjd_uren)} SJD-uur x {getal_exact(weken)} weken x € {getal_exact(r.tarief)}",
            )
        )
    for i, r in enumerate(begroting.eenmalig):
        regels.append(Kostenregel("eenmalig", i, r.naam, r.betaler, r.bedrag, "eenmalig"))
    baten = kba_baten(kba, begroting.kba_methode) if kba is not None else None
    return BegrotingUitkomst(begroting, sjd_uren, tuple(regels), baten)
