"""Alle bedragen met een `prijspeil` naar één gevraagd jaar: één omzetting van het geladen project.

Elke opdracht die casussen doorrekent, krijgt zo hetzelfde omgerekende model;
geen enkele berekening hoeft van prijspeilen te weten. Een tarief of kengetal
zonder `prijspeil` blijft zoals het is. Het bereik van een onzeker bedrag
(`min`/`max`, `interval_90`) schuift met dezelfde factor mee.
"""

from __future__ import annotations

from pathlib import Path

from kostenbaten.berekening.prijspeil import Indexering, indexcijfers, omgerekend
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


def laad_op_prijspeil(pad: Path, jaar: int, indexpad: Path | None = None) -> Project:
    """Laadt een casussenmap of variant en rekent haar om naar `jaar`; fouten in invoer en indexreeks samen."""
    from kostenbaten.invoer.project import laad

    fouten: list[Fout] = []
    project = reeks = None
    try:
        project = laad(pad)
    except InvoerFouten as f:
        fouten += f.fouten
    try:
        reeks = laad_prijsindex(_indexpad(indexpad))
    except InvoerFouten as f:
        fouten += f.fouten
    if fouten:
        raise InvoerFouten(fouten)
    return naar_prijspeil(project, jaar, indexpad, reeks)


def _indexpad(indexpad: Path | None) -> Path:
    return standaardindex() if indexpad is None else Path(indexpad)


def naar_prijspeil(project: Project, jaar: int, indexpad: Path | None = None, geladen=None) -> Project:
    """Het project met elk bedrag dat een `prijspeil` heeft omgerekend naar `jaar`; fouten allemaal samen.

    `geladen` is de al gelezen reeks (model en bestand) uit `indexpad`, als die er al is.
    """
    indexpad = _indexpad(indexpad)
    reeks, indexbestand = geladen or laad_prijsindex(indexpad)
    toon = _toon(indexpad)
    index = indexcijfers(reeks)
    if jaar not in index:  # één fout over de optie, niet één per bedrag
        welke = f"de meegeleverde prijsindex ({reeks.naam})" if indexpad == standaardindex() else f"de prijsindex {toon}"
        raise Gebruiksfout(
            f"--prijspeil {jaar}: {welke} kent dat jaar niet (wel {min(index)} tot en met {max(index)}); "
            "kies een jaar daartussen of geef met --prijsindex een reeks die het wel kent."
        )
    pilotbestand = project.bestanden["pilot"]
    pilot = project.pilot
    fouten: list[Fout] = []
    nieuw = {}
    for blok, veld in _BEDRAGEN.items():
        onderdelen = dict(getattr(pilot, blok))
        for naam, onderdeel in onderdelen.items():
            if onderdeel.prijspeil is None:
                continue
            if onderdeel.prijspeil not in index:
                pad = (blok, naam, "prijspeil")
                fouten.append(
                    Fout(
                        str(pilotbestand.bron(pad)),
                        pilotbestand.regel(pad),
                        toon_pad(pad),
                        f"de prijsindex {toon} kent het jaar {onderdeel.prijspeil} niet "
                        f"(wel {min(index)} tot en met {max(index)}); vul de reeks aan of geef met --prijsindex een andere reeks",
                    )
                )
                continue
            bedrag: Onzeker = getattr(onderdeel, veld)
            indexering = Indexering(
                oorspronkelijk=bedrag.waarde,
                van=onderdeel.prijspeil,
                naar=jaar,
                index_van=index[onderdeel.prijspeil],
                index_naar=index[jaar],
                reeks=reeks.naam,
                voorbeeld=reeks.voorbeeld,
                indexplekken=_plekken(toon, indexbestand, reeks, onderdeel.prijspeil, jaar),
                bron=reeks.bron,
            )
            omgezet = onderdeel.model_copy(update={veld: _schaal(bedrag, indexering), "prijspeil": jaar})
            omgezet._indexering = indexering
            onderdelen[naam] = omgezet
        nieuw[blok] = onderdelen
    if fouten:
        raise InvoerFouten(fouten)
    omgerekend_iets = any(o._indexering is not None for blok in nieuw.values() for o in blok.values())
    if not omgerekend_iets:
        return project
    pilot = _zonder_rapportcijfers(pilot.model_copy(update=nieuw))
    return project._replace(pilot=pilot, casussen=tuple(_zonder_rapportcijfers(c) for c in project.casussen))


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
