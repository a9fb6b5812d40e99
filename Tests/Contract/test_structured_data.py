"""Article pages as search engines read them: the NewsArticle JSON-LD and the Open Graph tags, extracted with extruct
(the library behind many SEO tools) and checked field by field against the Content API and against the files
themselves (an image's claimed size is its real size; a crop is listed only if it exists). A newsroom upload goes
through the whole chain to check the 16:9, 4:3 and 1:1 crops, a correction and a takedown end to end, each visible
in the API within a second."""
import glob
import os
import struct
import time

import extruct
import pytest
from lxml import html as lxml_html


def image_size(data):
    """(width, height) of a PNG, GIF or JPEG, read from its header."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"\xff\xd8":
        offset = 2
        while offset < len(data):
            while data[offset] == 0xFF:
                offset += 1
            marker = data[offset]
            offset += 1
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                continue
            length = struct.unpack(">H", data[offset:offset + 2])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                height, width = struct.unpack(">HH", data[offset + 3:offset + 7])
                return width, height
            offset += length
    raise AssertionError("not a PNG, GIF or JPEG")


def page_data(site, url):
    """The page at `url`: its one NewsArticle, its Open Graph properties, and the parsed document."""
    response = site.get(url)
    assert response.status == 200, url
    data = extruct.extract(response.text, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=False)
    articles = [item for item in data["json-ld"] if item.get("@type") == "NewsArticle"]
    assert len(articles) == 1, f"{url}: {data['json-ld']}"
    og = {}
    for block in data["opengraph"]:
        for name, value in block["properties"]:
            og.setdefault(name, []).append(value)
    return articles[0], og, lxml_html.fromstring(response.body)


def check_image(site, image, *, ratio=None):
    """The image exists at its URL and is exactly as big as claimed (and of `ratio`, within a pixel, when given)."""
    assert image["@type"] == "ImageObject"
    response = site.get(image["url"])
    assert response.status == 200, image["url"]
    width, height = image_size(response.body)
    assert (width, height) == (image["width"], image["height"]), image["url"]
    assert width * height >= 50_000, image["url"]
    if ratio:
        assert abs(width / height - ratio) < 2 / height, f"{image['url']}: {width}×{height} is not {ratio}"


def check_article(site, url, api):
    """Field by field: the page's structured data says what the Content API says, and every URL in it is live."""
    article, og, document = page_data(site, url)
    canonical = document.xpath("//link[@rel='canonical']/@href")
    assert canonical == [api["url"]]
    assert article["@context"] in ("https://schema.org", "http://schema.org")
    assert article["mainEntityOfPage"]["@id"] == api["url"] and article["url"] == api["url"]
    assert article["headline"] == api["title"]
    assert article["description"] and api["sapo"].startswith(article["description"].rstrip(".").rstrip())
    assert article["datePublished"] == api["published_at"] and article["datePublished"].endswith("+07:00")
    assert article["dateModified"] == api["updated_at"] and article["dateModified"].endswith("+07:00")
    assert article["dateModified"] >= article["datePublished"]
    assert article["articleSection"] == api["section"]["name"]
    assert article.get("keywords", []) == [tag["name"] for tag in api["tags"]]
    assert article["inLanguage"] == "vi"
    assert [a["name"] for a in article.get("author", [])] == [a["name"] for a in api["authors"]]
    for author, expected in zip(article.get("author", []), api["authors"]):
        assert author["@type"] == "Person" and author["url"] == expected["url"]
        assert site.get(author["url"]).status == 200, author["url"]
    publisher = article["publisher"]
    assert publisher["@type"] in ("NewsMediaOrganization", "Organization")
    assert publisher["name"] == og["og:site_name"][0]
    logo = publisher["logo"]
    assert logo["url"].endswith(".png")
    check_image(site, logo)
    assert logo["width"] >= 112 and logo["height"] >= 112
    # Open Graph and the robots directive.
    assert og["og:type"] == ["article"] and og["og:url"] == [api["url"]] and og["og:title"]
    assert og["article:published_time"] == [api["published_at"]]
    assert og.get("article:tag", []) == [tag["name"] for tag in api["tags"]]
    assert document.xpath("//meta[@name='robots']/@content") == ["max-image-preview:large"]
    assert document.xpath("//meta[@name='twitter:card']/@content") in (["summary_large_image"], ["summary"])
    return article, og


@pytest.mark.contract
def test_demo_articles_describe_themselves_truthfully(site):
    listed = site.get("/api/v1/articles?limit=12").json()["articles"]
    assert len(listed) == 12
    for item in listed:
        api = site.get(f"/api/v1/articles/{item['id']}").json()
        article, og = check_article(site, api["url"], api)
        images = article.get("image", [])
        if api["image"] is None:
            assert not images
            continue
        # Demo illustrations are imported, not uploaded: no crops exist, so the image itself is the one listed.
        assert api["image"]["crops"] == []
        assert len(images) == 1
        check_image(site, images[0])
        assert og["og:image"] == [images[0]["url"]]


@pytest.fixture(scope="module")
def uploaded(site):
    """An article with a freshly uploaded photo, taken through every approval level to publication."""
    assert {"phongvien", "bientapvien", "thukytoasoan", "tongbientap"} <= set(site.logins), f"demo logins: {site.logins}"
    reporter = site.token("phongvien")
    photo = sorted(glob.glob(os.path.join(site.work, "media", "demo", "*.jpg")))[0]
    media = site.upload(reporter, photo, alt="Thuyền trên sông lúc hoàng hôn", caption="Chợ nổi", credit="Lâm Thử Nghiệm")
    section = site.get("/api/v1/sections").json()["sections"][0]["slug"]
    created = site.json("/api/admin/articles", "POST", {
        "title": "Kiểm thử dữ liệu có cấu trúc: chợ nổi mở phiên đêm",
        "sapo": "Phiên chợ đêm đầu tiên trên sông thu hút đông du khách.",
        "body": "Đoạn mở đầu.\n\n![Thuyền](" + media["src"] + ")\n\nĐoạn kết.",
        "section": section, "tags": ["chợ nổi", "du lịch đêm"], "author": "Lâm Thử Nghiệm",
        "images": [{"src": media["src"], "alt": "Thuyền trên sông lúc hoàng hôn"}],
    }, token=reporter)
    assert created.status in (200, 201), created.text
    article_id = created.json()["id"]
    for handle, action in [("phongvien", "submit"), ("bientapvien", "approve"), ("thukytoasoan", "approve"), ("tongbientap", "publish")]:
        moved = site.json(f"/api/admin/articles/{article_id}/transitions", "POST", {"action": action}, token=site.token(handle))
        assert moved.status == 200, f"{action}: {moved.text}"
    return {"id": article_id, "media": media, "published": time.monotonic()}


def eventually(check, within=1.0):
    """Runs `check` until it returns a true value or `within` seconds have passed; returns its last value."""
    deadline = time.monotonic() + within
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


@pytest.mark.contract
def test_an_uploaded_photo_is_offered_in_16_9_4_3_and_1_1(site, uploaded):
    assert [crop["aspect"] for crop in uploaded["media"]["variants"] if crop.get("aspect")] == ["16:9", "4:3", "1:1"]
    listed = eventually(lambda: any(a["id"] == uploaded["id"] for a in site.get("/api/v1/articles").json()["articles"]))
    assert listed, "the publication reaches the API list within a second"
    api = site.get(f"/api/v1/articles/{uploaded['id']}").json()
    assert [crop["aspect"] for crop in api["image"]["crops"]] == ["16:9", "4:3", "1:1"]
    article, og = check_article(site, api["url"], api)
    images = article["image"]
    assert [image["url"] for image in images] == [crop["url"] for crop in api["image"]["crops"]]
    for image, ratio in zip(images, [16 / 9, 4 / 3, 1.0]):
        check_image(site, image, ratio=ratio)
    # The demo photo is 1200×675: each crop is as big as the photo allows at its ratio.
    assert [(image["width"], image["height"]) for image in images] == [(1200, 675), (900, 675), (675, 675)]
    assert og["og:image"][0] not in [image["url"] for image in images], "shares use the whole picture, not a crop"


@pytest.mark.contract
def test_a_correction_and_a_takedown_reach_pages_and_the_api_within_a_second(site, uploaded):
    article_id = uploaded["id"]
    note = "Sửa lại tên người trong ảnh"
    corrected = site.json(f"/api/admin/articles/{article_id}/transitions", "POST", {"action": "correct", "note": note},
                          token=site.token("thukytoasoan"))
    assert corrected.status == 200, corrected.text
    api = eventually(lambda: (lambda a: a if a.get("corrections") else None)(site.get(f"/api/v1/articles/{article_id}").json()))
    assert api and [c["note"] for c in api["corrections"]] == [note]
    article, _ = check_article(site, api["url"], api)
    assert [(c["@type"], c["text"]) for c in article["correction"]] == [("CorrectionComment", note)]
    assert article["dateModified"] == api["corrections"][0]["published_at"]

    down = site.json(f"/api/admin/articles/{article_id}/transitions", "POST", {"action": "takedown", "note": "Gỡ sau kiểm thử"},
                     token=site.token("tongbientap"))
    assert down.status == 200, down.text
    assert eventually(lambda: site.get(f"/api/v1/articles/{article_id}").status == 404)
    assert eventually(lambda: all(a["id"] != article_id for a in site.get("/api/v1/articles").json()["articles"]))
    assert eventually(lambda: site.get(api["url"]).status == 404)
