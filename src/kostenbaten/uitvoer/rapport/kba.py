"""De KBA in het rapport: de kernzin, de casussen op één regel, de aannames met bronnen, de methode en de tabellen per casus."""

from __future__ import annotations

from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst
from kostenbaten.geld import AFRONDINGSREGELS_KORT
from kostenbaten.notatie import datum, decimalen_voor, euro, getal_exact, getal_nl, procent
from kostenbaten.uitvoer.namen import groep_naam, prijspeil_tekst, rekensom_tekst, tweedeling_cijfers, tweedeling_tekst
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, bij_elkaar, herkomst, naast, opsomming, tabel

VLAK = "één gemiddelde voor alle casussen"
# De ankers van de rekenbomen in de bijlage (zelfde namen als in uitvoer/rapport/uitleg.py, dat deze module niet laadt).
ANKER_TOTAAL = {"rapport": "uitleg-rapport", "gewogen": "uitleg-gewogen"}


def casus_anker(nummer: int) -> str:
    return f"uitleg-casus-{nummer}"


def kengetal_anker(sleutel: str) -> str:
    return f"uitleg-kengetal-{sleutel}"


def cijfer_anker(cijfer: str) -> str:
    """Het anker van een cijfer uit `berekening.rekenbomen` (de `cijfer` van zijn knoop), bijvoorbeeld `uitleg-kosten-rapport`."""
    return f"uitleg-{cijfer}"

GEWOGEN = "gewogen per rechtsgebied"
KERN_TITEL = "De uitkomst in de methode van de KBA Hengelo"


def hoofdletter(tekst: str) -> str:
    """Aan het begin van een zin of kolomkop: 'één' wordt 'Eén' (het accent blijft alleen op de kleine letter)."""
    if tekst.startswith("één"):
        return "Eén" + tekst[3:]
    return tekst[:1].upper() + tekst[1:]


def periode(u: PilotUitkomst) -> str:
    """De periode zoals de gebruiker haar gaf, beide dagen meegeteld (zoals `registratie` telt)."""
    return f"{datum(u.pilot.periode.van)} tot en met {datum(u.pilot.periode.tot)}"


def kans_tekst(c: CasusUitkomst) -> str:
    """De kans van slagen van een casus als percentage, of '-' zonder kans (dan telt elke baat volledig)."""
    return "-" if c.casus.kans is None else procent(c.casus.kans.waarde * 100, decimalen_voor([c.casus.kans.waarde * 100]))


def _tweedeling(u: PilotUitkomst) -> str:
    """Hoe elk van beide totalen verdeeld is over cliënten en overheid (met elk hun eigen verdeling)."""
    r, g = u.extrapolaties["rapport"], u.extrapolaties["gewogen"]
    tekst = (
        f"Daarvan is {tweedeling_tekst(r)} ({VLAK}), en {tweedeling_tekst(g)} ({GEWOGEN}); "
        "voor de overheid zijn dat de vermeden kosten min de kosten van de hulp."
    )
    # Elk deel wijst naar zijn boom (berekening/rekenbomen.py: tweedeling): een procent naar het aandeel, een bedrag
    # (als procenten niets zeggen) naar het netto van de groep.
    herkomsten = [herkomst(cijfer, cijfer_anker(f"{'groep' if cijfer.startswith(('€', '-€')) else 'aandeel'}-{groep}-{methode}"))
                  for methode, e in (("rapport", r), ("gewogen", g)) for groep, cijfer in tweedeling_cijfers(e)]
    return alinea(tekst, herkomsten=herkomsten)


def grootste_drijver(g) -> dict | None:
    """Zonder marge: welke invoer het totaal het meest verschuift (de bovenste balk van de tornado, één gemiddelde)."""
    if g is None or not g.variaties:
        return None
    from kostenbaten.berekening.rekenbomen import gevoeligheid_sleutel

    v = g.gesorteerd("rapport")[0]
    e = v.effecten["rapport"]
    stap = getal_nl(g.stap)
    sleutel = gevoeligheid_sleutel(v.invoer.sleutel)
    tekst = (f"Het meest hangt het totaal af van {v.invoer.in_zin}: {stap}% lager of hoger geeft {euro(e.laag)} of {euro(e.hoog)} "
             f"({VLAK}); zie 'Wat de uitkomst bepaalt'.")
    return {"tekst": tekst, "herkomsten": [herkomst(euro(e.laag), cijfer_anker(f"tornado-{sleutel}-lager")),
                                           herkomst(euro(e.hoog), cijfer_anker(f"tornado-{sleutel}-hoger"))]}


def kern(u: PilotUitkomst, bandbreedtes: bool, gevoeligheid=None) -> list[dict]:
    r, g = u.extrapolaties["rapport"], u.extrapolaties["gewogen"]
    # Met bereiken staat de verwachte waarde erboven (uitvoer/rapport/onzekerheid.py); dit is de meest waarschijnlijke invoer.
    zin = (
        ("Bij de meest waarschijnlijke invoer levert een uitgewerkte casus" if bandbreedtes else "Een uitgewerkte casus levert")
        + f" gemiddeld {euro(u.gemiddelde_netto, 2)} netto op: wat de hulp oplevert min wat zij kost. "
        f"Voor de {getal_nl(r.gedekt)} hulpvragen van de pilotperiode in de rechtsgebieden van de casussen is dat samen "
        f"{euro(r.totaal)} ({VLAK}) of {euro(g.totaal)} ({GEWOGEN})."
    )
    # Elk cijfer wijst naar zijn rekenboom in de bijlage (uitvoer/rapport/uitleg.py).
    herkomsten = [herkomst(euro(u.gemiddelde_netto, 2), ANKER_TOTAAL["rapport"]), herkomst(getal_nl(r.gedekt), cijfer_anker("gedekt")),
                  herkomst(euro(r.totaal), ANKER_TOTAAL["rapport"]),
                  herkomst(euro(g.totaal), ANKER_TOTAAL["gewogen"])]
    blokken = [alinea(zin, nadruk=True, herkomsten=herkomsten), _tweedeling(u)]
    prijspeil = prijspeil_tekst(u.pilot, u.omrekeningen)
    if prijspeil:
        blokken.append(alinea(prijspeil[0]))
    if not bandbreedtes:  # met bandbreedtes volgt hier het 90%-interval (uitvoer/rapport/onzekerheid.py)
        zonder = (
            "De invoer heeft geen bereiken en geen kansen van slagen: de bedragen hierboven zijn berekend zonder onzekerheidsmarge. "
            f"Ze rusten op {len(u.casussen)} uitgewerkte {'casus' if len(u.casussen) == 1 else 'casussen'}; met andere casussen "
            "was het gemiddelde anders uitgevallen."
        )
        drijver = grootste_drijver(gevoeligheid)
        herkomsten = [herkomst(str(len(u.casussen)), cijfer_anker("gemiddelde")), *(drijver["herkomsten"] if drijver else ())]
        blokken.append(alinea(zonder + (" " + drijver["tekst"] if drijver else ""), herkomsten=herkomsten))
    return blokken


def casussen(u: PilotUitkomst) -> list[dict]:
    gebieden = u.pilot.rechtsgebieden
    kolommen = ("totaal_kosten", "totaal_baten", "netto")
    dec = {k: decimalen_voor([getattr(c, k) for c in u.casussen]) for k in kolommen}
    met_kans = any(c.casus.kans is not None for c in u.casussen)
    rijen = [
        [
            str(c.nummer),
            c.casus.titel,
            gebieden[c.casus.rechtsgebied].naam,
            getal_exact(c.casus.uren.waarde),
            *([kans_tekst(c)] if met_kans else []),
            *(euro(getattr(c, k), dec[k]) for k in kolommen),
            ", ".join(e[:1].lower() + e[1:] if i else e for i, e in enumerate(c.casus.effecten)) or "-",
        ]
        for c in u.casussen
    ]
    extra = 1 if met_kans else 0
    slot = [["", "Gemiddeld", "", "", *([""] * extra), "", "", euro(u.gemiddelde_netto, 2), ""]]
    kop = ["Nr.", "Casus", "Rechtsgebied", "Uren", *(["Kans"] * extra), "Kosten", "Baten", "Netto", "Niet in geld uitgedrukt"]
    bijschrift = "Uren: ingezette uren van de sociaal-juridisch dienstverlener (SJD). "
    if met_kans:
        bijschrift += "Kans: de kans van slagen van de casus; de baten tellen voor dat deel mee (zonder kans volledig). "
    bijschrift += ("De laatste kolom noemt de effecten die niet in euro's zijn uitgedrukt; ze tellen niet mee in de bedragen, "
                   "maar horen bij de uitkomst.")
    ankers = {(i, 6 + extra): casus_anker(c.nummer) for i, c in enumerate(u.casussen)}
    ankers |= {(i, k + extra): cijfer_anker(f"casus-{c.nummer}-{wat}") for i, c in enumerate(u.casussen)
               for k, wat in ((4, "kosten"), (5, "baten"))}
    ankers |= {(i, 3): cijfer_anker(f"casus-{c.nummer}-kosten") for i, c in enumerate(u.casussen)}  # uren x tarieven
    if met_kans:  # de kans weegt de baten
        ankers |= {(i, 4): cijfer_anker(f"casus-{c.nummer}-baten") for i, c in enumerate(u.casussen) if c.casus.kans is not None}
    ankers[(len(u.casussen), 6 + extra)] = cijfer_anker("gemiddelde")
    return [tabel(kop, rijen, rechts=tuple(range(3, 7 + extra)), slot=slot, breed=True, bijschrift=bijschrift, ankers=ankers)]


def aannames(u: PilotUitkomst) -> list[dict]:
    p = u.pilot
    actoren = p.alle_actoren
    blokken = [
        alinea(
            f"Periode {periode(u)}; {getal_nl(p.hulpvragen.waarde)} hulpvragen, waarvan {getal_nl(u.dekking)}% in de rechtsgebieden "
            f"van de casussen. Terugkerende baten tellen voor {p.maanden_in_beeld} maanden.",
            herkomsten=[herkomst(f"{getal_nl(p.hulpvragen.waarde)} hulpvragen", cijfer_anker("hulpvragen")),
                        herkomst(f"{getal_nl(u.dekking)}%", cijfer_anker("dekking"))],
        ),
        naast([tabel(
            ["Tarief", "Per uur", "Betaald door"],
            [[t.naam, euro(t.per_uur.waarde, decimalen_voor([t.per_uur.waarde])), actoren[t.betaler].naam] for t in p.tarieven.values()],
            rechts=(1,),
            ankers={(i, 1): cijfer_anker(f"tarief-{s}") for i, s in enumerate(p.tarieven)},
        ),
        tabel(
            ["Rechtsgebied", "Aandeel hulpvragen"],
            [[g.naam, procent(g.aandeel.waarde, decimalen_voor([g.aandeel.waarde]))] for g in p.rechtsgebieden.values()],
            rechts=(1,),
            ankers={(i, 1): cijfer_anker(f"rechtsgebied-{s}") for i, s in enumerate(p.rechtsgebieden)},
        )]),
    ]
    if p.kengetallen:
        # Alleen een kengetal dat een casus gebruikt, staat in de rekenboom.
        gebruikt = {b.sleutel for c in u.casussen for b in c.baten if b.soort == "kengetal"}
        blokken.append(
            tabel(
                ["Kengetal (vermeden kosten per geval)", "Bedrag", "Wie bespaart", "Bron"],
                [
                    [k.naam, euro(k.invoer.waarde, decimalen_voor([k.invoer.waarde])) + ("" if k.per_maand is None else f" per maand, {k.maanden} maanden"),
                     actoren[k.actor].naam, k.bron]
                    for k in p.kengetallen.values()
                ],
                rechts=(1,),
                breed=True,
                ankers={(i, 1): kengetal_anker(s) for i, s in enumerate(p.kengetallen) if s in gebruikt},
            )
        )
    for naam, correctie in (("Correctie voor optimisme", p.optimisme),):
        if correctie is not None:
            blokken.append(alinea(f"{naam}: {correctie.reden} (bron: {correctie.bron})."))
    if p.aanpassingen is not None:
        redenen = [f"{soort}: {a.reden} (bron: {a.bron})" for soort, a in p.aanpassingen if a is not None]
        blokken.append(alinea("Aanpassingen op alle baten: " + "; ".join(redenen) + "."))
    return blokken


def methode(u: PilotUitkomst, met_gepubliceerd: bool) -> list[dict]:
    r = u.extrapolaties["rapport"]
    # Elke regel met de cijfers erin en hun boom in de bijlage.
    regels: list[tuple[str, list[dict]]] = [
        ("Exact: elk bedrag is zonder tussentijdse afronding uit de casussen berekend en pas bij het tonen afgerond: "
         f"{AFRONDINGSREGELS_KORT['afronden_op_euro']}, gemiddelden per casus {AFRONDINGSREGELS_KORT['afronden_op_centen']}.", []),
        (f"Twee extrapolaties. {hoofdletter(VLAK)}: het gemiddelde netto van alle casussen maal de "
         f"{getal_nl(r.gedekt)} hulpvragen in hun rechtsgebieden ({getal_nl(u.dekking)}% van {getal_nl(r.hulpvragen)}). "
         f"{hoofdletter(GEWOGEN)}: per rechtsgebied het gemiddelde van de eigen casussen maal de eigen hulpvragen; "
         "zo weegt een rechtsgebied met één opvallende casus niet zwaarder dan zijn aandeel.",
         [herkomst(getal_nl(r.gedekt), cijfer_anker("gedekt")), herkomst(f"{getal_nl(u.dekking)}%", cijfer_anker("dekking")),
          herkomst(getal_nl(r.hulpvragen), cijfer_anker("hulpvragen"))]),
        (f"Eén jaar: terugkerende baten, zoals een hogere uitkering, tellen alleen voor de eerste {u.pilot.maanden_in_beeld} maanden. "
         "Over hun volle looptijd levert de hulp meer op; die rekening maakt de opdracht kostenbaten meerjarig.", []),
        ("Hulpvragen buiten de rechtsgebieden van de casussen tellen voor nul: daar is geen casus om van uit te gaan.", []),
    ]
    pub = u.gepubliceerd
    if met_gepubliceerd and "totaal" in pub:
        regels.append((
            f"Gepubliceerde cijfers: het rapport van de pilot drukte het gemiddelde als {euro(pub['gemiddelde_netto'].waarde)} "
            f"({AFRONDINGSREGELS_KORT[pub['gemiddelde_netto'].regel]}) en het totaal als {euro(pub['totaal'].waarde)} "
            f"({AFRONDINGSREGELS_KORT[pub['totaal'].regel]}); de bijlage legt elk gepubliceerd cijfer naast het berekende.",
            # Naar de bijlage die elk gepubliceerd cijfer naast het berekende legt (`controle.secties`).
            [herkomst(euro(pub[k].waarde), "gepubliceerd") for k in ("gemiddelde_netto", "totaal")],
        ))
    return [opsomming([tekst for tekst, _ in regels], [h for _, h in regels])]


def casustabel(c: CasusUitkomst, u: PilotUitkomst) -> dict:
    actoren = u.pilot.alle_actoren
    dk = decimalen_voor([p.bedrag for p in c.kosten] + [c.totaal_kosten, c.netto])
    db = decimalen_voor([p.bedrag for p in c.baten] + [c.totaal_baten, c.client, c.overheid])
    kosten = [(f"{p.naam} ({rekensom_tekst(p.rekensom)})", euro(p.bedrag, dk)) for p in c.kosten]
    baten = [(p.naam, euro(p.bedrag, db), actoren[p.actor].naam if p.actor in actoren else groep_naam(p.actor)) for p in c.baten]
    baten += [(e, "niet in €", "") for e in c.casus.effecten]
    rijen = []
    for i in range(max(len(kosten), len(baten))):
        k = kosten[i] if i < len(kosten) else ("", "")
        b = baten[i] if i < len(baten) else ("", "", "")
        rijen.append([*k, *b])
    slot = [
        ["Totaal kosten", euro(c.totaal_kosten, dk), "Totaal baten", euro(c.totaal_baten, db), ""],
        ["Netto (baten min kosten)", euro(c.netto, dk), "waarvan cliënt / overheid", f"{euro(c.client, db)} / {euro(c.overheid, db)}", ""],
    ]
    gebied = u.pilot.rechtsgebieden[c.casus.rechtsgebied].naam
    kans = "" if c.casus.kans is None else f"; kans van slagen {kans_tekst(c)}, de baten tellen voor dat deel mee"
    return bij_elkaar([
        alinea(f"Casus {c.nummer}: {c.casus.titel}", nadruk=True),
        alinea(f"{gebied}; {getal_exact(c.casus.uren.waarde)} uur{kans}. {c.casus.omschrijving or ''}".strip()),
        tabel(["Kosten", "Bedrag", "Baten", "Bedrag", "Wie"], rijen, rechts=(1, 3), slot=slot, breed=True),
    ])


def secties(u: PilotUitkomst, rapport) -> dict[str, Sectie]:
    """Uit `rapport` (`api.Rapport`): `met_gepubliceerd`, onwaar voor een variant (de gepubliceerde cijfers horen bij de
    casussenmap eronder); `bandbreedtes`; en `bibliotheek`, bij een variant de naam van de pilot eronder: de titel noemt
    de bibliotheek, de inleiding de variant.
    """
    met_gepubliceerd, bandbreedtes, bibliotheek = rapport.met_gepubliceerd, rapport.bandbreedtes, rapport.bibliotheek
    naam = bibliotheek or u.pilot.naam
    if bibliotheek and bibliotheek != u.pilot.naam:
        inleiding = [alinea(f"Pilot {naam}, {periode(u)}, in het scenario '{u.pilot.naam}'. {u.pilot.omschrijving or ''}".strip())]
    else:
        inleiding = [alinea(f"Pilot {naam}, {periode(u)}. {u.pilot.omschrijving or ''}".strip())]
    return {
        "titel": Sectie(f"Kosten en baten van sociaal-juridische hulp in de bibliotheek: {naam}", inleiding),
        "kern": Sectie(KERN_TITEL, kern(u, bandbreedtes, rapport.gevoeligheid)),
        "casussen": Sectie("De casussen", casussen(u)),
        "aannames": Sectie("Aannames en bronnen", aannames(u)),
        "methode": Sectie("Hoe is gerekend", methode(u, met_gepubliceerd)),
        "casustabellen": Sectie("Kosten en baten per casus", [casustabel(c, u) for c in u.casussen]),
    }
