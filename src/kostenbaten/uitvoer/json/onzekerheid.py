"""`onzekerheid --formaat json`: verwachte waarden, percentielen, de twee soorten spreiding en de steekproef als document."""

from __future__ import annotations

from kostenbaten.notatie import json_bedrag, json_getal, json_kans
from kostenbaten.uitvoer.namen import verdeling_tekst


def verdeling_json(v) -> dict:
    return {
        "verwacht": json_bedrag(v.verwacht) if v.verwacht is not None else None,
        "berekend": json_bedrag(v.berekend),
        **{f"p{p}": json_bedrag(w) for p, w in v.percentielen.items()},
        "gemiddelde": json_bedrag(v.gemiddelde),
        "kans_negatief": json_kans(v.kans_negatief),
    }


def extrapolaties_json(u, parameters: bool = False) -> list[dict]:
    bron = u.parameters if parameters else u.extrapolaties
    return [{"methode": m, **{d: verdeling_json(v) for d, v in delen.items()}} for m, delen in bron.items()]


def centrum_json(u) -> dict:
    return {
        "exact": u.centrum.exact,
        "reden": u.centrum.reden,
        "uitleg": "verwacht: de verwachte waarde (centrale schatting); berekend: bij de meest waarschijnlijke invoer",
    }


def steekproef_json(s) -> dict | None:
    if s is None:
        return None
    return {
        "casussen": s.aantal,
        "netto_per_casus": [json_bedrag(x) for x in s.netto],
        "gemiddelde": json_bedrag(s.gemiddelde),
        "standaardafwijking": json_bedrag(s.standaardafwijking) if s.standaardafwijking is not None else None,
        "standaardfout": json_bedrag(s.standaardfout) if s.standaardfout is not None else None,
        "t_waarde": json_getal(s.t_waarde) if s.t_waarde is not None else None,
        "t_interval_90": [json_bedrag(g) for g in s.t_interval] if s.t_interval is not None else None,
        "bootstrap": {
            "trekkingen": s.trekkingen,
            "zaad": s.zaad,
            "gemiddelde": {f"p{p}": json_bedrag(w) for p, w in s.gemiddelde_bootstrap.items()},
            "totaal": [
                {"methode": m, **{f"p{p}": json_bedrag(w) for p, w in t.items()}, "kans_negatief": json_kans(s.kans_negatief[m])}
                for m, t in s.totaal_bootstrap.items()
            ],
        },
        "waarde_grotere_steekproef": {m: json_bedrag(w) for m, w in s.waarde_steekproef.items()},
        "rechtsgebieden": [
            {"rechtsgebied": g.rechtsgebied, "casussen": g.casussen, "te_weinig_voor_spreiding": g.te_weinig} for g in s.gebieden
        ],
    }


def document(u) -> dict:
    return {
        "pilot": u.berekend.pilot.naam,
        "trekkingen": u.trekkingen,
        "zaad": u.zaad,
        "centrum": centrum_json(u),
        "percentielen": list(next(iter(u.casussen.values())).percentielen),
        "invoer_met_bereik": [{"plek": i.plek, "verdeling": verdeling_tekst(i.onzeker)} for i in u.invoer],
        "kans_van_slagen": list(u.kansen),
        "uitkomst_per_hulpvraag": "binomiaal over de vertegenwoordigde hulpvragen (met een getrokken kans: een mengverdeling)",
        "casussen": [{"nummer": n, "netto": verdeling_json(v)} for n, v in u.casussen.items()],
        "gemiddelde_netto": verdeling_json(u.gemiddelde_netto),
        "gemiddelde_netto_alleen_parameters": (
            verdeling_json(u.gemiddelde_netto_parameters) if u.gemiddelde_netto_parameters is not None else None
        ),
        "extrapolatie": extrapolaties_json(u),
        "extrapolatie_alleen_parameters": extrapolaties_json(u, parameters=True),
        "maatschappelijk_saldo": {
            "kosten_route": u.kosten_route,
            "uitleg": "besparingen van middelen min de kosten van het hele programma; overdrachten tellen voor nul",
            **{m: verdeling_json(v) for m, v in u.saldo.items()},
        },
        "deel_variantie_uit_uitkomsten": {m: json_getal(d) for m, d in u.deel_uitkomsten.items()},
        "spreiding": [{"methode": m, **{k: json_getal(v) for k, v in d.items()}} for m, d in u.spreiding.items()],
        "steekproef_casussen": steekproef_json(u.steekproef),
        "actoren": [
            {
                "methode": m,
                "actoren": [
                    {
                        "actor": k,
                        "naam": a.naam,
                        "saldo": verdeling_json(a.saldo),
                        "kans_baten_groter": None if a.ontvangt_alleen else json_kans(a.kans_baten_groter),
                        "ontvangt_alleen": a.ontvangt_alleen,
                    }
                    for k, a in actoren.items()
                ],
            }
            for m, actoren in u.actoren.items()
        ],
        "histogram": [
            {"methode": m, "randen": [json_bedrag(r) for r in h.randen], "aantallen": list(h.aantallen)}
            for m, h in u.histogrammen.items()
        ],
    }
