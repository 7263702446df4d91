/// Links in bodies, resolved as paths of the site.
extension MarkdownRenderer {
    /// `content/news/x.md` + `../pages/y.md` → `content/pages/y.md`; nil when it leaves the site.
    static func normalize(_ link: String, relativeTo file: String) -> String? {
        // Put together as bytes, in one buffer: `/` and `.` are ASCII (String's own split
        // walks Characters, and splitting into `Substring`s cost 20,000 instructions a link).
        var link = link, file = file
        return link.withUTF8 { link in
            file.withUTF8 { file in
                var path = PathSegments(capacity: file.count + link.count + 8)
                if link.first != UInt8(ascii: "/") {
                    // The file's folder: its segments but the last.
                    for segment in Self.segments(file).dropLast() { path.push(UnsafeBufferPointer(rebasing: file[segment])) }
                }
                for segment in Self.segments(link) {
                    let part = UnsafeBufferPointer(rebasing: link[segment])
                    if part.elementsEqual(".".utf8) { continue }
                    if part.elementsEqual("..".utf8) {
                        guard path.pop() else { return nil }
                    } else {
                        path.push(part)
                    }
                }
                return path.inContent()
            }
        }
    }

    /// The places of the non-empty runs of bytes between slashes.
    private static func segments(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
            if index > start { segments.append(start..<index) }
            start = index + 1
        }
        return segments
    }

    /// Path segments joined by slashes as they are added and removed.
    private struct PathSegments {
        var bytes: [UInt8] = []
        var starts: [Int] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func push(_ segment: UnsafeBufferPointer<UInt8>) {
            if !starts.isEmpty { bytes.append(UInt8(ascii: "/")) }
            starts.append(bytes.count)
            bytes.append(contentsOf: segment)
        }

        /// Removes the last segment; false when there is none.
        mutating func pop() -> Bool {
            guard let start = starts.popLast() else { return false }
            bytes.removeSubrange((starts.isEmpty ? start : start - 1)...)
            return true
        }

        /// The first segment's bytes, if there is one.
        var first: ArraySlice<UInt8>? {
            guard !starts.isEmpty else { return nil }
            return bytes[..<(starts.count > 1 ? starts[1] - 1 : bytes.count)]
        }

        /// The path under `content/`, unless it starts there already.
        func inContent() -> String {
            if let first, first.elementsEqual("content".utf8) { return String(decoding: bytes, as: UTF8.self) }
            return bytes.isEmpty ? "content" : "content/" + String(decoding: bytes, as: UTF8.self)
        }
    }
}
