"""Het maatschappelijk saldo en de verdelingstabel als werkbladen, gedeeld door `actoren`, `onzekerheid` en `begroting`.

Eerst wat de samenleving wint (besparingen van middelen min de kosten van het hele
programma, met de route van die kosten), dan per actor wie betaalt en wie wint; de
saldi in de verdelingstabel tellen op tot het maatschappelijk saldo.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from kostenbaten.uitvoer.excel.blad import BOVENRAND, EURO, GETAL, TITEL, UITLEG, VET, Blad, afdrukklaar, overzicht
from kostenbaten.uitvoer.namen import KOSTENROUTE_NAMEN, METHODE_NAMEN, groep_label, groep_naam, rekensom_tekst

KOLOMMEN = ["Actor", "Betaalt", "Middelen", "Ontvangt (overdracht)", "Geeft (overdracht)", "Saldo", "Breder (niet in saldo)", "Groep"]
VELDEN = ("betaalt", "middelen", "ontvangt", "geeft")


def kosten_uitleg(k) -> str:
    """De route van de kosten van het hele programma en hoe ze berekend zijn (`berekening.saldo.Programmakosten`)."""
    return f"Kosten van het hele programma: {KOSTENROUTE_NAMEN.get(k.route, k.route)}; {rekensom_tekst(k.uitleg)}."


def _regels(t) -> list[list]:
    """De rijen van één verdelingstabel (`berekening.saldo.Verdelingstabel`), met de som als laatste."""
    rijen = [[r.naam, r.betaalt, r.middelen, r.ontvangt, r.geeft, r.saldo, r.breder, groep_naam(r.groep)] for r in t.regels]
    rijen.append(["Samen: maatschappelijk saldo", *(t.totaal(v) for v in VELDEN), t.saldo, t.totaal("breder"), ""])
    # Het saldo per groep; de onbekende betaler van een overdracht zonder 'van' staat apart, niet bij de overheid.
    rijen += [[groep_label(g).capitalize(), None, None, None, None, b, None, None] for g, b in t.per_groep().items()]
    return rijen


def saldo_bladen(wb: Workbook, s, voorvoegsel: str = "") -> None:
    """Een blad met het maatschappelijk saldo per methode (`berekening.saldo.SaldoUitkomst`) en per methode een verdelingstabel."""
    rijen = []
    for m, x in s.methoden.items():
        rijen += [
            [f"{METHODE_NAMEN[m]}: besparingen van middelen", x.middelen],
            [f"{METHODE_NAMEN[m]}: kosten van alle {x.kosten.hulpvragen} hulpvragen", x.kosten.totaal],
            [f"{METHODE_NAMEN[m]}: maatschappelijk saldo", x.saldo],
            [f"{METHODE_NAMEN[m]}: kosten van alleen de gedekte hulpvragen", x.kosten_gedekt],
            [f"{METHODE_NAMEN[m]}: saldo met die kosten", x.saldo_gedekt],
            [f"{METHODE_NAMEN[m]}: overdrachten (in het saldo netto nul)", x.overdrachten],
            [f"{METHODE_NAMEN[m]}: breder economisch effect (niet in het saldo)", x.breder],
        ]
    rijen += [["Methode van de KBA Hengelo, anders dan het saldo: " + v, None] for v in s.verschillen]
    kosten = next(iter(s.methoden.values())).kosten
    overzicht(wb, "Maatschappelijk saldo", f"{voorvoegsel}Maatschappelijk saldo: besparingen van middelen min de kosten van het hele programma",
              ["Wat", "Bedrag"], rijen, {1: EURO}, [90, 16], uitleg=kosten_uitleg(kosten))
    for m, x in s.methoden.items():
        rijen = []
        for t, wat in ((x.verdeling, "kosten van alle hulpvragen"), (x.verdeling_gedekt, "kosten van de gedekte hulpvragen")):
            rijen.append([f"Met de {wat}", *([None] * 7)])
            rijen += _regels(t)
        overzicht(wb, f"Verdeling {m}", f"{voorvoegsel}Verdelingstabel ({METHODE_NAMEN[m]})", KOLOMMEN, rijen, {k: EURO for k in range(1, 7)},
                  [30, 13, 13, 13, 13, 13, 14, 12], liggend=True, uitleg=kosten_uitleg(x.kosten))


# Per actor de bedragen per hulpvraag naast het afdrukbereik (grijs, uit de KBA), per methode twee kolommen vanaf J.
PER_HULPVRAAG = ("middelen", "ontvangt", "geeft", "breder")
HULPKOLOM = 10  # J


def _hulpkolommen(veld: str) -> tuple[str, str]:
    """De kolommen met `veld` per hulpvraag voor de methode rapport en gewogen."""
    i = HULPKOLOM + 2 * PER_HULPVRAAG.index(veld)
    return get_column_letter(i), get_column_letter(i + 1)


def begroting_saldo_blad(wb: Workbook, u, verwacht: dict, cellen: dict) -> None:
    """Het maatschappelijk saldo van een begroting (`berekening.saldo.BegrotingSaldo`, `u.saldi` per methode) met haar
    verdelingstabel eronder, als levende formules over het blad Begroting.

    `cellen` noemt de cellen daar: `hulpvragen`, `totaal` (eerste jaar), `methode` (de KBA-methode) en `betaler`
    (per betaler zijn totaal in het eerste jaar). Per hulpvraag staan de bedragen uit de KBA voor beide methoden
    grijs naast het afdrukbereik; het blad kiest met de methode van de begroting, zoals haar batenblok. `verwacht`
    krijgt bij elke formule de waarde van de rekenkern (`Blad.formule`).
    """
    m = u.maatschappelijk
    saldi = u.saldi or {m.methode: m}
    b = Blad(wb.create_sheet("Maatschappelijk saldo"), verwacht)
    methode = cellen["methode"]

    def kies(rij: int, rapport: str, gewogen: str) -> str:
        return f'IF({methode}="gewogen",{gewogen}{rij},{rapport}{rij})'

    def per_methode(rij: int, rapport: str, gewogen: str, waarde) -> None:
        """De grijze bedragen per hulpvraag voor beide methoden (`waarde(saldo)` geeft het bedrag)."""
        for kolom, s in ((rapport, saldi.get("rapport", m)), (gewogen, saldi.get("gewogen", m))):
            b.afgeleid(f"{kolom}{rij}", waarde(s), EURO)

    b.tekst("A1", "Maatschappelijk saldo van de begroting en de verdelingstabel", TITEL)
    b.tekst("A2", kosten_uitleg(m.kosten) + " Het saldo en de verdelingstabel zijn formules over het blad Begroting (hulpvragen per "
            "jaar, kosten per betaler en de KBA-methode): ze rekenen mee als u daar iets wijzigt. Grijs, rechts van de afdruk: "
            "de bedragen per hulpvraag uit de KBA, per methode.", UITLEG)
    b.kopregel(3, ["Wat", "Bedrag"])
    b.kopregel(3, ["Per hulpvraag, rapport", "Per hulpvraag, gewogen"], kolom=HULPKOLOM)
    r, g = get_column_letter(HULPKOLOM), get_column_letter(HULPKOLOM + 1)
    rijen = [
        ("Besparingen van middelen per hulpvraag (KBA-methode van het blad Begroting)", kies(4, r, g), m.middelen_per_hulpvraag, EURO),
        ("Hulpvragen per jaar (blad Begroting)", cellen["hulpvragen"], m.kosten.hulpvragen, GETAL),
        ("Besparingen van middelen: per hulpvraag x hulpvragen per jaar", "B4*B5", m.middelen, EURO),
        ("Kosten van het hele programma: de begroting, eerste jaar", cellen["totaal"], m.kosten.totaal, EURO),
        ("Maatschappelijk saldo", "B6-B7", m.saldo, EURO),
        ("Overdrachten per hulpvraag", kies(9, r, g), m.overdrachten_per_hulpvraag, EURO),
        ("Overdrachten (in het saldo netto nul): per hulpvraag x hulpvragen per jaar", "B9*B5", m.overdrachten, EURO),
    ]
    for rij, (label, formule, waarde, formaat) in enumerate(rijen, start=4):
        vet = VET if label == "Maatschappelijk saldo" else None
        b.tekst(f"A{rij}", label, vet)
        b.formule(f"B{rij}", formule, waarde, formaat, font=vet)
    per_methode(4, r, g, lambda s: s.middelen_per_hulpvraag)
    per_methode(9, r, g, lambda s: s.overdrachten_per_hulpvraag)
    laatste = 10
    if m.verdeling is not None:
        kop = 12
        b.kopregel(kop, KOLOMMEN)
        b.kopregel(kop, [f"{n} per hulpvraag, {methode_}" for n in ("Middelen", "Ontvangt", "Geeft", "Breder") for methode_ in ("rapport", "gewogen")],
                   kolom=HULPKOLOM)
        eerste = kop + 1
        for rij, regel in enumerate(m.verdeling.regels, start=eerste):
            b.tekst(f"A{rij}", regel.naam)
            if regel.actor in cellen["betaler"]:
                b.formule(f"B{rij}", cellen["betaler"][regel.actor], regel.betaalt)
            else:
                b.afgeleid(f"B{rij}", 0, EURO)  # betaalt niets in deze begroting
            for kolom, veld in zip("CDEG", PER_HULPVRAAG):
                rapport, gewogen = _hulpkolommen(veld)
                b.formule(f"{kolom}{rij}", f"$B$5*{kies(rij, rapport, gewogen)}", getattr(regel, veld))
                for k, s in ((rapport, saldi.get("rapport", m)), (gewogen, saldi.get("gewogen", m))):
                    b.afgeleid(f"{k}{rij}", s.per_hulpvraag[regel.actor][veld] if s.per_hulpvraag else 0, EURO)
            b.formule(f"F{rij}", f"C{rij}+D{rij}-E{rij}-B{rij}", regel.saldo, font=VET)
            b.tekst(f"H{rij}", groep_naam(regel.groep))
        slot = eerste + len(m.verdeling.regels) - 1
        rij = slot + 1
        b.tekst(f"A{rij}", "Samen: maatschappelijk saldo", VET)
        for kolom, waarde in zip("BCDEFG", (*(m.verdeling.totaal(v) for v in VELDEN), m.verdeling.saldo, m.verdeling.totaal("breder"))):
            b.formule(f"{kolom}{rij}", f"SUM({kolom}{eerste}:{kolom}{slot})", waarde, font=VET)
            b.ws[f"{kolom}{rij}"].border = BOVENRAND
        b.ws[f"A{rij}"].border = BOVENRAND
        # Het saldo per groep; de onbekende betaler van een overdracht zonder 'van' staat apart, niet bij de overheid.
        for groep, saldo in m.verdeling.per_groep().items():
            rij += 1
            b.tekst(f"A{rij}", groep_label(groep).capitalize())
            b.formule(f"F{rij}", f'SUMIF($H${eerste}:$H${slot},"{groep_naam(groep)}",$F${eerste}:$F${slot})', saldo)
        laatste = rij
    b.breedtes({"A": 44, **{k: 13 for k in "BCDE"}, "F": 14, "G": 14, "H": 12, **{get_column_letter(HULPKOLOM + i): 16 for i in range(8)}})
    b.ws.freeze_panes = "A4"
    afdrukklaar(b.ws, f"A1:H{laatste}", liggend=True, titelrijen="1:3")
