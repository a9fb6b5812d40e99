"""Starts the real toasoan binary with the demo newsroom for the contract tests, and gives them an HTTP client.

The contract tests check what the site publishes for machines with the parsers machines use: feeds with feedparser,
sitemaps with xmllint against the protocols' XML schemas, structured data with extruct, the Content API with
schemathesis against openapi/content.yaml. Run them with scripts/contract-test.sh (it makes the virtualenv).
"""
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pytest_addoption(parser):
    parser.addoption("--toasoan", action="store", default=".build/debug/toasoan", help="path to the toasoan binary")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Response:
    """What came back: status, headers (lowercase names), body bytes."""

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)


class Site:
    """A running demo newspaper: its base URL, work folder and the demo logins it printed."""

    def __init__(self, base, work, logins):
        self.base = base
        self.work = work
        self.logins = logins

    def request(self, path, method="GET", headers=None, body=None):
        url = path if path.startswith("http") else self.base + path
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return Response(response.status, response.getheaders(), response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers.items(), error.read())

    def get(self, path, headers=None):
        return self.request(path, headers=headers)

    def json(self, path, method="GET", payload=None, token=None):
        headers = {"Accept": "application/json"}
        body = None
        if payload is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(payload).encode("utf-8")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return self.request(path, method=method, headers=headers, body=body)

    def token(self, handle):
        """A bearer token of the demo account `handle` (phongvien, bientapvien, thukytoasoan, tongbientap, quantri)."""
        email, password = self.logins[handle]
        response = self.json("/api/admin/session", "POST", {"email": email, "password": password})
        assert response.status == 200, f"login {handle}: {response.status} {response.text}"
        return response.json()["token"]

    def upload(self, token, path, alt, caption="", credit=""):
        """Uploads an image to the media library through the Admin API; returns the media JSON."""
        boundary = "contract-" + uuid.uuid4().hex
        parts = []
        for name, value in (("alt", alt), ("caption", caption), ("credit", credit)):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode("utf-8"))
        with open(path, "rb") as file:
            data = file.read()
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{os.path.basename(path)}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode("utf-8") + data + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode("utf-8"))
        response = self.request(
            "/api/admin/media", "POST", {"Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={boundary}"},
            b"".join(parts),
        )
        assert response.status in (200, 201), f"upload: {response.status} {response.text}"
        return response.json()


@pytest.fixture(scope="session")
def site(pytestconfig):
    """A running demo newspaper (`Site`)."""
    binary = os.path.abspath(pytestconfig.getoption("--toasoan"))
    work = tempfile.mkdtemp(prefix="toasoan-contract-")
    port = _free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(
        [binary, "serve", "--demo", "--port", str(port), "--database", os.path.join(work, "news.sqlite")],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError("toasoan did not start; see " + log.name)
    if server.poll() is not None:
        raise RuntimeError("toasoan exited at start; see " + log.name)
    logins = {}
    for _ in range(100):
        with open(log.name, encoding="utf-8") as printed:
            text = printed.read()
        found = re.findall(r"^\s+(.+?)\s+(\S+@toasoan\.demo)\s+(\S+)$", text, re.MULTILINE)
        if found:
            logins = {email.split("@")[0]: (email, password) for _, email, password in found}
            break
        time.sleep(0.1)
    yield Site(base, work, logins)
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def taxonomy(site):
    """Slugs of one section, tag, topic and author that have published articles, read from the Content API."""
    def first(path, key):
        items = site.get(path).json()[key]
        assert items, f"{path} is empty"
        return items[0]["slug"]

    sections = [s for s in site.get("/api/v1/sections").json()["sections"] if s["parent"] is None]
    with_articles = [s["slug"] for s in sections if site.get(f"/api/v1/articles?section={s['slug']}&limit=1").json()["total"] > 0]
    assert with_articles, "no section has articles"
    return {
        "section": with_articles[0],
        "tag": first("/api/v1/tags", "tags"),
        "topic": first("/api/v1/topics", "topics"),
        "author": first("/api/v1/authors", "authors"),
    }
