"""Cellen en tabellen voor de terminal: bedragen als rich-tekst (negatief in rood én met min-teken), lange woorden
die doorlopen, en een `Tabel` met smalle koppen op een smal scherm."""

from __future__ import annotations

from decimal import Decimal

from rich.table import Table
from rich.text import Text

from kostenbaten.notatie import afgebroken, breek_lange_woorden, euro, getal_nl


def bedrag_tekst(waarde: Decimal, decimalen: int = 0) -> Text:
    """Een bedrag, negatief in rood en mét min-teken (kleur alleen is niet genoeg)."""
    return Text(euro(waarde, decimalen), style="red" if waarde < 0 else "")


def getal_tekst(waarde: Decimal, decimalen: int = 0) -> Text:
    """Een bedrag zonder euroteken (de tabeltitel zegt 'in euro'), negatief in rood en met min-teken."""
    return Text(getal_nl(waarde, decimalen), style="red" if waarde < 0 else "")


def zin(tekst: str | Text, console) -> Text:
    """Lopende tekst al op de breedte van het scherm afgebroken, zodat € en bedrag op één regel blijven
    (rich breekt op elke spatie, ook een harde)."""
    if isinstance(tekst, Text):
        return Text(afgebroken(tekst.plain, console.width), style=tekst.style)
    return Text(afgebroken(tekst, console.width))


SMAL_SCHERM = 100  # kolommen: daaronder krijgen de smalle koppen van een `Tabel` hun smalle vorm


class Tabel(Table):
    """De rich-tabel van kostenbaten: een woord dat niet in zijn kolom past loopt door op de
    volgende regel (in plaats van met '…' te eindigen), en sommige koppen krijgen op een smal
    scherm een smalle vorm.

    `smalle_koppen` noemt per kop zijn smalle vorm en een maximale breedte, bijvoorbeeld
    `{"Baten/kosten": ("Baten/ kosten", 7)}`: onder `SMAL_SCHERM` kolommen breekt die kop
    op de spatie en houden de woordkolommen ernaast hele woorden; op een breed scherm staat
    de gewone kop op één regel.
    """

    def __init__(self, *args, smalle_koppen: dict[str, tuple[str, int]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.smalle_koppen = smalle_koppen or {}

    def add_column(self, *args, overflow="fold", **kwargs):
        return super().add_column(*args, overflow=overflow, **kwargs)

    def _pas_koppen_aan(self, breedte: int) -> None:
        smal = breedte < SMAL_SCHERM
        for kolom in self.columns:
            gewoon = getattr(kolom, "gewone_kop", kolom.header)
            if gewoon in self.smalle_koppen:
                kolom.gewone_kop = gewoon
                smalle_kop, max_breedte = self.smalle_koppen[gewoon]
                kolom.header, kolom.max_width = (smalle_kop, max_breedte) if smal else (gewoon, None)

    def _breek_lange_woorden(self, console, options) -> None:
        """Een woord dat niet in zijn kolom past, breekt op een Nederlands afbreekpunt met een streepje
        (Woning-/corporatie), niet op een willekeurige letter zoals rich zelf doet (Woningcorporat/ie).

        Alleen tekst zonder opmaak; de oorspronkelijke cellen blijven bewaard, zodat elke weergave
        op haar eigen breedte opnieuw begint."""
        breedte = options.max_width if self.width is None else self.width
        kolommen = self._calculate_column_widths(console, options.update_width(breedte - self._extra_width))
        for index, (kolom, totaal) in enumerate(zip(self.columns, kolommen)):
            if not hasattr(kolom, "oorspronkelijke_cellen"):
                kolom.oorspronkelijke_cellen = list(kolom._cells)
            ruimte = totaal - self._get_padding_width(index)
            cellen = []
            for cel in kolom.oorspronkelijke_cellen:
                if isinstance(cel, str):
                    cel = breek_lange_woorden(cel, ruimte)
                elif isinstance(cel, Text) and not cel.spans:
                    cel = Text(breek_lange_woorden(cel.plain, ruimte), style=cel.style, justify=cel.justify)
                cellen.append(cel)
            kolom._cells = cellen

    def __rich_console__(self, console, options):
        self._pas_koppen_aan(options.max_width)
        self._breek_lange_woorden(console, options)
        return super().__rich_console__(console, options)

    def __rich_measure__(self, console, options):
        self._pas_koppen_aan(options.max_width)
        return super().__rich_measure__(console, options)
