import Foundation
import Yams

/// Entry points for the coverage-guided fuzzer (`Fuzz/`, libFuzzer): each takes arbitrary
/// bytes through one stage that reads user input. A crash, a hang or a sanitizer report
/// is a bug; returning an error diagnostic is the expected answer to garbage.
public enum FuzzEntryPoints {
    /// The first byte chooses the stage; the rest is the input.
    public static func run(_ data: Data) {
        guard let selector = data.first else { return }
        let input = data.dropFirst()
        switch selector % 6 {
        case 5: networkRecords(Data(input))
        case 0: contentFile(Data(input))
        case 1: csv(Data(input))
        case 2: slugAndPaths(String(decoding: input, as: UTF8.self))
        case 3: markdownLinks(String(decoding: input, as: UTF8.self))
        default: siteSettings(Data(input))
        }
    }

    /// Front-matter splitting and YAML decoding into each content type.
    static func contentFile(_ data: Data) {
        guard case let .success(source) = SourceText.decode(data, path: "content/news/fuzz.md", limit: SourceText.Limits.markdownBytes) else { return }
        if case let .success(split) = FrontMatterSplitter.split(source.text, path: source.path) {
            simpleYAMLIsYams(split.yaml)
        }
        var log = DiagnosticLog()
        for kind in ContentKind.allCases {
            _ = ContentLoader.decodeItem(kind: kind, source: source, diagnostics: &log) { _, _, _ in nil }
        }
        check(log)
    }

    /// The front matter read without libyaml is Yams' tree, node for node.
    static func simpleYAMLIsYams(_ yaml: String) {
        guard let simple = SimpleYAML.compose(yaml) else { return }
        let composed = try? Yams.compose(yaml: yaml, .basic, .default, .utf8)
        precondition(composed.map { SimpleYAML.sameTree(simple, $0) } ?? false, "SimpleYAML's tree is not Yams' for \(yaml.debugDescription)")
    }

    /// Another site's open data, as a snapshot holds it: every record read and checked, its
    /// links held to the source's host.
    static func networkRecords(_ data: Data) {
        for keys in [SnapshotLoader.DecreeKeys.allCases.map(\.stringValue), SnapshotLoader.EventKeys.allCases.map(\.stringValue)] {
            guard case let .success(list) = RecordScanner.records(data, keys: keys) else { continue }
            var problems: [String] = []
            let decrees = SnapshotLoader.records(list, problems: &problems) { SnapshotLoader.decree(&$0, host: "tppo.example.id") }
            let events = SnapshotLoader.records(list, problems: &problems) { SnapshotLoader.event(&$0, host: "tppo.example.id", defaultOffset: 480) }
            for decree in decrees {
                precondition(NetworkSource.host(of: decree.record.url) == "tppo.example.id", "a decree links to another host")
            }
            for event in events {
                precondition(NetworkSource.host(of: event.record.url) == "tppo.example.id", "an event links to another host")
                _ = event.record.start.utcStamp
            }
        }
    }

    static func csv(_ data: Data) {
        guard case let .success(source) = SourceText.decode(data, path: "content/statistics/fuzz.csv", limit: SourceText.Limits.dataBytes) else { return }
        if case let .success(table) = CSVTableReader.read(source) {
            _ = DataExport.csv(table)
            _ = table.numericColumns
        }
    }

    static func slugAndPaths(_ text: String) {
        let slug = Slug.make(from: text)
        precondition(slug.isEmpty || Slug.isValid(slug), "Slug.make gave an invalid slug")
        if SitePath.isSafeRelative(text) { precondition(!text.split(separator: "/").contains(".."), "a path with .. passed") }
        _ = SitePath.mediaPath(text)
    }

    /// A photo that becomes a `<picture>` and a damaged one, for the bodies the fuzzer writes.
    static let fuzzMedia: MediaLibrary = {
        var photo = MediaFile(path: "foto/x.jpg", absolutePath: "/nonexistent/foto/x.jpg", size: 1)
        photo.raster = RasterSource(
            format: .jpeg, digest: String(repeating: "a", count: 64),
            header: ImageHeader(width: 4000, height: 3000, orientation: 6, hasAlpha: false, loader: "jpegload"), problem: nil)
        var damaged = MediaFile(path: "foto/rusak.jpg", absolutePath: "/nonexistent/foto/rusak.jpg", size: 1)
        damaged.raster = RasterSource(format: .jpeg, digest: "", header: nil, problem: ImageProblem(message: "damaged", hint: "copy it again"))
        return MediaLibrary([photo, damaged], settings: ImageSettings(), cacheRoot: "/nonexistent", shared: [])
    }()

    /// Markdown through cmark-gfm with link rewriting, as bodies are rendered.
    static func markdownLinks(_ text: String) {
        let body = FrontMatter(yaml: "", yamlFirstLine: 2, body: text, bodyFirstLine: 3)
        guard ContentLoader.checkBodyLimits(body, path: "content/news/fuzz.md") == nil else { return }
        let links = LinkContext(file: "content/news/fuzz.md", bodyFirstLine: 3,
                                permalinks: ["content/news/a.md": SiteAddress.item(.news, slug: "a"), "content/pages/b.md": SiteAddress.item(.page, slug: "b")],
                                media: fuzzMedia, unpublished: ["content/news/draf.md"])
        let rendered = MarkdownRenderer.render(text, links: links)
        precondition(!rendered.html.lowercased().contains("<script"), "a script tag came through")
        precondition(!rendered.html.contains("href=\"javascript:"), "a javascript: link came through")
    }

    static func siteSettings(_ data: Data) {
        guard case let .success(source) = SourceText.decode(data, path: "content/site.yaml", limit: SourceText.Limits.frontMatterBytes) else { return }
        var log = DiagnosticLog()
        _ = SiteConfigLoader.loadSite(source, diagnostics: &log)
        _ = SiteConfigLoader.loadRegions(source, diagnostics: &log)
        check(log)
    }

    /// Every problem names its file.
    static func check(_ log: DiagnosticLog) {
        for item in log.items { precondition(!item.file.isEmpty, "a diagnostic without a file") }
    }
}
