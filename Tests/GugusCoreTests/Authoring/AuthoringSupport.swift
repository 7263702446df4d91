import Foundation
import Testing
import Yams
@testable import GugusCore

/// A site made by `gugus init` in a fresh temporary folder.
struct InitSite {
    let root: String

    /// A path inside a new temporary folder, not created yet.
    static func freshPath(_ name: String = "situs") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gugus-authoring-\(UUID().uuidString)/\(name)").path
    }

    init(withTheme: Bool = false) throws {
        root = Self.freshPath()
        try SiteScaffold.create(at: root, today: CivilDate(year: 2024, month: 8, day: 1) ?? .fallback, withTheme: withTheme)
    }

    func read(_ path: String) -> String {
        (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
    }

    func write(_ path: String, data: Data) throws {
        try data.write(to: URL(fileURLWithPath: root + "/" + path))
    }

    func append(_ path: String, _ text: String) throws {
        try write(path, read(path) + text)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + path) }

    func build(drafts: Bool = false) -> Result<BuildReport, BuildFailure> {
        BuildPipeline.run(BuildOptions(siteRoot: root, includeDrafts: drafts, now: CivilDate(iso: "2024-08-01")))
    }

    /// Builds, recording the diagnostics when the build fails; returns the warnings.
    @discardableResult
    func buildSucceeds(drafts: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String]? {
        switch build(drafts: drafts) {
        case let .success(report): return report.warnings.map(\.description)
        case let .failure(failure):
            Issue.record("build failed: \(failure.diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
            return nil
        }
    }

    func page(_ path: String) -> String { read("public/" + path) }

    /// The front matter of a content file, parsed with Yams.
    func frontMatter(_ path: String) throws -> [String: Any] {
        let parts = read(path).components(separatedBy: "\n---\n")
        let yaml = String(parts.first?.dropFirst(4) ?? "")
        return try Yams.load(yaml: yaml) as? [String: Any] ?? [:]
    }
}
