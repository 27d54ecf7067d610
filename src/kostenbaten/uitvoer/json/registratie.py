"""`registratie --formaat json`: de telling van een export, aantallen als getallen en aandelen als decimale tekst."""

from __future__ import annotations

from kostenbaten.berekening.registratie import JaNee, RegistratieUitkomst
from kostenbaten.notatie import json_getal, json_verhouding
from kostenbaten.model.bestandsnamen import openbaar_pad


def _aandeel(aantal: int, van: int, exact: bool, aandeel) -> dict:
    # Een aandeel dat geen eindige breuk is (1 van 3), staat op vier decimalen; aantal en van geven het exact.
    return {"aantal": aantal, "van": van, "aandeel": json_getal(aandeel) if exact else json_verhouding(aandeel), "exact": exact}


def _ja_nee(j: JaNee | None) -> dict | None:
    if j is None:
        return None
    return _aandeel(j.ja, j.ingevuld, j.is_exact, j.aandeel)  # aantal met ja, van de ingevulde


def document(u: RegistratieUitkomst) -> dict:
    uren = u.uren_per_hulpvraag
    return {
        "bestand": openbaar_pad(u.bestand),
        "blad": u.blad,
        "koppeling": openbaar_pad(u.koppeling),
        "standaardkoppeling": u.standaardkoppeling,
        "periode": {"van": u.van.isoformat(), "tot": u.tot.isoformat(), "dagen": u.dagen},
        "hulpvragen": u.hulpvragen,
        "rechtsgebieden": {a.sleutel: {"naam": a.naam, **_aandeel(a.aantal, a.van, a.is_exact, a.aandeel)} for a in u.rechtsgebieden},
        "zonder_rechtsgebied": _aandeel(u.zonder_rechtsgebied.aantal, u.hulpvragen, u.zonder_rechtsgebied.is_exact, u.zonder_rechtsgebied.aandeel),
        "niet_gekoppeld": [{"onderwerp": o, "aantal": n} for o, n in u.niet_gekoppeld],
        "doorverwezen": _ja_nee(u.doorverwezen),
        "doorverwezen_naar": [{"organisatie": o, "aantal": n} for o, n in u.doorverwezen_naar],
        "opgelost": _ja_nee(u.opgelost),
        "opgelost_zonder_doorverwijzing": _ja_nee(u.opgelost_zonder_doorverwijzing),
        "uren": None
        if u.uren is None
        else {"som": json_getal(u.uren), "ingevuld": u.uren_ingevuld, "per_hulpvraag": None if uren is None else json_verhouding(uren)},
        "waarschuwingen": [{"bestand": openbaar_pad(m.bestand), "regel": m.regel, "melding": m.melding} for m in u.waarschuwingen],
        "niet_meegeteld": [{"bestand": openbaar_pad(m.bestand), "regel": m.regel, "plek": m.cel, "melding": m.melding} for m in u.meldingen],
    }
