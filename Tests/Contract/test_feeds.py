"""RSS 2.0 and Atom feeds, parsed by feedparser (the parser behind many readers and aggregators): no `bozo` error,
the version announced, entries that lead to live article pages with stable ids and dates."""
import feedparser
import pytest

FORMATS = {"rss.xml": "rss20", "atom.xml": "atom10"}


def feed_paths(taxonomy):
    lists = ["", f"/{taxonomy['section']}", f"/tag/{taxonomy['tag']}", f"/dong-su-kien/{taxonomy['topic']}", f"/tac-gia/{taxonomy['author']}"]
    return [(f"{prefix}/{name}", version) for prefix in lists for name, version in FORMATS.items()]


@pytest.mark.contract
def test_every_feed_parses_without_errors(site, taxonomy):
    checked_links = set()
    for path, version in feed_paths(taxonomy):
        response = site.get(path)
        assert response.status == 200, path
        assert "xml" in response.headers.get("content-type", ""), f"{path}: {response.headers.get('content-type')}"
        parsed = feedparser.parse(response.body, response_headers={"content-type": response.headers["content-type"]})
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')!r}"
        assert parsed.version == version, f"{path}: {parsed.version}"
        assert parsed.feed.get("title"), path
        assert parsed.entries, f"{path} has no entries"
        for entry in parsed.entries:
            assert entry.get("title"), path
            assert entry.get("id"), f"{path}: an entry without a stable id/guid"
            assert entry.get("published_parsed") or entry.get("updated_parsed"), f"{path}: an entry without a date"
            link = entry.get("link", "")
            assert link.startswith(site.base + "/") and link.endswith(".html"), f"{path}: {link}"
            checked_links.add(link)
    # Every linked article is live.
    for link in sorted(checked_links)[:40]:
        assert site.get(link).status == 200, link


@pytest.mark.contract
def test_unknown_lists_have_no_feed(site):
    for path in ["/tag/khong-co-the-nay/rss.xml", "/tac-gia/khong-co-ai/atom.xml"]:
        assert site.get(path).status == 404, path
