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
BLADWIJZERS = [0]  # het volgnummer van de bladwijzers in één document (docx() zet het terug op 0)


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


def _bladwijzer(anker: str) -> str:
    """Een anker als naam van een Word-bladwijzer (letters, cijfers en _)."""
    return anker.replace("-", "_")


def _markeer(alinea, anker: str, nummer: list[int]) -> None:
    """Zet een bladwijzer om de alinea, zodat een verwijzing op de voorkant erheen springt."""
    nummer[0] += 1
    begin = OxmlElement("w:bookmarkStart")
    begin.set(qn("w:id"), str(nummer[0]))
    begin.set(qn("w:name"), _bladwijzer(anker))
    eind = OxmlElement("w:bookmarkEnd")
    eind.set(qn("w:id"), str(nummer[0]))
    alinea._p.insert(1 if alinea._p.pPr is not None else 0, begin)
    alinea._p.append(eind)


def _verwijzing(alinea, tekst: str, anker: str, vet: bool = False):
    """Tekst die naar een bladwijzer in de bijlage springt (Ctrl+klik in Word), onderstreept."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), _bladwijzer(anker))
    link.set(qn("w:history"), "1")
    run = alinea.add_run(_b(tekst))
    run.bold = vet
    run.underline = True
    link.append(run._r)
    alinea._p.append(link)


def _cel(cel, tekst: str, rechts: bool, vet: bool = False, anker: str | None = None) -> None:
    alinea = cel.paragraphs[0]
    if anker:
        _verwijzing(alinea, tekst, anker, vet)
    else:
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
            anker = b["ankers"].get(f"{i - 1},{j}") if i > 0 else None  # de slotregels tellen door na de rijen
            _cel(t.rows[i].cells[j], tekst, j in b["rechts"], vet, anker)
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


def _knopen(document, knopen: list[dict], diepte: int = 0, nummer: list[int] | None = None) -> None:
    nummer = [0] if nummer is None else nummer
    for k in knopen:
        alinea = document.add_paragraph(style=LIJSTEN[min(diepte, len(LIJSTEN) - 1)])
        if diepte >= len(LIJSTEN):
            alinea.paragraph_format.left_indent = Cm(0.6 * (diepte + 1))
        # De rekenbomen in kleinere letters en zonder witregel tussen de knopen: de bijlage blijft zo te overzien.
        alinea.paragraph_format.space_after = Pt(0)
        alinea.add_run(_b(k["tekst"])).font.size = Pt(9)
        if k["detail"]:
            alinea.add_run().add_break()
            detail = alinea.add_run(_b(k["detail"]))
            detail.font.size = Pt(7.5)
            detail.font.color.rgb = GRIJS
        if k.get("anker"):
            _markeer(alinea, k["anker"], nummer)
        _knopen(document, k["kinderen"], diepte + 1, nummer)


def blok(document, b: dict) -> None:
    soort = b["soort"]
    if soort == "alinea":
        alinea = document.add_paragraph()
        for d in b["delen"]:
            if d["anker"]:
                _verwijzing(alinea, d["tekst"], d["anker"], b["nadruk"])
            else:
                alinea.add_run(_b(d["tekst"])).bold = b["nadruk"]
    elif soort == "opsomming":
        for regel in b["delen"]:
            punt = document.add_paragraph(style="List Bullet")
            for d in regel:
                if d["anker"]:
                    _verwijzing(punt, d["tekst"], d["anker"])
                else:
                    punt.add_run(_b(d["tekst"]))
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
        _knopen(document, b["knopen"], nummer=BLADWIJZERS)


def docx(doc: dict) -> Document:
    BLADWIJZERS[0] = 0
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
        _markeer(kop, s["plek"], BLADWIJZERS)  # de voorkant kan naar een bijlage zelf verwijzen (de gepubliceerde cijfers)
        if i == 0:
            kop.paragraph_format.page_break_before = True
        if s["plek"] == "uitleg":  # de rekenbomen zijn smal en lang: in twee kolommen, zoals in de PDF
            _kolommen(document, 1)
            for b in s["blokken"]:
                blok(document, b)
            _kolommen(document, 2)
            continue
        for b in s["blokken"]:
            blok(document, b)
    return document


def _kolommen(document, aantal: int) -> None:
    """Sluit de tekst tot hier af als een sectie met `aantal` kolommen; wat volgt begint zonder nieuwe pagina, in één kolom."""
    from docx.enum.section import WD_SECTION

    def zet(sectie, n: int) -> None:
        kolommen = sectie._sectPr.find(qn("w:cols"))
        if kolommen is None:
            kolommen = OxmlElement("w:cols")
            sectie._sectPr.append(kolommen)
        kolommen.set(qn("w:num"), str(n))
        kolommen.set(qn("w:space"), "425")

    zet(document.sections[-1], aantal)
    nieuw = document.add_section(WD_SECTION.CONTINUOUS)
    zet(nieuw, 1)


def schrijf_docx(doc: dict, doel: Path) -> None:
    docx(doc).save(str(doel))
