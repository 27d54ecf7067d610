"""Elke opdracht in een terminal van 80 kolommen: niets afgekapt met '…' en geen tabel die rechts buiten beeld loopt."""

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


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda o: " ".join(str(a).replace(str(ROOT) + "/", "") for a in o))
def test_op_80_kolommen_heel(opdracht):
    from kostenbaten.cli import app

    resultaat = CliRunner(env={"COLUMNS": "80"}).invoke(app, [str(a) for a in opdracht])
    assert resultaat.exit_code == 0, resultaat.output
    regels = resultaat.stdout.splitlines()
    assert "…" not in resultaat.stdout
    assert max(cell_len(r) for r in regels) <= 80
    # Een tabel die rechts buiten beeld loopt, heeft randlijnen zonder hoek aan het eind.
    randen = [r.rstrip() for r in regels if r.strip() and set(r.strip()) <= set("━┳┏┓┡╇┩─┼├┤└┴┘┬┌┐")]
    kapot = [r for r in randen if r[-1] not in "┓┩┤┘┐"]
    assert not kapot, "\n".join(kapot)
