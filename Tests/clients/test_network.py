"""A network of task-force sites (issue 17), with real parts: one nginx on loopback serves two
real regional Gugus builds (the sample site, and a variant of it with other regions and decree
numbers) and six sources that misbehave (down, slow, 50 MB, invalid JSON, a redirect loop,
hostile strings and links). A national site lists them all in site.yaml; `gugus sources update`
fetches them, and `gugus build`, offline, makes the /jaringan/ pages, read back by real clients:
html.parser, icalendar, feedparser, json and the Nu HTML checker."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.request

import feedparser
import icalendar

import clientsupport as support
from network import fixtures
from network.fixtures import CDATA_END, IMG, SCRIPT
from test_nu_checker import run_checker

# site.yaml order; the kind of each source is gugus.
GOOD = ("kutim", "malang")
FAILING = ("down", "slow", "big", "invalid", "loop")
NAMES = ("kutim", "malang", "down", "slow", "big", "invalid", "loop", "hostile")
UPDATED = GOOD + ("hostile",)
DATA_FILES = ("situs.json", "regulasi.json", "kegiatan.json")
NATIONAL_URL = "https://jaringan-tppo.example.id"
MALANG_REGIONS = [("35", "Jawa Timur", "province", "ID"), ("35.07", "Malang", "regency", "35")]


class Run:
    """One `gugus sources update`: its result, what nginx logged meanwhile, how long it took."""

    def __init__(self, result, log, seconds):
        self.result = result
        self.log = log
        self.seconds = seconds
        self.lines = result.stdout.splitlines()

    def describe(self):
        return (f"exit {self.result.returncode} after {self.seconds:.1f} s\nstdout:\n{self.result.stdout}"
                f"stderr:\n{self.result.stderr}")

    def line(self, name):
        found = [line for line in self.lines if line.startswith(name + ": ")]
        return found[0] if len(found) == 1 else None

    def counts(self):
        summary = self.lines[-1] if self.lines else ""
        return {word: int(number) for number, word in re.findall(r"(\d+) (updated|unchanged|failed)", summary)}


def tree_files(root):
    """{relative path: bytes} of every file under ROOT ({} when ROOT does not exist)."""
    files = {}
    for directory, _, names in os.walk(root):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, root)] = handle.read()
    return files


def read_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def json_strings(value):
    """Every string in a parsed JSON value, keys left out."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in json_strings(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in json_strings(item)]
    return []


def near_text(element, levels=3):
    """The text of ELEMENT and of its first LEVELS ancestors, joined."""
    texts = [element.text()]
    for count, ancestor in enumerate(element.ancestors()):
        if count >= levels:
            break
        texts.append(ancestor.text())
    return "\n".join(texts)


class NetworkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gugus-network-")
        cls.nginx = None
        try:
            cls._set_up()
        except BaseException:
            cls._tear_down()
            raise

    @classmethod
    def tearDownClass(cls):
        cls._tear_down()

    @classmethod
    def _tear_down(cls):
        if cls.nginx is not None:
            cls.nginx.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def data_files(cls, name):
        """{file: bytes} of the situs.json, regulasi.json and kegiatan.json a source serves."""
        served = tree_files(os.path.join(cls.roots[name], "data"))
        return {file: data for file, data in served.items() if file in DATA_FILES}

    @classmethod
    def _set_up(cls):
        started = time.monotonic()
        gugus, now, sample = support.gugus_bin(), support.build_now(), support.site_dir()
        cls.gugus = gugus
        ports = dict(zip(("kutim", "malang", "down", "slow", "big", "invalid", "loop"),
                         fixtures.free_ports("127.0.0.1", 7)))
        ports["hostile"] = fixtures.free_ports("127.0.0.2", 1)[0]
        cls.ports = ports
        cls.bases = {name: f"http://{'127.0.0.2' if name == 'hostile' else '127.0.0.1'}:{port}"
                     for name, port in ports.items()}
        www = os.path.join(cls.tmp, "www")
        cls.roots = {name: os.path.join(www, name) for name in NAMES if name not in ("down", "loop")}

        # Two real regional sites, each built with its own nginx address as base URL.
        def built(name, site):
            result = fixtures.build(gugus, site, cls.roots[name], now, base_url=cls.bases[name], compress=False)
            if result.returncode != 0:
                raise AssertionError(f"gugus build of the {name} site failed:\n{result.stdout}{result.stderr}")

        built("kutim", sample)
        malang = os.path.join(cls.tmp, "sites", "malang")
        fixtures.copy_site(sample, malang)
        fixtures.rewrite_site(malang, title="Gugus Tugas PP-TPPO Kabupaten Malang (uji jaringan)",
                              organization="Gugus Tugas PP-TPPO Kabupaten Malang (uji)", short_name="GT PP-TPPO Malang",
                              base_url=cls.bases["malang"], region="35.07", number_tag="MLG", place="Malang",
                              regions=MALANG_REGIONS)
        built("malang", malang)
        cls.titles = {"kutim": support.site_config()["title"], "malang": "Gugus Tugas PP-TPPO Kabupaten Malang (uji jaringan)"}
        cls.organizations = {"kutim": support.site_config()["organization"]["name"],
                             "malang": "Gugus Tugas PP-TPPO Kabupaten Malang (uji)"}
        cls.regional = {name: read_json(os.path.join(cls.roots[name], "data", "regulasi.json")) for name in GOOD}
        cls.regional_events = {name: read_json(os.path.join(cls.roots[name], "data", "kegiatan.json")) for name in GOOD}
        cls.served = {name: cls.data_files(name) for name in GOOD}

        # The sources that misbehave.
        fixtures.write_misbehaving(cls.roots, cls.bases)
        cls.hostile = fixtures.Hostile(cls.bases["hostile"], cls.bases["kutim"])
        cls.hostile.write(cls.roots["hostile"])
        cls.served["hostile"] = cls.data_files("hostile")

        # One nginx for all of them; `down` is a free port nobody listens on.
        values = {f"{name.upper()}_PORT": port for name, port in ports.items() if name != "down"}
        values.update({f"{name.upper()}_ROOT": root for name, root in cls.roots.items()})
        cls.nginx = fixtures.Nginx(os.path.join(cls.tmp, "nginx"), values)
        cls.nginx.start([cls.bases["kutim"] + "/", cls.bases["malang"] + "/", cls.bases["hostile"] + "/data/situs.json"])
        cls.etags = {}
        for name in UPDATED:
            for file in ("regulasi.json", "kegiatan.json"):
                request = urllib.request.Request(f"{cls.bases[name]}/data/{file}", method="HEAD")
                with urllib.request.urlopen(request, timeout=5) as response:
                    cls.etags[(name, file)] = response.headers.get("ETag")
        cls.nginx_checks = cls.nginx.log_size()

        # The national site: a copy of the sample as another office, listing every source.
        cls.national = os.path.join(cls.tmp, "sites", "national")
        fixtures.copy_site(sample, cls.national)
        sources = [{"name": name, "url": cls.bases[name], "kind": "gugus"} for name in NAMES]
        sources[0]["region"] = "64.08"
        sources[1]["region"] = "35.07"
        fixtures.rewrite_site(cls.national, title="Jaringan Gugus Tugas PP-TPPO Nasional (uji)",
                              organization="Gugus Tugas PP-TPPO Pusat (uji jaringan)", short_name="GT PP-TPPO Pusat",
                              base_url=NATIONAL_URL, region="ID", number_tag="NAS", regions=MALANG_REGIONS,
                              sources=sources)
        cls.national_decrees = [(str(meta["number"]).replace("/K.", "/NAS."), meta)
                                for _, meta in support.content_items("decrees")]
        cls.fresh = os.path.join(cls.tmp, "sites", "fresh")
        shutil.copytree(cls.national, cls.fresh)

        def update(site, *arguments):
            offset = cls.nginx.log_size()
            begun = time.monotonic()
            result = subprocess.run([gugus, "sources", "update", site, "--timeout", "2", *arguments],
                                    capture_output=True, text=True, timeout=180)
            return Run(result, cls.nginx.log_since(offset), time.monotonic() - begun)

        def snapshot(site):
            return tree_files(os.path.join(site, "content", "sources"))

        cls.run1 = update(cls.national)
        cls.snap1 = snapshot(cls.national)
        cls.run2 = update(cls.national)
        cls.snap2 = snapshot(cls.national)
        # malang's decrees break: the next run must keep its last snapshot.
        with open(os.path.join(cls.roots["malang"], "data", "regulasi.json"), "w", encoding="utf-8") as handle:
            handle.write('[{"noPeraturan": "188/MLG.1/2026", "judul": ')
        cls.run3 = update(cls.national)
        cls.snap3 = snapshot(cls.national)
        # --only on a copy of the national site that was never updated.
        cls.run_only = update(cls.fresh, "--only", "kutim")
        cls.snap_only = snapshot(cls.fresh)
        cls.run_unknown = update(cls.fresh, "--only", "tidak-ada")
        cls.snap_unknown = snapshot(cls.fresh)

        # Offline: nothing answers any more while the national site is built, twice.
        cls.nginx.stop()
        cls.out = os.path.join(cls.tmp, "out1")
        cls.out2 = os.path.join(cls.tmp, "out2")
        cls.build1 = fixtures.build(gugus, cls.national, cls.out, now)
        cls.build2 = fixtures.build(gugus, cls.national, cls.out2, now)
        support.figure(f"network: set-up {time.monotonic() - started:.1f} s; sources update "
                       f"{cls.run1.seconds:.1f} s, again {cls.run2.seconds:.1f} s")

    # -----------------------------------------------------------------------
    # helpers

    def require_build(self):
        if self.build1.returncode != 0:
            self.fail(f"gugus build of the national site failed:\n{self.build1.stdout}{self.build1.stderr}")

    def out_path(self, *parts):
        return os.path.join(self.out, *parts)

    def page(self, url_path):
        """The parsed page of the national build at URL_PATH ("/jaringan/" …)."""
        path = self.out_path(*url_path.strip("/").split("/"), "index.html")
        self.assertTrue(os.path.isfile(path), f"{url_path} was not built")
        with open(path, encoding="utf-8") as handle:
            return support.parse_html(handle.read())

    def network_pages(self):
        """Relative paths of every HTML file under /jaringan/ of the national build."""
        root = self.out_path("jaringan")
        found = []
        for directory, _, names in os.walk(root):
            found += [os.path.relpath(os.path.join(directory, name), self.out)
                      for name in names if name.endswith(".html")]
        return sorted(found)

    def tree_of(self, rel):
        with open(self.out_path(rel), encoding="utf-8") as handle:
            return support.parse_html(handle.read())

    def network_json(self, name):
        path = self.out_path("data", "jaringan", name)
        self.assertTrue(os.path.isfile(path), f"/data/jaringan/{name} was not built")
        data = read_json(path)
        self.assertIsInstance(data, list, f"/data/jaringan/{name}")
        return data

    def event_pages(self):
        return [rel for rel in self.network_pages() if rel.startswith("jaringan/kegiatan/")]

    def hrefs(self, tree):
        return [a.get("href") for a in tree.iter("a") if a.get("href") is not None]

    def warnings(self):
        return [line for line in self.build1.stderr.splitlines() if "warning" in line.lower()]

    # -----------------------------------------------------------------------
    # the regional sites

    def test_each_regional_site_publishes_situs_json(self):
        expected = {"kutim": ("64.08", "64", "Kalimantan Timur"), "malang": ("35.07", "35", "Jawa Timur")}
        for name in GOOD:
            with self.subTest(source=name):
                path = os.path.join(self.roots[name], "data", "situs.json")
                self.assertTrue(os.path.isfile(path), f"the {name} build has no /data/situs.json")
                site = read_json(path)
                base = self.bases[name]
                self.assertEqual(site.get("format"), "gugus-situs")
                self.assertEqual(site.get("versi"), 1)
                self.assertEqual(site.get("url"), base)
                self.assertEqual(site.get("judul"), self.titles[name])
                self.assertEqual((site.get("organisasi") or {}).get("nama"), self.organizations[name])
                self.assertEqual(site.get("data"), {kind: f"{base}/data/{kind}.json"
                                                    for kind in ("kegiatan", "regulasi", "statistik")})
                code, province, province_name = expected[name]
                region = site.get("wilayah") or {}
                self.assertEqual(region.get("kode"), code)
                self.assertEqual((region.get("provinsi") or {}).get("kode"), province)
                self.assertEqual((region.get("provinsi") or {}).get("nama"), province_name)
                self.assertIn("129", [hotline.get("telepon") for hotline in site.get("layanan", [])])

    # -----------------------------------------------------------------------
    # gugus sources update

    def test_update_prints_a_line_per_source_in_order_and_a_summary(self):
        run = self.run1
        self.assertEqual(run.result.returncode, 0, run.describe())
        self.assertEqual(len(run.lines), len(NAMES) + 1, run.describe())
        self.assertEqual([line.split(":")[0] for line in run.lines[:-1]], list(NAMES), run.describe())
        self.assertTrue(run.lines[-1].startswith("sources: "), run.describe())
        counts = run.counts()
        self.assertEqual((counts.get("updated", 0), counts.get("unchanged", 0), counts.get("failed", 0)),
                         (3, 0, 5), run.lines[-1])
        # The slow source is given up after --timeout 2 (its file takes 10 s to arrive).
        self.assertLess(run.seconds, 8, run.describe())

    def test_good_and_hostile_sources_are_updated_with_a_snapshot_and_a_lock(self):
        for name in UPDATED:
            with self.subTest(source=name):
                line = self.run1.line(name)
                match = re.fullmatch(rf"{name}: updated \((.+)\)", line or "")
                self.assertIsNotNone(match, f"{line!r}\n{self.run1.describe()}")
                served = self.served[name]
                self.assertEqual(sorted(match.group(1).split(", ")), sorted(served), line)
                for file, data in served.items():
                    self.assertEqual(self.snap1.get(f"{name}/{file}"), data,
                                     f"content/sources/{name}/{file} is not the bytes served")
                lock_bytes = self.snap1.get(f"{name}.lock")
                self.assertIsNotNone(lock_bytes, f"no content/sources/{name}.lock")
                lock = json.loads(lock_bytes)
                self.assertEqual(lock.get("name"), name)
                self.assertEqual(lock.get("url"), self.bases[name])
                values = json_strings(lock)
                for file, data in served.items():
                    digest = hashlib.sha256(data).hexdigest()
                    self.assertTrue(any(digest in value for value in values), f"the lock has no sha256 of {file}")
                    self.assertIn(f"{self.bases[name]}/data/{file}", values, f"the lock has no address of {file}")
                for file in ("regulasi.json", "kegiatan.json"):
                    etag = self.etags[(name, file)]
                    self.assertTrue(etag in values or etag.strip('"') in values,
                                    f"the lock has not the ETag {etag} of {file}: {lock}")

    def test_failing_sources_say_why_and_get_no_snapshot(self):
        reasons = {
            "down": [r"connect"],
            "slow": [re.escape(f"{self.bases['slow']}/data/regulasi.json took longer than 2 s")],
            "big": [re.escape(f"{self.bases['big']}/data/regulasi.json is larger than 20 MB")],
            "invalid": [re.escape(f"{self.bases['invalid']}/data/regulasi.json is not valid JSON")],
            "loop": [r"redirect"],
        }
        for name in FAILING:
            with self.subTest(source=name):
                line = self.run1.line(name)
                match = re.fullmatch(rf"{name}: failed: (.+); no snapshot yet", line or "")
                self.assertIsNotNone(match, f"{line!r}\n{self.run1.describe()}")
                reason = match.group(1)
                self.assertIn(f"{self.bases[name]}/", reason, "the reason names the address")
                for pattern in reasons[name]:
                    self.assertRegex(reason, re.compile(pattern, re.I))
                self.assertEqual([path for path in self.snap1 if path.startswith(name + "/") or path == name + ".lock"],
                                 [], f"a failed source without a snapshot got files")

    def test_a_second_run_is_unchanged_and_asks_conditionally(self):
        run = self.run2
        self.assertEqual(run.result.returncode, 0, run.describe())
        for name in UPDATED:
            self.assertEqual(run.line(name), f"{name}: unchanged", run.describe())
        for name in FAILING:
            self.assertRegex(run.line(name) or "", rf"^{name}: failed: .+; no snapshot yet$", run.describe())
        counts = run.counts()
        self.assertEqual((counts.get("updated", 0), counts.get("unchanged", 0), counts.get("failed", 0)),
                         (0, 3, 5), run.lines[-1])
        self.assertEqual(self.snap2, self.snap1, "an unchanged source left its snapshot and lock as they were")
        for name in UPDATED:
            for file in ("regulasi.json", "kegiatan.json"):
                with self.subTest(source=name, file=file):
                    asked = [entry for entry in run.log if entry[0] == self.ports[name] and entry[2] == f"/data/{file}"]
                    self.assertTrue(asked, f"{file} of {name} was not asked for again")
                    for _, method, _, status, if_none_match, if_modified_since in asked:
                        self.assertEqual(status, 304, f"nginx answered {status} to {method} {file}: {asked}")
                        self.assertTrue(if_none_match or if_modified_since, asked)
                        if if_none_match:
                            self.assertEqual(if_none_match, self.etags[(name, file)])

    def test_a_source_that_breaks_keeps_its_last_snapshot(self):
        run = self.run3
        self.assertEqual(run.result.returncode, 0, run.describe())
        line = run.line("malang") or ""
        match = re.fullmatch(r"malang: failed: (.+); keeping the snapshot of (\d{4}-\d{2}-\d{2})", line)
        self.assertIsNotNone(match, run.describe())
        self.assertIn(f"{self.bases['malang']}/data/regulasi.json is not valid JSON", match.group(1))
        self.assertIn(match.group(2), self.snap1.get("malang.lock", b"").decode("utf-8"),
                      "the date named is not the date of the snapshot's lock")
        self.assertEqual(run.line("kutim"), "kutim: unchanged", run.describe())
        kept = {path: data for path, data in self.snap3.items() if path.startswith("malang")}
        before = {path: data for path, data in self.snap1.items() if path.startswith("malang")}
        self.assertIn("malang/regulasi.json", before)
        self.assertEqual(sorted(kept), sorted(before))
        for path in before:
            self.assertEqual(kept[path], before[path], f"content/sources/{path} changed")

    def test_only_updates_the_source_named(self):
        run = self.run_only
        self.assertEqual(run.result.returncode, 0, run.describe())
        self.assertEqual(len(run.lines), 2, run.describe())
        self.assertRegex(run.lines[0], r"^kutim: updated \(.+\)$")
        self.assertEqual(run.counts().get("updated"), 1, run.lines[-1])
        self.assertEqual(sorted({path.split("/")[0] for path in self.snap_only}),
                         ["kutim", "kutim.lock"], sorted(self.snap_only))
        ports = sorted({entry[0] for entry in run.log})
        self.assertEqual(ports, [self.ports["kutim"]], f"requests went to other sources: {run.log}")

    def test_only_an_unknown_name_is_an_error(self):
        run = self.run_unknown
        self.assertEqual(run.result.returncode, 1, run.describe())
        self.assertIn("tidak-ada", run.result.stderr + run.result.stdout)
        self.assertEqual(run.log, [], "nothing is fetched")
        self.assertEqual(self.snap_unknown, self.snap_only)

    # -----------------------------------------------------------------------
    # gugus build, offline

    def test_build_is_offline_and_byte_identical(self):
        self.require_build()
        self.assertEqual(self.build2.returncode, 0, self.build2.stdout + self.build2.stderr)
        first, second = tree_files(self.out), tree_files(self.out2)
        self.assertEqual(sorted(first), sorted(second), "the two builds wrote different files")
        different = [path for path in first if first[path] != second[path]]
        self.assertEqual(different, [], "files that differ between two builds of the same snapshots")
        support.figure(f"network: national build {len(first)} files, {len(self.network_pages())} network pages")

    def test_build_warns_about_each_record_left_out(self):
        self.require_build()
        warnings = self.warnings()
        for file, skipped in (("regulasi.json", self.hostile.skipped_decrees), ("kegiatan.json", self.hostile.skipped_events)):
            named = [line for line in warnings if f"content/sources/hostile/{file}" in line]
            for index, field, _ in skipped:
                with self.subTest(file=file, record=index):
                    self.assertTrue(any(f"$[{index}]" in line and field in line for line in named),
                                    f"no warning names content/sources/hostile/{file} and $[{index}] ({field}):\n"
                                    + "\n".join(warnings))
            listed = [0, 6] if file == "regulasi.json" else [0]
            for index in listed:
                self.assertFalse(any(f"$[{index}]" in line for line in named),
                                 f"a warning about the valid record $[{index}] of {file}:\n" + "\n".join(named))

    def test_network_pages_are_built(self):
        self.require_build()
        for path in ("jaringan/index.html", "jaringan/regulasi/index.html", "jaringan/regulasi/64/index.html",
                     "jaringan/regulasi/35/index.html", "jaringan/regulasi/id/index.html",
                     "jaringan/kegiatan/index.html", "jaringan/kalender.ics", "jaringan/feed.xml",
                     "data/jaringan/regulasi.json", "data/jaringan/kegiatan.json"):
            self.assertTrue(os.path.isfile(self.out_path(path)), f"/{path} was not built")
        index = self.page("/jaringan/regulasi/")
        linked = {support.url_path(href).rstrip("/") for href in self.hrefs(index)}
        for code in ("64", "35", "id"):
            self.assertIn(f"/jaringan/regulasi/{code}", linked, "the provinces page links to each province")
        text = index.text()
        self.assertIn("Kalimantan Timur", text)
        self.assertIn("Jawa Timur", text)

    def test_directory_lists_the_member_task_forces(self):
        self.require_build()
        tree = self.page("/jaringan/")
        text = tree.text()
        hrefs = self.hrefs(tree)
        for name in GOOD:
            with self.subTest(source=name):
                base = self.bases[name]
                self.assertTrue(self.organizations[name] in text or self.titles[name] in text,
                                f"/jaringan/ does not name the {name} task force")
                self.assertTrue(any(href == base or href.startswith(base + "/") for href in hrefs),
                                f"/jaringan/ does not link to {base}: {hrefs}")
        self.assertIn("Kutai Timur", text)
        self.assertIn("Malang", text)
        self.assertIn("129", text, "the hotline")

    def test_every_regional_decree_is_listed_with_a_link_to_its_own_page(self):
        self.require_build()
        records = self.network_json("regulasi.json")
        by_number = {}
        for record in records:
            by_number.setdefault(record.get("noPeraturan"), []).append(record)
        for name in GOOD:
            self.assertGreaterEqual(len(self.regional[name]), 3)
            for decree in self.regional[name]:
                number, url = decree["noPeraturan"], decree["urlDetailPeraturan"]
                with self.subTest(source=name, decree=number):
                    self.assertTrue(url.startswith(self.bases[name] + "/"), url)
                    listed = by_number.get(number, [])
                    self.assertEqual(len(listed), 1, f"/data/jaringan/regulasi.json lists {number} {len(listed)} times")
                    self.assertEqual(listed[0].get("urlDetailPeraturan"), url)
                    self.assertEqual(listed[0].get("sumberJaringan"), name)
                    self.assertEqual((listed[0].get("situsSumber") or "").rstrip("/"), self.bases[name])
                    province = decree["kodeWilayah"].split(".")[0].lower()
                    tree = self.page(f"/jaringan/regulasi/{province}/")
                    links = [a for a in tree.iter("a") if a.get("href") == url]
                    self.assertTrue(links, f"/jaringan/regulasi/{province}/ has no link to {url}")
                    self.assertTrue(any(number in near_text(a) for a in links),
                                    f"the link to {url} is not next to the number {number}")
        # And the national site's own decrees, under `id`.
        own = self.page("/jaringan/regulasi/id/").text()
        for number, _ in self.national_decrees:
            self.assertIn(number, own, "the site's own decrees are listed too")
            self.assertIn(number, by_number)

    def test_network_json_names_each_records_source(self):
        self.require_build()
        for file in ("regulasi.json", "kegiatan.json"):
            records = self.network_json(file)
            self.assertTrue(records, f"/data/jaringan/{file} is empty")
            for index, record in enumerate(records):
                self.assertIn("sumberJaringan", record, f"/data/jaringan/{file} $[{index}]")
        decrees = self.network_json("regulasi.json")
        numbers = [record.get("noPeraturan") for record in decrees]
        hostile = [record for record in decrees if record.get("noPeraturan") == self.hostile.listed_decree["noPeraturan"]]
        self.assertEqual(len(hostile), 1, "the hostile source's valid decree is listed, its strings intact")
        for fragment in (SCRIPT, CDATA_END, "END:VEVENT"):
            self.assertIn(fragment, hostile[0].get("judul", ""))
        self.assertEqual(hostile[0].get("sumberJaringan"), "hostile")
        self.assertIn(self.hostile.plain_decree["noPeraturan"], numbers)
        for _, _, record in self.hostile.skipped_decrees:
            if "noPeraturan" in record:
                self.assertNotIn(record["noPeraturan"], numbers, "a record left out is listed")
        events = self.network_json("kegiatan.json")
        urls = [record.get("url") for record in events]
        self.assertIn(self.hostile.listed_event["url"], urls)
        for name in GOOD:
            now = support.build_now()
            for event in self.regional_events[name]:
                if event["mulai"][:10] >= now:
                    self.assertIn(event["url"], urls, "an upcoming event of a regional site")
                elif (event.get("selesai") or event["mulai"])[:10] < now:
                    self.assertNotIn(event["url"], urls, "a past event")
        for record in decrees + events:
            for key in ("urlDetailPeraturan", "urlDownload", "url", "ics", "tautanDaring"):
                value = str(record.get(key) or "")
                self.assertFalse(value.lower().startswith("javascript:") or "evil.example" in value, (key, value))

    def test_upcoming_events_of_every_source_are_listed(self):
        self.require_build()
        pages = self.event_pages()
        self.assertIn("jaringan/kegiatan/index.html", pages)
        hrefs = [href for rel in pages for href in self.hrefs(self.tree_of(rel))]
        text = "\n".join(self.tree_of(rel).text() for rel in pages)
        self.assertIn(self.hostile.listed_event["url"], hrefs)
        for name in GOOD:
            upcoming = [event for event in self.regional_events[name] if event["mulai"][:10] >= support.build_now()]
            self.assertTrue(upcoming, f"the {name} site has no upcoming event")
            for event in upcoming:
                self.assertIn(event["url"], hrefs, "each event links to its page on its own site")
        self.assertIn(SCRIPT, text, "the hostile title is shown as text")

    def test_no_link_goes_to_another_domain_or_to_javascript(self):
        self.require_build()
        foreign = f"{self.bases['kutim']}/regulasi/h-6/"
        for rel in self.network_pages():
            for element in self.tree_of(rel).iter():
                for attribute, value in element.attrs.items():
                    value = value or ""
                    with self.subTest(page=rel, element=element.tag, attribute=attribute):
                        self.assertFalse(re.sub(r"\s", "", value).lower().startswith("javascript:"), value)
                        if attribute in ("href", "src", "action", "formaction", "cite", "poster", "srcset", "data"):
                            self.assertNotIn("evil.example", value)
                            self.assertNotEqual(value, foreign, "a hostile record's link to another source's host")

    def test_hostile_strings_are_only_ever_text(self):
        self.require_build()
        for rel in self.network_pages():
            tree = self.tree_of(rel)
            for element in tree.iter():
                self.assertNotIn("onerror", element.attrs, f"{rel}: {element!r}")
                if element.tag == "img":
                    self.assertNotEqual(element.get("src"), "x", f"{rel}: {element!r}")
                if element.tag == "script":
                    kind = element.get("type", "").strip().lower()
                    if kind in ("application/ld+json", "application/json"):
                        try:
                            json.loads(element.text())
                        except ValueError as error:
                            self.fail(f"{rel}: a {kind} block was cut short by the data ({error})")
                    else:
                        self.assertNotIn("alert(1)", element.text(), f"{rel}: a script from the data")
        province = self.page("/jaringan/regulasi/64/").text()
        self.assertIn(SCRIPT, province, "the hostile decree's title, shown as text")
        self.assertIn(IMG, province, "the hostile decree's number, shown as text")
        self.assertIn("<script>", self.page("/jaringan/").text(), "the hostile site's name, shown as text")

    def test_calendar_has_one_event_per_upcoming_event_and_no_injected_one(self):
        self.require_build()
        with open(self.out_path("jaringan", "kalender.ics"), "rb") as handle:
            data = handle.read()
        calendar = icalendar.Calendar.from_ical(data)
        events = list(calendar.walk("VEVENT"))
        listed = self.network_json("kegiatan.json")
        self.assertEqual(len(events), len(listed), "one VEVENT for each event of /data/jaringan/kegiatan.json")
        lines = data.split(b"\r\n")
        self.assertEqual(lines.count(b"BEGIN:VEVENT"), len(listed))
        self.assertEqual(lines.count(b"END:VEVENT"), len(listed))
        self.assertEqual([n for n, line in enumerate(lines, 1) if b"\n" in line or b"\r" in line], [],
                         "lines with a bare LF or CR")
        summaries = [str(event.get("SUMMARY", "")) for event in events]
        self.assertFalse([s for s in summaries if s.strip().startswith("injected")], summaries)
        hostile = [event for event in events if SCRIPT in str(event.get("SUMMARY", ""))]
        self.assertEqual(len(hostile), 1, summaries)
        self.assertIn("END:VEVENT", str(hostile[0].get("SUMMARY")), "the injection stays inside the summary")
        self.assertEqual(str(hostile[0].get("URL", "")), self.hostile.listed_event["url"])

    def test_feed_parses_without_errors(self):
        self.require_build()
        with open(self.out_path("jaringan", "feed.xml"), "rb") as handle:
            feed = feedparser.parse(handle.read())
        self.assertEqual(feed.bozo, 0, f"feedparser: {feed.get('bozo_exception')}")
        links = [link.get("href", "") for entry in feed.entries for link in entry.get("links", [])]
        self.assertIn(self.hostile.listed_event["url"], links)
        for name in GOOD:
            for event in self.regional_events[name]:
                if event["mulai"][:10] >= support.build_now():
                    self.assertIn(event["url"], links)
        self.assertFalse([link for link in links if "evil.example" in link or link.lower().startswith("javascript:")])
        titles = [entry.get("title", "") for entry in feed.entries]
        self.assertTrue(any("alert(1)" in title and "Rapat" in title for title in titles),
                        f"the hostile event's title is not in the feed as text: {titles}")

    def test_sitemap_lists_the_network_pages_not_the_remote_items(self):
        self.require_build()
        with open(self.out_path("sitemap.xml"), encoding="utf-8") as handle:
            sitemap = handle.read()
        for path in ("/jaringan/", "/jaringan/regulasi/", "/jaringan/regulasi/64/", "/jaringan/kegiatan/"):
            self.assertIn(f"<loc>{NATIONAL_URL}{path}</loc>", sitemap)
        self.assertNotIn("127.0.0.", sitemap)

    def test_network_pages_pass_the_nu_checker(self):
        self.require_build()
        pages = self.network_pages()
        self.assertGreaterEqual(len(pages), 6, pages)
        checked, errors = run_checker(self.out_path("jaringan"))
        support.figure(f"network: nu checked {checked} files under /jaringan/, {len(errors)} errors")
        for line in errors:
            print("  " + line.replace(self.out, "$OUT"))
        self.assertEqual(checked, len(pages))
        self.assertEqual(errors, [], f"{len(errors)} Nu checker errors")

    def test_network_pages_have_no_axe_violations(self):
        """axe-core (WCAG 2.2 A/AA) in Chromium on every network page, served over HTTP."""
        import functools
        import http.server
        import threading
        self.require_build()
        pages = self.network_pages()
        handler = functools.partial(support._QuietHandler, directory=self.out)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        driver = support.headless_chromium()
        try:
            for rel in pages:
                url = f"http://127.0.0.1:{server.server_port}/" + rel[: -len("index.html")]
                with self.subTest(page=rel):
                    driver.get(url)
                    result = support.run_axe(driver)
                    violations = result.get("violations", []) if isinstance(result, dict) else result
                    self.assertEqual([v["id"] for v in violations], [], url)
        finally:
            driver.quit()
            server.shutdown()
        support.figure(f"network: axe checked {len(pages)} pages")


if __name__ == "__main__":
    unittest.main()
