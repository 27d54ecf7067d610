"""Werkmappen maken en omzetten: `sjabloon` en `omzetten`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.fouten import Fout, Plek, Gebruiksfout, InvoerFouten
from kostenbaten.opdrachten.gedeeld import OverschrijfOptie, _laad, _laad_begroting, _mag_schrijven, _schrijf_werkmap


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
        _schrijf_werkmap("casussen", project, uit, overschrijf, bankposten=_bankposten())
        return
    bron, uitkomst = _laad_begroting(van or _voorbeeldbegroting())
    _mag_schrijven(uit, overschrijf)
    _schrijf_werkmap("begroting", uitkomst, uit, overschrijf, bron=bron.pad, doel=uit, sjabloon=True)


def _startmap(werkmap: Path):
    """De startmap van `kostenbaten nieuw`, geladen; de naam van de pilot volgt de naam van de werkmap."""
    import tempfile

    from kostenbaten.uitvoer.nieuw import schrijf_nieuwe_map

    with tempfile.TemporaryDirectory(prefix="kostenbaten-") as tijdelijk:
        map_ = Path(tijdelijk) / werkmap.stem
        schrijf_nieuwe_map(map_, None)
        return _laad(map_)


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
    from kostenbaten.berekening.kba import met_soort

    project = met_soort(project)  # het veld `soort` altijd geschreven, ook als de bron het wegliet
    if naar_werkmap:
        _mag_schrijven(doel, overschrijf)
        _schrijf_werkmap("casussen", project, doel, overschrijf, bankposten=_bankposten())
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
            Fout(Plek(str(naam)), "", "voorbeeldbegroting niet gevonden, hier noch in het pakket kostenbaten; "
                "installeer kostenbaten opnieuw, of geef een eigen begroting met --van")
        ]
    )


def _bankposten() -> tuple[str, ...]:
    """De sleutels van de kengetallenbank, voor de keuzelijst Bankpost op blad Kengetallen."""
    from kostenbaten.invoer.kengetallenbank import laad_bank

    return tuple(laad_bank()[0].kengetallen)
