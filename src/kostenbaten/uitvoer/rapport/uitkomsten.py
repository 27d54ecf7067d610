"""De getelde uitkomsten in het rapport: welke methode de kop draagt, en de andere ernaast (op de voorkant, bij het saldo).

De kop van het rapport (het maatschappelijk saldo en het netto per casus) blijft de
extrapolatie van de uitgewerkte casussen; met `kostenbaten rapport --uitkomsten EXPORT`
staat de waarde van de getelde uitkomsten (`berekening.uitkomsten`) ernaast, in
één tabel met dezelfde regels.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kostenbaten.berekening.uitkomsten import Methoden
from kostenbaten.notatie import euro, getal_nl, procent
from kostenbaten.tekens import zichtbaar
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, herkomst, tabel
from kostenbaten.uitvoer.rapport.kba import cijfer_anker

CASUSSEN = "Extrapolatie van casussen (kop)"
GETELD = "Getelde uitkomsten"


def _casussen(n: int) -> str:
    return "1 uitgewerkte casus" if n == 1 else f"{getal_nl(Decimal(n))} uitgewerkte casussen"


def blokken(m: Methoden) -> list[dict]:
    u = m.uitkomsten
    t = u.telling
    c = m.casussen
    bestand = zichtbaar(Path(t.bestand).name)  # een openbaar stuk noemt geen mappen van de gebruiker
    bron = "een tabel met getelde uitkomsten" if t.bron == "telling" else "de registratie per hulpvraag"
    kop = ("Welke methode de kop draagt: de cijfers bovenaan dit rapport zijn een extrapolatie van "
           f"{_casussen(m.aantal_casussen)}. De getelde uitkomsten staan ernaast.")
    zin = (
        f"Daarnaast is uit {bron} ({bestand}) geteld wat de hulp opleverde: {getal_nl(Decimal(t.met_uitkomst))} van de "
        f"{getal_nl(Decimal(t.hulpvragen))} hulpvragen hebben een geregistreerde uitkomst ({procent(u.volledigheid, 1)}). "
        "Elke uitkomst is gewaardeerd met de waardekaart: aantal maal de waarde per keer, min wat zonder het spreekuur ook "
        "was gebeurd en min wat aan anderen toekomt (attributie). "
        f"Zo gerekend is het maatschappelijk saldo {euro(u.saldo)}"
        + (f", tegen {euro(c.saldo)} met de casussen." if c is not None else ".")
    )
    streep = "-"
    rijen = [
        ["Grondslag", f"{_casussen(m.aantal_casussen)}, naar {getal_nl(c.kosten.hulpvragen)} hulpvragen" if c is not None else streep,
         f"{getal_nl(Decimal(t.hulpvragen))} hulpvragen, {procent(u.volledigheid, 0)} met uitkomst"],
        ["Besparing van middelen", euro(c.middelen) if c is not None else streep, euro(u.middelen)],
        ["Kosten die de uitkomsten veroorzaken", streep, euro(u.geinduceerd)],
        ["Kosten van het hele programma", euro(c.kosten.totaal) if c is not None else streep, euro(u.kosten.totaal)],
    ]
    slot = [["Maatschappelijk saldo", euro(c.saldo) if c is not None else streep, euro(u.saldo)]]
    bij = (f"Overdrachten tellen in geen van beide mee (casussen: {euro(c.overdrachten)}; getelde uitkomsten: {euro(u.overdrachten)})."
           if c is not None else f"Overdrachten tellen niet mee (getelde uitkomsten: {euro(u.overdrachten)}).")
    # Elk cijfer naar zijn boom (berekening/rekenbomen.py: uitkomsten, en voor de casussen die van de verdelingstabel).
    aantal = getal_nl(Decimal(m.aantal_casussen))
    in_kop = [herkomst(aantal, cijfer_anker("gemiddelde"))]
    in_zin = [herkomst(getal_nl(Decimal(t.met_uitkomst)), cijfer_anker("geteld-volledigheid")),
              herkomst(getal_nl(Decimal(t.hulpvragen)), cijfer_anker("geteld-volledigheid")),
              herkomst(procent(u.volledigheid, 1), cijfer_anker("geteld-volledigheid")),
              herkomst(euro(u.saldo), cijfer_anker("geteld-saldo"))]
    in_zin += [herkomst(euro(c.saldo), cijfer_anker("saldo-samen-saldo"))] if c is not None else []
    ankers = {(0, 2): cijfer_anker("geteld-volledigheid"), (1, 2): cijfer_anker("geteld-middelen"), (2, 2): cijfer_anker("geteld-geinduceerd"),
              (3, 2): cijfer_anker("geteld-kosten"), (4, 2): cijfer_anker("geteld-saldo")}
    if c is not None:
        ankers |= {(0, 1): cijfer_anker("saldo-samen-betaalt"), (1, 1): cijfer_anker("saldo-samen-middelen"),
                   (3, 1): cijfer_anker("saldo-samen-betaalt"), (4, 1): cijfer_anker("saldo-samen-saldo")}
    overdrachten = ([herkomst(euro(c.overdrachten), cijfer_anker("saldo-samen-overdrachten"))] if c is not None else []) + [
        herkomst(euro(u.overdrachten), cijfer_anker("geteld-overdrachten"))]
    # De zin over de overdrachten onder de tabel als alinea: haar bedragen verwijzen naar hun boom, zoals in de tabel.
    uit = [alinea(kop, nadruk=True, herkomsten=in_kop), alinea(zin, herkomsten=in_zin),
           tabel(["", CASUSSEN, GETELD], rijen, rechts=(1, 2), slot=slot, ankers=ankers), alinea(bij, herkomsten=overdrachten)]
    if u.te_onvolledig:
        uit.append(alinea(
            f"Minder dan {getal_nl(u.minimale_volledigheid)}% van de hulpvragen heeft een geregistreerde uitkomst: de getelde "
            "waarde telt alleen wat geregistreerd is en is daarom een ondergrens, of de registratie is niet representatief."
        ))
    if u.aandeel_c_of_d is not None:
        uit.append(alinea(f"Van de waarde van de getelde uitkomsten rust {procent(u.aandeel_c_of_d * 100)} op kengetallen "
                          "of bedragen met kwaliteitsgraad C of D.",
                          herkomsten=[herkomst(procent(u.aandeel_c_of_d * 100), cijfer_anker("geteld-graad-c-of-d"))]))
    return uit


def secties(m, rapport) -> dict[str, Sectie]:
    if not isinstance(m, Methoden):
        return {}
    return {"saldo": Sectie("Twee methoden: casussen en getelde uitkomsten", blokken(m))}
