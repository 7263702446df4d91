import Foundation
import Synchronization
import Testing
@testable import GugusCore

/// The dev server's writes after an edit go through Write: they wait for the output's lock
/// (a `gugus build` into the same folder), replace each changed file whole, and leave
/// unchanged files alone.
struct PartialWriteTests {
    @Test func aPartialWriteWaitsForTheOutputsLockAndReplacesOnlyChangedFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gugus-partial-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/public"
        try FileManager.default.createDirectory(atPath: output + "/berita/x", withIntermediateDirectories: true)
        try Data("lama".utf8).write(to: URL(fileURLWithPath: output + "/berita/x/index.html"))
        try Data("sama".utf8).write(to: URL(fileURLWithPath: output + "/index.html"))
        var before = stat()
        #expect(lstat(output + "/index.html", &before) == 0)

        // A build holds the output: the partial write waits for it.
        let held = try #require(try? OutputLock.acquire(parent: root, name: "public").get())
        // -2 while waiting, -1 when it failed, else how many files it wrote.
        let result = Mutex<Int>(-2)
        let files = [OutputFile(path: "berita/x/index.html", text: "baru"), OutputFile(path: "index.html", text: "sama")]
        let thread = Thread {
            let written = OutputWriter.replace(files, in: output) ?? -1
            result.withLock { $0 = written }
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.4)
        #expect(result.withLock { $0 } == -2, "still waiting for the lock")
        #expect(try String(contentsOfFile: output + "/berita/x/index.html", encoding: .utf8) == "lama")
        held.release()
        for _ in 0..<100 where result.withLock({ $0 }) == -2 { Thread.sleep(forTimeInterval: 0.05) }
        #expect(result.withLock { $0 } == 1, "one file changed")
        #expect(try String(contentsOfFile: output + "/berita/x/index.html", encoding: .utf8) == "baru")
        var after = stat()
        #expect(lstat(output + "/index.html", &after) == 0 && after.st_ino == before.st_ino, "the unchanged file is left alone")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: output + "/berita/x")).contains { $0.contains("gugus-tmp") })
    }
}
