"""De lagen van de code als tabel: welke laag welke mag importeren, en nergens een kring van imports.

De tabel is de regel uit docs/opbouw.md: invoer -> model -> berekening -> uitvoer,
met cli.py als enige laag die alles samenstelt. Elke import telt, ook een luie
binnen een functie: ook die maakt een laag afhankelijk van een andere.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

BRON = ROOT / "src" / "kostenbaten"

# Laag -> de lagen die ze mag importeren (naast zichzelf).
BASIS = {"fouten", "geld", "kostenbaten", "tekens"}
TOEGESTAAN = {
    "kostenbaten": set(),
    "__main__": {"cli"},
    "fouten": set(),
    "tekens": set(),
    "geld": set(),
    "notatie": {"geld", "tekens"},
    "vertaling": {"fouten", "tekens"},
    "model": BASIS,
    "invoer": BASIS | {"model"},
    "berekening": BASIS | {"model"},
    "uitvoer": BASIS | {"model", "berekening", "notatie", "uitvoer.json", "uitvoer.rapport", "uitvoer.terminal", "uitvoer.excel"},
    "uitvoer.terminal": BASIS | {"model", "berekening", "notatie", "uitvoer"},
    "uitvoer.json": BASIS | {"model", "berekening", "notatie", "uitvoer"},
    "uitvoer.excel": BASIS | {"model", "berekening", "notatie", "uitvoer"},
    "uitvoer.rapport": BASIS | {"model", "berekening", "notatie", "uitvoer"},
    "cli": BASIS | {"model", "invoer", "berekening", "notatie", "uitvoer", "uitvoer.rapport", "vertaling", "api", "opdrachten"},
    "opdrachten": BASIS | {"model", "invoer", "berekening", "notatie", "uitvoer", "uitvoer.rapport", "vertaling", "api"},
    "api": BASIS | {"model", "invoer", "berekening", "notatie", "uitvoer", "uitvoer.rapport"},
    "sjablonen": set(),
    "gegevens": set(),
}

# Bekende uitzonderingen op de tabel, elk met wat ervoor nog moet gebeuren. Een uitzondering die
# verdwijnt, moet ook hier weg (de test eist dat elke regel nog bestaat): de lijst wordt alleen korter.
BEKEND: set[str] = set()


def _modules() -> dict[str, Path]:
    uit = {}
    for pad in BRON.rglob("*.py"):
        delen = list(pad.relative_to(BRON.parent).with_suffix("").parts)
        if delen[-1] == "__init__":
            delen.pop()
        uit[".".join(delen)] = pad
    return uit


def _graaf() -> dict[str, set[str]]:
    """Module -> de modules van kostenbaten die ze importeert."""
    modules = _modules()
    graaf = {}
    for naam, pad in modules.items():
        pakket = naam if pad.name == "__init__.py" else naam.rsplit(".", 1)[0]
        doelen = set()
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Import):
                doelen.update(a.name for a in knoop.names)
            elif isinstance(knoop, ast.ImportFrom):
                if knoop.level:
                    basis = pakket.split(".")[: len(pakket.split(".")) - knoop.level + 1]
                    module = ".".join(basis + ([knoop.module] if knoop.module else []))
                else:
                    module = knoop.module
                doelen.add(module)
                doelen.update(f"{module}.{a.name}" for a in knoop.names)
        graaf[naam] = {d for d in doelen if d in modules and d != naam}
    return graaf


def _laag(module: str) -> str:
    delen = module.split(".")
    if len(delen) == 1:
        return "kostenbaten"
    if delen[1] == "uitvoer" and len(delen) > 3:
        return f"uitvoer.{delen[2]}"
    return delen[1]


def test_elke_laag_staat_in_de_tabel():
    assert {_laag(m) for m in _graaf()} <= set(TOEGESTAAN)


def test_lagen_importeren_alleen_wat_de_tabel_toestaat():
    verboden = [
        f"{m} -> {d}"
        for m, doelen in sorted(_graaf().items())
        for d in sorted(doelen)
        if _laag(d) != _laag(m) and _laag(d) not in TOEGESTAAN[_laag(m)]
    ]
    assert [v for v in verboden if v not in BEKEND] == []
    assert BEKEND - set(verboden) == set(), "deze uitzondering bestaat niet meer: haal haar uit BEKEND"


def test_geen_kring_van_imports():
    graaf = _graaf()
    kringen, klaar = [], set()

    def zoek(module: str, pad: list[str]) -> None:
        if module in pad:
            kringen.append(" -> ".join(pad[pad.index(module):] + [module]))
            return
        if module in klaar:
            return
        for doel in sorted(graaf[module]):
            zoek(doel, pad + [module])
        klaar.add(module)

    for module in sorted(graaf):
        zoek(module, [])
    assert kringen == []
