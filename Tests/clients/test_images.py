"""Published photos as real clients see them: exiftool finds no metadata left, every <img>/<source>
candidate exists with the width it claims, and Debian's Chromium at phone size loads the small WebP,
keeps the page light and draws the photo undistorted inside the viewport."""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runs as a file path
import clientsupport as support  # noqa: E402

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a browser or driver

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

CHROMIUM = os.environ.get("GUGUS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("GUGUS_CHROMEDRIVER", "/usr/bin/chromedriver")
EXIFTOOL = os.environ.get("GUGUS_EXIFTOOL", "exiftool")
PHONE = (412, 915)
WEIGHT_LIMIT = 150 * 1024
ORIGINAL_MAX = 2048
WIDTHS = (480, 960, 1600)
OG_WIDTH = 1200
# /media/foto/ilustrasi-sosialisasi-480w.1dc4d8fe69.webp
DERIVATIVE = re.compile(r"^(?P<stem>.+)-(?P<width>\d+)w\.(?P<hash>[0-9a-f]{10})\.(?P<ext>webp|jpg)$")

# Tags that tell where, when, with what or by whom a photo was taken, and the orientation flag
# (the pipeline turns the pixels; a leftover tag would turn them twice in some viewers).
FORBIDDEN_TAG = re.compile(
    r"^(GPS.*|Make|Model|CameraModelName|Creator|Artist|OwnerName|CameraOwnerName|.*SerialNumber|"
    r"DateTimeOriginal|CreateDate|DateTimeCreated|OffsetTime.*|SubSecTime.*|Software|ImageDescription|"
    r"Copyright|Orientation|UserComment)$")
# Groups that are metadata and nothing else (not the image: ICC colour profiles and JFIF are left alone).
METADATA_GROUPS = {"EXIF", "XMP", "IPTC", "MakerNotes", "Photoshop", "GPS", "FlashPix", "APP12", "Ducky"}
# exiftool's own groups that only describe the file as exiftool read it, not metadata in it.
FILE_GROUPS = {"SourceFile", "ExifTool", "File", "Composite"}


def raster_kind(path):
    """'jpeg', 'png', 'webp', 'gif', 'avif'/'heic' by the file's first bytes, else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return None
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] in (b"GIF8",):
        return "gif"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"avif", b"avis"):
            return "avif"
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"hevc"):
            return "heic"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return None


def rasters_under(root):
    """Every raster file below root, by content (not by name), sorted."""
    found = []
    for directory, _, files in os.walk(root):
        for name in files:
            path = os.path.join(directory, name)
            if raster_kind(path):
                found.append(path)
    return sorted(found)


def exiftool(paths, *options):
    """exiftool -j [options] over paths: {absolute path: {tag: value}}. Fails when exiftool is missing."""
    if not shutil.which(EXIFTOOL):
        raise AssertionError(f"{EXIFTOOL} is not installed (Debian: apt-get install libimage-exiftool-perl)")
    if not paths:
        return {}
    result = subprocess.run([EXIFTOOL, "-j", *options, *paths], capture_output=True, text=True, timeout=120)
    if not result.stdout.strip():
        raise AssertionError(f"exiftool printed nothing (exit {result.returncode}): {result.stderr.strip()}")
    return {os.path.abspath(entry["SourceFile"]): entry for entry in json.loads(result.stdout)}


def image_size(entry):
    """(width, height) from exiftool -n output's Composite:ImageSize."""
    value = entry.get("Composite:ImageSize")
    if value is None:
        return None
    width, height = re.split(r"[ x]", str(value))
    return int(width), int(height)


def tag_name(key):
    """'EXIF:GPSLatitude' -> ('EXIF', 'GPSLatitude'); duplicate suffixes like ' (1)' dropped."""
    group, _, name = key.partition(":")
    if not name:
        group, name = "", group
    return group, re.sub(r"\s*\(\d+\)$", "", name)


def srcset_candidates(value):
    """[(url, descriptor)] of a srcset attribute (HTML's parsing, simplified: URLs hold no spaces)."""
    candidates, position, text = [], 0, value or ""
    while position < len(text):
        while position < len(text) and (text[position].isspace() or text[position] == ","):
            position += 1
        if position >= len(text):
            break
        end = position
        while end < len(text) and not text[end].isspace():
            end += 1
        url = text[position:end]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
            position = end
        else:
            comma = text.find(",", end)
            comma = len(text) if comma < 0 else comma
            descriptor = text[end:comma].strip()
            position = comma + 1
        candidates.append((url, descriptor))
    return candidates


def resolve(page_url, url):
    """A URL in a page -> the site path it names, or None when it is not on this site (data:, other hosts)."""
    if url.startswith("data:"):
        return None
    absolute = urllib.parse.urljoin(support.BASE_URL + page_url, url)
    parts = urllib.parse.urlsplit(absolute)
    if not support.is_absolute_site_url(absolute):
        return None
    return parts.path


def raster_pictures(rel):
    """[(picture, in figure.photo)] of the page's <picture>s whose <img> shows a raster file of the site."""
    page = support.rel_to_url(rel)
    found = []
    for picture in support.page_tree(rel).iter("picture"):
        img = picture.find("img")
        path = resolve(page, img.get("src", "")) if img is not None else None
        local = support.file_for_path(path) if path else None
        if local and raster_kind(local):
            hero = any(a.tag == "figure" and "photo" in a.classes() for a in picture.ancestors())
            found.append((picture, hero))
    return found


def pages_with_photo():
    """(news pages with a raster photo as hero, other pages with a raster picture in the body)."""
    hero, body = [], []
    for rel in support.content_pages():
        pictures = raster_pictures(rel)
        if any(is_hero for _, is_hero in pictures) and rel in support.news_pages():
            hero.append(rel)
        elif pictures:
            body.append(rel)
    return hero, body


def source_rasters():
    """[(source path, published path)] of the rasters in content/media whose address the site publishes."""
    content = os.path.join(support.site_dir(), "content")
    pairs = []
    for path in rasters_under(os.path.join(content, "media")):
        published = os.path.join(support.public_dir(), os.path.relpath(path, content))
        pairs.append((path, published))
    return pairs


def derivatives_of(published):
    """{(width, ext): path} of the derivatives published next to an original's address."""
    directory, name = os.path.split(published)
    stem = os.path.splitext(name)[0]
    found = {}
    for other in os.listdir(directory) if os.path.isdir(directory) else []:
        match = DERIVATIVE.match(other)
        if match and match.group("stem") == stem:
            found[(int(match.group("width")), match.group("ext"))] = os.path.join(directory, other)
    return found


def public_url(path):
    return "/" + os.path.relpath(path, support.public_dir()).replace(os.sep, "/")


# ---------------------------------------------------------------------------
# 1. exiftool: nothing left in the published rasters; the source did carry it.

class MetadataTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.public_rasters = rasters_under(support.public_dir())
        cls.sources = source_rasters()

    def test_1_source_photo_carries_gps(self):
        """The sample photo in content/media has GPS and camera tags: stripping is proven, not assumed."""
        self.assertTrue(self.sources, "content/media holds no raster photo: the image tests would prove nothing")
        tags = exiftool([source for source, _ in self.sources], "-G", "-a")
        with_gps = [source for source, published in self.sources
                    if any(tag_name(key)[1].startswith("GPS") for key in tags[source]) and os.path.isfile(published)]
        support.figure(f"images: {len(self.sources)} raster source(s) in content/media, "
                       f"{len(with_gps)} published with GPS in the source")
        self.assertTrue(with_gps, "no raster in content/media that carries GPS tags is published at its address; "
                                  "the stripping check would prove nothing")

    def test_2_no_metadata_in_published_rasters(self):
        """exiftool -j -G -a over every published raster: no GPS, camera, author, date or Orientation tag."""
        self.assertTrue(self.public_rasters, "the built site holds no raster image at all")
        # The command of the brief, over /media; then every raster of the site found by its bytes.
        media = os.path.join(support.public_dir(), "media")
        recursive = exiftool([media], "-G", "-a", "-r") if os.path.isdir(media) else {}
        tags = exiftool(self.public_rasters, "-G", "-a")
        missing = [public_url(p) for p in self.public_rasters if p.startswith(media + os.sep) and p not in recursive]
        self.assertEqual(missing, [], "rasters under /media that `exiftool -r` did not read")
        forbidden, groups = [], []
        for path in self.public_rasters:
            entry = tags.get(path, {})
            for key, value in sorted(entry.items()):
                group, name = tag_name(key)
                if FORBIDDEN_TAG.match(name):
                    forbidden.append(f"{public_url(path)}: {key} = {value!r}")
                elif group in METADATA_GROUPS or name == "Comment":
                    groups.append(f"{public_url(path)}: {key} = {value!r}")
        support.figure(f"images: exiftool read {len(tags)} published raster(s); "
                       f"{len(forbidden)} forbidden tag(s), {len(groups)} other metadata tag(s)")
        with self.subTest(check="identifying tags and Orientation"):
            self.assertEqual(forbidden, [], "GPS/camera/author/date/Orientation tags left in published rasters")
        with self.subTest(check="any metadata block"):
            self.assertEqual(groups, [], "metadata blocks (EXIF/XMP/IPTC/…) left in published rasters")

    def test_3_derivatives_sizes_and_orientation(self):
        """Each published photo has 480/960/1600 WebP+JPEG and a 1200w JPEG of the picture as seen
        (EXIF orientation applied), and its original address serves a copy at most 2048 px."""
        published = [(s, p) for s, p in self.sources if os.path.isfile(p)]
        self.assertTrue(published, "no raster of content/media is published at its address")
        sources = exiftool([s for s, _ in published], "-G", "-n")
        problems, lines = [], []
        for source, original in published:
            width, height = image_size(sources[source])
            if sources[source].get("EXIF:Orientation") in (5, 6, 7, 8):
                width, height = height, width
            made = derivatives_of(original)
            expected = [(w, ext) for w in WIDTHS for ext in ("webp", "jpg")] + [(OG_WIDTH, "jpg")]
            for key in expected:
                if key not in made:
                    problems.append(f"{public_url(original)}: no {key[0]}w .{key[1]} derivative")
            files = [original] + sorted(made.values())
            sizes = exiftool(files, "-G", "-n")
            hashes = {DERIVATIVE.match(os.path.basename(p)).group("hash") for p in made.values()}
            if len(hashes) > 1:
                problems.append(f"{public_url(original)}: derivatives carry different hashes {sorted(hashes)}")
            for path in files:
                got = image_size(sizes.get(path, {}))
                if got is None:
                    problems.append(f"{public_url(path)}: exiftool reads no size")
                    continue
                lines.append(f"{public_url(path)} {got[0]}x{got[1]} {os.path.getsize(path)} B")
                match = DERIVATIVE.match(os.path.basename(path))
                if match and got[0] != int(match.group("width")):
                    problems.append(f"{public_url(path)}: named {match.group('width')}w but {got[0]} px wide")
                if path == original and max(got) > ORIGINAL_MAX:
                    problems.append(f"{public_url(path)}: the original's address serves {got[0]}x{got[1]} "
                                    f"(more than {ORIGINAL_MAX} px)")
                # Same shape as the source seen upright (±1 px of rounding on the short side).
                if abs(got[1] - got[0] * height / width) > 1:
                    problems.append(f"{public_url(path)}: {got[0]}x{got[1]} is not the shape of the source as "
                                    f"seen ({width}x{height}; EXIF orientation not applied or distorted?)")
        for line in lines:
            print(f"\n  {line}", end="")
        print()
        self.assertEqual(problems, [], "published photo files")


# ---------------------------------------------------------------------------
# 2. HTML: every candidate exists and is what it says.

class MarkupTest(unittest.TestCase):
    def test_1_every_src_and_srcset_candidate_exists(self):
        problems, checked, raster_refs = [], set(), {}
        for rel in support.html_pages():
            page = support.rel_to_url(rel)
            tree = support.page_tree(rel)
            for element in list(tree.iter("img")) + list(tree.iter("source")):
                refs = []
                if element.get("src"):
                    refs.append((element.get("src"), "src"))
                candidates = srcset_candidates(element.get("srcset"))
                refs += [(url, descriptor or "1x") for url, descriptor in candidates]
                if element.tag == "source" and element.parent is not None and element.parent.tag == "picture" \
                        and not candidates:
                    problems.append(f"{page}: {element!r} in <picture> has no srcset")
                if any(d.endswith("w") for _, d in candidates) and not element.get("sizes"):
                    problems.append(f"{page}: {element!r} has w descriptors but no sizes")
                for url, descriptor in refs:
                    path = resolve(page, url)
                    if path is None:
                        if not url.startswith("data:"):
                            problems.append(f"{page}: <{element.tag}> {url} is not on this site")
                        continue
                    local = support.file_for_path(path)
                    checked.add(path)
                    if local is None:
                        problems.append(f"{page}: <{element.tag}> {descriptor} {url} is not in the output")
                    elif raster_kind(local):
                        raster_refs.setdefault(local, set()).add((page, element.tag, descriptor, url))
        sizes = exiftool(sorted(raster_refs), "-G", "-n") if raster_refs else {}
        for local, uses in sorted(raster_refs.items()):
            size = image_size(sizes.get(local, {}))
            for page, tag, descriptor, url in sorted(uses):
                match = re.fullmatch(r"(\d+)w", descriptor)
                if match and size and size[0] != int(match.group(1)):
                    problems.append(f"{page}: <{tag}> candidate {url} {descriptor} is {size[0]} px wide")
        support.figure(f"images: {len(checked)} distinct src/srcset address(es) checked, "
                       f"{len(raster_refs)} raster file(s) referenced")
        self.assertTrue(raster_refs, "no page references a raster image: the sample photo is not published")
        self.assertEqual(problems, [], "src/srcset candidates")

    def test_2_img_dimensions_and_loading(self):
        """Raster <img>s carry width/height of their file's shape; every picture but a page's first is lazy."""
        problems, imgs = [], []
        for rel in support.content_pages():
            page = support.rel_to_url(rel)
            tree = support.page_tree(rel)
            for img in tree.iter("img"):
                path = resolve(page, img.get("src", ""))
                local = support.file_for_path(path) if path else None
                if local and raster_kind(local):
                    imgs.append((page, img, local))
            for index, picture in enumerate(tree.iter("picture")):
                img = picture.find("img")
                if img is None:
                    problems.append(f"{page}: <picture> #{index + 1} has no <img>")
                    continue
                lazy, decoding = img.get("loading", "").lower(), img.get("decoding", "").lower()
                if index == 0 and lazy == "lazy":
                    problems.append(f"{page}: the page's first picture is loading=lazy (it is likely the LCP)")
                if index > 0 and (lazy != "lazy" or decoding != "async"):
                    problems.append(f"{page}: picture #{index + 1} lacks loading=lazy decoding=async: {img!r}")
                if not img.get("alt", "").strip():
                    problems.append(f"{page}: picture #{index + 1} has an empty alt")
        self.assertTrue(imgs, "no page shows a raster <img>")
        sizes = exiftool(sorted({local for _, _, local in imgs}), "-G", "-n")
        for page, img, local in imgs:
            width, height = img.get("width", ""), img.get("height", "")
            if not (width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
                problems.append(f"{page}: {img.get('src')} has no positive width/height attributes "
                                f"(width={width!r} height={height!r})")
                continue
            size = image_size(sizes.get(local, {}))
            if size and abs(int(height) - int(width) * size[1] / size[0]) > 1:
                problems.append(f"{page}: {img.get('src')} says {width}x{height}, its file is {size[0]}x{size[1]}")
        self.assertEqual(problems, [], "<img> attributes")

    def test_3_og_image_is_the_1200w_jpeg(self):
        hero, _ = pages_with_photo()
        self.assertTrue(hero, "no news page has a raster photo as figure.photo hero")
        problems = []
        for rel in hero:
            page = support.rel_to_url(rel)
            value = support.meta_property(rel, "og:image") or ""
            path = support.url_path(value)
            match = DERIVATIVE.match(os.path.basename(path))
            local = support.file_for_path(path)
            if not support.is_absolute_site_url(value):
                problems.append(f"{page}: og:image {value!r} is not an absolute URL on {support.BASE_URL}")
            if not match or match.group("width") != str(OG_WIDTH) or match.group("ext") != "jpg":
                problems.append(f"{page}: og:image {value!r} is not a -{OG_WIDTH}w.<hash>.jpg derivative")
            if local is None:
                problems.append(f"{page}: og:image {value!r} is not in the output")
            elif raster_kind(local) != "jpeg":
                problems.append(f"{page}: og:image {value!r} is {raster_kind(local)}, not JPEG")
        self.assertEqual(problems, [], "og:image")


# ---------------------------------------------------------------------------
# 3-5. Chromium at phone size.

def start_chromium(scale):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", f"--window-size={PHONE[0]},{PHONE[1]}",
                     "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    # Headless windows are never narrower than 500 px: emulate the phone.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": scale, "mobile": True})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


class Visit:
    """One page load: requests (URL, bytes on the wire, body bytes, bytes on disk) and the photo's state."""

    def __init__(self, driver, base, path):
        self.driver, self.base, self.path = driver, base, path
        driver.get_log("performance")  # drop earlier events
        driver.get_log("browser")
        driver.get(base + path)
        self.scroll_through()
        self.requests = self.collect()
        self.photos = driver.execute_script("""
            return [...document.querySelectorAll('main picture img')].map(img => {
              const r = img.getBoundingClientRect();
              return {src: img.getAttribute('src'), currentSrc: img.currentSrc, complete: img.complete,
                      naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
                      width: img.getAttribute('width'), height: img.getAttribute('height'),
                      hero: !!img.closest('figure.photo'), loading: img.loading,
                      left: r.left, right: r.right, top: r.top + scrollY, boxWidth: r.width, boxHeight: r.height};
            });""")
        self.viewport = driver.execute_script(
            "const d = document.documentElement; return {clientWidth: d.clientWidth, scrollWidth: d.scrollWidth,"
            " innerWidth: innerWidth, dpr: devicePixelRatio};")

    def scroll_through(self):
        """Scroll down a half screen at a time so lazy images load, then wait until the network is quiet."""
        driver = self.driver
        height = driver.execute_script("return document.documentElement.scrollHeight;")
        step = max(200, PHONE[1] // 2)
        for y in range(0, height + step, step):
            driver.execute_script("window.scrollTo(0, arguments[0]);", y)
            time.sleep(0.05)
        count, deadline = -1, time.time() + 5
        while time.time() < deadline:
            now = driver.execute_script(
                "return document.readyState === 'complete'"
                " && [...document.images].every(i => i.complete)"
                " ? performance.getEntriesByType('resource').length : -1;")
            if now == count and now >= 0:
                break
            count = now
            time.sleep(0.3)
        driver.execute_script("window.scrollTo(0, 0);")

    def collect(self):
        """{path: {wire, body, disk}} of every request, from CDP Network events and the Performance API."""
        base_host = urllib.parse.urlsplit(self.base).netloc
        urls, wire = {}, {}
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message.get("method") == "Network.requestWillBeSent":
                urls[params["requestId"]] = params["request"]["url"]
            elif message.get("method") == "Network.loadingFinished":
                wire[params["requestId"]] = params.get("encodedDataLength", 0)
        timing = self.driver.execute_script("""
            return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .map(e => [e.name, e.transferSize || 0, e.encodedBodySize || 0]);""")
        requests = {}
        for request_id, url in urls.items():
            if url.startswith("data:"):
                continue
            parts = urllib.parse.urlsplit(url)
            local = support.file_for_path(parts.path) if parts.netloc == base_host else None
            requests.setdefault(url, {"path": parts.path, "wire": 0, "transfer": 0, "body": 0,
                                      "disk": os.path.getsize(local) if local else 0, "count": 0})
            requests[url]["wire"] += wire.get(request_id, 0)
            requests[url]["count"] += 1
        for url, transfer, body in timing:
            entry = requests.setdefault(url, {"path": urllib.parse.urlsplit(url).path, "wire": 0, "transfer": 0,
                                              "body": 0, "disk": 0, "count": 1})
            entry["transfer"] = max(entry["transfer"], transfer)
            entry["body"] = max(entry["body"], body)
        return requests

    def total(self):
        """Bytes of the page: per request the largest of what CDP saw on the wire (headers included),
        the Performance API's transferSize/encodedBodySize and the file on disk."""
        return sum(max(r["wire"], r["transfer"], r["body"], r["disk"]) for r in self.requests.values())

    def breakdown(self):
        rows = sorted(self.requests.values(), key=lambda r: -max(r["wire"], r["disk"]))
        return ", ".join(f"{r['path']} wire {r['wire']} / transferSize {r['transfer']} / body {r['body']} / "
                         f"disk {r['disk']}" for r in rows)

    def image_requests(self):
        return [r["path"] for r in self.requests.values() if r["path"].startswith("/media/")]

    def screenshot(self, name, full):
        if full:
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        else:
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        path = os.path.join(support.artifacts_dir(), f"{name}.png")
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        return path


def candidate_width(url):
    match = DERIVATIVE.match(os.path.basename(support.url_path(url or "")))
    return int(match.group("width")) if match else None


def is_original(path):
    """A raster under /media that is not a -<W>w.<hash> derivative: an original's address."""
    return path.startswith("/media/") and not DERIVATIVE.match(os.path.basename(path)) \
        and os.path.splitext(path)[1].lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".heic",
                                                   ".tif", ".tiff")


class PhoneTest(unittest.TestCase):
    figures = []

    @classmethod
    def setUpClass(cls):
        for tool in (CHROMIUM, CHROMEDRIVER):
            if not os.access(tool, os.X_OK):
                raise RuntimeError(f"{tool} is missing: run scripts/setup-clients")
        cls.hero_pages, cls.body_pages = pages_with_photo()
        cls.base = support.server_url()
        cls.drivers = {}

    @classmethod
    def tearDownClass(cls):
        for driver in cls.drivers.values():
            driver.quit()
        if cls.figures:
            print("\nimage figures:")
            for line in cls.figures:
                support.figure(line)

    def driver(self, scale):
        if scale not in self.drivers:
            self.drivers[scale] = start_chromium(scale)
        return self.drivers[scale]

    def news_page(self):
        self.assertTrue(self.hero_pages, "no news page has a raster photo as <figure class=photo> hero")
        return self.hero_pages[0]

    def visit(self, rel, scale):
        return Visit(self.driver(scale), self.base, support.rel_to_url(rel))

    def hero(self, visit):
        heroes = [p for p in visit.photos if p["hero"]]
        self.assertTrue(heroes, f"{visit.path}: Chromium finds no img in figure.photo > picture")
        return heroes[0]

    def test_1_phone_loads_480w_webp_and_stays_light(self):
        visit = self.visit(self.news_page(), 1)
        hero = self.hero(visit)
        images, total = visit.image_requests(), visit.total()
        self.figures.append(f"phone 412x915 @1x {visit.path}: {total} bytes ({total / 1024:.1f} KiB) in "
                            f"{len(visit.requests)} requests; hero {support.url_path(hero['currentSrc'])}; "
                            f"images requested {images}")
        print(f"\n  @1x {visit.path}: {visit.breakdown()}")
        problems = []
        if visit.viewport["clientWidth"] != PHONE[0]:
            problems.append(f"the viewport is {visit.viewport['clientWidth']} px wide, not {PHONE[0]}: "
                            "the emulation did not apply")
        current = support.url_path(hero["currentSrc"])
        match = DERIVATIVE.match(os.path.basename(current))
        if not (match and match.group("width") == "480" and match.group("ext") == "webp"):
            problems.append(f"the hero shows {current}, not the 480w WebP")
        if current not in images:
            problems.append(f"the hero's {current} was not seen among the requests {images}")
        for path in images:
            if candidate_width(path) == 1600:
                problems.append(f"the 1600w candidate {path} was loaded")
            if is_original(path):
                problems.append(f"the original's address {path} was loaded")
        stem = DERIVATIVE.match(os.path.basename(current)).group("stem") if match else None
        same_photo = [p for p in images if stem and os.path.basename(p).startswith(stem + "-")]
        if len(same_photo) > 1:
            problems.append(f"the hero photo was fetched {len(same_photo)} times in different files: {same_photo}")
        if total >= WEIGHT_LIMIT:
            problems.append(f"page weight {total} bytes ≥ {WEIGHT_LIMIT}: {visit.breakdown()}")
        self.assertEqual(problems, [], f"{visit.path} at 412 px, 1x")

    def test_2_phone_at_2x_loads_at_most_960w(self):
        visit = self.visit(self.news_page(), 2)
        hero = self.hero(visit)
        images, total = visit.image_requests(), visit.total()
        width = candidate_width(hero["currentSrc"])
        self.figures.append(f"phone 412x915 @2x {visit.path}: {total} bytes ({total / 1024:.1f} KiB) in "
                            f"{len(visit.requests)} requests; hero {support.url_path(hero['currentSrc'])}; "
                            f"images requested {images}")
        print(f"\n  @2x {visit.path}: {visit.breakdown()}")
        visit.driver.execute_script("document.querySelector('figure.photo img').scrollIntoView({block: 'center'});")
        time.sleep(0.2)
        visit.screenshot("images-phone-2x", full=False)
        problems = []
        if visit.viewport["dpr"] != 2:
            problems.append(f"devicePixelRatio is {visit.viewport['dpr']}, not 2")
        if width is None or width > 960:
            problems.append(f"the hero shows {support.url_path(hero['currentSrc'])}, larger than 960w")
        if not support.url_path(hero["currentSrc"]).endswith(".webp"):
            problems.append(f"the hero shows {support.url_path(hero['currentSrc'])}, not a WebP")
        for path in images:
            if candidate_width(path) == 1600 or is_original(path):
                problems.append(f"{path} was loaded at 2x")
        if total >= WEIGHT_LIMIT:
            problems.append(f"page weight {total} bytes ≥ {WEIGHT_LIMIT}: {visit.breakdown()}")
        self.assertEqual(problems, [], f"{visit.path} at 412 px, 2x")

    def test_3_body_pictures_on_a_phone(self):
        """Pages with a picture in the body: the small WebP, never the 1600w or the original."""
        self.assertTrue(self.body_pages, "no page has a picture in its body")
        for rel in self.body_pages:
            with self.subTest(page=support.rel_to_url(rel)):
                visit = self.visit(rel, 1)
                total = visit.total()
                photos = [p for p in visit.photos if candidate_width(p["src"])]  # the pipeline's, not SVGs
                shown = [support.url_path(p["currentSrc"]) for p in photos]
                self.figures.append(f"phone 412x915 @1x {visit.path}: {total} bytes ({total / 1024:.1f} KiB) in "
                                    f"{len(visit.requests)} requests; pictures {shown}")
                problems = []
                if not photos:
                    problems.append("Chromium finds no pipeline picture in <main>")
                for photo in photos:
                    current = support.url_path(photo["currentSrc"])
                    if not photo["complete"] or not photo["naturalWidth"]:
                        problems.append(f"{photo['src']} did not load after scrolling (currentSrc {current!r})")
                    if candidate_width(current) != 480 or not current.endswith(".webp"):
                        problems.append(f"a body picture shows {current}, not its 480w WebP")
                    if photo["right"] > visit.viewport["clientWidth"] + 0.5 or photo["left"] < 0:
                        problems.append(f"{current} spans x {photo['left']:.1f}..{photo['right']:.1f}, outside "
                                        f"the {visit.viewport['clientWidth']} px viewport")
                for path in visit.image_requests():
                    if candidate_width(path) == 1600 or is_original(path):
                        problems.append(f"{path} was loaded")
                if total >= WEIGHT_LIMIT:
                    problems.append(f"page weight {total} bytes ≥ {WEIGHT_LIMIT}: {visit.breakdown()}")
                self.assertEqual(problems, [], visit.path)

    def test_4_hero_layout_at_412px(self):
        rel = self.news_page()
        heroes = [picture.find("img") for picture, is_hero in raster_pictures(rel) if is_hero]
        self.assertTrue(heroes, f"{support.rel_to_url(rel)}: no raster <img> in figure.photo")
        img = heroes[0]
        width, height = img.get("width", ""), img.get("height", "")
        self.assertTrue(width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0,
                        f"the hero <img> lacks positive width/height attributes: {img!r}")
        visit = self.visit(rel, 1)
        hero = self.hero(visit)
        client = visit.viewport["clientWidth"]
        box_w, box_h = hero["boxWidth"], hero["boxHeight"]
        self.figures.append(f"hero layout @412px: box {box_w:.1f}x{box_h:.1f} CSS px at x {hero['left']:.1f}.."
                            f"{hero['right']:.1f}; attributes {width}x{height}; natural "
                            f"{hero['naturalWidth']}x{hero['naturalHeight']}; page {visit.viewport['scrollWidth']} "
                            f"px wide in {client}")
        problems = []
        if not hero["complete"] or not hero["naturalWidth"]:
            problems.append("the hero image did not load")
        if box_w < 0.75 * client:
            problems.append(f"the hero is {box_w:.1f} px wide, less than 3/4 of the {client} px viewport")
        if box_w and abs(box_h - box_w * int(height) / int(width)) > 1:
            problems.append(f"rendered {box_w:.1f}x{box_h:.1f} is not the {width}:{height} of its attributes")
        if hero["naturalWidth"] and abs(box_h - box_w * hero["naturalHeight"] / hero["naturalWidth"]) > 1:
            problems.append(f"rendered {box_w:.1f}x{box_h:.1f} distorts the {hero['naturalWidth']}x"
                            f"{hero['naturalHeight']} image")
        if hero["left"] < 0 or hero["right"] > client + 0.5:
            problems.append(f"the hero spans x {hero['left']:.1f}..{hero['right']:.1f}, outside 0..{client}")
        if visit.viewport["scrollWidth"] > client:
            problems.append(f"the page is {visit.viewport['scrollWidth']} px wide in a {client} px viewport")
        self.assertEqual(problems, [], f"{visit.path}: hero layout")

    def test_5_screenshot_shows_the_photo(self):
        visit = self.visit(self.news_page(), 1)
        self.hero(visit)
        full = visit.screenshot("images-phone-news-full", full=True)
        # The photo as a reader sees it: scrolled so the hero sits in the viewport, and not covered.
        state = visit.driver.execute_script("""
            const img = document.querySelector('figure.photo img');
            img.scrollIntoView({block: 'center'});
            const r = img.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const canvas = document.createElement('canvas');
            canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
            const context = canvas.getContext('2d');
            context.drawImage(img, 0, 0);
            const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
            let sum = 0, squares = 0, n = 0;
            for (let i = 0; i < data.length; i += 16) {
              const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
              sum += y; squares += y * y; n++;
            }
            const mean = sum / n;
            return {covered: top !== img && !img.contains(top) ? (top ? top.outerHTML.slice(0, 120) : null) : '',
                    mean: mean, deviation: Math.sqrt(squares / n - mean * mean),
                    top: r.top, bottom: r.bottom, height: innerHeight};""")
        time.sleep(0.2)
        view = visit.screenshot("images-phone-news", full=False)
        self.figures.append(f"screenshots {view} and {full}: hero luminance mean {state['mean']:.0f}, "
                            f"deviation {state['deviation']:.0f}")
        print(f"\n  screenshots: {view}, {full}")
        problems = []
        if state["covered"]:
            problems.append(f"the hero's centre is covered by {state['covered']}")
        if state["top"] < 0 or state["bottom"] > state["height"]:
            problems.append(f"the hero does not fit the viewport after scrolling to it ({state})")
        if state["deviation"] < 10:
            problems.append(f"the decoded hero is nearly flat (luminance deviation {state['deviation']:.1f})")
        self.assertEqual(problems, [], f"{visit.path}: the photo as shown")


if __name__ == "__main__":
    unittest.main()
