"""Het register: bij een analyse en een formaat de functie die de uitkomst levert.

Elke analyse heeft per formaat één module `kostenbaten.uitvoer.<formaat>.<analyse>`
met één functie met een vaste naam (zie FUNCTIES). De module wordt pas geladen als
dat formaat gevraagd wordt, zodat JSON nooit rich laadt en alleen Excel openpyxl.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import NamedTuple

FUNCTIES = {
    "terminal": "toon",  # toon(uitkomst, console, ...): tabellen op het scherm
    "json": "document",  # document(uitkomst, ...) -> dict
    "excel": "werkmap",  # werkmap(uitkomst, ...) -> openpyxl.Workbook
    "rapport": "secties",  # secties(uitkomst, rapport) -> {plek: Sectie}: onderdelen van het rapport (api.Rapport: het geheel)
}

# De versie van de JSON-documenten: hoger zodra een sleutel van betekenis of naam verandert (zie CHANGELOG.md).
# 2: elk document is een object met `formaatversie`; `controleer` geeft zijn lijst onder `controles`.
FORMAATVERSIE = 2

# Het rapport kent vier bestandsformaten (naar de extensie van -o); Word krijgt de grafieken ook als PNG.
# .json is het rapport als gegevens: dezelfde tekst, tabellen en rekenbomen met hun ankers, zonder grafieken.
RAPPORTFORMATEN = (".html", ".pdf", ".docx", ".json")  # de extensies van groep "rapport" in UITVOER
RAPPORT_MET_PNG = ("docx",)

# Welke formaten elke analyse aanbiedt; de opdrachtregel vraagt niets anders.
AANBOD: dict[str, tuple[str, ...]] = {
    "kba": ("terminal", "json", "excel", "rapport"),
    "controle": ("terminal", "json", "rapport"),
    "cijfers": ("terminal", "json"),
    "uitleg": ("terminal", "json", "rapport"),
    "gevoeligheid": ("terminal", "json", "excel", "rapport"),
    "actoren": ("terminal", "json", "excel", "rapport"),
    "meerjarig": ("terminal", "json", "excel"),
    "begroting": ("terminal", "json", "excel", "rapport"),
    "onzekerheid": ("terminal", "json", "excel", "rapport"),
    "vergelijking": ("terminal", "json", "excel", "rapport"),
    "waarde_informatie": ("terminal", "json", "excel"),
    "casussen": ("excel",),  # een casussenmap als in te vullen werkmap (sjabloon --casussen, omzetten)
    "registratie": ("terminal", "json"),
    "kengetallen": ("terminal", "json", "rapport"),  # de kengetallenbank: lijst, zoeken, één post, controle van een casussenmap
    "monitor": ("terminal", "json", "excel"),
    "steekproef": ("terminal", "json"),
    "uitkomsten": ("terminal", "json", "rapport"),  # de waarde van getelde uitkomsten met de waardekaart (uitkomsten.yaml)  # een aselecte steekproef van hulpvragen om casussen uit te werken
    "waarschuwingen": ("rapport",),  # in terminal en JSON komen ze na de uitkomst van elke opdracht
}


class Uitvoer(NamedTuple):
    """Hoe een formaat uit een uitkomst ontstaat en hoe het een bestand wordt (`uitvoer.lever.lever` volgt dit)."""

    maak: str  # een soort uit FUNCTIES (per analyse via `zoek`), "rapport" (de secties van de analyses samen) of "module:functie"(uitkomst, ...)
    schrijf: str | None  # "module:functie"(ding, doel) die het gemaakte naar een (tijdelijk) bestand schrijft; None: alleen de terminal
    extensies: tuple[str, ...] = ()  # waaraan -o, --xlsx of --uit het formaat herkent, binnen zijn `groep`
    groep: str | None = None  # welke optie het formaat aan de extensie kiest: "rapport", "infographic" of "lijst"


# DE plek van elk uitvoerformaat: alles wat een opdracht naar het scherm of een bestand levert, gaat via
# `uitvoer.lever.lever(analyse, uitkomst, formaat, doel, overschrijf)` en deze tabel (zie docs/opbouw.md).
UITVOER: dict[str, Uitvoer] = {
    "terminal": Uitvoer("terminal", None),
    "json": Uitvoer("json", "kostenbaten.uitvoer.json:schrijf_bestand", (".json",)),
    "excel": Uitvoer("excel", "kostenbaten.uitvoer.excel:bewaar", (".xlsx",)),
    # Het rapport: de secties van alle analyses samen (`uitvoer/rapport/document.py`), naar de extensie van -o.
    "html": Uitvoer("rapport", "kostenbaten.uitvoer.rapport.html:schrijf_html", (".html",), "rapport"),
    "pdf": Uitvoer("rapport", "kostenbaten.uitvoer.rapport.pdf:schrijf_pdf", (".pdf",), "rapport"),
    "docx": Uitvoer("rapport", "kostenbaten.uitvoer.rapport.docx:schrijf_docx", (".docx",), "rapport"),
    "rapport-json": Uitvoer("rapport", "kostenbaten.uitvoer.rapport.document:schrijf_json", (".json",), "rapport"),
    # De infographic van de monitor (-o van `monitor`).
    "infographic-html": Uitvoer("kostenbaten.uitvoer.rapport.monitor:document", "kostenbaten.uitvoer.rapport.html:schrijf_html", (".html",), "infographic"),
    "infographic-pdf": Uitvoer("kostenbaten.uitvoer.rapport.monitor:document", "kostenbaten.uitvoer.rapport.pdf:schrijf_pdf", (".pdf",), "infographic"),
    # De variant met de getelde hulpvragen en aandelen (--variant van `registratie`).
    "variant": Uitvoer("kostenbaten.uitvoer.variant:variant_tekst", "kostenbaten.uitvoer.variant:schrijf_tekst", (".yaml", ".yml")),
    # De lijst van een steekproef (-o van `steekproef`).
    "lijst-csv": Uitvoer("kostenbaten.uitvoer.steekproeflijst:lijst", "kostenbaten.uitvoer.steekproeflijst:schrijf_csv", (".csv",), "lijst"),
    "lijst-xlsx": Uitvoer("kostenbaten.uitvoer.steekproeflijst:werkmap", "kostenbaten.uitvoer.excel:bewaar", (".xlsx",), "lijst"),
}


def formaat_van(groep: str, pad: Path) -> str | None:
    """Het formaat dat -o (of --uit) van `groep` aan de extensie van `pad` herkent, hoofdletters of niet; None als er geen is."""
    soort = Path(pad).suffix.lower()
    return next((naam for naam, u in UITVOER.items() if u.groep == groep and soort in u.extensies), None)


def functie(plek: str):
    """De functie achter "module:functie", lui geïmporteerd."""
    module, _, naam = plek.partition(":")
    return getattr(importlib.import_module(module), naam)


class OnbekendeUitvoer(LookupError):
    """Een analyse die een formaat niet aanbiedt: een fout in de opdrachtregel zelf."""


def module_naam(analyse: str, formaat: str) -> str:
    if formaat not in AANBOD.get(analyse, ()):
        raise OnbekendeUitvoer(f"{analyse} heeft geen uitvoer als {formaat}")
    return f"kostenbaten.uitvoer.{formaat}.{analyse}"


def zoek(analyse: str, formaat: str):
    """De leverfunctie van (analyse, formaat), lui geïmporteerd."""
    return getattr(importlib.import_module(module_naam(analyse, formaat)), FUNCTIES[formaat])


def toon(analyse: str, uitkomst, **context) -> None:
    """Toont de uitkomst in de terminal; rich wordt pas hier geladen.

    Tekst uit de invoer (titels, namen, bronnen) komt letterlijk op het scherm: geen
    rich-opmaak (`[/]` zou een fout geven), geen emoji-codes, geen kleuren voor getallen,
    en geen onzichtbare stuurtekens (`VeiligeConsole`).
    """
    from kostenbaten.uitvoer.terminal.console import VeiligeConsole

    zoek(analyse, "terminal")(uitkomst, VeiligeConsole(highlight=False, markup=False, emoji=False), **context)


def json_document(analyse: str, uitkomst, waarschuwingen=None, **context) -> dict:
    """Het JSON-document van een analyse, met `formaatversie`; met `waarschuwingen` (ook leeg) onder die sleutel."""
    document = {"formaatversie": FORMAATVERSIE, **zoek(analyse, "json")(uitkomst, **context)}
    if waarschuwingen is not None:
        from kostenbaten.uitvoer.json.waarschuwingen import lijst

        document = {**document, "waarschuwingen": lijst(waarschuwingen)}
    return document


def schrijf_json(analyse: str, uitkomst, uit, waarschuwingen=None, **context) -> None:
    """Schrijft de uitkomst als JSON-document naar de stroom `uit`."""
    from kostenbaten.uitvoer.json import schrijf

    schrijf(json_document(analyse, uitkomst, waarschuwingen, **context), uit)


def controleer_rapportformaat(pad: Path) -> None:
    """Het formaat volgt uit de extensie; iets anders dan .html, .pdf of .docx is een fout in de opdracht.

    Voor .docx moet python-docx geïnstalleerd zijn; zonder zegt de melding hoe het erbij komt.
    """
    from kostenbaten.fouten import Gebruiksfout

    soort = Path(pad).suffix.lower()
    if soort not in RAPPORTFORMATEN:
        raise Gebruiksfout(f"-o: '{pad}' eindigt niet op .html, .pdf, .docx of .json; het rapport kent alleen die vier formaten.")
    if soort == ".docx":
        import importlib.util

        if importlib.util.find_spec("docx") is None:
            raise Gebruiksfout(
                f"-o: '{pad}' is een Word-document, maar het pakket python-docx is niet geïnstalleerd; "
                "installeer het met: pip install python-docx"
            )
