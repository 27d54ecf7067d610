"""Maakt templates/voorbeeldregistratie.csv: een verzonnen vraagregistratie met de verdeling van de pilot in Hengelo.

300 hulpvragen van 1 juni 2021 tot en met 30 juni 2022 (de periode van de
pilot), met de aandelen uit casussen/hengelo/pilot.yaml (33, 20 en 13%) en de
rest in onderwerpen zonder rechtsgebied; 86% opgelost zonder doorverwijzing,
zoals de KBA uit de registratie van de pilot meldt. Puntkomma's en
Windows-1252, zoals Excel het als 'CSV (gescheiden door lijstscheidingsteken)'
schrijft. De rijen zijn verzonnen; alleen de totalen volgen de pilot.

Opnieuw maken (hetzelfde zaad geeft hetzelfde bestand):
    python tests/voorbeeldregistratie.py
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path

PAD = Path(__file__).resolve().parents[1] / "templates" / "voorbeeldregistratie.csv"
VAN, TOT = date(2021, 6, 1), date(2022, 6, 30)

# Per onderwerp het aantal hulpvragen; de woorden staan in de standaardkoppeling van `nieuw`.
ONDERWERPEN = {
    "sociaal_zekerheidsrecht": {"Uitkering": 30, "Bijstand": 25, "Wmo": 14, "WW": 10, "AOW": 8, "WIA": 7, "Zorg": 5},  # 99
    "consumentenzaken": {"Schulden": 24, "Deurwaarder": 12, "Verzekering": 9, "Energie": 8, "Aankoop": 4, "Telefoonabonnement": 3},  # 60
    "belastingrecht": {"Toeslagen": 18, "Belasting": 10, "Kwijtschelding": 7, "Aangifte": 4},  # 39
    None: {"Huur": 36, "Werk": 28, "Echtscheiding": 20, "Verblijfsvergunning": 10, "Erfenis": 8},  # 102: geen rechtsgebied
}
OPGELOST_ZONDER_DOORVERWIJZING = 258  # 86% van 300
DOORVERWEZEN_EN_OPGELOST = 12  # van de 42 doorverwezen hulpvragen is een deel later toch opgelost
UREN = ("0,5", "1", "1", "1,5", "2")  # rondgaand: gemiddeld 1,2 uur


def rijen() -> list[list[str]]:
    onderwerpen = [o for per in ONDERWERPEN.values() for o, n in per.items() for _ in range(n)]
    random.Random(2021).shuffle(onderwerpen)
    totaal = len(onderwerpen)
    dagen = (TOT - VAN).days
    uit = []
    for i, onderwerp in enumerate(onderwerpen):
        dag = VAN + timedelta(days=i * dagen // (totaal - 1))
        doorverwezen = i % 50 >= 43  # 7 van elke 50: 42 van 300
        opgelost = not doorverwezen or i % 50 >= 48  # 2 van de 7 doorverwezen: 12 van 42
        opmerking = "cliënt kwam terug voor nazorg" if i % 25 == 3 else ""
        uit.append([f"{dag.day}-{dag.month}-{dag.year}", onderwerp, "ja" if doorverwezen else "nee", "ja" if opgelost else "nee", UREN[i % len(UREN)], opmerking])
    return uit


def tekst() -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(["Datum", "Onderwerp", "Doorverwezen", "Opgelost", "Uren", "Opmerking"])
    schrijver.writerows(rijen())
    return buffer.getvalue().encode("cp1252")


if __name__ == "__main__":
    PAD.write_bytes(tekst())
    print(f"Geschreven: {PAD}")
