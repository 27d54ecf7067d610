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
- `kans` van een casus werkt op de hulpvragen die de casus vertegenwoordigt:
  het aantal geslaagde is Binomiaal(r, kans), met r dat aantal op een geheel
  getal (`_geheel`), en het aandeel geslaagden telt voor al die hulpvragen; de
  kosten tellen altijd. Met een getrokken kans is dat een mengverdeling zoals
  de bèta-binomiale. Daarnaast per trekking de verwachting gegeven de
  parameters (baten x kans): de parameteronzekerheid apart van de uitkomsten
  per hulpvraag. De rij per casus toont één hulpvraag: slaagt of niet.

De centrale schatting is de verwachte waarde (`verwachting`): exact waar het
model lineair is in onafhankelijke invoer, anders het gemiddelde van de
trekkingen. De onzekerheid van weinig casussen staat apart
(`steekproeffout`).

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
from kostenbaten.berekening.kba import PilotUitkomst, bereken_pilot, soort_en_betaler
from kostenbaten.geld import centen_uit_float, deel
from kostenbaten.model.casus import METHODEN
from kostenbaten.model.casus import GROEPEN, Baat, Casus, Onzeker, Pilot

PERCENTIELEN = (5, 50, 95)
BLOK = 20_000  # trekkingen per blok; vast, zodat een zaad altijd dezelfde uitkomst geeft
Z95 = 1.6448536269514722  # 95e percentiel van de standaardnormale verdeling
HISTOGRAM_KLASSEN = 16
DELEN = ("totaal", *GROEPEN)  # totaal, client, overheid, overig

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
    """Percentielen en gemiddelde van één cijfer over alle trekkingen, op centen, naast de berekende waarden."""

    percentielen: dict[int, Decimal]
    gemiddelde: Decimal
    berekend: Decimal  # de uitkomst van de rekenkern bij de meest waarschijnlijke invoer (`waarde`), exact
    kans_negatief: Decimal  # aandeel trekkingen onder nul, exact (aantal / N)
    verwacht: Decimal | None = None  # de verwachte waarde: de centrale schatting (zie `OnzekerheidUitkomst.centrum`)


@dataclass(frozen=True)
class ActorKans:
    """Het geëxtrapoleerde saldo van één actor over de trekkingen, en de kans dat zijn baten zijn kosten overtreffen.

    Die kans zegt alleen iets over een actor die kosten draagt; voor een actor
    die alleen ontvangt is `kans_baten_groter` None (`ontvangt_alleen`).
    """

    naam: str
    saldo: Verdeling
    kans_baten_groter: Decimal | None  # aandeel trekkingen met baten > kosten (saldo > 0), exact; None: ontvangt alleen

    @property
    def ontvangt_alleen(self) -> bool:
        return self.kans_baten_groter is None


@dataclass(frozen=True)
class Histogram:
    randen: tuple[Decimal, ...]  # klassengrenzen, één meer dan er klassen zijn
    aantallen: tuple[int, ...]


@dataclass(frozen=True)
class Centrum:
    """Hoe de centrale schatting (de verwachte waarde) is bepaald."""

    exact: bool  # True: exact, het model is lineair in onafhankelijke invoer (gemiddelde van elk bereik ingevuld)
    reden: str  # waarom exact, of waarom Monte Carlo
    verwacht: PilotUitkomst  # de rekenkern met het gemiddelde van elk bereik; bij `exact` de verwachte waarde


@dataclass(frozen=True)
class OnzekerheidUitkomst:
    berekend: PilotUitkomst  # bij de meest waarschijnlijke invoer
    trekkingen: int
    zaad: int
    invoer: tuple[OnzekereInvoer, ...]
    kansen: tuple[int, ...]  # nummers van casussen met een kans van slagen
    casussen: dict[int, Verdeling]  # netto van één hulpvraag als deze casus (slaagt of niet)
    gemiddelde_netto: Verdeling  # per vertegenwoordigde hulpvraag (vlak), parameters en uitkomsten samen
    extrapolaties: dict[str, dict[str, Verdeling]]  # methode -> totaal / client / overheid: parameters en uitkomsten
    histogrammen: dict[str, Histogram]  # methode -> histogram van het totaal
    actoren: dict[str, dict[str, ActorKans]] = field(default_factory=dict)  # methode -> actor -> saldo en kans
    # Alleen de parameteronzekerheid: de verwachting over de uitkomsten per hulpvraag gegeven de getrokken parameters.
    parameters: dict[str, dict[str, Verdeling]] = field(default_factory=dict)
    gemiddelde_netto_parameters: Verdeling | None = None
    # Per methode het deel van de variantie van het totaal dat uit de uitkomsten per hulpvraag komt (0 tot 1).
    deel_uitkomsten: dict[str, Decimal] = field(default_factory=dict)
    # Per methode de verdeling van de spreiding over "steekproef", "parameters" en "uitkomsten" (samen 1), als
    # de drie onafhankelijk waren: variantie van de bootstrap, van de verwachting bij de parameters en de rest.
    spreiding: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    centrum: Centrum | None = None
    steekproef: object = None  # `berekening.steekproeffout.Steekproeffout`: de onzekerheid van weinig casussen
    # Per methode het maatschappelijk saldo (besparingen van middelen min de kosten van het hele programma), en de kostenroute.
    saldo: dict[str, Verdeling] = field(default_factory=dict)
    kosten_route: str | None = None
    # Het maatschappelijk saldo en de verdelingstabel bij de meest waarschijnlijke invoer (`berekening.saldo.SaldoUitkomst`).
    maatschappelijk: object = None
    # Per methode wat de spreiding van het totaal in de trekkingen het meest drijft: per invoer met een bereik het deel
    # van de variantie van het totaal dat zij alleen verklaart (haar kwadraat van de correlatie met de verwachting bij
    # de parameters, maal het deel van de parameters), van groot naar klein. Het deel van de uitkomst per hulpvraag
    # staat in `deel_uitkomsten`; de kleine steekproef zit niet in de trekkingen (zie `steekproef`).
    drijvers: dict[str, tuple[tuple[OnzekereInvoer, Decimal], ...]] = field(default_factory=dict)

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
    kandidaten += [(f"kengetallen.{n}.{k.veld}", k.invoer, _GELD, f"Kengetal: {k.naam}") for n, k in pilot.kengetallen.items()]
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


def is_onzeker(pilot: Pilot, casussen) -> bool:
    """Heeft de invoer een bereik of een casus met een kans van slagen? Alleen dan verschilt de ene trekking van de andere."""
    return bool(onzekere_invoer(pilot, casussen)) or any(c.kans is not None for c in casussen)


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
        if kengetal.per_maand is not None:
            return kengetal.per_maand, min(kengetal.maanden, in_beeld), baat.actor or kengetal.actor
        return kengetal.bedrag, 1, baat.actor or kengetal.actor
    if baat.per_maand is not None:
        return baat.per_maand, min(baat.maanden, in_beeld), baat.actor
    return baat.bedrag, 1, baat.actor


class _Rekenplan:
    """De KBA als bewerkingen op arrays: één blok trekkingen in, de bewaarde cijfers uit.

    Per trekking worden eerst de parameters getrokken (alles met een bereik).
    Daarna per casus drie keer de kans van slagen:

    - de verwachting gegeven de parameters: baten x kans (de parameteronzekerheid);
    - de uitkomsten van de hulpvragen die de casus vertegenwoordigt, per methode:
      het aandeel geslaagden uit Binomiaal(r, kans) / r met r het aantal
      vertegenwoordigde hulpvragen op een geheel getal (`_geheel`); met een getrokken
      kans is dat een mengverdeling zoals de bèta-binomiale;
    - één hulpvraag als deze casus: slaagt of niet (de rij per casus).
    """

    def __init__(
        self, pilot: Pilot, casussen: tuple[Casus, ...], maanden: int | None, actoren: tuple[str, ...] = (), vaste_kosten: float | None = None
    ):
        self.pilot = pilot
        # De kosten van een begroting (`--begroting`): vast, in elke trekking gelijk; None: uit uren of casussen.
        self.vaste_kosten = vaste_kosten
        self.casussen = casussen
        self.in_beeld = pilot.maanden_in_beeld if maanden is None else maanden
        self.invoer = onzekere_invoer(pilot, casussen)
        self.groep = {naam: actor.groep for naam, actor in pilot.alle_actoren.items()}
        self.gebieden = {
            naam: [i for i, c in enumerate(casussen) if c.rechtsgebied == naam] for naam in pilot.rechtsgebieden
        }
        self.actoren = actoren
        aantal = len(casussen)
        self.rij_gemiddelde = aantal
        self.rij_actoren = aantal + 1 + len(METHODEN) * len(DELEN)
        self.rij_gemiddelde_parameters = self.rij_actoren + len(METHODEN) * len(actoren)
        # Rijen van de bewaarde cijfers: netto per casus (één hulpvraag), gemiddelde netto, per methode
        # totaal en elke groep, per methode het saldo van elke actor; dan alleen over de parameters het
        # gemiddelde netto en per methode totaal en elke groep.
        self.rijen = self.rij_gemiddelde_parameters + 1 + len(METHODEN) * len(DELEN)
        # Daarna per methode het maatschappelijk saldo: besparingen van middelen min de kosten van het hele programma.
        self.rij_saldo = self.rijen
        self.rijen += len(METHODEN)
        alle = pilot.alle_actoren
        self.middelen = {
            (c, i): soort_en_betaler(baat, pilot, alle)[0] == "middelen" for c, casus in enumerate(casussen) for i, baat in enumerate(casus.baten)
        }

    def rij(self, methode: str, deel_: str = "totaal", parameters: bool = False) -> int:
        """De rij van een geëxtrapoleerd cijfer; `parameters`: de verwachting gegeven de getrokken parameters."""
        plek = METHODEN.index(methode) * len(DELEN) + DELEN.index(deel_)
        return (self.rij_gemiddelde_parameters + 1 if parameters else self.rij_gemiddelde + 1) + plek

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
        """Eén blok trekkingen; met `bewaar` ook de getrokken invoer (op plek)."""
        import numpy as np

        getrokken = {id(i.onzeker): _trek(i, rng, n) for i in self.invoer}
        if bewaar is not None:
            bewaar.update({i.plek: getrokken[id(i.onzeker)] for i in self.invoer})

        def w(o: Onzeker):
            return getrokken.get(id(o), float(o.waarde))

        aantal = len(self.casussen)
        hulpvragen = w(self.pilot.hulpvragen)
        aandelen = _aandelen_tot_honderd({naam: w(g.aandeel) for naam, g in self.pilot.rechtsgebieden.items()})
        gedekt = hulpvragen * sum(aandelen.values()) / 100
        gebied_hulpvragen = {naam: hulpvragen * aandelen[naam] / 100 for naam in self.gebieden}
        # Hoeveel hulpvragen één casus vertegenwoordigt, per methode, op een geheel aantal voor de binomiale trekking.
        r_vlak = _geheel(gedekt / aantal)
        r_gebied = {naam: _geheel(gebied_hulpvragen[naam] / len(rijen)) for naam, rijen in self.gebieden.items() if rijen}

        # Per casus regels: de groepen (GROEPEN), de actoren, dan de besparingen van middelen en alle kosten.
        regels = len(GROEPEN) + len(self.actoren) + 2
        plek_groep = {g: k for k, g in enumerate(GROEPEN)}
        plek_actor = {a: len(GROEPEN) + k for k, a in enumerate(self.actoren)}
        plek_middelen, plek_kosten = regels - 2, regels - 1
        sommen = {v: {naam: np.zeros((regels, n)) for naam in self.gebieden} for v in ("verwacht", "rapport", "gewogen")}
        uit = np.empty((self.rijen, n))
        optimisme = self.pilot.optimisme
        opslag = 1.0 if optimisme is None or optimisme.opslag_kosten is None else 1 + w(optimisme.opslag_kosten) / 100
        korting = 1.0 if optimisme is None or optimisme.korting_baten is None else 1 - w(optimisme.korting_baten) / 100
        for c, casus in enumerate(self.casussen):
            kosten = np.zeros((regels, n))
            baten = np.zeros((regels, n))  # bij succes
            uren = w(casus.uren)
            for tarief in self.pilot.tarieven.values():
                bedrag = uren * w(tarief.per_uur) * opslag
                kosten[plek_groep[self.groep[tarief.betaler]]] += bedrag
                kosten[plek_kosten] += bedrag
                if tarief.betaler in plek_actor:
                    kosten[plek_actor[tarief.betaler]] += bedrag
            for i, baat in enumerate(casus.baten):
                invoer, maanden, actor = _baat(baat, self.pilot, self.in_beeld)
                opbrengst = w(invoer) * self.baatfactor(casus, baat, maanden, w) * korting
                baten[plek_groep[self.groep[actor]]] += opbrengst
                if self.middelen[(c, i)]:
                    baten[plek_middelen] += opbrengst
                if actor in plek_actor:
                    baten[plek_actor[actor]] += opbrengst
            gebied = casus.rechtsgebied
            if casus.kans is None:
                netto = baten - kosten
                for v in sommen:
                    sommen[v][gebied] += netto
                uit[c] = netto[: len(GROEPEN)].sum(axis=0)
                continue
            kans = np.broadcast_to(np.asarray(w(casus.kans), dtype=float), (n,))
            sommen["verwacht"][gebied] += baten * kans - kosten
            sommen["rapport"][gebied] += baten * (rng.binomial(r_vlak, kans) / r_vlak) - kosten
            sommen["gewogen"][gebied] += baten * (rng.binomial(r_gebied[gebied], kans) / r_gebied[gebied]) - kosten
            slaagt = rng.random(n) < kans
            uit[c] = (baten[: len(GROEPEN)] * slaagt - kosten[: len(GROEPEN)]).sum(axis=0)

        def vlak(v):  # vlak gemiddelde x gedekte hulpvragen, per regel
            return sum(sommen[v].values()) / aantal * gedekt

        def gewogen(v):  # per rechtsgebied het eigen gemiddelde x de hulpvragen van dat gebied
            totaal = np.zeros((regels, n))
            for naam, casusrijen in self.gebieden.items():
                if casusrijen:
                    totaal += sommen[v][naam] / len(casusrijen) * gebied_hulpvragen[naam]
            return totaal

        def delen(regelsom):  # totaal en dan elke groep (DELEN)
            return [regelsom[: len(GROEPEN)].sum(axis=0), *(regelsom[plek_groep[g]] for g in GROEPEN)]

        rapport, per_gebied = vlak("rapport"), gewogen("gewogen")
        uit[aantal] = sum(sommen["rapport"].values())[: len(GROEPEN)].sum(axis=0) / aantal
        uit[aantal + 1 : self.rij_actoren] = delen(rapport) + delen(per_gebied)
        if self.actoren:
            uit[self.rij_actoren : self.rij_gemiddelde_parameters] = [
                t[plek_actor[a]] for t in (rapport, per_gebied) for a in self.actoren
            ]
        uit[self.rij_gemiddelde_parameters] = sum(sommen["verwacht"].values())[: len(GROEPEN)].sum(axis=0) / aantal
        uit[self.rij_gemiddelde_parameters + 1 : self.rij_saldo] = delen(vlak("verwacht")) + delen(gewogen("verwacht"))
        # De kosten van het hele programma (berekening.saldo.programmakosten): geregistreerde uren x alle hulpvragen
        # x de tarieven, anders de kosten van een begroting (vast), anders de gemiddelde kosten van een casus x alle
        # hulpvragen. De kostenrij telt negatief.
        if self.pilot.uren_per_hulpvraag is not None:
            programmakosten = w(self.pilot.uren_per_hulpvraag) * hulpvragen * sum(w(t.per_uur) for t in self.pilot.tarieven.values())
        elif self.vaste_kosten is not None:
            programmakosten = self.vaste_kosten
        else:
            programmakosten = -sum(sommen["verwacht"].values())[plek_kosten] / aantal * hulpvragen
        uit[self.rij_saldo] = rapport[plek_middelen] - programmakosten
        uit[self.rij_saldo + 1] = per_gebied[plek_middelen] - programmakosten
        return uit


def _geheel(hulpvragen):
    """Het aantal vertegenwoordigde hulpvragen voor de binomiale trekking: afgerond (een half naar even), minstens 1.

    Het getrokken aandeel geslaagden (geslaagd / r) telt daarna voor alle,
    ook niet-gehele, hulpvragen: het gemiddelde blijft precies de kans, de
    spreiding is die van r hulpvragen.
    """
    import numpy as np

    return np.maximum(1, np.rint(hulpvragen)).astype(np.int64)


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


def gemiddelde_van(o: Onzeker) -> Decimal | None:
    """Het gemiddelde van een bereik: exact (min + waarde + max) / 3 bij een driehoek; None bij een 90%-interval."""
    if o.min is None:
        return None
    return deel(o.min + o.waarde + o.max, 3)


def _met_gemiddelden(obj, interval: list):
    """Een kopie van een model waarin elke invoer met een driehoek zijn gemiddelde als `waarde` heeft, zonder bereik.

    Een invoer met een 90%-interval houdt zijn `waarde` (het gemiddelde van een
    gesplitste normale verdeling is geen eindige decimale breuk) en komt in `interval`.
    """
    from pydantic import BaseModel

    if isinstance(obj, Onzeker):
        if not obj.heeft_bereik:
            return obj
        gemiddelde = gemiddelde_van(obj)
        if gemiddelde is None:
            interval.append(obj)
            return obj
        return obj.model_copy(update={"waarde": gemiddelde, "min": None, "max": None})
    if isinstance(obj, BaseModel):
        update = {}
        for naam in type(obj).model_fields:
            oud = getattr(obj, naam)
            nieuw = _met_gemiddelden(oud, interval)
            if nieuw is not oud:
                update[naam] = nieuw
        return obj.model_copy(update=update) if update else obj
    if isinstance(obj, dict):
        nieuw = {k: _met_gemiddelden(v, interval) for k, v in obj.items()}
        return nieuw if any(nieuw[k] is not obj[k] for k in obj) else obj
    if isinstance(obj, (tuple, list)):
        nieuw = [_met_gemiddelden(v, interval) for v in obj]
        return type(obj)(nieuw) if any(x is not y for x, y in zip(nieuw, obj)) else obj
    return obj


def verwachting(pilot: Pilot, casussen, maanden: int | None = None) -> Centrum:
    """De verwachte waarde als centrale schatting, exact waar het model lineair is in onafhankelijke invoer.

    Elke invoer wordt apart getrokken en komt in elk product hoogstens één keer
    voor (uren x tarief, bedrag x kans x (1 - deadweight) x ...); de verwachting
    van zo'n som van producten is dan de som van de producten van de
    gemiddelden. Dat geldt niet (en de verwachte waarde komt dan uit de
    Monte-Carlo) bij een 90%-interval (het gemiddelde van de gesplitste normale
    verdeling, die bovendien op zijn grenzen wordt gezet), bij aandelen die
    samen boven 100% kunnen komen (ze worden geschaald) en bij een afname met een
    bereik over meer dan twaalf maanden ((1 - afname)^t is niet lineair).
    """
    casussen = tuple(casussen)
    invoer = onzekere_invoer(pilot, casussen)
    if not invoer:
        reden = "geen invoer met een bereik: de verwachte waarde is de berekende waarde (een kans van slagen telt als verwachting)"
        return Centrum(True, reden, bereken_pilot(pilot, casussen, maanden))
    interval: list = []
    gemiddeld_pilot = _met_gemiddelden(pilot, interval)
    gemiddeld_casussen = tuple(_met_gemiddelden(c, interval) for c in casussen)
    verwacht = bereken_pilot(gemiddeld_pilot, gemiddeld_casussen, maanden)
    redenen = []
    if interval:
        redenen.append("een invoer met een 90%-interval")
    hoogste = sum((g.aandeel.max if g.aandeel.max is not None else g.aandeel.waarde) for g in pilot.rechtsgebieden.values())
    if any(g.aandeel.interval_90 is not None for g in pilot.rechtsgebieden.values()) or hoogste > 100:
        redenen.append("aandelen van rechtsgebieden die samen boven 100% kunnen komen")
    in_beeld = pilot.maanden_in_beeld if maanden is None else maanden
    if in_beeld > MAANDEN_PER_JAAR and any(i.plek.endswith(".afname") for i in invoer):
        redenen.append("een afname met een bereik over meer dan twaalf maanden")
    if redenen:
        return Centrum(False, "Monte Carlo (gemiddelde van de trekkingen): het model is niet lineair door " + " en ".join(redenen), verwacht)
    return Centrum(True, "exact: het model is lineair in onafhankelijke invoer; elk bereik telt met zijn gemiddelde (min + waarde + max) / 3", verwacht)


def simuleer(
    pilot: Pilot, casussen, trekkingen: int, zaad: int, maanden: int | None = None, blok: int = BLOK, bootstrap: int | None = None,
    begroting=None,
) -> OnzekerheidUitkomst:
    """Trekt `trekkingen` keer de hele KBA; hetzelfde zaad geeft dezelfde uitkomst. Met een `begroting`
    (`berekening.begroting.BegrotingUitkomst`) rust het maatschappelijk saldo op haar kosten, in elke trekking gelijk
    (tenzij een registratie uren per hulpvraag geeft: `saldo.programmakosten`)."""
    from kostenbaten.berekening.saldo import ROUTE_BEGROTING, bereken_saldo, maatschappelijk_saldo, programmakosten

    import numpy as np

    from kostenbaten.berekening.steekproeffout import BOOTSTRAP, steekproeffout

    if trekkingen < 1:
        raise ValueError("er is minstens één trekking nodig")
    casussen = tuple(casussen)
    berekend = bereken_pilot(pilot, casussen, maanden)
    centrum = verwachting(pilot, casussen, maanden)
    verdeling_actoren = verdeel_over_actoren(berekend)
    verwachte_actoren = verdeel_over_actoren(centrum.verwacht)
    actoren = tuple(r.actor for r in verdeling_actoren.extrapolaties[METHODEN[0]].regels)
    kosten = programmakosten(berekend, begroting)
    plan = _Rekenplan(pilot, casussen, maanden, actoren, float(kosten.totaal) if kosten.route == ROUTE_BEGROTING else None)
    rng = np.random.default_rng(zaad)
    cijfers = np.empty((plan.rijen, trekkingen))
    sommen = np.zeros(plan.rijen)
    negatief = np.zeros(plan.rijen, dtype=np.int64)
    positief = np.zeros(plan.rijen, dtype=np.int64)
    # Per invoer met een bereik: som van x, x kwadraat en x maal de verwachting bij de parameters (per methode).
    rij_parameters = [plan.rij(methode, parameters=True) for methode in METHODEN]
    momenten = np.zeros((len(plan.invoer), 2 + len(METHODEN)))
    for start in range(0, trekkingen, blok):
        stop = min(start + blok, trekkingen)
        uitkomsten = cijfers[:, start:stop]
        getrokken: dict = {}
        uitkomsten[:] = plan.blok(rng, stop - start, getrokken)
        for k, invoer in enumerate(plan.invoer):
            x = getrokken[invoer.plek]
            momenten[k, 0] += x.sum()
            momenten[k, 1] += (x * x).sum()
            momenten[k, 2:] += uitkomsten[rij_parameters] @ x
        # Gemiddelde en kans op verlies per blok bijhouden: geen hulparrays ter grootte van N.
        sommen += uitkomsten.sum(axis=1)
        negatief += (uitkomsten < 0).sum(axis=1)
        positief += (uitkomsten > 0).sum(axis=1)

    aantal = len(casussen)
    histogrammen = {methode: _histogram(cijfers[plan.rij(methode)]) for methode in METHODEN}
    gemiddelden = sommen / trekkingen
    steekproef = steekproeffout(centrum.verwacht, zaad, BOOTSTRAP if bootstrap is None else bootstrap)
    # Wet van de totale variantie: var(totaal) = var(E[totaal | parameters]) + E[var(totaal | parameters)].
    deel_uitkomsten, spreiding = {}, {}
    for methode in METHODEN:
        geheel = float(cijfers[plan.rij(methode)].var())
        alleen_parameters = min(geheel, float(cijfers[plan.rij(methode, parameters=True)].var()))
        verhouding = 0.0 if geheel <= 0 else min(1.0, max(0.0, 1 - alleen_parameters / geheel))
        deel_uitkomsten[methode] = Decimal(f"{verhouding:.4f}")
        delen = {"steekproef": steekproef.variantie[methode], "parameters": alleen_parameters, "uitkomsten": geheel - alleen_parameters}
        samen = sum(delen.values())
        spreiding[methode] = {k: Decimal(f"{(v / samen if samen > 0 else 0.0):.4f}") for k, v in delen.items()}
    drijvers = {m: _drijvers(plan.invoer, momenten, k, cijfers[plan.rij(m, parameters=True)], cijfers[plan.rij(m)], trekkingen)
                for k, m in enumerate(METHODEN)}
    # Het laatste gebruik van de trekkingen: percentielen mogen de rijen ter plekke herschikken.
    percentielen = np.percentile(cijfers, PERCENTIELEN, axis=1, overwrite_input=True)

    def verdeling(rij: int, exact: Decimal, verwacht: Decimal | None, verwacht_rij: int | None = None) -> Verdeling:
        if not centrum.exact:
            verwacht = centen_uit_float(gemiddelden[rij if verwacht_rij is None else verwacht_rij])
        return Verdeling(
            percentielen={p: centen_uit_float(percentielen[k, rij]) for k, p in enumerate(PERCENTIELEN)},
            gemiddelde=centen_uit_float(gemiddelden[rij]),
            berekend=exact,
            kans_negatief=deel(Decimal(int(negatief[rij])), trekkingen),
            verwacht=verwacht,
        )

    extrapolaties, parameters = {}, {}
    for methode in METHODEN:
        e, v = berekend.extrapolaties[methode], centrum.verwacht.extrapolaties[methode]
        extrapolaties[methode] = {
            d: verdeling(plan.rij(methode, d), getattr(e, d), getattr(v, d), plan.rij(methode, d, True)) for d in DELEN
        }
        parameters[methode] = {d: verdeling(plan.rij(methode, d, True), getattr(e, d), getattr(v, d)) for d in DELEN}
    saldo_berekend, saldo_verwacht = maatschappelijk_saldo(berekend, begroting), maatschappelijk_saldo(centrum.verwacht, begroting)
    betalers = {t.betaler for t in pilot.tarieven.values()}
    per_actor = {}
    for m, methode in enumerate(METHODEN):
        eerste = plan.rij_actoren + m * len(actoren)
        verwacht_saldo = {r.actor: r.saldo for r in verwachte_actoren.extrapolaties[methode].regels}
        per_actor[methode] = {
            r.actor: ActorKans(
                r.naam,
                verdeling(eerste + k, r.saldo, verwacht_saldo.get(r.actor, r.saldo)),
                deel(Decimal(int(positief[eerste + k])), trekkingen) if r.actor in betalers else None,
            )
            for k, r in enumerate(verdeling_actoren.extrapolaties[methode].regels)
        }
    return OnzekerheidUitkomst(
        berekend=berekend,
        trekkingen=trekkingen,
        zaad=zaad,
        invoer=tuple(plan.invoer),
        kansen=tuple(c.nummer for c in casussen if c.kans is not None),
        casussen={
            c.nummer: verdeling(i, c.netto, centrum.verwacht.casussen[i].netto) for i, c in enumerate(berekend.casussen)
        },
        gemiddelde_netto=verdeling(aantal, berekend.gemiddelde_netto, centrum.verwacht.gemiddelde_netto, plan.rij_gemiddelde_parameters),
        extrapolaties=extrapolaties,
        histogrammen=histogrammen,
        actoren=per_actor,
        parameters=parameters,
        gemiddelde_netto_parameters=verdeling(
            plan.rij_gemiddelde_parameters, berekend.gemiddelde_netto, centrum.verwacht.gemiddelde_netto
        ),
        deel_uitkomsten=deel_uitkomsten,
        spreiding=spreiding,
        centrum=centrum,
        steekproef=steekproef,
        saldo={
            m: verdeling(plan.rij_saldo + k, saldo_berekend[m], saldo_verwacht[m]) for k, m in enumerate(METHODEN)
        },
        kosten_route=kosten.route,
        maatschappelijk=bereken_saldo(berekend, kosten),
        drijvers=drijvers,
    )


def _drijvers(invoer, momenten, methode: int, parameters, geheel, trekkingen: int) -> tuple:
    """Per invoer het deel van de variantie van het totaal dat zij alleen verklaart: corr(x, verwachting | parameters)^2
    maal var(verwachting | parameters) / var(totaal); van groot naar klein. Bij onafhankelijke invoer en een model dat
    (bijna) lineair is, tellen de delen op tot het deel van de parameters; een product (hulpvragen maal kengetal) laat
    een klein deel onverklaard."""
    var_geheel, var_parameters = float(geheel.var()), float(parameters.var())
    if var_geheel <= 0 or var_parameters <= 0:
        return ()
    gemiddelde_t = float(parameters.mean())
    uit = []
    for k, i in enumerate(invoer):
        gemiddelde_x = momenten[k, 0] / trekkingen
        var_x = momenten[k, 1] / trekkingen - gemiddelde_x**2
        if var_x <= 0:
            continue
        cov = momenten[k, 2 + methode] / trekkingen - gemiddelde_x * gemiddelde_t
        deel_ = min(1.0, cov * cov / (var_x * var_parameters)) * min(var_parameters, var_geheel) / var_geheel
        uit.append((i, Decimal(f"{deel_:.4f}")))
    return tuple(sorted(uit, key=lambda d: -d[1]))
