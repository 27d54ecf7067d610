"""De vloer voor veel casussen: alle YAML-bestanden van een map lezen met de C-loader van PyYAML en als JSON schrijven.

Gebruik: python benchmarks/vloer_lezen.py MAP

Sneller dan dit kan `kostenbaten bereken MAP --formaat json` niet: het moet minstens
dezelfde bestanden lezen en een JSON-document schrijven. `veel_casussen.py` meet de verhouding.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml


def main() -> None:
    documenten = []
    for pad in sorted(Path(sys.argv[1]).glob("*.yaml")):
        with open(pad, encoding="utf-8") as bestand:
            documenten.append(yaml.load(bestand, Loader=yaml.CSafeLoader))
    json.dump(documenten, sys.stdout, ensure_ascii=False, indent=2, default=str)


if __name__ == "__main__":
    main()
