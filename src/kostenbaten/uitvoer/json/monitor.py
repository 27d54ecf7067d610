"""`monitor --formaat json`: per bibliotheek per periode en in totaal; aantallen als getallen, verhoudingen als decimale tekst."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.monitor import KERNCIJFERS, MonitorUitkomst, Periode
from kostenbaten.notatie import json_getal, json_verhouding
from kostenbaten.model.bestandsnamen import openbaar_pad


def _waarde(waarde: Decimal | None) -> str | None:
    if waarde is None:
        return None
    return json_getal(waarde) if waarde == waarde.to_integral_value() else json_verhouding(waarde)


def _ja_nee(paar) -> dict | None:
    return None if paar is None else {"ja": paar[0], "ingevuld": paar[1]}


def _lijst(paren, sleutel: str) -> list[dict]:
    return [{sleutel: naam, "aantal": n} for naam, n in paren]


def periode(p: Periode) -> dict:
    return {
        "periode": p.naam,
        "hulpvragen": p.hulpvragen,
        "kerncijfers": {k: _waarde(p.kern[k]) for k in KERNCIJFERS},
        "verandering": {k: _waarde(p.verandering.get(k)) for k in KERNCIJFERS} if p.verandering else None,
        "rechtsgebieden": [{"rechtsgebied": s, "naam": n, "aantal": a} for s, n, a in p.per_rechtsgebied],
        "onderwerpen": _lijst(p.per_onderwerp, "onderwerp"),
        "doelgroepen": {k: _lijst(w, "waarde") for k, w in p.doelgroepen},
        "doorverwijzers": _lijst(p.doorverwijzers, "doorverwijzer"),
        "doorverwezen_naar": _lijst(p.doorverwezen_naar, "organisatie"),
        "netwerk": [{"van": v, "naar": n, "aantal": a} for v, n, a in p.netwerk],
        "doorverwezen": _ja_nee(p.doorverwezen),
        "opgelost": _ja_nee(p.opgelost),
        "opgelost_zonder_doorverwijzing": _ja_nee(p.opgelost_zonder_doorverwijzing),
        "uren": None if p.uren is None else {"som": json_getal(p.uren[0]), "ingevuld": p.uren[1]},
        "contacten": p.contacten,
        "clienten": p.clienten,
        "tevredenheid": None
        if p.tevredenheid is None
        else {"verdeling": [{"cijfer": json_getal(c), "aantal": n} for c, n in p.tevredenheid], "respons": p.tevredenheid_respons},
    }


def document(u: MonitorUitkomst) -> dict:
    uit = {
        "per": u.per,
        "periode": {"van": u.van.isoformat(), "tot": u.tot.isoformat()},
        "bibliotheken": [
            {
                "naam": b.naam,
                "bestanden": [openbaar_pad(p) for p in b.bestanden],
                "gegevens": list(b.gegevens),
                "perioden": [periode(p) for p in b.perioden],
                "totaal": periode(b.totaal),
            }
            for b in u.bibliotheken
        ],
        "dubbel": [
            {"bibliotheek": d.bibliotheek, "bestand": openbaar_pad(d.bestand), "eerder_in": d.eerder, "aantal": d.aantal, "voorbeelden": list(d.voorbeelden)}
            for d in u.dubbel
        ],
    }
    if u.kaart is not None:
        uit["uitkomstenkaart"] = [kaart(k) for k in u.kaart]
    return uit


def kaart(k) -> dict:
    return {
        "naam": k.naam,
        "bestand": openbaar_pad(k.bestand),
        "bibliotheek": k.bibliotheek,
        "indicatoren": [
            {
                "naam": i.naam,
                "schakel": i.schakel,
                "berekening": i.berekening,
                "doel": json_getal(i.doel),
                "richting": i.richting,
                "gehaald": i.gehaald,
                "getoetst": i.getoetst,
                "perioden": [
                    {"periode": s.periode, "waarde": _waarde(s.waarde), "gehaald": s.gehaald, "reden": s.reden} for s in i.standen
                ],
            }
            for i in k.indicatoren
        ],
        "niet_te_berekenen": [{"indicator": n, "reden": r} for n, r in k.niet_te_berekenen],
    }
