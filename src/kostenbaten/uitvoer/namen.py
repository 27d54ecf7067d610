"""Leesbare namen voor sleutels uit de rekenkern, voor elke uitvoer gelijk (zonder rich of openpyxl)."""

from __future__ import annotations

from kostenbaten.notatie import euro


DELEN_NAMEN = {"totaal": "Totaal", "client": "Cliënt", "overheid": "Overheid"}


METHODE_NAMEN = {"rapport": "rapport (vlak gemiddelde)", "gewogen": "gewogen (per rechtsgebied)"}


# De gepubliceerde cijfers van een pilot, zoals ze in tekst heten.
CIJFER_NAMEN = {
    "gemiddelde_netto": "gemiddelde netto per casus",
    "gedekt": "gedekte hulpvragen",
    "totaal": "totaal",
    "aandeel_client": "aandeel cliënt",
    "aandeel_overheid": "aandeel overheid",
    "client": "cliënt",
    "overheid": "overheid",
}


# Een begroting die binnen haar horizon niet terugverdiend wordt (terugverdienjaar None).
NIET_BINNEN_HORIZON = "niet binnen de horizon"


def terugverdiend_tekst(jaar: int | None) -> str:
    """`jaar 2` of `niet binnen de horizon`: het jaar waarin het cumulatieve contante saldo positief wordt."""
    return NIET_BINNEN_HORIZON if jaar is None else f"jaar {jaar}"


def groep_naam(groep: str) -> str:
    """De groep of actor `client` (sleutel zonder trema) zoals hij in tekst heet: cliënt."""
    return "cliënt" if groep == "client" else groep


def interval_tekst(v) -> str:
    """`€ 334 tot € 137.052`: het 90%-interval (P5 tot P95) van een verdeling."""
    return f"{euro(v.percentielen[5])} tot {euro(v.percentielen[95])}"
