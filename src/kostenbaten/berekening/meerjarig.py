"""Meerjarig: terugkerende baten over hun hele looptijd, met een horizon en contante waarden.

Conventie (zie docs/analyse.md): maandbedragen vallen in het jaar van hun maand
(maand 1-12 is jaar 1, 13-24 jaar 2, ...); eenmalige kosten en baten vallen in
jaar 1. Jaar t wordt verdisconteerd met 1 / (1 + r)^(t - 1): jaar 1 dus niet.
Met een horizon van één jaar is de contante waarde daarom precies het
jaarbeeld van het rapport.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kostenbaten.berekening.aanpassingen import (
    MAANDEN_PER_JAAR,
    afnamefactoren,
    fractiefactor,
    geldende_aanpassingen,
    maanden_per_jaar,
)
from kostenbaten.berekening.actoren import verdeel_over_actoren
from kostenbaten.berekening.kba import CasusUitkomst, PilotUitkomst, Post, bereken_casus, bereken_pilot, extrapoleer
from kostenbaten.geld import HONDERD, deel, som, vermenigvuldig
from kostenbaten.berekening.rekensom import samen, som as rekensom, vast
from kostenbaten.berekening.saldo import maatschappelijk_saldo, programmakosten
from kostenbaten.model.casus import Casus, Pilot

# Standaarddiscontovoet voor MKBA's sinds 1 januari 2021 (Werkgroep Discontovoet 2020, door het kabinet overgenomen).
# De gedateerde parameter met zijn bron staat in de kengetallenbank (parameters.discontovoet); de opdracht
# `meerjarig` leest hem daar, en tests/test_kengetallenbank.py bewaakt dat deze waarde er gelijk aan is.
STANDAARD_DISCONTO = Decimal("2.25")
CONVENTIE = "maandbedragen in het jaar van hun maand, eenmalige posten in jaar 1; jaar t gedeeld door (1 + r)^(t - 1)"


@dataclass(frozen=True)
class Meerjarig:
    horizon: int  # jaren
    disconto: Decimal  # procent per jaar
    jaarfactoren: tuple[Decimal, ...]  # disconteringsfactor van jaar 1, 2, ...
    een_jaar: PilotUitkomst  # het beeld van het rapport (maanden_in_beeld)
    nominaal: PilotUitkomst  # volle looptijd binnen de horizon, niet verdisconteerd
    contant: PilotUitkomst  # volle looptijd binnen de horizon, contante waarde
    herkomst: str = ""  # waar de discontovoet vandaan komt: bron en sinds wanneer hij geldt, of de optie
    # Met --begroting (`berekening.begroting.BegrotingUitkomst`): het maatschappelijk saldo van elk beeld rust op haar
    # kosten in het eerste jaar, de kosten van het programma van één jaar (`saldo.programmakosten`).
    begroting: object = None

    @property
    def kosten_route(self) -> str:
        """Hoe de kosten van het hele programma berekend zijn, in elk beeld dezelfde (`saldo.Programmakosten.route`)."""
        return programmakosten(self.een_jaar, self.begroting).route


def standaard_horizon(casussen, pilot: Pilot | None = None) -> int:
    """Zoveel hele jaren als de langste terugkerende baat duurt (ook via een kengetal per maand), minstens één."""
    kengetallen = pilot.kengetallen if pilot is not None else {}
    langste = max(
        (m for c in casussen for b in c.baten if (m := _looptijd(b, kengetallen)) is not None), default=MAANDEN_PER_JAAR
    )
    return max(1, -(-langste // MAANDEN_PER_JAAR))


def jaarfactoren(horizon: int, disconto: Decimal) -> tuple[Decimal, ...]:
    """1 / (1 + r)^(t - 1) voor t = 1 .. horizon, exact tot op de rekenprecisie."""
    groei = 1 + deel(disconto, HONDERD)
    return tuple(deel(1, vermenigvuldig(*([groei] * (t - 1)))) for t in range(1, horizon + 1))


def _looptijd(baat, kengetallen) -> int | None:
    """De looptijd in maanden van een terugkerende baat: die van de baat of van haar kengetal per maand; anders None."""
    if baat.kengetal is not None:
        kengetal = kengetallen.get(baat.kengetal)
        return kengetal.maanden if kengetal is not None else None
    return baat.maanden


def _maandbedrag(baat, pilot: Pilot) -> tuple[Decimal, int] | None:
    """Bedrag per maand en looptijd van een terugkerende baat (ook via een kengetal per maand); anders None."""
    if baat.kengetal is not None:
        kengetal = pilot.kengetallen[baat.kengetal]
        return (kengetal.per_maand.waarde, kengetal.maanden) if kengetal.per_maand is not None else None
    return (baat.per_maand.waarde, baat.maanden) if baat.per_maand is not None else None


def _contant_post(p: Post, casus: Casus, pilot: Pilot, horizon: int, factoren: tuple[Decimal, ...]) -> Post:
    if p.soort not in ("per_maand", "kengetal") or p.sleutelpad[0] != "baten":
        return p
    baat = casus.baten[p.sleutelpad[1]]
    maandelijks = _maandbedrag(baat, pilot)
    if maandelijks is None:
        return p  # eenmalig: valt in jaar 1, factor 1
    per_maand, maanden = maandelijks
    verdeling = maanden_per_jaar(maanden, horizon)
    geldend = geldende_aanpassingen(pilot, casus, baat)
    if "afname" in geldend:  # drop-off: jaar t telt voor (1 - afname)^t
        factoren = tuple(vermenigvuldig(f, a) for f, a in zip(factoren, afnamefactoren(geldend["afname"][0].waarde, horizon)))
    bedrag = vermenigvuldig(per_maand, som(vermenigvuldig(m, f) for m, f in zip(verdeling, factoren)))
    if p.kans is not None:
        bedrag = vermenigvuldig(bedrag, p.kans)
    fractie = fractiefactor(geldend)
    if fractie is not None:
        bedrag = vermenigvuldig(bedrag, fractie)
    jaren = samen((rekensom(m, " mnd x ", vast(f, 4)) for m, f in zip(verdeling, factoren) if m), " + ")
    som_ = rekensom("€ ", vast(per_maand, 2), " per maand x (") + jaren + ("), contant",)
    return p._replace(bedrag=bedrag, rekensom=som_)


def contante_casus(casus: Casus, pilot: Pilot, horizon: int, factoren: tuple[Decimal, ...]) -> CasusUitkomst:
    nominaal = bereken_casus(casus, pilot, MAANDEN_PER_JAAR * horizon)
    return CasusUitkomst(
        casus, nominaal.kosten, tuple(_contant_post(p, casus, pilot, horizon, factoren) for p in nominaal.baten)
    )


def meerjarig(
    pilot: Pilot, casussen, horizon: int | None = None, disconto: Decimal = STANDAARD_DISCONTO, herkomst: str = "", begroting=None
) -> Meerjarig:
    """Het jaarbeeld van het rapport naast de volle looptijd, nominaal en contant."""
    casussen = tuple(casussen)
    horizon = standaard_horizon(casussen, pilot) if horizon is None else horizon
    if horizon < 1:
        raise ValueError("de horizon is minstens één jaar")
    factoren = jaarfactoren(horizon, disconto)
    return Meerjarig(
        horizon=horizon,
        disconto=disconto,
        jaarfactoren=factoren,
        een_jaar=bereken_pilot(pilot, casussen),
        nominaal=bereken_pilot(pilot, casussen, MAANDEN_PER_JAAR * horizon),
        contant=extrapoleer(pilot, tuple(contante_casus(c, pilot, horizon, factoren) for c in casussen)),
        herkomst=herkomst,
        begroting=begroting,
    )


@dataclass(frozen=True)
class Beeldtabel:
    """Eén tabel met de drie beelden naast elkaar: rijen (groep, wie, waarde per beeld)."""

    titel: str
    eerste_kolom: str
    rijen: tuple[tuple[str, str, tuple[Decimal, ...]], ...]


def beelden(m: Meerjarig) -> list[tuple[str, PilotUitkomst]]:
    maanden = m.een_jaar.pilot.maanden_in_beeld
    return [
        (f"{maanden} maanden (rapport)", m.een_jaar),
        (f"{m.horizon} jaar nominaal", m.nominaal),
        (f"{m.horizon} jaar contant", m.contant),
    ]


def beeldtabellen(m: Meerjarig) -> list[Beeldtabel]:
    """Per casus, per extrapolatie en per actor: het jaarbeeld naast nominaal en contant."""
    uitkomsten = [u for _, u in beelden(m)]
    groepen = ("client", "overheid", "overig") if m.een_jaar.heeft_overig else ("client", "overheid")
    casussen = tuple(
        (str(c.nummer), wie, tuple(getattr(u.casussen[i], wie) for u in uitkomsten))
        for i, c in enumerate(m.een_jaar.casussen)
        for wie in ("netto", *groepen)
    )
    methoden = list(m.een_jaar.extrapolaties)
    extrapolatie = tuple(
        (methode, wie, tuple(getattr(u.extrapolaties[methode], wie) for u in uitkomsten))
        for methode in methoden
        for wie in ("totaal", *groepen)
    )
    verdelingen = [verdeel_over_actoren(u, begroting=m.begroting).extrapolaties for u in uitkomsten]
    actoren = tuple(
        (methode, r.naam, tuple(v[methode].regels[i].saldo for v in verdelingen))
        for methode in methoden
        for i, r in enumerate(verdelingen[0][methode].regels)
    )
    # Wat de samenleving wint: besparingen van middelen min de kosten van alle hulpvragen (berekening.saldo).
    saldi = [maatschappelijk_saldo(u, m.begroting) for u in uitkomsten]
    saldo = tuple((methode, "maatschappelijk saldo", tuple(x[methode] for x in saldi)) for methode in methoden)
    return [
        Beeldtabel("Per casus: het jaarbeeld naast de volle looptijd", "Casus", casussen),
        Beeldtabel("Extrapolatie (exact)", "Methode", extrapolatie),
        Beeldtabel("Saldo per actor, geëxtrapoleerd (exact)", "Methode", actoren),
        Beeldtabel("Maatschappelijk saldo: besparingen van middelen min de kosten van alle hulpvragen (exact)", "Methode", saldo),
    ]
