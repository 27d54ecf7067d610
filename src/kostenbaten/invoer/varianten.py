"""Een variant inlezen: de basismap laden, de genoemde velden vervangen en alles opnieuw valideren.

Fouten in de variant zelf (een onbekend veld, een negatief bedrag, een kengetal
dat de basis niet kent) wijzen naar het variantbestand en zijn regel. Fouten
die pas na het samenvoegen blijken (aandelen boven 100%, een casus die naar een
onbekend kengetal gaat wijzen) wijzen naar de vervangen regel in de variant,
of anders naar het basisbestand met de vermelding van de variant.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from kostenbaten.fouten import Fout, Plek, InvoerFouten
from kostenbaten.invoer.casussen import Project, _onbekend, verwijzingen
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.bestand import Bestand, toon_pad
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.casus import Casus, Pilot
from kostenbaten.model.variant import PILOTBLOKKEN, Variant

# Sleutels die een variant in de samengevoegde invoer weglaat: een variant heeft geen gepubliceerde cijfers.
NIET_IN_VARIANT = ("gepubliceerd", "errata")


@dataclass(frozen=True)
class Wijziging:
    """Eén vervangen veld: in welk bestand van de basis, op welk sleutelpad, en waar het in de variant staat."""

    doel: object  # "pilot" of een casusnummer, zoals in `Project.bestanden`
    pad: tuple  # sleutelpad in het basisbestand
    variantpad: tuple  # sleutelpad in het variantbestand
    waarde: object


def laad_variant(pad: Path, keten: tuple[Path, ...], laad) -> Project:
    """Leest een variant en geeft het samengevoegde, gevalideerde project.

    De basis is een casussenmap of zelf een variant, geladen met `laad(basis, keten)`
    (`invoer.project.laad`, als parameter, zodat deze module dat niet importeert);
    `keten` zijn de varianten die hierop voortbouwen, om een kring te herkennen.
    """
    bestand, fouten = lees_yaml(pad)
    if fouten:
        raise InvoerFouten(fouten)
    variant, fouten = valideer(Variant, bestand)
    basis = bestand.inhoud.get("basis") if isinstance(bestand.inhoud, dict) else None
    if not isinstance(basis, str):
        _stop(fouten, pad)
    keten = (*keten, pad.resolve())
    from kostenbaten.invoer.paden import GEWEIGERD, pad_vanaf
    from kostenbaten.model.bestandsnamen import restanten

    basistekst, basis = basis, pad_vanaf(basis, pad)
    if basis is None:
        _stop(fouten + [bestand.fout(("basis",), f"'{basistekst}': {GEWEIGERD}; zet de variant bij de map waar hij op voortbouwt")], pad)
    if not basis.exists() and not restanten(basis):  # naast een ontbrekende basis kan de oude map nog staan (laad zet haar terug)
        _stop(fouten + [bestand.fout(("basis",), f"de basis {basis} bestaat niet; geef een casussenmap of variant, relatief aan dit bestand")], pad)
    if basis.resolve() in keten:
        kring = " -> ".join(str(p) for p in (*keten[keten.index(basis.resolve()) :], basis.resolve()))
        _stop(fouten + [bestand.fout(("basis",), f"kringverwijzing tussen varianten: {kring}")], pad)
    try:
        project = laad(basis, keten)
    except InvoerFouten as basisfouten:
        _stop(fouten + basisfouten.fouten, pad)
    # Ook bij fouten in de variant: meld meteen welke namen de basis niet kent.
    wijzigingen = list(_wijzigingen(bestand.inhoud))
    fouten += _onbekende_namen(wijzigingen, project, bestand)
    if fouten:
        _stop(fouten, pad)

    samengevoegd = {doel: _kopie(b) for doel, b in project.bestanden.items()}
    for w in wijzigingen:
        _vervang(samengevoegd[w.doel], w, bestand)
    fouten += _aantal_of_aandeel(samengevoegd["pilot"], wijzigingen, bestand)
    if fouten:
        _stop(fouten, pad)
    pilotinhoud = samengevoegd["pilot"].inhoud
    pilotinhoud["naam"] = variant.naam
    if variant.omschrijving is not None:
        pilotinhoud["omschrijving"] = variant.omschrijving

    fouten = []
    pilot, f = valideer(Pilot, samengevoegd["pilot"])
    fouten += f
    casussen = []
    for nummer in (c.nummer for c in project.casussen):
        casus, f = valideer(Casus, samengevoegd[nummer])
        fouten += f
        if casus:
            casussen.append((casus, samengevoegd[nummer]))
    if pilot is not None:
        fouten += verwijzingen(pilot, samengevoegd["pilot"], casussen)
    if fouten:
        raise InvoerFouten([_herleid(f, wijzigingen, project, bestand) for f in fouten])
    return Project(
        map=pad, pilot=pilot, casussen=tuple(c for c, _ in casussen), bestanden=samengevoegd, oorsprong=project.basismap,
        restanten=project.restanten,
    )


def _aantal_of_aandeel(pilot: Bestand, wijzigingen, variant: Bestand) -> list[Fout]:
    """Een aantal hulpvragen uit de variant vervangt het aandeel van de basis, en omgekeerd.

    Een basis die per rechtsgebied telt, telt van haar eigen totaal: een variant
    die alleen dat totaal vervangt, zou de aandelen stil veranderen. Dat is een fout.
    """
    genoemd = {w.pad for w in wijzigingen if w.doel == "pilot"}
    gebieden = pilot.inhoud.get("rechtsgebieden")
    if not isinstance(gebieden, dict):
        return []
    fouten = []
    for naam, gebied in gebieden.items():
        if not isinstance(gebied, dict):
            continue
        for veld, ander in (("hulpvragen", "aandeel"), ("aandeel", "hulpvragen")):
            if ("rechtsgebieden", naam, veld) in genoemd and ("rechtsgebieden", naam, ander) not in genoemd and ander in gebied:
                del gebied[ander]
                for p in [p for p in pilot.plekken if p[:3] == ("rechtsgebieden", naam, ander)]:
                    del pilot.plekken[p]
        geteld = "hulpvragen" in gebied and not {("rechtsgebieden", naam, "hulpvragen"), ("rechtsgebieden", naam, "aandeel")} & genoemd
        if geteld and ("hulpvragen",) in genoemd:
            fouten.append(
                variant.fout(
                    ("pilot", "hulpvragen"),
                    f"de basis telt {gebied['hulpvragen']} hulpvragen in rechtsgebied '{naam}', van haar eigen totaal; "
                    "geef bij een ander totaal ook per rechtsgebied het aantal hulpvragen of het aandeel",
                )
            )
    return fouten


def _stop(fouten: list[Fout], pad: Path):
    """Stopt met alle fouten; casusnummers in de variant tonen we als `casussen.1`, niet als `casussen[1]`."""
    raise InvoerFouten([_casuspad(f) if f.bestand == str(pad) else f for f in fouten])


def _velden(blok) -> dict:
    """Een blok uit de variant, of niets als het geen blok met sleutels is (dat meldt de validatie al)."""
    return blok if isinstance(blok, dict) else {}


def _wijzigingen(inhoud: dict):
    """Elk genoemd veld van de variant als `Wijziging`, in de volgorde van het bestand."""
    for veld, waarde in _velden(inhoud.get("pilot")).items():
        yield Wijziging("pilot", (veld,), ("pilot", veld), waarde)
    for blok in PILOTBLOKKEN:
        for naam, velden in _velden(inhoud.get(blok)).items():
            for veld, waarde in _velden(velden).items():
                yield Wijziging("pilot", (blok, naam, veld), (blok, naam, veld), waarde)
    for nummer, velden in _velden(inhoud.get("casussen")).items():
        for veld, waarde in _velden(velden).items():
            yield Wijziging(nummer, (veld,), ("casussen", nummer, veld), waarde)


_SOORT = {"rechtsgebieden": "rechtsgebied", "tarieven": "tarief", "kengetallen": "kengetal"}


def _onbekende_namen(wijzigingen, project: Project, bestand: Bestand) -> list[Fout]:
    """Een variant vervangt alleen wat de basis heeft: een onbekende naam of casus is een fout."""
    fouten = {}
    for w in wijzigingen:
        if w.doel != "pilot":
            if w.doel not in project.bestanden:
                bekend = ", ".join(str(c.nummer) for c in project.casussen)
                fouten[w.variantpad[:2]] = bestand.fout(w.variantpad[:2], f"onbekende casus {w.doel} in {project.map}; bekend zijn: {bekend}")
        elif w.pad[0] in _SOORT:
            blok, naam = w.pad[:2]
            bekend = getattr(project.pilot, blok)
            if naam not in bekend:
                fouten[w.variantpad[:2]] = bestand.fout(w.variantpad[:2], _onbekend(_SOORT[blok], naam, bekend) + f" (in {project.map})")
    return list(fouten.values())


def _kopie(b: Bestand) -> Bestand:
    # Een deel van een casussenwerkmap blijft zo naar zijn cellen wijzen, een casusbestand naar zijn regels.
    return b.kopie({k: v for k, v in copy.deepcopy(b.inhoud).items() if k not in NIET_IN_VARIANT})


def _vervang(doel: Bestand, w: Wijziging, variant: Bestand) -> None:
    """Zet de waarde uit de variant op zijn plek; de regels eronder komen uit de variant."""
    blok = doel.inhoud
    for sleutel in w.pad[:-1]:
        blok = blok[sleutel]
    blok[w.pad[-1]] = copy.deepcopy(w.waarde)
    n = len(w.pad)
    for pad in [p for p in doel.plekken if p[:n] == w.pad]:
        del doel.plekken[pad]
    for pad in [p for p in doel.bronnen if p[:n] == w.pad]:
        del doel.bronnen[pad]
    m = len(w.variantpad)
    doel.plekken.update({w.pad + p[m:]: regel for p, regel in variant.plekken.items() if p[:m] == w.variantpad})
    doel.bronnen[w.pad] = variant.pad


def toon_variantpad(pad: tuple) -> str:
    """`("casussen", 1, "kans")` wordt `casussen.1.kans`: casusnummers zijn sleutels, geen plaatsen in een lijst."""
    return ".".join(str(d) for d in pad)


def _casuspad(fout: Fout) -> Fout:
    """`casussen[2].kans` (toon_pad telt lijstplaatsen vanaf 1) wordt `casussen.1.kans`: hier is 1 het casusnummer."""
    pad = re.sub(r"^casussen\[(\d+)\]", lambda m: f"casussen.{int(m.group(1)) - 1}", fout.sleutelpad)
    return Fout(Plek(fout.bestand, fout.regel), pad, fout.melding)


def _herleid(fout: Fout, wijzigingen, project: Project, variant: Bestand) -> Fout:
    """Een fout na het samenvoegen terug naar de regel in de variant die hem veroorzaakt.

    Ligt de fout in of onder een vervangen veld, dan wijst hij naar dat veld. Gaat
    de fout over een blok waarin de variant iets vervangt (de aandelen van de
    rechtsgebieden samen), dan naar de eerste vervanging in dat blok. Anders
    blijft hij bij het basisbestand, met de vermelding van de variant.
    """
    eigen = [w for w in wijzigingen if fout.bestand == str(project.bestanden[w.doel].pad)]
    for w in eigen:
        plek = toon_pad(w.pad)
        rest = fout.sleutelpad[len(plek) :]
        if fout.sleutelpad.startswith(plek) and rest[:1] in ("", ".", "["):
            return Fout(Plek(str(variant.pad), fout.regel), toon_variantpad(w.variantpad) + rest, fout.melding)
    for w in eigen:
        plek = toon_pad(w.pad)
        if fout.sleutelpad and plek.startswith(fout.sleutelpad) and plek[len(fout.sleutelpad) : len(fout.sleutelpad) + 1] in (".", "["):
            blok = w.variantpad[: len(w.variantpad) - len(w.pad)] + tuple(fout.sleutelpad.split("."))
            return Fout(Plek(str(variant.pad), variant.regel_of_cel(w.variantpad)), toon_variantpad(blok), fout.melding)
    return Fout(fout.plek, fout.sleutelpad, f"{fout.melding} (met de wijzigingen uit {variant.pad})")
