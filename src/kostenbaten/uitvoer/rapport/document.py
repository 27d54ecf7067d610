"""Het rapport als geheel: de secties van alle analyses op hun vaste plek, dan naar HTML of PDF naar de extensie.

De voorkant (hoogstens twee A4-pagina's in de PDF) heeft de plekken van
`VOORKANT`, de bijlagen die van `BIJLAGEN`, in die volgorde. Een plek zonder
blokken valt weg; zo krijgt een map zonder gepubliceerde cijfers die bijlage niet.
"""

from __future__ import annotations

import string
from pathlib import Path

from kostenbaten.fouten import Gebruiksfout
from kostenbaten.uitvoer.rapport.blokken import Sectie

VOORKANT = ("titel", "kern", "kosten_baten", "actoren", "begroting", "drijvers", "casussen", "bewijs", "aannames", "methode")
BIJLAGEN = ("vergelijking", "casustabellen", "uitleg", "gepubliceerd")


def controleer_formaat(pad: Path) -> None:
    """Het formaat volgt uit de extensie; iets anders dan .html, .pdf of .docx is een fout in de opdracht.

    Voor .docx moet python-docx geïnstalleerd zijn; zonder zegt de melding hoe het erbij komt.
    """
    from kostenbaten.uitvoer.register import RAPPORTFORMATEN

    soort = Path(pad).suffix.lower()
    if soort not in RAPPORTFORMATEN:
        raise Gebruiksfout(f"-o: '{pad}' eindigt niet op .html, .pdf of .docx; het rapport kent alleen die drie formaten.")
    if soort == ".docx":
        import importlib.util

        if importlib.util.find_spec("docx") is None:
            raise Gebruiksfout(
                f"-o: '{pad}' is een Word-document, maar het pakket python-docx is niet geïnstalleerd; "
                "installeer het met: pip install python-docx"
            )


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
    return {"titel": titel.titel, "inleiding": titel.blokken, "voor": voor, "bijlagen": bijlagen, "voet": voet}


def grafieken(doc: dict) -> list[dict]:
    return [b for deel in (doc["voor"], doc["bijlagen"]) for s in deel for b in s["blokken"] if b["soort"] == "grafiek"]


def schrijf(alle: list[dict[str, Sectie]], pad: Path, overschrijf: bool, voet: str) -> None:
    """Schrijft het rapport atomair als HTML, PDF of Word; een bestaand bestand alleen met --overschrijf."""
    from kostenbaten.uitvoer.bestand import schrijf_atomair

    doc = document(alle, voet)
    if Path(pad).suffix.lower() == ".pdf":
        from kostenbaten.uitvoer.rapport.pdf import schrijf_pdf as schrijver
    elif Path(pad).suffix.lower() == ".docx":
        from kostenbaten.uitvoer.rapport.docx import schrijf_docx as schrijver
    else:
        from kostenbaten.uitvoer.rapport.html import schrijf_html as schrijver
    schrijf_atomair(Path(pad), lambda doel: schrijver(doc, doel), overschrijf)
