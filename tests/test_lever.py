"""Eén weg naar buiten: `uitvoer.lever.lever` levert elke analyse in elk formaat, en elke opdracht gaat erdoor.

Elk formaat staat in één tabel (`register.UITVOER`); een bestand komt altijd atomair op zijn plek
(via `uitvoer/bestand.py`) en een bestaand bestand alleen met --overschrijf.
"""

from __future__ import annotations

import json

import pytest

from conftest import HENGELO, ROOT
from kostenbaten.fouten import UitvoerFouten
from kostenbaten.uitvoer import register

VOORBEELD = ROOT / "templates" / "voorbeeldbegroting.yaml"


def test_elk_formaat_in_de_tabel_heeft_een_maker_en_een_schrijver():
    for naam, uitvoer in register.UITVOER.items():
        if uitvoer.maak not in (*register.FUNCTIES, "rapport"):
            assert callable(register.functie(uitvoer.maak)), naam
        if uitvoer.schrijf is not None:
            assert callable(register.functie(uitvoer.schrijf)), naam
            assert uitvoer.extensies, naam
    # Binnen een groep hoort elke extensie bij één formaat (anders kiest -o niet eenduidig).
    for groep in {u.groep for u in register.UITVOER.values() if u.groep}:
        extensies = [e for u in register.UITVOER.values() if u.groep == groep for e in u.extensies]
        assert len(extensies) == len(set(extensies)), groep
    assert set(register.RAPPORTFORMATEN) == {e for u in register.UITVOER.values() if u.groep == "rapport" for e in u.extensies}


@pytest.mark.parametrize(
    "groep, naam, formaat",
    [
        ("rapport", "raad.PDF", "pdf"),
        ("rapport", "raad.html", "html"),
        ("rapport", "raad.docx", "docx"),
        ("rapport", "raad.json", "rapport-json"),
        ("rapport", "raad.txt", None),
        ("infographic", "monitor.Html", "infographic-html"),
        ("lijst", "lijst.csv", "lijst-csv"),
        ("lijst", "lijst.xlsx", "lijst-xlsx"),
    ],
)
def test_het_formaat_volgt_uit_de_extensie_binnen_zijn_groep(groep, naam, formaat):
    assert register.formaat_van(groep, naam) == formaat


def test_json_naar_een_bestand_is_hetzelfde_document_als_op_het_scherm_en_overschrijft_alleen_op_verzoek(tmp_path, cli):
    from kostenbaten import api
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.berekening.saldo import bereken_saldo
    from kostenbaten.uitvoer.lever import lever

    project = api.laad(HENGELO).project
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    doel = tmp_path / "kba.json"
    lever("kba", uitkomst, "json", doel, meld=False, saldo=bereken_saldo(uitkomst))
    scherm = json.loads(cli("bereken", HENGELO, "--formaat", "json")[1])
    bestand = json.loads(doel.read_text(encoding="utf-8"))
    scherm.pop("waarschuwingen")  # de opdracht voegt de waarschuwingen van de map toe; hier zijn er geen gevraagd
    assert bestand == scherm and bestand["formaatversie"] == register.FORMAATVERSIE
    # 3.502 / 6 = 583,666..., in JSON op centen: 583.67.
    assert bestand["gemiddelde_netto"] == "583.67"
    with pytest.raises(UitvoerFouten):
        lever("kba", uitkomst, "json", doel, meld=False, saldo=bereken_saldo(uitkomst))
    lever("kba", uitkomst, "excel", tmp_path / "kba.xlsx", meld=False)
    lever("kba", uitkomst, "json", doel, True, meld=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kba.json", "kba.xlsx"]  # geen tijdelijke bestanden achter


def test_elke_opdracht_levert_via_de_ene_functie(tmp_path, cli, monkeypatch):
    """--formaat, --xlsx, -o van rapport en steekproef en --variant van registratie: elk via `lever`, met het formaat uit de tabel."""
    import kostenbaten.uitvoer.lever as lever_module

    geleverd, echt = [], lever_module.lever

    def lever(analyse, uitkomst, formaat="terminal", *args, **kwargs):
        geleverd.append((analyse, formaat))
        return echt(analyse, uitkomst, formaat, *args, **kwargs)


    monkeypatch.setattr(lever_module, "lever", lever)
    export = ROOT / "templates" / "voorbeeldregistratie.csv"
    opdrachten = [
        ["bereken", HENGELO],
        ["bereken", HENGELO, "--formaat", "json", "--xlsx", tmp_path / "kba.xlsx"],
        ["begroting", VOORBEELD, "--xlsx", tmp_path / "begroting.xlsx"],
        ["sjabloon", tmp_path / "sjabloon.xlsx"],
        ["rapport", HENGELO, "-o", tmp_path / "rapport.json", "-n", "200"],
        ["steekproef", export, "--n", "3", "-o", tmp_path / "lijst.csv"],
        ["registratie", export, "--casussen", HENGELO, "--variant", tmp_path / "eigen.yaml"],
    ]
    for argumenten in opdrachten:
        code, _, fout = cli(*argumenten)
        assert code == 0, (argumenten, fout)
    assert ("kba", "terminal") in geleverd and ("kba", "json") in geleverd and ("kba", "excel") in geleverd
    assert ("begroting", "excel") in geleverd and ("rapport", "rapport-json") in geleverd and ("steekproef", "lijst-csv") in geleverd
    assert ("registratie", "variant") in geleverd and "basis:" in (tmp_path / "eigen.yaml").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))["titel"]
    assert (tmp_path / "lijst.csv").read_bytes().count(b"\r\n") == 4  # kop + 3 hulpvragen
