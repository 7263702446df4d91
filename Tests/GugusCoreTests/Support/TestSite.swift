import Foundation
import Testing
@testable import GugusCore

/// A site in a fresh temporary folder, written file by file, built with the real pipeline.
struct TestSite {
    let root: String

    static let siteYAML = """
        title: Gugus Tugas Uji
        base_url: https://uji.example.id
        language: id
        time_zone: Asia/Makassar
        per_page: 2
        hotlines:
          - {name: SAPA 129, phone: "129", whatsapp: "08111-129-129"}
        menu:
          - {title: Berita, url: /berita/}
        """

    static let regionsYAML = """
        - {code: ID, name: Indonesia, level: national}
        - {code: "64", name: Kalimantan Timur, level: province, parent: ID}
        - {code: "64.08", name: Kutai Timur, level: regency, parent: "64"}
        """

    init(files: [String: String] = [:], withDefaults: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        if withDefaults {
            try write("content/site.yaml", TestSite.siteYAML)
            try write("content/regions.yaml", TestSite.regionsYAML)
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    func write(_ path: String, data: Data) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(atPath: root + "/" + path) }

    var output: String { root + "/public" }

    @discardableResult
    func build(drafts: Bool = false, now: String = "2024-08-01", output: String? = nil) -> Result<BuildReport, BuildFailure> {
        BuildPipeline.run(BuildOptions(siteRoot: root, output: output, includeDrafts: drafts, now: CivilDate(iso: now)))
    }

    /// Builds and expects success; returns nothing but records the diagnostics on failure.
    func buildSucceeds(drafts: Bool = false, now: String = "2024-08-01", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        switch build(drafts: drafts, now: now) {
        case .success: return true
        case let .failure(failure):
            Issue.record("build failed: \(failure.diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
            return false
        }
    }

    /// Builds and expects failure; returns the diagnostics as printed (`file:line:col: error: …`).
    func buildErrors(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        switch build() {
        case .success:
            Issue.record("the build succeeded but should have failed", sourceLocation: sourceLocation)
            return []
        case let .failure(failure):
            return failure.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
    }

    func page(_ path: String) -> String {
        (try? String(contentsOfFile: output + "/" + path, encoding: .utf8)) ?? ""
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output + "/" + path) }

    /// Every file of the output with its bytes, for comparing builds.
    func snapshot(of folder: String? = nil) -> [String: Data] {
        Self.snapshotFiles(of: folder ?? output)
    }

    /// Every file under a folder with its bytes, by relative path.
    static func snapshotFiles(of base: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[next] = FileManager.default.contents(atPath: base + "/" + next)
            }
        }
        return files
    }
}


/// The repository's own folder (for the sample site and the theme).
let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func news(_ slug: String = "x", title: String = "Judul", date: String = "2024-07-25", extra: String = "", body: String = "Isi berita.") -> (String, String) {
    ("content/news/\(slug).md", "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\(body)\n")
}

/// A decree file; its fields sit on lines 2–7 and `extra` starts on line 8.
func decree(_ file: String, _ number: String, date: String = "2024-01-01", extra: String = "") -> (String, String) {
    ("content/decrees/\(file).md",
     "---\ntitle: SK \(number)\nnumber: \(number)\nkind: Keputusan Bupati\nissuer: Bupati Kutai Timur\ndate: \(date)\nregion: \"64.08\"\n\(extra)---\nIsi.\n")
}

/// A real JPEG of 16 × 12 grey pixels (611 bytes), for sites whose tests need a photo but
/// not a particular one: every raster of content/media/ goes through libvips, which refuses
/// bytes that are no image.
let tinyJPEG = Data(base64Encoded: "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAMABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwAooooA/9k=") ?? Data()
