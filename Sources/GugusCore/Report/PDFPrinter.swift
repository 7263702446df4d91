import Foundation

/// Prints the report's page to PDF with headless Chromium (Debian's `chromium`), driven over
/// the DevTools protocol (`ChromiumPipe`): CSS paged media (A4, page numbers in the margins),
/// a tagged PDF with a document outline from the headings, the title and language from the page.
enum PDFPrinter {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let installHint = "install it with `sudo apt-get install chromium`, or give its path with --chromium PATH"
    /// Chromium is stopped after this long.
    static let timeout: Duration = .seconds(180)

    /// The browser to run: the given path, or the first candidate on PATH.
    static func browser(_ given: String?) -> String? {
        let manager = FileManager.default
        if let given { return manager.isExecutableFile(atPath: given) ? given : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in candidates {
            for folder in path.split(separator: ":") where manager.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Prints the report to `pdf`. The contents carry the page each chapter starts on, which
    /// only a print tells: `page(numbers)` gives the file to load for a guess of those pages
    /// (the page without numbers for none). Without a guess (`remembered`, the pages of the
    /// last run), a quick untagged print gives one; the tagged print is checked against its
    /// guess and made again from what it shows when a chapter moved. One browser does all.
    /// Returns where the chapters fell.
    static func print(to pdf: String, chromium: String?, remembered: [String: Int],
                      page: ([String: Int]) -> String) -> Result<[String: Int], Diagnostic> {
        guard let browser = browser(chromium) else {
            let what = chromium.map { "\($0) is not an executable file" } ?? "Chromium was not found on PATH (\(candidates.joined(separator: ", ")))"
            return .failure(Diagnostic(at: SourceLocation(file: chromium ?? "chromium"), "cannot print the PDF: \(what)", hint: installHint))
        }
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("gugus-report-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        do {
            try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: scratch.path), "cannot make a temporary folder: \(error.localizedDescription)",
                                       hint: "check the free space and permissions of the temporary folder"))
        }
        let log = scratch.appendingPathComponent("chromium.log").path
        var session: ChromiumPipe
        do {
            session = try ChromiumPipe(browser: browser, profile: scratch.appendingPathComponent("profile").path, log: log,
                                       deadline: .now + timeout)
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: browser), "\(error)", hint: installHint))
        }
        defer { session.quit() }
        func address(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }
        var numbers = remembered
        var printed = Data()
        do {
            if numbers.isEmpty {
                try session.load(address(page([:])))
                numbers = PrintedPages.destinations(inPDF: try session.printPDF(tagged: false))
            }
            for _ in 0..<3 {
                try session.load(address(page(numbers)))
                printed = try session.printPDF(tagged: true)
                let fell = PrintedPages.destinations(inPDF: printed)
                if fell.isEmpty || fell == numbers { break }
                numbers = fell
            }
        } catch {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)).map { String($0.suffix(600)) } ?? ""
            let words = output.trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(Diagnostic(at: SourceLocation(file: browser), "Chromium could not print the report: \(error)",
                                       hint: words.isEmpty ? "run the command again; if it keeps failing, print the report's page from a browser"
                                           : "its last words: \(words)"))
        }
        guard !printed.isEmpty else {
            return .failure(Diagnostic(at: SourceLocation(file: browser), "Chromium printed an empty PDF",
                                       hint: "run the command again; if it keeps failing, print the report's page from a browser"))
        }
        // Written beside its place and renamed in: a reader never sees half a PDF.
        let staging = (pdf as NSString).deletingLastPathComponent + "/.\((pdf as NSString).lastPathComponent).gugus-tmp"
        do {
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: (pdf as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try printed.write(to: URL(fileURLWithPath: staging))
            guard rename(staging, pdf) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? manager.removeItem(atPath: staging)
            return .failure(Diagnostic(at: SourceLocation(file: pdf), "cannot write the PDF: \(error.localizedDescription)",
                                       hint: "check that the folder exists and that you may write to it"))
        }
        return .success(numbers)
    }
}
