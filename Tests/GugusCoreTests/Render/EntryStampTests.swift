import Foundation
import Testing
@testable import GugusCore

/// EntryStamp must draw every entry exactly as the template engine draws it, with the
/// default partials and with partials a site writes itself.
@Suite struct EntryStampTests {
    static func theme(partial: String) throws -> Theme {
        var files = Theme.sourceFiles(siteRoot: "/nonexistent")
        files["partials/network-event.mustache"] = Data(partial.utf8)
        var log = DiagnosticLog()
        return try #require(Theme.make(files: files, prefix: "templates/", diagnostics: &log)).specialized(for: ["network_source": "Sumber"])
    }

    static let partials = [
        try? String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/GugusCoreTests/Render/EntryStampTests.swift", with: "templates/partials/network-event.mustache"), encoding: .utf8),
        "<li>{{{title}}} {{title}}{{#status}} [{{.}}]{{/status}}{{^status}} (ok){{/status}} {{#region}}{{region}}/{{{region}}}{{/region}}</li>",
        "{{#location}}{{#region}}both{{/region}}{{/location}}<a href=\"{{url}}\" title=\"{{title}}\">{{t.network_source}}</a>",
        "{{title}}{{title}}{{{title}}}{{#title}}again {{.}}{{/title}}",
        "<b>{{uppercased(title)}}</b> {{lowercased(kind)}}",
    ].compactMap { $0 }

    @Test func stampedEntriesAreTheEnginesForAnyValues() throws {
        #expect(Self.partials.count == 5)
        var generator = RobustnessTests.SeededGenerator(state: 99)
        let pieces = ["Rakor", "SK", "<script>alert(1)</script>", "\"", "'", "&amp;", "&", ">", "é", "🇮🇩", "{{title}}", "\u{F8F0}", " ", "a\nb"]
        let fields = ["title", "url", "when", "startISO", "kind", "location", "region", "status", "source"]
        for partial in Self.partials {
            let theme = try Self.theme(partial: partial)
            var stamp = EntryStamp(template: "network-event", fields: fields, render: theme.render)
            for _ in 0..<300 {
                var values: [String: String] = [:]
                for field in fields where Bool.random(using: &generator) || field == "title" {
                    values[field] = (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "x" }.joined()
                }
                let expected = theme.render(TemplateValues(values), template: "network-event")
                #expect(stamp.draw(values) == expected, "\(partial) with \(values)")
            }
        }
    }

    /// Entries with the same fields cost the engine three renders (the marked one, the probe
    /// and the first entry's check), not one each.
    @Test func entriesWithTheSameFieldsAreStamped() throws {
        final class Counter { var count = 0 }
        let counter = Counter()
        let theme = try Self.theme(partial: Self.partials[0])
        var stamp = EntryStamp(template: "network-event", fields: ["title", "url", "when"]) { values, name in
            counter.count += 1
            return theme.render(values, template: name)
        }
        for number in 0..<200 {
            let values = ["title": "Rakor <\(number)>", "url": "https://a.example/\(number)/", "when": "Senin"]
            #expect(stamp.draw(values) == theme.render(TemplateValues(values), template: "network-event"))
        }
        #expect(counter.count == 3)
    }
}
