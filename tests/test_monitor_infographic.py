"""`kostenbaten monitor EXPORT... -o monitor.html|monitor.pdf`: de infographic, bekeken zoals een lezer haar ziet.

De cijfers in de tabellen bij de grafieken worden uit de HTML gelezen en
vergeleken met `monitor --formaat json` van dezelfde exports; de afronding en
de volgorde rekent de test hier zelf uit. De PDF telt zijn pagina's met pypdf;
de HTML opent in headless Chromium op 375 en 1280 pixels breed.
"""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chromium import aandeel_inkt, bezoek
from conftest import ROOT

HENGELO = ROOT / "templates" / "voorbeeldregistratie.csv"
OOST = ROOT / "templates" / "voorbeeldregistratie-oost.csv"
KAART = ROOT / "src" / "kostenbaten" / "sjablonen" / "nieuw" / "monitor.yaml"  # de uitkomstenkaart van `nieuw`
ARGUMENTEN = (HENGELO, OOST, "--bibliotheek", "Hengelo", "--bibliotheek", "Oost", "--kaart", KAART)


@pytest.fixture(scope="module")
def monitor(tmp_path_factory):
    """De infographic als HTML en PDF, en de JSON van dezelfde exports."""
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    map_ = tmp_path_factory.mktemp("monitor")
    runner = CliRunner()
    uit = {}
    for naam in ("monitor.html", "monitor.pdf"):
        r = runner.invoke(app, ["monitor", *map(str, ARGUMENTEN), "-o", str(map_ / naam)], catch_exceptions=False)
        assert r.exit_code == 0, r.stderr
        assert r.stderr.strip().endswith(f"Geschreven: {map_ / naam}")
        uit[naam] = map_ / naam
    r = runner.invoke(app, ["monitor", *map(str, ARGUMENTEN), "--formaat", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    uit["json"] = json.loads(r.stdout)
    return uit


class _Tabellen(HTMLParser):
    """De rijen van elke tabel, per id van de figuur of sectie eromheen (cellen als tekst)."""

    def __init__(self):
        super().__init__()
        self.tabellen: dict[str, list[list[str]]] = {}
        self._plek: list[str] = []
        self._rij: list[str] | None = None
        self._cel: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("figure", "section"):
            self._plek.append(attrs.get("id", ""))
        elif tag == "tr":
            self._rij = []
        elif tag in ("td", "th") and self._rij is not None:
            self._cel = []

    def handle_endtag(self, tag):
        if tag in ("figure", "section"):
            self._plek.pop()
        elif tag in ("td", "th") and self._cel is not None:
            self._rij.append("".join(self._cel).strip())
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            self.tabellen.setdefault(self._plek[-1], []).append(self._rij)
            self._rij = None

    def handle_data(self, data):
        if self._cel is not None:
            self._cel.append(data)


def _tabellen(html: Path) -> dict[str, list[list[str]]]:
    lezer = _Tabellen()
    lezer.feed(html.read_text(encoding="utf-8"))
    return lezer.tabellen


def _nl(waarde, decimalen: int = 0) -> str:
    """Half naar boven afgerond, met een komma: 19,4444 -> '19', 1,35 -> '1,4'."""
    afgerond = Decimal(waarde).quantize(Decimal(1).scaleb(-decimalen), ROUND_HALF_UP)
    return str(afgerond).replace(".", ",")


def _grootst_eerst(lijsten: list[dict[str, int]], meeste: int | None = None) -> list[str]:
    samen: dict[str, int] = {}
    for lijst in lijsten:
        for k, n in lijst.items():
            samen[k] = samen.get(k, 0) + n
    volgorde = sorted(samen, key=lambda k: (-samen[k], k.casefold()))
    return volgorde[:meeste] if meeste else volgorde


# -- PDF --------------------------------------------------------------------------------


def test_pdf_een_of_twee_paginas(monitor):
    from pypdf import PdfReader

    assert 1 <= len(PdfReader(monitor["monitor.pdf"]).pages) <= 2


def test_pdf_draagt_de_cijfers(monitor):
    from pypdf import PdfReader

    tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(monitor["monitor.pdf"]).pages).split())
    for b in monitor["json"]["bibliotheken"]:
        assert f"{b['naam']} {b['totaal']['hulpvragen']}" in tekst
    assert "Juridisch Loket" in tekst and "Per rechtsgebied" in tekst


# -- de cijfers van de HTML zijn die van de JSON ----------------------------------------------


def test_kerncijfers_gelijk_aan_json(monitor):
    rijen = _tabellen(monitor["monitor.html"])["kern"]
    assert rijen[0][:2] == ["Bibliotheek", "Hulpvragen"]
    for rij, b in zip(rijen[1:], monitor["json"]["bibliotheken"], strict=True):
        t, k = b["totaal"], b["totaal"]["kerncijfers"]
        leeg = "–"
        assert rij == [
            b["naam"], str(t["hulpvragen"]),
            leeg if t["contacten"] is None else str(t["contacten"]),
            leeg if t["clienten"] is None else str(t["clienten"]),
            _nl(k["doorverwezen_procent"]) + "%", _nl(k["opgelost_procent"]) + "%",
            _nl(k["uren_per_hulpvraag"], 1),
            leeg if k["tevredenheid_gemiddeld"] is None else _nl(k["tevredenheid_gemiddeld"], 1),
        ]
    # Met de hand: Oost 35 van 180 doorverwezen = 19,4%, tevredenheid 7,8846 -> 7,9; Hengelo 300 hulpvragen, 1,2 uur.
    assert rijen[1][1] == "300" and rijen[2][4] == "19%" and rijen[2][7] == "7,9" and rijen[1][6] == "1,2"


def test_trend_gelijk_aan_json(monitor):
    rijen = _tabellen(monitor["monitor.html"])["grafiek-trend"]
    bibliotheken = monitor["json"]["bibliotheken"]
    assert rijen[0] == ["Periode", "Hengelo", "Oost"]
    perioden = sorted({p["periode"] for b in bibliotheken for p in b["perioden"]})
    verwacht = [[p, *(next((str(q["hulpvragen"]) for q in b["perioden"] if q["periode"] == p), "–") for b in bibliotheken)] for p in perioden]
    assert rijen[1:] == verwacht
    # De som van de perioden is het totaal van elke bibliotheek.
    for i, b in enumerate(bibliotheken, start=1):
        assert sum(int(r[i]) for r in rijen[1:] if r[i] != "–") == b["totaal"]["hulpvragen"]


@pytest.mark.parametrize(
    "figuur, lijst, sleutel, meeste",
    [
        ("grafiek-rechtsgebieden", "rechtsgebieden", "naam", None),
        ("grafiek-onderwerpen", "onderwerpen", "onderwerp", 8),
        ("grafiek-doorverwijzers", "doorverwijzers", "doorverwijzer", 8),
        ("grafiek-doorverwezen-naar", "doorverwezen_naar", "organisatie", 8),
    ],
)
def test_verdelingen_gelijk_aan_json(monitor, figuur, lijst, sleutel, meeste):
    rijen = _tabellen(monitor["monitor.html"])[figuur]
    bibliotheken = monitor["json"]["bibliotheken"]
    tellingen = [{x[sleutel]: x["aantal"] for x in b["totaal"][lijst]} for b in bibliotheken]
    labels = _grootst_eerst(tellingen, meeste)
    verwacht = [[l, *("–" if not t else str(t.get(l, 0)) for t in tellingen)] for l in labels]
    assert rijen[1:] == verwacht


def test_doelgroepen_en_totalen_met_de_hand(monitor):
    tabellen = _tabellen(monitor["monitor.html"])
    (oost,) = [b for b in monitor["json"]["bibliotheken"] if b["naam"] == "Oost"]
    for i, (kenmerk, waarden) in enumerate(oost["totaal"]["doelgroepen"].items()):
        rijen = tabellen[f"grafiek-doelgroep-{i}"]
        assert rijen[0] == [kenmerk.capitalize(), "Hengelo", "Oost"]
        assert [r[0] for r in rijen[1:]] == [w["waarde"] for w in waarden]
        assert [r[1:] for r in rijen[1:]] == [["–", str(w["aantal"])] for w in waarden]
        # Elke hulpvraag heeft één waarde per kenmerk: samen de 180 hulpvragen van Oost.
        assert sum(int(r[2]) for r in rijen[1:]) == 180
    # Per rechtsgebied samen precies de hulpvragen: Hengelo 99 + 102 + 60 + 39 = 300, Oost 56 + 39 + 36 + 49 = 180.
    rijen = tabellen["grafiek-rechtsgebieden"][1:]
    assert sum(int(r[1]) for r in rijen) == 300 and sum(int(r[2]) for r in rijen) == 180


def _kaarttabellen(rijen: list[list[str]]) -> list[list[list[str]]]:
    """De rijen van de sectie uitkomstenkaart, gesplitst in één tabel per bibliotheek (elk begint met de kopregel)."""
    tabellen: list[list[list[str]]] = []
    for rij in rijen:
        if rij[0] == "Indicator":
            tabellen.append([])
        tabellen[-1].append(rij)
    return tabellen


def _indicatorwaarde(waarde: str) -> str:
    """Een waarde uit de JSON zoals de infographic haar toont: heel zonder decimalen, anders één (half naar boven)."""
    d = Decimal(waarde)
    return _nl(d) if d == d.to_integral_value() else _nl(d, 1)


def test_uitkomstenkaart_gelijk_aan_json(monitor):
    tabellen = _kaarttabellen(_tabellen(monitor["monitor.html"])["uitkomstenkaart"])
    kaarten = monitor["json"]["uitkomstenkaart"]
    assert [k["bibliotheek"] for k in kaarten] == ["Hengelo", "Oost"] and len(tabellen) == 2
    for tabel, kaart in zip(tabellen, kaarten, strict=True):
        alle = [p["periode"] for p in kaart["indicatoren"][0]["perioden"]]
        laatste = alle[-4:]
        assert tabel[0] == ["Indicator", "Doel", *laatste, "Gehaald (alle perioden)"]
        for rij, ind in zip(tabel[1:], kaart["indicatoren"], strict=True):
            per = {p["periode"]: p for p in ind["perioden"]}
            teken = "≥" if ind["richting"] == "minstens" else "≤"
            cellen = [
                "–" if per[p]["gehaald"] is None else f"{_indicatorwaarde(per[p]['waarde'])}: {'gehaald' if per[p]['gehaald'] else 'niet gehaald'}"
                for p in laatste
            ]
            gehaald = f"{ind['gehaald']} van {ind['getoetst']}" if ind["getoetst"] else "niet te berekenen"
            assert rij == [ind["naam"], f"{teken} {_indicatorwaarde(ind['doel'])}", *cellen, gehaald]
    # Met de hand, uit templates/voorbeeldregistratie-oost.csv: elk kwartaal 30 hulpvragen, dus het doel van
    # minstens 60 in geen van de 6 kwartalen gehaald; de tevredenheid in 2022-K1 is 7,4 (onder 7,5).
    oost = {r[0]: r for r in tabellen[1][1:]}
    assert oost["Hulpvragen per periode"][1:] == ["≥ 60", *["30: niet gehaald"] * 4, "0 van 6"]
    assert oost["Gemiddelde tevredenheid (cijfer)"][-1] == "5 van 6"
    # Hengelo registreert geen tevredenheid: niet te berekenen, met de reden, en zonder de mappen van de kaart.
    hengelo = {r[0]: r for r in tabellen[0][1:]}
    assert hengelo["Gemiddelde tevredenheid (cijfer)"][-1] == "niet te berekenen"
    tekst = " ".join(monitor["monitor.html"].read_text(encoding="utf-8").split())
    assert "Niet te berekenen: Gemiddelde tevredenheid (cijfer) (de export heeft een kolom tevredenheid" in tekst
    assert "(waarden in monitor.yaml)" in tekst and str(KAART.parent) not in tekst


def test_pdf_draagt_de_uitkomstenkaart(monitor):
    from pypdf import PdfReader

    tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(monitor["monitor.pdf"]).pages).split())
    assert "Uitkomstenkaart: het doel per kwartaal" in tekst
    for kaart in monitor["json"]["uitkomstenkaart"]:
        assert f"Uitkomstenkaart juridisch spreekuur: {kaart['bibliotheek']}" in tekst
        for ind in kaart["indicatoren"]:
            assert ind["naam"].split(" (")[0] in tekst
    # Oost: elk kwartaal 30 hulpvragen tegen minstens 60; uren in 2022-K3 1,48 (getoond als 1,5) tegen hoogstens 1,5.
    assert "Hulpvragen per periode ≥ 60 30: niet gehaald" in tekst and "0 van 6" in tekst
    assert "Uren per hulpvraag ≤ 1,5 1,5: gehaald" in tekst


# -- Chromium -----------------------------------------------------------------------------------


@pytest.mark.chromium
@pytest.mark.parametrize("breedte", [375, 1280])
def test_html_in_chromium(monitor, breedte):
    html = monitor["monitor.html"]
    verwacht = len(re.findall(r'<figure class="grafiek', html.read_text(encoding="utf-8")))
    zicht = bezoek(html, breedte, secties=("uitkomstenkaart",))
    assert zicht.binnen_breedte == breedte
    assert zicht.scroll_breedte <= zicht.binnen_breedte, "horizontaal scrollen nodig"
    assert [m for m in zicht.meldingen if m.get("level") in ("SEVERE", "WARNING")] == []
    assert len(zicht.grafieken) == verwacht and verwacht >= 6
    for naam, png in zicht.grafieken.items():
        assert aandeel_inkt(png) > 0.02, f"{naam} lijkt leeg op {breedte} px"
    # De uitkomstenkaart staat op het scherm en is niet leeg (op 375 px onder elkaar per indicator).
    assert aandeel_inkt(zicht.secties["uitkomstenkaart"]) > 0.02


def test_html_heeft_geen_netwerk_nodig_en_elke_grafiek_een_tekstalternatief(monitor):
    tekst = monitor["monitor.html"].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", tekst)
    assert "@import" not in tekst and "url(http" not in tekst
    for figuur in re.findall(r'<figure class="grafiek.*?</figure>', tekst, re.S):
        assert re.search(r'role="img" aria-label="[^"]*\d', figuur)
        assert "<svg" in figuur and "<table" in figuur


# -- schrijven ------------------------------------------------------------------------------------


def test_bestaande_infographic_alleen_met_overschrijf(cli, tmp_path):
    doel = tmp_path / "m.html"
    doel.write_text("eigen werk", encoding="utf-8")
    code, _, fout = cli("monitor", HENGELO, "--bibliotheek", "Hengelo", "-o", doel)
    assert code == 2
    assert fout.strip().splitlines()[0] == f"{doel}: bestand bestaat al; gebruik --overschrijf om het te vervangen"
    assert doel.read_text(encoding="utf-8") == "eigen werk"
    code, _, _ = cli("monitor", HENGELO, "--bibliotheek", "Hengelo", "-o", doel, "--overschrijf")
    assert code == 0 and doel.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_onbekende_extensie(cli, tmp_path):
    code, _, fout = cli("monitor", HENGELO, "-o", tmp_path / "m.docx")
    assert code == 2
    assert fout.strip() == f"Fout: -o: '{tmp_path / 'm.docx'}' eindigt niet op .html of .pdf; de infographic van de monitor kent alleen die twee formaten."
    assert not (tmp_path / "m.docx").exists()


def test_tekst_uit_de_export_blijft_tekst(cli, tmp_path):
    export = tmp_path / "e.csv"
    export.write_text("Datum;Onderwerp;Opgelost;Doorverwezen;Uren\n01-02-2024;<script>alert(1)</script>;ja;nee;1\n", encoding="utf-8")
    doel = tmp_path / "m.html"
    code, _, fout = cli("monitor", export, "--bibliotheek", "<b>Bieb</b>", "-o", doel)
    assert code == 0, fout
    tekst = doel.read_text(encoding="utf-8")
    assert "<script>" not in tekst and "<b>Bieb" not in tekst
    assert "&lt;b&gt;Bieb&lt;/b&gt;" in tekst


def test_een_bibliotheek_zonder_doelgroepen_en_doorverwijzers_zegt_dat(cli, tmp_path):
    from pypdf import PdfReader

    html, pdf = tmp_path / "m.html", tmp_path / "m.pdf"
    for doel in (html, pdf):
        code, _, fout = cli("monitor", HENGELO, "--bibliotheek", "Hengelo", "--per", "maand", "-o", doel)
        assert code == 0, fout
    tabellen = _tabellen(html)
    # 13 maanden van juni 2021 tot en met juni 2022, samen de 300 hulpvragen.
    assert len(tabellen["grafiek-trend"]) == 1 + 13
    assert sum(int(r[1]) for r in tabellen["grafiek-trend"][1:]) == 300
    assert "grafiek-doorverwijzers" not in tabellen and "grafiek-doelgroep-0" not in tabellen
    tekst = " ".join(html.read_text(encoding="utf-8").split())
    assert "Geen van de exports registreert wie de bezoeker stuurde" in tekst
    assert len(PdfReader(pdf).pages) == 1
