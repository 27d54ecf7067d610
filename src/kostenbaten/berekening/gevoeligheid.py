"""Gevoeligheid: elke invoer om de beurt hoger en lager, het effect op de extrapolatie, en het omslagpunt.

Het model is lineair in elke afzonderlijke invoer (kosten = uren x tarief,
baten = som van bedragen, extrapolatie = gemiddelde x hulpvragen x aandeel).
Daarom volgt het omslagpunt, de waarde waarbij het geëxtrapoleerde totaal
precies nul is, exact uit twee doorrekeningen: de basis en de basis plus één.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.model.casus import METHODEN
from kostenbaten.geld import HONDERD, NUL, deel, som, vermenigvuldig
from kostenbaten.model.casus import Casus, Pilot

STANDAARD_STAP = Decimal(25)

Zetter = Callable[[Pilot, tuple[Casus, ...], Decimal], tuple[Pilot, tuple[Casus, ...]]]


@dataclass(frozen=True)
class GevarieerdeInvoer:
    """Eén invoer die gevarieerd wordt, met zijn geldige bereik en de plek in de bestanden."""

    sleutel: str  # bijvoorbeeld "kengetal.toevoeging" of "uren.casus-3"
    naam: str
    eenheid: str  # "euro", "uur", "procent" of "hulpvragen"
    basis: Decimal
    zet: Zetter
    plek: tuple | None  # (wie, sleutelpad) voor Project.regel; None als de invoer over bestanden verspreid staat
    minimum: Decimal = NUL
    maximum: Decimal | None = None
    nul_telt_niet: bool = False  # bij 0 is er niets meer om te extrapoleren (hulpvragen)
    kort: str = ""  # korte Nederlandse naam voor smalle tabellen, bijvoorbeeld "Tarief SJD"

    @property
    def label(self) -> str:
        return self.kort or self.naam

    @property
    def in_zin(self) -> str:
        """De volle naam midden in een zin: 'hulpvragen in de pilotperiode', 'tarief per uur: Inzet SJD'."""
        return _klein(self.naam)


@dataclass(frozen=True)
class Omslagpunt:
    """Waar het totaal nul wordt; de uitvoer maakt er een zin van (`uitvoer.namen.omslagpunt_tekst`)."""

    waarde: Decimal | None  # None: geen waarde van deze invoer maakt het totaal nul
    wiskundig: Decimal | None  # nulpunt van de rechte lijn, ook als dat buiten het bereik ligt
    # "bij" (een geldige waarde), "vlak" (hangt er niet van af), "evenredig" (alleen nul bij 0),
    # "onder_minimum" of "boven_maximum" (het nulpunt ligt buiten het geldige bereik, zie `grens`)
    soort: str
    grens: Decimal | None = None
    verandering: Decimal | None = None  # procent ten opzichte van de huidige waarde (bij "bij")


@dataclass(frozen=True)
class Effect:
    methode: str
    basis: Decimal  # totaal bij de basiswaarde
    laag: Decimal  # totaal bij de lage invoerwaarde
    hoog: Decimal  # totaal bij de hoge invoerwaarde
    per_eenheid: Decimal  # verandering van het totaal per eenheid invoer
    omslagpunt: Omslagpunt

    @property
    def zwaai(self) -> Decimal:
        return abs(self.hoog - self.laag)


@dataclass(frozen=True)
class Variatie:
    invoer: GevarieerdeInvoer
    laag: Decimal  # gebruikte lage invoerwaarde
    hoog: Decimal  # gebruikte hoge invoerwaarde
    effecten: dict[str, Effect]
    # Hetzelfde op het maatschappelijk saldo (besparingen van middelen min de kosten van alle hulpvragen).
    saldo_effecten: dict[str, Effect] = field(default_factory=dict)


@dataclass(frozen=True)
class Gevoeligheid:
    stap: Decimal  # procent omlaag en omhoog
    basis: dict[str, Decimal]  # totaal per methode
    variaties: tuple[Variatie, ...]
    saldo_basis: dict[str, Decimal] = field(default_factory=dict)  # maatschappelijk saldo per methode
    # Hoe de kosten van het hele programma berekend zijn (`berekening.saldo.Programmakosten.route`): registratie,
    # begroting (`--begroting`: haar kosten liggen vast, dus een tarief of uur uit de casussen verandert het saldo niet)
    # of casussen.
    kosten_route: str | None = None

    def gesorteerd(self, methode: str) -> list[Variatie]:
        """Voor het tornadodiagram: grootste zwaai bovenaan."""
        return sorted(self.variaties, key=lambda v: v.effecten[methode].zwaai, reverse=True)


# -- de gevarieerde invoer ---------------------------------------------------------


def _met_waarde(model, veld: str, waarde: Decimal):
    """Een kopie van `model` waarin het onzekere veld `veld` de waarde `waarde` krijgt."""
    return model.model_copy(update={veld: getattr(model, veld).model_copy(update={"waarde": waarde})})


def _in_pilot(tabel: str, naam: str, veld: str) -> Zetter:
    def zet(pilot, casussen, waarde):
        items = getattr(pilot, tabel)
        nieuw = {**items, naam: _met_waarde(items[naam], veld, waarde)}
        return pilot.model_copy(update={tabel: nieuw}), casussen

    return zet


def _in_casus(nummer: int, wijzig: Callable[[Casus, Decimal], Casus]) -> Zetter:
    def zet(pilot, casussen, waarde):
        return pilot, tuple(wijzig(c, waarde) if c.nummer == nummer else c for c in casussen)

    return zet


def _uren_samen(totaal: Decimal) -> Zetter:
    """Alle uren samen: elke casus houdt zijn deel van het totaal aantal uren."""

    def zet(pilot, casussen, waarde):
        return pilot, tuple(_met_waarde(c, "uren", deel(vermenigvuldig(c.uren.waarde, waarde), totaal)) for c in casussen)

    return zet


def _hulpvragen(pilot, casussen, waarde):
    return _met_waarde(pilot, "hulpvragen", waarde), casussen


def _baat(index: int, veld: str):
    def wijzig(casus: Casus, waarde: Decimal) -> Casus:
        baten = list(casus.baten)
        baten[index] = _met_waarde(baten[index], veld, waarde)
        return casus.model_copy(update={"baten": baten})

    return wijzig


_ENKELVOUD = {"kengetallen": "kengetal", "tarieven": "tarief", "rechtsgebieden": "aandeel"}


def _klein(tekst: str) -> str:
    """Midden in een zin: 'Sociaal zekerheidsrecht' wordt 'sociaal zekerheidsrecht', 'SJD' blijft 'SJD'."""
    if len(tekst) > 1 and tekst[1].isupper():
        return tekst
    return tekst[:1].lower() + tekst[1:]


def _leesbaar(sleutel: str, naam: str) -> str:
    """Een sleutel als woorden, gespeld zoals in de naam: 'sjd' bij 'Inzet SJD' wordt 'SJD'."""
    woorden = {w.strip("(),.").lower(): w.strip("(),.") for w in naam.split()}
    tekst = " ".join(woorden.get(w, w) for w in sleutel.split("_"))
    return tekst[:1].upper() + tekst[1:]


def _kort(tabel: str, sleutel: str, naam: str) -> str:
    if tabel == "kengetallen":
        return f"{_leesbaar(sleutel, naam)} (kengetal)"
    if tabel == "tarieven":
        return f"Tarief {_klein(_leesbaar(sleutel, naam))}"
    return f"Aandeel {_klein(naam)}"


def _pilotinvoer(pilot: Pilot, tabel: str, naam: str, veld: str, titel: str, eenheid: str, **extra) -> GevarieerdeInvoer:
    """Een gevarieerde invoer voor een waarde in pilot.yaml: `tabel.naam.veld`, bijvoorbeeld kengetallen.toevoeging.bedrag."""
    item = getattr(pilot, tabel)[naam]
    basis = getattr(item, veld).waarde
    plek = ("pilot", (tabel, naam, veld))
    kort = _kort(tabel, naam, item.naam)
    return GevarieerdeInvoer(f"{_ENKELVOUD[tabel]}.{naam}", titel, eenheid, basis, _in_pilot(tabel, naam, veld), plek, kort=kort, **extra)


def _ureninvoer(c: Casus) -> GevarieerdeInvoer:
    zet = _in_casus(c.nummer, lambda casus, w: _met_waarde(casus, "uren", w))
    return GevarieerdeInvoer(f"uren.casus-{c.nummer}", f"SJD-uren casus {c.nummer}", "uur", c.uren.waarde, zet, (c.nummer, ("uren",)))


def _kort_omschrijving(omschrijving: str) -> str:
    """Het begin van een omschrijving, zonder toelichting tussen haakjes: 'Inkomensverbetering cliënt'."""
    return omschrijving.split(" (")[0].split(",")[0].strip() or omschrijving


def _bateninvoer(c: Casus) -> list[GevarieerdeInvoer]:
    """Eigen bedragen en maandbedragen van een casus; een kengetal wordt al apart gevarieerd."""
    uit = []
    for i, baat in enumerate(c.baten):
        if baat.kengetal is not None:
            continue
        veld = "per_maand" if baat.per_maand is not None else "bedrag"
        per_maand = " (per maand)" if veld == "per_maand" else ""
        naam = f"Casus {c.nummer}: {baat.omschrijving}{per_maand}"
        kort = f"Casus {c.nummer}: {_klein(_kort_omschrijving(baat.omschrijving))}{per_maand}"
        zet = _in_casus(c.nummer, _baat(i, veld))
        plek = (c.nummer, ("baten", i, veld))
        uit.append(GevarieerdeInvoer(f"baat.casus-{c.nummer}.{i}", naam, "euro", getattr(baat, veld).waarde, zet, plek, kort=kort))
    return uit


def te_varieren(pilot: Pilot, casussen: tuple[Casus, ...]) -> list[GevarieerdeInvoer]:
    """Alle invoer die gevarieerd wordt: kengetallen, tarieven, uren, eigen baten, hulpvragen, aandelen."""
    uit = [_pilotinvoer(pilot, "kengetallen", n, k.veld, f"Kengetal: {k.naam}", "euro") for n, k in pilot.kengetallen.items()]
    uit += [_pilotinvoer(pilot, "tarieven", n, "per_uur", f"Tarief per uur: {t.naam}", "euro") for n, t in pilot.tarieven.items()]
    totaal_uren = som(c.uren.waarde for c in casussen)
    if totaal_uren > 0:
        uit.append(GevarieerdeInvoer("uren", "SJD-uren, alle casussen samen", "uur", totaal_uren, _uren_samen(totaal_uren), None, kort="SJD-uren, alle casussen"))
    uit += [_ureninvoer(c) for c in casussen]
    uit += [k for c in casussen for k in _bateninvoer(c)]
    plek = ("pilot", ("hulpvragen",))
    uit.append(
        GevarieerdeInvoer("hulpvragen", "Hulpvragen in de pilotperiode", "hulpvragen", pilot.hulpvragen.waarde, _hulpvragen, plek, nul_telt_niet=True, kort="Hulpvragen")
    )
    for naam, g in pilot.rechtsgebieden.items():
        rest = som(ander.aandeel.waarde for s, ander in pilot.rechtsgebieden.items() if s != naam)
        uit.append(_pilotinvoer(pilot, "rechtsgebieden", naam, "aandeel", f"Aandeel {g.naam}", "procent", maximum=HONDERD - rest))
    return uit


# -- rekenen ----------------------------------------------------------------------------


def totalen(pilot: Pilot, casussen) -> dict[str, Decimal]:
    """Het exacte geëxtrapoleerde totaal per methode."""
    return _totalen_en_saldi(pilot, casussen)[0]


def _totalen_en_saldi(pilot: Pilot, casussen, begroting=None) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Het geëxtrapoleerde totaal (methode van de KBA Hengelo) en het maatschappelijk saldo, per methode; met een
    `begroting` (`berekening.begroting.BegrotingUitkomst`) rust het saldo op haar kosten (`saldo.programmakosten`)."""
    from kostenbaten.berekening.saldo import maatschappelijk_saldo

    uitkomst = bereken_pilot(pilot, casussen)
    return {m: uitkomst.extrapolaties[m].totaal for m in METHODEN}, maatschappelijk_saldo(uitkomst, begroting)


def omslagpunt(invoer: GevarieerdeInvoer, basis: Decimal, per_eenheid: Decimal) -> Omslagpunt:
    """Waar de rechte lijn `basis + per_eenheid x (x - invoer.basis)` nul wordt, en of dat een geldige waarde is."""
    if per_eenheid == 0:
        return Omslagpunt(None, None, "vlak")
    nulpunt = invoer.basis - deel(basis, per_eenheid)
    if invoer.nul_telt_niet and nulpunt == 0:
        return Omslagpunt(None, nulpunt, "evenredig")
    if nulpunt < invoer.minimum or (invoer.nul_telt_niet and nulpunt <= 0):
        return Omslagpunt(None, nulpunt, "onder_minimum", invoer.minimum)
    if invoer.maximum is not None and nulpunt > invoer.maximum:
        return Omslagpunt(None, nulpunt, "boven_maximum", invoer.maximum)
    verandering = deel((nulpunt - invoer.basis) * HONDERD, invoer.basis) if invoer.basis else None
    return Omslagpunt(nulpunt, nulpunt, "bij", verandering=verandering)


def varieer(
    invoer: GevarieerdeInvoer, pilot: Pilot, casussen, stap: Decimal, basis: dict[str, Decimal], saldo_basis: dict[str, Decimal] | None = None,
    begroting=None,
) -> Variatie:
    factor = deel(stap, HONDERD)
    laag = max(invoer.minimum, invoer.basis - vermenigvuldig(invoer.basis, factor))
    hoog = invoer.basis + vermenigvuldig(invoer.basis, factor)
    if invoer.maximum is not None:
        hoog = min(invoer.maximum, hoog)
    bij_laag = _totalen_en_saldi(*invoer.zet(pilot, casussen, laag), begroting)
    bij_hoog = _totalen_en_saldi(*invoer.zet(pilot, casussen, hoog), begroting)
    # Lineair: de helling volgt uit de basis en de basis plus één eenheid, ook als de basiswaarde 0 is.
    # Ook het maatschappelijk saldo is lineair in elke afzonderlijke invoer.
    bij_een_meer = _totalen_en_saldi(*invoer.zet(pilot, casussen, invoer.basis + 1), begroting)

    def effecten(i: int, b: dict[str, Decimal]) -> dict[str, Effect]:
        uit = {}
        for m in METHODEN:
            helling = bij_een_meer[i][m] - b[m]
            uit[m] = Effect(m, b[m], bij_laag[i][m], bij_hoog[i][m], helling, omslagpunt(invoer, b[m], helling))
        return uit

    return Variatie(invoer, laag, hoog, effecten(0, basis), effecten(1, saldo_basis) if saldo_basis else {})


def gevoeligheid(pilot: Pilot, casussen, stap: Decimal = STANDAARD_STAP, begroting=None) -> Gevoeligheid:
    """Varieer elke invoer `stap` procent omlaag en omhoog, de rest blijft op de basiswaarde; met een `begroting`
    rekent het maatschappelijk saldo met haar kosten (tenzij een registratie uren per hulpvraag geeft)."""
    from kostenbaten.berekening.saldo import programmakosten

    casussen = tuple(casussen)
    basis, saldo_basis = _totalen_en_saldi(pilot, casussen, begroting)
    variaties = tuple(varieer(k, pilot, casussen, stap, basis, saldo_basis, begroting) for k in te_varieren(pilot, casussen))
    route = programmakosten(bereken_pilot(pilot, casussen), begroting).route
    return Gevoeligheid(stap, basis, variaties, saldo_basis, route)
