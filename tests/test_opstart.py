"""`kostenbaten bereken` laadt geen zware bibliotheken (openpyxl, numpy): die horen bij andere commando's."""

from __future__ import annotations

import subprocess
import sys

from conftest import HENGELO

CODE = """
import contextlib, io, runpy, sys
sys.argv = ["kostenbaten", "bereken", {pad!r}]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        runpy.run_module("kostenbaten", run_name="__main__")
    except SystemExit as einde:
        assert einde.code in (0, None), einde.code
print(",".join(sorted(m for m in ("openpyxl", "numpy", "matplotlib", "typst", "jinja2") if m in sys.modules)))
"""


def test_bereken_laadt_geen_zware_bibliotheken():
    uit = subprocess.run(
        [sys.executable, "-c", CODE.format(pad=str(HENGELO))], check=True, capture_output=True, text=True
    ).stdout
    assert uit.strip() == ""


def test_help_toont_alle_opdrachten_met_uitleg(cli):
    from kostenbaten.cli import app

    code, uit, _ = cli("--help")
    assert code == 0
    for opdracht in app.registered_commands:
        naam = opdracht.name or opdracht.callback.__name__
        assert naam in uit
        assert opdracht.callback.__doc__, f"opdracht {naam} heeft geen hulptekst"


def test_ci_draait_de_testopdracht_uit_de_readme():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blok = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert len(blok) == 2 and "kostenbaten bereken casussen/hengelo" in blok[0] and "pytest" in blok[1]
    assert blok[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_hulpteksten_zonder_engelse_woorden(cli):
    from kostenbaten.cli import app

    namen = [o.name or o.callback.__name__ for o in app.registered_commands]
    for argumenten in [["--help"], *([naam, "--help"] for naam in namen)]:
        code, uit, _ = cli(*argumenten)
        assert code == 0
        for engels in ("Usage", "Options", "Arguments", "Commands", "Show this message", "[required]", "[default", "<path>", "<int"):
            assert engels not in uit, (argumenten, engels)
        assert "Gebruik: kostenbaten" in uit
