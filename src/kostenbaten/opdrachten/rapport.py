"""Het rapport voor de gemeenteraad: `rapport`.
"""

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
    _begrotingwaarschuwingen,
    _laad,
    _laad_begroting,
    _mag_schrijven,
    _meld,
    _waarschuwingen,
)



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
