"""Open data: JSON for JDIHN and other portals, dataset CSV and JSON, and the /data/ page."""

import csv
import io
import json
import unittest

import clientsupport as support

JDIHN_KEYS = ("idData", "tahun_pengundangan", "tanggal_penetapan", "jenis", "noPeraturan", "judul",
              "singkatanJenis", "tempatTerbit", "teuBadan", "sumber", "subjek", "status", "bahasa",
              "bidangHukum", "urlDownload", "urlDetailPeraturan")

DATA_FILES = ("/data/regulasi.json", "/data/kegiatan.json", "/data/statistik.json")


def same_value(cell, value):
    """A CSV cell and the JSON value of it say the same."""
    if value is None:
        return cell == ""
    if isinstance(value, bool):
        return cell.lower() == str(value).lower()
    if isinstance(value, (int, float)):
        try:
            return float(cell) == float(value)
        except ValueError:
            return False
    return cell == str(value)


def records(test, path):
    """The records of a /data/*.json file: a JSON array, or an object whose `data` is one."""
    response = support.fetch(path)
    test.assertEqual(response.status, 200, f"{path} is not served (HTTP {response.status})")
    value = json.loads(response.body)
    if isinstance(value, dict):
        test.assertIn("data", value, f"{path}: an object without a `data` array")
        value = value["data"]
    test.assertIsInstance(value, list, f"{path}: records are not a JSON array")
    for record in value:
        test.assertIsInstance(record, dict, f"{path}: a record is not an object: {record!r}")
    support.figure(f"open data {path}: {len(value)} records, {len(response.body)} bytes")
    return value


class OpenDataTest(unittest.TestCase):
    def test_decrees_for_jdihn(self):
        data = records(self, "/data/regulasi.json")
        pages = support.decree_pages()
        self.assertGreater(len(pages), 0)
        self.assertEqual(len(data), len(pages), "one record per decree page")
        for record in data:
            missing = [key for key in JDIHN_KEYS if key not in record]
            self.assertEqual(missing, [], f"record {record.get('noPeraturan')!r} lacks JDIHN keys")
        numbers = sorted(str(record["noPeraturan"]) for record in data)
        self.assertEqual(numbers, sorted(str(m["number"]) for _, m in support.content_items("decrees")))
        details = sorted(support.url_path(str(record["urlDetailPeraturan"])) for record in data)
        self.assertEqual(details, sorted(support.rel_to_url(rel) for rel in pages),
                         "urlDetailPeraturan does not lead to the decree pages")

    def test_events(self):
        data = records(self, "/data/kegiatan.json")
        self.assertGreater(len(support.event_pages()), 0)
        self.assertEqual(len(data), len(support.event_pages()), "one record per event page")

    def test_datasets(self):
        data = records(self, "/data/statistik.json")
        self.assertGreater(len(support.dataset_pages()), 0)
        self.assertEqual(len(data), len(support.dataset_pages()), "one record per dataset page")

    def test_dataset_files_beside_each_dataset_page(self):
        pages = support.dataset_pages()
        self.assertTrue(pages)
        for rel in pages:
            slug = rel.split("/")[1]
            with self.subTest(dataset=slug):
                main = support.page_tree(rel).find("main")
                self.assertIsNotNone(main, f"{rel} has no <main>")
                hrefs = {support.url_path(a.get("href", "")) for a in main.iter("a")}
                csv_path, json_path = f"/statistik/{slug}.csv", f"/statistik/{slug}.json"
                self.assertIn(csv_path, hrefs, f"{rel} does not link its CSV")
                self.assertIn(json_path, hrefs, f"{rel} does not link its JSON")

                response = support.fetch(csv_path)
                self.assertEqual(response.status, 200, f"{csv_path}: HTTP {response.status}")
                text = response.text()
                self.assertTrue(text.endswith("\r\n"), f"{csv_path}: the last row does not end with CRLF")
                self.assertNotIn("\n", text.replace("\r\n", ""), f"{csv_path}: a bare LF")
                rows = list(csv.reader(io.StringIO(text, newline="")))
                self.assertGreaterEqual(len(rows), 2, f"{csv_path}: needs a header row and data")
                header, body = rows[0], rows[1:]
                self.assertTrue(all(cell.strip() for cell in header), f"{csv_path}: empty header cell")
                self.assertEqual(len(set(header)), len(header), f"{csv_path}: header names repeat")
                for row in body:
                    self.assertEqual(len(row), len(header), f"{csv_path}: row {row} has not {len(header)} cells")

                response = support.fetch(json_path)
                self.assertEqual(response.status, 200, f"{json_path}: HTTP {response.status}")
                value = json.loads(response.body)
                self.assertIsInstance(value, dict, f"{json_path}: not a JSON object")
                self.assertEqual(value.get("columns"), header, f"{json_path}: columns differ from the CSV header")
                self.assertEqual(len(value.get("rows", [])), len(body), f"{json_path}: rows differ from the CSV")
                for row, json_row in zip(body, value["rows"]):
                    self.assertEqual([same_value(cell, json_row.get(c)) for cell, c in zip(row, header)],
                                     [True] * len(header),
                                     f"{json_path}: row {json_row} differs from the CSV row {row}")

    def test_data_page_links_every_data_file(self):
        response = support.fetch("/data/")
        self.assertEqual(response.status, 200, f"/data/ is not served (HTTP {response.status})")
        tree = support.page_tree("data/index.html")
        main = tree.find("main")
        self.assertIsNotNone(main, "/data/ has no <main>")
        hrefs = {support.url_path(a.get("href", "")) for a in main.iter("a")}
        expected = set(DATA_FILES)
        for rel in support.dataset_pages():
            slug = rel.split("/")[1]
            expected |= {f"/statistik/{slug}.csv", f"/statistik/{slug}.json"}
        self.assertEqual(sorted(expected - hrefs), [], "data files that /data/ does not link")
        broken = sorted(h for h in hrefs if h.endswith((".json", ".csv")) and support.file_for_path(h) is None)
        self.assertEqual(broken, [], "/data/ links data files that do not exist")


if __name__ == "__main__":
    unittest.main()
