"""De vloer voor een registratie: de export lezen en één kolom (het onderwerp) tellen, zonder enige controle.

Gebruik: python benchmarks/vloer_registratie.py EXPORT (.csv met puntkomma's, of .xlsx)

Een CSV met de csv-module van Python, een werkmap met de read-only-iteratie van
openpyxl. `registratie.py` meet de verhouding met `kostenbaten registratie`.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path


def main() -> None:
    pad = Path(sys.argv[1])
    teller: dict[str, int] = {}
    if pad.suffix == ".xlsx":
        from openpyxl import load_workbook

        werkmap = load_workbook(pad, read_only=True, data_only=True)
        rijen = werkmap.worksheets[0].iter_rows(min_row=2, values_only=True)
        for rij in rijen:
            teller[rij[1]] = teller.get(rij[1], 0) + 1
        werkmap.close()
    else:
        with pad.open(encoding="utf-8", newline="") as f:
            lezer = csv.reader(f, delimiter=";")
            next(lezer)
            for rij in lezer:
                teller[rij[1]] = teller.get(rij[1], 0) + 1
    json.dump(teller, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
