import Foundation
import Testing
@testable import GugusCore

/// The sharded search index as the search script reads it (through `SearchIndexReader`,
/// which follows the script's steps): stems, ranking, drafts, filters and the shards.
@Suite struct SearchIndexTests {
    /// Four pages, each with one form of *dagang*, and a page without it.
    static let forms = [
        news("a", title: "Berita A", date: "2024-01-01", body: "Pencegahan perdagangan orang di Bengalon."),
        news("b", title: "Berita B", date: "2024-02-01", body: "Warga yang diperdagangkan ke luar negeri."),
        news("c", title: "Berita C", date: "2024-03-01", body: "Sindikat yang memperdagangkan pekerja."),
        news("d", title: "Berita D", date: "2024-04-01", body: "Ibu-ibu berdagang di pasar."),
        news("e", title: "Berita E", date: "2024-05-01", body: "Rapat koordinasi tahunan."),
    ]

    @Test func everyFormOfAWordFindsThePagesWithTheOtherForms() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: Self.forms))
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        let all = Set(["/berita/a/", "/berita/b/", "/berita/c/", "/berita/d/"])
        for form in ["perdagangan", "diperdagangkan", "memperdagangkan", "berdagang", "PERDAGANGAN"] {
            #expect(Set(index.urls(form)) == all, "\(form)")
        }
        // Every form, and the stem itself, leads to one home: the form on the most pages,
        // here (one page each) the shortest; it lists the others, for marking them in results.
        let forms = ["perdagangan", "diperdagangkan", "memperdagangkan", "berdagang"]
        #expect(Set((forms + ["dagang"]).map { index.stem(of: $0) }) == ["berdagang"])
        #expect(Set(try #require(index.postings(ofStem: "berdagang")).forms) == ["perdagangan", "diperdagangkan", "memperdagangkan"])
        #expect(index.urls("koordinasi") == ["/berita/e/"])
        #expect(index.urls("perdagangan koordinasi") == [], "every word of a query must match")
        #expect(index.urls("pencegahan bengalon") == ["/berita/a/"])
    }

    @Test func aStemsPagesLiveUnderItsMostCommonWord() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", body: "Korban perdagangan orang."), news("b", body: "Tentang perdagangan lagi."),
            news("c", body: "Pelaku yang memperdagangkan pekerja."),
        ]))
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        #expect(index.entry("perdagangan") is [Any], "the form on two pages holds the pages: found in one lookup")
        #expect(index.entry("memperdagangkan") as? String == "perdagangan")
        #expect(index.entry("dagang") as? String == "perdagangan", "the stem, which the site never writes, leads there too")
        #expect(Set(index.urls("memperdagangkan")) == ["/berita/a/", "/berita/b/", "/berita/c/"])
    }

    /// A form found on many pages (at least a quarter of its home's, and 20) holds a copy of
    /// the stem's pages: a reader typing it is answered from one shard, not two.
    @Test func aCommonFormHoldsACopyOfItsStemsPages() throws {
        var files: [(String, String)] = []
        for number in 0..<43 {
            let body = number < 22 ? "Lowongan kerja di luar negeri nomor \(number)." : "Tentang pekerja migran nomor \(number)."
            files.append(news("p\(number)", date: "2024-01-\(String(format: "%02d", number % 28 + 1))", body: body))
        }
        files.append(news("x", body: "Tugas yang dikerjakan bersama."))
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: files))
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        #expect(index.entry("kerja") is [Any], "the home (22 pages)")
        let copy = try #require(index.postings(ofStem: "pekerja"), "the common form (21 pages) holds the pages itself")
        let home = try #require(index.postings(ofStem: "kerja"))
        #expect(copy.pages.map(\.page) == home.pages.map(\.page) && copy.rarity == home.rarity)
        #expect(Set(copy.forms) == ["kerja", "dikerjakan"], "its forms name the home and the others, for marking them")
        #expect(index.entry("dikerjakan") as? String == "kerja", "a rare form points to the home")
        #expect(Set(index.urls("pekerja")) == Set(index.urls("kerja")))
        #expect(index.urls("pekerja").count == 44)
    }

    @Test func anEnglishSiteUsesTheEnglishStemmer() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            ("content/site.yaml", TestSite.siteYAML.replacingOccurrences(of: "language: id", with: "language: en")),
            news("a", title: "One", body: "Traffickers were arrested."),
            news("b", title: "Two", body: "Preventing trafficking starts at home."),
        ]))
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        #expect(Set(index.urls("trafficking")) == ["/berita/a/", "/berita/b/"])
        #expect(index.urls("prevented") == [], "a word the site does not have finds nothing")
        #expect(index.urls("preventing") == ["/berita/b/"])
    }

    @Test func titleMatchesRankAboveBodyMatchesAndTiesGoToTheNewest() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("judul", title: "Sosialisasi di Sangatta", date: "2023-01-01", body: "Isi singkat."),
            news("isi", title: "Kegiatan lain", date: "2024-06-01",
                 body: "Sangatta, Sangatta, Sangatta: sosialisasi di Sangatta dan sekitar Sangatta."),
            news("lama", title: "Berita lama", date: "2022-01-01", body: "Rapat di Bontang."),
            news("baru", title: "Berita baru", date: "2024-01-01", body: "Rapat di Bontang."),
        ]))
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        #expect(index.urls("sangatta") == ["/berita/judul/", "/berita/isi/"], "the title match first, though the other page repeats the word")
        #expect(index.urls("bontang") == ["/berita/baru/", "/berita/lama/"], "equal scores: newest first")
    }

    @Test func draftsAndWithdrawnPagesAreNeverFound() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("terbit", title: "Terbit", body: "Kata umum."),
            news("draf", title: "Draf", extra: "draft: true\n", body: "Kata umum dan rahasiadraf."),
            ("content/gone.yaml", "- url: /berita/ditarik/\n  reason: Ditarik karena rahasiatarik.\n"),
        ]))
        for drafts in [false, true] {
            guard case .success = site.build(drafts: drafts) else { Issue.record("build failed"); return }
            let index = try #require(SearchIndexReader(folder: site.output))
            #expect(index.urls("rahasiadraf") == [], "drafts: \(drafts)")
            #expect(index.stem(of: "rahasiadraf") == nil, "the word is nowhere in the index")
            #expect(index.urls("rahasiatarik") == [])
            #expect(index.urls("umum") == ["/berita/terbit/"])
        }
    }

    @Test func filtersHoldEveryPageAndYearsAreRangesOfPages() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", date: "2024-03-01", extra: "region: \"64.08\"\n"),
            news("b", date: "2023-03-01"),
            decree("sk", "1/2023", date: "2023-05-05"),
            ("content/pages/tentang.md", "---\ntitle: Tentang\n---\nHalaman.\n"),
        ]))
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        #expect(index.manifest["version"] as? Int == 2)
        #expect(index.manifest["documents"] as? Int == 4)
        let years = try #require(index.manifest["years"] as? [[Any]])
        #expect(years.map { "\($0[0]):\($0[1])-\($0[2])" } == ["2024:0-1", "2023:1-3"], "newest first; the page without a date last")
        let regions = try #require(index.manifest["regions"] as? [[String]])
        #expect(regions == [["64.08", "Kutai Timur"]])
        let filterFile = try #require(index.load("search-index/filters.json"))
        let filters = try #require(try JSONSerialization.jsonObject(with: filterFile) as? [String: [Int]])
        let kinds = try #require(index.manifest["kinds"] as? [[String]]).map { $0[0] }
        #expect(filters["kind"]?.map { kinds[$0] } == ["news", "decree", "news", "page"])
        #expect(filters["region"] == [1, 1, 0, 0], "the decree's region too; 0 is none")
        // The search page offers the same values.
        let page = site.page("cari/index.html")
        #expect(page.contains("<option value=\"64.08\">Kutai Timur</option>"))
        #expect(page.contains("<option value=\"2023\">2023</option>"))
        #expect(page.contains("<option value=\"decree\">Regulasi</option>"))
    }

    @Test func shardsHoldEveryWordOnceInTheOrderTheScriptSearches() throws {
        // Enough distinct words for several shards.
        var files = Dictionary(uniqueKeysWithValues: (0..<60).map { number in
            news("n\(number)", date: "2024-01-\(String(format: "%02d", number % 28 + 1))",
                 body: (0..<300).map { "kata\(number)x\($0)" }.joined(separator: " "))
        })
        files["content/news/unik.md"] = "---\ntitle: Ünik café\ndate: 2024-02-02\n---\nÉcole zürich.\n"
        let site = try TestSite(files: files)
        guard site.buildSucceeds() else { return }
        let index = try #require(SearchIndexReader(folder: site.output))
        let firstKeys = index.shardKeys
        #expect(firstKeys.count > 1)
        var all: [String] = []
        for number in firstKeys.indices {
            let shard = try #require(index.shard(number))
            #expect(shard.keys.first == firstKeys[number])
            #expect(shard.keys.count == shard.entries.count)
            all += shard.keys
        }
        #expect(all == all.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) } && Set(all).count == all.count)
        #expect(index.urls("kata17x299") == ["/berita/n17/"])
        #expect(index.urls("cafe") == ["/berita/unik/"], "diacritics folded")
        #expect(index.urls("ecole zurich") == ["/berita/unik/"])
        for file in (try FileManager.default.contentsOfDirectory(atPath: site.output + "/search-index")) where !file.hasSuffix(".json") {
            #expect(file.hasSuffix(".gz") || file.hasSuffix(".br"), "\(file)")
        }
    }

    @Test func theSameSourcesGiveTheSameIndex() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: Self.forms))
        guard site.buildSucceeds() else { return }
        let first = site.snapshot().filter { $0.key.hasPrefix("search-index") }
        try FileManager.default.removeItem(atPath: site.output)
        guard site.buildSucceeds() else { return }
        #expect(site.snapshot().filter { $0.key.hasPrefix("search-index") } == first)
        #expect(first.count >= 4)
    }

    /// Pages are read in runs with one table of words: each page's terms are the ones it
    /// has read alone, whatever the page before it left (a word cut by the limit, a title
    /// word, a folded word, a word of 32 letters or more).
    @Test func pagesReadInARunGetTheTermsTheyGetAlone() {
        let long = String(repeating: "panjang", count: 5)
        let pages: [SearchTerms.Page] = [
            ("Rakor Gugus Tugas", [("pekerja migran pekerja Café école " + long, 1)]),
            ("", [("satu dua tiga empat lima enam", 1)]),
            ("Sosialisasi", [("Bengalon bengalon kutai timur", 2), ("dan yang di", 1)]),
            ("", []),
            ("Ümit çalışma", [("rakor gugus", 1)]),
            ("kutai", [("timur sosialisasi", 1)]),
        ]
        for limit in [0, 1, 2, 3, 100] {
            let run = SearchTerms.counted(pages, limit: limit)
            #expect(run.count == pages.count)
            for (page, counted) in zip(pages, run) {
                let alone = SearchTerms.counted(title: page.title, page.fields, limit: limit)
                #expect(counted.terms == alone.terms, "limit \(limit): \(page.title)")
                #expect(counted.weights == alone.weights && counted.inTitle == alone.inTitle && counted.ascii == alone.ascii)
                #expect(counted.wordCount == alone.wordCount, "limit \(limit): \(page.title)")
            }
        }
        let first = SearchTerms.counted(pages, limit: 100)
        #expect(first[0].terms == ["rakor", "gugus", "tugas", "pekerja", "migran", "cafe", "ecole"], "a word of 35 letters is no term")
        #expect(first[0].ascii.allSatisfy { $0 }, "folded café is ASCII")
        #expect(first[0].inTitle == [true, true, true, false, false, false, false])
        #expect(first[0].weights == [0, 0, 0, 2, 1, 1, 1])
        #expect(first[2].terms == ["sosialisasi", "bengalon", "kutai", "timur"], "stop words are left out")
        #expect(first[2].weights == [0, 4, 2, 2])
        #expect(first[5].terms == ["kutai", "timur", "sosialisasi"])
    }
}
