"""Cellen voor de terminal: bedragen en getallen als rich-tekst, negatief in rood en met min-teken."""

from __future__ import annotations

from decimal import Decimal

from rich.table import Table
from rich.text import Text

from kostenbaten.notatie import euro, getal_nl


def bedrag_tekst(waarde: Decimal, decimalen: int = 0) -> Text:
    """Een bedrag, negatief in rood en mét min-teken (kleur alleen is niet genoeg)."""
    return Text(euro(waarde, decimalen), style="red" if waarde < 0 else "")


def getal_tekst(waarde: Decimal, decimalen: int = 0) -> Text:
    """Een bedrag zonder euroteken (de tabeltitel zegt 'in euro'), negatief in rood en met min-teken."""
    return Text(getal_nl(waarde, decimalen), style="red" if waarde < 0 else "")


def vouw_lange_woorden(tabel: Table) -> Table:
    """Een woord dat niet in zijn kolom past, loopt door op de volgende regel in plaats van met '…' te eindigen."""
    for kolom in tabel.columns:
        kolom.overflow = "fold"
    return tabel



SMAL = 100  # kolommen: daaronder krijgen de smalle kolommen van een `Tabel` hun maximale breedte


class Tabel(Table):
    """Een rich-tabel met smalle kolommen voor een smal scherm.

    `smal` noemt per kolomkop een maximale breedte: op een scherm van minder dan
    `SMAL` kolommen breekt die kop dan op zijn spaties (`Baten/ kosten`) en houden
    de woordkolommen ernaast hele woorden; op een breed scherm staat de kop op één regel.
    """

    def __init__(self, *args, smal: dict[str, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.smal = smal or {}

    def _pas_breedtes_aan(self, breedte: int) -> None:
        for kolom in self.columns:
            if kolom.header in self.smal:
                kolom.max_width = self.smal[kolom.header] if breedte < SMAL else None

    def __rich_console__(self, console, options):
        self._pas_breedtes_aan(options.max_width)
        return super().__rich_console__(console, options)

    def __rich_measure__(self, console, options):
        self._pas_breedtes_aan(options.max_width)
        return super().__rich_measure__(console, options)
