import Foundation

/// What Gugus knows of each file it wrote into an output folder: its inode, size, time of
/// status change and a hash of its bytes. Kept beside the folder (`.public.gugus-files`), it
/// lets the next build that rewrites this folder see, without reading a file, that it
/// already holds the new bytes: a file with the recorded inode, size and status-change time
/// (which any write, truncation, `touch` or `chmod` moves, and which cannot be set back) is
/// as Gugus wrote it, and then equal hashes mean equal bytes.
struct WrittenFile: Sendable, Equatable {
    var inode: UInt64
    var size: Int
    var seconds: Int
    var nanoseconds: Int
    var hash: UInt64
}

enum WrittenFiles {
    /// The record of the output folder `name` in `parent`, and of the site kept beside it.
    static func path(parent: String, name: String, previous: Bool) -> String {
        parent + "/.\(name).gugus-" + (previous ? "previous-files" : "files")
    }

    /// The record of a regular file with one link (not a link, not shared), without its
    /// hash, or nil.
    static func stamp(_ path: String) -> WrittenFile? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1 else { return nil }
        return WrittenFile(inode: UInt64(status.st_ino), size: Int(status.st_size), seconds: Int(status.st_ctim.tv_sec),
                           nanoseconds: Int(status.st_ctim.tv_nsec), hash: 0)
    }

    /// Whether the file at `path` is the recorded one and the record's bytes are `data`'s.
    static func unchanged(_ path: String, record: WrittenFile?, data: Data) -> Bool {
        guard let record, record.size == data.count, var found = stamp(path) else { return false }
        found.hash = record.hash
        return found == record && hash(data) == record.hash
    }

    /// The record of a file just written.
    static func record(_ path: String, data: Data) -> WrittenFile? {
        guard var found = stamp(path) else { return nil }
        found.hash = hash(data)
        return found
    }

    /// A 64-bit hash of the bytes (eight at a time, multiply and rotate, with the length):
    /// the same on every run, unlike Swift's `Hasher`.
    static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { bytes -> UInt64 in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                state = ((state ^ (word &* 0xC2B2_AE3D_27D4_EB4F)) << 31 | (state ^ (word &* 0xC2B2_AE3D_27D4_EB4F)) >> 33) &* 0x9E37_79B1_85EB_CA87
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            state = (state ^ (tail &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x1656_67B1_9E37_79F9
            state ^= state >> 29
            state = state &* 0xBF58_476D_1CE4_E5B9
            return state ^ (state >> 32)
        }
    }

    static func read(_ path: String) -> [String: WrittenFile] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var records: [String: WrittenFile] = Dictionary(minimumCapacity: data.count / 80)
        // Read as bytes: the record has a line for every file of the site.
        data.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if let (file, record) = parse(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) { records[file] = record }
                start = end + 1
            }
        }
        return records
    }

    /// One line of the record: the hash in hexadecimal, the inode, size, seconds and
    /// nanoseconds in decimal, each followed by a space, then the path. nil for anything else.
    static func parse(_ line: UnsafeRawBufferPointer) -> (file: String, record: WrittenFile)? {
        var index = 0
        func number(radix: UInt64) -> UInt64? {
            var value: UInt64 = 0
            let first = index
            while index < line.count, line[index] != UInt8(ascii: " ") {
                let byte = line[index]
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
                default: return nil
                }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
                guard !overflow else { return nil }
                value = shifted + digit
                index += 1
            }
            guard index > first, index < line.count else { return nil }
            index += 1
            return value
        }
        guard let hash = number(radix: 16), let inode = number(radix: 10), let size = number(radix: 10).flatMap(Int.init(exactly:)),
            let seconds = number(radix: 10).flatMap(Int.init(exactly:)), let nanoseconds = number(radix: 10).flatMap(Int.init(exactly:)),
            index < line.count
        else { return nil }
        let file = String(decoding: UnsafeRawBufferPointer(rebasing: line[index...]), as: UTF8.self)
        return (file, WrittenFile(inode: inode, size: size, seconds: seconds, nanoseconds: nanoseconds, hash: hash))
    }

    /// Writes the records (one line each: hash, inode, size, status-change seconds and
    /// nanoseconds, path), replacing
    /// the file atomically.
    static func write(_ records: [String: WrittenFile], to path: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(records.count * 96)
        for (file, record) in records.sorted(by: { $0.key < $1.key }) {
            bytes += String(record.hash, radix: 16).utf8
            bytes.append(UInt8(ascii: " "))
            bytes += String(record.inode).utf8
            for number in [record.size, record.seconds, record.nanoseconds] {
                bytes.append(UInt8(ascii: " "))
                JSONValue.writeDecimal(number, into: &bytes)
            }
            bytes.append(UInt8(ascii: " "))
            bytes += file.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
