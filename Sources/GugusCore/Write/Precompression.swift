import CGugusCompression
import Foundation

/// `FILE.gz` and `FILE.br` beside every text file of the site over 1 KB, for hosts that serve
/// them as they are (nginx's `gzip_static` and `brotli_static`): a phone gets the smaller
/// file without the server compressing on every request. The same bytes always give the same
/// compressed files; a rebuild compresses only files whose bytes changed (Write compares the
/// hash of the bytes each was made from).
public enum Precompression {
    public enum Format: Sendable, CaseIterable {
        case gzip, brotli

        public var suffix: String {
            switch self {
            case .gzip: ".gz"
            case .brotli: ".br"
            }
        }
    }

    /// Smaller files gain too little for a second request header's worth.
    static let minimumSize = 1024
    /// The files worth compressing, by extension.
    static let textExtensions: Set<String> = ["html", "css", "js", "json", "xml", "svg", "txt", "csv", "ics", "webmanifest", "map"]
    /// zlib's default level, and Brotli's 5. On the 1,009 text files (10 MB) of the
    /// benchmark's 300-file site, Brotli made 2.68 MB at quality 5 in 0.23 s, 2.67 MB at 6 in
    /// 0.25 s, 2.66 MB at 9 in 0.37 s, 2.82 MB at 4 in 0.26 s; gzip 2.90 MB at 6 in 0.19 s
    /// and 2.90 MB at 9 in 0.26 s. Quality 11 made the sample site's text 9 % smaller than 5
    /// at about eight times the time: a 10,000-page site would wait minutes.
    static let gzipLevel: Int32 = 6
    static let brotliQuality: Int32 = 5

    /// Whether the file at `path` (relative) with this many bytes gets compressed copies.
    static func compresses(_ path: String, size: Int) -> Bool {
        guard size > minimumSize, let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        if let slash, slash > dot { return false }
        return textExtensions.contains(String(path[path.index(after: dot)...]).lowercased())
    }

    /// The compressed companions of the files (the bytes are compressed when Write needs them),
    /// leaving out any path the site already has.
    static func companions(of files: [OutputFile]) -> [OutputFile] {
        // (Only a path with a companion's suffix can be taken by a file of the site.)
        let suffixes = Format.allCases.map(\.suffix)
        let taken = Set(files.lazy.map(\.path).filter { path in suffixes.contains { path.hasSuffix($0) } })
        // On every core, in runs of files.
        let runs = files.indexRuns(of: 1024)
        return ParallelMap.map(runs) { run -> [OutputFile] in
            var companions: [OutputFile] = []
            for file in files[run] {
                guard case let .bytes(data) = file.content, compresses(file.path, size: data.count) else { continue }
                for format in Format.allCases where !taken.contains(file.path + format.suffix) {
                    companions.append(OutputFile(path: file.path + format.suffix, compressing: data, as: format))
                }
            }
            return companions
        }.flatMap { $0 }
    }

    /// The compressed bytes, or nil if the library failed (then the file is left out).
    static func compress(_ data: Data, as format: Format) -> Data? {
        data.withUnsafeBytes { raw -> Data? in
            let input = raw.bindMemory(to: UInt8.self)
            var length = 0
            let output: UnsafeMutablePointer<UInt8>?
            switch format {
            case .gzip: output = gugus_gzip(input.baseAddress, input.count, gzipLevel, &length)
            case .brotli: output = gugus_brotli(input.baseAddress, input.count, brotliQuality, &length)
            }
            guard let output else { return nil }
            return Data(bytesNoCopy: output, count: length, deallocator: .free)
        }
    }
}
