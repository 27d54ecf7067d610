"""De uitleg van het totaal in het rapport: de rekenboom tot de invoerregels en bronnen, als geneste lijst."""

from __future__ import annotations

import re

from kostenbaten.berekening.uitleg import Knoop, Uitleg, wie_naam
from kostenbaten.notatie import decimalen_voor, euro, getal_nl
from kostenbaten.uitvoer.namen import rekensom_tekst
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, boom
from kostenbaten.uitvoer.rapport.kba import ANKER_TOTAAL, GEWOGEN, VLAK, casus_anker, cijfer_anker, kengetal_anker


def waarde_tekst(k: Knoop) -> str:
    d = decimalen_voor([k.waarde])
    if k.eenheid == "euro":
        return euro(k.waarde, d)
    if k.eenheid == "per euro":
        return f"{getal_nl(k.waarde, 2)} per euro"
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


_KENGETAL = re.compile(r"kengetal (\w+):")
_CASUS = re.compile(r"Casus (\d+): netto\b")


def knoop(k: Knoop, vervang: dict[str, str] | None = None, ankers: set[str] | None = None, bronnen: set[str] | None = None) -> dict:
    """Een knoop van de boom; de eerste knoop van elke casus en van elk kengetal krijgt een anker (`ankers`: al gebruikt).

    De bron van een kengetal staat bij zijn eerste knoop; verderop (`bronnen`: al genoemd) volstaat 'bron: als hierboven'."""
    vervang = vervang or {}
    ankers = set() if ankers is None else ankers
    bronnen = set() if bronnen is None else bronnen
    som = rekensom_tekst(k.rekensom) if k.rekensom else ""
    detail = [_vervang(som, vervang)] if som else []
    if k.waar:
        detail.append("in " + ", ".join(k.waar))
    if k.bron:
        detail.append(f"bron: {k.bron}" if k.bron not in bronnen else "bron: als hierboven")
        bronnen.add(k.bron)
    if k.let_op:
        detail.append(f"let op: {k.let_op}")
    anker = None
    if k.cijfer and cijfer_anker(k.cijfer) not in ankers:  # een cijfer uit een tabel op de voorkant
        anker = cijfer_anker(k.cijfer)
        ankers.add(anker)
    for patroon, maak in () if anker else ((_CASUS, lambda m: casus_anker(int(m.group(1)))), (_KENGETAL, lambda m: kengetal_anker(m.group(1)))):
        gevonden = patroon.match(k.label) if patroon is _CASUS else patroon.search(som)
        if gevonden and maak(gevonden) not in ankers:
            anker = maak(gevonden)
            ankers.add(anker)
            break
    return {
        "tekst": f"{_vervang(k.label, vervang)}: {waarde_tekst(k)}",
        "detail": "; ".join(detail),
        "anker": anker,
        "kinderen": [knoop(c, vervang, ankers, bronnen) for c in k.kinderen],
    }


def secties(u, rapport) -> dict[str, Sectie]:
    """Eén of meer rekenbomen (`Uitleg`), elk met een anker waar de cijfers op de voorkant naar verwijzen.

    De pilot van `rapport` (`api.Rapport`) geeft de namen van actoren en kengetallen, zodat de boom geen sleutels uit de
    bestanden toont."""
    pilot = rapport.pilot
    bomen = u if isinstance(u, (list, tuple)) else [u]
    inleiding = alinea(
        "Elke rekenstap van de totalen en van de cijfers in de tabellen op de voorkant (kosten en baten, per actor, de "
        "verdelingstabel, de balken van de tornado), tot de regel in de invoerbestanden (bestand:regel) en de bron van elk "
        "kengetal; een cijfer op de voorkant verwijst naar zijn plek hier. De bedragen hier zijn exact; in de tabellen staan "
        "ze afgerond. De opdracht kostenbaten uitleg toont de boom van de totalen met de sleutels uit de bestanden "
        "(bijvoorbeeld: kostenbaten uitleg MAP rapport)."
    )
    ankers: set[str] = set()
    bronnen: set[str] = set()
    blokken = [inleiding]
    for b in bomen:
        top = knoop(b.boom, leesbaar(pilot), ankers, bronnen)
        if top["anker"] is None:
            top["anker"] = ANKER_TOTAAL.get(b.cijfer, f"uitleg-{b.cijfer}")
        blokken.append(boom([top]))
    return {"uitleg": Sectie("Hoe de totalen zijn opgebouwd", blokken)}
