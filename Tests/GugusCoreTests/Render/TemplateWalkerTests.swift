import Foundation
import Mustache
import Testing
@testable import GugusCore

/// `TemplateWalker` renders the templates swift-mustache parsed: its output must be the
/// library's for every construct a theme can write, and what it does not know goes to the
/// library.
@Suite struct TemplateWalkerTests {
    static let templates: [String: String] = [
        "lookups": "{{title}} {{page.title}} {{{html}}} {{html}} [{{missing}}] [{{page.missing.deep}}] {{count}} {{flag}} {{site.title}} {{{raw}}} {{raw}} {{{page.raw}}}",
        "sections": """
            {{#items}}[{{name}} {{title}} {{#url}}<a href="{{.}}">{{name}}</a>{{/url}}]{{/items}}{{^items}}none{{/items}}
            {{#flag}}yes {{title}}{{/flag}}{{^flag}}no{{/flag}}{{#off}}on{{/off}}{{^off}}off{{/off}}
            {{#page}}{{title}} {{.title}} [{{.count}}] {{count}}{{/page}}
            {{#names}}<{{.}}>{{/names}}{{^empty}}no entries{{/empty}}{{#empty}}never{{/empty}}
            {{#count}}count {{.}}{{/count}}{{#title}}title {{.}}{{/title}}{{^missing}}missing{{/missing}}
            {{#menu}}{{title}}:{{url}}:{{current}} {{/menu}}{{#strings}}{{a}}/{{b}}{{/strings}}
            """,
        "two-lines": "<li>{{name}}</li>\n<li>{{title}}</li>\n",
        "partials": "<ul>\n  {{> two-lines}}\n</ul>\n<p>inline {{> two-lines}} end</p>\n{{#items}}\n    {{> two-lines}}\n{{/items}}\n",
        "crlf": "<ul>\r\n  {{> two-lines}}\r\n</ul>\r\n{{#flag}}\r\n  yes\r\n{{/flag}}\r\n",
        "frame": "<h1>{{$heading}}Default {{title}}{{/heading}}</h1>\n  {{$body}}\n  <p>body {{count}}</p>\n  {{/body}}\n<footer>{{$foot}}F{{/foot}}</footer>\n",
        "child": "{{<frame}}{{$heading}}Child {{page.title}}{{/heading}}{{$body}}\n  <div>\n    {{> two-lines}}\n  </div>\n{{/body}}{{/frame}}",
        "grandchild": "{{<child}}{{$foot}}G {{count}}{{/foot}}{{/child}}",
        "text-type": "{{% CONTENT_TYPE: TEXT}}{{html}} {{{html}}}",
        "dynamic": "{{>*which}}|{{>*missing}}|{{>*count}}",
        "comments": "a {{! a comment }}b\n{{! standalone }}\nc {{=<% %>=}}<% title %> <%={{ }}=%>{{title}}",
    ]

    static func theme() throws -> Theme {
        var files = Theme.sourceFiles(siteRoot: "/nonexistent")
        for (name, text) in templates { files[name + ".mustache"] = Data(text.utf8) }
        var log = DiagnosticLog()
        return try #require(Theme.make(files: files, prefix: "templates/", diagnostics: &log))
    }

    static var values: TemplateValues { [
        "title": "Rakor <TPPO> & \"Kutim\" 'x'",
        "html": "<b>bold</b> & more",
        "count": 3,
        "flag": true,
        "off": false,
        "which": "two-lines",
        "name": "outer name",
        "page": ["title": "Page é 🇮🇩", "url": "/a/", "raw": TemplateBytes(bytes: Array("{\"a\":\"\\u003c/script>\"}".utf8))] as TemplateValues,
        "raw": TemplateBytes(bytes: Array("<script>é \"x\" & 'y' 🇮🇩</script>".utf8)),
        "site": TextValues(["title": "Gugus <site>"]),
        "items": [
            ["name": "one", "url": "/1/"] as TemplateValues,
            ["name": "two <2>"] as TemplateValues,
            ["title": "own title"] as TemplateValues,
        ],
        "names": ["a", "b & c"],
        "empty": [TemplateValues](),
        "menu": [MenuEntryValues(title: "Beranda", url: "/", current: true), MenuEntryValues(title: "Berita", url: "/berita/", current: false)],
        "strings": ["a": "A<", "b": "B"] as [String: String],
    ] }

    @Test func everyConstructIsTheLibrarys() throws {
        let theme = try Self.theme()
        let compiled = try #require(theme.compiled)
        #expect(compiled.libraryOnly.isEmpty)
        for name in Self.templates.keys.sorted() {
            let library = try #require(theme.library.render(Self.values, withTemplate: name))
            let walked = compiled.renderText(Self.values, template: name)
            #expect(walked != nil, "\(name) went to the library")
            #expect(walked == library, "\(name)")
        }
        #expect(compiled.handedToLibrary.value == 0)
        // A few that the assertion above must see: indentation, CRLF, inheritance, escaping.
        let partials = try #require(compiled.renderText(Self.values, template: "partials"))
        #expect(partials.contains("<ul>\n  <li>outer name</li>\n  <li>Rakor &lt;TPPO&gt; &amp; &quot;Kutim&quot; &#39;x&#39;</li>\n</ul>"))
        let grandchild = try #require(compiled.renderText(Self.values, template: "grandchild"))
        #expect(grandchild == "<h1>Child Page é 🇮🇩</h1>\n  \n  <div>\n    <li>outer name</li>\n"
                + "    <li>Rakor &lt;TPPO&gt; &amp; &quot;Kutim&quot; &#39;x&#39;</li>\n  </div>\n<footer>G 3</footer>\n")
        #expect(try #require(compiled.renderText(Self.values, template: "text-type")) == "<b>bold</b> & more <b>bold</b> & more")
    }

    /// Values and tags the walker does not know are rendered by the library, whole.
    @Test func whatItDoesNotKnowGoesToTheLibrary() throws {
        var files = Theme.sourceFiles(siteRoot: "/nonexistent")
        files["transform.mustache"] = Data("{{uppercased(title)}} {{#items}}{{#first()}}first {{/first()}}{{name}}{{/items}}".utf8)
        files["ratio.mustache"] = Data("{{title}}: {{ratio}} {{#maybe}}[{{.}}]{{/maybe}}".utf8)
        files["bytes-section.mustache"] = Data("{{#raw}}[{{{.}}}]{{/raw}}{{^raw}}none{{/raw}}".utf8)
        var log = DiagnosticLog()
        let theme = try #require(Theme.make(files: files, prefix: "templates/", diagnostics: &log))
        let compiled = try #require(theme.compiled)
        var values = Self.values
        values["ratio"] = 0.5
        values["maybe"] = Optional("x") as Any
        for name in ["transform", "ratio", "bytes-section"] {
            let before = compiled.handedToLibrary.value
            #expect(compiled.renderText(values, template: name) == nil, "\(name)")
            #expect(compiled.handedToLibrary.value == before + 1)
            let library = try #require(theme.library.render(values, withTemplate: name))
            #expect(theme.render(values, template: name) == library)
            #expect(!library.isEmpty)
        }
        #expect(theme.render(values, template: "transform").hasPrefix("RAKOR &lt;TPPO&gt;"))
        #expect(theme.render(values, template: "bytes-section") == "[<script>é \"x\" & 'y' 🇮🇩</script>]")
    }

    /// The sample site, built with the walker and with swift-mustache alone: the same files,
    /// and no page left to the library.
    @Test func theSampleSiteIsTheLibrarys() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("walker-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var outputs: [[String: Data]] = []
        for library in [false, true] {
            var options = BuildOptions(siteRoot: repositoryRoot, output: scratch + (library ? "/library" : "/walker"),
                                       now: CivilDate(iso: "2026-11-23"), keepsURLManifest: false)
            options.precompresses = false
            options.rendersWithTemplateLibrary = library
            let report = try BuildPipeline.run(options).get()
            if !library { #expect(report.rendersByTemplateLibrary == 0) }
            outputs.append(Self.files(under: options.output))
        }
        #expect(outputs[0].count > 100)
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        for (path, data) in outputs[0] where outputs[1][path] != data {
            Issue.record("\(path) differs between the walker and swift-mustache")
        }
    }

    static func files(under folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }
}
