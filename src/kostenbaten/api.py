"""De use cases achter de opdrachtregel: laden (met prijspeil), waarschuwen, een begroting en het rapport doorrekenen.

Niets hier drukt iets af of kent typer: elke functie geeft gegevens terug (een project, een uitkomst,
'Let op'-teksten), en de opdrachten in `opdrachten/` tonen of schrijven ze. Een fout in de invoer komt
als `InvoerFouten` of `Gebruiksfout`; pas `cli._grens` maakt er een melding en een afsluitcode van.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kostenbaten.fouten import Gebruiksfout


@dataclass(frozen=True)
class Geladen:
    """Een project met wat de gebruiker vóór de uitkomst moet weten ('Let op: ...', in deze volgorde)."""

    project: object
    meldingen: tuple[str, ...] = ()


def laad(pad: Path, prijspeil: int | None = None, prijsindex: list[str] | None = None) -> Geladen:
    """Een casussenmap of een variant (ook een variant op een variant), met `prijspeil` omgerekend naar dat jaar."""
    from kostenbaten.invoer.project import laad as laad_project

    if prijspeil is None:
        if prijsindex:
            raise Gebruiksfout("--prijsindex hoort bij --prijspeil: geef ook het jaar waarnaar omgerekend wordt.")
        project = laad_project(pad)
        return Geladen(project, gelezen(project))
    from kostenbaten.berekening.prijspeil import van_tarieven_en_kengetallen
    from kostenbaten.invoer.prijspeil import PER_CATEGORIE
    from kostenbaten.uitvoer.bestand import meld_invoer

    project = laad_op_prijspeil(pad, prijspeil, prijsindex)
    meldingen = list(gelezen(project))
    # --prijsindex is `per-categorie`, `BESTAND` of `categorie=BESTAND`: de bestanden zijn invoer.
    meld_invoer(*(w.split("=", 1)[-1] for w in prijsindex or () if w != PER_CATEGORIE))
    omgerekend = van_tarieven_en_kengetallen(project.indexeringen)
    if not omgerekend:
        wat = "rekent alleen de bedragen uit de casussen om" if project.indexeringen else "verandert niets"
        meldingen.append(
            f"Let op: geen tarief of kengetal heeft een 'prijspeil' (het jaar van zijn bedrag), dus --prijspeil {prijspeil} "
            f"{wat}. Zet bij elk tarief en kengetal het jaar erbij, bijvoorbeeld 'prijspeil: 2022' (zie docs/formaat.md)."
        )
    for reeks in {i.reeks for i in omgerekend.values() if i.voorbeeld}:
        meldingen.append(f"Let op: de prijsindex '{reeks}' is een voorbeeldreeks, geen echte cijfers.")
    return Geladen(project, tuple(meldingen))


def laad_op_prijspeil(pad: Path, jaar: int, prijsindex=None):
    """Laadt een casussenmap of variant en rekent haar om naar `jaar`; fouten in invoer en indexreeksen samen.

    `prijsindex` is leeg (de CPI voor alles), één bestand (die reeks voor alles), of een lijst
    met `per-categorie` en/of `categorie=BESTAND` (`invoer.prijspeil.keuze`).
    """
    from kostenbaten.invoer.prijspeil import laad_met_reeksen

    project, gekozen, reeksen = laad_met_reeksen(pad, prijsindex)
    return _omgerekend(project, jaar, gekozen, reeksen)


def naar_prijspeil(project, jaar: int, indexpad: Path | None = None):
    """Het geladen project met elk bedrag omgerekend naar `jaar` met één reeks (standaard de CPI)."""
    from kostenbaten.fouten import InvoerFouten
    from kostenbaten.invoer.prijspeil import keuze, lees_reeksen

    gekozen = keuze(indexpad)
    reeksen, fouten = lees_reeksen(gekozen)
    if fouten:
        raise InvoerFouten(fouten)
    return _omgerekend(project, jaar, gekozen, reeksen)


def _omgerekend(project, jaar: int, gekozen, gelezen_reeksen: dict):
    """Rekent om in `berekening.prijspeil` en geeft het project met de omgerekende bedragen en hun `indexeringen`.

    Een bedrag met een prijspeil dat de reeks niet kent is een fout op zijn eigen plek (`bestand:regel`).
    """
    from kostenbaten.berekening.prijspeil import reeks, reken_om
    from kostenbaten.fouten import Fout, InvoerFouten
    from kostenbaten.invoer.prijspeil import bankindex, jaarregels, standaardindex, toon
    from kostenbaten.invoer.bestand import toon_pad

    reeksen = {}
    for categorie, (pad, model, bestand) in gelezen_reeksen.items():
        getoond = toon(pad)
        omschrijving = f"de meegeleverde prijsindex ({model.naam})" if pad == standaardindex() else f"de prijsindex {getoond}"
        reeksen[categorie] = reeks(model, getoond, omschrijving, jaarregels(model, bestand))
    bank = bankindex(project.pilot) if gekozen.per_categorie else {}
    omrekening = reken_om(project.pilot, project.casussen, jaar, reeksen, gekozen.per_categorie, bank)
    if omrekening.tekorten:
        fouten = []
        for t in omrekening.tekorten:
            bestand = project.bestanden[t.waar]
            fouten.append(Fout(bestand.plek(t.sleutelpad), toon_pad(t.sleutelpad), t.tekst))
        raise InvoerFouten(fouten)
    if not omrekening.indexeringen:
        return project
    return project._replace(pilot=omrekening.pilot, casussen=omrekening.casussen, indexeringen=omrekening.indexeringen)


def gelezen(project) -> tuple[str, ...]:
    """Onthoudt de bestanden van het project (geen uitvoer mag er een van vervangen); geeft wat de map oversloeg."""
    from kostenbaten.uitvoer.bestand import meld_invoer

    if project is None:
        return ()
    bestanden = [b for b in project.bestanden.values() if b is not None]
    meld_invoer(project.map, *(b.pad for b in bestanden), *(p for b in bestanden for p in b.bronnen.values()))
    return tuple(f"Let op: {tekst}." for tekst in getattr(project, "restanten", ())) + tuple(
        f"Let op: {pad} is niet gelezen; een casussenmap leest alleen bestanden op .yaml of .yml."
        for pad in getattr(project, "overgeslagen", ())
    )


def waarschuwingen(project, trekkingen: int | None = None, waar=None) -> tuple:
    """Waar het bewijs van een casussenmap dun is; met `trekkingen` ook een te kleine Monte-Carlo-steekproef.

    `waar(casusnummer, sleutelpad)` geeft de plek van een baat in een melding; standaard `bestand:regel` van het project.
    """
    from datetime import date

    from kostenbaten.berekening.aanpassingen import over_optimisme
    from kostenbaten.berekening.waarschuwingen import Werkmapmelding, over_casussen, over_trekkingen

    return (
        tuple(Werkmapmelding(*m) for m in project.meldingen)  # wat een casussenwerkmap anders las dan getypt
        + over_casussen(project.pilot, project.casussen, _plek(waar or getattr(project, "regel", None)))
        + over_optimisme(project.pilot, date.today())
        + (over_trekkingen(trekkingen) if trekkingen is not None else ())
    )


def _plek(regel):
    """`bestand:regel` van een sleutel in een casus (met `regel`), of None als de invoer die plek niet kent."""

    def plek(nummer, sleutelpad):
        if regel is None:
            return None
        try:
            return regel(nummer, sleutelpad)
        except (KeyError, AttributeError, ValueError):
            return None

    return plek


def begrotingwaarschuwingen(bron, uitkomst) -> tuple:
    """De begrote SJD-uren per hulpvraag tegen die van haar casussen (zonder casussen: niets te vergelijken)."""
    from kostenbaten.berekening.waarschuwingen import over_begroting

    if bron.project is None:
        return ()
    return over_begroting(bron.begroting, uitkomst.sjd_uren_per_week, bron.project.casussen)


def reken_begroting(invoer, horizon: int | None = None):
    """Rekent een geladen begroting door met de KBA van haar casussen; `horizon` vervangt die uit het bestand."""
    from kostenbaten.berekening.begroting import bereken_begroting
    from kostenbaten.berekening.kba import bereken_pilot

    project = invoer.project
    kba = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen) if project is not None else None
    begroting = invoer.begroting if horizon is None else invoer.begroting.model_copy(update={"horizon": horizon})
    return bereken_begroting(begroting, kba)


# -- steekproef en uitkomsten: lezen (invoer) en rekenen (berekening) samengesteld ----------


def maak_steekproef(export: Path, koppelingpad: Path, n: int, zaad: int, namen: dict[str, str] | None = None, bron_map: str = "", blad: str | None = None):
    """De steekproef van `n` hulpvragen uit `export`, per rechtsgebied naar aandeel; fouten als `InvoerFouten`."""
    from kostenbaten.berekening.steekproef import Steekproef, SteekproefRij, Stratum, trek, verdeel
    from kostenbaten.fouten import Fout, Plek, InvoerFouten
    from kostenbaten.invoer.steekproef import haal_rijen, lees_strata

    s = lees_strata(export, koppelingpad, namen, bron_map, blad)
    aantallen = {g: len(r) for g, r in s.regels.items()}
    totaal = sum(aantallen.values())
    if n > totaal:
        raise InvoerFouten([Fout(Plek("--n", None), "", f"de export heeft {totaal} hulpvragen met een rechtsgebied; een steekproef van {n} is groter dan dat")])
    verdeling = verdeel(aantallen, n)
    posities = trek(aantallen, {g: p for g, (_, p) in verdeling.items()}, zaad)
    gekozen = [(g, s.regels[g][i]) for g in s.volgorde for i in posities[g]]
    gevonden = haal_rijen(s, {regel for _, regel in gekozen})
    rijen = tuple(SteekproefRij(nr, g, regel, *gevonden[regel]) for nr, (g, regel) in enumerate(gekozen, start=1))
    naam = (namen or {}).get
    strata = tuple(Stratum(g, naam(g) or g, aantallen[g], verdeling[g][0], verdeling[g][1]) for g in s.volgorde)
    return Steekproef(str(export), str(koppelingpad), zaad, n, totaal, s.zonder, strata, s.kop, rijen, s.registratie.blad, s.kolom["onderwerp"])


def waardeer_uitkomsten(
    project, bron: Path, koppelingpad: Path | None, kaartpad: Path, blad: str | None = None,
    prijspeil: int | None = None, prijsindex: list[str] | None = None,
):
    """Waardekaart en telling (export of tabel) samen gelezen, alle fouten tegelijk; dan de waardering.

    Met `prijspeil` is `project` al zo geladen (`laad`); hier gaan de eigen bedragen van de waardekaart mee.
    """
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.berekening.kengetallen import graden
    from kostenbaten.berekening.saldo import programmakosten
    from kostenbaten.berekening.uitkomsten import waardeer
    from kostenbaten.invoer.kengetallenbank import laad_bank
    from kostenbaten.fouten import InvoerFouten
    from kostenbaten.invoer.uitkomsten import fouten_kolommen, fouten_verwijskosten, laad_waardekaart, lees_telling, met_verwijskosten, tel_uitkomsten

    pilot = project.pilot
    namen = {k: g.naam for k, g in pilot.rechtsgebieden.items()}
    fouten: list = []
    kaart = telling = None
    try:
        kaart = laad_waardekaart(kaartpad, pilot)
    except InvoerFouten as f:
        fouten += f.fouten
    try:
        if bron.suffix.lower() in (".yaml", ".yml"):
            telling = lees_telling(bron, namen)
            if telling.doorverwezen and koppelingpad is not None:
                telling = met_verwijskosten(telling, koppelingpad, pilot)
        else:
            telling = tel_uitkomsten(bron, koppelingpad, namen, str(project.basismap), blad)
    except InvoerFouten as f:
        fouten += f.fouten
    if kaart is not None and telling is not None:
        # Een effect met een bedrag uit een kolom: die kolom moet de registratie (de koppeling) of de telling kennen.
        fouten += fouten_kolommen(kaartpad, kaart, telling.kolommen, koppelingpad if telling.bron == "registratie" else bron)
    if telling is not None:
        fouten += fouten_verwijskosten(koppelingpad, telling.verwijskosten, pilot)
    peil = None
    if prijspeil is not None and kaart is not None:
        from kostenbaten.invoer.uitkomsten import fouten_prijspeil

        peil = _prijspeil_kaart(prijspeil, prijsindex)
        fouten += fouten_prijspeil(kaartpad, kaart, peil.index, peil.reeks, prijspeil)
    if fouten:
        raise InvoerFouten(fouten)
    kosten = programmakosten(bereken_pilot(pilot, project.casussen))
    return waardeer(telling, kaart, pilot, kosten, graden(pilot, laad_bank()[0]), peil)


def _prijspeil_kaart(jaar: int, prijsindex: list[str] | None):
    """De reeks voor de eigen bedragen van een waardekaart: dezelfde keuze als `laad` (--prijsindex), bij
    omrekening per categorie de CPI (zoals voor de bedragen uit de casussen)."""
    from kostenbaten.berekening.prijspeil import indexcijfers
    from kostenbaten.berekening.uitkomsten import Prijspeil
    from kostenbaten.invoer.prijspeil import keuze, laad_prijsindex

    gekozen = keuze(prijsindex)
    reeks, _ = laad_prijsindex(gekozen.paden["cpi" if gekozen.per_categorie else "alle"])
    return Prijspeil(jaar, reeks.naam, indexcijfers(reeks), reeks.voorbeeld)


def monitor(exports: list[Path], per: str, namen: list[str], koppelingen: list[Path], kaartpad: Path | None, laad_project, voortgang,
            bladen: list[str] | None = None):
    """Inlezen (`invoer.monitor`) en tellen (`berekening.monitor`): de `MonitorUitkomst` van `kostenbaten monitor`."""
    from kostenbaten.berekening.monitor import monitor_met_kaart
    from kostenbaten.invoer.monitor import laad_exports

    gelezen, kaart, pad = laad_exports(exports, namen, koppelingen, kaartpad, laad_project, voortgang, bladen)
    return monitor_met_kaart(gelezen, per, kaart, str(pad) if pad else "")


# -- de kengetallenbank ---------------------------------------------------------

ACTIES = ("zoek", "toon", "controleer")


def kengetallen(actie: str | None, waarde: str | None, max_leeftijd: int):
    """Wat `kostenbaten kengetallen` levert: (analyse, uitkomst, context) of een `Gebruiksfout`."""
    from kostenbaten.berekening import kengetallen as bank_rekenen
    from kostenbaten.invoer.kengetallenbank import laad_bank

    bank, _ = laad_bank()
    if actie is None:
        return "kengetallen", tuple(bank.kengetallen.items()), {}
    if actie not in ACTIES:
        raise Gebruiksfout(f"kengetallen: onbekende actie '{actie}'; kies zoek WOORD, toon SLEUTEL of controleer MAP (of niets voor de hele bank).")
    if not waarde:
        wat = {"zoek": "een woord", "toon": "de sleutel van een kengetal", "controleer": "een casussenmap"}[actie]
        raise Gebruiksfout(f"kengetallen {actie}: geef {wat}, bijvoorbeeld: kostenbaten kengetallen {actie} {_voorbeeld(actie)}")
    if actie == "zoek":
        gevonden = bank_rekenen.zoek(bank, waarde)
        return "kengetallen", gevonden, {"titel": f"Kengetallen met '{waarde}'"}
    if actie == "toon":
        if waarde not in bank.kengetallen:
            from kostenbaten.fouten import bedoelt_u

            suggestie = bedoelt_u(waarde, bank.kengetallen)
            hint = f"; bedoelt u '{suggestie}'?" if suggestie else "; zoek er een met: kostenbaten kengetallen zoek WOORD"
            raise Gebruiksfout(f"kengetallen toon: de bank kent geen kengetal '{waarde}'{hint}")
        return "kengetallen", (waarde, bank.kengetallen[waarde]), {}
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.invoer.project import laad as laad_project

    project = laad_project(Path(waarde))
    uitkomst = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)
    return "kengetallen", bank_rekenen.controleer(project, bank, uitkomst.casussen, max_leeftijd), {}


def _voorbeeld(actie: str) -> str:
    return {"zoek": "ontruiming", "toon": "deurwaarder_ontruiming", "controleer": "casussen/hengelo"}[actie]


def discontovoet(opgegeven=None, uit_pilot=None):
    """De discontovoet en zijn herkomst: --disconto, anders `discontovoet` uit pilot.yaml, anders de gedateerde standaard uit de bank."""
    from kostenbaten.invoer.kengetallenbank import laad_bank
    from kostenbaten.notatie import datum, getal_nl

    bank, _ = laad_bank()
    d = bank.parameters.discontovoet
    standaard = (
        f"standaarddiscontovoet {getal_nl(d.procent, 2)}%, geldig sinds {datum(d.geldig_vanaf)}; "
        f"bron: {d.bron.titel}, {d.bron.uitgever}, {d.bron.jaar}"
    )
    if opgegeven is not None:
        return opgegeven, f"opgegeven met --disconto; de {standaard}"
    if uit_pilot is not None:
        return uit_pilot, f"uit 'discontovoet' in pilot.yaml; de {standaard}"
    return d.procent, standaard


@dataclass(frozen=True)
class Rapport:
    """Alles wat het rapport toont, met naam: de uitkomst van elke analyse en wat de secties erbij moeten weten.

    Elke sectie (`uitvoer/rapport/<analyse>.py`) krijgt haar eigen uitkomst en dit geheel, en leest daaruit de velden die
    ze nodig heeft; er is één KBA (`kba`), die van het eerste project. Een analyse die niet gerekend is, is None.
    """

    kba: object  # berekening.kba.PilotUitkomst
    actoren: object  # berekening.actoren.ActorenUitkomst
    kengetallen: object  # berekening.kengetallen.BankControle: op welke kwaliteitsgraad de baten rusten
    gevoeligheid: object  # berekening.gevoeligheid.Gevoeligheid
    waarschuwingen: tuple  # berekening.waarschuwingen.Waarschuwing, met hun plek al als bestand:regel
    uitleg: tuple  # berekening.uitleg.Uitleg per cijfer, met bestand:regel relatief aan de casussenmap
    controle: tuple  # berekening.controle.Controle: de gepubliceerde cijfers nagerekend (leeg bij een variant)
    trekkingen: int
    zaad: int
    bandbreedtes: bool  # de invoer heeft een bereik of een kans van slagen: dan is `onzekerheid` gerekend
    met_gepubliceerd: bool  # onwaar voor een variant: de gepubliceerde cijfers horen bij de casussenmap eronder
    onzekerheid: object = None  # berekening.onzekerheid.OnzekerheidUitkomst, alleen met `bandbreedtes`
    begroting: object = None  # berekening.begroting.BegrotingUitkomst, met --begroting
    vergelijking: tuple | None = None  # berekening.vergelijking.Kolom per project, met --vergelijk
    bibliotheek: str | None = None  # bij een variant de naam van de pilot eronder
    eigen_casussen: str | None = None  # de casussenmap die de begroting zelf noemt, als die er een noemt
    getelde_uitkomsten: object = None  # berekening.uitkomsten: de getelde uitkomsten naast de casussen (analyse `uitkomsten`)

    # De analyses in de volgorde waarin hun secties op een gedeelde plek komen (zie uitvoer/rapport/document.py).
    VOLGORDE = ("kba", "onzekerheid", "actoren", "kengetallen", "begroting", "gevoeligheid", "vergelijking",
                "waarschuwingen", "uitleg", "controle", "uitkomsten")
    VELD = {"uitkomsten": "getelde_uitkomsten"}  # een analyse waarvan het veld anders heet (`uitkomsten` is het geheel hieronder)

    @property
    def pilot(self):
        return self.kba.pilot

    @property
    def met_begroting(self) -> bool:
        return self.begroting is not None

    @property
    def uitkomsten(self) -> dict:
        """De gerekende analyses op volgorde, onder hun naam in het register."""
        gerekend = {a: getattr(self, self.VELD.get(a, a)) for a in self.VOLGORDE}
        return {a: u for a, u in gerekend.items() if u is not None}


def rapport(
    projecten: list,
    begroting: tuple | None = None,
    trekkingen: int = 100_000,
    zaad: int = 1,
    bibliotheek: str | None = None,
    waardering=None,
) -> Rapport:
    """Rekent elke analyse van het rapport door voor `projecten[0]`, met de rest ernaast (`--vergelijk`).

    Elk project wordt één keer doorgerekend (en gesimuleerd als het onzeker is): de vergelijking hergebruikt de KBA
    en de Monte-Carlo van het eerste project. `begroting` is (geladen begroting, haar uitkomst), gerekend met de
    casussen van het rapport zelf; `bibliotheek` is bij een variant de naam van de pilot eronder; `waardering` de
    getelde uitkomsten (`waardeer_uitkomsten`), die naast de casussen op de voorkant komen.
    """
    from kostenbaten.berekening.actoren import verdeel_over_actoren
    from kostenbaten.berekening.controle import controleer as controleer_cijfers
    from kostenbaten.berekening.gevoeligheid import gevoeligheid as varieer
    from kostenbaten.berekening.kba import bereken_pilot
    from kostenbaten.berekening.kengetallen import controleer as controleer_bank
    from kostenbaten.berekening.onzekerheid import is_onzeker  # zonder numpy
    from kostenbaten.invoer.kengetallenbank import laad_bank

    project = projecten[0]
    # Zonder bereik of kans van slagen is elke trekking gelijk: dan geen Monte-Carlo en geen interval in de kernzin.
    bandbreedtes = is_onzeker(project.pilot, project.casussen)
    kba = bereken_pilot(project.pilot, project.casussen, indexeringen=project.indexeringen)
    # Met een begroting rust het maatschappelijk saldo op haar kosten, tenzij een registratie uren per hulpvraag geeft:
    # in de verdelingstabel, de omslagpunten, de Monte-Carlo en elke kolom van de vergelijking.
    kosten = begroting[1] if begroting is not None else None
    onzekerheid = None
    if bandbreedtes:
        from kostenbaten.berekening.onzekerheid import simuleer

        onzekerheid = simuleer(project.pilot, project.casussen, trekkingen, zaad, begroting=kosten)
    actoren = verdeel_over_actoren(kba, begroting=kosten)
    gevoeligheid = varieer(project.pilot, project.casussen, begroting=kosten)
    vergelijking = None
    if len(projecten) > 1:
        from kostenbaten.berekening.vergelijking import Kolom, vergelijk as reken_vergelijking

        eerste = Kolom(project.map, kba, onzekerheid, actoren)
        vergelijking = (eerste, *reken_vergelijking(projecten[1:], trekkingen, zaad, kosten))
    lijst = waarschuwingen(project, trekkingen if bandbreedtes else None, zonder_eigen_mappen(project))  # geen eigen mappen in een openbaar rapport
    if begroting is not None:
        lijst += begrotingwaarschuwingen(*begroting)
    naast = None
    if waardering is not None:  # als laatste: zo komt de tweede methode ná het saldo van de casussen
        from kostenbaten.berekening.uitkomsten import naast_casussen

        naast = naast_casussen(waardering, actoren.maatschappelijk, len(kba.casussen))
    kengetallen = controleer_bank(project, laad_bank()[0], kba.casussen)
    return Rapport(
        kba=kba,
        actoren=actoren,
        kengetallen=kengetallen,
        gevoeligheid=gevoeligheid,
        waarschuwingen=lijst,
        uitleg=rekenbomen(kba, actoren, gevoeligheid, zonder_eigen_mappen(project), begroting, kengetallen, onzekerheid, naast),
        # De gepubliceerde cijfers horen bij de casussenmap zelf, niet bij een variant erop.
        controle=() if project.is_variant else tuple(controleer_cijfers(kba)),
        trekkingen=trekkingen,
        zaad=zaad,
        bandbreedtes=bandbreedtes,
        met_gepubliceerd=not project.is_variant,
        onzekerheid=onzekerheid,
        begroting=begroting[1] if begroting is not None else None,
        vergelijking=vergelijking,
        bibliotheek=bibliotheek if project.is_variant else None,
        eigen_casussen=begroting[0].eigen_casussen if begroting is not None else None,
        getelde_uitkomsten=naast,
    )


def rekenbomen(kba, actoren, gevoeligheid, waar, begroting: tuple | None = None, kengetallen=None, onzekerheid=None,
               getelde_uitkomsten=None) -> tuple:
    """De rekenbomen van de bijlage: de twee totalen, dan elk cijfer op de voorkant (de verdeling over de groepen, kosten
    en baten, per actor, de verdelingstabel, de balken van de tornado, de begroting, waar de baten op rusten per
    kwaliteitsgraad), elk tot de invoerregels (`waar`: bestand:regel)."""
    from kostenbaten.berekening import rekenbomen as bomen
    from kostenbaten.berekening.uitleg import uitleg as leg_uit
    from kostenbaten.uitvoer.rapport.gevoeligheid import AANTAL, gekozen_omslagpunten

    uit = [leg_uit(kba, cijfer, waar) for cijfer in ("rapport", "gewogen")]
    uit += bomen.gemiddelde(kba, waar) + bomen.tweedeling(kba, waar) + bomen.kosten_baten(kba, waar) + bomen.per_actor(kba, actoren, waar)
    if actoren.maatschappelijk is not None:
        uit += bomen.verdeling(kba, actoren.maatschappelijk, waar)
    uit += bomen.tornado(gevoeligheid, waar, AANTAL) + bomen.omslagpunten(gevoeligheid, gekozen_omslagpunten(gevoeligheid), waar)
    if begroting is not None:
        uit += bomen.begroting(begroting[1], kba, waar, begrotingsplek(begroting[0].pad))
    if kengetallen is not None and kengetallen.totaal_baten:
        uit += bomen.graden(kba, kengetallen, waar)
    if onzekerheid is not None:
        uit += bomen.onzekerheid(onzekerheid, waar)
    if getelde_uitkomsten is not None:
        uit += bomen.uitkomsten(getelde_uitkomsten)
    return tuple(uit)


def begrotingsplek(pad: Path):
    """De plek van een kostenregel in het begrotingsbestand: `begroting.yaml:12`, in een werkmap het soort en nummer."""
    bestand = None
    if pad.suffix.lower() in (".yaml", ".yml"):
        from kostenbaten.invoer.yamlbestand import lees_yaml

        bestand, _ = lees_yaml(pad)

    def plek(soort: str, index: int) -> str:
        if bestand is not None:
            return f"{pad.name}:{bestand.plek((soort, index)).regel}"
        return f"{pad.name}, {soort} nr. {index + 1}"

    return plek


def zonder_eigen_mappen(project):
    """`bestand:regel` voor een openbaar rapport: relatief aan de casussenmap (`casus-1.yaml:12`), anders alleen de naam."""
    from kostenbaten.model.bestandsnamen import openbare_plek

    def regel(wie, sleutelpad=()):
        return openbare_plek(project.regel(wie, sleutelpad), project.basismap)

    return regel
