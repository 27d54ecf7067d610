"""De monitor als werkmap: één blad per overzicht (kerncijfers, rechtsgebieden, onderwerpen, doelgroepen, netwerk, tevredenheid, uitkomstenkaart).

Elk blad drukt af op A4, één pagina breed, met de kopregel op elke pagina. Alleen waarden, geen formules.
"""

from __future__ import annotations

from openpyxl import Workbook

from kostenbaten.uitvoer.excel.blad import GETAL, HEEL, overzicht, zonder_formules

KERN = (
    ("hulpvragen", "Hulpvragen"), ("contacten", "Contacten"), ("clienten", "Cliënten"), ("opgelost_procent", "Opgelost %"),
    ("doorverwezen_procent", "Doorverwezen %"), ("opgelost_zonder_doorverwijzing_procent", "Opgelost zonder doorverwijzing %"),
    ("uren_per_hulpvraag", "Uren per hulpvraag"), ("tevredenheid_gemiddeld", "Tevredenheid"), ("tevredenheid_respons_procent", "Respons %"),
)


def werkmap(u) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    uitleg = f"Per {u.per}; de regel Totaal geldt voor de hele periode. Een leeg vak: de export heeft er geen kolom voor. Zie docs/monitor.md."
    rijen = []
    for b in u.bibliotheken:
        for p in (*b.perioden, b.totaal):
            rijen.append([b.naam, p.naam, *(p.kern[k] for k, _ in KERN)])
            if any(v is not None for v in p.verandering.values()):  # de eerste periode heeft geen vorige
                rijen.append([b.naam, f"{p.naam}: verandering", *(p.verandering.get(k) for k, _ in KERN)])
    overzicht(wb, "Kerncijfers", "Kerncijfers per periode, met de verandering tegen de vorige periode",
              ["Bibliotheek", "Periode", *(n for _, n in KERN)], rijen, {2 + i: GETAL for i in range(len(KERN))},
              [20, 22, *(12 for _ in KERN)], liggend=True, uitleg=uitleg)
    overzicht(wb, "Rechtsgebieden", "Hulpvragen per rechtsgebied per periode", ["Bibliotheek", "Periode", "Rechtsgebied", "Hulpvragen"],
              ([b.naam, p.naam, naam, n] for b in u.bibliotheken for p in (*b.perioden, b.totaal) for _, naam, n in p.per_rechtsgebied),
              {3: HEEL}, [20, 12, 34, 12], uitleg=uitleg)
    overzicht(wb, "Onderwerpen", "Hulpvragen per onderwerp per periode", ["Bibliotheek", "Periode", "Onderwerp", "Hulpvragen"],
              ([b.naam, p.naam, o, n] for b in u.bibliotheken for p in (*b.perioden, b.totaal) for o, n in p.per_onderwerp),
              {3: HEEL}, [20, 12, 34, 12], uitleg=uitleg)
    overzicht(wb, "Doelgroepen", "Hulpvragen per doelgroep per periode", ["Bibliotheek", "Periode", "Kenmerk", "Waarde", "Hulpvragen"],
              ([b.naam, p.naam, k, w or "(leeg)", n] for b in u.bibliotheken for p in (*b.perioden, b.totaal) for k, paren in p.doelgroepen for w, n in paren),
              {4: HEEL}, [20, 12, 16, 24, 12], uitleg=uitleg)
    overzicht(wb, "Netwerk", "Doorverwijzingen: van wie en naar wie", ["Bibliotheek", "Periode", "Doorverwezen door", "Naar", "Hulpvragen"],
              ([b.naam, p.naam, van or "(niemand genoemd)", naar, n] for b in u.bibliotheken for p in (*b.perioden, b.totaal) for van, naar, n in p.netwerk),
              {4: HEEL}, [20, 12, 24, 28, 12], uitleg=uitleg)
    overzicht(wb, "Doorverwijzers", "Wie de bezoeker naar het spreekuur stuurde", ["Bibliotheek", "Periode", "Doorverwijzer", "Hulpvragen"],
              ([b.naam, p.naam, d, n] for b in u.bibliotheken for p in (*b.perioden, b.totaal) for d, n in p.doorverwijzers),
              {3: HEEL}, [20, 12, 30, 12], uitleg=uitleg)
    overzicht(wb, "Tevredenheid", "Verdeling van de tevredenheidscijfers", ["Bibliotheek", "Periode", "Cijfer", "Aantal"],
              ([b.naam, p.naam, c, n] for b in u.bibliotheken for p in (*b.perioden, b.totaal) for c, n in (p.tevredenheid or ())),
              {2: GETAL, 3: HEEL}, [20, 12, 10, 10], uitleg=uitleg)
    if u.kaart:
        overzicht(wb, "Uitkomstenkaart", "Indicatoren per periode: waarde, doel en of het doel gehaald is",
                  ["Bibliotheek", "Indicator", "Schakel", "Periode", "Waarde", "Doel", "Gehaald"],
                  ([k.bibliotheek, i.naam, i.schakel, s.periode, s.waarde, i.doel,
                    "niet te berekenen" if s.gehaald is None else "gehaald" if s.gehaald else "niet gehaald"]
                   for k in u.kaart for i in k.indicatoren for s in i.standen),
                  {4: GETAL, 5: GETAL}, [18, 36, 12, 10, 10, 10, 16], liggend=True,
                  uitleg="Een doel geldt per periode; 'richting' hoogstens betekent dat de waarde er niet boven mag.")
    if u.dubbel:
        overzicht(wb, "Dubbel", "Regels die al in een eerdere export stonden (één keer geteld)", ["Bibliotheek", "Export", "Eerder in", "Regels", "Voorbeelden"],
                  ([d.bibliotheek, d.bestand, d.eerder, d.aantal, ", ".join(d.voorbeelden)] for d in u.dubbel), {3: HEEL}, [18, 30, 30, 10, 40])
    return zonder_formules(wb)
