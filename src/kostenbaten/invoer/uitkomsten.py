"""`uitkomsten`: de waardekaart, en de getelde uitkomsten uit een registratie of uit een tabel met aantallen.

Een registratie met uitkomsten heeft een kolom met per hulpvraag nul, één of meer
uitkomstcodes (gescheiden door ; of ,), in de koppeling genoemd als
`kolommen.uitkomsten`. Een hulpvraag telt zoals bij `registratie` (zie
`invoer.steekproef.doorloop`); met een kolom `id` tellen de codes van alle regels
van één hulpvraag samen, elke code één keer. Wie geen regels per hulpvraag heeft,
geeft een tabel met aantallen (YAML, `Uitkomstentelling`).

Deze module leest alleen; `api.waardeer_uitkomsten` legt telling en waardekaart samen
en laat `berekening.uitkomsten` rekenen.
"""

from __future__ import annotations

import re
from pathlib import Path

from kostenbaten.fouten import Fout, InvoerFouten
from kostenbaten.invoer import registratie as reg
from kostenbaten.invoer.casussen import _onbekend
from kostenbaten.invoer.steekproef import doorloop
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.registratie import sleutel_onderwerp
from kostenbaten.model.uitkomsten import ZONDER_RECHTSGEBIED, Telling, Uitkomstentelling, Waardekaart
from kostenbaten.tekens import zichtbaar

WAARDEKAART = "registratie/uitkomsten.yaml"  # in de casussenmap, naast koppeling.yaml en monitor.yaml
_SCHEIDING = re.compile(r"[;,]")


def laad_waardekaart(pad: Path, pilot) -> Waardekaart:
    """De waardekaart, met elk kengetal en elke actor gecontroleerd tegen pilot.yaml; fouten als `InvoerFouten`."""
    if not pad.is_file():
        raise InvoerFouten([Fout(str(pad), None, "", f"waardekaart niet gevonden; zet de waardekaart als registratie/uitkomsten.yaml in de casussenmap of geef --kaart (zie docs/uitkomsten.md)")])
    bestand, fouten = lees_yaml(pad)
    kaart = None
    if not fouten:
        kaart, fouten = valideer(Waardekaart, bestand)
    if kaart is None or fouten:
        raise InvoerFouten(fouten)
    actoren = pilot.alle_actoren
    for code, uitkomst in kaart.uitkomsten.items():
        for i, effect in enumerate(uitkomst.effecten):
            plek = ("uitkomsten", code, "effecten", i)
            if effect.kengetal is not None:
                k = pilot.kengetallen.get(effect.kengetal)
                if k is None:
                    fouten.append(bestand.fout((*plek, "kengetal"), _onbekend("kengetal", effect.kengetal, list(pilot.kengetallen))))
                elif k.soort == "breder_economisch":
                    fouten.append(bestand.fout((*plek, "kengetal"), "een breder economisch effect telt niet in het saldo; kies een kengetal voor middelen of een overdracht"))
            for veld in ("actor", "van"):
                naam = getattr(effect, veld)
                if naam is not None and naam not in actoren:
                    fouten.append(bestand.fout((*plek, veld), _onbekend("actor", naam, list(actoren))))
    if fouten:
        raise InvoerFouten(fouten)
    return kaart


def lees_telling(pad: Path, rechtsgebieden) -> Telling:
    """Een tabel met getelde uitkomsten (YAML); elk rechtsgebied moet in pilot.yaml staan."""
    bestand, fouten = lees_yaml(pad)
    telling = None
    if not fouten:
        telling, fouten = valideer(Uitkomstentelling, bestand)
    if telling is not None:
        fouten = [bestand.fout(("tellingen", g), _onbekend("rechtsgebied", g, list(rechtsgebieden))) for g in telling.tellingen if g not in rechtsgebieden and g != ZONDER_RECHTSGEBIED]
    if telling is None or fouten:
        raise InvoerFouten(fouten)
    return Telling("telling", str(pad), telling.hulpvragen, telling.met_uitkomst, {g: dict(c) for g, c in telling.tellingen.items()})


def tel_uitkomsten(export: Path, koppelingpad: Path, namen: dict[str, str], bron_map: str = "", blad: str | None = None) -> Telling:
    """De uitkomstcodes per rechtsgebied uit een export; een onderwerp dat de koppeling niet kent, telt onder ZONDER_RECHTSGEBIED."""
    _, koppeling = reg.laad_registratie(export, koppelingpad, namen, bron_map, blad)
    if koppeling.kolommen.uitkomsten is None:
        raise InvoerFouten([Fout(str(koppelingpad), None, "kolommen.uitkomsten",
                                 "de koppeling noemt geen kolom met uitkomstcodes; zet bij kolommen 'uitkomsten: <kolomnaam>'")])
    bron, fout = reg._open(export, blad)
    if fout:
        raise InvoerFouten([fout])
    kolom, _, fouten = reg._kolommen(str(export), bron.kop, koppeling, koppelingpad, bron.plek)
    koppen = {" ".join(str(k or "").split()).casefold(): i for i, k in enumerate(bron.kop)}
    gezocht = " ".join(koppeling.kolommen.uitkomsten.split()).casefold()
    if gezocht not in koppen:
        fouten.append(Fout(str(export), 1, "", f"kolom '{koppeling.kolommen.uitkomsten}' (uitkomsten) ontbreekt; zet de juiste kolomnaam bij kolommen.uitkomsten in {koppelingpad}"))
    if fouten:
        raise InvoerFouten(fouten)
    ui = koppen[gezocht]
    tabel = koppeling.opzoektabel()
    per_vraag: dict = {}  # (id of regel) -> (rechtsgebied, set van codes)
    for regel, _, onderwerp, nummer, rij in doorloop(bron, {**kolom, "uitkomsten": ui}, len(bron.kop)):
        gebied = tabel.get(sleutel_onderwerp(onderwerp), ZONDER_RECHTSGEBIED)
        # Een code uit het bestand komt op het scherm: zonder stuur- of richtingtekens (zichtbaar).
        codes = {zichtbaar(" ".join(c.split())).casefold() for c in _SCHEIDING.split(reg._tekst(rij[ui])) if c.strip()}
        sleutel = ("id", nummer) if nummer is not None else ("regel", regel)
        if sleutel in per_vraag:
            per_vraag[sleutel][1].update(codes)
        else:
            per_vraag[sleutel] = (gebied, codes)
    volgorde = [g for g in namen if g in koppeling.onderwerpen] + [ZONDER_RECHTSGEBIED]
    aantallen: dict[str, dict[str, int]] = {g: {} for g in volgorde}
    for gebied, codes in per_vraag.values():
        for code in sorted(codes):
            aantallen[gebied][code] = aantallen[gebied].get(code, 0) + 1
    if not aantallen[ZONDER_RECHTSGEBIED]:
        del aantallen[ZONDER_RECHTSGEBIED]
    met = sum(1 for _, codes in per_vraag.values() if codes)
    return Telling("registratie", str(export), len(per_vraag), met, aantallen)
