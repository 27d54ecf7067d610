"""Korte fuzzrun over de YAML-lezer, de lezer van de begrotingswerkmap en de doorrekening: code 0 of 2, nooit iets anders.

De lange run op verzoek: `python benchmarks/fuzz.py --minuten 10` (zie docs/formaat.md).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzzdoel import (
    pas_toe,
    reken_door,
    reken_werkmap_door,
    verminkingen,
    verminkte_werkmap,
    verse_kopie,
    werkmapverminkingen,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verminkingen())
def test_verminkte_casussen_geven_code_0_of_2(bewerkingen):
    with tempfile.TemporaryDirectory() as tmp:
        map_ = verse_kopie(Path(tmp) / "hengelo")
        pas_toe(map_, bewerkingen)
        assert reken_door(map_) in (0, 2)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(werkmapverminkingen())
def test_verminkte_begrotingswerkmap_geeft_code_0_of_2(wijzigingen):
    with tempfile.TemporaryDirectory() as tmp:
        assert reken_werkmap_door(verminkte_werkmap(Path(tmp) / "begroting.xlsx", wijzigingen)) in (0, 2)
