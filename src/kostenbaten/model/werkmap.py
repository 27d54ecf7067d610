"""De indeling van de begrotingswerkmap: bladnaam, labels en kolommen, gedeeld door schrijver en lezer.

De lezer zoekt de labels in kolom A op, niet vaste rijnummers, zodat een
gebruiker regels mag toevoegen of weghalen zonder de werkmap te breken.
"""

from __future__ import annotations

from kostenbaten.model.begroting import BETALERS

BLAD = "Begroting"

# Algemene invoer: label in kolom A, waarde in kolom B, eenheid in kolom C.
ALGEMEEN = {
    "naam": ("Naam van de begroting", "tekst"),
    "omschrijving": ("Omschrijving", "tekst (mag leeg)"),
    "weken_per_jaar": ("Weken per jaar", "weken"),
    "hulpvragen_per_jaar": ("Hulpvragen per jaar", "hulpvragen"),
    "casussen": ("Casussen (KBA)", "map, gezien vanaf deze werkmap (mag leeg)"),
    "kba_methode": ("KBA-methode", "rapport of gewogen"),
}

# Meer jaren: in een eigen blok onder de baten, label in kolom A, waarde in B. Een werkmap zonder deze
# labels (van vóór de meerjarige begroting) geldt als één jaar.
MEERJARIG = {
    "horizon": ("Horizon", "jaren (1: alleen het eerste jaar)"),
    "indexatie": ("Indexatie structurele kosten", "procent per jaar, vanaf jaar 2"),
    "disconto": ("Discontovoet", "procent per jaar (MKBA-standaard: 2,25)"),
}

# Elke soort kostenregel is een tabel met deze kop in kolom A; hij eindigt bij de subtotaalregel.
SECTIES = {
    "personeel": "Personeel",
    "per_sjd_uur": "Kosten per SJD-uur",
    "eenmalig": "Eenmalige kosten",
}
SUBTOTAAL = "Subtotaal"
# Zoveel rijen heeft elke tabel minstens, en altijd één lege rij meer dan er regels zijn:
# ruimte om zelf regels toe te voegen, en een vaste indeling zolang die ruimte volstaat.
MINIMUM_RIJEN = {"personeel": 8, "per_sjd_uur": 5, "eenmalig": 6}


def tabelrijen(soort: str, regels: int) -> int:
    return max(regels + 1, MINIMUM_RIJEN[soort])

# Kolommen van de kostentabellen.
K_NAAM, K_UREN, K_SJD, K_TARIEF, K_BETALER, K_KOSTEN, K_TOELICHTING = "ABCDEFG"

JA, NEE = "ja", "nee"


def betaler_uit_cel(tekst: str) -> str | None:
    """De sleutel van een betaler uit de celtekst: 'SJD-organisatie' of 'sjd_organisatie' worden 'sjd_organisatie'."""
    sleutel = tekst.strip().lower().replace("-", "_").replace(" ", "_")
    return sleutel if sleutel in BETALERS else None
