"""De begroting: bekende uitkomsten met de hand nagerekend, de opdrachtregel en foute invoer."""

from __future__ import annotations

import json
import shutil
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opdrachtregel import HENGELO, VOORBEELD, draai  # noqa: F401 - draai is een fixture
from kostenbaten.berekening.begroting import bereken_begroting
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.fouten import InvoerFouten
from kostenbaten.geld import deel
from kostenbaten.invoer.begroting import laad_begroting

D = Decimal


def _voorbeeld(methode: str | None = None):
    invoer = laad_begroting(VOORBEELD)
    begroting = invoer.begroting
    if methode:
        begroting = begroting.model_copy(update={"kba_methode": methode})
    kba = bereken_pilot(invoer.project.pilot, invoer.project.casussen)
    return bereken_begroting(begroting, kba)


def test_voorbeeldbegroting_kosten_met_de_hand():
    u = _voorbeeld()
    # uren per week x 46 weken x tarief
    assert [r.bedrag for r in u.van_soort("personeel")] == [6 * 46 * 80, 3 * 46 * 80, 3 * 46 * 50, 1 * 46 * 50, D("0.3") * 46 * 90]
    # (6 + 3) SJD-uren x 46 weken x € 30 projectkosten en € 10 servicekosten
    assert [r.bedrag for r in u.van_soort("per_sjd_uur")] == [9 * 46 * 30, 9 * 46 * 10]
    assert [r.bedrag for r in u.van_soort("eenmalig")] == [10000, 150, 500]
    assert u.structureel == 22080 + 11040 + 6900 + 2300 + 1242 + 12420 + 4140 == 60122
    assert u.eenmalig == 10650
    assert u.totaal == 70772
    assert u.kosten_per_hulpvraag == deel(D(70772), 300)
    per_betaler = {b.betaler: (b.structureel, b.eenmalig) for b in u.per_betaler()}
    assert per_betaler == {
        "bibliotheek": (6900 + 2300 + 1242 + 4140, 150),
        "sjd_organisatie": (12420, 500),
        "gemeente": (22080 + 11040, 10000),
    }


def test_voorbeeldbegroting_baten_methode_rapport():
    u = _voorbeeld()
    # baten (niet netto) van de zes casussen: 1.614 + 0 + 1.280 + 0 + 830 + 1.218 = 4.942
    assert {g.baten_per_casus for g in u.baten.gebieden} == {deel(D(4942), 6)}
    assert u.baten.dekking == 66
    assert abs(u.baten_per_hulpvraag - deel(D(4942) * 66, 600)) < D('1e-40')
    assert u.verwachte_baten == 4942 * 33 == 163086
    assert u.netto == 163086 - 70772
    assert u.verhouding.quantize(D("0.0001")) == (D(163086) / 70772).quantize(D("0.0001"))
    assert u.omslagpunt_exact.quantize(D("0.01")) == D("130.19")
    assert u.omslagpunt == 131


def test_voorbeeldbegroting_baten_methode_gewogen():
    u = _voorbeeld("gewogen")
    # per rechtsgebied het eigen gemiddelde: (1.614 + 0) / 2, (1.280 + 0) / 2, (830 + 1.218) / 2
    assert [g.baten_per_casus for g in u.baten.gebieden] == [807, 640, 1024]
    assert u.baten_per_hulpvraag == (807 * 33 + 640 * 20 + 1024 * 13) / D(100) == D("527.43")
    assert u.verwachte_baten == D("158229")
    assert u.omslagpunt == 135  # 70.772 / 527,43 = 134,18


def test_gemeente_betaalt_de_sjd_uren_met_de_hand():
    """Hengelo bij 300 hulpvragen, de gemeente betaalt de SJD-uren (de voorbeeldbegroting).

    Betaalt: (6 + 3) SJD-uur x 46 weken x € 80 = 33.120, plus de cabine 10.000 = 43.120.
    Wint (methode rapport): wat de gemeente in de casussen wint, 214 + 0 + 180 + 0 + 180 + 180 = 754,
    gemiddeld 754/6 per casus; per hulpvraag 66% daarvan = 754 x 66 / 600 = 82,94;
    bij 300 hulpvragen 82,94 x 300 = 24.882 (= 754 x 33).
    Saldo 24.882 - 43.120 = -18.238; verhouding 24.882 / 43.120 = 3.110,25 / 5.390 = 0,5770...;
    omslagpunt 43.120 / 82,94 = 519,89..., dus 520 hulpvragen.
    """
    from fractions import Fraction

    u = _voorbeeld()
    g = u.van_actor("gemeente")
    assert g.betaalt == 9 * 46 * 80 + 10000 == 43120
    assert g.per_hulpvraag == D("82.94")
    assert g.wint == 754 * 33 == 24882
    assert g.saldo == -18238
    assert abs(Fraction(g.verhouding) - Fraction(24882, 43120)) < Fraction(1, 10**40)
    assert abs(Fraction(g.omslagpunt_exact) - Fraction(4312000, 8294)) < Fraction(1, 10**40)
    assert g.omslagpunt == 520
    # Samen zijn de actoren precies de begroting: kosten, baten en netto.
    actoren = u.per_actor()
    assert [a.actor for a in actoren] == ["bibliotheek", "sjd_organisatie", "gemeente", "client", "rijk", "schuldeiser"]
    assert sum(a.betaalt for a in actoren) == u.totaal
    assert sum(a.wint for a in actoren) == u.verwachte_baten == 163086
    assert sum(a.saldo for a in actoren) == u.netto
    # Cliënt: 600 + 400 + 500 + 888 = 2.388, x 33 = 78.804; Rijk: 800 + 500 + 150 + 150 = 1.600, x 33 = 52.800.
    assert [a.wint for a in actoren[3:]] == [2388 * 33, 1600 * 33, 200 * 33]


def test_gemeente_met_methode_gewogen_met_de_hand():
    """Gewogen: per rechtsgebied het eigen gemiddelde van wat de gemeente wint.

    Sociale zekerheid (33%): casus 1 en 2, (214 + 0) / 2 = 107; consumentenzaken (20%): casus 3 en 4,
    (180 + 0) / 2 = 90; belastingrecht (13%): casus 5 en 6, (180 + 180) / 2 = 180.
    Per hulpvraag (107 x 33 + 90 x 20 + 180 x 13) / 100 = (3.531 + 1.800 + 2.340) / 100 = 76,71;
    bij 300 hulpvragen 23.013; saldo 23.013 - 43.120 = -20.107; omslagpunt 43.120 / 76,71 = 562,1 -> 563.
    """
    g = _voorbeeld("gewogen").van_actor("gemeente")
    assert g.per_hulpvraag == D("76.71")
    assert g.wint == 23013
    assert g.saldo == -20107
    assert g.omslagpunt == 563


def test_begroting_opdracht_toont_tabellen(draai):
    uit = draai("begroting", VOORBEELD)
    assert uit.exit_code == 0
    for tekst in ("€ 22.080", "€ 60.122", "€ 70.772", "€ 235,91", "€ 43.120", "€ 163.086", "€ 92.314", "2,30", "131 hulpvragen"):
        assert tekst in uit.stdout


def test_begroting_als_json(draai):
    uit = draai("begroting", VOORBEELD, "--formaat", "json")
    doc = json.loads(uit.stdout)
    assert doc["totaal"] == "70772"
    assert doc["per_betaler"]["gemeente"] == {"structureel": "33120", "eenmalig": "10000", "totaal": "43120"}
    assert doc["kosten_per_hulpvraag"] == "235.91"
    assert doc["baten"]["maat"] == "baten per casus"
    assert doc["baten"]["verwachte_baten"] == "163086"
    assert doc["baten"]["omslagpunt_hulpvragen"] == "131"
    gemeente = next(a for a in doc["per_actor"] if a["actor"] == "gemeente")
    assert gemeente == {
        "actor": "gemeente", "naam": "Gemeente", "betaalt": "43120", "wint_per_hulpvraag": "82.94", "wint": "24882",
        "saldo": "-18238", "verhouding": "0.58", "omslagpunt_hulpvragen": "520", "omslagpunt_exact": "519.89",
    }


def test_begroting_in_de_terminal_antwoordt_de_gemeente(draai):
    uit = draai("begroting", VOORBEELD).stdout
    zin = " ".join(uit.split())
    assert "De gemeente betaalt € 43.120 en krijgt € 24.882 terug: saldo -€ 18.238" in zin
    assert "terugverdiend vanaf 520 hulpvragen per jaar" in zin


def test_begroting_zonder_casussen_toont_alleen_kosten(tmp_path, draai):
    tekst = VOORBEELD.read_text(encoding="utf-8").replace("casussen: ../casussen/hengelo", "")
    (tmp_path / "b.yaml").write_text(tekst, encoding="utf-8")
    uit = draai("begroting", tmp_path / "b.yaml")
    assert uit.exit_code == 0
    assert "€ 70.772" in uit.stdout
    assert "alleen de kosten" in uit.stdout


GOED = """\
naam: Test
weken_per_jaar: 40
hulpvragen_per_jaar: 100
personeel:
  - naam: SJD
    uren_per_week: 2
    tarief: 80
    betaler: gemeente
    sjd: true
"""

SLECHT = [
    (
        GOED.replace("weken_per_jaar: 40", "weken_per_jaar: 60"),
        ["{f}:2: weken_per_jaar: een jaar heeft hoogstens 53 weken (gevonden: 60)"],
    ),
    (
        GOED.replace("hulpvragen_per_jaar: 100", "hulpvragen_per_jaar: 0"),
        ["{f}:3: hulpvragen_per_jaar: moet groter dan 0 zijn (gevonden: 0)"],
    ),
    (
        GOED.replace("uren_per_week: 2", "uren_per_week: -2").replace("tarief: 80", 'tarief: "80,5"'),
        [
            "{f}:6: personeel[1].uren_per_week: mag niet negatief zijn (gevonden: -2)",
            "{f}:7: personeel[1].tarief: '80,5' is geen getal: gebruik een punt als decimaalteken (bijvoorbeeld 0.5)",
        ],
    ),
    (
        GOED.replace("betaler: gemeente", "betaler: provincie"),
        ["{f}:8: personeel[1].betaler: onbekende betaler 'provincie'; kies uit: bibliotheek, sjd_organisatie, gemeente"],
    ),
    (
        GOED.replace("sjd: true", "sjdd: true"),
        ["{f}:9: personeel[1].sjdd: onbekende sleutel 'sjdd'; bedoelt u 'sjd'?"],
    ),
    (
        GOED.replace("sjd: true", "sjd: false") + "per_sjd_uur:\n  - naam: Project\n    tarief: 30\n    betaler: sjd_organisatie\n",
        ["{f}:1: er zijn kosten per SJD-uur, maar geen personeelsregel met 'sjd: true'"],
    ),
    (
        GOED + "casussen: ../nergens\n",
        ["{f}:10: casussen: map of variant '../nergens' bestaat niet (gezocht: {d}/../nergens)"],
    ),
    (
        GOED + "kba_methode: gemiddeld\n",
        ["{f}:10: kba_methode: onbekende methode 'gemiddeld'; kies uit: rapport, gewogen"],
    ),
    (
        GOED.replace("personeel:", "personeel: []\nx:").replace("  - naam: SJD", "  - naam: SJD"),
        None,  # alleen: afsluitcode 2 en geen traceback
    ),
]


@pytest.mark.parametrize("tekst, verwacht", SLECHT)
def test_foute_begroting_yaml_exacte_meldingen(tmp_path, draai, tekst, verwacht):
    pad = tmp_path / "begroting.yaml"
    pad.write_text(tekst, encoding="utf-8")
    uit = draai("begroting", pad)
    assert uit.exit_code == 2
    assert "Traceback" not in uit.output
    regels = uit.stderr.splitlines()
    assert regels[-1].endswith("fout(en) in de invoer; er is niets berekend.")
    if verwacht is not None:
        assert regels[:-1] == [v.format(f=pad, d=tmp_path) for v in verwacht]


def test_fouten_in_de_casussenmap_komen_mee(tmp_path, draai):
    import shutil

    shutil.copytree(HENGELO, tmp_path / "kba")
    casus = tmp_path / "kba" / "casus-1.yaml"
    casus.write_text(casus.read_text(encoding="utf-8").replace("uren: 2", "uren: twee"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOED + "casussen: kba\n", encoding="utf-8")
    with pytest.raises(InvoerFouten) as fouten:
        laad_begroting(tmp_path / "b.yaml")
    regel = casus.read_text(encoding="utf-8").splitlines().index("uren: twee") + 1
    assert [str(f) for f in fouten.value.fouten] == [f"{casus}:{regel}: uren: moet een getal zijn, niet de tekst 'twee'"]


def test_alle_opdrachten_hebben_hulptekst(draai):
    for opdracht in ("begroting", "sjabloon", "bereken"):
        uit = draai(opdracht, "--help")
        assert uit.exit_code == 0
        assert "--overschrijf" in uit.stdout


def test_onbekend_soort_bestand(tmp_path, draai):
    pad = tmp_path / "begroting.txt"
    pad.write_text("naam: x\n", encoding="utf-8")
    uit = draai("begroting", pad)
    assert uit.exit_code == 2
    assert uit.stderr.splitlines()[0] == f"{pad}: onbekend soort bestand; geef een begroting als .yaml of .xlsx"


@pytest.mark.parametrize(
    "soort, melding",
    [
        (".ods", "een LibreOffice-werkmap (.ods) wordt niet gelezen; open hem in LibreOffice Calc en kies Bestand > "
                 "Opslaan als, met als bestandstype 'Excel 2007-365 (.xlsx)'"),
        (".xls", "een werkmap in het oude Excel-formaat (.xls) wordt niet gelezen; open hem in Excel en kies Bestand > "
                 "Opslaan als, met als bestandstype 'Excel-werkmap (*.xlsx)' (in LibreOffice: 'Excel 2007-365 (.xlsx)')"),
    ],
)
def test_ods_en_xls_zeggen_hoe_op_te_slaan_als_xlsx(tmp_path, draai, soort, melding):
    pad = tmp_path / f"begroting{soort.upper()}"
    pad.write_bytes(b"PK\x03\x04")
    uit = draai("begroting", pad)
    assert uit.exit_code == 2
    assert uit.stderr.splitlines()[0] == f"{pad}: {melding}"


_bedragen = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
_betalers = st.sampled_from(["bibliotheek", "sjd_organisatie", "gemeente"])


@settings(max_examples=60, deadline=None)
@given(
    weken=st.integers(min_value=0, max_value=53),
    hulpvragen=st.integers(min_value=1, max_value=5000),
    personeel=st.lists(st.tuples(_bedragen, _bedragen, _betalers, st.booleans()), min_size=1, max_size=6),
    eenmalig=st.lists(st.tuples(_bedragen, _betalers), max_size=4),
    per_sjd_uur=st.lists(st.tuples(_bedragen, _betalers), max_size=3),
)
def test_eigenschappen_van_de_begroting(weken, hulpvragen, personeel, eenmalig, per_sjd_uur):
    from kostenbaten.model.begroting import Begroting

    personeel = [(u, t, b, True) for u, t, b, _ in personeel[:1]] + personeel[1:]
    begroting = Begroting.model_validate(
        {
            "naam": "eigenschap",
            "weken_per_jaar": weken,
            "hulpvragen_per_jaar": hulpvragen,
            "personeel": [{"naam": "p", "uren_per_week": u, "tarief": t, "betaler": b, "sjd": s} for u, t, b, s in personeel],
            "per_sjd_uur": [{"naam": "s", "tarief": t, "betaler": b} for t, b in per_sjd_uur],
            "eenmalig": [{"naam": "e", "bedrag": x, "betaler": b} for x, b in eenmalig],
        }
    )
    u = bereken_begroting(begroting)
    per_betaler = u.per_betaler()
    # De betalers verdelen precies het totaal, zonder afronding onderweg.
    assert sum(b.totaal for b in per_betaler) == u.totaal == u.structureel + u.eenmalig
    assert sum(b.eenmalig for b in per_betaler) == sum(x for x, _ in eenmalig)
    assert u.totaal >= 0
    assert abs(u.kosten_per_hulpvraag * hulpvragen - u.totaal) < D("1e-30")


def test_fouten_in_begroting_en_casussenmap_samen(tmp_path):
    import shutil

    shutil.copytree(HENGELO, tmp_path / "kba")
    casus = tmp_path / "kba" / "casus-1.yaml"
    casus.write_text(casus.read_text(encoding="utf-8").replace("uren: 2", "uren: twee"), encoding="utf-8")
    pad = tmp_path / "b.yaml"
    pad.write_text(GOED.replace("weken_per_jaar: 40", "weken_per_jaar: 60") + "casussen: kba\n", encoding="utf-8")
    with pytest.raises(InvoerFouten) as fouten:
        laad_begroting(pad)
    meldingen = [str(f) for f in fouten.value.fouten]
    assert f"{pad}:2: weken_per_jaar: een jaar heeft hoogstens 53 weken (gevonden: 60)" in meldingen
    assert any(m.startswith(f"{casus}:") and m.endswith("uren: moet een getal zijn, niet de tekst 'twee'") for m in meldingen)


def test_maatschappelijk_saldo_met_de_kosten_van_de_begroting(tmp_path, draai):
    # Kosten van de begroting: 10 uur x 40 weken x € 80 = € 32.000 (gemeente) + eenmalig € 1.000 (bibliotheek) = € 33.000.
    # Besparingen van middelen in Hengelo: 2.554 over zes casussen, x 198 gedekt / 6 = 84.282 voor 300 hulpvragen,
    # dus per hulpvraag 84.282 / 300 = 280,94; voor de 150 hulpvragen van deze begroting 280,94 x 150 = 42.141.
    # Maatschappelijk saldo: 42.141 - 33.000 = 9.141. Overdrachten: 78.804 / 300 x 150 = 39.402, tellen voor nul.
    tekst = textwrap.dedent("""\
        naam: Kleine begroting
        weken_per_jaar: 40
        hulpvragen_per_jaar: 150
        casussen: hengelo
        personeel:
          - naam: SJD
            uren_per_week: 10
            tarief: 80
            betaler: gemeente
            sjd: true
        eenmalig:
          - naam: Cabine
            bedrag: 1000
            betaler: bibliotheek
        """)
    (tmp_path / "b.yaml").write_text(tekst, encoding="utf-8")
    shutil.copytree(HENGELO, tmp_path / "hengelo")
    invoer = laad_begroting(tmp_path / "b.yaml")
    u = bereken_begroting(invoer.begroting, bereken_pilot(invoer.project.pilot, invoer.project.casussen))
    m = u.maatschappelijk
    assert m.kosten.route == "begroting" and m.kosten.totaal == D(10 * 40 * 80 + 1000) == D(33000)
    assert m.kosten.per_actor == {"gemeente": D(32000), "bibliotheek": D(1000)}
    assert m.middelen_per_hulpvraag == deel(D(2554 * 33), D(300)) == D("280.94")
    assert m.middelen == D("280.94") * 150 == D(42141)
    assert m.saldo == D(42141 - 33000) == D(9141)
    assert m.overdrachten == D(78804) / 300 * 150 == D(39402)

    doc = json.loads(draai("begroting", tmp_path / "b.yaml", "--formaat", "json").stdout)
    saldo = doc["maatschappelijk_saldo"]
    assert (saldo["saldo"], saldo["kosten"]["route"], saldo["kosten"]["totaal"]) == ("9141", "begroting", "33000")
    zin = " ".join(draai("begroting", tmp_path / "b.yaml").stdout.split())
    assert "Maatschappelijk saldo: € 9.141." in zin
    assert "min de kosten van het hele programma € 33.000 (de kosten van de begroting, eerste jaar)" in zin
