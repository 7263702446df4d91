import Foundation

/// What `gugus report` is asked for.
public struct ReportOptions: Sendable {
    public var siteRoot: String
    public var year: Int
    /// The folder that receives `laporan-YYYY/` and `laporan-YYYY.pdf` (default `SITE/laporan`).
    public var output: String
    public var includeDrafts: Bool
    public var now: CivilDate?
    /// The PDF too, printed by Chromium (`chromium` on PATH unless given).
    public var pdf: Bool
    public var chromium: String?

    public init(siteRoot: String, year: Int, output: String? = nil, includeDrafts: Bool = false, now: CivilDate? = nil,
                pdf: Bool = false, chromium: String? = nil) {
        self.siteRoot = siteRoot
        self.year = year
        self.output = output ?? siteRoot + "/laporan"
        self.includeDrafts = includeDrafts
        self.now = now
        self.pdf = pdf
        self.chromium = chromium
    }

    /// The report's folder and PDF.
    public var folder: String { output + "/laporan-\(year)" }
    public var pdfPath: String { output + "/laporan-\(year).pdf" }
}

/// What a report run wrote.
public struct ReportOutcome: Sendable {
    public var html: String
    public var pdf: String?
    public var counts: (decrees: Int, events: Int, news: Int, datasets: Int)
    public var warnings: [Diagnostic]
    /// The resolved site the report was compiled from: a command-line caller that exits
    /// when done is spared freeing it object by object (a quarter of a second at 10,000 files).
    public var site: Site?
}

/// Load → Validate → Resolve as for the site, then the year's facts → `report.mustache` →
/// `laporan-YYYY/` (the page and its stylesheet), and the PDF through Chromium.
public enum ReportPipeline {
    public static func run(_ options: ReportOptions) -> Result<ReportOutcome, BuildFailure> {
        var log = DiagnosticLog()
        func failed(_ phase: String) -> Result<ReportOutcome, BuildFailure> {
            .failure(BuildFailure(diagnostics: log.sorted, phase: phase))
        }
        let loaded = ContentLoader.load(siteRoot: options.siteRoot, diagnostics: &log)
        let theme = Theme.load(siteRoot: options.siteRoot, diagnostics: &log)
        let file = ReportFile.load(siteRoot: options.siteRoot, year: options.year, diagnostics: &log)
        guard let config = loaded.config, let theme, !log.hasErrors else { return failed("Load") }
        let index = SiteValidator.validate(loaded, diagnostics: &log)
        let buildOptions = BuildOptions(siteRoot: options.siteRoot, includeDrafts: options.includeDrafts, now: options.now)
        let site = SiteResolver.resolve(loaded, config: config, index: index, options: buildOptions, diagnostics: &log)
        guard !log.hasErrors else { return failed("Resolve") }

        let report = AnnualReport(site: site, year: options.year)
        if report.isEmpty {
            let years = Set(site.decrees.map(\.fields.date.year) + site.events.map(\.fields.start.date.year) + site.news.map(\.fields.date.year))
            let known = years.sorted(by: >).prefix(8).map(String.init).joined(separator: ", ")
            log.error(SourceLocation(file: "content"), "nothing is dated \(options.year): no decree, event, news or dataset of that year",
                      hint: years.isEmpty ? "add content first (`gugus new`)" : "years with content: \(known)")
            return failed("Report")
        }
        let foreword = file.map { file in
            MarkdownRenderer.render(file.body, links: LinkContext(file: file.path, bodyFirstLine: file.bodyFirstLine, permalinks: site.permalinks,
                                                                  media: site.library, unpublished: site.unpublished))
        }
        log.append(contentsOf: foreword?.diagnostics ?? [])
        guard !log.hasErrors else { return failed("Report") }

        let (builder, specialized) = SiteRenderer.prepare(site, theme: theme, bodies: [:])
        let forewordHTML = foreword.map { Self.absolute($0, base: config.baseURL) }
        let context = builder.report(report, file: file, foreword: forewordHTML)
        let html = specialized.render(context, template: "report")
        var files = [OutputFile(path: "index.html", text: html)]
        if let stylesheet = theme.assets.first(where: { $0.path == "report.css" }) {
            files.append(OutputFile(path: "report.css", data: stylesheet.data))
        }
        switch OutputWriter.write(files, to: options.folder, siteRoot: options.siteRoot) {
        case .success: break
        case let .failure(problem):
            log.append(problem)
            return failed("Write")
        }
        var pdf: String?
        if options.pdf {
            // The pages of the last run are the first guess for the contents' page numbers
            // (a report printed again after a small change needs one print).
            let copy = options.folder + "/.cetak.html"
            defer { try? FileManager.default.removeItem(atPath: copy) }
            let remembered = Self.cachedPages(siteRoot: options.siteRoot, year: options.year)
            let printed = PDFPrinter.print(to: options.pdfPath, chromium: options.chromium, remembered: remembered) { numbers in
                guard !numbers.isEmpty else { return options.folder + "/index.html" }
                let numbered = specialized.render(builder.report(report, file: file, foreword: forewordHTML, pages: numbers), template: "report")
                return FileManager.default.createFile(atPath: copy, contents: Data(numbered.utf8)) ? copy : options.folder + "/index.html"
            }
            switch printed {
            case let .success(numbers):
                if numbers != remembered { Self.cachePages(numbers, siteRoot: options.siteRoot, year: options.year) }
            case let .failure(problem):
                log.append(problem)
                return failed("PDF")
            }
            pdf = options.pdfPath
        }
        return .success(ReportOutcome(
            html: options.folder + "/index.html", pdf: pdf,
            counts: (report.decrees.count, report.events.count, report.news.count, report.datasets.count), warnings: log.warnings,
            site: site))
    }

    /// Where the chapters of a year's report fell when it was last printed.
    static func pagesCache(siteRoot: String, year: Int) -> String { siteRoot + "/.gugus-cache/report/pages-\(year).txt" }

    static func cachedPages(siteRoot: String, year: Int) -> [String: Int] {
        guard let text = try? String(contentsOfFile: pagesCache(siteRoot: siteRoot, year: year), encoding: .utf8) else { return [:] }
        var pages: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let page = Int(parts[1]), page > 0 { pages[String(parts[0])] = page }
        }
        return pages
    }

    static func cachePages(_ pages: [String: Int], siteRoot: String, year: Int) {
        let path = pagesCache(siteRoot: siteRoot, year: year)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let text = pages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined()
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// A body whose site links (`href="/berita/x/"`) lead to the site from a printed or saved report.
    static func absolute(_ markdown: RenderedMarkdown, base: String) -> RenderedMarkdown {
        var copy = markdown
        copy.html = markdown.html.replacingOccurrences(of: "href=\"/", with: "href=\"\(base)/")
        return copy
    }
}
