"""Alle bedragen met een `prijspeil` naar één gevraagd jaar: één omzetting van het geladen project.

Elke opdracht die casussen doorrekent, krijgt zo hetzelfde omgerekende model;
geen enkele berekening hoeft van prijspeilen te weten. Een tarief of kengetal
zonder `prijspeil` blijft zoals het is. Het bereik van een onzeker bedrag
(`min`/`max`, `interval_90`) schuift met dezelfde factor mee.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kostenbaten.berekening.prijspeil import Indexering, indexcijfers, omgerekend, omrekeningen_casussen
from kostenbaten.fouten import Fout, Gebruiksfout, InvoerFouten
from kostenbaten.invoer.casussen import Project
from kostenbaten.invoer.meegeleverd import meegeleverd
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.yamlbestand import YamlBestand, lees_yaml, toon_pad
from kostenbaten.model.casus import Onzeker
from kostenbaten.model.prijsindex import Prijsindex

STANDAARDINDEX = ("templates", "prijsindex-cpi.yaml")

# Per blok van pilot.yaml: het veld met het bedrag dat geïndexeerd wordt.
_BEDRAGEN = {"tarieven": "per_uur", "kengetallen": "bedrag"}


def standaardindex() -> Path:
    """De meegeleverde reeks: de consumentenprijsindex (CPI) van het CBS."""
    return meegeleverd(*STANDAARDINDEX)


def laad_prijsindex(pad: Path) -> tuple[Prijsindex, YamlBestand]:
    """Leest en valideert een prijsindexbestand; gooit `InvoerFouten`."""
    bestand, fouten = lees_yaml(pad)
    if fouten:
        raise InvoerFouten(fouten)
    reeks, fouten = valideer(Prijsindex, bestand)
    if fouten:
        raise InvoerFouten(fouten)
    return reeks, bestand


def laad_op_prijspeil(pad: Path, jaar: int, indexpad=None) -> Project:
    """Laadt een casussenmap of variant en rekent haar om naar `jaar`; fouten in invoer en indexreeksen samen.

    `indexpad` is leeg (de CPI voor alles), één bestand (die reeks voor alles), of een lijst
    met `per-categorie` en/of `categorie=BESTAND` (zie `keuze`).
    """
    from kostenbaten.invoer.project import laad

    fouten: list[Fout] = []
    project = None
    gekozen = keuze(indexpad)
    try:
        project = laad(pad)
    except InvoerFouten as f:
        fouten += f.fouten
    reeksen = {}
    for categorie, reekspad in gekozen.paden.items():
        try:
            reeksen[categorie] = (reekspad, *laad_prijsindex(reekspad))
        except InvoerFouten as f:
            fouten += f.fouten
    if fouten:
        raise InvoerFouten(fouten)
    return _omgerekend(project, jaar, gekozen, reeksen)


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


def _indexpad(indexpad: Path | None) -> Path:
    return standaardindex() if indexpad is None else Path(indexpad)


def naar_prijspeil(project: Project, jaar: int, indexpad: Path | None = None, geladen=None) -> Project:
    """Het project met elk bedrag omgerekend naar `jaar` met één reeks (standaard de CPI); fouten allemaal samen.

    `geladen` is de al gelezen reeks (model en bestand) uit `indexpad`, als die er al is.
    """
    indexpad = _indexpad(indexpad)
    reeks, bestand = geladen or laad_prijsindex(indexpad)
    return _omgerekend(project, jaar, Keuze(False, {"alle": indexpad}), {"alle": (indexpad, reeks, bestand)})


class _Reeks(NamedTuple):
    pad: Path
    toon: str
    reeks: Prijsindex
    bestand: YamlBestand
    index: dict


def _categorie(gekozen: Keuze, gewenst: str) -> tuple[str, bool]:
    """De reeks (sleutel in `gekozen.paden`) voor een bedrag van categorie `gewenst`, en of dat een terugval op de CPI is."""
    if not gekozen.per_categorie:
        return "alle", False
    if gewenst in gekozen.paden:
        return gewenst, False
    return "cpi", True


def _omgerekend(project: Project, jaar: int, gekozen: Keuze, geladen: dict) -> Project:
    reeksen = {c: _Reeks(pad, _toon(pad), r, b, indexcijfers(r)) for c, (pad, r, b) in geladen.items()}
    for r in reeksen.values():
        if jaar not in r.index:  # één fout over de optie, niet één per bedrag
            welke = f"de meegeleverde prijsindex ({r.reeks.naam})" if r.pad == standaardindex() else f"de prijsindex {r.toon}"
            raise Gebruiksfout(
                f"--prijspeil {jaar}: {welke} kent dat jaar niet (wel {min(r.index)} tot en met {max(r.index)}); "
                "kies een jaar daartussen of geef met --prijsindex een reeks die het wel kent."
            )
    pilotbestand = project.bestanden["pilot"]
    pilot = project.pilot
    fouten: list[Fout] = []
    bank = _bank_indexen(pilot) if gekozen.per_categorie else {}

    def indexering(bedrag, van, categorie, bestand, pad, aanname=False):
        sleutel, terugval = _categorie(gekozen, categorie)
        r = reeksen[sleutel]
        if van not in r.index:
            fouten.append(
                Fout(
                    str(bestand.bron(pad)),
                    bestand.regel(pad),
                    toon_pad(pad),
                    (f"het aangenomen prijspeil {van} (het jaar waarin de pilot eindigt) " if aanname else "")
                    + f"de prijsindex {r.toon} kent het jaar {van} niet "
                    f"(wel {min(r.index)} tot en met {max(r.index)}); vul de reeks aan of geef met --prijsindex een andere reeks",
                )
            )
            return None
        return Indexering(
            oorspronkelijk=bedrag,
            van=van,
            naar=jaar,
            index_van=r.index[van],
            index_naar=r.index[jaar],
            reeks=r.reeks.naam,
            voorbeeld=r.reeks.voorbeeld,
            indexplekken=_plekken(r.toon, r.bestand, r.reeks, van, jaar),
            bron=r.reeks.bron,
            categorie=categorie if gekozen.per_categorie else "alle",
            terugval=terugval,
            aanname=aanname,
        )

    nieuw = {}
    for blok, veld in _BEDRAGEN.items():
        onderdelen = dict(getattr(pilot, blok))
        for naam, onderdeel in onderdelen.items():
            if onderdeel.prijspeil is None:
                continue
            if blok == "tarieven":
                categorie = "cao_lonen"
            else:
                categorie = onderdeel.index or bank.get(onderdeel.bankpost, "cpi")
            eigen_veld = onderdeel.veld if blok == "kengetallen" else veld  # een kengetal per geval of per maand
            bedrag: Onzeker = getattr(onderdeel, eigen_veld)
            i = indexering(bedrag.waarde, onderdeel.prijspeil, categorie, pilotbestand, (blok, naam, "prijspeil"))
            if i is None:
                continue
            omgezet = onderdeel.model_copy(update={eigen_veld: _schaal(bedrag, i), "prijspeil": jaar})
            omgezet._indexering = i
            onderdelen[naam] = omgezet
        nieuw[blok] = onderdelen

    # De bedragen uit de casussen (van de cliënt en andere vaste of maandbedragen): hun eigen prijspeil,
    # of anders het jaar waarin de pilot eindigt (een aanname, die de uitvoer noemt). Altijd de CPI-categorie.
    eindjaar = pilot.periode.tot.year
    casussen = []
    for casus in project.casussen:
        bestand = project.bestanden[casus.nummer]
        baten = list(casus.baten)
        for n, baat in enumerate(baten):
            if baat.kengetal is not None:
                continue
            veld = "per_maand" if baat.per_maand is not None else "bedrag"
            aanname = baat.prijspeil is None
            pad = ("baten", n, veld if aanname else "prijspeil")
            bedrag = getattr(baat, veld)
            i = indexering(bedrag.waarde, eindjaar if aanname else baat.prijspeil, "cpi", bestand, pad, aanname)
            if i is None:
                continue
            omgezet = baat.model_copy(update={veld: _schaal(bedrag, i), "prijspeil": jaar})
            omgezet._indexering = i
            baten[n] = omgezet
        casussen.append(casus.model_copy(update={"baten": baten}) if baten != list(casus.baten) else casus)
    if fouten:
        raise InvoerFouten(fouten)
    omgerekend_iets = any(o._indexering is not None for blok in nieuw.values() for o in blok.values())
    omgerekend_iets = omgerekend_iets or any(b._indexering is not None for c in casussen for b in c.baten)
    if not omgerekend_iets:
        return project
    pilot = _zonder_rapportcijfers(pilot.model_copy(update=nieuw))
    pilot._casusomrekeningen = omrekeningen_casussen(casussen)
    return project._replace(pilot=pilot, casussen=tuple(_zonder_rapportcijfers(c) for c in casussen))


def _bank_indexen(pilot) -> dict:
    """Bij omrekening per categorie: de indexcategorie van elke bankpost waarnaar een kengetal verwijst."""
    if not any(getattr(k, "bankpost", None) for k in pilot.kengetallen.values()):
        return {}
    from kostenbaten.invoer.kengetallenbank import laad_bank

    bank, _ = laad_bank()
    return {sleutel: post.index for sleutel, post in bank.kengetallen.items()}


def _plekken(toon: str, bestand: YamlBestand, reeks: Prijsindex, van: int, naar: int) -> tuple[str, ...]:
    """De regels van de jaarmutaties tussen beide jaren: precies de cijfers die de omrekening gebruikt."""
    eerste, laatste = sorted((van, naar))
    if eerste == laatste:
        return ()

    def regel(jaar):
        return bestand.regel(("jaarmutaties", jaar - reeks.startjaar - 1, "procent"))

    if eerste + 1 == laatste:
        return (f"{toon}:{regel(laatste)}",)
    return (f"{toon}:{regel(eerste + 1)}-{regel(laatste)}",)


def _toon(pad: Path) -> str:
    """Het indexbestand zoals de gebruiker het kent: relatief aan de huidige map waar dat kan."""
    try:
        return str(pad.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(pad)


def _zonder_rapportcijfers(model):
    """Na omrekening gelden de gedrukte cijfers van het rapport (op hun eigen prijspeil) niet meer, zoals bij een variant."""
    return model.model_copy(update={"gepubliceerd": None, "errata": {}})


def _schaal(bedrag: Onzeker, i: Indexering) -> Onzeker:
    """Waarde en bereik met dezelfde factor omgerekend; zonder afronding."""

    def om(w):
        return None if w is None else omgerekend(w, i.index_van, i.index_naar)

    interval = None if bedrag.interval_90 is None else tuple(om(w) for w in bedrag.interval_90)
    return bedrag.model_copy(update={"waarde": om(bedrag.waarde), "min": om(bedrag.min), "max": om(bedrag.max), "interval_90": interval})
