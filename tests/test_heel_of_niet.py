"""Elk schrijven heel of niet: een map als één geheel, geen uitvoer die een invoer is, eerlijke onderbrekingen.

De signalen gaan naar een echt proces (`python -m kostenbaten`); een volle schijf
wordt nagebootst met OSError(ENOSPC) halverwege het schrijven.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import HENGELO, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from veel_casussen import maak_map  # noqa: E402

# Het gemiddelde van Hengelo, met de hand uit de zes casussen (KBA Hengelo, tabel per casus):
# netto per casus 1.010,00 + 2.560,00 + 40,00 - 200,00 + 40,00 + 52,00 ... zie test_kba; hier alleen
# de gepubliceerde uitkomst € 583,67. 3.000 casussen zijn 500 keer de zes: hetzelfde gemiddelde.
GEMIDDELDE = "€ 583,67"


def _kostenbaten(*args, cwd=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "kostenbaten", *map(str, args)], capture_output=True, text=True, cwd=cwd, **kwargs)


def _gemiddelde(cli, map_) -> str:
    code, uit, fout = cli("bereken", map_)
    assert code == 0, fout
    return re.search(r"gemiddeld (€ [\d.]+,\d\d)", uit).group(1)


# -- de casussenmap: extensies en verborgen bestanden ------------------------------


def test_hoofdletters_in_de_extensie_tellen_niet(cli, hengelo):
    (hengelo / "casus-6.yaml").rename(hengelo / "casus-6.YAML")
    code, uit, fout = cli("bereken", hengelo, "--formaat", "json")
    assert code == 0, fout
    uitkomst = json.loads(uit)
    assert len(uitkomst["casussen"]) == 6
    assert _gemiddelde(cli, hengelo) == GEMIDDELDE


def test_verborgen_bestanden_stil_overgeslagen_andere_extensie_genoemd(cli, hengelo):
    (hengelo / "._casus-1.yaml").write_bytes(b"\x00\x05\x16\x07 macOS")  # AppleDouble van een usb-stick
    (hengelo / ".casus-7.yaml.k3j2.yaml").write_text("", encoding="utf-8")  # een achtergebleven tijdelijk bestand
    (hengelo / "casus-7.yaml.txt").write_text("nummer: 7\n", encoding="utf-8")
    code, uit, fout = cli("bereken", hengelo)
    assert code == 0, fout
    assert _gemiddelde(cli, hengelo) == GEMIDDELDE
    assert "._casus-1.yaml" not in fout and ".casus-7" not in fout
    assert f"Let op: {hengelo / 'casus-7.yaml.txt'} is niet gelezen; een casussenmap leest alleen bestanden op .yaml of .yml." in " ".join(fout.split())


def test_een_variant_in_de_map(cli, hengelo):
    shutil.copy(ROOT / "casussen" / "varianten" / "vrijwilligers.yaml", hengelo / "vrijwilligers.yaml")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    regels = fout.splitlines()
    assert any(r.startswith(f"{hengelo / 'vrijwilligers.yaml'}:") and "dit lijkt een variant; zet hem naast de map" in r for r in regels)
    assert len(regels) == 2, fout  # één melding, geen rij fouten over casussleutels


# -- een map heel of niet ------------------------------------------------------------


@pytest.fixture(scope="module")
def werkmap_3000(tmp_path_factory):
    """Een casussenwerkmap met 3.000 casussen (500 keer de zes van Hengelo)."""
    map_ = maak_map(tmp_path_factory.mktemp("bron") / "m3000", 3000)
    werkmap = map_.parent / "m3000.xlsx"
    uit = _kostenbaten("omzetten", map_, werkmap)
    assert uit.returncode == 0, uit.stderr
    return werkmap


def _niets_achter(doel: Path) -> None:
    assert not doel.exists()
    assert [p.name for p in doel.parent.iterdir() if p.name.startswith(".")] == []


def test_volle_schijf_halverwege_laat_niets_na(monkeypatch, capsys, werkmap_3000, tmp_path):
    import kostenbaten.cli as cli_module

    echt = Path.write_text
    geschreven = []

    def schrijf(pad, *args, **kwargs):
        if len(geschreven) == 1000:
            raise OSError(errno.ENOSPC, "No space left on device")
        geschreven.append(pad)
        return echt(pad, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", schrijf)
    doel = tmp_path / "terug"
    monkeypatch.setattr("sys.argv", ["kostenbaten", "omzetten", str(werkmap_3000), str(doel)])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    fout = capsys.readouterr().err
    assert fout.splitlines() == [f"{doel}: kan niet schrijven: de schijf is vol", "1 fout(en) bij het schrijven; er is niets geschreven."]
    assert "Traceback" not in fout
    assert len(geschreven) == 1000
    _niets_achter(doel)


@pytest.mark.parametrize("sein", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_onderbroken_omzetting_laat_de_hele_map_of_niets(werkmap_3000, tmp_path, cli, sein):
    if not hasattr(signal, sein):
        pytest.skip(f"{sein} bestaat niet op dit systeem")
    doel = tmp_path / "terug"
    proces = subprocess.Popen(
        [sys.executable, "-m", "kostenbaten", "omzetten", str(werkmap_3000), str(doel)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # Wachten tot er halverwege geschreven wordt (de tijdelijke map naast het doel vult zich), dan het signaal.
    eind = time.monotonic() + 120
    while proces.poll() is None and time.monotonic() < eind:
        tijdelijk = [p for p in tmp_path.iterdir() if p.name.startswith(".terug.")]
        if tijdelijk and len(os.listdir(tijdelijk[0])) > 300:
            break
        time.sleep(0.02)
    proces.send_signal(getattr(signal, sein))
    _, fout = proces.communicate(timeout=120)
    assert "Traceback" not in fout
    if proces.returncode == 0:  # het schrijven was al klaar: dan de hele map
        assert _gemiddelde(cli, doel) == GEMIDDELDE
        assert len(list(doel.glob("casus-*.yaml"))) == 3000
    else:
        assert proces.returncode == 130, fout
        assert fout.splitlines()[-2:] == ["Onderbroken.", "Er is niets geschreven."]
        _niets_achter(doel)


def test_ctrl_c_noemt_wat_er_wel_geschreven_is(tmp_path, monkeypatch, capsys):
    """Twee bestanden na elkaar: na het eerste onderbroken noemt de melding dat ene bestand."""
    import kostenbaten.cli as cli_module
    import kostenbaten.uitvoer.register as register

    echt = register.toon

    def toon(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(register, "toon", toon)
    export = tmp_path / "r.csv"
    shutil.copy(ROOT / "templates" / "voorbeeldregistratie.csv", export)
    variant = tmp_path / "eigen.yaml"
    monkeypatch.setattr("sys.argv", ["kostenbaten", "registratie", str(export), "--casussen", str(HENGELO), "--variant", str(variant)])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 130
    assert capsys.readouterr().err.splitlines() == ["Onderbroken.", f"Wel geschreven vóór de onderbreking: {variant}"]
    assert variant.is_file()
    assert echt is not toon


def test_map_bestaat_al_met_overschrijf(cli, hengelo, tmp_path):
    """Een bestaande map wordt naast zich opnieuw opgebouwd en in één stap verwisseld (tests/test_map_verwisselen.py); er blijft geen tijdelijke map."""
    doel = tmp_path / "doel"
    assert cli("omzetten", hengelo, tmp_path / "h.xlsx")[0] == 0
    assert cli("omzetten", tmp_path / "h.xlsx", doel)[0] == 0
    code, _, fout = cli("omzetten", tmp_path / "h.xlsx", doel)
    assert code == 2 and "pilot.yaml: bestand bestaat al" in fout
    code, _, fout = cli("omzetten", tmp_path / "h.xlsx", doel, "--overschrijf")
    assert code == 0, fout
    assert sorted(p.name for p in doel.iterdir()) == ["casus-1.yaml", "casus-2.yaml", "casus-3.yaml", "casus-4.yaml", "casus-5.yaml", "casus-6.yaml", "pilot.yaml"]
    assert _gemiddelde(cli, doel) == GEMIDDELDE


def test_nieuw_met_een_bestand_op_de_plek_van_registratie(cli, tmp_path):
    map_ = tmp_path / "mijnstad"
    map_.mkdir()
    (map_ / "registratie").write_text("", encoding="utf-8")
    code, _, fout = cli("nieuw", map_)
    assert code == 2 and "Interne fout" not in fout
    assert f"{map_ / 'registratie'}: dit is een bestand" in fout
    assert sorted(p.name for p in map_.iterdir()) == ["registratie"]


def test_schema_op_een_volle_schijf_schrijft_geen_half_stel(cli, tmp_path, monkeypatch):
    echt = Path.write_text
    teller = []

    def schrijf(pad, *args, **kwargs):
        teller.append(pad)
        if len(teller) == 3:
            raise OSError(errno.ENOSPC, "vol")
        return echt(pad, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", schrijf)
    code, _, fout = cli("schema", tmp_path / "schema")
    assert code == 2 and "de schijf is vol" in fout
    _niets_achter(tmp_path / "schema")


# -- een uitvoer is nooit een invoer ------------------------------------------------


def test_uitvoer_die_een_invoer_is_ook_niet_met_overschrijf(cli, hengelo, tmp_path):
    werkmap = tmp_path / "casussen.xlsx"
    assert cli("omzetten", hengelo, werkmap)[0] == 0
    voor = werkmap.read_bytes()
    code, _, fout = cli("bereken", werkmap, "--xlsx", werkmap, "--overschrijf")
    assert code == 2 and "dit is een invoerbestand van deze opdracht" in fout
    assert werkmap.read_bytes() == voor
    # Via een symbolische verwijzing is het hetzelfde bestand.
    (tmp_path / "link.xlsx").symlink_to(werkmap)
    code, _, fout = cli("bereken", werkmap, "--xlsx", tmp_path / "link.xlsx", "--overschrijf")
    assert code == 2 and "dit is een invoerbestand" in fout
    pilot = (hengelo / "pilot.yaml").read_text(encoding="utf-8")
    code, _, fout = cli("gevoeligheid", hengelo, "--xlsx", hengelo / "pilot.yaml", "--overschrijf")
    assert code == 2 and "dit is een invoerbestand" in fout
    assert (hengelo / "pilot.yaml").read_text(encoding="utf-8") == pilot


def test_variantdoel_van_registratie(cli, hengelo, tmp_path):
    export = tmp_path / "r.csv"
    shutil.copy(ROOT / "templates" / "voorbeeldregistratie.csv", export)
    voor = export.read_bytes()
    pilot = (hengelo / "pilot.yaml").read_bytes()
    gevallen = {
        export: "een variant is een YAML-bestand",
        tmp_path / "eigen.txt": "een variant is een YAML-bestand",
        hengelo / "pilot.yaml": "dit ligt in de casussenmap",
        hengelo / "eigen.yaml": "dit ligt in de casussenmap",
    }
    for variant, melding in gevallen.items():
        code, _, fout = cli("registratie", export, "--casussen", hengelo, "--variant", variant, "--overschrijf")
        assert code == 2 and melding in fout, (variant, fout)
    assert export.read_bytes() == voor and (hengelo / "pilot.yaml").read_bytes() == pilot
    assert not (hengelo / "eigen.yaml").exists()
    code, _, fout = cli("registratie", export, "--casussen", hengelo, "--variant", tmp_path / "eigen.YML")
    assert code == 0, fout


def test_kapotte_verwijzing_telt_als_bestaand(cli, tmp_path):
    doel = tmp_path / "uit.xlsx"
    doel.symlink_to(tmp_path / "nergens.xlsx")
    code, _, fout = cli("bereken", HENGELO, "--xlsx", doel)
    assert code == 2 and "bestand bestaat al" in fout
    assert doel.is_symlink() and not (tmp_path / "nergens.xlsx").exists()


# -- een gebroken pijp --------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="een pijp naar head bestaat alleen onder Unix")
@pytest.mark.parametrize("opdracht", [["controleer", HENGELO], ["bereken", HENGELO, "--per-casus"], ["bereken", HENGELO, "-f", "json"]])
def test_gebroken_pijp_eindigt_stil_met_141(opdracht):
    proces = subprocess.Popen([sys.executable, "-m", "kostenbaten", *map(str, opdracht)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proces.stdout.readline()
    proces.stdout.close()  # zoals `| head -1`
    fout = proces.stderr.read().decode()
    assert proces.wait(timeout=60) in (141, 0), fout
    assert fout == ""


# -- nieuw met eigen rechtsgebieden en betalers --------------------------------------


def test_nieuw_met_eigen_rechtsgebieden_en_betalers(cli, tmp_path):
    import yaml

    map_ = tmp_path / "mijnstad"
    code, _, fout = cli("nieuw", map_, "--rechtsgebied", "Wonen en huur", "--rechtsgebied", "Werk & inkomen", "--betaler", "gemeente", "--betaler", "sjd=bibliotheek")
    assert code == 0, fout
    pilot = yaml.safe_load((map_ / "pilot.yaml").read_text(encoding="utf-8"))
    assert {k: (g["naam"], g["aandeel"]) for k, g in pilot["rechtsgebieden"].items()} == {
        "wonen_en_huur": ("Wonen en huur", 33),
        "werk_inkomen": ("Werk & inkomen", 0),
    }
    assert {k: t["betaler"] for k, t in pilot["tarieven"].items()} == {"sjd": "bibliotheek", "projectkosten": "gemeente", "servicekosten": "gemeente"}
    koppeling = yaml.safe_load((map_ / "registratie" / "koppeling.yaml").read_text(encoding="utf-8"))
    assert koppeling["onderwerpen"] == {"wonen_en_huur": ["Wonen en huur"], "werk_inkomen": ["Werk & inkomen"]}
    code, uit, fout = cli("actoren", map_, "--formaat", "json")
    assert code == 0, fout
    # Casus 1 heeft 2 uur: de bibliotheek betaalt 2 x 80 = 160 (SJD), de gemeente 2 x (30 + 10) = 80.
    betaalt = {}
    for rij in json.loads(uit)["casussen"][0]["actoren"]:
        betaalt[rij["actor"]] = Decimal(str(rij["betaalt"]))
    assert betaalt["bibliotheek"] == Decimal("160") and betaalt["gemeente"] == Decimal("80") and betaalt.get("rijk", Decimal(0)) == 0


@pytest.mark.parametrize(
    "opties, melding",
    [
        (["--betaler", "gemeenten"], "Fout: --betaler: onbekende actor 'gemeenten'; bedoelt u 'gemeente'?"),
        (["--betaler", "huur=gemeente"], "Fout: --betaler: onbekend tarief 'huur'; kies uit: sjd, projectkosten, servicekosten."),
        (["--rechtsgebied", "Wonen", "--rechtsgebied", "wonen"], "Fout: --rechtsgebied: 'wonen' staat er twee keer in (als 'wonen')."),
        (["--rechtsgebied", "123"], "Fout: --rechtsgebied: '123' is geen naam; begin met een letter, bijvoorbeeld --rechtsgebied \"Wonen en huur\"."),
    ],
)
def test_nieuw_met_foute_opties(cli, tmp_path, opties, melding):
    code, _, fout = cli("nieuw", tmp_path / "m", *opties)
    assert (code, fout.strip()) == (2, melding)
    assert not (tmp_path / "m").exists()


def test_nieuw_houdt_een_regeleinde_in_de_mapnaam_uit_de_yaml(cli, tmp_path):
    import yaml

    map_ = tmp_path / "mijn\nstad"
    code, _, fout = cli("nieuw", map_)
    assert code == 0, fout
    tekst = (map_ / "pilot.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(tekst)["naam"] == "Mijn\nstad"
    assert "kostenbaten bereken " + str(tmp_path) + "/mijn?stad" in tekst


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="RLIMIT_FSIZE bestaat alleen onder Unix")
def test_te_groot_bestand_zonder_traceback(tmp_path):
    """Het schrijven van de werkmap loopt vast (zoals op een volle schijf): één Nederlandse melding, geen traceback."""
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))\n"
        f"sys.argv = ['kostenbaten', 'omzetten', {str(HENGELO)!r}, 'x.xlsx']\n"
        "from kostenbaten.cli import main\n"
        "main()\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert uit.returncode == 2
    assert uit.stderr.splitlines() == ["x.xlsx: kan niet schrijven: het bestand wordt groter dan dit systeem toestaat", "1 fout(en) bij het schrijven; er is niets geschreven."]
    assert list(tmp_path.iterdir()) == []


# -- paden uit bestanden ------------------------------------------------------------


@pytest.mark.parametrize("basis", ["//server/deel/hengelo", "\\\\\\\\server\\\\deel", "C:/Users/iemand/hengelo", "/etc", "~/hengelo"])
def test_variant_met_een_vrij_pad_als_basis(cli, tmp_path, basis, monkeypatch):
    import pathlib

    gevraagd = []
    echt = pathlib.Path.exists
    monkeypatch.setattr(pathlib.Path, "exists", lambda self, **kw: gevraagd.append(str(self)) or echt(self, **kw))
    variant = tmp_path / "v.yaml"
    variant.write_text(f'naam: V\nbasis: "{basis}"\n', encoding="utf-8")
    code, _, fout = cli("bereken", variant)
    assert code == 2
    assert f"{variant}:2: basis: " in fout and "een pad in een bestand moet relatief zijn" in fout
    assert not any("server" in g for g in gevraagd)  # een netwerkpad wordt nooit opgezocht


def test_begroting_met_een_netwerkpad_en_met_backslashes(cli, tmp_path):
    import os

    tekst = (ROOT / "templates" / "voorbeeldbegroting.yaml").read_text(encoding="utf-8")
    vrij = tmp_path / "vrij.yaml"
    vrij.write_text(tekst.replace("casussen: ../casussen/hengelo", "casussen: '\\\\server\\deel'"), encoding="utf-8")
    code, _, fout = cli("begroting", vrij)
    assert code == 2 and "geef zo'n map met --casussen" in fout
    assert cli("begroting", vrij, "--casussen", HENGELO)[0] == 0  # van de opdrachtregel mag het
    windows = tmp_path / "windows.yaml"
    windows.write_text(tekst.replace("casussen: ../casussen/hengelo", f"casussen: '{os.path.relpath(HENGELO, tmp_path).replace('/', chr(92))}'"), encoding="utf-8")
    code, uit, fout = cli("begroting", windows)
    assert code == 0, fout


# -- een openbaar rapport noemt geen mappen van de gebruiker -------------------------


def test_rapport_uit_een_absoluut_pad_noemt_geen_mappen(cli, hengelo, tmp_path):
    uit = tmp_path / "rapport.html"
    code, _, fout = cli("rapport", hengelo.absolute(), "-o", uit, "--trekkingen", "1000")
    assert code == 0, fout
    html = uit.read_text(encoding="utf-8")
    assert str(tmp_path) not in html and str(ROOT) not in html
    assert "casus-1.yaml:12" in html and "kostenbaten rapport hengelo" in html
