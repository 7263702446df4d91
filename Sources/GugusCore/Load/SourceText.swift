import Foundation

/// The text of a source file, checked for what a text editor might have left in it:
/// size, invalid UTF-8, NUL bytes. A byte-order mark is dropped and CRLF becomes LF.
public struct SourceText: Sendable {
    public let path: String
    public let text: String

    /// Limits that keep a mistaken or hostile file from exhausting the machine.
    public enum Limits {
        public static let markdownBytes = 4 * 1024 * 1024
        public static let frontMatterBytes = 256 * 1024
        public static let dataBytes = 32 * 1024 * 1024
        public static let yamlNodes = 20_000
        public static let yamlNesting = 64
        /// cmark-gfm 0.29 takes quadratic time on very many `[` or `|` in one body
        /// (CVE-2023-22486 and table rows); a real article has a few hundred at most.
        public static let markdownBrackets = 10_000
        public static let markdownPipes = 10_000
    }

    /// Decodes bytes, or returns the diagnostic that explains why the file cannot be read.
    public static func decode(_ data: Data, path: String, limit: Int) -> Result<SourceText, Diagnostic> {
        if data.count > limit {
            return .failure(Diagnostic(
                file: path, message: "the file is too large (\(data.count / 1024) KiB; the limit is \(limit / 1024) KiB)",
                hint: "split it into several files, or move large data into a CSV file or media/"))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = firstOffset(of: 0, in: bytes) {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(Diagnostic(
                file: path, line: line, column: column, message: "the file contains a NUL byte, so it is not a text file",
                hint: "save the file again as plain text (UTF-8) in a text editor"))
        }
        // The standard library validates quickly; the slow scan only finds where it failed.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = position(of: firstInvalidUTF8(bytes) ?? 0, in: bytes)
            return .failure(Diagnostic(
                file: path, line: line, column: column, message: "the file is not valid UTF-8 text",
                hint: "save the file with the encoding UTF-8 (in most editors: Save As… → Encoding: UTF-8)"))
        }
        if firstOffset(of: 0x0D, in: bytes) != nil {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(path: path, text: text))
    }

    /// The offset of the first `byte` in `bytes` (with `memchr`: a file is read byte by byte
    /// twice, for NUL and carriage returns).
    static func firstOffset(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= count else { return index }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for next in 1..<length {
                let byte = bytes[index + next]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}
