"""De opdrachtregel: de app, de foutgrens en welke opdrachten er zijn; de opdrachten zelf staan in `opdrachten/`.

Elke opdracht laadt de invoer, rekent en levert de uitkomst, verder niets. Fouten worden
niet per opdracht afgevangen: `_grens` is de enige plek die een fout naar een melding en
een afsluitcode vertaalt (1 afwijking, 2 invoer, 3 intern, 130 onderbroken). Welke module een uitkomst toont of schrijft, weet het register
(`uitvoer/register.py`); zware bibliotheken laden pas in die modules.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from typer.core import TyperGroup

import kostenbaten
from kostenbaten.fouten import (
    EXIT_AFWIJKING,
    EXIT_INTERNE_FOUT,
    EXIT_INVOERFOUT,
    EXIT_ONDERBROKEN,
    Afwijking,
    Gebruiksfout,
    InvoerFouten,
)
from kostenbaten.vertaling import NederlandseHulp, Opdracht, Opdrachtenlijst, gebruiksfout


EXIT_GEBROKEN_PIJP = 141  # 128 + SIGPIPE, zoals de shell het noemt


class _Onderbroken(Exception):
    """Ctrl-C of een stopsignaal, langs typer heen (dat maakt van KeyboardInterrupt stil een code 130)."""


class _GebrokenPijp(Exception):
    """De uitvoer ging naar een programma dat al gestopt is (`| head`), langs typer heen (dat geeft code 1)."""


class _Stopsignaal(KeyboardInterrupt):
    """SIGTERM of SIGHUP (terminal gesloten): afgehandeld als Ctrl-C, zodat tijdelijke bestanden verdwijnen."""


def _stopsignalen() -> None:
    """SIGTERM en SIGHUP worden een onderbreking: de `finally` van elk schrijven ruimt dan zijn tijdelijke bestanden op."""
    import signal

    def stop(nummer, _frame):
        raise _Stopsignaal(signal.Signals(nummer).name)

    for naam in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, naam):
            signal.signal(getattr(signal, naam), stop)


def _stil_na_gebroken_pijp() -> None:
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _onderbroken() -> None:
    """'Onderbroken.' en wat er tot dan wel geschreven is (een half bestand of een halve map blijft nooit achter)."""
    from kostenbaten.uitvoer.bestand import GESCHREVEN

    print("Onderbroken.", file=sys.stderr)
    if GESCHREVEN:
        for pad in GESCHREVEN:
            print(f"Wel geschreven vóór de onderbreking: {pad}", file=sys.stderr)
    else:
        print("Er is niets geschreven.", file=sys.stderr)


def _grens(roep) -> None:
    """De foutgrens van het programma: Nederlandse meldingen, een afsluitcode en nooit een traceback."""
    from typer.exceptions import TyperException

    from kostenbaten.notatie import zichtbaar  # tekst uit een bestand (of een bestandsnaam) nooit rauw naar de terminal

    try:
        code = roep()
    except InvoerFouten as fouten:
        # Eén fout per regel, onafgebroken (editors en grep vinden zo de plek).
        for fout in fouten.fouten:
            print(zichtbaar(str(fout)), file=sys.stderr)
        print(f"{len(fouten.fouten)} {fouten.slotregel}", file=sys.stderr)
        code = EXIT_INVOERFOUT
    except Gebruiksfout as fout:
        print(zichtbaar(f"Fout: {fout}"), file=sys.stderr)
        code = EXIT_INVOERFOUT
    except Afwijking:
        code = EXIT_AFWIJKING
    except (KeyboardInterrupt, typer.Abort, _Onderbroken):
        _onderbroken()
        code = EXIT_ONDERBROKEN
    except (BrokenPipeError, _GebrokenPijp):
        _stil_na_gebroken_pijp()
        code = EXIT_GEBROKEN_PIJP
    except TyperException as fout:
        if type(fout).__name__ == "NoArgsIsHelpError":
            # `kostenbaten` zonder opdracht: de hulptekst, geen foutmelding.
            print(fout.format_message())
        else:
            print(gebruiksfout(fout), file=sys.stderr)
        code = fout.exit_code
    except Exception as fout:  # noqa: BLE001 - laatste vangnet voor de gebruiker
        print(
            zichtbaar(f"Interne fout in kostenbaten ({type(fout).__name__}: {fout}). "
                      "Dit is geen fout in uw invoer; meld het met de gebruikte bestanden."),
            file=sys.stderr,
        )
        code = EXIT_INTERNE_FOUT
    try:
        sys.stdout.flush()  # een gebroken pijp kan pas hier blijken
    except BrokenPipeError:
        _stil_na_gebroken_pijp()
        code = EXIT_GEBROKEN_PIJP
    except (OSError, ValueError):
        pass
    sys.exit(code if isinstance(code, int) else 0)


class _Groep(NederlandseHulp, Opdrachtenlijst, TyperGroup):
    def main(self, args=None, prog_name=None, **extra):
        from kostenbaten.uitvoer.bestand import begin_opdracht

        begin_opdracht()
        extra["standalone_mode"] = False
        _grens(lambda: super(_Groep, self).main(args, prog_name, **extra))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as fout:
            raise _Onderbroken() from fout
        except BrokenPipeError as fout:
            raise _GebrokenPijp() from fout
        except SystemExit as fout:
            # rich stopt na een gebroken pijp zelf met code 1; die code is hier voor een afwijking.
            if isinstance(fout.__context__, BrokenPipeError):
                raise _GebrokenPijp() from fout
            raise


def main() -> None:
    """Startpunt van het programma."""
    import atexit
    import gc
    import os

    # Een casussenmap wordt duizenden kleine objecten die tot het einde blijven leven; de standaarddrempel
    # van de garbage collector (700) doorzoekt ze steeds opnieuw. Kringen maakt het programma nauwelijks.
    gc.set_threshold(10_000, 10, 10)
    # Bij het afsluiten doorzoekt Python nog eens alle objecten op kringen (bij `bereken` zo'n 30 à 40 ms, ruim
    # een tiende van de looptijd), terwijl het proces zijn geheugen daarna toch teruggeeft. Bevroren objecten
    # slaat dat over; al het andere (bestanden sluiten, atexit) gebeurt gewoon. Uitvoer is dan al geschreven.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    kostenbaten.EEN_OPDRACHT = True  # het lezen van een map mag de gelezen objecten bevriezen (invoer/casussen.py)
    # kostenbaten gebruikt geen pydantic-plugins; zonder deze vlag doorzoekt pydantic bij het eerste
    # model alle geïnstalleerde pakketten naar plugins, wat de opstart merkbaar vertraagt.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _stopsignalen()
    _grens(lambda: _voor_opdracht(sys.argv[1:2])(prog_name="kostenbaten"))


def _voor_opdracht(eerste: list[str]) -> typer.Typer:
    """De app met alleen de gevraagde opdracht: typer zet anders elke opdracht met al haar opties om.

    Zonder opdracht, met een groepsoptie (`--help`, `--versie`) of een onbekend woord blijven alle
    opdrachten staan, zodat de hulptekst en de suggestie bij een tikfout alles kennen.
    """
    import copy

    gevraagd = [c for c in app.registered_commands if eerste and _opdrachtnaam(c) == eerste[0]]
    if not gevraagd:
        return app
    alleen = copy.copy(app)
    alleen.registered_commands = gevraagd
    return alleen


def _opdrachtnaam(info) -> str:
    return info.name or info.callback.__name__.lower().replace("_", "-")


app = typer.Typer(
    cls=_Groep,
    name="kostenbaten",
    help="Kosten en baten van sociaal-juridische hulp in de bibliotheek, exact doorgerekend.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _versie(waarde: bool) -> None:
    if waarde:
        from kostenbaten import __version__

        typer.echo(f"kostenbaten {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: Annotated[
        bool, typer.Option("--versie", help="Toon de versie en stop.", callback=_versie, is_eager=True)
    ] = False,
) -> None:
    """Kosten en baten van sociaal-juridische hulp in de bibliotheek, exact doorgerekend."""




# De opdrachten, in de volgorde van de hulptekst. Elke groep is een module in `opdrachten/`;
# een nieuwe opdracht is een functie in zo'n module plus een regel hier.
from kostenbaten.opdrachten import analyse, begroting, kba, onzekerheid, overig, rapport, registratie, werkmappen  # noqa: E402

OPDRACHTEN = (
    kba.bereken,
    kba.controleer,
    overig.kengetallen,
    overig.nieuw,
    registratie.registratie,
    registratie.monitor,
    registratie.steekproef,
    registratie.uitkomsten,
    kba.uitleg,
    analyse.gevoeligheid,
    analyse.actoren,
    analyse.meerjarig,
    begroting.begroting,
    werkmappen.sjabloon,
    werkmappen.omzetten,
    onzekerheid.onzekerheid,
    onzekerheid.waarde_informatie,
    onzekerheid.vergelijk,
    overig.schema,
    rapport.rapport,
)
for _opdracht in OPDRACHTEN:
    app.command(cls=Opdracht, name=_opdracht.__name__.replace("_", "-"))(_opdracht)
