"""De zin bij elke waarschuwing, voor elk formaat gelijk: wat er dun is en wat eraan te doen is."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.waarschuwingen import (
    MIN_TREKKINGEN,
    BegrotingUren,
    BronZonderJaar,
    LageDekking,
    OverdrachtZonderBetaler,
    Waarschuwing,
    WeinigCasussen,
    WeinigTrekkingen,
    Werkmapmelding,
)
from kostenbaten.berekening.aanpassingen import OptimismeOpGerealiseerdeKosten, OptimismeZonderReferentieklasse
from kostenbaten.geld import HONDERD
from kostenbaten.notatie import getal_exact, getal_nl


def tekst(w: Waarschuwing) -> str:
    if isinstance(w, WeinigCasussen):
        nummers = ", ".join(str(n) for n in w.casussen)
        return (
            f"Rechtsgebied {w.naam} rust op één casus (casus {nummers}): dat is een voorbeeld, geen gemiddelde. "
            "Werk in dit rechtsgebied ten minste nog één casus uit."
        )
    if isinstance(w, LageDekking):
        return (
            f"De casussen dekken {getal_exact(w.dekking)}% van de hulpvragen; over de andere "
            f"{getal_exact(HONDERD - w.dekking)}% zegt de extrapolatie niets. Werk casussen uit voor de onderwerpen "
            "zonder casus en geef hun rechtsgebied zijn aandeel (in pilot.yaml, of met kostenbaten registratie --variant)."
        )
    if isinstance(w, BronZonderJaar):
        return (
            f"Kengetal {w.naam} ({w.kengetal}): de bron noemt geen jaar ('{w.bron}'). "
            "Zet het jaar van het cijfer in de bron, zodat te zien is hoe actueel het is."
        )
    if isinstance(w, BegrotingUren):
        return (
            f"De begroting rekent met {getal_nl(w.per_hulpvraag, 2)} SJD-uur per hulpvraag "
            f"({getal_exact(w.sjd_uren_per_week)} uur per week x {getal_exact(w.weken)} weken / {getal_exact(w.hulpvragen)} hulpvragen), "
            f"de casussen met gemiddeld {getal_nl(w.casussen, 2)} uur: meer dan een factor twee verschil. "
            "Controleer de SJD-uren per week en de hulpvragen per jaar in de begroting, of de uren in de casussen."
        )
    if isinstance(w, OverdrachtZonderBetaler):
        return (
            f"{w.plek + ': ' if w.plek else ''}Casus {w.casus}, baat {w.baat} ({w.omschrijving}): een overdracht zonder betaler. "
            "Een bedrag voor de cliënt zonder 'soort' telt als overdracht van een onbekende betaler: in de verdelingstabel staat "
            "het bij 'Onbekende betaler', in een eigen groep (niet bij de overheid), en in het maatschappelijk saldo telt het "
            "voor nul. Zet bij de baat 'soort: overdracht' en 'van:' (wie betaalt), of 'soort: middelen' als het een "
            "besparing van middelen is."
        )
    if isinstance(w, WeinigTrekkingen):
        return (
            f"Maar {getal_exact(Decimal(w.trekkingen))} Monte-Carlo-trekkingen: de percentielen hangen dan nog merkbaar af van het zaad. "
            f"Gebruik --trekkingen {MIN_TREKKINGEN} of meer (standaard 100000)."
        )
    if isinstance(w, Werkmapmelding):
        return f"{w.plek}: {w.melding}."
    if isinstance(w, OptimismeZonderReferentieklasse):
        return (
            f"De opslag voor optimisme op de kosten ({getal_exact(w.opslag)}%) noemt geen referentieklasse. Zo'n opslag "
            "hoort bij geraamde kosten vooraf en komt uit wat vergelijkbare projecten lieten zien; zet die klasse in "
            "optimisme.referentieklasse in pilot.yaml."
        )
    if isinstance(w, OptimismeOpGerealiseerdeKosten):
        waarom = (
            "de kosten staan als gerealiseerd opgegeven"
            if w.reden == "opgegeven"
            else f"de pilotperiode is voorbij (tot {w.tot}), dus de uren en tarieven zijn gerealiseerde kosten"
        )
        return (
            f"Opslag voor optimisme van {getal_exact(w.opslag)}% op kosten die al gemeten zijn: {waarom}. De opslag is "
            "bedoeld voor ramingen vooraf (ex ante); op gerealiseerde kosten telt hij een onzekerheid die er niet meer is. "
            "Laat hem weg, of zet optimisme.kosten op geraamd als de kosten toch een raming zijn."
        )
    raise TypeError(f"onbekende waarschuwing: {type(w).__name__}")
