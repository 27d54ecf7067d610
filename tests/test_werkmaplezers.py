"""Eén manier om een werkmap te lezen: dezelfde vreemde .xlsx geeft bij de drie lezers dezelfde melding.

De casussenwerkmap (`bereken`), de begroting (`begroting`) en de export van de registratie
(`registratie`) openen een .xlsx alle drie via `invoer.xlsx`: een beschadigd, afgebroken,
versleuteld of oud bestand, een CSV met de naam .xlsx en een zip die uitgepakt te groot wordt
geven elk dezelfde Nederlandse melding met de naam van het bestand, code 2 en geen traceback.
"""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook

from kostenbaten.invoer import xlsx

KOPPELING = """\
kolommen:
  datum: Datum
  onderwerp: Onderwerp
onderwerpen:
  consumentenzaken: [Schulden]
"""

# De drie lezers, elk als opdracht met het bestand.
LEZERS = {
    "casussen": lambda pad: ("bereken", pad),
    "begroting": lambda pad: ("begroting", pad),
    "registratie": lambda pad: ("registratie", pad),
}


def _gewone_werkmap(pad):
    wb = Workbook()
    wb.active.append(["Datum", "Onderwerp"])
    wb.active.append(["14-06-2021", "Schulden"])
    wb.save(pad)


def _stijlenbom(pad):
    """Een kleine zip waarvan xl/styles.xml uitgepakt groter is dan de grens voor een onderdeel."""
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/styles.xml", b" " * (xlsx.MAX_ONDERDEEL + 1))
    assert pad.stat().st_size < 100_000  # klein op schijf


def _afgebroken(pad):
    _gewone_werkmap(pad)
    inhoud = pad.read_bytes()
    pad.write_bytes(inhoud[: len(inhoud) // 2])  # halverwege het kopiëren gestopt


def _oude_xls(pad):
    pad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)


def _wachtwoord(pad):
    pad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 500)


def _csv(pad):
    pad.write_text("Datum;Onderwerp\n14-06-2021;Schulden\n", encoding="utf-8")


def _beschadigd_blad(pad):
    """Een zip met een echte werkmap met de bladen van elke lezer, maar elk blad is afgebroken XML:
    het openen lukt, het lezen van de rijen niet."""
    from kostenbaten.model.werkmap import BLAD
    from kostenbaten.model.casussenwerkmap import VERPLICHTE_BLADEN

    heel = pad.with_name("heel.xlsx")
    wb = Workbook()
    wb.active.title = "Export"
    for naam in (*VERPLICHTE_BLADEN, BLAD):
        wb.create_sheet(naam)
    for ws in wb.worksheets:
        ws.append(["Datum", "Onderwerp"])
        for _ in range(100):
            ws.append(["14-06-2021", "Schulden"])
    wb.save(heel)
    with zipfile.ZipFile(heel) as bron, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            inhoud = bron.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                inhoud = inhoud[: len(inhoud) // 2]
            doel.writestr(info, inhoud)
    heel.unlink()


GEVALLEN = {
    "stijlenbom": (_stijlenbom, "de werkmap is uitgepakt te groot: onderdeel xl/styles.xml"),
    "afgebroken": (_afgebroken, xlsx.BESCHADIGD),
    "oude-xls": (_oude_xls, xlsx.OUDE_XLS),
    "wachtwoord": (_wachtwoord, xlsx.WACHTWOORD),
    "csv": (_csv, xlsx.TEKST),
}


@pytest.mark.parametrize("lezer", LEZERS)
@pytest.mark.parametrize("geval", GEVALLEN)
def test_dezelfde_vreemde_werkmap_dezelfde_melding(tmp_path, cli, geval, lezer):
    maak, melding = GEVALLEN[geval]
    pad = tmp_path / "invoer.xlsx"
    maak(pad)
    (tmp_path / "koppeling.yaml").write_text(KOPPELING, encoding="utf-8")
    code, uit, fout = cli(*LEZERS[lezer](pad))
    assert (code, uit) == (2, "")
    assert "Traceback" not in fout
    assert fout.splitlines()[0].startswith(f"{pad}: {melding}"), fout


@pytest.mark.parametrize("lezer", LEZERS)
def test_een_beschadigd_blad_is_een_melding_geen_interne_fout(tmp_path, cli, lezer):
    pad = tmp_path / "invoer.xlsx"
    _beschadigd_blad(pad)
    (tmp_path / "koppeling.yaml").write_text(KOPPELING, encoding="utf-8")
    code, uit, fout = cli(*LEZERS[lezer](pad))
    assert (code, uit) == (2, "")
    assert fout.splitlines()[0].startswith(f"{pad}: {xlsx.BESCHADIGD}"), fout


@pytest.mark.parametrize("lezer", LEZERS)
def test_een_xls_bij_naam_dezelfde_melding(tmp_path, cli, lezer):
    pad = tmp_path / "invoer.xls"
    _oude_xls(pad)
    (tmp_path / "koppeling.yaml").write_text(KOPPELING, encoding="utf-8")
    code, uit, fout = cli(*LEZERS[lezer](pad))
    assert (code, uit) == (2, "")
    assert fout.splitlines()[0] == f"{pad}: {xlsx.OPSLAAN_ALS['.xls']}"
