"""`monitor EXPORT... -o monitor.html|monitor.pdf`: de monitor als infographic van één of twee pagina's.

Dezelfde bouwstenen als het rapport (`blokken.py`), hetzelfde HTML-sjabloon en
hetzelfde typst-sjabloon; alleen de grafieken zijn eigen: aantallen in plaats van
bedragen, per bibliotheek één kleur met een eigen grijstint en arcering, zodat ze
ook in grijs afgedrukt te onderscheiden zijn. Elk cijfer staat ook in de tabel
naast de grafiek, precies zoals in `monitor --formaat json`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kostenbaten.berekening.monitor import MonitorUitkomst, Periode
from kostenbaten.fouten import Gebruiksfout
from kostenbaten.notatie import datum, getal_nl, procent
from kostenbaten.uitvoer.rapport import blokken as b

FORMATEN = (".html", ".pdf")
# Per bibliotheek: kleur (ook in grijs verschillend licht), arcering en teken in de trendlijn.
STIJLEN = (
    ("#1f4e79", "", "o", "-"),
    ("#f2a541", "////", "s", "--"),
    ("#8fc1e3", "..", "^", ":"),
    ("#5b8c3a", "xx", "D", "-."),
    ("#c9c9c9", "\\\\", "v", "-"),
)
MEESTE = 8  # zoveel onderwerpen, doorverwijzers en organisaties per grafiek; de rest staat in de JSON en de werkmap
GEEN = "–"  # de export van deze bibliotheek registreert dit niet
PERIODEN_KAART = 4  # zoveel perioden (de laatste) in de tabel van de uitkomstenkaart; alle staan in de JSON en de werkmap


def _n(aantal: int) -> str:
    return getal_nl(Decimal(aantal))


def controleer_formaat(pad: Path) -> None:
    if Path(pad).suffix.lower() not in FORMATEN:
        raise Gebruiksfout(f"-o: '{pad}' eindigt niet op .html of .pdf; de infographic van de monitor kent alleen die twee formaten.")


# -- grafieken -----------------------------------------------------------------------


def _stijl(i: int):
    return STIJLEN[i % len(STIJLEN)]


def staven(labels: list[str], reeksen: list[tuple[str, list[int], int]]) -> str:
    """Liggende staven per label, één per bibliotheek, met het aantal aan het eind van elke staaf.

    Elke reeks is (naam, aantallen, nummer van de bibliotheek): dat nummer kiest de kleur, zodat een bibliotheek
    in elke grafiek dezelfde kleur heeft, ook waar de andere geen gegevens hebben."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from kostenbaten.uitvoer.rapport.grafiek import BREEDTE, LETTER, _legenda, _regels, _svg

    n, k = len(labels), len(reeksen)
    dikte = 0.8 / k
    fig = Figure(figsize=(BREEDTE, 0.45 + n * (0.07 + 0.14 * k)))
    ax = fig.add_subplot()
    for i, (naam, waarden, nummer) in enumerate(reeksen):
        kleur, arcering, _, _ = _stijl(nummer)
        posities = [j + (i - (k - 1) / 2) * dikte for j in range(n)]
        staaf = ax.barh(posities, waarden, height=dikte * 0.92, color=kleur, edgecolor="black", linewidth=0.5,
                        hatch=arcering or None, label=naam)
        ax.bar_label(staaf, labels=[_n(w) for w in waarden], padding=2, fontsize=LETTER - 0.5)
    hoogste = max((w for _, ws, _ in reeksen for w in ws), default=0) or 1
    ax.set_xlim(0, hoogste * 1.22)
    ax.set_yticks(range(n), [_regels(l) for l in labels])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="0.85", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.set_xlabel("hulpvragen")
    _legenda(fig, ax, min(k, 3))
    return _svg(fig)


def trend(perioden: list[str], reeksen: list[tuple[str, list[int | None]]]) -> str:
    """Hulpvragen per periode, één lijn per bibliotheek (eigen kleur, teken en streep), met het aantal bij elk punt."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from kostenbaten.uitvoer.rapport.grafiek import BREEDTE, LETTER, _legenda, _svg

    fig = Figure(figsize=(BREEDTE, 2.5))
    ax = fig.add_subplot()
    hoogste = 1
    for i, (naam, waarden) in enumerate(reeksen):
        kleur, _, teken, streep = _stijl(i)
        x = [j for j, w in enumerate(waarden) if w is not None]
        y = [w for w in waarden if w is not None]
        hoogste = max([hoogste, *y])
        ax.plot(x, y, color=kleur, marker=teken, linestyle=streep, linewidth=1.6, markersize=5, markeredgecolor="black",
                markeredgewidth=0.5, label=naam)
        for xi, yi in zip(x, y):
            ax.annotate(_n(yi), (xi, yi), xytext=(0, 5 if i % 2 == 0 else -11), textcoords="offset points",
                        ha="center", fontsize=LETTER - 1)
    ax.set_xticks(range(len(perioden)), perioden)
    ax.tick_params(axis="x", labelsize=LETTER - 1, rotation=45 if len(perioden) > 4 else 0)
    ax.set_ylim(0, hoogste * 1.25)
    ax.set_xlim(-0.4, len(perioden) - 0.6)
    ax.yaxis.set_major_locator(MaxNLocator(4, integer=True))
    ax.grid(axis="y", color="0.85", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.set_ylabel("hulpvragen")
    if len(reeksen) > 1:
        _legenda(fig, ax, min(len(reeksen), 3))
    return _svg(fig)


# -- de infographic ------------------------------------------------------------------


def _vergelijk(namen: list[str], tellingen: list[dict[str, int] | None], meeste: int | None = None) -> tuple[list[str], list[list[str]], list]:
    """Labels (samen het grootst eerst), de tabelrijen en de reeksen van de bibliotheken met gegevens."""
    samen: dict[str, int] = {}
    for t in tellingen:
        for label, n in (t or {}).items():
            samen[label] = samen.get(label, 0) + n
    labels = sorted(samen, key=lambda l: (-samen[l], l.casefold()))
    if meeste is not None:
        labels = labels[:meeste]
    rijen = [[l, *(GEEN if t is None else _n(t.get(l, 0)) for t in tellingen)] for l in labels]
    reeksen = [(naam, [t.get(l, 0) for l in labels], i) for i, (naam, t) in enumerate(zip(namen, tellingen)) if t is not None]
    return labels, rijen, reeksen


def _figuur(naam: str, kop: str, titel: str, namen: list[str], tellingen: list[dict[str, int] | None], meeste: int | None,
            leeg: str) -> list[dict]:
    labels, rijen, reeksen = _vergelijk(namen, tellingen, meeste)
    if not labels:
        return [b.alinea(titel, nadruk=True), b.alinea(leeg)]
    beschrijving = f"{titel}: " + "; ".join(f"{r[0]}: " + ", ".join(f"{n} {c}" for n, c in zip(namen, r[1:])) for r in rijen)
    onderschrift = f"De {len(labels)} grootste van {len(set().union(*(t or {} for t in tellingen)))}." if meeste and len(labels) == meeste else ""
    tabel = b.tabel([kop, *namen], rijen, rechts=tuple(range(1, len(namen) + 1)), bijschrift=onderschrift)
    return [b.bij_elkaar([b.alinea(titel, nadruk=True), b.grafiek(naam, staven(labels, reeksen), beschrijving, tabel)])]


def _kern(p: Periode) -> list[str]:
    k = p.kern

    def pc(sleutel):
        return GEEN if k[sleutel] is None else procent(k[sleutel])

    return [
        _n(p.hulpvragen),
        GEEN if p.contacten is None else _n(p.contacten),
        GEEN if p.clienten is None else _n(p.clienten),
        pc("doorverwezen_procent"),
        pc("opgelost_procent"),
        GEEN if k["uren_per_hulpvraag"] is None else getal_nl(k["uren_per_hulpvraag"], 1),
        GEEN if k["tevredenheid_gemiddeld"] is None else getal_nl(k["tevredenheid_gemiddeld"], 1),
    ]


def _getal(waarde: Decimal) -> str:
    """Een heel getal zonder decimalen (62), anders met één (7,5; 79,7)."""
    return getal_nl(waarde, 0 if waarde == waarde.to_integral_value() else 1)


def _standtekst(stand) -> str:
    """De waarde van een indicator in één periode en of het doel gehaald is: '62: gehaald', of '–' als ze niet te berekenen is."""
    if stand.gehaald is None:
        return GEEN
    return f"{_getal(stand.waarde)}: {'gehaald' if stand.gehaald else 'niet gehaald'}"


def _kaarten(u: MonitorUitkomst) -> list[dict]:
    """Per bibliotheek de uitkomstenkaart: elke indicator met haar doel, de waarde in de laatste perioden en hoe vaak gehaald."""
    blokken: list[dict] = []
    for kaart in u.kaart or ():
        perioden = [s.periode for s in kaart.indicatoren[0].standen][-PERIODEN_KAART:] if kaart.indicatoren else []
        rijen = []
        for i in kaart.indicatoren:
            per = {s.periode: s for s in i.standen}
            rijen.append([
                i.naam, f"{'≥' if i.richting == 'minstens' else '≤'} {_getal(i.doel)}",
                *(_standtekst(per[p]) if p in per else GEEN for p in perioden),
                f"{i.gehaald} van {i.getoetst}" if i.getoetst else "niet te berekenen",
            ])
        titel = kaart.naam + (f": {kaart.bibliotheek}" if len(u.bibliotheken) > 1 else "")
        aantal = len(kaart.indicatoren[0].standen) if kaart.indicatoren else 0
        bijschrift = (f"De laatste {len(perioden)} van {aantal} perioden; alle perioden staan in de JSON en de werkmap (--xlsx)."
                      if len(perioden) < aantal else "")
        tabel = b.tabel(["Indicator", "Doel", *perioden, "Gehaald (alle perioden)"], rijen, rechts=tuple(range(1, len(perioden) + 3)),
                        bijschrift=bijschrift, breed=True)
        deel = [b.alinea(titel, nadruk=True), tabel]
        if kaart.niet_te_berekenen:
            # Een document gaat naar buiten: van de uitkomstenkaart alleen de bestandsnaam, niet de mappen erboven.
            kort = Path(kaart.bestand).name
            redenen = "; ".join(f"{naam} ({reden.replace(kaart.bestand, kort) if kaart.bestand else reden})" for naam, reden in kaart.niet_te_berekenen)
            deel.append(b.alinea(f"Niet te berekenen: {redenen}."))
        blokken.append(b.bij_elkaar(deel))
    return blokken


def document(u: MonitorUitkomst, voet: str) -> dict:
    """De infographic als gegevens voor de sjablonen van het rapport."""
    namen = [m.naam for m in u.bibliotheken]
    totalen = [m.totaal for m in u.bibliotheken]
    inleiding = [b.alinea(
        f"{', '.join(namen)}: hulpvragen van {datum(u.van)} tot en met {datum(u.tot)}, per {u.per}. "
        "Elk cijfer staat ook in de tabel bij de grafiek; '" + GEEN + "' betekent dat de export van die bibliotheek het niet registreert."
    )]
    kern = b.tabel(
        ["Bibliotheek", "Hulpvragen", "Contacten", "Cliënten", "Doorverwezen", "Opgelost", "Uren per hulpvraag", "Tevredenheid (0-10)"],
        [[m.naam, *_kern(m.totaal)] for m in u.bibliotheken], rechts=tuple(range(1, 8)), breed=True,
    )
    perioden = sorted({p.naam for m in u.bibliotheken for p in m.perioden})
    per_periode = [{p.naam: p.hulpvragen for p in m.perioden} for m in u.bibliotheken]
    trendrijen = [[p, *(_n(t[p]) if p in t else GEEN for t in per_periode)] for p in perioden]
    trendbeschrijving = "Hulpvragen per periode: " + "; ".join(f"{r[0]}: " + ", ".join(f"{n} {c}" for n, c in zip(namen, r[1:])) for r in trendrijen)
    trendfiguur = b.grafiek(
        "trend", trend(perioden, [(m.naam, [t.get(p) for p in perioden]) for m, t in zip(u.bibliotheken, per_periode)]),
        trendbeschrijving, b.tabel(["Periode", *namen], trendrijen, rechts=tuple(range(1, len(namen) + 1))),
    )

    def telling(p: Periode, soort: str):
        if soort == "rechtsgebied":
            return {naam: n for _, naam, n in p.per_rechtsgebied}
        lijst = {"onderwerp": p.per_onderwerp, "doorverwijzer": p.doorverwijzers, "naar": p.doorverwezen_naar}[soort]
        return dict(lijst) or None

    vragen = _figuur("rechtsgebieden", "Rechtsgebied", "Per rechtsgebied", namen, [telling(p, "rechtsgebied") for p in totalen], None,
                     "Geen hulpvragen.")
    vragen += _figuur("onderwerpen", "Onderwerp", "Per onderwerp", namen, [telling(p, "onderwerp") for p in totalen], MEESTE,
                      "Geen hulpvragen.")
    kenmerken = list(dict.fromkeys(k for m in u.bibliotheken for k in m.doelgroepkenmerken))
    groepen: list[dict] = []
    for kenmerk in kenmerken:
        tellingen = [dict(dict(p.doelgroepen).get(kenmerk, ())) or None for p in totalen]
        groepen += _figuur(f"doelgroep-{len(groepen)}", kenmerk.capitalize(), f"Naar {kenmerk}", namen, tellingen, MEESTE, "")
    if not groepen:
        groepen = [b.alinea("Geen van de exports registreert een doelgroep (zoals leeftijd of wijk); zet die kolommen onder "
                            "'doelgroepen' in de koppeling.")]
    verwijzing = _figuur("doorverwijzers", "Doorverwijzer", "Wie stuurde de bezoeker", namen, [telling(p, "doorverwijzer") for p in totalen],
                         MEESTE, "Geen van de exports registreert wie de bezoeker stuurde (kolom 'doorverwijzer' in de koppeling).")
    verwijzing += _figuur("doorverwezen-naar", "Organisatie", "Naar wie doorverwezen", namen, [telling(p, "naar") for p in totalen],
                          MEESTE, "Geen van de exports noemt de organisatie waarnaar is doorverwezen (kolom 'doorverwezen_naar' in de koppeling).")
    voor = [
        {"plek": "kern", "titel": "Kerncijfers over de hele periode", "blokken": [kern]},
        {"plek": "trend", "titel": "Hulpvragen per periode", "blokken": [trendfiguur]},
        {"plek": "vragen", "titel": "Soorten vragen", "blokken": vragen},
        {"plek": "doelgroepen", "titel": "Doelgroepen", "blokken": groepen},
        {"plek": "doorverwijzing", "titel": "Doorverwijzingen", "blokken": verwijzing},
    ]
    if u.kaart:
        voor.append({"plek": "uitkomstenkaart", "titel": f"Uitkomstenkaart: het doel per {u.per}", "blokken": _kaarten(u)})
    return {"titel": "Monitor van het spreekuur", "inleiding": inleiding, "voor": voor, "bijlagen": [], "voet": voet,
            "uitleg_bijlage": None}
