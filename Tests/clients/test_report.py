"""`gugus report` on the sample site, read back by real tools: poppler's pdfinfo, pdftotext and
pdftoppm, zbarimg for the QR codes, and the Nu HTML checker for the page."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

import clientsupport as support
from test_nu_checker import run_checker

YEAR = 2024


def front_matters(folder):
    base = os.path.join(support.site_dir(), "content", folder)
    return [support._front_matter(os.path.join(base, name)) for name in sorted(os.listdir(base)) if name.endswith(".md")]


def year_of(value):
    return int(str(value)[:4])


class ReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="gugus-report-")
        command = [support.gugus_bin(), "report", support.site_dir(), "--year", str(YEAR), "--pdf",
                   "--output", cls.folder, "--now", support.build_now()]
        cls.result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if cls.result.returncode != 0:
            raise AssertionError(f"gugus report failed:\n{cls.result.stdout}{cls.result.stderr}")
        cls.pdf = os.path.join(cls.folder, f"laporan-{YEAR}.pdf")
        cls.html = os.path.join(cls.folder, f"laporan-{YEAR}", "index.html")
        info = subprocess.run(["pdfinfo", cls.pdf], capture_output=True, text=True, check=True).stdout
        cls.info = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
        cls.info = {key.strip(): value.strip() for key, value in cls.info.items()}
        cls.pages = int(cls.info["Pages"])
        cls.texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", cls.pdf, "-"],
                                    capture_output=True, text=True, check=True).stdout for n in range(1, cls.pages + 1)]
        cls.text = "\n".join(cls.texts)
        support.figure(f"report {YEAR}: {cls.pages} pages, {os.path.getsize(cls.pdf)} bytes, tagged {cls.info.get('Tagged')}")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_pdf_is_tagged_titled_and_paginated(self):
        self.assertEqual(self.info.get("Tagged"), "yes")
        report = support._front_matter(os.path.join(support.site_dir(), "content", "reports", f"{YEAR}.md"))
        self.assertEqual(self.info.get("Title"), report["title"])
        self.assertIn("A4", self.info.get("Page size", ""))
        self.assertGreaterEqual(self.pages, 5)

    def test_every_page_but_the_cover_is_numbered(self):
        self.assertNotRegex(self.texts[0], r"Halaman \d+ dari \d+", "the cover carries no page number")
        for number, text in enumerate(self.texts[1:], start=2):
            self.assertIn(f"Halaman {number} dari {self.pages}", text, f"page {number}")

    def test_the_contents_name_the_page_each_chapter_starts_on(self):
        entries = re.findall(r"^\s*(\S.*?)\s{2,}Halaman (\d+)\s*$", self.texts[1], re.M)
        self.assertGreaterEqual(len(entries), 5, self.texts[1])
        for title, page in entries:
            lines = [line.strip() for line in self.texts[int(page) - 1].splitlines() if line.strip()]
            self.assertEqual(lines[1], title, f"the contents put {title!r} on page {page}, which starts {lines[:3]}")

    def test_the_years_decrees_and_events_and_no_other_year(self):
        decrees = front_matters("decrees")
        ours = [d for d in decrees if year_of(d["date"]) == YEAR]
        self.assertTrue(ours, f"the sample site has no decree of {YEAR}")
        mentioned = {str(n) for d in ours for n in (d.get("amends") or []) + (d.get("revokes") or [])}
        for decree in decrees:
            number = str(decree["number"])
            if year_of(decree["date"]) == YEAR:
                self.assertIn(number, self.text)
            elif number not in mentioned:
                self.assertNotIn(number, self.text, f"{number} is of {year_of(decree['date'])}")
        events = front_matters("events")
        self.assertTrue([e for e in events if year_of(e["start"]) == YEAR])
        flat = re.sub(r"\s+", " ", self.text)
        for event in events:
            words = " ".join(str(event["title"]).split()[:4])
            if year_of(event["start"]) == YEAR:
                self.assertIn(words, flat)
            else:
                self.assertNotIn(str(event["title"]), flat)

    def test_qr_codes_lead_to_the_site(self):
        page = next(n for n, text in enumerate(self.texts, start=1) if "kode QR" in text or "QR code" in text)
        image = os.path.join(self.folder, "qr")
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "150", "-png", self.pdf, image], check=True)
        png = next(os.path.join(self.folder, name) for name in os.listdir(self.folder) if name.startswith("qr") and name.endswith(".png"))
        decoded = subprocess.run(["zbarimg", "--quiet", "--raw", png], capture_output=True, text=True).stdout.split()
        base = support.site_config()["base_url"].rstrip("/")
        self.assertIn(base + "/regulasi/", decoded, decoded)
        self.assertIn(base + "/", decoded, decoded)
        self.assertGreaterEqual(len(decoded), 5)

    def test_the_page_passes_the_nu_checker(self):
        checked, errors = run_checker(os.path.dirname(self.html))
        self.assertGreaterEqual(checked, 1)
        self.assertEqual(errors, [], "the report's page and stylesheet")


class HostileReportTest(unittest.TestCase):
    """Markup in a title and in the foreword stays text in the PDF."""

    def test_markup_stays_text_in_the_pdf(self):
        folder = tempfile.mkdtemp(prefix="gugus-report-hostile-")
        try:
            content = os.path.join(folder, "content")
            os.makedirs(os.path.join(content, "news"))
            os.makedirs(os.path.join(content, "reports"))
            with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8") as handle:
                handle.write("title: Uji\nbase_url: https://uji.example.id\nlanguage: id\ntime_zone: Asia/Makassar\n")
            with open(os.path.join(content, "news", "a.md"), "w", encoding="utf-8") as handle:
                handle.write("---\ntitle: '<b>tebal</b> & <script>alert(1)</script>'\ndate: 2024-05-05\n---\nIsi.\n")
            with open(os.path.join(content, "reports", "2024.md"), "w", encoding="utf-8") as handle:
                handle.write("---\ntitle: 'Laporan </style><i>miring</i>'\n---\nKata `<img src=x onerror=alert(2)>` pengantar.\n")
            result = subprocess.run([support.gugus_bin(), "report", folder, "--year", "2024", "--pdf", "--now", "2025-01-01"],
                                    capture_output=True, text=True, timeout=600)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            text = subprocess.run(["pdftotext", os.path.join(folder, "laporan", "laporan-2024.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout
            self.assertIn("<b>tebal</b> & <script>alert(1)</script>", text)
            self.assertIn("<img src=x onerror=alert(2)>", text)
            self.assertIn("Laporan </style><i>miring</i>", text, "the title, in the running header too")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
