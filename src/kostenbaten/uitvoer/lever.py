"""Eén weg naar buiten: elke analyse in elk formaat naar de terminal, de standaarduitvoer of een bestand.

`lever(analyse, uitkomst, formaat, doel, overschrijf)` zoekt het formaat op in
`register.UITVOER`, maakt het ding (een tabel op het scherm, een JSON-document,
een werkmap, een rapport) en schrijft een bestand altijd atomair via
`uitvoer/bestand.py`: nooit een bestaand bestand zonder `overschrijf`, nooit een
invoerbestand, heel of niet. Zware bibliotheken laden pas in de module van het formaat.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kostenbaten.uitvoer import register


def lever(
    analyse: str,
    uitkomst,
    formaat: str = "terminal",
    doel: Path | None = None,
    overschrijf: bool = False,
    /,
    *,
    waarschuwingen=None,
    tabel: dict | None = None,
    voet: str = "",
    meld: bool = True,
    **context,
) -> None:
    """Levert `uitkomst` van `analyse` als `formaat` (een sleutel van `register.UITVOER`) naar `doel`, of zonder doel naar het scherm.

    `context` gaat naar de functie van het formaat, `tabel` alleen naar de terminal. Waarschuwingen
    staan in JSON onder `waarschuwingen`, in de terminal samen op stderr na de uitkomst. Bij het
    rapport is `analyse` "rapport" en `uitkomst` een `api.Rapport` (elke sectie krijgt haar eigen uitkomst en het geheel); `voet` is zijn
    voetregel. Na een bestand meldt stderr `Geschreven: BESTAND` (met `meld`). De eerste vijf
    argumenten gaan op hun plaats, zodat een analyse zelf een `doel` in haar context kan hebben.
    """
    uitvoer = register.UITVOER[formaat]
    if uitvoer.schrijf is None:
        register.toon(analyse, uitkomst, **context, **(tabel or {}))
        if waarschuwingen:
            _waarschuwingen_op_stderr(waarschuwingen)
        return
    if uitvoer.maak == "json" and doel is None:
        register.schrijf_json(analyse, uitkomst, sys.stdout, waarschuwingen=waarschuwingen, **context)
        return
    if doel is None:
        raise ValueError(f"{formaat} is een bestand: geef een doel")
    ding = _maak(uitvoer, formaat, analyse, uitkomst, waarschuwingen, voet, context)
    schrijver = register.functie(uitvoer.schrijf)

    from kostenbaten.uitvoer.bestand import schrijf_atomair

    schrijf_atomair(Path(doel), lambda pad: schrijver(ding, pad), overschrijf)
    if meld:
        from kostenbaten.notatie import zichtbaar

        _op_stderr(zichtbaar(f"Geschreven: {doel}"))


def _maak(uitvoer: register.Uitvoer, formaat: str, analyse: str, uitkomst, waarschuwingen, voet: str, context: dict):
    """Het ding dat de schrijver van het formaat naar een bestand zet."""
    if uitvoer.maak == "json":
        return register.json_document(analyse, uitkomst, waarschuwingen, **context)
    if uitvoer.maak == "rapport":
        from kostenbaten.uitvoer.rapport.document import document

        if formaat in register.RAPPORT_MET_PNG:  # Word toont geen SVG alleen: elke grafiek ook als PNG
            from kostenbaten.uitvoer.rapport.grafiek import MET_PNG

            MET_PNG.set(True)
        return document([register.zoek(a, "rapport")(u, uitkomst) for a, u in uitkomst.uitkomsten.items()], voet)
    if uitvoer.maak in register.FUNCTIES:
        return register.zoek(analyse, uitvoer.maak)(uitkomst, **context)
    return register.functie(uitvoer.maak)(uitkomst, **({"voet": voet} if voet else {}), **context)


def _waarschuwingen_op_stderr(waarschuwingen) -> None:
    """Na de tabellen: 'Waarschuwingen (n):' en elke waarschuwing op de breedte van het scherm, op stderr."""
    import shutil

    from kostenbaten.notatie import afgebroken, zichtbaar
    from kostenbaten.uitvoer.waarschuwingen import tekst

    sys.stdout.flush()
    _op_stderr(f"Waarschuwingen ({len(waarschuwingen)}):")
    breedte = max(shutil.get_terminal_size().columns, 40)
    for w in waarschuwingen:
        _op_stderr(afgebroken(zichtbaar(f"- {tekst(w)}"), breedte, inspringen="  "))


def _op_stderr(tekst: str) -> None:
    print(tekst, file=sys.stderr, flush=True)
