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
        var lines = text.split(separator: "\n", maxSplits: Int.max, omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else {
            return .failure(Diagnostic(
                file: path, line: 1, column: 1,
                message: "the file does not start with front matter (a line `---`)",
                hint: "put the fields between two lines `---` at the top of the file, e.g.\n  ---\n  title: Judul\n  ---"))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var closingLine: Int?
        var lineNumber = 1
        for line in lines {
            lineNumber += 1
            if isFence(line) {
                closingLine = lineNumber
                break
            }
            yamlLines.append(line)
        }
        guard let closing = closingLine else {
            return .failure(Diagnostic(
                file: path, line: 1, column: 1,
                message: "the front matter is not closed: no line `---` after the first one",
                hint: "add a line with only `---` after the last field, before the text of the page"))
        }
        let body = lines.dropFirst(closing - 1).joined(separator: "\n")
        return .success(FrontMatter(
            yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2, body: body, bodyFirstLine: closing + 1))
    }

    private static func isFence(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        return line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
