"""Wat de samenleving wint en wie wat krijgt: het maatschappelijk saldo naast de verdelingstabel.

Elke baat is een besparing van middelen (een vermeden kost), een overdracht (geld
dat van de ene partij naar de andere gaat) of een breder economisch effect
(`Post.baatsoort`). Het maatschappelijk saldo telt alleen de besparingen van
middelen, min de kosten van het hele programma: een overdracht is winst voor de
een en verlies voor de ander en telt dus voor nul; een breder economisch effect
staat apart en telt nooit mee. De verdelingstabel geeft per actor wat hij betaalt,
wat hij aan middelen bespaart, wat hij aan overdrachten ontvangt en geeft, en zijn
saldo; de saldi tellen op tot het maatschappelijk saldo (docs/methode.md).

De kosten van het hele programma gelden voor alle hulpvragen, ook die buiten de
rechtsgebieden van de casussen: die kostten ook SJD-uren. Met geregistreerde uren
per hulpvraag zijn het die uren x de tarieven (`kosten_uit_uren`); anders, met een
begroting (`--begroting`), de kosten van die begroting in het eerste jaar
(`kosten_uit_begroting`); anders de gemiddelde kosten van een casus x alle
hulpvragen (`kosten_uit_casussen`). Daarnaast staan de
kosten van alleen de gedekte hulpvragen, de basis van de methode van de KBA Hengelo.
De baten blijven geëxtrapoleerd naar de gedekte hulpvragen: over de andere
hulpvragen is geen baat bekend.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from kostenbaten.berekening.extrapolatie import Extrapolator, betrokken_actoren, extrapoleer_grootheid
from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst
from kostenbaten.berekening.rekensom import Rekensom, exact, som as rekensom
from kostenbaten.geld import NUL, deel, som, vermenigvuldig
from kostenbaten.model.casus import GROEPEN, METHODEN, Actor

# De actor van een overdracht waarvan de casus de betaler niet noemt (een eigen bedrag voor de cliënt zonder `van`).
# Hij staat in een eigen groep, niet bij de overheid: wie het geld geeft is niet bekend (docs/methode.md).
ONBEKEND = "onbekend"
GROEP_ONBEKEND = "onbekend"
ONBEKENDE_BETALER = Actor.model_construct(
    naam="Onbekende betaler", groep=GROEP_ONBEKEND, omschrijving="Een overdracht zonder 'van' in de casus: de betaler is niet bekend."
)

# De routes voor de kosten van het hele programma, in de volgorde van voorkeur (docs/methode.md).
ROUTE_REGISTRATIE = "registratie"  # geregistreerde uren per hulpvraag x tarieven
ROUTE_CASUSSEN = "casussen"  # gemiddelde kosten van een casus x alle hulpvragen
ROUTE_BEGROTING = "begroting"  # de kosten van een begroting (eerste jaar) voor haar hulpvragen per jaar

# Waarin de methode van de KBA Hengelo (het gepubliceerde rapport) afwijkt van het maatschappelijk saldo.
VERSCHILLEN_KBA_HENGELO = (
    "telt geld dat de cliënt krijgt (een overdracht, bijvoorbeeld een terugvordering die vervalt) als baat, "
    "zonder het verlies van de partij die het betaalt",
    "rekent de kosten alleen voor de gedekte hulpvragen (de rechtsgebieden met een casus), "
    "niet voor alle hulpvragen die SJD-uren kostten",
    "kent twee groepen, cliënt en overheid; alle andere partijen, ook de schuldeiser, vallen onder de overheid",
)


class Programmakosten(NamedTuple):
    """De kosten van het hele programma: hoe berekend, voor hoeveel hulpvragen, in totaal en per betaler."""

    route: str  # ROUTE_REGISTRATIE, ROUTE_BEGROTING of ROUTE_CASUSSEN
    hulpvragen: Decimal
    totaal: Decimal
    per_actor: dict[str, Decimal]
    uitleg: Rekensom


class VerdelingRegel(NamedTuple):
    """Eén actor in de verdelingstabel."""

    actor: str
    naam: str
    groep: str
    betaalt: Decimal  # programmakosten die deze actor draagt
    middelen: Decimal  # besparing van middelen (vermeden kosten)
    ontvangt: Decimal  # overdrachten die deze actor krijgt
    geeft: Decimal  # overdrachten die deze actor betaalt
    breder: Decimal  # breder economisch effect: apart, niet in het saldo

    @property
    def saldo(self) -> Decimal:
        return self.middelen + self.ontvangt - self.geeft - self.betaalt


class Verdelingstabel(NamedTuple):
    kosten: str  # "alle" (het hele programma) of "gedekt" (alleen de gedekte hulpvragen)
    regels: tuple[VerdelingRegel, ...]

    @property
    def saldo(self) -> Decimal:
        return som(r.saldo for r in self.regels)

    def totaal(self, veld: str) -> Decimal:
        return som(getattr(r, veld) for r in self.regels)

    def per_groep(self) -> dict[str, Decimal]:
        """Het saldo per groep: cliënt, overheid, overig (als er een actor in valt) en de onbekende betaler apart.

        Samen is dat het maatschappelijk saldo, want elke actor hoort bij precies één groep.
        """
        groepen = {g: NUL for g in GROEPEN if g != "overig" or any(r.groep == g for r in self.regels)}
        for r in self.regels:
            groepen[r.groep] = groepen.get(r.groep, NUL) + r.saldo
        return groepen


class CasusSaldo(NamedTuple):
    nummer: int
    kosten: Decimal
    middelen: Decimal
    overdrachten: Decimal
    breder: Decimal

    @property
    def saldo(self) -> Decimal:
        """Het maatschappelijk saldo van één casus: besparingen van middelen min de kosten."""
        return self.middelen - self.kosten


class Saldo(NamedTuple):
    """Het maatschappelijk saldo en de verdelingstabel bij één extrapolatiemethode."""

    methode: str
    gedekt: Decimal  # de gedekte hulpvragen, waarnaar de baten geëxtrapoleerd zijn
    middelen: Decimal
    overdrachten: Decimal  # som van alle overdrachten; in het saldo netto nul
    breder: Decimal
    kosten: Programmakosten
    kosten_gedekt: Decimal  # de kosten van alleen de gedekte hulpvragen (methode van de KBA Hengelo)
    verdeling: Verdelingstabel
    verdeling_gedekt: Verdelingstabel

    @property
    def saldo(self) -> Decimal:
        return self.middelen - self.kosten.totaal

    @property
    def saldo_gedekt(self) -> Decimal:
        return self.middelen - self.kosten_gedekt


class SaldoUitkomst(NamedTuple):
    casussen: tuple[CasusSaldo, ...]
    methoden: dict[str, Saldo]
    actoren: dict[str, Actor]  # naam en groep van elke actor in de verdelingstabel
    verschillen: tuple[str, ...] = VERSCHILLEN_KBA_HENGELO


def _middelen(c: CasusUitkomst) -> Decimal:
    return som(p.bedrag for p in c.baten if p.baatsoort == "middelen")


def _overdrachten(c: CasusUitkomst) -> Decimal:
    return som(p.bedrag for p in c.baten if p.baatsoort == "overdracht")


def _breder(c: CasusUitkomst) -> Decimal:
    return som(p.bedrag for p in c.baten if p.baatsoort == "breder_economisch")


def _betaler(p) -> str:
    return p.van if p.van is not None else ONBEKEND


def kosten_uit_casussen(kba: PilotUitkomst) -> Programmakosten:
    """De gemiddelde kosten van een casus x alle hulpvragen, per betaler net zo."""
    n = len(kba.casussen)
    hulpvragen = kba.pilot.hulpvragen.waarde
    totaal = som(c.totaal_kosten for c in kba.casussen)
    per_actor: dict[str, Decimal] = {}
    for c in kba.casussen:
        for p in c.kosten:
            per_actor[p.actor] = per_actor.get(p.actor, NUL) + p.bedrag
    return Programmakosten(
        ROUTE_CASUSSEN,
        hulpvragen,
        deel(vermenigvuldig(totaal, hulpvragen), n),
        {a: deel(vermenigvuldig(b, hulpvragen), n) for a, b in per_actor.items()},
        rekensom("gemiddelde kosten van een casus € ", exact(deel(totaal, n)), " x ", exact(hulpvragen), " hulpvragen"),
    )


def programmakosten(kba: PilotUitkomst, begroting=None) -> Programmakosten:
    """De kosten van het hele programma, in deze volgorde (docs/methode.md): met geregistreerde uren per hulpvraag die
    uren x tarieven; anders, met een `begroting` (`berekening.begroting.BegrotingUitkomst`), haar kosten in het eerste
    jaar; anders de gemiddelde kosten van een casus x alle hulpvragen. `Programmakosten.route` zegt welke."""
    uren = kba.pilot.uren_per_hulpvraag
    if uren is not None:
        return kosten_uit_uren(kba, uren.waarde)
    if begroting is not None:
        return kosten_uit_begroting(begroting)
    return kosten_uit_casussen(kba)


def maatschappelijk_saldo(kba: PilotUitkomst, begroting=None) -> dict[str, Decimal]:
    """Alleen het saldo per methode (besparingen van middelen min de kosten van alle hulpvragen), zonder verdelingstabel."""
    kosten = programmakosten(kba, begroting).totaal
    return {m: extrapoleer_grootheid(kba.pilot, kba.casussen, m, _middelen) - kosten for m in METHODEN}


def kosten_uit_uren(kba: PilotUitkomst, uren_per_hulpvraag: Decimal) -> Programmakosten:
    """Geregistreerde uren per hulpvraag x alle hulpvragen x elk tarief, per betaler van het tarief."""
    pilot = kba.pilot
    hulpvragen = pilot.hulpvragen.waarde
    uren = vermenigvuldig(uren_per_hulpvraag, hulpvragen)
    per_actor: dict[str, Decimal] = {}
    for tarief in pilot.tarieven.values():
        per_actor[tarief.betaler] = per_actor.get(tarief.betaler, NUL) + vermenigvuldig(uren, tarief.per_uur.waarde)
    per_uur = som(t.per_uur.waarde for t in pilot.tarieven.values())
    return Programmakosten(
        ROUTE_REGISTRATIE,
        hulpvragen,
        som(per_actor.values()),
        per_actor,
        rekensom(exact(uren_per_hulpvraag), " geregistreerde uur per hulpvraag x ", exact(hulpvragen), " hulpvragen x € ", exact(per_uur), " per uur"),
    )


def _sommen(kba: PilotUitkomst, actoren: list[str]):
    """Per grootheid van het saldo de som over alle casussen en per rechtsgebied, in één doorloop over de casussen.

    Elke som telt dezelfde posten in dezelfde volgorde op als `som(p.bedrag for p in ... if ...)` per casus en
    dan `som(...)` over de casussen, dus met precies dezelfde uitkomst; alleen loopt niet meer elke grootheid
    apart over alle posten, en er blijft geen lijst per grootheid in het geheugen. Met de grootheden van elke
    casus (middelen, overdrachten, breder) voor het saldo per casus.
    """
    sleutels = [("middelen",), ("overdrachten",), ("breder",), ("kosten",)]
    for a in actoren:
        sleutels += [("betaalt", a), ("middelen", a), ("ontvangt", a), ("geeft", a), ("breder", a)]
    totaal = dict.fromkeys(sleutels, NUL)
    per_gebied: dict[str, dict[tuple, Decimal]] = {}
    casussen = []
    soort = {"middelen": "middelen", "overdracht": "overdrachten", "breder_economisch": "breder"}
    for c in kba.casussen:
        rij = dict.fromkeys(sleutels, NUL)
        for p in c.kosten:
            k = ("betaalt", p.actor)
            if k in rij:
                rij[k] += p.bedrag
        for p in c.baten:
            wat = soort.get(p.baatsoort)
            if wat is None:
                continue
            rij[(wat,)] += p.bedrag
            if wat == "overdrachten":
                for k in (("ontvangt", p.actor), ("geeft", _betaler(p))):
                    if k in rij:
                        rij[k] += p.bedrag
            else:
                k = (wat, p.actor)
                if k in rij:
                    rij[k] += p.bedrag
        kosten = rij[("kosten",)] = c.totaal_kosten
        casussen.append(CasusSaldo(c.nummer, kosten, rij[("middelen",)], rij[("overdrachten",)], rij[("breder",)]))
        gebied = per_gebied.get(c.casus.rechtsgebied)
        if gebied is None:
            gebied = per_gebied[c.casus.rechtsgebied] = dict.fromkeys(sleutels, NUL)
        for k, w in rij.items():
            totaal[k] += w
            gebied[k] += w
    return tuple(casussen), totaal, per_gebied


def _verdeling(alle: dict, ex, actoren: list[str], betaalt: dict[str, Decimal], wat: str) -> Verdelingstabel:
    regels = tuple(
        VerdelingRegel(
            a,
            alle[a].naam,
            alle[a].groep,
            betaalt.get(a, NUL),
            ex(("middelen", a)),
            ex(("ontvangt", a)),
            ex(("geeft", a)),
            ex(("breder", a)),
        )
        for a in actoren
    )
    return Verdelingstabel(wat, regels)


def _actoren_in_verdeling(kba: PilotUitkomst, kosten: Programmakosten) -> list[str]:
    """De betrokken actoren, plus de betalers van overdrachten en van de programmakosten, en zo nodig de onbekende betaler."""
    actoren = betrokken_actoren(kba)
    betalers = [_betaler(p) for c in kba.casussen for p in c.baten if p.baatsoort == "overdracht"]
    for a in (*betalers, *kosten.per_actor):
        if a not in actoren:
            actoren.append(a)
    return actoren


def bereken_saldo(kba: PilotUitkomst, kosten: Programmakosten | None = None, begroting=None) -> SaldoUitkomst:
    """Het maatschappelijk saldo en de verdelingstabel voor beide methoden; zonder `kosten` die van `programmakosten`
    (met `begroting` de kosten van die begroting, tenzij een registratie uren per hulpvraag geeft)."""
    if kosten is None:
        kosten = programmakosten(kba, begroting)
    actoren = _actoren_in_verdeling(kba, kosten)
    casussen, totaal, per_gebied = _sommen(kba, actoren)
    extrapolator = Extrapolator(kba.pilot, kba.casussen)
    alle = {**kba.pilot.alle_actoren, ONBEKEND: ONBEKENDE_BETALER}
    methoden = {}
    for methode in METHODEN:

        def ex(sleutel: tuple, methode=methode) -> Decimal:
            return extrapolator.uit_sommen(methode, totaal[sleutel], {g: sommen[sleutel] for g, sommen in per_gebied.items()})

        betaalt_gedekt = {a: ex(("betaalt", a)) for a in actoren}
        methoden[methode] = Saldo(
            methode=methode,
            gedekt=kba.extrapolaties[methode].gedekt,
            middelen=ex(("middelen",)),
            overdrachten=ex(("overdrachten",)),
            breder=ex(("breder",)),
            kosten=kosten,
            kosten_gedekt=ex(("kosten",)),
            verdeling=_verdeling(alle, ex, actoren, kosten.per_actor, "alle"),
            verdeling_gedekt=_verdeling(alle, ex, actoren, betaalt_gedekt, "gedekt"),
        )
    return SaldoUitkomst(casussen, methoden, {a: alle[a] for a in actoren})


class BegrotingSaldo(NamedTuple):
    """Het maatschappelijk saldo van een begroting: besparingen van middelen per hulpvraag x haar hulpvragen, min haar kosten.

    De kosten van de begroting zijn die van het hele programma (route `begroting`); de baten per hulpvraag komen uit
    de KBA met de methode van de begroting, zoals haar verwachte baten, maar zonder de overdrachten.
    """

    methode: str
    middelen_per_hulpvraag: Decimal
    overdrachten_per_hulpvraag: Decimal  # in het saldo netto nul; apart getoond
    kosten: Programmakosten
    # Per actor: betaalt (de begroting), middelen en overdrachten per hulpvraag x de hulpvragen van de begroting.
    verdeling: Verdelingstabel | None = None
    actoren: dict[str, Actor] | None = None
    # Per actor de bedragen van de verdelingstabel per hulpvraag (middelen, ontvangt, geeft, breder), voor de werkmap.
    per_hulpvraag: dict[str, dict[str, Decimal]] | None = None

    @property
    def middelen(self) -> Decimal:
        return vermenigvuldig(self.middelen_per_hulpvraag, self.kosten.hulpvragen)

    @property
    def overdrachten(self) -> Decimal:
        return vermenigvuldig(self.overdrachten_per_hulpvraag, self.kosten.hulpvragen)

    @property
    def saldo(self) -> Decimal:
        return self.middelen - self.kosten.totaal


def kosten_uit_begroting(begroting) -> Programmakosten:
    """De kosten van een begroting (`berekening.begroting.BegrotingUitkomst`), eerste jaar, als kosten van het hele programma."""
    per_actor = {k.betaler: k.totaal for k in begroting.per_betaler() if k.totaal}
    return Programmakosten(
        ROUTE_BEGROTING,
        begroting.hulpvragen,
        begroting.totaal,
        per_actor,
        rekensom("kosten van de begroting in het eerste jaar € ", exact(begroting.totaal), " voor ", exact(begroting.hulpvragen), " hulpvragen"),
    )


def saldo_begroting(begroting, kba: PilotUitkomst) -> BegrotingSaldo:
    """Per hulpvraag: de geëxtrapoleerde besparingen van middelen / alle hulpvragen van de pilot (= dekking x gemiddelde),
    met de methode van de begroting."""
    return saldi_begroting(begroting, kba)[begroting.begroting.kba_methode]


def saldi_begroting(begroting, kba: PilotUitkomst) -> dict[str, BegrotingSaldo]:
    """`saldo_begroting` voor elke methode, in één doorloop over de casussen: de werkmap van de begroting rekent met
    de methode in haar cel, en die mag de gebruiker wisselen."""
    hulpvragen = kba.pilot.hulpvragen.waarde
    kosten = kosten_uit_begroting(begroting)
    actoren = _actoren_in_verdeling(kba, kosten)
    _, totaal, per_gebied = _sommen(kba, actoren)
    extrapolator = Extrapolator(kba.pilot, kba.casussen)
    alle = {**kba.pilot.alle_actoren, ONBEKEND: ONBEKENDE_BETALER}
    uit = {}
    for methode in METHODEN:

        def per_hulpvraag(sleutel: tuple, methode=methode) -> Decimal:
            """Geëxtrapoleerd, gedeeld door alle hulpvragen van de pilot."""
            bedrag = extrapolator.uit_sommen(methode, totaal[sleutel], {g: sommen[sleutel] for g, sommen in per_gebied.items()})
            return deel(bedrag, hulpvragen)

        def ex(sleutel: tuple, methode=methode) -> Decimal:
            """Per hulpvraag van de pilot, x de hulpvragen van de begroting."""
            return vermenigvuldig(per_hulpvraag(sleutel, methode), begroting.hulpvragen)

        verdeling = _verdeling(alle, ex, actoren, kosten.per_actor, "alle")
        uit[methode] = BegrotingSaldo(
            methode, per_hulpvraag(("middelen",)), per_hulpvraag(("overdrachten",)), kosten, verdeling, {a: alle[a] for a in actoren},
            {a: {v: per_hulpvraag((v, a)) for v in ("middelen", "ontvangt", "geeft", "breder")} for a in actoren},
        )
    return uit
