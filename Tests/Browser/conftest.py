"""Starts the real toasoan binary with the demo newsroom for the browser tests."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest


def pytest_addoption(parser):
    parser.addoption("--toasoan", action="store", default=".build/debug/toasoan", help="path to the toasoan binary")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(pytestconfig):
    """A running demo newspaper: its base URL, its work folder and the demo logins it printed."""
    binary = pytestconfig.getoption("--toasoan")
    work = tempfile.mkdtemp(prefix="toasoan-browser-")
    port = _free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(
        [binary, "serve", "--demo", "--port", str(port), "--database", os.path.join(work, "news.sqlite")],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError("toasoan did not start; see " + log.name)
    logins = {}
    for _ in range(100):
        with open(log.name, encoding="utf-8") as printed:
            text = printed.read()
        found = re.findall(r"^\s+(.+?)\s+(\S+@toasoan\.demo)\s+(\S+)$", text, re.MULTILINE)
        if found:
            logins = {email.split("@")[0]: (email, password) for _, email, password in found}
            break
        time.sleep(0.1)
    yield {"base": base, "work": work, "logins": logins}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def site(server):
    """Base URL of a running demo newspaper."""
    return server["base"]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Debian's chromedriver (no download: everything is local)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium and chromedriver are required in CI (apt-get install chromium chromium-driver)")
        pytest.skip("Chromium or chromedriver is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    yield driver
    driver.quit()
