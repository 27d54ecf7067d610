"""Meet `onzekerheid`: tijd en piekgeheugen van de Monte-Carlo voor 10.000, 100.000 en 1.000.000 trekkingen.

Alles wordt in dezelfde run vergeleken met een ondergrens: numpy die alleen
N driehoekstrekkingen doet (`rng.triangular`), het minste wat een Monte-Carlo
met N trekkingen moet doen. Gemeten op Hengelo (geen bereiken: alleen de
rekensom) en op de variant hengelo-bandbreedte (zes bereiken). Daarnaast de
hele opdracht `kostenbaten onzekerheid casussen/hengelo` als los proces, naast
`kostenbaten bereken casussen/hengelo` (opstarten en inlezen zijn gelijk).

    PYTHONPATH=src python benchmarks/onzekerheid.py
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

WORTEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WORTEL / "src"))

from kostenbaten.berekening.onzekerheid import BLOK, _Rekenplan, simuleer  # noqa: E402
from kostenbaten.invoer.varianten import laad_invoer  # noqa: E402

AANTALLEN = (10_000, 100_000, 1_000_000)
HERHALINGEN = {10_000: 7, 100_000: 5, 1_000_000: 3}


def ondergrens(n: int) -> None:
    np.random.default_rng(1).triangular(0.0, 1.0, 2.0, n)


def tijd(functie, herhalingen: int) -> float:
    """Mediaan van de wandkloktijd in seconden."""
    metingen = []
    for _ in range(herhalingen):
        gc.collect()
        start = time.perf_counter()
        functie()
        metingen.append(time.perf_counter() - start)
    return statistics.median(metingen)


def piek(functie) -> int:
    """Piekgeheugen in bytes volgens tracemalloc (numpy meldt zijn arrays daar ook)."""
    gc.collect()
    tracemalloc.start()
    functie()
    _, hoogste = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return hoogste


def mb(n: int) -> str:
    return f"{n / 1e6:8.1f} MB"


def main() -> None:
    projecten = {
        "hengelo": laad_invoer(WORTEL / "casussen" / "hengelo"),
        "hengelo-bandbreedte": laad_invoer(WORTEL / "casussen" / "varianten" / "hengelo-bandbreedte.yaml"),
    }
    print(f"Blokgrootte {BLOK:_} trekkingen; tijden zijn medianen, geheugen is de piek volgens tracemalloc.\n")
    for naam, project in projecten.items():
        plan = _Rekenplan(project.pilot, project.casussen, None)
        print(f"{naam}: {len(plan.invoer)} invoer met bereik, {plan.rijen} bewaarde cijfers per trekking")
        print(f"{'N':>10} {'tijd':>9} {'ondergrens':>11} {'x':>6} {'piek':>11} {'ondergrens':>11} {'x':>6} {'bewaard':>11} {'piek-bewaard':>13}")
        for n in AANTALLEN:
            herhalingen = HERHALINGEN[n]
            t = tijd(lambda: simuleer(project.pilot, project.casussen, n, 1), herhalingen)
            t0 = tijd(lambda: ondergrens(n), herhalingen)
            m = piek(lambda: simuleer(project.pilot, project.casussen, n, 1))
            m0 = piek(lambda: ondergrens(n))
            bewaard = plan.rijen * n * 8
            print(
                f"{n:>10_} {t:8.3f}s {t0:10.4f}s {t / t0:6.1f} {mb(m):>11} {mb(m0):>11} {m / m0:6.1f} {mb(bewaard):>11} {mb(m - bewaard):>13}"
            )
        print()

    omgeving = {"PYTHONPATH": str(WORTEL / "src"), "PATH": "/usr/bin:/bin"}

    def proces(*args: str) -> float:
        metingen = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kostenbaten", *args], cwd=WORTEL, env=omgeving, check=True, capture_output=True)
            metingen.append(time.perf_counter() - start)
        return statistics.median(metingen)

    bereken = proces("bereken", "casussen/hengelo")
    onzeker = proces("onzekerheid", "casussen/hengelo", "--trekkingen", "100000")
    print("Hele proces, mediaan van 5:")
    print(f"  kostenbaten bereken casussen/hengelo                          {bereken:.3f}s")
    print(f"  kostenbaten onzekerheid casussen/hengelo (100.000 trekkingen) {onzeker:.3f}s ({onzeker / bereken:.2f} x bereken)")

if __name__ == "__main__":
    main()
