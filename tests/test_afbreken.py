"""Afbreken in de terminal: alleen tussen woorden, of op een plek waar het Nederlands een woord laat breken.

Bij 80 kolommen past 'Woningcorporatie' of 'Consumentenzaken' niet altijd in zijn kolom;
rich zou dan op een willekeurige letter breken (Woningcorporat/ie). Hier breekt zo'n woord
met een streepje tussen twee lettergrepen, en elk stuk staat elders in de uitvoer niet los.
De lettergrepen volgen het afbreekwoordenboek nl_NL (van LibreOffice, via pyphen); de
verwachte lettergrepen hieronder zijn met de hand uitgeschreven zoals de Woordenlijst ze geeft.
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
    ("consumentenzaken", "con-su-men-ten-za-ken"),
    ("Kostenbesparing", "Kos-ten-be-spa-ring"),
    ("ontruiming", "ont-rui-ming"),  # een regel 'één medeklinker naar de volgende lettergreep' gaf on-truiming
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


# De plekken (na zoveel letters) waar elk woord mag breken, met de hand uit de lettergrepen hierboven.
LANGE_WOORDEN = {
    "Woningcorporatie": {2, 6, 9, 11, 13},  # Wo-ning-cor-po-ra-tie
    "Consumentenzaken": {3, 5, 8, 11, 13},  # Con-su-men-ten-za-ken
    "zekerheidsrecht": {2, 5, 10},  # ze-ker-heids-recht
    "Kostenbesparing": {3, 6, 8, 11},  # Kos-ten-be-spa-ring
    "Bibliotheek": {2, 5, 6},  # Bi-bli-o-theek
}


@pytest.mark.parametrize("opdracht", ["actoren", "bereken"])
def test_tachtig_kolommen_breekt_nooit_midden_in_een_woord(tmp_path, opdracht):
    from typer.testing import CliRunner

    from kostenbaten.cli import app

    map_ = eigen_bibliotheek.schrijf(tmp_path / "oosterdal")
    uit = CliRunner(env={"COLUMNS": "80"}).invoke(app, [opdracht, str(map_)], catch_exceptions=False).stdout
    for regel in uit.splitlines():
        assert len(regel) <= 80
    # Een cel die op een regel eindigt met het begin van een lang woord: alleen met een streepje, op een lettergreep.
    for woord, toegestaan in LANGE_WOORDEN.items():
        for lengte in range(3, len(woord)):
            begin = woord[:lengte]
            assert not re.search(rf"(?<![A-Za-z]){begin} *│", uit), f"'{woord}' breekt na '{begin}'"
            if re.search(rf"(?<![A-Za-z]){begin}- *│", uit):
                assert lengte in toegestaan, f"'{woord}' breekt na '{begin}', geen lettergreep"
    if opdracht == "actoren":
        assert re.search(r"Woningcorpora- *│", uit)  # hier past het woord niet: het breekt op een lettergreep


@pytest.mark.parametrize("woord,breedte,stukken", [
    # 80 kolommen: in een smalle kolom van 10 tekens past 'consumentenzaken' (16) niet; het breekt op con-su-men-ten-za-ken.
    ("consumentenzaken", 10, ["consumen-", "tenzaken"]),
    ("Woningcorporatie", 10, ["Woningcor-", "poratie"]),
    ("Woningcorporatie", 8, ["Woning-", "corpora-", "tie"]),  # Wo-ning | cor-po-ra | tie
])
def test_breek_woord_op_de_lettergrepen_van_het_woordenboek(woord, breedte, stukken):
    from kostenbaten.notatie import breek_woord

    # Elk stuk met zijn streepje past in de breedte, en eindigt op de laatste lettergreep die nog past.
    assert breek_woord(woord, breedte) == stukken
    assert all(len(s) <= breedte for s in stukken)


def test_het_woordenboek_laadt_pas_als_een_woord_niet_past():
    """pyphen laadt niet met notatie (de opstarttijd van elke opdracht), alleen bij het eerste te lange woord."""
    import subprocess
    import sys

    code = (
        "import sys; from kostenbaten import notatie; assert 'pyphen' not in sys.modules; "
        "notatie.breek_lange_woorden('kort', 80); assert 'pyphen' not in sys.modules; "
        "print(notatie.breek_woord('consumentenzaken', 10)); assert 'pyphen' in sys.modules"
    )
    uit = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert uit.strip() == "['consumen-', 'tenzaken']"
