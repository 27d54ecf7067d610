"""Het rapport zoals een wethouder het leest: wat het interval dekt, één kostenverhaal, en de kleine dingen.

Naast Hengelo een eigen bibliotheek (`eigen_bibliotheek.py`: eigen tarieven, vijf
casussen, één met `kans: 0.5`, geen bereiken). Elk verwacht cijfer staat hier met
de som uitgeschreven; de teksten worden gelezen zoals ze in de HTML staan
(zonder opmaak), het Word-document met python-docx en via LibreOffice als PDF.
"""

from __future__ import annotations

import html as html_module
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import eigen_bibliotheek
from chromium import laad
from conftest import HENGELO, ROOT, html_tekst
from systeem import vereis

BEGROTING = ROOT / "templates" / "voorbeeldbegroting.yaml"
VRIJWILLIGERS = ROOT / "casussen" / "varianten" / "vrijwilligers.yaml"
BANDBREEDTE = ROOT / "casussen" / "varianten" / "hengelo-bandbreedte.yaml"

EIGEN_BEGROTING = """\
naam: Spreekuur Oosterdal
weken_per_jaar: 40
hulpvragen_per_jaar: 120
casussen: oosterdal
kba_methode: rapport
personeel:
  - naam: SJD
    uren_per_week: 4
    tarief: 92.50
    betaler: gemeente
    sjd: true
per_sjd_uur:
  - naam: Servicekosten
    tarief: 12
    betaler: bibliotheek
eenmalig:
  - naam: Folders
    bedrag: 1000
    betaler: gemeente
"""




@pytest.fixture(scope="module")
def maak(tmp_path_factory):
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    map_ = tmp_path_factory.mktemp("lezer")
    eigen_bibliotheek.schrijf(map_ / "oosterdal")
    (map_ / "begroting.yaml").write_text(EIGEN_BEGROTING, encoding="utf-8")
    gemaakt = {}

    def maak(naam, *argumenten):
        if naam not in gemaakt:
            doel = map_ / naam
            argumenten = [str(map_ / a) if a in ("oosterdal", "begroting.yaml") else str(a) for a in argumenten]
            r = CliRunner(env={"COLUMNS": "200"}).invoke(
                app, ["rapport", *argumenten, "--trekkingen", "2000", "-o", str(doel)], catch_exceptions=False
            )
            assert r.exit_code == 0, r.stderr
            gemaakt[naam] = (doel, r.stderr)
        return gemaakt[naam]

    maak.map = map_
    return maak


# -- 1. de onzekerheid zoals zij is --------------------------------------------------------------


def test_alleen_een_kans_zegt_dat_en_niet_bandbreedtes(maak):
    tekst = html_tekst(maak("o.html", "oosterdal")[0])
    assert "De enige onzekerheid in de invoer is de kans van slagen van casus 4 (50%): er zijn geen bereiken gegeven." in tekst
    assert "slaagt die casus of niet, en dat geldt dan voor alle hulpvragen waarvoor zij staat" in tekst
    assert "bandbreedte" not in tekst.lower()
    assert "Niet in dit interval: dat het gemiddelde op 5 uitgewerkte casussen rust." in tekst


def test_met_bereiken_noemt_het_interval_wat_het_dekt(maak):
    tekst = html_tekst(maak("v.html", VRIJWILLIGERS)[0])
    assert "Dat interval dekt de bereiken in de invoer (Tarief per uur: Inzet vrijwilligers) en de kansen van slagen van casus 1" in tekst
    tekst = html_tekst(maak("b.html", BANDBREEDTE)[0])
    assert "Dat interval dekt de bereiken in de invoer (" in tekst and "kans van slagen" not in tekst.split("Dat interval dekt")[1][:80]


@pytest.mark.parametrize("naam,argumenten", [
    ("cijfers-o.html", ("oosterdal",)), ("v.html", (VRIJWILLIGERS,)), ("b.html", (BANDBREEDTE,)), ("h.html", (HENGELO,)),
])
def test_nergens_tussen_tot(maak, naam, argumenten):
    tekst = html_tekst(maak(naam, *argumenten)[0])
    assert not re.search(r"\btussen\b[^.;:]*?\btot\b", tekst), re.search(r"\btussen\b[^.;:]*?\btot\b", tekst)


TWEE_BEREIKEN = """\
naam: Hengelo met twee bereiken
basis: hengelo
kengetallen:
  toevoeging:
    bedrag: {waarde: 800, min: 500, max: 1100}
  rechtbank:
    bedrag: {waarde: 500, min: 250, max: 1000}
"""


def test_interval_zegt_wat_de_spreiding_drijft_met_twee_bereiken(cli, hengelo, tmp_path):
    """Twee kengetallen met een driehoeksbereik, elk in één casus: het totaal is lineair in beide, dus het deel van de
    variantie van elk is (effect per euro)^2 x var(bereik), gedeeld door de som van beide."""
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.project import laad

    variant = tmp_path / "twee.yaml"
    variant.write_text(TWEE_BEREIKEN, encoding="utf-8")
    # Het effect van één euro op het totaal (één gemiddelde), met de exacte KBA: het kengetal 100 euro hoger.
    def totaal(tekst):
        (tmp_path / "een.yaml").write_text(tekst, encoding="utf-8")
        p = laad(tmp_path / "een.yaml")
        return bereken_pilot(p.pilot, p.casussen).extrapolaties["rapport"].totaal

    basis = totaal("naam: x\nbasis: hengelo\n")
    effect_toevoeging = (totaal("naam: x\nbasis: hengelo\nkengetallen:\n  toevoeging:\n    bedrag: 900\n") - basis) / 100
    effect_rechtbank = (totaal("naam: x\nbasis: hengelo\nkengetallen:\n  rechtbank:\n    bedrag: 600\n") - basis) / 100
    # Beide staan in één casus van zes: elke euro telt voor 198 gedekte hulpvragen / 6 casussen = 33.
    assert effect_toevoeging == effect_rechtbank == Decimal(198) / 6
    # Variantie van een driehoek (a, c, b): (a^2 + b^2 + c^2 - ab - ac - bc) / 18.
    var_toevoeging = Decimal(500**2 + 1100**2 + 800**2 - 500 * 1100 - 500 * 800 - 1100 * 800) / 18  # 270.000 / 18 = 15.000
    var_rechtbank = Decimal(250**2 + 1000**2 + 500**2 - 250 * 1000 - 250 * 500 - 1000 * 500) / 18  # 437.500 / 18 = 24.305,56
    t = effect_toevoeging**2 * var_toevoeging
    r = effect_rechtbank**2 * var_rechtbank
    deel_rechtbank = r / (t + r) * 100  # 24.305,56 / 39.305,56 = 61,8%
    assert round(deel_rechtbank, 1) == Decimal("61.8")

    code, _, fout = cli("rapport", variant, "-o", tmp_path / "r.html", "--trekkingen", 20000, "--zaad", 1)
    assert code == 0, fout
    tekst = html_tekst(tmp_path / "r.html")
    gevonden = re.search(
        r"De spreiding in dit interval komt vooral door het bereik van 'Kengetal: Vermeden kosten rechtbank' \((\d+)% van de "
        r"variantie, één gemiddelde voor alle casussen\), daarna het bereik van 'Kengetal: Kostenbesparing toevoeging' \((\d+)%\)\.",
        tekst,
    )
    assert gevonden, tekst[tekst.index("Met 90% kans"):][:700]
    # 20.000 trekkingen: de geschatte delen liggen binnen 2 procentpunt van de exacte (61,8% en 38,2%).
    assert abs(int(gevonden.group(1)) - deel_rechtbank) <= 2 and abs(int(gevonden.group(2)) - (100 - deel_rechtbank)) <= 2


def test_alleen_een_kans_drijft_de_hele_spreiding(maak):
    """Zonder bereiken is de verwachting bij de parameters vast: alle variantie in de trekkingen is de uitkomst per hulpvraag."""
    tekst = html_tekst(maak("o.html", "oosterdal")[0])
    assert ("De spreiding in dit interval komt vooral door de uitkomst per hulpvraag (of een casus met een kans van slagen "
            "slaagt) (100% van de variantie, één gemiddelde voor alle casussen).") in tekst


def test_zonder_marge_noemt_de_kernzin_de_grootste_balk_van_de_tornado(maak):
    """Hengelo heeft geen bereiken: de kernzin noemt de invoer met het grootste effect, het aantal hulpvragen.
    Het totaal is evenredig met de hulpvragen: 115.566 x 0,75 = 86.674,50 en x 1,25 = 144.457,50 (op euro's)."""
    from kostenbaten.berekening.gevoeligheid import STANDAARD_STAP
    from kostenbaten.notatie import euro

    assert STANDAARD_STAP == 25
    totaal = _kba_totaal(HENGELO)
    assert euro(totaal * Decimal("0.75")) == "€ 86.675" and euro(totaal * Decimal("1.25")) == "€ 144.458"
    tekst = html_tekst(maak("h.html", HENGELO)[0])
    assert ("Het meest hangt het totaal af van hulpvragen in de pilotperiode: 25% lager of hoger geeft € 86.675 of € 144.458 "
            "(één gemiddelde voor alle casussen)") in tekst


def _kba_totaal(map_: Path) -> Decimal:
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.project import laad

    p = laad(map_)
    return bereken_pilot(p.pilot, p.casussen).extrapolaties["rapport"].totaal


# -- 2. één kostenverhaal ----------------------------------------------------------------------


def test_hengelo_met_begroting_een_aansluiting_en_een_antwoord(maak):
    tekst = html_tekst(maak("hb.html", HENGELO, "--begroting", BEGROTING)[0])
    # KBA: 12 SJD-uren over 6 casussen = 2 per casus, x 198 gedekte hulpvragen = 396 uur, x (80 + 30 + 10) = € 47.520.
    # Begroting: (6 + 3) SJD-uren per week x 46 weken = 414 uur, x (80 + 30 + 10) = € 49.680; plus coördinator
    # 3 x 46 x 50 = 6.900, communicatie 1 x 46 x 50 = 2.300, directie 0,3 x 46 x 90 = 1.242 en eenmalig
    # 10.000 + 150 + 500 = 10.650: samen 21.092, totaal 49.680 + 21.092 = € 70.772.
    assert ("De KBA telt de uren die de uitgewerkte casussen vroegen: 396 SJD-uren voor de 198 hulpvragen in de "
            "rechtsgebieden van de casussen, maal de tarieven: € 47.520.") in tekst
    assert "414 begrote SJD-uren (9 uur per week, 46 weken) voor alle 300 hulpvragen (€ 49.680), plus € 21.092" in tekst
    assert "Kosten € 47.520 € 70.772" in tekst
    # Baten in beide: netto 115.566 + kosten 47.520 = 163.086; per euro 163.086 / 47.520 = 3,43 en / 70.772 = 2,30.
    assert "Baten per euro kosten 3,43 2,30" in tekst
    assert "De uitkomst bovenaan gebruikt de kosten van de KBA" in tekst
    # Gemeente: SJD (6 + 3) x 46 x 80 = 33.120 plus de cabine 10.000 = 43.120; terug: bijzondere bijstand 214 (casus 1)
    # en schuldhulpverlening 3 x 180 (casussen 3, 5, 6) = 754 over 6 casussen x 198 = 24.882; saldo 24.882 - 43.120.
    antwoord = ("Volgens de begroting betaalt de gemeente € 43.120 in het eerste jaar en krijgt zij € 24.882 terug: "
                "saldo -€ 18.238.")
    assert tekst.count(antwoord) == 1
    assert tekst.count("Twee kostenbedragen, één vraag.") == 1


def test_eigen_bibliotheek_met_begroting(maak):
    tekst = html_tekst(maak("ob.html", "oosterdal", "--begroting", "begroting.yaml")[0])
    # KBA: uren 2 + 1,5 + 1 + 4 + 2,5 = 11 over 5 casussen, x 96 gedekte hulpvragen (80% van 120) = 211,2 uur;
    # x (92,50 + 12) = € 22.070,40, afgerond € 22.070.
    assert "211,20 SJD-uren voor de 96 hulpvragen" in tekst and "maal de tarieven: € 22.070." in tekst
    # Begroting: 4 x 40 = 160 SJD-uren x 104,50 = 16.720, plus folders 1.000 = 17.720.
    assert "160 begrote SJD-uren (4 uur per week, 40 weken) voor alle 120 hulpvragen (€ 16.720), plus € 1.000" in tekst
    # Gemeente: 160 x 92,50 = 14.800 + 1.000 = 15.800; geen casus geeft de gemeente iets terug.
    assert "betaalt de gemeente € 15.800 in het eerste jaar en krijgt zij € 0 terug: saldo -€ 15.800." in tekst


def test_variant_met_begroting_rekent_een_kba(maak):
    doel, fout = maak("vb.html", VRIJWILLIGERS, "--begroting", BEGROTING)
    tekst = html_tekst(doel)
    assert "noemt de casussen '../casussen/hengelo'" in " ".join(fout.split())
    assert "De begroting noemt de casussen '../casussen/hengelo'; dit rapport rekent haar baten met de casussen van het rapport zelf" in tekst
    # Eén KBA: de baten van de begroting komen uit de vrijwilligers, de kosten van de KBA zijn die van de variant:
    # 396 uur x (25 + 30 + 10) = € 25.740, dezelfde als in 'Kosten tegen baten'.
    assert "uit de casussen van Vrijwilligers" in tekst and "uit de casussen van Hengelo" not in tekst
    assert "maal de tarieven: € 25.740." in tekst and "Kosten € 25.740 € 25.740" not in tekst
    assert "Kosten € 25.740 € 27.690" in tekst  # de tabel 'Kosten tegen baten': beide methoden van de variant


# -- 3. de kleine dingen ---------------------------------------------------------------------------


def test_titel_noemt_de_bibliotheek_niet_de_variant(maak):
    t = maak("v.html", VRIJWILLIGERS)[0].read_text(encoding="utf-8")
    assert "<h1>Kosten en baten van sociaal-juridische hulp in de bibliotheek: Hengelo</h1>" in t
    assert "in het scenario &#39;Vrijwilligers&#39;" in t


def test_periode_zoals_gegeven_tot_en_met(maak):
    assert "1 juni 2021 tot en met 30 juni 2022" in html_tekst(maak("h.html", HENGELO)[0])
    tekst = html_tekst(maak("o.html", "oosterdal")[0])
    assert "Pilot Bibliotheek Oosterdal, 1 januari 2024 tot en met 31 december 2024." in tekst
    assert "2024 tot 31" not in tekst


def test_euro_op_centen_als_het_geen_geheel_bedrag_is(maak):
    tekst = html_tekst(maak("o.html", "oosterdal")[0])
    assert "2 uur x € 92,50 per uur" in tekst
    assert not re.search(r"€ \d[\d.]*,\d(?!\d)", tekst), re.search(r"€ \d[\d.]*,\d(?!\d)", tekst)


def test_kans_in_de_casustabel_en_de_bijlage(maak):
    t = maak("o.html", "oosterdal")[0].read_text(encoding="utf-8")
    assert '<th scope="col" class="getal">Kans</th>' in t
    # De kans van casus 4 verwijst naar de baten van die casus, die zij weegt; een casus zonder kans heeft een streep.
    assert '<td data-kop="Kans" class="getal"><a href="#uitleg-casus-4-baten">50%</a></td>' in t
    assert t.count('<td data-kop="Kans" class="getal">-</td>') == 4
    assert "Huurrecht; 4 uur; kans van slagen 50%, de baten tellen voor dat deel mee." in html_tekst(maak("o.html", "oosterdal")[0])
    # Zonder kansen geen lege kolom.
    assert '<th scope="col" class="getal">Kans</th>' not in maak("h.html", HENGELO)[0].read_text(encoding="utf-8")


def test_het_rapport_alleen_bij_hengelo(maak):
    eigen = html_tekst(maak("o.html", "oosterdal")[0])
    for label in ("Extrapolatie rapport", "van het rapport", "methode rapport", "het rapport van de pilot"):
        assert label not in eigen, label
    assert "het rapport van de pilot" in html_tekst(maak("h.html", HENGELO)[0])


def test_delen_tellen_op_tot_het_afgeronde_totaal(maak):
    from kostenbaten.notatie import op_hele_euros_tot_totaal

    # Saldi van de vrijwilligers (exact): cliënt 44.451,00, gemeente 4.560,60, Rijk 14.206,50, schuldeiser 4.422,00;
    # samen 67.640,10, afgerond 67.640. Naar beneden: 44.451 + 4.560 + 14.206 + 4.422 = 67.639; de ene euro die
    # ontbreekt gaat naar de grootste rest (0,60: gemeente). Los afgerond zou het 44.451 + 4.561 + 14.207 + 4.422 = 67.641 zijn.
    saldi = [Decimal("44451.00"), Decimal("4560.60"), Decimal("14206.50"), Decimal("4422.00")]
    assert op_hele_euros_tot_totaal(saldi) == [44451, 4561, 14206, 4422]
    t = maak("v.html", VRIJWILLIGERS)[0].read_text(encoding="utf-8").replace("\xa0", " ").replace("\u2060", "")
    tabel = re.search(r'<figure class="grafiek[^"]*" id="grafiek-actoren">.*?</figure>', t, re.S).group(0)
    # Elke cel is een verwijzing naar haar rekenboom: het bedrag staat binnen <a>.
    saldo = [int(s.replace(".", "").replace("€ ", "")) for s in re.findall(r'data-kop="Saldo" class="getal">(?:<a [^>]*>)?(€ [\d.]+)<', tabel)]
    assert saldo[:-1] == [44451, 4561, 14206, 4422] and sum(saldo[:-1]) == saldo[-1] == 67640
    assert "methode van de grootste resten" in tabel


def test_kop_blijft_bij_zijn_eerste_regels(maak):
    t = maak("h.html", HENGELO)[0].read_text(encoding="utf-8")
    assert "h1, h2, .bij-elkaar > p.nadruk:first-child { break-after: avoid;" in t
    from importlib.resources import files

    typ = (files("kostenbaten.uitvoer.rapport") / "sjablonen" / "rapport.typ").read_text(encoding="utf-8")
    assert re.search(r"show heading\.where\(level: 2\): it => block\([^)]*sticky: true", typ)


@pytest.mark.poppler
def test_pdf_geen_kop_onderaan_een_pagina(maak):
    vereis("pdftotext")
    pdf, _ = maak("hb.pdf", HENGELO, "--begroting", BEGROTING)
    koppen = {"Wat de samenleving wint, en wie betaalt en wie wint", "De uitkomst in de methode van de KBA Hengelo",
              "Kosten tegen baten, per jaar", "Wie betaalt en wie wint, in de methode van de KBA Hengelo", "Wat het kost en wie betaalt: de begroting",
              "Wat de uitkomst bepaalt", "De casussen", "Aannames en bronnen", "Hoe is gerekend"}
    pagina = 1
    while True:
        uit = subprocess.run(["pdftotext", "-f", str(pagina), "-l", str(pagina), "-layout", str(pdf), "-"], capture_output=True, text=True)
        if uit.returncode != 0 or not uit.stdout.strip():
            break
        regels = [r.strip() for r in uit.stdout.splitlines() if r.strip()]
        # De laatste regel is de voet; de regel daarboven mag geen kop zijn.
        assert regels[-2] not in koppen, f"pagina {pagina} eindigt met de kop '{regels[-2]}'"
        pagina += 1
    assert pagina > 3


# -- 4. Word ---------------------------------------------------------------------------------------


def _html_tabellen(pad: Path) -> list[list[list[str]]]:
    t = pad.read_text(encoding="utf-8")
    uit = []
    for tabel in re.findall(r"<table.*?</table>", t, re.S):
        tabel = re.sub(r"<caption>.*?</caption>", "", tabel, flags=re.S)
        rijen = []
        for rij in re.findall(r"<tr>(.*?)</tr>", tabel, re.S):
            rijen.append([" ".join(html_module.unescape(re.sub(r"<[^>]+>", "", c)).replace("\xa0", " ").replace("\u2060", "").split())
                          for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)])
        uit.append(rijen)
    return uit


@pytest.fixture(scope="module")
def word(maak):
    pytest.importorskip("docx", reason="python-docx is niet geïnstalleerd: geen Word-document te lezen")
    return maak("raadsvoorstel.docx", HENGELO, "--begroting", BEGROTING)[0]


def test_word_heeft_koppen_tabellen_en_grafieken_met_alternatieve_tekst(word, maak):
    import docx

    d = docx.Document(str(word))
    koppen = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert "Wat de samenleving wint, en wie betaalt en wie wint" in koppen
    assert "De uitkomst in de methode van de KBA Hengelo" in koppen and "Wat het kost en wie betaalt: de begroting" in koppen
    assert any(k.startswith("Bijlage A.") for k in koppen)
    assert d.paragraphs[0].style.name == "Title" and d.paragraphs[0].text.endswith(": Hengelo")
    # Elke tabel van de HTML is een Word-tabel met dezelfde cellen, in dezelfde volgorde.
    html_tabellen = _html_tabellen(maak("hb.html", HENGELO, "--begroting", BEGROTING)[0])
    word_tabellen = [[[" ".join(c.text.replace("\xa0", " ").split()) for c in r.cells] for r in t.rows] for t in d.tables]
    assert len(word_tabellen) == len(html_tabellen) >= 8
    assert word_tabellen == html_tabellen
    for t in word_tabellen:
        assert len(t) >= 2 and any(c for r in t[1:] for c in r), "lege tabel"
    # Grafieken als afbeelding met hun beschrijving als alternatieve tekst.
    beschrijvingen = [e.get("descr") for e in d.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert len(beschrijvingen) == 4
    assert all(b and "€ " in b.replace("\xa0", " ") for b in beschrijvingen)
    # Bewerkbare tekst: de kernzin staat als gewone tekst in een alinea.
    assert any("levert gemiddeld € 583,67 netto op" in p.text.replace("\xa0", " ") for p in d.paragraphs)


def test_word_cijfers_gelijk_aan_bereken_json(word, cli):
    import docx

    from kostenbaten.notatie import euro

    code, uit, _ = cli("bereken", HENGELO, "--formaat", "json")
    assert code == 0
    j = json.loads(uit)
    rapport, gewogen = (next(e for e in j["extrapolatie"] if e["methode"] == m) for m in ("rapport", "gewogen"))
    d = docx.Document(str(word))
    tekst = " ".join(p.text for p in d.paragraphs).replace("\xa0", " ")
    assert euro(Decimal(j["gemiddelde_netto"]), 2) in tekst
    assert f"samen {euro(Decimal(rapport['totaal']))} (één gemiddelde" in tekst and euro(Decimal(gewogen["totaal"])) in tekst
    netto = [r for t in d.tables for r in t.rows if r.cells[0].text == "Netto"][0]
    assert [c.text.replace("\xa0", " ") for c in netto.cells[1:]] == [euro(Decimal(rapport["totaal"])), euro(Decimal(gewogen["totaal"]))]
    casussen = next(t for t in d.tables if t.rows[0].cells[1].text == "Casus")
    for rij, casus in zip(casussen.rows[1:], j["casussen"]):
        assert rij.cells[0].text == str(casus["nummer"])
        assert rij.cells[6].text.replace("\xa0", " ") == euro(Decimal(casus["netto"]))


@pytest.mark.libreoffice
@pytest.mark.poppler
def test_word_opent_in_libreoffice(word, tmp_path):
    from libreoffice import vereis_libreoffice

    soffice = vereis_libreoffice()
    vereis("pdftotext", "pdfinfo")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profiel", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(word)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "raadsvoorstel.pdf"
    paginas = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout, re.M).group(1))
    assert 4 <= paginas <= 50  # de bijlage met een rekenboom voor elk cijfer op de voorkant (zo'n 43 pagina's)
    tekst = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()).replace("\xa0", " ")
    for kop in ("De uitkomst", "Twee kostenbedragen, één vraag.", "Bijlage A.", "Hoe de totalen zijn opgebouwd", "€ 115.566", "€ 70.772"):
        assert kop in tekst, kop


def test_onbekende_extensie_noemt_de_drie_formaten(cli, tmp_path):
    code, _, fout = cli("rapport", HENGELO, "-o", tmp_path / "r.odt")
    assert code == 2
    assert fout.strip() == f"Fout: -o: '{tmp_path / 'r.odt'}' eindigt niet op .html, .pdf, .docx of .json; het rapport kent alleen die vier formaten."
    assert not (tmp_path / "r.odt").exists()


# -- 5. elk cijfer herleidbaar ------------------------------------------------------------------------


def test_cijfers_op_de_voorkant_wijzen_naar_hun_rekenboom(maak):
    from kostenbaten.notatie import euro

    doel = maak("h.html", HENGELO)[0]
    t = doel.read_text(encoding="utf-8").replace("\xa0", " ").replace("\u2060", "")
    voorkant = t.split('<div class="bijlagen">')[0]
    # De kernzin: € 583,67 en € 115.566 naar de boom van het vlakke totaal, € 107.109 naar die van het gewogen.
    assert '<a href="#uitleg-rapport" title="Hoe dit cijfer is berekend">€ 583,67</a>' in voorkant
    assert '<a href="#uitleg-rapport" title="Hoe dit cijfer is berekend">€ 115.566</a>' in voorkant
    assert '<a href="#uitleg-gewogen" title="Hoe dit cijfer is berekend">€ 107.109</a>' in voorkant
    # Elke casus in de casustabel en elk kengetal naar zijn eigen knoop; elk doel bestaat, in de bijlage.
    doelen = re.findall(r'href="#(uitleg-[^"]+)"', voorkant)
    assert {f"uitleg-casus-{n}" for n in range(1, 7)} <= set(doelen)
    assert {"uitleg-kengetal-toevoeging", "uitleg-kengetal-rechtbank"} <= set(doelen)
    bijlagen = t.split('<div class="bijlagen">')[1]
    for anker in set(doelen):
        assert bijlagen.count(f'id="{anker}"') == 1, anker
    # De knoop van casus 1 toont zijn netto en de regel in het casusbestand.
    knoop = re.search(r'<li id="uitleg-casus-1">(.*?)<span class="detail">(.*?)</span>', bijlagen, re.S)
    assert knoop.group(1).startswith(f"Casus 1: netto (Bezwaarschrift tegen terugvordering van bijstand): {euro(Decimal(1374))}")
    assert "casus-1.yaml:2" in knoop.group(2)  # regel 1 is de schemaregel, regel 2 "nummer: 1"
    kengetal = re.search(r'<li id="uitleg-kengetal-toevoeging">.*?<span class="detail">(.*?)</span>', bijlagen, re.S).group(1)
    assert "pilot.yaml:" in kengetal and "bron: KBA Hengelo (2023), casus 1" in kengetal


VOORKANT_ZONDER_BOOM = ()  # elke tabel van de voorkant heeft haar rekenbomen
BEDRAG = re.compile(r"-?€ ?-?[\d.]+(?:,\d+)?")


def _knoop_waarden(bijlagen: str) -> dict[str, str]:
    """Anker -> de tekst van zijn knoop in de bijlage (label: waarde), zonder opmaak."""
    uit = {}
    for anker, tekst in re.findall(r'<li id="([^"]+)">(.*?)(?:<span class="detail">|<ul>|</li>)', bijlagen, re.S):
        uit[anker] = html_module.unescape(re.sub(r"<[^>]+>", "", tekst)).strip()
    return uit


def _bedrag(tekst: str) -> Decimal:
    """`€ 47.520` of `-€ 6.600` of `€ 583,67` als getal."""
    t = tekst.replace("€", "").replace(" ", "").replace(".", "").replace(",", ".")
    return Decimal(t)


@pytest.mark.parametrize("argumenten", [(HENGELO,), (HENGELO, "--begroting", BEGROTING)])
def test_elk_bedrag_in_een_tabel_op_de_voorkant_wijst_naar_zijn_rekenboom(maak, argumenten):
    """Elke cel met een bedrag in de tabellen van de voorkant (kosten en baten, per actor, de verdelingstabel, de tornado,
    de casussen, de tarieven, de KBA-kolom van de begroting) is een verwijzing naar een knoop in de bijlage met
    hetzelfde bedrag: exact in de boom, afgerond in de cel (grootste resten: hoogstens € 1 verschil)."""
    naam = "h.html" if len(argumenten) == 1 else "hb.html"
    t = maak(naam, *argumenten)[0].read_text(encoding="utf-8").replace("\xa0", " ").replace("\u2060", "")
    voorkant, bijlagen = t.split('<div class="bijlagen">')
    knopen = _knoop_waarden(bijlagen)
    gecontroleerd = 0
    for sectie, plek in re.findall(r'(<section id="([^"]+)".*?</section>)', voorkant, re.S):
        for tabel in re.findall(r"<table.*?</table>", sectie, re.S):
            kop = re.findall(r"<th[^>]*>(.*?)</th>", tabel)
            for rij in re.findall(r"<tr>(.*?)</tr>", tabel.split("</thead>")[-1], re.S):
                for k, cel in enumerate(re.findall(r"<td[^>]*>(.*?)</td>", rij, re.S)):
                    if not BEDRAG.search(cel) or (plek in VOORKANT_ZONDER_BOOM and kop[k] != "KBA"):
                        continue
                    link = re.fullmatch(r'<a href="#([^"]+)">(.*?)</a>', cel)
                    assert link, (plek, kop[k], cel)
                    anker, tekst = link.groups()
                    assert bijlagen.count(f'id="{anker}"') == 1, anker
                    waarde = BEDRAG.findall(knopen[anker])[-1]
                    if "per euro" not in knopen[anker]:
                        assert abs(_bedrag(tekst) - _bedrag(waarde)) <= 1, (plek, tekst, knopen[anker])
                    gecontroleerd += 1
    assert gecontroleerd >= 60, gecontroleerd
    # Met de hand: 12 SJD-uren in 6 casussen (2 + 3 + 2 + 2 + 1 + 2) x (€ 80 + € 30 + € 10) per uur = € 1.440;
    # x 198 gedekte hulpvragen / 6 casussen = € 47.520 (kosten, één gemiddelde); x 300 alle hulpvragen / 6 = € 72.000.
    # De baten van de zes casussen samen zijn € 4.942; x 198 / 6 = € 163.086; 163.086 / 47.520 = 3,43 per euro.
    assert (2 + 3 + 2 + 2 + 1 + 2) * (80 + 30 + 10) * 198 / 6 == 47520 and 1440 * 300 / 6 == 72000 and 4942 * 198 / 6 == 163086
    assert knopen["uitleg-kosten-rapport"].endswith("€ 47.520") and knopen["uitleg-baten-rapport"].endswith("€ 163.086")
    assert knopen["uitleg-verhouding-rapport"].endswith("3,43 per euro")
    assert '<a href="#uitleg-kosten-rapport">€ 47.520</a>' in voorkant
    if len(argumenten) == 1:
        # Zonder begroting: de kosten van alle 300 hulpvragen, per betaler; de Rijk betaalt het SJD-tarief.
        assert knopen["uitleg-saldo-rijk-betaalt"].endswith("€ 72.000")
        assert '<a href="#uitleg-saldo-rijk-betaalt">€ 72.000</a>' in voorkant
    else:
        # Met een begroting rust het saldo op haar kosten (gemeente 6·46·80 + 3·46·80 + 10.000 = 43.120; de Rijk niets),
        # en de verdelingstabel telt op: gemeente 24.882 - 19.800 - 43.120 = -38.038, Rijk 52.800 - 45.804 = 6.996.
        assert 6 * 46 * 80 + 3 * 46 * 80 + 10000 == 43120 and 24882 - 19800 - 43120 == -38038 and 52800 - 45804 == 6996
        assert knopen["uitleg-saldo-rijk-betaalt"].endswith("€ 0") and knopen["uitleg-saldo-gemeente-betaalt"].endswith("€ 43.120")
        assert knopen["uitleg-saldo-gemeente-saldo"].endswith("-€ 38.038") and knopen["uitleg-saldo-rijk-saldo"].endswith("€ 6.996")
        assert knopen["uitleg-saldo-samen-saldo"].endswith("€ 13.510")
    if len(argumenten) > 1:
        # De begroting (templates/voorbeeldbegroting.yaml): SJD 6 + 3 uur x 46 weken x € 80 = 33.120, plus de kosten per
        # SJD-uur (9 x 46 x € 30 + 9 x 46 x € 10 = 12.420 + 4.140): samen 49.680; met ander personeel en eenmalig € 70.772.
        assert 9 * 46 * 80 + 9 * 46 * 30 + 9 * 46 * 10 == 49680
        assert knopen["uitleg-begroting-sjd"].endswith("€ 49.680") and knopen["uitleg-begroting-kosten"].endswith("€ 70.772")
        # De gemeente krijgt terug: 66% x (214 + 3 x 180) / 6 casussen = 82,94 per hulpvraag, x 300 hulpvragen = 24.882.
        assert Decimal(66) * (214 + 3 * 180) / 6 / 100 == Decimal("82.94") and Decimal("82.94") * 300 == 24882
        assert knopen["uitleg-begroting-gemeente-wint"].endswith("€ 24.882")
        boom = bijlagen.split('id="uitleg-begroting-sjd"')[1].split("</ul></li>")[0]
        assert "voorbeeldbegroting.yaml:" in boom
        # Ook het antwoord voor de gemeente: elk bedrag in die zin wijst naar zijn boom.
        antwoord = re.search(r"<p[^>]*>Wat betaalt de gemeente.*?</p>", voorkant, re.S).group(0)
        assert re.findall(r'href="#([^"]+)"[^>]*>([^<]+)</a>', antwoord) == [
            ("uitleg-begroting-gemeente-betaalt", "€ 43.120"), ("uitleg-begroting-gemeente-wint", "€ 24.882"),
            ("uitleg-begroting-gemeente-saldo", "-€ 18.238")]
    # De tornado: hulpvragen 25% lager, de hele KBA opnieuw: 115.566 x 0,75 = 86.674,50.
    assert knopen["uitleg-tornado-hulpvragen-lager"].endswith("€ 86.674,50")
    # Elke boom reikt tot de invoer: onder de kosten van één gemiddelde staat de regel van het tarief in pilot.yaml.
    boom = bijlagen.split('id="uitleg-kosten-rapport"')[1].split("</ul></li>")[0]
    assert "casus-1.yaml:" in boom and "pilot.yaml:" in boom


def _browser():
    """Chromium zonder venster (1280 x 900), via chromedriver; de test sluit hem zelf (`quit`)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from chromium import vereis_chromium

    chromium, driver = vereis_chromium()
    opties = webdriver.ChromeOptions()
    opties.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opties.add_argument(argument)
    return webdriver.Chrome(service=Service(driver), options=opties)


@pytest.mark.chromium
def test_verwijzingen_werken_in_chromium(maak):
    from selenium.webdriver.common.by import By

    doel = maak("h.html", HENGELO)[0]
    browser = _browser()
    try:
        laad(browser, doel)
        links = browser.find_elements(By.CSS_SELECTOR, "main > section a[href^='#uitleg-'], header a[href^='#uitleg-']")
        assert len(links) >= 3 + 6 + 6
        # Elk bedrag in een tabelcel van de voorkant staat in een verwijzing waarvan het doel bestaat, in een bijlage.
        zonder = browser.execute_script(
            "const uit = [];"
            "for (const td of document.querySelectorAll('main > section:not(#begroting) td')) {"
            "  if (!td.textContent.includes('€')) continue;"
            "  const a = td.querySelector('a[href^=\"#\"]');"
            "  const doel = a && document.getElementById(a.getAttribute('href').slice(1));"
            "  if (!doel || !doel.closest('.bijlagen')) uit.push(td.textContent); }"
            "return uit;"
        )
        assert zonder == []
        aantal = browser.execute_script("return document.querySelectorAll('main > section:not(#begroting) td a').length")
        assert aantal >= 60
        # Klik op een cel van elke tabel: kosten en baten, per actor, de verdelingstabel, de tornado.
        cellen = [browser.find_element(By.CSS_SELECTOR, f"a[href='#uitleg-{c}']")
                  for c in ("kosten-rapport", "actor-rijk-betaalt", "saldo-gemeente-middelen", "tornado-hulpvragen-lager")]
        for link in links[:3] + links[-2:] + cellen:
            anker = link.get_attribute("href").split("#")[1]
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
            link.click()
            # Na de klik staat het doel in beeld, in een bijlage, en is het de :target.
            assert browser.execute_script("return location.hash") == f"#{anker}"
            in_beeld = browser.execute_script(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                "return r.top >= -1 && r.top < window.innerHeight && !!document.getElementById(arguments[0]).closest('.bijlagen');",
                anker,
            )
            assert in_beeld, anker
    finally:
        browser.quit()


# De plekken van de voorkant met uitkomsten (document.VOORKANT zonder titel, casussen, bewijs, aannames en methode).
UITKOMSTPLEKKEN = ("saldo", "verwacht", "kern", "uitkomsten", "kosten_baten", "actoren", "begroting", "drijvers")
# De plekken met invoer en uitleg: daar tellen in een tabel alleen de kolommen met getallen (niet het nummer van een casus,
# haar titel of de bron van een kengetal), en daarbuiten de lopende tekst.
INVOERPLEKKEN = ("casussen", "aannames", "methode")
# Een cijfer: een bedrag, een procent of een getal (ook 1.234 en 2,30).
CIJFER = r"-?€\s?-?\d[\d.]*(?:,\d+)?|\d[\d.]*(?:,\d+)?\s?%|\d[\d.]*(?:,\d+)?"
# Instellingen van de berekening, geen uitkomst (de groep `c` of `d` is het cijfer): de stap van de tornado ("25% lager of
# hoger", "om de beurt 25%", de kolomkoppen "Totaal bij -25%"), hoeveel balken hij toont ("de 8 grootste van 24"), het
# nummer van een casus in haar naam, het aantal trekkingen, het zaad en de breedte (90%) van het interval van de
# Monte-Carlo-berekening, en hoeveel bereiken de zin over de dekking niet bij naam noemt ("en 2 andere").
INSTELLINGEN = (r"(?P<c>\d+%) lager of hoger", r"om de beurt (?P<c>\d+%)", r"de (?P<c>\d+) grootste van (?P<d>\d+)",
                r"Totaal bij [-+](?P<c>\d+%)", r"Casus (?P<c>\d+):", r"(?P<c>[\d.]+) trekkingen", r"zaad (?P<c>\d+)",
                r"Met (?P<c>90%) kans", r"(?P<c>90%) van de trekkingen", r"en (?P<c>\d+) andere\)",
               # De periode van de pilot en hoe lang terugkerende baten meetellen: instellingen in pilot.yaml.
               r"(?P<c>\d+) (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (?P<d>\d{4})",
               r"(?:voor|eerste) (?P<c>\d+) maanden")


def _cijfers_zonder_verwijzing(browser) -> list[str]:
    """Elk cijfer in de zichtbare tekst van de uitkomstplekken en in de getallen en de lopende tekst van de invoerplekken
    dat niet in een verwijzing staat naar een plek in een bijlage en geen instelling is; grafieken (SVG, met hun eigen
    beschrijving) niet."""
    gevonden = browser.execute_script(
        "const uit = []; const cijfer = new RegExp(arguments[1], 'g');"
        "for (const plek of arguments[0].concat(arguments[2])) {"
        "  const invoer = arguments[2].includes(plek);"
        "  const sectie = document.querySelector('main > section#' + plek); if (!sectie) continue;"
        "  const loper = document.createTreeWalker(sectie, NodeFilter.SHOW_TEXT);"
        "  for (let n = loper.nextNode(); n; n = loper.nextNode()) {"
        "    if (n.parentElement.closest('svg, style, script')) continue;"
        "    if (invoer && (n.parentElement.closest('th') || (n.parentElement.closest('td') && !n.parentElement.closest('td.getal')))) continue;"
        "    const a = n.parentElement.closest('a[href^=\"#\"]');"
        "    const doel = a && document.getElementById(a.getAttribute('href').slice(1));"
        "    if (doel && doel.closest('.bijlagen')) continue;"
        "    for (const m of n.textContent.matchAll(cijfer)) uit.push([m[0], n.textContent, m.index]); } }"
        "return uit;",
        list(UITKOMSTPLEKKEN), CIJFER, list(INVOERPLEKKEN),
    )
    return [(c, tekst[max(0, i - 30):i + len(c) + 30]) for c, tekst, i in gevonden if not _is_instelling(tekst, i, c)]


def _is_instelling(tekst: str, begin: int, cijfer: str) -> bool:
    for patroon in INSTELLINGEN:
        for m in re.finditer(patroon, tekst):
            if any(m.groupdict().get(g) == cijfer and m.start(g) == begin for g in ("c", "d")):
                return True
    return False


@pytest.mark.chromium
@pytest.mark.parametrize("naam, argumenten", [
    ("cijfers-h.html", (HENGELO,)),
    ("cijfers-hb.html", (HENGELO, "--begroting", BEGROTING)),
    ("cijfers-o.html", ("oosterdal", "--begroting", "begroting.yaml")),
    ("cijfers-bb.html", (ROOT / "casussen" / "varianten" / "hengelo-bandbreedte.yaml",)),
    ("cijfers-u.html", ("uitkomsten",)),
])
def test_elk_cijfer_van_de_voorkant_verwijst_naar_zijn_berekening(maak, naam, argumenten, tmp_path):
    """In Chromium: elk cijfer in de tekst en de tabellen van de uitkomsten op de voorkant (het saldo, de kernzin en de
    verdeling, de kwaliteitsgraden, kosten en baten, per actor, de begroting met haar aansluiting, de omslagpunten, de
    verwachte waarde, het interval en wat het drijft) en van de invoer (de uren, kosten en baten van de casussen, de
    hulpvragen, de dekking en de aandelen, de tarieven en kengetallen, de extrapolatie en de gepubliceerde cijfers) staat
    in een verwijzing naar een knoop in de bijlage; alleen de instellingen van de berekening niet (INSTELLINGEN). Hengelo, met een begroting, een eigen bibliotheek met kansen van
    slagen en een begroting, Hengelo met bereiken, en Hengelo met getelde uitkomsten uit de voorbeeldregistratie."""
    if argumenten == ("uitkomsten",):  # Hengelo met de waardekaart en de getelde uitkomsten van templates/
        import shutil

        shutil.copytree(HENGELO, tmp_path / "hengelo")
        (tmp_path / "hengelo" / "registratie").mkdir()
        shutil.copy(ROOT / "templates" / "voorbeelduitkomsten.waardekaart.yaml", tmp_path / "hengelo" / "registratie" / "uitkomsten.yaml")
        for bestand in ("voorbeelduitkomsten.csv", "voorbeelduitkomsten.koppeling.yaml"):
            shutil.copy(ROOT / "templates" / bestand, tmp_path / bestand)
        argumenten = (tmp_path / "hengelo", "--uitkomsten", tmp_path / "voorbeelduitkomsten.csv")
    doel = maak(naam, *argumenten)[0]
    browser = _browser()
    try:
        laad(browser, doel)
        assert _cijfers_zonder_verwijzing(browser) == []
        # De toets zelf vindt een cijfer zonder verwijzing: haal de verwijzing van het deel van de cliënt weg (in de zin
        # onder de kernzin: een procent, of een bedrag als procenten niets zeggen).
        weg = browser.execute_script(
            "const a = document.querySelector('main a[href=\"#uitleg-aandeel-client-rapport\"], main a[href=\"#uitleg-groep-client-rapport\"]');"
            "a.replaceWith(a.textContent); return a.textContent;")
        assert [c for c, _ in _cijfers_zonder_verwijzing(browser)] == [weg]
    finally:
        browser.quit()


@pytest.mark.poppler
def test_pdf_en_json_dezelfde_bijlage_met_verwijzingen(maak):
    vereis("pdftotext")
    pdf, _ = maak("h.pdf", HENGELO)
    tekst = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    bijlage = re.search(r"Bijlage ([A-Z])\. Hoe de totalen zijn opgebouwd", tekst).group(1)
    assert re.search(rf"Hoe deze cijfers zijn berekend: Bijlage {bijlage}, pagina \d+\.", tekst)
    # Onder elke tabel met verwijzingen op de voorkant: de bijlage en de pagina van haar eerste boom.
    voorkant = tekst.split("Bijlage A.")[0]
    assert len(re.findall(rf"Hoe deze cijfers zijn berekend: Bijlage {bijlage}, vanaf pagina \d+\.", voorkant)) >= 6
    j = json.loads(maak("h.json", HENGELO)[0].read_text(encoding="utf-8"))
    uitleg = next(s for s in j["bijlagen"] if s["plek"] == "uitleg")
    bomen = [b["knopen"][0] for b in uitleg["blokken"] if b["soort"] == "boom"]
    assert [b["anker"] for b in bomen][:2] == ["uitleg-rapport", "uitleg-gewogen"]
    assert bomen[0]["tekst"].replace("\xa0", " ").endswith("€ 115.566")
    # Elk anker van een tabel op de voorkant is een knoop in de boom van de JSON.
    bestaand, stapel = set(), list(bomen)
    while stapel:
        k = stapel.pop()
        bestaand.add(k["anker"])
        stapel += k["kinderen"]
    stapel, ankers = [b for s in j["voor"] for b in s["blokken"]], set()
    while stapel:
        b = stapel.pop()
        stapel += b.get("blokken", []) + ([b["tabel"]] if b.get("tabel") else [])
        ankers |= set(b.get("ankers", {}).values())
    assert len(ankers) >= 40 and ankers <= bestaand, ankers - bestaand
    kern = next(s for s in j["voor"] if s["plek"] == "kern")
    assert {"tekst": "€ 107.109", "anker": "uitleg-gewogen"} in kern["blokken"][0]["delen"]
