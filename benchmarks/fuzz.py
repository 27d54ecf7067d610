"""Lange fuzzrun op verzoek: verminkte casussenmappen, begrotingswerkmappen (cellen, XML, zip), YAML en exports van de registratie door lezer en doorrekening.

    .venv/bin/python benchmarks/fuzz.py --minuten 10

Elke invoer draait in een eigen kindproces met een tijdslimiet en een
geheugengrens, zodat ook een crash (signaal), een vastloper of een
geheugenexplosie als fout telt en niet de run zelf stopt. Goed is alleen
afsluitcode 0 of 2; de run meldt het aantal uitvoeringen en elke andere uitkomst.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from fuzzdoel import (  # noqa: E402
    lees_yaml_door,
    pas_toe,
    reken_door,
    reken_werkmap_door,
    registratieverminkingen,
    tel_registratie_door,
    verminkingen,
    verminkte_werkmap,
    verse_kopie,
    verminkte_zip,
    werkmapverminkingen,
    yamlteksten,
    zipverminkingen,
)

TIJDSLIMIET = 10  # seconden per invoer
GEHEUGEN = 1 << 30  # 1 GiB per invoer


def _kind(map_: str, wachtrij) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GEHEUGEN, GEHEUGEN))
    try:
        pad = Path(map_)
        if pad.suffix == ".xlsx":
            wachtrij.put(reken_werkmap_door(pad))
        elif pad.suffix == ".csv":
            wachtrij.put(tel_registratie_door(pad))
        elif pad.suffix == ".yaml":
            wachtrij.put(lees_yaml_door(pad))
        else:
            wachtrij.put(reken_door(pad, onzeker=True))
    except BaseException as fout:  # noqa: BLE001 - elke andere uitkomst is precies wat we zoeken
        wachtrij.put(f"3 ({type(fout).__name__}: {fout})"[:500])


def _draai(map_: Path) -> str | int:
    fork = multiprocessing.get_context("fork")
    wachtrij = fork.Queue()
    proces = fork.Process(target=_kind, args=(str(map_), wachtrij))
    proces.start()
    proces.join(TIJDSLIMIET)
    if proces.is_alive():
        proces.kill()
        proces.join()
        return f"vastgelopen (langer dan {TIJDSLIMIET} s)"
    if proces.exitcode != 0:
        return f"proces gestopt met code {proces.exitcode}"
    return wachtrij.get()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minuten", type=float, default=10)
    parser.add_argument("--bewaar", type=Path, default=Path("fuzz-vondsten"), help="map voor invoer die niet 0 of 2 gaf")
    args = parser.parse_args()
    einde = time.monotonic() + 60 * args.minuten
    tellers = {0: 0, 2: 0}
    vondsten: list[str] = []
    soorten = {"casussenmap": 0, "werkmapcellen": 0, "zip en XML": 0, "yaml": 0, "registratie": 0}

    def telt(uitkomst, wat: str) -> bool:
        """Telt code 0 of 2; elke andere uitkomst is een vondst."""
        if uitkomst in tellers:
            tellers[uitkomst] += 1
            return True
        vondsten.append(f"{uitkomst}: {wat}")
        return False

    # Kleine rondes, zodat de vier soorten invoer elkaar binnen elke run afwisselen.
    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(verminkingen())
    def ronde(bewerkingen):
        if time.monotonic() > einde:
            return
        with tempfile.TemporaryDirectory() as tmp:
            map_ = verse_kopie(Path(tmp) / "hengelo")
            pas_toe(map_, bewerkingen)
            soorten["casussenmap"] += 1
            if not telt(_draai(map_), repr(bewerkingen)):
                args.bewaar.mkdir(exist_ok=True)
                verse_kopie(args.bewaar / f"vondst-{len(vondsten)}")
                pas_toe(args.bewaar / f"vondst-{len(vondsten)}", bewerkingen)

    @settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(werkmapverminkingen())
    def werkmapronde(wijzigingen):
        if time.monotonic() > einde:
            return
        with tempfile.TemporaryDirectory() as tmp:
            werkmap = verminkte_werkmap(Path(tmp) / "begroting.xlsx", wijzigingen)
            soorten["werkmapcellen"] += 1
            if not telt(_draai(werkmap), f"werkmap {wijzigingen!r}"):
                args.bewaar.mkdir(exist_ok=True)
                shutil.copy(werkmap, args.bewaar / f"vondst-{len(vondsten)}.xlsx")

    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(zipverminkingen())
    def zipronde(verminking):
        if time.monotonic() > einde:
            return
        with tempfile.TemporaryDirectory() as tmp:
            werkmap = verminkte_zip(Path(tmp) / "begroting.xlsx", verminking)
            soorten["zip en XML"] += 1
            if not telt(_draai(werkmap), f"zip {verminking!r}"):
                args.bewaar.mkdir(exist_ok=True)
                shutil.copy(werkmap, args.bewaar / f"vondst-{len(vondsten)}.xlsx")

    @settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(yamlteksten())
    def yamlronde(tekst):
        if time.monotonic() > einde:
            return
        with tempfile.TemporaryDirectory() as tmp:
            pad = Path(tmp) / "casus-9.yaml"
            pad.write_text(tekst, encoding="utf-8", errors="surrogatepass")
            soorten["yaml"] += 1
            if not telt(_draai(pad), f"yaml {tekst[:200]!r}"):
                args.bewaar.mkdir(exist_ok=True)
                shutil.copy(pad, args.bewaar / f"vondst-{len(vondsten)}.yaml")

    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(registratieverminkingen())
    def registratieronde(ruw):
        if time.monotonic() > einde:
            return
        with tempfile.TemporaryDirectory() as tmp:
            export = Path(tmp) / "export.csv"
            export.write_bytes(ruw)
            soorten["registratie"] += 1
            if not telt(_draai(export), f"registratie {ruw[:200]!r}"):
                args.bewaar.mkdir(exist_ok=True)
                shutil.copy(export, args.bewaar / f"vondst-{len(vondsten)}.csv")

    # Eén keer alles laden (ook numpy en openpyxl), zodat elk kindproces als kopie van dit proces snel start.
    with tempfile.TemporaryDirectory() as tmp:
        reken_door(verse_kopie(Path(tmp) / "hengelo"), onzeker=True)
        reken_werkmap_door(verminkte_werkmap(Path(tmp) / "begroting.xlsx", []))
    while time.monotonic() < einde:
        ronde()  # elke ronde trekt hypothesis nieuwe voorbeelden
        werkmapronde()
        zipronde()
        yamlronde()
        registratieronde()
    totaal = sum(tellers.values()) + len(vondsten)
    print(f"uitvoeringen: {totaal} (code 0: {tellers[0]}, code 2: {tellers[2]}, anders: {len(vondsten)})")
    print("per soort: " + ", ".join(f"{soort} {aantal}" for soort, aantal in soorten.items()))
    for vondst in vondsten:
        print(vondst)
    return 1 if vondsten else 0


if __name__ == "__main__":
    sys.exit(main())
