"""Meet `kostenbaten registratie EXPORT --formaat json` bij 10.000, 100.000 en 1.000.000 rijen tegen de vloer, in dezelfde run.

Gebruik: python benchmarks/registratie.py [--herhalingen N] [--aantallen 10000,100000,1000000] [--xlsx 100000]

De export wordt in de meting gemaakt (verzonnen, met een vast zaad): een netwerk
van bibliotheken over vier jaar, UTF-8 met puntkomma's, de kolommen van de
standaardkoppeling plus een opmerking. De vloer (`vloer_registratie.py`) leest
hetzelfde bestand met de csv-module van Python en telt één kolom: sneller kan
de registratie niet, want die moet minstens elke rij lezen en een kolom tellen.
De registratie doet alle controles (codering per regel, aantal velden, datum,
uren, onderwerp) en telt alles. Per aantal: mediaan van de tijd en het grootste
geheugengebruik (maxrss) van elk proces, en ter controle de verhouding van de
processortijd (minder gevoelig voor andere processen op dezelfde machine). Doel
bij 1.000.000 rijen: hoogstens 2 x de tijd van de vloer en hoogstens 150 MB.

Met --xlsx N ook een werkmap van N rijen, tegen de read-only-iteratie van openpyxl.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from veel_casussen import meet  # dezelfde meting van één proces (tijd, processortijd, geheugen)

HIER = Path(__file__).resolve().parent
DOEL_TIJD = 2.0
DOEL_MB = 150
ONDERWERPEN = (
    "Uitkering", "Bijstand", "Wmo", "WW", "AOW", "WIA", "Zorg", "Schulden", "Deurwaarder", "Verzekering", "Energie",
    "Aankoop", "Telefoonabonnement", "Toeslagen", "Belasting", "Kwijtschelding", "Aangifte", "Huur", "Werk", "Echtscheiding",
)
UREN = ("0,5", "1", "1", "1,5", "2", "0,25", "3")


def maak_export(pad: Path, aantal: int) -> Path:
    """Een verzonnen export van `aantal` hulpvragen van 2021 tot en met 2024."""
    kans = random.Random(aantal)
    begin = date(2021, 1, 1)
    dagen = [begin + timedelta(days=d) for d in range(4 * 365)]
    datums = [f"{d.day}-{d.month}-{d.year}" for d in dagen]
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.writer(f, delimiter=";", lineterminator="\r\n")
        schrijver.writerow(["Datum", "Onderwerp", "Doorverwezen", "Opgelost", "Uren", "Opmerking"])
        for i in range(aantal):
            schrijver.writerow([
                datums[i * len(datums) // aantal], kans.choice(ONDERWERPEN), "ja" if kans.random() < 0.14 else "nee",
                "ja" if kans.random() < 0.86 else "nee", kans.choice(UREN), "cliënt kwam terug" if i % 40 == 0 else "",
            ])
    return pad


def maak_werkmap(csvpad: Path, pad: Path) -> Path:
    from openpyxl import Workbook

    werkmap = Workbook(write_only=True)
    blad = werkmap.create_sheet("Registratie")
    with csvpad.open(encoding="utf-8", newline="") as f:
        for rij in csv.reader(f, delimiter=";"):
            blad.append(rij)
    werkmap.save(pad)
    return pad


def vergelijk(opdrachten: dict[str, list[str]], herhalingen: int) -> dict[str, tuple[float, float, float]]:
    """Per opdracht de mediaan van de wandkloktijd, het grootste geheugen en de mediaan van de processortijd."""
    metingen = {naam: [] for naam in opdrachten}
    for opdracht in opdrachten.values():  # opwarmen (schijfcache, bytecode)
        meet(opdracht)
    for _ in range(herhalingen):
        for naam, opdracht in opdrachten.items():  # om en om, zodat ruis beide raakt
            metingen[naam].append(meet(opdracht))
    return {
        naam: (statistics.median(t for t, _, _ in m), max(mb for _, _, mb in m), statistics.median(c for _, c, _ in m))
        for naam, m in metingen.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument("--aantallen", default="10000,100000,1000000")
    parser.add_argument("--xlsx", type=int, default=0, help="ook een werkmap van zoveel rijen meten")
    args = parser.parse_args()
    aantallen = [int(a) for a in args.aantallen.split(",")]

    # Zoals na `pip install` (en zoals `opstart.py`): de modules van kostenbaten als bytecode, ook als
    # PYTHONDONTWRITEBYTECODE het schrijven ervan bij het opwarmen tegenhoudt; anders meet elke run ook het compileren.
    import compileall

    import kostenbaten

    compileall.compile_dir(Path(kostenbaten.__file__).parent, quiet=1)
    uitslag = {}
    with tempfile.TemporaryDirectory(prefix="kostenbaten-registratie-") as tijdelijk:
        for aantal in aantallen:
            export = maak_export(Path(tijdelijk) / f"export-{aantal}.csv", aantal)
            uitslag[aantal] = vergelijk({
                "kostenbaten": [sys.executable, "-m", "kostenbaten", "registratie", str(export), "--formaat", "json"],
                "vloer": [sys.executable, str(HIER / "vloer_registratie.py"), str(export)],
            }, args.herhalingen)
        werkmap = None
        if args.xlsx:
            export = maak_export(Path(tijdelijk) / "werkmap.csv", args.xlsx)
            xlsx = maak_werkmap(export, Path(tijdelijk) / "export.xlsx")
            werkmap = vergelijk({
                "kostenbaten": [sys.executable, "-m", "kostenbaten", "registratie", str(xlsx), "--formaat", "json"],
                "vloer": [sys.executable, str(HIER / "vloer_registratie.py"), str(xlsx)],
            }, args.herhalingen)

    print(f"{'rijen':>9} {'kostenbaten':>12} {'vloer':>9} {'verhouding':>11} {'processor':>10} {'geheugen':>9} {'vloer':>9}")

    def regel(naam: str, u) -> None:
        (tk, mk, ck), (tv, mv, cv) = u["kostenbaten"], u["vloer"]
        print(f"{naam:>9} {tk * 1000:>9.0f} ms {tv * 1000:>6.0f} ms {tk / tv:>10.2f}x {ck / cv:>9.2f}x {mk:>6.0f} MB {mv:>6.0f} MB")

    for aantal, u in uitslag.items():
        regel(str(aantal), u)
    if werkmap:
        regel(f"xlsx {args.xlsx}", werkmap)
    grootste = max(uitslag)
    (tk, mk, ck), (tv, _, cv) = uitslag[grootste]["kostenbaten"], uitslag[grootste]["vloer"]
    goed = tk / tv <= DOEL_TIJD and mk <= DOEL_MB
    print(f"bij {grootste} rijen: {tk / tv:.2f}x de vloer (doel hoogstens {DOEL_TIJD}x), {mk:.0f} MB (doel hoogstens {DOEL_MB} MB); "
          f"processortijd {ck / cv:.2f}x")
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
