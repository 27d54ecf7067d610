"""`vergelijk --xlsx`: pilots en varianten naast elkaar, per actor, als werkmap om af te drukken.

Per scenario (kolom) het aantal hulpvragen, het gemiddelde per casus en beide
extrapolaties; daarna per methode voor elke actor wat hij betaalt, wat hij wint
en zijn saldo. Betaalt en wint zijn grijze waarden uit de rekenkern; het saldo
en de totalen zijn formules, zodat LibreOffice ze kan narekenen.
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from kostenbaten.berekening.vergelijking import per_actor
from kostenbaten.model.casus import METHODEN
from kostenbaten.uitvoer.excel.blad import (
    BOVENRAND,
    EURO,
    EURO_HEEL,
    GETAL,
    TITEL,
    UITLEG,
    VET,
    Blad,
    afdrukklaar,
    nieuwe_werkmap,
    toelichting,
)
from kostenbaten.uitvoer.namen import DELEN_NAMEN, METHODE_NAMEN

TOELICHTING = [
    "Deze werkmap zet scenario's van hetzelfde spreekuur naast elkaar: een pilot en varianten erop, zoals twee "
    "manieren van financieren (de subsidie van het Rijk zoals in de pilot, of de gemeente die de SJD-uren betaalt).",
    "Zo leest u het:",
    "Elke kolom is een scenario. Bovenaan staan het aantal hulpvragen, het gemiddelde netto per casus en de "
    "extrapolaties naar alle hulpvragen (rapport: één gemiddelde over alle casussen; gewogen: per rechtsgebied).",
    "Daaronder staat per actor (cliënt, gemeente, Rijk, ...) wat hij per jaar betaalt (de kosten van de SJD-uren "
    "die het scenario bij hem legt), wat hij wint (zijn deel van de baten) en het saldo: wint min betaalt.",
    "Een streepje betekent dat de actor in dat scenario niet betaalt en niet wint.",
    "Grijze cellen zijn door kostenbaten berekend; het saldo en de totalen zijn formules.",
    "Deze werkmap bevat formules zonder opgeslagen uitkomsten en vraagt het rekenprogramma om bij het openen alles "
    "te herberekenen. Excel en LibreOffice doen dat vanzelf; een voorbeeldweergave die niet rekent, toont lege cellen.",
]


def bouw(kolommen, trekkingen: int = 0, zaad: int = 0):
    """De werkmap en het register {'Blad!C12': verwachte waarde} van elke formulecel."""
    wb, verwacht = nieuwe_werkmap()
    ws = wb.create_sheet("Vergelijking", 0)
    toelichting(wb, "Toelichting bij de vergelijking", TOELICHTING)
    wb.active = 0
    b = Blad(ws, verwacht)
    letters = [get_column_letter(i) for i in range(2, len(kolommen) + 2)]
    b.breedtes({"A": 40, **{k: 22 for k in letters}})
    b.tekst("A1", "Scenario's naast elkaar, per actor", TITEL)
    b.tekst("A2", "Bedragen per jaar, exact berekend. Grijs: uit de casussen. Wit: formules.", UITLEG)
    b.kopregel(3, ["Scenario", *(k.uitkomst.pilot.naam for k in kolommen)])
    ws.freeze_panes = "B4"

    rij = 4
    b.tekst(f"A{rij}", "Hulpvragen")
    for letter, k in zip(letters, kolommen):
        b.afgeleid(f"{letter}{rij}", k.uitkomst.extrapolaties["rapport"].hulpvragen, GETAL)
    rij += 1
    b.tekst(f"A{rij}", "Gemiddeld netto per casus")
    for letter, k in zip(letters, kolommen):
        b.afgeleid(f"{letter}{rij}", k.uitkomst.gemiddelde_netto, EURO)
    rij += 1
    for methode in METHODEN:
        for deel, naam in DELEN_NAMEN.items():
            b.tekst(f"A{rij}", f"Extrapolatie {methode}: {naam.lower()}")
            for letter, k in zip(letters, kolommen):
                b.afgeleid(f"{letter}{rij}", getattr(k.uitkomst.extrapolaties[methode], deel), EURO_HEEL)
            rij += 1

    for methode in METHODEN:
        rij += 1
        b.kopregel(rij, [f"Per actor, methode {METHODE_NAMEN[methode]}", *(k.uitkomst.pilot.naam for k in kolommen)])
        rij += 1
        betaalt, wint = [], []
        for actor in per_actor(kolommen, methode):
            for letter, regel in zip(letters, actor.regels):
                if regel is None:  # deze actor betaalt en wint in dit scenario niets
                    for plek in range(rij, rij + 3):
                        b.tekst(f"{letter}{plek}", "-").alignment = Alignment(horizontal="right")
                    continue
                b.afgeleid(f"{letter}{rij}", regel.kosten, EURO_HEEL)
                b.afgeleid(f"{letter}{rij + 1}", regel.baten, EURO_HEEL)
                b.formule(f"{letter}{rij + 2}", f"{letter}{rij + 1}-{letter}{rij}", regel.saldo, EURO_HEEL, font=VET)
            b.tekst(f"A{rij}", f"{actor.naam}: betaalt")
            b.tekst(f"A{rij + 1}", f"{actor.naam}: wint")
            b.tekst(f"A{rij + 2}", f"{actor.naam}: saldo", VET)
            betaalt.append(rij)
            wint.append(rij + 1)
            rij += 3
        for label, rijen, deel in (("Samen: betaalt", betaalt, "kosten"), ("Samen: wint", wint, "baten")):
            b.tekst(f"A{rij}", label, VET)
            for letter, k in zip(letters, kolommen):
                totaal = getattr(k.actoren.extrapolaties[methode], deel)
                b.formule(f"{letter}{rij}", "+".join(f"N({letter}{r})" for r in rijen), totaal, EURO_HEEL, font=VET)
            if deel == "kosten":
                for kolom in ("A", *letters):
                    b.ws[f"{kolom}{rij}"].border = BOVENRAND
            rij += 1
        b.tekst(f"A{rij}", "Samen: saldo", VET)
        for letter, k in zip(letters, kolommen):
            b.formule(f"{letter}{rij}", f"{letter}{rij - 1}-{letter}{rij - 2}", k.actoren.extrapolaties[methode].saldo, EURO_HEEL, font=VET)
        rij += 1
    afdrukklaar(ws, f"A1:{letters[-1]}{rij - 1}", liggend=len(kolommen) > 3, titelrijen="1:3")
    return wb, verwacht


def werkmap(kolommen, trekkingen: int = 0, zaad: int = 0):
    """De vergelijking per actor als werkmap met formules voor saldo en totalen."""
    return bouw(kolommen, trekkingen, zaad)[0]
