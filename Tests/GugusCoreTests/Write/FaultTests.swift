import Foundation
import Testing
@testable import GugusCore

/// Faults during a build, with real processes: killed builds, two builds at once, an
/// output that cannot be written. The last good site must stay complete.
@Suite(.serialized) struct FaultTests {
    let binary = gugusBinary

    /// A site big enough that a build takes a while.
    func bigSite(title: String) throws -> TestSite {
        let files = (1...400).map { number in
            news("berita-\(number)", title: "\(title) \(number)", date: "2024-07-\(10 + number % 18)",
                 extra: "tags: [rakor, tag-\(number % 20)]\n", body: String(repeating: "Isi berita tentang pencegahan TPPO. ", count: 40))
        }
        return try TestSite(files: Dictionary(uniqueKeysWithValues: files))
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killingABuildAtAnyMomentLeavesThePreviousSiteWhole() throws {
        let site = try bigSite(title: "Lama")
        let arguments = ["build", site.root, "--now", "2024-08-01"]
        let first = try start(arguments)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let before = site.snapshot()
        #expect(before.count > 400)

        // The next build would change every page.
        for number in 1...400 {
            let (path, text) = news("berita-\(number)", title: "Baru \(number)", date: "2024-07-\(10 + number % 18)",
                                    extra: "tags: [rakor, tag-\(number % 20)]\n", body: "Isi baru.")
            try site.write(path, text)
        }
        let timed = Date()
        let full = try start(arguments + ["--output", site.root + "/reference"])
        full.waitUntilExit()
        let duration = Date().timeIntervalSince(timed)
        let after = site.snapshot(of: site.root + "/reference")

        var kills = 0, interrupted = 0
        for attempt in 0..<10 {
            let process = try start(arguments)
            Thread.sleep(forTimeInterval: duration * Double(attempt) / 10)
            kill(process.processIdentifier, attempt % 2 == 0 ? SIGKILL : SIGINT)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 }
            kills += 1
            let now = site.snapshot()
            // Either the old site, whole, or (if the build had finished) the new one, whole.
            #expect(now == before || now == after, "attempt \(attempt): the output is a mix of two builds")
        }
        #expect(kills == 10 && interrupted > 0, "some builds were really stopped mid-way")
        print("fault test: \(kills) builds killed (SIGKILL and SIGINT) at points across a \(Int(duration * 1000)) ms build; \(interrupted) died mid-build")

        // The next build cleans up what killed builds left beside the output.
        let last = try start(arguments)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(site.snapshot() == after)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("gugus-tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func twoBuildsAtOnceDoNotCorruptTheOutput() throws {
        let site = try bigSite(title: "Berita")
        let arguments = ["build", site.root, "--now", "2024-08-01"]
        let one = try start(arguments)
        let two = try start(arguments)
        one.waitUntilExit()
        two.waitUntilExit()
        #expect(one.terminationStatus == 0 && two.terminationStatus == 0, "the second build waits for the first")
        let reference = try start(arguments + ["--output", site.root + "/reference"])
        reference.waitUntilExit()
        #expect(site.snapshot() == site.snapshot(of: site.root + "/reference"))
    }

    @Test func anUnwritableOutputGivesAClearErrorAndChangesNothing() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("a")]))
        let (status, _, text) = try runCommand(["build", site.root, "--now", "2024-08-01", "--output", "/proc/gugus-tidak-bisa"])
        #expect(status == 1)
        #expect(text.contains("/proc/gugus-tidak-bisa:1:1: error: cannot write in the folder /proc"), "\(text)")
        #expect(text.contains("build failed in Write"))
        #expect(text.contains("the previous site was left as it was"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/published-urls.txt"), "a failed build records nothing")
    }
}
