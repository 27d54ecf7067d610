"""Onzekerheid en varianten: `onzekerheid`, `waarde-informatie` en `vergelijk`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.fouten import Gebruiksfout, InvoerFouten
from kostenbaten.invoer.opties import geheel_getal
from kostenbaten.opdrachten.gedeeld import (
    Formaat,
    FormaatOptie,
    KostenBegrotingOptie,
    MapArgument,
    OverschrijfOptie,
    PrijsindexOptie,
    PrijspeilOptie,
    TrekkingenOptie,
    WerkmapOptie,
    ZaadOptie,
    _decimaal,
    _kosten_van_begroting,
    _laad,
    _lever,
    _mag_schrijven,
    _waarschuwingen,
)


OnzekerheidXlsxOptie = Annotated[
    Optional[Path],
    typer.Option("--xlsx", help="Schrijf de percentielen en histogrammen ook naar deze Excel-werkmap.", show_default=False),
]


def onzekerheid(
    pad: MapArgument,
    trekkingen: TrekkingenOptie = 100_000,
    zaad: ZaadOptie = 1,
    formaat: FormaatOptie = Formaat.tabel,
    xlsx: OnzekerheidXlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    begroting_: KostenBegrotingOptie = None,
):
    """Monte-Carlo over alle bereiken: 90%-intervallen (P5-P95) en de kans op een negatief totaal."""
    from kostenbaten.berekening.onzekerheid import simuleer

    project = _laad(pad, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    begroting = _kosten_van_begroting(begroting_, pad)
    uitkomst = simuleer(project.pilot, project.casussen, trekkingen, zaad, begroting=begroting)
    _lever("onzekerheid", uitkomst, formaat, xlsx, overschrijf, waarschuwingen=_waarschuwingen(project, trekkingen))


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
    begroting_: Annotated[
        Optional[Path],
        typer.Option(
            "--begroting",
            help="Begroting (YAML of ingevulde werkmap): het maatschappelijk saldo van elke kolom rekent met haar kosten "
            "(tenzij de registratie van die kolom uren per hulpvraag geeft); haar baten komen uit de eerste map.",
            show_default=False,
        ),
    ] = None,
):
    """Pilots en varianten naast elkaar: gemiddelde, extrapolaties, per actor betaalt / wint / saldo en, bij bereiken, het 90%-interval."""
    from kostenbaten.berekening.vergelijking import vergelijk as reken_vergelijking

    projecten, fouten = [], []
    for pad in paden:
        try:
            projecten.append(_laad(pad, prijspeil, prijsindex))
        except InvoerFouten as f:
            fouten += f.fouten
    begroting = None
    if paden:
        try:
            begroting = _kosten_van_begroting(begroting_, paden[0])
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        raise InvoerFouten(fouten)
    _mag_schrijven(xlsx, overschrijf)
    uitkomst = reken_vergelijking(projecten, trekkingen, zaad, begroting)
    _lever("vergelijking", uitkomst, formaat, xlsx, overschrijf, trekkingen=trekkingen, zaad=zaad)
