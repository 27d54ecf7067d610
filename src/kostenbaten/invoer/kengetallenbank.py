"""De meegeleverde kengetallenbank lezen: bestand naar model, of fouten met bestand en regel."""

from __future__ import annotations

from pathlib import Path

from kostenbaten.fouten import InvoerFouten
from kostenbaten.invoer.meegeleverd import meegeleverd
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.bestand import Bestand
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.kengetallenbank import Kengetallenbank

BANK = ("kengetallenbank.yaml",)


def bankpad() -> Path:
    return meegeleverd(*BANK)


def laad_bank(pad: Path | None = None) -> tuple[Kengetallenbank, Bestand]:
    """Leest en valideert de bank (standaard de meegeleverde); gooit `InvoerFouten`."""
    bestand, fouten = lees_yaml(bankpad() if pad is None else Path(pad))
    if fouten:
        raise InvoerFouten(fouten)
    bank, fouten = valideer(Kengetallenbank, bestand)
    if fouten:
        raise InvoerFouten(fouten)
    return bank, bestand


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
