"""De rekenbomen van de cijfers in de tabellen van het rapport, tot de invoerregels en de bronnen.

`uitleg` legt de totalen en de cijfers per casus uit; hier staan de bomen van wat
de tabellen op de voorkant van het rapport verder tonen: kosten en baten per
extrapolatie, wat elke actor betaalt en wint, de verdelingstabel van het
maatschappelijk saldo en de balken van de tornado. Elke boom is opgebouwd uit
dezelfde uitkomsten als de tabel (`PilotUitkomst`, `ActorenUitkomst`,
`Gevoeligheid`) en rekent met dezelfde functie (`extrapoleer_grootheid`), dus
de waarde bovenin is het cijfer in de tabel voor het afronden. Elke knoop met
een `cijfer` is een plek waar een tabelcel naar verwijst.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal

from kostenbaten.berekening.extrapolatie import extrapoleer_grootheid
from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst, Post
from kostenbaten.berekening.rekensom import getal as n, som as rekensom, vast
from kostenbaten.berekening.uitleg import Knoop, Uitleg, Waar, _optelling, aandeel_knoop, gedekt_knoop, hulpvragen_knoop, post_knoop
from kostenbaten.geld import HONDERD, NUL, deel, som, vermenigvuldig
from kostenbaten.model.casus import GROEPEN

METHODE_NAAM = {"rapport": "één gemiddelde voor alle casussen", "gewogen": "gewogen per rechtsgebied"}

Posten = Callable[[CasusUitkomst], list[tuple[Post, int]]]  # de posten van een casus die meetellen, met +1 of -1


def _casus_knoop(c: CasusUitkomst, wat: str, posten: list[tuple[Post, int]], waar: Waar) -> Knoop:
    waarde = som(p.bedrag * teken for p, teken in posten)
    kinderen = tuple(post_knoop(c, p, waar, "" if teken > 0 else "af: ") for p, teken in posten)
    return Knoop(f"Casus {c.nummer}: {wat}", waarde, _optelling((p.bedrag * t for p, t in posten), waarde),
                 (waar(c.nummer, ("nummer",)),), None, kinderen)


def _som_knoop(casussen, wat: str, posten: Posten, waar: Waar) -> Knoop:
    """De som over de casussen; alleen een casus met een post staat eronder (de andere tellen voor nul)."""
    per_casus = [(c, posten(c)) for c in casussen]
    kinderen = tuple(_casus_knoop(c, wat, p, waar) for c, p in per_casus if p)
    totaal = som(k.waarde for k in kinderen)
    zonder = len(casussen) - len(kinderen)
    label = f"Som {wat} van {len(casussen)} casussen" + (f" ({zonder} zonder zo'n post: nul)" if zonder else "")
    return Knoop(label, totaal, _optelling((k.waarde for k in kinderen), totaal), (), None, kinderen)


def extrapolatie_knoop(kba: PilotUitkomst, methode: str, label: str, wat: str, posten: Posten, waar: Waar,
                       cijfer: str | None = None, alle_hulpvragen: bool = False) -> Knoop:
    """Eén grootheid per casus, geëxtrapoleerd zoals `extrapoleer_grootheid` (of, met `alle_hulpvragen`, naar alle
    hulpvragen, zoals de kosten van het hele programma uit de casussen)."""
    def waarde(c):
        return som(p.bedrag * t for p, t in posten(c))

    casussen = kba.casussen
    if alle_hulpvragen:
        hulpvragen = kba.pilot.hulpvragen.waarde
        sommen = _som_knoop(casussen, wat, posten, waar)
        totaal = deel(vermenigvuldig(sommen.waarde, hulpvragen), len(casussen))
        return Knoop(label, totaal, rekensom(n(sommen.waarde), " x ", n(hulpvragen), " / ", len(casussen), " = ", n(totaal)),
                     (), None, (sommen, hulpvragen_knoop(kba, waar)), cijfer=cijfer)
    totaal = extrapoleer_grootheid(kba.pilot, casussen, methode, waarde)
    if methode == "rapport":
        sommen = _som_knoop(casussen, wat, posten, waar)
        gedekt = kba.extrapolaties["rapport"].gedekt
        return Knoop(label, totaal, rekensom(n(sommen.waarde), " x ", n(gedekt), " / ", len(casussen), " = ", n(totaal)),
                     (), None, (sommen, gedekt_knoop(kba, waar)), cijfer=cijfer)
    from kostenbaten.berekening import rechtsgebieden

    kinderen = []
    for sleutel, gebied in kba.pilot.rechtsgebieden.items():
        eigen = [c for c in casussen if c.casus.rechtsgebied == sleutel]
        if not eigen:
            continue
        aantal = rechtsgebieden.hulpvragen(gebied, kba.pilot.hulpvragen.waarde)
        sommen = _som_knoop(eigen, wat, posten, waar)
        deel_ = deel(vermenigvuldig(sommen.waarde, aantal), len(eigen))
        hulpvragen = Knoop(f"Hulpvragen {gebied.naam}", aantal, None, (), None,
                           (aandeel_knoop(kba, sleutel, waar), hulpvragen_knoop(kba, waar)), "hulpvragen")
        kinderen.append(Knoop(gebied.naam, deel_, rekensom(n(sommen.waarde), " / ", len(eigen), " x ", n(aantal), " = ", n(deel_)),
                              (), None, (sommen, hulpvragen)))
    return Knoop(label, totaal, _optelling((k.waarde for k in kinderen), totaal), (), None, tuple(kinderen), cijfer=cijfer)


def _kosten(actor: str | None = None) -> Posten:
    return lambda c: [(p, 1) for p in c.kosten if actor is None or p.actor == actor]


def _baten(actor: str | None = None, baatsoort: str | None = None, betaler: str | None = None) -> Posten:
    def kies(p):
        if baatsoort is not None and p.baatsoort != baatsoort:
            return False
        if betaler is not None:
            return (p.van if p.van is not None else "onbekend") == betaler
        return actor is None or p.actor == actor

    return lambda c: [(p, 1) for p in c.baten if kies(p)]


def _verschil(label: str, cijfer: str, plus: tuple[Knoop, ...], min_: tuple[Knoop, ...], eenheid_som: str = "") -> Knoop:
    waarde = som(k.waarde for k in plus) - som(k.waarde for k in min_)
    delen = []
    for i, k in enumerate(plus):
        delen += ([" + "] if i else []) + [n(k.waarde)]
    for k in min_:
        delen += [" - ", n(k.waarde)]
    return Knoop(label, waarde, rekensom(*delen, " = ", n(waarde)), (), None, (*plus, *min_), cijfer=cijfer)


def gemiddelde(kba: PilotUitkomst, waar: Waar) -> list[Uitleg]:
    """Het gemiddelde netto per casus (onder de casustabel): de som van de netto's gedeeld door het aantal casussen.
    Elke casus staat er met zijn netto en regel; haar hele boom staat onder het totaal."""
    kinderen = tuple(Knoop(f"Casus {c.nummer}: netto", c.netto, None, (waar(c.nummer, ("nummer",)),)) for c in kba.casussen)
    som_ = rekensom(n(kba.som_netto), " / ", len(kba.casussen), " = ", n(kba.gemiddelde_netto))
    tarieven = tuple(Knoop(f"Tarief {t.naam} per uur", t.per_uur.waarde, None, (waar("pilot", ("tarieven", s, "per_uur")),),
                           cijfer=f"tarief-{s}") for s, t in kba.pilot.tarieven.items())
    return [Uitleg("gemiddelde", Knoop("Gemiddelde netto per casus (exact)", kba.gemiddelde_netto, som_, (), None, kinderen,
                                       cijfer="gemiddelde")),
            Uitleg("tarieven", Knoop("Tarieven per uur (samen)", som(k.waarde for k in tarieven), _optelling((k.waarde for k in tarieven),
                                     som(k.waarde for k in tarieven)), (), None, tarieven))]


def kosten_baten(kba: PilotUitkomst, waar: Waar) -> list[Uitleg]:
    """Per extrapolatie de kosten, de baten en de baten per euro kosten (de tabel 'Kosten tegen baten')."""
    uit = []
    for methode, naam in METHODE_NAAM.items():
        kosten = extrapolatie_knoop(kba, methode, f"Kosten ({naam})", "kosten", _kosten(), waar, f"kosten-{methode}")
        baten = extrapolatie_knoop(kba, methode, f"Baten ({naam})", "baten", _baten(), waar, f"baten-{methode}")
        if kosten.waarde:
            verhouding = deel(baten.waarde, kosten.waarde)
            top = Knoop(f"Baten per euro kosten ({naam})", verhouding, rekensom(n(baten.waarde), " / ", n(kosten.waarde), " = ", vast(verhouding, 2)),
                        (), None, (baten, kosten), "per euro", cijfer=f"verhouding-{methode}")
        else:
            top = Knoop(f"Kosten en baten ({naam})", baten.waarde, None, (), None, (baten, kosten))
        uit.append(Uitleg(f"kosten-baten-{methode}", top))
    return uit


def _groep(groep: str) -> Posten:
    """De baten van een groep (cliënt, overheid, overig) min de kosten die hij draagt, zoals `CasusUitkomst.per_groep`."""
    return lambda c: [(p, 1) for p in c.baten if p.groep == groep] + [(p, -1) for p in c.kosten if p.groep == groep]


def _per_casus_kort(k: Knoop) -> Knoop:
    """Dezelfde boom zonder de posten onder elke casus en zonder de afleiding van de hulpvragen (die staan al in de
    bomen van de totalen): elke casus met haar bedrag en regel, zodat de bijlage niet voor elke groep alles herhaalt."""
    if k.label.startswith(("Casus ", "Gedekte hulpvragen", "Hulpvragen ")):
        return dataclasses.replace(k, kinderen=())
    return dataclasses.replace(k, kinderen=tuple(_per_casus_kort(c) for c in k.kinderen))


def tweedeling(kba: PilotUitkomst, waar: Waar) -> list[Uitleg]:
    """Per extrapolatie het deel van elke groep in het totaal (de zin onder de kernzin: '68% voor de cliënt ...'):
    het netto van de groep, geëxtrapoleerd, maal 100 gedeeld door het totaal. Het totaal zelf is de boom bovenaan."""
    uit = []
    for methode, naam in METHODE_NAAM.items():
        e = kba.extrapolaties[methode]
        totaal = Knoop(f"Totaal ({naam}; zijn boom staat bovenaan)", e.totaal, None, ())
        for groep in GROEPEN:
            wie = "cliënt" if groep == "client" else groep
            netto = _per_casus_kort(extrapolatie_knoop(kba, methode, f"Groep {wie}: baten min de kosten die zij draagt ({naam})",
                                                       f"netto van de groep {wie}", _groep(groep), waar, f"groep-{groep}-{methode}"))
            if groep == "overig" and not netto.waarde:
                continue
            if not e.totaal:
                uit.append(Uitleg(f"groep-{groep}-{methode}", netto))
                continue
            aandeel = deel(netto.waarde * HONDERD, e.totaal)
            uit.append(Uitleg(f"aandeel-{groep}-{methode}", Knoop(
                f"Aandeel van de groep {wie} in het totaal ({naam})", aandeel,
                rekensom(n(netto.waarde), " x 100 / ", n(e.totaal), " = ", vast(aandeel, 2), " (op twee decimalen)"), (), None, (netto, totaal), "procent",
                cijfer=f"aandeel-{groep}-{methode}")))
    return uit


def per_actor(kba: PilotUitkomst, actoren, waar: Waar) -> list[Uitleg]:
    """Per actor wat hij betaalt en wint (één gemiddelde), en zijn saldo (de tabel 'Wie betaalt en wie wint')."""
    uit = []
    for r in actoren.extrapolaties["rapport"].regels:
        if not (r.kosten or r.baten):
            continue
        betaalt = extrapolatie_knoop(kba, "rapport", f"{r.naam} betaalt", f"kosten van {r.naam}", _kosten(r.actor), waar,
                                     f"actor-{r.actor}-betaalt")
        wint = extrapolatie_knoop(kba, "rapport", f"{r.naam} wint", f"baten van {r.naam}", _baten(r.actor), waar,
                                  f"actor-{r.actor}-wint")
        uit.append(Uitleg(f"actor-{r.actor}", _verschil(f"Saldo {r.naam}: wint min betaalt", f"actor-{r.actor}-saldo", (wint,), (betaalt,))))
    return uit


def _programmakosten(kba: PilotUitkomst, kosten, actor: str | None, naam: str, waar: Waar, cijfer: str) -> Knoop:
    """Wat het hele programma (alle hulpvragen) kost, van één actor of samen: uit de casussen een boom, anders de rekensom."""
    from kostenbaten.berekening.saldo import ROUTE_CASUSSEN

    label = f"{naam} betaalt: kosten van alle hulpvragen" if actor else "Kosten van alle hulpvragen"
    if kosten.route == ROUTE_CASUSSEN:
        return extrapolatie_knoop(kba, "rapport", label, "kosten" if actor is None else f"kosten van {naam}", _kosten(actor), waar,
                                  cijfer, alle_hulpvragen=True)
    waarde = kosten.totaal if actor is None else kosten.per_actor.get(actor, NUL)
    plekken = tuple(waar("pilot", ("tarieven", s, "per_uur")) for s, t in kba.pilot.tarieven.items() if actor in (None, t.betaler))
    return Knoop(label, waarde, kosten.uitleg + (" = ", n(waarde)) if actor is None else kosten.uitleg, plekken,
                 cijfer=cijfer, kinderen=(hulpvragen_knoop(kba, waar),))


def verdeling(kba: PilotUitkomst, saldo, waar: Waar) -> list[Uitleg]:
    """De verdelingstabel van het maatschappelijk saldo (één gemiddelde): per actor betaalt, middelen, ontvangt, geeft, saldo."""
    m = saldo.methoden["rapport"]
    uit = []
    for r in m.verdeling.regels:
        a = r.actor
        betaalt = _programmakosten(kba, m.kosten, a, r.naam, waar, f"saldo-{a}-betaalt")
        middelen = extrapolatie_knoop(kba, "rapport", f"{r.naam}: middelen (vermeden kosten)", f"vermeden kosten van {r.naam}",
                                      _baten(a, "middelen"), waar, f"saldo-{a}-middelen")
        ontvangt = extrapolatie_knoop(kba, "rapport", f"{r.naam} ontvangt (overdrachten)", f"overdrachten aan {r.naam}",
                                      _baten(a, "overdracht"), waar, f"saldo-{a}-ontvangt")
        geeft = extrapolatie_knoop(kba, "rapport", f"{r.naam} geeft (overdrachten)", f"overdrachten van {r.naam}",
                                   _baten(baatsoort="overdracht", betaler=a), waar, f"saldo-{a}-geeft")
        uit.append(Uitleg(f"saldo-{a}", _verschil(f"Saldo {r.naam}: middelen + ontvangt - geeft - betaalt", f"saldo-{a}-saldo",
                                                  (middelen, ontvangt), (geeft, betaalt))))
    kosten = _programmakosten(kba, m.kosten, None, "", waar, "saldo-samen-betaalt")
    middelen = extrapolatie_knoop(kba, "rapport", "Middelen samen (vermeden kosten)", "vermeden kosten", _baten(baatsoort="middelen"),
                                  waar, "saldo-samen-middelen")
    overdrachten = extrapolatie_knoop(kba, "rapport", "Overdrachten samen (ontvangt en geeft, in het saldo nul)", "overdrachten",
                                      _baten(baatsoort="overdracht"), waar, "saldo-samen-overdrachten")
    kosten_gedekt = extrapolatie_knoop(kba, "rapport", "Kosten van alleen de gedekte hulpvragen", "kosten", _kosten(), waar,
                                       "saldo-kosten-gedekt")
    uit.append(Uitleg("saldo", _verschil("Maatschappelijk saldo: middelen min de kosten van alle hulpvragen", "saldo-samen-saldo",
                                         (middelen,), (kosten,))))
    uit.append(Uitleg("saldo-overdrachten", overdrachten))
    uit.append(Uitleg("saldo-gedekt", _verschil("Saldo met alleen de kosten van de gedekte hulpvragen", "saldo-gedekt",
                                                (middelen,), (kosten_gedekt,))))
    return uit


def tornado(g, waar: Waar, aantal: int, methode: str = "rapport") -> list[Uitleg]:
    """De balken van de tornado: het totaal met één invoer `stap`% lager of hoger, de rest gelijk (de hele KBA opnieuw)."""
    uit = []
    for v in g.gesorteerd(methode)[:aantal]:
        e = v.effecten[methode]
        plek = (waar(*v.invoer.plek),) if v.invoer.plek is not None else ()
        sleutel = gevoeligheid_sleutel(v.invoer.sleutel)
        nu = Knoop(f"{v.invoer.label}, zoals gegeven", v.invoer.basis, None, plek, eenheid=v.invoer.eenheid, cijfer=f"tornado-{sleutel}-nu")
        basis = Knoop("Totaal bij de invoer zoals gegeven", e.basis)
        for richting, waarde, totaal in (("lager", v.laag, e.laag), ("hoger", v.hoog, e.hoog)):
            label = f"Totaal met {v.invoer.in_zin} {n_tekst(g.stap)}% {richting}"
            som_ = rekensom("de hele KBA opnieuw met ", n(waarde), " in plaats van ", n(v.invoer.basis), " (", v.invoer.eenheid,
                            "): ", n(totaal), "; verschil ", n(totaal - e.basis))
            uit.append(Uitleg(f"tornado-{sleutel}-{richting}",
                              Knoop(label, totaal, som_, plek, None, (nu, basis), cijfer=f"tornado-{sleutel}-{richting}")))
    return uit


def omslagpunten(g, gekozen, waar: Waar, methode: str = "rapport") -> list[Uitleg]:
    """Het omslagpunt van elke invoer in `gekozen` (de lijst onder de tornado): de waarde waarbij het totaal nul wordt.

    Het totaal is lineair in één invoer: het verandert met de helling (het totaal bij de invoer plus één eenheid min het
    totaal), dus het omslagpunt is de invoer min het totaal gedeeld door de helling (`berekening.gevoeligheid.omslagpunt`)."""
    uit = []
    for v in gekozen:
        e = v.effecten[methode]
        o = e.omslagpunt
        if o.waarde is None:
            continue
        plek = (waar(*v.invoer.plek),) if v.invoer.plek is not None else ()
        sleutel = gevoeligheid_sleutel(v.invoer.sleutel)
        nu = Knoop(f"{v.invoer.label}, zoals gegeven", v.invoer.basis, None, plek, eenheid=v.invoer.eenheid, cijfer=f"omslag-{sleutel}-nu")
        basis = Knoop(f"Totaal bij de invoer zoals gegeven ({METHODE_NAAM[methode]})", e.basis)
        helling = Knoop(f"Helling: verandering van het totaal per {v.invoer.eenheid} meer", e.per_eenheid,
                        rekensom("de hele KBA opnieuw met ", n(v.invoer.basis + 1), " in plaats van ", n(v.invoer.basis),
                                 ", min het totaal: ", n(e.per_eenheid)))
        punt = Knoop(f"Omslagpunt {v.invoer.label}: het totaal wordt nul", o.waarde,
                     rekensom(n(v.invoer.basis), " - ", n(e.basis), " / ", n(e.per_eenheid), " = ", n(o.waarde)), (), None,
                     (nu, basis, helling), v.invoer.eenheid, cijfer=f"omslag-{sleutel}")
        uit.append(Uitleg(f"omslag-{sleutel}", punt))
        if o.verandering is not None:
            uit.append(Uitleg(f"omslag-{sleutel}-verandering", Knoop(
                f"Omslagpunt {v.invoer.label} ten opzichte van nu", o.verandering,
                rekensom("(", n(o.waarde), " - ", n(v.invoer.basis), ") x 100 / ", n(v.invoer.basis), " = ", vast(o.verandering, 1),
                         " (op één decimaal)"), (), None, (Knoop(f"Omslagpunt {v.invoer.label} (zie boven)", o.waarde, None, (),
                                                               eenheid=v.invoer.eenheid),), "procent",
                cijfer=f"omslag-{sleutel}-verandering")))
    return uit


def n_tekst(waarde: Decimal) -> str:
    return f"{waarde.normalize():f}" if waarde == waarde.to_integral_value() else str(waarde)


def gevoeligheid_sleutel(sleutel: str) -> str:
    """`kengetal.toevoeging` wordt `kengetal-toevoeging`: bruikbaar in een anker in HTML en typst."""
    return "".join(t if t.isalnum() or t in "-_" else "-" for t in sleutel)


# -- de begroting -------------------------------------------------------------------------------


def _baten_per_hulpvraag(kba: PilotUitkomst, methode: str, actor: str | None, naam: str, waarde: Decimal, waar: Waar) -> Knoop:
    """Wat een hulpvraag (van één actor, of samen) oplevert, zoals de begroting het uit de KBA haalt: het aandeel van de
    rechtsgebieden maal de gemiddelde baten van de casussen (gewogen: per rechtsgebied met de eigen casussen)."""
    from kostenbaten.berekening import rechtsgebieden

    wat = "baten" if actor is None else f"baten van {naam}"
    posten = _baten(actor)
    if methode == "rapport":
        sommen = _som_knoop(kba.casussen, wat, posten, waar)
        dekking = gedekt_knoop(kba, waar).kinderen[0]
        som_ = rekensom(n(rechtsgebieden.dekking(kba.pilot)), "% x ", n(sommen.waarde), " / ", len(kba.casussen), " = ", n(waarde))
        return Knoop(f"{wat[:1].upper() + wat[1:]} per hulpvraag", waarde, som_, (), None, (sommen, dekking))
    kinderen = []
    for sleutel, gebied in kba.pilot.rechtsgebieden.items():
        eigen = [c for c in kba.casussen if c.casus.rechtsgebied == sleutel]
        if not eigen:
            continue
        sommen = _som_knoop(eigen, wat, posten, waar)
        deel_ = deel(vermenigvuldig(gebied.aandeel.waarde, sommen.waarde), len(eigen) * 100)
        kinderen.append(Knoop(gebied.naam, deel_, rekensom(n(gebied.aandeel.waarde), "% x ", n(sommen.waarde), " / ", len(eigen), " = ",
                                                         n(deel_)), (), None, (sommen, aandeel_knoop(kba, sleutel, waar))))
    return Knoop(f"{wat[:1].upper() + wat[1:]} per hulpvraag", waarde, _optelling((k.waarde for k in kinderen), waarde), (), None,
                 tuple(kinderen))


def begroting(b, kba: PilotUitkomst, waar: Waar, plek: Callable[[str, int], str]) -> list[Uitleg]:
    """De cijfers van de begroting in het rapport: haar kosten (SJD-uren, ander personeel en eenmalig), de verwachte baten
    voor haar hulpvragen en per betaler wat hij betaalt en terugkrijgt. `plek(soort, index)` is de plek van een kostenregel
    in het begrotingsbestand."""
    from kostenbaten.model.begroting import BETALERS

    if b.baten is None:
        return []
    personeel = b.begroting.personeel

    def regel_knoop(r) -> Knoop:
        return Knoop(f"{r.naam} ({BETALERS.get(r.betaler, r.betaler)})", r.bedrag, r.rekensom + (" = ", n(r.bedrag)), (plek(r.soort, r.index),))

    def samen(label: str, regels, cijfer: str) -> Knoop:
        kinderen = tuple(regel_knoop(r) for r in regels)
        totaal = som(k.waarde for k in kinderen)
        return Knoop(label, totaal, _optelling((k.waarde for k in kinderen), totaal), (), None, kinderen, cijfer=cijfer)

    is_sjd = [r.soort == "per_sjd_uur" or (r.soort == "personeel" and personeel[r.index].sjd) for r in b.regels]
    sjd = samen("Begroting: kosten van de SJD-uren", [r for r, s in zip(b.regels, is_sjd) if s], "begroting-sjd")
    overig = samen("Begroting: ander personeel en eenmalige uitgaven", [r for r, s in zip(b.regels, is_sjd) if not s], "begroting-overig")
    kosten = _verschil("Begroting: kosten van het eerste jaar", "begroting-kosten", (sjd, overig), ())
    methode = b.begroting.kba_methode
    hulpvragen = b.hulpvragen
    per_hv = _baten_per_hulpvraag(kba, methode, None, "", b.baten.per_hulpvraag, waar)
    baten = Knoop(f"Begroting: baten voor {n_tekst(hulpvragen)} hulpvragen per jaar ({METHODE_NAAM[methode]})", b.verwachte_baten,
                  rekensom(n(b.baten.per_hulpvraag), " x ", n(hulpvragen), " = ", n(b.verwachte_baten)), (), None, (per_hv,),
                  cijfer="begroting-baten")
    uit = [Uitleg("begroting-kosten", kosten)]
    if kosten.waarde:
        verhouding = deel(baten.waarde, kosten.waarde)
        uit.append(Uitleg("begroting-verhouding", Knoop(
            "Begroting: baten per euro kosten", verhouding, rekensom(n(baten.waarde), " / ", n(kosten.waarde), " = ", vast(verhouding, 2)),
            (), None, (baten,), "per euro", cijfer="begroting-verhouding")))
    else:
        uit.append(Uitleg("begroting-baten", baten))
    uit += _uren(kba, b, methode, waar, plek)
    uit.append(Uitleg("begroting-netto", _verschil("Begroting: netto, de baten min de kosten", "begroting-netto", (baten,), (kosten,))))
    if b.omslagpunt is not None:
        uit.append(Uitleg("begroting-omslagpunt", Knoop(
            "Begroting: quitte bij dit aantal hulpvragen per jaar (de kosten gedeeld door de baten per hulpvraag)", b.omslagpunt,
            rekensom(n(kosten.waarde), " / ", n(b.baten.per_hulpvraag), " = ", n(b.omslagpunt_exact), ", naar boven afgerond: ",
                     n(b.omslagpunt)), (), None, (per_hv,), "hulpvragen", cijfer="begroting-omslagpunt")))
    for a in b.per_actor():
        if not (a.betaalt or a.wint):
            continue
        betaalt = samen(f"{a.naam} betaalt volgens de begroting", [r for r in b.regels if r.betaler == a.actor],
                        f"begroting-{a.actor}-betaalt")
        per_actor = _baten_per_hulpvraag(kba, methode, a.actor, a.naam, a.per_hulpvraag, waar)
        wint = Knoop(f"{a.naam} krijgt terug", a.wint, rekensom(n(a.per_hulpvraag), " x ", n(hulpvragen), " = ", n(a.wint)), (), None,
                     (per_actor,), cijfer=f"begroting-{a.actor}-wint")
        uit.append(Uitleg(f"begroting-{a.actor}", _verschil(f"{a.naam}: krijgt terug min betaalt", f"begroting-{a.actor}-saldo",
                                                            (wint,), (betaalt,))))
        if a.verhouding is not None:
            uit.append(Uitleg(f"begroting-{a.actor}-verhouding", Knoop(
                f"{a.naam}: krijgt terug per euro die hij betaalt", a.verhouding,
                rekensom(n(a.wint), " / ", n(a.betaalt), " = ", vast(a.verhouding, 2)), (), None,
                (Knoop(f"{a.naam} krijgt terug (zie boven)", a.wint, None, ()), Knoop(f"{a.naam} betaalt (zie boven)", a.betaalt, None, ())),
                "per euro", cijfer=f"begroting-{a.actor}-verhouding")))
    return uit


def _uren(kba: PilotUitkomst, b, methode: str, waar: Waar, plek: Callable[[str, int], str]) -> list[Uitleg]:
    """De SJD-uren van de aansluiting (`berekening.aansluiting.sluit_aan`): de uren van de casussen geëxtrapoleerd naar de
    gedekte hulpvragen, en de begrote uren per week maal de weken van een jaar."""
    from kostenbaten.berekening.aansluiting import sluit_aan

    a = sluit_aan(kba, b)

    def casusuren(casussen) -> Knoop:
        kinderen = tuple(Knoop(f"Casus {c.nummer}: uren", c.casus.uren.waarde, None, (waar(c.nummer, ("uren",)),), eenheid="uur")
                         for c in casussen)
        totaal = som(k.waarde for k in kinderen)
        return Knoop(f"Som van de uren van {len(casussen)} casussen", totaal, _optelling((k.waarde for k in kinderen), totaal), (), None,
                     kinderen, "uur")

    if methode == "rapport":
        sommen = casusuren(kba.casussen)
        kba_uren = Knoop("KBA: SJD-uren voor de gedekte hulpvragen", a.kba.sjd_uren,
                         rekensom(n(sommen.waarde), " x ", n(a.kba.hulpvragen), " / ", len(kba.casussen), " = ", n(a.kba.sjd_uren)),
                         (), None, (sommen, gedekt_knoop(kba, waar)), "uur", cijfer="aansluiting-kba-uren")
    else:
        from kostenbaten.berekening import rechtsgebieden

        kinderen = []
        for sleutel, gebied in kba.pilot.rechtsgebieden.items():
            eigen = [c for c in kba.casussen if c.casus.rechtsgebied == sleutel]
            if eigen:
                sommen = casusuren(eigen)
                aantal = rechtsgebieden.hulpvragen(gebied, kba.pilot.hulpvragen.waarde)
                uren = deel(vermenigvuldig(sommen.waarde, aantal), len(eigen))
                kinderen.append(Knoop(gebied.naam, uren, rekensom(n(sommen.waarde), " / ", len(eigen), " x ", n(aantal), " = ", n(uren)),
                                      (), None, (sommen, aandeel_knoop(kba, sleutel, waar)), "uur"))
        kba_uren = Knoop(f"KBA: SJD-uren ({METHODE_NAAM[methode]})", a.kba.sjd_uren, _optelling((k.waarde for k in kinderen), a.kba.sjd_uren),
                         (), None, tuple(kinderen), "uur", cijfer="aansluiting-kba-uren")
    personeel = tuple(Knoop(f"{r.naam}: uren per week", r.uren_per_week, None, (plek("personeel", i),), eenheid="uur")
                      for i, r in enumerate(b.begroting.personeel) if r.sjd)
    weken = b.begroting.weken_per_jaar
    begroot = Knoop("Begroting: SJD-uren per jaar (SJD-uren per week x weken per jaar)", a.begroting.sjd_uren,
                    rekensom(n(b.sjd_uren_per_week), " uur per week x ", n(weken), " weken = ", n(a.begroting.sjd_uren)), (), None,
                    personeel, "uur", cijfer="aansluiting-begroting-uren")
    return [Uitleg("aansluiting-kba-uren", kba_uren), Uitleg("aansluiting-begroting-uren", begroot)]


def graden(kba: PilotUitkomst, controle, waar: Waar) -> list[Uitleg]:
    """Waar de baten van de uitgewerkte casussen op rusten (de zin op de voorkant): per kwaliteitsgraad van het
    kengetal de som van zijn baten over de casussen, en een bedrag uit de casus zelf apart; met elk deel in procenten.
    `controle` is de `BankControle` van `berekening.kengetallen.controleer` (de graad van elk kengetal)."""
    from kostenbaten.berekening.kengetallen import CASUSBEDRAG

    graad_van = {o.sleutel: o.graad for o in controle.oordelen}

    def soort(p: Post) -> str:
        return graad_van.get(p.sleutel, "D") if p.soort == "kengetal" else CASUSBEDRAG

    kinderen = []
    for g, bedrag in controle.baten_per_graad.items():
        if not bedrag:
            continue
        naam = "Baten uit een bedrag in de casus zelf (geen kengetal)" if g == CASUSBEDRAG else f"Baten op kengetallen met graad {g}"
        sommen = _som_knoop(kba.casussen, "baten", lambda c, g=g: [(p, 1) for p in c.baten if soort(p) == g], waar)
        kinderen.append(_per_casus_kort(Knoop(naam, sommen.waarde, None, (), None, sommen.kinderen, cijfer=f"graad-{g}")))
    totaal = controle.totaal_baten
    top = Knoop("Baten van de uitgewerkte casussen samen", totaal, _optelling((k.waarde for k in kinderen), totaal), (), None,
                tuple(kinderen), cijfer="graden-totaal")
    uit = [Uitleg("graden", top)]
    leeg = Knoop("Alle baten van de uitgewerkte casussen (zie boven)", totaal, None, ())
    for k in kinderen:
        g = k.cijfer.removeprefix("graad-")
        aandeel = deel(k.waarde * HONDERD, totaal)
        uit.append(Uitleg(f"aandeel-graad-{g}", Knoop(
            f"Aandeel in de baten: {k.label[0].lower()}{k.label[1:]}", aandeel,
            rekensom(n(k.waarde), " x 100 / ", n(totaal), " = ", vast(aandeel, 2), " (op twee decimalen)"), (), None,
            (Knoop(f"{k.label} (zie boven)", k.waarde, None, ()), leeg), "procent", cijfer=f"aandeel-graad-{g}")))
    if controle.baten_c_of_d:
        c, d = controle.baten_per_graad.get("C", NUL), controle.baten_per_graad.get("D", NUL)
        aandeel = deel(controle.baten_c_of_d * HONDERD, totaal)
        uit.append(Uitleg("aandeel-graad-c-of-d", Knoop(
            "Aandeel in de baten: kengetallen met graad C of D samen", aandeel,
            rekensom("(", n(c), " + ", n(d), ") x 100 / ", n(totaal), " = ", vast(aandeel, 2), " (op twee decimalen)"), (), None,
            (leeg,), "procent", cijfer="aandeel-graad-c-of-d")))
    return uit


# -- de onzekerheid -----------------------------------------------------------------------------


def _bereik_knoop(i, waar: Waar) -> Knoop:
    """Een invoer met een bereik, bij zijn meest waarschijnlijke waarde, met de regel waar het bereik staat."""
    wie, _, pad = i.plek.partition(": ") if i.plek.startswith("casus ") else ("pilot", "", i.plek)
    try:
        plek = (waar(int(wie.split()[1]) if wie != "pilot" else "pilot", tuple(pad.split("."))),)
    except (KeyError, ValueError, IndexError):
        plek = ()
    o = i.onzeker
    bereik = (f"driehoek van {n_tekst(o.min)} tot {n_tekst(o.max)}" if o.min is not None
              else f"90%-interval van {n_tekst(o.interval_90[0])} tot {n_tekst(o.interval_90[1])}")
    return Knoop(f"{i.naam} (meest waarschijnlijk; {bereik})", o.waarde, None, plek, eenheid="")


def onzekerheid(u, waar: Waar) -> list[Uitleg]:
    """De cijfers van de Monte-Carlo-berekening op de voorkant (`berekening.onzekerheid.OnzekerheidUitkomst`): per methode de
    verwachte waarde, de grenzen van het 90%-interval en de kans op een negatief totaal, het deel van de spreiding uit
    elke bron en de bereiken die haar drijven. Een trekking rekent de hele KBA met getrokken invoer; onder elk cijfer staat
    wat er getrokken is: de bereiken en de casussen met een kans van slagen, elk met zijn regel."""
    from kostenbaten.berekening.uitleg import uitleg as leg_uit

    bronnen = tuple(_bereik_knoop(i, waar) for i in u.invoer)
    bronnen += tuple(Knoop(f"Casus {c.nummer}: kans van slagen", c.casus.kans.waarde * HONDERD, None, (waar(c.nummer, ("kans",)),),
                           eenheid="procent") for c in u.berekend.casussen if c.nummer in u.kansen)
    getrokken = rekensom(f"{u.trekkingen:_}".replace("_", "."), " trekkingen, zaad ", str(u.zaad))
    uit = []
    for methode, naam in METHODE_NAAM.items():
        v = u.extrapolaties[methode]["totaal"]
        if v.verwacht is not None:
            if u.centrum is not None and u.centrum.exact:
                hoe = rekensom("de hele KBA met het gemiddelde van elk bereik en elke kans ingevuld (exact: het model is lineair)")
                kinderen = (leg_uit(u.centrum.verwacht, methode, waar).boom, *bronnen)
            else:
                hoe = rekensom("het gemiddelde van het totaal over ", *getrokken.delen)
                kinderen = bronnen
            uit.append(Uitleg(f"onzekerheid-verwacht-{methode}", Knoop(f"Verwacht totaal ({naam})", v.verwacht, hoe, (), None,
                                                                       kinderen, cijfer=f"onzekerheid-verwacht-{methode}")))
        for p_, wat in ((5, "ondergrens"), (95, "bovengrens")):
            uit.append(Uitleg(f"onzekerheid-p{p_}-{methode}", Knoop(
                f"90%-interval, {wat}: het {p_}e percentiel van het totaal ({naam})", v.percentielen[p_],
                rekensom(f"het {p_}e percentiel van de totalen van ", *getrokken.delen), (), None, bronnen,
                cijfer=f"onzekerheid-p{p_}-{methode}")))
        uit.append(Uitleg(f"onzekerheid-negatief-{methode}", Knoop(
            f"Kans op een negatief totaal ({naam})", v.kans_negatief * HONDERD,
            rekensom("het aandeel van de ", *getrokken.delen, " met een totaal onder nul, maal 100"), (), None, bronnen, "procent",
            cijfer=f"onzekerheid-negatief-{methode}")))
        for i, d in u.drijvers.get(methode, ()):
            uit.append(Uitleg(f"onzekerheid-drijver-{methode}-{gevoeligheid_sleutel(i.plek)}", Knoop(
                f"Deel van de variantie van het totaal dat het bereik van '{i.naam}' alleen verklaart ({naam})", d * HONDERD,
                rekensom("het kwadraat van de correlatie van deze invoer met de verwachting bij de getrokken invoer, maal het "
                         "deel van de invoer, over ", *getrokken.delen), (), None, (_bereik_knoop(i, waar),), "procent",
                cijfer=f"onzekerheid-drijver-{methode}-{gevoeligheid_sleutel(i.plek)}")))
        if u.kansen and methode in u.deel_uitkomsten:
            uit.append(Uitleg(f"onzekerheid-uitkomsten-{methode}", Knoop(
                f"Deel van de variantie van het totaal uit de uitkomst per hulpvraag ({naam})", u.deel_uitkomsten[methode] * HONDERD,
                rekensom("de variantie van het totaal min de variantie van de verwachting bij de getrokken invoer, gedeeld door de "
                         "variantie van het totaal, over ", *getrokken.delen), (), None,
                tuple(b for b in bronnen if b.label.endswith("kans van slagen")), "procent", cijfer=f"onzekerheid-uitkomsten-{methode}")))
        for bron, wat in (("steekproef", "de kleine steekproef van casussen (bootstrap over de casussen)"),
                          ("parameters", "de bereiken in de invoer (de verwachting bij de getrokken invoer)"),
                          ("uitkomsten", "de uitkomst per hulpvraag (de rest)")):
            if methode in u.spreiding:
                uit.append(Uitleg(f"onzekerheid-spreiding-{bron}-{methode}", Knoop(
                    f"Deel van de spreiding uit {wat} ({naam})", u.spreiding[methode][bron] * HONDERD,
                    rekensom("de variantie uit deze bron gedeeld door de som van de drie varianties, alsof ze onafhankelijk zijn"),
                    (), None, (), "procent", cijfer=f"onzekerheid-spreiding-{bron}-{methode}")))
    return uit


# -- de getelde uitkomsten ---------------------------------------------------------------------


def uitkomsten(m) -> list[Uitleg]:
    """De kolom van de getelde uitkomsten naast de casussen (`berekening.uitkomsten.Methoden`): per soort de som van de
    gewaardeerde uitkomsten, elk aantal maal de waarde per keer, min het contrafeitelijke deel en de attributie (de
    waardekaart noemt de bron), de kosten van het hele programma voor de hulpvragen van de telling, het saldo en de
    volledigheid."""
    u = m.uitkomsten
    t = u.telling

    def post(p) -> Knoop:
        per_keer = f" (gemiddeld, uit de kolom {p.kolom})" if p.kolom else ""
        return Knoop(f"{p.rechtsgebied}, {p.code}: {p.effect}", p.waarde,
                     rekensom(p.aantal, " x ", n(p.per_keer), per_keer, " x (100 - ", n(p.contrafeitelijk), ")% x (100 - ",
                              n(p.attributie), ")% = ", n(p.waarde)), (), p.bron or None)

    def soort(naam: str, s: str, cijfer: str) -> Knoop:
        kinderen = tuple(post(p) for p in u.posten if p.soort == s)
        totaal = som(k.waarde for k in kinderen)
        return Knoop(naam, totaal, _optelling((k.waarde for k in kinderen), totaal), (), None, kinderen, cijfer=cijfer)

    middelen = soort("Getelde uitkomsten: besparing van middelen", "middelen", "geteld-middelen")
    geinduceerd = soort("Getelde uitkomsten: kosten die de uitkomsten veroorzaken", "geinduceerd", "geteld-geinduceerd")
    overdrachten = soort("Getelde uitkomsten: overdrachten (tellen voor nul)", "overdracht", "geteld-overdrachten")
    hulpvragen = Knoop(f"Hulpvragen in de telling ({t.bron})", Decimal(t.hulpvragen), None, (), eenheid="hulpvragen",
                       cijfer="geteld-hulpvragen")
    kosten = Knoop("Getelde uitkomsten: kosten van het hele programma voor de hulpvragen van de telling", u.kosten.totaal,
                   u.kosten.uitleg + (" = ", n(u.kosten.totaal)), (), None, (hulpvragen,), cijfer="geteld-kosten")
    saldo = _verschil("Getelde uitkomsten: maatschappelijk saldo", "geteld-saldo", (middelen,), (geinduceerd, kosten))
    volledig = Knoop("Volledigheid: hulpvragen met een geregistreerde uitkomst", u.volledigheid,
                     rekensom(t.met_uitkomst, " x 100 / ", t.hulpvragen, " = ", vast(u.volledigheid, 1), " (op één decimaal)"), (),
                     None, (Knoop("Hulpvragen met een uitkomst", Decimal(t.met_uitkomst), None, (), eenheid="hulpvragen",
                                  cijfer="geteld-met-uitkomst"),), "procent", cijfer="geteld-volledigheid")
    uit = [Uitleg("geteld-saldo", saldo), Uitleg("geteld-overdrachten", overdrachten), Uitleg("geteld-volledigheid", volledig)]
    if u.aandeel_c_of_d is not None:
        c_of_d = som(u.waarde_per_graad[g] for g in ("C", "D"))
        uit.append(Uitleg("geteld-graad-c-of-d", Knoop(
            "Getelde uitkomsten: aandeel van de waarde op kwaliteitsgraad C of D", u.aandeel_c_of_d * HONDERD,
            rekensom(n(c_of_d), " x 100 / ", n(u.waarde), " = ", vast(u.aandeel_c_of_d * HONDERD, 2), " (op twee decimalen)"), (),
            None, tuple(post(p) for p in u.posten if p.soort != "geinduceerd" and p.graad in ("C", "D")), "procent",
            cijfer="geteld-graad-c-of-d")))
    return uit
