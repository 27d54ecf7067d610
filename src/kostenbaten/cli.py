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

    _vrij_doel(xlsx, overschrijf)
    project = laad(map_)
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.json_uitvoer import dump, pilot_json

        typer.echo(dump(pilot_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.terminal import toon_pilot

        toon_pilot(uitkomst, _console(), alleen_samenvatting=samenvatting)
    if xlsx is not None:
        from kostenbaten.uitvoer.excel_kba import schrijf_kba

        _schrijf(lambda: schrijf_kba(uitkomst, xlsx, overschrijf), xlsx)


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


BegrotingArgument = Annotated[
    Path,
    typer.Argument(
        help="Begroting als YAML (zie templates/voorbeeldbegroting.yaml) of als ingevulde werkmap (.xlsx).", show_default=False
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


@app.command()
def begroting(
    invoer: BegrotingArgument,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: XlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Reken een begroting door: kosten per regel en per betaler, en de verwachte baten uit de KBA."""
    _vrij_doel(xlsx, overschrijf)
    bron, uitkomst = laad_begroting(invoer)
    if formaat is Formaat.json:
        from kostenbaten.uitvoer.begroting import begroting_json
        from kostenbaten.uitvoer.json_uitvoer import dump

        typer.echo(dump(begroting_json(uitkomst)))
    else:
        from kostenbaten.uitvoer.begroting import toon_begroting

        toon_begroting(uitkomst, _console())
    if xlsx is not None:
        from kostenbaten.uitvoer.excel_begroting import schrijf_begroting

        _schrijf(lambda: schrijf_begroting(uitkomst, bron.pad, xlsx, overschrijf), xlsx)


@app.command()
def sjabloon(
    uit: Annotated[Path, typer.Argument(help="Het nieuwe werkboek, bijvoorbeeld mijn-begroting.xlsx.", show_default=False)],
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
    _vrij_doel(uit, overschrijf)
    bron, uitkomst = laad_begroting(van or _voorbeeldbegroting())
    from kostenbaten.uitvoer.excel_begroting import schrijf_begroting

    _schrijf(lambda: schrijf_begroting(uitkomst, bron.pad, uit, overschrijf), uit)


def _voorbeeldbegroting() -> Path:
    """templates/voorbeeldbegroting.yaml in de huidige map, anders in de projectmap rond de broncode."""
    naam = Path("templates") / "voorbeeldbegroting.yaml"
    for kandidaat in (naam, Path(__file__).resolve().parents[2] / naam):
        if kandidaat.is_file():
            return kandidaat
    return naam  # bestaat niet: laad_begroting meldt dat


def _vrij_doel(pad: Optional[Path], overschrijf: bool) -> None:
    """Weigert een bestaand uitvoerbestand al vóór het rekenen, zodat er niets half gebeurt."""
    if pad is None:
        return
    from kostenbaten.uitvoer.bestand import controleer_doel

    try:
        controleer_doel(pad, overschrijf)
    except InvoerFouten as fouten:
        _toon_fouten(fouten)


def _schrijf(schrijf, pad: Path) -> None:
    """Schrijft een uitvoerbestand; een geweigerd doel (bestaat al, geen map) is een invoerfout."""
    try:
        schrijf()
    except InvoerFouten as fouten:
        _toon_fouten(fouten)
    _console(stderr=True).print(f"Geschreven: {pad}", markup=False)


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
