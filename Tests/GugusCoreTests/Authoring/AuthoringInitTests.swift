import Foundation
import Testing
@testable import GugusCore

/// `gugus init`: a new site that builds at once, and a refusal that writes nothing.
@Suite struct AuthoringInitTests {
    @Test func newSiteBuildsAtOnceWithOneExampleOfEachType() throws {
        let site = try InitSite()
        #expect(site.buildSucceeds() == [])
        #expect(site.page("index.html").contains("Gugus Tugas PP-TPPO Kabupaten Semarang (contoh)"))
        // The real page is published; the invented examples are drafts.
        #expect(site.page("cara-melapor/index.html").contains("08111-129-129"))
        #expect(!site.exists("public/berita/situs-gugus-tugas-diluncurkan/index.html"))
        #expect(!site.read("published-urls.txt").contains("/berita/situs-gugus-tugas-diluncurkan/"))

        #expect(site.buildSucceeds(drafts: true) == [])
        let news = site.page("berita/situs-gugus-tugas-diluncurkan/index.html")
        #expect(news.contains("Situs Gugus Tugas PP-TPPO Diluncurkan (contoh)"))
        // The news links to the page through its Markdown file; Gugus resolved it.
        #expect(news.contains("href=\"/cara-melapor/\""))
        #expect(site.page("kegiatan/sosialisasi-pencegahan-tppo/index.html").contains("Sosialisasi Pencegahan TPPO"))
        #expect(site.page("regulasi/100-contoh-2024/index.html").contains("100/CONTOH/2024"))
        #expect(site.page("statistik/laporan-kasus.csv").hasPrefix("tahun,laporan"))
    }

    @Test func deletingTheExamplesKeepsTheSiteBuilding() throws {
        let site = try InitSite()
        site.buildSucceeds()
        for path in ["content/news/situs-gugus-tugas-diluncurkan.md", "content/events/sosialisasi-pencegahan-tppo.md",
                     "content/decrees/sk-pembentukan-gugus-tugas.md", "content/statistics/laporan-kasus.md", "content/statistics/laporan-kasus.csv"] {
            try FileManager.default.removeItem(atPath: site.root + "/" + path)
        }
        #expect(site.buildSucceeds() == [])
    }

    @Test func settingsExplainThemselvesInIndonesian() throws {
        let site = try InitSite()
        let settings = site.read("content/site.yaml")
        #expect(settings.contains("# Zona waktu"))
        #expect(settings.contains("time_zone: Asia/Jakarta"))
        #expect(settings.contains("language: id"))
        #expect(settings.contains("base_url: https://"))
        #expect(settings.contains("SAPA 129"))
        #expect(settings.contains("whatsapp: \"08111-129-129\""))
        #expect(settings.contains("# cms:"))
        let regions = site.read("content/regions.yaml")
        #expect(regions.contains("code: ID") && regions.contains("level: province") && regions.contains("level: regency"))
        #expect(site.read(".gitignore").contains("public/"))
        #expect(site.read(".gitignore").contains(".gugus-cache/"))
        #expect(site.exists("content/media/.gitkeep"))
    }

    @Test func refusesAFolderThatIsNotEmptyAndWritesNothing() throws {
        let folder = InitSite.freshPath()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("catatan".utf8).write(to: URL(fileURLWithPath: folder + "/catatan.txt"))
        #expect {
            try SiteScaffold.create(at: folder, today: .fallback)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("the folder \(folder) is not empty") && text.contains("catatan.txt") && text.contains("hint: gugus init only writes into a new or empty folder")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["catatan.txt"])
    }

    @Test func refusesAFile() throws {
        let path = InitSite.freshPath("situs.txt")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: path))
        #expect {
            try SiteScaffold.create(at: path, today: .fallback)
        } throws: { error in String(describing: error).contains("\(path) is a file, not a folder") }
    }

    @Test func acceptsAnEmptyFolder() throws {
        let folder = InitSite.freshPath()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try SiteScaffold.create(at: folder, today: .fallback)
        #expect(written.contains("content/site.yaml"))
        #expect(FileManager.default.fileExists(atPath: folder + "/content/statistics/laporan-kasus.csv"))
    }

    @Test func withThemeCopiesTheBuiltInThemeAndStillBuilds() throws {
        let site = try InitSite(withTheme: true)
        #expect(site.read("templates/assets/style.css") == DefaultTheme.files["assets/style.css"])
        #expect(site.exists("templates/i18n/id.yaml"))
        site.buildSucceeds()
        #expect(site.page("index.html").contains("SAPA 129"))
    }
}
