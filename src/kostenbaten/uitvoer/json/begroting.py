"""`begroting --formaat json`: de doorgerekende begroting als document."""

from __future__ import annotations

from decimal import Decimal

from kostenbaten.berekening.begroting import BegrotingUitkomst
from kostenbaten.notatie import json_bedrag, json_getal, json_verhouding
from kostenbaten.uitvoer.namen import rekensom_tekst


def _misschien(waarde: Decimal | None):
    return None if waarde is None else json_bedrag(waarde)


def balans_json(a) -> dict:
    """Eén actor (of allen samen) over de horizon: per jaar en contant."""
    return {
        "actor": a.actor,
        "naam": a.naam,
        "contante_kosten": json_bedrag(a.contante_kosten),
        "contante_baten": json_bedrag(a.contante_baten),
        "netto_contante_waarde": json_bedrag(a.netto_contante_waarde),
        "verhouding": _misschien(a.verhouding),
        "terugverdienjaar": a.terugverdienjaar,  # null: niet binnen de horizon
        "omslagpunt_hulpvragen": _misschien(a.omslagpunt),
        "omslagpunt_exact": _misschien(a.omslagpunt_exact),
        "jaren": [
            {"jaar": j.jaar, "kosten": json_bedrag(j.kosten), "baten": json_bedrag(j.baten), "contant_saldo": json_bedrag(j.contant_saldo), "cumulatief": json_bedrag(c)}
            for j, c in zip(a.jaren, a.cumulatief)
        ],
    }


def meerjarig_json(u: BegrotingUitkomst) -> dict:
    m = u.meerjarig
    return {
        "horizon": m.horizon,
        "indexatie_procent": json_getal(m.indexatie),
        "disconto_procent": json_getal(m.disconto),
        "jaarfactoren": [json_verhouding(f) for f in m.jaarfactoren],
        "baten_per_hulpvraag_per_levensjaar": [json_bedrag(b) for b in m.baten_per_levensjaar],
        "totaal": balans_json(m.totaal),
        "per_actor": [balans_json(a) for a in m.actoren],
    }


def document(u: BegrotingUitkomst) -> dict:
    uit = {
        "begroting": u.begroting.naam,
        "weken_per_jaar": json_getal(u.begroting.weken_per_jaar),
        "hulpvragen_per_jaar": json_getal(u.hulpvragen),
        "sjd_uren_per_week": json_getal(u.sjd_uren_per_week),
        "regels": [
            {"soort": r.soort, "naam": r.naam, "betaler": r.betaler, "kosten": json_bedrag(r.bedrag), "rekensom": rekensom_tekst(r.rekensom)}
            for r in u.regels
        ],
        "per_betaler": {
            b.betaler: {"structureel": json_bedrag(b.structureel), "eenmalig": json_bedrag(b.eenmalig), "totaal": json_bedrag(b.totaal)}
            for b in u.per_betaler()
        },
        "structureel": json_bedrag(u.structureel),
        "eenmalig": json_bedrag(u.eenmalig),
        "totaal": json_bedrag(u.totaal),
        "kosten_per_hulpvraag": json_bedrag(u.kosten_per_hulpvraag),
    }
    if u.baten is not None:
        uit["baten"] = {
            "pilot": u.baten.pilot,
            "methode": u.baten.methode,
            "maat": "baten per casus",
            "dekking_procent": json_getal(u.baten.dekking),
            "per_rechtsgebied": [
                {
                    "rechtsgebied": g.rechtsgebied,
                    "aandeel": json_getal(g.aandeel),
                    "casussen": g.aantal_casussen,
                    "baten_per_casus": json_bedrag(g.baten_per_casus),
                    "per_hulpvraag": json_bedrag(g.per_hulpvraag),
                }
                for g in u.baten.gebieden
            ],
            "per_hulpvraag": json_bedrag(u.baten.per_hulpvraag),
            "verwachte_baten": json_bedrag(u.verwachte_baten),
            "netto": json_bedrag(u.netto),
            "verhouding": _misschien(u.verhouding),
            "omslagpunt_hulpvragen": _misschien(u.omslagpunt),
            "omslagpunt_exact": _misschien(u.omslagpunt_exact),
        }
        if u.maatschappelijk is not None:
            from kostenbaten.uitvoer.json.saldo import kosten_json

            m = u.maatschappelijk
            uit["maatschappelijk_saldo"] = {
                "methode": m.methode,
                "middelen_per_hulpvraag": json_bedrag(m.middelen_per_hulpvraag),
                "middelen": json_bedrag(m.middelen),
                "overdrachten": json_bedrag(m.overdrachten),
                "kosten": kosten_json(m.kosten),
                "saldo": json_bedrag(m.saldo),
            }
        uit["per_actor"] = [
            {
                "actor": a.actor,
                "naam": a.naam,
                "betaalt": json_bedrag(a.betaalt),
                "wint_per_hulpvraag": json_bedrag(a.per_hulpvraag),
                "wint": json_bedrag(a.wint),
                "saldo": json_bedrag(a.saldo),
                "verhouding": _misschien(a.verhouding),
                "omslagpunt_hulpvragen": _misschien(a.omslagpunt),
                "omslagpunt_exact": _misschien(a.omslagpunt_exact),
            }
            for a in u.per_actor()
        ]
    uit["meerjarig"] = meerjarig_json(u)
    return uit
