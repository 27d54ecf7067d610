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
    # Elk kengetal verwijst naar de kengetallenbank, of noemt eerlijk dat het een startwaarde uit Hengelo is.
    assert all("bankpost" in k or "Hengelo (2023)" in k["bron"] for k in pilot["kengetallen"].values())
    assert pilot["kengetallen"]["deurwaarderskosten"]["bankpost"] == "deurwaarder_beslag_roerend"
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


def test_nieuw_begint_met_een_kengetal_uit_de_kengetallenbank(tmp_path, cli):
    """`nieuw` verwijst naar een bankpost; bereken rekent met het bedrag van die post, en een eigen bedrag gaat voor."""
    from decimal import Decimal

    from conftest import vervang

    map_ = tmp_path / "mijnstad"
    assert cli("nieuw", map_)[0] == 0
    code, uit, fout = cli("bereken", map_, "--formaat", "json")
    assert code == 0, fout
    casus = json.loads(uit)["casussen"][0]
    # Met de hand: kosten 2 uur x (80 + 30 + 10) = 240. Baten: toevoeging 800 (startwaarde Hengelo, rijk), lagere
    # schuld 400 (cliënt), 50 per maand x 12 maanden in beeld = 600 (cliënt) en het vermeden beslag op roerende zaken
    # uit de bank, 137,78 (Besluit tarieven ambtshandelingen 2022, betaald door de schuldenaar: de cliënt).
    # 800 + 400 + 600 + 137,78 = 1.937,78; netto 1.937,78 - 240 = 1.697,78; cliënt 400 + 600 + 137,78 = 1.137,78.
    assert (Decimal(casus["kosten"]), Decimal(casus["baten"]), Decimal(casus["netto"]), Decimal(casus["client"])) == (
        Decimal("240"), Decimal("1937.78"), Decimal("1697.78"), Decimal("1137.78"))
    code, uit, fout = cli("kengetallen", "controleer", map_, "--formaat", "json")
    assert code == 0, fout
    controle = json.loads(uit)
    graad = {k["sleutel"]: k["kwaliteit"] for k in controle["kengetallen"]}
    assert graad["deurwaarderskosten"] == "A" and graad["toevoeging"] == "D"  # een wettelijk tarief; een startwaarde zonder bron
    # Op graad C of D rust alleen de toevoeging: 800 / 1.937,78 = 0,41284... (op vier decimalen 0,4128).
    assert controle["aandeel_c_of_d"] == "0.4128"

    # Overschrijfbaar: een eigen bedrag onder de bankpost gaat voor (150 in plaats van 137,78): baten 1.950, netto 1.710.
    vervang(map_ / "pilot.yaml", "    bankpost: deurwaarder_beslag_roerend", "    bedrag: 150\n    bankpost: deurwaarder_beslag_roerend")
    code, uit, fout = cli("bereken", map_, "--formaat", "json")
    assert code == 0, fout
    casus = json.loads(uit)["casussen"][0]
    assert (Decimal(casus["baten"]), Decimal(casus["netto"])) == (Decimal("1950"), Decimal("1710"))
