"""De onzekerheid van weinig casussen: het t-interval en een bootstrap van het gemiddelde netto per casus.

De casussen zijn een steekproef uit de hulpvragen. Ook als elk getal in de
casussen klopt, is het gemiddelde van zes casussen een onzekere schatting van
het gemiddelde van alle hulpvragen. Twee maten, naast de bereiken die een
gebruiker typt:

- het 90%-interval van de t-verdeling: gemiddelde ± t(0,95; n - 1) x s / wortel(n),
  met s de standaardafwijking van de netto per casus (noemer n - 1);
- een bootstrap met zaad: trek `trekkingen` keer n casussen met teruglegging en
  neem het gemiddelde. Voor de vlakke methode (`rapport`) over alle casussen;
  voor de gewogen methode binnen elk rechtsgebied, omdat die methode per
  rechtsgebied middelt. Een rechtsgebied met één casus heeft dan geen spreiding
  (en met twee casussen maar drie mogelijke gemiddelden): de uitkomst zegt waar.

De netto per casus is de verwachte netto (bereiken met hun gemiddelde, een
kans van slagen als verwachting; zie `onzekerheid.verwachting`), zodat deze
spreiding alleen de steekproef betreft.

Uit de bootstrap volgt ook wat een grotere steekproef hoogstens waard is:
E[max(NB, 0)] - max(E[NB], 0) over de bootstrapverdeling van het totaal NB,
de verwachte waarde van volledige informatie over het ware gemiddelde.

Bedragen in float64 tijdens het trekken, pas aan het eind op centen
(`geld.centen_uit_float`); het gemiddelde, de standaardafwijking en het
t-interval zijn Decimal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext

from kostenbaten.geld import PRECISIE, centen_uit_float, deel, som
from kostenbaten.model.casus import METHODEN

BOOTSTRAP = 20_000  # standaard aantal bootstraptrekkingen
BOOTSTRAP_GETALLEN = 20_000_000  # hoogstens zoveel getrokken casussen samen: bij veel casussen minder trekkingen (minstens 1.000)
BETROUWBAARHEID = Decimal("0.90")
PERCENTIELEN = (5, 50, 95)
_STROOM = 2  # eigen toevalsstroom naast die van de Monte-Carlo: `zaad` geeft beide, onafhankelijk van elkaar


@dataclass(frozen=True)
class Gebied:
    """Een rechtsgebied in de gewogen bootstrap: hoeveel casussen en of er spreiding mogelijk is."""

    rechtsgebied: str
    naam: str
    casussen: int

    @property
    def te_weinig(self) -> bool:
        return self.casussen < 2


@dataclass(frozen=True)
class Steekproeffout:
    aantal: int  # casussen
    netto: tuple[Decimal, ...]  # verwachte netto per casus, in de volgorde van de casussen
    gemiddelde: Decimal  # exact
    standaardafwijking: Decimal | None  # s, noemer n - 1; None bij één casus
    standaardfout: Decimal | None  # s / wortel(n)
    t_waarde: Decimal | None  # t(0,95; n - 1), op zes decimalen
    t_interval: tuple[Decimal, Decimal] | None  # 90%: gemiddelde ± t x standaardfout
    trekkingen: int
    zaad: int
    gemiddelde_bootstrap: dict[int, Decimal]  # percentiel -> gemiddelde netto per casus (vlak), op centen
    totaal_bootstrap: dict[str, dict[int, Decimal]]  # methode -> percentiel -> geëxtrapoleerd totaal, op centen
    kans_negatief: dict[str, Decimal]  # methode -> aandeel bootstraptrekkingen met een negatief totaal
    waarde_steekproef: dict[str, Decimal]  # methode -> EVPI over het ware gemiddelde (wat een grotere steekproef hoogstens waard is)
    variantie: dict[str, float]  # methode -> variantie van het bootstraptotaal (euro^2), voor de verdeling van de spreiding
    gebieden: tuple[Gebied, ...]  # de rechtsgebieden met casussen, voor de gewogen methode


def _betacf(a: float, b: float, x: float) -> float:
    """Kettingbreuk van de onvolledige bètafunctie (methode van Lentz)."""
    klein = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > klein else klein)
    h = d
    for m in range(1, 300):
        for aa in (m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m)), -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))):
            d = 1 + aa * d
            d = 1 / (d if abs(d) > klein else klein)
            c = 1 + aa / c
            c = c if abs(c) > klein else klein
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return h


def _onvolledige_beta(a: float, b: float, x: float) -> float:
    """De geregulariseerde onvolledige bètafunctie I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    voor = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return voor * _betacf(a, b, x) / a
    return 1 - voor * _betacf(b, a, 1 - x) / b


def t_verdeling(t: float, vrijheidsgraden: int) -> float:
    """P(T <= t) voor de t-verdeling met `vrijheidsgraden`."""
    staart = 0.5 * _onvolledige_beta(vrijheidsgraden / 2, 0.5, vrijheidsgraden / (vrijheidsgraden + t * t))
    return 1 - staart if t > 0 else staart


def t_kwantiel(p: float, vrijheidsgraden: int) -> float:
    """Het p-kwantiel (p > 0,5) van de t-verdeling, door halvering."""
    laag, hoog = 0.0, 1e6
    for _ in range(200):
        midden = (laag + hoog) / 2
        if t_verdeling(midden, vrijheidsgraden) < p:
            laag = midden
        else:
            hoog = midden
    return (laag + hoog) / 2


def steekproeffout(verwacht, zaad: int, trekkingen: int = BOOTSTRAP) -> Steekproeffout:
    """t-interval en bootstrap van het gemiddelde netto per casus, uit een `PilotUitkomst` (bij verwachte invoer)."""
    import numpy as np

    netto = tuple(c.netto for c in verwacht.casussen)
    n = len(netto)
    # Bij duizenden casussen is het t-interval al scherp; de bootstrap krijgt dan minder trekkingen (vast per n en zaad).
    trekkingen = min(trekkingen, max(1000, BOOTSTRAP_GETALLEN // n))
    gemiddelde = deel(som(netto), n)
    sd = fout = t = interval = None
    if n > 1:
        with localcontext() as ctx:
            ctx.prec = PRECISIE
            sd = (som((x - gemiddelde) ** 2 for x in netto) / (n - 1)).sqrt()
            fout = sd / Decimal(n).sqrt()
        t = Decimal(f"{t_kwantiel(float(1 - (1 - BETROUWBAARHEID) / 2), n - 1):.6f}")
        interval = (gemiddelde - t * fout, gemiddelde + t * fout)

    rng = np.random.default_rng([zaad, _STROOM])
    x = np.array([float(v) for v in netto])
    pilot = verwacht.pilot
    gedekt = float(verwacht.extrapolaties["rapport"].gedekt)
    hulpvragen = float(verwacht.extrapolaties["rapport"].hulpvragen)
    gebieden = []
    for sleutel, g in pilot.rechtsgebieden.items():
        rijen = [i for i, c in enumerate(verwacht.casussen) if c.casus.rechtsgebied == sleutel]
        if rijen:
            gebieden.append((Gebied(sleutel, g.naam, len(rijen)), np.array(rijen), hulpvragen * float(g.aandeel.waarde) / 100))
    gemiddelden = np.empty(trekkingen)
    gewogen = np.zeros(trekkingen)
    stap = max(1, 2_000_000 // max(n, 1))  # werkgeheugen per stap begrensd, ook bij duizenden casussen
    for start in range(0, trekkingen, stap):
        stop = min(start + stap, trekkingen)
        gemiddelden[start:stop] = x[rng.integers(0, n, size=(stop - start, n))].mean(axis=1)
        for _, rijen, aantal in gebieden:
            keuze = rijen[rng.integers(0, len(rijen), size=(stop - start, len(rijen)))]
            gewogen[start:stop] += x[keuze].mean(axis=1) * aantal
    totalen = {"rapport": gemiddelden * gedekt, "gewogen": gewogen}

    def percentielen(waarden) -> dict[int, Decimal]:
        return {p: centen_uit_float(w) for p, w in zip(PERCENTIELEN, np.percentile(waarden, PERCENTIELEN))}

    def evpi(nb) -> Decimal:
        gemiddeld = float(nb.mean())
        return centen_uit_float(max(0.0, float(np.maximum(nb, 0).mean() - max(gemiddeld, 0.0))))

    return Steekproeffout(
        aantal=n,
        netto=netto,
        gemiddelde=gemiddelde,
        standaardafwijking=sd,
        standaardfout=fout,
        t_waarde=t,
        t_interval=interval,
        trekkingen=trekkingen,
        zaad=zaad,
        gemiddelde_bootstrap=percentielen(gemiddelden),
        totaal_bootstrap={m: percentielen(totalen[m]) for m in METHODEN},
        kans_negatief={m: deel(Decimal(int((totalen[m] < 0).sum())), trekkingen) for m in METHODEN},
        waarde_steekproef={m: evpi(totalen[m]) for m in METHODEN},
        variantie={m: float(totalen[m].var()) for m in METHODEN},
        gebieden=tuple(g for g, _, _ in gebieden),
    )
