"""Site search in Debian's Chromium at phone size: Indonesian word forms, ranking, filters,
marked words, accessibility with results shown, page weight, and hostile text."""

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unicodedata
import unittest
import urllib.parse

import clientsupport as support

WAIT = 8.0
WEIGHT_LIMIT = 100 * 1024
SECTIONS = {"news": "berita", "events": "kegiatan", "decrees": "regulasi", "statistics": "statistik", "pages": ""}


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def words(text):
    return [w for w in re.split(r"[^\w]+|_", fold(text)) if len(w) > 1]


# -- the index, read as the script reads it ------------------------------------

@functools.lru_cache(maxsize=None)
def manifest():
    return json.loads(support.fetch("/search-index.json").body)


@functools.lru_cache(maxsize=None)
def shard(number):
    return json.loads(support.fetch(f"/search-index/s{number}.json").body)


def all_entries():
    for number in range(len(manifest()["shards"])):
        keys, entries = shard(number)
        yield from zip(keys, entries)


# -- what the sources say: which pages hold a word near their start ------------

@functools.lru_cache(maxsize=None)
def source_pages():
    """{address: the folded words of its title and the first 150 words of its body} for
    every published item (drafts left out), read from content/*/*.md."""
    pages = {}
    for folder, section in SECTIONS.items():
        base = os.path.join(support.site_dir(), "content", folder)
        if not os.path.isdir(base):
            continue
        for name in sorted(n for n in os.listdir(base) if n.endswith(".md")):
            meta = support._front_matter(os.path.join(base, name))
            if meta.get("draft") is True:
                continue
            slug = str(meta.get("slug") or name[:-3])
            with open(os.path.join(base, name), encoding="utf-8") as handle:
                text = handle.read()
            body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
            body = re.sub(r"\]\([^)]*\)", "]", body)  # link targets are not text
            if folder == "decrees":
                slug = support.decree_slug(str(meta["number"]))
            address = f"/{section}/{slug}/" if section else f"/{slug}/"
            pages[address] = set(words(str(meta.get("title", "")))) | set(words(body)[:150])
    return pages


def inflected_stem():
    """A stem of the index whose site words sit in different pages: [(form, {pages}), ...]."""
    best = None
    for key, entry in all_entries():
        if not isinstance(entry, list) or not entry[2]:
            continue
        forms = [key] + list(entry[2])
        found = [(form, {url for url, ws in source_pages().items() if form in ws}) for form in forms]
        found = [(form, urls) for form, urls in found if urls]
        union = set().union(*(urls for _, urls in found)) if found else set()
        distinct = [form for form, urls in found if urls != union]
        if len(found) >= 2 and distinct and len(union) <= 10:
            rank = (len(found), len(distinct), key)
            if best is None or rank > best[0]:
                best = (rank, found)
    return best[1] if best else None


class SearchTest(unittest.TestCase):
    driver = None

    @classmethod
    def setUpClass(cls):
        cls.driver = support.headless_chromium()
        cls.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 412, "height": 915, "deviceScaleFactor": 1, "mobile": True})
        cls.driver.execute_cdp_cmd("Network.enable", {})
        cls.driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        # Any alert() a result could smuggle in is recorded instead of shown.
        cls.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
            "source": "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"})
        cls.base = support.server_url()

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()

    def open(self, path, base=None):
        self.driver.get((base or self.base) + path)

    def results(self, expect_some=True):
        """The result addresses once the status line speaks (all pages of results: the
        "more" button is pressed until it hides)."""
        deadline = time.time() + WAIT
        while time.time() < deadline:
            status = self.driver.execute_script("return document.getElementById('search-status').textContent")
            if status:
                break
            time.sleep(0.05)
        else:
            self.fail("the status line never announced the results")
        while self.driver.execute_script("const b = document.getElementById('search-more'); return b && !b.hidden"):
            count = self.driver.execute_script("return document.querySelectorAll('#search-results li').length")
            self.driver.execute_script("document.getElementById('search-more').click()")
            deadline = time.time() + WAIT
            while time.time() < deadline and self.driver.execute_script(
                    "return document.querySelectorAll('#search-results li').length") == count:
                time.sleep(0.05)
        found = self.driver.execute_script(
            "return [...document.querySelectorAll('#search-results li h2 a')].map(a => new URL(a.href).pathname)")
        if expect_some:
            self.assertTrue(found, f"no result; status: {status!r}")
        return found

    def search(self, query, **filters):
        params = {"q": query, **filters}
        self.open("/cari/?" + urllib.parse.urlencode(params))
        return self.results()

    def test_every_form_finds_the_pages_of_the_other_forms(self):
        found = inflected_stem()
        self.assertIsNotNone(found, "the sample site has no word with two forms in different pages")
        support.figure("search forms: " + "; ".join(f"{form} in {len(urls)} pages" for form, urls in found))
        expected = set().union(*(urls for _, urls in found))
        for form, _ in found:
            with self.subTest(form=form):
                # A trailing space: the word is complete, no prefix matching helps.
                shown = set(self.search(form + " "))
                self.assertEqual(sorted(expected - shown), [], f"searching {form!r} misses pages with other forms")
                marked = self.driver.execute_script(
                    "return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)")
                self.assertTrue(marked, f"no word marked in the results for {form!r}")

    def test_the_word_being_typed_matches_as_a_prefix(self):
        word = max((w for ws in source_pages().values() for w in ws if w.isalpha() and len(w) >= 8), key=lambda w: (len(w), w))
        pages = {url for url, ws in source_pages().items() if word in ws}
        shown = set(self.search(word[:5]))
        self.assertEqual(sorted(pages - shown), [], f"typing {word[:5]!r} does not find the pages with {word!r}")

    def test_results_pass_axe_and_the_page_stays_light(self):
        query = "perdagangan orang"
        self.open("/cari/?" + urllib.parse.urlencode({"q": query}))
        found = self.results()
        self.assertTrue(self.driver.execute_script("return document.querySelectorAll('#search-results mark').length > 0"))
        entries = self.driver.execute_script("""
            return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .map(e => [new URL(e.name).pathname, e.transferSize || e.encodedBodySize || 0]);""")
        total = sum(size for _, size in entries)
        support.figure(f"search {query!r}: {len(found)} results, {total} bytes in {len(entries)} requests "
                       f"({', '.join(path for path, _ in entries if 'search-index' in path)})")
        self.assertLess(total, WEIGHT_LIMIT, f"/cari/ with results weighs {total} bytes: {entries}")
        self.assertFalse([p for p, _ in entries if p.endswith("/search-index/filters.json")],
                         "the filters' file is fetched without a filter")
        violations = support.run_axe(self.driver)
        problems = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in violations]
        self.assertEqual(problems, [], "axe-core on /cari/ with results shown")
        status = self.driver.execute_script(
            "const s = document.getElementById('search-status'); return [s.getAttribute('role'), s.getAttribute('aria-live')]")
        self.assertEqual(status, ["status", "polite"], "results are announced to screen readers")

    def test_filters_keep_only_what_was_chosen(self):
        everything = self.search("tppo")
        news = self.search("tppo", jenis="news")
        self.assertTrue(news and set(news) < set(everything), "the type filter keeps a part of the results")
        self.assertTrue(all(url.startswith("/berita/") for url in news), news)
        self.assertEqual(self.driver.execute_script("return document.getElementById('search-kind').value"), "news",
                         "the shared link restores the filter")
        year = str(manifest()["years"][0][0])
        dated = self.search("tppo", tahun=year)
        metas = self.driver.execute_script(
            "return [...document.querySelectorAll('#search-results li .meta')].map(p => p.textContent)")
        self.assertTrue(dated and all(year in meta for meta in metas), f"year {year}: {metas}")
        region = manifest()["regions"][0]
        regional = self.search("tppo", wilayah=region[0])
        self.assertTrue(regional and set(regional) < set(everything), f"region {region}: {regional}")
        metas = self.driver.execute_script(
            "return [...document.querySelectorAll('#search-results li .meta')].map(p => p.textContent)")
        self.assertTrue(all(region[1] in meta for meta in metas), f"region {region}: {regional} {metas}")

    def test_choosing_a_filter_with_the_keyboard_updates_the_results_and_the_address(self):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        self.open("/cari/")
        box = self.driver.find_element(By.ID, "q")
        box.send_keys("tppo")
        before = self.results()
        kind = self.driver.find_element(By.ID, "search-kind")
        self.assertTrue(kind.is_displayed(), "the filters are shown when the script runs")
        kind.send_keys(Keys.DOWN)  # the first type after "all"
        deadline = time.time() + WAIT
        while time.time() < deadline and "jenis=" not in self.driver.current_url:
            time.sleep(0.05)
        self.assertIn("jenis=", self.driver.current_url)
        self.assertIn("q=tppo", self.driver.current_url)
        after = self.results(expect_some=False)
        self.assertLessEqual(set(after), set(before))


class HostileTextTest(unittest.TestCase):
    """A site whose titles and bodies hold markup: results show it as text."""

    TITLE = 'Awas <img src=x onerror="alert(1)"> & <b>tebal</b> "kutip" hostiltes'

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="gugus-search-hostile-")
        content = os.path.join(cls.folder, "content")
        os.makedirs(os.path.join(content, "news"))
        with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8") as handle:
            handle.write("title: Uji\nbase_url: https://uji.example.id\nlanguage: id\ntime_zone: Asia/Makassar\n"
                         "hotlines:\n  - {name: SAPA 129, phone: \"129\"}\n")
        with open(os.path.join(content, "news", "a.md"), "w", encoding="utf-8") as handle:
            handle.write("---\ntitle: '" + cls.TITLE.replace("'", "''") + "'\ndate: 2024-07-01\n"
                         "summary: '<script>alert(2)</script> ringkasan hostiltes'\n---\n"
                         "Isi `<svg onload=alert(3)>` hostiltes.\n")
        output = os.path.join(cls.folder, "public")
        built = subprocess.run([support.gugus_bin(), "build", cls.folder, "-o", output, "--now", support.build_now()],
                               capture_output=True, text=True)
        if built.returncode != 0:
            raise AssertionError(f"gugus build of the hostile site failed:\n{built.stdout}{built.stderr}")
        handler = functools.partial(support._QuietHandler, directory=output)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.driver = support.headless_chromium()
        cls.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
            "source": "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"})

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_markup_in_titles_and_snippets_stays_text(self):
        self.driver.get(f"http://127.0.0.1:{self.server.server_port}/cari/?q=hostiltes")
        deadline = time.time() + WAIT
        while time.time() < deadline and not self.driver.execute_script(
                "return document.querySelectorAll('#search-results li').length"):
            time.sleep(0.05)
        result = self.driver.execute_script("""
            const list = document.getElementById('search-results');
            return {title: list.querySelector('h2').textContent, text: list.textContent,
                    elements: [...list.querySelectorAll('*')].map(e => e.localName),
                    alerts: window.__alerts};""")
        self.assertEqual(result["title"], self.TITLE)
        self.assertIn("<script>alert(2)</script>", result["text"])
        self.assertEqual(sorted(set(result["elements"]) - {"li", "h2", "a", "p", "mark"}), [],
                         "only the script's own elements in the results")
        self.assertEqual(result["alerts"], [])


if __name__ == "__main__":
    unittest.main()
