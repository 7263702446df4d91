/// Searches in a string's UTF-8 bytes, without Foundation's UTF-16 bridging (which a
/// `String.contains` or `range(of:)` on Linux goes through).
enum ByteSearch {
    /// Whether `needle` occurs in `text`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        firstOffset(of: needle, in: text) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `text` at or after `start`.
    static func firstOffset(of needle: String, in text: String, from start: Int = 0) -> Int? {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in firstOffset(of: pattern, in: haystack, from: start) }
        }
    }

    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= haystack.count else { return pattern.isEmpty ? start : nil }
        let last = haystack.count - pattern.count
        var index = start
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < pattern.count && haystack[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}
