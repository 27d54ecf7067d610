"""Het rapport als geheel: de secties van alle analyses op hun vaste plek, dan naar HTML of PDF naar de extensie.

De voorkant (hoogstens twee A4-pagina's in de PDF) heeft de plekken van
`VOORKANT`, de bijlagen die van `BIJLAGEN`, in die volgorde. Een plek zonder
blokken valt weg; zo krijgt een map zonder gepubliceerde cijfers die bijlage niet.
"""

from __future__ import annotations

import string
from pathlib import Path

from kostenbaten.uitvoer.rapport.blokken import Sectie, grafieken, zonder_svg

VOORKANT = ("titel", "saldo", "verwacht", "kern", "kosten_baten", "actoren", "begroting", "drijvers", "casussen", "bewijs", "aannames", "methode")
BIJLAGEN = ("vergelijking", "casustabellen", "uitleg", "gepubliceerd")


def _samen(alle: list[dict[str, Sectie]]) -> dict[str, Sectie]:
    """Secties met dezelfde plek achter elkaar, in de volgorde van de analyses; de eerste titel telt."""
    uit: dict[str, Sectie] = {}
    for secties in alle:
        for plek, sectie in secties.items():
            if plek not in uit:
                uit[plek] = Sectie(sectie.titel, list(sectie.blokken))
            else:
                uit[plek].blokken += sectie.blokken
                uit[plek].titel = uit[plek].titel or sectie.titel
    return uit


def document(alle: list[dict[str, Sectie]], voet: str) -> dict:
    """Het rapport als gegevens voor de sjablonen: titel, voorkant en bijlagen (met letters A, B, ...)."""
    secties = _samen(alle)
    titel = secties.pop("titel")
    voor = [{"plek": p, "titel": secties[p].titel, "blokken": secties[p].blokken} for p in VOORKANT if p in secties and secties[p].blokken]
    aanwezig = [p for p in BIJLAGEN if p in secties and secties[p].blokken]
    bijlagen = [
        {"plek": p, "titel": f"Bijlage {letter}. {secties[p].titel}", "blokken": secties[p].blokken}
        for letter, p in zip(string.ascii_uppercase, aanwezig)
    ]
    uit = {"titel": titel.titel, "inleiding": titel.blokken, "voor": voor, "bijlagen": bijlagen, "voet": voet}
    _alleen_bestaande_ankers(uit)
    uit["uitleg_bijlage"] = next((s["titel"].split(".")[0] for s in bijlagen if s["plek"] == "uitleg"), None)
    return uit


def _blokken(doc: dict):
    """Alle blokken van het rapport, ook die binnen een groep."""
    stapel = [b for deel in (doc["inleiding"], *(s["blokken"] for s in (*doc["voor"], *doc["bijlagen"]))) for b in deel]
    while stapel:
        b = stapel.pop()
        yield b
        stapel += b.get("blokken", [])
        if b["soort"] == "grafiek" and b.get("tabel"):
            stapel.append(b["tabel"])


def _alleen_bestaande_ankers(doc: dict) -> None:
    """Een verwijzing naar een anker dat er niet is (geen rekenboom in dit rapport) wordt gewone tekst."""
    bestaand: set[str] = set()
    knopen = [k for b in _blokken(doc) if b["soort"] == "boom" for k in b["knopen"]]
    while knopen:
        k = knopen.pop()
        if k.get("anker"):
            bestaand.add(k["anker"])
        knopen += k["kinderen"]
    for b in _blokken(doc):
        if b["soort"] == "alinea":
            for d in b["delen"]:
                if d["anker"] not in bestaand:
                    d["anker"] = None
        elif b["soort"] == "tabel":
            b["ankers"] = {plek: a for plek, a in b["ankers"].items() if a in bestaand}


def schrijf_json(doc: dict, doel: Path) -> None:
    """Het rapport als JSON: titel, voorkant, bijlagen met de rekenbomen en hun ankers; zonder grafieken."""
    import json

    kopie = zonder_svg(doc)
    for b in grafieken(kopie):
        del b["svg"]
    doel.write_text(json.dumps(kopie, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
