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

from kostenbaten.fouten import EXIT_AFWIJKING, EXIT_INTERNE_FOUT, EXIT_INVOERFOUT, EXIT_ONDERBROKEN, InvoerFouten

app = typer.Typer(
    name="kostenbaten",
    help="Kosten en baten van sociaal-juridische hulp in de bibliotheek, exact doorgerekend.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Formaat(str, Enum):
    tabel = "tabel"
    json = "json"


MapArgument = Annotated[
    Path,
    typer.Argument(help="Map met pilot.yaml en één YAML-bestand per casus, bijvoorbeeld casussen/hengelo.", show_default=False),
]
FormaatOptie = Annotated[Formaat, typer.Option("--formaat", "-f", help="Uitvoer als tabellen of als één JSON-document.")]
XlsxOptie = Annotated[
    Optional[Path], typer.Option("--xlsx", help="Schrijf ook een Excel-werkmap met formules naar dit bestand.", show_default=False)
]
OverschrijfOptie = Annotated[bool, typer.Option("--overschrijf", help="Overschrijf een bestaand uitvoerbestand.")]


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def laad(map_: Path):
    """Laadt een casussenmap; bij fouten: alle meldingen naar stderr en afsluitcode 2."""
    from kostenbaten.invoer.casussen import laad_project

    try:
        return laad_project(map_)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)


def _toon_fouten(fouten: InvoerFouten):
    from kostenbaten.uitvoer.terminal import toon_fouten

    toon_fouten(fouten.fouten, _console(stderr=True))
    raise typer.Exit(EXIT_INVOERFOUT)


@app.command()
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
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump, pilot_json

        typer.echo(dump(pilot_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.terminal import toon_pilot

        toon_pilot(uitkomst, _console(), alleen_samenvatting=samenvatting)
    if xlsx is not None:
        typer.echo("Excel-uitvoer is nog niet beschikbaar.", err=True)
        raise typer.Exit(EXIT_INVOERFOUT)


@app.command()
def controleer(map_: MapArgument, formaat: FormaatOptie = Formaat.tabel):
    """Reken elk gepubliceerd cijfer na; een onverklaarde afwijking geeft afsluitcode 1."""
    from kostenbaten.berekening.controle import controleer as vergelijk
    from kostenbaten.berekening.kba import bereken_pilot

    project = laad(map_)
    vergelijkingen = vergelijk(bereken_pilot(project.pilot, project.casussen))
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


def main() -> None:
    """Startpunt van het programma: vangt onverwachte fouten af zonder Python-traceback."""
    try:
        app()
    except KeyboardInterrupt:
        print("Onderbroken.", file=sys.stderr)
        sys.exit(EXIT_ONDERBROKEN)
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


# -- onzekerheid, varianten en schema's ---------------------------------------------

PadArgument = Annotated[
    Path,
    typer.Argument(
        help="Casussenmap (met pilot.yaml) of variantbestand, bijvoorbeeld casussen/hengelo of casussen/varianten/vrijwilligers.yaml.",
        show_default=False,
    ),
]
TrekkingenOptie = Annotated[
    int, typer.Option("--trekkingen", "-n", min=1, max=10_000_000, help="Aantal Monte-Carlo-trekkingen.")
]
ZaadOptie = Annotated[int, typer.Option("--zaad", help="Startwaarde van de toevalsgenerator; hetzelfde zaad geeft dezelfde uitkomst.")]
OnzekerheidXlsxOptie = Annotated[
    Optional[Path],
    typer.Option("--xlsx", help="Schrijf de percentielen en histogrammen ook naar deze Excel-werkmap.", show_default=False),
]


def laad_pad(pad: Path):
    """Laadt een casussenmap of een variant; bij fouten: alle meldingen naar stderr en afsluitcode 2."""
    from kostenbaten.invoer.varianten import laad_invoer

    try:
        return laad_invoer(pad)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)


def _schrijf(pad: Path, schrijf, overschrijf: bool) -> None:
    from kostenbaten.uitvoer.bestand import schrijf_atomair

    try:
        schrijf_atomair(pad, schrijf, overschrijf)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)


@app.command()
def onzekerheid(
    pad: PadArgument,
    trekkingen: TrekkingenOptie = 100_000,
    zaad: ZaadOptie = 1,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: OnzekerheidXlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Monte-Carlo over alle bereiken: 90%-intervallen (P5-P95) en de kans op een negatief totaal."""
    from kostenbaten.berekening.onzekerheid import simuleer

    project = laad_pad(pad)
    if xlsx is not None:
        from kostenbaten.uitvoer.bestand import controleer_doel

        try:
            controleer_doel(xlsx, overschrijf)
        except InvoerFouten as fouten:
            _toon_fouten(fouten)
    uitkomst = simuleer(project.pilot, project.casussen, trekkingen, zaad)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump
        from kostenbaten.uitvoer.onzekerheid import onzekerheid_json

        typer.echo(dump(onzekerheid_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.onzekerheid import toon_onzekerheid

        toon_onzekerheid(uitkomst, _console())
    if xlsx is not None:
        from kostenbaten.uitvoer.onzekerheid_xlsx import schrijf_onzekerheid

        _schrijf(xlsx, lambda doel: schrijf_onzekerheid(uitkomst, doel), overschrijf)


@app.command()
def vergelijk(
    paden: Annotated[
        list[Path],
        typer.Argument(help="Casussenmappen en variantbestanden, bijvoorbeeld casussen/hengelo casussen/varianten/*.yaml.", show_default=False),
    ],
    trekkingen: TrekkingenOptie = 20_000,
    zaad: ZaadOptie = 1,
    formaat: FormaatOptie = Formaat.tabel,
):
    """Pilots en varianten naast elkaar: gemiddelde, beide extrapolaties en, bij bereiken, hun 90%-interval."""
    from kostenbaten.berekening.vergelijking import vergelijk as reken_vergelijking
    from kostenbaten.invoer.varianten import laad_invoer

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


@app.command()
def schema(
    map_: Annotated[
        Path, typer.Argument(help="Map voor de schema's; wordt aangemaakt als hij niet bestaat.")
    ] = Path("schema"),
    overschrijf: OverschrijfOptie = False,
):
    """Schrijf JSON Schema's van de invoerformaten (pilot, casus, variant, ...) voor editors met YAML-ondersteuning."""
    from kostenbaten.uitvoer.bestand import controleer_doel
    from kostenbaten.uitvoer.schema import schemas

    inhoud = schemas()
    map_.mkdir(parents=True, exist_ok=True)
    # Eerst alle doelen controleren, zodat er niet half geschreven wordt.
    fouten = []
    for naam in inhoud:
        try:
            controleer_doel(map_ / naam, overschrijf)
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        _toon_fouten(InvoerFouten(fouten))
    for naam, tekst in inhoud.items():
        _schrijf(map_ / naam, lambda doel, tekst=tekst: doel.write_text(tekst, encoding="utf-8"), overschrijf)
        typer.echo(f"geschreven: {map_ / naam}")
