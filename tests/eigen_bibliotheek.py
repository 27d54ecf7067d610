"""Een eigen bibliotheek naast Hengelo voor de rapporttests: eigen tarieven, vijf casussen, één met `kans: 0.5`, geen bereiken.

Alle bedragen zijn verzonnen voor de test; ze staan hier zodat elke test ermee
kan rekenen. `schrijf(map_)` zet de casussenmap neer.
"""

from __future__ import annotations

from pathlib import Path

NAAM = "Bibliotheek Oosterdal"

PILOT = """\
naam: Bibliotheek Oosterdal
omschrijving: Wekelijks spreekuur in de bibliotheek van Oosterdal.
periode:
  van: 2024-01-01
  tot: 2024-12-31
hulpvragen: 120
maanden_in_beeld: 12
rechtsgebieden:
  sociaal_zekerheidsrecht:
    naam: Sociaal zekerheidsrecht
    aandeel: 40
  consumentenzaken:
    naam: Consumentenzaken
    aandeel: 25
  huurrecht:
    naam: Huurrecht
    aandeel: 15
tarieven:
  sjd:
    naam: Inzet SJD
    per_uur: 92.50
    prijspeil: 2024
    betaler: gemeente
  servicekosten:
    naam: Servicekosten
    per_uur: 12
    prijspeil: 2024
    betaler: bibliotheek
actoren:
  bibliotheek:
    naam: Bibliotheek
    groep: overheid
kengetallen:
  toevoeging:
    naam: Kostenbesparing toevoeging
    bedrag: 800
    prijspeil: 2024
    actor: rijk
    bron: Aanname voor de test.
  ontruiming:
    naam: Vermeden ontruiming
    bedrag: 6000
    prijspeil: 2024
    actor: woningcorporatie
    bron: Aanname voor de test.
"""

CASUSSEN = {
    1: """\
nummer: 1
titel: Bezwaar tegen terugvordering
rechtsgebied: sociaal_zekerheidsrecht
uren: 2
baten:
  - kengetal: toevoeging
  - omschrijving: Inkomensverbetering cliënt
    per_maand: 40
    maanden: 12
    actor: client
""",
    2: """\
nummer: 2
titel: Vraag over een uitkering
rechtsgebied: sociaal_zekerheidsrecht
uren: 1.5
baten:
  - omschrijving: Nagekomen toeslag
    bedrag: 300
    actor: client
""",
    3: """\
nummer: 3
titel: Geschil met een webwinkel
rechtsgebied: consumentenzaken
uren: 1
baten:
  - omschrijving: Terugbetaald aankoopbedrag
    bedrag: 250
    actor: client
""",
    4: """\
nummer: 4
titel: Huurachterstand en dreigende ontruiming
rechtsgebied: huurrecht
uren: 4
kans: 0.5
baten:
  - kengetal: ontruiming
""",
    5: """\
nummer: 5
titel: Incasso van een energierekening
rechtsgebied: consumentenzaken
uren: 2.5
baten:
  - omschrijving: Vermeden incassokosten
    bedrag: 150
    actor: client
""",
}


def schrijf(map_: Path) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "pilot.yaml").write_text(PILOT, encoding="utf-8")
    for nummer, tekst in CASUSSEN.items():
        (map_ / f"casus-{nummer}.yaml").write_text(tekst, encoding="utf-8")
    return map_
