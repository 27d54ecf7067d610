"""Wat een onderbroken schrijfactie naast een map achterlaat, en wat de volgende opdracht ermee doet.

Een map wordt opgebouwd als `.NAAM.nieuw.XXXX` naast het doel; bij het vervangen zonder renameat2 staat de oude
map even opzij als `.NAAM.oud.XXXX`. Valt de stroom uit tussen die twee hernoemingen, dan ontbreekt het doel en
staat de complete oude map verborgen ernaast. Hier wordt dat nagebootst door de mappen zelf zo neer te zetten
(een stroomstoring laat zich niet echt veroorzaken); lezen en schrijven moeten het dan zien.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from kostenbaten.model.bestandsnamen import NIEUW, OUD, restanten, tijdelijk_begin


def _inhoud(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def _zinnen(fout: str) -> str:
    """De meldingen op stderr als één regel (ze worden op de breedte van het scherm afgebroken)."""
    return " ".join(fout.split())


@pytest.fixture
def plek(hengelo, tmp_path):
    """Een kopie van Hengelo als `m` in een eigen map, met een eigen aantekening erin."""
    map_ = tmp_path / "m"
    shutil.copytree(hengelo, map_)
    (map_ / "aantekeningen.txt").write_text("eigen\n", encoding="utf-8")
    return map_


def _opzij(map_: Path, code: str = "3fa9c2d1") -> Path:
    """De toestand na een stroomstoring tussen de twee hernoemingen: de oude map opzij, het doel weg."""
    oud = map_.parent / f".{map_.name}.oud.{code}"
    os.rename(map_, oud)
    return oud


def test_de_namen_van_de_tijdelijke_mappen(tmp_path):
    (tmp_path / "m").mkdir()
    for naam in (".m.nieuw.a1b2", ".m.oud.c3d4", ".m.oud.nieuw.x", ".mm.oud.e5", ".m.oud."):
        (tmp_path / naam).mkdir()
    (tmp_path / ".m.nieuw.bestand").write_text("", encoding="utf-8")  # een bestand, geen map
    gevonden = {(r.pad.name, r.soort) for r in restanten(tmp_path / "m")}
    # `.m.oud.nieuw.x` hoort bij een map `m.oud`, `.mm.oud.e5` bij `mm`; een lege code is geen restant.
    assert gevonden == {(".m.nieuw.a1b2", NIEUW), (".m.oud.c3d4", OUD)}
    assert tijdelijk_begin("hengelo", NIEUW) == ".hengelo.nieuw."


def test_lezen_zet_de_oude_map_terug_als_het_doel_ontbreekt(cli, plek):
    voor = _inhoud(plek)
    oud = _opzij(plek)
    code, uit, fout = cli("bereken", plek)
    assert code == 0, fout
    assert _inhoud(plek) == voor and not oud.exists()
    assert f"Let op: {plek} ontbrak: het vervangen van die map werd onderbroken (stroomstoring of geforceerd afsluiten) " \
           f"nadat de oude map opzij was gezet als {oud.name}. Die complete oude map is teruggezet als {plek}." in _zinnen(fout)
    assert "gemiddeld € 583,67 netto" in _zinnen(uit)  # de hele map is er weer: de zes casussen van Hengelo
    code, _, fout = cli("bereken", plek)  # daarna is er niets meer te melden
    assert code == 0 and "ontbrak" not in fout and "naast" not in fout


def test_lezen_noemt_een_vorige_versie_naast_de_complete_map(cli, plek):
    oud = plek.parent / ".m.oud.77aa0b1c"
    shutil.copytree(plek, oud)  # na het verwisselen bleef de oude map staan (het opruimen werd onderbroken)
    code, uit, fout = cli("bereken", plek, "--formaat", "json")
    assert code == 0, fout
    assert _zinnen(fout).startswith(
        f"Let op: naast {plek} staat .m.oud.77aa0b1c, de vorige versie van die map, achtergebleven doordat een "
        f"schrijfactie op die map onderbroken werd (stroomstoring of geforceerd afsluiten); {plek} zelf is de nieuwe, "
        f"complete map. Hebt u de vorige versie niet meer nodig, verwijder dan {oud}."
    )
    assert oud.is_dir()  # alleen genoemd: wat de gebruiker ermee doet, beslist hij zelf


def test_lezen_noemt_een_onvoltooide_nieuwe_map(cli, plek, tmp_path):
    nieuw = tmp_path / ".m.nieuw.k2v9q0xz"
    nieuw.mkdir()
    (nieuw / "pilot.yaml").write_text("naam: half\n", encoding="utf-8")
    code, _, fout = cli("actoren", plek)
    assert code == 0, fout
    assert (f"Let op: naast {plek} staat .m.nieuw.k2v9q0xz, een tijdelijke map die achterbleef doordat een schrijfactie "
            f"op die map onderbroken werd (stroomstoring of geforceerd afsluiten); {plek} zelf is compleet. Verwijder {nieuw}") in _zinnen(fout)
    shutil.rmtree(plek)  # een eerste schrijfactie die nooit af kwam: er is geen map, alleen de halve ernaast
    code, _, fout = cli("bereken", plek)
    assert code == 2
    assert fout.splitlines()[0].startswith(f"{plek}: map bestaat niet; naast {plek} staat .m.nieuw.k2v9q0xz")
    assert f"{plek} bestaat niet: die schrijfactie is nooit afgemaakt. Verwijder {nieuw}" in fout


def test_meer_dan_een_oude_map_wordt_niet_gegokt(cli, plek):
    shutil.copytree(plek, plek.parent / ".m.oud.00000001")
    _opzij(plek, "00000002")
    code, _, fout = cli("bereken", plek)
    assert code == 2
    assert fout.count("er zijn er meer, dus kostenbaten zet er geen terug. Hernoem de juiste naar m") == 2
    assert not plek.exists()


def test_een_variant_op_een_ontbrekende_map_zet_haar_terug(cli, plek, tmp_path):
    variant = tmp_path / "m-900.yaml"
    variant.write_text("naam: Negenhonderd\nbasis: m\npilot:\n  hulpvragen: 900\n", encoding="utf-8")
    _opzij(plek)
    code, _, fout = cli("bereken", variant)
    assert code == 0, fout
    assert "Die complete oude map is teruggezet als" in _zinnen(fout) and (plek / "pilot.yaml").is_file()


def test_schrijven_zet_de_oude_map_eerst_terug(cli, plek, tmp_path):
    werkmap = tmp_path / "m.xlsx"
    assert cli("omzetten", plek, werkmap)[0] == 0
    voor = _inhoud(plek)
    oud = _opzij(plek)
    # Zonder --overschrijf: de map is weer wat ze was, en omzetten weigert haar te vervangen.
    code, _, fout = cli("omzetten", werkmap, plek)
    assert code == 2
    assert f"Let op: {plek} ontbrak" in fout and f"{plek / 'pilot.yaml'}: bestand bestaat al" in fout
    assert _inhoud(plek) == voor and not oud.exists()
    # `nieuw` zonder --overschrijf ziet de teruggezette map en laat de eigen invoer staan.
    oud = _opzij(plek)
    code, _, fout = cli("nieuw", plek)
    assert code == 2 and f"Let op: {plek} ontbrak" in fout
    assert _inhoud(plek) == voor
    # Met --overschrijf: terugzetten, dan vervangen; de eigen aantekening gaat mee.
    _opzij(plek)
    code, _, fout = cli("omzetten", werkmap, plek, "--overschrijf")
    assert code == 0, fout
    assert fout.count("ontbrak") == 1  # één keer gemeld, ook al kijken twee stappen naar de map
    assert (plek / "aantekeningen.txt").read_text(encoding="utf-8") == "eigen\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_schrijven_noemt_wat_er_verder_naast_staat(cli, plek, tmp_path):
    (tmp_path / ".m.nieuw.zz9").mkdir()
    code, _, fout = cli("nieuw", tmp_path / "m", "--overschrijf")
    assert code == 0, fout
    assert f"Let op: naast {plek} staat .m.nieuw.zz9, een tijdelijke map die achterbleef" in _zinnen(fout)
    assert (tmp_path / ".m.nieuw.zz9").is_dir()  # een andere opdracht kan er nog mee bezig zijn: niet zelf weggooien


@pytest.mark.parametrize("in_een_keer", [True, False])
def test_de_tijdelijke_mappen_dragen_hun_soort_in_de_naam(cli, plek, tmp_path, monkeypatch, in_een_keer):
    """Tijdens het schrijven heet de nieuwe map `.m.nieuw.*`, en na het verwisselen de oude `.m.oud.*` tot ze weg is."""
    import kostenbaten.uitvoer.bestand as bestand

    if not in_een_keer:
        monkeypatch.setattr(bestand, "_wissel_in_een_keer", lambda a, b: False)
    gezien = []
    echt = shutil.rmtree

    def ruim_op(pad, *args, **kwargs):
        gezien.append(Path(pad).name)
        return echt(pad, *args, **kwargs)

    monkeypatch.setattr(bestand.shutil, "rmtree", ruim_op)
    echt_mkdtemp = bestand.tempfile.mkdtemp

    def mkdtemp(*args, **kwargs):
        pad = echt_mkdtemp(*args, **kwargs)
        gezien.append(Path(pad).name)
        return pad

    monkeypatch.setattr(bestand.tempfile, "mkdtemp", mkdtemp)
    code, _, fout = cli("nieuw", plek, "--overschrijf")
    assert code == 0, fout
    assert len(gezien) == 2 and re.fullmatch(r"\.m\.nieuw\.[a-z0-9_]+", gezien[0]) and re.fullmatch(r"\.m\.oud\.[0-9a-f]+", gezien[1])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
