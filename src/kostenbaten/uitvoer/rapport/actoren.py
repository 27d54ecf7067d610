"""Wie betaalt en wie wint in het rapport: kosten tegen baten per jaar, en per actor, elk met de tabel ernaast."""

from __future__ import annotations

from kostenbaten.berekening.actoren import ActorenUitkomst
from kostenbaten.notatie import euro, getal_nl, op_hele_euros_tot_totaal
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, grafiek, herkomst, tabel
from kostenbaten.uitvoer.rapport.kba import ANKER_TOTAAL, GEWOGEN, VLAK, cijfer_anker, hoofdletter

KOSTEN = "0.35"  # donkergrijs, zonder arcering
BATEN = "0.85"  # lichtgrijs met arcering
AFRONDING = ("Op hele euro's afgerond met de methode van de grootste resten, zodat elke kolom optelt tot haar totaal; "
             "de berekening zelf is exact.")


def _verhouding(v) -> str:
    return "geen kosten" if v is None else getal_nl(v, 2)


def kosten_baten(a: ActorenUitkomst) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import Reeks, staven

    r, g = a.extrapolaties["rapport"], a.extrapolaties["gewogen"]
    labels = ["Kosten", "Baten", "Netto"]
    svg = staven(
        labels,
        [Reeks(VLAK, [r.kosten, r.baten, r.saldo], KOSTEN), Reeks(GEWOGEN, [g.kosten, g.baten, g.saldo], BATEN, "////")],
        "euro per jaar (pilotperiode)",
    )
    bij = tabel(
        ["", hoofdletter(VLAK), hoofdletter(GEWOGEN)],
        [
            ["Kosten", euro(r.kosten), euro(g.kosten)],
            ["Baten", euro(r.baten), euro(g.baten)],
            ["Netto", euro(r.saldo), euro(g.saldo)],
            ["Baten per euro kosten", _verhouding(r.verhouding), _verhouding(g.verhouding)],
        ],
        rechts=(1, 2),
        # Elk cijfer naar zijn rekenboom in de bijlage (berekening/rekenbomen.py); netto is het totaal van de kernzin.
        ankers={(rij, k): anker for k, m in ((1, "rapport"), (2, "gewogen")) for rij, anker in (
            (0, cijfer_anker(f"kosten-{m}")), (1, cijfer_anker(f"baten-{m}")), (2, ANKER_TOTAAL[m]), (3, cijfer_anker(f"verhouding-{m}")))},
    )
    beschrijving = (
        f"Staafdiagram van kosten en baten per jaar. {hoofdletter(VLAK)}: kosten {euro(r.kosten)}, baten {euro(r.baten)}, "
        f"netto {euro(r.saldo)}. {hoofdletter(GEWOGEN)}: kosten {euro(g.kosten)}, baten {euro(g.baten)}, netto {euro(g.saldo)}."
    )
    tekst = (
        f"Elke euro die de hulp kost, levert {_verhouding(r.verhouding)} euro op ({VLAK}); "
        f"{GEWOGEN} is dat {_verhouding(g.verhouding)} euro."
    ) if r.verhouding is not None and g.verhouding is not None else ""
    herkomsten = [herkomst(_verhouding(e.verhouding), cijfer_anker(f"verhouding-{m}")) for m, e in (("rapport", r), ("gewogen", g))]
    return [grafiek("kosten-baten", svg, beschrijving, bij)] + ([alinea(tekst, herkomsten=herkomsten)] if tekst else [])


def per_actor(a: ActorenUitkomst) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import Reeks, staven

    t = a.extrapolaties["rapport"]
    regels = [r for r in t.regels if r.kosten or r.baten]
    namen = [r.naam for r in regels]
    svg = staven(
        namen, [Reeks("betaalt", [r.kosten for r in regels], KOSTEN), Reeks("wint", [r.baten for r in regels], BATEN, "////")],
        f"euro per jaar ({VLAK})",
    )
    # Elke kolom op hele euro's die optellen tot haar (afgeronde) totaal: de methode van de grootste resten.
    kolommen = [op_hele_euros_tot_totaal([getattr(r, k) for r in regels]) for k in ("kosten", "baten", "saldo")]
    bij = tabel(
        ["Wie", "Betaalt", "Wint", "Saldo"],
        [[r.naam, *(euro(k[i]) for k in kolommen)] for i, r in enumerate(regels)],
        rechts=(1, 2, 3),
        slot=[["Samen", euro(t.kosten), euro(t.baten), euro(t.saldo)]],
        bijschrift=AFRONDING,
        ankers={
            **{(i, k): cijfer_anker(f"actor-{r.actor}-{wat}") for i, r in enumerate(regels)
               for k, wat in ((1, "betaalt"), (2, "wint"), (3, "saldo"))},
            # de slotregel (rij na de laatste): kosten, baten en netto van één gemiddelde
            (len(regels), 1): cijfer_anker("kosten-rapport"), (len(regels), 2): cijfer_anker("baten-rapport"),
            (len(regels), 3): ANKER_TOTAAL["rapport"],
        },
    )
    beschrijving = "Staafdiagram per actor, wat hij betaalt en wat hij wint per jaar: " + "; ".join(
        f"{r.naam} betaalt {euro(r.kosten)} en wint {euro(r.baten)}" for r in regels
    ) + "."
    return [grafiek("actoren", svg, beschrijving, bij)]


ROUTE_NAMEN = {
    "registratie": "geregistreerde uren maal de tarieven",
    "begroting": "kosten van de begroting in haar eerste jaar",
    "casussen": "gemiddelde kosten van een casus maal alle hulpvragen",
}  # na "zijn de"


def saldo(s) -> list[dict]:
    """Wat de samenleving wint (`berekening.saldo.SaldoUitkomst`, methode met één gemiddelde), dan wie betaalt en wie wint.

    Het saldo: besparingen van middelen min de kosten van alle hulpvragen; overdrachten tellen voor nul.
    De verdelingstabel geeft per actor wat hij betaalt, bespaart, ontvangt en geeft; de saldi tellen op tot het maatschappelijk saldo.
    """
    m = s.methoden["rapport"]
    t = m.verdeling
    kop = f"Wat de samenleving wint: een maatschappelijk saldo van {euro(m.saldo)} per jaar."
    zin = (
        "Dat zijn de besparingen van middelen "
        f"({euro(m.middelen)}, vermeden kosten, naar de {getal_nl(m.gedekt)} hulpvragen in de rechtsgebieden van de casussen) "
        f"min de kosten van alle {getal_nl(m.kosten.hulpvragen)} hulpvragen ({euro(m.kosten.totaal)}). "
        f"Geld dat van de ene partij naar de andere gaat ({euro(m.overdrachten)}, zoals een uitkering of een kwijtgescholden schuld), "
        "is winst voor de een en verlies voor de ander: zo'n overdracht telt voor nul. "
        f"Met alleen de kosten van de gedekte hulpvragen ({euro(m.kosten_gedekt)}) is het saldo {euro(m.saldo_gedekt)}. "
        f"De kosten van alle hulpvragen zijn de {ROUTE_NAMEN.get(m.kosten.route, m.kosten.route)}."
    )
    velden = ("betaalt", "middelen", "ontvangt", "geeft", "saldo")
    kolommen = [op_hele_euros_tot_totaal([getattr(r, v) for r in t.regels]) for v in velden]
    rijen = [[r.naam, *(euro(k[i]) for k in kolommen)] for i, r in enumerate(t.regels)]
    slot = [["Samen", *(euro(t.totaal(v)) for v in velden[:-1]), euro(t.saldo)]]
    bij = (
        "Betaalt: de kosten van alle hulpvragen. Middelen: vermeden kosten. Ontvangt en Geeft: overdrachten, samen nul. "
        "Saldo: middelen plus ontvangt min geeft min betaalt; samen het maatschappelijk saldo. " + AFRONDING
    )
    breder = [r for r in t.regels if r.breder]
    velden_anker = dict(zip(velden, ("betaalt", "middelen", "ontvangt", "geeft", "saldo")))
    samen = {"betaalt": "saldo-samen-betaalt", "middelen": "saldo-samen-middelen", "ontvangt": "saldo-samen-overdrachten",
             "geeft": "saldo-samen-overdrachten", "saldo": "saldo-samen-saldo"}
    ankers = {(i, k + 1): cijfer_anker(f"saldo-{r.actor}-{velden_anker[v]}") for i, r in enumerate(t.regels) for k, v in enumerate(velden)}
    ankers |= {(len(t.regels), k + 1): cijfer_anker(samen[v]) for k, v in enumerate(velden)}
    # Het aantal hulpvragen wijst naar de boom waarin het meetelt: de gedekte naar hun afleiding, alle hulpvragen naar de kosten.
    herkomsten = [herkomst(euro(m.middelen), cijfer_anker("saldo-samen-middelen")),
                  herkomst(getal_nl(m.gedekt), cijfer_anker("gedekt")),
                  herkomst(getal_nl(m.kosten.hulpvragen), cijfer_anker("saldo-samen-betaalt")),
                  herkomst(euro(m.kosten.totaal), cijfer_anker("saldo-samen-betaalt")),
                  herkomst(euro(m.overdrachten), cijfer_anker("saldo-samen-overdrachten")),
                  herkomst(euro(m.kosten_gedekt), cijfer_anker("kosten-rapport")),
                  herkomst(euro(m.saldo_gedekt), cijfer_anker("saldo-gedekt"))]
    blokken = [
        alinea(kop, nadruk=True, herkomsten=[herkomst(euro(m.saldo), cijfer_anker("saldo-samen-saldo"))]),
        alinea(zin, herkomsten=herkomsten),
        tabel(["Wie", "Betaalt", "Middelen", "Ontvangt", "Geeft", "Saldo"], rijen, rechts=(1, 2, 3, 4, 5), slot=slot, bijschrift=bij,
              ankers=ankers),
    ]
    if breder:
        blokken.append(alinea(
            "Niet in het saldo, als breder economisch effect apart: "
            + "; ".join(f"{r.naam} {euro(r.breder)}" for r in breder) + "."
        ))
    blokken.append(alinea(
        "De bedragen hieronder (netto per casus, de tweedeling cliënt / overheid) volgen de methode van de KBA Hengelo. Die "
        + "; ".join(s.verschillen) + "."
    ))
    return blokken


def secties(a: ActorenUitkomst, rapport) -> dict[str, Sectie]:
    """Met een begroting in `rapport` zegt de tekst dat wie betaalt hier de betalers van de tarieven zijn, en de begroting
    het antwoord geeft."""
    met_begroting = rapport.met_begroting
    blokken = per_actor(a)
    if met_begroting:
        blokken.append(alinea(
            "Wie hier betaalt, volgt de betalers van de tarieven van de pilot. Wat elke betaler volgens de begroting "
            "betaalt en terugkrijgt, staat hieronder bij de begroting; dat is het antwoord voor de gemeente."
        ))
    uit = {}
    if a.maatschappelijk is not None:
        uit["saldo"] = Sectie("Wat de samenleving wint, en wie betaalt en wie wint", saldo(a.maatschappelijk))
    return uit | {
        "kosten_baten": Sectie("Kosten tegen baten, per jaar", kosten_baten(a)),
        "actoren": Sectie("Wie betaalt en wie wint, in de methode van de KBA Hengelo", blokken),
    }
