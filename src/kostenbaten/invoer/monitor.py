"""De exports voor `kostenbaten monitor` inlezen, elk met haar bibliotheek en koppeling, en de uitkomstenkaart.

Alle fouten van alle exports komen samen terug (als `InvoerFouten`).
"""

from __future__ import annotations

from pathlib import Path

from kostenbaten.fouten import Fout, Plek, InvoerFouten
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.monitor import Export, Uitkomstenkaart

KAARTBESTAND = "monitor.yaml"
WERKMAPPEN = (".xlsx", ".xlsm")


def _per_export(waarden: list, aantal: int, optie: str) -> list:
    if not waarden:
        return [None] * aantal
    if len(waarden) == 1:
        return waarden * aantal
    if len(waarden) != aantal:
        raise InvoerFouten([Fout(Plek(optie), "", f"geef {optie} één keer (voor alle exports) of {aantal} keer (één per export, in dezelfde volgorde); nu {len(waarden)} keer")])
    return list(waarden)


def lees_kaart(pad: Path) -> tuple[Uitkomstenkaart | None, list[Fout]]:
    if not pad.is_file():
        return None, [Fout(Plek(str(pad)), "", "uitkomstenkaart niet gevonden; geef een bestaand bestand met --kaart")]
    bestand, fouten = lees_yaml(pad)
    if fouten:
        return None, fouten
    return valideer(Uitkomstenkaart, bestand)


def _bladen(bladen: list[str], exports: list[Path]) -> list[str | None]:
    """--blad per export; één keer gegeven geldt het voor elke werkmap (een CSV heeft geen bladen), of voor alle als er geen werkmap is."""
    if len(bladen) == 1 and len(exports) > 1:
        werkmappen = [e.suffix.lower() in WERKMAPPEN for e in exports]
        if any(werkmappen):
            return [bladen[0] if w else None for w in werkmappen]
    return _per_export(bladen, len(exports), "--blad")


def laad_exports(
    exports: list[Path], namen: list[str], koppelingen: list[Path], kaartpad: Path | None, laad_project, voortgang,
    bladen: list[str] | None = None,
) -> tuple[list[Export], Uitkomstenkaart | None, Path | None]:
    """Elke export met haar bibliotheek en koppeling; `laad_project` laadt een casussenmap (voor naam en rechtsgebieden).

    `bladen` is --blad: het blad van elke werkmap (één keer: voor elke werkmap), standaard het actieve zichtbare blad.
    """
    from kostenbaten.invoer.registratie import laad_koppeling, lees_registratie, zoek_casussen, zoek_koppeling

    namen = _per_export(namen, len(exports), "--bibliotheek")
    koppelingen = _per_export(koppelingen, len(exports), "--koppeling")
    bladen = _bladen(bladen or [], exports)
    fouten: list[Fout] = []
    uit: list[Export] = []
    eerste_map = None
    for export, naam, koppelingpad, blad in zip(exports, namen, koppelingen, bladen):
        map_ = zoek_casussen(export) if export.exists() else None
        eerste_map = eerste_map or map_
        rechtsgebieden = None
        if map_ is not None:
            project = laad_project(map_)
            rechtsgebieden = {k: g.naam for k, g in project.pilot.rechtsgebieden.items()}
            naam = naam or project.pilot.naam
        naam = naam or export.stem
        koppelingpad = koppelingpad or zoek_koppeling(export, map_)
        koppeling, f = laad_koppeling(koppelingpad, rechtsgebieden, str(map_))
        if koppeling is None:
            fouten += f
            continue
        # De dag zelf is alleen nodig om dubbele regels tussen exports te vinden en, met een kolom id, het eerste
        # contact van een hulpvraag; anders is de maand genoeg (elke periode is een of meer maanden), en dat zijn
        # veel minder verschillende soorten om te onthouden.
        fijn = len(exports) > 1 or koppeling.kolommen.id is not None
        with voortgang(export) as stap:
            registratie, f = lees_registratie(export, koppeling, koppelingpad, blad, stap, fijn=fijn)
        if f:
            fouten += f
            continue
        uit.append(Export(naam, registratie, koppeling, rechtsgebieden or {}))
    kaart = None
    if kaartpad is None and eerste_map is not None and (eerste_map / "registratie" / KAARTBESTAND).is_file():
        # Naast de koppeling, waar `nieuw` haar zet (een .yaml direct in de map zou als casus gelezen worden).
        kaartpad = eerste_map / "registratie" / KAARTBESTAND
    if kaartpad is not None:
        kaart, f = lees_kaart(kaartpad)
        fouten += f
    if fouten:
        raise InvoerFouten(fouten)
    return uit, kaart, kaartpad

