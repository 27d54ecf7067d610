"""De onzekerheid in het rapport: het 90%-interval van het totaal, wat het dekt en wat niet, met trekkingen en zaad.

Het interval zegt waar het vandaan komt: de bereiken in de invoer (met hun
namen), de kansen van slagen van casussen, of allebei. Is een kans de enige
onzekerheid, dan zegt de tekst dat: zo'n casus slaagt in een trekking of niet,
voor alle hulpvragen waarvoor zij staat tegelijk, en het totaal heeft dan enkele
vaste uitkomsten in plaats van een spreiding. Wat het interval nooit dekt, staat
er ook: dat het gemiddelde op een handvol casussen rust.
"""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.onzekerheid import OnzekerheidUitkomst
from kostenbaten.notatie import decimalen_voor, euro, getal_nl, kans, procent
from kostenbaten.berekening.rekenbomen import gevoeligheid_sleutel
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, herkomst
from kostenbaten.uitvoer.rapport.kba import ANKER_TOTAAL, GEWOGEN, VLAK, casus_anker, cijfer_anker

GENOEMD = 4  # zoveel bereiken bij naam; de rest als aantal


def tussen_tekst(v) -> str:
    """`tussen € 334 en € 137.052`: het 90%-interval (P5 en P95) in een zin."""
    return f"tussen {euro(v.percentielen[5])} en {euro(v.percentielen[95])}"


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def _kans_procent(casus) -> str:
    w = casus.kans.waarde * 100
    return procent(w, decimalen_voor([w]))


def _kans_van(casus) -> str:
    tekst = _kans_procent(casus)
    if casus.kans.heeft_bereik:
        tekst += ", met een bereik"
    return f"casus {casus.nummer} ({tekst})"


def bereiken(u: OnzekerheidUitkomst) -> list:
    """De invoer met een bereik, zonder de kansen van slagen (die noemt de tekst apart)."""
    return [i for i in u.invoer if not i.plek.endswith(": kans")]


def kansen(u: OnzekerheidUitkomst) -> list:
    """De casussen met een kans van slagen, uit de doorgerekende casussen."""
    return [c.casus for c in u.berekend.casussen if c.nummer in u.kansen]


def dekking(u: OnzekerheidUitkomst) -> str:
    """Wat het interval dekt, in woorden: de bereiken bij naam en de casussen met een kans."""
    delen = []
    met_bereik = bereiken(u)
    if met_bereik:
        namen = [i.naam for i in met_bereik[:GENOEMD]]
        if len(met_bereik) > GENOEMD:
            namen.append(f"{len(met_bereik) - GENOEMD} andere")
        delen.append(f"de bereiken in de invoer ({_opsomming(namen)})")
    met_kans = kansen(u)
    if met_kans:
        delen.append(("de kans van slagen van " if len(met_kans) == 1 else "de kansen van slagen van ")
                     + _opsomming([_kans_van(c) for c in met_kans]))
    return _opsomming(delen)


UITKOMST_PER_HULPVRAAG = "de uitkomst per hulpvraag (of een casus met een kans van slagen slaagt)"
DRIJVERS_GENOEMD = 3  # zoveel bronnen van spreiding bij naam: de grootste en de twee daarna


def drijvers(u: OnzekerheidUitkomst, methode: str = "rapport") -> list[tuple[str, Decimal]]:
    """Wat de spreiding in de trekkingen drijft, van groot naar klein: elk bereik (het deel van de variantie dat het alleen
    verklaart) en, met kansen van slagen, de uitkomst per hulpvraag."""
    delen = [(f"het bereik van '{i.naam}'", d) for i, d in u.drijvers.get(methode, ())]
    if u.kansen:
        delen.append((UITKOMST_PER_HULPVRAAG, u.deel_uitkomsten.get(methode, Decimal(0))))
    return sorted((d for d in delen if d[1] > 0), key=lambda d: -d[1])


def drijft_tekst(u: OnzekerheidUitkomst) -> str:
    """`De spreiding komt vooral door het bereik van '...' (29% van de variantie), daarna ...`, voor één gemiddelde."""
    delen = drijvers(u)
    if not delen:
        return ""
    (wat, deel), *rest = delen
    zin = f"De spreiding in dit interval komt vooral door {wat} ({procent(deel * 100)} van de variantie"
    zin += f", {VLAK})" if not rest else f", {VLAK}), daarna " + _opsomming([f"{w} ({procent(d * 100)})" for w, d in rest[:DRIJVERS_GENOEMD - 1]])
    return zin + "."


def kern(u: OnzekerheidUitkomst) -> list[dict]:
    r, g = u.extrapolaties["rapport"]["totaal"], u.extrapolaties["gewogen"]["totaal"]
    aantal = len(u.berekend.casussen)
    negatief = (f"de kans op een negatief totaal is {kans(r.kans_negatief)}, respectievelijk {kans(g.kans_negatief)}")
    zaad = f"Berekend met {getal_nl(Decimal(u.trekkingen))} trekkingen, zaad {u.zaad}: dezelfde opdracht geeft dezelfde uitkomst."
    if bereiken(u):
        zin = (
            f"Met 90% kans ligt het totaal {tussen_tekst(r)} ({VLAK}) of {tussen_tekst(g)} ({GEWOGEN}); {negatief}. "
            f"Dat interval dekt {dekking(u)}. {drijft_tekst(u)} {zaad}"
        )
    else:
        met_kans = kansen(u)
        enkel = len(met_kans) == 1
        zin = (
            f"De enige onzekerheid in de invoer is {dekking(u)}: er zijn geen bereiken gegeven. "
            f"In elke trekking slaagt {'die casus' if enkel else 'elk van die casussen'} of niet, en dat geldt dan voor alle "
            f"hulpvragen waarvoor {'zij staat' if enkel else 'ze staan'}; het totaal kent daardoor enkele vaste uitkomsten, "
            f"geen vloeiende spreiding. 90% van de trekkingen ligt {tussen_tekst(r)} ({VLAK}) of {tussen_tekst(g)} ({GEWOGEN}); "
            f"{negatief}. {drijft_tekst(u)} Het totaal hierboven is het verwachte totaal, met de kans meegewogen. {zaad}"
        )
    return [
        alinea(zin, nadruk=True, herkomsten=_herkomsten_kern(u)),
        alinea(
            f"Niet in dit interval: dat het gemiddelde op {aantal} uitgewerkte {'casus' if aantal == 1 else 'casussen'} rust. "
            "Met andere casussen was het gemiddelde anders uitgevallen; meer uitgewerkte casussen maken de uitkomst vaster.",
            herkomsten=[herkomst(str(aantal), cijfer_anker("gemiddelde"))],
        ),
    ]


def _herkomsten_kern(u: OnzekerheidUitkomst) -> list[dict]:
    """De cijfers van de zin over het interval, in de volgorde van de zin, elk met zijn boom (berekening/rekenbomen.py:
    onzekerheid): de kansen van slagen bij hun casus, de grenzen, de kans op een negatief totaal en wat de spreiding drijft."""
    # De kansen van slagen staan in de dekking: in de zin zonder bereiken vooraan, met bereiken na de grenzen.
    dekking_ = [h for c in kansen(u) for h in (herkomst(str(c.nummer), casus_anker(c.nummer)), herkomst(_kans_procent(c), casus_anker(c.nummer)))]
    grenzen = []
    for methode in ("rapport", "gewogen"):
        v = u.extrapolaties[methode]["totaal"]
        grenzen += [herkomst(euro(v.percentielen[5]), cijfer_anker(f"onzekerheid-p5-{methode}")),
                    herkomst(euro(v.percentielen[95]), cijfer_anker(f"onzekerheid-p95-{methode}"))]
    grenzen += [herkomst(kans(u.extrapolaties[m]["totaal"].kans_negatief), cijfer_anker(f"onzekerheid-negatief-{m}")) for m in ("rapport", "gewogen")]
    uit = grenzen + dekking_ if bereiken(u) else dekking_ + grenzen
    for wat, deel in drijvers(u)[:DRIJVERS_GENOEMD]:
        if wat == UITKOMST_PER_HULPVRAAG:
            uit.append(herkomst(procent(deel * 100), cijfer_anker("onzekerheid-uitkomsten-rapport")))
        else:
            i = next(i for i, d in u.drijvers.get("rapport", ()) if f"het bereik van '{i.naam}'" == wat)
            uit.append(herkomst(procent(deel * 100), cijfer_anker(f"onzekerheid-drijver-rapport-{gevoeligheid_sleutel(i.plek)}")))
    return uit


def verwacht(u: OnzekerheidUitkomst) -> list[dict]:
    """De kop met bereiken: de verwachte waarde van het totaal, de waarde bij de meest waarschijnlijke invoer ernaast,
    en welk deel van de spreiding uit de kleine steekproef van casussen komt."""
    if u.centrum is None:
        return []
    r, g = u.extrapolaties["rapport"]["totaal"], u.extrapolaties["gewogen"]["totaal"]
    hoe = ("exact berekend met het gemiddelde van elk bereik" if u.centrum.exact
           else f"het gemiddelde van {getal_nl(Decimal(u.trekkingen))} trekkingen")
    blokken = [alinea(
        f"Verwacht, met de bereiken en kansen in de invoer meegewogen: samen {euro(r.verwacht)} ({VLAK}) of "
        f"{euro(g.verwacht)} ({GEWOGEN}), {hoe}. Bij de meest waarschijnlijke invoer is dat {euro(r.berekend)} en "
        f"{euro(g.berekend)}; op die invoer rusten ook het maatschappelijk saldo hierboven en de bedragen hieronder.",
        nadruk=True,
        herkomsten=[herkomst(euro(r.verwacht), cijfer_anker("onzekerheid-verwacht-rapport")),
                    herkomst(euro(g.verwacht), cijfer_anker("onzekerheid-verwacht-gewogen")),
                    herkomst(euro(r.berekend), ANKER_TOTAAL["rapport"]), herkomst(euro(g.berekend), ANKER_TOTAAL["gewogen"])],
    )]
    if u.spreiding:
        aantal = len(u.berekend.casussen)
        d, e = u.spreiding["rapport"], u.spreiding["gewogen"]
        blokken.append(alinea(
            f"Van de spreiding van het totaal komt {procent(d['steekproef'] * 100)} uit de kleine steekproef van {aantal} "
            f"uitgewerkte {'casus' if aantal == 1 else 'casussen'} ({GEWOGEN}: {procent(e['steekproef'] * 100)}), "
            f"{procent(d['parameters'] * 100)} uit de bereiken in de invoer en {procent(d['uitkomsten'] * 100)} uit de uitkomst "
            "per hulpvraag (de drie opgeteld alsof ze onafhankelijk zijn). Meer uitgewerkte casussen verkleinen het eerste deel.",
            herkomsten=[herkomst(procent(d["steekproef"] * 100), cijfer_anker("onzekerheid-spreiding-steekproef-rapport")),
                        herkomst(str(aantal), cijfer_anker("gemiddelde")),
                        herkomst(procent(e["steekproef"] * 100), cijfer_anker("onzekerheid-spreiding-steekproef-gewogen")),
                        herkomst(procent(d["parameters"] * 100), cijfer_anker("onzekerheid-spreiding-parameters-rapport")),
                        herkomst(procent(d["uitkomsten"] * 100), cijfer_anker("onzekerheid-spreiding-uitkomsten-rapport"))],
        ))
    return blokken


def secties(u: OnzekerheidUitkomst, rapport) -> dict[str, Sectie]:
    uit = {"kern": Sectie(None, kern(u))}
    if u.centrum is not None:
        uit["verwacht"] = Sectie("De verwachte uitkomst", verwacht(u))
    return uit
