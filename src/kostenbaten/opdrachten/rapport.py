"""Het rapport voor de gemeenteraad: `rapport`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.fouten import InvoerFouten
from kostenbaten.opdrachten.gedeeld import (
    BegrotingHorizonOptie,
    MapArgument,
    OverschrijfOptie,
    PrijsindexOptie,
    PrijspeilOptie,
    TrekkingenOptie,
    ZaadOptie,
    _laad,
    _laad_begroting,
    _mag_schrijven,
    _matplotlib_buiten_home,
    _meld,
)


def rapport(
    map_: MapArgument,
    uit: Annotated[
        Path, typer.Option("-o", "--uitvoer", help="Het rapport: een bestand op .html (één pagina), .pdf (A4), .docx (Word, om verder te bewerken) of .json (de gegevens).", show_default=False)
    ],
    begroting_: Annotated[
        Optional[Path],
        typer.Option("--begroting", help="Begroting (YAML of ingevulde werkmap): voegt toe wat elke betaler betaalt en terugkrijgt; het maatschappelijk saldo rekent met haar kosten (tenzij een registratie uren per hulpvraag geeft).", show_default=False),
    ] = None,
    vergelijk_: Annotated[
        Optional[list[Path]],
        typer.Option("--vergelijk", help="Pilot of variant om ernaast te zetten; herhaal de optie voor meer.", show_default=False),
    ] = None,
    uitkomsten_: Annotated[
        Optional[Path],
        typer.Option("--uitkomsten", help="Export van de registratie met uitkomstcodes (of een tabel met aantallen): zet de waarde van de getelde "
                     "uitkomsten (waardekaart MAP/registratie/uitkomsten.yaml) naast de casussen op de voorkant.", show_default=False, metavar="EXPORT"),
    ] = None,
    horizon: BegrotingHorizonOptie = None,
    trekkingen: TrekkingenOptie = 100_000,
    zaad: ZaadOptie = 1,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    overschrijf: OverschrijfOptie = False,
):
    """Maak het rapport voor de gemeenteraad: één HTML-pagina, een PDF of een Word-document, met grafieken, bronnen en bijlagen."""
    from kostenbaten import __version__, api
    from kostenbaten.uitvoer import register

    register.controleer_rapportformaat(uit)
    _matplotlib_buiten_home()
    projecten, fouten = [], []
    for pad in (map_, *(vergelijk_ or ())):
        try:
            projecten.append(_laad(pad, prijspeil, prijsindex))
        except InvoerFouten as f:
            fouten += f.fouten
    begroting = None
    if begroting_ is not None:
        try:
            # Eén KBA in het rapport: de begroting rekent haar baten met de casussen van het rapport zelf.
            begroting = _laad_begroting(begroting_, horizon, map_)
            if begroting[0].eigen_casussen is not None:
                _meld(
                    f"Let op: de begroting {begroting_} noemt de casussen '{begroting[0].eigen_casussen}'; het rapport rekent "
                    f"haar baten met {map_}, de casussen van het rapport zelf."
                )
        except InvoerFouten as f:
            fouten += f.fouten
    waardering = None
    if uitkomsten_ is not None and projecten:
        from kostenbaten.invoer.registratie import zoek_koppeling
        from kostenbaten.invoer.uitkomsten import WAARDEKAART
        from kostenbaten.uitvoer.bestand import meld_invoer

        meld_invoer(uitkomsten_)  # het rapport mag de export niet vervangen
        basis = projecten[0].basismap
        try:
            waardering = api.waardeer_uitkomsten(projecten[0], uitkomsten_, zoek_koppeling(uitkomsten_, basis), basis / WAARDEKAART,
                                                 None, prijspeil, prijsindex)
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        raise InvoerFouten(fouten)
    _mag_schrijven(uit, overschrijf)
    project = projecten[0]
    bibliotheek = _laad(project.basismap).pilot.naam if project.is_variant else None
    inhoud = api.rapport(projecten, begroting, trekkingen, zaad, bibliotheek, waardering)
    voet = f"kostenbaten {__version__}: kostenbaten rapport {Path(map_).absolute().name}"  # een openbaar stuk noemt geen mappen van de gebruiker
    register.schrijf_rapport(inhoud.uitkomsten, uit, overschrijf, voet, met_gepubliceerd=inhoud.met_gepubliceerd, **inhoud.context)
    typer.echo(f"Geschreven: {uit}", err=True)
