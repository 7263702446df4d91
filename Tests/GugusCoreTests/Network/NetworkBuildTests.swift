import Foundation
import Testing
@testable import GugusCore

/// The network pages built from snapshots in content/sources/: what a reader of the national
/// site sees, and what happens to records that break the open-data format.
@Suite struct NetworkBuildTests {
    static let sources = """

        sources:
          - {name: kutim, url: "https://tppo.kutaitimurkab.go.id", region: "64.08"}
          - {name: balikpapan, url: "https://gugus.balikpapan.go.id/"}
        """

    static let decreesKutim = """
        [
          {"noPeraturan": "264/K.503/2023", "judul": "Pembentukan Gugus Tugas", "tanggal_penetapan": "2023-05-23",
           "urlDetailPeraturan": "https://tppo.kutaitimurkab.go.id/regulasi/264-k-503-2023/", "status": "Berlaku",
           "jenis": "Keputusan Bupati", "kodeWilayah": "64.08"},
          {"noPeraturan": "1/2024", "judul": 42, "tanggal_penetapan": "2024-01-02",
           "urlDetailPeraturan": "https://tppo.kutaitimurkab.go.id/regulasi/1-2024/"},
          {"judul": "Tanpa nomor", "tanggal_penetapan": "2024-01-02", "urlDetailPeraturan": "https://tppo.kutaitimurkab.go.id/x/"},
          {"noPeraturan": "2/2024", "judul": "Tautan ke tempat lain", "tanggal_penetapan": "2024-01-03",
           "urlDetailPeraturan": "https://evil.example/x"},
          {"noPeraturan": "3/2024", "judul": "Skrip", "tanggal_penetapan": "2024-01-04", "urlDetailPeraturan": "javascript:alert(1)"},
          {"noPeraturan": "4/2024", "judul": "<script>alert(1)</script> & \\"kutip\\"", "tanggal_penetapan": "2024-02-01",
           "urlDetailPeraturan": "https://TPPO.kutaitimurkab.go.id/regulasi/4-2024/"},
          {"noPeraturan": "5/2024", "judul": "Kode aneh", "tanggal_penetapan": "2024-02-02", "kodeWilayah": "../../64",
           "urlDetailPeraturan": "https://tppo.kutaitimurkab.go.id/regulasi/5-2024/"}
        ]
        """

    static let eventsKutim = """
        [
          {"id": "rakor-desember", "judul": "Rakor Gugus Tugas\\r\\nEND:VEVENT", "jenis": "rakor", "mulai": "2024-12-05T09:00:00+08:00",
           "selesai": "2024-12-05T12:00:00+08:00", "lokasi": "Sangatta", "url": "https://tppo.kutaitimurkab.go.id/kegiatan/rakor-desember/"},
          {"id": "lalu", "judul": "Sudah lewat", "jenis": "sosialisasi", "mulai": "2024-01-05",
           "url": "https://tppo.kutaitimurkab.go.id/kegiatan/lalu/"},
          {"id": "jam-salah", "judul": "Jam salah", "jenis": "webinar", "mulai": "kemarin sore",
           "url": "https://tppo.kutaitimurkab.go.id/kegiatan/jam-salah/"}
        ]
        """

    static let siteBalikpapan = """
        {"format": "gugus-situs", "versi": 1, "judul": "Gugus Tugas Balikpapan", "url": "https://gugus.balikpapan.go.id",
         "organisasi": {"nama": "Gugus Tugas PP-TPPO Kota Balikpapan"},
         "wilayah": {"kode": "64.71", "nama": "Balikpapan", "tingkat": "city", "provinsi": {"kode": "64", "nama": "Kalimantan Timur"}},
         "layanan": [{"nama": "UPTD PPA Balikpapan", "telepon": "0542-000", "url": "https://evil.example/"}]}
        """

    static let decreesBalikpapan = """
        [{"noPeraturan": "188.45/12/2024", "judul": "Gugus Tugas Kota", "tanggal_penetapan": "2024-03-01",
          "urlDetailPeraturan": "https://gugus.balikpapan.go.id/regulasi/188-45-12-2024/", "kodeWilayah": "64.71"},
         {"noPeraturan": "264/K.503/2023", "judul": "Salinan dari Kutim", "tanggal_penetapan": "2023-05-23",
          "urlDetailPeraturan": "https://gugus.balikpapan.go.id/regulasi/salinan/", "kodeWilayah": "64.08"}]
        """

    static func site() throws -> TestSite {
        try TestSite(files: [
            "content/site.yaml": TestSite.siteYAML + sources,
            "content/sources/kutim/regulasi.json": decreesKutim,
            "content/sources/kutim/kegiatan.json": eventsKutim,
            "content/sources/balikpapan/situs.json": siteBalikpapan,
            "content/sources/balikpapan/regulasi.json": decreesBalikpapan,
            "content/sources/balikpapan/kegiatan.json": "[]",
        ])
    }

    @Test func decreesOfEverySourceAreListedByProvinceAndLinkToTheirOfficialPages() throws {
        let site = try Self.site()
        guard site.buildSucceeds(now: "2024-08-01") else { return }
        let index = site.page("jaringan/regulasi/index.html")
        #expect(index.contains("href=\"/jaringan/regulasi/64/\""))
        #expect(index.contains("Kalimantan Timur"))
        let province = site.page("jaringan/regulasi/64/index.html")
        #expect(province.contains("<a href=\"https://tppo.kutaitimurkab.go.id/regulasi/264-k-503-2023/\">264/K.503/2023</a>"))
        #expect(province.contains("<a href=\"https://gugus.balikpapan.go.id/regulasi/188-45-12-2024/\">188.45/12/2024</a>"))
        // Grouped: Kutai Timur (64.08) before Balikpapan (64.71), each under its own heading.
        let kutai = try #require(province.range(of: "<h2>Kutai Timur"))
        let balikpapan = try #require(province.range(of: "<h2>Balikpapan"))
        #expect(kutai.lowerBound < balikpapan.lowerBound)
        // The second copy of 264/K.503/2023 (same number, same region) is listed once.
        #expect(!province.contains("Salinan dari Kutim"))
        // Hostile text stays text.
        #expect(province.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kutip&quot;"))
        #expect(!province.contains("<script>alert"))
    }

    @Test func recordsThatBreakTheFormatAreLeftOutWithAWarningNamingFileAndPath() throws {
        let site = try Self.site()
        let report = try site.build(now: "2024-08-01").get()
        let warnings = report.warnings.map(\.description)
        func warned(_ parts: String...) -> Bool { warnings.contains { text in parts.allSatisfy(text.contains) } }
        #expect(warned("content/sources/kutim/regulasi.json:1:1: warning:", "$[1].judul: expected text, found a number"))
        #expect(warned("content/sources/kutim/regulasi.json", "$[2].noPeraturan is missing"))
        #expect(warned("content/sources/kutim/regulasi.json", "$[3].urlDetailPeraturan", "not on the source's own host tppo.kutaitimurkab.go.id"))
        #expect(warned("content/sources/kutim/regulasi.json", "$[4].urlDetailPeraturan", "is not an http(s) address"))
        #expect(warned("content/sources/kutim/kegiatan.json", "$[2].mulai", "kemarin sore"))
        #expect(warned("content/sources/kutim/regulasi.json", "$[6].kodeWilayah", "not a Kemendagri region code"))
        #expect(warned("content/sources/balikpapan/regulasi.json", "$[1]", "264/K.503/2023", "also published by kutim"))
        let pages = site.page("jaringan/regulasi/64/index.html") + site.page("jaringan/index.html")
        for absent in ["1/2024", "Tanpa nomor", "evil.example", "javascript:", "Tautan ke tempat lain", "Kode aneh"] {
            #expect(!pages.contains(absent), "\(absent) is on a network page")
        }
    }

    @Test func upcomingEventsCarryTheirOwnZoneAndCannotBreakTheCalendar() throws {
        let site = try Self.site()
        guard site.buildSucceeds(now: "2024-08-01") else { return }
        let events = site.page("jaringan/kegiatan/index.html")
        #expect(events.contains("href=\"https://tppo.kutaitimurkab.go.id/kegiatan/rakor-desember/\""))
        #expect(events.contains("Kamis, 5 Desember 2024, 09:00–12:00 WITA"))
        #expect(!events.contains("Sudah lewat"))
        let calendar = site.page("jaringan/kalender.ics")
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(calendar.contains("DTSTART:20241205T010000Z"))
        #expect(calendar.contains("SUMMARY:Rakor Gugus Tugas  END:VEVENT"))
        #expect(!calendar.contains("\r\nEND:VEVENT\r\nEND:VEVENT"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(site.page("data/jaringan/kegiatan.json").utf8)) as? [[String: Any]])
        #expect(data.count == 1)
        #expect(data.first?["mulai"] as? String == "2024-12-05T09:00:00+08:00")
        #expect(data.first?["sumberJaringan"] as? String == "kutim")
    }

    @Test func theDirectoryListsEveryMemberWithItsRegionAndHotlines() throws {
        let site = try Self.site()
        guard site.buildSucceeds(now: "2024-08-01") else { return }
        let directory = site.page("jaringan/index.html")
        #expect(directory.contains("<a href=\"https://gugus.balikpapan.go.id/\">Gugus Tugas PP-TPPO Kota Balikpapan</a>"))
        #expect(directory.contains("Balikpapan ·"))
        #expect(directory.contains("UPTD PPA Balikpapan: <a href=\"tel:0542000\">0542-000</a>"))
        #expect(!directory.contains("evil.example"))
        #expect(directory.contains("<a href=\"https://tppo.kutaitimurkab.go.id/\">kutim</a>"))
        #expect(directory.contains("Kutai Timur ·"))
        let decrees = try #require(try JSONSerialization.jsonObject(with: Data(site.page("data/jaringan/regulasi.json").utf8)) as? [[String: Any]])
        // By province, then region (Kutai Timur, then Balikpapan), newest first.
        #expect(decrees.compactMap { $0["noPeraturan"] as? String } == ["4/2024", "264/K.503/2023", "188.45/12/2024"])
        #expect(Set(decrees.compactMap { $0["sumberJaringan"] as? String }) == ["kutim", "balikpapan"])
        // Search and the sitemap know the network's own pages, never the records' addresses.
        let sitemap = site.page("sitemap.xml")
        #expect(sitemap.contains("https://uji.example.id/jaringan/regulasi/64/"))
        #expect(!sitemap.contains("kutaitimurkab"))
    }

    @Test func theSameSnapshotsGiveTheSameBytes() throws {
        let site = try Self.site()
        let first = site.root + "/a", second = site.root + "/b"
        _ = try BuildPipeline.run(BuildOptions(siteRoot: site.root, output: first, now: CivilDate(iso: "2024-08-01"))).get()
        _ = try BuildPipeline.run(BuildOptions(siteRoot: site.root, output: second, now: CivilDate(iso: "2024-08-01"))).get()
        for path in ["jaringan/index.html", "jaringan/regulasi/64/index.html", "jaringan/kalender.ics", "jaringan/feed.xml", "data/jaringan/regulasi.json"] {
            let a = FileManager.default.contents(atPath: first + "/" + path)
            #expect(a != nil && a == FileManager.default.contents(atPath: second + "/" + path), "\(path) differs")
        }
    }

    @Test func aSiteWithoutSourcesHasNoNetworkPagesButPublishesItsProfile() throws {
        let site = try TestSite(files: ["content/site.yaml": TestSite.siteYAML + "\norganization: {name: Gugus Uji, region: \"64.08\"}\n"])
        guard site.buildSucceeds() else { return }
        #expect(!FileManager.default.fileExists(atPath: site.output + "/jaringan"))
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(site.page("data/situs.json").utf8)) as? [String: Any])
        #expect(profile["format"] as? String == "gugus-situs")
        let region = profile["wilayah"] as? [String: Any]
        #expect(region?["kode"] as? String == "64.08")
        #expect((region?["provinsi"] as? [String: Any])?["nama"] as? String == "Kalimantan Timur")
        #expect((profile["data"] as? [String: Any])?["regulasi"] as? String == "https://uji.example.id/data/regulasi.json")
    }

    @Test func mistakesInTheSourcesListAreErrorsAtTheirLine() throws {
        let site = try TestSite(files: ["content/site.yaml": TestSite.siteYAML + """

            sources:
              - {name: Kutai Timur, url: "https://a.example"}
              - {name: b, url: "ftp://b.example"}
              - {name: c, url: "https://c.example", region: "99.99"}
              - {name: c, url: "https://d.example", kind: rss}
            """])
        let errors = site.buildErrors()
        #expect(errors.contains { $0.contains("site.yaml:11:") && $0.contains("not a slug") && $0.contains("kutai-timur") })
        #expect(errors.contains { $0.contains("site.yaml:12:") && $0.contains("`url` must be a web address") })
        #expect(errors.contains { $0.contains("site.yaml:13:") && $0.contains("99.99") && $0.contains("not in content/regions.yaml") })
        #expect(errors.contains { $0.contains("site.yaml:14:") && $0.contains("two sources are named \"c\"") })
        #expect(errors.contains { $0.contains("site.yaml:14:") && $0.contains("`kind` cannot be \"rss\"") })
    }

    @Test func aSnapshotThatIsNotJSONOrTooOddIsLeftOutAndTheBuildGoesOn() throws {
        let site = try Self.site()
        try site.write("content/sources/kutim/regulasi.json", "<html>not json</html>")
        try site.write("content/sources/balikpapan/regulasi.json", "{\"a\": 1}")
        try site.write("content/sources/lama/regulasi.json", "[]")
        let report = try site.build(now: "2024-08-01").get()
        let warnings = report.warnings.map(\.description)
        #expect(warnings.contains { $0.contains("content/sources/kutim/regulasi.json") && $0.contains("not valid JSON") })
        #expect(warnings.contains { $0.contains("content/sources/balikpapan/regulasi.json") && $0.contains("not a JSON list of records") })
        #expect(warnings.contains { $0.contains("content/sources/lama") && $0.contains("no source of site.yaml is named lama") })
        #expect(site.page("jaringan/kegiatan/index.html").contains("rakor-desember"))
    }

    @Test func remoteTimesReadEveryFormOpenDataWrites() throws {
        let wita = try #require(RemoteTime("2024-12-05T09:00:00+08:00", defaultOffset: 420))
        #expect(wita.utcStamp == "20241205T010000Z" && wita.zoneLabel == "WITA")
        let noOffset = try #require(RemoteTime("2024-12-05T09:00", defaultOffset: 420))
        #expect(noOffset.utcStamp == "20241205T020000Z")
        let utc = try #require(RemoteTime("2024-12-31T23:30:00.5Z", defaultOffset: 420))
        #expect(utc.local(at: 540) == LocalDateTime(date: try #require(CivilDate(iso: "2025-01-01")), minutes: 8 * 60 + 30))
        let day = try #require(RemoteTime("2024-12-05", defaultOffset: 420))
        #expect(day.minutes == nil && day.rfc3339 == "2024-12-05")
        for bad in ["2024-12-05T25:00", "2024-13-05", "2024-12-05T09:00+8", "2024-12-05T09:00:00+08:00junk", "besok"] {
            #expect(RemoteTime(bad, defaultOffset: 420) == nil, "\(bad)")
        }
        for days in [-700_000, -1, 0, 1, 19_000, 2_000_000] {
            #expect(CivilDate(dayNumber: days).dayNumber == days)
        }
    }
}

/// Which host a link goes to decides whether a source may publish it.
@Suite struct NetworkHostTests {
    @Test func theHostIsWhereABrowserGoes() {
        let cases: [(String, String?)] = [
            ("https://TPPO.Kutaitimurkab.go.id/regulasi/x/", "tppo.kutaitimurkab.go.id"),
            ("http://127.0.0.1:8701/data/situs.json", "127.0.0.1"),
            ("HTTPS://a.example", "a.example"),
            ("https://a.example?x=1", "a.example"),
            ("https://[::1]:8080/x", "[::1]"),
            ("https://evil.example:80@good.example/", nil),
            ("https://good.example@evil.example/", nil),
            ("javascript:alert(1)", nil),
            ("//a.example/x", nil),
            ("https:///x", nil),
            ("https://a b.example/", nil),
            ("https://a.example\\@b.example/", nil),
            ("ftp://a.example/", nil),
        ]
        for (address, host) in cases {
            #expect(NetworkSource.host(of: address) == host, "\(address)")
        }
    }
}
