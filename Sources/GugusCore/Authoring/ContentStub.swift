import Yams

/// The text of a new content file: every field of its type with a short Indonesian comment,
/// required fields filled in, optional ones left empty for the writer.
struct ContentStub {
    /// A value given to a field, with a note when it is a stand-in the writer must replace.
    struct Value {
        var node: Node
        var replaceNote: String?
    }

    var kind: ContentKind
    var values: [String: Value]
    var body: String

    var text: String {
        var lines = [
            "---",
            "# Dibuat dengan `gugus new`. Baris yang diawali # hanya keterangan dan boleh dihapus.",
            "# Isian yang kosong boleh dibiarkan kosong. Nilai berisi \": \" ditulis dalam tanda kutip.",
        ]
        for field in ContentModel.fields(for: kind) {
            lines.append("")
            lines.append("# \(field.label)\(field.required ? " (wajib)" : "") — \(field.hint)")
            if let value = values[field.name] {
                if let note = value.replaceNote { lines.append("# GANTI: \(note)") }
                lines.append(YAMLText.line(field.name, value.node))
            } else {
                lines.append(Self.emptyLine(field))
            }
        }
        lines.append("---")
        lines.append(body)
        return lines.joined(separator: "\n") + "\n"
    }

    /// An empty field: `key:` reads as absent; lists are written `[]` to show their shape.
    static func emptyLine(_ field: FieldSpec) -> String {
        switch field.kind {
        case .list, .decrees, .events, .members: "\(field.name): []"
        default: "\(field.name):"
        }
    }
}
