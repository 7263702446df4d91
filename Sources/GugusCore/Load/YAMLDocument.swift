import Foundation
import CYaml
import Yams

/// A value together with the place in the sources where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// Parses YAML text with Yams into a tree of nodes, guarding against inputs that would
/// exhaust the machine (deep nesting, alias bombs) and turning syntax errors into
/// diagnostics at the right line of the original file.
public enum YAMLDocument {
    /// libyaml's own guard against deep nesting, lowered from 1,000 so that composing the
    /// tree (recursive in Yams) stays far from the end of a thread's stack.
    private static let nestingLimitInstalled: Bool = {
        yaml_set_max_nest_level(Int32(SourceText.Limits.yamlNesting))
        return true
    }()

    /// - Parameter firstLine: the line of the file where the YAML text starts.
    /// The entries of a file that must be a YAML list (`regions.yaml`, `gone.yaml`), or
    /// an error saying what the file should look like. An empty file is an empty list.
    static func list(_ source: SourceText, mustBe what: String, hint: String, diagnostics: inout DiagnosticLog) -> [Node] {
        switch parse(source.text, file: source.path, firstLine: 1) {
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return []
        case .success(nil):
            return []
        case let .success(.some(node)):
            guard case let .sequence(sequence) = node else {
                let reader = FieldReader(node: nil, file: source.path, firstLine: 1)
                diagnostics.error(reader.place(of: node), "\((source.path as NSString).lastPathComponent) must be \(what)", hint: hint)
                return []
            }
            return Array(sequence)
        }
    }

    public static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        _ = nestingLimitInstalled
        if let simple = SimpleYAML.compose(yaml) {
            // The front matter most files have, composed without libyaml's events: the same
            // tree (see SimpleYAML), within the budget of values.
            return .success(simple)
        }
        let node: Node?
        do {
            // Tags are not resolved (FieldReader reads every value as text and checks it
            // itself): Yams' default resolver runs regular expressions on every scalar. UTF-8
            // is named here: Yams' default reads the environment on every call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(Diagnostic(file: file, line: firstLine, message: "the YAML cannot be read: \(error)",
                                       hint: "check quotes, colons and indentation in the fields"))
        }
        if let node {
            var budget = SourceText.Limits.yamlNodes
            if !fitsBudget(node, budget: &budget) {
                return .failure(Diagnostic(
                    file: file, line: firstLine, column: 1,
                    message: "the YAML expands to more than \(SourceText.Limits.yamlNodes) values (anchors and aliases repeated many times?)",
                    hint: "write the values out instead of repeating them with & anchors and * aliases"))
            }
        }
        return .success(node)
    }

    static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = "the YAML is not valid: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            return Diagnostic(
                file: file, line: firstLine + mark.line - 1, column: mark.column, message: message,
                hint: hint(for: problem))
        case let .duplicatedKeysInMapping(keys, context):
            if let found = DuplicateKeys.first(in: context.text) {
                return Diagnostic(
                    file: file, line: firstLine + found.line - 1, column: found.column,
                    message: "the field `\(found.key)` is written twice (first on line \(firstLine + found.firstLine - 1))",
                    hint: "keep one `\(found.key):` line and delete the other (put all its values in the one you keep)")
            }
            let names = keys.map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(file: file, line: firstLine, message: "a field is written twice: \(names)",
                              hint: "keep one line of each field and delete the other")
        case let .reader(problem, offset, _, yaml):
            // The line of the byte where reading stopped.
            let before = yaml.utf8.prefix(max(0, offset ?? 0))
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            return Diagnostic(file: file, line: firstLine + line - 1, message: "the YAML cannot be read: \(problem)",
                              hint: hint(for: problem))
        default:
            return Diagnostic(file: file, line: firstLine, message: "the YAML cannot be read",
                              hint: "check quotes, colons and indentation in the fields")
        }
    }

    static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "a value that contains `: ` must be put in quotes, like title: \"Rakor: Gugus Tugas\""
        }
        if problem.contains("Maximum nesting") {
            return "front matter needs only a few levels of lists and maps; check the brackets [ ] and { }"
        }
        if problem.contains("tab") {
            return "indent with spaces, not tabs"
        }
        if problem.contains("indentation") || problem.contains("block end") {
            return "check the indentation: items of a list start with `- ` at the same column"
        }
        if problem.contains("control characters") {
            return "remove invisible control characters from this line (retype it)"
        }
        if problem.contains("alias") {
            return "a `*` at the start of a value refers to an anchor; put the value in quotes if you meant a star"
        }
        return "check quotes, colons and indentation on this line and the one above it"
    }

    /// Walks the tree counting values; aliases make a small text expand exponentially.
    static func fitsBudget(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias: return true
        case let .sequence(sequence):
            for child in sequence where !fitsBudget(child, budget: &budget) { return false }
            return true
        case let .mapping(mapping):
            for (key, value) in mapping {
                if !fitsBudget(key, budget: &budget) || !fitsBudget(value, budget: &budget) { return false }
            }
            return true
        }
    }
}
