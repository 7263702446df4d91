import Foundation

/// Entry points for the coverage-guided fuzzer (`Fuzz/`, libFuzzer): each takes arbitrary
/// bytes through one stage that reads user input. A crash, a hang or a sanitizer report
/// is a bug; returning an error diagnostic is the expected answer to garbage.
public enum FuzzEntryPoints {
    /// The first byte chooses the stage; the rest is the input.
    public static func run(_ data: Data) {
        guard let selector = data.first else { return }
        let input = data.dropFirst()
        switch selector % 5 {
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
        var log = DiagnosticLog()
        for kind in ContentKind.allCases {
            _ = ContentLoader.decodeItem(kind: kind, source: source, diagnostics: &log) { _, _, _ in nil }
        }
        check(log)
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
                                permalinks: ["content/news/a.md": "/berita/a/", "content/pages/b.md": "/b/"],
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
