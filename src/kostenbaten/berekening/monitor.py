"""De monitor: het spreekuur per periode en in totaal, uit een of meer exports van een of meer bibliotheken.

Per periode (maand, kwartaal of jaar) en in totaal: hulpvragen, per onderwerp en
per rechtsgebied, doelgroepen, doorverwijzers en naar wie doorverwezen is (ook als
netwerk: van wie naar wie), opgelost, uren per hulpvraag, contacten en cliënten als
de export dat toelaat, en tevredenheid (gemiddelde, verdeling, respons). Elk
kerncijfer met de verandering tegen de vorige periode.

Dubbele regels tussen exports van één bibliotheek tellen één keer: met een kolom
voor het nummer van de hulpvraag beslist dat nummer (regels met hetzelfde nummer
binnen één export zijn contacten van één hulpvraag); zonder die kolom alle
gekoppelde kolommen samen, en dan telt een rij die in twee exports staat zo vaak
als in de export waar ze het vaakst staat (twee gelijke rijen binnen één export
blijven twee hulpvragen). Wat dubbel was, wordt genoemd.

Puur Decimal; aandelen exact met `deel`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kostenbaten.geld import HONDERD, deel, som
from kostenbaten.model.monitor import Export
from kostenbaten.model.registratie import Hulpvraag, sleutel_onderwerp

PERIODES = ("maand", "kwartaal", "jaar")
ZONDER_RECHTSGEBIED = ""  # sleutel voor onderwerpen die de koppeling niet kent
# De kerncijfers die per periode een verandering krijgen, en die een uitkomstenkaart kan gebruiken.
KERNCIJFERS = (
    "hulpvragen", "contacten", "clienten", "doorverwezen_procent", "opgelost_procent", "opgelost_zonder_doorverwijzing_procent",
    "uren_per_hulpvraag", "tevredenheid_gemiddeld", "tevredenheid_respons_procent",
)


def periode_van(datum: date, per: str) -> str:
    """De naam van de periode van een datum: 2021-06, 2021-K2 of 2021."""
    if per == "maand":
        return f"{datum.year}-{datum.month:02d}"
    if per == "kwartaal":
        return f"{datum.year}-K{(datum.month - 1) // 3 + 1}"
    return str(datum.year)


@dataclass(frozen=True)
class Dubbel:
    """Regels in een export die al in een eerdere export van dezelfde bibliotheek stonden."""

    bibliotheek: str
    bestand: str
    eerder: str  # de eerste export waarin ze stonden
    aantal: int
    voorbeelden: tuple[str, ...]  # een paar nummers of datum + onderwerp


@dataclass(frozen=True)
class Periode:
    """De cijfers van één periode (of van het totaal) van één bibliotheek."""

    naam: str
    hulpvragen: int
    per_rechtsgebied: tuple[tuple[str, str, int], ...]  # sleutel, naam, aantal (in de volgorde van de koppeling; rest als laatste)
    per_onderwerp: tuple[tuple[str, int], ...]  # grootste eerst
    doelgroepen: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # kenmerk -> (waarde, aantal), grootste eerst; leeg als 'onbekend'
    doorverwijzers: tuple[tuple[str, int], ...]
    doorverwezen_naar: tuple[tuple[str, int], ...]
    netwerk: tuple[tuple[str, str, int], ...]  # van, naar, aantal hulpvragen
    doorverwezen: tuple[int, int] | None  # ja, ingevuld
    opgelost: tuple[int, int] | None
    opgelost_zonder_doorverwijzing: tuple[int, int] | None
    uren: tuple[Decimal, int] | None  # som, ingevuld
    contacten: int | None
    clienten: int | None
    tevredenheid: tuple[tuple[Decimal, int], ...] | None  # cijfer, aantal; oplopend
    kern: dict[str, Decimal | None]
    verandering: dict[str, Decimal | None]  # kerncijfer min dat van de vorige periode

    @property
    def tevredenheid_respons(self) -> int:
        return sum(n for _, n in self.tevredenheid or ())


@dataclass(frozen=True)
class Bibliotheekmonitor:
    naam: str
    bestanden: tuple[str, ...]
    perioden: tuple[Periode, ...]
    totaal: Periode
    gegevens: tuple[str, ...]  # de gegevens waarvoor een kolom is (doorverwezen, opgelost, uren, client, ...)
    doelgroepkenmerken: tuple[str, ...]


@dataclass(frozen=True)
class MonitorUitkomst:
    per: str
    bibliotheken: tuple[Bibliotheekmonitor, ...]
    dubbel: tuple[Dubbel, ...]
    van: date
    tot: date
    kaart: tuple | None = None  # per bibliotheek de getoetste uitkomstenkaart (`berekening.uitkomstenkaart.Kaartstand`), of None


@dataclass
class _Stapel:
    """De tellers van één periode terwijl de hulpvragen binnenkomen."""

    hulpvragen: int = 0
    gebieden: Counter = field(default_factory=Counter)
    onderwerpen: Counter = field(default_factory=Counter)
    schrijfwijze: dict = field(default_factory=dict)
    groepen: dict = field(default_factory=lambda: defaultdict(Counter))
    doorverwijzers: Counter = field(default_factory=Counter)
    naar: Counter = field(default_factory=Counter)
    netwerk: Counter = field(default_factory=Counter)
    doorverwezen: list = field(default_factory=lambda: [0, 0])
    opgelost: list = field(default_factory=lambda: [0, 0])
    zonder: list = field(default_factory=lambda: [0, 0])
    uren: list = field(default_factory=lambda: [Decimal(0), 0])
    contacten: int = 0
    clienten: set = field(default_factory=set)
    cijfers: Counter = field(default_factory=Counter)

    def voeg_toe(self, v: Hulpvraag, n: int, contacten: int, gebied: str, groepnamen: tuple[str, ...], s: str) -> None:
        """Telt `n` hulpvragen als `v`; `s` is `sleutel_onderwerp(v.onderwerp)`."""
        self.hulpvragen += n
        self.gebieden[gebied] += n
        self.schrijfwijze.setdefault(s, v.onderwerp)
        self.onderwerpen[s] += n
        for kenmerk, waarde in zip(groepnamen, v.doelgroepen):
            self.groepen[kenmerk][waarde or ""] += n
        if v.doorverwijzer:
            self.doorverwijzers[v.doorverwijzer] += n
        if v.naar:
            self.naar[v.naar] += n
            self.netwerk[(v.doorverwijzer or "", v.naar)] += n
        for teller, waarde in ((self.doorverwezen, v.doorverwezen), (self.opgelost, v.opgelost)):
            if waarde is not None:
                teller[1] += n
                teller[0] += n if waarde else 0
        if v.doorverwezen is not None and v.opgelost is not None:
            self.zonder[1] += n
            self.zonder[0] += n if (v.opgelost and not v.doorverwezen) else 0
        if v.uren is not None:
            self.uren[0] += v.uren * n
            self.uren[1] += n
        self.contacten += contacten
        if v.client:
            self.clienten.add(v.client)
        if v.tevredenheid is not None:
            self.cijfers[v.tevredenheid] += n


def _groot_eerst(teller: Counter, namen: dict | None = None) -> tuple:
    """(naam, aantal), grootste eerst, bij gelijk aantal op naam."""
    namen = namen or {}
    return tuple(sorted(((namen.get(k, k), n) for k, n in teller.items()), key=lambda x: (-x[1], str(x[0]).casefold())))


def _procent(paar) -> Decimal | None:
    return deel(paar[0] * HONDERD, paar[1]) if paar and paar[1] else None


def _periode(naam: str, st: _Stapel, volgorde: list[str], namen: dict[str, str], gegevens: set[str], kenmerken: tuple[str, ...]) -> Periode:
    gebieden = tuple((g, namen.get(g, g), st.gebieden[g]) for g in volgorde)
    if st.gebieden[ZONDER_RECHTSGEBIED]:
        gebieden += ((ZONDER_RECHTSGEBIED, "Onderwerp zonder rechtsgebied", st.gebieden[ZONDER_RECHTSGEBIED]),)
    heeft = gegevens.__contains__
    doorverwezen = tuple(st.doorverwezen) if heeft("doorverwezen") else None
    opgelost = tuple(st.opgelost) if heeft("opgelost") else None
    zonder = tuple(st.zonder) if heeft("doorverwezen") and heeft("opgelost") else None
    uren = (st.uren[0], st.uren[1]) if heeft("uren") else None
    contacten = st.contacten if (heeft("contacten") or heeft("id")) else None
    clienten = len(st.clienten) if heeft("client") else None
    cijfers = tuple(sorted(st.cijfers.items())) if heeft("tevredenheid") else None
    respons = sum(st.cijfers.values())
    kern = {
        "hulpvragen": Decimal(st.hulpvragen),
        "contacten": None if contacten is None else Decimal(contacten),
        "clienten": None if clienten is None else Decimal(clienten),
        "doorverwezen_procent": _procent(doorverwezen),
        "opgelost_procent": _procent(opgelost),
        "opgelost_zonder_doorverwijzing_procent": _procent(zonder),
        "uren_per_hulpvraag": deel(uren[0], uren[1]) if uren and uren[1] else None,
        "tevredenheid_gemiddeld": deel(som(c * n for c, n in st.cijfers.items()), respons) if cijfers is not None and respons else None,
        "tevredenheid_respons_procent": deel(respons * HONDERD, st.hulpvragen) if cijfers is not None and st.hulpvragen else None,
    }
    netwerk = tuple(sorted(((van, naar, n) for (van, naar), n in st.netwerk.items()), key=lambda x: (-x[2], x[0].casefold(), x[1].casefold())))
    return Periode(
        naam=naam,
        hulpvragen=st.hulpvragen,
        per_rechtsgebied=gebieden,
        per_onderwerp=_groot_eerst(st.onderwerpen, st.schrijfwijze),
        doelgroepen=tuple((k, _groot_eerst(st.groepen[k])) for k in kenmerken),
        doorverwijzers=_groot_eerst(st.doorverwijzers),
        doorverwezen_naar=_groot_eerst(st.naar),
        netwerk=netwerk,
        doorverwezen=doorverwezen,
        opgelost=opgelost,
        opgelost_zonder_doorverwijzing=zonder,
        uren=uren,
        contacten=contacten,
        clienten=clienten,
        tevredenheid=cijfers,
        kern=kern,
        verandering={},
    )


def _met_verandering(perioden: list[Periode]) -> tuple[Periode, ...]:
    from dataclasses import replace

    uit, vorige = [], None
    for p in perioden:
        verandering = {}
        for k in KERNCIJFERS:
            nu, toen = p.kern.get(k), (vorige.kern.get(k) if vorige else None)
            verandering[k] = None if nu is None or toen is None else nu - toen
        uit.append(replace(p, verandering=verandering))
        vorige = p
    return tuple(uit)


def _ontdubbel(bibliotheek: str, exports: list[Export]) -> tuple[list[tuple[Hulpvraag, int, int]], list[Dubbel]]:
    """De hulpvragen van één bibliotheek over haar exports: (hulpvraag, aantal, contacten), en wat dubbel was."""
    dubbel: list[Dubbel] = []
    met_id = all("id" in e.registratie.kolommen for e in exports)
    if met_id:
        # Het nummer beslist: per nummer de eerste export; daarbinnen zijn alle regels contacten van één hulpvraag.
        eerst: dict[str, tuple[int, Hulpvraag, int]] = {}  # id -> (export, vroegste soort, contacten)
        zonder_id: list[tuple[Hulpvraag, int, int]] = []
        for i, e in enumerate(exports):
            gezien_hier: set[str] = set()
            dubbel_hier: Counter = Counter()
            for v, n in e.registratie.soorten:
                contacten = (v.contacten or 1) * n
                if v.id is None:
                    zonder_id.append((v, n, contacten))
                    continue
                if v.id in eerst and eerst[v.id][0] != i:
                    dubbel_hier[v.id] += n
                    continue
                gezien_hier.add(v.id)
                if n > 1 and v.uren is not None:
                    v = v._replace(uren=v.uren * n)
                if v.id in eerst:
                    # Een volgend contact: de hulpvraag houdt de gegevens van haar eerste regel,
                    # met de uren van alle contacten samen en het eerste gegeven cijfer.
                    _, oud, c = eerst[v.id]
                    eerste, later = (oud, v) if oud.datum <= v.datum else (v, oud)
                    uren = None if eerste.uren is None and later.uren is None else (eerste.uren or 0) + (later.uren or 0)
                    cijfer = eerste.tevredenheid if eerste.tevredenheid is not None else later.tevredenheid
                    eerst[v.id] = (i, eerste._replace(uren=uren, tevredenheid=cijfer), c + contacten)
                else:
                    eerst[v.id] = (i, v, contacten)
            if dubbel_hier:
                eerdere = {eerst[k][0] for k in dubbel_hier}
                dubbel.append(Dubbel(bibliotheek, e.registratie.bestand, exports[min(eerdere)].registratie.bestand,
                                     sum(dubbel_hier.values()), tuple(sorted(dubbel_hier)[:5])))
        return [(v, 1, c) for _, v, c in eerst.values()] + zonder_id, dubbel
    # Zonder nummer: alle gekoppelde kolommen samen; een soort telt zo vaak als in de export waar ze het vaakst staat.
    hoogst: dict[Hulpvraag, tuple[int, int]] = {}  # soort -> (aantal, export met dat aantal)
    for i, e in enumerate(exports):
        dubbel_hier: Counter = Counter()
        eerder_bij: set[int] = set()
        for v, n in e.registratie.soorten:
            if v in hoogst:
                oud, j = hoogst[v]
                dubbel_hier[v] += min(oud, n)
                eerder_bij.add(j)
                if n > oud:
                    hoogst[v] = (n, i)
            else:
                hoogst[v] = (n, i)
        if dubbel_hier:
            voorbeelden = tuple(f"{v.datum.isoformat()} {v.onderwerp}" for v in list(dubbel_hier)[:3])
            dubbel.append(Dubbel(bibliotheek, e.registratie.bestand, exports[min(eerder_bij)].registratie.bestand,
                                 sum(dubbel_hier.values()), voorbeelden))
    return [(v, n, (v.contacten or 1) * n) for v, (n, _) in hoogst.items()], dubbel


def monitor(exports: list[Export], per: str = "kwartaal") -> MonitorUitkomst:
    """Telt alle exports per bibliotheek en per periode."""
    if per not in PERIODES:
        raise ValueError(per)
    bibliotheken: dict[str, list[Export]] = {}
    for e in exports:
        bibliotheken.setdefault(e.bibliotheek, []).append(e)
    uit, dubbel = [], []
    for naam, groep in bibliotheken.items():
        vragen, d = _ontdubbel(naam, groep)
        dubbel += d
        namen = {**groep[0].namen}
        tabel = {}
        for e in groep:
            tabel.update(e.koppeling.opzoektabel())
        volgorde = list(namen) + [g for e in groep for g in e.koppeling.onderwerpen if g not in namen]
        volgorde = list(dict.fromkeys(volgorde))
        gegevens = set().union(*(e.registratie.kolommen for e in groep))
        kenmerken = tuple(dict.fromkeys(k for e in groep for k in e.registratie.doelgroepen))
        perioden: dict[str, _Stapel] = defaultdict(_Stapel)
        totaal = _Stapel()
        sleutels: dict[str, str] = {}  # onderwerp -> sleutel_onderwerp (veel hulpvragen delen een onderwerp)
        for v, n, contacten in vragen:
            s = sleutels.get(v.onderwerp)
            if s is None:
                s = sleutels[v.onderwerp] = sleutel_onderwerp(v.onderwerp)
            gebied = tabel.get(s, ZONDER_RECHTSGEBIED)
            perioden[periode_van(v.datum, per)].voeg_toe(v, n, contacten, gebied, kenmerken, s)
            totaal.voeg_toe(v, n, contacten, gebied, kenmerken, s)
        reeks = [_periode(p, perioden[p], volgorde, namen, gegevens, kenmerken) for p in sorted(perioden)]
        uit.append(Bibliotheekmonitor(
            naam, tuple(e.registratie.bestand for e in groep), _met_verandering(reeks),
            _periode("Totaal", totaal, volgorde, namen, gegevens, kenmerken), tuple(g for g in _GEGEVENS if g in gegevens), kenmerken,
        ))
    van = min(e.registratie.van for e in exports)
    tot = max(e.registratie.tot for e in exports)
    return MonitorUitkomst(per, tuple(uit), tuple(dubbel), van, tot)


_GEGEVENS = ("doorverwezen", "opgelost", "uren", "doorverwijzer", "tevredenheid", "client", "contacten", "id")


def monitor_met_kaart(exports: list[Export], per: str, kaart=None, kaartpad: str = "") -> MonitorUitkomst:
    """De monitor, en met een uitkomstenkaart die kaart getoetst per bibliotheek."""
    from dataclasses import replace

    from kostenbaten.berekening.uitkomstenkaart import toets

    uitkomst = monitor(exports, per)
    if kaart is None:
        return uitkomst
    return replace(uitkomst, kaart=tuple(toets(kaart, kaartpad, b) for b in uitkomst.bibliotheken))
