"""JSON Schema's voor editors: de meegeleverde zijn actueel, en de meegeleverde YAML voldoet eraan."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.uitvoer.schema import schemas

SCHEMAMAP = ROOT / "schema"


def _soort(pad: Path) -> str:
    if pad.name.startswith("prijsindex"):
        return "prijsindex"
    if pad.name.endswith(".koppeling.yaml"):
        return "koppeling"
    if pad.name.endswith(".waardekaart.yaml"):
        return "uitkomsten"
    if pad.name.endswith("-telling.yaml"):
        return "uitkomstentelling"
    if pad.parent.name == "templates":
        return "begroting"
    if pad.parent.name == "varianten":
        return "variant"
    return "pilot" if pad.name == "pilot.yaml" else "casus"


YAMLBESTANDEN = sorted((ROOT / "casussen").rglob("*.yaml")) + sorted((ROOT / "templates").glob("*.yaml"))


def test_meegeleverde_schemas_zijn_actueel():
    vers = schemas()
    assert {"pilot.schema.json", "casus.schema.json", "variant.schema.json", "begroting.schema.json"} <= set(vers)
    meegeleverd = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAMAP.glob("*.schema.json")}
    assert meegeleverd == vers, "draai `kostenbaten schema --overschrijf` en lever de schema's mee"


@pytest.mark.parametrize("pad", YAMLBESTANDEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_yaml_wijst_naar_zijn_schema(pad):
    eerste = pad.read_text(encoding="utf-8").splitlines()[0]
    omhoog = "../" * len(pad.parent.relative_to(ROOT).parts)
    verwijzing = f"{omhoog}schema/{_soort(pad)}.schema.json"
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


@pytest.mark.parametrize("pad", YAMLBESTANDEN, ids=lambda p: str(p.relative_to(ROOT)))
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


def test_cli_schrijft_en_overschrijft_niet_ongevraagd(cli, tmp_path):
    doel = tmp_path / "nieuw"
    code, uit, fout = cli("schema", doel)
    assert code == 0, fout
    assert fout.splitlines() == [f"Geschreven: {doel / naam}" for naam in schemas()]
    assert sorted(p.name for p in doel.iterdir()) == sorted(schemas())
    assert (doel / "variant.schema.json").read_text(encoding="utf-8") == schemas()["variant.schema.json"]
    code, _, fout = cli("schema", doel)
    assert code == 2
    assert fout.splitlines()[:-1] == [f"{doel / naam}: bestand bestaat al; gebruik --overschrijf om het te vervangen" for naam in sorted(schemas())]
    assert cli("schema", doel, "--overschrijf")[0] == 0


def test_uitkomstenkaart_van_nieuw_voldoet_aan_het_schema_en_een_tikfout_niet(tmp_path, cli):
    """De uitkomstenkaart die `nieuw` schrijft (registratie/monitor.yaml) past in monitor.schema.json; een onbekende berekening niet."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAMAP / "monitor.schema.json").read_text(encoding="utf-8"))
    code, _, fout = cli("nieuw", tmp_path / "map")
    assert code == 0, fout
    bestand, fouten = lees_yaml(tmp_path / "map" / "registratie" / "monitor.yaml")
    assert not fouten
    inhoud = _als_json(bestand.inhoud)
    valideer = jsonschema.Draft202012Validator(schema)
    valideer.validate(inhoud)
    assert len(inhoud["indicatoren"]) == 6
    fout_kaart = {**inhoud, "indicatoren": [{**inhoud["indicatoren"][0], "berekening": "hulpvraag"}]}
    assert not valideer.is_valid(fout_kaart)
    assert not valideer.is_valid({**inhoud, "indicatorren": []})  # een onbekende sleutel
    assert valideer.is_valid({**inhoud, "indicatoren": [{**inhoud["indicatoren"][5], "waarden": {"2024-K1": 74}}]})
