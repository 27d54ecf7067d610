"""Varianten: een klein bestand vervangt precies wat het noemt; fouten wijzen naar de regel in de variant."""

from __future__ import annotations

import os

import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import HENGELO, ROOT
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.fouten import InvoerFouten
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.invoer.project import laad as laad_invoer

VARIANTEN = ROOT / "casussen" / "varianten"


@pytest.fixture(scope="module")
def basis():
    return laad_project(HENGELO)


def variant(tmp_path: Path, tekst: str) -> Path:
    """Een variantbestand in tmp_path met Hengelo als basis; `tekst` volgt na naam en basis (regel 3 en verder)."""
    pad = tmp_path / "variant.yaml"
    pad.write_text(f"naam: Proef\nbasis: {os.path.relpath(HENGELO, tmp_path)}\n{tekst}", encoding="utf-8")
    return pad


def _zonder_rapportcijfers(model):
    return model.model_dump(exclude={"gepubliceerd", "errata"})


def _vergelijkbaar(project):
    pilot = project.pilot.model_dump(exclude={"naam", "omschrijving", "gepubliceerd", "errata"})
    return pilot, [_zonder_rapportcijfers(c) for c in project.casussen]


def test_meegeleverde_varianten_laden():
    namen = sorted(p.name for p in VARIANTEN.glob("*.yaml"))
    assert {"hengelo-900.yaml", "vrijwilligers.yaml"} <= set(namen)
    for pad in VARIANTEN.glob("*.yaml"):
        project = laad_invoer(pad)
        assert project.pilot.gepubliceerd is None
        assert all(c.gepubliceerd is None and not c.errata for c in project.casussen)


def test_hengelo_900_verandert_alleen_de_hulpvragen(basis):
    project = laad_invoer(VARIANTEN / "hengelo-900.yaml")
    pilot, casussen = _vergelijkbaar(project)
    verwacht_pilot, verwacht_casussen = _vergelijkbaar(basis)
    assert pilot["hulpvragen"]["waarde"] == 900
    assert {k: v for k, v in pilot.items() if k != "hulpvragen"} == {k: v for k, v in verwacht_pilot.items() if k != "hulpvragen"}
    assert casussen == verwacht_casussen
    u = bereken_pilot(project.pilot, project.casussen)
    assert u.gemiddelde_netto == bereken_pilot(basis.pilot, basis.casussen).gemiddelde_netto
    assert u.extrapolaties["rapport"].totaal == 3 * 115566
    assert u.extrapolaties["gewogen"].totaal == 3 * 107109


@pytest.mark.parametrize(
    "tekst, wat, casus_netto",
    [
        ("kengetallen:\n  toevoeging: {bedrag: 700}\n", ("kengetallen", "toevoeging", "bedrag"), {1: 1274}),
        ("tarieven:\n  sjd:\n    per_uur: 45\n", ("tarieven", "sjd", "per_uur"), {1: 1444, 2: -255, 3: 1110, 4: -170, 5: 745, 6: 1048}),
        ("casussen:\n  1: {kans: 0.5}\n", None, {1: 567}),
        ("casussen:\n  5: {uren: 3}\n", None, {5: 470}),
    ],
)
def test_een_wijziging_verandert_precies_wat_hij_noemt(tmp_path, basis, tekst, wat, casus_netto):
    project = laad_invoer(variant(tmp_path, tekst))
    pilot, casussen = _vergelijkbaar(project)
    verwacht_pilot, verwacht_casussen = _vergelijkbaar(basis)
    if wat is None:
        assert pilot == verwacht_pilot
    else:
        blok, naam, veld = wat
        assert pilot[blok][naam][veld] != verwacht_pilot[blok][naam][veld]
        verwacht_pilot[blok][naam][veld] = pilot[blok][naam][veld]
        assert pilot == verwacht_pilot
    veranderd = {i for i, (a, b) in enumerate(zip(casussen, verwacht_casussen)) if a != b}
    assert veranderd <= {n - 1 for n in casus_netto}
    oud = {c.nummer: c.netto for c in bereken_pilot(basis.pilot, basis.casussen).casussen}
    nieuw = {c.nummer: c.netto for c in bereken_pilot(project.pilot, project.casussen).casussen}
    assert nieuw == {**oud, **{n: Decimal(v) for n, v in casus_netto.items()}}


def test_bereik_in_een_variant_vervangt_het_hele_veld(tmp_path):
    project = laad_invoer(variant(tmp_path, "kengetallen:\n  rechtbank:\n    bedrag: {waarde: 400, interval_90: [200, 700]}\n"))
    bedrag = project.pilot.kengetallen["rechtbank"].bedrag
    assert (bedrag.waarde, bedrag.interval_90) == (400, (200, 700))
    assert project.pilot.kengetallen["rechtbank"].bron.startswith("KBA Hengelo")


def test_naam_en_omschrijving_van_de_variant(tmp_path):
    project = laad_invoer(variant(tmp_path, "omschrijving: Een proef.\n"))
    assert (project.pilot.naam, project.pilot.omschrijving) == ("Proef", "Een proef.")


def test_basis_relatief_aan_het_variantbestand():
    assert laad_invoer(VARIANTEN / "vrijwilligers.yaml").pilot.tarieven["sjd"].per_uur.waarde == 25


FOUTEN = [
    ("pilot:\n  hulpvragn: 900\n", "4: pilot.hulpvragn: onbekende sleutel 'hulpvragn'; bedoelt u 'hulpvragen'?"),
    ("kengetalen: {}\n", "3: kengetalen: onbekende sleutel 'kengetalen'; bedoelt u 'kengetallen'?"),
    (
        "kengetallen:\n  toevoging:\n    bedrag: 700\n",
        f"4: kengetallen.toevoging: onbekend kengetal 'toevoging'; bedoelt u 'toevoeging'? (in {HENGELO})",
    ),
    ("kengetallen:\n  toevoeging:\n    bedrg: 700\n", "5: kengetallen.toevoeging.bedrg: onbekende sleutel 'bedrg'; bedoelt u 'bedrag'?"),
    ("tarieven:\n  sjd: {per_uur: -5}\n", "4: tarieven.sjd.per_uur: mag niet negatief zijn (gevonden: -5)"),
    ("tarieven:\n  notaris: {per_uur: 5}\n", f"4: tarieven.notaris: onbekend tarief 'notaris'; bekend zijn: sjd, projectkosten, servicekosten (in {HENGELO})"),
    ("casussen:\n  7: {kans: 0.5}\n", f"4: casussen.7: onbekende casus 7 in {HENGELO}; bekend zijn: 1, 2, 3, 4, 5, 6"),
    ("casussen:\n  1:\n    kans: 1.5\n", "5: casussen.1.kans: moet een kans van 0 tot en met 1 zijn (gevonden: 1.5)"),
    ("casussen:\n  1:\n    nummer: 9\n", "5: casussen.1.nummer: onbekende sleutel 'nummer'"),
    ("casussen:\n  3:\n    rechtsgebied: consumentzaken\n", "5: casussen.3.rechtsgebied: onbekend rechtsgebied 'consumentzaken'; bedoelt u 'consumentenzaken'?"),
    ("casussen:\n  1:\n    baten:\n      - kengetal: toevoging\n", "6: casussen.1.baten[1].kengetal: onbekend kengetal 'toevoging'; bedoelt u 'toevoeging'?"),
    ("pilot: {hulpvragen: {waarde: 900, min: 950, max: 1000}}\n", "3: pilot.hulpvragen: 'waarde' moet tussen 'min' en 'max' liggen"),
]


@pytest.mark.parametrize("tekst, melding", FOUTEN)
def test_foute_variant_geeft_bestand_regel_en_melding(cli, tmp_path, tekst, melding):
    pad = variant(tmp_path, tekst)
    with pytest.raises(InvoerFouten) as fout:
        laad_invoer(pad)
    assert [str(f) for f in fout.value.fouten] == [f"{pad}:{melding}"]
    code, uit, fout = cli("vergelijk", HENGELO, pad)
    assert (code, uit) == (2, "")
    assert fout.splitlines() == [f"{pad}:{melding}", "1 fout(en) in de invoer; er is niets berekend."]


def test_fout_over_een_blok_wijst_naar_de_wijziging_in_dat_blok(tmp_path):
    pad = variant(tmp_path, "rechtsgebieden:\n  consumentenzaken:\n    aandeel: 60\n")
    with pytest.raises(InvoerFouten) as fout:
        laad_invoer(pad)
    assert [str(f) for f in fout.value.fouten] == [
        f"{pad}:5: rechtsgebieden: de aandelen van de rechtsgebieden tellen op tot 106%, meer dan 100%"
    ]


def test_fout_elders_in_de_basis_noemt_de_variant(tmp_path):
    """Twee casussen verhuizen naar een ander rechtsgebied: consumentenzaken houdt een aandeel zonder casus."""
    pad = variant(tmp_path, "casussen:\n  3: {rechtsgebied: belastingrecht}\n  4: {rechtsgebied: belastingrecht}\n")
    with pytest.raises(InvoerFouten) as fout:
        laad_invoer(pad)
    pilot = HENGELO / "pilot.yaml"
    regel = pilot.read_text(encoding="utf-8").splitlines().index("  consumentenzaken:") + 1
    assert [str(f) for f in fout.value.fouten] == [
        f"{pilot}:{regel}: rechtsgebieden.consumentenzaken: rechtsgebied 'consumentenzaken' heeft een aandeel van 20% "
        f"maar geen enkele casus (met de wijzigingen uit {pad})"
    ]


@pytest.mark.parametrize(
    "inhoud, melding",
    [
        ("naam: X\nbasis: ../nergens\n", ["2: basis: de basis {map}/nergens bestaat niet; geef een casussenmap of variant, relatief aan dit bestand"]),
        ("basis: 12\n", ["1: basis: moet tekst zijn", "1: naam: verplichte sleutel ontbreekt"]),
    ],
)
def test_basis_fout(tmp_path, inhoud, melding):
    sub = tmp_path / "varianten"
    sub.mkdir()
    pad = sub / "v.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(InvoerFouten) as fout:
        laad_invoer(pad)
    assert [str(f) for f in fout.value.fouten] == [f"{pad}:" + m.format(map=tmp_path) for m in melding]


def test_casusbestand_is_geen_variant():
    with pytest.raises(InvoerFouten) as fout:
        laad_invoer(HENGELO / "casus-1.yaml")
    assert str(fout.value) == f"{HENGELO / 'casus-1.yaml'}: dit bestand hoort bij een casussenmap; geef de map {HENGELO}"


# -- vergelijk ------------------------------------------------------------------------


def test_vergelijk_json_hengelo_900_en_vrijwilligers(cli):
    code, uit, fout = cli("vergelijk", HENGELO, VARIANTEN / "hengelo-900.yaml", VARIANTEN / "vrijwilligers.yaml", "-n", "5000", "-f", "json")
    assert code == 0, fout
    doc = json.loads(uit)
    namen = [k["naam"] for k in doc["vergelijking"]]
    assert namen == ["Hengelo", "Hengelo, 900 hulpvragen", "Vrijwilligers"]
    hengelo, negenhonderd, vrijwilligers = doc["vergelijking"]
    assert hengelo["onzekerheid"] is None and negenhonderd["onzekerheid"] is None
    assert [e["totaal"] for e in hengelo["extrapolatie"]] == ["115566", "107109"]
    assert [e["totaal"] for e in negenhonderd["extrapolatie"]] == ["346698", "321327"]
    rapport = vrijwilligers["onzekerheid"]["extrapolatie"][0]
    assert rapport["methode"] == "rapport"
    assert Decimal(rapport["totaal"]["p5"]) < Decimal(rapport["totaal"]["p95"])
    assert rapport["totaal"]["berekend"] == vrijwilligers["extrapolatie"][0]["totaal"]


def test_vergelijk_tabel(cli):
    code, uit, fout = cli("vergelijk", HENGELO, VARIANTEN / "vrijwilligers.yaml", "-n", "3000")
    assert code == 0, fout
    for tekst in ("Hengelo", "Vrijwilligers", "115.566", "107.109", "kans op verlies", "Intervallen uit 3.000 trekkingen"):
        assert tekst in uit


def test_vergelijk_meldt_fouten_van_alle_paden_samen(cli, tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text(f"naam: A\nbasis: {os.path.relpath(HENGELO, tmp_path)}\npilot: {{hulpvragn: 1}}\n", encoding="utf-8")
    code, _, fout = cli("vergelijk", a, tmp_path / "weg")
    assert code == 2
    assert fout.splitlines() == [
        f"{a}:3: pilot.hulpvragn: onbekende sleutel 'hulpvragn'; bedoelt u 'hulpvragen'?",
        f"{tmp_path / 'weg'}: map of bestand bestaat niet",
        "2 fout(en) in de invoer; er is niets berekend.",
    ]


VERGELIJK_ZONDER_NUMPY = """
import contextlib, io, runpy, sys
sys.argv = ["kostenbaten", "vergelijk", {basis!r}, {variant!r}]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        runpy.run_module("kostenbaten", run_name="__main__")
    except SystemExit as einde:
        assert einde.code in (0, None), einde.code
print("numpy" in sys.modules)
"""


def test_vergelijk_zonder_bereiken_laadt_geen_numpy():
    """Zonder bereik of kans van slagen is er niets te trekken: numpy blijft ongeladen."""
    import subprocess
    import sys

    code = VERGELIJK_ZONDER_NUMPY.format(basis=str(HENGELO), variant=str(VARIANTEN / "hengelo-900.yaml"))
    uit = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert uit.strip() == "False"


# -- varianten op varianten, en elke opdracht neemt een variant -----------------


def test_variant_op_een_variant(tmp_path):
    """900 hulpvragen (variant 1), daarop een SJD-tarief van € 25 in plaats van € 80 (variant 2).

    Met de hand: de zes casussen samen hebben 2 + 3 + 2 + 2 + 1 + 2 = 12 SJD-uren;
    € 55 minder per uur maakt de som van de netto-opbrengsten 3.502 + 12 x 55 = 4.162.
    Gedekt: 900 x 66% = 594 hulpvragen. Rapport: 4.162 / 6 x 594 = 4.162 x 99 = 412.038.
    """
    eerste = tmp_path / "eerste.yaml"
    eerste.write_text(f"naam: Drukker\nbasis: {os.path.relpath(HENGELO, tmp_path)}\npilot: {{hulpvragen: 900}}\n", encoding="utf-8")
    tweede = tmp_path / "tweede.yaml"
    tweede.write_text("naam: Drukker en goedkoper\nbasis: eerste.yaml\ntarieven:\n  sjd: {per_uur: 25}\n", encoding="utf-8")
    project = laad_invoer(tweede)
    assert project.pilot.naam == "Drukker en goedkoper"
    assert project.pilot.hulpvragen.waarde == 900
    assert project.basismap == HENGELO
    u = bereken_pilot(project.pilot, project.casussen)
    assert sum(c.uren.waarde for c in project.casussen) == 12
    assert u.extrapolaties["rapport"].totaal == Decimal(4162) * 594 / 6 == 412038
    # Elke waarde wijst naar het bestand dat haar als laatste zette.
    assert project.regel("pilot", ("tarieven", "sjd", "per_uur")) == f"{tweede}:4"
    assert project.regel("pilot", ("hulpvragen",)) == f"{eerste}:3"
    assert project.regel("pilot", ("kengetallen", "toevoeging", "bedrag")).startswith(f"{HENGELO / 'pilot.yaml'}:")


def test_kring_van_varianten_wordt_gemeld(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("naam: A\nbasis: b.yaml\n", encoding="utf-8")
    b.write_text("naam: B\nbasis: a.yaml\n", encoding="utf-8")
    with pytest.raises(InvoerFouten) as fout:
        laad_invoer(a)
    kring = f"{a.resolve()} -> {b.resolve()} -> {a.resolve()}"
    assert [str(f) for f in fout.value.fouten] == [f"{b}:2: basis: kringverwijzing tussen varianten: {kring}"]


def test_variant_op_zichzelf(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text("naam: A\nbasis: a.yaml\n", encoding="utf-8")
    with pytest.raises(InvoerFouten) as fout:
        laad_invoer(a)
    assert [str(f) for f in fout.value.fouten] == [f"{a}:2: basis: kringverwijzing tussen varianten: {a.resolve()} -> {a.resolve()}"]


@pytest.mark.parametrize("opdracht", ["bereken", "uitleg", "gevoeligheid", "meerjarig", "actoren", "onzekerheid"])
def test_elke_opdracht_neemt_een_variant(cli, opdracht):
    extra = ["--trekkingen", "200"] if opdracht == "onzekerheid" else []
    code, uit, fout = cli(opdracht, VARIANTEN / "hengelo-900.yaml", "--formaat", "json", *extra)
    assert (code, fout) == (0, "")
    assert json.loads(uit)


def test_controleer_op_een_variant_rekent_de_basis_na(cli):
    code, uit, _ = cli("controleer", VARIANTEN / "hengelo-900.yaml")
    assert code == 0
    assert uit.splitlines()[0].startswith(f"{VARIANTEN / 'hengelo-900.yaml'} is een variant zonder eigen gepubliceerde cijfers")
    assert f"die van de basis {HENGELO}" in " ".join(uit.split())
    _, basis, _ = cli("controleer", HENGELO, "--formaat", "json")
    code, variant_, melding = cli("controleer", VARIANTEN / "hengelo-900.yaml", "--formaat", "json")
    assert code == 0 and variant_ == basis
    assert "variant zonder eigen gepubliceerde cijfers" in melding
