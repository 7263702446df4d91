"""Atom feeds, read by feedparser as a feed reader would."""

import unittest
import xml.etree.ElementTree as ET

import feedparser

import clientsupport as support

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedCase:
    path = None
    section = None

    def pages(self):
        return support.section_items(self.section)

    def setUp(self):
        response = support.fetch(self.path)
        self.assertEqual(response.status, 200, f"{self.path} is not served (HTTP {response.status})")
        self.body = response.body
        self.feed = feedparser.parse(support.server_url() + self.path)

    def test_parses_as_atom(self):
        self.assertEqual(self.feed.bozo, 0, f"{self.path}: feedparser: {self.feed.get('bozo_exception')}")
        self.assertEqual(self.feed.version, "atom10")

    def test_feed_metadata(self):
        feed = self.feed.feed
        for key in ("id", "title", "updated", "link"):
            self.assertTrue(feed.get(key), f"{self.path}: the feed has no {key}")
        self.assertIsNotNone(feed.get("updated_parsed"), f"{self.path}: feed updated is not a date")

    def test_one_entry_per_page(self):
        pages = self.pages()
        support.figure(f"feed {self.path}: {len(self.feed.entries)} entries for {len(pages)} pages")
        self.assertGreater(len(pages), 0)
        self.assertEqual(len(self.feed.entries), len(pages))
        linked = sorted(support.url_path(entry.get("link", "")) for entry in self.feed.entries)
        self.assertEqual(linked, sorted(support.rel_to_url(rel) for rel in pages),
                         "entry links do not lead to the pages")
        for entry in self.feed.entries:
            self.assertTrue(support.is_absolute_site_url(entry.get("link", "")),
                            f"entry link is not absolute: {entry.get('link')}")

    def test_entries_are_complete(self):
        self.assertTrue(self.feed.entries, f"{self.path} has no entries")
        ids = [entry.get("id") for entry in self.feed.entries]
        self.assertEqual(len(set(ids)), len(ids), "entry ids are not unique")
        # feedparser fills summary from content when one is missing: read the XML for those.
        root = ET.fromstring(self.body)
        xml_entries = root.findall(f"{ATOM}entry")
        feed_author = root.find(f"{ATOM}author")
        for entry, xml_entry in zip(self.feed.entries, xml_entries):
            name = entry.get("title") or entry.get("id")
            for key in ("id", "title", "updated", "link"):
                self.assertTrue(entry.get(key), f"entry {name!r} has no {key}")
            self.assertIsNotNone(entry.get("updated_parsed"), f"entry {name!r}: updated is not a date")
            self.assertTrue(entry.get("author") or entry.get("authors"), f"entry {name!r} has no author")
            self.assertIsNotNone(xml_entry.find(f"{ATOM}author"),
                                 f"entry {name!r} has no <author> of its own" +
                                 (" (only the feed has one)" if feed_author is not None else ""))
            summary = xml_entry.find(f"{ATOM}summary")
            content = xml_entry.find(f"{ATOM}content")
            self.assertTrue(summary is not None and "".join(summary.itertext()).strip(),
                            f"entry {name!r} has no <summary>")
            self.assertTrue(content is not None and "".join(content.itertext()).strip(),
                            f"entry {name!r} has no <content>")
            self.assertTrue(entry.get("content") and entry.content[0].get("value"),
                            f"feedparser sees no content in entry {name!r}")


class NewsFeedTest(FeedCase, unittest.TestCase):
    path = "/feed.xml"
    section = "berita"


class EventsFeedTest(FeedCase, unittest.TestCase):
    path = "/kegiatan/feed.xml"
    section = "kegiatan"


class FeedDiscoveryTest(unittest.TestCase):
    def test_every_page_announces_the_feed(self):
        missing = []
        for rel in support.html_pages():
            links = [link for link in support.head_links(rel, "alternate")
                     if link.get("type", "").lower() == "application/atom+xml"
                     and support.url_path(link.get("href", "")).endswith("feed.xml")]
            targets_exist = all(support.file_for_path(support.url_path(link.get("href"))) for link in links)
            if not links or not targets_exist:
                missing.append(rel)
        self.assertEqual(missing, [], f"{len(missing)} of {len(support.html_pages())} pages have no "
                         '<link rel="alternate" type="application/atom+xml"> to an existing feed.xml')


if __name__ == "__main__":
    unittest.main()
