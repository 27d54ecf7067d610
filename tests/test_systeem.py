"""De markers van systeemprogramma's: geregistreerd, doen zelf de controle, en `vereis` zonder marker faalt.

Zo kan een test die LibreOffice, poppler-utils of Chromium gebruikt niet zonder zijn marker
bestaan, en laat `pytest -m "not chromium"` precies die tests weg.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import systeem
from conftest import ROOT


def test_de_markers_staan_in_de_configuratie(pytestconfig):
    geregistreerd = {regel.split(":")[0] for regel in pytestconfig.getini("markers")}
    assert set(systeem.PROGRAMMAS) == {"libreoffice", "poppler", "chromium"} <= geregistreerd
    assert systeem.PROGRAMMAS["poppler"] == ("pdftotext", "pdftoppm", "pdfinfo")


def test_vereis_zonder_marker_faalt_ook_als_het_programma_er_is():
    # Deze test draagt geen marker: elk programma uit de lijst is dus een fout in de test zelf.
    for programma, marker in systeem.MARKER.items():
        with pytest.raises(pytest.fail.Exception, match=f"@pytest.mark.{marker}"):
            systeem.vereis(programma)


def test_de_marker_slaat_over_zonder_het_programma_en_faalt_in_ci(monkeypatch, tmp_path):
    bewaard = systeem.huidige_markers
    monkeypatch.setenv("PATH", str(tmp_path))  # een lege map: geen enkel programma
    try:
        monkeypatch.delenv("CI", raising=False)
        with pytest.raises(pytest.skip.Exception, match="pdftotext, pdftoppm, pdfinfo niet gevonden; installeer poppler-utils"):
            systeem.controleer_markers({"poppler"})
        monkeypatch.setenv("CI", "true")
        with pytest.raises(pytest.fail.Exception, match="in CI hoort .ci/run het te installeren"):
            systeem.controleer_markers({"chromium"})
        systeem.controleer_markers({"parametrize"})  # een andere marker vraagt niets
    finally:
        systeem.huidige_markers = bewaard


def _verzameld(*opties: str) -> set[str]:
    uit = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *opties],
        capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout
    return {r for r in uit.splitlines() if "::" in r}


def test_min_m_laat_precies_de_gemarkeerde_tests_weg():
    modules = ["tests/test_monitor_infographic.py", "tests/test_rapport.py", "tests/test_excel.py"]
    alle = _verzameld(*modules)
    chromium = _verzameld(*modules, "-m", "chromium")
    zonder = _verzameld(*modules, "-m", "not chromium")
    assert chromium and zonder and chromium.isdisjoint(zonder) and chromium | zonder == alle
    assert _verzameld(*modules, "-m", "libreoffice") and _verzameld(*modules, "-m", "poppler")
