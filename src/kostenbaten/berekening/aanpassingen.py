"""Van bruto naar netto baat: deadweight, attributie, verdringing en afname, exact in Decimal.

Een aanpassing kan op vier plekken staan; de meest specifieke wint, per soort
apart: bij de baat zelf, dan bij de casus, dan bij het kengetal, dan voor de
hele pilot. Zo kan de deadweight van de casus komen en de attributie van de
pilot.

De volgorde van de stappen ligt vast (zie docs/methode.md):

    netto = bruto x (1 - deadweight) x (1 - attributie) x (1 - verdringing) x (1 - korting optimisme)

en bij een maandbedrag telt jaar t (t = 0 voor het eerste jaar) daarna nog
voor (1 - afname)^t. Een eenmalige baat valt in het eerste jaar en kent dus
geen afname. Zonder aanpassingen is netto precies bruto, zonder enige
vermenigvuldiging: de cijfers van het rapport veranderen niet.

De correctie voor optimisme (`optimisme` in pilot.yaml) geldt voor de hele
pilot: een korting op elke baat (als vierde fractie hierboven) en een opslag
op elke kostenpost. De opslag op de kosten is bedoeld voor geraamde kosten
vooraf, en komt uit een referentieklasse van vergelijkbare projecten;
`over_optimisme` waarschuwt als die klasse ontbreekt of als de kosten al
gerealiseerd zijn (een afgelopen pilot, of `kosten: gerealiseerd`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from kostenbaten.geld import HONDERD, deel, som, vermenigvuldig
from kostenbaten.model.casus import Aanpassing, Baat, Casus, Pilot

FRACTIES = ("deadweight", "attributie", "verdringing", "optimisme")
SOORTEN = ("deadweight", "attributie", "verdringing", "afname")  # de soorten in een blok `aanpassingen`
MAANDEN_PER_JAAR = 12


class Stap(NamedTuple):
    """Eén stap van bruto naar netto: wat eraf gaat, wat overblijft en waarom."""

    soort: str  # deadweight, attributie, verdringing of afname
    aandeel: Decimal  # de fractie uit de invoer
    af: Decimal  # bedrag dat deze stap van de baat afhaalt
    na: Decimal  # de baat na deze stap
    niveau: str  # "baat", "casus", "kengetal <naam>" of "pilot"
    reden: str
    bron: str


def geldende_aanpassingen(pilot: Pilot, casus: Casus, baat: Baat) -> dict[str, tuple[Aanpassing, str]]:
    """Per soort de aanpassing die voor deze baat geldt en het niveau waar hij vandaan komt."""
    lagen = [("baat", baat.aanpassingen), ("casus", casus.aanpassingen)]
    if baat.kengetal is not None:
        lagen.append((f"kengetal {baat.kengetal}", pilot.kengetallen[baat.kengetal].aanpassingen))
    lagen.append(("pilot", pilot.aanpassingen))
    geldend = {}
    optimisme = pilot.optimisme
    if optimisme is not None and optimisme.korting_baten is not None:
        korting = Aanpassing(waarde=deel(optimisme.korting_baten.waarde, HONDERD), reden=optimisme.reden, bron=optimisme.bron)
        geldend["optimisme"] = (korting, "pilot")
    if all(blok is None for _, blok in lagen):  # het gewone geval: nergens aanpassingen, niets te zoeken
        return geldend
    for soort in SOORTEN:
        for niveau, blok in lagen:
            aanpassing = getattr(blok, soort) if blok is not None else None
            if aanpassing is not None:
                geldend[soort] = (aanpassing, niveau)
                break
    return geldend


def opslag_kosten(pilot: Pilot, bedrag: Decimal) -> tuple[Decimal, tuple[Stap, ...]]:
    """Een kostenpost met de opslag voor optimisme; de stap heeft een negatief `af` (er komt iets bij)."""
    optimisme = pilot.optimisme
    if optimisme is None or optimisme.opslag_kosten is None or optimisme.opslag_kosten.waarde == 0:
        return bedrag, ()
    aandeel = deel(optimisme.opslag_kosten.waarde, HONDERD)
    erbij = vermenigvuldig(bedrag, aandeel)
    na = bedrag + erbij
    return na, (Stap("optimisme", aandeel, -erbij, na, "pilot", optimisme.reden, optimisme.bron),)


def maanden_per_jaar(maanden: int, jaren: int | None = None) -> list[int]:
    """Hoeveel van `maanden` opeenvolgende maanden (vanaf maand 1) in elk jaar vallen."""
    jaren = -(-maanden // MAANDEN_PER_JAAR) if jaren is None else jaren
    return [max(0, min(maanden - MAANDEN_PER_JAAR * t, MAANDEN_PER_JAAR)) for t in range(jaren)]


def afnamefactoren(afname: Decimal, jaren: int) -> tuple[Decimal, ...]:
    """(1 - afname)^t voor t = 0 .. jaren - 1: wat in elk jaar van de baat overblijft."""
    blijft = 1 - afname
    return tuple(vermenigvuldig(*([blijft] * t)) for t in range(jaren))


def fractiefactor(geldend: dict[str, tuple[Aanpassing, str]]) -> Decimal | None:
    """(1 - deadweight) x (1 - attributie) x (1 - verdringing), of None als er niets aangepast wordt."""
    fracties = [geldend[s][0].waarde for s in FRACTIES if s in geldend and geldend[s][0].waarde != 0]
    return vermenigvuldig(*(1 - f for f in fracties)) if fracties else None


def netto_baat(
    bruto: Decimal, geldend: dict[str, tuple[Aanpassing, str]], per_maand: Decimal | None = None, maanden: int = 0
) -> tuple[Decimal, tuple[Stap, ...]]:
    """De netto baat en de stappen ernaartoe.

    `bruto` is de baat zoals de invoer hem geeft (al maal de kans van slagen).
    Bij een maandbedrag is `per_maand` het bedrag per maand (ook maal de kans)
    en `maanden` het getelde aantal maanden; alleen dan werkt de afname.
    """
    stappen = []
    na = bruto
    for soort in FRACTIES:
        if soort not in geldend or geldend[soort][0].waarde == 0:
            continue
        aanpassing, niveau = geldend[soort]
        af = vermenigvuldig(na, aanpassing.waarde)
        na = na - af
        stappen.append(Stap(soort, aanpassing.waarde, af, na, niveau, aanpassing.reden, aanpassing.bron))
    if per_maand is not None and "afname" in geldend and geldend["afname"][0].waarde != 0 and maanden > MAANDEN_PER_JAAR:
        aanpassing, niveau = geldend["afname"]
        verdeling = maanden_per_jaar(maanden)
        gewogen = som(vermenigvuldig(m, f) for m, f in zip(verdeling, afnamefactoren(aanpassing.waarde, len(verdeling))))
        factor = fractiefactor(geldend)
        na_afname = vermenigvuldig(per_maand, gewogen, *([factor] if factor is not None else []))
        stappen.append(Stap("afname", aanpassing.waarde, na - na_afname, na_afname, niveau, aanpassing.reden, aanpassing.bron))
        na = na_afname
    return na, tuple(stappen)


# -- waarschuwingen bij de correctie voor optimisme --------------------------------------


class OptimismeZonderReferentieklasse(NamedTuple):
    """Een opslag op de kosten zonder de klasse van vergelijkbare projecten waar hij vandaan komt."""

    opslag: Decimal  # procent
    soort = "optimisme_zonder_referentieklasse"


class OptimismeOpGerealiseerdeKosten(NamedTuple):
    """Een opslag op kosten die al gemeten zijn: de correctie is bedoeld voor ramingen vooraf."""

    opslag: Decimal  # procent
    reden: str  # "opgegeven" (kosten: gerealiseerd) of "afgelopen" (de pilotperiode is voorbij)
    tot: str  # einde van de pilotperiode, ISO-datum
    soort = "optimisme_gerealiseerde_kosten"


def over_optimisme(pilot: Pilot, vandaag: date | None = None) -> tuple:
    """Waarschuwingen bij een opslag voor optimisme op de kosten; zonder opslag (of 0%) geen enkele."""
    optimisme = pilot.optimisme
    if optimisme is None or optimisme.opslag_kosten is None:
        return ()
    o = optimisme.opslag_kosten
    if o.waarde == 0 and not o.heeft_bereik:
        return ()
    uit: list = []
    if optimisme.referentieklasse is None:
        uit.append(OptimismeZonderReferentieklasse(o.waarde))
    if optimisme.kosten == "gerealiseerd":
        uit.append(OptimismeOpGerealiseerdeKosten(o.waarde, "opgegeven", pilot.periode.tot.isoformat()))
    elif optimisme.kosten is None and vandaag is not None and pilot.periode.tot < vandaag:
        uit.append(OptimismeOpGerealiseerdeKosten(o.waarde, "afgelopen", pilot.periode.tot.isoformat()))
    return tuple(uit)
