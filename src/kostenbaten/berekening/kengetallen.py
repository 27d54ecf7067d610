"""De kengetallenbank doorzoeken en de kengetallen van een pilot ertegen controleren: puur, exact in Decimal.

Voor elk kengetal van de pilot: zijn kwaliteitsgraad (van de bankpost waarnaar het
verwijst, de graad die het zelf noemt, of anders D: een bedrag zonder graad of
bankpost is een aanname), wat er ontbreekt of verouderd is, en welke bankposten het
kunnen vervangen. Daarna: hoeveel van de baten van de casussen op elke graad rust.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from kostenbaten.geld import NUL, deel, som
from kostenbaten.model.kengetallenbank import GRADEN, Bankpost, Kengetallenbank

# Baten die niet uit een kengetal komen (een bedrag of maandbedrag uit de casus zelf).
CASUSBEDRAG = "casusbedrag"
STANDAARD_MAX_LEEFTIJD = 10  # jaren tussen het prijspeil van een kengetal en het eind van de pilot


def zoek(bank: Kengetallenbank, woord: str) -> tuple[tuple[str, Bankpost], ...]:
    """De posten waarvan sleutel, naam, trefwoorden, toelichting of bron het woord bevatten (hoofdletters doen niet ter zake)."""
    w = woord.casefold().strip()
    uit = []
    for sleutel, post in bank.kengetallen.items():
        teksten = [sleutel.replace("_", " "), post.naam, post.toelichting, post.bron.titel, post.bron.uitgever, *post.trefwoorden]
        if any(w in t.casefold() for t in teksten):
            uit.append((sleutel, post))
    return tuple(uit)


class Vervanger(NamedTuple):
    sleutel: str
    post: Bankpost


class Oordeel(NamedTuple):
    """Eén kengetal van de pilot, beoordeeld."""

    sleutel: str
    naam: str
    bedrag: Decimal
    prijspeil: int | None
    bron: str
    graad: str
    waarom: str  # waar de graad vandaan komt
    bevindingen: tuple[str, ...]  # wat ontbreekt of verouderd is
    vervangers: tuple[Vervanger, ...]


class BankControle(NamedTuple):
    """De uitkomst van `kengetallen controleer MAP`."""

    pilot: str
    peiljaar: int
    max_leeftijd: int
    oordelen: tuple[Oordeel, ...]
    baten_per_graad: dict[str, Decimal]  # A, B, C, D en 'casusbedrag': som van de baten van de casussen
    totaal_baten: Decimal

    @property
    def baten_c_of_d(self) -> Decimal:
        return self.baten_per_graad.get("C", NUL) + self.baten_per_graad.get("D", NUL)

    @property
    def aandeel_c_of_d(self) -> Decimal | None:
        """Aandeel (0 tot 1) van de baten dat op een kengetal met graad C of D rust."""
        return None if not self.totaal_baten else deel(self.baten_c_of_d, self.totaal_baten)

    def aandeel(self, graad: str) -> Decimal | None:
        return None if not self.totaal_baten else deel(self.baten_per_graad.get(graad, NUL), self.totaal_baten)

    @property
    def problemen(self) -> int:
        return sum(1 for o in self.oordelen if o.bevindingen)


def _graad(kengetal, bank: Kengetallenbank) -> tuple[str, str]:
    post = getattr(kengetal, "bankpost", None)
    if post is not None and post in bank.kengetallen:
        return bank.kengetallen[post].kwaliteit, f"graad van bankpost '{post}'"
    eigen = getattr(kengetal, "kwaliteit", None)
    if eigen is not None:
        return eigen, "graad zoals opgegeven in pilot.yaml"
    return "D", "geen kwaliteitsgraad en geen verwijzing naar de kengetallenbank: het bedrag telt als aanname"


def graden(pilot, bank: Kengetallenbank) -> dict[str, str]:
    """De kwaliteitsgraad (A tot en met D) van elk kengetal van de pilot, zoals `controleer` hem geeft."""
    return {sleutel: _graad(k, bank)[0] for sleutel, k in pilot.kengetallen.items()}


def controleer(project, bank: Kengetallenbank, uitkomsten, max_leeftijd: int = STANDAARD_MAX_LEEFTIJD) -> BankControle:
    """Beoordeelt elk kengetal van de pilot en verdeelt de baten van `uitkomsten` (de casussen) over de graden."""
    pilot = project.pilot
    peiljaar = pilot.periode.tot.year
    oordelen = []
    graden = {}
    for sleutel, k in pilot.kengetallen.items():
        graad, waarom = _graad(k, bank)
        graden[sleutel] = graad
        bevindingen = []
        if not (k.bron or "").strip():
            bevindingen.append("zonder bron")
        if k.prijspeil is None:
            bevindingen.append("zonder prijspeil (het jaar van het bedrag)")
        elif peiljaar - k.prijspeil > max_leeftijd:
            bevindingen.append(f"prijspeil {k.prijspeil} is meer dan {max_leeftijd} jaar ouder dan het eind van de pilot ({peiljaar})")
        if graad == "D":
            bevindingen.append("graad D (aanname)")
        post = bank.kengetallen.get(getattr(k, "bankpost", None) or "")
        if post is not None and (k.invoer.waarde != post.bedrag or k.prijspeil != post.prijspeil):
            bevindingen.append(
                f"bedrag of prijspeil wijkt af van bankpost '{k.bankpost}' ({post.bedrag}, {post.prijspeil}): de graad geldt voor het bedrag van de bank"
            )
        vervangers = tuple(
            Vervanger(s, p)
            for s, p in sorted(bank.kengetallen.items(), key=lambda sp: (GRADEN.index(sp[1].kwaliteit), sp[0]))
            if sleutel in p.past_bij and s != getattr(k, "bankpost", None)
        )
        oordelen.append(Oordeel(sleutel, k.naam, k.invoer.waarde, k.prijspeil, k.bron, graad, waarom, tuple(bevindingen), vervangers))
    per_graad = {g: NUL for g in (*GRADEN, CASUSBEDRAG)}
    for u in uitkomsten:
        for post in u.baten:
            soort = graden.get(post.sleutel, "D") if post.soort == "kengetal" else CASUSBEDRAG
            per_graad[soort] += post.bedrag
    totaal = som(per_graad.values())
    return BankControle(pilot.naam, peiljaar, max_leeftijd, tuple(oordelen), per_graad, totaal)
