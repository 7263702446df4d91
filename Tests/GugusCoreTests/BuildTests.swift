import Foundation
import Testing
@testable import GugusCore

@Suite struct BuildOutputTests {
    @Test func escapesEveryFrontMatterString() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", title: "\"<script>alert(1)</script> & Co\"", extra: "summary: \"<img src=x onerror=alert(1)>\"\nauthor: \"O'Brien <b>\"\n"),
        ]))
        #expect(site.buildSucceeds())
        let html = site.page("berita/x/index.html")
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("O&#39;Brien &lt;b&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
    }

    @Test func rendersMarkdownSafely() throws {
        let body = """
            ## Data kasus

            | Tahun | Kasus |
            |---|--:|
            | 2023 | 12 |

            ~~lama~~ dan https://example.org

            - [x] selesai

            <script>alert(1)</script>

            [klik](javascript:alert(1)) dan catatan[^1].

            [^1]: Sumber catatan.
            """
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x", body: body)]))
        #expect(site.buildSucceeds())
        let html = site.page("berita/x/index.html")
        #expect(html.contains("<h2 id=\"data-kasus\">"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<td class=\"align-right\">12</td>"), "alignment as a class: the CSP refuses inline styles")
        #expect(html.contains("<del>lama</del>"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("raw HTML omitted"))
        #expect(!html.contains("javascript:"))
    }

    @Test func resolvesLinksBetweenContentFilesAndReportsBrokenOnes() throws {
        let site = try TestSite(files: [
            "content/pages/cara-melapor.md": "---\ntitle: Cara Melapor\nmenu: 1\n---\n## Telepon\n",
            "content/news/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nLihat [cara](../pages/cara-melapor.md#telepon).\n",
        ])
        #expect(site.buildSucceeds())
        #expect(site.page("berita/a/index.html").contains("<a href=\"/cara-melapor/#telepon\">cara</a>"))
        #expect(site.page("index.html").contains("<a href=\"/cara-melapor/\">Cara Melapor</a>"))

        try site.write("content/news/b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nSatu.\n\nLihat [x](../pages/tidak-ada.md).\n")
        let errors = site.buildErrors()
        #expect(errors.contains { $0.hasPrefix("content/news/b.md:7:7: error: the link ../pages/tidak-ada.md does not lead to any content file") })
    }

    @Test func showsTheAmendmentChainBothWaysAndDerivesStatus() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            decree("a", "1/A/2019", date: "2019-01-01"),
            decree("b", "2/B/2023", date: "2023-01-01", extra: "amends: [\"1/A/2019\"]\n"),
            decree("c", "3/C/2024", date: "2024-01-01", extra: "revokes: [\"1/A/2019\"]\n"),
        ]))
        #expect(site.buildSucceeds())
        let old = site.page("regulasi/1-a-2019/index.html")
        #expect(old.contains("Status: Dicabut"))
        #expect(old.contains("<h3>Diubah oleh</h3>"))
        #expect(old.contains("<a href=\"/regulasi/2-b-2023/\">SK 2/B/2023</a>"))
        #expect(old.contains("<h3>Dicabut oleh</h3>"))
        #expect(old.contains("<a href=\"/regulasi/3-c-2024/\">SK 3/C/2024</a>"))
        let newer = site.page("regulasi/3-c-2024/index.html")
        #expect(newer.contains("<h3>Mencabut</h3>"))
        #expect(newer.contains("<a href=\"/regulasi/1-a-2019/\">SK 1/A/2019</a>"))
        // The revoked decree is not listed among the decrees in force on the home page.
        #expect(!site.page("index.html").contains("1/A/2019, Dicabut"))
    }

    @Test func paginatesSectionLists() throws {
        let items = (1...5).map { news("n\($0)", title: "Berita \($0)", date: "2024-07-0\($0)") }
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: items))
        #expect(site.buildSucceeds())
        let first = site.page("berita/index.html")
        #expect(first.contains("Berita 5"))
        #expect(first.contains("Berita 4"))
        #expect(!first.contains("Berita 3"))
        #expect(first.contains("<a href=\"/berita/page/2/\" rel=\"next\">"))
        let second = site.page("berita/page/2/index.html")
        #expect(second.contains("Berita 3"))
        #expect(second.contains("<a href=\"/berita/\" rel=\"prev\">"))
        #expect(second.contains("<a href=\"/berita/page/3/\" rel=\"next\">"))
        #expect(site.page("berita/page/3/index.html").contains("Berita 1"))
        #expect(!site.exists("berita/page/4/index.html"))
    }

    @Test func leavesDraftsOutUnlessAsked() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("d", title: "Rahasia", extra: "draft: true\n")]))
        #expect(site.buildSucceeds())
        #expect(!site.exists("berita/d/index.html"))
        #expect(site.buildSucceeds(drafts: true))
        #expect(site.page("berita/d/index.html").contains("Draf: halaman ini belum diterbitkan."))
    }

    @Test func writesRedirectPagesForAliases() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("baru", title: "Baru", extra: "aliases: [/berita/lama/]\n")]))
        #expect(site.buildSucceeds())
        let redirect = site.page("berita/lama/index.html")
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/berita/baru/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://uji.example.id/berita/baru/\">"))
        #expect(redirect.contains("<a href=\"/berita/baru/\">Baru</a>"))
    }

    @Test func switchesInterfaceToEnglish() throws {
        let site = try TestSite()
        try site.write("content/site.yaml", TestSite.siteYAML.replacingOccurrences(of: "language: id", with: "language: en"))
        try site.write("content/news/x.md", "---\ntitle: X\ndate: 2024-07-25\n---\nBody\n")
        #expect(site.buildSucceeds())
        let html = site.page("berita/x/index.html")
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Skip to content"))
        #expect(html.contains("25 July 2024"))
    }

    @Test func showsEventFactsAndItsDecree() throws {
        let site = try TestSite(files: [
            "content/decrees/sk.md": "---\ntitle: SK Gugus\nnumber: 264/K.503/2023\nkind: Keputusan Bupati\nissuer: Bupati\ndate: 2023-10-01\nregion: \"64.08\"\n---\n",
            "content/events/rakor.md": """
                ---
                title: Rakor
                kind: rakor
                start: 2024-07-25T09:00
                end: 2024-07-26
                region: "64.08"
                location: Ruang Arau, Sangatta
                status: cancelled
                organizer: DPPPA Kutim
                participants: [Dinas Sosial, Polres Kutim]
                decree: 264/K.503/2023
                ---
                Agenda.
                """,
        ])
        #expect(site.buildSucceeds(now: "2024-07-01"))
        let html = site.page("kegiatan/rakor/index.html")
        #expect(html.contains("Kamis, 25 Juli 2024, 09:00 – Jumat, 26 Juli 2024 WITA"))
        #expect(html.contains("<dd>Ruang Arau, Sangatta</dd>"))
        #expect(html.contains("Status: Dibatalkan"))
        #expect(html.contains("<li>Polres Kutim</li>"))
        #expect(html.contains("<a href=\"/regulasi/264-k-503-2023/\">SK Gugus</a> (264/K.503/2023)"))
        #expect(site.page("regulasi/264-k-503-2023/index.html").contains("<a href=\"/kegiatan/rakor/\">Rakor</a>"))
        #expect(site.page("wilayah/64-08/index.html").contains("Rakor"))
    }

    @Test func rendersDatasetTableAndFiles() throws {
        let site = try TestSite(files: [
            "content/statistics/kasus.md": "---\ntitle: Kasus\ndata: kasus.csv\nx: tahun\nunit: kasus\n---\n",
            "content/statistics/kasus.csv": "tahun,laporan,catatan\n2022,1200,\"a, b\"\n2023,15,=SUM(A1)\n",
        ])
        #expect(site.buildSucceeds())
        let html = site.page("statistik/kasus/index.html")
        #expect(html.contains("<th scope=\"row\">2022</th><td class=\"num\">1.200</td>"))
        #expect(html.contains("<caption id=\"tabel-data\">Kasus (Satuan: kasus)</caption>"))
        #expect(site.page("statistik/kasus.csv") == "tahun,laporan,catatan\r\n2022,1200,\"a, b\"\r\n2023,15,'=SUM(A1)\r\n")
        let json = try JSONSerialization.jsonObject(with: Data(site.page("statistik/kasus.json").utf8)) as? [String: Any]
        let rows = json?["rows"] as? [[String: Any]]
        #expect(rows?.first?["laporan"] as? Int == 1200)
        #expect(json?["series"] as? [String] == ["laporan"])
    }

    @Test func aTagSpelledTwoWaysTakesItsTitleFromTheFirstSection() throws {
        // One tag, two spellings: the title is the spelling of the first item that has it,
        // news before decrees (not the newest item over all sections).
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("banjir", title: "Banjir dan TPPO", date: "2024-07-01", extra: "tags: [Banjir]\n"),
            decree("sk-banjir", "100/2024", date: "2024-07-20", extra: "tags: [banjir]\n"),
        ]))
        #expect(site.buildSucceeds())
        let page = site.page("tag/banjir/index.html")
        #expect(page.contains("<h1>Topik: Banjir</h1>"))
        #expect(!page.contains("Topik: banjir"))
        #expect(site.page("berita/banjir/index.html").contains("Banjir dan TPPO"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: (1...6).map { news("n\($0)", title: "B\($0)", extra: "tags: [satu, dua]\nregion: \"64\"\n") }))
        #expect(site.buildSucceeds())
        let first = site.snapshot()
        #expect(site.buildSucceeds())
        #expect(first == site.snapshot())
        #expect(first.count > 10)
    }
}

@Suite struct ThemeTests {
    @Test func siteTemplatesReplaceBuiltInFilesOfTheSameName() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x", title: "Judul")]))
        try site.write("templates/partials/footer.mustache", "<footer><p>Kaki situs {{site.title}}</p></footer>\n")
        #expect(site.buildSucceeds())
        let html = site.page("berita/x/index.html")
        #expect(html.contains("<footer><p>Kaki situs Gugus Tugas Uji</p></footer>"))
        #expect(html.contains("<h1>Judul</h1>"))
    }

    @Test func theSiteHeaderMarksTheCurrentMenuEntryOfEachPage() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: (1...3).map { news("n\($0)", title: "B\($0)") }))
        #expect(site.buildSucceeds())
        let current = "aria-current=\"page\""
        // Rendered once per menu state, each page still gets the header of its own state.
        #expect(site.page("index.html").contains("<a href=\"/\" \(current)>"))
        #expect(!site.page("index.html").contains("<a href=\"/berita/\" \(current)>"))
        for page in ["berita/index.html", "berita/page/2/index.html", "berita/n1/index.html"] {
            let html = site.page(page)
            #expect(html.contains("<a href=\"/berita/\" \(current)>"), "\(page)")
            #expect(!html.contains("<a href=\"/\" \(current)>"), "\(page)")
            #expect(!html.contains("<a href=\"/cari/\" \(current)>"), "\(page)")
        }
        #expect(site.page("cari/index.html").contains("<a href=\"/cari/\" \(current)>"))
        #expect(!site.page("cari/index.html").contains("<a href=\"/berita/\" \(current)>"))
    }

    @Test func aSiteHeaderPartialReplacesTheBuiltInOne() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x", title: "Judul")]))
        try site.write("templates/partials/site-header.mustache",
                       "<header>{{site.title}}{{#menu}} {{title}}{{#current}}*{{/current}}{{/menu}}{{#page.isHome}} home{{/page.isHome}}</header>\n")
        #expect(site.buildSucceeds())
        #expect(site.page("berita/x/index.html").contains("<header>Gugus Tugas Uji Berita*</header>"))
        #expect(site.page("index.html").contains("<header>Gugus Tugas Uji Berita home</header>"))
        #expect(site.page("berita/x/index.html").contains("<h1>Judul</h1>"))
    }

    @Test func aThemeWithItsOwnHeaderTemplateStillBuilds() throws {
        // Template names are file names: the built-in site header must not take a name an
        // older theme may already use.
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x", title: "Judul")]))
        try site.write("templates/partials/header.mustache", "<p>kepala lama</p>\n")
        #expect(site.buildSucceeds())
        #expect(site.page("berita/x/index.html").contains("<h1>Judul</h1>"))
    }

    @Test func anEntriesPartialOfItsOwnSeesEveryFieldOfAnEntry() throws {
        // List pages hand each entry's fields out only when a template asks for them.
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", title: "Berita A", date: "2024-07-25", extra: "summary: Ringkasan A\n"),
            news("b", title: "Berita B", date: "2024-07-24", extra: "draft: true\n", body: "Paragraf pertama B yang panjang.\n\nParagraf kedua."),
        ]))
        try site.write("templates/partials/entries.mustache",
                       "<ol>{{#entries}}<li>{{title}}|{{url}}|{{date}}|{{dateISO}}|{{summary}}|{{kindLabel}}|{{#draft}}draf{{/draft}}{{^draft}}terbit{{/draft}}|{{#html}}ada{{/html}}{{^missing}}-{{/missing}}</li>{{/entries}}</ol>\n")
        #expect(site.buildSucceeds(drafts: true))
        let html = site.page("berita/index.html")
        #expect(html.contains("<li>Berita A|/berita/a/|25 Juli 2024|2024-07-25|Ringkasan A|Berita|terbit|ada-</li>"))
        #expect(html.contains("<li>Berita B|/berita/b/|24 Juli 2024|2024-07-24|Paragraf pertama B yang panjang.|Berita|draf|ada-</li>"))
    }

    @Test func reportsTemplateSyntaxErrorsWithTheirLine() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x")]))
        try site.write("templates/news.mustache", "{{<base}}\n{{$content}}\n{{#article}}{{title}}{{/artikel}}\n{{/content}}\n{{/base}}\n")
        let errors = site.buildErrors()
        #expect(errors.contains { $0.hasPrefix("templates/news.mustache:3:") && $0.contains("the template cannot be read") })
    }

    @Test func interfaceStringsOfASiteThemeShowAndTheirMistakesNameTheLine() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("x")]))
        // A site's own strings replace the built-in file: the key it sets shows on the pages.
        let builtIn = try #require(DefaultTheme.files["i18n/id.yaml"])
        try site.write("templates/i18n/id.yaml", builtIn.replacingOccurrences(of: "\nskip_to_content:", with: "\nskip_to_content: \"Lompat ke isi\"\nold_skip:"))
        #expect(site.buildSucceeds())
        #expect(site.page("berita/x/index.html").contains(">Lompat ke isi</a>"))

        try site.write("templates/i18n/id.yaml", "published: Diterbitkan\nsource: [Sumber, Asal]\n")
        let errors = site.buildErrors()
        #expect(errors.contains { $0.hasPrefix("templates/i18n/id.yaml:2:9:") && $0.contains("`source` is not text") })

        try site.write("templates/i18n/id.yaml", "published: Diterbitkan\nsource: Sumber: resmi\n")
        #expect(site.buildErrors().contains { $0.hasPrefix("templates/i18n/id.yaml:2:") && $0.contains("the YAML is not valid") })

        // An empty file would take every label off the pages.
        try site.write("templates/i18n/id.yaml", "# diisi nanti\n")
        #expect(site.buildErrors().contains { $0.hasPrefix("templates/i18n/id.yaml:1:") && $0.contains("the interface strings file is empty") })
    }
}
