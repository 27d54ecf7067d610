"""Waarde van informatie: wat zou zekerheid over de onzekere parameters waard zijn voor het besluit "financieren of niet"?

Het besluit: financieren als het verwachte geëxtrapoleerde netto totaal (NB)
groter is dan nul. De waarde van informatie gaat alleen over de
parameteronzekerheid: de bereiken die een gebruiker typt (kengetallen,
tarieven, uren, kansen van slagen, aanpassingen, aantallen). Of één cliënt
zijn bezwaar wint, is variatie tussen personen: geen onderzoek neemt die weg,
en over honderden hulpvragen middelt ze uit. Daarom is NB hier per trekking de
verwachting over de uitkomsten per hulpvraag gegeven de getrokken parameters
(baten x kans; zie `onzekerheid._Rekenplan`), zoals in de gezondheidseconomie
(Claxton; Briggs, Claxton en Sculpher). Uit dezelfde trekkingen als
`onzekerheid` (zelfde rekenplan, zelfde zaad) schatten we:

    EVPI      = E[max(NB, 0)] - max(E[NB], 0)
    EVPPI(X)  = E_X[max(E[NB | X], 0)] - max(E[NB], 0)

EVPI is wat volledige zekerheid over alle parameters gemiddeld oplevert: het
verwachte verlies van een besluit dat achteraf verkeerd blijkt. EVPPI is dat
voor één parameter X: de bovengrens van wat onderzoek naar alleen X waard is.
Apart daarvan staat de waarde van een grotere steekproef van casussen
(`steekproeffout`): de casussen zelf zijn een kleine steekproef.

Met `besluiten` en `jaren` volgt de waarde voor de hele populatie van besluiten
die hetzelfde onderzoek informeert: de waarde per besluit x het aantal
besluiten per jaar x de som van de discontofactoren over de jaren (jaar t
gedeeld door (1 + r)^(t - 1), zoals in `meerjarig`). Dat is het hoogste bedrag
dat onderzoek naar een parameter waard kan zijn.

Methode voor EVPPI (niet-parametrisch, "binning", zonder extra trekkingen):
sorteer de trekkingen op X, verdeel ze in K klassen van (bijna) gelijke
grootte, neem per klasse het gemiddelde NB als schatting van E[NB | X], en
middel max(·, 0) over de klassen, gewogen naar hun grootte. Heeft X hoogstens
K verschillende waarden, dan is elke waarde een eigen klasse en is de
conditionering exact.

Vertekening: binnen een klasse varieert X nog (dat trekt de schatting omlaag)
en het klassengemiddelde heeft ruis van de andere invoer (door max(·, 0) trekt
dat omhoog, vooral bij klassen met een gemiddelde dicht bij nul). Met
K = wortel(N) klassen van elk wortel(N) trekkingen gaan beide naar nul als N
groeit. Een schatting kan daardoor iets boven de EVPI uitkomen; we laten haar
staan zoals ze is en tonen de standaardfout van de EVPI ernaast.

Alle bedragen zijn Monte-Carlo-schattingen in float64, pas aan het eind op
centen in Decimal gezet (`geld.centen_uit_float`), zoals in `onzekerheid`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from kostenbaten.berekening.kba import PilotUitkomst, bereken_pilot
from kostenbaten.berekening.meerjarig import STANDAARD_DISCONTO, jaarfactoren
from kostenbaten.berekening.onzekerheid import BLOK, _Rekenplan, verwachting
from kostenbaten.berekening.steekproeffout import BOOTSTRAP, Steekproeffout, steekproeffout
from kostenbaten.geld import centen_uit_float, deel, som, vermenigvuldig
from kostenbaten.model.casus import METHODEN

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Besluit:
    """Het besluit volgens één extrapolatiemethode en wat volledige informatie erover waard is."""

    verwacht_netto: Decimal  # E[NB]: gemiddelde van de trekkingen (Monte-Carlo-schatting)
    financieren: bool  # E[NB] > 0
    kans_ander_besluit: Decimal  # aandeel trekkingen waarin het andere besluit beter was, exact (aantal / N)
    evpi: Decimal  # Monte-Carlo-schatting
    standaardfout: Decimal  # van de EVPI-schatting: sd(spijt) / wortel(N)


@dataclass(frozen=True)
class Invoerwaarde:
    """EVPPI van één parameter (een invoer met een bereik), per methode."""

    plek: str  # zoals in `onzekerheid`: "kengetallen.toevoeging.bedrag" of "casus 3: kans"
    naam: str
    soort: str  # "bereik"
    onzeker: object  # het bereik van de invoer (Onzeker)
    evppi: dict[str, Decimal]  # methode -> Monte-Carlo-schatting
    klassen: int  # aantal klassen in de schatting (of aantal verschillende waarden)


@dataclass(frozen=True)
class Populatie:
    """De waarde van informatie voor alle besluiten die hetzelfde onderzoek informeert, contant."""

    besluiten: int  # per jaar (bijvoorbeeld gemeenten die over structurele financiering beslissen)
    jaren: int
    disconto: Decimal  # procent per jaar
    factor: Decimal  # besluiten x som over de jaren van 1 / (1 + r)^(t - 1)
    evpi: dict[str, Decimal]  # methode -> EVPI per besluit x factor
    evppi: dict[str, dict[str, Decimal]]  # plek -> methode -> EVPPI x factor: het hoogste bedrag voor onderzoek naar die parameter
    steekproef: dict[str, Decimal]  # methode -> waarde van een grotere steekproef x factor


@dataclass(frozen=True)
class WaardeInformatieUitkomst:
    berekend: PilotUitkomst
    trekkingen: int
    zaad: int
    klassen: int  # K voor continue invoer
    besluiten: dict[str, Besluit]  # methode -> besluit, over de parameteronzekerheid
    invoer: tuple[Invoerwaarde, ...]  # van hoogste naar laagste EVPPI (eerste methode)
    steekproef: Steekproeffout | None = None  # de onzekerheid van weinig casussen en wat een grotere steekproef waard is
    populatie: Populatie | None = None
    kansen: tuple[int, ...] = ()  # casussen met een kans van slagen (uitkomsten per hulpvraag, geen parameter)

    @property
    def heeft_onzekerheid(self) -> bool:
        return bool(self.invoer)

    def hangt_af(self, methode: str) -> bool:
        """Of het besluit volgens deze methode afhangt van de parameters: in een deel van de trekkingen was het andere beter."""
        return self.besluiten[methode].kans_ander_besluit > 0


def standaard_klassen(trekkingen: int) -> int:
    """K = wortel(N), naar beneden afgerond, minstens 1: evenveel klassen als trekkingen per klasse."""
    return max(1, math.isqrt(trekkingen))


def evpi(nb: np.ndarray) -> tuple[float, float]:
    """EVPI en haar standaardfout uit de trekkingen van NB.

    EVPI is het gemiddelde van de spijt: max(NB, 0) min de opbrengst van het
    gekozen besluit (NB bij financieren, 0 anders).
    """
    import numpy as np

    gekozen = nb if nb.mean() > 0 else np.zeros_like(nb)
    spijt = np.maximum(nb, 0) - gekozen
    fout = spijt.std(ddof=1) / math.sqrt(len(nb)) if len(nb) > 1 else 0.0
    return float(spijt.mean()), float(fout)


def evppi(x: np.ndarray, nb: np.ndarray, klassen: int) -> tuple[float, int]:
    """EVPPI van invoer `x` met de klassenmethode; geeft ook het aantal gebruikte klassen."""
    import numpy as np

    waarden, groep = np.unique(x, return_inverse=True)
    if len(waarden) > klassen:  # continue invoer: K klassen van (bijna) gelijke grootte op volgorde van x
        rang = np.empty(len(x), dtype=np.int64)
        rang[np.argsort(x, kind="stable")] = np.arange(len(x))
        groep = rang * klassen // len(x)
        aantal_groepen = klassen
    else:
        aantal_groepen = len(waarden)
    aantallen = np.bincount(groep, minlength=aantal_groepen)
    sommen = np.bincount(groep, weights=nb, minlength=aantal_groepen)
    # Gewogen gemiddelde van max(klassengemiddelde, 0) = som over klassen van max(klassensom, 0) / N.
    met_informatie = np.maximum(sommen[aantallen > 0], 0).sum() / len(nb)
    # In exacte rekenkunde is dit nooit negatief (Jensen: het gemiddelde van max(·, 0) is minstens max van het
    # gemiddelde); een negatieve uitkomst is alleen afrondingsruis van float64 en wordt 0.
    return max(0.0, float(met_informatie - max(nb.mean(), 0.0))), int(aantal_groepen)


def waarde_van_informatie(
    pilot,
    casussen,
    trekkingen: int,
    zaad: int,
    klassen: int | None = None,
    blok: int = BLOK,
    besluiten: int | None = None,
    jaren: int | None = None,
    disconto: Decimal = STANDAARD_DISCONTO,
    bootstrap: int = BOOTSTRAP,
) -> WaardeInformatieUitkomst:
    """EVPI per methode en EVPPI per parameter; hetzelfde zaad geeft dezelfde trekkingen als `onzekerheid`."""
    import numpy as np

    if trekkingen < 2:
        raise ValueError("er zijn minstens twee trekkingen nodig")
    casussen = tuple(casussen)
    klassen = standaard_klassen(trekkingen) if klassen is None else klassen
    berekend = bereken_pilot(pilot, casussen)
    plan = _Rekenplan(pilot, casussen, None)
    rijen = {m: plan.rij(m, parameters=True) for m in METHODEN}  # het totaal van elke methode, alleen parameters
    rng = np.random.default_rng(zaad)
    nb = {m: np.empty(trekkingen) for m in METHODEN}
    getrokken: dict = {}
    for start in range(0, trekkingen, blok):
        stop = min(start + blok, trekkingen)
        bewaard: dict = {}
        uit = plan.blok(rng, stop - start, bewaard)
        for m, rij in rijen.items():
            nb[m][start:stop] = uit[rij]
        for sleutel, waarden in bewaard.items():
            getrokken.setdefault(sleutel, np.empty(trekkingen))[start:stop] = waarden

    uitkomst_besluiten = {}
    for m in METHODEN:
        gemiddelde = float(nb[m].mean())
        ander = int((nb[m] <= 0).sum()) if gemiddelde > 0 else int((nb[m] > 0).sum())
        schatting, fout = evpi(nb[m])
        uitkomst_besluiten[m] = Besluit(
            verwacht_netto=centen_uit_float(gemiddelde),
            financieren=gemiddelde > 0,
            kans_ander_besluit=deel(Decimal(ander), trekkingen),
            evpi=centen_uit_float(schatting),
            standaardfout=centen_uit_float(fout),
        )

    invoer = [_invoerwaarde(i.plek, i.naam or i.plek, "bereik", i.onzeker, getrokken[i.plek], nb, klassen) for i in plan.invoer]
    invoer.sort(key=lambda w: (-w.evppi[METHODEN[0]], w.plek))
    steekproef = steekproeffout(verwachting(pilot, casussen).verwacht, zaad, bootstrap)
    populatie = None
    if besluiten is not None and jaren is not None:
        populatie = _populatie(besluiten, jaren, disconto, uitkomst_besluiten, invoer, steekproef)
    kansen = tuple(c.nummer for c in casussen if c.kans is not None)
    return WaardeInformatieUitkomst(berekend, trekkingen, zaad, klassen, uitkomst_besluiten, tuple(invoer), steekproef, populatie, kansen)


def populatiefactor(besluiten: int, jaren: int, disconto: Decimal) -> Decimal:
    """Besluiten per jaar x de som van 1 / (1 + r)^(t - 1) over t = 1 .. jaren."""
    return vermenigvuldig(besluiten, som(jaarfactoren(jaren, disconto)))


def _populatie(besluiten: int, jaren: int, disconto: Decimal, per_besluit: dict, invoer, steekproef) -> Populatie:
    factor = populatiefactor(besluiten, jaren, disconto)
    return Populatie(
        besluiten=besluiten,
        jaren=jaren,
        disconto=disconto,
        factor=factor,
        evpi={m: vermenigvuldig(b.evpi, factor) for m, b in per_besluit.items()},
        evppi={i.plek: {m: vermenigvuldig(w, factor) for m, w in i.evppi.items()} for i in invoer},
        steekproef={m: vermenigvuldig(w, factor) for m, w in steekproef.waarde_steekproef.items()},
    )


def _invoerwaarde(plek: str, naam: str, soort: str, onzeker, x, nb: dict, klassen: int) -> Invoerwaarde:
    schattingen = {}
    gebruikt = klassen
    for m, waarden in nb.items():
        schatting, gebruikt = evppi(x, waarden, klassen)
        schattingen[m] = centen_uit_float(schatting)
    return Invoerwaarde(plek, naam, soort, onzeker, schattingen, gebruikt)
