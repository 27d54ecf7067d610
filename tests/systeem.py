"""Eén plek voor tests die een systeemprogramma nodig hebben (LibreOffice, poppler-utils, Chromium).

Zo'n test draagt een marker (`@pytest.mark.libreoffice`, `poppler` of `chromium`, geregistreerd in
pyproject.toml), zodat `pytest -m "not chromium"` hem weglaat. De marker doet zelf de controle
(`conftest.pytest_runtest_setup` roept `controleer_markers` aan): zonder het programma wordt de test
overgeslagen met een Nederlandse reden; in CI (`CI` gezet) faalt hij, omdat `.ci/run` die programma's
installeert. Gezocht wordt alleen op het PATH, zodat een run met die programma's verborgen ze echt mist.
`vereis` in een test zonder de bijbehorende marker faalt altijd, ook als het programma er is: zo
kunnen marker en gebruik niet uit elkaar lopen.
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


# Programma -> de marker die een test draagt die het gebruikt; marker -> zijn programma's.
MARKER = {
    "soffice": "libreoffice",
    "pdftotext": "poppler",
    "pdftoppm": "poppler",
    "pdfinfo": "poppler",
    "chromium": "chromium",
    "chromedriver": "chromium",
}
PROGRAMMAS = {m: tuple(p for p, marker in MARKER.items() if marker == m) for m in dict.fromkeys(MARKER.values())}

# De markers van de test die nu loopt (gezet door conftest); None buiten een test.
huidige_markers: set[str] | None = None


def controleer_markers(markers: set[str]) -> None:
    """Bij het begin van een test: de programma's van elke marker die hij draagt, of overslaan (buiten CI) of falen (in CI)."""
    global huidige_markers
    huidige_markers = set(markers)
    for marker in sorted(markers & set(PROGRAMMAS)):
        _zoek(PROGRAMMAS[marker])


def vereis(*programmas: str) -> tuple[str, ...]:
    """De paden van de programma's; ontbreekt er een, dan overslaan (buiten CI) of falen (in CI).

    Een test die dit aanroept zonder de marker van het programma faalt (zie de uitleg bovenaan).
    """
    if huidige_markers is not None:
        zonder = sorted({MARKER[p] for p in programmas if p in MARKER} - huidige_markers)
        if zonder:
            pytest.fail(
                f"deze test gebruikt {', '.join(programmas)} maar draagt geen marker "
                + " of ".join(f"@pytest.mark.{m}" for m in zonder)
                + "; zet hem bij de test (of als pytestmark in de module), zodat -m hem kan weglaten"
            )
    return _zoek(programmas)


def _zoek(programmas: tuple[str, ...]) -> tuple[str, ...]:
    paden = tuple(shutil.which(p) for p in programmas)
    ontbreekt = [p for p, pad in zip(programmas, paden) if pad is None]
    if ontbreekt:
        pakketten = sorted({PAKKET.get(p, p) for p in ontbreekt})
        reden = f"{', '.join(ontbreekt)} niet gevonden; installeer {', '.join(pakketten)} om deze test te draaien"
        if os.environ.get("CI"):
            pytest.fail(f"{reden} (in CI hoort .ci/run het te installeren)")
        pytest.skip(reden)
    return paden
