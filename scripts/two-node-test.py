#!/usr/bin/env python3
"""Two toasoan nodes on one PostgreSQL database, as in production behind nginx (issue 6).

  scripts/two-node-test.py PATH/TO/toasoan        (TOASOAN_TEST_DATABASE_URL names the server)

Checks, each printed as ok/FAIL:
  1. a publish through the Admin API on node A shows on node B's cached section page within 1 second, and a takedown
     on A removes the article from B's Content API within 1 second (LISTEN/NOTIFY);
  2. node A killed (SIGKILL) while publishing: every article is either fully published (state, live version, audit
     entry, change-log entry) or not at all;
  3. the database goes away under node B (a TCP proxy between them is cut): cached pages keep being served, other
     pages get the Vietnamese 503 page, and B recovers by itself when the database returns.
Uses only the standard library and `psql`. Each run works in a schema of its own, dropped at the end.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BINARY = sys.argv[1] if len(sys.argv) > 1 else sys.exit("usage: two-node-test.py PATH/TO/toasoan")
SERVER = os.environ.get("TOASOAN_TEST_DATABASE_URL") or sys.exit("two-node-test: TOASOAN_TEST_DATABASE_URL is not set")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = f"twonode_{os.getpid()}"
passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   - {name}" + (f" ({detail})" if detail else ""), flush=True)
    else:
        failed += 1
        print(f"FAIL - {name}" + (f": {detail}" if detail else ""), flush=True)


def with_search_path(url, schema):
    return url + ("&" if "?" in url else "?") + f"search_path={schema}"


def psql(sql, url=SERVER):
    """Runs SQL on the test server; returns the rows as lists of text."""
    out = subprocess.run(["psql", "-qAtX", "-F", "\t", url, "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, token=None, timeout=10):
    """Returns (status, text) without raising on HTTP errors."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, ConnectionError, socket.timeout) as error:
        return 0, str(error)


class Node:
    """One `toasoan serve` process."""

    def __init__(self, name, url, demo=False):
        self.name, self.port = name, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile("w+", prefix=f"toasoan-{name}-", suffix=".log", delete=False)
        media = os.path.join(WORK, "media")
        args = [BINARY, "serve", "--port", str(self.port), "--database-url", url, "--media-dir", media,
                "--theme", os.path.join(ROOT, "Themes/default")] + (["--demo"] if demo else [])
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if http("GET", self.base + "/healthz", timeout=2)[0] == 200:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.log.seek(0)
        sys.exit(f"two-node-test: node {name} did not start:\n{self.log.read()[-3000:]}")

    def output(self):
        self.log.flush()
        with open(self.log.name) as log:
            return log.read()

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Proxy:
    """A TCP proxy to PostgreSQL that can be cut (every connection closed, nothing accepted) and restored."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.connections = []
        self.lock = threading.Lock()
        self.start()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        self.listener.close()
        with self.lock:
            for s in self.connections:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
                except OSError:
                    pass
            self.connections = []


def demo_tokens(node):
    """Logs in as every demo account node A printed; returns {role: token}."""
    logins = re.findall(r"(\S+@toasoan\.demo)\s+(\S+)", node.output())
    tokens = {}
    for email, password in logins:
        status, text = http("POST", node.base + "/api/admin/session", {"email": email, "password": password})
        if status == 200:
            body = json.loads(text)
            for role in body["user"]["roles"]:
                tokens[role] = body["token"]
    return tokens


def create_approved(node, tokens, title):
    """Creates an article in Thế giới and takes it up the chain to the last level; returns its id."""
    status, text = http("POST", node.base + "/api/admin/articles", {
        "title": title, "sapo": f"Sapo của bài “{title}”, viết cho phép thử hai máy chủ.",
        "body": "Đoạn một của bài thử.\n\nĐoạn hai của bài thử.", "section": "the-gioi", "tags": ["Thử nghiệm"],
        "author": "Phóng viên Thử",
    }, token=tokens["phong-vien"])
    assert status == 201, (status, text)
    article = json.loads(text)["id"]
    for role, action in (("phong-vien", "submit"), ("bien-tap-vien", "approve"), ("thu-ky-toa-soan", "approve")):
        status, text = http("POST", f"{node.base}/api/admin/articles/{article}/transitions", {"action": action},
                            token=tokens[role])
        assert status == 200, (role, action, status, text)
    return article


def shared_accounts(a, b, tokens):
    """Sessions and login throttling are rows in the database: they hold on every node. Run last: the failures block
    this client's address for a quarter of an hour."""
    status, text = http("GET", b.base + "/api/admin/me", token=tokens["tong-bien-tap"])
    check("a token node A gave works on node B", status == 200, f"status {status}")
    logins = dict(re.findall(r"(\S+@toasoan\.demo)\s+(\S+)", a.output()))
    email = next(e for e in logins if e.startswith("quantri"))
    for _ in range(5):
        http("POST", a.base + "/api/admin/session", {"email": email, "password": "sai-mat-khau-roi"})
    status, _ = http("POST", b.base + "/api/admin/session", {"email": email, "password": logins[email]})
    check("five failed logins on node A throttle the account on node B", status == 429, f"status {status}")


def until(condition, limit):
    """Polls `condition` every 10 ms for up to `limit` seconds; returns the seconds it took, or None."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if condition():
            return time.monotonic() - start
        time.sleep(0.01)
    return None


def invalidation(a, b, tokens):
    title = "Bài thử hai máy chủ số một"
    article = create_approved(a, tokens, title)
    # B caches the section page (second request served from its cache), without the article.
    for _ in range(2):
        status, page = http("GET", b.base + "/the-gioi")
    check("node B serves the section page before the publish", status == 200 and title not in page, f"status {status}")
    status, text = http("POST", f"{a.base}/api/admin/articles/{article}/transitions", {"action": "publish"},
                        token=tokens["tong-bien-tap"])
    check("the editor-in-chief publishes through node A's Admin API", status == 200, f"status {status}")
    took = until(lambda: title in http("GET", b.base + "/the-gioi")[1], 5)
    check("node B's cached section page shows the article within 1 s", took is not None and took < 1.0,
          f"{took * 1000:.0f} ms" if took is not None else "not within 5 s")
    api = f"{b.base}/api/v1/articles/{article}"
    for _ in range(2):
        status, _ = http("GET", api)
    check("node B's Content API has the article", status == 200, f"status {status}")
    status, _ = http("POST", f"{a.base}/api/admin/articles/{article}/transitions",
                     {"action": "takedown", "note": "Gỡ bài trong phép thử"}, token=tokens["tong-bien-tap"])
    took = until(lambda: http("GET", api)[0] == 404, 5)
    check("a takedown on node A removes the article from node B within 1 s", took is not None and took < 1.0,
          f"{took * 1000:.0f} ms" if took is not None else "not within 5 s")


def kill_mid_publish(url, a, tokens):
    """Prepares articles on node A, then has a third node publish them all at once and kills it mid-way."""
    ids = [create_approved(a, tokens, f"Bài thử xuất bản dở số {n}") for n in range(1, 13)]
    victim = Node("victim", url)
    # Sessions are rows in the database: the token node A gave works on every node.
    token = tokens["tong-bien-tap"]
    threads = []
    for article in ids:
        thread = threading.Thread(target=http, args=("POST", f"{victim.base}/api/admin/articles/{article}/transitions",
                                                     {"action": "publish"}, token, 10), daemon=True)
        threads.append(thread)
        thread.start()
    # Killed as soon as the first publication has committed, while the others are on their way.
    id_list = ",".join(str(i) for i in ids)
    until(lambda: psql(f"SET search_path TO {SCHEMA}; SELECT count(*) FROM articles "
                       f"WHERE id IN ({id_list}) AND status = 'published'")[0][0] != "0", 10)
    victim.stop(signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=15)
    rows = psql(f"""
        SET search_path TO {SCHEMA};
        SELECT a.id, a.status, a.published_version_id IS NOT NULL,
               EXISTS (SELECT 1 FROM audit_log l WHERE l.article_id = a.id AND l.action = 'article.publish'),
               EXISTS (SELECT 1 FROM content_changes c WHERE (' ' || c.dependencies || ' ') LIKE '% a:' || a.id || ' %')
        FROM articles a WHERE a.id IN ({id_list}) ORDER BY a.id""")
    published = [r for r in rows if r[1] == "published"]
    whole = all(r[2:] == ["t", "t", "t"] for r in published)
    none = all(r[1] == "approved" and r[2:] == ["f", "f", "f"] for r in rows if r[1] != "published")
    check("after a kill during publishing, each article is fully published or not at all",
          whole and none and len(rows) == 12 and 0 < len(published) < 12,
          f"{len(published)} of {len(rows)} published" if whole and none else f"rows {rows}")


def outage(b_url_via_proxy, proxy):
    node = Node("behind-proxy", b_url_via_proxy)
    try:
        for _ in range(2):
            status, cached = http("GET", node.base + "/the-gioi")
        check("node behind the proxy serves the section page", status == 200, f"status {status}")
        proxy.cut()
        # The node learns that its connections are gone when it next reads from them.
        time.sleep(1)
        status, page = http("GET", node.base + "/the-gioi")
        check("with the database gone, a cached page is still served", status == 200 and page == cached,
              f"status {status}")
        status, page = http("GET", node.base + "/kinh-te", timeout=20)
        check("with the database gone, an uncached page is the Vietnamese 503 page",
              status == 503 and "tạm gián đoạn" in page, f"status {status}")
        proxy.start()
        took = until(lambda: http("GET", node.base + "/kinh-te", timeout=10)[0] == 200, 30)
        check("when the database returns, the node recovers by itself", took is not None,
              f"{took:.1f} s" if took is not None else "not within 30 s")
    finally:
        node.stop()


WORK = tempfile.mkdtemp(prefix="toasoan-two-node-")
URL = with_search_path(SERVER, SCHEMA)
psql(f"CREATE SCHEMA {SCHEMA}")
nodes = []
try:
    subprocess.run([BINARY, "migrate", "--database-url", URL], check=True, capture_output=True, cwd=ROOT)
    a = Node("a", URL, demo=True)
    nodes.append(a)
    b = Node("b", URL)
    nodes.append(b)
    tokens = demo_tokens(a)
    check("node A seeded the demo newsroom on PostgreSQL and its accounts log in",
          {"phong-vien", "bien-tap-vien", "thu-ky-toa-soan", "tong-bien-tap"} <= set(tokens), f"roles {sorted(tokens)}")
    invalidation(a, b, tokens)
    kill_mid_publish(URL, a, tokens)
    parsed = urllib.parse.urlsplit(SERVER)
    proxy = Proxy(parsed.hostname or "127.0.0.1", parsed.port or 5432)
    via_proxy = with_search_path(urllib.parse.urlunsplit(parsed._replace(
        netloc=parsed.netloc.rsplit("@", 1)[0] + f"@127.0.0.1:{proxy.port}")), SCHEMA)
    outage(via_proxy, proxy)
    shared_accounts(a, b, tokens)
finally:
    for node in nodes:
        node.stop()
    psql(f"SET client_min_messages = warning; DROP SCHEMA {SCHEMA} CASCADE")
print(f"two nodes: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
