"""De rich-console van kostenbaten: tekst uit een bestand komt nooit rauw op het scherm."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment

from kostenbaten.notatie import zichtbaar


class VeiligeConsole(Console):
    """Een `Console` die elk stuur-, niet- of richtingteken in de tekst zichtbaar maakt (`notatie.zichtbaar`).

    Een ESC-reeks in een onderwerp uit een export zou anders de terminal aansturen (klembord,
    vermomde link, venstertitel) en U+202E een naam omkeren. De eigen opmaak van rich (kleur,
    vet) zit niet in de tekst van een segment en blijft dus werken.
    """

    def render_str(self, text: str, *args, **kwargs):
        return super().render_str(zichtbaar(text), *args, **kwargs)

    def render(self, renderable, options=None):
        for segment in super().render(renderable, options):
            if segment.control or not segment.text:
                yield segment
            else:
                tekst = zichtbaar(segment.text)
                yield segment if tekst is segment.text else Segment(tekst, segment.style, segment.control)
