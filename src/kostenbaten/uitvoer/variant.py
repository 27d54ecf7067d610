"""Een variant uit de eigen registratie: hulpvragen, periode en de aantallen per rechtsgebied, bovenop een casussenmap.

De variant noemt alleen wat uit de registratie komt; al het andere (casussen,
tarieven, kengetallen) blijft van de basis. Het aantal hulpvragen is de telling
over de geregistreerde periode, niet opgeschaald naar een jaar: de periode gaat
mee in de variant, zodat elke opdracht zegt waarover geteld is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kostenbaten.berekening.registratie import RegistratieUitkomst
from kostenbaten.geld import afkappen_op_aandeel, afronden_op_decimalen
from kostenbaten.notatie import aandeel, datum, json_getal
from kostenbaten.tekens import zichtbaar


def _basis(basis: Path, variant: Path) -> str:
    """De basis relatief aan de map van de variant, met schuine strepen (werkt ook op Windows)."""
    try:
        return Path(os.path.relpath(basis.resolve(), variant.resolve().parent)).as_posix()
    except ValueError:  # een andere schijf op Windows
        return basis.resolve().as_posix()


def _in_commentaar(tekst: str) -> str:
    """Tekst uit de export in een regel commentaar: onzichtbare tekens zichtbaar gemaakt (`tekens.zichtbaar`), en ook
    een regeleinde, zodat de tekst het commentaar niet verlaat en de variant altijd weer te lezen is."""
    return zichtbaar(str(tekst)).replace("\r", "\\r").replace("\n", "\\n")


def zonder_casus(u: RegistratieUitkomst, gedekt) -> tuple:
    """De rechtsgebieden met hulpvragen maar zonder casus in de basis: in de variant aandeel 0, ze tellen als rest."""
    return tuple(a for a in u.rechtsgebieden if a.aantal and a.sleutel not in gedekt)


def variant_tekst(u: RegistratieUitkomst, pilotnaam: str, rechtsgebieden, gedekt, basis: Path, variant: Path) -> str:
    """De variant als YAML-tekst, met commentaar over waar elk getal vandaan komt.

    `rechtsgebieden` zijn de sleutels uit pilot.yaml van de basis en `gedekt` de
    rechtsgebieden met een casus. Een rechtsgebied zonder onderwerp in de koppeling
    of zonder casus krijgt aandeel 0 (zoals `kostenbaten nieuw` het voorschrijft):
    zijn hulpvragen tellen dan als rest, met een regel commentaar.
    """
    geen_casus = {a.sleutel for a in zonder_casus(u, gedekt)}
    tellingen = {a.sleutel: a for a in u.rechtsgebieden}
    naam = f"{pilotnaam}, eigen registratie"
    regels = [
        f"# Geschreven door `kostenbaten registratie` uit {_in_commentaar(Path(u.bestand).name)}: {u.hulpvragen} hulpvragen",
        f"# van {datum(u.van)} tot en met {datum(u.tot)}. De hulpvragen, ook per rechtsgebied,",
        "# komen uit die registratie; casussen, tarieven en kengetallen uit de basis.",
        "# Het aantal hulpvragen geldt voor deze periode (niet omgerekend naar een jaar).",
        f"naam: {json.dumps(naam, ensure_ascii=False)}",
        "omschrijving: " + json.dumps(f"{pilotnaam} met de hulpvragen (ook per rechtsgebied) uit de eigen vraagregistratie.", ensure_ascii=False),
        f"basis: {json.dumps(_basis(basis, variant), ensure_ascii=False)}",
        "pilot:",
        "  periode:",
        f"    van: {u.van.isoformat()}",
        f"    tot: {u.tot.isoformat()}",
        f"  hulpvragen: {u.hulpvragen}",
        *_uren_regel(u),
        "rechtsgebieden:",
    ]
    for sleutel in rechtsgebieden:
        a = tellingen.get(sleutel)
        if a is None:
            regels += [f"  {sleutel}:", "    aandeel: 0  # geen onderwerp in de koppeling"]
        elif sleutel in geen_casus:
            regels += [f"  {sleutel}:", f"    aandeel: 0  # {a.aantal} van {a.van} hulpvragen, maar nog geen casus; met een casus: schrijf de variant opnieuw"]
        elif a.van == u.hulpvragen:
            # Het aantal zelf: het aandeel volgt er exact uit (98 van 410 is geen eindig percentage).
            regels += [f"  {sleutel}:", f"    hulpvragen: {a.aantal}  # van {a.van} hulpvragen: {aandeel(a.aandeel)}"]
        elif a.is_exact:
            regels += [f"  {sleutel}:", f"    aandeel: {json_getal(a.aandeel)}  # {a.aantal} van {a.van} hulpvragen"]
        else:
            afgekapt = json_getal(afkappen_op_aandeel(a.aandeel))
            regels += [f"  {sleutel}:", f"    aandeel: {afgekapt}  # {a.aantal} van {a.van} hulpvragen, afgekapt op twee decimalen"]
    if u.niet_gekoppeld:
        regels.append(f"# Onderwerpen zonder rechtsgebied (de rest: {u.zonder_rechtsgebied.aantal} van {u.hulpvragen} hulpvragen):")
        regels += [f"#   {_in_commentaar(onderwerp)}: {aantal}" for onderwerp, aantal in u.niet_gekoppeld]
    return "\n".join(regels) + "\n"


def _uren_regel(u: RegistratieUitkomst) -> list[str]:
    """De geregistreerde uren per hulpvraag: de kosten van het hele programma (docs/methode.md, "Maatschappelijk saldo")."""
    per_hulpvraag = u.uren_per_hulpvraag
    if per_hulpvraag is None:
        return []
    herkomst = f"{json_getal(u.uren)} uur bij {u.uren_ingevuld} hulpvragen"
    afgerond = afronden_op_decimalen(per_hulpvraag, 4)
    if afgerond == per_hulpvraag:
        return [f"  uren_per_hulpvraag: {json_getal(per_hulpvraag)}  # {herkomst}"]
    return [f"  uren_per_hulpvraag: {json_getal(afgerond)}  # {herkomst}, afgerond op vier decimalen"]


def schrijf_tekst(tekst: str, doel: Path) -> None:
    """De variant als YAML-tekst in het bestand `doel`; `uitvoer.lever` maakt dat bestand atomair."""
    doel.write_text(tekst, encoding="utf-8")
