"""Sitemaps validated by xmllint against the XML schemas of the sitemap protocol 0.9 (index and urlset) and of
Google's news sitemap 0.9, committed under schemas/ (CI has no network). Every listed address is live."""
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta, timezone

import pytest

SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def validate(body, schema):
    """Runs xmllint --schema on `body`; fails with its report when the document is not valid."""
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint is required (Debian: apt-get install libxml2-utils)"
    with tempfile.NamedTemporaryFile(suffix=".xml") as file:
        file.write(body)
        file.flush()
        result = subprocess.run(
            [xmllint, "--noout", "--nonet", "--schema", os.path.join(SCHEMAS, schema), file.name],
            capture_output=True, text=True,
        )
    assert result.returncode == 0, result.stderr


def schema_for(url):
    return "news-urlset.xsd" if "/sitemap-news" in url else "sitemap.xsd"


def parse_datetime(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def index(site):
    response = site.get("/sitemap.xml")
    assert response.status == 200
    validate(response.body, "siteindex.xsd")
    root = ElementTree.fromstring(response.body)
    assert root.tag == SITEMAP + "sitemapindex"
    return [element.text for element in root.iter(SITEMAP + "loc")]


@pytest.mark.contract
def test_the_schemas_reject_what_they_should():
    """The committed schemas are not vacuous: a news entry without its language fails, a plain sitemap passes."""
    good = (
        b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://bao.example/a-1.html</loc>'
        b"<news:news><news:publication><news:name>B</news:name><news:language>vi</news:language></news:publication>"
        b"<news:publication_date>2024-08-05T14:30:00+07:00</news:publication_date><news:title>T</news:title></news:news>"
        b"</url></urlset>"
    )
    validate(good, "news-urlset.xsd")
    with pytest.raises(AssertionError):
        validate(good.replace(b"<news:language>vi</news:language>", b""), "news-urlset.xsd")
    with pytest.raises(AssertionError):
        validate(good, "sitemap.xsd")  # news elements are not allowed without their schema
    with pytest.raises(AssertionError):
        validate(good.replace(b"https://bao.example/a-1.html", b"a-1.html"), "news-urlset.xsd")


@pytest.mark.contract
def test_the_index_and_every_sitemap_it_lists_are_valid(site, index):
    assert index, "the sitemap index lists no sitemap"
    pages = set()
    for url in index:
        assert url.startswith(site.base + "/"), url
        response = site.get(url)
        assert response.status == 200, url
        validate(response.body, schema_for(url))
        root = ElementTree.fromstring(response.body)
        assert root.tag == SITEMAP + "urlset", url
        urls = [element.text for element in root.iter(SITEMAP + "loc")]
        assert len(urls) <= 50_000
        pages.update(urls)
    assert any(page.endswith(".html") for page in pages), "no article in any sitemap"
    for page in sorted(pages):
        assert page.startswith(site.base + "/"), page
        assert site.get(page).status == 200, page


@pytest.mark.contract
def test_the_news_sitemap_lists_recent_articles_in_vietnamese(site):
    response = site.get("/sitemap-news.xml")
    assert response.status == 200
    validate(response.body, "news-urlset.xsd")
    root = ElementTree.fromstring(response.body)
    entries = root.findall(SITEMAP + "url")
    assert 0 < len(entries) <= 1000
    now = datetime.now(timezone.utc)
    for entry in entries:
        news = entry.find(NEWS + "news")
        assert news is not None
        assert news.findtext(f"{NEWS}publication/{NEWS}language") == "vi"
        published = parse_datetime(news.findtext(NEWS + "publication_date"))
        assert published.utcoffset() == timedelta(hours=7), "times are written in +07:00"
        assert now - published <= timedelta(days=2, minutes=5), "only the last two days"
        assert news.findtext(NEWS + "title").strip()


@pytest.mark.contract
def test_robots_txt_names_the_sitemap(site):
    response = site.get("/robots.txt")
    assert response.status == 200
    assert f"Sitemap: {site.base}/sitemap.xml" in response.text
