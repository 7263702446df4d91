import Foundation

/// Prints the report's page to PDF with headless Chromium (Debian's `chromium`): CSS paged
/// media (A4, page numbers in the margins), a tagged PDF with a document outline from the
/// headings, the title and language from the page.
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

    static func print(page: String, to pdf: String, chromium: String?) -> Result<Void, Diagnostic> {
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
        let printed = scratch.appendingPathComponent("report.pdf").path
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-dev-shm-usage", "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--no-pdf-header-footer", "--generate-pdf-document-outline", "--export-tagged-pdf",
            "--print-to-pdf=" + printed, URL(fileURLWithPath: page).absoluteString,
        ]
        // Chromium refuses to start its sandbox as root (CI machines, containers).
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = arguments
        let log = scratch.appendingPathComponent("chromium.log")
        manager.createFile(atPath: log.path, contents: nil)
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        defer { try? handle?.close() }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: browser), "cannot start \(browser): \(error.localizedDescription)", hint: installHint))
        }
        let seconds = Double(timeout.components.seconds)
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            return .failure(Diagnostic(at: SourceLocation(file: browser), "Chromium did not finish printing within \(Int(seconds)) s",
                                       hint: "run the command again; if it keeps failing, print \(page) from a browser"))
        }
        guard process.terminationStatus == 0, let size = (try? manager.attributesOfItem(atPath: printed))?[.size] as? Int, size > 0 else {
            let output = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(600)) } ?? ""
            return .failure(Diagnostic(at: SourceLocation(file: browser), "Chromium could not print the report (exit \(process.terminationStatus))",
                                       hint: "its last words: \(output.trimmingCharacters(in: .whitespacesAndNewlines))"))
        }
        // Copied beside its place and renamed in: a reader never sees half a PDF.
        let staging = (pdf as NSString).deletingLastPathComponent + "/.\((pdf as NSString).lastPathComponent).gugus-tmp"
        do {
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: (pdf as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try manager.copyItem(atPath: printed, toPath: staging)
            guard rename(staging, pdf) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? manager.removeItem(atPath: staging)
            return .failure(Diagnostic(at: SourceLocation(file: pdf), "cannot write the PDF: \(error.localizedDescription)",
                                       hint: "check that the folder exists and that you may write to it"))
        }
        return .success(())
    }
}
