import Foundation

/// `content/sources/NAME.lock`: where each file of a source's snapshot came from, when it
/// was fetched, and what the server said about it (for conditional requests next time).
public struct SourceLock: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var url: String
        /// UTC, `2026-12-02T10:15:00Z`: when these bytes were fetched.
        public var fetched: String
        public var etag: String?
        public var lastModified: String?
        /// SHA-256 of the bytes, in hexadecimal.
        public var sha256: String
        public var bytes: Int

        public init(url: String, fetched: String, etag: String?, lastModified: String?, sha256: String, bytes: Int) {
            self.url = url
            self.fetched = fetched
            self.etag = etag
            self.lastModified = lastModified
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    public var name: String
    public var url: String
    /// By file name (`regulasi.json`).
    public var files: [String: File]

    public init(name: String, url: String, files: [String: File]) {
        self.name = name
        self.url = url
        self.files = files
    }

    /// The newest time a file was fetched.
    public var fetched: String? { files.values.map(\.fetched).max() }

    /// `content/sources/NAME.lock`
    public static func path(of name: String) -> String { "content/sources/\(name).lock" }
    /// `content/sources/NAME`
    public static func folder(of name: String) -> String { "content/sources/\(name)" }

    public func encoded() -> Data {
        let files = self.files.mapValues { file -> JSONValue in
            .recordWithNulls([
                "url": .string(file.url), "fetched": .string(file.fetched), "etag": .text(file.etag),
                "last_modified": .text(file.lastModified), "sha256": .string(file.sha256), "bytes": .int(file.bytes),
            ])
        }
        var data = JSONValue.record(["name": .string(name), "url": .string(url), "files": .object(files)]).encoded(pretty: true)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Nil for a lock that is not one (hand-edited, cut short): the source is then fetched
    /// without conditions.
    public static func decode(_ data: Data) -> SourceLock? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let name = object["name"] as? String, let url = object["url"] as? String,
            let files = object["files"] as? [String: Any] else { return nil }
        var result = SourceLock(name: name, url: url, files: [:])
        for (key, value) in files {
            guard let file = value as? [String: Any], let address = file["url"] as? String, let fetched = file["fetched"] as? String,
                let sha = file["sha256"] as? String, let bytes = file["bytes"] as? Int else { continue }
            result.files[key] = File(url: address, fetched: fetched, etag: file["etag"] as? String,
                                     lastModified: file["last_modified"] as? String, sha256: sha, bytes: bytes)
        }
        return result
    }

    /// Whether bytes fetched for a file of `kind` are what a snapshot may keep: JSON, an
    /// object for `situs.json`, a list for the others. Nil when they are, else why not.
    public static func problem(with data: Data, file name: String) -> String? {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return "is not valid JSON"
        }
        if name == "situs.json" {
            return value is [String: Any] ? nil : "is not a JSON object"
        }
        return value is [Any] ? nil : "is not a JSON list of records"
    }
}
