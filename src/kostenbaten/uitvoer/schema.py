"""JSON Schema's van de invoerformaten, uit de pydantic-modellen, zodat een editor de YAML controleert en aanvult.

Een nieuw formaat toevoegen = één regel in `FORMATEN`. Een model dat (nog) niet
bestaat, wordt overgeslagen; zodra het er is, schrijft `kostenbaten schema` ook
zijn schema (en de test op de meegeleverde schema's vraagt erom).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

# naam van het schema, module, klasse
FORMATEN = (
    ("pilot", "kostenbaten.model.casus", "Pilot"),
    ("casus", "kostenbaten.model.casus", "Casus"),
    ("variant", "kostenbaten.model.variant", "Variant"),
    ("begroting", "kostenbaten.model.begroting", "Begroting"),
    ("prijsindex", "kostenbaten.model.prijsindex", "Prijsindex"),
    ("koppeling", "kostenbaten.model.registratie", "Koppeling"),
    ("uitkomsten", "kostenbaten.model.uitkomsten", "Waardekaart"),
    ("uitkomstentelling", "kostenbaten.model.uitkomsten", "Uitkomstentelling"),
    ("monitor", "kostenbaten.model.monitor", "Uitkomstenkaart"),
)
DIALECT = "https://json-schema.org/draft/2020-12/schema"
STANDAARDMAP = Path("schema")


def modellen() -> dict[str, type]:
    """De modellen van `FORMATEN` die er zijn, op schemanaam."""
    uit = {}
    for naam, module, klasse in FORMATEN:
        try:
            gevonden = importlib.import_module(module)
        except ModuleNotFoundError as fout:
            if fout.name == module:
                continue
            raise
        uit[naam] = getattr(gevonden, klasse)
    return uit


def bestandsnaam(naam: str) -> str:
    return f"{naam}.schema.json"


def schema(naam: str, model: type) -> dict:
    return {
        "$schema": DIALECT,
        "$id": bestandsnaam(naam),
        **model.model_json_schema(),
    }


def schema_tekst(naam: str, model: type) -> str:
    """Het schema als vaste tekst (ingesprongen, eindigt op een regeleinde), zodat git-verschillen klein blijven."""
    return json.dumps(schema(naam, model), ensure_ascii=False, indent=2) + "\n"


def schemas() -> dict[str, str]:
    """Bestandsnaam -> inhoud van elk schema."""
    return {bestandsnaam(naam): schema_tekst(naam, model) for naam, model in modellen().items()}
