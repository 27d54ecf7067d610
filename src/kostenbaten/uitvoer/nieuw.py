"""Een schone casussenmap om mee te beginnen, uit de sjablonen die met het pakket meekomen.

De map krijgt `pilot.yaml` (startwaarden uit Hengelo, elk gemarkeerd), één
voorbeeldcasus en onder `registratie/` de koppeling voor `kostenbaten
registratie`. Er komt geen `gepubliceerd` en geen `errata` in: een eigen map
heeft geen rapport om na te rekenen.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from kostenbaten.fouten import Fout, UitvoerFouten
from kostenbaten.uitvoer.bestand import schrijf_atomair

# bestand in het sjabloon -> plek in de nieuwe map
BESTANDEN = {
    "pilot.yaml": "pilot.yaml",
    "casus-1.yaml": "casus-1.yaml",
    "koppeling.yaml": "registratie/koppeling.yaml",
    "monitor.yaml": "registratie/monitor.yaml",
}


def sjabloon(naam: str) -> str:
    return resources.files("kostenbaten.sjablonen").joinpath("nieuw", naam).read_text(encoding="utf-8")


def schrijf_nieuwe_map(map_: Path, naam: str | None, overschrijf: bool = False) -> list[Path]:
    """Schrijft de startbestanden naar `map_`; weigert bestaande bestanden zonder `overschrijf`. Geeft de geschreven paden."""
    map_ = Path(map_)
    if map_.exists() and not map_.is_dir():
        raise UitvoerFouten([Fout(str(map_), None, "", "dit is een bestand; geef de naam van een (nieuwe) map")])
    doelen = {bron: map_ / doel for bron, doel in BESTANDEN.items()}
    bestaand = [pad for pad in doelen.values() if pad.exists()]
    if bestaand and not overschrijf:
        # Dit zijn bestanden die de gebruiker al heeft ingevuld: --overschrijf zet ze terug op de startwaarden.
        melding = "bestand bestaat al; kies een nieuwe map, of gebruik --overschrijf om het terug te zetten op de startwaarden (uw eigen invoer gaat dan verloren)"
        raise UitvoerFouten([Fout(str(p), None, "", melding) for p in bestaand])
    naam = naam or map_.resolve().name.replace("-", " ").replace("_", " ").capitalize()
    for bron, doel in doelen.items():
        tekst = sjabloon(bron).replace("__NAAM__", json.dumps(naam, ensure_ascii=False)).replace("__MAP__", str(map_))
        doel.parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomair(doel, lambda tijdelijk, tekst=tekst: tijdelijk.write_text(tekst, encoding="utf-8"), overschrijf=True)
    return list(doelen.values())
