"""`controleer --formaat json`: elk gepubliceerd cijfer naast het berekende."""

from __future__ import annotations

from kostenbaten.berekening.controle import Controle


def document(controles: list[Controle]) -> dict:
    return {"controles": [
        {
            "waar": c.wat,
            "cijfer": c.cijfer,
            "gepubliceerd": c.gepubliceerd,
            "berekend": c.berekend,
            "oordeel": c.oordeel,
            "toelichting": c.toelichting,
        }
        for c in controles
    ]}
