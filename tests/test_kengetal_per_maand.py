"""Een kengetal per maand: vermeden kosten per maand met een looptijd, zoals een baat `per_maand` met `maanden`.

Het jaarbeeld telt de maanden in beeld (12), hoogstens de looptijd; `meerjarig` telt de hele looptijd,
elke maand in het jaar waarin hij valt. De werkmap (blad Kengetallen) en `omzetten` dragen het heen en terug.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

PILOT = """\
naam: Bibliotheek Mijnstad
periode:
  van: 2024-01-01
  tot: 2024-12-31
hulpvragen: 100
rechtsgebieden:
  schulden:
    naam: Schulden
    hulpvragen: 100
tarieven:
  sjd:
    naam: Inzet SJD
    per_uur: 50
    betaler: rijk
kengetallen:
  schuldhulp:
    naam: Vermeden schuldhulp per maand
    per_maand: 150
    maanden: 30
    actor: gemeente
    bron: aanname
  beslag:
    naam: Vermeden beslag
    bedrag: 400
    actor: gemeente
    bron: aanname
"""

CASUSSEN = {
    "casus-1.yaml": "nummer: 1\ntitel: Casus 1\nrechtsgebied: schulden\nuren: 2\nbaten:\n  - kengetal: schuldhulp\n  - kengetal: beslag\n",
    "casus-2.yaml": "nummer: 2\ntitel: Casus 2\nrechtsgebied: schulden\nuren: 4\nkans: 0.5\nbaten:\n  - kengetal: schuldhulp\n",
}


@pytest.fixture
def mijnstad(tmp_path) -> Path:
    map_ = tmp_path / "mijnstad"
    map_.mkdir()
    (map_ / "pilot.yaml").write_text(PILOT, encoding="utf-8")
    for naam, tekst in CASUSSEN.items():
        (map_ / naam).write_text(tekst, encoding="utf-8")
    return map_


def _json(cli, *args) -> dict:
    code, uit, fout = cli(*args, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


# Met de hand, jaarbeeld (12 maanden in beeld, tarief € 50 per uur):
#   casus 1: 150 x 12 (van 30 maanden) + 400 = 2200 baten, 2 x 50 = 100 kosten, netto 2100;
#   casus 2: 0,5 x 150 x 12 = 900 baten, 4 x 50 = 200 kosten, netto 700.
JAARBEELD = ["2100", "700"]


def test_jaarbeeld_telt_twaalf_maanden(mijnstad, cli):
    d = _json(cli, "bereken", mijnstad)
    assert [c["netto"] for c in d["casussen"]] == JAARBEELD
    assert d["casussen"][0]["batenposten"][0]["rekensom"] == "kengetal schuldhulp: € 150 per maand x 12 van 30 maanden"


def test_meerjarig_telt_de_hele_looptijd(mijnstad, cli):
    d = _json(cli, "meerjarig", mijnstad, "--disconto", "4")
    # 30 maanden: standaard 3 jaar, met 12, 12 en 6 maanden.
    assert d["horizon_jaren"] == 3
    # Nominaal: casus 1: 150 x 30 + 400 - 100 = 4800; casus 2: 0,5 x 150 x 30 - 200 = 2050.
    assert [c["netto"] for c in d["nominaal"]["casussen"]] == ["4800", "2050"]
    # Contant bij 4%: 150 x (12 + 12 / 1,04 + 6 / 1,04^2).
    maanden = Decimal(12) + Decimal(12) / Decimal("1.04") + Decimal(6) / Decimal("1.04") ** 2
    contant = Decimal(150) * maanden
    assert contant.quantize(Decimal("0.01")) == Decimal("4362.87")
    c1, c2 = d["contant"]["casussen"]
    assert Decimal(c1["batenposten"][0]["bedrag"]).quantize(Decimal("0.01")) == Decimal("4362.87")
    assert Decimal(c1["netto"]).quantize(Decimal("0.01")) == (contant + 400 - 100).quantize(Decimal("0.01"))
    assert Decimal(c2["netto"]).quantize(Decimal("0.01")) == (contant / 2 - 200).quantize(Decimal("0.01"))


def test_werkmap_en_omzetten_heen_en_terug(mijnstad, tmp_path, cli):
    werkmap = tmp_path / "mijnstad.xlsx"
    code, _, fout = cli("omzetten", mijnstad, werkmap)
    assert code == 0, fout
    ws = load_workbook(werkmap)["Kengetallen"]
    koppen = [c.value for c in ws[1]]
    rij = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "schuldhulp")
    assert (rij[koppen.index("Per maand (€)")], rij[koppen.index("Maanden")], rij[koppen.index("Bedrag (€)")]) == (150, 30, None)
    # De werkmap rekent als de map.
    assert [c["netto"] for c in _json(cli, "bereken", werkmap)["casussen"]] == JAARBEELD
    terug = tmp_path / "terug"
    code, _, fout = cli("omzetten", werkmap, terug)
    assert code == 0, fout
    kengetal = yaml.safe_load((terug / "pilot.yaml").read_text(encoding="utf-8"))["kengetallen"]["schuldhulp"]
    assert (kengetal["per_maand"], kengetal["maanden"], "bedrag" in kengetal) == (150, 30, False)
    assert [c["netto"] for c in _json(cli, "bereken", terug)["casussen"]] == JAARBEELD


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        ("    maanden: 30\n", "", "bij 'per_maand' hoort 'maanden' (de looptijd)"),
        ("    per_maand: 150\n", "    bedrag: 150\n", "'maanden' hoort alleen bij 'per_maand'"),
        ("    per_maand: 150\n", "    bedrag: 1\n    per_maand: 150\n", "geef precies één van 'bedrag' of 'per_maand'"),
    ],
    ids=["zonder-maanden", "maanden-bij-bedrag", "allebei"],
)
def test_fouten_bij_een_kengetal_per_maand(mijnstad, cli, oud, nieuw, melding):
    pilot = mijnstad / "pilot.yaml"
    pilot.write_text(pilot.read_text(encoding="utf-8").replace(oud, nieuw, 1), encoding="utf-8")
    code, uit, fout = cli("bereken", mijnstad)
    assert code == 2
    assert melding in fout, fout
