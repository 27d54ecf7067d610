"""De rekenkern van de begroting: kosten per regel en per betaler, en de baten uit de KBA, exact in Decimal.

Kosten per regel: uren per week x weken per jaar x tarief (personeel), alle
SJD-uren x weken x tarief (kosten per SJD-uur) of een vast bedrag (eenmalig).
De baten per hulpvraag komen uit de casussen van de KBA: de gemiddelde
*baten* per casus (niet de netto-opbrengst, want de KBA trekt daar de eigen
SJD-kosten al van af en die staan hier in de begroting), gewogen met het
aandeel van elk rechtsgebied. Hulpvragen buiten de rechtsgebieden van de
casussen tellen voor nul: de dekking van de KBA is geen 100%.

Over meer jaren (`horizon`): de structurele kosten elk jaar, geïndexeerd met
`indexatie`; de eenmalige in jaar 1. Elk jaar komen er evenveel hulpvragen
bij; de baten van de hulpvragen van één jaar vallen zoals `meerjarig` ze telt
(maandbedragen in het jaar van hun maand, eenmalige baten in het eerste jaar).
Alles wordt verdisconteerd zoals in `meerjarig`: jaar t gedeeld door
(1 + r)^(t - 1), jaar 1 dus niet. Met één jaar zijn de contante waarden
precies de kosten en baten van het eerste jaar.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from decimal import Decimal

from kostenbaten.berekening import rechtsgebieden
from kostenbaten.berekening.aanpassingen import MAANDEN_PER_JAAR
from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst, bereken_casus, extrapoleer
from kostenbaten.berekening.meerjarig import STANDAARD_DISCONTO, jaarfactoren
from kostenbaten.geld import HONDERD, NUL, afronden_naar_boven, deel, som, vermenigvuldig
from kostenbaten.berekening.rekensom import Rekensom, exact, som as rekensom
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
    rekensom: Rekensom

    @property
    def structureel(self) -> bool:
        return self.soort != "eenmalig"


@dataclass(frozen=True)
class GebiedBaten:
    """De baten van één rechtsgebied: het aandeel van de hulpvragen en de gemiddelde baten per casus.

    Beide gemiddelden worden bewaard (over alle casussen en over de eigen
    casussen), zodat de werkmap de methode kan laten wisselen.
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


def _omslag(kosten: Decimal, per_hulpvraag: Decimal) -> Decimal | None:
    """Kosten gedeeld door baten per hulpvraag; zonder kosten of zonder baten bestaat het omslagpunt niet."""
    return deel(kosten, per_hulpvraag) if kosten > 0 and per_hulpvraag > 0 else None


class MetOmslagpunt:
    """Een uitkomst met `omslagpunt_exact`; `omslagpunt` is dat in hele hulpvragen, naar boven afgerond."""

    @property
    def omslagpunt(self) -> Decimal | None:
        exact = self.omslagpunt_exact
        return None if exact is None else afronden_naar_boven(exact)


@dataclass(frozen=True)
class BetalerKosten:
    betaler: str
    structureel: Decimal
    eenmalig: Decimal

    @property
    def totaal(self) -> Decimal:
        return self.structureel + self.eenmalig


@dataclass(frozen=True)
class ActorBalans(MetOmslagpunt):
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
        return _omslag(self.betaalt, self.per_hulpvraag)


@dataclass(frozen=True)
class Jaar:
    """Eén jaar van de horizon voor één actor (of allen samen): nominaal en contant."""

    jaar: int  # 1, 2, ...
    factor: Decimal  # 1 / (1 + r)^(jaar - 1)
    kosten: Decimal
    baten: Decimal

    @property
    def saldo(self) -> Decimal:
        return self.baten - self.kosten

    @property
    def contante_kosten(self) -> Decimal:
        return vermenigvuldig(self.kosten, self.factor)

    @property
    def contante_baten(self) -> Decimal:
        return vermenigvuldig(self.baten, self.factor)

    @property
    def contant_saldo(self) -> Decimal:
        return self.contante_baten - self.contante_kosten


@dataclass(frozen=True)
class MeerjarigeBalans(MetOmslagpunt):
    """Kosten en baten van één actor (of van allen samen, actor 'totaal') over de horizon."""

    actor: str
    naam: str
    jaren: tuple[Jaar, ...]
    contante_baten_per_hulpvraag: Decimal  # contante baten over de horizon per jaarlijkse hulpvraag
    hulpvragen: Decimal  # per jaar

    @property
    def contante_kosten(self) -> Decimal:
        return som(j.contante_kosten for j in self.jaren)

    @property
    def contante_baten(self) -> Decimal:
        return som(j.contante_baten for j in self.jaren)

    @property
    def netto_contante_waarde(self) -> Decimal:
        return self.contante_baten - self.contante_kosten

    @property
    def verhouding(self) -> Decimal | None:
        """Contante baten gedeeld door contante kosten; zonder kosten n.v.t."""
        return deel(self.contante_baten, self.contante_kosten) if self.contante_kosten > 0 else None

    @property
    def cumulatief(self) -> tuple[Decimal, ...]:
        """Het cumulatieve contante saldo na elk jaar."""
        uit, totaal = [], NUL
        for j in self.jaren:
            totaal += j.contant_saldo
            uit.append(totaal)
        return tuple(uit)

    @property
    def terugverdienjaar(self) -> int | None:
        """Het eerste jaar waarin het cumulatieve contante saldo positief is; None: niet binnen de horizon."""
        return next((j.jaar for j, c in zip(self.jaren, self.cumulatief) if c > 0), None)

    @property
    def omslagpunt_exact(self) -> Decimal | None:
        """Bij hoeveel hulpvragen per jaar de contante baten over de horizon de contante kosten dekken."""
        return _omslag(self.contante_kosten, self.contante_baten_per_hulpvraag)


@dataclass(frozen=True)
class BegrotingMeerjarig:
    """De begroting over `horizon` jaren: per jaar, contant, per actor en samen."""

    horizon: int
    indexatie: Decimal  # procent per jaar op de structurele kosten
    disconto: Decimal  # procent per jaar
    jaarfactoren: tuple[Decimal, ...]
    baten_per_levensjaar: tuple[Decimal, ...]  # baten per hulpvraag in het 1e, 2e, ... jaar na de hulpvraag
    totaal: MeerjarigeBalans
    actoren: tuple[MeerjarigeBalans, ...]

    def van_actor(self, actor: str) -> MeerjarigeBalans:
        return next(a for a in self.actoren if a.actor == actor)


@dataclass(frozen=True)
class BegrotingUitkomst(MetOmslagpunt):
    begroting: Begroting
    sjd_uren_per_week: Decimal
    regels: tuple[Kostenregel, ...]
    baten: KbaBaten | None
    levensjaren: tuple[KbaBaten, ...] = ()  # de baten van een hulpvraag in haar 1e, 2e, ... jaar (voor `meerjarig`)
    # Met een KBA: het maatschappelijk saldo met de kosten van de begroting (`berekening.saldo.BegrotingSaldo`), met
    # haar methode; `saldi` hetzelfde per methode (de werkmap rekent met de methode in haar cel).
    maatschappelijk: object = None
    saldi: dict = field(default_factory=dict)

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

    @cached_property
    def meerjarig(self) -> BegrotingMeerjarig:
        """Kosten en baten over de horizon van de begroting, per actor en samen, contant gemaakt."""
        b = self.begroting
        disconto = STANDAARD_DISCONTO if b.disconto is None else b.disconto
        factoren = jaarfactoren(b.horizon, disconto)
        groei = 1 + deel(b.indexatie, HONDERD)
        index = [vermenigvuldig(*([groei] * t)) if t else Decimal(1) for t in range(b.horizon)]
        methode = b.kba_methode

        def balans(actor: str, naam: str, structureel: Decimal, eenmalig: Decimal, per_levensjaar: list[Decimal]) -> MeerjarigeBalans:
            # De hulpvragen van jaar k zijn in jaar t in hun (t - k + 1)e jaar: jaar t krijgt de som van levensjaren 1..t.
            opgeteld = [som(per_levensjaar[: t + 1]) for t in range(b.horizon)]
            jaren = tuple(
                Jaar(t + 1, f, vermenigvuldig(structureel, index[t]) + (eenmalig if t == 0 else NUL), vermenigvuldig(self.hulpvragen, p))
                for t, (f, p) in enumerate(zip(factoren, opgeteld))
            )
            contant = som(vermenigvuldig(f, p) for f, p in zip(factoren, opgeteld))
            return MeerjarigeBalans(actor, naam, jaren, contant, self.hulpvragen)

        levensjaren = self.levensjaren or (() if self.baten is None else (self.baten,))
        levensjaren = (*levensjaren, *([None] * (b.horizon - len(levensjaren))))[: b.horizon]
        kosten = {k.betaler: k for k in self.per_betaler()}
        actoren = []
        for a in self.per_actor():
            k = kosten.get(a.actor)
            per_levensjaar = [
                NUL if l is None else next((x.per_hulpvraag(methode) for x in l.actoren if x.actor == a.actor), NUL) for l in levensjaren
            ]
            actoren.append(balans(a.actor, a.naam, k.structureel if k else NUL, k.eenmalig if k else NUL, per_levensjaar))
        per_levensjaar = [NUL if l is None else l.per_hulpvraag for l in levensjaren]
        totaal = balans("totaal", "Samen", self.structureel, self.eenmalig, per_levensjaar)
        return BegrotingMeerjarig(b.horizon, b.indexatie, disconto, factoren, tuple(per_levensjaar), totaal, tuple(actoren))


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

        dekking = rechtsgebieden.dekking(pilot)
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
                rekensom(exact(r.uren_per_week), " uur x ", exact(weken), " weken x € ", exact(r.tarief)),
            )
        )
    sjd_uren = som(r.uren_per_week for r in begroting.personeel if r.sjd)
    for i, r in enumerate(begroting.per_sjd_uur):
        regels.append(
            Kostenregel(
                "per_sjd_uur", i, r.naam, r.betaler, vermenigvuldig(sjd_uren, weken, r.tarief),
                rekensom(exact(sjd_uren), " SJD-uur x ", exact(weken), " weken x € ", exact(r.tarief)),
            )
        )
    for i, r in enumerate(begroting.eenmalig):
        regels.append(Kostenregel("eenmalig", i, r.naam, r.betaler, r.bedrag, rekensom("eenmalig")))
    baten = kba_baten(kba, begroting.kba_methode) if kba is not None else None
    levensjaren = _levensjaren(kba, begroting.kba_methode, begroting.horizon) if kba is not None and begroting.horizon > 1 else ()
    uitkomst = BegrotingUitkomst(begroting, sjd_uren, tuple(regels), baten, levensjaren)
    if kba is None:
        return uitkomst
    from kostenbaten.berekening.saldo import saldi_begroting  # saldo rekent met de kosten van deze uitkomst

    saldi = saldi_begroting(uitkomst, kba)
    return replace(uitkomst, maatschappelijk=saldi[begroting.kba_methode], saldi=saldi)


def _levensjaren(kba: PilotUitkomst, methode: str, jaren: int) -> tuple[KbaBaten, ...]:
    """De baten per hulpvraag in het 1e tot en met `jaren`e jaar na de hulpvraag, zoals `meerjarig` ze telt.

    Jaar j is wat er over j jaar (12 x j maanden) geteld wordt min wat er over
    j - 1 jaar geteld wordt: een eenmalige baat valt zo in jaar 1, een
    maandbedrag in het jaar van zijn maand (met de afname van zijn jaar).
    """
    pilot = kba.pilot
    tot = [tuple(bereken_casus(c.casus, pilot, MAANDEN_PER_JAAR * j) for c in kba.casussen) for j in range(1, jaren + 1)]
    uit = []
    for j, nu in enumerate(tot):
        if j == 0:
            casussen = nu
        else:
            casussen = tuple(
                CasusUitkomst(n.casus, n.kosten, tuple(p._replace(bedrag=p.bedrag - v.bedrag) for p, v in zip(n.baten, vorig.baten)))
                for n, vorig in zip(nu, tot[j - 1])
            )
        uit.append(kba_baten(extrapoleer(pilot, casussen), methode))
    return tuple(uit)
