import AsyncHTTPClient
import Crypto
import Foundation
import GugusCore
import NIOCore
import NIOHTTP1

/// What `gugus sources update` did with one source.
public struct SourceUpdate: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The files whose bytes changed (the snapshot was replaced as a whole).
        case updated([String])
        case unchanged
        /// Why; the last snapshot stays as it was.
        case failed(String)
    }

    public var source: NetworkSource
    public var outcome: Outcome
    /// When the snapshot the site now has was fetched (UTC), or nil when it has none.
    public var snapshotTime: String?

    /// `kutim: updated (kegiatan.json, regulasi.json)` and the like.
    public var line: String {
        switch outcome {
        case let .updated(files): return "\(source.name): updated (\(files.joined(separator: ", ")))"
        case .unchanged: return "\(source.name): unchanged"
        case let .failed(reason):
            let kept = snapshotTime.map { "keeping the snapshot of \($0.prefix(10))" } ?? "no snapshot yet"
            return "\(source.name): failed: \(reason); \(kept)"
        }
    }
}

/// Fetches the open data of a site's sources into `content/sources/NAME/`, eight requests at
/// a time. A source is replaced as a whole or not at all, so a failure keeps its last snapshot.
public enum SourceUpdater {
    public static let concurrentSources = 8
    public static let byteLimit = 20 * 1024 * 1024
    public static let redirectLimit = 3

    public struct Settings: Sendable {
        /// For each request, from its start to its last byte.
        public var timeout: Duration = .seconds(30)
        public var userAgent = "Gugus"

        public init(timeout: Duration = .seconds(30), userAgent: String = "Gugus") {
            self.timeout = timeout
            self.userAgent = userAgent
        }
    }

    /// Updates every source, in order of `sources` in the result.
    public static func update(siteRoot: String, sources: [NetworkSource], settings: Settings) async -> [SourceUpdate] {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: redirectLimit, allowCycles: false),
            timeout: .init(connect: .seconds(min(10, max(1, settings.timeout.components.seconds))),
                           read: .seconds(max(1, settings.timeout.components.seconds))))
        configuration.decompression = .disabled
        // A site that refuses connections is down: say so at once, rather than retry until
        // the deadline (one regency down would cost the whole --timeout).
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let fetcher = Fetcher(client: client, settings: settings)
        var results = [SourceUpdate?](repeating: nil, count: sources.count)
        await withTaskGroup(of: (Int, SourceUpdate).self) { group in
            var next = 0
            func start() {
                guard next < sources.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await update(sources[index], siteRoot: siteRoot, fetcher: fetcher)) }
            }
            for _ in 0..<concurrentSources { start() }
            while let (index, result) = await group.next() {
                results[index] = result
                start()
            }
        }
        try? await client.shutdown()
        return results.compactMap { $0 }
    }

    static func update(_ source: NetworkSource, siteRoot: String, fetcher: Fetcher) async -> SourceUpdate {
        let store = SnapshotStore(siteRoot: siteRoot, name: source.name)
        let lock = store.lock()
        let haveSnapshot = store.hasSnapshot
        var result = SourceUpdate(source: source, outcome: .unchanged, snapshotTime: haveSnapshot ? lock?.fetched : nil)
        var files: [String: Data] = [:]
        var entries: [String: SourceLock.File] = [:]
        var changed: [String] = []
        for remote in source.files {
            let previous = haveSnapshot && store.hasFile(remote.name) && lock?.url == source.url ? lock?.files[remote.name] : nil
            switch await fetcher.fetch(remote.url, previous: previous) {
            case let .failure(reason):
                result.outcome = .failed(reason)
                return result
            case .missing:
                if remote.optional { continue }
                result.outcome = .failed("\(remote.url) answered 404 Not Found")
                return result
            case let .notModified(etag, lastModified):
                guard let previous, let data = store.read(remote.name) else {
                    result.outcome = .failed("\(remote.url) answered 304 Not Modified to a request without conditions")
                    return result
                }
                files[remote.name] = data
                var entry = previous
                entry.etag = etag ?? previous.etag
                entry.lastModified = lastModified ?? previous.lastModified
                entries[remote.name] = entry
            case let .fetched(data, etag, lastModified):
                if let problem = SourceLock.problem(with: data, file: remote.name) {
                    result.outcome = .failed("\(remote.url) \(problem)")
                    return result
                }
                let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
                files[remote.name] = data
                if let previous, previous.sha256 == digest {
                    entries[remote.name] = SourceLock.File(url: remote.url, fetched: previous.fetched, etag: etag, lastModified: lastModified,
                                                           sha256: digest, bytes: data.count)
                } else {
                    changed.append(remote.name)
                    entries[remote.name] = SourceLock.File(url: remote.url, fetched: Self.timestamp(), etag: etag, lastModified: lastModified,
                                                           sha256: digest, bytes: data.count)
                }
            }
        }
        // A file the source no longer publishes (situs.json answering 404) leaves the snapshot too.
        if haveSnapshot, let lock, Set(lock.files.keys) != Set(entries.keys) {
            changed += Set(lock.files.keys).subtracting(entries.keys).sorted()
        }
        let newLock = SourceLock(name: source.name, url: source.url, files: entries)
        do {
            if !changed.isEmpty || !haveSnapshot {
                try store.replace(with: files)
                result.outcome = .updated((changed.isEmpty ? Array(files.keys) : changed).sorted())
                result.snapshotTime = newLock.fetched
            }
            if newLock != lock { try store.writeLock(newLock) }
        } catch {
            result.outcome = .failed("the snapshot could not be written: \(error)")
        }
        return result
    }

    /// `2026-12-02T10:15:00Z`
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: Date())
    }
}
