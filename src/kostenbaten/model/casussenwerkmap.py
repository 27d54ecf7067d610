"""De indeling van de casussenwerkmap: bladen, kolomkoppen en hun uitleg, gedeeld door schrijver en lezer.

Eén werkmap bevat een hele casussenmap: de pilot, zijn tabellen
(rechtsgebieden, tarieven, actoren, kengetallen) en de casussen met hun baten.
De lezer zoekt kolommen op hun kop in rij 1 en de gegevens van de pilot op hun
label in kolom A, niet op vaste plaatsen; wie een kolom verschuift of een rij
invoegt, breekt de werkmap dus niet. Zie docs/werkmap.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from kostenbaten.model.casus import CIJFERS_CASUS, CIJFERS_PILOT, GROEPEN, STANDAARD_ACTOREN

UITLEG = "Uitleg"
PILOT = "Pilot"
RECHTSGEBIEDEN = "Rechtsgebieden"
TARIEVEN = "Tarieven"
ACTOREN = "Actoren"
KENGETALLEN = "Kengetallen"
CASUSSEN = "Casussen"
BATEN = "Baten"
EFFECTEN = "Effecten"
AANPASSINGEN = "Aanpassingen"
GEPUBLICEERD = "Gepubliceerd"
ERRATA = "Errata"
LIJSTEN = "Lijsten"  # verborgen: de keuzelijst van actoren (ingebouwd plus blad Actoren)

# In de kolom Casus van Gepubliceerd en Errata: deze regel hoort bij de pilot, niet bij een casus.
DE_PILOT = "pilot"
SOORTEN_AANPASSING = ("deadweight", "attributie", "verdringing", "afname")
# Zoveel rijen is een keuzelijst (rechtsgebied, kengetal, actor, casus) lang: ruimte om toe te voegen.
LIJSTRIJEN = 200


@dataclass(frozen=True)
class Kolom:
    """Eén kolom van een tabelblad: de kop in rij 1, het sleutelpad in de YAML en de uitleg op blad Uitleg.

    `soort`: tekst, naam (een sleutel als `bijzondere_bijstand`), getal, geheel of datum.
    `keuze`: de keuzelijst van de cel (rechtsgebied, kengetal, actor, groep, soort, cijfer, casus).
    `bereik`: de waarde van een getal dat ook een bereik mag hebben (dan staat `waarde` niet in de YAML).
    """

    kop: str
    pad: tuple
    soort: str
    uitleg: str
    verplicht: bool = False
    keuze: str | None = None
    geld: bool = False
    bereik: bool = False
    breedte: float = 12


def bereik(kop: str, veld: str | None, eenheid: str, uitleg: str, verplicht: bool = True, geld: bool = False) -> tuple[Kolom, ...]:
    """Een getal met de vier kolommen van zijn (optionele) bereik voor `kostenbaten onzekerheid`.

    Met `veld` None horen de kolommen bij het blok zelf (een aanpassing: `waarde`, `min`, ...).
    """
    voor = (veld,) if veld else ()
    naam = kop.split(" (")[0]
    wat = naam.lower()
    return (
        Kolom(kop, voor + ("waarde",), "getal", uitleg + (f" In {eenheid}." if eenheid else ""), verplicht, geld=geld, bereik=veld is not None),
        Kolom(f"{naam} min", voor + ("min",), "getal", f"Bereik (mag leeg): de kleinste waarde van {wat}; samen met '{naam} max' een driehoek rond de waarde.", geld=geld, breedte=10),
        Kolom(f"{naam} max", voor + ("max",), "getal", f"Bereik (mag leeg): de grootste waarde van {wat}.", geld=geld, breedte=10),
        Kolom(f"{naam} 90% van", voor + ("interval_90", 0), "getal", f"Of een 90%-interval (mag leeg, niet samen met min/max): de ondergrens van {wat}.", geld=geld, breedte=10),
        Kolom(f"{naam} 90% tot", voor + ("interval_90", 1), "getal", f"De bovengrens van het 90%-interval van {wat}.", geld=geld, breedte=10),
    )


SLEUTEL_UITLEG = "Korte naam waarmee andere bladen ernaar verwijzen: kleine letters, cijfers en '_' (bijvoorbeeld {voorbeeld})."


def _sleutel(voorbeeld: str) -> Kolom:
    return Kolom("Sleutel", ("sleutel",), "naam", SLEUTEL_UITLEG.format(voorbeeld=voorbeeld), True, breedte=24)


PRIJSPEIL = Kolom(
    "Prijspeil", ("prijspeil",), "geheel", "Het jaar waarin het bedrag is uitgedrukt (mag leeg); --prijspeil rekent het om.", breedte=10
)
# Wat een baat voor de samenleving is (docs/methode.md, "Maatschappelijk saldo"), en bij een overdracht wie betaalt.
SOORT_EN_VAN = (
    Kolom("Soort baat", ("soort",), "naam", "middelen (een vermeden kost), overdracht (geld van 'Van' naar de actor) of "
          "breder_economisch (niet in het maatschappelijk saldo); kies uit de lijst.", keuze="baatsoort", breedte=16),
    Kolom("Van", ("van",), "naam", "Bij een overdracht: de actor die betaalt (kies uit de lijst).", keuze="actor", breedte=16),
)
OMSCHRIJVING = Kolom("Omschrijving", ("omschrijving",), "tekst", "Toelichting in een paar woorden (mag leeg).", breedte=45)


@dataclass(frozen=True)
class Tabel:
    blad: str
    uitleg: str
    kolommen: tuple[Kolom, ...]
    lege_rijen: int = 10  # gele lege rijen onder de gegevens, om toe te voegen

    def kolom(self, kop: str) -> Kolom:
        return next(k for k in self.kolommen if k.kop == kop)


# De regels van blad Pilot: label in kolom A, waarde in kolom B, een bereik in C tot en met F.
@dataclass(frozen=True)
class Pilotveld:
    label: str
    pad: tuple
    soort: str
    uitleg: str
    verplicht: bool = False
    bereik: bool = False


PILOTVELDEN = (
    Pilotveld("Naam", ("naam",), "tekst", "Naam van de pilot of bibliotheek.", True),
    Pilotveld("Omschrijving", ("omschrijving",), "tekst", "Korte beschrijving (mag leeg)."),
    Pilotveld("Periode van", ("periode", "van"), "datum", "Eerste dag van de periode waarin de hulpvragen zijn geteld (een datum).", True),
    Pilotveld("Periode tot", ("periode", "tot"), "datum", "Laatste dag van die periode.", True),
    Pilotveld("Hulpvragen", ("hulpvragen",), "geheel", "Aantal hulpvragen in de periode; een bereik mag in kolom C tot en met F.", True, True),
    Pilotveld("Maanden in beeld", ("maanden_in_beeld",), "geheel", "Over hoeveel maanden een baat per maand telt (leeg: 12, zoals het rapport)."),
    Pilotveld("Uren per hulpvraag (registratie)", ("uren_per_hulpvraag",), "getal", "Geregistreerde SJD-uren per hulpvraag (mag leeg); dan zijn de kosten van het hele programma deze uren x alle hulpvragen x de tarieven.", bereik=True),
    Pilotveld("Optimisme: opslag kosten (%)", ("optimisme", "opslag_kosten"), "getal", "Correctie voor optimisme (mag leeg): procent bovenop elke kostenpost; een bereik mag.", bereik=True),
    Pilotveld("Optimisme: korting baten (%)", ("optimisme", "korting_baten"), "getal", "Procent van elke baat eraf, na de andere aanpassingen (mag leeg); een bereik mag.", bereik=True),
    Pilotveld("Optimisme: reden", ("optimisme", "reden"), "tekst", "Waarom deze correctie (verplicht als er een opslag of korting staat)."),
    Pilotveld("Optimisme: bron", ("optimisme", "bron"), "tekst", "Waar de correctie vandaan komt, of eerlijk: aanname."),
)
PILOTKOPPEN = ("Gegeven", "Waarde", "min", "max", "90% van", "90% tot", "Uitleg")
PILOT_BEREIK = {"min": "C", "max": "D", "90% van": "E", "90% tot": "F"}
# Kop van een bereikkolom -> sleutelpad onder het getal.
BEREIKSLEUTELS = {"min": ("min",), "max": ("max",), "90% van": ("interval_90", 0), "90% tot": ("interval_90", 1)}


TABELLEN = (
    Tabel(
        RECHTSGEBIEDEN,
        "Per rechtsgebied het aantal hulpvragen (zoals geteld), of het aandeel in procenten; samen hoogstens alle "
        "hulpvragen van blad Pilot.",
        (
            _sleutel("sociaal_zekerheidsrecht"),
            Kolom("Naam", ("naam",), "tekst", "Naam zoals hij in de uitkomsten staat.", True, breedte=28),
            Kolom(
                "Hulpvragen",
                ("hulpvragen",),
                "geheel",
                "Het aantal hulpvragen in dit rechtsgebied, zoals geteld (een geheel getal); kostenbaten rekent het aandeel "
                "dan exact uit. Vul dit in, of het aandeel.",
                breedte=11,
            ),
            *bereik(
                "Aandeel (%)",
                "aandeel",
                "procent van alle hulpvragen",
                "Of het aandeel van dit rechtsgebied in de hulpvragen. Staan aantal en aandeel er allebei, dan moeten ze kloppen.",
                verplicht=False,
            ),
            OMSCHRIJVING,
        ),
    ),
    Tabel(
        TARIEVEN,
        "De kosten per ingezet SJD-uur, per post; de kosten van een casus zijn de uren maal elk tarief.",
        (
            _sleutel("sjd"),
            Kolom("Naam", ("naam",), "tekst", "Naam van de kostenpost.", True, breedte=24),
            *bereik("Per uur (€)", "per_uur", "euro per SJD-uur, zonder €-teken", "Het tarief.", geld=True),
            Kolom("Betaler", ("betaler",), "naam", "De actor die deze kosten draagt (kies uit de lijst; leeg: overheid).", keuze="actor", breedte=16),
            PRIJSPEIL,
            OMSCHRIJVING,
        ),
    ),
    Tabel(
        ACTOREN,
        f"Eigen actoren naast de {len(STANDAARD_ACTOREN)} ingebouwde ({', '.join(STANDAARD_ACTOREN)}; zie 'Ingebouwde actoren' "
        "hieronder), of een andere naam voor een ingebouwde. Mag leeg blijven.",
        (
            _sleutel("gemeente"),
            Kolom("Naam", ("naam",), "tekst", "Naam zoals hij in de uitkomsten staat.", True, breedte=28),
            Kolom("Groep", ("groep",), "naam", "De groep: client, overheid of overig (kies uit de lijst).", True, keuze="groep"),
            OMSCHRIJVING,
        ),
    ),
    Tabel(
        KENGETALLEN,
        "Vermeden kosten die in meer casussen terugkomen; een baat op blad Baten verwijst ernaar met de sleutel.",
        (
            _sleutel("toevoeging"),
            Kolom("Naam", ("naam",), "tekst", "Naam zoals hij in de uitkomsten staat.", True, breedte=28),
            *bereik("Bedrag (€)", "bedrag", "euro, zonder €-teken", "De vermeden kosten per geval (of vul Per maand en Maanden in).",
                    verplicht=False, geld=True),
            Kolom("Actor", ("actor",), "naam", "Wie deze kosten bespaart (kies uit de lijst).", True, keuze="actor", breedte=16),
            Kolom("Bron", ("bron",), "tekst", "Waar het bedrag vandaan komt: publicatie en jaar (verplicht).", True, breedte=40),
            PRIJSPEIL,
            OMSCHRIJVING,
            *SOORT_EN_VAN,
            # Achteraan, zodat de kolommen van bestaande werkmappen op hun plaats blijven.
            Kolom("Per maand (€)", ("per_maand", "waarde"), "getal", "Of vermeden kosten per maand, in euro; een baat telt dan zoveel maanden als in beeld zijn, hoogstens Maanden.", geld=True),
            Kolom("Maanden", ("maanden",), "geheel", "De looptijd in maanden bij een bedrag per maand.", breedte=9),
            # De kengetallenbank (docs/kengetallen.md): een verwijzing, de graad van de bron en de reeks voor --prijspeil.
            Kolom("Bankpost", ("bankpost",), "naam", "Sleutel van een post in de kengetallenbank (kies uit de lijst; zie kostenbaten kengetallen). "
                  "Wat op deze regel leeg blijft (naam, bedrag, actor, bron, prijspeil, index, soort), komt dan uit de bank, ook in de gele "
                  "cellen; wat u invult, gaat voor.",
                  keuze="bankpost", breedte=30),
            Kolom("Kwaliteit", ("kwaliteit",), "tekst", "Graad van de bron, A tot en met D (kies uit de lijst; leeg: die van de bankpost, anders D).",
                  keuze="kwaliteit", breedte=10),
            Kolom("Index", ("index",), "naam", "De reeks voor --prijspeil: cpi, cao_lonen of eigen (kies uit de lijst; leeg: die van de bankpost, anders cpi).",
                  keuze="index", breedte=11),
        ),
    ),
    Tabel(
        CASUSSEN,
        "Eén regel per uitgewerkte casus; de baten staan op blad Baten, de niet in geld uitgedrukte effecten op blad Effecten.",
        (
            Kolom("Nummer", ("nummer",), "geheel", "Uniek nummer van de casus (1, 2, ...); de bladen Baten en Effecten verwijzen ernaar.", True, breedte=9),
            Kolom("Titel", ("titel",), "tekst", "Korte titel.", True, breedte=34),
            Kolom("Rechtsgebied", ("rechtsgebied",), "naam", "Sleutel van een rechtsgebied van blad Rechtsgebieden (kies uit de lijst).", True, keuze="rechtsgebied", breedte=24),
            *bereik("Uren", "uren", "", "Ingezette SJD-uren (spreekuur en nazorg); de kosten volgen uit de tarieven."),
            *bereik("Kans", "kans", "", "Kans van slagen van 0 tot 1 (mag leeg: de baten tellen dan volledig).", verplicht=False),
            Kolom("Omschrijving", ("omschrijving",), "tekst", "De casus in een paar zinnen (mag leeg).", breedte=50),
        ),
        lege_rijen=10,
    ),
    Tabel(
        BATEN,
        "Eén regel per baat: een kengetal, óf een vast bedrag, óf een bedrag per maand met looptijd. "
        "De volgorde van de regels per casus is de volgorde van de baten.",
        (
            Kolom("Casus", ("casus",), "geheel", "Nummer van de casus van blad Casussen.", True, keuze="casus", breedte=8),
            Kolom("Kengetal", ("kengetal",), "naam", "Sleutel van een kengetal (kies uit de lijst); bedrag, actor en bron komen dan van blad Kengetallen.", keuze="kengetal", breedte=22),
            Kolom("Omschrijving", ("omschrijving",), "tekst", "Wat de baat is (verplicht zonder kengetal).", breedte=40),
            Kolom("Bedrag (€)", ("bedrag", "waarde"), "getal", "Een vast bedrag in euro, zonder €-teken.", geld=True, bereik=True),
            Kolom("Per maand (€)", ("per_maand", "waarde"), "getal", "Of een bedrag per maand, in euro.", geld=True, bereik=True),
            Kolom("Maanden", ("maanden",), "geheel", "De looptijd in maanden bij een bedrag per maand.", breedte=9),
            Kolom("Actor", ("actor",), "naam", "Wie de baat ontvangt (kies uit de lijst; verplicht zonder kengetal).", keuze="actor", breedte=16),
            *bereik("Bedrag", "bereik", "", "")[1:],
            *SOORT_EN_VAN,
        ),
        lege_rijen=20,
    ),
    Tabel(
        EFFECTEN,
        "Effecten die niet in geld zijn uitgedrukt (welzijn, vertrouwen, ...), één per regel; ze worden altijd getoond.",
        (
            Kolom("Casus", ("casus",), "geheel", "Nummer van de casus van blad Casussen.", True, keuze="casus", breedte=8),
            Kolom("Effect", ("effect",), "tekst", "Het effect in een paar woorden.", True, breedte=60),
        ),
    ),
    Tabel(
        AANPASSINGEN,
        "Correcties op de baten (zie docs/onzekerheid.md), als fractie van 0 tot 1. Zonder kengetal en casus geldt een "
        "regel voor de hele pilot; met een kengetal voor elke baat met dat kengetal; met een casus voor die casus, "
        "en met een casus en een baat alleen voor die baat. Mag leeg blijven.",
        (
            Kolom("Kengetal", ("kengetal_van",), "naam", "Sleutel van een kengetal (leeg: geen kengetal).", keuze="kengetal", breedte=22),
            Kolom("Casus", ("casus",), "geheel", "Nummer van een casus (leeg: geen casus).", keuze="casus", breedte=8),
            Kolom("Baat", ("baat",), "geheel", "Met een casus: de hoeveelste baat van die casus op blad Baten (1 is de eerste).", breedte=7),
            Kolom("Soort", ("soort",), "naam", "deadweight, attributie, verdringing of afname (kies uit de lijst).", True, keuze="soort", breedte=13),
            *bereik("Fractie", None, "", "Het deel van de baat dat wegvalt, van 0 tot 1."),
            Kolom("Reden", ("reden",), "tekst", "Waarom.", True, breedte=40),
            Kolom("Bron", ("bron",), "tekst", "Een publicatie, of eerlijk: aanname.", True, breedte=30),
        ),
    ),
)

# Deze twee bladen staan er alleen als de map gepubliceerde cijfers uit een rapport heeft.
GEPUBLICEERD_TABEL = Tabel(
    GEPUBLICEERD,
    "De cijfers zoals een rapport ze drukt; `kostenbaten controleer` rekent ze na. Eén regel voor de pilot en "
    "één per casus.",
    (
        Kolom("Casus", ("casus",), "tekst", f"'{DE_PILOT}' of het nummer van een casus.", True, breedte=8),
        Kolom("Bron", ("bron",), "tekst", "Waar in het rapport de cijfers staan.", breedte=30),
        *(
            Kolom(c, (c,), "getal", f"Het gepubliceerde cijfer '{c}' (mag leeg).", breedte=11)
            for c in dict.fromkeys(CIJFERS_CASUS + CIJFERS_PILOT)
        ),
    ),
    lege_rijen=0,
)
ERRATA_TABEL = Tabel(
    ERRATA,
    "Per gepubliceerd cijfer dat bekend fout is: de uitleg waarom het rapport afwijkt.",
    (
        Kolom("Casus", ("casus",), "tekst", f"'{DE_PILOT}' of het nummer van een casus.", True, breedte=8),
        Kolom("Cijfer", ("cijfer",), "naam", "Het cijfer (kies uit de lijst).", True, keuze="cijfer", breedte=18),
        Kolom("Uitleg", ("uitleg",), "tekst", "Waarom het rapport afwijkt.", True, breedte=70),
    ),
    lege_rijen=0,
)

VERPLICHTE_BLADEN = (PILOT, *(t.blad for t in TABELLEN))


def tabel(blad: str) -> Tabel:
    return next(t for t in (*TABELLEN, GEPUBLICEERD_TABEL, ERRATA_TABEL) if t.blad == blad)
