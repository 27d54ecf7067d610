"""De indeling van de code bewaakt: elk aangeboden formaat vindt zijn module, en de lagen importeren niet omhoog."""

from __future__ import annotations

import ast
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HENGELO, ROOT

BRON = ROOT / "src" / "kostenbaten"
VOORBEELD = ROOT / "templates" / "voorbeeldbegroting.yaml"
BANDBREEDTE = ROOT / "casussen" / "varianten" / "hengelo-bandbreedte.yaml"


def _imports(pad: Path) -> set[str]:
    """Elke module die een bestand importeert, ook binnen een functie (lui)."""
    uit = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            uit.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            uit.add(knoop.module)
    return uit


def _verboden(map_: str, verboden: tuple[str, ...]) -> list[str]:
    return [
        f"{pad.relative_to(BRON)}: {module}"
        for pad in sorted((BRON / map_).rglob("*.py"))
        for module in sorted(_imports(pad))
        if module.split(".")[0] in verboden or any(module == v or module.startswith(v + ".") for v in verboden)
    ]


@pytest.mark.parametrize("map_", ["berekening", "model"])
def test_rekenkern_en_model_kennen_geen_uitvoer(map_):
    assert _verboden(map_, ("rich", "openpyxl", "kostenbaten.uitvoer")) == []


def test_rekenkern_maakt_geen_tekst_van_getallen():
    """Getal naar tekst is `notatie` (via de uitvoer); de rekenkern bewaart een som als `Rekensom`."""
    assert _verboden("berekening", ("kostenbaten.notatie",)) == []


def test_json_uitvoer_laadt_geen_rich_of_openpyxl():
    assert _verboden("uitvoer/json", ("rich", "openpyxl", "numpy", "kostenbaten.uitvoer.terminal", "kostenbaten.uitvoer.excel")) == []


def test_rapport_laadt_geen_rich_openpyxl_of_andere_formaten():
    assert _verboden("uitvoer/rapport", ("rich", "openpyxl", "kostenbaten.uitvoer.terminal", "kostenbaten.uitvoer.excel", "kostenbaten.uitvoer.json")) == []


def _rapportanalyses() -> set[str]:
    from kostenbaten.uitvoer.register import AANBOD

    return {a for a, formaten in AANBOD.items() if "rapport" in formaten}


def test_het_rapport_rekent_precies_de_analyses_met_het_formaat_rapport_uit():
    """Met bereiken, een begroting en --vergelijk geeft de use case van het rapport elke analyse die een rapportsectie heeft."""
    from kostenbaten import api
    from kostenbaten.invoer.begroting import laad_begroting

    projecten = [api.laad(BANDBREEDTE).project, api.laad(HENGELO).project]
    invoer = laad_begroting(VOORBEELD, BANDBREEDTE)
    # Met getelde uitkomsten (rapport --uitkomsten): de voorbeeldregistratie met de voorbeeldwaardekaart.
    sjablonen = ROOT / "templates"
    waardering = api.waardeer_uitkomsten(projecten[0], sjablonen / "voorbeelduitkomsten.csv", sjablonen / "voorbeelduitkomsten.koppeling.yaml",
                                         sjablonen / "voorbeelduitkomsten.waardekaart.yaml")
    inhoud = api.rapport(projecten, (invoer, api.reken_begroting(invoer)), trekkingen=200, zaad=1, waardering=waardering)
    assert set(inhoud.uitkomsten) == _rapportanalyses()
    # Eén KBA: de kernzin, de begroting en de secties rekenen met die van het eerste project.
    assert inhoud.context["kba"] is inhoud.uitkomsten["kba"]
    assert inhoud.context["met_begroting"] and inhoud.context["bandbreedtes"]


def test_het_rapport_zonder_bereik_begroting_of_vergelijking_laat_die_analyses_weg():
    """Hengelo heeft geen bereiken: geen Monte-Carlo; zonder --begroting, --vergelijk en --uitkomsten ook die secties niet."""
    from kostenbaten import api

    inhoud = api.rapport([api.laad(HENGELO).project], trekkingen=200)
    assert set(inhoud.uitkomsten) == _rapportanalyses() - {"onzekerheid", "begroting", "vergelijking", "uitkomsten"}
    assert inhoud.met_gepubliceerd and inhoud.uitkomsten["controle"]  # Hengelo heeft gepubliceerde cijfers


def test_elk_aangeboden_formaat_vindt_zijn_functie():
    from kostenbaten.uitvoer.register import AANBOD, FUNCTIES, zoek

    for analyse, formaten in AANBOD.items():
        for formaat in formaten:
            functie = zoek(analyse, formaat)
            assert functie.__name__ == FUNCTIES[formaat], (analyse, formaat)
            assert inspect.signature(functie).parameters, (analyse, formaat)


def test_elke_levering_van_de_opdrachtregel_staat_in_het_register(cli, monkeypatch, tmp_path):
    """Elke opdracht die een analyse levert, vraagt het register om een formaat dat het aanbiedt (tabel, JSON, werkmap)."""
    from kostenbaten.uitvoer import register

    gevraagd, echt = set(), register.zoek
    monkeypatch.setattr(register, "zoek", lambda analyse, formaat: gevraagd.add((analyse, formaat)) or echt(analyse, formaat))
    opdrachten = [
        ["bereken", HENGELO, "--xlsx", tmp_path / "kba.xlsx"], ["controleer", HENGELO], ["uitleg", HENGELO], ["uitleg", HENGELO, "totaal"],
        ["gevoeligheid", HENGELO], ["actoren", HENGELO], ["meerjarig", HENGELO], ["begroting", VOORBEELD],
        ["onzekerheid", BANDBREEDTE, "-n", "200"], ["vergelijk", HENGELO, BANDBREEDTE, "-n", "200"],
    ]
    for argumenten in opdrachten:
        for formaat in ("tabel", "json"):
            code, _, fout = cli(*argumenten, "--formaat", formaat, *(["--overschrijf"] if "--xlsx" in argumenten else []))
            assert code == 0, (argumenten, fout)
    assert {a for a, _ in gevraagd} >= {"kba", "controle", "cijfers", "uitleg", "gevoeligheid", "actoren", "meerjarig", "begroting", "onzekerheid", "vergelijking"}
    assert {f for _, f in gevraagd} == {"terminal", "json", "excel"}
    for analyse, formaat in gevraagd:
        assert formaat in register.AANBOD[analyse]
        assert "terminal" in register.AANBOD[analyse] and "json" in register.AANBOD[analyse]


def test_een_analyse_zonder_formaat_is_een_fout():
    from kostenbaten.uitvoer.register import OnbekendeUitvoer, zoek

    with pytest.raises(OnbekendeUitvoer):
        zoek("controle", "excel")


GELADEN = """
import contextlib, io, runpy, sys
sys.argv = ["kostenbaten", *{argumenten!r}]
uit = io.StringIO()
with contextlib.redirect_stdout(uit):
    try:
        runpy.run_module("kostenbaten", run_name="__main__")
    except SystemExit as einde:
        assert einde.code in (0, None), einde.code
import json
json.loads(uit.getvalue())
print(",".join(sorted(m for m in ("rich", "openpyxl", "numpy", "matplotlib", "typst", "jinja2") if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("argumenten", "toegestaan"),
    [
        (["bereken", HENGELO], ""),
        (["controleer", HENGELO], ""),
        (["uitleg", HENGELO], ""),
        (["uitleg", HENGELO, "totaal"], ""),
        (["gevoeligheid", HENGELO], ""),
        (["actoren", HENGELO], ""),
        (["meerjarig", HENGELO], ""),
        (["begroting", VOORBEELD], ""),
        (["vergelijk", HENGELO], ""),
        (["registratie", ROOT / "templates" / "voorbeeldregistratie.csv", "--casussen", HENGELO], ""),
        # De Monte-Carlo-trekkingen zelf rekenen met numpy; de JSON-uitvoer niet.
        (["onzekerheid", HENGELO, "-n", "100"], "numpy"),
        (["waarde-informatie", HENGELO, "-n", "100"], "numpy"),
    ],
    ids=lambda w: w[0] if isinstance(w, list) else None,
)
def test_json_laadt_geen_rich_openpyxl_of_numpy(argumenten, toegestaan):
    argumenten = [str(a) for a in argumenten] + ["--formaat", "json"]
    uit = subprocess.run(
        [sys.executable, "-c", GELADEN.format(argumenten=argumenten)], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert uit.strip() == toegestaan


def test_alleen_de_gevraagde_opdracht_wordt_opgebouwd():
    import typer

    from kostenbaten.cli import _opdrachtnaam, _voor_opdracht, app

    # De namen zoals typer ze zelf maakt (met '-' voor '_'), niet zoals _opdrachtnaam ze raadt.
    namen = sorted(typer.main.get_command(app).commands)
    assert sorted(_opdrachtnaam(c) for c in app.registered_commands) == namen
    assert "bereken" in namen and "waarde-informatie" in namen
    for naam in namen:
        assert list(typer.main.get_command(_voor_opdracht([naam])).commands) == [naam]
    # Zonder bekende opdracht kent de groep alles: de hulptekst en de suggestie bij een tikfout.
    for eerste in ([], ["--help"], ["--versie"], ["berken"]):
        assert _voor_opdracht(eerste) is app
    assert sorted(_opdrachtnaam(c) for c in app.registered_commands) == namen  # de app zelf blijft heel


@pytest.mark.parametrize(
    ("argumenten", "verwacht", "code"),
    [
        (["--help"], "waarde-informatie", 0),
        (["bereken", "--help"], "--per-casus", 0),
        (["berken", HENGELO], "Fout: onbekende opdracht 'berken'; bedoelt u 'bereken'?", 2),
        (["bereken", HENGELO, "--per-cassus"], "Fout: onbekende optie --per-cassus; bedoelt u '--per-casus'?", 2),
        (["bereken", HENGELO, "--versie"], "Fout: onbekende optie --versie; --versie hoort bij kostenbaten zelf, vóór de opdracht: kostenbaten --versie", 2),
        (["actoren", HENGELO, "--samenvatting"], "Fout: onbekende optie --samenvatting\n", 2),
        (
            ["bereken", HENGELO, "--samenvatting"],
            "Fout: onbekende optie --samenvatting: die optie is vervallen; bereken toont de samenvatting nu standaard, en met --per-casus ook elke casus",
            2,
        ),
    ],
)
def test_opdrachtregel_als_programma(argumenten, verwacht, code):
    uit = subprocess.run([sys.executable, "-m", "kostenbaten", *map(str, argumenten)], capture_output=True, text=True)
    assert uit.returncode == code
    assert verwacht in uit.stdout + uit.stderr


def test_hulptekst_noemt_elke_opdracht_met_haar_hele_eerste_zin():
    uit = subprocess.run([sys.executable, "-m", "kostenbaten", "--help"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"}).stdout
    opdrachten = uit[uit.index("Opdrachten:"):]
    assert not [r for r in opdrachten.splitlines() if r.rstrip().endswith("...")]  # click kapt zo af
    assert "extrapolatie van een pilot door." in opdrachten
