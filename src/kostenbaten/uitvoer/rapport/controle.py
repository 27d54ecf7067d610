"""De nagerekende gepubliceerde cijfers in het rapport: per cijfer het oordeel, met de errata; alleen als er zulke cijfers zijn."""

from __future__ import annotations

from kostenbaten.berekening.controle import AFWIJKING, ERRATUM, ERRATUM_ZONDER_AFWIJKING, KLOPT, Controle
from kostenbaten.notatie import euro, getal
from kostenbaten.uitvoer.namen import CIJFER_NAMEN
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, tabel

_GEEN_BEDRAG = {"gedekt": "", "aandeel_client": "%", "aandeel_overheid": "%"}


def _waarde(c: Controle, waarde) -> str:
    if c.cijfer in _GEEN_BEDRAG:
        return getal(waarde) + _GEEN_BEDRAG[c.cijfer]
    return euro(waarde, 0 if waarde == waarde.to_integral_value() else 2)


def nagerekend(controles: list[Controle]) -> list[dict]:
    rijen = [
        [c.wat, CIJFER_NAMEN.get(c.cijfer, c.cijfer), _waarde(c, c.gepubliceerd), _waarde(c, c.berekend), c.oordeel,
         c.toelichting if c.oordeel != KLOPT else ""]
        for c in controles
    ]
    aantal = {o: sum(1 for c in controles if c.oordeel == o) for o in (KLOPT, ERRATUM, AFWIJKING, ERRATUM_ZONDER_AFWIJKING)}
    samen = (
        f"Van de {len(controles)} gepubliceerde cijfers kloppen er {aantal[KLOPT]} met de berekening; "
        f"bekend erratum: {aantal[ERRATUM]}; onverklaarde afwijking: {aantal[AFWIJKING] + aantal[ERRATUM_ZONDER_AFWIJKING]}."
    )
    return [
        alinea(samen),
        tabel(["Waar", "Cijfer", "Gepubliceerd", "Berekend", "Oordeel", "Toelichting"], rijen, rechts=(2, 3), breed=True),
    ]


def secties(controles, rapport) -> dict[str, Sectie]:
    if not controles:
        return {}
    return {"gepubliceerd": Sectie("Gepubliceerde cijfers nagerekend", nagerekend(controles))}
