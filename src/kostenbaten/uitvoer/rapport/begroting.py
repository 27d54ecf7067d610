"""De begroting in het rapport: per betaler wat hij betaalt en terugkrijgt, en de baten/kosten-verhouding van het geheel."""

from __future__ import annotations

from kostenbaten.berekening.aansluiting import Aansluiting, sluit_aan
from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.notatie import euro, getal, getal_nl, op_hele_euros_tot_totaal
from kostenbaten.uitvoer.rapport.actoren import AFRONDING, BATEN, KOSTEN
from kostenbaten.uitvoer.rapport.blokken import Sectie, alinea, grafiek, herkomst, tabel
from kostenbaten.uitvoer.namen import meerjarig_titel, meerjarig_zin, terugverdiend_tekst
from kostenbaten.uitvoer.rapport.kba import GEWOGEN, VLAK, cijfer_anker

METHODE_TEKST = {"rapport": VLAK, "gewogen": GEWOGEN}


def _verhouding(v) -> str:
    return "n.v.t." if v is None else getal_nl(v, 2)


def aansluiting(a: Aansluiting, b: BegrotingUitkomst) -> list[dict]:
    """Eén zin en een kleine tabel: waarom de KBA en de begroting andere kosten noemen, welke de kop gebruikt, en het antwoord voor de gemeente."""
    k, g = a.kba, a.begroting
    methode = METHODE_TEKST[a.methode]
    per_week = getal(b.sjd_uren_per_week)
    zin = (
        f"Twee kostenbedragen, één vraag. De KBA telt de uren die de uitgewerkte casussen vroegen: {getal(k.sjd_uren)} SJD-uren "
        f"voor de {getal_nl(k.hulpvragen)} hulpvragen in de rechtsgebieden van de casussen, maal de tarieven: {euro(k.kosten)}. "
        f"De begroting '{b.begroting.naam}' telt wat het spreekuur een jaar kost: {getal(g.sjd_uren)} begrote SJD-uren "
        f"({per_week} uur per week, {getal(b.begroting.weken_per_jaar)} weken) voor alle {getal_nl(g.hulpvragen)} hulpvragen "
        f"({euro(g.sjd_kosten)}), plus {euro(g.overige_kosten)} voor ander personeel en eenmalige uitgaven: {euro(g.kosten)}. "
        f"De baten komen in beide uit dezelfde casussen. De uitkomst bovenaan gebruikt de kosten van de KBA, omdat kosten en baten "
        f"dan over dezelfde casussen en hulpvragen gaan; wat het spreekuur de betalers kost, staat in de begroting, en daaruit "
        f"komt het antwoord voor de gemeente."
    )
    tabel_ = tabel(
        ["", "KBA", "Begroting"],
        [
            ["Hulpvragen (KBA: in de rechtsgebieden van de casussen)", getal_nl(k.hulpvragen), getal_nl(g.hulpvragen)],
            ["SJD-uren", getal(k.sjd_uren), getal(g.sjd_uren)],
            ["Kosten van de SJD-uren (met de kosten per SJD-uur)", euro(k.sjd_kosten), euro(g.sjd_kosten)],
            ["Ander personeel en eenmalige uitgaven", "-", euro(g.overige_kosten)],
            ["Kosten", euro(k.kosten), euro(g.kosten)],
            [f"Baten ({methode})", euro(k.baten), "-" if g.baten is None else euro(g.baten)],
            ["Baten per euro kosten", _verhouding(k.verhouding), _verhouding(g.verhouding)],
        ],
        rechts=(1, 2),
        # De KBA-kolom naar de rekenbomen van kosten en baten in de bijlage (dezelfde als in 'Kosten tegen baten').
        ankers={(0, 1): cijfer_anker("gedekt"), (0, 2): cijfer_anker("begroting-baten"),
                (1, 1): cijfer_anker("aansluiting-kba-uren"), (1, 2): cijfer_anker("aansluiting-begroting-uren"),
                (2, 1): cijfer_anker(f"kosten-{a.methode}"), (4, 1): cijfer_anker(f"kosten-{a.methode}"),
                (5, 1): cijfer_anker(f"baten-{a.methode}"), (6, 1): cijfer_anker(f"verhouding-{a.methode}"),
                # en de kolom van de begroting naar haar eigen bomen (berekening/rekenbomen.py: begroting)
                (2, 2): cijfer_anker("begroting-sjd"), (3, 2): cijfer_anker("begroting-overig"),
                (4, 2): cijfer_anker("begroting-kosten"), (5, 2): cijfer_anker("begroting-baten"),
                (6, 2): cijfer_anker("begroting-verhouding")},
        bijschrift="KBA: de gemiddelde kosten per casus maal de gedekte hulpvragen; ander personeel en eenmalige uitgaven telt zij niet. "
                   "Begroting: een jaar spreekuur, uren per week maal weken maal tarief, plus de eenmalige uitgaven.",
    )
    antwoord = (
        f"Wat betaalt de gemeente en wat krijgt zij terug? Volgens de begroting betaalt de gemeente {euro(a.gemeente_betaalt)} "
        f"in het eerste jaar en krijgt zij {euro(a.gemeente_krijgt)} terug: saldo {euro(a.gemeente_saldo)}. "
        "De andere baten komen bij de cliënt en de andere actoren terecht (tabel hieronder)."
    )
    # De bedragen in beide zinnen wijzen naar dezelfde rekenbomen als de cellen van de tabel.
    in_zin = [herkomst(getal(k.sjd_uren), cijfer_anker("aansluiting-kba-uren")), herkomst(getal_nl(k.hulpvragen), cijfer_anker("gedekt")),
              herkomst(euro(k.kosten), cijfer_anker(f"kosten-{a.methode}")),
              herkomst(getal(g.sjd_uren), cijfer_anker("aansluiting-begroting-uren")),
              herkomst(per_week, cijfer_anker("aansluiting-begroting-uren")),
              herkomst(getal(b.begroting.weken_per_jaar), cijfer_anker("aansluiting-begroting-uren")),
              herkomst(getal_nl(g.hulpvragen), cijfer_anker("begroting-baten")),
              herkomst(euro(g.sjd_kosten), cijfer_anker("begroting-sjd")),
              herkomst(euro(g.overige_kosten), cijfer_anker("begroting-overig")), herkomst(euro(g.kosten), cijfer_anker("begroting-kosten"))]
    in_antwoord = [herkomst(euro(a.gemeente_betaalt), cijfer_anker("begroting-gemeente-betaalt")),
                   herkomst(euro(a.gemeente_krijgt), cijfer_anker("begroting-gemeente-wint")),
                   herkomst(euro(a.gemeente_saldo), cijfer_anker("begroting-gemeente-saldo"))]
    return [alinea(zin, herkomsten=in_zin), tabel_, alinea(antwoord, nadruk=True, herkomsten=in_antwoord)]


def per_betaler(b: BegrotingUitkomst) -> list[dict]:
    from kostenbaten.uitvoer.rapport.grafiek import Reeks, staven

    hulpvragen = getal_nl(b.hulpvragen)
    actoren = [a for a in b.per_actor() if a.betaalt or a.wint]
    zinnen = [
        f"{a.naam} betaalt {euro(a.betaalt)} en krijgt {euro(a.wint)} terug (saldo {euro(a.saldo)})." for a in actoren if a.betaalt
    ]
    herkomsten = [herkomst(euro(b.totaal), cijfer_anker("begroting-kosten"))]
    herkomsten += [herkomst(euro(getattr(a, wat)), cijfer_anker(f"begroting-{a.actor}-{wat}"))
                   for a in actoren if a.betaalt for wat in ("betaalt", "wint", "saldo")]
    blokken = [
        alinea(
            f"Volgens de begroting '{b.begroting.naam}' kost het spreekuur {euro(b.totaal)} in het eerste jaar, "
            f"bij {hulpvragen} hulpvragen per jaar. " + " ".join(zinnen),
            herkomsten=herkomsten[:1] + [herkomst(hulpvragen, cijfer_anker("begroting-baten"))] + herkomsten[1:],
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
                herkomsten=[herkomst(euro(b.verwachte_baten), cijfer_anker("begroting-baten")),
                            herkomst(euro(b.netto), cijfer_anker("begroting-netto")),
                            herkomst(_verhouding(b.verhouding), cijfer_anker("begroting-verhouding")),
                            *([herkomst(getal_nl(b.omslagpunt), cijfer_anker("begroting-omslagpunt"))] if b.omslagpunt is not None else [])],
            )
        )
    svg = staven(
        [a.naam for a in actoren],
        [Reeks("betaalt", [a.betaalt for a in actoren], KOSTEN), Reeks("krijgt terug", [a.wint for a in actoren], BATEN, "////")],
        f"euro per jaar bij {hulpvragen} hulpvragen",
    )
    # Op hele euro's die optellen tot het totaal (grootste resten), zoals in de tabel 'Wie betaalt en wie wint'.
    kolommen = [op_hele_euros_tot_totaal([getattr(a, k) for a in actoren]) for k in ("betaalt", "wint", "saldo")]
    bij = tabel(
        ["Wie", "Betaalt", "Krijgt terug", "Saldo", "Baten/kosten"],
        [[a.naam, *(euro(k[i]) for k in kolommen), _verhouding(a.verhouding)] for i, a in enumerate(actoren)],
        rechts=(1, 2, 3, 4),
        bijschrift=AFRONDING,
        ankers={(i, k): cijfer_anker(f"begroting-{a.actor}-{wat}") for i, a in enumerate(actoren)
                for k, wat in ((1, "betaalt"), (2, "wint"), (3, "saldo"))}
        | {(i, 4): cijfer_anker(f"begroting-{a.actor}-verhouding") for i, a in enumerate(actoren) if a.verhouding is not None},
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


def secties(b: BegrotingUitkomst, rapport) -> dict[str, Sectie]:
    """Met de KBA van `rapport` (`api.Rapport`) eerst de aansluiting van beide kostenbedragen; `eigen_casussen` is de map
    die de begroting zelf noemt als het rapport haar baten met een andere map doorrekent."""
    kba, eigen_casussen = rapport.kba, rapport.eigen_casussen
    blokken = []
    if eigen_casussen:
        blokken.append(alinea(
            f"De begroting noemt de casussen '{eigen_casussen}'; dit rapport rekent haar baten met de casussen van het rapport zelf, "
            "zodat er één KBA in staat."
        ))
    if kba is not None and b.baten is not None:
        blokken += aansluiting(sluit_aan(kba, b), b)
    return {"begroting": Sectie("Wat het kost en wie betaalt: de begroting", blokken + per_betaler(b))}
