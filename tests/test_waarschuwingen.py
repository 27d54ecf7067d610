"""Waarschuwingen waar het bewijs dun is: na de uitkomst op stderr, en in JSON onder `waarschuwingen`."""

from __future__ import annotations

import os

import json
import pytest
from typer.testing import CliRunner

from conftest import HENGELO, ROOT, vervang
from kostenbaten.cli import app

VOORBEELDBEGROTING = ROOT / "templates" / "voorbeeldbegroting.yaml"

OP_EEN_CASUS = (
    "- Rechtsgebied Sociaal zekerheidsrecht rust op één casus (casus 1): dat is een voorbeeld, geen gemiddelde. "
    "Werk in dit rechtsgebied ten minste nog één casus uit."
)


def _dekking(procent: str, rest: str) -> str:
    return (
        f"- De casussen dekken {procent}% van de hulpvragen; over de andere {rest}% zegt de extrapolatie niets. "
        "Werk casussen uit voor de onderwerpen zonder casus en geef hun rechtsgebied zijn aandeel "
        "(in pilot.yaml, of met kostenbaten registratie --variant)."
    )


def _waarschuwingen(fout: str) -> list[str]:
    """De waarschuwingen op stderr, elk weer op één regel (op een smal scherm lopen ze ingesprongen door)."""
    regels = []
    for regel in fout.splitlines():
        if regel.startswith("  ") and regels:
            regels[-1] += " " + regel.strip()
        else:
            regels.append(regel)
    assert regels[0] == f"Waarschuwingen ({len(regels) - 1}):"
    return regels[1:]


def test_na_de_uitkomst_nooit_in_plaats_ervan(tmp_path):
    map_ = tmp_path / "mijnstad"
    runner = CliRunner(env={"COLUMNS": "200"})
    assert runner.invoke(app, ["nieuw", str(map_)]).exit_code == 0
    resultaat = runner.invoke(app, ["bereken", str(map_)], catch_exceptions=False)
    assert resultaat.exit_code == 0
    assert "Samenvatting pilot" in resultaat.stdout
    # De voorbeeldcasus van `nieuw` is de enige casus; alleen sociaal zekerheidsrecht (33%) heeft een aandeel.
    assert _waarschuwingen(resultaat.stderr) == [OP_EEN_CASUS, _dekking("33", "67")]
    # In de gemengde uitvoer komen de waarschuwingen ná de uitkomst.
    assert resultaat.output.index("Samenvatting pilot") < resultaat.output.index("Waarschuwingen (2):")
    assert " ".join(resultaat.output.split()).endswith(_dekking("33", "67"))


def test_lage_dekking(hengelo, cli):
    vervang(hengelo / "pilot.yaml", "aandeel: 33", "aandeel: 20")
    vervang(hengelo / "pilot.yaml", "aandeel: 20\n    omschrijving: Deurwaarders", "aandeel: 15.5\n    omschrijving: Deurwaarders")
    code, uit, fout = cli("bereken", hengelo)
    assert code == 0 and uit
    # 20 + 15,5 + 13 = 48,5% < 50%.
    assert _waarschuwingen(fout) == [_dekking("48,5", "51,5")]


def test_bron_zonder_jaar(hengelo, cli):
    pilot = hengelo / "pilot.yaml"
    pilot.write_text(pilot.read_text(encoding="utf-8").replace("bron: KBA Hengelo (2023), casus 3.", "bron: KBA Hengelo, casus 3."), encoding="utf-8")
    code, uit, fout = cli("bereken", hengelo)
    assert code == 0 and uit
    # Twee kengetallen hadden precies deze bron: deurwaarderskosten en rechtbank.
    assert _waarschuwingen(fout) == [
        f"- Kengetal {naam} ({sleutel}): de bron noemt geen jaar ('KBA Hengelo, casus 3.'). "
        "Zet het jaar van het cijfer in de bron, zodat te zien is hoe actueel het is."
        for sleutel, naam in (("deurwaarderskosten", "Vermeden deurwaarderskosten"), ("rechtbank", "Vermeden kosten rechtbank"))
    ]


def _begroting(tmp_path, hulpvragen: str):
    """De voorbeeldbegroting met een ander aantal hulpvragen per jaar, op de casussen van Hengelo."""
    begroting = tmp_path / f"begroting-{hulpvragen}.yaml"
    tekst = VOORBEELDBEGROTING.read_text(encoding="utf-8")
    tekst = tekst.replace("hulpvragen_per_jaar: 300", f"hulpvragen_per_jaar: {hulpvragen}").replace("../casussen/hengelo", os.path.relpath(HENGELO, tmp_path))
    begroting.write_text(tekst, encoding="utf-8")
    return begroting


@pytest.mark.parametrize(
    ("hulpvragen", "melding"),
    [
        # 9 SJD-uur per week x 46 weken / 1.250 = 0,3312 uur; de casussen gemiddeld (2+3+2+2+1+2) / 6 = 2 uur: 2 > 2 x 0,33.
        ("1250", "0,33 SJD-uur per hulpvraag (9 uur per week x 46 weken / 1.250 hulpvragen)"),
        # 9 x 46 / 100 = 4,14 uur > 2 x 2 uur.
        ("100", "4,14 SJD-uur per hulpvraag (9 uur per week x 46 weken / 100 hulpvragen)"),
    ],
)
def test_begroting_uren_per_hulpvraag(tmp_path, cli, hulpvragen, melding):
    code, uit, fout = cli("begroting", _begroting(tmp_path, hulpvragen))
    assert code == 0 and uit
    assert _waarschuwingen(fout) == [
        f"- De begroting rekent met {melding}, de casussen met gemiddeld 2,00 uur: meer dan een factor twee verschil. "
        "Controleer de SJD-uren per week en de hulpvragen per jaar in de begroting, of de uren in de casussen."
    ]


def test_begroting_binnen_een_factor_twee(tmp_path, cli):
    # 9 x 46 / 207 = 2 uur: precies het gemiddelde van de casussen; 9 x 46 / 104 = 3,98 < 4: nog net geen waarschuwing.
    for hulpvragen in ("207", "104"):
        assert cli("begroting", _begroting(tmp_path, hulpvragen))[2] == ""


@pytest.mark.parametrize("opdracht", ["onzekerheid", "waarde-informatie"])
def test_weinig_trekkingen(cli, opdracht):
    code, uit, fout = cli(opdracht, HENGELO, "--trekkingen", "999")
    assert code == 0 and uit
    assert _waarschuwingen(fout) == [
        "- Maar 999 Monte-Carlo-trekkingen: de percentielen hangen dan nog merkbaar af van het zaad. "
        "Gebruik --trekkingen 1000 of meer (standaard 100000)."
    ]
    assert cli(opdracht, HENGELO, "--trekkingen", "1000")[2] == ""


def test_in_json_met_soort_tekst_en_getallen(tmp_path, cli):
    map_ = tmp_path / "mijnstad"
    cli("nieuw", map_)
    code, uit, fout = cli("onzekerheid", map_, "-n", "100", "--formaat", "json")
    assert (code, fout) == (0, "")
    waarschuwingen = json.loads(uit)["waarschuwingen"]
    assert [{k: v for k, v in w.items() if k != "tekst"} for w in waarschuwingen] == [
        {"soort": "weinig_casussen", "rechtsgebied": "sociaal_zekerheidsrecht", "naam": "Sociaal zekerheidsrecht", "casussen": [1]},
        {"soort": "lage_dekking", "dekking": "33"},
        {"soort": "weinig_trekkingen", "trekkingen": 100},
    ]
    assert waarschuwingen[0]["tekst"] == OP_EEN_CASUS.removeprefix("- ")


@pytest.mark.parametrize(
    "argumenten",
    [
        ["bereken", HENGELO],
        ["gevoeligheid", HENGELO],
        ["actoren", HENGELO],
        ["meerjarig", HENGELO],
        ["onzekerheid", HENGELO, "-n", "1000"],
        ["begroting", VOORBEELDBEGROTING],
    ],
    ids=lambda a: a[0],
)
def test_hengelo_krijgt_geen_waarschuwingen(cli, argumenten):
    """Hengelo: twee casussen per rechtsgebied, 66% dekking, elke bron met een jaar (2023), en de voorbeeldbegroting
    rekent 9 x 46 / 300 = 1,38 SJD-uur per hulpvraag tegen 2 uur in de casussen (binnen een factor twee). Zie docs/eigen-bibliotheek.md."""
    code, uit, fout = cli(*argumenten)
    assert (code, fout) == (0, "")
    code, uit, fout = cli(*argumenten, "--formaat", "json")
    assert json.loads(uit)["waarschuwingen"] == []


def test_op_een_smal_scherm_tussen_woorden_afgebroken(tmp_path):
    map_ = tmp_path / "mijnstad"
    runner = CliRunner(env={"COLUMNS": "80"})
    assert runner.invoke(app, ["nieuw", str(map_)]).exit_code == 0
    fout = runner.invoke(app, ["bereken", str(map_)], catch_exceptions=False).stderr
    assert max(len(r) for r in fout.splitlines()) <= 80
    assert _waarschuwingen(fout) == [OP_EEN_CASUS, _dekking("33", "67")]
