"""De Engelse teksten van typer en click in het Nederlands: hulpteksten en fouten in de aanroep."""

from __future__ import annotations

import re

from typer.core import TyperCommand

# De hulptekst komt van typer/click en is Engels; de vaste woorden daarin worden vertaald.
_HULPWOORDEN = (
    ("Usage:", "Gebruik:"),
    ("[OPTIONS]", "[OPTIES]"),
    ("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]..."),
    ("Arguments:", "Argumenten:"),
    ("Options:", "Opties:"),
    ("Commands:", "Opdrachten:"),
    ("Show this message and exit.", "Toon deze hulptekst en stop."),
    ("[required]", "[verplicht]"),
    ("[default:", "[standaard:"),
    ("<list[Path]>", "<paden>"),
    ("<int range>", "<getal>"),
    ("<path>", "<pad>"),
    ("<int>", "<getal>"),
    ("<str>", "<tekst>"),
)


def _nederlandse_hulp(tekst: str) -> str:
    """Vertaalt de vaste woorden; een kortere of langere vertaling eet of geeft spaties erna, zodat kolommen blijven staan."""
    def vervang(m, engels: str, nederlands: str) -> str:
        ruimte = len(m.group(1))
        if ruimte >= 2:  # uitlijning van een kolom: de totale breedte blijft gelijk
            ruimte = max(len(engels) + ruimte - len(nederlands), 2)
        return nederlands + " " * ruimte

    for engels, nederlands in _HULPWOORDEN:
        tekst = re.sub(re.escape(engels) + r"( *)", lambda m, e=engels, n=nederlands: vervang(m, e, n), tekst)
    return tekst


class NederlandseHulp:
    def get_help(self, ctx) -> str:
        return _nederlandse_hulp(super().get_help(ctx))


class Opdracht(NederlandseHulp, TyperCommand):
    pass


class Opdrachtenlijst:
    """Voor de groep: `--help` noemt bij elke opdracht haar hele eerste zin, over meer regels als dat moet.

    click kapt die zin anders af op de breedte die overblijft (`Reken de kosten en baten van ...`).
    """

    def format_commands(self, ctx, formatter) -> None:
        rijen = []
        for naam in self.list_commands(ctx):
            opdracht = self.get_command(ctx, naam)
            if opdracht is not None and not opdracht.hidden:
                rijen.append((naam, opdracht.get_short_help_str(limit=1000)))
        if rijen:
            with formatter.section("Commands"):  # wordt "Opdrachten", zoals de rest van de hulptekst
                formatter.write_dl(rijen)


# Meldingen van de opdrachtregel-bibliotheek zelf (Engels), met hun Nederlandse vorm.
_GEBRUIKSFOUTEN = (
    (r"Missing argument '(.+)'\.", "argument {0} ontbreekt"),
    (r"Missing option '(.+?)' / '(.+)'\.", "optie {0} (of {1}) ontbreekt"),
    (r"Missing option '(.+)'\.", "optie {0} ontbreekt"),
    (r"No such option: (\S+?)(?: \(Possible options: (.+)\))?$", "onbekende optie {0}"),
    (r"No such command '(.+)'\.", "onbekende opdracht '{0}'"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((.+)\)", "onverwacht extra argument: {0}"),
    (r"Option '(.+)' requires an argument\.", "optie {0} heeft een waarde nodig"),
    (r"Invalid value for (.+?): (?:Value error, )?'(.+)' is not one of (.+)\.", "ongeldige waarde voor {0}: '{1}'; kies uit {2}"),
    (r"Invalid value for (.+?): (?:Value error, )?(.+)", "ongeldige waarde voor {0}: {1}"),
)

# De uitleg achter "Invalid value" komt van de typecontrole (Engels); de bekendste in het Nederlands.
_WAARDEFOUTEN = (
    (r"Input should be greater than or equal to (\S+)", "moet minstens {0} zijn"),
    (r"Input should be less than or equal to (\S+)", "mag hoogstens {0} zijn"),
    (r"Input should be greater than (\S+)", "moet groter dan {0} zijn"),
    (r"Input should be a valid integer.*", "moet een geheel getal zijn"),
    (r"Input should be a valid number.*", "moet een getal zijn"),
    (r"(?:path|file|directory) ['\"](.+)['\"] is not readable\.", "'{0}' is niet leesbaar (geen leesrechten); geef leesrechten of kies een andere map"),
)


def _vertaal_waardefout(tekst: str) -> str:
    for patroon, nederlands in _WAARDEFOUTEN:
        gevonden = re.fullmatch(patroon, tekst.strip(), flags=re.IGNORECASE)
        if gevonden:
            return nederlands.format(*gevonden.groups())
    return tekst


def gebruiksfout(fout) -> str:
    """Een fout in de aanroep (ontbrekend argument, onbekende optie) in het Nederlands."""
    engels = fout.format_message()
    for patroon, nederlands in _GEBRUIKSFOUTEN:
        gevonden = re.match(patroon, engels)
        if gevonden:
            delen = [_vertaal_waardefout(d) if d else d for d in gevonden.groups()]
            tekst = nederlands.format(*delen)
            break
    else:
        tekst = engels
    ctx = getattr(fout, "ctx", None)
    naam = ctx.command.name if ctx is not None else None
    vervallen = _VERVALLEN.get((naam, getattr(fout, "option_name", None)))
    groepsoptie = _groepsoptie(fout, ctx)
    if vervallen:
        tekst += f": die optie is vervallen; {vervallen}"
    elif groepsoptie:
        tekst += f"; {groepsoptie} hoort bij kostenbaten zelf, vóór de opdracht: kostenbaten {groepsoptie}"
    elif suggestie := _suggestie(fout, ctx):
        tekst += f"; bedoelt u '{suggestie}'?"
    opdracht = ctx.command_path if ctx is not None else "kostenbaten"
    return f"Fout: {tekst}\nZie '{opdracht} --help' voor uitleg."


# Opties die er waren en niet meer zijn, met wat er nu voor in de plaats komt (zie de wijzigingen in de README).
_VERVALLEN = {
    ("bereken", "--samenvatting"): "bereken toont de samenvatting nu standaard, en met --per-casus ook elke casus",
}


def _groepsoptie(fout, ctx) -> str | None:
    """Een optie van kostenbaten zelf (`--versie`) achter een opdracht gezet."""
    naam = getattr(fout, "option_name", None)
    ouder = ctx.parent if ctx is not None else None
    if naam is None or ouder is None:
        return None
    return naam if any(naam in p.opts for p in ouder.command.get_params(ouder)) else None


def _suggestie(fout, ctx) -> str | None:
    """Bij een onbekende opdracht of optie de bekende die er het meest op lijkt."""
    from kostenbaten.fouten import bedoelt_u

    if ctx is None:
        return None
    naam = getattr(fout, "option_name", None)
    if naam is not None:  # onbekende optie; vergeleken zonder de streepjes, die lijken altijd op elkaar
        opties = {o.lstrip("-"): o for p in ctx.command.get_params(ctx) for o in p.opts if o.startswith("--")}
        gevonden = bedoelt_u(naam.lstrip("-"), opties)
        return opties[gevonden] if gevonden else None
    gevonden = re.match(r"No such command '(.+)'\.", fout.format_message())
    if gevonden and hasattr(ctx.command, "list_commands"):
        return bedoelt_u(gevonden.group(1), ctx.command.list_commands(ctx))
    return None
