"""Analyse voorbij het jaarbeeld: `gevoeligheid`, `actoren` en `meerjarig`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kostenbaten.opdrachten.gedeeld import (
    Formaat,
    FormaatOptie,
    KostenBegrotingOptie,
    MapArgument,
    OverschrijfOptie,
    PrijsindexOptie,
    PrijspeilOptie,
    WerkmapOptie,
    _bereken,
    _decimaal,
    _kosten_van_begroting,
    _laad,
    _lever,
    _mag_schrijven,
    _waarschuwingen,
)


def gevoeligheid(
    map_: MapArgument,
    stap: Annotated[str, typer.Option("--stap", help="Procent omlaag en omhoog per invoer (groter dan 0, kleiner dan 100).")] = "25",
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    begroting_: KostenBegrotingOptie = None,
):
    """Varieer elke invoer om de beurt: tornadodiagram per methode en het omslagpunt van elke invoer."""
    from kostenbaten.berekening.gevoeligheid import gevoeligheid as varieer

    procent = _decimaal(stap, "--stap", "0,01", "99,99")
    project = _laad(map_, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    begroting = _kosten_van_begroting(begroting_, map_)
    uitkomst = varieer(project.pilot, project.casussen, procent, begroting)
    from kostenbaten.api import zonder_eigen_mappen

    _lever(
        "gevoeligheid", uitkomst, formaat, xlsx, overschrijf, plek=project.regel, openbaar={"plek": zonder_eigen_mappen(project)},
        waarschuwingen=_waarschuwingen(project),
    )


def actoren(
    map_: MapArgument,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: WerkmapOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    begroting_: KostenBegrotingOptie = None,
):
    """Wie betaalt de kosten en wie wint de baten: per casus en geëxtrapoleerd, met de tweedeling van het rapport."""
    from kostenbaten.berekening.actoren import verdeel_over_actoren

    project, uitkomst = _bereken(map_, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    begroting = _kosten_van_begroting(begroting_, map_)
    _lever(
        "actoren", verdeel_over_actoren(uitkomst, begroting), formaat, xlsx, overschrijf, tabel={"pub": uitkomst.gepubliceerd}, waarschuwingen=_waarschuwingen(project)
    )


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
    begroting_: KostenBegrotingOptie = None,
):
    """Terugkerende baten over hun volle looptijd, met contante waarden, naast het jaarbeeld van het rapport."""
    from kostenbaten.berekening.meerjarig import meerjarig as reken_meerjarig

    from kostenbaten.api import discontovoet

    project = _laad(map_, prijspeil, prijsindex)
    voet, herkomst = discontovoet(None if disconto is None else _decimaal(disconto, "--disconto", "0", "100"), project.pilot.discontovoet)
    _mag_schrijven(xlsx, overschrijf)
    begroting = _kosten_van_begroting(begroting_, map_)
    uitkomst = reken_meerjarig(project.pilot, project.casussen, horizon, voet, herkomst, begroting)
    _lever("meerjarig", uitkomst, formaat, xlsx, overschrijf, waarschuwingen=_waarschuwingen(project))
