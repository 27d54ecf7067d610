"""Een ingevulde begrotingswerkmap inlezen: de gele invoercellen naar het begrotingsmodel, fouten per cel.

De lezer zoekt de labels en tabelkoppen in kolom A op (zie `model.werkmap`)
en leest alleen invoercellen; formules rekent kostenbaten zelf opnieuw uit.
De validatie is dezelfde als voor YAML; elke melding krijgt de plek van zijn
cel, als `bestand:Begroting!B7: melding`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kostenbaten.fouten import Fout, Plek
from kostenbaten.invoer.validatie import valideer
from kostenbaten.invoer.bestand import Bestand, toon_pad
from kostenbaten.model.begroting import BETALERS, Begroting
from kostenbaten.model.werkmap import (
    ALGEMEEN,
    BLAD,
    JA,
    K_BETALER,
    K_NAAM,
    K_SJD,
    K_TARIEF,
    K_TOELICHTING,
    K_UREN,
    MEERJARIG,
    NEE,
    SECTIES,
    SUBTOTAAL,
    betaler_uit_cel,
)

TEKSTVELDEN = ("naam", "omschrijving", "casussen", "kba_methode", "betaler", "toelichting")

# Welke kolom welk veld van een kostenregel bevat, per soort.
KOLOMMEN = {
    "personeel": {"naam": K_NAAM, "uren_per_week": K_UREN, "sjd": K_SJD, "tarief": K_TARIEF, "betaler": K_BETALER, "toelichting": K_TOELICHTING},
    "per_sjd_uur": {"naam": K_NAAM, "tarief": K_TARIEF, "betaler": K_BETALER, "toelichting": K_TOELICHTING},
    "eenmalig": {"naam": K_NAAM, "bedrag": K_TARIEF, "betaler": K_BETALER, "toelichting": K_TOELICHTING},
}


class Lezer:
    """Verzamelt de inhoud als geneste dict (zoals uit YAML), de cel van elk sleutelpad en eigen fouten.

    `bestand()` maakt er een `Bestand` van, net als `lees_yaml`: elk sleutelpad wijst naar zijn cel ("Casussen!D5"),
    zodat meldingen en uitleg `bestand:Blad!D5` tonen.
    """

    def __init__(self, pad: Path, ws, tekstvelden: tuple[str, ...] = TEKSTVELDEN):
        self.pad = pad
        self.ws = ws  # het blad waar `fout`, `plek` en `waarde` hun cellen lezen; mag wisselen
        self.tekstvelden = tekstvelden
        self.inhoud: dict = {}
        self.plekken: dict[tuple, str] = {(): f"{ws.title}!A1"}  # sleutelpad -> cel, ook voor lege cellen; () is het blad
        self.fouten: list[Fout] = []
        self.gemeld: set[str] = set()  # sleutelpaden met een eigen melding; die van het model vervallen

    def fout(self, cel: str, melding: str, sleutelpad: tuple | None = None) -> None:
        self.fouten.append(Fout(Plek(str(self.pad), None, f"{self.ws.title}!{cel}"), "", melding))
        if sleutelpad is not None:
            self.gemeld.add(toon_pad(sleutelpad))

    def plek(self, sleutelpad: tuple, cel: str) -> None:
        self.plekken[sleutelpad] = f"{self.ws.title}!{cel}"

    def waarde(self, sleutelpad: tuple, cel: str, tekst: bool | None = None):
        """De celwaarde zoals het model hem verwacht; None als de cel leeg is.

        `tekst`: of de cel tekst hoort te bevatten; standaard volgens de veldnaam (`tekstvelden`).
        """
        self.plek(sleutelpad, cel)
        ruw = self.ws[cel].value
        if isinstance(ruw, str):
            ruw = ruw.strip()
            if self.ws[cel].data_type == "f":
                self.fout(cel, "hier hoort een ingevulde waarde, geen formule", sleutelpad)
                return None
            if not ruw:
                return None
        veld = sleutelpad[-1]
        if ruw is None:
            return None
        if tekst or (tekst is None and veld in self.tekstvelden):
            return ruw if isinstance(ruw, str) else str(ruw)
        if isinstance(ruw, float):
            return Decimal(repr(ruw))
        return ruw

    def bestand(self) -> Bestand:
        return Bestand(self.pad, self.inhoud, dict(self.plekken))

    def zet(self, doel: dict, sleutelpad: tuple, waarde) -> None:
        if waarde is not None:
            doel[sleutelpad[-1]] = waarde


def labels_in_kolom_a(ws) -> dict[str, int]:
    """Tekst in kolom A -> eerste rij waarop hij staat."""
    uit: dict[str, int] = {}
    for (cel,) in ws.iter_rows(min_col=1, max_col=1):
        if isinstance(cel.value, str):
            uit.setdefault(cel.value.strip(), cel.row)
    return uit


# Het blad Begroting van het sjabloon telt zo'n 120 rijen; meer dan dit is geen begroting meer.
MAX_RIJEN = 5_000


def lees_begroting_werkmap(pad: Path):
    """Leest een ingevulde werkmap.

    Geeft (begroting of None, fouten, maker van een fout bij de casussencel, waarschuwingen); de
    waarschuwingen noemen verborgen bladen en rijen (zie `invoer.xlsx`).
    """
    from kostenbaten.invoer.xlsx import lees_blad, open_werkmap

    naam = str(pad)
    wb, fouten = open_werkmap(pad, formules=True)
    if wb is None:
        return None, fouten, None, []
    with wb:
        if BLAD not in wb.bladen:
            return None, [Fout(Plek(naam), "", f"blad '{BLAD}' ontbreekt; maak een werkmap met 'kostenbaten sjabloon'")], None, []
        blad, fouten = lees_blad(wb, BLAD, MAX_RIJEN)
        if blad is None:
            return None, fouten, None, []
        waarschuwingen = wb.waarschuwingen(gelezen=[BLAD])
    begroting, fouten, casussenfout = _lees(pad, blad)
    return begroting, fouten, casussenfout, waarschuwingen


def _lees(pad: Path, ws):
    naam = str(pad)
    lezer = Lezer(pad, ws)
    labels = labels_in_kolom_a(lezer.ws)

    casussencel = None
    for sleutel, (label, _) in ALGEMEEN.items():
        rij = labels.get(label)
        if rij is None:
            lezer.fout("A1", f"label '{label}' niet gevonden in kolom A")
            continue
        lezer.zet(lezer.inhoud, (sleutel,), lezer.waarde((sleutel,), f"B{rij}"))
        if sleutel == "casussen":
            casussencel = f"B{rij}"

    for sleutel, (label, _) in MEERJARIG.items():
        rij = labels.get(label)
        if rij is not None:  # zonder dit blok: één jaar, zoals in oudere werkmappen
            lezer.zet(lezer.inhoud, (sleutel,), lezer.waarde((sleutel,), f"B{rij}"))

    for soort, titel in SECTIES.items():
        rij = labels.get(titel)
        if rij is None:
            lezer.fout("A1", f"tabel '{titel}' niet gevonden in kolom A")
            continue
        _lees_tabel(lezer, soort, rij + 1)

    begroting, fouten = valideer(Begroting, lezer.bestand())
    fouten = [naar_cel(lezer, f) for f in fouten if f.sleutelpad not in lezer.gemeld]
    fouten = lezer.fouten + fouten
    if fouten:
        return None, fouten, None

    def casussenfout(melding: str) -> Fout:
        return Fout(Plek(naam, None, f"{BLAD}!{casussencel}"), "", f"casussen: {melding}")

    return begroting, [], casussenfout


def _lees_tabel(lezer: Lezer, soort: str, eerste: int) -> None:
    regels = []
    lezer.plek((soort,), f"A{eerste - 1}")
    # Alleen rijen waar een cel staat: een waarde ver onder de tabel kost zo geen miljoen lege rijen.
    for rij in (r for r in lezer.ws.rijnummers if r >= eerste):
        kop = lezer.ws[f"{K_NAAM}{rij}"].value
        if isinstance(kop, str) and kop.strip().startswith(SUBTOTAAL):
            break
        kolommen = KOLOMMEN[soort]
        if all(lezer.ws[f"{k}{rij}"].value in (None, "") for v, k in kolommen.items() if v != "toelichting"):
            continue
        pad = (soort, len(regels))
        lezer.plek(pad, f"{K_NAAM}{rij}")
        regel: dict = {}
        for veld, kolom in kolommen.items():
            waarde = lezer.waarde(pad + (veld,), f"{kolom}{rij}")
            if veld == "betaler" and isinstance(waarde, str):
                sleutel = betaler_uit_cel(waarde)
                if sleutel is None:
                    lezer.fout(f"{kolom}{rij}", f"onbekende betaler '{waarde}'; kies uit: {', '.join(BETALERS.values())}", pad + (veld,))
                waarde = sleutel or waarde
            elif veld == "sjd" and waarde is not None:
                waarde = _ja_nee(lezer, pad + (veld,), f"{kolom}{rij}", waarde)
            lezer.zet(regel, pad + (veld,), waarde)
        regels.append(regel)
    lezer.inhoud[soort] = regels


def _ja_nee(lezer: Lezer, sleutelpad: tuple, cel: str, waarde) -> bool:
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, str) and waarde.lower() in (JA, NEE):
        return waarde.lower() == JA
    lezer.fout(cel, f"vul '{JA}' of '{NEE}' in (gevonden: {waarde})", sleutelpad)
    return False


def naar_cel(lezer: Lezer, fout: Fout) -> Fout:
    melding = fout.melding
    if melding == "verplichte sleutel ontbreekt":
        melding = "deze cel is leeg; vul hem in"
    # De cel van het sleutelpad zelf, ook als het leeg is (de validatie wijst dan naar het blok erboven).
    plek = next((c for p, c in lezer.plekken.items() if toon_pad(p) == fout.sleutelpad), None) or fout.cel
    blad, _, cel = plek.rpartition("!")
    inhoud = lezer.ws.parent[blad][cel].value
    if isinstance(inhoud, str) and "is geen getal" in melding:
        # De YAML-tip (punt als decimaalteken) klopt niet voor Excel, waar een komma juist goed is.
        melding = f"deze cel bevat de tekst '{inhoud}' in plaats van een getal; typ een getal, zonder €-teken, in een cel zonder tekstopmaak"
    return Fout(Plek(fout.bestand, None, plek), "", melding)
