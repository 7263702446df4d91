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
        // (Whether a kill came while files were written is proven by the test below.)
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

    /// Takes the output's build lock as another build would; nil when it cannot.
    func holdLock(_ site: TestSite) -> Int32? {
        let descriptor = open(site.root + "/.public.gugus-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else { return nil }
        return descriptor
    }

    func temporaryFolders(_ site: TestSite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.root)) ?? []).filter { $0.hasPrefix(".public.gugus-tmp-") }
    }

    /// A build waits for the one that holds the output (here the test holds it): it neither
    /// writes nor gives up while it waits, and finishes once the lock is free.
    @Test func aSecondBuildWaitsForTheFirst() throws {
        let site = try bigSite(title: "Lama")
        let arguments = ["build", site.root, "--now", "2024-08-01"]
        let first = try start(arguments)
        first.waitUntilExit()
        let before = site.snapshot()
        let (path, text) = news("berita-1", title: "Baru 1", date: "2024-07-11", extra: "tags: [rakor, tag-1]\n", body: "Isi baru.")
        try site.write(path, text)

        let lock = try #require(holdLock(site))
        let waiting = try start(arguments)
        Thread.sleep(forTimeInterval: 2)
        #expect(waiting.isRunning, "the build waits while another holds the output")
        #expect(temporaryFolders(site).isEmpty && site.snapshot() == before, "it writes nothing while it waits")
        flock(lock, LOCK_UN)
        close(lock)
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        #expect(site.page("berita/berita-1/index.html").contains("Baru 1"), "it builds once the lock is free")
    }

    /// Kills that certainly land while files are being written: the build is held at the
    /// lock (inside Write), let go, and killed a few milliseconds later. A temporary folder
    /// left beside the output proves the kill came mid-write; the site stays the old one.
    @Test func aKillWhileFilesAreWrittenLeavesThePreviousSiteWhole() throws {
        let site = try bigSite(title: "Lama")
        let arguments = ["build", site.root, "--now", "2024-08-01"]
        let first = try start(arguments)
        first.waitUntilExit()
        let before = site.snapshot()
        for number in 1...400 {
            let (path, text) = news("berita-\(number)", title: "Baru \(number)", date: "2024-07-\(10 + number % 18)",
                                    extra: "tags: [rakor, tag-\(number % 20)]\n", body: "Isi baru.")
            try site.write(path, text)
        }
        let full = try start(arguments + ["--output", site.root + "/reference"])
        full.waitUntilExit()
        let after = site.snapshot(of: site.root + "/reference")
        var midWrite = 0
        for delay in [0, 1, 2, 4, 8, 16] {
            let lock = try #require(holdLock(site))
            let process = try start(arguments)
            // Long enough to load, render and reach the lock.
            Thread.sleep(forTimeInterval: 1.5)
            try #require(process.isRunning, "the build should be waiting at the lock")
            flock(lock, LOCK_UN)
            close(lock)
            // Its temporary folder appears when it starts writing: kill it then, or a little later.
            let folder = ".public.gugus-tmp-\(process.processIdentifier)"
            let deadline = Date().addingTimeInterval(3)
            while !temporaryFolders(site).contains(folder) && process.isRunning && Date() < deadline { usleep(500) }
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Killed before the swap: its folder is left (the next build removes it).
            if process.terminationReason == .uncaughtSignal && temporaryFolders(site).contains(folder) { midWrite += 1 }
            let now = site.snapshot()
            #expect(now == before || now == after, "killed \(delay) ms into writing: the output is a mix of two builds")
        }
        #expect(midWrite > 0, "no kill landed while files were written")
        print("fault test: \(midWrite) of 6 kills landed while the new site was being written")
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
