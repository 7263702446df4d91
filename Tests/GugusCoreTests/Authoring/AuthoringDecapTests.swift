import Foundation
import Testing
import Yams
@testable import GugusCore

/// The browser editor's configuration, read back with Yams as Decap CMS reads it.
@Suite struct AuthoringDecapTests {
    static let cms = """

        cms:
          backend: github
          repo: dinas-pppa/situs-tppo
          branch: terbit

        """

    func builtConfig(_ site: InitSite) throws -> [String: Any] {
        try #require(site.buildSucceeds() == [])
        return try #require(try Yams.load(yaml: site.page("admin/config.yml")) as? [String: Any])
    }

    func collections(_ config: [String: Any]) -> [[String: Any]] { config["collections"] as? [[String: Any]] ?? [] }

    func fields(_ collection: [String: Any]?) -> [[String: Any]] { collection?["fields"] as? [[String: Any]] ?? [] }

    func field(_ name: String, in collection: [String: Any]?) -> [String: Any]? {
        fields(collection).first { $0["name"] as? String == name }
    }

    func optionValues(_ field: [String: Any]?) -> [String] {
        (field?["options"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
    }

    @Test func withoutCMSSettingsThereIsNoAdmin() throws {
        let site = try InitSite()
        site.buildSucceeds()
        #expect(!site.exists("public/admin/config.yml"))
        #expect(!site.exists("public/admin/index.html"))
    }

    @Test func backendMediaAndSlugRules() throws {
        let site = try InitSite()
        try site.append("content/site.yaml", Self.cms)
        let config = try builtConfig(site)
        let backend = config["backend"] as? [String: Any]
        #expect(backend?["name"] as? String == "github")
        #expect(backend?["repo"] as? String == "dinas-pppa/situs-tppo")
        #expect(backend?["branch"] as? String == "terbit")
        #expect(config["media_folder"] as? String == "content/media")
        #expect(config["public_folder"] as? String == "/media")
        #expect(config["site_url"] as? String == "https://gugus-tppo.example.id")
        let slug = config["slug"] as? [String: Any]
        #expect(slug?["encoding"] as? String == "ascii")
        #expect(slug?["clean_accents"] as? Bool == true)
        #expect(slug?["sanitize_replacement"] as? String == "-")
        #expect(site.page("admin/config.yml").contains("# Wilayah (`region`) dipilih dengan widget select"))

        let page = site.page("admin/index.html")
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<script src=\"https://unpkg.com/decap-cms@^3.0.0/dist/decap-cms.js\"></script>"))
        #expect(page.contains("<title>Pengelola konten — Gugus Tugas PP-TPPO Kabupaten Semarang (contoh)</title>"))
    }

    @Test func oneFolderCollectionPerTypeWithTheFieldsOfTheModel() throws {
        let site = try InitSite()
        try site.append("content/site.yaml", Self.cms)
        let config = try builtConfig(site)
        let all = collections(config)
        #expect(all.compactMap { $0["name"] as? String } == ["berita", "kegiatan", "regulasi", "statistik", "halaman", "pengaturan"])
        for kind in ContentKind.allCases {
            let collection = all.first { $0["folder"] as? String == "content/\(kind.folder)" }
            #expect(collection != nil, "no collection for content/\(kind.folder)")
            #expect(site.exists("content/\(kind.folder)"))
            #expect(collection?["format"] as? String == "frontmatter")
            #expect(collection?["create"] as? Bool == true)
            let names = fields(collection).compactMap { $0["name"] as? String }
            #expect(names == ContentModel.fields(for: kind).map(\.name) + ["body"], "fields of \(kind)")
            #expect(AuthoringNewTests.contract[kind]?.isSubset(of: Set(names)) == true, "contract fields of \(kind)")
            #expect(field("title", in: collection)?["widget"] as? String == "string")
            #expect(field("body", in: collection)?["widget"] as? String == "markdown")
            #expect(field("draft", in: collection)?["widget"] as? String == "boolean")
            #expect(field("tags", in: collection)?["widget"] as? String == "list")
            #expect(field("region", in: collection)?["required"] as? Bool == (kind == .decree || kind == .event))
        }
        let decrees = all.first { $0["name"] as? String == "regulasi" }
        #expect(decrees?["slug"] as? String == "{{fields.number}}")
        #expect(all.first { $0["name"] as? String == "berita" }?["slug"] as? String == "{{slug}}")
    }

    @Test func widgetsForDatesChoicesAndRegions() throws {
        let site = try InitSite()
        try site.append("content/site.yaml", Self.cms)
        let all = collections(try builtConfig(site))
        let news = all.first { $0["name"] as? String == "berita" }
        let events = all.first { $0["name"] as? String == "kegiatan" }
        let decrees = all.first { $0["name"] as? String == "regulasi" }

        let date = field("date", in: news)
        #expect(date?["widget"] as? String == "datetime")
        #expect(date?["date_format"] as? String == "YYYY-MM-DD")
        #expect(date?["time_format"] as? Bool == false)
        #expect(field("start", in: events)?["time_format"] as? String == "HH:mm")

        #expect(optionValues(field("kind", in: events)) == ItemDecoder.eventKinds)
        #expect(optionValues(field("status", in: events)) == ItemDecoder.eventStatuses)
        #expect(optionValues(field("attendance", in: events)) == ["offline", "online", "mixed"])
        #expect(optionValues(field("status", in: decrees)) == ["in-force", "amended", "revoked"])
        #expect(optionValues(field("chart", in: all.first { $0["name"] as? String == "statistik" })) == ["bar", "line", "none"])
        // Region options are the codes of regions.yaml, national first.
        #expect(optionValues(field("region", in: events)) == ["ID", "33", "33.22"])
        #expect(site.page("admin/config.yml").contains("value: '33.22'"))
    }

    @Test func relationsPointAtCollectionsAndFieldsThatExist() throws {
        let site = try InitSite()
        try site.append("content/site.yaml", Self.cms)
        let all = collections(try builtConfig(site))
        let byName = Dictionary(uniqueKeysWithValues: all.compactMap { c in (c["name"] as? String).map { ($0, c) } })
        var relations: [(String, [String: Any])] = []
        for collection in all {
            for field in fields(collection) where field["widget"] as? String == "relation" {
                relations.append(((collection["name"] as? String ?? "") + "." + (field["name"] as? String ?? ""), field))
            }
        }
        #expect(relations.map(\.0).sorted() == ["berita.decrees", "berita.events", "kegiatan.decree", "regulasi.amends", "regulasi.revokes"])
        for (name, relation) in relations {
            let target = try #require(byName[relation["collection"] as? String ?? ""], "\(name) points at no collection")
            let value = relation["value_field"] as? String ?? ""
            #expect(value == "{{slug}}" || field(value, in: target) != nil, "\(name): no field \(value)")
            for search in relation["search_fields"] as? [String] ?? [] {
                #expect(field(search, in: target) != nil, "\(name): no search field \(search)")
            }
        }
        #expect(relations.first { $0.0 == "kegiatan.decree" }?.1["value_field"] as? String == "number")
        #expect(relations.first { $0.0 == "berita.events" }?.1["collection"] as? String == "kegiatan")
        #expect(relations.first { $0.0 == "berita.decrees" }?.1["multiple"] as? Bool == true)
    }

    @Test func siteSettingsAreAFileCollectionOfSiteYAML() throws {
        let site = try InitSite()
        try site.append("content/site.yaml", Self.cms)
        let settings = collections(try builtConfig(site)).first { $0["name"] as? String == "pengaturan" }
        let file = (settings?["files"] as? [[String: Any]])?.first
        #expect(file?["file"] as? String == "content/site.yaml")
        let names = fields(file).compactMap { $0["name"] as? String }
        #expect(Set(names) == Set(SiteConfigLoader.siteKeys))
        #expect(optionValues(field("time_zone", in: file)).contains("Asia/Jakarta"))
        let organization = field("organization", in: file)
        #expect(optionValues(field("region", in: organization)) == ["ID", "33", "33.22"])
    }

    @Test func wrongCMSSettingsAreErrorsInSiteYAML() throws {
        let site = try InitSite()
        try site.append("content/site.yaml", "\ncms:\n  backend: bitbucket\n  repo: a/b\n")
        guard case let .failure(failure) = site.build() else {
            Issue.record("the build should fail")
            return
        }
        let errors = failure.diagnostics.map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/site.yaml:") && $0.contains("`backend` cannot be \"bitbucket\"") && $0.contains("github, gitlab, git-gateway") })

        try site.write("content/site.yaml", site.read("content/site.yaml").replacingOccurrences(of: "  backend: bitbucket\n  repo: a/b\n", with: "  backend: gitlab\n  brnach: main\n"))
        guard case let .failure(second) = site.build() else {
            Issue.record("the build should fail without repo")
            return
        }
        let messages = second.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("error: the CMS needs the repository of the site (`repo`)") })
        #expect(messages.contains { $0.contains("warning: unknown field `brnach` is ignored") && $0.contains("did you mean `branch`?") })
    }

    @Test func gitGatewayNeedsNoRepository() throws {
        let site = try InitSite()
        try site.append("content/site.yaml", "\ncms:\n  backend: git-gateway\n")
        let backend = try builtConfig(site)["backend"] as? [String: Any]
        #expect(backend?["name"] as? String == "git-gateway")
        #expect(backend?["repo"] == nil)
        #expect(backend?["branch"] as? String == "main")
    }

    @Test func aFileAsTheEditorWritesItLoads() throws {
        // Decap writes dates from the date widget quoted or not, `/media/…` image paths and
        // region codes quoted; the loader reads all of them.
        let site = try InitSite()
        try FileManager.default.createDirectory(atPath: site.root + "/content/media/foto", withIntermediateDirectories: true)
        try site.write("content/media/foto/rapat.jpg", data: tinyJPEG)
        try site.write("content/news/dari-cms.md", """
            ---
            title: Dari CMS
            date: '2024-07-30'
            draft: false
            tags:
              - rakor
            region: '33.22'
            image: /media/foto/rapat.jpg
            image_alt: Peserta rapat
            events:
              - sosialisasi-pencegahan-tppo
            decrees:
              - 100/CONTOH/2024
            ---
            Isi.

            """)
        #expect(site.buildSucceeds() == [])
        #expect(site.page("berita/dari-cms/index.html").contains("Dari CMS"))
    }
}
