"""De grafieken van het rapport met matplotlib, als SVG: Nederlandse notatie, elke staaf een label, leesbaar in grijs.

Tekst wordt als paden getekend (`svg.fonttype = 'path'`), zodat de grafiek in
elke browser en in typst dezelfde letters toont zonder lettertypebestand.
Kleur draagt nooit alleen de betekenis: elke reeks heeft een eigen grijstint
én arcering, en elke staaf zijn bedrag ernaast.
"""

from __future__ import annotations

import io
import logging
import textwrap
import warnings
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import offset_copy

from kostenbaten.notatie import euro

BREEDTE = 3.9  # inch; in de PDF ongeveer de halve tekstbreedte, zodat de letters daar en op een telefoon niet krimpen
LETTER = 8

matplotlib.rcParams.update(
    {
        "svg.fonttype": "path",
        "svg.hashsalt": "kostenbaten",  # vaste id's: hetzelfde rapport geeft dezelfde SVG
        "font.family": "DejaVu Sans",
        "font.size": LETTER,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "hatch.linewidth": 0.6,
        # Labels zijn namen uit de invoer: gewone tekst, nooit wiskunde (`$\\foo{$` zou mathtext laten vastlopen).
        "text.parse_math": False,
    }
)
# Een teken dat het lettertype niet heeft, wordt een leeg vakje; de Engelse melding (met bronpaden) hoort niet op stderr.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
logging.getLogger("matplotlib.mathtext").setLevel(logging.ERROR)

# Een label in een grafiek staat op hoogstens zoveel regels; de volledige tekst staat in de tabel ernaast.
MAX_REGELS = 2


@dataclass(frozen=True)
class Reeks:
    """Eén reeks staven: naam in de legenda, bedragen (Decimal), grijstint (0 zwart, 1 wit) en arcering."""

    naam: str
    waarden: list[Decimal]
    grijs: str
    arcering: str = ""


def _tekening(x: Decimal) -> float:
    """Een bedrag als coördinaat van de tekening; het label ernaast komt exact uit `notatie.euro`."""
    return float(x)


def _as_euro(x: float, _pos=None) -> str:
    return euro(Decimal(round(x)))


def _regels(label: str, breedte: int = 24) -> str:
    """Een label over hoogstens `MAX_REGELS` regels; wat niet past wordt '…' (een heel lang woord wordt gebroken)."""
    regels = textwrap.wrap(" ".join(label.split()), breedte)
    if len(regels) > MAX_REGELS:
        regels = regels[:MAX_REGELS]
        regels[-1] = regels[-1][: breedte - 1].rstrip() + "…"
    return "\n".join(regels)


# Word toont geen SVG zonder PNG ernaast: voor een .docx tekent dezelfde figuur ook een PNG (zie `met_png`).
MET_PNG: ContextVar[bool] = ContextVar("met_png", default=False)
_PNG: dict[str, bytes] = {}
PNG_DPI = 200


def png_van(svg: str) -> bytes | None:
    """De PNG die bij deze SVG getekend is (alleen als `MET_PNG` aan stond)."""
    return _PNG.get(svg)


def _svg(fig: Figure) -> str:
    uit = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 'Glyph ... missing from font(s)': het vakje zelf is zichtbaar, de tabel heeft de tekst
        fig.savefig(uit, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight", pad_inches=0.04)
    tekst = uit.getvalue()
    # Alleen het <svg>-element: zonder XML-kop en DOCTYPE past het in HTML en in een bestand.
    svg = tekst[tekst.index("<svg"):]
    if MET_PNG.get():
        beeld = io.BytesIO()
        fig.savefig(beeld, format="png", dpi=PNG_DPI, metadata={"Software": None}, bbox_inches="tight", pad_inches=0.04,
                    facecolor="white")
        _PNG[svg] = beeld.getvalue()
    return svg


def _legenda(fig: Figure, ax, kolommen: int) -> None:
    """De legenda onder de as-titel; `bbox_inches='tight'` bij het opslaan maakt er ruimte voor (sneller dan een layout-motor)."""
    onder = offset_copy(ax.transAxes, fig=fig, y=-27, units="points")
    fig.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=onder, ncols=kolommen, frameon=False)


def _ruimte(ax, laagste: float, hoogste: float) -> None:
    """Ruimte voor de labels naast de staven, aan de kant(en) waar staven staan."""
    breedte = (hoogste - laagste) or 1.0
    ax.set_xlim(min(laagste, 0.0) - (0.32 * breedte if laagste < 0 else 0.0), max(hoogste, 0.0) + 0.32 * breedte)


def staven(labels: list[str], reeksen: list[Reeks], as_titel: str = "") -> str:
    """Liggende staven per label, één staaf per reeks, met het bedrag aan het eind van elke staaf."""
    n, k = len(labels), len(reeksen)
    dikte = 0.8 / k
    fig = Figure(figsize=(BREEDTE, 0.5 + n * (0.08 + 0.15 * k)))
    ax = fig.add_subplot()
    alle = [_tekening(w) for r in reeksen for w in r.waarden]
    for i, reeks in enumerate(reeksen):
        posities = [j + (i - (k - 1) / 2) * dikte for j in range(n)]
        staaf = ax.barh(
            posities, [_tekening(w) for w in reeks.waarden], height=dikte * 0.92, color=reeks.grijs,
            edgecolor="black", linewidth=0.6, hatch=reeks.arcering or None, label=reeks.naam,
        )
        ax.bar_label(staaf, labels=[euro(w) for w in reeks.waarden], padding=3, fontsize=LETTER - 0.5)
    ax.set_yticks(range(n), [_regels(l) for l in labels])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    _ruimte(ax, min(alle), max(alle))
    ax.xaxis.set_major_formatter(FuncFormatter(_as_euro))
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="0.85", linewidth=0.5)
    ax.set_axisbelow(True)
    if as_titel:
        ax.set_xlabel(as_titel)
    if k > 1:
        _legenda(fig, ax, k)
    return _svg(fig)


def tornado(labels: list[str], basis: Decimal, laag: list[Decimal], hoog: list[Decimal], namen: tuple[str, str], as_titel: str) -> str:
    """Het tornadodiagram: per invoer een staaf van het basistotaal naar het totaal bij lage en bij hoge invoer."""
    n = len(labels)
    fig = Figure(figsize=(BREEDTE, 0.7 + n * 0.29))
    ax = fig.add_subplot()
    b = _tekening(basis)
    for waarden, naam, grijs, arcering, verschuiving in ((laag, namen[0], "0.88", "////", -0.19), (hoog, namen[1], "0.45", "", 0.19)):
        staaf = ax.barh(
            [j + verschuiving for j in range(n)], [_tekening(w) - b for w in waarden], left=b, height=0.36,
            color=grijs, edgecolor="black", linewidth=0.6, hatch=arcering or None, label=naam,
        )
        ax.bar_label(staaf, labels=[euro(w) for w in waarden], padding=3, fontsize=LETTER - 1)
    alle = [_tekening(w) for w in (*laag, *hoog)] + [b]
    laagste, hoogste = min(alle), max(alle)
    rand = 0.3 * ((hoogste - laagste) or 1.0)
    ax.set_xlim(laagste - rand, hoogste + rand)
    ax.axvline(b, color="black", linewidth=0.9)
    ax.annotate(f"nu {euro(basis)}", (b, 1.0), xycoords=("data", "axes fraction"), xytext=(0, 2), textcoords="offset points",
                ha="center", va="bottom", fontsize=LETTER - 0.5, fontweight="bold")
    ax.set_yticks(range(n), [_regels(l, 30) for l in labels])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(_as_euro))
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="0.85", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.set_xlabel(as_titel)
    _legenda(fig, ax, 2)
    return _svg(fig)
