"""Beginnen en naslaan: `kengetallen`, `nieuw` en `schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kostenbaten.invoer.opties import geheel_getal
from kostenbaten.opdrachten.gedeeld import Formaat, FormaatOptie, OverschrijfOptie, _lever


def kengetallen(
    actie: Annotated[
        Optional[str], typer.Argument(help="Leeg: de hele bank; 'zoek WOORD', 'toon SLEUTEL' of 'controleer MAP'.", show_default=False, metavar="ACTIE")
    ] = None,
    waarde: Annotated[Optional[str], typer.Argument(help="Het woord, de sleutel of de casussenmap.", show_default=False, metavar="WAARDE")] = None,
    max_leeftijd: Annotated[
        int, typer.Option("--max-leeftijd", parser=geheel_getal(0, 200), metavar="JAREN", help="Bij controleer: een prijspeil ouder dan dit (in jaren voor het eind van de pilot) heet verouderd.")
    ] = 10,
    formaat: FormaatOptie = Formaat.tabel,
):
    """De kengetallenbank: eenheidsbedragen met bron, prijspeil en kwaliteitsgraad (zie docs/kengetallen.md)."""
    from kostenbaten import api

    analyse, uitkomst, context = api.kengetallen(actie, waarde, max_leeftijd)
    _lever(analyse, uitkomst, formaat, **context)


def nieuw(
    map_: Annotated[Path, typer.Argument(help="De nieuwe casussenmap, bijvoorbeeld casussen/mijnstad.", show_default=False, metavar="MAP")],
    naam: Annotated[Optional[str], typer.Option("--naam", help="Naam van de pilot (standaard: de naam van de map).", show_default=False)] = None,
    overschrijf: OverschrijfOptie = False,
    rechtsgebied: Annotated[
        Optional[list[str]],
        typer.Option("--rechtsgebied", help="Een eigen rechtsgebied, bijvoorbeeld \"Wonen en huur\"; herhaal de optie voor meer. Standaard: die van Hengelo.", show_default=False),
    ] = None,
    betaler: Annotated[
        Optional[list[str]],
        typer.Option("--betaler", help="Wie de tarieven betaalt (een actor, bijvoorbeeld gemeente), of één tarief: sjd=gemeente. Standaard: rijk.", show_default=False),
    ] = None,
):
    """Begin een eigen casussenmap: pilot.yaml met startwaarden, een voorbeeldcasus en de koppeling voor registratie."""
    from kostenbaten.model.casus import STANDAARD_ACTOREN
    from kostenbaten.uitvoer.nieuw import betalers_uit, rechtsgebieden_uit, schrijf_nieuwe_map

    paden = schrijf_nieuwe_map(map_, naam, overschrijf, rechtsgebieden_uit(rechtsgebied), betalers_uit(betaler, STANDAARD_ACTOREN))
    for pad in paden:
        typer.echo(f"Geschreven: {pad}", err=True)
    koppeling = map_ / "registratie" / "koppeling.yaml"
    typer.echo(
        f"""Volgende stappen:
  1. Zet de export van uw vraagregistratie om in hulpvragen en aandelen per
     rechtsgebied (pas eerst de kolommen en onderwerpen aan in
     {koppeling}):
       kostenbaten registratie EXPORT.csv --casussen {map_} --variant {map_}-eigen.yaml
  2. Vervang casus-1.yaml door een eigen uitgewerkte casus, één bestand per
     casus, en vervang in {map_ / "pilot.yaml"} de startwaarden door eigen cijfers.
  3. Reken door: de map zelf, en met uw eigen aantallen de variant uit stap 1:
       kostenbaten bereken {map_}
       kostenbaten bereken {map_}-eigen.yaml
       kostenbaten onzekerheid {map_}-eigen.yaml"""
    )

def schema(
    map_: Annotated[
        Path, typer.Argument(help="Map voor de schema's; wordt aangemaakt als hij niet bestaat.", metavar="MAP")
    ] = Path("schema"),
    overschrijf: OverschrijfOptie = False,
):
    """Schrijf JSON Schema's van de invoerformaten (pilot, casus, variant, ...) voor editors met YAML-ondersteuning."""
    from kostenbaten.uitvoer.bestand import schrijf_map_atomair
    from kostenbaten.uitvoer.schema import schemas

    # Alle schema's samen, of geen: eerst in een tijdelijke map, dan op hun plaats.
    schrijvers = {naam: (lambda doel, tekst=tekst: doel.write_text(tekst, encoding="utf-8")) for naam, tekst in schemas().items()}
    for pad in schrijf_map_atomair(map_, schrijvers, overschrijf):
        typer.echo(f"Geschreven: {pad}", err=True)
