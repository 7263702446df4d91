import Foundation
import Testing

/// `gugus init` and `gugus new` as a user runs them, from a copy of the binary outside the
/// repository.
@Suite struct AuthoringCommandLineTests {
    /// The `gugus` built beside this test bundle (whatever the scratch path), else the default one.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("gugus").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : repositoryRoot + "/.build/debug/gugus"
    }

    /// A copy of the binary in a temporary folder, made once: no path leads back to the repository.
    static let installedBinary: String? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-installed-\(UUID().uuidString)/bin")
        let copy = folder.appendingPathComponent("gugus").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: binary, toPath: copy)
            return copy
        } catch {
            return nil
        }
    }()

    /// The installed binary and a fresh, empty working folder.
    static func installedCopy() throws -> (binary: String, workspace: String) {
        let gugus = try #require(installedBinary, "cannot copy \(binary)")
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-kerja-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        return (gugus, workspace)
    }

    func run(_ binary: String, _ arguments: [String], in folder: String) throws -> (status: Int32, out: String, err: String) {
        try runCommand(arguments, binary: binary, in: folder)
    }

    @Test func initNewAndBuildFromAnInstalledBinary() throws {
        let (gugus, workspace) = try Self.installedCopy()
        let initialized = try run(gugus, ["init", "situs", "--now", "2024-08-01"], in: workspace)
        #expect(initialized.status == 0)
        #expect(initialized.out.contains("gugus new berita \"Judul Berita\" --site situs"))
        #expect(initialized.out.contains("gugus build situs"))

        let created = try run(gugus, ["new", "berita", "Rakor Gugus Tugas 2024", "--site", "situs", "--now", "2024-08-01"], in: workspace)
        #expect(created.status == 0)
        #expect(created.out == "situs/content/news/rakor-gugus-tugas-2024.md\n")
        #expect(created.err.contains("draft: true"))
        for (type, title) in [("kegiatan", "Sosialisasi Desa"), ("regulasi", "SK Baru"), ("halaman", "Tentang Kami"), ("statistik", "Data Korban")] {
            #expect(try run(gugus, ["new", type, title, "--site", "situs"], in: workspace).status == 0)
        }

        let built = try run(gugus, ["build", "situs", "--drafts", "--now", "2024-08-01"], in: workspace)
        #expect(built.status == 0, "\(built.err)")
        #expect(built.out.contains("news            2"))
        let page = try String(contentsOfFile: workspace + "/situs/public/berita/rakor-gugus-tugas-2024/index.html", encoding: .utf8)
        #expect(page.contains("Rakor Gugus Tugas 2024"))
    }

    @Test func refusalsExitWithOneAndWriteNothing() throws {
        let (gugus, workspace) = try Self.installedCopy()
        #expect(try run(gugus, ["init", "situs"], in: workspace).status == 0)
        let again = try run(gugus, ["init", "situs"], in: workspace)
        #expect(again.status == 1)
        #expect(again.err.contains("error: the folder situs is not empty"))

        #expect(try run(gugus, ["new", "news", "Rakor", "--site", "situs"], in: workspace).status == 0)
        let twice = try run(gugus, ["new", "news", "Rakor", "--site", "situs"], in: workspace)
        #expect(twice.status == 1)
        #expect(twice.err.contains("error: content/news/rakor.md already exists"))
        #expect(twice.err.contains("hint: give another title, or choose another file name with --slug"))
    }

    @Test func wrongCommandLinesExitWithTwo() throws {
        let (gugus, workspace) = try Self.installedCopy()
        #expect(try run(gugus, ["init", "situs"], in: workspace).status == 0)
        let unknown = try run(gugus, ["new", "artikel", "Judul", "--site", "situs"], in: workspace)
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("unknown type \"artikel\""))
        #expect(try run(gugus, ["new", "berita", "Judul", "--site", "tidak-ada"], in: workspace).status == 2)
        #expect(try run(gugus, ["new", "berita", "Judul", "--site", "situs", "--now", "kemarin"], in: workspace).status == 2)
        #expect(try run(gugus, ["init", "lain", "--now", "1-8-2024"], in: workspace).status == 2)
    }
}
