"""`kostenbaten registratie`: de eigen vraagregistratie lezen (CSV en xlsx), tellen en als variant gebruiken."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import pytest
import yaml

import voorbeeldregistratie
from conftest import HENGELO, ROOT

from kostenbaten.invoer import xlsx

VOORBEELD = ROOT / "templates" / "voorbeeldregistratie.csv"

KOPPELING = """\
kolommen:
  datum: Datum
  onderwerp: Onderwerp
  doorverwezen: Doorverwezen
  uren: Uren
onderwerpen:
  sociaal_zekerheidsrecht: [Uitkering]
  consumentenzaken: [Schulden, Aankoop café]
"""

# Vijf hulpvragen: 2 uitkering (hoofdletters en spaties tellen niet), 2 consumentenzaken, 1 huur.
RIJEN = [
    ("Datum", "Onderwerp", "Doorverwezen", "Uren"),
    ("14-06-2021", "Uitkering", "nee", "1,5"),
    ("2021-07-01", " UITKERING ", "ja", "2"),
    ("1/8/2021", "Aankoop café", "nee", "0,5"),
    ("02.09.2021", "Schulden", "nee", ""),
    ("3-10-2021", "Huur", "Nee", "1"),
]


def _json(cli, *args):
    code, uit, fout = cli("registratie", *args, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


def _schrijf_csv(pad, scheiding: str, codering: str, rijen=RIJEN):
    """Zoals Excel: '1,5' tussen aanhalingstekens als de komma het scheidingsteken is."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=scheiding, lineterminator="\r\n").writerows(rijen)
    pad.write_bytes(buffer.getvalue().encode(codering))
    (pad.parent / "koppeling.yaml").write_text(KOPPELING, encoding="utf-8")
    return pad


def _telling(doc) -> dict:
    return {
        "periode": (doc["periode"]["van"], doc["periode"]["tot"]),
        "hulpvragen": doc["hulpvragen"],
        "per_rechtsgebied": {k: (v["aantal"], v["aandeel"]) for k, v in doc["rechtsgebieden"].items()},
        "niet_gekoppeld": [(n["onderwerp"], n["aantal"]) for n in doc["niet_gekoppeld"]],
        "doorverwezen": (doc["doorverwezen"]["aantal"], doc["doorverwezen"]["van"]),
        "uren": (doc["uren"]["som"], doc["uren"]["ingevuld"]),
    }


# Met de hand geteld uit RIJEN: 2 + 2 van 5 gekoppeld (40% elk), huur de rest;
# 1 van 5 doorverwezen; uren 1,5 + 2 + 0,5 + 1 = 5 over 4 ingevulde.
VERWACHT = {
    "periode": ("2021-06-14", "2021-10-03"),
    "hulpvragen": 5,
    "per_rechtsgebied": {"sociaal_zekerheidsrecht": (2, "40"), "consumentenzaken": (2, "40")},
    "niet_gekoppeld": [("Huur", 1)],
    "doorverwezen": (1, 5),
    "uren": ("5", 4),
}


@pytest.mark.parametrize("scheiding", [";", ",", "\t"], ids=["puntkomma", "komma", "tab"])
@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_in_elke_codering_en_met_elk_scheidingsteken(tmp_path, cli, scheiding, codering):
    export = _schrijf_csv(tmp_path / "export.csv", scheiding, codering)
    assert _telling(_json(cli, export)) == VERWACHT


def test_xlsx_met_datumcellen_en_getallen(tmp_path, cli):
    from openpyxl import Workbook

    werkmap = Workbook()
    blad = werkmap.active
    blad.title = "Vragen"
    blad.append(RIJEN[0])
    blad.append([datetime(2021, 6, 14, 10, 30), "Uitkering", "nee", 1.5])
    blad.append([date(2021, 7, 1), " UITKERING ", True, 2])
    blad.append(["1-8-2021", "Aankoop café", False, 0.5])
    blad.append([datetime(2021, 9, 2), "Schulden", "nee", None])
    blad.append([datetime(2021, 10, 3), "Huur", "Nee", 1])
    blad.append([None, None, None, None])  # lege regel: telt niet en wordt niet gemeld
    blad.append(["morgen", "Huur", "nee", 1])
    werkmap.save(tmp_path / "export.xlsx")
    (tmp_path / "koppeling.yaml").write_text(KOPPELING, encoding="utf-8")
    doc = _json(cli, tmp_path / "export.xlsx")
    assert _telling(doc) == VERWACHT
    assert doc["niet_gekoppeld"] == [{"onderwerp": "Huur", "aantal": 1}]
    assert [(m["regel"], m["plek"], m["melding"]) for m in doc["niet_meegeteld"]] == [
        (8, "Vragen!A8", "datum 'morgen' is geen datum (schrijf 14-06-2021 of 2021-06-14); deze hulpvraag telt niet mee")
    ]


def test_slechte_regels_met_hun_regelnummer(tmp_path, cli):
    rijen = [
        *RIJEN,
        ("31-02-2022", "Schulden", "nee", "1"),
        ("", "Schulden", "nee", "1"),
        ("4-3-2022", "  ", "nee", "1"),
        ("5-3-2022", "Schulden", "misschien", "veel"),
        ("", "", "", ""),
    ]
    export = _schrijf_csv(tmp_path / "export.csv", ";", "utf-8", rijen)
    code, uit, fout = cli("registratie", export)
    assert code == 0, fout
    assert uit.splitlines()[-6:] == [
        "Niet (helemaal) meegeteld: 5 regel(s)",
        f"  {export}:7: datum '31-02-2022' is geen datum (schrijf 14-06-2021 of 2021-06-14); deze hulpvraag telt niet mee",
        f"  {export}:8: datum is leeg; deze hulpvraag telt niet mee",
        f"  {export}:9: onderwerp is leeg; deze hulpvraag telt niet mee",
        f"  {export}:10: doorverwezen: 'misschien' is geen ja of nee; telt niet mee voor het aandeel doorverwezen",
        f"  {export}:10: uren: 'veel' is geen aantal uren; telt niet mee voor de uren per hulpvraag",
    ]
    # Een regel die niet meetelt is een Fout met zijn Plek, zoals elke andere melding over de invoer.
    from kostenbaten.fouten import Fout, Plek
    from kostenbaten.invoer.registratie import laad_koppeling, lees_registratie

    from kostenbaten.invoer.registratie import standaardkoppeling

    koppelingpad = standaardkoppeling()
    koppeling, fouten = laad_koppeling(koppelingpad)
    assert fouten == []
    registratie, fouten = lees_registratie(export, koppeling, koppelingpad)
    assert fouten == []
    assert all(isinstance(m, Fout) for m in registratie.meldingen)
    assert [m.plek for m in registratie.meldingen] == [Plek(str(export), r) for r in (7, 8, 9, 10, 10)]
    doc = _json(cli, export)
    # Regel 10 telt mee (6 hulpvragen), maar niet voor doorverwijzing en uren.
    assert (doc["hulpvragen"], doc["doorverwezen"]["van"], doc["uren"]["ingevuld"]) == (6, 5, 4)
    assert doc["rechtsgebieden"]["consumentenzaken"] == {"naam": "consumentenzaken", "aantal": 3, "van": 6, "aandeel": "50", "exact": True}
    # 2 van 6 is geen eindige breuk: op vier decimalen in JSON, met exact: false.
    assert doc["rechtsgebieden"]["sociaal_zekerheidsrecht"]["aandeel"] == "33.3333"
    assert doc["rechtsgebieden"]["sociaal_zekerheidsrecht"]["exact"] is False


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("export.csv", "Wanneer;Onderwerp\n1-6-2021;Huur\n",
         "{pad}:1: kolom 'Datum' (datum) ontbreekt; gevonden kolommen: 'Wanneer', 'Onderwerp'. Zet de juiste kolomnaam bij kolommen.datum in {koppeling}"),
        ("export.csv", "Datum;Onderwerp\n", "{pad}: geen enkele hulpvraag gelezen; verwacht na de kopregel één regel per hulpvraag"),
        ("export.csv", "", "{pad}:1: het bestand is leeg"),
        # Werkmappen krijgen dezelfde meldingen als bij de casussenwerkmap en de begroting (invoer.xlsx).
        ("export.xls", "oud", "{pad}: " + xlsx.OPSLAAN_ALS[".xls"]),
        ("export.xlsx", "geen zip", "{pad}: " + xlsx.TEKST),
        ("export.ods", "x", "{pad}: " + xlsx.OPSLAAN_ALS[".ods"]),
        ("ontbreekt.csv", None, "{pad}: bestand bestaat niet"),
    ],
    ids=["kolom", "leeg-na-kop", "leeg", "xls", "geen-xlsx", "ods", "ontbreekt"],
)
def test_harde_fouten_met_code_2(tmp_path, cli, naam, inhoud, melding):
    pad = tmp_path / naam
    if inhoud is not None:
        pad.write_text(inhoud, encoding="utf-8")
    koppeling = tmp_path / "koppeling.yaml"
    koppeling.write_text(KOPPELING, encoding="utf-8")
    code, uit, fout = cli("registratie", pad)
    assert (code, uit) == (2, "")
    assert fout.splitlines() == [melding.format(pad=pad, koppeling=koppeling), "1 fout(en) in de invoer; er is niets berekend."]


def test_koppeling_met_een_onbekend_rechtsgebied(tmp_path, cli):
    export = _schrijf_csv(tmp_path / "export.csv", ";", "utf-8")
    koppeling = tmp_path / "koppeling.yaml"
    koppeling.write_text(KOPPELING.replace("consumentenzaken:", "consumentzaken:"), encoding="utf-8")
    code, uit, fout = cli("registratie", export, "--casussen", HENGELO)
    assert code == 2
    assert fout.splitlines()[0] == (
        f"{koppeling}:8: onderwerpen.consumentzaken: onbekend rechtsgebied 'consumentzaken'; bedoelt u 'consumentenzaken'? (in {HENGELO})"
    )


def test_een_onderwerp_bij_twee_rechtsgebieden(tmp_path, cli):
    export = _schrijf_csv(tmp_path / "export.csv", ";", "utf-8")
    koppeling = tmp_path / "koppeling.yaml"
    koppeling.write_text(KOPPELING.replace("[Schulden,", "[uitkering, Schulden,"), encoding="utf-8")
    code, uit, fout = cli("registratie", export)
    assert code == 2
    assert fout.splitlines()[0] == (
        f"{koppeling}:6: onderwerpen: onderwerp 'uitkering' staat bij sociaal_zekerheidsrecht en bij consumentenzaken; "
        "een onderwerp hoort bij één rechtsgebied"
    )


def test_koppeling_naast_de_export_gaat_voor_en_anders_de_standaard(tmp_path, cli):
    export = _schrijf_csv(tmp_path / "export.csv", ";", "utf-8")
    doc = _json(cli, export)
    # JSON noemt het bestand bij zijn naam (geen map van de machine); de eigen koppeling naast de export ging voor.
    assert (doc["koppeling"], doc["standaardkoppeling"]) == ("koppeling.yaml", False)
    (tmp_path / "koppeling.yaml").unlink()
    doc = _json(cli, export)
    assert doc["standaardkoppeling"] is True
    # De standaardkoppeling kent 'Aankoop' maar niet 'Aankoop café'.
    assert doc["niet_gekoppeld"] == [{"onderwerp": "Aankoop café", "aantal": 1}, {"onderwerp": "Huur", "aantal": 1}]


def test_voorbeeldregistratie_is_reproduceerbaar_en_windows_1252():
    tekst = VOORBEELD.read_bytes()
    assert tekst == voorbeeldregistratie.tekst()
    with pytest.raises(UnicodeDecodeError):
        tekst.decode("utf-8")  # 'cliënt' in Windows-1252, zoals Excel het schrijft
    assert tekst.startswith(b"Datum;Onderwerp;")


def test_voorbeeldregistratie_geeft_de_cijfers_van_de_pilot(cli):
    doc = _json(cli, VOORBEELD, "--casussen", HENGELO)
    pilot = yaml.safe_load((HENGELO / "pilot.yaml").read_text(encoding="utf-8"))
    plan = voorbeeldregistratie.ONDERWERPEN
    totaal = sum(sum(per.values()) for per in plan.values())
    assert doc["hulpvragen"] == totaal == pilot["hulpvragen"] == 300
    assert (doc["periode"]["van"], doc["periode"]["tot"]) == (str(pilot["periode"]["van"]), str(pilot["periode"]["tot"]))
    assert {k: v["aantal"] for k, v in doc["rechtsgebieden"].items()} == {k: sum(plan[k].values()) for k in pilot["rechtsgebieden"]}
    # De aandelen die de tool telt, zijn die van pilot.yaml: 33, 20 en 13%.
    assert {k: v["aandeel"] for k, v in doc["rechtsgebieden"].items()} == {k: str(g["aandeel"]) for k, g in pilot["rechtsgebieden"].items()}
    assert [(n["onderwerp"], n["aantal"]) for n in doc["niet_gekoppeld"]] == sorted(plan[None].items(), key=lambda x: -x[1])
    assert doc["opgelost_zonder_doorverwijzing"] == {"aantal": voorbeeldregistratie.OPGELOST_ZONDER_DOORVERWIJZING, "van": 300, "aandeel": "86", "exact": True}
    assert doc["doorverwezen"]["aantal"] == 300 - voorbeeldregistratie.OPGELOST_ZONDER_DOORVERWIJZING
    assert doc["opgelost"]["aantal"] == voorbeeldregistratie.OPGELOST_ZONDER_DOORVERWIJZING + voorbeeldregistratie.DOORVERWEZEN_EN_OPGELOST
    # Uren rondgaand 0,5 1 1 1,5 2 (gemiddeld 6 / 5 = 1,2) over 300 hulpvragen: 360.
    assert doc["uren"] == {"som": "360", "ingevuld": 300, "per_hulpvraag": "1.2000"}
    assert doc["niet_meegeteld"] == []


def test_variant_uit_de_registratie_rekent_als_de_pilot(tmp_path, cli):
    variant = tmp_path / "hengelo-eigen.yaml"
    code, uit, fout = cli("registratie", VOORBEELD, "--casussen", HENGELO, "--variant", variant)
    assert code == 0, fout
    assert fout == f"Geschreven: {variant}\n"
    inhoud = yaml.safe_load(variant.read_text(encoding="utf-8"))
    # De geregistreerde uren gaan mee: 360 uur bij 300 hulpvragen = 1,2 uur per hulpvraag.
    assert inhoud["pilot"] == {"periode": {"van": date(2021, 6, 1), "tot": date(2022, 6, 30)}, "hulpvragen": 300, "uren_per_hulpvraag": 1.2}
    # De aantallen zelf (300 x 33% = 99, 300 x 20% = 60, 300 x 13% = 39), geen aandelen.
    assert inhoud["rechtsgebieden"] == {
        "sociaal_zekerheidsrecht": {"hulpvragen": 99}, "consumentenzaken": {"hulpvragen": 60}, "belastingrecht": {"hulpvragen": 39}
    }
    # De voorbeeldregistratie heeft de aantallen van de pilot: de variant rekent dus exact als Hengelo.
    code, uit, fout = cli("bereken", variant, "--formaat", "json")
    assert code == 0, fout
    eigen = json.loads(uit)
    hengelo = json.loads(cli("bereken", HENGELO, "--formaat", "json")[1])
    assert eigen["pilot"] == "Hengelo, eigen registratie"
    assert eigen["extrapolatie"] == hengelo["extrapolatie"]
    # Het maatschappelijk saldo rekent met de geregistreerde uren: 1,2 x 300 x € 120 = € 43.200 aan kosten,
    # dus 84.282 - 43.200 = 41.082 (met het gemiddelde van de casussen: 240 x 300 = 72.000).
    saldo = eigen["maatschappelijk"]["rapport"]
    assert (saldo["kosten"]["route"], saldo["kosten"]["totaal"], saldo["saldo"]) == ("registratie", "43200", "41082")
    assert hengelo["maatschappelijk"]["rapport"]["kosten"]["route"] == "casussen"
    # Niet overschrijven zonder --overschrijf.
    code, uit, fout = cli("registratie", VOORBEELD, "--casussen", HENGELO, "--variant", variant)
    assert code == 2 and f"{variant}: bestand bestaat al; gebruik --overschrijf om het te vervangen" in fout
    assert cli("registratie", VOORBEELD, "--casussen", HENGELO, "--variant", variant, "--overschrijf")[0] == 0


def test_variant_zonder_casussenmap(tmp_path, cli):
    export = _schrijf_csv(tmp_path / "export.csv", ";", "utf-8")
    code, uit, fout = cli("registratie", export, "--variant", tmp_path / "v.yaml")
    assert (code, fout) == (2, "Fout: --variant: geef met --casussen de casussenmap waarop de variant voortbouwt.\n")


def test_nieuw_registratie_variant_bereken(tmp_path, cli):
    """De route van een eigen bibliotheek: export naast de koppeling van `nieuw`; een rechtsgebied zonder casus telt als rest."""
    map_ = tmp_path / "mijnstad"
    assert cli("nieuw", map_)[0] == 0
    export = map_ / "registratie" / "export.csv"
    export.write_bytes(VOORBEELD.read_bytes())
    variant = tmp_path / "mijnstad-eigen.yaml"
    code, uit, fout = cli("registratie", export, "--variant", variant)
    assert code == 0, fout
    assert f"Koppeling: {map_ / 'registratie' / 'koppeling.yaml'}" in uit
    # De voorbeeldcasus van `nieuw` is sociaal zekerheidsrecht; de andere twee hebben nog geen casus.
    assert fout.splitlines()[1:] == [
        f"Let op: Consumentenzaken (60 van 300 hulpvragen) heeft nog geen casus in {map_}; in de variant is het aandeel 0 tot er een casus is.",
        f"Let op: Belastingrecht (39 van 300 hulpvragen) heeft nog geen casus in {map_}; in de variant is het aandeel 0 tot er een casus is.",
    ]
    code, uit, fout = cli("bereken", variant, "--formaat", "json")
    assert code == 0, fout
    assert json.loads(uit)["extrapolatie"][0]["gedekt"] == "99"  # 300 x 33%


def test_standaardkoppeling_voldoet_aan_haar_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schema" / "koppeling.schema.json").read_text(encoding="utf-8"))
    koppeling = yaml.safe_load((ROOT / "src" / "kostenbaten" / "sjablonen" / "nieuw" / "koppeling.yaml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(koppeling)
    assert not jsonschema.Draft202012Validator(schema).is_valid({**koppeling, "kolommen": {"datum": "Datum"}})


def test_koppeling_en_export_ontbreken_samen(tmp_path, cli):
    code, uit, fout = cli("registratie", tmp_path / "export.csv", "--koppeling", tmp_path / "koppeling.yaml")
    assert (code, uit) == (2, "")
    assert fout.splitlines() == [
        f"{tmp_path / 'export.csv'}: bestand bestaat niet",
        f"{tmp_path / 'koppeling.yaml'}: koppeling niet gevonden; geef een bestaand bestand met --koppeling",
        "2 fout(en) in de invoer; er is niets berekend.",
    ]


@pytest.mark.libreoffice
def test_voorbeeldregistratie_geopend_en_bewaard_in_libreoffice(tmp_path, cli):
    """Zoals een gebruiker doet: de CSV openen in een spreadsheet (Nederlands, Windows-1252) en als .xlsx bewaren."""
    import subprocess

    from libreoffice import vereis_libreoffice

    profiel = tmp_path / "profiel"
    subprocess.run(
        [
            vereis_libreoffice(), f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--norestore", "--nolockcheck",
            # puntkomma (59), aanhalingsteken (34), Windows-1252, vanaf regel 1, taal nl-NL (1043) voor de datums
            "--infilter=CSV:59,34,1252,1,,1043", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(VOORBEELD),
        ],
        capture_output=True, timeout=180,
    )
    werkmap = tmp_path / "voorbeeldregistratie.xlsx"
    assert werkmap.is_file()
    from openpyxl import load_workbook

    assert isinstance(load_workbook(werkmap, read_only=True).active["A2"].value, datetime)  # echte datumcellen
    uit_csv, uit_werkmap = _json(cli, VOORBEELD, "--casussen", HENGELO), _json(cli, werkmap, "--casussen", HENGELO)
    # Het gelezen blad staat erbij (een CSV heeft er geen); verder is alles gelijk.
    assert (uit_csv.pop("blad"), uit_werkmap.pop("blad")) == (None, "voorbeeldregistratie")
    for doc in (uit_csv, uit_werkmap):
        del doc["bestand"]
    assert uit_werkmap == uit_csv


def test_variant_met_stuurtekens_in_een_onderwerp_is_weer_te_lezen(tmp_path, cli):
    """Een onderwerp uit de export met een ESC-reeks (klembord schrijven), een richtingteken en een regeleinde
    komt zichtbaar gemaakt in het commentaar van de variant: geen rauw teken, en de variant leest weer in."""
    vreemd = "Huur\x1b]52;c;aGFsbG8=\x07 \u202eerhuur\nregel twee"
    export = _schrijf_csv(tmp_path / "export.csv", ";", "utf-8", [*RIJEN, ("4-10-2021", vreemd, "nee", "1")])
    variant = tmp_path / "eigen.yaml"
    code, uit, fout = cli("registratie", export, "--casussen", HENGELO, "--variant", variant)
    assert code == 0, fout
    tekst = variant.read_text(encoding="utf-8")
    assert "\x1b" not in tekst and "\x07" not in tekst and "\u202e" not in tekst
    # (de lezer maakt van elk wit, ook het regeleinde, één spatie)
    assert "#   Huur\\x1b]52;c;aGFsbG8=\\x07 \\u202eerhuur regel twee: 1" in tekst.splitlines()
    # Met de hand: 5 + 1 = 6 hulpvragen; niet gekoppeld zijn Huur (1) en het vreemde onderwerp (1).
    inhoud = yaml.safe_load(tekst)
    assert inhoud["pilot"]["hulpvragen"] == 6
    code, uit, fout = cli("bereken", variant, "--formaat", "json")
    assert code == 0, fout
