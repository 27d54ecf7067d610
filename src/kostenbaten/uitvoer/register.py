"""Het register: bij een analyse en een formaat de functie die de uitkomst levert.

Elke analyse heeft per formaat één module `kostenbaten.uitvoer.<formaat>.<analyse>`
met één functie met een vaste naam (zie FUNCTIES). De module wordt pas geladen als
dat formaat gevraagd wordt, zodat JSON nooit rich laadt en alleen Excel openpyxl.
"""

from __future__ import annotations

import importlib
from pathlib import Path

FUNCTIES = {
    "terminal": "toon",  # toon(uitkomst, console, ...): tabellen op het scherm
    "json": "document",  # document(uitkomst, ...) -> dict
    "excel": "werkmap",  # werkmap(uitkomst, ...) -> openpyxl.Workbook
    "rapport": "secties",  # secties(uitkomst, ...) -> {plek: Sectie}: onderdelen van het rapport (HTML of PDF)
}

# De versie van de JSON-documenten: hoger zodra een sleutel van betekenis of naam verandert (zie CHANGELOG.md).
# 2: elk document is een object met `formaatversie`; `controleer` geeft zijn lijst onder `controles`.
FORMAATVERSIE = 2

# Het rapport kent vier bestandsformaten (naar de extensie van -o); Word krijgt de grafieken ook als PNG.
# .json is het rapport als gegevens: dezelfde tekst, tabellen en rekenbomen met hun ankers, zonder grafieken.
RAPPORTFORMATEN = (".html", ".pdf", ".docx", ".json")
RAPPORT_MET_PNG = (".docx",)

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


def schrijf_json(analyse: str, uitkomst, uit, waarschuwingen=None, **context) -> None:
    """Schrijft de uitkomst als JSON-document naar de stroom `uit`; met `waarschuwingen` (ook leeg) onder die sleutel."""
    from kostenbaten.uitvoer.json import schrijf

    document = {"formaatversie": FORMAATVERSIE, **zoek(analyse, "json")(uitkomst, **context)}
    if waarschuwingen is not None:
        from kostenbaten.uitvoer.json.waarschuwingen import lijst

        document = {**document, "waarschuwingen": lijst(waarschuwingen)}
    schrijf(document, uit)


def schrijf_werkmap(analyse: str, uitkomst, pad: Path, overschrijf: bool, **context) -> None:
    """Schrijft de Excel-werkmap atomair; weigert een bestaand bestand zonder --overschrijf."""
    from kostenbaten.uitvoer.bestand import schrijf_atomair

    werkmap = zoek(analyse, "excel")(uitkomst, **context)
    schrijf_atomair(pad, werkmap.save, overschrijf)


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


def schrijf_rapport(uitkomsten: dict, pad: Path, overschrijf: bool, voet: str, **context) -> None:
    """Schrijft het rapport (HTML, PDF of Word naar de extensie) uit de secties van elke analyse; matplotlib, typst en
    python-docx laden pas hier. Voor Word tekent elke grafiek ook een PNG, want Word toont geen SVG alleen."""
    from kostenbaten.uitvoer.rapport.document import schrijf

    if Path(pad).suffix.lower() in RAPPORT_MET_PNG:
        from kostenbaten.uitvoer.rapport.grafiek import MET_PNG

        MET_PNG.set(True)
    schrijf([zoek(analyse, "rapport")(uitkomst, **context) for analyse, uitkomst in uitkomsten.items()], pad, overschrijf, voet)
