"""sitemap.xml and robots.txt, read as a search engine's crawler would."""

import unittest
import xml.etree.ElementTree as ET

import clientsupport as support

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class SitemapTest(unittest.TestCase):
    def setUp(self):
        response = support.fetch("/sitemap.xml")
        self.assertEqual(response.status, 200, f"/sitemap.xml is not served (HTTP {response.status})")
        self.root = ET.fromstring(response.body)

    def test_namespace(self):
        self.assertEqual(self.root.tag, f"{NS}urlset")

    def test_lists_every_page(self):
        urls = self.root.findall(f"{NS}url")
        locs = [(url.findtext(f"{NS}loc") or "").strip() for url in urls]
        expected = sorted(support.rel_to_url(rel) for rel in support.content_pages())
        support.figure(f"sitemap: {len(locs)} URLs for {len(expected)} pages")
        self.assertEqual([loc for loc in locs if not support.is_absolute_site_url(loc)], [],
                         "<loc> that are not absolute URLs of the site")
        paths = [support.url_path(loc) for loc in locs]
        self.assertEqual(len(set(paths)), len(paths), "URLs listed twice")
        self.assertEqual(sorted(set(expected) - set(paths)), [], "pages missing from the sitemap")
        self.assertEqual(sorted(set(paths) - set(expected)), [],
                         "URLs in the sitemap that are not pages (or are 404.html or alias redirects)")

    def test_every_url_has_lastmod(self):
        urls = self.root.findall(f"{NS}url")
        self.assertTrue(urls, "the sitemap lists no URL")
        bad = []
        for url in urls:
            lastmod = (url.findtext(f"{NS}lastmod") or "").strip()
            if not support.W3C_DATE.fullmatch(lastmod):
                bad.append(f"{url.findtext(f'{NS}loc')}: lastmod {lastmod!r}")
        self.assertEqual(bad, [], "URLs without a W3C-date <lastmod>")


class RobotsTest(unittest.TestCase):
    def test_points_to_sitemap(self):
        response = support.fetch("/robots.txt")
        self.assertEqual(response.status, 200, f"/robots.txt is not served (HTTP {response.status})")
        lines = [line.strip() for line in response.text().splitlines()]
        sitemaps = [line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("sitemap:")]
        self.assertEqual(sitemaps, [support.BASE_URL + "/sitemap.xml"])


if __name__ == "__main__":
    unittest.main()
