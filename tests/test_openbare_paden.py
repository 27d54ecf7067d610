"""JSON en werkmappen noemen invoer relatief aan de casussenmap (`casus-1.yaml:12`) en de map bij haar naam.

Elke opdracht krijgt hier absolute paden; in de JSON-tekst en in elke cel van de
werkmappen (gelezen met openpyxl) staat daarna geen map van deze machine. Het rapport
doet dat al (tests/test_heel_of_niet.py); de terminal toont het pad zoals het gegeven is.
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT
from kostenbaten.model.bestandsnamen import openbaar_pad, openbare_plek


@pytest.fixture
def invoer(tmp_path):
    """Hengelo, een variant erop en de voorbeeldbestanden, op absolute paden onder tmp_path."""
    for naam in ("hengelo", "varianten"):
        shutil.copytree(ROOT / "casussen" / naam, tmp_path / "casussen" / naam)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "uit").mkdir()
    return tmp_path.absolute()


def _geen_machinepaden(tekst: str, tmp_path) -> None:
    for map_ in {str(tmp_path), str(ROOT), str(ROOT.parent)}:
        assert map_ not in tekst
    assert "site-packages" not in tekst and "/src/kostenbaten/" not in tekst


def _json(cli, *args):
    code, uit, fout = cli(*args, "--formaat", "json")
    assert code == 0, fout
    return uit, json.loads(uit)


def test_json_noemt_de_invoer_zonder_mappen(cli, invoer):
    h = invoer / "casussen" / "hengelo"
    variant = invoer / "casussen" / "varianten" / "vrijwilligers.yaml"
    export = invoer / "templates" / "voorbeeldregistratie.csv"

    tekst, gev = _json(cli, "gevoeligheid", h)
    _geen_machinepaden(tekst, invoer)
    assert "pilot.yaml:" in tekst and "casus-1.yaml:" in tekst

    tekst, _ = _json(cli, "gevoeligheid", variant)  # de invoer van Hengelo onder de variant: relatief aan die map
    _geen_machinepaden(tekst, invoer)
    assert "pilot.yaml:" in tekst

    tekst, _ = _json(cli, "uitleg", h, "rapport")
    _geen_machinepaden(tekst, invoer)
    assert '"casus-1.yaml:12"' in tekst  # de uren van casus 1 (casussen/hengelo/casus-1.yaml, regel 12)

    tekst, _ = _json(cli, "uitleg", h)
    _geen_machinepaden(tekst, invoer)

    for opdracht in (["bereken", h], ["bereken", variant], ["actoren", h], ["meerjarig", h], ["controleer", h], ["kengetallen", "controleer", h]):
        tekst, _ = _json(cli, *opdracht)
        _geen_machinepaden(tekst, invoer)

    tekst, verg = _json(cli, "vergelijk", h, variant)
    _geen_machinepaden(tekst, invoer)
    assert [k["pad"] for k in verg["vergelijking"]] == ["hengelo", "vrijwilligers.yaml"]

    tekst, reg = _json(cli, "registratie", export, "--casussen", h)
    _geen_machinepaden(tekst, invoer)
    assert (reg["bestand"], reg["koppeling"]) == ("voorbeeldregistratie.csv", "koppeling.yaml")

    tekst, _ = _json(cli, "monitor", export, invoer / "templates" / "voorbeeldregistratie-oost.csv")
    _geen_machinepaden(tekst, invoer)
    tekst, stp = _json(cli, "steekproef", export, "--n", "12", "--zaad", "7")
    _geen_machinepaden(tekst, invoer)
    assert stp["bestand"] == "voorbeeldregistratie.csv"

    t = invoer / "templates"
    tekst, uk = _json(
        cli, "uitkomsten", h, t / "voorbeelduitkomsten.csv", "--kaart", t / "voorbeelduitkomsten.waardekaart.yaml", "--koppeling", t / "voorbeelduitkomsten.koppeling.yaml"
    )
    _geen_machinepaden(tekst, invoer)

    tekst, _ = _json(cli, "begroting", t / "voorbeeldbegroting.yaml", "--casussen", h)
    _geen_machinepaden(tekst, invoer)


def test_json_uit_een_casussenwerkmap(cli, invoer):
    werkmap = invoer / "uit" / "casussen.xlsx"
    assert cli("omzetten", invoer / "casussen" / "hengelo", werkmap)[0] == 0
    for opdracht in (["gevoeligheid", werkmap], ["uitleg", werkmap, "rapport"], ["bereken", werkmap]):
        tekst, _ = _json(cli, *opdracht)
        _geen_machinepaden(tekst, invoer)
    tekst, _ = _json(cli, "uitleg", werkmap, "rapport")
    assert '"casussen.xlsx:Casussen!' in tekst


def test_terminal_toont_het_pad_zoals_gegeven(cli, invoer):
    h = invoer / "casussen" / "hengelo"
    code, uit, _ = cli("uitleg", h, "rapport")
    assert code == 0 and f"{h / 'casus-1.yaml'}:12" in uit


def _cellen(pad) -> str:
    import openpyxl

    wb = openpyxl.load_workbook(pad)
    delen = [wb.properties.title or "", wb.properties.subject or "", wb.properties.description or ""]
    for blad in wb.worksheets:
        delen.append(blad.title)
        delen += [str(c.value) for rij in blad.iter_rows() for c in rij if c.value is not None]
    return "\n".join(delen)


def test_werkmappen_noemen_geen_mappen(cli, invoer):
    h = invoer / "casussen" / "hengelo"
    band = invoer / "casussen" / "varianten" / "hengelo-bandbreedte.yaml"
    variant = invoer / "casussen" / "varianten" / "vrijwilligers.yaml"
    t = invoer / "templates"
    u = invoer / "uit"
    opdrachten = {
        "bereken": ["bereken", h],
        "bereken-variant": ["bereken", variant],
        "gevoeligheid": ["gevoeligheid", h],
        "actoren": ["actoren", h],
        "meerjarig": ["meerjarig", h],
        "onzekerheid": ["onzekerheid", band, "--trekkingen", "2000"],
        "waarde-informatie": ["waarde-informatie", band, "--trekkingen", "2000"],
        "vergelijk": ["vergelijk", h, variant, "--trekkingen", "2000"],
        "begroting": ["begroting", t / "voorbeeldbegroting.yaml", "--casussen", h],
        "monitor": ["monitor", t / "voorbeeldregistratie.csv"],
    }
    for naam, opdracht in opdrachten.items():
        code, _, fout = cli(*opdracht, "--xlsx", u / f"{naam}.xlsx")
        assert code == 0, (naam, fout)
    code, _, fout = cli("steekproef", t / "voorbeeldregistratie.csv", "--n", "12", "--zaad", "7", "-o", u / "steekproef.xlsx")
    assert code == 0, fout
    assert cli("omzetten", h, u / "omzetten.xlsx")[0] == 0
    for werkmap in sorted(u.glob("*.xlsx")):
        _geen_machinepaden(_cellen(werkmap), invoer)
    assert "voorbeeldregistratie.csv" in _cellen(u / "steekproef.xlsx")
    assert "pilot.yaml:" in _cellen(u / "gevoeligheid.xlsx")
    # De begroting noemt haar casussenmap relatief aan de werkmap, zodat die weer te lezen is.
    assert "../casussen/hengelo" in _cellen(u / "begroting.xlsx")


@pytest.mark.parametrize(
    "pad, map_, verwacht",
    [
        ("/home/anna/kba/hengelo/casus-1.yaml", "/home/anna/kba/hengelo", "casus-1.yaml"),
        ("/home/anna/kba/hengelo/registratie/koppeling.yaml", "/home/anna/kba/hengelo", "registratie/koppeling.yaml"),
        ("/home/anna/kba/hengelo-oud/casus-1.yaml", "/home/anna/kba/hengelo", "casus-1.yaml"),  # een buurmap met dezelfde voornaam
        ("/home/anna/kba/hengelo", None, "hengelo"),
        ("/home/anna/kba/hengelo/", None, "hengelo"),
        ("C:\\Users\\Anna de Vries\\Documents\\kba\\casus-1.yaml", None, "casus-1.yaml"),
        ("\\\\server\\deel\\export.csv", None, "export.csv"),
        ("export.csv", None, "export.csv"),
    ],
)
def test_openbaar_pad(pad, map_, verwacht):
    assert openbaar_pad(pad, map_) == verwacht


def test_openbare_plek():
    assert openbare_plek("/home/anna/kba/hengelo/casus-1.yaml:12", "/home/anna/kba/hengelo") == "casus-1.yaml:12"
    assert openbare_plek("C:\\Users\\Anna\\m.xlsx:Pilot!B6") == "m.xlsx:Pilot!B6"
    assert openbare_plek("C:\\Users\\Anna\\casus-1.yaml") == "casus-1.yaml"
    assert openbare_plek("pilot.yaml:17") == "pilot.yaml:17"


def test_begrotingswerkmap_noemt_haar_casussen_relatief(cli, invoer):
    """`begroting --xlsx` met absolute paden: de cel Casussen (KBA) noemt de map relatief aan de werkmap, en geen cel,
    titel of eigenschap noemt een map van deze machine; teruggelezen vindt de werkmap haar casussen weer."""
    import openpyxl

    h = invoer / "casussen" / "hengelo"
    yaml = invoer / "templates" / "voorbeeldbegroting.yaml"
    diep = invoer / "uit" / "gemeente" / "2025"
    diep.mkdir(parents=True)
    for naam, opdracht, doel in (
        ("uit de begroting", ["begroting", yaml], invoer / "uit" / "b1.xlsx"),
        ("met --casussen", ["begroting", yaml, "--casussen", h], diep / "b2.xlsx"),
    ):
        code, _, fout = cli(*opdracht, "--xlsx", doel)
        assert code == 0, (naam, fout)
        _geen_machinepaden(_cellen(doel), invoer)
        ws = openpyxl.load_workbook(doel)["Begroting"]
        cel = next(ws.cell(c.row, 2).value for (c,) in ws.iter_rows(min_col=1, max_col=1) if c.value == "Casussen (KBA)")
        assert not cel.startswith("/") and (doel.parent / cel).resolve() == h.resolve(), (naam, cel)
        # De werkmap teruggelezen (en weer geschreven, ook met een absoluut pad) rekent met dezelfde casussen.
        code, uit, fout = cli("begroting", doel, "--formaat", "json")
        assert code == 0 and json.loads(uit)["baten"] is not None, (naam, fout)
        opnieuw = invoer / "uit" / f"opnieuw-{doel.name}"
        assert cli("begroting", doel, "--xlsx", opnieuw)[0] == 0
        _geen_machinepaden(_cellen(opnieuw), invoer)


@pytest.mark.parametrize(
    "map_, vanaf, verwacht",
    [
        ("/home/anna/kba/casussen/hengelo", "/home/anna/kba/uit", "../casussen/hengelo"),
        ("/home/anna/kba/casussen/hengelo", "/home/anna/kba/casussen/hengelo", "."),
        ("/home/anna/kba/casussen/hengelo", "/home/anna/kba", "casussen/hengelo"),
    ],
)
def test_verwijzing(map_, vanaf, verwacht):
    from kostenbaten.model.bestandsnamen import verwijzing

    assert verwijzing(map_, vanaf) == verwacht


def test_verwijzing_zonder_relatief_pad(monkeypatch):
    """Windows: een map op een ander station (of een netwerkpad) heeft geen relatief pad; dan alleen haar naam."""
    from kostenbaten.model import bestandsnamen

    def relpath(*_):
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(bestandsnamen.os.path, "relpath", relpath)
    assert bestandsnamen.verwijzing("D:\\kba\\casussen\\hengelo", "C:\\Users\\Anna de Vries\\Documents") == "hengelo"
