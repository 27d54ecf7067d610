"""Het doel van de fuzzer: een (verminkte) casussenmap of begroting inlezen en doorrekenen.

Gedeeld door de korte run in de testsuite (`test_fuzz.py`) en de lange run op
verzoek (`benchmarks/fuzz.py`). Een invoer mag alleen eindigen zoals de
opdrachtregel dat mag: met een uitkomst (code 0) of met `InvoerFouten` (code 2).
Elke andere uitzondering is een fout in kostenbaten (code 3); een crash of
vastloper van het proces laat de run zelf stranden.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from hypothesis import strategies as st

from kostenbaten.fouten import InvoerFouten

ROOT = Path(__file__).resolve().parent.parent
HENGELO = ROOT / "casussen" / "hengelo"
BESTANDEN = tuple(sorted(p.name for p in HENGELO.glob("*.yaml")))

# Brokken die de YAML-lezer en de validatie op de proef stellen.
BROKKEN = [
    b"&a ", b"*a", b"[", b"]", b"{", b"}", b": ", b"- ", b"\n", b"\n  ", b"\t", b"'", b'"', b"#", b"|", b">",
    b"!!python/object:os.system", b"<<: *a", b"---\n", b"%YAML 1.1\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\r\n",
    b"1.250", b"1,5", b"-1", b"0", b"1e400", b"1" * 40, b"0.000000000001", b".inf", b".nan", b"2021-02-30",
    b"ja", b"null", b"~", b"kengetal: ", b"per_maand: 1\n    maanden: ", b"999999999",
]


@st.composite
def verminkingen(draw) -> list[tuple[str, bytes]]:
    """Eén tot vier bewerkingen op bestanden van Hengelo: bytes erin, eruit, of vervangen."""
    bewerkingen = []
    for _ in range(draw(st.integers(1, 4))):
        naam = draw(st.sampled_from(BESTANDEN))
        soort = draw(st.sampled_from(["voeg_in", "wis", "vervang", "herhaal"]))
        plek = draw(st.floats(0, 1, allow_nan=False))
        brok = draw(st.one_of(st.sampled_from(BROKKEN), st.binary(min_size=1, max_size=8)))
        lengte = draw(st.integers(1, 40))
        bewerkingen.append((naam, soort, plek, brok, lengte))
    return bewerkingen


def pas_toe(map_: Path, bewerkingen) -> None:
    for naam, soort, plek, brok, lengte in bewerkingen:
        pad = map_ / naam
        ruw = pad.read_bytes()
        i = int(plek * len(ruw))
        if soort == "voeg_in":
            ruw = ruw[:i] + brok + ruw[i:]
        elif soort == "wis":
            ruw = ruw[:i] + ruw[i + lengte:]
        elif soort == "vervang":
            ruw = ruw[:i] + brok + ruw[i + len(brok):]
        else:  # een stuk herhalen: groeit diepte en omvang
            ruw = ruw[:i] + brok * lengte * 50 + ruw[i:]
        pad.write_bytes(ruw)


def reken_door(map_: Path, onzeker: bool = False) -> int:
    """Leest en rekent zoals `bereken`, `meerjarig` en `controleer`; geeft de afsluitcode 0 of 2."""
    from kostenbaten.berekening.controle import controleer
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.berekening.meerjarig import meerjarig
    from kostenbaten.invoer.project import laad
    from kostenbaten.uitvoer import register

    try:
        project = laad(map_)
    except InvoerFouten as fouten:
        for fout in fouten.fouten:  # geen Python-weergave van waarden in een melding
            assert not any(stuk in str(fout) for stuk in ("Traceback", "datetime.", "Decimal(")), str(fout)
        return 2
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    register.schrijf_json("kba", uitkomst, io.StringIO())
    controleer(uitkomst)
    register.schrijf_json("meerjarig", meerjarig(project.pilot, project.casussen), io.StringIO())
    if onzeker:
        from kostenbaten.berekening.onzekerheid import simuleer

        simuleer(project.pilot, project.casussen, 200, 1)
    return 0


def verse_kopie(doel: Path) -> Path:
    if doel.exists():
        shutil.rmtree(doel)
    shutil.copytree(HENGELO, doel)
    return doel


# -- de begrotingswerkmap --------------------------------------------------------------

SJABLOON = ROOT / "templates" / "voorbeeldbegroting.xlsx"
# Celwaarden die de lezer van de werkmap op de proef stellen: tekst waar een getal hoort, formules,
# kopteksten op de verkeerde plek, onmogelijk grote of negatieve getallen, datums.
CELWAARDEN = st.one_of(
    st.none(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),  # wat een cel kan bevatten
    st.sampled_from(["Spreek\u202euur", "naam\u2066", "\ufdd0", "$\\foo{$", "x" * 600]),  # onzichtbare tekens die XML wel toestaat
    st.datetimes(),
    st.sampled_from(["ja", "nee", "=1/0", "=A1", "1.250", "1,5", "-1", "Gemeente", "Personeel", "Totalen", "../nergens", "rapport"]),
)


@st.composite
def werkmapverminkingen(draw) -> list[tuple[str, object]]:
    """Eén tot vijf cellen van het blad Begroting van het sjabloon met een andere waarde."""
    return [
        (f"{draw(st.sampled_from('ABCDEFG'))}{draw(st.integers(1, 90))}", draw(CELWAARDEN))
        for _ in range(draw(st.integers(1, 5)))
    ]


def verminkte_werkmap(doel: Path, wijzigingen) -> Path:
    """Het sjabloon met de wijzigingen, opgeslagen als `doel`; de casussen van Hengelo met hun volledige pad."""
    from openpyxl import load_workbook
    from openpyxl.cell.cell import MergedCell

    wb = load_workbook(SJABLOON)
    ws = wb["Begroting"]
    (casussen,) = [c for (c,) in ws.iter_rows(min_col=1, max_col=1) if c.value == "Casussen (KBA)"]
    ws.cell(casussen.row, 2).value = str(HENGELO)
    for cel, waarde in wijzigingen:
        if not isinstance(ws[cel], MergedCell):  # een samengevoegde cel kan ook een gebruiker niet invullen
            ws[cel] = waarde
    wb.save(doel)
    return doel


def reken_werkmap_door(pad: Path) -> int:
    """Leest en rekent zoals `begroting WERKMAP --formaat json`; geeft de afsluitcode 0 of 2."""
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.uitvoer import register

    try:
        invoer = laad_begroting(pad)
    except InvoerFouten as fouten:
        for fout in fouten.fouten:
            assert not any(stuk in str(fout) for stuk in ("Traceback", "datetime.", "Decimal(")), str(fout)
        return 2
    project = invoer.project
    kba = bereken_pilot(project.pilot, project.casussen) if project is not None else None
    register.schrijf_json("begroting", bereken_begroting(invoer.begroting, kba), io.StringIO())
    return 0


# -- de zip en de XML van een werkmap ----------------------------------------------------------

ONDERDELEN = ("xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml")
# Brokken XML die de lezer van de werkmap op de proef stellen: verborgen rijen en bladen, een DTD, afgebroken elementen.
XMLBROKKEN = [
    b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row>', b'<row r="5" hidden="1">', b'state="veryHidden" ',
    b'state="hidden" ', b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b"<c r=\"A1\"><v>1e999999999</v></c>", b'<c r="B7" t="e"><v>#REF!</v></c>',
    b'<c r="B7" t="s"><v>99999</v></c>', b'<c r="B7" t="d"><v>0001-01-01</v></c>', b"</row>", b"<", b">", b"\x00", b"\xff", b'r="0"', b'r="-1"',
    b'<dimension ref="A1:XFD1048576"/>', b"<f>SUM(A1:A3)</f>",
]


@st.composite
def zipverminkingen(draw) -> tuple[str, list]:
    """Bewerkingen op het sjabloon als zip: op één XML-onderdeel (uitgepakt), of op de bytes van het hele bestand."""
    doel = draw(st.sampled_from([*ONDERDELEN, "bestand"]))
    bewerkingen = []
    for _ in range(draw(st.integers(1, 3))):
        soort = draw(st.sampled_from(["voeg_in", "wis", "vervang", "herhaal", "kap_af"]))
        plek = draw(st.floats(0, 1, allow_nan=False))
        brok = draw(st.one_of(st.sampled_from(XMLBROKKEN), st.binary(min_size=1, max_size=8)))
        bewerkingen.append((soort, plek, brok, draw(st.integers(1, 40))))
    return doel, bewerkingen


def _bewerk(ruw: bytes, bewerkingen) -> bytes:
    for soort, plek, brok, lengte in bewerkingen:
        i = int(plek * len(ruw))
        if soort == "voeg_in":
            ruw = ruw[:i] + brok + ruw[i:]
        elif soort == "wis":
            ruw = ruw[:i] + ruw[i + lengte:]
        elif soort == "vervang":
            ruw = ruw[:i] + brok + ruw[i + len(brok):]
        elif soort == "herhaal":
            ruw = ruw[:i] + brok * lengte * 50 + ruw[i:]
        else:
            ruw = ruw[:i]
    return ruw


def verminkte_zip(doel: Path, verminking) -> Path:
    """Het sjabloon (met de casussen van Hengelo) met een verminkt XML-onderdeel of verminkte bytes, als `doel`."""
    import zipfile

    onderdeel, bewerkingen = verminking
    verminkte_werkmap(doel, [])
    if onderdeel == "bestand":
        doel.write_bytes(_bewerk(doel.read_bytes(), bewerkingen))
        return doel
    with zipfile.ZipFile(doel) as oud:
        delen = [(info, oud.read(info)) for info in oud.infolist()]
    with zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for info, inhoud in delen:
            nieuw.writestr(info, _bewerk(inhoud, bewerkingen) if info.filename == onderdeel else inhoud)
    return doel


# -- de YAML-lezer op zichzelf ------------------------------------------------------------------

# Escapes tussen dubbele aanhalingstekens en rauwe tekens die als onzichtbaar teken in een tekst kunnen belanden.
YAMLBROKKEN = [
    '"\\x01"', '"\\e]52;c;aGk=\\a"', '"\\uFFFE"', '"\\U0010FFFF"', '"\\u202E"', '"\\uD800"', '"\\r"', '"\\N"', '"\\0"',
    "\u202e", "\u2066", "\ufdd0", "\x85", "\x1b", "\r", "\t", "&a ", "*a", ": ", "- ", "\n", "\n  ", "'", '"', "#", "[", "]", "{", "}",
    "1.0e+999999999", "titel: ", "naam: ", "? ", "!!str ", "!!binary ", "<<: ",
]


@st.composite
def yamlteksten(draw) -> str:
    """Een casusbestand van Hengelo met brokken erin gezet (tekst, geen bytes: de escapes zijn het doel)."""
    tekst = (HENGELO / draw(st.sampled_from(BESTANDEN))).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        plek = int(draw(st.floats(0, 1, allow_nan=False)) * len(tekst))
        brok = draw(st.one_of(st.sampled_from(YAMLBROKKEN), st.text(max_size=6)))
        tekst = tekst[:plek] + brok + tekst[plek:]
    return tekst


def lees_yaml_door(pad: Path) -> int:
    """De YAML-lezer op één bestand: fouten (code 2) of een inhoud zonder één onzichtbaar teken (code 0)."""
    from kostenbaten.invoer.yamlbestand import lees_yaml
    from kostenbaten.tekens import VERBODEN

    bestand, fouten = lees_yaml(pad)
    if bestand is None:
        assert fouten, "geen inhoud en geen fout"
        return 2

    def na(waarde) -> None:
        if isinstance(waarde, str):
            assert not VERBODEN.search(waarde), ascii(waarde)
        elif isinstance(waarde, dict):
            for sleutel, kind in waarde.items():
                na(sleutel)
                na(kind)
        elif isinstance(waarde, list):
            for kind in waarde:
                na(kind)

    na(bestand.inhoud)
    return 0


# -- de export van een vraagregistratie ---------------------------------------------------------

REGISTRATIE = ROOT / "templates" / "voorbeeldregistratie.csv"
# Wat exports van andere systemen bevatten: andere scheidingstekens, aanhalingstekens, regeleinden midden in een veld,
# bytes die geen UTF-8 zijn, een BOM, stuurtekens, vreemde getallen en datums.
REGISTRATIEBROKKEN = [
    b";", b",", b'"', b'""', b"\r", b"\n", b"\r\n", b"\x00", b"\xff", b"\xe9", b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"\x0c",
    b"\x1b]52;c;aGk=\x07", b"\xe2\x80\xae", b"1e999999999", b"1_000", b"-1", b"99999", b"\xd9\xa3", b"0,5", b"31-02-2022",
    b"1-1-0001", b"9999-12-31", b"ja", b"nee", b"Juridisch Loket", b"=1+1", b"\t",
]


@st.composite
def registratieverminkingen(draw) -> bytes:
    """De voorbeeldregistratie met een paar brokken erin gezet, of een stuk eruit."""
    ruw = REGISTRATIE.read_bytes()
    for _ in range(draw(st.integers(1, 6))):
        plek = int(draw(st.floats(0, 1, allow_nan=False)) * len(ruw))
        if draw(st.booleans()):
            ruw = ruw[:plek] + draw(st.one_of(st.sampled_from(REGISTRATIEBROKKEN), st.binary(max_size=4))) + ruw[plek:]
        else:
            ruw = ruw[:plek] + ruw[plek + draw(st.integers(1, 40)):]
    return ruw


def tel_registratie_door(pad: Path) -> int:
    """`registratie` zoals de opdrachtregel het draait (ook --formaat json): afsluitcode 0 of 2, en nooit een rauw stuurteken."""
    from typer.testing import CliRunner

    from kostenbaten.cli import app
    from kostenbaten.tekens import VERBODEN

    for formaat in ("tabel", "json"):
        uitkomst = CliRunner().invoke(app, ["registratie", str(pad), "--casussen", str(HENGELO), "--formaat", formaat])
        if uitkomst.exit_code not in (0, 2):
            return uitkomst.exit_code
        tekst = uitkomst.stdout + uitkomst.stderr
        assert not VERBODEN.search(tekst.replace("\r", "")), ascii(tekst[:300])
        assert "Traceback" not in tekst
    return uitkomst.exit_code
