"""De uitleg van het totaal in het rapport: de rekenboom tot de invoerregels en bronnen, als geneste lijst."""

from __future__ import annotations

from kostenbaten.berekening.uitleg import Knoop, Uitleg, wie_naam
from kostenbaten.notatie import decimalen_voor, euro, getal_nl
from kostenbaten.uitvoer.namen import rekensom_tekst
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, boom
from kostenbaten.uitvoer.rapport.kba import GEWOGEN, VLAK


def waarde_tekst(k: Knoop) -> str:
    d = decimalen_voor([k.waarde])
    if k.eenheid == "euro":
        return euro(k.waarde, d)
    if k.eenheid == "procent":
        return f"{getal_nl(k.waarde, d)}%"
    return f"{getal_nl(k.waarde, d)} {k.eenheid}"


def leesbaar(pilot) -> dict[str, str]:
    """Sleutels uit de bestanden in de rekenboom naar hun naam: `[rijk]` wordt `(Rijk)`, `kengetal toevoeging:` de naam van het kengetal."""
    if pilot is None:
        return {}
    vervang = {f"[{wie_naam(sleutel)}]": f"({actor.naam})" for sleutel, actor in pilot.alle_actoren.items()}
    vervang.update({f"kengetal {sleutel}:": f"kengetal '{k.naam}':" for sleutel, k in pilot.kengetallen.items()})
    # De methoden bij hun naam in het rapport, niet als 'rapport' (dat is het rapport van Hengelo).
    vervang["Extrapolatie rapport (vlak gemiddelde, exact)"] = f"Extrapolatie met {VLAK}"
    vervang["Extrapolatie gewogen (per rechtsgebied, exact)"] = f"Extrapolatie {GEWOGEN}"
    return vervang


def _vervang(tekst: str, vervang: dict[str, str]) -> str:
    for oud, nieuw in vervang.items():
        tekst = tekst.replace(oud, nieuw)
    return tekst


def knoop(k: Knoop, vervang: dict[str, str] | None = None) -> dict:
    vervang = vervang or {}
    detail = [_vervang(rekensom_tekst(k.rekensom), vervang)] if k.rekensom else []
    if k.waar:
        detail.append("in " + ", ".join(k.waar))
    if k.bron:
        detail.append(f"bron: {k.bron}")
    if k.let_op:
        detail.append(f"let op: {k.let_op}")
    return {
        "tekst": f"{_vervang(k.label, vervang)}: {waarde_tekst(k)}",
        "detail": "; ".join(detail),
        "kinderen": [knoop(c, vervang) for c in k.kinderen],
    }


def secties(u: Uitleg, pilot=None, **_context) -> dict[str, Sectie]:
    """`pilot` geeft de namen van actoren en kengetallen, zodat de boom geen sleutels uit de bestanden toont."""
    inleiding = alinea(
        "Elke rekenstap van het totaal, tot de regel in de invoerbestanden (bestand:regel) en de bron van elk kengetal. "
        "De opdracht kostenbaten uitleg, met de map en het cijfer rapport, toont dezelfde boom met de sleutels uit de bestanden."
    )
    return {"uitleg": Sectie("Hoe het totaal is opgebouwd", [inleiding, boom([knoop(u.boom, leesbaar(pilot))])])}
