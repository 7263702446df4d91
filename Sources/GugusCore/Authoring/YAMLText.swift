import Yams

/// YAML written by Gugus for people to read and edit: every value goes through Yams, so a
/// title with `: ` or a code like `64.08` comes out quoted exactly when YAML needs it.
enum YAMLText {
    /// A text value: quoted when it would otherwise read as a number, a date or a boolean.
    static func string(_ text: String) -> Node { .scalar(text.represented()) }

    /// A value written as is (a date, `true`, a number made by Gugus).
    static func plain(_ text: String) -> Node { Node(text, .implicit, .plain) }

    /// A text in double quotes, as the README asks for region codes.
    static func quoted(_ text: String) -> Node { Node(text, Tag(.str), .doubleQuoted) }

    static func mapping(_ pairs: [(String, Node)]) -> Node {
        Node(pairs.map { (Node($0.0), $0.1) })
    }

    /// One `key: value` line (without the line break).
    static func line(_ key: String, _ value: Node) -> String {
        document(mapping([(key, value)])).trimmingSpaces
    }

    /// A whole document, block style, lines never wrapped, Unicode kept as is.
    static func document(_ node: Node) -> String {
        // Serializing a tree of scalars, lists and maps cannot fail; the fallback keeps
        // this total without a trap.
        (try? Yams.serialize(node: node, width: -1, allowUnicode: true, sortKeys: false)) ?? ""
    }
}
