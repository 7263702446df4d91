#!/usr/bin/env python3
"""Writes a deterministic synthetic Gugus site and its Hugo twin, for the benchmark.

Usage: Benchmarks/make-corpus.py SIZE DIR [--seed N] [--shape standard|simple|long]

SIZE is the number of Markdown content files (news ~70%, events ~15%, decrees ~8%,
statistics ~5% with a CSV beside most of them, pages ~2%). It writes

  DIR/gugus/content/...   a site following the content contract (CONTENT.md)
  DIR/hugo/...            the same items and byte-identical Markdown bodies for Hugo
  DIR/manifest.json       counts, the seed, the shape and the generator's hash

The shape (default standard) changes the corpus, not its types and shares:

  standard  bodies of 1-4 KB, 553 regions, 1-3 tags a page; Hugo with the layouts of
            Benchmarks/hugo-layouts/ (the work of Gugus's default theme)
  simple    three times as many regencies and cities (1,581 regions, used by content), mostly short bodies
            with a spread (a few hundred bytes to 12 KB); Hugo with the minimal layouts of
            Benchmarks/hugo-layouts-simple/ (title, date, content, plain lists of links,
            Hugo's own pagination template)
  long      bodies of 1,900-5,700 words (headings, paragraphs, lists, 1-4 GFM tables of
            10-40 rows, links, emphasis, code spans) and 8-20 tags a page from a vocabulary
            of 300; Hugo with the layouts of Benchmarks/hugo-layouts/

The same SIZE, seed and shape always give the same bytes (Python 3 standard library only).
Build the results with
  gugus build DIR/gugus -o DIR/gugus-public --now 2026-11-23
  hugo --quiet -s DIR/hugo -d DIR/hugo-public
"""
import argparse
import bisect
import datetime as dt
import hashlib
import itertools
import json
import os
import random
import shutil
import sys
import unicodedata

NOW = dt.date(2026, 11, 23)
PER_PAGE = 10
SHARES = [("news", 0.70), ("events", 0.15), ("decrees", 0.08), ("statistics", 0.05), ("pages", 0.02)]
# Gugus folder -> Hugo section (pages live at the root of both sites).
SECTION = {"news": "berita", "events": "kegiatan", "decrees": "regulasi", "statistics": "statistik", "pages": ""}
SHAPES = ("standard", "simple", "long")
# The Hugo layouts of each shape (folders beside this file).
LAYOUTS = {"standard": "hugo-layouts", "simple": "hugo-layouts-simple", "long": "hugo-layouts"}
# The render hooks every shape uses (Hugo resolves the bodies' `../news/x.md` links through
# the link hook): kept once, in the standard layouts, and copied into a shape's layouts that
# have none.
RENDER_HOOKS = os.path.join("hugo-layouts", "_default", "_markup")
# How many times the regencies and cities of each province the shape lists.
REGION_FACTOR = {"standard": 1, "simple": 3, "long": 1}
RESERVED = {"berita", "kegiatan", "regulasi", "statistik", "wilayah", "tag", "cari", "data", "media", "page",
            "assets", "admin", "404", "regions", "tags"}


def slugify(text, max_length=80):
    """The same rule as Gugus's Slug.make: ASCII letters and digits, runs of anything else as one dash."""
    out = []
    pending = False
    for ch in unicodedata.normalize("NFD", text):
        o = ord(ch)
        if 0x61 <= o <= 0x7A or 0x30 <= o <= 0x39 or 0x41 <= o <= 0x5A:
            if pending and out:
                out.append("-")
            pending = False
            out.append(ch.lower())
        elif 0x300 <= o <= 0x36F:
            continue
        else:
            pending = True
        if len(out) >= max_length:
            break
    return "".join(out).rstrip("-")


def short_slug(title, limit=64):
    """A slug from a title, cut at a word boundary."""
    slug = slugify(title, 200)
    if len(slug) > limit:
        slug = slug[:limit]
        slug = slug[: slug.rfind("-")] if "-" in slug else slug
    return slug


def q(value):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def qlist(values):
    return "[" + ", ".join(q(v) for v in values) + "]"


# ---------------------------------------------------------------------------------------
# Regions: the national level, 38 provinces (real names and codes) and 514 regencies and
# cities with synthetic names, coded Kemendagri-style (regencies PP.01.., cities PP.71..).

PROVINCES = [
    ("11", "Aceh", 18, 5), ("12", "Sumatera Utara", 25, 8), ("13", "Sumatera Barat", 12, 7), ("14", "Riau", 10, 2),
    ("15", "Jambi", 9, 2), ("16", "Sumatera Selatan", 13, 4), ("17", "Bengkulu", 9, 1), ("18", "Lampung", 13, 2),
    ("19", "Kepulauan Bangka Belitung", 6, 1), ("21", "Kepulauan Riau", 5, 2), ("31", "DKI Jakarta", 1, 5),
    ("32", "Jawa Barat", 18, 9), ("33", "Jawa Tengah", 29, 6), ("34", "DI Yogyakarta", 4, 1), ("35", "Jawa Timur", 29, 9),
    ("36", "Banten", 4, 4), ("51", "Bali", 8, 1), ("52", "Nusa Tenggara Barat", 8, 2), ("53", "Nusa Tenggara Timur", 21, 1),
    ("61", "Kalimantan Barat", 12, 2), ("62", "Kalimantan Tengah", 13, 1), ("63", "Kalimantan Selatan", 11, 2),
    ("64", "Kalimantan Timur", 7, 3), ("65", "Kalimantan Utara", 4, 1), ("71", "Sulawesi Utara", 11, 4),
    ("72", "Sulawesi Tengah", 12, 1), ("73", "Sulawesi Selatan", 21, 3), ("74", "Sulawesi Tenggara", 15, 2),
    ("75", "Gorontalo", 5, 1), ("76", "Sulawesi Barat", 6, 0), ("81", "Maluku", 9, 2), ("82", "Maluku Utara", 8, 2),
    ("91", "Papua", 8, 1), ("92", "Papua Barat", 7, 0), ("93", "Papua Selatan", 4, 0), ("94", "Papua Tengah", 8, 0),
    ("95", "Papua Pegunungan", 8, 0), ("96", "Papua Barat Daya", 5, 1),
]
PREFIXES = ["Sungai", "Tanjung", "Bukit", "Teluk", "Muara", "Pulau", "Batu", "Kuala", "Air", "Lubuk", "Padang",
            "Tanah", "Gunung", "Danau", "Labuhan", "Rantau", "Karang", "Sei", "Lembah", "Ujung", "Pematang",
            "Bandar", "Pasir", "Sumber", "Rawa", "Kali", "Tebing", "Siring"]
ROOTS = ["Jaya", "Makmur", "Indah", "Harapan", "Baru", "Lestari", "Permai", "Sari", "Mas", "Raya", "Kencana",
         "Mulia", "Agung", "Sentosa", "Bening", "Hijau", "Panjang", "Putih", "Merah", "Tinggi", "Besar", "Damai",
         "Asri", "Sejahtera", "Rejo", "Mulyo", "Wangi", "Emas", "Intan", "Melati", "Cempaka", "Kenanga", "Pinang",
         "Kelapa", "Nipah", "Rotan", "Jati", "Meranti", "Cendana", "Beringin", "Bambu", "Gading", "Tembesu", "Ulin"]
SYLLABLES = ["ka", "ra", "ma", "sa", "ta", "la", "nga", "wa", "ba", "da", "pa", "ja", "ri", "ru", "to", "lo",
             "ne", "se", "tu", "bu", "su", "ga", "ro", "ke", "lang", "tan", "pur", "rang", "bo", "mun", "sing", "gi"]
DIRECTIONS = ["Utara", "Selatan", "Timur", "Barat", "Tengah", "Hulu", "Hilir"]


def invented_word(rng):
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 3, 3, 4])))
    return word.capitalize()


def place_name(rng):
    r = rng.random()
    if r < 0.45:
        name = rng.choice(PREFIXES) + " " + rng.choice(ROOTS)
    elif r < 0.8:
        name = invented_word(rng)
    else:
        name = invented_word(rng) + " " + rng.choice(DIRECTIONS)
    return name


def make_regions(rng, factor=1):
    """`factor` times the regencies and cities of each province (1: as many as there are).
    Cities are numbered from 71; regencies from 01, skipping the cities' numbers (a factor
    of 3 gives three provinces more than 70 regencies: 33.01-33.70, then 33.89-33.105)."""
    regions = [{"code": "ID", "name": "Indonesia", "level": "national", "parent": None}]
    used = set(p[1] for p in PROVINCES)
    for code, name, regencies, cities in PROVINCES:
        regencies, cities = regencies * factor, cities * factor
        regions.append({"code": code, "name": name, "level": "province", "parent": "ID"})
        city_numbers = range(71, 71 + cities)
        regency_numbers = list(itertools.islice((n for n in itertools.count(1) if n not in city_numbers), regencies))
        for i in range(regencies + cities):
            while True:
                base = place_name(rng)
                if base not in used:
                    used.add(base)
                    break
            if i < regencies:
                regions.append({"code": f"{code}.{regency_numbers[i]:02d}", "name": base, "level": "regency", "parent": code})
            else:
                regions.append({"code": f"{code}.{city_numbers[i - regencies]:02d}", "name": "Kota " + base, "level": "city",
                                "parent": code})
    for region in regions:
        region["segment"] = slugify(region["code"])
    return regions


def region_full(region):
    return {"national": "Indonesia", "province": "Provinsi " + region["name"],
            "regency": "Kabupaten " + region["name"], "city": region["name"]}[region["level"]]


def region_short(region):
    return region["name"]


# ---------------------------------------------------------------------------------------
# Vocabulary

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
TAGS = ["tppo", "pencegahan", "penanganan", "gugus-tugas", "sosialisasi", "advokasi", "rakor", "pelatihan",
        "webinar", "pekerja-migran", "perempuan", "anak", "korban", "rehabilitasi", "pemulangan", "reintegrasi",
        "penegakan-hukum", "regulasi", "statistik", "sapa-129", "pengaduan", "desa", "perbatasan", "modus",
        "rekrutmen-ilegal", "lowongan-kerja", "pendampingan", "kerja-sama"]
AGENCIES = ["Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas Sosial",
            "Dinas Tenaga Kerja dan Transmigrasi", "Polres", "Kejaksaan Negeri", "Dinas Kesehatan",
            "Dinas Pendidikan", "Kantor Imigrasi", "BP3MI", "Dinas Kependudukan dan Pencatatan Sipil", "Bappeda",
            "Dinas Komunikasi dan Informatika", "Kantor Kementerian Agama", "UPTD PPA"]
AGENCY_SHORT = ["DP3A", "Dinsos", "Disnakertrans", "Polres", "Kejari", "Dinkes", "Disdik", "Imigrasi", "BP3MI",
                "Disdukcapil", "Bappeda", "Diskominfo", "Kemenag", "UPTD PPA"]
POSITIONS = ["Kepala Dinas", "Sekretaris Daerah", "Kepala Bidang Perlindungan Perempuan", "Kepala Seksi",
             "Kapolres", "Kepala Kejaksaan Negeri", "Camat", "Kepala UPTD PPA", "Asisten Pemerintahan"]
GROUPS = ["Sub Gugus Tugas Pencegahan dan Partisipasi Anak", "Sub Gugus Tugas Rehabilitasi Kesehatan",
          "Sub Gugus Tugas Rehabilitasi Sosial, Pemulangan dan Reintegrasi Sosial",
          "Sub Gugus Tugas Pengembangan Norma Hukum", "Sub Gugus Tugas Penegakan Hukum",
          "Sub Gugus Tugas Koordinasi dan Kerja Sama"]
EXTERNAL = [("situs KemenPPPA", "https://www.kemenpppa.go.id/"), ("BP2MI", "https://bp2mi.go.id/"),
            ("Polri", "https://www.polri.go.id/"), ("JDIH BPK", "https://peraturan.bpk.go.id/"),
            ("Kementerian Ketenagakerjaan", "https://kemnaker.go.id/"),
            ("Kementerian Luar Negeri", "https://kemlu.go.id/"),
            ("laporan IOM Indonesia", "https://indonesia.iom.int/"),
            ("kanal pengaduan LAPOR!", "https://www.lapor.go.id/")]
NEWS_TITLES = [
    "Sosialisasi Pencegahan TPPO di Kecamatan {district}, {full}",
    "Gugus Tugas PP-TPPO {short} Gelar Rapat Koordinasi Triwulan {q}",
    "{agency_short} {short} Dampingi {n} Korban Perdagangan Orang",
    "Waspada Lowongan Kerja Palsu, Warga {district} Diminta Melapor",
    "Pemulangan {n} Pekerja Migran Nonprosedural Asal {short}",
    "Pelatihan Pendamping Korban TPPO bagi Kader Desa di {short}",
    "Polres {short} Ungkap Jaringan Perekrutan Ilegal",
    "Rakor Lintas Sektor Bahas Penanganan TPPO di {full}",
    "Desa {village} Bentuk Satgas Pencegahan Perdagangan Orang",
    "Webinar Sinergi Pencegahan TPPO Diikuti {n} Peserta dari {short}",
    "Pemerintah {full} Perkuat Layanan Pengaduan SAPA 129",
    "Kampanye Anti-TPPO Sasar Pelajar SMA di {district}",
    "Evaluasi Program Kerja Gugus Tugas {short} Tahun {year}",
    "Tokoh Agama {short} Diajak Sebarkan Pesan Pencegahan TPPO",
    "{n} Calon Pekerja Migran Dicegah Berangkat di Pelabuhan {village}",
]
EVENT_TITLES = {
    "sosialisasi": "Sosialisasi Pencegahan TPPO di Kecamatan {district}",
    "advokasi": "Advokasi Kebijakan Gugus Tugas PP-TPPO {short}",
    "rakor": "Rapat Koordinasi Gugus Tugas PP-TPPO {full}",
    "webinar": "Webinar Pencegahan Perdagangan Orang Seri {n}",
    "pelatihan": "Pelatihan Pendamping Korban TPPO {short}",
    "lainnya": "Kampanye Hari Dunia Anti Perdagangan Orang di {short}",
}
PAGE_TOPICS = ["Apa Itu Tindak Pidana Perdagangan Orang", "Cara Melapor Dugaan Perdagangan Orang",
               "Modus Perekrutan yang Perlu Dikenali", "Hak Korban dan Layanan yang Tersedia",
               "Tentang Gugus Tugas PP-TPPO", "Bekerja ke Luar Negeri dengan Aman",
               "Peran Desa dalam Pencegahan", "Pertanyaan yang Sering Diajukan",
               "Alur Rujukan Korban", "Dasar Hukum Penanganan TPPO", "Layanan Pemulangan Korban",
               "Panduan bagi Sekolah", "Panduan bagi Tokoh Agama", "Kontak Sekretariat Daerah"]
DATASET_TOPICS = ["Laporan Dugaan TPPO dan Korban yang Dilayani", "Peserta Sosialisasi Pencegahan TPPO",
                  "Pekerja Migran Nonprosedural yang Dipulangkan", "Perkara TPPO yang Diproses",
                  "Korban TPPO Menurut Jenis Kelamin dan Usia", "Desa dengan Satgas Pencegahan"]
SERIES = ["laporan", "korban_dilayani", "korban_perempuan", "korban_anak", "pelaku_diproses",
          "peserta_sosialisasi", "pekerja_migran_dipulangkan", "desa_terlibat"]
SENTENCES = [
    "Kegiatan ini digelar oleh {agency} {full} bersama anggota gugus tugas dari berbagai perangkat daerah.",
    "Sebanyak {n} peserta hadir, terdiri atas perangkat desa, kader PKK, tokoh agama, dan perwakilan sekolah.",
    "Menurut data sekretariat gugus tugas, sepanjang {year} tercatat {n2} laporan dugaan perdagangan orang di wilayah ini.",
    "Sebagian besar korban direkrut melalui *tawaran kerja* yang menjanjikan gaji tinggi tanpa prosedur resmi.",
    "Perekrut kerap memanfaatkan media sosial dan aplikasi pesan untuk menjangkau calon korban.",
    "Warga diminta memeriksa keabsahan perusahaan penempatan melalui dinas tenaga kerja sebelum berangkat.",
    "Korban yang berhasil dipulangkan mendapat pendampingan psikologis, layanan kesehatan, dan bantuan hukum.",
    "Camat {district} menyampaikan bahwa desa-desa di wilayahnya termasuk daerah asal pekerja migran.",
    "Gugus tugas juga menyusun alur rujukan agar setiap laporan ditangani dalam waktu singkat.",
    "Pemerintah daerah berkomitmen menganggarkan kegiatan pencegahan di tingkat desa pada tahun {year1}.",
    "Koordinasi dengan kepolisian dan kejaksaan dilakukan agar pelaku dapat diproses sesuai undang-undang.",
    "Masyarakat dapat melapor melalui layanan **SAPA 129** yang dapat dihubungi 24 jam.",
    "Anak dan perempuan menjadi kelompok paling rentan, terutama di daerah dengan angka putus sekolah tinggi.",
    "Dalam diskusi, peserta menyoroti pentingnya dokumen kependudukan yang sah bagi setiap calon pekerja.",
    "Sosialisasi dilanjutkan dengan tanya jawab seputar ciri-ciri lowongan kerja palsu.",
    "Data korban diperlakukan secara _rahasia_ dan hanya dibagikan kepada layanan yang menangani.",
    "Para kepala desa sepakat memasang informasi layanan pengaduan di kantor desa dan tempat ibadah.",
    "Kegiatan ditutup dengan penandatanganan komitmen bersama untuk mencegah perdagangan orang.",
    "Narasumber dari {agency} menjelaskan dasar hukum penanganan TPPO, termasuk Undang-Undang Nomor 21 Tahun 2007.",
    "Pelaksanaan program kerja dievaluasi setiap triwulan dalam rapat koordinasi gugus tugas.",
    "Selain sosialisasi tatap muka, materi pencegahan juga disebarkan melalui radio komunitas.",
    "Tim pendamping memastikan korban tidak kembali direkrut oleh jaringan yang sama.",
    "{agency} mencatat {n} pekerja migran nonprosedural asal daerah ini dipulangkan pada {month} {year}.",
    "Peserta pelatihan diharapkan menjadi **penggerak pencegahan** di lingkungan masing-masing.",
    "Kerja sama dengan perguruan tinggi dilakukan untuk memetakan desa yang rawan perekrutan ilegal.",
    "Informasi yang beredar tanpa sumber jelas ~~tidak boleh~~ sebaiknya tidak langsung dipercaya.",
    "Petugas menggunakan formulir `F-01` untuk mencatat setiap laporan yang masuk.",
]
LINK_SENTENCES = {
    "news": ["Berita terkait: [{title}]({href}).", "Informasi sebelumnya dapat dibaca dalam [{title}]({href}).",
             "Baca juga [{title}]({href})."],
    "events": ["Kegiatan ini merupakan tindak lanjut dari [{title}]({href}).",
               "Jadwal lengkapnya ada di halaman [{title}]({href})."],
    "decrees": ["Dasar pelaksanaannya adalah [Keputusan {number}]({href}).",
                "Susunan gugus tugas ditetapkan dalam [Keputusan {number}]({href})."],
    "pages": ["Langkah melapor dijelaskan di halaman [{title}]({href}).", "Lihat juga [{title}]({href})."],
    "statistics": ["Data lengkap tersedia pada [{title}]({href}).", "Angka per tahun dapat dilihat di [{title}]({href})."],
}
HEADINGS = ["Latar belakang", "Hasil kegiatan", "Langkah berikutnya", "Modus yang perlu diwaspadai", "Data dan fakta",
            "Cara melapor", "Peran masyarakat", "Tindak lanjut", "Dasar hukum", "Rekomendasi", "Catatan gugus tugas"]
BULLETS = ["Tawaran kerja dengan gaji tinggi tanpa syarat keahlian.",
           "Biaya keberangkatan ditanggung perekrut lalu dipotong dari gaji.",
           "Dokumen perjalanan ditahan oleh agen atau majikan.", "Calon pekerja diminta berangkat melalui jalur tidak resmi.",
           "Perekrut meminta data pribadi melalui pesan singkat.", "Pemeriksaan izin perusahaan di dinas tenaga kerja.",
           "Pendataan warga yang bekerja di luar daerah.", "Penyuluhan di sekolah dan pondok pesantren.",
           "**Pendampingan korban** oleh UPTD PPA.", "Penguatan peran kader desa dan PKK.",
           "Pemasangan spanduk layanan pengaduan di pelabuhan dan terminal.",
           "Pelatihan aparat desa tentang tanda-tanda perdagangan orang.",
           "Pertukaran data antara dinas tenaga kerja dan imigrasi."]
STEPS = ["Hubungi SAPA 129 atau datangi UPTD PPA terdekat.", "Sampaikan identitas pelapor dan kronologi kejadian.",
         "Petugas mencatat laporan dan menilai kebutuhan korban.",
         "Korban dirujuk ke layanan kesehatan, psikologis, atau hukum.",
         "Kasus diteruskan ke kepolisian bila ada unsur pidana.", "Gugus tugas memantau penanganan hingga korban pulih.",
         "Hasil penanganan dilaporkan dalam rapat koordinasi berikutnya."]
QUOTES = ["> **Penting.** Jangan serahkan dokumen asli kepada perekrut yang tidak jelas.",
          "> Laporan dapat disampaikan tanpa menyebutkan nama pelapor.",
          "> *Setiap orang berhak bekerja dengan aman dan bermartabat.*"]

# The `long` shape: a vocabulary of 300 tags (the 28 above, then topic-place pairs) and
# more sentences, richer in emphasis and code spans, for bodies of thousands of words.
TAG_TOPICS = ["pencegahan", "penanganan", "sosialisasi", "pendampingan", "pemulangan", "rehabilitasi",
              "pelaporan", "pendataan", "pelatihan", "koordinasi", "penegakan-hukum", "perlindungan-anak",
              "pekerja-migran", "perekrutan", "reintegrasi", "layanan-korban", "kampanye", "pengawasan"]
TAG_PLACES = ["desa", "sekolah", "pelabuhan", "perbatasan", "bandara", "terminal", "pesantren", "kampus",
              "pasar", "kecamatan", "kabupaten", "provinsi", "daring", "keluarga", "komunitas", "media-sosial"]
TAG_VOCABULARY = list(dict.fromkeys(TAGS + [f"{t}-{p}" for t in TAG_TOPICS for p in TAG_PLACES]))[:300]
LONG_SENTENCES = SENTENCES + [
    "Formulir `F-02` dipakai untuk rujukan ke layanan kesehatan, sedangkan formulir `F-03` untuk layanan hukum.",
    "Setiap laporan diberi nomor `LP-{year}-{n}` agar mudah ditelusuri oleh petugas berikutnya.",
    "Petugas *wajib* menjaga kerahasiaan identitas korban, termasuk **nama, alamat, dan foto**.",
    "Rapat menyepakati bahwa data dikirim ke sekretariat paling lambat tanggal `5` setiap bulan.",
    "Menurut {agency}, jumlah laporan pada {month} {year} naik **{n2} persen** dibanding bulan sebelumnya.",
    "Materi sosialisasi tersedia dalam bahasa daerah dan dibagikan melalui _grup pesan_ warga.",
    "Kepala desa diminta mencatat warga yang berangkat bekerja dengan kode status `berangkat`, `pulang`, atau `hilang kontak`.",
    "Sebagian peserta mengaku pernah menerima tawaran kerja dengan syarat ~~tanpa biaya~~ yang ternyata berbiaya besar.",
    "Gugus tugas {short} menargetkan seluruh {n} desa memiliki satgas pencegahan sebelum akhir {year1}.",
    "Pendamping memakai daftar periksa `DP-TPPO` untuk menilai kebutuhan **psikologis**, *medis*, dan hukum korban.",
    "Hasil pemantauan menunjukkan modus baru berupa *magang palsu* di luar negeri yang menyasar lulusan SMK.",
    "Pemerintah {full} menyediakan rumah aman sementara bagi korban yang belum dapat kembali ke keluarganya.",
]
LONG_HEADINGS = HEADINGS + ["Ringkasan", "Gambaran umum", "Temuan lapangan", "Pembagian peran", "Anggaran",
                            "Kendala", "Capaian", "Pembelajaran", "Jadwal", "Indikator", "Lampiran data",
                            "Kerja sama lintas daerah", "Layanan korban", "Pencegahan di desa"]
AGENCY_TASKS = ["Pendataan warga", "Sosialisasi sekolah", "Pendampingan korban", "Pemeriksaan perusahaan",
                "Rujukan kesehatan", "Bantuan hukum", "Pemulangan", "Reintegrasi sosial", "Patroli pelabuhan"]


# ---------------------------------------------------------------------------------------
# The corpus

class Corpus:
    def __init__(self, size, seed, shape="standard"):
        self.size = size
        self.shape = shape
        self.rng = random.Random(seed)
        self.regions = make_regions(random.Random(seed + 1), REGION_FACTOR[shape])
        self.region_by_code = {r["code"]: r for r in self.regions}
        self.local_regions = [r for r in self.regions if r["level"] in ("regency", "city")]
        self.provinces = [r for r in self.regions if r["level"] == "province"]
        self.counts = self.split(size)
        self.slugs = {kind: set() for kind in SECTION}
        self.items = {kind: [] for kind in SECTION}
        self.media = []

    @staticmethod
    def split(size):
        counts = {kind: max(1, int(size * share)) for kind, share in SHARES}
        counts["news"] += size - sum(counts.values())
        return counts

    # -- helpers
    def date_between(self, start, end):
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def pick_region(self):
        r = self.rng.random()
        if r < 0.08:
            return self.regions[0]
        if r < 0.25:
            return self.rng.choice(self.provinces)
        return self.rng.choice(self.local_regions)

    def slots(self, region, when=None):
        rng = self.rng
        agency_index = rng.randrange(len(AGENCIES))
        year = (when or NOW).year
        return {"full": region_full(region), "short": region_short(region), "district": place_name(rng),
                "village": place_name(rng), "agency": AGENCIES[agency_index], "agency_short": AGENCY_SHORT[agency_index],
                "n": rng.randint(3, 250), "n2": rng.randint(2, 60), "q": rng.choice(["I", "II", "III", "IV"]),
                "year": year, "year1": year + 1, "month": MONTHS[rng.randrange(12)]}

    def unique_slug(self, kind, base):
        slug = base or kind
        n = 2
        while slug in self.slugs[kind] or (kind == "pages" and slug in RESERVED):
            slug = f"{base}-{n}"
            n += 1
        self.slugs[kind].add(slug)
        return slug

    def tags(self, extra=()):
        if self.shape == "long":
            chosen = list(extra) + self.rng.sample(TAG_VOCABULARY, self.rng.randint(8, 20))
        else:
            chosen = list(extra) + self.rng.sample(TAGS, self.rng.randint(1, 3))
        return list(dict.fromkeys(chosen))

    # -- media
    def make_media(self):
        n = max(5, self.size // 200)
        for i in range(n):
            self.media.append(("foto/foto-%03d.svg" % i, svg(i)))
            self.media.append(("regulasi/dokumen-%03d.pdf" % i, pdf(i)))
        self.photos = [m for m, _ in self.media if m.startswith("foto/")]
        self.documents = [m for m, _ in self.media if m.startswith("regulasi/")]

    # -- decrees (sorted by date; each may only amend or revoke an earlier one: no cycles)
    def make_decrees(self):
        rng = self.rng
        numbers = set()
        dates = sorted(self.date_between(dt.date(2015, 1, 5), dt.date(2026, 10, 30)) for _ in range(self.counts["decrees"]))
        for index, date in enumerate(dates):
            region = self.pick_region()
            while True:
                pattern = rng.randrange(4)
                if pattern == 0:
                    number = f"{rng.randint(100, 999)}/K.{rng.randint(100, 999)}/{date.year}"
                elif pattern == 1:
                    number = f"100.3.3.2/K.{rng.randint(100, 999)}/{date.year}"
                elif pattern == 2:
                    number = f"188.45/{rng.randint(10, 999)}/HK/{date.year}"
                else:
                    number = f"463/KEP.{rng.randint(10, 999)}/DP3A/{date.year}"
                slug = slugify(number)
                if number not in numbers and slug not in self.slugs["decrees"]:
                    break
            numbers.add(number)
            self.slugs["decrees"].add(slug)
            level = region["level"]
            kind, issuer = {
                "national": ("Keputusan Menteri", "Menteri Pemberdayaan Perempuan dan Perlindungan Anak"),
                "province": ("Keputusan Gubernur", "Gubernur " + region["name"]),
                "regency": ("Keputusan Bupati", "Bupati " + region["name"]),
                "city": ("Keputusan Wali Kota", "Wali Kota " + region["name"][len("Kota "):]),
            }[level]
            subject = rng.choice(["Pembentukan Gugus Tugas", "Perubahan Susunan Keanggotaan Gugus Tugas",
                                  "Rencana Aksi Daerah Pencegahan dan Penanganan", "Standar Layanan Pengaduan Korban"])
            decree = {
                "kind_": "decrees", "slug": slug, "file": "sk-" + slug, "number": number, "date": date, "region": region,
                "title": f"{subject} Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang {region_full(region)}",
                "kind": kind, "issuer": issuer, "place": region["name"] if level != "national" else "Jakarta",
                "amends": [], "revokes": [], "tags": self.tags(["regulasi"]), "summary": None, "draft": False,
                "aliases": [], "amended_by": [], "revoked_by": [],
            }
            if index > 0 and rng.random() < 0.25:
                # Prefer an earlier decree of the same region, else any earlier one.
                same = [d for d in self.items["decrees"][-200:] if d["region"] is region]
                target = rng.choice(same) if same else self.items["decrees"][rng.randrange(index)]
                (decree["revokes"] if rng.random() < 0.3 else decree["amends"]).append(target["number"])
                if rng.random() < 0.15 and index > 1:
                    other = self.items["decrees"][rng.randrange(index)]
                    if other["number"] != target["number"]:
                        decree["amends"].append(other["number"])
            if rng.random() < 0.5:
                decree["document"] = "media/" + rng.choice(self.documents)
            if rng.random() < 0.6:
                decree["signatory"] = issuer
            decree["subjects"] = rng.sample(["Tindak pidana perdagangan orang", "Gugus tugas", "Perlindungan anak",
                                             "Pekerja migran", "Layanan korban", "Rencana aksi"], rng.randint(1, 3))
            if rng.random() < 0.4:
                decree["members"] = [{"group": rng.choice(GROUPS), "role": rng.choice(["Ketua", "Wakil Ketua", "Anggota", "Anggota", "Anggota"]),
                                      "position": rng.choice(POSITIONS),
                                      "agency": rng.choice(AGENCIES) + " " + region_full(region)}
                                     for _ in range(rng.randint(4, 18))]
            self.items["decrees"].append(decree)
        by_number = {d["number"]: d for d in self.items["decrees"]}
        for d in self.items["decrees"]:
            for n in d["amends"]:
                by_number[n]["amended_by"].append(d["number"])
            for n in d["revokes"]:
                by_number[n]["revoked_by"].append(d["number"])
        for d in self.items["decrees"]:
            d["status"] = "revoked" if d["revoked_by"] else ("amended" if d["amended_by"] else "in-force")
            d["write_status"] = self.rng.random() < 0.3
        self.decree_dates = [d["date"] for d in self.items["decrees"]]

    def earlier_decree(self, date):
        count = bisect.bisect_right(self.decree_dates, date)
        return self.items["decrees"][self.rng.randrange(count)] if count else None

    # -- events
    def make_events(self):
        rng = self.rng
        for _ in range(self.counts["events"]):
            region = self.pick_region()
            start = self.date_between(dt.date(2018, 1, 1), dt.date(2027, 6, 30))
            kind = rng.choice(["sosialisasi", "sosialisasi", "sosialisasi", "advokasi", "rakor", "rakor", "webinar",
                               "pelatihan", "lainnya"])
            s = self.slots(region, start)
            title = EVENT_TITLES[kind].format(**s) + f" {start.year}"
            event = {"kind_": "events", "title": title, "kind": kind, "region": region, "date": start,
                     "slug": None, "tags": self.tags([kind]), "summary": None, "draft": False, "aliases": []}
            event["slug"] = event["file"] = self.unique_slug("events", short_slug(title))
            if rng.random() < 0.3:
                event["summary"] = f"{s['agency']} mengajak {s['full']} mengenali dan mencegah perdagangan orang."
            if rng.random() < 0.5:
                hour = rng.choice([8, 9, 9, 10, 13, 14])
                event["start"] = f"{start.isoformat()}T{hour:02d}:{rng.choice([0, 30]):02d}"
                if rng.random() < 0.6:
                    event["end"] = f"{start.isoformat()}T{hour + rng.randint(2, 4):02d}:00"
            else:
                event["start"] = start.isoformat()
                if rng.random() < 0.5:
                    event["end"] = (start + dt.timedelta(days=rng.randint(1, 2))).isoformat()
            if kind == "webinar":
                event["online_url"] = f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}"
                event["attendance"] = "online"
            else:
                event["location"] = f"Aula Kantor Camat {s['district']}, {s['full']}"
                event["attendance"] = rng.choice(["offline", "offline", "offline", "mixed"])
                if event["attendance"] == "mixed":
                    event["online_url"] = f"https://meet.example.id/{slugify(s['district'])}-{start.year}"
            r = rng.random()
            if r < 0.04:
                event["status"] = "cancelled"
            elif r < 0.08:
                event["status"] = "postponed"
            elif r < 0.1 and kind != "webinar":
                event["status"] = "moved-online"
            event["organizer"] = f"{s['agency']} {s['full']}"
            event["participants"] = rng.sample(AGENCIES, rng.randint(2, 6))
            event["audience"] = rng.choice(["Perangkat desa dan kader PKK", "Pelajar SMA dan SMK", "Calon pekerja migran",
                                            "Anggota gugus tugas", "Tokoh agama dan tokoh masyarakat"])
            if rng.random() < 0.5:
                event["speakers"] = [f"{rng.choice(POSITIONS)} {rng.choice(AGENCY_SHORT)}" for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.4:
                decree = self.earlier_decree(start)
                if decree:
                    event["decree"] = decree["number"]
            self.items["events"].append(event)
        self.items["events"].sort(key=lambda e: (e["date"], e["slug"]))
        self.event_dates = [e["date"] for e in self.items["events"]]

    # -- pages
    def make_pages(self):
        rng = self.rng
        for i in range(self.counts["pages"]):
            topic = PAGE_TOPICS[i % len(PAGE_TOPICS)]
            if i >= len(PAGE_TOPICS):
                region = rng.choice(self.local_regions)
                topic = f"{topic} di {region_full(region)}"
            else:
                region = None
            page = {"kind_": "pages", "title": topic, "region": region, "date": None, "tags": self.tags(),
                    "summary": f"Penjelasan singkat: {topic.lower()}.", "draft": False, "aliases": []}
            page["slug"] = page["file"] = self.unique_slug("pages", short_slug(topic))
            if i < 3:
                page["menu"] = i + 1
            self.items["pages"].append(page)

    # -- statistics
    def make_statistics(self):
        rng = self.rng
        for i in range(self.counts["statistics"]):
            region = self.pick_region()
            topic = rng.choice(DATASET_TOPICS)
            first = rng.randint(2012, 2018)
            last = rng.randint(2022, 2025)
            title = f"{topic} di {region_full(region)}, {first}–{last}"
            ds = {"kind_": "statistics", "title": title, "region": region, "date": None, "tags": self.tags(["statistik"]),
                  "summary": None, "draft": False, "aliases": []}
            ds["slug"] = ds["file"] = self.unique_slug("statistics", short_slug(title))
            series = rng.sample(SERIES, rng.randint(2, 4))
            if rng.random() < 0.7:
                x = "tahun"
                keys = [str(y) for y in range(first, last + 1)]
            else:
                x = "kecamatan"
                keys = list(dict.fromkeys(place_name(rng) for _ in range(rng.randint(4, 15))))
            rows = [[k] + [str(rng.randint(0, 400)) for _ in series] for k in keys]
            ds.update({"x": x, "columns": [x] + series, "rows": rows, "unit": rng.choice(["orang", "kasus", "jumlah"]),
                       "chart": rng.choice(["bar", "bar", "line", "none"]), "source": f"Sekretariat Gugus Tugas PP-TPPO {region_full(region)} (data sintetis)",
                       "description": f"Data sintetis untuk uji kinerja: {topic.lower()} per {x}.",
                       "inline": rng.random() < 0.2})
            if rng.random() < 0.5:
                ds["series"] = series[: rng.randint(1, len(series))]
            self.items["statistics"].append(ds)

    # -- news
    def make_news(self):
        rng = self.rng
        dates = sorted(self.date_between(dt.date(2018, 1, 1), dt.date(2026, 11, 20)) for _ in range(self.counts["news"]))
        for date in dates:
            region = self.pick_region()
            s = self.slots(region, date)
            title = rng.choice(NEWS_TITLES).format(**s)
            news = {"kind_": "news", "title": title, "region": region, "date": date, "tags": self.tags(),
                    "summary": None, "draft": False, "aliases": []}
            news["slug"] = news["file"] = self.unique_slug("news", short_slug(title))
            if rng.random() < 0.03:
                news["file"] = f"{date.isoformat()}-{news['slug']}"  # Jekyll-style file name, `slug:` set
                news["custom_slug"] = True
            news["author"] = f"Tim Humas {rng.choice(AGENCY_SHORT)} {region_short(region)}"
            if rng.random() < 0.4:
                news["summary"] = f"{s['agency']} {s['full']} melaporkan perkembangan pencegahan TPPO pada {s['month']} {date.year}."
            if rng.random() < 0.15:
                news["image"] = "media/" + rng.choice(self.photos)
                news["image_alt"] = f"Peserta kegiatan gugus tugas di {s['full']} (ilustrasi)"
            if rng.random() < 0.3:
                news["source"] = {"name": f"Kantor Berita Daerah {region_short(region)}",
                                  "url": f"https://berita-daerah.example.id/{date.year}/{news['slug']}"}
            if rng.random() < 0.35:
                count = bisect.bisect_right(self.event_dates, date + dt.timedelta(days=30))
                if count:
                    chosen = {self.items["events"][rng.randrange(count)]["slug"] for _ in range(rng.randint(1, 2))}
                    news["events"] = sorted(chosen)
            if rng.random() < 0.2:
                decree = self.earlier_decree(date)
                if decree:
                    news["decrees"] = [decree["number"]]
            if rng.random() < 0.005:
                news["draft"] = True
            self.items["news"].append(news)
        # Aliases: old addresses of some articles, none of them a live address.
        taken = {f"/berita/{slug}/" for slug in self.slugs["news"]}
        for news in self.items["news"]:
            if rng.random() < 0.02 and not news["draft"]:
                old = f"/berita/{news['slug']}-lama/"
                if old not in taken:
                    taken.add(old)
                    news["aliases"] = [old]

    # -- bodies
    def make_bodies(self):
        rng = self.rng
        published = {kind: [i for i in items if not i["draft"]] for kind, items in self.items.items()}
        for kind, items in self.items.items():
            for item in items:
                item["body"] = self.body(item, published)

    def link(self, kind, published, exclude):
        target = rng_choice_excluding(self.rng, published[kind], exclude)
        if target is None:
            return None
        href = f"../{kind}/{target['file']}.md"
        template = self.rng.choice(LINK_SENTENCES[kind])
        return template.format(title=target["title"], href=href, number=target.get("number", ""))

    def paragraph(self, s, extra=None):
        sentences = [t.format(**s) for t in self.rng.sample(SENTENCES, self.rng.randint(2, 5))]
        if extra:
            sentences.insert(self.rng.randint(1, len(sentences)), extra)
        text = " ".join(sentences)
        return wrap(text)

    def body_target(self):
        """How many characters of Markdown a body gets (at least: every link is placed)."""
        rng = self.rng
        if self.shape == "simple":
            # Mostly short, with a spread: 70% of a few hundred bytes, a few of up to 12 KB.
            r = rng.random()
            if r < 0.7:
                return int(rng.triangular(150, 1000, 300))
            if r < 0.93:
                return int(rng.triangular(1000, 4000, 1500))
            return int(rng.triangular(4000, 12000, 5000))
        return int(rng.triangular(600, 3000, 1100))

    def body(self, item, published):
        if self.shape == "long":
            return self.long_body(item, published)
        rng = self.rng
        region = item["region"] or self.regions[0]
        s = self.slots(region, item.get("date"))
        target = self.body_target()
        links = []
        for _ in range(rng.randint(1, 3)):
            links.append(self.link("news", published, item))
        for kind, chance in (("events", 0.35), ("decrees", 0.25), ("pages", 0.3), ("statistics", 0.1)):
            if rng.random() < chance:
                links.append(self.link(kind, published, item))
        links = [l for l in links if l]
        if self.shape == "simple" and target < 1000:
            links = links[:1]  # a short body: one paragraph (or two) with one link
        if rng.random() < 0.6:
            name, url = rng.choice(EXTERNAL)
            links.append(f"Informasi resmi tersedia di [{name}]({url}).")
        if rng.random() < 0.1:
            links.append("Kanal resmi: https://www.kemenpppa.go.id/ (dapat diakses dari ponsel).")
        if item.get("document") and rng.random() < 0.5:
            links.append(f"Salinan keputusan dapat [diunduh dalam format PDF](../{item['document']}).")
        if item["kind_"] == "news" and rng.random() < 0.05:
            links.append(f"![Suasana kegiatan di {s['full']} (ilustrasi)](../media/{rng.choice(self.photos)})")
        blocks = [self.paragraph(s, links.pop(0) if links else None)]
        size = len(blocks[0])
        table_done = False
        headings = rng.sample(HEADINGS, len(HEADINGS))
        previous = "paragraph"
        while size < target or links:
            r = rng.random()
            if previous in ("bullets", "steps", "table", "quote") and r >= 0.45:
                r = rng.random() * 0.45  # two lists in a row would merge into one
            if r < 0.28 or not headings:
                block = self.paragraph(s, links.pop(0) if links else None)
            elif r < 0.45:
                block = "## " + headings.pop() + "\n\n" + self.paragraph(s, links.pop(0) if links else None)
            elif r < 0.62:
                block = "\n".join("- " + b for b in rng.sample(BULLETS, rng.randint(3, 6)))
            elif r < 0.74:
                steps = STEPS[: rng.randint(3, len(STEPS))]
                block = "\n".join(f"{n}. {t}" for n, t in enumerate(steps, 1))
            elif r < 0.82 and not table_done and rng.random() < 0.6:
                table_done = True
                block = self.table(s)
            elif r < 0.88:
                block = rng.choice(QUOTES)
            else:
                block = self.paragraph(s)
            previous = ("bullets" if block.startswith("- ") else "steps" if block.startswith("1. ")
                        else "table" if block.startswith("|") else "quote" if block.startswith(">") else "paragraph")
            blocks.append(block)
            size += len(block) + 2
        return "\n\n".join(blocks) + "\n"

    def table(self, s):
        rng = self.rng
        if rng.random() < 0.5:
            lines = ["| Kecamatan | Peserta | Perempuan | Laki-laki |", "|---|---:|---:|---:|"]
            for _ in range(rng.randint(3, 8)):
                women = rng.randint(5, 120)
                men = rng.randint(5, 120)
                lines.append(f"| {place_name(rng)} | {women + men} | {women} | {men} |")
        else:
            lines = ["| Tahun | Laporan | Korban dilayani |", "|---|---:|---:|"]
            for year in range(rng.randint(2016, 2020), rng.randint(2022, 2026)):
                lines.append(f"| {year} | {rng.randint(0, 40)} | {rng.randint(0, 35)} |")
        return "\n".join(lines)

    # -- long bodies (the `long` shape)
    def long_paragraph(self, s, extra=None):
        sentences = [t.format(**s) for t in self.rng.sample(LONG_SENTENCES, self.rng.randint(3, 7))]
        if extra:
            sentences.insert(self.rng.randint(1, len(sentences)), extra)
        return wrap(" ".join(sentences))

    def long_table(self, s):
        """A GFM table of 10-40 rows."""
        rng = self.rng
        rows = rng.randint(10, 40)
        r = rng.random()
        if r < 0.35:
            lines = ["| Kecamatan | Peserta | Perempuan | Laki-laki | Keterangan |", "|---|---:|---:|---:|---|"]
            for _ in range(rows):
                women, men = rng.randint(5, 120), rng.randint(5, 120)
                note = rng.choice(["-", "tatap muka", "*daring*", "`susulan`", "**prioritas**"])
                lines.append(f"| {place_name(rng)} | {women + men} | {women} | {men} | {note} |")
        elif r < 0.7:
            lines = ["| Bulan | Laporan | Korban dilayani | Dirujuk | Selesai |", "|---|---:|---:|---:|---:|"]
            year = rng.randint(2018, 2024)
            for m in range(rows):
                reports = rng.randint(0, 40)
                lines.append(f"| {MONTHS[m % 12]} {year + m // 12} | {reports} | {rng.randint(0, reports)} | "
                             f"{rng.randint(0, 20)} | {rng.randint(0, 20)} |")
        else:
            lines = ["| No. | Instansi | Tugas | Kode | Status |", "|---:|---|---|---|---|"]
            for n in range(1, rows + 1):
                lines.append(f"| {n} | {rng.choice(AGENCY_SHORT)} {s['short']} | {rng.choice(AGENCY_TASKS)} | "
                             f"`T-{rng.randint(100, 999)}` | {rng.choice(['selesai', 'berjalan', '_tertunda_', '**mendesak**'])} |")
        return "\n".join(lines)

    def long_body(self, item, published):
        """Several thousand words: sections with headings and subheadings, paragraphs,
        lists, block quotes, one GFM table of 10-40 rows per ~1,500 words, links."""
        rng = self.rng
        region = item["region"] or self.regions[0]
        s = self.slots(region, item.get("date"))
        target = int(rng.triangular(1800, 4500, 2500))  # words
        links = []
        for _ in range(rng.randint(3, 8)):
            links.append(self.link("news", published, item))
        for kind, count in (("events", 2), ("decrees", 2), ("pages", 2), ("statistics", 1)):
            for _ in range(rng.randint(0, count)):
                links.append(self.link(kind, published, item))
        links = [l for l in links if l]
        for name, url in rng.sample(EXTERNAL, rng.randint(1, 3)):
            links.append(f"Informasi resmi tersedia di [{name}]({url}).")
        if item.get("document"):
            links.append(f"Salinan keputusan dapat [diunduh dalam format PDF](../{item['document']}).")
        rng.shuffle(links)
        tables = max(1, min(4, target // 1500 + rng.randint(0, 1)))
        blocks = [self.long_paragraph(s, links.pop() if links else None)]
        words = len(blocks[0].split())
        headings = rng.sample(LONG_HEADINGS, len(LONG_HEADINGS))
        section = 0
        while words < target or links or tables:
            # A section: a heading, paragraphs, then lists, a table or a quote between them
            # (always a paragraph between two of those, so that lists never merge).
            section += 1
            heading = headings[(section - 1) % len(headings)]
            part = [f"## {section}. {heading}", self.long_paragraph(s, links.pop() if links else None)]
            for _ in range(rng.randint(2, 5)):
                r = rng.random()
                if tables and (0.45 <= r < 0.6 or words >= target):
                    tables -= 1
                    part.append(f"Tabel {section}. Rekapitulasi {heading.lower()} di {s['full']}:")
                    part.append(self.long_table(s))
                elif r < 0.3:
                    part.append("- " + "\n- ".join(rng.sample(BULLETS, rng.randint(3, 8))))
                elif r < 0.45:
                    steps = STEPS[: rng.randint(3, len(STEPS))]
                    part.append("\n".join(f"{n}. {t}" for n, t in enumerate(steps, 1)))
                elif r < 0.7:
                    part.append(rng.choice(QUOTES))
                elif r < 0.85:
                    part.append(f"### {heading} {section}.{len(part)}")
                part.append(self.long_paragraph(s, links.pop() if links and (words >= target or rng.random() < 0.5) else None))
            blocks += part
            words += sum(len(b.split()) for b in part)
        return "\n\n".join(blocks) + "\n"

    def build(self):
        self.make_media()
        self.make_decrees()
        self.make_events()
        self.make_pages()
        self.make_statistics()
        self.make_news()
        self.make_bodies()


def rng_choice_excluding(rng, items, exclude):
    if not items or (len(items) == 1 and items[0] is exclude):
        return None
    while True:
        item = items[rng.randrange(len(items))]
        if item is not exclude:
            return item


def wrap(text, width=92):
    """Hard-wraps a paragraph like a person writing Markdown by hand (never inside a link)."""
    lines, line = [], ""
    for word in split_words(text):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def split_words(text):
    """Words, keeping `[text](url)` links whole."""
    if "[" not in text:
        return [word for word in text.split(" ") if word]  # the same words, faster
    words, current, depth = [], "", 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == ")" and depth and "](" in current:
            depth -= 1
        if ch == " " and depth == 0:
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    if current:
        words.append(current)
    return words


def svg(i):
    hue = (i * 47) % 360
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" role="img"><title>Foto ilustrasi {i}</title>'
            f'<rect width="320" height="180" fill="hsl({hue},40%,80%)"/><circle cx="160" cy="90" r="{30 + i % 40}" '
            f'fill="hsl({(hue + 180) % 360},40%,50%)"/></svg>\n').encode()


def pdf(i):
    text = f"Dokumen contoh {i}"
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = "%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode()


# ---------------------------------------------------------------------------------------
# Writing the Gugus site

SITE_TITLE = "Portal Gugus Tugas PP-TPPO (korpus uji kinerja)"
TAGLINE = "Situs sintetis untuk mengukur kecepatan Gugus; semua isi dikarang"
HOTLINES = [{"name": "SAPA 129 KemenPPPA", "phone": "129", "whatsapp": "08111-129-129", "url": "https://www.kemenpppa.go.id/", "hours": "24 jam"},
            {"name": "Layanan Darurat Polri", "phone": "110", "url": "https://www.polri.go.id/", "hours": "24 jam"}]
MENU = [("Berita", "/berita/"), ("Kegiatan", "/kegiatan/"), ("Regulasi", "/regulasi/"), ("Statistik", "/statistik/")]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def gugus_site_yaml():
    lines = ["# Korpus sintetis untuk benchmark Gugus (Benchmarks/make-corpus.py). Semua isi dikarang.",
             f"title: {q(SITE_TITLE)}", f"tagline: {q(TAGLINE)}", "base_url: https://gugus-bench.example.id",
             "language: id", "time_zone: Asia/Jakarta", "sample: true", f"per_page: {PER_PAGE}", "organization:",
             f"  name: {q('Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang (korpus uji)')}",
             f"  short_name: {q('GT PP-TPPO')}", f"  address: {q('Jl. Contoh No. 1, Jakarta (alamat sintetis)')}",
             "  email: sekretariat@gugus-bench.example.id", f"  phone: {q('021-0000000')}",
             "  url: https://gugus-bench.example.id", '  region: "ID"', "hotlines:"]
    for h in HOTLINES:
        lines.append(f"  - name: {q(h['name'])}")
        for key in ("phone", "whatsapp", "url", "hours"):
            if key in h:
                lines.append(f"    {key}: {q(h[key])}")
    lines.append("menu:")
    for title, url in MENU:
        lines += [f"  - title: {title}", f"    url: {url}"]
    return "\n".join(lines) + "\n"


def gugus_regions_yaml(regions):
    lines = ["# Direktori wilayah sintetis: nama provinsi asli, nama kabupaten/kota dikarang, kode gaya Kemendagri."]
    for r in regions:
        lines.append(f"- code: {q(r['code'])}")
        lines.append(f"  name: {q(r['name'])}")
        lines.append(f"  level: {r['level']}")
        if r["parent"]:
            lines.append(f"  parent: {q(r['parent'])}")
    return "\n".join(lines) + "\n"


def common_front(item, lines):
    lines.append(f"title: {q(item['title'])}")
    if item["summary"]:
        lines.append(f"summary: {q(item['summary'])}")
    if item["region"]:
        lines.append(f"region: {q(item['region']['code'])}")
    if item["tags"]:
        lines.append(f"tags: {qlist(item['tags'])}")
    if item["aliases"]:
        lines.append(f"aliases: {qlist(item['aliases'])}")
    if item["draft"]:
        lines.append("draft: true")
    if item.get("image"):
        lines.append(f"image: {item['image']}")
        lines.append(f"image_alt: {q(item['image_alt'])}")


def gugus_front(item):
    kind = item["kind_"]
    lines = []
    if kind == "decrees":
        lines.append(f"number: {q(item['number'])}")
    common_front(item, lines)
    if item.get("custom_slug"):
        lines.append(f"slug: {item['slug']}")
    if kind == "decrees" and item["write_status"]:
        lines.append(f"status: {item['status']}")
    if kind == "decrees":
        lines += [f"kind: {q(item['kind'])}", f"issuer: {q(item['issuer'])}", f"date: {item['date'].isoformat()}",
                  f"place: {q(item['place'])}"]
        if item["amends"]:
            lines.append(f"amends: {qlist(item['amends'])}")
        if item["revokes"]:
            lines.append(f"revokes: {qlist(item['revokes'])}")
        for key in ("document", "signatory"):
            if key in item:
                lines.append(f"{key}: {q(item[key])}")
        lines.append(f"subjects: {qlist(item['subjects'])}")
        if "members" in item:
            lines.append("members:")
            for m in item["members"]:
                lines.append(f"  - group: {q(m['group'])}")
                for key in ("role", "position", "agency"):
                    lines.append(f"    {key}: {q(m[key])}")
    elif kind == "events":
        lines += [f"kind: {item['kind']}", f"start: {item['start']}"]
        if "end" in item:
            lines.append(f"end: {item['end']}")
        for key in ("location", "online_url", "attendance", "status", "organizer", "audience", "decree"):
            if key in item:
                lines.append(f"{key}: {q(item[key])}")
        for key in ("participants", "speakers"):
            if key in item:
                lines.append(f"{key}: {qlist(item[key])}")
    elif kind == "news":
        lines.append(f"date: {item['date'].isoformat()}")
        lines.append(f"author: {q(item['author'])}")
        if "events" in item:
            lines.append(f"events: {qlist(item['events'])}")
        if "decrees" in item:
            lines.append(f"decrees: {qlist(item['decrees'])}")
        if "source" in item:
            lines += ["source:", f"  name: {q(item['source']['name'])}", f"  url: {q(item['source']['url'])}"]
    elif kind == "pages":
        if "menu" in item:
            lines.append(f"menu: {item['menu']}")
    elif kind == "statistics":
        if item["inline"]:
            lines.append("rows:")
            for row in item["rows"]:
                cells = ", ".join(f"{c}: {q(v) if i == 0 else v}" for i, (c, v) in enumerate(zip(item["columns"], row)))
                lines.append(f"  - {{{cells}}}")
        else:
            lines.append(f"data: {item['file']}.csv")
        lines.append(f"x: {item['x']}")
        if "series" in item:
            lines.append(f"series: {qlist(item['series'])}")
        for key in ("unit", "chart", "source", "description"):
            lines.append(f"{key}: {q(item[key])}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def csv_text(item):
    return "\n".join(",".join(row) for row in [item["columns"]] + item["rows"]) + "\n"


def write_gugus(corpus, root):
    content = os.path.join(root, "content")
    write(os.path.join(content, "site.yaml"), gugus_site_yaml())
    write(os.path.join(content, "regions.yaml"), gugus_regions_yaml(corpus.regions))
    for path, data in corpus.media:
        write_bytes(os.path.join(content, "media", path), data)
    for kind, items in corpus.items.items():
        for item in items:
            write(os.path.join(content, kind, item["file"] + ".md"), gugus_front(item) + item["body"])
            if kind == "statistics" and not item["inline"]:
                write(os.path.join(content, kind, item["file"] + ".csv"), csv_text(item))


# ---------------------------------------------------------------------------------------
# Writing the Hugo twin: the same items and bodies; front matter in Hugo's terms.

def hugo_config():
    hotlines = "\n".join(
        "[[params.hotlines]]\n" + "\n".join(f"  {k} = {q(v)}" for k, v in h.items()) for h in HOTLINES)
    menu = "\n".join(f"[[menus.main]]\n  name = {q(t)}\n  url = {q(u)}\n  weight = {i}" for i, (t, u) in enumerate(MENU, 1))
    return f"""# Hugo twin of the Gugus benchmark corpus (Benchmarks/make-corpus.py).
baseURL = "https://gugus-bench.example.id/"
languageCode = "id"
defaultContentLanguage = "id"
title = {q(SITE_TITLE)}
timeZone = "Asia/Jakarta"
paginate = {PER_PAGE}
paginatePath = "page"
rssLimit = 20
enableRobotsTXT = true
buildFuture = true
disableHugoGeneratorInject = true

[taxonomies]
  tag = "tags"
  region = "regions"

[permalinks]
  tags = "/tag/:slug/"
  regions = "/wilayah/:slug/"

[outputs]
  home = ["HTML"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]

[markup.goldmark.renderer]
  unsafe = false
[markup.goldmark.extensions]
  definitionList = false
  footnote = true
  linkify = true
  strikethrough = true
  table = true
  taskList = true
  typographer = false
[markup.goldmark.parser]
  autoHeadingID = true

[params]
  now = "{NOW.isoformat()}"
  tagline = {q(TAGLINE)}
  organization = {q('Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang (korpus uji)')}
{hotlines}

{menu}
"""


def hugo_datetime(value):
    return value if "T" not in value else value + ":00"


def hugo_front(item, corpus):
    kind = item["kind_"]
    lines = [f"title: {q(item['title'])}"]
    if item["summary"]:
        lines.append(f"summary: {q(item['summary'])}")
    if item["region"]:
        lines.append(f"regions: [{q(item['region']['segment'])}]")
    if item["tags"]:
        lines.append(f"tags: {qlist(item['tags'])}")
    if item["aliases"]:
        lines.append(f"aliases: {qlist(item['aliases'])}")
    if item["draft"]:
        lines.append("draft: true")
    if item.get("image"):
        lines.append(f"image: {q('/' + item['image'])}")
        lines.append(f"image_alt: {q(item['image_alt'])}")
    if kind == "decrees":
        lines += [f"slug: {item['slug']}", f"number: {q(item['number'])}", f"kind: {q(item['kind'])}",
                  f"issuer: {q(item['issuer'])}", f"date: {item['date'].isoformat()}", f"place: {q(item['place'])}",
                  f"status: {item['status']}"]
        # Decree files are named sk-<slug>.md: pass Hugo the file names to look up.
        for key in ("amends", "revokes", "amended_by", "revoked_by"):
            if item[key]:
                lines.append(f"{key}: {qlist(['/regulasi/sk-' + slugify(n) for n in item[key]])}")
        for key in ("document", "signatory"):
            if key in item:
                lines.append(f"{key}: {q(item[key])}")
        lines.append(f"subjects: {qlist(item['subjects'])}")
        if "members" in item:
            lines.append("members:")
            for m in item["members"]:
                lines.append(f"  - group: {q(m['group'])}")
                for key in ("role", "position", "agency"):
                    lines.append(f"    {key}: {q(m[key])}")
    elif kind == "events":
        lines += [f"kind: {item['kind']}", f"date: {hugo_datetime(item['start'])}"]
        if "end" in item:
            lines.append(f"end: {hugo_datetime(item['end'])}")
        for key in ("location", "online_url", "attendance", "status", "organizer", "audience"):
            if key in item:
                lines.append(f"{key}: {q(item[key])}")
        if "decree" in item:
            lines.append(f"decree: {q('/regulasi/sk-' + slugify(item['decree']))}")
        for key in ("participants", "speakers"):
            if key in item:
                lines.append(f"{key}: {qlist(item[key])}")
    elif kind == "news":
        lines.append(f"date: {item['date'].isoformat()}")
        lines.append(f"author: {q(item['author'])}")
        if item.get("custom_slug"):
            lines.append(f"slug: {item['slug']}")
        if "events" in item:
            lines.append(f"events: {qlist(['/kegiatan/' + e for e in item['events']])}")
        if "decrees" in item:
            lines.append(f"decrees: {qlist(['/regulasi/sk-' + slugify(n) for n in item['decrees']])}")
        if "source" in item:
            lines += ["source:", f"  name: {q(item['source']['name'])}", f"  url: {q(item['source']['url'])}"]
    elif kind == "pages":
        if "menu" in item:
            lines.append(f"weight: {item['menu']}")
            lines += ["menu:", "  main:", f"    weight: {10 + item['menu']}"]
    elif kind == "statistics":
        if item["inline"]:
            lines.append(f"columns: {qlist(item['columns'])}")
            lines.append("rows:")
            for row in item["rows"]:
                lines.append(f"  - {qlist(row)}")
        else:
            lines.append(f"data: {item['file']}.csv")
        lines.append(f"x: {item['x']}")
        if "series" in item:
            lines.append(f"series: {qlist(item['series'])}")
        for key in ("unit", "chart", "source", "description"):
            lines.append(f"{key}: {q(item[key])}")
        if corpus.shape != "simple":  # the simple layouts have no JSON template
            lines.append("outputs: [HTML, JSON]")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def write_hugo(corpus, root, layouts):
    write(os.path.join(root, "hugo.toml"), hugo_config())
    content = os.path.join(root, "content")
    write(os.path.join(content, "_index.md"), f"---\ntitle: {q(SITE_TITLE)}\n---\n")
    titles = {"news": "Berita", "events": "Kegiatan", "decrees": "Regulasi", "statistics": "Statistik"}
    for kind, title in titles.items():
        outputs = "\noutputs: [HTML, RSS]" if kind == "news" else ""
        write(os.path.join(content, SECTION[kind], "_index.md"), f"---\ntitle: {title}{outputs}\n---\n")
    write(os.path.join(content, "tags", "_index.md"), "---\ntitle: Tag\nurl: /tag/\n---\n")
    write(os.path.join(content, "regions", "_index.md"), "---\ntitle: Wilayah\nurl: /wilayah/\n---\n")
    # Every region gets a term page, as in Gugus (which lists every region of regions.yaml).
    for r in corpus.regions:
        parent = corpus.region_by_code[r["parent"]]["segment"] if r["parent"] else ""
        write(os.path.join(content, "regions", r["segment"], "_index.md"),
              f"---\ntitle: {q(r['name'])}\nslug: {q(r['segment'])}\ncode: {q(r['code'])}\nlevel: {r['level']}\nparent: {q(parent)}\n---\n")
    lines = ["list:"]
    for r in corpus.regions:
        parent = corpus.region_by_code[r["parent"]]["segment"] if r["parent"] else ""
        lines.append(f"  - {{segment: {q(r['segment'])}, name: {q(r['name'])}, parent: {q(parent)}}}")
    write(os.path.join(root, "data", "wilayah.yaml"), "\n".join(lines) + "\n")
    for path, data in corpus.media:
        write_bytes(os.path.join(root, "static", "media", path), data)
    # The stylesheet of Gugus's default theme, so both sites copy the same asset.
    css = os.path.join(os.path.dirname(os.path.dirname(layouts)), "templates", "assets", "style.css")
    if os.path.exists(css):
        os.makedirs(os.path.join(root, "static", "assets"), exist_ok=True)
        shutil.copy(css, os.path.join(root, "static", "assets", "style.css"))
    for kind, items in corpus.items.items():
        for item in items:
            text = hugo_front(item, corpus) + item["body"]
            if kind == "statistics":
                bundle = os.path.join(content, "statistik", item["file"])
                write(os.path.join(bundle, "index.md"), text)
                if not item["inline"]:
                    write(os.path.join(bundle, item["file"] + ".csv"), csv_text(item))
            elif kind == "pages":
                write(os.path.join(content, item["file"] + ".md"), text)
            else:
                write(os.path.join(content, SECTION[kind], item["file"] + ".md"), text)
    shutil.copytree(layouts, os.path.join(root, "layouts"))
    hooks = os.path.join(root, "layouts", "_default", "_markup")
    if not os.path.isdir(hooks):
        shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), RENDER_HOOKS), hooks)


def layouts_folder(shape):
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), LAYOUTS[shape])


def generator_hash(shape="standard"):
    """What makes a corpus: this file, the shape and its Hugo layouts (the runner caches
    corpora by it)."""
    digest = hashlib.sha256()
    with open(os.path.abspath(__file__), "rb") as f:
        digest.update(f.read())
    digest.update(b"\0shape\0" + shape.encode() + b"\0")
    folders = [layouts_folder(shape)]
    if not os.path.isdir(os.path.join(folders[0], "_default", "_markup")):
        folders.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), RENDER_HOOKS))
    for layouts in folders:
        for folder, dirs, files in os.walk(layouts):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    digest.update(os.path.relpath(path, layouts).encode() + b"\0" + f.read())
    return digest.hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", type=int, help="number of Markdown content files")
    parser.add_argument("dir", help="folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--shape", choices=SHAPES, default="standard", help="which corpus (default standard)")
    args = parser.parse_args()
    if args.size < 50:
        parser.error("SIZE must be at least 50")
    layouts = layouts_folder(args.shape)
    corpus = Corpus(args.size, args.seed, args.shape)
    corpus.build()
    target = os.path.abspath(args.dir)
    for sub in ("gugus", "hugo", "gugus-public", "hugo-public"):
        shutil.rmtree(os.path.join(target, sub), ignore_errors=True)
    write_gugus(corpus, os.path.join(target, "gugus"))
    write_hugo(corpus, os.path.join(target, "hugo"), layouts)
    body_bytes = sum(len(i["body"].encode()) for items in corpus.items.values() for i in items)
    manifest = {"size": args.size, "seed": args.seed, "shape": args.shape, "generator": generator_hash(args.shape),
                "counts": corpus.counts, "regions": len(corpus.regions), "media": len(corpus.media),
                "csv_files": sum(1 for i in corpus.items["statistics"] if not i["inline"]),
                "drafts": sum(1 for items in corpus.items.values() for i in items if i["draft"]),
                "aliases": sum(len(i["aliases"]) for items in corpus.items.values() for i in items),
                "body_bytes": body_bytes,
                "body_words": sum(len(i["body"].split()) for items in corpus.items.values() for i in items),
                "tags": len({t for items in corpus.items.values() for i in items for t in i["tags"]})}
    write(os.path.join(target, "manifest.json"), json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {args.size} content files of the {args.shape} shape ({', '.join(f'{k} {v}' for k, v in corpus.counts.items())}), "
          f"{len(corpus.regions)} regions, {manifest['tags']} tags, {body_bytes / args.size / 1024:.1f} KiB per body "
          f"into {target}")


if __name__ == "__main__":
    main()
