"""De gevoeligheidsanalyse als werkmap: per invoer het effect van -stap en +stap, en per methode een tornado."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from kostenbaten.berekening.gevoeligheid import Gevoeligheid
from kostenbaten.geld import afronden_op_centen
from kostenbaten.uitvoer.excel.blad import EURO, kop, op_centen, zonder_formules


def werkmap(g: Gevoeligheid, plek=None) -> Workbook:
    map_ = Workbook()
    blad = map_.active
    blad.title = "Gevoeligheid"
    methoden = list(g.basis)
    kolommen = ["Invoer", "Sleutel", "Waar", "Eenheid", "Basis", "Laag", "Hoog"]
    for m in methoden:
        kolommen += [f"Totaal laag ({m})", f"Totaal hoog ({m})", f"Zwaai ({m})", f"Omslagpunt ({m})", f"Toelichting ({m})"]
    kop(blad, kolommen)
    blad.column_dimensions["A"].width = 60
    for v in g.gesorteerd(methoden[0]):
        rij = [v.knop.naam, v.knop.sleutel, None if plek is None or v.knop.plek is None else plek(*v.knop.plek), v.knop.eenheid]
        rij += [op_centen(v.knop.basis), op_centen(v.laag), op_centen(v.hoog)]
        for m in methoden:
            e = v.effecten[m]
            rij += [op_centen(e.laag), op_centen(e.hoog), op_centen(e.zwaai), op_centen(e.omslagpunt.waarde), e.omslagpunt.reden]
        blad.append(rij)
    for rij in blad.iter_rows(min_row=2):
        for cel in rij[7:]:
            if isinstance(cel.value, Decimal):
                cel.number_format = EURO

    # Per methode een tornado: verschil met het basistotaal bij -stap en +stap, als liggende staven.
    for m in methoden:
        tornado = map_.create_sheet(f"Tornado {m}")
        kop(tornado, ["Invoer", "Verschil bij -stap", "Verschil bij +stap"])
        tornado.column_dimensions["A"].width = 60
        rijen = list(reversed(g.gesorteerd(m)))  # Excel tekent de eerste rij onderaan
        for v in rijen:
            e = v.effecten[m]
            tornado.append([v.knop.naam, op_centen(e.laag - e.basis), op_centen(e.hoog - e.basis)])
        grafiek = BarChart()
        grafiek.type = "bar"
        grafiek.grouping = "clustered"
        grafiek.overlap = 100
        grafiek.title = f"Tornado {m}: verschil met het totaal van € {afronden_op_centen(g.basis[m])}"
        grafiek.y_axis.title = "verschil in euro"
        grafiek.x_axis.tickLblPos = "low"  # namen links naast de grafiek, niet over de staven
        data = Reference(tornado, min_col=2, max_col=3, min_row=1, max_row=len(rijen) + 1)
        namen = Reference(tornado, min_col=1, min_row=2, max_row=len(rijen) + 1)
        grafiek.add_data(data, titles_from_data=True)
        grafiek.set_categories(namen)
        grafiek.height = max(8, len(rijen) * 0.6)
        grafiek.width = 24
        tornado.add_chart(grafiek, "E2")
    return zonder_formules(map_)
