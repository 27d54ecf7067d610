"""`kostenbaten monitor` en de lezer van de registratie, tegen tellingen die de test zelf uit de CSV maakt."""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from conftest import ROOT

VOORBEELD = ROOT / "templates" / "voorbeeldregistratie.csv"
OOST = ROOT / "templates" / "voorbeeldregistratie-oost.csv"
KAART = ROOT / "src" / "kostenbaten" / "sjablonen" / "nieuw" / "monitor.yaml"


def _json(cli, *args):
    code, uit, fout = cli(*args, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


def _kwartaal(datum: str) -> str:
    dag, maand, jaar = (int(x) for x in datum.split("-"))
    return f"{jaar}-K{(maand - 1) // 3 + 1}"


def _rijen(pad, codering):
    with open(pad, encoding=codering, newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def test_voorbeeldregistratie_per_kwartaal(cli):
    rijen = _rijen(VOORBEELD, "cp1252")
    per = defaultdict(list)
    for r in rijen:
        per[_kwartaal(r["Datum"])].append(r)
    doc = _json(cli, "monitor", VOORBEELD, "--per", "kwartaal", "--bibliotheek", "Hengelo")
    (b,) = doc["bibliotheken"]
    assert [p["periode"] for p in b["perioden"]] == sorted(per)
    vorige = None
    for p in b["perioden"]:
        eigen = per[p["periode"]]
        assert p["hulpvragen"] == len(eigen)
        assert p["opgelost"] == {"ja": sum(r["Opgelost"] == "ja" for r in eigen), "ingevuld": len(eigen)}
        assert p["doorverwezen"] == {"ja": sum(r["Doorverwezen"] == "ja" for r in eigen), "ingevuld": len(eigen)}
        uren = sum(Decimal(r["Uren"].replace(",", ".")) for r in eigen)
        assert Decimal(p["uren"]["som"]) == uren and p["uren"]["ingevuld"] == len(eigen)
        assert dict((o["onderwerp"], o["aantal"]) for o in p["onderwerpen"]) == Counter(r["Onderwerp"] for r in eigen)
        if vorige is not None:
            assert p["verandering"]["hulpvragen"] == str(len(eigen) - len(per[vorige]))
        vorige = p["periode"]
    assert b["totaal"]["hulpvragen"] == 300
    # 99 + 60 + 39 gekoppeld (zie tests/voorbeeldregistratie.py), 102 zonder rechtsgebied.
    assert [(r["rechtsgebied"], r["aantal"]) for r in b["totaal"]["rechtsgebieden"]] == [
        ("sociaal_zekerheidsrecht", 99), ("consumentenzaken", 60), ("belastingrecht", 39), ("", 102)
    ]
    assert doc["dubbel"] == []


def test_tweede_bibliotheek_met_dossiers_klanten_doelgroepen_en_cijfers(cli):
    rijen = _rijen(OOST, "utf-8-sig")
    # Per dossier de eerste regel: dat is de hulpvraag; elke regel is een contact.
    eerste = {}
    contacten = Counter()
    uren = defaultdict(Decimal)
    for r in rijen:
        eerste.setdefault(r["Dossier"], r)
        contacten[r["Dossier"]] += 1
        uren[r["Dossier"]] += Decimal(r["Uren"].replace(",", "."))
    per = defaultdict(list)
    for d, r in eerste.items():
        per[_kwartaal(r["Datum"])].append(d)
    doc = _json(cli, "monitor", OOST, "--bibliotheek", "Oost")
    (b,) = doc["bibliotheken"]
    for p in b["perioden"]:
        dossiers = per[p["periode"]]
        assert p["hulpvragen"] == len(dossiers)
        assert p["contacten"] == sum(contacten[d] for d in dossiers)
        assert p["clienten"] == len({eerste[d]["Klantnummer"] for d in dossiers})
        assert Decimal(p["uren"]["som"]) == sum(uren[d] for d in dossiers)
        cijfers = Counter(Decimal(eerste[d]["Tevredenheid"]) for d in dossiers if eerste[d]["Tevredenheid"])
        assert [(Decimal(c["cijfer"]), c["aantal"]) for c in p["tevredenheid"]["verdeling"]] == sorted(cijfers.items())
        assert p["tevredenheid"]["respons"] == sum(cijfers.values())
        naar = Counter(eerste[d]["Doorverwezen"] for d in dossiers if eerste[d]["Doorverwezen"])
        assert {o["organisatie"]: o["aantal"] for o in p["doorverwezen_naar"]} == naar
        wijk = Counter(eerste[d]["Wijk"] for d in dossiers)
        assert {w["waarde"]: w["aantal"] for w in p["doelgroepen"]["wijk"]} == wijk
    t = b["totaal"]
    assert (t["hulpvragen"], t["contacten"]) == (len(eerste), len(rijen))
    netwerk = Counter((r["Verwezen door"], r["Doorverwezen"]) for r in eerste.values() if r["Doorverwezen"])
    assert {(n["van"], n["naar"]): n["aantal"] for n in t["netwerk"]} == netwerk
    # Gemiddelde tevredenheid: som van de cijfers / aantal gegeven cijfers.
    gegeven = [Decimal(r["Tevredenheid"]) for r in eerste.values() if r["Tevredenheid"]]
    assert Decimal(t["kerncijfers"]["tevredenheid_gemiddeld"]) == (sum(gegeven) / len(gegeven)).quantize(Decimal("0.0001"))


def test_twee_exports_met_overlappende_maanden_tellen_elke_hulpvraag_eens(tmp_path, cli):
    tekst = VOORBEELD.read_bytes().decode("cp1252").splitlines(keepends=True)
    kop, rijen = tekst[0], tekst[1:]
    # Deel 1: rij 1-200, deel 2: rij 151-300; rij 151-200 staan in beide.
    (tmp_path / "deel1.csv").write_bytes((kop + "".join(rijen[:200])).encode("cp1252"))
    (tmp_path / "deel2.csv").write_bytes((kop + "".join(rijen[150:])).encode("cp1252"))
    doc = _json(cli, "monitor", tmp_path / "deel1.csv", tmp_path / "deel2.csv", "--bibliotheek", "Hengelo")
    (b,) = doc["bibliotheken"]
    assert b["totaal"]["hulpvragen"] == 300
    assert [(d["bestand"].endswith("deel2.csv"), d["aantal"]) for d in doc["dubbel"]] == [(True, 50)]
    # Twee bibliotheken met dezelfde rijen zijn geen dubbelen.
    doc = _json(cli, "monitor", tmp_path / "deel1.csv", tmp_path / "deel2.csv", "--bibliotheek", "A", "--bibliotheek", "B")
    assert [b["totaal"]["hulpvragen"] for b in doc["bibliotheken"]] == [200, 150]
    assert doc["dubbel"] == []


def test_twee_gelijke_rijen_in_een_export_blijven_twee(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_text("Datum;Onderwerp\n1-6-2021;Huur\n1-6-2021;Huur\n", encoding="utf-8")
    doc = _json(cli, "monitor", pad, pad, "--bibliotheek", "X")
    assert doc["bibliotheken"][0]["totaal"]["hulpvragen"] == 2
    assert doc["dubbel"][0]["aantal"] == 2


def test_uitkomstenkaart_gehaald_en_niet_te_berekenen(cli):
    doc = _json(cli, "monitor", OOST, "--bibliotheek", "Oost", "--kaart", KAART)
    (kaart,) = doc["uitkomstenkaart"]
    per = {i["naam"]: i for i in kaart["indicatoren"]}
    rijen = _rijen(OOST, "utf-8-sig")
    eerste = {}
    for r in rijen:
        eerste.setdefault(r["Dossier"], r)
    per_kw = Counter(_kwartaal(r["Datum"]) for r in eerste.values())
    hulp = per["Hulpvragen per periode"]  # doel minstens 60
    assert [(s["periode"], s["gehaald"]) for s in hulp["perioden"]] == [(k, n >= 60) for k, n in sorted(per_kw.items())]
    handmatig = per["Bezoekers die zich na het gesprek geholpen voelen (%, enquête)"]
    assert handmatig["getoetst"] == 0
    assert "Bezoekers die zich na het gesprek geholpen voelen (%, enquête)" in [n["indicator"] for n in kaart["niet_te_berekenen"]]
    # De voorbeeldregistratie heeft geen kolom tevredenheid: die indicator is niet te berekenen.
    doc = _json(cli, "monitor", VOORBEELD, "--bibliotheek", "Hengelo", "--kaart", KAART)
    namen = [n["indicator"] for n in doc["uitkomstenkaart"][0]["niet_te_berekenen"]]
    assert "Gemiddelde tevredenheid (cijfer)" in namen


def test_monitor_als_werkmap(tmp_path, cli):
    from openpyxl import load_workbook

    doel = tmp_path / "m.xlsx"
    code, _, fout = cli("monitor", OOST, "--bibliotheek", "Oost", "--kaart", KAART, "--xlsx", doel)
    assert code == 0, fout
    wb = load_workbook(doel)
    assert {"Kerncijfers", "Rechtsgebieden", "Netwerk", "Tevredenheid", "Uitkomstenkaart"} <= set(wb.sheetnames)
    totaal = [r for r in wb["Kerncijfers"].iter_rows(values_only=True) if r[1] == "Totaal"]
    assert totaal[0][2] == 180


# -- de lezer: CSV zoals mensen hem exporteren -----------------------------------


def _registratie(cli, pad, *args):
    return cli("registratie", pad, *args, "--formaat", "json")


def test_doorverwijzing_met_namen_van_organisaties(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_text("Datum;Onderwerp;Doorverwezen\n1-6-2021;Huur;Juridisch Loket\n2-6-2021;Huur;\n3-6-2021;Werk;juridisch  loket\n4-6-2021;Werk;Advocaat\n",
                   encoding="utf-8")
    code, uit, fout = _registratie(cli, pad)
    assert code == 0, fout
    doc = json.loads(uit)
    # 3 van 4 doorverwezen (leeg: niet doorverwezen); per organisatie, hoofdletters en spaties tellen niet.
    assert (doc["doorverwezen"]["aantal"], doc["doorverwezen"]["van"]) == (3, 4)
    assert doc["doorverwezen_naar"] == [{"organisatie": "Juridisch Loket", "aantal": 2}, {"organisatie": "Advocaat", "aantal": 1}]
    assert doc["niet_meegeteld"] == []


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("Datum;Onderwerp;Onderwerp\n1-6-2021;Huur;Werk\n", "kolomnaam 'Onderwerp' staat twee keer in de kopregel"),
    ],
)
def test_kopregel_fouten(tmp_path, cli, inhoud, melding):
    pad = tmp_path / "e.csv"
    pad.write_text(inhoud, encoding="utf-8")
    code, uit, fout = _registratie(cli, pad)
    assert code == 2 and melding in fout


def test_afwijkend_aantal_velden_met_decimale_komma(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_text("Datum,Onderwerp,Uren\n1-6-2021,Huur,1\n2-6-2021,Huur,0,5\n", encoding="utf-8")
    code, uit, fout = _registratie(cli, pad)
    assert code == 0, fout
    doc = json.loads(uit)
    assert doc["hulpvragen"] == 1
    (m,) = doc["niet_meegeteld"]
    assert m["regel"] == 3 and "4 velden en de kopregel 3" in m["melding"] and "decimale komma" in m["melding"]


def test_afwijkende_rijen_tussen_gewone_met_hun_regel(tmp_path, cli):
    """Gewone rijen worden per reeks met dezelfde datum geteld; de afwijkende (ook na een veld over twee regels) per rij, met hun regel."""
    regels = ["Datum;Onderwerp;Uren"]
    regels += [f"{1 + i // 50}-6-2021;Huur;1" for i in range(200)]  # regel 2-201: 200 hulpvragen op 4 dagen
    regels += ['5-6-2021;"Huur\nen werk";2']  # regel 202-203: één hulpvraag, één veld over twee regels
    regels += ["5-6-2021;Huur"]  # regel 204: te weinig velden
    regels += ["", ";;"]  # regel 205 en 206: leeg, tellen niet en worden niet gemeld
    regels += [f"6-6-2021;Werk;1,5" for _ in range(30)]  # regel 207-236
    regels += ["6-6-2021;Werk;1;x"]  # regel 237: te veel velden
    regels += ["6-6-2021;Werk;1;"]  # regel 238: een leeg veld achteraan telt gewoon
    pad = tmp_path / "e.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    code, uit, fout = _registratie(cli, pad)
    assert code == 0, fout
    doc = json.loads(uit)
    assert doc["hulpvragen"] == 200 + 1 + 30 + 1
    assert [(m["regel"], m["melding"].split(";")[0]) for m in doc["niet_meegeteld"]] == [
        (204, "deze regel heeft 2 velden en de kopregel 3"), (237, "deze regel heeft 4 velden en de kopregel 3"),
    ]
    # Uren: 200 x 1 + 2 + 30 x 1,5 + 1 = 248 over 232 hulpvragen.
    assert (doc["uren"]["som"], doc["uren"]["ingevuld"]) == ("248", 232)
    assert doc["niet_gekoppeld"] == [{"onderwerp": "Huur", "aantal": 200}, {"onderwerp": "Werk", "aantal": 31}, {"onderwerp": "Huur en werk", "aantal": 1}]


def test_nul_in_een_veld_telt_als_gewoon_teken(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_bytes(b"Datum;Onderwerp;Uren\n1-6-2021;Hu\x00ur;1\n1-6-2021;Huur;1\n2-6-2021;Hu\x00ur;1\n")
    doc = json.loads(_registratie(cli, pad)[1])
    assert doc["hulpvragen"] == 3
    assert doc["niet_gekoppeld"] == [{"onderwerp": "Hu\\x00ur", "aantal": 2}, {"onderwerp": "Huur", "aantal": 1}]


def test_gemengde_codering_per_regel_met_de_regel_genoemd(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_bytes("Datum;Onderwerp\n1-6-2021;Toeslag één ouder\n".encode() + "2-6-2021;Toeslag één ouder\n".encode("cp1252"))
    (tmp_path / "koppeling.yaml").write_text("kolommen: {datum: Datum, onderwerp: Onderwerp}\nonderwerpen:\n  belastingrecht: [Toeslag één ouder]\n", encoding="utf-8")
    doc = json.loads(_registratie(cli, pad)[1])
    assert doc["rechtsgebieden"]["belastingrecht"]["aantal"] == 2
    (w,) = doc["waarschuwingen"]
    assert w["regel"] == 3 and "gemengde tekencodering" in w["melding"]


def test_utf16_zonder_bom(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_bytes("Datum;Onderwerp\r\n1-6-2021;Huur\r\n2-6-2021;Café\r\n".encode("utf-16-le"))
    doc = json.loads(_registratie(cli, pad)[1])
    assert doc["hulpvragen"] == 2
    assert {n["onderwerp"] for n in doc["niet_gekoppeld"]} == {"Huur", "Café"}


def test_alleen_cr_en_lf_beeindigen_een_regel(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_text('Datum;Onderwerp\n1-6-2021;"Huur\u2028en\x0cwerk"\n', encoding="utf-8")
    doc = json.loads(_registratie(cli, pad)[1])
    assert doc["hulpvragen"] == 1
    # Eén regel, niet drie; binnen het onderwerp tellen U+2028 en de form feed als spatie.
    assert doc["niet_gekoppeld"] == [{"onderwerp": "Huur en werk", "aantal": 1}]


@pytest.mark.parametrize("uren", ["1e6", "1_000", "\u0661", "\uff11", "41", "1e999999999"])
def test_onaannemelijke_uren(tmp_path, cli, uren):
    pad = tmp_path / "e.csv"
    pad.write_text(f"Datum;Onderwerp;Uren\n1-6-2021;Huur;{uren}\n2-6-2021;Huur;1\n", encoding="utf-8")
    code, uit, fout = _registratie(cli, pad)
    assert code == 0, fout
    doc = json.loads(uit)
    assert doc["uren"] == {"som": "1", "ingevuld": 1, "per_hulpvraag": "1.0000"}
    assert [m["regel"] for m in doc["niet_meegeteld"]] == [2]


@pytest.mark.parametrize("datum", ["1-1-0001", "31-12-9999", "1-1-1989"])
def test_onaannemelijke_datum(tmp_path, cli, datum):
    pad = tmp_path / "e.csv"
    pad.write_text(f"Datum;Onderwerp\n{datum};Huur\n2-6-2021;Huur\n", encoding="utf-8")
    doc = json.loads(_registratie(cli, pad)[1])
    assert (doc["hulpvragen"], doc["periode"]["dagen"]) == (1, 1)
    assert "ligt niet tussen" in doc["niet_meegeteld"][0]["melding"]


def test_alleen_gewone_bestanden(tmp_path, cli):
    import os

    pijp = tmp_path / "pijp.csv"
    os.mkfifo(pijp)
    (tmp_path / "nul.csv").symlink_to("/dev/zero")
    for pad in (pijp, tmp_path / "nul.csv"):
        code, uit, fout = _registratie(cli, pad)
        assert code == 2 and "geen gewoon bestand" in fout


def test_escape_reeks_bereikt_de_terminal_niet(tmp_path, cli):
    pad = tmp_path / "e.csv"
    pad.write_text("Datum;Onderwerp\n1-6-2021;\"\x1b]52;c;aGFjaw==\x07Huur\"\n", encoding="utf-8")
    code, uit, fout = cli("registratie", pad)
    assert code == 0 and "\x1b" not in uit and "\\x1b" in uit


def test_werkmap_actief_zichtbaar_blad_en_blad_optie(tmp_path, cli):
    from openpyxl import Workbook

    wb = Workbook()
    verborgen = wb.active
    verborgen.title = "Oud"
    verborgen.append(["Datum", "Onderwerp"])
    verborgen.append(["1-6-2020", "Huur"])
    verborgen.sheet_state = "hidden"
    blad = wb.create_sheet("Vragen")
    blad.append(["Datum", "Onderwerp"])
    blad.append(["1-6-2021", "Huur"])
    blad.append(["2-6-2021", "Werk"])
    blad["B4"] = "=B2"  # een formule zonder opgeslagen uitkomst
    blad["A4"] = "3-6-2021"
    wb.active = 1
    wb.save(tmp_path / "e.xlsx")
    doc = json.loads(_registratie(cli, tmp_path / "e.xlsx")[1])
    assert (doc["blad"], doc["hulpvragen"]) == ("Vragen", 2)
    assert "verborgen blad(en) niet gelezen: 'Oud'" in doc["waarschuwingen"][0]["melding"]
    (m,) = doc["niet_meegeteld"]
    assert m["plek"] == "Vragen!B4" and "formule (=B2) zonder opgeslagen uitkomst" in m["melding"]
    doc = json.loads(_registratie(cli, tmp_path / "e.xlsx", "--blad", "Oud")[1])
    assert (doc["blad"], doc["hulpvragen"]) == ("Oud", 1)
    code, _, fout = _registratie(cli, tmp_path / "e.xlsx", "--blad", "Nieuw")
    assert code == 2 and "geen blad 'Nieuw'" in fout


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        # Dezelfde meldingen als elke werkmaplezer (invoer.xlsx).
        (b"Datum;Onderwerp\n1-6-2021;Huur\n", "dit is een tekstbestand (bijvoorbeeld CSV), geen Excel-werkmap"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "met een wachtwoord versleuteld"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oude Excel-formaat (.xls), ook al heet hij anders"),
        (b"PK\x03\x04" + b"\x00" * 50, "beschadigd of onvolledig"),
    ],
    ids=["csv", "wachtwoord", "xls", "afgebroken"],
)
def test_onleesbare_werkmappen(tmp_path, cli, inhoud, melding):
    pad = tmp_path / "e.xlsx"
    pad.write_bytes(inhoud)
    code, uit, fout = _registratie(cli, pad)
    assert code == 2 and melding in fout, fout


def test_afgebroken_werkmap_halverwege(tmp_path, cli):
    from openpyxl import Workbook

    wb = Workbook()
    for i in range(2000):
        wb.active.append(["1-6-2021" if i else "Datum", "Huur" if i else "Onderwerp"])
    wb.save(tmp_path / "heel.xlsx")
    data = (tmp_path / "heel.xlsx").read_bytes()
    (tmp_path / "e.xlsx").write_bytes(data[: len(data) * 2 // 3])
    code, uit, fout = _registratie(cli, tmp_path / "e.xlsx")
    # Dezelfde melding als elke werkmaplezer (invoer.xlsx).
    assert code == 2 and "beschadigd of onvolledig" in fout, fout


def _werkmap_met_twee_bladen(pad):
    """Blad 'Oud' (verborgen, één hulpvraag in 2020) en 'Vragen' (actief, twee hulpvragen in 2021)."""
    from openpyxl import Workbook

    wb = Workbook()
    oud = wb.active
    oud.title = "Oud"
    oud.append(["Datum", "Onderwerp"])
    oud.append(["1-6-2020", "Huur"])
    oud.sheet_state = "hidden"
    blad = wb.create_sheet("Vragen")
    blad.append(["Datum", "Onderwerp"])
    blad.append(["1-6-2021", "Huur"])
    blad.append(["2-6-2021", "Werk"])
    wb.active = 1
    wb.save(pad)
    return pad


def test_blad_van_een_werkmap_zoals_bij_registratie(tmp_path, cli):
    werkmap = _werkmap_met_twee_bladen(tmp_path / "e.xlsx")
    # Standaard het actieve zichtbare blad: twee hulpvragen in 2021-K2.
    doc = _json(cli, "monitor", werkmap, "--bibliotheek", "X")
    assert [(p["periode"], p["hulpvragen"]) for p in doc["bibliotheken"][0]["perioden"]] == [("2021-K2", 2)]
    doc = _json(cli, "monitor", werkmap, "--bibliotheek", "X", "--blad", "Oud")
    assert [(p["periode"], p["hulpvragen"]) for p in doc["bibliotheken"][0]["perioden"]] == [("2020-K2", 1)]
    # Eén keer --blad geldt voor elke werkmap; de CSV ernaast heeft geen bladen en telt gewoon (300 hulpvragen).
    doc = _json(cli, "monitor", werkmap, VOORBEELD, "--bibliotheek", "X", "--bibliotheek", "Hengelo", "--blad", "Oud")
    assert [b["totaal"]["hulpvragen"] for b in doc["bibliotheken"]] == [1, 300]
    # Per export: in dezelfde volgorde.
    doc = _json(cli, "monitor", werkmap, werkmap, "--bibliotheek", "A", "--bibliotheek", "B", "--blad", "Oud", "--blad", "Vragen")
    assert [b["totaal"]["hulpvragen"] for b in doc["bibliotheken"]] == [1, 2]


def test_blad_meldingen_zoals_bij_registratie(tmp_path, cli):
    werkmap = _werkmap_met_twee_bladen(tmp_path / "e.xlsx")
    code, _, fout = cli("monitor", werkmap, "--blad", "Nieuw")
    assert code == 2 and f"{werkmap}: --blad: geen blad 'Nieuw' in deze werkmap; er zijn: 'Oud', 'Vragen'" in fout, fout
    code, _, fout = cli("monitor", VOORBEELD, "--blad", "Oud")
    assert code == 2 and "--blad: een CSV-bestand heeft geen bladen" in fout, fout
    code, _, fout = cli("monitor", werkmap, werkmap, werkmap, "--blad", "Oud", "--blad", "Vragen")
    assert code == 2 and "geef --blad één keer (voor alle exports) of 3 keer" in fout, fout


def test_een_export_per_maand_telt_elke_maand_en_noemt_de_echte_eerste_en_laatste_dag(cli, tmp_path):
    # Eén export zonder kolom id wordt per maand gelezen (zuiniger); de dagen binnen een maand tellen toch
    # elk mee, en de periode bovenaan noemt de dag zelf, niet de eerste van de maand.
    rijen = _rijen(VOORBEELD, "cp1252")
    kop = list(rijen[0])
    gekozen = [dict(rijen[0], Datum="3-3-2022"), dict(rijen[0], Datum="17-3-2022"), dict(rijen[1], Datum="28-4-2022")]
    export = tmp_path / "drie.csv"
    with open(export, "w", encoding="cp1252", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kop, delimiter=";")
        schrijver.writeheader()
        schrijver.writerows(gekozen)
    doc = _json(cli, "monitor", export, "--per", "maand", "--bibliotheek", "Hengelo")
    assert doc["periode"] == {"van": "2022-03-03", "tot": "2022-04-28"}
    (b,) = doc["bibliotheken"]
    assert [(p["periode"], p["hulpvragen"]) for p in b["perioden"]] == [("2022-03", 2), ("2022-04", 1)]
    uren_maart = 2 * Decimal(rijen[0]["Uren"].replace(",", "."))
    assert Decimal(b["perioden"][0]["uren"]["som"]) == uren_maart
