"""Werkmappen en YAML zoals andere systemen en mensen ze maken: code 0 met de juiste cijfers, of code 2 met een
Nederlandse melding op bestand en regel, blad of cel; nooit een interne fout, een vastloper, een geheugenexplosie
of een onzichtbaar stuurteken op de terminal. Elk geval wordt hier in code gebouwd."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import HENGELO, ROOT, vervang

SJABLOON = ROOT / "templates" / "voorbeeldbegroting.xlsx"
# Het sjabloon met de hand (blad Begroting): personeel 6x46x80 + 3x46x80 + 3x46x50 + 1x46x50 + 0,3x46x90
# = 22.080 + 11.040 + 6.900 + 2.300 + 1.242 = 43.562; per SJD-uur (30 + 10) x 9 uur x 46 weken = 16.560;
# eenmalig 10.000 + 150 + 500 = 10.650. Samen 43.562 + 16.560 + 10.650 = 70.772.
TOTAAL_SJABLOON = "70772"

from kostenbaten.invoer import xlsx  # noqa: E402

OPSLAAN = xlsx.OPNIEUW_OPSLAAN


def _begroting(cli, pad: Path):
    """`begroting PAD --formaat json` met de casussen van Hengelo; (code, json of None, stderr)."""
    code, uit, fout = cli("begroting", pad, "--casussen", HENGELO, "--formaat", "json")
    assert "Traceback" not in fout and "Interne fout" not in fout, fout
    return code, (json.loads(uit) if code == 0 else None), fout


def _werkmap(tmp_path: Path, wijzig=None, naam: str = "begroting.xlsx") -> Path:
    """Het sjabloon, met `wijzig(wb)` aangepast en opgeslagen."""
    from openpyxl import load_workbook

    doel = tmp_path / naam
    if wijzig is None:
        shutil.copy(SJABLOON, doel)
        return doel
    wb = load_workbook(SJABLOON)
    wijzig(wb)
    wb.save(doel)
    return doel


def _herschrijf(bron: Path, doel: Path, onderdelen: dict[str, bytes]) -> Path:
    """Een kopie van de zip `bron` waarin de genoemde onderdelen vervangen of toegevoegd zijn."""
    with zipfile.ZipFile(bron) as oud, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for info in oud.infolist():
            if info.filename not in onderdelen:
                nieuw.writestr(info, oud.read(info))
        for naam, inhoud in onderdelen.items():
            nieuw.writestr(naam, inhoud)
    return doel


def test_het_sjabloon_zelf(cli, tmp_path):
    code, uitkomst, fout = _begroting(cli, _werkmap(tmp_path))
    assert code == 0, fout
    assert uitkomst["totaal"] == TOTAAL_SJABLOON


@pytest.mark.parametrize("cel", ["A1048576", "XFD1048576"])
def test_opgemaakte_cel_onderaan_kost_niets(cli, tmp_path, cel):
    """Een spatie of alleen een opvulkleur in de laatste rij van het blad: dezelfde cijfers, en snel."""
    from openpyxl.styles import PatternFill

    def onderaan(wb):
        ws = wb["Begroting"]
        ws[cel] = " "
        ws["B1048575"].fill = PatternFill("solid", fgColor="FFFF00")

    pad = _werkmap(tmp_path, onderaan)
    begin = time.perf_counter()
    code, uitkomst, fout = _begroting(cli, pad)
    duur = time.perf_counter() - begin
    assert code == 0, fout
    assert uitkomst["totaal"] == TOTAAL_SJABLOON
    assert duur < 3


def _meldingen(fout: str) -> list[str]:
    return fout.splitlines()


@pytest.mark.parametrize(
    "maak, melding",
    [
        pytest.param(lambda p: p.write_text("Datum;Onderwerp\n1-6-2021;Werk\n", encoding="utf-8"), xlsx.TEKST, id="csv-als-xlsx"),
        pytest.param(lambda p: p.write_bytes(b"\xff\xfeD\x00a\x00t\x00"), xlsx.TEKST, id="utf16-csv-als-xlsx"),
        pytest.param(lambda p: p.write_bytes(SJABLOON.read_bytes()[: SJABLOON.stat().st_size // 2]), xlsx.BESCHADIGD, id="afgebroken"),
        pytest.param(lambda p: p.write_bytes(SJABLOON.read_bytes()[:4] + b"\x00" * 5000), xlsx.BESCHADIGD, id="rommel-na-zipkop"),
        pytest.param(lambda p: p.write_bytes(b"\x00\x01\x02" * 2000), xlsx.BESCHADIGD, id="binaire-rommel"),
        pytest.param(
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "Workbook".encode("utf-16-le") + b"\x00" * 500),
            xlsx.OUDE_XLS, id="oude-xls",
        ),
        pytest.param(
            lambda p: p.write_bytes(
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 500
            ),
            xlsx.WACHTWOORD, id="wachtwoord",
        ),
        pytest.param(lambda p: p.write_bytes(b""), "het bestand is leeg (0 bytes); " + OPSLAAN, id="leeg"),
    ],
)
def test_onleesbare_werkmap_een_melding_per_soort(cli, tmp_path, maak, melding):
    pad = tmp_path / "export.xlsx"
    maak(pad)
    code, _, fout = _begroting(cli, pad)
    assert code == 2
    assert _meldingen(fout) == [f"{pad}: {melding}", "1 fout(en) in de invoer; er is niets berekend."]


def test_ods_met_de_naam_xlsx(cli, tmp_path):
    pad = tmp_path / "werkmap.xlsx"
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    code, _, fout = _begroting(cli, pad)
    assert (code, _meldingen(fout)[0]) == (2, f"{pad}: {xlsx.ODS}")


def test_beschadigd_blad_bij_het_lezen_van_de_rijen(cli, tmp_path):
    """De zip is heel, maar het blad houdt midden in een rij op: de fout komt bij het lezen, niet bij het openen."""
    # Met <dimension> vooraan leest openpyxl bij het openen alleen dat stuk; de afgebroken rij komt pas bij het lezen.
    kapot = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B2"/>'
             b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x')
    pad = _herschrijf(SJABLOON, tmp_path / "kapot.xlsx", {"xl/worksheets/sheet1.xml": kapot})
    code, _, fout = _begroting(cli, pad)
    assert code == 2
    (eerste, slot) = _meldingen(fout)
    assert eerste.startswith(f"{pad}: {xlsx.BESCHADIGD} (blad 'Begroting', na rij 0: ")
    assert slot == "1 fout(en) in de invoer; er is niets berekend."


def test_xml_met_entiteiten_wordt_niet_gelezen(cli, tmp_path):
    bom = b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><sst>&b;</sst>'
    pad = _herschrijf(SJABLOON, tmp_path / "entiteiten.xlsx", {"xl/sharedStrings.xml": bom})
    code, _, fout = _begroting(cli, pad)
    assert (code, _meldingen(fout)[0]) == (2, f"{pad}: {xlsx.DTD}")


def _geheugen_kind(pad: Path) -> int:
    """Het piekgeheugen (MB) van `begroting PAD` in een eigen proces; de afsluitcode moet 2 zijn."""
    # VmHWM (de piek van dit proces zelf): ru_maxrss neemt op Linux de piek van het ouderproces mee over exec heen.
    programma = (
        "import sys\n"
        "from kostenbaten.cli import main\n"
        f"sys.argv = ['kostenbaten', 'begroting', {str(pad)!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n"
        "    piek = next(r for r in open('/proc/self/status') if r.startswith('VmHWM'))\n"
        "    print(e.code, int(piek.split()[1]) // 1024)\n"
    )
    uit = subprocess.run([sys.executable, "-c", programma], capture_output=True, text=True, timeout=60)
    code, mb = uit.stdout.split()
    assert code == "2", uit.stderr
    return int(mb)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="meet het geheugen via /proc (Linux)")
def test_stijlen_die_uitgepakt_te_groot_worden(tmp_path):
    """Een styles.xml van 1,5 GB in een bestand van 1,6 MB: geweigerd vóór het uitpakken, met weinig geheugen."""
    with zipfile.ZipFile(SJABLOON) as z:
        stijlen = z.read("xl/styles.xml")
    # 1.500 MB aan witruimte in de stijlen, gestroomd geschreven (de test zelf houdt het niet in het geheugen).
    pad = tmp_path / "bom.xlsx"
    shutil.copy(SJABLOON, pad)
    with zipfile.ZipFile(SJABLOON) as oud, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as nieuw:
        for info in oud.infolist():
            if info.filename != "xl/styles.xml":
                nieuw.writestr(info, oud.read(info))
        with nieuw.open("xl/styles.xml", "w", force_zip64=True) as deel:
            blok = b" " * 10_000_000
            for _ in range(150):
                deel.write(blok)
            deel.write(stijlen)
    assert pad.stat().st_size < 2_000_000
    programma = (
        "from kostenbaten.invoer.xlsx import open_werkmap\n"
        f"w, f = open_werkmap({str(pad)!r}); print(f[0])"
    )
    uit = subprocess.run([sys.executable, "-c", programma], capture_output=True, text=True, timeout=60)
    assert uit.stdout.strip() == (
        f"{pad}: de werkmap is uitgepakt te groot: onderdeel xl/styles.xml wordt 1.500 MB (hoogstens 20 MB, samen hoogstens 300 MB); "
        f"{OPSLAAN}, of verwijder lege opgemaakte rijen en kolommen"
    )
    assert _geheugen_kind(pad) < 300


def test_te_veel_rijen_in_de_begroting(cli, tmp_path):
    """Tienduizend gevulde rijen onder de tabel: een melding die het blad en de rij noemt, niet alles inlezen."""
    def vol(wb):
        ws = wb["Begroting"]
        for rij in range(200, 10_200):
            ws.cell(rij, 8).value = "x"

    from openpyxl import load_workbook

    pad = _werkmap(tmp_path, vol)
    code, _, fout = _begroting(cli, pad)
    assert code == 2
    # n rijen van het sjabloon hebben een waarde (geteld met openpyxl zelf); de rijen vanaf 200 zijn de rijen
    # n + 1, n + 2, ... met inhoud, dus de 5.001e rij met inhoud is rij 200 + (5.001 - n - 1).
    ws = load_workbook(SJABLOON)["Begroting"]
    n = sum(1 for rij in ws.iter_rows() if any(c.value not in (None, "") for c in rij))
    assert n < 200
    assert _meldingen(fout)[0] == (
        f"{pad}:Begroting!A{200 + 5001 - n - 1}: blad 'Begroting' heeft meer dan 5.000 rijen met inhoud; dat is meer dan kostenbaten van dit blad "
        "leest. Staat er iets onder de tabel (een formule of waarde ver naar beneden)? Verwijder die rijen"
    )


def test_verborgen_bladen_en_rijen_worden_genoemd(cli, tmp_path):
    def verberg(wb):
        wb["Toelichting"].sheet_state = "hidden"
        geheim = wb.create_sheet("Geheim")
        geheim["A1"] = "oude cijfers"
        geheim.sheet_state = "veryHidden"
        wb["Begroting"].row_dimensions[16].hidden = True

    pad = _werkmap(tmp_path, verberg)
    code, uitkomst, fout = _begroting(cli, pad)
    assert code == 0, fout
    assert uitkomst["totaal"] == TOTAAL_SJABLOON  # de verborgen rij 16 (marketing, € 2.300) telt mee, en dat staat erbij
    assert _meldingen(fout) == [
        f"{pad}:Toelichting!A1: let op: blad 'Toelichting' is verborgen en wordt niet gelezen",
        f"{pad}:Geheim!A1: let op: blad 'Geheim' is zeer verborgen (alleen via VBA zichtbaar te maken) en wordt niet gelezen",
        f"{pad}:Begroting!A16: let op: verborgen rij(en) 16 met inhoud tellen mee",
    ]


@pytest.mark.parametrize("waarde", [float("1e308") * 10, 1e300])
def test_onmogelijk_groot_getal_in_een_cel(cli, tmp_path, waarde):
    """Oneindig (1e999999999 wordt in Excel inf) of 1e300 uren per week: een melding bij de cel."""
    def groot(wb):
        wb["Begroting"]["B13"] = 12345 if waarde == float("inf") else waarde

    pad = _werkmap(tmp_path, groot)
    if waarde == float("inf"):  # openpyxl schrijft geen inf; zet de tekst zoals een ander systeem hem schrijft
        _zet_waarde(pad, "B13", "1e999999999")
    code, _, fout = _begroting(cli, pad)
    assert code == 2
    reden = "is geen eindig getal" if waarde == float("inf") else "is te groot: hoogstens 15 cijfers voor de punt (kleiner dan 1.000.000.000.000.000)"
    assert _meldingen(fout)[0].startswith(f"{pad}:Begroting!B13: '")
    assert _meldingen(fout)[0].endswith(reden)


def _zet_waarde(pad: Path, cel: str, tekst: str) -> None:
    """Zet in de XML van het blad de waarde van een getalcel rechtstreeks (zoals een ander programma dat schrijft)."""
    import re

    with zipfile.ZipFile(pad) as z:
        blad = z.read("xl/worksheets/sheet1.xml").decode()
    blad = re.sub(rf'(<c r="{cel}"[^>]*>)<v>[^<]*</v>', rf"\g<1><v>{tekst}</v>", blad)
    kopie = pad.with_suffix(".tmp")
    _herschrijf(pad, kopie, {"xl/worksheets/sheet1.xml": blad.encode()})
    kopie.replace(pad)


@pytest.mark.parametrize("teken", ["\u202e", "\u2066"])
def test_richtingteken_in_een_werkmapcel(cli, tmp_path, teken):
    def omkeren(wb):
        wb["Begroting"]["A13"] = f"Spreekuur {teken}ruuk"

    pad = _werkmap(tmp_path, omkeren)
    code, _, fout = _begroting(cli, pad)
    assert code == 2
    assert _meldingen(fout)[0] == (
        f"{pad}:Begroting!A13: bevat een onzichtbaar richtingteken U+{ord(teken):04X}, dat niet in tekst hoort; verwijder het (typ de tekst opnieuw)"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="geen named pipes op dit systeem")
@pytest.mark.parametrize("soort", ["pipe", "apparaat"])
def test_geen_gewoon_bestand(cli, tmp_path, soort):
    """Een pipe zou blijven wachten en /dev/zero eindeloos leveren: beide meteen geweigerd."""
    pad = tmp_path / "export.xlsx"
    if soort == "pipe":
        os.mkfifo(pad)
    else:
        pad.symlink_to("/dev/zero")
    begin = time.perf_counter()
    code, _, fout = _begroting(cli, pad)
    assert time.perf_counter() - begin < 5
    assert (code, _meldingen(fout)[0]) == (2, f"{pad}: dit is geen gewoon bestand (een apparaat, pipe of socket); geef een werkmap (.xlsx)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="geen named pipes op dit systeem")
def test_pipe_als_yaml_blijft_niet_wachten(cli, hengelo):
    os.mkfifo(hengelo / "casus-9.yaml")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert fout.splitlines()[0] == f"{hengelo / 'casus-9.yaml'}: dit is geen gewoon bestand (een apparaat, pipe of socket); hernoem of verwijder het"


# -- onzichtbare tekens in YAML --------------------------------------------------------------

ONZICHTBAAR = [
    pytest.param('"Bezwaar\\x01 tegen terugvordering"', "stuurteken U+0001", id="escape-x01"),
    pytest.param('"Bezwaar\\e]52;c;aGk=\\a"', "stuurteken U+001B", id="escape-esc-klembord"),
    pytest.param('"Bezwaar\\r tegen"', "stuurteken U+000D", id="escape-cr"),
    pytest.param('"Bezwaar \\uFFFE"', "niet-teken U+FFFE", id="escape-nietteken"),
    pytest.param('"Bezwaar \\U0001FFFF"', "niet-teken U+1FFFF", id="escape-nietteken-vlak-1"),
    pytest.param('"Bezwaar \\u202E tegen"', "richtingteken U+202E", id="escape-bidi"),
    pytest.param('"Bezwaar\\x85"', "stuurteken U+0085", id="escape-nel"),
]


@pytest.mark.parametrize("titel, soort", ONZICHTBAAR)
@pytest.mark.parametrize("opdracht", [["bereken"], ["bereken", "--xlsx", "{tmp}/uit.xlsx"], ["rapport", "-o", "{tmp}/r.pdf"]])
def test_onzichtbaar_teken_als_yaml_escape(cli, hengelo, tmp_path, titel, soort, opdracht):
    """Geweigerd bij het laden, dus ook --xlsx (openpyxl) en de PDF (SVG) krijgen het nooit."""
    vervang(hengelo / "casus-1.yaml", "titel: Bezwaarschrift tegen terugvordering van bijstand", f"titel: {titel}")
    argumenten = [a.replace("{tmp}", str(tmp_path)) for a in opdracht]
    code, uit, fout = cli(argumenten[0], hengelo, *argumenten[1:])
    assert (code, uit) == (2, "")
    assert fout.splitlines() == [
        f"{hengelo / 'casus-1.yaml'}:3: titel: bevat een onzichtbaar {soort}, dat niet in tekst hoort; verwijder het (typ de tekst opnieuw)",
        "1 fout(en) in de invoer; er is niets berekend.",
    ]
    assert list(tmp_path.glob("uit.xlsx")) == [] and list(tmp_path.glob("r.pdf")) == []


@pytest.mark.parametrize("teken", ["\u202e", "\u2069", "\ufdd0", "\U0010fffe", "\x85"])
def test_onzichtbaar_teken_rechtstreeks_in_yaml(cli, hengelo, teken):
    vervang(hengelo / "pilot.yaml", "naam: Consumentenzaken", f"naam: Consumenten{teken}zaken")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    regel = next(i for i, r in enumerate((hengelo / "pilot.yaml").read_text(encoding="utf-8").splitlines(), 1) if "Consumenten" in r)
    from kostenbaten.tekens import soort

    assert fout.splitlines()[0] == (
        f"{hengelo / 'pilot.yaml'}:{regel}: de tekst bevat een onzichtbaar {soort(teken)}, dat niet in tekst hoort; verwijder het (typ de tekst opnieuw)"
    )


def test_onzichtbaar_teken_in_een_sleutel(cli, hengelo):
    vervang(hengelo / "casus-1.yaml", "nummer: 1\n", '"num\\x1bmer": 1\nnummer: 1\n')
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert "\x1b" not in fout
    assert fout.splitlines()[0] == (
        f"{hengelo / 'casus-1.yaml'}:2: bevat een onzichtbaar stuurteken U+001B, dat niet in tekst hoort; verwijder het (typ de tekst opnieuw)"
    )


def test_tab_en_regeleinde_mogen(cli, hengelo):
    vervang(hengelo / "casus-1.yaml", "titel: Bezwaarschrift tegen terugvordering van bijstand", 'titel: "Bezwaarschrift\\ttegen\\nterugvordering"')
    code, uit, fout = cli("bereken", hengelo, "--formaat", "json")
    assert code == 0, fout
    # Hengelo blijft € 583,67 per casus: (3.502 / 6), afgerond op centen.
    assert json.loads(uit)["gemiddelde_netto"] == "583.67"


# -- de terminal -----------------------------------------------------------------------------


def test_escapereeksen_uit_een_export_komen_zichtbaar_op_de_terminal(cli, tmp_path):
    export = tmp_path / "export.csv"
    export.write_bytes(
        "Datum;Onderwerp;Doorverwezen;Opgelost;Uren;Opmerking\n"
        # Tussen aanhalingstekens, zoals een export een veld met puntkomma's schrijft: anders telt de regel te veel velden.
        '1-6-2021;"Werk\x1b]52;c;aGk=\x07 en \x1b]8;;http://x\x1b\\\\link";nee;ja;1;\n'
        "2-6-2021;Wer\u202ek;nee;ja;1;\n".encode("utf-8")
    )
    code, uit, fout = cli("registratie", export, "--casussen", HENGELO)
    assert "Traceback" not in fout and "Interne fout" not in fout
    for tekst in (uit, fout):
        assert not any(t in tekst for t in ("\x1b", "\x07", "\u202e")), repr(tekst)
    if code == 0:
        assert "\\x1b" in uit and "\\u202e" in uit


def test_surrogaat_als_yaml_escape(cli, hengelo):
    """Een los surrogaat ("\\uD800") weigert de YAML-lezer zelf al, op de regel."""
    vervang(hengelo / "casus-1.yaml", "titel: Bezwaarschrift tegen terugvordering van bijstand", 'titel: "Bezwaar \\uD800"')
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert fout.splitlines()[0].startswith(f"{hengelo / 'casus-1.yaml'}:3: YAML-syntaxfout: ")


def test_zichtbaar():
    from kostenbaten.notatie import zichtbaar

    assert zichtbaar("a\x1b]0;titel\x07b") == "a\\x1b]0;titel\\x07b"
    assert zichtbaar("\u202egnirts\u2066") == "\\u202egnirts\\u2066"
    assert zichtbaar("\ufffe\U0001fffe\ud800") == "\\ufffe\\U0001fffe\\ud800"
    assert zichtbaar("cliënt\ttab\nregel €") == "cliënt\ttab\nregel €"


def test_meldingen_maken_tekst_zichtbaar(monkeypatch, capsys, tmp_path):
    """Ook een bestandsnaam met een ESC-reeks komt niet rauw in een foutmelding."""
    import kostenbaten.cli as cli_module

    pad = tmp_path / "begroting\x1b]0;x\x07.xlsx"
    pad.write_text("geen werkmap", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["kostenbaten", "begroting", str(pad)])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    fout = capsys.readouterr().err
    assert "\x1b" not in fout and "\x07" not in fout
    assert "begroting\\x1b]0;x\\x07.xlsx" in fout


# -- het rapport -----------------------------------------------------------------------------


def test_grafieklabels_zijn_gewone_tekst_en_kort():
    import matplotlib

    from kostenbaten.uitvoer.rapport import grafiek

    assert matplotlib.rcParams["text.parse_math"] is False
    regels = grafiek._regels("x" * 500).split("\n")
    # 24 tekens per regel, hoogstens twee regels; de tweede eindigt op '…' (23 x plus het weglatingsteken).
    assert regels == ["x" * 24, "x" * 23 + "…"]
    assert grafiek._regels("Schulden") == "Schulden"


@pytest.mark.parametrize("formaat", ["html", "pdf"])
def test_rapport_met_vijandige_namen(cli, hengelo, tmp_path, formaat):
    """`$\\foo{$` (mathtext), een naam van 520 tekens zonder spatie en tekens die het lettertype niet heeft:
    code 0 en niets op stderr behalve 'Geschreven'."""
    lang = "Zeerlangenaamzonderspaties" * 20
    vervang(hengelo / "pilot.yaml", "naam: Sociaal zekerheidsrecht", 'naam: "$\\\\foo{$ en $x^2$"')
    vervang(hengelo / "pilot.yaml", "naam: Consumentenzaken", f"naam: {lang}")
    vervang(hengelo / "pilot.yaml", "naam: Belastingrecht", "naam: Emoji \U0001f600 en \u6f22\u5b57")
    doel = tmp_path / f"rapport.{formaat}"
    programma = (
        "import sys\nfrom kostenbaten.cli import main\n"
        f"sys.argv = ['kostenbaten', 'rapport', {str(hengelo)!r}, '-o', {str(doel)!r}]\nmain()\n"
    )
    uit = subprocess.run([sys.executable, "-c", programma], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert uit.stderr.splitlines() == [f"Geschreven: {doel}"]
    if formaat == "html":
        html = doel.read_text(encoding="utf-8")
        assert "$\\foo{$ en $x^2$" in html and lang in html  # de tabel heeft de volledige tekst
        assert "overflow-wrap: anywhere" in html
