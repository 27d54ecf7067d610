"""Wie betaalt en wie wint in het rapport: kosten tegen baten per jaar, en per actor, elk met de tabel ernaast."""

from __future__ import annotations

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.notatie import euro, getal_nl, op_hele_euros_tot_totaal
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, grafiek, tabel
from kostenbaten.uitvoer.rapport.kba import GEWOGEN, VLAK, hoofdletter

KOSTEN = "0.35"  # donkergrijs, zonder arcering
BATEN = "0.85"  # lichtgrijs met arcering
AFRONDING = ("Op hele euro's afgerond met de methode van de grootste resten, zodat elke kolom optelt tot haar totaal; "
             "de berekening zelf is exact.")


def _verhouding(v) -> str:
    return "geen kosten" if v is None else getal_nl(v, 2)


def kosten_baten(a: ActorenUitkomst) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import Reeks, staven

    r, g = a.extrapolaties["rapport"], a.extrapolaties["gewogen"]
    labels = ["Kosten", "Baten", "Netto"]
    svg = staven(
        labels,
        [Reeks(VLAK, [r.kosten, r.baten, r.saldo], KOSTEN), Reeks(GEWOGEN, [g.kosten, g.baten, g.saldo], BATEN, "////")],
        "euro per jaar (pilotperiode)",
    )
    bij = tabel(
        ["", hoofdletter(VLAK), hoofdletter(GEWOGEN)],
        [
            ["Kosten", euro(r.kosten), euro(g.kosten)],
            ["Baten", euro(r.baten), euro(g.baten)],
            ["Netto", euro(r.saldo), euro(g.saldo)],
            ["Baten per euro kosten", _verhouding(r.verhouding), _verhouding(g.verhouding)],
        ],
        rechts=(1, 2),
    )
    beschrijving = (
        f"Staafdiagram van kosten en baten per jaar. {hoofdletter(VLAK)}: kosten {euro(r.kosten)}, baten {euro(r.baten)}, "
        f"netto {euro(r.saldo)}. {hoofdletter(GEWOGEN)}: kosten {euro(g.kosten)}, baten {euro(g.baten)}, netto {euro(g.saldo)}."
    )
    tekst = (
        f"Elke euro die de hulp kost, levert {_verhouding(r.verhouding)} euro op ({VLAK}); "
        f"{GEWOGEN} is dat {_verhouding(g.verhouding)} euro."
    ) if r.verhouding is not None and g.verhouding is not None else ""
    return [grafiek("kosten-baten", svg, beschrijving, bij)] + ([alinea(tekst)] if tekst else [])


def per_actor(a: ActorenUitkomst) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import Reeks, staven

    t = a.extrapolaties["rapport"]
    regels = [r for r in t.regels if r.kosten or r.baten]
    namen = [r.naam for r in regels]
    svg = staven(
        namen, [Reeks("betaalt", [r.kosten for r in regels], KOSTEN), Reeks("wint", [r.baten for r in regels], BATEN, "////")],
        f"euro per jaar ({VLAK})",
    )
    # Elke kolom op hele euro's die optellen tot haar (afgeronde) totaal: de methode van de grootste resten.
    kolommen = [op_hele_euros_tot_totaal([getattr(r, k) for r in regels]) for k in ("kosten", "baten", "saldo")]
    bij = tabel(
        ["Wie", "Betaalt", "Wint", "Saldo"],
        [[r.naam, *(euro(k[i]) for k in kolommen)] for i, r in enumerate(regels)],
        rechts=(1, 2, 3),
        slot=[["Samen", euro(t.kosten), euro(t.baten), euro(t.saldo)]],
        bijschrift=AFRONDING,
    )
    beschrijving = "Staafdiagram per actor, wat hij betaalt en wat hij wint per jaar: " + "; ".join(
        f"{r.naam} betaalt {euro(r.kosten)} en wint {euro(r.baten)}" for r in regels
    ) + "."
    return [grafiek("actoren", svg, beschrijving, bij)]


def secties(a: ActorenUitkomst, met_begroting: bool = False, **_context) -> dict[str, Sectie]:
    """`met_begroting`: dan zegt de tekst dat wie betaalt hier de betalers van de tarieven zijn, en de begroting het antwoord geeft."""
    blokken = per_actor(a)
    if met_begroting:
        blokken.append(alinea(
            "Wie hier betaalt, volgt de betalers van de tarieven van de pilot. Wat elke betaler volgens de begroting "
            "betaalt en terugkrijgt, staat hieronder bij de begroting; dat is het antwoord voor de gemeente."
        ))
    return {
        "kosten_baten": Sectie("Kosten tegen baten, per jaar", kosten_baten(a)),
        "actoren": Sectie("Wie betaalt en wie wint", blokken),
    }
