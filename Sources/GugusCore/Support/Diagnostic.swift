/// A problem found in the sources, reported as `file:line:col: error: message` plus a
/// hint in plain words that a communications officer can act on.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(
        file: String, line: Int = 1, column: Int = 1, severity: Severity = .error,
        message: String, hint: String? = nil
    ) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public init(at location: SourceLocation, severity: Severity = .error, _ message: String, hint: String? = nil) {
        self.init(
            file: location.file, line: location.line, column: location.column,
            severity: severity, message: message, hint: hint)
    }

    /// `content/news/x.md:3:7: error: message` and, on the next line, `  hint: ...`.
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// A place in a source file (1-based line and column).
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Collects diagnostics during a phase of the build.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(at: location, message, hint: hint))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(at: location, severity: .warning, message, hint: hint))
    }

    /// Diagnostics in a stable order: by file, then line, then column.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }
}
