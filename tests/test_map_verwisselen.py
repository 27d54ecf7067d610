"""Een bestaande map overschrijven in één stap: het doel is altijd de complete oude of de complete nieuwe map.

`omzetten WERKMAP MAP --overschrijf`, `nieuw --overschrijf` en `schema --overschrijf`
schrijven de nieuwe map naast de oude en verwisselen ze dan. Bestanden die de
opdracht niet schrijft (eigen aantekeningen, `registratie/`) gaan mee naar de
nieuwe map. De signalen gaan naar een echt proces; een volle schijf en een
fout bij het verwisselen worden nagebootst met een OSError.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from veel_casussen import maak_map  # noqa: E402

GEMIDDELDE = "€ 583,67"  # Hengelo, gepubliceerd; 3.000 casussen zijn 500 keer de zes


def _kostenbaten(*args):
    return subprocess.run([sys.executable, "-m", "kostenbaten", *map(str, args)], capture_output=True, text=True)


def _inhoud(map_: Path) -> dict[str, bytes]:
    """Elk bestand in de map (ook in submappen) met zijn bytes."""
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def _geen_restjes(ouder: Path) -> None:
    assert [p.name for p in ouder.iterdir() if p.name.startswith(".")] == []


def _gemiddelde(cli, map_) -> str:
    code, uit, fout = cli("bereken", map_)
    assert code == 0, fout
    return re.search(r"gemiddeld (€ [\d.]+,\d\d)", uit).group(1)


@pytest.fixture
def oude_map(cli, hengelo, tmp_path):
    """Een casussenmap uit een werkmap, met eigen aantekeningen, een eigen export en een merkteken in pilot.yaml."""
    werkmap = tmp_path / "h.xlsx"
    assert cli("omzetten", hengelo, werkmap)[0] == 0
    doel = tmp_path / "doel" / "mijnstad"
    doel.parent.mkdir()
    assert cli("omzetten", werkmap, doel)[0] == 0
    with open(doel / "pilot.yaml", "a", encoding="utf-8") as f:
        f.write("# oud\n")
    (doel / "aantekeningen.txt").write_text("Gesprek met de wethouder op 3 maart.\n", encoding="utf-8")
    (doel / "registratie").mkdir()
    (doel / "registratie" / "export-2023.csv").write_text("datum;onderwerp\n2023-01-05;Huur\n", encoding="utf-8")
    (doel / "verwijzing.txt").symlink_to("aantekeningen.txt")
    return werkmap, doel


def test_overschrijven_houdt_eigen_bestanden_en_laat_niets_achter(cli, oude_map):
    werkmap, doel = oude_map
    voor = _inhoud(doel)
    code, _, fout = cli("omzetten", werkmap, doel, "--overschrijf")
    assert code == 0, fout
    na = _inhoud(doel)
    # De eigen bestanden zijn er nog, byte voor byte; pilot.yaml is nieuw (zonder het merkteken).
    for eigen in ("aantekeningen.txt", "registratie/export-2023.csv"):
        assert na[eigen] == voor[eigen]
    assert os.readlink(doel / "verwijzing.txt") == "aantekeningen.txt"
    assert voor["pilot.yaml"].endswith(b"# oud\n") and not na["pilot.yaml"].endswith(b"# oud\n")
    assert sorted(na) == sorted(voor)
    assert _gemiddelde(cli, doel) == GEMIDDELDE
    _geen_restjes(doel.parent)


def test_overschrijven_via_een_verwijzing_en_als_punt(cli, oude_map, monkeypatch):
    werkmap, doel = oude_map
    link = doel.parent / "snelkoppeling"
    link.symlink_to(doel)
    code, _, fout = cli("omzetten", werkmap, link, "--overschrijf")
    assert code == 0, fout
    assert link.is_symlink() and os.readlink(link) == str(doel)  # de verwijzing blijft; de map erachter is nieuw
    assert not (doel / "pilot.yaml").read_bytes().endswith(b"# oud\n")
    monkeypatch.chdir(doel)
    code, _, fout = cli("omzetten", werkmap, ".", "--overschrijf")
    assert code == 0, fout
    assert (doel / "aantekeningen.txt").is_file()
    assert _gemiddelde(cli, doel) == GEMIDDELDE
    _geen_restjes(doel.parent)


def test_volle_schijf_bij_overschrijven_laat_de_oude_map(cli, oude_map, monkeypatch):
    werkmap, doel = oude_map
    voor = _inhoud(doel)
    echt = Path.write_text
    teller = []

    def schrijf(pad, *args, **kwargs):
        teller.append(pad)
        if len(teller) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return echt(pad, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", schrijf)
    code, _, fout = cli("omzetten", werkmap, doel, "--overschrijf")
    assert code == 2
    assert fout.splitlines() == [f"{doel}: kan niet schrijven: de schijf is vol", f"1 fout(en) bij het schrijven; er is niets geschreven, de map {doel} is zoals hij was."]
    assert _inhoud(doel) == voor
    _geen_restjes(doel.parent)


@pytest.mark.parametrize("stap", ["in-een-keer", "eerste-hernoeming", "tweede-hernoeming"])
def test_fout_bij_het_verwisselen_zet_de_oude_map_terug(cli, oude_map, monkeypatch, stap):
    """Het verwisselen mislukt (schijf vol, geen rechten): de oude map staat er daarna precies zo."""
    import kostenbaten.uitvoer.bestand as bestand

    werkmap, doel = oude_map
    voor = _inhoud(doel)
    if stap == "in-een-keer":
        def wissel(a, b):
            raise OSError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(bestand, "_wissel_in_een_keer", wissel)
    else:
        # Zonder renameat2 (macOS, Windows, een netwerkschijf): in twee keer hernoemen.
        monkeypatch.setattr(bestand, "_wissel_in_een_keer", lambda a, b: False)
        echt = os.rename
        keer = []
        mis = 1 if stap == "eerste-hernoeming" else 2

        def hernoem(van, naar):
            keer.append((van, naar))
            if len(keer) == mis:
                raise OSError(errno.ENOSPC, "No space left on device")
            return echt(van, naar)

        monkeypatch.setattr(bestand.os, "rename", hernoem)
    code, _, fout = cli("omzetten", werkmap, doel, "--overschrijf")
    assert code == 2, fout
    assert fout.splitlines()[-1] == f"1 fout(en) bij het schrijven; er is niets geschreven, de map {doel} is zoals hij was."
    assert _inhoud(doel) == voor
    _geen_restjes(doel.parent)


def test_verwisselen_in_twee_stappen_zonder_renameat2(cli, oude_map, monkeypatch):
    import kostenbaten.uitvoer.bestand as bestand

    werkmap, doel = oude_map
    monkeypatch.setattr(bestand, "_wissel_in_een_keer", lambda a, b: False)
    code, _, fout = cli("omzetten", werkmap, doel, "--overschrijf")
    assert code == 0, fout
    assert (doel / "aantekeningen.txt").is_file() and not (doel / "pilot.yaml").read_bytes().endswith(b"# oud\n")
    _geen_restjes(doel.parent)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signalen tegenhouden kan alleen onder Unix")
def test_een_stopsignaal_tussen_de_twee_hernoemingen_wacht(oude_map, monkeypatch, capsys):
    """SIGTERM precies tussen oude map weg en nieuwe erin: het komt pas aan als de nieuwe map er staat."""
    import kostenbaten.cli as cli_module
    import kostenbaten.uitvoer.bestand as bestand

    werkmap, doel = oude_map
    monkeypatch.setattr(bestand, "_wissel_in_een_keer", lambda a, b: False)
    echt = os.rename
    gezien = []

    def hernoem(van, naar):
        echt(van, naar)
        if Path(naar).name.startswith(".mijnstad.oud."):
            os.kill(os.getpid(), signal.SIGTERM)  # de oude map is net opzij gezet
            gezien.append(doel.exists())

    monkeypatch.setattr(bestand.os, "rename", hernoem)
    monkeypatch.setattr("sys.argv", ["kostenbaten", "omzetten", str(werkmap), str(doel), "--overschrijf"])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 130
    assert gezien == [False]  # het signaal kwam niet tussendoor
    fout = capsys.readouterr().err.splitlines()
    assert fout[0] == "Onderbroken." and f"Wel geschreven vóór de onderbreking: {doel / 'pilot.yaml'}" in fout
    assert not (doel / "pilot.yaml").read_bytes().endswith(b"# oud\n") and (doel / "aantekeningen.txt").is_file()
    _geen_restjes(doel.parent)


def test_nieuw_overschrijven_houdt_de_eigen_export_in_registratie(cli, tmp_path):
    map_ = tmp_path / "mijnstad"
    assert cli("nieuw", map_)[0] == 0
    (map_ / "registratie" / "export.csv").write_text("datum;onderwerp\n", encoding="utf-8")
    (map_ / "pilot.yaml").write_text("# eigen invoer\n", encoding="utf-8")
    code, _, fout = cli("nieuw", map_, "--overschrijf")
    assert code == 0, fout
    assert (map_ / "registratie" / "export.csv").read_text(encoding="utf-8") == "datum;onderwerp\n"
    assert (map_ / "registratie" / "koppeling.yaml").is_file()
    assert (map_ / "pilot.yaml").read_text(encoding="utf-8") != "# eigen invoer\n"
    _geen_restjes(tmp_path)


def test_schema_overschrijven_houdt_een_eigen_leesmij(cli, tmp_path):
    map_ = tmp_path / "schema"
    assert cli("schema", map_)[0] == 0
    (map_ / "LEESMIJ.txt").write_text("eigen\n", encoding="utf-8")
    (map_ / "pilot.schema.json").write_text("{}", encoding="utf-8")
    code, _, fout = cli("schema", map_, "--overschrijf")
    assert code == 0, fout
    assert (map_ / "LEESMIJ.txt").read_text(encoding="utf-8") == "eigen\n"
    assert (map_ / "pilot.schema.json").read_text(encoding="utf-8") != "{}"
    _geen_restjes(tmp_path)


# -- een echt proces, 3.000 casussen, onderbroken tijdens het overschrijven ------------


@pytest.fixture(scope="module")
def drieduizend(tmp_path_factory):
    """Een werkmap met 3.000 casussen en de map die er zonder onderbreking uit komt (om mee te vergelijken)."""
    bron = maak_map(tmp_path_factory.mktemp("bron") / "m3000", 3000)
    werkmap = bron.parent / "m3000.xlsx"
    assert _kostenbaten("omzetten", bron, werkmap).returncode == 0
    nieuw = tmp_path_factory.mktemp("nieuw") / "m"
    assert _kostenbaten("omzetten", werkmap, nieuw).returncode == 0
    return werkmap, _inhoud(nieuw)


@pytest.mark.parametrize("sein", ["SIGINT", "SIGTERM", "SIGHUP", "SIGKILL"])
def test_onderbroken_overschrijven_laat_de_oude_of_de_nieuwe_map(drieduizend, tmp_path, sein):
    if not hasattr(signal, sein):
        pytest.skip(f"{sein} bestaat niet op dit systeem")
    werkmap, nieuw = drieduizend
    doel = tmp_path / "m"
    assert _kostenbaten("omzetten", werkmap, doel).returncode == 0
    for naam in ("pilot.yaml", "casus-1.yaml", "casus-3000.yaml"):
        with open(doel / naam, "a", encoding="utf-8") as f:
            f.write("# oud\n")
    (doel / "aantekeningen.txt").write_text("eigen\n", encoding="utf-8")
    oud = _inhoud(doel)
    proces = subprocess.Popen(
        [sys.executable, "-m", "kostenbaten", "omzetten", str(werkmap), str(doel), "--overschrijf"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    eind = time.monotonic() + 120
    while proces.poll() is None and time.monotonic() < eind:
        tijdelijk = [p for p in tmp_path.iterdir() if p.name.startswith(".m.")]
        if tijdelijk and len(os.listdir(tijdelijk[0])) > 1500:
            break
        time.sleep(0.02)
    proces.send_signal(getattr(signal, sein))
    _, fout = proces.communicate(timeout=120)
    assert "Traceback" not in fout
    na = _inhoud(doel)
    if proces.returncode == 0:  # het was al klaar: de complete nieuwe map, met de eigen aantekeningen
        assert na == {**nieuw, "aantekeningen.txt": b"eigen\n"}
    else:
        assert na == oud  # de complete oude map
        if sein == "SIGKILL":
            assert proces.returncode == -signal.SIGKILL
            return  # opruimen kan niet meer; het doel is heel
        assert proces.returncode == 130, fout
        assert fout.splitlines()[-2:] == ["Onderbroken.", "Er is niets geschreven."]
    _geen_restjes(tmp_path)
