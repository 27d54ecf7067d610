"""Gedeelde hulpmiddelen voor de tests: paden, een kopie van Hengelo en de CLI-runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kostenbaten.cli import app

ROOT = Path(__file__).resolve().parent.parent
HENGELO = ROOT / "casussen" / "hengelo"


def pytest_runtest_setup(item):
    """Een test met de marker van een systeemprogramma (libreoffice, poppler, chromium): dat programma eerst (`systeem.py`)."""
    import systeem

    systeem.controleer_markers({m.name for m in item.iter_markers()})


def pytest_runtest_teardown(item):
    import systeem

    systeem.huidige_markers = None


@pytest.fixture(autouse=True)
def _niet_bevriezen(monkeypatch):
    """Een test die `cli.main` aanroept, zet `kostenbaten.EEN_OPDRACHT` aan; de volgende tests draaien weer als een
    proces dat blijft lopen, waarin het lezen niets bevriest voor de garbage collector."""
    import kostenbaten

    monkeypatch.setattr(kostenbaten, "EEN_OPDRACHT", False)


@pytest.fixture
def hengelo(tmp_path) -> Path:
    """Een kopie van de Hengelo-map die een test mag aanpassen."""
    doel = tmp_path / "hengelo"
    shutil.copytree(HENGELO, doel)
    return doel


@pytest.fixture
def cli():
    """Roept de echte opdrachtregel aan; geeft (afsluitcode, stdout, stderr)."""
    runner = CliRunner(env={"COLUMNS": "200"})

    def roep(*args):
        resultaat = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        return resultaat.exit_code, resultaat.stdout, resultaat.stderr

    return roep


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    """Vervangt precies één voorkomen van `oud` in een bestand (de test faalt als het er niet staat)."""
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, f"{oud!r} staat {tekst.count(oud)} keer in {pad}"
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def html_tekst(pad: Path) -> str:
    """De zichtbare tekst van een HTML-rapport: zonder stijl, grafieken en tags, elke witruimte één spatie."""
    import html
    import re

    t = pad.read_text(encoding="utf-8")
    t = re.sub(r"<style>.*?</style>|<svg.*?</svg>", " ", t, flags=re.S)
    t = re.sub(r"</?a\b[^>]*>", "", t)  # een verwijzing staat midden in de tekst: geen spatie ervoor of erna
    t = html.unescape(re.sub(r"<[^>]+>", " ", t)).replace("\xa0", " ").replace("\u2060", "")
    return " ".join(t.split())
