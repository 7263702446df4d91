import Foundation
import Testing
@testable import GugusCore

/// Feeds, calendar, sitemap, open data, structured data, charts and search, as the files
/// a feed reader, calendar, crawler or NGO script would read them.
@Suite struct PublishTests {
    static let hostile = "A & B <script>alert(1)</script> \\u{0B} \"kutip\""

    func event(_ slug: String, extra: String = "") -> (String, String) {
        ("content/events/\(slug).md",
         "---\ntitle: Sosialisasi \(slug)\nkind: sosialisasi\nstart: 2024-09-10T09:00\nend: 2024-09-10T12:00\nregion: \"64.08\"\nlocation: Aula Bengalon, Kutai Timur; lantai 2\n\(extra)---\nIsi.\n")
    }

    @Test func atomFeedsEscapeTextAndLinkEveryEntry() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", title: "\"Berita <b>satu</b> & dua\"", date: "2024-07-01", body: "Lihat [halaman](/berita/)."),
            news("b", date: "2024-07-02"),
            event("e1"),
        ]))
        guard site.buildSucceeds() else { return }
        let feed = site.page("feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<title>Berita &lt;b&gt;satu&lt;/b&gt; &amp; dua</title>"))
        #expect(feed.contains("<id>https://uji.example.id/berita/a/</id>"))
        #expect(feed.contains("<updated>2024-07-02T00:00:00+08:00</updated>"), "the feed is as new as its newest entry")
        // Root-relative links in the content become absolute for feed readers.
        #expect(feed.contains("href=&quot;https://uji.example.id/berita/&quot;"))
        #expect(feed.components(separatedBy: "<entry>").count == 3)
        let events = site.page("kegiatan/feed.xml")
        #expect(events.contains("<id>https://uji.example.id/kegiatan/e1/</id>"))
        #expect(events.contains("<published>2024-09-10T09:00:00+08:00</published>"))
        #expect(site.page("index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
    }

    @Test func calendarFollowsRFC5545() throws {
        let long = String(repeating: "Kecamatan Sangatta Utara, ", count: 8)
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            event("e1", extra: "summary: \"\(long)\"\n"),
            event("e2", extra: "status: cancelled\n"),
            ("content/events/e3.md", "---\ntitle: Rakor dua hari\nkind: rakor\nstart: 2024-09-11\nend: 2024-09-12\nregion: \"64\"\n---\n"),
        ]))
        guard site.buildSucceeds() else { return }
        let calendar = site.page("kegiatan/kalender.ics")
        let lines = calendar.components(separatedBy: "\r\n")
        #expect(!calendar.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "lines are folded at 75 octets")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(lines.contains("UID:e1@uji.example.id"))
        #expect(lines.contains("DTSTART;TZID=Asia/Makassar:20240910T090000"))
        #expect(lines.contains("TZID:Asia/Makassar") && lines.contains("TZOFFSETTO:+0800"))
        #expect(lines.contains("LOCATION:Aula Bengalon\\, Kutai Timur\\; lantai 2"), "commas and semicolons are escaped")
        #expect(lines.contains("STATUS:CANCELLED"))
        // An all-day event ends the day after its last day.
        #expect(lines.contains("DTSTART;VALUE=DATE:20240911") && lines.contains("DTEND;VALUE=DATE:20240913"))
        #expect(calendar.contains("DTSTAMP:20240801T000000Z"), "DTSTAMP comes from --now, so builds are reproducible")
        // Unfolding gives back the full summary.
        #expect(calendar.replacingOccurrences(of: "\r\n ", with: "").contains("DESCRIPTION:" + long.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "\\,") + "\r\n"))
        let single = site.page("kegiatan/e1.ics")
        #expect(single.contains("UID:e1@uji.example.id") && !single.contains("UID:e2@"))
        #expect(site.page("kegiatan/e1/index.html").contains("href=\"/kegiatan/e1.ics\""))
        #expect(!site.page("kegiatan/e2/index.html").contains("href=\"/kegiatan/e2.ics\""), "no 'add to calendar' for a cancelled event")
    }

    @Test func sitemapListsPagesButNotRedirectsAndSplitsPastTheLimit() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", date: "2024-07-01", extra: "aliases: [/lama/a/]\nupdated: 2024-07-20\n"),
            news("b", date: "2024-07-02"), news("c", date: "2024-07-03"),
        ]))
        guard site.buildSucceeds() else { return }
        let sitemap = site.page("sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://uji.example.id/berita/a/</loc><lastmod>2024-07-20</lastmod></url>"))
        #expect(sitemap.contains("<loc>https://uji.example.id/berita/page/2/</loc>"))
        #expect(!sitemap.contains("/lama/a/"), "redirect pages are not listed")
        #expect(!sitemap.contains("404"))
        #expect(site.page("robots.txt").contains("Sitemap: https://uji.example.id/sitemap.xml"))

        guard case let .success(report) = site.build() else { return }
        let files = Sitemap.files(report.site, limit: 5)
        let index = try #require(files.first { $0.path == "sitemap.xml" })
        guard case let .bytes(data) = index.content else { return }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<sitemapindex"))
        #expect(text.contains("<loc>https://uji.example.id/sitemap-1.xml</loc>"))
        #expect(files.count == 1 + (Sitemap.entries(report.site).count + 4) / 5)
    }

    @Test func openDataUsesJDIHNFieldNames() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            decree("lama", "100/K.1/2020", date: "2020-02-03"),
            decree("baru", "200/K.2/2024", extra: "revokes: [100/K.1/2020]\nsubjects: [TPPO, Gugus Tugas]\nplace: Sangatta\n"),
            event("e1"),
        ]))
        guard site.buildSucceeds() else { return }
        let records = try #require(try JSONSerialization.jsonObject(with: Data(site.page("data/regulasi.json").utf8)) as? [[String: Any]])
        let old = try #require(records.first { $0["noPeraturan"] as? String == "100/K.1/2020" })
        let new = try #require(records.first { $0["noPeraturan"] as? String == "200/K.2/2024" })
        for key in ["idData", "tahun_pengundangan", "tanggal_penetapan", "jenis", "noPeraturan", "judul", "singkatanJenis", "tempatTerbit",
                    "teuBadan", "sumber", "subjek", "status", "bahasa", "bidangHukum", "urlDownload", "urlDetailPeraturan"] {
            #expect(old.keys.contains(key), "missing \(key)")
        }
        #expect(old["status"] as? String == "Dicabut")
        #expect(old["tahun_pengundangan"] as? String == "2020" && old["tanggal_penetapan"] as? String == "2020-02-03")
        #expect(new["singkatanJenis"] as? String == "KEPBUP" && new["tempatTerbit"] as? String == "Sangatta")
        #expect(new["subjek"] as? String == "TPPO - Gugus Tugas")
        #expect(new["mencabut"] as? [String] == ["100/K.1/2020"])
        #expect(new["urlDetailPeraturan"] as? String == "https://uji.example.id/regulasi/200-k-2-2024/")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(site.page("data/kegiatan.json").utf8)) as? [[String: Any]])
        #expect(events.first?["mulai"] as? String == "2024-09-10T09:00:00+08:00")
        #expect(site.page("data/index.html").contains("href=\"/data/regulasi.json\""))
    }

    /// Every JSON-LD block of a page, parsed.
    func structuredData(_ html: String) throws -> [[String: Any]] {
        try html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map { part in
            let json = String(part.prefix { $0 != "<" })
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return (object?["@graph"] as? [[String: Any]]) ?? []
        }.flatMap { $0 }
    }

    @Test func everyPageCarriesStructuredDataThatCannotBreakOutOfItsScript() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", title: "\"</script><script>alert(1)</script>\""),
            decree("lama", "100/K.1/2020"),
            decree("baru", "200/K.2/2024", extra: "amends: [100/K.1/2020]\n"),
            event("e1", extra: "attendance: mixed\nonline_url: https://zoom.example/j/1\n"),
        ]))
        guard site.buildSucceeds() else { return }
        let article = site.page("berita/a/index.html")
        #expect(!article.contains("<script>alert"), "the title cannot close the JSON-LD script")
        let nodes = try structuredData(article)
        #expect(nodes.contains { $0["@type"] as? String == "NewsArticle" && ($0["headline"] as? String)?.contains("</script>") == true })
        let organization = try #require(nodes.first { $0["@type"] as? String == "GovernmentOrganization" })
        #expect((organization["contactPoint"] as? [[String: Any]])?.first?["telephone"] as? String == "129")

        let amended = try structuredData(site.page("regulasi/100-k-1-2020/index.html")).first { $0["@type"] as? String == "Legislation" }
        #expect(amended?["legislationLegalForce"] as? String == "https://schema.org/PartiallyInForce")
        let amending = try structuredData(site.page("regulasi/200-k-2-2024/index.html")).first { $0["@type"] as? String == "Legislation" }
        #expect((amending?["legislationAmends"] as? [[String: Any]])?.first?["legislationIdentifier"] as? String == "100/K.1/2020")
        #expect(amending?["legislationIdentifier"] as? String == "200/K.2/2024")

        let event = try structuredData(site.page("kegiatan/e1/index.html")).first { $0["@type"] as? String == "EducationEvent" }
        #expect(event?["eventAttendanceMode"] as? String == "https://schema.org/MixedEventAttendanceMode")
        #expect(event?["startDate"] as? String == "2024-09-10T09:00:00+08:00")
        #expect((event?["location"] as? [[String: Any]])?.count == 2, "a mixed event has a place and a virtual location")
        #expect(article.contains("<meta property=\"og:url\" content=\"https://uji.example.id/berita/a/\">"))
        #expect(article.contains("<meta property=\"og:type\" content=\"article\">"))
    }

    @Test func datasetsGetAnAccessibleSVGChart() throws {
        let site = try TestSite(files: [
            "content/statistics/kasus.md": "---\ntitle: Kasus <TPPO>\ndata: kasus.csv\nx: tahun\nchart: line\nunit: kasus\n---\n",
            "content/statistics/kasus.csv": "tahun,laporan,korban\n2022,3,2\n2023,,4\n2024,1200,9\n",
            "content/statistics/tanpa.md": "---\ntitle: Tanpa grafik\nx: a\nchart: none\nrows:\n  - {a: x, b: 1}\n---\n",
        ])
        guard site.buildSucceeds() else { return }
        let page = site.page("statistik/kasus/index.html")
        #expect(page.contains("<svg class=\"chart\" role=\"img\" aria-labelledby=\"grafik-kasus-judul grafik-kasus-uraian\""))
        #expect(page.contains("<title id=\"grafik-kasus-judul\">Kasus &lt;TPPO&gt;</title>"))
        #expect(page.contains("Diagram garis laporan, korban menurut tahun. 2022: laporan 3, korban 2; 2023: laporan –, korban 4; 2024: laporan 1.200, korban 9."))
        #expect(page.contains(">1.200</text>"), "values are written on the chart")
        #expect(page.components(separatedBy: "<polyline").count == 2, "the empty 2023 cell leaves the first series as two unjoined points")
        #expect(page.components(separatedBy: "<circle").count == 6)
        #expect(!site.page("statistik/tanpa/index.html").contains("<svg"))
        #expect(site.page("index.html").contains("aria-labelledby=\"grafik-beranda-judul grafik-beranda-uraian\""))
    }

    @Test func searchIndexFoldsCaseAndDiacritics() throws {
        #expect(SearchTerms.counted(title: "", [("Sosialisasi PERDAGANGAN orang dan Café, café; 264/K.503", 1)], limit: 100).terms == ["sosialisasi", "perdagangan", "orang", "cafe", "264", "503"])
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", title: "Rakor Gugus Tugas", body: "Pembahasan tentang pekerja migran di Bengalon."),
            news("b", title: "Lain", body: "Tidak ada kaitannya."),
        ]))
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        #expect(index.urls("Bengalon") == ["/berita/a/"])
        #expect(index.search("bengalon").first?.kind == "news")
        let script = AssetFingerprints.hashedPath("search.js", data: try #require(FileManager.default.contents(atPath: site.output + "/assets/search.js")))
        #expect(site.page("cari/index.html").contains("<script src=\"/assets/\(script)\" defer></script>"))
        #expect(site.page("cari/index.html").contains("href=\"/berita/\""), "without JavaScript the page offers the lists")
        #expect(site.exists("assets/search.js"))
    }
}

extension PublishTests {
    @Test func longListsShowAWindowOfPageNumbers() {
        #expect(ContextBuilder.pageWindow(current: 8, total: 700) == [1, nil, 6, 7, 8, 9, 10, nil, 700])
        #expect(ContextBuilder.pageWindow(current: 1, total: 3) == [1, 2, 3])
        #expect(ContextBuilder.pageWindow(current: 2, total: 6) == [1, 2, 3, 4, nil, 6])
        #expect(ContextBuilder.pageWindow(current: 1, total: 1) == [1])
    }
}

extension PublishTests {
    /// WCAG 2.2 1.4.11: chart colours need 3:1 against the white page.
    @Test func chartColoursContrastWithThePage() {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            return [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].enumerated().map { index, channel -> Double in
                let c = Double(channel) / 255
                let linear = c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
                return linear * [0.2126, 0.7152, 0.0722][index]
            }.reduce(0, +)
        }
        for color in SVGChart.colors {
            #expect(1.05 / (luminance(color) + 0.05) >= 3, "\(color) is too light for a chart on white")
        }
    }
}
