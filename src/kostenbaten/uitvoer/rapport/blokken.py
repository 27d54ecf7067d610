"""De bouwstenen van het rapport: koppen, alinea's, tabellen, grafieken en bomen, los van HTML of PDF.

Een blok is een klein woordenboek met een `soort`, zodat dezelfde blokken
naar het HTML-sjabloon (jinja2) en als JSON naar het typst-sjabloon gaan.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Sectie:
    """De blokken van één plek in het rapport (zie `document.PLEKKEN`); de titel geeft de eerste leverancier."""

    titel: str | None
    blokken: list[dict] = field(default_factory=list)


def herkomst(tekst: str, anker: str) -> dict:
    """Een cijfer in een tekst of cel (`tekst`, zoals het er staat) met de plek van zijn berekening in de bijlage."""
    return {"tekst": tekst, "anker": anker}


def alinea(tekst: str, nadruk: bool = False, herkomsten: list[dict] | None = None) -> dict:
    """Een alinea; elk cijfer in `herkomsten` wordt een verwijzing naar zijn berekening in de bijlage.

    `delen` is de tekst in stukken, elk met het anker van zijn cijfer of None, in de volgorde van de tekst."""
    return {"soort": "alinea", "tekst": tekst, "nadruk": nadruk, "delen": _delen(tekst, herkomsten or [])}


def _delen(tekst: str, herkomsten: list[dict]) -> list[dict]:
    delen, rest = [], tekst
    for h in herkomsten:
        voor, gevonden, na = rest.partition(h["tekst"])
        if not gevonden:
            continue
        if voor:
            delen.append({"tekst": voor, "anker": None})
        delen.append({"tekst": gevonden, "anker": h["anker"]})
        rest = na
    if rest:
        delen.append({"tekst": rest, "anker": None})
    return delen


def opsomming(regels: list[str], herkomsten: list[list[dict]] | None = None) -> dict:
    """Een lijst met punten; `herkomsten` geeft per regel de cijfers met hun berekening (zoals bij `alinea`)."""
    herkomsten = herkomsten or [[] for _ in regels]
    return {"soort": "opsomming", "regels": list(regels), "delen": [_delen(r, h) for r, h in zip(regels, herkomsten)]}


def tabel(kop: list[str], rijen: list[list[str]], rechts: tuple[int, ...] = (), slot: list[list[str]] | None = None,
          bijschrift: str = "", breed: bool = False, ankers: dict[tuple[int, int], str] | None = None) -> dict:
    """Een tabel; `rechts` zijn de kolommen met bedragen (rechts uitgelijnd), `slot` de totaalregels.

    `ankers` wijst cellen (rij, kolom) naar de berekening van hun cijfer in de bijlage."""
    return {
        "ankers": {f"{r},{k}": a for (r, k), a in (ankers or {}).items()},
        "soort": "tabel",
        "kop": list(kop),
        "rijen": [list(r) for r in rijen],
        "slot": [list(r) for r in (slot or [])],
        "rechts": list(rechts),
        "bijschrift": bijschrift,
        "breed": breed,
    }


def grafiek(naam: str, svg: str, beschrijving: str, bij: dict | None = None) -> dict:
    """Een grafiek als SVG met haar tekstalternatief: een beschrijving en (`bij`) de tabel met dezelfde cijfers."""
    return {"soort": "grafiek", "naam": naam, "svg": svg, "beschrijving": beschrijving, "tabel": bij}


def boom(knopen: list[dict]) -> dict:
    """Een geneste lijst: elke knoop {'tekst', 'detail', 'kinderen'}."""
    return {"soort": "boom", "knopen": knopen}


def bij_elkaar(blokken: list[dict]) -> dict:
    """Blokken die op één pagina bij elkaar blijven (een kopje met zijn tabel)."""
    return {"soort": "bij_elkaar", "blokken": blokken}


def naast(blokken: list[dict]) -> dict:
    """Kleine blokken (smalle tabellen) naast elkaar; op een smal scherm onder elkaar."""
    return {"soort": "naast", "blokken": blokken}


def grafieken(doc: dict) -> list[dict]:
    """De grafiekblokken van een rapportdocument (voorkant en bijlagen), in volgorde, ook die in een groep (`bij_elkaar`, `naast`)."""
    uit, stapel = [], [b for deel in (doc["voor"], doc["bijlagen"]) for s in deel for b in s["blokken"]]
    while stapel:
        b = stapel.pop(0)
        if b["soort"] == "grafiek":
            uit.append(b)
        stapel[:0] = b.get("blokken", [])
    return uit


def zonder_svg(doc: dict) -> dict:
    """Het rapport als gegevens zonder de tekeningen (die staan als SVG in HTML en PDF)."""
    import json

    kopie = json.loads(json.dumps(doc))
    for b in grafieken(kopie):
        b["svg"] = ""
    return kopie
