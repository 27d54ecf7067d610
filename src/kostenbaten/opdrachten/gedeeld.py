"""Wat de opdrachten delen: de opties, laden met prijspeil, leveren in een formaat en meldingen op stderr.

Niets hier vangt een fout af: `cli._grens` is de enige plek die een fout naar een melding en een afsluitcode vertaalt.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.fouten import Gebruiksfout
from kostenbaten.invoer.opties import geheel_getal


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
    analyse: str, uitkomst, formaat: Formaat, xlsx: Path | None = None, overschrijf: bool = False, tabel=None, waarschuwingen=None, openbaar=None,
    **context,
) -> None:
    """Levert de uitkomst met --formaat (tabel of JSON), en met --xlsx ook als werkmap: beide via `uitvoer.lever.lever`.

    `context` gaat naar elk formaat, `tabel` alleen naar de terminal, `openbaar` (wat
    een document anders krijgt, zoals de plek van een invoer zonder de mappen erboven)
    naar JSON en werkmap. Waarschuwingen staan in JSON onder `waarschuwingen`, in de
    terminal samen op stderr na de uitkomst.
    """
    from kostenbaten.uitvoer.lever import lever

    document = {**context, **(openbaar or {})}  # JSON en werkmap: plekken zonder de mappen erboven
    if formaat is Formaat.json:
        lever(analyse, uitkomst, "json", waarschuwingen=waarschuwingen, **document)
    else:
        lever(analyse, uitkomst, "terminal", waarschuwingen=waarschuwingen, tabel=tabel, **context)
    if xlsx is not None:
        _schrijf_werkmap(analyse, uitkomst, xlsx, overschrijf, **document)


def _meld(tekst: str) -> None:
    """Een waarschuwing of 'Let op' op stderr, op de breedte van het scherm afgebroken tussen woorden.

    Foutmeldingen niet: die blijven één regel per fout, zodat een editor of grep de plek vindt.
    """
    import shutil

    from kostenbaten.notatie import afgebroken, zichtbaar

    typer.echo(afgebroken(zichtbaar(tekst), max(shutil.get_terminal_size().columns, 40), inspringen="  "), err=True)


def _waarschuwingen(project, trekkingen: int | None = None) -> tuple:
    """Waar het bewijs van een casussenmap dun is (`api.waarschuwingen`)."""
    from kostenbaten import api

    return api.waarschuwingen(project, trekkingen)


def _begrotingwaarschuwingen(bron, uitkomst) -> tuple:
    """De begrote SJD-uren per hulpvraag tegen die van haar casussen (`api.begrotingwaarschuwingen`)."""
    from kostenbaten import api

    return api.begrotingwaarschuwingen(bron, uitkomst)


def _schrijf_werkmap(analyse: str, uitkomst, pad: Path, overschrijf: bool, **context) -> None:
    """De uitkomst als Excel-werkmap (--xlsx, `sjabloon`, `omzetten`), via `uitvoer.lever.lever`."""
    from kostenbaten.uitvoer.lever import lever

    lever(analyse, uitkomst, "excel", pad, overschrijf, **context)


def _mag_schrijven(pad: Path | None, overschrijf: bool) -> None:
    """Weigert een bestaand doelbestand vóór het rekenen, zodat er geen halve uitvoer verschijnt."""
    if pad is not None:
        from kostenbaten.uitvoer.bestand import controleer_doel

        controleer_doel(pad, overschrijf)


def _laad(pad: Path, prijspeil: int | None = None, prijsindex: list[str] | None = None):
    """Een casussenmap of een variant (`api.laad`), met zijn 'Let op'-meldingen op stderr."""
    from kostenbaten import api

    geladen = api.laad(pad, prijspeil, prijsindex)
    for melding in geladen.meldingen:  # op stderr, zodat elke opdracht en elk formaat het meldt
        _meld(melding)
    return geladen.project


def _gelezen(project):
    """Onthoudt de bestanden van het project en noemt wat de map oversloeg (`api.gelezen`)."""
    from kostenbaten import api

    for melding in api.gelezen(project):
        _meld(melding)
    return project


def _bereken(map_: Path, prijspeil: int | None = None, prijsindex: list[str] | None = None):
    """Laadt de map en rekent het standaardbeeld van het rapport door."""
    from kostenbaten.berekening.kba import bereken_pilot

    project = _laad(map_, prijspeil, prijsindex)
    return project, bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)


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

BegrotingHorizonOptie = Annotated[
    Optional[int],
    typer.Option("--horizon", min=1, max=100, help="Aantal jaren van de begroting; vervangt 'horizon' uit de begroting (standaard 1).", show_default=False),
]


def _laad_begroting(pad: Path, horizon: int | None = None, casussen: Path | None = None):
    """Laadt een begroting met haar casussenmap en rekent haar door (`api.reken_begroting`); `horizon` vervangt die uit het bestand."""
    from kostenbaten import api
    from kostenbaten.invoer.begroting import laad_begroting
    from kostenbaten.notatie import zichtbaar
    from kostenbaten.uitvoer.bestand import meld_invoer

    invoer = laad_begroting(pad, casussen)
    meld_invoer(invoer.pad)
    _gelezen(invoer.project)
    for waarschuwing in invoer.waarschuwingen:
        typer.echo(zichtbaar(str(waarschuwing)), err=True)
    return invoer, api.reken_begroting(invoer, horizon)


KostenBegrotingOptie = Annotated[
    Optional[Path],
    typer.Option(
        "--begroting",
        help="Begroting (YAML of ingevulde werkmap): het maatschappelijk saldo rekent met haar kosten, "
        "tenzij een registratie uren per hulpvraag geeft.",
        show_default=False,
    ),
]


def _kosten_van_begroting(pad: Path | None, map_: Path):
    """Met --begroting: de doorgerekende begroting (`berekening.begroting.BegrotingUitkomst`), met haar baten uit de
    casussen van de opdracht zelf (`map_`), zoals het rapport; haar kosten dragen het maatschappelijk saldo
    (`berekening.saldo.programmakosten`). Zonder --begroting: None."""
    if pad is None:
        return None
    invoer, uitkomst = _laad_begroting(pad, None, map_)
    if invoer.eigen_casussen is not None:
        _meld(
            f"Let op: de begroting {pad} noemt de casussen '{invoer.eigen_casussen}'; het maatschappelijk saldo rekent met "
            f"haar kosten en met de baten van {map_}."
        )
    return uitkomst


TrekkingenOptie = Annotated[
    int, typer.Option("--trekkingen", "-n", parser=geheel_getal(1, 10_000_000), help="Aantal Monte-Carlo-trekkingen.")
]
ZaadOptie = Annotated[
    int,
    typer.Option(
        "--zaad", parser=geheel_getal(0, 2**64 - 1), help="Startwaarde van de toevalsgenerator; hetzelfde zaad geeft dezelfde uitkomst."
    ),
]


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
