"""De opdrachtregel draaien zoals een gebruiker dat doet, en de paden van de meegeleverde voorbeelden."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

WORTEL = Path(__file__).resolve().parents[1]
HENGELO = WORTEL / "casussen" / "hengelo"
VOORBEELD = WORTEL / "templates" / "voorbeeldbegroting.yaml"


@pytest.fixture
def draai():
    """Draait `kostenbaten` met brede terminal (geen afgebroken foutregels) en zonder de fouten te vangen."""
    from kostenbaten.cli import app

    runner = CliRunner()

    def _draai(*args, **kwargs):
        return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "250"}, catch_exceptions=False, **kwargs)

    return _draai
