"""`omzetten` schrijft de soort van elk eigen bedrag altijd uit, ook als de bron haar wegliet, en zonder YAML-ankers."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import vervang


def _zonder_soort(hengelo: Path) -> Path:
    """Casus 1 zonder `soort`/`van` bij het bedrag voor de cliënt; casus 2 met een eigen bedrag voor de gemeente zonder soort."""
    vervang(
        hengelo / "casus-1.yaml",
        "    soort: overdracht   # de gemeente vordert de € 50 per maand niet meer terug\n    van: gemeente\n",
        "",
    )
    vervang(
        hengelo / "casus-2.yaml",
        "baten: []               # het rapport drukt geen baat in euro's uit\n",
        "baten:\n  - omschrijving: Vermeden herbeoordeling\n    bedrag: 90\n    actor: gemeente\n",
    )
    return hengelo


def _saldo(cli, bron) -> dict:
    code, uit, fout = cli("bereken", bron, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)["maatschappelijk"]


def test_omzetten_schrijft_de_soort_die_de_berekening_al_gebruikte(hengelo, tmp_path, cli):
    bron = _zonder_soort(hengelo)
    werkmap = tmp_path / "h.xlsx"
    assert cli("omzetten", bron, werkmap)[0] == 0
    terug = tmp_path / "terug"
    assert cli("omzetten", werkmap, terug)[0] == 0

    casus1 = yaml.safe_load((terug / "casus-1.yaml").read_text(encoding="utf-8"))
    eigen = [b for b in casus1["baten"] if "kengetal" not in b]
    # Een bedrag voor de cliënt zonder soort is een overdracht van een onbekende betaler: zo staat het er nu.
    assert [(b["soort"], b.get("van")) for b in eigen] == [("overdracht", None)]
    casus2 = yaml.safe_load((terug / "casus-2.yaml").read_text(encoding="utf-8"))
    # Een eigen bedrag voor een andere actor zonder soort is een vermeden kost (besparing van middelen).
    assert [(b["soort"], b["bedrag"]) for b in casus2["baten"]] == [("middelen", 90)]

    # De cijfers blijven gelijk: de soort stond er impliciet al.
    voor, na = _saldo(cli, bron), _saldo(cli, terug)
    assert voor == na
    # En de onbekende betaler blijft gemeld.
    code, _, fout = cli("bereken", terug)
    assert code == 0 and "betaler" in fout


def test_omzetten_schrijft_geen_yaml_ankers(hengelo, tmp_path, cli):
    werkmap = tmp_path / "h.xlsx"
    assert cli("omzetten", hengelo, werkmap)[0] == 0
    terug = tmp_path / "terug"
    assert cli("omzetten", werkmap, terug)[0] == 0
    for pad in sorted(terug.glob("*.yaml")):
        gebeurtenissen = yaml.parse(pad.read_text(encoding="utf-8"))
        assert not [g for g in gebeurtenissen if isinstance(g, yaml.AliasEvent) or getattr(g, "anchor", None)], pad.name
