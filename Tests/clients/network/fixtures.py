"""Fixtures of Tests/clients/test_network.py: Gugus sites made from the sample site, the files
of the sources that misbehave, and one nginx on loopback serving all of them."""

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# The strings a hostile source puts in every field it can.
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
CDATA_END = "]]>"
ICS_BREAK = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected"
JAVASCRIPT = "javascript:alert(1)"
EVIL = "https://evil.example/x"


def free_ports(host, count):
    """`count` different free TCP ports on `host` (bound together, then released)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind((host, 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


# ---------------------------------------------------------------------------
# Sites made from the sample site.

def copy_site(sample, dest):
    """A new site folder holding a copy of the sample's content/ (the built-in theme renders it)."""
    os.makedirs(dest)
    shutil.copytree(os.path.join(sample, "content"), os.path.join(dest, "content"))


def rewrite_site(folder, *, title, organization, short_name, base_url, region, number_tag,
                 place=None, regions=(), sources=None):
    """Turns a copy of the sample into another office's site.

    site.yaml gets TITLE, ORGANIZATION (its name, short name, address and region) and BASE_URL;
    every content file's `region: "64.08"` becomes REGION; every decree number `…/K.…` becomes
    `…/NUMBER_TAG.…` (in front matter and text alike, so amendments and events still find
    their decrees); PLACE, when given, replaces the name Kutai Timur in the content's text.
    REGIONS ((code, name, level, parent) tuples) are added to regions.yaml; SOURCES, when
    given, becomes site.yaml's `sources:`."""
    content = os.path.join(folder, "content")
    config_path = os.path.join(content, "site.yaml")
    with open(config_path, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    config["title"] = title
    config["base_url"] = base_url
    organization_entry = dict(config.get("organization") or {})
    organization_entry.update({"name": organization, "short_name": short_name, "region": region,
                               "url": base_url, "email": f"sekretariat@{short_name.lower().replace(' ', '-')}.example.id"})
    config["organization"] = organization_entry
    if sources is not None:
        config["sources"] = sources
    with open(config_path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, allow_unicode=True, sort_keys=False, width=1000)

    number = re.compile(r"(?<=[0-9])/K\.(?=[0-9])")
    for directory, _, files in os.walk(content):
        for name in files:
            if not name.endswith(".md"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            text = number.sub(f"/{number_tag}.", text)
            text = text.replace('region: "64.08"', f'region: "{region}"')
            if place:
                text = text.replace("Kutai Timur", place)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)

    if regions:
        with open(os.path.join(content, "regions.yaml"), "a", encoding="utf-8") as handle:
            for code, name, level, parent in regions:
                handle.write(f'- code: "{code}"\n  name: {name}\n  level: {level}\n  parent: "{parent}"\n')


def build(gugus, site, output, now, base_url=None, compress=True):
    command = [gugus, "build", site, "-o", output, "--now", now]
    if base_url:
        command += ["--base-url", base_url]
    if not compress:
        command.append("--no-compress")
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


# ---------------------------------------------------------------------------
# The sources that misbehave.

def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=2, sort_keys=True)
        handle.write("\n")


def decree_record(base, slug, number, title, region, **changes):
    """A decree as Gugus's /data/regulasi.json writes it."""
    record = {
        "bahasa": "Indonesia", "bidangHukum": None, "dicabutOleh": [], "diubahOleh": [], "idData": slug,
        "jenis": "Keputusan Bupati", "judul": title, "kodeWilayah": region, "mencabut": [], "mengubah": [],
        "noPeraturan": number, "penandatangan": "Bupati", "singkatanJenis": "KEPBUP", "status": "Berlaku",
        "subjek": "Tindak pidana perdagangan orang", "sumber": "Gugus Tugas PP-TPPO",
        "tahun_pengundangan": "2025", "tanggal_penetapan": "2025-02-03", "tempatTerbit": "Sangatta",
        "teuBadan": "Bupati", "urlDetailPeraturan": f"{base}/regulasi/{slug}/",
        "urlDownload": f"{base}/media/regulasi/{slug}.pdf",
    }
    record.update(changes)
    return record


def event_record(base, slug, title, start, end, region, region_name, **changes):
    """An event as Gugus's /data/kegiatan.json writes it."""
    record = {
        "caraHadir": "offline", "dasarHukum": None, "ics": f"{base}/kegiatan/{slug}.ics", "id": slug,
        "jenis": "sosialisasi", "judul": title, "kodeWilayah": region, "lokasi": "Aula Kantor Camat",
        "mulai": start, "narasumber": ["Perwakilan DPPPA"], "penyelenggara": "Gugus Tugas PP-TPPO",
        "peserta": ["Warga"], "ringkasan": "Sosialisasi pencegahan TPPO.", "sasaran": "Warga",
        "selesai": end, "status": "scheduled", "tautanDaring": None, "url": f"{base}/kegiatan/{slug}/",
        "wilayah": region_name, "zonaWaktu": "Asia/Makassar",
    }
    record.update(changes)
    return record


class Hostile:
    """The files of the hostile source: which records must be listed, which left out and why."""

    def __init__(self, base, foreign_base):
        self.base = base
        # Listed: every string is markup or an injection, every link is on the source's own host.
        self.listed_decree = decree_record(
            base, "h-1-2025", f"{IMG}/H.1/2025", f"{SCRIPT} Keputusan {CDATA_END} uji{ICS_BREAK}", "64.08",
            jenis=f"Keputusan Bupati {SCRIPT}", tempatTerbit=f"Sangatta{ICS_BREAK}", teuBadan=IMG,
            penandatangan=SCRIPT, subjek=f"{CDATA_END} & <b>tebal</b>", sumber=f"{SCRIPT}{IMG}")
        self.plain_decree = decree_record(base, "900-h-7-2025", "900/H.7/2025",
                                          "Keputusan biasa sesudah catatan yang ditolak", "64.08")
        # Left out, each with the JSON path of the field at fault.
        self.skipped_decrees = [
            (1, "urlDetailPeraturan", decree_record(base, "h-2", "900/H.2/2025", "Tautan javascript",
                                                     "64.08", urlDetailPeraturan=JAVASCRIPT)),
            (2, "urlDetailPeraturan", decree_record(base, "h-3", "900/H.3/2025", "Tautan ke domain lain",
                                                     "64.08", urlDetailPeraturan=EVIL)),
            (3, "judul", decree_record(base, "h-4", "900/H.4/2025", 12345, "64.08")),
            (4, "noPeraturan", {k: v for k, v in decree_record(base, "h-5", "900/H.5/2025", "Tanpa nomor",
                                                               "64.08").items() if k != "noPeraturan"}),
            (5, "urlDetailPeraturan", decree_record(base, "h-6", "900/H.6/2025", "Tautan ke situs sumber lain",
                                                     "64.08", urlDetailPeraturan=f"{foreign_base}/regulasi/h-6/")),
        ]
        self.listed_event = event_record(
            base, "rapat-h-1", f"{SCRIPT} Rapat {CDATA_END}{ICS_BREAK}", "2027-02-01T09:00:00+08:00",
            "2027-02-01T12:00:00+08:00", "64.08", f"Kutai Timur {SCRIPT}",
            lokasi=IMG, ringkasan=f"{CDATA_END} <![CDATA[ {SCRIPT}", penyelenggara=f"{SCRIPT}{ICS_BREAK}",
            sasaran=IMG, peserta=[SCRIPT, IMG], narasumber=[f"Narasumber{ICS_BREAK}"])
        self.skipped_events = [
            (1, "url", event_record(base, "rapat-h-2", "Tautan javascript", "2027-02-02T09:00:00+08:00",
                                    None, "64.08", "Kutai Timur", url=JAVASCRIPT)),
            (2, "url", event_record(base, "rapat-h-3", "Tautan ke domain lain", "2027-02-03T09:00:00+08:00",
                                    None, "64.08", "Kutai Timur", url=EVIL)),
        ]

    def decrees(self):
        records = [self.listed_decree] + [record for _, _, record in self.skipped_decrees] + [self.plain_decree]
        for index, _, record in self.skipped_decrees:
            assert records[index] is record
        return records

    def events(self):
        records = [self.listed_event] + [record for _, _, record in self.skipped_events]
        for index, _, record in self.skipped_events:
            assert records[index] is record
        return records

    def site(self):
        return {
            "bahasa": "id",
            "data": {name: f"{self.base}/data/{name}.json" for name in ("kegiatan", "regulasi", "statistik")},
            "format": "gugus-situs",
            "judul": f"{SCRIPT} Gugus Tugas {IMG}",
            "layanan": [{"jam": f"24 jam{ICS_BREAK}", "nama": f"SAPA {SCRIPT}", "telepon": f"129{IMG}",
                         "url": JAVASCRIPT, "whatsapp": IMG}],
            "organisasi": {"alamat": f"{CDATA_END}{IMG}", "email": IMG, "nama": f"Organisasi {SCRIPT}",
                           "singkatan": IMG, "telepon": SCRIPT, "url": EVIL},
            "url": self.base,
            "versi": 1,
            "wilayah": {"kode": "64.08", "nama": f"Kutai Timur {SCRIPT}", "tingkat": "regency",
                        "provinsi": {"kode": "64", "nama": f"Kalimantan Timur {IMG}"}},
        }

    def write(self, root):
        write_json(os.path.join(root, "data", "situs.json"), self.site())
        write_json(os.path.join(root, "data", "regulasi.json"), self.decrees())
        write_json(os.path.join(root, "data", "kegiatan.json"), self.events())


def write_json_array(path, size, base):
    """A valid JSON array of decrees of at least SIZE bytes."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    record = decree_record(base, "padding", "1/P.1/2025", "Keputusan " + "x" * 900, "64.08")
    chunk = json.dumps(record)
    count = max(1, size // (len(chunk) + 2) + 1)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[")
        handle.write(",\n".join([chunk] * count))
        handle.write("]\n")


def write_misbehaving(roots, bases):
    """The files of the slow, big and invalid sources."""
    write_json_array(os.path.join(roots["slow"], "data", "regulasi.json"), 200_000, bases["slow"])
    write_json(os.path.join(roots["slow"], "data", "kegiatan.json"), [])
    write_json_array(os.path.join(roots["big"], "data", "regulasi.json"), 50 * 1000 * 1000, bases["big"])
    write_json(os.path.join(roots["big"], "data", "kegiatan.json"), [])
    os.makedirs(os.path.join(roots["invalid"], "data"), exist_ok=True)
    with open(os.path.join(roots["invalid"], "data", "regulasi.json"), "w", encoding="utf-8") as handle:
        handle.write('[{"judul": "Keputusan yang terpotong", "noPeraturan": ')
    write_json(os.path.join(roots["invalid"], "data", "kegiatan.json"), [])


# ---------------------------------------------------------------------------
# nginx

class Nginx:
    """Debian's nginx, run from FOLDER with network/nginx.conf.in; stop() ends it."""

    def __init__(self, folder, values):
        self.folder = folder
        self.process = None
        os.makedirs(os.path.join(folder, "temp"), exist_ok=True)
        with open(os.path.join(HERE, "nginx.conf.in"), encoding="utf-8") as handle:
            text = handle.read()
        values = dict(values, TMP=folder, USER="user root;" if os.geteuid() == 0 else "")
        for key, value in values.items():
            text = text.replace(f"@{key}@", str(value))
        left = re.findall(r"@[A-Z_]+@", text)
        if left:
            raise RuntimeError(f"nginx.conf.in: no value for {sorted(set(left))}")
        self.conf = os.path.join(folder, "nginx.conf")
        with open(self.conf, "w", encoding="utf-8") as handle:
            handle.write(text)
        self.access_log = os.path.join(folder, "access.log")
        self.error_log = os.path.join(folder, "error.log")
        self.binary = shutil.which("nginx") or "/usr/sbin/nginx"

    def start(self, urls):
        """Starts nginx and waits until each of URLS answers (any HTTP status)."""
        command = [self.binary, "-p", self.folder, "-c", self.conf, "-e", self.error_log]
        checked = subprocess.run(command + ["-t", "-q"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{checked.stdout}{checked.stderr}{self.errors()}")
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        for url in urls:
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError(f"nginx exited with {self.process.returncode}:\n{self.errors()}")
                try:
                    urllib.request.urlopen(url, timeout=2).close()
                    break
                except urllib.error.HTTPError:
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"nginx does not answer {url}:\n{self.errors()}")
                    time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def errors(self):
        try:
            with open(self.error_log, encoding="utf-8", errors="replace") as handle:
                return handle.read()
        except OSError:
            return ""

    def log_size(self):
        try:
            return os.path.getsize(self.access_log)
        except OSError:
            return 0

    def log_since(self, offset):
        """[(port, method, path, status, if-none-match, if-modified-since)] logged after OFFSET."""
        entries = []
        with open(self.access_log, encoding="utf-8", errors="replace") as handle:
            handle.seek(offset)
            for line in handle:
                match = re.match(r'\S+:(\d+) "(\S+) (\S+)[^"]*" (\d+) \d+ inm="(.*)" ims="(.*)"$', line.rstrip("\n"))
                if match:
                    # nginx writes a quote or a backslash in a logged value as \xHH.
                    port, method, path, status, inm, ims = (
                        re.sub(r"\\x([0-9A-Fa-f]{2})", lambda hex: chr(int(hex.group(1), 16)), group)
                        for group in match.groups())
                    entries.append((int(port), method, path, int(status),
                                    "" if inm == "-" else inm, "" if ims == "-" else ims))
        return entries
