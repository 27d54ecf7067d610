"""Eén gelezen invoerbestand, uit YAML of uit een werkmap: het pad, de inhoud en de plek van elk sleutelpad.

De lezer van YAML (`invoer.yamlbestand.lees_yaml`) en die van een werkmap
(`invoer.werkmap.Lezer`) maken allebei een `Bestand`; wie het gebruikt
(validatie, varianten, uitleg, meldingen) vraagt een `Plek` of een `Fout` en
hoeft niet te weten waar het vandaan kwam.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import MappingProxyType

from kostenbaten.fouten import Fout, Plek

Pad = tuple  # een sleutelpad: ("baten", 0, "kengetal")

_GEEN_BRONNEN = MappingProxyType({})


def toon_pad(sleutelpad: Pad) -> str:
    """`("baten", 0, "kengetal")` wordt `baten[1].kengetal`: elementen van een lijst tellen vanaf 1."""
    tekst = ""
    for deel in sleutelpad:
        if isinstance(deel, int):
            tekst += f"[{deel + 1}]"
        else:
            tekst += ("." if tekst else "") + str(deel)
    return tekst


class Bestand:
    """De inhoud van één invoerbestand (een dict zoals uit YAML) met de plek van elk sleutelpad.

    `plekken` geeft bij een sleutelpad zijn regel (een getal, vanaf 1) of zijn
    cel ("Casussen!D5"); samen met het bestand is dat een `Plek`. Bij een
    samengevoegde variant zegt `bronnen` welk bestand een vervangen sleutel (en
    alles eronder) leverde; die sleutels hebben de regels van de variant.

    Na de validatie van een casus is de inhoud alleen nog nodig voor een melding,
    voor `uitleg` (bestand:regel) of om een variant samen te voegen; ze voor elke
    casus bewaren kost bij 10.000 casussen zo'n 50 MB. `vergeet` laat daarom
    alleen het pad staan; wie daarna inhoud of plekken vraagt, krijgt het bestand
    opnieuw gelezen (dezelfde regels zolang het bestand niet veranderd is; de
    laatst gelezen bestanden blijven bewaard, zie `_herlees`).
    """

    __slots__ = ("_pad", "_inhoud", "_plekken", "_bronnen", "_lees")

    def __init__(self, pad, inhoud, plekken: dict | None = None, bronnen: dict | None = None, lees=None):
        self._pad = str(pad)  # een tekst kost een derde van een Path
        self._inhoud = inhoud
        self._plekken = {} if plekken is None else plekken
        self._bronnen = bronnen
        self._lees = lees  # hoe het bestand opnieuw te lezen is (`lees_yaml`); None: het blijft bewaard

    def __repr__(self) -> str:
        return f"Bestand({self._pad!r})"

    # -- inhoud -----------------------------------------------------------------

    @property
    def pad(self) -> Path:
        return Path(self._pad)

    @property
    def vergeten(self) -> bool:
        """Of alleen het pad bewaard is (de inhoud wordt bij vraag opnieuw gelezen)."""
        return self._plekken is None

    def vergeet(self) -> None:
        """Laat alleen het pad staan, als het bestand opnieuw te lezen is; anders blijft alles bewaard."""
        if self._lees is not None and not self._bronnen:
            self._inhoud = self._plekken = None

    def _gelezen(self) -> Bestand:
        if self._plekken is not None:
            return self
        try:
            stand = Path(self._pad).stat()
            sleutel = (stand.st_mtime_ns, stand.st_size)
        except OSError:
            sleutel = None
        return _herlees(self._lees, self._pad, sleutel)

    @property
    def inhoud(self):
        return self._gelezen()._inhoud

    @property
    def plekken(self) -> dict:
        return self._gelezen()._plekken

    @property
    def bronnen(self):
        return _GEEN_BRONNEN if self._bronnen is None else self._bronnen

    def kopie(self, inhoud) -> Bestand:
        """Een eigen kopie met andere inhoud en eigen plekken en bronnen (om een variant in samen te voegen)."""
        return Bestand(self._pad, inhoud, dict(self.plekken), dict(self.bronnen))

    # -- plekken ----------------------------------------------------------------

    def regel_of_cel(self, sleutelpad: Pad) -> int | str:
        """De regel of cel van het diepste bekende deel van het sleutelpad (regel 1 als er niets bekend is)."""
        plekken = self.plekken
        sleutelpad = tuple(sleutelpad)
        while sleutelpad not in plekken and sleutelpad:
            sleutelpad = sleutelpad[:-1]
        return plekken.get(sleutelpad, 1)

    def bron(self, sleutelpad: Pad) -> Path:
        """Het bestand waar een sleutel vandaan komt: de variant die hem verving, anders dit bestand."""
        bronnen = self.bronnen
        sleutelpad = tuple(sleutelpad)
        while sleutelpad not in bronnen and sleutelpad:
            sleutelpad = sleutelpad[:-1]
        return bronnen.get(sleutelpad, self.pad)

    def plek(self, sleutelpad: Pad) -> Plek:
        """Waar een sleutel staat: zijn cel in de werkmap, of zijn regel in dit bestand of in de variant die hem verving."""
        regel_of_cel = self.regel_of_cel(sleutelpad)
        if isinstance(regel_of_cel, str):
            return Plek(self._pad, None, regel_of_cel)
        return Plek(str(self.bron(sleutelpad)), regel_of_cel)

    def waar(self, sleutelpad: Pad) -> str:
        """`bestand:regel` (of `bestand:Blad!C7`) van een sleutel, voor uitleg en meldingen."""
        return str(self.plek(sleutelpad))

    def fout(self, sleutelpad: Pad, melding: str) -> Fout:
        """Een fout bij een sleutel; bij een cel zonder sleutelpad (de cel zegt al waar)."""
        regel_of_cel = self.regel_of_cel(sleutelpad)
        return self.fout_op(regel_of_cel, () if isinstance(regel_of_cel, str) else sleutelpad, melding)

    def fout_op(self, regel_of_cel: int | str, sleutelpad: Pad, melding: str) -> Fout:
        """Een fout op een al gekozen regel of cel van dit bestand (bij een ontbrekende sleutel: die van het blok erboven)."""
        if isinstance(regel_of_cel, str):
            return Fout(Plek(self._pad, None, regel_of_cel), toon_pad(sleutelpad), melding)
        return Fout(Plek(self._pad, regel_of_cel), toon_pad(sleutelpad), melding)


@functools.lru_cache(maxsize=8)
def _herlees(lees, pad: str, stand) -> Bestand:
    """Een vergeten bestand opnieuw lezen (`stand`: tijd en grootte, zodat een gewijzigd bestand niet uit de cache komt).

    Is het intussen onleesbaar geworden, dan zonder inhoud (elke regel wordt 1).
    """
    bestand, _ = lees(Path(pad))
    return bestand or Bestand(pad, None)
