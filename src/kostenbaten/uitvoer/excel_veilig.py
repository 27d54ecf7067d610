"""Werkmappen zonder formules uit tekst: wat met '=', '+', '-' of '@' begint, blijft tekst."""

from __future__ import annotations

FORMULETEKENS = ("=", "+", "-", "@")


def bewaar_zonder_formules(boek, pad) -> None:
    """Bewaart een werkmap die alleen waarden hoort te bevatten.

    openpyxl maakt van elke tekst die met '=' begint een formule; een naam uit de
    invoer als "=1+1" of "-korting" zou zo een formule worden. Elke cel die als
    formule is herkend, wordt hier teruggezet naar tekst (met een
    aanhalingsteken-prefix, zoals Excel dat zelf doet).
    """
    for blad in boek.worksheets:
        for rij in blad.iter_rows():
            for cel in rij:
                if cel.data_type == "f" or (isinstance(cel.value, str) and cel.value.startswith(FORMULETEKENS)):
                    cel.data_type = "s"
                    cel.quotePrefix = True
    boek.save(pad)
