"""`uitleg CIJFER --formaat json`: de rekenboom als document."""

from __future__ import annotations

from kostenbaten.berekening.uitleg import Knoop, Uitleg
from kostenbaten.notatie import json_bedrag
from kostenbaten.uitvoer.namen import rekensom_tekst


def knoop_json(k: Knoop, diepte: int | None = None) -> dict:
    uit = {"label": k.label, "waarde": json_bedrag(k.waarde), "eenheid": k.eenheid}
    if k.rekensom:
        uit["rekensom"] = rekensom_tekst(k.rekensom)
    if k.waar:
        uit["waar"] = list(k.waar)
    if k.bron:
        uit["bron"] = k.bron
    if k.let_op:
        uit["let_op"] = k.let_op
    if diepte is not None and diepte <= 0 and k.kinderen:
        uit["kinderen"] = []
        uit["ingekort"] = True
    else:
        uit["kinderen"] = [knoop_json(kind, None if diepte is None else diepte - 1) for kind in k.kinderen]
    return uit


def document(u: Uitleg, diepte: int | None = None) -> dict:
    return {"cijfer": u.cijfer, "uitleg": knoop_json(u.boom, diepte)}
