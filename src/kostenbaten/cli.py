"""De opdrachtregel: elke opdracht laadt de invoer, rekent en levert de uitkomst, verder niets.

Fouten worden niet per opdracht afgevangen: `_grens` is de enige plek die een fout
naar een melding en een afsluitcode vertaalt (1 afwijking, 2 invoer, 3 intern,
130 onderbroken). Welke module een uitkomst toont of schrijft, weet het register
(`uitvoer/register.py`); zware bibliotheken laden pas in die modules.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from kostenbaten.fouten import (
    EXIT_AFWIJKING,
    EXIT_INTERNE_FOUT,
    EXIT_INVOERFOUT,
    EXIT_ONDERBROKEN,
    Afwijking,
    Fout,
    Gebruiksfout,
    InvoerFouten,
    UitvoerFouten,
)
from kostenbaten.invoer.opties import geheel_getal
from kostenbaten.vertaling import NederlandseHulp, Opdracht, Opdrachtenlijst, gebruiksfout


EXIT_GEBROKEN_PIJP = 141  # 128 + SIGPIPE, zoals de shell het noemt


class _Onderbroken(Exception):
    """Ctrl-C of een stopsignaal, langs typer heen (dat maakt van KeyboardInterrupt stil een code 130)."""


class _GebrokenPijp(Exception):
    """De uitvoer ging naar een programma dat al gestopt is (`| head`), langs typer heen (dat geeft code 1)."""


class _Stopsignaal(KeyboardInterrupt):
    """SIGTERM of SIGHUP (terminal gesloten): afgehandeld als Ctrl-C, zodat tijdelijke bestanden verdwijnen."""


def _stopsignalen() -> None:
    """SIGTERM en SIGHUP worden een onderbreking: de `finally` van elk schrijven ruimt dan zijn tijdelijke bestanden op."""
    import signal

    def stop(nummer, _frame):
        raise _Stopsignaal(signal.Signals(nummer).name)

    for naam in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, naam):
            signal.signal(getattr(signal, naam), stop)


def _stil_na_gebroken_pijp() -> None:
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _onderbroken() -> None:
    """'Onderbroken.' en wat er tot dan wel geschreven is (een half bestand of een halve map blijft nooit achter)."""
    from kostenbaten.uitvoer.bestand import GESCHREVEN

    print("Onderbroken.", file=sys.stderr)
    if GESCHREVEN:
        for pad in GESCHREVEN:
            print(f"Wel geschreven vóór de onderbreking: {pad}", file=sys.stderr)
    else:
        print("Er is niets geschreven.", file=sys.stderr)


def _grens(roep) -> None:
    """De foutgrens van het programma: Nederlandse meldingen, een afsluitcode en nooit een traceback."""
    from typer.exceptions import TyperException

    from kostenbaten.notatie import zichtbaar  # tekst uit een bestand (of een bestandsnaam) nooit rauw naar de terminal

    try:
        code = roep()
    except InvoerFouten as fouten:
        # Eén fout per regel, onafgebroken (editors en grep vinden zo de plek).
        for fout in fouten.fouten:
            print(zichtbaar(str(fout)), file=sys.stderr)
        print(f"{len(fouten.fouten)} {fouten.slotregel}", file=sys.stderr)
        code = EXIT_INVOERFOUT
    except Gebruiksfout as fout:
        print(zichtbaar(f"Fout: {fout}"), file=sys.stderr)
        code = EXIT_INVOERFOUT
    except Afwijking:
        code = EXIT_AFWIJKING
    except (KeyboardInterrupt, typer.Abort, _Onderbroken):
        _onderbroken()
        code = EXIT_ONDERBROKEN
    except (BrokenPipeError, _GebrokenPijp):
        _stil_na_gebroken_pijp()
        code = EXIT_GEBROKEN_PIJP
    except TyperException as fout:
        if type(fout).__name__ == "NoArgsIsHelpError":
            # `kostenbaten` zonder opdracht: de hulptekst, geen foutmelding.
            print(fout.format_message())
        else:
            print(gebruiksfout(fout), file=sys.stderr)
        code = fout.exit_code
    except Exception as fout:  # noqa: BLE001 - laatste vangnet voor de gebruiker
        print(
            zichtbaar(f"Interne fout in kostenbaten ({type(fout).__name__}: {fout}). "
                      "Dit is geen fout in uw invoer; meld het met de gebruikte bestanden."),
            file=sys.stderr,
        )
        code = EXIT_INTERNE_FOUT
    try:
        sys.stdout.flush()  # een gebroken pijp kan pas hier blijken
    except BrokenPipeError:
        _stil_na_gebroken_pijp()
        code = EXIT_GEBROKEN_PIJP
    except (OSError, ValueError):
        pass
    sys.exit(code if isinstance(code, int) else 0)


class _Groep(NederlandseHulp, Opdrachtenlijst, TyperGroup):
    def main(self, args=None, prog_name=None, **extra):
        from kostenbaten.uitvoer.bestand import begin_opdracht

        begin_opdracht()
        extra["standalone_mode"] = False
        _grens(lambda: super(_Groep, self).main(args, prog_name, **extra))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as fout:
            raise _Onderbroken() from fout
        except BrokenPipeError as fout:
            raise _GebrokenPijp() from fout
        except SystemExit as fout:
            # rich stopt na een gebroken pijp zelf met code 1; die code is hier voor een afwijking.
            if isinstance(fout.__context__, BrokenPipeError):
                raise _GebrokenPijp() from fout
            raise


def main() -> None:
    """Startpunt van het programma."""
    import atexit
    import gc
    import os

    # Een casussenmap wordt duizenden kleine objecten die tot het einde blijven leven; de standaarddrempel
    # van de garbage collector (700) doorzoekt ze steeds opnieuw. Kringen maakt het programma nauwelijks.
    gc.set_threshold(10_000, 10, 10)
    # Bij het afsluiten doorzoekt Python nog eens alle objecten op kringen (bij `bereken` zo'n 30 à 40 ms, ruim
    # een tiende van de looptijd), terwijl het proces zijn geheugen daarna toch teruggeeft. Bevroren objecten
    # slaat dat over; al het andere (bestanden sluiten, atexit) gebeurt gewoon. Uitvoer is dan al geschreven.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    # kostenbaten gebruikt geen pydantic-plugins; zonder deze vlag doorzoekt pydantic bij het eerste
    # model alle geïnstalleerde pakketten naar plugins, wat de opstart merkbaar vertraagt.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _stopsignalen()
    _grens(lambda: _voor_opdracht(sys.argv[1:2])(prog_name="kostenbaten"))


def _voor_opdracht(eerste: list[str]) -> typer.Typer:
    """De app met alleen de gevraagde opdracht: typer zet anders elke opdracht met al haar opties om.

    Zonder opdracht, met een groepsoptie (`--help`, `--versie`) of een onbekend woord blijven alle
    opdrachten staan, zodat de hulptekst en de suggestie bij een tikfout alles kennen.
    """
    import copy

    gevraagd = [c for c in app.registered_commands if eerste and _opdrachtnaam(c) == eerste[0]]
    if not gevraagd:
        return app
    alleen = copy.copy(app)
    alleen.registered_commands = gevraagd
    return alleen


def _opdrachtnaam(info) -> str:
    return info.name or info.callback.__name__.lower().replace("_", "-")


app = typer.Typer(
    cls=_Groep,
    name="kostenbaten",
    help="Kosten en baten van sociaal-juridische hulp in de bibliotheek, exact doorgerekend.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _versie(waarde: bool) -> None:
    if waarde:
        from kostenbaten import __version__

        typer.echo(f"kostenbaten {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: Annotated[
        bool, typer.Option("--versie", help="Toon de versie en stop.", callback=_versie, is_eager=True)
    ] = False,
) -> None:
    """Kosten en baten van sociaal-juridische hulp in de bibliotheek, exact doorgerekend."""


class Formaat(str, Enum):
    tabel = "tabel"
    json = "json"


MapArgument = Annotated[
    Path,
    typer.Argument(
        help="Casussenmap (met pilot.yaml), casussenwerkmap (.xlsx) of variantbestand, bijvoorbeeld casussen/hengelo of casussen/varianten/vrijwilligers.yaml.",
        show_default=False,
        metavar="MAP_OF_VARIANT",
    ),
]
FormaatOptie = Annotated[Formaat, typer.Option("--formaat", "-f", help="Uitvoer als tabellen of als één JSON-document.")]
XlsxOptie = Annotated[
    Optional[Path], typer.Option("--xlsx", help="Schrijf ook een Excel-werkmap met formules naar dit bestand.", show_default=False)
]
WerkmapOptie = Annotated[
    Optional[Path], typer.Option("--xlsx", help="Schrijf de uitkomst ook als Excel-werkmap naar dit bestand.", show_default=False)
]
OverschrijfOptie = Annotated[bool, typer.Option("--overschrijf", help="Overschrijf een bestaand uitvoerbestand.")]
PrijspeilOptie = Annotated[
    Optional[int],
    typer.Option(
        "--prijspeil",
        parser=geheel_getal(1900, 2200),
        metavar="JAAR",
        help="Reken elk tarief en kengetal met een 'prijspeil' om naar de prijzen van dit jaar (met --prijsindex).",
        show_default=False,
    ),
]
PrijsindexOptie = Annotated[
    Optional[list[str]],
    typer.Option(
        "--prijsindex",
        metavar="BESTAND",
        help="Prijsindexreeks voor --prijspeil; standaard de CBS-consumentenprijsindex voor alle bedragen (templates/prijsindex-cpi.yaml). "
        "'per-categorie': tarieven met de cao-lonen, de rest met de CPI; 'cpi=BESTAND', 'cao_lonen=BESTAND' of 'eigen=BESTAND' "
        "vervangt de reeks van één categorie. Zie docs/kengetallen.md.",
        show_default=False,
    ),
]


def _lever(
    analyse: str, uitkomst, formaat: Formaat, xlsx: Path | None = None, overschrijf: bool = False, tabel=None, waarschuwingen=None, **context
) -> None:
    """Levert de uitkomst in het gevraagde formaat, en met --xlsx ook als werkmap.

    `context` gaat naar elk formaat, `tabel` alleen naar de terminal. Waarschuwingen
    staan in JSON onder `waarschuwingen`, in de terminal samen op stderr na de uitkomst.
    """
    from kostenbaten.uitvoer import register

    if formaat is Formaat.json:
        register.schrijf_json(analyse, uitkomst, sys.stdout, waarschuwingen=waarschuwingen, **context)
    else:
        register.toon(analyse, uitkomst, **context, **(tabel or {}))
    if xlsx is not None:
        _schrijf_werkmap(analyse, uitkomst, xlsx, overschrijf, **context)
    if waarschuwingen and formaat is Formaat.tabel:
        from kostenbaten.uitvoer.waarschuwingen import tekst

        sys.stdout.flush()
        typer.echo(f"Waarschuwingen ({len(waarschuwingen)}):", err=True)
        for w in waarschuwingen:
            _meld(f"- {tekst(w)}")


def _meld(tekst: str) -> None:
    """Een waarschuwing of 'Let op' op stderr, op de breedte van het scherm afgebroken tussen woorden.

    Foutmeldingen niet: die blijven één regel per fout, zodat een editor of grep de plek vindt.
    """
    import shutil

    from kostenbaten.notatie import afgebroken, zichtbaar

    typer.echo(afgebroken(zichtbaar(tekst), max(shutil.get_terminal_size().columns, 40), inspringen="  "), err=True)


def _waarschuwingen(project, trekkingen: int | None = None) -> tuple:
    """Waar het bewijs van een casussenmap dun is; met `trekkingen` ook een te kleine Monte-Carlo-steekproef."""
    from datetime import date

    from kostenbaten.berekening.aanpassingen import over_optimisme
    from kostenbaten.berekening.waarschuwingen import over_casussen, over_trekkingen

    return (
        tuple(project.meldingen)  # wat een casussenwerkmap anders las dan getypt
        + over_casussen(project.pilot, project.casussen)
        + over_optimisme(project.pilot, date.today())
        + (over_trekkingen(trekkingen) if trekkingen is not None else ())
    )


def _begrotingwaarschuwingen(bron, uitkomst) -> tuple:
    """De begrote SJD-uren per hulpvraag tegen die van haar casussen (zonder casussen: niets te vergelijken)."""
    from kostenbaten.berekening.waarschuwingen import over_begroting

    if bron.project is None:
        return ()
    return over_begroting(bron.begroting, uitkomst.sjd_uren_per_week, bron.project.casussen)


def _schrijf_werkmap(analyse: str, uitkomst, pad: Path, overschrijf: bool, **context) -> None:
    from kostenbaten.uitvoer import register

    from kostenbaten.notatie import zichtbaar

    register.schrijf_werkmap(analyse, uitkomst, pad, overschrijf, **context)
    typer.echo(zichtbaar(f"Geschreven: {pad}"), err=True)


def _mag_schrijven(pad: Path | None, overschrijf: bool) -> None:
    """Weigert een bestaand doelbestand vóór het rekenen, zodat er geen halve uitvoer verschijnt."""
    if pad is not None:
        from kostenbaten.uitvoer.bestand import controleer_doel

        controleer_doel(pad, overschrijf)


def _laad(pad: Path, prijspeil: int | None = None, prijsindex: list[str] | None = None):
    """Een casussenmap of een variant (ook een variant op een variant), met --prijspeil omgerekend naar dat jaar."""
    from kostenbaten.invoer.project import laad

    if prijspeil is None:
        if prijsindex:
            raise Gebruiksfout("--prijsindex hoort bij --prijspeil: geef ook het jaar waarnaar omgerekend wordt.")
        return _gelezen(laad(pad))
    from kostenbaten.berekening.prijspeil import omrekeningen
    from kostenbaten.invoer.prijspeil import PER_CATEGORIE, laad_op_prijspeil

    project = _gelezen(laad_op_prijspeil(pad, prijspeil, prijsindex))
    from kostenbaten.uitvoer.bestand import meld_invoer

    # --prijsindex is `per-categorie`, `BESTAND` of `categorie=BESTAND`: de bestanden zijn invoer.
    meld_invoer(*(w.split("=", 1)[-1] for w in prijsindex or () if w != PER_CATEGORIE))
    omgerekend = omrekeningen(project.pilot)
    if not omgerekend:
        wat = "rekent alleen de bedragen uit de casussen om" if project.pilot._casusomrekeningen else "verandert niets"
        _meld(
            f"Let op: geen tarief of kengetal heeft een 'prijspeil' (het jaar van zijn bedrag), dus --prijspeil {prijspeil} "
            f"{wat}. Zet bij elk tarief en kengetal het jaar erbij, bijvoorbeeld 'prijspeil: 2022' (zie docs/formaat.md)."
        )
    voorbeelden = {i.reeks for i in omgerekend.values() if i.voorbeeld}
    for reeks in voorbeelden:  # op stderr, zodat elke opdracht en elk formaat het meldt
        _meld(f"Let op: de prijsindex '{reeks}' is een voorbeeldreeks, geen echte cijfers.")
    return project


def _gelezen(project):
    """Onthoudt de bestanden van het project (geen uitvoer mag er een van vervangen) en noemt wat de map oversloeg."""
    from kostenbaten.uitvoer.bestand import meld_invoer

    if project is None:
        return None
    bestanden = [b for b in project.bestanden.values() if b is not None]
    meld_invoer(project.map, *(b.pad for b in bestanden), *(p for b in bestanden for p in getattr(b, "bronnen", {}).values()))
    for pad in getattr(project, "overgeslagen", ()):
        _meld(f"Let op: {pad} is niet gelezen; een casussenmap leest alleen bestanden op .yaml of .yml.")
    return project


def _bereken(map_: Path, prijspeil: int | None = None, prijsindex: list[str] | None = None):
    """Laadt de map en rekent het standaardbeeld van het rapport door."""
    from kostenbaten.berekening.kba import bereken_pilot

    project = _laad(map_, prijspeil, prijsindex)
    return project, bereken_pilot(project.pilot, project.casussen)


@app.command(cls=Opdracht)
def bereken(
    map_: MapArgument,
    formaat: FormaatOptie = Formaat.tabel,
    per_casus: Annotated[bool, typer.Option("--per-casus", help="Toon na de samenvatting ook per casus de kosten en baten, zoals in het rapport.")] = False,
    xlsx: XlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Reken de kosten en baten van alle casussen en de extrapolatie van een pilot door."""
    project = _laad(map_, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    from kostenbaten.berekening.kba import bereken_pilot

    from kostenbaten.berekening.saldo import bereken_saldo

    uitkomst = bereken_pilot(project.pilot, project.casussen)
    _lever(
        "kba", uitkomst, formaat, xlsx, overschrijf, tabel={"per_casus": per_casus}, waarschuwingen=_waarschuwingen(project),
        saldo=bereken_saldo(uitkomst),
    )


@app.command(cls=Opdracht)
def controleer(map_: MapArgument, formaat: FormaatOptie = Formaat.tabel):
    """Reken elk gepubliceerd cijfer na; een onverklaarde afwijking geeft afsluitcode 1."""
    from kostenbaten.berekening.controle import controleer as controleer_cijfers

    project = _laad(map_)
    if project.is_variant:
        # Een variant heeft geen eigen gepubliceerde cijfers: die van de casussenmap eronder worden nagerekend.
        melding = f"{map_} is een variant zonder eigen gepubliceerde cijfers; nagerekend zijn die van de basis {project.basismap}."
        typer.echo(melding, err=formaat is Formaat.json)
        project = _laad(project.basismap)
    from kostenbaten.berekening.kba import bereken_pilot

    uitkomst = bereken_pilot(project.pilot, project.casussen)
    controles = controleer_cijfers(uitkomst)
    if not controles and formaat is Formaat.tabel:
        waar = "geen blad Gepubliceerd" if Path(project.map).suffix.lower() == ".xlsx" else "geen 'gepubliceerd'-blok"
        typer.echo(f"Niets na te rekenen: {map_} heeft {waar} met cijfers uit een rapport.")
        return
    _lever("controle", controles, formaat, tabel={"kba": uitkomst})
    if any(c.is_fout for c in controles):
        raise Afwijking()


@app.command(cls=Opdracht)
def kengetallen(
    actie: Annotated[
        Optional[str], typer.Argument(help="Leeg: de hele bank; 'zoek WOORD', 'toon SLEUTEL' of 'controleer MAP'.", show_default=False, metavar="ACTIE")
    ] = None,
    waarde: Annotated[Optional[str], typer.Argument(help="Het woord, de sleutel of de casussenmap.", show_default=False, metavar="WAARDE")] = None,
    max_leeftijd: Annotated[
        int, typer.Option("--max-leeftijd", parser=geheel_getal(0, 200), metavar="JAREN", help="Bij controleer: een prijspeil ouder dan dit (in jaren voor het eind van de pilot) heet verouderd.")
    ] = 10,
    formaat: FormaatOptie = Formaat.tabel,
):
    """De kengetallenbank: eenheidsbedragen met bron, prijspeil en kwaliteitsgraad (zie docs/kengetallen.md)."""
    from kostenbaten.invoer.kengetallenbank import kengetallen_opdracht

    analyse, uitkomst, context = kengetallen_opdracht(actie, waarde, max_leeftijd)
    _lever(analyse, uitkomst, formaat, **context)


@app.command(cls=Opdracht)
def nieuw(
    map_: Annotated[Path, typer.Argument(help="De nieuwe casussenmap, bijvoorbeeld casussen/mijnstad.", show_default=False, metavar="MAP")],
    naam: Annotated[Optional[str], typer.Option("--naam", help="Naam van de pilot (standaard: de naam van de map).", show_default=False)] = None,
    overschrijf: OverschrijfOptie = False,
    rechtsgebied: Annotated[
        Optional[list[str]],
        typer.Option("--rechtsgebied", help="Een eigen rechtsgebied, bijvoorbeeld \"Wonen en huur\"; herhaal de optie voor meer. Standaard: die van Hengelo.", show_default=False),
    ] = None,
    betaler: Annotated[
        Optional[list[str]],
        typer.Option("--betaler", help="Wie de tarieven betaalt (een actor, bijvoorbeeld gemeente), of één tarief: sjd=gemeente. Standaard: rijk.", show_default=False),
    ] = None,
):
    """Begin een eigen casussenmap: pilot.yaml met startwaarden, een voorbeeldcasus en de koppeling voor registratie."""
    from kostenbaten.model.casus import STANDAARD_ACTOREN
    from kostenbaten.uitvoer.nieuw import betalers_uit, rechtsgebieden_uit, schrijf_nieuwe_map

    paden = schrijf_nieuwe_map(map_, naam, overschrijf, rechtsgebieden_uit(rechtsgebied), betalers_uit(betaler, STANDAARD_ACTOREN))
    for pad in paden:
        typer.echo(f"Geschreven: {pad}", err=True)
    koppeling = map_ / "registratie" / "koppeling.yaml"
    typer.echo(
        f"""Volgende stappen:
  1. Zet de export van uw vraagregistratie om in hulpvragen en aandelen per
     rechtsgebied (pas eerst de kolommen en onderwerpen aan in
     {koppeling}):
       kostenbaten registratie EXPORT.csv --casussen {map_} --variant {map_}-eigen.yaml
  2. Vervang casus-1.yaml door een eigen uitgewerkte casus, één bestand per
     casus, en vervang in {map_ / "pilot.yaml"} de startwaarden door eigen cijfers.
  3. Reken door: de map zelf, en met uw eigen aantallen de variant uit stap 1:
       kostenbaten bereken {map_}
       kostenbaten bereken {map_}-eigen.yaml
       kostenbaten onzekerheid {map_}-eigen.yaml"""
    )


@app.command(cls=Opdracht)
def registratie(
    export: Annotated[
        Path, typer.Argument(help="Export van de vraagregistratie: CSV (puntkomma of komma) of .xlsx, één regel per hulpvraag.", show_default=False, metavar="EXPORT")
    ],
    koppeling: Annotated[
        Optional[Path],
        typer.Option(
            "--koppeling",
            help="Koppeling van kolommen en onderwerpen (YAML). Standaard: koppeling.yaml naast de export, "
            "anders MAP/registratie/koppeling.yaml, anders de standaardkoppeling van `nieuw`.",
            show_default=False,
        ),
    ] = None,
    casussen: Annotated[
        Optional[Path],
        typer.Option(
            "--casussen",
            help="Casussenmap (of variant) waarvoor geteld wordt; standaard de map van de export of de map daarboven, als daar pilot.yaml staat.",
            show_default=False,
            metavar="MAP",
        ),
    ] = None,
    variant: Annotated[
        Optional[Path],
        typer.Option("--variant", help="Schrijf een variant met deze hulpvragen en aandelen op de casussenmap.", show_default=False),
    ] = None,
    formaat: FormaatOptie = Formaat.tabel,
    overschrijf: OverschrijfOptie = False,
    blad: Annotated[
        Optional[str], typer.Option("--blad", help="Het blad van een werkmap dat telt; standaard het actieve zichtbare blad.", show_default=False)
    ] = None,
):
    """Tel de eigen vraagregistratie: hulpvragen en aandeel per rechtsgebied, doorverwijzing en uren; met --variant voor elke opdracht."""
    from kostenbaten.berekening.registratie import tel_registratie
    from kostenbaten.invoer.registratie import laad_registratie, standaardkoppeling, zoek_casussen, zoek_koppeling

    map_ = casussen or zoek_casussen(export)
    if variant is not None and map_ is None:
        raise Gebruiksfout("--variant: geef met --casussen de casussenmap waarop de variant voortbouwt.")
    project = _laad(map_) if map_ is not None else None
    namen = {k: g.naam for k, g in project.pilot.rechtsgebieden.items()} if project else None
    koppelingpad = koppeling or zoek_koppeling(export, map_)
    with _voortgang(export) as voortgang:
        bestand, regels = laad_registratie(export, koppelingpad, namen, str(map_), blad, voortgang)
    from kostenbaten.uitvoer.bestand import controleer_variantdoel, meld_invoer

    meld_invoer(export, koppelingpad)
    if variant is not None:
        controleer_variantdoel(variant, project.basismap)
    _mag_schrijven(variant, overschrijf)
    uitkomst = tel_registratie(bestand, regels, str(koppelingpad), namen, koppelingpad == standaardkoppeling())
    if variant is not None:
        # Eerst schrijven: een verslag dat naar `| head` gaat, kost zo niet de variant.
        from kostenbaten.uitvoer.variant import schrijf_variant, variant_tekst, zonder_casus

        gedekt = {c.rechtsgebied for c in project.casussen}
        schrijf_variant(variant_tekst(uitkomst, project.pilot.naam, namen, gedekt, map_, variant), variant, overschrijf)
    _lever("registratie", uitkomst, formaat)
    if variant is not None:
        typer.echo(f"Geschreven: {variant}", err=True)
        for a in zonder_casus(uitkomst, gedekt):
            _meld(f"Let op: {a.naam} ({a.aantal} van {a.van} hulpvragen) heeft nog geen casus in {map_}; in de variant is het aandeel 0 tot er een casus is.")


class Per(str, Enum):
    maand = "maand"
    kwartaal = "kwartaal"
    jaar = "jaar"


@app.command(cls=Opdracht)
def monitor(
    exports: Annotated[
        list[Path], typer.Argument(help="Een of meer exports van de vraagregistratie (CSV of .xlsx), van een of meer bibliotheken.", show_default=False, metavar="EXPORT...")
    ],
    per: Annotated[Per, typer.Option("--per", help="Tel per maand, kwartaal of jaar.")] = Per.kwartaal,
    bibliotheek: Annotated[
        Optional[list[str]],
        typer.Option("--bibliotheek", help="Naam van de bibliotheek per export, in dezelfde volgorde (één keer: voor alle). "
                     "Standaard de naam uit de casussenmap bij de export, anders de naam van de export.", show_default=False),
    ] = None,
    koppeling: Annotated[
        Optional[list[Path]],
        typer.Option("--koppeling", help="Koppeling per export, in dezelfde volgorde (één keer: voor alle); standaard zoals bij `registratie`.", show_default=False),
    ] = None,
    kaart: Annotated[
        Optional[Path],
        typer.Option("--kaart", help="Uitkomstenkaart (monitor.yaml); standaard MAP/registratie/monitor.yaml van de casussenmap bij de eerste export, als die er is.", show_default=False),
    ] = None,
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx", help="Schrijf de monitor ook als werkmap (één blad per overzicht).", show_default=False)] = None,
    uit: Annotated[Optional[Path], typer.Option("-o", "--uitvoer", help="Schrijf de monitor ook als infographic: monitor.html of monitor.pdf.", show_default=False)] = None,
    formaat: FormaatOptie = Formaat.tabel,
    overschrijf: OverschrijfOptie = False,
):
    """Volg het spreekuur over de tijd en tussen bibliotheken: per periode hulpvragen, onderwerpen, doelgroepen, doorverwijzingen, opgelost, uren, tevredenheid, met de uitkomstenkaart."""
    from kostenbaten.invoer.monitor import laad_monitor

    if uit is not None:
        from kostenbaten.uitvoer.rapport.monitor import controleer_formaat, schrijf as schrijf_infographic

        controleer_formaat(uit)
        _matplotlib_buiten_home()
    _mag_schrijven(xlsx, overschrijf)
    _mag_schrijven(uit, overschrijf)
    uitkomst = laad_monitor(exports, per.value, bibliotheek or [], koppeling or [], kaart, _laad, _voortgang)
    _lever("monitor", uitkomst, formaat, xlsx, overschrijf)
    if uit is not None:
        schrijf_infographic(uitkomst, uit, overschrijf, "kostenbaten monitor: " + ", ".join(b.naam for b in uitkomst.bibliotheken))
        typer.echo(f"Geschreven: {uit}", err=True)


@app.command(cls=Opdracht)
def steekproef(
    export: Annotated[
        Path, typer.Argument(help="Export van de vraagregistratie (CSV of .xlsx), één regel per hulpvraag.", show_default=False, metavar="REGISTRATIE")
    ],
    n: Annotated[int, typer.Option("--n", min=1, help="Aantal hulpvragen in de steekproef.", show_default=False)],
    zaad: Annotated[int, typer.Option("--zaad", min=0, help="Startwaarde van de toevalsgenerator: hetzelfde zaad geeft dezelfde steekproef.")] = 1,
    uit: Annotated[
        Optional[Path], typer.Option("-o", "--uit", help="Schrijf de lijst als .csv (puntkomma) of .xlsx.", show_default=False)
    ] = None,
    koppeling: Annotated[
        Optional[Path], typer.Option("--koppeling", help="Koppeling van kolommen en onderwerpen; standaard zoals bij `registratie`.", show_default=False)
    ] = None,
    casussen: Annotated[
        Optional[Path], typer.Option("--casussen", help="Casussenmap voor de namen en volgorde van de rechtsgebieden; standaard zoals bij `registratie`.", show_default=False, metavar="MAP")
    ] = None,
    blad: Annotated[Optional[str], typer.Option("--blad", help="Het blad van een werkmap; standaard het actieve zichtbare blad.", show_default=False)] = None,
    formaat: FormaatOptie = Formaat.tabel,
    overschrijf: OverschrijfOptie = False,
):
    """Trek een aselecte steekproef van hulpvragen, per rechtsgebied naar aandeel, als lijst om casussen uit te schrijven."""
    from kostenbaten.invoer.registratie import zoek_casussen, zoek_koppeling
    from kostenbaten.invoer.steekproef import maak_steekproef

    if uit is not None and uit.suffix.lower() not in (".csv", ".xlsx"):
        raise Gebruiksfout(f"-o: de lijst eindigt op .csv of .xlsx, niet '{uit.suffix}'.")
    map_ = casussen or zoek_casussen(export)
    project = _laad(map_) if map_ is not None else None
    namen = {k: g.naam for k, g in project.pilot.rechtsgebieden.items()} if project else None
    koppelingpad = koppeling or zoek_koppeling(export, map_)
    from kostenbaten.uitvoer.bestand import meld_invoer

    meld_invoer(export, koppelingpad)
    _mag_schrijven(uit, overschrijf)
    uitkomst = maak_steekproef(export, koppelingpad, n, zaad, namen, str(map_), blad)
    if uit is not None:
        from kostenbaten.uitvoer.steekproeflijst import schrijf_lijst

        schrijf_lijst(uitkomst, uit, overschrijf)
    _lever("steekproef", uitkomst, formaat, **({"lijst": str(uit)} if uit is not None and formaat is Formaat.tabel else {}))
    if uit is not None:
        typer.echo(f"Geschreven: {uit}", err=True)


@app.command(cls=Opdracht)
def uitkomsten(
    map_: MapArgument,
    bron: Annotated[
        Path, typer.Argument(help="Export van de registratie met een kolom uitkomstcodes (CSV of .xlsx), of een tabel met getelde uitkomsten (.yaml).", show_default=False, metavar="EXPORT")
    ],
    kaart: Annotated[Optional[Path], typer.Option("--kaart", help="De waardekaart; standaard MAP/registratie/uitkomsten.yaml.", show_default=False)] = None,
    koppeling: Annotated[
        Optional[Path], typer.Option("--koppeling", help="Koppeling van kolommen en onderwerpen; standaard zoals bij `registratie`.", show_default=False)
    ] = None,
    blad: Annotated[Optional[str], typer.Option("--blad", help="Het blad van een werkmap; standaard het actieve zichtbare blad.", show_default=False)] = None,
    formaat: FormaatOptie = Formaat.tabel,
):
    """Waardeer getelde uitkomsten met de waardekaart: per rechtsgebied en per actor, het maatschappelijk saldo en de verdelingstabel."""
    from kostenbaten.invoer.registratie import zoek_koppeling
    from kostenbaten.invoer.uitkomsten import WAARDEKAART, waardeer_uitkomsten

    project = _laad(map_)
    koppelingpad = koppeling or zoek_koppeling(bron, project.basismap)
    _lever("uitkomsten", waardeer_uitkomsten(project, bron, koppelingpad, kaart or project.basismap / WAARDEKAART, blad), formaat)


@contextmanager
def _voortgang(export: Path):
    """Een voortgangsregel op stderr voor een grote export (vanaf 20 MB), alleen in een terminal."""

    try:
        groot = export.is_file() and export.stat().st_size > 20 * 1024**2
    except OSError:
        groot = False
    if not (groot and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=Console(stderr=True), transient=True) as balk:
        taak = balk.add_task(f"{export.name}: rijen lezen", total=None)
        yield lambda n: balk.update(taak, description=f"{export.name}: {n:,} rijen gelezen".replace(",", "."))


# -- analyse voorbij het rapport --------------------------------------------------


@app.command(cls=Opdracht)
def uitleg(
    map_: MapArgument,
    cijfer: Annotated[
        Optional[str],
        typer.Argument(
            help="Het cijfer om uit te leggen, bijvoorbeeld totaal, gewogen of casus-3.overheid. Zonder: de lijst.",
            show_default=False,
            metavar="CIJFER",
        ),
    ] = None,
    formaat: FormaatOptie = Formaat.tabel,
    diepte: Annotated[
        Optional[int], typer.Option("--diepte", min=0, help="Toon zoveel niveaus onder het cijfer. Standaard: alles tot de invoer.", show_default=False)
    ] = None,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Leg een cijfer uit: elke rekenstap terug tot de invoerregels en de bronnen van de kengetallen."""
    from kostenbaten.berekening.uitleg import OnbekendCijfer, overzicht
    from kostenbaten.berekening.uitleg import uitleg as leg_uit

    project, uitkomst = _bereken(map_, prijspeil, prijsindex)
    if cijfer is None:
        _lever("cijfers", overzicht(uitkomst, project.regel), formaat)
        return
    try:
        uitleg_ = leg_uit(uitkomst, cijfer, project.regel)
    except OnbekendCijfer as fout:
        raise Gebruiksfout(f"{fout}. De hele lijst, met wat elk cijfer is: kostenbaten uitleg {map_}") from None
    _lever("uitleg", uitleg_, formaat, diepte=diepte)


def _decimaal(tekst: str, optie: str, minimum: str, maximum: str) -> Decimal:
    """Een getal van de opdrachtregel, zonder float: '25', '2,25' of '2.25', binnen [minimum, maximum]."""
    from decimal import InvalidOperation

    def lees(t: str) -> Decimal | None:
        try:
            waarde = Decimal(t.strip().removesuffix("%").strip().replace(",", "."))
        except InvalidOperation:
            return None
        return waarde if waarde.is_finite() else None

    waarde = lees(tekst)
    if waarde is None:
        raise Gebruiksfout(f"{optie}: '{tekst}' is geen getal.")
    if not lees(minimum) <= waarde <= lees(maximum):
        raise Gebruiksfout(f"{optie}: {tekst} ligt buiten het bereik {minimum} tot en met {maximum}.")
    return waarde


@app.command(cls=Opdracht)
def gevoeligheid(
    map_: MapArgument,
    stap: Annotated[str, typer.Option("--stap", help="Procent omlaag en omhoog per invoer (groter dan 0, kleiner dan 100).")] = "25",
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Varieer elke invoer om de beurt: tornadodiagram per methode en het omslagpunt van elke invoer."""
    from kostenbaten.berekening.gevoeligheid import gevoeligheid as varieer

    procent = _decimaal(stap, "--stap", "0,01", "99,99")
    project = _laad(map_, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = varieer(project.pilot, project.casussen, procent)
    _lever("gevoeligheid", uitkomst, formaat, xlsx, overschrijf, plek=project.regel, waarschuwingen=_waarschuwingen(project))


@app.command(cls=Opdracht)
def actoren(
    map_: MapArgument,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Wie betaalt de kosten en wie wint de baten: per casus en geëxtrapoleerd, met de tweedeling van het rapport."""
    from kostenbaten.berekening.actoren import verdeel_over_actoren

    project, uitkomst = _bereken(map_, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    _lever(
        "actoren", verdeel_over_actoren(uitkomst), formaat, xlsx, overschrijf, tabel={"pub": uitkomst.gepubliceerd}, waarschuwingen=_waarschuwingen(project)
    )


@app.command(cls=Opdracht)
def meerjarig(
    map_: MapArgument,
    horizon: Annotated[
        Optional[int],
        typer.Option("--horizon", min=1, max=100, help="Aantal jaren. Standaard: de langste looptijd van een terugkerende baat.", show_default=False),
    ] = None,
    disconto: Annotated[
        Optional[str],
        typer.Option("--disconto", help="Discontovoet in procent per jaar; standaard de MKBA-standaarddiscontovoet uit de kengetallenbank (2,25% sinds 2021).", show_default=False),
    ] = None,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Terugkerende baten over hun volle looptijd, met contante waarden, naast het jaarbeeld van het rapport."""
    from kostenbaten.berekening.meerjarig import meerjarig as reken_meerjarig

    from kostenbaten.invoer.kengetallenbank import discontovoet

    project = _laad(map_, prijspeil, prijsindex)
    voet, herkomst = discontovoet(None if disconto is None else _decimaal(disconto, "--disconto", "0", "100"), project.pilot.discontovoet)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = reken_meerjarig(project.pilot, project.casussen, horizon, voet, herkomst)
    _lever("meerjarig", uitkomst, formaat, xlsx, overschrijf, waarschuwingen=_waarschuwingen(project))


# -- begroting en Excel -----------------------------------------------------------


BegrotingArgument = Annotated[
    Path,
    typer.Argument(
        help="Begroting als YAML (zie templates/voorbeeldbegroting.yaml) of als ingevulde werkmap (.xlsx).",
        show_default=False,
        metavar="BEGROTING",
    ),
]


BegrotingHorizonOptie = Annotated[
    Optional[int],
    typer.Option("--horizon", min=1, max=100, help="Aantal jaren van de begroting; vervangt 'horizon' uit de begroting (standaard 1).", show_default=False),
]


def _laad_begroting(pad: Path, horizon: int | None = None, casussen: Path | None = None):
    """Laadt een begroting met haar casussenmap en rekent haar door; `horizon` vervangt die uit het bestand."""
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.begroting import laad_begroting

    invoer = laad_begroting(pad, casussen)
    from kostenbaten.notatie import zichtbaar

    from kostenbaten.uitvoer.bestand import meld_invoer

    meld_invoer(invoer.pad)
    _gelezen(invoer.project)
    for waarschuwing in invoer.waarschuwingen:
        typer.echo(zichtbaar(str(waarschuwing)), err=True)
    project = invoer.project
    kba = bereken_pilot(project.pilot, project.casussen) if project is not None else None
    begroting = invoer.begroting if horizon is None else invoer.begroting.model_copy(update={"horizon": horizon})
    return invoer, bereken_begroting(begroting, kba)


@app.command(cls=Opdracht)
def begroting(
    invoer: BegrotingArgument,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: XlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
    horizon: BegrotingHorizonOptie = None,
    casussen: Annotated[
        Optional[Path],
        typer.Option("--casussen", help="Casussenmap of variant voor de baten; gaat voor de map in de begroting "
                                        "(voor een verplaatste werkmap).", show_default=False),
    ] = None,
):
    """Reken een begroting door: kosten per regel en per betaler, de baten uit de KBA per actor, en over meer jaren contant."""
    bron, uitkomst = _laad_begroting(invoer, horizon, casussen)
    _mag_schrijven(xlsx, overschrijf)
    waarschuwingen = () if bron.project is None else _waarschuwingen(bron.project) + _begrotingwaarschuwingen(bron, uitkomst)
    _lever("begroting", uitkomst, formaat, waarschuwingen=waarschuwingen)
    if xlsx is not None:
        _schrijf_werkmap("begroting", uitkomst, xlsx, overschrijf, bron=bron.pad, doel=xlsx)


@app.command(cls=Opdracht)
def sjabloon(
    uit: Annotated[Path, typer.Argument(help="De nieuwe werkmap, bijvoorbeeld mijn-begroting.xlsx.", show_default=False, metavar="WERKMAP")],
    van: Annotated[
        Optional[Path],
        typer.Option(
            "--van",
            help="De begroting die het sjabloon vult; standaard templates/voorbeeldbegroting.yaml van dit project.",
            show_default=False,
        ),
    ] = None,
    overschrijf: OverschrijfOptie = False,
    casussen: Annotated[
        bool,
        typer.Option(
            "--casussen",
            help="Maak een werkmap voor casussen (pilot, kengetallen, casussen en baten) in plaats van een begroting; "
            "met --van een casussenmap die hem vult, anders de startwaarden van 'kostenbaten nieuw'.",
        ),
    ] = False,
):
    """Maak een in te vullen begrotingswerkmap (standaard de voorbeeldbegroting), of met --casussen een casussenwerkmap."""
    if casussen:
        if uit.suffix.lower() != ".xlsx":
            raise Gebruiksfout(f"{uit}: een casussenwerkmap eindigt op .xlsx, bijvoorbeeld mijnstad.xlsx.")
        project = _laad(van) if van is not None else _startmap(uit)
        _mag_schrijven(uit, overschrijf)
        _schrijf_werkmap("casussen", project, uit, overschrijf)
        return
    bron, uitkomst = _laad_begroting(van or _voorbeeldbegroting())
    _mag_schrijven(uit, overschrijf)
    _schrijf_werkmap("begroting", uitkomst, uit, overschrijf, bron=bron.pad, doel=uit)


def _startmap(werkmap: Path):
    """De startmap van `kostenbaten nieuw`, geladen; de naam van de pilot volgt de naam van de werkmap."""
    import tempfile

    from kostenbaten.uitvoer.nieuw import schrijf_nieuwe_map

    with tempfile.TemporaryDirectory(prefix="kostenbaten-") as tijdelijk:
        map_ = Path(tijdelijk) / werkmap.stem
        schrijf_nieuwe_map(map_, None)
        return _laad(map_)


@app.command(cls=Opdracht)
def omzetten(
    bron: Annotated[Path, typer.Argument(help="Een casussenmap of een casussenwerkmap (.xlsx).", show_default=False, metavar="BRON")],
    doel: Annotated[
        Path, typer.Argument(help="Een werkmap (.xlsx) als de bron een map is, anders een (nieuwe) map.", show_default=False, metavar="DOEL")
    ],
    overschrijf: OverschrijfOptie = False,
):
    """Zet een casussenmap om in een werkmap (.xlsx) of een werkmap in een casussenmap, zonder verlies."""
    naar_werkmap = doel.suffix.lower() == ".xlsx"
    if naar_werkmap == (bron.suffix.lower() == ".xlsx"):
        raise Gebruiksfout(
            "geef een casussenmap en een werkmap (.xlsx), of andersom, bijvoorbeeld: kostenbaten omzetten casussen/mijnstad mijnstad.xlsx"
        )
    project = _laad(bron)
    if project.is_variant:
        raise Gebruiksfout(f"{bron} is een variant; zet de casussenmap of werkmap eronder om ({project.basismap}).")
    if naar_werkmap:
        _mag_schrijven(doel, overschrijf)
        _schrijf_werkmap("casussen", project, doel, overschrijf)
        return
    from kostenbaten.uitvoer.casussenmap import schrijf_casussenmap

    for pad in schrijf_casussenmap(project, doel, overschrijf, bron):
        typer.echo(f"Geschreven: {pad}", err=True)


def _voorbeeldbegroting() -> Path:
    """templates/voorbeeldbegroting.yaml in de huidige map, anders de met het pakket meegeleverde."""
    from kostenbaten.invoer.meegeleverd import meegeleverd

    naam = Path("templates") / "voorbeeldbegroting.yaml"
    for kandidaat in (naam, meegeleverd("templates", "voorbeeldbegroting.yaml")):
        if kandidaat.is_file():
            return kandidaat
    raise InvoerFouten(
        [
            Fout(
                str(naam),
                None,
                "",
                "voorbeeldbegroting niet gevonden, hier noch in het pakket kostenbaten; "
                "installeer kostenbaten opnieuw, of geef een eigen begroting met --van",
            )
        ]
    )


# -- onzekerheid, varianten en schema's ---------------------------------------------

TrekkingenOptie = Annotated[
    int, typer.Option("--trekkingen", "-n", parser=geheel_getal(1, 10_000_000), help="Aantal Monte-Carlo-trekkingen.")
]
ZaadOptie = Annotated[
    int,
    typer.Option(
        "--zaad", parser=geheel_getal(0, 2**64 - 1), help="Startwaarde van de toevalsgenerator; hetzelfde zaad geeft dezelfde uitkomst."
    ),
]
OnzekerheidXlsxOptie = Annotated[
    Optional[Path],
    typer.Option("--xlsx", help="Schrijf de percentielen en histogrammen ook naar deze Excel-werkmap.", show_default=False),
]


@app.command(cls=Opdracht)
def onzekerheid(
    pad: MapArgument,
    trekkingen: TrekkingenOptie = 100_000,
    zaad: ZaadOptie = 1,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: OnzekerheidXlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Monte-Carlo over alle bereiken: 90%-intervallen (P5-P95) en de kans op een negatief totaal."""
    from kostenbaten.berekening.onzekerheid import simuleer

    project = _laad(pad, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = simuleer(project.pilot, project.casussen, trekkingen, zaad)
    _lever("onzekerheid", uitkomst, formaat, xlsx, overschrijf, waarschuwingen=_waarschuwingen(project, trekkingen))


@app.command(cls=Opdracht, name="waarde-informatie")
def waarde_informatie(
    pad: MapArgument,
    trekkingen: Annotated[
        int, typer.Option("--trekkingen", "-n", parser=geheel_getal(2, 2_000_000), help="Aantal Monte-Carlo-trekkingen (alle worden bewaard).")
    ] = 100_000,
    zaad: ZaadOptie = 1,
    klassen: Annotated[
        Optional[int],
        typer.Option("--klassen", parser=geheel_getal(1, 1_000_000), help="Klassen per invoer voor de EVPPI. Standaard: de wortel uit het aantal trekkingen.", show_default=False),
    ] = None,
    besluiten: Annotated[
        Optional[int],
        typer.Option("--besluiten", parser=geheel_getal(1, 100_000), help="Besluiten per jaar die hetzelfde onderzoek informeert (bijvoorbeeld gemeenten); met --jaren.", show_default=False),
    ] = None,
    jaren: Annotated[
        Optional[int],
        typer.Option("--jaren", parser=geheel_getal(1, 100), help="Jaren waarover het onderzoek besluiten informeert; met --besluiten.", show_default=False),
    ] = None,
    disconto: Annotated[str, typer.Option("--disconto", help="Discontovoet in procent per jaar voor --besluiten en --jaren (standaard MKBA sinds 2021).")] = "2,25",
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Wat is zekerheid over de parameters waard voor het besluit 'financieren of niet': EVPI, EVPPI per invoer, de steekproef van casussen."""
    from kostenbaten.berekening.waarde_informatie import waarde_van_informatie

    if (besluiten is None) != (jaren is None):
        raise Gebruiksfout("--besluiten en --jaren horen bij elkaar: geef ze allebei of geen van beide.")
    voet = _decimaal(disconto, "--disconto", "0", "100")
    project = _laad(pad, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = waarde_van_informatie(
        project.pilot, project.casussen, trekkingen, zaad, klassen, besluiten=besluiten, jaren=jaren, disconto=voet
    )
    _lever("waarde_informatie", uitkomst, formaat, xlsx, overschrijf, waarschuwingen=_waarschuwingen(project, trekkingen))


@app.command(cls=Opdracht)
def vergelijk(
    paden: Annotated[
        list[Path],
        typer.Argument(
            help="Casussenmappen en variantbestanden, bijvoorbeeld casussen/hengelo casussen/varianten/*.yaml.",
            show_default=False,
            metavar="MAP_OF_VARIANT",
        ),
    ],
    trekkingen: TrekkingenOptie = 20_000,
    zaad: ZaadOptie = 1,
    formaat: FormaatOptie = Formaat.tabel,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Pilots en varianten naast elkaar: gemiddelde, extrapolaties, per actor betaalt / wint / saldo en, bij bereiken, het 90%-interval."""
    from kostenbaten.berekening.vergelijking import vergelijk as reken_vergelijking

    projecten, fouten = [], []
    for pad in paden:
        try:
            projecten.append(_laad(pad, prijspeil, prijsindex))
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        raise InvoerFouten(fouten)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = reken_vergelijking(projecten, trekkingen, zaad)
    _lever("vergelijking", uitkomst, formaat, xlsx, overschrijf, trekkingen=trekkingen, zaad=zaad)


@app.command(cls=Opdracht)
def schema(
    map_: Annotated[
        Path, typer.Argument(help="Map voor de schema's; wordt aangemaakt als hij niet bestaat.", metavar="MAP")
    ] = Path("schema"),
    overschrijf: OverschrijfOptie = False,
):
    """Schrijf JSON Schema's van de invoerformaten (pilot, casus, variant, ...) voor editors met YAML-ondersteuning."""
    from kostenbaten.uitvoer.bestand import schrijf_map_atomair
    from kostenbaten.uitvoer.schema import schemas

    # Alle schema's samen, of geen: eerst in een tijdelijke map, dan op hun plaats.
    schrijvers = {naam: (lambda doel, tekst=tekst: doel.write_text(tekst, encoding="utf-8")) for naam, tekst in schemas().items()}
    for pad in schrijf_map_atomair(map_, schrijvers, overschrijf):
        typer.echo(f"Geschreven: {pad}", err=True)


# -- rapport ------------------------------------------------------------------------


def _zonder_eigen_mappen(project):
    """`bestand:regel` voor een openbaar rapport: relatief aan de casussenmap (`casus-1.yaml:12`), anders alleen de naam."""
    import os

    map_ = Path(os.path.abspath(project.basismap))

    def regel(wie, sleutelpad=()):
        plek = project.regel(wie, sleutelpad)
        pad, _, nummer = plek.rpartition(":")
        pad = Path(os.path.abspath(pad))
        return f"{pad.relative_to(map_).as_posix() if map_ in pad.parents else pad.name}:{nummer}"

    return regel


def _matplotlib_buiten_home() -> None:
    """Zonder beschrijfbare thuismap zet matplotlib zijn cache in een tijdelijke map, zonder Engelse waarschuwing."""
    import os

    if "MPLCONFIGDIR" not in os.environ and not os.access(os.path.expanduser("~"), os.W_OK):
        import atexit
        import shutil
        import tempfile

        map_ = tempfile.mkdtemp(prefix="kostenbaten-matplotlib-")
        atexit.register(shutil.rmtree, map_, ignore_errors=True)
        os.environ["MPLCONFIGDIR"] = map_


@app.command(cls=Opdracht)
def rapport(
    map_: MapArgument,
    uit: Annotated[
        Path, typer.Option("-o", "--uitvoer", help="Het rapport: een bestand op .html (één pagina), .pdf (A4), .docx (Word, om verder te bewerken) of .json (de gegevens).", show_default=False)
    ],
    begroting_: Annotated[
        Optional[Path],
        typer.Option("--begroting", help="Begroting (YAML of ingevulde werkmap): voegt toe wat elke betaler betaalt en terugkrijgt.", show_default=False),
    ] = None,
    vergelijk_: Annotated[
        Optional[list[Path]],
        typer.Option("--vergelijk", help="Pilot of variant om ernaast te zetten; herhaal de optie voor meer.", show_default=False),
    ] = None,
    horizon: BegrotingHorizonOptie = None,
    trekkingen: TrekkingenOptie = 100_000,
    zaad: ZaadOptie = 1,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Maak het rapport voor de gemeenteraad: één HTML-pagina, een PDF of een Word-document, met grafieken, bronnen en bijlagen."""
    from kostenbaten import __version__
    from kostenbaten.berekening.actoren import verdeel_over_actoren
    from kostenbaten.berekening.controle import controleer as controleer_cijfers
    from kostenbaten.berekening.gevoeligheid import gevoeligheid as varieer
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.berekening.onzekerheid import onzekere_invoer  # zonder numpy
    from kostenbaten.berekening.uitleg import uitleg as leg_uit
    from kostenbaten.uitvoer import register
    from kostenbaten.uitvoer.rapport.document import controleer_formaat

    controleer_formaat(uit)
    _matplotlib_buiten_home()
    projecten, fouten = [], []
    for pad in (map_, *(vergelijk_ or ())):
        try:
            projecten.append(_laad(pad, prijspeil, prijsindex))
        except InvoerFouten as f:
            fouten += f.fouten
    begroting_uitkomst = None
    if begroting_ is not None:
        try:
            # Eén KBA in het rapport: de begroting rekent haar baten met de casussen van het rapport zelf.
            bron_begroting, begroting_uitkomst = _laad_begroting(begroting_, horizon, map_)
            if bron_begroting.eigen_casussen is not None:
                _meld(
                    f"Let op: de begroting {begroting_} noemt de casussen '{bron_begroting.eigen_casussen}'; het rapport rekent "
                    f"haar baten met {map_}, de casussen van het rapport zelf."
                )
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        raise InvoerFouten(fouten)
    _mag_schrijven(uit, overschrijf)
    project = projecten[0]
    # Zonder bereik of kans van slagen is elke trekking gelijk: dan geen Monte-Carlo en geen interval in de kernzin.
    bandbreedtes = bool(onzekere_invoer(project.pilot, project.casussen)) or any(c.kans is not None for c in project.casussen)
    kba = bereken_pilot(project.pilot, project.casussen)
    uitkomsten = {"kba": kba}
    if bandbreedtes:
        from kostenbaten.berekening.onzekerheid import simuleer

        uitkomsten["onzekerheid"] = simuleer(project.pilot, project.casussen, trekkingen, zaad)
    uitkomsten["actoren"] = verdeel_over_actoren(kba)
    from kostenbaten.berekening.kengetallen import controleer as controleer_bank
    from kostenbaten.invoer.kengetallenbank import laad_bank

    uitkomsten["kengetallen"] = controleer_bank(project, laad_bank()[0], kba.casussen)  # op welke kwaliteitsgraad de baten rusten
    if begroting_uitkomst is not None:
        uitkomsten["begroting"] = begroting_uitkomst
    uitkomsten["gevoeligheid"] = varieer(project.pilot, project.casussen)
    if vergelijk_:
        from kostenbaten.berekening.vergelijking import vergelijk as reken_vergelijking

        uitkomsten["vergelijking"] = reken_vergelijking(projecten, trekkingen, zaad)
    waarschuwingen = _waarschuwingen(project, trekkingen if bandbreedtes else None)
    if begroting_uitkomst is not None:
        waarschuwingen += _begrotingwaarschuwingen(bron_begroting, begroting_uitkomst)
    uitkomsten["waarschuwingen"] = waarschuwingen
    uitkomsten["uitleg"] = [leg_uit(kba, cijfer, _zonder_eigen_mappen(project)) for cijfer in ("rapport", "gewogen")]
    # De gepubliceerde cijfers horen bij de casussenmap zelf, niet bij een variant erop.
    uitkomsten["controle"] = [] if project.is_variant else controleer_cijfers(kba)
    voet = f"kostenbaten {__version__}: kostenbaten rapport {Path(map_).absolute().name}"  # een openbaar stuk noemt geen mappen van de gebruiker
    context = {"trekkingen": trekkingen, "zaad": zaad, "bandbreedtes": bandbreedtes, "pilot": kba.pilot, "kba": kba,
               "bibliotheek": _laad(project.basismap).pilot.naam if project.is_variant else None,
               "eigen_casussen": bron_begroting.eigen_casussen if begroting_uitkomst is not None else None,
               "met_begroting": begroting_uitkomst is not None}
    register.schrijf_rapport(uitkomsten, uit, overschrijf, voet, met_gepubliceerd=not project.is_variant, **context)
    typer.echo(f"Geschreven: {uit}", err=True)
