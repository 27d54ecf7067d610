"""Leesbare namen voor sleutels uit de rekenkern, voor elke uitvoer gelijk (zonder rich of openpyxl)."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.rekensom import EXACT, GETAL, Getal
from kostenbaten.geld import HONDERD, deel
from kostenbaten.notatie import euro, getal, getal_exact, getal_nl, met_eenheid, procent


DELEN_NAMEN = {"totaal": "Totaal", "client": "Cliënt", "overheid": "Overheid", "overig": "Overig"}


METHODE_NAMEN = {"rapport": "rapport (vlak gemiddelde)", "gewogen": "gewogen (per rechtsgebied)"}


# De route van de kosten van het hele programma (`berekening.saldo.Programmakosten.route`).
KOSTENROUTE_NAMEN = {
    "registratie": "geregistreerde uren x tarieven",
    "begroting": "de begroting",
    "casussen": "gemiddelde kosten van een casus x alle hulpvragen",
}


# De gepubliceerde cijfers van een pilot, zoals ze in tekst heten.
CIJFER_NAMEN = {
    "gemiddelde_netto": "gemiddelde netto per casus",
    "gedekt": "gedekte hulpvragen",
    "totaal": "totaal",
    "aandeel_client": "aandeel cliënt",
    "aandeel_overheid": "aandeel overheid",
    "client": "cliënt",
    "overheid": "overheid",
    "overig": "overige partijen",
}


def rekensom_tekst(r) -> str:
    """Een uitgewerkte som uit de rekenkern als één regel: `2 uur x € 80 per uur = 160`.

    Een bedrag direct na `€ ` dat geen geheel getal is, staat op centen: `€ 92,50 per uur`, niet `€ 92,5`.
    """
    delen, vorige = [], ""
    for d in r.delen:
        vorige = _deel_tekst(d, vorige.endswith("€ "))
        delen.append(vorige)
    return "".join(delen)


def _deel_tekst(d, bedrag: bool = False) -> str:
    if not isinstance(d, Getal):
        return str(d)
    if d.notatie == EXACT and bedrag and d.waarde != d.waarde.to_integral_value():
        return getal_nl(d.waarde, max(2, -d.waarde.normalize().as_tuple().exponent))
    if d.notatie == EXACT:
        return getal_exact(d.waarde)
    if d.notatie == GETAL:
        return getal(d.waarde)
    return getal_nl(d.waarde, d.decimalen)


# Een begroting die binnen haar horizon niet terugverdiend wordt (terugverdienjaar None).
NIET_BINNEN_HORIZON = "niet binnen de horizon"


def terugverdiend_tekst(jaar: int | None, kort: bool = False) -> str:
    """`jaar 2` of `niet binnen de horizon`: het jaar waarin het cumulatieve contante saldo positief wordt.

    `kort` is voor een smalle tabelkolom: `niet` (het onderschrift van de tabel zegt dan wat dat betekent).
    """
    if jaar is None:
        return "niet" if kort else NIET_BINNEN_HORIZON
    return f"jaar {jaar}"


def groep_naam(groep: str) -> str:
    """De groep of actor `client` (sleutel zonder trema) zoals hij in tekst heet: cliënt."""
    return "cliënt" if groep == "client" else groep


def groep_label(groep: str) -> str:
    """Een regel van het saldo per groep in de verdelingstabel; de onbekende betaler is geen groep van de casussen."""
    return "onbekende betaler (geen groep)" if groep == "onbekend" else f"groep {groep_naam(groep)}"


def interval_tekst(v) -> str:
    """`€ 334 tot € 137.052`: het 90%-interval (P5 tot P95) van een verdeling."""
    return f"{euro(v.percentielen[5])} tot {euro(v.percentielen[95])}"


def omslagpunt_tekst(o, eenheid: str) -> str:
    """Het omslagpunt in woorden, in de eenheid van de invoer: `bij 41,18 uur (+243,2% t.o.v. nu)`."""
    if o.soort == "vlak":
        return "geen: het totaal hangt niet van deze invoer af"
    if o.soort == "evenredig":
        return "geen: het totaal is evenredig hiermee en alleen nul bij 0"
    if o.soort in ("onder_minimum", "boven_maximum"):
        grens = "onder het minimum" if o.soort == "onder_minimum" else "boven het maximum"
        return f"geen: nul pas bij {met_eenheid(o.wiskundig, eenheid)}, {grens} {met_eenheid(o.grens, eenheid)}"
    tekst = f"bij {met_eenheid(o.waarde, eenheid)}"
    if o.verandering is not None:
        tekst += f" ({'+' if o.verandering > 0 else ''}{getal_nl(o.verandering, 1)}% t.o.v. nu)"
    return tekst


def verdeling_tekst(o) -> str:
    """Het bereik van een onzekere invoer: `driehoek: min 270, top 300, max 330` of een 90%-interval."""
    t = getal_exact
    if o.min is not None:
        return f"driehoek: min {t(o.min)}, top {t(o.waarde)}, max {t(o.max)}"
    laag, hoog = o.interval_90
    return f"90%-interval {t(laag)} tot {t(hoog)}, mediaan {t(o.waarde)}"


def evppi_verdeling(i) -> str:
    """Wat er onzeker is aan een invoer van de waarde van informatie: zijn bereik, de kans dat een casus slaagt, of de combinaties."""
    if i.soort == "samen":
        return f"{2 ** len(i.onzeker)} combinaties"
    if i.soort == "kans":
        return "slaagt met een getrokken kans" if i.onzeker.heeft_bereik else f"slaagt met kans {getal_exact(i.onzeker.waarde)}"
    return verdeling_tekst(i.onzeker)


# -- de begroting in zinnen: dezelfde in de terminal en in het rapport -----------------


def gemeente_zin(u) -> str:
    """Het antwoord op de vraag van de gemeente in één zin."""
    g = u.van_actor("gemeente")
    zin = f"De gemeente betaalt {euro(g.betaalt)} en krijgt {euro(g.wint)} terug: saldo {euro(g.saldo)}"
    if g.omslagpunt is None:
        return zin + "."
    return zin + f"; haar eigen kosten zijn terugverdiend vanaf {getal_nl(g.omslagpunt)} hulpvragen per jaar."


def meerjarig_titel(u) -> str:
    m = u.meerjarig
    index = f", structurele kosten geïndexeerd met {getal_exact(m.indexatie)}% per jaar" if m.indexatie else ""
    from kostenbaten.berekening.meerjarig import STANDAARD_DISCONTO

    # De standaard noemt zijn jaargang (de gedateerde parameter staat in de kengetallenbank: kostenbaten kengetallen).
    jaargang = " (de MKBA-standaarddiscontovoet, geldig sinds 1 januari 2021)" if m.disconto == STANDAARD_DISCONTO else ""
    return f"Over {m.horizon} jaar, contant tegen {getal_exact(m.disconto)}% per jaar{jaargang}{index}"


def meerjarig_zin(u) -> str:
    """Het antwoord van de gemeente over de hele horizon in één zin."""
    m = u.meerjarig
    g = m.van_actor("gemeente")
    return (
        f"Over {m.horizon} jaar (contant) betaalt de gemeente {euro(g.contante_kosten)} en krijgt zij {euro(g.contante_baten)} "
        f"terug: netto {euro(g.netto_contante_waarde)}, terugverdiend: {terugverdiend_tekst(g.terugverdienjaar)}. "
        f"Alle actoren samen: netto {euro(m.totaal.netto_contante_waarde)}, terugverdiend: {terugverdiend_tekst(m.totaal.terugverdienjaar)}."
    )


def tweedeling_tekst(e, pub: dict | None = None) -> str:
    """De verdeling van een extrapolatie over de groepen: '68% voor de cliënt en 32% voor de overheid'.

    Met de gepubliceerde procenten als die er zijn (`pub`, alleen bij de methode van het rapport),
    anders berekend; in euro als een deel of het totaal niet positief is (dan zeggen procenten niets).
    De overige partijen (woningcorporatie, schuldeiser, ...) staan er alleen bij als zij iets krijgen of betalen.
    """
    delen = [f"{cijfer} voor {GROEP_IN_ZIN[groep]}" for groep, cijfer in tweedeling_cijfers(e, pub)]
    return ", ".join(delen[:-1]) + " en " + delen[-1]


GROEP_IN_ZIN = {"client": "de cliënt", "overheid": "de overheid", "overig": "de overige partijen"}


def tweedeling_cijfers(e, pub: dict | None = None) -> list[tuple[str, str]]:
    """De cijfers van `tweedeling_tekst` per groep, zoals ze er staan: [("client", "68%"), ("overheid", "32%")],
    of in euro (`euro(e.client)`) als procenten niets zeggen."""
    overig = getattr(e, "overig", 0)
    if not (e.totaal > 0 and e.client >= 0 and e.overheid >= 0 and overig >= 0):
        uit = [("client", euro(e.client)), ("overheid", euro(e.overheid))]
        return uit + ([("overig", euro(overig))] if overig else [])
    if pub and "aandeel_client" in pub and not overig:
        return [("client", procent(pub["aandeel_client"].waarde)), ("overheid", procent(pub["aandeel_overheid"].waarde))]
    client = deel(e.client * HONDERD, e.totaal)
    if overig:
        overheid = deel(e.overheid * HONDERD, e.totaal)
        return [("client", procent(client)), ("overheid", procent(overheid)), ("overig", procent(HONDERD - client - overheid))]
    return [("client", procent(client)), ("overheid", procent(HONDERD - client))]


def prijspeil_tekst(pilot, omgerekend) -> tuple[str, bool] | None:
    """Met --prijspeil: in welke prijzen de bedragen staan, welke bedragen met welke reeks zijn omgerekend,
    welk prijspeil is aangenomen, en of een reeks een voorbeeld is. `omgerekend` is `PilotUitkomst.omrekeningen`."""
    if not omgerekend:
        return None
    naar = next(iter(omgerekend.values())).naar
    soorten = {"tarieven": "tarieven", "kengetallen": "kengetallen", "casus": "bedragen uit de casussen"}
    per_reeks: dict[str, dict[str, int]] = {}
    bronnen: dict[str, str] = {}
    for plek, i in omgerekend.items():
        soort = "casus" if plek.startswith("casus-") else plek.split(".")[0]
        per_reeks.setdefault(i.reeks, {}).setdefault(soort, 0)
        per_reeks[i.reeks][soort] += 1
        bronnen[i.reeks] = i.bron
    delen = []
    for reeks, telling in per_reeks.items():
        wat = " en ".join(f"{aantal} {soorten[s]}" for s, aantal in telling.items())
        delen.append(f"{wat} met de reeks {reeks}")
    zonder = [f"{blok}.{naam}" for blok in ("tarieven", "kengetallen") for naam, o in getattr(pilot, blok).items() if o.prijspeil is None]
    if zonder:
        tekst = (
            f"Niet alle bedragen staan in prijzen van {naar}: {len(zonder)} tarieven en kengetallen hebben geen prijspeil en staan "
            f"zoals ingevoerd ({', '.join(zonder)}). Naar {naar} omgerekend zijn " + "; ".join(delen) + "."
        )
    else:
        tekst = f"Alle bedragen staan in prijzen van {naar}: omgerekend zijn " + "; ".join(delen) + "."
    aangenomen = sorted({i.van for i in omgerekend.values() if i.aanname})
    if aangenomen:
        aantal = sum(1 for i in omgerekend.values() if i.aanname)
        tekst += (
            f" Aanname: {aantal} bedragen uit de casussen noemen geen prijspeil; voor hen is "
            + ", ".join(map(str, aangenomen))
            + " genomen, het jaar waarin de pilot eindigt."
        )
    terugval = sum(1 for i in omgerekend.values() if i.terugval)
    if terugval:
        tekst += f" {terugval} bedragen met een eigen indexering hebben geen eigen reeks gekregen en zijn met de CPI omgerekend."
    tekst += " Bron van " + ("de reeks: " if len(bronnen) == 1 else "de reeksen: ") + "; ".join(bronnen.values()) + "."
    voorbeeld = any(i.voorbeeld for i in omgerekend.values())
    if voorbeeld:
        tekst += " Let op: " + ("die reeks is" if len(bronnen) == 1 else "een van die reeksen is") + " een voorbeeld, geen echte cijfers."
    return tekst, voorbeeld


# -- onzekerheid in zinnen: dezelfde in de terminal, de werkmap en het rapport ----------------


def centrum_zin(u, methode: str = "rapport") -> str:
    """De centrale schatting (verwachte waarde) met de waarde bij de meest waarschijnlijke invoer ernaast."""
    v = u.extrapolaties[methode]["totaal"]
    hoe = "exact berekend" if u.centrum.exact else "gemiddelde van de trekkingen"
    return (
        f"Verwachte waarde van het totaal, methode {METHODE_NAMEN[methode]}: {euro(v.verwacht)} ({hoe}); "
        f"bij de meest waarschijnlijke invoer: {euro(v.berekend)}."
    )


def steekproef_zinnen(s) -> list[str]:
    """Wat weinig casussen betekenen: het t-interval en de bootstrap, en waar een rechtsgebied te weinig casussen heeft."""
    if s.t_interval is None:
        return ["Met één casus is er geen spreiding tussen casussen te meten: de steekproefonzekerheid is onbekend, niet nul."]
    laag, hoog = s.t_interval
    zinnen = [
        f"{s.aantal} casussen met een standaardafwijking van {euro(s.standaardafwijking)}: het gemiddelde netto per casus "
        f"({euro(s.gemiddelde, 2)}) ligt met 90% betrouwbaarheid tussen {euro(laag)} en {euro(hoog)} "
        f"(t-verdeling, {s.aantal - 1} vrijheidsgraden, t = {getal_exact(s.t_waarde)}).",
        f"Bootstrap ({getal_nl(Decimal(s.trekkingen))} trekkingen, zaad {s.zaad}): P5 tot P95 van het gemiddelde "
        f"{euro(s.gemiddelde_bootstrap[5])} tot {euro(s.gemiddelde_bootstrap[95])}.",
    ]
    weinig = [g for g in s.gebieden if g.te_weinig]
    if weinig:
        zinnen.append(
            "Gewogen methode: " + ", ".join(f"{g.naam} ({g.casussen} casus)" for g in weinig)
            + (" heeft" if len(weinig) == 1 else " hebben") + " te weinig casussen voor spreiding; de bootstrap telt daar "
            "geen steekproefonzekerheid."
        )
    twee = [g for g in s.gebieden if g.casussen == 2]
    if twee:
        zinnen.append(
            "Gewogen methode: " + ", ".join(g.naam for g in twee)
            + (" heeft" if len(twee) == 1 else " hebben") + " twee casussen; de bootstrap binnen zo'n rechtsgebied kent maar "
            "drie gemiddelden en is een ruwe maat."
        )
    return zinnen


def spreiding_zin(u) -> str:
    """De spreiding van het totaal over de kleine steekproef, de parameters en de uitkomsten per hulpvraag."""
    delen = "; ".join(
        f"{methode} {procent(d['steekproef'] * HONDERD)} uit de kleine steekproef van casussen, "
        f"{procent(d['parameters'] * HONDERD)} uit de parameters en {procent(d['uitkomsten'] * HONDERD)} uit de "
        "uitkomsten per hulpvraag"
        for methode, d in u.spreiding.items()
    )
    return (
        f"Spreiding (variantie) van het totaal, opgeteld alsof de drie bronnen onafhankelijk zijn: {delen}. "
        "Of één cliënt slaagt, is variatie tussen personen: onderzoek neemt die niet weg; de waarde van informatie "
        "gaat daarom over de parameters en, apart, over de steekproef."
    )
