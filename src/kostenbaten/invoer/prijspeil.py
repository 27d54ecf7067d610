"""De prijsindexreeksen voor --prijspeil en --prijsindex: welke reeks voor welk bedrag, en de bestanden lezen.

Omrekenen doet `berekening.prijspeil.reken_om`; `api.laad` zet beide achter elkaar.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kostenbaten.fouten import Fout, Gebruiksfout, InvoerFouten
from kostenbaten.invoer.casussen import Project
from kostenbaten.invoer.meegeleverd import meegeleverd
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.bestand import Bestand
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.prijsindex import Prijsindex

STANDAARDINDEX = ("templates", "prijsindex-cpi.yaml")


def standaardindex() -> Path:
    """De meegeleverde reeks: de consumentenprijsindex (CPI) van het CBS."""
    return meegeleverd(*STANDAARDINDEX)


def laad_prijsindex(pad: Path) -> tuple[Prijsindex, Bestand]:
    """Leest en valideert een prijsindexbestand; gooit `InvoerFouten`."""
    bestand, fouten = lees_yaml(pad)
    if fouten:
        raise InvoerFouten(fouten)
    reeks, fouten = valideer(Prijsindex, bestand)
    if fouten:
        raise InvoerFouten(fouten)
    return reeks, bestand


def laad_met_reeksen(pad: Path, indexpad=None) -> tuple[Project, Keuze, dict]:
    """Een casussenmap of variant en de gekozen reeksen; fouten in invoer en indexreeksen samen (`InvoerFouten`).

    `indexpad` is leeg (de CPI voor alles), één bestand (die reeks voor alles), of een lijst
    met `per-categorie` en/of `categorie=BESTAND` (zie `keuze`). De reeksen: categorie (of
    "alle") -> (pad, model, bestand).
    """
    from kostenbaten.invoer.project import laad

    fouten: list[Fout] = []
    project = None
    gekozen = keuze(indexpad)
    try:
        project = laad(pad)
    except InvoerFouten as f:
        fouten += f.fouten
    reeksen, reeksfouten = lees_reeksen(gekozen)
    fouten += reeksfouten
    if fouten:
        raise InvoerFouten(fouten)
    return project, gekozen, reeksen


def lees_reeksen(gekozen: Keuze) -> tuple[dict, list[Fout]]:
    """Elke gekozen reeks: categorie (of "alle") -> (pad, model, bestand), en de fouten van alle bestanden samen."""
    fouten: list[Fout] = []
    reeksen = {}
    for categorie, reekspad in gekozen.paden.items():
        try:
            reeksen[categorie] = (reekspad, *laad_prijsindex(reekspad))
        except InvoerFouten as f:
            fouten += f.fouten
    return reeksen, fouten


PER_CATEGORIE = "per-categorie"
CATEGORIEEN = ("cpi", "cao_lonen", "eigen")
LONENINDEX = ("templates", "prijsindex-cao-lonen.yaml")


class Keuze(NamedTuple):
    """Welke reeks voor welk bedrag: één reeks voor alles ('alle'), of per categorie."""

    per_categorie: bool
    paden: dict  # categorie (of "alle") -> pad van de reeks


def keuze(indexpad) -> Keuze:
    """Leest --prijsindex: niets of één BESTAND (één reeks voor alle bedragen), of `per-categorie` en `categorie=BESTAND`."""
    if indexpad is None or isinstance(indexpad, (str, Path)):
        indexpad = [] if indexpad is None else [indexpad]
    alle, per, paden = None, False, {}
    for item in indexpad:
        tekst = str(item)
        categorie, is_, rest = tekst.partition("=")
        if tekst == PER_CATEGORIE:
            per = True
        elif is_ and categorie in CATEGORIEEN:
            per, paden[categorie] = True, Path(rest)
        elif is_ and not Path(tekst).exists():
            raise Gebruiksfout(
                f"--prijsindex {tekst}: onbekende categorie '{categorie}'; kies cpi, cao_lonen of eigen "
                f"(bijvoorbeeld --prijsindex cao_lonen=lonen.yaml), of '{PER_CATEGORIE}', of één bestand voor alle bedragen."
            )
        elif alle is not None:
            raise Gebruiksfout(f"--prijsindex: twee reeksen voor alle bedragen ({alle} en {tekst}); geef er één, of reeksen per categorie (cpi=..., cao_lonen=...).")
        else:
            alle = Path(tekst)
    if alle is not None and per:
        raise Gebruiksfout(f"--prijsindex: geef één reeks voor alle bedragen ({alle}) of reeksen per categorie, niet allebei.")
    if not per:
        return Keuze(False, {"alle": standaardindex() if alle is None else alle})
    paden.setdefault("cpi", standaardindex())
    paden.setdefault("cao_lonen", meegeleverd(*LONENINDEX))
    return Keuze(True, paden)


def bankindex(pilot) -> dict:
    """Bij omrekening per categorie: de indexcategorie van elke bankpost waarnaar een kengetal verwijst."""
    if not any(getattr(k, "bankpost", None) for k in pilot.kengetallen.values()):
        return {}
    from kostenbaten.invoer.kengetallenbank import laad_bank

    bank, _ = laad_bank()
    return {sleutel: post.index for sleutel, post in bank.kengetallen.items()}


def jaarregels(reeks: Prijsindex, bestand: Bestand) -> dict[int, int | None]:
    """De regel van elke jaarmutatie in het bestand, op jaar: waar de uitleg de gebruikte cijfers aanwijst."""
    return {m.jaar: bestand.plek(("jaarmutaties", n, "procent")).regel for n, m in enumerate(reeks.jaarmutaties)}


def toon(pad: Path) -> str:
    """Het indexbestand zoals de gebruiker het kent: relatief aan de huidige map waar dat kan."""
    try:
        return str(pad.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(pad)


