import Foundation
import Yams

/// A file under `content/media/`: copied verbatim to `public/media/`, unless it is a raster
/// image, which goes through the image pipeline (`raster`).
public struct MediaFile: Sendable, Hashable {
    /// The path under `media/`, e.g. `regulasi/sk-264.pdf`.
    public var path: String
    public var absolutePath: String
    public var size: Int
    /// For a photo or other raster image: its digest, header and problems.
    public var raster: RasterSource? = nil
}

/// Everything read from `content/`, before cross-references are checked.
public struct LoadedSite: Sendable {
    public var config: SiteConfig?
    public var regions: [Located<Region>]
    public var items: [ContentItem]
    public var media: [MediaFile]
    /// Addresses withdrawn on purpose (`content/gone.yaml`).
    public var gone: [Located<GoneURL>] = []
    /// Other sites' open data, from `content/sources/` (only for the sources site.yaml lists).
    public var snapshots: [SourceSnapshot] = []
}

/// Load: finds the files of a site, splits and decodes them. Nothing else reads the disk
/// before Write (besides the theme).
public enum ContentLoader {
    public static func load(siteRoot: String, diagnostics: inout DiagnosticLog) -> LoadedSite {
        var files = SiteFiles(root: siteRoot)
        var site = LoadedSite(config: nil, regions: [], items: [], media: [])

        if let source = files.readText("content/site.yaml", limit: SourceText.Limits.frontMatterBytes, diagnostics: &diagnostics) {
            site.config = SiteConfigLoader.loadSite(source, diagnostics: &diagnostics)
        } else if !files.exists("content/site.yaml") {
            diagnostics.error(SourceLocation(file: "content/site.yaml"), "the site settings file is missing",
                              hint: "create content/site.yaml with at least `title:` and `base_url:` (`gugus init` writes one)")
        }
        let regionsSource = files.readText("content/regions.yaml", limit: SourceText.Limits.dataBytes, diagnostics: &diagnostics)
        // (Diagnostics are kept in the order of the steps that found them.)
        var goneReading = DiagnosticLog()
        let goneSource = files.readText("content/gone.yaml", limit: SourceText.Limits.dataBytes, diagnostics: &goneReading)
        var listing = DiagnosticLog()
        let listed = ContentKind.allCases.flatMap { kind in
            files.markdownFiles(in: "content/\(kind.folder)", diagnostics: &listing).map { (kind, $0) }
        }
        // The region and withdrawal lists (a large site lists thousands of regions) are read
        // while the content files are, instead of before them.
        let (lists, decoded) = Concurrently.run({ () -> (regions: [Located<Region>], regionsLog: [Diagnostic], gone: [Located<GoneURL>], goneLog: [Diagnostic]) in
            var regionsLog = DiagnosticLog(), goneLog = DiagnosticLog()
            let regions = regionsSource.map { SiteConfigLoader.loadRegions($0, diagnostics: &regionsLog) } ?? []
            let gone = goneSource.map { GoneListLoader.load($0, diagnostics: &goneLog) } ?? []
            return (regions, regionsLog.items, gone, goneLog.items)
        }, alongside: {
            ParallelMap.map(listed) { [files] kind, path in
                var log = DiagnosticLog()
                let item = loadItem(kind: kind, path: path, files: files, diagnostics: &log)
                return (item, log.items)
            }
        })
        if regionsSource != nil { site.regions = lists.regions }
        if goneSource != nil { site.gone = lists.gone }
        diagnostics.append(contentsOf: lists.regionsLog)
        diagnostics.append(contentsOf: goneReading.items)
        diagnostics.append(contentsOf: lists.goneLog)
        diagnostics.append(contentsOf: listing.items)
        for (item, itemDiagnostics) in decoded {
            diagnostics.append(contentsOf: itemDiagnostics)
            if let item { site.items.append(item) }
        }
        site.media = ImageInspector.inspect(files.mediaFiles(diagnostics: &diagnostics),
                                            cacheFolder: ImageProcessor.cacheRoot(siteRoot: siteRoot))
        if let config = site.config {
            site.snapshots = SnapshotLoader.load(config.sources, config: config, files: files, diagnostics: &diagnostics)
        }
        files.reportStrayEntries(diagnostics: &diagnostics)
        return site
    }

    /// `content/site.yaml` alone (for commands that need the settings, not the content).
    public static func loadSettings(siteRoot: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticLog()
        let files = SiteFiles(root: siteRoot)
        guard let source = files.readText("content/site.yaml", limit: SourceText.Limits.frontMatterBytes, diagnostics: &diagnostics) else {
            if !files.exists("content/site.yaml") {
                diagnostics.error(SourceLocation(file: "content/site.yaml"), "the site settings file is missing",
                                  hint: "create content/site.yaml with at least `title:` and `base_url:` (`gugus init` writes one)")
            }
            return (nil, diagnostics.sorted)
        }
        let config = SiteConfigLoader.loadSite(source, diagnostics: &diagnostics)
        return (config, diagnostics.sorted)
    }

    static func loadItem(kind: ContentKind, path: String, files: SiteFiles, diagnostics: inout DiagnosticLog) -> ContentItem? {
        guard let source = files.readText(path, limit: SourceText.Limits.markdownBytes, diagnostics: &diagnostics) else { return nil }
        return decodeItem(kind: kind, source: source, diagnostics: &diagnostics) { name, location, log in
            loadCSV(name, beside: (path as NSString).deletingLastPathComponent, at: location, files: files, diagnostics: &log)
        }
    }

    /// The front matter and body of a Markdown file with its YAML parsed, within the size
    /// limits; nil after reporting why not (no `---` lines, too large, invalid YAML).
    static func readFrontMatter(_ source: SourceText, diagnostics: inout DiagnosticLog) -> (FrontMatter, Node?)? {
        let path = source.path
        let frontMatter: FrontMatter
        switch FrontMatterSplitter.split(source.text, path: path) {
        case let .success(split): frontMatter = split
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        if frontMatter.yaml.utf8.count > SourceText.Limits.frontMatterBytes {
            diagnostics.error(SourceLocation(file: path, line: 2), "the front matter is too large (over \(SourceText.Limits.frontMatterBytes / 1024) KiB)",
                              hint: "keep only the fields between the `---` lines; long text belongs in the body below them")
            return nil
        }
        if let problem = checkBodyLimits(frontMatter, path: path) {
            diagnostics.append(problem)
            return nil
        }
        switch YAMLDocument.parse(frontMatter.yaml, file: path, firstLine: frontMatter.yamlFirstLine) {
        case let .success(parsed): return (frontMatter, parsed)
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Splits and decodes the text of one content file. `dataLoader` reads a dataset's CSV.
    static func decodeItem(
        kind: ContentKind, source: SourceText, diagnostics: inout DiagnosticLog,
        dataLoader: (String, SourceLocation, inout DiagnosticLog) -> DataTable?
    ) -> ContentItem? {
        let path = source.path
        let fileName = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
        let baseName = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        guard let read = readFrontMatter(source, diagnostics: &diagnostics) else { return nil }
        let (frontMatter, node) = read
        var reader = FieldReader(node: node, file: path, firstLine: frontMatter.yamlFirstLine)
        if node == nil {
            reader.report(SourceLocation(file: path, line: 1), "the front matter is empty",
                          hint: "write the fields between the two `---` lines, at least `title:`")
        }
        if !Slug.isValid(baseName) && !reader.has("slug") {
            let suggestion = Slug.make(from: baseName)
            reader.report(SourceLocation(file: path), "the file name \"\(fileName)\" is not a valid slug",
                          hint: "rename the file to \"\(suggestion.isEmpty ? "judul-tulisan" : suggestion).md\" (lower-case letters, digits and dashes), or set `slug:`")
        }
        var item = ItemDecoder.decode(
            kind: kind, file: path, fileSlug: baseName, frontMatter: frontMatter, reader: &reader,
            dataLoader: { name, location in dataLoader(name, location, &diagnostics) })
        diagnostics.append(contentsOf: reader.diagnostics)
        item?.frontMatterYAML = frontMatter.yaml
        return item
    }

    /// Refuses bodies that would make cmark-gfm work for minutes.
    static func checkBodyLimits(_ frontMatter: FrontMatter, path: String) -> Diagnostic? {
        var brackets = 0, pipes = 0
        var body = frontMatter.body
        body.withUTF8 { bytes in
            // (Counted without branches, which the compiler turns into vector code.)
            for byte in bytes {
                brackets &+= byte == 0x5B ? 1 : 0
                pipes &+= byte == 0x7C ? 1 : 0
            }
        }
        let location = SourceLocation(file: path, line: frontMatter.bodyFirstLine)
        if brackets > SourceText.Limits.markdownBrackets {
            return Diagnostic(at: location, "the text has \(brackets) `[` characters; the limit is \(SourceText.Limits.markdownBrackets)",
                              hint: "this looks like damaged or generated text; an article needs only a few links")
        }
        if pipes > SourceText.Limits.markdownPipes {
            return Diagnostic(at: location, "the text has \(pipes) `|` characters; the limit is \(SourceText.Limits.markdownPipes)",
                              hint: "split very large tables into a CSV file under content/statistics/")
        }
        return nil
    }

    static func loadCSV(_ name: String, beside directory: String, at location: SourceLocation, files: SiteFiles, diagnostics: inout DiagnosticLog) -> DataTable? {
        guard SitePath.isSafeRelative(name), name.hasSuffix(".csv") else {
            diagnostics.error(location, "`data` must name a .csv file beside this file, not \"\(name)\"",
                              hint: "put the CSV in the same folder and write only its name, e.g. `data: kasus-tppo.csv`")
            return nil
        }
        let path = directory + "/" + name
        guard files.exists(path) else {
            diagnostics.error(location, "the data file \"\(name)\" does not exist (looked for \(path))",
                              hint: "check the spelling, or put the CSV file in \(directory)/")
            return nil
        }
        guard let source = files.readText(path, limit: SourceText.Limits.dataBytes, diagnostics: &diagnostics) else { return nil }
        switch CSVTableReader.read(source) {
        case let .success(table): return table
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}
