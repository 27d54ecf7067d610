"""De analyses als Excel-werkmap (openpyxl): tabellen met een staafdiagram. Alleen geladen met --xlsx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.berekening.gevoeligheid import Gevoeligheid
from kostenbaten.berekening.meerjarig import CONVENTIE, Meerjarig, beelden, vergelijkingen
from kostenbaten.geld import afronden_op_centen

EURO = '"€" #,##0.00;[Red]"€" -#,##0.00'


def _getal(waarde: Decimal | None):
    """Excel rekent in dubbele precisie; we geven het bedrag afgerond op centen mee."""
    return None if waarde is None else afronden_op_centen(waarde)


def _kop(blad, kolommen: list[str]) -> None:
    blad.append(kolommen)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    blad.freeze_panes = "A2"
    for i, kolom in enumerate(kolommen, start=1):
        blad.column_dimensions[get_column_letter(i)].width = max(12, min(60, len(kolom) + 4))


def gevoeligheid_werkmap(g: Gevoeligheid, plek=None) -> Workbook:
    map_ = Workbook()
    blad = map_.active
    blad.title = "Gevoeligheid"
    methoden = list(g.basis)
    kolommen = ["Invoer", "Sleutel", "Waar", "Eenheid", "Basis", "Laag", "Hoog"]
    for m in methoden:
        kolommen += [f"Totaal laag ({m})", f"Totaal hoog ({m})", f"Zwaai ({m})", f"Omslagpunt ({m})", f"Toelichting ({m})"]
    _kop(blad, kolommen)
    blad.column_dimensions["A"].width = 60
    for v in g.gesorteerd(methoden[0]):
        rij = [v.knop.naam, v.knop.sleutel, None if plek is None or v.knop.plek is None else plek(*v.knop.plek), v.knop.eenheid]
        rij += [_getal(v.knop.basis), _getal(v.laag), _getal(v.hoog)]
        for m in methoden:
            e = v.effecten[m]
            rij += [_getal(e.laag), _getal(e.hoog), _getal(e.zwaai), _getal(e.omslagpunt.waarde), e.omslagpunt.reden]
        blad.append(rij)
    for rij in blad.iter_rows(min_row=2):
        for cel in rij[7:]:
            if isinstance(cel.value, Decimal):
                cel.number_format = EURO

    # Per methode een tornado: verschil met het basistotaal bij -stap en +stap, als liggende staven.
    for m in methoden:
        tornado = map_.create_sheet(f"Tornado {m}")
        _kop(tornado, ["Invoer", "Verschil bij -stap", "Verschil bij +stap"])
        tornado.column_dimensions["A"].width = 60
        rijen = list(reversed(g.gesorteerd(m)))  # Excel tekent de eerste rij onderaan
        for v in rijen:
            e = v.effecten[m]
            tornado.append([v.knop.naam, _getal(e.laag - e.basis), _getal(e.hoog - e.basis)])
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
    return map_


def schrijf_werkmap(map_: Workbook, pad: Path) -> None:
    from kostenbaten.uitvoer.excel_veilig import bewaar_zonder_formules

    bewaar_zonder_formules(map_, pad)


def _blad(map_: Workbook, titel: str, kolommen: list[str], rijen, geld: bool = True) -> object:
    """Een blad met een kopregel; met `geld` worden Decimal-waarden bedragen op centen."""
    blad = map_.create_sheet(titel)
    _kop(blad, kolommen)
    for rij in rijen:
        blad.append([_getal(w) if geld and isinstance(w, Decimal) else w for w in rij])
    if geld:
        for rij in blad.iter_rows(min_row=2):
            for cel in rij:
                if isinstance(cel.value, Decimal):
                    cel.number_format = EURO
    return blad


def _zonder_leeg_blad(map_: Workbook) -> Workbook:
    map_.remove(map_.active)
    return map_


def meerjarig_werkmap(m: Meerjarig) -> Workbook:
    map_ = Workbook()
    namen = [naam for naam, _ in beelden(m)]
    for v, titel in zip(vergelijkingen(m), ("Per casus", "Extrapolatie", "Actoren")):
        _blad(map_, titel, [v.eerste_kolom, "Wie", *namen], ([groep, wie, *waarden] for groep, wie, waarden in v.rijen))
    conventie = [
        ["Horizon (jaren)", m.horizon],
        ["Discontovoet (% per jaar)", m.disconto],
        ["Conventie", CONVENTIE],
        *([f"Factor jaar {t}", f.quantize(Decimal("1e-12"))] for t, f in enumerate(m.jaarfactoren, start=1)),
    ]
    blad = _blad(map_, "Conventie", ["Wat", "Waarde"], conventie, geld=False)
    blad.column_dimensions["B"].width = 100
    return _zonder_leeg_blad(map_)


def actoren_werkmap(a: ActorenUitkomst) -> Workbook:
    map_ = Workbook()
    kolommen = ["Actor", "Groep", "Betaalt", "Wint", "Saldo"]
    per_casus = ([t.wat, r.naam, r.groep, r.kosten, r.baten, r.saldo] for t in a.casussen for r in t.regels if r.kosten or r.baten)
    _blad(map_, "Per casus", ["Casus", *kolommen], per_casus)
    for methode, t in a.extrapolaties.items():
        rijen = [[r.naam, r.groep, r.kosten, r.baten, r.saldo] for r in t.regels]
        per_groep = t.per_groep()
        rijen += [[f"groep {g} van het rapport", " + ".join(actoren), None, None, per_groep[g]] for g, actoren in a.koppeling.items()]
        blad = _blad(map_, f"Geextrapoleerd {methode}", kolommen, rijen)
        grafiek = BarChart()
        grafiek.type = "col"
        grafiek.title = f"Wie betaalt en wie wint (methode {methode})"
        grafiek.add_data(Reference(blad, min_col=3, max_col=4, min_row=1, max_row=len(t.regels) + 1), titles_from_data=True)
        grafiek.set_categories(Reference(blad, min_col=1, min_row=2, max_row=len(t.regels) + 1))
        grafiek.width = 20
        blad.add_chart(grafiek, "H2")
    return _zonder_leeg_blad(map_)
