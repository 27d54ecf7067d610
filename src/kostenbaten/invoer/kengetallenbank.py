"""De meegeleverde kengetallenbank lezen: bestand naar model, of fouten met bestand en regel."""

from __future__ import annotations

from pathlib import Path

from kostenbaten.fouten import InvoerFouten
from kostenbaten.invoer.meegeleverd import meegeleverd
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.yamlbestand import YamlBestand, lees_yaml
from kostenbaten.model.kengetallenbank import Kengetallenbank

BANK = ("kengetallenbank.yaml",)


def bankpad() -> Path:
    return meegeleverd(*BANK)


def laad_bank(pad: Path | None = None) -> tuple[Kengetallenbank, YamlBestand]:
    """Leest en valideert de bank (standaard de meegeleverde); gooit `InvoerFouten`."""
    bestand, fouten = lees_yaml(bankpad() if pad is None else Path(pad))
    if fouten:
        raise InvoerFouten(fouten)
    bank, fouten = valideer(Kengetallenbank, bestand)
    if fouten:
        raise InvoerFouten(fouten)
    return bank, bestand


ACTIES = ("zoek", "toon", "controleer")


def kengetallen_opdracht(actie: str | None, waarde: str | None, max_leeftijd: int):
    """Wat `kostenbaten kengetallen` levert: (analyse, uitkomst, context) of een `Gebruiksfout`."""
    from kostenbaten.berekening import kengetallen as bank_rekenen
    from kostenbaten.fouten import Gebruiksfout

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
    from kostenbaten.invoer.project import laad

    project = laad(Path(waarde))
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    return "kengetallen", bank_rekenen.controleer(project, bank, uitkomst.casussen, max_leeftijd), {}


def _voorbeeld(actie: str) -> str:
    return {"zoek": "ontruiming", "toon": "deurwaarder_ontruiming", "controleer": "casussen/hengelo"}[actie]


def discontovoet(opgegeven=None):
    """De discontovoet en zijn herkomst: de gedateerde standaard uit de bank, of een opgegeven waarde naast die standaard."""
    from kostenbaten.notatie import datum, getal_nl

    bank, _ = laad_bank()
    d = bank.parameters.discontovoet
    standaard = (
        f"standaarddiscontovoet {getal_nl(d.procent, 2)}%, geldig sinds {datum(d.geldig_vanaf)}; "
        f"bron: {d.bron.titel}, {d.bron.uitgever}, {d.bron.jaar}"
    )
    if opgegeven is None:
        return d.procent, standaard
    return opgegeven, f"opgegeven met --disconto; de {standaard}"
