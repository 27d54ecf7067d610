"""Eigenschapstests voor de geldregels: wat voor invoer ook, de delen tellen exact op."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.geld import afkappen_op_euro, afronden_op_centen, afronden_op_duizendtal, afronden_op_euro
from kostenbaten.notatie import euro, json_bedrag
from kostenbaten.model.casus import Casus, Pilot

def _centen(exact: Fraction) -> Decimal:
    """Referentie voor afronden_op_centen: op hele centen, half weg van nul, in breuken gerekend."""
    centen = (abs(exact) * 100 + Fraction(1, 2)).__floor__()
    return (Decimal(centen) / 100).copy_sign(Decimal(1) if exact >= 0 else Decimal(-1)) if centen else Decimal("0.00")


bedragen = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
uren = st.decimals(min_value=0, max_value=40, places=1, allow_nan=False, allow_infinity=False)
GEBIEDEN = ("a", "b", "c")
ACTOREN = ("client", "overheid", "gemeente", "rijk")


@st.composite
def pilots_met_casussen(draw):
    aandelen = draw(st.lists(st.integers(1, 33), min_size=3, max_size=3))
    kengetallen = {
        f"k{i}": {"naam": f"K{i}", "bedrag": draw(bedragen), "actor": draw(st.sampled_from(ACTOREN)), "bron": "test"}
        for i in range(3)
    }
    pilot = Pilot.model_validate(
        {
            "naam": "P",
            "periode": {"van": __import__("datetime").date(2021, 1, 1), "tot": __import__("datetime").date(2021, 12, 31)},
            "hulpvragen": draw(st.integers(0, 5000)),
            "maanden_in_beeld": draw(st.integers(1, 60)),
            "rechtsgebieden": {g: {"naam": g, "aandeel": a} for g, a in zip(GEBIEDEN, aandelen)},
            "tarieven": {
                "sjd": {"naam": "SJD", "per_uur": draw(bedragen), "betaler": draw(st.sampled_from(ACTOREN))},
                "service": {"naam": "S", "per_uur": draw(bedragen)},
            },
            "actoren": {
                "gemeente": {"naam": "G", "groep": "overheid"},
                "rijk": {"naam": "R", "groep": "overheid"},
            },
            "kengetallen": kengetallen,
        }
    )
    casussen = []
    for i, gebied in enumerate(GEBIEDEN * draw(st.integers(1, 3)), 1):
        baten = []
        for _ in range(draw(st.integers(0, 4))):
            soort = draw(st.sampled_from(("kengetal", "bedrag", "per_maand")))
            if soort == "kengetal":
                baten.append({"kengetal": draw(st.sampled_from(sorted(kengetallen)))})
            elif soort == "bedrag":
                baten.append({"omschrijving": "b", "bedrag": draw(bedragen), "actor": draw(st.sampled_from(ACTOREN))})
            else:
                baten.append(
                    {"omschrijving": "m", "per_maand": draw(bedragen), "maanden": draw(st.integers(1, 60)), "actor": "client"}
                )
        casus = {"nummer": i, "titel": "t", "rechtsgebied": gebied, "uren": draw(uren), "baten": baten}
        if draw(st.booleans()):
            casus["kans"] = draw(st.decimals(min_value=0, max_value=1, places=2))
        casussen.append(Casus.model_validate(casus))
    return pilot, casussen


@settings(max_examples=150, deadline=None)
@given(pilots_met_casussen())
def test_netto_is_client_plus_overheid_is_baten_min_kosten(invoer):
    pilot, casussen = invoer
    uitkomst = bereken_pilot(pilot, casussen)
    for c in uitkomst.casussen:
        assert c.netto == c.client + c.overheid == c.totaal_baten - c.totaal_kosten
        assert sum(c.per_actor().values(), Decimal(0)) == c.netto


@settings(max_examples=150, deadline=None)
@given(pilots_met_casussen())
def test_extrapolaties_tellen_op(invoer):
    pilot, casussen = invoer
    _controleer_extrapolaties(bereken_pilot(pilot, casussen))


def test_gewogen_totaal_precies_op_een_halve_cent():
    """Door hypothesis gevonden: drie casussen per rechtsgebied, exact totaal -784,955.

    Elk rechtsgebied apart delen door 3 en dan optellen gaf -784,95499...97 en dus
    -784,95 na afronden; de exacte som rondt af op -784,96.
    """
    k0 = {"naam": "K0", "bedrag": Decimal("19.49"), "actor": "client", "bron": "test"}
    leeg = {"naam": "K", "bedrag": Decimal("0.00"), "actor": "client", "bron": "test"}
    pilot = Pilot.model_validate(
        {
            "naam": "P",
            "periode": {"van": date(2021, 1, 1), "tot": date(2021, 12, 31)},
            "hulpvragen": 5000,
            "maanden_in_beeld": 1,
            "rechtsgebieden": {g: {"naam": g, "aandeel": 1} for g in GEBIEDEN},
            "tarieven": {
                "sjd": {"naam": "SJD", "per_uur": Decimal("0.00"), "betaler": "client"},
                "service": {"naam": "S", "per_uur": Decimal("265.38")},
            },
            "actoren": {"gemeente": {"naam": "G", "groep": "overheid"}, "rijk": {"naam": "R", "groep": "overheid"}},
            "kengetallen": {"k0": k0, "k1": leeg, "k2": leeg},
        }
    )
    baten = {1: 2, 5: 3, 9: 1}  # casus -> aantal baten met kengetal k0
    casussen = [
        Casus.model_validate(
            {
                "nummer": i,
                "titel": "t",
                "rechtsgebied": GEBIEDEN[(i - 1) % 3],
                "uren": Decimal("0.4") if i == 4 else Decimal("0.0"),
                "baten": [{"kengetal": "k0"}] * baten.get(i, 0),
                **({"kans": Decimal("0.01")} if i == 5 else {}),
            }
        )
        for i in range(1, 10)
    ]
    uitkomst = bereken_pilot(pilot, casussen)
    _controleer_extrapolaties(uitkomst)
    # Met de hand: gebied a = (2 x 19,49 - 0,4 x 265,38) / 3 x 50 = -1.119,5333...; gebied b = 3 x 19,49 x 0,01 / 3 x 50
    # = 9,745; gebied c = 19,49 / 3 x 50 = 324,8333...; samen -784,955 (eindigend), afgerond -784,96.
    assert afronden_op_centen(uitkomst.extrapolaties["gewogen"].totaal) == Decimal("-784.96")


def _controleer_extrapolaties(uitkomst):
    # De exacte waarden als breuken, los van de rekenkern opgebouwd uit de casusuitkomsten.
    rapport_exact = {
        deel: sum((Fraction(getattr(u, deel)) for u in uitkomst.casussen), Fraction(0))
        * Fraction(uitkomst.extrapolaties["rapport"].gedekt)
        / len(uitkomst.casussen)
        for deel in ("netto", "client", "overheid")
    }
    gewogen_exact = {deel: Fraction(0) for deel in ("netto", "client", "overheid")}
    for d in uitkomst.extrapolaties["gewogen"].delen:
        eigen = [u for u in uitkomst.casussen if u.casus.rechtsgebied == d.rechtsgebied]
        for deel in gewogen_exact:
            if eigen:
                gewogen_exact[deel] += sum((Fraction(getattr(u, deel)) for u in eigen), Fraction(0)) * Fraction(d.hulpvragen) / len(eigen)
    for e, exact in ((uitkomst.extrapolaties["rapport"], rapport_exact), (uitkomst.extrapolaties["gewogen"], gewogen_exact)):
        assert exact["client"] + exact["overheid"] == exact["netto"]
        # Elk getoond cijfer is de juiste afronding van zijn exacte waarde, ook precies op een halve cent.
        for deel, berekend in (("netto", e.totaal), ("client", e.client), ("overheid", e.overheid)):
            assert afronden_op_centen(berekend) == _centen(exact[deel]), (e.methode, deel)
    pub = uitkomst.gepubliceerd
    if "client" in pub:
        assert pub["client"].waarde + pub["overheid"].waarde == pub["totaal"].waarde
        assert pub["aandeel_client"].waarde + pub["aandeel_overheid"].waarde == 100


@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_afrondingsregels(waarde):
    assert abs(afkappen_op_euro(waarde)) <= abs(waarde)
    assert abs(afkappen_op_euro(waarde) - waarde) < 1
    assert abs(afronden_op_duizendtal(waarde) - waarde) <= 500
    assert Decimal(json_bedrag(waarde)) == afronden_op_centen(waarde)
    # Het min-teken staat er alleen als het bedrag op hele euro's afgerond onder nul blijft (-0,495 is € 0).
    assert euro(waarde).startswith("-€ " if afronden_op_euro(waarde) < 0 else "€ ")


@given(st.decimals(min_value=-(10**60), max_value=10**60, allow_nan=False, allow_infinity=False))
def test_afronden_kan_elk_bedrag_aan(waarde):
    """Ook een bedrag met meer cijfers dan de standaardprecisie (bijvoorbeeld na delen door bijna nul)."""
    assert abs(afronden_op_centen(waarde) - waarde) <= Decimal("0.005")
    assert abs(afkappen_op_euro(waarde)) <= abs(waarde)
