"""Het register: bij een analyse en een formaat de functie die de uitkomst levert.

Elke analyse heeft per formaat één module `kostenbaten.uitvoer.<formaat>.<analyse>`
met één functie met een vaste naam (zie FUNCTIES). De module wordt pas geladen als
dat formaat gevraagd wordt, zodat JSON nooit rich laadt en alleen Excel openpyxl.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

FUNCTIES = {
    "terminal": "toon",  # toon(uitkomst, console, ...): tabellen op het scherm
    "json": "document",  # document(uitkomst, ...) -> dict
    "excel": "werkmap",  # werkmap(uitkomst, ...) -> openpyxl.Workbook
}

# Welke formaten elke analyse aanbiedt; de opdrachtregel vraagt niets anders.
AANBOD: dict[str, tuple[str, ...]] = {
    "kba": ("terminal", "json", "excel"),
    "controle": ("terminal", "json"),
    "cijfers": ("terminal", "json"),
    "uitleg": ("terminal", "json"),
    "gevoeligheid": ("terminal", "json", "excel"),
    "actoren": ("terminal", "json", "excel"),
    "meerjarig": ("terminal", "json", "excel"),
    "begroting": ("terminal", "json", "excel"),
    "onzekerheid": ("terminal", "json", "excel"),
    "vergelijking": ("terminal", "json"),
}


class OnbekendeUitvoer(LookupError):
    """Een analyse die een formaat niet aanbiedt: een fout in de opdrachtregel zelf."""


def module_naam(analyse: str, formaat: str) -> str:
    if formaat not in AANBOD.get(analyse, ()):
        raise OnbekendeUitvoer(f"{analyse} heeft geen uitvoer als {formaat}")
    return f"kostenbaten.uitvoer.{formaat}.{analyse}"


def _voorlopige_schrijver(analyse: str):
    """De Excel-schrijvers van vóór het pakket `uitvoer/excel/`: (uitkomst, pad, **context) schrijft het bestand."""
    if analyse == "kba":
        from kostenbaten.uitvoer.excel_kba import bouw_kba

        return lambda u, pad: bouw_kba(u)[0].save(pad)
    if analyse == "begroting":
        from kostenbaten.uitvoer.excel_begroting import bouw_begroting, casussen_vanaf

        return lambda u, pad, bron, doel: bouw_begroting(u, casussen_vanaf(u, bron, doel))[0].save(pad)
    if analyse == "onzekerheid":
        from kostenbaten.uitvoer.onzekerheid_xlsx import schrijf_onzekerheid

        return schrijf_onzekerheid
    from kostenbaten.uitvoer import analyse_excel

    bouw = getattr(analyse_excel, f"{analyse}_werkmap")
    return lambda u, pad, **context: analyse_excel.schrijf_werkmap(bouw(u, **context), pad)


def zoek(analyse: str, formaat: str):
    """De leverfunctie van (analyse, formaat), lui geïmporteerd."""
    naam = module_naam(analyse, formaat)
    if formaat == "excel" and importlib.util.find_spec("kostenbaten.uitvoer.excel").submodule_search_locations is None:
        return _voorlopige_schrijver(analyse)
    return getattr(importlib.import_module(naam), FUNCTIES[formaat])


def toon(analyse: str, uitkomst, **context) -> None:
    """Toont de uitkomst in de terminal; rich wordt pas hier geladen."""
    from rich.console import Console

    zoek(analyse, "terminal")(uitkomst, Console(highlight=False), **context)


def json_tekst(analyse: str, uitkomst, **context) -> str:
    """De uitkomst als JSON-tekst."""
    from kostenbaten.uitvoer.json import dump

    return dump(zoek(analyse, "json")(uitkomst, **context))


def schrijf_werkmap(analyse: str, uitkomst, pad: Path, overschrijf: bool, **context) -> None:
    """Schrijft de Excel-werkmap atomair; weigert een bestaand bestand zonder --overschrijf."""
    from kostenbaten.uitvoer.bestand import schrijf_atomair

    leverancier = zoek(analyse, "excel")
    if FUNCTIES["excel"] == getattr(leverancier, "__name__", ""):
        schrijf_atomair(pad, lambda tijdelijk: leverancier(uitkomst, **context).save(tijdelijk), overschrijf)
    else:
        schrijf_atomair(pad, lambda tijdelijk: leverancier(uitkomst, tijdelijk, **context), overschrijf)
