"""`kostenbaten steekproef`: een aselecte steekproef van hulpvragen, per rechtsgebied naar aandeel."""

from __future__ import annotations

import csv
import json
from fractions import Fraction

import pytest

from kostenbaten.berekening.steekproef import trek, verdeel

KOPPELING = """\
kolommen:
  datum: Datum
  onderwerp: Onderwerp
onderwerpen:
  sociaal_zekerheidsrecht: [Uitkering]
  consumentenzaken: [Schulden]
  belastingrecht: [Toeslagen]
"""


def _export(pad, aantallen: dict[str, int], extra: list[str] = ()):
    """Een export met per onderwerp zoveel hulpvragen; de dag van de maand nummert ze, zodat elke regel herkenbaar is."""
    regels = ["Datum;Onderwerp;Opmerking"]
    for onderwerp, aantal in aantallen.items():
        for i in range(aantal):
            regels.append(f"{i % 28 + 1}-{len(regels) % 12 + 1}-2023;{onderwerp};{onderwerp}-{i}")
    regels += extra
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    (pad.parent / "koppeling.yaml").write_text(KOPPELING, encoding="utf-8")
    return pad


def _json(cli, *args):
    code, uit, fout = cli("steekproef", *args, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


def test_grootste_overschotten_met_de_hand():
    # 20 hulpvragen: 10, 7 en 3; een steekproef van 7.
    # Quota: 7 x 10/20 = 3,5; 7 x 7/20 = 2,45; 7 x 3/20 = 1,05. Hele delen: 3 + 2 + 1 = 6, dus één plaats over.
    # Overschotten 0,5 / 0,45 / 0,05: de plaats gaat naar het eerste. Uitkomst 4, 2, 1.
    uit = verdeel({"a": 10, "b": 7, "c": 3}, 7)
    assert uit == {"a": (Fraction(7, 2), 4), "b": (Fraction(49, 20), 2), "c": (Fraction(21, 20), 1)}
    # 9 hulpvragen: 4, 4 en 1; steekproef van 3. Quota 4/3, 4/3, 1/3: hele delen 1 + 1 + 0 = 2, één plaats over.
    # Overschotten gelijk (1/3): de plaats gaat naar het rechtsgebied met de meeste hulpvragen, bij gelijk het eerste: a.
    assert {g: p for g, (_, p) in verdeel({"a": 4, "b": 4, "c": 1}, 3).items()} == {"a": 2, "b": 1, "c": 0}
    # Precies proportioneel: 100, 50, 50 van 200, steekproef van 20 -> 10, 5, 5, niets over.
    assert {g: p for g, (_, p) in verdeel({"a": 100, "b": 50, "c": 50}, 20).items()} == {"a": 10, "b": 5, "c": 5}
    with pytest.raises(ValueError):
        verdeel({"a": 2}, 3)


def test_trekking_is_zonder_teruglegging_en_herhaalbaar():
    eerste = trek({"a": 10, "b": 7}, {"a": 4, "b": 2}, 42)
    assert eerste == trek({"a": 10, "b": 7}, {"a": 4, "b": 2}, 42)
    assert [len(eerste["a"]), len(eerste["b"])] == [4, 2]
    assert len(set(eerste["a"])) == 4 and all(0 <= i < 10 for i in eerste["a"])
    anders = [trek({"a": 10, "b": 7}, {"a": 4, "b": 2}, z) for z in range(1, 6)]
    assert any(a != eerste for a in anders)


def test_steekproef_uit_een_export_per_rechtsgebied_naar_aandeel(tmp_path, cli):
    # 10 uitkering, 7 schulden, 3 toeslagen; daarnaast twee regels die niet meetellen en één onbekend onderwerp.
    export = _export(
        tmp_path / "export.csv",
        {"Uitkering": 10, "Schulden": 7, "Toeslagen": 3},
        ["geen datum;Uitkering;x", "1-1-2023;;leeg onderwerp", "2-2-2023;Huur;onbekend"],
    )
    doc = _json(cli, export, "--n", "7", "--zaad", "5")
    assert doc["hulpvragen"] == 20 and doc["zonder_rechtsgebied"] == 1
    assert {g: (v["hulpvragen"], v["quotum"], v["getrokken"]) for g, v in doc["rechtsgebieden"].items()} == {
        "sociaal_zekerheidsrecht": (10, "7/2", 4),
        "consumentenzaken": (7, "49/20", 2),
        "belastingrecht": (3, "21/20", 1),
    }
    rijen = doc["steekproef"]
    assert [r["nr"] for r in rijen] == list(range(1, 8))
    onderwerp = {"sociaal_zekerheidsrecht": "Uitkering", "consumentenzaken": "Schulden", "belastingrecht": "Toeslagen"}
    for r in rijen:
        assert r["waarden"][1] == onderwerp[r["rechtsgebied"]]
        # De opmerking noemt het volgnummer binnen het onderwerp; de regel in het bestand volgt daaruit (kopregel = 1).
        volgnr = int(r["waarden"][2].split("-")[1])
        eerder = {"Uitkering": 0, "Schulden": 10, "Toeslagen": 17}[r["waarden"][1]]
        assert r["regel"] == 2 + eerder + volgnr
    assert len({r["regel"] for r in rijen}) == 7
    # Zelfde zaad, zelfde steekproef; een ander zaad geeft (bij deze aantallen) een andere.
    assert _json(cli, export, "--n", "7", "--zaad", "5")["steekproef"] == rijen
    assert any(_json(cli, export, "--n", "7", "--zaad", str(z))["steekproef"] != rijen for z in (6, 7, 8))


def test_contacten_van_een_hulpvraag_tellen_eenmaal(tmp_path, cli):
    export = tmp_path / "export.csv"
    export.write_text("Datum;Dossier;Onderwerp\n1-3-2023;D1;Uitkering\n8-3-2023;D1;Uitkering\n2-3-2023;D2;Schulden\n3-3-2023;;Schulden\n", encoding="utf-8")
    (tmp_path / "koppeling.yaml").write_text(KOPPELING.replace("  onderwerp: Onderwerp\n", "  onderwerp: Onderwerp\n  id: Dossier\n"), encoding="utf-8")
    doc = _json(cli, export, "--n", "3")
    assert {g: v["hulpvragen"] for g, v in doc["rechtsgebieden"].items()} == {"sociaal_zekerheidsrecht": 1, "consumentenzaken": 2, "belastingrecht": 0}
    assert sorted(r["regel"] for r in doc["steekproef"]) == [2, 4, 5]  # D1 met zijn eerste regel


def test_lijst_als_csv_en_xlsx_en_niet_over_een_bestaand_bestand(tmp_path, cli):
    export = _export(tmp_path / "export.csv", {"Uitkering": 6, "Schulden": 3, "Toeslagen": 1}, ["5-5-2023;Schulden;=1+1"])
    lijst = tmp_path / "lijst.csv"
    code, uit, fout = cli("steekproef", export, "--n", "10", "-o", lijst)
    assert code == 0, fout
    with lijst.open(encoding="utf-8-sig", newline="") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    assert rijen[0] == ["Nr", "Rechtsgebied", "Regel in de export", "Datum (gelezen)", "Datum", "Onderwerp", "Opmerking", "Casus"]
    assert len(rijen) == 11  # alle tien hulpvragen
    assert "'=1+1" in [r[6] for r in rijen]  # nooit als formule
    code, _, fout = cli("steekproef", export, "--n", "10", "-o", lijst)
    assert code == 2 and "--overschrijf" in fout
    from openpyxl import load_workbook

    werkmap = tmp_path / "lijst.xlsx"
    code, _, fout = cli("steekproef", export, "--n", "4", "--zaad", "9", "-o", werkmap)
    assert code == 0, fout
    blad = load_workbook(werkmap)["Steekproef"]
    waarden = [[c.value for c in rij] for rij in blad.iter_rows()]
    assert waarden[0][:4] == ["Nr", "Rechtsgebied", "Regel in de export", "Datum (gelezen)"]
    # 11 hulpvragen: 6, 4, 1; steekproef van 4: quota 24/11, 16/11, 4/11 -> 2 + 1 + 0, één over; overschotten 2/11, 5/11, 4/11 -> consumentenzaken.
    assert [r[1] for r in waarden[1:]].count("consumentenzaken") == 2
    assert [r[1] for r in waarden[1:]].count("sociaal_zekerheidsrecht") == 2
    # Hetzelfde zaad geeft in de werkmap dezelfde regels als in JSON.
    assert [r[2] for r in waarden[1:]] == [r["regel"] for r in _json(cli, export, "--n", "4", "--zaad", "9")["steekproef"]]


def test_te_grote_steekproef_en_verkeerd_lijsttype(tmp_path, cli):
    export = _export(tmp_path / "export.csv", {"Uitkering": 2, "Schulden": 1})
    code, uit, fout = cli("steekproef", export, "--n", "4")
    assert code == 2 and uit == ""
    assert "de export heeft 3 hulpvragen met een rechtsgebied; een steekproef van 4 is groter dan dat" in fout
    code, _, fout = cli("steekproef", export, "--n", "2", "-o", tmp_path / "lijst.ods")
    assert code == 2 and ".csv of .xlsx" in fout


def test_terminal_toont_de_verdeling(tmp_path, cli):
    export = _export(tmp_path / "export.csv", {"Uitkering": 10, "Schulden": 7, "Toeslagen": 3})
    code, uit, fout = cli("steekproef", export, "--n", "7", "--zaad", "5")
    assert code == 0, fout
    assert "7 van 20 hulpvragen, aselect met zaad 5" in uit
    assert "Getrokken hulpvragen" in uit


def test_casussen_uit_een_steekproef_staan_zo_in_de_extrapolatie(tmp_path, cli):
    import shutil

    from conftest import HENGELO, vervang

    code, uit, _ = cli("bereken", HENGELO, "--formaat", "json")
    assert code == 0 and json.loads(uit)["casussen_uit_steekproef"] is False
    kopie = tmp_path / "hengelo"
    shutil.copytree(HENGELO, kopie)
    vervang(kopie / "pilot.yaml", "\nhulpvragen:", "\nsteekproef: true\nhulpvragen:")
    code, uit, fout = cli("bereken", kopie, "--formaat", "json")
    assert code == 0, fout
    assert json.loads(uit)["casussen_uit_steekproef"] is True
    code, uit, fout = cli("bereken", kopie)
    assert code == 0, fout
    assert "de casussen komen uit een aselecte steekproef van hulpvragen" in " ".join(uit.split())
