"""Vijandige en vreemde invoer: altijd code 2 met een Nederlandse melding op bestand en regel, snel en zonder crash."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from conftest import HENGELO, ROOT, vervang
from test_invoer import _verwacht


def _bom(niveaus: int) -> str:
    """Een 'billion laughs': elk niveau verwijst negen keer naar het vorige."""
    regels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, niveaus):
        regels.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(regels) + "\n"


def _schrijf(tekst: str | bytes):
    def maak(map_: Path) -> None:
        pad = map_ / "casus-9.yaml"
        if isinstance(tekst, bytes):
            pad.write_bytes(tekst)
        else:
            pad.write_text(tekst, encoding="utf-8")

    return maak


def _zet(bestand, oud, nieuw):
    return lambda map_: vervang(map_ / bestand, oud, nieuw)


def _pilot_afgebroken(map_: Path) -> None:
    pad = map_ / "pilot.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst[: tekst.index("kengetallen:")], encoding="utf-8")


VIJANDIG = [
    pytest.param(_schrijf(_bom(10)), ["casus-9.yaml:6: te veel waarden: hoogstens 100.000 na het uitvouwen van verwijzingen (*naam)"], id="billion-laughs"),
    pytest.param(_schrijf("a: &e [*e]\n"), ["casus-9.yaml:1: de verwijzing *e verwijst naar het blok waar ze zelf in staat"], id="zelfverwijzing"),
    pytest.param(
        _schrijf("a: " + "[" * 50_000 + "]" * 50_000 + "\n"),
        ["casus-9.yaml:1: te diep genest: hoogstens 50 niveaus van lijsten en blokken"],
        id="diepte-50000",
    ),
    pytest.param(
        _schrijf("a:\n" + "".join("  " * i + f"b{i}:\n" for i in range(1, 600)) + "  " * 600 + "c: 1\n"),
        ["casus-9.yaml:51: te diep genest: hoogstens 50 niveaus van lijsten en blokken"],
        id="diepte-ingesprongen",
    ),
    pytest.param(
        # Ook onder een sleutel die als dubbel wordt overgeslagen telt de diepte. Het blok is niveau 1, de lijst
        # onder 'a' (regel 3) niveau 2, regel 3 + 49 = 52 opent dus het 51e niveau.
        _schrijf("a: 1\na:\n" + "".join("  " * i + "-\n" for i in range(1, 60)) + "  " * 60 + "- x\n"),
        ["casus-9.yaml:52: te diep genest: hoogstens 50 niveaus van lijsten en blokken"],
        id="diepte-onder-dubbele-sleutel",
    ),
    pytest.param(
        _schrijf("a: !!python/tuple " + "[" * 60 + "]" * 60 + "\n"),
        ["casus-9.yaml:1: te diep genest: hoogstens 50 niveaus van lijsten en blokken"],
        id="diepte-onder-onbekend-type",
    ),
    pytest.param(
        _zet("casus-1.yaml", "uren: 2\n", "uren: 1000000000000000000000000000001\n"),
        ["casus-1.yaml:9: uren: '1000000000000000000000000000001' is te groot: hoogstens 15 cijfers voor de punt (kleiner dan 1.000.000.000.000.000)"],
        id="te-groot-getal",
    ),
    pytest.param(
        _zet("casus-1.yaml", "uren: 2\n", "uren: 1.0e+400\n"),
        ["casus-1.yaml:9: uren: '1.0E+400' is te groot: hoogstens 15 cijfers voor de punt (kleiner dan 1.000.000.000.000.000)"],
        id="exponent",
    ),
    pytest.param(
        _zet("casus-1.yaml", "uren: 2\n", "uren: 0.00000000001\n"),
        ["casus-1.yaml:9: uren: '0.00000000001' heeft te veel cijfers na de punt: hoogstens 10"],
        id="te-klein-getal",
    ),
    pytest.param(
        _zet("casus-1.yaml", "uren: 2\n", "uren: " + "9" * 5000 + "\n"),
        ["casus-1.yaml:9: uren: '99999999999999999999...' is geen bruikbaar getal (te lang)"],
        id="getal-van-5000-cijfers",
    ),
    pytest.param(
        _zet("pilot.yaml", "van: 2021-06-01", "van: 2021-02-30"),
        ["pilot.yaml:@2021-02-30@: periode.van: '2021-02-30' is geen bestaande datum (jjjj-mm-dd)"],
        id="onmogelijke-datum",
    ),
    pytest.param(
        _zet("casus-1.yaml", "nummer: 1\n", "2021-06-01: x\nnummer: 1\n"),
        ["casus-1.yaml:2: 2021-06-01: onbekende sleutel '2021-06-01'"],
        id="datum-als-sleutel",
    ),
    pytest.param(
        _zet("casus-1.yaml", "    maanden: 36\n", "    maanden: 1000000000\n"),
        ["casus-1.yaml:13: baten[1].maanden: mag hoogstens 1200 zijn"],
        id="looptijd-te-lang",
    ),
    pytest.param(
        _schrijf("nummer: 9\nbaten: [1, , 2]\n"),
        [
            "casus-9.yaml:2: YAML-syntaxfout: hier ontbreekt een waarde (staat er een komma of haakje te veel?) "
            "(while parsing a flow node; did not find expected node content)"
        ],
        id="lege-waarde-in-lijst",
    ),
    pytest.param(
        _schrijf("a:\n  - b\n  x: 1\n"),
        [
            "casus-9.yaml:3: YAML-syntaxfout: inspringen klopt niet; elementen van een lijst beginnen op hetzelfde niveau met '-' "
            "(while parsing a block collection; did not find expected '-' indicator)"
        ],
        id="lijst-zonder-streepje",
    ),
    pytest.param(
        _schrijf('nummer: 9\ntitel: "open\nuren: 2\nrechtsgebied: x\n'),
        [
            "casus-9.yaml:2: YAML-syntaxfout: een aanhalingsteken dat hier opent, wordt nergens gesloten "
            "(while scanning a quoted scalar; found unexpected end of stream)"
        ],
        id="open-aanhalingsteken",
    ),
    pytest.param(_schrijf("nummer: 9\ntitel: ab\0c\n"), ["casus-9.yaml:2: teken U+0000 is in YAML niet toegestaan; verwijder het"], id="nul-teken"),
    pytest.param(
        _schrijf(b"nummer: 9\ntitel: caf\xe9\n"), ["casus-9.yaml:2: het bestand is geen UTF-8-tekst (byte 0xe9); sla het op als UTF-8"], id="geen-utf8"
    ),
    pytest.param(
        lambda map_: (map_ / "casus-9.yaml").mkdir(), ["casus-9.yaml: dit is een map, geen casusbestand; hernoem of verwijder de map"], id="map-als-casus"
    ),
    pytest.param(
        lambda map_: (map_ / "casus-9.yaml").symlink_to("casus-9.yaml"),
        ["casus-9.yaml: dit is een verwijzing die niet naar een bestand leidt (ontbrekend doel of een kring); herstel of verwijder haar"],
        id="verwijzingskring",
    ),
    pytest.param(
        _zet("casus-1.yaml", "gepubliceerd:", "gepubli[eerd:"),
        ["casus-1.yaml:@gepubli[eerd@: gepubli[eerd: onbekende sleutel 'gepubli[eerd'; bedoelt u 'gepubliceerd'?"],
        id="haakje-in-sleutel",
    ),
    pytest.param(
        _schrijf("nummer: 9\n# " + "x" * 1_000_000 + "\n"),
        ["casus-9.yaml: het bestand is te groot: hoogstens 1.000.000 bytes (1 MB)"],
        id="te-groot-bestand",
    ),
    pytest.param(
        _pilot_afgebroken,
        [
            "pilot.yaml:4: kengetallen: blok 'kengetallen' ontbreekt, maar de casussen gebruiken: bijzondere_bijstand, "
            "deurwaarderskosten, incassomaatregelen, rechtbank, schuldhulpverlening, toevoeging"
        ],
        id="pilot-zonder-kengetallen",
    ),
]


@pytest.mark.parametrize("maak, verwacht", VIJANDIG)
@pytest.mark.parametrize("opdracht", ["bereken", "onzekerheid", "meerjarig"])
def test_vijandige_invoer(cli, hengelo, maak, verwacht, opdracht):
    maak(hengelo)
    begin = time.perf_counter()
    code, uit, fout = cli(opdracht, hengelo)
    duur = time.perf_counter() - begin
    assert (code, uit) == (2, "")
    assert fout.splitlines() == [_verwacht(hengelo, v) for v in verwacht] + [f"{len(verwacht)} fout(en) in de invoer; er is niets berekend."]
    # Ruime bovengrens tegen vastlopen (de oude lezer deed hier tientallen seconden over); geen snelheidsdoel.
    assert duur < 20


def test_onleesbare_map(monkeypatch, capsys, hengelo):
    """Een map zonder leesrechten; ook als root getoetst: de rechtencontrole zegt 'niet leesbaar' voor deze map."""
    import kostenbaten.cli as cli_module

    echt = os.access
    monkeypatch.setattr(os, "access", lambda pad, modus, **kw: False if Path(pad) == hengelo else echt(pad, modus, **kw))
    monkeypatch.setattr("sys.argv", ["kostenbaten", "bereken", str(hengelo)])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"Fout: ongeldige waarde voor 'MAP_OF_VARIANT': '{hengelo}' is niet leesbaar (geen leesrechten); geef leesrechten of kies een andere map",
        "Zie 'kostenbaten bereken --help' voor uitleg.",
    ]


def test_onleesbaar_bestand(monkeypatch, cli, hengelo):
    """Een casus zonder leesrechten (ook als root getoetst): de reden in het Nederlands, niet 'Permission denied'."""
    echt = os.open

    def open_(pad, *args, **kwargs):
        if os.path.basename(pad) == "casus-2.yaml":
            raise PermissionError(errno.EACCES, "Permission denied")
        return echt(pad, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert fout.splitlines()[0] == f"{hengelo / 'casus-2.yaml'}: kan het bestand niet lezen (geen leesrechten)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root mag elke map lezen")
def test_onleesbare_map_echt(cli, hengelo):
    hengelo.chmod(0)
    try:
        code, _, fout = cli("bereken", hengelo)
    finally:
        hengelo.chmod(0o755)
    assert code == 2
    assert "Traceback" not in fout and "not readable" not in fout


@pytest.mark.parametrize(
    "opties, melding",
    [
        (
            ["-n", "10.000"],
            "Fout: ongeldige waarde voor '--trekkingen' / '-n': '10.000' is geen getal: schrijf zonder duizendtalpunt "
            "en met een punt als decimaalteken (bijvoorbeeld 1400 of 0.5)",
        ),
        (["-n", "1.5"], "Fout: ongeldige waarde voor '--trekkingen' / '-n': moet een geheel getal zijn"),
        (["--zaad", "-1"], "Fout: ongeldige waarde voor '--zaad': moet minstens 0 zijn"),
        (["--zaad", "1,5"], "Fout: ongeldige waarde voor '--zaad': '1,5' is geen getal: gebruik een punt als decimaalteken (bijvoorbeeld 0.5)"),
        (["--zaad", "9" * 5000], "Fout: ongeldige waarde voor '--zaad': mag hoogstens 18446744073709551615 zijn"),
    ],
    ids=["duizendtalpunt", "kommagetal", "negatief-zaad", "zaad-met-komma", "zaad-van-5000-cijfers"],
)
@pytest.mark.parametrize("opdracht", ["onzekerheid", "vergelijk"])
def test_getallen_op_de_opdrachtregel(monkeypatch, capsys, opdracht, opties, melding):
    import kostenbaten.cli as cli_module

    monkeypatch.setattr("sys.argv", ["kostenbaten", opdracht, str(HENGELO), *opties])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    assert capsys.readouterr().err.splitlines()[0] == melding


def _geen_rechten(*args, **kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize(
    "opdracht",
    [["bereken", str(HENGELO), "--xlsx", "{doel}/uit.xlsx"], ["sjabloon", "{doel}/uit.xlsx"], ["schema", "{doel}"]],
    ids=["bereken-xlsx", "sjabloon", "schema"],
)
def test_map_zonder_schrijfrechten(monkeypatch, capsys, tmp_path, opdracht):
    """Geen schrijfrechten is een fout van de gebruiker (code 2), geen interne fout; er blijft niets achter."""
    import kostenbaten.cli as cli_module

    monkeypatch.setattr("kostenbaten.uitvoer.bestand.tempfile.mkstemp", _geen_rechten)
    monkeypatch.setattr("kostenbaten.uitvoer.bestand.tempfile.mkdtemp", _geen_rechten)  # een map komt als geheel
    monkeypatch.chdir(ROOT)
    argumenten = [a.format(doel=tmp_path) for a in opdracht]
    monkeypatch.setattr("sys.argv", ["kostenbaten", *argumenten])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    doel = Path(argumenten[-1])
    # Een bestaande map wordt naast zich opnieuw opgebouwd en dan verwisseld: daarvoor zijn rechten in de map erboven nodig.
    eerste = f"{doel}: kan niet schrijven: geen schrijfrechten in map {tmp_path.parent if doel.suffix == '' else tmp_path}"
    assert capsys.readouterr().err.splitlines()[0] == eerste
    assert list(tmp_path.iterdir()) == []


def test_uitvoermap_niet_te_maken(monkeypatch, capsys, tmp_path):
    import kostenbaten.cli as cli_module

    monkeypatch.setattr(Path, "mkdir", _geen_rechten)
    monkeypatch.setattr(os, "mkdir", _geen_rechten)  # de map komt als geheel uit een tijdelijke map (tempfile.mkdtemp)
    monkeypatch.setattr("sys.argv", ["kostenbaten", "schema", str(tmp_path / "nieuw")])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    assert capsys.readouterr().err.splitlines()[0] == f"{tmp_path / 'nieuw'}: kan niet schrijven: geen schrijfrechten in map {tmp_path}"


def test_sjabloon_buiten_de_projectmap(monkeypatch, capsys, tmp_path):
    """Zonder templates/ in de huidige map gebruikt `sjabloon` de met het pakket meegeleverde voorbeeldbegroting."""
    import kostenbaten.cli as cli_module

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", ["kostenbaten", "sjabloon", "mijn.xlsx"])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 0, capsys.readouterr().err
    assert (tmp_path / "mijn.xlsx").is_file()


def test_wiel_bevat_sjablonen_en_voorbeeldcasussen(tmp_path):
    """Het gebouwde pakket neemt templates/ en casussen/ mee, zodat het na `pip install` overal werkt."""
    import subprocess
    import sys
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wiel,) = tmp_path.glob("*.whl")
    namen = set(zipfile.ZipFile(wiel).namelist())
    verwacht = {f"kostenbaten/gegevens/{p.relative_to(ROOT)}" for map_ in ("templates", "casussen") for p in (ROOT / map_).rglob("*.y*ml")}
    verwacht.add("kostenbaten/gegevens/templates/voorbeeldbegroting.xlsx")
    assert verwacht <= namen


def test_verboden_tekens_zijn_precies_wat_yaml_niet_toestaat():
    from kostenbaten.invoer.yamlbestand import _VERBODEN_TEKEN

    # YAML 1.1 (c-printable): tab, regeleinden, U+0020-U+007E, U+0085, U+00A0-U+D7FF, U+E000-U+FFFD, U+10000 en hoger.
    def toegestaan(c: int) -> bool:
        return c in (0x9, 0xA, 0xD, 0x85) or 0x20 <= c <= 0x7E or 0xA0 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or c >= 0x10000

    fout = [hex(c) for c in range(0x110000) if bool(_VERBODEN_TEKEN.match(chr(c))) == toegestaan(c)]
    assert fout == []


def test_snelle_voortoets_mist_geen_verboden_teken():
    # De voortoets (alles afdrukbaar na het weglaten van tab en regeleinden) slaat de zoektochten over:
    # dat mag alleen als elk teken dat een van de drie uitdrukkingen zoekt, die toets laat mislukken.
    from kostenbaten import tekens
    from kostenbaten.invoer.yamlbestand import _VERBODEN_TEKEN

    # (In een bestand is CR een regeleinde; in een tekst, waar `eerste_verboden` op `isprintable` toetst, niet.)
    in_bestand = [
        hex(c)
        for c in range(0x110000)
        if (_VERBODEN_TEKEN.match(chr(c)) or tekens.VERBODEN_IN_BESTAND.match(chr(c))) and tekens.zeker_zonder_verboden(f"a{chr(c)}b")
    ]
    in_tekst = [hex(c) for c in range(0x110000) if tekens.VERBODEN.match(chr(c)) and chr(c).isprintable()]
    assert in_bestand == [] and in_tekst == []
    # Met zo'n teken ergens in een gewoon bestand zoekt de uitdrukking wel, en vindt ze het op zijn regel.
    assert tekens.zeker_zonder_verboden("nummer: 1\r\ntitel: Bezwaar € 1.800\n\tx\n")
    assert not tekens.zeker_zonder_verboden("nummer: 1\ntitel: Be\u202ezwaar\n")
    assert tekens.eerste_verboden("Be\x1bzwaar") == "\x1b" and tekens.eerste_verboden("Bezwaar € 1.800") is None


def test_verboden_teken_na_voortoets_nog_met_bestand_en_regel(tmp_path):
    from kostenbaten.invoer.yamlbestand import lees_yaml

    pad = tmp_path / "casus-1.yaml"
    pad.write_text("nummer: 1\ntitel: Be\u202ezwaar\n", encoding="utf-8")
    bestand, fouten = lees_yaml(pad)
    assert bestand is None and [(f.bestand, f.regel) for f in fouten] == [(str(pad), 2)]
    assert "richtingteken U+202E" in fouten[0].melding


@pytest.mark.parametrize(
    "opdracht",
    [["bereken", "--per-casus"], ["uitleg"], ["gevoeligheid"], ["actoren"], ["meerjarig"], ["onzekerheid", "--trekkingen", "1000"], ["rapport", "-o", "{uit}"]],
)
def test_haken_en_dubbelepunten_in_namen_blijven_letterlijke_tekst(cli, hengelo, tmp_path, opdracht):
    # Rich leest `[...]` als opmaak (`[/]` zonder open tag is een fout) en `:naam:` als emoji; tekst uit de invoer blijft tekst.
    vervang(hengelo / "casus-1.yaml", "titel: Bezwaarschrift tegen terugvordering van bijstand", 'titel: "Bezwaar [/] tegen [bold]terugvordering :smile:"')
    vervang(hengelo / "pilot.yaml", "naam: Kostenbesparing toevoeging", 'naam: "Toevoeging [/red] bespaard :thumbs_up:"')
    argumenten = [a.replace("{uit}", str(tmp_path / "r.html")) for a in opdracht]
    code, uit, fout = cli(argumenten[0], hengelo, *argumenten[1:])
    assert code == 0, fout
    assert "Interne fout" not in fout
    if opdracht[0] == "bereken":
        assert "Bezwaar [/] tegen [bold]terugvordering :smile:" in " ".join(uit.split())
        assert "Toevoeging [/red] bespaard :thumbs_up:" in " ".join(uit.split())
