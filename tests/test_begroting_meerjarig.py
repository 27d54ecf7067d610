"""De begroting over meer jaren en per actor: met de hand nagerekend, in JSON, in de terminal en in de werkmap."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from opdrachtregel import HENGELO, VOORBEELD, draai  # noqa: F401 - draai is een fixture
from kostenbaten.berekening.begroting import bereken_begroting
from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.invoer.begroting import laad_begroting

D = Decimal

@pytest.fixture(autouse=True)
def _hengelo_naast(tmp_path):
    """De begrotingen hieronder noemen hun casussen relatief (`casussen: hengelo`): een verwijzing naar Hengelo ernaast."""
    (tmp_path / "hengelo").symlink_to(HENGELO, target_is_directory=True)


DRIE_JAAR = f"""\
naam: Drie jaar
weken_per_jaar: 40
hulpvragen_per_jaar: 100
casussen: hengelo
horizon: 3
indexatie: 10
disconto: 25
personeel:
  - naam: SJD
    uren_per_week: 10
    tarief: 100
    betaler: gemeente
    sjd: true
eenmalig:
  - naam: Inrichting
    bedrag: 30000
    betaler: gemeente
"""


def _reken(pad):
    invoer = laad_begroting(pad)
    return bereken_begroting(invoer.begroting, bereken_pilot(invoer.project.pilot, invoer.project.casussen))


@pytest.fixture
def drie_jaar(tmp_path):
    pad = tmp_path / "drie.yaml"
    pad.write_text(DRIE_JAAR, encoding="utf-8")
    return pad


def test_drie_jaar_netto_contante_waarde_en_terugverdienjaar_met_de_hand(drie_jaar):
    """Drie jaar, indexatie 10%, discontovoet 25% (factoren 1; 0,8; 0,64), 100 hulpvragen per jaar.

    Kosten: structureel 10 uur x 40 weken x € 100 = 40.000, eenmalig 30.000 (jaar 1):
      jaar 1: 40.000 + 30.000 = 70.000; jaar 2: 40.000 x 1,1 = 44.000; jaar 3: 40.000 x 1,21 = 48.400.
    Baten per hulpvraag (Hengelo, rapport; 66% dekking, 6 casussen) in het 1e, 2e en 3e jaar na de hulpvraag:
      1e: 4.942 / 6 x 0,66 = 543,62 (het jaarbeeld);
      2e: de maandbedragen die doorlopen: 50 x 12 (casus 1, 36 mnd) + 74 x 12 (casus 6, 24 mnd) = 1.488 / 6 x 0,66 = 163,68;
      3e: alleen casus 1: 600 / 6 x 0,66 = 66.
    Elk jaar 100 nieuwe hulpvragen, dus jaar t krijgt de levensjaren 1..t:
      jaar 1: 54.362; jaar 2: 100 x (543,62 + 163,68) = 70.730; jaar 3: 100 x 773,30 = 77.330.
    Contant: kosten 70.000 + 35.200 + 30.976 = 136.176; baten 54.362 + 56.584 + 49.491,20 = 160.437,20;
      netto contante waarde 24.261,20.
    Cumulatief contant saldo: jaar 1 -15.638; jaar 2 -15.638 + 21.384 = 5.746 > 0: terugverdiend in jaar 2.
    Omslagpunt samen: 136.176 / (543,62 + 707,30 x 0,8 + 773,30 x 0,64 = 1.604,372) = 84,9 -> 85 hulpvragen per jaar.
    Gemeente (betaalt alles): wint 754 / 6 x 0,66 = 82,94 per hulpvraag, alleen in het 1e jaar: 8.294 per jaar;
      contant 8.294 x 2,44 = 20.237,36; netto -115.938,64; niet binnen de horizon;
      omslagpunt 136.176 / (82,94 x 2,44 = 202,3736) = 672,9 -> 673.
    """
    m = _reken(drie_jaar).meerjarig
    t = m.totaal
    assert m.jaarfactoren == (1, D("0.8"), D("0.64"))
    assert m.baten_per_levensjaar == (D("543.62"), D("163.68"), 66)
    assert [j.kosten for j in t.jaren] == [70000, 44000, 48400]
    assert [j.baten for j in t.jaren] == [54362, 70730, 77330]
    assert (t.contante_kosten, t.contante_baten, t.netto_contante_waarde) == (136176, D("160437.20"), D("24261.20"))
    assert t.cumulatief[:2] == (-15638, 5746)
    assert t.terugverdienjaar == 2
    assert t.omslagpunt == 85
    g = m.van_actor("gemeente")
    assert (g.contante_kosten, g.contante_baten, g.netto_contante_waarde) == (136176, D("20237.36"), D("-115938.64"))
    assert g.terugverdienjaar is None
    assert g.omslagpunt == 673
    assert m.van_actor("client").terugverdienjaar == 1  # betaalt niets, wint vanaf jaar 1
    # Per actor opgeteld is het geheel: wie betaalt en wie wint verandert niets aan de som.
    assert sum(a.netto_contante_waarde for a in m.actoren) == t.netto_contante_waarde


def test_een_jaar_geeft_de_cijfers_van_vandaag():
    """Zonder horizon (één jaar) zijn de contante waarden precies het jaarbeeld, voor elke actor en samen."""
    u = _reken(VOORBEELD)
    m = u.meerjarig
    assert (m.horizon, m.disconto, m.jaarfactoren) == (1, D("2.25"), (1,))
    assert (m.totaal.contante_kosten, m.totaal.contante_baten) == (u.totaal, u.verwachte_baten)
    assert m.totaal.netto_contante_waarde == u.netto
    assert m.totaal.omslagpunt == u.omslagpunt
    for a, jaar in zip(u.per_actor(), m.actoren):
        assert (jaar.contante_kosten, jaar.contante_baten, jaar.netto_contante_waarde) == (a.betaalt, a.wint, a.saldo)
        assert jaar.omslagpunt == a.omslagpunt


def test_horizon_een_toont_hetzelfde_als_zonder(draai):
    zonder = draai("begroting", VOORBEELD)
    een = draai("begroting", VOORBEELD, "--horizon", "1")
    assert zonder.exit_code == een.exit_code == 0
    assert een.stdout == zonder.stdout
    assert "Over 1 jaar" not in zonder.stdout


def test_meerjarig_in_terminal_en_json(draai, drie_jaar):
    uit = draai("begroting", drie_jaar)
    assert uit.exit_code == 0
    tekst = " ".join(uit.stdout.split())
    assert "Over 3 jaar, contant tegen 25% per jaar, structurele kosten geïndexeerd met 10% per jaar" in tekst
    assert (
        # -115.938,64 wordt op hele euro's -€ 115.939
        "Over 3 jaar (contant) betaalt de gemeente € 136.176 en krijgt zij € 20.237 terug: netto -€ 115.939, "
        "terugverdiend: niet binnen de horizon. Alle actoren samen: netto € 24.261, terugverdiend: jaar 2."
    ) in tekst
    doc = json.loads(draai("begroting", drie_jaar, "--formaat", "json").stdout)["meerjarig"]
    assert (doc["horizon"], doc["indexatie_procent"], doc["disconto_procent"]) == (3, "10", "25")
    assert doc["totaal"]["netto_contante_waarde"] == "24261.20"
    assert doc["totaal"]["terugverdienjaar"] == 2
    gemeente = next(a for a in doc["per_actor"] if a["actor"] == "gemeente")
    assert (gemeente["terugverdienjaar"], gemeente["omslagpunt_hulpvragen"]) == (None, "673")
    assert [j["cumulatief"] for j in doc["totaal"]["jaren"]][:2] == ["-15638", "5746"]


def test_horizon_van_de_opdrachtregel(draai):
    doc = json.loads(draai("begroting", VOORBEELD, "--horizon", "3", "--formaat", "json").stdout)["meerjarig"]
    assert doc["horizon"] == 3 and len(doc["totaal"]["jaren"]) == 3
    assert draai("begroting", VOORBEELD, "--horizon", "0").exit_code == 2


@pytest.mark.parametrize(
    "regel, melding",
    [
        ("horizon: 0", "{f}:5: horizon: moet minstens 1 zijn"),
        ("indexatie: 150", "{f}:6: indexatie: hoogstens 100 (procent per jaar; gevonden: 150)"),
        ("disconto: -1", "{f}:7: disconto: mag niet negatief zijn (gevonden: -1)"),
    ],
)
def test_foute_meerjarige_invoer(draai, drie_jaar, regel, melding):
    sleutel = regel.split(":")[0]
    tekst = "\n".join(regel if r.startswith(sleutel + ":") else r for r in DRIE_JAAR.splitlines()) + "\n"
    drie_jaar.write_text(tekst, encoding="utf-8")
    uit = draai("begroting", drie_jaar)
    assert uit.exit_code == 2
    assert uit.stderr.splitlines()[:-1] == [melding.format(f=drie_jaar)]


@pytest.mark.libreoffice
def test_werkmap_per_actor_en_meerjarig_rekent_in_libreoffice(tmp_path, draai, drie_jaar):
    """De werkmap van een driejarige begroting: elke formule (per actor, per jaar, contant, terugverdienjaar)
    door LibreOffice nagerekend, en teruggelezen geeft het dezelfde cijfers als de YAML."""
    from libreoffice import vergelijk_met_rekenkern

    from kostenbaten.uitvoer.excel.begroting import bouw

    for methode in ("rapport", "gewogen"):
        pad = tmp_path / f"{methode}.yaml"
        pad.write_text(DRIE_JAAR + f"kba_methode: {methode}\n", encoding="utf-8")
        uit = tmp_path / f"{methode}.xlsx"
        assert draai("begroting", pad, "--xlsx", uit).exit_code == 0
        _, verwacht = bouw(_reken(pad), str(HENGELO))
        assert verwacht["Begroting!F" + str(_rij(uit, "Samen: terugverdiend in jaar"))] == 2
        assert verwacht["Begroting!F" + str(_rij(uit, "Gemeente: terugverdiend in jaar"))] == "niet binnen de horizon"
        assert vergelijk_met_rekenkern(uit, verwacht, tmp_path / f"lo-{methode}") > 100
        terug = json.loads(draai("begroting", uit, "--formaat", "json").stdout)
        heen = json.loads(draai("begroting", pad, "--formaat", "json").stdout)
        assert terug["meerjarig"] == heen["meerjarig"] and terug["per_actor"] == heen["per_actor"]


def _rij(werkmap, label: str) -> int:
    ws = load_workbook(werkmap)["Begroting"]
    return next(c.row for (c,) in ws.iter_rows(max_col=1) if c.value == label)


def test_werkmap_zonder_meerjarig_blok_is_een_jaar(tmp_path, draai):
    """Een werkmap van vóór de meerjarige begroting (zonder de labels Horizon, Indexatie, Discontovoet) leest als één jaar."""
    uit = tmp_path / "begroting.xlsx"
    assert draai("begroting", VOORBEELD, "--xlsx", uit).exit_code == 0
    wb = load_workbook(uit)
    ws = wb["Begroting"]
    for label in ("Horizon", "Indexatie structurele kosten", "Discontovoet"):
        ws[f"A{_rij(uit, label)}"] = None
    oud = tmp_path / "oud.xlsx"
    wb.save(oud)
    doc = json.loads(draai("begroting", oud, "--formaat", "json").stdout)
    assert (doc["meerjarig"]["horizon"], doc["meerjarig"]["disconto_procent"]) == (1, "2.25")
