"""Een eigen bibliotheek: `nieuw`, ingebouwde actoren, labels zonder rapport, waarschuwingen en registratie."""

from __future__ import annotations

import json

import yaml


def test_nieuw_schrijft_een_map_die_meteen_rekent(tmp_path, cli):
    map_ = tmp_path / "mijnstad"
    code, uit, fout = cli("nieuw", map_, "--naam", "Bibliotheek Mijnstad")
    assert code == 0, fout
    assert "Volgende stappen:" in uit and "  3. " in uit
    pilot = yaml.safe_load((map_ / "pilot.yaml").read_text(encoding="utf-8"))
    assert pilot["naam"] == "Bibliotheek Mijnstad"
    assert "gepubliceerd" not in pilot and "errata" not in pilot
    assert all("Hengelo (2023)" in k["bron"] for k in pilot["kengetallen"].values())
    casus = yaml.safe_load((map_ / "casus-1.yaml").read_text(encoding="utf-8"))
    soorten = {s for baat in casus["baten"] for s in ("kengetal", "bedrag", "per_maand") if s in baat}
    assert soorten == {"kengetal", "bedrag", "per_maand"}
    assert (map_ / "registratie" / "koppeling.yaml").is_file()

    code, uit, fout = cli("bereken", map_, "--formaat", "json")
    assert code == 0, fout
    assert json.loads(uit)["pilot"] == "Bibliotheek Mijnstad"


def test_nieuw_overschrijft_niets_zonder_overschrijf(tmp_path, cli):
    map_ = tmp_path / "mijnstad"
    assert cli("nieuw", map_)[0] == 0
    (map_ / "casus-1.yaml").write_text("eigen werk\n", encoding="utf-8")
    code, uit, fout = cli("nieuw", map_)
    assert code == 2
    assert "casus-1.yaml: bestand bestaat al; kies een nieuwe map, of gebruik --overschrijf om het terug te zetten op de startwaarden" in fout
    assert (map_ / "casus-1.yaml").read_text(encoding="utf-8") == "eigen werk\n"
    assert cli("nieuw", map_, "--overschrijf")[0] == 0
    assert (map_ / "casus-1.yaml").read_text(encoding="utf-8") != "eigen werk\n"


def test_zonder_rapport_geen_gepubliceerde_cijfers(tmp_path, cli):
    map_ = tmp_path / "mijnstad"
    cli("nieuw", map_)
    code, uit, fout = cli("bereken", map_)
    assert code == 0, fout
    assert "gepubliceerd" not in uit.lower()
    code, uit, fout = cli("bereken", map_, "--formaat", "json")
    assert "gepubliceerd" not in uit and "afrondingsregels" not in uit
    code, uit, fout = cli("controleer", map_)
    assert (code, fout) == (0, "")
    assert uit.strip().splitlines() == [f"Niets na te rekenen: {map_} heeft geen 'gepubliceerd'-blok met cijfers uit een rapport."]
    code, uit, fout = cli("uitleg", map_)
    assert code == 0 and "zoals gepubliceerd" not in uit
    code, uit, fout = cli("actoren", map_)
    assert code == 0 and "gepubliceerd" not in uit


def test_hulpvragen_als_telling_en_als_verwacht_aantal(tmp_path, cli):
    from conftest import vervang

    map_ = tmp_path / "mijnstad"
    cli("nieuw", map_)
    code, uit, fout = cli("bereken", map_)
    assert code == 0 and "Gedekte" in uit
    assert "verwacht" not in uit  # 300 x 33% = 99: een telling
    vervang(map_ / "pilot.yaml", "hulpvragen: 300 ", "hulpvragen: 1250 ")
    vervang(map_ / "pilot.yaml", "aandeel: 33 ", "aandeel: 75.5 ")
    code, uit, fout = cli("bereken", map_)
    assert code == 0, fout
    assert "943,75" in uit and "(verwacht aantal)" in uit
