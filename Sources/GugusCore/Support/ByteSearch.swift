import CGugusSystem
import Foundation

/// Searches in a string's UTF-8 bytes, without Foundation's UTF-16 bridging (which a
/// `String.contains` or `range(of:)` on Linux goes through).
enum ByteSearch {
    /// Whether `needle` occurs in `text` (through glibc's `memmem`, two-way and vectorised).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let base = haystack.baseAddress, let start = pattern.baseAddress else { return pattern.isEmpty }
                return gugus_find_bytes(base, haystack.count, start, pattern.count) >= 0
            }
        }
    }

    /// The offset (from the start) of the last occurrence of `pattern` in `data`.
    static func lastOffset(of pattern: [UInt8], in data: Data) -> Int? {
        guard !pattern.isEmpty, pattern.count <= data.count else { return nil }
        return data.withUnsafeBytes { bytes -> Int? in
            var start = bytes.count - pattern.count
            while start >= 0 {
                if bytes[start] == pattern[0] && pattern.indices.allSatisfy({ bytes[start + $0] == pattern[$0] }) { return start }
                start -= 1
            }
            return nil
        }
    }

    /// The text with every occurrence of each pattern replaced, scanning the bytes once
    /// (the patterns must not overlap one another).
    static func replacing(_ text: String, _ replacements: [(String, String)]) -> String {
        guard replacements.contains(where: { contains(text, $0.0) }) else { return text }
        let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }.filter { !$0.0.isEmpty }
        // Only where the patterns' common start occurs can one of them match: that start is
        // found with memmem (the table-alignment patterns share 20 bytes; looking at every
        // space instead was 4.6 % of a build of long bodies).
        var prefix = patterns.first?.0 ?? []
        for (pattern, _) in patterns.dropFirst() {
            prefix = Array(zip(prefix, pattern).prefix { $0.0 == $0.1 }.map(\.0))
        }
        // Without one, only bytes that start a pattern are looked at.
        var startsPattern = [Bool](repeating: false, count: 256)
        for (pattern, _) in patterns { startsPattern[Int(pattern[0])] = true }
        var source = text
        let replaced: String? = source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var output: [UInt8] = []
            var copiedUpTo = 0
            var index = 0
            while index < bytes.count {
                if !prefix.isEmpty {
                    let found = prefix.withUnsafeBufferPointer { start in
                        gugus_find_bytes(base + index, bytes.count - index, start.baseAddress, start.count)
                    }
                    guard found >= 0 else { break }
                    index += found
                } else if !startsPattern[Int(bytes[index])] {
                    index += 1
                    continue
                }
                guard let (pattern, replacement) = patterns.first(where: { pattern, _ in
                    index + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[index + $0] == pattern[$0] }
                }) else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output.append(contentsOf: bytes[copiedUpTo..<index])
                output.append(contentsOf: replacement)
                index += pattern.count
                copiedUpTo = index
            }
            guard copiedUpTo > 0 else { return nil }
            output.append(contentsOf: bytes[copiedUpTo...])
            return String(decoding: output, as: UTF8.self)
        }
        return replaced ?? text
    }
}
