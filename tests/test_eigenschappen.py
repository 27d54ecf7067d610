"""Eigenschapstests voor de geldregels: wat voor invoer ook, de delen tellen exact op."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kostenbaten.berekening.kba import bereken_pilot
from kostenbaten.geld import afkappen_op_euro, afronden_op_centen, afronden_op_duizendtal
from kostenbaten.notatie import euro, json_bedrag
from kostenbaten.model.casus import Casus, Pilot

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
    uitkomst = bereken_pilot(pilot, casussen)
    # De deling door het aantal casussen mag alleen in verre decimalen afronden. Niet vergeleken op centen:
    # precies op een halve cent (-10.390,875) rondt -10.390,87499...9 (derden op 50 cijfers) anders af.
    verre_decimalen = Decimal("1e-30")
    for e in uitkomst.extrapolaties.values():
        assert abs(e.client + e.overheid - e.totaal) <= verre_decimalen
    gewogen = uitkomst.extrapolaties["gewogen"]
    assert abs(sum((d.totaal for d in gewogen.delen), Decimal(0)) - gewogen.totaal) <= verre_decimalen
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
    assert euro(waarde).startswith("-€ " if afronden_op_centen(waarde) <= Decimal("-0.5") else "€ ")


@given(st.decimals(min_value=-(10**60), max_value=10**60, allow_nan=False, allow_infinity=False))
def test_afronden_kan_elk_bedrag_aan(waarde):
    """Ook een bedrag met meer cijfers dan de standaardprecisie (bijvoorbeeld na delen door bijna nul)."""
    assert abs(afronden_op_centen(waarde) - waarde) <= Decimal("0.005")
    assert abs(afkappen_op_euro(waarde)) <= abs(waarde)
