"""Debian's Chromium through Selenium: axe-core, the console, page weight, screenshots and search."""

import base64
import json
import os
import re
import time
import unittest
import urllib.parse

import clientsupport as support

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a browser or driver

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = os.environ.get("GUGUS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("GUGUS_CHROMEDRIVER", "/usr/bin/chromedriver")
WEIGHT_LIMIT = 100 * 1024
VIEWPORT = (412, 915)
SECTION_LISTS = ("/berita/", "/kegiatan/", "/regulasi/", "/statistik/")
SEARCH_NEWS = "berita/ingat-sapa-129/index.html"
WAIT = 8.0


def largest(pages):
    """The biggest page of a list: the worst case for weight and the richest for axe."""
    return max(pages, key=lambda rel: (os.path.getsize(os.path.join(support.public_dir(), rel)), rel))


def pages_to_check():
    pages = [("home", "index.html"), ("news-list", "berita/index.html")]
    for name, items in (("news", support.news_pages()), ("decree", support.decree_pages()),
                        ("event", support.event_pages()), ("dataset", support.dataset_pages())):
        if items:
            pages.append((name, largest(items)))
    pages.append(("search", "cari/index.html"))
    return pages


def search_word():
    """The longest word of the news title that no other news title has."""
    def title(rel):
        h1 = support.page_tree(rel).find("h1")
        return h1.text() if h1 is not None else ""

    words = lambda text: re.findall(r"[^\W\d_]{4,}", text)  # noqa: E731
    others = {w.lower() for rel in support.news_pages() if rel != SEARCH_NEWS for w in words(title(rel))}
    own = [w for w in words(title(SEARCH_NEWS)) if w.lower() not in others]
    if not own:
        raise AssertionError(f"{SEARCH_NEWS}: no distinctive word in its <h1> {title(SEARCH_NEWS)!r}")
    return max(own, key=lambda w: (len(w), w))


class BrowserTest(unittest.TestCase):
    driver = None
    figures = []

    @classmethod
    def setUpClass(cls):
        cls.axe_version = re.search(r"axe v([\d.]+)", support.axe_source()[:200]).group(1)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}",
                         "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                         "--disable-extensions", "--disable-background-networking"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        cls.driver.set_page_load_timeout(30)
        # Headless Chromium keeps windows at least 500 px wide: make the viewport a real 412×915 phone's.
        cls.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": VIEWPORT[0], "height": VIEWPORT[1], "deviceScaleFactor": 1, "mobile": True})
        # Measure every page as a first visit.
        cls.driver.execute_cdp_cmd("Network.enable", {})
        cls.driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        cls.base = support.server_url()
        cls.artifacts = support.artifacts_dir()
        print(f"\nbrowser: {cls.driver.capabilities.get('browserVersion')}, axe-core {cls.axe_version}, "
              f"screenshots in {cls.artifacts}", flush=True)

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()
        if cls.figures:
            print("\nbrowser figures:")
            for line in cls.figures:
                support.figure(line)

    # -- helpers --------------------------------------------------------------

    def load(self, path):
        self.driver.get_log("browser")  # drop what earlier pages logged
        self.driver.get(self.base + path)
        status = self.driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;")
        return status

    def settle(self):
        """Scroll through the page so lazy resources load, then wait until no new resource appears."""
        self.driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight);")
        count, deadline = -1, time.time() + 3
        while time.time() < deadline:
            now = self.driver.execute_script(
                "return document.readyState === 'complete' ? performance.getEntriesByType('resource').length : -1;")
            if now == count:
                break
            count = now
            time.sleep(0.25)
        self.driver.execute_script("window.scrollTo(0, 0);")

    def weight(self):
        entries = self.driver.execute_script("""
            return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .map(e => [e.name, e.transferSize || 0, e.encodedBodySize || 0]);""")
        total, parts = 0, []
        for name, transfer, encoded in entries:
            size = transfer or encoded
            if not size:
                parsed = urllib.parse.urlsplit(name)
                local = support.file_for_path(parsed.path) if parsed.netloc == urllib.parse.urlsplit(self.base).netloc else None
                size = os.path.getsize(local) if local else 0
            total += size
            parts.append((size, urllib.parse.urlsplit(name).path))
        return total, parts

    def severe_console(self):
        return [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]

    def run_axe(self):
        return support.run_axe(self.driver)

    def screenshot(self, name):
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        path = os.path.join(self.artifacts, f"{name}.png")
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        return path

    def check_page(self, name, rel):
        path = support.rel_to_url(rel)
        problems = []
        status = self.load(path)
        if status != 200:
            problems.append(f"HTTP {status}")
        self.settle()
        total, parts = self.weight()
        severe = self.severe_console()
        width = self.driver.execute_script(
            "const d = document.documentElement; return [d.clientWidth, d.scrollWidth,"
            " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)"
            "   .slice(-3).map(e => e.outerHTML.slice(0, 120))];")
        if width[1] > width[0]:
            problems.append(f"the page is {width[1]} px wide in a {width[0]} px viewport (scrolls sideways): {width[2]}")
        shot = self.screenshot(name)
        violations = self.run_axe()
        severe += self.severe_console()

        nodes = sum(len(v["nodes"]) for v in violations)
        ids = ", ".join(f"{v['id']}×{len(v['nodes'])}" for v in violations) or "none"
        self.figures.append(f"page {name} {path}: {total} bytes ({total / 1024:.1f} KiB) in {len(parts)} requests; "
                            f"axe violations {len(violations)} rules / {nodes} nodes ({ids}); "
                            f"console SEVERE {len(severe)}")
        print(f"\n  {name} {path}: {total} bytes, axe {ids}, SEVERE {len(severe)}, screenshot {shot}")
        if total >= WEIGHT_LIMIT:
            detail = ", ".join(f"{p} {s}" for s, p in sorted(parts, reverse=True))
            problems.append(f"page weight {total} bytes ≥ {WEIGHT_LIMIT} ({detail})")
        for entry in severe:
            problems.append(f"console SEVERE: {entry.get('message')}")
        for violation in violations:
            problems.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                problems.append(f"    {json.dumps(node['target'], ensure_ascii=False)} {node['html'][:160]}")
        self.assertEqual(problems, [], f"{name} {path}:\n" + "\n".join(problems))

    # -- pages ----------------------------------------------------------------

    def test_1_home(self):
        self.check_page(*pages_to_check()[0])

    def test_2_news_list(self):
        self.check_page(*pages_to_check()[1])

    def test_3_item_pages(self):
        items = [page for page in pages_to_check() if page[0] in ("news", "decree", "event", "dataset")]
        self.assertEqual([name for name, _ in items], ["news", "decree", "event", "dataset"],
                         "the site lacks an item page of a type")
        for name, rel in items:
            with self.subTest(page=name):
                self.check_page(name, rel)

    def test_4_search_page(self):
        self.check_page("search", "cari/index.html")

    # -- search ---------------------------------------------------------------

    def wait_for_link(self, target):
        deadline = time.time() + WAIT
        while time.time() < deadline:
            for link in self.driver.find_elements(By.CSS_SELECTOR, "main a[href]"):
                if support.url_path(link.get_attribute("href") or "") == target and link.is_displayed():
                    return link
            time.sleep(0.1)
        return None

    def links_to(self, target):
        return [a for a in self.driver.find_elements(By.CSS_SELECTOR, "a[href]")
                if support.url_path(a.get_attribute("href") or "") == target]

    def test_5_search_by_typing(self):
        word, target = search_word(), support.rel_to_url(SEARCH_NEWS)
        self.assertEqual(self.load("/cari/"), 200, "/cari/ is not served")
        self.assertEqual(self.links_to(target), [], f"/cari/ links {target} before a search: the test could not tell")
        boxes = self.driver.find_elements(By.CSS_SELECTOR, "input[type=search]")
        self.assertTrue(boxes, "/cari/ has no <input type=search>")
        boxes[0].click()
        boxes[0].send_keys(word)
        found = self.wait_for_link(target)
        self.screenshot("search-typed")
        self.figures.append(f"search typed {word!r}: {'found' if found else 'NOT found'} {target}")
        self.assertIsNotNone(found, f"typing {word!r} on /cari/ shows no link to {target} within {WAIT} s")
        self.assertEqual([e.get("message") for e in self.severe_console()], [], "console SEVERE while searching")

    def test_6_search_from_query_string(self):
        word, target = search_word(), support.rel_to_url(SEARCH_NEWS)
        self.assertEqual(self.load("/cari/?q=" + urllib.parse.quote(word)), 200, "/cari/?q= is not served")
        found = self.wait_for_link(target)
        self.screenshot("search-query")
        self.figures.append(f"search /cari/?q={word}: {'found' if found else 'NOT found'} {target}")
        self.assertIsNotNone(found, f"/cari/?q={word} shows no link to {target} within {WAIT} s")
        self.assertEqual([e.get("message") for e in self.severe_console()], [], "console SEVERE while searching")


class SearchWithoutJavaScriptTest(unittest.TestCase):
    def test_search_page_links_the_sections_without_javascript(self):
        response = support.fetch("/cari/")
        self.assertEqual(response.status, 200, f"/cari/ is not served (HTTP {response.status})")
        tree = support.parse_html(response.text())
        main = tree.find("main")
        self.assertIsNotNone(main, "/cari/ has no <main>")
        # The menu links the sections on every page; the search page itself must offer them.
        hrefs = {support.url_path(a.get("href", "")) for a in main.iter("a")}
        self.assertEqual([p for p in SECTION_LISTS if p not in hrefs], [],
                         "section lists that /cari/'s <main> does not link (read without JavaScript)")

    def test_search_index(self):
        response = support.fetch("/search-index.json")
        self.assertEqual(response.status, 200, f"/search-index.json is not served (HTTP {response.status})")
        index = json.loads(response.body)
        self.assertEqual(index.get("version"), 2, "the manifest of the sharded index")
        chunks = [support.fetch(f"/search-index/d{n}.json") for n in range(index["chunks"])]
        self.assertEqual([c.status for c in chunks], [200] * index["chunks"], "a page-details file of the index is not served")
        urls = [doc[1] for chunk in chunks for doc in json.loads(chunk.body)]
        support.figure(f"search index: manifest {len(response.body)} bytes, {index['documents']} pages, "
                       f"{len(index['shards'])} shards, {index['chunks']} detail files")
        self.assertEqual(len(urls), index["documents"])
        self.assertIn(support.rel_to_url(SEARCH_NEWS), urls, "the search index does not hold the news page")


if __name__ == "__main__":
    unittest.main()
