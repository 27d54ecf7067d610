"""Een begroting inlezen uit YAML of uit een ingevulde werkmap, met de KBA-map waar de baten vandaan komen.

Alle fouten worden verzameld: die van het begrotingsbestand (`bestand:regel`
of `bestand:Blad!C7`) en die van de casussenmap samen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kostenbaten.fouten import Fout, Plek, InvoerFouten
from kostenbaten.invoer.casussen import Project
from kostenbaten.invoer.project import laad
from kostenbaten.invoer.xlsx import OPSLAAN_ALS
from kostenbaten.model.begroting import Begroting

WERKMAP_SOORTEN = (".xlsx", ".xlsm")
YAML_SOORTEN = (".yaml", ".yml")


VERPLAATST = ("; alleen de kosten zijn berekend. Geef de casussen met --casussen MAP, of zet in deze cel "
              "het pad naar de casussenmap, gezien vanaf de map van de werkmap")


@dataclass(frozen=True)
class BegrotingInvoer:
    """Een gevalideerde begroting, het bestand waar zij vandaan komt en de geladen KBA (als die er is)."""

    pad: Path
    begroting: Begroting
    project: Project | None
    # Een verplaatste werkmap vindt haar casussen niet: de kosten tellen, de baten niet; dit zegt waarom.
    waarschuwingen: tuple[Fout, ...] = ()
    # De casussenmap die het bestand zelf noemt, als --casussen (of het rapport) een andere gaf; anders None.
    eigen_casussen: str | None = None


def laad_begroting(pad: Path | str, casussen_optie: Path | None = None) -> BegrotingInvoer:
    """Leest een begroting (YAML of werkmap) en de casussenmap; gooit `InvoerFouten` met alle fouten samen.

    `casussen_optie` (de optie --casussen, vanaf de huidige map) gaat voor de map in de begroting.
    """
    pad = Path(pad)
    waarschuwingen: tuple[Fout, ...] = ()
    if not pad.exists():
        raise InvoerFouten([Fout(Plek(str(pad)), "", "bestand bestaat niet")])
    if pad.suffix.lower() in WERKMAP_SOORTEN:
        from kostenbaten.invoer.werkmap import lees_begroting_werkmap

        begroting, fouten, casussenplek, gelezen = lees_begroting_werkmap(pad)
        waarschuwingen = tuple(gelezen)
    elif pad.suffix.lower() in YAML_SOORTEN:
        begroting, fouten, casussenplek = _lees_yaml(pad)
    elif pad.suffix.lower() in OPSLAAN_ALS:
        raise InvoerFouten([Fout(Plek(str(pad)), "", OPSLAAN_ALS[pad.suffix.lower()])])
    else:
        raise InvoerFouten([Fout(Plek(str(pad)), "", "onbekend soort bestand; geef een begroting als .yaml of .xlsx")])
    from kostenbaten.invoer.paden import GEWEIGERD, pad_vanaf

    casussen = begroting.casussen if begroting is not None else _ruwe_casussen(pad)
    map_ = eigen_casussen = None
    if casussen_optie is not None:  # van de opdrachtregel: elk pad mag
        if casussen is not None:
            # Noemt de begroting zelf een andere map, dan zegt de uitvoer dat (het rapport rekent met zijn eigen casussen).
            eigen = pad_vanaf(casussen, pad)
            eigen_casussen = None if eigen is not None and eigen.resolve() == Path(casussen_optie).resolve() else casussen
        if not Path(casussen_optie).exists():
            raise InvoerFouten([*fouten, Fout(Plek("--casussen", None), "", f"map of variant '{casussen_optie}' bestaat niet")])
        map_ = Path(casussen_optie)
        if begroting is not None:  # vanaf de begroting, zoals in het bestand; een nieuwe werkmap noemt dan deze map
            begroting = begroting.model_copy(update={"casussen": _vanaf(pad, map_)})
    elif casussen is not None:
        map_ = pad_vanaf(casussen, pad, normaliseer=False)
        if map_ is None:
            melding = f"'{casussen}': {GEWEIGERD}; geef zo'n map met --casussen"
            raise InvoerFouten([*fouten, casussenplek(melding) if casussenplek is not None else Fout(Plek(str(pad)), "casussen", melding)])
    project = None
    if map_ is not None:
        if not map_.exists():
            melding = f"map of variant '{casussen}' bestaat niet (gezocht: {map_})"
            if casussenplek is not None and pad.suffix.lower() in WERKMAP_SOORTEN:
                waarschuwingen += (casussenplek(melding + VERPLAATST),)
            elif casussenplek is not None:
                fouten = [*fouten, casussenplek(melding)]
        else:
            try:
                project = laad(map_)
            except InvoerFouten as kba:  # de fouten van de casussenmap komen erbij, niet ervoor in de plaats
                fouten = [*fouten, *kba.fouten]
    if fouten:
        raise InvoerFouten(fouten)
    return BegrotingInvoer(pad, begroting, project, waarschuwingen, eigen_casussen)


def _vanaf(pad: Path, map_: Path) -> str:
    """Het pad van `map_` gezien vanaf de map van de begroting."""
    import os

    try:
        return Path(os.path.relpath(os.path.abspath(map_), os.path.abspath(pad.parent))).as_posix()
    except ValueError:  # Windows: een ander station of netwerkpad heeft geen relatief pad
        return os.path.abspath(map_)


def _ruwe_casussen(pad: Path) -> str | None:
    """De casussenmap uit een YAML-begroting die zelf niet door de controle kwam, om ook die map na te kijken."""
    if pad.suffix.lower() not in YAML_SOORTEN:
        return None
    from kostenbaten.invoer.yamlbestand import lees_yaml

    bestand, _ = lees_yaml(pad)
    inhoud = bestand.inhoud if bestand is not None else None
    waarde = inhoud.get("casussen") if isinstance(inhoud, dict) else None
    return waarde if isinstance(waarde, str) and waarde else None


def _lees_yaml(pad: Path):
    from kostenbaten.invoer.validatie import valideer
    from kostenbaten.invoer.yamlbestand import lees_yaml

    bestand, fouten = lees_yaml(pad)
    if bestand is None:
        return None, fouten, None
    begroting, fouten = valideer(Begroting, bestand)
    return begroting, fouten, lambda melding: bestand.fout(("casussen",), melding)
