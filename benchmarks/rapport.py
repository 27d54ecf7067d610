"""Meet `kostenbaten rapport casussen/hengelo -o x.pdf` (en -o x.html) tegen het doel van 3 seconden.

Gebruik: python benchmarks/rapport.py [--herhalingen N]

Elke opdracht draait als los proces, om en om met `kostenbaten bereken`
(de vloer: laden en rekenen zonder rapport), zodat de ruis van de machine
beide gelijk raakt. Doel: de PDF binnen 3 seconden (mediaan). Ter informatie
de verhouding tegen `bereken`, de processortijd (op een machine die met
anderen gedeeld wordt zegt die meer dan de wandklok) en hoe lang alleen het
importeren van matplotlib, typst en jinja2 duurt.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HENGELO = str(ROOT / "casussen" / "hengelo")
DOEL = 3.0


def _cpu() -> float:
    kind = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kind.ru_utime + kind.ru_stime


def meet(opdracht: list[str]) -> tuple[float, float]:
    """Wandkloktijd en processortijd van één los proces; op een gedeelde machine is de tweede de eerlijkste."""
    begin, cpu = time.perf_counter(), _cpu()
    subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - begin, _cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        opdrachten = {
            "rapport -o x.pdf": [sys.executable, "-m", "kostenbaten", "rapport", HENGELO, "-o", f"{map_}/x.pdf", "--overschrijf"],
            "rapport -o x.html": [sys.executable, "-m", "kostenbaten", "rapport", HENGELO, "-o", f"{map_}/x.html", "--overschrijf"],
            "bereken (vloer)": [sys.executable, "-m", "kostenbaten", "bereken", HENGELO],
            "import matplotlib, typst, jinja2": [sys.executable, "-c", "import matplotlib.figure, typst, jinja2"],
        }
        tijden: dict[str, list[tuple[float, float]]] = {naam: [] for naam in opdrachten}
        for opdracht in opdrachten.values():  # opwarmen (bytecode, lettercache van matplotlib)
            meet(opdracht)
        for _ in range(args.herhalingen):
            for naam, opdracht in opdrachten.items():
                tijden[naam].append(meet(opdracht))
    mediaan = {naam: statistics.median(w for w, _ in t) for naam, t in tijden.items()}
    cpu = {naam: statistics.median(c for _, c in t) for naam, t in tijden.items()}
    for naam in opdrachten:
        print(f"{naam:34s} mediaan {mediaan[naam]:5.2f} s (processortijd {cpu[naam]:5.2f} s) over {args.herhalingen} runs")
    pdf = mediaan["rapport -o x.pdf"]
    print(
        f"rapport -o x.pdf: {pdf:.2f} s (doel hoogstens {DOEL:.0f} s); {pdf / mediaan['bereken (vloer)']:.1f}x bereken, "
        f"processortijd {cpu['rapport -o x.pdf'] / cpu['bereken (vloer)']:.1f}x bereken"
    )
    return 0 if pdf <= DOEL else 1


if __name__ == "__main__":
    sys.exit(main())
