import Foundation
import Testing
import Yams
@testable import GugusCore

/// The front matter read without libyaml gives Yams' tree exactly, or nothing: every text,
/// tag, style and place of every node the same, on the sample site, on the shapes it reads,
/// and on random texts full of what YAML reads differently.
@Suite struct SimpleYAMLTests {
    /// Yams' tree, composed as `YAMLDocument.parse` composes it.
    private func library(_ yaml: String) -> Node? {
        try? Yams.compose(yaml: yaml, .basic, .default, .utf8)
    }

    /// Whether the text was read without libyaml; records an issue when its tree is not Yams'.
    @discardableResult
    private func check(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let simple = SimpleYAML.compose(yaml) else { return false }
        guard let composed = library(yaml) else {
            Issue.record("read a text Yams refuses: \(yaml.debugDescription)", sourceLocation: sourceLocation)
            return true
        }
        #expect(SimpleYAML.sameTree(simple, composed), "not Yams' tree for \(yaml.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test func theFrontMatterOfEverySampleFileIsYamsTree() throws {
        let content = repositoryRoot + "/content"
        let files = try FileManager.default.subpathsOfDirectory(atPath: content).filter { $0.hasSuffix(".md") }
        var read = 0
        for file in files {
            let text = try String(contentsOfFile: content + "/" + file, encoding: .utf8)
            guard case let .success(split) = FrontMatterSplitter.split(text, path: file) else { continue }
            if check(split.yaml) { read += 1 }
        }
        #expect(files.count >= 20)
        #expect(read * 2 > files.count, "read \(read) of \(files.count) without libyaml")
    }

    @Test func theShapesItReadsAreYamsTree() {
        let shapes = [
            "title: \"Rakor Gugus Tugas\"\nregion: \"64.08\"\ndate: 2024-07-29\n",
            "title: 'Sosialisasi di Desa' \nkind: advokasi  \n",
            "tags: [\"regulasi\", \"webinar\"]\namends: []\nempty: [ ]\n",
            "tags: [regulasi, gugus tugas ,  webinar  ]\n",
            "participants: [\"Kejaksaan Negeri\", 'Bappeda', Polres]\n",
            "title: \"Kabupaten Pidië — tahap ü\"\ntags: [\"café\", \"😀 emoji\", naïve]\n",
            "source:\n  name: \"Kantor Berita\"\n  url: \"https://berita.example.id/a?b=c#d\"\ntitle: x\n",
            "source:\n    name: Kantor\n    tags: [a, b]\n",
            "tags:\n  - regulasi\n  - \"webinar\"\n  - 'rakor'\ntitle: x\n",
            "tags:\n- regulasi\n- webinar\ntitle: x\n",
            "source:\n  tags:\n  - a\n  - b\n  name: x\nlast: y\n",
            "source:\n  tags:\n    - a\n    - b\n  name: x\n",
            "\n\ntitle: x\n\n\nregion: \"11\"\n\n",
            "title: x",
            "url: https://example.id/a:b\ntime: 09:00\nratio: a#b\nquote: He said \"hi\"\n",
            "title: \"\"\nsummary: ''\n",
            "title: \"a: b # c 'd'\"\n",
            "# Catatan\ntitle: x\n  # indented note\n\ntags:\n# between\n  - a\n#\n  - b\n",
            "# Direktori wilayah\n- code: ID\n  name: Indonesia\n  level: national\n- code: \"63\"\n  name: Kalimantan Selatan\n  parent: ID\n",
            "- /berita/lama/\n- \"/kegiatan/x/\"\n",
            "-   code: x\n    tags: [a, b]\n    list:\n    - c\n-   code: y\n",
            "- code: x\n  list:\n    - c\n    - d\n- e\n",
            "rows:\n  - {tahun: \"2017\", korban_perempuan: 109, laporan: 30}\n  - { tahun: '2018' ,laporan: 85 }\n  - {}\nx: tahun\n",
            "title: {a: b, c: \"é ü\"}\nrows:\n- {a: 😀 x,  b: x.id/a?b=c}\n",
            "members:\n  - group: \"Sub Gugus Tugas\"\n    role: Ketua\n    tags: [a, b]\n  - group: x\n    list:\n    - c\ntitle: x\n",
            "members:\n- group: x\n  role: y\n- z\nnext: w\n",
        ]
        var read = 0
        for shape in shapes where check(shape) { read += 1 }
        #expect(read == shapes.count, "only \(read) of \(shapes.count) shapes read without libyaml")
    }

    @Test func whatItDoesNotReadIsLeftToYams() {
        let others = [
            "", "\n\n", "# only a comment\n", "title: x # comment\n", "title: \"a\\\"b\"\n", "title: x\r\nregion: y\r\n",
            "title:\tx\n", "title: a\n  b\n", "title: a\n\n  b\n", "title:\nregion: x\n", "title:\n", "title: a\ntitle: b\n",
            "title: &a x\nother: *a\n", "title: 'it''s'\n", "tags: [a, b,]\n", "tags: [a,\n  b]\n", "a:\n  b:\n    c: d\n",
            "title:x\n", "\u{FEFF}title: x\n", "title: a\u{0085}b\n", "title: a\u{2028}b\n", "title: {a: {b: c}}\n",
            "title: {a: [b]}\n", "title: {a:b}\n", "title: {a: b,}\n", "title: {a: b, a: c}\n", "title: {a: }\n", "title: {a: b\n",
            "title: {\"a\": b}\n", "title: {a: b} c\n", "title: {a: b:c}\n", "title: {a: b #c}\n", "rows:\n  - {a: b}\n    c: d\n",
            "members:\n  - group: x\n    source:\n      name: y\n", "a:\n  b:\n  - c: d\n", "members:\n  - group: x\n    list:\n    - c: d\n",
            "title: |\n  text\n", "title: >\n  text\n", "  title: x\n", "title: x\n  region: y\n", "---\ntitle: x\n",
            "title: - x\n", "title: a: b\n", "title: C:\n", "tags:\n  - a\n   - b\n", "tags:\n  -\n",
            "title: x\n...\n", "tags: [a: b]\n", "title: \"a\"b\n", "title: \u{7F}\n", "title: \u{9F}\n", "x: !tag y\n",
            "- code: x\n  source:\n    name: y\n", "- code: x\n code: y\n", "- code: x\n  code: y\n", "- - a\n", "-\n  a: b\n",
            "title: x\n   \nregion: y\n", "- a\ntitle: x\n",
        ]
        for other in others {
            #expect(SimpleYAML.compose(other) == nil, "read \(other.debugDescription)")
        }
    }

    /// Values are counted: a text holding more than `SourceText.Limits.yamlNodes` values is
    /// left to Yams and refused after it, as before.
    @Test func aTextOverTheBudgetOfValuesIsLeftToYams() {
        let items = (0...SourceText.Limits.yamlNodes).map { "t\($0)" }.joined(separator: ", ")
        let over = "title: x\ntags: [" + items + "]\n"
        #expect(SimpleYAML.compose(over) == nil)
        guard case let .failure(refused) = YAMLDocument.parse(over, file: "content/news/x.md", firstLine: 2) else {
            Issue.record("a front matter of \(SourceText.Limits.yamlNodes + 1) tags was read")
            return
        }
        #expect(refused.message.contains("more than \(SourceText.Limits.yamlNodes) values"))
        #expect(check("title: x\ntags: [" + (0..<1_000).map { "t\($0)" }.joined(separator: ", ") + "]\n"))
    }

    /// Documents put together from pieces YAML reads in many ways: every one read is Yams'
    /// tree, and both outcomes happen often.
    @Test func randomTextsAreYamsTreeOrLeftToYams() {
        var generator = SystemRandomNumberGenerator()
        let keys = ["title", "region", "tags", "date", "a", "b-c", "x_1", "Title", "source", "summary", "url", "9x", "ké"]
        let words = ["Rakor", "Gugus Tugas", "2024-07-29", "https://x.id/a?b=c", "é", "ÀÉ ü", "😀 x", "a  b", "Dinas Sosial"]
        let tricky = [
            "a: b", "a :b", "a #b", "a#b", "C:", "-5",
            "ÀÉ ü", "😀 x", "\u{00A0}nbsp", "\u{2028}", "\u{0085}", "trail  ", " lead", "'", "\"", "a'b", "a\"b", "\\",
            "x,y", "[a]", "{a: b}", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x", "? x", "- x", "-x", "~", "null", "yes",
            "\t", "\r", "", " ", "a  b", ":", "#", "x]", "y[", "x}", "a, b", "0x1F", "\u{FEFF}", "\u{E000}", "\u{10FFFF}",
        ]
        func piece() -> String {
            (Int.random(in: 0..<3, using: &generator) == 0 ? tricky : words).randomElement(using: &generator) ?? ""
        }
        func scalar() -> String {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: return "\"" + piece() + "\""
            case 1: return "'" + piece() + "'"
            case 2: return piece() + piece()
            default: return piece()
            }
        }
        func flow() -> String {
            let separators = [", ", ",", " , ", ",  "]
            let items = (0..<Int.random(in: 0...4, using: &generator)).map { _ in scalar() }
            var text = "[" + (Bool.random(using: &generator) ? "" : " ")
            text += items.joined(separator: separators.randomElement(using: &generator) ?? ", ")
            if Int.random(in: 0..<8, using: &generator) == 0 { text += "," }
            return text + (Bool.random(using: &generator) ? "]" : " ] ")
        }
        func braces() -> String {
            let separators = [", ", ",", " , ", ",  "]
            let pairs = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                (keys.randomElement(using: &generator) ?? "k") + ([": ", ":", ":  "].randomElement(using: &generator) ?? ": ") + scalar()
            }
            var text = "{" + (Bool.random(using: &generator) ? "" : " ")
            text += pairs.joined(separator: separators.randomElement(using: &generator) ?? ", ")
            if Int.random(in: 0..<8, using: &generator) == 0 { text += "," }
            return text + (Bool.random(using: &generator) ? "}" : " } ")
        }
        func indent() -> String { String(repeating: " ", count: [0, 0, 1, 2, 2, 2, 3, 4].randomElement(using: &generator) ?? 2) }
        func value(depth: Int) -> String {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0, 1, 2: return " " + scalar()
            case 3: return " " + (Bool.random(using: &generator) ? flow() : braces())
            case 4: return (["", " ", ":", "  ", "  ", "   "].randomElement(using: &generator) ?? "") + scalar()
            case 5, 6:
                let pad = indent()
                return (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                    let dash = ["- ", "-", "-  "].randomElement(using: &generator) ?? "- "
                    switch Int.random(in: 0..<6, using: &generator) {
                    case 0: return "\n" + pad + dash + braces()
                    case 1, 2:
                        // An item of `key: value` lines (a decree's members), its other keys
                        // below the first, most often in line with it.
                        let inner = String(repeating: " ", count: max(0, pad.count + dash.count + ([0, 0, 0, 1, -1].randomElement(using: &generator) ?? 0)))
                        return (0..<Int.random(in: 1...3, using: &generator)).map { number in
                            (number == 0 ? "\n" + pad + dash : "\n" + inner) + (keys.randomElement(using: &generator) ?? "k") + ":" + value(depth: depth + 2)
                        }.joined()
                    default: return "\n" + pad + dash + scalar()
                    }
                }.joined()
            case 7 where depth < 2, 8 where depth < 2:
                let pad = indent() + " "
                return (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                    "\n" + pad + (keys.randomElement(using: &generator) ?? "k") + ":" + value(depth: depth + 1)
                }.joined()
            default:
                return ""
            }
        }
        var read = 0, left = 0
        for _ in 0..<40_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                switch Int.random(in: 0..<30, using: &generator) {
                case 0: text += "\n"
                case 1: text += "# note\n"
                case 2: text += " "
                default: break
                }
                text += (keys.randomElement(using: &generator) ?? "k") + ":" + value(depth: 0)
                text += ["\n", "\n", "\n", "\n", "\n", "\n", "\n", " \n", "\r\n", ""].randomElement(using: &generator) ?? "\n"
            }
            if check(text) { read += 1 } else { left += 1 }
        }
        #expect(read > 2_000, "only \(read) read without libyaml")
        #expect(left > 2_000, "only \(left) left to Yams")
    }

    /// Lists at the top, as `regions.yaml` and `gone.yaml` are, of texts and of `key: value`
    /// lines, with what YAML reads differently mixed in.
    @Test func randomListsAreYamsTreeOrLeftToYams() {
        var generator = SystemRandomNumberGenerator()
        let values = ["\"63\"", "Kalimantan Selatan", "ID", "'x y'", "/berita/lama/", "a: b", "a #b", "[a, b]", "\"é ü\"", "😀", "-x", "", "# c"]
        let keys = ["code", "name", "level", "parent", "code", "9x"]
        func value() -> String { values.randomElement(using: &generator) ?? "" }
        var read = 0, left = 0
        for _ in 0..<20_000 {
            var text = Int.random(in: 0..<4, using: &generator) == 0 ? "# Direktori\n" : ""
            let pad = ["- ", "- ", "-  ", "-"].randomElement(using: &generator) ?? "- "
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                if Bool.random(using: &generator) {
                    text += pad + value() + "\n"
                    continue
                }
                let inner = String(repeating: " ", count: pad.count + ([0, 0, 0, 1, -1].randomElement(using: &generator) ?? 0))
                for (number, key) in keys.shuffled(using: &generator).prefix(Int.random(in: 1...4, using: &generator)).enumerated() {
                    text += (number == 0 ? pad : inner) + key + ":" + (Int.random(in: 0..<8, using: &generator) == 0 ? "" : " ") + value() + "\n"
                    if Int.random(in: 0..<10, using: &generator) == 0 { text += inner + "  - " + value() + "\n" }
                    if Int.random(in: 0..<20, using: &generator) == 0 { text += "  # note\n" }
                }
            }
            if check(text) { read += 1 } else { left += 1 }
        }
        #expect(read > 2_000, "only \(read) read without libyaml")
        #expect(left > 2_000, "only \(left) left to Yams")
    }
}
