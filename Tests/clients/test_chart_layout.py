"""Charts in a real browser: every text of every chart lies inside its SVG, at a phone's
width and at a desktop's (the SVG scales with its viewBox, so a text cut at one width is cut
at all; both are checked as a reader would see them)."""

import unittest

import clientsupport as support  # noqa: E402


# Each <text> of each chart: its box in the SVG's own units, against the viewBox.
OUTSIDE_SCRIPT = """
const problems = [];
for (const svg of document.querySelectorAll('main svg.chart')) {
  const box = svg.viewBox.baseVal;
  for (const text of svg.querySelectorAll('text')) {
    const b = text.getBBox();
    if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5
        || b.y + b.height > box.y + box.height + 0.5) {
      problems.push(`${svg.getAttribute('aria-labelledby').split(' ')[0]}: "${text.textContent}" at `
        + `x ${b.x.toFixed(1)}..${(b.x + b.width).toFixed(1)}, y ${b.y.toFixed(1)}..${(b.y + b.height).toFixed(1)} `
        + `outside 0..${box.width} x 0..${box.height}`);
    }
  }
}
return [document.querySelectorAll('main svg.chart').length, problems];
"""


class ChartLayoutTest(unittest.TestCase):
    driver = None

    @classmethod
    def setUpClass(cls):
        cls.driver = support.headless_chromium(javascript=True)
        cls.base = support.server_url()

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()

    def test_every_chart_text_lies_inside_its_chart(self):
        pages = ["index.html"] + sorted(support.dataset_pages())
        checked = 0
        # A 412 px phone (headless windows are never narrower than 500 px: emulated), a desktop.
        for width, height, mobile in ((412, 915, True), (1280, 900, False)):
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            for rel in pages:
                self.driver.get(self.base + support.rel_to_url(rel))
                count, problems = self.driver.execute_script(OUTSIDE_SCRIPT)
                checked += count
                with self.subTest(page=rel, width=width):
                    self.assertEqual(problems, [], f"{rel} at {width} px: chart texts cut at the edge")
        support.figure(f"chart texts: {checked} charts checked at 412 and 1280 px")
        self.assertGreater(checked, 0, "no chart was found")


if __name__ == "__main__":
    unittest.main()
