"""Korte fuzzrun over de YAML-lezer en de doorrekening: verminkte Hengelo-bestanden geven code 0 of 2, nooit iets anders.

De lange run op verzoek: `python benchmarks/fuzz.py --minuten 10` (zie docs/formaat.md).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzzdoel import pas_toe, reken_door, verminkingen, verse_kopie


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verminkingen())
def test_verminkte_casussen_geven_code_0_of_2(bewerkingen):
    with tempfile.TemporaryDirectory() as tmp:
        map_ = verse_kopie(Path(tmp) / "hengelo")
        pas_toe(map_, bewerkingen)
        assert reken_door(map_) in (0, 2)
