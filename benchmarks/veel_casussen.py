"""Meet `kostenbaten bereken MAP --formaat json` bij 100, 1.000 en 10.000 casussen tegen de vloer, in dezelfde run.

Gebruik: python benchmarks/veel_casussen.py [--herhalingen N] [--aantallen 100,1000,10000]

De map wordt gemaakt uit de zes casussen van Hengelo (rondgaand, met een eigen
nummer per bestand). De vloer (`vloer_lezen.py`) leest dezelfde bestanden met de
C-loader van PyYAML en schrijft ze als JSON. De twee draaien om en om; per paar
wordt de verhouding genomen (zo raakt een drukke machine beide), en daarvan de
mediaan, voor de wandklok en voor de processortijd (gebruiker + systeem, die
minder last heeft van andere processen). Daarnaast het grootste geheugengebruik
(maxrss). Doel bij 10.000 casussen: hoogstens 1,5 x de vloer en hoogstens 120 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent
HENGELO = ROOT / "casussen" / "hengelo"
DOEL_TIJD = 1.5
DOEL_MB = 120


def maak_map(doel: Path, aantal: int) -> Path:
    """Een casussenmap met `aantal` casussen: de zes van Hengelo rondgaand, elk met een eigen nummer."""
    doel.mkdir(parents=True)
    shutil.copy(HENGELO / "pilot.yaml", doel / "pilot.yaml")
    bronnen = [(HENGELO / f"casus-{i}.yaml").read_text(encoding="utf-8") for i in range(1, 7)]
    for nummer in range(1, aantal + 1):
        tekst = re.sub(r"^nummer: \d+$", f"nummer: {nummer}", bronnen[(nummer - 1) % 6], count=1, flags=re.M)
        (doel / f"casus-{nummer}.yaml").write_text(tekst, encoding="utf-8")
    return doel


def meet(opdracht: list[str]) -> tuple[float, float, float]:
    """Wandkloktijd en processortijd in seconden en grootste geheugengebruik in MB van één proces."""
    begin = time.perf_counter()
    proces = subprocess.Popen(opdracht, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, gebruik = os.wait4(proces.pid, 0)
    duur = time.perf_counter() - begin
    proces.returncode = os.waitstatus_to_exitcode(status)
    if proces.returncode != 0:
        raise SystemExit(f"{' '.join(opdracht)} stopte met code {proces.returncode}: {proces.stderr.read().decode()}")
    return duur, gebruik.ru_utime + gebruik.ru_stime, gebruik.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--aantallen", default="100,1000,10000")
    args = parser.parse_args()
    aantallen = [int(a) for a in args.aantallen.split(",")]

    uitslag = {}
    with tempfile.TemporaryDirectory(prefix="kostenbaten-veel-") as tijdelijk:
        for aantal in aantallen:
            map_ = maak_map(Path(tijdelijk) / str(aantal), aantal)
            opdrachten = {
                "kostenbaten": [sys.executable, "-m", "kostenbaten", "bereken", str(map_), "--formaat", "json"],
                "vloer": [sys.executable, str(HIER / "vloer_lezen.py"), str(map_)],
            }
            metingen = {naam: [] for naam in opdrachten}
            for naam, opdracht in opdrachten.items():  # opwarmen (schijfcache, bytecode)
                meet(opdracht)
            for _ in range(args.herhalingen):
                for naam, opdracht in opdrachten.items():  # om en om, zodat ruis beide raakt
                    metingen[naam].append(meet(opdracht))
            k, v = metingen["kostenbaten"], metingen["vloer"]
            uitslag[aantal] = {
                "tijd": (statistics.median(m[0] for m in k), statistics.median(m[0] for m in v)),
                "wand": statistics.median(a[0] / b[0] for a, b in zip(k, v)),
                "cpu": statistics.median(a[1] / b[1] for a, b in zip(k, v)),
                "mb": (max(m[2] for m in k), max(m[2] for m in v)),
            }

    print(f"{'casussen':>9} {'kostenbaten':>12} {'vloer':>9} {'wandklok':>9} {'processor':>10} {'geheugen':>9} {'vloer':>7}")
    for aantal, u in uitslag.items():
        (tk, tv), (mk, mv) = u["tijd"], u["mb"]
        print(f"{aantal:>9} {tk * 1000:>9.0f} ms {tv * 1000:>6.0f} ms {u['wand']:>8.2f}x {u['cpu']:>9.2f}x {mk:>6.0f} MB {mv:>4.0f} MB")
    grootste = uitslag[max(uitslag)]
    goed = grootste["wand"] <= DOEL_TIJD and grootste["mb"][0] <= DOEL_MB
    print(
        f"bij {max(uitslag)} casussen: {grootste['wand']:.2f}x de vloer op de wandklok, {grootste['cpu']:.2f}x in processortijd "
        f"(doel hoogstens {DOEL_TIJD}x; mediaan van {args.herhalingen} paren), {grootste['mb'][0]:.0f} MB (doel hoogstens {DOEL_MB} MB)"
    )
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
