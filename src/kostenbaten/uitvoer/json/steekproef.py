"""`steekproef --formaat json`: de verdeling per rechtsgebied (quotum als breuk) en de getrokken hulpvragen."""

from __future__ import annotations

from kostenbaten.berekening.steekproef import Steekproef
from kostenbaten.model.bestandsnamen import openbaar_pad


def document(s: Steekproef) -> dict:
    return {
        "bestand": openbaar_pad(s.bestand),
        "blad": s.blad,
        "koppeling": openbaar_pad(s.koppeling),
        "zaad": s.zaad,
        "n": s.n,
        "hulpvragen": s.totaal,
        "zonder_rechtsgebied": s.zonder_rechtsgebied,
        "methode": "proportioneel gestratificeerd per rechtsgebied, grootste overschotten, zonder teruglegging",
        "rechtsgebieden": {
            st.rechtsgebied: {
                "naam": st.naam,
                "hulpvragen": st.hulpvragen,
                "quotum": f"{st.quotum.numerator}/{st.quotum.denominator}",
                "getrokken": st.getrokken,
            }
            for st in s.strata
        },
        "kolommen": list(s.kop),
        "steekproef": [
            {"nr": r.nr, "rechtsgebied": r.rechtsgebied, "regel": r.regel, "datum": r.datum, "waarden": list(r.waarden)} for r in s.rijen
        ],
    }
