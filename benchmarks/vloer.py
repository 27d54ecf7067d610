"""De vloer van de gekozen stack: een minimale typer-app met één pad-argument die één rich-tabel toont.

`kostenbaten bereken` kan niet sneller starten dan dit; `opstart.py` meet de verhouding.
Met `--bevries` slaat de vloer, net als `kostenbaten`, de laatste kringzoektocht van de
garbage collector bij het afsluiten over (`gc.freeze` bij atexit); die verhouding meet
alleen wat kostenbaten bovenop de stack doet, zonder het voordeel van die afsluittruc.
"""

import atexit
import gc
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False)


@app.command()
def toon(pad: Path) -> None:
    tabel = Table("pad", "aantal")
    tabel.add_row(str(pad), "1")
    Console().print(tabel)


@app.callback()
def _groep() -> None:
    """Een groep, zoals kostenbaten (met subcommando's)."""


if __name__ == "__main__":
    if "--bevries" in sys.argv:
        sys.argv.remove("--bevries")
        atexit.register(gc.freeze)
    app()
