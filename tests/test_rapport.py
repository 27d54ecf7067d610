"""`kostenbaten rapport`: de kopcijfers uit de uitkomstobjecten, bekeken zoals een lezer het rapport ziet.

De PDF wordt gelezen met pdftotext en per pagina getekend met pdftoppm; de
HTML opent in headless Chromium op 375 en 1280 pixels breed. Elk verwacht
cijfer wordt hier uitgerekend via de rekenkern en `notatie`, nooit overgetypt.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from chromium import aandeel_inkt, bezoek
from conftest import HENGELO, ROOT, vervang
from systeem import vereis

BEGROTING = ROOT / "templates" / "voorbeeldbegroting.yaml"
BANDBREEDTE = ROOT / "casussen" / "varianten" / "hengelo-bandbreedte.yaml"
VARIANTEN = [ROOT / "casussen" / "varianten" / "hengelo-900.yaml", ROOT / "casussen" / "varianten" / "vrijwilligers.yaml"]
MARKERING = "Bijlage A."  # de kop van de eerste bijlage: daar houdt de voorkant op


def _kba(map_: Path):
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.project import laad

    project = laad(map_)
    return bereken_pilot(project.pilot, project.casussen)


def _kopcijfers(map_: Path) -> list[str]:
    """Gemiddeld netto per casus (op centen) en beide totalen, in Nederlandse notatie."""
    from kostenbaten.notatie import euro

    u = _kba(map_)
    return [euro(u.gemiddelde_netto, 2), euro(u.extrapolaties["rapport"].totaal), euro(u.extrapolaties["gewogen"].totaal)]


def _vereis_poppler() -> None:
    vereis("pdftotext", "pdftoppm")


def _tekst(pdf: Path, eerste: int | None = None, laatste: int | None = None) -> str:
    """De tekst van de PDF (of van een paar pagina's), met elke reeks witruimte als één spatie."""
    _vereis_poppler()
    opdracht = ["pdftotext", "-layout"]
    if eerste is not None:
        opdracht += ["-f", str(eerste), "-l", str(laatste or eerste)]
    uit = subprocess.run([*opdracht, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(uit.split())


def _paginas(pdf: Path) -> int:
    """Het aantal pagina's, met pypdf (puur Python), zodat dit ook zonder poppler-utils werkt."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def _lees(html: Path) -> str:
    """De HTML met elke harde spatie (tussen € en het bedrag) als gewone spatie."""
    return html.read_text(encoding="utf-8").replace("\xa0", " ").replace("\u2060", "")  # (de woordverbinder in -€)


def _zichtbaar(html: Path) -> str:
    """De tekst van de HTML zoals een lezer hem ziet: zonder tags (een cijfer staat in een verwijzing), spaties samengevoegd."""
    return " ".join(re.sub(r"<[^>]+>", "", _lees(html)).split())


def _maak(cli, tmp: Path, naam: str, *argumenten) -> Path:
    doel = tmp / naam
    code, _, fout = cli("rapport", *argumenten, "-o", doel)
    assert code == 0, fout
    assert fout.strip() == f"Geschreven: {doel}"
    return doel


@pytest.fixture(scope="module")
def rapporten(tmp_path_factory):
    """Het Hengelo-rapport als PDF en HTML, en een volledig rapport (begroting, varianten) als HTML en PDF."""
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    map_ = tmp_path_factory.mktemp("rapporten")
    runner = CliRunner()

    def maak(naam, *argumenten):
        doel = map_ / naam
        r = runner.invoke(app, ["rapport", *map(str, argumenten), "-o", str(doel)], catch_exceptions=False)
        assert r.exit_code == 0, r.stderr
        return doel

    volledig = ("--begroting", BEGROTING, *(a for v in VARIANTEN for a in ("--vergelijk", v)))
    return {
        "pdf": maak("hengelo.pdf", HENGELO),
        "html": maak("hengelo.html", HENGELO),
        "volledig.html": maak("volledig.html", HENGELO, *volledig),
        "volledig.pdf": maak("volledig.pdf", HENGELO, *volledig),
    }


# -- PDF ----------------------------------------------------------------------------------


@pytest.mark.poppler
def test_pdf_draagt_de_kopcijfers_in_nederlandse_notatie(rapporten):
    voorkant = _tekst(rapporten["pdf"], 1, 1)
    for cijfer in _kopcijfers(HENGELO):
        assert cijfer in voorkant, cijfer
    # Geen Engelse notatie zoals € 115,566 of 583.67.
    assert not re.search(r"€ ?\d{1,3}(,\d{3})+(?!\d)", voorkant)
    assert not re.search(r"€ ?\d+\.\d{2}(?!\d)", voorkant)


@pytest.mark.poppler
@pytest.mark.parametrize("naam", ["pdf", "volledig.pdf"])
def test_voorkant_hoogstens_twee_paginas_dan_bijlagen(rapporten, naam):
    pdf = rapporten[naam]
    per_pagina = [_tekst(pdf, i) for i in range(1, _paginas(pdf) + 1)]
    eerste_bijlage = next(i for i, t in enumerate(per_pagina, 1) if MARKERING in t)
    assert eerste_bijlage <= 3, f"de voorkant loopt door tot pagina {eerste_bijlage - 1}"
    assert per_pagina[eerste_bijlage - 1].startswith(MARKERING), "de eerste bijlage begint niet bovenaan een nieuwe pagina"
    # De voorkant noemt geen interne sleutels zoals aandeel_client of bijzondere_bijstand.
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", " ".join(per_pagina[: eerste_bijlage - 1]))


@pytest.mark.poppler
@pytest.mark.parametrize("naam", ["pdf", "volledig.pdf"])
def test_elke_pagina_heeft_inhoud(rapporten, naam, tmp_path):
    _vereis_poppler()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(rapporten[naam]), str(tmp_path / "pagina")], check=True, capture_output=True)
    beelden = sorted(tmp_path.glob("pagina-*.png"))
    assert len(beelden) == _paginas(rapporten[naam])
    for beeld in beelden:
        assert aandeel_inkt(beeld.read_bytes()) > 0.01, beeld.name


@pytest.mark.poppler
def test_begroting_zegt_wat_de_gemeente_betaalt_en_terugkrijgt(rapporten):
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.notatie import euro, getal_nl

    invoer = laad_begroting(BEGROTING)
    b = bereken_begroting(invoer.begroting, _kba(invoer.project.map))
    gemeente = b.van_actor("gemeente")
    # Een regel mag na het afbreekstreepje in 'baten/kosten-verhouding' breken.
    tekst = _tekst(rapporten["volledig.pdf"], 1, 2).replace("kosten- verhouding", "kosten-verhouding")
    assert f"Gemeente betaalt {euro(gemeente.betaalt)} en krijgt {euro(gemeente.wint)} terug" in tekst
    assert f"baten/kosten-verhouding {getal_nl(b.verhouding, 2)}" in tekst


@pytest.mark.poppler
def test_vergelijking_zet_de_varianten_naast_elkaar(rapporten):
    from kostenbaten.notatie import euro

    pdf = _tekst(rapporten["volledig.pdf"])
    html = _lees(rapporten["volledig.html"])
    for variant in VARIANTEN:
        u = _kba(variant)
        assert f"<td data-kop=\"Scenario\">{u.pilot.naam}</td>" in html
        assert euro(u.extrapolaties["rapport"].totaal) in pdf


# -- HTML in de browser ---------------------------------------------------------------------


@pytest.mark.chromium
@pytest.mark.parametrize("breedte", [375, 1280])
@pytest.mark.parametrize("naam", ["html", "volledig.html"])
def test_html_in_chromium(rapporten, naam, breedte):
    html = rapporten[naam]
    verwacht = len(re.findall(r'<figure class="grafiek', html.read_text(encoding="utf-8")))
    zicht = bezoek(html, breedte)
    assert zicht.binnen_breedte == breedte
    assert zicht.scroll_breedte <= zicht.binnen_breedte, "horizontaal scrollen nodig"
    assert [m for m in zicht.meldingen if m.get("level") in ("SEVERE", "WARNING")] == []
    assert len(zicht.grafieken) == verwacht and verwacht >= 3
    for naam_grafiek, png in zicht.grafieken.items():
        assert aandeel_inkt(png) > 0.02, f"{naam_grafiek} lijkt leeg op {breedte} px"


def test_html_heeft_geen_netwerk_nodig_en_elke_grafiek_een_tekstalternatief(rapporten):
    tekst = _lees(rapporten["volledig.html"])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", tekst)
    assert "@import" not in tekst and "url(http" not in tekst
    figuren = re.findall(r'<figure class="grafiek.*?</figure>', tekst, re.S)
    assert len(figuren) == 5
    for figuur in figuren:
        assert re.search(r'role="img" aria-label="[^"]*€ \d', figuur), "tekstalternatief zonder bedragen"
        assert "<svg" in figuur and "<table" in figuur


def test_html_draagt_de_kopcijfers(rapporten):
    tekst = _lees(rapporten["html"])
    # Elk totaal met zijn eigen tweedeling: gewogen 68.766 / 107.109 = 64%.
    assert "Daarvan is 68% voor de cliënt en 32% voor de overheid (één gemiddelde voor alle casussen), en 64% voor de cliënt en 36% voor de overheid (gewogen per rechtsgebied)" in _zichtbaar(rapporten["html"])
    for cijfer in _kopcijfers(HENGELO):
        assert cijfer in tekst


# -- de cijfers komen uit de invoer -----------------------------------------------------------


@pytest.mark.poppler
def test_ander_kengetal_ander_rapport(cli, hengelo, tmp_path):
    voor = _kopcijfers(hengelo)
    # Kengetal toevoeging van € 800 naar € 1.000: het totaal stijgt met (1.000 - 800) x toevoegingen / 6 x 198.
    vervang(hengelo / "pilot.yaml", "    bedrag: 800\n", "    bedrag: 1000\n")
    na = _kopcijfers(hengelo)
    assert voor[1] != na[1]
    html = _lees(_maak(cli, tmp_path, "na.html", hengelo))
    pdf = _tekst(_maak(cli, tmp_path, "na.pdf", hengelo), 1, 1)
    for cijfer in na:
        assert cijfer in html and cijfer in pdf
    assert voor[1] not in html and voor[1] not in pdf


def test_onzekerheid_met_zaad_in_de_kernzin(cli, tmp_path):
    from kostenbaten.berekening.onzekerheid import simuleer
    from kostenbaten.invoer.project import laad
    from kostenbaten.notatie import euro, kans

    project = laad(BANDBREEDTE)
    o = simuleer(project.pilot, project.casussen, 2000, 7)
    totaal = o.extrapolaties["rapport"]["totaal"]
    tekst = _zichtbaar(_maak(cli, tmp_path, "b.html", BANDBREEDTE, "--trekkingen", "2000", "--zaad", "7"))
    # "tussen X en Y" (niet "tussen X tot Y"): het interval van P5 en P95.
    assert f"Met 90% kans ligt het totaal tussen {euro(totaal.percentielen[5])} en {euro(totaal.percentielen[95])}" in tekst
    assert "Dat interval dekt de bereiken in de invoer" in tekst
    assert f"kans op een negatief totaal is {kans(totaal.kans_negatief)}" in tekst
    assert "2.000 trekkingen" in tekst and "zaad 7" in tekst


@pytest.mark.poppler
def test_eigen_map_zonder_rapportcijfers_noemt_dat_woord_nergens(cli, tmp_path, rapporten):
    # (De naam van deze test, en dus van tmp_path, bevat het woord zelf niet: de paden staan in de uitleg.)
    map_ = tmp_path / "mijnstad"
    code, _, fout = cli("nieuw", map_)
    assert code == 0, fout
    html = _lees(_maak(cli, tmp_path, "m.html", map_))
    pdf = _tekst(_maak(cli, tmp_path, "m.pdf", map_))
    assert "gepubliceerd" not in html.lower()
    assert "gepubliceerd" not in pdf.lower()
    # Hengelo heeft wel gepubliceerde cijfers: daar staat de bijlage met het oordeel van controleer.
    assert "Gepubliceerde cijfers nagerekend" in _tekst(rapporten["pdf"])


@pytest.mark.poppler
def test_waar_het_bewijs_dun_is_staat_op_de_voorkant(cli, tmp_path, rapporten):
    """De startmap van `nieuw` rust op één casus per rechtsgebied en dekt 33%: de raad leest dat; Hengelo heeft niets."""
    from kostenbaten.berekening.waarschuwingen import over_casussen
    from kostenbaten.invoer.project import laad
    from kostenbaten.uitvoer.waarschuwingen import tekst

    map_ = tmp_path / "mijnstad"
    assert cli("nieuw", map_)[0] == 0
    project = laad(map_)
    verwacht = over_casussen(project.pilot, project.casussen)
    assert len(verwacht) == 2
    pdf = _maak(cli, tmp_path, "m.pdf", map_)
    per_pagina = [_tekst(pdf, i) for i in range(1, _paginas(pdf) + 1)]
    eerste_bijlage = next(i for i, t in enumerate(per_pagina, 1) if t.startswith(MARKERING))
    voorkant = " ".join(" ".join(per_pagina[: eerste_bijlage - 1]).split())
    assert "Waar het bewijs dun is" in voorkant
    for w in verwacht:
        assert " ".join(tekst(w).split()) in voorkant.replace("• ", "")
    assert "Waar het bewijs dun is" not in _tekst(rapporten["pdf"])


# -- opdrachtregel --------------------------------------------------------------------------


def test_bestaand_rapport_alleen_met_overschrijf(cli, tmp_path):
    doel = tmp_path / "r.html"
    doel.write_text("eigen werk", encoding="utf-8")
    code, _, fout = cli("rapport", HENGELO, "-o", doel)
    assert code == 2
    assert fout.strip().splitlines()[0] == f"{doel}: bestand bestaat al; gebruik --overschrijf om het te vervangen"
    assert doel.read_text(encoding="utf-8") == "eigen werk"
    code, _, _ = cli("rapport", HENGELO, "-o", doel, "--overschrijf")
    assert code == 0 and doel.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_onbekende_extensie(cli, tmp_path):
    # .docx is sinds het Word-rapport een formaat; .txt niet.
    code, _, fout = cli("rapport", HENGELO, "-o", tmp_path / "r.txt")
    assert code == 2
    assert fout.strip() == f"Fout: -o: '{tmp_path / 'r.txt'}' eindigt niet op .html, .pdf, .docx of .json; het rapport kent alleen die vier formaten."
    assert not (tmp_path / "r.txt").exists()


def test_zonder_uitvoerbestand(cli):
    code, _, fout = cli("rapport", HENGELO)
    assert code == 2
    assert fout.splitlines()[0] == "Fout: optie -o (of --uitvoer) ontbreekt"


def test_negatief_totaal_zonder_zinloze_procenten(cli, hengelo, tmp_path):
    from kostenbaten.notatie import euro

    # SJD-tarief € 500 in plaats van € 80: boven het omslagpunt van € 371,83, dus een negatief totaal.
    vervang(hengelo / "pilot.yaml", "    per_uur: 80\n", "    per_uur: 500\n")
    r = _kba(hengelo).extrapolaties["rapport"]
    assert r.totaal < 0
    tekst = _zichtbaar(_maak(cli, tmp_path, "neg.html", hengelo))
    assert f"Daarvan is {euro(r.client)} voor de cliënt en {euro(r.overheid)} voor de overheid (één gemiddelde voor alle casussen)" in tekst
    assert "% voor de cliënt" not in tekst


@pytest.mark.poppler
def test_tekens_uit_de_invoer_blijven_tekst(cli, hengelo, tmp_path):
    """HTML-tekens en de opmaaktekens van typst in een naam komen letterlijk in het rapport, zonder opmaak of code."""
    naam = "Mijnstad <b>&</b> #set $x$ *vet* _schuin_ @label"
    vervang(hengelo / "pilot.yaml", "naam: Hengelo\n", f"naam: '{naam}'\n")
    html = _lees(_maak(cli, tmp_path, "t.html", hengelo))
    assert "Mijnstad &lt;b&gt;&amp;&lt;/b&gt; #set $x$ *vet* _schuin_ @label" in html
    assert "<b>&</b>" not in html
    assert naam in _tekst(_maak(cli, tmp_path, "t.pdf", hengelo), 1, 1)


@pytest.mark.poppler
def test_voorkant_past_ook_met_twaalf_casussen_en_begroting(cli, hengelo, tmp_path):
    """Meer casussen en een begroting: de PDF zet kleiner tot de voorkant weer op twee pagina's past."""
    for nummer in range(1, 7):
        tekst = (hengelo / f"casus-{nummer}.yaml").read_text(encoding="utf-8")
        tekst = tekst.replace(f"\nnummer: {nummer}\n", f"\nnummer: {nummer + 6}\n").split("\ngepubliceerd:")[0] + "\n"
        (hengelo / f"casus-{nummer + 6}.yaml").write_text(tekst, encoding="utf-8")
    begroting = tmp_path / "begroting.yaml"
    begroting.write_text(BEGROTING.read_text(encoding="utf-8").replace("casussen: ../casussen/hengelo", "casussen: hengelo"), encoding="utf-8")
    assert len(_kba(hengelo).casussen) == 12
    pdf = _maak(cli, tmp_path, "groot.pdf", hengelo, "--begroting", begroting)
    per_pagina = [_tekst(pdf, i) for i in range(1, _paginas(pdf) + 1)]
    assert next(i for i, t in enumerate(per_pagina, 1) if t.startswith(MARKERING)) <= 3
    assert "Casus 12:" in " ".join(per_pagina)


def test_rekenboom_noemt_namen_niet_sleutels(rapporten):
    from kostenbaten.invoer.project import laad

    pilot = laad(HENGELO).pilot
    html = _lees(rapporten["html"])
    assert "Hoe de totalen zijn opgebouwd" in html
    for sleutel, kengetal in pilot.kengetallen.items():
        assert f"kengetal {sleutel}:" not in html
        assert f"kengetal &#39;{kengetal.naam}&#39;:" in html
    for sleutel in ("client", "cliënt", *pilot.alle_actoren):
        assert f"[{sleutel}]" not in html


@pytest.mark.poppler
def test_begroting_over_meer_jaren_zegt_wanneer_het_terugverdiend_is(cli, tmp_path):
    """Met --horizon: dezelfde zin en dezelfde contante bedragen als `begroting --horizon`, en de voorkant past nog."""
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.notatie import euro
    from kostenbaten.uitvoer.namen import terugverdiend_tekst

    invoer = laad_begroting(BEGROTING)
    b = bereken_begroting(invoer.begroting.model_copy(update={"horizon": 3}), _kba(invoer.project.map))
    gemeente = b.meerjarig.van_actor("gemeente")
    pdf = _maak(cli, tmp_path, "drie-jaar.pdf", HENGELO, "--begroting", BEGROTING, "--horizon", "3")
    per_pagina = [_tekst(pdf, i) for i in range(1, _paginas(pdf) + 1)]
    eerste_bijlage = next(i for i, t in enumerate(per_pagina, 1) if t.startswith(MARKERING))
    voorkant = " ".join(" ".join(per_pagina[: eerste_bijlage - 1]).split())
    assert eerste_bijlage <= 3
    assert (
        f"Over 3 jaar (contant) betaalt de gemeente {euro(gemeente.contante_kosten)} en krijgt zij {euro(gemeente.contante_baten)} "
        f"terug: netto {euro(gemeente.netto_contante_waarde)}, terugverdiend: {terugverdiend_tekst(gemeente.terugverdienjaar)}."
    ) in voorkant
    # Eén jaar (de standaard) heeft geen meerjarig deel.
    assert "Over 3 jaar" not in _tekst(_maak(cli, tmp_path, "een-jaar.pdf", HENGELO, "--begroting", BEGROTING))


def test_prijspeil_in_het_rapport(cli, tmp_path):
    # Met --prijspeil staan alle bedragen in de prijzen van dat jaar, en de kern zegt dat (met de reeks en, bij een voorbeeld, een waarschuwing).
    from test_prijspeil import TESTREEKS

    reeks = tmp_path / "reeks.yaml"
    reeks.write_text(TESTREEKS, encoding="utf-8")
    gewoon = " ".join(_lees(_maak(cli, tmp_path, "gewoon.html", HENGELO)).split())
    code, _, fout = cli("rapport", HENGELO, "--prijspeil", "2023", "--prijsindex", reeks, "-o", tmp_path / "p.html")
    assert code == 0 and "Let op: de prijsindex 'Testreeks' is een voorbeeldreeks" in fout
    omgerekend = " ".join(_lees(tmp_path / "p.html").split())
    assert "prijzen van" not in gewoon
    assert "gepubliceerd" in gewoon.lower() and "gepubliceerd" not in omgerekend.lower()  # die staan op hun eigen prijspeil
    assert "Alle bedragen staan in prijzen van 2023" in omgerekend and "met de reeks Testreeks" in omgerekend
    assert "Let op: die reeks is een voorbeeld, geen echte cijfers." in omgerekend
    # Casus 1: kosten 2 uur x (80 + 30 + 10) x 1,05 = 252 in plaats van 240.
    assert "€ 252" in omgerekend and "€ 252" not in gewoon
