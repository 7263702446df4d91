"""JSON-LD (schema.org), canonical URLs and OpenGraph tags, as search engines and link previews read them."""

import datetime
import json
import re
import unittest

import clientsupport as support

LEGAL_FORCE = {"InForce", "NotInForce", "PartiallyInForce"}
EVENT_STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled",
                "postponed": "EventPostponed", "moved-online": "EventMovedOnline"}
ATTENDANCE = {"offline": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "mixed": "MixedEventAttendanceMode"}


def iso_date(value):
    """A schema.org Date or DateTime in ISO 8601."""
    if not isinstance(value, str):
        return False
    try:
        if "T" in value:
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        else:
            datetime.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def refers_to(value, number):
    """Whether a legislationAmends/legislationRepeals value names the decree `number` (by number or URL)."""
    text = json.dumps(value, ensure_ascii=False)
    return number in text or f"/regulasi/{support.decree_slug(number)}/" in text


def one_node(test, rel, *types):
    """The page's own node of one of `types`: the one whose url or @id is the page, else the first."""
    nodes = support.jsonld_of_type(rel, *types)
    url = support.rel_to_url(rel)
    test.assertTrue(nodes, f"{url}: no JSON-LD node of @type {' or '.join(types)}")
    for node in nodes:
        for key in ("url", "@id", "mainEntityOfPage"):
            value = node.get(key)
            value = value.get("@id") if isinstance(value, dict) else value
            if isinstance(value, str) and support.url_path(value) == url:
                return node
    return nodes[0]


class JsonLdTest(unittest.TestCase):
    def test_every_page_has_json_ld(self):
        problems = []
        pages = [rel for rel in support.html_pages() if not support.is_alias_redirect(rel)]
        for rel in pages:
            blocks = support.jsonld_blocks(rel)
            if not blocks:
                problems.append(f"{support.rel_to_url(rel)}: no <script type=application/ld+json>")
            for raw, parsed in blocks:
                if isinstance(parsed, Exception):
                    problems.append(f"{support.rel_to_url(rel)}: JSON-LD does not parse: {parsed}")
        self.assertEqual(problems, [], f"{len(problems)} problems on {len(pages)} pages")

    def test_decrees_are_legislation(self):
        pages = support.decree_pages()
        self.assertTrue(pages)
        by_number = {}
        for rel in pages:
            node = one_node(self, rel, "Legislation")
            url = support.rel_to_url(rel)
            for key in ("legislationIdentifier", "legislationDate", "legislationPassedBy", "legislationType",
                        "legislationJurisdiction", "legislationLegalForce"):
                self.assertTrue(node.get(key), f"{url}: Legislation has no {key}")
            self.assertTrue(iso_date(node["legislationDate"]), f"{url}: legislationDate {node['legislationDate']!r}")
            self.assertIn(support.schema_enum(node["legislationLegalForce"]), LEGAL_FORCE,
                          f"{url}: legislationLegalForce {node['legislationLegalForce']!r}")
            by_number[str(node["legislationIdentifier"])] = (url, node)
        decrees = dict((str(m["number"]), m) for _, m in support.content_items("decrees"))
        self.assertEqual(sorted(by_number), sorted(decrees), "legislationIdentifier of the decree pages")
        revoked = {n for m in decrees.values() for n in (m.get("revokes") or [])}
        for number, meta in decrees.items():
            url, node = by_number[number]
            self.assertEqual(node["legislationDate"][:10], str(meta["date"]), f"{url}: legislationDate")
            force = support.schema_enum(node["legislationLegalForce"])
            if number in revoked or meta.get("status") == "revoked":
                self.assertEqual(force, "NotInForce", f"{url}: a revoked decree")
            else:
                self.assertIn(force, {"InForce", "PartiallyInForce"}, f"{url}: a decree in force")
            for key, field in (("legislationAmends", "amends"), ("legislationRepeals", "revokes")):
                targets = [str(n) for n in (meta.get(field) or [])]
                if targets:
                    self.assertIn(key, node, f"{url}: {field} {targets} but no {key}")
                    for target in targets:
                        self.assertTrue(refers_to(node[key], target), f"{url}: {key} does not name {target}")

    def test_events_are_events(self):
        pages = support.event_pages()
        self.assertTrue(pages)
        content = {f"/kegiatan/{slug}/": meta for slug, meta in support.content_items("events")}
        for rel in pages:
            url = support.rel_to_url(rel)
            node = one_node(self, rel, "Event", "EducationEvent")
            for key in ("eventStatus", "eventAttendanceMode", "location", "organizer", "startDate"):
                self.assertTrue(node.get(key), f"{url}: Event has no {key}")
            self.assertTrue(iso_date(node["startDate"]), f"{url}: startDate {node['startDate']!r}")
            self.assertIn(support.schema_enum(node["eventStatus"]), set(EVENT_STATUS.values()) | {"EventRescheduled"},
                          f"{url}: eventStatus {node['eventStatus']!r}")
            self.assertIn(support.schema_enum(node["eventAttendanceMode"]), set(ATTENDANCE.values()),
                          f"{url}: eventAttendanceMode {node['eventAttendanceMode']!r}")
            meta = content.get(url, {})
            if meta.get("status"):
                self.assertEqual(support.schema_enum(node["eventStatus"]), EVENT_STATUS[meta["status"]], url)
            if meta.get("attendance"):
                self.assertEqual(support.schema_enum(node["eventAttendanceMode"]), ATTENDANCE[meta["attendance"]], url)
            self.assertEqual(node["startDate"][:10], str(meta.get("start"))[:10], f"{url}: startDate")

    def test_news_are_news_articles(self):
        pages = support.news_pages()
        self.assertTrue(pages)
        for rel in pages:
            node = one_node(self, rel, "NewsArticle")
            self.assertTrue(node.get("headline"), f"{support.rel_to_url(rel)}: NewsArticle has no headline")

    def test_datasets_are_datasets(self):
        pages = support.dataset_pages()
        self.assertTrue(pages)
        for rel in pages:
            url = support.rel_to_url(rel)
            slug = rel.split("/")[1]
            node = one_node(self, rel, "Dataset")
            distribution = node.get("distribution")
            distribution = distribution if isinstance(distribution, list) else [distribution] if distribution else []
            self.assertTrue(distribution, f"{url}: Dataset has no distribution")
            paths = set()
            for item in distribution:
                self.assertIn("DataDownload", support.node_types(item), f"{url}: distribution {item}")
                self.assertTrue(item.get("contentUrl") and item.get("encodingFormat"), f"{url}: distribution {item}")
                path = support.url_path(item["contentUrl"])
                self.assertIsNotNone(support.file_for_path(path), f"{url}: contentUrl {item['contentUrl']} does not exist")
                paths.add(path)
            self.assertIn(f"/statistik/{slug}.csv", paths, f"{url}: no DataDownload of the CSV")

    def test_home_is_the_organization_with_its_hotlines(self):
        node = one_node(self, "index.html", "GovernmentOrganization")
        points = [p for p in support.jsonld_nodes(node.get("contactPoint", []))
                  if "ContactPoint" in support.node_types(p)]
        hotlines = support.site_config().get("hotlines") or []
        support.figure(f"home JSON-LD: {len(points)} ContactPoint for {len(hotlines)} hotlines")
        self.assertTrue(hotlines, "content/site.yaml has no hotlines")
        self.assertEqual(len(points), len(hotlines), "one ContactPoint per hotline of site.yaml")
        phones = [re.sub(r"\D", "", str(p.get("telephone", ""))) for p in points]
        for hotline in hotlines:
            digits = re.sub(r"\D", "", str(hotline["phone"]))
            self.assertTrue(any(phone.endswith(digits) for phone in phones),
                            f"no ContactPoint with the telephone of {hotline['name']} ({hotline['phone']})")


class CanonicalAndOpenGraphTest(unittest.TestCase):
    def test_every_page_has_canonical_and_open_graph(self):
        problems = []
        pages = [rel for rel in support.html_pages() if not support.is_alias_redirect(rel)]
        for rel in pages:
            url = support.rel_to_url(rel)
            canonical = support.head_links(rel, "canonical")
            if len(canonical) != 1:
                problems.append(f"{url}: {len(canonical)} <link rel=canonical>")
            elif not support.is_absolute_site_url(canonical[0].get("href", "")) or \
                    support.url_path(canonical[0].get("href")) != url:
                problems.append(f"{url}: canonical {canonical[0].get('href')!r}")
            for prop in ("og:title", "og:url", "og:type"):
                value = support.meta_property(rel, prop)
                if not value or not value.strip():
                    problems.append(f"{url}: no {prop}")
                elif prop == "og:url" and not support.is_absolute_site_url(value):
                    problems.append(f"{url}: og:url {value!r} is not absolute")
        self.assertEqual(problems, [], f"{len(problems)} problems on {len(pages)} pages")


if __name__ == "__main__":
    unittest.main()
