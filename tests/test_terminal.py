"""Elke opdracht in een terminal van 80 (en 60) kolommen: niets afgekapt met '…' en geen tabel die rechts buiten beeld loopt."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import HENGELO, ROOT

VARIANTEN = ROOT / "casussen" / "varianten"
BEGROTING = ROOT / "templates" / "voorbeeldbegroting.yaml"

OPDRACHTEN = [
    ["bereken", HENGELO],
    ["bereken", HENGELO, "--per-casus"],
    ["bereken", VARIANTEN / "vrijwilligers.yaml", "--per-casus"],
    ["controleer", HENGELO],
    ["uitleg", HENGELO],
    ["uitleg", HENGELO, "totaal"],
    ["gevoeligheid", HENGELO],
    ["actoren", HENGELO],
    ["meerjarig", HENGELO],
    ["begroting", BEGROTING],
    ["begroting", BEGROTING, "--horizon", "3"],
    ["vergelijk", HENGELO, VARIANTEN / "financiering-gemeente.yaml"],
    ["onzekerheid", VARIANTEN / "hengelo-bandbreedte.yaml", "--trekkingen", "1000"],
    ["waarde-informatie", VARIANTEN / "hengelo-bandbreedte.yaml", "--trekkingen", "1000"],
    ["registratie", ROOT / "templates" / "voorbeeldregistratie.csv", "--casussen", HENGELO],
]


@pytest.mark.parametrize("breedte", [80, 60])
@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda o: " ".join(str(a).replace(str(ROOT) + "/", "") for a in o))
def test_op_80_kolommen_heel(opdracht, breedte):
    # Op 80 kolommen (een gewoon terminalvenster) en op 60 (een smal venster naast een ander).
    from kostenbaten.cli import app

    resultaat = CliRunner(env={"COLUMNS": str(breedte)}).invoke(app, [str(a) for a in opdracht])
    assert resultaat.exit_code == 0, resultaat.output
    regels = resultaat.stdout.splitlines()
    assert "…" not in resultaat.stdout
    assert max(cell_len(r) for r in regels) <= breedte
    # Lopende tekst breekt nooit tussen het €-teken en zijn bedrag (in tabelcellen en de boom van uitleg
    # breekt rich op elke spatie; dat kan het niet beloven).
    assert not [r for r in regels if r.rstrip().endswith("€") and not any(t in r for t in "┃│├└")]
    # Een tabel die rechts buiten beeld loopt, heeft randlijnen zonder hoek aan het eind.
    randen = [r.rstrip() for r in regels if r.strip() and set(r.strip()) <= set("━┳┏┓┡╇┩─┼├┤└┴┘┬┌┐")]
    kapot = [r for r in randen if r[-1] not in "┓┩┤┘┐"]
    assert not kapot, "\n".join(kapot)


def test_smalle_koppen_alleen_op_een_smal_scherm():
    from kostenbaten.cli import app

    def kop(breedte):
        uit = CliRunner(env={"COLUMNS": str(breedte)}).invoke(app, ["begroting", str(BEGROTING), "--horizon", "3"]).stdout
        return uit[uit.index("Over 3 jaar, contant"):]

    assert "Baten/kosten" in kop(120) and "Terugverdiend" in kop(120) and "Terug-" not in kop(120)
    assert "Baten/ " in kop(80) and "Terug-" in kop(80)  # de kop breekt op de spatie; Actor houdt hele woorden
    assert "SJD-organisatie" in kop(80)


def test_kleine_woorden_in_de_tabellen(tmp_path):
    from kostenbaten.cli import app

    runner = CliRunner(env={"COLUMNS": "80"})
    assert "┃ Nr. ┃ Rechtsgebied" in runner.invoke(app, ["bereken", str(HENGELO)]).stdout
    # Gedekte hulpvragen rondt het rapport niet af.
    controle = " ".join(runner.invoke(app, ["controleer", str(HENGELO)]).stdout.split())
    assert "│ klopt │ niet afgerond │" in controle and "regel: geen" not in controle
    # Een rechtsgebied zonder casus (aandeel 0) heeft geen eigen baten per casus.
    map_ = tmp_path / "mijnstad"
    assert runner.invoke(app, ["nieuw", str(map_)]).exit_code == 0
    begroting = tmp_path / "b.yaml"
    tekst = BEGROTING.read_text(encoding="utf-8")
    begroting.write_text(tekst.replace("casussen: ../casussen/hengelo", "casussen: mijnstad"), encoding="utf-8")
    uit = runner.invoke(app, ["begroting", str(begroting)]).stdout
    assert [r for r in uit.splitlines() if r.startswith("│ Belastingrecht")][0].split("│")[4].strip() == "-"
