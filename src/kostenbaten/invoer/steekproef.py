"""`steekproef`: de hulpvragen van een export per rechtsgebied, en de getrokken rijen terug uit de export.

Deze module leest alleen; het trekken zelf (`berekening.steekproef`) en het samenstellen
doet `api.maak_steekproef`.

Eerst leest `laad_registratie` de export zoals `registratie` dat doet (met al zijn
meldingen en fouten). Daarna gaat deze module twee keer als stroom door dezelfde
export: de eerste keer onthoudt ze per rechtsgebied alleen de regelnummers van de
hulpvragen die meetellen (vier bytes per hulpvraag), de tweede keer haalt ze de
getrokken regels op. Een hulpvraag telt mee onder dezelfde regels als bij
`registratie`: een leesbare datum binnen de jaren, een onderwerp, evenveel velden
als de kopregel. Met een kolom `id` zijn regels met hetzelfde nummer contacten van
één hulpvraag; die hulpvraag staat in de trekking met haar eerste regel.
"""

from __future__ import annotations

from array import array
from datetime import date
from pathlib import Path
from typing import NamedTuple

from kostenbaten.fouten import InvoerFouten
from kostenbaten.invoer import registratie as reg
from kostenbaten.model.registratie import sleutel_onderwerp
from kostenbaten.tekens import zichtbaar


def doorloop(bron, kolom: dict[str, int], breedte: int):
    """Elke meetellende rij als (regel, datum, onderwerp, id of None, rij); ook voor `invoer.uitkomsten`."""
    di, oi = kolom["datum"], kolom["onderwerp"]
    ii = kolom.get("id")
    nodig = max(kolom.values()) + 1
    is_werkmap = bron.plek is not None
    eerste = date(reg.EERSTE_JAAR, 1, 1)
    laatste = date(reg._vandaag().year + reg.LAATSTE_JAAR_NA_VANDAAG, 12, 31)
    datums: dict = {}
    with bron.rijen() as (rijen, regel):
        for rij in rijen:
            if is_werkmap:
                if len(rij) < nodig:
                    rij = tuple(rij) + (None,) * (nodig - len(rij))
            elif len(rij) != breedte:
                if not any(v.strip() for v in rij) or len(rij) < breedte or any(v.strip() for v in rij[breedte:]):
                    continue
            ruw = rij[di]
            datum = datums.get(ruw, False)
            if datum is False:
                datum = datums[ruw] = reg._datum(ruw)
            if datum is None or not eerste <= datum <= laatste:
                continue
            onderwerp = " ".join(reg._tekst(rij[oi]).split())
            if not onderwerp:
                continue
            nummer = " ".join(reg._tekst(rij[ii]).split()) if ii is not None else ""
            yield regel(), datum, onderwerp, nummer or None, rij


class Strata(NamedTuple):
    """De gelezen export voor een steekproef: per rechtsgebied de regelnummers van de hulpvragen die meetellen."""

    registratie: object  # de `Registratie` zoals `registratie` haar telt
    bron: object  # de geopende export, om de getrokken regels op te halen
    kolom: dict[str, int]
    volgorde: list[str]  # de rechtsgebieden in de volgorde van de casussenmap (of de koppeling)
    regels: dict[str, array]  # rechtsgebied -> regelnummers
    zonder: int  # hulpvragen met een onderwerp dat de koppeling niet kent
    kop: tuple[str, ...]  # de kopregel, zichtbaar gemaakt


def lees_strata(export: Path, koppelingpad: Path, namen: dict[str, str] | None = None, bron_map: str = "", blad: str | None = None) -> Strata:
    """Per rechtsgebied de regels van de hulpvragen in `export`; fouten in de export of de koppeling als `InvoerFouten`."""
    registratie, koppeling = reg.laad_registratie(export, koppelingpad, namen, bron_map, blad)
    bron, fout = reg._open(export, blad)
    if fout:
        raise InvoerFouten([fout])
    kolom, _, fouten = reg._kolommen(str(export), bron.kop, koppeling, koppelingpad, bron.plek)
    if fouten:
        raise InvoerFouten(fouten)
    tabel = koppeling.opzoektabel()
    volgorde = list(namen) if namen else list(koppeling.onderwerpen)
    volgorde = [g for g in volgorde if g in koppeling.onderwerpen]
    regels = {g: array("I") for g in volgorde}
    gezien: set[str] = set()
    zonder = 0
    for regel, _, onderwerp, nummer, _ in doorloop(bron, kolom, len(bron.kop)):
        if nummer is not None:
            if nummer in gezien:
                continue
            gezien.add(nummer)
        gebied = tabel.get(sleutel_onderwerp(onderwerp))
        if gebied is None:
            zonder += 1
        else:
            regels[gebied].append(regel)
    kop = tuple(zichtbaar(" ".join(reg._tekst(k).split())) for k in bron.kop)
    return Strata(registratie, bron, kolom, volgorde, regels, zonder, kop)


def haal_rijen(strata: Strata, gekozen: set[int]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Per gekozen regel de datum (ISO) en de waarden van de rij, zichtbaar gemaakt, in de breedte van de kopregel."""
    bron = strata.bron
    gevonden: dict[int, tuple[str, tuple[str, ...]]] = {}
    for regel, datum, _, _, rij in doorloop(bron, strata.kolom, len(bron.kop)):
        if regel in gekozen and regel not in gevonden:
            waarden = tuple(zichtbaar(" ".join(reg._tekst(v).split())) for v in rij[: len(bron.kop)])
            waarden += ("",) * (len(bron.kop) - len(waarden))
            gevonden[regel] = (datum.isoformat(), waarden)
    return gevonden
