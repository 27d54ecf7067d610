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
