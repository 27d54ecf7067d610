"""Het rapport als Word-document (.docx) om een raadsvoorstel van te maken: dezelfde blokken als HTML en PDF.

Echte koppen (de stijlen Kop 1 en Kop 2, dus in het navigatievenster en een
inhoudsopgave), Word-tabellen voor elke tabel (met een kopregel die op een
nieuwe pagina terugkomt), grafieken als PNG met hun beschrijving als
alternatieve tekst, en gewone bewerkbare tekst. python-docx laadt alleen hier.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from kostenbaten.notatie import euro_bijeen as _b
from kostenbaten.uitvoer.rapport.grafiek import png_van

GRIJS = RGBColor(0x59, 0x59, 0x59)
BEELD_BREEDTE = Cm(14)
LIJSTEN = ("List Bullet", "List Bullet 2", "List Bullet 3")


def _taal(document) -> None:
    """Nederlands als taal van de tekst, zodat Word de spelling en de woordafbreking in het Nederlands doet."""
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    taal = OxmlElement("w:lang")
    taal.set(qn("w:val"), "nl-NL")
    rpr.append(taal)


def _kopregel(rij) -> None:
    """De eerste rij van een tabel herhaalt bovenaan elke pagina waarover de tabel loopt."""
    eigenschappen = rij._tr.get_or_add_trPr()
    kop = OxmlElement("w:tblHeader")
    kop.set(qn("w:val"), "true")
    eigenschappen.append(kop)


def _cel(cel, tekst: str, rechts: bool, vet: bool = False) -> None:
    alinea = cel.paragraphs[0]
    run = alinea.add_run(_b(tekst))
    run.bold = vet
    if rechts:
        alinea.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def tabel(document, b: dict) -> None:
    rijen = [b["kop"], *b["rijen"], *b["slot"]]
    t = document.add_table(rows=len(rijen), cols=len(b["kop"]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    for i, rij in enumerate(rijen):
        vet = i == 0 or i > len(b["rijen"])
        for j, tekst in enumerate(rij):
            _cel(t.rows[i].cells[j], tekst, j in b["rechts"], vet)
    _kopregel(t.rows[0])
    if b.get("bijschrift"):
        onder = document.add_paragraph(_b(b["bijschrift"]), style="Caption")
        onder.runs[0].font.color.rgb = GRIJS
    else:
        document.add_paragraph()


def grafiek(document, b: dict) -> None:
    png = png_van(b["svg"])
    if png is not None:
        document.add_picture(io.BytesIO(png), width=BEELD_BREEDTE)
        beeld = document.paragraphs[-1]
        beeld.paragraph_format.keep_with_next = True
        # De alternatieve tekst van de afbeelding: dezelfde beschrijving als in HTML en PDF.
        for eigenschap in beeld._p.xpath(".//wp:docPr"):
            eigenschap.set("descr", b["beschrijving"])
            eigenschap.set("title", b["naam"])
    if b.get("tabel"):
        tabel(document, b["tabel"])


def _knopen(document, knopen: list[dict], diepte: int = 0) -> None:
    for k in knopen:
        alinea = document.add_paragraph(style=LIJSTEN[min(diepte, len(LIJSTEN) - 1)])
        if diepte >= len(LIJSTEN):
            alinea.paragraph_format.left_indent = Cm(0.6 * (diepte + 1))
        alinea.add_run(_b(k["tekst"]))
        if k["detail"]:
            alinea.add_run().add_break()
            detail = alinea.add_run(_b(k["detail"]))
            detail.font.size = Pt(8)
            detail.font.color.rgb = GRIJS
        _knopen(document, k["kinderen"], diepte + 1)


def blok(document, b: dict) -> None:
    soort = b["soort"]
    if soort == "alinea":
        run = document.add_paragraph().add_run(_b(b["tekst"]))
        run.bold = b["nadruk"]
    elif soort == "opsomming":
        for regel in b["regels"]:
            document.add_paragraph(_b(regel), style="List Bullet")
    elif soort == "tabel":
        tabel(document, b)
    elif soort == "grafiek":
        grafiek(document, b)
    elif soort == "bij_elkaar":
        for d in b["blokken"]:
            blok(document, d)
            if d["soort"] == "alinea":
                document.paragraphs[-1].paragraph_format.keep_with_next = True
    elif soort == "naast":
        for d in b["blokken"]:
            blok(document, d)
    elif soort == "boom":
        _knopen(document, b["knopen"])


def docx(doc: dict) -> Document:
    document = Document()
    _taal(document)
    document.core_properties.title = doc["titel"]
    document.core_properties.language = "nl-NL"
    sectie = document.sections[0]
    sectie.page_height, sectie.page_width = Cm(29.7), Cm(21.0)
    sectie.left_margin = sectie.right_margin = Cm(2)
    sectie.footer.paragraphs[0].text = doc["voet"]
    document.add_heading(doc["titel"], level=0)
    for b in doc["inleiding"]:
        blok(document, b)
    for s in doc["voor"]:
        document.add_heading(s["titel"], level=1)
        for b in s["blokken"]:
            blok(document, b)
    for i, s in enumerate(doc["bijlagen"]):
        kop = document.add_heading(s["titel"], level=1)
        if i == 0:
            kop.paragraph_format.page_break_before = True
        for b in s["blokken"]:
            blok(document, b)
    return document


def schrijf_docx(doc: dict, doel: Path) -> None:
    docx(doc).save(str(doel))
