"""The article page as a reader sees it, at phone and desktop widths (tagged `browser`)."""
import os
import re
import urllib.request

import pytest

ARTIFACTS = os.environ.get("TOASOAN_ARTIFACTS", "artifacts/screenshots")


def first_article_path(base):
    home = urllib.request.urlopen(base + "/").read().decode("utf-8")
    match = re.search(r'href="(/[a-z0-9-]+-\d+\.html)"', home)
    assert match, "the home page links to no article"
    return match.group(1)


def set_viewport(browser, width, height):
    """Sizes the viewport itself (not the window), so widths are what a phone reports."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_article_page_fits_and_is_complete(site, browser, width):
    path = first_article_path(site)
    set_viewport(browser, width, 900)
    browser.get(site + path)
    overflow = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > "
        "document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 5)]"
    )
    scroll_width, client_width, wide = overflow
    os.makedirs(ARTIFACTS, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    set_viewport(browser, width, min(height, 8000))
    browser.save_screenshot(os.path.join(ARTIFACTS, f"article-{width}.png"))
    assert scroll_width <= client_width, f"horizontal overflow at {width}px: {scroll_width} > {client_width}; widest: {wide}"
    assert browser.find_element("css selector", "html").get_attribute("lang") == "vi"
    assert len(browser.find_elements("css selector", "h1")) == 1
    assert browser.find_elements("css selector", "time[datetime$='+07:00']")
    assert browser.find_elements("css selector", "figure figcaption")
    images = browser.find_elements("css selector", "main img")
    assert images and all(img.get_attribute("alt") for img in images)
    for img in images:
        natural = browser.execute_script("return arguments[0].getBoundingClientRect().right", img)
        assert natural <= client_width + 1, "an image is wider than the screen"
    assert "Tổng biên tập" in browser.find_element("css selector", "footer").text


@pytest.mark.browser
def test_home_page_fits_on_a_phone(site, browser):
    set_viewport(browser, 360, 900)
    browser.get(site + "/")
    scroll_width, client_width = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    os.makedirs(ARTIFACTS, exist_ok=True)
    browser.save_screenshot(os.path.join(ARTIFACTS, "home-360.png"))
    assert scroll_width <= client_width
