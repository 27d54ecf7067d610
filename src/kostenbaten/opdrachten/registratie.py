"""De eigen vraagregistratie: `registratie` en `monitor`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.fouten import Gebruiksfout
from kostenbaten.opdrachten.gedeeld import (
    Formaat,
    FormaatOptie,
    MapArgument,
    OverschrijfOptie,
    PrijsindexOptie,
    PrijspeilOptie,
    _laad,
    _lever,
    _mag_schrijven,
    _matplotlib_buiten_home,
    _meld,
    _voortgang,
)


def registratie(
    export: Annotated[
        Path, typer.Argument(help="Export van de vraagregistratie: CSV (puntkomma of komma) of .xlsx, één regel per hulpvraag.", show_default=False, metavar="EXPORT")
    ],
    koppeling: Annotated[
        Optional[Path],
        typer.Option(
            "--koppeling",
            help="Koppeling van kolommen en onderwerpen (YAML). Standaard: koppeling.yaml naast de export, "
            "anders MAP/registratie/koppeling.yaml, anders de standaardkoppeling van `nieuw`.",
            show_default=False,
        ),
    ] = None,
    casussen: Annotated[
        Optional[Path],
        typer.Option(
            "--casussen",
            help="Casussenmap (of variant) waarvoor geteld wordt; standaard de map van de export of de map daarboven, als daar pilot.yaml staat.",
            show_default=False,
            metavar="MAP",
        ),
    ] = None,
    variant: Annotated[
        Optional[Path],
        typer.Option("--variant", help="Schrijf een variant met deze hulpvragen en aandelen op de casussenmap.", show_default=False),
    ] = None,
    formaat: FormaatOptie = Formaat.tabel,
    overschrijf: OverschrijfOptie = False,
    blad: Annotated[
        Optional[str], typer.Option("--blad", help="Het blad van een werkmap dat telt; standaard het actieve zichtbare blad.", show_default=False)
    ] = None,
):
    """Tel de eigen vraagregistratie: hulpvragen en aandeel per rechtsgebied, doorverwijzing en uren; met --variant voor elke opdracht."""
    from kostenbaten.berekening.registratie import tel_registratie
    from kostenbaten.invoer.registratie import laad_registratie, standaardkoppeling, zoek_casussen, zoek_koppeling

    map_ = casussen or zoek_casussen(export)
    if variant is not None and map_ is None:
        raise Gebruiksfout("--variant: geef met --casussen de casussenmap waarop de variant voortbouwt.")
    project = _laad(map_) if map_ is not None else None
    namen = {k: g.naam for k, g in project.pilot.rechtsgebieden.items()} if project else None
    koppelingpad = koppeling or zoek_koppeling(export, map_)
    with _voortgang(export) as voortgang:
        bestand, regels = laad_registratie(export, koppelingpad, namen, str(map_), blad, voortgang)
    from kostenbaten.uitvoer.bestand import controleer_variantdoel, meld_invoer

    meld_invoer(export, koppelingpad)
    if variant is not None:
        controleer_variantdoel(variant, project.basismap)
    _mag_schrijven(variant, overschrijf)
    uitkomst = tel_registratie(bestand, regels, str(koppelingpad), namen, koppelingpad == standaardkoppeling())
    if variant is not None:
        # Eerst schrijven: een verslag dat naar `| head` gaat, kost zo niet de variant.
        from kostenbaten.uitvoer.variant import schrijf_variant, variant_tekst, zonder_casus

        gedekt = {c.rechtsgebied for c in project.casussen}
        schrijf_variant(variant_tekst(uitkomst, project.pilot.naam, namen, gedekt, map_, variant), variant, overschrijf)
    _lever("registratie", uitkomst, formaat)
    if variant is not None:
        typer.echo(f"Geschreven: {variant}", err=True)
        for a in zonder_casus(uitkomst, gedekt):
            _meld(f"Let op: {a.naam} ({a.aantal} van {a.van} hulpvragen) heeft nog geen casus in {map_}; in de variant is het aandeel 0 tot er een casus is.")


class Per(str, Enum):
    maand = "maand"
    kwartaal = "kwartaal"
    jaar = "jaar"


def monitor(
    exports: Annotated[
        list[Path], typer.Argument(help="Een of meer exports van de vraagregistratie (CSV of .xlsx), van een of meer bibliotheken.", show_default=False, metavar="EXPORT...")
    ],
    per: Annotated[Per, typer.Option("--per", help="Tel per maand, kwartaal of jaar.")] = Per.kwartaal,
    bibliotheek: Annotated[
        Optional[list[str]],
        typer.Option("--bibliotheek", help="Naam van de bibliotheek per export, in dezelfde volgorde (één keer: voor alle). "
                     "Standaard de naam uit de casussenmap bij de export, anders de naam van de export.", show_default=False),
    ] = None,
    koppeling: Annotated[
        Optional[list[Path]],
        typer.Option("--koppeling", help="Koppeling per export, in dezelfde volgorde (één keer: voor alle); standaard zoals bij `registratie`.", show_default=False),
    ] = None,
    kaart: Annotated[
        Optional[Path],
        typer.Option("--kaart", help="Uitkomstenkaart (monitor.yaml); standaard MAP/registratie/monitor.yaml van de casussenmap bij de eerste export, als die er is.", show_default=False),
    ] = None,
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx", help="Schrijf de monitor ook als werkmap (één blad per overzicht).", show_default=False)] = None,
    uit: Annotated[Optional[Path], typer.Option("-o", "--uitvoer", help="Schrijf de monitor ook als infographic: monitor.html of monitor.pdf.", show_default=False)] = None,
    formaat: FormaatOptie = Formaat.tabel,
    overschrijf: OverschrijfOptie = False,
):
    """Volg het spreekuur over de tijd en tussen bibliotheken: per periode hulpvragen, onderwerpen, doelgroepen, doorverwijzingen, opgelost, uren, tevredenheid, met de uitkomstenkaart."""
    from kostenbaten.invoer.monitor import laad_monitor

    if uit is not None:
        from kostenbaten.uitvoer.rapport.monitor import controleer_formaat, schrijf as schrijf_infographic

        controleer_formaat(uit)
        _matplotlib_buiten_home()
    _mag_schrijven(xlsx, overschrijf)
    _mag_schrijven(uit, overschrijf)
    uitkomst = laad_monitor(exports, per.value, bibliotheek or [], koppeling or [], kaart, _laad, _voortgang)
    _lever("monitor", uitkomst, formaat, xlsx, overschrijf)
    if uit is not None:
        schrijf_infographic(uitkomst, uit, overschrijf, "kostenbaten monitor: " + ", ".join(b.naam for b in uitkomst.bibliotheken))
        typer.echo(f"Geschreven: {uit}", err=True)


def steekproef(
    export: Annotated[
        Path, typer.Argument(help="Export van de vraagregistratie (CSV of .xlsx), één regel per hulpvraag.", show_default=False, metavar="REGISTRATIE")
    ],
    n: Annotated[int, typer.Option("--n", min=1, help="Aantal hulpvragen in de steekproef.", show_default=False)],
    zaad: Annotated[int, typer.Option("--zaad", min=0, help="Startwaarde van de toevalsgenerator: hetzelfde zaad geeft dezelfde steekproef.")] = 1,
    uit: Annotated[
        Optional[Path], typer.Option("-o", "--uit", help="Schrijf de lijst als .csv (puntkomma) of .xlsx.", show_default=False)
    ] = None,
    koppeling: Annotated[
        Optional[Path], typer.Option("--koppeling", help="Koppeling van kolommen en onderwerpen; standaard zoals bij `registratie`.", show_default=False)
    ] = None,
    casussen: Annotated[
        Optional[Path], typer.Option("--casussen", help="Casussenmap voor de namen en volgorde van de rechtsgebieden; standaard zoals bij `registratie`.", show_default=False, metavar="MAP")
    ] = None,
    blad: Annotated[Optional[str], typer.Option("--blad", help="Het blad van een werkmap; standaard het actieve zichtbare blad.", show_default=False)] = None,
    formaat: FormaatOptie = Formaat.tabel,
    overschrijf: OverschrijfOptie = False,
):
    """Trek een aselecte steekproef van hulpvragen, per rechtsgebied naar aandeel, als lijst om casussen uit te schrijven."""
    from kostenbaten.api import maak_steekproef
    from kostenbaten.invoer.registratie import zoek_casussen, zoek_koppeling

    if uit is not None and uit.suffix.lower() not in (".csv", ".xlsx"):
        raise Gebruiksfout(f"-o: de lijst eindigt op .csv of .xlsx, niet '{uit.suffix}'.")
    map_ = casussen or zoek_casussen(export)
    project = _laad(map_) if map_ is not None else None
    namen = {k: g.naam for k, g in project.pilot.rechtsgebieden.items()} if project else None
    koppelingpad = koppeling or zoek_koppeling(export, map_)
    from kostenbaten.uitvoer.bestand import meld_invoer

    meld_invoer(export, koppelingpad)
    _mag_schrijven(uit, overschrijf)
    uitkomst = maak_steekproef(export, koppelingpad, n, zaad, namen, str(map_), blad)
    if uit is not None:
        from kostenbaten.uitvoer.steekproeflijst import schrijf_lijst

        schrijf_lijst(uitkomst, uit, overschrijf)
    _lever("steekproef", uitkomst, formaat, **({"lijst": str(uit)} if uit is not None and formaat is Formaat.tabel else {}))
    if uit is not None:
        typer.echo(f"Geschreven: {uit}", err=True)


def uitkomsten(
    map_: MapArgument,
    bron: Annotated[
        Path, typer.Argument(help="Export van de registratie met een kolom uitkomstcodes (CSV of .xlsx), of een tabel met getelde uitkomsten (.yaml).", show_default=False, metavar="EXPORT")
    ],
    kaart: Annotated[Optional[Path], typer.Option("--kaart", help="De waardekaart; standaard MAP/registratie/uitkomsten.yaml.", show_default=False)] = None,
    koppeling: Annotated[
        Optional[Path], typer.Option("--koppeling", help="Koppeling van kolommen en onderwerpen; standaard zoals bij `registratie`.", show_default=False)
    ] = None,
    blad: Annotated[Optional[str], typer.Option("--blad", help="Het blad van een werkmap; standaard het actieve zichtbare blad.", show_default=False)] = None,
    prijspeil: PrijspeilOptie = None,
    prijsindex: PrijsindexOptie = None,
    formaat: FormaatOptie = Formaat.tabel,
):
    """Waardeer getelde uitkomsten met de waardekaart: per rechtsgebied en per actor, het maatschappelijk saldo en de verdelingstabel."""
    from kostenbaten.api import waardeer_uitkomsten
    from kostenbaten.invoer.registratie import zoek_koppeling
    from kostenbaten.invoer.uitkomsten import WAARDEKAART

    project = _laad(map_, prijspeil, prijsindex)
    koppelingpad = koppeling or zoek_koppeling(bron, project.basismap)
    uitkomst = waardeer_uitkomsten(project, bron, koppelingpad, kaart or project.basismap / WAARDEKAART, blad, prijspeil, prijsindex)
    _lever("uitkomsten", uitkomst, formaat)
