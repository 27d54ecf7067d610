"""Getal naar Nederlandse tekst: de enige plek voor euro, getal, procent, uren en exacte JSON-getallen.

Afronden gebeurt hier alleen met de benoemde regels uit `geld`; een negatief
bedrag staat overal als `-€ 360` (het min-teken vóór het euroteken).
"""

from __future__ import annotations

import functools
from decimal import Decimal

from kostenbaten.tekens import zichtbaar  # noqa: F401 - hier te vinden naast de rest van de notatie
from kostenbaten.geld import HONDERD, afronden_op_centen, afronden_op_decimalen, afronden_op_euro



def _groepeer(geheel: str) -> str:
    delen = []
    while len(geheel) > 3:
        delen.insert(0, geheel[-3:])
        geheel = geheel[:-3]
    delen.insert(0, geheel)
    return ".".join(delen)


def getal_nl(waarde: Decimal, decimalen: int = 0) -> str:
    """Een getal in Nederlandse notatie: punt voor duizendtallen, komma voor decimalen."""
    if decimalen:
        afgerond = afronden_op_decimalen(waarde, decimalen)
    else:
        afgerond = afronden_op_euro(waarde)
    teken = "-" if afgerond < 0 else ""
    tekst = f"{abs(afgerond):f}"
    geheel, _, fractie = tekst.partition(".")
    uit = teken + _groepeer(geheel)
    if decimalen:
        uit += "," + fractie.ljust(decimalen, "0")
    return uit


def euro(waarde: Decimal, decimalen: int = 0) -> str:
    """Bedrag als `€ 1.614` of `-€ 360`: het min-teken vooraan, nooit alleen kleur."""
    tekst = getal_nl(waarde, decimalen)
    if tekst.startswith("-"):
        return "-€ " + tekst[1:]
    return "€ " + tekst


def getal(waarde: Decimal) -> str:
    """Eén losse waarde: een geheel getal zonder decimalen, anders op twee decimalen."""
    return getal_nl(waarde, decimalen_voor([waarde]))


def procent(waarde: Decimal, decimalen: int = 0) -> str:
    """Een percentage: `66%`, of met decimalen `1,2%`."""
    return f"{getal_nl(waarde, decimalen)}%"


def aandeel(waarde: Decimal) -> str:
    """Een aandeel in procenten: exact als het eindig is (12,5%), anders op twee decimalen (`afronden_op_aandeel`: 23,90%)."""
    from kostenbaten.geld import afronden_op_aandeel, is_eindig_aandeel

    return f"{getal_exact(waarde)}%" if is_eindig_aandeel(waarde) else procent(afronden_op_aandeel(waarde), 2)


def json_aandeel(waarde: Decimal) -> str:
    """Een aandeel voor JSON: exact als het eindig is, anders op vier decimalen (de telling erbij geeft het exact)."""
    from kostenbaten.geld import is_eindig_aandeel

    return json_getal(waarde) if is_eindig_aandeel(waarde) else json_verhouding(waarde)


def kans(kans: Decimal) -> str:
    """Een kans als percentage met één decimaal: 0,0123 wordt 1,2%."""
    return procent(kans * HONDERD, 1)


def uren(waarde: Decimal) -> str:
    """Uren exact, met hun eenheid: `1,5 uur`."""
    return f"{getal_exact(waarde)} uur"


@functools.lru_cache(maxsize=4096)  # hangt alleen af van de waarde (2 en 2,0 geven beide "2"); bij veel casussen herhalen bedragen zich
def json_bedrag(waarde: Decimal) -> str:
    """Bedrag voor JSON als decimale tekst: hele euro's zonder decimalen, anders op centen.

    Een waarde die niet exact op centen eindigt (3.502 / 6) wordt hier pas afgerond.
    """
    if waarde == waarde.to_integral_value():
        tekst = f"{waarde.to_integral_value():f}"
    else:
        tekst = f"{afronden_op_centen(waarde):f}"
    return "0" if tekst == "-0" else tekst


@functools.lru_cache(maxsize=4096)  # hangt alleen af van de waarde (2 en 2,0 geven beide "2"); rekensommen herhalen zich
def getal_exact(waarde: Decimal) -> str:
    """Een getal zoals het is, in Nederlandse notatie zonder overbodige nullen: 1,125, 2 of 1.614."""
    decimalen = max(0, -waarde.normalize().as_tuple().exponent)
    return getal_nl(waarde, decimalen)


def decimalen_voor(waarden) -> int:
    """Decimalen voor een kolom: 2 als één van de waarden geen geheel getal is, anders 0.

    Zo telt een kolom op tot zijn totaal: niet € 100 + € 38 + € 13 naast € 150.
    """
    return 0 if all(w == w.to_integral_value() for w in waarden) else 2


def json_getal(waarde: Decimal) -> str:
    """Een aantal of percentage voor JSON: exact, zonder overbodige nullen (1.125, 65.345, 198)."""
    if waarde == waarde.to_integral_value():
        return f"{waarde.to_integral_value():f}"
    return f"{waarde.normalize():f}"


def json_kans(kans: Decimal) -> str:
    """Een kans voor JSON: decimale tekst op vier decimalen (0.0123)."""
    return f"{afronden_op_decimalen(kans, 4):f}"


def json_verhouding(waarde: Decimal) -> str:
    """Een verhouding (baten/kosten) voor JSON: decimale tekst op vier decimalen (5.6021)."""
    return f"{afronden_op_decimalen(waarde, 4):f}"


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def datum(dag) -> str:
    """Een datum voluit: `1 juni 2021`."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def met_eenheid(waarde: Decimal, eenheid: str) -> str:
    """Een invoerwaarde in haar eenheid: `€ 371,83`, `41,18 uur`, `33%` of `300 hulpvragen`."""
    if eenheid == "euro":
        return euro(waarde, decimalen_voor([waarde]))
    tekst = getal_nl(waarde, decimalen_voor([waarde]))
    return {"procent": f"{tekst}%", "uur": f"{tekst} uur"}.get(eenheid, f"{tekst} {eenheid}")


HARDE_SPATIE = "\u00a0"


def euro_bijeen(tekst: str) -> str:
    """`€ 583,67` met een harde spatie: een regel (HTML, textwrap) breekt dan niet tussen het teken en het getal."""
    return tekst.replace("€ ", "€" + HARDE_SPATIE)


def afgebroken(tekst: str, breedte: int, inspringen: str = "") -> str:
    """Lopende tekst over regels van hoogstens `breedte` tekens, afgebroken tussen woorden maar nooit
    tussen het €-teken en zijn bedrag (`€ 583,67` blijft bij elkaar). Lange woorden blijven heel."""
    import textwrap

    regels = []  # textwrap breekt niet op een harde spatie; daarna wordt die weer een gewone
    for alinea in euro_bijeen(tekst).split("\n"):  # een regelovergang in de tekst blijft staan
        regels += textwrap.wrap(alinea, width=breedte, subsequent_indent=inspringen, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(regels).replace(HARDE_SPATIE, " ")


def op_hele_euros_tot_totaal(delen) -> list[Decimal]:
    """Delen op hele euro's die samen precies het afgeronde totaal zijn (methode van de grootste resten).

    Elk deel wordt eerst naar beneden afgerond; de euro's die dan aan het afgeronde totaal
    ontbreken gaan één voor één naar de delen met de grootste rest (bij gelijke rest de eerste).
    Zo telt een tabel op tot haar totaalregel: niet € 4.561 + € 14.207 naast een totaal dat € 1 lager is.
    Dit is een presentatiestap; de berekening blijft exact.
    """
    delen = [Decimal(d) for d in delen]
    beneden = [d.to_integral_value(rounding="ROUND_FLOOR") for d in delen]
    ontbreekt = int(afronden_op_euro(sum(delen, Decimal(0))) - sum(beneden, Decimal(0)))
    volgorde = sorted(range(len(delen)), key=lambda i: (-(delen[i] - beneden[i]), i))
    for i in volgorde[:ontbreekt]:
        beneden[i] += 1
    return beneden


# -- afbreken van een woord dat niet in zijn kolom past ----------------------------------------

_WOORDENBOEK = None  # het Nederlandse afbreekwoordenboek, pas geladen als een woord niet past


def _woordenboek():
    """Het afbreekwoordenboek nl_NL van LibreOffice, dat pyphen meelevert; één keer geladen, alleen als het nodig is."""
    global _WOORDENBOEK
    if _WOORDENBOEK is None:
        import pyphen

        _WOORDENBOEK = pyphen.Pyphen(lang="nl_NL")
    return _WOORDENBOEK


def afbreekpunten(woord: str) -> list[int]:
    """Waar een Nederlands woord mag breken (posities vóór de letter), naar het afbreekwoordenboek nl_NL
    (Woning-cor-po-ra-tie, con-su-men-ten-za-ken, cli-ënt).

    Nooit binnen de eerste of laatste twee letters; een woord met een cijfer of teken breekt niet.
    """
    if len(woord) < 5 or not woord.isalpha():
        return []
    return [p for p in _woordenboek().positions(woord) if 2 <= p <= len(woord) - 2]


def breek_woord(woord: str, breedte: int) -> list[str]:
    """Een woord dat langer is dan `breedte` in stukken met een afbreekstreepje, alleen op afbreekpunten.

    Zonder passend afbreekpunt blijft het woord heel (liever te breed dan op een willekeurige letter)."""
    if len(woord) <= breedte or breedte < 3:
        return [woord]
    stukken, begin = [], 0
    punten = afbreekpunten(woord)
    while len(woord) - begin > breedte:
        passend = [p for p in punten if p > begin and p - begin + 1 <= breedte]
        if not passend:
            break
        stukken.append(woord[begin:passend[-1]] + "-")
        begin = passend[-1]
    stukken.append(woord[begin:])
    return stukken


def breek_lange_woorden(tekst: str, breedte: int) -> str:
    """Elk woord langer dan `breedte` afgebroken op een Nederlands afbreekpunt (regelovergang na het streepje)."""
    def woord(m):
        return "\n".join(breek_woord(m.group(0), breedte))

    import re

    return re.sub(r"\S+", woord, tekst) if any(len(w) > breedte for w in tekst.split()) else tekst


