"""De opdrachtregel: dunne commando's die invoer laden, de rekenkern aanroepen en uitvoer tonen.

Zware bibliotheken (openpyxl, numpy) en de modules van andere commando's worden
pas binnen het commando geïmporteerd, zodat `kostenbaten bereken` snel start.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from kostenbaten.fouten import (
    EXIT_AFWIJKING,
    EXIT_INTERNE_FOUT,
    EXIT_INVOERFOUT,
    EXIT_ONDERBROKEN,
    Fout,
    InvoerFouten,
    UitvoerFouten,
)
from kostenbaten.invoer.opties import geheel_getal

# De hulptekst komt van typer/click en is Engels; de vaste woorden daarin worden vertaald.
_HULPWOORDEN = (
    ("Usage:", "Gebruik:"),
    ("[OPTIONS]", "[OPTIES]"),
    ("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]..."),
    ("Arguments:", "Argumenten:"),
    ("Options:", "Opties:"),
    ("Commands:", "Opdrachten:"),
    ("Show this message and exit.", "Toon deze hulptekst en stop."),
    ("[required]", "[verplicht]"),
    ("[default:", "[standaard:"),
    ("<list[Path]>", "<paden>"),
    ("<int range>", "<getal>"),
    ("<path>", "<pad>"),
    ("<int>", "<getal>"),
    ("<str>", "<tekst>"),
)


def _nederlandse_hulp(tekst: str) -> str:
    """Vertaalt de vaste woorden; een kortere of langere vertaling eet of geeft spaties erna, zodat kolommen blijven staan."""
    import re

    def vervang(m, engels: str, nederlands: str) -> str:
        ruimte = len(m.group(1))
        if ruimte >= 2:  # uitlijning van een kolom: de totale breedte blijft gelijk
            ruimte = max(len(engels) + ruimte - len(nederlands), 2)
        return nederlands + " " * ruimte

    for engels, nederlands in _HULPWOORDEN:
        tekst = re.sub(re.escape(engels) + r"( *)", lambda m, e=engels, n=nederlands: vervang(m, e, n), tekst)
    return tekst


class _NederlandseHulp:
    def get_help(self, ctx) -> str:
        return _nederlandse_hulp(super().get_help(ctx))


class _Groep(_NederlandseHulp, TyperGroup):
    pass


class _Opdracht(_NederlandseHulp, TyperCommand):
    pass


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
        help="Casussenmap (met pilot.yaml) of variantbestand, bijvoorbeeld casussen/hengelo of casussen/varianten/vrijwilligers.yaml.",
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


def _console():
    from rich.console import Console

    return Console(highlight=False)


def laad(pad: Path):
    """Laadt een casussenmap of variant; bij fouten: alle meldingen naar stderr en afsluitcode 2."""
    from kostenbaten.invoer.project import laad as laad_invoer

    try:
        return laad_invoer(pad)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)


def _toon_fouten(fouten: InvoerFouten):
    """Eén fout per regel op stderr, onafgebroken (editors en grep vinden zo de plek), dan code 2."""
    for fout in fouten.fouten:
        print(fout, file=sys.stderr)
    print(f"{len(fouten.fouten)} {fouten.slotregel}", file=sys.stderr)
    raise typer.Exit(EXIT_INVOERFOUT)


def _mag_schrijven(pad: Path | None, overschrijf: bool) -> None:
    """Weigert een bestaand doelbestand vóór het rekenen, zodat er geen halve uitvoer verschijnt."""
    if pad is None:
        return
    from kostenbaten.uitvoer.bestand import controleer_doel

    try:
        controleer_doel(pad, overschrijf)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)


def _schrijf(pad: Path, schrijf, overschrijf: bool) -> None:
    """Schrijft atomair via `schrijf(tijdelijk_pad)`; een geweigerd doel is een invoerfout (code 2)."""
    from kostenbaten.uitvoer.bestand import schrijf_atomair

    try:
        schrijf_atomair(pad, schrijf, overschrijf)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)
    typer.echo(f"Geschreven: {pad}", err=True)


def _schrijf_xlsx(pad: Path, werkmap, overschrijf: bool) -> None:
    """Bewaart een openpyxl-werkmap atomair."""
    _schrijf(pad, werkmap.save, overschrijf)


@app.command(cls=_Opdracht)
def bereken(
    map_: MapArgument,
    formaat: FormaatOptie = Formaat.tabel,
    samenvatting: Annotated[bool, typer.Option("--samenvatting", help="Toon alleen de samenvatting, niet elke casus.")] = False,
    xlsx: XlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Reken de kosten en baten van alle casussen en de extrapolatie van een pilot door."""
    from kostenbaten.berekening.kba import bereken_pilot

    project = laad(map_)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump, pilot_json

        typer.echo(dump(pilot_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.terminal import toon_pilot

        toon_pilot(uitkomst, _console(), alleen_samenvatting=samenvatting)
    if xlsx is not None:
        from kostenbaten.uitvoer.excel import kba

        _schrijf_xlsx(xlsx, kba.werkmap(uitkomst), overschrijf)


@app.command(cls=_Opdracht)
def controleer(map_: MapArgument, formaat: FormaatOptie = Formaat.tabel):
    """Reken elk gepubliceerd cijfer na; een onverklaarde afwijking geeft afsluitcode 1."""
    from kostenbaten.berekening.controle import controleer as vergelijk
    from kostenbaten.berekening.kba import bereken_pilot

    project = laad(map_)
    if project.is_variant:
        # Een variant heeft geen eigen gepubliceerde cijfers: die van de casussenmap eronder worden nagerekend.
        melding = f"{map_} is een variant zonder eigen gepubliceerde cijfers; nagerekend zijn die van de basis {project.basismap}."
        typer.echo(melding, err=formaat is Formaat.json)
        project = laad(project.basismap)
    vergelijkingen = vergelijk(bereken_pilot(project.pilot, project.casussen))
    if not vergelijkingen and formaat is Formaat.tabel:
        typer.echo(f"Niets na te rekenen: {map_} heeft geen 'gepubliceerd'-blok met cijfers uit een rapport.")
        return
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump

        typer.echo(
            dump(
                [
                    {
                        "waar": v.wat,
                        "figuur": v.figuur,
                        "gepubliceerd": v.gepubliceerd,
                        "berekend": v.berekend,
                        "oordeel": v.oordeel,
                        "toelichting": v.toelichting,
                    }
                    for v in vergelijkingen
                ]
            )
        )
    else:
        from kostenbaten.uitvoer.terminal import toon_controle

        toon_controle(vergelijkingen, _console())
    if any(v.is_fout for v in vergelijkingen):
        raise typer.Exit(EXIT_AFWIJKING)


@app.command(cls=_Opdracht)
def nieuw(
    map_: Annotated[Path, typer.Argument(help="De nieuwe casussenmap, bijvoorbeeld casussen/mijnstad.", show_default=False, metavar="MAP")],
    naam: Annotated[Optional[str], typer.Option("--naam", help="Naam van de pilot (standaard: de naam van de map).", show_default=False)] = None,
    overschrijf: OverschrijfOptie = False,
):
    """Begin een eigen casussenmap: pilot.yaml met startwaarden, een voorbeeldcasus en de koppeling voor registratie."""
    from kostenbaten.uitvoer.nieuw import schrijf_nieuwe_map

    try:
        paden = schrijf_nieuwe_map(map_, naam, overschrijf)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)
    for pad in paden:
        typer.echo(f"Geschreven: {pad}", err=True)
    koppeling = map_ / "registratie" / "koppeling.yaml"
    typer.echo(
        f"""Volgende stappen:
  1. Zet de export van uw vraagregistratie om in hulpvragen en aandelen per rechtsgebied
     (pas eerst de kolomnamen en onderwerpen aan in {koppeling}):
       kostenbaten registratie EXPORT.csv --map {map_} --variant {map_}-eigen.yaml
  2. Vervang casus-1.yaml door een eigen uitgewerkte casus, één bestand per casus,
     en vervang in {map_ / "pilot.yaml"} de startwaarden door eigen cijfers.
  3. Reken door (met uw eigen aantallen):
       kostenbaten bereken {map_}
       kostenbaten onzekerheid {map_}-eigen.yaml"""
    )


# -- analyse voorbij het rapport --------------------------------------------------


def _bereken(map_: Path):
    """Laadt de map en rekent het standaardbeeld van het rapport door."""
    from kostenbaten.berekening.kba import bereken_pilot

    project = laad(map_)
    return project, bereken_pilot(project.pilot, project.casussen)


@app.command(cls=_Opdracht)
def uitleg(
    map_: MapArgument,
    figuur: Annotated[
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
):
    """Leg een cijfer uit: elke rekenstap terug tot de invoerregels en de bronnen van de kengetallen."""
    from kostenbaten.berekening.uitleg import OnbekendFiguur, leg_uit, overzicht
    from kostenbaten.uitvoer import analyse_json, analyse_terminal

    project, uitkomst = _bereken(map_)
    if figuur is None:
        figuren = overzicht(uitkomst, project.regel)
        if formaat is Formaat.json:
            from kostenbaten.uitvoer.json_uitvoer import dump

            typer.echo(dump(analyse_json.figuren_json(figuren)))
        else:
            analyse_terminal.toon_figuren(figuren, _console())
        return
    try:
        boom = leg_uit(uitkomst, figuur, project.regel)
    except OnbekendFiguur as fout:
        typer.echo(f"Fout: {fout}", err=True)
        raise typer.Exit(EXIT_INVOERFOUT)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump

        typer.echo(dump(analyse_json.uitleg_json(figuur, boom, diepte)))
    else:
        analyse_terminal.toon_uitleg(boom, _console(), diepte)


def _decimaal(tekst: str, optie: str, minimum: str, maximum: str) -> Decimal:
    """Een getal van de opdrachtregel, zonder float: '25', '2,25' of '2.25', binnen [minimum, maximum]."""
    from decimal import Decimal, InvalidOperation

    def lees(t: str) -> Decimal | None:
        try:
            waarde = Decimal(t.strip().removesuffix("%").strip().replace(",", "."))
        except InvalidOperation:
            return None
        return waarde if waarde.is_finite() else None

    waarde = lees(tekst)
    if waarde is None:
        typer.echo(f"Fout: {optie}: '{tekst}' is geen getal.", err=True)
        raise typer.Exit(EXIT_INVOERFOUT)
    if not lees(minimum) <= waarde <= lees(maximum):
        typer.echo(f"Fout: {optie}: {tekst} ligt buiten het bereik {minimum} tot en met {maximum}.", err=True)
        raise typer.Exit(EXIT_INVOERFOUT)
    return waarde



@app.command(cls=_Opdracht)
def gevoeligheid(
    map_: MapArgument,
    stap: Annotated[str, typer.Option("--stap", help="Procent omlaag en omhoog per invoer (groter dan 0, kleiner dan 100).")] = "25",
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Varieer elke invoer om de beurt: tornadodiagram per methode en het omslagpunt van elke invoer."""
    from kostenbaten.berekening.gevoeligheid import gevoeligheid as varieer

    procent = _decimaal(stap, "--stap", "0,01", "99,99")
    project = laad(map_)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = varieer(project.pilot, project.casussen, procent)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.analyse_json import gevoeligheid_json
        from kostenbaten.uitvoer.json_uitvoer import dump

        typer.echo(dump(gevoeligheid_json(uitkomst, project.regel)))
    else:
        from kostenbaten.uitvoer.analyse_terminal import toon_gevoeligheid

        toon_gevoeligheid(uitkomst, _console(), project.regel)
    if xlsx is not None:
        from kostenbaten.uitvoer.excel import gevoeligheid

        _schrijf_xlsx(xlsx, gevoeligheid.werkmap(uitkomst, project.regel), overschrijf)


@app.command(cls=_Opdracht)
def actoren(map_: MapArgument, formaat: FormaatOptie = Formaat.tabel, xlsx: WerkmapOptie = None, overschrijf: OverschrijfOptie = False):
    """Wie betaalt de kosten en wie wint de baten: per casus en geëxtrapoleerd, met de tweedeling van het rapport."""
    from kostenbaten.berekening.actoren import verdeel_over_actoren

    _, uitkomst = _bereken(map_)
    _mag_schrijven(xlsx, overschrijf)
    verdeling = verdeel_over_actoren(uitkomst)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.analyse_json import actoren_json
        from kostenbaten.uitvoer.json_uitvoer import dump

        typer.echo(dump(actoren_json(verdeling)))
    else:
        from kostenbaten.uitvoer.analyse_terminal import toon_actoren

        toon_actoren(verdeling, _console(), uitkomst.gepubliceerd)
    if xlsx is not None:
        from kostenbaten.uitvoer.excel import actoren as actoren_excel

        _schrijf_xlsx(xlsx, actoren_excel.werkmap(verdeling), overschrijf)


@app.command(cls=_Opdracht)
def meerjarig(
    map_: MapArgument,
    horizon: Annotated[
        Optional[int],
        typer.Option("--horizon", min=1, max=100, help="Aantal jaren. Standaard: de langste looptijd van een terugkerende baat.", show_default=False),
    ] = None,
    disconto: Annotated[str, typer.Option("--disconto", help="Discontovoet in procent per jaar (standaard MKBA sinds 2021).")] = "2,25",
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Terugkerende baten over hun volle looptijd, met contante waarden, naast het jaarbeeld van het rapport."""
    from kostenbaten.berekening.meerjarig import meerjarig as reken_meerjarig

    voet = _decimaal(disconto, "--disconto", "0", "100")
    project = laad(map_)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = reken_meerjarig(project.pilot, project.casussen, horizon, voet)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.analyse_json import meerjarig_json
        from kostenbaten.uitvoer.json_uitvoer import dump

        typer.echo(dump(meerjarig_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.analyse_terminal import toon_meerjarig

        toon_meerjarig(uitkomst, _console())
    if xlsx is not None:
        from kostenbaten.uitvoer.excel import meerjarig as meerjarig_excel

        _schrijf_xlsx(xlsx, meerjarig_excel.werkmap(uitkomst), overschrijf)


# -- begroting en Excel -----------------------------------------------------------


BegrotingArgument = Annotated[
    Path,
    typer.Argument(
        help="Begroting als YAML (zie templates/voorbeeldbegroting.yaml) of als ingevulde werkmap (.xlsx).",
        show_default=False,
        metavar="BEGROTING",
    ),
]


def laad_begroting(pad: Path):
    """Laadt een begroting met haar casussenmap en rekent haar door; bij fouten afsluitcode 2."""
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.begroting import laad_begroting as lees

    try:
        invoer = lees(pad)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)
    project = invoer.project
    kba = bereken_pilot(project.pilot, project.casussen) if project is not None else None
    return invoer, bereken_begroting(invoer.begroting, kba)


@app.command(cls=_Opdracht)
def begroting(
    invoer: BegrotingArgument,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: XlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Reken een begroting door: kosten per regel en per betaler, en de verwachte baten uit de KBA."""
    bron, uitkomst = laad_begroting(invoer)
    _mag_schrijven(xlsx, overschrijf)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.begroting import begroting_json
        from kostenbaten.uitvoer.json_uitvoer import dump

        typer.echo(dump(begroting_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.begroting import toon_begroting

        toon_begroting(uitkomst, _console())
    if xlsx is not None:
        from kostenbaten.uitvoer.excel import begroting as begroting_excel

        _schrijf_xlsx(xlsx, begroting_excel.werkmap(uitkomst, bron.pad, xlsx), overschrijf)


@app.command(cls=_Opdracht)
def sjabloon(
    uit: Annotated[Path, typer.Argument(help="Het nieuwe werkboek, bijvoorbeeld mijn-begroting.xlsx.", show_default=False, metavar="WERKBOEK")],
    van: Annotated[
        Optional[Path],
        typer.Option(
            "--van",
            help="De begroting die het sjabloon vult; standaard templates/voorbeeldbegroting.yaml van dit project.",
            show_default=False,
        ),
    ] = None,
    overschrijf: OverschrijfOptie = False,
):
    """Maak een in te vullen begrotingswerkboek (standaard de voorbeeldbegroting), met formules en toelichting."""
    bron, uitkomst = laad_begroting(van or _voorbeeldbegroting())
    _mag_schrijven(uit, overschrijf)
    from kostenbaten.uitvoer.excel import begroting as begroting_excel

    _schrijf_xlsx(uit, begroting_excel.werkmap(uitkomst, bron.pad, uit), overschrijf)


def _voorbeeldbegroting() -> Path:
    """templates/voorbeeldbegroting.yaml in de huidige map, anders de met het pakket meegeleverde."""
    from kostenbaten.invoer.meegeleverd import meegeleverd

    naam = Path("templates") / "voorbeeldbegroting.yaml"
    for kandidaat in (naam, meegeleverd("templates", "voorbeeldbegroting.yaml")):
        if kandidaat.is_file():
            return kandidaat
    _toon_fouten(
        InvoerFouten(
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


@app.command(cls=_Opdracht)
def onzekerheid(
    pad: MapArgument,
    trekkingen: TrekkingenOptie = 100_000,
    zaad: ZaadOptie = 1,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: OnzekerheidXlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Monte-Carlo over alle bereiken: 90%-intervallen (P5-P95) en de kans op een negatief totaal."""
    from kostenbaten.berekening.onzekerheid import simuleer

    project = laad(pad)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = simuleer(project.pilot, project.casussen, trekkingen, zaad)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump
        from kostenbaten.uitvoer.onzekerheid import onzekerheid_json

        typer.echo(dump(onzekerheid_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.onzekerheid import toon_onzekerheid

        toon_onzekerheid(uitkomst, _console())
    if xlsx is not None:
        from kostenbaten.uitvoer.excel import onzekerheid as onzekerheid_excel

        _schrijf_xlsx(xlsx, onzekerheid_excel.werkmap(uitkomst), overschrijf)


@app.command(cls=_Opdracht)
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
):
    """Pilots en varianten naast elkaar: gemiddelde, beide extrapolaties en, bij bereiken, hun 90%-interval."""
    from kostenbaten.berekening.vergelijking import vergelijk as reken_vergelijking
    from kostenbaten.invoer.project import laad as laad_invoer

    projecten, fouten = [], []
    for pad in paden:
        try:
            projecten.append(laad_invoer(pad))
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        _toon_fouten(InvoerFouten(fouten))
    kolommen = reken_vergelijking(projecten, trekkingen, zaad)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump
        from kostenbaten.uitvoer.vergelijking import vergelijking_json

        typer.echo(dump(vergelijking_json(kolommen, trekkingen, zaad)))
    else:
        from kostenbaten.uitvoer.vergelijking import toon_vergelijking

        toon_vergelijking(kolommen, trekkingen, zaad, _console())


@app.command(cls=_Opdracht)
def schema(
    map_: Annotated[
        Path, typer.Argument(help="Map voor de schema's; wordt aangemaakt als hij niet bestaat.", metavar="MAP")
    ] = Path("schema"),
    overschrijf: OverschrijfOptie = False,
):
    """Schrijf JSON Schema's van de invoerformaten (pilot, casus, variant, ...) voor editors met YAML-ondersteuning."""
    from kostenbaten.uitvoer.bestand import controleer_doel, maak_map
    from kostenbaten.uitvoer.schema import schemas

    inhoud = schemas()
    if map_.exists() and not map_.is_dir():
        _toon_fouten(UitvoerFouten([Fout(str(map_), None, "", "dit is een bestand; geef een map voor de schema's")]))
    try:
        maak_map(map_)
    except UitvoerFouten as fouten:
        _toon_fouten(fouten)
    # Eerst alle doelen controleren, zodat er niet half geschreven wordt.
    fouten = []
    for naam in inhoud:
        try:
            controleer_doel(map_ / naam, overschrijf)
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        _toon_fouten(UitvoerFouten(fouten))
    for naam, tekst in inhoud.items():
        _schrijf(map_ / naam, lambda doel, tekst=tekst: doel.write_text(tekst, encoding="utf-8"), overschrijf)


# Meldingen van de opdrachtregel-bibliotheek zelf (Engels), met hun Nederlandse vorm.
_GEBRUIKSFOUTEN = (
    (r"Missing argument '(.+)'\.", "argument {0} ontbreekt"),
    (r"Missing option '(.+)'\.", "optie {0} ontbreekt"),
    (r"No such option: (\S+?)(?: \(Possible options: (.+)\))?$", "onbekende optie {0}"),
    (r"No such command '(.+)'\.", "onbekende opdracht '{0}'"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((.+)\)", "onverwacht extra argument: {0}"),
    (r"Option '(.+)' requires an argument\.", "optie {0} heeft een waarde nodig"),
    (r"Invalid value for (.+?): (?:Value error, )?'(.+)' is not one of (.+)\.", "ongeldige waarde voor {0}: '{1}'; kies uit {2}"),
    (r"Invalid value for (.+?): (?:Value error, )?(.+)", "ongeldige waarde voor {0}: {1}"),
)

# De uitleg achter "Invalid value" komt van de typecontrole (Engels); de bekendste in het Nederlands.
_WAARDEFOUTEN = (
    (r"Input should be greater than or equal to (\S+)", "moet minstens {0} zijn"),
    (r"Input should be less than or equal to (\S+)", "mag hoogstens {0} zijn"),
    (r"Input should be greater than (\S+)", "moet groter dan {0} zijn"),
    (r"Input should be a valid integer.*", "moet een geheel getal zijn"),
    (r"Input should be a valid number.*", "moet een getal zijn"),
)


def _vertaal_waardefout(tekst: str) -> str:
    import re

    for patroon, nederlands in _WAARDEFOUTEN:
        gevonden = re.fullmatch(patroon, tekst.strip())
        if gevonden:
            return nederlands.format(*gevonden.groups())
    return tekst


def _gebruiksfout(fout) -> str:
    """Een fout in de aanroep (ontbrekend argument, onbekende optie) in het Nederlands."""
    import re

    engels = fout.format_message()
    for patroon, nederlands in _GEBRUIKSFOUTEN:
        gevonden = re.match(patroon, engels)
        if gevonden:
            delen = [_vertaal_waardefout(d) if d else d for d in gevonden.groups()]
            tekst = nederlands.format(*delen)
            break
    else:
        tekst = engels
    ctx = getattr(fout, "ctx", None)
    opdracht = ctx.command_path if ctx is not None else "kostenbaten"
    return f"Fout: {tekst}\nZie '{opdracht} --help' voor uitleg."


def main() -> None:
    """Startpunt van het programma: Nederlandse meldingen en nooit een Python-traceback."""
    import os

    try:
        _main()
    except BrokenPipeError:
        # De uitvoer ging naar een programma dat al gestopt is (zoals `| head`): stil stoppen.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def _main() -> None:
    from typer.exceptions import TyperException

    try:
        code = app(standalone_mode=False, prog_name="kostenbaten")
    except KeyboardInterrupt:
        print("Onderbroken.", file=sys.stderr)
        sys.exit(EXIT_ONDERBROKEN)
    except typer.Abort:
        print("Onderbroken.", file=sys.stderr)
        sys.exit(EXIT_ONDERBROKEN)
    except TyperException as fout:
        if type(fout).__name__ == "NoArgsIsHelpError":
            # `kostenbaten` zonder opdracht: de hulptekst, geen foutmelding.
            print(fout.format_message())
        else:
            print(_gebruiksfout(fout), file=sys.stderr)
        sys.exit(fout.exit_code)
    except InvoerFouten as fouten:  # pragma: no cover - commando's vangen dit zelf af
        print(str(fouten), file=sys.stderr)
        sys.exit(EXIT_INVOERFOUT)
    except Exception as fout:  # noqa: BLE001 - laatste vangnet voor de gebruiker
        print(
            f"Interne fout in kostenbaten ({type(fout).__name__}: {fout}). "
            "Dit is geen fout in uw invoer; meld het met de gebruikte bestanden.",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNE_FOUT)
    sys.exit(code if isinstance(code, int) else 0)
