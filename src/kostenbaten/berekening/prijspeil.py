"""Bedragen naar één prijspeil: indexcijfers uit jaarmutaties en de omrekening, exact in Decimal.

    index[startjaar] = 100
    index[t]         = index[t - 1] x (1 + jaarmutatie[t] / 100)
    bedrag in jaar N = bedrag in jaar B x index[N] / index[B]

De indexcijfers zijn exacte producten (op de 100 cijfers van de rekencontext
van `geld`: voor een reeks jaarmutaties met één decimaal over tientallen jaren
is dat exact); alleen de ene deling door index[B] gebeurt op de ruime precisie
van `geld.deel`. Afronden doet pas de uitvoer.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from kostenbaten.fouten import Gebruiksfout
from kostenbaten.geld import HONDERD, deel, vermenigvuldig

if TYPE_CHECKING:  # het model van een reeks laadt pas als er echt omgerekend wordt
    from kostenbaten.model.prijsindex import Prijsindex


class Indexering(NamedTuple):
    """Hoe één bedrag naar het gevraagde prijspeil is omgerekend, voor de uitleg."""

    oorspronkelijk: Decimal  # het bedrag zoals in de invoer, op zijn eigen prijspeil
    van: int  # prijspeil in de invoer
    naar: int  # het gevraagde prijspeil
    index_van: Decimal
    index_naar: Decimal
    reeks: str  # naam van de prijsindex
    voorbeeld: bool  # een voorbeeldreeks, geen echte cijfers
    indexplekken: tuple[str, ...]  # bestand:regel in de indexreeks van beide jaren
    bron: str  # bron van de reeks
    categorie: str = "alle"  # cpi, cao_lonen of eigen bij omrekening per categorie; "alle" bij één reeks
    terugval: bool = False  # categorie 'eigen' zonder eigen reeks: omgerekend met de CPI
    aanname: bool = False  # het prijspeil stond er niet bij: het jaar waarin de pilot eindigt is aangenomen

    @property
    def factor(self) -> Decimal:
        return deel(self.index_naar, self.index_van)

    @property
    def bedrag(self) -> Decimal:
        return omgerekend(self.oorspronkelijk, self.index_van, self.index_naar)


def indexcijfers(reeks: Prijsindex) -> dict[int, Decimal]:
    """Het indexcijfer van elk jaar van de reeks (startjaar = 100), exact als product van de jaarmutaties."""
    index = {reeks.startjaar: HONDERD}
    for mutatie in reeks.jaarmutaties:  # het model eist de volgorde startjaar + 1, + 2, ...
        # Gewoon `*` in de rekencontext van `geld` (100 cijfers): reeksen met één decimaal blijven zo exact.
        index[mutatie.jaar] = index[mutatie.jaar - 1] * (1 + mutatie.procent / HONDERD)
    return index


def omgerekend(bedrag: Decimal, index_van: Decimal, index_naar: Decimal) -> Decimal:
    """bedrag x index[naar] / index[van]: eerst vermenigvuldigen (exact), dan één deling."""
    if index_van == index_naar:
        return bedrag
    return deel(vermenigvuldig(bedrag, index_naar), index_van)


class Reeks(NamedTuple):
    """Een gelezen prijsindexreeks zoals de omrekening haar nodig heeft (`invoer` leest het bestand)."""

    naam: str
    bron: str
    voorbeeld: bool
    toon: str  # het bestand zoals de gebruiker het kent, voor meldingen en `indexplekken`
    omschrijving: str  # "de prijsindex BESTAND" of "de meegeleverde prijsindex (NAAM)", voor de melding over --prijspeil
    index: dict[int, Decimal]  # jaar -> indexcijfer (`indexcijfers`)
    regels: dict[int, int | None]  # jaar -> regel van zijn jaarmutatie in het bestand


def reeks(model: Prijsindex, toon: str, omschrijving: str, regels: dict[int, int | None]) -> Reeks:
    """Een `Reeks` uit het model van een prijsindexbestand."""
    return Reeks(model.naam, model.bron, model.voorbeeld, toon, omschrijving, indexcijfers(model), regels)


class Tekort(NamedTuple):
    """Een bedrag waarvan de reeks het prijspeil niet kent: waar het staat en wat er mis is (de plek maakt de aanroeper)."""

    waar: object  # "pilot" of het nummer van de casus
    sleutelpad: tuple
    tekst: str


class Omrekening(NamedTuple):
    """Het project naar één prijspeil: de omgerekende pilot en casussen, en per omgerekend bedrag hoe.

    `indexeringen` heeft als sleutel de plek van het bedrag: `tarieven.NAAM`, `kengetallen.NAAM` of
    `casus-N.baten[i]`; de KBA (`kba.bereken_pilot(..., indexeringen=...)`) zet ze bij haar posten.
    Met `tekorten` is er niets omgerekend (pilot en casussen zijn de oorspronkelijke).
    """

    pilot: object
    casussen: tuple
    indexeringen: dict[str, Indexering]
    tekorten: tuple[Tekort, ...] = ()


# Per blok van pilot.yaml: het veld met het bedrag dat geïndexeerd wordt.
_BEDRAGEN = {"tarieven": "per_uur", "kengetallen": "bedrag"}


def _categorie(per_categorie: bool, reeksen: dict, gewenst: str) -> tuple[str, bool]:
    """De reeks (sleutel in `reeksen`) voor een bedrag van categorie `gewenst`, en of dat een terugval op de CPI is."""
    if not per_categorie:
        return "alle", False
    if gewenst in reeksen:
        return gewenst, False
    return "cpi", True


def reken_om(pilot, casussen, jaar: int, reeksen: dict[str, Reeks], per_categorie: bool = False, bankindex: dict | None = None) -> Omrekening:
    """Elk bedrag met een prijspeil naar `jaar`: tarieven, kengetallen en de bedragen uit de casussen.

    `reeksen` is {"alle": reeks} bij één reeks, of per categorie (cpi, cao_lonen, eigen); een
    kengetal zonder eigen `index` krijgt die van zijn bankpost uit `bankindex`, anders de CPI.
    Een tarief of kengetal zonder `prijspeil` blijft zoals het is; het bereik van een onzeker
    bedrag (`min`/`max`, `interval_90`) schuift met dezelfde factor mee. Een gevraagd jaar dat een
    reeks niet kent is één `Gebruiksfout` over de optie.
    """
    for r in reeksen.values():
        if jaar not in r.index:  # één fout over de optie, niet één per bedrag
            raise Gebruiksfout(
                f"--prijspeil {jaar}: {r.omschrijving} kent dat jaar niet (wel {min(r.index)} tot en met {max(r.index)}); "
                "kies een jaar daartussen of geef met --prijsindex een reeks die het wel kent."
            )
    bankindex = bankindex or {}
    tekorten: list[Tekort] = []
    indexeringen: dict[str, Indexering] = {}

    def indexering(bedrag, van, categorie, waar, pad, aanname=False):
        sleutel, terugval = _categorie(per_categorie, reeksen, categorie)
        r = reeksen[sleutel]
        if van not in r.index:
            tekorten.append(
                Tekort(
                    waar,
                    pad,
                    (f"het aangenomen prijspeil {van} (het jaar waarin de pilot eindigt) " if aanname else "")
                    + f"de prijsindex {r.toon} kent het jaar {van} niet "
                    f"(wel {min(r.index)} tot en met {max(r.index)}); vul de reeks aan of geef met --prijsindex een andere reeks",
                )
            )
            return None
        return Indexering(
            oorspronkelijk=bedrag,
            van=van,
            naar=jaar,
            index_van=r.index[van],
            index_naar=r.index[jaar],
            reeks=r.naam,
            voorbeeld=r.voorbeeld,
            indexplekken=_plekken(r, van, jaar),
            bron=r.bron,
            categorie=categorie if per_categorie else "alle",
            terugval=terugval,
            aanname=aanname,
        )

    nieuw = {}
    for blok, veld in _BEDRAGEN.items():
        onderdelen = dict(getattr(pilot, blok))
        for naam, onderdeel in onderdelen.items():
            if onderdeel.prijspeil is None:
                continue
            if blok == "tarieven":
                categorie = "cao_lonen"
            else:
                categorie = onderdeel.index or bankindex.get(onderdeel.bankpost, "cpi")
            eigen_veld = onderdeel.veld if blok == "kengetallen" else veld  # een kengetal per geval of per maand
            bedrag = getattr(onderdeel, eigen_veld)
            i = indexering(bedrag.waarde, onderdeel.prijspeil, categorie, "pilot", (blok, naam, "prijspeil"))
            if i is None:
                continue
            onderdelen[naam] = onderdeel.model_copy(update={eigen_veld: _schaal(bedrag, i), "prijspeil": jaar})
            indexeringen[f"{blok}.{naam}"] = i
        nieuw[blok] = onderdelen

    # De bedragen uit de casussen (van de cliënt en andere vaste of maandbedragen): hun eigen prijspeil,
    # of anders het jaar waarin de pilot eindigt (een aanname, die de uitvoer noemt). Altijd de CPI-categorie.
    eindjaar = pilot.periode.tot.year
    nieuwe_casussen = []
    for casus in casussen:
        baten = list(casus.baten)
        for n, baat in enumerate(baten):
            if baat.kengetal is not None:
                continue
            veld = "per_maand" if baat.per_maand is not None else "bedrag"
            aanname = baat.prijspeil is None
            pad = ("baten", n, veld if aanname else "prijspeil")
            bedrag = getattr(baat, veld)
            i = indexering(bedrag.waarde, eindjaar if aanname else baat.prijspeil, "cpi", casus.nummer, pad, aanname)
            if i is None:
                continue
            baten[n] = baat.model_copy(update={veld: _schaal(bedrag, i), "prijspeil": jaar})
            indexeringen[f"casus-{casus.nummer}.baten[{n}]"] = i
        nieuwe_casussen.append(casus.model_copy(update={"baten": baten}) if baten != list(casus.baten) else casus)
    if tekorten:
        return Omrekening(pilot, tuple(casussen), {}, tuple(tekorten))
    if not indexeringen:
        return Omrekening(pilot, tuple(casussen), {})
    pilot = _zonder_rapportcijfers(pilot.model_copy(update=nieuw))
    return Omrekening(pilot, tuple(_zonder_rapportcijfers(c) for c in nieuwe_casussen), indexeringen)


def _plekken(r: Reeks, van: int, naar: int) -> tuple[str, ...]:
    """De regels van de jaarmutaties tussen beide jaren: precies de cijfers die de omrekening gebruikt."""
    eerste, laatste = sorted((van, naar))
    if eerste == laatste:
        return ()
    if eerste + 1 == laatste:
        return (f"{r.toon}:{r.regels.get(laatste)}",)
    return (f"{r.toon}:{r.regels.get(eerste + 1)}-{r.regels.get(laatste)}",)


def _zonder_rapportcijfers(model):
    """Na omrekening gelden de gedrukte cijfers van het rapport (op hun eigen prijspeil) niet meer, zoals bij een variant."""
    return model.model_copy(update={"gepubliceerd": None, "errata": {}})


def _schaal(bedrag, i: Indexering):
    """Waarde en bereik met dezelfde factor omgerekend; zonder afronding."""

    def om(w):
        return None if w is None else omgerekend(w, i.index_van, i.index_naar)

    interval = None if bedrag.interval_90 is None else tuple(om(w) for w in bedrag.interval_90)
    return bedrag.model_copy(update={"waarde": om(bedrag.waarde), "min": om(bedrag.min), "max": om(bedrag.max), "interval_90": interval})


def van_tarieven_en_kengetallen(indexeringen: dict[str, Indexering]) -> dict[str, Indexering]:
    """Alleen de omgerekende tarieven en kengetallen (zonder de bedragen uit de casussen)."""
    return {plek: i for plek, i in indexeringen.items() if not plek.startswith("casus-")}
