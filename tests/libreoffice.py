"""LibreOffice headless als onafhankelijke rekenaar: een werkmap herberekenen en de uitkomsten teruglezen.

Twee valkuilen: LibreOffice houdt opgeslagen formule-uitkomsten aan tenzij
het profiel herberekenen bij het laden afdwingt, en `soffice --convert-to`
eindigt met code 0 ook als het omzetten mislukt. Daarom krijgt elke run een
eigen, vers profiel met `OOXMLRecalcMode = 0` (altijd herberekenen), en
controleren we of het omgezette bestand er echt is.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from systeem import vereis

INSTELLINGEN = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def vereis_libreoffice() -> str:
    """Het pad van soffice; zonder LibreOffice wordt de test overgeslagen, behalve in CI (dan faalt hij)."""
    (pad,) = vereis("soffice")
    return pad


def herbereken(werkmap: Path, uitmap: Path) -> Path:
    """Laat LibreOffice de werkmap openen, alles herberekenen en als .xlsx in `uitmap` bewaren."""
    return zet_om(werkmap, uitmap, "xlsx")


# Een taalinstelling die niet Nederlands is: de Nederlandse notatie moet uit de werkmap zelf komen.
ANDERE_TAAL = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": ""}


def als_pdf(werkmap: Path, uitmap: Path) -> Path:
    """Drukt de werkmap met LibreOffice af als PDF in `uitmap`, met de afdrukinstellingen van de werkmap.

    LibreOffice draait daarbij onder `LANG=C.UTF-8`, zoals op een machine die niet Nederlands is ingesteld.
    """
    return zet_om(werkmap, uitmap, "pdf", {**os.environ, **ANDERE_TAAL})


def zet_om(werkmap: Path, uitmap: Path, formaat: str, omgeving: dict | None = None) -> Path:
    programma = vereis_libreoffice()
    uitmap.mkdir(parents=True, exist_ok=True)
    doel = uitmap / (Path(werkmap).stem + "." + formaat)
    assert Path(werkmap).resolve().parent != uitmap.resolve(), "uitmap moet een andere map zijn dan die van de werkmap"
    doel.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profiel-") as profiel:
        gebruiker = Path(profiel) / "user"
        gebruiker.mkdir()
        (gebruiker / "registrymodifications.xcu").write_text(INSTELLINGEN, encoding="utf-8")
        opdracht = [
            programma,
            f"-env:UserInstallation={Path(profiel).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            formaat,
            "--outdir",
            str(uitmap),
            str(werkmap),
        ]
        gedaan = subprocess.run(opdracht, capture_output=True, text=True, timeout=180, env=omgeving)
    if not doel.is_file():
        raise AssertionError(
            f"LibreOffice maakte geen {doel} (code {gedaan.returncode}).\n"
            f"stdout: {gedaan.stdout}\nstderr: {gedaan.stderr}"
        )
    return doel


def uitkomsten(werkmap: Path) -> dict[str, object]:
    """Alle celwaarden van een herberekende werkmap als {'Blad!A1': waarde}."""
    from openpyxl import load_workbook

    wb = load_workbook(werkmap, data_only=True)
    uit = {}
    for ws in wb.worksheets:
        for rij in ws.iter_rows():
            for cel in rij:
                if cel.value is not None:
                    uit[f"{ws.title}!{cel.coordinate}"] = cel.value
    return uit


def formulecellen(werkmap: Path) -> set[str]:
    """Alle cellen met een formule, als 'Blad!A1'."""
    from openpyxl import load_workbook

    wb = load_workbook(werkmap)
    return {
        f"{ws.title}!{cel.coordinate}"
        for ws in wb.worksheets
        for rij in ws.iter_rows()
        for cel in rij
        if cel.data_type == "f"
    }


def vergelijk_met_rekenkern(werkmap: Path, verwacht: dict, uitmap: Path) -> int:
    """Herberekent in LibreOffice en eist dat elke formulecel op de cent gelijk is aan de rekenkern.

    Elke formule in de werkmap moet een verwachte waarde hebben: een formule
    zonder controle telt als fout. Geeft het aantal gecontroleerde cellen.
    """
    from decimal import Decimal

    formules = formulecellen(werkmap)
    assert formules == set(verwacht), (
        f"formules zonder verwachte waarde: {sorted(formules - set(verwacht))}; "
        f"verwacht maar geen formule: {sorted(set(verwacht) - formules)}"
    )
    berekend = uitkomsten(herbereken(werkmap, uitmap))
    verschillen = []
    for cel, waarde in verwacht.items():
        lo = berekend.get(cel)
        if isinstance(waarde, str):
            if lo != waarde:
                verschillen.append(f"{cel}: LibreOffice {lo!r}, rekenkern {waarde!r}")
        elif not isinstance(lo, (int, float)) or abs(Decimal(repr(lo)) - Decimal(waarde)) > Decimal("0.005"):
            verschillen.append(f"{cel}: LibreOffice {lo!r}, rekenkern {waarde}")
    assert not verschillen, "\n".join(verschillen)
    return len(verwacht)
