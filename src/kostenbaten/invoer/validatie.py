"""Pydantic-validatie met Nederlandse meldingen, elk met bestand, regel en sleutelpad."""

from __future__ import annotations

import re

from pydantic import BaseModel, ValidationError

from kostenbaten.fouten import Fout, als_naam, bedoelt_u
from kostenbaten.invoer.bestand import Bestand

_MELDINGEN = {
    "missing": "verplichte sleutel ontbreekt",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "bool_type": "moet ja of nee zijn (true/false)",
    "dict_type": "moet een blok met sleutels zijn",
    "model_type": "moet een blok met sleutels zijn",
    "model_attributes_type": "moet een blok met sleutels zijn",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst van twee getallen zijn",
    "date_type": "moet een datum zijn (jjjj-mm-dd)",
    "too_short": "mag niet leeg zijn",
    "too_long": "heeft te veel elementen",
    "decimal_type": "moet een getal zijn",
}


def _melding(fout: dict, bekend=()) -> str:
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    if soort.startswith("kb_"):
        return fout["msg"]
    if soort == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn"
    if soort == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn"
    if soort == "greater_than":
        return f"moet groter dan {ctx.get('gt')} zijn"
    if soort == "literal_error":
        return f"moet een van deze waarden zijn: {ctx.get('expected')}"
    if soort == "string_pattern_mismatch":
        melding = "moet een naam zijn van kleine letters zonder accent, cijfers en '_' (zoals bijzondere_bijstand)"
        invoer = fout.get("input")
        suggestie = als_naam(invoer)
        if bekend:  # een verwijzing naar een naam uit pilot.yaml: stel een bestaande naam voor
            suggestie = bedoelt_u(suggestie or invoer, bekend)
        return melding + f"; bedoelt u '{suggestie}'?" if suggestie and suggestie != invoer else melding
    if soort == "too_short" and ctx.get("min_length") == 1:
        return "mag niet leeg zijn"
    if soort in ("too_short", "too_long") and "expected" in ctx:
        return f"moet precies {ctx['expected']} elementen hebben"
    return _MELDINGEN.get(soort, fout["msg"])


# Interne stappen die pydantic aan een sleutelpad toevoegt, zoals 'function-after[_kans(), ...]'.
# Alleen deze vormen: een sleutel van de gebruiker als 'gepubli[eerd' blijft staan.
_INTERNE_STAP = re.compile(r"^(function-[a-z]+|tagged-union|union|chain|lax-or-strict|json-or-python|nullable|constrained-[a-z]+)(\[.*\])?$", re.S)


def _schoon_pad(loc: tuple) -> tuple:
    """Verwijdert de interne stappen die pydantic toevoegt (zoals 'function-after[...]')."""
    return tuple(d for d in loc if not (isinstance(d, str) and _INTERNE_STAP.match(d)))


def valideer(
    model: type[BaseModel], bestand: Bestand, context: dict | None = None, namen: dict | None = None
) -> tuple[BaseModel | None, list[Fout]]:
    """Valideert de inhoud van een YAML-bestand tegen een model; geeft het object of de fouten.

    `namen` (veld -> bekende namen, zoals {"kengetal": (...)}) geeft bij een ongeldige verwijzing een
    bestaande naam als suggestie, in plaats van alleen de schrijfwijze te verbeteren.
    """
    try:
        return model.model_validate(bestand.inhoud, context=context), []
    except ValidationError as fouten:
        uit = []
        for fout in fouten.errors():
            pad = _schoon_pad(fout["loc"])
            veld = next((d for d in reversed(pad) if isinstance(d, str)), None)
            melding = _melding(fout, (namen or {}).get(veld, ()))
            if fout["type"] == "extra_forbidden":
                sleutel = pad[-1]
                bekend = _bekende_sleutels(model, pad[:-1], bestand.inhoud)
                suggestie = bedoelt_u(sleutel, bekend)
                melding = f"onbekende sleutel '{sleutel}'"
                if suggestie:
                    melding += f"; bedoelt u '{suggestie}'?"
            # Bij een ontbrekende sleutel: de regel (of cel) van het blok erboven.
            regel_of_cel = bestand.regel_of_cel(pad[:-1] if fout["type"] == "missing" else pad)
            # Een los getal wordt intern {waarde: ...}: toon dan het pad zonder 'waarde'.
            if pad and pad[-1] == "waarde" and pad not in bestand.plekken:
                pad = pad[:-1]
            uit.append(bestand.fout_op(regel_of_cel, pad, melding))
        return None, uit


def _bekende_sleutels(model: type[BaseModel], pad: tuple, inhoud) -> list[str]:
    """De veldnamen van het model op de plek van het sleutelpad, voor een 'bedoelt u'-suggestie."""
    soort = model
    for deel in pad:
        soort = _stap(soort, deel)
        if soort is None:
            return []
    model = _binnenste_model(soort)
    return list(model.model_fields) if model else []


def _stap(soort, deel):
    """Het type één stap dieper in het sleutelpad: een veld, een woordenboekwaarde of een lijstelement."""
    import types
    import typing

    origin = typing.get_origin(soort)
    if origin is typing.Annotated:
        return _stap(typing.get_args(soort)[0], deel)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(soort):
            if arg is not type(None):
                gevonden = _stap(arg, deel)
                if gevonden is not None:
                    return gevonden
        return None
    if origin is dict:
        return typing.get_args(soort)[1]
    if origin in (list, tuple):
        return typing.get_args(soort)[0]
    if isinstance(soort, type) and issubclass(soort, BaseModel):
        veld = soort.model_fields.get(deel)
        return veld.annotation if veld else None
    return None


def _binnenste_model(annotatie):
    import typing

    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie
    for arg in typing.get_args(annotatie):
        gevonden = _binnenste_model(arg)
        if gevonden is not None:
            return gevonden
    return None
