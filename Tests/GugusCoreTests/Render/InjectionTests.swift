import Foundation
import Testing
@testable import GugusCore

/// No field, file, cell or link can inject markup or script into any output format.
@Suite struct InjectionTests {
    static let script = "<script>alert(1)</script>"

    @Test func hostileValuesStayTextInEveryFormat() throws {
        let hostile = "\\\"><img src=x onerror=alert(1)>\(Self.script)]]><!-- &amp;"
        let site = try TestSite(files: [
            "content/site.yaml": """
                title: "Situs \(hostile)"
                tagline: "</title>\(Self.script)"
                base_url: https://uji.example.id
                language: id
                time_zone: Asia/Makassar
                hotlines:
                  - {name: "SAPA \(hostile)", phone: "129"}
                """,
            "content/news/a.md": """
                ---
                title: "Berita \(hostile)"
                date: 2024-07-25
                summary: "Ringkasan \(hostile)"
                tags: ["<b>tag</b>"]
                author: "\(hostile)"
                source: {name: "\(hostile)", url: "https://x.example/?q='x'&y=1"}
                ---
                Teks [klik](javascript:alert(1)) dan [kutip](https://x.example/" onmouseover="alert(1)) dan <script>alert(2)</script>.
                """,
            "content/events/e.md": """
                ---
                title: "Acara \(hostile)"
                kind: rakor
                start: 2024-09-10T09:00
                region: "64.08"
                location: "Aula\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:palsu; \(hostile)"
                organizer: "Panitia\\"; X-INJECT=1"
                ---
                """,
            "content/statistics/s.md": "---\ntitle: \"Data \(hostile)\"\nx: nama\nrows:\n  - {nama: \"=HYPERLINK(\\\"http://x\\\")\", nilai: 1}\n  - {nama: \"+1+2\", nilai: 2}\n  - {nama: \"@SUM(A1)\", nilai: 3}\n  - {nama: \"-5\", nilai: 4}\n---\n",
        ])
        guard site.buildSucceeds() else { return }
        let outputs = site.snapshot()
        for (path, data) in outputs {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") {
                #expect(!text.contains(Self.script) && !text.contains("<img src=x"), "markup injected into \(path)")
                #expect(!text.contains("href=\"javascript:"), "javascript: link in \(path)")
                #expect(!text.contains("onmouseover=\"alert"), "attribute injected into \(path)")
                #expect(!text.contains("<script>alert(2)"), "raw HTML from Markdown in \(path)")
            } else if path.hasSuffix(".xml") {
                #expect(!text.contains(Self.script) && !text.contains("]]><!--"), "markup injected into \(path)")
            } else if path.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not valid JSON")
            }
        }
        let calendar = site.page("kegiatan/kalender.ics")
        let lines = calendar.components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1, "a line end in a field cannot start a new event")
        #expect(!lines.contains { $0.hasPrefix("SUMMARY:palsu") })
        #expect(lines.contains { $0.hasPrefix("ORGANIZER;CN=\"Panitia; X-INJECT=1\":") }, "quotes cannot end the parameter")
        let csv = site.page("statistik/s.csv")
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\"") && csv.contains("'+1+2") && csv.contains("'@SUM(A1)"))
        #expect(csv.contains("\r\n-5,4\r\n"), "a plain negative number stays a number")
        // The JSON-LD of every page still parses and keeps the text.
        let page = site.page("berita/a/index.html")
        let json = page.components(separatedBy: "<script type=\"application/ld+json\">")[1].components(separatedBy: "</script>")[0]
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let graph = object?["@graph"] as? [[String: Any]] ?? []
        #expect(graph.contains { ($0["headline"] as? String)?.contains(Self.script) == true }, "the text survives as text")
    }
}

extension InjectionTests {
    @Test func addressesOtherThanWebAddressesAreRefused() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", extra: "source: {name: Antara, url: \"javascript:alert(1)\"}\n"),
        ]))
        try site.write("content/site.yaml", TestSite.siteYAML.replacingOccurrences(of: "whatsapp: \"08111-129-129\"}", with: "whatsapp: \"08111-129-129\", url: \"data:text/html,x\"}"))
        let errors = site.buildErrors()
        #expect(errors.contains { $0.hasPrefix("content/news/a.md:4:") && $0.contains("`url` must be a web address starting with https://") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/site.yaml:") && $0.contains("`url` must be a web address") }, "\(errors)")
    }
}
