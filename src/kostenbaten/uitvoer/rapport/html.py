"""Het rapport als één HTML-bestand zonder netwerk: stijl, grafieken (SVG) en tekst staan er allemaal in."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from kostenbaten.notatie import euro_bijeen


WOORDVERBINDER = "\u2060"  # onzichtbaar; een browser breekt er geen regel


def _euro_bijeen(waarde):
    """`€ 115.566` breekt nooit tussen het teken en het getal: een harde spatie in elke tekst; `-€ 28.659` ook
    niet na het min-teken (een woordverbinder tussen - en €)."""
    return euro_bijeen(waarde).replace("-€", "-" + WOORDVERBINDER + "€") if isinstance(waarde, str) else waarde


def html(doc: dict) -> str:
    omgeving = Environment(
        finalize=_euro_bijeen,
        loader=PackageLoader("kostenbaten.uitvoer.rapport", "sjablonen"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return omgeving.get_template("rapport.html.j2").render(doc=doc)


def schrijf_html(doc: dict, doel: Path) -> None:
    doel.write_text(html(doc), encoding="utf-8")
