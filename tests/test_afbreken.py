"""Afbreken in de terminal: alleen tussen woorden, of op een plek waar het Nederlands een woord laat breken.

Bij 80 kolommen past 'Woningcorporatie' of 'Consumentenzaken' niet altijd in zijn kolom;
rich zou dan op een willekeurige letter breken (Woningcorporat/ie). Hier breekt zo'n woord
met een streepje tussen twee lettergrepen, en elk stuk staat elders in de uitvoer niet los.
"""

from __future__ import annotations

import re

import pytest

import eigen_bibliotheek


@pytest.mark.parametrize("woord,lettergrepen", [
    ("Woningcorporatie", "Wo-ning-cor-po-ra-tie"),
    ("Consumentenzaken", "Con-su-men-ten-za-ken"),
    ("Belastingrecht", "Be-las-ting-recht"),
    ("zekerheidsrecht", "ze-ker-heids-recht"),
    ("schuldhulpverlening", "schuld-hulp-ver-le-ning"),
    ("Bibliotheek", "Bi-bli-o-theek"),
    ("Bankrekening", "Bank-re-ke-ning"),
    ("cliënt", "cli-ënt"),
])
def test_afbreekpunten_tussen_lettergrepen(woord, lettergrepen):
    from kostenbaten.notatie import afbreekpunten

    punten = afbreekpunten(woord)
    assert "-".join(woord[a:b] for a, b in zip([0, *punten], [*punten, len(woord)])) == lettergrepen


def test_breek_woord_alleen_op_een_afbreekpunt():
    from kostenbaten.notatie import breek_woord

    # 14 tekens ruimte: 'Woningcorpora' (13) plus het streepje past; 'Woningcorporat' zou geen lettergreep zijn.
    assert breek_woord("Woningcorporatie", 14) == ["Woningcorpora-", "tie"]
    assert breek_woord("Woningcorporatie", 16) == ["Woningcorporatie"]
    assert breek_woord("€ 115.566", 4) == ["€ 115.566"]  # geen woord: heel laten
    assert breek_woord("Schuld", 3) == ["Schuld"]  # geen punt dat past: heel laten, niet op een letter


LANGE_WOORDEN = ("Woningcorporatie", "Consumentenzaken", "zekerheidsrecht", "Kostenbesparing", "Bibliotheek")


@pytest.mark.parametrize("opdracht", ["actoren", "bereken"])
def test_tachtig_kolommen_breekt_nooit_midden_in_een_woord(tmp_path, opdracht):
    from typer.testing import CliRunner

    from kostenbaten.cli import app
    from kostenbaten.notatie import afbreekpunten

    map_ = eigen_bibliotheek.schrijf(tmp_path / "oosterdal")
    uit = CliRunner(env={"COLUMNS": "80"}).invoke(app, [opdracht, str(map_)], catch_exceptions=False).stdout
    for regel in uit.splitlines():
        assert len(regel) <= 80
    # Een cel die op een regel eindigt met het begin van een lang woord: alleen met een streepje, op een lettergreep.
    for woord in LANGE_WOORDEN:
        for lengte in range(3, len(woord)):
            begin = woord[:lengte]
            assert not re.search(rf"(?<![A-Za-z]){begin} *│", uit), f"'{woord}' breekt na '{begin}'"
            if re.search(rf"(?<![A-Za-z]){begin}- *│", uit):
                assert lengte in afbreekpunten(woord), f"'{woord}' breekt na '{begin}', geen lettergreep"
    if opdracht == "actoren":
        assert re.search(r"Woningcorpora- *│", uit)  # hier past het woord niet: het breekt op een lettergreep
