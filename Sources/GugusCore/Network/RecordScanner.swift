import Foundation

/// Reads a JSON list of flat records (another site's `/data/regulasi.json` or
/// `/data/kegiatan.json`), keeping only the named fields of each record, as text, null or
/// "something else". The whole text must be JSON (RFC 8259); on every text JSONSerialization
/// reads, the fields read are the ones JSONDecoder reads (RecordScannerTests compares the
/// three on thousands of documents, valid and broken). Written for speed: JSONDecoder was
/// 23 % of a national site's build with 550 sources (160 MB of snapshots), turning every
/// field of every record into values first.
struct RecordScanner {
    enum Failure: Error, Equatable {
        case notJSON
        case notAList
    }

    /// JSONDecoder's limit of nested lists and objects.
    static let deepest = 512

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private let wanted: [String]
    /// The wanted names as bytes, to find a member's name without making a String of it.
    private let wantedBytes: [[UInt8]]

    /// Each element of the list: its wanted fields, or nil when it is not an object.
    static func records(_ data: Data, keys: [String]) -> Result<[RawFields?], Failure> {
        data.withUnsafeBytes { buffer -> Result<[RawFields?], Failure> in
            var scanner = RecordScanner(bytes: buffer, wanted: keys)
            do throws(Failure) {
                return .success(try scanner.list())
            } catch {
                return .failure(error)
            }
        }
    }

    private init(bytes: UnsafeRawBufferPointer, wanted: [String]) {
        self.bytes = bytes
        self.wanted = Array(wanted.prefix(64))
        wantedBytes = self.wanted.map { Array($0.utf8) }
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard current == byte else { throw .notJSON }
        index += 1
    }

    private mutating func list() throws(Failure) -> [RawFields?] {
        // A byte-order mark is allowed before the text, as JSONDecoder allows it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipSpace()
        guard let first = current else { throw .notJSON }
        guard first == UInt8(ascii: "[") else {
            // Some other JSON value: valid JSON, but not a list.
            try skipValue(depth: 0)
            skipSpace()
            guard index == bytes.count else { throw .notJSON }
            throw .notAList
        }
        index += 1
        var records: [RawFields?] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipSpace()
                if current == UInt8(ascii: "{") {
                    records.append(try record())
                } else {
                    try skipValue(depth: 1)
                    records.append(nil)
                }
                skipSpace()
                guard let next = current else { throw .notJSON }
                index += 1
                if next == UInt8(ascii: "]") { break }
                guard next == UInt8(ascii: ",") else { throw .notJSON }
                // A comma before the end is allowed, as JSONSerialization allows it.
                skipSpace()
                if current == UInt8(ascii: "]") {
                    index += 1
                    break
                }
            }
        }
        skipSpace()
        guard index == bytes.count else { throw .notJSON }
        return records
    }

    /// A record: its wanted members.
    private mutating func record() throws(Failure) -> RawFields {
        try expect(UInt8(ascii: "{"))
        var fields = RawFields()
        var seen: UInt64 = 0
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return fields
        }
        while true {
            skipSpace()
            let wantedIndex = try memberName()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            // The first of a repeated name counts, as in JSONDecoder.
            let reads = wantedIndex.map { seen & (1 << UInt64($0)) == 0 } ?? false
            let value: RawValue
            switch current {
            case UInt8(ascii: "\""):
                if reads {
                    value = .text(try string())
                } else {
                    try skipString()
                    value = .other("text")
                }
            case UInt8(ascii: "n"): try literal("null"); value = .null  // read as missing, like an absent field
            case UInt8(ascii: "t"): try literal("true"); value = .other("true or false")
            case UInt8(ascii: "f"): try literal("false"); value = .other("true or false")
            case UInt8(ascii: "{"), UInt8(ascii: "["): try skipValue(depth: 2); value = .other("a list or an object")
            default:
                try number()
                value = .other("a number")
            }
            // Null reads as missing.
            if reads, let wantedIndex {
                seen |= 1 << UInt64(wantedIndex)
                if case .null = value {} else { fields.pairs.append((wanted[wantedIndex], value)) }
            }
            skipSpace()
            guard let next = current else { throw .notJSON }
            index += 1
            if next == UInt8(ascii: "}") { return fields }
            guard next == UInt8(ascii: ",") else { throw .notJSON }
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return fields
            }
        }
    }

    /// A member's name: which wanted name it is, if any. A name of plain ASCII (all of the
    /// open-data formats') is compared as bytes; any other is read as a string first.
    private mutating func memberName() throws(Failure) -> Int? {
        guard current == UInt8(ascii: "\"") else { throw .notJSON }
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let name = UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<end])
                index = end + 1
                return wantedBytes.firstIndex { $0.count == name.count && $0.elementsEqual(name) }
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { break }
            end += 1
        }
        let name = try string()
        return wanted.firstIndex(of: name)
    }

    private mutating func skipValue(depth: Int) throws(Failure) {
        guard depth <= Self.deepest else { throw .notJSON }
        switch current {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = current == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            guard depth < Self.deepest else { throw .notJSON }
            index += 1
            skipSpace()
            if current == close {
                index += 1
                return
            }
            while true {
                skipSpace()
                if isObject {
                    try skipString()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard let next = current else { throw .notJSON }
                index += 1
                if next == close { return }
                guard next == UInt8(ascii: ",") else { throw .notJSON }
                skipSpace()
                if current == close {
                    index += 1
                    return
                }
            }
        default: try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw .notJSON }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw .notJSON }
        index += count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(Failure) {
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if current == UInt8(ascii: "-") { index += 1 }
        guard isDigit(current) else { throw .notJSON }
        if current == 0x30 {
            index += 1
        } else {
            while isDigit(current) { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard isDigit(current) else { throw .notJSON }
            while isDigit(current) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard isDigit(current) else { throw .notJSON }
            while isDigit(current) { index += 1 }
        }
    }

    /// A string's text, its escapes read; its bytes must be UTF-8.
    private mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        // The common case: no escape.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard let text = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else { throw .notJSON }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw .notJSON }
            index += 1
        }
        var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard let byte = current else { throw .notJSON }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: decoded, as: UTF8.self) else { throw .notJSON }
                return text
            case UInt8(ascii: "\\"):
                guard let escaped = current else { throw .notJSON }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else { throw .notJSON }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw .notJSON }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw .notJSON
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw .notJSON }
                    decoded.append(contentsOf: String(Character(unicode)).utf8)
                default: throw .notJSON
                }
            default:
                guard byte >= 0x20 else { throw .notJSON }
                decoded.append(byte)
            }
        }
    }

    /// A string that is not read: checked as `string()` checks it; plain ASCII (most
    /// strings) without making a String of it.
    private mutating func skipString() throws(Failure) {
        guard current == UInt8(ascii: "\"") else { throw .notJSON }
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { break }
            index += 1
        }
        index = start
        _ = try string()
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw .notJSON }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw .notJSON
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
