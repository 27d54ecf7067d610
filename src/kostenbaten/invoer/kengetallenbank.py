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


def discontovoet(opgegeven=None, uit_pilot=None):
    """De discontovoet en zijn herkomst: --disconto, anders `discontovoet` uit pilot.yaml, anders de gedateerde standaard uit de bank."""
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


def vul_uit_bank(bestand) -> list:
    """Vult in pilot.yaml elk kengetal met `bankpost: SLEUTEL` aan uit de bank (bedrag, prijspeil, naam, actor, soort, bij een overdracht `van`, bron).

    Wat in pilot.yaml zelf staat, gaat voor: zo is elk veld van de bankpost te overschrijven.
    Gebeurt voor de validatie, op de gelezen inhoud; een onbekende bankpost is een fout met regel.
    """
    from kostenbaten.fouten import bedoelt_u

    inhoud = bestand.inhoud if bestand is not None else None
    kengetallen = inhoud.get("kengetallen") if isinstance(inhoud, dict) else None
    if not isinstance(kengetallen, dict):
        return []
    verwijzend = {s: k for s, k in kengetallen.items() if isinstance(k, dict) and isinstance(k.get("bankpost"), str)}
    if not verwijzend:
        return []
    bank, _ = laad_bank()
    fouten = []
    aangevuld = dict(kengetallen)
    for sleutel, k in verwijzend.items():
        post = bank.kengetallen.get(k["bankpost"])
        if post is None:
            suggestie = bedoelt_u(k["bankpost"], bank.kengetallen)
            hint = f"; bedoelt u '{suggestie}'?" if suggestie else "; zie: kostenbaten kengetallen"
            fouten.append(bestand.fout(("kengetallen", sleutel, "bankpost"), f"de kengetallenbank kent geen post '{k['bankpost']}'{hint}"))
            continue
        b = post.bron
        standaard = {
            "naam": post.naam,
            "bedrag": post.bedrag,
            "prijspeil": post.prijspeil,
            "actor": post.betaler,
            "index": post.index,
            "soort": post.soort,
            "bron": f"kengetallenbank, {k['bankpost']}: {b.titel}, {b.uitgever}, {b.jaar}, {b.vindplaats}",
        }
        # Een overdracht neemt ook de betaler (`van`) van de post over, tenzij pilot.yaml er een middelen van maakt.
        if post.van is not None and k.get("soort", post.soort) == "overdracht":
            standaard["van"] = post.van
        aangevuld[sleutel] = {**standaard, **k}
    if not fouten:
        inhoud["kengetallen"] = aangevuld
    return fouten
