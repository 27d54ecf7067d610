"""Wat de uitkomst drijft in het rapport: de acht invoeren met de grootste zwaai als tornado, en de omslagpunten."""

from __future__ import annotations

from kostenbaten.berekening.gevoeligheid import Gevoeligheid
from kostenbaten.notatie import euro, getal, getal_nl, met_eenheid
from kostenbaten.uitvoer.namen import omslagpunt_tekst
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, grafiek, herkomst, opsomming, tabel
from kostenbaten.berekening.rekenbomen import gevoeligheid_sleutel
from kostenbaten.uitvoer.rapport.kba import VLAK, cijfer_anker

AANTAL = 8
METHODE = "rapport"


def _nu(v) -> str:
    return getal(v.invoer.basis) if v.invoer.eenheid == "hulpvragen" else met_eenheid(v.invoer.basis, v.invoer.eenheid)


def gekozen_omslagpunten(g: Gevoeligheid) -> list:
    """De invoeren waarvan het omslagpunt ertoe doet: het hoogste uurtarief (de SJD) en het aantal hulpvragen."""
    tarieven = [v for v in g.variaties if v.invoer.sleutel.startswith("tarief.")]
    gekozen = [max(tarieven, key=lambda v: v.invoer.basis)] if tarieven else []
    return gekozen + [v for v in g.variaties if v.invoer.sleutel == "hulpvragen"]


def _omslagpunten(g: Gevoeligheid) -> tuple[list[str], list[list[dict]]]:
    """De zinnen over de omslagpunten, met per zin de cijfers en hun boom (berekening/rekenbomen.py: omslagpunten)."""
    zinnen, herkomsten = [], []
    for v in gekozen_omslagpunten(g):
        punt = v.effecten[METHODE].omslagpunt
        sleutel = gevoeligheid_sleutel(v.invoer.sleutel)
        if punt.waarde is not None:
            zinnen.append(f"{v.invoer.label}: het totaal wordt nul {omslagpunt_tekst(punt, v.invoer.eenheid)}; nu {_nu(v)}.")
            herkomsten.append([herkomst(met_eenheid(punt.waarde, v.invoer.eenheid), cijfer_anker(f"omslag-{sleutel}"))]
                              + ([herkomst(f"{getal_nl(punt.verandering, 1)}%", cijfer_anker(f"omslag-{sleutel}-verandering"))]
                                 if punt.verandering is not None else [])
                              + [herkomst(f"nu {_nu(v)}", cijfer_anker(f"omslag-{sleutel}-nu"))])
        elif punt.wiskundig == 0:
            zinnen.append(
                f"{v.invoer.label}: geen omslagpunt; het totaal groeit en krimpt evenredig met het aantal hulpvragen "
                "en is pas nul bij nul hulpvragen."
            )
            herkomsten.append([])
        else:
            zinnen.append(f"{v.invoer.label}: omslagpunt {omslagpunt_tekst(punt, v.invoer.eenheid)}.")
            herkomsten.append([])
    return zinnen, herkomsten


def tornado_anker(v, richting: str) -> str:
    return cijfer_anker(f"tornado-{gevoeligheid_sleutel(v.invoer.sleutel)}-{richting}")


def drijvers(g: Gevoeligheid) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import tornado

    stap = getal(g.stap)
    basis = g.basis[METHODE]
    top = g.gesorteerd(METHODE)[:AANTAL]
    svg = tornado(
        [v.invoer.label for v in top], basis,
        [v.effecten[METHODE].laag for v in top], [v.effecten[METHODE].hoog for v in top],
        (f"invoer {stap}% lager", f"invoer {stap}% hoger"), f"totaal per jaar ({VLAK})",
    )
    rijen = [[v.invoer.label, _nu(v), euro(v.effecten[METHODE].laag), euro(v.effecten[METHODE].hoog)] for v in top]
    # Elk totaal naar zijn boom in de bijlage (de KBA opnieuw met die invoer); 'Nu' naar de plek van de invoer in die boom.
    ankers = {(i, k): tornado_anker(v, richting) for i, v in enumerate(top) for k, richting in ((1, "nu"), (2, "lager"), (3, "hoger"))}
    bij = tabel(["Invoer", "Nu", f"Totaal bij -{stap}%", f"Totaal bij +{stap}%"], rijen, rechts=(1, 2, 3), ankers=ankers)
    beschrijving = (
        f"Tornadodiagram: het totaal van {euro(basis)} per jaar als één invoer {stap}% lager of hoger is. "
        + "; ".join(f"{v.invoer.label}: {euro(v.effecten[METHODE].laag)} tot {euro(v.effecten[METHODE].hoog)}" for v in top)
        + "."
    )
    tekst = (
        f"Elke invoer om de beurt {stap}% lager en hoger, de rest gelijk; bovenaan de invoer die het meest uitmaakt "
        f"(de {AANTAL} grootste van {len(g.variaties)})."
    )
    return [alinea(tekst), grafiek("tornado", svg, beschrijving, bij), opsomming(*_omslagpunten(g))]


def secties(g: Gevoeligheid, rapport) -> dict[str, Sectie]:
    return {"drijvers": Sectie("Wat de uitkomst bepaalt", drijvers(g))}
