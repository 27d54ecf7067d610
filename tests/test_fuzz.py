"""Korte fuzzrun over de YAML-lezer, de lezer van de begrotingswerkmap (cellen, XML en zip), de registratie en de doorrekening: code 0 of 2, nooit iets anders.

De lange run op verzoek: `python benchmarks/fuzz.py --minuten 10` (zie docs/formaat.md).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzzdoel import (
    registratieverminkingen,
    tel_registratie_door,
    lees_yaml_door,
    pas_toe,
    reken_door,
    reken_werkmap_door,
    verminkingen,
    verminkte_werkmap,
    verse_kopie,
    verminkte_zip,
    werkmapverminkingen,
    yamlteksten,
    zipverminkingen,
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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zipverminkingen())
def test_verminkte_zip_of_xml_van_de_werkmap_geeft_code_0_of_2(verminking):
    with tempfile.TemporaryDirectory() as tmp:
        assert reken_werkmap_door(verminkte_zip(Path(tmp) / "begroting.xlsx", verminking)) in (0, 2)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yamlteksten())
def test_yaml_lezer_geeft_fouten_of_schone_tekst(tekst):
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "casus-9.yaml"
        pad.write_text(tekst, encoding="utf-8", errors="surrogatepass")
        assert lees_yaml_door(pad) in (0, 2)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registratieverminkingen())
def test_verminkte_registratie_geeft_code_0_of_2(ruw):
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export.csv"
        export.write_bytes(ruw)
        assert tel_registratie_door(export) in (0, 2)
