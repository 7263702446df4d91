import Foundation
import Testing
@testable import GugusCore
@testable import GugusServer

/// `gugus serve` as an officer uses it: a real process, a real port, real file edits.
@Suite(.serialized) struct ServeTests {
    let binary = gugusBinary

    /// Waits until `condition` holds, checking every 50 ms, for at most `seconds`.
    func eventually(_ seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    func status(_ port: Int) -> (generation: Int, errors: [String])? {
        let answer = HTTPProbe.get(port: port, "/__gugus/status")
        guard answer.status == 200, let start = answer.body.firstIndex(of: "{"),
            let object = try? JSONSerialization.jsonObject(with: Data(answer.body[start...].utf8)) as? [String: Any],
            let generation = object["generation"] as? Int
        else { return nil }
        return (generation, object["errors"] as? [String] ?? [])
    }

    @Test func servesRebuildsOnEditShowsErrorsAndRefusesTraversal() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [news("rakor", title: "Rakor Pertama"), news("draf", title: "Draf Berita", extra: "draft: true\n")]))
        let port = HTTPProbe.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", site.root, "--port", String(port), "--now", "2024-08-01"]
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        #expect(eventually { HTTPProbe.get(port: port, "/berita/rakor/").status == 200 }, "the server answers")
        let page = HTTPProbe.get(port: port, "/berita/rakor/")
        #expect(page.body.contains("Rakor Pertama"))
        #expect(page.body.contains("<script src=\"/__gugus/live.js\" defer></script>\n</body>"), "the reload script is added when serving")
        #expect(!site.exists("berita/rakor/index.html"), "serve does not write into public/")
        #expect(HTTPProbe.get(port: port, "/berita/draf/").body.contains("Draf Berita"), "drafts are shown while serving")
        #expect(HTTPProbe.get(port: port, "/tidak-ada/").status == 404)
        #expect(HTTPProbe.get(port: port, "/berita").status == 301, "a folder without its slash is redirected")
        #expect(HTTPProbe.exchange(port: port, "GET /kegiatan/kalender.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").contains("Content-Type: text/calendar"))

        // A browser tab's open event stream: on connecting it gets the current status and
        // nothing more until a save, then a push to reload, on the same connection.
        let stream = try #require(EventStream(port: port, path: "/__gugus/events"))
        stream.read(for: 1.5)
        #expect(stream.received.contains("text/event-stream"))
        let connected = stream.reloads
        try #require(connected.count == 1, "one status message on connecting, none before the save: \(stream.received)")
        try site.write("content/news/rakor.md", "---\ntitle: Rakor Kedua\ndate: 2024-07-25\n---\nIsi baru.\n")
        #expect(stream.read(for: 15) { _ in stream.reloads.contains { $0 > connected[0] } }, "the open stream is told to reload after the save")
        #expect(HTTPProbe.get(port: port, "/berita/rakor/").body.contains("Rakor Kedua"), "the page shows the edit when the browser reloads")

        // A mistake keeps the server running and tells the browser where it is.
        try site.write("content/news/rakor.md", "---\ntitle: Rakor Kedua\ndate: 25 Juli\n---\nIsi.\n")
        #expect(eventually { !(status(port)?.errors.isEmpty ?? true) })
        let errors = status(port)?.errors ?? []
        #expect(errors.contains { $0.hasPrefix("content/news/rakor.md:3:7: error:") }, "\(errors)")
        #expect(HTTPProbe.get(port: port, "/berita/rakor/").body.contains("Rakor Kedua"), "the last good site stays served")
        let failed = HTTPProbe.exchange(port: port, "GET /__gugus/events HTTP/1.1\r\nHost: x\r\n\r\n", timeout: 3, until: "content/news/rakor.md")
        #expect(failed.contains("event: failed") && failed.contains("content/news/rakor.md:3:7"))
        try site.write("content/news/rakor.md", "---\ntitle: Rakor Ketiga\ndate: 2024-07-25\n---\nIsi.\n")
        #expect(eventually { status(port)?.errors.isEmpty ?? false })
        #expect(HTTPProbe.get(port: port, "/berita/rakor/").body.contains("Rakor Ketiga"))
        // A text-only edit: the page first, the search index a moment later.
        try site.write("content/news/rakor.md", "---\ntitle: Rakor Ketiga\ndate: 2024-07-25\n---\nRapat di Sangkulirang.\n")
        #expect(eventually { HTTPProbe.get(port: port, "/berita/rakor/").body.contains("Rapat di Sangkulirang.") })
        let served = { (path: String) -> Data? in
            let answer = HTTPProbe.get(port: port, "/" + path)
            return answer.status == 200 ? Data(answer.body.utf8) : nil
        }
        #expect(eventually { SearchIndexReader(load: served)?.urls("sangkulirang") == ["/berita/rakor/"] })

        // Nothing outside the site is served, however the path is written.
        for path in ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/berita/..%2f..%2f..%2fetc/passwd"] {
            let answer = HTTPProbe.get(port: port, path)
            #expect(answer.status == 400 || answer.status == 404, "\(path) → \(answer.status)")
            #expect(!answer.body.contains("root:"), "\(path) must not leak files")
        }

        // Ctrl-C stops it cleanly.
        kill(process.processIdentifier, SIGINT)
        #expect(eventually(10) { !process.isRunning }, "the server stops on Ctrl-C")
        #expect(process.terminationStatus == 0)
    }

    @Test func aPreviewChecksPublishedAddressesButNeverRecordsThem() {
        for drafts in [true, false] {
            let server = DevServer(options: .init(siteRoot: "/tmp/situs", includeDrafts: drafts), log: { _ in })
            let options = server.buildOptions(output: "/tmp/keluaran")
            #expect(options.keepsURLManifest && !options.recordsURLs)
            #expect(options.injectedScript == "<script src=\"/__gugus/live.js\" defer></script>")
            #expect(options.baseURL == "http://127.0.0.1:1313")
        }
    }
}
