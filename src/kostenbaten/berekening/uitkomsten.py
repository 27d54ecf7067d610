"""De waarde van getelde uitkomsten: aantal x waarde per keer x (1 - contrafeitelijk) x (1 - attributie).

Dit is de tweede route naast de extrapolatie van casussen: een bibliotheek die per
hulpvraag registreert wat eruit kwam (uitkomstcodes), telt die uitkomsten en geeft
elke uitkomst een waarde in de waardekaart (`uitkomsten.yaml`). Zo werken de
WSIPP-modellen, de SROI-waardekaart en de outcome-tellingen van Citizens Advice.

Per rechtsgebied, uitkomstcode en effect:

    waarde = aantal x bedrag per keer x (100 - kans zonder spreekuur)/100 x (100 - attributie)/100

Twee blikken, als in `berekening.saldo`:
- het maatschappelijk saldo: besparingen van middelen min kosten die de uitkomsten
  veroorzaken (geinduceerd) min de kosten van het hele programma; een overdracht
  telt voor nul (de een wint wat de ander verliest) en staat apart;
- de verdelingstabel: per actor wat hij aan programmakosten betaalt, aan middelen
  bespaart, aan overdrachten ontvangt en geeft, en aan veroorzaakte kosten draagt;
  de saldi van de actoren tellen op tot het maatschappelijk saldo.

De kosten van het hele programma zijn die van de casussenmap (`saldo.programmakosten`)
per hulpvraag, maal de hulpvragen van de registratie of de telling.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from kostenbaten.berekening.prijspeil import omgerekend
from kostenbaten.berekening.saldo import Programmakosten
from kostenbaten.geld import NUL, deel, som, vermenigvuldig
from kostenbaten.model.casus import Pilot
from kostenbaten.model.uitkomsten import ZONDER_RECHTSGEBIED, Telling, Waardekaart

HONDERD = Decimal(100)
# Een bedrag uit een kolom van de registratie: geen kengetal, dus geen kwaliteitsgraad van de bank.
REGISTRATIE = "registratie"
GRADEN = ("A", "B", "C", "D", REGISTRATIE)


class Waardepost(NamedTuple):
    rechtsgebied: str
    code: str
    effect: str  # de omschrijving van het effect
    soort: str  # middelen, overdracht of geinduceerd
    actor: str  # wie bespaart, ontvangt of de veroorzaakte kost draagt
    van: str | None  # bij een overdracht: wie betaalt
    aantal: int
    per_keer: Decimal
    contrafeitelijk: Decimal  # procent
    attributie: Decimal  # procent
    waarde: Decimal
    bron: str
    kolom: str | None = None  # het bedrag per hulpvraag komt uit deze kolom (per_keer is dan het gemiddelde)
    graad: str = "D"  # kwaliteitsgraad A-D van het bedrag, of REGISTRATIE voor een bedrag uit een kolom


class Actorregel(NamedTuple):
    actor: str
    naam: str
    betaalt: Decimal  # programmakosten
    middelen: Decimal
    ontvangt: Decimal
    geeft: Decimal
    geinduceerd: Decimal

    @property
    def saldo(self) -> Decimal:
        return self.middelen + self.ontvangt - self.geeft - self.geinduceerd - self.betaalt


class Gebiedswaarde(NamedTuple):
    rechtsgebied: str
    naam: str
    middelen: Decimal
    overdrachten: Decimal
    geinduceerd: Decimal

    @property
    def netto_middelen(self) -> Decimal:
        return self.middelen - self.geinduceerd


class Prijspeil(NamedTuple):
    """Naar welk jaar de eigen bedragen van de waardekaart (en die uit kolommen) zijn omgerekend, met welke reeks."""

    jaar: int
    reeks: str  # de naam van de prijsindex
    index: dict[int, Decimal]  # jaar -> indexcijfer
    voorbeeld: bool = False  # een voorbeeldreeks, geen echte cijfers


class Uitkomstenwaardering(NamedTuple):
    telling: Telling
    posten: tuple[Waardepost, ...]
    rechtsgebieden: tuple[Gebiedswaarde, ...]
    kosten: Programmakosten  # voor de hulpvragen van de telling
    verdeling: tuple[Actorregel, ...]
    minimale_volledigheid: Decimal
    zonder_waarde: tuple[tuple[str, int], ...]  # (code, aantal) van codes die de waardekaart niet kent
    zonder_bedrag: tuple[tuple[str, str, int], ...] = ()  # (code, bedrag, hulpvragen) zonder het bedrag dat een effect nodig heeft
    prijspeil: Prijspeil | None = None  # met --prijspeil: het jaar van alle bedragen

    @property
    def waarde_per_graad(self) -> dict[str, Decimal]:
        """De waarde van de uitkomsten (middelen en overdrachten) per kwaliteitsgraad, en die uit de registratie."""
        return {g: som(p.waarde for p in self.posten if p.graad == g and p.soort != "geinduceerd") for g in GRADEN}

    @property
    def waarde(self) -> Decimal:
        return self.middelen + self.overdrachten

    def aandeel(self, graad: str) -> Decimal | None:
        """Aandeel (0 tot 1) van de waarde op deze graad; None zonder waarde."""
        return None if not self.waarde else deel(self.waarde_per_graad[graad], self.waarde)

    @property
    def aandeel_c_of_d(self) -> Decimal | None:
        return None if not self.waarde else deel(self.waarde_per_graad["C"] + self.waarde_per_graad["D"], self.waarde)

    @property
    def middelen(self) -> Decimal:
        return som(p.waarde for p in self.posten if p.soort == "middelen")

    @property
    def overdrachten(self) -> Decimal:
        return som(p.waarde for p in self.posten if p.soort == "overdracht")

    @property
    def geinduceerd(self) -> Decimal:
        return som(p.waarde for p in self.posten if p.soort == "geinduceerd")

    @property
    def saldo(self) -> Decimal:
        """Het maatschappelijk saldo: middelen min veroorzaakte kosten min de kosten van het hele programma."""
        return self.middelen - self.geinduceerd - self.kosten.totaal

    @property
    def volledigheid(self) -> Decimal:
        """Procent van de hulpvragen met een geregistreerde uitkomst."""
        return deel(vermenigvuldig(self.telling.met_uitkomst, HONDERD), self.telling.hulpvragen)

    @property
    def te_onvolledig(self) -> bool:
        return self.volledigheid < self.minimale_volledigheid


def _effect_gegevens(effect, pilot: Pilot, uitkomst: str) -> tuple[str, str, str | None, Decimal | None, str, str]:
    """(soort, actor, van, bedrag per keer, bron, omschrijving) van een effect, uit het kengetal of uit het effect zelf.

    Bij een bedrag uit een kolom is het bedrag per keer None: dat volgt uit de telling.
    """
    if effect.kengetal is not None:
        k = pilot.kengetallen[effect.kengetal]
        return k.soort, k.actor, k.van, k.bedrag.waarde, k.bron, effect.omschrijving or k.naam
    return effect.soort, effect.actor, effect.van, effect.bedrag, effect.bron, effect.omschrijving or uitkomst


def _uit_kolom(effect, bedragen: dict[str, Decimal]) -> Decimal:
    """Het totaal van een effect met een bedrag per hulpvraag: som(kolom) - som(min_kolom), maal maanden."""
    totaal = bedragen.get(effect.kolom, NUL) - (bedragen.get(effect.min_kolom, NUL) if effect.min_kolom else NUL)
    return vermenigvuldig(totaal, effect.maanden or 1)


def schaal_kosten(kosten: Programmakosten, hulpvragen: int) -> Programmakosten:
    """De kosten van het hele programma per hulpvraag, maal `hulpvragen`."""
    return Programmakosten(
        kosten.route,
        Decimal(hulpvragen),
        deel(vermenigvuldig(kosten.totaal, hulpvragen), kosten.hulpvragen),
        {a: deel(vermenigvuldig(b, hulpvragen), kosten.hulpvragen) for a, b in kosten.per_actor.items()},
        kosten.uitleg,
    )


def waardeer(
    telling: Telling, kaart: Waardekaart, pilot: Pilot, kosten: Programmakosten, graden: dict[str, str] | None = None,
    prijspeil: Prijspeil | None = None,
) -> Uitkomstenwaardering:
    """De waarde van de getelde uitkomsten, per rechtsgebied en per actor; `kosten` zijn die van de casussenmap.

    `graden` is de kwaliteitsgraad per kengetal (`berekening.kengetallen.graden`); een kengetal zonder graad telt als D.
    Met `prijspeil` gaan de eigen bedragen van de kaart en die uit kolommen (op het `prijspeil` van hun effect) naar
    dat jaar: bedrag x index[jaar] / index[prijspeil]; de kengetallen en tarieven van `pilot` zijn dan al omgerekend.
    """
    graden = graden or {}

    def naar_jaar(bedrag: Decimal, effect) -> Decimal:
        if prijspeil is None or effect.kengetal is not None:
            return bedrag
        return omgerekend(bedrag, prijspeil.index[effect.prijspeil], prijspeil.index[prijspeil.jaar])

    posten: list[Waardepost] = []
    zonder: dict[str, int] = {}
    for gebied, codes in telling.aantallen.items():  # de uitkomsten
        for code, aantal in codes.items():
            uitkomst = kaart.uitkomsten.get(code)
            if uitkomst is None:
                zonder[code] = zonder.get(code, 0) + aantal
                continue
            kans = uitkomst.contrafeitelijk.kans
            for effect in uitkomst.effecten:
                soort, actor, van, per_keer, bron, omschrijving = _effect_gegevens(effect, pilot, uitkomst.omschrijving)
                if effect.kolom is not None:
                    totaal = naar_jaar(_uit_kolom(effect, telling.bedragen.get(gebied, {}).get(code, {})), effect)
                    per_keer = deel(totaal, aantal) if aantal else NUL  # het gemiddelde, alleen om te tonen
                else:
                    per_keer = naar_jaar(per_keer, effect)
                    totaal = vermenigvuldig(aantal, per_keer)
                waarde = deel(vermenigvuldig(totaal, HONDERD - kans, HONDERD - kaart.attributie), HONDERD * HONDERD)
                if effect.kengetal is not None:
                    graad = graden.get(effect.kengetal, "D")
                else:
                    graad = REGISTRATIE if effect.kolom is not None else effect.kwaliteit or "D"
                posten.append(Waardepost(gebied, code, omschrijving, soort, actor, van, aantal, per_keer, kans, kaart.attributie, waarde, bron,
                                         effect.kolom, graad))
    # Een doorverwijzing met kosten in de koppeling (een advocaat: een toevoeging voor het rijk): een kost die de hulp
    # veroorzaakt, voor de actor van het kengetal; zonder contrafeitelijk of attributie (de doorverwijzing is gedaan).
    for gebied, per_org in telling.doorverwezen.items():
        for org, aantal in per_org.items():
            sleutel = telling.verwijskosten.get(org)
            if sleutel is None or not aantal:
                continue
            k = pilot.kengetallen[sleutel]
            posten.append(Waardepost(gebied, f"doorverwezen naar {org}", f"kosten per doorverwijzing: kengetal '{sleutel}'", "geinduceerd", k.actor, None, aantal, k.bedrag.waarde,
                                     NUL, NUL, vermenigvuldig(aantal, k.bedrag.waarde), k.bron, None, graden.get(sleutel, "D")))
    kosten = schaal_kosten(kosten, telling.hulpvragen)
    namen = {k: g.naam for k, g in pilot.rechtsgebieden.items()} | {ZONDER_RECHTSGEBIED: "Onderwerp zonder rechtsgebied"}
    gebieden = tuple(
        Gebiedswaarde(
            g, namen.get(g, g),
            som(p.waarde for p in posten if p.rechtsgebied == g and p.soort == "middelen"),
            som(p.waarde for p in posten if p.rechtsgebied == g and p.soort == "overdracht"),
            som(p.waarde for p in posten if p.rechtsgebied == g and p.soort == "geinduceerd"),
        )
        for g in dict.fromkeys((*telling.aantallen, *telling.doorverwezen))
    )
    actoren: list[str] = []
    for a in (*kosten.per_actor, *(p.actor for p in posten), *(p.van for p in posten if p.van)):
        if a not in actoren:
            actoren.append(a)
    alle = pilot.alle_actoren
    verdeling = tuple(
        Actorregel(
            a, alle[a].naam if a in alle else a,
            kosten.per_actor.get(a, NUL),
            som(p.waarde for p in posten if p.soort == "middelen" and p.actor == a),
            som(p.waarde for p in posten if p.soort == "overdracht" and p.actor == a),
            som(p.waarde for p in posten if p.soort == "overdracht" and p.van == a),
            som(p.waarde for p in posten if p.soort == "geinduceerd" and p.actor == a),
        )
        for a in actoren
    )
    nodig = {(c, k) for c, u in kaart.uitkomsten.items() for e in u.effecten for k in (e.kolom, e.min_kolom) if k is not None}
    zonder_bedrag = tuple((c, k, n) for c, per in telling.zonder_bedrag.items() for k, n in per.items() if (c, k) in nodig and n)
    return Uitkomstenwaardering(
        telling, tuple(posten), gebieden, kosten, verdeling, kaart.minimale_volledigheid, tuple(zonder.items()), zonder_bedrag, prijspeil
    )


class Methoden(NamedTuple):
    """Voor het rapport: de getelde uitkomsten naast de extrapolatie van casussen, die de kop van het rapport draagt."""

    uitkomsten: Uitkomstenwaardering
    casussen: object  # `berekening.saldo.Saldo` van de casusroute (methode met één gemiddelde), of None
    aantal_casussen: int
    kop: str = "casussen"  # de methode van de kop van het rapport: altijd de extrapolatie van casussen


def naast_casussen(waardering: Uitkomstenwaardering, maatschappelijk, aantal_casussen: int) -> Methoden:
    """De waardering van getelde uitkomsten naast het maatschappelijk saldo van de casussen (`SaldoUitkomst` of None)."""
    saldo = maatschappelijk.methoden.get("rapport") if maatschappelijk is not None else None
    return Methoden(waardering, saldo, aantal_casussen)
