"""The first screen of a phone: the page's own heading, not the site's header. In a 412 × 915
viewport (a real phone's, emulated: headless windows are never narrower than 500 px) every
kind of page starts its <h1> in the top third, the hotline stays visible above it, and the
menu is one tap away without JavaScript; on a desktop the menu is shown as it is."""

import os
import unittest

import clientsupport as support  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

PHONE = (412, 915)


def sample_pages():
    """One page of each kind, plus the home page and the lists."""
    pages = ["index.html", "berita/index.html", "kegiatan/index.html", "regulasi/index.html", "statistik/index.html",
             "cari/index.html", "404.html"]
    for group in (support.news_pages(), support.event_pages(), support.decree_pages(), support.dataset_pages(),
                  support.content_pages()):
        pages += sorted(group)[:1]
    return [rel for rel in dict.fromkeys(pages) if os.path.isfile(os.path.join(support.public_dir(), rel))]


class PhoneHeaderTest(unittest.TestCase):
    driver = None

    @classmethod
    def setUpClass(cls):
        # JavaScript off: the menu must open without it.
        cls.driver = support.headless_chromium(javascript=False)
        cls.base = support.server_url()

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()

    def emulate(self, width, height, mobile):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def visible(self, elements):
        return [e for e in elements if e.is_displayed()]

    def test_every_heading_starts_in_the_top_third_of_a_phone(self):
        self.emulate(*PHONE, True)
        tops = []
        for rel in sample_pages():
            self.driver.get(self.base + support.rel_to_url(rel))
            h1 = self.driver.find_element(By.TAG_NAME, "h1")
            top = h1.rect["y"]
            tops.append((top, rel))
            with self.subTest(page=rel):
                self.assertLess(top, PHONE[1] / 3, f"{rel}: the <h1> starts {top:.0f} px down")
                hotline = self.visible(self.driver.find_elements(By.CSS_SELECTOR, ".hotline-bar a[href^='tel:']"))
                self.assertTrue(hotline and hotline[0].rect["y"] < top, f"{rel}: no hotline number above the heading")
        support.figure("phone h1 tops: " + ", ".join(f"{rel} {top:.0f}" for top, rel in sorted(tops, reverse=True)[:4]))

    def test_the_menu_opens_on_a_phone_without_javascript_and_shows_on_a_desktop(self):
        self.emulate(*PHONE, True)
        self.driver.get(self.base + "/")
        links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, "header nav a[href='/berita/']")]
        self.assertFalse(self.visible(links), "on a phone the menu starts closed")
        toggle = self.visible(self.driver.find_elements(By.CSS_SELECTOR, "header summary"))
        self.assertTrue(toggle, "no menu button on a phone")
        toggle[0].click()
        self.assertTrue(self.visible(self.driver.find_elements(By.CSS_SELECTOR, "header nav a[href='/berita/']")),
                        "the menu does not open")
        self.emulate(1280, 900, False)
        self.driver.get(self.base + "/")
        self.assertTrue(self.visible(self.driver.find_elements(By.CSS_SELECTOR, "header nav a[href='/berita/']")),
                        "on a desktop the menu is shown")
        self.assertFalse(self.visible(self.driver.find_elements(By.CSS_SELECTOR, "header summary")),
                         "no menu button on a desktop")


if __name__ == "__main__":
    unittest.main()
