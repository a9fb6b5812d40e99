"""The newsroom in a real browser: a reporter writes an article with an image from the media library, it climbs
every approval level to publication, and a reader opens it (tagged `browser`)."""
import glob
import os
import re
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ARTIFACTS = os.environ.get("TOASOAN_ARTIFACTS", "artifacts/screenshots")
TITLE = "Thử nghiệm quy trình: chợ nổi Cái Răng mở phiên đêm"


def set_viewport(browser, width, height=900):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def shot(browser, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    browser.save_screenshot(os.path.join(ARTIFACTS, name))


def assert_fits(browser, where):
    scroll, client = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll <= client, f"{where}: horizontal overflow ({scroll} > {client})"


def log_in(browser, site, login):
    email, password = login
    browser.delete_all_cookies()
    browser.get(site + "/toa-soan/dang-nhap")
    browser.find_element(By.NAME, "email").send_keys(email)
    browser.find_element(By.NAME, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".admin-nav")))


def log_out(browser):
    browser.find_element(By.CSS_SELECTOR, ".admin-nav form button").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.NAME, "password")))


def take_action(browser, site, article_id, action, note=None):
    browser.get(f"{site}/toa-soan/bai-viet/{article_id}")
    form = browser.find_element(By.XPATH, f"//form[input[@name='action' and @value='{action}']]")
    if note:
        form.find_element(By.NAME, "note").send_keys(note)
    form.find_element(By.CSS_SELECTOR, "button").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash-ok")))


@pytest.mark.browser
def test_reporter_to_published_through_every_level(server, browser):
    site, logins = server["base"], server["logins"]
    assert set(logins) >= {"phongvien", "bientapvien", "thukytoasoan", "tongbientap"}, f"demo logins not printed: {logins}"
    set_viewport(browser, 360)

    # The reporter uploads a photo to the media library, with its caption and credit.
    log_in(browser, site, logins["phongvien"])
    assert_fits(browser, "dashboard at 360px")
    shot(browser, "newsroom-dashboard-360.png")
    browser.get(site + "/toa-soan/thu-vien-anh")
    if not browser.find_element(By.CSS_SELECTOR, "details.upload").get_attribute("open"):
        browser.find_element(By.CSS_SELECTOR, "details.upload summary").click()
    photo = sorted(glob.glob(os.path.join(server["work"], "media", "demo", "*.jpg")))[0]
    browser.find_element(By.NAME, "file").send_keys(photo)
    browser.find_element(By.NAME, "alt").send_keys("Thuyền chở trái cây trên sông lúc chạng vạng")
    browser.find_element(By.NAME, "caption").send_keys("Phiên chợ đêm đầu tiên trên sông")
    browser.find_element(By.NAME, "credit").send_keys("Lâm Thử Nghiệm")
    browser.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash-ok")))
    assert_fits(browser, "media library at 360px")

    # ...writes the article, placing the photo with the toolbar's image picker, and saves it.
    browser.get(site + "/toa-soan/bai-viet/moi")
    browser.find_element(By.NAME, "title").send_keys(TITLE)
    browser.find_element(By.NAME, "sapo").send_keys("Phiên chợ đêm thử nghiệm kéo dài đến 22 giờ, với đèn lồng dọc hai bờ.")
    body = browser.find_element(By.NAME, "body")
    body.send_keys("Ban quản lý chợ cho biết phiên đêm sẽ mở mỗi thứ Bảy trong tháng tới.")
    browser.find_element(By.CSS_SELECTOR, "[data-md=image]").click()
    pick = WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-media-results] button")))
    pick.click()
    assert "![Thuyền chở trái cây" in body.get_attribute("value")
    body.send_keys("\nNgười bán hàng được hỗ trợ đèn chiếu sáng và phao cứu sinh.")
    Select(browser.find_element(By.NAME, "section")).select_by_index(1)
    assert_fits(browser, "editor at 360px")
    shot(browser, "newsroom-editor-360.png")
    browser.find_element(By.CSS_SELECTOR, ".form-actions button.primary").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash-ok")))
    article_id = re.search(r"/bai-viet/(\d+)", browser.current_url).group(1)
    # The live preview shows the article as readers will see it, photo credit included.
    WebDriverWait(browser, 10).until(
        lambda b: "(Ảnh: Lâm Thử Nghiệm)" in (b.find_element(By.CSS_SELECTOR, "iframe.preview").get_attribute("srcdoc") or "")
    )
    take_action(browser, site, article_id, "submit")
    log_out(browser)

    # Each approval level passes it on; the editor-in-chief publishes.
    for handle, action in (("bientapvien", "approve"), ("thukytoasoan", "approve"), ("tongbientap", "publish")):
        log_in(browser, site, logins[handle])
        waiting = browser.find_element(By.CSS_SELECTOR, "section.panel").text
        assert TITLE in waiting, f"{handle}'s dashboard does not list the article waiting for them"
        take_action(browser, site, article_id, action)
        log_out(browser)

    # A reader finds it on the home page and opens it.
    set_viewport(browser, 1280)
    browser.delete_all_cookies()
    # Cached pages follow the change log every 250 ms, so the home page has the article within a moment.
    def home_link(b):
        b.get(site + "/")
        links = b.find_elements(By.XPATH, f"//a[normalize-space()='{TITLE}']")
        return links[0] if links else False
    # Reader pages may be kept 30 s by browsers (Cache-Control: max-age=30); an earlier test may have loaded the home
    # page in this browser, so look as a new reader does.
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    WebDriverWait(browser, 5, poll_frequency=0.3).until(home_link).click()
    assert browser.find_element(By.TAG_NAME, "h1").text == TITLE
    captions = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "figure figcaption")]
    assert any("(Ảnh: Lâm Thử Nghiệm)" in c for c in captions), captions
    srcsets = [img.get_attribute("srcset") or "" for img in browser.find_elements(By.CSS_SELECTOR, "figure img")]
    assert any(".webp" in s for s in srcsets), srcsets
    shot(browser, "newsroom-published-article-1280.png")


@pytest.mark.browser
def test_admin_pages_are_private(site):
    request = urllib.request.Request(site + "/toa-soan/dang-nhap")
    with urllib.request.urlopen(request) as response:
        assert response.headers["Cache-Control"] == "no-store"
        assert "noindex" in response.headers["X-Robots-Tag"]
        assert "cdn" not in response.read().decode("utf-8").lower()
