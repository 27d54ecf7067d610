"""Headless Chromium (Debian's chromium en chromedriver) als lezer: een HTML-bestand openen op een schermbreedte.

Zonder Chromium wordt de test overgeslagen, behalve in CI (dan faalt hij),
zoals LibreOffice in `libreoffice.py`. De breedte wordt met de DevTools van
Chromium ingesteld (zoals een telefoon), zodat `innerWidth` precies die breedte is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from systeem import vereis

def vereis_chromium() -> tuple[str, str]:
    """De paden van chromium en chromedriver; ontbreken ze, dan overslaan, behalve in CI."""
    chromium, driver = vereis("chromium", "chromedriver")
    return chromium, driver


@dataclass
class Bezoek:
    scroll_breedte: int
    binnen_breedte: int
    meldingen: list[dict]  # de console van de browser
    grafieken: dict[str, bytes]  # id van de grafiek -> PNG van alleen dat gebied
    pagina: bytes  # PNG van het eerste scherm
    secties: dict[str, bytes] = field(default_factory=dict)  # id van een gevraagde sectie -> PNG van die sectie


def bezoek(html: Path, breedte: int, hoogte: int = 900, secties: tuple[str, ...] = ()) -> Bezoek:
    """Opent `html` in headless Chromium op `breedte` x `hoogte` CSS-pixels en kijkt zoals een lezer.

    Van elke sectie in `secties` (haar id) komt er ook een PNG van alleen die sectie."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    chromium, driver_pad = vereis_chromium()
    opties = webdriver.ChromeOptions()
    opties.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={breedte},{hoogte}"):
        opties.add_argument(argument)
    opties.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(driver_pad), options=opties)
    try:
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": breedte, "height": hoogte, "deviceScaleFactor": 1, "mobile": breedte < 600}
        )
        laad(browser, html)
        scroll = browser.execute_script("return document.documentElement.scrollWidth")
        binnen = browser.execute_script("return window.innerWidth")
        pagina = browser.get_screenshot_as_png()
        grafieken = {}
        for element in browser.find_elements(By.CSS_SELECTOR, "figure.grafiek .tekening"):
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
            grafieken[element.find_element(By.XPATH, "..").get_attribute("id")] = element.screenshot_as_png
        gezien = {}
        for sectie in secties:
            element = browser.find_element(By.ID, sectie)
            browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)
            gezien[sectie] = element.screenshot_as_png
        return Bezoek(scroll, binnen, browser.get_log("browser"), grafieken, pagina, gezien)
    finally:
        browser.quit()


def aandeel_inkt(png: bytes) -> float:
    """Het deel van de pixels dat niet (bijna) wit is: 0 voor een leeg gebied."""
    from PIL import Image

    beeld = Image.open(io.BytesIO(png)).convert("L")
    histogram = beeld.histogram()
    return sum(histogram[:235]) / max(1, sum(histogram))


def laad(browser, html) -> None:
    """Opent het HTML-bestand en wacht tot het helemaal gelezen is: onder zware belasting kan `get` terugkomen terwijl
    de bijlagen nog niet in het document staan, en dan lijkt elke verwijzing naar een ontbrekende plek te wijzen."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(Path(html).resolve().as_uri())
    WebDriverWait(browser, 120).until(lambda b: b.execute_script("return document.readyState") == "complete")
