"""Een schone casussenmap om mee te beginnen, uit de sjablonen die met het pakket meekomen.

De map krijgt `pilot.yaml` (startwaarden uit Hengelo, elk gemarkeerd), één
voorbeeldcasus en onder `registratie/` de koppeling voor `kostenbaten
registratie`. Er komt geen `gepubliceerd` en geen `errata` in: een eigen map
heeft geen rapport om na te rekenen. Met eigen rechtsgebieden (`--rechtsgebied`)
en betalers (`--betaler`) komen die in plaats van die van Hengelo. De map komt
er heel of niet (`schrijf_map_atomair`).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from kostenbaten.fouten import Fout, Plek, Gebruiksfout, UitvoerFouten, als_naam, bedoelt_u
from kostenbaten.uitvoer.bestand import bestaat, meld_restanten, schrijf_map_atomair

# bestand in het sjabloon -> plek in de nieuwe map
BESTANDEN = {
    "pilot.yaml": "pilot.yaml",
    "casus-1.yaml": "casus-1.yaml",
    "koppeling.yaml": "registratie/koppeling.yaml",
    "monitor.yaml": "registratie/monitor.yaml",
    "uitkomsten.yaml": "registratie/uitkomsten.yaml",
}
TARIEVEN = ("sjd", "projectkosten", "servicekosten")  # de tarieven in het sjabloon
AANDEEL_EERSTE = 33  # het aandeel van het eerste rechtsgebied, zoals sociaal zekerheidsrecht in Hengelo


def sjabloon(naam: str) -> str:
    return resources.files("kostenbaten.sjablonen").joinpath("nieuw", naam).read_text(encoding="utf-8")


def rechtsgebieden_uit(namen: list[str] | None) -> dict[str, str] | None:
    """`--rechtsgebied "Wonen en huur"` wordt {"wonen_en_huur": "Wonen en huur"}; een naam zonder sleutel of dubbel is een fout."""
    if not namen:
        return None
    uit: dict[str, str] = {}
    for naam in namen:
        tekst = " ".join(naam.split())
        sleutel = als_naam(" ".join(re.sub(r"[^\w\s-]", " ", tekst).split()))  # 'Werk & inkomen' -> werk_inkomen
        if sleutel is None:
            raise Gebruiksfout(f"--rechtsgebied: '{naam}' is geen naam; begin met een letter, bijvoorbeeld --rechtsgebied \"Wonen en huur\".")
        if sleutel in uit:
            raise Gebruiksfout(f"--rechtsgebied: '{naam}' staat er twee keer in (als '{sleutel}').")
        uit[sleutel] = tekst
    return uit


def betalers_uit(waarden: list[str] | None, actoren) -> dict[str, str]:
    """`--betaler gemeente` (alle tarieven) of `--betaler sjd=gemeente` (één tarief) als {tarief: actor}."""
    uit: dict[str, str] = {}
    for waarde in waarden or ():
        tarief, _, actor = waarde.rpartition("=")
        tarief, actor = tarief.strip(), actor.strip()
        if tarief and tarief not in TARIEVEN:
            raise Gebruiksfout(f"--betaler: onbekend tarief '{tarief}'; kies uit: {', '.join(TARIEVEN)}.")
        if actor not in actoren:
            suggestie = bedoelt_u(actor, actoren)
            hint = f"; bedoelt u '{suggestie}'?" if suggestie else f"; kies uit: {', '.join(actoren)}"
            raise Gebruiksfout(f"--betaler: onbekende actor '{actor}'{hint}")
        uit.update({t: actor for t in ((tarief,) if tarief else TARIEVEN)})
    return uit


def _toonbaar(tekst: str) -> str:
    """Een pad in een commentaarregel: een regeleinde of ander stuurteken zou de YAML breken."""
    return "".join(t if t.isprintable() else "?" for t in tekst)


def _met_rechtsgebieden(pilot: str, casus: str, koppeling: str, gebieden: dict[str, str]) -> tuple[str, str, str]:
    """De rechtsgebieden van Hengelo vervangen door de eigen: het eerste met het startaandeel, de rest op 0."""
    regels = []
    for i, (sleutel, naam) in enumerate(gebieden.items()):
        aandeel = f"{AANDEEL_EERSTE}          # startwaarde (Hengelo); `kostenbaten registratie` telt uw eigen" if i == 0 else (
            "0           # zet het aandeel zodra er een casus voor is"
        )
        regels += [f"  {sleutel}:", f"    naam: {json.dumps(naam, ensure_ascii=False)}", f"    aandeel: {aandeel}"]
    blok = "rechtsgebieden:\n" + "\n".join(regels) + "\n"
    pilot, n = re.subn(r"(?ms)^rechtsgebieden:\n.*?(?=^\n)", lambda _: blok, pilot, count=1)
    assert n == 1, "het sjabloon pilot.yaml heeft geen blok rechtsgebieden"
    eerste = next(iter(gebieden))
    casus = re.sub(r"(?m)^rechtsgebied: \w+", lambda _: f"rechtsgebied: {eerste}", casus, count=1)
    onderwerpen = "onderwerpen:\n" + "".join(f"  {s}: [{json.dumps(n, ensure_ascii=False)}]\n" for s, n in gebieden.items())
    koppeling = re.sub(r"(?ms)^onderwerpen:\n.*\Z", lambda _: onderwerpen, koppeling, count=1)
    return pilot, casus, koppeling


def _met_betalers(pilot: str, betalers: dict[str, str]) -> str:
    for tarief, actor in betalers.items():
        pilot, n = re.subn(rf"(?m)(^  {tarief}:\n(?:    .*\n)*?    betaler: )\w+", lambda m: m.group(1) + actor, pilot, count=1)
        assert n == 1, f"het sjabloon pilot.yaml heeft geen betaler bij tarief {tarief}"
    return pilot


def teksten(map_: Path, naam: str, rechtsgebieden: dict[str, str] | None = None, betalers: dict[str, str] | None = None) -> dict[str, str]:
    """De startbestanden als tekst, op hun plek in de nieuwe map."""
    vervang = {"__NAAM__": json.dumps(naam, ensure_ascii=False), "__MAP__": _toonbaar(str(map_))}
    bronnen = {}
    for bron in BESTANDEN:
        tekst = sjabloon(bron)
        for oud, nieuw in vervang.items():
            tekst = tekst.replace(oud, nieuw)
        bronnen[bron] = tekst
    if rechtsgebieden:
        bronnen["pilot.yaml"], bronnen["casus-1.yaml"], bronnen["koppeling.yaml"] = _met_rechtsgebieden(
            bronnen["pilot.yaml"], bronnen["casus-1.yaml"], bronnen["koppeling.yaml"], rechtsgebieden
        )
    if betalers:
        bronnen["pilot.yaml"] = _met_betalers(bronnen["pilot.yaml"], betalers)
    return {BESTANDEN[bron]: tekst for bron, tekst in bronnen.items()}


def schrijf_nieuwe_map(
    map_: Path, naam: str | None, overschrijf: bool = False, rechtsgebieden: dict[str, str] | None = None, betalers: dict[str, str] | None = None
) -> list[Path]:
    """Schrijft de startbestanden naar `map_`; weigert bestaande bestanden zonder `overschrijf`. Geeft de geschreven paden."""
    map_ = Path(map_)
    meld_restanten(map_)  # een opzij gezette oude map gaat eerst terug: daarin staan dan de eigen bestanden
    if bestaat(map_) and not map_.is_dir():
        raise UitvoerFouten([Fout(Plek(str(map_)), "", "dit is een bestand; geef de naam van een (nieuwe) map")])
    bestaand = [map_ / doel for doel in BESTANDEN.values() if bestaat(map_ / doel)]
    if bestaand and not overschrijf:
        # Dit zijn bestanden die de gebruiker al heeft ingevuld: --overschrijf zet ze terug op de startwaarden.
        melding = "bestand bestaat al; kies een nieuwe map, of gebruik --overschrijf om het terug te zetten op de startwaarden (uw eigen invoer gaat dan verloren)"
        raise UitvoerFouten([Fout(Plek(str(p)), "", melding) for p in bestaand])
    registratie = map_ / "registratie"
    if bestaat(registratie) and not registratie.is_dir():
        raise UitvoerFouten([Fout(Plek(str(registratie)), "", "dit is een bestand; hier komt de map voor de koppeling van registratie, hernoem het bestand")])
    naam = naam or map_.resolve().name.replace("-", " ").replace("_", " ").capitalize()
    schrijvers = {
        doel: (lambda pad, tekst=tekst: pad.write_text(tekst, encoding="utf-8")) for doel, tekst in teksten(map_, naam, rechtsgebieden, betalers).items()
    }
    return schrijf_map_atomair(map_, schrijvers, overschrijf=True)
