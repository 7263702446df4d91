import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// commands go to its descriptor 3, replies and events come from its descriptor 4, each a
/// JSON text ended by a NUL byte). One browser loads a page and prints it as often as the
/// report's contents need, without starting again for each print.
struct ChromiumPipe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What a reply or an event carries (the fields this client reads; the others are ignored).
    struct Payload: Decodable {
        var targetId: String?
        var sessionId: String?
        var frameId: String?
        var errorText: String?
        var stream: String?
        var data: String?
        var base64Encoded: Bool?
        var eof: Bool?
    }

    struct Message: Decodable {
        struct Problem: Decodable {
            var code: Int
            var message: String
        }

        var id: Int?
        var method: String?
        var sessionId: String?
        var result: Payload?
        var error: Problem?
    }

    private let process: pid_t
    private let commands: Int32
    private let replies: Int32
    private let deadline: ContinuousClock.Instant
    private var buffer: [UInt8] = []
    private var nextID = 0
    /// Events that arrived while a reply was awaited, by method and session.
    private var events: [(method: String, session: String?)] = []
    /// The page's session, once `open` attached to it.
    private var session: String?

    /// Starts `browser` headless; everything must be done by `deadline`.
    init(browser: String, profile: String, log: String, deadline: ContinuousClock.Instant) throws {
        self.deadline = deadline
        // A browser that stops makes the next command fail with EPIPE instead of ending
        // this process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var toBrowser: [Int32] = [-1, -1]
        var fromBrowser: [Int32] = [-1, -1]
        guard pipe(&toBrowser) == 0 else { throw Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&fromBrowser) == 0 else {
            Glibc.close(toBrowser[0]); Glibc.close(toBrowser[1])
            throw Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        // Every end is copied above 10 with close-on-exec (none leaks into another child),
        // so that moving the browser's ends onto 3 and 4 in the child always makes a copy (a
        // copy onto itself would keep close-on-exec).
        let browserReads = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 10)
        let browserWrites = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 10)
        let ourWrites = fcntl(toBrowser[1], F_DUPFD_CLOEXEC, 10)
        let ourReads = fcntl(fromBrowser[0], F_DUPFD_CLOEXEC, 10)
        for descriptor in toBrowser + fromBrowser { Glibc.close(descriptor) }
        let logDescriptor = Glibc.open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let nullDescriptor = Glibc.open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer {
            for descriptor in [browserReads, browserWrites, logDescriptor, nullDescriptor] where descriptor >= 0 { Glibc.close(descriptor) }
        }
        guard browserReads >= 0, browserWrites >= 0, ourWrites >= 0, ourReads >= 0, logDescriptor >= 0, nullDescriptor >= 0 else {
            for descriptor in [ourWrites, ourReads] where descriptor >= 0 { Glibc.close(descriptor) }
            throw Failure(description: "cannot prepare the browser's pipes and log: \(String(cString: strerror(errno)))")
        }

        var arguments = [
            browser, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-dev-shm-usage", "--remote-debugging-pipe", "--user-data-dir=" + profile,
            "about:blank",
        ]
        // Chromium refuses to start its sandbox as root (CI machines, containers).
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, nullDescriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, logDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, logDescriptor, 2)
        posix_spawn_file_actions_adddup2(&actions, browserReads, 3)
        posix_spawn_file_actions_adddup2(&actions, browserWrites, 4)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, browser, &actions, nil, argv, environ)
        guard status == 0 else {
            Glibc.close(ourWrites); Glibc.close(ourReads)
            throw Failure(description: "cannot start \(browser): \(String(cString: strerror(status)))")
        }
        process = pid
        commands = ourWrites
        replies = ourReads
    }

    /// Opens a tab (the first time), loads `url` in it and waits for its load event.
    mutating func load(_ url: String) throws {
        if session == nil {
            guard let target = try call("Target.createTarget", ["url": .string("about:blank")]).targetId else {
                throw Failure(description: "the browser opened no tab")
            }
            guard let attached = try call("Target.attachToTarget", ["targetId": .string(target), "flatten": .bool(true)]).sessionId else {
                throw Failure(description: "the browser did not attach to its tab")
            }
            session = attached
            _ = try call("Page.enable", [:], inPage: true)
        }
        events.removeAll()
        let navigated = try call("Page.navigate", ["url": .string(url)], inPage: true)
        if let problem = navigated.errorText, !problem.isEmpty { throw Failure(description: "the browser could not open \(url): \(problem)") }
        try waitForEvent("Page.loadEventFired")
    }

    /// The loaded page as PDF (A4 and margins from the page's CSS). `tagged`: with the
    /// structure tags and the outline (bookmarks); without, the print is faster and lays out
    /// the same pages.
    mutating func printPDF(tagged: Bool) throws -> Data {
        let printed = try call("Page.printToPDF", [
            "printBackground": .bool(true), "preferCSSPageSize": .bool(true), "displayHeaderFooter": .bool(false),
            "generateTaggedPDF": .bool(tagged), "generateDocumentOutline": .bool(tagged), "transferMode": .string("ReturnAsStream"),
        ], inPage: true)
        guard let stream = printed.stream else { throw Failure(description: "the browser returned no PDF") }
        var pdf = Data()
        while true {
            let chunk = try call("IO.read", ["handle": .string(stream), "size": .int(4 << 20)], inPage: true)
            if let text = chunk.data {
                if chunk.base64Encoded == true {
                    guard let bytes = Data(base64Encoded: text) else { throw Failure(description: "the browser sent a damaged PDF") }
                    pdf.append(bytes)
                } else {
                    pdf.append(Data(text.utf8))
                }
            }
            if chunk.eof != false { break }
        }
        _ = try? call("IO.close", ["handle": .string(stream)], inPage: true)
        return pdf
    }

    /// Asks the browser to close, and makes sure it ends.
    mutating func quit() {
        _ = try? send("Browser.close", [:], inPage: false)
        Glibc.close(commands)
        var status: Int32 = 0
        // A few seconds to close by itself, then it is stopped.
        for _ in 0..<50 {
            if waitpid(process, &status, WNOHANG) == process {
                Glibc.close(replies)
                return
            }
            usleep(100_000)
        }
        kill(process, SIGKILL)
        waitpid(process, &status, 0)
        Glibc.close(replies)
    }

    // MARK: The protocol

    private mutating func send(_ method: String, _ parameters: [String: JSONValue], inPage: Bool) throws -> Int {
        nextID += 1
        var message: [String: JSONValue] = ["id": .int(nextID), "method": .string(method), "params": .object(parameters)]
        if inPage, let session { message["sessionId"] = .string(session) }
        var bytes = [UInt8](JSONValue.object(message).encoded())
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(commands, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: errno == EPIPE ? "the browser stopped before it finished"
                                  : "the browser stopped listening (\(String(cString: strerror(errno))))")
            }
            written += count
        }
        return nextID
    }

    private mutating func call(_ method: String, _ parameters: [String: JSONValue], inPage: Bool = false) throws -> Payload {
        let id = try send(method, parameters, inPage: inPage)
        while true {
            let message = try receive()
            if message.id == id {
                if let problem = message.error { throw Failure(description: "the browser refused \(method): \(problem.message)") }
                return message.result ?? Payload()
            }
            if let event = message.method { events.append((event, message.sessionId)) }
        }
    }

    private mutating func waitForEvent(_ method: String) throws {
        if events.contains(where: { $0.method == method && $0.session == session }) { return }
        while true {
            let message = try receive()
            if message.method == method && message.sessionId == session { return }
        }
    }

    /// The next message, read before the deadline.
    private mutating func receive() throws -> Message {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let text = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let message = try? JSONDecoder().decode(Message.self, from: text) else { continue }
                return message
            }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw Failure(description: "the browser did not finish in time") }
            var watch = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&watch, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(replies, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: "the browser stopped before it finished") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
