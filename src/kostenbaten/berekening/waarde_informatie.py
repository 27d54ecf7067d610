"""Waarde van informatie: wat zou zekerheid over de onzekere invoer waard zijn voor het besluit "financieren of niet"?

Het besluit: financieren als het verwachte geëxtrapoleerde netto totaal (NB)
groter is dan nul. Uit dezelfde Monte-Carlo-trekkingen als `onzekerheid`
(zelfde rekenplan, zelfde zaad, zelfde trekkingen) schatten we:

    EVPI      = E[max(NB, 0)] - max(E[NB], 0)
    EVPPI(X)  = E_X[max(E[NB | X], 0)] - max(E[NB], 0)

EVPI is wat volledige zekerheid over alle invoer gemiddeld oplevert: het
verwachte verlies van een besluit dat achteraf verkeerd blijkt. EVPPI is dat
voor één invoer X: de bovengrens van wat onderzoek naar alleen X waard is.

Methode voor EVPPI (niet-parametrisch, "binning", zonder extra trekkingen):
sorteer de trekkingen op X, verdeel ze in K klassen van (bijna) gelijke
grootte, neem per klasse het gemiddelde NB als schatting van E[NB | X], en
middel max(·, 0) over de klassen, gewogen naar hun grootte. Heeft X hoogstens
K verschillende waarden (zoals "casus slaagt of niet"), dan is elke waarde een
eigen klasse en is de conditionering exact.

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
from kostenbaten.berekening.onzekerheid import BLOK, DELEN, _Rekenplan
from kostenbaten.geld import centen_uit_float, deel
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
    """EVPPI van één onzekere invoer, per methode."""

    plek: str  # zoals in `onzekerheid`: "kengetallen.toevoeging.bedrag", of "casus 3: slaagt"
    naam: str
    soort: str  # "bereik" (een invoer met bereik), "kans" (slaagt een casus) of "samen" (welke casussen slagen)
    onzeker: object  # het bereik van de invoer of van de kans (Onzeker); bij "samen" de nummers van de casussen
    evppi: dict[str, Decimal]  # methode -> Monte-Carlo-schatting
    klassen: int  # aantal klassen in de schatting (of aantal verschillende waarden)


@dataclass(frozen=True)
class WaardeInformatieUitkomst:
    berekend: PilotUitkomst
    trekkingen: int
    zaad: int
    klassen: int  # K voor continue invoer
    besluiten: dict[str, Besluit]  # methode -> besluit
    invoer: tuple[Invoerwaarde, ...]  # van hoogste naar laagste EVPPI (eerste methode)

    @property
    def heeft_onzekerheid(self) -> bool:
        return bool(self.invoer)


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
    pilot, casussen, trekkingen: int, zaad: int, klassen: int | None = None, blok: int = BLOK
) -> WaardeInformatieUitkomst:
    """EVPI per methode en EVPPI per onzekere invoer; hetzelfde zaad geeft dezelfde trekkingen als `onzekerheid`."""
    import numpy as np

    if trekkingen < 2:
        raise ValueError("er zijn minstens twee trekkingen nodig")
    casussen = tuple(casussen)
    klassen = standaard_klassen(trekkingen) if klassen is None else klassen
    berekend = bereken_pilot(pilot, casussen)
    plan = _Rekenplan(pilot, casussen, None, tuple(pilot.alle_actoren))
    rijen = {m: len(casussen) + 1 + k * len(DELEN) for k, m in enumerate(METHODEN)}  # het totaal van elke methode
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

    besluiten = {}
    for m in METHODEN:
        gemiddelde = float(nb[m].mean())
        ander = int((nb[m] <= 0).sum()) if gemiddelde > 0 else int((nb[m] > 0).sum())
        schatting, fout = evpi(nb[m])
        besluiten[m] = Besluit(
            verwacht_netto=centen_uit_float(gemiddelde),
            financieren=gemiddelde > 0,
            kans_ander_besluit=deel(Decimal(ander), trekkingen),
            evpi=centen_uit_float(schatting),
            standaardfout=centen_uit_float(fout),
        )

    invoer = []
    for i in plan.invoer:
        invoer.append(_invoerwaarde(i.plek, i.naam or i.plek, "bereik", i.onzeker, getrokken[i.plek], nb, klassen))
    for casus in casussen:
        if casus.kans is not None:
            naam = f"Casus {casus.nummer}: slaagt of niet"
            invoer.append(_invoerwaarde(f"casus {casus.nummer}: slaagt", naam, "kans", casus.kans, getrokken[casus.nummer], nb, klassen))
    slagen = [c.nummer for c in casussen if c.kans is not None]
    if 1 < len(slagen) <= 20:
        # Samen: welke casussen slagen (een van 2^k combinaties). Een verlies ontstaat vaak pas als er meer
        # tegelijk mislukken; dat ziet de EVPPI van één casus niet.
        code = sum(getrokken[nr].astype(np.int64) << k for k, nr in enumerate(slagen))
        naam = "Casussen " + ", ".join(map(str, slagen)) + ": welke slagen (samen)"
        invoer.append(_invoerwaarde("casussen: slagen samen", naam, "samen", tuple(slagen), code, nb, 2 ** len(slagen)))
    invoer.sort(key=lambda w: (-w.evppi[METHODEN[0]], w.plek))
    return WaardeInformatieUitkomst(berekend, trekkingen, zaad, klassen, besluiten, tuple(invoer))


def _invoerwaarde(plek: str, naam: str, soort: str, onzeker, x, nb: dict, klassen: int) -> Invoerwaarde:
    schattingen = {}
    gebruikt = klassen
    for m, waarden in nb.items():
        schatting, gebruikt = evppi(x, waarden, klassen)
        schattingen[m] = centen_uit_float(schatting)
    return Invoerwaarde(plek, naam, soort, onzeker, schattingen, gebruikt)
