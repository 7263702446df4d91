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

/// A folder of the output as a build left it: its inode and its time of status change
/// (creating, removing or renaming an entry moves it, and unlike the modification time it
/// cannot be set back). While the stamp holds, the folder has exactly the entries that
/// build left in it, and the next build that rewrites it need not list it.
struct FolderStamp: Sendable, Equatable {
    var inode: UInt64
    var seconds: Int
    var nanoseconds: Int

    /// The stamp of a real folder (not a link), or nil; `path` is relative to the open folder
    /// `root` when there is one.
    init?(of path: String, relativeTo root: Int32? = nil) {
        var status = stat()
        guard fstatat(root ?? AT_FDCWD, path, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        self.init(inode: UInt64(status.st_ino), seconds: Int(status.st_ctim.tv_sec), nanoseconds: Int(status.st_ctim.tv_nsec))
    }

    init(inode: UInt64, seconds: Int, nanoseconds: Int) {
        self.inode = inode
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}

/// What a build wrote into an output folder: its files, and the stamps of its folders
/// (by path relative to the output, "" for the output itself).
struct WrittenRecord: Sendable, Equatable {
    var files: [String: WrittenFile] = [:]
    /// The paths of `files` in the order of the record's lines (a build's own order of its
    /// files) when it was read from disk; empty otherwise. (Not part of what it records.)
    var order: [String] = []
    /// Files copied in (media): they have no hash, but they are entries of their folders.
    var copies: Set<String> = []
    /// Files linked in from the image cache, with the inode they were linked to.
    var links: [String: UInt64] = [:]
    var folders: [String: FolderStamp] = [:]

    static func == (first: WrittenRecord, second: WrittenRecord) -> Bool {
        first.files == second.files && first.copies == second.copies && first.links == second.links && first.folders == second.folders
    }

    /// Whether the record's files are exactly these paths, in this order, byte for byte.
    func recordsExactly(_ paths: [String]) -> Bool {
        guard order.count == paths.count, files.count == paths.count else { return false }
        for (recorded, path) in zip(order, paths) {
            var recorded = recorded, path = path
            let same = recorded.withUTF8 { a in
                path.withUTF8 { b in
                    guard a.count == b.count, let first = a.baseAddress, let second = b.baseAddress else { return a.count == b.count }
                    return memcmp(first, second, a.count) == 0
                }
            }
            if !same { return false }
        }
        return true
    }
}

enum WrittenFiles {
    /// The record of the output folder `name` in `parent`, and of the site kept beside it.
    static func path(parent: String, name: String, previous: Bool) -> String {
        parent + "/.\(name).gugus-" + (previous ? "previous-files" : "files")
    }

    /// The record of a regular file with one link (not a link, not shared), without its
    /// hash, or nil.
    static func stamp(_ path: String) -> WrittenFile? {
        stamp(path, relativeTo: nil)
    }

    /// The stamp of the file at `path` relative to the open folder `root` (nil: `path` is
    /// whole). The kernel walks every folder of a path at each look-up, and an output folder
    /// is often deeper than the site's own folders.
    static func stamp(_ path: String, relativeTo root: Int32?) -> WrittenFile? {
        var status = stat()
        guard fstatat(root ?? AT_FDCWD, path, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG,
            status.st_nlink == 1
        else { return nil }
        return WrittenFile(inode: UInt64(status.st_ino), size: Int(status.st_size), seconds: Int(status.st_ctim.tv_sec),
                           nanoseconds: Int(status.st_ctim.tv_nsec), hash: 0)
    }

    /// Whether the file at `path` is the recorded one and the record's bytes are bytes of
    /// this size and hash.
    static func unchanged(_ path: String, relativeTo root: Int32? = nil, record: WrittenFile?, size: Int, hash: UInt64) -> Bool {
        guard let record, record.size == size, record.hash == hash, var found = stamp(path, relativeTo: root) else { return false }
        found.hash = record.hash
        return found == record
    }

    /// Whether the file at `path` is the recorded one, made from bytes with this hash (a
    /// compressed copy records the hash of what it was made from).
    static func unchanged(_ path: String, relativeTo root: Int32? = nil, record: WrittenFile?, sourceHash: UInt64) -> Bool {
        guard let record, record.hash == sourceHash, var found = stamp(path, relativeTo: root) else { return false }
        found.hash = record.hash
        return found == record
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

    /// The record of a file just written, from bytes with this hash.
    static func record(_ path: String, hash: UInt64) -> WrittenFile? {
        guard var found = stamp(path) else { return nil }
        found.hash = hash
        return found
    }

    /// The prefix of a folder's line in the record (not a hexadecimal hash).
    static let folderPrefix = Array("dir ".utf8)
    /// The prefix of a copied file's line.
    static let copyPrefix = Array("copy ".utf8)
    /// The prefix of a linked file's line.
    static let linkPrefix = Array("link ".utf8)

    static func read(_ path: String) -> WrittenRecord {
        guard let data = FileManager.default.contents(atPath: path) else { return WrittenRecord() }
        // Read as bytes, in runs of whole lines on every core: the record has a line for
        // every file and folder of the site.
        let runs = lineRuns(of: data, count: ProcessInfo.activeProcessorCountForGugus * 4)
        let parsed = ParallelMap.map(runs) { run in data.withUnsafeBytes { readLines(UnsafeRawBufferPointer(rebasing: $0[run])) } }
        var record = WrittenRecord()
        record.files.reserveCapacity(parsed.reduce(0) { $0 + $1.files.count })
        record.order.reserveCapacity(record.files.capacity)
        for part in parsed {
            for (file, written) in part.files {
                record.files[file] = written
                record.order.append(file)
            }
            record.copies.formUnion(part.copies)
            for (file, inode) in part.links { record.links[file] = inode }
            for (folder, stamp) in part.folders { record.folders[folder] = stamp }
        }
        return record
    }

    /// About `count` ranges of the bytes, each ending after a line's end (or at the end).
    private static func lineRuns(of data: Data, count: Int) -> [Range<Int>] {
        data.withUnsafeBytes { bytes in
            var runs: [Range<Int>] = []
            let step = max(1, bytes.count / max(1, count))
            var start = 0
            while start < bytes.count {
                var end = min(bytes.count, start + step)
                while end < bytes.count && bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
                runs.append(start..<end)
                start = end
            }
            return runs
        }
    }

    /// The lines of a run of the record, in order.
    private static func readLines(_ bytes: UnsafeRawBufferPointer) -> (
        files: [(String, WrittenFile)], copies: [String], links: [(String, UInt64)], folders: [(String, FolderStamp)]
    ) {
        var files: [(String, WrittenFile)] = []
        var copies: [String] = []
        var links: [(String, UInt64)] = []
        var folders: [(String, FolderStamp)] = []
        files.reserveCapacity(bytes.count / 80)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if line.starts(with: copyPrefix) {
                if line.count > copyPrefix.count {
                    copies.append(String(decoding: UnsafeRawBufferPointer(rebasing: line[copyPrefix.count...]), as: UTF8.self))
                }
            } else if line.starts(with: linkPrefix) {
                var reader = RecordLine(line: UnsafeRawBufferPointer(rebasing: line[linkPrefix.count...]))
                if let inode = reader.number(), let file = reader.rest() { links.append((file, inode)) }
            } else if line.starts(with: folderPrefix) {
                if let (folder, stamp) = parseFolder(UnsafeRawBufferPointer(rebasing: line[folderPrefix.count...])) {
                    folders.append((folder, stamp))
                }
            } else if let (file, written) = parse(line) {
                files.append((file, written))
            }
            start = end + 1
        }
        return (files, copies, links, folders)
    }

    /// A folder's line after its prefix: inode, seconds, nanoseconds, then the path ("."
    /// for the output folder itself).
    static func parseFolder(_ line: UnsafeRawBufferPointer) -> (folder: String, stamp: FolderStamp)? {
        var reader = RecordLine(line: line)
        guard let inode = reader.number(), let seconds = reader.number().flatMap(Int.init(exactly:)),
            let nanoseconds = reader.number().flatMap(Int.init(exactly:)), let folder = reader.rest()
        else { return nil }
        return (folder == "." ? "" : folder, FolderStamp(inode: inode, seconds: seconds, nanoseconds: nanoseconds))
    }

    /// One line of the record: the hash in hexadecimal, the inode, size, seconds and
    /// nanoseconds in decimal, each followed by a space, then the path. nil for anything else.
    static func parse(_ line: UnsafeRawBufferPointer) -> (file: String, record: WrittenFile)? {
        var reader = RecordLine(line: line)
        guard let hash = reader.number(radix: 16), let inode = reader.number(), let size = reader.number().flatMap(Int.init(exactly:)),
            let seconds = reader.number().flatMap(Int.init(exactly:)), let nanoseconds = reader.number().flatMap(Int.init(exactly:)),
            let file = reader.rest()
        else { return nil }
        return (file, WrittenFile(inode: inode, size: size, seconds: seconds, nanoseconds: nanoseconds, hash: hash))
    }

    /// Writes the record, replacing the file atomically: a line for each file (hash, inode,
    /// size, status-change seconds and nanoseconds, path), then `copy PATH` for each copied
    /// file, `link INODE PATH` for each file linked from the image cache and
    /// `dir INODE SECONDS NANOSECONDS PATH` for each stamped folder.
    /// Files come in the order of `order` (the build's own order of its files, which is
    /// always the same: sorting tens of thousands of paths cost a tenth of a second); a
    /// file of the record missing from `order` is left out.
    static func write(_ record: WrittenRecord, to path: String, order: [String]) {
        // The files' lines in runs on every core.
        let runs = order.indexRuns(of: 2048)
        var bytes = ParallelMap.map(runs) { run in fileLines(order[run], of: record) }.flatMap { $0 }
        bytes.reserveCapacity(bytes.count + record.copies.count * 64 + record.folders.count * 64)
        for file in record.copies.sorted() {
            bytes += copyPrefix
            bytes += file.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        for (file, inode) in record.links.sorted(by: { $0.key < $1.key }) {
            bytes += linkPrefix
            bytes += String(inode).utf8
            bytes.append(UInt8(ascii: " "))
            bytes += file.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        // The folders' lines in runs on every core too (a site has a folder per page).
        let folders = record.folders.keys.sorted()
        for part in ParallelMap.map(folders.indexRuns(of: 2048), { run in folderLines(folders[run], of: record) }) {
            bytes += part
        }
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// An inode number in decimal.
    private static func writeInode(_ inode: UInt64, into bytes: inout [UInt8]) {
        if let number = Int(exactly: inode) { JSONValue.writeDecimal(number, into: &bytes) } else { bytes += String(inode).utf8 }
    }

    /// The lines of these folders of the record, in their order.
    private static func folderLines(_ folders: ArraySlice<String>, of record: WrittenRecord) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folders.count * 64)
        for folder in folders {
            guard let stamp = record.folders[folder] else { continue }
            bytes += folderPrefix
            writeInode(stamp.inode, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            JSONValue.writeDecimal(stamp.seconds, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            JSONValue.writeDecimal(stamp.nanoseconds, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            bytes += (folder.isEmpty ? "." : folder).utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The lines of these files of the record, in their order (a file the record lacks has none).
    private static func fileLines(_ order: ArraySlice<String>, of record: WrittenRecord) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(order.count * 96)
        for file in order {
            guard let written = record.files[file] else { continue }
            writeHexadecimal(written.hash, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            writeInode(written.inode, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            JSONValue.writeDecimal(written.size, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            JSONValue.writeDecimal(written.seconds, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            JSONValue.writeDecimal(written.nanoseconds, into: &bytes)
            bytes.append(UInt8(ascii: " "))
            bytes += file.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}

/// `number` in lower-case hexadecimal without leading zeros, as `String(number, radix: 16)`.
private func writeHexadecimal(_ number: UInt64, into bytes: inout [UInt8]) {
    var shift = max(0, (64 - number.leadingZeroBitCount + 3) / 4 - 1) * 4
    while shift >= 0 {
        let digit = UInt8((number >> UInt64(shift)) & 0xF)
        bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        shift -= 4
    }
}

/// The fields of a line of the record, read in turn.
private struct RecordLine {
    let line: UnsafeRawBufferPointer
    var index = 0

    init(line: UnsafeRawBufferPointer) { self.line = line }

    /// A number followed by a space (digits only, in the radix).
    mutating func number(radix: UInt64 = 10) -> UInt64? {
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
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
            index += 1
        }
        guard index > first, index < line.count else { return nil }
        index += 1
        return value
    }

    /// The rest of the line, or nil when it is empty.
    func rest() -> String? {
        index < line.count ? String(decoding: UnsafeRawBufferPointer(rebasing: line[index...]), as: UTF8.self) : nil
    }
}
