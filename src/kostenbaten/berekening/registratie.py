"""Een vraagregistratie geteld: periode, hulpvragen en aandeel per rechtsgebied, doorverwijzing en uren.

Aandelen zijn exact (`deel` met ruime precisie) en tellen tegen alle bruikbare
hulpvragen, ook die met een onderwerp dat de koppeling niet kent: net als in
pilot.yaml is de rest het deel zonder casussen. Onderwerpen zonder rechtsgebied
komen met hun aantal in de uitkomst, nooit stil weg.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from math import gcd

from kostenbaten.geld import HONDERD, NUL, deel, som
from kostenbaten.fouten import Fout
from kostenbaten.model.registratie import Koppeling, Registratie, sleutel_onderwerp


@dataclass(frozen=True)
class Aandeel:
    """Hoeveel hulpvragen bij een rechtsgebied horen, en welk deel van alle hulpvragen dat is (procent)."""

    sleutel: str
    naam: str
    aantal: int
    van: int  # alle bruikbare hulpvragen

    @property
    def aandeel(self) -> Decimal:
        return deel(self.aantal * HONDERD, self.van)

    @property
    def is_exact(self) -> bool:
        return _is_exact(self.aandeel, self.aantal, self.van)


def _is_exact(aandeel: Decimal, aantal: int, van: int) -> bool:
    """Of aantal x 100 / van een eindige decimale breuk is (99 van 300 = 33%; 1 van 3 niet).

    Dat is zo als de noemer na het wegdelen van de gemeenschappelijke factor alleen
    factoren 2 en 5 heeft; dan is ook `aandeel` (met ruime precisie) exact.
    """
    if not van:
        return True
    noemer = van // gcd(aantal * 100, van)
    for factor in (2, 5):
        while noemer % factor == 0:
            noemer //= factor
    return noemer == 1


@dataclass(frozen=True)
class JaNee:
    """Een ja/nee-gegeven: bij hoeveel hulpvragen het is ingevuld en hoe vaak met ja."""

    ingevuld: int
    ja: int

    @property
    def aandeel(self) -> Decimal:
        return deel(self.ja * HONDERD, self.ingevuld) if self.ingevuld else NUL

    @property
    def is_exact(self) -> bool:
        return _is_exact(self.aandeel, self.ja, self.ingevuld)


@dataclass(frozen=True)
class RegistratieUitkomst:
    """De telling van één export."""

    bestand: str
    koppeling: str
    standaardkoppeling: bool  # de koppeling die met het pakket meekomt, niet een eigen
    van: date
    tot: date
    hulpvragen: int
    rechtsgebieden: tuple[Aandeel, ...]  # in de volgorde van de koppeling (of van pilot.yaml)
    niet_gekoppeld: tuple[tuple[str, int], ...]  # onderwerp zoals geschreven, aantal; grootste eerst
    meldingen: tuple[Fout, ...]
    doorverwezen: JaNee | None
    opgelost: JaNee | None
    opgelost_zonder_doorverwijzing: JaNee | None  # bij beide kolommen: opgelost én niet doorverwezen
    uren_ingevuld: int | None
    uren: Decimal | None
    doorverwezen_naar: tuple[tuple[str, int], ...] = ()  # organisatie, doorverwezen hulpvragen; grootste eerst
    blad: str | None = None  # het gelezen blad van een werkmap
    waarschuwingen: tuple[Fout, ...] = ()

    @property
    def dagen(self) -> int:
        """De lengte van de periode in dagen, eerste en laatste dag meegeteld."""
        return (self.tot - self.van).days + 1

    @property
    def gekoppeld(self) -> int:
        return sum(a.aantal for a in self.rechtsgebieden)

    @property
    def zonder_rechtsgebied(self) -> Aandeel:
        """De hulpvragen met een onderwerp dat de koppeling niet kent: de rest, zoals in pilot.yaml."""
        return Aandeel("", "", self.hulpvragen - self.gekoppeld, self.hulpvragen)

    @property
    def uren_per_hulpvraag(self) -> Decimal | None:
        return deel(self.uren, self.uren_ingevuld) if self.uren_ingevuld else None


def tel_registratie(
    registratie: Registratie, koppeling: Koppeling, koppelingpad: str, namen: dict[str, str] | None = None, standaard: bool = False
) -> RegistratieUitkomst:
    """Telt de hulpvragen per rechtsgebied. `namen` geeft de leesbare naam en de volgorde (uit pilot.yaml)."""
    soorten = registratie.soorten
    if "id" in registratie.kolommen:
        # Regels met hetzelfde nummer zijn contacten van één hulpvraag: die telt één keer.
        from kostenbaten.berekening.monitor import _ontdubbel
        from kostenbaten.model.monitor import Export

        vragen, _ = _ontdubbel("", [Export("", registratie, koppeling)])
        soorten = tuple((v, n) for v, n, _ in vragen)
    totaal = sum(n for _, n in soorten)
    tabel = koppeling.opzoektabel()
    per_gebied: Counter[str] = Counter()
    los: Counter[str] = Counter()
    schrijfwijze: dict[str, str] = {}
    naar: Counter[str] = Counter()
    naar_schrijfwijze: dict[str, str] = {}
    sleutels: dict[str, str] = {}  # onderwerp -> sleutel_onderwerp (veel soorten delen een onderwerp)
    for vraag, n in soorten:
        sleutel = sleutels.get(vraag.onderwerp)
        if sleutel is None:
            sleutel = sleutels[vraag.onderwerp] = sleutel_onderwerp(vraag.onderwerp)
        gebied = tabel.get(sleutel)
        if gebied is None:
            schrijfwijze.setdefault(sleutel, vraag.onderwerp)
            los[sleutel] += n
        else:
            per_gebied[gebied] += n
        if vraag.naar:
            s_naar = sleutel_onderwerp(vraag.naar)
            naar_schrijfwijze.setdefault(s_naar, vraag.naar)
            naar[s_naar] += n
    namen = namen or {}
    volgorde = list(namen) + [g for g in koppeling.onderwerpen if g not in namen]
    gebieden = tuple(Aandeel(g, namen.get(g, g), per_gebied[g], totaal) for g in volgorde)
    niet_gekoppeld = tuple(sorted(((schrijfwijze[s], n) for s, n in los.items()), key=lambda x: (-x[1], x[0].casefold())))

    def ja_nee(veld: str) -> JaNee | None:
        if veld not in registratie.kolommen:
            return None
        ingevuld = [(getattr(v, veld), n) for v, n in soorten if getattr(v, veld) is not None]
        return JaNee(sum(n for _, n in ingevuld), sum(n for w, n in ingevuld if w))

    zonder = None
    if {"doorverwezen", "opgelost"} <= set(registratie.kolommen):
        beide = [(v, n) for v, n in soorten if v.doorverwezen is not None and v.opgelost is not None]
        zonder = JaNee(sum(n for _, n in beide), sum(n for v, n in beide if v.opgelost and not v.doorverwezen))
    uren = [(v.uren, n) for v, n in soorten if v.uren is not None] if "uren" in registratie.kolommen else None
    return RegistratieUitkomst(
        bestand=registratie.bestand,
        koppeling=koppelingpad,
        standaardkoppeling=standaard,
        van=registratie.van,
        tot=registratie.tot,
        hulpvragen=totaal,
        rechtsgebieden=gebieden,
        niet_gekoppeld=niet_gekoppeld,
        meldingen=registratie.meldingen,
        doorverwezen=ja_nee("doorverwezen"),
        opgelost=ja_nee("opgelost"),
        opgelost_zonder_doorverwijzing=zonder,
        uren_ingevuld=None if uren is None else sum(n for _, n in uren),
        uren=None if uren is None else som(u * n for u, n in uren),
        doorverwezen_naar=tuple(sorted(((naar_schrijfwijze[s], n) for s, n in naar.items()), key=lambda x: (-x[1], x[0].casefold()))),
        blad=registratie.blad,
        waarschuwingen=registratie.waarschuwingen,
    )
