"""De begroting: `begroting`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.opdrachten.gedeeld import (
    BegrotingHorizonOptie,
    Formaat,
    FormaatOptie,
    OverschrijfOptie,
    XlsxOptie,
    _begrotingwaarschuwingen,
    _laad_begroting,
    _lever,
    _mag_schrijven,
    _schrijf_werkmap,
    _waarschuwingen,
)


BegrotingArgument = Annotated[
    Path,
    typer.Argument(
        help="Begroting als YAML (zie templates/voorbeeldbegroting.yaml) of als ingevulde werkmap (.xlsx).",
        show_default=False,
        metavar="BEGROTING",
    ),
]

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
