"""`controleer` in de terminal: elk gepubliceerd cijfer naast het berekende."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kostenbaten.berekening.controle import AFWIJKING, ERRATUM, ERRATUM_ZONDER_AFWIJKING, KLOPT, Controle
from kostenbaten.notatie import getal
from kostenbaten.uitvoer.namen import CIJFER_NAMEN
from kostenbaten.uitvoer.terminal.cellen import Tabel, zin


_STIJL = {KLOPT: "green", ERRATUM: "yellow", AFWIJKING: "bold red", ERRATUM_ZONDER_AFWIJKING: "bold red"}


def _regel_tekst(regel: str) -> str:
    """De afrondingsregel van een cijfer van de pilot, in woorden."""
    return "niet afgerond" if regel == "geen" else "regel: " + regel.replace("_", " ")


def controle_tabel(controles: list[Controle]) -> tuple[Table, list[str]]:
    """De vergelijkingstabel; lange toelichtingen (errata) komen als genummerde noten eronder."""
    tabel = Tabel(title="Gepubliceerde cijfers nagerekend", title_justify="left")
    for kolom in ("Cijfer", "Gepubliceerd", "Berekend", "Oordeel", "Toelichting"):
        tabel.add_column(kolom, justify="right" if kolom in ("Gepubliceerd", "Berekend") else "left")
    noten: list[str] = []
    for v in controles:
        toelichting = v.toelichting
        if v.oordeel == ERRATUM:
            noten.append(f"{v.wat}, {v.cijfer}: {v.toelichting}")
            toelichting = f"zie noot {len(noten)}"
        tabel.add_row(
            f"{v.wat}: {CIJFER_NAMEN.get(v.cijfer, v.cijfer)}",
            getal(v.gepubliceerd),
            getal(v.berekend),
            Text(v.oordeel, style=_STIJL[v.oordeel]),
            _regel_tekst(v.regel) if v.regel and v.oordeel != ERRATUM else toelichting,
        )
    return tabel, noten


def toon(controles: list[Controle], console: Console, kba=None) -> None:
    """De controles; met `kba` (de uitkomst van de pilot) daarna hoe de gepubliceerde cijfers van de pilot tot stand komen."""
    tabel, noten = controle_tabel(controles)
    console.print(tabel)
    for i, noot in enumerate(noten, 1):
        console.print(zin(f"Noot {i} (bekend erratum) {noot}", console))
    aantal = {o: sum(1 for v in controles if v.oordeel == o) for o in _STIJL}
    console.print(
        f"{aantal[KLOPT]} kloppen, {aantal[ERRATUM]} bekend erratum, "
        f"{aantal[AFWIJKING] + aantal[ERRATUM_ZONDER_AFWIJKING]} onverklaarde afwijking(en)."
    )
    if kba is not None and kba.gepubliceerd:
        from kostenbaten.uitvoer.terminal.kba import afrondingen

        console.print()
        console.print(afrondingen(kba))
