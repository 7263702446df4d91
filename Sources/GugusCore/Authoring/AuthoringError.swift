/// Why `gugus init` or `gugus new` wrote nothing: what is wrong, with the file, and what to do.
public struct AuthoringError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// `error: message` and, on the next line, `  hint: ...`, like the build's diagnostics.
    public var description: String {
        var text = "error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
