"""Charts: inline SVG that a screen reader can name and describe, with the data as a table."""

import csv
import io
import unittest

import clientsupport as support

MARKS = {"rect", "path", "polyline", "polygon", "line", "circle"}


def charts(rel):
    """Inline <svg role="img"> elements in <main>."""
    tree = support.page_tree(rel)
    main = tree.find("main") or tree
    return [svg for svg in main.iter("svg") if svg.get("role") == "img"]


def chart_problems(svg):
    """Why this SVG is not an accessible chart ([] if it is)."""
    problems = []
    titles = [c for c in svg.children if isinstance(c, support.Element) and c.tag == "title"]
    descs = [c for c in svg.children if isinstance(c, support.Element) and c.tag == "desc"]
    labelledby = svg.get("aria-labelledby", "").split()
    describedby = svg.get("aria-describedby", "").split()
    if not titles or not titles[0].text().strip():
        problems.append("no <title> child with text")
    elif not titles[0].get("id") or titles[0].get("id") not in labelledby:
        problems.append(f"<title id={titles[0].get('id')!r}> is not in aria-labelledby={labelledby}")
    if not descs or not descs[0].text().strip():
        problems.append("no <desc> child with text")
    elif not descs[0].get("id") or descs[0].get("id") not in labelledby + describedby:
        problems.append(f"<desc id={descs[0].get('id')!r}> is not referenced by aria-labelledby={labelledby}")
    if not any(element.tag in MARKS for element in svg.iter()):
        problems.append("draws nothing (no rect, path, polyline, line or circle)")
    return problems


def x_values(slug, x):
    with open(support.file_for_path(f"/statistik/{slug}.csv"), encoding="utf-8", newline="") as handle:
        return [row[x] for row in csv.DictReader(handle)]


def table_cells(rel):
    tree = support.page_tree(rel)
    main = tree.find("main") or tree
    return [[" ".join(cell.text().split()) for cell in table.iter() if cell.tag in ("td", "th")]
            for table in main.iter("table")]


class ChartsTest(unittest.TestCase):
    def test_dataset_pages_have_accessible_charts(self):
        datasets = {slug: meta for slug, meta in support.content_items("statistics")}
        charted = {slug: meta for slug, meta in datasets.items() if meta.get("chart", "bar") in ("bar", "line")}
        self.assertTrue(charted, "no dataset of content/statistics has a chart")
        for slug, meta in sorted(charted.items()):
            rel = f"statistik/{slug}/index.html"
            with self.subTest(dataset=slug, chart=meta.get("chart", "bar")):
                self.assertIn(rel, support.dataset_pages())
                svgs = charts(rel)
                self.assertTrue(svgs, f"/statistik/{slug}/ has no <svg role=img> chart")
                for svg in svgs:
                    self.assertEqual(chart_problems(svg), [], f"/statistik/{slug}/: chart {svg}")
                wanted = [" ".join(v.split()) for v in x_values(slug, str(meta["x"]))]
                tables = table_cells(rel)
                self.assertTrue(any(all(v in cells for v in wanted) for cells in tables),
                                f"/statistik/{slug}/: no <table> with the {meta['x']} values {wanted}")

    def test_home_page_has_a_chart(self):
        svgs = charts("index.html")
        support.figure(f"charts on home: {len(svgs)}")
        self.assertTrue(svgs, "the home page has no <svg role=img> chart")
        charted = {slug: str(meta["x"]) for slug, meta in support.content_items("statistics")
                   if meta.get("chart", "bar") in ("bar", "line")}
        tables = table_cells("index.html")
        for svg in svgs:
            self.assertEqual(chart_problems(svg), [], f"home chart {svg}")
            # The data as a table: beside the chart on the home page, or on the dataset page
            # that the chart's <figure> links (test_dataset_pages_have_accessible_charts checks that table).
            figure = next((a for a in svg.ancestors() if a.tag == "figure"), None)
            linked = {support.url_path(a.get("href", "")) for a in figure.iter("a")} if figure is not None else set()
            linked_datasets = [slug for slug in charted if f"/statistik/{slug}/" in linked]
            with_table = [slug for slug, x in charted.items()
                          if any(all(" ".join(v.split()) in cells for v in x_values(slug, x)) for cells in tables)]
            self.assertTrue(linked_datasets or with_table,
                            "the home chart has no <table> of its data and its <figure> links no dataset page")


if __name__ == "__main__":
    unittest.main()
