import Foundation
import Testing
@testable import GugusCore

/// Mutated sample files go through every loading and rendering step without a crash or a
/// hang: each ends as an item or as diagnostics that name the file.
@Suite struct RobustnessTests {
    /// A small, seeded generator so that a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments: [[UInt8]] = [
        Array("---\n".utf8), Array(": ".utf8), Array("\n  - ".utf8), Array("&a ".utf8), Array("*a".utf8), Array("[".utf8),
        Array("{".utf8), Array("\"".utf8), Array("'".utf8), Array("\t".utf8), Array("\r\n".utf8), [0x00], [0xFF], [0xC3],
        Array("](../news/x.md)".utf8), Array("[a](".utf8), Array("![".utf8), Array("<script>".utf8), Array("|---|".utf8),
        Array("2024-13-45".utf8), Array("../".utf8), Array("\u{FEFF}".utf8), Array("[^1]".utf8), Array("# ".utf8),
    ]

    static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            let position = result.isEmpty ? 0 : Int.random(in: 0..<result.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: result.insert(contentsOf: fragments.randomElement(using: &generator) ?? [], at: position)
            case 1: if !result.isEmpty { result.remove(at: position) }
            case 2: if !result.isEmpty { result[position] = UInt8.random(in: 0...255, using: &generator) }
            default:
                let length = min(result.count - position, Int.random(in: 0...40, using: &generator))
                result.insert(contentsOf: result[position..<(position + length)], at: position)
            }
        }
        return result
    }

    @Test func mutatedContentFilesNeverCrash() throws {
        var seeds: [(ContentKind, String, [UInt8])] = []
        for kind in ContentKind.allCases {
            let folder = repositoryRoot + "/content/" + kind.folder
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".md") {
                let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
                seeds.append((kind, "content/\(kind.folder)/\(name)", [UInt8](data)))
            }
        }
        #expect(seeds.count > 20)
        var generator = SeededGenerator(state: 2026_11_23)
        var items = 0, rejected = 0
        for round in 0..<1500 {
            let (kind, path, bytes) = seeds[round % seeds.count]
            let mutated = Self.mutate(bytes, using: &generator)
            var log = DiagnosticLog()
            let item = Self.loadAndRender(kind: kind, path: path, bytes: mutated, log: &log)
            if item {
                items += 1
            } else {
                rejected += 1
                #expect(log.hasErrors, "round \(round): \(path) was dropped without an error")
            }
            #expect(log.items.allSatisfy { $0.file == path && $0.line >= 1 && $0.column >= 1 }, "round \(round)")
        }
        #expect(items > 100)
        #expect(rejected > 100)
    }

    /// The steps of Load and Render for one file's bytes, without touching the disk.
    static func loadAndRender(kind: ContentKind, path: String, bytes: [UInt8], log: inout DiagnosticLog) -> Bool {
        let source: SourceText
        switch SourceText.decode(Data(bytes), path: path, limit: SourceText.Limits.markdownBytes) {
        case let .success(decoded): source = decoded
        case let .failure(diagnostic):
            // The reader's own error (not one the test adds): a rejected file must say why.
            log.append(diagnostic)
            return false
        }
        let item = ContentLoader.decodeItem(kind: kind, source: source, diagnostics: &log) { _, _, _ in
            DataTable(columns: ["tahun", "jumlah"], rows: [["2024", "1"]])
        }
        guard let split = try? FrontMatterSplitter.split(source.text, path: path).get() else { return false }
        let links = LinkContext(file: path, bodyFirstLine: split.bodyFirstLine, permalinks: [:], media: MediaLibrary(), unpublished: [])
        let rendered = MarkdownRenderer.render(split.body, links: links)
        log.append(contentsOf: rendered.diagnostics)
        #expect(!rendered.html.contains("<script>"))
        return item != nil
    }
}

