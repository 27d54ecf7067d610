"""Geldbedragen: één manier om ze te maken, benoemde afrondingsregels en Nederlandse notatie.

Bedragen zijn altijd `Decimal`. Afronden gebeurt nooit tussendoor, alleen in de
benoemde functies hieronder, die de uitvoer (of de rapportregels) gebruiken.
"""

from __future__ import annotations

import decimal
from contextlib import contextmanager
from fractions import Fraction
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext

NUL = Decimal(0)
HONDERD = Decimal(100)
MILJOENSTE = Decimal("0.000001")

# Genoeg cijfers om een deling als 3.502 / 6 pas bij de uitvoer af te ronden.
PRECISIE = 50

# -- grenzen en rekenprecisie ---------------------------------------------------
#
# Elk getal dat het model aanneemt heeft hoogstens GEHEEL_CIJFERS cijfers voor
# en DECIMALEN cijfers na de punt, dus hoogstens 25 significante cijfers. Een
# product van drie zulke getallen (uren x tarief x kans, of maandbedrag x
# maanden x kans) heeft er hoogstens 75; sommen over casussen en actoren voegen
# er een paar toe. Met REKENPRECISIE = 100 wordt optellen, aftrekken en
# vermenigvuldigen dus nooit afgerond. Alleen een deling (die oneindig kan
# doorlopen, zoals 3.502 / 6) rondt af, op PRECISIE cijfers in `deel`, en de
# benoemde afrondingsregels hieronder zijn de presentatie.
GEHEEL_CIJFERS = 15
DECIMALEN = 10
REKENPRECISIE = 100


def _rekencontext(context: decimal.Context) -> None:
    context.prec = REKENPRECISIE


_rekencontext(decimal.DefaultContext)  # voor threads die hierna starten
_rekencontext(decimal.getcontext())


def buiten_grenzen(waarde: Decimal) -> str | None:
    """Een Nederlandse reden als `waarde` buiten de grenzen van het model valt, anders None."""
    if not waarde.is_finite():
        return "is geen eindig getal"
    if waarde.is_zero():
        return None
    if waarde.adjusted() >= GEHEEL_CIJFERS:
        return f"is te groot: hoogstens {GEHEEL_CIJFERS} cijfers voor de punt (kleiner dan 1.000.000.000.000.000)"
    _, cijfers, exponent = waarde.as_tuple()
    nullen = len(cijfers) - len("".join(map(str, cijfers)).rstrip("0"))
    if exponent + nullen < -DECIMALEN:
        return f"heeft te veel cijfers na de punt: hoogstens {DECIMALEN}"
    return None


@contextmanager
def _afrondend(prec: int):
    """De rekencontext van `deel` en de benoemde afrondingsregels: de enige plekken waar afronden mag."""
    with localcontext() as ctx:
        ctx.prec = prec
        yield ctx


def bedrag(waarde: int | str | Decimal) -> Decimal:
    """Het enige constructiepunt voor geld: uit int, tekst of Decimal, nooit uit float."""
    if isinstance(waarde, bool) or isinstance(waarde, float):
        raise TypeError(f"geld mag niet uit {type(waarde).__name__} gemaakt worden")
    return Decimal(waarde)


def deel(teller: Decimal, noemer: Decimal | int) -> Decimal:
    """Exacte deling met ruime precisie; het resultaat wordt pas bij de uitvoer afgerond."""
    with _afrondend(PRECISIE):
        return Decimal(teller) / Decimal(noemer)


def vermenigvuldig(*factoren: Decimal | int) -> Decimal:
    """Product met ruime precisie, zodat een gedeeld gemiddelde niet vroegtijdig afrondt.

    Een factor die uit `deel` komt heeft al PRECISIE cijfers; zo'n product wordt
    weer op PRECISIE cijfers gebracht. Producten van invoergetallen zijn exact.
    """
    with _afrondend(PRECISIE):
        uitkomst = Decimal(1)
        for factor in factoren:
            uitkomst *= Decimal(factor)
        return uitkomst


def som_van_delingen(termen) -> Decimal:
    """De som van teller / noemer over alle termen, met één deling aan het eind.

    Elke term apart delen geeft bij noemers als 3 of 7 afgekapte repeterende
    breuken, waarvan de som net naast een exact eindigend totaal kan vallen
    (-784,95499... in plaats van -784,955: een cent verschil na afronden).
    Teller en noemer als breuk optellen houdt de som exact tot die ene deling.
    """
    totaal = Fraction(0)
    for teller, noemer in termen:
        totaal += Fraction(Decimal(teller)) / Fraction(Decimal(noemer))
    return deel(Decimal(totaal.numerator), Decimal(totaal.denominator))


def som(bedragen) -> Decimal:
    """Som van bedragen; begint bij Decimal 0 zodat een lege som ook geld is."""
    totaal = NUL
    for b in bedragen:
        totaal += b
    return totaal


# -- benoemde afrondingsregels ----------------------------------------------


def _kwantiseer(waarde: Decimal, eenheid: Decimal, afronding: str) -> Decimal:
    """`quantize` met genoeg precisie voor elk bedrag (de standaard van 28 cijfers kan te krap zijn)."""
    with _afrondend(max(PRECISIE, waarde.adjusted() - eenheid.adjusted() + 2)):
        return waarde.quantize(eenheid, rounding=afronding)


def afronden_op_centen(waarde: Decimal) -> Decimal:
    """Presentatie: op hele centen, half naar boven (weg van nul)."""
    return _kwantiseer(waarde, Decimal("0.01"), ROUND_HALF_UP)


def afronden_op_decimalen(waarde: Decimal, decimalen: int) -> Decimal:
    """Presentatie: op een gegeven aantal decimalen, half naar boven (weg van nul)."""
    return _kwantiseer(waarde, Decimal(1).scaleb(-decimalen), ROUND_HALF_UP)


def afronden_op_euro(waarde: Decimal) -> Decimal:
    """Presentatie: op hele euro's, half naar boven (weg van nul)."""
    return _kwantiseer(waarde, Decimal(1), ROUND_HALF_UP)


def afkappen_op_euro(waarde: Decimal) -> Decimal:
    """Rapportregel: de centen weglaten (583,67 wordt 583), richting nul."""
    return _kwantiseer(waarde, Decimal(1), ROUND_DOWN)


def afronden_op_duizendtal(waarde: Decimal) -> Decimal:
    """Rapportregel: op hele duizenden, half naar boven (115.434 wordt 115.000)."""
    duizend = Decimal(1000)
    return vermenigvuldig(_kwantiseer(deel(waarde, duizend), Decimal(1), ROUND_HALF_UP), duizend)


def afronden_op_procent(waarde: Decimal) -> Decimal:
    """Rapportregel: een percentage op hele procenten (68,19 wordt 68)."""
    return _kwantiseer(waarde, Decimal(1), ROUND_HALF_UP)


def centen_uit_float(waarde: float) -> Decimal:
    """Presentatie van een Monte-Carlo-uitkomst: een float64 wordt geld op hele centen.

    De trekkingen rekenen in float64; dit is de enige plek waar zo'n getal weer
    geld wordt. Eerst op een miljoenste euro: dat wist de rekenruis van float64
    (bij bedragen tot honderden miljoenen kleiner dan 1e-7), zodat een exacte
    halve cent als 6,645 niet als 6,6449999... naar beneden afrondt. Daarna
    op centen, half naar boven, zoals `afronden_op_centen`.
    """
    with _afrondend(PRECISIE):
        zonder_ruis = Decimal(float(waarde)).quantize(MILJOENSTE, rounding=ROUND_HALF_EVEN)
    return afronden_op_centen(zonder_ruis)


def afronden_naar_boven(waarde: Decimal) -> Decimal:
    """Een aantal naar boven op een geheel getal (197,2 hulpvragen wordt 198), zoals ROUNDUP in Excel voor positieve getallen."""
    return _kwantiseer(waarde, Decimal(1), ROUND_CEILING)


def afkappen_op_aandeel(waarde: Decimal) -> Decimal:
    """Een aandeel in procenten op twee decimalen, richting nul, zodat afgekapte aandelen samen nooit boven 100% komen."""
    return _kwantiseer(waarde, Decimal("0.01"), ROUND_DOWN)


def afronden_op_aandeel(waarde: Decimal) -> Decimal:
    """Presentatie: een aandeel in procenten dat niet eindig is (98 van 410: 23,9024...%) op twee decimalen, half naar boven."""
    return _kwantiseer(waarde, Decimal("0.01"), ROUND_HALF_UP)


def is_eindig_aandeel(waarde: Decimal) -> bool:
    """Of een aandeel met hoogstens DECIMALEN decimalen te schrijven is (40 of 12,5, niet 23,9024390...)."""
    return waarde == waarde.to_integral_value() or -waarde.normalize().as_tuple().exponent <= DECIMALEN


def afronden_op_rekenprecisie(waarde: Decimal) -> Decimal:
    """Invoer uit een werkmap: een kommagetal van Excel (23,900000000000002, de ruis van binaire getallen)
    op de DECIMALEN die het model bewaart, half naar boven; nullen aan het eind vallen weg (1614,0000000000 wordt 1614)."""
    afgerond = _kwantiseer(waarde, Decimal(1).scaleb(-DECIMALEN), ROUND_HALF_UP)
    if afgerond == afgerond.to_integral_value():
        return _kwantiseer(afgerond, Decimal(1), ROUND_HALF_UP)
    return afgerond.normalize()


AFRONDINGSREGELS = {
    "afronden_op_centen": afronden_op_centen,
    "afronden_op_euro": afronden_op_euro,
    "afkappen_op_euro": afkappen_op_euro,
    "afronden_op_duizendtal": afronden_op_duizendtal,
    "afronden_op_procent": afronden_op_procent,
    "afronden_naar_boven": afronden_naar_boven,
}

# Korte omschrijving per regel, voor uitvoer waarin de naam van een regel staat.
AFRONDINGSREGELS_KORT = {
    "afronden_op_centen": "op hele centen",
    "afronden_op_euro": "op hele euro's",
    "afkappen_op_euro": "centen weggelaten",
    "afronden_op_duizendtal": "op hele duizenden",
    "afronden_op_procent": "op hele procenten",
    "afronden_naar_boven": "naar boven op een geheel getal",
}
