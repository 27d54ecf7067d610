"""Foute invoer: exacte Nederlandse meldingen met bestand en regel, alle fouten samen, code 2."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import HENGELO, ROOT, vervang
from kostenbaten.invoer.casussen import laad_project
from kostenbaten.invoer.yamlbestand import lees_yaml


# De Engelse kern van de melding verschilt tussen libyaml en de Python-lezer van PyYAML.
_LIJST_NIET_AF = (
    "while parsing a flow sequence; did not find expected ',' or ']'"
    if hasattr(yaml, "CSafeLoader")
    else "while parsing a flow sequence; expected ',' or ']', but got '<stream end>'"
)


def _zet(bestand, oud, nieuw):
    return lambda map_: vervang(map_ / bestand, oud, nieuw)


def _schrijf(bestand, tekst):
    return lambda map_: (map_ / bestand).write_text(tekst, encoding="utf-8")


FOUTE_INVOER = [
    pytest.param(
        _zet("casus-1.yaml", "uren: 2\n", "uren: twee\n"),
        ["casus-1.yaml:@uren: twee@: uren: moet een getal zijn, niet de tekst 'twee'"],
        id="verkeerd-type",
    ),
    pytest.param(
        _zet("casus-2.yaml", "uren: 3\n", "uren: -3\n"),
        ["casus-2.yaml:@uren: -3@: uren: mag niet negatief zijn (gevonden: -3)"],
        id="negatieve-uren",
    ),
    pytest.param(
        _zet("pilot.yaml", "bedrag: 800", "bedrag: -800"),
        ["pilot.yaml:@bedrag: -800@: kengetallen.toevoeging.bedrag: mag niet negatief zijn (gevonden: -800)"],
        id="negatief-bedrag",
    ),
    pytest.param(
        _zet("casus-1.yaml", "kengetal: toevoeging", "kengetal: toevoging"),
        ["casus-1.yaml:@toevoging@: baten[2].kengetal: onbekend kengetal 'toevoging'; bedoelt u 'toevoeging'?"],
        id="onbekend-kengetal",
    ),
    pytest.param(
        _zet("casus-3.yaml", "rechtsgebied: consumentenzaken", "rechtsgebied: huurrecht"),
        [
            "casus-3.yaml:@rechtsgebied:@: rechtsgebied: onbekend rechtsgebied 'huurrecht'; bekend zijn: "
            "sociaal_zekerheidsrecht, consumentenzaken, belastingrecht"
        ],
        id="onbekend-rechtsgebied",
    ),
    pytest.param(
        _zet("pilot.yaml", "    aandeel: 13", "    aandeel: 63"),
        ["pilot.yaml:@rechtsgebieden:@: rechtsgebieden: de aandelen van de rechtsgebieden tellen op tot 116%, meer dan 100%"],
        id="aandelen-boven-100",
    ),
    pytest.param(
        _zet("casus-5.yaml", "nummer: 5", "nummer: 4"),
        ["casus-5.yaml:@nummer:@: nummer: casusnummer 4 staat ook in {map}/casus-4.yaml:2"],
        id="dubbel-casusnummer",
    ),
    pytest.param(
        lambda map_: (map_ / "pilot.yaml").unlink(),
        ["pilot.yaml: pilotbestand ontbreekt; elke casussenmap heeft een pilot.yaml"],
        id="geen-pilotbestand",
    ),
    pytest.param(
        _schrijf("casus-7.yaml", "nummer: 7\nbaten: [1\n"),
        ["casus-7.yaml:3: YAML-syntaxfout: een lijst tussen [ en ] is niet afgesloten ({ENGELS})"],
        id="yaml-syntaxfout",
    ),
    pytest.param(
        _zet("casus-6.yaml", "titel: Verrekening van toeslagen gestopt\n", "titel: Verrekening\ntitel: nog eens\n"),
        ["casus-6.yaml:@nog eens@: titel: sleutel 'titel' staat dubbel (eerder op regel 3)"],
        id="dubbele-sleutel",
    ),
    pytest.param(
        _zet("casus-1.yaml", "uren: 2\n", "uuren: 2\n"),
        [
            "casus-1.yaml:2: uren: verplichte sleutel ontbreekt",
            "casus-1.yaml:@uuren@: uuren: onbekende sleutel 'uuren'; bedoelt u 'uren'?",
        ],
        id="tikfout-in-sleutel",
    ),
    pytest.param(
        _zet("casus-5.yaml", "uren: 1\n", "uren: 1,5\n"),
        ["casus-5.yaml:@1,5@: uren: '1,5' is geen getal: gebruik een punt als decimaalteken (bijvoorbeeld 0.5)"],
        id="decimale-komma",
    ),
    pytest.param(
        _zet("casus-1.yaml", "    maanden: 36\n", ""),
        ["casus-1.yaml:@Inkomensverbetering@: baten[1]: bij 'per_maand' hoort 'maanden' (de looptijd)"],
        id="maandbedrag-zonder-looptijd",
    ),
    pytest.param(
        _zet("pilot.yaml", "    actor: rijk\n    omschrijving: Gesubsidieerde", "    actor: raad\n    omschrijving: Gesubsidieerde"),
        ["pilot.yaml:@actor: raad@: kengetallen.toevoeging.actor: onbekend actor 'raad'; bekend zijn: client, gemeente, rijk, schuldeiser, zorgverzekeraar, woningcorporatie, werkgever, bibliotheek, sjd_organisatie, overheid (een eigen actor declareert u in pilot.yaml onder 'actoren', met 'naam' en 'groep')"],
        id="onbekende-actor",
    ),
    pytest.param(
        _zet("casus-6.yaml", "errata:\n  kosten:", "errata:\n  kostn:"),
        ["casus-6.yaml:@kostn@: errata.kostn: onbekend cijfer 'kostn'; kies uit: kosten, baten, netto, client, overheid"],
        id="erratum-bij-onbekend-cijfer",
    ),
    pytest.param(
        _zet("pilot.yaml", "hulpvragen: 300 ", "hulpvragen: .inf "),
        ["pilot.yaml:@.inf@: hulpvragen: '.inf' is geen bruikbaar getal"],
        id="oneindig",
    ),
]


def _verwacht(map_: Path, melding: str) -> str:
    """`bestand:@zoektekst@: ...` wordt `bestand:N: ...` met N de regel waarop de zoektekst staat."""
    bestand, _, rest = melding.partition(":")
    if rest.startswith("@"):
        zoek, _, rest = rest[1:].partition("@")
        regels = (map_ / bestand).read_text(encoding="utf-8").splitlines()
        nummers = [i for i, regel in enumerate(regels, 1) if zoek in regel]
        assert len(nummers) == 1, (zoek, nummers)
        rest = str(nummers[0]) + rest
    return f"{map_}/{bestand}:{rest}".format(map=map_, ENGELS=_LIJST_NIET_AF)


@pytest.mark.parametrize("maak_fout, verwacht", FOUTE_INVOER)
def test_foute_invoer(cli, hengelo, maak_fout, verwacht):
    maak_fout(hengelo)
    code, uit, fout = cli("bereken", hengelo)
    assert code == 2
    assert uit == ""
    regels = fout.splitlines()
    assert regels[:-1] == [_verwacht(hengelo, v) for v in verwacht]
    assert regels[-1] == f"{len(verwacht)} fout(en) in de invoer; er is niets berekend."
    assert "Traceback" not in fout


def test_alle_fouten_samen(cli, hengelo):
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: -2\n")
    vervang(hengelo / "casus-4.yaml", "uren: 2\n", "uren: ja\n")
    vervang(hengelo / "pilot.yaml", "hulpvragen: 300", "hulpvragen: veel")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert fout.count(f"{hengelo}/") == 3
    assert "3 fout(en) in de invoer" in fout


def _los_bestand(map_: Path) -> Path:
    pad = map_ / "los.yaml"
    pad.write_text("a: 1\n", encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    "maak, melding",
    [
        (lambda p: p / "bestaat-niet", "map of bestand bestaat niet"),
        (lambda p: p, "de map bevat geen YAML-bestanden (verwacht pilot.yaml en casussen)"),
        # Een los bestand buiten een casussenmap wordt als variant gelezen: zonder basis is het er geen.
        (_los_bestand, "1: a: onbekende sleutel 'a'"),
    ],
    ids=["ontbrekende-map", "lege-map", "bestand-in-plaats-van-map"],
)
def test_map_problemen(cli, tmp_path, maak, melding):
    pad = maak(tmp_path)
    code, _, fout = cli("bereken", pad)
    assert code == 2
    assert fout.splitlines()[0] == f"{pad}:{'' if melding[0].isdigit() else ' '}{melding}"


def test_alleen_pilot(cli, hengelo):
    for casus in hengelo.glob("casus-*.yaml"):
        casus.unlink()
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert fout.splitlines()[0] == f"{hengelo}: de map bevat geen casussen, alleen pilot.yaml"


def test_leeg_bestand(cli, hengelo):
    (hengelo / "casus-9.yaml").write_text("# nog leeg\n", encoding="utf-8")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert fout.splitlines()[0] == f"{hengelo}/casus-9.yaml:1: het bestand is leeg"


def test_getallen_worden_nooit_float(tmp_path):
    pad = tmp_path / "x.yaml"
    pad.write_text("a: 0.1\nb: [1.10, 2]\nc: 1_000.5\n", encoding="utf-8")
    bestand, fouten = lees_yaml(pad)
    assert not fouten
    assert bestand.inhoud == {"a": Decimal("0.1"), "b": [Decimal("1.10"), 2], "c": Decimal("1000.5")}
    assert type(bestand.inhoud["a"]) is Decimal
    assert bestand.plekken[("b", 1)] == 2


def test_alleen_veilige_yaml(tmp_path):
    pad = tmp_path / "x.yaml"
    pad.write_text("a: !!python/object/apply:os.system ['echo oeps']\n", encoding="utf-8")
    bestand, fouten = lees_yaml(pad)
    assert bestand is None
    assert [f.melding for f in fouten] == ["YAML-type tag:yaml.org,2002:python/object/apply:os.system wordt niet ondersteund"]


@pytest.mark.parametrize("map_", sorted(p.parent for p in (ROOT / "casussen").rglob("pilot.yaml")), ids=lambda p: p.name)
def test_meegeleverde_casussen_laden(map_):
    project = laad_project(map_)
    assert project.casussen


def test_hengelo_heeft_zes_casussen():
    assert [c.nummer for c in laad_project(HENGELO).casussen] == [1, 2, 3, 4, 5, 6]


def test_geen_traceback_bij_interne_fout(monkeypatch, capsys):
    import kostenbaten.cli as cli_module

    def kapot(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(cli_module, "_voor_opdracht", lambda eerste: kapot)
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 3
    fout = capsys.readouterr().err
    assert "Interne fout in kostenbaten (RuntimeError: stuk)" in fout and "Traceback" not in fout


def test_casussen_ook_nagekeken_bij_foute_pilot(cli, hengelo):
    vervang(hengelo / "pilot.yaml", "hulpvragen: 300", "hulpvragen: -300")
    vervang(hengelo / "casus-1.yaml", "kengetal: toevoeging", "kengetal: toevoging")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    regels = fout.splitlines()
    assert any(r.endswith("hulpvragen: mag niet negatief zijn (gevonden: -300)") for r in regels)
    assert any(r.endswith("baten[2].kengetal: onbekend kengetal 'toevoging'; bedoelt u 'toevoeging'?") for r in regels)
    assert regels[-1] == "2 fout(en) in de invoer; er is niets berekend."


def test_ander_bestand_dan_map_werkmap_of_variant(cli, tmp_path):
    notitie = tmp_path / "notitie.md"
    notitie.write_text("# Mijn notities\n\t- niet voor kostenbaten\n", encoding="utf-8")
    code, _, fout = cli("bereken", notitie)
    assert code == 2
    assert fout.splitlines()[0] == f"{notitie}: geef een casussenmap (met pilot.yaml), een casussenwerkmap (.xlsx) of een variantbestand (.yaml)"


def test_naam_met_accent_of_hoofdletters_krijgt_een_suggestie(cli, hengelo):
    vervang(hengelo / "casus-1.yaml", "    actor: client\n", "    actor: cliënt\n")
    # Een verwijzing krijgt een naam die in pilot.yaml bestaat, niet alleen een verbeterde schrijfwijze.
    vervang(hengelo / "casus-1.yaml", "kengetal: toevoeging", "kengetal: Toevoeging kosten")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    melding = "moet een naam zijn van kleine letters zonder accent, cijfers en '_' (zoals bijzondere_bijstand)"
    assert fout.splitlines() == [
        f"{hengelo / 'casus-1.yaml'}:14: baten[1].actor: {melding}; bedoelt u 'client'?",
        # Regel 17: na 'actor: client' staan 'soort: overdracht' en 'van: gemeente' (regel 15 en 16).
        f"{hengelo / 'casus-1.yaml'}:17: baten[2].kengetal: {melding}; bedoelt u 'toevoeging'?",
        "2 fout(en) in de invoer; er is niets berekend.",
    ]


def test_verwijzingen_ook_in_een_casus_met_andere_fouten(cli, hengelo):
    # Een tikfout in een sleutel maakt de casus ongeldig; de verkeerde namen erin komen toch in dezelfde run.
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uuren: 2\n")
    vervang(hengelo / "casus-1.yaml", "rechtsgebied: sociaal_zekerheidsrecht", "rechtsgebied: sociaal_zekerheidrecht")
    vervang(hengelo / "casus-1.yaml", "kengetal: toevoeging", "kengetal: toevoeg")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    pad = hengelo / "casus-1.yaml"
    assert fout.splitlines() == [
        f"{pad}:2: uren: verplichte sleutel ontbreekt",
        f"{pad}:4: rechtsgebied: onbekend rechtsgebied 'sociaal_zekerheidrecht'; bedoelt u 'sociaal_zekerheidsrecht'?",
        f"{pad}:9: uuren: onbekende sleutel 'uuren'; bedoelt u 'uren'?",
        f"{pad}:17: baten[2].kengetal: onbekend kengetal 'toevoeg'; bedoelt u 'toevoeging'?",
        "4 fout(en) in de invoer; er is niets berekend.",
    ]


@pytest.mark.parametrize(
    "argumenten, melding",
    [
        (["bereken"], "Fout: argument MAP_OF_VARIANT ontbreekt\nZie 'kostenbaten bereken --help' voor uitleg."),
        (
            ["bereken", str(HENGELO), "--formaat", "xml"],
            "Fout: ongeldige waarde voor '--formaat' / '-f': 'xml'; kies uit 'tabel', 'json'\n"
            "Zie 'kostenbaten bereken --help' voor uitleg.",
        ),
        (["berken"], "Fout: onbekende opdracht 'berken'; bedoelt u 'bereken'?\nZie 'kostenbaten --help' voor uitleg."),
        (["bereken", str(HENGELO), "--foo"], "Fout: onbekende optie --foo\nZie 'kostenbaten bereken --help' voor uitleg."),
        (["bereken", str(HENGELO), "extra"], "Fout: onverwacht extra argument: extra\nZie 'kostenbaten bereken --help' voor uitleg."),
    ],
    ids=["argument-ontbreekt", "ongeldige-keuze", "onbekende-opdracht", "onbekende-optie", "extra-argument"],
)
def test_gebruiksfouten_in_het_nederlands(monkeypatch, capsys, argumenten, melding):
    import kostenbaten.cli as cli_module

    monkeypatch.setattr("sys.argv", ["kostenbaten", *argumenten])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    assert capsys.readouterr().err.strip() == melding


@pytest.mark.parametrize(
    "oud, nieuw, melding",
    [
        ("hulpvragen: 300", "hulpvragen: 1.300", "hulpvragen: moet een geheel aantal zijn (gevonden: 1.300); een punt is geen duizendtalscheiding: schrijf 1300, niet 1.300"),
        ("    bedrag: 800", "    bedrag: 1.800", "kengetallen.toevoeging.bedrag: '1.800' heeft meer dan twee cijfers achter de punt: "
         "schrijf duizendtallen zonder punt (bijvoorbeeld 1614); een bedrag heeft hoogstens twee decimalen (centen)"),
        ("hulpvragen: 300", "hulpvragen: 300.5", "hulpvragen: moet een geheel aantal zijn (gevonden: 300.5)"),
        ("    per_uur: 80", "    per_uur: € 80", "tarieven.sjd.per_uur: '€ 80' is geen getal: laat het €-teken weg"),
        ("    bedrag: 800", "    bedrag: 1.800,50", "kengetallen.toevoeging.bedrag: '1.800,50' is geen getal: schrijf zonder "
         "duizendtalpunt en met een punt als decimaalteken (bijvoorbeeld 1400 of 0.5)"),
    ],
    ids=["duizendtalpunt-in-aantal", "duizendtalpunt-in-bedrag", "geen-geheel-aantal", "euroteken", "nederlandse-notatie"],
)
def test_nederlandse_getalnotatie_wordt_niet_stil_misverstaan(cli, hengelo, oud, nieuw, melding):
    vervang(hengelo / "pilot.yaml", oud, nieuw)
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    regels = (hengelo / "pilot.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i for i, r in enumerate(regels, 1) if nieuw.strip() in r)
    assert fout.splitlines()[0] == f"{hengelo}/pilot.yaml:{regel}: {melding}"


def test_vervolgfout_rechtsgebied_zonder_casus_blijft_weg(cli, hengelo):
    vervang(hengelo / "casus-1.yaml", "uren: 2\n", "uren: twee\n")
    vervang(hengelo / "casus-2.yaml", "uren: 3\n", "uren: drie\n")
    code, _, fout = cli("bereken", hengelo)
    assert code == 2
    assert "geen enkele casus" not in fout
    assert fout.splitlines()[-1] == "2 fout(en) in de invoer; er is niets berekend."


def test_werkbladfouten_op_rij_en_kolom_gesorteerd():
    from kostenbaten.fouten import Fout, Plek, InvoerFouten

    plekken = ["Blad!B10", "Blad!B7", "Blad!AA7", "Blad!C7", "Anders!Z1"]
    fouten = InvoerFouten([Fout(Plek("x.xlsx", None, p), "", "m") for p in plekken])
    assert [f.cel for f in fouten.fouten] == ["Anders!Z1", "Blad!B7", "Blad!C7", "Blad!AA7", "Blad!B10"]


def test_uitvoer_naar_een_map_of_bestaand_bestand(cli, tmp_path):
    code, _, fout = cli("bereken", HENGELO, "--xlsx", tmp_path, "--overschrijf")
    assert code == 2
    assert fout.splitlines() == [f"{tmp_path}: dit is een map; geef de naam van een bestand", "1 fout(en) bij het schrijven; er is niets geschreven."]
    bestaand = tmp_path / "kba.xlsx"
    bestaand.write_text("van de gebruiker", encoding="utf-8")
    code, uit, fout = cli("bereken", HENGELO, "--xlsx", bestaand)
    assert code == 2 and uit == ""
    assert fout.splitlines()[0] == f"{bestaand}: bestand bestaat al; gebruik --overschrijf om het te vervangen"
    assert bestaand.read_text(encoding="utf-8") == "van de gebruiker"


@pytest.mark.parametrize(
    "opdracht, zichtbaar",
    [("actoren", "=1+1"), ("meerjarig", "=1+1"), ("gevoeligheid", None), ("onzekerheid", None)],
)
def test_tekst_uit_de_invoer_wordt_nooit_een_formule(cli, hengelo, tmp_path, opdracht, zichtbaar):
    from openpyxl import load_workbook

    vervang(hengelo / "pilot.yaml", "    naam: Gemeente\n", "    naam: \"=1+1\"\n")
    vervang(hengelo / "pilot.yaml", "    naam: Kostenbesparing toevoeging\n", "    naam: \"-korting\"\n")
    vervang(hengelo / "casus-3.yaml", "titel: Vordering van een deurwaarder verlaagd", "titel: \"@SOM(A1)\"")
    doel = tmp_path / f"{opdracht}.xlsx"
    code, _, fout = cli(opdracht, hengelo, "--xlsx", doel)
    assert code == 0, fout
    boek = load_workbook(doel)
    cellen = [c for blad in boek.worksheets for rij in blad.iter_rows() for c in rij]
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    if zichtbaar:  # de naam staat er, als tekst
        assert zichtbaar in {c.value for c in cellen if c.data_type == "s"}


@pytest.mark.parametrize(
    "argumenten, melding",
    [
        (["uitleg", str(HENGELO), "totaal", "--diepte", "-1"], "Fout: ongeldige waarde voor '--diepte': moet minstens 0 zijn"),
        (["onzekerheid", str(HENGELO), "-n", "veel"], "Fout: ongeldige waarde voor '--trekkingen' / '-n': moet een geheel getal zijn"),
    ],
    ids=["te-klein", "geen-geheel-getal"],
)
def test_waardefouten_van_opties_in_het_nederlands(monkeypatch, capsys, argumenten, melding):
    import kostenbaten.cli as cli_module

    monkeypatch.setattr("sys.argv", ["kostenbaten", *argumenten])
    with pytest.raises(SystemExit) as einde:
        cli_module.main()
    assert einde.value.code == 2
    assert capsys.readouterr().err.splitlines()[0] == melding


def test_kostenbaten_zonder_opdracht_toont_hulp(monkeypatch, capsys):
    import kostenbaten.cli as cli_module

    monkeypatch.setattr("sys.argv", ["kostenbaten"])
    with pytest.raises(SystemExit):
        cli_module.main()
    uitvoer = capsys.readouterr()
    assert "bereken" in uitvoer.out and "Fout" not in uitvoer.out + uitvoer.err


def test_ingebouwde_actoren_zijn_geldig():
    # STANDAARD_ACTOREN wordt zonder validatie gemaakt (model_construct); hier alsnog gevalideerd.
    from kostenbaten.model.casus import STANDAARD_ACTOREN, Actor

    for actor in STANDAARD_ACTOREN.values():
        assert Actor.model_validate(actor.model_dump(exclude_unset=True)) == actor


def test_plek_als_tekst_en_in_een_fout():
    from kostenbaten.fouten import Fout, Plek

    assert str(Plek("a/pilot.yaml", 7)) == "a/pilot.yaml:7"
    assert str(Plek("x.xlsx", 3, "Blad!C7")) == "x.xlsx:Blad!C7"  # een cel gaat voor een regel
    assert str(Plek("a/casus-1.yaml")) == "a/casus-1.yaml"
    fout = Fout(Plek("a/casus-1.yaml", 4), "baten[1].bedrag", "moet een getal zijn")
    assert (fout.bestand, fout.regel, fout.cel) == ("a/casus-1.yaml", 4, None)
    assert str(fout) == "a/casus-1.yaml:4: baten[1].bedrag: moet een getal zijn"


def test_garbage_collector_alleen_stil_tijdens_het_lezen(tmp_path, monkeypatch):
    """Het lezen van een map zet de garbage collector stil en daarna weer aan, ook na een fout in de invoer;
    stond hij al uit, dan blijft hij uit."""
    import gc

    from kostenbaten.fouten import InvoerFouten
    from kostenbaten.invoer import casussen

    tijdens = []
    echt = casussen._laad_project

    def meten(map_):
        tijdens.append(gc.isenabled())
        return echt(map_)

    monkeypatch.setattr(casussen, "_laad_project", meten)
    assert gc.isenabled()
    laad_project(HENGELO)
    with pytest.raises(InvoerFouten):
        laad_project(tmp_path / "bestaat-niet")
    assert tijdens == [False, False] and gc.isenabled()
    gc.disable()
    try:
        laad_project(HENGELO)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gelezen_map_alleen_bevroren_bij_een_opdracht_per_proces(monkeypatch):
    """Alleen als het proces één opdracht draait (de opdrachtregel) gaan de gelezen objecten naar de permanente
    generatie van de garbage collector; in de tests en via de API niet."""
    import gc

    import kostenbaten

    gc.unfreeze()
    laad_project(HENGELO)
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(kostenbaten, "EEN_OPDRACHT", True)
    try:
        project = laad_project(HENGELO)
        assert gc.get_freeze_count() > 0 and gc.is_tracked(project.pilot)
    finally:
        gc.unfreeze()


def test_lezen_ook_als_de_grootte_van_het_bestand_niet_klopt(tmp_path, monkeypatch):
    """Het lezen vraagt de grootte uit `fstat` plus één byte en leest dan door tot het einde: een bestand dat
    intussen groeide of een grootte 0 opgeeft (zoals in /proc) wordt heel gelezen, en een te groot bestand blijft
    te groot."""
    import os

    from kostenbaten.invoer import yamlbestand

    echt = os.fstat

    def fstat(fd):
        info = echt(fd)
        return os.stat_result((info.st_mode, *tuple(info)[1:6], 0, *tuple(info)[7:]))  # st_size is veld 6

    monkeypatch.setattr(os, "fstat", fstat)
    lang = tmp_path / "lang.yaml"
    lang.write_text("# " + "x" * 300_000 + "\nnaam: lang\nbedrag: 12.50\n", encoding="utf-8")
    bestand, fouten = lees_yaml(lang)
    assert fouten == [] and bestand.inhoud == {"naam": "lang", "bedrag": Decimal("12.50")}
    te_groot = tmp_path / "te-groot.yaml"
    te_groot.write_bytes(b"#" * (yamlbestand.MAX_BYTES + 5))
    _, fouten = lees_yaml(te_groot)
    assert [f.melding for f in fouten] == ["het bestand is te groot: hoogstens 1.000.000 bytes (1 MB)"]
