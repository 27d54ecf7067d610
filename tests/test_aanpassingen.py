"""Deadweight, attributie, verdringing en afname: elk antwoord hier is met de hand uitgerekend.

Casus 1 van Hengelo heeft drie baten: € 50 per maand voor 36 maanden (cliënt;
het rapport telt 12 maanden = € 600), kengetal toevoeging € 800 (rijk) en
kengetal bijzondere_bijstand € 214 (gemeente). Kosten: 2 uur x € 120 = € 240.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import HENGELO, vervang
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.berekening.meerjarig import meerjarig
from kostenbaten.berekening.uitleg import leg_uit
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.invoer.project import laad as laad_invoer
from kostenbaten.uitvoer.namen import rekensom_tekst

D = Decimal
ROOT = HENGELO.parent.parent


def _blok(soort: str, waarde: str, inspringing: int = 2) -> str:
    ruimte = " " * inspringing
    return (
        f"{ruimte}{soort}:\n{ruimte}  waarde: {waarde}\n"
        f"{ruimte}  reden: reden voor {soort}\n{ruimte}  bron: bron voor {soort}\n"
    )


def _casus1(map_):
    project = laad_project(map_)
    return bereken_pilot(project.pilot, project.casussen).casussen[0]


def test_zonder_aanpassingen_blijft_hengelo_exact():
    project = laad_project(HENGELO)
    u = bereken_pilot(project.pilot, project.casussen)
    assert all(p.stappen == () and p.bruto is None for c in u.casussen for p in c.baten)
    assert u.extrapolaties["rapport"].totaal == D(115566)


def test_deadweight_per_kengetal(hengelo):
    # toevoeging 800 met deadweight 0,25: 800 - 800 x 0,25 = 800 - 200 = 600.
    # Casus 1: baten 600 + 600 + 214 = 1414; netto 1414 - 240 = 1174.
    vervang(hengelo / "pilot.yaml", "    actor: rijk\n    omschrijving: Gesubsidieerde", "    actor: rijk\n    aanpassingen:\n" + _blok("deadweight", "0.25", 6) + "    omschrijving: Gesubsidieerde")
    c = _casus1(hengelo)
    toevoeging = c.baten[1]
    assert (toevoeging.bruto, toevoeging.bedrag) == (D(800), D(600))
    (stap,) = toevoeging.stappen
    assert (stap.soort, stap.aandeel, stap.af, stap.na, stap.niveau) == ("deadweight", D("0.25"), D(200), D(600), "kengetal toevoeging")
    assert (stap.reden, stap.bron) == ("reden voor deadweight", "bron voor deadweight")
    assert c.baten[2].stappen == ()  # bijzondere bijstand: geen aanpassing
    assert (c.totaal_baten, c.netto) == (D(1414), D(1174))


def test_attributie_per_casus(hengelo):
    # attributie 0,1 op elke baat van casus 1: 600 -> 540, 800 -> 720, 214 -> 192,6.
    # Baten 540 + 720 + 192,6 = 1452,6; netto 1452,6 - 240 = 1212,6.
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: 2\naanpassingen:\n" + _blok("attributie", "0.1"))
    c = _casus1(hengelo)
    assert [p.bedrag for p in c.baten] == [D(540), D(720), D("192.6")]
    assert [p.stappen[0].af for p in c.baten] == [D(60), D(80), D("21.4")]
    assert c.netto == D("1212.6")


def test_verdringing_per_baat(hengelo):
    # verdringing 0,5 alleen op de bijzondere bijstand: 214 x 0,5 = 107 eraf, 107 over.
    vervang(hengelo / "casus-1.yaml", "  - kengetal: bijzondere_bijstand\n", "  - kengetal: bijzondere_bijstand\n    aanpassingen:\n" + _blok("verdringing", "0.5", 6))
    c = _casus1(hengelo)
    assert [p.bedrag for p in c.baten] == [D(600), D(800), D(107)]
    assert c.baten[2].stappen[0].niveau == "baat"


def test_afname_meerjarig(hengelo):
    # € 50 per maand, 36 maanden, afname 0,2 per jaar:
    # jaar 1: 12 x 50 = 600; jaar 2: 600 x 0,8 = 480; jaar 3: 600 x 0,64 = 384.
    # Nominaal over 3 jaar: 600 + 480 + 384 = 1464 (zonder afname 1800).
    # Het jaarbeeld (12 maanden) blijft 600: in het eerste jaar is er nog geen afname.
    vervang(hengelo / "pilot.yaml", "maanden_in_beeld: 12 ", "aanpassingen:\n" + _blok("afname", "0.2") + "maanden_in_beeld: 12 ")
    project = laad_project(hengelo)
    m = meerjarig(project.pilot, project.casussen, horizon=3, disconto=D(0))
    inkomen = m.nominaal.casussen[0].baten[0]
    assert (inkomen.bruto, inkomen.bedrag) == (D(1800), D(1464))
    assert inkomen.stappen[0].af == D(336)
    assert m.een_jaar.casussen[0].baten[0].bedrag == D(600)
    # Contant met 0% disconto is gelijk aan nominaal: 1464.
    assert m.contant.casussen[0].baten[0].bedrag == D(1464)


def test_gecombineerd_en_meest_specifieke_wint(hengelo):
    # Pilot: deadweight 0,2, attributie 0,1, verdringing 0,05, afname 0,2.
    # Kengetal toevoeging: deadweight 0,5 (wint van de pilot voor die baat).
    # Inkomen casus 1 over 36 maanden (horizon 3, disconto 0):
    #   bruto 1800; deadweight 1800 x 0,2 = 360 -> 1440; attributie 144 -> 1296;
    #   verdringing 64,8 -> 1231,2; afname: per maand 50 x 0,8 x 0,9 x 0,95 = 34,2
    #   x (12 + 12 x 0,8 + 12 x 0,64 = 29,28) = 1001,376; afname haalt 229,824 eraf.
    # Toevoeging 800: deadweight 400 -> 400; attributie 40 -> 360; verdringing 18 -> 342.
    # Bijzondere bijstand 214 x 0,8 x 0,9 x 0,95 = 146,376.
    blokken = "".join(_blok(s, w) for s, w in (("deadweight", "0.2"), ("attributie", "0.1"), ("verdringing", "0.05"), ("afname", "0.2")))
    vervang(hengelo / "pilot.yaml", "maanden_in_beeld: 12 ", "aanpassingen:\n" + blokken + "maanden_in_beeld: 12 ")
    vervang(hengelo / "pilot.yaml", "    actor: rijk\n    omschrijving: Gesubsidieerde", "    actor: rijk\n    aanpassingen:\n" + _blok("deadweight", "0.5", 6) + "    omschrijving: Gesubsidieerde")
    project = laad_project(hengelo)
    m = meerjarig(project.pilot, project.casussen, horizon=3, disconto=D(0))
    inkomen, toevoeging, bijstand = m.nominaal.casussen[0].baten
    assert [(s.soort, s.af, s.na) for s in inkomen.stappen] == [
        ("deadweight", D(360), D(1440)),
        ("attributie", D(144), D(1296)),
        ("verdringing", D("64.8"), D("1231.2")),
        ("afname", D("229.824"), D("1001.376")),
    ]
    assert [(s.soort, s.niveau, s.af) for s in toevoeging.stappen] == [
        ("deadweight", "kengetal toevoeging", D(400)),
        ("attributie", "pilot", D(40)),
        ("verdringing", "pilot", D(18)),
    ]
    assert toevoeging.bedrag == D(342)
    assert bijstand.bedrag == D("146.376")
    assert m.contant.casussen[0].baten[0].bedrag == D("1001.376")


@pytest.mark.parametrize(
    "blok, melding",
    [
        ("    waarde: 1.5\n    reden: r\n    bron: aanname\n", "11: aanpassingen.deadweight: moet een kans van 0 tot en met 1 zijn (gevonden: 1.5)"),
        ("    waarde: 0.2\n    bron: aanname\n", "11: aanpassingen.deadweight.reden: verplichte sleutel ontbreekt"),
    ],
)
def test_foute_aanpassing(hengelo, cli, blok, melding):
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: 2\naanpassingen:\n  deadweight:\n" + blok)
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert f"casus-1.yaml:{melding}\n" in fout
    assert "Traceback" not in fout


def test_uitleg_en_json_tonen_de_stappen(hengelo, cli):
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: 2\naanpassingen:\n" + _blok("attributie", "0.1"))
    project = laad_project(hengelo)
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    knoop = leg_uit(uitkomst, "casus-1.baten", lambda wie, pad: f"{wie}:{'.'.join(map(str, pad))}")
    toevoeging = knoop.kinderen[1]
    assert rekensom_tekst(toevoeging.rekensom) == "800 - 80 = 720"
    bruto, stap = toevoeging.kinderen
    assert (bruto.waarde, stap.waarde) == (D(800), D(-80))
    assert rekensom_tekst(stap.rekensom) == "800 x 10% = 80"
    assert stap.waar == ("1:aanpassingen.attributie",)
    assert (stap.label, stap.bron) == ("min attributie (casus): reden voor attributie", "bron voor attributie")

    code, uit, _ = cli("bereken", hengelo, "--formaat", "json")
    assert code == 0
    post = json.loads(uit)["casussen"][0]["batenposten"][1]
    assert post["bedrag"] == "720"
    assert post["bruto"] == "800"
    assert post["aanpassingen"] == [
        {"soort": "attributie", "aandeel": "0.1", "af": "80", "na": "720", "niveau": "casus", "reden": "reden voor attributie", "bron": "bron voor attributie"}
    ]
    code, uit, _ = cli("bereken", hengelo, "--per-casus")
    assert "bruto € 800,00; min attributie 10% € 80,00" in uit


def test_voorzichtige_variant_met_de_hand():
    # Pilot: deadweight 0,25, attributie 0,1; toevoeging: deadweight 0,5. Per baat x 0,75 x 0,9 = 0,675,
    # toevoeging x 0,5 x 0,9 = 0,45. Netto per casus:
    #   1: 600 x 0,675 + 800 x 0,45 + 214 x 0,675 - 240 = 405 + 360 + 144,45 - 240 = 669,45
    #   2: -360;  3: 1280 x 0,675 - 240 = 624;  4: -240
    #   5: 830 x 0,675 - 120 = 440,25;  6: 1218 x 0,675 - 240 = 582,15
    # Som 1715,85; gemiddelde 285,975; rapport: 1715,85 x 198 / 6 = 56623,05.
    project = laad_invoer(ROOT / "casussen" / "varianten" / "hengelo-voorzichtig.yaml")
    u = bereken_pilot(project.pilot, project.casussen)
    assert [c.netto for c in u.casussen] == [D("669.45"), D(-360), D(624), D(-240), D("440.25"), D("582.15")]
    assert u.extrapolaties["rapport"].totaal == D("56623.05")


def test_monte_carlo_met_vaste_aanpassingen(hengelo):
    # Vaste attributie 0,1 voor de hele pilot, geen bereiken: elke trekking is de berekende waarde.
    # Baten 1614 + 1280 + 830 + 1218 = 4942 x 0,9 = 4447,8; min kosten 1440 = 3007,8; x 198 / 6 = 99257,4.
    from kostenbaten.berekening.onzekerheid import simuleer

    vervang(hengelo / "pilot.yaml", "maanden_in_beeld: 12 ", "aanpassingen:\n" + _blok("attributie", "0.1") + "maanden_in_beeld: 12 ")
    project = laad_project(hengelo)
    totaal = simuleer(project.pilot, project.casussen, trekkingen=50, zaad=1).extrapolaties["rapport"]["totaal"]
    assert totaal.berekend == D("99257.4")
    assert totaal.gemiddelde == D("99257.40") == totaal.percentielen[5] == totaal.percentielen[95]


def test_monte_carlo_trekt_het_bereik_van_een_aanpassing(hengelo):
    # Deadweight symmetrisch tussen 0 en 1 rond 0,5: de verwachting van het totaal is lineair in de deadweight,
    # dus (4942 x 0,5 - 1440) x 33 = 34023. Spreiding van de driehoek: sqrt(0,75 / 18) = 0,204; van het totaal
    # 4942 x 33 x 0,204 = 33.270; standaardfout bij 20.000 trekkingen 235; we staan vijf standaardfouten toe.
    from kostenbaten.berekening.onzekerheid import simuleer

    blok = "aanpassingen:\n  deadweight:\n    waarde: 0.5\n    min: 0\n    max: 1\n    reden: r\n    bron: aanname\n"
    vervang(hengelo / "pilot.yaml", "maanden_in_beeld: 12 ", blok + "maanden_in_beeld: 12 ")
    project = laad_project(hengelo)
    uit = simuleer(project.pilot, project.casussen, trekkingen=20_000, zaad=3)
    assert [i.plek for i in uit.invoer] == ["aanpassingen.deadweight"]
    totaal = uit.extrapolaties["rapport"]["totaal"]
    assert totaal.berekend == D(34023)
    assert abs(totaal.gemiddelde - D(34023)) < 1200
