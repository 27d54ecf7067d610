"""Wat `bereken --formaat json` bij veel casussen sneller maakt, verandert niets aan de uitkomst.

De snelheid zelf meet `benchmarks/veel_casussen.py` (een verhouding tegen de vloer, geen tijd als eis in een test).
Hier: geen casusbestand wordt voor niets opnieuw gelezen, gelijke rekensommen worden gedeeld zonder 2 en 2,0
gelijk te maken, en de extrapolatie van veel grootheden tegelijk geeft dezelfde bedragen als met de hand.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import HENGELO

from kostenbaten.berekening.rekensom import Getal, exact, gedeeld, som
from kostenbaten.invoer.casussen import laad_project


def test_invoer_onthouden_leest_geen_casusbestand_opnieuw(monkeypatch):
    from kostenbaten import api
    from kostenbaten.invoer import yamlbestand
    from kostenbaten.uitvoer import bestand

    project = laad_project(HENGELO)
    gelezen = []
    echt = yamlbestand.lees_yaml
    monkeypatch.setattr(yamlbestand, "lees_yaml", lambda pad: gelezen.append(pad) or echt(pad))
    monkeypatch.setattr(bestand, "_INVOER", [])
    assert api.gelezen(project) == ()
    assert gelezen == []  # een casus van schijf heeft geen variantbronnen: niets te herlezen
    # Toch is elk bestand als invoer onthouden: de map, pilot.yaml en de zes casussen.
    assert set(bestand._INVOER) == {HENGELO, HENGELO / "pilot.yaml", *(HENGELO / f"casus-{i}.yaml" for i in range(1, 7))}


def test_gedeelde_rekensom_houdt_2_en_2_0_apart():
    twee = gedeeld(som(exact(Decimal("2")), " uur x € ", exact(Decimal("80")), " per uur"))
    nog_eens = gedeeld(som(exact(Decimal("2")), " uur x € ", exact(Decimal("80")), " per uur"))
    twee_nul = gedeeld(som(exact(Decimal("2.0")), " uur x € ", exact(Decimal("80")), " per uur"))
    assert nog_eens is twee
    assert twee_nul is not twee and twee_nul.delen[0].waarde.as_tuple().exponent == -1
    # Een geheel getal is geen tekst, en een andere notatie is een andere som.
    assert gedeeld(som("x ", 3)) is not gedeeld(som("x ", "3"))
    assert gedeeld(som(Getal(Decimal("2"), "vast", 2))) is not gedeeld(som(Getal(Decimal("2"), "vast", 1)))


def test_extrapolator_geeft_de_bedragen_van_de_hand():
    from kostenbaten.berekening.extrapolatie import Extrapolator, extrapoleer_grootheid
    from kostenbaten.berekening.kba import bereken_pilot

    project = laad_project(HENGELO)
    uitkomst = bereken_pilot(project.pilot, project.casussen)
    # Uren per casus als grootheid (casus-1 t/m casus-6.yaml): 2 + 3 + 2 + 2 + 1 + 2 = 12 uur.
    uren = [c.casus.uren.waarde for c in uitkomst.casussen]
    assert uren == [2, 3, 2, 2, 1, 2]
    ex = Extrapolator(project.pilot, uitkomst.casussen)
    per_uur = lambda c: c.casus.uren.waarde  # noqa: E731
    # rapport: 12 / 6 casussen x 198 gedekte hulpvragen (300 x (33 + 20 + 13)%) = 396 uur.
    assert ex.extrapoleer("rapport", uren) == Decimal(396)
    assert extrapoleer_grootheid(project.pilot, uitkomst.casussen, "rapport", per_uur) == Decimal(396)
    # gewogen: sociaal zekerheidsrecht (2 + 3) / 2 x 99 = 247,5; consumentenzaken (2 + 2) / 2 x 60 = 120;
    # belastingrecht (1 + 2) / 2 x 39 = 58,5; samen 426 uur.
    assert ex.extrapoleer("gewogen", uren) == Decimal(426)
    assert extrapoleer_grootheid(project.pilot, uitkomst.casussen, "gewogen", per_uur) == Decimal(426)


def test_gelijke_veldensets_gedeeld_en_onveranderd(tmp_path):
    import shutil

    from kostenbaten.invoer.yamlbestand import lees_yaml
    from kostenbaten.model.casus import Casus

    map_ = tmp_path / "hengelo"
    shutil.copytree(HENGELO, map_)
    # casus-7 is casus-2 met een ander nummer: dezelfde sleutels, dus dezelfde opgegeven velden.
    (map_ / "casus-7.yaml").write_text((HENGELO / "casus-2.yaml").read_text(encoding="utf-8").replace("nummer: 2\n", "nummer: 7\n"), encoding="utf-8")
    project = laad_project(map_)
    twee, zeven = project.casussen[1], project.casussen[6]
    assert (twee.nummer, zeven.nummer) == (2, 7)
    assert twee.model_fields_set is zeven.model_fields_set
    # Wat pydantic zelf zou onthouden: dezelfde namen als bij een losse validatie van het bestand.
    los = Casus.model_validate(lees_yaml(HENGELO / "casus-2.yaml")[0].inhoud)
    assert twee.model_fields_set == los.model_fields_set and twee.uren.model_fields_set == los.uren.model_fields_set
    # Een kopie met een wijziging krijgt een eigen verzameling; het origineel en zijn gedeelde verzameling blijven.
    voor = set(twee.model_fields_set)
    kopie = twee.model_copy(update={"kans": twee.uren})
    assert "kans" in kopie.model_fields_set and twee.model_fields_set == voor == zeven.model_fields_set
