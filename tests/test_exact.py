"""Exact is exact: over het hele bereik dat het model aanneemt rekent kostenbaten zonder één cijfer af te ronden."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kostenbaten.berekening.kba import bereken_casus, bereken_pilot
from kostenbaten.geld import DECIMALEN, GEHEEL_CIJFERS
from kostenbaten.model.casus import MAX_MAANDEN, Casus, Pilot

GROOTSTE = Decimal(10) ** GEHEEL_CIJFERS - Decimal(10) ** -DECIMALEN  # 999.999.999.999.999,9999999999
GROOTSTE_BEDRAG = Decimal(10) ** GEHEEL_CIJFERS - Decimal("0.01")  # bedragen hebben hoogstens centen

# Van het kleinste (0,0000000001) tot het grootste getal met alle 25 cijfers gevuld.
getallen = st.one_of(
    st.decimals(min_value=0, max_value=GROOTSTE, places=DECIMALEN, allow_nan=False, allow_infinity=False),
    st.sampled_from([GROOTSTE, Decimal("0.0000000001"), Decimal("123456789012345.6789012345"), Decimal(0)]),
)
bedragen = st.one_of(
    st.decimals(min_value=0, max_value=GROOTSTE_BEDRAG, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([GROOTSTE_BEDRAG, Decimal("0.01"), Decimal(0)]),
)
kansen = st.decimals(min_value=0, max_value=1, places=DECIMALEN, allow_nan=False, allow_infinity=False)


def _pilot(tarief_sjd: Decimal, tarief_service: Decimal, kengetal: Decimal, maanden_in_beeld: int) -> Pilot:
    return Pilot.model_validate(
        {
            "naam": "P",
            "periode": {"van": date(2021, 1, 1), "tot": date(2021, 12, 31)},
            "hulpvragen": 1,
            "maanden_in_beeld": maanden_in_beeld,
            "rechtsgebieden": {"a": {"naam": "A", "aandeel": 100}},
            "tarieven": {
                "sjd": {"naam": "SJD", "per_uur": tarief_sjd, "betaler": "overheid"},
                "service": {"naam": "S", "per_uur": tarief_service, "betaler": "overheid"},
            },
            "kengetallen": {"k": {"naam": "K", "bedrag": kengetal, "actor": "client", "bron": "test"}},
        }
    )


@settings(max_examples=200, deadline=None)
@given(
    uren=getallen,
    tarieven=st.tuples(bedragen, bedragen),
    kengetal=bedragen,
    bedrag=bedragen,
    per_maand=bedragen,
    maanden=st.integers(1, MAX_MAANDEN),
    in_beeld=st.integers(1, MAX_MAANDEN),
    kans=st.none() | kansen,
)
def test_netto_is_baten_min_kosten_tot_het_laatste_cijfer(uren, tarieven, kengetal, bedrag, per_maand, maanden, in_beeld, kans):
    pilot = _pilot(*tarieven, kengetal, in_beeld)
    casus = {
        "nummer": 1,
        "titel": "t",
        "rechtsgebied": "a",
        "uren": uren,
        "baten": [
            {"kengetal": "k"},
            {"omschrijving": "b", "bedrag": bedrag, "actor": "client"},
            {"omschrijving": "m", "per_maand": per_maand, "maanden": maanden, "actor": "overheid"},
        ],
    }
    if kans is not None:
        casus["kans"] = kans
    uitkomst = bereken_casus(Casus.model_validate(casus), pilot)

    # Nagerekend met breuken: die ronden nooit af.
    f = Fraction
    kosten = f(uren) * (f(tarieven[0]) + f(tarieven[1]))
    k = f(kans) if kans is not None else 1
    baten = (f(kengetal) + f(bedrag) + f(per_maand) * min(maanden, in_beeld)) * k
    assert f(uitkomst.totaal_kosten) == kosten
    assert f(uitkomst.totaal_baten) == baten
    assert f(uitkomst.netto) == baten - kosten
    # En de pilot telt de casus zonder afronding op.
    assert f(bereken_pilot(pilot, [uitkomst.casus]).som_netto) == baten - kosten


@pytest.mark.parametrize(
    "uren, melding",
    [
        ("1000000000000000", "'1000000000000000' is te groot: hoogstens 15 cijfers voor de punt (kleiner dan 1.000.000.000.000.000)"),
        ("0.00000000001", "'0.00000000001' heeft te veel cijfers na de punt: hoogstens 10"),
    ],
)
def test_net_buiten_de_grens_geweigerd(uren, melding):
    with pytest.raises(ValidationError) as fout:
        Casus.model_validate({"nummer": 1, "titel": "t", "rechtsgebied": "a", "uren": Decimal(uren)})
    assert melding in str(fout.value)
