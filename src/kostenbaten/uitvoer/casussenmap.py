"""Een casussenmap schrijven: `pilot.yaml` en `casus-N.yaml`, in het formaat van de meegeleverde mappen.

Getallen blijven exact: een `Decimal` wordt geschreven zoals hij is (800,
12.5, 0.25), nooit via een kommagetal. Een getal zonder bereik wordt een los
getal, een bereik een blok (`{waarde, min, max}` of `interval_90`), zoals in
docs/formaat.md. Leeg gebleven lijsten en blokken vallen weg.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import yaml
from pydantic import BaseModel

from kostenbaten.fouten import Fout, Plek, UitvoerFouten
from kostenbaten.model.bestandsnamen import PILOTBESTAND, casusbestand, is_invoerbestand
from kostenbaten.model.casus import Onzeker
from kostenbaten.uitvoer.bestand import meld_restanten, schrijf_map_atomair


class _Schrijver(yaml.SafeDumper):
    """De veilige YAML-schrijver, met Decimal als exact getal, zonder ankers (`&id001`) bij een gedeelde waarde."""

    def ignore_aliases(self, data) -> bool:
        return True


def _getal(schrijver: yaml.SafeDumper, waarde: Decimal):
    tekst = format(waarde, "f")
    return schrijver.represent_scalar("tag:yaml.org,2002:" + ("float" if "." in tekst else "int"), tekst)


_Schrijver.add_representer(Decimal, _getal)


def inhoud(waarde):
    """Een model als YAML-inhoud: velden in de volgorde van het model, zonder lege velden."""
    if type(waarde) is Onzeker and not waarde.heeft_bereik:
        return waarde.waarde
    if isinstance(waarde, BaseModel):
        uit = {}
        for naam in type(waarde).model_fields:
            veld = getattr(waarde, naam)
            if veld is None or (isinstance(veld, (dict, list, tuple)) and not veld):
                continue
            if naam == "aandeel" and getattr(waarde, "uit_telling", False):  # volgt uit het aantal hulpvragen
                continue
            uit[naam] = inhoud(veld)
        return uit
    if isinstance(waarde, dict):
        return {sleutel: inhoud(w) for sleutel, w in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [inhoud(w) for w in waarde]
    return waarde


def _schemamap(map_: Path) -> str | None:
    """De map met de JSON Schema's, gezien vanaf de nieuwe map (docs/schema.md); None als er boven de map geen is.

    Een verwijzing die nergens heen wijst, helpt een editor niet: dan staat er geen.
    """
    for hoger in map_.resolve().parents:
        if (hoger / "schema" / "pilot.schema.json").is_file():
            return Path(os.path.relpath(hoger / "schema", map_.resolve())).as_posix()
    return None


def yaml_tekst(gegevens: dict, schema: str | None, bron) -> str:
    verwijzing = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    kop = f"{verwijzing}# Omgezet door kostenbaten uit {bron}. Het formaat: docs/formaat.md.\n"
    return kop + yaml.dump(gegevens, Dumper=_Schrijver, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)


def schrijf_casussenmap(project, map_: Path, overschrijf: bool, bron) -> list[Path]:
    """Schrijft pilot.yaml en een casus-N.yaml per casus als één geheel; weigert bestaande bestanden zonder `overschrijf`.

    Een ander YAML-bestand in de map zou bij het lezen een casus worden: dan schrijft het niets.
    De map komt er heel of niet (`schrijf_map_atomair`): een onderbroken omzetting laat geen halve map na.
    """
    map_ = Path(map_)
    bestanden = {PILOTBESTAND: ("pilot", project.pilot)}
    bestanden.update({casusbestand(c.nummer): ("casus", c) for c in project.casussen})
    fouten = []
    meld_restanten(map_)  # een opzij gezette oude map gaat eerst terug, zodat de controle hieronder haar ziet
    if map_.is_dir():
        for pad in sorted(map_.iterdir()):
            if is_invoerbestand(pad) and pad.name not in bestanden:
                fouten.append(Fout(Plek(str(pad)), "", "de map bevat al dit YAML-bestand, dat een casus zou worden; kies een lege map"))
    if fouten:
        raise UitvoerFouten(fouten)
    schemas = _schemamap(map_)
    schrijvers = {}
    for naam, (soort, model) in bestanden.items():
        tekst = yaml_tekst(inhoud(model), f"{schemas}/{soort}.schema.json" if schemas else None, bron)
        schrijvers[naam] = lambda doel, tekst=tekst: doel.write_text(tekst, encoding="utf-8")
    return schrijf_map_atomair(map_, schrijvers, overschrijf)
