"""Het rapport als PDF: typst zet de gegevens (JSON) en dezelfde SVG-grafieken als de HTML in A4-pagina's.

typst komt als wiel van PyPI en heeft geen systeempakketten nodig; als letter
gebruikt het DejaVu Sans uit matplotlib, zodat de PDF op elke machine dezelfde
letters en dus dezelfde pagina's heeft.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from importlib.resources import files
from pathlib import Path

import matplotlib
import typst

from kostenbaten.uitvoer.rapport.blokken import grafieken, zonder_svg

VOORKANT_PAGINAS = 2
SCHALEN = ("1", "0.92", "0.85", "0.78", "0.72", "0.66")  # letters en grafieken zo veel kleiner als nodig voor een voorkant van twee pagina's
LETTERS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")


def pdf(doc: dict) -> bytes:
    with tempfile.TemporaryDirectory(prefix="kostenbaten-rapport-") as map_:
        werk = Path(map_)
        for b in grafieken(doc):
            (werk / f"grafiek-{b['naam']}.svg").write_text(b["svg"], encoding="utf-8")
        (werk / "rapport.json").write_text(json.dumps(zonder_svg(doc), ensure_ascii=False), encoding="utf-8")
        with (files("kostenbaten.uitvoer.rapport") / "sjablonen" / "rapport.typ").open("rb") as sjabloon:
            (werk / "rapport.typ").write_bytes(sjabloon.read())
        # Alleen de vier snitten van DejaVu Sans: typst leest elk lettertype in de map, en die van matplotlib heeft er veertig.
        letters = werk / "letters"
        letters.mkdir()
        for snit in LETTERS:
            shutil.copyfile(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / snit, letters / snit)
        zetter = typst.Compiler(str(werk / "rapport.typ"), root=str(werk), font_paths=[str(letters)], ignore_system_fonts=True)
        # Eerst met de verwijzing onder elke tabel naar de bijlage; past de voorkant op geen enkele schaal, dan zonder
        # (de cellen zelf blijven verwijzingen, en onder de kernzin staat de bijlage met haar pagina).
        for tabelverwijzing in ("ja", "nee"):
            for schaal in SCHALEN:
                uit = zetter.compile(sys_inputs={"schaal": schaal, "tabelverwijzing": tabelverwijzing})
                # query zet opnieuw met de invoer van de laatste compile; dezelfde zetter houdt zijn werk in het geheugen.
                if int(zetter.query("<voorkant-eind>", field="value", one=True)) <= VOORKANT_PAGINAS:
                    return uit
        return uit


def schrijf_pdf(doc: dict, doel: Path) -> None:
    doel.write_bytes(pdf(doc))
