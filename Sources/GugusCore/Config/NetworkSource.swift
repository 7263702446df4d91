/// One entry of `sources:` in `site.yaml`: another site whose open data this site lists on
/// its network pages (`/jaringan/`).
public struct NetworkSource: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A Gugus site: `url` is its base address; it publishes `/data/situs.json`,
        /// `/data/regulasi.json` and `/data/kegiatan.json`.
        case gugus
        /// A legal-documentation portal: `url` is the address of one JSON file of decrees
        /// with JDIHN's field names.
        case jdih
    }

    /// A file of a source: its name in the snapshot folder and its address.
    public struct RemoteFile: Sendable, Hashable {
        public var name: String
        public var url: String
        /// A Gugus site older than `situs.json` still has its decrees and events.
        public var optional: Bool
    }

    /// A slug: the snapshot's folder name, and how warnings name the source.
    public var name: String
    /// Without a trailing slash.
    public var url: String
    /// A code of `regions.yaml`, when the source does not say its own region.
    public var region: Located<String>?
    public var kind: Kind
    public var location: SourceLocation

    public init(name: String, url: String, region: Located<String>? = nil, kind: Kind = .gugus, location: SourceLocation) {
        self.name = name
        self.url = url
        self.region = region
        self.kind = kind
        self.location = location
    }

    public var files: [RemoteFile] {
        switch kind {
        case .gugus:
            return [
                // Another Gugus site publishes its open data where this one does.
                RemoteFile(name: "situs.json", url: url + SiteAddress.siteProfile, optional: true),
                RemoteFile(name: "regulasi.json", url: url + SiteAddress.decreesData, optional: false),
                RemoteFile(name: "kegiatan.json", url: url + SiteAddress.eventsData, optional: false),
            ]
        case .jdih:
            return [RemoteFile(name: "regulasi.json", url: url, optional: false)]
        }
    }

    /// The host of `url`, lower-cased: records may link only there.
    public var host: String? { NetworkSource.host(of: url) }

    /// The host of an `http(s)` address, lower-cased (without port or user), or nil for any
    /// other address.
    public static func host(of address: String) -> String? {
        // Byte by byte: every record's link is checked with this.
        let bytes = Array(address.utf8.prefix(2048))
        func lowered(_ byte: UInt8) -> UInt8 { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte }
        func starts(with prefix: String) -> Bool {
            let wanted = Array(prefix.utf8)
            return bytes.count >= wanted.count && zip(bytes, wanted).allSatisfy { lowered($0) == $1 }
        }
        let skip = starts(with: "https://") ? 8 : starts(with: "http://") ? 7 : 0
        guard skip > 0 else { return nil }
        let authority = bytes[skip...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        // `user@host`: what reads as a host before the `@` is not where the link goes.
        guard !authority.contains(UInt8(ascii: "@")) else { return nil }
        var host: [UInt8] = []
        var inBrackets = false
        for byte in authority {
            if byte == UInt8(ascii: "[") { inBrackets = true }
            if byte == UInt8(ascii: "]") { inBrackets = false }
            // A port follows the host.
            if byte == UInt8(ascii: ":") && !inBrackets { break }
            let letter = lowered(byte)
            let allowed = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(letter) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(letter)
                || letter == UInt8(ascii: "-") || letter == UInt8(ascii: ".") || letter == UInt8(ascii: "[") || letter == UInt8(ascii: "]")
                || (inBrackets && letter == UInt8(ascii: ":"))
            guard allowed else { return nil }
            host.append(letter)
        }
        guard !host.isEmpty else { return nil }
        return String(decoding: host, as: UTF8.self)
    }

    static func read(from reader: inout FieldReader) -> [NetworkSource] {
        var sources: [NetworkSource] = []
        var names: Set<String> = []
        for var entry in reader.mappingList("sources", what: "sources") {
            let name = entry.string("name", required: true, example: "kutai-timur")
            let url = entry.webAddress("url", required: true)
            let region = entry.string("region")
            let kind = entry.choice("kind", from: Kind.allCases.map(\.rawValue))
            entry.reportUnknownKeys(known: ["name", "url", "region", "kind"])
            // The name is a folder name under content/sources/: only a slug is used.
            var usable = true
            if let name {
                usable = false
                if name.value != Slug.make(from: name.value) || name.value.isEmpty {
                    entry.report(name.location, "the source name \"\(name.value)\" is not a slug",
                                 hint: "use lower-case letters, digits and -, like `name: \(Slug.make(from: name.value).isEmpty ? "kutai-timur" : Slug.make(from: name.value))`; it names the folder content/sources/NAME")
                } else if !names.insert(name.value).inserted {
                    entry.report(name.location, "two sources are named \"\(name.value)\"", hint: "give each source its own name")
                } else {
                    usable = true
                }
            }
            if let url, NetworkSource.host(of: url.value) == nil {
                entry.report(url.location, "`url` has no host name: \"\(url.value)\"", hint: "write the site's address, e.g. `url: https://tppo.kutaitimurkab.go.id`")
                usable = false
            }
            reader.absorb(entry)
            guard let name, let url, usable else { continue }
            var address = url.value
            while address.hasSuffix("/") { address.removeLast() }
            sources.append(NetworkSource(name: name.value, url: address, region: region,
                                         kind: kind.flatMap { Kind(rawValue: $0.value) } ?? .gugus, location: name.location))
        }
        return sources
    }
}
