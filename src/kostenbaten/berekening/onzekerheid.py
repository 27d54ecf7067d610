"""Monte-Carlo over de bereiken van de invoer: de hele KBA per trekking, gevectoriseerd in float64.

Elke trekking rekent dezelfde KBA als `berekening.kba`, maar met getrokken
invoer. Zo trekken we:

- een getal zonder bereik blijft vast (de `waarde`);
- `{waarde, min, max}`: een driehoeksverdeling met de top bij `waarde`;
- `{waarde, interval_90: [laag, hoog]}`: een gesplitste normale verdeling met
  mediaan `waarde`, links met spreiding (waarde - laag) / 1,645 en rechts met
  (hoog - waarde) / 1,645; laag en hoog zijn dan precies het 5e en 95e
  percentiel, ook als het interval scheef ligt;
- wat buiten het toegestane gebied valt (een negatief bedrag, een kans boven 1,
  een aandeel boven 100) wordt op de grens gezet;
- tellen de aandelen van de rechtsgebieden in een trekking op tot meer dan 100%,
  dan worden de getrokken aandelen naar verhouding verkleind tot de som precies
  100% is; aandelen zonder bereik blijven wat ze zijn;
- `kans` van een casus: per trekking slaagt de casus of niet (Bernoulli); bij
  succes tellen alle baten volledig, anders geen enkele; de kosten tellen altijd.
  De rekenkern gebruikt daarentegen de verwachtingswaarde (baten x kans).

Een kengetal, tarief of aandeel wordt één keer per trekking getrokken en geldt
dan voor alle casussen; uren, kansen en eigen baten trekt elke casus apart.

Geheugen: de trekkingen gaan in blokken van `BLOK`; van elke trekking bewaren we
alleen de cijfers waarvan we percentielen tonen (één float64 per cijfer). Het
werkgeheugen van een blok is vast; wat met N groeit is precies wat exacte
percentielen nodig hebben. Floats worden pas aan het eind geld, via
`geld.centen_uit_float`.

numpy wordt pas bij het trekken geladen: wie alleen wil weten of er iets
onzeker is (`onzekere_invoer`), zoals `vergelijk`, heeft het niet nodig.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from typing import TYPE_CHECKING

from kostenbaten.berekening.aanpassingen import (
    FRACTIES,
    MAANDEN_PER_JAAR,
    SOORTEN,
    geldende_aanpassingen,
    maanden_per_jaar,
)
from kostenbaten.berekening.actoren import verdeel_over_actoren
from kostenbaten.berekening.kba import PilotUitkomst, bereken_pilot
from kostenbaten.geld import centen_uit_float, deel
from kostenbaten.model.casus import METHODEN
from kostenbaten.model.casus import GROEPEN, Baat, Casus, Onzeker, Pilot

PERCENTIELEN = (5, 50, 95)
BLOK = 20_000  # trekkingen per blok; vast, zodat een zaad altijd dezelfde uitkomst geeft
Z95 = 1.6448536269514722  # 95e percentiel van de standaardnormale verdeling
HISTOGRAM_KLASSEN = 16
DELEN = ("totaal", "client", "overheid")

_GELD = (0.0, math.inf)
_KANS = (0.0, 1.0)
_PROCENT = (0.0, 100.0)
_RUIS = 1e-9  # float-afwijking van een som van aandelen die geen echte overschrijding van 100% is

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class OnzekereInvoer:
    """Eén invoerwaarde met een bereik, met de plek waar hij staat en zijn grenzen."""

    plek: str  # "kengetallen.toevoeging.bedrag" of "casus 1: uren"
    onzeker: Onzeker
    grenzen: tuple[float, float]
    naam: str = ""  # leesbaar: "Kengetal: Kostenbesparing toevoeging" of "Casus 1: SJD-uren"


@dataclass(frozen=True)
class Verdeling:
    """Percentielen en gemiddelde van één cijfer over alle trekkingen, op centen, naast de berekende waarde."""

    percentielen: dict[int, Decimal]
    gemiddelde: Decimal
    berekend: Decimal  # de uitkomst van de rekenkern (verwachtingswaarde), exact
    kans_negatief: Decimal  # aandeel trekkingen onder nul, exact (aantal / N)


@dataclass(frozen=True)
class ActorKans:
    """Het geëxtrapoleerde saldo van één actor over de trekkingen, en de kans dat zijn baten zijn kosten overtreffen."""

    naam: str
    saldo: Verdeling
    kans_baten_groter: Decimal  # aandeel trekkingen met baten > kosten (saldo > 0), exact


@dataclass(frozen=True)
class Histogram:
    randen: tuple[Decimal, ...]  # klassengrenzen, één meer dan er klassen zijn
    aantallen: tuple[int, ...]


@dataclass(frozen=True)
class OnzekerheidUitkomst:
    berekend: PilotUitkomst
    trekkingen: int
    zaad: int
    invoer: tuple[OnzekereInvoer, ...]
    kansen: tuple[int, ...]  # nummers van casussen met een kans van slagen
    casussen: dict[int, Verdeling]  # netto per casus
    gemiddelde_netto: Verdeling
    extrapolaties: dict[str, dict[str, Verdeling]]  # methode -> totaal / client / overheid
    histogrammen: dict[str, Histogram]  # methode -> histogram van het totaal
    actoren: dict[str, dict[str, ActorKans]] = field(default_factory=dict)  # methode -> actor -> saldo en kans

    @property
    def heeft_onzekerheid(self) -> bool:
        return bool(self.invoer or self.kansen)


def onzekere_invoer(pilot: Pilot, casussen) -> list[OnzekereInvoer]:
    """Alle invoer met een bereik, in een vaste volgorde (die bepaalt welke trekking waar hoort)."""
    kandidaten = [("hulpvragen", pilot.hulpvragen, _GELD, "Hulpvragen in de pilotperiode")]
    kandidaten += [
        (f"rechtsgebieden.{n}.aandeel", g.aandeel, _PROCENT, f"Aandeel {g.naam}") for n, g in pilot.rechtsgebieden.items()
    ]
    kandidaten += [(f"tarieven.{n}.per_uur", t.per_uur, _GELD, f"Tarief per uur: {t.naam}") for n, t in pilot.tarieven.items()]
    kandidaten += [(f"kengetallen.{n}.bedrag", k.bedrag, _GELD, f"Kengetal: {k.naam}") for n, k in pilot.kengetallen.items()]
    kandidaten += _aanpassingen("aanpassingen", pilot.aanpassingen, "Pilot")
    for n, k in pilot.kengetallen.items():
        kandidaten += _aanpassingen(f"kengetallen.{n}.aanpassingen", k.aanpassingen, f"Kengetal {k.naam}")
    if pilot.optimisme is not None:
        kandidaten += [
            ("optimisme.opslag_kosten", pilot.optimisme.opslag_kosten, _GELD, "Optimisme: opslag op de kosten (%)"),
            ("optimisme.korting_baten", pilot.optimisme.korting_baten, _PROCENT, "Optimisme: korting op de baten (%)"),
        ]
    for casus in casussen:
        nr = casus.nummer
        kandidaten += [
            (f"casus {nr}: uren", casus.uren, _GELD, f"Casus {nr}: SJD-uren"),
            (f"casus {nr}: kans", casus.kans, _KANS, f"Casus {nr}: kans van slagen"),
        ]
        kandidaten += _aanpassingen(f"casus {nr}: aanpassingen", casus.aanpassingen, f"Casus {nr}")
        for i, baat in enumerate(casus.baten):
            omschrijving = baat.omschrijving or f"baat {i + 1}"
            kandidaten += [
                (f"casus {nr}: baten[{i}].bedrag", baat.bedrag, _GELD, f"Casus {nr}: {omschrijving}"),
                (f"casus {nr}: baten[{i}].per_maand", baat.per_maand, _GELD, f"Casus {nr}: {omschrijving} (per maand)"),
            ]
            kandidaten += _aanpassingen(f"casus {nr}: baten[{i}].aanpassingen", baat.aanpassingen, f"Casus {nr}: {omschrijving}")
    return [OnzekereInvoer(plek, o, grenzen, naam) for plek, o, grenzen, naam in kandidaten if o is not None and o.heeft_bereik]


def _aanpassingen(plek: str, blok, naam: str) -> list:
    """Kandidaten voor de bereiken van een blok `aanpassingen` (fracties tussen 0 en 1)."""
    if blok is None:
        return []
    return [(f"{plek}.{soort}", getattr(blok, soort), _KANS, f"{naam}: {soort}") for soort in SOORTEN]


def _trek(invoer: OnzekereInvoer, rng: np.random.Generator, n: int) -> np.ndarray:
    import numpy as np

    o = invoer.onzeker
    waarde = float(o.waarde)
    if o.min is not None:
        laag, hoog = float(o.min), float(o.max)
        if laag == hoog:
            return np.full(n, waarde)
        getrokken = rng.triangular(laag, waarde, hoog, n)
    else:
        laag, hoog = (float(g) for g in o.interval_90)
        z = rng.standard_normal(n)
        getrokken = waarde + z * np.where(z < 0, (waarde - laag) / Z95, (hoog - waarde) / Z95)
    return np.clip(getrokken, *invoer.grenzen, out=getrokken)


def _baat(baat: Baat, pilot: Pilot, in_beeld: int) -> tuple[Onzeker, int, str]:
    """Invoer, vermenigvuldiger (getelde maanden) en actor van een baat, zoals `bereken_casus` ze kiest."""
    if baat.kengetal is not None:
        kengetal = pilot.kengetallen[baat.kengetal]
        return kengetal.bedrag, 1, baat.actor or kengetal.actor
    if baat.per_maand is not None:
        return baat.per_maand, min(baat.maanden, in_beeld), baat.actor
    return baat.bedrag, 1, baat.actor


class _Rekenplan:
    """De KBA als bewerkingen op arrays: één blok trekkingen in, de bewaarde cijfers uit."""

    def __init__(self, pilot: Pilot, casussen: tuple[Casus, ...], maanden: int | None, actoren: tuple[str, ...] = ()):
        self.pilot = pilot
        self.casussen = casussen
        self.in_beeld = pilot.maanden_in_beeld if maanden is None else maanden
        self.invoer = onzekere_invoer(pilot, casussen)
        self.groep = {naam: actor.groep for naam, actor in pilot.alle_actoren.items()}
        self.gebieden = {
            naam: [i for i, c in enumerate(casussen) if c.rechtsgebied == naam] for naam in pilot.rechtsgebieden
        }
        self.actoren = actoren
        # Rijen van de bewaarde cijfers: netto per casus, gemiddelde netto, per methode totaal/client/overheid,
        # dan per methode het saldo van elke actor.
        self.rijen = len(casussen) + 1 + len(METHODEN) * (len(DELEN) + len(actoren))

    def baatfactor(self, casus: Casus, baat: Baat, maanden: int, w):
        """Getelde maanden (1 bij een eenmalige baat) maal de aanpassingen, met getrokken fracties waar een bereik is."""
        geldend = geldende_aanpassingen(self.pilot, casus, baat)
        factor = 1.0
        for soort in FRACTIES:
            if soort in geldend and soort != "optimisme":  # de korting voor optimisme trekt `blok` zelf
                factor = factor * (1 - w(geldend[soort][0]))
        if baat.per_maand is not None and "afname" in geldend and maanden > MAANDEN_PER_JAAR:
            blijft = 1 - w(geldend["afname"][0])
            return factor * sum(m * blijft**t for t, m in enumerate(maanden_per_jaar(maanden)))
        return factor * maanden

    def blok(self, rng: np.random.Generator, n: int, bewaar: dict | None = None) -> np.ndarray:
        """Eén blok trekkingen; met `bewaar` ook de getrokken invoer (op plek) en per casus of hij slaagde (op nummer)."""
        import numpy as np

        getrokken = {id(i.onzeker): _trek(i, rng, n) for i in self.invoer}
        if bewaar is not None:
            bewaar.update({i.plek: getrokken[id(i.onzeker)] for i in self.invoer})

        def w(o: Onzeker):
            return getrokken.get(id(o), float(o.waarde))

        saldi = np.zeros((len(GROEPEN), len(self.casussen), n))
        client, overheid = saldi
        per_groep = dict(zip(GROEPEN, saldi))
        per_actor = {actor: np.zeros((len(self.casussen), n)) for actor in self.actoren}
        optimisme = self.pilot.optimisme
        opslag = 1.0 if optimisme is None or optimisme.opslag_kosten is None else 1 + w(optimisme.opslag_kosten) / 100
        korting = 1.0 if optimisme is None or optimisme.korting_baten is None else 1 - w(optimisme.korting_baten) / 100
        for c, casus in enumerate(self.casussen):
            uren = w(casus.uren)
            for tarief in self.pilot.tarieven.values():
                kosten = uren * w(tarief.per_uur) * opslag
                per_groep[self.groep[tarief.betaler]][c] -= kosten
                per_actor[tarief.betaler][c] -= kosten
            slaagt = 1.0 if casus.kans is None else rng.random(n) < w(casus.kans)
            if bewaar is not None and casus.kans is not None:
                bewaar[casus.nummer] = slaagt
            for baat in casus.baten:
                invoer, maanden, actor = _baat(baat, self.pilot, self.in_beeld)
                opbrengst = w(invoer) * self.baatfactor(casus, baat, maanden, w) * korting * slaagt
                per_groep[self.groep[actor]][c] += opbrengst
                per_actor[actor][c] += opbrengst
        netto = client + overheid

        aantal = len(self.casussen)
        hulpvragen = w(self.pilot.hulpvragen)
        aandelen = _aandelen_tot_honderd({naam: w(g.aandeel) for naam, g in self.pilot.rechtsgebieden.items()})
        gedekt = hulpvragen * sum(aandelen.values()) / 100
        uit = np.empty((self.rijen, n))
        uit[:aantal] = netto
        uit[aantal] = netto.sum(axis=0) / aantal

        def rapport(deel_):  # vlak gemiddelde x gedekte hulpvragen
            return deel_.sum(axis=0) / aantal * gedekt

        def gewogen(deel_):  # per rechtsgebied het eigen gemiddelde x de hulpvragen van dat gebied
            totaal = np.zeros(n)
            for naam, casusrijen in self.gebieden.items():
                if casusrijen:
                    totaal += deel_[casusrijen].sum(axis=0) / len(casusrijen) * (hulpvragen * aandelen[naam] / 100)
            return totaal

        # Per methode totaal / client / overheid, daarna per methode het saldo van elke actor.
        rijen = [f(d) for f in (rapport, gewogen) for d in (netto, client, overheid)]
        rijen += [f(d) for f in (rapport, gewogen) for d in per_actor.values()]
        uit[aantal + 1 :] = rijen
        return uit


def _aandelen_tot_honderd(aandelen: dict) -> dict:
    """Getrokken aandelen samen hooguit 100%: waar de som erboven komt, worden ze naar verhouding verkleind.

    Het model staat een som boven 100% niet toe. Alleen de getrokken aandelen
    (arrays) schuiven mee; vaste aandelen (floats) blijven staan. Zonder
    overschrijding, dus ook bij bereiken van breedte nul, verandert er niets.
    """
    import numpy as np

    getrokken = {naam: a for naam, a in aandelen.items() if isinstance(a, np.ndarray)}
    if not getrokken:
        return aandelen
    vast = sum(a for naam, a in aandelen.items() if naam not in getrokken)
    som_getrokken = sum(getrokken.values())
    te_veel = vast + som_getrokken > 100 + _RUIS
    if not te_veel.any():
        return aandelen
    ruimte = max(0.0, 100 - vast)
    factor = np.where(te_veel, ruimte / np.where(som_getrokken > 0, som_getrokken, 1.0), 1.0)
    return {naam: a * factor if naam in getrokken else a for naam, a in aandelen.items()}


def _histogram(waarden: np.ndarray) -> Histogram:
    import numpy as np

    laagste, hoogste = waarden.min(), waarden.max()
    if laagste == hoogste:  # zonder spreiding: één klasse van breedte nul
        return Histogram((centen_uit_float(laagste),) * 2, (len(waarden),))
    aantallen, randen = np.histogram(waarden, bins=HISTOGRAM_KLASSEN)
    return Histogram(tuple(centen_uit_float(r) for r in randen), tuple(int(a) for a in aantallen))


def simuleer(pilot: Pilot, casussen, trekkingen: int, zaad: int, maanden: int | None = None, blok: int = BLOK) -> OnzekerheidUitkomst:
    """Trekt `trekkingen` keer de hele KBA; hetzelfde zaad geeft dezelfde uitkomst."""
    import numpy as np

    if trekkingen < 1:
        raise ValueError("er is minstens één trekking nodig")
    casussen = tuple(casussen)
    berekend = bereken_pilot(pilot, casussen, maanden)
    verdeling_actoren = verdeel_over_actoren(berekend)
    actoren = tuple(r.actor for r in verdeling_actoren.extrapolaties[METHODEN[0]].regels)
    plan = _Rekenplan(pilot, casussen, maanden, actoren)
    rng = np.random.default_rng(zaad)
    cijfers = np.empty((plan.rijen, trekkingen))
    sommen = np.zeros(plan.rijen)
    negatief = np.zeros(plan.rijen, dtype=np.int64)
    positief = np.zeros(plan.rijen, dtype=np.int64)
    for start in range(0, trekkingen, blok):
        stop = min(start + blok, trekkingen)
        uitkomsten = cijfers[:, start:stop]
        uitkomsten[:] = plan.blok(rng, stop - start)
        # Gemiddelde en kans op verlies per blok bijhouden: geen hulparrays ter grootte van N.
        sommen += uitkomsten.sum(axis=1)
        negatief += (uitkomsten < 0).sum(axis=1)
        positief += (uitkomsten > 0).sum(axis=1)

    aantal = len(casussen)
    rapport, gewogen = (aantal + 1, aantal + 1 + len(DELEN))
    histogrammen = {}
    for methode, rij in zip(METHODEN, (rapport, gewogen)):
        histogrammen[methode] = _histogram(cijfers[rij])
    gemiddelden = sommen / trekkingen
    # Het laatste gebruik van de trekkingen: percentielen mogen de rijen ter plekke herschikken.
    percentielen = np.percentile(cijfers, PERCENTIELEN, axis=1, overwrite_input=True)

    def verdeling(rij: int, exact: Decimal) -> Verdeling:
        return Verdeling(
            percentielen={p: centen_uit_float(percentielen[k, rij]) for k, p in enumerate(PERCENTIELEN)},
            gemiddelde=centen_uit_float(gemiddelden[rij]),
            berekend=exact,
            kans_negatief=deel(Decimal(int(negatief[rij])), trekkingen),
        )

    extrapolaties = {}
    for methode, eerste in zip(METHODEN, (rapport, gewogen)):
        e = berekend.extrapolaties[methode]
        extrapolaties[methode] = {d: verdeling(eerste + k, getattr(e, d)) for k, d in enumerate(DELEN)}
    per_actor = {}
    for m, methode in enumerate(METHODEN):
        eerste = aantal + 1 + len(METHODEN) * len(DELEN) + m * len(actoren)
        per_actor[methode] = {
            r.actor: ActorKans(r.naam, verdeling(eerste + k, r.saldo), deel(Decimal(int(positief[eerste + k])), trekkingen))
            for k, r in enumerate(verdeling_actoren.extrapolaties[methode].regels)
        }
    return OnzekerheidUitkomst(
        berekend=berekend,
        trekkingen=trekkingen,
        zaad=zaad,
        invoer=tuple(plan.invoer),
        kansen=tuple(c.nummer for c in casussen if c.kans is not None),
        casussen={c.nummer: verdeling(i, c.netto) for i, c in enumerate(berekend.casussen)},
        gemiddelde_netto=verdeling(aantal, berekend.gemiddelde_netto),
        extrapolaties=extrapolaties,
        histogrammen=histogrammen,
        actoren=per_actor,
    )
