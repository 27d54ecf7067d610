"""De meegeleverde gegevens in het pakket zijn echte bestanden, gelijk aan die van het project."""

from pathlib import Path

from kostenbaten.invoer.meegeleverd import meegeleverd

PROJECT = Path(__file__).resolve().parent.parent


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def test_geen_koppelingen_in_het_pakket():
    for deel in ("casussen", "templates"):
        pad = meegeleverd(deel)
        assert pad.is_dir() and not pad.is_symlink(), f"{pad} hoort een echte map te zijn"
        assert not [p for p in pad.rglob("*") if p.is_symlink()]


def test_kopie_gelijk_aan_project():
    # Wie templates/ of casussen/ wijzigt, kopieert de wijziging naar src/kostenbaten/gegevens/.
    for deel in ("casussen", "templates"):
        assert _bestanden(meegeleverd(deel)) == _bestanden(PROJECT / deel), (
            f"src/kostenbaten/gegevens/{deel} wijkt af van {deel}/: kopieer de wijziging"
        )
