/// Splits a content file into YAML front matter and a Markdown body.
///
/// The front matter sits between a first line that is exactly `---` and the next line that
/// is exactly `---` (trailing spaces allowed). Lines are counted from 1 in the original file.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML text between the two `---` lines.
    public var yaml: String
    /// The line of the file where the YAML starts (always 2).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// The line of the file where the body starts.
    public var bodyFirstLine: Int
}

public enum FrontMatterSplitter {
    public static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var text = text
        // Byte offsets: (start of the YAML, start of the closing fence, start of the body, its line).
        let found: (yaml: Int, fence: Int, body: Int, bodyLine: Int)?? = text.withUTF8 { bytes in
            let lineEnd = { (start: Int) -> Int in
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                return end
            }
            let firstEnd = lineEnd(0)
            guard isFence(bytes, from: 0, to: firstEnd) else { return .some(nil) }
            var start = firstEnd + 1
            var line = 2
            while start <= bytes.count {
                let end = lineEnd(start)
                if isFence(bytes, from: start, to: end) {
                    return (firstEnd + 1, start, min(end + 1, bytes.count), line + 1)
                }
                start = end + 1
                line += 1
            }
            return nil
        }
        guard let split = found else {
            return .failure(Diagnostic(
                file: path, line: 1, column: 1,
                message: "the front matter is not closed: no line `---` after the first one",
                hint: "add a line with only `---` after the last field, before the text of the page"))
        }
        guard let split else {
            return .failure(Diagnostic(
                file: path, line: 1, column: 1,
                message: "the file does not start with front matter (a line `---`)",
                hint: "put the fields between two lines `---` at the top of the file, e.g.\n  ---\n  title: Judul\n  ---"))
        }
        let utf8 = text.utf8
        let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
        // The YAML ends before the newline that precedes the closing fence.
        let yamlEnd = max(split.yaml, split.fence - 1)
        return .success(FrontMatter(
            yaml: String(text[index(split.yaml)..<index(yamlEnd)]), yamlFirstLine: 2,
            body: String(text[index(split.body)...]), bodyFirstLine: split.bodyLine))
    }

    /// Whether the bytes from `start` to `end` (a line without its newline) are `---`
    /// followed only by spaces or tabs.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard end - start >= 3, bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D else { return false }
        var index = start + 3
        while index < end {
            guard bytes[index] == 0x20 || bytes[index] == 0x09 else { return false }
            index += 1
        }
        return true
    }
}
