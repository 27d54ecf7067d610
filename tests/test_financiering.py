"""Financiering als scenario: wie betaalt de SJD-uren, en wat betekent dat per actor."""

from __future__ import annotations

import json
import os
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from conftest import HENGELO, ROOT
from kostenbaten.berekening.vergelijking import per_actor, vergelijk
from kostenbaten.invoer.project import laad

VARIANTEN = ROOT / "casussen" / "varianten"
PILOT = VARIANTEN / "financiering-pilot.yaml"
GEMEENTE = VARIANTEN / "financiering-gemeente.yaml"


def _regels(doc: dict, kolom: int, methode: str = "rapport") -> dict:
    tabel = next(t for t in doc["vergelijking"][kolom]["actoren"] if t["methode"] == methode)
    return {r["actor"]: r for r in tabel["actoren"]}


def test_gemeente_betaalt_de_sjd_uren_met_de_hand(cli):
    """Hengelo met de gemeente als betaler van de SJD-uren, bij 300 hulpvragen (methode rapport).

    Met de hand: de zes casussen hebben 2 + 3 + 2 + 2 + 1 + 2 = 12 SJD-uren; gedekt zijn 300 x 66% = 198
    hulpvragen, dus elke casus telt 198 / 6 = 33 keer.
    Gemeente betaalt 12 x € 80 x 33 = € 31.680; zij wint bijzondere bijstand (214) en drie keer
    schuldhulpverlening (180): 754 x 33 = € 24.882; saldo 24.882 - 31.680 = -€ 6.798.
    Bibliotheek (servicekosten) 12 x 10 x 33 = € 3.960; SJD-organisatie (projectkosten) 12 x 30 x 33 = € 11.880.
    Zoals in de pilot betaalt het Rijk alles: 12 x (80 + 30 + 10) x 33 = € 47.520, de gemeente niets.
    """
    code, uit, fout = cli("vergelijk", PILOT, GEMEENTE, "--formaat", "json")
    assert (code, fout) == (0, "")
    doc = json.loads(uit)
    uren = sum(c.uren.waarde for c in laad(GEMEENTE).casussen)
    assert uren == 12
    pilot, gemeente = _regels(doc, 0), _regels(doc, 1)
    assert (gemeente["gemeente"]["betaalt"], gemeente["gemeente"]["wint"], gemeente["gemeente"]["saldo"]) == ("31680", "24882", "-6798")
    assert Decimal(gemeente["gemeente"]["betaalt"]) == uren * 80 * 33
    assert (gemeente["bibliotheek"]["betaalt"], gemeente["sjd_organisatie"]["betaalt"]) == ("3960", "11880")
    assert (pilot["gemeente"]["betaalt"], pilot["gemeente"]["saldo"]) == ("0", "24882")
    assert pilot["rijk"]["betaalt"] == "47520" == str(uren * 120 * 33)
    assert "bibliotheek" not in pilot  # in de pilot betaalt de bibliotheek niets en wint zij niets
    # Wie betaalt verandert niets aan het geheel: hetzelfde totaal in beide scenario's.
    totaal = [next(t for t in k["actoren"] if t["methode"] == "rapport") for k in doc["vergelijking"]]
    assert sum(Decimal(r["saldo"]) for r in totaal[0]["actoren"]) == sum(Decimal(r["saldo"]) for r in totaal[1]["actoren"]) == 115566


def test_financiering_is_een_variant_op_een_variant(tmp_path):
    """Een variant op financiering-gemeente.yaml met 900 hulpvragen: de betaler komt uit de eerste variant.

    Met de hand: gedekt 900 x 66% = 594, elke casus telt 594 / 6 = 99 keer.
    Gemeente betaalt 12 x € 80 x 99 = € 95.040, wint 754 x 99 = € 74.646, saldo -€ 20.394.
    """
    drukker = tmp_path / "drukker.yaml"
    drukker.write_text(f"naam: Gemeente betaalt, 900 hulpvragen\nbasis: {os.path.relpath(GEMEENTE, tmp_path)}\npilot: {{hulpvragen: 900}}\n", encoding="utf-8")
    project = laad(drukker)
    assert project.pilot.tarieven["sjd"].betaler == "gemeente"
    assert project.basismap == HENGELO
    [kolom] = vergelijk([project], 100, 1)
    gemeente = next(r for r in kolom.actoren.extrapolaties["rapport"].regels if r.actor == "gemeente")
    assert (gemeente.kosten, gemeente.baten, gemeente.saldo) == (95040, 74646, -20394)


def test_vergelijk_per_actor_in_de_terminal(cli):
    code, uit, _ = cli("vergelijk", PILOT, GEMEENTE)
    assert code == 0
    assert "Wie betaalt en wie wint, per actor (methode rapport, exact)" in uit
    regel = next(r for r in uit.splitlines() if "Gemeente: saldo" in r)
    assert [c.strip() for c in regel.split("│")[2:4]] == ["24.882", "-6.798"]
    # Een actor die in een scenario niet meedoet, staat er met een streepje.
    assert next(r for r in uit.splitlines() if "Bibliotheek: betaalt" in r).split("│")[2].strip() == "-"


def test_per_actor_volgt_de_volgorde_van_de_kolommen():
    kolommen = vergelijk([laad(PILOT), laad(GEMEENTE)], 100, 1)
    rijen = per_actor(kolommen, "gewogen")
    assert [r.actor for r in rijen][:3] == ["client", "gemeente", "rijk"]
    assert [r.actor for r in rijen][-2:] == ["bibliotheek", "sjd_organisatie"]
    assert all(len(r.regels) == 2 for r in rijen)


@pytest.mark.libreoffice
@pytest.mark.poppler
def test_vergelijk_xlsx_rekent_en_drukt_af_als_de_rekenkern(tmp_path, cli, monkeypatch):
    """De werkmap van `vergelijk --xlsx`: LibreOffice rekent elke formule na en drukt de bedragen af."""
    from libreoffice import als_pdf, vergelijk_met_rekenkern

    from kostenbaten.uitvoer.excel.blad import EURO_HEEL
    from kostenbaten.uitvoer.excel.vergelijking import bouw

    uit = tmp_path / "vergelijking.xlsx"
    code, _, fout = cli("vergelijk", PILOT, GEMEENTE, "--xlsx", uit)
    assert (code, fout) == (0, f"Geschreven: {uit}\n")
    _, verwacht = bouw(vergelijk([laad(PILOT), laad(GEMEENTE)], 100, 1))
    assert vergelijk_met_rekenkern(uit, verwacht, tmp_path / "lo") > 30
    ws = load_workbook(uit)["Vergelijking"]
    assert ws.print_title_rows == "$1:$3"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    labels = [c.value for (c,) in ws.iter_rows(max_col=1) if c.value]
    assert "Gemeente: saldo" in labels and not any("_" in str(label) for label in labels)  # geen interne sleutels

    from systeem import vereis

    vereis("pdftotext")
    monkeypatch.setenv("LANG", "C.UTF-8")
    pdf = als_pdf(uit, tmp_path / "pdf")
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    regel = next(r for r in tekst.splitlines() if r.strip().startswith("Gemeente: saldo"))
    if EURO_HEEL.startswith("[$-413]"):  # notatie met de taalcode van het Nederlands: ook op een Engelse machine
        assert regel.split()[-4:] == ["€", "24.882", "-€", "6.798"]
    else:  # zonder taalcode volgt LibreOffice de taal van de machine; de cijfers moeten er toch staan
        assert "".join(regel.split()).replace(",", "").replace(".", "").endswith("€24882-€6798")
