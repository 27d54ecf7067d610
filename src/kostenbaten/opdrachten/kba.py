"""De kern: `bereken`, `controleer` en `uitleg`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.fouten import Afwijking, Gebruiksfout
from kostenbaten.opdrachten.gedeeld import (
    Formaat,
    FormaatOptie,
    KostenBegrotingOptie,
    MapArgument,
    OverschrijfOptie,
    PrijsindexOptie,
    PrijspeilOptie,
    XlsxOptie,
    _bereken,
    _kosten_van_begroting,
    _laad,
    _lever,
    _mag_schrijven,
    _waarschuwingen,
)


def bereken(
    map_: MapArgument,
    formaat: FormaatOptie = Formaat.tabel,
    per_casus: Annotated[bool, typer.Option("--per-casus", help="Toon na de samenvatting ook per casus de kosten en baten, zoals in het rapport.")] = False,
    xlsx: XlsxOptie = None,
    overschrijf: OverschrijfOptie = False,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    begroting_: KostenBegrotingOptie = None,
):
    """Reken de kosten en baten van alle casussen en de extrapolatie van een pilot door."""
    project = _laad(map_, prijspeil, prijsindex)
    _mag_schrijven(xlsx, overschrijf)
    from kostenbaten.berekening.kba import bereken_pilot

    from kostenbaten.berekening.saldo import bereken_saldo

    begroting = _kosten_van_begroting(begroting_, map_)
    uitkomst = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)
    _lever(
        "kba", uitkomst, formaat, xlsx, overschrijf, tabel={"per_casus": per_casus}, waarschuwingen=_waarschuwingen(project),
        saldo=bereken_saldo(uitkomst, begroting=begroting),
    )


def controleer(map_: MapArgument, formaat: FormaatOptie = Formaat.tabel):
    """Reken elk gepubliceerd cijfer na; een onverklaarde afwijking geeft afsluitcode 1."""
    from kostenbaten.berekening.controle import controleer as controleer_cijfers

    project = _laad(map_)
    if project.is_variant:
        # Een variant heeft geen eigen gepubliceerde cijfers: die van de casussenmap eronder worden nagerekend.
        melding = f"{map_} is een variant zonder eigen gepubliceerde cijfers; nagerekend zijn die van de basis {project.basismap}."
        typer.echo(melding, err=formaat is Formaat.json)
        project = _laad(project.basismap)
    from kostenbaten.berekening.kba import bereken_pilot

    uitkomst = bereken_pilot(project.pilot, project.casussen)
    controles = controleer_cijfers(uitkomst)
    if not controles and formaat is Formaat.tabel:
        waar = "geen blad Gepubliceerd" if Path(project.map).suffix.lower() == ".xlsx" else "geen 'gepubliceerd'-blok"
        typer.echo(f"Niets na te rekenen: {map_} heeft {waar} met cijfers uit een rapport.")
        return
    _lever("controle", controles, formaat, tabel={"kba": uitkomst})
    if any(c.is_fout for c in controles):
        raise Afwijking()

def uitleg(
    map_: MapArgument,
    cijfer: Annotated[
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
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
):
    """Leg een cijfer uit: elke rekenstap terug tot de invoerregels en de bronnen van de kengetallen."""
    from kostenbaten.berekening.uitleg import OnbekendCijfer, overzicht
    from kostenbaten.berekening.uitleg import uitleg as leg_uit

    from kostenbaten.api import zonder_eigen_mappen

    project, uitkomst = _bereken(map_, prijspeil, prijsindex)
    # In de terminal de plek zoals gegeven; een JSON-document noemt de invoer relatief aan de casussenmap.
    waar = project.regel if formaat is Formaat.tabel else zonder_eigen_mappen(project)
    if cijfer is None:
        _lever("cijfers", overzicht(uitkomst, waar), formaat)
        return
    try:
        uitleg_ = leg_uit(uitkomst, cijfer, waar)
    except OnbekendCijfer as fout:
        raise Gebruiksfout(f"{fout}. De hele lijst, met wat elk cijfer is: kostenbaten uitleg {map_}") from None
    _lever("uitleg", uitleg_, formaat, diepte=diepte)
