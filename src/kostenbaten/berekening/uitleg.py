"""Elk cijfer terug naar zijn invoer: een boom van rekenstappen tot de regels in de YAML-bestanden.

De boom wordt opgebouwd uit een berekende `PilotUitkomst`, nooit uit vaste
getallen: verandert een kengetal, dan verandert de uitleg mee. Waar een waarde
in een bestand staat, geeft `waar` (meestal `Project.regel`) de `bestand:regel`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal


from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst, Post
from kostenbaten.fouten import Gebruiksfout, bedoelt_u
from kostenbaten.geld import AFRONDINGSREGELS, AFRONDINGSREGELS_KORT, som
from kostenbaten.berekening.rekensom import Rekensom, exact, getal as n, samen, som as rekensom, vast

Waar = Callable[[object, tuple], str]  # (wie, sleutelpad) -> "bestand:regel"


@dataclass(frozen=True)
class Knoop:
    """Eén stap in de uitleg: wat het is, de waarde, hoe die berekend is en waar de invoer staat."""

    label: str
    waarde: Decimal
    rekensom: Rekensom | None = None
    waar: tuple[str, ...] = ()  # bestand:regel van de invoer
    bron: str | None = None  # bron van een kengetal
    kinderen: tuple[Knoop, ...] = ()
    eenheid: str = "euro"  # "euro", "procent" of "hulpvragen"
    let_op: str | None = None  # bijvoorbeeld een bekende drukfout in het rapport
    cijfer: str | None = None  # het cijfer dat deze knoop berekent (`berekening.rekenbomen`), zodat een tabel ernaar verwijst

    def alle(self) -> Iterator[Knoop]:
        """Deze knoop en alle knopen eronder (diepte eerst)."""
        yield self
        for kind in self.kinderen:
            yield from kind.alle()


class OnbekendCijfer(Gebruiksfout, ValueError):
    """Een cijfer dat `leg_uit` niet kent, met de bekende namen en de naam die er het meest op lijkt."""

    def __init__(self, cijfer: str, bekend: list[str]):
        self.cijfer = cijfer
        self.bekend = bekend
        self.suggestie = bedoelt_u(cijfer, bekend)
        bedoelt = f" Bedoelt u '{self.suggestie}'?" if self.suggestie else ""
        # Alleen de hele cijfers, niet elk deel ervan (per casus nog eens vijf of meer), en de casussen als reeks.
        hoofd = [b for b in bekend if "." not in b and not b.startswith("casus-")]
        casussen = [b for b in bekend if "." not in b and b.startswith("casus-")]
        if len(casussen) > 2:
            hoofd.append(f"{casussen[0]} tot en met {casussen[-1]}")
        else:
            hoofd += casussen
        delen = f", en hun delen, zoals {next(b for b in bekend if '.' in b)}" if any("." in b for b in bekend) else ""
        super().__init__(f"onbekend cijfer '{cijfer}'.{bedoelt} Uit te leggen zijn: {', '.join(hoofd)}{delen}")



def wie_naam(wie: str) -> str:
    """Een groep of actor in tekst: de sleutel `client` heet daar cliënt."""
    return "cliënt" if wie == "client" else wie


def _term(waarde: Decimal) -> Rekensom:
    return rekensom("(", n(waarde), ")") if waarde < 0 else rekensom(n(waarde))


def _optelling(waarden, uitkomst: Decimal) -> Rekensom:
    waarden = list(waarden)
    if not waarden:
        return rekensom("geen posten = ", n(uitkomst))
    return samen((_term(w) for w in waarden), " + ") + (" = ", n(uitkomst))


# -- casus ------------------------------------------------------------------------


def post_knoop(u: CasusUitkomst, p: Post, waar: Waar, teken: str = "") -> Knoop:
    """Eén post: uren x tarief (met beide regels) of kengetal (met bron) of eigen bedrag."""
    nr = u.nummer
    if p.soort == "tarief":
        plekken = (waar(nr, ("uren",)), waar("pilot", ("tarieven", p.sleutel, "per_uur")))
    elif p.soort == "kengetal":
        plekken = (waar(nr, p.sleutelpad), waar("pilot", ("kengetallen", p.sleutel, "bedrag")))
    else:
        plekken = (waar(nr, p.sleutelpad + (p.soort,)),)
    if p.kans is not None:
        plekken += (waar(nr, ("kans",)),)
    label = f"{teken}{p.naam} [{wie_naam(p.actor)}]"
    index = (index_knoop(p, waar),) if p.indexering is not None else ()
    if not p.stappen:
        return Knoop(label, p.bedrag, p.rekensom + (" = ", n(p.bedrag)), plekken, p.bron, index)
    bruto = Knoop(f"bruto: {p.naam}", p.bruto, p.rekensom + (" = ", n(p.bruto)), plekken, p.bron, index)
    stappen = tuple(_stap_knoop(u, p, stap, vorige, waar) for stap, vorige in zip(p.stappen, (p.bruto, *(s.na for s in p.stappen))))
    som_ = rekensom(n(p.bruto), *(d for s in p.stappen for d in ((" - ", n(s.af)) if s.af >= 0 else (" + ", n(-s.af)))), " = ", n(p.bedrag))
    return Knoop(f"{label}, netto", p.bedrag, som_, (), None, (bruto, *stappen))


def index_knoop(p: Post, waar: Waar) -> Knoop:
    """Het tarief of kengetal van een post, omgerekend naar het gevraagde prijspeil, met de regels van prijspeil en indexreeks."""
    i = p.indexering
    som_ = rekensom(n(i.oorspronkelijk), " x ", vast(i.index_naar, 2), " / ", vast(i.index_van, 2), " = ", n(i.bedrag))
    if p.soort in ("tarief", "kengetal"):
        blok = "tarieven" if p.soort == "tarief" else "kengetallen"
        plekken = (waar("pilot", (blok, p.sleutel, "prijspeil")), *i.indexplekken)
        label = f"{'tarief' if p.soort == 'tarief' else 'kengetal'} {p.sleutel} van prijspeil {i.van} naar {i.naar} ({i.reeks})"
    else:  # een bedrag uit de casus zelf
        plekken = tuple(i.indexplekken)
        van = f"{i.van} (aangenomen: het jaar waarin de pilot eindigt)" if i.aanname else str(i.van)
        wat = "maandbedrag" if p.soort == "per_maand" else "bedrag"
        label = f"{wat} {p.sleutel} van prijspeil {van} naar {i.naar} ({i.reeks})"
    if i.terugval:
        label += "; eigen indexering zonder eigen reeks: met de CPI"
    if i.voorbeeld:
        label += "; LET OP: voorbeeldreeks, geen echte cijfers"
    return Knoop(label, i.bedrag, som_, plekken, i.bron)


def _stap_knoop(u: CasusUitkomst, p: Post, stap, vorige: Decimal, waar: Waar) -> Knoop:
    """Eén aanpassing van bruto naar netto, met de plek waar hij staat, zijn reden en bron."""
    if stap.soort == "optimisme":
        plek = waar("pilot", ("optimisme", "opslag_kosten" if stap.af < 0 else "korting_baten"))
    elif stap.niveau == "baat":
        plek = waar(u.nummer, p.sleutelpad + ("aanpassingen", stap.soort))
    elif stap.niveau == "casus":
        plek = waar(u.nummer, ("aanpassingen", stap.soort))
    elif stap.niveau == "pilot":
        plek = waar("pilot", ("aanpassingen", stap.soort))
    else:
        plek = waar("pilot", ("kengetallen", stap.niveau.removeprefix("kengetal "), "aanpassingen", stap.soort))
    if stap.soort == "afname":
        som_ = rekensom(n(vorige), " - ", n(stap.na), " (elk volgend jaar ", exact(stap.aandeel * 100), "% minder) = ", n(stap.af))
    else:  # bij een opslag op de kosten is `af` negatief: er komt iets bij
        som_ = rekensom(n(vorige), " x ", exact(stap.aandeel * 100), "% = ", n(abs(stap.af)))
    label = f"{'plus' if stap.af < 0 else 'min'} {stap.soort} ({stap.niveau}): {stap.reden}"
    return Knoop(label, -stap.af, som_, (plek,), stap.bron)


def _erratum(u: CasusUitkomst, cijfer: str) -> str | None:
    """Een bekende drukfout van het rapport bij dit cijfer, zodat de uitleg die niet verzwijgt."""
    tekst = u.casus.errata.get(cijfer)
    return None if tekst is None else "erratum in het rapport: " + " ".join(tekst.split())


def _posten_knoop(u: CasusUitkomst, cijfer: str, posten, waar: Waar) -> Knoop:
    totaal = som(p.bedrag for p in posten)
    kinderen = tuple(post_knoop(u, p, waar) for p in posten)
    som_ = _optelling((p.bedrag for p in posten), totaal)
    return Knoop(f"Casus {u.nummer}: {cijfer}", totaal, som_, (), None, kinderen, let_op=_erratum(u, cijfer),
                 cijfer=f"casus-{u.nummer}-{cijfer}")


def kosten_knoop(u: CasusUitkomst, waar: Waar) -> Knoop:
    return _posten_knoop(u, "kosten", u.kosten, waar)


def baten_knoop(u: CasusUitkomst, waar: Waar) -> Knoop:
    return _posten_knoop(u, "baten", u.baten, waar)


def netto_knoop(u: CasusUitkomst, waar: Waar) -> Knoop:
    return Knoop(
        f"Casus {u.nummer}: netto ({u.casus.titel})",
        u.netto,
        rekensom("baten - kosten = ", n(u.totaal_baten), " - ", n(u.totaal_kosten), " = ", n(u.netto)),
        (waar(u.nummer, ("nummer",)),),
        None,
        (baten_knoop(u, waar), kosten_knoop(u, waar)),
        let_op=_erratum(u, "netto"),
    )


def deel_knoop(u: CasusUitkomst, wie: str, waar: Waar, soort: str = "groep") -> Knoop:
    """Het saldo van één groep (client/overheid) of actor in een casus: zijn baten min de kosten die hij draagt."""
    baten = [p for p in u.baten if getattr(p, soort) == wie]
    kosten = [p for p in u.kosten if getattr(p, soort) == wie]
    saldo = som(p.bedrag for p in baten) - som(p.bedrag for p in kosten)
    som_ = samen((_term(p.bedrag) for p in baten), " + ") if baten else rekensom("0")
    som_ += (*(d for p in kosten for d in (" - ", n(p.bedrag))), " = ", n(saldo))
    kinderen = tuple(post_knoop(u, p, waar) for p in baten) + tuple(post_knoop(u, p, waar, "af: ") for p in kosten)
    plek = (waar(u.nummer, ("nummer",)),)
    return Knoop(f"Casus {u.nummer}: {wie_naam(wie)}", saldo, som_, plek, None, kinderen, let_op=_erratum(u, wie))


# -- pilot ------------------------------------------------------------------------


def _groep_van(groep: str | None):
    """Haalt per casus de netto (groep None) of het groepssaldo op, met de bijbehorende knoop."""
    if groep is None:
        return (lambda c: c.netto), (lambda c, waar: netto_knoop(c, waar))
    return (lambda c: c.per_groep()[groep]), (lambda c, waar: deel_knoop(c, groep, waar))


def som_knoop(uitkomst: PilotUitkomst, waar: Waar, groep: str | None = None, casussen=None) -> Knoop:
    casussen = uitkomst.casussen if casussen is None else casussen
    waarde, knoop = _groep_van(groep)
    totaal = som(waarde(c) for c in casussen)
    wat = "netto" if groep is None else wie_naam(groep)
    label = f"Som {wat} van {len(casussen)} casussen"
    return Knoop(label, totaal, _optelling((waarde(c) for c in casussen), totaal), (), None, tuple(knoop(c, waar) for c in casussen))


def hulpvragen_knoop(uitkomst: PilotUitkomst, waar: Waar) -> Knoop:
    h = uitkomst.pilot.hulpvragen.waarde
    return Knoop("Hulpvragen in de pilotperiode", h, None, (waar("pilot", ("hulpvragen",)),), eenheid="hulpvragen", cijfer="hulpvragen")


def aandeel_knoop(uitkomst: PilotUitkomst, sleutel: str, waar: Waar) -> Knoop:
    gebied = uitkomst.pilot.rechtsgebieden[sleutel]
    if gebied.uit_telling:  # het aandeel is de breuk van het getelde aantal
        aantal, totaal, _ = gebied._telling
        plek = (waar("pilot", ("rechtsgebieden", sleutel, "hulpvragen")),)
        return Knoop(f"Aandeel {gebied.naam} ({aantal} van {totaal} hulpvragen)", gebied.aandeel.waarde, None, plek, eenheid="procent",
                     cijfer=f"rechtsgebied-{sleutel}")
    plek = (waar("pilot", ("rechtsgebieden", sleutel, "aandeel")),)
    return Knoop(f"Aandeel {gebied.naam}", gebied.aandeel.waarde, None, plek, eenheid="procent", cijfer=f"rechtsgebied-{sleutel}")


def gedekt_knoop(uitkomst: PilotUitkomst, waar: Waar) -> Knoop:
    r = uitkomst.extrapolaties["rapport"]
    gebieden = uitkomst.pilot.rechtsgebieden
    dekking = Knoop(
        "Dekking: som van de aandelen van de rechtsgebieden",
        uitkomst.dekking,
        _optelling((g.aandeel.waarde for g in gebieden.values()), uitkomst.dekking),
        (),
        None,
        tuple(aandeel_knoop(uitkomst, s, waar) for s in gebieden),
        "procent",
        cijfer="dekking",
    )
    return Knoop(
        "Gedekte hulpvragen",
        r.gedekt,
        rekensom(n(uitkomst.dekking), "% x ", n(r.hulpvragen), " = ", n(r.gedekt)),
        (),
        None,
        (dekking, hulpvragen_knoop(uitkomst, waar)),
        "hulpvragen",
        cijfer="gedekt",
    )


def gemiddelde_knoop(uitkomst: PilotUitkomst, waar: Waar) -> Knoop:
    aantal = len(uitkomst.casussen)
    return Knoop(
        "Gemiddelde netto per casus (exact)",
        uitkomst.gemiddelde_netto,
        rekensom(n(uitkomst.som_netto), " / ", aantal, " = ", n(uitkomst.gemiddelde_netto)),
        (),
        None,
        (som_knoop(uitkomst, waar),),
    )


def _afgerond_label(regel: str) -> str:
    return regel if regel in AFRONDINGSREGELS else f"regel {regel}"


def _afgerond_uitleg(regel: str) -> tuple[str, ...]:
    """Wat de regel doet, achter de rekensom: ' (centen weggelaten)'."""
    kort = AFRONDINGSREGELS_KORT.get(regel)
    return (f" ({kort})",) if kort else ()


def gepubliceerd_gemiddelde_knoop(uitkomst: PilotUitkomst, waar: Waar) -> Knoop:
    a = uitkomst.gepubliceerd["gemiddelde_netto"]
    return Knoop(
        "Gemiddelde netto per casus, zoals gepubliceerd",
        a.waarde,
        rekensom(f"{_afgerond_label(a.regel)}(", n(a.exact), ") = ", n(a.waarde), *_afgerond_uitleg(a.regel)),
        (),
        None,
        (gemiddelde_knoop(uitkomst, waar),),
    )


def gepubliceerd_totaal_knoop(uitkomst: PilotUitkomst, waar: Waar) -> Knoop:
    a = uitkomst.gepubliceerd["totaal"]
    gemiddelde = uitkomst.gepubliceerd["gemiddelde_netto"].waarde
    gedekt = uitkomst.extrapolaties["rapport"].gedekt
    onafgerond = gemiddelde * gedekt
    product = Knoop(
        "Afgekapt gemiddelde x gedekte hulpvragen",
        onafgerond,
        rekensom(n(gemiddelde), " x ", n(gedekt), " = ", n(onafgerond)),
        (),
        None,
        (gepubliceerd_gemiddelde_knoop(uitkomst, waar), gedekt_knoop(uitkomst, waar)),
    )
    return Knoop(
        "Totaal opbrengst pilot, zoals gepubliceerd",
        a.waarde,
        rekensom(f"{_afgerond_label(a.regel)}(", n(onafgerond), ") = ", n(a.waarde), *_afgerond_uitleg(a.regel), "; exact zou het ", n(a.exact), " zijn"),
        (),
        None,
        (product,),
    )


def gepubliceerd_deel_knoop(uitkomst: PilotUitkomst, groep: str, waar: Waar) -> Knoop:
    pub = uitkomst.gepubliceerd
    totaal = pub["totaal"].waarde
    client = pub["aandeel_client"]
    aandeel_client = Knoop(
        "Aandeel cliënt, zoals gepubliceerd",
        client.waarde,
        rekensom(
            f"{_afgerond_label(client.regel)}(100 x ", n(som(c.client for c in uitkomst.casussen)), " / ", n(uitkomst.som_netto),
            " = ", n(client.exact), ") = ", n(client.waarde), *_afgerond_uitleg(client.regel),
        ),
        (),
        None,
        (som_knoop(uitkomst, waar, "client"), som_knoop(uitkomst, waar)),
        "procent",
    )
    if groep == "client":
        aandeel = aandeel_client
    else:
        overheid = pub["aandeel_overheid"]
        aandeel = Knoop(
            "Aandeel overheid, zoals gepubliceerd",
            overheid.waarde,
            rekensom("100 - ", n(client.waarde), " = ", n(overheid.waarde)),
            (),
            None,
            (aandeel_client,),
            "procent",
        )
    a = pub[groep]
    return Knoop(
        f"Deel {wie_naam(groep)} van het totaal, zoals gepubliceerd",
        a.waarde,
        rekensom(n(totaal), " x ", n(aandeel.waarde), "% = ", n(a.waarde), "; exact zou het ", n(a.exact), " zijn"),
        (),
        None,
        (gepubliceerd_totaal_knoop(uitkomst, waar), aandeel),
    )


def rapport_knoop(uitkomst: PilotUitkomst, waar: Waar, groep: str | None = None) -> Knoop:
    r = uitkomst.extrapolaties["rapport"]
    waarde = r.totaal if groep is None else getattr(r, groep)
    sommen = som_knoop(uitkomst, waar, groep)
    wat = "totaal" if groep is None else wie_naam(groep)
    return Knoop(
        f"Extrapolatie rapport (vlak gemiddelde, exact): {wat}",
        waarde,
        rekensom(n(sommen.waarde), " x ", n(r.gedekt), " / ", len(uitkomst.casussen), " = ", n(waarde)),
        (),
        None,
        (sommen, gedekt_knoop(uitkomst, waar)),
    )


def gewogen_knoop(uitkomst: PilotUitkomst, waar: Waar, groep: str | None = None) -> Knoop:
    g = uitkomst.extrapolaties["gewogen"]
    pilot = uitkomst.pilot
    kinderen = []
    for d in g.delen:
        gebied = pilot.rechtsgebieden[d.rechtsgebied]
        waarde = d.totaal if groep is None else getattr(d, groep)
        eigen = tuple(c for c in uitkomst.casussen if c.casus.rechtsgebied == d.rechtsgebied)
        hulpvragen = Knoop(
            f"Hulpvragen {gebied.naam}",
            d.hulpvragen,
            rekensom(n(gebied.aandeel.waarde), "% x ", n(g.hulpvragen), " = ", n(d.hulpvragen)),
            (),
            None,
            (aandeel_knoop(uitkomst, d.rechtsgebied, waar), hulpvragen_knoop(uitkomst, waar)),
            "hulpvragen",
        )
        onder = (hulpvragen,)
        som_ = rekensom("geen casussen = ", n(waarde))
        if eigen:
            sommen = som_knoop(uitkomst, waar, groep, eigen)
            onder = (sommen, hulpvragen)
            som_ = rekensom(n(sommen.waarde), " / ", len(eigen), " x ", n(d.hulpvragen), " = ", n(waarde))
        kinderen.append(Knoop(f"{gebied.naam}", waarde, som_, (), None, onder))
    totaal = g.totaal if groep is None else getattr(g, groep)
    wat = "totaal" if groep is None else wie_naam(groep)
    return Knoop(
        f"Extrapolatie gewogen (per rechtsgebied, exact): {wat}",
        totaal,
        _optelling((k.waarde for k in kinderen), totaal),
        (),
        None,
        tuple(kinderen),
    )


# -- de lijst van cijfers -----------------------------------------------------------


def _cijfers(uitkomst: PilotUitkomst) -> dict[str, tuple[str, Callable[[Waar], Knoop]]]:
    u = uitkomst
    cijfers: dict[str, tuple[str, Callable[[Waar], Knoop]]] = {}
    if "totaal" in u.gepubliceerd:
        cijfers["totaal"] = ("totale opbrengst zoals gepubliceerd", lambda w: gepubliceerd_totaal_knoop(u, w))
        cijfers["gemiddelde_netto"] = ("gemiddelde netto per casus zoals gepubliceerd", lambda w: gepubliceerd_gemiddelde_knoop(u, w))
    if "client" in u.gepubliceerd:
        cijfers["client"] = ("deel cliënt zoals gepubliceerd", lambda w: gepubliceerd_deel_knoop(u, "client", w))
        cijfers["overheid"] = ("deel overheid zoals gepubliceerd", lambda w: gepubliceerd_deel_knoop(u, "overheid", w))
    cijfers["gedekt"] = ("gedekte hulpvragen", lambda w: gedekt_knoop(u, w))
    for methode, knoop in (("rapport", rapport_knoop), ("gewogen", gewogen_knoop)):
        cijfers[methode] = (f"extrapolatie {methode}, exact", lambda w, k=knoop: k(u, w))
        for groep in ("client", "overheid"):
            cijfers[f"{methode}.{groep}"] = (f"extrapolatie {methode}, exact, deel {wie_naam(groep)}", lambda w, k=knoop, g=groep: k(u, w, g))
    for c in u.casussen:
        naam = f"casus-{c.nummer}"
        cijfers[naam] = (f"netto van casus {c.nummer}", lambda w, c=c: netto_knoop(c, w))
        cijfers[f"{naam}.kosten"] = (f"kosten van casus {c.nummer}", lambda w, c=c: kosten_knoop(c, w))
        cijfers[f"{naam}.baten"] = (f"baten van casus {c.nummer}", lambda w, c=c: baten_knoop(c, w))
        for groep in ("client", "overheid"):
            cijfers[f"{naam}.{groep}"] = (f"deel {wie_naam(groep)} van casus {c.nummer}", lambda w, c=c, g=groep: deel_knoop(c, g, w))
        for actor in c.per_actor():
            if actor not in ("client", "overheid"):
                cijfers[f"{naam}.{actor}"] = (
                    f"saldo van actor {actor} in casus {c.nummer}",
                    lambda w, c=c, a=actor: deel_knoop(c, a, w, "actor"),
                )
    return cijfers


def uitlegbare_cijfers(uitkomst: PilotUitkomst) -> dict[str, str]:
    """Naam -> korte omschrijving van elk cijfer dat `leg_uit` kan uitleggen."""
    return {naam: omschrijving for naam, (omschrijving, _) in _cijfers(uitkomst).items()}


def leg_uit(uitkomst: PilotUitkomst, cijfer: str, waar: Waar) -> Knoop:
    """De uitlegboom van één cijfer; een onbekende naam geeft `OnbekendCijfer` met de bekende namen."""
    cijfers = _cijfers(uitkomst)
    if cijfer not in cijfers:
        # Zoals een mens het typt: `cliënt` of `Casus-1.Rijk` is `client` of `casus-1.rijk`.
        import unicodedata

        geschreven = unicodedata.normalize("NFKD", cijfer).encode("ascii", "ignore").decode().strip().lower()
        if geschreven not in cijfers:
            raise OnbekendCijfer(cijfer, list(cijfers))
        cijfer = geschreven
    return cijfers[cijfer][1](waar)


@dataclass(frozen=True)
class Uitleg:
    """De uitkomst van `uitleg CIJFER`: de gevraagde naam en zijn rekenboom."""

    cijfer: str
    boom: Knoop


def uitleg(uitkomst: PilotUitkomst, cijfer: str, waar: Waar) -> Uitleg:
    return Uitleg(cijfer, leg_uit(uitkomst, cijfer, waar))


def overzicht(uitkomst: PilotUitkomst, waar: Waar) -> list[tuple[str, str, Knoop]]:
    """Elk uitlegbaar cijfer met zijn omschrijving en de top van zijn boom (voor de waarde)."""
    return [(naam, omschrijving, bouw(waar)) for naam, (omschrijving, bouw) in _cijfers(uitkomst).items()]
