"""Eén plek voor tests die een systeemprogramma nodig hebben (LibreOffice, poppler-utils, Chromium).

Zonder het programma wordt de test overgeslagen met een Nederlandse reden; in CI
(`CI` gezet) faalt hij, omdat `.ci/run` die programma's installeert. Gezocht wordt
alleen op het PATH, zodat een run met die programma's verborgen ze echt mist.
"""

from __future__ import annotations

import os
import shutil

import pytest

# Programma -> het Debian-pakket dat het levert (voor de reden bij het overslaan).
PAKKET = {
    "soffice": "libreoffice-calc-nogui",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "chromium": "chromium",
    "chromedriver": "chromium-driver",
}


def vereis(*programmas: str) -> tuple[str, ...]:
    """De paden van de programma's; ontbreekt er een, dan overslaan (buiten CI) of falen (in CI)."""
    paden = tuple(shutil.which(p) for p in programmas)
    ontbreekt = [p for p, pad in zip(programmas, paden) if pad is None]
    if ontbreekt:
        pakketten = sorted({PAKKET.get(p, p) for p in ontbreekt})
        reden = f"{', '.join(ontbreekt)} niet gevonden; installeer {', '.join(pakketten)} om deze test te draaien"
        if os.environ.get("CI"):
            pytest.fail(f"{reden} (in CI hoort .ci/run het te installeren)")
        pytest.skip(reden)
    return paden
