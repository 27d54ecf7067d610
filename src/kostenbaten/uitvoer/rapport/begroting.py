"""De begroting in het rapport: per betaler wat hij betaalt en terugkrijgt, en de baten/kosten-verhouding van het geheel."""

from __future__ import annotations

from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.notatie import euro, getal_nl
from kostenbaten.uitvoer.rapport.actoren import BATEN, KOSTEN
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, grafiek, tabel
from kostenbaten.uitvoer.namen import meerjarig_titel, meerjarig_zin, terugverdiend_tekst
from kostenbaten.uitvoer.rapport.kba import GEWOGEN, VLAK

METHODE_TEKST = {"rapport": VLAK, "gewogen": GEWOGEN}


def _verhouding(v) -> str:
    return "n.v.t." if v is None else getal_nl(v, 2)


def per_betaler(b: BegrotingUitkomst) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import Reeks, staven

    hulpvragen = getal_nl(b.hulpvragen)
    actoren = [a for a in b.per_actor() if a.betaalt or a.wint]
    zinnen = [
        f"{a.naam} betaalt {euro(a.betaalt)} en krijgt {euro(a.wint)} terug (saldo {euro(a.saldo)})." for a in actoren if a.betaalt
    ]
    blokken = [
        alinea(
            f"Volgens de begroting '{b.begroting.naam}' kost het spreekuur {euro(b.totaal)} in het eerste jaar, "
            f"bij {hulpvragen} hulpvragen per jaar. " + " ".join(zinnen)
        )
    ]
    if b.verwachte_baten is not None:
        quitte = f"; quitte bij {getal_nl(b.omslagpunt)} hulpvragen per jaar" if b.omslagpunt is not None else ""
        blokken.append(
            alinea(
                f"Alle baten samen, uit de casussen van {b.baten.pilot}: {euro(b.verwachte_baten)} "
                f"({METHODE_TEKST[b.begroting.kba_methode]}), netto {euro(b.netto)}; "
                f"baten/kosten-verhouding {_verhouding(b.verhouding)}{quitte}.",
                nadruk=True,
            )
        )
    svg = staven(
        [a.naam for a in actoren],
        [Reeks("betaalt", [a.betaalt for a in actoren], KOSTEN), Reeks("krijgt terug", [a.wint for a in actoren], BATEN, "////")],
        f"euro per jaar bij {hulpvragen} hulpvragen",
    )
    bij = tabel(
        ["Wie", "Betaalt", "Krijgt terug", "Saldo", "Baten/kosten"],
        [[a.naam, euro(a.betaalt), euro(a.wint), euro(a.saldo), _verhouding(a.verhouding)] for a in actoren],
        rechts=(1, 2, 3, 4),
    )
    beschrijving = "Staafdiagram per betaler of begunstigde: " + "; ".join(
        f"{a.naam} betaalt {euro(a.betaalt)} en krijgt {euro(a.wint)} terug" for a in actoren
    ) + "."
    return blokken + [grafiek("begroting", svg, beschrijving, bij)] + meerjarig(b)


def meerjarig(b: BegrotingUitkomst) -> list[dict]:
    """Bij een horizon van meer dan één jaar: contant over de hele horizon, per actor en samen, met het terugverdienjaar."""
    if b.baten is None or b.meerjarig.horizon <= 1:
        return []
    m = b.meerjarig
    rijen = [
        [a.naam, euro(a.contante_kosten), euro(a.contante_baten), euro(a.netto_contante_waarde), terugverdiend_tekst(a.terugverdienjaar)]
        for a in (*m.actoren, m.totaal)
        if a.contante_kosten or a.contante_baten
    ]
    return [
        alinea(meerjarig_zin(b), nadruk=True),
        alinea(meerjarig_titel(b) + ":"),
        tabel(["Wie", "Betaalt (contant)", "Krijgt terug (contant)", "Netto", "Terugverdiend"], rijen, rechts=(1, 2, 3)),
    ]


def secties(b: BegrotingUitkomst, **_context) -> dict[str, Sectie]:
    return {"begroting": Sectie("Wie betaalt wat: de begroting", per_betaler(b))}
