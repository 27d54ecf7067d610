"""`uitkomsten`: de waardekaart, en de getelde uitkomsten uit een registratie of uit een tabel met aantallen.

Een registratie met uitkomsten heeft een kolom met per hulpvraag nul, één of meer
uitkomstcodes (gescheiden door ; of ,), in de koppeling genoemd als
`kolommen.uitkomsten`. Een hulpvraag telt zoals bij `registratie` (zie
`invoer.steekproef.doorloop`); met een kolom `id` tellen de codes van alle regels
van één hulpvraag samen, elke code één keer. Wie geen regels per hulpvraag heeft,
geeft een tabel met aantallen (YAML, `Uitkomstentelling`).

Deze module leest alleen; `api.waardeer_uitkomsten` legt telling en waardekaart samen
en laat `berekening.uitkomsten` rekenen.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kostenbaten.fouten import Fout, Plek, InvoerFouten
from kostenbaten.invoer import registratie as reg
from kostenbaten.invoer.casussen import _onbekend
from kostenbaten.invoer.steekproef import doorloop
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.yamlbestand import lees_yaml
from kostenbaten.model.registratie import sleutel_onderwerp
from kostenbaten.model.uitkomsten import ZONDER_RECHTSGEBIED, Telling, Uitkomstentelling, Waardekaart
from kostenbaten.tekens import zichtbaar

WAARDEKAART = "registratie/uitkomsten.yaml"  # in de casussenmap, naast koppeling.yaml en monitor.yaml
_SCHEIDING = re.compile(r"[;,]")
# Een bedrag zoals mensen het typen: 1250, 1250,50, 1.250,50, 1250.50 of 1,250.50, met of zonder euroteken.
_DUIZENDTALLEN_PUNT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$", re.ASCII)
_DUIZENDTALLEN_KOMMA = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$", re.ASCII)
_BEDRAG = re.compile(r"^\d{1,12}(?:[.,]\d{1,2})?$", re.ASCII)


def lees_bedrag(waarde) -> Decimal | None:
    """Een bedrag in euro uit een cel (niet negatief, hoogstens centen), of None als het er geen is.

    Een punt met drie cijfers erachter is een scheiding van duizendtallen (1.250 is twaalfhonderdvijftig),
    zoals in Nederland geschreven; een komma of punt met één of twee cijfers erachter is de decimaal.
    """
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, int):
        return Decimal(waarde) if waarde >= 0 else None
    if isinstance(waarde, float):
        waarde = repr(waarde)
        waarde = waarde[:-2] if waarde.endswith(".0") else waarde
    tekst = str(waarde).replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if _DUIZENDTALLEN_PUNT.match(tekst):
        tekst = tekst.replace(".", "").replace(",", ".")
    elif _DUIZENDTALLEN_KOMMA.match(tekst):
        tekst = tekst.replace(",", "")
    elif _BEDRAG.match(tekst):
        tekst = tekst.replace(",", ".")
    else:
        return None
    try:
        return Decimal(tekst)
    except InvalidOperation:
        return None


def laad_waardekaart(pad: Path, pilot) -> Waardekaart:
    """De waardekaart, met elk kengetal en elke actor gecontroleerd tegen pilot.yaml; fouten als `InvoerFouten`."""
    if not pad.is_file():
        raise InvoerFouten([Fout(Plek(str(pad)), "", "waardekaart niet gevonden; zet de waardekaart als registratie/uitkomsten.yaml in de casussenmap of geef --kaart (zie docs/uitkomsten.md)")])
    bestand, fouten = lees_yaml(pad)
    kaart = None
    if not fouten:
        kaart, fouten = valideer(Waardekaart, bestand)
    if kaart is None or fouten:
        raise InvoerFouten(fouten)
    actoren = pilot.alle_actoren
    for code, uitkomst in kaart.uitkomsten.items():
        for i, effect in enumerate(uitkomst.effecten):
            plek = ("uitkomsten", code, "effecten", i)
            if effect.kengetal is not None:
                k = pilot.kengetallen.get(effect.kengetal)
                if k is None:
                    fouten.append(bestand.fout((*plek, "kengetal"), _onbekend("kengetal", effect.kengetal, list(pilot.kengetallen))))
                elif k.soort == "breder_economisch":
                    fouten.append(bestand.fout((*plek, "kengetal"), "een breder economisch effect telt niet in het saldo; kies een kengetal voor middelen of een overdracht"))
            for veld in ("actor", "van"):
                naam = getattr(effect, veld)
                if naam is not None and naam not in actoren:
                    fouten.append(bestand.fout((*plek, veld), _onbekend("actor", naam, list(actoren))))
    if fouten:
        raise InvoerFouten(fouten)
    return kaart


def lees_telling(pad: Path, rechtsgebieden) -> Telling:
    """Een tabel met getelde uitkomsten (YAML); elk rechtsgebied moet in pilot.yaml staan."""
    bestand, fouten = lees_yaml(pad)
    telling = None
    if not fouten:
        telling, fouten = valideer(Uitkomstentelling, bestand)
    if telling is not None:
        fouten = [
            bestand.fout((blok, g), _onbekend("rechtsgebied", g, list(rechtsgebieden)))
            for blok in ("tellingen", "doorverwezen") for g in getattr(telling, blok) if g not in rechtsgebieden and g != ZONDER_RECHTSGEBIED
        ]
        for g, codes in telling.bedragen.items():
            for code in codes:
                if code not in telling.tellingen.get(g, {}):
                    fouten.append(bestand.fout(("bedragen", g, code), f"bedragen voor '{code}' bij {g}, maar tellingen noemt die uitkomst daar niet; zet het aantal erbij onder tellingen"))
    if telling is None or fouten:
        raise InvoerFouten(fouten)
    kolommen = tuple(dict.fromkeys(k for codes in telling.bedragen.values() for bedragen in codes.values() for k in bedragen))
    return Telling(
        "telling", str(pad), telling.hulpvragen, telling.met_uitkomst, {g: dict(c) for g, c in telling.tellingen.items()},
        {g: {c: dict(b) for c, b in codes.items()} for g, codes in telling.bedragen.items()}, {}, kolommen,
        {g: dict(o) for g, o in telling.doorverwezen.items()},
    )


def met_verwijskosten(telling: Telling, koppelingpad: Path, pilot) -> Telling:
    """Een telling uit een tabel met doorverwezen hulpvragen: de kosten per organisatie uit de koppeling erbij.

    De organisaties van de tabel heten zoals in de koppeling (hoofdletters tellen niet); een organisatie
    die de koppeling niet noemt, heeft geen kosten.
    """
    koppeling, fouten = reg.laad_koppeling(koppelingpad, {k: g.naam for k, g in pilot.rechtsgebieden.items()}, "")
    if koppeling is None or fouten:
        raise InvoerFouten(fouten)
    namen = {sleutel_onderwerp(o): o for o in koppeling.doorverwijzingen}
    doorverwezen: dict[str, dict[str, int]] = {}
    for g, per_org in telling.doorverwezen.items():
        for org, n in per_org.items():
            eigen = namen.get(sleutel_onderwerp(org))
            if eigen is not None:
                doorverwezen.setdefault(g, {})[eigen] = doorverwezen.get(g, {}).get(eigen, 0) + n
    return telling._replace(doorverwezen=doorverwezen, verwijskosten={o: v.kengetal for o, v in koppeling.doorverwijzingen.items()})


def fouten_verwijskosten(koppelingpad: Path, verwijskosten: dict[str, str], pilot) -> list[Fout]:
    """Een doorverwijzing in de koppeling met een kengetal dat pilot.yaml niet kent, of dat geen besparing van middelen is."""
    if not verwijskosten:
        return []
    bestand, fouten = lees_yaml(koppelingpad)
    if fouten:
        return fouten
    for org, sleutel in verwijskosten.items():
        k = pilot.kengetallen.get(sleutel)
        plek = ("doorverwijzingen", org, "kengetal")
        if k is None:
            fouten.append(bestand.fout(plek, _onbekend("kengetal", sleutel, list(pilot.kengetallen))))
        elif k.soort != "middelen":
            fouten.append(bestand.fout(plek, f"kengetal '{sleutel}' is een {k.soort.replace('_', ' ')}; de kosten van een doorverwijzing "
                                             "zijn middelen die iemand uitgeeft: kies een kengetal met soort middelen"))
    return fouten


def tel_uitkomsten(export: Path, koppelingpad: Path, namen: dict[str, str], bron_map: str = "", blad: str | None = None) -> Telling:
    """De uitkomstcodes per rechtsgebied uit een export; een onderwerp dat de koppeling niet kent, telt onder ZONDER_RECHTSGEBIED."""
    _, koppeling = reg.laad_registratie(export, koppelingpad, namen, bron_map, blad)
    if koppeling.kolommen.uitkomsten is None:
        raise InvoerFouten([Fout(Plek(str(koppelingpad)), "kolommen.uitkomsten", "de koppeling noemt geen kolom met uitkomstcodes; zet bij kolommen 'uitkomsten: <kolomnaam>'")])
    bron, fout = reg._open(export, blad)
    if fout:
        raise InvoerFouten([fout])
    kolom, _, fouten = reg._kolommen(str(export), bron.kop, koppeling, koppelingpad, bron.plek)
    koppen = {" ".join(str(k or "").split()).casefold(): i for i, k in enumerate(bron.kop)}
    gezocht = " ".join(koppeling.kolommen.uitkomsten.split()).casefold()
    if gezocht not in koppen:
        fouten.append(Fout(Plek(str(export), 1), "", f"kolom '{koppeling.kolommen.uitkomsten}' (uitkomsten) ontbreekt; zet de juiste kolomnaam bij kolommen.uitkomsten in {koppelingpad}"))
    if fouten:
        raise InvoerFouten(fouten)
    bedragkolommen = {}  # naam van het bedrag -> kolom in de export
    for naam_, kop in koppeling.kolommen.bedragen.items():
        sleutel = " ".join(kop.split()).casefold()
        if sleutel in koppen:
            bedragkolommen[naam_] = koppen[sleutel]
        else:
            fouten.append(Fout(Plek(str(export), 1), "", f"kolom '{kop}' (bedrag {naam_}) ontbreekt; zet de juiste kolomnaam bij kolommen.bedragen.{naam_} in {koppelingpad}"))
    if fouten:
        raise InvoerFouten(fouten)
    ui = koppen[gezocht]
    tabel = koppeling.opzoektabel()
    # Een doorverwijzing met kosten in de koppeling: de organisatie uit doorverwezen_naar, of de naam in de kolom doorverwezen.
    verwijzingen = {sleutel_onderwerp(o): o for o in koppeling.doorverwijzingen}
    naar_kolom = kolom.get("doorverwezen_naar", kolom.get("doorverwezen")) if verwijzingen else None
    doorverwezen: dict[str, dict[str, int]] = {}
    per_vraag: dict = {}  # (id of regel) -> (rechtsgebied, set van codes, {bedrag: Decimal})
    nodig = {**kolom, "uitkomsten": ui, **{f"bedrag {n}": k for n, k in bedragkolommen.items()}}
    verwezen: set = set()  # hulpvragen waarvan de doorverwijzing al geteld is
    for regel, _, onderwerp, nummer, rij in doorloop(bron, nodig, len(bron.kop)):
        gebied = tabel.get(sleutel_onderwerp(onderwerp), ZONDER_RECHTSGEBIED)
        if naar_kolom is not None:
            organisatie = verwijzingen.get(sleutel_onderwerp(reg._tekst(rij[naar_kolom])))
            vraag = ("id", nummer) if nummer is not None else ("regel", regel)
            if organisatie is not None and vraag not in verwezen:
                verwezen.add(vraag)
                per_org = doorverwezen.setdefault(gebied, {})
                per_org[organisatie] = per_org.get(organisatie, 0) + 1
        # Een code uit het bestand komt op het scherm: zonder stuur- of richtingtekens (zichtbaar).
        codes = {zichtbaar(" ".join(c.split())).casefold() for c in _SCHEIDING.split(reg._tekst(rij[ui])) if c.strip()}
        bedragen = {}
        for naam_, k in bedragkolommen.items():
            ruw = rij[k]
            if not reg._tekst(ruw):
                continue
            bedrag = lees_bedrag(ruw)
            if bedrag is None:
                fouten.append(Fout(Plek(str(export), regel, bron.plek(regel, k) if bron.plek else None), "", f"bedrag {naam_}: '{zichtbaar(reg._tekst(ruw))}' in kolom '{koppeling.kolommen.bedragen[naam_]}' is geen bedrag in euro; "
                    "schrijf bijvoorbeeld 1250, 1250,50 of 1.250,50 (niet negatief, hoogstens centen), of laat de cel leeg"))
                continue
            bedragen[naam_] = bedrag
        sleutel = ("id", nummer) if nummer is not None else ("regel", regel)
        if sleutel in per_vraag:
            per_vraag[sleutel][1].update(codes)
            for naam_, bedrag in bedragen.items():
                per_vraag[sleutel][2].setdefault(naam_, bedrag)  # het eerste bedrag van de hulpvraag telt
        else:
            per_vraag[sleutel] = (gebied, codes, bedragen)
    if fouten:
        raise InvoerFouten(fouten)
    volgorde = [g for g in namen if g in koppeling.onderwerpen] + [ZONDER_RECHTSGEBIED]
    aantallen: dict[str, dict[str, int]] = {g: {} for g in volgorde}
    sommen: dict[str, dict[str, dict[str, Decimal]]] = {}
    zonder_bedrag: dict[str, dict[str, int]] = {}
    for gebied, codes, bedragen in per_vraag.values():
        for code in sorted(codes):
            aantallen[gebied][code] = aantallen[gebied].get(code, 0) + 1
            for naam_ in bedragkolommen:
                if naam_ in bedragen:
                    per_code = sommen.setdefault(gebied, {}).setdefault(code, {})
                    per_code[naam_] = per_code.get(naam_, Decimal(0)) + bedragen[naam_]
                else:
                    per_code = zonder_bedrag.setdefault(code, {})
                    per_code[naam_] = per_code.get(naam_, 0) + 1
    if not aantallen[ZONDER_RECHTSGEBIED]:
        del aantallen[ZONDER_RECHTSGEBIED]
    met = sum(1 for _, codes, _ in per_vraag.values() if codes)
    kosten = {o: v.kengetal for o, v in koppeling.doorverwijzingen.items()}
    return Telling("registratie", str(export), len(per_vraag), met, aantallen, sommen, zonder_bedrag, tuple(bedragkolommen), doorverwezen, kosten)


def fouten_kolommen(kaartpad: Path, kaart: Waardekaart, kolommen: tuple[str, ...], bron: str) -> list[Fout]:
    """Een effect met 'kolom' of 'min_kolom' die de registratie of telling (`bron`) niet kent: een fout op de regel in de kaart."""
    bestand, fouten = lees_yaml(kaartpad)
    if fouten:
        return fouten
    for code, uitkomst in kaart.uitkomsten.items():
        for i, effect in enumerate(uitkomst.effecten):
            for veld in ("kolom", "min_kolom"):
                naam = getattr(effect, veld)
                if naam is not None and naam not in kolommen:
                    bekend = ", ".join(kolommen) if kolommen else "geen"
                    fouten.append(bestand.fout(("uitkomsten", code, "effecten", i, veld),
                                               f"bedrag '{naam}' staat niet bij de bedragen van {bron} (bekend: {bekend}); "
                                               "zet het in de koppeling onder kolommen.bedragen, of in de telling onder bedragen"))
    return fouten


def fouten_prijspeil(kaartpad: Path, kaart: Waardekaart, jaren, reeks: str, jaar: int) -> list[Fout]:
    """Een eigen bedrag met een prijspeil dat de prijsindex (`jaren`) niet kent: --prijspeil kan het niet omrekenen."""
    bestand, fouten = lees_yaml(kaartpad)
    if fouten:
        return fouten
    for code, uitkomst in kaart.uitkomsten.items():
        for i, effect in enumerate(uitkomst.effecten):
            if effect.prijspeil is not None and effect.prijspeil not in jaren:
                fouten.append(bestand.fout(("uitkomsten", code, "effecten", i, "prijspeil"),
                                           f"de prijsindex {reeks} kent het jaar {effect.prijspeil} niet (wel {min(jaren)} tot en met {max(jaren)}); "
                                           f"--prijspeil {jaar} kan dit bedrag niet omrekenen: vul de reeks aan of geef met --prijsindex een andere"))
    return fouten
