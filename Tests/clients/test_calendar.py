"""The events calendar, read by the icalendar library as a calendar application would."""

import datetime
import os
import subprocess
import tempfile
import unittest
import zoneinfo

import icalendar

import clientsupport as support

PATH = "/kegiatan/kalender.ics"


def parse_calendar(data):
    return icalendar.Calendar.from_ical(data)


def events_of(calendar):
    return [component for component in calendar.walk("VEVENT")]


def content_start(value):
    """(date or naive datetime, has_time) of an event's `start` front matter."""
    if isinstance(value, datetime.datetime):
        return value, True
    if isinstance(value, datetime.date):
        return value, False
    text = str(value)
    if "T" in text:
        return datetime.datetime.fromisoformat(text), True
    return datetime.date.fromisoformat(text), False


class CalendarTest(unittest.TestCase):
    def setUp(self):
        response = support.fetch(PATH)
        self.assertEqual(response.status, 200, f"{PATH} is not served (HTTP {response.status})")
        self.data = response.body

    def test_line_ends_and_folding(self):
        self.assertTrue(self.data.endswith(b"\r\n"), "the file does not end with CRLF")
        lines = self.data.split(b"\r\n")
        self.assertEqual([n for n, line in enumerate(lines, 1) if b"\n" in line or b"\r" in line], [],
                         "lines (numbered) with a bare LF or CR")
        too_long = [(n, len(line)) for n, line in enumerate(lines, 1) if len(line) > 75]
        self.assertEqual(too_long, [], "lines (number, octets) longer than 75 octets")

    def test_one_event_per_event_page(self):
        calendar = parse_calendar(self.data)
        events = events_of(calendar)
        pages = support.event_pages()
        support.figure(f"calendar: {len(events)} VEVENT for {len(pages)} event pages, {len(self.data)} bytes")
        self.assertGreater(len(pages), 0)
        self.assertEqual(len(events), len(pages))
        urls = sorted(support.url_path(str(event.get("URL", ""))) for event in events)
        self.assertEqual(urls, sorted(support.rel_to_url(rel) for rel in pages), "URL of the events")

    def test_events_are_complete(self):
        calendar = parse_calendar(self.data)
        events = events_of(calendar)
        self.assertTrue(events, "no VEVENT")
        timezones = {str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")}
        uids = [str(event.get("UID", "")) for event in events]
        self.assertEqual(len(set(uids)), len(uids), f"UIDs are not unique: {uids}")
        site_zone = zoneinfo.ZoneInfo(support.site_config().get("time_zone", "UTC"))
        by_path = {f"/kegiatan/{slug}/": meta for slug, meta in support.content_items("events")}
        for event in events:
            summary = str(event.get("SUMMARY", ""))
            for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "STATUS"):
                self.assertIn(key, event, f"VEVENT {summary!r} has no {key}")
            self.assertTrue(str(event["UID"]).strip(), f"VEVENT {summary!r}: empty UID")
            self.assertIn(str(event["STATUS"]), {"TENTATIVE", "CONFIRMED", "CANCELLED"})
            self.assertTrue(support.is_absolute_site_url(str(event["URL"])), f"URL {event['URL']}")
            start = event.decoded("DTSTART")
            meta = by_path.get(support.url_path(str(event["URL"])))
            self.assertIsNotNone(meta, f"VEVENT {summary!r} is for no event of content/events")
            self.assertEqual(summary, str(meta["title"]))
            expected, has_time = content_start(meta["start"])
            if has_time:
                # A time of day is in the site's time zone: the DTSTART must say so.
                self.assertIsInstance(start, datetime.datetime, f"{summary!r}: DTSTART {start!r}")
                self.assertIsNotNone(start.tzinfo, f"{summary!r}: DTSTART {start} is floating")
                tzid = event["DTSTART"].params.get("TZID")
                if tzid is not None:
                    self.assertIn(str(tzid), timezones, f"{summary!r}: TZID {tzid} has no VTIMEZONE")
                self.assertEqual(start, expected.replace(tzinfo=site_zone),
                                 f"{summary!r}: DTSTART is not the content's start in {site_zone}")
            else:
                # A date without a time is an all-day event: DTSTART;VALUE=DATE.
                if isinstance(start, datetime.datetime):
                    self.assertIsNotNone(start.tzinfo, f"{summary!r}: DTSTART {start} is floating")
                    self.assertEqual(start.astimezone(site_zone).date(), expected)
                else:
                    self.assertEqual(start, expected, f"{summary!r}: DTSTART")

    def test_time_zone_component(self):
        calendar = parse_calendar(self.data)
        timezones = {str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")}
        self.assertTrue(timezones, "the calendar has no VTIMEZONE component")
        used = {str(event["DTSTART"].params["TZID"]) for event in events_of(calendar)
                if "DTSTART" in event and "TZID" in event["DTSTART"].params}
        self.assertTrue(used, "no DTSTART uses a TZID")
        self.assertLessEqual(used, timezones, "TZIDs used without a VTIMEZONE")

    def test_uids_are_stable_across_builds(self):
        calendar = parse_calendar(self.data)
        first = sorted(str(event.get("UID")) for event in events_of(calendar))
        with tempfile.TemporaryDirectory() as scratch:
            again = []
            for n in (1, 2):
                out = os.path.join(scratch, f"public{n}")
                result = subprocess.run(
                    [support.gugus_bin(), "build", support.site_dir(), "-o", out, "--now", support.build_now()],
                    capture_output=True, text=True, timeout=120)
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
                with open(os.path.join(out, "kegiatan", "kalender.ics"), "rb") as handle:
                    again.append(sorted(str(e.get("UID")) for e in events_of(parse_calendar(handle.read()))))
        self.assertEqual(again[0], again[1], "two builds give different UIDs")
        self.assertEqual(first, again[0], "the tested build and a new build give different UIDs")


class AddToCalendarTest(unittest.TestCase):
    def test_every_event_page_links_to_a_calendar_holding_it(self):
        pages = support.event_pages()
        self.assertTrue(pages)
        problems = []
        for rel in pages:
            url = support.rel_to_url(rel)
            main = support.page_tree(rel).find("main") or support.page_tree(rel)
            links = [a.get("href") for a in main.iter("a") if support.url_path(a.get("href", "")).endswith(".ics")]
            if not links:
                problems.append(f"{url}: no <a href=…ics>")
                continue
            for href in links:
                target = support.file_for_path(support.url_path(href))
                if target is None:
                    problems.append(f"{url}: {href} does not exist")
                    continue
                with open(target, "rb") as handle:
                    urls = {support.url_path(str(e.get("URL", ""))) for e in events_of(parse_calendar(handle.read()))}
                if url not in urls:
                    problems.append(f"{url}: {href} holds no VEVENT with this page's URL")
        self.assertEqual(problems, [])


if __name__ == "__main__":
    unittest.main()
