"""Meet de opstarttijd van `kostenbaten bereken` tegen de vloer van de stack, in dezelfde run.

Gebruik: python benchmarks/opstart.py [--herhalingen N]

De opdrachten draaien om en om als los proces (zodat de machine-ruis ze
gelijk raakt); de uitkomst is de verhouding van de medianen. Doel: hoogstens
1,3 x de vloer (een minimale typer-app die één rich-tabel toont). Ter informatie
ook de verhouding van de snelste runs (minder gevoelig voor een drukke machine),
`bereken --per-casus` (met de tabel van elke casus), de vloer met dezelfde
afsluittruc als kostenbaten (`gc.freeze`, zie `vloer.py`) en een kale `python -c pass`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent
DOEL = 1.3

OPDRACHTEN = {
    "kostenbaten bereken": [sys.executable, "-m", "kostenbaten", "bereken", str(ROOT / "casussen" / "hengelo")],
    "kostenbaten bereken --formaat json": [
        sys.executable, "-m", "kostenbaten", "bereken", str(ROOT / "casussen" / "hengelo"), "--formaat", "json"
    ],
    "kostenbaten bereken --per-casus": [
        sys.executable, "-m", "kostenbaten", "bereken", str(ROOT / "casussen" / "hengelo"), "--per-casus"
    ],
    "vloer (typer + rich-tabel)": [sys.executable, str(HIER / "vloer.py"), "toon", str(ROOT / "casussen" / "hengelo")],
    "vloer met gc.freeze bij afsluiten": [sys.executable, str(HIER / "vloer.py"), "--bevries", "toon", str(ROOT / "casussen" / "hengelo")],
    "kale python": [sys.executable, "-c", "pass"],
}


def meet(opdracht: list[str]) -> float:
    begin = time.perf_counter()
    subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - begin


def zware_modules() -> list[str]:
    code = (
        "import sys, runpy; sys.argv=['kostenbaten','bereken',%r];"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: runpy.run_module('kostenbaten', run_name='__main__')\n"
        "    except SystemExit: pass\n"
        "print(' '.join(m for m in ('openpyxl','numpy') if m in sys.modules))"
    ) % str(ROOT / "casussen" / "hengelo")
    uit = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return uit.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=21)
    args = parser.parse_args()

    # Zoals na `pip install`: de modules van kostenbaten als bytecode (ook als PYTHONDONTWRITEBYTECODE het
    # schrijven ervan bij het opwarmen zou tegenhouden); anders meet elke run ook het compileren.
    import compileall

    import kostenbaten

    compileall.compile_dir(Path(kostenbaten.__file__).parent, quiet=1)
    tijden: dict[str, list[float]] = {naam: [] for naam in OPDRACHTEN}
    for naam, opdracht in OPDRACHTEN.items():  # opwarmen (bytecode, schijfcache)
        meet(opdracht)
    for _ in range(args.herhalingen):
        for naam, opdracht in OPDRACHTEN.items():
            tijden[naam].append(meet(opdracht))

    mediaan = {naam: statistics.median(t) for naam, t in tijden.items()}
    for naam, m in mediaan.items():
        print(f"{naam:36s} mediaan {m * 1000:7.1f} ms over {args.herhalingen} runs")
    verhouding = mediaan["kostenbaten bereken"] / mediaan["vloer (typer + rich-tabel)"]
    kaal = mediaan["kostenbaten bereken"] / mediaan["kale python"]
    print(f"verhouding tegen de vloer: {verhouding:.2f}x (doel hoogstens {DOEL}x)")
    json_verhouding = mediaan["kostenbaten bereken --formaat json"] / mediaan["vloer (typer + rich-tabel)"]
    print(f"verhouding tegen de vloer, --formaat json: {json_verhouding:.2f}x (zonder tabellen)")
    per_casus = mediaan["kostenbaten bereken --per-casus"] / mediaan["vloer (typer + rich-tabel)"]
    print(f"verhouding tegen de vloer, --per-casus: {per_casus:.2f}x (ter informatie)")
    snelste = min(tijden["kostenbaten bereken"]) / min(tijden["vloer (typer + rich-tabel)"])
    print(f"verhouding van de snelste runs: {snelste:.2f}x (ter informatie)")
    # kostenbaten slaat bij het afsluiten de laatste kringzoektocht over; de vloer met dezelfde truc laat zien
    # wat kostenbaten zonder dat voordeel bovenop de stack doet.
    bevroren = mediaan["kostenbaten bereken"] / mediaan["vloer met gc.freeze bij afsluiten"]
    print(f"verhouding tegen de vloer met dezelfde afsluittruc: {bevroren:.2f}x (ter informatie)")
    print(f"verhouding tegen kale python: {kaal:.2f}x (ter informatie)")
    zwaar = zware_modules()
    print(f"zware modules geladen door bereken: {', '.join(zwaar) if zwaar else 'geen'}")
    return 0 if verhouding <= DOEL and not zwaar else 1


if __name__ == "__main__":
    sys.exit(main())
