"""JSON Schema's voor editors: de meegeleverde zijn actueel, en de meegeleverde YAML voldoet eraan."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kostenbaten.cli import app
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.uitvoer.schema import schemas

WORTEL = Path(__file__).resolve().parent.parent
SCHEMAMAP = WORTEL / "schema"
runner = CliRunner()


def _soort(pad: Path) -> str:
    if pad.parent.name == "varianten":
        return "variant"
    return "pilot" if pad.name == "pilot.yaml" else "casus"


YAMLBESTANDEN = sorted((WORTEL / "casussen").rglob("*.yaml"))


def test_meegeleverde_schemas_zijn_actueel():
    vers = schemas()
    assert {"pilot.schema.json", "casus.schema.json", "variant.schema.json"} <= set(vers)
    meegeleverd = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAMAP.glob("*.schema.json")}
    assert meegeleverd == vers, "draai `kostenbaten schema --overschrijf` en lever de schema's mee"


@pytest.mark.parametrize("pad", YAMLBESTANDEN, ids=lambda p: str(p.relative_to(WORTEL)))
def test_yaml_wijst_naar_zijn_schema(pad):
    eerste = pad.read_text(encoding="utf-8").splitlines()[0]
    verwijzing = f"../../schema/{_soort(pad)}.schema.json"
    assert eerste == f"# yaml-language-server: $schema={verwijzing}"
    assert (pad.parent / verwijzing).resolve().is_file()


def _als_json(waarde):
    """YAML-inhoud zoals een editor hem ziet: getallen als getal, datums als tekst, sleutels als tekst."""
    if isinstance(waarde, dict):
        return {str(k): _als_json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_als_json(v) for v in waarde]
    if isinstance(waarde, Decimal):
        return float(waarde)
    if isinstance(waarde, date):
        return waarde.isoformat()
    return waarde


@pytest.mark.parametrize("pad", YAMLBESTANDEN, ids=lambda p: str(p.relative_to(WORTEL)))
def test_yaml_voldoet_aan_zijn_schema(pad):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAMAP / f"{_soort(pad)}.schema.json").read_text(encoding="utf-8"))
    bestand, fouten = lees_yaml(pad)
    assert not fouten
    jsonschema.Draft202012Validator(schema).validate(_als_json(bestand.inhoud))


def test_getal_of_blok_met_bereik():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schemas()["casus.schema.json"])
    casus = {"nummer": 1, "titel": "t", "rechtsgebied": "r", "uren": 2}
    valideer = jsonschema.Draft202012Validator(schema).is_valid
    assert valideer(casus)
    assert valideer({**casus, "uren": {"waarde": 2, "min": 1, "max": 4}, "kans": {"waarde": 0.5, "interval_90": [0.3, 0.7]}})
    assert not valideer({**casus, "uren": "twee"})
    assert not valideer({**casus, "uuren": 2})
    assert not valideer({**casus, "uren": {"waarde": 2, "minimum": 1}})


def test_cli_schrijft_en_overschrijft_niet_ongevraagd(tmp_path):
    doel = tmp_path / "nieuw"
    uit = runner.invoke(app, ["schema", str(doel)], catch_exceptions=False)
    assert uit.exit_code == 0, uit.output
    assert sorted(p.name for p in doel.iterdir()) == sorted(schemas())
    assert (doel / "variant.schema.json").read_text(encoding="utf-8") == schemas()["variant.schema.json"]
    nogmaals = runner.invoke(app, ["schema", str(doel)])
    assert nogmaals.exit_code == 2
    assert "bestand bestaat al; gebruik --overschrijf" in nogmaals.stderr
    assert runner.invoke(app, ["schema", str(doel), "--overschrijf"]).exit_code == 0
