"""De gepubliceerde cijfers van de KBA Hengelo, berekend uit de casussen (bibliotheek en CLI)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import HENGELO, vervang
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.uitvoer.namen import rekensom_tekst

D = Decimal

PER_CASUS = {  # nummer: (kosten, baten, netto, client, overheid), uit het rapport (casus 6: kosten 240, zie erratum)
    1: (240, 1614, 1374, 600, 774),
    2: (360, 0, -360, 0, -360),
    3: (240, 1280, 1040, 400, 640),
    4: (240, 0, -240, 0, -240),
    5: (120, 830, 710, 500, 210),
    6: (240, 1218, 978, 888, 90),
}


@pytest.fixture(scope="module")
def uitkomst():
    project = laad_project(HENGELO)
    return bereken_pilot(project.pilot, project.casussen)


def test_casussen_zoals_het_rapport(uitkomst):
    gevonden = {
        c.nummer: (c.totaal_kosten, c.totaal_baten, c.netto, c.client, c.overheid) for c in uitkomst.casussen
    }
    assert gevonden == {n: tuple(D(x) for x in v) for n, v in PER_CASUS.items()}


def test_gemiddelde_exact_en_zoals_gepubliceerd(uitkomst):
    assert uitkomst.som_netto == D(3502)
    assert uitkomst.gemiddelde_netto * 6 == pytest.approx(D(3502))
    assert uitkomst.gemiddelde_netto.quantize(D("0.01")) == D("583.67")
    assert uitkomst.gepubliceerd["gemiddelde_netto"].waarde == D(583)
    assert uitkomst.gepubliceerd["gemiddelde_netto"].regel == "afkappen_op_euro"


def test_extrapolatie_rapport(uitkomst):
    r = uitkomst.extrapolaties["rapport"]
    assert (r.hulpvragen, r.gedekt) == (D(300), D(198))
    assert (r.totaal, r.client, r.overheid) == (D(115566), D(78804), D(36762))
    assert r.client + r.overheid == r.totaal


def test_extrapolatie_gewogen(uitkomst):
    g = uitkomst.extrapolaties["gewogen"]
    assert g.totaal == D(107109)
    assert [(d.rechtsgebied, d.hulpvragen, d.gemiddelde_netto) for d in g.delen] == [
        ("sociaal_zekerheidsrecht", D(99), D(507)),
        ("consumentenzaken", D(60), D(400)),
        ("belastingrecht", D(39), D(844)),
    ]
    assert g.client + g.overheid == g.totaal


def test_gepubliceerde_kopcijfers_berekend(uitkomst):
    pub = {k: v.waarde for k, v in uitkomst.gepubliceerd.items()}
    assert pub == {
        "gemiddelde_netto": D(583),
        "gedekt": D(198),
        "totaal": D(115000),
        "aandeel_client": D(68),
        "aandeel_overheid": D(32),
        "client": D(78200),
        "overheid": D(36800),
    }
    assert uitkomst.gepubliceerd["totaal"].regel == "afronden_op_duizendtal"
    assert "= 115.434, op duizendtallen" in rekensom_tekst(uitkomst.gepubliceerd["totaal"].uitleg)


def test_bereken_json(cli):
    code, uit, fout = cli("bereken", HENGELO, "--formaat", "json")
    assert code == 0, fout
    doc = json.loads(uit)
    assert [
        {k: c[k] for k in ("nummer", "rechtsgebied", "kosten", "baten", "netto", "client", "overheid")} for c in doc["casussen"]
    ][0] == {
        "nummer": 1,
        "rechtsgebied": "sociaal_zekerheidsrecht",
        "kosten": "240",
        "baten": "1614",
        "netto": "1374",
        "client": "600",
        "overheid": "774",
    }
    assert doc["gemiddelde_netto"] == "583.67"
    assert {e["methode"]: (e["hulpvragen"], e["gedekt"], e["totaal"], e["client"], e["overheid"]) for e in doc["extrapolatie"]} == {
        "rapport": ("300", "198", "115566", "78804", "36762"),
        "gewogen": ("300", "198", "107109", "68766", "38343"),
    }
    assert {k: doc["gepubliceerd"][k] for k in ("gemiddelde_netto", "totaal", "client", "overheid")} == {
        "gemiddelde_netto": "583",
        "totaal": "115000",
        "client": "78200",
        "overheid": "36800",
    }


def test_json_bevat_geen_floats(cli):
    _, uit, _ = cli("bereken", HENGELO, "--formaat", "json")

    def geen_float(waarde):
        assert not isinstance(waarde, float), waarde
        if isinstance(waarde, dict):
            for v in waarde.values():
                geen_float(v)
        if isinstance(waarde, list):
            for v in waarde:
                geen_float(v)

    geen_float(json.loads(uit))


def test_bereken_tabel_toont_exact_en_gepubliceerd(cli):
    code, uit, _ = cli("bereken", HENGELO, "--per-casus")
    assert code == 0
    for tekst in ("€ 583,67", "€ 115.000", "€ 115.566", "€ 78.200", "€ 36.800", "€ 107.109", "-€ 360", "Verhoogd welzijn"):
        assert tekst in uit, tekst


def test_kengetal_wijziging_werkt_door(hengelo):
    vervang(hengelo / "pilot.yaml", "bedrag: 180\n", "bedrag: 280\n")  # schuldhulpverlening
    project = laad_project(hengelo)
    u = bereken_pilot(project.pilot, project.casussen)
    netto = {c.nummer: c.netto for c in u.casussen}
    assert netto == {1: D(1374), 2: D(-360), 3: D(1140), 4: D(-240), 5: D(810), 6: D(1078)}
    assert u.extrapolaties["rapport"].totaal == D(3802) * 33


def test_controleer_klopt_met_erratum(cli):
    code, uit, fout = cli("controleer", HENGELO)
    assert code == 0, uit + fout
    assert "bekend erratum" in uit
    assert "zetfout" in uit
    assert "0 onverklaarde afwijking(en)" in uit


def test_controleer_op_80_kolommen_met_namen_en_afrondingsregels():
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    uit = CliRunner().invoke(app, ["controleer", str(HENGELO)], env={"COLUMNS": "80"}).stdout
    assert "…" not in uit and "client" not in uit and "_" not in uit  # geen afgekapte cellen, geen interne sleutels
    assert "casus 1: cliënt" in uit and "Gepubliceerd" in uit
    # Daarna hoe het rapport afrondt: exact naast gepubliceerd, met de naam van de regel.
    afrondingen = uit[uit.index("Zo komen de gepubliceerde cijfers tot stand"):]
    for tekst in ("115.566", "115.000", "afronden op", "duizendtal", "68,19"):
        assert tekst in afrondingen


def test_controleer_json_toont_erratum(cli):
    code, uit, _ = cli("controleer", HENGELO, "--formaat", "json")
    assert code == 0
    document = json.loads(uit)
    assert document["formaatversie"] == 2
    errata = [v for v in document["controles"] if v["oordeel"] == "bekend erratum"]
    assert [(v["waar"], v["cijfer"], v["gepubliceerd"], v["berekend"]) for v in errata] == [("casus 6", "kosten", "120", "240")]


def test_controleer_onverklaarde_afwijking(cli, hengelo):
    vervang(hengelo / "pilot.yaml", "  totaal: 115000", "  totaal: 116000")
    code, uit, _ = cli("controleer", hengelo)
    assert code == 1
    assert "afwijking" in uit and "116.000" in uit


def test_controleer_erratum_zonder_afwijking(cli, hengelo):
    vervang(hengelo / "casus-6.yaml", "  kosten: 120", "  kosten: 240")
    code, uit, _ = cli("controleer", hengelo)
    assert code == 1
    assert "erratum zonder afwijking" in uit


def test_maandbedrag_telt_alleen_maanden_in_beeld(hengelo):
    vervang(hengelo / "pilot.yaml", "maanden_in_beeld: 12", "maanden_in_beeld: 36")
    project = laad_project(hengelo)
    u = bereken_pilot(project.pilot, project.casussen)
    client = {c.nummer: c.client for c in u.casussen}
    assert client[1] == D(50 * 36) and client[6] == D(74 * 24)


def test_kans_van_slagen_halveert_de_baten(hengelo):
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: 2\nkans: 0.5\n")
    project = laad_project(hengelo)
    casus1 = bereken_pilot(project.pilot, project.casussen).casussen[0]
    assert casus1.netto == D("0.5") * 1614 - 240 == D(567)


def test_json_aantallen_exact_niet_op_centen(cli, hengelo):
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: 1.125\n")
    vervang(hengelo / "pilot.yaml", "    aandeel: 13", "    aandeel: 12.345")
    code, uit, fout = cli("bereken", hengelo, "--formaat", "json")
    assert code == 0, fout
    doc = json.loads(uit)
    assert doc["casussen"][0]["uren"] == "1.125"
    assert doc["casussen"][0]["kosten"] == "135"  # 1,125 x 120
    assert doc["dekking_procent"] == "65.345"
    assert doc["extrapolatie"][0]["gedekt"] == "196.035"


def test_getal_exact_en_decimalen_voor():
    from kostenbaten.notatie import decimalen_voor, getal_exact

    assert [getal_exact(D(t)) for t in ("1.125", "2", "2.000", "1614", "0.5", "115818.78")] == [
        "1,125", "2", "2", "1.614", "0,5", "115.818,78",
    ]
    assert decimalen_voor([D(100), D(30)]) == 0
    assert decimalen_voor([D(100), D("37.5")]) == 2
    assert decimalen_voor([]) == 0


def test_casustabel_telt_op_en_toont_uren_exact(cli, hengelo):
    """Met 1,25 uur: de posten met centen, zodat ze optellen tot het totaal; het onderschrift zegt 1,25 uur."""
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: 1.25\n")
    code, uit, fout = cli("bereken", hengelo, "--per-casus")
    assert code == 0, fout
    casus1 = uit.split("Casus 2:")[0]
    for tekst in ("€ 100,00", "€ 37,50", "€ 12,50", "€ 150,00", "1,25 SJD-uur"):
        assert tekst in casus1, tekst
    assert "1,3 SJD-uur" not in casus1 and "€ 38 " not in casus1


def test_toelichting_gepubliceerd_in_nederlandse_notatie(hengelo):
    vervang(hengelo / "pilot.yaml", "hulpvragen: 300 ", "hulpvragen: 301 ")
    project = laad_project(hengelo)
    uitleg = rekensom_tekst(bereken_pilot(project.pilot, project.casussen).gepubliceerd["totaal"].uitleg)
    assert "= 115.818,78, op duizendtallen" in uitleg


def test_bereken_opent_met_de_uitkomst_en_kapt_niets_af_op_80_kolommen():
    from rich.cells import cell_len
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    kort = CliRunner().invoke(app, ["bereken", str(HENGELO)], env={"COLUMNS": "80"}).stdout
    lang = CliRunner().invoke(app, ["bereken", str(HENGELO), "--per-casus"], env={"COLUMNS": "80"}).stdout
    for uit in (kort, lang):
        regels = uit.splitlines()
        # Eerst wat de samenleving wint (84.282 - 240 x 300 = 12.282), dan de methode van de KBA Hengelo.
        saldo = " ".join(r.strip() for r in regels[: regels.index("")])
        assert saldo.startswith("Maatschappelijk saldo: € 12.282.")
        regels = regels[regels.index("") + 1 :]
        kop = " ".join(r.strip() for r in regels[: regels.index("")])
        assert kop.startswith("Pilot Hengelo: een casus levert gemiddeld € 583,67 netto op.")
        # Elke extrapolatie met haar eigen verdeling: gewogen 68.766 / 107.109 = 64,2% voor de cliënt.
        for deel in (
            "Naar 198 gedekte hulpvragen",
            "€ 115.566 met één gemiddelde voor alle casussen (gepubliceerd € 115.000), waarvan 68% voor de cliënt en 32% voor de overheid;",
            "gewogen per rechtsgebied is het € 107.109, waarvan 64% voor de cliënt en 36% voor de overheid.",
        ):
            assert deel in kop
        assert "…" not in uit
        assert max(cell_len(r) for r in regels) <= 80
        # Elke tabelregel eindigt met haar rand: niets is rechts afgesneden.
        tabelregels = [r.rstrip() for r in regels if r and r[0] in "┏┃┡│├└"]
        assert tabelregels and all(r[-1] in "┓┃┩│┤┘" for r in tabelregels)
    # Standaard de samenvatting met een verwijzing naar --per-casus; daarmee ook de tabellen per casus, ná de samenvatting.
    assert "Casus 1: " not in kort and "voeg --per-casus toe" in kort
    # Hoe het rapport afrondt staat bij controleer, niet meer bij bereken.
    assert "Zo komen de gepubliceerde cijfers tot stand" not in kort + lang
    assert "naast de berekening: kostenbaten controleer." in " ".join(kort.split())
    assert lang.index("Samenvatting pilot Hengelo") < lang.index("Casus 1: ")
    assert "Inkomensverbetering" in lang  # geen woord midden door gebroken


def test_tweedeling_in_euro_als_procenten_niets_zeggen():
    from types import SimpleNamespace as N

    from kostenbaten.uitvoer.namen import tweedeling_tekst

    assert tweedeling_tekst(N(totaal=D(100), client=D(68), overheid=D(32))) == "68% voor de cliënt en 32% voor de overheid"
    # Negatief totaal of een negatief deel: procenten zouden boven 100 of onder 0 uitkomen.
    assert tweedeling_tekst(N(totaal=D(-10), client=D(5), overheid=D(-15))) == "€ 5 voor de cliënt en -€ 15 voor de overheid"
    # Ook met gepubliceerde procenten: bij een negatief totaal gelden die niet (ze horen bij het positieve totaal van het rapport).
    pub = {"aandeel_client": N(waarde=D(68)), "aandeel_overheid": N(waarde=D(32))}
    assert tweedeling_tekst(N(totaal=D(100), client=D(60), overheid=D(40)), pub) == "68% voor de cliënt en 32% voor de overheid"
    assert tweedeling_tekst(N(totaal=D(-10), client=D(5), overheid=D(-15)), pub) == "€ 5 voor de cliënt en -€ 15 voor de overheid"


def test_euroteken_blijft_bij_zijn_bedrag():
    from typer.testing import CliRunner

    from kostenbaten.cli import app
    from kostenbaten.notatie import afgebroken

    assert afgebroken("een casus levert gemiddeld € 583,67 netto op", 28) == "een casus levert gemiddeld\n€ 583,67 netto op"
    # Op elke schermbreedte: geen regel van de kopzin eindigt op het €-teken.
    for breedte in range(40, 101):
        uit = CliRunner().invoke(app, ["bereken", str(HENGELO)], env={"COLUMNS": str(breedte)}).stdout
        kop = uit[: uit.index("\n\n")]
        assert not [r for r in kop.splitlines() if r.rstrip().endswith("€")], breedte
        assert max(len(r) for r in kop.splitlines()) <= breedte
