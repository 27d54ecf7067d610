"""De rekenkern van de kosten-batenanalyse: pure functies op het model, exact in Decimal.

Per casus: kosten per post (uren x tarief), baten per post (kengetal, bedrag of
maandbedrag x maanden), netto en de verdeling over actoren en groepen. Voor de
pilot: het gemiddelde, de dekking en twee extrapolaties (`rapport` en `gewogen`),
plus de cijfers zoals het rapport ze afrondt, elk met de naam van zijn regel.
Delen gebeurt zo laat mogelijk, zodat 3.502 x 198 / 6 exact 115.566 blijft.

De uitkomsten zijn NamedTuples: onveranderlijk, zonder eigen `__dict__` (bij 10.000
casussen tienduizenden posten) en goedkoop om te definiëren; een frozen dataclass
kost bij het laden van de module zo'n 1,5 ms per klasse, en deze module laadt bij
elke `bereken`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from kostenbaten.berekening import rechtsgebieden
from kostenbaten.berekening.aanpassingen import Stap, geldende_aanpassingen, netto_baat, opslag_kosten
from kostenbaten.geld import (
    HONDERD,
    NUL,
    afkappen_op_euro,
    afronden_op_duizendtal,
    afronden_op_procent,
    deel,
    som,
    som_van_delingen,
    vermenigvuldig,
)
from kostenbaten.berekening.rekensom import Rekensom, exact, gedeeld, som as rekensom
from kostenbaten.model.casus import GROEPEN, Casus, Pilot


class Post(NamedTuple):
    """Eén kosten- of batenregel met zijn herkomst, zodat elk bedrag uit te leggen is."""

    naam: str
    bedrag: Decimal
    actor: str
    groep: str
    rekensom: Rekensom  # bijvoorbeeld 2 uur x € 80 per uur
    soort: str  # "tarief", "kengetal", "bedrag" of "per_maand"
    sleutel: str  # naam van het tarief of kengetal, of "baten[i]"
    sleutelpad: tuple  # plek in het casusbestand
    bron: str | None = None  # bron van een kengetal
    kans: Decimal | None = None  # kans van slagen die het bedrag verkleint
    bruto: Decimal | None = None  # het bedrag voor de aanpassingen; None als er geen zijn
    stappen: tuple[Stap, ...] = ()  # van bruto naar netto: deadweight, attributie, verdringing, afname
    indexering: object = None  # `berekening.prijspeil.Indexering` als het tarief of kengetal naar een ander prijspeil is omgerekend
    baatsoort: str | None = None  # bij een baat: "middelen", "overdracht" of "breder_economisch" (model.casus.SOORTEN_BAAT)
    van: str | None = None  # bij een overdracht: de actor die betaalt; None als de betaler niet genoemd is


class CasusUitkomst(NamedTuple):
    casus: Casus
    kosten: tuple[Post, ...]
    baten: tuple[Post, ...]

    @property
    def nummer(self) -> int:
        return self.casus.nummer

    @property
    def totaal_kosten(self) -> Decimal:
        return som(p.bedrag for p in self.kosten)

    @property
    def totaal_baten(self) -> Decimal:
        return som(p.bedrag for p in self.baten)

    @property
    def netto(self) -> Decimal:
        return self.totaal_baten - self.totaal_kosten

    def per_actor(self) -> dict[str, Decimal]:
        """Baten min gedragen kosten per actor (alleen actoren die iets winnen of betalen)."""
        saldo: dict[str, Decimal] = {}
        for p in self.baten:
            saldo[p.actor] = saldo.get(p.actor, NUL) + p.bedrag
        for p in self.kosten:
            saldo[p.actor] = saldo.get(p.actor, NUL) - p.bedrag
        return saldo

    def per_groep(self) -> dict[str, Decimal]:
        """Per groep (cliënt, overheid, overig) zijn baten min de kosten die hij draagt."""
        saldo = {g: NUL for g in GROEPEN}
        for p in self.baten:
            saldo[p.groep] += p.bedrag
        for p in self.kosten:
            saldo[p.groep] -= p.bedrag
        return saldo

    @property
    def client(self) -> Decimal:
        return self.per_groep()["client"]

    @property
    def overheid(self) -> Decimal:
        return self.per_groep()["overheid"]

    @property
    def overig(self) -> Decimal:
        return self.per_groep()["overig"]


def bereken_casus(casus: Casus, pilot: Pilot, maanden: int | None = None) -> CasusUitkomst:
    """Kosten en baten van één casus. `maanden` is de periode waarover maandbedragen tellen."""
    in_beeld = pilot.maanden_in_beeld if maanden is None else maanden
    actoren = pilot.alle_actoren
    uren = casus.uren.waarde

    kosten = []
    for sleutel, tarief in pilot.tarieven.items():
        bruto = uren * tarief.per_uur.waarde
        bedrag, stappen = opslag_kosten(pilot, bruto)
        kosten.append(
            Post(
                naam=tarief.naam,
                bedrag=bedrag,
                actor=tarief.betaler,
                groep=actoren[tarief.betaler].groep,
                rekensom=gedeeld(rekensom(exact(uren), " uur x ") + _geindexeerd(tarief.per_uur.waarde, tarief._indexering, " per uur")),
                soort="tarief",
                sleutel=sleutel,
                sleutelpad=("uren",),
                bruto=bruto if stappen else None,
                stappen=stappen,
                indexering=tarief._indexering,
            )
        )

    kans = casus.kans.waarde if casus.kans is not None else None
    baten = []
    for i, baat in enumerate(casus.baten):
        bron = indexering = None
        maandbedrag = None  # bij een bedrag per maand (van de baat of van het kengetal): dat bedrag, met `geteld` maanden
        if baat.kengetal is not None:
            kengetal = pilot.kengetallen[baat.kengetal]
            naam = baat.omschrijving or kengetal.naam
            actor = baat.actor or kengetal.actor
            indexering = kengetal._indexering
            if kengetal.per_maand is not None:
                # Een kengetal per maand telt als een baat per maand: de maanden in beeld, hoogstens zijn looptijd.
                geteld = min(kengetal.maanden, in_beeld)
                maandbedrag = kengetal.per_maand.waarde
                bruto = maandbedrag * geteld
                som_ = (rekensom(f"kengetal {baat.kengetal}: ") + _geindexeerd(maandbedrag, indexering, " per maand")
                        + (" x ", geteld, " van ", kengetal.maanden, " maanden"))
            else:
                bruto = kengetal.bedrag.waarde
                som_ = rekensom(f"kengetal {baat.kengetal}: ") + _geindexeerd(bruto, indexering)
            soort, sleutel, bron = "kengetal", baat.kengetal, kengetal.bron
        elif baat.per_maand is not None:
            geteld = min(baat.maanden, in_beeld)
            maandbedrag = baat.per_maand.waarde
            bruto = baat.per_maand.waarde * geteld
            naam, actor = baat.omschrijving, baat.actor
            som_ = _geindexeerd(baat.per_maand.waarde, baat._indexering, " per maand") + (" x ", geteld, " van ", baat.maanden, " maanden")
            soort, sleutel = "per_maand", f"baten[{i}]"
            indexering = baat._indexering
        else:
            bruto = baat.bedrag.waarde
            naam, actor = baat.omschrijving, baat.actor
            som_ = rekensom("vast bedrag ") + _geindexeerd(bruto, baat._indexering)
            soort, sleutel = "bedrag", f"baten[{i}]"
            indexering = baat._indexering
        baatsoort, van = soort_en_betaler(baat, pilot, actoren)
        bedrag = bruto if kans is None else bruto * kans
        if kans is not None:
            som_ += (" x kans van slagen ", exact(kans))
        geldend = geldende_aanpassingen(pilot, casus, baat)
        per_maand = None
        if maandbedrag is not None:
            per_maand = maandbedrag if kans is None else maandbedrag * kans
        netto, stappen = netto_baat(bedrag, geldend, per_maand, geteld if maandbedrag is not None else 0)
        baten.append(
            Post(
                naam, netto, actor, actoren[actor].groep, gedeeld(som_), soort, sleutel, ("baten", i), bron, kans,
                bedrag if stappen else None, stappen, indexering, baatsoort, van,
            )
        )
    return CasusUitkomst(casus, tuple(kosten), tuple(baten))


def soort_en_betaler(baat, pilot: Pilot, actoren) -> tuple[str, str | None]:
    """Of een baat een besparing van middelen, een overdracht of een breder economisch effect is, en bij een overdracht wie betaalt.

    Met een kengetal: de soort en betaler van de baat, anders die van het kengetal. Zonder: zoals
    opgegeven; met een betaler (`van`) een overdracht; anders voor de cliënt een overdracht van een
    onbekende betaler (None) en voor een andere actor een vermeden kost.
    """
    if baat.kengetal is not None:
        kengetal = pilot.kengetallen[baat.kengetal]
        soort, van = baat.soort or kengetal.soort, baat.van or kengetal.van
    elif baat.soort is not None:
        soort, van = baat.soort, baat.van
    elif baat.van is not None or actoren[baat.actor].groep == "client":
        soort, van = "overdracht", baat.van
    else:
        soort, van = "middelen", None
    return soort, (van if soort == "overdracht" else None)


def met_soort(project):
    """Het project met de soort (en bij een overdracht de betaler) van elk eigen bedrag uitgeschreven.

    Zo schrijft `omzetten` het veld altijd, ook als het oude bestand het wegliet: wat de berekening
    er toch al van maakte (`soort_en_betaler`), staat er dan met zoveel woorden. Een baat met een
    kengetal blijft zoals hij is: zijn soort staat bij het kengetal.
    """
    pilot = project.pilot
    actoren = pilot.alle_actoren
    casussen = []
    for casus in project.casussen:
        baten = [
            baat.model_copy(update={"soort": soort_en_betaler(baat, pilot, actoren)[0]})
            if baat.kengetal is None and baat.soort is None
            else baat
            for baat in casus.baten
        ]
        casussen.append(casus.model_copy(update={"baten": baten}) if baten != list(casus.baten) else casus)
    return project._replace(casussen=tuple(casussen))


def _geindexeerd(bedrag: Decimal, indexering, eenheid: str = "") -> Rekensom:
    """Een bedrag in een rekensom; na omrekening naar een ander prijspeil: het oorspronkelijke bedrag x de indexverhouding."""
    if indexering is None:
        return rekensom("€ ", exact(bedrag), eenheid)
    i = indexering
    return rekensom("€ ", exact(i.oorspronkelijk), eenheid, " (prijspeil ", i.van, ") x index ", i.naar, " / index ", i.van)


# -- pilot ------------------------------------------------------------------------


class Gebiedsdeel(NamedTuple):
    """Het aandeel van één rechtsgebied in de gewogen extrapolatie."""

    rechtsgebied: str
    aantal_casussen: int
    hulpvragen: Decimal
    gemiddelde_netto: Decimal
    totaal: Decimal
    client: Decimal
    overheid: Decimal
    overig: Decimal = NUL


class Extrapolatie(NamedTuple):
    methode: str
    hulpvragen: Decimal
    gedekt: Decimal
    totaal: Decimal
    client: Decimal
    overheid: Decimal
    delen: tuple[Gebiedsdeel, ...] = ()
    overig: Decimal = NUL  # de overige partijen (woningcorporatie, schuldeiser, ...)


class Afgerond(NamedTuple):
    """Een cijfer zoals het rapport het drukt, met het exacte cijfer en de naam van de afrondingsregel."""

    waarde: Decimal
    exact: Decimal
    regel: str
    uitleg: Rekensom


class PilotUitkomst(NamedTuple):
    pilot: Pilot
    casussen: tuple[CasusUitkomst, ...]
    gemiddelde_netto: Decimal
    gemiddelde_client: Decimal
    gemiddelde_overheid: Decimal
    dekking: Decimal  # procent van de hulpvragen die de casussen vertegenwoordigen
    extrapolaties: dict[str, Extrapolatie]
    gepubliceerd: dict[str, Afgerond]  # leeg zonder rapport
    gemiddelde_overig: Decimal = NUL

    @property
    def som_netto(self) -> Decimal:
        return som(c.netto for c in self.casussen)

    @property
    def heeft_overig(self) -> bool:
        """Of een kosten- of batenpost bij de groep overig hoort; zonder toont de uitvoer alleen cliënt en overheid."""
        return any(p.groep == "overig" for c in self.casussen for p in (*c.kosten, *c.baten))


def bereken_pilot(pilot: Pilot, casussen, maanden: int | None = None) -> PilotUitkomst:
    """Alle cijfers van de pilot uit de casussen; niets wordt overgenomen uit 'gepubliceerd'."""
    return extrapoleer(pilot, tuple(bereken_casus(c, pilot, maanden) for c in casussen))


def extrapoleer(pilot: Pilot, uitkomsten: tuple[CasusUitkomst, ...]) -> PilotUitkomst:
    """Gemiddelden en beide extrapolaties uit al berekende casussen (ook contante waarden)."""
    n = len(uitkomsten)
    if n == 0:
        raise ValueError("een pilot zonder casussen kan niet worden doorgerekend")
    som_netto = som(u.netto for u in uitkomsten)
    som_client = som(u.client for u in uitkomsten)
    som_overheid = som(u.overheid for u in uitkomsten)
    som_overig = som(u.overig for u in uitkomsten)
    hulpvragen = pilot.hulpvragen.waarde
    dekking = rechtsgebieden.dekking(pilot)
    gedekt = rechtsgebieden.gedekt(pilot, hulpvragen)

    rapport = Extrapolatie(
        methode="rapport",
        hulpvragen=hulpvragen,
        gedekt=gedekt,
        totaal=deel(vermenigvuldig(som_netto, gedekt), n),
        client=deel(vermenigvuldig(som_client, gedekt), n),
        overheid=deel(vermenigvuldig(som_overheid, gedekt), n),
        overig=deel(vermenigvuldig(som_overig, gedekt), n),
    )
    gewogen = _gewogen(pilot, uitkomsten, hulpvragen, gedekt)
    uitkomst = PilotUitkomst(
        pilot=pilot,
        casussen=uitkomsten,
        gemiddelde_netto=deel(som_netto, n),
        gemiddelde_client=deel(som_client, n),
        gemiddelde_overheid=deel(som_overheid, n),
        dekking=dekking,
        extrapolaties={"rapport": rapport, "gewogen": gewogen},
        gepubliceerd={},
        gemiddelde_overig=deel(som_overig, n),
    )
    if pilot.gepubliceerd is None:  # geen rapport: geen cijfers "zoals gepubliceerd"
        return uitkomst
    return uitkomst._replace(gepubliceerd=zoals_gepubliceerd(uitkomst))


def _gewogen(pilot: Pilot, uitkomsten, hulpvragen: Decimal, gedekt: Decimal) -> Extrapolatie:
    delen = []
    breuken: dict[str, list] = {"netto": [], "client": [], "overheid": [], "overig": []}
    for sleutel, gebied in pilot.rechtsgebieden.items():
        eigen = [u for u in uitkomsten if u.casus.rechtsgebied == sleutel]
        aantal = rechtsgebieden.hulpvragen(gebied, hulpvragen)
        if not eigen:
            # Alleen mogelijk bij een aandeel van 0%: de invoercontrole eist anders een casus.
            delen.append(Gebiedsdeel(sleutel, 0, aantal, NUL, NUL, NUL, NUL, NUL))
            continue
        k = len(eigen)
        for deel_ in breuken:
            breuken[deel_].append((vermenigvuldig(som(getattr(u, deel_) for u in eigen), aantal), k))
        delen.append(
            Gebiedsdeel(
                rechtsgebied=sleutel,
                aantal_casussen=k,
                hulpvragen=aantal,
                gemiddelde_netto=deel(som(u.netto for u in eigen), k),
                totaal=deel(vermenigvuldig(som(u.netto for u in eigen), aantal), k),
                client=deel(vermenigvuldig(som(u.client for u in eigen), aantal), k),
                overheid=deel(vermenigvuldig(som(u.overheid for u in eigen), aantal), k),
                overig=deel(vermenigvuldig(som(u.overig for u in eigen), aantal), k),
            )
        )
    return Extrapolatie(
        methode="gewogen",
        hulpvragen=hulpvragen,
        gedekt=gedekt,
        # De delen zijn elk een deling door hun aantal casussen; hun som met één deling aan het eind.
        totaal=som_van_delingen(breuken["netto"]),
        client=som_van_delingen(breuken["client"]),
        overheid=som_van_delingen(breuken["overheid"]),
        overig=som_van_delingen(breuken["overig"]),
        delen=tuple(delen),
    )


def zoals_gepubliceerd(uitkomst: PilotUitkomst) -> dict[str, Afgerond]:
    """De kopcijfers met de afrondingen van het rapport, berekend uit de casussen.

    Het rapport kapt het gemiddelde af op hele euro's, vermenigvuldigt met de
    gedekte hulpvragen, rondt af op duizendtallen en verdeelt dat totaal met het
    aandeel van de cliënt in hele procenten.
    """
    rapport = uitkomst.extrapolaties["rapport"]
    gemiddelde = afkappen_op_euro(uitkomst.gemiddelde_netto)
    onafgerond_totaal = gemiddelde * rapport.gedekt
    totaal = afronden_op_duizendtal(onafgerond_totaal)
    uit = {
        "gemiddelde_netto": Afgerond(
            gemiddelde, uitkomst.gemiddelde_netto, "afkappen_op_euro", rekensom("gemiddelde netto per casus, centen weggelaten")
        ),
        "gedekt": Afgerond(rapport.gedekt, rapport.gedekt, "geen", rekensom("hulpvragen x som van de aandelen / 100")),
        "totaal": Afgerond(
            totaal, rapport.totaal, "afronden_op_duizendtal", rekensom("afgekapt gemiddelde x gedekte hulpvragen = ", exact(onafgerond_totaal), ", op duizendtallen")
        ),
    }
    som_netto = uitkomst.som_netto
    if som_netto != 0:
        som_client = som(c.client for c in uitkomst.casussen)
        aandeel_exact = deel(som_client * HONDERD, som_netto)
        aandeel_client = afronden_op_procent(aandeel_exact)
        aandeel_overheid = HONDERD - aandeel_client
        uit["aandeel_client"] = Afgerond(
            aandeel_client, aandeel_exact, "afronden_op_procent", rekensom("som cliënt / som netto van de casussen, in hele procenten")
        )
        uit["aandeel_overheid"] = Afgerond(
            aandeel_overheid, HONDERD - aandeel_exact, "aanvulling_tot_100", rekensom("100 min het aandeel van de cliënt")
        )
        uit["client"] = Afgerond(
            deel(totaal * aandeel_client, HONDERD), rapport.client, "procent_van_afgerond_totaal", rekensom("afgerond totaal x aandeel cliënt")
        )
        uit["overheid"] = Afgerond(
            deel(totaal * aandeel_overheid, HONDERD), rapport.overheid, "procent_van_afgerond_totaal", rekensom("afgerond totaal x aandeel overheid")
        )
    return uit
