"""Maakt templates/voorbeeldregistratie-oost.csv: de verzonnen registratie van een tweede bibliotheek ('Bibliotheek Oost').

Anders dan de eerste (voorbeeldregistratie.csv) zoals een ander systeem exporteert:
UTF-8 met BOM, een dossiernummer per hulpvraag (een tweede regel met hetzelfde
nummer is een tweede contact), een klantnummer (sommige cliënten komen met meer
vragen), de organisatie waarnaar is doorverwezen in de kolom 'Doorverwezen' (leeg:
niet doorverwezen), wie de bezoeker stuurde, leeftijdsgroep en wijk als
doelgroepen, en een tevredenheidscijfer dat niet iedereen geeft. De koppeling staat
ernaast als voorbeeldregistratie-oost.koppeling.yaml. Alles is verzonnen.

Opnieuw maken (hetzelfde zaad geeft hetzelfde bestand):
    python tests/voorbeeldregistratie_oost.py
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path

PAD = Path(__file__).resolve().parents[1] / "templates" / "voorbeeldregistratie-oost.csv"
VAN, TOT = date(2022, 1, 3), date(2023, 6, 29)
HULPVRAGEN = 180
KOP = ["Datum", "Dossier", "Klantnummer", "Vraag", "Leeftijd", "Wijk", "Verwezen door", "Doorverwezen", "Opgelost", "Uren", "Tevredenheid"]
VRAGEN = ("Toeslagen", "Schulden", "Uitkering", "Bijstand", "Belasting", "Huur", "Wmo", "Energie", "Werk")
LEEFTIJD = ("18-26", "27-45", "46-66", "67+")
WIJK = ("Centrum", "Noord", "De Esch", "Havenkwartier")
DOORVERWIJZERS = ("", "Wijkteam", "Gemeente", "Bibliotheek", "Huisarts")
NAAR = ("Juridisch Loket", "Schuldhulpverlening", "Advocaat", "Sociaal raadslieden")


def rijen() -> list[list[str]]:
    kans = random.Random(2022)
    dagen = (TOT - VAN).days
    uit = []
    for i in range(HULPVRAGEN):
        dag = VAN + timedelta(days=i * dagen // (HULPVRAGEN - 1))
        klant = f"K{1000 + kans.randrange(130)}"  # 130 mogelijke cliënten voor 180 vragen: sommigen komen vaker
        naar = kans.choice(NAAR) if kans.random() < 0.2 else ""
        opgelost = "nee" if naar and kans.random() < 0.6 else "ja"
        cijfer = str(kans.choice((6, 7, 7, 8, 8, 8, 9, 10))) if kans.random() < 0.6 else ""
        rij = [
            f"{dag.day:02d}-{dag.month:02d}-{dag.year}", f"D{i + 1:04d}", klant, kans.choice(VRAGEN), kans.choice(LEEFTIJD),
            kans.choice(WIJK), kans.choice(DOORVERWIJZERS), naar, opgelost, kans.choice(("0,5", "1", "1,5", "2")), cijfer,
        ]
        uit.append(rij)
        if i % 9 == 4:  # een tweede contact over dezelfde hulpvraag, een week later, zonder nieuw cijfer
            later = dag + timedelta(days=7)
            uit.append([f"{later.day:02d}-{later.month:02d}-{later.year}", *rij[1:9], "0,5", ""])
    return uit


def tekst() -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOP)
    schrijver.writerows(rijen())
    return buffer.getvalue().encode("utf-8-sig")


if __name__ == "__main__":
    PAD.write_bytes(tekst())
    print(f"Geschreven: {PAD}")
