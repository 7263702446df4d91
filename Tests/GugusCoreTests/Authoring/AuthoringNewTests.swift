import Foundation
import Testing
@testable import GugusCore

/// `gugus new`: a draft with every field of the contract that keeps the site building.
@Suite struct AuthoringNewTests {
    /// The fields of CONTENT.md, per type (common fields included).
    static let contract: [ContentKind: Set<String>] = {
        let common: Set<String> = ["title", "slug", "draft", "summary", "tags", "aliases", "region", "image", "image_alt"]
        return [
            .decree: common.union(["number", "kind", "issuer", "date", "place", "status", "amends", "revokes", "document", "signatory", "subjects", "members"]),
            .event: common.union(["kind", "start", "end", "location", "online_url", "attendance", "status", "organizer", "participants", "audience", "speakers", "decree"]),
            .news: common.union(["date", "author", "events", "decrees", "source"]),
            .page: common.union(["menu"]),
            .statistics: common.union(["data", "x", "description", "source", "unit", "series", "chart"]),
        ]
    }()

    static let today = CivilDate(year: 2024, month: 8, day: 1) ?? .fallback

    @Test(arguments: ["berita", "kegiatan", "regulasi", "halaman", "statistik"])
    func everyTypeThenBuildWithDraftsSucceeds(typeName: String) throws {
        let site = try InitSite()
        let kind = try #require(ContentKind(commandName: typeName))
        let written = try NewContent.create(kind, title: "Rapat Uji \(typeName)", siteRoot: site.root, now: Self.today)
        #expect(written.first == "content/\(kind.folder)/rapat-uji-\(typeName).md")
        // No warning: every field written is one the loader knows.
        #expect(site.buildSucceeds(drafts: true) == [])
        let url = kind == .decree ? "regulasi/000-draft-2024/" : (kind == .page ? "" : kind.section + "/") + "rapat-uji-\(typeName)/"
        #expect(site.page(url + "index.html").contains("Rapat Uji \(typeName)"))
        // Without --drafts the site still builds and leaves the draft out.
        #expect(site.buildSucceeds() == [])
        #expect(!site.exists("public/" + url + "index.html"))
    }

    @Test(arguments: ContentKind.allCases)
    func theFileHoldsEveryFieldOfTheContractAsADraft(kind: ContentKind) throws {
        let site = try InitSite()
        let path = try #require(try NewContent.create(kind, title: "Uji", siteRoot: site.root, now: Self.today).first)
        let text = site.read(path)
        let fields = try site.frontMatter(path)
        // Every field of the contract, and only fields the model knows (the build warns of others).
        #expect(Self.contract[kind]?.isSubset(of: Set(fields.keys)) == true)
        #expect(Set(fields.keys) == Set(ContentModel.fields(for: kind).map(\.name)))
        #expect(fields["draft"] as? Bool == true)
        #expect(fields["title"] as? String == "Uji")
        #expect(text.contains("# Judul (wajib) — "))
        #expect(text.contains("\n---\nTulis "))
    }

    @Test func requiredFieldsAreFilledWithMarkedStandIns() throws {
        let site = try InitSite()
        let decree = try #require(try NewContent.create(.decree, title: "SK Baru", siteRoot: site.root, now: Self.today).first)
        let fields = try site.frontMatter(decree)
        #expect(fields["number"] as? String == "000/DRAFT/2024")
        #expect(fields["region"] as? String == "33.22")
        #expect(fields["kind"] as? String == "Keputusan Bupati")
        #expect(fields["issuer"] as? String == "Bupati Semarang")
        #expect(site.read(decree).contains("# GANTI: isian sementara"))
        #expect(site.read(decree).contains("region: \"33.22\""))

        let event = try #require(try NewContent.create(.event, title: "Kegiatan Baru", siteRoot: site.root, now: Self.today).first)
        #expect(site.read(event).contains("start: 2024-08-01T09:00"))
        #expect(site.read(event).contains("kind: lainnya"))
        let news = try #require(try NewContent.create(.news, title: "Berita Baru", siteRoot: site.root, now: Self.today).first)
        #expect(site.read(news).contains("date: 2024-08-01"))
    }

    @Test func twoDraftDecreesGetDifferentNumbers() throws {
        let site = try InitSite()
        let first = try #require(try NewContent.create(.decree, title: "SK Satu", siteRoot: site.root, now: Self.today).first)
        let second = try #require(try NewContent.create(.decree, title: "SK Dua", siteRoot: site.root, now: Self.today).first)
        #expect(try site.frontMatter(first)["number"] as? String == "000/DRAFT/2024")
        #expect(try site.frontMatter(second)["number"] as? String == "001/DRAFT/2024")
        site.buildSucceeds(drafts: true)
        #expect(site.page("regulasi/001-draft-2024/index.html").contains("SK Dua"))
    }

    @Test func statisticsComeWithACSVBeside() throws {
        let site = try InitSite()
        let written = try NewContent.create(.statistics, title: "Korban per Tahun", siteRoot: site.root, now: Self.today)
        #expect(written == ["content/statistics/korban-per-tahun.md", "content/statistics/korban-per-tahun.csv"])
        #expect(site.read("content/statistics/korban-per-tahun.csv") == "tahun,jumlah\n")
        #expect(try site.frontMatter(written[0])["data"] as? String == "korban-per-tahun.csv")
    }

    @Test func theSlugIsLowerCaseASCIIWithDashesAndTheTitleKeepsItsColon() throws {
        let site = try InitSite()
        let path = try #require(try NewContent.create(.news, title: "Rakor Gugus Tugas: Évaluasi Perlindungan Anak 2024", siteRoot: site.root, now: Self.today).first)
        #expect(path == "content/news/rakor-gugus-tugas-evaluasi-perlindungan-anak-2024.md")
        #expect(try site.frontMatter(path)["title"] as? String == "Rakor Gugus Tugas: Évaluasi Perlindungan Anak 2024")
        site.buildSucceeds(drafts: true)
    }

    @Test func refusesToOverwriteAndNamesTheFile() throws {
        let site = try InitSite()
        _ = try NewContent.create(.news, title: "Rakor", siteRoot: site.root, now: Self.today)
        try site.append("content/news/rakor.md", "Tulisan yang sudah ada.\n")
        #expect {
            try NewContent.create(.news, title: "RAKOR", siteRoot: site.root, now: Self.today)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("content/news/rakor.md already exists") && text.contains("--slug rakor-2")
        }
        #expect(site.read("content/news/rakor.md").hasSuffix("Tulisan yang sudah ada.\n"))
        let other = try NewContent.create(.news, title: "Rakor", slug: "rakor-2", siteRoot: site.root, now: Self.today)
        #expect(other == ["content/news/rakor-2.md"])
    }

    @Test func refusesATitleWithoutLettersAndAPageAtASectionAddress() throws {
        let site = try InitSite()
        #expect {
            try NewContent.create(.news, title: "???", siteRoot: site.root)
        } throws: { error in String(describing: error).contains("has no letters or digits") }
        #expect {
            try NewContent.create(.page, title: "Berita", siteRoot: site.root)
        } throws: { error in String(describing: error).contains("the address /berita/ belongs to a section") }
        #expect(!site.exists("content/pages/berita.md"))
    }

    @Test func indonesianAndEnglishTypeNames() {
        #expect(ContentKind(commandName: "berita") == .news)
        #expect(ContentKind(commandName: "Kegiatan") == .event)
        #expect(ContentKind(commandName: "regulasi") == .decree)
        #expect(ContentKind(commandName: "halaman") == .page)
        #expect(ContentKind(commandName: "statistik") == .statistics)
        #expect(ContentKind(commandName: "statistics") == .statistics)
        #expect(ContentKind(commandName: "artikel") == nil)
    }
}
