"""De use cases achter de opdrachtregel: laden (met prijspeil), waarschuwen, een begroting en het rapport doorrekenen.

Niets hier drukt iets af of kent typer: elke functie geeft gegevens terug (een project, een uitkomst,
'Let op'-teksten), en de opdrachten in `opdrachten/` tonen of schrijven ze. Een fout in de invoer komt
als `InvoerFouten` of `Gebruiksfout`; pas `cli._grens` maakt er een melding en een afsluitcode van.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kostenbaten.fouten import Gebruiksfout


@dataclass(frozen=True)
class Geladen:
    """Een project met wat de gebruiker vóór de uitkomst moet weten ('Let op: ...', in deze volgorde)."""

    project: object
    meldingen: tuple[str, ...] = ()


def laad(pad: Path, prijspeil: int | None = None, prijsindex: list[str] | None = None) -> Geladen:
    """Een casussenmap of een variant (ook een variant op een variant), met `prijspeil` omgerekend naar dat jaar."""
    from kostenbaten.invoer.project import laad as laad_project

    if prijspeil is None:
        if prijsindex:
            raise Gebruiksfout("--prijsindex hoort bij --prijspeil: geef ook het jaar waarnaar omgerekend wordt.")
        project = laad_project(pad)
        return Geladen(project, gelezen(project))
    from kostenbaten.berekening.prijspeil import omrekeningen
    from kostenbaten.invoer.prijspeil import PER_CATEGORIE, laad_op_prijspeil
    from kostenbaten.uitvoer.bestand import meld_invoer

    project = laad_op_prijspeil(pad, prijspeil, prijsindex)
    meldingen = list(gelezen(project))
    # --prijsindex is `per-categorie`, `BESTAND` of `categorie=BESTAND`: de bestanden zijn invoer.
    meld_invoer(*(w.split("=", 1)[-1] for w in prijsindex or () if w != PER_CATEGORIE))
    omgerekend = omrekeningen(project.pilot)
    if not omgerekend:
        wat = "rekent alleen de bedragen uit de casussen om" if project.pilot._casusomrekeningen else "verandert niets"
        meldingen.append(
            f"Let op: geen tarief of kengetal heeft een 'prijspeil' (het jaar van zijn bedrag), dus --prijspeil {prijspeil} "
            f"{wat}. Zet bij elk tarief en kengetal het jaar erbij, bijvoorbeeld 'prijspeil: 2022' (zie docs/formaat.md)."
        )
    for reeks in {i.reeks for i in omgerekend.values() if i.voorbeeld}:
        meldingen.append(f"Let op: de prijsindex '{reeks}' is een voorbeeldreeks, geen echte cijfers.")
    return Geladen(project, tuple(meldingen))


def gelezen(project) -> tuple[str, ...]:
    """Onthoudt de bestanden van het project (geen uitvoer mag er een van vervangen); geeft wat de map oversloeg."""
    from kostenbaten.uitvoer.bestand import meld_invoer

    if project is None:
        return ()
    bestanden = [b for b in project.bestanden.values() if b is not None]
    meld_invoer(project.map, *(b.pad for b in bestanden), *(p for b in bestanden for p in getattr(b, "bronnen", {}).values()))
    return tuple(
        f"Let op: {pad} is niet gelezen; een casussenmap leest alleen bestanden op .yaml of .yml."
        for pad in getattr(project, "overgeslagen", ())
    )


def waarschuwingen(project, trekkingen: int | None = None) -> tuple:
    """Waar het bewijs van een casussenmap dun is; met `trekkingen` ook een te kleine Monte-Carlo-steekproef."""
    from datetime import date

    from kostenbaten.berekening.aanpassingen import over_optimisme
    from kostenbaten.berekening.waarschuwingen import over_casussen, over_trekkingen

    return (
        tuple(project.meldingen)  # wat een casussenwerkmap anders las dan getypt
        + over_casussen(project.pilot, project.casussen)
        + over_optimisme(project.pilot, date.today())
        + (over_trekkingen(trekkingen) if trekkingen is not None else ())
    )


def begrotingwaarschuwingen(bron, uitkomst) -> tuple:
    """De begrote SJD-uren per hulpvraag tegen die van haar casussen (zonder casussen: niets te vergelijken)."""
    from kostenbaten.berekening.waarschuwingen import over_begroting

    if bron.project is None:
        return ()
    return over_begroting(bron.begroting, uitkomst.sjd_uren_per_week, bron.project.casussen)


def reken_begroting(invoer, horizon: int | None = None):
    """Rekent een geladen begroting door met de KBA van haar casussen; `horizon` vervangt die uit het bestand."""
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot

    project = invoer.project
    kba = bereken_pilot(project.pilot, project.casussen) if project is not None else None
    begroting = invoer.begroting if horizon is None else invoer.begroting.model_copy(update={"horizon": horizon})
    return bereken_begroting(begroting, kba)


# -- de kengetallenbank ---------------------------------------------------------

ACTIES = ("zoek", "toon", "controleer")


def kengetallen(actie: str | None, waarde: str | None, max_leeftijd: int):
    """Wat `kostenbaten kengetallen` levert: (analyse, uitkomst, context) of een `Gebruiksfout`."""
    from kostenbaten.berekening import kengetallen as bank_rekenen
    from kostenbaten.invoer.kengetallenbank import laad_bank

    bank, _ = laad_bank()
    if actie is None:
        return "kengetallen", tuple(bank.kengetallen.items()), {}
    if actie not in ACTIES:
        raise Gebruiksfout(f"kengetallen: onbekende actie '{actie}'; kies zoek WOORD, toon SLEUTEL of controleer MAP (of niets voor de hele bank).")
    if not waarde:
        wat = {"zoek": "een woord", "toon": "de sleutel van een kengetal", "controleer": "een casussenmap"}[actie]
        raise Gebruiksfout(f"kengetallen {actie}: geef {wat}, bijvoorbeeld: kostenbaten kengetallen {actie} {_voorbeeld(actie)}")
    if actie == "zoek":
        gevonden = bank_rekenen.zoek(bank, waarde)
        return "kengetallen", gevonden, {"titel": f"Kengetallen met '{waarde}'"}
    if actie == "toon":
        if waarde not in bank.kengetallen:
            from kostenbaten.fouten import bedoelt_u

            suggestie = bedoelt_u(waarde, bank.kengetallen)
            hint = f"; bedoelt u '{suggestie}'?" if suggestie else "; zoek er een met: kostenbaten kengetallen zoek WOORD"
            raise Gebruiksfout(f"kengetallen toon: de bank kent geen kengetal '{waarde}'{hint}")
        return "kengetallen", (waarde, bank.kengetallen[waarde]), {}
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.project import laad as laad_project

    project = laad_project(Path(waarde))
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    return "kengetallen", bank_rekenen.controleer(project, bank, uitkomst.casussen, max_leeftijd), {}


def _voorbeeld(actie: str) -> str:
    return {"zoek": "ontruiming", "toon": "deurwaarder_ontruiming", "controleer": "casussen/hengelo"}[actie]


def discontovoet(opgegeven=None, uit_pilot=None):
    """De discontovoet en zijn herkomst: --disconto, anders `discontovoet` uit pilot.yaml, anders de gedateerde standaard uit de bank."""
    from kostenbaten.invoer.kengetallenbank import laad_bank
    from kostenbaten.notatie import datum, getal_nl

    bank, _ = laad_bank()
    d = bank.parameters.discontovoet
    standaard = (
        f"standaarddiscontovoet {getal_nl(d.procent, 2)}%, geldig sinds {datum(d.geldig_vanaf)}; "
        f"bron: {d.bron.titel}, {d.bron.uitgever}, {d.bron.jaar}"
    )
    if opgegeven is not None:
        return opgegeven, f"opgegeven met --disconto; de {standaard}"
    if uit_pilot is not None:
        return uit_pilot, f"uit 'discontovoet' in pilot.yaml; de {standaard}"
    return d.procent, standaard


@dataclass(frozen=True)
class Rapport:
    """Alles wat het rapport toont: de uitkomst per analyse (sleutels als in het register) en de context van de secties."""

    uitkomsten: dict
    context: dict
    met_gepubliceerd: bool


def rapport(
    projecten: list,
    begroting: tuple | None = None,
    trekkingen: int = 100_000,
    zaad: int = 1,
    bibliotheek: str | None = None,
) -> Rapport:
    """Rekent elke analyse van het rapport door voor `projecten[0]`, met de rest ernaast (`--vergelijk`).

    `begroting` is (geladen begroting, haar uitkomst), gerekend met de casussen van het rapport zelf;
    `bibliotheek` is bij een variant de naam van de pilot eronder.
    """
    from kostenbaten.berekening.actoren import verdeel_over_actoren
    from kostenbaten.berekening.controle import controleer as controleer_cijfers
    from kostenbaten.berekening.gevoeligheid import gevoeligheid as varieer
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.berekening.onzekerheid import onzekere_invoer  # zonder numpy
    from kostenbaten.berekening.uitleg import uitleg as leg_uit

    project = projecten[0]
    # Zonder bereik of kans van slagen is elke trekking gelijk: dan geen Monte-Carlo en geen interval in de kernzin.
    bandbreedtes = bool(onzekere_invoer(project.pilot, project.casussen)) or any(c.kans is not None for c in project.casussen)
    kba = bereken_pilot(project.pilot, project.casussen)
    uitkomsten = {"kba": kba}
    if bandbreedtes:
        from kostenbaten.berekening.onzekerheid import simuleer

        uitkomsten["onzekerheid"] = simuleer(project.pilot, project.casussen, trekkingen, zaad)
    uitkomsten["actoren"] = verdeel_over_actoren(kba)
    from kostenbaten.berekening.kengetallen import controleer as controleer_bank
    from kostenbaten.invoer.kengetallenbank import laad_bank

    uitkomsten["kengetallen"] = controleer_bank(project, laad_bank()[0], kba.casussen)  # op welke kwaliteitsgraad de baten rusten
    if begroting is not None:
        uitkomsten["begroting"] = begroting[1]
    uitkomsten["gevoeligheid"] = varieer(project.pilot, project.casussen)
    if len(projecten) > 1:
        from kostenbaten.berekening.vergelijking import vergelijk as reken_vergelijking

        uitkomsten["vergelijking"] = reken_vergelijking(projecten, trekkingen, zaad)
    lijst = waarschuwingen(project, trekkingen if bandbreedtes else None)
    if begroting is not None:
        lijst += begrotingwaarschuwingen(*begroting)
    uitkomsten["waarschuwingen"] = lijst
    uitkomsten["uitleg"] = [leg_uit(kba, cijfer, zonder_eigen_mappen(project)) for cijfer in ("rapport", "gewogen")]
    # De gepubliceerde cijfers horen bij de casussenmap zelf, niet bij een variant erop.
    uitkomsten["controle"] = [] if project.is_variant else controleer_cijfers(kba)
    context = {"trekkingen": trekkingen, "zaad": zaad, "bandbreedtes": bandbreedtes, "pilot": kba.pilot, "kba": kba,
               "bibliotheek": bibliotheek if project.is_variant else None,
               "eigen_casussen": begroting[0].eigen_casussen if begroting is not None else None,
               "met_begroting": begroting is not None}
    return Rapport(uitkomsten, context, met_gepubliceerd=not project.is_variant)


def zonder_eigen_mappen(project):
    """`bestand:regel` voor een openbaar rapport: relatief aan de casussenmap (`casus-1.yaml:12`), anders alleen de naam."""
    from kostenbaten.model.bestandsnamen import openbare_plek

    def regel(wie, sleutelpad=()):
        return openbare_plek(project.regel(wie, sleutelpad), project.basismap)

    return regel
